//! `POST /campaigns/{id}/review/reviewers/{grant}/revoke`: ends a reviewer's access before its
//! last day (it also ends by itself on that day).

use crate::app::AppState;
use crate::audit::record;
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
    let ended = reviews::revoke(&state.db, id, grant, viewer.actor.user_id).await?;
    record(&state, &ctx, "reviews.revoke", "campaign", &id, &ended.email).await?;
    // A State officer's access is given and ended from its own page.
    let page = if ended.kind == cap_domain::review::ReviewerKind::State { "state-access" } else { "review" };
    Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/{page}"), "flash.reviewer_revoked"))
}
