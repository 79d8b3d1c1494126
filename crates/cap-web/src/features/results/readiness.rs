//! `GET /campaigns/{id}/readiness?ref=CODE` and `POST /campaigns/{id}/readiness/plan`: how far
//! the campaign's shared answers cover each requirement of a certification referential mapped
//! from its own (ISO 9001:2015 today) — covered, partly, not assessed, not covered, by the
//! weakest-link rule — and « ce qui reste », which a coordinator adds to the plan in one step,
//! one action per requirement.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, read_results, run};
use cap_app::readiness::{Added, Readiness, Target, TrendPoint, add_to_plan, readiness, targets, trend};
use serde::Deserialize;

/// Which referential.
#[derive(Debug, Default, Deserialize)]
pub struct RefQuery {
    #[serde(default, rename = "ref")]
    target: Option<String>,
}

/// The requirements ticked to add to the plan.
#[derive(Debug, Default, Deserialize)]
pub struct AddForm {
    #[serde(default, rename = "ref")]
    target: String,
    #[serde(default, rename = "clause")]
    clauses: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "results/readiness.html")]
struct ReadinessPage {
    page: Page,
    loaded: Loaded,
    can_run: bool,
    targets: Vec<Target>,
    view: Readiness,
    /// Earlier campaigns' readiness, oldest first.
    trend: Vec<TrendPoint>,
}

impl ReadinessPage {
    /// Whether any requirement has something left to do.
    fn anything_left(&self) -> bool {
        self.view.articles.iter().flat_map(|a| &a.clauses).any(|c| c.remaining > 0)
    }
}

/// Shows the readiness for the chosen referential (the first one mapped, by default).
pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<RefQuery>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, read_results).await?;
    let targets = targets(&state, &loaded).await?;
    let chosen = query.target.filter(|c| targets.iter().any(|t| t.code == *c));
    let code = chosen.or_else(|| targets.first().map(|t| t.code.clone())).ok_or(AppError::NotFound)?;
    let view = readiness(&state, &loaded, &code, page.t).await?;
    let trend = trend(&state, &loaded, &code).await?;
    let can_run = viewer.can(run(&loaded.org, Default::default()));
    Ok(ReadinessPage { page, loaded, can_run, targets, view, trend }.into_response())
}

/// Adds the ticked requirements' remaining indicators to the plan.
pub async fn add(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<AddForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(form) = form?;
    let back = format!("/campaigns/{id}/readiness?ref={}", urlencode(&form.target));
    match add_to_plan(&state, &ctx.author(), &loaded, &form.target, &form.clauses, page.t).await? {
        Added::NoPlan => Ok(redirect_with_flash(&state, &back, "flash.readiness_no_plan")),
        Added::Actions(0) => Ok(redirect_with_flash(&state, &back, "flash.readiness_nothing")),
        Added::Actions(_) => Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/plan"), "flash.readiness_added")),
    }
}

/// A referential code in a query string (codes are letters, digits, `.`, `-`, `_`).
fn urlencode(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')).collect()
}
