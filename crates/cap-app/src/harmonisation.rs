//! A group démarche's harmonisation plan as use cases: the group's lead writes actions for the
//! whole group, each with an owner in every structure taking part; each structure follows its own
//! line (step, note, owner). The lead reads every line; a structure's people read the actions and
//! their own structure's line, and the other structures' lines only once the lead shares the
//! démarche with the group.

use crate::app::App;
use crate::audit::Author;
use crate::error::{Error, Result};
use crate::viewer::Viewer;
use cap_domain::authz::{OrganisationRef, Permission};
use cap_domain::harmonisation::{ActionInput, LineInput, Progress};
use cap_domain::plan::ActionStatus;
use cap_domain::referential::NodeKind;
use cap_domain::{GroupId, OrganisationId, RegionId, Role, Scope, UserId};
use cap_storage::group_campaigns::{self, GroupCampaign, Member};
use cap_storage::harmonisation::{self, Action, Line, LineChange, NewAction};
use cap_storage::{groups, memberships};

/// A structure taking part, as the plan's forms offer it.
pub struct Taking {
    /// The structure.
    pub organisation_id: i64,
    /// Its name.
    pub name: String,
    /// The people the viewer may name as its owner: its coordinators for the lead, all its people
    /// for its own coordinators (none when the viewer may not change its lines).
    pub people: Vec<(i64, String)>,
}

/// A structure's line as its reader sees it.
pub struct LineView {
    /// The line.
    pub line: Line,
    /// Its step.
    pub status: ActionStatus,
    /// Whether the reader may change it (the lead, the structure's coordinators, its owner).
    pub may_edit: bool,
}

/// An action with its lines.
pub struct ActionView {
    /// The action.
    pub action: Action,
    /// The pillar or objective it addresses, by name.
    pub node_label: Option<String>,
    /// The lines the reader may see.
    pub lines: Vec<LineView>,
    /// How far the group has come on it (every line, seen or not).
    pub progress: Progress,
}

/// The plan as its reader sees it.
pub struct PlanView {
    /// The démarche.
    pub campaign: GroupCampaign,
    /// The group's name.
    pub group_name: String,
    /// The structures taking part.
    pub structures: Vec<Taking>,
    /// The actions, in the order they were written.
    pub actions: Vec<ActionView>,
    /// The pillars and objectives an action may address: code, label, depth.
    pub nodes: Vec<(String, String, usize)>,
    /// Whether the reader leads the group (writes and removes actions).
    pub may_manage: bool,
    /// Whether other structures' lines are hidden from the reader (the démarche is not shared).
    pub others_hidden: bool,
}

impl PlanView {
    /// The codes of the pillars and objectives an action may address.
    pub fn node_codes(&self) -> Vec<&str> {
        self.nodes.iter().map(|n| n.0.as_str()).collect()
    }
}

/// Who reads the plan, and the structures taking part.
struct Reader {
    campaign: GroupCampaign,
    members: Vec<Member>,
    lead: bool,
    /// The structures taking part that the reader belongs to.
    own: Vec<i64>,
}

impl Reader {
    fn org_ref(&self, org: i64) -> Option<OrganisationRef> {
        self.members.iter().find(|m| m.organisation_id == org).map(|m| OrganisationRef {
            id: OrganisationId(m.organisation_id),
            region: RegionId(m.region_id),
            group: Some(GroupId(self.campaign.group_id)),
        })
    }

    /// Whether the reader coordinates structure `org` (and so follows all its lines).
    fn coordinates(&self, viewer: &Viewer, org: i64) -> bool {
        self.org_ref(org).is_some_and(|o| viewer.can(Permission::RunCampaigns(o)))
    }

    fn sees_line(&self, line: &Line) -> bool {
        self.lead || self.campaign.shared_within_group == 1 || self.own.contains(&line.organisation_id)
    }

    fn may_edit(&self, viewer: &Viewer, line: &Line) -> bool {
        self.lead
            || self.coordinates(viewer, line.organisation_id)
            || (self.own.contains(&line.organisation_id) && line.owner_user_id == Some(viewer.actor.user_id.0))
    }
}

