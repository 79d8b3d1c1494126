//! `GET/POST /sign-in`: e-mail and password, throttled per account and per address.

use crate::app::AppState;
use crate::audit::record;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::page::Page;
use crate::security::safe_next;
use crate::session::{Ctx, start_scoped_session};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use cap_app::crypto::decoy_hash;
use cap_domain::Email;
use cap_storage::{throttle, users};
use serde::Deserialize;

/// Password checks allowed per account in one window (a successful sign-in starts it again).
pub const MAX_ATTEMPTS_PER_ACCOUNT: i64 = 5;
/// The account's window.
pub const WINDOW_SECS: i64 = 15 * 60;
/// Attempts a client address may make at once (a successful sign-in gives its attempt back).
pub const ADDRESS_BURST: i64 = 30;
/// Then one more attempt per address every this many seconds: 30 per 15 minutes, as before,
/// but whoever spent them waits a minute at most after their last try, not a quarter of an hour.
pub const ADDRESS_INTERVAL_SECS: i64 = 30;

#[derive(Template, WebTemplate)]
#[template(path = "auth/sign_in.html")]
struct SignInPage {
    page: Page,
    email: String,
    next: String,
    errors: FormErrors,
}

/// Where to go after signing in.
#[derive(Debug, Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

/// Shows the sign-in form (or goes on when already signed in).
pub async fn form(page: Page, Query(query): Query<NextQuery>) -> Response {
    let next = safe_next(&query.next);
    if page.signed_in() {
        return Redirect::to(&next).into_response();
    }
    SignInPage { page, email: String::new(), next, errors: FormErrors::new() }.into_response()
}

/// The submitted credentials.
#[derive(Debug, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// Checks the credentials and starts a session.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    Form(form): Form<SignInForm>,
) -> AppResult<Response> {
    let next = safe_next(&form.next);
    let mut errors = FormErrors::new();
    let email = errors.check("email", Email::parse(&form.email));
    if form.password.is_empty() {
        errors.add("password", "error.password.required");
    }
    let refuse = |errors: FormErrors, status: StatusCode| {
        Ok((status, SignInPage { page: page.clone(), email: form.email.clone(), next: next.clone(), errors })
            .into_response())
    };
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return refuse(errors, StatusCode::UNPROCESSABLE_ENTITY);
    };

    // Counted before the password is checked, each by one atomic statement: parallel guesses
    // each get their own count, so at most five reach the check per account and window.
    let now = cap_storage::now();
    let account_bucket = format!("account:{email}");
    let address_bucket = format!("address:{}", ctx.client_ip);
    let allowed = throttle::take(&state.db, &address_bucket, now, ADDRESS_INTERVAL_SECS, ADDRESS_BURST).await?
        && throttle::attempt(&state.db, &account_bucket, now, WINDOW_SECS).await? <= MAX_ATTEMPTS_PER_ACCOUNT;
    if !allowed {
        record(&state, &ctx, "users.sign_in_throttled", "user", &email, "").await?;
        errors.add("email", "error.signin.throttled");
        return refuse(errors, StatusCode::TOO_MANY_REQUESTS);
    }

    let user = users::find_by_email(&state.db, &email).await?;
    let stored_hash = user.as_ref().and_then(|u| u.password_hash.clone()).unwrap_or_else(|| decoy_hash().to_owned());
    let password = form.password.clone();
    let matches = cap_app::crypto::verify_password_async(password, stored_hash)
        .await
        .map_err(crate::error::AppError::Internal)?;
    let user = match user {
        Some(user) if matches && user.password_hash.is_some() && user.disabled_at.is_none() => user,
        _ => {
            record(&state, &ctx, "users.sign_in_failed", "user", &email, "").await?;
            errors.add("email", "error.signin.invalid");
            return refuse(errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    throttle::clear(&state.db, &account_bucket).await?;
    throttle::give_back(&state.db, &address_bucket, ADDRESS_INTERVAL_SECS).await?;
    let signed_in = cap_storage::audit::NewEntry {
        actor: Some(user.user_id()),
        actor_label: &user.email,
        action: "users.sign_in",
        entity: "user",
        entity_id: &user.id.to_string(),
        details: "",
        ip: &ctx.client_ip,
    };
    let cookie = start_scoped_session(&state, user.user_id(), None, Some(&signed_in)).await?;
    Ok((AppendHeaders([(header::SET_COOKIE, cookie)]), Redirect::to(&next)).into_response())
}
