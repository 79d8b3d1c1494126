//! The application: its shared state, its configuration, and the router with its middleware.

use crate::{page, routes, security};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use cap_app::App;
use std::sync::Arc;

/// Largest request body accepted (forms are small; uploads will get their own limit).
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// What every handler shares: the application (database, settings, mailer, keys, caches) and
/// the web pages' own caches. It dereferences to [`App`], so `state.db` reads as before.
#[derive(Clone)]
pub struct AppState {
    /// The application the handlers call.
    pub app: App,
    pub(crate) photographies: Arc<crate::features::results::photographie::Cache>,
    gates: Arc<crate::limits::Gates>,
}

impl AppState {
    /// The web state around an application, with the limits each request runs under.
    pub fn new(app: App, limits: crate::limits::RequestLimits) -> Self {
        Self { app, photographies: Arc::default(), gates: Arc::new(crate::limits::Gates::new(limits)) }
    }

    /// The counters behind the request limits (a test holds a place of expensive work with it).
    pub fn gates(&self) -> &crate::limits::Gates {
        &self.gates
    }
}

impl std::ops::Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
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
        .layer(axum::Extension(state.gates.clone()))
        .layer(compression())
        .with_state(state)
}

/// Gzip, when the browser accepts it, for pages, CSS, JS and SVG; never for the workshop's event
/// stream (it must reach the room at once), nor for PDF, workbooks and images, which are
/// compressed already. At level 4. Not brotli: at a comparable level its pages were 6 to 8 %
/// smaller but took up to 1.8 times as long, most of it zeroing the encoder's tables for every
/// response (`docs/PERFORMANCE.md`, « Pages and the allocator's trim threshold »).
fn compression() -> tower_http::compression::CompressionLayer<impl tower_http::compression::Predicate> {
    use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
    let predicate = DefaultPredicate::new()
        .and(NotForContentType::const_new("application/pdf"))
        .and(NotForContentType::const_new("application/vnd.openxmlformats"))
        .and(NotForContentType::const_new("application/zip"));
    tower_http::compression::CompressionLayer::new()
        .gzip(true)
        .quality(tower_http::CompressionLevel::Precise(4))
        .compress_when(predicate)
}
