//! A campaign's calendar: its meetings (séances), versioned like every shared record. Changing or
//! cancelling a meeting also moves its `sequence`, so calendars that received it take the change.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::calendar::hhmm;
use cap_domain::meeting::{MeetingInput, MeetingKind};
use cap_domain::{College, UserId};

/// A meeting as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// Row id.
    pub id: i64,
    /// Its campaign.
    pub campaign_id: i64,
    /// What it is for.
    pub kind: MeetingKind,
    /// The day (YYYY-MM-DD).
    pub held_on: String,
    /// Start, Paris time (HH:MM).
    pub starts: String,
    /// End, Paris time (HH:MM).
    pub ends: String,
    /// Where.
    pub place: String,
    /// Video link, or empty.
    pub link: String,
    /// Pillar codes covered.
    pub pillars: Vec<String>,
    /// Collèges invited (empty, and no person: everyone taking part).
    pub invited: Vec<College>,
    /// People invited by name.
    pub people: Vec<UserId>,
    /// Notes beforehand, minutes afterwards.
    pub notes: String,
    /// Whether it was cancelled.
    pub cancelled: bool,
    /// How many changes calendars were sent (iCalendar's SEQUENCE).
    pub sequence: i64,
    /// Incremented on every change.
    pub version: i64,
}

impl Meeting {
    /// Whether `user`, taking part as `college`, is invited.
    pub fn invites(&self, college: College, user: UserId) -> bool {
        cap_domain::meeting::invites(&self.invited, &self.people, college, user)
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    campaign_id: i64,
    kind: String,
    held_on: String,
    starts: String,
    ends: String,
    place: String,
    link: String,
    pillars: String,
    invited: String,
    people: String,
    notes: String,
    cancelled: i64,
    sequence: i64,
    version: i64,
}

const COLUMNS: &str =
    "id, campaign_id, kind, held_on, starts, ends, place, link, pillars, invited, people, notes, cancelled, sequence,
    version";

impl TryFrom<Row> for Meeting {
    type Error = StorageError;

    fn try_from(r: Row) -> Result<Self> {
        let corrupt = |what: &str| StorageError::Corrupt(format!("meeting {}: {what}", r.id));
        let invited: Vec<String> = serde_json::from_str(&r.invited).map_err(|_| corrupt("invited"))?;
        Ok(Self {
            kind: MeetingKind::from_code(&r.kind).ok_or_else(|| corrupt("kind"))?,
            pillars: serde_json::from_str(&r.pillars).map_err(|_| corrupt("pillars"))?,
            invited: invited
                .iter()
                .map(|c| College::from_code(c).map_err(|_| corrupt("invited")))
                .collect::<Result<_>>()?,
            people: serde_json::from_str::<Vec<i64>>(&r.people)
                .map_err(|_| corrupt("people"))?
                .into_iter()
                .map(UserId)
                .collect(),
            id: r.id,
            campaign_id: r.campaign_id,
            held_on: r.held_on,
            starts: r.starts,
            ends: r.ends,
            place: r.place,
            link: r.link,
            notes: r.notes,
            cancelled: r.cancelled != 0,
            sequence: r.sequence,
            version: r.version,
        })
    }
}

/// The people invited by name, as stored.
fn people(m: &MeetingInput) -> String {
    serde_json::Value::from(m.people.iter().map(|u| u.0).collect::<Vec<_>>()).to_string()
}

fn json<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    serde_json::Value::from(items.into_iter().map(|s| s.as_ref().to_owned()).collect::<Vec<_>>()).to_string()
}

/// The campaign's meetings, cancelled ones included, by day and time.
pub async fn of_campaign(db: &Db, campaign: i64) -> Result<Vec<Meeting>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM campaign_meetings WHERE campaign_id = $1 ORDER BY held_on, starts, id"
    )))
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(Meeting::try_from).collect()
}

/// One meeting of the campaign; [`StorageError::NotFound`] when it belongs to another.
pub async fn get(db: &Db, campaign: i64, id: i64) -> Result<Meeting> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM campaign_meetings WHERE id = $1 AND campaign_id = $2"
    )))
    .bind(id)
    .bind(campaign)
    .fetch_optional(db.pool())
    .await?;
    row.ok_or(StorageError::NotFound)?.try_into()
}

/// The meetings held on `day` (YYYY-MM-DD) in any campaign, not cancelled, for the reminders.
pub async fn held_on(db: &Db, day: &str) -> Result<Vec<Meeting>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM campaign_meetings WHERE held_on = $1 AND cancelled = 0 ORDER BY campaign_id, starts, id"
    )))
    .bind(day)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(Meeting::try_from).collect()
}

