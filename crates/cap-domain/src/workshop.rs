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
}
