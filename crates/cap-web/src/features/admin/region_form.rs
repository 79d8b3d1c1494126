//! A region's fields, as its creation and its edit check them.

use crate::forms::FormErrors;
use cap_domain::{OrganisationName, ValidationError};
use serde::Deserialize;

/// A region's fields.
#[derive(Debug, Default, Deserialize)]
pub struct RegionForm {
    #[serde(default)]
    pub(crate) code: String,
    #[serde(default)]
    pub(crate) name: String,
}

impl RegionForm {
    /// Validates the fields: a code of 2 to 10 letters or digits, and a name.
    pub(crate) fn validate(&self, errors: &mut FormErrors) -> Option<(String, String)> {
        let code = self.code.trim().to_uppercase();
        let code_ok =
            (2..=10).contains(&code.chars().count()) && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        let code =
            errors.check("code", if code_ok { Ok(code) } else { Err(ValidationError::new("error.region.code")) });
        let name = errors.check("name", OrganisationName::parse(&self.name));
        Some((code?, name?.into_inner()))
    }
}
