//! `GET/POST /campaigns/{id}/consolidation/{code}`: the coordinator reads the answers to one
//! indicator (by collège, with comments) and records the shared answer; departing from the
//! proposed level needs a short reason. Individual answers are never changed.

use super::Choice;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{IndicatorView, individuals, view_of};
use cap_app::campaigns::{Loaded, load, run};
use cap_app::results::value_label;
use cap_domain::campaign::AnswerValue;
use cap_domain::consolidation::{Attribution, Group, Tally, attribution, by_college};
use cap_domain::referential::AnswerType;
use cap_storage::StorageError;
use cap_storage::campaigns::{self, NewConsolidated};
use serde::Deserialize;

/// A comment as shown: by whom (a name, or only a collège when small collèges are protected).
pub struct CommentRow {
    /// Who, or which collège.
    pub who: String,
    /// Their answer in words.
    pub answer: String,
    /// The comment.
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/decide.html")]
struct DecidePage {
    page: Page,
    loaded: Loaded,
    view: IndicatorView,
    groups: Vec<(String, Tally)>,
    comments: Vec<CommentRow>,
    choices: Vec<Choice>,
    typed: String,
    kind: &'static str,
    rationale: String,
    version: i64,
    editable: bool,
    error: Option<&'static str>,
    conflict: Option<String>,
    level_labels: Vec<(i64, String)>,
    /// The evidence behind the shared answer (some carried from the previous campaign, to confirm).
    /// Each with where it opens (its address, or its document's download) and its document's
    /// size in words (empty for an address).
    evidence: Vec<(cap_storage::evidence::Evidence, String, String)>,
}

async fn build(state: &AppState, page: Page, loaded: Loaded, code: &str) -> AppResult<DecidePage> {
    let t = page.t;
    let r = &loaded.referential.referential;
    let node = loaded.indicators().into_iter().find(|n| n.code == code).cloned().ok_or(AppError::NotFound)?;
    let all = individuals(state, &loaded).await?;
    let answers = all.get(code).map_or(&[][..], Vec::as_slice);
    let participants = campaigns::participants(&state.db, loaded.campaign.id).await?;
    let decisions = campaigns::consolidated(&state.db, loaded.campaign.id).await?;
    let decided = decisions.get(code);
    let view = view_of(&loaded, &node, answers, participants.len(), decided, t);
    let scale: Vec<i64> = r.scale.levels.iter().map(|l| l.value).collect();
    let individuals: Vec<_> = answers.iter().map(|(i, _, _)| i.clone()).collect();
    let protect = loaded.campaign.protect_colleges;
    let groups = by_college(&scale, &individuals, protect)
        .into_iter()
        .map(|(g, tally)| {
            let name = match g {
                Group::College(c) => t.t(c.label_key()).to_owned(),
                Group::Others => t.t("consolidation.other_colleges").to_owned(),
            };
            (name, tally)
        })
        .collect();
    // With protection, a comment is attributed as the breakdown shows its collège (merged with
    // the small ones, or to nobody), never with a name; the order of participants is not kept.
    let mut comments: Vec<CommentRow> = answers
        .iter()
        .filter(|(_, a, _)| !a.comment.is_empty())
        .map(|(i, a, participant)| CommentRow {
            who: match attribution(&individuals, i.college, protect) {
                Attribution::College(c) if protect => t.t(c.label_key()).to_owned(),
                Attribution::College(c) => {
                    let name = participants
                        .iter()
                        .find(|p| p.id == *participant)
                        .map_or_else(String::new, |p| p.display_name.clone());
                    format!("{name} ({})", t.t(c.label_key()))
                }
                Attribution::Others => t.t("consolidation.other_colleges").to_owned(),
                Attribution::Nobody => t.t("consolidation.someone").to_owned(),
            },
            answer: value_label(t, r, &node, &a.value),
            text: a.comment.clone(),
        })
        .collect();
    if protect {
        comments.sort_by(|a, b| (&a.who, &a.text).cmp(&(&b.who, &b.text)));
    }
    let current = decided.and_then(|c| c.value.clone()).or_else(|| view.proposal.map(AnswerValue::Level));
    let current_form = current.as_ref().map(AnswerValue::form_value).unwrap_or_default();
    let mut choices = Vec::new();
    if node.answer == AnswerType::Level {
        for l in &r.scale.levels {
            choices.push(Choice {
                value: l.value.to_string(),
                label: format!("{} — {}", l.value, l.label),
                descriptor: l.descriptor.clone(),
                checked: false,
            });
        }
    } else if node.answer == AnswerType::YesNo {
        choices.push(Choice {
            value: "yes".into(),
            label: t.t("answer.yes").into(),
            descriptor: String::new(),
            checked: false,
        });
        choices.push(Choice {
            value: "no".into(),
            label: t.t("answer.no").into(),
            descriptor: String::new(),
            checked: false,
        });
    }
    if r.scale.not_applicable {
        choices.push(Choice {
            value: "na".into(),
            label: t.t("referential.not_applicable").into(),
            descriptor: String::new(),
            checked: false,
        });
    }
    for c in &mut choices {
        c.checked = c.value == current_form;
    }
    let typed = if matches!(node.answer, AnswerType::Number | AnswerType::Text) && current_form != "na" {
        current_form
    } else {
        String::new()
    };
    let level_labels = r.scale.levels.iter().map(|l| (l.value, l.label.clone())).collect();
    let evidence = cap_app::evidence::by_indicator(state, &loaded).await?.remove(code).unwrap_or_default();
    let fr = t.lang() == "fr";
    let evidence = evidence
        .into_iter()
        .map(|e| {
            let href = cap_app::evidence::href(loaded.campaign.id, &e);
            let size = e.file_size.map(|n| cap_app::practices::human_size(n, fr)).unwrap_or_default();
            (e, href, size)
        })
        .collect();
    Ok(DecidePage {
        evidence,
        kind: node.answer.code(),
        rationale: decided.map(|c| c.rationale.clone()).unwrap_or_default(),
        version: decided.map_or(0, |c| c.version),
        editable: loaded.consolidating(code),
        error: None,
        conflict: None,
        view,
        groups,
        comments,
        choices,
        typed,
        level_labels,
        loaded,
        page,
    })
}

/// Shows the indicator.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, code)): Path<(i64, String)>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    Ok(build(&state, page, loaded, &code).await?.into_response())
}

