//! PDF reports of a campaign, typeset on the server with [typst](https://typst.app): the full
//! report ([`render_report`]) and its two-page summary for the board and the State services
//! ([`render_summary`]), both A4.
//!
//! The caller builds a [`Report`]: every text it holds, the fixed ones in [`Labels`] included, is
//! already in the reader's language, so the templates (`report.typ`, `summary.typ`, sharing
//! `common.typ`) only give structure. The model reaches typst as a dictionary in `sys.inputs`,
//! never spliced into markup: a title such as `#panic("x")` is printed as it is. Charts are SVG
//! strings from [`crate::charts`] drawn for [`Fit::Wide`], handed over as bytes and shown with
//! `image(…)` as many ems wide as the fit is drawn for, so that their labels print at the size of
//! the text around them.
//!
//! Fonts are embedded (typst's own: Libertinus Serif, New Computer Modern, DejaVu Sans Mono), so
//! nothing is read from the machine. One engine is built on first use and shared; typst's
//! memoization cache is emptied after every document so memory stays flat over many reports.

use crate::charts::Fit;
use std::sync::OnceLock;
use typst::comemo;
use typst::foundations::{Bytes, Dict, IntoValue, Value};
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;

pub mod sample;

const COMMON: &str = include_str!("common.typ");
const REPORT: &str = include_str!("report.typ");
const SUMMARY: &str = include_str!("summary.typ");

/// Why a PDF could not be made. The messages are for logs, not for the reader.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The template did not compile with this data (a bug in the template or the model).
    #[error("typesetting failed: {0}")]
    Typeset(String),
    /// The typeset document could not be written as PDF.
    #[error("PDF export failed: {0}")]
    Export(String),
}

