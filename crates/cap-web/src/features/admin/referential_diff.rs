//! `GET /admin/referentials/diff?from=&to=`: what changed between two versions.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{FormErrors, SelectOption};
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cap_domain::referential::{DiffChange, diff};
use cap_storage::referentials;
use serde::Deserialize;

/// The two versions to compare.
#[derive(Debug, Default, Deserialize)]
pub struct DiffQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

/// One line of the differences.
pub struct DiffRow {
    /// `added`, `removed` or `changed`.
    pub kind: &'static str,
    /// Node code.
    pub code: String,
    /// Title or statement.
    pub label: String,
    /// For changes: the fields; for removals: what the code became.
    pub detail: String,
    /// Version holding the node, for a link.
    pub version_id: i64,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/referential_diff.html")]
struct DiffPage {
    page: Page,
    froms: Vec<SelectOption>,
    tos: Vec<SelectOption>,
    rows: Option<Vec<DiffRow>>,
    counts: (usize, usize, usize),
    scale_changed: bool,
    errors: FormErrors,
}

/// Shows the version pickers and, once both are chosen, the differences.
pub async fn handler(State(state): State<AppState>, Query(query): Query<DiffQuery>, page: Page) -> AppResult<Response> {
    let versions = referentials::list(&state.db).await?;
    let options = |current: &str| -> Vec<SelectOption> {
        std::iter::once(SelectOption::new("", page.t.t("common.choose"), current))
            .chain(versions.iter().map(|v| {
                SelectOption::new(v.id.to_string(), format!("{} {} — {}", v.code, v.version, v.title), current)
            }))
            .collect()
    };
    let (froms, tos) = (options(&query.from), options(&query.to));
    let (mut rows, mut counts, mut scale_changed) = (None, (0, 0, 0), false);
    if let (Ok(from), Ok(to)) = (query.from.parse::<i64>(), query.to.parse::<i64>()) {
        let (old, new) = (state.referentials.get(&state.db, from).await?, state.referentials.get(&state.db, to).await?);
        let d = diff(&old.referential, &new.referential);
        counts = d.counts();
        scale_changed = d.scale_changed;
        rows = Some(
            d.changes
                .into_iter()
                .map(|c| match c {
                    DiffChange::Added { code, label } => {
                        DiffRow { kind: "added", code, label, detail: String::new(), version_id: to }
                    }
                    DiffChange::Removed { code, label, now } => {
                        DiffRow { kind: "removed", code, label, detail: now.join(", "), version_id: from }
                    }
                    DiffChange::Changed { code, label, fields } => {
                        DiffRow { kind: "changed", code, label, detail: fields.join(", "), version_id: to }
                    }
                })
                .collect(),
        );
    }
    Ok(DiffPage { page, froms, tos, rows, counts, scale_changed, errors: FormErrors::new() }.into_response())
}
