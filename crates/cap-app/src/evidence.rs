//! Evidence behind a campaign's shared answers: added by whoever runs the campaign, listed by
//! indicator (on the indicator's consolidation page and beside each requirement on the readiness
//! page), and carried into the organisation's next campaign to be confirmed or removed.

use crate::app::App;
use crate::audit::Author;
use crate::campaigns::{Loaded, load, read_results, view};
use crate::error::{Error, Result};
use crate::viewer::Viewer;
use cap_domain::OrganisationId;
use cap_domain::evidence::{EvidenceInput, EvidenceSource};
use cap_storage::campaigns;
use cap_storage::evidence::{self, Evidence};
use cap_storage::practices::StoredFile;
use std::collections::HashMap;

/// Loads the campaign for someone adding evidence: those who take part in it and those who run it.
pub async fn load_to_add(app: &App, viewer: &Viewer, id: i64) -> Result<Loaded> {
    let loaded = load(app, viewer, id, view).await?;
    if !(loaded.links.run || loaded.me.is_some()) {
        return Err(Error::NotFound);
    }
    Ok(loaded)
}

/// Loads the campaign for someone opening a piece of its evidence: those who may add it, and
/// those who read the results (where the readiness page lists it), a read through sharing or a
/// reviewer's access written in the audit log like any page.
pub async fn load_to_read(app: &App, viewer: &Viewer, id: i64) -> Result<Loaded> {
    match load(app, viewer, id, read_results).await {
        Err(Error::NotFound | Error::Forbidden) => load_to_add(app, viewer, id).await,
        found => found,
    }
}

/// The campaign's evidence, by indicator code.
pub async fn by_indicator(app: &App, loaded: &Loaded) -> Result<HashMap<String, Vec<Evidence>>> {
    let mut out: HashMap<String, Vec<Evidence>> = HashMap::new();
    for e in evidence::of_campaign(&app.db, loaded.campaign.id).await? {
        out.entry(e.indicator_code.clone()).or_default().push(e);
    }
    Ok(out)
}

/// Adds evidence to indicator `code` of the campaign (one it covers); audited. `content` holds the
/// uploaded document's bytes when the evidence is a file.
pub async fn add(
    app: &App,
    by: &Author,
    loaded: &Loaded,
    code: &str,
    input: &EvidenceInput,
    content: &[u8],
) -> Result<i64> {
    if !loaded.indicators().iter().any(|n| n.code == code) {
        return Err(Error::NotFound);
    }
    let source = match &input.source {
        EvidenceSource::Link(url) => url.as_str(),
        EvidenceSource::File(attachment) => attachment.name.as_str(),
    };
    let entry = by.entry("evidence.add", "campaign", loaded.campaign.id, format!("{code} {source}"));
    let id = evidence::add(app.db.audited(entry), loaded.campaign.id, code, input, content, by.user).await?;
    Ok(id)
}

/// Where a piece of the campaign's evidence opens: its address, or the download of its document.
pub fn href(campaign: i64, e: &Evidence) -> String {
    if e.file_id.is_some() { format!("/campaigns/{campaign}/evidence/{}/file", e.id) } else { e.url.clone() }
}

/// The uploaded document of a piece of the campaign's evidence.
pub async fn file(app: &App, loaded: &Loaded, id: i64) -> Result<StoredFile> {
    Ok(evidence::file(&app.db, loaded.campaign.id, id).await?)
}

/// Confirms carried evidence as still valid; audited. Returns it.
pub async fn confirm(app: &App, by: &Author, loaded: &Loaded, id: i64) -> Result<Evidence> {
    let found = evidence::get(&app.db, loaded.campaign.id, id).await?;
    let entry = by.entry("evidence.confirm", "campaign", loaded.campaign.id, found.described());
    evidence::confirm(app.db.audited(entry), loaded.campaign.id, id).await?;
    Ok(found)
}

/// Removes evidence; audited with what it was.
pub async fn remove(app: &App, by: &Author, loaded: &Loaded, id: i64) -> Result<Evidence> {
    let gone = evidence::get(&app.db, loaded.campaign.id, id).await?;
    let entry = by.entry("evidence.remove", "campaign", loaded.campaign.id, gone.described());
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
