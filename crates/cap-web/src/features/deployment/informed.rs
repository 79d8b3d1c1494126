//! `POST /deployment/organisations/{id}/informed`: the region's delegate marks a member as
//! informed of the programme (today, or the date given), or not (`informed=0`).

use crate::app::AppState;
use crate::audit::record;
use crate::error::AppResult;
use crate::forms::field;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::i18n::paris_today;
use cap_domain::authz::Permission;
use cap_domain::validation::parse_date;
use cap_domain::{OrganisationId, RegionId};
use cap_storage::{deployment, organisations};

/// Marks the member.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let org = organisations::get(&state.db, OrganisationId(id)).await?;
    viewer.require(Permission::ViewNetwork(Some(RegionId(org.region_id))))?;
    let day = if field(&fields, "informed") == "0" {
        None
    } else {
        Some(parse_date(&field(&fields, "on")).unwrap_or_else(paris_today).to_string())
    };
    deployment::set_informed(&state.db, id, day.as_deref(), viewer.actor.user_id).await?;
    record(&state, &ctx, "programme.informed", "organisation", &id, day.as_deref().unwrap_or("-")).await?;
    Ok(redirect_with_flash(&state, &format!("/deployment?region={}#members", org.region_id), "flash.informed_saved"))
}
