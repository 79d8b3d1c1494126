//! SIRET numbers (14 digits identifying an establishment), checked with the Luhn key.

use crate::ValidationError;
use serde::{Deserialize, Serialize};

/// A SIRET number whose check digit is valid. Spaces typed by users are accepted and removed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Siret(String);

/// La Poste's establishments do not follow the Luhn key: their SIRET digits sum to a multiple of 5.
const LA_POSTE_SIREN: &str = "356000000";

impl Siret {
    /// Validates a SIRET typed by a user (spaces allowed between digit groups).
    pub fn parse(input: &str) -> Result<Self, ValidationError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != 14 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(ValidationError::new("error.siret.format"));
        }
        let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
        let valid =
            if digits.starts_with(LA_POSTE_SIREN) { values.iter().sum::<u32>() % 5 == 0 } else { luhn_valid(&values) };
        if !valid {
            return Err(ValidationError::new("error.siret.checksum"));
        }
        Ok(Self(digits))
    }

    /// The 14 digits, without spaces.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The SIREN (the legal unit): the first 9 digits.
    pub fn siren(&self) -> &str {
        &self.0[..9]
    }
}

fn luhn_valid(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

impl TryFrom<String> for Siret {
    type Error = ValidationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Siret> for String {
    fn from(value: Siret) -> Self {
        value.0
    }
}

impl std::fmt::Display for Siret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_siret_with_spaces() {
        // A well-known valid SIRET (a public body's establishment).
        let siret = Siret::parse("732 829 320 00074").unwrap();
        assert_eq!(siret.as_str(), "73282932000074");
        assert_eq!(siret.siren(), "732829320");
    }

    #[test]
    fn refuses_wrong_check_digit() {
        assert_eq!(Siret::parse("73282932000075").unwrap_err().key, "error.siret.checksum");
    }

    #[test]
    fn refuses_wrong_length_or_letters() {
        for bad in ["", "1234", "7328293200007A", "732829320000744"] {
            assert_eq!(Siret::parse(bad).unwrap_err().key, "error.siret.format", "{bad}");
        }
    }

    #[test]
    fn la_poste_uses_sum_of_digits() {
        // 3+5+6+0+0+0+0+0+0+0+0+0+0+1 = 15, a multiple of 5, though not Luhn-valid.
        assert!(Siret::parse("35600000000001").is_ok());
        assert!(Siret::parse("35600000000002").is_err());
    }
}
