//! `GET /campaigns/{id}/review`: the campaign's review. The coordinator invites a tiers or a pair
//! (chosen from the directory, by region and organisation type, with conflicts of interest
//! flagged) for a few days, and sees who invited and who withdrew whom; reviewers and the
//! coordinator discuss indicators, the photographie and actions in threads. Reviewers see the
//! threads and their own access's end, never the management of reviewers.

use super::page::{Filters, render};
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{load, review};

/// Shows the review page.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(filters): Query<Filters>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, review).await?;
    Ok(render(&state, page, &viewer, loaded, &filters).await?.into_response())
}
