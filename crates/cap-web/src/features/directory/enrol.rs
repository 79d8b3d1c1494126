//! `POST /directory/trainings/{id}/enrol`: a pair of the directory enrols in a training still to
//! come, or takes their name off it. Audited.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;

/// `on` to enrol, anything else to leave the list.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct EnrolForm {
    enrol: String,
}

/// Enrols or not, back to the directory's trainings.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(EnrolForm { enrol }): Form<EnrolForm>,
) -> AppResult<Response> {
    let on = enrol == "on";
    cap_app::pairs::enrol(&state, &ctx.author(), viewer.actor.user_id, id, on).await?;
    let flash = if on { "flash.training_enrolled" } else { "flash.training_unenrolled" };
    Ok(redirect_with_flash(&state, "/directory#trainings-title", flash))
}
