//! `GET /referentials`: every referential version, the built-in examples marked as such.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use cap_domain::authz::Permission;
use cap_storage::referentials::{self, VersionSummary};

#[derive(Template, WebTemplate)]
#[template(path = "referentials/list.html")]
struct ListPage {
    page: Page,
    versions: Vec<VersionSummary>,
    is_admin: bool,
}

/// Lists the versions.
pub async fn handler(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    let versions = referentials::list(&state.db).await?;
    let is_admin = page.ctx.viewer.as_ref().is_some_and(|v| v.can(Permission::AdministerFederation));
    Ok(ListPage { page, versions, is_admin }.into_response())
}
