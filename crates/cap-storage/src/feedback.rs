//! Feedback on the referential and its triage, versioned so two administrators never overwrite
//! each other's decision.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;
use cap_domain::feedback::{FeedbackKind, FeedbackStatus};

/// A feedback as the administrators see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    /// Identifier.
    pub id: i64,
    /// The referential version it was given on.
    pub referential_version_id: i64,
    /// The referential's code and version, to show.
    pub referential: String,
    /// The node.
    pub node_code: String,
    /// Who gave it (an erased person is named anonymously).
    pub author: Option<String>,
    /// What it is about.
    pub kind: FeedbackKind,
    /// The text.
    pub body: String,
    /// Where it stands.
    pub status: FeedbackStatus,
    /// The administrators' note.
    pub note: String,
    /// When it was given.
    pub created_at: i64,
    /// Incremented on every triage.
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    referential_version_id: i64,
    referential: String,
    node_code: String,
    author: Option<String>,
    kind: String,
    body: String,
    status: String,
    note: String,
    created_at: i64,
    version: i64,
}

/// Records a feedback; returns its identifier.
pub async fn add(
    db: impl Into<Writer<'_>>,
    version: i64,
    node: &str,
    by: UserId,
    kind: FeedbackKind,
    body: &str,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO referential_feedback (referential_version_id, node_code, user_id, kind, body, status, created_at)
         VALUES ($1, $2, $3, $4, $5, 'new', $6) RETURNING id",
    )
    .bind(version)
    .bind(node)
    .bind(by.0)
    .bind(kind.code())
    .bind(body)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// Feedbacks, newest first; of one status, or all.
pub async fn list(db: &Db, status: Option<FeedbackStatus>) -> Result<Vec<Feedback>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT f.id, f.referential_version_id, v.code || ' ' || v.version AS referential, f.node_code,
                u.display_name AS author, f.kind, f.body, f.status, f.note, f.created_at, f.version
         FROM referential_feedback f JOIN referential_versions v ON v.id = f.referential_version_id
         LEFT JOIN users u ON u.id = f.user_id
         WHERE $1 IS NULL OR f.status = $1 ORDER BY f.id DESC",
    )
    .bind(status.map(FeedbackStatus::code))
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|r| {
            let corrupt = || StorageError::Corrupt(format!("feedback {}", r.id));
            Ok(Feedback {
                kind: FeedbackKind::from_code(&r.kind).ok_or_else(corrupt)?,
                status: FeedbackStatus::from_code(&r.status).ok_or_else(corrupt)?,
                id: r.id,
                referential_version_id: r.referential_version_id,
                referential: r.referential,
                node_code: r.node_code,
                author: r.author,
                body: r.body,
                note: r.note,
                created_at: r.created_at,
                version: r.version,
            })
        })
        .collect()
}

/// Triage: sets the status and note, if nobody triaged it since `expected_version`.
pub async fn triage(
    db: impl Into<Writer<'_>>,
    id: i64,
    status: FeedbackStatus,
    note: &str,
    by: UserId,
    expected_version: i64,
) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE referential_feedback SET status = $1, note = $2, triaged_by = $3, triaged_at = $4, version = version + 1
         WHERE id = $5 AND version = $6",
    )
    .bind(status.code())
    .bind(note)
    .bind(by.0)
    .bind(now())
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        return w.commit(tx).await;
    }
    Err(crate::db::refused(&mut *tx, "referential_feedback", "id", id, expected_version).await?)
}
