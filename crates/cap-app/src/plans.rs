//! Use cases of the progress plan that the pages, the spreadsheet import, the API and the jobs
//! share.

use crate::app::App;
use crate::campaigns::{Loaded, individuals};
use crate::error::Result;
use crate::i18n::paris_today;
use crate::results::outcome;
use cap_domain::consolidation::{Individual, divergence};
use cap_domain::plan::{Followed, PlanInputs, completion, parse_date, propose};
use cap_storage::plans::{self, Action, NewAction, Plan};
use cap_storage::{Db, StorageError};
use jiff::civil::Date;
use std::collections::HashMap;

/// Columns of the plan sheet, by message key, as the import reads them back.
pub const PLAN_COLUMNS: [&str; 14] = [
    "export.number",
    "action.title",
    "action.description",
    "action.indicators",
    "action.responsible",
    "action.contributors",
    "action.starts_on",
    "action.due_on",
    "action.status_label",
    "action.progress",
    "export.priority",
    "action.offer",
    "action.notes",
    "export.version",
];

/// An action as the follow-up sees it.
pub fn followed(a: &Action) -> Followed {
    Followed { status: a.status, progress: a.progress, due: a.due_on.as_deref().and_then(parse_date) }
}

/// Records today's completion of the plan, so the plan's progress can be drawn over time.
pub async fn record_completion(db: &Db, plan: i64) -> Result<()> {
    let actions = plans::actions(db, plan).await?;
    let done: Vec<Followed> = actions.iter().filter(|a| !a.proposed).map(followed).collect();
    if let Some(share) = completion(&done) {
        let per_mille = (share * 1000.0).round() as i64;
        plans::record_completion(db, plan, &paris_today().to_string(), per_mille).await?;
    }
    Ok(())
}

/// The pillars of the campaign whose results can feed the plan (their consolidation began), in
/// order.
pub fn pillars_with_results(loaded: &Loaded) -> Vec<String> {
    loaded.steps.iter().filter(|(p, _)| loaded.steps.has_results(p)).map(|(p, _)| p.to_owned()).collect()
}

/// The pillars with results that `plan`'s proposals do not cover yet: consolidated since it was
/// made.
pub fn pillars_to_propose(loaded: &Loaded, plan: &Plan) -> Vec<String> {
    let Some(proposed) = &plan.proposed_pillars else { return Vec::new() };
    pillars_with_results(loaded).into_iter().filter(|p| !proposed.contains(p)).collect()
}

/// The actions proposed for the indicators of `pillars` below their target, spread over
/// `horizon` months from `start`, ranked by priority (see [`propose`]).
pub async fn proposals(
    app: &App,
    loaded: &Loaded,
    pillars: &[String],
    start: Date,
    horizon: i64,
) -> Result<Vec<NewAction>> {
    let out = outcome(app, loaded).await?;
    let r = &loaded.referential.referential;
    let (low, high) = (r.scale.levels.first().map_or(0, |l| l.value), r.scale.levels.last().map_or(0, |l| l.value));
    let divergences: HashMap<String, f64> = individuals(app, loaded)
        .await?
        .into_iter()
        .map(|(code, answers)| {
            let people: Vec<Individual> = answers.into_iter().map(|(i, _, _)| i).collect();
            (code, divergence(&people, low, high).score)
        })
        .collect();
    let mut covered = loaded.result_indicators();
    covered.retain(|n| loaded.pillar_of(&n.code).is_some_and(|p| pillars.iter().any(|q| q == p)));
    let inputs = PlanInputs {
        referential: r,
        covered: &covered,
        answers: &out.answers,
        scores: &out.scores,
        targets: &out.targets,
        divergence: &divergences,
    };
    Ok(propose(&inputs, start, horizon).into_iter().map(NewAction::proposed).collect())
}

/// Makes the campaign's plan from the pillars with results so far: the id of the plan and how
/// many actions were proposed, or [`StorageError::Conflict`] when it already has one.
pub async fn generate(
    app: &App,
    by: &crate::audit::Author,
    loaded: &Loaded,
    start: Date,
    horizon: i64,
) -> Result<Result<(i64, usize), StorageError>> {
    let pillars = pillars_with_results(loaded);
    let actions = proposals(app, loaded, &pillars, start, horizon).await?;
    let id = loaded.campaign.id;
    let entry = by.entry("plans.generate", "plan", "", format!("{} proposals", actions.len()));
    match plans::create_from(app.db.audited(entry), id, &start.to_string(), horizon, &actions, Some(&pillars)).await {
        Ok(plan) => Ok(Ok((plan, actions.len()))),
        Err(StorageError::Conflict) => Ok(Err(StorageError::Conflict)),
        Err(e) => Err(e.into()),
    }
}

/// Adds to `plan` the proposals of the pillars consolidated since it was made, due within the
/// plan's own calendar; how many were added. Refused as [`StorageError::Stale`] when the plan
/// changed meanwhile.
pub async fn propose_more(app: &App, by: &crate::audit::Author, loaded: &Loaded, plan: &Plan) -> Result<usize> {
    let more = pillars_to_propose(loaded, plan);
    let start = parse_date(&plan.starts_on).unwrap_or_else(paris_today);
    let actions = proposals(app, loaded, &more, start, plan.horizon_months).await?;
    let covered = pillars_with_results(loaded);
    let entry = by.entry("plans.propose_more", "plan", plan.id, format!("{} proposals", actions.len()));
    plans::add_proposals(app.db.audited(entry), plan.id, &actions, &covered, plan.version).await?;
    Ok(actions.len())
}
