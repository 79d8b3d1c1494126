//! `POST /campaigns/{id}/plan/actions/{action}/status`: moves an action on the board (its status,
//! and its progress when given), refusing a stale move.

use super::load_plan;
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::run;
use cap_domain::plan::ActionStatus;
use cap_storage::plans;
use serde::Deserialize;

/// The new status.
#[derive(Debug, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    version: i64,
    #[serde(default)]
    view: String,
}

/// Moves the action.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, action)): Path<(i64, i64)>,
    Form(form): Form<StatusForm>,
) -> AppResult<Response> {
    let p = load_plan(&state, &viewer, id, run).await?;
    let back =
        if form.view == "board" { format!("/campaigns/{id}/plan?view=board") } else { format!("/campaigns/{id}/plan") };
    let current = plans::action_of(&state.db, p.plan.id, action).await?;
    let Some(status) = ActionStatus::from_code(form.status.trim()) else {
        return Ok(redirect_with_flash(&state, &back, "flash.plan_select_some"));
    };
    let progress = match status {
        ActionStatus::Done => 100,
        _ => current.progress,
    };
    let entry = ctx.author().entry("plans.status", "action", action, status.code());
    plans::set_status(state.db.audited(entry), p.plan.id, action, status, progress, form.version).await?;
    cap_app::plans::record_completion(&state.db, p.plan.id).await?;
    Ok(redirect_with_flash(&state, &back, "flash.action_saved"))
}
