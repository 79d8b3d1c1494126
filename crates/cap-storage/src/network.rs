//! The network's figures: each scored campaign's scores (derived, rebuilt when its shared answers
//! or targets change) and the aggregates the dashboards and benchmarks read. Aggregates return
//! raw counts of organisations; hiding small cells is the domain's job (`cap_domain::network`).

use crate::{Db, error::Result, now};
use cap_domain::network::{utc_year, utc_year_start};

/// Which part of the network a figure covers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// One region, or all.
    pub region: Option<i64>,
    /// One organisation type (code), or all.
    pub org_type: Option<String>,
    /// Campaigns created in this year, or all.
    pub year: Option<i64>,
}

/// The filter as SQL over `network_campaigns n` (`$1` region, `$2` type, `$3` year).
const FILTER: &str =
    "($1 IS NULL OR n.region_id = $1) AND ($2 IS NULL OR n.org_type = $2) AND ($3 IS NULL OR n.year = $3)";

/// A campaign whose scores may need rebuilding, with its stamp as stored and as it is now.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Candidate {
    /// The campaign.
    pub campaign_id: i64,
    /// Its organisation.
    pub organisation_id: i64,
    /// The organisation's region.
    pub region_id: i64,
    /// The organisation's type.
    pub org_type: String,
    /// The year the campaign was created.
    pub year: i64,
    /// The stamp of its shared answers, targets and organisation now.
    pub stamp: String,
    /// The stamp its stored scores were built from, if any.
    pub stored_stamp: Option<String>,
}

#[derive(sqlx::FromRow)]
struct CandidateRow {
    campaign_id: i64,
    organisation_id: i64,
    region_id: i64,
    org_type: String,
    created_at: i64,
    status: String,
    shared: i64,
    shared_versions: i64,
    target_versions: i64,
    stored_stamp: Option<String>,
}

/// Every campaign past its self-assessment, with its stamp now and as stored. Campaigns whose
/// stamps differ need their scores rebuilt.
pub async fn candidates(db: &Db) -> Result<Vec<Candidate>> {
    let rows: Vec<CandidateRow> = sqlx::query_as(
        "SELECT c.id AS campaign_id, c.organisation_id, o.region_id, o.org_type, c.created_at, c.status,
            (SELECT COUNT(*) FROM consolidated_answers WHERE campaign_id = c.id) AS shared,
            (SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM consolidated_answers WHERE campaign_id = c.id)
              AS shared_versions,
            (SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM campaign_targets WHERE campaign_id = c.id)
              AS target_versions,
            n.stamp AS stored_stamp
         FROM campaigns c JOIN organisations o ON o.id = c.organisation_id
         LEFT JOIN network_campaigns n ON n.campaign_id = c.id
         WHERE c.status IN ('consolidation', 'review', 'plan_validated', 'follow_up', 'closed')
         ORDER BY c.id",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let year = utc_year(r.created_at);
            Candidate {
                stamp: format!(
                    "{}:{}:{}:{}:{}:{}",
                    r.shared, r.shared_versions, r.target_versions, r.region_id, r.org_type, r.status
                ),
                campaign_id: r.campaign_id,
                organisation_id: r.organisation_id,
                region_id: r.region_id,
                org_type: r.org_type,
                year,
                stored_stamp: r.stored_stamp,
            }
        })
        .collect())
}

/// One scored node of a campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeRow {
    /// The node's code.
    pub code: String,
    /// Whether it is an indicator (else a pillar or objective).
    pub is_indicator: bool,
    /// Its score, a share of the scale (0 to 1).
    pub score: Option<f64>,
    /// Its target as a share (objectives and pillars).
    pub target: Option<f64>,
    /// The shared level (indicators).
    pub level: Option<i64>,
    /// The target level (indicators).
    pub target_level: Option<i64>,
}

