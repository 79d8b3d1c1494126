//! The JSON API's read models and use cases: campaigns, shared answers, results and actions as
//! programs read them, and the update of an action's status and progress.
//!
//! Each type describes its own JSON ([`ToSchema`]), so the OpenAPI document the web serves at
//! `/api/openapi.json` is generated from the very types its handlers send: a field added here is
//! documented there. Codes (statuses, steps) are documented from the domain's own lists.

use crate::app::App;
use crate::audit::Author;
use crate::campaigns::{Relation, load, read_results, run};
use crate::error::{Error, Result};
use crate::i18n::{Tr, paris_today};
use crate::results::{outcome, value_label};
use crate::viewer::Viewer;
use cap_domain::OrganisationId;
use cap_domain::authz::Permission;
use cap_domain::campaign::{self, CampaignStatus};
use cap_domain::pillar_step::PillarStep;
use cap_domain::plan::ActionStatus;
use cap_domain::referential::NodeKind;
use cap_domain::scoring::{IndicatorScore, NodeScore};
use cap_storage::StorageError;
use cap_storage::organisations::{self, Organisation};
use cap_storage::plans;
use cap_storage::{campaigns, reviews};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;
use utoipa::ToSchema;
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};

/// A campaign's organisation.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct OrganisationRef {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
}

/// Where one pillar of a campaign stands.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PillarProgress {
    /// The pillar's code in the referential.
    pub code: String,
    /// Its step: answering, then consolidation, then consolidated.
    #[schema(schema_with = pillar_step_schema)]
    pub step: &'static str,
}

/// A campaign. Read alone, it also lists the indicators it covers and where each pillar stands.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Campaign {
    /// Its id.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Its status.
    #[schema(schema_with = campaign_status_schema)]
    pub status: &'static str,
    /// The organisation assessed.
    pub organisation: OrganisationRef,
    /// The referential version it assesses against.
    pub referential_version_id: i64,
    /// When answers open (YYYY-MM-DD), if set.
    #[schema(required = true)]
    pub answering_from: Option<String>,
    /// The consolidation meeting (YYYY-MM-DD), if set.
    #[schema(required = true)]
    pub consolidation_on: Option<String>,
    /// The restitution meeting (YYYY-MM-DD), if set.
    #[schema(required = true)]
    pub restitution_on: Option<String>,
    /// Incremented on every change.
    pub version: i64,
    /// The codes of the indicators it covers, in tree order (one campaign only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub indicators: Option<Vec<String>>,
    /// Where each pillar in scope stands (one campaign only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub pillars: Option<Vec<PillarProgress>>,
}

impl Campaign {
    /// A campaign as a list shows it: without its indicators and pillars.
    pub fn new(c: &campaigns::Campaign, org: &Organisation) -> Self {
        Self {
            id: c.id,
            title: c.title.clone(),
            status: c.status.code(),
            organisation: OrganisationRef { id: org.id, name: org.name.clone() },
            referential_version_id: c.referential_version_id,
            answering_from: c.answering_from.clone(),
            consolidation_on: c.consolidation_on.clone(),
            restitution_on: c.restitution_on.clone(),
            version: c.version,
            indicators: None,
            pillars: None,
        }
    }
}

/// The campaigns of the caller's organisations, and those they review.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CampaignList {
    /// The campaigns.
    pub campaigns: Vec<Campaign>,
}

/// A shared answer's value, by its kind.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnswerValue {
    /// A level of the referential's scale.
    Level {
        /// The level's value.
        level: i64,
    },
    /// « Non concerné »: the indicator does not apply.
    NotApplicable,
    /// « Je ne sais pas ».
    Unknown,
    /// Yes or no.
    YesNo {
        /// Whether the answer is yes.
        yes: bool,
    },
    /// A figure.
    Number {
        /// The figure.
        number: f64,
    },
    /// Free text.
    Text {
        /// The text.
        text: String,
    },
}

impl From<&campaign::AnswerValue> for AnswerValue {
    fn from(value: &campaign::AnswerValue) -> Self {
        match value {
            campaign::AnswerValue::Level(level) => Self::Level { level: *level },
            campaign::AnswerValue::NotApplicable => Self::NotApplicable,
            campaign::AnswerValue::Unknown => Self::Unknown,
            campaign::AnswerValue::YesNo(yes) => Self::YesNo { yes: *yes },
            campaign::AnswerValue::Number(number) => Self::Number { number: *number },
            campaign::AnswerValue::Text(text) => Self::Text { text: text.clone() },
        }
    }
}

