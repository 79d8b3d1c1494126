//! The accompaniment day: about a month after the first meeting, the tiers (the regional
//! delegation) works through the self-assessment and the plan with the organisation. It is planned
//! ahead, held, then concluded: the decision (the plan carried out alone, or a further
//! accompaniment through named offers of services), the plan's horizon and its mid-term checkpoint.

use crate::ValidationError;
use crate::validation::parse_date;
use jiff::civil::Date;

/// What the accompaniment day decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The organisation carries out its plan on its own.
    Alone,
    /// A further accompaniment is agreed, through offers of services.
    FurtherAccompaniment,
}

impl Decision {
    /// Both decisions.
    pub const ALL: [Decision; 2] = [Self::Alone, Self::FurtherAccompaniment];

    /// The code stored and sent by forms.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Alone => "alone",
            Self::FurtherAccompaniment => "further",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }

    /// Message key of the decision.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Alone => "accompaniment.decision.alone",
            Self::FurtherAccompaniment => "accompaniment.decision.further",
        }
    }
}

/// The longest text of a field (attendees, place).
const MAX_SHORT: usize = 2000;
/// The longest conclusions.
const MAX_CONCLUSIONS: usize = 8000;
/// The plan's horizon proposed by default, in months after the day (the federation says 6 to 8).
pub const DEFAULT_HORIZON_MONTHS: i8 = 7;

/// The accompaniment day as typed, checked together. It is planned first (about a month after
/// the first meeting: when, where, who, which pillars), then concluded once held: what was said,
/// the decision, the plan's horizon and the mid-term checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayInput {
    /// When it takes or took place.
    pub held_on: Date,
    /// Where.
    pub place: String,
    /// Who takes or took part.
    pub attendees: String,
    /// The pillars it works on (codes; empty: the whole campaign).
    pub pillars: Vec<String>,
    /// Once held, what it concluded.
    pub conclusion: Option<Conclusion>,
}

/// What a held day concluded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conclusion {
    /// What was concluded, in words.
    pub conclusions: String,
    /// The decision.
    pub decision: Decision,
    /// Offers of services agreed (codes), for a further accompaniment.
    pub offers: Vec<String>,
    /// By when the plan should be carried out.
    pub horizon_on: Date,
    /// The mid-term checkpoint.
    pub checkpoint_on: Date,
}

/// The fields of the day's form, as typed.
#[derive(Debug, Clone, Default)]
pub struct DayForm<'a> {
    /// Date.
    pub held_on: &'a str,
    /// Place.
    pub place: &'a str,
    /// Attendees.
    pub attendees: &'a str,
    /// Pillar codes ticked.
    pub pillars: &'a [String],
    /// Conclusions.
    pub conclusions: &'a str,
    /// Decision code.
    pub decision: &'a str,
    /// Offer codes ticked.
    pub offers: &'a [String],
    /// The plan's horizon.
    pub horizon_on: &'a str,
    /// The mid-term checkpoint.
    pub checkpoint_on: &'a str,
}

/// The plan's horizon proposed for a day held on `held_on`.
pub fn default_horizon(held_on: Date) -> Date {
    held_on.checked_add(jiff::Span::new().months(DEFAULT_HORIZON_MONTHS)).unwrap_or(held_on)
}

/// The mid-term checkpoint proposed between a day and the plan's horizon.
pub fn default_checkpoint(held_on: Date, horizon_on: Date) -> Date {
    let days = held_on.until(horizon_on).map_or(0, |span| span.get_days());
    held_on.checked_add(jiff::Span::new().days(i64::from(days / 2))).unwrap_or(held_on)
}

fn text(raw: &str, max: usize, field: &'static str, problems: &mut Vec<(&'static str, ValidationError)>) -> String {
    let trimmed = raw.trim();
    if trimmed.chars().count() > max {
        problems.push((field, ValidationError::new("error.action.too_long")));
    }
    trimmed.to_owned()
}

