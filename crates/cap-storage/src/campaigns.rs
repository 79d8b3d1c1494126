//! Campaigns, their participants and the individual answers they give.

use crate::Writer;
use crate::{Db, StorageError, error::Result, now};
use cap_domain::campaign::{AnswerValue, CampaignStatus};
use cap_domain::pillar_step::PillarStep;
use cap_domain::{College, OrganisationId, UserId};
use std::collections::HashMap;

/// A campaign to create.
#[derive(Debug, Clone)]
pub struct NewCampaign<'a> {
    /// The organisation.
    pub organisation: OrganisationId,
    /// The referential version it assesses against.
    pub referential_version_id: i64,
    /// Its title (« Auto-évaluation 2026 »).
    pub title: &'a str,
    /// Pillar codes in scope; empty means all.
    pub scope: &'a [String],
    /// Calendar: when answering opens, the consolidation and the restitution (YYYY-MM-DD).
    pub answering_from: Option<&'a str>,
    /// Consolidation date.
    pub consolidation_on: Option<&'a str>,
    /// Restitution date.
    pub restitution_on: Option<&'a str>,
    /// Who created it.
    pub created_by: Option<UserId>,
}

/// A campaign as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    /// Row id.
    pub id: i64,
    /// The organisation.
    pub organisation_id: i64,
    /// The referential version.
    pub referential_version_id: i64,
    /// Title.
    pub title: String,
    /// Pillars in scope (empty: all).
    pub scope: Vec<String>,
    /// Where it stands.
    pub status: CampaignStatus,
    /// When answering opens.
    pub answering_from: Option<String>,
    /// Consolidation date.
    pub consolidation_on: Option<String>,
    /// Restitution date.
    pub restitution_on: Option<String>,
    /// Whether collèges of fewer than three people are hidden in the consolidation.
    pub protect_colleges: bool,
    /// Whether the member lets its region's delegates read the results (off by default).
    pub shared_with_region: bool,
    /// When it was created (UTC seconds).
    pub created_at: i64,
    /// When its consolidation ended (it moved on to the review), in UTC seconds.
    pub consolidated_at: Option<i64>,
    /// Incremented on every change.
    pub version: i64,
    /// The group démarche it belongs to, when its group's lead launched it.
    pub group_campaign_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct CampaignRow {
    id: i64,
    organisation_id: i64,
    referential_version_id: i64,
    title: String,
    scope: String,
    status: String,
    answering_from: Option<String>,
    consolidation_on: Option<String>,
    restitution_on: Option<String>,
    protect_colleges: i64,
    shared_with_region: i64,
    created_at: i64,
    consolidated_at: Option<i64>,
    version: i64,
    group_campaign_id: Option<i64>,
}

impl TryFrom<CampaignRow> for Campaign {
    type Error = StorageError;
    fn try_from(r: CampaignRow) -> Result<Self> {
        let corrupt = |what: &str| StorageError::Corrupt(format!("campaign {}: {what}", r.id));
        Ok(Self {
            status: CampaignStatus::from_code(&r.status).ok_or_else(|| corrupt("status"))?,
            scope: serde_json::from_str(&r.scope).map_err(|_| corrupt("scope"))?,
            id: r.id,
            organisation_id: r.organisation_id,
            referential_version_id: r.referential_version_id,
            title: r.title,
            answering_from: r.answering_from,
            consolidation_on: r.consolidation_on,
            restitution_on: r.restitution_on,
            protect_colleges: r.protect_colleges != 0,
            shared_with_region: r.shared_with_region != 0,
            created_at: r.created_at,
            consolidated_at: r.consolidated_at,
            version: r.version,
            group_campaign_id: r.group_campaign_id,
        })
    }
}

const SELECT: &str = "SELECT id, organisation_id, referential_version_id, title, scope, status, answering_from,
    consolidation_on, restitution_on, protect_colleges, shared_with_region, created_at, consolidated_at, version,
    group_campaign_id FROM campaigns";

/// Creates a campaign in preparation, small collèges protected
/// ([`cap_domain::consolidation::PROTECT_BY_DEFAULT`]).
pub async fn create(db: impl Into<Writer<'_>>, c: &NewCampaign<'_>) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id = insert(&mut tx, c).await?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// Inserts a campaign within a transaction of the caller's (a group's démarche launches several
/// together); its id.
pub(crate) async fn insert(tx: &mut sqlx::Transaction<'static, sqlx::Any>, c: &NewCampaign<'_>) -> Result<i64> {
    let scope = serde_json::Value::from(c.scope.to_vec()).to_string();
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO campaigns (organisation_id, referential_version_id, title, scope, status, answering_from,
            consolidation_on, restitution_on, created_by, created_at, updated_at, version, protect_colleges)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, 1, $11) RETURNING id",
    )
    .bind(c.organisation.0)
    .bind(c.referential_version_id)
    .bind(c.title)
    .bind(scope)
    .bind(CampaignStatus::Preparation.code())
    .bind(c.answering_from.map(str::to_owned))
    .bind(c.consolidation_on.map(str::to_owned))
    .bind(c.restitution_on.map(str::to_owned))
    .bind(c.created_by.map(|u| u.0))
    .bind(at)
    .bind(i64::from(cap_domain::consolidation::PROTECT_BY_DEFAULT))
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// One campaign.
pub async fn get(db: &Db, id: i64) -> Result<Campaign> {
    let row: CampaignRow = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
        .ok_or(StorageError::NotFound)?;
    row.try_into()
}

