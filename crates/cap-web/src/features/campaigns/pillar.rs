//! `POST /campaigns/{id}/pillars/{pillar}`: the coordinator moves one pillar on by itself,
//! from answering to consolidation, or from consolidation to consolidated, while the campaign's
//! other pillars stay where they are (« Services rendus » first, the three others later).

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{advance_pillar, load, run};
use cap_domain::pillar_step::PillarStep;

/// The step the page showed the pillar at, and the campaign's version it was drawn from.
#[derive(Debug, serde::Deserialize)]
pub struct StepForm {
    from: String,
    version: i64,
}

/// Moves the pillar on.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, pillar)): Path<(i64, String)>,
    form: Result<Form<StepForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(form) = form?;
    let from = PillarStep::from_code(&form.from).ok_or(AppError::BadRequest)?;
    let back = format!("/campaigns/{id}#pillar-row-{pillar}");
    match advance_pillar(&state, &ctx.author(), &loaded, &pillar, from, form.version).await? {
        Ok(_) => Ok(redirect_with_flash(&state, &back, "flash.pillar_moved")),
        Err(_) => Ok(redirect_with_flash(&state, &back, "flash.pillar_refused")),
    }
}
