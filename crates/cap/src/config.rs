//! Configuration: defaults, then `cap.toml`, then `CAP_…` environment variables, then flags.
//! Unknown keys in the file are refused by name, and [`Config::problems`] lists every problem
//! at once.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The whole configuration.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
#[derive(Default)]
pub struct Config {
    /// Listening address and public address.
    pub server: ServerConfig,
    /// The database.
    pub database: DatabaseConfig,
    /// The federation this instance serves.
    pub federation: FederationConfig,
    /// Outgoing e-mail.
    pub mail: MailConfig,
    /// Secrets.
    pub security: SecurityConfig,
    /// Scheduled jobs.
    pub jobs: JobsConfig,
    /// Deadlines, connection caps and the bound on expensive work.
    pub limits: LimitsConfig,
}

/// `[limits]`: what slow, idle and greedy clients may hold.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    /// Seconds a connection may take to send a request's headers; also how long an idle
    /// keep-alive connection stays open waiting for the next request.
    pub header_timeout_seconds: u64,
    /// Seconds a request may take, reading its body included, before « Le serveur met trop de
    /// temps à répondre » (live streams and the sending of downloads are not counted).
    pub request_timeout_seconds: u64,
    /// Slowest upload accepted, in bytes per second: a request with a body gets
    /// `Content-Length / body_min_bytes_per_second` more seconds.
    pub body_min_bytes_per_second: u64,
    /// Seconds given to requests in flight after SIGTERM before the server exits anyway.
    pub shutdown_grace_seconds: u64,
    /// Simultaneous connections; more are closed at once.
    pub max_connections: usize,
    /// Simultaneous connections from one client address (when the address is the client's,
    /// that is without a proxy in front) or requests in flight (behind a proxy, from the address
    /// it forwards).
    pub max_connections_per_address: usize,
    /// Expensive requests (PDF, workbook and CSV downloads, imports) run at once; 0 means half the
    /// processor cores, at least one.
    pub heavy_concurrency: usize,
    /// Expensive requests that may wait for their turn; beyond, « réessayez dans un instant ».
    pub heavy_queue: usize,
    /// Expensive requests one person (or one address when signed out) may make per minute.
    pub heavy_per_person_per_minute: u32,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            header_timeout_seconds: 10,
            request_timeout_seconds: 30,
            body_min_bytes_per_second: 16 * 1024,
            shutdown_grace_seconds: 10,
            max_connections: 4096,
            max_connections_per_address: 256,
            heavy_concurrency: 0,
            heavy_queue: 4,
            heavy_per_person_per_minute: 20,
        }
    }
}

impl LimitsConfig {
    /// Expensive requests run at once: the configured number, or half the cores (at least one).
    pub fn heavy_permits(&self) -> usize {
        if self.heavy_concurrency > 0 {
            return self.heavy_concurrency;
        }
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        (cores / 2).max(1)
    }

    /// One line per setting, as `cap check` lists them.
    pub fn summary(&self) -> Vec<String> {
        vec![
            format!("limits.header_timeout_seconds = {} (headers, and idle keep-alive)", self.header_timeout_seconds),
            format!("limits.request_timeout_seconds = {}", self.request_timeout_seconds),
            format!("limits.body_min_bytes_per_second = {}", self.body_min_bytes_per_second),
            format!("limits.shutdown_grace_seconds = {}", self.shutdown_grace_seconds),
            format!("limits.max_connections = {}", self.max_connections),
            format!("limits.max_connections_per_address = {}", self.max_connections_per_address),
            format!(
                "limits.heavy_concurrency = {} ({} at once), heavy_queue = {}, heavy_per_person_per_minute = {}",
                self.heavy_concurrency,
                self.heavy_permits(),
                self.heavy_queue,
                self.heavy_per_person_per_minute
            ),
        ]
    }
}

/// `[jobs]`
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct JobsConfig {
    /// Seconds between two runs of the reminders (due dates, monthly digest).
    pub reminder_interval_seconds: u64,
}

impl Default for JobsConfig {
    fn default() -> Self {
        Self { reminder_interval_seconds: 900 }
    }
}

/// `[server]`
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    /// `HOST:PORT` to listen on.
    pub addr: String,
    /// The URL users reach the server at; defaults to `http://` + `addr`.
    pub public_url: Option<String>,
    /// Whether a reverse proxy stands in front (trust its `X-Forwarded-For`).
    pub behind_proxy: bool,
}

/// `[database]`
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `sqlite://PATH` or `postgres://…`.
    pub url: String,
}

/// `[federation]`
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct FederationConfig {
    /// Shown in every page's header and in e-mails.
    pub name: String,
}

