//! `GET /admin/users`: every active account with its roles (erased people are not listed).

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use cap_app::invitations::label;
use cap_domain::Scope;
use cap_storage::memberships::StoredMembership;
use cap_storage::{groups, memberships, organisations, regions, users};
use std::collections::HashMap;

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
    // Every place name read once, every membership grouped by user once: no query per row.
    let regions: HashMap<i64, String> = regions::list(&state.db).await?.into_iter().map(|r| (r.id, r.name)).collect();
    let groups: HashMap<i64, String> = groups::list(&state.db).await?.into_iter().map(|g| (g.id, g.name)).collect();
    let orgs: HashMap<i64, String> =
        organisations::list(&state.db, Default::default()).await?.into_iter().map(|o| (o.id, o.name)).collect();
    let mut by_user: HashMap<i64, Vec<StoredMembership>> = HashMap::new();
    for m in memberships::all(&state.db).await? {
        by_user.entry(m.user_id.0).or_default().push(m);
    }
    let place = |scope: Scope| -> String {
        match scope {
            Scope::Federation => state.config.federation_name.clone(),
            Scope::Region(r) => regions.get(&r.0).cloned().unwrap_or_default(),
            Scope::Organisation(o) => orgs.get(&o.0).cloned().unwrap_or_default(),
            Scope::Group(g) => groups.get(&g.0).cloned().unwrap_or_default(),
        }
    };
    let mut rows = Vec::new();
    for user in users::list(&state.db).await?.into_iter().filter(|u| u.disabled_at.is_none()) {
        let roles = by_user
            .remove(&user.id)
            .unwrap_or_default()
            .into_iter()
            .map(|m| RoleRow { id: m.id, label: label(page.t, &m.membership, &place(m.membership.scope)) })
            .collect();
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
