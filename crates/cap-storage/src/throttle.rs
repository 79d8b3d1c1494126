//! Sign-in throttling kept in the database, so the limits hold across several instances and
//! whatever the parallelism: each attempt is counted by one atomic statement *before* the
//! password is checked, and the count that statement returns decides.
//!
//! A bucket is a key such as `account:claire@exemple.fr` or `address:203.0.113.7`, one row of
//! `signin_throttle`. Two kinds of bucket share the table:
//! - a **window** ([`attempt`]): `window_start` is when the window opened and `failures` the
//!   attempts counted in it;
//! - a **back-off** ([`take`], [`give_back`]): a bucket of `burst` attempts refilled one per
//!   interval, kept as a single time in `window_start`, the moment the bucket will be full again
//!   (the generic cell rate algorithm); `failures` stays 0.

use crate::{Db, error::Result};

/// Counts one attempt in the bucket's window and returns the attempts the window now holds, this
/// one included; a window older than `window_secs` starts again at 1. One statement, so parallel
/// attempts each get their own count on both engines.
pub async fn attempt(db: &Db, bucket: &str, now: i64, window_secs: i64) -> Result<i64> {
    let count: i64 = sqlx::query_scalar(
        "INSERT INTO signin_throttle (bucket, window_start, failures) VALUES ($1, $2, 1)
         ON CONFLICT (bucket) DO UPDATE SET
           failures = CASE WHEN $2 - signin_throttle.window_start >= $3 THEN 1 ELSE signin_throttle.failures + 1 END,
           window_start = CASE WHEN $2 - signin_throttle.window_start >= $3 THEN $2 ELSE signin_throttle.window_start END
         RETURNING failures",
    )
    .bind(bucket)
    .bind(now)
    .bind(window_secs)
    .fetch_one(db.pool())
    .await?;
    Ok(count)
}

/// Takes one attempt from a back-off bucket holding at most `burst` attempts and refilled with
/// one every `interval_secs`; returns whether one was left. A refused attempt pushes the moment
/// the bucket is full again at most one interval further, so someone who keeps trying waits
/// no longer than two intervals after their last try.
pub async fn take(db: &Db, bucket: &str, now: i64, interval_secs: i64, burst: i64) -> Result<bool> {
    let cap = now + (burst + 1) * interval_secs;
    let full_at: i64 = sqlx::query_scalar(
        "INSERT INTO signin_throttle (bucket, window_start, failures) VALUES ($1, $2 + $3, 0)
         ON CONFLICT (bucket) DO UPDATE SET
           window_start = CASE
             WHEN signin_throttle.window_start <= $2 THEN $2 + $3
             WHEN signin_throttle.window_start + $3 > $4 THEN $4
             ELSE signin_throttle.window_start + $3 END
         RETURNING window_start",
    )
    .bind(bucket)
    .bind(now)
    .bind(interval_secs)
    .bind(cap)
    .fetch_one(db.pool())
    .await?;
    Ok(full_at <= now + burst * interval_secs)
}

/// Gives one attempt back to a back-off bucket (a successful sign-in does not count).
pub async fn give_back(db: &Db, bucket: &str, interval_secs: i64) -> Result<()> {
    sqlx::query("UPDATE signin_throttle SET window_start = window_start - $2 WHERE bucket = $1")
        .bind(bucket)
        .bind(interval_secs)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Clears a bucket after a successful sign-in.
pub async fn clear(db: &Db, bucket: &str) -> Result<()> {
    sqlx::query("DELETE FROM signin_throttle WHERE bucket = $1").bind(bucket).execute(db.pool()).await?;
    Ok(())
}

/// Forgets the buckets that can no longer refuse anything: a window that opened before `before`
/// (older than any window) and a back-off bucket full again before it. Returns how many.
pub async fn purge_stale(db: &Db, before: i64) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM signin_throttle WHERE window_start < $1")
        .bind(before)
        .execute(db.pool())
        .await?
        .rows_affected())
}