fn codes(raw: &[String]) -> Vec<String> {
    let mut out: Vec<String> = raw.iter().map(|o| o.trim().to_owned()).filter(|o| !o.is_empty()).collect();
    out.sort();
    out.dedup();
    out
}

impl DayInput {
    /// Checks the form. `conclude` says the day was held and is being concluded: then the
    /// attendees, the conclusions, the decision (with its offers for a further accompaniment),
    /// the horizon and the checkpoint are required, and the day may not be in the future of
    /// `today`. Planning needs only a date.
    pub fn parse(
        form: &DayForm<'_>,
        conclude: bool,
        today: Date,
    ) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let held_on = parse_date(form.held_on);
        match held_on {
            None => problems.push(("held_on", ValidationError::new("error.date.invalid"))),
            Some(d) if conclude && d > today => {
                problems.push(("held_on", ValidationError::new("error.accompaniment.not_held_yet")));
            }
            Some(_) => {}
        }
        let place = text(form.place, MAX_SHORT, "place", &mut problems);
        let attendees = text(form.attendees, MAX_SHORT, "attendees", &mut problems);
        let pillars = codes(form.pillars);
        let conclusion = if conclude {
            if attendees.is_empty() {
                problems.push(("attendees", ValidationError::new("error.accompaniment.attendees")));
            }
            Self::conclusion(form, held_on, &mut problems)
        } else {
            None
        };
        match held_on {
            Some(held_on) if problems.is_empty() => Ok(Self { held_on, place, attendees, pillars, conclusion }),
            _ => Err(problems),
        }
    }

    fn conclusion(
        form: &DayForm<'_>,
        held_on: Option<Date>,
        problems: &mut Vec<(&'static str, ValidationError)>,
    ) -> Option<Conclusion> {
        let conclusions = text(form.conclusions, MAX_CONCLUSIONS, "conclusions", problems);
        if conclusions.is_empty() {
            problems.push(("conclusions", ValidationError::new("error.accompaniment.conclusions")));
        }
        let decision = Decision::from_code(form.decision.trim());
        if decision.is_none() {
            problems.push(("decision", ValidationError::new("error.accompaniment.decision")));
        }
        let offers = codes(form.offers);
        if decision == Some(Decision::FurtherAccompaniment) && offers.is_empty() {
            problems.push(("offers", ValidationError::new("error.accompaniment.offers")));
        }
        let horizon_on = parse_date(form.horizon_on);
        match (horizon_on, held_on) {
            (None, _) => problems.push(("horizon_on", ValidationError::new("error.date.invalid"))),
            (Some(h), Some(d)) if h <= d => {
                problems.push(("horizon_on", ValidationError::new("error.accompaniment.horizon_before_day")));
            }
            _ => {}
        }
        let checkpoint_on = parse_date(form.checkpoint_on);
        match (checkpoint_on, held_on, horizon_on) {
            (None, _, _) => problems.push(("checkpoint_on", ValidationError::new("error.date.invalid"))),
            (Some(c), Some(d), Some(h)) if c <= d || c >= h => {
                problems.push(("checkpoint_on", ValidationError::new("error.accompaniment.checkpoint_between")));
            }
            _ => {}
        }
        Some(Conclusion {
            conclusions,
            offers: if decision == Some(Decision::Alone) { Vec::new() } else { offers },
            decision: decision?,
            horizon_on: horizon_on?,
            checkpoint_on: checkpoint_on?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = jiff::civil::date(2027, 3, 1);

    fn form<'a>(held_on: &'a str, decision: &'a str, offers: &'a [String]) -> DayForm<'a> {
        DayForm {
            held_on,
            place: "Salle des fêtes, Lille",
            attendees: "Sophie, Karim",
            pillars: &[],
            conclusions: "Plan réaliste",
            decision,
            offers,
            horizon_on: "2027-09-10",
            checkpoint_on: "2027-06-10",
        }
    }

    #[test]
    fn a_day_is_planned_with_a_date_alone() {
        let ahead = DayForm {
            held_on: "10/04/2027",
            pillars: &["SR".into(), "GOUV".into(), "SR".into()],
            ..DayForm::default()
        };
        let planned = DayInput::parse(&ahead, false, TODAY).unwrap();
        assert_eq!(
            (planned.held_on, planned.conclusion, planned.pillars),
            (jiff::civil::date(2027, 4, 10), None, vec!["GOUV".into(), "SR".into()])
        );
        let errors =
            DayInput::parse(&DayForm { held_on: "31/02/2027", ..DayForm::default() }, false, TODAY).unwrap_err();
        assert_eq!(errors, vec![("held_on", ValidationError::new("error.date.invalid"))]);
    }

    #[test]
    fn a_day_is_concluded_whole_once_held() {
        let ok = DayInput::parse(&form("2027-02-10", "alone", &["F1".into()]), true, TODAY).unwrap();
        let c = ok.conclusion.unwrap();
        assert_eq!((c.decision, c.offers.len()), (Decision::Alone, 0), "offers only go with a further accompaniment");
        let offers = ["F2".to_owned(), "F1".to_owned(), "F2".to_owned()];
        let further = DayInput::parse(&form("10/02/2027", "further", &offers), true, TODAY).unwrap();
        assert_eq!(further.conclusion.unwrap().offers, vec!["F1", "F2"]);
        let blank = DayForm { held_on: "2027-02-10", attendees: " ", decision: "peut-être", ..DayForm::default() };
        let fields: Vec<&str> = DayInput::parse(&blank, true, TODAY).unwrap_err().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec!["attendees", "conclusions", "decision", "horizon_on", "checkpoint_on"]);
        let no_offer = DayInput::parse(&form("2027-02-10", "further", &[]), true, TODAY).unwrap_err();
        assert_eq!(no_offer[0], ("offers", ValidationError::new("error.accompaniment.offers")));
        let ahead = DayInput::parse(&form("2027-04-10", "alone", &[]), true, TODAY).unwrap_err();
        assert_eq!(ahead[0], ("held_on", ValidationError::new("error.accompaniment.not_held_yet")));
    }

    #[test]
    fn a_member_is_offered_the_nations_offers_and_its_regions() {
        use crate::referential::{OfferKind, ServiceOffer};
        let offer = |region: Option<&str>| ServiceOffer {
            code: "F-SECU".into(),
            kind: OfferKind::Formation,
            title: "Sécurité sur les chantiers".into(),
            title_en: None,
            description: String::new(),
            contact: None,
            region: region.map(str::to_owned),
        };
        assert!(offer(None).offered_in("HDF"), "national");
        assert!(offer(Some("HDF")).offered_in("HDF"), "the member's region");
        assert!(!offer(Some("ARA")).offered_in("HDF"), "another region's");
    }

    #[test]
    fn the_horizon_and_the_checkpoint_follow_the_day() {
        let mut late = form("2027-02-10", "alone", &[]);
        late.horizon_on = "2027-01-01";
        let errors = DayInput::parse(&late, true, TODAY).unwrap_err();
        assert_eq!(errors[0], ("horizon_on", ValidationError::new("error.accompaniment.horizon_before_day")));
        let mut outside = form("2027-02-10", "alone", &[]);
        outside.checkpoint_on = "2027-10-01";
        let errors = DayInput::parse(&outside, true, TODAY).unwrap_err();
        assert_eq!(errors[0], ("checkpoint_on", ValidationError::new("error.accompaniment.checkpoint_between")));
        let day = jiff::civil::date(2027, 2, 10);
        let horizon = default_horizon(day);
        assert_eq!(horizon, jiff::civil::date(2027, 9, 10), "seven months: within the federation's 6 to 8");
        let checkpoint = default_checkpoint(day, horizon);
        assert!(checkpoint > day && checkpoint < horizon);
        assert_eq!(checkpoint, jiff::civil::date(2027, 5, 27), "halfway");
    }
}
