//! Workshops, their voters (phones, no account) and votes.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::College;
use cap_domain::campaign::AnswerValue;

/// A workshop as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workshop {
    /// Row id.
    pub id: i64,
    /// Its campaign.
    pub campaign_id: i64,
    /// The join code shown on the projector.
    pub code: String,
    /// The indicators in the order they are shown.
    pub indicators: Vec<String>,
    /// The one shown now.
    pub position: usize,
    /// Whether the votes on it are revealed.
    pub revealed: bool,
    /// Whether the distribution is shown by collège.
    pub by_college: bool,
    /// Whether each phone waits for the facilitator to admit it before voting.
    pub admission: bool,
    /// When the running timer ends (UTC seconds), if one runs.
    pub timer_ends_at: Option<i64>,
    /// Whether it is over.
    pub closed: bool,
    /// Incremented on every change (phones and projector follow it).
    pub version: i64,
    /// The referential version of its campaign (its scale says which votes are valid).
    pub referential_version_id: i64,
}

impl Workshop {
    /// The indicator shown now.
    pub fn current(&self) -> Option<&str> {
        self.indicators.get(self.position).map(String::as_str)
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    campaign_id: i64,
    code: String,
    indicator_codes: String,
    position: i64,
    revealed: i64,
    by_college: i64,
    admission: i64,
    timer_ends_at: Option<i64>,
    closed_at: Option<i64>,
    version: i64,
    referential_version_id: i64,
}

fn workshop(r: Row) -> Result<Workshop> {
    Ok(Workshop {
        indicators: serde_json::from_str(&r.indicator_codes)
            .map_err(|_| StorageError::Corrupt("workshop indicators".into()))?,
        id: r.id,
        campaign_id: r.campaign_id,
        code: r.code,
        position: r.position.max(0) as usize,
        revealed: r.revealed != 0,
        by_college: r.by_college != 0,
        admission: r.admission != 0,
        timer_ends_at: r.timer_ends_at,
        closed: r.closed_at.is_some(),
        version: r.version,
        referential_version_id: r.referential_version_id,
    })
}

// With its campaign's referential version, so a vote is checked without reading the campaign.
macro_rules! workshop_columns {
    () => {
        "SELECT w.id, w.campaign_id, w.code, w.indicator_codes, w.position, w.revealed, w.by_college, w.admission,
     w.timer_ends_at, w.closed_at, w.version, c.referential_version_id"
    };
}
macro_rules! workshop_from {
    () => {
        "FROM workshops w JOIN campaigns c ON c.id = w.campaign_id"
    };
}
const SELECT_COLUMNS: &str = workshop_columns!();
const FROM: &str = workshop_from!();
const SELECT: &str = concat!(workshop_columns!(), " ", workshop_from!());

/// How a workshop runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Show the distribution by collège.
    pub by_college: bool,
    /// Phones wait for the facilitator to admit them.
    pub admission: bool,
}

/// Opens a workshop; a taken code gives [`StorageError::Conflict`] (draw another).
pub async fn create(
    db: impl Into<Writer<'_>>,
    campaign: i64,
    code: &str,
    indicators: &[String],
    options: Options,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO workshops (campaign_id, code, indicator_codes, by_college, admission, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(campaign)
    .bind(code)
    .bind(serde_json::Value::from(indicators.to_vec()).to_string())
    .bind(i64::from(options.by_college))
    .bind(i64::from(options.admission))
    .bind(now())
    .fetch_one(&mut *tx)
    .await
    .map_err(StorageError::from_write)?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// One workshop.
pub async fn get(db: &Db, id: i64) -> Result<Workshop> {
    let row: Row = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE w.id = $1")))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)?;
    workshop(row)
}

/// The open workshop with this join code.
pub async fn by_code(db: &Db, code: &str) -> Result<Workshop> {
    let row: Row = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE w.code = $1 AND w.closed_at IS NULL")))
        .bind(code)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)?;
    workshop(row)
}

/// The workshop of `code` that closed most recently, for the phones that still hold its code.
pub async fn closed_by_code(db: &Db, code: &str) -> Result<Option<Workshop>> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE w.code = $1 AND w.closed_at IS NOT NULL ORDER BY w.closed_at DESC, w.id DESC LIMIT 1"
    )))
    .bind(code)
    .fetch_optional(db.pool())
    .await?;
    row.map(workshop).transpose()
}

/// A campaign's workshops, newest first.
pub async fn for_campaign(db: &Db, campaign: i64) -> Result<Vec<Workshop>> {
    let rows: Vec<Row> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE w.campaign_id = $1 ORDER BY w.id DESC")))
            .bind(campaign)
            .fetch_all(db.pool())
            .await?;
    rows.into_iter().map(workshop).collect()
}

