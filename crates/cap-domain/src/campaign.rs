//! Campaigns of participatory self-assessment: their status and what each step allows, the
//! indicators a campaign covers, and the answers participants give.

use crate::ValidationError;
use crate::organisation::OrganisationType;
use crate::referential::{AnswerType, Node, NodeKind, Referential};

/// Where a campaign stands. It only moves forward, one step at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CampaignStatus {
    /// Scope, calendar and participants are being set; nothing is answered yet.
    Preparation,
    /// Participants answer.
    SelfAssessment,
    /// Individual answers are frozen; the organisation builds its shared answer.
    Consolidation,
    /// A tiers or a pair reviews the campaign.
    Review,
    /// The progress plan is validated.
    PlanValidated,
    /// The plan is followed up.
    FollowUp,
    /// Finished.
    Closed,
}

impl CampaignStatus {
    /// Every status, in order.
    pub const ALL: [CampaignStatus; 7] = [
        Self::Preparation,
        Self::SelfAssessment,
        Self::Consolidation,
        Self::Review,
        Self::PlanValidated,
        Self::FollowUp,
        Self::Closed,
    ];

    /// Stable code stored in the database.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Preparation => "preparation",
            Self::SelfAssessment => "self_assessment",
            Self::Consolidation => "consolidation",
            Self::Review => "review",
            Self::PlanValidated => "plan_validated",
            Self::FollowUp => "follow_up",
            Self::Closed => "closed",
        }
    }

    /// Message key of the status's name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Preparation => "campaign.status.preparation",
            Self::SelfAssessment => "campaign.status.self_assessment",
            Self::Consolidation => "campaign.status.consolidation",
            Self::Review => "campaign.status.review",
            Self::PlanValidated => "campaign.status.plan_validated",
            Self::FollowUp => "campaign.status.follow_up",
            Self::Closed => "campaign.status.closed",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The next step, if any.
    pub fn next(self) -> Option<Self> {
        Self::ALL.iter().position(|s| *s == self).and_then(|i| Self::ALL.get(i + 1)).copied()
    }

    /// Whether participants may answer (and change their answers).
    pub fn answers_open(self) -> bool {
        self == Self::SelfAssessment
    }

    /// Whether scope and calendar may still change.
    pub fn scope_editable(self) -> bool {
        self == Self::Preparation
    }
}

/// The indicators a campaign covers: those of the chosen pillars (all when none is chosen) that
/// apply to the organisation's type, in tree order.
pub fn campaign_indicators<'a>(r: &'a Referential, scope: &[String], org_type: OrganisationType) -> Vec<&'a Node> {
    let depths = r.depths();
    let mut pillar = "";
    let mut out = Vec::new();
    for (node, depth) in r.nodes.iter().zip(depths) {
        if depth == 0 {
            pillar = &node.code;
        }
        let in_scope = scope.is_empty() || scope.iter().any(|p| p == pillar);
        if node.kind == NodeKind::Indicator && in_scope && node.applies_to_type(org_type) {
            out.push(node);
        }
    }
    out
}

/// The indicators a participant is asked to answer: those under (or equal to) a node they were
/// assigned, or all of `indicators` when they were assigned nothing.
pub fn assigned_indicators<'a>(r: &Referential, indicators: &[&'a Node], assigned: &[String]) -> Vec<&'a Node> {
    if assigned.is_empty() {
        return indicators.to_vec();
    }
    indicators
        .iter()
        .filter(|node| {
            let mut at: Option<&Node> = Some(node);
            while let Some(n) = at {
                if assigned.contains(&n.code) {
                    return true;
                }
                at = n.parent.as_deref().and_then(|p| r.node(p));
            }
            false
        })
        .copied()
        .collect()
}

/// The pages of the answering form: the indicators grouped under their parent (one objective per
/// page), in tree order, as (parent code, indicator codes).
pub fn answer_pages(indicators: &[&Node]) -> Vec<(String, Vec<String>)> {
    let mut pages: Vec<(String, Vec<String>)> = Vec::new();
    for node in indicators {
        let parent = node.parent.clone().unwrap_or_default();
        match pages.last_mut() {
            Some((p, codes)) if *p == parent => codes.push(node.code.clone()),
            _ => pages.push((parent, vec![node.code.clone()])),
        }
    }
    pages
}

