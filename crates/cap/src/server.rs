//! Start-up wiring: database, secrets, mail, first-start link, demo data, the hourly purge of
//! expired sessions and stale sign-in throttling, and the HTTP server with graceful shutdown.

use crate::config::Config;
use crate::connections::ConnectionSettings;
use cap_app::{App, Mailer, MailerConfig, Settings};
use cap_storage::{Db, StorageError, settings};
use cap_web::limits::RequestLimits;
use cap_web::{AppState, build_router};
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The configuration has problems.
    #[error("invalid configuration:\n  - {}", .0.join("\n  - "))]
    Config(Vec<String>),
    /// The database could not be reached or migrated.
    #[error("database: {0}")]
    Database(#[from] StorageError),
    /// The mailer could not be set up.
    #[error("mail: {0}")]
    Mail(#[from] cap_app::mail::MailError),
    /// The built-in referentials could not be loaded.
    #[error("built-in referentials: {0}")]
    Builtin(#[from] cap_app::referential_files::ImportError),
    /// The database is a venue copy whose bundle cannot be read.
    #[error("venue copy: {0}")]
    Venue(String),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Connects to the configured database, applying migrations.
pub async fn connect(config: &Config) -> Result<Db, ServerError> {
    Ok(Db::connect(&config.database.url).await?)
}

/// The instance's secret key: the configured one, or one generated on first start and kept in
/// the database (so every instance shares it).
pub async fn session_key(config: &Config, db: &Db) -> Result<Vec<u8>, ServerError> {
    if let Some(key) = &config.security.session_key {
        return Ok(key.as_bytes().to_vec());
    }
    let fresh: String = (0..4).map(|_| format!("{:016x}", rand::random::<u64>())).collect();
    Ok(settings::get_or_init(db, "session_key", &fresh).await?.into_bytes())
}

/// Builds the application from the configuration and an open database.
pub async fn state(config: &Config, db: Db) -> Result<App, ServerError> {
    let problems = config.problems();
    if !problems.is_empty() {
        return Err(ServerError::Config(problems));
    }
    let key = session_key(config, &db).await?;
    if cap_app::referential_files::ensure_builtin(&db).await? {
        tracing::info!("built-in referentials and offer of services loaded");
    }
    let mailer_config = match &config.mail.smtp {
        Some(smtp) => MailerConfig::Smtp {
            host: smtp.host.clone(),
            port: smtp.port(),
            security: smtp.security.clone(),
            username: smtp.username.clone(),
            password: smtp.password.clone(),
        },
        None => MailerConfig::Outbox(config.mail.outbox.clone()),
    };
    let mailer = Mailer::new(&mailer_config, &config.mail.from)?;
    let settings = Settings {
        public_url: config.public_url(),
        federation_name: config.federation.name.clone(),
        behind_proxy: config.server.behind_proxy,
        reminder_interval: std::time::Duration::from_secs(config.jobs.reminder_interval_seconds.max(1)),
        venue: cap_app::venue::copy_of(&db).await.map_err(|e| ServerError::Venue(e.to_string()))?,
    };
    Ok(App::new(db, settings, mailer, &key))
}

/// The web state serving `app` under the configured request limits.
pub fn web_state(config: &Config, app: App) -> AppState {
    AppState::new(app, request_limits(config))
}

/// The limits each request runs under.
pub fn request_limits(config: &Config) -> RequestLimits {
    let limits = &config.limits;
    RequestLimits {
        request_timeout: Duration::from_secs(limits.request_timeout_seconds.max(1)),
        body_min_bytes_per_second: limits.body_min_bytes_per_second.max(1),
        heavy_permits: limits.heavy_permits(),
        heavy_queue: limits.heavy_queue,
        heavy_per_minute: limits.heavy_per_person_per_minute.max(1),
        per_client_requests: config.server.behind_proxy.then_some(limits.max_connections_per_address.max(1)),
    }
}

/// How connections are served: deadlines and caps (the caps not yet fitted to the limit of open
/// files; [`serve`] does that).
pub fn connection_settings(config: &Config) -> ConnectionSettings {
    let limits = &config.limits;
    ConnectionSettings {
        header_timeout: Duration::from_secs(limits.header_timeout_seconds.max(1)),
        shutdown_grace: Duration::from_secs(limits.shutdown_grace_seconds),
        max_connections: limits.max_connections,
        per_address: (!config.server.behind_proxy).then_some(limits.max_connections_per_address),
    }
}

/// Connections the system may hold for the server before it accepts them (the system's own
/// maximum, `net.core.somaxconn`, still applies): a flood is then refused by the server, quickly,
/// rather than left waiting by the system.
const LISTEN_BACKLOG: u32 = 4096;

/// Binds the configured address.
pub async fn bind(config: &Config) -> Result<TcpListener, ServerError> {
    let fail = |source| ServerError::Bind { addr: config.server.addr.clone(), source };
    let addr: std::net::SocketAddr =
        config.server.addr.parse().map_err(|_| {
            fail(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not HOST:PORT with an IP address"))
        })?;
    let socket =
        if addr.is_ipv4() { tokio::net::TcpSocket::new_v4() } else { tokio::net::TcpSocket::new_v6() }.map_err(fail)?;
    socket.set_reuseaddr(true).map_err(fail)?;
    socket.bind(addr).map_err(fail)?;
    socket.listen(LISTEN_BACKLOG).map_err(fail)
}

/// Serves until `shutdown` completes; then tells live pages to reconnect, lets the requests in
/// flight finish within the grace period, and returns.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    settings: ConnectionSettings,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let app = state.app.clone();
    let db = app.db.clone();
    let janitor = tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            match cap_storage::sessions::purge_expired(&db, cap_storage::now()).await {
                Ok(n) if n > 0 => tracing::info!(sessions = n, "expired sessions purged"),
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "session purge failed"),
            }
            // Sign-in buckets older than an hour can no longer refuse anything (windows last 15
            // minutes, back-offs end sooner).
            match cap_storage::throttle::purge_stale(&db, cap_storage::now() - 3600).await {
                Ok(n) if n > 0 => tracing::info!(buckets = n, "stale sign-in throttling purged"),
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "sign-in throttling purge failed"),
            }
        }
    });
    // Freed heap memory goes back to the system (see `allocator`), off the request threads.
    let trimmer = tokio::spawn(async {
        let mut tick = tokio::time::interval(crate::allocator::TRIM_EVERY);
        loop {
            tick.tick().await;
            if tokio::task::spawn_blocking(crate::allocator::trim).await.is_err() {
                return;
            }
        }
    });
    let relay = tokio::spawn(app.clone().relay_workshop_changes());
    let reminders = tokio::spawn(cap_app::jobs::schedule_reminders(app.clone(), app.config.reminder_interval));
    let network = tokio::spawn(cap_app::jobs::schedule_network_refresh(app.clone(), app.config.reminder_interval));
    let closing = app.clone();
    let router = build_router(state);
    let shutdown = async move {
        shutdown.await;
        tracing::info!("shutting down: no new connections, live pages told to reconnect");
        closing.begin_shutdown();
    };
    let settings = settings.fitted_to(crate::connections::open_files_limit().map(|(soft, _)| soft));
    crate::connections::serve_connections(listener, router, settings, shutdown).await;
    janitor.abort();
    trimmer.abort();
    relay.abort();
    reminders.abort();
    network.abort();
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
