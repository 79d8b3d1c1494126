//! The campaign's PDF report and its two-page summary (served at
//! `/campaigns/{id}/export/rapport.pdf` and `synthese.pdf`): the organisation, participation, the
//! photographie as its page computes it (charts included), the plan's accepted actions and the
//! accompaniment day, gathered in the reader's language and typeset by `cap-reports` on a
//! blocking thread.

use crate::app::App;
use crate::campaigns::Loaded;
use crate::error::{Error, Result};
use crate::i18n::{Tr, paris_today};
use crate::photographie::{self, ScoreRow};
use cap_domain::College;
use cap_domain::consolidation::MIN_COLLEGE_SIZE;
use cap_domain::plan::ActionStatus;
use cap_domain::referential::{NodeKind, Referential};
use cap_reports::pdf::{
    Action, Campaign, Charts, Figure, Highlight, IndicatorLine, Labels, Organisation, Participation, Pillar, Plan,
    Report, Review, ScoreLine, render_report, render_summary,
};
use cap_storage::{accompaniment, campaigns, plans};

/// Which document to typeset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The full report.
    Report,
    /// The two-page summary.
    Summary,
}

/// The fixed texts of the PDFs, from the `export.pdf` section of the catalogue.
fn labels(t: Tr) -> Labels {
    Labels::from_fn(|name| t.t(&format!("export.pdf.{name}")).to_owned())
}

fn line(row: &ScoreRow) -> ScoreLine {
    ScoreLine {
        code: row.code.clone(),
        title: row.label.clone(),
        score: row.score.clone(),
        share: Some(row.share),
        target: row.target.clone(),
        previous: row.previous.clone(),
        rated: u32::try_from(row.rated).unwrap_or(u32::MAX),
    }
}

fn highlights(items: &[photographie::Highlight]) -> Vec<Highlight> {
    items
        .iter()
        .map(|h| Highlight { code: h.code.clone(), statement: h.statement.clone(), detail: h.detail.clone() })
        .collect()
}

/// The pillar above a node, walking up the tree.
fn pillar_of<'a>(r: &'a Referential, code: &str) -> Option<&'a str> {
    let mut node = r.node(code)?;
    while node.kind != NodeKind::Pillar {
        node = r.node(node.parent.as_deref()?)?;
    }
    Some(&node.code)
}

