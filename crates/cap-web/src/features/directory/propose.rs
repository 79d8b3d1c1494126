//! `POST /directory/propose`: a regional delegate proposes a member's person as a pair; the person
//! is told by e-mail and answers from the directory. Audited.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::State;
use axum::response::Response;

/// The person chosen, as `USER:ORGANISATION`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ProposeForm {
    person: String,
}

/// Proposes the person, back to the directory.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Form(ProposeForm { person }): Form<ProposeForm>,
) -> AppResult<Response> {
    let Some((user, organisation)) = person.split_once(':').and_then(|(u, o)| Some((u.parse().ok()?, o.parse().ok()?)))
    else {
        return Ok(redirect_with_flash(&state, "/directory#propose-title", "flash.pair_choose"));
    };
    let proposed =
        cap_app::pairs::propose(&state, &ctx.author(), &viewer, user, organisation).await.map_err(|e| match e {
            // Someone the viewer may not propose is answered as a forged form.
            cap_app::Error::Forbidden => AppError::BadRequest,
            e => e.into(),
        })?;
    let flash = if proposed { "flash.pair_proposed" } else { "flash.pair_already" };
    Ok(redirect_with_flash(&state, "/directory#propose-title", flash))
}
