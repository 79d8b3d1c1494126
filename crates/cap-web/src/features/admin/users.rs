//! `GET /admin/users`: every active account with its roles (erased people are not listed).

use crate::app::AppState;
use crate::error::AppResult;
use crate::features::invitations::describe;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use cap_storage::{memberships, users};

/// One role of a user, with the id to revoke it.
pub struct RoleRow {
    /// Membership id.
    pub id: i64,
    /// The role and its place, in words.
    pub label: String,
}

/// One account.
pub struct UserRow {
    /// Account id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// Whether a password was set (invitation accepted).
    pub active: bool,
    /// Roles.
    pub roles: Vec<RoleRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/users.html")]
struct UsersPage {
    page: Page,
    users: Vec<UserRow>,
}

/// Lists the accounts.
pub async fn list(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    let all_memberships = memberships::all(&state.db).await?;
    let mut rows = Vec::new();
    for user in users::list(&state.db).await?.into_iter().filter(|u| u.disabled_at.is_none()) {
        let mut roles = Vec::new();
        for m in all_memberships.iter().filter(|m| m.user_id.0 == user.id) {
            roles.push(RoleRow { id: m.id, label: describe(&state, page.t, &m.membership).await? });
        }
        rows.push(UserRow {
            id: user.id,
            active: user.password_hash.is_some(),
            name: user.display_name,
            email: user.email,
            roles,
        });
    }
    Ok(UsersPage { page, users: rows }.into_response())
}
