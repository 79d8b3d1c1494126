//! A campaign as a viewer may see it: loaded and authorised in one place, with how the viewer
//! stands towards it, and the individual answers consolidation and the photographie read.

use crate::app::App;
use crate::error::Result;
use crate::i18n::{Tr, paris_today};
use crate::referential_cache::CachedReferential;
use crate::viewer::Viewer;
use cap_domain::authz::{CampaignRef, Permission};
use cap_domain::campaign::CampaignStatus;
use cap_domain::campaign::{AnswerValue, answer_pages, assigned_indicators, campaign_indicators};
use cap_domain::consolidation::{Individual, Tally, divergence, proposed_level};
use cap_domain::pillar_step::{PillarStep, PillarSteps, StepRefused};
use cap_domain::referential::{AnswerType, Node, NodeKind, Referential};
use cap_domain::review::ReviewerKind;
use cap_domain::{OrganisationId, OrganisationType};
use cap_storage::StorageError;
use cap_storage::audit;
use cap_storage::campaigns::{self, Campaign, Consolidated, Participant, StoredAnswer};
use cap_storage::organisations::{self, Organisation};
use cap_storage::reviews::{self, Grant};
use std::collections::HashMap;
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
    /// Which of the campaign's surrounding pages the viewer may open (so that no link answers 404).
    pub links: Links,
    /// Where each pillar in scope stands.
    pub steps: PillarSteps,
}

/// The pages around a campaign the viewer may open, for breadcrumbs and links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Links {
    /// The organisation's page.
    pub organisation: bool,
    /// The campaign's page.
    pub campaign: bool,
    /// The photographie, the plan and the reports.
    pub results: bool,
    /// The review page.
    pub review: bool,
    /// The accompaniment day.
    pub accompaniment: bool,
    /// Running the campaign (coordinators).
    pub run: bool,
    /// Suggesting for the plan (its tiers).
    pub suggest: bool,
}

/// How the viewer stands towards a campaign, beyond their roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Relation {
    /// They take part in it.
    pub participant: bool,
    /// Their open reviewer access to it, if any.
    pub reviewer: Option<ReviewerKind>,
    /// The member shares the campaign's results with its region.
    pub shared_with_region: bool,
}

impl Relation {
    /// The policy's view of a campaign of `org` standing so towards the viewer.
    pub fn towards(self, org: &Organisation) -> CampaignRef {
        CampaignRef {
            org: org.authz_ref(),
            participant: self.participant,
            reviewer: self.reviewer,
            shared_with_region: self.shared_with_region,
        }
    }
}

impl Loaded {
    /// The organisation's type (indicators that do not apply to it are left out).
    pub fn org_type(&self) -> OrganisationType {
        self.org.org_type().unwrap_or(OrganisationType::Other)
    }

