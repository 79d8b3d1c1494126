//! Good practices: members share practices, tools and testimonies linked to indicators, with
//! attachments; a regional delegate reads each one before it is published to the network.

use crate::ValidationError;
use crate::coded::coded;

/// The longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// The longest text, in characters.
pub const MAX_BODY: usize = 10_000;
/// The most indicators one practice is linked to.
pub const MAX_INDICATORS: usize = 12;
/// The most attachments of one practice.
pub const MAX_FILES: usize = 3;
/// The largest attachment, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The longest moderation note, in characters.
pub const MAX_NOTE: usize = 1000;

/// What is shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PracticeKind {
    /// A way of doing things.
    Practice,
    /// A document or tool others can reuse (a template, a grid, a procedure).
    Tool,
    /// A first-hand account.
    Testimony,
}

/// Where a practice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PracticeStatus {
    /// Waiting for a regional delegate.
    Pending,
    /// Visible to every member.
    Published,
    /// Not published; the note says why.
    Rejected,
}

coded!(PracticeKind, "practice.kind.", Practice => "practice", Tool => "tool", Testimony => "testimony");
coded!(PracticeStatus, "practice.status.", Pending => "pending", Published => "published", Rejected => "rejected");

/// A moderator's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Decision {
    /// Publish to the network.
    Publish,
    /// Refuse, or take back from publication, with a reason.
    Reject,
}

coded!(Decision, "practice.decision.", Publish => "publish", Reject => "reject");

/// A practice as typed, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeInput {
    /// What is shared.
    pub kind: PracticeKind,
    /// Its title.
    pub title: String,
    /// Its text.
    pub body: String,
    /// The indicators' codes, without repeats, in the order given.
    pub indicators: Vec<String>,
}

/// Problems of a form, by field.
pub type Problems = Vec<(&'static str, ValidationError)>;

/// Checks a practice as typed: a known kind, a title, a text, and 1 to [`MAX_INDICATORS`]
/// indicators that `is_indicator` knows.
pub fn parse(
    kind: &str,
    title: &str,
    body: &str,
    indicators: &[String],
    is_indicator: impl Fn(&str) -> bool,
) -> Result<PracticeInput, Problems> {
    let mut problems = Vec::new();
    let kind = PracticeKind::from_code(kind);
    if kind.is_none() {
        problems.push(("kind", ValidationError::new("error.select.invalid")));
    }
    let title = title.trim();
    if title.is_empty() {
        problems.push(("title", ValidationError::new("error.practice.title_empty")));
    } else if title.chars().count() > MAX_TITLE {
        problems.push(("title", ValidationError::new("error.practice.title_too_long")));
    }
    let body = body.trim();
    if body.is_empty() {
        problems.push(("body", ValidationError::new("error.practice.body_empty")));
    } else if body.chars().count() > MAX_BODY {
        problems.push(("body", ValidationError::new("error.practice.body_too_long")));
    }
    let mut codes: Vec<String> = Vec::new();
    for code in indicators.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if !codes.iter().any(|known| known == code) {
            codes.push(code.to_owned());
        }
    }
    if codes.is_empty() {
        problems.push(("indicators", ValidationError::new("error.practice.no_indicator")));
    } else if codes.len() > MAX_INDICATORS {
        problems.push(("indicators", ValidationError::new("error.practice.too_many_indicators")));
    } else if codes.iter().any(|c| !is_indicator(c)) {
        problems.push(("indicators", ValidationError::new("error.practice.unknown_indicator")));
    }
    match kind {
        Some(kind) if problems.is_empty() => {
            Ok(PracticeInput { kind, title: title.to_owned(), body: body.to_owned(), indicators: codes })
        }
        _ => Err(problems),
    }
}

/// Checks a moderation: a reason is required to reject, and a practice is only moved to a
/// status it is not already in. Returns the new status and the trimmed note.
pub fn moderate(from: PracticeStatus, decision: &str, note: &str) -> Result<(PracticeStatus, String), Problems> {
    let Some(decision) = Decision::from_code(decision) else {
        return Err(vec![("decision", ValidationError::new("error.select.invalid"))]);
    };
    let note = note.trim();
    let to = match decision {
        Decision::Publish => PracticeStatus::Published,
        Decision::Reject => PracticeStatus::Rejected,
    };
    if to == from {
        return Err(vec![("decision", ValidationError::new("error.practice.already"))]);
    }
    if decision == Decision::Reject && note.is_empty() {
        return Err(vec![("note", ValidationError::new("error.practice.reason_needed"))]);
    }
    if note.chars().count() > MAX_NOTE {
        return Err(vec![("note", ValidationError::new("error.practice.note_too_long"))]);
    }
    Ok((to, note.to_owned()))
}

/// The kinds of file a practice may carry: documents and pictures people open everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileType {
    /// PDF document.
    Pdf,
    /// PNG picture.
    Png,
    /// JPEG picture.
    Jpeg,
    /// Word document.
    Docx,
    /// Excel workbook.
    Xlsx,
    /// PowerPoint presentation.
    Pptx,
    /// OpenDocument text.
    Odt,
    /// OpenDocument spreadsheet.
    Ods,
    /// OpenDocument presentation.
    Odp,
    /// Plain text.
    Text,
    /// Comma-separated values.
    Csv,
}

