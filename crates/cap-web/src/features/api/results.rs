//! `GET /api/campaigns/{id}/results`: the photographie as data — the overall score, each pillar's
//! and objective's score with its target, each indicator's score or figure.

use super::ok;
use crate::app::AppState;
use crate::error::AppResult;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, read_results};
use cap_app::results::outcome;
use cap_domain::api::ApiScope;
use cap_domain::referential::NodeKind;
use cap_domain::scoring::IndicatorScore;
use serde_json::json;

/// The campaign's scores, in tree order; scores and targets are shares of the scale (0 to 1).
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    viewer.require_scope(ApiScope::Read)?;
    let loaded = load(&state, &viewer, id, read_results).await?;
    let out = outcome(&state, &loaded).await?;
    let r = &loaded.referential.referential;
    let covered: std::collections::HashSet<&str> = loaded.indicators().iter().map(|n| n.code.as_str()).collect();
    let mut nodes = Vec::new();
    for node in &r.nodes {
        let entry = if node.kind == NodeKind::Indicator {
            if !covered.contains(node.code.as_str()) {
                continue;
            }
            let (score, figure, state_code) = match out.scores.indicators.get(&node.code) {
                Some(IndicatorScore::Share(s)) => (Some(*s), None, "scored"),
                Some(IndicatorScore::Figure(f)) => (None, Some(*f), "figure"),
                Some(IndicatorScore::NotApplicable) => (None, None, "not_applicable"),
                Some(IndicatorScore::Text) => (None, None, "text"),
                Some(IndicatorScore::Unrated) | None => (None, None, "unrated"),
            };
            json!({
                "code": node.code, "kind": "indicator", "parent": node.parent, "label": node.label(),
                "score": score, "figure": figure, "state": state_code,
                "target_level": out.targets.level_of(r, node),
            })
        } else {
            let Some(s) = out.scores.nodes.get(&node.code) else { continue };
            let kind = if node.parent.is_none() { "pillar" } else { "objective" };
            json!({
                "code": node.code, "kind": kind, "parent": node.parent, "label": node.label(),
                "score": s.score, "target": s.target, "rated": s.rated,
            })
        };
        nodes.push(entry);
    }
    Ok(ok(json!({
        "campaign": id,
        "overall": out.scores.overall.map(|s| json!({ "score": s.score, "target": s.target, "rated": s.rated })),
        "unrated": out.scores.unrated,
        "nodes": nodes,
    })))
}
