//! `POST /glossary/terms/{id}`: writes a new version of a term's definition. A mistake is told
//! beside its field; a version written meanwhile by someone else is shown beside what was typed
//! (409), and nothing is overwritten until the writer sends again, knowingly.

use super::page::{TermForm, TermPage};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::glossary::Written;
use cap_domain::glossary::TermInput;

/// Writes the new version.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<TermForm>, AppError>,
) -> AppResult<Response> {
    let (term, history, may_edit) = cap_app::glossary::term(&state, &viewer, id).await?;
    if !may_edit {
        return Err(AppError::Forbidden);
    }
    let Form(typed) = form?;
    let mut rendered = TermPage::new(page, term, history, may_edit);
    let status = match TermInput::parse(&typed.term, &typed.definition) {
        Ok(input) => match cap_app::glossary::update(&state, &ctx.author(), &viewer, id, &input, typed.version).await {
            Ok(Written::Done(..)) => {
                return Ok(redirect_with_flash(&state, &format!("/glossary/terms/{id}"), "flash.term_saved"));
            }
            Ok(Written::Taken) => {
                rendered.errors.add("term", "error.glossary.taken");
                StatusCode::UNPROCESSABLE_ENTITY
            }
            Err(e) if e.stale().is_some() => {
                rendered.conflict = true;
                StatusCode::CONFLICT
            }
            Err(e) => return Err(e.into()),
        },
        Err(problems) => {
            for (field, e) in problems {
                rendered.errors.add(field, e.key);
            }
            StatusCode::UNPROCESSABLE_ENTITY
        }
    };
    // What was typed stays; after a conflict, sending again writes over the version now shown.
    let version = if rendered.conflict { rendered.term.version } else { typed.version };
    rendered.typed = TermForm { version, ..typed };
    Ok((status, rendered).into_response())
}
