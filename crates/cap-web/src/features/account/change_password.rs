//! `POST /account/password`: changes my password, given the current one.

use super::page::AccountPage;
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn, start_session};
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use cap_app::crypto::hash_new_password;
use cap_domain::NewPassword;
use cap_storage::users;
use serde::Deserialize;

/// Current and new password.
#[derive(Debug, Deserialize)]
pub struct ChangePasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirmation: String,
}

/// Changes the password; other sessions end, this one is renewed.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    page: Page,
    Form(form): Form<ChangePasswordForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    let stored = viewer.user.password_hash.clone().unwrap_or_default();
    let current = form.current.clone();
    let current_ok =
        cap_app::crypto::verify_password_async(current, stored).await.map_err(crate::error::AppError::Internal)?;
    if !current_ok {
        errors.add("current", "error.password.current_wrong");
    }
    let password = errors.check("password", NewPassword::parse(&form.password, &form.confirmation));
    let Some(password) = password.filter(|_| errors.is_empty()) else {
        let page = AccountPage::build(&state, page, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let phc = hash_new_password(password).await?;
    let entry = ctx.author().entry("users.password_change", "user", viewer.user.id, "");
    users::set_password(state.db.audited(entry), viewer.actor.user_id, &phc).await?;
    let cookie = start_session(&state, viewer.actor.user_id).await?;
    let mut response = redirect_with_flash(&state, "/account", "flash.password_changed");
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}
