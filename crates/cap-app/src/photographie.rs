//! The photographie of a campaign, computed once per change of its data: scores by pillar (radar)
//! and by general objective (bars), each with its data table; a heat map of the indicators against
//! their targets; strengths, weaknesses and the answers people disagreed on; and the comparison
//! with the organisation's previous campaign, across referential versions through the code map.
//! The page and the PDF report print the same [`View`].

use crate::app::App;
use crate::campaigns::{Loaded, individuals};
use crate::error::Result;
use crate::i18n::Tr;
use crate::results::{Outcome, outcome, previous, value_label};
use cap_domain::campaign::{AnswerValue, format_number};
use cap_domain::consolidation::{Individual, divergence};
use cap_domain::pillar_step::PillarStep;
use cap_domain::referential::{NodeKind, Referential};
use cap_domain::scoring::{IndicatorScore, Scores, TargetStanding, carry_over};
use cap_reports::charts::{self, ChartText, Responsive, Series, percent};
use std::collections::HashMap;

/// A row of the score tables.
#[derive(Debug, Clone)]
pub struct ScoreRow {
    /// Node code.
    pub code: String,
    /// Title.
    pub label: String,
    /// Score as a percentage, or « — ».
    pub score: String,
    /// Target as a percentage, or « — ».
    pub target: String,
    /// Previous campaign's score, or « — ».
    pub previous: String,
    /// Scored indicators beneath.
    /// Indicators scored.
    pub rated: usize,
    /// The score as a share, for bars drawn beside the figures (the PDF report).
    pub share: f64,
}

/// One indicator of the heat map.
pub struct HeatCell {
    /// Code.
    pub code: String,
    /// Statement.
    pub statement: String,
    /// The shared answer in words.
    pub answer: String,
    /// Target level, or « — ».
    pub target: String,
    /// Where it stands against its target (the cell's class and pattern, and its words).
    pub standing: TargetStanding,
}

/// The indicators of one operational objective in the heat map.
pub struct HeatGroup {
    /// The objective's title.
    pub title: String,
    /// Its indicators.
    pub cells: Vec<HeatCell>,
}

/// A highlighted indicator: code, statement and a detail.
#[derive(Debug, Clone)]
pub struct Highlight {
    /// Code.
    pub code: String,
    /// Statement.
    pub statement: String,
    /// What to notice.
    pub detail: String,
}

/// Everything the photographie shows of a campaign in one language, computed once per change of
/// its data (see [`Cache`]); the PDF report prints the same.
pub struct View {
    /// The overall score and target, as percentages.
    pub overall: Option<(String, String)>,
    /// The previous campaign's overall score.
    pub overall_previous: Option<String>,
    pub rated: usize,
    /// Indicators left without a score.
    pub unrated: usize,
    /// Scores by pillar.
    pub pillars: Vec<ScoreRow>,
    /// Scores by general objective.
    pub objectives: Vec<ScoreRow>,
    /// The pillars' radar chart (SVG, for phones and for wider screens and paper).
    pub radar: Responsive,
    /// The objectives' bar chart (SVG, for phones and for wider screens and paper).
    pub bars: Responsive,
    /// The figures in one sentence, for screen readers.
    pub radar_summary: String,
    /// The heat map, by operational objective.
    pub heat: Vec<HeatGroup>,
    /// Indicators at or above their target, best first.
    pub strengths: Vec<Highlight>,
    /// Indicators furthest below their target.
    pub weaknesses: Vec<Highlight>,
    /// Indicators people answered most differently.
    pub divergent: Vec<Highlight>,
    /// Indicators that are figures (numbers with their units).
    pub figures: Vec<Highlight>,
    /// The pillars being consolidated, whose figures may still change, by title.
    pub provisional: Vec<String>,
    /// The pillars still answered, whose figures come later, by title.
    pub to_come: Vec<String>,
    /// The previous campaign's title, when there is one.
    pub previous_title: Option<String>,
    /// Indicators that moved most since the previous campaign.
    pub changes: Vec<Highlight>,
}

fn opt_percent(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), percent)
}

fn score_rows(r: &Referential, kind: NodeKind, scores: &Scores, before: &HashMap<String, f64>) -> Vec<ScoreRow> {
    r.nodes
        .iter()
        .filter(|n| n.kind == kind)
        .filter_map(|n| {
            let s = scores.nodes.get(&n.code)?;
            Some(ScoreRow {
                code: n.code.clone(),
                label: n.label().to_owned(),
                score: percent(s.score),
                target: opt_percent(s.target),
                previous: opt_percent(before.get(&n.code).copied()),
                rated: s.rated,
                share: s.score,
            })
        })
        .collect()
}