/// Shows another indicator (hidden votes again), or reveals the votes, or closes the workshop.
pub async fn set_state(
    db: impl Into<Writer<'_>>,
    id: i64,
    position: usize,
    revealed: bool,
    closed: bool,
) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    sqlx::query(
        "UPDATE workshops SET position = $1, revealed = $2, closed_at = CASE WHEN $3 = 1 THEN COALESCE(closed_at, $4) ELSE NULL END,
            version = version + 1 WHERE id = $5",
    )
    .bind(position as i64)
    .bind(i64::from(revealed))
    .bind(i64::from(closed))
    .bind(now())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    w.commit(tx).await?;
    Ok(())
}

/// Starts a timer of `seconds` (none stops it); phones and the projector count down.
pub async fn set_timer(db: &Db, id: i64, seconds: Option<i64>) -> Result<()> {
    sqlx::query("UPDATE workshops SET timer_ends_at = $1, version = version + 1 WHERE id = $2")
        .bind(seconds.map(|s| now() + s))
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// A phone in the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voter {
    /// Row id.
    pub id: i64,
    /// First name.
    pub first_name: String,
    /// Collège.
    pub college: College,
    /// Whether they may vote (always, unless the workshop asks for admission).
    pub admitted: bool,
    /// Whether the facilitator removed them.
    pub removed: bool,
    /// Whether the facilitator marked them absent (what they voted still counts).
    pub absent: bool,
    /// Their seat code (shown on their phone, typed again to come back).
    pub seat: String,
    /// When they joined (UTC seconds).
    pub joined_at: i64,
}

#[derive(sqlx::FromRow)]
struct VoterRow {
    id: i64,
    first_name: String,
    college: String,
    admitted: i64,
    removed: i64,
    absent: i64,
    seat: String,
    joined_at: i64,
}

fn voter(r: VoterRow) -> Result<Voter> {
    Ok(Voter {
        college: College::from_code(&r.college).map_err(|_| StorageError::Corrupt("voter college".into()))?,
        id: r.id,
        first_name: r.first_name,
        admitted: r.admitted != 0,
        removed: r.removed != 0,
        absent: r.absent != 0,
        seat: r.seat,
        joined_at: r.joined_at,
    })
}

/// Adds a phone (its token is kept only as a keyed hash); it waits for admission when the
/// workshop asks for it.
pub async fn join(
    db: &Db,
    workshop: i64,
    token_hash: &str,
    first_name: &str,
    college: College,
    seat: &str,
) -> Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO workshop_voters (workshop_id, token_hash, first_name, college, admitted, joined_at, seat)
         VALUES ($1, $2, $3, $4, (SELECT 1 - admission FROM workshops WHERE id = $5), $6, $7) RETURNING id",
    )
    .bind(workshop)
    .bind(token_hash)
    .bind(first_name)
    .bind(college.code())
    .bind(workshop)
    .bind(now())
    .bind(seat)
    .fetch_one(db.pool())
    .await
    .map_err(StorageError::from_write)
}

/// The open workshop of `code` and the phone holding this token in it (if it was not removed),
/// in one statement: what a phone's every request needs first.
pub async fn with_voter(db: &Db, code: &str, token_hash: &str) -> Result<Option<(Workshop, Option<Voter>)>> {
    #[derive(sqlx::FromRow)]
    struct WithVoter {
        #[sqlx(flatten)]
        workshop: Row,
        voter_id: Option<i64>,
        voter_first_name: Option<String>,
        voter_college: Option<String>,
        voter_admitted: Option<i64>,
        voter_removed: Option<i64>,
        voter_absent: Option<i64>,
        voter_seat: Option<String>,
        voter_joined_at: Option<i64>,
    }
    let row: Option<WithVoter> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_COLUMNS}, v.id AS voter_id, v.first_name AS voter_first_name, v.college AS voter_college,
           v.admitted AS voter_admitted, v.removed AS voter_removed, v.absent AS voter_absent, v.seat AS voter_seat,
           v.joined_at AS voter_joined_at
         {FROM} LEFT JOIN workshop_voters v ON v.workshop_id = w.id AND v.token_hash = $2 AND v.removed = 0
         WHERE w.code = $1 AND w.closed_at IS NULL"
    )))
    .bind(code)
    .bind(token_hash)
    .fetch_optional(db.pool())
    .await?;
    let Some(r) = row else { return Ok(None) };
    let found = match (
        r.voter_id,
        r.voter_first_name,
        r.voter_college,
        r.voter_admitted,
        r.voter_removed,
        r.voter_absent,
        r.voter_seat,
        r.voter_joined_at,
    ) {
        (
            Some(id),
            Some(first_name),
            Some(college),
            Some(admitted),
            Some(removed),
            Some(absent),
            Some(seat),
            Some(joined_at),
        ) => Some(voter(VoterRow { id, first_name, college, admitted, removed, absent, seat, joined_at })?),
        _ => None,
    };
    Ok(Some((workshop(r.workshop)?, found)))
}