/// Where an answering page stands in its pillar, for a participant's sense of progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagePlace {
    /// The pillar's code.
    pub pillar: String,
    /// The page's rank among the pillar's pages, from 1.
    pub rank: usize,
    /// How many pages the pillar has.
    pub of: usize,
    /// The pillar's indicators on these pages.
    pub indicators: Vec<String>,
}

/// Where page `number` (from 1) of `pages` stands in its pillar; none for a page that does not
/// exist.
pub fn place_in_pillar(r: &Referential, pages: &[(String, Vec<String>)], number: usize) -> Option<PagePlace> {
    let pillar_of = |page: &(String, Vec<String>)| {
        let code = page.1.first().unwrap_or(&page.0);
        r.root_of(code).map(|n| n.code.clone())
    };
    let pillar = pillar_of(pages.get(number.checked_sub(1)?)?)?;
    let mut rank = 0;
    let mut of = 0;
    let mut indicators = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        if pillar_of(page).as_deref() == Some(pillar.as_str()) {
            of += 1;
            if i < number {
                rank = of;
            }
            indicators.extend(page.1.iter().cloned());
        }
    }
    Some(PagePlace { pillar, rank, of, indicators })
}

/// The next page after `number` (from 1) holding an indicator that `done` says is left, going
/// round to the first pages, with that indicator; none when everything else is done.
pub fn next_unanswered(
    pages: &[(String, Vec<String>)],
    number: usize,
    done: impl Fn(&str) -> bool,
) -> Option<(usize, String)> {
    let count = pages.len();
    (1..count)
        .map(|step| (number.saturating_sub(1) + step) % count)
        .find_map(|i| pages[i].1.iter().find(|c| !done(c)).map(|c| (i + 1, c.clone())))
}

/// The first indicator of `pages` that `done` says is left, with its page (from 1).
pub fn first_unanswered(pages: &[(String, Vec<String>)], done: impl Fn(&str) -> bool) -> Option<(usize, String)> {
    pages.iter().enumerate().find_map(|(i, (_, codes))| codes.iter().find(|c| !done(c)).map(|c| (i + 1, c.clone())))
}

/// One participant's answer to one indicator. Files write it `{"kind": "level", "value": 3}`
/// (a campaign taken out to a venue and its results, `venue.rs`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum AnswerValue {
    /// A level of the scale.
    Level(i64),
    /// « Non concerné ».
    NotApplicable,
    /// « Je ne sais pas ».
    Unknown,
    /// Yes or no.
    YesNo(bool),
    /// A figure.
    Number(f64),
    /// Free text.
    Text(String),
}

impl AnswerValue {
    /// The form value that stands for this answer (`3`, `na`, `unknown`, `yes`, a figure, text).
    pub fn form_value(&self) -> String {
        match self {
            Self::Level(v) => v.to_string(),
            Self::NotApplicable => "na".into(),
            Self::Unknown => "unknown".into(),
            Self::YesNo(true) => "yes".into(),
            Self::YesNo(false) => "no".into(),
            Self::Number(n) => format_number(*n),
            Self::Text(t) => t.clone(),
        }
    }

