//! The federation's offer of services (trainings, tools, accompaniments).

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::referential::{OfferKind, ServiceOffer};
use std::collections::HashSet;

/// An offer as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredOffer {
    /// Row id.
    pub id: i64,
    /// Incremented on every change, to refuse stale edits.
    pub version: i64,
    /// The offer.
    pub offer: ServiceOffer,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    version: i64,
    code: String,
    kind: String,
    title: String,
    title_en: Option<String>,
    description: String,
    contact: Option<String>,
    region_code: Option<String>,
}

impl TryFrom<Row> for StoredOffer {
    type Error = StorageError;
    fn try_from(r: Row) -> Result<Self> {
        let kind =
            OfferKind::from_code(&r.kind).ok_or_else(|| StorageError::Corrupt(format!("offer {} kind", r.code)))?;
        Ok(Self {
            id: r.id,
            version: r.version,
            offer: ServiceOffer {
                code: r.code,
                kind,
                title: r.title,
                title_en: r.title_en,
                description: r.description,
                contact: r.contact,
                region: r.region_code,
            },
        })
    }
}

const SELECT: &str =
    "SELECT id, version, code, kind, title, title_en, description, contact, region_code FROM service_offers";

/// Every offer, in catalogue order.
pub async fn list(db: &Db) -> Result<Vec<StoredOffer>> {
    let rows: Vec<Row> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY position, code"))).fetch_all(db.pool()).await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// One offer.
pub async fn get(db: &Db, id: i64) -> Result<StoredOffer> {
    let row: Row = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)?;
    row.try_into()
}

/// The offers with these codes, in catalogue order.
pub async fn by_codes(db: &Db, codes: &[String]) -> Result<Vec<StoredOffer>> {
    Ok(list(db).await?.into_iter().filter(|o| codes.contains(&o.offer.code)).collect())
}

/// Codes of every offer.
pub async fn codes(db: &Db) -> Result<HashSet<String>> {
    let codes: Vec<String> = sqlx::query_scalar("SELECT code FROM service_offers").fetch_all(db.pool()).await?;
    Ok(codes.into_iter().collect())
}

/// Creates or updates every offer of a file, in one transaction; the file's order becomes the
/// catalogue's order. Offers absent from the file are kept.
pub async fn upsert_all(db: impl Into<Writer<'_>>, offers: &[ServiceOffer]) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    for (position, o) in offers.iter().enumerate() {
        sqlx::query(
            "INSERT INTO service_offers (code, kind, title, title_en, description, contact, region_code, position, version, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9)
             ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, title = excluded.title, title_en = excluded.title_en,
               description = excluded.description, contact = excluded.contact, region_code = excluded.region_code,
               position = excluded.position, version = service_offers.version + 1, updated_at = excluded.updated_at",
        )
        .bind(&o.code)
        .bind(o.kind.code())
        .bind(&o.title)
        .bind(o.title_en.clone())
        .bind(&o.description)
        .bind(o.contact.clone())
        .bind(o.region.clone())
        .bind(position as i64)
        .bind(now())
        .execute(&mut *tx)
        .await?;
    }
    w.commit(tx).await?;
    Ok(())
}

/// Adds one offer at the end of the catalogue; a taken code gives [`StorageError::Conflict`].
pub async fn create(db: impl Into<Writer<'_>>, o: &ServiceOffer) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO service_offers (code, kind, title, title_en, description, contact, region_code, position, version, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT COALESCE(MAX(position), 0) + 1 FROM service_offers), 1, $8) RETURNING id",
    )
    .bind(&o.code)
    .bind(o.kind.code())
    .bind(&o.title)
    .bind(o.title_en.clone())
    .bind(&o.description)
    .bind(o.contact.clone())
    .bind(o.region.clone())
    .bind(now())
    .fetch_one(&mut *tx)
    .await
    .map_err(StorageError::from_write)?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// Updates an offer if nobody changed it since `expected_version`; its code never changes, since
/// referentials link to it.
pub async fn update(db: impl Into<Writer<'_>>, id: i64, expected_version: i64, o: &ServiceOffer) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE service_offers SET kind = $1, title = $2, title_en = $3, description = $4, contact = $5, region_code = $6,
           version = version + 1, updated_at = $7 WHERE id = $8 AND version = $9",
    )
    .bind(o.kind.code())
    .bind(&o.title)
    .bind(o.title_en.clone())
    .bind(&o.description)
    .bind(o.contact.clone())
    .bind(o.region.clone())
    .bind(now())
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        return w.commit(tx).await;
    }
    Err(crate::db::refused(&mut *tx, "service_offers", "id", id, expected_version).await?)
}