    /// The referential's pillars, in order, as (code, title in the reader's language).
    pub fn all_pillars(&self, english: bool) -> Vec<(String, String)> {
        self.referential
            .referential
            .nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Pillar || n.parent.is_none())
            .map(|n| {
                let title = english.then_some(n.title_en.as_deref()).flatten().unwrap_or(n.label());
                (n.code.clone(), title.to_owned())
            })
            .collect()
    }

    /// The pillars the campaign covers (its scope, or every pillar), in order, with their titles.
    pub fn pillars(&self, english: bool) -> Vec<(String, String)> {
        let mut all = self.all_pillars(english);
        if !self.campaign.scope.is_empty() {
            all.retain(|(code, _)| self.campaign.scope.contains(code));
        }
        all
    }

    /// The indicators the campaign covers, in tree order.
    pub fn indicators(&self) -> Vec<&Node> {
        campaign_indicators(&self.referential.referential, &self.campaign.scope, self.org_type())
    }

    /// The indicators the viewer is asked to answer.
    pub fn my_indicators(&self) -> Vec<&Node> {
        assigned_indicators(&self.referential.referential, &self.indicators(), &self.assigned)
    }

    /// The indicators the viewer is asked to answer now: those of the pillars open to answers.
    pub fn my_open_indicators(&self) -> Vec<&Node> {
        let mut open = self.my_indicators();
        open.retain(|n| self.answers_open_for(&n.code));
        open
    }

    /// The viewer's answering pages: (objective code, indicator codes).
    pub fn pages(&self) -> Vec<(String, Vec<String>)> {
        answer_pages(&self.my_indicators())
    }

    /// Whether the campaign's referential maps to the referential coded `code` (a guide or a
    /// certification whose report can be derived from the campaign).
    pub fn maps_to(&self, code: &str) -> bool {
        self.referential.referential.nodes.iter().any(|n| n.mappings.iter().any(|m| m.referential == code))
    }

    /// The pillar indicator (or node) `code` belongs to.
    pub fn pillar_of(&self, code: &str) -> Option<&str> {
        self.referential.referential.root_of(code).map(|n| n.code.as_str())
    }

    /// Whether participants may answer indicator `code` now: its pillar is open to answers.
    pub fn answers_open_for(&self, code: &str) -> bool {
        self.pillar_of(code).is_some_and(|p| self.steps.answers_open(p))
    }

    /// Whether the shared answer of indicator `code` may be decided now: its pillar is in
    /// consolidation.
    pub fn consolidating(&self, code: &str) -> bool {
        self.pillar_of(code).is_some_and(|p| self.steps.consolidating(p))
    }

    /// The indicators whose results show: those of the pillars whose consolidation began, in
    /// tree order. The photographie and the plan proposals fill in pillar by pillar.
    pub fn result_indicators(&self) -> Vec<&Node> {
        let mut covered = self.indicators();
        covered.retain(|n| self.pillar_of(&n.code).is_some_and(|p| self.steps.has_results(p)));
        covered
    }

    /// The pillars in scope whose results are still to come (open to answers), with their titles.
    pub fn pillars_to_come(&self, english: bool) -> Vec<String> {
        self.pillars_at(PillarStep::Answering, english)
    }

    /// The pillars in scope at `step`, by title.
    pub fn pillars_at(&self, step: PillarStep, english: bool) -> Vec<String> {
        self.pillar_titles(&self.steps.at(step), english)
    }

    /// The titles of the pillars `codes`, in the referential's order.
    pub fn pillar_titles(&self, codes: &[impl AsRef<str>], english: bool) -> Vec<String> {
        self.all_pillars(english)
            .into_iter()
            .filter(|(code, _)| codes.iter().any(|c| c.as_ref() == code))
            .map(|(_, title)| title)
            .collect()
    }
}

/// The pillars a campaign of `scope` covers (its scope, or every pillar), in the referential's
/// order.
pub fn scope_pillars(r: &Referential, scope: &[String]) -> Vec<String> {
    r.nodes
        .iter()
        .filter(|n| n.parent.is_none() && (scope.is_empty() || scope.contains(&n.code)))
        .map(|n| n.code.clone())
        .collect()
}

/// Moves `pillar` of the campaign on from step `from` (answering → consolidation →
/// consolidated), with the campaign's status that follows, unless the campaign changed since
/// `version`. A refusal says why; a change made meanwhile is refused as [`StepRefused::Moved`].
pub async fn advance_pillar(
    app: &App,
    by: &crate::audit::Author,
    loaded: &Loaded,
    pillar: &str,
    from: PillarStep,
    version: i64,
) -> Result<Result<PillarStep, StepRefused>> {
    let mut steps = loaded.steps.clone();
    let next = match steps.advance(pillar, from) {
        Ok(next) => next,
        Err(refused) => return Ok(Err(refused)),
    };
    let entry = by.entry("campaigns.pillar_step", "campaign", loaded.campaign.id, format!("{pillar}:{}", next.code()));
    Ok(store_steps(app, entry, loaded, &steps, None, version).await?.map(|()| next))
}

