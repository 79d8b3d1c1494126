//! `POST /campaigns/{id}/advance`: the coordinator moves the campaign to its next step. Opening
//! the answers needs at least one participant and freezes the referential version.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{Form, VersionForm};
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};
use cap_domain::campaign::CampaignStatus;
use cap_storage::campaigns;

/// Moves to the next step.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<VersionForm>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let back = format!("/campaigns/{id}");
    let from = loaded.campaign.status;
    if from == CampaignStatus::Preparation && campaigns::participants(&state.db, id).await?.is_empty() {
        return Ok(redirect_with_flash(&state, &back, "flash.campaign_needs_participants"));
    }
    let next = from.next().map_or("", CampaignStatus::code);
    campaigns::advance(
        state.db.audited(ctx.author().entry("campaigns.advance", "campaign", id, next)),
        id,
        from,
        form.version,
    )
    .await?;
    Ok(redirect_with_flash(&state, &back, "flash.campaign_advanced"))
}
