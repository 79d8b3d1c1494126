//! `POST /services/{id}`: the region's delegate (or the federation) moves a request: takes it,
//! schedules it on a day, records it delivered, or declines it with a reason the member reads. A
//! mistake, or a move that does not follow, is told beside the request; a move made meanwhile by
//! someone else is refused, never overwritten.

use super::page::{RowProblem, render};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::network::Query as Filters;
use cap_app::services::Moved;
use cap_domain::service_request::Move;

/// A move as sent.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct MoveForm {
    /// `take`, `schedule`, `deliver` or `decline`.
    #[serde(rename = "move")]
    kind: String,
    day: String,
    reason: String,
    version: i64,
}

/// Moves the request.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<MoveForm>, AppError>,
) -> AppResult<Response> {
    let found = cap_storage::services::get(&state.db, id).await?;
    viewer.require(cap_domain::authz::Permission::ViewNetwork(Some(cap_domain::RegionId(found.region_id))))?;
    let Form(sent) = form?;
    let refused = match Move::parse(&sent.kind, &sent.day, &sent.reason) {
        Ok(change) => match cap_app::services::advance(&state, &ctx.author(), &viewer, id, &change, sent.version).await
        {
            Ok(Moved::Done(region)) => {
                let back = format!("/services?region={region}#request-{id}");
                return Ok(redirect_with_flash(&state, &back, "flash.service_moved"));
            }
            Ok(Moved::Refused(key)) => (StatusCode::UNPROCESSABLE_ENTITY, key),
            Err(e) if e.stale().is_some() => (StatusCode::CONFLICT, "error.service.stale"),
            Err(e) => return Err(e.into()),
        },
        Err((_, e)) => (StatusCode::UNPROCESSABLE_ENTITY, e.key),
    };
    let q = Filters { region: found.region_id.to_string(), ..Filters::default() };
    let mut rendered = render(&state, page, &viewer, &q).await?;
    rendered.problem = Some(RowProblem { id, key: refused.1 });
    Ok((refused.0, rendered).into_response())
}
