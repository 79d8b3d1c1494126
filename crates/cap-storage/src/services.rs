//! Service requests: services of the federation's offer a member asked for, and how each is
//! followed through (taken, scheduled, delivered or declined), versioned.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;
use cap_domain::service_request::{Move, Origin, RequestState};

/// A request as stored, with the names people read.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Request {
    /// Row id.
    pub id: i64,
    /// The member that asked.
    pub organisation_id: i64,
    /// Its name.
    pub organisation_name: String,
    /// Its region.
    pub region_id: i64,
    /// The campaign it was asked from, if it still exists.
    pub campaign_id: Option<i64>,
    /// The offer's code.
    pub offer_code: String,
    /// `plan` or `accompaniment`.
    pub origin: String,
    /// The plan's action it serves, when asked from one.
    pub action_id: Option<i64>,
    /// Its state's code.
    pub state: String,
    /// Who took it, by name.
    pub taken_by: Option<String>,
    /// The day it is scheduled on.
    pub scheduled_on: Option<String>,
    /// The day it was delivered.
    pub delivered_on: Option<String>,
    /// Why it was declined.
    pub declined_reason: String,
    /// Who asked, by name.
    pub asked_by: Option<String>,
    /// When (UTC seconds).
    pub asked_at: i64,
    /// Incremented on every move.
    pub version: i64,
}

impl Request {
    /// Its state.
    pub fn state(&self) -> RequestState {
        RequestState::from_code(&self.state).unwrap_or(RequestState::Asked)
    }
}

const SELECT: &str = "SELECT r.id, r.organisation_id, o.name AS organisation_name, o.region_id, r.campaign_id,
    r.offer_code, r.origin, r.action_id, r.state, t.display_name AS taken_by, r.scheduled_on, r.delivered_on,
    r.declined_reason, a.display_name AS asked_by, r.asked_at, r.version
    FROM service_requests r JOIN organisations o ON o.id = r.organisation_id
    LEFT JOIN users t ON t.id = r.taken_by LEFT JOIN users a ON a.id = r.asked_by";

/// A request to write.
#[derive(Debug, Clone, Copy)]
pub struct NewRequest<'a> {
    /// The member.
    pub organisation: i64,
    /// The campaign it is asked from.
    pub campaign: i64,
    /// The offer.
    pub offer_code: &'a str,
    /// Where it comes from.
    pub origin: Origin,
    /// The plan's action, when asked from one.
    pub action: Option<i64>,
    /// Who asks.
    pub by: Option<UserId>,
}

/// Asks for a service; its id. [`StorageError::Conflict`] when the campaign already has an open
/// request for the same offer (asking twice does not queue it twice).
pub async fn ask(db: impl Into<Writer<'_>>, r: &NewRequest<'_>) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM service_requests WHERE campaign_id = $1 AND offer_code = $2
         AND state NOT IN ('delivered', 'declined')",
    )
    .bind(r.campaign)
    .bind(r.offer_code)
    .fetch_one(&mut *tx)
    .await?;
    if open > 0 {
        return Err(StorageError::Conflict);
    }
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO service_requests (organisation_id, campaign_id, offer_code, origin, action_id, state, asked_by,
            asked_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'asked', $6, $7, $7) RETURNING id",
    )
    .bind(r.organisation)
    .bind(r.campaign)
    .bind(r.offer_code)
    .bind(r.origin.code())
    .bind(r.action)
    .bind(r.by.map(|u| u.0))
    .bind(at)
    .fetch_one(&mut *tx)
    .await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// One request; [`StorageError::NotFound`] when there is none.
pub async fn get(db: &Db, id: i64) -> Result<Request> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE r.id = $1")))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)
}

/// A campaign's requests, oldest first.
pub async fn of_campaign(db: &Db, campaign: i64) -> Result<Vec<Request>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE r.campaign_id = $1 ORDER BY r.id")))
        .bind(campaign)
        .fetch_all(db.pool())
        .await?)
}

/// The requests of one region's members (all regions for `None`): the open ones first, then the
/// latest.
pub async fn of_region(db: &Db, region: Option<i64>) -> Result<Vec<Request>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE $1 IS NULL OR o.region_id = $1
         ORDER BY CASE WHEN r.state IN ('delivered', 'declined') THEN 1 ELSE 0 END, r.id DESC"
    )))
    .bind(region)
    .fetch_all(db.pool())
    .await?)
}

/// How many requests of one region's members (all for `None`) stand in each state.
pub async fn counts(db: &Db, region: Option<i64>) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT r.state, COUNT(*) FROM service_requests r JOIN organisations o ON o.id = r.organisation_id
         WHERE $1 IS NULL OR o.region_id = $1 GROUP BY r.state",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?)
}

/// Moves request `id`, read at `expected_version`, to `to` (the domain checked the move); the
/// new version. [`StorageError::Stale`] when someone moved it meanwhile.
pub async fn advance(
    db: impl Into<Writer<'_>>,
    id: i64,
    change: &Move,
    to: RequestState,
    expected_version: i64,
    by: Option<UserId>,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let (scheduled, delivered, reason) = match change {
        Move::Take => (None, None, None),
        Move::Schedule(day) => (Some(day.as_str()), None, None),
        Move::Deliver(day) => (None, Some(day.as_str()), None),
        Move::Decline(reason) => (None, None, Some(reason.as_str())),
    };
    let written = sqlx::query(
        "UPDATE service_requests SET state = $1,
            taken_by = CASE WHEN $2 = 1 THEN $3 ELSE taken_by END,
            scheduled_on = COALESCE($4, scheduled_on), delivered_on = COALESCE($5, delivered_on),
            declined_reason = COALESCE($6, declined_reason), updated_at = $7, version = version + 1
         WHERE id = $8 AND version = $9",
    )
    .bind(to.code())
    .bind(i64::from(matches!(change, Move::Take)))
    .bind(by.map(|u| u.0))
    .bind(scheduled)
    .bind(delivered)
    .bind(reason)
    .bind(now())
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if written != 1 {
        return Err(crate::db::refused(&mut *tx, "service_requests", "id", id, expected_version).await?);
    }
    w.commit(tx).await?;
    Ok(expected_version + 1)
}
