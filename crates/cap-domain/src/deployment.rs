//! The programme's deployment: where each member organisation stands (informed, testing, using,
//! reviewed), and the presentations of the programme a region holds.

use crate::ValidationError;
use crate::campaign::CampaignStatus;
use crate::validation::parse_date;
use jiff::civil::Date;

/// Where a member stands with the programme, from the first step to the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Nothing yet.
    NotYet,
    /// Told about the programme (a presentation, a meeting).
    Informed,
    /// Running a first campaign.
    Testing,
    /// Has been through a campaign (plan validated or later).
    Using,
    /// A campaign was reviewed by a tiers or a pair.
    Reviewed,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 5] = [Self::NotYet, Self::Informed, Self::Testing, Self::Using, Self::Reviewed];

    /// The code used in exports and links.
    pub const fn code(self) -> &'static str {
        match self {
            Self::NotYet => "not_yet",
            Self::Informed => "informed",
            Self::Testing => "testing",
            Self::Using => "using",
            Self::Reviewed => "reviewed",
        }
    }

    /// Message key of the stage.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::NotYet => "deployment.stage.not_yet",
            Self::Informed => "deployment.stage.informed",
            Self::Testing => "deployment.stage.testing",
            Self::Using => "deployment.stage.using",
            Self::Reviewed => "deployment.stage.reviewed",
        }
    }

    /// A member's stage from what Cap knows: whether it was marked informed, its campaigns'
    /// steps, and whether one of them was reviewed (an access given or an accompaniment day).
    pub fn of(informed: bool, campaigns: &[CampaignStatus], reviewed: bool) -> Self {
        let completed = campaigns
            .iter()
            .any(|s| matches!(s, CampaignStatus::PlanValidated | CampaignStatus::FollowUp | CampaignStatus::Closed));
        if reviewed {
            Self::Reviewed
        } else if completed {
            Self::Using
        } else if !campaigns.is_empty() {
            Self::Testing
        } else if informed {
            Self::Informed
        } else {
            Self::NotYet
        }
    }
}

/// A presentation of the programme as typed, checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresentationInput {
    /// When.
    pub held_on: Date,
    /// Where.
    pub place: String,
    /// How many people attended.
    pub attendees: i64,
    /// What to remember.
    pub notes: String,
}

impl PresentationInput {
    /// Checks typed values; every problem comes back with its field.
    pub fn parse(
        held_on: &str,
        place: &str,
        attendees: &str,
        notes: &str,
    ) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let held_on = parse_date(held_on);
        if held_on.is_none() {
            problems.push(("held_on", ValidationError::new("error.date.invalid")));
        }
        let place = place.trim();
        if place.is_empty() {
            problems.push(("place", ValidationError::new("error.training.place")));
        } else if place.chars().count() > 200 {
            problems.push(("place", ValidationError::new("error.action.too_long")));
        }
        let attendees = attendees.trim().parse::<i64>().ok().filter(|n| (0..=10_000).contains(n));
        if attendees.is_none() {
            problems.push(("attendees", ValidationError::new("error.deployment.attendees")));
        }
        let notes = notes.trim();
        if notes.chars().count() > 2000 {
            problems.push(("notes", ValidationError::new("error.action.too_long")));
        }
        match (held_on, attendees) {
            (Some(held_on), Some(attendees)) if problems.is_empty() => {
                Ok(Self { held_on, place: place.to_owned(), attendees, notes: notes.to_owned() })
            }
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CampaignStatus::*;

    #[test]
    fn a_member_stands_at_its_furthest_step() {
        assert_eq!(Stage::of(false, &[], false), Stage::NotYet);
        assert_eq!(Stage::of(true, &[], false), Stage::Informed);
        assert_eq!(Stage::of(false, &[SelfAssessment], false), Stage::Testing, "running one is testing");
        assert_eq!(Stage::of(true, &[Consolidation, Closed], false), Stage::Using);
        assert_eq!(Stage::of(false, &[Review], true), Stage::Reviewed);
        assert!(Stage::Informed < Stage::Testing && Stage::Using < Stage::Reviewed);
    }

    #[test]
    fn a_presentation_is_checked_whole() {
        let ok = PresentationInput::parse("2026-03-10", " Lille ", "24", "").unwrap();
        assert_eq!((ok.place.as_str(), ok.attendees), ("Lille", 24));
        let fields: Vec<_> =
            PresentationInput::parse("hier", "", "-3", "").unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec!["held_on", "place", "attendees"]);
    }
}
