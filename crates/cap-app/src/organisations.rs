//! A member organisation as a viewer may see it.

use crate::app::App;
use crate::error::Result;
use crate::viewer::Viewer;
use cap_domain::OrganisationId;
use cap_domain::authz::{OrganisationRef, Permission};
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
