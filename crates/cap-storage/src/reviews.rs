//! Reviews of a campaign: the accesses given to a tiers or a pair (each for a few days, ending by
//! itself or revoked), and the comment threads they and the organisation write.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;
use cap_domain::review::ReviewerKind;

/// An access given to a reviewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// Identifier.
    pub id: i64,
    /// The campaign.
    pub campaign_id: i64,
    /// The reviewer.
    pub user_id: i64,
    /// Their name.
    pub display_name: String,
    /// Their e-mail.
    pub email: String,
    /// Tiers or pair.
    pub kind: ReviewerKind,
    /// First day of access (YYYY-MM-DD).
    pub starts_on: String,
    /// Last day of access.
    pub ends_on: String,
    /// Conflicts of interest acknowledged at the invitation (codes, comma-separated).
    pub conflicts: String,
    /// Who invited them.
    pub invited_by: Option<String>,
    /// When the access was revoked, if it was.
    pub revoked_at: Option<i64>,
    /// Who revoked it.
    pub revoked_by: Option<String>,
}

#[derive(sqlx::FromRow)]
struct GrantRow {
    id: i64,
    campaign_id: i64,
    user_id: i64,
    display_name: String,
    email: String,
    kind: String,
    starts_on: String,
    ends_on: String,
    conflicts: String,
    invited_by: Option<String>,
    revoked_at: Option<i64>,
    revoked_by: Option<String>,
}

impl TryFrom<GrantRow> for Grant {
    type Error = StorageError;

    fn try_from(r: GrantRow) -> Result<Self> {
        Ok(Grant {
            kind: ReviewerKind::from_code(&r.kind)
                .ok_or_else(|| StorageError::Corrupt(format!("review grant {}: kind", r.id)))?,
            id: r.id,
            campaign_id: r.campaign_id,
            user_id: r.user_id,
            display_name: r.display_name,
            email: r.email,
            starts_on: r.starts_on,
            ends_on: r.ends_on,
            conflicts: r.conflicts,
            invited_by: r.invited_by,
            revoked_at: r.revoked_at,
            revoked_by: r.revoked_by,
        })
    }
}

const GRANT_COLUMNS: &str = "g.id, g.campaign_id, g.user_id, u.display_name, u.email, g.kind, g.starts_on, g.ends_on,
    g.conflicts, i.display_name AS invited_by, g.revoked_at, rv.display_name AS revoked_by
    FROM review_grants g JOIN users u ON u.id = g.user_id LEFT JOIN users i ON i.id = g.invited_by
    LEFT JOIN users rv ON rv.id = g.revoked_by";

/// An access to give.
#[derive(Debug, Clone)]
pub struct NewGrant<'a> {
    /// The campaign.
    pub campaign: i64,
    /// The reviewer.
    pub user: UserId,
    /// Tiers or pair.
    pub kind: ReviewerKind,
    /// First day (YYYY-MM-DD).
    pub starts_on: &'a str,
    /// Last day.
    pub ends_on: &'a str,
    /// Conflicts acknowledged (codes, comma-separated).
    pub conflicts: &'a str,
    /// Who invites.
    pub by: Option<UserId>,
}

/// Gives an access; returns its identifier.
pub async fn grant(db: impl Into<Writer<'_>>, g: &NewGrant<'_>) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO review_grants (campaign_id, user_id, kind, starts_on, ends_on, conflicts, invited_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(g.campaign)
    .bind(g.user.0)
    .bind(g.kind.code())
    .bind(g.starts_on)
    .bind(g.ends_on)
    .bind(g.conflicts)
    .bind(g.by.map(|u| u.0))
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// Every access given for a campaign, newest first.
pub async fn grants(db: &Db, campaign: i64) -> Result<Vec<Grant>> {
    let rows: Vec<GrantRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {GRANT_COLUMNS} WHERE g.campaign_id = $1 ORDER BY g.id DESC"
    )))
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(Grant::try_from).collect()
}

/// The user's access to the campaign open on `today` (YYYY-MM-DD), if any.
pub async fn open_grant(db: &Db, campaign: i64, user: UserId, today: &str) -> Result<Option<Grant>> {
    let row: Option<GrantRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {GRANT_COLUMNS} WHERE g.campaign_id = $1 AND g.user_id = $2 AND g.revoked_at IS NULL
           AND g.starts_on <= $3 AND g.ends_on >= $3 ORDER BY g.ends_on DESC LIMIT 1"
    )))
    .bind(campaign)
    .bind(user.0)
    .bind(today)
    .fetch_optional(db.pool())
    .await?;
    row.map(Grant::try_from).transpose()
}

/// A campaign a user reviews, for their home page.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Reviewing {
    /// The campaign.
    pub campaign_id: i64,
    /// Its title.
    pub title: String,
    /// Its organisation's name.
    pub organisation: String,
    /// Last day of access.
    pub ends_on: String,
    /// `tiers` when any open access is a tiers', else `pair`.
    pub kind: String,
    /// The campaign's step (code).
    pub status: String,
}

