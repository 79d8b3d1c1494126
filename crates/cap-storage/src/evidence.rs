//! Evidence behind a campaign's shared answers, by indicator, and its carrying into the next
//! campaign.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;
use cap_domain::evidence::EvidenceInput;

/// A piece of evidence as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Evidence {
    /// Row id.
    pub id: i64,
    /// The indicator it supports.
    pub indicator_code: String,
    /// What it is.
    pub title: String,
    /// Where it is.
    pub url: String,
    /// Who added it, by name (none once their account was erased).
    pub added_by: Option<String>,
    /// When (UTC seconds).
    pub added_at: i64,
    /// Carried from the previous campaign and not confirmed yet (0 or 1).
    pub to_review: i64,
}

const SELECT: &str = "SELECT e.id, e.indicator_code, e.title, e.url, u.display_name AS added_by, e.added_at,
    e.to_review FROM answer_evidence e LEFT JOIN users u ON u.id = e.added_by";

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

/// Adds a piece of evidence to an indicator of the campaign; its id.
pub async fn add(
    db: impl Into<Writer<'_>>,
    campaign: i64,
    indicator: &str,
    e: &EvidenceInput,
    by: Option<UserId>,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO answer_evidence (campaign_id, indicator_code, title, url, added_by, added_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(campaign)
    .bind(indicator)
    .bind(&e.title)
    .bind(&e.url)
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
        "INSERT INTO answer_evidence (campaign_id, indicator_code, title, url, added_by, added_at, carried_from, to_review)
         SELECT $1, indicator_code, title, url, added_by, $2, id, 1 FROM answer_evidence WHERE campaign_id = $3",
    )
    .bind(to)
    .bind(now())
    .bind(from)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}