/// `[mail]`
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MailConfig {
    /// Sender, such as `Cap <cap@exemple.fr>`.
    pub from: String,
    /// Folder where e-mails are written when no SMTP host is set (development).
    pub outbox: PathBuf,
    /// SMTP server; when set, e-mails are sent through it.
    pub smtp: Option<SmtpConfig>,
}

/// `[mail.smtp]`
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    /// Host name.
    pub host: String,
    /// Port; by default 587 for `starttls`, 465 for `tls`, 25 for `none`.
    pub port: Option<u16>,
    /// `starttls` (default), `tls`, or `none` for a relay on the same machine.
    #[serde(default = "default_smtp_security")]
    pub security: String,
    /// Login.
    pub username: Option<String>,
    /// Password.
    pub password: Option<String>,
}

/// `[security]`
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct SecurityConfig {
    /// Secret key for session and link tokens. When absent, one is generated on first start and
    /// kept in the database, so every instance shares it.
    pub session_key: Option<String>,
}

fn default_smtp_security() -> String {
    "starttls".into()
}

impl SmtpConfig {
    /// The port to use: the configured one, or the usual one for the security mode.
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(match self.security.as_str() {
            "tls" => 465,
            "none" => 25,
            _ => 587,
        })
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self { addr: "127.0.0.1:8080".into(), public_url: None, behind_proxy: false }
    }
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        Self { url: "sqlite://data/cap.db".into() }
    }
}

impl Default for FederationConfig {
    fn default() -> Self {
        Self { name: "Fédération Cap".into() }
    }
}

impl Default for MailConfig {
    fn default() -> Self {
        Self { from: "Cap <cap@localhost>".into(), outbox: PathBuf::from("data/outbox"), smtp: None }
    }
}

/// Why the configuration could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid (syntax, unknown key, wrong type).
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// The parser's message, with line and column.
        message: String,
    },
    /// An environment variable has a value that does not fit.
    #[error("{name}: {message}")]
    Env {
        /// The variable.
        name: String,
        /// Why.
        message: String,
    },
}

impl Config {
    /// Reads `path` when given (it must exist), else `./cap.toml` when present, else defaults;
    /// then applies the environment.
    pub fn load(path: Option<&Path>, env: &dyn Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let default_path = Path::new("cap.toml");
        let mut config = match path {
            Some(p) => Self::from_file(p)?,
            None if default_path.exists() => Self::from_file(default_path)?,
            None => Self::default(),
        };
        config.apply_env(env)?;
        Ok(config)
    }

