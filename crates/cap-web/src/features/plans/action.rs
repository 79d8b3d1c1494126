//! `GET/POST /campaigns/{id}/plan/actions/new` and `/campaigns/{id}/plan/actions/{action}`: adds
//! or edits an action (title, description, linked indicators, responsible person, contributors,
//! dates, status, progress, notes, offer of services requested). Bad input keeps what was typed;
//! an edit made meanwhile by someone else is shown beside the typed values, never overwritten.

use super::{load_plan, responsible_options};
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors, SelectOption, optional_id};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, run};
use cap_domain::plan::{ActionInput, ActionStatus};
use cap_storage::StorageError;
use cap_storage::offers;
use cap_storage::plans::{self, Action, ActionChange, NewAction};
use serde::Deserialize;

/// The action's fields as typed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub indicators: String,
    #[serde(default)]
    pub responsible: String,
    #[serde(default)]
    pub contributors: String,
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub due_on: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub progress: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub offer: String,
    #[serde(default)]
    pub version: i64,
}

impl ActionForm {
    fn of(a: &Action) -> Self {
        Self {
            title: a.title.clone(),
            description: a.description.clone(),
            indicators: a.indicators.join(", "),
            responsible: a.responsible_user_id.map(|u| u.to_string()).unwrap_or_default(),
            contributors: a.contributors.clone(),
            starts_on: a.starts_on.clone().unwrap_or_default(),
            due_on: a.due_on.clone().unwrap_or_default(),
            status: a.status.code().to_owned(),
            progress: a.progress.to_string(),
            notes: a.notes.clone(),
            offer: a.offer_code.clone().unwrap_or_default(),
            version: a.version,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/action.html")]
struct ActionPage {
    page: Page,
    loaded: Loaded,
    action: Option<Action>,
    form: ActionForm,
    errors: FormErrors,
    people: Vec<SelectOption>,
    statuses: Vec<SelectOption>,
    offers: Vec<SelectOption>,
    conflict: Option<Action>,
}

async fn render(
    state: &AppState,
    page: Page,
    loaded: Loaded,
    action: Option<Action>,
    form: ActionForm,
    errors: FormErrors,
    conflict: Option<Action>,
) -> AppResult<ActionPage> {
    let none = |key: &str| SelectOption { value: String::new(), label: page.t.t(key).to_owned(), selected: false };
    let mut people = vec![none("action.nobody")];
    people.extend(responsible_options(state, &loaded, form.responsible.parse().ok()).await?);
    let statuses = ActionStatus::ALL
        .iter()
        .map(|s| SelectOption {
            value: s.code().into(),
            label: page.t.t(s.label_key()).into(),
            selected: form.status == s.code(),
        })
        .collect();
    let offers = std::iter::once(none("action.no_offer"))
        .chain(offers::list(&state.db).await?.into_iter().map(|o| SelectOption {
            selected: form.offer == o.offer.code,
            label: format!("{} — {}", o.offer.code, o.offer.title),
            value: o.offer.code,
        }))
        .collect();
    Ok(ActionPage { page, loaded, action, form, errors, people, statuses, offers, conflict })
}

/// The form for a new action.
pub async fn new_form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let p = load_plan(&state, &viewer, id, run).await?;
    let form = ActionForm { status: ActionStatus::Todo.code().into(), progress: "0".into(), ..ActionForm::default() };
    Ok(render(&state, page, p.loaded, None, form, FormErrors::new(), None).await?.into_response())
}

/// The form of an existing action.
pub async fn edit_form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, action)): Path<(i64, i64)>,
    page: Page,
) -> AppResult<Response> {
    let p = load_plan(&state, &viewer, id, run).await?;
    let action = plans::action_of(&state.db, p.plan.id, action).await?;
    let form = ActionForm::of(&action);
    Ok(render(&state, page, p.loaded, Some(action), form, FormErrors::new(), None).await?.into_response())
}

/// Checked values of the form.
struct Checked {
    input: ActionInput,
    start: Option<String>,
    due: Option<String>,
    indicators: Vec<String>,
    responsible: Option<i64>,
    offer: Option<String>,
}

