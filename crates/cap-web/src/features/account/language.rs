//! `POST /language`: switches the interface language (remembered in a cookie and, for
//! signed-in users, on their account).

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::security::safe_next;
use crate::session::{Ctx, LANG_COOKIE, set_cookie};
use axum::extract::State;
use axum::http::header;
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use cap_app::i18n::Locale;
use cap_storage::users;
use serde::Deserialize;

/// The chosen language and the page to return to.
#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: String,
}

/// Remembers the language and goes back.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Form(form): Form<LanguageForm>,
) -> AppResult<Response> {
    let locale = Locale::from_code(&form.lang).unwrap_or_default();
    if let Some(viewer) = &ctx.viewer {
        let entry = ctx.author().entry("users.locale", "user", viewer.actor.user_id, locale.code());
        users::set_locale(state.db.audited(entry), viewer.actor.user_id, locale.code()).await?;
    }
    let cookie = set_cookie(&state, LANG_COOKIE, locale.code(), 365 * 24 * 3600);
    Ok((AppendHeaders([(header::SET_COOKIE, cookie)]), Redirect::to(&safe_next(&form.next))).into_response())
}
