//! The page shown once an invitation is made, by an administrator or an organisation's
//! coordinator: the address it went to, and the link itself when the e-mail could not leave.

use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
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