    /// Parses a configuration file.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.into(), source })?;
        Self::from_toml(&text).map_err(|message| ConfigError::Parse { path: path.into(), message })
    }

    /// Parses configuration text; unknown keys are refused with their name.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string().trim_end().to_owned())
    }

    /// Applies `CAP_…` variables over the file's values.
    pub fn apply_env(&mut self, env: &dyn Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        let flag = |name: &str, value: String| match value.as_str() {
            "1" | "true" | "yes" => Ok(true),
            "0" | "false" | "no" => Ok(false),
            _ => Err(ConfigError::Env { name: name.into(), message: format!("expected true or false, got {value:?}") }),
        };
        if let Some(v) = env("CAP_ADDR") {
            self.server.addr = v;
        }
        if let Some(v) = env("CAP_PUBLIC_URL") {
            self.server.public_url = Some(v);
        }
        if let Some(v) = env("CAP_BEHIND_PROXY") {
            self.server.behind_proxy = flag("CAP_BEHIND_PROXY", v)?;
        }
        if let Some(v) = env("CAP_DATABASE_URL") {
            self.database.url = v;
        }
        if let Some(v) = env("CAP_FEDERATION_NAME") {
            self.federation.name = v;
        }
        if let Some(v) = env("CAP_MAIL_FROM") {
            self.mail.from = v;
        }
        if let Some(v) = env("CAP_MAIL_OUTBOX") {
            self.mail.outbox = v.into();
        }
        if let Some(host) = env("CAP_SMTP_HOST") {
            let smtp = self.mail.smtp.get_or_insert_with(|| SmtpConfig {
                host: String::new(),
                port: None,
                security: default_smtp_security(),
                username: None,
                password: None,
            });
            smtp.host = host;
        }
        if let Some(smtp) = self.mail.smtp.as_mut() {
            if let Some(v) = env("CAP_SMTP_PORT") {
                smtp.port = Some(v.parse().map_err(|_| ConfigError::Env {
                    name: "CAP_SMTP_PORT".into(),
                    message: format!("not a port: {v:?}"),
                })?);
            }
            if let Some(v) = env("CAP_SMTP_SECURITY") {
                smtp.security = v;
            }
            if let Some(v) = env("CAP_SMTP_USERNAME") {
                smtp.username = Some(v);
            }
            if let Some(v) = env("CAP_SMTP_PASSWORD") {
                smtp.password = Some(v);
            }
        }
        if let Some(v) = env("CAP_SESSION_KEY") {
            self.security.session_key = Some(v);
        }
        if let Some(v) = env("CAP_REMINDER_INTERVAL_SECONDS") {
            self.jobs.reminder_interval_seconds = number("CAP_REMINDER_INTERVAL_SECONDS", &v)?;
        }
        let limits = &mut self.limits;
        let numbers: [(&str, &mut u64); 4] = [
            ("CAP_HEADER_TIMEOUT_SECONDS", &mut limits.header_timeout_seconds),
            ("CAP_REQUEST_TIMEOUT_SECONDS", &mut limits.request_timeout_seconds),
            ("CAP_BODY_MIN_BYTES_PER_SECOND", &mut limits.body_min_bytes_per_second),
            ("CAP_SHUTDOWN_GRACE_SECONDS", &mut limits.shutdown_grace_seconds),
        ];
        for (name, slot) in numbers {
            if let Some(v) = env(name) {
                *slot = number(name, &v)?;
            }
        }
        let counts: [(&str, &mut usize); 4] = [
            ("CAP_MAX_CONNECTIONS", &mut limits.max_connections),
            ("CAP_MAX_CONNECTIONS_PER_ADDRESS", &mut limits.max_connections_per_address),
            ("CAP_HEAVY_CONCURRENCY", &mut limits.heavy_concurrency),
            ("CAP_HEAVY_QUEUE", &mut limits.heavy_queue),
        ];
        for (name, slot) in counts {
            if let Some(v) = env(name) {
                *slot = number(name, &v)?;
            }
        }
        if let Some(v) = env("CAP_HEAVY_PER_PERSON_PER_MINUTE") {
            limits.heavy_per_person_per_minute = number("CAP_HEAVY_PER_PERSON_PER_MINUTE", &v)?;
        }
        Ok(())
    }

    /// The public URL, defaulting to the listening address.
    pub fn public_url(&self) -> String {
        self.server.public_url.clone().unwrap_or_else(|| format!("http://{}", self.server.addr))
    }

    /// Every problem of the configuration that can be seen without the network.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let addr_ok = self.server.addr.parse::<std::net::SocketAddr>().is_ok();
        if !addr_ok {
            problems.push(format!(
                "server.addr: {:?} is not HOST:PORT with an IP address (for example 127.0.0.1:8080)",
                self.server.addr
            ));
        }
        // A public URL derived from a bad address would only repeat the address's problem.
        match url::Url::parse(&self.public_url()) {
            _ if !addr_ok && self.server.public_url.is_none() => {}
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {}
            _ => problems.push(format!("server.public_url: {:?} is not an http(s) URL", self.public_url())),
        }
        if cap_storage::db::backend_of(&self.database.url).is_err() {
            problems.push(format!("database.url: {:?} must start with sqlite:// or postgres://", self.database.url));
        }
        if self.federation.name.trim().is_empty() {
            problems.push("federation.name: must not be empty".into());
        }
        if self.mail.from.parse::<lettre_address::Mailbox>().is_err() {
            problems.push(format!("mail.from: {:?} is not an address such as Cap <cap@exemple.fr>", self.mail.from));
        }
        if let Some(smtp) = &self.mail.smtp {
            if smtp.host.trim().is_empty() {
                problems.push("mail.smtp.host: must not be empty".into());
            }
            if !matches!(smtp.security.as_str(), "starttls" | "tls" | "none") {
                problems.push(format!("mail.smtp.security: {:?} must be starttls, tls or none", smtp.security));
            }
            if smtp.username.is_some() != smtp.password.is_some() {
                problems.push("mail.smtp: username and password go together".into());
            }
        }
        if let Some(key) = &self.security.session_key
            && key.len() < 32
        {
            problems.push("security.session_key: use at least 32 characters".into());
        }
        let limits = &self.limits;
        for (name, value) in [
            ("limits.header_timeout_seconds", limits.header_timeout_seconds),
            ("limits.request_timeout_seconds", limits.request_timeout_seconds),
            ("limits.body_min_bytes_per_second", limits.body_min_bytes_per_second),
            ("limits.max_connections", limits.max_connections as u64),
            ("limits.max_connections_per_address", limits.max_connections_per_address as u64),
            ("limits.heavy_per_person_per_minute", u64::from(limits.heavy_per_person_per_minute)),
        ] {
            if value == 0 {
                problems.push(format!("{name}: must be at least 1"));
            }
        }
        problems
    }
}

