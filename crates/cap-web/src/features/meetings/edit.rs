//! `GET/POST /campaigns/{id}/meetings/{meeting}`: a coordinator changes a meeting — its day, its
//! place, who is invited, or its notes and minutes afterwards. A change of day, time, place or
//! invitation is sent again to the people invited (before or after the change); notes alone are
//! not. A change made meanwhile by someone else is refused, and its latest version shown.

use super::{FormPage, Typed, calendar_of};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{load, run};
use cap_app::meetings::{Saved, update};
use cap_domain::meeting::MeetingInput;
use cap_storage::meetings;

/// The meeting's form, as stored.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, meeting_id)): Path<(i64, i64)>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let meeting = meetings::get(&state.db, id, meeting_id).await?;
    let typed = Typed::from_stored(page.t, &meeting);
    Ok(FormPage::new(&state, page, loaded, Some(meeting), typed).await?.into_response())
}

/// Saves the change, or shows the form again with its problems or the latest version.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, meeting_id)): Path<(i64, i64)>,
    page: Page,
    form: Result<Form<Typed>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let meeting = meetings::get(&state.db, id, meeting_id).await?;
    let Form(typed) = form?;
    let mut rendered = FormPage::new(&state, page, loaded, Some(meeting), typed).await?;
    let input = match MeetingInput::parse(&rendered.typed.form(), &rendered.pillar_codes(), &rendered.participant_ids())
    {
        Ok(input) => input,
        Err(problems) => {
            for (field, e) in problems {
                rendered.errors.add(field, e.key);
            }
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
        }
    };
    let (version, notify) = (rendered.typed.version, rendered.typed.notify);
    match update(&state, &ctx.author(), &rendered.loaded, meeting_id, &input, version, notify).await? {
        Saved::Saved { mailed, .. } => {
            let flash = if mailed > 0 { "flash.meeting_sent" } else { "flash.meeting_saved" };
            Ok(redirect_with_flash(&state, &calendar_of(id, Some(meeting_id)), flash))
        }
        Saved::Stale(current) => {
            // What was typed stays in the form; the latest version is shown above it.
            rendered.typed.version = current.version;
            rendered.meeting = Some(current);
            rendered.conflict = true;
            Ok((StatusCode::CONFLICT, rendered).into_response())
        }
    }
}
