//! `GET /campaigns/{id}/services`: the services of the federation's offer the campaign's plan and
//! accompaniment day name, whether each was asked for and where its request stands (who took it,
//! its day, why it was declined), with « Demander » for whoever runs the campaign. Read by those
//! who read the plan (its participants, its coordinator, its reviewers).

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, read_results};
use cap_app::services::Offered;

#[derive(Template, WebTemplate)]
#[template(path = "services/campaign.html")]
struct CampaignServicesPage {
    page: Page,
    loaded: Loaded,
    offered: Vec<Offered>,
}

/// Shows the campaign's services.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, read_results).await?;
    let offered = cap_app::services::offered(&state, &loaded).await?;
    Ok(CampaignServicesPage { page, loaded, offered }.into_response())
}
