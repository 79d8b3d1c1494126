//! User accounts.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::{Email, UserId};

/// A user as stored. The password hash never leaves the storage and auth layers.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct User {
    /// Identifier.
    pub id: i64,
    /// Normalised e-mail address.
    pub email: String,
    /// Name shown in the interface.
    pub display_name: String,
    /// Argon2id PHC string, when the user has set a password.
    pub password_hash: Option<String>,
    /// Preferred language (`fr` or `en`).
    pub locale: String,
    /// When the account was disabled, if it was.
    pub disabled_at: Option<i64>,
}

impl User {
    /// The typed identifier.
    pub fn user_id(&self) -> UserId {
        UserId(self.id)
    }
}

const SELECT: &str = "SELECT id, email, display_name, password_hash, locale, disabled_at FROM users";

/// Creates a user; a taken e-mail gives [`StorageError::Conflict`].
pub async fn create(
    db: impl Into<Writer<'_>>,
    email: &Email,
    display_name: &str,
    password_hash: Option<&str>,
) -> Result<UserId> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(email.as_str())
    .bind(display_name.trim())
    .bind(password_hash.map(str::to_owned))
    .bind(now())
    .fetch_one(&mut *tx)
    .await
    .map_err(StorageError::from_write)?;
    w.commit_created(tx, id).await?;
    Ok(UserId(id))
}

/// One user by id.
pub async fn get(db: &Db, id: UserId) -> Result<User> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id.0)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)
}

/// One user by e-mail, if any.
pub async fn find_by_email(db: &Db, email: &Email) -> Result<Option<User>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE email = $1")))
        .bind(email.as_str())
        .fetch_optional(db.pool())
        .await?)
}

/// Every user, by name.
pub async fn list(db: &Db) -> Result<Vec<User>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY display_name, email")))
        .fetch_all(db.pool())
        .await?)
}

/// Replaces a user's password hash and signs them out everywhere else.
pub async fn set_password(db: impl Into<Writer<'_>>, id: UserId, password_hash: &str) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StorageError::NotFound);
    }
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id.0).execute(&mut *tx).await?;
    w.commit(tx).await?;
    Ok(())
}

/// Sets the display name.
pub async fn set_display_name(db: &Db, id: UserId, display_name: &str) -> Result<()> {
    sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2")
        .bind(display_name.trim())
        .bind(id.0)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Remembers the user's preferred language.
pub async fn set_locale(db: impl Into<Writer<'_>>, id: UserId, locale: &str) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2").bind(locale).bind(id.0).execute(&mut *tx).await?;
    w.commit(tx).await?;
    Ok(())
}

/// Number of accounts (an empty instance offers first-start setup).
pub async fn count(db: &Db) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(db.pool()).await?)
}

/// Erases a person (RGPD): their e-mail and name are replaced, their password, roles, sessions,
/// API tokens, directory entry, review accesses and pending links removed, and the audit log
/// names them anonymously from now on. Rows that point at the account (audit entries, later
/// answers, comments) stay, so shared results remain intact.
pub async fn erase(db: impl Into<Writer<'_>>, id: UserId) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let email: Option<String> =
        sqlx::query_scalar("SELECT email FROM users WHERE id = $1").bind(id.0).fetch_optional(&mut *tx).await?;
    let email = email.ok_or(StorageError::NotFound)?;
    let label = format!("personne effacée n° {}", id.0);
    sqlx::query("UPDATE users SET email = $1, display_name = $2, password_hash = NULL, disabled_at = $3 WHERE id = $4")
        .bind(format!("erased-{}@invalid", id.0))
        .bind(&label)
        .bind(now())
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM memberships WHERE user_id = $1").bind(id.0).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id.0).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM api_tokens WHERE user_id = $1").bind(id.0).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM pair_volunteers WHERE user_id = $1").bind(id.0).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM review_grants WHERE user_id = $1").bind(id.0).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM tokens WHERE user_id = $1 OR email = $2")
        .bind(id.0)
        .bind(&email)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE audit_log SET actor_label = $1 WHERE actor_user_id = $2")
        .bind(&label)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE audit_log SET entity_id = $1 WHERE entity_id = $2")
        .bind(&label)
        .bind(&email)
        .execute(&mut *tx)
        .await?;
    w.commit(tx).await?;
    Ok(())
}
