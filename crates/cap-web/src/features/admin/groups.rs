//! `GET/POST /admin/groups`: groups of organisations (GES), and adding one.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::Ctx;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_domain::OrganisationName;
use cap_storage::StorageError;
use cap_storage::groups::{self, Group};
use serde::Deserialize;

/// A group's name.
#[derive(Debug, Default, Deserialize)]
pub struct GroupForm {
    #[serde(default)]
    name: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/groups.html")]
struct GroupsPage {
    page: Page,
    groups: Vec<Group>,
    form: GroupForm,
    errors: FormErrors,
}

/// Lists the groups with the form to add one.
pub async fn list(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    let groups = groups::list(&state.db).await?;
    Ok(GroupsPage { page, groups, form: GroupForm::default(), errors: FormErrors::new() }.into_response())
}

/// Adds a group.
pub async fn create(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    Form(form): Form<GroupForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    if let Some(name) = errors.check("name", OrganisationName::parse(&form.name)) {
        match groups::create(
            state.db.audited(ctx.author().entry("groups.create", "group", "", name.as_str())),
            name.as_str(),
        )
        .await
        {
            Ok(_) => {
                return Ok(redirect_with_flash(&state, "/admin/groups", "flash.group_created"));
            }
            Err(StorageError::Conflict) => errors.add("name", "error.group.taken"),
            Err(e) => return Err(e.into()),
        }
    }
    let groups = groups::list(&state.db).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, GroupsPage { page, groups, form, errors }).into_response())
}