/// Loads démarche `id` for a reader of its plan: the group's lead, or a person of a structure
/// taking part; anyone else gets not found.
async fn reader(app: &App, viewer: &Viewer, id: i64) -> Result<Reader> {
    let campaign = group_campaigns::get(&app.db, id).await?;
    let lead = viewer.can(Permission::ViewGroup(GroupId(campaign.group_id)));
    let members = group_campaigns::members(&app.db, id).await?;
    let own: Vec<i64> = members
        .iter()
        .map(|m| m.organisation_id)
        .filter(|org| viewer.actor.memberships.iter().any(|m| m.scope == Scope::Organisation(OrganisationId(*org))))
        .collect();
    if !lead && own.is_empty() {
        return Err(Error::NotFound);
    }
    Ok(Reader { campaign, members, lead, own })
}

/// The people the reader may name as owner in structure `org`.
async fn people(app: &App, viewer: &Viewer, reader: &Reader, org: i64) -> Result<Vec<(i64, String)>> {
    let coordinates = reader.coordinates(viewer, org);
    if !reader.lead && !coordinates {
        return Ok(Vec::new());
    }
    let mut people: Vec<(i64, String)> = memberships::members_of(&app.db, OrganisationId(org))
        .await?
        .into_iter()
        .filter(|m| coordinates || m.stored.membership.role == Role::Coordinator)
        .map(|m| (m.stored.user_id.0, m.display_name))
        .collect();
    people.dedup_by_key(|p| p.0);
    Ok(people)
}

/// The plan of démarche `id`, as the viewer may read it.
pub async fn load(app: &App, viewer: &Viewer, id: i64) -> Result<PlanView> {
    let reader = reader(app, viewer, id).await?;
    let group = groups::get(&app.db, GroupId(reader.campaign.group_id)).await?;
    let cached = app.referentials.get(&app.db, reader.campaign.referential_version_id).await?;
    let nodes: Vec<(String, String, usize)> = cached
        .referential
        .nodes
        .iter()
        .zip(&cached.depths)
        .filter(|(n, _)| n.kind != NodeKind::Indicator)
        .map(|(n, depth)| (n.code.clone(), n.label().to_owned(), *depth))
        .collect();
    let mut structures = Vec::new();
    for m in &reader.members {
        structures.push(Taking {
            organisation_id: m.organisation_id,
            name: m.organisation_name.clone(),
            people: people(app, viewer, &reader, m.organisation_id).await?,
        });
    }
    let mut lines = harmonisation::lines(&app.db, id).await?;
    let actions = harmonisation::actions(&app.db, id)
        .await?
        .into_iter()
        .map(|action| {
            let (own, rest): (Vec<Line>, Vec<Line>) =
                std::mem::take(&mut lines).into_iter().partition(|l| l.action_id == action.id);
            lines = rest;
            let progress = Progress::of(own.iter().map(status_of));
            let node_label =
                action.node_code.as_deref().and_then(|c| nodes.iter().find(|n| n.0 == c)).map(|n| n.1.clone());
            let lines = own
                .into_iter()
                .filter(|l| reader.sees_line(l))
                .map(|line| LineView { status: status_of(&line), may_edit: reader.may_edit(viewer, &line), line })
                .collect();
            ActionView { action, node_label, lines, progress }
        })
        .collect();
    Ok(PlanView {
        others_hidden: !reader.lead && reader.campaign.shared_within_group == 0,
        campaign: reader.campaign,
        group_name: group.name,
        structures,
        actions,
        nodes,
        may_manage: reader.lead,
    })
}

fn status_of(line: &Line) -> ActionStatus {
    ActionStatus::from_code(&line.status).unwrap_or(ActionStatus::Todo)
}

/// An action as typed in the lead's form.
#[derive(Debug, Clone, Copy)]
pub struct ActionFields<'a> {
    /// What the group will do.
    pub title: &'a str,
    /// How.
    pub description: &'a str,
    /// The pillar or objective it addresses (a code, or empty).
    pub node: &'a str,
    /// When it should be done, as typed.
    pub due_on: &'a str,
}

