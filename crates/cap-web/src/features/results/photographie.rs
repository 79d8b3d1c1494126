//! `GET /campaigns/{id}/results`: the photographie. Scores by pillar (radar) and by general
//! objective (bars), each with its data table; a heat map of the indicators against their targets;
//! strengths, weaknesses and the answers people disagreed on; and the comparison with the
//! organisation's previous campaign, across referential versions through the code map.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::SelectOption;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Query;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, read_results};
use cap_app::i18n::{Locale, Tr};
use cap_app::photographie::{View, build};
use cap_app::results::comparable;
use cap_app::stamped_cache::StampedCache;
use cap_storage::plans::{self, ResultsStamp};
use serde::Deserialize;
use std::sync::Arc;

/// Rendered photographies by (campaign, campaign version, organisation version, language, campaign
/// compared with), valid while the campaign's [`ResultsStamp`] is unchanged.
pub type Cache = StampedCache<(i64, i64, i64, Locale, Option<i64>), ResultsStamp, String>;

/// Which earlier campaign to compare with.
#[derive(Debug, Default, Deserialize)]
pub struct CompareQuery {
    #[serde(default)]
    compare: Option<i64>,
}

#[derive(Template)]
#[template(path = "results/photographie_body.html")]
struct Body<'a> {
    t: Tr,
    campaign: i64,
    v: &'a View,
}

#[derive(Template, WebTemplate)]
#[template(path = "results/photographie.html")]
struct PhotographiePage {
    page: Page,
    loaded: Loaded,
    can_run: bool,
    body: Arc<String>,
    /// The earlier campaigns that may be compared with, and the one chosen, when there is a choice.
    comparable: Vec<SelectOption>,
}

/// Shows the photographie.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<CompareQuery>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, read_results).await?;
    let earlier = comparable(&state, &loaded).await?;
    let chosen = query.compare.filter(|c| earlier.iter().any(|e| e.id == *c));
    let current = chosen.or(earlier.first().map(|e| e.id)).map(|c| c.to_string()).unwrap_or_default();
    let comparable = if earlier.len() > 1 {
        earlier.iter().map(|e| SelectOption::new(e.id.to_string(), e.title.clone(), &current)).collect()
    } else {
        Vec::new()
    };
    let can_run = viewer.can(cap_app::campaigns::run(&loaded.org, Default::default()));
    let stamp = plans::results_stamp(&state.db, id, loaded.org.id, loaded.steps.any_answers_open()).await?;
    // The organisation's type decides which indicators count; its version moves when it is edited.
    let key = (id, loaded.campaign.version, loaded.org.version, page.t.locale, chosen);
    let body = state
        .photographies
        .get_or_compute(key, stamp, || async {
            let v = build(&state, &loaded, page.t, chosen).await?;
            Body { t: page.t, campaign: id, v: &v }.render().map_err(|e| AppError::Internal(e.to_string()))
        })
        .await?;
    Ok(PhotographiePage { page, loaded, can_run, body, comparable }.into_response())
}
