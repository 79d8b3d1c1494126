//! The connection pool, chosen by URL scheme, with each backend's safety settings.

use crate::error::{Result, StorageError};
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};
use std::path::Path;
use std::time::Duration;

/// Which database engine is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// How long a PostgreSQL connection may sit idle before it is checked on its way out of the pool.
const QUIET_BEFORE_PING: Duration = Duration::from_secs(30);

/// A handle on the database, cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    url: String,
}

impl Db {
    /// Connects to `url` (`sqlite://PATH` or `postgres://…`), creating the SQLite file and its
    /// folder when missing, and applies pending migrations.
    pub async fn connect(url: &str) -> Result<Self> {
        let db = Self::connect_without_migrating(url).await?;
        db.migrate().await?;
        Ok(db)
    }

    /// Connects without touching the schema (used by `cap check`).
    pub async fn connect_without_migrating(url: &str) -> Result<Self> {
        install_default_drivers();
        let backend = backend_of(url)?;
        // sqlx pings every idle connection it hands out: one more round trip per statement (to
        // SQLite's connection thread, or to the PostgreSQL server), which doubled the hand-offs
        // of every page (`docs/PERFORMANCE.md`, « The pool's ping »). A SQLite file does not hang
        // up; a PostgreSQL connection is pinged only after a quiet spell, when it may have gone.
        let options = AnyPoolOptions::new()
            .acquire_timeout(Duration::from_secs(10))
            .test_before_acquire(false)
            .before_acquire(move |conn, meta| {
                Box::pin(async move {
                    if backend == Backend::Postgres && meta.idle_for > QUIET_BEFORE_PING {
                        sqlx::Connection::ping(conn).await?;
                    }
                    Ok(true)
                })
            });
        let pool = match backend {
            Backend::Sqlite => {
                let path = sqlite_path(url);
                if let Some(parent) = Path::new(&path).parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent)?;
                }
                let url = if url.contains('?') { url.to_owned() } else { format!("{url}?mode=rwc") };
                options
                    .max_connections(8)
                    .after_connect(|conn, _meta| {
                        Box::pin(async move {
                            // WAL lets readers run beside the writer; FULL sync means an
                            // acknowledged write survives a power cut, not only a crash.
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                                 PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect(&url)
                    .await?
            }
            Backend::Postgres => options.max_connections(16).connect(url).await?,
        };
        Ok(Self { pool, backend, url: url.to_owned() })
    }

    /// The URL this handle connected to (PostgreSQL listeners open their own connection).
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// The engine behind this handle.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The underlying pool, for the storage modules.
    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so a read-then-write never fails with "busy" half-way.
    pub(crate) async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// This handle for one audited write: `entry` is appended to the audit log inside the write's
    /// own transaction, so the write and its entry stand or fall together.
    pub fn audited(&self, entry: crate::audit::Pending) -> Writer<'_> {
        Writer { db: self, entry: Some(entry) }
    }

    /// Applies pending migrations of this backend.
    pub async fn migrate(&self) -> Result<()> {
        crate::migrate::run(self).await
    }

    /// A description of the schema, one sorted line per table, column, index and constraint
    /// (with types, nullability and defaults), to check that a step left the schema as it was.
    pub async fn schema(&self) -> Result<Vec<String>> {
        let sql = match self.backend {
            Backend::Sqlite => "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master",
            Backend::Postgres => {
                "SELECT 'column ' || table_name::text || '.' || column_name::text || ' ' || data_type::text \
                 || ' ' || is_nullable::text || ' ' || COALESCE(column_default::text, '') \
                 FROM information_schema.columns WHERE table_schema = current_schema() \
                 UNION ALL SELECT 'index ' || indexdef::text FROM pg_indexes WHERE schemaname = current_schema() \
                 UNION ALL SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname::text || ' ' \
                 || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace"
            }
        };
        let mut lines: Vec<String> = sqlx::query_scalar(sql).fetch_all(&self.pool).await?;
        lines.sort();
        Ok(lines)
    }

    /// Answers when the database answers (for `/healthz` and `cap check`).
    pub async fn ping(&self) -> Result<()> {
        let one: i64 = sqlx::query_scalar("SELECT 1").fetch_one(&self.pool).await?;
        if one == 1 { Ok(()) } else { Err(StorageError::Corrupt("SELECT 1".into())) }
    }

    /// Writes a consistent copy of a SQLite database to `target` while the server runs.
    /// Returns `Ok(false)` on PostgreSQL, whose backups are made with `pg_dump`.
    pub async fn backup_sqlite(&self, target: &Path) -> Result<bool> {
        if self.backend != Backend::Sqlite {
            return Ok(false);
        }
        if target.exists() {
            return Err(StorageError::Io(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("{} already exists", target.display()),
            )));
        }
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        sqlx::query("VACUUM INTO $1").bind(target.to_string_lossy().into_owned()).execute(&self.pool).await?;
        Ok(true)
    }