/// A whole number from an environment variable, or an error naming it.
fn number<T: std::str::FromStr>(name: &str, value: &str) -> Result<T, ConfigError> {
    value
        .parse()
        .map_err(|_| ConfigError::Env { name: name.into(), message: format!("expected a whole number, got {value:?}") })
}

/// Address parsing, re-exported from the web layer's mail dependency.
mod lettre_address {
    pub use cap_app::mail::Mailbox;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn defaults_are_valid() {
        let config = Config::default();
        assert!(config.problems().is_empty(), "{:?}", config.problems());
        assert_eq!(config.public_url(), "http://127.0.0.1:8080");
    }

    #[test]
    fn unknown_keys_are_refused_by_name() {
        let err = Config::from_toml("[server]\nadress = \"0.0.0.0:80\"\n").unwrap_err();
        assert!(err.contains("adress"), "{err}");
        assert!(err.contains("line 2"), "{err}");
        let err = Config::from_toml("[serveur]\n").unwrap_err();
        assert!(err.contains("serveur"), "{err}");
    }

    #[test]
    fn file_then_environment() {
        let mut config = Config::from_toml(
            "[server]\naddr = \"0.0.0.0:9000\"\npublic_url = \"https://cap.exemple.fr\"\n[database]\nurl = \"postgres://cap@db/cap\"\n[mail.smtp]\nhost = \"smtp.exemple.fr\"\n",
        )
        .unwrap();
        assert_eq!(config.mail.smtp.as_ref().unwrap().port(), 587);
        let tls = Config::from_toml("[mail.smtp]\nhost = \"h\"\nsecurity = \"tls\"\n").unwrap();
        assert_eq!(tls.mail.smtp.unwrap().port(), 465);
        let env = |name: &str| match name {
            "CAP_DATABASE_URL" => Some("sqlite://autre.db".to_owned()),
            "CAP_SMTP_PORT" => Some("2525".to_owned()),
            "CAP_BEHIND_PROXY" => Some("true".to_owned()),
            _ => None,
        };
        config.apply_env(&env).unwrap();
        assert_eq!(config.server.addr, "0.0.0.0:9000");
        assert_eq!(config.database.url, "sqlite://autre.db");
        assert_eq!(config.mail.smtp.as_ref().unwrap().port(), 2525);
        assert!(config.server.behind_proxy);
        assert!(config.problems().is_empty(), "{:?}", config.problems());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut config = Config::default();
        config.server.addr = "localhost".into();
        config.server.public_url = Some("ftp://cap".into());
        config.database.url = "mysql://x".into();
        config.federation.name = " ".into();
        config.mail.from = "pas une adresse".into();
        config.security.session_key = Some("court".into());
        let problems = config.problems();
        assert_eq!(problems.len(), 6, "{problems:#?}");
    }

    #[test]
    fn limits_come_from_the_file_and_the_environment() {
        let mut config =
            Config::from_toml("[limits]\nheader_timeout_seconds = 5\nheavy_queue = 0\n").expect("limits section");
        assert_eq!(config.limits.header_timeout_seconds, 5);
        assert_eq!(config.limits.heavy_queue, 0);
        assert_eq!(config.limits.shutdown_grace_seconds, 10, "the rest keep their defaults");
        let env = |name: &str| match name {
            "CAP_SHUTDOWN_GRACE_SECONDS" => Some("3".to_owned()),
            "CAP_MAX_CONNECTIONS_PER_ADDRESS" => Some("0".to_owned()),
            _ => None,
        };
        config.apply_env(&env).unwrap();
        assert_eq!(config.limits.shutdown_grace_seconds, 3);
        assert_eq!(config.problems(), vec!["limits.max_connections_per_address: must be at least 1".to_owned()]);
        assert!(config.limits.heavy_permits() >= 1);
        let err = config.apply_env(&|name: &str| (name == "CAP_HEAVY_QUEUE").then(|| "beaucoup".to_owned()));
        assert!(err.unwrap_err().to_string().starts_with("CAP_HEAVY_QUEUE"));
    }

    #[test]
    fn bad_environment_values_are_named() {
        let mut config = Config::default();
        let env = |name: &str| (name == "CAP_BEHIND_PROXY").then(|| "peut-être".to_owned());
        let err = config.apply_env(&env).unwrap_err();
        assert!(err.to_string().starts_with("CAP_BEHIND_PROXY"));
        assert!(Config::load(None, &no_env).is_ok());
    }
}
