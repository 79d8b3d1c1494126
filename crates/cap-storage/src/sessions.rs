//! Sign-in sessions, stored so that several instances serve the same users.
//! Only a keyed hash of each session token is stored; the token lives in the user's cookie.

use crate::Writer;
use crate::memberships::StoredMembership;
use crate::users::User;
use crate::{Db, error::Result};
use cap_domain::UserId;

/// Records a new session.
pub async fn create(db: &Db, token_hash: &str, user: UserId, now: i64, expires_at: i64) -> Result<()> {
    create_scoped(db, token_hash, user, None, now, expires_at, None).await
}

/// Records a new session, limited to one campaign when `campaign` is given (personal links),
/// with the audit entry of the sign-in in the same transaction.
pub async fn create_scoped(
    db: &Db,
    token_hash: &str,
    user: UserId,
    campaign: Option<i64>,
    now: i64,
    expires_at: i64,
    audit: Option<&crate::audit::NewEntry<'_>>,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, campaign_id, created_at, expires_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $4)",
    )
    .bind(token_hash)
    .bind(user.0)
    .bind(campaign)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *tx)
    .await?;
    if let Some(entry) = audit {
        crate::audit::append_with(&mut *tx, entry).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The user of a live session, if the session exists and has not expired.
pub async fn user_of(db: &Db, token_hash: &str, now: i64) -> Result<Option<UserId>> {
    let user: Option<i64> = sqlx::query_scalar(
        "SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db.pool())
    .await?;
    Ok(user.map(UserId))
}

/// Ends one session (sign-out).
pub async fn delete(db: impl Into<Writer<'_>>, token_hash: &str) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&mut *tx).await?;
    w.commit(tx).await?;
    Ok(())
}

/// Forgets expired sessions; returns how many.
pub async fn purge_expired(db: &Db, now: i64) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now).execute(db.pool()).await?.rows_affected())
}

#[derive(sqlx::FromRow)]
struct ViewerRow {
    id: i64,
    email: String,
    display_name: String,
    password_hash: Option<String>,
    locale: String,
    disabled_at: Option<i64>,
    session_campaign: Option<i64>,
    m_id: Option<i64>,
    role: Option<String>,
    region_id: Option<i64>,
    organisation_id: Option<i64>,
    group_id: Option<i64>,
    college: Option<String>,
}

/// Who a live session belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionUser {
    /// The account.
    pub user: User,
    /// Every role it holds.
    pub memberships: Vec<StoredMembership>,
    /// The campaign this session is limited to (opened by a personal link), if any.
    pub campaign_only: Option<i64>,
}

/// The user of a live session with all their memberships, in one query (this runs on every
/// signed-in request).
pub async fn signed_in_user(db: &Db, token_hash: &str, now: i64) -> Result<Option<SessionUser>> {
    let rows: Vec<ViewerRow> = sqlx::query_as(
        "SELECT u.id, u.email, u.display_name, u.password_hash, u.locale, u.disabled_at, s.campaign_id AS session_campaign,
                m.id AS m_id, m.role, m.region_id, m.organisation_id, m.group_id, m.college
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         LEFT JOIN memberships m ON m.user_id = u.id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL
         ORDER BY m.id",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_all(db.pool())
    .await?;
    assemble(rows)
}

/// One user with their memberships, from rows of the user joined to each membership.
fn assemble(rows: Vec<ViewerRow>) -> Result<Option<SessionUser>> {
    let Some(first) = rows.first() else { return Ok(None) };
    let user = User {
        id: first.id,
        email: first.email.clone(),
        display_name: first.display_name.clone(),
        password_hash: first.password_hash.clone(),
        locale: first.locale.clone(),
        disabled_at: first.disabled_at,
    };
    let mut memberships = Vec::with_capacity(rows.len());
    for row in &rows {
        let (Some(id), Some(role)) = (row.m_id, row.role.as_deref()) else { continue };
        let row = crate::memberships::Row {
            id,
            user_id: user.id,
            role: role.to_owned(),
            region_id: row.region_id,
            organisation_id: row.organisation_id,
            group_id: row.group_id,
            college: row.college.clone(),
        };
        memberships.push(row.try_into()?);
    }
    let campaign_only = first.session_campaign;
    Ok(Some(SessionUser { user, memberships, campaign_only }))
}

/// The user a live personal API token belongs to, with all their memberships, its scopes
/// (space-separated codes) and its identifier; marks the token used.
pub async fn api_token_user(db: &Db, token_hash: &str, now: i64) -> Result<Option<(SessionUser, String, i64)>> {
    let token: Option<(i64, i64, String)> = sqlx::query_as(
        "SELECT id, user_id, scopes FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db.pool())
    .await?;
    let Some((token_id, user_id, scopes)) = token else { return Ok(None) };
    let rows: Vec<ViewerRow> = sqlx::query_as(
        "SELECT u.id, u.email, u.display_name, u.password_hash, u.locale, u.disabled_at,
                CAST(NULL AS BIGINT) AS session_campaign,
                m.id AS m_id, m.role, m.region_id, m.organisation_id, m.group_id, m.college
         FROM users u LEFT JOIN memberships m ON m.user_id = u.id
         WHERE u.id = $1 AND u.disabled_at IS NULL ORDER BY m.id",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    let Some(found) = assemble(rows)? else { return Ok(None) };
    // Only worth a write once a minute: this runs on every API request.
    sqlx::query(
        "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
    )
    .bind(now)
    .bind(token_id)
    .bind(now - 60)
    .execute(db.pool())
    .await?;
    Ok(Some((found, scopes, token_id)))
}