/// Every phone that joined, in order of arrival, with the votes of those still in the room on
/// indicator `code` in the order they were cast: [`voters`] and [`votes`] in one statement.
pub async fn room(
    db: &Db,
    workshop: i64,
    code: Option<&str>,
) -> Result<(Vec<Voter>, Vec<(i64, College, AnswerValue)>)> {
    #[derive(sqlx::FromRow)]
    struct RoomRow {
        #[sqlx(flatten)]
        voter: VoterRow,
        vote_id: Option<i64>,
        kind: Option<String>,
        level_value: Option<i64>,
    }
    let rows: Vec<RoomRow> = sqlx::query_as(
        "SELECT w.id, w.first_name, w.college, w.admitted, w.removed, w.absent, w.seat, w.joined_at,
           v.id AS vote_id, v.kind, v.level_value
         FROM workshop_voters w LEFT JOIN workshop_votes v ON v.voter_id = w.id AND v.indicator_code = $2
         WHERE w.workshop_id = $1 ORDER BY w.id",
    )
    .bind(workshop)
    .bind(code)
    .fetch_all(db.pool())
    .await?;
    let mut voters = Vec::with_capacity(rows.len());
    let mut cast = Vec::new();
    for r in rows {
        let v = voter(r.voter)?;
        if let (Some(vote_id), Some(kind), false, true) = (r.vote_id, r.kind, v.removed, v.admitted) {
            cast.push((vote_id, v.id, v.college, vote_value(&kind, r.level_value)));
        }
        voters.push(v);
    }
    cast.sort_by_key(|(vote_id, ..)| *vote_id);
    Ok((voters, cast.into_iter().map(|(_, id, college, value)| (id, college, value)).collect()))
}

/// A stored vote's value.
fn vote_value(kind: &str, level: Option<i64>) -> AnswerValue {
    match (kind, level) {
        ("level", Some(l)) => AnswerValue::Level(l),
        ("na", _) => AnswerValue::NotApplicable,
        _ => AnswerValue::Unknown,
    }
}

/// Every phone that joined, in order of arrival.
pub async fn voters(db: &Db, workshop: i64) -> Result<Vec<Voter>> {
    let rows: Vec<VoterRow> = sqlx::query_as(
        "SELECT id, first_name, college, admitted, removed, absent, seat, joined_at FROM workshop_voters WHERE workshop_id = $1 ORDER BY id",
    )
    .bind(workshop)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(voter).collect()
}

/// Gives participant `voter` of `workshop` back to a phone that lost its token: the phone's new
/// token replaces the old one, so the participant, their votes and their seat are theirs again
/// (and they are back in the room).
pub async fn reclaim(db: &Db, workshop: i64, voter: i64, token_hash: &str) -> Result<()> {
    let done = sqlx::query(
        "UPDATE workshop_voters SET token_hash = $1, absent = 0 WHERE id = $2 AND workshop_id = $3 AND removed = 0",
    )
    .bind(token_hash)
    .bind(voter)
    .bind(workshop)
    .execute(db.pool())
    .await?;
    if done.rows_affected() == 1 { Ok(()) } else { Err(StorageError::NotFound) }
}

/// Removes a phone from the room (its votes no longer count).
pub async fn remove_voter(db: impl Into<Writer<'_>>, workshop: i64, voter: i64) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query("UPDATE workshop_voters SET removed = 1 WHERE id = $1 AND workshop_id = $2")
        .bind(voter)
        .bind(workshop)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(StorageError::NotFound);
    }
    w.commit(tx).await
}

/// Marks a participant absent (not awaited any more, their votes kept) or back in the room.
pub async fn set_absent(db: impl Into<Writer<'_>>, workshop: i64, voter: i64, absent: bool) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query("UPDATE workshop_voters SET absent = $1 WHERE id = $2 AND workshop_id = $3 AND removed = 0")
        .bind(i64::from(absent))
        .bind(voter)
        .bind(workshop)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(StorageError::NotFound);
    }
    w.commit(tx).await
}

