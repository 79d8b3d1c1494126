//! From individual answers to the organisation's shared answer: the distribution of answers
//! (overall and by collège, with small collèges merged or hidden so people speak freely), a
//! divergence measure to rank what to discuss first, and a proposed level (the median).

use crate::College;
use crate::campaign::AnswerValue;

/// Smallest collège shown on its own when the campaign protects small collèges.
pub const MIN_COLLEGE_SIZE: usize = 3;

/// Whether a new campaign protects small collèges. On: the sector's practice is to protect
/// volunteers and employees in insertion, who are often one or two in a campaign and speak
/// freely only if their answers cannot be traced back to them; a coordinator who wants names
/// (a small team that agrees to it) turns it off, and the audit log says so.
pub const PROTECT_BY_DEFAULT: bool = true;

/// One participant's answer, as consolidation sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Individual {
    /// Their collège.
    pub college: College,
    /// Their answer, if any.
    pub value: Option<AnswerValue>,
}

/// How answers to one indicator spread.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Tally {
    /// People who gave each level, lowest level first: (level, count).
    pub levels: Vec<(i64, usize)>,
    /// « Non concerné ».
    pub not_applicable: usize,
    /// « Je ne sais pas ».
    pub unknown: usize,
    /// Participants who have not answered.
    pub missing: usize,
}

impl Tally {
    /// Counts `answers` against the scale's `levels`.
    pub fn of<'a>(scale: &[i64], answers: impl IntoIterator<Item = &'a Option<AnswerValue>>) -> Self {
        let mut tally = Tally { levels: scale.iter().map(|l| (*l, 0)).collect(), ..Tally::default() };
        for answer in answers {
            match answer {
                Some(AnswerValue::Level(v)) => {
                    if let Some(slot) = tally.levels.iter_mut().find(|(l, _)| l == v) {
                        slot.1 += 1;
                    }
                }
                Some(AnswerValue::NotApplicable) => tally.not_applicable += 1,
                Some(AnswerValue::Unknown) => tally.unknown += 1,
                Some(_) => {}
                None => tally.missing += 1,
            }
        }
        tally
    }

    /// Everyone counted.
    pub fn total(&self) -> usize {
        self.levels.iter().map(|(_, n)| n).sum::<usize>() + self.not_applicable + self.unknown + self.missing
    }

    /// The levels given, one entry per person, lowest first.
    pub fn rated(&self) -> Vec<i64> {
        self.levels.iter().flat_map(|(l, n)| std::iter::repeat_n(*l, *n)).collect()
    }
}

/// A group of the collège breakdown: one collège, or the small ones merged.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Group {
    /// One collège.
    College(College),
    /// Collèges too small to be shown on their own, merged.
    Others,
}

/// The answers of one indicator by collège. With `protect`, a collège of fewer than
/// [`MIN_COLLEGE_SIZE`] people is merged with the other small ones, and the merged group is shown
/// only if it reaches that size too; otherwise their answers appear in the overall tally only.
pub fn by_college(scale: &[i64], answers: &[Individual], protect: bool) -> Vec<(Group, Tally)> {
    let mut groups: Vec<(Group, Tally)> = Vec::new();
    let mut small: Vec<&Option<AnswerValue>> = Vec::new();
    for college in College::ALL {
        let values: Vec<&Option<AnswerValue>> =
            answers.iter().filter(|a| a.college == college).map(|a| &a.value).collect();
        if values.is_empty() {
            continue;
        }
        if protect && values.len() < MIN_COLLEGE_SIZE {
            small.extend(values);
        } else {
            groups.push((Group::College(college), Tally::of(scale, values)));
        }
    }
    if !small.is_empty() && (!protect || small.len() >= MIN_COLLEGE_SIZE) {
        groups.push((Group::Others, Tally::of(scale, small)));
    }
    groups
}

