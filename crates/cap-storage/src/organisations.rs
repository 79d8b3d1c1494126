//! Member organisations.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::authz::OrganisationRef;
use cap_domain::{GroupId, OrganisationId, OrganisationName, OrganisationType, RegionId, Siret};

/// The validated fields of an organisation, as a form submits them.
#[derive(Debug, Clone)]
pub struct OrganisationInput {
    /// Name.
    pub name: OrganisationName,
    /// Type in the IAE sector.
    pub org_type: OrganisationType,
    /// SIRET, optional.
    pub siret: Option<Siret>,
    /// Region.
    pub region: RegionId,
    /// Group (GES), optional.
    pub group: Option<GroupId>,
    /// Street address.
    pub address: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
}

/// An organisation as stored, with its region's and group's names.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Organisation {
    /// Identifier.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Type code (see [`OrganisationType::code`]).
    pub org_type: String,
    /// SIRET, if known.
    pub siret: Option<String>,
    /// Region.
    pub region_id: i64,
    /// Region's name.
    pub region_name: String,
    /// Group, if any.
    pub group_id: Option<i64>,
    /// Group's name, if any.
    pub group_name: Option<String>,
    /// Street address.
    pub address: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Incremented on every change, to refuse stale writes.
    pub version: i64,
}

impl Organisation {
    /// The facts the authorization policy needs.
    pub fn authz_ref(&self) -> OrganisationRef {
        OrganisationRef {
            id: OrganisationId(self.id),
            region: RegionId(self.region_id),
            group: self.group_id.map(GroupId),
        }
    }

    /// Message key of the type's full name (`orgtype.OTHER` for an unknown code).
    pub fn type_label_key(&self) -> &'static str {
        self.org_type().map_or("orgtype.OTHER", OrganisationType::label_key)
    }

    /// The organisation's type, if the stored code is known.
    pub fn org_type(&self) -> Option<OrganisationType> {
        OrganisationType::from_code(&self.org_type).ok()
    }
}

const SELECT: &str = "SELECT o.id, o.name, o.org_type, o.siret, o.region_id, r.name AS region_name,
    o.group_id, g.name AS group_name, o.address, o.postal_code, o.city, o.version
    FROM organisations o
    JOIN regions r ON r.id = o.region_id
    LEFT JOIN groups_ges g ON g.id = o.group_id";

/// Which organisations to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    /// Only this region's.
    pub region: Option<RegionId>,
    /// Only this group's.
    pub group: Option<GroupId>,
}

/// Creates an organisation; a SIRET already used gives [`StorageError::Conflict`].
pub async fn create(db: impl Into<Writer<'_>>, input: &OrganisationInput) -> Result<OrganisationId> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisations (name, org_type, siret, region_id, group_id, address, postal_code, city,
            version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9) RETURNING id",
    )
    .bind(input.name.as_str())
    .bind(input.org_type.code())
    .bind(input.siret.as_ref().map(|s| s.as_str().to_owned()))
    .bind(input.region.0)
    .bind(input.group.map(|g| g.0))
    .bind(input.address.trim())
    .bind(input.postal_code.trim())
    .bind(input.city.trim())
    .bind(at)
    .fetch_one(&mut *tx)
    .await
    .map_err(StorageError::from_write)?;
    w.commit_created(tx, id).await?;
    Ok(OrganisationId(id))
}

/// Updates an organisation if nobody changed it since `expected_version` was read;
/// otherwise nothing is written and [`StorageError::Stale`] is returned.
pub async fn update(
    db: impl Into<Writer<'_>>,
    id: OrganisationId,
    expected_version: i64,
    input: &OrganisationInput,
) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE organisations SET name = $1, org_type = $2, siret = $3, region_id = $4, group_id = $5,
            address = $6, postal_code = $7, city = $8, version = version + 1, updated_at = $9
         WHERE id = $10 AND version = $11",
    )
    .bind(input.name.as_str())
    .bind(input.org_type.code())
    .bind(input.siret.as_ref().map(|s| s.as_str().to_owned()))
    .bind(input.region.0)
    .bind(input.group.map(|g| g.0))
    .bind(input.address.trim())
    .bind(input.postal_code.trim())
    .bind(input.city.trim())
    .bind(now())
    .bind(id.0)
    .bind(expected_version)
    .execute(&mut *tx)
    .await
    .map_err(StorageError::from_write)?;
    if done.rows_affected() == 1 {
        return w.commit(tx).await;
    }
    Err(crate::db::refused(&mut *tx, "organisations", "id", id.0, expected_version).await?)
}

/// One organisation.
pub async fn get(db: &Db, id: OrganisationId) -> Result<Organisation> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE o.id = $1")))
        .bind(id.0)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)
}

/// Organisations matching `filter`, by name.
pub async fn list(db: &Db, filter: Filter) -> Result<Vec<Organisation>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE ($1 = 0 OR o.region_id = $2) AND ($3 = 0 OR o.group_id = $4) ORDER BY o.name"
    )))
    .bind(i64::from(filter.region.is_some()))
    .bind(filter.region.map_or(0, |r| r.0))
    .bind(i64::from(filter.group.is_some()))
    .bind(filter.group.map_or(0, |g| g.0))
    .fetch_all(db.pool())
    .await?)
}

/// The organisations a user belongs to directly or through a group they lead, by name.
pub async fn list_for_user(db: &Db, user: cap_domain::UserId) -> Result<Vec<Organisation>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE o.id IN (SELECT m.organisation_id FROM memberships m WHERE m.user_id = $1 AND m.organisation_id IS NOT NULL)
            OR o.group_id IN (SELECT m.group_id FROM memberships m WHERE m.user_id = $2 AND m.group_id IS NOT NULL)
         ORDER BY o.name"
    )))
    .bind(user.0)
    .bind(user.0)
    .fetch_all(db.pool())
    .await?)
}
