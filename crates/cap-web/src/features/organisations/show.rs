//! `GET /organisations/{id}`: the organisation's home page.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_domain::OrganisationId;
use cap_domain::authz::Permission;
use cap_storage::memberships;
use cap_storage::organisations::Organisation;

/// A member as listed on the organisation's page.
pub struct MemberRow {
    /// Membership row id (to remove it).
    pub membership_id: i64,
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// Role label key.
    pub role_key: &'static str,
    /// Collège label key, if any.
    pub college_key: Option<&'static str>,
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/show.html")]
struct OrganisationPage {
    page: Page,
    org: Organisation,
    type_key: &'static str,
    can_manage: bool,
    can_run: bool,
    members: Vec<MemberRow>,
    campaigns: Vec<(i64, String, &'static str)>,
}

/// Shows the organisation to whoever may see it.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let org = cap_app::organisations::load_authorized(&state, &viewer, id, Permission::ViewOrganisation).await?;
    let can_manage = viewer.can(Permission::ManageOrganisationMembers(org.authz_ref()));
    let members = memberships::members_of(&state.db, OrganisationId(org.id))
        .await?
        .into_iter()
        .map(|m| MemberRow {
            membership_id: m.stored.id,
            name: m.display_name,
            email: m.email,
            role_key: m.stored.membership.role.label_key(),
            college_key: m.stored.membership.college.map(|c| c.label_key()),
        })
        .collect();
    let type_key = org.type_label_key();
    let can_run = viewer.can(Permission::RunCampaigns(org.authz_ref()));
    let mut campaigns = Vec::new();
    let mine = cap_storage::campaigns::taking_part(&state.db, viewer.actor.user_id).await?;
    for c in cap_storage::campaigns::for_organisation(&state.db, OrganisationId(org.id)).await? {
        let participant = mine.contains(&c.id);
        if viewer.can(Permission::ViewCampaign { org: org.authz_ref(), participant }) {
            campaigns.push((c.id, c.title, c.status.label_key()));
        }
    }
    Ok(OrganisationPage { page, org, type_key, can_manage, can_run, members, campaigns }.into_response())
}
