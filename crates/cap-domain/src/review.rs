//! The review of a campaign by a tiers (an employee of the regional delegation) or a pair (a
//! volunteer from another member organisation that has been through a campaign itself): who may
//! be invited, for how long, the conflicts of interest to flag, and the comment threads.

use crate::authz::OrganisationRef;
use crate::campaign::CampaignStatus;
use crate::validation::parse_date;
use crate::{GroupId, OrganisationId, ValidationError};
use jiff::civil::Date;

/// The longest a reviewer's access may last, in days.
pub const MAX_ACCESS_DAYS: i32 = 92;
/// The access offered by default, in days.
pub const DEFAULT_ACCESS_DAYS: i32 = 30;
/// The longest comment, in characters.
pub const MAX_COMMENT: usize = 4000;

/// Who reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewerKind {
    /// An employee of the regional delegation.
    Tiers,
    /// A volunteer from another member organisation.
    Pair,
    /// An officer of the State's services preparing the « dialogue de gestion »: reads the
    /// results, the plan and the activity figures for a few days, never comments nor suggests.
    State,
}

impl ReviewerKind {
    /// Every kind.
    pub const ALL: [ReviewerKind; 3] = [Self::Tiers, Self::Pair, Self::State];

    /// The code stored and sent by forms.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Tiers => "tiers",
            Self::Pair => "pair",
            Self::State => "state",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Message key of the kind.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Tiers => "review.kind.tiers",
            Self::Pair => "review.kind.pair",
            Self::State => "review.kind.state",
        }
    }

    /// Whether this reviewer takes part in the review's threads (a State officer only reads).
    pub const fn comments(self) -> bool {
        matches!(self, Self::Tiers | Self::Pair)
    }
}

/// A reason a reviewer may not be impartial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Conflict {
    /// The reviewer belongs to the reviewed organisation: never allowed.
    SameOrganisation,
    /// The reviewer belongs to an organisation of the same group (GES): allowed once acknowledged.
    SameGroup,
}

impl Conflict {
    /// The code stored with an acknowledged invitation.
    pub const fn code(self) -> &'static str {
        match self {
            Self::SameOrganisation => "same_organisation",
            Self::SameGroup => "same_group",
        }
    }

    /// Message key of the conflict.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::SameOrganisation => "review.conflict.same_organisation",
            Self::SameGroup => "review.conflict.same_group",
        }
    }

    /// Whether the invitation must be refused whatever the inviter says.
    pub const fn blocking(self) -> bool {
        matches!(self, Self::SameOrganisation)
    }
}

/// The conflicts of interest between a reviewer, through the organisations they belong to, and
/// the reviewed organisation. Each conflict is reported once.
pub fn conflicts(reviewer_orgs: &[(OrganisationId, Option<GroupId>)], reviewed: OrganisationRef) -> Vec<Conflict> {
    let mut found = Vec::new();
    if reviewer_orgs.iter().any(|(id, _)| *id == reviewed.id) {
        found.push(Conflict::SameOrganisation);
    }
    let same_group = reviewed.group.is_some_and(|g| reviewer_orgs.iter().any(|(_, group)| *group == Some(g)));
    if same_group {
        found.push(Conflict::SameGroup);
    }
    found
}

/// Whether an organisation whose campaigns are in these statuses has been through a campaign
/// (its plan validated at least), which a pair volunteer's organisation must have.
pub fn has_completed_a_campaign(statuses: &[CampaignStatus]) -> bool {
    statuses
        .iter()
        .any(|s| matches!(s, CampaignStatus::PlanValidated | CampaignStatus::FollowUp | CampaignStatus::Closed))
}

/// Where a person stands on the way to reviewing as a pair: proposed by a delegate, a volunteer
/// (accepted, or came forward alone), enrolled in a training still to come, then trained once a
/// delegate recorded their attendance. Derived from those facts only, never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PairStage {
    /// A delegate proposed them; they have not accepted yet.
    Proposed,
    /// In the directory, not yet enrolled in a training.
    Volunteer,
    /// Enrolled in a training still to come.
    Enrolled,
    /// Attended at least one training.
    Trained,
}