/// Admits a waiting phone.
pub async fn admit_voter(db: impl Into<Writer<'_>>, workshop: i64, voter: i64) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query("UPDATE workshop_voters SET admitted = 1 WHERE id = $1 AND workshop_id = $2")
        .bind(voter)
        .bind(workshop)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(StorageError::NotFound);
    }
    w.commit(tx).await
}

/// One phone's vote on one indicator of a workshop.
#[derive(Debug, Clone, PartialEq)]
pub struct Ballot {
    /// The workshop.
    pub workshop: i64,
    /// The participant voting.
    pub voter: i64,
    /// The indicator voted on.
    pub code: String,
    /// The vote.
    pub value: AnswerValue,
}

/// Records several votes in one statement, so a room's burst of votes costs one commit (one
/// `fsync`, one round trip) rather than one each; voting again replaces a vote, and the last of a
/// phone's votes on an indicator stands. All are written or none.
pub async fn record_ballots(db: &Db, ballots: &[Ballot]) -> Result<()> {
    // One row each: a statement may not change the same row twice.
    let mut kept: Vec<&Ballot> = Vec::with_capacity(ballots.len());
    let mut index: std::collections::HashMap<(i64, &str), usize> = std::collections::HashMap::new();
    for b in ballots {
        match index.get(&(b.voter, b.code.as_str())) {
            Some(&i) => kept[i] = b,
            None => {
                index.insert((b.voter, b.code.as_str()), kept.len());
                kept.push(b);
            }
        }
    }
    if kept.is_empty() {
        return Ok(());
    }
    // Placeholders only: every value is bound.
    let rows: Vec<String> = (0..kept.len())
        .map(|i| {
            let n = i * 6;
            format!("(${}, ${}, ${}, ${}, ${}, ${})", n + 1, n + 2, n + 3, n + 4, n + 5, n + 6)
        })
        .collect();
    let sql = format!(
        "INSERT INTO workshop_votes (workshop_id, voter_id, indicator_code, kind, level_value, updated_at) VALUES {}
         ON CONFLICT (voter_id, indicator_code) DO UPDATE SET kind = excluded.kind, level_value = excluded.level_value,
           updated_at = excluded.updated_at",
        rows.join(", ")
    );
    let at = now();
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for b in kept {
        let (kind, level) = match b.value {
            AnswerValue::Level(l) => ("level", Some(l)),
            AnswerValue::NotApplicable => ("na", None),
            _ => ("unknown", None),
        };
        query = query.bind(b.workshop).bind(b.voter).bind(b.code.as_str()).bind(kind).bind(level).bind(at);
    }
    query.execute(db.pool()).await?;
    Ok(())
}

/// The votes of the phones still in the room on one indicator: (voter id, collège, vote).
pub async fn votes(db: &Db, workshop: i64, code: &str) -> Result<Vec<(i64, College, AnswerValue)>> {
    let rows: Vec<(i64, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT v.voter_id, w.college, v.kind, v.level_value FROM workshop_votes v JOIN workshop_voters w ON w.id = v.voter_id
         WHERE v.workshop_id = $1 AND v.indicator_code = $2 AND w.removed = 0 AND w.admitted = 1 ORDER BY v.id",
    )
    .bind(workshop)
    .bind(code)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|(voter, college, kind, level)| {
            let college = College::from_code(&college).map_err(|_| StorageError::Corrupt("voter college".into()))?;
            let value = vote_value(&kind, level);
            Ok((voter, college, value))
        })
        .collect()
}

/// The PostgreSQL channel on which instances tell each other that a workshop changed.
pub const CHANNEL: &str = "cap_workshops";

/// Tells every instance (PostgreSQL) that a workshop changed, with `payload` (at most 8000
/// bytes: the workshop, its version and, for a vote, the room's count). Does nothing on SQLite,
/// where one instance serves everyone.
pub async fn notify(db: &Db, payload: &str) -> Result<()> {
    if db.backend() == crate::Backend::Postgres {
        sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(payload).execute(db.pool()).await?;
    }
    Ok(())
}

/// Hears the workshop changes announced by every instance (PostgreSQL LISTEN); reconnects by itself.
pub struct Listener(sqlx::postgres::PgListener);

impl Listener {
    /// Listens on PostgreSQL; `None` on SQLite.
    pub async fn start(db: &Db) -> Result<Option<Self>> {
        if db.backend() != crate::Backend::Postgres {
            return Ok(None);
        }
        let mut listener = sqlx::postgres::PgListener::connect(db.url()).await?;
        listener.listen(CHANNEL).await?;
        Ok(Some(Self(listener)))
    }

    /// The next change's payload, as [`notify`] sent it.
    pub async fn next(&mut self) -> Result<String> {
        Ok(self.0.recv().await?.payload().to_owned())
    }
}
