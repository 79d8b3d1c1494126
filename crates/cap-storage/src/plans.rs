//! Targets, progress plans and their actions, the plan's completion over time, and what the
//! scheduled reminders need. Actions are always read and written through their plan, and plans
//! through their campaign, so a caller authorised on a campaign reaches nothing else.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;
use cap_domain::plan::{ActionStatus, Priority, Reason};
use std::collections::HashMap;

/// The targets an organisation set itself in a campaign, by node code.
pub async fn targets(db: &Db, campaign: i64) -> Result<HashMap<String, i64>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT node_code, level_value FROM campaign_targets WHERE campaign_id = $1 AND level_value IS NOT NULL",
    )
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().collect())
}

/// Sets or clears targets in one transaction: `Some(level)` sets the node's target, `None`
/// goes back to the referential's recommendation (the row stays, its version grows).
pub async fn set_targets(db: impl Into<Writer<'_>>, campaign: i64, changes: &[(String, Option<i64>)]) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    for (code, level) in changes {
        sqlx::query(
            "INSERT INTO campaign_targets (campaign_id, node_code, level_value, version, updated_at) VALUES ($1, $2, $3, 1, $4)
             ON CONFLICT (campaign_id, node_code) DO UPDATE SET level_value = excluded.level_value,
                version = campaign_targets.version + 1, updated_at = excluded.updated_at",
        )
        .bind(campaign)
        .bind(code)
        .bind(*level)
        .bind(at)
        .execute(&mut *tx)
        .await?;
    }
    w.commit(tx).await?;
    Ok(())
}

/// A campaign's progress plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Row id.
    pub id: i64,
    /// Its campaign.
    pub campaign_id: i64,
    /// When the plan starts (YYYY-MM-DD).
    pub starts_on: String,
    /// Its horizon in months.
    pub horizon_months: i64,
    /// What the organisation aims at within a year.
    pub objective_one_year: String,
    /// What it aims at within three years.
    pub objective_three_years: String,
    /// When it was validated (UTC seconds).
    pub validated_at: Option<i64>,
    /// The pillars its proposals were drawn from; none for a plan drawn from every pillar of its
    /// campaign at once.
    pub proposed_pillars: Option<Vec<String>>,
    /// Incremented on every change.
    pub version: i64,
}

#[derive(sqlx::FromRow)]
struct PlanRow {
    id: i64,
    campaign_id: i64,
    starts_on: String,
    horizon_months: i64,
    objective_one_year: String,
    objective_three_years: String,
    validated_at: Option<i64>,
    proposed_pillars: Option<String>,
    version: i64,
}

impl From<PlanRow> for Plan {
    fn from(r: PlanRow) -> Self {
        Self {
            id: r.id,
            campaign_id: r.campaign_id,
            starts_on: r.starts_on,
            horizon_months: r.horizon_months,
            objective_one_year: r.objective_one_year,
            objective_three_years: r.objective_three_years,
            validated_at: r.validated_at,
            // A list that does not read back is taken as « every pillar »: nothing is proposed twice.
            proposed_pillars: r.proposed_pillars.and_then(|p| serde_json::from_str(&p).ok()),
            version: r.version,
        }
    }
}

/// The plan of a campaign, if one was made.
pub async fn plan_of(db: &Db, campaign: i64) -> Result<Option<Plan>> {
    let row: Option<PlanRow> = sqlx::query_as(
        "SELECT id, campaign_id, starts_on, horizon_months, objective_one_year, objective_three_years, validated_at,
            proposed_pillars, version FROM plans WHERE campaign_id = $1",
    )
    .bind(campaign)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(Plan::from))
}

