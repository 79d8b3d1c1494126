//! `POST /campaigns/{id}/review/reviewers/{grant}/revoke`: ends a reviewer's access before its
//! last day (it also ends by itself on that day).

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::invite;
use cap_app::campaigns::load;
use cap_storage::reviews;

/// Ends the access now.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, grant)): Path<(i64, i64)>,
) -> AppResult<Response> {
    load(&state, &viewer, id, invite).await?;
    let grants = reviews::grants(&state.db, id).await?;
    let ending = grants.iter().find(|g| g.id == grant).ok_or(crate::error::AppError::NotFound)?;
    let entry = ctx.author().entry("reviews.revoke", "campaign", id, &ending.email);
    reviews::revoke(state.db.audited(entry), id, grant, viewer.actor.user_id).await?;
    // A State officer's access is given and ended from its own page.
    let page = if ending.kind == cap_domain::review::ReviewerKind::State { "state-access" } else { "review" };
    Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/{page}"), "flash.reviewer_revoked"))
}
