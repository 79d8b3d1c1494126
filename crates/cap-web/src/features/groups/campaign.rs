//! `GET /group-campaigns/{id}`: a group's démarche: each structure's step and, once it has
//! shared answers, its scores beside the group's mean, one radar per structure, and where the
//! structures differ the most; for the lead, and for the structures once the lead shares it.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::group_campaigns::GroupCampaignView;

#[derive(Template, WebTemplate)]
#[template(path = "groups/campaign.html")]
struct GroupCampaignPage {
    page: Page,
    /// The démarche (named as the group's page names its figures, for their shared part).
    group: GroupCampaignView,
}

/// Shows the démarche.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let group = cap_app::group_campaigns::view(&state, &viewer, id, page.t).await?;
    Ok(GroupCampaignPage { page, group }.into_response())
}
