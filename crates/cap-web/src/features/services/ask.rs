//! `POST /campaigns/{id}/services`: whoever runs the campaign asks the federation for a service
//! its plan or accompaniment day names; asking again while a request is open changes nothing.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};
use cap_app::services::Asked;

/// The offer asked for.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AskForm {
    offer: String,
}

/// Asks for it.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: Result<Form<AskForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(AskForm { offer }) = form?;
    let flash = match cap_app::services::ask(&state, &ctx.author(), &loaded, offer.trim()).await? {
        Asked::Done(_) => "flash.service_asked",
        Asked::AlreadyOpen => "flash.service_already_asked",
        // Only a forged form names an offer the page did not offer.
        Asked::NotOffered => return Err(AppError::BadRequest),
    };
    Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/services"), flash))
}
