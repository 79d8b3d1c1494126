//! `GET/POST /w`: a phone joins a workshop with the code on the wall, a first name and a collège.
//! No account: the phone keeps a token in a cookie, only its hash is stored.

use super::VOTER_COOKIE;
use crate::app::AppState;
use crate::choices::college_options;
use crate::error::AppResult;
use crate::forms::{FormErrors, SelectOption};
use crate::page::Page;
use crate::session::set_cookie;
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use cap_domain::College;
use cap_domain::workshop::{first_name, normalise_code};
use cap_storage::{StorageError, workshops};
use serde::Deserialize;

/// The join form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct JoinForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    college: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "workshops/join.html")]
struct JoinPage {
    page: Page,
    form: JoinForm,
    colleges: Vec<SelectOption>,
    errors: FormErrors,
}

/// Shows the form, with the code filled in when the QR code gave it.
pub async fn form(State(state): State<AppState>, page: Page, Query(query): Query<JoinForm>) -> AppResult<Response> {
    if !query.code.is_empty()
        && let Some(closed) = super::closed_of(&state, &query.code).await?
    {
        return Ok(super::ClosedPage::of(&state, page, &closed).await.into_response());
    }
    let colleges = college_options(page.t, "");
    Ok(JoinPage {
        page,
        form: JoinForm { code: query.code, ..JoinForm::default() },
        colleges,
        errors: FormErrors::new(),
    }
    .into_response())
}

/// Joins and goes to the voting page.
pub async fn submit(State(state): State<AppState>, page: Page, Form(form): Form<JoinForm>) -> AppResult<Response> {
    let mut errors = FormErrors::new();
    let code = errors.check("code", normalise_code(&form.code));
    let name = errors.check("first_name", first_name(&form.first_name));
    let college = errors.check("college", College::from_code(&form.college));
    let workshop = match &code {
        Some(c) => match workshops::by_code(&state.db, c).await {
            Ok(w) => Some(w),
            Err(StorageError::NotFound) => {
                let closed = workshops::closed_by_code(&state.db, c).await?.is_some();
                errors.add("code", if closed { "error.workshop.closed" } else { "error.workshop.unknown" });
                None
            }
            Err(e) => return Err(e.into()),
        },
        None => None,
    };
    let (Some(w), Some(name), Some(college)) = (workshop, name, college) else {
        let colleges = college_options(page.t, &form.college);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, JoinPage { page, form, colleges, errors }).into_response());
    };
    let token = cap_app::crypto::random_token();
    workshops::join(&state.db, w.id, &state.keys.hash_token(&token), &name, college).await?;
    super::announce(&state, w.id).await?;
    let cookie = set_cookie(&state, VOTER_COOKIE, &token, 24 * 3600);
    Ok((AppendHeaders([(header::SET_COOKIE, cookie)]), Redirect::to(&format!("/w/{}", w.code))).into_response())
}
