//! Results brought back from a venue copy of a campaign: staged as uploaded, then applied in one
//! transaction, each answer under the version it was read at.

use crate::campaigns::{NewConsolidated, answer_write, consolidated_write};
use crate::{Db, StorageError, Writer, error::Result, now};
use cap_domain::UserId;
use cap_domain::campaign::AnswerValue;

/// A results file uploaded for a campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staged {
    /// Row id.
    pub id: i64,
    /// The campaign.
    pub campaign_id: i64,
    /// The bundle the venue copy ran.
    pub bundle_id: String,
    /// The file as uploaded (checked and signed).
    pub payload: String,
    /// When it was uploaded (UTC seconds).
    pub uploaded_at: i64,
    /// When it was applied, if it was.
    pub applied_at: Option<i64>,
    /// What applying it did, in a few words.
    pub summary: String,
}

#[derive(sqlx::FromRow)]
struct StagedRow {
    id: i64,
    campaign_id: i64,
    bundle_id: String,
    payload: String,
    uploaded_at: i64,
    applied_at: Option<i64>,
    summary: String,
}

impl From<StagedRow> for Staged {
    fn from(r: StagedRow) -> Self {
        Self {
            id: r.id,
            campaign_id: r.campaign_id,
            bundle_id: r.bundle_id,
            payload: r.payload,
            uploaded_at: r.uploaded_at,
            applied_at: r.applied_at,
            summary: r.summary,
        }
    }
}

const SELECT: &str = "SELECT id, campaign_id, bundle_id, payload, uploaded_at, applied_at, summary FROM venue_imports";

/// Keeps an uploaded results file until it is reviewed; the same file (same `digest`) uploaded
/// again for the campaign gives the row it already has. Its id.
pub async fn stage(
    db: impl Into<Writer<'_>>,
    campaign: i64,
    bundle_id: &str,
    digest: &str,
    payload: &str,
    by: Option<UserId>,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    sqlx::query(
        "INSERT INTO venue_imports (campaign_id, bundle_id, digest, payload, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (campaign_id, digest) DO NOTHING",
    )
    .bind(campaign)
    .bind(bundle_id)
    .bind(digest)
    .bind(payload)
    .bind(by.map(|u| u.0))
    .bind(now())
    .execute(&mut *tx)
    .await?;
    let id: i64 = sqlx::query_scalar("SELECT id FROM venue_imports WHERE campaign_id = $1 AND digest = $2")
        .bind(campaign)
        .bind(digest)
        .fetch_one(&mut *tx)
        .await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// One staged file.
pub async fn get(db: &Db, id: i64) -> Result<Staged> {
    let row: StagedRow = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)?;
    Ok(row.into())
}

/// A campaign's staged files, newest first (their payloads left out).
pub async fn for_campaign(db: &Db, campaign: i64) -> Result<Vec<Staged>> {
    let rows: Vec<StagedRow> = sqlx::query_as(
        "SELECT id, campaign_id, bundle_id, '' AS payload, uploaded_at, applied_at, summary FROM venue_imports
         WHERE campaign_id = $1 ORDER BY id DESC",
    )
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// One answer to write when a staged file is applied, under the version it was read at.
#[derive(Debug, Clone)]
pub enum Write<'a> {
    /// A participant's answer.
    Answer {
        /// The participant.
        participant: i64,
        /// The indicator.
        code: &'a str,
        /// The answer.
        value: &'a Option<AnswerValue>,
        /// Their comment.
        comment: &'a str,
        /// The version read (0: none).
        expected_version: i64,
    },
    /// The organisation's shared answer.
    Shared {
        /// The shared answer.
        answer: NewConsolidated<'a>,
        /// The version read (0: none).
        expected_version: i64,
    },
}

/// Applies a staged file: every write, and the file marked applied with `summary`, in one
/// transaction. A write whose answer changed since it was read refuses the whole
/// ([`StorageError::Stale`]), and a file already applied too (nothing is written twice).
pub async fn apply(
    db: impl Into<Writer<'_>>,
    staged: &Staged,
    writes: &[Write<'_>],
    by: Option<UserId>,
    summary: &str,
) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    let marked = sqlx::query(
        "UPDATE venue_imports SET applied_at = $1, applied_by = $2, summary = $3 WHERE id = $4 AND applied_at IS NULL",
    )
    .bind(at)
    .bind(by.map(|u| u.0))
    .bind(summary)
    .bind(staged.id)
    .execute(&mut *tx)
    .await?;
    if marked.rows_affected() != 1 {
        return Err(StorageError::refused(0, Some(1)));
    }
    for write in writes {
        let (done, expected) = match write {
            Write::Answer { participant, code, value, comment, expected_version } => (
                answer_write(staged.campaign_id, *participant, code, value, comment, *expected_version, at)
                    .execute(&mut *tx)
                    .await?,
                *expected_version,
            ),
            Write::Shared { answer, expected_version } => (
                consolidated_write(staged.campaign_id, answer, *expected_version, at).execute(&mut *tx).await?,
                *expected_version,
            ),
        };
        if done.rows_affected() != 1 {
            return Err(StorageError::refused(expected, Some(expected + 1)));
        }
    }
    w.commit(tx).await?;
    Ok(())
}
