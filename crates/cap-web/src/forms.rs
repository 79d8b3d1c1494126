//! Form validation results: which field is wrong and why, kept beside what was typed.

use cap_domain::ValidationError;

/// The errors of one submitted form, in field order.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    items: Vec<(&'static str, &'static str)>,
}

impl FormErrors {
    /// No errors yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an error on `field` with a message key.
    pub fn add(&mut self, field: &'static str, key: &'static str) {
        if self.get(field).is_none() {
            self.items.push((field, key));
        }
    }

    /// Keeps the value of a validation, or records its error on `field`.
    pub fn check<T>(&mut self, field: &'static str, result: Result<T, ValidationError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(err) => {
                self.add(field, err.key);
                None
            }
        }
    }

    /// The message key of `field`'s error, if any.
    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.items.iter().find(|(f, _)| *f == field).map(|(_, k)| *k)
    }

    /// Whether the form is valid.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every error as (field, message key), for the summary at the top of the form.
    pub fn items(&self) -> &[(&'static str, &'static str)] {
        &self.items
    }
}

/// A problem found in an uploaded file: its line (or spreadsheet row) and what to do.
pub struct ProblemRow {
    /// Line, if known.
    pub line: Option<usize>,
    /// Message in the user's language.
    pub message: String,
}

/// A form that only carries the version of what the user saw (to refuse a stale change).
#[derive(Debug, serde::Deserialize)]
pub struct VersionForm {
    /// The version seen.
    #[serde(default)]
    pub version: i64,
}

/// Parses an optional numeric identifier typed in a select (empty means none).
pub fn optional_id(value: &str) -> Result<Option<i64>, ValidationError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|_| ValidationError::new("error.select.invalid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_first_error_per_field() {
        let mut errors = FormErrors::new();
        assert!(errors.is_empty());
        errors.add("email", "error.email.invalid");
        errors.add("email", "error.email.required");
        assert_eq!(errors.check::<()>("name", Err(ValidationError::new("error.name.required"))), None);
        assert_eq!(errors.check("siret", Ok(3)), Some(3));
        assert_eq!(errors.get("email"), Some("error.email.invalid"));
        assert_eq!(errors.items().len(), 2);
    }

    #[test]
    fn optional_ids() {
        assert_eq!(optional_id(" ").unwrap(), None);
        assert_eq!(optional_id("12").unwrap(), Some(12));
        assert!(optional_id("douze").is_err());
    }
}

/// The value of field `name` in a form read as pairs (empty when absent): for forms whose
/// fields repeat (ticked boxes) or vary.
pub fn field(fields: &[(String, String)], name: &str) -> String {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
}

/// One choice of a `<select>`, already translated.
#[derive(Debug, Clone)]
pub struct SelectOption {
    /// Submitted value.
    pub value: String,
    /// Shown label.
    pub label: String,
    /// Whether it is the current choice.
    pub selected: bool,
}

impl SelectOption {
    /// A choice, selected when `value` equals `current`.
    pub fn new(value: impl Into<String>, label: impl Into<String>, current: &str) -> Self {
        let value = value.into();
        let selected = value == current;
        Self { value, label: label.into(), selected }
    }
}