/// An action to add.
#[derive(Debug, Clone, Default)]
pub struct NewAction {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Linked indicators.
    pub indicators: Vec<String>,
    /// Start (YYYY-MM-DD).
    pub starts_on: Option<String>,
    /// Due date (YYYY-MM-DD).
    pub due_on: Option<String>,
    /// Offer of services requested.
    pub offer_code: Option<String>,
    /// Priority.
    pub priority: Option<Priority>,
    /// Why it has that priority.
    pub reasons: Vec<Reason>,
    /// Whether it is a generated proposal not yet accepted.
    pub proposed: bool,
    /// The person responsible (a member of the organisation).
    pub responsible_user_id: Option<i64>,
    /// Contributors.
    pub contributors: String,
    /// Status (« à faire » when none).
    pub status: Option<ActionStatus>,
    /// Progress in percent.
    pub progress: i64,
    /// Notes.
    pub notes: String,
}

impl NewAction {
    /// A generated proposal, awaiting the coordinator's decision.
    pub fn proposed(p: cap_domain::plan::Proposal) -> Self {
        Self {
            title: p.title,
            description: p.description,
            indicators: vec![p.indicator],
            starts_on: Some(p.start.to_string()),
            due_on: Some(p.due.to_string()),
            offer_code: p.offer,
            priority: Some(p.priority),
            reasons: p.reasons,
            proposed: true,
            ..Self::default()
        }
    }
}

/// Creates a campaign's plan with its proposed actions in one transaction, drawn from every
/// pillar; refused with [`StorageError::Conflict`] when the campaign already has one.
pub async fn create(
    db: &Db,
    campaign: i64,
    starts_on: &str,
    horizon_months: i64,
    actions: &[NewAction],
) -> Result<i64> {
    create_from(db, campaign, starts_on, horizon_months, actions, None).await
}

/// Creates a campaign's plan like [`create`], its proposals drawn from `pillars` only (the
/// others are proposed later, with [`add_proposals`]).
pub async fn create_from(
    db: impl Into<Writer<'_>>,
    campaign: i64,
    starts_on: &str,
    horizon_months: i64,
    actions: &[NewAction],
    pillars: Option<&[String]>,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    let plan: i64 = sqlx::query_scalar(
        "INSERT INTO plans (campaign_id, starts_on, horizon_months, created_at, updated_at, version, proposed_pillars)
         VALUES ($1, $2, $3, $4, $4, 1, $5) RETURNING id",
    )
    .bind(campaign)
    .bind(starts_on)
    .bind(horizon_months)
    .bind(at)
    .bind(pillars.map(|p| serde_json::Value::from(p.to_vec()).to_string()))
    .fetch_one(&mut *tx)
    .await
    .map_err(StorageError::from_write)?;
    for (position, action) in actions.iter().enumerate() {
        insert_action(&mut tx, plan, action, position as i64, at).await?;
    }
    w.commit_created(tx, plan).await?;
    Ok(plan)
}

pub(crate) async fn insert_action(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    plan: i64,
    a: &NewAction,
    position: i64,
    at: i64,
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO plan_actions (plan_id, title, description, starts_on, due_on, status, progress, offer_code, priority,
            reasons, proposed, position, created_at, updated_at, version, responsible_user_id, contributors, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, 1, $14, $15, $16) RETURNING id",
    )
    .bind(plan)
    .bind(&a.title)
    .bind(&a.description)
    .bind(a.starts_on.clone())
    .bind(a.due_on.clone())
    .bind(a.status.unwrap_or(ActionStatus::Todo).code())
    .bind(a.progress)
    .bind(a.offer_code.clone())
    .bind(a.priority.unwrap_or(Priority::Medium).code())
    .bind(reasons_json(&a.reasons))
    .bind(i64::from(a.proposed))
    .bind(position)
    .bind(at)
    .bind(a.responsible_user_id)
    .bind(&a.contributors)
    .bind(&a.notes)
    .fetch_one(&mut **tx)
    .await?;
    link_indicators(tx, id, &a.indicators).await?;
    Ok(id)
}

