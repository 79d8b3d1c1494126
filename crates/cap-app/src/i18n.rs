//! Words of the interface, in French first and English second.
//!
//! Catalogues are TOML files in `locales/`, embedded at compile time. The locale is decided per
//! request and carried in [`Tr`], never held globally, so concurrent requests never mix languages.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Locale {
    /// The BCP 47 code, as in `lang="fr"`.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Fr => "fr",
            Self::En => "en",
        }
    }

    /// Parses `fr` or `en`.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "fr" => Some(Self::Fr),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The other language, offered by the switch.
    pub const fn other(self) -> Self {
        match self {
            Self::Fr => Self::En,
            Self::En => Self::Fr,
        }
    }
}

type Catalogue = HashMap<String, String>;

fn flatten(prefix: &str, table: &toml::Table, out: &mut Catalogue) {
    for (key, value) in table {
        let full = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match value {
            toml::Value::Table(inner) => flatten(&full, inner, out),
            toml::Value::String(text) => {
                out.insert(full, text.clone());
            }
            other => {
                out.insert(full, other.to_string());
            }
        }
    }
}

/// Parses a catalogue's TOML text into flat dotted keys.
pub fn parse_catalogue(text: &str) -> Result<HashMap<String, String>, toml::de::Error> {
    let table: toml::Table = toml::from_str(text)?;
    let mut out = Catalogue::new();
    flatten("", &table, &mut out);
    Ok(out)
}

/// The French catalogue's source.
pub const FR_SOURCE: &str = include_str!("../locales/fr.toml");
/// The English catalogue's source.
pub const EN_SOURCE: &str = include_str!("../locales/en.toml");

fn catalogue(locale: Locale) -> &'static Catalogue {
    static FR: OnceLock<Catalogue> = OnceLock::new();
    static EN: OnceLock<Catalogue> = OnceLock::new();
    // The catalogues are checked by tests; a broken one degrades to showing keys, never a crash.
    match locale {
        Locale::Fr => FR.get_or_init(|| parse_catalogue(FR_SOURCE).unwrap_or_default()),
        Locale::En => EN.get_or_init(|| parse_catalogue(EN_SOURCE).unwrap_or_default()),
    }
}

/// The translator handed to every template.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tr {
    /// The request's language.
    pub locale: Locale,
}

impl Tr {
    /// A translator for `locale`.
    pub const fn new(locale: Locale) -> Self {
        Self { locale }
    }

