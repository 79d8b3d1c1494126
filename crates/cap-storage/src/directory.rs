//! The directory of pair volunteers (people from member organisations that have been through a
//! campaign, ready to review another's) and the trainings pairs and tiers attended.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::review::{PairStage, TrainingAudience};
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
    /// How many trainings they enrolled in and have not attended (yet).
    pub enrolled: i64,
    /// 1 once they accepted a delegate's proposal, or volunteered alone; 0 while proposed.
    pub accepted: i64,
    /// The delegate who proposed them, if one did.
    pub proposed_by: Option<String>,
}

impl Volunteer {
    /// Where they stand on the way to reviewing as a pair.
    pub fn stage(&self) -> PairStage {
        PairStage::of(self.accepted == 1, self.trainings, self.enrolled)
    }
}

const VOLUNTEER_SELECT: &str = "SELECT v.user_id, u.display_name, u.email, o.id AS organisation_id,
        o.name AS organisation, o.org_type, r.id AS region_id, r.name AS region, o.group_id, v.availability,
        (SELECT COUNT(*) FROM training_attendees ta WHERE ta.user_id = v.user_id) AS trainings,
        (SELECT COUNT(*) FROM training_enrolments e WHERE e.user_id = v.user_id AND NOT EXISTS (
            SELECT 1 FROM training_attendees a WHERE a.training_id = e.training_id AND a.user_id = e.user_id))
            AS enrolled,
        CASE WHEN v.accepted_at IS NULL THEN 0 ELSE 1 END AS accepted, pu.display_name AS proposed_by
    FROM pair_volunteers v JOIN users u ON u.id = v.user_id JOIN organisations o ON o.id = v.organisation_id
    JOIN regions r ON r.id = o.region_id LEFT JOIN users pu ON pu.id = v.proposed_by";

/// Every volunteer who accepted (the directory), by region then name.
pub async fn volunteers(db: &Db) -> Result<Vec<Volunteer>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{VOLUNTEER_SELECT} WHERE u.disabled_at IS NULL AND v.accepted_at IS NOT NULL ORDER BY r.name, u.display_name"
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
        "INSERT INTO pair_volunteers (user_id, organisation_id, availability, since, accepted_at)
         VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (user_id) DO UPDATE SET organisation_id = excluded.organisation_id,
            availability = excluded.availability,
            accepted_at = COALESCE(pair_volunteers.accepted_at, excluded.accepted_at)",
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

/// A delegate proposes `user` as a pair from `organisation`; false when the person is already in
/// the directory or proposed (nothing changes then).
pub async fn propose(
    db: impl Into<Writer<'_>>,
    user: UserId,
    organisation: OrganisationId,
    by: UserId,
) -> Result<bool> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "INSERT INTO pair_volunteers (user_id, organisation_id, availability, since, proposed_by, accepted_at)
         VALUES ($1, $2, '', $3, $4, NULL) ON CONFLICT (user_id) DO NOTHING",
    )
    .bind(user.0)
    .bind(organisation.0)
    .bind(now())
    .bind(by.0)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    w.commit(tx).await?;
    Ok(true)
}

/// The person accepts the proposal made to them (then they are in the directory) or declines it
/// (then it is gone); `NotFound` when no proposal waits.
pub async fn answer_proposal(db: impl Into<Writer<'_>>, user: UserId, accept: bool) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = if accept {
        sqlx::query("UPDATE pair_volunteers SET accepted_at = $1 WHERE user_id = $2 AND accepted_at IS NULL")
            .bind(now())
            .bind(user.0)
            .execute(&mut *tx)
            .await?
    } else {
        sqlx::query("DELETE FROM pair_volunteers WHERE user_id = $1 AND accepted_at IS NULL")
            .bind(user.0)
            .execute(&mut *tx)
            .await?
    };
    if done.rows_affected() != 1 {
        return Err(StorageError::NotFound);
    }
    w.commit(tx).await
}

/// Enrols the person in a training, or takes them off its list.
pub async fn enrol(db: impl Into<Writer<'_>>, training: i64, user: UserId, enrolled: bool) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    if enrolled {
        sqlx::query(
            "INSERT INTO training_enrolments (training_id, user_id, enrolled_at) VALUES ($1, $2, $3)
             ON CONFLICT (training_id, user_id) DO NOTHING",
        )
        .bind(training)
        .bind(user.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
    } else {
        sqlx::query("DELETE FROM training_enrolments WHERE training_id = $1 AND user_id = $2")
            .bind(training)
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
    }
    w.commit(tx).await
}

/// The trainings the person enrolled in.
pub async fn enrolments_of(db: &Db, user: UserId) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar("SELECT training_id FROM training_enrolments WHERE user_id = $1 ORDER BY training_id")
        .bind(user.0)
        .fetch_all(db.pool())
        .await?)
}

/// Every enrolment, as (training, person).
pub async fn enrolments(db: &Db) -> Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as("SELECT training_id, user_id FROM training_enrolments ORDER BY training_id, user_id")
        .fetch_all(db.pool())
        .await?)
}

/// The people enrolled in a training, by id.
pub async fn enrolled_in(db: &Db, training: i64) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar("SELECT user_id FROM training_enrolments WHERE training_id = $1 ORDER BY user_id")
        .bind(training)
        .fetch_all(db.pool())
        .await?)
}

/// A person a delegate may propose as a pair: a member of an organisation of the region who is
/// not in the directory nor proposed yet.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Candidate {
    /// The person.
    pub user_id: i64,
    /// Their name.
    pub display_name: String,
    /// The organisation they would come from.
    pub organisation_id: i64,
    /// Its name.
    pub organisation: String,
}

/// The people of the organisations of `regions` that have been through a campaign (its status
/// one of `completed`) and are not in the directory yet, by organisation and name: whom those
/// regions' delegates may propose as pairs, in one query whatever the number of regions.
pub async fn candidates(db: &Db, regions: &[i64], completed: &[&str]) -> Result<Vec<Candidate>> {
    if completed.is_empty() || regions.is_empty() {
        return Ok(Vec::new());
    }
    // One placeholder per value ($1, $2…): regions and codes are bound, never written into the SQL.
    let region_marks: Vec<String> = (1..=regions.len()).map(|n| format!("${n}")).collect();
    let status_marks: Vec<String> =
        (regions.len() + 1..=regions.len() + completed.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT DISTINCT u.id AS user_id, u.display_name, o.id AS organisation_id, o.name AS organisation
         FROM memberships m JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.organisation_id
         WHERE o.region_id IN ({}) AND u.disabled_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM pair_volunteers v WHERE v.user_id = u.id)
           AND EXISTS (SELECT 1 FROM campaigns c WHERE c.organisation_id = o.id AND c.status IN ({}))
         ORDER BY o.name, u.display_name",
        region_marks.join(", "),
        status_marks.join(", ")
    );
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    for region in regions {
        query = query.bind(*region);
    }
    for status in completed {
        query = query.bind(*status);
    }
    Ok(query.fetch_all(db.pool()).await?)
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
