//! Personal API tokens: created by their owner, listed, revoked. The token itself is shown once
//! and never stored; only its keyed hash is. Looking a token up is in [`crate::sessions`].

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;

/// A token as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Token {
    /// Identifier.
    pub id: i64,
    /// What the owner calls it.
    pub name: String,
    /// Its scopes (space-separated codes).
    pub scopes: String,
    /// When it was created, in UTC seconds.
    pub created_at: i64,
    /// When it stops working.
    pub expires_at: i64,
    /// When it was last used.
    pub last_used_at: Option<i64>,
    /// When it was revoked.
    pub revoked_at: Option<i64>,
}

/// Records a token; returns its identifier.
pub async fn create(
    db: impl Into<Writer<'_>>,
    user: UserId,
    name: &str,
    token_hash: &str,
    scopes: &str,
    expires_at: i64,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO api_tokens (user_id, name, token_hash, scopes, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(user.0)
    .bind(name)
    .bind(token_hash)
    .bind(scopes)
    .bind(now())
    .bind(expires_at)
    .fetch_one(&mut *tx)
    .await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// The user's tokens, newest first.
pub async fn for_user(db: &Db, user: UserId) -> Result<Vec<Token>> {
    Ok(sqlx::query_as(
        "SELECT id, name, scopes, created_at, expires_at, last_used_at, revoked_at FROM api_tokens
         WHERE user_id = $1 ORDER BY id DESC",
    )
    .bind(user.0)
    .fetch_all(db.pool())
    .await?)
}

/// Revokes one of the user's tokens; `NotFound` when it is not theirs or already revoked.
pub async fn revoke(db: impl Into<Writer<'_>>, user: UserId, id: i64) -> Result<Token> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done =
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
            .bind(now())
            .bind(id)
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
    if done.rows_affected() != 1 {
        return Err(StorageError::NotFound);
    }
    let db = w.db();
    w.commit(tx).await?;
    for_user(db, user).await?.into_iter().find(|t| t.id == id).ok_or(StorageError::NotFound)
}