/// An organisation's campaigns, newest first.
pub async fn for_organisation(db: &Db, organisation: OrganisationId) -> Result<Vec<Campaign>> {
    let rows: Vec<CampaignRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE organisation_id = $1 ORDER BY id DESC")))
            .bind(organisation.0)
            .fetch_all(db.pool())
            .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// Moves a campaign to its next step if it is still at `from` in version `expected_version`;
/// Moves a campaign forward step by step until it reaches `target` (or is already past it), as
/// its coordinator would; for the demo, generated data and tests.
pub async fn advance_to(db: &Db, id: i64, target: CampaignStatus) -> Result<()> {
    loop {
        let c = get(db, id).await?;
        if c.status >= target {
            return Ok(());
        }
        advance(db, id, c.status, c.version).await?;
    }
}

/// opening the answers freezes the referential version for good.
pub async fn advance(
    db: impl Into<Writer<'_>>,
    id: i64,
    from: CampaignStatus,
    expected_version: i64,
) -> Result<CampaignStatus> {
    let w = db.into();
    let Some(next) = from.next() else {
        return Err(crate::db::refused(w.db().pool(), "campaigns", "id", id, expected_version).await?);
    };
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE campaigns SET status = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND status = $4 AND version = $5",
    )
    .bind(next.code())
    .bind(now())
    .bind(id)
    .bind(from.code())
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(crate::db::refused(&mut *tx, "campaigns", "id", id, expected_version).await?);
    }
    // Pillars whose steps are kept follow the campaign as a whole: every pillar still answering
    // goes to consolidation, and finishing the consolidation consolidates every pillar.
    let moved = match next {
        CampaignStatus::Consolidation => Some((PillarStep::Answering, PillarStep::Consolidation)),
        CampaignStatus::Review => Some((PillarStep::Consolidation, PillarStep::Consolidated)),
        _ => None,
    };
    if let Some((before, after)) = moved {
        sqlx::query("UPDATE campaign_pillar_steps SET step = $1, changed_at = $2 WHERE campaign_id = $3 AND step = $4")
            .bind(after.code())
            .bind(now())
            .bind(id)
            .bind(before.code())
            .execute(&mut *tx)
            .await?;
    }
    if next == CampaignStatus::Review {
        sqlx::query("UPDATE campaigns SET consolidated_at = COALESCE(consolidated_at, $1) WHERE id = $2")
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    if next == CampaignStatus::SelfAssessment {
        sqlx::query(
            "UPDATE referential_versions SET frozen_at = COALESCE(frozen_at, $1)
             WHERE id = (SELECT referential_version_id FROM campaigns WHERE id = $2)",
        )
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    w.commit(tx).await?;
    Ok(next)
}

/// A participant of a campaign, with how many indicators they answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// Row id.
    pub id: i64,
    /// The account.
    pub user_id: UserId,
    /// Name.
    pub display_name: String,
    /// E-mail.
    pub email: String,
    /// The viewpoint they speak from.
    pub college: College,
    /// Answers given so far.
    pub answered: i64,
}

#[derive(sqlx::FromRow)]
struct ParticipantRow {
    id: i64,
    user_id: i64,
    display_name: String,
    email: String,
    college: String,
    answered: i64,
}

const PARTICIPANTS: &str = "SELECT p.id, p.user_id, u.display_name, u.email, p.college,
    (SELECT COUNT(*) FROM answers a WHERE a.participant_id = p.id AND a.kind <> 'none') AS answered
    FROM campaign_participants p JOIN users u ON u.id = p.user_id";

fn participant(r: ParticipantRow) -> Result<Participant> {
    let college =
        College::from_code(&r.college).map_err(|_| StorageError::Corrupt(format!("participant {} college", r.id)))?;
    Ok(Participant {
        id: r.id,
        user_id: UserId(r.user_id),
        display_name: r.display_name,
        email: r.email,
        college,
        answered: r.answered,
    })
}

/// Adds a participant; adding the same person twice gives [`StorageError::Conflict`].
pub async fn add_participant(db: impl Into<Writer<'_>>, campaign: i64, user: UserId, college: College) -> Result<i64> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO campaign_participants (campaign_id, user_id, college, added_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(campaign)
    .bind(user.0)
    .bind(college.code())
    .bind(now())
    .fetch_one(&mut *tx)
    .await
    .map_err(StorageError::from_write)?;
    w.commit_created(tx, id).await?;
    Ok(id)
}

/// The participants of a campaign, by name.
pub async fn participants(db: &Db, campaign: i64) -> Result<Vec<Participant>> {
    let rows: Vec<ParticipantRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{PARTICIPANTS} WHERE p.campaign_id = $1 ORDER BY u.display_name, p.id"
    )))
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(participant).collect()
}