fn series<'a>(rows: &'a [ScoreRow], scores: &Scores, before: &HashMap<String, f64>) -> Vec<Series<'a>> {
    rows.iter()
        .map(|row| Series {
            label: &row.label,
            value: scores.nodes.get(&row.code).map(|s| s.score),
            previous: before.get(&row.code).copied(),
            target: scores.nodes.get(&row.code).and_then(|s| s.target),
        })
        .collect()
}

/// Computes the photographie from the campaign's data.
/// `compare` picks the earlier campaign to compare with (the latest one by default).
pub async fn build(app: &App, loaded: &Loaded, t: Tr, compare: Option<i64>) -> Result<View> {
    let out = outcome(app, loaded).await?;
    let r = &loaded.referential.referential;
    // The photographie fills in pillar by pillar, as their consolidation begins.
    let covered = loaded.result_indicators();
    let english = t.lang() == "en";

    // The previous campaign's scores: nodes matched by code, indicators through the code map.
    let earlier = previous(app, loaded, compare).await?;
    let mut before_nodes: HashMap<String, f64> = HashMap::new();
    let mut before_indicators: HashMap<String, f64> = HashMap::new();
    if let Some(p) = &earlier {
        before_nodes = p.scores.nodes.iter().map(|(code, s)| (code.clone(), s.score)).collect();
        before_indicators = carry_over(r, &p.referential.referential, &p.scores);
    }

    let pillars = score_rows(r, NodeKind::Pillar, &out.scores, &before_nodes);
    let objectives = score_rows(r, NodeKind::GeneralObjective, &out.scores, &before_nodes);
    // Each chart describes its figures in words for screen readers.
    let describe = |rows: &[ScoreRow]| {
        rows.iter().map(|row| format!("{} {}", row.label, row.score)).collect::<Vec<_>>().join(" ; ")
    };
    let chart_text = |id, title, description| ChartText {
        id,
        title,
        description,
        legend_current: t.t("results.legend_current"),
        legend_previous: t.t("results.legend_previous"),
        legend_target: t.t("results.legend_target"),
    };
    let (radar_desc, bars_desc) = (describe(&pillars), describe(&objectives));
    let (pillar_series, objective_series) =
        (series(&pillars, &out.scores, &before_nodes), series(&objectives, &out.scores, &before_nodes));
    let radar = Responsive::draw(|fit| {
        charts::radar(&pillar_series, &chart_text("radar", t.t("results.radar_title"), &radar_desc), fit)
    });
    let bars = Responsive::draw(|fit| {
        charts::bars(&objective_series, &chart_text("bars", t.t("results.bars_title"), &bars_desc), fit)
    });

    let heat = heat_map(t, r, &covered, &out);
    let (strengths, weaknesses) = strengths_and_weaknesses(t, r, &covered, &out);
    let divergent = most_divergent(app, loaded, &covered).await?;
    let figures = covered
        .iter()
        .filter_map(|n| match out.scores.indicators.get(&n.code) {
            Some(IndicatorScore::Figure(v)) => Some(Highlight {
                code: n.code.clone(),
                statement: n.label().to_owned(),
                detail: format!("{} {}", format_number(*v), n.unit.clone().unwrap_or_default()).trim().to_owned(),
            }),
            _ => None,
        })
        .collect();
    let mut moved: Vec<(f64, Highlight)> = covered
        .iter()
        .filter_map(|n| {
            let before = *before_indicators.get(&n.code)?;
            let after = out.scores.indicators.get(&n.code)?.share()?;
            let delta = after - before;
            (delta.abs() > 1e-9).then(|| {
                let sign = if delta > 0.0 { "+" } else { "−" };
                (
                    delta,
                    Highlight {
                        code: n.code.clone(),
                        statement: n.label().to_owned(),
                        detail: format!("{} → {} ({sign}{})", percent(before), percent(after), percent(delta.abs())),
                    },
                )
            })
        })
        .collect();
    moved.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    let changes = moved.into_iter().take(10).map(|(_, h)| h).collect();
    let overall = out.scores.overall.map(|o| (percent(o.score), opt_percent(o.target)));
    let rated = out.scores.overall.map_or(0, |o| o.rated);
    let radar_summary =
        t.tn("results.summary", &[overall.as_ref().map_or_else(|| "—".to_owned(), |o| o.0.clone()), rated.to_string()]);
    Ok(View {
        overall_previous: earlier.as_ref().and_then(|p| p.scores.overall).map(|o| percent(o.score)),
        previous_title: earlier.map(|p| p.campaign.title),
        provisional: if loaded.steps.any_consolidating() {
            loaded.pillars_at(PillarStep::Consolidation, english)
        } else {
            Vec::new()
        },
        to_come: loaded.pillars_to_come(english),
        unrated: out.scores.unrated,
        overall,
        rated,
        pillars,
        objectives,
        radar,
        bars,
        radar_summary,
        heat,
        strengths,
        weaknesses,
        divergent,
        figures,
        changes,
    })
}

