//! `GET/POST /invitation/{token}`: accepts an invitation, creating the account when the
//! address has none, and grants the invited role.

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
use cap_app::invitations::{InvitationPayload, describe};
use cap_domain::{Email, NewPassword};
use cap_storage::tokens::{self, Purpose, Token};
use cap_storage::{StorageError, memberships, users};

#[derive(Template, WebTemplate)]
#[template(path = "auth/accept_invitation.html")]
struct InvitationPage {
    page: Page,
    email: String,
    role: String,
    invited_by: String,
    has_account: bool,
    display_name: String,
    errors: FormErrors,
}

async fn live_invitation(state: &AppState, token: &str) -> AppResult<Option<(Token, InvitationPayload)>> {
    match tokens::peek(&state.db, &state.keys.hash_token(token), Purpose::Invitation, cap_storage::now()).await {
        Ok(t) => {
            let payload: InvitationPayload =
                serde_json::from_str(&t.payload).map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
            Ok(Some((t, payload)))
        }
        Err(StorageError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

async fn render(
    state: &AppState,
    page: Page,
    token: &Token,
    payload: &InvitationPayload,
    display_name: String,
    errors: FormErrors,
) -> AppResult<InvitationPage> {
    let email = Email::parse(&token.email).map_err(|_| crate::error::AppError::NotFound)?;
    let has_account = users::find_by_email(&state.db, &email).await?.is_some_and(|u| u.password_hash.is_some());
    let role = describe(state, page.t, &payload.membership()?).await?;
    Ok(InvitationPage {
        page,
        email: token.email.clone(),
        role,
        invited_by: payload.invited_by.clone(),
        has_account,
        display_name,
        errors,
    })
}

/// Shows what the invitation grants, and the account form when needed.
pub async fn form(State(state): State<AppState>, Path(token): Path<String>, page: Page) -> AppResult<Response> {
    let Some((token, payload)) = live_invitation(&state, &token).await? else {
        return Ok(link_invalid(page));
    };
    let name = payload.display_name.clone();
    Ok(render(&state, page, &token, &payload, name, FormErrors::new()).await?.into_response())
}

/// Accepts: creates or completes the account, grants the role, consumes the link.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(token_text): Path<String>,
    page: Page,
    Form(form): Form<AccountForm>,
) -> AppResult<Response> {
    let Some((token, payload)) = live_invitation(&state, &token_text).await? else {
        return Ok(link_invalid(page));
    };
    let email = Email::parse(&token.email).map_err(|_| crate::error::AppError::NotFound)?;
    let existing = users::find_by_email(&state.db, &email).await?;
    let needs_password = existing.as_ref().is_none_or(|u| u.password_hash.is_none());
    let mut errors = FormErrors::new();
    let mut new_password = None;
    if needs_password {
        let name = form.display_name.trim();
        if name.is_empty() {
            errors.add("display_name", "error.display_name.required");
        } else if name.chars().count() > 100 {
            errors.add("display_name", "error.display_name.length");
        }
        new_password = errors.check("password", NewPassword::parse(&form.password, &form.confirmation));
    }
    if !errors.is_empty() {
        let rendered = render(&state, page, &token, &payload, form.display_name.clone(), errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    }
    let membership = payload.membership()?;
    match tokens::consume(&state.db, &state.keys.hash_token(&token_text), Purpose::Invitation, cap_storage::now()).await
    {
        Ok(_) => {}
        Err(StorageError::NotFound) => return Ok(link_invalid(page)),
        Err(e) => return Err(e.into()),
    }
    let phc = match new_password {
        Some(p) => Some(hash_new_password(p).await?),
        None => None,
    };
    let user_id = match (&existing, phc) {
        (Some(user), Some(phc)) => {
            users::set_password(&state.db, user.user_id(), &phc).await?;
            users::set_display_name(&state.db, user.user_id(), &form.display_name).await?;
            user.user_id()
        }
        (Some(user), None) => user.user_id(),
        (None, phc) => users::create(&state.db, &email, &form.display_name, phc.as_deref()).await?,
    };
    let what = describe(&state, cap_app::i18n::Tr::default(), &membership).await?;
    let entry = ctx.author_as(user_id, email.as_str()).entry("invitations.accept", "user", user_id, what);
    memberships::grant(state.db.audited(entry), user_id, membership).await?;
    if needs_password {
        let cookie = start_session(&state, user_id).await?;
        let mut response = redirect_with_flash(&state, "/", "flash.welcome");
        response.headers_mut().append(header::SET_COOKIE, cookie);
        Ok(response)
    } else {
        Ok(redirect_with_flash(&state, "/sign-in", "flash.invitation_accepted"))
    }
}