impl PairStage {
    /// The stage of a person who `accepted` (or volunteered), attended `attended` trainings and is
    /// enrolled in `upcoming` trainings still to come.
    pub fn of(accepted: bool, attended: i64, upcoming: i64) -> Self {
        match (accepted, attended > 0, upcoming > 0) {
            (false, _, _) => Self::Proposed,
            (true, true, _) => Self::Trained,
            (true, false, true) => Self::Enrolled,
            (true, false, false) => Self::Volunteer,
        }
    }

    /// Only a trained pair is offered to review; anyone else needs an acknowledged exception.
    pub const fn may_review(self) -> bool {
        matches!(self, Self::Trained)
    }

    /// Its stable code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Volunteer => "volunteer",
            Self::Enrolled => "enrolled",
            Self::Trained => "trained",
        }
    }

    /// Message key of its name (« Formé·e »).
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Proposed => "pair.stage.proposed",
            Self::Volunteer => "pair.stage.volunteer",
            Self::Enrolled => "pair.stage.enrolled",
            Self::Trained => "pair.stage.trained",
        }
    }
}

/// The days a reviewer may read the campaign, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccessWindow {
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
}

impl AccessWindow {
    /// Checks typed dates against today: real dates, in order, not ended already, at most
    /// [`MAX_ACCESS_DAYS`] long.
    pub fn parse(starts_on: &str, ends_on: &str, today: Date) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let start = parse_date(starts_on);
        let end = parse_date(ends_on);
        if start.is_none() {
            problems.push(("starts_on", ValidationError::new("error.date.invalid")));
        }
        if end.is_none() {
            problems.push(("ends_on", ValidationError::new("error.date.invalid")));
        }
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                problems.push(("ends_on", ValidationError::new("error.review.ends_before_start")));
            } else if end < today {
                problems.push(("ends_on", ValidationError::new("error.review.ended")));
            } else if (end - start).get_days() >= MAX_ACCESS_DAYS {
                problems.push(("ends_on", ValidationError::new("error.review.too_long")));
            }
            if problems.is_empty() {
                return Ok(Self { starts_on: start, ends_on: end });
            }
        }
        Err(problems)
    }

    /// Whether the window is open on `day`.
    pub fn open_on(&self, day: Date) -> bool {
        self.starts_on <= day && day <= self.ends_on
    }
}

/// Whether an access stored as ISO dates is open on `today` (and not revoked).
pub fn access_open(starts_on: &str, ends_on: &str, revoked: bool, today: Date) -> bool {
    if revoked {
        return false;
    }
    match (parse_date(starts_on), parse_date(ends_on)) {
        (Some(starts_on), Some(ends_on)) => AccessWindow { starts_on, ends_on }.open_on(today),
        _ => false,
    }
}

/// What a comment thread is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CommentTarget {
    /// The photographie as a whole.
    Photographie,
    /// One indicator of the referential.
    Indicator(String),
    /// One action of the progress plan.
    Action(i64),
}

impl CommentTarget {
    /// The code stored and sent by forms: `photographie`, `indicator:CODE`, `action:ID`.
    pub fn code(&self) -> String {
        match self {
            Self::Photographie => "photographie".to_owned(),
            Self::Indicator(code) => format!("indicator:{code}"),
            Self::Action(id) => format!("action:{id}"),
        }
    }

    /// Parses a code; `None` when it names nothing.
    pub fn from_code(code: &str) -> Option<Self> {
        if code == "photographie" {
            return Some(Self::Photographie);
        }
        if let Some(indicator) = code.strip_prefix("indicator:") {
            let valid = !indicator.is_empty() && indicator.len() <= 64 && !indicator.chars().any(char::is_whitespace);
            return valid.then(|| Self::Indicator(indicator.to_owned()));
        }
        code.strip_prefix("action:").and_then(|id| id.parse().ok()).filter(|id| *id > 0).map(Self::Action)
    }
}

/// A comment's text, trimmed and checked: not empty, at most [`MAX_COMMENT`] characters.
pub fn comment_body(text: &str) -> Result<String, ValidationError> {
    let text = text.trim();
    if text.is_empty() {
        Err(ValidationError::new("error.review.comment_empty"))
    } else if text.chars().count() > MAX_COMMENT {
        Err(ValidationError::new("error.review.comment_too_long"))
    } else {
        Ok(text.to_owned())
    }
}

