//! The JSON API: campaigns, shared answers, results and actions, for programs acting with a
//! personal API token (`Authorization: Bearer …`) or a browser session. Every route goes through
//! the same authorization as the pages; a token adds its scopes on top. Errors are JSON too
//! (see `page::api_error_as_json`). The bodies are `cap_app::api`'s types, from which the OpenAPI
//! document at `/api/openapi.json` is generated (`openapi.rs`).

pub mod actions;
pub mod campaigns;
pub mod openapi;
pub mod results;

use crate::error::AppError;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// The ids in an API path. A segment that is no id (a word, a number too large) names nothing the
/// caller may see: it gets the JSON 404 of any campaign they may not read, where axum's own
/// `Path` would answer 400 in plain text.
pub struct Ids<T>(pub T);

impl<T, S> FromRequestParts<S> for Ids<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(ids)) => Ok(Ids(ids)),
            Err(_) => Err(AppError::NotFound),
        }
    }
}
