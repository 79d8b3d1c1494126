//! Single-use, expiring tokens sent by e-mail or printed once: invitations, password resets,
//! and the first administrator's setup link. Only a keyed hash of each token is stored.

use crate::Writer;
use crate::{Db, StorageError, error::Result};
use cap_domain::UserId;

/// What a token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Creates the first federation administrator on an empty instance.
    Setup,
    /// Invites someone to join with a role.
    Invitation,
    /// Lets a user choose a new password.
    PasswordReset,
    /// Opens one campaign to one participant, without a password; reusable until it expires.
    CampaignLink,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Self::Setup => "setup",
            Self::Invitation => "invitation",
            Self::PasswordReset => "password_reset",
            Self::CampaignLink => "campaign_link",
        }
    }
}

/// A token to record.
#[derive(Debug, Clone)]
pub struct NewToken<'a> {
    /// Keyed hash of the secret token.
    pub token_hash: &'a str,
    /// What it is for.
    pub purpose: Purpose,
    /// The address it was sent to.
    pub email: &'a str,
    /// The account it concerns, if it exists already.
    pub user_id: Option<UserId>,
    /// What accepting it grants (JSON, meaning set by the web layer).
    pub payload: &'a str,
    /// Who created it.
    pub created_by: Option<UserId>,
    /// Creation time.
    pub now: i64,
    /// Expiry time.
    pub expires_at: i64,
}

/// A live token, as read back.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Token {
    /// The address it was sent to.
    pub email: String,
    /// The account it concerns, if any.
    pub user_id: Option<i64>,
    /// What accepting it grants.
    pub payload: String,
    /// Expiry time.
    pub expires_at: i64,
}

/// Records a token.
pub async fn create(db: impl Into<Writer<'_>>, token: NewToken<'_>) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    sqlx::query(
        "INSERT INTO tokens (token_hash, purpose, email, user_id, payload, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(token.token_hash)
    .bind(token.purpose.code())
    .bind(token.email)
    .bind(token.user_id.map(|u| u.0))
    .bind(token.payload)
    .bind(token.created_by.map(|u| u.0))
    .bind(token.now)
    .bind(token.expires_at)
    .execute(&mut *tx)
    .await?;
    w.commit(tx).await?;
    Ok(())
}

/// Reads a live (unused, unexpired) token without consuming it, to show its form.
pub async fn peek(db: &Db, token_hash: &str, purpose: Purpose, now: i64) -> Result<Token> {
    sqlx::query_as(
        "SELECT email, user_id, payload, expires_at FROM tokens
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(token_hash)
    .bind(purpose.code())
    .bind(now)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StorageError::NotFound)
}

/// Consumes a live token: only one caller ever succeeds, even when two race.
pub async fn consume(db: &Db, token_hash: &str, purpose: Purpose, now: i64) -> Result<Token> {
    let token = peek(db, token_hash, purpose, now).await?;
    let done = sqlx::query("UPDATE tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL")
        .bind(now)
        .bind(token_hash)
        .execute(db.pool())
        .await?;
    if done.rows_affected() == 1 { Ok(token) } else { Err(StorageError::NotFound) }
}

/// Voids every unused token of a purpose (a new setup link replaces the previous one).
pub async fn revoke_all(db: &Db, purpose: Purpose, now: i64) -> Result<()> {
    sqlx::query("UPDATE tokens SET used_at = $1 WHERE purpose = $2 AND used_at IS NULL")
        .bind(now)
        .bind(purpose.code())
        .execute(db.pool())
        .await?;
    Ok(())
}