async fn check(state: &AppState, loaded: &Loaded, form: &ActionForm) -> AppResult<Result<Checked, FormErrors>> {
    let mut errors = FormErrors::new();
    let input = match ActionInput::parse(&form.title, &form.starts_on, &form.due_on, &form.status, &form.progress) {
        Ok(input) => Some(input),
        Err(problems) => {
            for (field, e) in problems {
                errors.add(field, e.key);
            }
            None
        }
    };
    let covered: Vec<String> = loaded.indicators().iter().map(|n| n.code.clone()).collect();
    let indicators: Vec<String> = form
        .indicators
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect();
    if indicators.iter().any(|c| !covered.contains(c)) {
        errors.add("indicators", "error.action.indicators");
    }
    let responsible = errors.check("responsible", optional_id(&form.responsible)).flatten();
    let members = responsible_options(state, loaded, None).await?;
    if responsible.is_some_and(|r| !members.iter().any(|m| m.value == r.to_string())) {
        errors.add("responsible", "error.select.invalid");
    }
    let offer = Some(form.offer.trim().to_owned()).filter(|o| !o.is_empty());
    if let Some(code) = &offer
        && !offers::codes(&state.db).await?.contains(code)
    {
        errors.add("offer", "error.select.invalid");
    }
    for (field, text, max) in [
        ("description", &form.description, 4000),
        ("contributors", &form.contributors, 500),
        ("notes", &form.notes, 4000),
    ] {
        if text.chars().count() > max {
            errors.add(field, "error.action.too_long");
        }
    }
    Ok(match input {
        Some(input) if errors.is_empty() => Ok(Checked {
            start: input.start.map(|d| d.to_string()),
            due: input.due.map(|d| d.to_string()),
            input,
            indicators,
            responsible,
            offer,
        }),
        _ => Err(errors),
    })
}

/// Adds the action.
pub async fn create(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    Form(form): Form<ActionForm>,
) -> AppResult<Response> {
    let p = load_plan(&state, &viewer, id, run).await?;
    let checked = match check(&state, &p.loaded, &form).await? {
        Ok(c) => c,
        Err(errors) => {
            let body = render(&state, page, p.loaded, None, form, errors, None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    let new = NewAction {
        title: checked.input.title.clone(),
        description: form.description.trim().to_owned(),
        indicators: checked.indicators.clone(),
        starts_on: checked.start.clone(),
        due_on: checked.due.clone(),
        offer_code: checked.offer.clone(),
        responsible_user_id: checked.responsible,
        contributors: form.contributors.trim().to_owned(),
        status: Some(checked.input.status),
        progress: checked.input.progress,
        notes: form.notes.trim().to_owned(),
        ..NewAction::default()
    };
    let entry = ctx.author().entry("plans.add_action", "action", "", &checked.input.title);
    let action = plans::add_action(state.db.audited(entry), p.plan.id, &new).await?;
    cap_app::plans::record_completion(&state.db, p.plan.id).await?;
    Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/plan#action-{action}"), "flash.action_saved"))
}

fn change_of<'a>(form: &'a ActionForm, c: &'a Checked) -> ActionChange<'a> {
    ActionChange {
        title: &c.input.title,
        description: form.description.trim(),
        indicators: &c.indicators,
        responsible_user_id: c.responsible,
        contributors: form.contributors.trim(),
        starts_on: c.start.as_deref(),
        due_on: c.due.as_deref(),
        status: c.input.status,
        progress: c.input.progress,
        notes: form.notes.trim(),
        offer_code: c.offer.as_deref(),
    }
}

/// Saves the edited action.
pub async fn update(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, action)): Path<(i64, i64)>,
    page: Page,
    Form(form): Form<ActionForm>,
) -> AppResult<Response> {
    let p = load_plan(&state, &viewer, id, run).await?;
    let stored = plans::action_of(&state.db, p.plan.id, action).await?;
    let checked = match check(&state, &p.loaded, &form).await? {
        Ok(c) => c,
        Err(errors) => {
            let body = render(&state, page, p.loaded, Some(stored), form, errors, None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    let change = change_of(&form, &checked);
    let details = format!("{} · {} · {} %", checked.input.title, checked.input.status.code(), checked.input.progress);
    let entry = ctx.author().entry("plans.edit_action", "action", action, details);
    match plans::update_action(state.db.audited(entry), p.plan.id, action, &change, form.version).await {
        Ok(_) => {
            cap_app::plans::record_completion(&state.db, p.plan.id).await?;
            Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/plan#action-{action}"), "flash.action_saved"))
        }
        // What was typed stays in the form, beside the action as saved now.
        Err(StorageError::Stale(_)) => {
            let current = plans::action_of(&state.db, p.plan.id, action).await?;
            let mut form = form;
            form.version = current.version;
            let body = render(&state, page, p.loaded, Some(stored), form, FormErrors::new(), Some(current)).await?;
            Ok((StatusCode::CONFLICT, body).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