/// The participant record of `user` in a campaign, if they take part.
pub async fn participant_of(db: &Db, campaign: i64, user: UserId) -> Result<Option<Participant>> {
    let row: Option<ParticipantRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{PARTICIPANTS} WHERE p.campaign_id = $1 AND p.user_id = $2")))
            .bind(campaign)
            .bind(user.0)
            .fetch_optional(db.pool())
            .await?;
    row.map(participant).transpose()
}

/// A campaign as one viewer opens it: the campaign, its organisation, and the viewer's own
/// participant record with what they are asked to answer, when they take part.
#[derive(Debug)]
pub struct Opened {
    /// The campaign.
    pub campaign: Campaign,
    /// Its organisation.
    pub organisation: crate::organisations::Organisation,
    /// The viewer's participant record, when they take part.
    pub participant: Option<Participant>,
    /// What the participant is asked to answer (node codes; none means everything).
    pub assigned: Vec<String>,
}

/// A campaign with its organisation and `user`'s participant record with their assignment, in
/// one round trip: every campaign page and every autosave starts here, so a statement saved here
/// is saved on each of them (`docs/PERFORMANCE.md`).
pub async fn opened_by(db: &Db, id: i64, user: UserId) -> Result<Opened> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        campaign: CampaignRow,
        org_name: String,
        org_type: String,
        org_siret: Option<String>,
        org_region_id: i64,
        org_region_name: String,
        org_group_id: Option<i64>,
        org_group_name: Option<String>,
        org_address: String,
        org_postal_code: String,
        org_city: String,
        org_version: i64,
        p_id: Option<i64>,
        p_display_name: Option<String>,
        p_email: Option<String>,
        p_college: Option<String>,
        p_answered: i64,
        assigned: Option<String>,
    }
    // One row per assignment (one when there is none); the campaign's columns repeat on each.
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT c.id, c.organisation_id, c.referential_version_id, c.title, c.scope, c.status, c.answering_from,
            c.consolidation_on, c.restitution_on, c.protect_colleges, c.shared_with_region, c.created_at,
            c.consolidated_at, c.version, c.group_campaign_id,
            o.name AS org_name, o.org_type AS org_type, o.siret AS org_siret, o.region_id AS org_region_id,
            r.name AS org_region_name, o.group_id AS org_group_id, g.name AS org_group_name, o.address AS org_address,
            o.postal_code AS org_postal_code, o.city AS org_city, o.version AS org_version,
            p.id AS p_id, u.display_name AS p_display_name, u.email AS p_email, p.college AS p_college,
            (SELECT COUNT(*) FROM answers a WHERE a.participant_id = p.id AND a.kind <> 'none') AS p_answered,
            x.node_code AS assigned
         FROM campaigns c
         JOIN organisations o ON o.id = c.organisation_id
         JOIN regions r ON r.id = o.region_id
         LEFT JOIN groups_ges g ON g.id = o.group_id
         LEFT JOIN campaign_participants p ON p.campaign_id = c.id AND p.user_id = $2
         LEFT JOIN users u ON u.id = p.user_id
         LEFT JOIN campaign_assignments x ON x.participant_id = p.id
         WHERE c.id = $1
         ORDER BY x.id",
    )
    .bind(id)
    .bind(user.0)
    .fetch_all(db.pool())
    .await?;
    let assigned: Vec<String> = rows.iter().filter_map(|r| r.assigned.clone()).collect();
    let row = rows.into_iter().next().ok_or(StorageError::NotFound)?;
    let participant = match (row.p_id, row.p_display_name, row.p_email, row.p_college) {
        (Some(id), Some(display_name), Some(email), Some(college)) => Some(participant(ParticipantRow {
            id,
            user_id: user.0,
            display_name,
            email,
            college,
            answered: row.p_answered,
        })?),
        _ => None,
    };
    let organisation = crate::organisations::Organisation {
        id: row.campaign.organisation_id,
        name: row.org_name,
        org_type: row.org_type,
        siret: row.org_siret,
        region_id: row.org_region_id,
        region_name: row.org_region_name,
        group_id: row.org_group_id,
        group_name: row.org_group_name,
        address: row.org_address,
        postal_code: row.org_postal_code,
        city: row.org_city,
        version: row.org_version,
    };
    Ok(Opened { campaign: row.campaign.try_into()?, organisation, participant, assigned })
}

/// A stored answer.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAnswer {
    /// The indicator.
    pub indicator_code: String,
    /// The answer; `None` once cleared.
    pub value: Option<AnswerValue>,
    /// The participant's comment.
    pub comment: String,
    /// Incremented on every save; a save must name the version it changes.
    pub version: i64,
    /// When it was last saved (UTC seconds).
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
pub(crate) struct AnswerRow {
    indicator_code: String,
    kind: String,
    level_value: Option<i64>,
    number_value: Option<String>,
    text_value: Option<String>,
    comment: String,
    version: i64,
    updated_at: i64,
}

