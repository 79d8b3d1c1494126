//! The account page as its actions render it: who I am, my roles, and the form to change my
//! password.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use cap_app::invitations::describe;

/// The account page.
#[derive(Template, WebTemplate)]
#[template(path = "account/show.html")]
pub(crate) struct AccountPage {
    pub(crate) page: Page,
    pub(crate) name: String,
    pub(crate) email: String,
    pub(crate) roles: Vec<String>,
    pub(crate) errors: FormErrors,
}

impl AccountPage {
    /// The page for the signed-in user, with the given password-form errors.
    pub(crate) async fn build(state: &AppState, page: Page, errors: FormErrors) -> AppResult<Self> {
        let viewer = page.ctx.viewer.clone().ok_or(crate::error::AppError::NotFound)?;
        let mut roles = Vec::with_capacity(viewer.actor.memberships.len());
        for m in &viewer.actor.memberships {
            roles.push(describe(state, page.t, m).await?);
        }
        Ok(Self { name: viewer.user.display_name.clone(), email: viewer.user.email.clone(), roles, errors, page })
    }
}
