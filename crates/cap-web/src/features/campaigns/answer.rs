//! `GET/POST /campaigns/{id}/answer/{page}`: one objective per page, each indicator with its
//! scale as large choices, « non concerné », « je ne sais pas » and a comment. Every change is
//! saved at once by the small script (`autosave.rs`); without JavaScript the page's button saves
//! them all. A save made on a stale copy (another tab, another device) is refused and both
//! values are shown.

use super::Choice;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{ByCode, CodePrefix, Form, LastValue};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cap_app::answers::{Outcome, save_one};
use cap_app::campaigns::{Loaded, answer_in, load};
use cap_app::i18n::Tr;
use cap_app::results::{decided_in_workshop, value_label};
use cap_domain::campaign::{AnswerValue, first_unanswered, next_unanswered, place_in_pillar};
use cap_domain::referential::{AnswerType, Node, Referential};
use cap_storage::campaigns::{self, Participant, StoredAnswer};
use std::collections::HashMap;

/// One indicator of the page.
pub struct AnswerField {
    /// Code.
    pub code: String,
    /// Statement.
    pub statement: String,
    /// The statement in easy-to-read words, empty when the referential has none.
    pub easy_read: String,
    /// Guidance as HTML (safe subset).
    pub guidance_html: String,
    /// Examples of evidence.
    pub evidence: Vec<String>,
    /// `level`, `yes_no`, `number` or `text`.
    pub kind: &'static str,
    /// Unit of a number.
    pub unit: String,
    /// The choices, for level and yes/no answers (and the « non concerné »/« je ne sais pas » of all).
    pub choices: Vec<Choice>,
    /// Typed value, for number and text answers.
    pub value: String,
    /// Comment.
    pub comment: String,
    /// Version of the stored answer (0: none yet).
    pub version: i64,
    /// When it was saved, in words.
    pub saved_at: String,
    /// Message key of a problem with what was typed.
    pub error: Option<&'static str>,
    /// What is stored now, when the save was refused as stale.
    pub conflict: Option<String>,
    /// The level the room agreed on in a workshop, in words, when this person gave no answer.
    pub decided: Option<String>,
    /// The evidence given for this indicator so far: (title, address).
    pub given: Vec<(String, String)>,
    /// The glossary's words its statement and guidance use, with their definitions.
    pub words: Vec<cap_app::glossary::UsedTerm>,
}

fn field(t: Tr, r: &Referential, node: &Node, stored: Option<&StoredAnswer>) -> AnswerField {
    let current = stored.and_then(|a| a.value.as_ref()).map(AnswerValue::form_value).unwrap_or_default();
    let choice = |value: String, label: String, descriptor: String| Choice {
        checked: value == current,
        value,
        label,
        descriptor,
    };
    let mut choices = Vec::new();
    match node.answer {
        AnswerType::Level => {
            for l in &r.scale.levels {
                let label = if t.lang() == "en" {
                    l.label_en.clone().unwrap_or_else(|| l.label.clone())
                } else {
                    l.label.clone()
                };
                choices.push(choice(l.value.to_string(), format!("{} — {label}", l.value), l.descriptor.clone()));
            }
        }
        AnswerType::YesNo => {
            choices.push(choice("yes".into(), t.t("answer.yes").into(), String::new()));
            choices.push(choice("no".into(), t.t("answer.no").into(), String::new()));
        }
        AnswerType::Number | AnswerType::Text => {}
    }
    if r.scale.not_applicable {
        choices.push(choice(
            "na".into(),
            t.t("referential.not_applicable").into(),
            t.t("referential.not_applicable_hint").into(),
        ));
    }
    if r.scale.unknown {
        choices.push(choice(
            "unknown".into(),
            t.t("referential.unknown").into(),
            t.t("referential.unknown_hint").into(),
        ));
    }
    let english = t.lang() == "en";
    let typed =
        matches!(node.answer, AnswerType::Number | AnswerType::Text) && !matches!(current.as_str(), "na" | "unknown");
    AnswerField {
        code: node.code.clone(),
        statement: node.statement_in(english).unwrap_or_default().to_owned(),
        easy_read: node.easy_read_in(english).unwrap_or_default().to_owned(),
        guidance_html: node.guidance.as_deref().map(crate::markdown::render).unwrap_or_default(),
        evidence: node.evidence.clone(),
        kind: node.answer.code(),
        unit: node.unit.clone().unwrap_or_default(),
        choices,
        value: if typed { current.clone() } else { String::new() },
        comment: stored.map(|a| a.comment.clone()).unwrap_or_default(),
        version: stored.map_or(0, |a| a.version),
        saved_at: stored.map(|a| t.datetime(a.updated_at)).unwrap_or_default(),
        error: None,
        conflict: None,
        decided: None,
        given: Vec::new(),
        words: Vec::new(),
    }
}

