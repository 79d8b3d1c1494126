//! `GET /groups/{id}`: the group's organisations side by side, for its lead: the list, and each
//! one's latest scores by pillar and objective beside the group's mean, to harmonise practices.
//! The lead may see each of the group's organisations, so these figures are not anonymised.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_domain::GroupId;
use cap_domain::authz::Permission;
use cap_domain::referential::NodeKind;
use cap_reports::charts::percent;
use cap_storage::organisations::{self, Filter, Organisation};
use cap_storage::{groups, network};

/// One pillar or objective across the group.
pub struct Row {
    /// Its label.
    pub label: String,
    /// Its depth.
    pub depth: usize,
    /// Each organisation's score (in the order of the columns).
    pub scores: Vec<Option<f64>>,
    /// The group's mean.
    pub mean: Option<f64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/group.html")]
struct GroupPage {
    page: Page,
    title: String,
    subtitle: String,
    organisations: Vec<Organisation>,
    /// The organisations with scores: name and identifier.
    columns: Vec<(String, i64)>,
    rows: Vec<Row>,
    /// Where each organisation's figures come from, or why it has none: (name, id, words).
    sources: Vec<(String, i64, String)>,
}

/// Shows the group.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let group = groups::get(&state.db, GroupId(id)).await?;
    viewer.require(Permission::ViewGroup(GroupId(group.id)))?;
    let organisations = organisations::list(&state.db, Filter { region: None, group: Some(GroupId(group.id)) }).await?;
    let scores = network::group_scores(&state.db, group.id).await?;
    // Name the nodes with the referential most of the group's campaigns use.
    let mut versions: Vec<i64> = scores.iter().map(|s| s.2).collect();
    versions.sort_unstable();
    let version = versions.chunk_by(|a, b| a == b).max_by_key(|run| run.len()).and_then(|run| run.first().copied());
    let t = page.t;
    let mut columns: Vec<(i64, String, i64)> = Vec::new();
    let mut sources = Vec::new();
    for o in &organisations {
        let words = if let Some(s) = scores.iter().find(|s| s.0 == o.id && Some(s.2) == version) {
            columns.push((o.id, o.name.clone(), s.1));
            // Each column says which campaign it shows, and when its results were settled.
            let campaign = cap_storage::campaigns::get(&state.db, s.1).await?;
            match campaign.consolidated_at {
                Some(at) => {
                    let day = cap_app::i18n::paris_datetime(at).map(|d| d.date().to_string()).unwrap_or_default();
                    t.tn("group.source", &[campaign.title, t.date(&day)])
                }
                None => t.t1("group.source_in_progress", campaign.title),
            }
        } else if scores.iter().any(|s| s.0 == o.id) {
            t.t("group.source_other_version").to_owned()
        } else {
            t.t("group.source_none").to_owned()
        };
        sources.push((o.name.clone(), o.id, words));
    }
    let mut rows = Vec::new();
    if let Some(v) = version {
        let cached = state.referentials.get(&state.db, v).await?;
        for (i, node) in cached.referential.nodes.iter().enumerate() {
            if node.kind == NodeKind::Indicator {
                continue;
            }
            let values: Vec<Option<f64>> = columns
                .iter()
                .map(|(org, _, _)| scores.iter().find(|s| s.0 == *org && s.3 == node.code).map(|s| s.4))
                .collect();
            let known: Vec<f64> = values.iter().flatten().copied().collect();
            if known.is_empty() {
                continue;
            }
            rows.push(Row {
                label: node.label().to_owned(),
                depth: cached.depths.get(i).copied().unwrap_or(0),
                mean: Some(known.iter().sum::<f64>() / known.len() as f64),
                scores: values,
            });
        }
    }
    let subtitle = t.t("group.kind").to_owned();
    Ok(GroupPage {
        page,
        title: group.name,
        subtitle,
        organisations,
        columns: columns.into_iter().map(|(org, name, _)| (name, org)).collect(),
        rows,
        sources,
    }
    .into_response())
}

impl GroupPage {
    fn share(&self, value: &Option<f64>) -> String {
        value.map_or_else(|| "—".to_owned(), percent)
    }
}
