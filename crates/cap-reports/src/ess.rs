//! The presentation to the general assembly along the eight themes of the ESS good-practice
//! guide, derived from a Cap campaign: as a PDF, and as an editable Typst document that typesets
//! to the same PDF once the board has amended it.

use crate::pdf::PdfError;
use std::fmt::Write as _;
use std::sync::OnceLock;
use typst::comemo;
use typst::foundations::Bytes;
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;

const BODY: &str = include_str!("ess_body.typ");

/// One of the guide's themes, answered from the campaign.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Theme {
    /// Its title.
    pub title: String,
    /// Where the structure stands on it, in words.
    pub status: String,
    /// The guide's questions on it, to prepare what is said at the assembly.
    pub questions: Vec<String>,
    /// What the structure does: the campaign's linked indicators with their shared answers and
    /// the reasons given.
    pub practice: Vec<String>,
    /// Its progress objectives: the plan's actions on those indicators.
    pub objectives: Vec<String>,
}

/// The fixed words of the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    /// « Où en sommes-nous ».
    pub status: String,
    /// « Les questions du guide ».
    pub questions: String,
    /// « Ce que nous faisons ».
    pub practice: String,
    /// « Nos objectifs de progrès ».
    pub objectives: String,
    /// Said when a theme or a question has nothing.
    pub nothing: String,
    /// Said when no action of the plan works on a question.
    pub no_objective: String,
}

/// The whole document, every text in the reader's language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ess {
    /// Language code (`fr`, `en`).
    pub lang: String,
    /// The document's title.
    pub title: String,
    /// The organisation's name.
    pub organisation: String,
    /// The campaign's title.
    pub campaign: String,
    /// When it was made, in words.
    pub generated_on: String,
    /// A paragraph on what the document is and how it was made.
    pub intro: String,
    /// Fixed words.
    pub labels: Labels,
    /// The themes, in the guide's order.
    pub themes: Vec<Theme>,
}

/// A Typst string literal: the text exactly, whatever it holds.
fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A Typst array of strings (a one-element array keeps its trailing comma).
fn strings(out: &mut String, items: &[String], indent: &str) {
    if items.is_empty() {
        out.push_str("()");
        return;
    }
    out.push_str("(\n");
    for item in items {
        out.push_str(indent);
        out.push_str("  ");
        string(out, item);
        out.push_str(",\n");
    }
    out.push_str(indent);
    out.push(')');
}

impl Ess {
    /// The editable document: the layout, then the data as Typst values, one text per line, so
    /// a board can amend any sentence and typeset it with Typst (`typst compile`).
    pub fn source(&self) -> String {
        let mut out = String::with_capacity(BODY.len() + 16_384);
        out.push_str(BODY);
        out.push_str("\n// The texts below may be changed freely; keep the quotes and commas.\n#ess((\n");
        for (key, value) in [
            ("lang", &self.lang),
            ("title", &self.title),
            ("organisation", &self.organisation),
            ("campaign", &self.campaign),
            ("generated_on", &self.generated_on),
            ("intro", &self.intro),
        ] {
            let _ = write!(out, "  {key}: ");
            string(&mut out, value);
            out.push_str(",\n");
        }
        out.push_str("  labels: (\n");
        for (key, value) in [
            ("status", &self.labels.status),
            ("questions", &self.labels.questions),
            ("practice", &self.labels.practice),
            ("objectives", &self.labels.objectives),
            ("nothing", &self.labels.nothing),
            ("no_objective", &self.labels.no_objective),
        ] {
            let _ = write!(out, "    {key}: ");
            string(&mut out, value);
            out.push_str(",\n");
        }
        out.push_str("  ),\n  themes: (\n");
        for theme in &self.themes {
            out.push_str("    (\n      title: ");
            string(&mut out, &theme.title);
            out.push_str(",\n      status: ");
            string(&mut out, &theme.status);
            for (key, list) in
                [("questions", &theme.questions), ("practice", &theme.practice), ("objectives", &theme.objectives)]
            {
                let _ = write!(out, ",\n      {key}: ");
                strings(&mut out, list, "      ");
            }
            out.push_str(",\n    ),\n");
        }
        out.push_str("  ),\n))\n");
        out
    }

    /// The PDF, typeset from [`Ess::source`] itself: the document the board amends is the one
    /// printed.
    pub fn pdf(&self) -> Result<Vec<u8>, PdfError> {
        static FONTS: OnceLock<Vec<Bytes>> = OnceLock::new();
        let fonts = FONTS.get_or_init(|| typst_assets::fonts().map(Bytes::new).collect());
        let engine = TypstEngine::builder().main_file(self.source()).fonts(fonts.iter().cloned()).build();
        let compiled = engine.compile::<PagedDocument>().output;
        let result = compiled.map_err(|e| PdfError::Typeset(e.to_string())).and_then(|document| {
            typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
                PdfError::Export(errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; "))
            })
        });
        comemo::evict(0);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Ess {
        Ess {
            lang: "fr".into(),
            title: "Présentation à l'assemblée générale".into(),
            organisation: "Atelier \"du\" Lac".into(),
            campaign: "Auto-évaluation 2026".into(),
            generated_on: "6 décembre 2026".into(),
            intro: "Établi à partir de l'auto-évaluation.\nDeuxième ligne #panic(\"x\") *gras* $x$ \\ [a] {b}".into(),
            labels: Labels {
                status: "Où en sommes-nous".into(),
                questions: "Les questions du guide".into(),
                practice: "Ce que nous faisons".into(),
                objectives: "Nos objectifs de progrès".into(),
                nothing: "Rien pour l'instant.".into(),
                no_objective: "Aucune action du plan.".into(),
            },
            themes: vec![
                Theme {
                    title: "Gouvernance démocratique".into(),
                    status: "Couverte en partie".into(),
                    questions: vec!["Les instances se réunissent-elles ?".into()],
                    practice: vec!["Gouvernance — 3 — En place : « Vu ensemble »".into()],
                    objectives: vec![],
                },
                Theme { title: "Développement durable".into(), status: "Non couverte".into(), ..Theme::default() },
            ],
        }
    }

    #[test]
    fn the_editable_document_holds_every_text_as_typed() {
        let source = sample().source();
        assert!(source.starts_with("// The presentation to the general assembly"));
        assert!(source.contains(r#"organisation: "Atelier \"du\" Lac","#));
        assert!(source.contains(r#"\n"#) && source.contains(r#"#panic(\"x\")"#), "markup stays text");
        assert!(source.contains("practice: (\n        \"Gouvernance — 3"), "one text per line");
        assert!(source.contains("objectives: ()"));
    }

    #[test]
    fn the_pdf_is_typeset_from_the_editable_document() {
        let bytes = sample().pdf().expect("typeset");
        assert!(bytes.starts_with(b"%PDF-"));
        let path = std::env::temp_dir().join(format!("cap-ess-{}.pdf", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        let out = std::process::Command::new("pdftotext")
            .args(["-enc", "UTF-8", path.to_str().unwrap(), "-"])
            .output()
            .expect("pdftotext is needed to read the PDFs back: apt-get install poppler-utils");
        std::fs::remove_file(&path).unwrap();
        let text = String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("Gouvernance démocratique") && text.contains("Atelier \"du\" Lac"), "{text}");
        assert!(text.contains("#panic(\"x\") *gras* $x$"), "texts printed as typed: {text}");
        assert!(text.contains("Aucune action du plan.") && text.contains("Rien pour l'instant."), "{text}");
        assert!(text.contains("Les instances se réunissent-elles ?"), "{text}");
    }
}