/// Gathers everything the report prints.
pub async fn report(app: &App, loaded: &Loaded, t: Tr) -> Result<Report> {
    let r = &loaded.referential.referential;
    let view = photographie::build(app, loaded, t, None).await?;
    let c = &loaded.campaign;

    let participants = campaigns::participants(&app.db, c.id).await?;
    // With protection, collèges below the threshold are counted together (and left out when even
    // together they are too few), so whether one person answered cannot be read from the report.
    let mut participation = Vec::new();
    let mut small = (0u32, 0u32);
    for college in College::ALL {
        let of: Vec<_> = participants.iter().filter(|p| p.college == college).collect();
        if of.is_empty() {
            continue;
        }
        let invited = u32::try_from(of.len()).unwrap_or(u32::MAX);
        let answered = u32::try_from(of.iter().filter(|p| p.answered > 0).count()).unwrap_or(u32::MAX);
        if c.protect_colleges && of.len() < MIN_COLLEGE_SIZE {
            small = (small.0 + invited, small.1 + answered);
        } else {
            participation.push(Participation { college: t.t(college.label_key()).to_owned(), invited, answered });
        }
    }
    if small.0 as usize >= MIN_COLLEGE_SIZE {
        let college = t.t("consolidation.other_colleges").to_owned();
        participation.push(Participation { college, invited: small.0, answered: small.1 });
    }

    let pillars = view
        .pillars
        .iter()
        .map(|p| Pillar {
            line: line(p),
            objectives: view
                .objectives
                .iter()
                .filter(|o| pillar_of(r, &o.code) == Some(p.code.as_str()))
                .map(line)
                .collect(),
            indicators: view
                .heat
                .iter()
                .flat_map(|group| group.cells.iter().map(move |cell| (group, cell)))
                .filter(|(_, cell)| pillar_of(r, &cell.code) == Some(p.code.as_str()))
                .map(|(group, cell)| IndicatorLine {
                    group: group.title.clone(),
                    code: cell.code.clone(),
                    statement: cell.statement.clone(),
                    answer: cell.answer.clone(),
                    target: cell.target.clone(),
                    standing: cell.standing,
                    standing_label: t.t(cell.standing.label_key()).to_owned(),
                })
                .collect(),
        })
        .collect();
    // The activity figures typed for the State come first, rates computed from their counts;
    // then the referential's quantitative indicators.
    let activity = crate::activity::of(app, loaded).await?;
    let activity_lines = activity
        .current
        .map(|c| crate::activity::lines(t, &c.figures, activity.previous.as_ref().map(|(_, f)| f)))
        .unwrap_or_default();
    let mut figures: Vec<Figure> = activity_lines
        .into_iter()
        .map(|l| Figure {
            group: t.t("activity.title").to_owned(),
            code: String::new(),
            label: l.label,
            value: l.value,
            unit: l.unit,
        })
        .collect();
    figures.extend(view.figures.iter().map(|f| {
        Figure {
            group: r
                .node(&f.code)
                .and_then(|n| r.node(n.parent.as_deref()?))
                .map_or_else(String::new, |p| p.label().to_owned()),
            code: f.code.clone(),
            label: f.statement.clone(),
            value: f.detail.clone(),
            unit: String::new(),
        }
    }));

    let plan = match plans::plan_of(&app.db, c.id).await? {
        None => None,
        Some(plan) => {
            let mut accepted: Vec<_> =
                plans::actions(&app.db, plan.id).await?.into_iter().filter(|a| !a.proposed).collect();
            // Open actions first, the most urgent first: the summary prints the first few.
            let closed = |s: ActionStatus| matches!(s, ActionStatus::Done | ActionStatus::Abandoned);
            accepted.sort_by_key(|a| (closed(a.status), a.priority, a.position));
            Some(Plan {
                facts: vec![
                    (t.t("plan.starts_on").to_owned(), t.date(&plan.starts_on)),
                    (t.t("plan.horizon").to_owned(), t.t1("plan.months", plan.horizon_months)),
                    (t.t("plan.objective_one_year").to_owned(), plan.objective_one_year.clone()),
                    (t.t("plan.objective_three_years").to_owned(), plan.objective_three_years.clone()),
                ],
                counts: ActionStatus::ALL
                    .iter()
                    .map(|s| {
                        let n = accepted.iter().filter(|a| a.status == *s).count();
                        (t.t(s.label_key()).to_owned(), u32::try_from(n).unwrap_or(u32::MAX))
                    })
                    .collect(),
                actions: accepted
                    .iter()
                    .map(|a| Action {
                        title: a.title.clone(),
                        status: t.t(a.status.label_key()).to_owned(),
                        priority: t.t(a.priority.label_key()).to_owned(),
                        responsible: a.responsible_name.clone().unwrap_or_default(),
                        due_on: a.due_on.as_deref().map(|d| t.date(d)).unwrap_or_default(),
                        progress: u8::try_from(a.progress.clamp(0, 100)).unwrap_or(100),
                        indicators: a.indicators.clone(),
                    })
                    .collect(),
            })
        }
    };

    // Only a day that was held and concluded is reported; a planned one has decided nothing yet.
    let review = match accompaniment::day_of(&app.db, c.id).await? {
        Some(day) if day.concluded() => {
            let offers = crate::accompaniment::named_offers(app, &day.offers).await?;
            Some(Review {
                held_on: t.date(&day.held_on),
                attendees: day.attendees,
                conclusions: day.conclusions,
                decision: day.decision.map(|d| t.t(d.label_key()).to_owned()).unwrap_or_default(),
                offers,
                horizon: day.horizon_on.as_deref().map(|d| t.date(d)).unwrap_or_default(),
                checkpoint: day.checkpoint_on.as_deref().map(|d| t.date(d)).unwrap_or_default(),
            })
        }
        _ => None,
    };

    let mut readiness = Vec::new();
    for view in crate::readiness::every_readiness(app, loaded, t).await? {
        readiness.push(cap_reports::pdf::Readiness {
            title: view.target.title.clone(),
            counts: view.counts.iter().map(|(c, n)| (t.t(c.label_key()).to_owned(), *n)).collect(),
            clauses: view
                .articles
                .iter()
                .flat_map(|a| &a.clauses)
                .map(|c| (c.code.clone(), c.title.clone(), t.t(c.coverage.label_key()).to_owned()))
                .collect(),
        });
    }

    let org = &loaded.org;
    let dates = [
        ("campaign.answering_from", &c.answering_from),
        ("campaign.consolidation_on", &c.consolidation_on),
        ("campaign.restitution_on", &c.restitution_on),
    ];
    Ok(Report {
        lang: t.lang().to_owned(),
        labels: labels(t),
        generated_on: t.date(&paris_today().to_string()),
        organisation: Organisation {
            name: org.name.clone(),
            siret: org.siret.clone(),
            kind: org.org_type().map(|k| t.t(k.label_key()).to_owned()),
            region: Some(org.region_name.clone()),
        },
        campaign: Campaign {
            title: c.title.clone(),
            status: t.t(c.status.label_key()).to_owned(),
            referential: format!("{} — {}", r.title, t.t1("referential.version", &r.version)),
            dates: dates
                .into_iter()
                .filter_map(|(key, day)| Some((t.t(key).to_owned(), t.date(day.as_deref()?))))
                .collect(),
        },
        participation,
        overall: view.overall.as_ref().map(|(score, target)| ScoreLine {
            score: score.clone(),
            target: target.clone(),
            previous: view.overall_previous.clone().unwrap_or_else(|| "—".to_owned()),
            rated: u32::try_from(view.rated).unwrap_or(u32::MAX),
            ..ScoreLine::default()
        }),
        // A campaign consolidated pillar by pillar says, on paper too, what is provisional and
        // what is still to come.
        rated_summary: [
            Some(view.radar_summary.clone()),
            (!view.provisional.is_empty()).then(|| t.t1("results.pillars_provisional", view.provisional.join(", "))),
            (!view.to_come.is_empty()).then(|| t.t1("results.pillars_to_come", view.to_come.join(", "))),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" "),
        pillars,
        strengths: highlights(&view.strengths),
        weaknesses: highlights(&view.weaknesses),
        divergences: highlights(&view.divergent),
        figures,
        plan,
        review,
        readiness,
        charts: Charts {
            radar: view.radar.wide.clone(),
            bars: view.bars.wide.clone(),
            radar_title: t.t("results.radar_title").to_owned(),
            bars_title: t.t("results.bars_title").to_owned(),
        },
    })
}

/// Typesets the document on a blocking thread (typst takes tens of milliseconds of CPU).
pub async fn render(report: Report, document: Document) -> Result<Vec<u8>> {
    tokio::task::spawn_blocking(move || match document {
        Document::Report => render_report(&report),
        Document::Summary => render_summary(&report),
    })
    .await
    .map_err(|e| Error::Internal(format!("PDF task: {e}")))?
    .map_err(|e| Error::Internal(e.to_string()))
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Locale, Tr};
    use cap_reports::pdf::Labels;

    /// Every label of the PDFs has its message in both catalogues (the keys are built from the
    /// label names, so the catalogue test cannot see them).
    #[test]
    fn every_label_is_translated() {
        for locale in [Locale::Fr, Locale::En] {
            let t = Tr::new(locale);
            let missing: Vec<String> = Labels::NAMES
                .iter()
                .map(|name| format!("export.pdf.{name}"))
                .filter(|key| t.t(key) == key.as_str())
                .collect();
            assert!(missing.is_empty(), "{locale:?} lacks {missing:?}");
        }
    }
}
