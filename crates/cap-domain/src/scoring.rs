//! Scores of a campaign, derived from the organisation's shared answers and the referential
//! (never stored as truth): per indicator, per objective and pillar, and overall, each beside the
//! target the organisation set itself. The formula is written down in `docs/SCORING.md`.

use crate::campaign::AnswerValue;
use crate::referential::{AnswerType, Node, NodeKind, Referential, Scale};
use std::collections::{HashMap, HashSet};

/// A level as a share of the scale: `(level − lowest + 1) / (highest − lowest + 1)`, so on a
/// scale of 1 to 4, level 1 is 25 % and level 4 is 100 %. None for a level off the scale.
pub fn level_share(scale: &Scale, level: i64) -> Option<f64> {
    let low = scale.levels.first()?.value;
    let high = scale.levels.last()?.value;
    if !scale.levels.iter().any(|l| l.value == level) {
        return None;
    }
    Some((level - low + 1) as f64 / (high - low + 1) as f64)
}

/// What one indicator's shared answer counts for.
#[derive(Debug, Clone, PartialEq)]
pub enum IndicatorScore {
    /// A share of the scale (levels; yes is 1, no is 0).
    Share(f64),
    /// « Non concerné »: left out of every mean.
    NotApplicable,
    /// No shared answer yet, or « je ne sais pas »: left out, and counted as not rated.
    Unrated,
    /// A quantitative indicator: shown as a figure, never as a score.
    Figure(f64),
    /// A text answer: shown, not scored.
    Text,
}

impl IndicatorScore {
    /// The share, when the indicator is scored.
    pub fn share(&self) -> Option<f64> {
        match self {
            Self::Share(s) => Some(*s),
            _ => None,
        }
    }
}

/// The score of one indicator from its shared answer.
pub fn indicator_score(scale: &Scale, node: &Node, value: Option<&AnswerValue>) -> IndicatorScore {
    match (node.answer, value) {
        (_, None | Some(AnswerValue::Unknown)) => IndicatorScore::Unrated,
        (_, Some(AnswerValue::NotApplicable)) => IndicatorScore::NotApplicable,
        (AnswerType::Level, Some(AnswerValue::Level(l))) => {
            level_share(scale, *l).map_or(IndicatorScore::Unrated, IndicatorScore::Share)
        }
        (AnswerType::YesNo, Some(AnswerValue::YesNo(yes))) => IndicatorScore::Share(if *yes { 1.0 } else { 0.0 }),
        (AnswerType::Number, Some(AnswerValue::Number(n))) => IndicatorScore::Figure(*n),
        (AnswerType::Text, Some(AnswerValue::Text(_))) => IndicatorScore::Text,
        // An answer of another type than the indicator's (the referential cannot change under a
        // campaign, so only a corrupt row gets here): not rated rather than a wrong score.
        _ => IndicatorScore::Unrated,
    }
}

/// The levels an organisation set itself (niveau d'exigence), by node code: on an objective or
/// pillar, it applies to every indicator beneath that sets none of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets(pub HashMap<String, i64>);

impl Targets {
    /// The target level of an indicator: the organisation's on the indicator, else on its nearest
    /// ancestor, else the referential's recommendation for the indicator, else the scale's.
    pub fn level_of(&self, r: &Referential, indicator: &Node) -> Option<i64> {
        let mut at = Some(indicator);
        while let Some(node) = at {
            if let Some(level) = self.0.get(&node.code) {
                return Some(*level);
            }
            at = node.parent.as_deref().and_then(|p| r.node(p));
        }
        indicator.target.or(r.scale.default_target)
    }

    /// The target as a share, for a scored indicator: the level's share, or 1 (« oui ») for a
    /// yes/no indicator with any target.
    pub fn share_of(&self, r: &Referential, indicator: &Node) -> Option<f64> {
        let level = self.level_of(r, indicator)?;
        match indicator.answer {
            AnswerType::Level => level_share(&r.scale, level),
            AnswerType::YesNo => Some(1.0),
            AnswerType::Number | AnswerType::Text => None,
        }
    }

