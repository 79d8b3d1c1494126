//! `GET /account/tokens`: the signed-in person's personal API tokens. `POST /account/tokens`
//! creates one — name, scopes, lifetime — and shows it once (only its keyed hash is kept);
//! `POST /account/tokens/{id}/revoke` ends one at once. Creation and revocation are audited.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn, Viewer};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::crypto::random_token;
use cap_domain::api::{ApiScope, TokenInput, parse_scopes, scopes_code};
use cap_storage::api_tokens::{self, Token};

/// A new token as typed: its name, the scopes ticked, its lifetime in days.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct TokenForm {
    name: String,
    #[serde(rename = "scope")]
    scopes: Vec<String>,
    days: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "account/tokens.html")]
struct TokensPage {
    page: Page,
    tokens: Vec<Token>,
    now: i64,
    token_name: String,
    scopes: Vec<String>,
    days: String,
    errors: FormErrors,
    /// The token just created, shown this once.
    created: Option<String>,
}

async fn render(state: &AppState, page: Page, viewer: &Viewer) -> AppResult<TokensPage> {
    Ok(TokensPage {
        tokens: api_tokens::for_user(&state.db, viewer.actor.user_id).await?,
        now: cap_storage::now(),
        token_name: String::new(),
        scopes: vec![ApiScope::Read.code().to_owned()],
        days: "90".to_owned(),
        errors: FormErrors::new(),
        created: None,
        page,
    })
}

/// Lists the tokens, with the form to create one.
pub async fn list(State(state): State<AppState>, SignedIn(viewer): SignedIn, page: Page) -> AppResult<Response> {
    Ok(render(&state, page, &viewer).await?.into_response())
}

/// Creates a token and shows it once.
pub async fn create(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    page: Page,
    Form(form): Form<TokenForm>,
) -> AppResult<Response> {
    let mut rendered = render(&state, page, &viewer).await?;
    let input = TokenInput::parse(&form.name, &form.scopes, &form.days);
    rendered.token_name = form.name;
    rendered.days = form.days;
    rendered.scopes = form.scopes;
    let input = match input {
        Ok(input) => input,
        Err(problems) => {
            for (f, e) in problems {
                rendered.errors.add(f, e.key);
            }
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
        }
    };
    let token = format!("cap_{}", random_token());
    let expires_at = cap_storage::now() + input.days * 86_400;
    let code = scopes_code(&input.scopes);
    let entry =
        ctx.author().entry("tokens.create", "api_token", "", format!("{} [{code}] {} j", input.name, input.days));
    api_tokens::create(
        state.db.audited(entry),
        viewer.actor.user_id,
        &input.name,
        &state.keys.hash_token(&token),
        &code,
        expires_at,
    )
    .await?;
    rendered.tokens = api_tokens::for_user(&state.db, viewer.actor.user_id).await?;
    rendered.created = Some(token);
    rendered.token_name = String::new();
    Ok(rendered.into_response())
}

/// Revokes one of the person's tokens.
pub async fn revoke(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mine = api_tokens::for_user(&state.db, viewer.actor.user_id).await?;
    let token = mine.iter().find(|t| t.id == id).ok_or(crate::error::AppError::NotFound)?;
    api_tokens::revoke(
        state.db.audited(ctx.author().entry("tokens.revoke", "api_token", id, &token.name)),
        viewer.actor.user_id,
        id,
    )
    .await?;
    Ok(redirect_with_flash(&state, "/account/tokens", "flash.token_revoked"))
}

impl TokensPage {
    fn all_scopes(&self) -> [ApiScope; 2] {
        ApiScope::ALL
    }

    fn ticked(&self, scope: &ApiScope) -> bool {
        self.scopes.iter().any(|s| s == scope.code())
    }

    fn scope_labels(&self, token: &Token) -> String {
        parse_scopes(&token.scopes).iter().map(|s| self.page.t.t(s.label_key())).collect::<Vec<_>>().join(", ")
    }

    fn state_key(&self, token: &Token) -> &'static str {
        if token.revoked_at.is_some() {
            "token.state.revoked"
        } else if token.expires_at <= self.now {
            "token.state.expired"
        } else {
            "token.state.active"
        }
    }
}
