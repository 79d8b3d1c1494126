//! Campaigns of participatory self-assessment: creating one, its page, its steps, its
//! participants, and answering.

pub mod advance;
pub mod answer;
pub mod assignment;
pub mod autosave;
pub mod consolidation;
pub mod create;
pub mod decide;
pub mod invite;
pub mod participants;
pub mod personal_link;
pub mod protect;
pub mod remind;
pub mod scope;
pub mod show;

use crate::app::AppState;
use crate::error::AppResult;
use crate::session::Viewer;
use cap_app::i18n::paris_today;
use cap_app::referential_cache::CachedReferential;
use cap_domain::authz::Permission;
use cap_domain::campaign::{answer_pages, assigned_indicators, campaign_indicators};
use cap_domain::referential::Node;
use cap_domain::{OrganisationId, OrganisationType};
use cap_storage::audit;
use cap_storage::campaigns::{self, Campaign, Participant};
use cap_storage::organisations::{self, Organisation};
use cap_storage::reviews::{self, Grant};
use std::sync::Arc;

/// A campaign with what every campaign page needs, loaded and authorised in one place.
pub struct Loaded {
    /// The campaign.
    pub campaign: Campaign,
    /// Its organisation.
    pub org: Organisation,
    /// The viewer's participant record, if they take part.
    pub me: Option<Participant>,
    /// The referential version.
    pub referential: Arc<CachedReferential>,
    /// What the viewer is asked to answer, when they take part (empty: everything).
    pub assigned: Vec<String>,
    /// The viewer's open reviewer access, when that is what let them in.
    pub reviewing: Option<Grant>,
}

/// How the viewer stands towards a campaign, beyond their roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Relation {
    /// They take part in it.
    pub participant: bool,
    /// They hold an open reviewer access to it.
    pub reviewer: bool,
}

impl Loaded {
    /// The organisation's type (indicators that do not apply to it are left out).
    pub fn org_type(&self) -> OrganisationType {
        self.org.org_type().unwrap_or(OrganisationType::Other)
    }

    /// The indicators the campaign covers, in tree order.
    pub fn indicators(&self) -> Vec<&Node> {
        campaign_indicators(&self.referential.referential, &self.campaign.scope, self.org_type())
    }

    /// The indicators the viewer is asked to answer.
    pub fn my_indicators(&self) -> Vec<&Node> {
        assigned_indicators(&self.referential.referential, &self.indicators(), &self.assigned)
    }

    /// The viewer's answering pages: (objective code, indicator codes).
    pub fn pages(&self) -> Vec<(String, Vec<String>)> {
        answer_pages(&self.my_indicators())
    }
}

/// Loads a campaign and checks the viewer may do `permission` on it, given how they stand towards
/// it. A reviewer's access is looked up only when their roles do not suffice, and every page a
/// reviewer reads through it is written in the audit log.
pub async fn load(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    permission: impl Fn(&Organisation, Relation) -> Permission,
) -> AppResult<Loaded> {
    let campaign = campaigns::get(&state.db, id).await?;
    let org = organisations::get(&state.db, OrganisationId(campaign.organisation_id)).await?;
    let me = campaigns::participant_of(&state.db, id, viewer.actor.user_id).await?;
    let mut relation = Relation { participant: me.is_some(), reviewer: false };
    let mut reviewing = None;
    if !viewer.can(permission(&org, relation)) {
        let today = paris_today().to_string();
        reviewing = reviews::open_grant(&state.db, id, viewer.actor.user_id, &today).await?;
        relation.reviewer = reviewing.is_some();
        viewer.require(permission(&org, relation))?;
        audit::append(
            &state.db,
            audit::NewEntry {
                actor: Some(viewer.actor.user_id),
                actor_label: &viewer.user.email,
                action: "reviews.read",
                entity: "campaign",
                entity_id: &id.to_string(),
                details: &viewer.path,
                ip: &viewer.client_ip,
            },
        )
        .await?;
    }
    let referential = state.referentials.get(&state.db, campaign.referential_version_id).await?;
    let assigned = match &me {
        Some(p) => campaigns::assignments(&state.db, id).await?.remove(&p.id).unwrap_or_default(),
        None => Vec::new(),
    };
    Ok(Loaded { campaign, org, me, referential, assigned, reviewing })
}

/// May view the campaign.
pub fn view(org: &Organisation, relation: Relation) -> Permission {
    Permission::ViewCampaign { org: org.authz_ref(), participant: relation.participant }
}

/// May read the photographie and the plan (participants, and reviewers while their access is open).
pub fn read_results(org: &Organisation, relation: Relation) -> Permission {
    Permission::ReadResults { org: org.authz_ref(), participant: relation.participant, reviewer: relation.reviewer }
}

/// May run the campaign.
pub fn run(org: &Organisation, _: Relation) -> Permission {
    Permission::RunCampaigns(org.authz_ref())
}

/// May answer in the campaign.
pub fn answer_in(_org: &Organisation, relation: Relation) -> Permission {
    Permission::AnswerCampaign { participant: relation.participant }
}

/// The campaign's scope as tree rows (pillars to indicators), for choosing assignments.
pub fn explore_rows(loaded: &Loaded) -> Vec<crate::features::referentials::explore::TreeRow> {
    let covered: std::collections::HashSet<&str> = loaded.indicators().iter().map(|n| n.code.as_str()).collect();
    let r = &loaded.referential.referential;
    // Keep structure nodes that lead to a covered indicator, and the covered indicators.
    let mut useful: std::collections::HashSet<&str> = covered.clone();
    for code in &covered {
        let mut at = r.node(code).and_then(|n| n.parent.as_deref());
        while let Some(parent) = at {
            useful.insert(parent);
            at = r.node(parent).and_then(|n| n.parent.as_deref());
        }
    }
    crate::features::referentials::explore::tree_rows(r, &loaded.referential.depths, |n| {
        useful.contains(n.code.as_str())
    })
}