/// Sets the pillars the campaign covers: chosen freely in preparation; once answers opened,
/// pillars can only be added, until the campaign moves past its consolidation, and new ones open
/// to answers (a campaign whose pillars were all in consolidation answers again).
pub async fn rescope(
    app: &App,
    by: &crate::audit::Author,
    loaded: &Loaded,
    chosen: &[String],
    version: i64,
) -> Result<Result<(), StepRefused>> {
    let r = &loaded.referential.referential;
    let all = scope_pillars(r, &[]);
    let chosen: Vec<String> = all.iter().filter(|p| chosen.contains(p)).cloned().collect();
    let before = scope_pillars(r, &loaded.campaign.scope);
    let status = loaded.campaign.status;
    if chosen.is_empty() || (status != CampaignStatus::Preparation && !before.iter().all(|p| chosen.contains(p))) {
        return Ok(Err(StepRefused::NotInScope));
    }
    let mut steps = loaded.steps.clone();
    if let Err(refused) = steps.rescope(&chosen) {
        return Ok(Err(refused));
    }
    // Every pillar chosen is stored as « all », so pillars of a later version are not left out.
    let entry = by.entry("campaigns.scope", "campaign", loaded.campaign.id, chosen.join(","));
    let scope = if chosen.len() == all.len() { Vec::new() } else { chosen };
    store_steps(app, entry, loaded, &steps, Some(&scope), version).await
}

async fn store_steps(
    app: &App,
    entry: cap_storage::audit::Pending,
    loaded: &Loaded,
    steps: &PillarSteps,
    scope: Option<&[String]>,
    version: i64,
) -> Result<Result<(), StepRefused>> {
    match campaigns::set_pillar_steps(
        app.db.audited(entry),
        loaded.campaign.id,
        steps.to_store(),
        steps.status(),
        scope,
        version,
    )
    .await
    {
        Ok(()) => Ok(Ok(())),
        Err(StorageError::Stale(_)) => Ok(Err(StepRefused::Moved)),
        Err(e) => Err(e.into()),
    }
}

/// Loads a campaign and checks the viewer may do `permission` on it, given how they stand towards
/// it. Roles and taking part are tried first; then the member's sharing with its region and the
/// viewer's open reviewer access. Every page read through sharing or a reviewer's access is
/// written in the audit log, so the member sees who read what.
pub async fn load(
    app: &App,
    viewer: &Viewer,
    id: i64,
    permission: impl Fn(&Organisation, Relation) -> Permission,
) -> Result<Loaded> {
    let campaigns::Opened { campaign, organisation: org, participant: me, assigned } =
        campaigns::opened_by(&app.db, id, viewer.actor.user_id).await?;
    let mut relation = Relation { participant: me.is_some(), ..Relation::default() };
    let mut reviewing = None;
    if !viewer.can(permission(&org, relation)) {
        relation.shared_with_region = campaign.shared_with_region;
        let action = if viewer.can(permission(&org, relation)) {
            "campaigns.read_shared"
        } else {
            let today = paris_today().to_string();
            reviewing = reviews::open_grant(&app.db, id, viewer.actor.user_id, &today).await?;
            relation.reviewer = reviewing.as_ref().map(|g| g.kind);
            viewer.require(permission(&org, relation))?;
            "reviews.read"
        };
        audit::append(
            &app.db,
            audit::NewEntry {
                actor: Some(viewer.actor.user_id),
                actor_label: &viewer.user.email,
                action,
                entity: "campaign",
                entity_id: &id.to_string(),
                details: &viewer.path,
                ip: &viewer.client_ip,
            },
        )
        .await?;
    }
    let referential = app.referentials.get(&app.db, campaign.referential_version_id).await?;
    // Sharing counts for links too: a delegate reading a shared campaign may follow them.
    relation.shared_with_region = campaign.shared_with_region;
    let links = Links {
        organisation: viewer.can(Permission::ViewOrganisation(org.authz_ref())),
        campaign: viewer.can(view(&org, relation)),
        results: viewer.can(read_results(&org, relation)),
        review: viewer.can(review(&org, relation)),
        accompaniment: viewer.can(accompany(&org, relation)),
        run: viewer.can(run(&org, relation)),
        suggest: viewer.can(suggest(&org, relation)),
    };
    let steps = steps_of(app, &campaign, &referential.referential).await?;
    Ok(Loaded { campaign, org, me, referential, assigned, reviewing, links, steps })
}