fn answer(r: AnswerRow) -> Result<StoredAnswer> {
    let corrupt = || StorageError::Corrupt(format!("answer {}", r.indicator_code));
    let value = match r.kind.as_str() {
        "none" => None,
        "level" => Some(AnswerValue::Level(r.level_value.ok_or_else(corrupt)?)),
        "na" => Some(AnswerValue::NotApplicable),
        "unknown" => Some(AnswerValue::Unknown),
        "yes" => Some(AnswerValue::YesNo(true)),
        "no" => Some(AnswerValue::YesNo(false)),
        "number" => {
            Some(AnswerValue::Number(r.number_value.as_deref().and_then(|n| n.parse().ok()).ok_or_else(corrupt)?))
        }
        "text" => Some(AnswerValue::Text(r.text_value.clone().ok_or_else(corrupt)?)),
        _ => return Err(corrupt()),
    };
    Ok(StoredAnswer {
        indicator_code: r.indicator_code,
        value,
        comment: r.comment,
        version: r.version,
        updated_at: r.updated_at,
    })
}

fn columns(value: &Option<AnswerValue>) -> (&'static str, Option<i64>, Option<String>, Option<String>) {
    match value {
        None => ("none", None, None, None),
        Some(AnswerValue::Level(v)) => ("level", Some(*v), None, None),
        Some(AnswerValue::NotApplicable) => ("na", None, None, None),
        Some(AnswerValue::Unknown) => ("unknown", None, None, None),
        Some(AnswerValue::YesNo(true)) => ("yes", None, None, None),
        Some(AnswerValue::YesNo(false)) => ("no", None, None, None),
        Some(AnswerValue::Number(n)) => ("number", None, Some(n.to_string()), None),
        Some(AnswerValue::Text(t)) => ("text", None, None, Some(t.clone())),
    }
}

/// A participant's first answer to an indicator; does nothing if one exists already (the caller
/// then sees no row written).
fn first_answer<'q>(
    campaign: i64,
    participant: i64,
    code: &'q str,
    value: &Option<AnswerValue>,
    comment: &'q str,
    at: i64,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    let (kind, level, number, text) = columns(value);
    sqlx::query(
        "INSERT INTO answers (campaign_id, participant_id, indicator_code, kind, level_value, number_value, text_value,
            comment, version, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9) ON CONFLICT (participant_id, indicator_code) DO NOTHING",
    )
    .bind(campaign)
    .bind(participant)
    .bind(code)
    .bind(kind)
    .bind(level)
    .bind(number)
    .bind(text)
    .bind(comment)
    .bind(at)
}

/// Every answer of one participant, by indicator code.
pub async fn answers_of(db: &Db, participant: i64) -> Result<HashMap<String, StoredAnswer>> {
    let rows: Vec<AnswerRow> = sqlx::query_as(
        "SELECT indicator_code, kind, level_value, number_value, text_value, comment, version, updated_at FROM answers
         WHERE participant_id = $1",
    )
    .bind(participant)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(|r| answer(r).map(|a| (a.indicator_code.clone(), a))).collect()
}

/// The indicators of `campaign` that wait for no answer from `participant` any more: those they
/// answered with a value, and those a workshop decided for everyone. Codes only, in one read:
/// the home page counts them for each campaign open for answers.
pub async fn settled_codes(db: &Db, campaign: i64, participant: i64) -> Result<std::collections::HashSet<String>> {
    let codes: Vec<String> = sqlx::query_scalar(
        "SELECT indicator_code FROM answers WHERE participant_id = $1 AND kind <> 'none'
         UNION SELECT indicator_code FROM consolidated_answers
         WHERE campaign_id = $2 AND source = 'workshop' AND kind <> 'none'",
    )
    .bind(participant)
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    Ok(codes.into_iter().collect())
}

/// One participant's answer to one indicator, as stored now.
pub async fn answer_of(db: &Db, participant: i64, code: &str) -> Result<StoredAnswer> {
    let row: AnswerRow = sqlx::query_as(
        "SELECT indicator_code, kind, level_value, number_value, text_value, comment, version, updated_at FROM answers
         WHERE participant_id = $1 AND indicator_code = $2",
    )
    .bind(participant)
    .bind(code)
    .fetch_optional(db.pool())
    .await?
    .ok_or(StorageError::NotFound)?;
    answer(row)
}

/// An answer written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// The answer's new version.
    pub version: i64,
    /// When (UTC seconds).
    pub at: i64,
}

/// The outcome of a versioned write of one answer row (`table`'s row of `owner` for `code`):
/// written when it changed a row, otherwise refused with the version stored now, read through
/// `ex` ([`StorageError::Stale`]: another tab, another device), or [`StorageError::NotFound`].
async fn answer_written<'e, E>(
    ex: E,
    rows: u64,
    (table, owner_column, owner): (&'static str, &'static str, i64),
    code: &str,
    read: i64,
    at: i64,
) -> Result<Written>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    if rows == 1 {
        return Ok(Written { version: read + 1, at });
    }
    let current: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT version FROM {table} WHERE {owner_column} = $1 AND indicator_code = $2"
    )))
    .bind(owner)
    .bind(code)
    .fetch_optional(ex)
    .await?;
    Err(StorageError::refused(read, current))
}