    /// Reads a submitted value for `indicator`, rated on the referential's scale. An empty value
    /// means "no answer yet" (`Ok(None)`).
    pub fn parse(indicator: &Node, r: &Referential, raw: &str) -> Result<Option<Self>, ValidationError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        match raw {
            "na" if r.scale.not_applicable => return Ok(Some(Self::NotApplicable)),
            "unknown" if r.scale.unknown => return Ok(Some(Self::Unknown)),
            _ => {}
        }
        let value = match indicator.answer {
            AnswerType::Level => {
                let level: i64 = raw.parse().map_err(|_| ValidationError::new("error.answer.level"))?;
                if !r.scale.levels.iter().any(|l| l.value == level) {
                    return Err(ValidationError::new("error.answer.level"));
                }
                Self::Level(level)
            }
            AnswerType::YesNo => match raw {
                "yes" => Self::YesNo(true),
                "no" => Self::YesNo(false),
                _ => return Err(ValidationError::new("error.answer.yes_no")),
            },
            AnswerType::Number => {
                // French users type a decimal comma and may group thousands with spaces.
                let cleaned: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}').collect();
                let n: f64 =
                    cleaned.replace(',', ".").parse().map_err(|_| ValidationError::new("error.answer.number"))?;
                if !n.is_finite()
                    || indicator.min.is_some_and(|min| n < min as f64)
                    || indicator.max.is_some_and(|max| n > max as f64)
                {
                    return Err(ValidationError::new("error.answer.number_bounds"));
                }
                Self::Number(n)
            }
            AnswerType::Text => {
                if raw.chars().count() > 4000 {
                    return Err(ValidationError::new("error.answer.text_length"));
                }
                Self::Text(raw.to_owned())
            }
        };
        Ok(Some(value))
    }
}

