//! `GET/POST /campaigns/{id}/participants/{participant}/assignment`: what a participant is asked
//! to answer — pillars, objectives or single indicators; nothing chosen means everything.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use crate::tree::TreeRow;
use crate::tree::explore_rows;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{load, run};
use cap_storage::campaigns::{self, Participant};
use std::collections::HashSet;

/// The nodes ticked (pillars, objectives, indicators); none means everything.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AssignmentForm {
    #[serde(rename = "node")]
    nodes: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/assignment.html")]
struct AssignmentPage {
    page: Page,
    campaign_id: i64,
    campaign_title: String,
    participant: Participant,
    rows: Vec<TreeRow>,
    chosen: HashSet<String>,
}

impl AssignmentPage {
    fn is_chosen(&self, code: &str) -> bool {
        self.chosen.contains(code)
    }
}

/// Shows the tree of the campaign's scope with checkboxes.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, participant)): Path<(i64, i64)>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let p = campaigns::participants(&state.db, id)
        .await?
        .into_iter()
        .find(|p| p.id == participant)
        .ok_or(AppError::NotFound)?;
    let chosen =
        campaigns::assignments(&state.db, id).await?.remove(&participant).unwrap_or_default().into_iter().collect();
    let rows = explore_rows(&loaded);
    Ok(AssignmentPage {
        page,
        campaign_id: id,
        campaign_title: loaded.campaign.title.clone(),
        participant: p,
        rows,
        chosen,
    }
    .into_response())
}

/// Saves the choice.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, participant)): Path<(i64, i64)>,
    form: Result<Form<AssignmentForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let p = campaigns::participants(&state.db, id)
        .await?
        .into_iter()
        .find(|p| p.id == participant)
        .ok_or(AppError::NotFound)?;
    let Form(AssignmentForm { nodes }) = form?;
    let known: HashSet<&str> = loaded.referential.referential.nodes.iter().map(|n| n.code.as_str()).collect();
    // A code the referential does not know (a page from before, a forged form) is left out.
    let codes: Vec<String> = nodes.into_iter().filter(|code| known.contains(code.as_str())).collect();
    let details = if codes.is_empty() {
        format!("{}: tout", p.display_name)
    } else {
        format!("{}: {}", p.display_name, codes.join(", "))
    };
    campaigns::set_assignment(
        state.db.audited(ctx.author().entry("campaigns.assign", "campaign", id, details)),
        participant,
        &codes,
    )
    .await?;
    Ok(redirect_with_flash(&state, &format!("/campaigns/{id}"), "flash.assignment_saved"))
}
