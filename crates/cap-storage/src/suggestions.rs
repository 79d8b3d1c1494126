//! The tiers' suggestions for a member's progress plan and the coordinator's decisions; accepting
//! one changes the plan in the same transaction.

use crate::Writer;
use crate::plans::{Action, NewAction, insert_action, merge_in, next_position};
use crate::{Db, StorageError, error::Result, now};
use cap_domain::UserId;
use cap_domain::suggestion::{SuggestionKind, SuggestionStatus};

/// A suggestion as stored, with the names of who made and who decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Identifier.
    pub id: i64,
    /// The campaign.
    pub campaign_id: i64,
    /// Who suggested it (an erased person is named anonymously).
    pub author: Option<String>,
    /// Their account.
    pub author_user_id: Option<i64>,
    /// What it is about.
    pub kind: SuggestionKind,
    /// A new action's title.
    pub title: String,
    /// Why.
    pub why: String,
    /// The action amended.
    pub action_id: Option<i64>,
    /// The actions to merge.
    pub merge_ids: Vec<i64>,
    /// A deadline (YYYY-MM-DD).
    pub due_on: Option<String>,
    /// The role that should carry the action.
    pub owner_role: String,
    /// An offer of services (code).
    pub offer_code: Option<String>,
    /// A good practice to follow.
    pub practice_id: Option<i64>,
    /// Where it stands.
    pub status: SuggestionStatus,
    /// The coordinator's answer.
    pub answer: String,
    /// Who decided.
    pub decided_by: Option<String>,
    /// The action it became, once accepted.
    pub resulting_action_id: Option<i64>,
    /// When it was made (UTC seconds).
    pub created_at: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    campaign_id: i64,
    author: Option<String>,
    author_user_id: Option<i64>,
    kind: String,
    title: String,
    why: String,
    action_id: Option<i64>,
    merge_ids: String,
    due_on: Option<String>,
    owner_role: String,
    offer_code: Option<String>,
    practice_id: Option<i64>,
    status: String,
    answer: String,
    decided_by: Option<String>,
    resulting_action_id: Option<i64>,
    created_at: i64,
}

impl TryFrom<Row> for Suggestion {
    type Error = StorageError;

    fn try_from(r: Row) -> Result<Self> {
        let corrupt = |what: &str| StorageError::Corrupt(format!("suggestion {}: {what}", r.id));
        Ok(Suggestion {
            kind: SuggestionKind::from_code(&r.kind).ok_or_else(|| corrupt("kind"))?,
            status: SuggestionStatus::from_code(&r.status).ok_or_else(|| corrupt("status"))?,
            merge_ids: serde_json::from_str(&r.merge_ids).map_err(|_| corrupt("merge"))?,
            id: r.id,
            campaign_id: r.campaign_id,
            author: r.author,
            author_user_id: r.author_user_id,
            title: r.title,
            why: r.why,
            action_id: r.action_id,
            due_on: r.due_on,
            owner_role: r.owner_role,
            offer_code: r.offer_code,
            practice_id: r.practice_id,
            answer: r.answer,
            decided_by: r.decided_by,
            resulting_action_id: r.resulting_action_id,
            created_at: r.created_at,
        })
    }
}

/// A suggestion to record.
#[derive(Debug, Clone, Default)]
pub struct NewSuggestion<'a> {
    /// What it is about.
    pub kind: Option<SuggestionKind>,
    /// A new action's title.
    pub title: &'a str,
    /// Why.
    pub why: &'a str,
    /// The action amended.
    pub action_id: Option<i64>,
    /// The actions to merge.
    pub merge_ids: &'a [i64],
    /// A deadline (YYYY-MM-DD).
    pub due_on: Option<&'a str>,
    /// The role that should carry the action.
    pub owner_role: &'a str,
    /// An offer of services (code).
    pub offer_code: Option<&'a str>,
    /// A good practice to follow.
    pub practice_id: Option<i64>,
}

/// Records a suggestion for campaign `campaign` by `author`; returns its identifier.
pub async fn suggest(db: impl Into<Writer<'_>>, campaign: i64, author: UserId, s: &NewSuggestion<'_>) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let kind = s.kind.ok_or(StorageError::NotFound)?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO plan_suggestions (campaign_id, author_user_id, kind, title, why, action_id, merge_ids, due_on,
            owner_role, offer_code, practice_id, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', $12) RETURNING id",
    )
    .bind(campaign)
    .bind(author.0)
    .bind(kind.code())
    .bind(s.title)
    .bind(s.why)
    .bind(s.action_id)
    .bind(serde_json::Value::from(s.merge_ids.to_vec()).to_string())
    .bind(s.due_on)
    .bind(s.owner_role)
    .bind(s.offer_code)
    .bind(s.practice_id)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// Every suggestion of a campaign, oldest first.
