//! The error every validated value returns: a message key the web layer translates.

/// A value typed by a user was refused. `key` names a message in the locale files
/// (for example `error.email.invalid`), so each layer can show it in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key}")]
pub struct ValidationError {
    /// Message key in the locale catalogues.
    pub key: &'static str,
}

impl ValidationError {
    /// A validation error carrying the given message key.
    pub const fn new(key: &'static str) -> Self {
        Self { key }
    }
}
