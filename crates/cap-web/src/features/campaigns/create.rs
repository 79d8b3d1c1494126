//! `GET/POST /organisations/{id}/campaigns/new`: a coordinator starts a campaign on a referential
//! version, with a calendar; the scope is chosen on the campaign's page.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors, SelectOption};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::organisations::load_authorized;
use cap_domain::authz::Permission;
use cap_domain::{OrganisationId, ValidationError};
use cap_storage::campaigns::{self, NewCampaign};
use cap_storage::organisations::Organisation;
use cap_storage::referentials;
use serde::Deserialize;

/// The form's fields, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct CampaignForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    referential: String,
    #[serde(default)]
    answering_from: String,
    #[serde(default)]
    consolidation_on: String,
    #[serde(default)]
    restitution_on: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/new.html")]
struct NewPage {
    page: Page,
    org: Organisation,
    form: CampaignForm,
    versions: Vec<SelectOption>,
    errors: FormErrors,
}

/// An optional calendar date as people type it (`10/12/2026`, `10 décembre 2026`, …; see
/// [`cap_domain::calendar::parse_date`]), as `YYYY-MM-DD`.
pub fn parse_date(raw: &str) -> Result<Option<String>, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    cap_domain::validation::parse_date(raw)
        .map(|d| Some(d.to_string()))
        .ok_or(ValidationError::new("error.date.invalid"))
}

async fn render(
    state: &AppState,
    page: Page,
    org: Organisation,
    form: CampaignForm,
    errors: FormErrors,
) -> AppResult<NewPage> {
    let mut all = referentials::list(&state.db).await?;
    // A bridge without indicators (ISO 9001's clauses) is a target for readiness, not a campaign.
    all.retain(|v| v.indicator_count > 0);
    all.sort_by_key(|v| std::cmp::Reverse((v.code == "cap-exemple", v.id)));
    let versions = all
        .into_iter()
        .map(|v| {
            SelectOption::new(v.id.to_string(), format!("{} — {} {}", v.title, v.code, v.version), &form.referential)
        })
        .collect();
    Ok(NewPage { page, org, form, versions, errors })
}

/// Shows the form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let org = load_authorized(&state, &viewer, id, Permission::RunCampaigns).await?;
    let year = jiff::Zoned::now().year();
    let form =
        CampaignForm { title: format!("{} {year}", page.t.t("campaign.default_title")), ..CampaignForm::default() };
    Ok(render(&state, page, org, form, FormErrors::new()).await?.into_response())
}

/// Creates the campaign in preparation.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    Form(form): Form<CampaignForm>,
) -> AppResult<Response> {
    let org = load_authorized(&state, &viewer, id, Permission::RunCampaigns).await?;
    let mut errors = FormErrors::new();
    let title = form.title.trim();
    if title.is_empty() || title.chars().count() > 200 {
        errors.add("title", "error.name.length");
    }
    let version = match form.referential.parse::<i64>() {
        Ok(v) if referentials::summary(&state.db, v).await.is_ok_and(|s| s.indicator_count > 0) => Some(v),
        _ => {
            errors.add("referential", "error.select.invalid");
            None
        }
    };
    let answering_from = errors.check("answering_from", parse_date(&form.answering_from));
    let consolidation_on = errors.check("consolidation_on", parse_date(&form.consolidation_on));
    let restitution_on = errors.check("restitution_on", parse_date(&form.restitution_on));
    if let (Some(Some(a)), Some(Some(b))) = (&answering_from, &consolidation_on)
        && b < a
    {
        errors.add("consolidation_on", "error.date.order");
    }
    if let (Some(Some(a)), Some(Some(b))) = (&consolidation_on, &restitution_on)
        && b < a
    {
        errors.add("restitution_on", "error.date.order");
    }
    let (Some(version), true) = (version, errors.is_empty()) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&state, page, org, form, errors).await?).into_response());
    };
    let (answering_from, consolidation_on, restitution_on) =
        (answering_from.flatten(), consolidation_on.flatten(), restitution_on.flatten());
    let new = NewCampaign {
        organisation: OrganisationId(org.id),
        referential_version_id: version,
        title,
        scope: &[],
        answering_from: answering_from.as_deref(),
        consolidation_on: consolidation_on.as_deref(),
        restitution_on: restitution_on.as_deref(),
        created_by: Some(viewer.actor.user_id),
    };
    let campaign =
        campaigns::create(state.db.audited(ctx.author().entry("campaigns.create", "campaign", "", title)), &new)
            .await?;
    // The previous campaign's evidence comes along, each piece to be confirmed.
    cap_app::evidence::carry_into(&state, new.organisation, campaign).await?;
    Ok(redirect_with_flash(&state, &format!("/campaigns/{campaign}"), "flash.campaign_created"))
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_as_people_type_them() {
        assert_eq!(parse_date("05/03/2027").unwrap().as_deref(), Some("2027-03-05"));
        assert_eq!(parse_date("2027-03-05").unwrap().as_deref(), Some("2027-03-05"));
        assert_eq!(parse_date("5 mars 2027").unwrap().as_deref(), Some("2027-03-05"));
        assert_eq!(parse_date(" ").unwrap(), None);
        for bad in ["31/02/2027", "2027-13-01", "demain", "05/03"] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