/// Who a training is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TrainingAudience {
    /// Pair volunteers.
    Pairs,
    /// Tiers (the regional delegations' employees).
    Tiers,
    /// Both.
    Both,
}

impl TrainingAudience {
    /// Every audience.
    pub const ALL: [TrainingAudience; 3] = [Self::Pairs, Self::Tiers, Self::Both];

    /// The code stored and sent by forms.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Pairs => "pairs",
            Self::Tiers => "tiers",
            Self::Both => "both",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }

    /// Message key of the audience.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Pairs => "training.audience.pairs",
            Self::Tiers => "training.audience.tiers",
            Self::Both => "training.audience.both",
        }
    }
}

/// A training as typed, checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingInput {
    /// What it was called.
    pub title: String,
    /// Who it was for.
    pub audience: TrainingAudience,
    /// When it took place.
    pub held_on: Date,
    /// Where.
    pub place: String,
}

impl TrainingInput {
    /// Checks typed values; every problem comes back with its field.
    pub fn parse(
        title: &str,
        audience: &str,
        held_on: &str,
        place: &str,
    ) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let title = title.trim();
        if title.is_empty() {
            problems.push(("title", ValidationError::new("error.training.title")));
        } else if title.chars().count() > 200 {
            problems.push(("title", ValidationError::new("error.action.too_long")));
        }
        let audience = TrainingAudience::from_code(audience);
        if audience.is_none() {
            problems.push(("audience", ValidationError::new("error.select.invalid")));
        }
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
        match (audience, held_on) {
            (Some(audience), Some(held_on)) if problems.is_empty() => {
                Ok(Self { title: title.to_owned(), audience, held_on, place: place.to_owned() })
            }
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_pair_is_trained_once_attendance_is_recorded_and_only_then_reviews() {
        assert_eq!(PairStage::of(false, 3, 1), PairStage::Proposed, "nothing counts before accepting");
        assert_eq!(PairStage::of(true, 0, 0), PairStage::Volunteer);
        assert_eq!(PairStage::of(true, 0, 2), PairStage::Enrolled);
        assert_eq!(PairStage::of(true, 1, 0), PairStage::Trained);
        assert_eq!(PairStage::of(true, 1, 1), PairStage::Trained, "a second training changes nothing");
        let may: Vec<bool> = [PairStage::Proposed, PairStage::Volunteer, PairStage::Enrolled, PairStage::Trained]
            .map(PairStage::may_review)
            .to_vec();
        assert_eq!(may, [false, false, false, true]);
        assert!(PairStage::Proposed < PairStage::Trained, "stages sort along the pathway");
        assert_eq!(PairStage::Enrolled.code(), "enrolled");
        assert_eq!(PairStage::Trained.label_key(), "pair.stage.trained");
    }

    use super::*;
    use crate::RegionId;
    use jiff::civil::date;

    const REVIEWED: OrganisationRef =
        OrganisationRef { id: OrganisationId(1), region: RegionId(10), group: Some(GroupId(100)) };

    #[test]
    fn a_member_of_the_reviewed_organisation_is_a_blocking_conflict() {
        let found = conflicts(&[(OrganisationId(1), Some(GroupId(100)))], REVIEWED);
        assert_eq!(found, vec![Conflict::SameOrganisation, Conflict::SameGroup]);
        assert!(found[0].blocking());
        assert!(!found[1].blocking());
    }

    #[test]
    fn the_same_group_is_flagged_and_other_organisations_are_free() {
        assert_eq!(conflicts(&[(OrganisationId(2), Some(GroupId(100)))], REVIEWED), vec![Conflict::SameGroup]);
        assert!(conflicts(&[(OrganisationId(2), Some(GroupId(200)))], REVIEWED).is_empty());
        assert!(conflicts(&[(OrganisationId(2), None)], REVIEWED).is_empty());
        assert!(conflicts(&[], REVIEWED).is_empty(), "a tiers with no organisation has no conflict");
        let no_group = OrganisationRef { group: None, ..REVIEWED };
        assert!(conflicts(&[(OrganisationId(2), None)], no_group).is_empty(), "no group, no group conflict");
    }

    #[test]
    fn a_volunteer_must_have_been_through_a_campaign() {
        use CampaignStatus::*;
        assert!(!has_completed_a_campaign(&[]));
        assert!(!has_completed_a_campaign(&[Preparation, SelfAssessment, Consolidation, Review]));
        assert!(has_completed_a_campaign(&[SelfAssessment, PlanValidated]));
        assert!(has_completed_a_campaign(&[FollowUp]));
        assert!(has_completed_a_campaign(&[Closed]));
    }

    #[test]
    fn an_access_window_is_checked_whole() {
        let today = date(2026, 11, 26);
        let ok = AccessWindow::parse("2026-11-26", "2026-12-26", today).unwrap();
        assert!(ok.open_on(today) && ok.open_on(date(2026, 12, 26)));
        assert!(!ok.open_on(date(2026, 12, 27)) && !ok.open_on(date(2026, 11, 25)));
        let fields = |r: Result<AccessWindow, Vec<(&'static str, ValidationError)>>| {
            r.unwrap_err().into_iter().map(|(f, e)| (f, e.key)).collect::<Vec<_>>()
        };
        assert_eq!(
            fields(AccessWindow::parse("demain", "", today)),
            vec![("starts_on", "error.date.invalid"), ("ends_on", "error.date.invalid")]
        );
        assert_eq!(
            fields(AccessWindow::parse("2026-12-10", "2026-12-01", today)),
            vec![("ends_on", "error.review.ends_before_start")]
        );
        assert_eq!(
            fields(AccessWindow::parse("2026-10-01", "2026-11-25", today)),
            vec![("ends_on", "error.review.ended")]
        );
        assert_eq!(
            fields(AccessWindow::parse("2026-11-26", "2027-03-01", today)),
            vec![("ends_on", "error.review.too_long")]
        );
        assert!(AccessWindow::parse("2026-11-26", "2027-02-25", today).is_ok(), "91 days is allowed");
    }

    #[test]
    fn a_stored_access_is_open_only_inside_its_days_and_unrevoked() {
        let today = date(2026, 11, 26);
        assert!(access_open("2026-11-01", "2026-11-26", false, today));
        assert!(!access_open("2026-11-01", "2026-11-25", false, today), "it ends by itself");
        assert!(!access_open("2026-11-27", "2026-12-26", false, today), "not yet");
        assert!(!access_open("2026-11-01", "2026-12-26", true, today), "revoked");
        assert!(!access_open("garbage", "2026-12-26", false, today));
    }

    #[test]
    fn comment_targets_round_trip_and_reject_junk() {
        for target in
            [CommentTarget::Photographie, CommentTarget::Indicator("SR.1.1.a".into()), CommentTarget::Action(42)]
        {
            assert_eq!(CommentTarget::from_code(&target.code()), Some(target));
        }
        for junk in ["", "indicator:", "indicator:a b", "action:x", "action:-3", "action:0", "plan", "Photographie"] {
            assert_eq!(CommentTarget::from_code(junk), None, "{junk}");
        }
    }

    #[test]
    fn a_training_is_checked_whole() {
        let ok = TrainingInput::parse(" Formation des pairs ", "pairs", "2026-03-12", " Lille ").unwrap();
        assert_eq!(
            (ok.title.as_str(), ok.audience, ok.place.as_str()),
            ("Formation des pairs", TrainingAudience::Pairs, "Lille")
        );
        assert_eq!(ok.held_on, date(2026, 3, 12));
        let keys: Vec<_> =
            TrainingInput::parse("", "everyone", "12/13/2026", "").unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(keys, vec!["title", "audience", "held_on", "place"]);
        for a in TrainingAudience::ALL {
            assert_eq!(TrainingAudience::from_code(a.code()), Some(a));
        }
    }

    #[test]
    fn comments_are_trimmed_and_bounded() {
        assert_eq!(comment_body("  Bien vu.  ").unwrap(), "Bien vu.");
        assert_eq!(comment_body("   ").unwrap_err().key, "error.review.comment_empty");
        assert_eq!(comment_body(&"é".repeat(MAX_COMMENT)).unwrap().chars().count(), MAX_COMMENT);
        assert_eq!(comment_body(&"é".repeat(MAX_COMMENT + 1)).unwrap_err().key, "error.review.comment_too_long");
    }
}
