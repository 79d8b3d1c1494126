//! Measuring and wrapping chart labels.
//!
//! An SVG `<text>` never wraps by itself, and the server does not know which font the reader's
//! device will use. Widths are therefore estimated per character from the metrics of DejaVu Sans,
//! the widest of the usual `sans-serif` fonts (Arial, Helvetica, Roboto and Noto Sans are
//! narrower, and so is Libertinus Serif, which the PDF uses): a line estimated to fit does fit.

/// Estimated advance width of a character, in ems, rounded up from DejaVu Sans.
pub fn char_width(c: char) -> f64 {
    match c {
        '\u{202f}' | '\u{2009}' | '\u{200a}' => 0.25,
        ' ' | '\u{a0}' => 0.32,
        'i' | 'j' | 'l' | 'ì' | 'í' | 'î' | 'ï' | 'ı' | 'I' | 'J' | 'Ì' | 'Í' | 'Î' | 'Ï' | '\'' | '’' | '‘' | ','
        | '.' | ':' | ';' | '!' | '|' | '·' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '{' | '}' | '-' | '‐' | '/' | '\\' | '"' | '“' | '”' => 0.42,
        '«' | '»' => 0.56,
        'w' => 0.82,
        'm' | 'M' | 'W' | '%' | '—' | '…' | '@' | 'œ' | 'æ' | 'Œ' | 'Æ' => 1.0,
        c if c.is_ascii_digit() => 0.64,
        c if c.is_uppercase() => 0.78,
        c if c.is_lowercase() => 0.64,
        c if c.is_ascii() => 0.84,
        // Symbols, emoji, ideograms: as wide as they come.
        _ => 1.0,
    }
}

/// Estimated width of a line of text, in ems.
pub fn text_width(s: &str) -> f64 {
    s.chars().map(char_width).sum()
}

/// Bold text is about a tenth wider than regular text.
pub const BOLD: f64 = 1.1;

/// A label broken into lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Wrapped {
    /// The lines, each at most the width asked for (none for a blank label).
    pub lines: Vec<String>,
    /// Whether the label needed more lines than allowed: the last line then ends with « … » and
    /// the full text must be given elsewhere (a `<title>`, the data table).
    pub shortened: bool,
}

/// Breaks `text` into lines at most `width` ems wide, at spaces (runs of white space count as
/// one). A word wider than a whole line is split across lines, each part but the last ending with
/// a hyphen; nothing else is ever cut. When more than `max_lines` lines (at least one) are needed,
/// the first `max_lines` are kept and the last of them ends with « … », shortened at a word
/// boundary when it can be.
pub fn wrap(text: &str, width: f64, max_lines: usize) -> Wrapped {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() {
            if text_width(&line) + char_width(' ') + text_width(word) <= width {
                line.push(' ');
                line.push_str(word);
                continue;
            }
            lines.push(std::mem::take(&mut line));
        }
        line = split_long_word(word, width, &mut lines);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() <= max_lines {
        return Wrapped { lines, shortened: false };
    }
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        *last = with_ellipsis(last, width);
    }
    Wrapped { lines, shortened: true }
}

/// Pushes the full-width parts of a word too wide for a line (each ending with a hyphen) onto
/// `lines` and returns what is left of it, which fits on a line.
fn split_long_word(word: &str, width: f64, lines: &mut Vec<String>) -> String {
    let mut rest = word;
    while text_width(rest) > width {
        let mut used = char_width('-');
        let mut end = 0;
        for (i, c) in rest.char_indices() {
            used += char_width(c);
            if used > width && end > 0 {
                break;
            }
            end = i + c.len_utf8();
        }
        if end >= rest.len() {
            break;
        }
        lines.push(format!("{}-", &rest[..end]));
        rest = &rest[end..];
    }
    rest.to_owned()
}

