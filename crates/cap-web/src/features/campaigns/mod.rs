//! Campaigns of participatory self-assessment: creating one, its page, its steps, its
//! participants, and answering.

pub mod advance;
pub mod answer;
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
use crate::referential_cache::CachedReferential;
use crate::session::Viewer;
use cap_domain::authz::Permission;
use cap_domain::campaign::{answer_pages, campaign_indicators};
use cap_domain::referential::Node;
use cap_domain::{OrganisationId, OrganisationType};
use cap_storage::campaigns::{self, Campaign, Participant};
use cap_storage::organisations::{self, Organisation};
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

    /// The answering pages: (objective code, indicator codes).
    pub fn pages(&self) -> Vec<(String, Vec<String>)> {
        answer_pages(&self.indicators())
    }
}

/// Loads a campaign and checks the viewer may do `permission` on it (given whether they take part).
pub async fn load(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    permission: impl Fn(&Organisation, bool) -> Permission,
) -> AppResult<Loaded> {
    let campaign = campaigns::get(&state.db, id).await?;
    let org = organisations::get(&state.db, OrganisationId(campaign.organisation_id)).await?;
    let me = campaigns::participant_of(&state.db, id, viewer.actor.user_id).await?;
    viewer.require(permission(&org, me.is_some()))?;
    let referential = state.referentials.get(&state.db, campaign.referential_version_id).await?;
    Ok(Loaded { campaign, org, me, referential })
}

/// May view the campaign.
pub fn view(org: &Organisation, participant: bool) -> Permission {
    Permission::ViewCampaign { org: org.authz_ref(), participant }
}

/// May run the campaign.
pub fn run(org: &Organisation, _participant: bool) -> Permission {
    Permission::RunCampaigns(org.authz_ref())
}

/// May answer in the campaign.
pub fn answer_in(_org: &Organisation, participant: bool) -> Permission {
    Permission::AnswerCampaign { participant }
}
