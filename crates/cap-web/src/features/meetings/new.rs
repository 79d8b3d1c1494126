//! `GET/POST /campaigns/{id}/meetings`: a coordinator adds a meeting to the campaign's calendar
//! and, when ticked (the default), the people invited get the invitation by e-mail with the
//! file for their agenda.

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
use cap_app::meetings::{Saved, create};
use cap_domain::meeting::{MeetingInput, MeetingKind};

/// The empty form: a working session on the next day, in the morning.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let tomorrow = cap_app::i18n::paris_today().tomorrow().unwrap_or_else(|_| cap_app::i18n::paris_today());
    let typed = Typed {
        kind: MeetingKind::Working.code().to_owned(),
        on: page.t.numeric_date(&tomorrow.to_string()),
        starts: "09:30".into(),
        ends: "12:30".into(),
        notify: true,
        ..Typed::default()
    };
    Ok(FormPage::new(&state, page, loaded, None, typed).await?.into_response())
}

/// Adds the meeting, or shows the form again with its problems and what was typed.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<Typed>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(typed) = form?;
    let mut rendered = FormPage::new(&state, page, loaded, None, typed).await?;
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
    match create(&state, &ctx.author(), &rendered.loaded, &input, rendered.typed.notify).await? {
        Saved::Saved { meeting, mailed } => {
            let flash = if mailed > 0 { "flash.meeting_sent" } else { "flash.meeting_saved" };
            Ok(redirect_with_flash(&state, &calendar_of(id, Some(meeting.id)), flash))
        }
        Saved::Stale(_) => Ok(redirect_with_flash(&state, &calendar_of(id, None), "flash.meeting_saved")),
    }
}
