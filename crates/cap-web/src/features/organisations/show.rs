//! `GET /organisations/{id}`: the organisation's home page.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::Relation;
use cap_domain::authz::Permission;
use cap_domain::{OrganisationId, Role};
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

/// A campaign as listed on the organisation's page: where it stands, and a link only for those
/// who may open it.
pub struct CampaignRow {
    /// Campaign id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Step label key.
    pub status_key: &'static str,
    /// When answering opens, consolidation and restitution (YYYY-MM-DD), when set.
    pub dates: [Option<String>; 3],
    /// Whether the viewer may open its page.
    pub openable: bool,
    /// Whether the member shares it with its region.
    pub shared: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/show.html")]
struct OrganisationPage {
    page: Page,
    org: Organisation,
    type_key: &'static str,
    can_manage: bool,
    can_invite_first: bool,
    can_run: bool,
    all_people: bool,
    members: Vec<MemberRow>,
    campaigns: Vec<CampaignRow>,
    /// How many of its campaigns the viewer may not see (said, so « none » is never said of
    /// campaigns that exist).
    hidden: usize,
}

/// Shows the organisation to whoever may see it: its own people see everyone; its region's
/// delegates and its group's lead see its coordinators (the contacts) and, for delegates, where
/// each campaign stands, never its answers.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let org = cap_app::organisations::load_authorized(&state, &viewer, id, Permission::ViewOrganisation).await?;
    let org_ref = org.authz_ref();
    let can_manage = viewer.can(Permission::ManageOrganisationMembers(org_ref));
    let all_people = viewer.can(Permission::ViewOrganisationPeople(org_ref));
    let everyone = memberships::members_of(&state.db, OrganisationId(org.id)).await?;
    let has_coordinator = everyone.iter().any(|m| m.stored.membership.role == Role::Coordinator);
    let can_invite_first =
        !can_manage && viewer.can(Permission::InviteFirstCoordinator { org: org_ref, has_coordinator });
    let members = everyone
        .into_iter()
        .filter(|m| all_people || m.stored.membership.role == Role::Coordinator)
        .map(|m| MemberRow {
            membership_id: m.stored.id,
            name: m.display_name,
            email: m.email,
            role_key: m.stored.membership.role.label_key(),
            college_key: m.stored.membership.college.map(|c| c.label_key()),
        })
        .collect();
    let type_key = org.type_label_key();
    let can_run = viewer.can(Permission::RunCampaigns(org_ref));
    let follows = viewer.can(Permission::FollowCampaigns(org_ref));
    let mut campaigns = Vec::new();
    let mut hidden = 0;
    let mine = cap_storage::campaigns::taking_part(&state.db, viewer.actor.user_id).await?;
    for c in cap_storage::campaigns::for_organisation(&state.db, OrganisationId(org.id)).await? {
        let relation =
            Relation { participant: mine.contains(&c.id), shared_with_region: c.shared_with_region, reviewer: None };
        let openable = viewer.can(Permission::ViewCampaign(relation.towards(&org)));
        if openable || follows {
            campaigns.push(CampaignRow {
                id: c.id,
                title: c.title,
                status_key: c.status.label_key(),
                dates: [c.answering_from, c.consolidation_on, c.restitution_on],
                openable,
                shared: c.shared_with_region,
            });
        } else {
            hidden += 1;
        }
    }
    Ok(OrganisationPage {
        page,
        org,
        type_key,
        can_manage,
        can_invite_first,
        can_run,
        all_people,
        members,
        campaigns,
        hidden,
    }
    .into_response())
}
