//! Downloads of a campaign: for its coordinator, the individual answers, the results (scores,
//! shared answers, targets) and the progress plan, as one XLSX workbook or each as CSV for French
//! Excel; for everyone who reads its results (participants, its tiers and pairs, its region when
//! shared), the PDF report with its two-page summary ([`pdf`]), audited for readers from outside.
//! `GET /campaigns/{id}/export/{file}` with `campagne.xlsx`, `reponses.csv`, `resultats.csv`,
//! `plan-de-progres.csv`, `rapport.pdf` or `synthese.pdf`.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, read_results, run};
use cap_app::i18n::Tr;
use cap_app::plans::PLAN_COLUMNS;
use cap_app::report::{self as pdf, Document};
use cap_app::results::outcome;
use cap_app::results::value_label;
use cap_domain::consolidation::{Attribution, Individual, attribution};
use cap_domain::plan::ActionStatus;
use cap_domain::referential::NodeKind;
use cap_domain::scoring::IndicatorScore;
use cap_reports::csv::sheet_to_csv;
use cap_reports::xlsx::{Cell, Sheet, Stamp, workbook};
use cap_storage::{campaigns, plans};
use std::collections::HashMap;

/// Downloads one of the campaign's spreadsheets.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, file)): Path<(i64, String)>,
    page: Page,
) -> AppResult<Response> {
    let loaded = if matches!(
        file.as_str(),
        "rapport.pdf" | "synthese.pdf" | "assemblee-generale.pdf" | "assemblee-generale.typ"
    ) {
        load(&state, &viewer, id, read_results).await?
    } else {
        load(&state, &viewer, id, run).await?
    };
    let t = page.t;
    let (body, content_type) = match file.as_str() {
        "campagne.xlsx" => {
            let sheets = vec![
                answers(&state, &loaded, t).await?,
                results(&state, &loaded, t).await?,
                plan(&state, &loaded, t).await?,
                readiness(&state, &loaded, t).await?,
            ];
            let bytes = workbook(&sheets).map_err(|e| AppError::Internal(e.to_string()))?;
            (bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        "reponses.csv" => (sheet_to_csv(&answers(&state, &loaded, t).await?), "text/csv; charset=utf-8"),
        "resultats.csv" => (sheet_to_csv(&results(&state, &loaded, t).await?), "text/csv; charset=utf-8"),
        "plan-de-progres.csv" => (sheet_to_csv(&plan(&state, &loaded, t).await?), "text/csv; charset=utf-8"),
        "rapport.pdf" => {
            (pdf::render(pdf::report(&state, &loaded, t).await?, Document::Report).await?, "application/pdf")
        }
        "synthese.pdf" => {
            (pdf::render(pdf::report(&state, &loaded, t).await?, Document::Summary).await?, "application/pdf")
        }
        "assemblee-generale.pdf" => {
            let ess = cap_app::ess::document(&state, &loaded, t).await?.ok_or(AppError::NotFound)?;
            let bytes = tokio::task::spawn_blocking(move || ess.pdf())
                .await
                .map_err(|e| AppError::Internal(e.to_string()))?
                .map_err(|e| AppError::Internal(e.to_string()))?;
            (bytes, "application/pdf")
        }
        "assemblee-generale.typ" => {
            let ess = cap_app::ess::document(&state, &loaded, t).await?.ok_or(AppError::NotFound)?;
            (ess.source().into_bytes(), "text/plain; charset=utf-8")
        }
        _ => return Err(AppError::NotFound),
    };
    let disposition = format!("attachment; filename=\"cap-{id}-{file}\"");
    Ok(([(header::CONTENT_TYPE, content_type.to_owned()), (header::CONTENT_DISPOSITION, disposition)], body)
        .into_response())
}

/// A stored day (`YYYY-MM-DD`) as a real date; anything else as it is.
fn day(stored: &str) -> Cell {
    Stamp::day(stored).map_or_else(|| stored.into(), Cell::Date)
}

/// A UTC timestamp as the Paris date and time it was.
fn moment(utc_seconds: i64) -> Cell {
    cap_app::i18n::paris_datetime(utc_seconds).map_or(Cell::Empty, |d| {
        let [month, day, hour, minute] = [d.month(), d.day(), d.hour(), d.minute()].map(|v| v.unsigned_abs().into());
        Cell::Date(Stamp { year: d.year().into(), month, day, time: Some((hour, minute)) })
    })
}

fn headers(t: Tr, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| t.t(k).to_owned()).collect()
}

/// Every individual answer. When the campaign protects small collèges: no names, no times, each
/// answer under its collège only when that collège is large enough for the indicator (else the
/// small collèges merged, or nobody), rows sorted by indicator and answer so that the order of
/// people is lost.
async fn answers(state: &AppState, loaded: &Loaded, t: Tr) -> AppResult<Sheet> {
    let r = &loaded.referential.referential;
    let participants = campaigns::participants(&state.db, loaded.campaign.id).await?;
    let protect = loaded.campaign.protect_colleges;
    let all = campaigns::all_answers(&state.db, loaded.campaign.id).await?;
    let mut per_indicator: HashMap<&str, Vec<Individual>> = HashMap::new();
    for (_, college, answer) in &all {
        per_indicator
            .entry(answer.indicator_code.as_str())
            .or_default()
            .push(Individual { college: *college, value: answer.value.clone() });
    }
    let mut rows = Vec::new();
    for (participant, college, answer) in &all {
        let Some(node) = r.node(&answer.indicator_code) else { continue };
        let who = match participants.iter().find(|p| p.id == *participant) {
            Some(p) if !protect => p.display_name.clone(),
            _ => String::new(),
        };
        let same = per_indicator.get(answer.indicator_code.as_str()).map_or(&[][..], Vec::as_slice);
        let college = match attribution(same, *college, protect) {
            Attribution::College(c) => t.t(c.label_key()).to_owned(),
            Attribution::Others => t.t("consolidation.other_colleges").to_owned(),
            Attribution::Nobody => String::new(),
        };
        let value = value_label(t, r, node, &answer.value);
        let sort_key = (answer.indicator_code.clone(), college.clone(), value.clone(), answer.comment.clone());
        rows.push((
            sort_key,
            vec![
                Cell::Text(who),
                college.into(),
                answer.indicator_code.clone().into(),
                node.label().into(),
                value.into(),
                answer.comment.clone().into(),
                if protect { Cell::Empty } else { moment(answer.updated_at) },
            ],
        ));
    }
    if protect {
        rows.sort_by(|a, b| a.0.cmp(&b.0));
    }
    let rows: Vec<Vec<Cell>> = rows.into_iter().map(|(_, row)| row).collect();
    Ok(Sheet {
        name: t.t("export.answers_sheet").to_owned(),
        headers: headers(
            t,
            &[
                "export.participant",
                "org.college",
                "export.code",
                "referential.kind.indicator",
                "export.answer",
                "export.comment",
                "export.updated_at",
            ],
        ),
        rows,
        choices: Vec::new(),
    })
}

/// The tree of the campaign with each node's score, target and shared answer.
async fn results(state: &AppState, loaded: &Loaded, t: Tr) -> AppResult<Sheet> {
    let r = &loaded.referential.referential;
    let out = outcome(state, loaded).await?;
    let decided = campaigns::consolidated(&state.db, loaded.campaign.id).await?;
    let covered: std::collections::HashSet<String> = loaded.indicators().iter().map(|n| n.code.clone()).collect();
    let pct = |v: Option<f64>| v.map_or(Cell::Empty, |s| Cell::Number((s * 1000.0).round() / 10.0));
    let mut rows = Vec::new();
    for node in &r.nodes {
        let row = if node.kind == NodeKind::Indicator {
            if !covered.contains(&node.code) {
                continue;
            }
            let answer = out.answers.get(&node.code).cloned();
            let score = match out.scores.indicators.get(&node.code) {
                Some(IndicatorScore::Share(s)) => Cell::Number((s * 1000.0).round() / 10.0),
                _ => Cell::Empty,
            };
            vec![
                node.code.clone().into(),
                t.t(node.kind.label_key()).into(),
                node.label().into(),
                value_label(t, r, node, &answer).into(),
                score,
                pct(out.targets.share_of(r, node)),
                out.targets.level_of(r, node).map_or(Cell::Empty, |l| Cell::Number(l as f64)),
                decided.get(&node.code).map_or(Cell::Empty, |c| c.rationale.clone().into()),
            ]
        } else {
            let Some(s) = out.scores.nodes.get(&node.code) else { continue };
            vec![
                node.code.clone().into(),
                t.t(node.kind.label_key()).into(),
                node.label().into(),
                Cell::Empty,
                pct(Some(s.score)),
                pct(s.target),
                Cell::Empty,
                Cell::Empty,
            ]
        };
        rows.push(row);
    }
    Ok(Sheet {
        name: t.t("export.results_sheet").to_owned(),
        headers: headers(
            t,
            &[
                "export.code",
                "export.kind",
                "export.title",
                "results.shared_answer",
                "export.score",
                "export.target_share",
                "results.target_level",
                "export.rationale",
            ],
        ),
        rows,
        choices: Vec::new(),
    })
}

/// Readiness for each certification referential the campaign's maps to: one row per requirement
/// and linked indicator (one row for a requirement without any), with its status.
async fn readiness(state: &AppState, loaded: &Loaded, t: Tr) -> AppResult<Sheet> {
    let mut rows = Vec::new();
    for view in cap_app::readiness::every_readiness(state, loaded, t).await? {
        let target = &view.target;
        for clause in view.articles.iter().flat_map(|a| &a.clauses) {
            let head = |rows: &mut Vec<Vec<Cell>>, link: Option<&cap_app::readiness::LinkRow>| {
                rows.push(vec![
                    target.title.clone().into(),
                    clause.code.clone().into(),
                    clause.title.clone().into(),
                    t.t(clause.coverage.label_key()).into(),
                    link.map_or(Cell::Empty, |l| l.code.clone().into()),
                    link.map_or(Cell::Empty, |l| l.statement.clone().into()),
                    link.map_or(Cell::Empty, |l| l.level.clone().into()),
                    link.map_or(Cell::Empty, |l| l.target.clone().into()),
                    // The evidence behind the answer, one address per line (an uploaded document's
                    // as the full address that opens it in Cap).
                    link.map_or(Cell::Empty, |l| {
                        l.evidence
                            .iter()
                            .map(|(title, href, _)| {
                                let url = if href.starts_with('/') { state.config.link(href) } else { href.clone() };
                                format!("{title} : {url}")
                            })
                            .collect::<Vec<_>>()
                            .join("\n")
                            .into()
                    }),
                ]);
            };
            if clause.links.is_empty() {
                head(&mut rows, None);
            }
            for link in &clause.links {
                head(&mut rows, Some(link));
            }
        }
    }
    Ok(Sheet {
        name: t.t("export.readiness_sheet").to_owned(),
        headers: headers(
            t,
            &[
                "readiness.choose",
                "readiness.clause",
                "export.title",
                "readiness.status",
                "export.code",
                "referential.kind.indicator",
                "results.shared_answer",
                "results.target_level",
                "evidence.title_section",
            ],
        ),
        rows,
        choices: Vec::new(),
    })
}

/// The plan's actions, the status column as a drop-down of the statuses; the last column is each
/// action's version, so an import can tell an edit made in Cap meanwhile.
pub async fn plan(state: &AppState, loaded: &Loaded, t: Tr) -> AppResult<Sheet> {
    let mut rows = Vec::new();
    if let Some(plan) = plans::plan_of(&state.db, loaded.campaign.id).await? {
        for a in plans::actions(&state.db, plan.id).await? {
            rows.push(vec![
                Cell::Number(a.id as f64),
                a.title.clone().into(),
                a.description.clone().into(),
                a.indicators.join(", ").into(),
                a.responsible_name.clone().unwrap_or_default().into(),
                a.contributors.clone().into(),
                a.starts_on.as_deref().map_or(Cell::Empty, day),
                a.due_on.as_deref().map_or(Cell::Empty, day),
                t.t(a.status.label_key()).into(),
                Cell::Number(a.progress as f64),
                t.t(a.priority.label_key()).into(),
                a.offer_code.clone().unwrap_or_default().into(),
                a.notes.clone().into(),
                Cell::Number(a.version as f64),
            ]);
        }
    }
    Ok(Sheet {
        name: t.t("plan.title").to_owned(),
        headers: headers(t, &PLAN_COLUMNS),
        rows,
        choices: vec![(8, ActionStatus::ALL.iter().map(|s| t.t(s.label_key()).to_owned()).collect())],
    })
}