/// Declares [`Labels`] from one list of documented names, so the struct, the names the templates
/// read (`l.name`) and [`Labels::NAMES`] never drift apart.
macro_rules! labels {
    ($( $(#[doc = $doc:expr])+ $name:ident ),+ $(,)?) => {
        /// Every fixed text the templates print (headings, column titles, captions), in the
        /// reader's language. The templates read each one by its field name.
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct Labels {
            $( $(#[doc = $doc])+ pub $name: String, )+
        }

        impl Labels {
            /// The field names, which are the names the templates use.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),+];

            /// Builds every label from a function of its name (e.g. a message catalogue lookup).
            pub fn from_fn(mut text: impl FnMut(&str) -> String) -> Self {
                Self { $( $name: text(stringify!($name)), )+ }
            }

            fn to_value(&self) -> Value {
                let mut d = Dict::new();
                $( d.insert(stringify!($name).into(), self.$name.as_str().into_value()); )+
                Value::Dict(d)
            }
        }
    };
}

labels! {
    /// Cover: the kind of document (« Rapport d'auto-évaluation »).
    report_title,
    /// Summary: the kind of document (« Synthèse »).
    summary_title,
    /// Summary: who it is for (« Pour le conseil d'administration et le dialogue avec les services de l'État »).
    summary_audience,
    /// « Édité le » before the date the document was made.
    generated_on,
    /// Heading: the organisation and the campaign.
    section_context,
    /// Heading: participation.
    section_participation,
    /// Heading: the photographie.
    section_photographie,
    /// Heading: details per pillar.
    section_pillars,
    /// Heading: divergences.
    section_divergences,
    /// Heading: quantitative indicators.
    section_figures,
    /// Heading: the progress plan.
    section_plan,
    /// Heading: the review's conclusions (accompaniment day).
    section_review,
    /// Heading: readiness for a certification.
    section_readiness,
    /// Column: a requirement of the certification referential.
    readiness_clause,
    /// Column: a requirement's status.
    readiness_status,
    /// Heading: key figures (summary).
    section_key_figures,
    /// Heading: strengths.
    strengths,
    /// Heading: points to improve.
    weaknesses,
    /// « Organisation ».
    organisation,
    /// « SIRET ».
    siret,
    /// « Type de structure ».
    organisation_type,
    /// « Région ».
    region,
    /// « Campagne ».
    campaign,
    /// « Étape ».
    status,
    /// « Référentiel ».
    referential,
    /// Column: collège.
    college,
    /// Column: people invited.
    invited,
    /// Column: people who answered.
    answered,
    /// Row: total.
    total,
    /// « Score global ».
    overall,
    /// Column: code.
    code,
    /// Column: title.
    title,
    /// Column: score.
    score,
    /// Column: target (niveau d'exigence).
    target,
    /// Column: previous campaign.
    previous,
    /// Column: indicators scored.
    rated,
    /// Column: indicator.
    indicator,
    /// Column: the shared answer.
    answer,
    /// Column: where the indicator stands against its target.
    standing,
    /// Column: value.
    value,
    /// Column: action.
    action,
    /// Column: action status.
    action_status,
    /// Column: responsible person.
    responsible,
    /// Column: due date.
    due_on,
    /// Column: progress.
    progress,
    /// Column: priority.
    priority,
    /// Key figure: number of actions.
    actions,
    /// Summary: the most important actions.
    top_actions,
    /// « Date ».
    held_on,
    /// « Personnes présentes ».
    attendees,
    /// « Conclusions ».
    conclusions,
    /// « Décision ».
    decision,
    /// « Offres de services retenues ».
    offers,
    /// « Plan à mener d'ici le ».
    horizon,
    /// « Point à mi-parcours ».
    checkpoint,
    /// Shown when a list is empty.
    none,
    /// Shown when there is no plan yet.
    no_plan,
    /// Shown when the accompaniment day is not recorded yet.
    no_review,
    /// « Page » (page numbers in the footer).
    page,
}

/// Organisation facts printed on the cover and in the first section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Organisation {
    /// Name.
    pub name: String,
    /// SIRET, when known.
    pub siret: Option<String>,
    /// Type of structure in words (ACI, EI…), when known.
    pub kind: Option<String>,
    /// Region name, when known.
    pub region: Option<String>,
}

/// Campaign facts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Campaign {
    /// Title.
    pub title: String,
    /// Current step in words.
    pub status: String,
    /// Referential name and version in words.
    pub referential: String,
    /// Dated steps as (label, date in words), in order.
    pub dates: Vec<(String, String)>,
}

/// People invited and who answered, for one collège.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Participation {
    /// The collège in words.
    pub college: String,
    /// People taking part.
    pub invited: u32,
    /// Those who gave at least one answer.
    pub answered: u32,
}

/// A score line: a pillar or an objective, with figures already in words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoreLine {
    /// Code.
    pub code: String,
    /// Title.
    pub title: String,
    /// Score in words (« 67 % » or « — »).
    pub score: String,
    /// The score as a share in `0.0..=1.0`, drawn as a bar when known.
    pub share: Option<f64>,
    /// Target in words.
    pub target: String,
    /// Previous campaign's score in words.
    pub previous: String,
    /// Indicators scored beneath.
    pub rated: u32,
}

/// Where an indicator stands against its target (the domain's own value); drawn as a mark beside
/// the words, never by colour alone.
pub use cap_domain::scoring::TargetStanding as Standing;

/// An indicator in the details per pillar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndicatorLine {
    /// The operational objective it belongs to, which groups indicators in the tables.
    pub group: String,
    /// Code.
    pub code: String,
    /// Statement.
    pub statement: String,
    /// The shared answer in words.
    pub answer: String,
    /// The target in words.
    pub target: String,
    /// Where it stands.
    pub standing: Standing,
    /// Where it stands, in words.
    pub standing_label: String,
}

/// A pillar with its objectives and indicators.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pillar {
    /// The pillar's own line.
    pub line: ScoreLine,
    /// Its general objectives, in tree order.
    pub objectives: Vec<ScoreLine>,
    /// Its indicators, in tree order (the full report only).
    pub indicators: Vec<IndicatorLine>,
}

/// An indicator to notice: strength, point to improve or divergence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Code.
    pub code: String,
    /// Statement.
    pub statement: String,
    /// What to notice, in words.
    pub detail: String,
}

