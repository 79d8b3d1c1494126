//! Evidence behind a shared answer: a document or a page that shows the practice (the minutes of
//! a board, a procedure, a training plan), kept with the indicator, listed on the readiness page
//! beside the requirements it supports, and carried into the next campaign to be confirmed
//! (« toujours valable ? ») rather than gathered again.

use crate::ValidationError;
use crate::meeting::is_web_link;

/// The longest title.
pub const MAX_TITLE: usize = 200;

/// A piece of evidence, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceInput {
    /// What it is (« Procès-verbal du conseil du 12 mars »).
    pub title: String,
    /// Where it is: an `https://` (or `http://`) address of the member's shared drive or site.
    pub url: String,
}

impl EvidenceInput {
    /// Checks what was typed; every problem beside its field.
    pub fn parse(title: &str, url: &str) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let title = title.trim();
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            problems.push(("title", ValidationError::new("error.evidence.title")));
        }
        let url = url.trim();
        if !is_web_link(url) {
            problems.push(("url", ValidationError::new("error.evidence.url")));
        }
        if problems.is_empty() { Ok(Self { title: title.to_owned(), url: url.to_owned() }) } else { Err(problems) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_a_title_and_a_web_address() {
        let e = EvidenceInput::parse("  Procès-verbal du conseil ", " https://drive.exemple.fr/pv-2026.pdf ").unwrap();
        assert_eq!(
            (e.title.as_str(), e.url.as_str()),
            ("Procès-verbal du conseil", "https://drive.exemple.fr/pv-2026.pdf")
        );
        let fields = |r: Result<EvidenceInput, Vec<(&'static str, ValidationError)>>| {
            r.unwrap_err().into_iter().map(|(f, _)| f).collect::<Vec<_>>()
        };
        assert_eq!(fields(EvidenceInput::parse("", "javascript:alert(1)")), ["title", "url"]);
        assert_eq!(fields(EvidenceInput::parse(&"x".repeat(MAX_TITLE + 1), "https://a.fr")), ["title"]);
        assert_eq!(fields(EvidenceInput::parse("PV", "file:///etc/passwd")), ["url"]);
        assert_eq!(fields(EvidenceInput::parse("PV", "https://a.fr/\"><script>")), ["url"]);
    }
}
