//! A group's démarche: one referential and one calendar across the group's structures, a
//! campaign per structure written in the same transaction, and whether the structures see one
//! another's results.

use crate::Writer;
use crate::campaigns::{NewCampaign, insert};
use crate::{Db, StorageError, error::Result, now};
use cap_domain::{OrganisationId, UserId};

/// A group's démarche as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct GroupCampaign {
    /// Row id.
    pub id: i64,
    /// The group.
    pub group_id: i64,
    /// Its title.
    pub title: String,
    /// The referential version every structure answers.
    pub referential_version_id: i64,
    /// When answers open (YYYY-MM-DD).
    pub answering_from: Option<String>,
    /// The consolidation's day.
    pub consolidation_on: Option<String>,
    /// The restitution's day.
    pub restitution_on: Option<String>,
    /// Whether the structures see one another's results (1) or only the lead does (0).
    pub shared_within_group: i64,
    /// When it was launched (UTC seconds).
    pub created_at: i64,
    /// Incremented on every change.
    pub version: i64,
}

/// One structure's campaign in a group's démarche.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Member {
    /// The campaign.
    pub campaign_id: i64,
    /// The structure.
    pub organisation_id: i64,
    /// Its name.
    pub organisation_name: String,
    /// Its region.
    pub region_id: i64,
    /// The campaign's step's code.
    pub status: String,
    /// The campaign's scope (JSON list of pillar codes; empty: every pillar).
    pub scope: String,
    /// The structure's type code.
    pub org_type: String,
}

/// A group's démarche to launch.
#[derive(Debug, Clone, Copy)]
pub struct NewGroupCampaign<'a> {
    /// The group.
    pub group: i64,
    /// The title every structure's campaign takes.
    pub title: &'a str,
    /// The referential version.
    pub referential_version_id: i64,
    /// When answers open.
    pub answering_from: Option<&'a str>,
    /// The consolidation's day.
    pub consolidation_on: Option<&'a str>,
    /// The restitution's day.
    pub restitution_on: Option<&'a str>,
    /// The structures that take part (each must be in the group).
    pub organisations: &'a [i64],
    /// Who launches it.
    pub by: Option<UserId>,
}

const SELECT: &str = "SELECT id, group_id, title, referential_version_id, answering_from, consolidation_on,
    restitution_on, shared_within_group, created_at, version FROM group_campaigns";

/// Launches the démarche: the group's record and a campaign per structure, all or nothing; its
/// id and the structures' campaigns. [`StorageError::NotFound`] when a structure is not the
/// group's.
pub async fn launch(db: impl Into<Writer<'_>>, g: &NewGroupCampaign<'_>) -> Result<(i64, Vec<i64>)> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO group_campaigns (group_id, title, referential_version_id, answering_from, consolidation_on,
            restitution_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(g.group)
    .bind(g.title)
    .bind(g.referential_version_id)
    .bind(g.answering_from)
    .bind(g.consolidation_on)
    .bind(g.restitution_on)
    .bind(g.by.map(|u| u.0))
    .bind(at)
    .fetch_one(&mut *tx)
    .await?;
    let mut campaigns = Vec::new();
    for org in g.organisations {
        let in_group: Option<i64> = sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1 AND group_id = $2")
            .bind(org)
            .bind(g.group)
            .fetch_optional(&mut *tx)
            .await?;
        if in_group.is_none() {
            return Err(StorageError::NotFound);
        }
        let new = NewCampaign {
            organisation: OrganisationId(*org),
            referential_version_id: g.referential_version_id,
            title: g.title,
            scope: &[],
            answering_from: g.answering_from,
            consolidation_on: g.consolidation_on,
            restitution_on: g.restitution_on,
            created_by: g.by,
        };
        let campaign = insert(&mut tx, &new).await?;
        sqlx::query("UPDATE campaigns SET group_campaign_id = $1 WHERE id = $2")
            .bind(id)
            .bind(campaign)
            .execute(&mut *tx)
            .await?;
        campaigns.push(campaign);
    }
    w.commit_created(tx, id).await?;
    Ok((id, campaigns))
}

/// One démarche; [`StorageError::NotFound`] when there is none.
pub async fn get(db: &Db, id: i64) -> Result<GroupCampaign> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)
}

/// A group's démarches, latest first.
pub async fn of_group(db: &Db, group: i64) -> Result<Vec<GroupCampaign>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE group_id = $1 ORDER BY id DESC")))
        .bind(group)
        .fetch_all(db.pool())
        .await?)
}

/// The démarche a campaign belongs to, if any.
pub async fn of_campaign(db: &Db, campaign: i64) -> Result<Option<GroupCampaign>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE id = (SELECT group_campaign_id FROM campaigns WHERE id = $1)"
    )))
    .bind(campaign)
    .fetch_optional(db.pool())
    .await?)
}

/// The structures' campaigns of a démarche, by structure name.
pub async fn members(db: &Db, id: i64) -> Result<Vec<Member>> {
    Ok(sqlx::query_as(
        "SELECT c.id AS campaign_id, o.id AS organisation_id, o.name AS organisation_name, o.region_id, c.status, c.scope,
            o.org_type FROM campaigns c JOIN organisations o ON o.id = c.organisation_id
         WHERE c.group_campaign_id = $1 ORDER BY o.name",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?)
}

/// Whether the structures see one another's results, if nobody changed it since
/// `expected_version`; the new version.
pub async fn set_shared(db: impl Into<Writer<'_>>, id: i64, shared: bool, expected_version: i64) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let written = sqlx::query(
        "UPDATE group_campaigns SET shared_within_group = $1, version = version + 1 WHERE id = $2 AND version = $3",
    )
    .bind(i64::from(shared))
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if written != 1 {
        return Err(crate::db::refused(&mut *tx, "group_campaigns", "id", id, expected_version).await?);
    }
    w.commit(tx).await?;
    Ok(expected_version + 1)
}
