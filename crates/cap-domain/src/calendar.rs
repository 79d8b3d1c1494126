//! Calendar dates as people type and read them: the names of the months in French and English,
//! and a reader that accepts the usual ways of writing a date (`10/12/2026`, `10-12-2026`,
//! `10.12.2026`, `10/12/26`, `2026-12-10`, `10 décembre 2026`, `1er décembre 2026`,
//! `December 10, 2026`).

use jiff::civil::Date;

/// The months in French, January first, as written inside a sentence (« 10 décembre 2026 »).
pub const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The months in French, shortened as the typographic usage does (« déc. 2026 »).
pub const FRENCH_MONTHS_SHORT: [&str; 12] =
    ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

/// The months in English, January first.
pub const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The months in English, shortened (« Dec 2026 »).
pub const ENGLISH_MONTHS_SHORT: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Days of the week from Monday, in French then in English, as they may precede a date
/// (« mardi 10 décembre 2026 ») and as dates are written with them.
pub const WEEKDAYS: [&str; 14] = [
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Reads a calendar date as people type it, or `None` when the text is no real date.
///
/// Accepted: day, month and year in figures separated by `/`, `-`, `.` or spaces (`10/12/2026`,
/// `10-12-2026`, `10.12.2026`, `10 12 2026`), the year on two figures meaning 20xx (`10/12/26`);
/// the ISO form year first (`2026-12-10`, what date fields send); the month in words, French or
/// English, whole or shortened, with or without accents and capitals (`10 décembre 2026`,
/// `10 DECEMBRE 2026`, `10 déc. 2026`, `1er décembre 2026`, `December 10, 2026`, `10th Dec 2026`),
/// after an optional day of the week or « le ». A date that does not exist (`31/02/2027`) is refused.
pub fn parse_date(raw: &str) -> Option<Date> {
    let folded = fold(raw);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '.' | ','))
        .filter(|w| !w.is_empty())
        .collect();
    let words: Vec<&str> = match words.as_slice() {
        [first, rest @ ..] if *first == "le" || *first == "the" || WEEKDAYS.contains(first) => match rest {
            [second, tail @ ..] if *second == "le" || *second == "the" => tail.to_vec(),
            _ => rest.to_vec(),
        },
        _ => words,
    };
    let [a, b, c] = words.as_slice() else { return None };
    if a.bytes().all(|x| x.is_ascii_digit()) && a.len() == 4 {
        // Year first: the ISO form.
        return build(year(a)?, number(b)?, day(c)?);
    }
    if let Some(m) = month_named(b) {
        return build(year(c)?, m, day(a)?);
    }
    if let Some(m) = month_named(a) {
        return build(year(c)?, m, day(b)?);
    }
    build(year(c)?, number(b)?, day(a)?)
}

fn build(year: i16, month: i8, day: i8) -> Option<Date> {
    Date::new(year, month, day).ok()
}

/// Lower case, without accents, so « Décembre », « DECEMBRE » and « decembre » read alike.
fn fold(raw: &str) -> String {
    raw.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '\u{a0}' | '\u{202f}' => ' ',
            other => other,
        })
        .collect()
}

