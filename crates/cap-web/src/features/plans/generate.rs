//! `POST /campaigns/{id}/plan`: proposes the plan. Every indicator below its target, in the
//! pillars whose consolidation began, yields an action, prefilled from the indicator's guidance
//! and linked offer of services, ranked by a priority whose reasons are kept, and spread over the
//! chosen horizon. Pillars consolidated later are proposed from the plan's page.

use super::HORIZONS;
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};
use cap_app::i18n::paris_today;
use cap_domain::plan::parse_date;
use serde::Deserialize;

/// The plan's calendar.
#[derive(Debug, Deserialize)]
pub struct GenerateForm {
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    horizon: String,
}

/// Proposes the plan.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<GenerateForm>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let back = format!("/campaigns/{id}/plan");
    if !loaded.steps.any_results() {
        return Ok(redirect_with_flash(&state, &back, "flash.plan_too_early"));
    }
    let start = if form.starts_on.trim().is_empty() { Some(paris_today()) } else { parse_date(&form.starts_on) };
    let horizon = form.horizon.trim().parse::<i64>().ok().filter(|h| HORIZONS.contains(h));
    let (Some(start), Some(horizon)) = (start, horizon) else {
        return Ok(redirect_with_flash(&state, &back, "flash.plan_calendar_invalid"));
    };
    match cap_app::plans::generate(&state, &ctx.author(), &loaded, start, horizon).await? {
        Ok(_) => Ok(redirect_with_flash(&state, &back, "flash.plan_generated")),
        Err(_) => Ok(redirect_with_flash(&state, &back, "flash.plan_exists")),
    }
}
