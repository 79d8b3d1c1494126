//! `GET /workshops/{id}`: the facilitator's console — the code, the phones in the room, the
//! indicator shown, the votes, and the controls.

use super::{Votes, load_for_facilitator, votes};
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::Loaded;
use cap_app::results::value_label;
use cap_domain::referential::Node;
use cap_storage::campaigns;
use cap_storage::workshops::Workshop;

#[derive(Template, WebTemplate)]
#[template(path = "workshops/console.html")]
struct ConsolePage {
    page: Page,
    workshop: Workshop,
    loaded: Loaded,
    node: Option<Node>,
    votes: Votes,
    join_url: String,
    decided: Option<String>,
    level_labels: Vec<(i64, String)>,
}

/// Shows the console.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let (workshop, loaded) = load_for_facilitator(&state, &viewer, id).await?;
    let r = &loaded.referential.referential;
    let node = workshop.current().and_then(|c| r.node(c)).cloned();
    let votes = votes(&state, &workshop, &loaded, page.t).await?;
    let decided = match &node {
        Some(n) => campaigns::consolidated(&state.db, loaded.campaign.id)
            .await?
            .remove(&n.code)
            .map(|c| value_label(page.t, r, n, &c.value)),
        None => None,
    };
    let join_url = state.config.link(&format!("/w?code={}", workshop.code));
    let level_labels = r.scale.levels.iter().map(|l| (l.value, l.label.clone())).collect();
    Ok(ConsolePage { page, workshop, node, votes, join_url, decided, level_labels, loaded }.into_response())
}