/// Where each pillar of `campaign` stands.
async fn steps_of(app: &App, campaign: &Campaign, r: &Referential) -> Result<PillarSteps> {
    let stored = match app.pillar_steps.get(&campaign.id, &campaign.version) {
        Some(kept) => kept,
        None => {
            let read = std::sync::Arc::new(campaigns::pillar_steps(&app.db, campaign.id).await?);
            app.pillar_steps.insert(campaign.id, campaign.version, read.clone());
            read
        }
    };
    Ok(PillarSteps::resolve(campaign.status, &scope_pillars(r, &campaign.scope), &stored))
}

/// Loads a campaign with no viewer, for a job acting on the organisation's behalf (reminders):
/// nothing is authorised, so nothing read here may reach anyone but the campaign's own people.
pub async fn load_unchecked(app: &App, id: i64) -> Result<Loaded> {
    let campaign = campaigns::get(&app.db, id).await?;
    let org = organisations::get(&app.db, OrganisationId(campaign.organisation_id)).await?;
    let referential = app.referentials.get(&app.db, campaign.referential_version_id).await?;
    let steps = steps_of(app, &campaign, &referential.referential).await?;
    Ok(Loaded {
        campaign,
        org,
        me: None,
        referential,
        assigned: Vec::new(),
        reviewing: None,
        links: Links::default(),
        steps,
    })
}

/// May view the campaign's page.
pub fn view(org: &Organisation, relation: Relation) -> Permission {
    Permission::ViewCampaign(relation.towards(org))
}

/// May read the photographie, the plan and the reports.
pub fn read_results(org: &Organisation, relation: Relation) -> Permission {
    Permission::ReadResults(relation.towards(org))
}

/// May run the campaign.
pub fn run(org: &Organisation, _: Relation) -> Permission {
    Permission::RunCampaigns(org.authz_ref())
}

/// May plan and record the campaign's accompaniment day.
pub fn accompany(org: &Organisation, relation: Relation) -> Permission {
    Permission::AccompanyCampaign(relation.towards(org))
}

/// May open the review page and write in its threads.
pub fn review(org: &Organisation, relation: Relation) -> Permission {
    Permission::ReviewCampaign(relation.towards(org))
}

/// May suggest actions, amendments and merges for the plan (its tiers).
pub fn suggest(org: &Organisation, relation: Relation) -> Permission {
    Permission::SuggestToPlan(relation.towards(org))
}

/// May invite reviewers and end their access.
pub fn invite(org: &Organisation, _: Relation) -> Permission {
    Permission::InviteReviewers(org.authz_ref())
}

/// May answer in the campaign.
pub fn answer_in(_org: &Organisation, relation: Relation) -> Permission {
    Permission::AnswerCampaign { participant: relation.participant }
}

/// What consolidation knows about one indicator.
pub struct IndicatorView {
    /// Code.
    pub code: String,
    /// Statement.
    pub statement: String,
    /// Level answers, by level; « non concerné », « je ne sais pas », missing.
    pub tally: Tally,
    /// Highest level given minus lowest.
    pub spread: i64,
    /// Ranking score.
    pub score: f64,
    /// Proposed level (median).
    pub proposal: Option<i64>,
    /// The shared answer in words, once decided.
    pub decided: Option<String>,
}

