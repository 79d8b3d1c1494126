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
    /// Someone else changed the row since it was read; nothing was written. Every versioned
    /// write refuses this way, with both versions, so one place can answer it.
    #[error("changed by someone else: version {} was read, {} is stored", .0.read, .0.current)]
    Stale(Stale),
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

/// A versioned write refused because the row changed since it was read: the version the writer
/// had read and the one stored now. Nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stale {
    /// The version the writer had read (0 for something it believed new).
    pub read: i64,
    /// The version stored now.
    pub current: i64,
}

impl StorageError {
    /// The refusal of a versioned write that changed no row, given the version stored now:
    /// [`StorageError::Stale`] when the row exists, [`StorageError::NotFound`] when it is gone.
    pub fn refused(read: i64, current: Option<i64>) -> Self {
        match current {
            Some(current) => Self::Stale(Stale { read, current }),
            None => Self::NotFound,
        }
    }

    /// The versions of a refused stale write, if that is what this is.
    pub fn stale(&self) -> Option<Stale> {
        match self {
            Self::Stale(s) => Some(*s),
            _ => None,
        }
    }

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