/// `v_CODE`: an indicator's value, typed or chosen.
pub struct ValueField;

impl CodePrefix for ValueField {
    const PREFIX: &'static str = "v_";
}

/// `c_CODE`: the comment on an indicator.
pub struct CommentField;

impl CodePrefix for CommentField {
    const PREFIX: &'static str = "c_";
}

/// `ver_CODE`: the version of the answer the page was drawn from (0: none yet).
pub struct VersionField;

impl CodePrefix for VersionField {
    const PREFIX: &'static str = "ver_";
}

/// A page of answers as typed, by indicator code. A figure's or a text's box shares its name
/// with the « non concerné » and « je ne sais pas » buttons: the last value sent wins.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AnswersForm {
    #[serde(flatten)]
    values: ByCode<ValueField, LastValue>,
    #[serde(flatten)]
    comments: ByCode<CommentField>,
    #[serde(flatten)]
    versions: ByCode<VersionField, i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/answer.html")]
struct AnswerPage {
    page: Page,
    campaign_id: i64,
    campaign_title: String,
    objective: String,
    number: usize,
    count: usize,
    answered: usize,
    total: usize,
    fields: Vec<AnswerField>,
    open: bool,
    /// Why answers are closed here: the campaign's answering ended, or only this page's pillar
    /// moved on to consolidation.
    closed_key: &'static str,
    /// The pillar of this page, by name.
    pillar: String,
    /// This page's rank among its pillar's pages, and how many they are.
    pillar_rank: usize,
    pillar_pages: usize,
    /// Answers given in this pillar, and its indicators.
    pillar_answered: usize,
    pillar_total: usize,
    /// The next page with a question left to answer, when there is one elsewhere, and that question.
    next_open: Option<(usize, String)>,
}

impl AnswerPage {
    /// Whether any field has a message to show.
    fn has_problems(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some() || f.conflict.is_some())
    }
}

/// Whether indicator `code` needs nothing more from this participant: they answered it, or the
/// room agreed on it in a workshop.
fn answered(mine: &HashMap<String, StoredAnswer>, decided: &HashMap<String, AnswerValue>, code: &str) -> bool {
    mine.get(code).is_some_and(|a| a.value.is_some()) || decided.contains_key(code)
}

/// Whether indicator `code` asks nothing of this participant now: answered, agreed in a
/// workshop, or its pillar closed to answers (it moved on to consolidation).
fn nothing_asked(
    loaded: &Loaded,
    mine: &HashMap<String, StoredAnswer>,
    decided: &HashMap<String, AnswerValue>,
    code: &str,
) -> bool {
    answered(mine, decided, code) || !loaded.answers_open_for(code)
}

fn me(loaded: &Loaded) -> AppResult<&Participant> {
    loaded.me.as_ref().ok_or(AppError::NotFound)
}

async fn build(state: &AppState, page: Page, loaded: &Loaded, number: usize) -> AppResult<AnswerPage> {
    let pages = loaded.pages();
    let (objective_code, codes) = pages.get(number.wrapping_sub(1)).ok_or(AppError::NotFound)?;
    let r = &loaded.referential.referential;
    let answers = campaigns::answers_of(&state.db, me(loaded)?.id).await?;
    let decided = decided_in_workshop(&state.db, loaded.campaign.id).await?;
    let mut given = cap_app::evidence::by_indicator(state, loaded).await?;
    let vocabulary = cap_app::glossary::for_organisation(state, loaded.org.group_id).await?;
    let t = page.t;
    let fields = codes
        .iter()
        .filter_map(|c| r.node(c))
        .map(|node| {
            let mine = answers.get(&node.code);
            let mut f = field(t, r, node, mine);
            if mine.is_none_or(|a| a.value.is_none()) {
                f.decided = decided.get(&node.code).map(|v| value_label(t, r, node, &Some(v.clone())));
            }
            f.given = given
                .remove(&node.code)
                .unwrap_or_default()
                .iter()
                .map(|e| (e.title.clone(), cap_app::evidence::href(loaded.campaign.id, e)))
                .collect();
            let words = [f.statement.as_str(), f.easy_read.as_str(), node.guidance.as_deref().unwrap_or_default()];
            f.words = cap_app::glossary::used(&words.join("\n"), &vocabulary);
            f
        })
        .collect();
    let in_campaign: Vec<String> = pages.iter().flat_map(|(_, c)| c.iter().cloned()).collect();
    let done = |c: &str| answered(&answers, &decided, c);
    let answered = in_campaign.iter().filter(|c| done(c)).count();
    let place = place_in_pillar(r, &pages, number).ok_or(AppError::NotFound)?;
    let pillar = r.node(&place.pillar).map(|n| n.label().to_owned()).unwrap_or_default();
    let pillar_answered = place.indicators.iter().filter(|c| done(c)).count();
    let next_open = next_unanswered(&pages, number, |c| nothing_asked(loaded, &answers, &decided, c));
    let open = codes.first().is_some_and(|c| loaded.answers_open_for(c));
    Ok(AnswerPage {
        pillar,
        pillar_rank: place.rank,
        pillar_pages: place.of,
        pillar_answered,
        pillar_total: place.indicators.len(),
        next_open,
        campaign_id: loaded.campaign.id,
        campaign_title: loaded.campaign.title.clone(),
        objective: r.node(objective_code).map(|n| n.label().to_owned()).unwrap_or_default(),
        number,
        count: pages.len(),
        answered,
        total: in_campaign.len(),
        fields,
        open,
        closed_key: if loaded.steps.any_answers_open() { "flash.pillar_closed" } else { "flash.answers_closed" },
        page,
    })
}