/// The organisation's shared answer to one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Answer {
    /// The indicator's code.
    pub indicator: String,
    /// What the indicator asks.
    pub label: String,
    /// The answer; null when it was left without one.
    #[schema(required = true)]
    pub answer: Option<AnswerValue>,
    /// The answer in words, in the caller's language.
    pub answer_label: String,
    /// Why the shared answer departs from the participants' proposal, if it does.
    pub rationale: String,
    /// Where it was settled.
    #[schema(schema_with = answer_source_schema)]
    pub source: String,
    /// Incremented on every save.
    pub version: i64,
}

/// A campaign's shared answers, in tree order.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AnswerList {
    /// The campaign's id.
    pub campaign: i64,
    /// One answer per indicator that has one.
    pub answers: Vec<Answer>,
}

/// A score: a share of the scale, with the targets' share over the same indicators.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Score {
    /// Share of the scale, 0 to 1.
    #[schema(minimum = 0, maximum = 1)]
    pub score: f64,
    /// The targets' share, when there are targets.
    #[schema(required = true)]
    pub target: Option<f64>,
    /// Scored indicators beneath.
    pub rated: usize,
}

impl From<&NodeScore> for Score {
    fn from(s: &NodeScore) -> Self {
        Self { score: s.score, target: s.target, rated: s.rated }
    }
}

/// A pillar or an objective with its score.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct GroupNode {
    /// Its code.
    pub code: String,
    /// Its parent's code (null for a pillar).
    #[schema(required = true)]
    pub parent: Option<String>,
    /// Its title.
    pub label: String,
    /// Share of the scale, 0 to 1.
    #[schema(minimum = 0, maximum = 1)]
    pub score: f64,
    /// The targets' share, when there are targets.
    #[schema(required = true)]
    pub target: Option<f64>,
    /// Scored indicators beneath.
    pub rated: usize,
}

/// How an indicator stands in the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorState {
    /// Scored: `score` holds its share of the scale.
    Scored,
    /// A quantitative indicator: `figure` holds its figure.
    Figure,
    /// « Non concerné »: left out of every mean.
    NotApplicable,
    /// A text answer: shown, not scored.
    Text,
    /// No usable shared answer yet.
    Unrated,
}

/// An indicator with its score or figure.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct IndicatorNode {
    /// Its code.
    pub code: String,
    /// Its parent's code.
    #[schema(required = true)]
    pub parent: Option<String>,
    /// What it asks.
    pub label: String,
    /// Its share of the scale, 0 to 1, when scored.
    #[schema(required = true, minimum = 0, maximum = 1)]
    pub score: Option<f64>,
    /// Its figure, for a quantitative indicator.
    #[schema(required = true)]
    pub figure: Option<f64>,
    /// How it stands.
    pub state: IndicatorState,
    /// The level the organisation aims at, when it set one.
    #[schema(required = true)]
    pub target_level: Option<i64>,
}

/// One node of the referential's tree in the results, by its kind.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Node {
    /// A pillar.
    Pillar(GroupNode),
    /// An objective.
    Objective(GroupNode),
    /// An indicator.
    Indicator(IndicatorNode),
}

/// The photographie as data: the overall score, each pillar's and objective's score with its
/// target, each indicator's score or figure. Scores and targets are shares of the scale (0 to 1).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Results {
    /// The campaign's id.
    pub campaign: i64,
    /// The weighted mean of the pillars, once something is scored.
    #[schema(required = true)]
    pub overall: Option<Score>,
    /// Covered indicators that could be scored but have no usable answer yet.
    pub unrated: usize,
    /// The tree, in order: pillars and objectives with a score, every covered indicator.
    pub nodes: Vec<Node>,
}

/// An action of the progress plan.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Action {
    /// Its id.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// What it is about.
    pub description: String,
    /// The codes of the indicators it works on.
    pub indicators: Vec<String>,
    /// The person responsible, when they have an account.
    #[schema(required = true)]
    pub responsible: Option<String>,
    /// Who else takes part.
    pub contributors: String,
    /// When it starts (YYYY-MM-DD).
    #[schema(required = true)]
    pub starts_on: Option<String>,
    /// When it is due (YYYY-MM-DD).
    #[schema(required = true)]
    pub due_on: Option<String>,
    /// Its status.
    #[schema(schema_with = action_status_schema)]
    pub status: &'static str,
    /// Its progress, in percent.
    #[schema(minimum = 0, maximum = 100)]
    pub progress: i64,
    /// Follow-up notes.
    pub notes: String,
    /// The code of the offer of services it asks for.
    #[schema(required = true)]
    pub offer: Option<String>,
    /// Whether it is a generated proposal not accepted yet.
    pub proposed: bool,
    /// Incremented on every change: send it back with an update.
    pub version: i64,
}

