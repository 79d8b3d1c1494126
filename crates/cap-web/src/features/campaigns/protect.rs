//! `POST /campaigns/{id}/protect`: show answers by collège only for collèges of at least three
//! people, so staff, volunteers and employees in insertion can speak freely.

use crate::app::AppState;
use crate::audit::record;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};
use cap_storage::{StorageError, campaigns};
use serde::Deserialize;

/// The option and the version the coordinator saw.
#[derive(Debug, Deserialize)]
pub struct ProtectForm {
    #[serde(default)]
    protect: String,
    #[serde(default)]
    version: i64,
}

/// Saves the option.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<ProtectForm>,
) -> AppResult<Response> {
    load(&state, &viewer, id, run).await?;
    let protect = form.protect == "on";
    let back = format!("/campaigns/{id}");
    match campaigns::set_protect_colleges(&state.db, id, protect, form.version).await {
        Ok(()) => {
            record(&state, &ctx, "campaigns.protect_colleges", "campaign", &id, if protect { "on" } else { "off" })
                .await?;
            Ok(redirect_with_flash(&state, &back, "flash.protect_saved"))
        }
        Err(StorageError::Stale) => Ok(redirect_with_flash(&state, &back, "flash.campaign_changed")),
        Err(e) => Err(e.into()),
    }
}
