//! Consolidation pillar by pillar. Members rarely assess the whole referential at once: they
//! answer « Services rendus » first, consolidate it and look at its photographie, then open the
//! three other pillars at later sessions. Each pillar of a campaign therefore moves on its own
//! through answering → consolidation → consolidated, and the campaign's step while it is being
//! assessed is derived from its pillars.
//!
//! Campaigns created before steps were kept by pillar have none stored: their pillars stand where
//! the campaign stands ([`PillarStep::implied_by`]), so nothing is lost when they migrate.

use crate::campaign::CampaignStatus;

/// Where one pillar of a campaign stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PillarStep {
    /// Participants answer its indicators.
    Answering,
    /// Its individual answers are frozen; the organisation builds its shared answers.
    Consolidation,
    /// Its shared answers are settled: its photographie and plan proposals are final.
    Consolidated,
}

impl PillarStep {
    /// Every step, in order.
    pub const ALL: [PillarStep; 3] = [Self::Answering, Self::Consolidation, Self::Consolidated];

    /// Stable code stored in the database.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Answering => "answering",
            Self::Consolidation => "consolidation",
            Self::Consolidated => "consolidated",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Message key of the step's name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Answering => "pillar_step.answering",
            Self::Consolidation => "pillar_step.consolidation",
            Self::Consolidated => "pillar_step.consolidated",
        }
    }

    /// The next step, if any.
    pub const fn next(self) -> Option<Self> {
        match self {
            Self::Answering => Some(Self::Consolidation),
            Self::Consolidation => Some(Self::Consolidated),
            Self::Consolidated => None,
        }
    }

    /// The step a pillar without a stored one stands at, from its campaign's status: a campaign
    /// in consolidation has all its pillars in consolidation, a campaign past it has them all
    /// consolidated.
    pub fn implied_by(status: CampaignStatus) -> Self {
        match status {
            CampaignStatus::Preparation | CampaignStatus::SelfAssessment => Self::Answering,
            CampaignStatus::Consolidation => Self::Consolidation,
            _ => Self::Consolidated,
        }
    }
}

/// Why a pillar's step cannot change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StepRefused {
    /// The pillar is not in the campaign's scope.
    #[error("pillar not in the campaign's scope")]
    NotInScope,
    /// The campaign is not being assessed (in preparation, or past its consolidation).
    #[error("the campaign is not being assessed")]
    NotAssessing,
    /// The pillar is not at the step the change starts from (someone moved it meanwhile).
    #[error("the pillar has moved on")]
    Moved,
}

/// The steps of a campaign's pillars in scope, in the referential's order, with the campaign's
/// status they were read with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PillarSteps {
    status: CampaignStatus,
    steps: Vec<(String, PillarStep)>,
}

impl PillarSteps {
    /// The steps of the pillars in scope (`in_scope`, in order), from what is `stored`. While the
    /// campaign is being assessed a stored step wins; otherwise, and for a pillar without one,
    /// the step follows the campaign's status.
    pub fn resolve(status: CampaignStatus, in_scope: &[String], stored: &[(String, PillarStep)]) -> Self {
        let assessing = Self::assessing(status);
        let steps = in_scope
            .iter()
            .map(|pillar| {
                let kept = stored.iter().find(|(p, _)| p == pillar).map(|(_, s)| *s).filter(|_| assessing);
                (pillar.clone(), kept.unwrap_or_else(|| PillarStep::implied_by(status)))
            })
            .collect();
        Self { status, steps }
    }

    fn assessing(status: CampaignStatus) -> bool {
        matches!(status, CampaignStatus::SelfAssessment | CampaignStatus::Consolidation)
    }

