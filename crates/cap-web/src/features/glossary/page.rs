//! The pages the glossary's actions render: a glossary with its form to add a term, and a term
//! with its versions and its form to write a new one.

use crate::forms::FormErrors;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use cap_app::glossary::Glossary;
use cap_domain::glossary::anchor;
use cap_storage::glossary::{Revision, Term};

/// A term as typed in a form.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct TermForm {
    /// The term.
    pub term: String,
    /// Its definition.
    pub definition: String,
    /// The version the form was opened on (a new version only).
    pub version: i64,
}

/// A glossary with its form.
#[derive(Template, WebTemplate)]
#[template(path = "glossary/show.html")]
pub struct GlossaryPage {
    /// The frame.
    pub page: Page,
    /// The glossary.
    pub glossary: Glossary,
    /// What was typed in the form to add a term.
    pub typed: TermForm,
    /// Its problems.
    pub errors: FormErrors,
}

impl GlossaryPage {
    /// The anchor of a term in this page.
    fn anchor(&self, term: &str) -> String {
        anchor(term)
    }
}

/// A term with its versions and its form.
#[derive(Template, WebTemplate)]
#[template(path = "glossary/term.html")]
pub struct TermPage {
    /// The frame.
    pub page: Page,
    /// The term as stored now.
    pub term: Term,
    /// Its versions, the latest first.
    pub history: Vec<Revision>,
    /// Whether the reader may write it.
    pub may_edit: bool,
    /// Its glossary's page.
    pub back: String,
    /// What was typed (the stored term when the form opens).
    pub typed: TermForm,
    /// Its problems.
    pub errors: FormErrors,
    /// Someone wrote a new version while this one was typed: theirs is `term`, ours `typed`.
    pub conflict: bool,
}

impl TermPage {
    /// The page of a term, its form holding what is stored.
    pub fn new(page: Page, term: Term, history: Vec<Revision>, may_edit: bool) -> Self {
        let typed = TermForm { term: term.term.clone(), definition: term.definition.clone(), version: term.version };
        let back = format!("{}#{}", cap_app::glossary::page_of(term.group_id), anchor(&term.term));
        Self { page, term, history, may_edit, back, typed, errors: FormErrors::new(), conflict: false }
    }
}
