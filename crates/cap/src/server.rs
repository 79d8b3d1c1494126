//! Start-up wiring: database, secrets, mail, first-start link, demo data, and the HTTP server
//! with graceful shutdown.

use crate::config::Config;
use cap_app::{App, Mailer, MailerConfig, Settings};
use cap_storage::{Db, StorageError, settings};
use cap_web::{AppState, build_router};
use std::future::Future;
use std::net::SocketAddr;
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
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: String,
        /// Why.
        source: std::io::Error,
    },
    /// The server stopped with an error.
    #[error("server: {0}")]
    Serve(std::io::Error),
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
    };
    Ok(App::new(db, settings, mailer, &key))
}

/// Binds the configured address.
pub async fn bind(config: &Config) -> Result<TcpListener, ServerError> {
    TcpListener::bind(&config.server.addr)
        .await
        .map_err(|source| ServerError::Bind { addr: config.server.addr.clone(), source })
}

/// Serves until `shutdown` completes, then finishes the requests in flight.
pub async fn serve(
    listener: TcpListener,
    app: App,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
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
        }
    });
    let relay = tokio::spawn(app.clone().relay_workshop_changes());
    let reminders = tokio::spawn(cap_app::jobs::schedule_reminders(app.clone(), app.config.reminder_interval));
    let network = tokio::spawn(cap_app::jobs::schedule_network_refresh(app.clone(), app.config.reminder_interval));
    let closing = app.clone();
    let service = build_router(AppState::new(app)).into_make_service_with_connect_info::<SocketAddr>();
    let shutdown = async move {
        shutdown.await;
        closing.begin_shutdown();
    };
    let outcome = axum::serve(listener, service).with_graceful_shutdown(shutdown).await.map_err(ServerError::Serve);
    janitor.abort();
    relay.abort();
    reminders.abort();
    network.abort();
    outcome
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
