//! `GET /workshops/{id}/projector`: the page shown on the wall — the join code, a QR code and the
//! address, the indicator in large type, how many voted, and the distribution once revealed.
//! It follows the workshop live (server-sent events) and without JavaScript refreshes itself.

use super::{WallCount, load_for_facilitator, votes};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::page::Page;
use crate::qr::qr_svg;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_domain::referential::Node;
use cap_storage::workshops::Workshop;

#[derive(Template, WebTemplate)]
#[template(path = "workshops/projector.html")]
struct ProjectorPage {
    page: Page,
    workshop: Workshop,
    node: Option<Node>,
    guidance_html: String,
    count_html: String,
    join_url: String,
    join_address: String,
    qr_svg: String,
}

/// Shows the projector page.
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
    let guidance_html =
        node.as_ref().and_then(|n| n.guidance.as_deref()).map(crate::markdown::render).unwrap_or_default();
    let join_url = state.config.link(&format!("/w?code={}", workshop.code));
    let join_address = state.config.link("/w");
    let qr_svg = qr_svg(&join_url)?;
    let level_labels: Vec<(i64, String)> = r.scale.levels.iter().map(|l| (l.value, l.label.clone())).collect();
    let count_html =
        WallCount::draw(page.t, &votes.room, &level_labels).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(ProjectorPage { page, workshop, node, guidance_html, count_html, join_url, join_address, qr_svg }
        .into_response())
}