async fn link_indicators(tx: &mut sqlx::Transaction<'static, sqlx::Any>, action: i64, codes: &[String]) -> Result<()> {
    sqlx::query("DELETE FROM plan_action_indicators WHERE action_id = $1").bind(action).execute(&mut **tx).await?;
    let mut seen = std::collections::HashSet::new();
    for code in codes.iter().filter(|c| seen.insert(c.as_str())) {
        sqlx::query("INSERT INTO plan_action_indicators (action_id, indicator_code) VALUES ($1, $2)")
            .bind(action)
            .bind(code)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

fn reasons_json(reasons: &[Reason]) -> String {
    serde_json::Value::Array(
        reasons.iter().map(|r| serde_json::json!({ "key": r.key, "args": r.args })).collect::<Vec<_>>(),
    )
    .to_string()
}

fn reasons_of(raw: &str) -> Vec<Reason> {
    let values: Vec<serde_json::Value> = serde_json::from_str(raw).unwrap_or_default();
    values
        .into_iter()
        .filter_map(|v| {
            let key = v.get("key")?.as_str()?.to_owned();
            let args = v.get("args")?.as_array()?.iter().filter_map(|a| a.as_str().map(str::to_owned)).collect();
            Some(Reason { key, args })
        })
        .collect()
}

/// Changes the plan's calendar and objectives if it is still at `expected_version`.
pub async fn update_plan(
    db: impl Into<Writer<'_>>,
    plan: i64,
    starts_on: &str,
    horizon_months: i64,
    objectives: (&str, &str),
    expected_version: i64,
) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE plans SET starts_on = $1, horizon_months = $2, objective_one_year = $3, objective_three_years = $4,
            updated_at = $5, version = version + 1 WHERE id = $6 AND version = $7",
    )
    .bind(starts_on)
    .bind(horizon_months)
    .bind(objectives.0)
    .bind(objectives.1)
    .bind(now())
    .bind(plan)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        w.commit(tx).await
    } else {
        Err(crate::db::refused(&mut *tx, "plans", "id", plan, expected_version).await?)
    }
}

/// Validates the plan: every remaining proposal becomes an action of the plan.
pub async fn validate(db: impl Into<Writer<'_>>, plan: i64, by: UserId, expected_version: i64) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    let done = sqlx::query(
        "UPDATE plans SET validated_at = $1, validated_by = $2, updated_at = $1, version = version + 1
         WHERE id = $3 AND version = $4",
    )
    .bind(at)
    .bind(by.0)
    .bind(plan)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(crate::db::refused(&mut *tx, "plans", "id", plan, expected_version).await?);
    }
    sqlx::query("UPDATE plan_actions SET proposed = 0 WHERE plan_id = $1").bind(plan).execute(&mut *tx).await?;
    w.commit(tx).await?;
    Ok(())
}

/// One action of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    /// Row id.
    pub id: i64,
    /// Its plan.
    pub plan_id: i64,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Linked indicators.
    pub indicators: Vec<String>,
    /// The person responsible, when they have an account.
    pub responsible_user_id: Option<i64>,
    /// Their name.
    pub responsible_name: Option<String>,
    /// Who else takes part (free text).
    pub contributors: String,
    /// Start (YYYY-MM-DD).
    pub starts_on: Option<String>,
    /// Due date (YYYY-MM-DD).
    pub due_on: Option<String>,
    /// Status.
    pub status: ActionStatus,
    /// Progress in percent.
    pub progress: i64,
    /// Follow-up notes.
    pub notes: String,
    /// Offer of services requested.
    pub offer_code: Option<String>,
    /// Priority.
    pub priority: Priority,
    /// Why it has that priority.
    pub reasons: Vec<Reason>,
    /// Whether it is a generated proposal not yet accepted.
    pub proposed: bool,
    /// Order in the plan.
    pub position: i64,
    /// Incremented on every change.
    pub version: i64,
    /// Last change (UTC seconds).
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct ActionRow {
    id: i64,
    plan_id: i64,
    title: String,
    description: String,
    responsible_user_id: Option<i64>,
    responsible_name: Option<String>,
    contributors: String,
    starts_on: Option<String>,
    due_on: Option<String>,
    status: String,
    progress: i64,
    notes: String,
    offer_code: Option<String>,
    priority: String,
    reasons: String,
    proposed: i64,
    position: i64,
    version: i64,
    updated_at: i64,
}

