//! The form extractor: an `application/x-www-form-urlencoded` body read into a typed struct.

use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

/// A form posted by a page, read into `T` with `serde_html_form`: a field that may repeat (ticked
/// boxes) is a `Vec`, any other field may come once. A body that does not fit `T` — a field
/// repeated where one is expected, a number that is not one, an unknown code, a missing field
/// `T` requires — is refused with the « Demande incomplète » page (400), never a server error; a
/// body over the route's limit gets its 413 page.
///
/// A handler that loads or authorises a resource takes its form as `Result<Form<T>, AppError>`
/// and unwraps it with `?` once the request is authorised, so that whoever may not act gets the
/// same 403 or 404 whatever they post.
#[derive(Debug, Clone, Copy, Default)]
pub struct Form<T>(pub T);

impl<T, S> FromRequest<S> for Form<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_urlencoded(&request) {
            return Err(AppError::BadRequest);
        }
        let body = Bytes::from_request(request, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                AppError::TooLarge { limit: crate::app::BODY_LIMIT_BYTES }
            } else {
                AppError::BadRequest
            }
        })?;
        read(&body).map(Form)
    }
}

/// Reads a form body into `T`, or refuses it as a bad request.
pub fn read<T: DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    serde_html_form::from_bytes(body).map_err(|error| {
        tracing::debug!(%error, "form refused");
        AppError::BadRequest
    })
}

/// Whether the request says its body is a URL-encoded form (parameters such as a charset aside).
fn is_urlencoded(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/x-www-form-urlencoded"))
}
