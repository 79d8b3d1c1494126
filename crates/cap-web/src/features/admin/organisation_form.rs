//! `GET/POST /admin/organisations/new` and `/admin/organisations/{id}/edit`: creates and edits
//! an organisation; an edit made on a stale copy is refused, never written over.

use crate::app::AppState;
use crate::choices;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors, SelectOption, optional_id};
use crate::page::{Page, redirect_with_flash};
use crate::session::Ctx;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_domain::{GroupId, OrganisationId, OrganisationName, OrganisationType, RegionId, Siret, ValidationError};
use cap_storage::StorageError;
use cap_storage::organisations::{self, Organisation, OrganisationInput};
use serde::Deserialize;

/// The organisation form's fields, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct OrganisationForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    org_type: String,
    #[serde(default)]
    siret: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    postal_code: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    version: i64,
}

impl OrganisationForm {
    fn validate(&self, errors: &mut FormErrors) -> Option<OrganisationInput> {
        let name = errors.check("name", OrganisationName::parse(&self.name));
        let org_type = errors.check("org_type", OrganisationType::from_code(&self.org_type));
        let siret = if self.siret.trim().is_empty() {
            Some(None)
        } else {
            errors.check("siret", Siret::parse(&self.siret).map(Some))
        };
        let region = match optional_id(&self.region) {
            Ok(Some(id)) => Some(RegionId(id)),
            _ => {
                errors.add("region", "error.region.required");
                None
            }
        };
        let group = errors.check("group", optional_id(&self.group)).map(|g| g.map(GroupId));
        let postal = self.postal_code.trim();
        // Five characters, digits or the A and B of Corsica's departments.
        if !postal.is_empty()
            && (postal.len() != 5 || !postal.chars().all(|c| c.is_ascii_digit() || c == 'A' || c == 'B'))
        {
            errors.check::<()>("postal_code", Err(ValidationError::new("error.postal_code.format")));
        }
        if self.address.chars().count() > 300 || self.city.chars().count() > 100 {
            errors.add("address", "error.address.length");
        }
        if !errors.is_empty() {
            return None;
        }
        Some(OrganisationInput {
            name: name?,
            org_type: org_type?,
            siret: siret?,
            region: region?,
            group: group?,
            address: self.address.clone(),
            postal_code: postal.to_owned(),
            city: self.city.clone(),
        })
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/organisation_form.html")]
struct OrganisationFormPage {
    page: Page,
    editing: Option<i64>,
    form: OrganisationForm,
    types: Vec<SelectOption>,
    regions: Vec<SelectOption>,
    groups: Vec<SelectOption>,
    errors: FormErrors,
    /// The values saved by someone else, when this copy was stale.
    current: Option<Organisation>,
}

async fn render(
    state: &AppState,
    page: Page,
    editing: Option<i64>,
    form: OrganisationForm,
    errors: FormErrors,
    current: Option<Organisation>,
) -> AppResult<OrganisationFormPage> {
    let t = page.t;
    let types = choices::organisation_types(t, t.t("common.choose"), &form.org_type);
    let regions = choices::regions(state, t.t("common.choose"), &form.region).await?;
    let groups = choices::groups(state, t.t("org.no_group"), &form.group).await?;
    Ok(OrganisationFormPage { page, editing, form, types, regions, groups, errors, current })
}

/// Shows an empty form.
pub async fn new_form(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    Ok(render(&state, page, None, OrganisationForm::default(), FormErrors::new(), None).await?.into_response())
}

/// Creates the organisation.
pub async fn create(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    Form(form): Form<OrganisationForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    if let Some(input) = form.validate(&mut errors) {
        let entry = ctx.author().entry("organisations.create", "organisation", "", input.name.as_str());
        match organisations::create(state.db.audited(entry), &input).await {
            Ok(id) => {
                return Ok(redirect_with_flash(&state, &format!("/organisations/{id}"), "flash.organisation_created"));
            }
            Err(StorageError::Conflict) => errors.add("siret", "error.siret.taken"),
            Err(e) => return Err(e.into()),
        }
    }
    let page = render(&state, page, None, form, errors, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// Shows the organisation's current values.
pub async fn edit_form(State(state): State<AppState>, Path(id): Path<i64>, page: Page) -> AppResult<Response> {
    let org = organisations::get(&state.db, OrganisationId(id)).await?;
    let form = OrganisationForm {
        name: org.name,
        org_type: org.org_type,
        siret: org.siret.unwrap_or_default(),
        region: org.region_id.to_string(),
        group: org.group_id.map(|g| g.to_string()).unwrap_or_default(),
        address: org.address,
        postal_code: org.postal_code,
        city: org.city,
        version: org.version,
    };
    Ok(render(&state, page, Some(id), form, FormErrors::new(), None).await?.into_response())
}

/// Saves the organisation if nobody changed it meanwhile; otherwise shows the form again with
/// what was typed and a warning, and the current values a click away.
pub async fn update(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    page: Page,
    Form(form): Form<OrganisationForm>,
) -> AppResult<Response> {
    organisations::get(&state.db, OrganisationId(id)).await?;
    let mut errors = FormErrors::new();
    let mut stale = false;
    if let Some(input) = form.validate(&mut errors) {
        let entry = ctx.author().entry("organisations.update", "organisation", id, input.name.as_str());
        match organisations::update(state.db.audited(entry), OrganisationId(id), form.version, &input).await {
            Ok(()) => {
                return Ok(redirect_with_flash(&state, &format!("/organisations/{id}"), "flash.organisation_updated"));
            }
            Err(StorageError::Stale(_)) => stale = true,
            Err(StorageError::Conflict) => errors.add("siret", "error.siret.taken"),
            Err(e) => return Err(e.into()),
        }
    }
    let status = if stale { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY };
    let mut form = form;
    let mut current = None;
    if stale {
        // Keep what was typed and show what is saved now; saving again applies on top of it.
        let saved = organisations::get(&state.db, OrganisationId(id)).await?;
        form.version = saved.version;
        current = Some(saved);
    }
    let page = render(&state, page, Some(id), form, errors, current).await?;
    Ok((status, page).into_response())
}
