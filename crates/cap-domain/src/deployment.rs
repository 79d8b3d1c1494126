//! The programme's deployment: where each member organisation stands (informed, volunteer to
//! test, will test, testing, using, reviewed), and the presentations of the programme a region
//! holds.

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
    /// Volunteered to test the programme, no date set yet.
    Volunteer,
    /// Will test it: a volunteer with the day its first campaign should start.
    WillTest,
    /// Running a first campaign.
    Testing,
    /// Has been through a campaign (plan validated or later).
    Using,
    /// A campaign was reviewed by a tiers or a pair.
    Reviewed,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 7] =
        [Self::NotYet, Self::Informed, Self::Volunteer, Self::WillTest, Self::Testing, Self::Using, Self::Reviewed];

    /// The code used in exports and links.
    pub const fn code(self) -> &'static str {
        match self {
            Self::NotYet => "not_yet",
            Self::Informed => "informed",
            Self::Volunteer => "volunteer",
            Self::WillTest => "will_test",
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
            Self::Volunteer => "deployment.stage.volunteer",
            Self::WillTest => "deployment.stage.will_test",
            Self::Testing => "deployment.stage.testing",
            Self::Using => "deployment.stage.using",
            Self::Reviewed => "deployment.stage.reviewed",
        }
    }

    /// A member's stage from what Cap knows: whether it was marked informed, whether it
    /// volunteered to test, its campaigns' steps, and whether one of them was reviewed (an access
    /// given or an accompaniment day). Campaigns outrank what was said: a member with one is
    /// testing, whatever it volunteered for.
    pub fn of(informed: bool, volunteer: Volunteering, campaigns: &[CampaignStatus], reviewed: bool) -> Self {
        let completed = campaigns.iter().any(|s| Self::COMPLETED.contains(s));
        Self::from_facts(informed, volunteer, !campaigns.is_empty(), completed, reviewed)
    }

    /// The steps after which a campaign counts as gone through: its plan validated, followed up,
    /// or closed.
    pub const COMPLETED: [CampaignStatus; 3] =
        [CampaignStatus::PlanValidated, CampaignStatus::FollowUp, CampaignStatus::Closed];

    /// A member's stage from the facts counted where they are stored: whether it ran a campaign,
    /// whether one of them is [`Stage::COMPLETED`], whether one was reviewed (as [`Stage::of`]).
    pub fn from_facts(informed: bool, volunteer: Volunteering, ran: bool, completed: bool, reviewed: bool) -> Self {
        if reviewed {
            Self::Reviewed
        } else if completed {
            Self::Using
        } else if ran {
            Self::Testing
        } else if volunteer == Volunteering::Planned {
            Self::WillTest
        } else if volunteer == Volunteering::Volunteered {
            Self::Volunteer
        } else if informed {
            Self::Informed
        } else {
            Self::NotYet
        }
    }
}

/// Whether a member volunteered to test the programme, and whether the day it starts is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Volunteering {
    /// It did not.
    #[default]
    No,
    /// It did, no day set yet.
    Volunteered,
    /// It did, and its first campaign should start on a set day.
    Planned,
}

impl Volunteering {
    /// From the stored facts: the day it volunteered (if it did) and the day planned (if set).
    pub fn of(volunteered_on: Option<&str>, planned_from: Option<&str>) -> Self {
        match (volunteered_on, planned_from) {
            (None, _) => Self::No,
            (Some(_), None) => Self::Volunteered,
            (Some(_), Some(_)) => Self::Planned,
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
    /// Whom it addressed (« directions de SIAE », « conseils d'administration »…); may be empty.
    pub audience: String,
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
        audience: &str,
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
        let audience = audience.trim();
        if audience.chars().count() > 200 {
            problems.push(("audience", ValidationError::new("error.action.too_long")));
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
            (Some(held_on), Some(attendees)) if problems.is_empty() => Ok(Self {
                held_on,
                place: place.to_owned(),
                audience: audience.to_owned(),
                attendees,
                notes: notes.to_owned(),
            }),
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
        use Volunteering::{No, Planned, Volunteered};
        assert_eq!(Stage::of(false, No, &[], false), Stage::NotYet);
        assert_eq!(Stage::of(true, No, &[], false), Stage::Informed);
        assert_eq!(Stage::of(true, Volunteered, &[], false), Stage::Volunteer);
        assert_eq!(Stage::of(false, Volunteered, &[], false), Stage::Volunteer, "volunteering tells it was informed");
        assert_eq!(Stage::of(true, Planned, &[], false), Stage::WillTest);
        assert_eq!(Stage::of(false, No, &[SelfAssessment], false), Stage::Testing, "running one is testing");
        assert_eq!(Stage::of(false, Planned, &[SelfAssessment], false), Stage::Testing, "facts outrank intentions");
        assert_eq!(Stage::of(true, No, &[Consolidation, Closed], false), Stage::Using);
        assert_eq!(Stage::of(false, No, &[Review], true), Stage::Reviewed);
        assert!(Stage::ALL.windows(2).all(|w| w[0] < w[1]), "in order");
        let codes: std::collections::HashSet<_> = Stage::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(codes.len(), Stage::ALL.len());
    }

    #[test]
    fn volunteering_is_read_from_its_days() {
        assert_eq!(Volunteering::of(None, None), Volunteering::No);
        assert_eq!(Volunteering::of(None, Some("2027-01-10")), Volunteering::No, "a day without volunteering");
        assert_eq!(Volunteering::of(Some("2026-11-02"), None), Volunteering::Volunteered);
        assert_eq!(Volunteering::of(Some("2026-11-02"), Some("2027-01-10")), Volunteering::Planned);
    }

    #[test]
    fn a_presentation_is_checked_whole() {
        let ok = PresentationInput::parse("2026-03-10", " Lille ", " Directions de SIAE ", "24", "").unwrap();
        assert_eq!((ok.place.as_str(), ok.audience.as_str(), ok.attendees), ("Lille", "Directions de SIAE", 24));
        let fields: Vec<_> = PresentationInput::parse("hier", "", &"x".repeat(201), "-3", "")
            .unwrap_err()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(fields, vec!["held_on", "place", "audience", "attendees"]);
    }
}
