//! The photographie (where the organisation stands, against its targets and its previous
//! campaign), the targets it sets itself, and the mid-term checkpoint.

pub mod checkpoint;
pub mod photographie;
pub mod targets;

use crate::app::AppState;
use crate::error::AppResult;
use cap_app::campaigns::Loaded;
use cap_app::referential_cache::CachedReferential;
use cap_app::results::shared_answers;
use cap_domain::campaign::{AnswerValue, CampaignStatus, campaign_indicators};
use cap_domain::scoring::{Scores, Targets, compute};
use cap_storage::campaigns::{self, Campaign};
use cap_storage::plans;
use std::collections::HashMap;
use std::sync::Arc;

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
pub async fn outcome(state: &AppState, loaded: &Loaded) -> AppResult<Outcome> {
    let answers = shared_answers(&state.db, loaded.campaign.id).await?;
    let targets = Targets(plans::targets(&state.db, loaded.campaign.id).await?);
    let scores = compute(&loaded.referential.referential, &loaded.indicators(), &answers, &targets);
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

/// The most recent earlier campaign of the organisation that reached consolidation.
pub async fn previous(state: &AppState, loaded: &Loaded) -> AppResult<Option<Previous>> {
    let earlier = campaigns::for_organisation(&state.db, cap_domain::OrganisationId(loaded.org.id))
        .await?
        .into_iter()
        .find(|c| c.id < loaded.campaign.id && c.status >= CampaignStatus::Consolidation);
    let Some(campaign) = earlier else { return Ok(None) };
    let referential = state.referentials.get(&state.db, campaign.referential_version_id).await?;
    let answers = shared_answers(&state.db, campaign.id).await?;
    let covered = campaign_indicators(&referential.referential, &campaign.scope, loaded.org_type());
    let targets = Targets(plans::targets(&state.db, campaign.id).await?);
    let scores = compute(&referential.referential, &covered, &answers, &targets);
    Ok(Some(Previous { campaign, referential, scores }))
}

/// The scale's levels as select options: (value, « 3 — label »).
pub fn level_options(r: &cap_domain::referential::Referential) -> Vec<(String, String)> {
    r.scale.levels.iter().map(|l| (l.value.to_string(), format!("{} — {}", l.value, l.label))).collect()
}
