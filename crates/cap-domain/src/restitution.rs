//! The restitution: the photographie shown to the team and the board one finding per screen, and
//! what participants say once they have seen it — what surprised them, what they want to work on
//! — which the coordinator reads while building the plan.

use crate::ValidationError;

/// The longest answer to either question.
pub const MAX_VOICE: usize = 2000;

/// The screens of a restitution, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The campaign, who took part, the overall score.
    Opening,
    /// Scores by pillar, as a radar.
    Pillars,
    /// Scores by general objective, as bars.
    Objectives,
    /// What the organisation does well.
    Strengths,
    /// Where it is furthest from its targets.
    Weaknesses,
    /// The answers people disagreed on.
    Divergent,
    /// What changed since the previous campaign.
    Changes,
    /// The invitation to say what surprised people and what they want to work on.
    Voices,
}

impl Screen {
    /// Every screen, in order; screens with nothing to show are left out by the caller.
    pub const ALL: [Screen; 8] = [
        Self::Opening,
        Self::Pillars,
        Self::Objectives,
        Self::Strengths,
        Self::Weaknesses,
        Self::Divergent,
        Self::Changes,
        Self::Voices,
    ];

    /// Message key of the screen's title.
    pub const fn title_key(self) -> &'static str {
        match self {
            Self::Opening => "restitution.opening",
            Self::Pillars => "results.by_pillar",
            Self::Objectives => "results.by_objective",
            Self::Strengths => "results.strengths",
            Self::Weaknesses => "results.weaknesses",
            Self::Divergent => "restitution.divergent",
            Self::Changes => "restitution.changes",
            Self::Voices => "restitution.voices",
        }
    }
}

/// The screen shown for a requested position (1-based) among `count` screens: the first for
/// anything below, the last for anything above.
pub fn clamp_position(requested: Option<usize>, count: usize) -> usize {
    requested.unwrap_or(1).clamp(1, count.max(1))
}

/// What a participant says after the restitution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    /// What surprised them.
    pub surprised: String,
    /// What they want to work on.
    pub work_on: String,
}

impl Voice {
    /// Checks what was typed: at least one answer, neither too long.
    pub fn parse(surprised: &str, work_on: &str) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let (surprised, work_on) = (surprised.trim(), work_on.trim());
        let mut problems = Vec::new();
        for (field, text) in [("surprised", surprised), ("work_on", work_on)] {
            if text.chars().count() > MAX_VOICE {
                problems.push((field, ValidationError::new("error.action.too_long")));
            }
        }
        if surprised.is_empty() && work_on.is_empty() {
            problems.push(("surprised", ValidationError::new("error.restitution.empty")));
        }
        if problems.is_empty() {
            Ok(Self { surprised: surprised.to_owned(), work_on: work_on.to_owned() })
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_voice_needs_one_answer_and_no_essay() {
        let v = Voice::parse("  Nos écarts sur l'accueil ", "").unwrap();
        assert_eq!((v.surprised.as_str(), v.work_on.as_str()), ("Nos écarts sur l'accueil", ""));
        assert!(Voice::parse("", "Le suivi des sorties").is_ok());
        let empty = Voice::parse(" ", "\n").unwrap_err();
        assert_eq!(empty[0].1.key, "error.restitution.empty");
        let long = "x".repeat(MAX_VOICE + 1);
        let fields: Vec<&str> = Voice::parse(&long, &long).unwrap_err().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["surprised", "work_on"]);
    }

    #[test]
    fn positions_stay_within_the_screens() {
        assert_eq!(clamp_position(None, 6), 1);
        assert_eq!(clamp_position(Some(0), 6), 1);
        assert_eq!(clamp_position(Some(4), 6), 4);
        assert_eq!(clamp_position(Some(99), 6), 6);
        assert_eq!(clamp_position(Some(3), 0), 1);
    }

    #[test]
    fn every_screen_has_a_title_and_the_voices_come_last() {
        assert_eq!(Screen::ALL.first(), Some(&Screen::Opening));
        assert_eq!(Screen::ALL.last(), Some(&Screen::Voices));
        assert!(Screen::ALL.iter().all(|s| !s.title_key().is_empty()));
    }
}