    /// The message for `key`, or the key itself when missing (tests forbid that).
    pub fn t<'a>(&self, key: &'a str) -> &'a str {
        match catalogue(self.locale).get(key) {
            Some(text) => text.as_str(),
            None => key,
        }
    }

    /// The message for `key` with `{}` replaced by `arg`. When `arg` is a count and the
    /// catalogue has a singular form (`key_one`), that form is used for one thing.
    pub fn t1(&self, key: &str, arg: impl std::fmt::Display) -> String {
        let arg = arg.to_string();
        self.t(&self.form(key, &arg)).replacen("{}", &arg, 1)
    }

    /// The message for `key` with each `{}` replaced by the next of `args`; the first argument,
    /// when it is a count, chooses the singular form (`key_one`) as in [`Tr::t1`].
    pub fn tn(&self, key: &str, args: &[String]) -> String {
        let mut text = self.t(&self.form(key, args.first().map_or("", String::as_str))).to_owned();
        for arg in args {
            text = text.replacen("{}", arg, 1);
        }
        text
    }

    /// `key_one` when `count` is a number that takes the singular in this language (0 and 1 in
    /// French, 1 in English) and the catalogue has that form; `key` otherwise.
    fn form(&self, key: &str, count: &str) -> String {
        let Ok(n) = count.trim().parse::<i64>() else { return key.to_owned() };
        let one = match self.locale {
            Locale::Fr => n == 0 || n == 1,
            Locale::En => n == 1,
        };
        let singular = format!("{key}_one");
        if one && catalogue(self.locale).contains_key(&singular) { singular } else { key.to_owned() }
    }

    /// The language code, for `lang` attributes.
    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    /// A UTC timestamp as a Paris date and time, in words: « 1er juillet 2026 à 10:00 »,
    /// « 1 July 2026, 10:00 ».
    pub fn datetime(&self, utc_seconds: impl std::borrow::Borrow<i64>) -> String {
        let Some(zoned) = paris(*utc_seconds.borrow()) else { return String::new() };
        let day = self.long(zoned.date(), false);
        let time = zoned.strftime("%H:%M");
        match self.locale {
            Locale::Fr => format!("{day} à {time}"),
            Locale::En => format!("{day}, {time}"),
        }
    }

    /// A UTC timestamp's time of day in Paris alone (`10:00`), where the day goes without saying.
    pub fn time(&self, utc_seconds: impl std::borrow::Borrow<i64>) -> String {
        paris(*utc_seconds.borrow()).map(|z| z.strftime("%H:%M").to_string()).unwrap_or_default()
    }

    /// A stored calendar date (`YYYY-MM-DD`) in words: « 10 décembre 2026 », « 1er juillet 2026 »,
    /// « 10 December 2026 ». Anything else is shown as it is.
    pub fn date(&self, stored: &str) -> String {
        stored.parse::<jiff::civil::Date>().map_or_else(|_| stored.to_owned(), |d| self.long(d, false))
    }

    /// A stored calendar date with its day of the week: « mardi 12 janvier 2027 », « Tuesday
    /// 12 January 2027 ». Anything else is shown as it is.
    pub fn weekday_date(&self, stored: &str) -> String {
        use cap_domain::calendar::WEEKDAYS;
        let Ok(date) = stored.parse::<jiff::civil::Date>() else { return stored.to_owned() };
        let index = usize::from(date.weekday().to_monday_zero_offset().unsigned_abs());
        let day = match self.locale {
            Locale::Fr => WEEKDAYS[index].to_owned(),
            Locale::En => {
                let name = WEEKDAYS[7 + index];
                name[..1].to_uppercase() + &name[1..]
            }
        };
        format!("{day} {}", self.long(date, false))
    }

    /// A stored calendar date with its month shortened, where room is short (a chart's axis):
    /// « 10 déc. 2026 », « 10 Dec 2026 ».
    pub fn short_date(&self, stored: &str) -> String {
        stored.parse::<jiff::civil::Date>().map_or_else(|_| stored.to_owned(), |d| self.long(d, true))
    }

    /// A stored month (`YYYY-MM`) in words: « décembre 2026 », « December 2026 ». Anything else is
    /// shown as it is.
    pub fn month(&self, stored: &str) -> String {
        let parsed = stored.split_once('-').and_then(|(y, m)| {
            let (year, month) = (y.parse::<i16>().ok()?, m.parse::<usize>().ok()?);
            (y.len() == 4 && m.len() == 2 && (1..=12).contains(&month)).then_some((year, month))
        });
        match parsed {
            Some((year, month)) => format!("{} {year}", self.month_name(month, false)),
            None => stored.to_owned(),
        }
    }

    /// The month of `date`, shortened, with its year (« déc. 2026 », « Dec 2026 »), for a chart.
    pub fn short_month(&self, date: jiff::civil::Date) -> String {
        format!("{} {}", self.month_name(date.month() as usize, true), date.year())
    }

    /// A stored calendar date in figures, for spreadsheets (`15/03/2027` in French, ISO in
    /// English), which read it back as a date.
    pub fn numeric_date(&self, stored: &str) -> String {
        match (self.locale, stored.parse::<jiff::civil::Date>()) {
            (Locale::Fr, Ok(d)) => d.strftime("%d/%m/%Y").to_string(),
            _ => stored.to_owned(),
        }
    }

    /// A UTC timestamp as a Paris date and time in figures, for spreadsheets (`01/07/2026 10:00`
    /// in French, `2026-07-01 10:00` in English).
    pub fn numeric_datetime(&self, utc_seconds: impl std::borrow::Borrow<i64>) -> String {
        let Some(zoned) = paris(*utc_seconds.borrow()) else { return String::new() };
        match self.locale {
            Locale::Fr => zoned.strftime("%d/%m/%Y %H:%M").to_string(),
            Locale::En => zoned.strftime("%Y-%m-%d %H:%M").to_string(),
        }
    }

    /// `date` in words; French writes the first of the month « 1er ».
    fn long(&self, date: jiff::civil::Date, short: bool) -> String {
        let month = self.month_name(date.month() as usize, short);
        match (self.locale, date.day()) {
            (Locale::Fr, 1) => format!("1er {month} {}", date.year()),
            (_, day) => format!("{day} {month} {}", date.year()),
        }
    }

    /// The name of month `month` (1 to 12) in this language.
    fn month_name(&self, month: usize, short: bool) -> &'static str {
        use cap_domain::calendar::{ENGLISH_MONTHS, ENGLISH_MONTHS_SHORT, FRENCH_MONTHS, FRENCH_MONTHS_SHORT};
        let names = match (self.locale, short) {
            (Locale::Fr, false) => FRENCH_MONTHS,
            (Locale::Fr, true) => FRENCH_MONTHS_SHORT,
            (Locale::En, false) => ENGLISH_MONTHS,
            (Locale::En, true) => ENGLISH_MONTHS_SHORT,
        };
        names[month.clamp(1, 12) - 1]
    }
}

