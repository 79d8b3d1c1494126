//! Regional delegations.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::RegionId;

/// A region as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Region {
    /// Identifier.
    pub id: i64,
    /// Short code (for example `ARA`), unique.
    pub code: String,
    /// Name, unique.
    pub name: String,
    /// Number of member organisations in the region.
    pub organisation_count: i64,
}

impl Region {
    /// The typed identifier.
    pub fn region_id(&self) -> RegionId {
        RegionId(self.id)
    }
}

const SELECT: &str = "SELECT r.id, r.code, r.name,
    (SELECT COUNT(*) FROM organisations o WHERE o.region_id = r.id) AS organisation_count
    FROM regions r";

/// Creates a region; a taken code or name gives [`StorageError::Conflict`].
pub async fn create(db: impl Into<Writer<'_>>, code: &str, name: &str) -> Result<RegionId> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO regions (code, name, created_at) VALUES ($1, $2, $3) RETURNING id")
        .bind(code)
        .bind(name)
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .map_err(StorageError::from_write)?;
    w.commit_created(tx, id).await?;
    Ok(RegionId(id))
}

/// Renames a region.
pub async fn update(db: impl Into<Writer<'_>>, id: RegionId, code: &str, name: &str) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query("UPDATE regions SET code = $1, name = $2 WHERE id = $3")
        .bind(code)
        .bind(name)
        .bind(id.0)
        .execute(&mut *tx)
        .await
        .map_err(StorageError::from_write)?;
    if done.rows_affected() == 0 {
        return Err(StorageError::NotFound);
    }
    w.commit(tx).await
}

/// Every region, by name.
pub async fn list(db: &Db) -> Result<Vec<Region>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY r.name"))).fetch_all(db.pool()).await?)
}

/// One region.
pub async fn get(db: &Db, id: RegionId) -> Result<Region> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE r.id = $1")))
        .bind(id.0)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)
}