/// Replaces a campaign's scores, in one transaction, and marks which of its organisation's
/// campaigns is the latest scored one.
pub async fn replace_scores(db: &Db, c: &Candidate, overall: Option<f64>, nodes: &[NodeRow]) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM network_scores WHERE campaign_id = $1").bind(c.campaign_id).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM network_campaigns WHERE campaign_id = $1").bind(c.campaign_id).execute(&mut *tx).await?;
    sqlx::query(
        "INSERT INTO network_campaigns (campaign_id, organisation_id, region_id, org_type, year, latest, stamp,
            overall_ppm, refreshed_at) VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8)",
    )
    .bind(c.campaign_id)
    .bind(c.organisation_id)
    .bind(c.region_id)
    .bind(&c.org_type)
    .bind(c.year)
    .bind(&c.stamp)
    .bind(overall.map(to_ppm))
    .bind(now())
    .execute(&mut *tx)
    .await?;
    for n in nodes {
        sqlx::query(
            "INSERT INTO network_scores (campaign_id, node_code, is_indicator, score_ppm, target_ppm, level, target_level)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(c.campaign_id)
        .bind(&n.code)
        .bind(i64::from(n.is_indicator))
        .bind(n.score.map(to_ppm))
        .bind(n.target.map(to_ppm))
        .bind(n.level)
        .bind(n.target_level)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query(
        "UPDATE network_campaigns SET latest = CASE WHEN campaign_id =
            (SELECT MAX(campaign_id) FROM network_campaigns WHERE organisation_id = $1) THEN 1 ELSE 0 END
         WHERE organisation_id = $1",
    )
    .bind(c.organisation_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A share (0 to 1) in millionths.
fn to_ppm(share: f64) -> i64 {
    (share.clamp(0.0, 1.0) * 1_000_000.0).round() as i64
}

fn from_ppm(ppm: i64) -> f64 {
    ppm as f64 / 1_000_000.0
}

/// Rebuilds the pre-added figures from the latest campaigns' scores, in one transaction.
pub async fn rebuild_cube(db: &Db) -> Result<()> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM network_cube_nodes").execute(&mut *tx).await?;
    sqlx::query("DELETE FROM network_cube_levels").execute(&mut *tx).await?;
    // Only the network's referential is added up: the same node code in another referential is
    // another question.
    let code: Option<String> = sqlx::query_scalar(NETWORK_REFERENTIAL).fetch_optional(&mut *tx).await?;
    let code = code.unwrap_or_default();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO network_cube_nodes (region_id, org_type, year, node_code, organisations, score_sum, target_sum, targets)
         SELECT n.region_id, n.org_type, n.year, s.node_code, COUNT(*), CAST(SUM(s.score_ppm) AS BIGINT),
            CAST(COALESCE(SUM(s.target_ppm), 0) AS BIGINT), COUNT(s.target_ppm)
         FROM network_scores s JOIN network_campaigns n ON n.campaign_id = s.campaign_id
         WHERE n.latest = 1 AND s.is_indicator = 0 AND s.score_ppm IS NOT NULL AND {ON_REFERENTIAL}
         GROUP BY n.region_id, n.org_type, n.year, s.node_code"
    )))
    .bind(&code)
    .execute(&mut *tx)
    .await?;
    for (is_target, column) in [(0, "s.level"), (1, "s.target_level")] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO network_cube_levels (region_id, org_type, year, node_code, is_target, level, organisations)
             SELECT n.region_id, n.org_type, n.year, s.node_code, {is_target}, {column}, COUNT(*)
             FROM network_scores s JOIN network_campaigns n ON n.campaign_id = s.campaign_id
             WHERE n.latest = 1 AND s.is_indicator = 1 AND {column} IS NOT NULL AND {ON_REFERENTIAL}
             GROUP BY n.region_id, n.org_type, n.year, s.node_code, {column}"
        )))
        .bind(&code)
        .execute(&mut *tx)
        .await?;
    }
    // Marks the rebuild, so figures kept under the previous cube are not used again.
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES ('network_cube', $1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(format!("{}", std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos())))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The stamp of every network figure: it changes when the pre-added figures are rebuilt, and
/// when campaigns, organisations or plans' actions are added or change (counts and steps read
/// live). Each part is read through an index, so the stamp costs the same at any volume.
pub async fn stamp(db: &Db) -> Result<(String, i64, i64, i64, i64)> {
    let cube: Option<String> =
        sqlx::query_scalar("SELECT value FROM settings WHERE key = 'network_cube'").fetch_optional(db.pool()).await?;
    let (campaigns, changed, organisations, actions): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM campaigns),
            (SELECT CAST(COALESCE(MAX(updated_at), 0) AS BIGINT) FROM campaigns)
              + (SELECT CAST(COALESCE(MAX(updated_at), 0) AS BIGINT) FROM organisations),
            (SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM organisations),
            (SELECT CAST(COALESCE(MAX(updated_at), 0) AS BIGINT) FROM plan_actions)",
    )
    .fetch_one(db.pool())
    .await?;
    Ok((cube.unwrap_or_default(), campaigns, changed, organisations, actions))
}

