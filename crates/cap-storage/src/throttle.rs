//! Sign-in throttling kept in the database, so the limit holds across several instances.
//! A bucket is a key such as `account:claire@exemple.fr` or `address:203.0.113.7`.

use crate::{Db, error::Result};

/// Failures recorded in the bucket's current window (0 when the window has passed).
pub async fn failures(db: &Db, bucket: &str, now: i64, window_secs: i64) -> Result<i64> {
    let row: Option<(i64, i64)> =
        sqlx::query_as("SELECT window_start, failures FROM signin_throttle WHERE bucket = $1")
            .bind(bucket)
            .fetch_optional(db.pool())
            .await?;
    Ok(match row {
        Some((start, failures)) if now - start < window_secs => failures,
        _ => 0,
    })
}

/// Records one failure, starting a new window when the previous one has passed.
pub async fn record_failure(db: &Db, bucket: &str, now: i64, window_secs: i64) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO signin_throttle (bucket, window_start, failures) VALUES ($1, $2, 1)
         ON CONFLICT (bucket) DO UPDATE SET
           failures = CASE WHEN $3 - signin_throttle.window_start >= $4 THEN 1 ELSE signin_throttle.failures + 1 END,
           window_start = CASE WHEN $5 - signin_throttle.window_start >= $6 THEN $7 ELSE signin_throttle.window_start END",
    )
    .bind(bucket)
    .bind(now)
    .bind(now)
    .bind(window_secs)
    .bind(now)
    .bind(window_secs)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Clears a bucket after a successful sign-in.
pub async fn clear(db: &Db, bucket: &str) -> Result<()> {
    sqlx::query("DELETE FROM signin_throttle WHERE bucket = $1").bind(bucket).execute(db.pool()).await?;
    Ok(())
}
