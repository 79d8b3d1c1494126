//! `POST /campaigns/{id}/plan/settings`: the plan's start, horizon and objectives at one and
//! three years.

use super::HORIZONS;
use super::load_plan;
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::run;
use cap_domain::plan::parse_date;
use cap_storage::plans;
use serde::Deserialize;

/// The plan's settings.
#[derive(Debug, Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    horizon: String,
    #[serde(default)]
    objective_one_year: String,
    #[serde(default)]
    objective_three_years: String,
    #[serde(default)]
    version: i64,
}

/// Saves the settings.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<SettingsForm>,
) -> AppResult<Response> {
    let p = load_plan(&state, &viewer, id, run).await?;
    let back = format!("/campaigns/{id}/plan");
    let start = parse_date(&form.starts_on);
    let horizon = form.horizon.trim().parse::<i64>().ok().filter(|h| HORIZONS.contains(h));
    let too_long = form.objective_one_year.chars().count() > 2000 || form.objective_three_years.chars().count() > 2000;
    let (Some(start), Some(horizon), false) = (start, horizon, too_long) else {
        return Ok(redirect_with_flash(&state, &back, "flash.plan_calendar_invalid"));
    };
    let objectives = (form.objective_one_year.trim(), form.objective_three_years.trim());
    let entry = ctx.author().entry("plans.settings", "plan", p.plan.id, format!("{start}, {horizon} mois"));
    plans::update_plan(state.db.audited(entry), p.plan.id, &start.to_string(), horizon, objectives, form.version)
        .await?;
    Ok(redirect_with_flash(&state, &back, "flash.plan_saved"))
}
