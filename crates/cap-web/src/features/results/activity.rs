//! `GET/POST /campaigns/{id}/activity`: the campaign's activity figures for the State's
//! « dialogue de gestion » — people, hours, exits by the State's categories — typed once by whoever
//! runs the campaign, the rates computed from them and set beside the previous campaign's.
//! Whoever reads the results reads them.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::activity::{Line, lines, of, save};
use cap_app::campaigns::{Loaded, load, read_results, run};
use cap_domain::activity::{ActivityFigures, FIELDS};
use std::collections::HashMap;

/// What was typed, by field name (see [`FIELDS`]), and the version the page was drawn from.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ActivityForm {
    #[serde(flatten)]
    values: HashMap<String, String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "results/activity.html")]
struct ActivityPage {
    page: Page,
    loaded: Loaded,
    can_run: bool,
    /// The figures in words, with the previous campaign's; empty until typed.
    lines: Vec<Line>,
    /// The previous campaign's title, when it has figures.
    previous: Option<String>,
    /// Each field: name, label key, what it holds (typed or stored), hint key.
    fields: Vec<(&'static str, &'static str, String, &'static str)>,
    version: i64,
    errors: FormErrors,
}

fn hint(field: &str) -> &'static str {
    match field {
        "exits" => "activity.exits_hint",
        "durable" => "activity.durable_hint",
        "transition" => "activity.transition_hint",
        "positive" => "activity.positive_hint",
        _ => "",
    }
}

async fn build(
    state: &AppState,
    page: Page,
    loaded: Loaded,
    can_run: bool,
    typed: Option<&HashMap<String, String>>,
    errors: FormErrors,
) -> AppResult<ActivityPage> {
    let found = of(state, &loaded).await?;
    let stored = found.current.as_ref().map(|s| s.figures);
    let shown = |field: &str, i: usize| match typed {
        Some(values) => values.get(field).cloned().unwrap_or_default(),
        None => stored
            .map(|f| {
                [
                    f.people,
                    f.women,
                    f.hours_worked,
                    f.training_hours,
                    f.exits,
                    f.durable,
                    f.transition,
                    f.positive,
                    f.other,
                ][i]
                    .to_string()
            })
            .unwrap_or_default(),
    };
    let fields = FIELDS.iter().enumerate().map(|(i, (name, key))| (*name, *key, shown(name, i), hint(name))).collect();
    let previous = found.previous.as_ref().map(|(_, f)| f);
    Ok(ActivityPage {
        lines: stored.map(|f| lines(page.t, &f, previous)).unwrap_or_default(),
        previous: found.previous.as_ref().map(|(title, _)| title.clone()),
        version: found.current.as_ref().map_or(0, |s| s.version),
        fields,
        can_run,
        errors,
        loaded,
        page,
    })
}

/// Shows the figures, and the form to whoever runs the campaign.
pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, read_results).await?;
    let can_run = loaded.links.run;
    Ok(build(&state, page, loaded, can_run, None, FormErrors::new()).await?.into_response())
}

/// Saves the figures, or shows the form again with what was typed and each problem beside its
/// field.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<ActivityForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(ActivityForm { values }) = form?;
    let version = values.get("version").and_then(|v| v.trim().parse::<i64>().ok()).unwrap_or(0);
    let back = format!("/campaigns/{id}/activity");
    let figures = match ActivityFigures::parse(|field| values.get(field).cloned().unwrap_or_default()) {
        Ok(figures) => figures,
        Err(problems) => {
            let mut errors = FormErrors::new();
            for (field, key) in problems {
                errors.add(field, key);
            }
            let rendered = build(&state, page, loaded, true, Some(&values), errors).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
        }
    };
    match save(&state, &ctx.author(), &loaded, &figures, version).await {
        Ok(_) => Ok(redirect_with_flash(&state, &back, "flash.activity_saved")),
        Err(e) if e.stale().is_none() => Err(e.into()),
        Err(_) => {
            let mut errors = FormErrors::new();
            errors.add("people", "flash.activity_changed");
            let rendered = build(&state, page, loaded, true, Some(&values), errors).await?;
            Ok((StatusCode::CONFLICT, rendered).into_response())
        }
    }
}
