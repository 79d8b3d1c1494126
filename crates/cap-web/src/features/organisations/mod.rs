//! A member organisation's own pages: its home and its members.
pub mod invite;
pub mod revoke;
pub mod show;

use crate::app::AppState;
use crate::error::AppResult;
use crate::session::Viewer;
use cap_domain::OrganisationId;
use cap_domain::authz::{OrganisationRef, Permission};
use cap_storage::organisations::{self, Organisation};

/// Loads an organisation and checks the viewer may do `permission` on it; an organisation the
/// viewer may not see is answered as absent.
pub async fn load_authorized(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    permission: fn(OrganisationRef) -> Permission,
) -> AppResult<Organisation> {
    let org = organisations::get(&state.db, OrganisationId(id)).await?;
    viewer.require(permission(org.authz_ref()))?;
    Ok(org)
}