const ACTION_SELECT: &str = "SELECT a.id, a.plan_id, a.title, a.description, a.responsible_user_id,
    u.display_name AS responsible_name, a.contributors, a.starts_on, a.due_on, a.status, a.progress, a.notes,
    a.offer_code, a.priority, a.reasons, a.proposed, a.position, a.version, a.updated_at
    FROM plan_actions a LEFT JOIN users u ON u.id = a.responsible_user_id";

fn action(r: ActionRow, indicators: Vec<String>) -> Result<Action> {
    let corrupt = |what: &str| StorageError::Corrupt(format!("action {}: {what}", r.id));
    Ok(Action {
        status: ActionStatus::from_code(&r.status).ok_or_else(|| corrupt("status"))?,
        priority: Priority::from_code(&r.priority).ok_or_else(|| corrupt("priority"))?,
        reasons: reasons_of(&r.reasons),
        indicators,
        id: r.id,
        plan_id: r.plan_id,
        title: r.title,
        description: r.description,
        responsible_user_id: r.responsible_user_id,
        responsible_name: r.responsible_name,
        contributors: r.contributors,
        starts_on: r.starts_on,
        due_on: r.due_on,
        progress: r.progress,
        notes: r.notes,
        offer_code: r.offer_code,
        proposed: r.proposed != 0,
        position: r.position,
        version: r.version,
        updated_at: r.updated_at,
    })
}

/// The actions of a plan, in the plan's order.
pub async fn actions(db: &Db, plan: i64) -> Result<Vec<Action>> {
    let rows: Vec<ActionRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{ACTION_SELECT} WHERE a.plan_id = $1 ORDER BY a.position, a.id")))
            .bind(plan)
            .fetch_all(db.pool())
            .await?;
    let links: Vec<(i64, String)> = sqlx::query_as(
        "SELECT l.action_id, l.indicator_code FROM plan_action_indicators l
         JOIN plan_actions a ON a.id = l.action_id WHERE a.plan_id = $1 ORDER BY l.indicator_code",
    )
    .bind(plan)
    .fetch_all(db.pool())
    .await?;
    let mut by_action: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, code) in links {
        by_action.entry(id).or_default().push(code);
    }
    rows.into_iter()
        .map(|r| {
            let codes = by_action.remove(&r.id).unwrap_or_default();
            action(r, codes)
        })
        .collect()
}

/// One action of a plan.
pub async fn action_of(db: &Db, plan: i64, id: i64) -> Result<Action> {
    let row: ActionRow =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{ACTION_SELECT} WHERE a.plan_id = $1 AND a.id = $2")))
            .bind(plan)
            .bind(id)
            .fetch_optional(db.pool())
            .await?
            .ok_or(StorageError::NotFound)?;
    let codes: Vec<String> = sqlx::query_scalar(
        "SELECT indicator_code FROM plan_action_indicators WHERE action_id = $1 ORDER BY indicator_code",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?;
    action(row, codes)
}

/// Adds an action at the end of the plan.
pub async fn add_action(db: impl Into<Writer<'_>>, plan: i64, a: &NewAction) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let position = next_position(&mut tx, plan).await?;
    let id = insert_action(&mut tx, plan, a, position, now()).await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// Adds the proposals drawn from pillars consolidated since the plan was made, at its end, and
/// records that the plan now covers `pillars`; refused as [`StorageError::Stale`] when the plan
/// changed since `expected_version` (someone added them first).
pub async fn add_proposals(
    db: impl Into<Writer<'_>>,
    plan: i64,
    actions: &[NewAction],
    pillars: &[String],
    expected_version: i64,
) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    let done = sqlx::query(
        "UPDATE plans SET proposed_pillars = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND version = $4",
    )
    .bind(serde_json::Value::from(pillars.to_vec()).to_string())
    .bind(at)
    .bind(plan)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(crate::db::refused(&mut *tx, "plans", "id", plan, expected_version).await?);
    }
    let first = next_position(&mut tx, plan).await?;
    for (offset, action) in actions.iter().enumerate() {
        insert_action(&mut tx, plan, action, first + offset as i64, at).await?;
    }
    w.commit(tx).await?;
    Ok(())
}

