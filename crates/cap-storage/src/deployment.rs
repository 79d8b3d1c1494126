//! The programme's deployment: each member's situation (marked informed, volunteered to test and
//! from when, its campaigns' steps, reviewed or not), the presentations a region holds, and the
//! dated events of its timeline.

use crate::Writer;
use crate::{Db, error::Result, now};
use cap_domain::UserId;

/// The deployment's stamp: the database adds one to it with every write to what the deployment
/// shows (its triggers, migration 36), so a view kept under it is the view the data gives now.
/// Its row is written by the migration: without it no view could ever be known stale, so its
/// absence is an error, never a stamp of 0.
pub async fn stamp(db: &Db) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT stamp FROM change_stamps WHERE name = 'deployment'").fetch_one(db.pool()).await?)
}

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
    /// When it volunteered to test the programme, if it did.
    pub volunteered_on: Option<String>,
    /// The day its first campaign should start, once set.
    pub planned_from: Option<String>,
    /// How many campaigns it ran.
    pub campaigns: i64,
    /// Whether one of its campaigns went through (1: its step is one of those given).
    pub completed: i64,
    /// Whether one of its campaigns was reviewed (an access given or an accompaniment day).
    pub reviewed: i64,
}

/// The members of one region, or of all, by name; a campaign counts as gone through when its step
/// is one of `completed` (codes).
pub async fn members(db: &Db, region: Option<i64>, completed: &[&str; 3]) -> Result<Vec<Member>> {
    // The campaigns are counted where they are stored, in one pass grouped by organisation: one
    // row per member comes back, not one per campaign, and no member is looked up three times.
    // The region's filter is written only when there is one: PostgreSQL's generic plan for
    // `$1 IS NULL OR region_id = $1` joined every member to every counted row (249 ms against
    // 8 ms, `docs/PERFORMANCE.md`).
    let (counted_in, members_in) = match region {
        Some(_) => ("WHERE r.region_id = $4", "WHERE o.region_id = $4"),
        None => ("", ""),
    };
    let sql = format!(
        "WITH counted AS (
            SELECT c.organisation_id, COUNT(*) AS campaigns,
                MAX(CASE WHEN c.status IN ($1, $2, $3) THEN 1 ELSE 0 END) AS completed,
                MAX(CASE WHEN EXISTS (SELECT 1 FROM review_grants g WHERE g.campaign_id = c.id)
                    OR EXISTS (SELECT 1 FROM accompaniment_days d WHERE d.campaign_id = c.id) THEN 1 ELSE 0 END) AS reviewed
            FROM campaigns c JOIN organisations r ON r.id = c.organisation_id
            {counted_in} GROUP BY c.organisation_id)
         SELECT o.id AS organisation_id, o.name, o.region_id, o.org_type, i.informed_on, v.volunteered_on,
            v.planned_from, COALESCE(n.campaigns, 0) AS campaigns, COALESCE(n.completed, 0) AS completed,
            COALESCE(n.reviewed, 0) AS reviewed
         FROM organisations o LEFT JOIN informed_organisations i ON i.organisation_id = o.id
         LEFT JOIN test_volunteers v ON v.organisation_id = o.id
         LEFT JOIN counted n ON n.organisation_id = o.id
         {members_in} ORDER BY o.name"
    );
    let query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(completed[0]).bind(completed[1]).bind(completed[2]);
    Ok(match region {
        Some(region) => query.bind(region),
        None => query,
    }
    .fetch_all(db.pool())
    .await?)
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

