//! E-mail addresses, normalised so that one person has one account.

use crate::ValidationError;
use serde::{Deserialize, Serialize};

/// A syntactically plausible e-mail address, trimmed and lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// Validates and normalises an address typed by a user.
    pub fn parse(input: &str) -> Result<Self, ValidationError> {
        let value = input.trim().to_lowercase();
        if value.is_empty() {
            return Err(ValidationError::new("error.email.required"));
        }
        let invalid = ValidationError::new("error.email.invalid");
        if value.len() > 254 || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(invalid);
        }
        let (local, domain) = value.rsplit_once('@').ok_or(invalid.clone())?;
        if local.is_empty() || local.len() > 64 || local.contains('@') {
            return Err(invalid);
        }
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() < 2
            || labels.iter().any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-') || l.len() > 63)
            || labels.iter().any(|l| !l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        {
            return Err(invalid);
        }
        Ok(Self(value))
    }

    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = ValidationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_spaces() {
        let email = Email::parse("  Claire.Dupont@Exemple.FR ").unwrap();
        assert_eq!(email.as_str(), "claire.dupont@exemple.fr");
    }

    #[test]
    fn accepts_accented_domains_and_plus() {
        assert!(Email::parse("marie+cap@association-été.fr").is_ok());
    }

    #[test]
    fn refuses_malformed_addresses() {
        for bad in ["", "   ", "sans-arobase", "@exemple.fr", "a@b", "a@.fr", "a b@c.fr", "a@b..fr", "a@-b.fr"] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn empty_is_a_distinct_message() {
        assert_eq!(Email::parse(" ").unwrap_err().key, "error.email.required");
        assert_eq!(Email::parse("x").unwrap_err().key, "error.email.invalid");
    }
}
