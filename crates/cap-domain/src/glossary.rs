//! A shared vocabulary: the terms a group (or the whole federation) agreed on, each with its
//! definition, so that « partager un même outil, c'est aussi partager un même vocabulaire ».
//! Indicators link to the terms their words use; definitions are versioned, and a change made
//! meanwhile by someone else is refused rather than overwritten.

use crate::ValidationError;

/// The longest term.
pub const MAX_TERM: usize = 80;
/// The longest definition.
pub const MAX_DEFINITION: usize = 2000;

/// A term and its definition, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermInput {
    /// The term as people write it (« collège », « parcours d'insertion »).
    pub term: String,
    /// What the group agreed it means.
    pub definition: String,
}

impl TermInput {
    /// Checks what was typed; every problem beside its field.
    pub fn parse(term: &str, definition: &str) -> Result<Self, Vec<(&'static str, ValidationError)>> {
        let mut problems = Vec::new();
        let term = term.split_whitespace().collect::<Vec<_>>().join(" ");
        if term.is_empty() || term.chars().count() > MAX_TERM {
            problems.push(("term", ValidationError::new("error.glossary.term")));
        }
        let definition = definition.trim();
        if definition.is_empty() || definition.chars().count() > MAX_DEFINITION {
            problems.push(("definition", ValidationError::new("error.glossary.definition")));
        }
        if problems.is_empty() { Ok(Self { term, definition: definition.to_owned() }) } else { Err(problems) }
    }
}

/// Whether two terms are the same for people: case and accents aside.
pub fn same_term(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// The anchor of a term in its glossary's page: its letters folded to ASCII, words joined by `-`
/// (« Parcours d'insertion » → `parcours-d-insertion`).
pub fn anchor(term: &str) -> String {
    let folded = fold(term);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "terme".to_owned() } else { out }
}

/// The terms (by index in `terms`) that `text` uses, each once, in the order of `terms`: as whole
/// words, whatever their case and accents, a plural's final `s` or `x` included (« collèges »
/// uses « collège »).
pub fn used_in<S: AsRef<str>>(text: &str, terms: &[S]) -> Vec<usize> {
    let text = fold(text);
    terms
        .iter()
        .enumerate()
        .filter(|(_, term)| {
            let term = fold(term.as_ref());
            !term.is_empty() && occurs(&text, &term)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Whether `term` occurs in `text` (both folded) as whole words.
fn occurs(text: &str, term: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut from = 0;
    while let Some(found) = text[from..].find(term) {
        let start = from + found;
        let end = start + term.len();
        let before = text[..start].chars().next_back();
        let rest = &text[end..];
        let after = rest.strip_prefix(['s', 'x']).filter(|r| !word(r.chars().next())).map_or(rest, |r| r);
        if !word(before) && !word(after.chars().next()) {
            return true;
        }
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Lower case without the French accents and ligatures, apostrophes made one.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' => out.push('a'),
            'ç' => out.push('c'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' => out.push('i'),
            'ô' | 'ö' | 'ó' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '’' | '‘' => out.push('\''),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_is_checked_whole() {
        let t = TermInput::parse("  Parcours   d'insertion ", " Le chemin d'une personne… ").unwrap();
        assert_eq!((t.term.as_str(), t.definition.as_str()), ("Parcours d'insertion", "Le chemin d'une personne…"));
        let fields = |r: Result<TermInput, Vec<(&'static str, ValidationError)>>| {
            r.unwrap_err().into_iter().map(|(f, e)| (f, e.key)).collect::<Vec<_>>()
        };
        assert_eq!(
            fields(TermInput::parse(" ", "")),
            [("term", "error.glossary.term"), ("definition", "error.glossary.definition")]
        );
        assert_eq!(fields(TermInput::parse(&"x".repeat(MAX_TERM + 1), "d")), [("term", "error.glossary.term")]);
        assert_eq!(
            fields(TermInput::parse("t", &"d".repeat(MAX_DEFINITION + 1))),
            [("definition", "error.glossary.definition")]
        );
    }

    #[test]
    fn terms_are_found_as_whole_words_whatever_case_accents_and_plural() {
        let terms = ["Collège", "parcours d'insertion", "CSE", "ETP", "œuvre"];
        assert_eq!(used_in("Les collèges sont représentés au conseil", &terms), [0]);
        assert_eq!(used_in("Chaque PARCOURS D’INSERTION est suivi ; le cse est consulté", &terms), [1, 2]);
        assert_eq!(used_in("Des ETPs ? Non : 12 etp en 2026", &terms), [3], "a plural, then the word itself");
        assert!(used_in("La collégialité et l'intercollège", &terms).is_empty(), "within words, no");
        assert!(used_in("CSEs et ETPx", &["CSE"]).contains(&0));
        assert_eq!(used_in("mise en oeuvre", &terms), [4], "ligatures fold");
        assert!(used_in("anything", &[""]).is_empty(), "an empty term is never found");
        assert!(same_term("Collège", "college") && !same_term("Collège", "collèges"));
    }

    #[test]
    fn anchors_are_plain() {
        assert_eq!(anchor("Parcours d'insertion"), "parcours-d-insertion");
        assert_eq!(anchor("  Œuvre — sociale !"), "oeuvre-sociale");
        assert_eq!(anchor("«»"), "terme");
    }
}
