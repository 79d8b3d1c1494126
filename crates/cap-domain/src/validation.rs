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

/// The name of an uploaded file, kept as sent when it is a plain name: at most 255 characters,
/// without control characters (a NUL byte, a line break). Browsers send the name alone; a path
/// sent by an older one is cut to its last segment.
pub fn upload_file_name(raw: &str) -> Result<String, ValidationError> {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    if last.chars().any(char::is_control) || last.chars().count() > 255 {
        return Err(ValidationError::new("error.upload.file_name"));
    }
    Ok(last.trim().to_owned())
}

pub use crate::calendar::parse_date;

#[cfg(test)]
mod tests {
    use super::upload_file_name;

    #[test]
    fn file_names_without_control_characters() {
        assert_eq!(upload_file_name("plan 2027.xlsx"), Ok("plan 2027.xlsx".into()));
        assert_eq!(upload_file_name("C:\\Users\\a\\Plan.xlsx"), Ok("Plan.xlsx".into()));
        assert_eq!(upload_file_name(""), Ok(String::new()));
        for bad in ["plan\0.xlsx", "plan\n.xlsx", "a\u{7f}b", &"x".repeat(256)] {
            assert_eq!(upload_file_name(bad).unwrap_err().key, "error.upload.file_name", "{bad:?}");
        }
    }
}
