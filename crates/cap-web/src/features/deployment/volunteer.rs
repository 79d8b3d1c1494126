//! `POST /deployment/organisations/{id}/volunteer`: the region's delegate records that a member
//! volunteers to test the programme (today, or the day given) and, once known, the day its first
//! campaign should start; or that it no longer volunteers (`volunteer=0`).

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::i18n::paris_today;
use cap_domain::authz::Permission;
use cap_domain::validation::parse_date;
use cap_domain::{OrganisationId, RegionId};
use cap_storage::organisations;

/// Volunteers (`volunteer=1`, also when absent) since a day (`on`, today when empty or
/// unreadable) and, if a day is typed, starts on `planned_from`; or not (`volunteer=0`).
#[derive(Debug, serde::Deserialize)]
pub struct VolunteerForm {
    #[serde(default = "crate::forms::yes", deserialize_with = "crate::forms::one_or_zero")]
    volunteer: bool,
    #[serde(default)]
    on: String,
    #[serde(default)]
    planned_from: String,
}

/// Records it.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: Result<Form<VolunteerForm>, AppError>,
) -> AppResult<Response> {
    let org = organisations::get(&state.db, OrganisationId(id)).await?;
    viewer.require(Permission::ViewNetwork(Some(RegionId(org.region_id))))?;
    let Form(VolunteerForm { volunteer, on, planned_from }) = form?;
    let since = volunteer.then(|| parse_date(&on).unwrap_or_else(paris_today).to_string());
    let from = parse_date(&planned_from).map(|d| d.to_string());
    // A day typed that is not one is refused rather than dropped without a word.
    if volunteer && !planned_from.trim().is_empty() && from.is_none() {
        return Err(AppError::BadRequest);
    }
    cap_app::deployment::set_volunteer(&state, &ctx.author(), id, since.as_deref(), from.as_deref()).await?;
    Ok(redirect_with_flash(&state, &format!("/deployment?region={}#members", org.region_id), "flash.volunteer_saved"))
}
