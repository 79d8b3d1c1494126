//! Groups of organisations (GES, groupes économiques solidaires).

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::GroupId;

/// A group as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Group {
    /// Identifier.
    pub id: i64,
    /// Name, unique.
    pub name: String,
    /// Number of organisations in the group.
    pub organisation_count: i64,
}

const SELECT: &str = "SELECT g.id, g.name,
    (SELECT COUNT(*) FROM organisations o WHERE o.group_id = g.id) AS organisation_count
    FROM groups_ges g";

/// Creates a group; a taken name gives [`StorageError::Conflict`].
pub async fn create(db: impl Into<Writer<'_>>, name: &str) -> Result<GroupId> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO groups_ges (name, created_at) VALUES ($1, $2) RETURNING id")
        .bind(name)
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .map_err(StorageError::from_write)?;
    w.commit_created(tx, id).await?;
    Ok(GroupId(id))
}

/// Every group, by name.
pub async fn list(db: &Db) -> Result<Vec<Group>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY g.name"))).fetch_all(db.pool()).await?)
}

/// One group.
pub async fn get(db: &Db, id: GroupId) -> Result<Group> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE g.id = $1")))
        .bind(id.0)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)
}
