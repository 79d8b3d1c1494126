//! Member organisations: their type in the IAE sector and their validated name.

use crate::ValidationError;
use serde::{Deserialize, Serialize};

/// The kind of structure, as the sector names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrganisationType {
    /// Association intermédiaire.
    Ai,
    /// Atelier et chantier d'insertion.
    Aci,
    /// Entreprise d'insertion.
    Ei,
    /// Entreprise de travail temporaire d'insertion.
    Etti,
    /// Entreprise d'insertion par le travail indépendant.
    Eiti,
    /// Groupement d'employeurs pour l'insertion et la qualification.
    Geiq,
    /// Services à la personne.
    Sap,
    /// Any other structure.
    Other,
}

impl OrganisationType {
    /// Every type, in the order forms list them.
    pub const ALL: [OrganisationType; 8] =
        [Self::Ai, Self::Aci, Self::Ei, Self::Etti, Self::Eiti, Self::Geiq, Self::Sap, Self::Other];

    /// The stable code stored in the database and used in forms.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Ai => "AI",
            Self::Aci => "ACI",
            Self::Ei => "EI",
            Self::Etti => "ETTI",
            Self::Eiti => "EITI",
            Self::Geiq => "GEIQ",
            Self::Sap => "SAP",
            Self::Other => "OTHER",
        }
    }

    /// The message key of the type's full name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Ai => "orgtype.AI",
            Self::Aci => "orgtype.ACI",
            Self::Ei => "orgtype.EI",
            Self::Etti => "orgtype.ETTI",
            Self::Eiti => "orgtype.EITI",
            Self::Geiq => "orgtype.GEIQ",
            Self::Sap => "orgtype.SAP",
            Self::Other => "orgtype.OTHER",
        }
    }

    /// Parses a stored or submitted code.
    pub fn from_code(code: &str) -> Result<Self, ValidationError> {
        Self::ALL.into_iter().find(|t| t.code() == code).ok_or(ValidationError::new("error.orgtype.invalid"))
    }
}

/// A trimmed name of 2 to 200 characters, used for organisations, regions and groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationName(String);

impl OrganisationName {
    /// Validates a name typed by a user.
    pub fn parse(input: &str) -> Result<Self, ValidationError> {
        let value = input.split_whitespace().collect::<Vec<_>>().join(" ");
        let chars = value.chars().count();
        if chars == 0 {
            return Err(ValidationError::new("error.name.required"));
        }
        if !(2..=200).contains(&chars) {
            return Err(ValidationError::new("error.name.length"));
        }
        Ok(Self(value))
    }

    /// The normalised name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Consumes the value into its string.
    pub fn into_inner(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for t in OrganisationType::ALL {
            assert_eq!(OrganisationType::from_code(t.code()).unwrap(), t);
            assert!(t.label_key().ends_with(t.code()));
        }
        assert!(OrganisationType::from_code("ai").is_err());
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(OrganisationName::parse("  Atelier   du  Lac ").unwrap().as_str(), "Atelier du Lac");
        assert_eq!(OrganisationName::parse("  ").unwrap_err().key, "error.name.required");
        assert_eq!(OrganisationName::parse("A").unwrap_err().key, "error.name.length");
        assert!(OrganisationName::parse(&"é".repeat(200)).is_ok());
        assert!(OrganisationName::parse(&"é".repeat(201)).is_err());
    }
}