/// A quantitative indicator's value (number answers: people employed, exits by category…).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figure {
    /// The objective it belongs to, which groups figures in the tables.
    pub group: String,
    /// Code.
    pub code: String,
    /// Statement.
    pub label: String,
    /// Value in words, without the unit (« 1 250 »), or « — ».
    pub value: String,
    /// Unit (« sorties », « % »), possibly empty.
    pub unit: String,
}

/// An action of the progress plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Action {
    /// Title.
    pub title: String,
    /// Status in words.
    pub status: String,
    /// Priority in words.
    pub priority: String,
    /// Responsible person, possibly empty.
    pub responsible: String,
    /// Due date in words, possibly empty.
    pub due_on: String,
    /// Progress in percent, `0..=100` (larger values are drawn as 100).
    pub progress: u8,
    /// Codes of the indicators it targets.
    pub indicators: Vec<String>,
}

/// The progress plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Plan facts as (label, text): start, horizon, objectives at one and three years…
    pub facts: Vec<(String, String)>,
    /// Actions per status as (status in words, count).
    pub counts: Vec<(String, u32)>,
    /// The actions, most important first (the summary shows the first few).
    pub actions: Vec<Action>,
}

/// The accompaniment day and what it decided.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    /// Date in words.
    pub held_on: String,
    /// People present.
    pub attendees: String,
    /// Conclusions (line breaks kept).
    pub conclusions: String,
    /// The decision in words.
    pub decision: String,
    /// Offers of services agreed, in words.
    pub offers: Vec<String>,
    /// By when the plan should be carried out, in words.
    pub horizon: String,
    /// The mid-term checkpoint, in words.
    pub checkpoint: String,
}

/// Readiness for one certification referential: counts by status and each requirement's status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Readiness {
    /// The referential's title.
    pub title: String,
    /// (status in words, how many requirements).
    pub counts: Vec<(String, usize)>,
    /// (code, title, status in words) of each requirement.
    pub clauses: Vec<(String, String, String)>,
}

/// The charts, as SVG documents from [`crate::charts`] drawn for [`Fit::Wide`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Charts {
    /// Scores per pillar ([`crate::charts::radar`]).
    pub radar: String,
    /// Scores per general objective ([`crate::charts::bars`]).
    pub bars: String,
    /// Accessible name of the radar.
    pub radar_title: String,
    /// Accessible name of the bars.
    pub bars_title: String,
}

/// Everything a report prints, every text in the reader's language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Language code of the texts (`fr`, `en`): hyphenation and typography.
    pub lang: String,
    /// Fixed texts.
    pub labels: Labels,
    /// The date the document is made, in words.
    pub generated_on: String,
    /// The organisation.
    pub organisation: Organisation,
    /// The campaign.
    pub campaign: Campaign,
    /// Participation per collège.
    pub participation: Vec<Participation>,
    /// Overall score, when any indicator is scored.
    pub overall: Option<ScoreLine>,
    /// One sentence on how many indicators are scored.
    pub rated_summary: String,
    /// Pillars with their objectives and indicators.
    pub pillars: Vec<Pillar>,
    /// Strengths.
    pub strengths: Vec<Highlight>,
    /// Points to improve.
    pub weaknesses: Vec<Highlight>,
    /// Indicators people disagreed on most.
    pub divergences: Vec<Highlight>,
    /// Quantitative indicators.
    pub figures: Vec<Figure>,
    /// The progress plan, once there is one.
    pub plan: Option<Plan>,
    /// The accompaniment day, once recorded.
    pub review: Option<Review>,
    /// Readiness for each certification referential the campaign's maps to.
    pub readiness: Vec<Readiness>,
    /// The charts.
    pub charts: Charts,
}

/// Typesets the full report as PDF (cover, context, participation, photographie with its charts,
/// details per pillar, divergences, quantitative indicators, plan, review).
pub fn render_report(report: &Report) -> Result<Vec<u8>, PdfError> {
    render("report.typ", report)
}