pub async fn of_campaign(db: &Db, campaign: i64) -> Result<Vec<Suggestion>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT s.id, s.campaign_id, a.display_name AS author, s.author_user_id, s.kind, s.title, s.why, s.action_id,
                s.merge_ids, s.due_on, s.owner_role, s.offer_code, s.practice_id, s.status, s.answer,
                d.display_name AS decided_by, s.resulting_action_id, s.created_at
         FROM plan_suggestions s LEFT JOIN users a ON a.id = s.author_user_id LEFT JOIN users d ON d.id = s.decided_by
         WHERE s.campaign_id = $1 ORDER BY s.id",
    )
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(Suggestion::try_from).collect()
}

/// What accepting a suggestion does to the plan.
#[derive(Debug, Clone)]
pub enum Effect<'a> {
    /// Nothing: the suggestion is declined.
    Decline,
    /// A new action at the end of the plan.
    Add(&'a NewAction),
    /// An action's deadline, offer and notes change.
    Amend {
        /// The action.
        action: i64,
        /// Its new deadline, when the suggestion sets one.
        due_on: Option<&'a str>,
        /// Its new offer, when the suggestion sets one.
        offer_code: Option<&'a str>,
        /// A line added to its notes (the role, the practice), when any.
        note: Option<&'a str>,
    },
    /// Actions merged into the first of them (as read before the decision: a change made
    /// meanwhile makes the decision stale).
    Merge(&'a [Action]),
}

/// Decides a pending suggestion of `campaign` on plan `plan`, applying `effect` in the same
/// transaction. Returns the action the suggestion became (none when declined). `Stale` when the
/// suggestion was decided meanwhile; `NotFound` when it is not this campaign's or an action it
/// names is gone.
pub async fn decide(
    db: impl Into<Writer<'_>>,
    campaign: i64,
    plan: i64,
    id: i64,
    effect: Effect<'_>,
    by: UserId,
    answer: &str,
) -> Result<Option<i64>> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    let resulting = match effect {
        Effect::Decline => None,
        Effect::Add(action) => {
            let position = next_position(&mut tx, plan).await?;
            Some(insert_action(&mut tx, plan, action, position, at).await?)
        }
        Effect::Amend { action, due_on, offer_code, note } => {
            let notes: Option<String> =
                sqlx::query_scalar("SELECT notes FROM plan_actions WHERE plan_id = $1 AND id = $2")
                    .bind(plan)
                    .bind(action)
                    .fetch_optional(&mut *tx)
                    .await?;
            let notes = notes.ok_or(StorageError::NotFound)?;
            let notes = match note {
                Some(line) if notes.trim().is_empty() => line.to_owned(),
                Some(line) => format!("{}\n{line}", notes.trim_end()),
                None => notes,
            };
            let done = sqlx::query(
                "UPDATE plan_actions SET due_on = COALESCE($1, due_on), offer_code = COALESCE($2, offer_code),
                    notes = $3, version = version + 1, updated_at = $4
                 WHERE plan_id = $5 AND id = $6",
            )
            .bind(due_on)
            .bind(offer_code)
            .bind(notes)
            .bind(at)
            .bind(plan)
            .bind(action)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(StorageError::NotFound);
            }
            Some(action)
        }
        Effect::Merge(chosen) => Some(merge_in(&mut tx, plan, chosen).await?),
    };
    let status = if resulting.is_some() { SuggestionStatus::Accepted } else { SuggestionStatus::Declined };
    let done = sqlx::query(
        "UPDATE plan_suggestions SET status = $1, answer = $2, decided_by = $3, decided_at = $4, resulting_action_id = $5
         WHERE id = $6 AND campaign_id = $7 AND status = 'pending'",
    )
    .bind(status.code())
    .bind(answer)
    .bind(by.0)
    .bind(at)
    .bind(resulting)
    .bind(id)
    .bind(campaign)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        // A suggestion changes once, so it has no version column: pending counts as version 1
        // and decided as version 2.
        return Err(StorageError::refused(1, Some(2)));
    }
    w.commit(tx).await?;
    Ok(resulting)
}
