//! `GET /campaigns/{id}/consolidation`: every indicator with the spread of individual answers,
//! ranked by divergence so the most discussed come first, with the proposed level and the shared
//! answer decided so far.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{IndicatorView, Loaded, individuals, load, run, view_of};
use cap_storage::campaigns;
use serde::Deserialize;

/// The list's order.
#[derive(Debug, Default, Deserialize)]
pub struct OrderQuery {
    #[serde(default)]
    order: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/consolidation.html")]
struct ConsolidationPage {
    page: Page,
    loaded: Loaded,
    rows: Vec<IndicatorView>,
    by_tree: bool,
    decided: usize,
    editable: bool,
    /// The pillars still answered, by title (their indicators come later).
    to_come: String,
    level_labels: Vec<(i64, String)>,
}

/// Shows the list.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<OrderQuery>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let answers = individuals(&state, &loaded).await?;
    let participants = campaigns::participants(&state.db, id).await?.len();
    let decisions = campaigns::consolidated(&state.db, id).await?;
    let t = page.t;
    // Once a pillar's consolidation begins, the list holds the pillars being (or already)
    // consolidated; before, every indicator shows, to follow the answers as they come.
    let covered = if loaded.steps.any_results() { loaded.result_indicators() } else { loaded.indicators() };
    let mut rows: Vec<IndicatorView> = covered
        .into_iter()
        .map(|node| {
            view_of(
                &loaded,
                node,
                answers.get(&node.code).map_or(&[][..], Vec::as_slice),
                participants,
                decisions.get(&node.code),
                t,
            )
        })
        .collect();
    let by_tree = query.order == "tree";
    if !by_tree {
        rows.sort_by(|a, b| b.score.total_cmp(&a.score));
    }
    let decided = rows.iter().filter(|r| r.decided.is_some()).count();
    let level_labels = loaded.referential.referential.scale.levels.iter().map(|l| (l.value, l.label.clone())).collect();
    let editable = loaded.steps.any_consolidating();
    let to_come = if editable { loaded.pillars_to_come(t.lang() == "en").join(", ") } else { String::new() };
    Ok(ConsolidationPage { page, loaded, rows, by_tree, decided, editable, level_labels, to_come }.into_response())
}
