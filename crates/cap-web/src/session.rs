//! Who is signed in: the session cookie, the per-request context, and the extractors handlers use.

use crate::app::AppState;
use crate::error::AppError;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::{HeaderMap, HeaderValue, header, request::Parts};
use cap_app::i18n::{Locale, Tr};
pub use cap_app::viewer::Viewer;
use cap_domain::api::{ApiScope, parse_scopes};
use cap_domain::authz::Actor;
use cap_storage::sessions;
use std::net::SocketAddr;
use std::sync::Arc;

/// How long a session lasts after signing in.
pub const SESSION_SECS: i64 = 14 * 24 * 3600;
/// Cookie holding the language chosen with the switch.
pub const LANG_COOKIE: &str = "cap_lang";
/// Cookie holding a one-shot message key shown after a redirect.
pub const FLASH_COOKIE: &str = "cap_flash";

/// What every handler knows about the request before it starts.
#[derive(Debug, Clone)]
pub struct RequestContext {
    /// The interface language.
    pub locale: Locale,
    /// The signed-in user, if any.
    pub viewer: Option<Arc<Viewer>>,
    /// A message key to show once (after a redirect).
    pub flash: Option<String>,
    /// The path and query asked for.
    pub path: String,
    /// The client's address (for throttling and the audit log).
    pub client_ip: String,
}

impl RequestContext {
    /// The translator for this request.
    pub fn tr(&self) -> Tr {
        Tr::new(self.locale)
    }

    /// Who makes the writes of this request, as the audit log records them.
    pub fn author(&self) -> cap_app::audit::Author {
        cap_app::audit::Author {
            user: self.viewer.as_ref().map(|v| v.actor.user_id),
            name: self.viewer.as_ref().map_or_else(String::new, |v| v.user.display_name.clone()),
            label: self.actor_label(),
            ip: self.client_ip.clone(),
        }
    }

    /// The author of a write made for `actor`, who is not signed in yet (a password reset, an
    /// accepted invitation, the first administrator).
    pub fn author_as(&self, actor: cap_domain::UserId, label: &str) -> cap_app::audit::Author {
        cap_app::audit::Author {
            user: Some(actor),
            name: String::new(),
            label: label.to_owned(),
            ip: self.client_ip.clone(),
        }
    }

    /// The e-mail of the signed-in user, or "anonyme", for the audit log.
    pub fn actor_label(&self) -> String {
        self.viewer.as_ref().map_or_else(|| "anonyme".to_owned(), |v| v.user.email.clone())
    }
}

/// The value of one cookie.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value with the house attributes (HttpOnly, SameSite=Lax, Path=/, Secure
/// behind HTTPS).
pub fn set_cookie(state: &AppState, name: &str, value: &str, max_age: i64) -> HeaderValue {
    let secure = if state.config.secure_cookies() { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"))
        .unwrap_or_else(|_| HeaderValue::from_static("invalid=; Max-Age=0"))
}

/// Name of the session cookie: `__Host-` prefixed behind HTTPS, which browsers bind to this host.
pub fn session_cookie_name(state: &AppState) -> &'static str {
    if state.config.secure_cookies() { "__Host-cap_session" } else { "cap_session" }
}

