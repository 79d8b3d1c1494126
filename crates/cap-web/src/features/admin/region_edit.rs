//! `GET/POST /admin/regions/{id}`: renames a region.

use super::region_form::RegionForm;
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::Ctx;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_domain::RegionId;
use cap_storage::StorageError;
use cap_storage::regions;

#[derive(Template, WebTemplate)]
#[template(path = "admin/region_edit.html")]
struct RegionEditPage {
    page: Page,
    id: i64,
    form: RegionForm,
    errors: FormErrors,
}

/// Shows the region's form.
pub async fn form(State(state): State<AppState>, Path(id): Path<i64>, page: Page) -> AppResult<Response> {
    let region = regions::get(&state.db, RegionId(id)).await?;
    let form = RegionForm { code: region.code, name: region.name };
    Ok(RegionEditPage { page, id, form, errors: FormErrors::new() }.into_response())
}

/// Saves the region.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    page: Page,
    Form(form): Form<RegionForm>,
) -> AppResult<Response> {
    regions::get(&state.db, RegionId(id)).await?;
    let mut errors = FormErrors::new();
    if let Some((code, name)) = form.validate(&mut errors) {
        let entry = ctx.author().entry("regions.update", "region", id, &name);
        match regions::update(state.db.audited(entry), RegionId(id), &code, &name).await {
            Ok(()) => {
                return Ok(redirect_with_flash(&state, "/admin/regions", "flash.region_updated"));
            }
            Err(StorageError::Conflict) => errors.add("code", "error.region.taken"),
            Err(e) => return Err(e.into()),
        }
    }
    Ok((StatusCode::UNPROCESSABLE_ENTITY, RegionEditPage { page, id, form, errors }).into_response())
}