fn heat_map(t: Tr, r: &Referential, covered: &[&cap_domain::referential::Node], out: &Outcome) -> Vec<HeatGroup> {
    let mut groups: Vec<HeatGroup> = Vec::new();
    let mut current_parent: Option<&str> = None;
    for node in covered {
        let parent = node.parent.as_deref().unwrap_or_default();
        if current_parent != Some(parent) {
            current_parent = Some(parent);
            groups.push(HeatGroup {
                title: r.node(parent).map_or_else(String::new, |p| p.label().to_owned()),
                cells: Vec::new(),
            });
        }
        let value = out.answers.get(&node.code).cloned();
        let target = out.targets.level_of(r, node);
        let share = out.scores.indicators.get(&node.code).and_then(IndicatorScore::share);
        let target_share = out.targets.share_of(r, node);
        let standing = TargetStanding::of(value.as_ref(), share, target_share);
        if let Some(group) = groups.last_mut() {
            group.cells.push(HeatCell {
                code: node.code.clone(),
                statement: node.label().to_owned(),
                answer: value_label(t, r, node, &value),
                target: match (node.answer, target) {
                    (cap_domain::referential::AnswerType::Level, Some(level)) => level.to_string(),
                    (cap_domain::referential::AnswerType::YesNo, Some(_)) => t.t("answer.yes").to_owned(),
                    _ => "—".to_owned(),
                },
                standing,
            });
        }
    }
    groups
}

fn strengths_and_weaknesses(
    t: Tr,
    r: &Referential,
    covered: &[&cap_domain::referential::Node],
    out: &Outcome,
) -> (Vec<Highlight>, Vec<Highlight>) {
    let mut scored: Vec<(f64, f64, &cap_domain::referential::Node)> = covered
        .iter()
        .filter_map(|n| {
            let share = out.scores.indicators.get(&n.code)?.share()?;
            let goal = out.targets.share_of(r, n).unwrap_or(share);
            Some((share, goal, *n))
        })
        .collect();
    let highlight = |share: f64, goal: f64, n: &cap_domain::referential::Node| Highlight {
        code: n.code.clone(),
        statement: n.label().to_owned(),
        detail: t.tn(
            "results.versus_target",
            &[value_label(t, r, n, &out.answers.get(&n.code).cloned()), percent(share), percent(goal)],
        ),
    };
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1 - a.0).total_cmp(&(b.1 - b.0))));
    let strengths =
        scored.iter().filter(|(s, g, _)| s + 1e-9 >= *g).take(5).map(|(s, g, n)| highlight(*s, *g, n)).collect();
    scored.sort_by(|a, b| (b.1 - b.0).total_cmp(&(a.1 - a.0)).then(a.0.total_cmp(&b.0)));
    let weaknesses =
        scored.iter().filter(|(s, g, _)| g - s > 1e-9).take(5).map(|(s, g, n)| highlight(*s, *g, n)).collect();
    (strengths, weaknesses)
}

async fn most_divergent(
    app: &App,
    loaded: &Loaded,
    covered: &[&cap_domain::referential::Node],
) -> Result<Vec<Highlight>> {
    let r = &loaded.referential.referential;
    let all = individuals(app, loaded).await?;
    let (low, high) = (r.scale.levels.first().map_or(0, |l| l.value), r.scale.levels.last().map_or(0, |l| l.value));
    let mut ranked: Vec<(f64, Highlight)> = covered
        .iter()
        .filter_map(|n| {
            let answers: Vec<Individual> = all.get(&n.code)?.iter().map(|(i, _, _)| i.clone()).collect();
            let d = divergence(&answers, low, high);
            let levels: Vec<i64> = answers
                .iter()
                .filter_map(|a| match a.value {
                    Some(AnswerValue::Level(l)) => Some(l),
                    _ => None,
                })
                .collect();
            let (lo, hi) = (levels.iter().min()?, levels.iter().max()?);
            (d.spread >= 2).then(|| {
                (
                    d.score,
                    Highlight {
                        code: n.code.clone(), statement: n.label().to_owned(), detail: format!("{lo} → {hi}")
                    },
                )
            })
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    Ok(ranked.into_iter().take(5).map(|(_, h)| h).collect())
}