/// Organisations of a region and type: how many there are, how many have run a campaign.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Engagement {
    /// Region.
    pub region_id: i64,
    /// Its name.
    pub region: String,
    /// Organisation type code.
    pub org_type: String,
    /// Member organisations.
    pub organisations: i64,
    /// Of which have run at least one campaign.
    pub engaged: i64,
}

/// Organisations by region and type, engaged or not (the year filters campaigns).
pub async fn engagement(db: &Db, f: &Filter) -> Result<Vec<Engagement>> {
    Ok(sqlx::query_as(
        "SELECT o.region_id, r.name AS region, o.org_type, COUNT(*) AS organisations,
            CAST(SUM(CASE WHEN EXISTS (SELECT 1 FROM campaigns c WHERE c.organisation_id = o.id
                AND ($3 IS NULL OR c.created_at >= $4 AND c.created_at < $5)) THEN 1 ELSE 0 END) AS BIGINT) AS engaged
         FROM organisations o JOIN regions r ON r.id = o.region_id
         WHERE ($1 IS NULL OR o.region_id = $1) AND ($2 IS NULL OR o.org_type = $2)
         GROUP BY o.region_id, r.name, o.org_type ORDER BY r.name, o.org_type",
    )
    .bind(f.region)
    .bind(f.org_type.as_deref())
    .bind(f.year)
    .bind(f.year.map(utc_year_start))
    .bind(f.year.map(|y| utc_year_start(y + 1)))
    .fetch_all(db.pool())
    .await?)
}

/// Campaigns by status: how many, from how many organisations.
pub async fn campaigns_by_status(db: &Db, f: &Filter) -> Result<Vec<(String, i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT c.status, COUNT(*), COUNT(DISTINCT c.organisation_id)
         FROM campaigns c JOIN organisations o ON o.id = c.organisation_id
         WHERE ($1 IS NULL OR o.region_id = $1) AND ($2 IS NULL OR o.org_type = $2)
           AND ($3 IS NULL OR c.created_at >= $4 AND c.created_at < $5)
         GROUP BY c.status",
    )
    .bind(f.region)
    .bind(f.org_type.as_deref())
    .bind(f.year)
    .bind(f.year.map(utc_year_start))
    .bind(f.year.map(|y| utc_year_start(y + 1)))
    .fetch_all(db.pool())
    .await?)
}

/// A node's mean over the latest campaigns of the organisations in the filter.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeMean {
    /// The node.
    pub node_code: String,
    /// Organisations scored on it.
    pub organisations: i64,
    /// Mean score (share of the scale).
    pub score: Option<f64>,
    /// Mean target.
    pub target: Option<f64>,
}

/// Pillars' and objectives' mean scores and targets.
pub async fn node_means(db: &Db, f: &Filter) -> Result<Vec<NodeMean>> {
    let rows: Vec<(String, i64, i64, i64, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT n.node_code, CAST(SUM(n.organisations) AS BIGINT), CAST(SUM(n.score_sum) AS BIGINT),
            CAST(SUM(n.target_sum) AS BIGINT), CAST(SUM(n.targets) AS BIGINT)
         FROM network_cube_nodes n WHERE {FILTER} GROUP BY n.node_code"
    )))
    .bind(f.region)
    .bind(f.org_type.as_deref())
    .bind(f.year)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(node_code, n, score_sum, target_sum, targets)| NodeMean {
            node_code,
            organisations: n,
            score: (n > 0).then(|| from_ppm(score_sum) / n as f64),
            target: (targets > 0).then(|| from_ppm(target_sum) / targets as f64),
        })
        .collect())
}

/// How many organisations gave each level (or set each target level) on each indicator:
/// (indicator, level, organisations).
pub async fn level_counts(db: &Db, f: &Filter, targets: bool) -> Result<Vec<(String, i64, i64)>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT n.node_code, n.level, CAST(SUM(n.organisations) AS BIGINT)
         FROM network_cube_levels n WHERE n.is_target = $4 AND {FILTER}
         GROUP BY n.node_code, n.level"
    )))
    .bind(f.region)
    .bind(f.org_type.as_deref())
    .bind(f.year)
    .bind(i64::from(targets))
    .fetch_all(db.pool())
    .await?)
}

