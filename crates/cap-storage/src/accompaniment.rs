//! The accompaniment day of a campaign, one per campaign, versioned like every shared record.

use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;
use cap_domain::accompaniment::Decision;

/// An accompaniment day as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// When it took place (YYYY-MM-DD).
    pub held_on: String,
    /// Who was there.
    pub attendees: String,
    /// What was concluded.
    pub conclusions: String,
    /// The decision.
    pub decision: Decision,
    /// Offers of services agreed.
    pub offers: Vec<String>,
    /// Who recorded it last.
    pub recorded_by: Option<String>,
    /// Incremented on every save.
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    held_on: String,
    attendees: String,
    conclusions: String,
    decision: String,
    offers: String,
    recorded_by: Option<String>,
    version: i64,
}

/// The campaign's accompaniment day, if recorded.
pub async fn day_of(db: &Db, campaign: i64) -> Result<Option<Day>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT d.held_on, d.attendees, d.conclusions, d.decision, d.offers, u.display_name AS recorded_by, d.version
         FROM accompaniment_days d LEFT JOIN users u ON u.id = d.recorded_by WHERE d.campaign_id = $1",
    )
    .bind(campaign)
    .fetch_optional(db.pool())
    .await?;
    row.map(|r| {
        let corrupt = |what: &str| StorageError::Corrupt(format!("accompaniment {campaign}: {what}"));
        Ok(Day {
            decision: Decision::from_code(&r.decision).ok_or_else(|| corrupt("decision"))?,
            offers: serde_json::from_str(&r.offers).map_err(|_| corrupt("offers"))?,
            held_on: r.held_on,
            attendees: r.attendees,
            conclusions: r.conclusions,
            recorded_by: r.recorded_by,
            version: r.version,
        })
    })
    .transpose()
}

/// A day to record.
#[derive(Debug, Clone)]
pub struct NewDay<'a> {
    /// When (YYYY-MM-DD).
    pub held_on: &'a str,
    /// Who was there.
    pub attendees: &'a str,
    /// What was concluded.
    pub conclusions: &'a str,
    /// The decision.
    pub decision: Decision,
    /// Offers agreed.
    pub offers: &'a [String],
    /// Who records it.
    pub by: Option<UserId>,
}

/// Records the day if it is still at `expected_version` (0: not recorded yet); refused with
/// [`StorageError::Stale`] when someone saved it meanwhile.
pub async fn save(db: &Db, campaign: i64, d: &NewDay<'_>, expected_version: i64) -> Result<i64> {
    let offers = serde_json::Value::from(d.offers.to_vec()).to_string();
    let done = if expected_version == 0 {
        sqlx::query(
            "INSERT INTO accompaniment_days (campaign_id, held_on, attendees, conclusions, decision, offers, recorded_by,
                updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1)
             ON CONFLICT (campaign_id) DO NOTHING",
        )
        .bind(campaign)
        .bind(d.held_on)
        .bind(d.attendees)
        .bind(d.conclusions)
        .bind(d.decision.code())
        .bind(offers)
        .bind(d.by.map(|u| u.0))
        .bind(now())
        .execute(db.pool())
        .await?
    } else {
        sqlx::query(
            "UPDATE accompaniment_days SET held_on = $1, attendees = $2, conclusions = $3, decision = $4, offers = $5,
                recorded_by = $6, updated_at = $7, version = version + 1 WHERE campaign_id = $8 AND version = $9",
        )
        .bind(d.held_on)
        .bind(d.attendees)
        .bind(d.conclusions)
        .bind(d.decision.code())
        .bind(offers)
        .bind(d.by.map(|u| u.0))
        .bind(now())
        .bind(campaign)
        .bind(expected_version)
        .execute(db.pool())
        .await?
    };
    if done.rows_affected() == 1 { Ok(expected_version + 1) } else { Err(StorageError::Stale) }
}