/// A figure as French users write it: a decimal comma, no trailing zeros.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}").replace('.', ",") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referential::generate;

    #[test]
    fn status_moves_forward_one_step_at_a_time() {
        assert_eq!(CampaignStatus::Preparation.next(), Some(CampaignStatus::SelfAssessment));
        assert_eq!(CampaignStatus::Closed.next(), None);
        for s in CampaignStatus::ALL {
            assert_eq!(CampaignStatus::from_code(s.code()), Some(s));
            assert_eq!(s.answers_open(), s == CampaignStatus::SelfAssessment);
        }
        assert!(CampaignStatus::Preparation.scope_editable() && !CampaignStatus::SelfAssessment.scope_editable());
    }

    #[test]
    fn indicators_follow_scope_and_organisation_type() {
        let mut r = generate("t", 40, 3, None);
        let all = campaign_indicators(&r, &[], OrganisationType::Aci).len();
        let restricted = r
            .nodes
            .iter()
            .filter(|n| !n.applies_to.is_empty() && !n.applies_to.contains(&OrganisationType::Aci))
            .count();
        assert_eq!(all, 40 - restricted);
        let p1 = campaign_indicators(&r, &["P1".into()], OrganisationType::Aci);
        assert!(p1.iter().all(|n| n.code.starts_with("P1.")) && !p1.is_empty());
        for n in r.nodes.iter_mut() {
            n.applies_to.clear();
        }
        assert_eq!(campaign_indicators(&r, &[], OrganisationType::Ai).len(), 40);
        let pages = answer_pages(&campaign_indicators(&r, &[], OrganisationType::Ai));
        assert_eq!(pages.iter().map(|(_, c)| c.len()).sum::<usize>(), 40);
        assert!(pages.iter().all(|(parent, codes)| codes.iter().all(|c| c.starts_with(parent.as_str()))));
    }

    #[test]
    fn a_page_knows_its_place_in_its_pillar() {
        let r = generate("t", 40, 3, None);
        let pages = answer_pages(&campaign_indicators(&r, &[], OrganisationType::Other));
        let first = place_in_pillar(&r, &pages, 1).expect("page 1");
        assert_eq!(first.rank, 1);
        assert!(first.of >= 1 && first.indicators.iter().all(|c| c.starts_with(&format!("{}.", first.pillar))));
        let last = place_in_pillar(&r, &pages, pages.len()).expect("last page");
        assert_eq!(last.rank, last.of, "the last page closes its pillar");
        assert_ne!(first.pillar, last.pillar);
        let mut seen = std::collections::BTreeMap::new();
        for n in 1..=pages.len() {
            let place = place_in_pillar(&r, &pages, n).expect("every page has a pillar");
            seen.insert(place.pillar.clone(), place.indicators.len());
        }
        assert!(seen.len() >= 2);
        let total: usize = pages.iter().map(|(_, c)| c.len()).sum();
        assert_eq!(seen.values().sum::<usize>(), total, "every indicator in one pillar");
        assert_eq!(place_in_pillar(&r, &pages, 0), None);
        assert_eq!(place_in_pillar(&r, &pages, pages.len() + 1), None);
    }

    #[test]
    fn the_next_unanswered_page_goes_round() {
        let pages: Vec<(String, Vec<String>)> =
            (1..=4).map(|i| (format!("O{i}"), vec![format!("O{i}.a"), format!("O{i}.b")])).collect();
        let left = |codes: &'static [&'static str]| move |c: &str| !codes.contains(&c);
        assert_eq!(next_unanswered(&pages, 1, left(&["O3.b"])), Some((3, "O3.b".into())));
        assert_eq!(next_unanswered(&pages, 3, left(&["O1.b", "O3.a"])), Some((1, "O1.b".into())), "round to the start");
        assert_eq!(next_unanswered(&pages, 2, left(&["O2.a"])), None, "only the page shown is left");
        assert_eq!(next_unanswered(&pages, 2, left(&[])), None);
        assert_eq!(next_unanswered(&[], 1, left(&["x"])), None);
        assert_eq!(first_unanswered(&pages, left(&["O2.b", "O4.a"])), Some((2, "O2.b".into())));
        assert_eq!(first_unanswered(&pages, left(&[])), None);
    }

    #[test]
    fn assignments_select_whole_branches_or_single_indicators() {
        let r = generate("t", 16, 2, None);
        let all = campaign_indicators(&r, &[], OrganisationType::Other);
        assert_eq!(assigned_indicators(&r, &all, &[]).len(), all.len(), "nothing assigned: everything");
        let pillar = assigned_indicators(&r, &all, &["P2".into()]);
        assert!(!pillar.is_empty() && pillar.iter().all(|n| n.code.starts_with("P2.")));
        let single = all[0].code.clone();
        let mixed = assigned_indicators(&r, &all, &["P2".into(), single.clone()]);
        assert_eq!(mixed.len(), pillar.len() + 1);
        assert!(assigned_indicators(&r, &all, &["ZZ".into()]).is_empty());
    }

    #[test]
    fn answers_are_read_per_answer_type() {
        let mut r = generate("t", 4, 1, None);
        let level = r.indicators().next().unwrap().clone();
        assert_eq!(AnswerValue::parse(&level, &r, " 3 ").unwrap(), Some(AnswerValue::Level(3)));
        assert_eq!(AnswerValue::parse(&level, &r, "").unwrap(), None);
        assert_eq!(AnswerValue::parse(&level, &r, "na").unwrap(), Some(AnswerValue::NotApplicable));
        assert_eq!(AnswerValue::parse(&level, &r, "unknown").unwrap(), Some(AnswerValue::Unknown));
        assert_eq!(AnswerValue::parse(&level, &r, "9").unwrap_err().key, "error.answer.level");
        let mut number = level.clone();
        number.answer = AnswerType::Number;
        number.min = Some(0);
        number.max = Some(1000);
        assert_eq!(AnswerValue::parse(&number, &r, "1 2,5").unwrap(), Some(AnswerValue::Number(12.5)));
        assert_eq!(AnswerValue::parse(&number, &r, "1001").unwrap_err().key, "error.answer.number_bounds");
        assert_eq!(AnswerValue::parse(&number, &r, "douze").unwrap_err().key, "error.answer.number");
        let mut yes_no = level.clone();
        yes_no.answer = AnswerType::YesNo;
        assert_eq!(AnswerValue::parse(&yes_no, &r, "no").unwrap(), Some(AnswerValue::YesNo(false)));
        r.scale.unknown = false;
        assert!(AnswerValue::parse(&level, &r, "unknown").is_err(), "only when the scale offers it");
        assert_eq!(AnswerValue::Number(12.5).form_value(), "12,5");
        assert_eq!(AnswerValue::Number(40.0).form_value(), "40");
    }
}
