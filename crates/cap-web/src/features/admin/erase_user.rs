//! `POST /admin/users/{id}/erase`: erases a person on request (right to erasure). Their name and
//! e-mail disappear; what they contributed stays, anonymised.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_domain::{Role, UserId};
use cap_storage::{memberships, users};

/// Erases the account, unless it is the administrator's own or the last administrator.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let target = users::get(&state.db, UserId(id)).await?;
    if target.id == viewer.user.id {
        return Ok(redirect_with_flash(&state, "/admin/users", "flash.cannot_erase_self"));
    }
    let is_admin =
        memberships::for_user(&state.db, UserId(id)).await?.iter().any(|m| m.membership.role == Role::FederationAdmin);
    if is_admin && memberships::count_admins(&state.db).await? <= 1 {
        return Ok(redirect_with_flash(&state, "/admin/users", "flash.last_admin"));
    }
    users::erase(state.db.audited(ctx.author().entry("users.erase", "user", id, "")), UserId(id)).await?;
    Ok(redirect_with_flash(&state, "/admin/users", "flash.user_erased"))
}
