//! The accompaniment day: after the self-assessment, a tiers (the regional delegation) or a pair
//! reviews it with the organisation; the day's attendees, conclusions and decision are recorded.

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

/// An accompaniment day as typed, checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayInput {
    /// When it took place.
    pub held_on: Date,
    /// Who was there.
    pub attendees: String,
    /// What was concluded.
    pub conclusions: String,
    /// The decision.
    pub decision: Decision,
    /// Offers of services agreed (required for a further accompaniment).
    pub offers: Vec<String>,
}

impl DayInput {
    /// Checks typed values; every problem comes back with its field.
    pub fn parse(
        held_on: &str,
        attendees: &str,
        conclusions: &str,
        decision: &str,
        offers: &[String],
    ) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let held_on = parse_date(held_on);
        if held_on.is_none() {
            problems.push(("held_on", ValidationError::new("error.date.invalid")));
        }
        let attendees = attendees.trim();
        if attendees.is_empty() {
            problems.push(("attendees", ValidationError::new("error.accompaniment.attendees")));
        } else if attendees.chars().count() > 2000 {
            problems.push(("attendees", ValidationError::new("error.action.too_long")));
        }
        let conclusions = conclusions.trim();
        if conclusions.is_empty() {
            problems.push(("conclusions", ValidationError::new("error.accompaniment.conclusions")));
        } else if conclusions.chars().count() > 8000 {
            problems.push(("conclusions", ValidationError::new("error.action.too_long")));
        }
        let decision = Decision::from_code(decision.trim());
        if decision.is_none() {
            problems.push(("decision", ValidationError::new("error.accompaniment.decision")));
        }
        let mut offers: Vec<String> = offers.iter().map(|o| o.trim().to_owned()).filter(|o| !o.is_empty()).collect();
        offers.sort();
        offers.dedup();
        if decision == Some(Decision::FurtherAccompaniment) && offers.is_empty() {
            problems.push(("offers", ValidationError::new("error.accompaniment.offers")));
        }
        match (held_on, decision) {
            (Some(held_on), Some(decision)) if problems.is_empty() => Ok(Self {
                held_on,
                attendees: attendees.to_owned(),
                conclusions: conclusions.to_owned(),
                decision,
                offers: if decision == Decision::Alone { Vec::new() } else { offers },
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_checked_whole() {
        let ok = DayInput::parse("2027-02-10", "Sophie, Karim", "Plan réaliste", "alone", &["F1".into()]).unwrap();
        assert_eq!((ok.decision, ok.offers.len()), (Decision::Alone, 0), "offers only go with a further accompaniment");
        let further = DayInput::parse(
            "10/02/2027",
            "Sophie",
            "À accompagner",
            "further",
            &["F2".into(), "F1".into(), "F2".into()],
        )
        .unwrap();
        assert_eq!(further.offers, vec!["F1", "F2"]);
        let errors = DayInput::parse("31/02/2027", " ", "", "peut-être", &[]).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec!["held_on", "attendees", "conclusions", "decision"]);
        let no_offer = DayInput::parse("2027-02-10", "Sophie", "Suite", "further", &[]).unwrap_err();
        assert_eq!(no_offer[0], ("offers", ValidationError::new("error.accompaniment.offers")));
    }
}
