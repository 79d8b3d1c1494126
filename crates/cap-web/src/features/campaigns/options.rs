//! The campaign's options, each a checkbox its coordinator turns on or off, in the audit log:
//! `POST /campaigns/{id}/protect` shows answers by collège only for collèges of at least three
//! people, so staff, volunteers and employees in insertion can speak freely;
//! `POST /campaigns/{id}/share` lets the region's delegates read the results (off by default:
//! the member decides who reads its self-assessment).

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, RequestContext, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};
use cap_storage::campaigns::{self, CampaignOption};
use serde::Deserialize;

/// The checkbox and the version the coordinator saw.
#[derive(Debug, Deserialize)]
pub struct OptionForm {
    #[serde(default)]
    protect: String,
    #[serde(default)]
    share: String,
    #[serde(default)]
    version: i64,
}

/// Saves the protection of small collèges.
pub async fn protect(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<OptionForm>,
) -> AppResult<Response> {
    load(&state, &viewer, id, run).await?;
    let on = form.protect == "on";
    save(&state, &ctx, id, CampaignOption::ProtectColleges, on, form.version).await
}

/// Saves the sharing with the region.
pub async fn share(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<OptionForm>,
) -> AppResult<Response> {
    load(&state, &viewer, id, run).await?;
    let on = form.share == "on";
    save(&state, &ctx, id, CampaignOption::SharedWithRegion, on, form.version).await
}

async fn save(
    state: &AppState,
    ctx: &RequestContext,
    id: i64,
    option: CampaignOption,
    on: bool,
    version: i64,
) -> AppResult<Response> {
    let back = format!("/campaigns/{id}");
    let (action, flash) = match option {
        CampaignOption::ProtectColleges => ("campaigns.protect_colleges", "flash.protect_saved"),
        CampaignOption::SharedWithRegion => ("campaigns.share_with_region", "flash.share_saved"),
    };
    let entry = ctx.author().entry(action, "campaign", id, if on { "on" } else { "off" });
    campaigns::set_option(state.db.audited(entry), id, option, on, version).await?;
    Ok(redirect_with_flash(state, &back, flash))
}