impl From<&plans::Action> for Action {
    fn from(a: &plans::Action) -> Self {
        Self {
            id: a.id,
            title: a.title.clone(),
            description: a.description.clone(),
            indicators: a.indicators.clone(),
            responsible: a.responsible_name.clone(),
            contributors: a.contributors.clone(),
            starts_on: a.starts_on.clone(),
            due_on: a.due_on.clone(),
            status: a.status.code(),
            progress: a.progress,
            notes: a.notes.clone(),
            offer: a.offer_code.clone(),
            proposed: a.proposed,
            version: a.version,
        }
    }
}

/// The progress plan's actions, in the plan's order.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ActionList {
    /// The campaign's id.
    pub campaign: i64,
    /// The actions (none before the plan exists).
    pub actions: Vec<Action>,
}

/// An update of an action's status and progress.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionUpdate {
    /// The new status; left out or null, the status stays.
    #[schema(schema_with = action_status_update_schema)]
    pub status: Option<String>,
    /// The new progress in percent; left out or null, it stays. A done action is at 100.
    #[schema(minimum = 0, maximum = 100)]
    pub progress: Option<i64>,
    /// The version last read; a newer one means someone changed the action meanwhile.
    pub version: i64,
}

/// Why a request was refused, in the caller's language.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = Error)]
pub struct ApiError {
    /// The HTTP status, repeated.
    pub status: u16,
    /// What went wrong.
    pub error: String,
    /// With 409: the action as it is now.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub current: Option<Action>,
}