/// Outcome of writing an action.
pub enum Added {
    /// Written, with its id.
    Done(i64),
    /// Refused, each problem beside its field.
    Refused(Vec<(&'static str, cap_domain::ValidationError)>),
}

/// Whether the viewer leads the group of démarche `id` (and so writes its plan's actions); not
/// found for anyone else, so the démarche's existence leaks nothing.
pub async fn require_lead(app: &App, viewer: &Viewer, id: i64) -> Result<()> {
    let found = group_campaigns::get(&app.db, id).await?;
    viewer.require(Permission::ViewGroup(GroupId(found.group_id)))
}

/// Writes an action for every structure taking part, checked against the démarche's referential,
/// with the owners the lead chose among each structure's coordinators (`owners`: structure and
/// person; a structure left out gets no owner yet); audited. Only the lead writes actions; an
/// owner the form could not offer is forbidden.
pub async fn add(
    app: &App,
    by: &Author,
    viewer: &Viewer,
    id: i64,
    fields: &ActionFields<'_>,
    owners: &[(i64, i64)],
) -> Result<Added> {
    let view = load(app, viewer, id).await?;
    if !view.may_manage {
        return Err(Error::NotFound);
    }
    let input =
        match ActionInput::parse(fields.title, fields.description, fields.node, fields.due_on, &view.node_codes()) {
            Ok(input) => input,
            Err(problems) => return Ok(Added::Refused(problems)),
        };
    let mut chosen = Vec::with_capacity(view.structures.len());
    for s in &view.structures {
        let owner = owners.iter().find(|o| o.0 == s.organisation_id).map(|o| o.1);
        if owner.is_some_and(|o| !s.people.iter().any(|p| p.0 == o)) {
            return Err(Error::Forbidden);
        }
        chosen.push((s.organisation_id, owner.map(UserId)));
    }
    if owners.iter().any(|o| !view.structures.iter().any(|s| s.organisation_id == o.0)) {
        return Err(Error::Forbidden);
    }
    let entry = by.entry("harmonisation.add", "group_campaign", id, input.title.clone());
    let new = NewAction {
        group_campaign_id: id,
        title: &input.title,
        description: &input.description,
        node_code: input.node_code.as_deref(),
        due_on: input.due_on.as_deref(),
        owners: &chosen,
        by: by.user,
    };
    Ok(Added::Done(harmonisation::add(app.db.audited(entry), &new).await?))
}

/// A line its reader may change, with the people they may name as its owner. Only
/// [`line_to_edit`] makes one, so holding it means the reader was checked.
pub struct LineToEdit {
    line: Line,
    people: Vec<(i64, String)>,
}

impl LineToEdit {
    /// The line as stored when it was read.
    pub fn line(&self) -> &Line {
        &self.line
    }

    /// The line and the people on offer, for its form.
    pub fn into_parts(self) -> (Line, Vec<(i64, String)>) {
        (self.line, self.people)
    }
}

/// The line `id` with the people its reader may name as owner, for its form; not found when the
/// reader may not change it.
pub async fn line_to_edit(app: &App, viewer: &Viewer, id: i64) -> Result<LineToEdit> {
    let line = harmonisation::line(&app.db, id).await?;
    let reader = reader(app, viewer, line.group_campaign_id).await?;
    if !reader.may_edit(viewer, &line) {
        return Err(Error::NotFound);
    }
    let mut people = people(app, viewer, &reader, line.organisation_id).await?;
    // The owner named already stays on offer, whoever named them.
    if let (Some(owner), Some(name)) = (line.owner_user_id, &line.owner_name)
        && !people.iter().any(|p| p.0 == owner)
    {
        people.push((owner, name.clone()));
    }
    Ok(LineToEdit { line, people })
}

/// Changes the line (step, note, owner) as read at `version`; audited. The owner must be one the
/// form offered; a line changed meanwhile is refused as stale, never overwritten.
pub async fn update_line(
    app: &App,
    by: &Author,
    edit: &LineToEdit,
    input: &LineInput,
    owner: Option<i64>,
    version: i64,
) -> Result<()> {
    if owner.is_some_and(|o| !edit.people.iter().any(|p| p.0 == o)) {
        return Err(Error::Forbidden);
    }
    let line = &edit.line;
    let details = format!("{} : {}", line.organisation_name, input.status.code());
    let entry = by.entry("harmonisation.line", "harmonisation_line", line.id, details);
    let change = LineChange { owner: owner.map(UserId), status: input.status.code(), note: &input.note };
    harmonisation::update_line(app.db.audited(entry), line.id, &change, version).await?;
    Ok(())
}

/// Removes action `id` and its lines (the lead only); audited. The démarche it belonged to.
pub async fn remove(app: &App, by: &Author, viewer: &Viewer, id: i64) -> Result<i64> {
    let campaign = harmonisation::group_campaign_of(&app.db, id).await?;
    let found = group_campaigns::get(&app.db, campaign).await?;
    viewer.require(Permission::ViewGroup(GroupId(found.group_id)))?;
    let entry = by.entry("harmonisation.remove", "harmonisation_action", id, "");
    harmonisation::remove(app.db.audited(entry), id).await?;
    Ok(campaign)
}