/// A UTC timestamp in Paris time, `None` when out of range.
fn paris(utc_seconds: i64) -> Option<jiff::Zoned> {
    let ts = jiff::Timestamp::from_second(utc_seconds).ok()?;
    let tz = jiff::tz::TimeZone::get("Europe/Paris").unwrap_or(jiff::tz::TimeZone::UTC);
    Some(ts.to_zoned(tz))
}

/// Today's calendar date in Paris, where the federation works.
pub fn paris_today() -> jiff::civil::Date {
    let now = jiff::Timestamp::now();
    match jiff::tz::TimeZone::get("Europe/Paris") {
        Ok(tz) => now.to_zoned(tz).date(),
        Err(_) => now.to_zoned(jiff::tz::TimeZone::UTC).date(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn catalogues_parse_and_have_the_same_keys() {
        let fr = parse_catalogue(FR_SOURCE).expect("fr.toml parses");
        let en = parse_catalogue(EN_SOURCE).expect("en.toml parses");
        let fr_keys: BTreeSet<_> = fr.keys().collect();
        let en_keys: BTreeSet<_> = en.keys().collect();
        let only_fr: Vec<_> = fr_keys.difference(&en_keys).collect();
        let only_en: Vec<_> = en_keys.difference(&fr_keys).collect();
        assert!(only_fr.is_empty() && only_en.is_empty(), "only in fr: {only_fr:?}; only in en: {only_en:?}");
    }

    /// Counts read in real French and English: no « (s) »-style fake plural in any message or
    /// template; a message with a count has its singular form (`key_one`) where the noun varies.
    #[test]
    fn no_fake_plurals() {
        let fake = ["(s)", "(x)", "(es)", "(ies)"];
        for (lang, source) in [("fr", FR_SOURCE), ("en", EN_SOURCE)] {
            for (key, text) in parse_catalogue(source).unwrap() {
                assert!(!fake.iter().any(|f| text.contains(f)), "{lang} {key}: {text}");
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        collect(&root.join("../cap-web/templates"), &mut files);
        for file in files {
            // The words a template writes itself, outside its `{{ … }}` and `{% … %}` code.
            let mut words = String::new();
            let mut rest = std::fs::read_to_string(&file).unwrap();
            while let Some(start) = rest.find(['{']) {
                words.push_str(&rest[..start]);
                let close = match rest[start..].chars().nth(1) {
                    Some('{') => "}}",
                    Some('%') => "%}",
                    _ => {
                        words.push('{');
                        rest = rest[start + 1..].to_owned();
                        continue;
                    }
                };
                rest = rest[start..].find(close).map_or_else(String::new, |end| rest[start + end + 2..].to_owned());
            }
            words.push_str(&rest);
            assert!(!fake.iter().any(|f| words.contains(f)), "{}", file.display());
        }
        let fr = Tr::new(Locale::Fr);
        let en = Tr::new(Locale::En);
        assert_eq!(fr.t1("region.organisation_count", 0), "0 structure", "French: zero takes the singular");
        assert_eq!(fr.t1("region.organisation_count", 2), "2 structures");
        assert_eq!(en.t1("region.organisation_count", 0), "0 organisations");
        assert_eq!(en.tn("campaign.progress", &["1".into(), "40".into()]), "1 answer out of 40");
    }

    /// Every key a template or handler asks for exists in the French catalogue.
    #[test]
    fn every_used_key_exists() {
        let fr = parse_catalogue(FR_SOURCE).unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut missing = Vec::new();
        let mut files = Vec::new();
        collect(&root.join("src"), &mut files);
        collect(&root.join("../cap-web/templates"), &mut files);
        collect(&root.join("../cap-web/src"), &mut files);
        collect(&root.join("../cap-domain/src"), &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for key in quoted_keys(&text) {
                if !fr.contains_key(&key) {
                    missing.push(format!("{}: {key}", file.display()));
                }
            }
        }
        assert!(missing.is_empty(), "missing keys:\n{}", missing.join("\n"));
    }

    fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(&path, out);
            } else if matches!(path.extension().and_then(|e| e.to_str()), Some("html" | "rs")) {
                out.push(path);
            }
        }
    }

    /// Strings shaped like message keys: `"section.name"` with a known section prefix.
    fn quoted_keys(text: &str) -> Vec<String> {
        const SECTIONS: &[&str] = &[
            "nav.",
            "common.",
            "error.",
            "flash.",
            "auth.",
            "account.",
            "home.",
            "org.",
            "orgtype.",
            "role.",
            "college.",
            "admin.",
            "region.",
            "group.",
            "audit.",
            "mail.",
            "page.",
            "refcheck.",
            "referential.",
            "offer.",
            "campaign.",
            "answer.",
            "results.",
            "targets.",
            "plan.",
            "practice.",
            "action.",
            "checkpoint.",
            "reminder.",
            "export.",
            "import.",
            "accompaniment.",
            "review.",
            "directory.",
            "training.",
            "token.",
            "network.",
            "benchmark.",
            "feedback.",
            "deployment.",
            "meeting.",
            "restitution.",
        ];
        text.split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| {
                SECTIONS.iter().any(|p| s.starts_with(p))
                    && s.len() < 80
                    && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
                    && !s.ends_with('.')
            })
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn dates_are_shown_in_paris_time() {
        // 2026-07-01 08:00 UTC is 10:00 in Paris (summer time).
        assert_eq!(Tr::new(Locale::Fr).datetime(1_782_892_800), "1er juillet 2026 à 10:00");
        assert_eq!(Tr::new(Locale::En).datetime(1_782_892_800), "1 July 2026, 10:00");
        assert_eq!(Tr::new(Locale::Fr).time(1_782_892_800), "10:00");
        assert_eq!(Tr::new(Locale::Fr).weekday_date("2027-01-12"), "mardi 12 janvier 2027");
        assert_eq!(Tr::new(Locale::En).weekday_date("2027-01-12"), "Tuesday 12 January 2027");
        assert_eq!(Tr::new(Locale::Fr).weekday_date("2027-02-01"), "lundi 1er février 2027");
        // 2026-12-31 23:30 UTC is already the next year in Paris (winter time, UTC+1).
        assert_eq!(Tr::new(Locale::Fr).datetime(1_798_759_800), "1er janvier 2027 à 00:30");
        assert_eq!(Tr::new(Locale::En).datetime(1_798_759_800), "1 January 2027, 00:30");
        assert_eq!(Tr::new(Locale::Fr).numeric_datetime(1_782_892_800), "01/07/2026 10:00");
        assert_eq!(Tr::new(Locale::En).numeric_datetime(1_782_892_800), "2026-07-01 10:00");
    }

    #[test]
    fn dates_and_months_in_words() {
        let (fr, en) = (Tr::new(Locale::Fr), Tr::new(Locale::En));
        assert_eq!(fr.date("2026-12-10"), "10 décembre 2026");
        assert_eq!(en.date("2026-12-10"), "10 December 2026");
        assert_eq!(fr.date("2027-07-01"), "1er juillet 2027");
        assert_eq!(en.date("2027-07-01"), "1 July 2027");
        assert_eq!(fr.date("2027-02-02"), "2 février 2027");
        assert_eq!(fr.date("2027-08-15"), "15 août 2027");
        assert_eq!(fr.short_date("2026-12-10"), "10 déc. 2026");
        assert_eq!(en.short_date("2026-12-10"), "10 Dec 2026");
        assert_eq!(fr.month("2026-12"), "décembre 2026");
        assert_eq!(en.month("2026-12"), "December 2026");
        assert_eq!(fr.month("2027-01"), "janvier 2027");
        let d = jiff::civil::date(2027, 2, 14);
        assert_eq!(fr.short_month(d), "févr. 2027");
        assert_eq!(en.short_month(d), "Feb 2027");
        // Not a stored date or month: shown as it is.
        for odd in ["", "—", "2026-13-01", "demain"] {
            assert_eq!(fr.date(odd), odd);
        }
        for odd in ["", "2026-13", "2026-1", "26-12", "2026-12-10"] {
            assert_eq!(fr.month(odd), odd);
        }
        // Spreadsheets keep figures.
        assert_eq!(fr.numeric_date("2027-03-15"), "15/03/2027");
        assert_eq!(en.numeric_date("2027-03-15"), "2027-03-15");
        // What is shown reads back as typed.
        for day in ["2026-12-10", "2027-07-01", "2027-08-15"] {
            for t in [fr, en] {
                assert_eq!(cap_domain::calendar::parse_date(&t.date(day)).map(|d| d.to_string()).as_deref(), Some(day));
            }
        }
    }

    #[test]
    fn missing_keys_fall_back_to_the_key() {
        assert_eq!(Tr::new(Locale::Fr).t("no.such.key"), "no.such.key");
        assert_eq!(Tr::new(Locale::Fr).t1("no.such.key {}", 3), "no.such.key 3");
    }
}
