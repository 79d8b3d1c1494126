//! The directory of pair volunteers (people from member organisations that have been through a
//! campaign, ready to review another's) and the trainings pairs and tiers attended.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::review::TrainingAudience;
use cap_domain::{GroupId, OrganisationId, UserId};

/// A pair volunteer, with their organisation as the directory shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Volunteer {
    /// The person.
    pub user_id: i64,
    /// Their name.
    pub display_name: String,
    /// Their e-mail.
    pub email: String,
    /// The organisation they come from.
    pub organisation_id: i64,
    /// Its name.
    pub organisation: String,
    /// Its type code.
    pub org_type: String,
    /// Its region.
    pub region_id: i64,
    /// The region's name.
    pub region: String,
    /// Its group, if any.
    pub group_id: Option<i64>,
    /// When and how they are available, in their words.
    pub availability: String,
    /// How many trainings they attended.
    pub trainings: i64,
}

const VOLUNTEER_SELECT: &str = "SELECT v.user_id, u.display_name, u.email, o.id AS organisation_id,
        o.name AS organisation, o.org_type, r.id AS region_id, r.name AS region, o.group_id, v.availability,
        (SELECT COUNT(*) FROM training_attendees ta WHERE ta.user_id = v.user_id) AS trainings
    FROM pair_volunteers v JOIN users u ON u.id = v.user_id JOIN organisations o ON o.id = v.organisation_id
    JOIN regions r ON r.id = o.region_id";

/// Every volunteer, by region then name.
pub async fn volunteers(db: &Db) -> Result<Vec<Volunteer>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{VOLUNTEER_SELECT} WHERE u.disabled_at IS NULL ORDER BY r.name, u.display_name"
    )))
    .fetch_all(db.pool())
    .await?)
}

/// The user's entry in the directory, if they volunteered.
pub async fn volunteer_of(db: &Db, user: UserId) -> Result<Option<Volunteer>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{VOLUNTEER_SELECT} WHERE v.user_id = $1")))
        .bind(user.0)
        .fetch_optional(db.pool())
        .await?)
}

/// Puts the user in the directory for `organisation`, or updates their entry.
pub async fn volunteer(
    db: impl Into<Writer<'_>>,
    user: UserId,
    organisation: OrganisationId,
    availability: &str,
) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    sqlx::query(
        "INSERT INTO pair_volunteers (user_id, organisation_id, availability, since) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET organisation_id = excluded.organisation_id,
            availability = excluded.availability",
    )
    .bind(user.0)
    .bind(organisation.0)
    .bind(availability)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    w.commit(tx).await?;
    Ok(())
}

/// Takes the user out of the directory.
pub async fn withdraw(db: impl Into<Writer<'_>>, user: UserId) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    sqlx::query("DELETE FROM pair_volunteers WHERE user_id = $1").bind(user.0).execute(&mut *tx).await?;
    w.commit(tx).await?;
    Ok(())
}

/// The organisations (and their groups) a user belongs to, to flag conflicts of interest.
pub async fn organisations_of(db: &Db, user: UserId) -> Result<Vec<(OrganisationId, Option<GroupId>)>> {
    let rows: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT o.id, o.group_id FROM organisations o WHERE o.id IN (
            SELECT organisation_id FROM memberships WHERE user_id = $1 AND organisation_id IS NOT NULL
            UNION SELECT organisation_id FROM pair_volunteers WHERE user_id = $1)",
    )
    .bind(user.0)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(o, g)| (OrganisationId(o), g.map(GroupId))).collect())
}

/// A person who may be invited as a tiers: a regional delegate.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Delegate {
    /// The person.
    pub user_id: i64,
    /// Their name.
    pub display_name: String,
    /// Their e-mail.
    pub email: String,
    /// Their region.
    pub region_id: i64,
    /// The region's name.
    pub region: String,
}

/// Every regional delegate, by region then name.
pub async fn delegates(db: &Db) -> Result<Vec<Delegate>> {
    Ok(sqlx::query_as(
        "SELECT u.id AS user_id, u.display_name, u.email, r.id AS region_id, r.name AS region
         FROM memberships m JOIN users u ON u.id = m.user_id JOIN regions r ON r.id = m.region_id
         WHERE m.role = 'regional_delegate' AND u.disabled_at IS NULL ORDER BY r.name, u.display_name",
    )
    .fetch_all(db.pool())
    .await?)
}

