//! `GET /group-campaigns/{id}/plan`: a group démarche's harmonisation plan: the actions the group
//! agreed on, each with its line in every structure (owner, step, note) and how far the group
//! has come; the lead writes actions there. A structure's people see their own lines, and the
//! others' once the lead shares the démarche.

use super::harmonisation_page::{ActionForm, PlanPage};
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

/// Shows the plan.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let plan = cap_app::harmonisation::load(&state, &viewer, id).await?;
    Ok(PlanPage { page, plan, typed: ActionForm::default(), errors: FormErrors::new() }.into_response())
}