/// The indicators progress plans work on most: (indicator, actions, organisations).
pub async fn plan_themes(db: &Db, f: &Filter) -> Result<Vec<(String, i64, i64)>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT i.indicator_code, COUNT(*), COUNT(DISTINCT n.organisation_id)
         FROM plan_action_indicators i JOIN plan_actions a ON a.id = i.action_id
         JOIN plans p ON p.id = a.plan_id JOIN network_campaigns n ON n.campaign_id = p.campaign_id
         WHERE a.proposed = 0 AND {FILTER}
         GROUP BY i.indicator_code ORDER BY COUNT(*) DESC, i.indicator_code LIMIT 15"
    )))
    .bind(f.region)
    .bind(f.org_type.as_deref())
    .bind(f.year)
    .fetch_all(db.pool())
    .await?)
}

/// Offers of services requested in plans, by region: (region, offer code, actions, organisations).
pub async fn offers_requested(db: &Db, f: &Filter) -> Result<Vec<(String, String, i64, i64)>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT r.name, a.offer_code, COUNT(*), COUNT(DISTINCT n.organisation_id)
         FROM plan_actions a JOIN plans p ON p.id = a.plan_id JOIN network_campaigns n ON n.campaign_id = p.campaign_id
         JOIN regions r ON r.id = n.region_id
         WHERE a.offer_code IS NOT NULL AND a.proposed = 0 AND {FILTER}
         GROUP BY r.name, a.offer_code ORDER BY r.name, a.offer_code"
    )))
    .bind(f.region)
    .bind(f.org_type.as_deref())
    .bind(f.year)
    .fetch_all(db.pool())
    .await?)
}

/// Each organisation's scores on pillars and objectives (their latest campaigns on the
/// referential `referential`): (organisation, node, score). A peer's view leaves its own
/// organisation out of them.
pub async fn peer_scores(db: &Db, f: &Filter, referential: &str) -> Result<Vec<(i64, String, f64)>> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT n.organisation_id, s.node_code, s.score_ppm FROM network_scores s
         JOIN network_campaigns n ON n.campaign_id = s.campaign_id
         WHERE n.latest = 1 AND s.is_indicator = 0 AND s.score_ppm IS NOT NULL AND {FILTER} AND {}",
        ON_REFERENTIAL.replace("$1", "$4")
    )))
    .bind(f.region)
    .bind(f.org_type.as_deref())
    .bind(f.year)
    .bind(referential)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(organisation, code, ppm)| (organisation, code, from_ppm(ppm))).collect())
}

/// The network's referential: the one most organisations' latest scored campaigns use (the most
/// recent on a tie). Its code.
const NETWORK_REFERENTIAL: &str = "SELECT v.code FROM network_campaigns n JOIN campaigns c ON c.id = n.campaign_id
    JOIN referential_versions v ON v.id = c.referential_version_id
    WHERE n.latest = 1 GROUP BY v.code ORDER BY COUNT(*) DESC, MAX(n.campaign_id) DESC LIMIT 1";

/// The condition keeping the campaigns (`n`) of the referential whose code is `$1`.
const ON_REFERENTIAL: &str = "n.campaign_id IN (SELECT c.id FROM campaigns c
    JOIN referential_versions v ON v.id = c.referential_version_id WHERE v.code = $1)";

/// The version that names the network's figures: the latest version of the network's referential
/// used by a scored campaign.
pub async fn latest_referential_version(db: &Db) -> Result<Option<i64>> {
    let Some(code): Option<String> = sqlx::query_scalar(NETWORK_REFERENTIAL).fetch_optional(db.pool()).await? else {
        return Ok(None);
    };
    Ok(sqlx::query_scalar(
        "SELECT MAX(c.referential_version_id) FROM network_campaigns n JOIN campaigns c ON c.id = n.campaign_id
         JOIN referential_versions v ON v.id = c.referential_version_id WHERE v.code = $1",
    )
    .bind(code)
    .fetch_one(db.pool())
    .await?)
}

/// The scores of a group's organisations, from each one's latest scored campaign:
/// (organisation, campaign, referential version, node, score).
pub async fn group_scores(db: &Db, group: i64) -> Result<Vec<(i64, i64, i64, String, f64)>> {
    let rows: Vec<(i64, i64, i64, String, i64)> = sqlx::query_as(
        "SELECT n.organisation_id, n.campaign_id, c.referential_version_id, s.node_code, s.score_ppm
         FROM network_campaigns n JOIN organisations o ON o.id = n.organisation_id
         JOIN campaigns c ON c.id = n.campaign_id JOIN network_scores s ON s.campaign_id = n.campaign_id
         WHERE n.latest = 1 AND o.group_id = $1 AND s.is_indicator = 0 AND s.score_ppm IS NOT NULL",
    )
    .bind(group)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|(o, c, v, code, ppm)| (o, c, v, code, from_ppm(ppm))).collect())
}
