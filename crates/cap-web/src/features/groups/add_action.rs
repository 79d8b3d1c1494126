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
use cap_domain::harmonisation::ActionInput;

/// Writes the action.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<ActionForm>, AppError>,
) -> AppResult<Response> {
    let plan = cap_app::harmonisation::load(&state, &viewer, id).await?;
    if !plan.may_manage {
        return Err(AppError::NotFound);
    }
    let Form(typed) = form?;
    let mut errors = FormErrors::new();
    let mut owners = Vec::new();
    for (org, person) in typed.owners.iter() {
        match (org.parse::<i64>(), crate::forms::optional_id(person)) {
            (Ok(org), Ok(Some(person))) => owners.push((org, person)),
            (Ok(_), Ok(None)) => {}
            // Only a forged form names something else.
            _ => return Err(AppError::BadRequest),
        }
    }
    match ActionInput::parse(&typed.title, &typed.description, &typed.node, &typed.due_on, &plan.node_codes()) {
        Ok(input) => match cap_app::harmonisation::add(&state, &ctx.author(), &viewer, id, &input, &owners).await {
            Ok(action) => {
                let back = format!("/group-campaigns/{id}/plan#action-{action}");
                return Ok(redirect_with_flash(&state, &back, "flash.harmonisation_added"));
            }
            Err(cap_app::Error::Forbidden) => return Err(AppError::BadRequest),
            Err(e) => return Err(e.into()),
        },
        Err(problems) => {
            for (field, e) in problems {
                errors.add(field, e.key);
            }
        }
    }
    Ok((StatusCode::UNPROCESSABLE_ENTITY, PlanPage { page, plan, typed, errors }).into_response())
}
