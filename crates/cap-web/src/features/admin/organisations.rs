//! `GET /admin/organisations`: every member organisation, filtered by region and type.

use crate::app::AppState;
use crate::choices;
use crate::error::AppResult;
use crate::forms::SelectOption;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cap_domain::{OrganisationType, RegionId};
use cap_storage::organisations::{self, Filter, Organisation};
use serde::Deserialize;

/// The list's filters.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    region: String,
    #[serde(default, rename = "type")]
    org_type: String,
    #[serde(default)]
    q: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/organisations.html")]
struct OrganisationsPage {
    page: Page,
    organisations: Vec<Organisation>,
    regions: Vec<SelectOption>,
    types: Vec<SelectOption>,
    q: String,
    errors: crate::forms::FormErrors,
}

/// Lists the organisations matching the filters.
pub async fn list(State(state): State<AppState>, Query(query): Query<ListQuery>, page: Page) -> AppResult<Response> {
    let t = page.t;
    let region = query.region.parse::<i64>().ok().map(RegionId);
    let org_type = OrganisationType::from_code(&query.org_type).ok();
    let needle = query.q.trim().to_lowercase();
    let organisations = organisations::list(&state.db, Filter { region, group: None })
        .await?
        .into_iter()
        .filter(|o| org_type.is_none_or(|t| o.org_type == t.code()))
        .filter(|o| {
            needle.is_empty() || o.name.to_lowercase().contains(&needle) || o.city.to_lowercase().contains(&needle)
        })
        .collect();
    let regions = choices::regions(&state, t.t("common.all"), &query.region).await?;
    let types = choices::organisation_types(t, t.t("common.all"), &query.org_type);
    Ok(OrganisationsPage { page, organisations, regions, types, q: query.q, errors: crate::forms::FormErrors::new() }
        .into_response())
}
