//! Evidence behind a campaign's shared answers: added by whoever runs the campaign, listed by
//! indicator (on the indicator's consolidation page and beside each requirement on the readiness
//! page), and carried into the organisation's next campaign to be confirmed or removed.

use crate::app::App;
use crate::audit::Author;
use crate::campaigns::Loaded;
use crate::error::{Error, Result};
use cap_domain::OrganisationId;
use cap_domain::evidence::EvidenceInput;
use cap_storage::campaigns;
use cap_storage::evidence::{self, Evidence};
use std::collections::HashMap;

/// The campaign's evidence, by indicator code.
pub async fn by_indicator(app: &App, loaded: &Loaded) -> Result<HashMap<String, Vec<Evidence>>> {
    let mut out: HashMap<String, Vec<Evidence>> = HashMap::new();
    for e in evidence::of_campaign(&app.db, loaded.campaign.id).await? {
        out.entry(e.indicator_code.clone()).or_default().push(e);
    }
    Ok(out)
}

/// Adds evidence to indicator `code` of the campaign (one it covers); audited.
pub async fn add(app: &App, by: &Author, loaded: &Loaded, code: &str, input: &EvidenceInput) -> Result<i64> {
    if !loaded.indicators().iter().any(|n| n.code == code) {
        return Err(Error::NotFound);
    }
    let entry = by.entry("evidence.add", "campaign", loaded.campaign.id, format!("{code} {}", input.url));
    let id = evidence::add(app.db.audited(entry), loaded.campaign.id, code, input, by.user).await?;
    Ok(id)
}

/// Confirms carried evidence as still valid; audited. Returns it.
pub async fn confirm(app: &App, by: &Author, loaded: &Loaded, id: i64) -> Result<Evidence> {
    let found = evidence::get(&app.db, loaded.campaign.id, id).await?;
    let entry =
        by.entry("evidence.confirm", "campaign", loaded.campaign.id, format!("{} {}", found.indicator_code, found.url));
    evidence::confirm(app.db.audited(entry), loaded.campaign.id, id).await?;
    Ok(found)
}

/// Removes evidence; audited with what it was.
pub async fn remove(app: &App, by: &Author, loaded: &Loaded, id: i64) -> Result<Evidence> {
    let gone = evidence::get(&app.db, loaded.campaign.id, id).await?;
    let entry =
        by.entry("evidence.remove", "campaign", loaded.campaign.id, format!("{} {}", gone.indicator_code, gone.url));
    evidence::remove(app.db.audited(entry), loaded.campaign.id, id).await?;
    Ok(gone)
}

/// Carries into the new campaign `campaign` of `organisation` the evidence of its latest earlier
/// campaign that has some, each piece to be confirmed; how many pieces.
pub async fn carry_into(app: &App, organisation: OrganisationId, campaign: i64) -> Result<u64> {
    for earlier in campaigns::for_organisation(&app.db, organisation).await? {
        if earlier.id == campaign {
            continue;
        }
        if !evidence::of_campaign(&app.db, earlier.id).await?.is_empty() {
            return Ok(evidence::carry(&app.db, earlier.id, campaign).await?);
        }
    }
    Ok(0)
}
