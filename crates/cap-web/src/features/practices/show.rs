//! `GET /practices/{id}`: one practice with its indicators and attachments. Its author sees where
//! it stands (and why it was refused); a delegate of its region publishes or refuses it here.

use super::{IndicatorLink, Indicators, human_size, is_author, load_readable, may_moderate};
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::page::Page;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
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

/// Shows the practice.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let practice = load_readable(&state, &viewer, id).await?;
    Ok(render(&state, page, &viewer, practice).await?.into_response())
}
