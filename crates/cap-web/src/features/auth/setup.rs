//! `GET/POST /setup/{token}`: creates the first federation administrator on an empty instance,
//! from the one-time link the server prints at start-up.

use super::AccountForm;
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, start_session};
use crate::shared_pages::link_invalid;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use cap_app::crypto::hash_new_password;
use cap_domain::{Email, Membership, NewPassword, Role, Scope};
use cap_storage::tokens::{self, Purpose};
use cap_storage::{StorageError, memberships, users};

#[derive(Template, WebTemplate)]
#[template(path = "auth/setup.html")]
struct SetupPage {
    page: Page,
    email: String,
    display_name: String,
    errors: FormErrors,
}

async fn link_is_live(state: &AppState, token: &str) -> AppResult<bool> {
    if users::count(&state.db).await? > 0 {
        return Ok(false);
    }
    match tokens::peek(&state.db, &state.keys.hash_token(token), Purpose::Setup, cap_storage::now()).await {
        Ok(_) => Ok(true),
        Err(StorageError::NotFound) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Shows the first administrator's form.
pub async fn form(State(state): State<AppState>, Path(token): Path<String>, page: Page) -> AppResult<Response> {
    if !link_is_live(&state, &token).await? {
        return Ok(link_invalid(page));
    }
    Ok(SetupPage { page, email: String::new(), display_name: String::new(), errors: FormErrors::new() }.into_response())
}

/// Creates the administrator, consumes the link and signs them in.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(token): Path<String>,
    page: Page,
    Form(form): Form<AccountForm>,
) -> AppResult<Response> {
    if !link_is_live(&state, &token).await? {
        return Ok(link_invalid(page));
    }
    let mut errors = FormErrors::new();
    if form.display_name.trim().is_empty() {
        errors.add("display_name", "error.display_name.required");
    }
    let email = errors.check("email", Email::parse(&form.email));
    let password = errors.check("password", NewPassword::parse(&form.password, &form.confirmation));
    let (Some(email), Some(password)) = (email, password) else {
        let rendered = SetupPage { page, email: form.email, display_name: form.display_name, errors };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    };
    if !errors.is_empty() {
        let rendered = SetupPage { page, email: form.email, display_name: form.display_name, errors };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    }
    match tokens::consume(&state.db, &state.keys.hash_token(&token), Purpose::Setup, cap_storage::now()).await {
        Ok(_) => {}
        Err(StorageError::NotFound) => return Ok(link_invalid(page)),
        Err(e) => return Err(e.into()),
    }
    let phc = hash_new_password(password).await?;
    let user = users::create(&state.db, &email, &form.display_name, Some(&phc)).await?;
    let admin = Membership::new(Role::FederationAdmin, Scope::Federation, None)
        .map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
    let entry = ctx.author_as(user, email.as_str()).entry("setup.first_admin", "user", user, "");
    memberships::grant(state.db.audited(entry), user, admin).await?;
    let cookie = start_session(&state, user).await?;
    let mut response = redirect_with_flash(&state, "/admin", "flash.setup_done");
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}
