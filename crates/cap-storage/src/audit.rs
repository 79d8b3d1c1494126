//! The audit log: who wrote what, and when. Entries are only ever appended.

use crate::{Db, error::Result};
use cap_domain::UserId;

/// An entry to append.
#[derive(Debug, Clone, Copy)]
pub struct NewEntry<'a> {
    /// The acting user, if signed in.
    pub actor: Option<UserId>,
    /// How to name the actor even after their account is erased (their e-mail, or "système").
    pub actor_label: &'a str,
    /// What was done, as a stable code (`organisation.create`, `user.sign_in`…).
    pub action: &'a str,
    /// The kind of thing it was done to.
    pub entity: &'a str,
    /// Its identifier.
    pub entity_id: &'a str,
    /// A short human-readable summary of the change.
    pub details: &'a str,
    /// The client's address.
    pub ip: &'a str,
}

/// An entry to append together with a write (`Db::audited`), owning its words so that a caller
/// can build it from values of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pending {
    /// The acting user, if signed in.
    pub actor: Option<UserId>,
    /// How to name the actor even after their account is erased.
    pub actor_label: String,
    /// What was done, as a stable code.
    pub action: String,
    /// The kind of thing it was done to.
    pub entity: String,
    /// Its identifier; empty for a row the write creates, whose new identifier fills it.
    pub entity_id: String,
    /// A short human-readable summary of the change.
    pub details: String,
    /// The client's address.
    pub ip: String,
}

impl Pending {
    /// The entry to append, naming `created` when the entry left its identifier empty.
    pub(crate) fn entry<'a>(&'a self, created: Option<&'a str>) -> NewEntry<'a> {
        let entity_id = match created {
            Some(id) if self.entity_id.is_empty() => id,
            _ => &self.entity_id,
        };
        NewEntry {
            actor: self.actor,
            actor_label: &self.actor_label,
            action: &self.action,
            entity: &self.entity,
            entity_id,
            details: &self.details,
            ip: &self.ip,
        }
    }
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Entry {
    /// Identifier, increasing.
    pub id: i64,
    /// When, in UTC seconds.
    pub at: i64,
    /// Acting user, if any.
    pub actor_user_id: Option<i64>,
    /// Actor as named at the time.
    pub actor_label: String,
    /// Action code.
    pub action: String,
    /// Kind of thing.
    pub entity: String,
    /// Its identifier.
    pub entity_id: String,
    /// Summary.
    pub details: String,
    /// Client address.
    pub ip: String,
}

/// Appends an entry.
pub async fn append(db: &Db, entry: NewEntry<'_>) -> Result<()> {
    append_with(db.pool(), &entry).await
}

/// Appends an entry through `ex`: inside the transaction of the write it records, so neither
/// stands without the other.
pub(crate) async fn append_with<'e, E>(ex: E, entry: &NewEntry<'_>) -> Result<()>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO audit_log (at, actor_user_id, actor_label, action, entity, entity_id, details, ip)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(crate::now())
    .bind(entry.actor.map(|u| u.0))
    .bind(entry.actor_label)
    .bind(entry.action)
    .bind(entry.entity)
    .bind(entry.entity_id)
    .bind(entry.details)
    .bind(entry.ip)
    .execute(ex)
    .await?;
    Ok(())
}

