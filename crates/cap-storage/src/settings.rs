//! Instance-wide settings kept in the database (so every instance sees the same values).

use crate::{Db, error::Result};

/// Reads a setting.
pub async fn get(db: &Db, key: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT value FROM settings WHERE key = $1").bind(key).fetch_optional(db.pool()).await?)
}

/// Writes a setting, replacing any earlier value.
pub async fn set(db: &Db, key: &str, value: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Writes a setting only if it has no value yet; returns the value now stored.
pub async fn get_or_init(db: &Db, key: &str, value: &str) -> Result<String> {
    sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
        .bind(key)
        .bind(value)
        .execute(db.pool())
        .await?;
    get(db, key).await?.ok_or(crate::StorageError::NotFound)
}

/// Removes a setting (nothing when it has none).
pub async fn remove(db: &Db, key: &str) -> Result<()> {
    sqlx::query("DELETE FROM settings WHERE key = $1").bind(key).execute(db.pool()).await?;
    Ok(())
}