/// The position after the plan's last action.
pub(crate) async fn next_position(tx: &mut sqlx::Transaction<'static, sqlx::Any>, plan: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT CAST(COALESCE(MAX(position), -1) + 1 AS BIGINT) FROM plan_actions WHERE plan_id = $1",
    )
    .bind(plan)
    .fetch_one(&mut **tx)
    .await?)
}

/// The fields of an action a coordinator edits.
#[derive(Debug, Clone)]
pub struct ActionChange<'a> {
    /// Title.
    pub title: &'a str,
    /// Description.
    pub description: &'a str,
    /// Linked indicators.
    pub indicators: &'a [String],
    /// The person responsible (a member of the organisation).
    pub responsible_user_id: Option<i64>,
    /// Contributors.
    pub contributors: &'a str,
    /// Start.
    pub starts_on: Option<&'a str>,
    /// Due date.
    pub due_on: Option<&'a str>,
    /// Status.
    pub status: ActionStatus,
    /// Progress.
    pub progress: i64,
    /// Notes.
    pub notes: &'a str,
    /// Offer of services requested.
    pub offer_code: Option<&'a str>,
}

/// The statement saving an edited action if it is still at `expected_version`.
fn edit_query<'q>(
    plan: i64,
    id: i64,
    c: &'q ActionChange<'q>,
    expected_version: i64,
    at: i64,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    sqlx::query(
        "UPDATE plan_actions SET title = $1, description = $2, responsible_user_id = $3, contributors = $4,
            starts_on = $5, due_on = $6, status = $7, progress = $8, notes = $9, offer_code = $10, proposed = 0,
            updated_at = $11, version = version + 1
         WHERE plan_id = $12 AND id = $13 AND version = $14",
    )
    .bind(c.title)
    .bind(c.description)
    .bind(c.responsible_user_id)
    .bind(c.contributors)
    .bind(c.starts_on.map(str::to_owned))
    .bind(c.due_on.map(str::to_owned))
    .bind(c.status.code())
    .bind(c.progress)
    .bind(c.notes)
    .bind(c.offer_code.map(str::to_owned))
    .bind(at)
    .bind(plan)
    .bind(id)
    .bind(expected_version)
}

/// Saves an edited action if it is still at `expected_version`; an edited proposal is accepted.
/// The new version, or [`StorageError::Stale`] when someone changed it meanwhile.
pub async fn update_action(
    db: impl Into<Writer<'_>>,
    plan: i64,
    id: i64,
    c: &ActionChange<'_>,
    expected_version: i64,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = edit_query(plan, id, c, expected_version, now()).execute(&mut *tx).await?;
    if done.rows_affected() != 1 {
        drop(tx);
        // Another plan's action is absent here, whatever its version.
        action_of(w.db(), plan, id).await?;
        return Err(crate::db::refused(w.db().pool(), "plan_actions", "id", id, expected_version).await?);
    }
    link_indicators(&mut tx, id, c.indicators).await?;
    w.commit(tx).await?;
    Ok(expected_version + 1)
}

/// Saves edits to several actions of a plan at once (an imported spreadsheet), each at its
/// expected version, in one transaction: if any action changed meanwhile, nothing is written and
/// the ids of the changed ones are returned.
pub async fn update_actions(
    db: impl Into<Writer<'_>>,
    plan: i64,
    edits: &[(i64, ActionChange<'_>, i64)],
) -> Result<Vec<i64>> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    let mut stale = Vec::new();
    for (id, c, expected_version) in edits {
        let done = edit_query(plan, *id, c, *expected_version, at).execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            stale.push(*id);
        }
    }
    if stale.is_empty() {
        w.commit(tx).await?;
    }
    Ok(stale)
}

