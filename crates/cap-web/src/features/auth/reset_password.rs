//! `GET/POST /password/reset/{token}`: chooses a new password from an e-mailed link.

use super::AccountForm;
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::Ctx;
use crate::shared_pages::link_invalid;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::crypto::hash_new_password;
use cap_domain::{NewPassword, UserId};
use cap_storage::tokens::{self, Purpose};
use cap_storage::{StorageError, users};

#[derive(Template, WebTemplate)]
#[template(path = "auth/reset_password.html")]
struct ResetPage {
    page: Page,
    email: String,
    errors: FormErrors,
}

/// Shows the new-password form when the link is live.
pub async fn form(State(state): State<AppState>, Path(token): Path<String>, page: Page) -> AppResult<Response> {
    match tokens::peek(&state.db, &state.keys.hash_token(&token), Purpose::PasswordReset, cap_storage::now()).await {
        Ok(t) => Ok(ResetPage { page, email: t.email, errors: FormErrors::new() }.into_response()),
        Err(StorageError::NotFound) => Ok(link_invalid(page)),
        Err(e) => Err(e.into()),
    }
}

/// Sets the new password, consumes the link, and signs the user out everywhere.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(token): Path<String>,
    page: Page,
    Form(form): Form<AccountForm>,
) -> AppResult<Response> {
    let hash = state.keys.hash_token(&token);
    let now = cap_storage::now();
    let live = match tokens::peek(&state.db, &hash, Purpose::PasswordReset, now).await {
        Ok(t) => t,
        Err(StorageError::NotFound) => return Ok(link_invalid(page)),
        Err(e) => return Err(e.into()),
    };
    let mut errors = FormErrors::new();
    let Some(password) = errors.check("password", NewPassword::parse(&form.password, &form.confirmation)) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, ResetPage { page, email: live.email, errors }).into_response());
    };
    let token = match tokens::consume(&state.db, &hash, Purpose::PasswordReset, now).await {
        Ok(t) => t,
        Err(StorageError::NotFound) => return Ok(link_invalid(page)),
        Err(e) => return Err(e.into()),
    };
    let user = UserId(token.user_id.ok_or(crate::error::AppError::NotFound)?);
    let phc = hash_new_password(password).await?;
    let entry = ctx.author_as(user, &token.email).entry("users.password_reset", "user", user, "");
    users::set_password(state.db.audited(entry), user, &phc).await?;
    Ok(redirect_with_flash(&state, "/sign-in", "flash.password_reset"))
}
