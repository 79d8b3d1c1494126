//! `GET/POST /admin/invitations/new`: an administrator invites someone with any role.

use crate::app::AppState;
use crate::choices;
use crate::choices::college_options;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors, SelectOption, optional_id};
use crate::page::Page;
use crate::session::Ctx;
use crate::shared_pages::SentPage;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::invitations;
use cap_domain::{College, Email, GroupId, Membership, OrganisationId, RegionId, Role, Scope};
use serde::Deserialize;

/// The invitation's fields; the scope field used depends on the role.
#[derive(Debug, Default, Deserialize)]
pub struct AdminInviteForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    college: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/invite.html")]
struct AdminInvitePage {
    page: Page,
    form: AdminInviteForm,
    roles: Vec<SelectOption>,
    regions: Vec<SelectOption>,
    organisations: Vec<SelectOption>,
    groups: Vec<SelectOption>,
    colleges: Vec<SelectOption>,
    errors: FormErrors,
}

async fn render(state: &AppState, page: Page, form: AdminInviteForm, errors: FormErrors) -> AppResult<AdminInvitePage> {
    let t = page.t;
    let roles = Role::ALL.iter().map(|r| SelectOption::new(r.code(), t.t(r.label_key()), &form.role)).collect();
    let choose = t.t("common.choose");
    let regions = choices::regions(state, choose, &form.region).await?;
    let organisations = choices::organisations(state, choose, &form.organisation).await?;
    let groups = choices::groups(state, choose, &form.group).await?;
    let colleges = college_options(t, &form.college);
    Ok(AdminInvitePage { page, form, roles, regions, organisations, groups, colleges, errors })
}

/// Which organisation to preselect.
#[derive(Debug, Deserialize)]
pub struct InviteQuery {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    role: String,
}

/// Shows the form, preselecting an organisation and role when asked.
pub async fn form(State(state): State<AppState>, Query(query): Query<InviteQuery>, page: Page) -> AppResult<Response> {
    let role = if query.role.is_empty() { Role::Coordinator.code().to_owned() } else { query.role };
    let form = AdminInviteForm { role, organisation: query.organisation, ..AdminInviteForm::default() };
    Ok(render(&state, page, form, FormErrors::new()).await?.into_response())
}

fn scope_for(role: Role, form: &AdminInviteForm, errors: &mut FormErrors) -> Option<Scope> {
    let pick = |field: &'static str, value: &str, errors: &mut FormErrors| match optional_id(value) {
        Ok(Some(id)) => Some(id),
        _ => {
            errors.add(field, "error.scope.required");
            None
        }
    };
    match role {
        Role::FederationAdmin => Some(Scope::Federation),
        Role::RegionalDelegate => pick("region", &form.region, errors).map(|id| Scope::Region(RegionId(id))),
        Role::Coordinator | Role::Participant => {
            pick("organisation", &form.organisation, errors).map(|id| Scope::Organisation(OrganisationId(id)))
        }
        Role::GroupLead => pick("group", &form.group, errors).map(|id| Scope::Group(GroupId(id))),
    }
}

/// Sends the invitation.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    page: Page,
    Form(form): Form<AdminInviteForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    if form.display_name.trim().is_empty() {
        errors.add("display_name", "error.display_name.required");
    }
    let email = errors.check("email", Email::parse(&form.email));
    let role = errors.check("role", Role::from_code(&form.role));
    let scope = role.and_then(|r| scope_for(r, &form, &mut errors));
    let college =
        if form.college.is_empty() { None } else { errors.check("college", College::from_code(&form.college)) };
    let membership = match (role, scope) {
        (Some(role), Some(scope)) => errors.check("college", Membership::new(role, scope, college)),
        _ => None,
    };
    // The chosen place must exist: describing it reads it.
    let valid_place = match &membership {
        Some(m) => invitations::describe(&state, page.t, m).await.is_ok(),
        None => false,
    };
    if !valid_place && errors.is_empty() {
        errors.add("role", "error.scope.required");
    }
    let (Some(email), Some(membership), true) = (email, membership, errors.is_empty()) else {
        let page = render(&state, page, form, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let sent = invitations::send(&state, &ctx.author(), &email, &form.display_name, membership).await?;
    Ok(SentPage { page, email: email.to_string(), sent, back_href: "/admin/users".into() }.into_response())
}