/// A training pairs or tiers attended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Training {
    /// Identifier.
    pub id: i64,
    /// What it was called.
    pub title: String,
    /// Who it was for.
    pub audience: TrainingAudience,
    /// When (YYYY-MM-DD).
    pub held_on: String,
    /// Where.
    pub place: String,
    /// The region that held it.
    pub region_id: i64,
    /// The region's name.
    pub region: String,
    /// Who attended: (user, name), by name.
    pub attendees: Vec<(i64, String)>,
}

#[derive(sqlx::FromRow)]
struct TrainingRow {
    id: i64,
    title: String,
    audience: String,
    held_on: String,
    place: String,
    region_id: i64,
    region: String,
}

/// A training to record.
#[derive(Debug, Clone)]
pub struct NewTraining<'a> {
    /// What it was called.
    pub title: &'a str,
    /// Who it was for.
    pub audience: TrainingAudience,
    /// When (YYYY-MM-DD).
    pub held_on: &'a str,
    /// Where.
    pub place: &'a str,
    /// The region that held it.
    pub region: i64,
    /// Who recorded it.
    pub by: Option<UserId>,
}

/// Records a training; returns its identifier.
pub async fn create_training(db: impl Into<Writer<'_>>, t: &NewTraining<'_>) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO trainings (title, audience, held_on, place, region_id, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(t.title)
    .bind(t.audience.code())
    .bind(t.held_on)
    .bind(t.place)
    .bind(t.region)
    .bind(t.by.map(|u| u.0))
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// The trainings, most recent first; of one region, or of all.
pub async fn trainings(db: &Db, region: Option<i64>) -> Result<Vec<Training>> {
    let rows: Vec<TrainingRow> = sqlx::query_as(
        "SELECT t.id, t.title, t.audience, t.held_on, t.place, t.region_id, r.name AS region
         FROM trainings t JOIN regions r ON r.id = t.region_id
         WHERE $1 IS NULL OR t.region_id = $1 ORDER BY t.held_on DESC, t.id DESC",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?;
    let attendees: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT ta.training_id, u.id, u.display_name FROM training_attendees ta JOIN users u ON u.id = ta.user_id
         JOIN trainings t ON t.id = ta.training_id WHERE $1 IS NULL OR t.region_id = $1 ORDER BY u.display_name",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Training {
                audience: TrainingAudience::from_code(&r.audience)
                    .ok_or_else(|| StorageError::Corrupt(format!("training {}: audience", r.id)))?,
                attendees: attendees.iter().filter(|a| a.0 == r.id).map(|a| (a.1, a.2.clone())).collect(),
                id: r.id,
                title: r.title,
                held_on: r.held_on,
                place: r.place,
                region_id: r.region_id,
                region: r.region,
            })
        })
        .collect()
}

/// One training.
pub async fn training(db: &Db, id: i64) -> Result<Training> {
    let region: Option<i64> =
        sqlx::query_scalar("SELECT region_id FROM trainings WHERE id = $1").bind(id).fetch_optional(db.pool()).await?;
    let region = region.ok_or(StorageError::NotFound)?;
    trainings(db, Some(region)).await?.into_iter().find(|t| t.id == id).ok_or(StorageError::NotFound)
}

/// Replaces who attended a training, in one transaction.
pub async fn set_attendees(db: impl Into<Writer<'_>>, training: i64, users: &[UserId]) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    sqlx::query("DELETE FROM training_attendees WHERE training_id = $1").bind(training).execute(&mut *tx).await?;
    for user in users {
        sqlx::query("INSERT INTO training_attendees (training_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(training)
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
    }
    w.commit(tx).await?;
    Ok(())
}

/// The trainings a person attended, most recent first: (title, date, place).
pub async fn trainings_of(db: &Db, user: UserId) -> Result<Vec<(String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT t.title, t.held_on, t.place FROM training_attendees ta JOIN trainings t ON t.id = ta.training_id
         WHERE ta.user_id = $1 ORDER BY t.held_on DESC",
    )
    .bind(user.0)
    .fetch_all(db.pool())
    .await?)
}

/// The statuses of an organisation's campaigns (to know whether it has been through one).
pub async fn campaign_statuses(db: &Db, organisation: OrganisationId) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar("SELECT status FROM campaigns WHERE organisation_id = $1")
        .bind(organisation.0)
        .fetch_all(db.pool())
        .await?)
}
