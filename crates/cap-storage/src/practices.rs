//! Good practices: written with their indicators and attachments in one transaction, listed by
//! status, indicator, author or region, and moderated with a version check so two delegates never
//! overwrite each other's decision.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::practice::{PracticeInput, PracticeKind, PracticeStatus};
use cap_domain::{OrganisationId, UserId};
use std::collections::HashMap;

/// An attachment's description (its content is read only on download).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FileInfo {
    /// Identifier.
    pub id: i64,
    /// The name shown and proposed on download.
    pub name: String,
    /// Its media type.
    pub media_type: String,
    /// Its size in bytes.
    pub size: i64,
}

/// An attachment with its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    /// The name proposed on download.
    pub name: String,
    /// Its media type.
    pub media_type: String,
    /// The bytes.
    pub content: Vec<u8>,
}

/// An attachment to write.
#[derive(Debug, Clone, Copy)]
pub struct NewFile<'a> {
    /// The cleaned name.
    pub name: &'a str,
    /// Its media type.
    pub media_type: &'a str,
    /// The bytes.
    pub content: &'a [u8],
}

/// A practice as pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Practice {
    /// Identifier.
    pub id: i64,
    /// The organisation that shares it.
    pub organisation_id: i64,
    /// Its name.
    pub organisation: String,
    /// Its type's code.
    pub org_type: String,
    /// Its region.
    pub region_id: i64,
    /// The region's name.
    pub region: String,
    /// Its group, if any.
    pub group_id: Option<i64>,
    /// Who wrote it (none when the account was removed).
    pub author_id: Option<i64>,
    /// Their name (an erased person is named anonymously).
    pub author: Option<String>,
    /// The referential whose indicators it is linked to.
    pub referential_code: String,
    /// What is shared.
    pub kind: PracticeKind,
    /// Title.
    pub title: String,
    /// Text.
    pub body: String,
    /// Where it stands.
    pub status: PracticeStatus,
    /// The moderator's note (the reason of a refusal).
    pub moderation_note: String,
    /// When it was last moderated.
    pub moderated_at: Option<i64>,
    /// When it was published.
    pub published_at: Option<i64>,
    /// When it was shared.
    pub created_at: i64,
    /// Incremented on every moderation.
    pub version: i64,
    /// The indicators' codes, in the author's order.
    pub indicators: Vec<String>,
    /// The attachments.
    pub files: Vec<FileInfo>,
}

/// Which practices to list; every filter left `None` lets all through.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter<'a> {
    /// Only of this status.
    pub status: Option<PracticeStatus>,
    /// Only linked to this referential.
    pub referential: Option<&'a str>,
    /// Only linked to this indicator (with `referential`).
    pub indicator: Option<&'a str>,
    /// Only of this kind.
    pub kind: Option<PracticeKind>,
    /// Only of organisations of this region.
    pub region: Option<i64>,
    /// Only written by this person.
    pub author: Option<UserId>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    organisation_id: i64,
    organisation: String,
    org_type: String,
    region_id: i64,
    region: String,
    group_id: Option<i64>,
    author_id: Option<i64>,
    author: Option<String>,
    referential_code: String,
    kind: String,
    title: String,
    body: String,
    status: String,
    moderation_note: String,
    moderated_at: Option<i64>,
    published_at: Option<i64>,
    created_at: i64,
    version: i64,
}

const SELECT: &str = "SELECT p.id, p.organisation_id, o.name AS organisation, o.org_type, o.region_id,
        r.name AS region, o.group_id, p.author_id, u.display_name AS author, p.referential_code, p.kind, p.title,
        p.body, p.status, p.moderation_note, p.moderated_at, p.published_at, p.created_at, p.version
    FROM good_practices p JOIN organisations o ON o.id = p.organisation_id JOIN regions r ON r.id = o.region_id
    LEFT JOIN users u ON u.id = p.author_id";

