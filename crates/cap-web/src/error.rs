//! The one place where failures become responses.
//!
//! A handler returns an [`AppError`]; its `IntoResponse` sets the status and leaves an
//! [`ErrorPage`] marker, which the page middleware turns into a full page in the user's language.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use cap_storage::StorageError;

/// Why a request could not be served.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The page needs a signed-in user; `next` is where to come back to.
    #[error("sign-in required")]
    SignInRequired {
        /// Path to return to after signing in.
        next: String,
    },
    /// Signed in, but the role does not allow this.
    #[error("forbidden")]
    Forbidden,
    /// Nothing here, or nothing the user may know exists.
    #[error("not found")]
    NotFound,
    /// The request is malformed (a broken upload, say).
    #[error("bad request")]
    BadRequest,
    /// The request body is larger than the route allows (`limit` bytes).
    #[error("request body over {limit} bytes")]
    TooLarge {
        /// The size the route allows, in bytes.
        limit: usize,
    },
    /// An upload that could not be read: its parts' headers are malformed, most often because
    /// the file's name holds a control character (a NUL byte, a line break).
    #[error("unreadable upload")]
    BadUpload,
    /// The request was refused as a cross-site forgery.
    #[error("cross-site request refused")]
    CrossSite,
    /// The storage failed.
    #[error("storage: {0}")]
    Storage(#[from] StorageError),
    /// Anything else that is our fault.
    #[error("internal: {0}")]
    Internal(String),
}

/// Marker left on error responses so the page middleware can render the page.
#[derive(Debug, Clone, Copy)]
pub struct ErrorPage {
    /// Message key of the page's title.
    pub title_key: &'static str,
    /// Message key of the explanation.
    pub body_key: &'static str,
    /// An identifier to quote to support, for server errors.
    pub operation_id: Option<u64>,
    /// The size allowed, in bytes, when the body was too large (shown in the explanation).
    pub limit: Option<usize>,
}

impl ErrorPage {
    /// The page of a request body over `limit` bytes.
    pub fn too_large(limit: usize) -> Self {
        Self {
            title_key: "error.page.too_large_title",
            body_key: "error.page.too_large",
            operation_id: None,
            limit: Some(limit),
        }
    }
}

impl AppError {
    /// A failed upload: too large for the route's `limit`, or malformed.
    pub fn from_multipart(e: &axum::extract::multipart::MultipartError, limit: usize) -> Self {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE { Self::TooLarge { limit } } else { Self::BadUpload }
    }

    fn status(&self) -> StatusCode {
        match self {
            Self::SignInRequired { .. } => StatusCode::SEE_OTHER,
            Self::Forbidden | Self::CrossSite => StatusCode::FORBIDDEN,
            Self::BadRequest | Self::BadUpload => StatusCode::BAD_REQUEST,
            Self::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::NotFound | Self::Storage(StorageError::NotFound) => StatusCode::NOT_FOUND,
            Self::Storage(_) | Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let Self::SignInRequired { next } = &self {
            let target =
                format!("/sign-in?next={}", url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>());
            let mut response = status.into_response();
            if let Ok(value) = HeaderValue::from_str(&target) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            return response;
        }
        let page = match status {
            StatusCode::PAYLOAD_TOO_LARGE => match self {
                Self::TooLarge { limit } => ErrorPage::too_large(limit),
                _ => ErrorPage::too_large(0),
            },
            StatusCode::BAD_REQUEST if matches!(self, Self::BadUpload) => ErrorPage {
                title_key: "error.page.bad_request_title",
                body_key: "error.page.bad_upload",
                operation_id: None,
                limit: None,
            },
            StatusCode::BAD_REQUEST => ErrorPage {
                title_key: "error.page.bad_request_title",
                body_key: "error.page.bad_request",
                operation_id: None,
                limit: None,
            },
            StatusCode::FORBIDDEN if matches!(self, Self::CrossSite) => ErrorPage {
                title_key: "error.page.cross_site_title",
                body_key: "error.page.cross_site",
                operation_id: None,
                limit: None,
            },
            StatusCode::FORBIDDEN => ErrorPage {
                title_key: "error.page.forbidden_title",
                body_key: "error.page.forbidden",
                operation_id: None,
                limit: None,
            },
            StatusCode::NOT_FOUND => ErrorPage {
                title_key: "error.page.not_found_title",
                body_key: "error.page.not_found",
                operation_id: None,
                limit: None,
            },
            _ => {
                let operation_id: u64 = rand::random::<u64>() % 1_000_000_000;
                tracing::error!(operation_id, error = %self, "request failed");
                ErrorPage {
                    title_key: "error.page.internal_title",
                    body_key: "error.page.internal",
                    operation_id: Some(operation_id),
                    limit: None,
                }
            }
        };
        let mut response = status.into_response();
        response.extensions_mut().insert(page);
        response
    }
}

/// Shorthand for handler results.
pub type AppResult<T> = Result<T, AppError>;
