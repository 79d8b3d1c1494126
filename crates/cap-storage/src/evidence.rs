//! Evidence behind a campaign's shared answers, by indicator, and its carrying into the next
//! campaign. An uploaded document is stored once and shared by the evidence carried from it; the
//! database removes it with the last evidence that names it.

use crate::Writer;
use crate::practices::StoredFile;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;
use cap_domain::evidence::{EvidenceInput, EvidenceSource};

/// A piece of evidence as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Evidence {
    /// Row id.
    pub id: i64,
    /// The indicator it supports.
    pub indicator_code: String,
    /// What it is.
    pub title: String,
    /// Where it is (empty for an uploaded document).
    pub url: String,
    /// The uploaded document, if that is what it is: its id…
    pub file_id: Option<i64>,
    /// …its name…
    pub file_name: Option<String>,
    /// …and its size in bytes.
    pub file_size: Option<i64>,
    /// Who added it, by name (none once their account was erased).
    pub added_by: Option<String>,
    /// When (UTC seconds).
    pub added_at: i64,
    /// Carried from the previous campaign and not confirmed yet (0 or 1).
    pub to_review: i64,
}

impl Evidence {
    /// What the audit log says of it: its indicator and its address or file name.
    pub fn described(&self) -> String {
        format!("{} {}", self.indicator_code, self.file_name.as_deref().unwrap_or(&self.url))
    }
}

const SELECT: &str = "SELECT e.id, e.indicator_code, e.title, e.url, e.file_id, f.name AS file_name,
    f.size AS file_size, u.display_name AS added_by, e.added_at, e.to_review
    FROM answer_evidence e LEFT JOIN users u ON u.id = e.added_by LEFT JOIN evidence_files f ON f.id = e.file_id";

/// The campaign's evidence, by indicator then oldest first.
pub async fn of_campaign(db: &Db, campaign: i64) -> Result<Vec<Evidence>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE e.campaign_id = $1 ORDER BY e.indicator_code, e.id"
    )))
    .bind(campaign)
    .fetch_all(db.pool())
    .await?)
}

/// One piece of the campaign's evidence; [`StorageError::NotFound`] when it is not the campaign's.
pub async fn get(db: &Db, campaign: i64, id: i64) -> Result<Evidence> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE e.id = $1 AND e.campaign_id = $2")))
        .bind(id)
        .bind(campaign)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)
}

/// The uploaded document of a piece of the campaign's evidence; [`StorageError::NotFound`] when
/// the evidence is not the campaign's or is a link.
pub async fn file(db: &Db, campaign: i64, id: i64) -> Result<StoredFile> {
    let row: Option<(String, String, Vec<u8>)> = sqlx::query_as(
        "SELECT f.name, f.media_type, f.content FROM answer_evidence e JOIN evidence_files f ON f.id = e.file_id
         WHERE e.id = $1 AND e.campaign_id = $2",
    )
    .bind(id)
    .bind(campaign)
    .fetch_optional(db.pool())
    .await?;
    let (name, media_type, content) = row.ok_or(StorageError::NotFound)?;
    Ok(StoredFile { name, media_type, content })
}

/// Adds a piece of evidence to an indicator of the campaign; its id. `content` is the uploaded
/// document's bytes when `e` is a file (unused for a link).
pub async fn add(
    db: impl Into<Writer<'_>>,
    campaign: i64,
    indicator: &str,
    e: &EvidenceInput,
    content: &[u8],
    by: Option<UserId>,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let (url, file_id) = match &e.source {
        EvidenceSource::Link(url) => (url.as_str(), None),
        EvidenceSource::File(attachment) => {
            let size = i64::try_from(content.len()).unwrap_or(i64::MAX);
            let file: i64 = sqlx::query_scalar(
                "INSERT INTO evidence_files (name, media_type, size, content) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(&attachment.name)
            .bind(attachment.file_type.media_type())
            .bind(size)
            .bind(content)
            .fetch_one(&mut *tx)
            .await?;
            ("", Some(file))
        }
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO answer_evidence (campaign_id, indicator_code, title, url, file_id, added_by, added_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(campaign)
    .bind(indicator)
    .bind(&e.title)
    .bind(url)
    .bind(file_id)
    .bind(by.map(|u| u.0))
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// Confirms carried evidence as still valid (confirming twice changes nothing);
/// [`StorageError::NotFound`] when it is not the campaign's.
pub async fn confirm(db: impl Into<Writer<'_>>, campaign: i64, id: i64) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query("UPDATE answer_evidence SET to_review = 0 WHERE id = $1 AND campaign_id = $2")
        .bind(id)
        .bind(campaign)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(StorageError::NotFound);
    }
    w.commit(tx).await
}

/// Removes a piece of evidence of the campaign; what it was.
pub async fn remove(db: impl Into<Writer<'_>>, campaign: i64, id: i64) -> Result<Evidence> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let found = get(w.db(), campaign, id).await?;
    sqlx::query("DELETE FROM answer_evidence WHERE id = $1 AND campaign_id = $2")
        .bind(id)
        .bind(campaign)
        .execute(&mut *tx)
        .await?;
    w.commit(tx).await?;
    Ok(found)
}

/// Carries the evidence of campaign `from` into campaign `to`, each piece to be confirmed, unless
/// `to` already holds evidence; how many pieces were carried.
pub async fn carry(db: &Db, from: i64, to: i64) -> Result<u64> {
    let mut tx = db.begin_write().await?;
    let held: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answer_evidence WHERE campaign_id = $1")
        .bind(to)
        .fetch_one(&mut *tx)
        .await?;
    if held > 0 {
        return Ok(0);
    }
    let done = sqlx::query(
        "INSERT INTO answer_evidence (campaign_id, indicator_code, title, url, file_id, added_by, added_at, carried_from, to_review)
         SELECT $1, indicator_code, title, url, file_id, added_by, $2, id, 1 FROM answer_evidence WHERE campaign_id = $3",
    )
    .bind(to)
    .bind(now())
    .bind(from)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}
