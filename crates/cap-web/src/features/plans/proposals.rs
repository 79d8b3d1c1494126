//! `POST /campaigns/{id}/plan/proposals`: adds to the plan the proposals of the pillars
//! consolidated since it was made (« Services rendus » first, the three others later).

use super::load_plan;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, VersionForm};
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::run;
use cap_app::plans::{pillars_to_propose, propose_more};

/// Adds the proposals.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: Result<Form<VersionForm>, AppError>,
) -> AppResult<Response> {
    let p = load_plan(&state, &viewer, id, run).await?;
    let Form(form) = form?;
    let back = format!("/campaigns/{id}/plan");
    if form.version != p.plan.version || pillars_to_propose(&p.loaded, &p.plan).is_empty() {
        return Ok(redirect_with_flash(&state, &back, "flash.plan_changed"));
    }
    propose_more(&state, &ctx.author(), &p.loaded, &p.plan).await?;
    Ok(redirect_with_flash(&state, &back, "flash.plan_more_proposed"))
}
