//! Read models of a campaign's results that the pages, the reports and the jobs share.

use crate::app::App;
use crate::campaigns::Loaded;
use crate::error::Result;
use crate::i18n::Tr;
use crate::referential_cache::CachedReferential;
use cap_domain::campaign::{AnswerValue, campaign_indicators};
use cap_domain::referential::{Node, Referential};
use cap_domain::scoring::{Scores, Targets, compute};
use cap_storage::campaigns::{self, Campaign};
use cap_storage::{Db, plans};
use std::collections::HashMap;
use std::sync::Arc;

/// The shared answers of a campaign (what the consolidation retained), by indicator code.
pub async fn shared_answers(db: &Db, campaign: i64) -> Result<HashMap<String, AnswerValue>> {
    Ok(campaigns::consolidated(db, campaign)
        .await?
        .into_iter()
        .filter_map(|(code, c)| c.value.map(|v| (code, v)))
        .collect())
}

/// An answer in words (« 3 — En place », « Non concerné », « 12,5 personnes »…).
pub fn value_label(t: Tr, r: &Referential, node: &Node, value: &Option<AnswerValue>) -> String {
    match value {
        None => t.t("answer.none").to_owned(),
        Some(AnswerValue::Level(v)) => r
            .scale
            .levels
            .iter()
            .find(|l| l.value == *v)
            .map_or_else(|| v.to_string(), |l| format!("{} — {}", l.value, l.label)),
        Some(AnswerValue::NotApplicable) => t.t("referential.not_applicable").to_owned(),
        Some(AnswerValue::Unknown) => t.t("referential.unknown").to_owned(),
        Some(AnswerValue::YesNo(true)) => t.t("answer.yes").to_owned(),
        Some(AnswerValue::YesNo(false)) => t.t("answer.no").to_owned(),
        Some(AnswerValue::Number(n)) => {
            format!("{} {}", cap_domain::campaign::format_number(*n), node.unit.clone().unwrap_or_default())
                .trim()
                .to_owned()
        }
        Some(AnswerValue::Text(text)) => text.clone(),
    }
}

/// A campaign's shared answers, targets and scores.
pub struct Outcome {
    /// Shared answers by indicator code.
    pub answers: HashMap<String, AnswerValue>,
    /// The organisation's targets.
    pub targets: Targets,
    /// The scores.
    pub scores: Scores,
}

/// Scores the campaign from its shared answers and targets.
pub async fn outcome(app: &App, loaded: &Loaded) -> Result<Outcome> {
    let answers = shared_answers(&app.db, loaded.campaign.id).await?;
    let targets = Targets(plans::targets(&app.db, loaded.campaign.id).await?);
    // Only the pillars whose consolidation began have results; the others are still to come.
    let scores = compute(&loaded.referential.referential, &loaded.result_indicators(), &answers, &targets);
    Ok(Outcome { answers, targets, scores })
}

/// The organisation's previous campaign with shared answers, its referential and its scores.
pub struct Previous {
    /// The campaign.
    pub campaign: Campaign,
    /// Its referential version.
    pub referential: Arc<CachedReferential>,
    /// Its scores.
    pub scores: Scores,
}

/// The organisation's campaigns this one may be compared with: those whose results existed when
/// it started (their consolidation ended before it was created), latest consolidated first. A
/// campaign running at the same time is not one of them.
pub async fn comparable(app: &App, loaded: &Loaded) -> Result<Vec<Campaign>> {
    let started = loaded.campaign.created_at;
    let mut earlier: Vec<Campaign> = campaigns::for_organisation(&app.db, cap_domain::OrganisationId(loaded.org.id))
        .await?
        .into_iter()
        .filter(|c| c.id != loaded.campaign.id && c.consolidated_at.is_some_and(|at| at <= started))
        .collect();
    earlier.sort_by_key(|c| std::cmp::Reverse((c.consolidated_at, c.id)));
    Ok(earlier)
}

/// The campaign to compare with: `chosen` when it is one of [`comparable`], else the latest one.
pub async fn previous(app: &App, loaded: &Loaded, chosen: Option<i64>) -> Result<Option<Previous>> {
    let candidates = comparable(app, loaded).await?;
    let picked = match chosen {
        Some(id) => candidates.iter().position(|c| c.id == id).unwrap_or(0),
        None => 0,
    };
    let Some(campaign) = candidates.into_iter().nth(picked) else { return Ok(None) };
    let referential = app.referentials.get(&app.db, campaign.referential_version_id).await?;
    let answers = shared_answers(&app.db, campaign.id).await?;
    let covered = campaign_indicators(&referential.referential, &campaign.scope, loaded.org_type());
    let targets = Targets(plans::targets(&app.db, campaign.id).await?);
    let scores = compute(&referential.referential, &covered, &answers, &targets);
    Ok(Some(Previous { campaign, referential, scores }))
}

/// The indicators the room agreed on in a workshop (shared answers recorded there), with the
/// level agreed: they count as answered, and participants are not asked them again.
pub async fn decided_in_workshop(db: &Db, campaign: i64) -> Result<HashMap<String, AnswerValue>> {
    Ok(campaigns::consolidated(db, campaign)
        .await?
        .into_iter()
        .filter(|(_, c)| c.source == "workshop")
        .filter_map(|(code, c)| c.value.map(|v| (code, v)))
        .collect())
}