/// Shares a practice, pending moderation, with its indicators and attachments; returns its id.
pub async fn add(
    db: impl Into<Writer<'_>>,
    organisation: OrganisationId,
    author: UserId,
    referential: &str,
    input: &PracticeInput,
    files: &[NewFile<'_>],
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO good_practices (organisation_id, author_id, referential_code, kind, title, body, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(organisation.0)
    .bind(author.0)
    .bind(referential)
    .bind(input.kind.code())
    .bind(&input.title)
    .bind(&input.body)
    .bind(PracticeStatus::Pending.code())
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    insert_indicators(&mut tx, id, &input.indicators).await?;
    insert_files(&mut tx, id, 0, files).await?;
    touch(&mut tx).await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// Corrects a practice as its author: kind, title, text and indicators replaced, the attachments
/// not in `keep` removed and `files` added. It goes back to waiting for moderation (a published
/// one too: the delegates read what changed). Refused as stale if anyone changed or moderated it
/// since `expected_version`.
pub async fn update(
    db: impl Into<Writer<'_>>,
    id: i64,
    expected_version: i64,
    input: &PracticeInput,
    keep: &[i64],
    files: &[NewFile<'_>],
) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE good_practices SET kind = $1, title = $2, body = $3, status = $4, moderation_note = '',
                published_at = NULL, version = version + 1
         WHERE id = $5 AND version = $6",
    )
    .bind(input.kind.code())
    .bind(&input.title)
    .bind(&input.body)
    .bind(PracticeStatus::Pending.code())
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(crate::db::refused(&mut *tx, "good_practices", "id", id, expected_version).await?);
    }
    sqlx::query("DELETE FROM good_practice_indicators WHERE practice_id = $1").bind(id).execute(&mut *tx).await?;
    insert_indicators(&mut tx, id, &input.indicators).await?;
    let stored: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, position FROM good_practice_files WHERE practice_id = $1 ORDER BY position")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
    for (file, _) in stored.iter().filter(|(file, _)| !keep.contains(file)) {
        sqlx::query("DELETE FROM good_practice_files WHERE id = $1").bind(file).execute(&mut *tx).await?;
    }
    let next = stored.iter().map(|(_, position)| position + 1).max().unwrap_or(0);
    insert_files(&mut tx, id, next, files).await?;
    touch(&mut tx).await?;
    w.commit(tx).await?;
    Ok(())
}

async fn insert_indicators(tx: &mut sqlx::Transaction<'static, sqlx::Any>, id: i64, codes: &[String]) -> Result<()> {
    for (position, code) in codes.iter().enumerate() {
        sqlx::query("INSERT INTO good_practice_indicators (practice_id, node_code, position) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(code)
            .bind(position as i64)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn insert_files(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: i64,
    first_position: i64,
    files: &[NewFile<'_>],
) -> Result<()> {
    for (i, file) in files.iter().enumerate() {
        sqlx::query(
            "INSERT INTO good_practice_files (practice_id, position, name, media_type, size, content)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(first_position + i as i64)
        .bind(file.name)
        .bind(file.media_type)
        .bind(file.content.len() as i64)
        .bind(file.content.to_vec())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// One practice.
pub async fn get(db: &Db, id: i64) -> Result<Practice> {
    let row: Row = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE p.id = $1")))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)?;
    Ok(complete(db, vec![row]).await?.remove(0))
}

/// The practices `filter` lets through, newest first (published ones by publication date).
pub async fn list(db: &Db, filter: &Filter<'_>) -> Result<Vec<Practice>> {
    let (conditions, values) = filter.conditions();
    let sql = format!("{SELECT} {conditions} {}", filter.order());
    let rows: Vec<Row> = bind(sqlx::query_as(sqlx::AssertSqlSafe(sql)), values).fetch_all(db.pool()).await?;
    complete(db, rows).await
}

/// One page of [`list`]: at most `limit` practices after the first `offset`.
pub async fn list_page(db: &Db, filter: &Filter<'_>, limit: i64, offset: i64) -> Result<Vec<Practice>> {
    let (conditions, mut values) = filter.conditions();
    let n = values.len();
    let sql = format!("{SELECT} {conditions} {} LIMIT ${} OFFSET ${}", filter.order(), n + 1, n + 2);
    values.extend([Value::Int(limit), Value::Int(offset)]);
    let rows: Vec<Row> = bind(sqlx::query_as(sqlx::AssertSqlSafe(sql)), values).fetch_all(db.pool()).await?;
    complete(db, rows).await
}

/// How many practices `filter` lets through.
pub async fn count(db: &Db, filter: &Filter<'_>) -> Result<i64> {
    let (conditions, values) = filter.conditions();
    let join = if filter.region.is_some() { "JOIN organisations o ON o.id = p.organisation_id" } else { "" };
    let sql = format!("SELECT COUNT(*) FROM good_practices p {join} {conditions}");
    let (n,): (i64,) = bind(sqlx::query_as(sqlx::AssertSqlSafe(sql)), values).fetch_one(db.pool()).await?;
    Ok(n)
}

/// A value bound to a query built from a filter.
enum Value {
    Text(String),
    Int(i64),
}

fn bind<'q, O>(
    mut query: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments>,
    values: Vec<Value>,
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments> {
    for value in values {
        query = match value {
            Value::Text(text) => query.bind(text),
            Value::Int(n) => query.bind(n),
        };
    }
    query
}

impl Filter<'_> {
    /// The `WHERE` clause with only the conditions set, so each engine can use its indexes, and
    /// the values of its placeholders in order.
    fn conditions(&self) -> (String, Vec<Value>) {
        let mut clauses: Vec<String> = Vec::new();
        let mut values = Vec::new();
        let mut add = |clause: &str, value: Value| {
            values.push(value);
            clauses.push(clause.replace('?', &format!("${}", values.len())));
        };
        if let Some(status) = self.status {
            add("p.status = ?", Value::Text(status.code().to_owned()));
        }
        if let Some(code) = self.referential {
            add("p.referential_code = ?", Value::Text(code.to_owned()));
        }
        if let Some(code) = self.indicator {
            add(
                "p.id IN (SELECT gi.practice_id FROM good_practice_indicators gi WHERE gi.node_code = ?)",
                Value::Text(code.to_owned()),
            );
        }
        if let Some(kind) = self.kind {
            add("p.kind = ?", Value::Text(kind.code().to_owned()));
        }
        if let Some(region) = self.region {
            add("o.region_id = ?", Value::Int(region));
        }
        if let Some(author) = self.author {
            add("p.author_id = ?", Value::Int(author.0));
        }
        if clauses.is_empty() { (String::new(), values) } else { (format!("WHERE {}", clauses.join(" AND ")), values) }
    }

    /// Published practices by publication date (an index serves it), others by creation.
    fn order(&self) -> &'static str {
        if self.status == Some(PracticeStatus::Published) {
            "ORDER BY p.published_at DESC, p.id DESC"
        } else {
            "ORDER BY p.id DESC"
        }
    }
}

/// Adds the indicators and attachments of the rows, two queries for all of them.
async fn complete(db: &Db, rows: Vec<Row>) -> Result<Vec<Practice>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    // Identifiers are integers from the database, so listing them in the query is safe.
    let ids = rows.iter().map(|r| r.id.to_string()).collect::<Vec<_>>().join(",");
    let links: Vec<(i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT practice_id, node_code FROM good_practice_indicators WHERE practice_id IN ({ids})
         ORDER BY practice_id, position"
    )))
    .fetch_all(db.pool())
    .await?;
    let files: Vec<(i64, i64, String, String, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT practice_id, id, name, media_type, size FROM good_practice_files WHERE practice_id IN ({ids})
         ORDER BY practice_id, position"
    )))
    .fetch_all(db.pool())
    .await?;
    let mut indicators: HashMap<i64, Vec<String>> = HashMap::new();
    for (practice, code) in links {
        indicators.entry(practice).or_default().push(code);
    }
    let mut attachments: HashMap<i64, Vec<FileInfo>> = HashMap::new();
    for (practice, id, name, media_type, size) in files {
        attachments.entry(practice).or_default().push(FileInfo { id, name, media_type, size });
    }
    rows.into_iter()
        .map(|r| {
            let corrupt = || StorageError::Corrupt(format!("good practice {}", r.id));
            Ok(Practice {
                kind: PracticeKind::from_code(&r.kind).ok_or_else(corrupt)?,
                status: PracticeStatus::from_code(&r.status).ok_or_else(corrupt)?,
                indicators: indicators.remove(&r.id).unwrap_or_default(),
                files: attachments.remove(&r.id).unwrap_or_default(),
                id: r.id,
                organisation_id: r.organisation_id,
                organisation: r.organisation,
                org_type: r.org_type,
                region_id: r.region_id,
                region: r.region,
                group_id: r.group_id,
                author_id: r.author_id,
                author: r.author,
                referential_code: r.referential_code,
                title: r.title,
                body: r.body,
                moderation_note: r.moderation_note,
                moderated_at: r.moderated_at,
                published_at: r.published_at,
                created_at: r.created_at,
                version: r.version,
            })
        })
        .collect()
}

/// A number that changes with every write to the practices (in the same transaction), so views
/// computed from them can be kept until it moves, on any instance.
pub async fn stamp(db: &Db) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT changes FROM good_practice_stamp WHERE id = 1").fetch_one(db.pool()).await?)
}

