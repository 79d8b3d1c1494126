//! `GET /admin/audit`: the audit log, newest first, fifty entries a page.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cap_storage::audit::{self, Entry};
use serde::Deserialize;

const PAGE_SIZE: i64 = 50;

/// Where the page starts.
#[derive(Debug, Deserialize)]
pub struct AuditQuery {
    before: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    page: Page,
    entries: Vec<Entry>,
    next_before: Option<i64>,
}

/// Shows one page of the log.
pub async fn handler(
    State(state): State<AppState>,
    Query(query): Query<AuditQuery>,
    page: Page,
) -> AppResult<Response> {
    let entries = audit::recent(&state.db, query.before, PAGE_SIZE).await?;
    let next_before = if entries.len() as i64 == PAGE_SIZE { entries.last().map(|e| e.id) } else { None };
    Ok(AuditPage { page, entries, next_before }.into_response())
}
