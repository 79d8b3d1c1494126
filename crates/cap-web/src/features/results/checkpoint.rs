//! `GET/POST /campaigns/{id}/checkpoint`: the mid-term checkpoint. The organisation re-rates only
//! the indicators its plan targets and sees the change since the shared answer.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{ByCode, CodePrefix, Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, read_results, run};
use cap_app::i18n::paris_today;
use cap_app::results::shared_answers;
use cap_domain::campaign::AnswerValue;
use cap_domain::plan::{ActionStatus, parse_date};
use cap_domain::referential::AnswerType;
use cap_domain::scoring::level_share;
use cap_reports::charts::percent;
use cap_storage::plans::{self, Checkpoint};

/// One targeted indicator: where it stood, where it stands at the latest checkpoint.
pub struct RatingRow {
    /// Code.
    pub code: String,
    /// Statement.
    pub statement: String,
    /// The shared answer's level, or « — ».
    pub shared: String,
    /// The latest checkpoint's level, or « — ».
    pub latest: String,
    /// The change in words (« +1 niveau »), or empty.
    pub change: String,
    /// What the form shows as chosen.
    pub chosen: String,
}

/// The checkpoint form's selects, one per targeted indicator: `level.CODE`.
pub struct LevelField;

impl CodePrefix for LevelField {
    const PREFIX: &'static str = "level.";
}

/// A checkpoint as typed: its day, a note, and per indicator a level, `na` or nothing.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct CheckpointForm {
    held_on: String,
    note: String,
    #[serde(flatten)]
    levels: ByCode<LevelField>,
}

#[derive(Template, WebTemplate)]
#[template(path = "results/checkpoint.html")]
struct CheckpointPage {
    page: Page,
    loaded: Loaded,
    can_run: bool,
    rows: Vec<RatingRow>,
    levels: Vec<(String, String)>,
    checkpoints: Vec<Checkpoint>,
    held_on: String,
    note: String,
    errors: FormErrors,
    has_plan: bool,
}

async fn build(state: &AppState, page: Page, loaded: Loaded, can_run: bool) -> AppResult<CheckpointPage> {
    let id = loaded.campaign.id;
    let r = &loaded.referential.referential;
    let plan = plans::plan_of(&state.db, id).await?;
    let mut targeted: Vec<String> = Vec::new();
    if let Some(plan) = &plan {
        for action in plans::actions(&state.db, plan.id).await? {
            if action.status != ActionStatus::Abandoned {
                targeted.extend(action.indicators);
            }
        }
    }
    let shared = shared_answers(&state.db, id).await?;
    let checkpoints = plans::checkpoints(&state.db, id).await?;
    let latest = checkpoints.first();
    let rows = loaded
        .indicators()
        .into_iter()
        .filter(|n| n.answer == AnswerType::Level && targeted.contains(&n.code))
        .map(|n| {
            let before = match shared.get(&n.code) {
                Some(AnswerValue::Level(l)) => Some(*l),
                _ => None,
            };
            let now = latest.and_then(|c| c.ratings.get(&n.code).copied().flatten());
            let change = match (before, now) {
                (Some(b), Some(a)) => {
                    let shares = (level_share(&r.scale, b), level_share(&r.scale, a));
                    let delta = a - b;
                    let words =
                        page.t.t1(if delta.abs() > 1 { "checkpoint.levels" } else { "checkpoint.level" }, delta.abs());
                    match (delta.signum(), shares) {
                        (0, _) => page.t.t("checkpoint.same").to_owned(),
                        (s, (Some(x), Some(y))) => {
                            format!("{}{words} ({} → {})", if s > 0 { "+" } else { "−" }, percent(x), percent(y))
                        }
                        _ => String::new(),
                    }
                }
                _ => String::new(),
            };
            RatingRow {
                code: n.code.clone(),
                statement: n.label().to_owned(),
                shared: before.map_or_else(|| "—".to_owned(), |l| l.to_string()),
                latest: now.map_or_else(|| "—".to_owned(), |l| l.to_string()),
                change,
                chosen: now.or(before).map(|l| l.to_string()).unwrap_or_default(),
            }
        })
        .collect();
    let levels = super::level_options(r);
    Ok(CheckpointPage {
        page,
        loaded,
        can_run,
        rows,
        levels,
        checkpoints,
        held_on: paris_today().to_string(),
        note: String::new(),
        errors: FormErrors::new(),
        has_plan: plan.is_some_and(|p| p.validated_at.is_some()),
    })
}

/// Shows the checkpoints and the form for a new one.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, read_results).await?;
    let can_run = viewer.can(run(&loaded.org, Default::default()));
    Ok(build(&state, page, loaded, can_run).await?.into_response())
}

/// Records a checkpoint.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<CheckpointForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(form) = form?;
    let scale = loaded.referential.referential.scale.clone();
    let mut rendered = build(&state, page, loaded, true).await?;
    let held_on = form.held_on.trim().to_owned();
    let note = form.note.trim().to_owned();
    let mut errors = FormErrors::new();
    let date = parse_date(&held_on);
    if date.is_none() {
        errors.add("held_on", "error.date.invalid");
    }
    let mut ratings = Vec::new();
    for row in &mut rendered.rows {
        let value = form.levels.get(&row.code).map_or("", |v| v.trim());
        row.chosen = value.to_owned();
        match value {
            "" => {}
            "na" => ratings.push((row.code.clone(), None)),
            v => match scale.parse_level(v) {
                Ok(level) => ratings.push((row.code.clone(), Some(level))),
                Err(e) => errors.add("ratings", e.key),
            },
        }
    }
    if ratings.is_empty() && errors.is_empty() {
        errors.add("ratings", "error.checkpoint.empty");
    }
    if !rendered.has_plan {
        errors.add("ratings", "error.checkpoint.no_plan");
    }
    let Some(date) = date.filter(|_| errors.is_empty()) else {
        rendered.held_on = held_on;
        rendered.note = note;
        rendered.errors = errors;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    };
    let entry = ctx.author().entry("campaigns.checkpoint", "campaign", id, format!("{} re-rated", ratings.len()));
    plans::add_checkpoint(state.db.audited(entry), id, &date.to_string(), &note, Some(viewer.actor.user_id), &ratings)
        .await?;
    Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/checkpoint"), "flash.checkpoint_saved"))
}
