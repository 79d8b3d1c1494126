//! `POST /deployment/presentations`: a regional delegate (or the administrator) records a
//! presentation of the programme in their region: date, place, attendees, notes.

use super::page::render;
use crate::app::AppState;
use crate::audit::record;
use crate::error::AppResult;
use crate::forms::field;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::network::Query as Filters;
use cap_domain::RegionId;
use cap_domain::authz::Permission;
use cap_domain::deployment::PresentationInput;
use cap_storage::deployment;

/// Records the presentation.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    page: Page,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let asked = field(&fields, "region").trim().parse::<i64>().ok();
    // Only a region the viewer follows; anyone else gets nothing (the page's own check).
    let region = asked.filter(|r| viewer.can(Permission::ViewNetwork(Some(RegionId(*r)))));
    let q = Filters { region: region.map(|r| r.to_string()).unwrap_or_default(), ..Filters::default() };
    let checked = PresentationInput::parse(
        &field(&fields, "held_on"),
        &field(&fields, "place"),
        &field(&fields, "attendees"),
        &field(&fields, "notes"),
    );
    match (region, checked) {
        (Some(region), Ok(p)) => {
            let held_on = p.held_on.to_string();
            let id = deployment::add_presentation(
                &state.db,
                region,
                &held_on,
                &p.place,
                p.attendees,
                &p.notes,
                viewer.actor.user_id,
            )
            .await?;
            record(&state, &ctx, "programme.presentation", "presentation", &id, &format!("{held_on} {}", p.place))
                .await?;
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
            rendered.held_on = field(&fields, "held_on");
            rendered.place = field(&fields, "place");
            rendered.attendees = field(&fields, "attendees");
            rendered.notes = field(&fields, "notes");
            Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response())
        }
    }
}