/// Saves an answer if it is still at `expected_version` (0 for a first answer); a change made
/// meanwhile is refused as [`StorageError::Stale`].
pub async fn save_answer(
    db: &Db,
    campaign: i64,
    participant: i64,
    code: &str,
    value: &Option<AnswerValue>,
    comment: &str,
    expected_version: i64,
) -> Result<Written> {
    let at = now();
    let done =
        answer_write(campaign, participant, code, value, comment, expected_version, at).execute(db.pool()).await?;
    answer_written(
        db.pool(),
        done.rows_affected(),
        ("answers", "participant_id", participant),
        code,
        expected_version,
        at,
    )
    .await
}

/// One participant's answer to write with others ([`save_answers`]).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerSave {
    /// The campaign.
    pub campaign: i64,
    /// The participant answering.
    pub participant: i64,
    /// The indicator.
    pub code: String,
    /// The answer; `None` clears it.
    pub value: Option<AnswerValue>,
    /// The participant's comment.
    pub comment: String,
    /// The version the participant saw (0 for a first answer).
    pub expected_version: i64,
}

/// Writes answers together in one transaction, so one commit (one `fsync` on SQLite) carries
/// all of them. Each is checked against its own version as [`save_answer`] does: one refused as
/// stale gets its own [`StorageError::Stale`] and the others are written. An error of the
/// database itself fails the whole batch, and then nothing of it is written.
///
/// On PostgreSQL, when every save changes its own answer, the later answers (not the first ones)
/// are changed by one statement ([`changed_together`]): one round trip for the batch instead of
/// one each. When two saves change the same answer, they are written one after the other, so the
/// second is checked against the first's version. SQLite has no round trip to save (a statement
/// is a call into the library), and there the statements one by one measured faster and lighter
/// (`docs/PERFORMANCE.md`, « Saves changed by one statement on PostgreSQL »).
pub async fn save_answers(db: &Db, saves: &[AnswerSave]) -> Result<Vec<Result<Written>>> {
    let at = now();
    let mut tx = db.begin_write().await?;
    let mut keys = std::collections::HashSet::with_capacity(saves.len());
    let together =
        db.backend() == crate::Backend::Postgres && saves.iter().all(|s| keys.insert((s.participant, s.code.as_str())));
    let in_one_statement = |s: &AnswerSave| together && s.expected_version > 0;
    let later: Vec<&AnswerSave> = saves.iter().filter(|s| in_one_statement(s)).collect();
    let changed = changed_together(&mut tx, &later, at).await?;
    let mut outcomes = Vec::with_capacity(saves.len());
    for s in saves {
        let rows = if in_one_statement(s) {
            u64::from(changed.contains(&(s.participant, s.code.clone())))
        } else {
            let write = answer_write(s.campaign, s.participant, &s.code, &s.value, &s.comment, s.expected_version, at);
            write.execute(&mut *tx).await?.rows_affected()
        };
        let owner = ("answers", "participant_id", s.participant);
        outcomes.push(match answer_written(&mut *tx, rows, owner, &s.code, s.expected_version, at).await {
            Err(e @ StorageError::Database(_)) => return Err(e),
            outcome => outcome,
        });
    }
    tx.commit().await?;
    Ok(outcomes)
}

/// The most answers one statement of [`changed_together`] changes (eight parameters each, well
/// under PostgreSQL's limit of 65,535).
const CHANGED_PER_STATEMENT: usize = 256;

/// The types of one save's values in [`changed_together`]'s statement, in the order bound:
/// participant, indicator, expected version, kind, level, number, text, comment.
const SAVED_TYPES: [&str; 8] = ["BIGINT", "TEXT", "BIGINT", "TEXT", "BIGINT", "TEXT", "TEXT", "TEXT"];

/// Changes the answers of `saves`, each its own (participant, indicator), those still at their
/// expected version, with as few statements as the batch allows; returns which it changed. The
/// audit trigger writes each one's entry, as for one answer.
async fn changed_together(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    saves: &[&AnswerSave],
    at: i64,
) -> Result<std::collections::HashSet<(i64, String)>> {
    let mut changed = std::collections::HashSet::with_capacity(saves.len());
    for chunk in saves.chunks(CHANGED_PER_STATEMENT) {
        // Placeholders only: every value is bound. The casts give PostgreSQL the columns' types.
        // $1 is the time; each save's values follow.
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| {
                let casts: Vec<String> = SAVED_TYPES
                    .iter()
                    .enumerate()
                    .map(|(k, ty)| format!("CAST(${} AS {ty})", 2 + i * SAVED_TYPES.len() + k))
                    .collect();
                format!("({})", casts.join(", "))
            })
            .collect();
        let sql = format!(
            "WITH saved (participant, code, expected, kind, level_value, number_value, text_value, comment) AS (
               VALUES {}
             )
             UPDATE answers SET kind = saved.kind, level_value = saved.level_value,
               number_value = saved.number_value, text_value = saved.text_value, comment = saved.comment,
               version = answers.version + 1, updated_at = $1
             FROM saved
             WHERE answers.participant_id = saved.participant AND answers.indicator_code = saved.code
               AND answers.version = saved.expected
             RETURNING participant_id, indicator_code",
            rows.join(", ")
        );
        // Not kept prepared: each batch size is another statement, and sixteen connections keeping
        // every size grew PostgreSQL's memory by about 100 MB under the benchmark's saves.
        let mut query = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql)).persistent(false).bind(at);
        for s in chunk {
            let (kind, level, number, text) = columns(&s.value);
            query = query
                .bind(s.participant)
                .bind(s.code.as_str())
                .bind(s.expected_version)
                .bind(kind)
                .bind(level)
                .bind(number)
                .bind(text)
                .bind(s.comment.as_str());
        }
        changed.extend(query.fetch_all(&mut **tx).await?);
    }
    Ok(changed)
}

