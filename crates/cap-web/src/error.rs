//! The one place where failures become responses.
//!
//! A handler returns an [`AppError`]; its `IntoResponse` sets the status and leaves an
//! [`ErrorPage`] marker, which the page middleware turns into a full page in the user's language.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use cap_storage::{Stale, StorageError};

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
    /// The request went past its deadline (« Le serveur met trop de temps à répondre »).
    #[error("request over its deadline")]
    TooSlow,
    /// Every place for expensive work is taken, or the client has too many requests in flight.
    #[error("busy")]
    Busy {
        /// Seconds to wait before trying again (`Retry-After`).
        retry_after: u64,
    },
    /// The person asked for more expensive work than their rate allows.
    #[error("too many expensive requests")]
    TooManyHeavy {
        /// Seconds to wait before trying again (`Retry-After`).
        retry_after: u64,
    },
}

impl From<cap_app::Error> for AppError {
    fn from(error: cap_app::Error) -> Self {
        match error {
            cap_app::Error::NotFound => Self::NotFound,
            cap_app::Error::Forbidden => Self::Forbidden,
            cap_app::Error::Storage(e) => Self::Storage(e),
            other => Self::Internal(other.to_string()),
        }
    }
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
    /// Both versions of a write refused because someone saved first (shown in the explanation).
    pub stale: Option<Stale>,
}

impl ErrorPage {
    /// The page of a request body over `limit` bytes.
    pub fn too_large(limit: usize) -> Self {
        Self {
            title_key: "error.page.too_large_title",
            body_key: "error.page.too_large",
            operation_id: None,
            limit: Some(limit),
            stale: None,
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
            // Every versioned write refused because someone saved first, unless its handler shows
            // a richer answer itself (the typed form beside what is saved now).
            Self::Storage(StorageError::Stale(_)) => StatusCode::CONFLICT,
            Self::Storage(_) | Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            Self::TooSlow | Self::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            Self::TooManyHeavy { .. } => StatusCode::TOO_MANY_REQUESTS,
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
        let (page, retry_after) = match &self {
            Self::TooSlow => (ErrorPage::plain("error.page.too_slow_title", "error.page.too_slow"), None),
            Self::Busy { retry_after } => {
                (ErrorPage::plain("error.page.busy_title", "error.page.busy"), Some(*retry_after))
            }
            Self::TooManyHeavy { retry_after } => {
                (ErrorPage::plain("error.page.too_many_title", "error.page.too_many"), Some(*retry_after))
            }
            _ => (self.page(status), None),
        };
        let mut response = status.into_response();
        if let Some(seconds) = retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response.extensions_mut().insert(page);
        response
    }
}

impl ErrorPage {
    fn plain(title_key: &'static str, body_key: &'static str) -> Self {
        Self { title_key, body_key, operation_id: None, limit: None, stale: None }
    }
}

impl AppError {
    fn page(&self, status: StatusCode) -> ErrorPage {
        match status {
            StatusCode::PAYLOAD_TOO_LARGE => match self {
                Self::TooLarge { limit } => ErrorPage::too_large(*limit),
                _ => ErrorPage::too_large(0),
            },
            StatusCode::BAD_REQUEST if matches!(self, Self::BadUpload) => {
                ErrorPage::plain("error.page.bad_request_title", "error.page.bad_upload")
            }
            StatusCode::BAD_REQUEST => ErrorPage::plain("error.page.bad_request_title", "error.page.bad_request"),
            StatusCode::FORBIDDEN if matches!(self, Self::CrossSite) => {
                ErrorPage::plain("error.page.cross_site_title", "error.page.cross_site")
            }
            StatusCode::FORBIDDEN => ErrorPage::plain("error.page.forbidden_title", "error.page.forbidden"),
            StatusCode::NOT_FOUND => ErrorPage::plain("error.page.not_found_title", "error.page.not_found"),
            StatusCode::CONFLICT => ErrorPage {
                stale: match self {
                    Self::Storage(e) => e.stale(),
                    _ => None,
                },
                ..ErrorPage::plain("error.page.stale_title", "error.page.stale")
            },
            _ => {
                let operation_id: u64 = rand::random::<u64>() % 1_000_000_000;
                tracing::error!(operation_id, error = %self, "request failed");
                ErrorPage {
                    operation_id: Some(operation_id),
                    ..ErrorPage::plain("error.page.internal_title", "error.page.internal")
                }
            }
        }
    }
}

/// Shorthand for handler results.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_write_no_handler_answered_is_a_conflict_with_both_versions() {
        let stale = Stale { read: 3, current: 5 };
        let response = AppError::Storage(StorageError::Stale(stale)).into_response();
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let page = response.extensions().get::<ErrorPage>().copied().expect("an error page");
        assert_eq!((page.title_key, page.operation_id, page.stale), ("error.page.stale_title", None, Some(stale)));
        let through_the_app = AppError::from(cap_app::Error::Storage(StorageError::Stale(stale))).into_response();
        assert_eq!(through_the_app.status(), StatusCode::CONFLICT);
        let other = AppError::Storage(StorageError::NotFound).into_response();
        assert_eq!(other.extensions().get::<ErrorPage>().and_then(|p| p.stale), None);
    }
}
