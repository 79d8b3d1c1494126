//! Readiness for a certification as use cases: for a campaign and a referential mapped from its
//! own (ISO 9001:2015 today), each clause with its status and linked indicators in words, the
//! counts by status, and « ce qui reste » added to the plan as actions, one per clause.

use crate::app::App;
use crate::audit::Author;
use crate::campaigns::Loaded;
use crate::error::{Error, Result};
use crate::i18n::Tr;
use crate::results::{outcome, value_label};
use cap_domain::readiness::{Clause, Coverage, clauses, counts};
use cap_domain::referential::{NodeKind, Referential};
use cap_storage::plans::{self, NewAction};
use cap_storage::referentials;
use std::collections::HashSet;
use std::sync::Arc;

/// A referential the campaign's is mapped to, offered for readiness.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Its code (`iso-9001`).
    pub code: String,
    /// Its title.
    pub title: String,
}

/// One linked indicator, in words.
#[derive(Debug, Clone)]
pub struct LinkRow {
    /// The indicator's code.
    pub code: String,
    /// Its statement.
    pub statement: String,
    /// Its shared answer in words (empty when not rated).
    pub level: String,
    /// Its target in words.
    pub target: String,
    /// Whether it covers the whole clause.
    pub full: bool,
    /// Whether it meets its target.
    pub meets: bool,
    /// The evidence behind its shared answer: (title, where to open it, carried and not confirmed yet).
    pub evidence: Vec<(String, String, bool)>,
}

/// One clause, in words.
#[derive(Debug, Clone)]
pub struct ClauseRow {
    /// The clause's code (`7.2`).
    pub code: String,
    /// Its title.
    pub title: String,
    /// Where it stands.
    pub coverage: Coverage,
    /// Its linked indicators.
    pub links: Vec<LinkRow>,
    /// How many linked indicators remain to work on.
    pub remaining: usize,
}

/// An article of the target referential with its clauses.
#[derive(Debug, Clone)]
pub struct Article {
    /// The article's code and title (« 7 Support »).
    pub title: String,
    /// Its clauses.
    pub clauses: Vec<ClauseRow>,
}

/// The readiness of a campaign for one target referential.
#[derive(Debug, Clone)]
pub struct Readiness {
    /// The target referential.
    pub target: Target,
    /// Its articles and clauses.
    pub articles: Vec<Article>,
    /// Clauses by status.
    pub counts: Vec<(Coverage, usize)>,
}

/// The referentials the campaign's maps to, that are loaded and have clauses.
pub async fn targets(app: &App, loaded: &Loaded) -> Result<Vec<Target>> {
    let mut codes: Vec<String> = Vec::new();
    for node in &loaded.referential.referential.nodes {
        for m in &node.mappings {
            if !codes.contains(&m.referential) {
                codes.push(m.referential.clone());
            }
        }
    }
    let mut out = Vec::new();
    for code in codes {
        if let Some(target) = load_target(app, &code).await? {
            out.push(Target { code, title: target.referential.title.clone() });
        }
    }
    Ok(out)
}

async fn load_target(app: &App, code: &str) -> Result<Option<Arc<crate::referential_cache::CachedReferential>>> {
    let Some(id) = referentials::latest_version(&app.db, code).await? else { return Ok(None) };
    let cached = app.referentials.get(&app.db, id).await?;
    let has_clauses = cached.referential.nodes.iter().any(|n| n.kind == NodeKind::GeneralObjective);
    Ok(has_clauses.then_some(cached))
}

fn computed(loaded: &Loaded, target: &Referential, out: &crate::results::Outcome) -> Vec<Clause> {
    clauses(&loaded.referential.referential, &loaded.indicators(), target, &out.answers, &out.targets)
}

/// The campaign's readiness for the referential coded `code`, for the reader `t`.
pub async fn readiness(app: &App, loaded: &Loaded, code: &str, t: Tr) -> Result<Readiness> {
    let target = load_target(app, code).await?.ok_or(Error::NotFound)?;
    let out = outcome(app, loaded).await?;
    let evidence = crate::evidence::by_indicator(app, loaded).await?;
    Ok(in_words(loaded, code, &target.referential, &out, &evidence, t))
}

/// The campaign's readiness for every referential its own maps to, its shared answers read once
/// (the PDF report and the workbook).
pub async fn every_readiness(app: &App, loaded: &Loaded, t: Tr) -> Result<Vec<Readiness>> {
    let out = outcome(app, loaded).await?;
    let evidence = crate::evidence::by_indicator(app, loaded).await?;
    let mut all = Vec::new();
    for target in targets(app, loaded).await? {
        if let Some(referential) = load_target(app, &target.code).await? {
            all.push(in_words(loaded, &target.code, &referential.referential, &out, &evidence, t));
        }
    }
    Ok(all)
}

