//! The audit log: who wrote what, and when. Entries are only ever appended.

use crate::{Db, error::Result};
use cap_domain::UserId;

/// An entry to append.
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    /// The acting user, if signed in.
    pub actor: Option<UserId>,
    /// How to name the actor even after their account is erased (their e-mail, or "système").
    pub actor_label: &'a str,
    /// What was done, as a stable code (`organisation.create`, `user.sign_in`…).
    pub action: &'a str,
    /// The kind of thing it was done to.
    pub entity: &'a str,
    /// Its identifier.
    pub entity_id: &'a str,
    /// A short human-readable summary of the change.
    pub details: &'a str,
    /// The client's address.
    pub ip: &'a str,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Entry {
    /// Identifier, increasing.
    pub id: i64,
    /// When, in UTC seconds.
    pub at: i64,
    /// Acting user, if any.
    pub actor_user_id: Option<i64>,
    /// Actor as named at the time.
    pub actor_label: String,
    /// Action code.
    pub action: String,
    /// Kind of thing.
    pub entity: String,
    /// Its identifier.
    pub entity_id: String,
    /// Summary.
    pub details: String,
    /// Client address.
    pub ip: String,
}

/// Appends an entry.
pub async fn append(db: &Db, entry: NewEntry<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_user_id, actor_label, action, entity, entity_id, details, ip)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(crate::now())
    .bind(entry.actor.map(|u| u.0))
    .bind(entry.actor_label)
    .bind(entry.action)
    .bind(entry.entity)
    .bind(entry.entity_id)
    .bind(entry.details)
    .bind(entry.ip)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The most recent entries, newest first, `limit` at a time, before the entry id `before`.
pub async fn recent(db: &Db, before: Option<i64>, limit: i64) -> Result<Vec<Entry>> {
    Ok(sqlx::query_as(
        "SELECT id, at, actor_user_id, actor_label, action, entity, entity_id, details, ip FROM audit_log
         WHERE id < $1 ORDER BY id DESC LIMIT $2",
    )
    .bind(before.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// Every entry made by one user, oldest first (for the export of their personal data).
pub async fn by_actor(db: &Db, actor: UserId) -> Result<Vec<Entry>> {
    Ok(sqlx::query_as(
        "SELECT id, at, actor_user_id, actor_label, action, entity, entity_id, details, ip FROM audit_log
         WHERE actor_user_id = $1 ORDER BY id",
    )
    .bind(actor.0)
    .fetch_all(db.pool())
    .await?)
}
