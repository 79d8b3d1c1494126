//! Words of the interface, in French first and English second.
//!
//! Catalogues are Fluent files (`locales/fr.ftl`, `locales/en.ftl`), embedded at compile time. The
//! locale is decided per request and carried in [`Tr`], never held globally, so concurrent requests
//! never mix languages.
//!
//! Code asks for a message by its dotted key (`campaign.progress`), the Fluent identifier with its
//! dashes written as dots (`campaign-progress`). Values are passed by position: the first is the
//! Fluent variable `$n`, the next ones `$arg2`, `$arg3`… A value that is a whole number goes in as
//! a Fluent number, so a message chooses its plural form with a selector on `$n`
//! (`[one]` … `*[other]` …) by the language's CLDR rules: 0 and 1 take the singular in French,
//! only 1 in English.
//!
//! `fluent-bundle` is used directly rather than `fluent-templates`: two embedded files need no
//! loader, fallback chain or macros, and the bundle it would build is the same.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
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

    /// The catalogue's Fluent source.
    const fn source(self) -> &'static str {
        match self {
            Self::Fr => FR_SOURCE,
            Self::En => EN_SOURCE,
        }
    }
}

/// The French catalogue's source.
pub const FR_SOURCE: &str = include_str!("../locales/fr.ftl");
/// The English catalogue's source.
pub const EN_SOURCE: &str = include_str!("../locales/en.ftl");

/// The dotted key code uses for a Fluent message identifier: `campaign-progress` is
/// `campaign.progress`.
fn key_of(id: &str) -> String {
    id.replace('-', ".")
}

/// The name of the Fluent variable for the value at `position` (from 0): `n`, `arg2`, `arg3`…
fn variable_name(position: usize) -> std::borrow::Cow<'static, str> {
    const NAMES: [&str; 9] = ["n", "arg2", "arg3", "arg4", "arg5", "arg6", "arg7", "arg8", "arg9"];
    NAMES.get(position).map_or_else(|| format!("arg{}", position + 1).into(), |name| (*name).into())
}

/// The variables a message's value refers to, in order of first use.
fn variables(message: &ast::Message<&str>) -> Vec<String> {
    fn pattern(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expr(expression, out);
            }
        }
    }
    fn expr(e: &ast::Expression<&str>, out: &mut Vec<String>) {
        match e {
            ast::Expression::Inline(inline) => inline_expr(inline, out),
            ast::Expression::Select { selector, variants } => {
                inline_expr(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
        }
    }
    fn inline_expr(e: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } if !out.iter().any(|v| v == id.name) => {
                out.push(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_expr(a, out);
                }
                for a in &arguments.named {
                    inline_expr(&a.value, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Some(value) = &message.value {
        pattern(value, &mut out);
    }
    out
}

/// A message as code finds it by its dotted key.
struct Entry {
    /// The Fluent identifier.
    id: String,
    /// The text, formatted once at load: the whole message when it has no variables, else the
    /// message with `{}` where its values go (what [`Tr::t`] shows of it).
    text: String,
    /// Whether the message has variables, so [`Tr::tn`] formats it with its values.
    has_variables: bool,
}

struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    entries: HashMap<String, Entry>,
}

impl Catalogue {
    /// Loads a catalogue. A broken message or file degrades to showing keys, never a crash: the
    /// tests refuse catalogues that do not parse or format cleanly.
    fn load(locale: Locale) -> Self {
        let resource = FluentResource::try_new(locale.source().to_owned()).unwrap_or_else(|(partial, _)| partial);
        let mut found = Vec::new();
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                found.push((message.id.name.to_owned(), variables(message)));
            }
        }
        let mut bundle = FluentBundle::new_concurrent(vec![locale.code().parse().unwrap_or_default()]);
        // No Unicode isolation marks around values: they would end up in pages and e-mails.
        bundle.set_use_isolating(false);
        // A duplicate identifier keeps its first message; the tests refuse duplicates.
        let _ = bundle.add_resource(resource);
        let mut entries = HashMap::with_capacity(found.len());
        for (id, vars) in found {
            let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else { continue };
            // Values shown as `{}`, as in the catalogue's text; a plural shows its `other` form.
            let args: FluentArgs = vars.iter().map(|v| (v.as_str(), "{}")).collect();
            let text = bundle.format_pattern(pattern, Some(&args), &mut Vec::new()).into_owned();
            entries.insert(key_of(&id), Entry { text, has_variables: !vars.is_empty(), id });
        }
        Self { bundle, entries }
    }

    /// The message `id` formatted with `args` by position.
    fn format(&self, id: &str, args: &[String]) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (position, arg) in args.iter().enumerate() {
            fluent_args.set(variable_name(position), value(arg));
        }
        // A value the message lacks is shown as `{$name}`; the tests check every call site.
        Some(self.bundle.format_pattern(pattern, Some(&fluent_args), &mut Vec::new()).into_owned())
    }
}

