//! `POST /organisations/{id}/memberships/{membership}/revoke`: removes a member's role in the
//! organisation.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_domain::authz::Permission;
use cap_domain::{OrganisationId, Scope};
use cap_storage::memberships;

/// Removes the membership if it belongs to this organisation.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, membership_id)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let org =
        cap_app::organisations::load_authorized(&state, &viewer, id, Permission::ManageOrganisationMembers).await?;
    let target = memberships::for_organisation(&state.db, OrganisationId(org.id))
        .await?
        .into_iter()
        .find(|m| m.id == membership_id && m.membership.scope == Scope::Organisation(OrganisationId(org.id)))
        .ok_or(AppError::NotFound)?;
    let details = format!("{} / {}", target.membership.role.code(), org.name);
    let entry = ctx.author().entry("memberships.revoke", "user", target.user_id, details);
    memberships::revoke(state.db.audited(entry), membership_id).await?;
    Ok(redirect_with_flash(&state, &format!("/organisations/{}", org.id), "flash.member_removed"))
}
