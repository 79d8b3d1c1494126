//! The accompaniment day of a campaign, one per campaign, versioned like every shared record:
//! planned first, then concluded.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;
use cap_domain::accompaniment::Decision;

/// An accompaniment day as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// When it takes or took place (YYYY-MM-DD).
    pub held_on: String,
    /// Where.
    pub place: String,
    /// Who takes or took part.
    pub attendees: String,
    /// The pillars it works on (codes; empty: the whole campaign).
    pub pillars: Vec<String>,
    /// What was concluded (empty while only planned).
    pub conclusions: String,
    /// The decision, once concluded.
    pub decision: Option<Decision>,
    /// Offers of services agreed.
    pub offers: Vec<String>,
    /// By when the plan should be carried out, once concluded.
    pub horizon_on: Option<String>,
    /// The mid-term checkpoint, once concluded.
    pub checkpoint_on: Option<String>,
    /// Who recorded it last.
    pub recorded_by: Option<String>,
    /// Incremented on every save.
    pub version: i64,
}

impl Day {
    /// Whether the day was held and concluded.
    pub fn concluded(&self) -> bool {
        self.decision.is_some()
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    held_on: String,
    place: String,
    attendees: String,
    pillars: String,
    conclusions: String,
    decision: String,
    offers: String,
    horizon_on: Option<String>,
    checkpoint_on: Option<String>,
    recorded_by: Option<String>,
    version: i64,
}

/// The campaign's accompaniment day, if planned or recorded.
pub async fn day_of(db: &Db, campaign: i64) -> Result<Option<Day>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT d.held_on, d.place, d.attendees, d.pillars, d.conclusions, d.decision, d.offers, d.horizon_on,
                d.checkpoint_on, u.display_name AS recorded_by, d.version
         FROM accompaniment_days d LEFT JOIN users u ON u.id = d.recorded_by WHERE d.campaign_id = $1",
    )
    .bind(campaign)
    .fetch_optional(db.pool())
    .await?;
    row.map(|r| {
        let corrupt = |what: &str| StorageError::Corrupt(format!("accompaniment {campaign}: {what}"));
        let decision = match r.decision.as_str() {
            "" => None,
            code => Some(Decision::from_code(code).ok_or_else(|| corrupt("decision"))?),
        };
        Ok(Day {
            decision,
            offers: serde_json::from_str(&r.offers).map_err(|_| corrupt("offers"))?,
            pillars: serde_json::from_str(&r.pillars).map_err(|_| corrupt("pillars"))?,
            held_on: r.held_on,
            place: r.place,
            attendees: r.attendees,
            conclusions: r.conclusions,
            horizon_on: r.horizon_on,
            checkpoint_on: r.checkpoint_on,
            recorded_by: r.recorded_by,
            version: r.version,
        })
    })
    .transpose()
}

/// What a day's conclusion records.
#[derive(Debug, Clone)]
pub struct NewConclusion<'a> {
    /// What was concluded.
    pub conclusions: &'a str,
    /// The decision.
    pub decision: Decision,
    /// Offers agreed.
    pub offers: &'a [String],
    /// The plan's horizon (YYYY-MM-DD).
    pub horizon_on: &'a str,
    /// The mid-term checkpoint (YYYY-MM-DD).
    pub checkpoint_on: &'a str,
}

/// A day to plan or record.
#[derive(Debug, Clone)]
pub struct NewDay<'a> {
    /// When (YYYY-MM-DD).
    pub held_on: &'a str,
    /// Where.
    pub place: &'a str,
    /// Who takes or took part.
    pub attendees: &'a str,
    /// The pillars it works on.
    pub pillars: &'a [String],
    /// Its conclusion, once held (`None`: only planned).
    pub conclusion: Option<NewConclusion<'a>>,
    /// Who records it.
    pub by: Option<UserId>,
}

/// Plans or records the day if it is still at `expected_version` (0: not recorded yet); refused
/// with [`StorageError::Stale`] when someone saved it meanwhile.
pub async fn save(db: impl Into<Writer<'_>>, campaign: i64, d: &NewDay<'_>, expected_version: i64) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let json = |codes: &[String]| serde_json::Value::from(codes.to_vec()).to_string();
    let c = d.conclusion.as_ref();
    let query = if expected_version == 0 {
        sqlx::query(
            "INSERT INTO accompaniment_days (held_on, place, attendees, pillars, conclusions, decision, offers,
                horizon_on, checkpoint_on, recorded_by, updated_at, campaign_id, version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1)
             ON CONFLICT (campaign_id) DO NOTHING",
        )
    } else {
        sqlx::query(
            "UPDATE accompaniment_days SET held_on = $1, place = $2, attendees = $3, pillars = $4, conclusions = $5,
                decision = $6, offers = $7, horizon_on = $8, checkpoint_on = $9, recorded_by = $10, updated_at = $11,
                version = version + 1
             WHERE campaign_id = $12 AND version = $13",
        )
    };
    let query = query
        .bind(d.held_on)
        .bind(d.place)
        .bind(d.attendees)
        .bind(json(d.pillars))
        .bind(c.map_or("", |c| c.conclusions))
        .bind(c.map_or("", |c| c.decision.code()))
        .bind(json(c.map_or(&[], |c| c.offers)))
        .bind(c.map(|c| c.horizon_on))
        .bind(c.map(|c| c.checkpoint_on))
        .bind(d.by.map(|u| u.0))
        .bind(now())
        .bind(campaign);
    let query = if expected_version == 0 { query } else { query.bind(expected_version) };
    let done = query.execute(&mut *tx).await?;
    if done.rows_affected() == 1 {
        w.commit(tx).await?;
        return Ok(expected_version + 1);
    }
    Err(crate::db::refused(&mut *tx, "accompaniment_days", "campaign_id", campaign, expected_version).await?)
}
