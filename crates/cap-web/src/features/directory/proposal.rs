//! `POST /directory/proposal`: the person a delegate proposed as a pair accepts (they are then in
//! the directory) or declines (the proposal is gone). Audited.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::State;
use axum::response::Response;

/// `accept` or `decline`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    answer: String,
}

/// Records the answer, back to the directory.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Form(AnswerForm { answer }): Form<AnswerForm>,
) -> AppResult<Response> {
    let accept = match answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(crate::error::AppError::BadRequest),
    };
    cap_app::pairs::answer(&state, &ctx.author(), viewer.actor.user_id, accept).await?;
    let flash = if accept { "flash.pair_accepted" } else { "flash.pair_declined" };
    Ok(redirect_with_flash(&state, "/directory#mine-title", flash))
}
