//! The password policy for new passwords (length-based, as recommended by the CNIL and ANSSI).

use crate::ValidationError;

/// Minimum length of a password, in characters.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Maximum length accepted, which bounds hashing cost.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// A password that satisfies the policy. Its `Debug` never shows the value.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    /// Checks a new password and its confirmation.
    pub fn parse(password: &str, confirmation: &str) -> Result<Self, ValidationError> {
        let chars = password.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(ValidationError::new("error.password.too_short"));
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(ValidationError::new("error.password.too_long"));
        }
        if password.chars().all(|c| c == password.chars().next().unwrap_or(' ')) {
            return Err(ValidationError::new("error.password.too_simple"));
        }
        if password != confirmation {
            return Err(ValidationError::new("error.password.mismatch"));
        }
        Ok(Self(password.to_owned()))
    }

    /// The password, to be hashed at once.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy() {
        assert_eq!(NewPassword::parse("court", "court").unwrap_err().key, "error.password.too_short");
        assert_eq!(
            NewPassword::parse("aaaaaaaaaaaaaa", "aaaaaaaaaaaaaa").unwrap_err().key,
            "error.password.too_simple"
        );
        assert_eq!(
            NewPassword::parse("une phrase assez longue", "une phrase assez longu").unwrap_err().key,
            "error.password.mismatch"
        );
        let long = "x".repeat(64) + &"y".repeat(65);
        assert_eq!(NewPassword::parse(&long, &long).unwrap_err().key, "error.password.too_long");
        let ok = NewPassword::parse("une phrase assez longue", "une phrase assez longue").unwrap();
        assert_eq!(format!("{ok:?}"), "NewPassword(***)");
    }
}
