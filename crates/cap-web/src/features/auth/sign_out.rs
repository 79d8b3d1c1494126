//! `POST /sign-out`: ends this session.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn, session_cookie_name, set_cookie};
use axum::extract::State;
use axum::http::header;
use axum::response::Response;
use cap_storage::sessions;

/// Forgets the session on the server and in the browser.
pub async fn handler(State(state): State<AppState>, Ctx(ctx): Ctx, SignedIn(viewer): SignedIn) -> AppResult<Response> {
    let entry = ctx.author().entry("users.sign_out", "user", viewer.user.id, "");
    sessions::delete(state.db.audited(entry), &viewer.session_hash).await?;
    let mut response = redirect_with_flash(&state, "/sign-in", "flash.signed_out");
    response.headers_mut().append(header::SET_COOKIE, set_cookie(&state, session_cookie_name(&state), "", 0));
    Ok(response)
}
