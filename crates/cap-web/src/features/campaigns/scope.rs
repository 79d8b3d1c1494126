//! `POST /campaigns/{id}/scope`: the pillars a campaign covers. While in preparation they can be
//! chosen freely; once answering has opened, pillars can only be added (« Services rendus » first,
//! the others later), so no answer ever falls out of scope, until the consolidation ends. New
//! pillars open to answers.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, rescope, run};
use cap_domain::pillar_step::StepRefused;

/// The pillars ticked, and the campaign's version the page was drawn from (required: a change
/// made meanwhile is not overwritten).
#[derive(Debug, serde::Deserialize)]
pub struct ScopeForm {
    #[serde(default, rename = "pillar")]
    pillars: Vec<String>,
    version: i64,
}

/// Saves the scope.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: Result<Form<ScopeForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(ScopeForm { pillars: ticked, version }) = form?;
    let back = format!("/campaigns/{id}");
    match rescope(&state, &ctx.author(), &loaded, &ticked, version).await? {
        Ok(()) => Ok(redirect_with_flash(&state, &back, "flash.scope_saved")),
        Err(StepRefused::Moved) => Ok(redirect_with_flash(&state, &back, "flash.campaign_changed")),
        Err(_) => Ok(redirect_with_flash(&state, &back, "flash.scope_refused")),
    }
}
