//! `GET /admin/audit`: the audit log, newest first, fifty entries a page, filtered by
//! organisation, person, kind of action and Paris days.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cap_app::audit::{Search, page as log_page};
use cap_storage::audit::{Entry, kinds};
use serde::Deserialize;

const PAGE_SIZE: i64 = 50;

/// The filters, as typed, and where the page starts.
#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    before: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    page: Page,
    entries: Vec<Entry>,
    next: Option<String>,
    kinds: Vec<String>,
    search: Search,
    filtered: bool,
}

/// Shows one page of the log.
pub async fn handler(
    State(state): State<AppState>,
    Query(query): Query<AuditQuery>,
    page: Page,
) -> AppResult<Response> {
    let search = Search {
        organisation: query.organisation,
        person: query.person,
        kind: query.kind,
        from: query.from,
        until: query.until,
    };
    let (entries, next_before) = log_page(&state, &search, query.before, PAGE_SIZE).await?;
    // The next page keeps the filters.
    let next = next_before.map(|before| {
        let mut url = url::form_urlencoded::Serializer::new(String::new());
        for (key, value) in [
            ("organisation", &search.organisation),
            ("person", &search.person),
            ("kind", &search.kind),
            ("from", &search.from),
            ("until", &search.until),
        ] {
            if !value.trim().is_empty() {
                url.append_pair(key, value.trim());
            }
        }
        url.append_pair("before", &before.to_string());
        format!("/admin/audit?{}", url.finish())
    });
    let filtered = search.filter() != cap_storage::audit::Filter::default();
    let kinds = kinds(&state.db).await?;
    Ok(AuditPage { page, entries, next, kinds, search, filtered }.into_response())
}
