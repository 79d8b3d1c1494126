//! `GET /admin/feedback`: what users said of the referential, newest first, by status; `POST
//! /admin/feedback/{id}` triages one (planned for a next version, taken into one, declined) with
//! a note. A triage made meanwhile by another administrator is refused, never overwritten.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use cap_domain::feedback::FeedbackStatus;
use cap_storage::feedback::{self, Feedback};
use serde::Deserialize;

/// The list's filter.
#[derive(Debug, Default, Deserialize)]
pub struct StatusFilter {
    /// A status code, or empty for all.
    #[serde(default)]
    pub status: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/feedback.html")]
struct FeedbackPage {
    page: Page,
    items: Vec<Feedback>,
    status: String,
}

/// Lists the feedback.
pub async fn list(State(state): State<AppState>, Query(q): Query<StatusFilter>, page: Page) -> AppResult<Response> {
    let status = FeedbackStatus::from_code(&q.status);
    let items = feedback::list(&state.db, status).await?;
    Ok(FeedbackPage { page, items, status: status.map(|s| s.code().to_owned()).unwrap_or_default() }.into_response())
}

/// The triage form.
#[derive(Debug, Default, Deserialize)]
pub struct Triage {
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    version: i64,
}

/// Triages one feedback.
pub async fn triage(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<Triage>,
) -> AppResult<Response> {
    let Some(status) = FeedbackStatus::from_code(form.status.trim()) else {
        return Ok(redirect_with_flash(&state, "/admin/feedback", "flash.feedback_status_missing"));
    };
    let note: String = form.note.trim().chars().take(2000).collect();
    let entry = ctx.author().entry("referentials.triage", "feedback", id, status.code());
    feedback::triage(state.db.audited(entry), id, status, &note, viewer.actor.user_id, form.version).await?;
    Ok(redirect_with_flash(&state, &format!("/admin/feedback#feedback-{id}"), "flash.feedback_triaged"))
}

impl FeedbackPage {
    fn statuses(&self) -> &'static [FeedbackStatus] {
        FeedbackStatus::ALL
    }
}
