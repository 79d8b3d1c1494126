//! `GET/POST /groups/{id}/campaigns/new`: the group's lead launches one démarche across the
//! group's structures: a title, a referential, a calendar and the structures taking part; each
//! gets its own campaign, answered by its own people. A mistake is told beside its field with
//! what was typed and ticked kept.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors, SelectOption};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn, Viewer};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_domain::GroupId;
use cap_domain::authz::Permission;
use cap_storage::organisations::{self, Filter, Organisation};

/// The form's fields, as typed.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct LaunchForm {
    title: String,
    referential: String,
    answering_from: String,
    consolidation_on: String,
    restitution_on: String,
    /// The structures ticked.
    organisations: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/launch.html")]
struct LaunchPage {
    page: Page,
    group: i64,
    group_name: String,
    structures: Vec<Organisation>,
    versions: Vec<SelectOption>,
    form: LaunchForm,
    errors: FormErrors,
}

impl LaunchPage {
    fn ticked(&self, id: &i64) -> bool {
        self.form.organisations.iter().any(|o| o.trim() == id.to_string())
    }
}

async fn render(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    group: i64,
    form: LaunchForm,
    errors: FormErrors,
) -> AppResult<LaunchPage> {
    viewer.require(Permission::ViewGroup(GroupId(group)))?;
    let group_name = cap_storage::groups::get(&state.db, GroupId(group)).await?.name;
    let structures = organisations::list(&state.db, Filter { region: None, group: Some(GroupId(group)) }).await?;
    let versions = cap_app::campaigns::campaign_referentials(state)
        .await?
        .into_iter()
        .map(|v| {
            SelectOption::new(v.id.to_string(), format!("{} — {} {}", v.title, v.code, v.version), &form.referential)
        })
        .collect();
    Ok(LaunchPage { page, group, group_name, structures, versions, form, errors })
}

/// Shows the form, every structure ticked.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let year = jiff::Zoned::now().year();
    let structures = organisations::list(&state.db, Filter { region: None, group: Some(GroupId(id)) }).await?;
    let form = LaunchForm {
        title: format!("{} {year}", page.t.t("group_campaign.default_title")),
        organisations: structures.iter().map(|o| o.id.to_string()).collect(),
        ..LaunchForm::default()
    };
    Ok(render(&state, page, &viewer, id, form, FormErrors::new()).await?.into_response())
}

/// Launches the démarche.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<LaunchForm>, AppError>,
) -> AppResult<Response> {
    viewer.require(Permission::ViewGroup(GroupId(id)))?;
    let Form(form) = form?;
    let structures = organisations::list(&state.db, Filter { region: None, group: Some(GroupId(id)) }).await?;
    let chosen: Vec<i64> = structures
        .iter()
        .map(|o| o.id)
        .filter(|o| form.organisations.iter().any(|t| t.trim() == o.to_string()))
        .collect();
    let dates = [form.answering_from.as_str(), form.consolidation_on.as_str(), form.restitution_on.as_str()];
    let checked = cap_app::campaigns::check_new(&state, &form.title, &form.referential, dates).await?;
    let mut errors = FormErrors::new();
    if let Err(problems) = &checked {
        for (field, key) in problems {
            errors.add(field, key);
        }
    }
    if chosen.is_empty() {
        errors.add("organisations", "error.group_campaign.structures");
    }
    match checked {
        Ok(checked) if errors.is_empty() => {
            let launched =
                cap_app::group_campaigns::launch(&state, &ctx.author(), &viewer, id, &checked, &chosen).await?;
            Ok(redirect_with_flash(&state, &format!("/group-campaigns/{launched}"), "flash.group_campaign_launched"))
        }
        _ => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&state, page, &viewer, id, form, errors).await?)
                .into_response())
        }
    }
}