/// Records that a member volunteered to test the programme on a day, and the day its first
/// campaign should start if one is set (`None` keeps it unset); or, with `volunteered_on` `None`,
/// that it no longer volunteers.
pub async fn set_volunteer(
    db: impl Into<Writer<'_>>,
    organisation: i64,
    volunteered_on: Option<&str>,
    planned_from: Option<&str>,
    by: Option<UserId>,
) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    match volunteered_on {
        Some(day) => {
            sqlx::query(
                "INSERT INTO test_volunteers (organisation_id, volunteered_on, planned_from, recorded_by, recorded_at)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (organisation_id) DO UPDATE SET volunteered_on = excluded.volunteered_on,
                    planned_from = excluded.planned_from, recorded_by = excluded.recorded_by,
                    recorded_at = excluded.recorded_at",
            )
            .bind(organisation)
            .bind(day)
            .bind(planned_from)
            .bind(by.map(|u| u.0))
            .bind(now())
            .execute(&mut *tx)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM test_volunteers WHERE organisation_id = $1")
                .bind(organisation)
                .execute(&mut *tx)
                .await?;
        }
    }
    w.commit(tx).await
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
    /// Whom it addressed (may be empty).
    pub audience: String,
    /// How many attended.
    pub attendees: i64,
    /// Notes.
    pub notes: String,
    /// The members that volunteered there to test the programme, by name.
    #[sqlx(skip)]
    pub interested: Vec<String>,
}

/// A presentation to record.
#[derive(Debug, Clone, Copy)]
pub struct NewPresentation<'a> {
    /// The region that holds it.
    pub region: i64,
    /// When (YYYY-MM-DD).
    pub held_on: &'a str,
    /// Where.
    pub place: &'a str,
    /// Whom it addressed.
    pub audience: &'a str,
    /// How many attended.
    pub attendees: i64,
    /// Notes.
    pub notes: &'a str,
    /// Members of the region that volunteered there to test the programme (one that had already
    /// volunteered keeps its day; a member of another region is ignored).
    pub interested: &'a [i64],
    /// Who records it.
    pub by: UserId,
}

/// Records a presentation and the members that volunteered there, together; returns its
/// identifier.
pub async fn add_presentation(db: impl Into<Writer<'_>>, p: &NewPresentation<'_>) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO presentations (region_id, held_on, place, audience, attendees, notes, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(p.region)
    .bind(p.held_on)
    .bind(p.place)
    .bind(p.audience)
    .bind(p.attendees)
    .bind(p.notes)
    .bind(p.by.0)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    for organisation in p.interested {
        sqlx::query(
            "INSERT INTO test_volunteers (organisation_id, volunteered_on, presentation_id, recorded_by, recorded_at)
             SELECT id, $1, $2, $3, $4 FROM organisations WHERE id = $5 AND region_id = $6
             ON CONFLICT (organisation_id) DO NOTHING",
        )
        .bind(p.held_on)
        .bind(id)
        .bind(p.by.0)
        .bind(now())
        .bind(organisation)
        .bind(p.region)
        .execute(&mut *tx)
        .await?;
    }
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// The presentations of one region, or of all, most recent first, each with the members that
/// volunteered there.
pub async fn presentations(db: &Db, region: Option<i64>) -> Result<Vec<Presentation>> {
    let mut found: Vec<Presentation> = sqlx::query_as(
        "SELECT id, region_id, held_on, place, audience, attendees, notes FROM presentations
         WHERE $1 IS NULL OR region_id = $1 ORDER BY held_on DESC, id DESC",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?;
    let interested: Vec<(i64, String)> = sqlx::query_as(
        "SELECT v.presentation_id, o.name FROM test_volunteers v JOIN organisations o ON o.id = v.organisation_id
         WHERE v.presentation_id IS NOT NULL AND ($1 IS NULL OR o.region_id = $1) ORDER BY o.name",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?;
    for (presentation, name) in interested {
        if let Some(p) = found.iter_mut().find(|p| p.id == presentation) {
            p.interested.push(name);
        }
    }
    Ok(found)
}

/// How many campaigns of one region, or of all, were created each day: (the day's first second,
/// UTC; how many), for the timeline. Counted by the database: a day's row, not a campaign's.
pub async fn campaign_starts(db: &Db, region: Option<i64>) -> Result<Vec<(i64, i64)>> {
    let days: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT c.created_at / 86400 AS day, COUNT(*) FROM campaigns c JOIN organisations o ON o.id = c.organisation_id
         WHERE $1 IS NULL OR o.region_id = $1 GROUP BY c.created_at / 86400 ORDER BY day",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?;
    Ok(days.into_iter().map(|(day, count)| (day * 86400, count)).collect())
}