/// The most recent entries, newest first, `limit` at a time, before the entry id `before`.
pub async fn recent(db: &Db, before: Option<i64>, limit: i64) -> Result<Vec<Entry>> {
    Ok(sqlx::query_as(
        "SELECT id, at, actor_user_id, actor_label, action, entity, entity_id, details, ip FROM audit_log
         WHERE id < $1 ORDER BY id DESC LIMIT $2",
    )
    .bind(before.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// Which entries to list; every part is optional and they all apply together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Part of an organisation's name: entries about it, its campaigns, their plans, actions,
    /// meetings and workshops.
    pub organisation: Option<String>,
    /// Part of the actor's label (their e-mail, or a workshop seat).
    pub person: Option<String>,
    /// The kind of action: what comes before the dot of its code (`campaigns`, `answers`…).
    pub kind: Option<String>,
    /// From this time on (UTC seconds).
    pub from: Option<i64>,
    /// Before this time (UTC seconds).
    pub until: Option<i64>,
}

/// `%part%` for `LIKE`, lowercased, with `%`, `_` and `\` taken literally.
fn containing(part: &str) -> String {
    let escaped = part.trim().to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// The entries matching `filter`, newest first, `limit` at a time, before the entry id `before`.
pub async fn search(db: &Db, filter: &Filter, before: Option<i64>, limit: i64) -> Result<Vec<Entry>> {
    // Entries name what they touched (`campaign 12`): an organisation's are found through the
    // rows that belong to it, so the filter also covers entries written before it existed.
    // Without dates the time index is left alone: walking the log backwards from the newest entry
    // reads a page of it, where a range over every time sorted the whole log (44 ms against
    // 0.1 ms at 77,000 entries, `docs/PERFORMANCE.md`).
    let dates = if filter.from.is_some() || filter.until.is_some() { "at >= $6 AND at < $7" } else { "$6 <= $7" };
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH matched AS (SELECT id FROM organisations WHERE $8 = 1 AND LOWER(name) LIKE $9 ESCAPE '\\'),
              theirs AS (SELECT id FROM campaigns WHERE organisation_id IN (SELECT id FROM matched)),
              owned AS (
                SELECT 'organisation' AS entity, CAST(id AS TEXT) AS entity_id FROM matched
                UNION ALL SELECT 'campaign', CAST(id AS TEXT) FROM theirs
                UNION ALL SELECT 'plan', CAST(id AS TEXT) FROM plans WHERE campaign_id IN (SELECT id FROM theirs)
                UNION ALL SELECT 'action', CAST(a.id AS TEXT) FROM plan_actions a JOIN plans p ON p.id = a.plan_id
                          WHERE p.campaign_id IN (SELECT id FROM theirs)
                UNION ALL SELECT 'meeting', CAST(id AS TEXT) FROM campaign_meetings
                          WHERE campaign_id IN (SELECT id FROM theirs)
                UNION ALL SELECT 'workshop', CAST(id AS TEXT) FROM workshops WHERE campaign_id IN (SELECT id FROM theirs))
         SELECT id, at, actor_user_id, actor_label, action, entity, entity_id, details, ip FROM audit_log
         WHERE id < $1
           AND ($2 = 0 OR LOWER(actor_label) LIKE $3 ESCAPE '\\')
           AND ($4 = 0 OR action LIKE $5 ESCAPE '\\')
           AND {dates}
           AND ($8 = 0 OR entity || ':' || entity_id IN (SELECT entity || ':' || entity_id FROM owned))
         ORDER BY id DESC LIMIT $10"
    )))
    .bind(before.unwrap_or(i64::MAX))
    .bind(i64::from(filter.person.is_some()))
    .bind(filter.person.as_deref().map(containing).unwrap_or_default())
    .bind(i64::from(filter.kind.is_some()))
    .bind(filter.kind.as_deref().map(|k| format!("{}.%", k.replace(['%', '_', '\\'], ""))).unwrap_or_default())
    .bind(filter.from.unwrap_or(i64::MIN))
    .bind(filter.until.unwrap_or(i64::MAX))
    .bind(i64::from(filter.organisation.is_some()))
    .bind(filter.organisation.as_deref().map(containing).unwrap_or_default())
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// The kinds of action the log holds (what comes before the dot of their codes), in order.
pub async fn kinds(db: &Db) -> Result<Vec<String>> {
    // Each distinct action found by one step along its index (a skip scan), not by reading every
    // entry: a few steps instead of the whole log.
    let actions: Vec<String> = sqlx::query_scalar(
        "WITH RECURSIVE k(a) AS (SELECT MIN(action) FROM audit_log
           UNION ALL SELECT (SELECT MIN(action) FROM audit_log WHERE action > k.a) FROM k WHERE k.a IS NOT NULL)
         SELECT a FROM k WHERE a IS NOT NULL",
    )
    .fetch_all(db.pool())
    .await?;
    let mut kinds: Vec<String> =
        actions.iter().map(|a| a.split('.').next().unwrap_or_default().to_owned()).filter(|k| !k.is_empty()).collect();
    kinds.sort();
    kinds.dedup();
    Ok(kinds)
}

/// Every entry made by one user, oldest first (for the export of their personal data).
pub async fn by_actor(db: &Db, actor: UserId) -> Result<Vec<Entry>> {
    Ok(sqlx::query_as(
        "SELECT id, at, actor_user_id, actor_label, action, entity, entity_id, details, ip FROM audit_log
         WHERE actor_user_id = $1 ORDER BY id",
    )
    .bind(actor.0)
    .fetch_all(db.pool())
    .await?)
}
