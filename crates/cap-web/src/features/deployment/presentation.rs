//! `POST /deployment/presentations`: a regional delegate (or the administrator) records a
//! presentation of the programme in their region: date, place, audience, attendees, notes, and
//! the members that volunteered there to test the programme.

use super::page::render;
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::network::Query as Filters;
use cap_domain::RegionId;
use cap_domain::authz::Permission;
use cap_domain::deployment::PresentationInput;
use cap_storage::deployment;

/// A presentation as typed; `region` is the region's id, carried by the form.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct PresentationForm {
    region: String,
    held_on: String,
    place: String,
    audience: String,
    attendees: String,
    notes: String,
    /// The members ticked as volunteering to test.
    interested: Vec<String>,
}

/// Records the presentation.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    page: Page,
    Form(form): Form<PresentationForm>,
) -> AppResult<Response> {
    let asked = form.region.trim().parse::<i64>().ok();
    // Only a region the viewer follows; anyone else gets nothing (the page's own check).
    let region = asked.filter(|r| viewer.can(Permission::ViewNetwork(Some(RegionId(*r)))));
    let q = Filters { region: region.map(|r| r.to_string()).unwrap_or_default(), ..Filters::default() };
    let checked = PresentationInput::parse(&form.held_on, &form.place, &form.audience, &form.attendees, &form.notes);
    let interested: Vec<i64> = form.interested.iter().filter_map(|id| id.trim().parse().ok()).collect();
    match (region, checked) {
        (Some(region), Ok(p)) => {
            let held_on = p.held_on.to_string();
            let entry =
                ctx.author().entry("programme.presentation", "presentation", "", format!("{held_on} {}", p.place));
            let new = deployment::NewPresentation {
                region,
                held_on: &held_on,
                place: &p.place,
                audience: &p.audience,
                attendees: p.attendees,
                notes: &p.notes,
                interested: &interested,
                by: viewer.actor.user_id,
            };
            deployment::add_presentation(state.db.audited(entry), &new).await?;
            Ok(redirect_with_flash(
                &state,
                &format!("/deployment?region={region}#presentations"),
                "flash.presentation_saved",
            ))
        }
        (region, checked) => {
            let mut rendered = render(&state, page, &viewer, &q).await?;
            if region.is_none() {
                rendered.errors.add("region", "error.select.invalid");
            }
            for (f, e) in checked.err().unwrap_or_default() {
                rendered.errors.add(f, e.key);
            }
            rendered.held_on = form.held_on;
            rendered.place = form.place;
            rendered.audience = form.audience;
            rendered.attendees = form.attendees;
            rendered.notes = form.notes;
            rendered.interested = interested;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response())
        }
    }
}
