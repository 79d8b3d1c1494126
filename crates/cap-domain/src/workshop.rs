//! Workshops: a live collective rating session in one room. Phones join with a short code,
//! vote on one indicator at a time, and the facilitator records the level the group agrees on.

use crate::ValidationError;
use crate::campaign::AnswerValue;

/// Letters and digits that cannot be mistaken for one another when read from a projector.
pub const CODE_ALPHABET: &[u8] = b"ACDEFHJKMNPRTUVWXY34679";
/// Length of a join code.
pub const CODE_LENGTH: usize = 6;

/// A join code from `entropy` (one byte per character), in the unambiguous alphabet.
pub fn join_code(entropy: &[u8; CODE_LENGTH]) -> String {
    entropy.iter().map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char).collect()
}

/// Length of a seat code: a phone shows it when it joins, and types it again to come back as
/// the same participant (with its votes) after losing its browser's memory.
pub const SEAT_LENGTH: usize = 3;

/// A seat code from `entropy`, in the unambiguous alphabet.
pub fn seat_code(entropy: &[u8; SEAT_LENGTH]) -> String {
    entropy.iter().map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char).collect()
}

/// Reads a seat code typed on a phone: case and spaces do not matter.
pub fn normalise_seat(typed: &str) -> Result<String, ValidationError> {
    let seat: String = typed.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    if seat.len() == SEAT_LENGTH && seat.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
        Ok(seat)
    } else {
        Err(ValidationError::new("error.workshop.seat"))
    }
}

/// Whether two first names typed on phones are the same name (case, accents' case and spaces
/// around do not matter).
pub fn same_first_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Reads a code typed on a phone: case and spaces do not matter.
pub fn normalise_code(typed: &str) -> Result<String, ValidationError> {
    let code: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_uppercase();
    if code.len() == CODE_LENGTH && code.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
        Ok(code)
    } else {
        Err(ValidationError::new("error.workshop.code"))
    }
}

/// A participant's first name as typed on a phone: trimmed, 1 to 40 characters.
pub fn first_name(typed: &str) -> Result<String, ValidationError> {
    let name = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    match name.chars().count() {
        0 => Err(ValidationError::new("error.workshop.first_name")),
        1..=40 => Ok(name),
        _ => Err(ValidationError::new("error.display_name.length")),
    }
}

/// Reads a vote: a level of the scale, « non concerné » or « je ne sais pas ».
pub fn parse_vote(raw: &str, levels: &[i64]) -> Result<AnswerValue, ValidationError> {
    match raw.trim() {
        "na" => Ok(AnswerValue::NotApplicable),
        "unknown" => Ok(AnswerValue::Unknown),
        other => other
            .parse::<i64>()
            .ok()
            .filter(|l| levels.contains(l))
            .map(AnswerValue::Level)
            .ok_or(ValidationError::new("error.answer.level")),
    }
}

/// The position after `from` among `count` indicators, moving by `step` (-1 back, +1 on),
/// staying within the list.
pub fn move_position(from: usize, step: i64, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    (from as i64 + step).clamp(0, count as i64 - 1) as usize
}

/// Where a participant stands in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Waiting for the facilitator to let them vote.
    Waiting,
    /// In the room: awaited on every indicator.
    Present,
    /// Gone for now (a break, a meeting): not awaited, but what they voted still counts.
    Absent,
    /// Taken out by the facilitator (a duplicate, someone who should not be there): their votes
    /// no longer count.
    Removed,
}

impl Presence {
    /// From the stored flags: removal wins; a phone never admitted is waiting whatever else.
    pub fn of(admitted: bool, absent: bool, removed: bool) -> Self {
        match (removed, admitted, absent) {
            (true, _, _) => Self::Removed,
            (false, false, _) => Self::Waiting,
            (false, true, true) => Self::Absent,
            (false, true, false) => Self::Present,
        }
    }

    /// Whether a vote cast by this participant counts.
    pub fn vote_counts(self) -> bool {
        matches!(self, Self::Present | Self::Absent)
    }
}

/// The room's counts on one indicator, the same everywhere (the console's heading, « N sur M »,
/// the revealed distribution and the level recorded from it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Headcount {
    /// Participants in the room now.
    pub present: usize,
    /// Participants whose vote is awaited or kept: those present, and those absent who voted.
    pub expected: usize,
    /// Of those, how many voted.
    pub voted: usize,
}

/// What the wall shows of the room on the indicator in front of it, sent with each vote so the
/// projector redraws « N votes sur M » and, once revealed, the distribution, without reading
/// anything again.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RoomCount {
    /// Participants whose vote is awaited or kept.
    pub expected: usize,
    /// Of those, how many voted.
    pub voted: usize,
    /// Whether the distribution is shown.
    pub revealed: bool,
    /// Everyone's votes.
    pub all: crate::consolidation::Tally,
    /// By collège, when the workshop shows them (small ones merged).
    pub groups: Vec<(crate::consolidation::Group, crate::consolidation::Tally)>,
}