/// Typesets the two-page summary as PDF: key figures, radar, pillars, quantitative indicators,
/// the plan's counts and first actions, the review's decision.
pub fn render_summary(report: &Report) -> Result<Vec<u8>, PdfError> {
    render("summary.typ", report)
}

/// The engine, built once: fonts parsed, templates loaded.
fn engine() -> &'static TypstEngine {
    static ENGINE: OnceLock<TypstEngine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .fonts(typst_assets::fonts().map(Bytes::new))
            .with_static_source_file_resolver([
                ("common.typ", COMMON),
                ("report.typ", REPORT),
                ("summary.typ", SUMMARY),
            ])
            // Evicting after each compilation is the default; it is done again after export below.
            .comemo_evict_max_age(Some(0))
            .build()
    })
}

fn render(main: &str, report: &Report) -> Result<Vec<u8>, PdfError> {
    let mut inputs = Dict::new();
    inputs.insert("report".into(), report.to_value());
    let compiled = engine().compile_with_input::<_, _, PagedDocument>(main, inputs).output;
    let result = compiled.map_err(|e| PdfError::Typeset(e.to_string())).and_then(|document| {
        typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
            PdfError::Export(errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; "))
        })
    });
    // Export memoizes too: forget everything so memory does not grow from report to report.
    comemo::evict(0);
    result
}

fn text(s: &str) -> Value {
    s.into_value()
}

fn texts(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| text(s)).collect())
}

fn pairs<T: Clone + IntoValue>(items: &[(String, T)]) -> Value {
    Value::Array(
        items
            .iter()
            .map(|(label, value)| dict([("label", text(label)), ("value", value.clone().into_value())]))
            .collect(),
    )
}

fn dict<const N: usize>(entries: [(&str, Value); N]) -> Value {
    let mut d = Dict::new();
    for (key, value) in entries {
        d.insert(key.into(), value);
    }
    Value::Dict(d)
}

fn list<T>(items: &[T], f: impl Fn(&T) -> Value) -> Value {
    Value::Array(items.iter().map(f).collect())
}

/// An SVG document as bytes for `image(…)`, or none when there is nothing to draw.
fn svg(source: &str) -> Value {
    if source.trim().is_empty() { Value::None } else { Bytes::new(source.as_bytes().to_vec()).into_value() }
}

fn count(n: u32) -> Value {
    i64::from(n).into_value()
}

impl ScoreLine {
    fn to_value(&self) -> Value {
        dict([
            ("code", text(&self.code)),
            ("title", text(&self.title)),
            ("score", text(&self.score)),
            // A share outside 0..=1 (or NaN) would make a bar wider than its box.
            ("share", self.share.filter(|s| s.is_finite()).map(|s| s.clamp(0.0, 1.0)).into_value()),
            ("target", text(&self.target)),
            ("previous", text(&self.previous)),
            ("rated", count(self.rated)),
        ])
    }
}

impl Highlight {
    fn to_value(&self) -> Value {
        dict([("code", text(&self.code)), ("statement", text(&self.statement)), ("detail", text(&self.detail))])
    }
}

