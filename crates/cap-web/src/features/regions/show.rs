//! `GET /regions/{id}`: the region's member organisations, for its delegates.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_domain::RegionId;
use cap_domain::authz::Permission;
use cap_storage::organisations::{self, Filter, Organisation};
use cap_storage::regions;

/// A titled list of organisations (a region's).
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

/// Shows the region's organisations.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let region = regions::get(&state.db, RegionId(id)).await?;
    viewer.require(Permission::ViewRegion(region.region_id()))?;
    let organisations =
        organisations::list(&state.db, Filter { region: Some(region.region_id()), group: None }).await?;
    let subtitle = page.t.t("region.delegation").to_owned();
    Ok(OrganisationListPage { page, title: region.name, subtitle, organisations }.into_response())
}