/// A value as Fluent sees it: a whole number written as Rust writes one (`10000`, `-2`) is a
/// number, so plurals select on it, and formats back to the same text; anything else is text.
fn value(arg: &str) -> FluentValue<'_> {
    // Within ±2^53 an `i64` goes through Fluent's `f64` and back unchanged.
    const EXACT: i64 = 1 << 53;
    match arg.parse::<i64>() {
        Ok(n) if (-EXACT..=EXACT).contains(&n) && n.to_string() == arg => FluentValue::from(n),
        _ => FluentValue::from(arg),
    }
}

fn catalogue(locale: Locale) -> &'static Catalogue {
    static FR: OnceLock<Catalogue> = OnceLock::new();
    static EN: OnceLock<Catalogue> = OnceLock::new();
    match locale {
        Locale::Fr => FR.get_or_init(|| Catalogue::load(Locale::Fr)),
        Locale::En => EN.get_or_init(|| Catalogue::load(Locale::En)),
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

    /// The message for `key`, or the key itself when missing (tests forbid that). A message with
    /// variables is shown with `{}` where its values go: ask for it with [`Tr::t1`] or [`Tr::tn`].
    pub fn t<'a>(&self, key: &'a str) -> &'a str {
        match catalogue(self.locale).entries.get(key) {
            Some(entry) => entry.text.as_str(),
            None => key,
        }
    }

    /// The message for `key` with `arg` as its value `$n`; when `arg` is a count, it chooses the
    /// message's plural form.
    pub fn t1(&self, key: &str, arg: impl std::fmt::Display) -> String {
        self.tn(key, &[arg.to_string()])
    }

    /// The message for `key` with `args` as its values by position (`$n`, `$arg2`…); the first,
    /// when it is a count, chooses the plural form as in [`Tr::t1`]. A missing key is shown with
    /// its `{}` replaced by the values.
    pub fn tn(&self, key: &str, args: &[String]) -> String {
        let catalogue = catalogue(self.locale);
        match catalogue.entries.get(key) {
            Some(entry) if entry.has_variables => {
                catalogue.format(&entry.id, args).unwrap_or_else(|| entry.text.clone())
            }
            Some(entry) => entry.text.clone(),
            None => {
                let mut text = key.to_owned();
                for arg in args {
                    text = text.replacen("{}", arg, 1);
                }
                text
            }
        }
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

/// A UTC timestamp as the Paris date and time it was, `None` when out of range.
pub fn paris_datetime(utc_seconds: i64) -> Option<jiff::civil::DateTime> {
    paris(utc_seconds).map(|z| z.datetime())
}

/// The first second of a Paris calendar day, in UTC seconds (days are Paris days everywhere in
/// Cap); `None` when out of range.
pub fn paris_day_start(day: jiff::civil::Date) -> Option<i64> {
    let tz = jiff::tz::TimeZone::get("Europe/Paris").unwrap_or(jiff::tz::TimeZone::UTC);
    day.to_zoned(tz).ok().map(|z| z.timestamp().as_second())
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

    const SOURCES: [(&str, &str); 2] = [("fr", FR_SOURCE), ("en", EN_SOURCE)];

    /// A catalogue's messages; any Fluent syntax error fails the test with its line.
    fn messages(lang: &str, source: &'static str) -> Vec<ast::Message<&'static str>> {
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| format!("line {}: {:?}", source[..e.pos.start].matches('\n').count() + 1, e.kind))
                .collect();
            panic!("{lang}.ftl does not parse:\n{}", lines.join("\n"))
        });
        let mut out = Vec::new();
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => out.push(m),
                ast::Entry::Junk { content } => panic!("{lang}.ftl: unreadable {content}"),
                _ => {}
            }
        }
        out
    }

    /// Both catalogues parse, load into their bundle without a clash, and have exactly the same
    /// messages, each with a value and an identifier that maps to one dotted key.
    #[test]
    fn catalogues_parse_and_have_the_same_messages() {
        let mut ids = Vec::new();
        for (lang, source) in SOURCES {
            let mut seen = BTreeSet::new();
            for m in messages(lang, source) {
                let id = m.id.name;
                assert!(seen.insert(id), "{lang}.ftl: {id} twice");
                assert!(m.value.is_some() && m.attributes.is_empty(), "{lang}.ftl: {id} must be a value alone");
                assert!(
                    id.split('-')
                        .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')),
                    "{lang}.ftl: {id} is not a dotted key written with dashes"
                );
            }
            let mut bundle = FluentBundle::new_concurrent(vec![lang.parse().unwrap()]);
            let resource = FluentResource::try_new(source.to_owned()).unwrap();
            assert_eq!(bundle.add_resource(resource), Ok(()), "{lang}.ftl");
            ids.push(seen);
        }
        let only_fr: Vec<_> = ids[0].difference(&ids[1]).collect();
        let only_en: Vec<_> = ids[1].difference(&ids[0]).collect();
        assert!(only_fr.is_empty() && only_en.is_empty(), "only in fr: {only_fr:?}; only in en: {only_en:?}");
        assert_eq!(catalogue(Locale::Fr).entries.len(), ids[0].len());
        assert_eq!(catalogue(Locale::En).entries.len(), ids[1].len());
    }

    /// Every message formats without a Fluent error, whatever numbers or text it is given, and
    /// every call in the code passes the values its message uses (in both languages).
    #[test]
    fn every_message_formats_with_the_values_its_callers_pass() {
        let mut wrong = Vec::new();
        let mut used = HashMap::new();
        for (lang, source) in SOURCES {
            let locale = Locale::from_code(lang).unwrap();
            let catalogue = catalogue(locale);
            for m in messages(lang, source) {
                let vars = variables(&m);
                let positions: Vec<_> =
                    vars.iter().map(|v| (0..20).find(|&p| variable_name(p) == v.as_str())).collect();
                if positions.contains(&None) {
                    wrong.push(format!("{lang} {}: variables are $n, $arg2, $arg3…, not {vars:?}", m.id.name));
                    continue;
                }
                let needed = positions.iter().flatten().map(|p| p + 1).max().unwrap_or(0);
                let used_here: &mut usize = used.entry(key_of(m.id.name)).or_default();
                *used_here = (*used_here).max(needed);
                let pattern = catalogue.bundle.get_message(m.id.name).and_then(|m| m.value()).unwrap();
                for first in ["0", "1", "2", "10000", "x"] {
                    let mut args = FluentArgs::new();
                    for (v, p) in vars.iter().zip(&positions) {
                        args.set(v.as_str(), value(if *p == Some(0) { first } else { "3" }));
                    }
                    let mut errors = Vec::new();
                    let text = catalogue.bundle.format_pattern(pattern, Some(&args), &mut errors);
                    if !errors.is_empty() || text.contains('\u{2068}') {
                        wrong.push(format!("{lang} {} with {first}: {errors:?} {text}", m.id.name));
                    }
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["src", "../cap-web/templates", "../cap-web/src", "../cap-domain/src", "../cap/src"] {
            collect(&root.join(dir), &mut files);
        }
        // This file's tests pass too few values on purpose.
        files.retain(|f| !f.ends_with("src/i18n.rs"));
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (key, passed) in calls(&text) {
                if let Some(&needed) = used.get(&key)
                    && passed < needed
                {
                    wrong
                        .push(format!("{}: {key} is given {passed} values, its message uses {needed}", file.display()));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// Literal keys in `text` with the number of values the code visibly passes with them:
    /// `.t("k")`, `.t1("k", …)`, `.tn("k", [a, b])`, and `"k", &[a, b]` or `"k", args: vec![a]`
    /// where problems and reasons are built.
    fn calls(text: &str) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
        for pair in quotes.windows(2) {
            let (open, close) = (pair[0], pair[1]);
            let key = &text[open + 1..close];
            if key.is_empty()
                || !key.contains('.')
                || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
            {
                continue;
            }
            let before = text[..open].trim_end();
            let after = text[close + 1..].trim_start();
            let passed = if before.ends_with(".t(") && after.starts_with(')') {
                Some(0)
            } else if before.ends_with(".t1(") {
                Some(1)
            } else if let Some(list) = after.strip_prefix(',') {
                let list = list.trim_start();
                let list = list.strip_prefix("args:").unwrap_or(list).trim_start();
                let list = list.strip_prefix('&').unwrap_or(list);
                let list = list.strip_prefix("vec!").unwrap_or(list);
                list.strip_prefix('[').and_then(count_items)
            } else {
                None
            };
            if let Some(passed) = passed {
                out.push((key.to_owned(), passed));
            }
        }
        out
    }

    /// The number of items in a list whose `[` is just before `text`, up to its `]`.
    fn count_items(text: &str) -> Option<usize> {
        let (mut depth, mut commas, mut in_string, mut escaped, mut last) = (0, 0, false, false, ' ');
        for c in text.chars() {
            if in_string {
                match (escaped, c) {
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => escaped = false,
                }
                last = c;
                continue;
            }
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ']' if depth == 0 => {
                    let empty = last == '[' || last == ' ' && commas == 0 && text.trim_start().starts_with(']');
                    return Some(if empty {
                        0
                    } else if last == ',' {
                        commas
                    } else {
                        commas + 1
                    });
                }
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => commas += 1,
                _ => {}
            }
            if !c.is_whitespace() {
                last = c;
            }
        }
        None
    }

    /// Counts read in real French and English: no « (s) »-style fake plural in any message or
    /// template; a message with a count selects its plural form on it.
    #[test]
    fn no_fake_plurals() {
        let fake = ["(s)", "(x)", "(es)", "(ies)"];
        for (lang, source) in SOURCES {
            for (number, line) in source.lines().enumerate() {
                let text = if line.starts_with('#') { "" } else { line };
                assert!(!fake.iter().any(|f| text.contains(f)), "{lang}.ftl line {}: {line}", number + 1);
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

    /// A message selecting its plural form: French takes the singular for 0 and 1, English for 1
    /// alone; numbers read as the code writes them; no isolation marks; text is not a count.
    #[test]
    fn plural_forms_are_selected_in_each_language() {
        let (fr, en) = (Tr::new(Locale::Fr), Tr::new(Locale::En));
        let progress = |t: Tr, n: &str| t.tn("campaign.progress", &[n.to_owned(), "40".to_owned()]);
        assert_eq!(progress(fr, "0"), "0 réponse sur 40");
        assert_eq!(progress(fr, "1"), "1 réponse sur 40");
        assert_eq!(progress(fr, "2"), "2 réponses sur 40");
        assert_eq!(progress(fr, "10000"), "10000 réponses sur 40");
        assert_eq!(progress(en, "0"), "0 answers out of 40");
        assert_eq!(progress(en, "1"), "1 answer out of 40");
        assert_eq!(progress(en, "2"), "2 answers out of 40");
        assert_eq!(progress(en, "1000000"), "1000000 answers out of 40");
        assert_eq!(progress(en, "-3"), "-3 answers out of 40");
        assert_eq!(progress(en, "—"), "— answers out of 40");
        assert_eq!(progress(en, "007"), "007 answers out of 40", "shown as given");
        assert_eq!(fr.t1("practice.count", 1), "1 pratique publiée");
        assert_eq!(en.t1("practice.count", 1), "1 published practice");
        assert_eq!(en.t1("practice.count", 12345), "12345 published practices");
        // Asked for without values, a message shows where they go, in its plural form.
        assert_eq!(fr.t("campaign.progress"), "{} réponses sur {}");
        assert_eq!(en.t("campaign.progress"), "{} answers out of {}");
        // Too few values: the missing one is named, never a panic.
        assert_eq!(en.t1("campaign.progress", 1), "1 answer out of {$arg2}");
        assert_eq!(en.tn("campaign.progress", &[]), "{$n} answers out of {$arg2}");
    }

    /// Every key a template or handler asks for exists in the French catalogue.
    #[test]
    fn every_used_key_exists() {
        let fr = &catalogue(Locale::Fr).entries;
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
            "pillar_step.",
            "activity.",
            "ess.",
            "evidence.",
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
            "readiness.",
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
