//! Referential versions: imported whole in one transaction, read back exactly, searched, and
//! never changed afterwards (a new version is a new import).

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::OrganisationType;
use cap_domain::UserId;
use cap_domain::referential::{
    AnswerType, CodeChange, CodeMapEntry, Level, Mapping, Node, NodeKind, Referential, Relation, Scale,
};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

/// A version as listed.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct VersionSummary {
    /// Row id.
    pub id: i64,
    /// The referential's code.
    pub code: String,
    /// The version.
    pub version: String,
    /// Title.
    pub title: String,
    /// English title.
    pub title_en: Option<String>,
    /// Whether it ships with Cap (an example to replace).
    pub builtin: i64,
    /// When a campaign first used it, if one did.
    pub frozen_at: Option<i64>,
    /// When it was imported.
    pub imported_at: i64,
    /// Number of indicators.
    pub indicator_count: i64,
}

const SUMMARY: &str = "SELECT v.id, v.code, v.version, v.title, v.title_en, v.builtin, v.frozen_at, v.imported_at,
    v.indicator_count FROM referential_versions v";

/// Every version, by referential then import order.
pub async fn list(db: &Db) -> Result<Vec<VersionSummary>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SUMMARY} ORDER BY v.code, v.id"))).fetch_all(db.pool()).await?)
}

/// One version's summary.
pub async fn summary(db: &Db, id: i64) -> Result<VersionSummary> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SUMMARY} WHERE v.id = $1")))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)
}

/// The id of a version, if imported.
pub async fn find(db: &Db, code: &str, version: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT id FROM referential_versions WHERE code = $1 AND version = $2")
        .bind(code)
        .bind(version)
        .fetch_optional(db.pool())
        .await?)
}

/// Whether any referential is stored (the built-in ones load on first start otherwise).
pub async fn is_empty(db: &Db) -> Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM referential_versions").fetch_one(db.pool()).await?;
    Ok(n == 0)
}

/// Adds the easy-to-read statements of `r` to the stored version `id` where it has none yet.
/// Versions never change what is rated; these texts only help reading, so a version imported
/// before they existed gains them. Returns how many indicators gained one.
pub async fn add_easy_read(db: &Db, id: i64, r: &Referential) -> Result<u64> {
    let mut tx = db.pool().begin().await?;
    let mut added = 0;
    for n in r.nodes.iter().filter(|n| n.easy_read.is_some() || n.easy_read_en.is_some()) {
        let done = sqlx::query(
            "UPDATE referential_nodes SET easy_read = $1, easy_read_en = $2
             WHERE version_id = $3 AND code = $4 AND easy_read IS NULL AND easy_read_en IS NULL",
        )
        .bind(n.easy_read.clone())
        .bind(n.easy_read_en.clone())
        .bind(id)
        .bind(&n.code)
        .execute(&mut *tx)
        .await?;
        added += done.rows_affected();
    }
    tx.commit().await?;
    Ok(added)
}

fn json_list<S: AsRef<str>>(items: &[S]) -> String {
    Value::Array(items.iter().map(|s| Value::String(s.as_ref().to_owned())).collect()).to_string()
}

fn parse_list(text: &str, what: &str) -> Result<Vec<String>> {
    serde_json::from_str(text).map_err(|_| StorageError::Corrupt(format!("{what}: {text}")))
}

fn scale_json(scale: &Scale) -> String {
    json!({
        "not_applicable": scale.not_applicable,
        "unknown": scale.unknown,
        "default_target": scale.default_target,
        "levels": scale.levels.iter().map(|l| json!({
            "value": l.value, "label": l.label, "label_en": l.label_en, "descriptor": l.descriptor,
        })).collect::<Vec<_>>(),
    })
    .to_string()
}