    /// The recommended level of a node when the organisation sets none: the indicator's own, or
    /// for an objective the most common recommendation beneath it, else the scale's.
    pub fn recommended(r: &Referential, node: &Node) -> Option<i64> {
        if node.kind == NodeKind::Indicator {
            return node.target.or(r.scale.default_target);
        }
        let mut counts: HashMap<i64, usize> = HashMap::new();
        let mut stack = vec![node.code.as_str()];
        while let Some(code) = stack.pop() {
            for child in r.children(code) {
                if child.kind == NodeKind::Indicator {
                    if let Some(t) = child.target.or(r.scale.default_target) {
                        *counts.entry(t).or_default() += 1;
                    }
                } else {
                    stack.push(&child.code);
                }
            }
        }
        counts.into_iter().max_by_key(|(level, n)| (*n, -*level)).map(|(level, _)| level).or(r.scale.default_target)
    }
}

/// A node's score: the weighted mean of its scored children, beside the same mean of their targets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodeScore {
    /// Share of the scale, 0 to 1.
    pub score: f64,
    /// The targets' share over the same indicators, when they have targets.
    pub target: Option<f64>,
    /// Scored indicators beneath.
    pub rated: usize,
}

/// Every score of a campaign.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Each covered indicator's score.
    pub indicators: HashMap<String, IndicatorScore>,
    /// Each objective's and pillar's score, when something beneath is scored.
    pub nodes: HashMap<String, NodeScore>,
    /// The weighted mean of the pillars.
    pub overall: Option<NodeScore>,
    /// Covered indicators that could be scored but have no usable answer yet.
    pub unrated: usize,
}

#[derive(Default, Clone, Copy)]
struct Sum {
    weighted: f64,
    weights: f64,
    target_weighted: f64,
    target_weights: f64,
    rated: usize,
}

impl Sum {
    fn add(&mut self, weight: f64, score: f64, target: Option<f64>, rated: usize) {
        self.weighted += weight * score;
        self.weights += weight;
        if let Some(t) = target {
            self.target_weighted += weight * t;
            self.target_weights += weight;
        }
        self.rated += rated;
    }

    fn result(&self) -> Option<NodeScore> {
        (self.weights > 0.0).then(|| NodeScore {
            score: self.weighted / self.weights,
            target: (self.target_weights > 0.0).then(|| self.target_weighted / self.target_weights),
            rated: self.rated,
        })
    }
}

/// Scores the `covered` indicators of `r` from the shared `answers` (by indicator code), with the
/// organisation's `targets`. A node's score is the mean of its children's scores weighted by the
/// children's weights, leaving out children with nothing scored (« non concerné », unanswered,
/// figures and texts); the overall score is the same mean over the pillars.
pub fn compute(
    r: &Referential,
    covered: &[&Node],
    answers: &HashMap<String, AnswerValue>,
    targets: &Targets,
) -> Scores {
    let covered_codes: HashSet<&str> = covered.iter().map(|n| n.code.as_str()).collect();
    let mut scores = Scores::default();
    let mut sums: HashMap<&str, Sum> = HashMap::new();
    let mut overall = Sum::default();
    // Parents come before children in the tree, so walking it backwards closes every child
    // before its parent.
    for node in r.nodes.iter().rev() {
        let (score, target, rated) = if node.kind == NodeKind::Indicator {
            if !covered_codes.contains(node.code.as_str()) {
                continue;
            }
            let s = indicator_score(&r.scale, node, answers.get(&node.code));
            if s == IndicatorScore::Unrated && matches!(node.answer, AnswerType::Level | AnswerType::YesNo) {
                scores.unrated += 1;
            }
            let share = s.share();
            scores.indicators.insert(node.code.clone(), s);
            let Some(share) = share else { continue };
            (share, targets.share_of(r, node), 1)
        } else {
            let Some(result) = sums.get(node.code.as_str()).and_then(Sum::result) else { continue };
            scores.nodes.insert(node.code.clone(), result);
            (result.score, result.target, result.rated)
        };
        let weight = node.weight.max(1) as f64;
        match node.parent.as_deref() {
            Some(parent) => sums.entry(parent).or_default().add(weight, score, target, rated),
            None => overall.add(weight, score, target, rated),
        }
    }
    scores.overall = overall.result();
    scores
}

/// One indicator's change between two campaigns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// The earlier share.
    pub before: f64,
    /// The current share.
    pub after: f64,
}

