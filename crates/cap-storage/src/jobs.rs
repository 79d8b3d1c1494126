//! What lets scheduled jobs run once even with several instances: a lease per job, held until it
//! expires, and a record of each reminder sent.

use crate::{Db, error::Result};

/// Takes or renews the lease on job `name` for `holder` until `until` (UTC seconds), if nobody
/// else holds it at `at`. Returns whether `holder` now holds it.
pub async fn try_lease(db: &Db, name: &str, holder: &str, at: i64, until: i64) -> Result<bool> {
    // One statement, so two instances racing for a free lease cannot both win: the insert or the
    // conditional update is atomic on both engines.
    let done = sqlx::query(
        "INSERT INTO job_leases (name, holder, held_until) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, held_until = excluded.held_until
         WHERE job_leases.held_until < $4 OR job_leases.holder = excluded.holder",
    )
    .bind(name)
    .bind(holder)
    .bind(until)
    .bind(at)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives the lease back, so another instance may run the job at once.
pub async fn release(db: &Db, name: &str, holder: &str) -> Result<()> {
    sqlx::query("UPDATE job_leases SET held_until = 0 WHERE name = $1 AND holder = $2")
        .bind(name)
        .bind(holder)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Records that reminder (`kind`, `subject`, `period`) is being sent; false when it already was,
/// so each reminder leaves once.
pub async fn mark_sent(db: &Db, kind: &str, subject: i64, period: &str, at: i64) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO sent_reminders (kind, subject_id, period, sent_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind, subject_id, period) DO NOTHING",
    )
    .bind(kind)
    .bind(subject)
    .bind(period)
    .bind(at)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Forgets a reminder recorded by [`mark_sent`] whose e-mail could not leave, so the next run
/// tries again.
pub async fn unmark_sent(db: &Db, kind: &str, subject: i64, period: &str) -> Result<()> {
    sqlx::query("DELETE FROM sent_reminders WHERE kind = $1 AND subject_id = $2 AND period = $3")
        .bind(kind)
        .bind(subject)
        .bind(period)
        .execute(db.pool())
        .await?;
    Ok(())
}