    /// Closes every connection (tests drop their databases afterwards).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Tells the backend from a database URL.
pub fn backend_of(url: &str) -> Result<Backend> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Backend::Postgres)
    } else {
        Err(StorageError::UnsupportedUrl(url.to_owned()))
    }
}

/// The file path inside a `sqlite://PATH` URL.
pub fn sqlite_path(url: &str) -> String {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    rest.split('?').next().unwrap_or_default().to_owned()
}

/// Why a versioned write to the row of `table` whose `key` column is `id` changed no row:
/// [`StorageError::Stale`] with the version stored now, or [`StorageError::NotFound`] when the row
/// is gone. `table` and `key` are the storage's own names, never input.
pub(crate) async fn refused<'e, E>(
    ex: E,
    table: &'static str,
    key: &'static str,
    id: i64,
    read: i64,
) -> Result<StorageError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let current: Option<i64> =
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT version FROM {table} WHERE {key} = $1")))
            .bind(id)
            .fetch_optional(ex)
            .await?;
    Ok(StorageError::refused(read, current))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_backends() {
        assert_eq!(backend_of("sqlite://data/cap.db").unwrap(), Backend::Sqlite);
        assert_eq!(backend_of("postgres://u@h/db").unwrap(), Backend::Postgres);
        assert_eq!(backend_of("postgresql://u@h/db").unwrap(), Backend::Postgres);
        assert!(backend_of("mysql://x").is_err());
    }

    #[test]
    fn extracts_sqlite_paths() {
        assert_eq!(sqlite_path("sqlite://data/cap.db"), "data/cap.db");
        assert_eq!(sqlite_path("sqlite:///var/lib/cap.db?mode=rwc"), "/var/lib/cap.db");
        assert_eq!(sqlite_path("sqlite:cap.db"), "cap.db");
    }
}

/// What a write function receives: the database, and the audit entry that goes with the write
/// when there is one (`Db::audited`). A plain `&Db` converts into a writer without an entry, for
/// the seed, the CLI and tests.
#[derive(Debug)]
pub struct Writer<'a> {
    db: &'a Db,
    entry: Option<crate::audit::Pending>,
}

impl<'a> From<&'a Db> for Writer<'a> {
    fn from(db: &'a Db) -> Self {
        Writer { db, entry: None }
    }
}

impl<'a> Writer<'a> {
    /// The database, for the reads around the write.
    pub(crate) fn db(&self) -> &'a Db {
        self.db
    }

    /// Starts the write's transaction (see `Db::begin_write`).
    pub(crate) async fn begin(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        self.db.begin_write().await
    }

    /// Appends the entry, if any, and commits: the write and its entry are kept together or not
    /// at all.
    pub(crate) async fn commit(self, mut tx: sqlx::Transaction<'static, sqlx::Any>) -> Result<()> {
        if let Some(pending) = &self.entry {
            crate::audit::append_with(&mut *tx, &pending.entry(None)).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Like `commit`, for a write that created a row: its new identifier fills an entry that left
    /// `entity_id` empty.
    pub(crate) async fn commit_created(self, mut tx: sqlx::Transaction<'static, sqlx::Any>, id: i64) -> Result<()> {
        if let Some(pending) = &self.entry {
            let created = id.to_string();
            crate::audit::append_with(&mut *tx, &pending.entry(Some(&created))).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
