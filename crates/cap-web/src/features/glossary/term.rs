//! `GET /glossary/terms/{id}`: a term, every version of its definition, and the form to write a
//! new one for those who write its glossary.

use super::page::TermPage;
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

/// Shows the term.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let (term, history, may_edit) = cap_app::glossary::term(&state, &viewer, id).await?;
    Ok(TermPage::new(page, term, history, may_edit).into_response())
}