fn in_words(
    loaded: &Loaded,
    code: &str,
    target: &Referential,
    out: &crate::results::Outcome,
    evidence: &std::collections::HashMap<String, Vec<cap_storage::evidence::Evidence>>,
    t: Tr,
) -> Readiness {
    let all = computed(loaded, target, out);
    let cap = &loaded.referential.referential;
    let english = t.lang() == "en";
    let title_of = |n: &cap_domain::referential::Node| {
        english.then_some(n.title_en.as_deref()).flatten().unwrap_or(n.label()).to_owned()
    };
    let mut articles: Vec<Article> = Vec::new();
    for clause in &all {
        let Some(node) = target.node(&clause.code) else { continue };
        let article = target.root_of(&clause.code).map(|a| format!("{} {}", a.code, title_of(a))).unwrap_or_default();
        let links = clause
            .links
            .iter()
            .filter_map(|l| {
                let indicator = cap.node(&l.indicator)?;
                Some(LinkRow {
                    code: l.indicator.clone(),
                    statement: indicator.statement_in(english).unwrap_or_default().to_owned(),
                    level: l
                        .level
                        .map(|_| value_label(t, cap, indicator, &out.answers.get(&l.indicator).cloned()))
                        .unwrap_or_default(),
                    target: l.target.map(|v| level_words(cap, v, english)).unwrap_or_default(),
                    full: l.full,
                    meets: l.meets(),
                    evidence: evidence
                        .get(&l.indicator)
                        .map(|all| {
                            all.iter()
                                .map(|e| {
                                    (e.title.clone(), crate::evidence::href(loaded.campaign.id, e), e.to_review == 1)
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                })
            })
            .collect();
        let row = ClauseRow {
            code: clause.code.clone(),
            title: title_of(node),
            coverage: clause.coverage,
            links,
            remaining: clause.remaining().count(),
        };
        match articles.last_mut() {
            Some(a) if a.title == article => a.clauses.push(row),
            _ => articles.push(Article { title: article, clauses: vec![row] }),
        }
    }
    Readiness { target: Target { code: code.to_owned(), title: target.title.clone() }, articles, counts: counts(&all) }
}

fn level_words(r: &Referential, value: i64, english: bool) -> String {
    r.scale.levels.iter().find(|l| l.value == value).map_or_else(
        || value.to_string(),
        |l| {
            let label = if english { l.label_en.as_deref().unwrap_or(&l.label) } else { &l.label };
            format!("{value} — {label}")
        },
    )
}

/// One earlier campaign's readiness, for the trend.
#[derive(Debug, Clone)]
pub struct TrendPoint {
    /// The campaign's title.
    pub title: String,
    /// Requirements by status, in the order of [`Coverage::ALL`].
    pub counts: Vec<(Coverage, usize)>,
}

/// The readiness of the organisation's earlier campaigns whose results existed when this one
/// started (as the photographie compares), oldest first, for the referential coded `code`.
pub async fn trend(app: &App, loaded: &Loaded, code: &str) -> Result<Vec<TrendPoint>> {
    let Some(target) = load_target(app, code).await? else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for campaign in crate::results::comparable(app, loaded).await?.into_iter().rev() {
        let referential = app.referentials.get(&app.db, campaign.referential_version_id).await?;
        let r = &referential.referential;
        let answers = crate::results::shared_answers(&app.db, campaign.id).await?;
        let covered = cap_domain::campaign::campaign_indicators(r, &campaign.scope, loaded.org_type());
        let targets = cap_domain::scoring::Targets(plans::targets(&app.db, campaign.id).await?);
        let all = clauses(r, &covered, &target.referential, &answers, &targets);
        out.push(TrendPoint { title: campaign.title, counts: counts(&all) });
    }
    Ok(out)
}

/// What adding clauses to the plan did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// This many actions were added.
    Actions(usize),
    /// The campaign has no plan yet.
    NoPlan,
}

/// Adds, for each clause of `chosen` that has something left to do, one action to the plan
/// linking the clause's remaining indicators; a clause whose indicators all have an action
/// already is skipped.
pub async fn add_to_plan(
    app: &App,
    by: &Author,
    loaded: &Loaded,
    code: &str,
    chosen: &[String],
    t: Tr,
) -> Result<Added> {
    let Some(plan) = plans::plan_of(&app.db, loaded.campaign.id).await? else { return Ok(Added::NoPlan) };
    // An unknown referential has no requirement to add: nothing is written.
    let Some(target) = load_target(app, code).await? else { return Ok(Added::Actions(0)) };
    let target = &target.referential;
    let out = outcome(app, loaded).await?;
    let cap = &loaded.referential.referential;
    let taken: HashSet<String> =
        plans::actions(&app.db, plan.id).await?.into_iter().flat_map(|a| a.indicators).collect();
    let mut added = 0;
    for clause in computed(loaded, target, &out).iter().filter(|c| chosen.contains(&c.code)) {
        let remaining: Vec<String> =
            clause.remaining().map(|l| l.indicator.clone()).filter(|c| !taken.contains(c)).collect();
        let Some(node) = target.node(&clause.code) else { continue };
        if remaining.is_empty() {
            continue;
        }
        let statements: Vec<String> = remaining
            .iter()
            .filter_map(|c| cap.node(c))
            .map(|n| format!("- {} {}", n.code, n.statement.as_deref().unwrap_or_default()))
            .collect();
        let action = NewAction {
            title: t
                .tn("readiness.action_title", &[target.title.clone(), clause.code.clone(), node.label().to_owned()]),
            description: format!("{}\n{}", t.t("readiness.action_description"), statements.join("\n")),
            indicators: remaining,
            ..NewAction::default()
        };
        plans::add_action(app.db.audited(by.entry("plans.add_action", "action", "", &action.title)), plan.id, &action)
            .await?;
        added += 1;
    }
    Ok(Added::Actions(added))
}
