//! `GET /groups/{id}`: the group's organisations side by side, for its lead.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_domain::GroupId;
use cap_domain::authz::Permission;
use cap_storage::groups;
use cap_storage::organisations::{self, Filter, Organisation};

/// A titled list of organisations (a region's, a group's).
#[derive(Template, WebTemplate)]
#[template(path = "pages/organisation_list.html")]
pub struct OrganisationListPage {
    /// Frame.
    pub page: Page,
    /// Heading.
    pub title: String,
    /// What the list is.
    pub subtitle: String,
    /// The organisations.
    pub organisations: Vec<Organisation>,
}

/// Shows the group's organisations.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let group = groups::get(&state.db, GroupId(id)).await?;
    viewer.require(Permission::ViewGroup(GroupId(group.id)))?;
    let organisations = organisations::list(&state.db, Filter { region: None, group: Some(GroupId(group.id)) }).await?;
    let subtitle = page.t.t("group.kind").to_owned();
    Ok(OrganisationListPage { page, title: group.name, subtitle, organisations }.into_response())
}