/// The statement writing a participant's answer if it is still at `expected_version` (0: a
/// first answer); it changes no row otherwise.
pub(crate) fn answer_write<'q>(
    campaign: i64,
    participant: i64,
    code: &'q str,
    value: &Option<AnswerValue>,
    comment: &'q str,
    expected_version: i64,
    at: i64,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    if expected_version == 0 {
        return first_answer(campaign, participant, code, value, comment, at);
    }
    let (kind, level, number, text) = columns(value);
    sqlx::query(
        "UPDATE answers SET kind = $1, level_value = $2, number_value = $3, text_value = $4, comment = $5,
            version = version + 1, updated_at = $6
         WHERE participant_id = $7 AND indicator_code = $8 AND version = $9",
    )
    .bind(kind)
    .bind(level)
    .bind(number)
    .bind(text)
    .bind(comment)
    .bind(at)
    .bind(participant)
    .bind(code)
    .bind(expected_version)
}

/// Replaces the pillars in scope if the campaign is still at `expected_version`.
pub async fn set_scope(db: impl Into<Writer<'_>>, id: i64, scope: &[String], expected_version: i64) -> Result<()> {
    set_column(db.into(), id, "scope", serde_json::Value::from(scope.to_vec()).to_string(), expected_version).await
}

/// Sets one of the campaign's own columns (a fixed name, never input) if the campaign is still at
/// `expected_version`.
async fn set_column<T>(w: Writer<'_>, id: i64, column: &'static str, value: T, expected_version: i64) -> Result<()>
where
    T: for<'q> sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any> + Send,
{
    let mut tx = w.begin().await?;
    let done = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE campaigns SET {column} = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND version = $4"
    )))
    .bind(value)
    .bind(now())
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        w.commit(tx).await
    } else {
        Err(crate::db::refused(&mut *tx, "campaigns", "id", id, expected_version).await?)
    }
}

/// The steps stored for a campaign's pillars (none for a campaign that never moved a pillar on
/// its own: see [`cap_domain::pillar_step::PillarSteps::resolve`]).
pub async fn pillar_steps(db: &Db, campaign: i64) -> Result<Vec<(String, PillarStep)>> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT pillar, step FROM campaign_pillar_steps WHERE campaign_id = $1 ORDER BY pillar")
            .bind(campaign)
            .fetch_all(db.pool())
            .await?;
    rows.into_iter()
        .map(|(pillar, step)| {
            Ok((
                pillar,
                PillarStep::from_code(&step)
                    .ok_or_else(|| StorageError::Corrupt(format!("campaign {campaign}: pillar step")))?,
            ))
        })
        .collect()
}

/// Stores the steps of the campaign's pillars and the status they imply, with its new `scope`
/// when it changes, if the campaign is still at `expected_version`; in one transaction, so the
/// campaign's status never disagrees with its pillars.
pub async fn set_pillar_steps(
    db: impl Into<Writer<'_>>,
    id: i64,
    steps: &[(String, PillarStep)],
    status: CampaignStatus,
    scope: Option<&[String]>,
    expected_version: i64,
) -> Result<()> {
    let at = now();
    let w = db.into();
    let mut tx = w.begin().await?;
    let done = sqlx::query(
        "UPDATE campaigns SET status = $1, scope = COALESCE($2, scope), version = version + 1, updated_at = $3
         WHERE id = $4 AND version = $5",
    )
    .bind(status.code())
    .bind(scope.map(|s| serde_json::Value::from(s.to_vec()).to_string()))
    .bind(at)
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(crate::db::refused(&mut *tx, "campaigns", "id", id, expected_version).await?);
    }
    let kept: Vec<&str> = steps.iter().map(|(p, _)| p.as_str()).collect();
    let stored: Vec<(String,)> = sqlx::query_as("SELECT pillar FROM campaign_pillar_steps WHERE campaign_id = $1")
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
    for (pillar,) in stored {
        if !kept.contains(&pillar.as_str()) {
            sqlx::query("DELETE FROM campaign_pillar_steps WHERE campaign_id = $1 AND pillar = $2")
                .bind(id)
                .bind(&pillar)
                .execute(&mut *tx)
                .await?;
        }
    }
    for (pillar, step) in steps {
        // The time a pillar reached its step is kept while it stays there.
        sqlx::query(
            "INSERT INTO campaign_pillar_steps (campaign_id, pillar, step, changed_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (campaign_id, pillar) DO UPDATE SET step = excluded.step, changed_at = excluded.changed_at
             WHERE campaign_pillar_steps.step <> excluded.step",
        )
        .bind(id)
        .bind(pillar)
        .bind(step.code())
        .bind(at)
        .execute(&mut *tx)
        .await?;
    }
    w.commit(tx).await?;
    Ok(())
}

