//! `POST /campaigns/{id}/plan/validate`: the coordinator validates the plan. Remaining proposals
//! become actions, and the campaign moves to « plan validé » (a review, when there was none, is
//! skipped).

use super::load_plan;
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{Form, VersionForm};
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::run;
use cap_domain::campaign::CampaignStatus;
use cap_storage::{StorageError, campaigns, plans};

/// Validates the plan.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<VersionForm>,
) -> AppResult<Response> {
    let p = load_plan(&state, &viewer, id, run).await?;
    let back = format!("/campaigns/{id}/plan");
    if p.plan.validated_at.is_some() {
        return Ok(redirect_with_flash(&state, &back, "flash.plan_validated"));
    }
    let entry = ctx.author().entry("plans.validate", "plan", p.plan.id, "");
    plans::validate(state.db.audited(entry), p.plan.id, viewer.actor.user_id, form.version).await?;
    let mut campaign = p.loaded.campaign;
    while campaign.status < CampaignStatus::PlanValidated {
        match campaigns::advance(&state.db, id, campaign.status, campaign.version).await {
            Ok(_) | Err(StorageError::Stale(_)) => campaign = campaigns::get(&state.db, id).await?,
            Err(e) => return Err(e.into()),
        }
    }
    cap_app::plans::record_completion(&state.db, p.plan.id).await?;
    Ok(redirect_with_flash(&state, &back, "flash.plan_validated"))
}
