//! Single-use links (first-start setup, invitations, password resets): one place that makes the
//! secret token, stores only its keyed hash with an expiry, and builds the absolute URL.

use crate::app::App;
use cap_domain::UserId;
use cap_storage::StorageError;
use cap_storage::audit::Pending;
use cap_storage::tokens::{self, NewToken, Purpose};

/// How long the first administrator's setup link stays valid.
pub const SETUP_LINK_SECS: i64 = 24 * 3600;
/// How long a password-reset link stays valid.
pub const RESET_LINK_SECS: i64 = 3600;
/// How long an invitation link stays valid.
pub const INVITATION_LINK_SECS: i64 = 14 * 24 * 3600;
/// How long a personal campaign link stays valid (a campaign's answering takes weeks).
pub const CAMPAIGN_LINK_SECS: i64 = 180 * 24 * 3600;

/// What a new link is for and whom it concerns.
pub struct LinkRequest<'a> {
    /// Its purpose, which also decides its path and lifetime.
    pub purpose: Purpose,
    /// The address it is sent to (empty for the setup link).
    pub email: &'a str,
    /// The account it concerns, if it exists.
    pub user: Option<UserId>,
    /// What accepting it grants (JSON), if anything.
    pub payload: &'a str,
    /// Who made it.
    pub created_by: Option<UserId>,
}

fn path_and_lifetime(purpose: Purpose) -> (&'static str, i64) {
    match purpose {
        Purpose::Setup => ("/setup/", SETUP_LINK_SECS),
        Purpose::Invitation => ("/invitation/", INVITATION_LINK_SECS),
        Purpose::PasswordReset => ("/password/reset/", RESET_LINK_SECS),
        Purpose::CampaignLink => ("/c/", CAMPAIGN_LINK_SECS),
    }
}

/// Stores a new link and returns its absolute URL; `audit`, when given, is appended in the same
/// transaction.
pub async fn issue(state: &App, request: LinkRequest<'_>, audit: Option<Pending>) -> Result<String, StorageError> {
    let (path, lifetime) = path_and_lifetime(request.purpose);
    let token = crate::crypto::random_token();
    let now = cap_storage::now();
    let db = match audit {
        Some(entry) => state.db.audited(entry),
        None => (&state.db).into(),
    };
    tokens::create(
        db,
        NewToken {
            token_hash: &state.keys.hash_token(&token),
            purpose: request.purpose,
            email: request.email,
            user_id: request.user,
            payload: request.payload,
            created_by: request.created_by,
            now,
            expires_at: now + lifetime,
        },
    )
    .await?;
    Ok(state.config.link(&format!("{path}{token}")))
}

/// On an instance without any account, makes a fresh single-use link to create the first
/// federation administrator (earlier links stop working). `None` once an account exists.
pub async fn first_start_link(state: &App) -> Result<Option<String>, StorageError> {
    if cap_storage::users::count(&state.db).await? > 0 {
        return Ok(None);
    }
    tokens::revoke_all(&state.db, Purpose::Setup, cap_storage::now()).await?;
    let request = LinkRequest { purpose: Purpose::Setup, email: "", user: None, payload: "", created_by: None };
    Ok(Some(issue(state, request, None).await?))
}

/// Makes a single-use password-reset link for `user` (e-mailed by the "forgotten password"
/// page, printed by `cap user reset-password`).
pub async fn password_reset_link(
    state: &App,
    by: &crate::audit::Author,
    user: UserId,
    email: &str,
) -> Result<String, StorageError> {
    let request =
        LinkRequest { purpose: Purpose::PasswordReset, email, user: Some(user), payload: "", created_by: None };
    issue(state, request, Some(by.entry("users.password_reset_requested", "user", user, ""))).await
}

/// Makes a personal link to campaign `campaign` for `user` (at `email`), made by `created_by`: it
/// signs its holder in to that campaign only. `audit`, when given, is appended with it.
pub async fn campaign_link(
    state: &App,
    campaign: i64,
    (user, email): (UserId, &str),
    created_by: Option<UserId>,
    audit: Option<Pending>,
) -> Result<String, StorageError> {
    let payload = serde_json::json!({ "campaign": campaign }).to_string();
    let request =
        LinkRequest { purpose: Purpose::CampaignLink, email, user: Some(user), payload: &payload, created_by };
    issue(state, request, audit).await
}
