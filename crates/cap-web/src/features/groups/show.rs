//! `GET /groups/{id}`: the group's structures side by side, for its lead: the list, each one's
//! latest scores by pillar and objective beside the group's mean, one radar per structure against
//! the group, and where the structures differ the most (`cap_app::groups`).

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::groups::{GroupView, view};
use cap_storage::organisations::Organisation;

#[derive(Template, WebTemplate)]
#[template(path = "pages/group.html")]
struct GroupPage {
    page: Page,
    /// The group's id, for its glossary's link.
    id: i64,
    subtitle: String,
    /// The group's structures (the shared organisation table reads them by this name).
    organisations: Vec<Organisation>,
    group: GroupView,
    /// The démarches the group launched.
    demarches: Vec<cap_storage::group_campaigns::GroupCampaign>,
}

/// Shows the group.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let mut group = view(&state, &viewer, id, page.t).await?;
    let organisations = std::mem::take(&mut group.organisations);
    let subtitle = page.t.t("group.kind").to_owned();
    let demarches = cap_app::group_campaigns::of_group(&state, &viewer, id).await?;
    Ok(GroupPage { page, id, subtitle, organisations, group, demarches }.into_response())
}