/// What became of an action's update.
#[derive(Debug, Clone, PartialEq)]
pub enum ActionUpdated {
    /// Saved: the action as it is now.
    Saved(Action),
    /// Someone changed the action since the version given; nothing was written. The action as
    /// it is now.
    Stale(Action),
    /// The body is not a valid update: the message key that says why.
    Invalid(&'static str),
}

/// The campaigns whose results the viewer may read: those of their organisations, then those
/// they review.
pub async fn campaigns(app: &App, viewer: &Viewer) -> Result<CampaignList> {
    let mut out: Vec<Campaign> = Vec::new();
    for org in organisations::list_for_user(&app.db, viewer.actor.user_id).await? {
        for c in campaigns::for_organisation(&app.db, OrganisationId(org.id)).await? {
            let participant = campaigns::participant_of(&app.db, c.id, viewer.actor.user_id).await?.is_some();
            let relation = Relation { participant, shared_with_region: c.shared_with_region, reviewer: None };
            if viewer.can(Permission::ReadResults(relation.towards(&org))) {
                out.push(Campaign::new(&c, &org));
            }
        }
    }
    for r in reviews::reviewing(&app.db, viewer.actor.user_id, &paris_today().to_string()).await? {
        if out.iter().any(|c| c.id == r.campaign_id) {
            continue;
        }
        let c = campaigns::get(&app.db, r.campaign_id).await?;
        let org = organisations::get(&app.db, OrganisationId(c.organisation_id)).await?;
        out.push(Campaign::new(&c, &org));
    }
    Ok(CampaignList { campaigns: out })
}

/// One campaign, with the indicators it covers and where each pillar stands.
pub async fn campaign(app: &App, viewer: &Viewer, id: i64) -> Result<Campaign> {
    let loaded = load(app, viewer, id, read_results).await?;
    let mut out = Campaign::new(&loaded.campaign, &loaded.org);
    out.indicators = Some(loaded.indicators().iter().map(|n| n.code.clone()).collect());
    out.pillars =
        Some(loaded.steps.iter().map(|(p, s)| PillarProgress { code: p.to_owned(), step: s.code() }).collect());
    Ok(out)
}

/// The campaign's shared answers, in tree order, each said in words in `t`'s language.
pub async fn answers(app: &App, viewer: &Viewer, id: i64, t: Tr) -> Result<AnswerList> {
    let loaded = load(app, viewer, id, read_results).await?;
    let r = &loaded.referential.referential;
    let shared = campaigns::consolidated(&app.db, id).await?;
    let mut out = Vec::new();
    for node in loaded.indicators() {
        let Some(c) = shared.get(&node.code) else { continue };
        out.push(Answer {
            indicator: node.code.clone(),
            label: node.label().to_owned(),
            answer: c.value.as_ref().map(AnswerValue::from),
            answer_label: value_label(t, r, node, &c.value),
            rationale: c.rationale.clone(),
            source: c.source.clone(),
            version: c.version,
        });
    }
    Ok(AnswerList { campaign: id, answers: out })
}

/// The campaign's scores, in tree order.
pub async fn results(app: &App, viewer: &Viewer, id: i64) -> Result<Results> {
    let loaded = load(app, viewer, id, read_results).await?;
    let out = outcome(app, &loaded).await?;
    let r = &loaded.referential.referential;
    let covered: HashSet<&str> = loaded.indicators().iter().map(|n| n.code.as_str()).collect();
    let mut nodes = Vec::new();
    for node in &r.nodes {
        if node.kind == NodeKind::Indicator {
            if !covered.contains(node.code.as_str()) {
                continue;
            }
            let (score, figure, state) = match out.scores.indicators.get(&node.code) {
                Some(IndicatorScore::Share(s)) => (Some(*s), None, IndicatorState::Scored),
                Some(IndicatorScore::Figure(f)) => (None, Some(*f), IndicatorState::Figure),
                Some(IndicatorScore::NotApplicable) => (None, None, IndicatorState::NotApplicable),
                Some(IndicatorScore::Text) => (None, None, IndicatorState::Text),
                Some(IndicatorScore::Unrated) | None => (None, None, IndicatorState::Unrated),
            };
            nodes.push(Node::Indicator(IndicatorNode {
                code: node.code.clone(),
                parent: node.parent.clone(),
                label: node.label().to_owned(),
                score,
                figure,
                state,
                target_level: out.targets.level_of(r, node),
            }));
        } else {
            let Some(s) = out.scores.nodes.get(&node.code) else { continue };
            let group = GroupNode {
                code: node.code.clone(),
                parent: node.parent.clone(),
                label: node.label().to_owned(),
                score: s.score,
                target: s.target,
                rated: s.rated,
            };
            nodes.push(if node.parent.is_none() { Node::Pillar(group) } else { Node::Objective(group) });
        }
    }
    Ok(Results {
        campaign: id,
        overall: out.scores.overall.as_ref().map(Score::from),
        unrated: out.scores.unrated,
        nodes,
    })
}

/// The progress plan's actions, in the plan's order (none before the plan exists).
pub async fn actions(app: &App, viewer: &Viewer, id: i64) -> Result<ActionList> {
    load(app, viewer, id, read_results).await?;
    let actions = match plans::plan_of(&app.db, id).await? {
        Some(plan) => plans::actions(&app.db, plan.id).await?,
        None => Vec::new(),
    };
    Ok(ActionList { campaign: id, actions: actions.iter().map(Action::from).collect() })
}

/// Updates an action's status and progress from an update's JSON `body`, if the action is still
/// at the version the body gives. Whoever may not run the campaign gets [`Error::NotFound`]
/// whatever they send; a done action is at 100 %.
pub async fn update_action(
    app: &App,
    viewer: &Viewer,
    by: &Author,
    id: i64,
    action: i64,
    body: &[u8],
) -> Result<ActionUpdated> {
    load(app, viewer, id, run).await?;
    let plan = plans::plan_of(&app.db, id).await?.ok_or(Error::NotFound)?;
    let current = plans::action_of(&app.db, plan.id, action).await?;
    let Ok(update) = serde_json::from_slice::<ActionUpdate>(body) else {
        return Ok(ActionUpdated::Invalid("error.api.body"));
    };
    let status = match update.status.as_deref() {
        None => current.status,
        Some(code) => match ActionStatus::from_code(code) {
            Some(s) => s,
            None => return Ok(ActionUpdated::Invalid("error.api.status")),
        },
    };
    let progress = match (status, update.progress) {
        (ActionStatus::Done, _) => 100,
        (_, Some(p)) if (0..=100).contains(&p) => p,
        (_, Some(_)) => return Ok(ActionUpdated::Invalid("error.api.progress")),
        (_, None) => current.progress,
    };
    let entry = by.entry("api.action", "action", action, format!("{} {progress}%", status.code()));
    match plans::set_status(app.db.audited(entry), plan.id, action, status, progress, update.version).await {
        Ok(_) => {
            crate::plans::record_completion(&app.db, plan.id).await?;
            Ok(ActionUpdated::Saved(Action::from(&plans::action_of(&app.db, plan.id, action).await?)))
        }
        // A program is told where the action stands now, to decide again.
        Err(StorageError::Stale(_)) => {
            Ok(ActionUpdated::Stale(Action::from(&plans::action_of(&app.db, plan.id, action).await?)))
        }
        Err(e) => Err(e.into()),
    }
}

/// A string that is one of `codes`.
fn one_of(codes: impl IntoIterator<Item = &'static str>) -> Object {
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(codes)).build()
}