/// The campaigns the user may review on `today`, soonest-ending first.
pub async fn reviewing(db: &Db, user: UserId, today: &str) -> Result<Vec<Reviewing>> {
    Ok(sqlx::query_as(
        "SELECT c.id AS campaign_id, c.title, o.name AS organisation, MAX(g.ends_on) AS ends_on,
                MAX(g.kind) AS kind, c.status
         FROM review_grants g JOIN campaigns c ON c.id = g.campaign_id JOIN organisations o ON o.id = c.organisation_id
         WHERE g.user_id = $1 AND g.revoked_at IS NULL AND g.starts_on <= $2 AND g.ends_on >= $2
         GROUP BY c.id, c.title, o.name, c.status ORDER BY MAX(g.ends_on), c.id",
    )
    .bind(user.0)
    .bind(today)
    .fetch_all(db.pool())
    .await?)
}

/// Ends an access now, by `by`. Fails with `NotFound` when it is not of this campaign or already
/// ended.
pub async fn revoke(db: impl Into<Writer<'_>>, campaign: i64, grant: i64, by: UserId) -> Result<Grant> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE review_grants SET revoked_at = $1, revoked_by = $4
         WHERE id = $2 AND campaign_id = $3 AND revoked_at IS NULL",
    )
    .bind(now())
    .bind(grant)
    .bind(campaign)
    .bind(by.0)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StorageError::NotFound);
    }
    let row: GrantRow = sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {GRANT_COLUMNS} WHERE g.id = $1")))
        .bind(grant)
        .fetch_one(&mut *tx)
        .await?;
    w.commit(tx).await?;
    Grant::try_from(row)
}

/// One comment; a thread is its first comment and the replies that point at it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Comment {
    /// Identifier.
    pub id: i64,
    /// The first comment of its thread, for a reply.
    pub thread_id: Option<i64>,
    /// What it is about (see [`cap_domain::review::CommentTarget`]).
    pub target: String,
    /// Its author's name (an erased person is named anonymously).
    pub author: Option<String>,
    /// Its author.
    pub author_user_id: Option<i64>,
    /// The text.
    pub body: String,
    /// When, in UTC seconds.
    pub created_at: i64,
    /// When the thread was resolved (first comments only).
    pub resolved_at: Option<i64>,
    /// Who resolved it.
    pub resolved_by: Option<String>,
}

/// Every comment of a campaign, oldest first.
pub async fn comments(db: &Db, campaign: i64) -> Result<Vec<Comment>> {
    Ok(sqlx::query_as(
        "SELECT c.id, c.thread_id, c.target, a.display_name AS author, c.author_user_id, c.body, c.created_at,
                c.resolved_at, r.display_name AS resolved_by
         FROM review_comments c LEFT JOIN users a ON a.id = c.author_user_id LEFT JOIN users r ON r.id = c.resolved_by
         WHERE c.campaign_id = $1 ORDER BY c.id",
    )
    .bind(campaign)
    .fetch_all(db.pool())
    .await?)
}

/// Opens a thread about `target`; returns its identifier.
pub async fn open_thread(
    db: impl Into<Writer<'_>>,
    campaign: i64,
    target: &str,
    author: UserId,
    body: &str,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO review_comments (campaign_id, thread_id, target, author_user_id, body, created_at)
         VALUES ($1, NULL, $2, $3, $4, $5) RETURNING id",
    )
    .bind(campaign)
    .bind(target)
    .bind(author.0)
    .bind(body)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// Replies in a thread of this campaign; `NotFound` when the thread is not one of its threads.
pub async fn reply(db: impl Into<Writer<'_>>, campaign: i64, thread: i64, author: UserId, body: &str) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO review_comments (campaign_id, thread_id, target, author_user_id, body, created_at)
         SELECT campaign_id, id, target, $1, $2, $3 FROM review_comments
         WHERE id = $4 AND campaign_id = $5 AND thread_id IS NULL RETURNING id",
    )
    .bind(author.0)
    .bind(body)
    .bind(now())
    .bind(thread)
    .bind(campaign)
    .fetch_optional(&mut *tx)
    .await?;
    let id = id.ok_or(StorageError::NotFound)?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// Marks a thread of this campaign resolved (by `by`) or open again (`by` is `None`).
pub async fn set_resolved(db: impl Into<Writer<'_>>, campaign: i64, thread: i64, by: Option<UserId>) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE review_comments SET resolved_at = $1, resolved_by = $2
         WHERE id = $3 AND campaign_id = $4 AND thread_id IS NULL",
    )
    .bind(by.map(|_| now()))
    .bind(by.map(|u| u.0))
    .bind(thread)
    .bind(campaign)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StorageError::NotFound);
    }
    w.commit(tx).await
}
