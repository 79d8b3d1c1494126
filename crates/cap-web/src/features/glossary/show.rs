//! `GET /glossary` and `GET /groups/{id}/glossary`: a glossary's terms and definitions, with the
//! form to add one for those who write it.

use super::page::{GlossaryPage, TermForm};
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

/// The federation's glossary.
pub async fn federation(State(state): State<AppState>, SignedIn(viewer): SignedIn, page: Page) -> AppResult<Response> {
    let glossary = cap_app::glossary::load(&state, &viewer, None).await?;
    Ok(GlossaryPage { page, glossary, typed: TermForm::default(), errors: FormErrors::new() }.into_response())
}

/// A group's glossary.
pub async fn group(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let glossary = cap_app::glossary::load(&state, &viewer, Some(id)).await?;
    Ok(GlossaryPage { page, glossary, typed: TermForm::default(), errors: FormErrors::new() }.into_response())
}
