//! Memberships: which role a user holds over which scope.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::{College, GroupId, Membership, OrganisationId, RegionId, Role, Scope, UserId};

/// A membership row as stored; decoded into a [`StoredMembership`] in one place.
#[derive(sqlx::FromRow)]
pub(crate) struct Row {
    pub(crate) id: i64,
    pub(crate) user_id: i64,
    pub(crate) role: String,
    pub(crate) region_id: Option<i64>,
    pub(crate) organisation_id: Option<i64>,
    pub(crate) group_id: Option<i64>,
    pub(crate) college: Option<String>,
}

/// A stored membership with its identifier and holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMembership {
    /// Identifier of the row.
    pub id: i64,
    /// Holder.
    pub user_id: UserId,
    /// The role and its scope.
    pub membership: Membership,
}

impl TryFrom<Row> for StoredMembership {
    type Error = StorageError;
    fn try_from(row: Row) -> Result<Self> {
        let corrupt = |what: &str| StorageError::Corrupt(format!("membership {}: {what}", row.id));
        let role = Role::from_code(&row.role).map_err(|_| corrupt("role"))?;
        let scope = match (row.region_id, row.organisation_id, row.group_id) {
            (None, None, None) => Scope::Federation,
            (Some(r), None, None) => Scope::Region(RegionId(r)),
            (None, Some(o), None) => Scope::Organisation(OrganisationId(o)),
            (None, None, Some(g)) => Scope::Group(GroupId(g)),
            _ => return Err(corrupt("scope")),
        };
        let college = match row.college.as_deref() {
            Some(code) => Some(College::from_code(code).map_err(|_| corrupt("college"))?),
            None => None,
        };
        Ok(Self { id: row.id, user_id: UserId(row.user_id), membership: Membership { role, scope, college } })
    }
}

fn scope_columns(scope: Scope) -> (String, Option<i64>, Option<i64>, Option<i64>) {
    match scope {
        Scope::Federation => ("federation".into(), None, None, None),
        Scope::Region(r) => (format!("region:{}", r.0), Some(r.0), None, None),
        Scope::Organisation(o) => (format!("organisation:{}", o.0), None, Some(o.0), None),
        Scope::Group(g) => (format!("group:{}", g.0), None, None, Some(g.0)),
    }
}

/// Grants a role; granting the same role over the same scope again updates the collège.
pub async fn grant(db: impl Into<Writer<'_>>, user: UserId, membership: Membership) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let (scope_key, region, organisation, group) = scope_columns(membership.scope);
    sqlx::query(
        "INSERT INTO memberships (user_id, role, scope_key, region_id, organisation_id, group_id, college, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (user_id, role, scope_key) DO UPDATE SET college = excluded.college",
    )
    .bind(user.0)
    .bind(membership.role.code())
    .bind(scope_key)
    .bind(region)
    .bind(organisation)
    .bind(group)
    .bind(membership.college.map(|c| c.code()))
    .bind(now())
    .execute(&mut *tx)
    .await
    .map_err(StorageError::from_write)?;
    w.commit(tx).await?;
    Ok(())
}

/// Removes one membership row; returns what was removed.
pub async fn revoke(db: impl Into<Writer<'_>>, id: i64) -> Result<StoredMembership> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let row: Row = sqlx::query_as(
        "SELECT id, user_id, role, region_id, organisation_id, group_id, college FROM memberships WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(StorageError::NotFound)?;
    sqlx::query("DELETE FROM memberships WHERE id = $1").bind(id).execute(&mut *tx).await?;
    w.commit(tx).await?;
    row.try_into()
}

/// Every membership of a user.
pub async fn for_user(db: &Db, user: UserId) -> Result<Vec<StoredMembership>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, user_id, role, region_id, organisation_id, group_id, college FROM memberships
         WHERE user_id = $1 ORDER BY id",
    )
    .bind(user.0)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// Every membership over one organisation.
pub async fn for_organisation(db: &Db, organisation: OrganisationId) -> Result<Vec<StoredMembership>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, user_id, role, region_id, organisation_id, group_id, college FROM memberships
         WHERE organisation_id = $1 ORDER BY id",
    )
    .bind(organisation.0)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// Every membership of every user (for the administrators' user list).
pub async fn all(db: &Db) -> Result<Vec<StoredMembership>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, user_id, role, region_id, organisation_id, group_id, college FROM memberships ORDER BY id",
    )
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// Number of federation administrators.
pub async fn count_admins(db: &Db) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM memberships WHERE role = 'federation_admin'")
        .fetch_one(db.pool())
        .await?)
}

/// A member of an organisation: the membership with the holder's name and address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The membership.
    pub stored: StoredMembership,
    /// Holder's name.
    pub display_name: String,
    /// Holder's e-mail.
    pub email: String,
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    #[sqlx(flatten)]
    row: Row,
    display_name: String,
    email: String,
}

/// Every membership over one organisation with its holder, by name, in one query.
pub async fn members_of(db: &Db, organisation: OrganisationId) -> Result<Vec<Member>> {
    let rows: Vec<MemberRow> = sqlx::query_as(
        "SELECT m.id, m.user_id, m.role, m.region_id, m.organisation_id, m.group_id, m.college,
                u.display_name, u.email
         FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.organisation_id = $1 ORDER BY u.display_name, u.email, m.id",
    )
    .bind(organisation.0)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|r| Ok(Member { stored: r.row.try_into()?, display_name: r.display_name, email: r.email }))
        .collect()
}

/// The addresses of a region's delegates whose account is active (to tell them of something to do).
pub async fn delegate_emails(db: &Db, region: RegionId) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT u.email FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.role = $1 AND m.region_id = $2 AND u.disabled_at IS NULL ORDER BY u.email",
    )
    .bind(Role::RegionalDelegate.code())
    .bind(region.0)
    .fetch_all(db.pool())
    .await?)
}