/// The next meeting of each of `campaigns` from `day` (YYYY-MM-DD) on, not cancelled.
pub async fn next_of(db: &Db, campaigns: &[i64], day: &str) -> Result<Vec<Meeting>> {
    let mut out = Vec::new();
    // A person takes part in a handful of campaigns: one indexed query each stays cheap.
    for &campaign in campaigns {
        let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM campaign_meetings WHERE campaign_id = $1 AND held_on >= $2 AND cancelled = 0
             ORDER BY held_on, starts, id LIMIT 1"
        )))
        .bind(campaign)
        .bind(day)
        .fetch_optional(db.pool())
        .await?;
        if let Some(row) = row {
            out.push(row.try_into()?);
        }
    }
    Ok(out)
}

/// Adds meetings to the campaign, all or none; returns their ids in order.
pub async fn create(db: impl Into<Writer<'_>>, campaign: i64, meetings: &[MeetingInput]) -> Result<Vec<i64>> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let mut ids = Vec::new();
    let at = now();
    for m in meetings {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO campaign_meetings (campaign_id, kind, held_on, starts, ends, place, link, pillars, invited,
                notes, created_at, updated_at, people)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id",
        )
        .bind(campaign)
        .bind(m.kind.code())
        .bind(m.on.to_string())
        .bind(hhmm(m.starts))
        .bind(hhmm(m.ends))
        .bind(&m.place)
        .bind(&m.link)
        .bind(json(&m.pillars))
        .bind(json(m.invited.iter().map(|c| c.code())))
        .bind(&m.notes)
        .bind(at)
        .bind(people(m))
        .fetch_one(&mut *tx)
        .await?;
        ids.push(id);
    }
    w.commit(tx).await?;
    Ok(ids)
}

/// Changes a meeting if it is still at `expected_version`; a change of day, time or place moves
/// its sequence (calendars must update), a change of notes alone does not. Returns the meeting
/// as saved; [`StorageError::Stale`] when someone changed it meanwhile.
pub async fn update(
    db: impl Into<Writer<'_>>,
    campaign: i64,
    id: i64,
    m: &MeetingInput,
    expected_version: i64,
) -> Result<Meeting> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE campaign_meetings SET
            sequence = sequence + CASE WHEN kind = $1 AND held_on = $2 AND starts = $3 AND ends = $4 AND place = $5
                AND link = $6 AND pillars = $7 AND invited = $8 AND people = $14 THEN 0 ELSE 1 END,
            kind = $1, held_on = $2, starts = $3, ends = $4, place = $5, link = $6, pillars = $7, invited = $8,
            people = $14, notes = $9, updated_at = $10, version = version + 1
         WHERE id = $11 AND campaign_id = $12 AND version = $13 AND cancelled = 0",
    )
    .bind(m.kind.code())
    .bind(m.on.to_string())
    .bind(hhmm(m.starts))
    .bind(hhmm(m.ends))
    .bind(&m.place)
    .bind(&m.link)
    .bind(json(&m.pillars))
    .bind(json(m.invited.iter().map(|c| c.code())))
    .bind(&m.notes)
    .bind(now())
    .bind(id)
    .bind(campaign)
    .bind(expected_version)
    .bind(people(m))
    .execute(&mut *tx)
    .await?;
    after_write(w, tx, campaign, id, done.rows_affected(), expected_version).await
}

/// Cancels a meeting if it is still at `expected_version`; returns it as saved.
pub async fn cancel(db: impl Into<Writer<'_>>, campaign: i64, id: i64, expected_version: i64) -> Result<Meeting> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE campaign_meetings SET cancelled = 1, sequence = sequence + 1, updated_at = $1, version = version + 1
         WHERE id = $2 AND campaign_id = $3 AND version = $4 AND cancelled = 0",
    )
    .bind(now())
    .bind(id)
    .bind(campaign)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    after_write(w, tx, campaign, id, done.rows_affected(), expected_version).await
}

/// The meeting as saved when the versioned write touched it; otherwise [`StorageError::NotFound`]
/// for a meeting that does not exist and [`StorageError::Stale`] for one changed meanwhile.
async fn after_write(
    w: Writer<'_>,
    tx: sqlx::Transaction<'static, sqlx::Any>,
    campaign: i64,
    id: i64,
    rows: u64,
    read: i64,
) -> Result<Meeting> {
    let db = w.db();
    if rows == 1 {
        w.commit(tx).await?;
        return get(db, campaign, id).await;
    }
    drop(tx);
    let meeting = get(db, campaign, id).await?;
    Err(StorageError::refused(read, Some(meeting.version)))
}
