//! What participants say after the restitution: one entry per person and campaign, changed as
//! often as they like; read back without names.

use crate::Writer;
use crate::{Db, error::Result, now};
use cap_domain::UserId;
use cap_domain::restitution::Voice;

/// The viewer's own entry for a campaign, to edit it.
pub async fn voice_of(db: &Db, campaign: i64, user: UserId) -> Result<Option<Voice>> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT surprised, work_on FROM restitution_voices WHERE campaign_id = $1 AND user_id = $2")
            .bind(campaign)
            .bind(user.0)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|(surprised, work_on)| Voice { surprised, work_on }))
}

/// Records (or replaces) `user`'s entry for the campaign.
pub async fn save_voice(db: impl Into<Writer<'_>>, campaign: i64, user: UserId, voice: &Voice) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    sqlx::query(
        "INSERT INTO restitution_voices (campaign_id, user_id, surprised, work_on, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (campaign_id, user_id) DO UPDATE SET surprised = $3, work_on = $4, updated_at = $5",
    )
    .bind(campaign)
    .bind(user.0)
    .bind(&voice.surprised)
    .bind(&voice.work_on)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    w.commit(tx).await?;
    Ok(())
}

/// Every entry of the campaign, without who wrote it, the oldest first.
pub async fn voices(db: &Db, campaign: i64) -> Result<Vec<Voice>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT surprised, work_on FROM restitution_voices WHERE campaign_id = $1 ORDER BY created_at, id",
    )
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(surprised, work_on)| Voice { surprised, work_on }).collect())
}