/// The decision.
#[derive(Debug, Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    value: String,
    #[serde(default)]
    rationale: String,
    #[serde(default)]
    version: i64,
}

/// Records the shared answer, then opens the next undecided indicator.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, code)): Path<(i64, String)>,
    page: Page,
    Form(form): Form<DecideForm>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    if !loaded.consolidating(&code) {
        return Ok(redirect_with_flash(
            &state,
            &format!("/campaigns/{id}/consolidation"),
            "flash.consolidation_closed",
        ));
    }
    let r = loaded.referential.referential.clone();
    let node = loaded.indicators().into_iter().find(|n| n.code == code).cloned().ok_or(AppError::NotFound)?;
    let mut rendered = build(&state, page, loaded, &code).await?;
    let keep_typed = |rendered: &mut DecidePage| {
        for c in &mut rendered.choices {
            c.checked = c.value == form.value.trim();
        }
        if matches!(rendered.kind, "number" | "text") {
            rendered.typed = form.value.clone();
        }
        rendered.rationale = form.rationale.clone();
    };
    let value = match AnswerValue::parse(&node, &r, &form.value) {
        Ok(Some(v)) => Some(v),
        Ok(None) => {
            rendered.error = Some("error.consolidation.value_required");
            keep_typed(&mut rendered);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
        }
        Err(e) => {
            rendered.error = Some(e.key);
            keep_typed(&mut rendered);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
        }
    };
    let proposal = rendered.view.proposal;
    let departs = proposal.is_some_and(|p| value != Some(AnswerValue::Level(p)));
    if departs && form.rationale.trim().is_empty() {
        rendered.error = Some("error.consolidation.rationale_required");
        keep_typed(&mut rendered);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    }
    let new = NewConsolidated {
        code: &code,
        value: &value,
        proposal,
        rationale: form.rationale.trim(),
        source: "consolidation",
        decided_by: Some(viewer.actor.user_id),
    };
    let words = value_label(rendered.page.t, &r, &node, &value);
    let entry = ctx.author().entry("campaigns.consolidate", "campaign", id, format!("{code}: {words}"));
    match campaigns::save_consolidated(state.db.audited(entry), id, &new, form.version).await {
        Ok(_) => {
            Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/consolidation#{code}"), "flash.consolidated"))
        }
        Err(StorageError::Stale(_)) => {
            let current = campaigns::consolidated(&state.db, id).await?.remove(&code).ok_or(AppError::NotFound)?;
            rendered.conflict = Some(value_label(rendered.page.t, &r, &node, &current.value));
            rendered.version = current.version;
            keep_typed(&mut rendered);
            Ok((StatusCode::CONFLICT, rendered).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