/// Sets the status (and progress) of an action from the board, if still at `expected_version`.
/// The new version, or [`StorageError::Stale`] when someone changed it meanwhile.
pub async fn set_status(
    db: impl Into<Writer<'_>>,
    plan: i64,
    id: i64,
    status: ActionStatus,
    progress: i64,
    expected_version: i64,
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE plan_actions SET status = $1, progress = $2, proposed = 0, updated_at = $3, version = version + 1
         WHERE plan_id = $4 AND id = $5 AND version = $6",
    )
    .bind(status.code())
    .bind(progress)
    .bind(now())
    .bind(plan)
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        w.commit(tx).await?;
        return Ok(expected_version + 1);
    }
    drop(tx);
    // Another plan's action is absent here, whatever its version.
    action_of(w.db(), plan, id).await?;
    Err(crate::db::refused(w.db().pool(), "plan_actions", "id", id, expected_version).await?)
}

/// Accepts proposals as they are.
pub async fn accept(db: impl Into<Writer<'_>>, plan: i64, ids: &[i64]) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    for id in ids {
        sqlx::query("UPDATE plan_actions SET proposed = 0, version = version + 1, updated_at = $1 WHERE plan_id = $2 AND id = $3")
            .bind(now())
            .bind(plan)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    w.commit(tx).await?;
    Ok(())
}

/// Discards actions of the plan.
pub async fn discard(db: impl Into<Writer<'_>>, plan: i64, ids: &[i64]) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    for id in ids {
        sqlx::query("DELETE FROM plan_actions WHERE plan_id = $1 AND id = $2")
            .bind(plan)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    w.commit(tx).await?;
    Ok(())
}

/// Merges actions into the first of `ids` (in plan order): its title stays, the descriptions are
/// joined, the indicators united, the earliest start and latest due date kept, the highest
/// priority kept; the others are removed. Returns the kept action's id.
pub async fn merge(db: impl Into<Writer<'_>>, plan: i64, ids: &[i64]) -> Result<i64> {
    let w = db.into();
    let all = actions(w.db(), plan).await?;
    let chosen: Vec<Action> = all.into_iter().filter(|a| ids.contains(&a.id)).collect();
    let mut tx = w.begin().await?;
    let kept = merge_in(&mut tx, plan, &chosen).await?;
    w.commit(tx).await?;
    Ok(kept)
}

/// Merges `chosen` (two or more actions of the plan, as read) inside `tx`; `Stale` when one of
/// them changed since it was read.
pub(crate) async fn merge_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    plan: i64,
    chosen: &[Action],
) -> Result<i64> {
    let (Some(keep), true) = (chosen.first(), chosen.len() >= 2) else { return Err(StorageError::NotFound) };
    let description =
        chosen.iter().map(|a| a.description.trim()).filter(|d| !d.is_empty()).collect::<Vec<_>>().join("\n\n");
    let mut indicators: Vec<String> = chosen.iter().flat_map(|a| a.indicators.iter().cloned()).collect();
    indicators.sort();
    indicators.dedup();
    let starts_on = chosen.iter().filter_map(|a| a.starts_on.clone()).min();
    let due_on = chosen.iter().filter_map(|a| a.due_on.clone()).max();
    let priority = chosen.iter().map(|a| a.priority).min().unwrap_or(Priority::Medium);
    let offer = chosen.iter().find_map(|a| a.offer_code.clone());
    let mut reasons: Vec<Reason> = Vec::new();
    for r in chosen.iter().flat_map(|a| a.reasons.iter()) {
        if !reasons.contains(r) {
            reasons.push(r.clone());
        }
    }
    let done = sqlx::query(
        "UPDATE plan_actions SET description = $1, starts_on = $2, due_on = $3, priority = $4, offer_code = $5,
            reasons = $6, proposed = 0, updated_at = $7, version = version + 1 WHERE plan_id = $8 AND id = $9 AND version = $10",
    )
    .bind(description)
    .bind(starts_on)
    .bind(due_on)
    .bind(priority.code())
    .bind(offer)
    .bind(reasons_json(&reasons))
    .bind(now())
    .bind(plan)
    .bind(keep.id)
    .bind(keep.version)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(crate::db::refused(&mut **tx, "plan_actions", "id", keep.id, keep.version).await?);
    }
    link_indicators(tx, keep.id, &indicators).await?;
    for other in &chosen[1..] {
        let gone = sqlx::query("DELETE FROM plan_actions WHERE plan_id = $1 AND id = $2 AND version = $3")
            .bind(plan)
            .bind(other.id)
            .bind(other.version)
            .execute(&mut **tx)
            .await?;
        if gone.rows_affected() != 1 {
            return Err(crate::db::refused(&mut **tx, "plan_actions", "id", other.id, other.version).await?);
        }
    }
    Ok(keep.id)
}

