//! `GET/POST /admin/services` and `/admin/services/{id}`: the federation's offer of services,
//! listed, added and edited (a stale edit is refused, never written over).

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors, SelectOption};
use crate::page::{Page, redirect_with_flash};
use crate::session::Ctx;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_domain::ValidationError;
use cap_domain::referential::{OfferKind, ServiceOffer, valid_code};
use cap_storage::offers::{self, StoredOffer};
use cap_storage::{StorageError, regions};
use serde::Deserialize;

/// The offer form's fields, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct OfferForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    version: i64,
}

impl OfferForm {
    fn from_offer(stored: &StoredOffer) -> Self {
        let o = &stored.offer;
        Self {
            code: o.code.clone(),
            kind: o.kind.code().into(),
            title: o.title.clone(),
            title_en: o.title_en.clone().unwrap_or_default(),
            description: o.description.clone(),
            contact: o.contact.clone().unwrap_or_default(),
            region: o.region.clone().unwrap_or_default(),
            version: stored.version,
        }
    }

    fn validate(&self, errors: &mut FormErrors, region_codes: &[String]) -> Option<ServiceOffer> {
        let code = self.code.trim().to_uppercase();
        if !valid_code(&code) {
            errors.add("code", "error.offer.code");
        }
        let kind =
            errors.check("kind", OfferKind::from_code(&self.kind).ok_or(ValidationError::new("error.offer.kind")));
        if self.title.trim().is_empty() {
            errors.add("title", "error.name.required");
        }
        if self.description.trim().is_empty() {
            errors.add("description", "error.offer.description");
        }
        let region = Some(self.region.trim().to_owned()).filter(|r| !r.is_empty());
        if region.as_ref().is_some_and(|r| !region_codes.contains(r)) {
            errors.add("region", "error.select.invalid");
        }
        let optional = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        Some(ServiceOffer {
            code,
            kind: kind?,
            title: self.title.trim().to_owned(),
            title_en: optional(&self.title_en),
            description: self.description.trim().to_owned(),
            contact: optional(&self.contact),
            region,
        })
        .filter(|_| errors.is_empty())
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/services.html")]
struct ServicesPage {
    page: Page,
    offers: Vec<StoredOffer>,
    form: OfferForm,
    kinds: Vec<SelectOption>,
    regions: Vec<SelectOption>,
    errors: FormErrors,
    editing: Option<i64>,
    current: Option<StoredOffer>,
}

impl ServicesPage {
    /// A region's name from its code (the code itself when no region has it).
    fn region_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.regions.iter().find(|r| !r.value.is_empty() && r.value == code).map_or(code, |r| r.label.as_str())
    }
}

async fn render(
    state: &AppState,
    page: Page,
    form: OfferForm,
    errors: FormErrors,
    editing: Option<i64>,
    current: Option<StoredOffer>,
) -> AppResult<ServicesPage> {
    let t = page.t;
    let kinds = std::iter::once(SelectOption::new("", t.t("common.choose"), &form.kind))
        .chain(OfferKind::ALL.iter().map(|k| SelectOption::new(k.code(), t.t(k.label_key()), &form.kind)))
        .collect();
    let regions = regions::list(&state.db).await?;
    let regions = std::iter::once(SelectOption::new("", t.t("offer.national"), &form.region))
        .chain(regions.into_iter().map(|r| SelectOption::new(r.code.clone(), r.name, &form.region)))
        .collect();
    let offers = offers::list(&state.db).await?;
    Ok(ServicesPage { page, offers, form, kinds, regions, errors, editing, current })
}

async fn region_codes(state: &AppState) -> AppResult<Vec<String>> {
    Ok(regions::list(&state.db).await?.into_iter().map(|r| r.code).collect())
}

/// Lists the offers with the form to add one.
pub async fn list(State(state): State<AppState>, page: Page) -> AppResult<Response> {
    Ok(render(&state, page, OfferForm::default(), FormErrors::new(), None, None).await?.into_response())
}

/// Adds an offer.
pub async fn create(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    Form(form): Form<OfferForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    if let Some(offer) = form.validate(&mut errors, &region_codes(&state).await?) {
        match offers::create(state.db.audited(ctx.author().entry("offers.create", "offer", "", &offer.code)), &offer)
            .await
        {
            Ok(_) => {
                return Ok(redirect_with_flash(&state, "/admin/services", "flash.offer_saved"));
            }
            Err(StorageError::Conflict) => errors.add("code", "error.offer.taken"),
            Err(e) => return Err(e.into()),
        }
    }
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&state, page, form, errors, None, None).await?).into_response())
}

/// Shows an offer's form.
pub async fn edit_form(State(state): State<AppState>, Path(id): Path<i64>, page: Page) -> AppResult<Response> {
    let stored = offers::get(&state.db, id).await?;
    Ok(render(&state, page, OfferForm::from_offer(&stored), FormErrors::new(), Some(id), None).await?.into_response())
}

/// Saves an offer if nobody changed it meanwhile; its code stays, since referentials link to it.
pub async fn update(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<i64>,
    page: Page,
    Form(mut form): Form<OfferForm>,
) -> AppResult<Response> {
    let stored = offers::get(&state.db, id).await?;
    form.code = stored.offer.code.clone();
    let mut errors = FormErrors::new();
    let mut current = None;
    if let Some(offer) = form.validate(&mut errors, &region_codes(&state).await?) {
        let entry = ctx.author().entry("offers.update", "offer", id, &offer.code);
        match offers::update(state.db.audited(entry), id, form.version, &offer).await {
            Ok(()) => {
                return Ok(redirect_with_flash(&state, "/admin/services", "flash.offer_saved"));
            }
            Err(StorageError::Stale(_)) => {
                let saved = offers::get(&state.db, id).await?;
                form.version = saved.version;
                current = Some(saved);
            }
            Err(e) => return Err(e.into()),
        }
    }
    let status = if current.is_some() { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, render(&state, page, form, errors, Some(id), current).await?).into_response())
}
