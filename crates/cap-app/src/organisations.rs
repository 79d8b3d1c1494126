//! A member organisation as a viewer may see it.

use crate::app::App;
use crate::error::Result;
use crate::viewer::Viewer;
use cap_domain::authz::{OrganisationRef, Permission};
use cap_domain::{OrganisationId, Role};
use cap_storage::memberships;
use cap_storage::organisations::{self, Organisation};

/// Loads an organisation and checks the viewer may do `permission` on it; an organisation the
/// viewer may not see is answered as absent.
pub async fn load_authorized(
    app: &App,
    viewer: &Viewer,
    id: i64,
    permission: fn(OrganisationRef) -> Permission,
) -> Result<Organisation> {
    let org = organisations::get(&app.db, OrganisationId(id)).await?;
    viewer.require(permission(org.authz_ref()))?;
    Ok(org)
}

/// The roles `viewer` may invite people into `org` with: its coordinators invite coordinators and
/// participants; its region's delegates only its first coordinator, while it has none. Refused
/// (as absent) when neither applies.
pub async fn invitable_roles(app: &App, viewer: &Viewer, id: i64) -> Result<(Organisation, Vec<Role>)> {
    let org = organisations::get(&app.db, OrganisationId(id)).await?;
    if viewer.can(Permission::ManageOrganisationMembers(org.authz_ref())) {
        return Ok((org, vec![Role::Participant, Role::Coordinator]));
    }
    let has_coordinator = memberships::for_organisation(&app.db, OrganisationId(org.id))
        .await?
        .iter()
        .any(|m| m.membership.role == Role::Coordinator);
    viewer.require(Permission::InviteFirstCoordinator { org: org.authz_ref(), has_coordinator })?;
    Ok((org, vec![Role::Coordinator]))
}