/// Counts the room on one indicator from each participant's presence and whether they voted on
/// it. A participant counts once whatever the number of phones they used: votes are per
/// participant, so `voted` can never exceed `expected`.
pub fn headcount(room: impl IntoIterator<Item = (Presence, bool)>) -> Headcount {
    let mut count = Headcount::default();
    for (presence, voted) in room {
        let present = presence == Presence::Present;
        count.present += usize::from(present);
        if present || (presence == Presence::Absent && voted) {
            count.expected += 1;
            count.voted += usize::from(voted);
        }
    }
    count
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_seat_code_is_read_back_as_typed_on_a_phone() {
        let seat = seat_code(&[0, 5, 200]);
        assert_eq!(seat.len(), SEAT_LENGTH);
        assert_eq!(normalise_seat(&format!(" {} ", seat.to_lowercase())), Ok(seat));
        assert!(normalise_seat("AB").is_err() && normalise_seat("B0O").is_err(), "ambiguous letters refused");
        assert!(same_first_name(" Élodie", "élodie") && !same_first_name("Lou", "Louise"));
    }

    use super::*;

    #[test]
    fn presence_follows_the_facilitator_s_marks() {
        assert_eq!(Presence::of(true, false, false), Presence::Present);
        assert_eq!(Presence::of(false, false, false), Presence::Waiting);
        assert_eq!(Presence::of(true, true, false), Presence::Absent);
        assert_eq!(Presence::of(false, true, false), Presence::Waiting);
        assert_eq!(Presence::of(true, true, true), Presence::Removed);
        assert_eq!(Presence::of(true, false, true), Presence::Removed);
        assert!(Presence::Present.vote_counts() && Presence::Absent.vote_counts());
        assert!(!Presence::Waiting.vote_counts() && !Presence::Removed.vote_counts());
    }

    #[test]
    fn the_room_counts_each_participant_once_and_keeps_the_absent_s_votes() {
        use Presence::*;
        // Eight present, six voted: « 6 sur 8 ».
        let mut room: Vec<(Presence, bool)> = (0..8).map(|i| (Present, i < 6)).collect();
        assert_eq!(headcount(room.clone()), Headcount { present: 8, expected: 8, voted: 6 });
        // One who voted leaves for a meeting: her vote stays, she is still counted on this one.
        room[0].0 = Absent;
        assert_eq!(headcount(room.clone()), Headcount { present: 7, expected: 8, voted: 6 });
        // One who had not voted leaves: no longer awaited.
        room[7].0 = Absent;
        assert_eq!(headcount(room.clone()), Headcount { present: 6, expected: 7, voted: 6 });
        // A duplicate is removed: neither awaited nor counted, even though it voted.
        room[1].0 = Removed;
        assert_eq!(headcount(room.clone()), Headcount { present: 5, expected: 6, voted: 5 });
        // A phone waiting for admission is not counted yet.
        room.push((Waiting, false));
        assert_eq!(headcount(room.clone()), Headcount { present: 5, expected: 6, voted: 5 });
        assert_eq!(headcount(Vec::new()), Headcount::default());
    }

    #[test]
    fn codes_are_unambiguous_and_forgiving() {
        let code = join_code(&[0, 1, 2, 200, 254, 255]);
        assert_eq!(code.len(), CODE_LENGTH);
        assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        assert!(!code.contains('0') && !code.contains('O') && !code.contains('1') && !code.contains('I'));
        assert_eq!(normalise_code(&format!(" {} ", code.to_lowercase())).unwrap(), code);
        assert_eq!(normalise_code("ACD-EFH").unwrap(), "ACDEFH");
        for bad in ["", "ACDEF", "ACDEFHJ", "ACDEF0"] {
            assert_eq!(normalise_code(bad).unwrap_err().key, "error.workshop.code", "{bad}");
        }
    }

    #[test]
    fn votes_and_names() {
        assert_eq!(parse_vote("3", &[1, 2, 3, 4]).unwrap(), AnswerValue::Level(3));
        assert_eq!(parse_vote("na", &[1, 2]).unwrap(), AnswerValue::NotApplicable);
        assert_eq!(parse_vote("unknown", &[1, 2]).unwrap(), AnswerValue::Unknown);
        assert!(parse_vote("7", &[1, 2, 3, 4]).is_err());
        assert_eq!(first_name("  Jean   Pierre ").unwrap(), "Jean Pierre");
        assert!(first_name(" ").is_err() && first_name(&"a".repeat(41)).is_err());
    }

    #[test]
    fn moving_stays_within_the_list() {
        assert_eq!(move_position(0, -1, 5), 0);
        assert_eq!(move_position(2, 1, 5), 3);
        assert_eq!(move_position(4, 1, 5), 4);
        assert_eq!(move_position(3, 1, 0), 0);
    }

    #[test]
    fn a_room_count_travels_as_json_well_under_a_notification() {
        use crate::College;
        use crate::consolidation::{Group, Tally};
        let tally = Tally { levels: (0..6).map(|l| (l, 100)).collect(), not_applicable: 3, unknown: 2, missing: 40 };
        let mut groups: Vec<(Group, Tally)> =
            College::ALL.iter().map(|c| (Group::College(*c), tally.clone())).collect();
        groups.push((Group::Others, tally.clone()));
        let count = RoomCount { expected: 700, voted: 660, revealed: true, all: tally, groups };
        let json = serde_json::to_string(&count).unwrap();
        // PostgreSQL carries a notification of at most 8000 bytes between instances.
        assert!(json.len() < 4000, "{} bytes", json.len());
        assert_eq!(serde_json::from_str::<RoomCount>(&json).unwrap(), count);
    }
}