/// The individual answers of every covered indicator, with each participant's collège.
pub async fn individuals(app: &App, loaded: &Loaded) -> Result<HashMap<String, Vec<(Individual, StoredAnswer, i64)>>> {
    let mut by_code: HashMap<String, Vec<(Individual, StoredAnswer, i64)>> = HashMap::new();
    for (participant, college, answer) in campaigns::all_answers(&app.db, loaded.campaign.id).await? {
        by_code.entry(answer.indicator_code.clone()).or_default().push((
            Individual { college, value: answer.value.clone() },
            answer,
            participant,
        ));
    }
    Ok(by_code)
}

/// Builds the view of one indicator.
pub fn view_of(
    loaded: &Loaded,
    node: &Node,
    answers: &[(Individual, StoredAnswer, i64)],
    participants: usize,
    decided: Option<&Consolidated>,
    t: Tr,
) -> IndicatorView {
    let r = &loaded.referential.referential;
    let scale: Vec<i64> = r.scale.levels.iter().map(|l| l.value).collect();
    let values: Vec<Option<AnswerValue>> = answers.iter().map(|(i, _, _)| i.value.clone()).collect();
    let mut tally = Tally::of(&scale, values.iter());
    tally.missing += participants.saturating_sub(answers.len());
    let individuals: Vec<Individual> = answers.iter().map(|(i, _, _)| i.clone()).collect();
    let (low, high) = (scale.first().copied().unwrap_or(0), scale.last().copied().unwrap_or(0));
    let d = divergence(&individuals, low, high);
    IndicatorView {
        code: node.code.clone(),
        statement: node.label().to_owned(),
        proposal: if node.answer == AnswerType::Level { proposed_level(&tally.rated()) } else { None },
        tally,
        spread: d.spread,
        score: d.score,
        decided: decided.map(|c| crate::results::value_label(t, r, node, &c.value)),
    }
}

/// A campaign waiting for the viewer's answers, for their home page.
#[derive(Debug, Clone)]
pub struct ToAnswer {
    /// The campaign.
    pub campaign_id: i64,
    /// Its title.
    pub title: String,
    /// Its organisation's name.
    pub organisation: String,
    /// How many of the viewer's questions have an answer.
    pub answered: usize,
    /// How many questions the viewer is asked.
    pub total: usize,
    /// When answers are expected (the consolidation date), if set.
    pub due_on: Option<String>,
    /// The next meeting of the calendar the viewer is invited to, if any.
    pub next_meeting: Option<cap_storage::meetings::Meeting>,
}

/// The campaigns whose answers are open and in which `viewer` takes part, with their progress;
/// the ones with the most left to answer first.
pub async fn to_answer(app: &App, viewer: &Viewer) -> Result<Vec<ToAnswer>> {
    let mut out = Vec::new();
    let mut colleges = HashMap::new();
    // Only the campaigns open for answers, read in the same query: a closed campaign costs nothing.
    for id in campaigns::answering(&app.db, viewer.actor.user_id).await? {
        if viewer.campaign_only.is_some_and(|only| only != id) {
            continue;
        }
        let loaded = load(app, viewer, id, answer_in).await?;
        if !loaded.campaign.status.answers_open() {
            continue; // Closed between the two reads.
        }
        let Some(me) = &loaded.me else { continue };
        let settled = campaigns::settled_codes(&app.db, id, me.id).await?;
        let questions = loaded.my_open_indicators();
        let answered = questions.iter().filter(|n| settled.contains(&n.code)).count();
        colleges.insert(id, me.college);
        out.push(ToAnswer {
            campaign_id: id,
            title: loaded.campaign.title.clone(),
            organisation: loaded.org.name.clone(),
            answered,
            total: questions.len(),
            due_on: loaded.campaign.consolidation_on.clone(),
            next_meeting: None,
        });
    }
    let mut next = crate::meetings::next_for(app, viewer.actor.user_id, &colleges).await?;
    for c in &mut out {
        c.next_meeting = next.remove(&c.campaign_id);
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.total.saturating_sub(c.answered)));
    Ok(out)
}

