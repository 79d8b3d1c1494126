//! A group's démarche as use cases: the lead launches one démarche across the group's
//! structures (one referential and one calendar, a campaign per structure that its own people
//! answer); the démarche's page puts each structure's step and, once it has shared answers, its
//! scores beside the group's mean, with the objectives where the structures differ; the
//! structures see it only when the lead decides.

use crate::app::App;
use crate::audit::Author;
use crate::campaigns::NewCampaignChecked;
use crate::error::{Error, Result};
use crate::groups::{Divergence, Row, StructureRadar, belongs_to, divergences, indicator_rows_of, radar_of, rows_of};
use crate::i18n::Tr;
use crate::viewer::Viewer;
use cap_domain::authz::Permission;
use cap_domain::campaign::{CampaignStatus, campaign_indicators};
use cap_domain::scoring::{Targets, compute};
use cap_domain::{GroupId, OrganisationType};
use cap_storage::group_campaigns::{self, GroupCampaign, NewGroupCampaign};
use cap_storage::{groups, plans};

/// One structure in the démarche.
pub struct Structure {
    /// Its campaign.
    pub campaign_id: i64,
    /// The structure.
    pub organisation_id: i64,
    /// Its name.
    pub name: String,
    /// Its campaign's step, as a message key.
    pub step_key: &'static str,
    /// Whether it has shared answers to compare yet.
    pub has_results: bool,
}

/// A démarche as its reader sees it.
pub struct GroupCampaignView {
    /// The démarche.
    pub campaign: GroupCampaign,
    /// The group's name.
    pub group_name: String,
    /// The referential's title.
    pub referential_title: String,
    /// Every structure taking part.
    pub structures: Vec<Structure>,
    /// The structures with results, in the order of the scores.
    pub columns: Vec<String>,
    /// Pillars and objectives with each structure's score and the group's mean.
    pub rows: Vec<Row>,
    /// The group's consolidation: each indicator's consolidated score in every structure, and
    /// the group's mean.
    pub indicators: Vec<Row>,
    /// One radar per structure with results.
    pub radars: Vec<StructureRadar>,
    /// Where the structures differ the most.
    pub divergences: Vec<Divergence>,
    /// Whether the reader leads the group (and may decide who sees it).
    pub may_manage: bool,
}

/// Loads démarche `id` for a reader allowed to see it: the group's lead, and the people of its
/// structures once the lead shares it with them; anyone else gets not found.
async fn readable(app: &App, viewer: &Viewer, id: i64) -> Result<(GroupCampaign, bool)> {
    let found = group_campaigns::get(&app.db, id).await?;
    let lead = viewer.can(Permission::ViewGroup(GroupId(found.group_id)));
    if lead || (found.shared_within_group == 1 && belongs_to(app, viewer, found.group_id).await?) {
        Ok((found, lead))
    } else {
        Err(Error::NotFound)
    }
}

/// The démarche's page: each structure's step, and the scores of those with shared answers.
pub async fn view(app: &App, viewer: &Viewer, id: i64, t: Tr) -> Result<GroupCampaignView> {
    let (campaign, may_manage) = readable(app, viewer, id).await?;
    let group = groups::get(&app.db, GroupId(campaign.group_id)).await?;
    let cached = app.referentials.get(&app.db, campaign.referential_version_id).await?;
    let r = &cached.referential;
    let mut structures = Vec::new();
    let mut scored = Vec::new();
    for m in group_campaigns::members(&app.db, id).await? {
        let answers = crate::results::shared_answers(&app.db, m.campaign_id).await?;
        let step_key = CampaignStatus::from_code(&m.status).map_or("campaign.status.preparation", |s| s.label_key());
        if !answers.is_empty() {
            let scope: Vec<String> = serde_json::from_str(&m.scope).unwrap_or_default();
            let org_type = OrganisationType::from_code(&m.org_type).unwrap_or(OrganisationType::Other);
            let covered = campaign_indicators(r, &scope, org_type);
            let targets = Targets(plans::targets(&app.db, m.campaign_id).await?);
            scored.push((m.organisation_id, m.organisation_name.clone(), compute(r, &covered, &answers, &targets)));
        }
        structures.push(Structure {
            campaign_id: m.campaign_id,
            organisation_id: m.organisation_id,
            name: m.organisation_name,
            step_key,
            has_results: !answers.is_empty(),
        });
    }
    let score = |column: usize, code: &str| scored[column].2.nodes.get(code).map(|n| n.score);
    let rows = rows_of(&cached, scored.len(), score);
    let indicators =
        indicator_rows_of(&cached, scored.len(), |column, code| scored[column].2.indicators.get(code)?.share());
    let columns: Vec<String> = scored.iter().map(|(_, name, _)| name.clone()).collect();
    let radars = scored.iter().enumerate().map(|(i, (org, name, _))| radar_of(t, i, *org, name, &rows)).collect();
    let divergences = divergences(&rows, &columns);
    Ok(GroupCampaignView {
        campaign,
        group_name: group.name,
        referential_title: r.title.clone(),
        structures,
        columns,
        rows,
        indicators,
        radars,
        divergences,
        may_manage,
    })
}

/// The démarches of a group, for its lead (or, shared, its structures' people).
pub async fn of_group(app: &App, viewer: &Viewer, group: i64) -> Result<Vec<GroupCampaign>> {
    let lead = viewer.can(Permission::ViewGroup(GroupId(group)));
    let all = group_campaigns::of_group(&app.db, group).await?;
    if lead {
        return Ok(all);
    }
    let member = belongs_to(app, viewer, group).await?;
    Ok(all.into_iter().filter(|c| member && c.shared_within_group == 1).collect())
}

/// Launches a démarche across the chosen structures of the group (at least one, each the
/// group's); audited. The evidence of each structure's previous campaign comes along, to be
/// confirmed. Its id.
pub async fn launch(
    app: &App,
    by: &Author,
    viewer: &Viewer,
    group: i64,
    checked: &NewCampaignChecked,
    organisations: &[i64],
) -> Result<i64> {
    viewer.require(Permission::ViewGroup(GroupId(group)))?;
    let new = NewGroupCampaign {
        group,
        title: &checked.title,
        referential_version_id: checked.version,
        answering_from: checked.answering_from.as_deref(),
        consolidation_on: checked.consolidation_on.as_deref(),
        restitution_on: checked.restitution_on.as_deref(),
        organisations,
        by: by.user,
    };
    let entry =
        by.entry("group_campaigns.launch", "group", group, format!("{} ({})", checked.title, organisations.len()));
    let (id, campaigns) = group_campaigns::launch(app.db.audited(entry), &new).await?;
    for (org, campaign) in organisations.iter().zip(campaigns) {
        crate::evidence::carry_into(app, cap_domain::OrganisationId(*org), campaign).await?;
    }
    Ok(id)
}

/// Whether the structures see the démarche's page, as the lead decides; audited.
pub async fn set_shared(app: &App, by: &Author, viewer: &Viewer, id: i64, shared: bool, version: i64) -> Result<()> {
    let found = group_campaigns::get(&app.db, id).await?;
    viewer.require(Permission::ViewGroup(GroupId(found.group_id)))?;
    let entry = by.entry("group_campaigns.share", "group_campaign", id, if shared { "oui" } else { "non" });
    group_campaigns::set_shared(app.db.audited(entry), id, shared, version).await?;
    Ok(())
}