/// Records the plan's completion (per mille) for `day` (YYYY-MM-DD), replacing that day's figure.
pub async fn record_completion(db: &Db, plan: i64, day: &str, per_mille: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO plan_snapshots (plan_id, on_day, completion) VALUES ($1, $2, $3)
         ON CONFLICT (plan_id, on_day) DO UPDATE SET completion = excluded.completion",
    )
    .bind(plan)
    .bind(day)
    .bind(per_mille)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The plan's completion over time: (day, per mille), oldest first.
pub async fn completion_history(db: &Db, plan: i64) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as("SELECT on_day, completion FROM plan_snapshots WHERE plan_id = $1 ORDER BY on_day")
        .bind(plan)
        .fetch_all(db.pool())
        .await?)
}

/// An open action of a validated plan whose responsible person has an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DueAction {
    /// The action.
    pub action_id: i64,
    /// Its title.
    pub title: String,
    /// Its due date.
    pub due_on: String,
    /// Its campaign.
    pub campaign_id: i64,
    /// The organisation's name.
    pub organisation: String,
    /// The responsible person's name.
    pub display_name: String,
    /// Their e-mail address.
    pub email: String,
}

/// Open actions of validated plans due between `from` and `to` (inclusive, YYYY-MM-DD), with
/// their responsible person.
pub async fn due_between(db: &Db, from: &str, to: &str) -> Result<Vec<DueAction>> {
    Ok(sqlx::query_as(
        "SELECT a.id AS action_id, a.title, a.due_on, p.campaign_id, o.name AS organisation, u.display_name, u.email
         FROM plan_actions a JOIN plans p ON p.id = a.plan_id JOIN campaigns c ON c.id = p.campaign_id
         JOIN organisations o ON o.id = c.organisation_id JOIN users u ON u.id = a.responsible_user_id
         WHERE p.validated_at IS NOT NULL AND a.status IN ('todo', 'in_progress', 'blocked')
           AND a.due_on >= $1 AND a.due_on <= $2 AND u.disabled_at IS NULL
         ORDER BY a.due_on, a.id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(db.pool())
    .await?)
}

/// A validated plan, for the monthly digest.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FollowedPlan {
    /// The plan.
    pub plan_id: i64,
    /// Its campaign.
    pub campaign_id: i64,
    /// The campaign's title.
    pub title: String,
    /// The organisation.
    pub organisation_id: i64,
    /// Its name.
    pub organisation: String,
}

/// Every validated plan of a campaign not yet closed.
pub async fn followed_plans(db: &Db) -> Result<Vec<FollowedPlan>> {
    Ok(sqlx::query_as(
        "SELECT p.id AS plan_id, p.campaign_id, c.title, c.organisation_id, o.name AS organisation
         FROM plans p JOIN campaigns c ON c.id = p.campaign_id JOIN organisations o ON o.id = c.organisation_id
         WHERE p.validated_at IS NOT NULL AND c.status <> 'closed' ORDER BY p.id",
    )
    .fetch_all(db.pool())
    .await?)
}

/// A mid-term checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// Row id.
    pub id: i64,
    /// When it was held (YYYY-MM-DD).
    pub held_on: String,
    /// What was said.
    pub note: String,
    /// The re-rated levels by indicator (None: « non concerné »).
    pub ratings: HashMap<String, Option<i64>>,
}