/// A campaign option a coordinator turns on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignOption {
    /// Collèges of fewer than three people are hidden in the consolidation.
    ProtectColleges,
    /// The region's delegates may read the results.
    SharedWithRegion,
}

impl CampaignOption {
    const fn column(self) -> &'static str {
        match self {
            Self::ProtectColleges => "protect_colleges",
            Self::SharedWithRegion => "shared_with_region",
        }
    }
}

/// Turns a campaign option on or off; `Stale` when the campaign changed since `expected_version`.
pub async fn set_option(
    db: impl Into<Writer<'_>>,
    id: i64,
    option: CampaignOption,
    on: bool,
    expected_version: i64,
) -> Result<()> {
    set_column(db.into(), id, option.column(), i64::from(on), expected_version).await
}

/// Every answer of a campaign with its participant's collège: (participant id, collège, answer).
pub async fn all_answers(db: &Db, campaign: i64) -> Result<Vec<(i64, College, StoredAnswer)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        participant_id: i64,
        college: String,
        #[sqlx(flatten)]
        answer: AnswerRow,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT a.participant_id, p.college, a.indicator_code, a.kind, a.level_value, a.number_value, a.text_value, a.comment,
                a.version, a.updated_at
         FROM answers a JOIN campaign_participants p ON p.id = a.participant_id WHERE a.campaign_id = $1",
    )
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|r| {
            let college = College::from_code(&r.college).map_err(|_| StorageError::Corrupt("college".into()))?;
            Ok((r.participant_id, college, answer(r.answer)?))
        })
        .collect()
}

/// The organisation's shared answer to one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Consolidated {
    /// The indicator.
    pub indicator_code: String,
    /// The shared answer.
    pub value: Option<AnswerValue>,
    /// The level proposed from individual answers, when there was one.
    pub proposal: Option<i64>,
    /// Why the shared answer differs from the proposal.
    pub rationale: String,
    /// `consolidation` or `workshop`.
    pub source: String,
    /// Incremented on every save.
    pub version: i64,
    /// When (UTC seconds).
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct ConsolidatedRow {
    #[sqlx(flatten)]
    answer: AnswerRow,
    proposal: Option<i64>,
    rationale: String,
    source: String,
}

/// The shared answers of a campaign, by indicator code.
pub async fn consolidated(db: &Db, campaign: i64) -> Result<HashMap<String, Consolidated>> {
    let rows: Vec<ConsolidatedRow> = sqlx::query_as(
        "SELECT indicator_code, kind, level_value, number_value, text_value, '' AS comment, version, updated_at, proposal,
                rationale, source
         FROM consolidated_answers WHERE campaign_id = $1",
    )
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|r| {
            let a = answer(r.answer)?;
            Ok((
                a.indicator_code.clone(),
                Consolidated {
                    indicator_code: a.indicator_code,
                    value: a.value,
                    proposal: r.proposal,
                    rationale: r.rationale,
                    source: r.source,
                    version: a.version,
                    updated_at: a.updated_at,
                },
            ))
        })
        .collect()
}

/// A shared answer to record.
#[derive(Debug, Clone)]
pub struct NewConsolidated<'a> {
    /// The indicator.
    pub code: &'a str,
    /// The answer.
    pub value: &'a Option<AnswerValue>,
    /// The proposal it was decided against.
    pub proposal: Option<i64>,
    /// Why it differs from the proposal.
    pub rationale: &'a str,
    /// `consolidation` or `workshop`.
    pub source: &'a str,
    /// Who decided.
    pub decided_by: Option<UserId>,
}

impl<'a> NewConsolidated<'a> {
    /// A shared answer settled in consolidation without a proposal to depart from (the data
    /// generator's and the demo's answers).
    pub fn settled(code: &'a str, value: &'a Option<AnswerValue>, decided_by: Option<UserId>) -> Self {
        Self { code, value, proposal: None, rationale: "", source: "consolidation", decided_by }
    }
}

/// Records the shared answer if it is still at `expected_version` (0 for a first decision); a
/// decision made meanwhile is refused as [`StorageError::Stale`].
pub async fn save_consolidated(
    db: impl Into<Writer<'_>>,
    campaign: i64,
    c: &NewConsolidated<'_>,
    expected_version: i64,
) -> Result<Written> {
    let w = db.into();
    let mut tx = w.begin().await?;
    let at = now();
    let done = consolidated_write(campaign, c, expected_version, at).execute(&mut *tx).await?;
    let written = answer_written(
        w.db().pool(),
        done.rows_affected(),
        ("consolidated_answers", "campaign_id", campaign),
        c.code,
        expected_version,
        at,
    )
    .await?;
    w.commit(tx).await?;
    Ok(written)
}