impl FileType {
    /// Every type.
    pub const ALL: [FileType; 11] = [
        FileType::Pdf,
        FileType::Png,
        FileType::Jpeg,
        FileType::Docx,
        FileType::Xlsx,
        FileType::Pptx,
        FileType::Odt,
        FileType::Ods,
        FileType::Odp,
        FileType::Text,
        FileType::Csv,
    ];

    /// The extensions that name it, lower case.
    pub const fn extensions(self) -> &'static [&'static str] {
        match self {
            FileType::Pdf => &["pdf"],
            FileType::Png => &["png"],
            FileType::Jpeg => &["jpg", "jpeg"],
            FileType::Docx => &["docx"],
            FileType::Xlsx => &["xlsx"],
            FileType::Pptx => &["pptx"],
            FileType::Odt => &["odt"],
            FileType::Ods => &["ods"],
            FileType::Odp => &["odp"],
            FileType::Text => &["txt"],
            FileType::Csv => &["csv"],
        }
    }

    /// The media type sent with the file.
    pub const fn media_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileType::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileType::Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            FileType::Odt => "application/vnd.oasis.opendocument.text",
            FileType::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            FileType::Odp => "application/vnd.oasis.opendocument.presentation",
            FileType::Text => "text/plain; charset=utf-8",
            FileType::Csv => "text/csv; charset=utf-8",
        }
    }

    /// Tells the type from a stored media type.
    pub fn from_media_type(media: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.media_type() == media)
    }

    /// Whether the content starts as this type's files do, so a renamed file is refused.
    fn matches(self, bytes: &[u8]) -> bool {
        match self {
            FileType::Pdf => bytes.starts_with(b"%PDF-"),
            FileType::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            FileType::Jpeg => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
            FileType::Docx | FileType::Xlsx | FileType::Pptx | FileType::Odt | FileType::Ods | FileType::Odp => {
                bytes.starts_with(b"PK\x03\x04")
            }
            FileType::Text | FileType::Csv => std::str::from_utf8(bytes).is_ok() && !bytes.contains(&0),
        }
    }
}

/// An attachment, checked: a clean name, a known type, a size within limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The name shown and proposed on download.
    pub name: String,
    /// Its type.
    pub file_type: FileType,
}

/// The name of an uploaded file as shown: its last path segment, without control characters or
/// quotes, at most 120 characters.
pub fn clean_file_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last.chars().filter(|c| !c.is_control() && *c != '"').collect();
    let trimmed = cleaned.trim();
    let count = trimmed.chars().count();
    if count <= 120 {
        return trimmed.to_owned();
    }
    // Keep the extension, which tells people what opens the file.
    let (stem, ext) = trimmed.rsplit_once('.').filter(|(_, e)| e.chars().count() <= 5).unwrap_or((trimmed, ""));
    let keep = 120 - ext.chars().count() - usize::from(!ext.is_empty());
    let stem: String = stem.chars().take(keep).collect();
    if ext.is_empty() { stem } else { format!("{stem}.{ext}") }
}

