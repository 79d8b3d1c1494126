//! The application layer's failures. The web maps them to responses in one place
//! (`cap_web::error`); the command line prints them.

use cap_storage::StorageError;

/// Why a use case could not complete.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Nothing here, or nothing the viewer may know exists (a resource of another organisation
    /// is answered as absent, so its existence leaks nothing).
    #[error("not found")]
    NotFound,
    /// The viewer's roles do not allow this.
    #[error("forbidden")]
    Forbidden,
    /// The storage failed, or what was asked for does not exist.
    #[error("storage: {0}")]
    Storage(#[from] StorageError),
    /// An e-mail could not be sent.
    #[error("mail: {0}")]
    Mail(#[from] crate::mail::MailError),
    /// Anything else that is our fault.
    #[error("internal: {0}")]
    Internal(String),
}

impl Error {
    /// The versions of a write refused because someone saved first, if that is what this is.
    pub fn stale(&self) -> Option<cap_storage::Stale> {
        match self {
            Self::Storage(e) => e.stale(),
            _ => None,
        }
    }
}

/// Shorthand for use-case results.
pub type Result<T, E = Error> = std::result::Result<T, E>;
