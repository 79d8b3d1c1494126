//! `GET/POST /password/forgot`: sends a single-use reset link, without revealing whether an
//! account exists for the address.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::page::Page;
use crate::session::Ctx;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_domain::Email;
use cap_storage::{throttle, users};
use serde::Deserialize;

/// Reset e-mails one address may trigger per hour (protects inboxes from floods).
const MAX_REQUESTS_PER_ADDRESS: i64 = 10;

#[derive(Template, WebTemplate)]
#[template(path = "auth/forgot_password.html")]
struct ForgotPage {
    page: Page,
    email: String,
    errors: FormErrors,
    sent: bool,
}

/// Shows the form.
pub async fn form(page: Page) -> Response {
    ForgotPage { page, email: String::new(), errors: FormErrors::new(), sent: false }.into_response()
}

/// The submitted address.
#[derive(Debug, Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// Sends the link when the account exists; answers the same either way.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    Form(form): Form<ForgotForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    let Some(email) = errors.check("email", Email::parse(&form.email)) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, ForgotPage { page, email: form.email, errors, sent: false })
            .into_response());
    };
    let now = cap_storage::now();
    let bucket = format!("reset:{}", ctx.client_ip);
    let allowed = throttle::attempt(&state.db, &bucket, now, 3600).await? <= MAX_REQUESTS_PER_ADDRESS;
    if let Some(user) = users::find_by_email(&state.db, &email).await?.filter(|u| u.disabled_at.is_none() && allowed) {
        let link = cap_app::links::password_reset_link(&state, &ctx.author(), user.user_id(), email.as_str()).await?;
        let body = format!(
            "Bonjour {name},\n\nPour choisir un nouveau mot de passe Cap, ouvrez ce lien (valable une heure, une seule fois) :\n{link}\n\n\
             Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n\n---\n\n\
             Hello {name},\n\nTo choose a new Cap password, open this link (valid for one hour, once):\n{link}\n\n\
             If you did not ask for this, ignore this message: your password stays the same.\n",
            name = user.display_name
        );
        if let Err(err) = state.mailer.send(email.as_str(), "Nouveau mot de passe Cap / New Cap password", body).await {
            tracing::error!(error = %err, "reset e-mail not sent");
        }
    }
    Ok(ForgotPage { page, email: email.to_string(), errors, sent: true }.into_response())
}
