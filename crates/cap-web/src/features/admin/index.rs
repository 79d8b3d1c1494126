//! `GET /admin`: the administration's entry page with the federation's counts.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use cap_storage::organisations::Filter;
use cap_storage::{groups, organisations, regions, users};

#[derive(Template, WebTemplate)]
#[template(path = "admin/index.html")]
struct AdminIndexPage {
    page: Page,
    regions: usize,
    organisations: usize,
    groups: usize,
    users: i64,
}

/// Shows the entry page.
pub async fn handler(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    Ok(AdminIndexPage {
        page,
        regions: regions::list(&state.db).await?.len(),
        organisations: organisations::list(&state.db, Filter::default()).await?.len(),
        groups: groups::list(&state.db).await?.len(),
        users: users::count(&state.db).await?,
    }
    .into_response())
}
