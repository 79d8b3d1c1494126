//! A service of the federation's offer, asked for by a member from its plan or its accompaniment
//! day, and followed through: asked, taken by a named person of the region or the federation,
//! scheduled on a day, delivered, or declined with a reason the member reads.

use crate::ValidationError;
use crate::validation::parse_date;

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RequestState {
    /// Asked by the member, nobody has taken it yet.
    Asked,
    /// Taken by a named person, who will agree a day with the member.
    Taken,
    /// A day is set.
    Scheduled,
    /// Delivered.
    Delivered,
    /// Declined, with a reason.
    Declined,
}

impl RequestState {
    /// Every state, in the order a request goes through them.
    pub const ALL: [RequestState; 5] = [Self::Asked, Self::Taken, Self::Scheduled, Self::Delivered, Self::Declined];

    /// The stored code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Asked => "asked",
            Self::Taken => "taken",
            Self::Scheduled => "scheduled",
            Self::Delivered => "delivered",
            Self::Declined => "declined",
        }
    }

    /// From a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Message key of the state.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Asked => "service.state.asked",
            Self::Taken => "service.state.taken",
            Self::Scheduled => "service.state.scheduled",
            Self::Delivered => "service.state.delivered",
            Self::Declined => "service.state.declined",
        }
    }

    /// Whether the request is still to be answered or delivered.
    pub const fn is_open(self) -> bool {
        !matches!(self, Self::Delivered | Self::Declined)
    }
}

/// Where a request comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// An action of the progress plan linked to the offer.
    Plan,
    /// The accompaniment day's decision.
    Accompaniment,
}

impl Origin {
    /// The stored code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Plan => "plan",
            Self::Accompaniment => "accompaniment",
        }
    }

    /// From a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Plan, Self::Accompaniment].into_iter().find(|o| o.code() == code)
    }
}

/// A move of a request, as asked by the person following it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    /// I take it.
    Take,
    /// It is scheduled on this day (YYYY-MM-DD).
    Schedule(String),
    /// It was delivered on this day.
    Deliver(String),
    /// It is declined, for this reason.
    Decline(String),
}

/// The longest reason for declining.
pub const MAX_REASON: usize = 1000;

impl Move {
    /// Reads a move from a form: `take`, `schedule` (with `day`), `deliver` (with `day`),
    /// `decline` (with `reason`); each problem beside its field.
    pub fn parse(kind: &str, day: &str, reason: &str) -> Result<Self, (&'static str, ValidationError)> {
        let day = || parse_date(day).map(|d| d.to_string()).ok_or(("day", ValidationError::new("error.date.invalid")));
        match kind {
            "take" => Ok(Self::Take),
            "schedule" => Ok(Self::Schedule(day()?)),
            "deliver" => Ok(Self::Deliver(day()?)),
            "decline" => {
                let reason = reason.trim();
                if reason.is_empty() || reason.chars().count() > MAX_REASON {
                    Err(("reason", ValidationError::new("error.service.reason")))
                } else {
                    Ok(Self::Decline(reason.to_owned()))
                }
            }
            _ => Err(("move", ValidationError::new("error.select.invalid"))),
        }
    }

    /// The state this move leads to from `from`, or why it cannot be made: a request is taken
    /// before it is scheduled, delivered once scheduled, and declined only while it is open.
    pub fn from(&self, from: RequestState) -> Result<RequestState, ValidationError> {
        use RequestState::*;
        let to = match (self, from) {
            (Self::Take, Asked) => Taken,
            (Self::Schedule(_), Taken | Scheduled) => Scheduled,
            (Self::Deliver(_), Scheduled) => Delivered,
            (Self::Decline(_), s) if s.is_open() => Declined,
            _ => return Err(ValidationError::new("error.service.move")),
        };
        Ok(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RequestState::*;

    #[test]
    fn a_request_goes_from_asked_to_delivered() {
        let day = |d: &str| d.to_owned();
        assert_eq!(Move::Take.from(Asked), Ok(Taken));
        assert_eq!(Move::Schedule(day("2027-02-01")).from(Taken), Ok(Scheduled));
        assert_eq!(Move::Schedule(day("2027-02-08")).from(Scheduled), Ok(Scheduled), "a day moved");
        assert_eq!(Move::Deliver(day("2027-02-08")).from(Scheduled), Ok(Delivered));
        for open in [Asked, Taken, Scheduled] {
            assert_eq!(Move::Decline("Hors de notre offre".into()).from(open), Ok(Declined));
        }
        for (m, from) in [
            (Move::Take, Taken),
            (Move::Deliver(day("2027-01-01")), Asked),
            (Move::Schedule(day("2027-01-01")), Asked),
            (Move::Decline("x".into()), Delivered),
            (Move::Take, Declined),
        ] {
            assert_eq!(m.from(from).unwrap_err().key, "error.service.move", "{m:?} from {from:?}");
        }
    }

    #[test]
    fn moves_are_read_from_forms() {
        assert_eq!(Move::parse("take", "", ""), Ok(Move::Take));
        assert_eq!(Move::parse("schedule", "01/02/2027", ""), Ok(Move::Schedule("2027-02-01".into())));
        assert_eq!(Move::parse("deliver", "demain", "").unwrap_err().0, "day");
        assert_eq!(Move::parse("decline", "", "  ").unwrap_err().1.key, "error.service.reason");
        assert_eq!(Move::parse("decline", "", " Pas dans la région "), Ok(Move::Decline("Pas dans la région".into())));
        assert_eq!(Move::parse("other", "", "").unwrap_err().0, "move");
    }

    #[test]
    fn codes_round_trip() {
        for s in RequestState::ALL {
            assert_eq!(RequestState::from_code(s.code()), Some(s));
        }
        assert_eq!(Origin::from_code("plan"), Some(Origin::Plan));
        assert_eq!(Origin::from_code(Origin::Accompaniment.code()), Some(Origin::Accompaniment));
        assert!(RequestState::Scheduled.is_open() && !RequestState::Declined.is_open());
    }
}
