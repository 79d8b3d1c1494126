//! `POST /deployment/organisations/{id}/informed`: the region's delegate marks a member as
//! informed of the programme (today, or the date given), or not (`informed=0`).

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
use cap_storage::{deployment, organisations};

/// Informed (`informed=1`, also when absent) on a day (`on`, today when empty or unreadable),
/// or not (`informed=0`).
#[derive(Debug, serde::Deserialize)]
pub struct InformedForm {
    #[serde(default = "crate::forms::yes", deserialize_with = "crate::forms::one_or_zero")]
    informed: bool,
    #[serde(default)]
    on: String,
}

/// Marks the member.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: Result<Form<InformedForm>, AppError>,
) -> AppResult<Response> {
    let org = organisations::get(&state.db, OrganisationId(id)).await?;
    viewer.require(Permission::ViewNetwork(Some(RegionId(org.region_id))))?;
    let Form(InformedForm { informed, on }) = form?;
    let day = informed.then(|| parse_date(&on).unwrap_or_else(paris_today).to_string());
    let entry = ctx.author().entry("programme.informed", "organisation", id, day.as_deref().unwrap_or("-"));
    deployment::set_informed(state.db.audited(entry), id, day.as_deref(), viewer.actor.user_id).await?;
    Ok(redirect_with_flash(&state, &format!("/deployment?region={}#members", org.region_id), "flash.informed_saved"))
}
