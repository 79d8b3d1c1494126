//! The programme's deployment: each member's situation (marked informed, its campaigns' steps,
//! reviewed or not), the presentations a region holds, and the dated events of its timeline.

use crate::Writer;
use crate::{Db, error::Result, now};
use cap_domain::UserId;

/// A member organisation as the deployment sees it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Member {
    /// The organisation.
    pub organisation_id: i64,
    /// Its name.
    pub name: String,
    /// Its region.
    pub region_id: i64,
    /// Its type code.
    pub org_type: String,
    /// When it was marked informed, if it was.
    pub informed_on: Option<String>,
    /// Its campaigns' steps, comma-separated.
    pub statuses: Option<String>,
    /// Whether one of its campaigns was reviewed (an access given or an accompaniment day).
    pub reviewed: i64,
}

/// The members of one region, or of all, by name.
pub async fn members(db: &Db, region: Option<i64>) -> Result<Vec<Member>> {
    let rows: Vec<Member> = sqlx::query_as(
        "SELECT o.id AS organisation_id, o.name, o.region_id, o.org_type, i.informed_on,
            CAST(NULL AS TEXT) AS statuses,
            CASE WHEN EXISTS (SELECT 1 FROM campaigns c WHERE c.organisation_id = o.id AND (
                EXISTS (SELECT 1 FROM review_grants g WHERE g.campaign_id = c.id)
                OR EXISTS (SELECT 1 FROM accompaniment_days d WHERE d.campaign_id = c.id))) THEN 1 ELSE 0 END AS reviewed
         FROM organisations o LEFT JOIN informed_organisations i ON i.organisation_id = o.id
         WHERE $1 IS NULL OR o.region_id = $1 ORDER BY o.name",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?;
    // Every campaign's step of each member, in one query rather than one per member.
    let steps: Vec<(i64, String)> = sqlx::query_as(
        "SELECT c.organisation_id, c.status FROM campaigns c JOIN organisations o ON o.id = c.organisation_id
         WHERE $1 IS NULL OR o.region_id = $1",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?;
    let mut by_org: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    for (org, status) in steps {
        by_org.entry(org).or_default().push(status);
    }
    Ok(rows
        .into_iter()
        .map(|mut m| {
            m.statuses = by_org.remove(&m.organisation_id).map(|s| s.join(","));
            m
        })
        .collect())
}

/// Marks a member informed on a day, or not informed (`None`).
pub async fn set_informed(db: impl Into<Writer<'_>>, organisation: i64, on: Option<&str>, by: UserId) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    match on {
        Some(day) => {
            sqlx::query(
                "INSERT INTO informed_organisations (organisation_id, informed_on, marked_by) VALUES ($1, $2, $3)
                 ON CONFLICT (organisation_id) DO UPDATE SET informed_on = excluded.informed_on,
                    marked_by = excluded.marked_by",
            )
            .bind(organisation)
            .bind(day)
            .bind(by.0)
            .execute(&mut *tx)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM informed_organisations WHERE organisation_id = $1")
                .bind(organisation)
                .execute(&mut *tx)
                .await?;
        }
    }
    w.commit(tx).await?;
    Ok(())
}

/// A presentation of the programme.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Presentation {
    /// Identifier.
    pub id: i64,
    /// The region that held it.
    pub region_id: i64,
    /// When (YYYY-MM-DD).
    pub held_on: String,
    /// Where.
    pub place: String,
    /// How many attended.
    pub attendees: i64,
    /// Notes.
    pub notes: String,
}

/// Records a presentation; returns its identifier.
pub async fn add_presentation(
    db: impl Into<Writer<'_>>,
    region: i64,
    held_on: &str,
    place: &str,
    attendees: i64,
    notes: &str,
    by: UserId,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO presentations (region_id, held_on, place, attendees, notes, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(region)
    .bind(held_on)
    .bind(place)
    .bind(attendees)
    .bind(notes)
    .bind(by.0)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// The presentations of one region, or of all, most recent first.
pub async fn presentations(db: &Db, region: Option<i64>) -> Result<Vec<Presentation>> {
    Ok(sqlx::query_as(
        "SELECT id, region_id, held_on, place, attendees, notes FROM presentations
         WHERE $1 IS NULL OR region_id = $1 ORDER BY held_on DESC, id DESC",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?)
}

/// When each campaign of one region, or of all, was created (UTC seconds), for the timeline.
pub async fn campaign_starts(db: &Db, region: Option<i64>) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT c.created_at FROM campaigns c JOIN organisations o ON o.id = c.organisation_id
         WHERE $1 IS NULL OR o.region_id = $1",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?)
}
