//! `GET /campaigns/{id}/results`: the photographie. Scores by pillar (radar) and by general
//! objective (bars), each with its data table; a heat map of the indicators against their targets;
//! strengths, weaknesses and the answers people disagreed on; and the comparison with the
//! organisation's previous campaign, across referential versions through the code map.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, read_results};
use cap_app::i18n::{Locale, Tr};
use cap_app::photographie::{View, build};
use cap_app::stamped_cache::StampedCache;
use cap_storage::plans::{self, ResultsStamp};
use std::sync::Arc;

/// Rendered photographies by (campaign, campaign version, organisation version, language), valid
/// while the campaign's [`ResultsStamp`] is unchanged.
pub type Cache = StampedCache<(i64, i64, i64, Locale), ResultsStamp, String>;

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
}

/// Shows the photographie.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, read_results).await?;
    let can_run = viewer.can(cap_app::campaigns::run(&loaded.org, Default::default()));
    let answers_open = loaded.campaign.status.answers_open();
    let stamp = plans::results_stamp(&state.db, id, loaded.org.id, answers_open).await?;
    // The organisation's type decides which indicators count; its version moves when it is edited.
    let key = (id, loaded.campaign.version, loaded.org.version, page.t.locale);
    let body = match state.photographies.get(&key, &stamp) {
        Some(body) => body,
        None => {
            let v = build(&state, &loaded, page.t).await?;
            let body =
                Body { t: page.t, campaign: id, v: &v }.render().map_err(|e| AppError::Internal(e.to_string()))?;
            let body = Arc::new(body);
            state.photographies.insert(key, stamp, body.clone());
            body
        }
    };
    Ok(PhotographiePage { page, loaded, can_run, body }.into_response())
}
