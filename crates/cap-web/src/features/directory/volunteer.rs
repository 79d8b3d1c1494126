//! `POST /directory/volunteer` puts the signed-in member in the directory of pairs, from one of
//! their organisations that has been through a campaign; `POST /directory/withdraw` takes them
//! out. Both are in the audit log.

use super::page::{Filters, eligible_organisations, render};
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_domain::OrganisationId;
use cap_storage::directory;

/// The longest availability note, in characters.
const MAX_AVAILABILITY: usize = 500;

/// The directory entry as typed: the organisation chosen (its id) and when one is available.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct VolunteerForm {
    organisation: String,
    availability: String,
}

/// Volunteers, or updates one's entry.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    page: Page,
    Form(VolunteerForm { organisation, availability }): Form<VolunteerForm>,
) -> AppResult<Response> {
    let eligible = eligible_organisations(&state, &viewer).await?;
    let chosen = eligible.iter().find(|(id, _)| id.to_string() == organisation);
    let mut rendered = render(&state, page, &viewer, &Filters::default()).await?;
    rendered.availability = availability.clone();
    for o in &mut rendered.my_organisations {
        o.selected = o.value == organisation;
    }
    if chosen.is_none() {
        let key = if eligible.is_empty() { "error.directory.not_eligible" } else { "error.select.invalid" };
        rendered.errors.add("organisation", key);
    }
    if availability.trim().chars().count() > MAX_AVAILABILITY {
        rendered.errors.add("availability", "error.action.too_long");
    }
    let Some((id, name)) = chosen.filter(|_| rendered.errors.is_empty()) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    };
    let entry = ctx.author().entry("pairs.volunteer", "user", viewer.actor.user_id, name.as_str());
    directory::volunteer(state.db.audited(entry), viewer.actor.user_id, OrganisationId(*id), availability.trim())
        .await?;
    Ok(redirect_with_flash(&state, "/directory", "flash.volunteered"))
}

/// Leaves the directory.
pub async fn withdraw(State(state): State<AppState>, Ctx(ctx): Ctx, SignedIn(viewer): SignedIn) -> AppResult<Response> {
    let entry = ctx.author().entry("pairs.withdraw", "user", viewer.actor.user_id, "");
    directory::withdraw(state.db.audited(entry), viewer.actor.user_id).await?;
    Ok(redirect_with_flash(&state, "/directory", "flash.withdrawn"))
}