fn parse_scale(text: &str) -> Result<Scale> {
    let corrupt = || StorageError::Corrupt("scale".into());
    let v: Value = serde_json::from_str(text).map_err(|_| corrupt())?;
    let levels = v["levels"]
        .as_array()
        .ok_or_else(corrupt)?
        .iter()
        .map(|l| {
            Ok(Level {
                value: l["value"].as_i64().ok_or_else(corrupt)?,
                label: l["label"].as_str().ok_or_else(corrupt)?.to_owned(),
                label_en: l["label_en"].as_str().map(str::to_owned),
                descriptor: l["descriptor"].as_str().ok_or_else(corrupt)?.to_owned(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Scale {
        not_applicable: v["not_applicable"].as_bool().unwrap_or(false),
        unknown: v["unknown"].as_bool().unwrap_or(false),
        default_target: v["default_target"].as_i64(),
        levels,
    })
}

/// Imports a validated version in one transaction. A version already imported gives
/// [`StorageError::Conflict`]: versions are never changed, a new one is published instead.
pub async fn import(db: impl Into<Writer<'_>>, r: &Referential, builtin: bool, by: Option<UserId>) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let version_id: i64 = sqlx::query_scalar(
        "INSERT INTO referential_versions (code, version, language, title, title_en, previous, description, notice, scale,
            indicator_count, builtin, imported_at, imported_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(&r.code)
    .bind(&r.version)
    .bind(&r.language)
    .bind(&r.title)
    .bind(r.title_en.clone())
    .bind(r.previous.clone())
    .bind(r.description.clone())
    .bind(r.notice.clone())
    .bind(scale_json(&r.scale))
    .bind(r.indicators().count() as i64)
    .bind(i64::from(builtin))
    .bind(now())
    .bind(by.map(|u| u.0))
    .fetch_one(&mut *tx)
    .await
    .map_err(StorageError::from_write)?;
    for (position, n) in r.nodes.iter().enumerate() {
        let types: Vec<&str> = n.applies_to.iter().map(|t| t.code()).collect();
        let node_id: i64 = sqlx::query_scalar(
            "INSERT INTO referential_nodes (version_id, position, code, kind, parent_code, title, title_en, statement,
                statement_en, answer, unit, min_value, max_value, applies_to, weight, target, services, guidance, evidence,
                easy_read, easy_read_en)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
             RETURNING id",
        )
        .bind(version_id)
        .bind(position as i64)
        .bind(&n.code)
        .bind(n.kind.code())
        .bind(n.parent.clone())
        .bind(n.title.clone())
        .bind(n.title_en.clone())
        .bind(n.statement.clone())
        .bind(n.statement_en.clone())
        .bind(n.answer.code())
        .bind(n.unit.clone())
        .bind(n.min)
        .bind(n.max)
        .bind(json_list(&types))
        .bind(n.weight)
        .bind(n.target)
        .bind(json_list(&n.services))
        .bind(n.guidance.clone())
        .bind(json_list(&n.evidence))
        .bind(n.easy_read.clone())
        .bind(n.easy_read_en.clone())
        .fetch_one(&mut *tx)
        .await?;
        for (mpos, m) in n.mappings.iter().enumerate() {
            sqlx::query(
                "INSERT INTO referential_mappings (node_id, position, target_referential, target_code, relation, rationale)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(node_id)
            .bind(mpos as i64)
            .bind(&m.referential)
            .bind(&m.code)
            .bind(m.relation.code())
            .bind(&m.rationale)
            .execute(&mut *tx)
            .await?;
        }
    }
    for (position, e) in r.code_map.iter().enumerate() {
        sqlx::query(
            "INSERT INTO referential_code_maps (version_id, position, old_code, new_codes, change, note)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(version_id)
        .bind(position as i64)
        .bind(&e.old)
        .bind(json_list(&e.new))
        .bind(e.change.code())
        .bind(e.note.clone())
        .execute(&mut *tx)
        .await?;
    }
    w.commit(tx).await?;
    Ok(version_id)
}

#[derive(sqlx::FromRow)]
struct HeaderRow {
    code: String,
    version: String,
    language: String,
    title: String,
    title_en: Option<String>,
    previous: Option<String>,
    description: Option<String>,
    notice: Option<String>,
    scale: String,
}

#[derive(sqlx::FromRow)]
struct NodeRow {
    id: i64,
    code: String,
    kind: String,
    parent_code: Option<String>,
    title: Option<String>,
    title_en: Option<String>,
    statement: Option<String>,
    statement_en: Option<String>,
    answer: String,
    unit: Option<String>,
    min_value: Option<i64>,
    max_value: Option<i64>,
    applies_to: String,
    weight: i64,
    target: Option<i64>,
    services: String,
    guidance: Option<String>,
    evidence: String,
    easy_read: Option<String>,
    easy_read_en: Option<String>,
}

const NODE_COLUMNS: &str = "id, code, kind, parent_code, title, title_en, statement, statement_en, answer, unit,
    min_value, max_value, applies_to, weight, target, services, guidance, evidence, easy_read, easy_read_en";

fn node_from_row(r: NodeRow, mappings: Vec<Mapping>) -> Result<Node> {
    let corrupt = |what: &str| StorageError::Corrupt(format!("node {}: {what}", r.code));
    let kind = NodeKind::from_code(&r.kind).ok_or_else(|| corrupt("kind"))?;
    let answer = AnswerType::from_code(&r.answer).ok_or_else(|| corrupt("answer"))?;
    let applies_to = parse_list(&r.applies_to, "applies_to")?
        .iter()
        .map(|c| OrganisationType::from_code(c).map_err(|_| corrupt("applies_to")))
        .collect::<Result<Vec<_>>>()?;
    Ok(Node {
        kind,
        answer,
        applies_to,
        services: parse_list(&r.services, "services")?,
        evidence: parse_list(&r.evidence, "evidence")?,
        code: r.code,
        parent: r.parent_code,
        title: r.title,
        title_en: r.title_en,
        statement: r.statement,
        statement_en: r.statement_en,
        easy_read: r.easy_read,
        easy_read_en: r.easy_read_en,
        unit: r.unit,
        min: r.min_value,
        max: r.max_value,
        weight: r.weight,
        target: r.target,
        guidance: r.guidance,
        mappings,
    })
}

#[derive(sqlx::FromRow)]
struct MappingRow {
    node_id: i64,
    target_referential: String,
    target_code: String,
    relation: String,
    rationale: String,
}

/// Reads a version's header and scale only (no nodes), for pages that list a few nodes.
pub async fn load_header(db: &Db, id: i64) -> Result<Referential> {
    let h: HeaderRow = sqlx::query_as(
        "SELECT code, version, language, title, title_en, previous, description, notice, scale FROM referential_versions
         WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StorageError::NotFound)?;
    Ok(Referential {
        code: h.code,
        version: h.version,
        language: h.language,
        title: h.title,
        title_en: h.title_en,
        previous: h.previous,
        description: h.description,
        notice: h.notice,
        scale: parse_scale(&h.scale)?,
        nodes: Vec::new(),
        code_map: Vec::new(),
    })
}

/// Reads a version back, exactly as it was imported.
pub async fn load(db: &Db, id: i64) -> Result<Referential> {
    let header = load_header(db, id).await?;
    let rows: Vec<NodeRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {NODE_COLUMNS} FROM referential_nodes WHERE version_id = $1 ORDER BY position"
    )))
    .bind(id)
    .fetch_all(db.pool())
    .await?;
    let mapping_rows: Vec<MappingRow> = sqlx::query_as(
        "SELECT m.node_id, m.target_referential, m.target_code, m.relation, m.rationale
         FROM referential_mappings m JOIN referential_nodes n ON n.id = m.node_id
         WHERE n.version_id = $1 ORDER BY m.node_id, m.position",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?;
    let mut by_node: HashMap<i64, Vec<Mapping>> = HashMap::new();
    for m in mapping_rows {
        let relation = Relation::from_code(&m.relation).ok_or_else(|| StorageError::Corrupt("relation".into()))?;
        by_node.entry(m.node_id).or_default().push(Mapping {
            referential: m.target_referential,
            code: m.target_code,
            relation,
            rationale: m.rationale,
        });
    }
    let nodes = rows
        .into_iter()
        .map(|r| {
            let mappings = by_node.remove(&r.id).unwrap_or_default();
            node_from_row(r, mappings)
        })
        .collect::<Result<Vec<_>>>()?;
    let maps: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT old_code, new_codes, change, note FROM referential_code_maps WHERE version_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?;
    let code_map = maps
        .into_iter()
        .map(|(old, new, change, note)| {
            Ok(CodeMapEntry {
                old,
                new: parse_list(&new, "new_codes")?,
                change: CodeChange::from_code(&change).ok_or_else(|| StorageError::Corrupt("change".into()))?,
                note,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Referential { nodes, code_map, ..header })
}

/// For each referential, the node codes of its latest version (what mappings may point at).
pub async fn latest_node_codes(db: &Db) -> Result<HashMap<String, HashSet<String>>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT v.code, n.code FROM referential_nodes n JOIN referential_versions v ON v.id = n.version_id
         WHERE v.id IN (SELECT MAX(id) FROM referential_versions GROUP BY code)",
    )
    .fetch_all(db.pool())
    .await?;
    let mut out: HashMap<String, HashSet<String>> = HashMap::new();
    for (referential, node) in rows {
        out.entry(referential).or_default().insert(node);
    }
    Ok(out)
}

/// The node codes of one version.
pub async fn node_codes(db: &Db, id: i64) -> Result<HashSet<String>> {
    let codes: Vec<String> = sqlx::query_scalar("SELECT code FROM referential_nodes WHERE version_id = $1")
        .bind(id)
        .fetch_all(db.pool())
        .await?;
    Ok(codes.into_iter().collect())
}

/// One node of a version.
pub async fn node(db: &Db, id: i64, code: &str) -> Result<Node> {
    let row: NodeRow = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {NODE_COLUMNS} FROM referential_nodes WHERE version_id = $1 AND code = $2"
    )))
    .bind(id)
    .bind(code)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StorageError::NotFound)?;
    let mappings: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT target_referential, target_code, relation, rationale FROM referential_mappings WHERE node_id = $1
         ORDER BY position",
    )
    .bind(row.id)
    .fetch_all(db.pool())
    .await?;
    let mappings = mappings
        .into_iter()
        .map(|(referential, code, relation, rationale)| {
            let relation = Relation::from_code(&relation).ok_or_else(|| StorageError::Corrupt("relation".into()))?;
            Ok(Mapping { referential, code, relation, rationale })
        })
        .collect::<Result<Vec<_>>>()?;
    node_from_row(row, mappings)
}

