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
use cap_domain::OrganisationId;
use cap_domain::authz::Permission;
use cap_storage::campaigns::{self, NewCampaign};
use cap_storage::organisations::Organisation;
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

async fn render(
    state: &AppState,
    page: Page,
    org: Organisation,
    form: CampaignForm,
    errors: FormErrors,
) -> AppResult<NewPage> {
    let versions = crate::choices::campaign_referentials(state, &form.referential).await?;
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
    let dates = [form.answering_from.as_str(), form.consolidation_on.as_str(), form.restitution_on.as_str()];
    let checked = match cap_app::campaigns::check_new(&state, &form.title, &form.referential, dates).await? {
        Ok(checked) => checked,
        Err(problems) => {
            let mut errors = FormErrors::new();
            for (field, key) in problems {
                errors.add(field, key);
            }
            return Ok(
                (StatusCode::UNPROCESSABLE_ENTITY, render(&state, page, org, form, errors).await?).into_response()
            );
        }
    };
    let title = checked.title.as_str();
    let new = NewCampaign {
        organisation: OrganisationId(org.id),
        referential_version_id: checked.version,
        title,
        scope: &[],
        answering_from: checked.answering_from.as_deref(),
        consolidation_on: checked.consolidation_on.as_deref(),
        restitution_on: checked.restitution_on.as_deref(),
        created_by: Some(viewer.actor.user_id),
    };
    let campaign =
        campaigns::create(state.db.audited(ctx.author().entry("campaigns.create", "campaign", "", title)), &new)
            .await?;
    // The previous campaign's evidence comes along, each piece to be confirmed.
    cap_app::evidence::carry_into(&state, new.organisation, campaign).await?;
    Ok(redirect_with_flash(&state, &format!("/campaigns/{campaign}"), "flash.campaign_created"))
}
