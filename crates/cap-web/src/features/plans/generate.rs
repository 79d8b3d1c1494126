//! `POST /campaigns/{id}/plan`: proposes the plan. Every indicator below its target yields an
//! action, prefilled from the indicator's guidance and linked offer of services, ranked by a
//! priority whose reasons are kept, and spread over the chosen horizon.

use super::HORIZONS;
use crate::app::AppState;
use crate::audit::record;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::individuals;
use cap_app::campaigns::{load, run};
use cap_app::i18n::paris_today;
use cap_app::results::outcome;
use cap_domain::campaign::CampaignStatus;
use cap_domain::consolidation::{Individual, divergence};
use cap_domain::plan::{PlanInputs, parse_date, propose};
use cap_storage::StorageError;
use cap_storage::plans::{self, NewAction};
use serde::Deserialize;
use std::collections::HashMap;

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
    if loaded.campaign.status < CampaignStatus::Consolidation {
        return Ok(redirect_with_flash(&state, &back, "flash.plan_too_early"));
    }
    let start = if form.starts_on.trim().is_empty() { Some(paris_today()) } else { parse_date(&form.starts_on) };
    let horizon = form.horizon.trim().parse::<i64>().ok().filter(|h| HORIZONS.contains(h));
    let (Some(start), Some(horizon)) = (start, horizon) else {
        return Ok(redirect_with_flash(&state, &back, "flash.plan_calendar_invalid"));
    };
    let out = outcome(&state, &loaded).await?;
    let r = &loaded.referential.referential;
    let (low, high) = (r.scale.levels.first().map_or(0, |l| l.value), r.scale.levels.last().map_or(0, |l| l.value));
    let divergences: HashMap<String, f64> = individuals(&state, &loaded)
        .await?
        .into_iter()
        .map(|(code, answers)| {
            let people: Vec<Individual> = answers.into_iter().map(|(i, _, _)| i).collect();
            (code, divergence(&people, low, high).score)
        })
        .collect();
    let covered = loaded.indicators();
    let inputs = PlanInputs {
        referential: r,
        covered: &covered,
        answers: &out.answers,
        scores: &out.scores,
        targets: &out.targets,
        divergence: &divergences,
    };
    let actions: Vec<NewAction> = propose(&inputs, start, horizon).into_iter().map(NewAction::proposed).collect();
    match plans::create(&state.db, id, &start.to_string(), horizon, &actions).await {
        Ok(plan) => {
            record(&state, &ctx, "plans.generate", "plan", &plan, &format!("{} proposals", actions.len())).await?;
            Ok(redirect_with_flash(&state, &back, "flash.plan_generated"))
        }
        Err(StorageError::Conflict) => Ok(redirect_with_flash(&state, &back, "flash.plan_exists")),
        Err(e) => Err(e.into()),
    }
}
