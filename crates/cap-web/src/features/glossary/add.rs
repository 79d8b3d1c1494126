//! `POST /glossary` and `POST /groups/{id}/glossary`: adds a term to a glossary, or shows the
//! glossary again with each problem beside its field and what was typed kept.

use super::page::{GlossaryPage, TermForm};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn, Viewer};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::audit::Author;
use cap_app::glossary::{Written, page_of};
use cap_domain::authz::Permission;
use cap_domain::glossary::{TermInput, anchor};

/// To the federation's glossary.
pub async fn federation(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    page: Page,
    form: Result<Form<TermForm>, AppError>,
) -> AppResult<Response> {
    add(&state, &ctx.author(), &viewer, None, page, form).await
}

/// To a group's glossary.
pub async fn group(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<TermForm>, AppError>,
) -> AppResult<Response> {
    add(&state, &ctx.author(), &viewer, Some(id), page, form).await
}

async fn add(
    state: &AppState,
    author: &Author,
    viewer: &Viewer,
    group: Option<i64>,
    page: Page,
    form: Result<Form<TermForm>, AppError>,
) -> AppResult<Response> {
    // Whoever may not write here is refused the same way, whatever they sent.
    let glossary = cap_app::glossary::load(state, viewer, group).await?;
    viewer.require(Permission::EditGlossary(group.map(cap_domain::GroupId)))?;
    let Form(typed) = form?;
    let mut errors = FormErrors::new();
    match TermInput::parse(&typed.term, &typed.definition) {
        Ok(input) => match cap_app::glossary::add(state, author, viewer, group, &input).await? {
            Written::Done(..) => {
                let back = format!("{}#{}", page_of(group), anchor(&input.term));
                return Ok(redirect_with_flash(state, &back, "flash.term_added"));
            }
            Written::Taken => errors.add("term", "error.glossary.taken"),
        },
        Err(problems) => {
            for (field, e) in problems {
                errors.add(field, e.key);
            }
        }
    }
    Ok((StatusCode::UNPROCESSABLE_ENTITY, GlossaryPage { page, glossary, typed, errors }).into_response())
}