/// Under what an answer or a comment of one person may be shown, so that nobody of a small
/// collège can be recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attribution {
    /// Their collège (it is large enough, or the campaign does not protect small ones).
    College(College),
    /// The small collèges merged (large enough together).
    Others,
    /// Nobody: even merged, the small collèges are too few.
    Nobody,
}

/// How an answer of `college` among `answers` (the answers to the same indicator) is attributed,
/// consistently with [`by_college`]: with `protect`, a collège below [`MIN_COLLEGE_SIZE`] is shown
/// as the merged small collèges when they reach that size together, and as nobody otherwise.
pub fn attribution(answers: &[Individual], college: College, protect: bool) -> Attribution {
    let size = |c: College| answers.iter().filter(|a| a.college == c).count();
    if !protect || size(college) >= MIN_COLLEGE_SIZE {
        return Attribution::College(college);
    }
    let small: usize = College::ALL.iter().map(|c| size(*c)).filter(|n| *n > 0 && *n < MIN_COLLEGE_SIZE).sum();
    if small >= MIN_COLLEGE_SIZE { Attribution::Others } else { Attribution::Nobody }
}

/// The proposed consolidated level: the median of the levels given (the lower of the two
/// middle ones for an even count, so the proposal never overstates), none when nobody rated.
pub fn proposed_level(rated: &[i64]) -> Option<i64> {
    if rated.is_empty() {
        return None;
    }
    let mut sorted = rated.to_vec();
    sorted.sort_unstable();
    Some(sorted[(sorted.len() - 1) / 2])
}

/// How much people disagree on one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Divergence {
    /// Highest level given minus lowest.
    pub spread: i64,
    /// Largest gap between two collèges' average levels.
    pub college_gap: f64,
    /// The ranking score: both, relative to the scale's span (0 = agreement).
    pub score: f64,
}

fn mean(values: &[i64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<i64>() as f64 / values.len() as f64)
}

