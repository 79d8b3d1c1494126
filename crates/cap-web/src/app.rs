//! The application: its shared state, its configuration, and the router with its middleware.

use crate::crypto::Keys;
use crate::mail::Mailer;
use crate::{page, routes, security};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use cap_storage::Db;
use std::sync::Arc;

/// Largest request body accepted (forms are small; uploads will get their own limit).
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// The web layer's settings, taken from the configuration.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The address users reach the server at (`https://cap.exemple.fr`), used in e-mailed links.
    pub public_url: String,
    /// The federation's name, shown in every page's header.
    pub federation_name: String,
    /// Whether a reverse proxy stands in front (then `X-Forwarded-For` gives the client's address).
    pub behind_proxy: bool,
    /// How often the scheduled reminders run.
    pub reminder_interval: std::time::Duration,
    /// Deadlines and the bound on expensive work.
    pub limits: crate::limits::RequestLimits,
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

/// The network's computed figures, by filter and language, under their stamp.
pub(crate) type NetworkFigures = crate::stamped_cache::StampedCache<
    (cap_storage::network::Filter, crate::i18n::Locale),
    (String, i64, i64, i64, i64),
    crate::features::network::figures::Figures,
>;

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
    pub(crate) referentials: Arc<crate::referential_cache::ReferentialCache>,
    pub(crate) workshops: Arc<crate::live::WorkshopHub>,
    pub(crate) photographies: Arc<crate::features::results::photographie::Cache>,
    pub(crate) network_figures: Arc<NetworkFigures>,
    /// Published good practices per indicator, by referential code, under the practices' stamp.
    pub(crate) practice_counts:
        Arc<crate::stamped_cache::StampedCache<String, i64, std::collections::HashMap<String, i64>>>,
    closing: Arc<tokio::sync::watch::Sender<bool>>,
    gates: Arc<crate::limits::Gates>,
}

impl AppState {
    /// Assembles the state; `session_key` is the instance's secret.
    pub fn new(db: Db, config: WebConfig, mailer: Mailer, session_key: &[u8]) -> Self {
        Self {
            db,
            gates: Arc::new(crate::limits::Gates::new(config.limits.clone())),
            config: Arc::new(config),
            mailer,
            keys: Keys::new(session_key),
            referentials: Arc::default(),
            workshops: Arc::default(),
            photographies: Arc::default(),
            network_figures: Arc::default(),
            practice_counts: Arc::default(),
            closing: Arc::new(tokio::sync::watch::channel(false).0),
        }
    }

    /// Ends the endless responses (server-sent events) so a graceful shutdown can finish.
    pub fn begin_shutdown(&self) {
        self.closing.send_replace(true);
    }

    /// The counters behind the request limits (a test holds a place of expensive work with it).
    pub fn gates(&self) -> &crate::limits::Gates {
        &self.gates
    }

    /// Completes once the server is shutting down.
    pub fn closing(&self) -> impl std::future::Future<Output = ()> + Send + 'static + use<> {
        let mut receiver = self.closing.subscribe();
        async move {
            let _ = receiver.wait_for(|closing| *closing).await;
        }
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
        .with_state(state)
}

/// On PostgreSQL, relays the workshop changes announced by every instance to the pages connected
/// to this one; retries after a failure. Returns at once on SQLite.
pub async fn relay_workshop_changes(state: AppState) {
    let mut listener = loop {
        match cap_storage::workshops::Listener::start(&state.db).await {
            Ok(Some(l)) => break l,
            Ok(None) => return,
            Err(err) => {
                tracing::warn!(error = %err, "workshop listener not started, retrying");
                tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            }
        }
    };
    loop {
        match listener.next().await {
            Ok((workshop, version)) => state.workshops.announce(workshop, version),
            Err(err) => {
                tracing::warn!(error = %err, "workshop listener failed, retrying");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    }
}
