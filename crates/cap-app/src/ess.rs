//! The presentation to the general assembly along the ESS good-practice guide, derived from a Cap
//! campaign through its referential's mappings to the guide: for each of the guide's questions,
//! what the structure does (the linked indicators' shared answers and the reasons given) and its
//! progress objectives (the plan's actions on them), as a PDF and as an editable document.

use crate::app::App;
use crate::campaigns::Loaded;
use crate::error::Result;
use crate::i18n::{Tr, paris_today};
use crate::results::{outcome, value_label};
use cap_domain::campaign::AnswerValue;
use cap_domain::readiness::themes;
use cap_domain::referential::NodeKind;
use cap_reports::ess::{Ess, Labels, Theme};
use cap_storage::{campaigns, plans, referentials};

/// The guide's referential code.
pub const GUIDE: &str = "guide-ess";

/// The document for the campaign, in the reader's language; none when the guide is not loaded or
/// the campaign's referential has no mapping to it.
pub async fn document(app: &App, loaded: &Loaded, t: Tr) -> Result<Option<Ess>> {
    let cap = &loaded.referential.referential;
    if !cap.nodes.iter().any(|n| n.mappings.iter().any(|m| m.referential == GUIDE)) {
        return Ok(None);
    }
    let Some(version) = referentials::latest_version(&app.db, GUIDE).await? else { return Ok(None) };
    let guide = app.referentials.get(&app.db, version).await?;
    let guide = &guide.referential;
    let out = outcome(app, loaded).await?;
    let covered = loaded.result_indicators();
    let answered = themes(cap, &covered, guide, &out.answers, &out.targets);
    let shared = campaigns::consolidated(&app.db, loaded.campaign.id).await?;
    let actions = match plans::plan_of(&app.db, loaded.campaign.id).await? {
        Some(plan) => plans::actions(&app.db, plan.id).await?.into_iter().filter(|a| !a.proposed).collect(),
        None => Vec::new(),
    };
    let english = t.lang() == "en";
    let title_of = |n: &cap_domain::referential::Node| {
        english.then_some(n.title_en.as_deref()).flatten().unwrap_or(n.label()).to_owned()
    };
    let statement_of = |n: &cap_domain::referential::Node| {
        english.then_some(n.statement_en.as_deref()).flatten().unwrap_or(n.label()).to_owned()
    };
    let mut out_themes = Vec::new();
    for clause in &answered {
        let Some(theme) = guide.node(&clause.code) else { continue };
        let questions = guide
            .nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Indicator && guide.root_of(&n.code).is_some_and(|r| r.code == theme.code))
            .map(statement_of)
            .collect();
        let practice = clause
            .links
            .iter()
            .filter_map(|l| {
                let node = cap.node(&l.indicator)?;
                let value = l.level.map(AnswerValue::Level);
                let mut line = format!("{} — {}", statement_of(node), value_label(t, cap, node, &value));
                if let Some(reason) = shared.get(&l.indicator).map(|c| c.rationale.trim()).filter(|r| !r.is_empty()) {
                    line.push_str(&format!(" : « {reason} »"));
                }
                Some(line)
            })
            .collect();
        let objectives = actions
            .iter()
            .filter(|a| a.indicators.iter().any(|i| clause.links.iter().any(|l| &l.indicator == i)))
            .map(|a| match a.due_on.as_deref() {
                Some(due) => format!("{} ({} {})", a.title, t.t("ess.due"), t.date(due)),
                None => a.title.clone(),
            })
            .collect();
        out_themes.push(Theme {
            title: title_of(theme),
            status: t.t(clause.coverage.label_key()).to_owned(),
            questions,
            practice,
            objectives,
        });
    }
    Ok(Some(Ess {
        lang: t.lang().to_owned(),
        title: t.t("ess.title").to_owned(),
        organisation: loaded.org.name.clone(),
        campaign: loaded.campaign.title.clone(),
        generated_on: t.t1("ess.generated_on", t.date(&paris_today().to_string())),
        intro: t.t("ess.intro").to_owned(),
        labels: Labels {
            status: t.t("ess.status").to_owned(),
            questions: t.t("ess.questions").to_owned(),
            practice: t.t("ess.practice").to_owned(),
            objectives: t.t("ess.objectives").to_owned(),
            nothing: t.t("ess.nothing").to_owned(),
            no_objective: t.t("ess.no_objective").to_owned(),
        },
        themes: out_themes,
    }))
}
