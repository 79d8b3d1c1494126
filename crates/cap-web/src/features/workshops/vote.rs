//! `POST /w/{code}/vote`: a phone votes on the indicator shown; voting again replaces its vote.

use super::voter_of;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use cap_domain::workshop::parse_vote;
use serde::Deserialize;

/// The vote, and the indicator the phone saw (a vote for an indicator no longer shown is ignored).
#[derive(Debug, Deserialize)]
pub struct VoteForm {
    #[serde(default)]
    value: String,
    #[serde(default)]
    indicator: String,
}

/// Records the vote and tells the room.
pub async fn handler(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(form): Form<VoteForm>,
) -> AppResult<Response> {
    let Some((w, voter)) = voter_of(&state, &headers, &code).await? else {
        return Ok(Redirect::to(&format!("/w?code={code}")).into_response());
    };
    let back = Redirect::to(&format!("/w/{}", w.code)).into_response();
    let Some(current) = w.current() else { return Ok(back) };
    if form.indicator != current || w.revealed || !voter.admitted {
        return Ok(back);
    }
    let cached = state.referentials.get(&state.db, w.referential_version_id).await?;
    let levels: Vec<i64> = cached.referential.scale.levels.iter().map(|l| l.value).collect();
    let value = parse_vote(&form.value, &levels).map_err(|_| AppError::BadRequest)?;
    cap_app::workshops::vote(&state, &w, &voter, current, &value, &levels).await?;
    Ok(back)
}