/// A new campaign's title, referential and calendar, checked (a structure's campaign or a
/// group's démarche).
#[derive(Debug, Clone)]
pub struct NewCampaignChecked {
    /// The title.
    pub title: String,
    /// The referential version, one with indicators.
    pub version: i64,
    /// When answers open (YYYY-MM-DD).
    pub answering_from: Option<String>,
    /// The consolidation's day.
    pub consolidation_on: Option<String>,
    /// The restitution's day.
    pub restitution_on: Option<String>,
}

/// An optional calendar date as people type it (`10/12/2026`, `10 décembre 2026`, …; see
/// [`cap_domain::calendar::parse_date`]), as `YYYY-MM-DD`.
pub fn optional_date(raw: &str) -> std::result::Result<Option<String>, &'static str> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    cap_domain::validation::parse_date(raw).map(|d| Some(d.to_string())).ok_or("error.date.invalid")
}

/// Checks a new campaign's title, referential (a version with indicators: a bridge such as ISO
/// 9001's clauses is a target for readiness, not a campaign) and calendar (in order); every
/// problem as (field, message key).
pub async fn check_new(
    app: &App,
    title: &str,
    referential: &str,
    dates: [&str; 3],
) -> Result<std::result::Result<NewCampaignChecked, Vec<(&'static str, &'static str)>>> {
    let mut problems = Vec::new();
    let title = title.trim();
    if title.is_empty() || title.chars().count() > 200 {
        problems.push(("title", "error.name.length"));
    }
    let version = match referential.trim().parse::<i64>() {
        Ok(v) if cap_storage::referentials::summary(&app.db, v).await.is_ok_and(|s| s.indicator_count > 0) => Some(v),
        _ => {
            problems.push(("referential", "error.select.invalid"));
            None
        }
    };
    let mut days = Vec::new();
    for (field, raw) in ["answering_from", "consolidation_on", "restitution_on"].into_iter().zip(dates) {
        match optional_date(raw) {
            Ok(day) => days.push(day),
            Err(key) => {
                problems.push((field, key));
                days.push(None);
            }
        }
    }
    for (later, pair) in [("consolidation_on", (0, 1)), ("restitution_on", (1, 2))] {
        if let (Some(a), Some(b)) = (&days[pair.0], &days[pair.1])
            && b < a
        {
            problems.push((later, "error.date.order"));
        }
    }
    let restitution_on = days.pop().flatten();
    let consolidation_on = days.pop().flatten();
    let answering_from = days.pop().flatten();
    Ok(match version {
        Some(version) if problems.is_empty() => Ok(NewCampaignChecked {
            title: title.to_owned(),
            version,
            answering_from,
            consolidation_on,
            restitution_on,
        }),
        _ => Err(problems),
    })
}

/// The referential versions a campaign may follow (those with indicators), Cap's example first,
/// then the latest.
pub async fn campaign_referentials(app: &App) -> Result<Vec<cap_storage::referentials::VersionSummary>> {
    let mut all = cap_storage::referentials::list(&app.db).await?;
    all.retain(|v| v.indicator_count > 0);
    all.sort_by_key(|v| std::cmp::Reverse((v.code == "cap-exemple", v.id)));
    Ok(all)
}

#[cfg(test)]
mod new_campaign_tests {
    use super::optional_date;

    #[test]
    fn dates_as_people_type_them() {
        assert_eq!(optional_date("05/03/2027").unwrap().as_deref(), Some("2027-03-05"));
        assert_eq!(optional_date("2027-03-05").unwrap().as_deref(), Some("2027-03-05"));
        assert_eq!(optional_date("5 mars 2027").unwrap().as_deref(), Some("2027-03-05"));
        assert_eq!(optional_date(" ").unwrap(), None);
        for bad in ["31/02/2027", "2027-13-01", "demain", "05/03"] {
            assert_eq!(optional_date(bad), Err("error.date.invalid"), "{bad}");
        }
    }
}