impl Report {
    fn to_value(&self) -> Value {
        let o = &self.organisation;
        let c = &self.campaign;
        dict([
            ("lang", text(&self.lang)),
            ("labels", self.labels.to_value()),
            ("generated_on", text(&self.generated_on)),
            (
                "organisation",
                dict([
                    ("name", text(&o.name)),
                    ("siret", o.siret.as_deref().into_value()),
                    ("kind", o.kind.as_deref().into_value()),
                    ("region", o.region.as_deref().into_value()),
                ]),
            ),
            (
                "campaign",
                dict([
                    ("title", text(&c.title)),
                    ("status", text(&c.status)),
                    ("referential", text(&c.referential)),
                    ("dates", pairs(&c.dates)),
                ]),
            ),
            (
                "participation",
                list(&self.participation, |p| {
                    dict([
                        ("college", text(&p.college)),
                        ("invited", count(p.invited)),
                        ("answered", count(p.answered)),
                    ])
                }),
            ),
            ("overall", self.overall.as_ref().map_or(Value::None, ScoreLine::to_value)),
            ("rated_summary", text(&self.rated_summary)),
            (
                "pillars",
                list(&self.pillars, |p| {
                    dict([
                        ("line", p.line.to_value()),
                        ("objectives", list(&p.objectives, ScoreLine::to_value)),
                        (
                            "indicators",
                            list(&p.indicators, |i| {
                                dict([
                                    ("group", text(&i.group)),
                                    ("code", text(&i.code)),
                                    ("statement", text(&i.statement)),
                                    ("answer", text(&i.answer)),
                                    ("target", text(&i.target)),
                                    ("standing", text(i.standing.code())),
                                    ("standing_label", text(&i.standing_label)),
                                ])
                            }),
                        ),
                    ])
                }),
            ),
            ("strengths", list(&self.strengths, Highlight::to_value)),
            ("weaknesses", list(&self.weaknesses, Highlight::to_value)),
            ("divergences", list(&self.divergences, Highlight::to_value)),
            (
                "figures",
                list(&self.figures, |f| {
                    dict([
                        ("group", text(&f.group)),
                        ("code", text(&f.code)),
                        ("label", text(&f.label)),
                        ("value", text(&f.value)),
                        ("unit", text(&f.unit)),
                    ])
                }),
            ),
            (
                "plan",
                self.plan.as_ref().map_or(Value::None, |p| {
                    dict([
                        ("facts", pairs(&p.facts)),
                        (
                            "counts",
                            Value::Array(
                                p.counts
                                    .iter()
                                    .map(|(label, n)| dict([("label", text(label)), ("value", count(*n))]))
                                    .collect(),
                            ),
                        ),
                        (
                            "actions",
                            list(&p.actions, |a| {
                                dict([
                                    ("title", text(&a.title)),
                                    ("status", text(&a.status)),
                                    ("priority", text(&a.priority)),
                                    ("responsible", text(&a.responsible)),
                                    ("due_on", text(&a.due_on)),
                                    ("progress", i64::from(a.progress.min(100)).into_value()),
                                    ("indicators", texts(&a.indicators)),
                                ])
                            }),
                        ),
                    ])
                }),
            ),
            (
                "review",
                self.review.as_ref().map_or(Value::None, |r| {
                    dict([
                        ("held_on", text(&r.held_on)),
                        ("attendees", text(&r.attendees)),
                        ("conclusions", text(&r.conclusions)),
                        ("decision", text(&r.decision)),
                        ("offers", texts(&r.offers)),
                        ("horizon", text(&r.horizon)),
                        ("checkpoint", text(&r.checkpoint)),
                    ])
                }),
            ),
            (
                "readiness",
                list(&self.readiness, |r| {
                    dict([
                        ("title", text(&r.title)),
                        (
                            "counts",
                            Value::Array(
                                r.counts
                                    .iter()
                                    .map(|(label, n)| {
                                        dict([
                                            ("label", text(label)),
                                            ("value", count(u32::try_from(*n).unwrap_or(u32::MAX))),
                                        ])
                                    })
                                    .collect(),
                            ),
                        ),
                        (
                            "clauses",
                            Value::Array(
                                r.clauses
                                    .iter()
                                    .map(|(code, title, status)| {
                                        dict([("code", text(code)), ("title", text(title)), ("status", text(status))])
                                    })
                                    .collect(),
                            ),
                        ),
                    ])
                }),
            ),
            (
                "charts",
                dict([
                    // The width the charts are shown at, in ems of the text around them.
                    ("ems", Fit::Wide.ems().into_value()),
                    ("radar", svg(&self.charts.radar)),
                    ("bars", svg(&self.charts.bars)),
                    ("radar_title", text(&self.charts.radar_title)),
                    ("bars_title", text(&self.charts.bars_title)),
                ]),
            ),
        ])
    }
}

#[cfg(test)]
mod tests;
