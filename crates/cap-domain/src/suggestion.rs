//! What the tiers suggests for a member's progress plan: a new action, an amendment of an action
//! (its deadline, the role that carries it, an offer of services or a good practice to follow),
//! or a merge of actions. The member's coordinator accepts, adapts or declines each suggestion;
//! the plan keeps where an accepted action came from.

use crate::ValidationError;
use crate::plan::{MAX_TITLE, parse_date};
use jiff::civil::Date;

/// The longest explanation of a suggestion or of a refusal, in characters.
pub const MAX_WHY: usize = 4000;
/// The longest owner role, in characters.
const MAX_ROLE: usize = 200;

/// What a suggestion is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionKind {
    /// A new action.
    Action,
    /// A change to an existing action.
    Amendment,
    /// Actions to merge into one.
    Merge,
}

impl SuggestionKind {
    /// Every kind.
    pub const ALL: [SuggestionKind; 3] = [Self::Action, Self::Amendment, Self::Merge];

    /// The code stored and sent by forms.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Action => "action",
            Self::Amendment => "amendment",
            Self::Merge => "merge",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Message key of the kind.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Action => "suggestion.kind.action",
            Self::Amendment => "suggestion.kind.amendment",
            Self::Merge => "suggestion.kind.merge",
        }
    }
}

/// Where a suggestion stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionStatus {
    /// Waiting for the coordinator.
    Pending,
    /// Taken into the plan (as suggested, or adapted).
    Accepted,
    /// Declined by the coordinator.
    Declined,
}

impl SuggestionStatus {
    /// Every status.
    pub const ALL: [SuggestionStatus; 3] = [Self::Pending, Self::Accepted, Self::Declined];

    /// The code stored.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Message key of the status.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Pending => "suggestion.status.pending",
            Self::Accepted => "suggestion.status.accepted",
            Self::Declined => "suggestion.status.declined",
        }
    }
}

/// The fields of a suggestion's form, as typed.
#[derive(Debug, Clone, Default)]
pub struct SuggestionForm<'a> {
    /// Kind code.
    pub kind: &'a str,
    /// A new action's title.
    pub title: &'a str,
    /// Why: what the tiers means by it.
    pub why: &'a str,
    /// The action amended (its id).
    pub action: &'a str,
    /// The actions to merge (their ids).
    pub merge: &'a [String],
    /// A deadline.
    pub due_on: &'a str,
    /// The role that should carry the action.
    pub owner_role: &'a str,
    /// An offer of services (code).
    pub offer: &'a str,
    /// A good practice to follow (its id).
    pub practice: &'a str,
}

/// A suggestion, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestionInput {
    /// What it is about.
    pub kind: SuggestionKind,
    /// A new action's title (empty otherwise).
    pub title: String,
    /// Why.
    pub why: String,
    /// The action amended.
    pub action: Option<i64>,
    /// The actions to merge, two or more, in the order given.
    pub merge: Vec<i64>,
    /// A deadline.
    pub due_on: Option<Date>,
    /// The role that should carry the action.
    pub owner_role: String,
    /// An offer of services (code).
    pub offer: Option<String>,
    /// A good practice to follow (its id).
    pub practice: Option<i64>,
}

fn optional_id(raw: &str) -> Result<Option<i64>, ()> {
    match raw.trim() {
        "" => Ok(None),
        id => id.parse().map(Some).map_err(|_| ()),
    }
}

impl SuggestionInput {
    /// Checks a suggestion: a new action needs a title; an amendment names its action and
    /// changes at least one thing; a merge names two actions or more. Whether the actions, the
    /// offer and the practice exist is the caller's to check against the plan.
    pub fn parse(form: &SuggestionForm<'_>) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let Some(kind) = SuggestionKind::from_code(form.kind.trim()) else {
            return Err(vec![("kind", ValidationError::new("error.suggestion.kind"))]);
        };
        let title = form.title.trim().to_owned();
        let why = form.why.trim().to_owned();
        if why.chars().count() > MAX_WHY {
            problems.push(("why", ValidationError::new("error.action.too_long")));
        }
        let due_on = match form.due_on.trim() {
            "" => None,
            raw => parse_date(raw).or_else(|| {
                problems.push(("due_on", ValidationError::new("error.action.date")));
                None
            }),
        };
        let owner_role = form.owner_role.trim().to_owned();
        if owner_role.chars().count() > MAX_ROLE {
            problems.push(("owner_role", ValidationError::new("error.action.too_long")));
        }
        let offer = Some(form.offer.trim().to_owned()).filter(|o| !o.is_empty());
        let practice = optional_id(form.practice).unwrap_or_else(|()| {
            problems.push(("practice", ValidationError::new("error.select.invalid")));
            None
        });
        let mut action = None;
        let mut merge = Vec::new();
        match kind {
            SuggestionKind::Action => {
                if title.is_empty() {
                    problems.push(("title", ValidationError::new("error.action.title_required")));
                } else if title.chars().count() > MAX_TITLE {
                    problems.push(("title", ValidationError::new("error.action.title_length")));
                }
            }
            SuggestionKind::Amendment => {
                action = optional_id(form.action).ok().flatten();
                if action.is_none() {
                    problems.push(("action", ValidationError::new("error.suggestion.action")));
                }
                if due_on.is_none() && owner_role.is_empty() && offer.is_none() && practice.is_none() {
                    problems.push(("amendment", ValidationError::new("error.suggestion.nothing_changed")));
                }
            }
            SuggestionKind::Merge => {
                for raw in form.merge {
                    match raw.trim().parse::<i64>() {
                        Ok(id) if !merge.contains(&id) => merge.push(id),
                        Ok(_) => {}
                        Err(_) => problems.push(("merge", ValidationError::new("error.select.invalid"))),
                    }
                }
                if merge.len() < 2 {
                    problems.push(("merge", ValidationError::new("error.suggestion.merge_two")));
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let title = if kind == SuggestionKind::Action { title } else { String::new() };
        Ok(Self { kind, title, why, action, merge, due_on, owner_role, offer, practice })
    }
}

/// What the coordinator does with a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Take it as suggested.
    Accept,
    /// Take it, then adapt the resulting action.
    Adapt,
    /// Decline it.
    Decline,
}

impl Decision {
    /// Parses the button's value.
    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim() {
            "accept" => Some(Self::Accept),
            "adapt" => Some(Self::Adapt),
            "decline" => Some(Self::Decline),
            _ => None,
        }
    }

