//! `POST /campaigns/{id}/workshops`: the coordinator opens a workshop on a pillar (or the whole
//! scope); indicators come in order of divergence when individual answers exist.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{individuals, view_of};
use cap_app::campaigns::{load, run};
use cap_domain::workshop::{CODE_LENGTH, join_code};
use cap_storage::{StorageError, workshops};
use serde::Deserialize;

/// The workshop's scope.
#[derive(Debug, Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    pillar: String,
    #[serde(default)]
    by_college: String,
    #[serde(default)]
    admission: String,
}

/// Opens the workshop and goes to its console.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<OpenForm>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let r = &loaded.referential.referential;
    let depths = &loaded.referential.depths;
    // The pillar of each node, read down the tree (parents come first).
    let mut pillar_of = std::collections::HashMap::new();
    let mut current = "";
    for (node, depth) in r.nodes.iter().zip(depths) {
        if *depth == 0 {
            current = &node.code;
        }
        pillar_of.insert(node.code.as_str(), current);
    }
    let chosen: Vec<_> = loaded
        .indicators()
        .into_iter()
        .filter(|n| n.answer == cap_domain::referential::AnswerType::Level)
        .filter(|n| form.pillar.is_empty() || pillar_of.get(n.code.as_str()) == Some(&form.pillar.as_str()))
        .collect();
    if chosen.is_empty() {
        return Ok(redirect_with_flash(&state, &format!("/campaigns/{id}"), "flash.workshop_empty"));
    }
    let answers = individuals(&state, &loaded).await?;
    let t = cap_app::i18n::Tr::default();
    let mut ordered: Vec<(String, f64, usize)> = chosen
        .iter()
        .enumerate()
        .map(|(i, n)| {
            (
                n.code.clone(),
                view_of(&loaded, n, answers.get(&n.code).map_or(&[][..], Vec::as_slice), 0, None, t).score,
                i,
            )
        })
        .collect();
    ordered.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
    let codes: Vec<String> = ordered.into_iter().map(|(c, _, _)| c).collect();
    for _ in 0..10 {
        let entropy: [u8; CODE_LENGTH] = rand::random();
        let options = workshops::Options { by_college: form.by_college == "on", admission: form.admission == "on" };
        let entry =
            ctx.author().entry("workshops.open", "workshop", "", format!("campagne {id}: {} indicateurs", codes.len()));
        match workshops::create(state.db.audited(entry), id, &join_code(&entropy), &codes, options).await {
            Ok(workshop) => {
                return Ok(redirect_with_flash(&state, &format!("/workshops/{workshop}"), "flash.workshop_opened"));
            }
            Err(StorageError::Conflict) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(AppError::Internal("no free workshop code".into()))
}
