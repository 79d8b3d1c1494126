//! Pages more than one feature shows: the page once an invitation is made (by an administrator
//! or an organisation's coordinator), and the page of a used, expired or unknown link.

use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::invitations;

/// The page shown once an invitation is made.
#[derive(Template, WebTemplate)]
#[template(path = "pages/invitation_sent.html")]
pub(crate) struct SentPage {
    pub(crate) page: Page,
    pub(crate) email: String,
    pub(crate) sent: invitations::Sent,
    pub(crate) back_href: String,
}

/// The page of a used, expired or unknown link.
#[derive(Template, WebTemplate)]
#[template(path = "auth/link_invalid.html")]
pub(crate) struct LinkInvalidPage {
    pub(crate) page: Page,
}

/// The page shown for a used, expired or unknown link (410 Gone).
pub(crate) fn link_invalid(page: Page) -> Response {
    (StatusCode::GONE, LinkInvalidPage { page }).into_response()
}