    /// Each pillar in scope with its step, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, PillarStep)> {
        self.steps.iter().map(|(p, s)| (p.as_str(), *s))
    }

    /// The step of `pillar`, if it is in scope.
    pub fn step(&self, pillar: &str) -> Option<PillarStep> {
        self.steps.iter().find(|(p, _)| p == pillar).map(|(_, s)| *s)
    }

    /// Whether participants may answer the indicators of `pillar` now.
    pub fn answers_open(&self, pillar: &str) -> bool {
        self.status == CampaignStatus::SelfAssessment && self.step(pillar) == Some(PillarStep::Answering)
    }

    /// Whether any pillar is open to answers.
    pub fn any_answers_open(&self) -> bool {
        self.steps.iter().any(|(p, _)| self.answers_open(p))
    }

    /// Whether the shared answers of `pillar` may be decided now.
    pub fn consolidating(&self, pillar: &str) -> bool {
        Self::assessing(self.status) && self.step(pillar) == Some(PillarStep::Consolidation)
    }

    /// Whether any pillar's shared answers may be decided now.
    pub fn any_consolidating(&self) -> bool {
        self.steps.iter().any(|(p, _)| self.consolidating(p))
    }

    /// Whether `pillar` has results to show: its consolidation began (they are provisional until
    /// it is consolidated).
    pub fn has_results(&self, pillar: &str) -> bool {
        self.step(pillar).is_some_and(|s| s >= PillarStep::Consolidation)
    }

    /// Whether any pillar has results to show.
    pub fn any_results(&self) -> bool {
        self.steps.iter().any(|(_, s)| *s >= PillarStep::Consolidation)
    }

    /// The pillars at `step`, in order.
    pub fn at(&self, step: PillarStep) -> Vec<&str> {
        self.steps.iter().filter(|(_, s)| *s == step).map(|(p, _)| p.as_str()).collect()
    }

    /// The campaign's status these steps imply while it is being assessed: answering while any
    /// pillar is, in consolidation once none is. Outside assessment the status stands as it is.
    pub fn status(&self) -> CampaignStatus {
        if !Self::assessing(self.status) {
            self.status
        } else if self.steps.iter().any(|(_, s)| *s == PillarStep::Answering) {
            CampaignStatus::SelfAssessment
        } else {
            CampaignStatus::Consolidation
        }
    }

    /// Moves `pillar` from step `from` to the next one.
    pub fn advance(&mut self, pillar: &str, from: PillarStep) -> Result<PillarStep, StepRefused> {
        if !Self::assessing(self.status) {
            return Err(StepRefused::NotAssessing);
        }
        let slot = self.steps.iter_mut().find(|(p, _)| p == pillar).ok_or(StepRefused::NotInScope)?;
        let next = from.next().filter(|_| slot.1 == from).ok_or(StepRefused::Moved)?;
        slot.1 = next;
        self.status = self.status();
        Ok(next)
    }

    /// Sets the pillars in scope to `scope` (in order): pillars already there keep their step,
    /// new ones open to answers. A pillar leaves the scope only while nothing was answered, that
    /// is in preparation (the caller checks); once the campaign is past its consolidation the
    /// scope is fixed.
    pub fn rescope(&mut self, scope: &[String]) -> Result<(), StepRefused> {
        if !(Self::assessing(self.status) || self.status == CampaignStatus::Preparation) {
            return Err(StepRefused::NotAssessing);
        }
        self.steps = scope.iter().map(|p| (p.clone(), self.step(p).unwrap_or(PillarStep::Answering))).collect();
        self.status = self.status();
        Ok(())
    }

    /// The steps to store, in order.
    pub fn to_store(&self) -> &[(String, PillarStep)] {
        &self.steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CampaignStatus as C;
    use PillarStep::*;

    fn scope() -> Vec<String> {
        ["P1", "P2", "P3", "P4"].map(str::to_owned).to_vec()
    }

    #[test]
    fn codes_round_trip_and_steps_follow_each_other() {
        for s in PillarStep::ALL {
            assert_eq!(PillarStep::from_code(s.code()), Some(s));
            assert!(s.label_key().starts_with("pillar_step."));
        }
        assert_eq!(PillarStep::from_code("closed"), None);
        assert_eq!(Answering.next(), Some(Consolidation));
        assert_eq!(Consolidation.next(), Some(Consolidated));
        assert_eq!(Consolidated.next(), None);
    }

    #[test]
    fn a_campaign_without_stored_steps_keeps_its_pillars_where_it_stands() {
        let expect = [
            (C::Preparation, Answering),
            (C::SelfAssessment, Answering),
            (C::Consolidation, Consolidation),
            (C::Review, Consolidated),
            (C::PlanValidated, Consolidated),
            (C::FollowUp, Consolidated),
            (C::Closed, Consolidated),
        ];
        for (status, step) in expect {
            let steps = PillarSteps::resolve(status, &scope(), &[]);
            assert!(steps.iter().all(|(_, s)| s == step), "{status:?}");
            assert_eq!(steps.status(), status, "the derived status matches the stored one");
        }
    }

    #[test]
    fn stored_steps_count_only_while_the_campaign_is_assessed() {
        let stored = vec![("P2".to_owned(), Consolidated)];
        let live = PillarSteps::resolve(C::SelfAssessment, &scope(), &stored);
        assert_eq!(live.step("P2"), Some(Consolidated));
        assert_eq!(live.step("P1"), Some(Answering));
        let past = PillarSteps::resolve(C::FollowUp, &scope(), &[("P2".to_owned(), Answering)]);
        assert_eq!(past.step("P2"), Some(Consolidated));
        let before = PillarSteps::resolve(C::Preparation, &scope(), &stored);
        assert_eq!(before.step("P2"), Some(Answering));
        assert_eq!(live.step("P9"), None, "a pillar out of scope has no step");
    }

    #[test]
    fn answers_open_only_for_answering_pillars_of_a_campaign_in_self_assessment() {
        let stored = vec![("P2".to_owned(), Consolidation)];
        let steps = PillarSteps::resolve(C::SelfAssessment, &scope(), &stored);
        assert!(steps.answers_open("P1"));
        assert!(!steps.answers_open("P2"));
        assert!(!steps.answers_open("P9"));
        assert!(steps.any_answers_open());
        assert!(steps.consolidating("P2"));
        assert!(!steps.consolidating("P1"));
        let preparing = PillarSteps::resolve(C::Preparation, &scope(), &[]);
        assert!(!preparing.answers_open("P1"), "nothing is answered before the campaign opens");
        assert!(!preparing.any_answers_open());
        assert!(!preparing.any_consolidating());
        let reviewed = PillarSteps::resolve(C::Review, &scope(), &[]);
        assert!(!reviewed.any_consolidating(), "consolidated pillars are not edited any more");
    }

    #[test]
    fn the_members_demarche_pillar_two_first_then_the_three_others() {
        let mut steps = PillarSteps::resolve(C::SelfAssessment, &["P2".to_owned()], &[]);
        assert_eq!(steps.advance("P2", Answering), Ok(Consolidation));
        assert_eq!(steps.status(), C::Consolidation);
        assert!(steps.has_results("P2"), "provisional results while it is consolidated");
        assert_eq!(steps.advance("P2", Consolidation), Ok(Consolidated));
        assert_eq!(steps.status(), C::Consolidation, "the campaign waits for its coordinator to finish");
        // The three other pillars open at a later session.
        steps.rescope(&scope()).unwrap();
        assert_eq!(steps.status(), C::SelfAssessment);
        assert_eq!(steps.step("P2"), Some(Consolidated), "a consolidated pillar stays so");
        assert_eq!(steps.at(Answering), vec!["P1", "P3", "P4"]);
        assert!(steps.has_results("P2") && !steps.has_results("P1"));
        for p in ["P1", "P3", "P4"] {
            steps.advance(p, Answering).unwrap();
        }
        assert_eq!(steps.status(), C::Consolidation);
        assert!(steps.any_consolidating());
        for p in ["P1", "P3", "P4"] {
            steps.advance(p, Consolidation).unwrap();
        }
        assert_eq!(steps.at(Consolidated).len(), 4);
        assert!(!steps.any_consolidating());
    }

    #[test]
    fn a_stale_or_impossible_move_is_refused() {
        let mut steps = PillarSteps::resolve(C::SelfAssessment, &scope(), &[]);
        assert_eq!(steps.advance("P9", Answering), Err(StepRefused::NotInScope));
        assert_eq!(steps.advance("P1", Consolidation), Err(StepRefused::Moved), "it was still answering");
        steps.advance("P1", Answering).unwrap();
        assert_eq!(steps.advance("P1", Answering), Err(StepRefused::Moved), "someone else moved it first");
        let mut done = PillarSteps::resolve(C::Consolidation, &scope(), &[]);
        for p in scope() {
            done.advance(&p, Consolidation).unwrap();
        }
        assert_eq!(done.advance("P1", Consolidated), Err(StepRefused::Moved), "consolidated is the last step");
        let mut past = PillarSteps::resolve(C::Review, &scope(), &[]);
        assert_eq!(past.advance("P1", Consolidated), Err(StepRefused::NotAssessing));
        assert_eq!(past.rescope(&["P1".to_owned()]), Err(StepRefused::NotAssessing));
        let mut preparing = PillarSteps::resolve(C::Preparation, &scope(), &[]);
        assert_eq!(preparing.advance("P1", Answering), Err(StepRefused::NotAssessing));
        assert_eq!(preparing.rescope(&["P1".to_owned()]), Ok(()));
        assert_eq!(preparing.status(), C::Preparation, "choosing the scope does not open the campaign");
    }
}
