//! `GET/POST /campaigns/{id}/venue/imports/{import}`: what a results file brings back, each
//! answer beside the server's: written when nobody changed it meanwhile, already the same, or
//! changed on both sides — then the coordinator chooses, and everything chosen is written in one
//! transaction. Nothing is overwritten without a choice; a file applied once is never applied
//! again.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, run};
use cap_app::venue::{Applied, Review, apply, review};
use cap_domain::venue::Merge;
use std::collections::HashMap;

#[derive(Template, WebTemplate)]
#[template(path = "venue/review.html")]
struct ReviewPage {
    page: Page,
    loaded: Loaded,
    review: Review,
    /// The choices made so far, by field.
    chosen: HashMap<String, String>,
    /// Why the form came back: conflicts left without a choice, or a change made meanwhile.
    problem: Option<String>,
}

impl ReviewPage {
    fn choice(&self, field: &str) -> &str {
        self.chosen.get(field).map_or("", String::as_str)
    }

    fn gone(&self) -> bool {
        self.review.counts()[3] > 0
    }

    fn conflicts(&self) -> bool {
        self.review.counts()[2] > 0
    }

    fn is(&self, merge: &Merge, name: &str) -> bool {
        matches!(
            (merge, name),
            (Merge::Apply, "apply") | (Merge::Same, "same") | (Merge::Conflict, "conflict") | (Merge::Gone, "gone")
        )
    }
}

/// The choices: `venue` or `server` under each conflict's field.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Choices {
    #[serde(flatten)]
    chosen: HashMap<String, String>,
}

/// Shows what the file brings back.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, import)): Path<(i64, i64)>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let review = review(&state, &loaded, import, page.t).await?;
    Ok(ReviewPage { page, loaded, review, chosen: HashMap::new(), problem: None }.into_response())
}

/// Applies the file with the choices made, or shows it again with what is missing.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, import)): Path<(i64, i64)>,
    page: Page,
    form: Result<Form<Choices>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(Choices { chosen }) = form?;
    let t = page.t;
    let (problem, status) = match apply(&state, &loaded, import, &chosen, &ctx.author(), t).await {
        Ok(Applied::Done { .. }) => {
            return Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/venue"), "flash.venue_applied"));
        }
        Ok(Applied::AlreadyApplied) => {
            return Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/venue"), "flash.venue_already_applied"));
        }
        Ok(Applied::Undecided(fields)) => (t.t1("venue.undecided", fields.len()), StatusCode::UNPROCESSABLE_ENTITY),
        Err(e) if e.stale().is_some() => (t.t("venue.changed_meanwhile").to_owned(), StatusCode::CONFLICT),
        Err(e) => return Err(e.into()),
    };
    let review = review(&state, &loaded, import, t).await?;
    Ok((status, ReviewPage { page, loaded, review, chosen, problem: Some(problem) }).into_response())
}