/// The divergence of one indicator's answers, on a scale running from `low` to `high`.
pub fn divergence(answers: &[Individual], low: i64, high: i64) -> Divergence {
    let levels: Vec<i64> = answers
        .iter()
        .filter_map(|a| match a.value {
            Some(AnswerValue::Level(v)) => Some(v),
            _ => None,
        })
        .collect();
    let (Some(min), Some(max)) = (levels.iter().min(), levels.iter().max()) else { return Divergence::default() };
    let spread = max - min;
    let means: Vec<f64> = College::ALL
        .iter()
        .filter_map(|c| {
            let of_college: Vec<i64> = answers
                .iter()
                .filter(|a| a.college == *c)
                .filter_map(|a| match a.value {
                    Some(AnswerValue::Level(v)) => Some(v),
                    _ => None,
                })
                .collect();
            mean(&of_college)
        })
        .collect();
    let college_gap = match (means.iter().cloned().reduce(f64::min), means.iter().cloned().reduce(f64::max)) {
        (Some(lo), Some(hi)) => hi - lo,
        _ => 0.0,
    };
    let span = (high - low).max(1) as f64;
    Divergence { spread, college_gap, score: (spread as f64 + college_gap) / span }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(college: College, level: Option<i64>) -> Individual {
        Individual { college, value: level.map(AnswerValue::Level) }
    }

    const SCALE: [i64; 4] = [1, 2, 3, 4];

    #[test]
    fn tally_counts_every_kind_of_answer() {
        let answers = [
            Some(AnswerValue::Level(3)),
            Some(AnswerValue::Level(3)),
            Some(AnswerValue::NotApplicable),
            Some(AnswerValue::Unknown),
            None,
        ];
        let t = Tally::of(&SCALE, answers.iter());
        assert_eq!(t.levels, vec![(1, 0), (2, 0), (3, 2), (4, 0)]);
        assert_eq!((t.not_applicable, t.unknown, t.missing, t.total()), (1, 1, 1, 5));
        assert_eq!(t.rated(), vec![3, 3]);
    }

    #[test]
    fn the_proposal_is_the_lower_median() {
        assert_eq!(proposed_level(&[]), None);
        assert_eq!(proposed_level(&[2]), Some(2));
        assert_eq!(proposed_level(&[4, 1, 3]), Some(3));
        assert_eq!(proposed_level(&[1, 2, 3, 4]), Some(2));
        assert_eq!(proposed_level(&[4, 4, 1, 1]), Some(1));
    }

    #[test]
    fn divergence_ranks_disagreement() {
        let agree = [a(College::Direction, Some(3)), a(College::Volunteer, Some(3))];
        let split = [a(College::Direction, Some(4)), a(College::Volunteer, Some(1))];
        let spread_within = [
            a(College::Direction, Some(4)),
            a(College::Direction, Some(1)),
            a(College::Volunteer, Some(2)),
            a(College::Volunteer, Some(3)),
        ];
        let d_agree = divergence(&agree, 1, 4);
        let d_split = divergence(&split, 1, 4);
        let d_within = divergence(&spread_within, 1, 4);
        assert_eq!((d_agree.spread, d_agree.score), (0, 0.0));
        assert_eq!((d_split.spread, d_split.college_gap), (3, 3.0));
        assert_eq!((d_within.spread, d_within.college_gap), (3, 0.0));
        assert!(d_split.score > d_within.score && d_within.score > d_agree.score);
        assert_eq!(divergence(&[a(College::Direction, None)], 1, 4), Divergence::default(), "no level, no divergence");
        let na_only = [Individual { college: College::Direction, value: Some(AnswerValue::NotApplicable) }];
        assert_eq!(divergence(&na_only, 1, 4).score, 0.0, "« non concerné » changes nothing");
    }

    #[test]
    fn a_comment_of_a_small_college_is_never_attributed_to_it() {
        let person = |college| Individual { college, value: Some(AnswerValue::Level(2)) };
        let answers = [
            person(College::Volunteer),
            person(College::InsertionEmployee),
            person(College::InsertionEmployee),
            person(College::Direction),
        ];
        assert_eq!(attribution(&answers, College::Volunteer, false), Attribution::College(College::Volunteer));
        assert_eq!(attribution(&answers, College::Volunteer, true), Attribution::Others, "three small ones together");
        let few = [
            person(College::Volunteer),
            person(College::PermanentStaff),
            person(College::PermanentStaff),
            person(College::PermanentStaff),
        ];
        assert_eq!(attribution(&few, College::Volunteer, true), Attribution::Nobody, "alone in the small ones");
        assert_eq!(attribution(&few, College::PermanentStaff, true), Attribution::College(College::PermanentStaff));
        // The same answers give the same picture in the breakdown.
        let groups = by_college(&[1, 2, 3, 4], &few, true);
        assert!(!groups.iter().any(|(g, _)| *g == Group::Others), "nobody means no merged group either");
    }

    #[test]
    fn small_colleges_are_merged_or_hidden_when_protected() {
        let mut answers = vec![a(College::PermanentStaff, Some(2)); 3];
        answers.push(a(College::Direction, Some(4)));
        answers.push(a(College::InsertionEmployee, Some(1)));
        let open = by_college(&SCALE, &answers, false);
        assert_eq!(open.len(), 3, "every collège on its own");
        let protected = by_college(&SCALE, &answers, true);
        assert_eq!(protected.len(), 1, "two small collèges of one person: not shown, not even merged");
        assert_eq!(protected[0].0, Group::College(College::PermanentStaff));
        answers.push(a(College::Volunteer, Some(3)));
        let merged = by_college(&SCALE, &answers, true);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[1].0, Group::Others);
        assert_eq!(merged[1].1.total(), 3, "three people of small collèges together");
        assert!(merged.iter().all(|(_, t)| t.total() >= MIN_COLLEGE_SIZE), "no shown group is below the minimum");
    }
}