/// Checks one uploaded file.
pub fn check_attachment(raw_name: &str, bytes: &[u8]) -> Result<Attachment, ValidationError> {
    let name = clean_file_name(raw_name);
    if bytes.is_empty() {
        return Err(ValidationError::new("error.practice.file_empty"));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ValidationError::new("error.practice.file_too_big"));
    }
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default();
    let file_type = FileType::ALL
        .into_iter()
        .find(|t| t.extensions().contains(&extension.as_str()))
        .ok_or(ValidationError::new("error.practice.file_type"))?;
    if !file_type.matches(bytes) {
        return Err(ValidationError::new("error.practice.file_content"));
    }
    Ok(Attachment { name, file_type })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(code: &str) -> bool {
        matches!(code, "1.1.1" | "1.1.2" | "2.3.1")
    }

    fn keys(problems: Problems) -> Vec<(&'static str, &'static str)> {
        problems.into_iter().map(|(f, e)| (f, e.key)).collect()
    }

    #[test]
    fn codes_round_trip() {
        for k in PracticeKind::ALL {
            assert_eq!(PracticeKind::from_code(k.code()), Some(*k));
        }
        for s in PracticeStatus::ALL {
            assert_eq!(PracticeStatus::from_code(s.code()), Some(*s));
        }
        assert_eq!(PracticeKind::Testimony.label_key(), "practice.kind.testimony");
        assert_eq!(PracticeStatus::from_code("draft"), None);
        for t in FileType::ALL {
            assert_eq!(FileType::from_media_type(t.media_type()), Some(t));
        }
    }

    #[test]
    fn a_practice_is_checked_whole() {
        let codes = vec![" 1.1.2 ".to_owned(), "2.3.1".into(), "1.1.2".into(), String::new()];
        let input = parse("tool", "  Grille d'entretien ", " Nous utilisons… ", &codes, known).unwrap();
        assert_eq!(input.kind, PracticeKind::Tool);
        assert_eq!(input.title, "Grille d'entretien");
        assert_eq!(input.body, "Nous utilisons…");
        assert_eq!(input.indicators, vec!["1.1.2", "2.3.1"]);

        let problems = parse("recipe", " ", "", &[], known).unwrap_err();
        assert_eq!(
            keys(problems),
            vec![
                ("kind", "error.select.invalid"),
                ("title", "error.practice.title_empty"),
                ("body", "error.practice.body_empty"),
                ("indicators", "error.practice.no_indicator"),
            ]
        );
    }

    #[test]
    fn limits_are_enforced() {
        let one = vec!["1.1.1".to_owned()];
        let long_title = "é".repeat(MAX_TITLE + 1);
        assert_eq!(
            keys(parse("practice", &long_title, "x", &one, known).unwrap_err())[0].1,
            "error.practice.title_too_long"
        );
        assert!(parse("practice", &"é".repeat(MAX_TITLE), "x", &one, known).is_ok());
        let long_body = "x".repeat(MAX_BODY + 1);
        assert_eq!(
            keys(parse("practice", "t", &long_body, &one, known).unwrap_err())[0].1,
            "error.practice.body_too_long"
        );
        let many: Vec<String> = (0..=MAX_INDICATORS).map(|i| format!("{i}")).collect();
        assert_eq!(
            keys(parse("practice", "t", "b", &many, |_| true).unwrap_err())[0].1,
            "error.practice.too_many_indicators"
        );
        let unknown = vec!["1.1.1".to_owned(), "9.9.9".into()];
        assert_eq!(
            keys(parse("practice", "t", "b", &unknown, known).unwrap_err())[0].1,
            "error.practice.unknown_indicator"
        );
    }

    #[test]
    fn moderation_needs_a_reason_to_reject() {
        use PracticeStatus::*;
        assert_eq!(moderate(Pending, "publish", " ").unwrap(), (Published, String::new()));
        assert_eq!(moderate(Pending, "reject", " Hors sujet ").unwrap(), (Rejected, "Hors sujet".into()));
        assert_eq!(
            keys(moderate(Pending, "reject", "  ").unwrap_err()),
            vec![("note", "error.practice.reason_needed")]
        );
        // A published practice can be taken back, with a reason; a rejected one published later.
        assert_eq!(moderate(Published, "reject", "Données personnelles").unwrap().0, Rejected);
        assert_eq!(moderate(Rejected, "publish", "").unwrap().0, Published);
        assert_eq!(keys(moderate(Published, "publish", "").unwrap_err()), vec![("decision", "error.practice.already")]);
        assert_eq!(keys(moderate(Pending, "archive", "").unwrap_err()), vec![("decision", "error.select.invalid")]);
        let long = "x".repeat(MAX_NOTE + 1);
        assert_eq!(
            keys(moderate(Pending, "reject", &long).unwrap_err()),
            vec![("note", "error.practice.note_too_long")]
        );
    }

    #[test]
    fn file_names_are_cleaned() {
        assert_eq!(clean_file_name("C:\\Users\\moi\\Grille.pdf"), "Grille.pdf");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("a\"b\u{7}c.txt"), "abc.txt");
        let long = format!("{}.docx", "n".repeat(200));
        let cleaned = clean_file_name(&long);
        assert_eq!(cleaned.chars().count(), 120);
        assert!(cleaned.ends_with(".docx"));
    }

    #[test]
    fn attachments_are_checked_by_name_and_content() {
        let pdf = b"%PDF-1.7 rest".to_vec();
        let a = check_attachment("Procédure.PDF", &pdf).unwrap();
        assert_eq!((a.name.as_str(), a.file_type), ("Procédure.PDF", FileType::Pdf));
        assert_eq!(check_attachment("photo.jpeg", &[0xFF, 0xD8, 0xFF, 0xE0]).unwrap().file_type, FileType::Jpeg);
        assert_eq!(check_attachment("grille.xlsx", b"PK\x03\x04...").unwrap().file_type, FileType::Xlsx);
        assert_eq!(check_attachment("notes.txt", "Éléments".as_bytes()).unwrap().file_type, FileType::Text);
        let key = |name: &str, bytes: &[u8]| check_attachment(name, bytes).unwrap_err().key;
        assert_eq!(key("vide.pdf", b""), "error.practice.file_empty");
        assert_eq!(key("script.exe", b"MZ"), "error.practice.file_type");
        assert_eq!(key("sans-extension", b"%PDF-"), "error.practice.file_type");
        assert_eq!(key("accueil.html", b"<html>"), "error.practice.file_type");
        // A program renamed as a document is refused by its content.
        assert_eq!(key("rapport.pdf", b"MZ\x90\x00"), "error.practice.file_content");
        assert_eq!(key("table.csv", &[0x41, 0x00, 0x42]), "error.practice.file_content");
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(key("gros.txt", &big), "error.practice.file_too_big");
        assert!(check_attachment("juste.txt", &big[..MAX_FILE_BYTES]).is_ok());
    }
}