/// Builds the request context: client address, signed-in user, language, one-shot message.
pub async fn load_context(state: &AppState, parts: &Parts) -> Result<RequestContext, AppError> {
    let client_ip = client_ip(state, parts);
    let path = parts.uri.path_and_query().map_or_else(|| parts.uri.path().to_owned(), |p| p.as_str().to_owned());
    let viewer = match cookie(&parts.headers, session_cookie_name(state)) {
        Some(token) => load_viewer(state, token, &client_ip, &path).await?,
        None => None,
    };
    // Personal API tokens open the JSON API only, never the pages.
    let viewer = match (viewer, bearer_token(&parts.headers)) {
        (None, Some(token)) if path.starts_with("/api/") => load_api_viewer(state, token, &client_ip, &path).await?,
        (viewer, _) => viewer,
    };
    let locale = cookie(&parts.headers, LANG_COOKIE)
        .and_then(Locale::from_code)
        .or_else(|| viewer.as_ref().and_then(|v| Locale::from_code(&v.user.locale)))
        .unwrap_or_default();
    let flash = cookie(&parts.headers, FLASH_COOKIE)
        .filter(|k| k.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_'))
        .map(str::to_owned);
    Ok(RequestContext { locale, viewer, flash, path, client_ip })
}

async fn load_viewer(
    state: &AppState,
    token: &str,
    client_ip: &str,
    path: &str,
) -> Result<Option<Arc<Viewer>>, AppError> {
    let session_hash = state.keys.hash_token(token);
    let Some(found) = sessions::signed_in_user(&state.db, &session_hash, cap_storage::now()).await? else {
        return Ok(None);
    };
    Ok(Some(viewer_of(found, session_hash, client_ip, path, None)))
}

/// The viewer of a request: the user, their memberships as the policy sees them, where the
/// request came from, and the token's scopes for an API request.
fn viewer_of(
    found: sessions::SessionUser,
    session_hash: String,
    client_ip: &str,
    path: &str,
    api_scopes: Option<Vec<ApiScope>>,
) -> Arc<Viewer> {
    let user = found.user;
    let actor =
        Actor { user_id: user.user_id(), memberships: found.memberships.into_iter().map(|m| m.membership).collect() };
    Arc::new(Viewer {
        user,
        actor,
        session_hash,
        campaign_only: found.campaign_only,
        client_ip: client_ip.to_owned(),
        path: path.to_owned(),
        api_scopes,
    })
}

/// The token of an `Authorization: Bearer …` header.
fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

async fn load_api_viewer(
    state: &AppState,
    token: &str,
    client_ip: &str,
    path: &str,
) -> Result<Option<Arc<Viewer>>, AppError> {
    let token_hash = state.keys.hash_token(token);
    let Some((found, scopes, token_id)) = sessions::api_token_user(&state.db, &token_hash, cap_storage::now()).await?
    else {
        return Ok(None);
    };
    Ok(Some(viewer_of(found, format!("api-token-{token_id}"), client_ip, path, Some(parse_scopes(&scopes)))))
}

fn client_ip(state: &AppState, parts: &Parts) -> String {
    if state.config.behind_proxy {
        // The reverse proxy appends the address it saw last; earlier entries are client-supplied.
        if let Some(ip) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            return ip.to_owned();
        }
    }
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string())
}

/// Starts a session for `user`; returns the cookie to set.
pub async fn start_session(state: &AppState, user: cap_domain::UserId) -> Result<HeaderValue, AppError> {
    start_scoped_session(state, user, None, None).await
}

/// Starts a session, limited to one campaign when `campaign` is given, recording `audit` (the
/// sign-in) in the same transaction; returns the cookie to set.
pub async fn start_scoped_session(
    state: &AppState,
    user: cap_domain::UserId,
    campaign: Option<i64>,
    audit: Option<&cap_storage::audit::NewEntry<'_>>,
) -> Result<HeaderValue, AppError> {
    let token = cap_app::crypto::random_token();
    let now = cap_storage::now();
    let hash = state.keys.hash_token(&token);
    sessions::create_scoped(&state.db, &hash, user, campaign, now, now + SESSION_SECS, audit).await?;
    Ok(set_cookie(state, session_cookie_name(state), &token, SESSION_SECS))
}

/// The request context, put in place by the page middleware.
#[derive(Debug, Clone)]
pub struct Ctx(pub Arc<RequestContext>);

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Arc<RequestContext>>()
            .cloned()
            .map(Ctx)
            .ok_or_else(|| AppError::Internal("request context missing".into()))
    }
}

/// A signed-in user; anonymous visitors are sent to the sign-in page and brought back.
#[derive(Debug, Clone)]
pub struct SignedIn(pub Arc<Viewer>);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Ctx(ctx) = Ctx::from_request_parts(parts, state).await?;
        match &ctx.viewer {
            Some(viewer) => Ok(SignedIn(viewer.clone())),
            None => Err(AppError::SignInRequired { next: ctx.path.clone() }),
        }
    }
}