/// Records a checkpoint and its re-ratings in one transaction.
pub async fn add_checkpoint(
    db: impl Into<Writer<'_>>,
    campaign: i64,
    held_on: &str,
    note: &str,
    by: Option<UserId>,
    ratings: &[(String, Option<i64>)],
) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO checkpoints (campaign_id, held_on, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING id",
    )
    .bind(campaign)
    .bind(held_on)
    .bind(note)
    .bind(by.map(|u| u.0))
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    for (code, level) in ratings {
        sqlx::query(
            "INSERT INTO checkpoint_ratings (checkpoint_id, indicator_code, level_value, not_applicable)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(code)
        .bind(*level)
        .bind(i64::from(level.is_none()))
        .execute(&mut *tx)
        .await?;
    }
    w.commit(tx).await?;
    Ok(id)
}

/// A campaign's checkpoints, newest first.
pub async fn checkpoints(db: &Db, campaign: i64) -> Result<Vec<Checkpoint>> {
    let heads: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, held_on, note FROM checkpoints WHERE campaign_id = $1 ORDER BY held_on DESC, id DESC",
    )
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    let ratings: Vec<(i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT r.checkpoint_id, r.indicator_code, r.level_value FROM checkpoint_ratings r
         JOIN checkpoints c ON c.id = r.checkpoint_id WHERE c.campaign_id = $1",
    )
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    let mut by_checkpoint: HashMap<i64, HashMap<String, Option<i64>>> = HashMap::new();
    for (id, code, level) in ratings {
        by_checkpoint.entry(id).or_default().insert(code, level);
    }
    Ok(heads
        .into_iter()
        .map(|(id, held_on, note)| Checkpoint {
            id,
            held_on,
            note,
            ratings: by_checkpoint.remove(&id).unwrap_or_default(),
        })
        .collect())
}

/// What the photographie of a campaign is computed from, summed up: it changes whenever an
/// answer, a shared answer or a target of the campaign or of the previous campaign it is compared
/// with changes (versions only grow), so a cached photographie is used only while it is equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, sqlx::FromRow)]
pub struct ResultsStamp {
    /// Individual answers.
    pub answers: i64,
    /// Sum of their versions.
    pub answer_versions: i64,
    /// Shared answers.
    pub shared: i64,
    /// Sum of their versions.
    pub shared_versions: i64,
    /// Sum of the targets' versions.
    pub target_versions: i64,
    /// The previous campaign compared with (0: none).
    pub previous: i64,
    /// Its shared answers' and targets' versions.
    pub previous_versions: i64,
}

/// The stamp of campaign `campaign` of `organisation`, in one query. Individual answers are
/// counted only while `answers_open` (afterwards they cannot change, and reading them is most of
/// the query's cost).
pub async fn results_stamp(db: &Db, campaign: i64, organisation: i64, answers_open: bool) -> Result<ResultsStamp> {
    Ok(sqlx::query_as(
        "WITH earlier AS (
            SELECT COALESCE(MAX(id), 0) AS id FROM campaigns WHERE organisation_id = $2 AND id < $1
              AND status IN ('consolidation', 'review', 'plan_validated', 'follow_up', 'closed'))
         SELECT
           CASE WHEN $3 = 1 THEN (SELECT COUNT(*) FROM answers WHERE campaign_id = $1) ELSE 0 END AS answers,
           CASE WHEN $3 = 1 THEN (SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM answers WHERE campaign_id = $1)
             ELSE 0 END AS answer_versions,
           (SELECT COUNT(*) FROM consolidated_answers WHERE campaign_id = $1) AS shared,
           (SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM consolidated_answers WHERE campaign_id = $1)
             AS shared_versions,
           (SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM campaign_targets WHERE campaign_id = $1)
             AS target_versions,
           (SELECT id FROM earlier) AS previous,
           (SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM consolidated_answers
              WHERE campaign_id = (SELECT id FROM earlier))
             + (SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM campaign_targets
              WHERE campaign_id = (SELECT id FROM earlier)) AS previous_versions",
    )
    .bind(campaign)
    .bind(organisation)
    .bind(i64::from(answers_open))
    .fetch_one(db.pool())
    .await?)
}
