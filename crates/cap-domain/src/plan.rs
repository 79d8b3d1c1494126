//! The progress plan: actions proposed from the gaps between the shared answers and the targets,
//! ranked by a priority whose reasons are shown, spread over the plan's horizon; and what an action
//! is (status, progress, dates) once people follow it up.

use crate::ValidationError;
use crate::campaign::AnswerValue;
use crate::referential::{AnswerType, Node, Referential};
use crate::scoring::{Scores, Targets};
pub use crate::validation::parse_date;
use jiff::ToSpan;
use jiff::civil::Date;
use std::collections::HashMap;

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionStatus {
    /// À faire.
    Todo,
    /// En cours.
    InProgress,
    /// Bloquée.
    Blocked,
    /// Faite.
    Done,
    /// Abandonnée.
    Abandoned,
}

impl ActionStatus {
    /// Every status, in the board's column order.
    pub const ALL: [ActionStatus; 5] = [Self::Todo, Self::InProgress, Self::Blocked, Self::Done, Self::Abandoned];

    /// The code stored in the database and used in forms.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Todo => "todo",
            Self::InProgress => "in_progress",
            Self::Blocked => "blocked",
            Self::Done => "done",
            Self::Abandoned => "abandoned",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Message key of the status's name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Todo => "action.status.todo",
            Self::InProgress => "action.status.in_progress",
            Self::Blocked => "action.status.blocked",
            Self::Done => "action.status.done",
            Self::Abandoned => "action.status.abandoned",
        }
    }

    /// Whether the action still has to be carried out.
    pub const fn open(self) -> bool {
        matches!(self, Self::Todo | Self::InProgress | Self::Blocked)
    }
}

/// How urgent a proposed action is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    /// Haute.
    High,
    /// Moyenne.
    Medium,
    /// Basse.
    Low,
}

impl Priority {
    /// Every priority, highest first.
    pub const ALL: [Priority; 3] = [Self::High, Self::Medium, Self::Low];

    /// The code stored in the database.
    pub const fn code(self) -> &'static str {
        match self {
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// Message key of the priority's name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::High => "action.priority.high",
            Self::Medium => "action.priority.medium",
            Self::Low => "action.priority.low",
        }
    }

    /// The priority of a score between 0 and 1.
    pub fn of_score(score: f64) -> Self {
        if score >= HIGH_FROM {
            Self::High
        } else if score >= MEDIUM_FROM {
            Self::Medium
        } else {
            Self::Low
        }
    }
}

/// Priority score from which a proposal is « haute ».
pub const HIGH_FROM: f64 = 0.5;
/// Priority score from which a proposal is « moyenne ».
pub const MEDIUM_FROM: f64 = 0.3;

/// Share of the priority score given by the gap to the target.
pub const GAP_WEIGHT: f64 = 0.5;
/// Share given by the indicator's weight in the referential.
pub const WEIGHT_WEIGHT: f64 = 0.2;
/// Share given by the participants' disagreement.
pub const DIVERGENCE_WEIGHT: f64 = 0.15;
/// Share given by how far the indicator's pillar lags behind the others.
pub const BALANCE_WEIGHT: f64 = 0.15;

/// Why a proposal has its priority, as a message key and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// Message key (`plan.reason.…`).
    pub key: String,
    /// Values for the message's variables, in order (`$n`, `$arg2`…).
    pub args: Vec<String>,
}

impl Reason {
    fn new(key: &str, args: &[String]) -> Self {
        Self { key: key.to_owned(), args: args.to_vec() }
    }
}

/// An action proposed for one indicator below its target.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The indicator.
    pub indicator: String,
    /// Prefilled short title: the indicator's objective and its code.
    pub title: String,
    /// Prefilled description: the indicator's statement, then its guidance.
    pub description: String,
    /// The first offer of services linked to the indicator.
    pub offer: Option<String>,
    /// The score the priority comes from, 0 to 1.
    pub score: f64,
    /// The priority.
    pub priority: Priority,
    /// Why.
    pub reasons: Vec<Reason>,
    /// Proposed start.
    pub start: Date,
    /// Proposed due date.
    pub due: Date,
}

/// What the plan is generated from.
pub struct PlanInputs<'a> {
    /// The campaign's referential version.
    pub referential: &'a Referential,
    /// The indicators the campaign covers.
    pub covered: &'a [&'a Node],
    /// The shared answers, by indicator code.
    pub answers: &'a HashMap<String, AnswerValue>,
    /// The campaign's scores.
    pub scores: &'a Scores,
    /// The organisation's targets.
    pub targets: &'a Targets,
    /// The consolidation's divergence score of each indicator (0 = agreement).
    pub divergence: &'a HashMap<String, f64>,
}

