//! `GET /referentials/{id}`: the tree of a version, searchable across statements and guidance and
//! filtered by organisation type.

use crate::app::AppState;
use crate::choices;
use crate::error::AppResult;
use crate::forms::{FormErrors, SelectOption};
use crate::page::Page;
use crate::tree::{TreeRow, tree_rows};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use cap_app::referential_cache::CachedReferential;
use cap_domain::OrganisationType;
use cap_domain::referential::NodeKind;
use cap_storage::referentials::{self, VersionSummary};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

/// Most search results shown at once.
const MAX_HITS: usize = 200;

/// The explorer's filters.
#[derive(Debug, Default, Deserialize)]
pub struct ExploreQuery {
    #[serde(default)]
    q: String,
    #[serde(default, rename = "type")]
    org_type: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "referentials/explore.html")]
struct ExplorePage {
    page: Page,
    summary: VersionSummary,
    cached: Arc<CachedReferential>,
    rows: Vec<TreeRow>,
    hits: Option<Vec<(String, String)>>,
    q: String,
    types: Vec<SelectOption>,
    errors: FormErrors,
    practices: Arc<HashMap<String, i64>>,
}

/// Shows the tree, or the indicators matching the search.
pub async fn handler(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(query): Query<ExploreQuery>,
    page: Page,
) -> AppResult<Response> {
    let summary = referentials::summary(&state.db, id).await?;
    let cached = state.referentials.get(&state.db, id).await?;
    let r = &cached.referential;
    let org_type = OrganisationType::from_code(&query.org_type).ok();
    let needle = query.q.trim();
    let (hits, rows) = if needle.is_empty() {
        let rows = match org_type {
            Some(t) => tree_rows(r, &cached.depths, |n| n.kind != NodeKind::Indicator || n.applies_to_type(t)),
            None => tree_rows(r, &cached.depths, |_| true),
        };
        (None, rows)
    } else {
        let found = cached.index.search(r, needle, org_type, MAX_HITS);
        (Some(found.into_iter().map(|n| (n.code.clone(), n.label().to_owned())).collect()), Vec::new())
    };
    let types = choices::organisation_types(page.t, page.t.t("referential.all_types"), &query.org_type);
    // How many published good practices each indicator has, to show where others share theirs.
    let practices = cap_app::practices::published_counts(&state, &r.code).await?;
    Ok(ExplorePage { page, summary, cached, rows, hits, q: query.q, types, errors: FormErrors::new(), practices }
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cap_domain::referential::generate;

    #[test]
    fn rows_open_and_close_every_list() {
        let r = generate("t", 9, 1, None);
        let rows = tree_rows(&r, &r.depths(), |_| true);
        let opened: usize = rows.iter().map(|r| r.opens).sum();
        let closed: usize = rows.iter().map(|r| r.closes).sum();
        assert_eq!(opened, closed + 1, "every <ul> is closed, the outermost by the template");
        let items_closed = rows.iter().filter(|r| r.close_item).count() + closed;
        assert_eq!(items_closed, rows.len(), "every <li> is closed");
        assert_eq!(rows.len(), r.nodes.len());
        assert_eq!(rows[0].opens, 1);
        let only_pillars = tree_rows(&r, &r.depths(), |n| n.kind == NodeKind::Pillar);
        assert_eq!(only_pillars.iter().map(|r| r.opens).sum::<usize>(), 1);
        assert!(only_pillars.iter().all(|r| r.close_item && r.closes == 0));
    }
}