    /// The status a suggestion gets.
    pub const fn status(self) -> SuggestionStatus {
        match self {
            Self::Accept | Self::Adapt => SuggestionStatus::Accepted,
            Self::Decline => SuggestionStatus::Declined,
        }
    }
}

crate::coded::deserialize_from_code!(Decision, "accept, adapt or decline");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_is_read_from_its_button_code() {
        use serde::Deserialize;
        use serde::de::IntoDeserializer;
        use serde::de::value::Error;
        let read = |code: &str| Decision::deserialize(IntoDeserializer::<Error>::into_deserializer(code));
        assert_eq!(read("adapt").ok(), Some(Decision::Adapt));
        assert_eq!(read("decline").ok(), Some(Decision::Decline));
        assert!(read("maybe").is_err());
    }

    #[test]
    fn a_new_action_needs_a_title() {
        let ok = SuggestionInput::parse(&SuggestionForm {
            kind: "action",
            title: " Former les encadrant·e·s ",
            due_on: "30/06/2027",
            offer: "F-ENCADRANT",
            ..SuggestionForm::default()
        })
        .unwrap();
        assert_eq!(
            (ok.title.as_str(), ok.due_on, ok.offer.as_deref()),
            ("Former les encadrant·e·s", Some(jiff::civil::date(2027, 6, 30)), Some("F-ENCADRANT"))
        );
        let none = SuggestionInput::parse(&SuggestionForm { kind: "action", ..SuggestionForm::default() }).unwrap_err();
        assert_eq!(none, vec![("title", ValidationError::new("error.action.title_required"))]);
        let unknown =
            SuggestionInput::parse(&SuggestionForm { kind: "vote", ..SuggestionForm::default() }).unwrap_err();
        assert_eq!(unknown[0].0, "kind");
    }

    #[test]
    fn an_amendment_names_its_action_and_changes_something() {
        let ok = SuggestionInput::parse(&SuggestionForm {
            kind: "amendment",
            action: "12",
            owner_role: "La directrice",
            title: "ignored",
            ..SuggestionForm::default()
        })
        .unwrap();
        assert_eq!((ok.action, ok.owner_role.as_str(), ok.title.as_str()), (Some(12), "La directrice", ""));
        let empty =
            SuggestionInput::parse(&SuggestionForm { kind: "amendment", action: "x", ..SuggestionForm::default() })
                .unwrap_err();
        let fields: Vec<&str> = empty.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec!["action", "amendment"]);
        let bad_date = SuggestionInput::parse(&SuggestionForm {
            kind: "amendment",
            action: "3",
            due_on: "31/02/2027",
            ..SuggestionForm::default()
        })
        .unwrap_err();
        assert_eq!(bad_date[0].0, "due_on");
    }

    #[test]
    fn a_merge_names_two_actions_or_more() {
        let ids = ["4".to_owned(), "2".to_owned(), "4".to_owned()];
        let ok = SuggestionInput::parse(&SuggestionForm { kind: "merge", merge: &ids, ..SuggestionForm::default() })
            .unwrap();
        assert_eq!(ok.merge, vec![4, 2], "in the order given, once each");
        let one = ["4".to_owned(), "4".to_owned()];
        let err = SuggestionInput::parse(&SuggestionForm { kind: "merge", merge: &one, ..SuggestionForm::default() })
            .unwrap_err();
        assert_eq!(err, vec![("merge", ValidationError::new("error.suggestion.merge_two"))]);
    }

    #[test]
    fn decisions_map_to_statuses() {
        assert_eq!(Decision::from_code("adapt").map(Decision::status), Some(SuggestionStatus::Accepted));
        assert_eq!(Decision::from_code("decline").map(Decision::status), Some(SuggestionStatus::Declined));
        assert_eq!(Decision::from_code("maybe"), None);
        for s in SuggestionStatus::ALL {
            assert_eq!(SuggestionStatus::from_code(s.code()), Some(s));
        }
        for k in SuggestionKind::ALL {
            assert_eq!(SuggestionKind::from_code(k.code()), Some(k));
        }
    }
}