/// The earlier campaign's indicator shares, keyed by the current version's codes: the same code
/// when both campaigns used the same version or the code did not move, else through the current
/// version's code map (renamed, split: the old share for each new code; merged: the mean of the
/// old codes' shares). Removed codes have no counterpart.
pub fn carry_over(current: &Referential, previous: &Referential, before: &Scores) -> HashMap<String, f64> {
    let shares = |code: &str| before.indicators.get(code).and_then(IndicatorScore::share);
    let mut out: HashMap<String, f64> = HashMap::new();
    let same_version = current.code == previous.code && current.version == previous.version;
    let mapped_from: HashSet<&str> =
        if same_version { HashSet::new() } else { current.code_map.iter().map(|e| e.old.as_str()).collect() };
    for node in current.indicators() {
        if !mapped_from.contains(node.code.as_str())
            && let Some(s) = shares(&node.code)
        {
            out.insert(node.code.clone(), s);
        }
    }
    if !same_version && current.previous.as_deref() == Some(previous.version.as_str()) {
        let mut merged: HashMap<&str, Vec<f64>> = HashMap::new();
        for entry in &current.code_map {
            let Some(s) = shares(&entry.old) else { continue };
            for new in &entry.new {
                merged.entry(new.as_str()).or_default().push(s);
            }
        }
        for (code, values) in merged {
            out.insert(code.to_owned(), values.iter().sum::<f64>() / values.len() as f64);
        }
    }
    out
}

/// How far below its target a share must be to count as far from it.
pub const FAR_BELOW: f64 = 0.3;

/// Where an indicator stands against the target the organisation set itself: the heat map's
/// cells, the PDF's marks, always said in words beside the colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TargetStanding {
    /// At or above its target (or scored without a target).
    Met,
    /// Below its target.
    Below,
    /// More than [`FAR_BELOW`] below its target.
    Far,
    /// « Non concerné ».
    NotApplicable,
    /// Not answered, or not scored.
    #[default]
    Unknown,
}

impl TargetStanding {
    /// The standing of an indicator from its shared answer, its score and its target's share.
    pub fn of(value: Option<&AnswerValue>, share: Option<f64>, target: Option<f64>) -> Self {
        match (value, share, target) {
            (Some(AnswerValue::NotApplicable), _, _) => Self::NotApplicable,
            (_, Some(s), Some(goal)) if s + 1e-9 >= goal => Self::Met,
            (_, Some(s), Some(goal)) if goal - s > FAR_BELOW => Self::Far,
            (_, Some(_), Some(_)) => Self::Below,
            (_, Some(_), None) => Self::Met,
            _ => Self::Unknown,
        }
    }