/// The gap of one indicator to its target, in levels (1 for « non » against a yes/no target).
pub fn gap(r: &Referential, targets: &Targets, node: &Node, answer: Option<&AnswerValue>) -> Option<i64> {
    let target = targets.level_of(r, node)?;
    let gap = match (node.answer, answer?) {
        (AnswerType::Level, AnswerValue::Level(level)) => {
            let rank = |v: i64| r.scale.levels.iter().position(|l| l.value == v);
            rank(target)? as i64 - rank(*level)? as i64
        }
        (AnswerType::YesNo, AnswerValue::YesNo(false)) => 1,
        _ => 0,
    };
    (gap > 0).then_some(gap)
}

/// Proposes one action per covered indicator below its target, highest priority first, spread
/// over `horizon_months` from `start` in three waves: the first third of the list starts at once,
/// the next third after a third of the horizon, the last third after two thirds; each action is
/// due at the end of its wave.
pub fn propose(inputs: &PlanInputs<'_>, start: Date, horizon_months: i64) -> Vec<Proposal> {
    let r = inputs.referential;
    let scale_steps = r.scale.levels.len().saturating_sub(1).max(1) as f64;
    let max_weight = inputs.covered.iter().map(|n| n.weight).max().unwrap_or(1).max(1) as f64;
    let weights_differ = inputs.covered.iter().any(|n| n.weight != inputs.covered[0].weight);
    let overall = inputs.scores.overall.map(|o| o.score);
    let mut proposals: Vec<Proposal> = inputs
        .covered
        .iter()
        .filter_map(|node| {
            let levels = gap(r, inputs.targets, node, inputs.answers.get(&node.code))?;
            let gap_part = match node.answer {
                AnswerType::YesNo => 1.0,
                _ => (levels as f64 / scale_steps).min(1.0),
            };
            let weight_part = node.weight.max(1) as f64 / max_weight;
            let divergence = inputs.divergence.get(&node.code).copied().unwrap_or(0.0);
            let divergence_part = (divergence / 2.0).clamp(0.0, 1.0);
            let pillar = pillar_of(r, node);
            let pillar_score = pillar.and_then(|p| inputs.scores.nodes.get(&p.code)).map(|s| s.score);
            let balance_part = match (overall, pillar_score) {
                (Some(all), Some(mine)) => ((all - mine) * 2.0).clamp(0.0, 1.0),
                _ => 0.0,
            };
            let score = GAP_WEIGHT * gap_part
                + WEIGHT_WEIGHT * weight_part
                + DIVERGENCE_WEIGHT * divergence_part
                + BALANCE_WEIGHT * balance_part;
            let target = inputs.targets.level_of(r, node).unwrap_or_default();
            let mut reasons = vec![match node.answer {
                AnswerType::YesNo => Reason::new("plan.reason.not_yet", &[]),
                _ => Reason::new("plan.reason.gap", &[levels.to_string(), target.to_string()]),
            }];
            if weights_differ && weight_part >= 0.75 {
                reasons.push(Reason::new("plan.reason.weight", &[node.weight.to_string()]));
            }
            if divergence_part >= 0.25 {
                reasons.push(Reason::new("plan.reason.divergence", &[]));
            }
            if balance_part > 0.0
                && let (Some(p), Some(mine), Some(all)) = (pillar, pillar_score, overall)
            {
                reasons.push(Reason::new(
                    "plan.reason.pillar_behind",
                    &[p.label().to_owned(), percent(mine), percent(all)],
                ));
            }
            // A short title people can scan: the objective the indicator serves (a verb phrase in
            // referentials written as Cap's) and its code; the statement opens the description.
            let objective = node.parent.as_deref().and_then(|p| r.node(p)).map(Node::label);
            let title = match objective {
                Some(objective) => format!("{objective} — {}", node.code),
                None => node.label().to_owned(),
            };
            let description = match node.guidance.as_deref().filter(|g| !g.trim().is_empty()) {
                Some(guidance) => format!("{}\n\n{guidance}", node.label()),
                None => node.label().to_owned(),
            };
            Some(Proposal {
                indicator: node.code.clone(),
                title: shorten(&title, SHORT_TITLE),
                description,
                offer: node.services.first().cloned(),
                score,
                priority: Priority::of_score(score),
                reasons,
                start,
                due: start,
            })
        })
        .collect();
    proposals.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.indicator.cmp(&b.indicator)));
    let count = proposals.len().max(1);
    let horizon = horizon_months.clamp(1, 36);
    for (i, p) in proposals.iter_mut().enumerate() {
        let wave = (i * 3 / count) as i64;
        p.start = add_months(start, horizon * wave / 3);
        p.due = add_months(start, horizon * (wave + 1) / 3).max(p.start.saturating_add(14.days()));
    }
    proposals
}

