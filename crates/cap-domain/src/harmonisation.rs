//! A group démarche's harmonisation plan: the actions a group agrees on to build shared
//! practices, each carried in every structure taking part by one of its people. The group's lead
//! writes the action once; each structure follows its own line (step and note), and the plan
//! reads how far the group has come across its structures.

use crate::ValidationError;
use crate::calendar::parse_date;
use crate::plan::ActionStatus;

/// The longest title.
pub const MAX_TITLE: usize = 200;
/// The longest description or note.
pub const MAX_TEXT: usize = 2000;

/// An action of the plan, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionInput {
    /// What the group will do.
    pub title: String,
    /// How, in a few words.
    pub description: String,
    /// The pillar or objective it addresses (one of the referential's), if any.
    pub node_code: Option<String>,
    /// When it should be done (YYYY-MM-DD).
    pub due_on: Option<String>,
}

impl ActionInput {
    /// Checks what was typed; `nodes` are the codes of the pillars and objectives it may address.
    /// Every problem beside its field.
    pub fn parse(
        title: &str,
        description: &str,
        node: &str,
        due_on: &str,
        nodes: &[&str],
    ) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            problems.push(("title", ValidationError::new("error.harmonisation.title")));
        }
        let description = description.trim();
        if description.chars().count() > MAX_TEXT {
            problems.push(("description", ValidationError::new("error.harmonisation.text")));
        }
        let node = node.trim();
        let node_code = if node.is_empty() {
            None
        } else if nodes.contains(&node) {
            Some(node.to_owned())
        } else {
            problems.push(("node", ValidationError::new("error.harmonisation.node")));
            None
        };
        let due_on = match due_on.trim() {
            "" => None,
            raw => match parse_date(raw) {
                Some(day) => Some(day.to_string()),
                None => {
                    problems.push(("due_on", ValidationError::new("error.harmonisation.due_on")));
                    None
                }
            },
        };
        if problems.is_empty() {
            Ok(Self { title, description: description.to_owned(), node_code, due_on })
        } else {
            Err(problems)
        }
    }
}

/// A structure's line, checked: its step and its note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineInput {
    /// Where the structure stands on the action.
    pub status: ActionStatus,
    /// What it says of it.
    pub note: String,
}

impl LineInput {
    /// Checks what was sent; every problem beside its field.
    pub fn parse(status: &str, note: &str) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let status = ActionStatus::from_code(status);
        if status.is_none() {
            problems.push(("status", ValidationError::new("error.harmonisation.status")));
        }
        let note = note.trim();
        if note.chars().count() > MAX_TEXT {
            problems.push(("note", ValidationError::new("error.harmonisation.text")));
        }
        match status {
            Some(status) if problems.is_empty() => Ok(Self { status, note: note.to_owned() }),
            _ => Err(problems),
        }
    }
}

/// How far the group has come on an action: the structures that have done it, out of those still
/// carrying it (an abandoned line counts in neither).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Lines done.
    pub done: usize,
    /// Lines not abandoned.
    pub carried: usize,
}

impl Progress {
    /// The progress of these lines' steps.
    pub fn of(steps: impl IntoIterator<Item = ActionStatus>) -> Self {
        steps.into_iter().fold(Self { done: 0, carried: 0 }, |p, s| match s {
            ActionStatus::Done => Self { done: p.done + 1, carried: p.carried + 1 },
            ActionStatus::Abandoned => p,
            _ => Self { carried: p.carried + 1, ..p },
        })
    }

    /// Whether every structure still carrying it has done it (and at least one carries it).
    pub fn complete(&self) -> bool {
        self.carried > 0 && self.done == self.carried
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NODES: &[&str] = &["P1", "P1.O1"];

    #[test]
    fn an_action_is_read_as_typed_with_its_day_in_iso_form() {
        let a = ActionInput::parse("  Un   accueil commun ", " Livret partagé ", "P1.O1", "10/03/2027", NODES);
        assert_eq!(
            a,
            Ok(ActionInput {
                title: "Un accueil commun".into(),
                description: "Livret partagé".into(),
                node_code: Some("P1.O1".into()),
                due_on: Some("2027-03-10".into()),
            })
        );
    }

    #[test]
    fn an_action_needs_only_a_title() {
        let a = ActionInput::parse("Accueil", "", "", "", NODES).map(|a| (a.node_code, a.due_on));
        assert_eq!(a, Ok((None, None)));
    }

    #[test]
    fn every_problem_of_an_action_is_said_beside_its_field() {
        let long = "x".repeat(MAX_TEXT + 1);
        let Err(problems) = ActionInput::parse(" ", &long, "P9", "31/02/2027", NODES) else {
            panic!("refused expected")
        };
        let fields: Vec<&str> = problems.iter().map(|p| p.0).collect();
        assert_eq!(fields, ["title", "description", "node", "due_on"]);
        assert!(ActionInput::parse(&"t".repeat(MAX_TITLE + 1), "", "", "", NODES).is_err());
        assert!(ActionInput::parse(&"t".repeat(MAX_TITLE), "", "", "", NODES).is_ok());
    }

    #[test]
    fn a_line_takes_a_known_step_and_a_short_note() {
        assert_eq!(
            LineInput::parse("in_progress", " Réunion prévue "),
            Ok(LineInput { status: ActionStatus::InProgress, note: "Réunion prévue".into() })
        );
        let Err(problems) = LineInput::parse("finished", &"n".repeat(MAX_TEXT + 1)) else { panic!("refused expected") };
        let fields: Vec<&str> = problems.iter().map(|p| p.0).collect();
        assert_eq!(fields, ["status", "note"]);
        assert!(LineInput::parse("done", &"n".repeat(MAX_TEXT + 1)).is_err());
    }

    #[test]
    fn progress_counts_done_lines_among_those_still_carried() {
        use ActionStatus::*;
        assert_eq!(Progress::of([Done, InProgress, Abandoned, Todo]), Progress { done: 1, carried: 3 });
        assert!(Progress::of([Done, Abandoned]).complete());
        assert!(!Progress::of([Done, Blocked]).complete());
        assert!(!Progress::of([Abandoned]).complete());
        assert!(!Progress::of([]).complete());
    }
}
