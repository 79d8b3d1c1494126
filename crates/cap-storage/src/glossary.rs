//! Glossaries: the federation's (no group) and each group's terms with their definitions,
//! versioned, every version kept.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;
use cap_domain::glossary::{TermInput, same_term};

/// A term as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Term {
    /// Row id.
    pub id: i64,
    /// The group whose glossary holds it; none for the federation's.
    pub group_id: Option<i64>,
    /// The term.
    pub term: String,
    /// Its definition.
    pub definition: String,
    /// Its version, 1 when written first.
    pub version: i64,
    /// Who wrote the definition last, by name (none once their account was erased).
    pub updated_by: Option<String>,
    /// When (UTC seconds).
    pub updated_at: i64,
}

/// One version of a term, as it was written.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Revision {
    /// Its version.
    pub version: i64,
    /// The term then.
    pub term: String,
    /// The definition then.
    pub definition: String,
    /// Who wrote it, by name.
    pub written_by: Option<String>,
    /// When (UTC seconds).
    pub written_at: i64,
}

type Tx = sqlx::Transaction<'static, sqlx::Any>;

const SELECT: &str = "SELECT t.id, t.group_id, t.term, t.definition, t.version, u.display_name AS updated_by,
    t.updated_at FROM glossary_terms t LEFT JOIN users u ON u.id = t.updated_by";

/// The terms of one glossary (the federation's when `group` is `None`), in alphabetical order.
pub async fn terms(db: &Db, group: Option<i64>) -> Result<Vec<Term>> {
    let mut found: Vec<Term> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE (t.group_id IS NULL AND $1 IS NULL) OR t.group_id = $1"
    )))
    .bind(group)
    .fetch_all(db.pool())
    .await?;
    // People's order, accents aside (« Établissement » among the E), not the bytes'.
    found.sort_by_cached_key(|t| cap_domain::glossary::anchor(&t.term));
    Ok(found)
}

/// The federation's terms and, when `group` is given, that group's, in one query (for a page
/// that shows the words its texts use); the group's first, each glossary in alphabetical order.
pub async fn terms_with_federation(db: &Db, group: Option<i64>) -> Result<Vec<Term>> {
    let mut found: Vec<Term> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE t.group_id IS NULL OR t.group_id = $1")))
            .bind(group)
            .fetch_all(db.pool())
            .await?;
    found.sort_by_cached_key(|t| (t.group_id.is_none(), cap_domain::glossary::anchor(&t.term)));
    Ok(found)
}

/// One term; [`StorageError::NotFound`] when there is none.
pub async fn get(db: &Db, id: i64) -> Result<Term> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE t.id = $1")))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)
}

/// Every version of a term, the latest first.
pub async fn history(db: &Db, id: i64) -> Result<Vec<Revision>> {
    Ok(sqlx::query_as(
        "SELECT r.version, r.term, r.definition, u.display_name AS written_by, r.written_at
         FROM glossary_revisions r LEFT JOIN users u ON u.id = r.written_by
         WHERE r.term_id = $1 ORDER BY r.version DESC",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?)
}

/// Whether the glossary already holds `term` (case and accents aside), other than `except`.
async fn taken(tx: &mut Tx, group: Option<i64>, term: &str, except: i64) -> Result<bool> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT term FROM glossary_terms WHERE ((group_id IS NULL AND $1 IS NULL) OR group_id = $1) AND id <> $2",
    )
    .bind(group)
    .bind(except)
    .fetch_all(&mut **tx)
    .await?;
    Ok(names.iter().any(|n| same_term(n, term)))
}

async fn keep_revision(tx: &mut Tx, id: i64, version: i64, t: &TermInput, by: Option<UserId>) -> Result<()> {
    sqlx::query(
        "INSERT INTO glossary_revisions (term_id, version, term, definition, written_by, written_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(version)
    .bind(&t.term)
    .bind(&t.definition)
    .bind(by.map(|u| u.0))
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Adds a term to a glossary; its id. [`StorageError::Conflict`] when the glossary holds it
/// already.
pub async fn add(db: impl Into<Writer<'_>>, group: Option<i64>, t: &TermInput, by: Option<UserId>) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    if taken(&mut tx, group, &t.term, 0).await? {
        return Err(StorageError::Conflict);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO glossary_terms (group_id, term, definition, version, updated_by, updated_at)
         VALUES ($1, $2, $3, 1, $4, $5) RETURNING id",
    )
    .bind(group)
    .bind(&t.term)
    .bind(&t.definition)
    .bind(by.map(|u| u.0))
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    keep_revision(&mut tx, id, 1, t, by).await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// Writes a new version of term `id`, read at `expected_version`; the new version. Refused with
/// [`StorageError::Stale`] when someone wrote it meanwhile, [`StorageError::Conflict`] when
/// another term of the glossary is already called so.
pub async fn update(
    db: impl Into<Writer<'_>>,
    id: i64,
    t: &TermInput,
    expected_version: i64,
    by: Option<UserId>,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let group: Option<Option<i64>> = sqlx::query_scalar("SELECT group_id FROM glossary_terms WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let group = group.ok_or(StorageError::NotFound)?;
    if taken(&mut tx, group, &t.term, id).await? {
        return Err(StorageError::Conflict);
    }
    let written = sqlx::query(
        "UPDATE glossary_terms SET term = $1, definition = $2, version = version + 1, updated_by = $3, updated_at = $4
         WHERE id = $5 AND version = $6",
    )
    .bind(&t.term)
    .bind(&t.definition)
    .bind(by.map(|u| u.0))
    .bind(now())
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if written != 1 {
        return Err(crate::db::refused(&mut *tx, "glossary_terms", "id", id, expected_version).await?);
    }
    keep_revision(&mut tx, id, expected_version + 1, t, by).await?;
    w.commit(tx).await?;
    Ok(expected_version + 1)
}

/// Removes a term and its versions; what it was.
pub async fn remove(db: impl Into<Writer<'_>>, id: i64) -> Result<Term> {
    let w = db.into();
    let found = get(w.db(), id).await?;
    let mut tx = w.begin().await?;
    sqlx::query("DELETE FROM glossary_terms WHERE id = $1").bind(id).execute(&mut *tx).await?;
    w.commit(tx).await?;
    Ok(found)
}