/// `GET /campaigns/{id}/answer`: the first page with something left to answer.
pub async fn start(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, answer_in).await?;
    let answers = campaigns::answers_of(&state.db, me(&loaded)?.id).await?;
    // What the room agreed on in a workshop is not asked again.
    let decided = decided_in_workshop(&state.db, id).await?;
    let done = |c: &str| nothing_asked(&loaded, &answers, &decided, c);
    // Straight to the question: on a phone its statement and choices fill the screen.
    let to = match first_unanswered(&loaded.pages(), done) {
        Some((page, code)) => format!("/campaigns/{id}/answer/{page}#q-{code}"),
        None => format!("/campaigns/{id}/answer/1"),
    };
    Ok(Redirect::to(&to).into_response())
}

/// Shows one page.
pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, number)): Path<(i64, usize)>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, answer_in).await?;
    Ok(build(&state, page, &loaded, number).await?.into_response())
}

/// Saves a whole page (without JavaScript), then goes on to the next one.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(_ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, number)): Path<(i64, usize)>,
    page: Page,
    form: Result<Form<AnswersForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, answer_in).await?;
    let Form(form) = form?;
    let mut rendered = build(&state, page, &loaded, number).await?;
    if !rendered.open {
        return Ok(redirect_with_flash(&state, &format!("/campaigns/{id}"), rendered.closed_key));
    }
    let me = me(&loaded)?;
    let t = rendered.page.t;
    let r = &loaded.referential.referential;
    let mut trouble = false;
    for f in &mut rendered.fields {
        let raw = form.values.get(&f.code).map_or("", |v| v.0.as_str());
        let comment = form.comments.get(&f.code).map_or("", String::as_str);
        let version = form.versions.get(&f.code).copied().unwrap_or(0);
        let unchanged = version == f.version && comment.trim() == f.comment && {
            let stored =
                f.choices.iter().find(|c| c.checked).map(|c| c.value.clone()).unwrap_or_else(|| f.value.clone());
            raw.trim() == stored
        };
        if unchanged {
            continue;
        }
        match save_one(&state, &loaded, me, &f.code, raw, comment, version).await? {
            Outcome::Saved { version, at } => {
                f.version = version;
                f.saved_at = t.datetime(at);
            }
            Outcome::Invalid(key) => {
                trouble = true;
                f.error = Some(key);
            }
            Outcome::Conflict(current) => {
                trouble = true;
                let node = r.node(&f.code).ok_or(AppError::NotFound)?;
                let mut saved = value_label(t, r, node, &current.value);
                if !current.comment.is_empty() {
                    saved = format!("{saved} — « {} »", current.comment);
                }
                f.conflict = Some(saved);
                f.version = current.version;
            }
            Outcome::Closed => {
                return Ok(redirect_with_flash(&state, &format!("/campaigns/{id}"), "flash.answers_closed"));
            }
        }
        if trouble {
            // Keep what was typed beside the message.
            for c in &mut f.choices {
                c.checked = c.value == raw.trim();
            }
            if matches!(f.kind, "number" | "text") && !matches!(raw.trim(), "na" | "unknown") {
                f.value = raw.to_owned();
            }
            f.comment = comment.to_owned();
        }
    }
    if trouble {
        let status = if rendered.fields.iter().any(|f| f.conflict.is_some()) {
            StatusCode::CONFLICT
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        return Ok((status, rendered).into_response());
    }
    let to = if let Some((_, codes)) = loaded.pages().get(number) {
        let first = codes.first().map(|c| format!("#q-{c}")).unwrap_or_default();
        format!("/campaigns/{id}/answer/{}{first}", number + 1)
    } else {
        format!("/campaigns/{id}")
    };
    Ok(redirect_with_flash(&state, &to, "flash.answers_saved"))
}
