//! What every page shows around its content (title, navigation, messages), and the middleware
//! that prepares the request context and renders error pages.

use crate::app::AppState;
use crate::error::{AppError, ErrorPage};
use crate::session::{Ctx, FLASH_COOKIE, RequestContext, load_context, set_cookie};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{HeaderValue, header, request::Parts};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cap_app::i18n::Tr;
use cap_domain::authz::Permission;
use std::sync::Arc;

/// A link of the main navigation.
#[derive(Debug, Clone)]
pub struct NavItem {
    /// Target.
    pub href: String,
    /// Message key of its label.
    pub label_key: &'static str,
    /// Whether it is the current section.
    pub current: bool,
}

/// The frame of every page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Translator.
    pub t: Tr,
    /// The request context.
    pub ctx: Arc<RequestContext>,
    /// The federation's name, shown in the header.
    pub federation_name: String,
    /// Main navigation.
    pub nav: Vec<NavItem>,
    /// On a venue copy, what every page says of it.
    pub venue: Option<String>,
}

impl Page {
    /// The frame for a request.
    pub fn new(state: &AppState, ctx: Arc<RequestContext>) -> Self {
        let path = ctx.path.split('?').next().unwrap_or_default().to_owned();
        let mut nav = Vec::new();
        let item =
            |href: &str, label_key: &'static str, current: bool| NavItem { href: href.to_owned(), label_key, current };
        if let Some(campaign) = ctx.viewer.as_ref().and_then(|v| v.campaign_only) {
            // A personal campaign link opens that campaign only: nothing else to navigate to.
            nav.push(item(&format!("/campaigns/{campaign}"), "nav.my_campaign", true));
        } else if let Some(viewer) = &ctx.viewer {
            nav.push(item(
                "/",
                "nav.home",
                path == "/" || path.starts_with("/organisations") || path.starts_with("/campaigns"),
            ));
            nav.push(item("/referentials", "nav.referentials", path.starts_with("/referentials")));
            nav.push(item("/practices", "nav.practices", path.starts_with("/practices")));
            nav.push(item(
                "/directory",
                "nav.directory",
                path.starts_with("/directory") || path.starts_with("/trainings"),
            ));
            let delegate = viewer.actor.memberships.iter().any(|m| m.role == cap_domain::Role::RegionalDelegate);
            if delegate || viewer.can(Permission::ViewNetwork(None)) {
                nav.push(item("/network", "nav.network", path.starts_with("/network")));
                nav.push(item("/deployment", "nav.deployment", path.starts_with("/deployment")));
            }
            if viewer.can(Permission::AdministerFederation) {
                nav.push(item("/admin", "nav.admin", path.starts_with("/admin")));
            }
            nav.push(item("/account", "nav.account", path.starts_with("/account")));
        }
        let t = ctx.tr();
        let venue =
            state.config.venue.as_ref().map(|v| t.tn("venue.banner", &[v.origin.clone(), t.datetime(v.expires_at)]));
        Self { t, ctx, federation_name: state.config.federation_name.clone(), nav, venue }
    }

    /// Whether someone is signed in.
    pub fn signed_in(&self) -> bool {
        self.ctx.viewer.is_some()
    }

    /// The signed-in user's name.
    pub fn user_name(&self) -> &str {
        self.ctx.viewer.as_ref().map_or("", |v| v.user.display_name.as_str())
    }

    /// The one-shot message to show, if any.
    pub fn flash(&self) -> Option<&str> {
        self.ctx.flash.as_deref().map(|key| self.t.t(key))
    }

    /// The current path, for forms that come back here.
    pub fn path(&self) -> &str {
        &self.ctx.path
    }
}

