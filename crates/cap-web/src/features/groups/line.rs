//! `GET` and `POST /harmonisation/lines/{id}`: one structure's line of a harmonisation action:
//! who carries it there, its step and a note. Open to the group's lead, the structure's
//! coordinators and the line's owner. A mistake is told beside its field; a line changed
//! meanwhile by someone else is shown beside what was typed (409), never overwritten.

use super::harmonisation_page::{LineForm, LinePage};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_domain::harmonisation::LineInput;

/// Shows the line's form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let (line, people) = cap_app::harmonisation::line_to_edit(&state, &viewer, id).await?.into_parts();
    Ok(LinePage::new(page, line, people).into_response())
}

/// Writes the line.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<LineForm>, AppError>,
) -> AppResult<Response> {
    let edit = cap_app::harmonisation::line_to_edit(&state, &viewer, id).await?;
    let Form(typed) = form?;
    let owner = crate::forms::optional_id(&typed.owner).map_err(|_| AppError::BadRequest)?;
    let (status, conflict, problems) = match LineInput::parse(&typed.status, &typed.note) {
        Ok(input) => {
            match cap_app::harmonisation::update_line(&state, &ctx.author(), &edit, &input, owner, typed.version).await
            {
                Ok(()) => {
                    let line = edit.line();
                    let back = format!("/group-campaigns/{}/plan#action-{}", line.group_campaign_id, line.action_id);
                    return Ok(redirect_with_flash(&state, &back, "flash.harmonisation_line_saved"));
                }
                Err(e) if e.stale().is_some() => (StatusCode::CONFLICT, true, Vec::new()),
                Err(cap_app::Error::Forbidden) => return Err(AppError::BadRequest),
                Err(e) => return Err(e.into()),
            }
        }
        Err(problems) => (StatusCode::UNPROCESSABLE_ENTITY, false, problems),
    };
    // After a conflict the line is read again, to show the version saved meanwhile.
    let edit = if conflict { cap_app::harmonisation::line_to_edit(&state, &viewer, id).await? } else { edit };
    let (line, people) = edit.into_parts();
    let mut rendered = LinePage::new(page, line, people);
    for (field, e) in problems {
        rendered.errors.add(field, e.key);
    }
    rendered.conflict = conflict;
    // What was typed stays; after a conflict, sending again writes over the version now shown.
    let version = if conflict { rendered.line.version } else { typed.version };
    rendered.typed = LineForm { version, ..typed };
    Ok((status, rendered).into_response())
}