/// The statement recording a shared answer if it is still at `expected_version` (0: a first
/// decision); it changes no row otherwise.
pub(crate) fn consolidated_write<'q>(
    campaign: i64,
    c: &'q NewConsolidated<'q>,
    expected_version: i64,
    at: i64,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    if expected_version == 0 {
        return first_consolidated(campaign, c, at);
    }
    let (kind, level, number, text) = columns(c.value);
    sqlx::query(
        "UPDATE consolidated_answers SET kind = $1, level_value = $2, number_value = $3, text_value = $4, proposal = $5,
            rationale = $6, source = $7, decided_by = $8, version = version + 1, updated_at = $9
         WHERE campaign_id = $10 AND indicator_code = $11 AND version = $12",
    )
    .bind(kind)
    .bind(level)
    .bind(number)
    .bind(text)
    .bind(c.proposal)
    .bind(c.rationale)
    .bind(c.source)
    .bind(c.decided_by.map(|u| u.0))
    .bind(at)
    .bind(campaign)
    .bind(c.code)
    .bind(expected_version)
}

/// The statement recording a first shared answer (nothing when one exists already).
fn first_consolidated<'q>(
    campaign: i64,
    c: &'q NewConsolidated<'q>,
    at: i64,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    let (kind, level, number, text) = columns(c.value);
    sqlx::query(
        "INSERT INTO consolidated_answers (campaign_id, indicator_code, kind, level_value, number_value, text_value,
            proposal, rationale, source, decided_by, version, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11) ON CONFLICT (campaign_id, indicator_code) DO NOTHING",
    )
    .bind(campaign)
    .bind(c.code)
    .bind(kind)
    .bind(level)
    .bind(number)
    .bind(text)
    .bind(c.proposal)
    .bind(c.rationale)
    .bind(c.source)
    .bind(c.decided_by.map(|u| u.0))
    .bind(at)
}

/// Records many first shared answers of one campaign in a single transaction (the data
/// generator's and the demo's path; the consolidation page decides one at a time with versions).
pub async fn insert_consolidated(db: &Db, campaign: i64, answers: &[NewConsolidated<'_>]) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let at = now();
    for c in answers {
        first_consolidated(campaign, c, at).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Writes many first answers of one campaign in a single transaction (the data generator's path;
/// the answering pages save one answer at a time with its version).
pub async fn insert_answers(
    db: &Db,
    campaign: i64,
    answers: &[(i64, String, Option<AnswerValue>, String)],
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let at = now();
    for (participant, code, value, comment) in answers {
        first_answer(campaign, *participant, code, value, comment, at)
            .execute(&mut *tx)
            .await
            .map_err(StorageError::from_write)?;
    }
    tx.commit().await?;
    Ok(())
}

/// Replaces what a participant is asked to answer (node codes; none means everything).
pub async fn set_assignment(db: impl Into<Writer<'_>>, participant: i64, codes: &[String]) -> Result<()> {
    let w = db.into();
    let mut tx = w.begin().await?;
    sqlx::query("DELETE FROM campaign_assignments WHERE participant_id = $1")
        .bind(participant)
        .execute(&mut *tx)
        .await?;
    for code in codes {
        sqlx::query("INSERT INTO campaign_assignments (participant_id, node_code) VALUES ($1, $2)")
            .bind(participant)
            .bind(code)
            .execute(&mut *tx)
            .await
            .map_err(StorageError::from_write)?;
    }
    w.commit(tx).await?;
    Ok(())
}

/// What each participant of a campaign is asked to answer, by participant id (absent: everything).
pub async fn assignments(db: &Db, campaign: i64) -> Result<HashMap<i64, Vec<String>>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT a.participant_id, a.node_code FROM campaign_assignments a
         JOIN campaign_participants p ON p.id = a.participant_id WHERE p.campaign_id = $1 ORDER BY a.id",
    )
    .bind(campaign)
    .fetch_all(db.pool())
    .await?;
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    for (participant, code) in rows {
        out.entry(participant).or_default().push(code);
    }
    Ok(out)
}

/// The campaigns a user takes part in whose answers are open, in one query (a participant's home
/// lists them).
pub async fn answering(db: &Db, user: UserId) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT p.campaign_id FROM campaign_participants p JOIN campaigns c ON c.id = p.campaign_id
         WHERE p.user_id = $1 AND c.status = $2 ORDER BY p.campaign_id",
    )
    .bind(user.0)
    .bind(cap_domain::campaign::CampaignStatus::SelfAssessment.code())
    .fetch_all(db.pool())
    .await?)
}

/// The campaigns a user takes part in.
pub async fn taking_part(db: &Db, user: UserId) -> Result<std::collections::HashSet<i64>> {
    let ids: Vec<i64> = sqlx::query_scalar("SELECT campaign_id FROM campaign_participants WHERE user_id = $1")
        .bind(user.0)
        .fetch_all(db.pool())
        .await?;
    Ok(ids.into_iter().collect())
}