/// One or two figures.
fn number(word: &str) -> Option<i8> {
    if word.is_empty() || word.len() > 2 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

/// A day of the month: figures, with the ordinal mark people add (`1er`, `1st`, `2nd`, `10th`).
fn day(word: &str) -> Option<i8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let mark = &word[digits.len()..];
    if !matches!(mark, "" | "er" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    number(digits)
}

/// Four figures, or two meaning this century (`26` is 2026).
fn year(word: &str) -> Option<i16> {
    if !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match word.len() {
        2 => word.parse::<i16>().ok().map(|y| 2000 + y),
        4 => word.parse::<i16>().ok().filter(|y| *y >= 1900),
        _ => None,
    }
}

/// A month in words, French or English, whole or shortened to at least three letters, when the
/// letters name one month only (`jui` could be June or July and is refused).
fn month_named(word: &str) -> Option<i8> {
    if word.len() < 3 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut found = None;
    for names in [FRENCH_MONTHS, ENGLISH_MONTHS] {
        for (i, name) in names.iter().enumerate() {
            if fold(name).starts_with(word) {
                let m = i as i8 + 1;
                if found.is_some_and(|f| f != m) {
                    return None;
                }
                found = Some(m);
            }
        }
    }
    found
}

/// A time of day as stored and shown: `09:30`.
pub fn hhmm(t: jiff::civil::Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Reads a time of day as people type it, or `None`: `9h30`, `9 h 30`, `09:30`, `9.30`, `9h`,
/// `9`, `14H05`, `930`, `1430`.
pub fn parse_time(raw: &str) -> Option<jiff::civil::Time> {
    let folded: String = raw.trim().to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    let (hours, minutes) = match folded.find(['h', ':', '.']) {
        Some(at) => (&folded[..at], &folded[at + 1..]),
        None if folded.len() > 2 => folded.split_at(folded.len() - 2),
        None => (folded.as_str(), ""),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(hours) || !(minutes.is_empty() || digits(minutes) && minutes.len() == 2) {
        return None;
    }
    let h: i8 = hours.parse().ok()?;
    let m: i8 = if minutes.is_empty() { 0 } else { minutes.parse().ok()? };
    jiff::civil::Time::new(h, m, 0, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Option<Date> {
        Some(Date::new(y, m, day).unwrap())
    }

    #[test]
    fn times_as_people_type_them() {
        let t = |h, m| Some(jiff::civil::Time::new(h, m, 0, 0).unwrap());
        for (typed, want) in [
            ("9h30", t(9, 30)),
            ("9 h 30", t(9, 30)),
            ("09:30", t(9, 30)),
            ("9.30", t(9, 30)),
            ("9h", t(9, 0)),
            ("9", t(9, 0)),
            ("14H05", t(14, 5)),
            ("930", t(9, 30)),
            ("1430", t(14, 30)),
            ("0:00", t(0, 0)),
        ] {
            assert_eq!(parse_time(typed), want, "{typed:?}");
        }
        for bad in ["", "25h", "9h75", "9h5", "midi", "12:30:00", "-1", "123456"] {
            assert_eq!(parse_time(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn figures_with_any_usual_separator() {
        for typed in [
            "10/12/2026",
            "10-12-2026",
            "10.12.2026",
            "10 12 2026",
            " 10/12/2026 ",
            "10 / 12 / 2026",
            "10/12/26",
            "10.12.26",
            "2026-12-10",
            "2026/12/10",
        ] {
            assert_eq!(parse_date(typed), d(2026, 12, 10), "{typed:?}");
        }
        assert_eq!(parse_date("1/2/2027"), d(2027, 2, 1), "single figures");
        assert_eq!(parse_date("01/02/2027"), d(2027, 2, 1));
        assert_eq!(parse_date("05/03/27"), d(2027, 3, 5));
        assert_eq!(parse_date("29/02/2028"), d(2028, 2, 29), "a leap day");
    }

    #[test]
    fn months_in_words() {
        for typed in [
            "10 décembre 2026",
            "10 Décembre 2026",
            "10 DÉCEMBRE 2026",
            "10 decembre 2026",
            "10 DECEMBRE 2026",
            "10 déc. 2026",
            "10 dec 2026",
            "10 December 2026",
            "December 10, 2026",
            "Dec 10 2026",
            "10th December 2026",
            "le 10 décembre 2026",
            "jeudi 10 décembre 2026",
            "Jeudi 10 décembre 26",
            "10\u{a0}décembre\u{a0}2026",
            "10-déc-2026",
        ] {
            assert_eq!(parse_date(typed), d(2026, 12, 10), "{typed:?}");
        }
        assert_eq!(parse_date("1er décembre 2026"), d(2026, 12, 1));
        assert_eq!(parse_date("1ER DECEMBRE 2026"), d(2026, 12, 1));
        assert_eq!(parse_date("1st December 2026"), d(2026, 12, 1));
        assert_eq!(parse_date("2nd May 2027"), d(2027, 5, 2));
        assert_eq!(parse_date("3rd mai 2027"), d(2027, 5, 3));
        assert_eq!(parse_date("15 août 2027"), d(2027, 8, 15));
        assert_eq!(parse_date("15 aout 2027"), d(2027, 8, 15));
        assert_eq!(parse_date("6 février 2027"), d(2027, 2, 6));
        assert_eq!(parse_date("6 fevr. 2027"), d(2027, 2, 6));
        assert_eq!(parse_date("6 juil. 2027"), d(2027, 7, 6));
        assert_eq!(parse_date("6 juin 2027"), d(2027, 6, 6));
        assert_eq!(parse_date("6 sept 2027"), d(2027, 9, 6));
        assert_eq!(parse_date("6 mars 2027"), d(2027, 3, 6), "mars and March agree");
    }

    #[test]
    fn every_month_name_reads_back() {
        for (i, names) in FRENCH_MONTHS.iter().zip(ENGLISH_MONTHS).enumerate() {
            let m = i as i8 + 1;
            assert_eq!(parse_date(&format!("3 {} 2027", names.0)), d(2027, m, 3), "{}", names.0);
            assert_eq!(parse_date(&format!("3 {} 2027", names.1)), d(2027, m, 3), "{}", names.1);
            assert_eq!(parse_date(&format!("3 {} 2027", FRENCH_MONTHS_SHORT[i])), d(2027, m, 3));
            assert_eq!(parse_date(&format!("3 {} 2027", ENGLISH_MONTHS_SHORT[i])), d(2027, m, 3));
        }
    }

    #[test]
    fn what_is_no_real_date_is_refused() {
        for typed in [
            "",
            " ",
            "demain",
            "31/02/2027",
            "29/02/2027",
            "32/01/2027",
            "00/01/2027",
            "10/13/2026",
            "10/00/2026",
            "2027-13-01",
            "2027-02-30",
            "05/03",
            "10 décembre",
            "décembre 2026",
            "10/12/2026/1",
            "10/12/026",
            "10/12/20266",
            "100/12/2026",
            "10/12/0026",
            "2026-12-10T10:00",
            "10 jui 2026",
            "10 ju 2026",
            "10 dé 2026",
            "10 décembres 2026",
            "10 truc 2026",
            "1ere décembre 2026",
            "10x décembre 2026",
            "+10/12/2026",
            "10//2026",
            "dix décembre 2026",
            "1er",
            "mardi",
            "le",
        ] {
            assert_eq!(parse_date(typed), None, "{typed:?}");
        }
    }
}
