//! The application: its shared state, its configuration, and the router with its middleware.

use crate::crypto::Keys;
use crate::mail::Mailer;
use crate::{page, routes, security};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use cap_storage::Db;
use cap_storage::tokens::{self, NewToken, Purpose};
use std::sync::Arc;

/// Largest request body accepted (forms are small; uploads will get their own limit).
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;
/// How long the first administrator's setup link stays valid.
pub const SETUP_LINK_SECS: i64 = 24 * 3600;

/// The web layer's settings, taken from the configuration.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The address users reach the server at (`https://cap.exemple.fr`), used in e-mailed links.
    pub public_url: String,
    /// The federation's name, shown in every page's header.
    pub federation_name: String,
    /// Whether a reverse proxy stands in front (then `X-Forwarded-For` gives the client's address).
    pub behind_proxy: bool,
}

impl WebConfig {
    /// Cookies get `Secure` (and the session cookie the `__Host-` prefix) behind HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// `scheme://host[:port]` of the public URL.
    pub fn public_origin(&self) -> String {
        match url::Url::parse(&self.public_url) {
            Ok(url) => url.origin().ascii_serialization(),
            Err(_) => self.public_url.trim_end_matches('/').to_owned(),
        }
    }

    /// An absolute link to `path` (which starts with `/`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.trim_end_matches('/'))
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Settings.
    pub config: Arc<WebConfig>,
    /// Outgoing e-mail.
    pub mailer: Mailer,
    pub(crate) keys: Keys,
}

impl AppState {
    /// Assembles the state; `session_key` is the instance's secret.
    pub fn new(db: Db, config: WebConfig, mailer: Mailer, session_key: &[u8]) -> Self {
        Self { db, config: Arc::new(config), mailer, keys: Keys::new(session_key) }
    }
}

/// The full application: every route of the route table behind the middleware stack.
pub fn build_router(state: AppState) -> Router {
    let routes = routes::table();
    routes
        .into_router()
        .fallback(|| async { crate::error::AppError::NotFound })
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(from_fn_with_state(state.clone(), security::csrf_middleware))
        .layer(from_fn_with_state(state.clone(), page::page_middleware))
        .layer(from_fn_with_state(state.clone(), security::headers_middleware))
        .with_state(state)
}

/// On an instance without any account, makes a fresh single-use link to create the first
/// federation administrator (earlier links stop working). `None` once an account exists.
pub async fn first_start_link(state: &AppState) -> Result<Option<String>, cap_storage::StorageError> {
    if cap_storage::users::count(&state.db).await? > 0 {
        return Ok(None);
    }
    let now = cap_storage::now();
    tokens::revoke_all(&state.db, Purpose::Setup, now).await?;
    let token = crate::crypto::random_token();
    tokens::create(
        &state.db,
        NewToken {
            token_hash: &state.keys.hash_token(&token),
            purpose: Purpose::Setup,
            email: "",
            user_id: None,
            payload: "",
            created_by: None,
            now,
            expires_at: now + SETUP_LINK_SECS,
        },
    )
    .await?;
    Ok(Some(state.config.link(&format!("/setup/{token}"))))
}

/// How long a password-reset link stays valid.
pub const RESET_LINK_SECS: i64 = 3600;

/// Makes a single-use password-reset link for `user` (e-mailed by the "forgotten password"
/// page, printed by `cap user reset-password`).
pub async fn password_reset_link(
    state: &AppState,
    user: cap_domain::UserId,
    email: &str,
) -> Result<String, cap_storage::StorageError> {
    let token = crate::crypto::random_token();
    let now = cap_storage::now();
    tokens::create(
        &state.db,
        NewToken {
            token_hash: &state.keys.hash_token(&token),
            purpose: Purpose::PasswordReset,
            email,
            user_id: Some(user),
            payload: "",
            created_by: None,
            now,
            expires_at: now + RESET_LINK_SECS,
        },
    )
    .await?;
    Ok(state.config.link(&format!("/password/reset/{token}")))
}
