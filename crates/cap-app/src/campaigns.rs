//! A campaign as a viewer may see it: loaded and authorised in one place, with how the viewer
//! stands towards it, and the individual answers consolidation and the photographie read.

use crate::app::App;
use crate::error::Result;
use crate::i18n::{Tr, paris_today};
use crate::referential_cache::CachedReferential;
use crate::viewer::Viewer;
use cap_domain::authz::{CampaignRef, Permission};
use cap_domain::campaign::{AnswerValue, answer_pages, assigned_indicators, campaign_indicators};
use cap_domain::consolidation::{Individual, Tally, divergence, proposed_level};
use cap_domain::referential::{AnswerType, Node, NodeKind};
use cap_domain::review::ReviewerKind;
use cap_domain::{OrganisationId, OrganisationType};
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

    /// The viewer's answering pages: (objective code, indicator codes).
    pub fn pages(&self) -> Vec<(String, Vec<String>)> {
        answer_pages(&self.my_indicators())
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
    let campaign = campaigns::get(&app.db, id).await?;
    let org = organisations::get(&app.db, OrganisationId(campaign.organisation_id)).await?;
    let me = campaigns::participant_of(&app.db, id, viewer.actor.user_id).await?;
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
    let assigned = match &me {
        Some(p) => campaigns::assignments(&app.db, id).await?.remove(&p.id).unwrap_or_default(),
        None => Vec::new(),
    };
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
    Ok(Loaded { campaign, org, me, referential, assigned, reviewing, links })
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
    let mut ids: Vec<i64> = campaigns::taking_part(&app.db, viewer.actor.user_id).await?.into_iter().collect();
    ids.sort_unstable();
    for id in ids {
        let campaign = campaigns::get(&app.db, id).await?;
        if !campaign.status.answers_open() || viewer.campaign_only.is_some_and(|only| only != id) {
            continue;
        }
        let loaded = load(app, viewer, id, answer_in).await?;
        let Some(me) = &loaded.me else { continue };
        let mine = campaigns::answers_of(&app.db, me.id).await?;
        let decided = crate::results::decided_in_workshop(&app.db, id).await?;
        let questions = loaded.my_indicators();
        let answered = questions
            .iter()
            .filter(|n| mine.get(&n.code).is_some_and(|a| a.value.is_some()) || decided.contains_key(&n.code))
            .count();
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
    let mut next = crate::meetings::next_for(app, &colleges).await?;
    for c in &mut out {
        c.next_meeting = next.remove(&c.campaign_id);
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.total.saturating_sub(c.answered)));
    Ok(out)
}
