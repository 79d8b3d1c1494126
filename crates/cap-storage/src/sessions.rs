//! Sign-in sessions, stored so that several instances serve the same users.
//! Only a keyed hash of each session token is stored; the token lives in the user's cookie.

use crate::{Db, error::Result};
use cap_domain::UserId;

/// Records a new session.
pub async fn create(db: &Db, token_hash: &str, user: UserId, now: i64, expires_at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $3)",
    )
    .bind(token_hash)
    .bind(user.0)
    .bind(now)
    .bind(expires_at)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The user of a live session, if the session exists and has not expired.
pub async fn user_of(db: &Db, token_hash: &str, now: i64) -> Result<Option<UserId>> {
    let user: Option<i64> = sqlx::query_scalar(
        "SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db.pool())
    .await?;
    Ok(user.map(UserId))
}

/// Ends one session (sign-out).
pub async fn delete(db: &Db, token_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(db.pool()).await?;
    Ok(())
}

/// Forgets expired sessions; returns how many.
pub async fn purge_expired(db: &Db, now: i64) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now).execute(db.pool()).await?.rows_affected())
}
