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

/// Reads a calendar date typed as `AAAA-MM-JJ` (what date inputs send) or `JJ/MM/AAAA`.
pub fn parse_date(raw: &str) -> Option<jiff::civil::Date> {
    let raw = raw.trim();
    if let Ok(d) = raw.parse::<jiff::civil::Date>() {
        return Some(d);
    }
    let mut parts = raw.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    jiff::civil::Date::new(y.trim().parse().ok()?, m.trim().parse().ok()?, d.trim().parse().ok()?).ok()
}
