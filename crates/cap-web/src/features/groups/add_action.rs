//! `POST /group-campaigns/{id}/plan`: the group's lead writes an action of the harmonisation
//! plan, with its owner in each structure; a mistake is told beside its field, what was typed
//! kept.

use super::harmonisation_page::{ActionForm, PlanPage};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::harmonisation::{ActionFields, Added};

/// Writes the action; the plan is read again only to show a mistake.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<ActionForm>, AppError>,
) -> AppResult<Response> {
    cap_app::harmonisation::require_lead(&state, &viewer, id).await?;
    let Form(typed) = form?;
    let mut owners = Vec::new();
    for (org, person) in typed.owners.iter() {
        match (org.parse::<i64>(), crate::forms::optional_id(person)) {
            (Ok(org), Ok(Some(person))) => owners.push((org, person)),
            (Ok(_), Ok(None)) => {}
            // Only a forged form names something else.
            _ => return Err(AppError::BadRequest),
        }
    }
    let fields =
        ActionFields { title: &typed.title, description: &typed.description, node: &typed.node, due_on: &typed.due_on };
    let problems = match cap_app::harmonisation::add(&state, &ctx.author(), &viewer, id, &fields, &owners).await {
        Ok(Added::Done(action)) => {
            let back = format!("/group-campaigns/{id}/plan#action-{action}");
            return Ok(redirect_with_flash(&state, &back, "flash.harmonisation_added"));
        }
        Ok(Added::Refused(problems)) => problems,
        Err(cap_app::Error::Forbidden) => return Err(AppError::BadRequest),
        Err(e) => return Err(e.into()),
    };
    let mut errors = FormErrors::new();
    for (field, e) in problems {
        errors.add(field, e.key);
    }
    let plan = cap_app::harmonisation::load(&state, &viewer, id).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, PlanPage { page, plan, typed, errors }).into_response())
}