/// The line shortened, at a word boundary when it can be, so that it fits with « … » after it.
fn with_ellipsis(line: &str, width: f64) -> String {
    let room = width - char_width('…');
    let trim =
        |s: &str| s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | ',' | ';' | ':')).to_owned();
    let mut kept = trim(line);
    while text_width(&kept) > room {
        match kept.rfind(' ') {
            Some(space) if space > 0 => kept = trim(&kept[..space]),
            _ => {
                // A single word: drop characters.
                while text_width(&kept) > room && kept.pop().is_some() {}
                break;
            }
        }
    }
    kept.push('…');
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Joins wrapped lines back into the text they came from (undoing hyphenated splits).
    fn joined(lines: &[String]) -> String {
        let mut out = String::new();
        for line in lines {
            if out.ends_with('-') {
                out.pop();
            } else if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(line);
        }
        out
    }

    #[test]
    fn widths_follow_the_letters() {
        assert!(text_width("mmmm") > text_width("iiii") * 3.0);
        assert!(text_width("ÉCOLE") > text_width("école"));
        assert_eq!(text_width(""), 0.0);
        // A typical French label averages a bit over half an em per character.
        let label = "Affirmer les valeurs de l'économie sociale et solidaire";
        let average = text_width(label) / label.chars().count() as f64;
        assert!((0.5..0.65).contains(&average), "{average}");
    }

    #[test]
    fn short_text_stays_on_one_line() {
        let w = wrap("Identité", 10.0, 3);
        assert_eq!(w.lines, ["Identité"]);
        assert!(!w.shortened);
    }

    #[test]
    fn long_text_breaks_at_spaces_and_every_line_fits() {
        let text = "Affirmer les valeurs de l'économie sociale et solidaire";
        for width in [8.0, 10.0, 14.0, 17.0, 20.0] {
            let w = wrap(text, width, 6);
            assert!(!w.shortened, "{width}: {w:?}");
            assert!(w.lines.len() > 1, "{width}: {w:?}");
            for line in &w.lines {
                assert!(text_width(line) <= width, "{line:?} wider than {width}");
                assert!(!line.ends_with('-') && !line.contains('…'), "{line:?}");
            }
            assert_eq!(w.lines.join(" "), text, "nothing lost, nothing cut");
        }
        let w = wrap(text, 17.0, 3);
        assert_eq!(w.lines, ["Affirmer les valeurs de", "l'économie sociale et solidaire"]);
    }

    #[test]
    fn greedy_lines_are_as_full_as_they_can_be() {
        let w = wrap("un deux trois quatre cinq six sept", 8.0, 10);
        for pair in w.lines.windows(2) {
            let next_word = pair[1].split(' ').next().unwrap();
            assert!(text_width(&format!("{} {next_word}", pair[0])) > 8.0, "{:?} could take {next_word:?}", pair[0]);
        }
    }

    #[test]
    fn white_space_is_folded() {
        assert_eq!(wrap("  Services \n\t rendus  ", 20.0, 3).lines, ["Services rendus"]);
        assert_eq!(wrap("   ", 20.0, 3), Wrapped::default());
        assert_eq!(wrap("", 20.0, 3), Wrapped::default());
    }

    #[test]
    fn a_word_wider_than_a_line_is_split_with_hyphens() {
        let word = "Anticonstitutionnellement";
        let w = wrap(word, 6.0, 5);
        assert!(!w.shortened);
        assert!(w.lines.len() >= 3, "{w:?}");
        for line in &w.lines[..w.lines.len() - 1] {
            assert!(line.ends_with('-'), "{line:?}");
        }
        assert!(w.lines.iter().all(|l| text_width(l) <= 6.0), "{w:?}");
        assert_eq!(joined(&w.lines), word);
        // Multi-byte characters are never split, and a line too narrow for one still progresses.
        let w = wrap("ééééé", 0.1, 10);
        assert_eq!(joined(&w.lines), "ééééé");
        assert!(w.lines.len() >= 3);
    }

    #[test]
    fn beyond_the_line_limit_the_last_line_ends_with_an_ellipsis() {
        let text = "Un objectif général dont le titre est bien trop long pour tenir sur trois lignes étroites";
        let w = wrap(text, 10.0, 3);
        assert!(w.shortened);
        assert_eq!(w.lines.len(), 3);
        let last = &w.lines[2];
        assert!(last.ends_with('…') && !last.ends_with(" …"), "{last:?}");
        assert!(text_width(last) <= 10.0, "{last:?}");
        // Cut between words: what precedes the ellipsis is a whole word of the text.
        let kept = last.trim_end_matches('…');
        assert!(text.split(' ').any(|word| kept.ends_with(word)), "{last:?}");
        // The kept lines are the start of the text.
        let start = joined(&w.lines);
        assert!(text.starts_with(start.trim_end_matches('…')), "{start:?}");
        // Exactly at the limit: nothing shortened.
        let three = wrap(text, 10.0, 100);
        let fits = wrap(text, 10.0, three.lines.len());
        assert!(!fits.shortened && fits.lines == three.lines);
        // One line allowed at least.
        assert_eq!(wrap("deux mots", 3.0, 0).lines.len(), 1);
    }

    #[test]
    fn a_single_long_word_over_the_limit_is_cut_by_characters() {
        let w = wrap(&"🌍".repeat(40), 5.0, 2);
        assert!(w.shortened);
        assert_eq!(w.lines.len(), 2);
        assert!(w.lines[1].ends_with('…') && text_width(&w.lines[1]) <= 5.0, "{w:?}");
    }
}