fn campaign_status_schema() -> Object {
    one_of(CampaignStatus::ALL.map(CampaignStatus::code))
}

fn pillar_step_schema() -> Object {
    one_of(PillarStep::ALL.map(PillarStep::code))
}

fn action_status_schema() -> Object {
    one_of(ActionStatus::ALL.map(ActionStatus::code))
}

/// A status code, or null (the status stays).
fn action_status_update_schema() -> Object {
    let codes = ActionStatus::ALL.map(|s| Value::from(s.code()));
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(codes.into_iter().chain([Value::Null])))
        .build()
}

/// Where a shared answer was settled: in the consolidation or in a workshop's vote
/// (`cap_storage::campaigns::NewConsolidated::source`).
fn answer_source_schema() -> Object {
    one_of(["consolidation", "workshop"])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn answers_keep_their_json_shape() {
        let cases = [
            (campaign::AnswerValue::Level(3), json!({ "kind": "level", "level": 3 })),
            (campaign::AnswerValue::NotApplicable, json!({ "kind": "not_applicable" })),
            (campaign::AnswerValue::Unknown, json!({ "kind": "unknown" })),
            (campaign::AnswerValue::YesNo(true), json!({ "kind": "yes_no", "yes": true })),
            (campaign::AnswerValue::Number(12.5), json!({ "kind": "number", "number": 12.5 })),
            (campaign::AnswerValue::Text("Oui".into()), json!({ "kind": "text", "text": "Oui" })),
        ];
        for (value, expected) in cases {
            assert_eq!(serde_json::to_value(AnswerValue::from(&value)).unwrap(), expected);
        }
    }

    #[test]
    fn nodes_keep_their_json_shape_with_explicit_nulls() {
        let pillar = Node::Pillar(GroupNode {
            code: "SR".into(),
            parent: None,
            label: "Services rendus".into(),
            score: 0.5,
            target: None,
            rated: 2,
        });
        assert_eq!(
            serde_json::to_value(pillar).unwrap(),
            json!({ "code": "SR", "kind": "pillar", "parent": null, "label": "Services rendus",
                    "score": 0.5, "target": null, "rated": 2 })
        );
        let indicator = Node::Indicator(IndicatorNode {
            code: "SR.1.1.a".into(),
            parent: Some("SR.1.1".into()),
            label: "Accueil".into(),
            score: None,
            figure: None,
            state: IndicatorState::Unrated,
            target_level: None,
        });
        assert_eq!(
            serde_json::to_value(indicator).unwrap(),
            json!({ "code": "SR.1.1.a", "kind": "indicator", "parent": "SR.1.1", "label": "Accueil",
                    "score": null, "figure": null, "state": "unrated", "target_level": null })
        );
    }

    #[test]
    fn a_listed_campaign_has_no_indicators_and_errors_show_current_only_on_conflict() {
        let listed = Campaign {
            id: 1,
            title: "Campagne".into(),
            status: "preparation",
            organisation: OrganisationRef { id: 2, name: "Structure".into() },
            referential_version_id: 3,
            answering_from: None,
            consolidation_on: Some("2027-01-15".into()),
            restitution_on: None,
            version: 4,
            indicators: None,
            pillars: None,
        };
        assert_eq!(
            serde_json::to_value(&listed).unwrap(),
            json!({ "id": 1, "title": "Campagne", "status": "preparation",
                    "organisation": { "id": 2, "name": "Structure" }, "referential_version_id": 3,
                    "answering_from": null, "consolidation_on": "2027-01-15", "restitution_on": null,
                    "version": 4 })
        );
        let error = ApiError { status: 404, error: "Introuvable".into(), current: None };
        assert_eq!(serde_json::to_value(error).unwrap(), json!({ "status": 404, "error": "Introuvable" }));
    }

    #[test]
    fn an_update_refuses_unknown_fields() {
        let update: ActionUpdate = serde_json::from_str(r#"{"version": 2, "progress": null}"#).unwrap();
        assert_eq!(update, ActionUpdate { status: None, progress: None, version: 2 });
        assert!(serde_json::from_str::<ActionUpdate>(r#"{"version": 2, "title": "x"}"#).is_err());
        assert!(serde_json::from_str::<ActionUpdate>(r#"{"status": "done"}"#).is_err(), "version is required");
    }
}
