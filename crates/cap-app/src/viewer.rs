//! Who asks: the signed-in person with every role they hold, as the policy sees them. Every use
//! case that reads or writes on someone's behalf takes a [`Viewer`] and asks the policy through
//! it; access is decided nowhere else.

use crate::error::Error;
use cap_domain::api::ApiScope;
use cap_domain::authz::{Actor, Permission, allows};
use cap_storage::users::User;

/// The signed-in user with every role they hold.
#[derive(Debug, Clone)]
pub struct Viewer {
    /// The account.
    pub user: User,
    /// The account's memberships, as the policy sees them.
    pub actor: Actor,
    /// Hash of this session's token (to end it on sign-out).
    pub session_hash: String,
    /// The one campaign this session may reach, when it was opened by a personal link.
    pub campaign_only: Option<i64>,
    /// The client's address for this request (for the audit of reviewers' reading).
    pub client_ip: String,
    /// The path asked for in this request.
    pub path: String,
    /// For a request signed with a personal API token, what the token may do; `None` for a
    /// browser session, which may do all its owner may.
    pub api_scopes: Option<Vec<ApiScope>>,
}

impl Viewer {
    /// Succeeds when the policy allows `permission`.
    pub fn require(&self, permission: Permission) -> Result<(), Error> {
        if allows(&self.actor, permission) {
            Ok(())
        } else {
            // A resource of another organisation is answered as absent, not as forbidden,
            // so its existence leaks nothing.
            Err(match permission {
                Permission::AdministerFederation => Error::Forbidden,
                _ => Error::NotFound,
            })
        }
    }

    /// Succeeds when the request may use `scope` of the API (always, for a browser session).
    pub fn require_scope(&self, scope: ApiScope) -> Result<(), Error> {
        match &self.api_scopes {
            Some(scopes) if !scopes.contains(&scope) => Err(Error::Forbidden),
            _ => Ok(()),
        }
    }

    /// Whether the policy allows `permission`.
    pub fn can(&self, permission: Permission) -> bool {
        allows(&self.actor, permission)
    }
}
