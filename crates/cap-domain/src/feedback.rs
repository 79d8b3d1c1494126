//! Feedback on the referential: from any indicator, a user says what is unclear or missing;
//! federation administrators triage it and mark what a next version takes in.

use crate::ValidationError;
use crate::coded::coded;

/// The longest feedback, in characters.
pub const MAX_FEEDBACK: usize = 2000;

/// What the feedback is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedbackKind {
    /// Something is unclear.
    Unclear,
    /// Something is missing.
    Missing,
    /// Anything else.
    Other,
}

/// Where a feedback stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedbackStatus {
    /// Not read yet.
    New,
    /// Accepted for a next version.
    Planned,
    /// Taken into a published version.
    Taken,
    /// Not kept.
    Declined,
}

coded!(FeedbackKind, "feedback.kind.", Unclear => "unclear", Missing => "missing", Other => "other");
coded!(FeedbackStatus, "feedback.status.", New => "new", Planned => "planned", Taken => "taken", Declined => "declined");

/// Checks a feedback as typed: a known kind and a text of 1 to [`MAX_FEEDBACK`] characters.
pub fn parse(kind: &str, body: &str) -> Result<(FeedbackKind, String), Vec<(&'static str, ValidationError)>> {
    let mut problems = Vec::new();
    let kind = FeedbackKind::from_code(kind);
    if kind.is_none() {
        problems.push(("kind", ValidationError::new("error.select.invalid")));
    }
    let body = body.trim();
    if body.is_empty() {
        problems.push(("body", ValidationError::new("error.feedback.empty")));
    } else if body.chars().count() > MAX_FEEDBACK {
        problems.push(("body", ValidationError::new("error.feedback.too_long")));
    }
    match kind {
        Some(kind) if problems.is_empty() => Ok((kind, body.to_owned())),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in FeedbackKind::ALL {
            assert_eq!(FeedbackKind::from_code(k.code()), Some(*k));
        }
        for s in FeedbackStatus::ALL {
            assert_eq!(FeedbackStatus::from_code(s.code()), Some(*s));
        }
        assert_eq!(FeedbackStatus::Taken.label_key(), "feedback.status.taken");
        assert_eq!(FeedbackKind::from_code("bug"), None);
    }

    #[test]
    fn feedback_is_checked_whole() {
        assert_eq!(
            parse("unclear", "  Le niveau 3 est ambigu. ").unwrap(),
            (FeedbackKind::Unclear, "Le niveau 3 est ambigu.".into())
        );
        let fields: Vec<_> = parse("bug", " ").unwrap_err().into_iter().map(|(f, e)| (f, e.key)).collect();
        assert_eq!(fields, vec![("kind", "error.select.invalid"), ("body", "error.feedback.empty")]);
        assert_eq!(parse("other", &"x".repeat(MAX_FEEDBACK + 1)).unwrap_err()[0].1.key, "error.feedback.too_long");
    }
}
