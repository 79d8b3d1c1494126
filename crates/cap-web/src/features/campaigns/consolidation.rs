//! `GET /campaigns/{id}/consolidation`: every indicator with the spread of individual answers,
//! ranked by divergence so the most discussed come first, with the proposed level and the shared
//! answer decided so far.

use super::{Loaded, load, run};
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use cap_domain::campaign::AnswerValue;
use cap_domain::consolidation::{Individual, Tally, divergence, proposed_level};
use cap_domain::referential::{AnswerType, Node};
use cap_storage::campaigns::{self, Consolidated, StoredAnswer};
use serde::Deserialize;
use std::collections::HashMap;

/// What consolidation knows about one indicator.
pub struct IndicatorView {
    /// Code.
    pub code: String,
    /// Statement.
    pub statement: String,
    /// Level answers, by level; « non concerné », « je ne sais pas », missing.
    pub tally: Tally,
    /// Highest level given minus lowest.
    pub spread: i64,
    /// Ranking score.
    pub score: f64,
    /// Proposed level (median).
    pub proposal: Option<i64>,
    /// The shared answer in words, once decided.
    pub decided: Option<String>,
}

/// The individual answers of every covered indicator, with each participant's collège.
pub async fn individuals(
    state: &AppState,
    loaded: &Loaded,
) -> AppResult<HashMap<String, Vec<(Individual, StoredAnswer, i64)>>> {
    let mut by_code: HashMap<String, Vec<(Individual, StoredAnswer, i64)>> = HashMap::new();
    for (participant, college, answer) in campaigns::all_answers(&state.db, loaded.campaign.id).await? {
        by_code.entry(answer.indicator_code.clone()).or_default().push((
            Individual { college, value: answer.value.clone() },
            answer,
            participant,
        ));
    }
    Ok(by_code)
}

/// Builds the view of one indicator.
pub fn view_of(
    loaded: &Loaded,
    node: &Node,
    answers: &[(Individual, StoredAnswer, i64)],
    participants: usize,
    decided: Option<&Consolidated>,
    t: cap_app::i18n::Tr,
) -> IndicatorView {
    let r = &loaded.referential.referential;
    let scale: Vec<i64> = r.scale.levels.iter().map(|l| l.value).collect();
    let values: Vec<Option<AnswerValue>> = answers.iter().map(|(i, _, _)| i.value.clone()).collect();
    let mut tally = Tally::of(&scale, values.iter());
    tally.missing += participants.saturating_sub(answers.len());
    let individuals: Vec<Individual> = answers.iter().map(|(i, _, _)| i.clone()).collect();
    let (low, high) = (scale.first().copied().unwrap_or(0), scale.last().copied().unwrap_or(0));
    let d = divergence(&individuals, low, high);
    IndicatorView {
        code: node.code.clone(),
        statement: node.label().to_owned(),
        proposal: if node.answer == AnswerType::Level { proposed_level(&tally.rated()) } else { None },
        tally,
        spread: d.spread,
        score: d.score,
        decided: decided.map(|c| super::answer::value_label(t, r, node, &c.value)),
    }
}

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
    let mut rows: Vec<IndicatorView> = loaded
        .indicators()
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
    let editable = loaded.campaign.status == cap_domain::campaign::CampaignStatus::Consolidation;
    Ok(ConsolidationPage { page, loaded, rows, by_tree, decided, editable, level_labels }.into_response())
}