/// A node of another referential that maps to a given node.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct IncomingMapping {
    /// The version holding the mapping node.
    pub version_id: i64,
    /// Its referential's title.
    pub referential_title: String,
    /// The mapping node's code.
    pub code: String,
    /// Its title or statement.
    pub label: String,
    /// The relation, from the mapping node's side.
    pub relation: String,
    /// Why.
    pub rationale: String,
}

/// Nodes of the latest version of every other referential that map to `code` of `referential`.
pub async fn incoming_mappings(db: &Db, referential: &str, code: &str) -> Result<Vec<IncomingMapping>> {
    Ok(sqlx::query_as(
        "SELECT v.id AS version_id, v.title AS referential_title, n.code, COALESCE(n.title, n.statement, n.code) AS label,
                m.relation, m.rationale
         FROM referential_mappings m
         JOIN referential_nodes n ON n.id = m.node_id
         JOIN referential_versions v ON v.id = n.version_id
         WHERE m.target_referential = $1 AND m.target_code = $2
           AND v.id IN (SELECT MAX(id) FROM referential_versions GROUP BY code)
         ORDER BY v.title, n.position",
    )
    .bind(referential)
    .bind(code)
    .fetch_all(db.pool())
    .await?)
}

/// The id of the latest version of a referential code.
pub async fn latest_version(db: &Db, code: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT MAX(id) FROM referential_versions WHERE code = $1")
        .bind(code)
        .fetch_one(db.pool())
        .await?)
}

/// Marks a version as used (a campaign started on it); it can never be replaced after that.
pub async fn freeze(db: &Db, id: i64) -> Result<()> {
    sqlx::query("UPDATE referential_versions SET frozen_at = COALESCE(frozen_at, $1) WHERE id = $2")
        .bind(now())
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(())
}
