//! Evidence behind a shared answer: a document or a page that shows the practice (the minutes of
//! a board, a procedure, a training plan), kept with the indicator, listed on the readiness page
//! beside the requirements it supports, and carried into the next campaign to be confirmed
//! (« toujours valable ? ») rather than gathered again. It is either the address where the
//! member keeps the document, or the document itself, uploaded and checked like a good
//! practice's attachment.

use crate::ValidationError;
use crate::meeting::is_web_link;
use crate::practice::{Attachment, check_attachment};

/// The longest title.
pub const MAX_TITLE: usize = 200;

/// Where the evidence is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceSource {
    /// An `https://` (or `http://`) address of the member's shared drive or site.
    Link(String),
    /// A document uploaded to Cap, checked by name and content (its bytes travel beside it).
    File(Attachment),
}

/// A piece of evidence, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceInput {
    /// What it is (« Procès-verbal du conseil du 12 mars »).
    pub title: String,
    /// Where it is.
    pub source: EvidenceSource,
}

impl EvidenceInput {
    /// Checks what was typed and the file sent, if any (its name as sent and its content): an
    /// address or a file, not both; every problem beside its field.
    pub fn parse(
        title: &str,
        url: &str,
        file: Option<(&str, &[u8])>,
    ) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let title = title.trim();
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            problems.push(("title", ValidationError::new("error.evidence.title")));
        }
        let url = url.trim();
        let source = match (url.is_empty(), file) {
            (true, None) => Err(("url", ValidationError::new("error.evidence.link_or_file"))),
            (false, Some(_)) => Err(("url", ValidationError::new("error.evidence.not_both"))),
            (false, None) if is_web_link(url) => Ok(EvidenceSource::Link(url.to_owned())),
            (false, None) => Err(("url", ValidationError::new("error.evidence.url"))),
            (true, Some((name, bytes))) => {
                check_attachment(name, bytes).map(EvidenceSource::File).map_err(|e| ("file", e))
            }
        };
        match source {
            Ok(source) if problems.is_empty() => Ok(Self { title: title.to_owned(), source }),
            Ok(_) => Err(problems),
            Err(problem) => {
                problems.push(problem);
                Err(problems)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Parsed = Result<EvidenceInput, Vec<(&'static str, ValidationError)>>;

    fn problems(r: Parsed) -> Vec<(&'static str, &'static str)> {
        r.unwrap_err().into_iter().map(|(f, e)| (f, e.key)).collect()
    }

    #[test]
    fn evidence_is_a_title_and_a_web_address() {
        let e = EvidenceInput::parse("  Procès-verbal du conseil ", " https://drive.exemple.fr/pv-2026.pdf ", None)
            .unwrap();
        assert_eq!(e.title, "Procès-verbal du conseil");
        assert_eq!(e.source, EvidenceSource::Link("https://drive.exemple.fr/pv-2026.pdf".into()));
        let fields = |r: Parsed| problems(r).into_iter().map(|(f, _)| f).collect::<Vec<_>>();
        assert_eq!(fields(EvidenceInput::parse("", "javascript:alert(1)", None)), ["title", "url"]);
        assert_eq!(fields(EvidenceInput::parse(&"x".repeat(MAX_TITLE + 1), "https://a.fr", None)), ["title"]);
        assert_eq!(fields(EvidenceInput::parse("PV", "file:///etc/passwd", None)), ["url"]);
        assert_eq!(fields(EvidenceInput::parse("PV", "https://a.fr/\"><script>", None)), ["url"]);
    }

    #[test]
    fn evidence_is_a_checked_file_instead() {
        let pdf = b"%PDF-1.7 procedure";
        let e = EvidenceInput::parse("Procédure d'accueil", "", Some(("C:\\docs\\accueil.pdf", pdf))).unwrap();
        match e.source {
            EvidenceSource::File(a) => {
                assert_eq!((a.name.as_str(), a.file_type.media_type()), ("accueil.pdf", "application/pdf"))
            }
            other => panic!("a file, not {other:?}"),
        }
        assert_eq!(
            problems(EvidenceInput::parse("PV", "", Some(("pv.pdf", b"MZ not a pdf")))),
            [("file", "error.practice.file_content")]
        );
        assert_eq!(
            problems(EvidenceInput::parse("PV", "", Some(("pv.exe", b"MZ")))),
            [("file", "error.practice.file_type")]
        );
        assert_eq!(
            problems(EvidenceInput::parse("", "https://a.fr/pv", Some(("pv.pdf", pdf)))),
            [("title", "error.evidence.title"), ("url", "error.evidence.not_both")]
        );
        assert_eq!(problems(EvidenceInput::parse("PV", "  ", None)), [("url", "error.evidence.link_or_file")]);
    }
}
