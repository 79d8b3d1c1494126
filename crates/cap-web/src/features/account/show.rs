//! `GET /account`: who I am, my roles, and the form to change my password.

use super::page::AccountPage;
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

/// Shows the account page.
pub async fn handler(State(state): State<AppState>, _viewer: SignedIn, page: Page) -> AppResult<Response> {
    Ok(AccountPage::build(&state, page, FormErrors::new()).await?.into_response())
}
