//! `GET/POST /campaigns/{id}/targets`: the organisation sets its own target (niveau d'exigence)
//! per objective or indicator; what it leaves empty follows the referential's recommendation. A
//! target set on an objective reaches every indicator beneath that has none of its own.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{ByCode, CodePrefix, Form};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use crate::tree::explore_rows;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, run};
use cap_domain::referential::AnswerType;
use cap_domain::scoring::Targets;
use cap_storage::plans;
use std::collections::HashMap;

/// One node of the targets form.
pub struct TargetRow {
    /// Code.
    pub code: String,
    /// Title or statement.
    pub label: String,
    /// Message key of its kind.
    pub kind_key: &'static str,
    /// Depth in the tree (0 for pillars).
    pub depth: usize,
    /// The recommended level, in words.
    pub recommended: String,
    /// The level chosen (empty: the recommendation).
    pub chosen: String,
}

/// The targets form's selects, one per objective or indicator: `target.CODE`.
pub struct TargetField;

impl CodePrefix for TargetField {
    const PREFIX: &'static str = "target.";
}

/// The targets as typed: per node, a level of the scale, or nothing for the recommendation.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct TargetsForm {
    #[serde(flatten)]
    targets: ByCode<TargetField>,
}

#[derive(Template, WebTemplate)]
#[template(path = "results/targets.html")]
struct TargetsPage {
    page: Page,
    loaded: Loaded,
    rows: Vec<TargetRow>,
    levels: Vec<(String, String)>,
    error: Option<&'static str>,
}

fn rows(loaded: &Loaded, chosen: &HashMap<String, String>) -> Vec<TargetRow> {
    let r = &loaded.referential.referential;
    let depth: HashMap<&str, usize> =
        r.nodes.iter().zip(&loaded.referential.depths).map(|(n, d)| (n.code.as_str(), *d)).collect();
    explore_rows(loaded)
        .into_iter()
        .filter_map(|row| {
            let node = r.node(&row.code)?;
            // Targets concern levels: figures and texts have none.
            if node.kind == cap_domain::referential::NodeKind::Indicator && node.answer != AnswerType::Level {
                return None;
            }
            let recommended = Targets::recommended(r, node).map_or_else(
                || "—".to_owned(),
                |level| {
                    let label = r.scale.levels.iter().find(|l| l.value == level).map_or("", |l| l.label.as_str());
                    format!("{level} — {label}")
                },
            );
            Some(TargetRow {
                depth: depth.get(row.code.as_str()).copied().unwrap_or(0),
                chosen: chosen.get(&row.code).cloned().unwrap_or_default(),
                code: row.code,
                label: row.label,
                kind_key: row.kind_key,
                recommended,
            })
        })
        .collect()
}

fn levels(loaded: &Loaded) -> Vec<(String, String)> {
    super::level_options(&loaded.referential.referential)
}

/// Shows the targets.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let stored: HashMap<String, String> =
        plans::targets(&state.db, id).await?.into_iter().map(|(k, v)| (k, v.to_string())).collect();
    let rows = rows(&loaded, &stored);
    let levels = levels(&loaded);
    Ok(TargetsPage { page, loaded, rows, levels, error: None }.into_response())
}

/// Records the targets.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<TargetsForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(form) = form?;
    let typed: HashMap<String, String> =
        form.targets.iter().map(|(code, value)| (code.to_owned(), value.trim().to_owned())).collect();
    let shown = rows(&loaded, &HashMap::new());
    let scale = &loaded.referential.referential.scale;
    let mut changes = Vec::new();
    let mut invalid = false;
    for row in &shown {
        let Some(value) = typed.get(&row.code) else { continue };
        if value.is_empty() {
            changes.push((row.code.clone(), None));
        } else {
            match scale.parse_level(value) {
                Ok(level) => changes.push((row.code.clone(), Some(level))),
                Err(_) => invalid = true,
            }
        }
    }
    if invalid {
        let rows = rows(&loaded, &typed);
        let levels = levels(&loaded);
        let body = TargetsPage { page, loaded, rows, levels, error: Some("error.target.level") };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    }
    let set = changes.iter().filter(|(_, l)| l.is_some()).count();
    let entry = ctx.author().entry("campaigns.targets", "campaign", id, format!("{set} set"));
    plans::set_targets(state.db.audited(entry), id, &changes).await?;
    Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/results"), "flash.targets_saved"))
}
