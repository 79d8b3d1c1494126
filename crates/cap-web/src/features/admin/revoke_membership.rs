//! `POST /admin/memberships/{id}/revoke`: removes one role from a user; the last federation
//! administrator cannot be removed, so the instance always has one.

use crate::app::AppState;
use crate::audit::record;
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
    let removed = memberships::revoke(&state.db, id).await?;
    record(&state, &ctx, "memberships.revoke", "user", &removed.user_id, removed.membership.role.code()).await?;
    Ok(redirect_with_flash(&state, "/admin/users", "flash.role_removed"))
}