async fn touch(tx: &mut sqlx::Transaction<'static, sqlx::Any>) -> Result<()> {
    sqlx::query("UPDATE good_practice_stamp SET changes = changes + 1 WHERE id = 1").execute(&mut **tx).await?;
    Ok(())
}

/// How many published practices each indicator of a referential has.
pub async fn published_counts(db: &Db, referential: &str) -> Result<HashMap<String, i64>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT gi.node_code, COUNT(*) FROM good_practice_indicators gi JOIN good_practices p ON p.id = gi.practice_id
         WHERE p.status = $1 AND p.referential_code = $2 GROUP BY gi.node_code",
    )
    .bind(PracticeStatus::Published.code())
    .bind(referential)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().collect())
}

/// One attachment of a practice.
pub async fn file(db: &Db, practice: i64, file: i64) -> Result<StoredFile> {
    let row: Option<(String, String, Vec<u8>)> =
        sqlx::query_as("SELECT name, media_type, content FROM good_practice_files WHERE practice_id = $1 AND id = $2")
            .bind(practice)
            .bind(file)
            .fetch_optional(db.pool())
            .await?;
    let (name, media_type, content) = row.ok_or(StorageError::NotFound)?;
    Ok(StoredFile { name, media_type, content })
}

/// Moderates: sets the status and note, if nobody moderated it since `expected_version`.
pub async fn moderate(
    db: impl Into<Writer<'_>>,
    id: i64,
    status: PracticeStatus,
    note: &str,
    by: UserId,
    expected_version: i64,
) -> Result<()> {
    let at = now();
    let published_at = (status == PracticeStatus::Published).then_some(at);
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE good_practices SET status = $1, moderation_note = $2, moderated_by = $3, moderated_at = $4,
                published_at = $5, version = version + 1
         WHERE id = $6 AND version = $7",
    )
    .bind(status.code())
    .bind(note)
    .bind(by.0)
    .bind(at)
    .bind(published_at)
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        touch(&mut tx).await?;
        w.commit(tx).await?;
        return Ok(());
    }
    Err(crate::db::refused(&mut *tx, "good_practices", "id", id, expected_version).await?)
}

/// Deletes a practice with its indicators and attachments (its author takes it back).
pub async fn delete(db: impl Into<Writer<'_>>, id: i64) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    sqlx::query("DELETE FROM good_practice_files WHERE practice_id = $1").bind(id).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM good_practice_indicators WHERE practice_id = $1").bind(id).execute(&mut *tx).await?;
    let done = sqlx::query("DELETE FROM good_practices WHERE id = $1").bind(id).execute(&mut *tx).await?;
    if done.rows_affected() == 0 {
        return Err(StorageError::NotFound);
    }
    touch(&mut tx).await?;
    w.commit(tx).await?;
    Ok(())
}
