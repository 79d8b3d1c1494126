//! `POST /campaigns/{id}/venue/import`: the coordinator uploads the venue's results. The file is
//! checked whole first (Cap's file, signed by this server's bundle, this campaign's, still valid)
//! and kept for review; nothing is written to the answers yet.

use super::{MAX_FILE_BYTES, venue_page};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::ProblemRow;
use crate::forms::upload::receive;
use crate::page::Page;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cap_app::campaigns::{load, run};
use cap_app::venue::{VenueError, stage};

/// Keeps the file and opens its review, or shows why it was refused.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    request: Request,
) -> AppResult<Response> {
    // Authorise before reading the upload, so a refused request learns nothing from its body.
    let loaded = load(&state, &viewer, id, run).await?;
    if state.config.venue.is_some() {
        return Err(AppError::NotFound);
    }
    let uploaded = receive(&state, request, "file", MAX_FILE_BYTES).await?;
    let t = page.t;
    let refused = |message: String| vec![ProblemRow { line: None, message }];
    let problems = if uploaded.too_large {
        refused(t.t("venue.refused.too_large").to_owned())
    } else if let Some(file) = uploaded.files.first() {
        match std::str::from_utf8(&file.bytes) {
            Err(_) => refused(t.t("venue.refused.not_a_file").to_owned()),
            Ok(text) => match stage(&state, &loaded, &ctx.author(), text).await {
                Ok(import) => {
                    return Ok(Redirect::to(&format!("/campaigns/{id}/venue/imports/{import}")).into_response());
                }
                Err(VenueError::Expired(at)) => refused(t.t1("venue.refused.expired", t.datetime(at))),
                Err(e) => match e.key() {
                    Some(key) => refused(t.t(key).to_owned()),
                    None => return Err(AppError::Internal(e.to_string())),
                },
            },
        }
    } else {
        refused(t.t("venue.refused.no_file").to_owned())
    };
    let body = venue_page(&state, page, loaded, String::new(), None, problems).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
}
