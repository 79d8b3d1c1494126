//! The page of one practice as its actions render it: its indicators and attachments, where it
//! stands for its author, and the moderation form for a delegate of its region.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::page::Page;
use crate::session::Viewer;
use askama::Template;
use askama_web::WebTemplate;
use cap_app::practices::{IndicatorLink, Indicators, human_size, is_author, may_moderate};
use cap_domain::practice::Decision;
use cap_storage::practices::Practice;

#[derive(Template, WebTemplate)]
#[template(path = "practices/show.html")]
pub(crate) struct ShowPage {
    pub(crate) page: Page,
    pub(crate) practice: Practice,
    pub(crate) body_html: String,
    pub(crate) indicators: Vec<IndicatorLink>,
    pub(crate) sizes: Vec<String>,
    pub(crate) author: bool,
    pub(crate) moderator: bool,
    pub(crate) decision: String,
    pub(crate) note: String,
    pub(crate) errors: FormErrors,
}

impl ShowPage {
    fn decisions(&self) -> &'static [Decision] {
        Decision::ALL
    }
}

/// Builds the page of a practice the viewer may read.
pub(crate) async fn render(state: &AppState, page: Page, viewer: &Viewer, practice: Practice) -> AppResult<ShowPage> {
    let fr = page.t.lang() == "fr";
    let indicators = Indicators::latest(state, &practice.referential_code).await?.links(&practice.indicators);
    Ok(ShowPage {
        body_html: crate::markdown::render(&practice.body),
        sizes: practice.files.iter().map(|f| human_size(f.size, fr)).collect(),
        author: is_author(&practice, viewer),
        moderator: may_moderate(&practice, viewer),
        decision: String::new(),
        note: String::new(),
        errors: FormErrors::new(),
        indicators,
        practice,
        page,
    })
}
