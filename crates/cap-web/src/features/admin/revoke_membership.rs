//! `POST /admin/memberships/{id}/revoke`: removes one role from a user; the last federation
//! administrator cannot be removed, so the instance always has one.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::page::redirect_with_flash;
use crate::session::Ctx;
use axum::extract::{Path, State};
use axum::response::Response;
use cap_domain::Role;
use cap_storage::memberships;

/// Removes the role.
pub async fn handler(State(state): State<AppState>, Ctx(ctx): Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let target = memberships::all(&state.db).await?.into_iter().find(|m| m.id == id).ok_or(AppError::NotFound)?;
    if target.membership.role == Role::FederationAdmin && memberships::count_admins(&state.db).await? <= 1 {
        return Ok(redirect_with_flash(&state, "/admin/users", "flash.last_admin"));
    }
    let entry = ctx.author().entry("memberships.revoke", "user", target.user_id, target.membership.role.code());
    memberships::revoke(state.db.audited(entry), id).await?;
    Ok(redirect_with_flash(&state, "/admin/users", "flash.role_removed"))
}
