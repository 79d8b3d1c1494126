//! A campaign's activity figures (people, hours, exits by the State's categories), one row per
//! campaign, versioned.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;
use cap_domain::activity::ActivityFigures;

/// The figures of a campaign with the version they were read at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFigures {
    /// The counts.
    pub figures: ActivityFigures,
    /// When they were last changed (UTC seconds).
    pub updated_at: i64,
    /// Incremented on every change; 0 is never stored (nothing typed yet).
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    people: i64,
    women: i64,
    hours_worked: i64,
    training_hours: i64,
    exits: i64,
    durable: i64,
    transition: i64,
    positive: i64,
    other: i64,
    updated_at: i64,
    version: i64,
}

impl TryFrom<Row> for StoredFigures {
    type Error = StorageError;

    fn try_from(r: Row) -> Result<Self> {
        let n = |v: i64| u32::try_from(v).map_err(|_| StorageError::Corrupt(format!("activity figure {v}")));
        Ok(Self {
            figures: ActivityFigures {
                people: n(r.people)?,
                women: n(r.women)?,
                hours_worked: n(r.hours_worked)?,
                training_hours: n(r.training_hours)?,
                exits: n(r.exits)?,
                durable: n(r.durable)?,
                transition: n(r.transition)?,
                positive: n(r.positive)?,
                other: n(r.other)?,
            },
            updated_at: r.updated_at,
            version: r.version,
        })
    }
}

const COLUMNS: &str = "a.people, a.women, a.hours_worked, a.training_hours, a.exits, a.durable, a.transition,
    a.positive, a.other, a.updated_at, a.version";

/// The figures of a campaign, if any were typed.
pub async fn of_campaign(db: &Db, campaign: i64) -> Result<Option<StoredFigures>> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM campaign_activity a WHERE a.campaign_id = $1"
    )))
    .bind(campaign)
    .fetch_optional(db.pool())
    .await?;
    row.map(TryInto::try_into).transpose()
}

/// The latest figures of each organisation in the network's view `f` (from its latest scored
/// campaign that has some), for the network's totals.
pub async fn in_network(db: &Db, f: &crate::network::Filter) -> Result<Vec<ActivityFigures>> {
    #[derive(sqlx::FromRow)]
    struct Keyed {
        organisation_id: i64,
        #[sqlx(flatten)]
        row: Row,
    }
    let rows: Vec<Keyed> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT n.organisation_id, {COLUMNS}
         FROM campaign_activity a JOIN network_campaigns n ON n.campaign_id = a.campaign_id
         WHERE ($1 IS NULL OR n.region_id = $1) AND ($2 IS NULL OR n.org_type = $2) AND ($3 IS NULL OR n.year = $3)
         ORDER BY n.organisation_id, n.campaign_id DESC"
    )))
    .bind(f.region)
    .bind(f.org_type.as_deref())
    .bind(f.year)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    let mut last = None;
    for k in rows {
        // Rows come newest first within each organisation: keep the first.
        if last == Some(k.organisation_id) {
            continue;
        }
        last = Some(k.organisation_id);
        out.push(StoredFigures::try_from(k.row)?.figures);
    }
    Ok(out)
}

/// Saves the figures if they are still at `expected_version` (0: none typed yet); the new
/// version, or [`StorageError::Stale`] when someone saved in between.
pub async fn save(
    db: impl Into<Writer<'_>>,
    campaign: i64,
    f: &ActivityFigures,
    by: Option<UserId>,
    expected_version: i64,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    let values =
        [f.people, f.women, f.hours_worked, f.training_hours, f.exits, f.durable, f.transition, f.positive, f.other];
    let written = if expected_version == 0 {
        let mut q = sqlx::query(
            "INSERT INTO campaign_activity (campaign_id, people, women, hours_worked, training_hours, exits, durable,
                transition, positive, other, updated_by, updated_at, version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1) ON CONFLICT (campaign_id) DO NOTHING",
        )
        .bind(campaign);
        for v in values {
            q = q.bind(i64::from(v));
        }
        q.bind(by.map(|u| u.0)).bind(at).execute(&mut *tx).await?.rows_affected()
    } else {
        let mut q = sqlx::query(
            "UPDATE campaign_activity SET people = $1, women = $2, hours_worked = $3, training_hours = $4, exits = $5,
                durable = $6, transition = $7, positive = $8, other = $9, updated_by = $10, updated_at = $11,
                version = version + 1
             WHERE campaign_id = $12 AND version = $13",
        );
        for v in values {
            q = q.bind(i64::from(v));
        }
        q.bind(by.map(|u| u.0)).bind(at).bind(campaign).bind(expected_version).execute(&mut *tx).await?.rows_affected()
    };
    if written == 1 {
        w.commit(tx).await?;
        return Ok(expected_version + 1);
    }
    Err(crate::db::refused(&mut *tx, "campaign_activity", "campaign_id", campaign, expected_version).await?)
}
