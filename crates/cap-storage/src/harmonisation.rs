//! A group démarche's harmonisation plan: actions the group's lead writes once for the group, each
//! carried in every structure taking part by a line with its owner (a person of that structure),
//! its step and a note; lines are versioned, so two people never overwrite each other.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;

/// An action of the plan, as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Action {
    /// Row id.
    pub id: i64,
    /// The démarche.
    pub group_campaign_id: i64,
    /// What the group will do.
    pub title: String,
    /// How, in a few words.
    pub description: String,
    /// The pillar or objective it addresses, if any.
    pub node_code: Option<String>,
    /// When it should be done (YYYY-MM-DD).
    pub due_on: Option<String>,
}

/// An action's line in one structure.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Line {
    /// Row id.
    pub id: i64,
    /// The action.
    pub action_id: i64,
    /// The démarche the action belongs to.
    pub group_campaign_id: i64,
    /// The structure.
    pub organisation_id: i64,
    /// Its name.
    pub organisation_name: String,
    /// Who carries it there.
    pub owner_user_id: Option<i64>,
    /// Their name.
    pub owner_name: Option<String>,
    /// The step's code (as a plan action's).
    pub status: String,
    /// What the structure says of it.
    pub note: String,
    /// Incremented on every change.
    pub version: i64,
}

/// An action to write, with its owner in each structure (`None`: to be named by the structure).
#[derive(Debug, Clone, Copy)]
pub struct NewAction<'a> {
    /// The démarche.
    pub group_campaign_id: i64,
    /// What the group will do.
    pub title: &'a str,
    /// How.
    pub description: &'a str,
    /// The pillar or objective it addresses.
    pub node_code: Option<&'a str>,
    /// When it should be done.
    pub due_on: Option<&'a str>,
    /// Each structure taking part, with its owner.
    pub owners: &'a [(i64, Option<UserId>)],
    /// Who writes it.
    pub by: Option<UserId>,
}

/// A line's new state.
#[derive(Debug, Clone, Copy)]
pub struct LineChange<'a> {
    /// Who carries it.
    pub owner: Option<UserId>,
    /// The step's code.
    pub status: &'a str,
    /// The note.
    pub note: &'a str,
}

/// Writes an action and a line per structure, all or nothing; its id. [`StorageError::NotFound`]
/// when a structure does not take part in the démarche.
pub async fn add(db: impl Into<Writer<'_>>, a: &NewAction<'_>) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO harmonisation_actions (group_campaign_id, title, description, node_code, due_on, created_by,
            created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(a.group_campaign_id)
    .bind(a.title)
    .bind(a.description)
    .bind(a.node_code)
    .bind(a.due_on)
    .bind(a.by.map(|u| u.0))
    .bind(at)
    .fetch_one(&mut *tx)
    .await?;
    for (org, owner) in a.owners {
        let taking_part: Option<i64> =
            sqlx::query_scalar("SELECT id FROM campaigns WHERE group_campaign_id = $1 AND organisation_id = $2")
                .bind(a.group_campaign_id)
                .bind(org)
                .fetch_optional(&mut *tx)
                .await?;
        if taking_part.is_none() {
            return Err(StorageError::NotFound);
        }
        sqlx::query(
            "INSERT INTO harmonisation_lines (action_id, organisation_id, owner_user_id, updated_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(org)
        .bind(owner.map(|u| u.0))
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(StorageError::from_write)?;
    }
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// A démarche's actions, in the order they were written.
pub async fn actions(db: &Db, group_campaign: i64) -> Result<Vec<Action>> {
    Ok(sqlx::query_as(
        "SELECT id, group_campaign_id, title, description, node_code, due_on FROM harmonisation_actions
         WHERE group_campaign_id = $1 ORDER BY id",
    )
    .bind(group_campaign)
    .fetch_all(db.pool())
    .await?)
}

const LINES: &str = "SELECT l.id, l.action_id, a.group_campaign_id, l.organisation_id, o.name AS organisation_name,
    l.owner_user_id, u.display_name AS owner_name, l.status, l.note, l.version
    FROM harmonisation_lines l JOIN harmonisation_actions a ON a.id = l.action_id
    JOIN organisations o ON o.id = l.organisation_id LEFT JOIN users u ON u.id = l.owner_user_id";

/// Every line of a démarche's actions, by action and structure name, in one query.
pub async fn lines(db: &Db, group_campaign: i64) -> Result<Vec<Line>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{LINES} WHERE a.group_campaign_id = $1 ORDER BY l.action_id, o.name, l.id"
    )))
    .bind(group_campaign)
    .fetch_all(db.pool())
    .await?)
}

/// One line; [`StorageError::NotFound`] when there is none.
pub async fn line(db: &Db, id: i64) -> Result<Line> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{LINES} WHERE l.id = $1")))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)
}

/// Changes a line, if nobody changed it since `expected_version`; the new version.
pub async fn update_line(
    db: impl Into<Writer<'_>>,
    id: i64,
    change: &LineChange<'_>,
    expected_version: i64,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let written = sqlx::query(
        "UPDATE harmonisation_lines SET owner_user_id = $1, status = $2, note = $3, updated_at = $4,
            version = version + 1 WHERE id = $5 AND version = $6",
    )
    .bind(change.owner.map(|u| u.0))
    .bind(change.status)
    .bind(change.note)
    .bind(now())
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if written != 1 {
        return Err(crate::db::refused(&mut *tx, "harmonisation_lines", "id", id, expected_version).await?);
    }
    w.commit(tx).await?;
    Ok(expected_version + 1)
}

/// Removes an action and its lines.
pub async fn remove(db: impl Into<Writer<'_>>, id: i64) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let removed = sqlx::query("DELETE FROM harmonisation_actions WHERE id = $1").bind(id).execute(&mut *tx).await?;
    if removed.rows_affected() != 1 {
        return Err(StorageError::NotFound);
    }
    w.commit(tx).await?;
    Ok(())
}

/// The démarche an action belongs to; [`StorageError::NotFound`] when there is none.
pub async fn group_campaign_of(db: &Db, action: i64) -> Result<i64> {
    sqlx::query_scalar("SELECT group_campaign_id FROM harmonisation_actions WHERE id = $1")
        .bind(action)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)
}