fn add_months(date: Date, months: i64) -> Date {
    date.saturating_add(months.months())
}

fn pillar_of<'a>(r: &'a Referential, node: &'a Node) -> Option<&'a Node> {
    let mut at = node;
    while let Some(parent) = at.parent.as_deref().and_then(|p| r.node(p)) {
        at = parent;
    }
    (at.code != node.code).then_some(at)
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max - 1).collect();
    short.push('…');
    short
}

fn percent(share: f64) -> String {
    format!("{}\u{202f}%", (share * 100.0).round() as i64)
}

/// Longest action title, in characters.
pub const MAX_TITLE: usize = 500;
/// Longest title of a proposed action, which fits a line of the plan and of the PDF.
pub const SHORT_TITLE: usize = 90;

/// An action's fields as typed, checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionInput {
    /// Title.
    pub title: String,
    /// Start date.
    pub start: Option<Date>,
    /// Due date.
    pub due: Option<Date>,
    /// Status.
    pub status: ActionStatus,
    /// Progress in percent.
    pub progress: i64,
}

impl ActionInput {
    /// Checks typed values; every problem is returned with its field, so the form shows them all.
    pub fn parse(
        title: &str,
        start: &str,
        due: &str,
        status: &str,
        progress: &str,
    ) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let title = title.trim();
        if title.is_empty() {
            problems.push(("title", ValidationError::new("error.action.title_required")));
        } else if title.chars().count() > MAX_TITLE {
            problems.push(("title", ValidationError::new("error.action.title_length")));
        }
        let mut date = |field: &'static str, raw: &str| -> Option<Date> {
            let raw = raw.trim();
            if raw.is_empty() {
                return None;
            }
            parse_date(raw).or_else(|| {
                problems.push((field, ValidationError::new("error.action.date")));
                None
            })
        };
        let start = date("start", start);
        let due = date("due", due);
        if let (Some(s), Some(d)) = (start, due)
            && d < s
        {
            problems.push(("due", ValidationError::new("error.action.due_before_start")));
        }
        let status = ActionStatus::from_code(status.trim()).unwrap_or_else(|| {
            problems.push(("status", ValidationError::new("error.action.status")));
            ActionStatus::Todo
        });
        let progress = match progress.trim().trim_end_matches('%').trim() {
            "" => 0,
            p => p.parse::<i64>().ok().filter(|p| (0..=100).contains(p)).unwrap_or_else(|| {
                problems.push(("progress", ValidationError::new("error.action.progress")));
                0
            }),
        };
        let progress = if status == ActionStatus::Done { 100 } else { progress };
        if problems.is_empty() {
            Ok(Self { title: title.to_owned(), start, due, status, progress })
        } else {
            Err(problems)
        }
    }
}

/// An action as the follow-up sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Followed {
    /// Its status.
    pub status: ActionStatus,
    /// Its progress in percent.
    pub progress: i64,
    /// Its due date.
    pub due: Option<Date>,
}

impl Followed {
    /// Whether it is past due and still open on `today`.
    pub fn late(&self, today: Date) -> bool {
        self.status.open() && self.due.is_some_and(|d| d < today)
    }

    /// Whether it is open and due within `days` days from `today` (not yet late).
    pub fn upcoming(&self, today: Date, days: i64) -> bool {
        self.status.open() && self.due.is_some_and(|d| d >= today && d <= today.saturating_add(days.days()))
    }
}

