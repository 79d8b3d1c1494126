//! `GET/POST /organisations/{id}/invite`: a coordinator invites a coordinator or a participant
//! with their collège; the region's delegate invites the first coordinator of a member that has
//! none.

use crate::app::AppState;
use crate::choices::college_options;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors, SelectOption};
use crate::page::Page;
use crate::session::{Ctx, SignedIn};
use crate::shared_pages::SentPage;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::invitations;
use cap_app::organisations::invitable_roles;
use cap_domain::{College, Email, Membership, OrganisationId, Role, Scope};
use cap_storage::organisations::Organisation;
use serde::Deserialize;

/// The invitation form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    college: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/invite.html")]
struct InvitePage {
    page: Page,
    org: Organisation,
    form: InviteForm,
    roles: Vec<SelectOption>,
    colleges: Vec<SelectOption>,
    errors: FormErrors,
}

fn page_for(page: Page, org: Organisation, allowed: &[Role], form: InviteForm, errors: FormErrors) -> InvitePage {
    let t = page.t;
    let roles = allowed.iter().map(|r| SelectOption::new(r.code(), t.t(r.label_key()), &form.role)).collect();
    let colleges = college_options(t, &form.college);
    InvitePage { page, org, form, roles, colleges, errors }
}

/// Shows the form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let (org, allowed) = invitable_roles(&state, &viewer, id).await?;
    let form = InviteForm { role: allowed[0].code().into(), ..InviteForm::default() };
    Ok(page_for(page, org, &allowed, form, FormErrors::new()).into_response())
}

/// Sends the invitation.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let (org, allowed) = invitable_roles(&state, &viewer, id).await?;
    let mut errors = FormErrors::new();
    if form.display_name.trim().is_empty() {
        errors.add("display_name", "error.display_name.required");
    }
    let email = errors.check("email", Email::parse(&form.email));
    let role = errors.check("role", Role::from_code(&form.role)).filter(|r| allowed.contains(r));
    if role.is_none() {
        errors.add("role", "error.role.invalid");
    }
    let college =
        if form.college.is_empty() { None } else { errors.check("college", College::from_code(&form.college)) };
    let membership = match role {
        Some(role) => {
            errors.check("college", Membership::new(role, Scope::Organisation(OrganisationId(org.id)), college))
        }
        None => None,
    };
    let (Some(email), Some(membership)) = (email, membership) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page_for(page, org, &allowed, form, errors)).into_response());
    };
    if !errors.is_empty() {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page_for(page, org, &allowed, form, errors)).into_response());
    }
    let sent = invitations::send(&state, &ctx.author(), &email, &form.display_name, membership).await?;
    Ok(SentPage { page, email: email.to_string(), sent, back_href: format!("/organisations/{}", org.id) }
        .into_response())
}
