//! `GET /campaigns/{id}/benchmark`: the organisation's scores by pillar and objective beside the
//! median and quartiles of similar organisations — same type in the same region, same type
//! nationally, or every organisation — from their latest campaigns, leaving the organisation out,
//! and only where at least five organisations make the figure.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, read_results};
use cap_app::results::outcome;
use cap_domain::network::{Quartiles, Shown, Standing, quartiles};
use cap_domain::referential::NodeKind;
use cap_reports::charts::percent;
use cap_storage::network::Filter;
use serde::Deserialize;

/// Which peers.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Peers {
    /// `region` (same type, same region; the default), `national` (same type) or `all`.
    #[serde(default)]
    pub peers: String,
}

/// One line: a pillar or objective.
pub struct Row {
    /// Its label.
    pub label: String,
    /// Its depth in the tree.
    pub depth: usize,
    /// The organisation's score.
    pub own: Option<f64>,
    /// The peers' spread.
    pub peers: Shown<Quartiles>,
    /// Where the organisation stands.
    pub standing: Option<Standing>,
}

#[derive(Template, WebTemplate)]
#[template(path = "network/benchmark.html")]
struct BenchmarkPage {
    page: Page,
    loaded: Loaded,
    rows: Vec<Row>,
    peers: String,
}

/// Shows the benchmark.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(q): Query<Peers>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, read_results).await?;
    let own = outcome(&state, &loaded).await?;
    let peers = match q.peers.as_str() {
        "national" | "all" => q.peers.clone(),
        _ => "region".to_owned(),
    };
    let filter = Filter {
        region: (peers == "region").then_some(loaded.org.region_id),
        org_type: (peers != "all").then(|| loaded.org.org_type.clone()),
        year: None,
    };
    let by_node =
        cap_app::network::peer_scores(&state, &filter, &loaded.referential.referential.code, loaded.org.id).await?;
    let r = &loaded.referential.referential;
    let rows = r
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind != NodeKind::Indicator)
        .filter_map(|(i, node)| {
            let own_score = own.scores.nodes.get(&node.code).map(|s| s.score);
            let values = by_node.get(&node.code).map(Vec::as_slice).unwrap_or_default();
            if own_score.is_none() && values.is_empty() {
                return None;
            }
            let spread = quartiles(values);
            Some(Row {
                label: node.label().to_owned(),
                depth: loaded.referential.depths.get(i).copied().unwrap_or(0),
                standing: own_score.zip(spread.value().copied()).map(|(s, q)| Standing::of(s, &q)),
                own: own_score,
                peers: spread,
            })
        })
        .collect();
    Ok(BenchmarkPage { page, loaded, rows, peers }.into_response())
}

impl BenchmarkPage {
    fn share(&self, value: &Option<f64>) -> String {
        value.map_or_else(|| "—".to_owned(), percent)
    }

    fn quartile(&self, shown: &Shown<Quartiles>, which: usize) -> String {
        match shown.value() {
            Some(q) => match which {
                0 => percent(q.q1),
                1 => percent(q.median),
                2 => percent(q.q3),
                _ => q.organisations.to_string(),
            },
            None => self.page.t.t("network.hidden").to_owned(),
        }
    }
}