/// The plan's completion, 0 to 1: the mean progress of the actions not abandoned (a finished
/// action counts as 100 %). None for a plan with nothing to do.
pub fn completion(actions: &[Followed]) -> Option<f64> {
    let counted: Vec<f64> = actions
        .iter()
        .filter(|a| a.status != ActionStatus::Abandoned)
        .map(|a| if a.status == ActionStatus::Done { 1.0 } else { a.progress.clamp(0, 100) as f64 / 100.0 })
        .collect();
    (!counted.is_empty()).then(|| counted.iter().sum::<f64>() / counted.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OrganisationType;
    use crate::campaign::campaign_indicators;
    use crate::referential::{NodeKind, generate};
    use crate::scoring::compute;

    fn referential() -> Referential {
        let mut r = generate("t", 120, 11, None);
        for n in r.nodes.iter_mut() {
            n.applies_to.clear();
            n.answer = AnswerType::Level;
            n.target = None;
            n.weight = 1;
        }
        r.scale.default_target = Some(3);
        r
    }

    fn plan(
        r: &Referential,
        answers: &HashMap<String, AnswerValue>,
        divergence: &HashMap<String, f64>,
    ) -> Vec<Proposal> {
        let covered = campaign_indicators(r, &[], OrganisationType::Other);
        let scores = compute(r, &covered, answers, &Targets::default());
        let inputs = PlanInputs {
            referential: r,
            covered: &covered,
            answers,
            scores: &scores,
            targets: &Targets::default(),
            divergence,
        };
        propose(&inputs, Date::new(2027, 1, 15).unwrap(), 6)
    }

    fn all(r: &Referential, level: impl Fn(usize) -> i64) -> HashMap<String, AnswerValue> {
        r.indicators().enumerate().map(|(i, n)| (n.code.clone(), AnswerValue::Level(level(i)))).collect()
    }

    #[test]
    fn every_indicator_below_its_target_gets_one_proposal() {
        let r = referential();
        let answers = all(&r, |i| [1, 2, 3, 4][i % 4]);
        let proposals = plan(&r, &answers, &HashMap::new());
        assert_eq!(proposals.len(), 60, "levels 1 and 2 are below the target 3");
        let mut codes: Vec<&str> = proposals.iter().map(|p| p.indicator.as_str()).collect();
        codes.dedup();
        assert_eq!(codes.len(), 60);
        assert!(proposals.iter().all(|p| p.reasons[0].key == "plan.reason.gap"));
        let at_one = proposals.iter().find(|p| p.reasons[0].args[0] == "2").unwrap();
        let at_two = proposals.iter().find(|p| p.reasons[0].args[0] == "1").unwrap();
        assert!(at_one.score > at_two.score, "a wider gap ranks higher");
        assert!(plan(&r, &all(&r, |_| 3), &HashMap::new()).is_empty(), "at target: nothing to do");
    }

    #[test]
    fn proposals_come_highest_first_and_prefilled() {
        let mut r = referential();
        let first = r.indicators().next().unwrap().code.clone();
        let node = r.nodes.iter_mut().find(|n| n.code == first).unwrap();
        node.guidance = Some("Réunir l'équipe".into());
        node.statement = Some("é".repeat(MAX_TITLE + 100));
        node.services = vec!["FORM-1".into()];
        let answers = all(&r, |_| 2);
        let mut divergence = HashMap::new();
        divergence.insert(first.clone(), 2.0);
        let proposals = plan(&r, &answers, &divergence);
        assert_eq!(proposals[0].indicator, first, "disagreement breaks the tie");
        let objective = r.node(r.node(&first).unwrap().parent.as_deref().unwrap()).unwrap().label().to_owned();
        assert_eq!(proposals[0].title, format!("{objective} — {first}"), "a short title: the objective and the code");
        assert!(proposals[0].title.chars().count() <= SHORT_TITLE);
        assert_eq!(
            proposals[0].description,
            format!("{}\n\nRéunir l'équipe", "é".repeat(MAX_TITLE + 100)),
            "the statement first"
        );
        assert_eq!(proposals[0].offer.as_deref(), Some("FORM-1"));
        assert!(proposals[0].reasons.iter().any(|r| r.key == "plan.reason.divergence"));
        assert!(proposals.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn a_lagging_pillar_and_a_heavy_indicator_raise_the_priority() {
        let mut r = referential();
        let heavy = r.indicators().nth(5).unwrap().code.clone();
        r.nodes.iter_mut().find(|n| n.code == heavy).unwrap().weight = 4;
        // Pillar P1 at level 1 everywhere, the others at 2.
        let answers: HashMap<String, AnswerValue> = r
            .indicators()
            .map(|n| (n.code.clone(), AnswerValue::Level(if n.code.starts_with("P1.") { 1 } else { 2 })))
            .collect();
        let proposals = plan(&r, &answers, &HashMap::new());
        let behind = proposals.iter().find(|p| p.indicator.starts_with("P1.")).unwrap();
        assert!(behind.reasons.iter().any(|r| r.key == "plan.reason.pillar_behind"));
        let heavy = proposals.iter().find(|p| p.indicator == heavy).unwrap();
        assert!(heavy.reasons.iter().any(|r| r.key == "plan.reason.weight"));
        assert!(behind.priority <= Priority::Medium);
        let other = proposals.iter().find(|p| p.indicator.starts_with("P2.")).unwrap();
        assert!(behind.score > other.score);
    }

    #[test]
    fn actions_are_spread_over_the_horizon_in_three_waves() {
        let r = referential();
        let proposals = plan(&r, &all(&r, |_| 1), &HashMap::new());
        let start = Date::new(2027, 1, 15).unwrap();
        assert_eq!(proposals.first().unwrap().start, start);
        assert_eq!(proposals.first().unwrap().due, Date::new(2027, 3, 15).unwrap());
        assert_eq!(proposals.last().unwrap().start, Date::new(2027, 5, 15).unwrap());
        assert_eq!(proposals.last().unwrap().due, Date::new(2027, 7, 15).unwrap(), "6 months");
        assert!(proposals.iter().all(|p| p.due > p.start));
        assert!(proposals.windows(2).all(|w| w[0].start <= w[1].start), "higher priority starts first");
    }

    #[test]
    fn yes_no_indicators_need_a_yes() {
        let mut r = referential();
        let code = r.indicators().next().unwrap().code.clone();
        r.nodes.iter_mut().find(|n| n.code == code).unwrap().answer = AnswerType::YesNo;
        let mut answers = all(&r, |_| 3);
        answers.insert(code.clone(), AnswerValue::YesNo(false));
        let proposals = plan(&r, &answers, &HashMap::new());
        assert_eq!(proposals.len(), 1);
        assert_eq!(proposals[0].reasons[0].key, "plan.reason.not_yet");
        answers.insert(code, AnswerValue::YesNo(true));
        assert!(plan(&r, &answers, &HashMap::new()).is_empty());
    }

    #[test]
    fn not_applicable_and_unanswered_indicators_propose_nothing() {
        let r = referential();
        let mut answers = all(&r, |_| 3);
        let codes: Vec<String> = r.indicators().take(2).map(|n| n.code.clone()).collect();
        answers.insert(codes[0].clone(), AnswerValue::NotApplicable);
        answers.remove(&codes[1]);
        assert!(plan(&r, &answers, &HashMap::new()).is_empty());
        assert!(r.nodes.iter().any(|n| n.kind == NodeKind::Pillar));
    }

    #[test]
    fn typed_actions_are_checked_together() {
        let ok = ActionInput::parse("Former l'équipe", "2027-01-10", "15/03/2027", "in_progress", "40 %").unwrap();
        assert_eq!(ok.due, Date::new(2027, 3, 15).ok());
        assert_eq!(ok.progress, 40);
        let done = ActionInput::parse("Former", "", "", "done", "10").unwrap();
        assert_eq!(done.progress, 100, "a finished action is complete");
        let errors = ActionInput::parse(" ", "2027-03-10", "2027-01-01", "perdu", "140").unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec!["title", "due", "status", "progress"]);
        assert_eq!(errors[1].1.key, "error.action.due_before_start");
        let long = "a".repeat(MAX_TITLE + 1);
        assert_eq!(ActionInput::parse(&long, "", "", "todo", "").unwrap_err()[0].1.key, "error.action.title_length");
        assert!(ActionInput::parse(&long[1..], "", "", "todo", "").is_ok());
        let bad_date = ActionInput::parse("A", "31/02/2027", "", "todo", "").unwrap_err();
        assert_eq!(bad_date[0], ("start", ValidationError::new("error.action.date")));
    }

    #[test]
    fn follow_up_finds_late_and_upcoming_actions_and_completion() {
        let today = Date::new(2027, 4, 1).unwrap();
        let a = |status, progress, due: Option<Date>| Followed { status, progress, due };
        let late = a(ActionStatus::InProgress, 50, Date::new(2027, 3, 31).ok());
        let soon = a(ActionStatus::Todo, 0, Date::new(2027, 4, 20).ok());
        let done = a(ActionStatus::Done, 30, Date::new(2027, 3, 1).ok());
        let dropped = a(ActionStatus::Abandoned, 0, Date::new(2027, 3, 1).ok());
        assert!(late.late(today) && !late.upcoming(today, 30));
        assert!(soon.upcoming(today, 30) && !soon.late(today) && !soon.upcoming(today, 7));
        assert!(!done.late(today) && !dropped.late(today));
        assert_eq!(completion(&[late, soon, done, dropped]), Some((0.5 + 0.0 + 1.0) / 3.0));
        assert_eq!(completion(&[dropped]), None);
        assert_eq!(completion(&[]), None);
    }
}
