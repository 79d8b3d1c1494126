//! Forms: the extractor that reads a posted form into a typed struct ([`Form`]), the fields
//! named after a code ([`ByCode`]), and validation results: which field is wrong and why, kept
//! beside what was typed.

mod by_code;
mod extract;
pub mod upload;

pub use by_code::{ByCode, CodePrefix, LastValue};
pub use extract::Form;

use cap_domain::ValidationError;
use serde::de::{self, Deserialize, Deserializer};

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

/// Reads a yes-or-no field sent as `1` or `0` (a hidden input beside a button, a box ticked with
/// `value="1"`); anything else refuses the form. With `#[serde(default)]` an absent field is no;
/// with `#[serde(default = "forms::yes")]`, yes.
pub fn one_or_zero<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    match String::deserialize(deserializer)?.as_str() {
        "1" => Ok(true),
        "0" => Ok(false),
        other => Err(de::Error::invalid_value(de::Unexpected::Str(other), &"1 or 0")),
    }
}

/// Yes: the value of a [`one_or_zero`] field the form leaves out.
pub fn yes() -> bool {
    true
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

    #[derive(Debug, serde::Deserialize)]
    struct Sample {
        #[serde(default)]
        name: String,
        #[serde(default, rename = "tick")]
        ticks: Vec<String>,
        version: i64,
        #[serde(default, deserialize_with = "one_or_zero")]
        agreed: bool,
    }

    #[test]
    fn forms_read_repeated_fields_and_refuse_what_does_not_fit() {
        let form: Sample = extract::read(b"name=L%C3%A9a&tick=A&version=3&tick=B").unwrap();
        assert_eq!(
            (form.name.as_str(), form.ticks, form.version, form.agreed),
            ("Léa", vec!["A".into(), "B".into()], 3, false)
        );
        let form: Sample = extract::read(b"version=0&agreed=1&unknown=x").unwrap();
        assert!(form.ticks.is_empty() && form.agreed, "absent lists are empty, other fields ignored");
        for bad in [
            &b"name=a&name=b&version=1"[..],
            b"version=1&version=2",
            b"version=trois",
            b"version=",
            b"name=a",
            b"version=1&agreed=oui",
        ] {
            assert!(extract::read::<Sample>(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
    }

    struct Target;
    impl CodePrefix for Target {
        const PREFIX: &'static str = "target.";
    }
    struct Version;
    impl CodePrefix for Version {
        const PREFIX: &'static str = "ver_";
    }
    struct Value;
    impl CodePrefix for Value {
        const PREFIX: &'static str = "v_";
    }

    #[derive(serde::Deserialize)]
    struct Coded {
        #[serde(default)]
        note: String,
        #[serde(default)]
        version: i64,
        #[serde(flatten)]
        targets: ByCode<Target>,
        #[serde(flatten)]
        versions: ByCode<Version, i64>,
        #[serde(flatten)]
        values: ByCode<Value, LastValue>,
    }

    #[test]
    fn fields_named_after_a_code_are_read_by_code() {
        let form: Coded = extract::read(
            b"note=Bien&target.EI-1=3&target.EI-2=&version=4&ver_EI-1=2&v_EI-1=&v_EI-1=na&other=1&other=2",
        )
        .unwrap();
        assert_eq!((form.note.as_str(), form.version), ("Bien", 4), "the other fields keep their types");
        let targets: Vec<(&str, &str)> = form.targets.iter().map(|(c, v)| (c, v.as_str())).collect();
        assert_eq!(targets, [("EI-1", "3"), ("EI-2", "")]);
        assert_eq!(form.versions.get("EI-1"), Some(&2));
        assert_eq!(form.values.get("EI-1"), Some(&LastValue("na".into())), "the ticked button after the box");
        assert!(form.targets.get("EI-3").is_none());
        for bad in [&b"target.EI-1=3&target.EI-1=4"[..], b"ver_EI-1=deux", b"ver_EI-1=1&ver_EI-1=2"] {
            assert!(extract::read::<Coded>(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
    }
}
