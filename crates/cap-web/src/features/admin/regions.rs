//! `GET/POST /admin/regions`: the regional delegations, and adding one.

use super::region_form::RegionForm;
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
use cap_storage::StorageError;
use cap_storage::regions::{self, Region};

#[derive(Template, WebTemplate)]
#[template(path = "admin/regions.html")]
struct RegionsPage {
    page: Page,
    regions: Vec<Region>,
    form: RegionForm,
    errors: FormErrors,
}

/// Lists the regions with the form to add one.
pub async fn list(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    let regions = regions::list(&state.db).await?;
    Ok(RegionsPage { page, regions, form: RegionForm::default(), errors: FormErrors::new() }.into_response())
}

/// Adds a region.
pub async fn create(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    Form(form): Form<RegionForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    if let Some((code, name)) = form.validate(&mut errors) {
        match regions::create(state.db.audited(ctx.author().entry("regions.create", "region", "", &name)), &code, &name)
            .await
        {
            Ok(_) => {
                return Ok(redirect_with_flash(&state, "/admin/regions", "flash.region_created"));
            }
            Err(StorageError::Conflict) => errors.add("code", "error.region.taken"),
            Err(e) => return Err(e.into()),
        }
    }
    let regions = regions::list(&state.db).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, RegionsPage { page, regions, form, errors }).into_response())
}
