//! `GET /campaigns/{id}/calendar.ics` and `GET /campaigns/{id}/meetings/{meeting}/ics`: the
//! campaign's meetings, or one, as a file agendas open. A participant gets the meetings they are
//! invited to.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, view};
use cap_app::meetings::ics_file;
use cap_storage::meetings::{self, Meeting};

fn file(state: &AppState, loaded: &Loaded, page: &Page, meetings: &[Meeting], name: &str) -> Response {
    // Coordinators and readers get every meeting; a participant only those they are invited to.
    let reader = if loaded.links.run { None } else { loaded.me.as_ref().map(|p| (p.college, p.user_id)) };
    let body = ics_file(state, loaded, page.t, meetings, reader);
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        body,
    )
        .into_response()
}

/// The whole calendar.
pub async fn campaign(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, view).await?;
    let all = meetings::of_campaign(&state.db, id).await?;
    Ok(file(&state, &loaded, &page, &all, &format!("calendrier-{id}.ics")))
}

/// One meeting.
pub async fn one(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, meeting_id)): Path<(i64, i64)>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, view).await?;
    let meeting = meetings::get(&state.db, id, meeting_id).await?;
    Ok(file(&state, &loaded, &page, std::slice::from_ref(&meeting), &format!("seance-{meeting_id}.ics")))
}
