//! `GET /campaigns/{id}/restitution?screen=N`: the photographie for the team and the board on a
//! projector, one finding per screen in large type — the campaign and who took part, the radar by
//! pillar, the bars by objective, strengths, weaknesses, disagreements, changes since the previous
//! campaign — and last a QR code to say what surprised you and what to work on. The links move on
//! without JavaScript; with it, the arrow keys, Page Up/Down and the space bar do.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::qr::qr_svg;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, read_results};
use cap_app::photographie::{Highlight, ScoreRow};
use cap_app::restitution::{Content, slides};
use cap_domain::restitution::clamp_position;
use serde::Deserialize;

/// Which screen.
#[derive(Debug, Default, Deserialize)]
pub struct ScreenQuery {
    #[serde(default)]
    screen: Option<usize>,
}

/// The opening screen's figures.
struct Opening {
    organisation: String,
    title: String,
    day: String,
    people: usize,
    overall: Option<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "results/restitution.html")]
struct RestitutionPage {
    page: Page,
    loaded: Loaded,
    position: usize,
    count: usize,
    title_key: &'static str,
    opening: Option<Opening>,
    chart: Option<(String, String, Vec<ScoreRow>)>,
    findings: Vec<Highlight>,
    voices_url: Option<String>,
    qr: String,
}

/// Shows one screen.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<ScreenQuery>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, read_results).await?;
    let mut all = slides(&state, &loaded, page.t).await?;
    let count = all.len();
    let position = clamp_position(query.screen, count);
    let slide = all.swap_remove(position - 1);
    let mut shown = RestitutionPage {
        page,
        loaded,
        position,
        count,
        title_key: slide.screen.title_key(),
        opening: None,
        chart: None,
        findings: Vec::new(),
        voices_url: None,
        qr: String::new(),
    };
    match slide.content {
        Content::Opening { organisation, title, day, people, overall } => {
            shown.opening = Some(Opening { organisation, title, day, people, overall });
        }
        Content::Chart { svg, summary, rows } => shown.chart = Some((svg, summary, rows)),
        Content::Findings(items) => shown.findings = items,
        Content::Voices { url } => {
            shown.qr = qr_svg(&url)?;
            shown.voices_url = Some(url);
        }
    }
    Ok(shown.into_response())
}
