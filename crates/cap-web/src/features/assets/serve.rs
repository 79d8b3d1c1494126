//! `GET /static/{file}`: the stylesheet and scripts, embedded at compile time.

use crate::error::AppError;
use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

const FILES: &[(&str, &str, &str)] = &[
    ("app.css", "text/css; charset=utf-8", include_str!("../../../static/app.css")),
    ("app.js", "text/javascript; charset=utf-8", include_str!("../../../static/app.js")),
];

/// Serves one embedded file, cached for an hour.
pub async fn handler(Path(file): Path<String>) -> Result<Response, AppError> {
    let (_, content_type, body) = FILES.iter().find(|(name, _, _)| *name == file).ok_or(AppError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, *content_type), (header::CACHE_CONTROL, "public, max-age=3600")], *body)
        .into_response())
}
