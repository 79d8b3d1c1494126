//! `POST /campaigns/{id}/meetings/{meeting}/cancel`: a coordinator cancels a meeting; it stays in
//! the calendar, marked, and the people invited are told (their agenda drops it).

use super::calendar_of;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, VersionForm};
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};
use cap_app::meetings::{Saved, cancel};

/// Cancels the meeting if it is still as the coordinator saw it.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, meeting_id)): Path<(i64, i64)>,
    form: Result<Form<VersionForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(form) = form?;
    let flash = match cancel(&state, &ctx.author(), &loaded, meeting_id, form.version).await? {
        Saved::Saved { .. } => "flash.meeting_cancelled",
        Saved::Stale(_) => "flash.meeting_changed",
    };
    Ok(redirect_with_flash(&state, &calendar_of(id, Some(meeting_id)), flash))
}