    /// A stable code, used as the cell's class in pages.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::Below => "below",
            Self::Far => "far",
            Self::NotApplicable => "na",
            Self::Unknown => "none",
        }
    }

    /// The message key that says it in words.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Met => "results.heat.met",
            Self::Below => "results.heat.below",
            Self::Far => "results.heat.far",
            Self::NotApplicable => "results.heat.na",
            Self::Unknown => "results.heat.none",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OrganisationType;
    use crate::campaign::campaign_indicators;
    use crate::referential::{CodeChange, CodeMapEntry, generate};
    use proptest::prelude::*;

    fn referential() -> Referential {
        let mut r = generate("t", 24, 7, None);
        for n in r.nodes.iter_mut() {
            n.applies_to.clear();
            n.answer = AnswerType::Level;
        }
        r
    }

    fn levels(r: &Referential, value: impl Fn(usize) -> Option<AnswerValue>) -> HashMap<String, AnswerValue> {
        r.indicators().enumerate().filter_map(|(i, n)| value(i).map(|v| (n.code.clone(), v))).collect()
    }

    #[test]
    fn a_level_is_a_share_of_the_scale() {
        let r = referential();
        let values: Vec<i64> = r.scale.levels.iter().map(|l| l.value).collect();
        assert_eq!(values, vec![1, 2, 3, 4]);
        assert_eq!(level_share(&r.scale, 1), Some(0.25));
        assert_eq!(level_share(&r.scale, 4), Some(1.0));
        assert_eq!(level_share(&r.scale, 9), None);
    }

    #[test]
    fn answers_of_each_type_count_as_written_down() {
        let r = referential();
        let mut node = r.indicators().next().unwrap().clone();
        let s = |node: &Node, v: AnswerValue| indicator_score(&r.scale, node, Some(&v));
        assert_eq!(s(&node, AnswerValue::Level(3)), IndicatorScore::Share(0.75));
        assert_eq!(s(&node, AnswerValue::NotApplicable), IndicatorScore::NotApplicable);
        assert_eq!(s(&node, AnswerValue::Unknown), IndicatorScore::Unrated);
        assert_eq!(indicator_score(&r.scale, &node, None), IndicatorScore::Unrated);
        node.answer = AnswerType::YesNo;
        assert_eq!(s(&node, AnswerValue::YesNo(true)), IndicatorScore::Share(1.0));
        assert_eq!(s(&node, AnswerValue::YesNo(false)), IndicatorScore::Share(0.0));
        node.answer = AnswerType::Number;
        assert_eq!(s(&node, AnswerValue::Number(12.5)), IndicatorScore::Figure(12.5));
        assert_eq!(s(&node, AnswerValue::Level(3)), IndicatorScore::Unrated, "a mismatched answer is not scored");
    }

    #[test]
    fn objectives_are_weighted_means_of_their_children() {
        let mut r = referential();
        let oo = r.nodes.iter().find(|n| n.kind == NodeKind::OperationalObjective).unwrap().code.clone();
        let children: Vec<String> = r.children(&oo).map(|n| n.code.clone()).collect();
        assert!(children.len() >= 2);
        r.nodes.iter_mut().find(|n| n.code == children[0]).unwrap().weight = 3;
        r.nodes.iter_mut().find(|n| n.code == children[1]).unwrap().weight = 1;
        let covered = campaign_indicators(&r, &[], OrganisationType::Other);
        let mut answers = HashMap::new();
        answers.insert(children[0].clone(), AnswerValue::Level(4));
        answers.insert(children[1].clone(), AnswerValue::Level(2));
        for c in &children[2..] {
            answers.insert(c.clone(), AnswerValue::NotApplicable);
        }
        let scores = compute(&r, &covered, &answers, &Targets::default());
        let expected = (3.0 * 1.0 + 0.5) / 4.0;
        assert!((scores.nodes[&oo].score - expected).abs() < 1e-9);
        assert_eq!(scores.nodes[&oo].rated, 2);
        let pillar = r.nodes.iter().find(|n| n.kind == NodeKind::Pillar && oo.starts_with(&n.code)).unwrap();
        assert!((scores.nodes[&pillar.code].score - expected).abs() < 1e-9, "only one objective is scored");
        assert!((scores.overall.unwrap().score - expected).abs() < 1e-9);
        assert_eq!(scores.unrated, covered.len() - children.len());
    }

    #[test]
    fn targets_come_from_the_organisation_then_the_referential() {
        let mut r = referential();
        r.scale.default_target = Some(3);
        let first = r.indicators().next().unwrap().clone();
        let pillar = r.nodes[0].code.clone();
        let mut targets = Targets::default();
        assert_eq!(targets.level_of(&r, &first), first.target.or(Some(3)));
        targets.0.insert(pillar.clone(), 2);
        assert_eq!(targets.level_of(&r, &first), Some(2), "set on the pillar, it reaches the indicators");
        targets.0.insert(first.code.clone(), 4);
        assert_eq!(targets.level_of(&r, &first), Some(4), "the indicator's own wins");
        for n in r.nodes.iter_mut() {
            n.target = None;
        }
        assert_eq!(Targets::recommended(&r, &r.nodes[0]), Some(3));
        let covered = campaign_indicators(&r, &[], OrganisationType::Other);
        let scores = compute(&r, &covered, &levels(&r, |_| Some(AnswerValue::Level(1))), &Targets::default());
        assert_eq!(scores.overall.unwrap().target, Some(0.75));
    }

    #[test]
    fn earlier_results_follow_the_code_map() {
        let old = referential();
        let codes: Vec<String> = old.indicators().map(|n| n.code.clone()).collect();
        let mut new = old.clone();
        new.version = "2".into();
        new.previous = Some(old.version.clone());
        new.code_map = vec![
            CodeMapEntry { old: codes[0].clone(), new: vec![codes[1].clone()], change: CodeChange::Merged, note: None },
            CodeMapEntry { old: codes[1].clone(), new: vec![codes[1].clone()], change: CodeChange::Merged, note: None },
            CodeMapEntry { old: codes[2].clone(), new: vec![], change: CodeChange::Removed, note: None },
        ];
        let covered = campaign_indicators(&old, &[], OrganisationType::Other);
        let before = compute(
            &old,
            &covered,
            &levels(&old, |i| Some(AnswerValue::Level(if i == 0 { 4 } else { 2 }))),
            &Targets::default(),
        );
        let carried = carry_over(&new, &old, &before);
        assert_eq!(carried[&codes[1]], (1.0 + 0.5) / 2.0, "merged: the mean of the old shares");
        assert!(!carried.contains_key(&codes[0]) && !carried.contains_key(&codes[2]), "moved away or removed");
        assert_eq!(carried[&codes[3]], 0.5, "an unchanged code is compared directly");
        assert_eq!(carry_over(&old, &old, &before)[&codes[0]], 1.0, "same version: code by code");
    }

    fn answer_strategy() -> impl Strategy<Value = Option<AnswerValue>> {
        prop_oneof![
            4 => (1i64..=4).prop_map(|l| Some(AnswerValue::Level(l))),
            1 => Just(Some(AnswerValue::NotApplicable)),
            1 => Just(Some(AnswerValue::Unknown)),
            1 => Just(None),
        ]
    }

    fn answers_of(r: &Referential, values: &[Option<AnswerValue>]) -> HashMap<String, AnswerValue> {
        levels(r, |i| values.get(i).cloned().flatten())
    }

    fn all_scores(s: &Scores) -> Vec<(String, f64)> {
        let mut v: Vec<(String, f64)> = s.nodes.iter().map(|(k, n)| (k.clone(), n.score)).collect();
        v.extend(s.overall.map(|o| ("overall".to_owned(), o.score)));
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }

    proptest! {
        #[test]
        fn every_score_lies_within_the_scale(
            values in proptest::collection::vec(answer_strategy(), 24),
            weights in proptest::collection::vec(1i64..=5, 64),
        ) {
            let mut r = referential();
            for (n, w) in r.nodes.iter_mut().zip(weights.iter().cycle()) {
                n.weight = *w;
            }
            let covered = campaign_indicators(&r, &[], OrganisationType::Other);
            let scores = compute(&r, &covered, &answers_of(&r, &values), &Targets::default());
            for (_, s) in all_scores(&scores) {
                prop_assert!((0.25..=1.0).contains(&s), "{s}");
            }
            let scored = values.iter().filter(|v| matches!(v, Some(AnswerValue::Level(_)))).count();
            prop_assert_eq!(scores.overall.map_or(0, |o| o.rated), scored);
        }

        #[test]
        fn raising_a_level_never_lowers_a_score(
            values in proptest::collection::vec(answer_strategy(), 24),
            which in 0usize..24,
        ) {
            let r = referential();
            let covered = campaign_indicators(&r, &[], OrganisationType::Other);
            let Some(AnswerValue::Level(l)) = values[which].clone() else { return Ok(()) };
            prop_assume!(l < 4);
            let mut raised = values.clone();
            raised[which] = Some(AnswerValue::Level(l + 1));
            let before = compute(&r, &covered, &answers_of(&r, &values), &Targets::default());
            let after = compute(&r, &covered, &answers_of(&r, &raised), &Targets::default());
            let after: HashMap<String, f64> = all_scores(&after).into_iter().collect();
            for (code, s) in all_scores(&before) {
                prop_assert!(after[&code] >= s - 1e-12, "{code}: {s} → {}", after[&code]);
            }
        }

        #[test]
        fn not_applicable_changes_nothing(
            values in proptest::collection::vec(answer_strategy(), 24),
            which in 0usize..24,
        ) {
            let r = referential();
            let covered = campaign_indicators(&r, &[], OrganisationType::Other);
            let mut without = values.clone();
            without[which] = None;
            let mut with_na = values.clone();
            with_na[which] = Some(AnswerValue::NotApplicable);
            let a = compute(&r, &covered, &answers_of(&r, &without), &Targets::default());
            let b = compute(&r, &covered, &answers_of(&r, &with_na), &Targets::default());
            prop_assert_eq!(all_scores(&a), all_scores(&b));
        }
    }

    #[test]
    fn standing_against_the_target() {
        use super::TargetStanding as T;
        let level = AnswerValue::Level(2);
        assert_eq!(T::of(Some(&AnswerValue::NotApplicable), Some(1.0), Some(0.5)), T::NotApplicable);
        assert_eq!(T::of(Some(&level), Some(0.5), Some(0.5)), T::Met);
        assert_eq!(T::of(Some(&level), Some(0.7), Some(0.5)), T::Met);
        assert_eq!(T::of(Some(&level), Some(0.4), Some(0.5)), T::Below);
        assert_eq!(T::of(Some(&level), Some(0.55), Some(0.8)), T::Below);
        assert_eq!(T::of(Some(&level), Some(0.2), Some(0.8)), T::Far);
        assert_eq!(T::of(Some(&level), Some(0.2), None), T::Met, "scored without a target");
        assert_eq!(T::of(None, None, Some(0.5)), T::Unknown);
        assert_eq!((T::Far.code(), T::Far.label_key()), ("far", "results.heat.far"));
    }
}
