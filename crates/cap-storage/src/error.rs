//! Storage errors, typed so the web layer can answer each one properly.

/// What can go wrong when reading or writing the database.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The row asked for does not exist (or is not visible to the caller).
    #[error("not found")]
    NotFound,
    /// A uniqueness rule refused the write (an e-mail or a name already taken).
    #[error("already exists")]
    Conflict,
    /// Someone else changed the row since it was read; nothing was written.
    #[error("changed by someone else")]
    Stale,
    /// The database URL is not one Cap knows.
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    /// A stored value could not be read back into a domain value.
    #[error("corrupt stored value: {0}")]
    Corrupt(String),
    /// The database refused or failed.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    /// A file operation (backup) failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl StorageError {
    /// Turns a unique-constraint violation into [`StorageError::Conflict`].
    pub(crate) fn from_write(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::Database(db) if db.is_unique_violation() => Self::Conflict,
            _ => Self::Database(err),
        }
    }
}

/// Shorthand for storage results.
pub type Result<T> = std::result::Result<T, StorageError>;