impl FromRequestParts<AppState> for Page {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Ctx(ctx) = Ctx::from_request_parts(parts, state).await?;
        Ok(Page::new(state, ctx))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/error.html")]
struct ErrorTemplate {
    page: Page,
    title_key: &'static str,
    body: String,
    operation_id: Option<u64>,
    /// The page a refused form was on, to go back to.
    back: Option<String>,
}

/// An error page's explanation, with the size allowed when the body was too large.
fn error_text(t: Tr, error: &ErrorPage) -> String {
    match (error.limit, error.stale) {
        (Some(limit), _) => t.t1(error.body_key, cap_app::practices::human_size(limit as i64, t.lang() == "fr")),
        (None, Some(s)) => format!(
            "{} {}",
            t.t(error.body_key),
            t.tn("error.page.stale_versions", &[s.read.to_string(), s.current.to_string()])
        ),
        (None, None) => t.t(error.body_key).to_owned(),
    }
}

/// The page a request came from (its `Referer` and `Host` headers), when the browser says so and
/// it is on this site: its path and query only, so a conflict page can link back to it and never
/// elsewhere.
fn same_site_referer(referer: Option<&HeaderValue>, host: Option<&HeaderValue>) -> Option<String> {
    let referer = url::Url::parse(referer?.to_str().ok()?).ok()?;
    let host = host?.to_str().ok()?;
    let origin = match referer.port() {
        Some(port) => format!("{}:{port}", referer.host_str()?),
        None => referer.host_str()?.to_owned(),
    };
    (origin == host).then(|| match referer.query() {
        Some(query) => format!("{}?{query}", referer.path()),
        None => referer.path().to_owned(),
    })
}

/// The header of a live page's background refresh (`static/app.js`).
pub const LIVE_REFRESH: &str = "x-cap-live";

/// Prepares the request context, renders error pages in the user's language, and clears the
/// one-shot message once shown.
pub async fn page_middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let ctx = match load_context(&state, &parts).await {
        Ok(ctx) => Arc::new(ctx),
        Err(err) => return err.into_response(),
    };
    parts.extensions.insert(ctx.clone());
    // A live page refreshing its part in the background must not take the one-shot message: the
    // page the browser is navigating to at the same moment shows it.
    let had_flash = ctx.flash.is_some() && !parts.headers.contains_key(LIVE_REFRESH);
    // Kept as sent (a reference count each), read only for a conflict page.
    let (referer, host) = (parts.headers.get(header::REFERER).cloned(), parts.headers.get(header::HOST).cloned());
    let mut response = next.run(Request::from_parts(parts, body)).await;
    // A body over the default limit, refused by an extractor before any handler could say so.
    if response.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE
        && response.extensions().get::<ErrorPage>().is_none()
    {
        let status = response.status();
        response = status.into_response();
        response.extensions_mut().insert(ErrorPage::too_large(crate::app::BODY_LIMIT_BYTES));
    }
    if ctx.path.starts_with("/api/") {
        return api_error_as_json(&ctx, response);
    }
    if let Some(error) = response.extensions().get::<ErrorPage>().copied() {
        let status = response.status();
        let body = error_text(ctx.tr(), &error);
        let page = Page::new(&state, ctx);
        let back = error.stale.and_then(|_| same_site_referer(referer.as_ref(), host.as_ref()));
        let mut rendered =
            ErrorTemplate { page, title_key: error.title_key, body, operation_id: error.operation_id, back }
                .into_response();
        *rendered.status_mut() = status;
        if let Some(retry_after) = response.headers().get(header::RETRY_AFTER) {
            rendered.headers_mut().insert(header::RETRY_AFTER, retry_after.clone());
        }
        response = rendered;
    }
    let sets_flash = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.to_str().is_ok_and(|v| v.starts_with(FLASH_COOKIE)));
    if had_flash && !sets_flash && !response.status().is_redirection() {
        response.headers_mut().append(header::SET_COOKIE, set_cookie(&state, FLASH_COOKIE, "", 0));
    }
    response
}

/// The JSON API answers its errors in JSON (`{"status": 404, "error": "…"}`) in the caller's
/// language, and a missing or dead token with 401 rather than the sign-in page.
fn api_error_as_json(ctx: &RequestContext, response: Response) -> Response {
    let t = ctx.tr();
    let (status, message) = if let Some(error) = response.extensions().get::<ErrorPage>() {
        (response.status(), error_text(t, error))
    } else if response.status() == axum::http::StatusCode::SEE_OTHER
        && response.headers().get(header::LOCATION).is_some_and(|l| l.as_bytes().starts_with(b"/sign-in"))
    {
        (axum::http::StatusCode::UNAUTHORIZED, t.t("error.api.unauthorized").to_owned())
    } else {
        return response;
    };
    let body = serde_json::json!({ "status": status.as_u16(), "error": message });
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
    let mut out = (status, axum::Json(body)).into_response();
    if let Some(retry_after) = retry_after {
        out.headers_mut().insert(header::RETRY_AFTER, retry_after);
    }
    if status == axum::http::StatusCode::UNAUTHORIZED {
        out.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    out
}

/// A redirect after a successful form (303), with a one-shot message key to show there.
pub fn redirect_with_flash(state: &AppState, to: &str, flash_key: &'static str) -> Response {
    let mut response = axum::response::Redirect::to(to).into_response();
    response.headers_mut().append(header::SET_COOKIE, set_cookie(state, FLASH_COOKIE, flash_key, 60));
    response
}
