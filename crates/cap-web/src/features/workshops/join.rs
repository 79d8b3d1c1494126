//! `GET/POST /w`: a phone joins a workshop with the code on the wall, a first name and a collège.
//! No account: the phone keeps a token in a cookie, only its hash is stored, and gets a seat code.
//! A phone that lost its memory and joins again with a name and collège already in the room is
//! asked whether it is that person: with their seat code it gets the participant back (its votes
//! and its place, never a second count); otherwise it joins as a new person, with its own seat.

use super::VOTER_COOKIE;
use crate::app::AppState;
use crate::choices::college_options;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors, SelectOption};
use crate::page::Page;
use crate::session::set_cookie;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use cap_app::workshops::{Rejoin, rejoin};
use cap_domain::College;
use cap_domain::workshop::{first_name, normalise_code, normalise_seat, same_first_name, seat_code};
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
    /// `rejoin` (with `seat`) when the person says « c'est moi », `new` when they are someone
    /// else with the same name; empty at first.
    #[serde(default)]
    intent: String,
    #[serde(default)]
    seat: String,
}

/// The question asked when the name and collège are already in the room.
#[derive(Template, WebTemplate)]
#[template(path = "workshops/rejoin.html")]
struct RejoinPage {
    page: Page,
    form: JoinForm,
    college_key: &'static str,
    errors: FormErrors,
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
    let token_hash = state.keys.hash_token(&token);
    let present = workshops::voters(&state.db, w.id).await?;
    let same: Vec<_> = present
        .iter()
        .filter(|v| !v.removed && v.college == college && same_first_name(&v.first_name, &name))
        .collect();
    if !same.is_empty() && form.intent != "new" {
        let college_key = college.label_key();
        if form.intent != "rejoin" {
            return Ok(RejoinPage { page, form, college_key, errors: FormErrors::new() }.into_response());
        }
        let mut errors = FormErrors::new();
        let outcome = match errors.check("seat", normalise_seat(&form.seat)) {
            Some(seat) => rejoin(&state, &w, &same, &name, college, &seat, &token_hash).await?,
            None => Rejoin::WrongSeat,
        };
        let refused = match outcome {
            Rejoin::Back => None,
            Rejoin::WrongSeat => Some((StatusCode::UNPROCESSABLE_ENTITY, "error.workshop.seat_unknown")),
            Rejoin::TooManyTries => Some((StatusCode::TOO_MANY_REQUESTS, "error.workshop.seat_tries")),
        };
        if let Some((status, key)) = refused {
            if errors.is_empty() {
                errors.add("seat", key);
            }
            return Ok((status, RejoinPage { page, form, college_key, errors }).into_response());
        }
        let cookie = set_cookie(&state, VOTER_COOKIE, &token, 24 * 3600);
        return Ok(
            (AppendHeaders([(header::SET_COOKIE, cookie)]), Redirect::to(&format!("/w/{}", w.code))).into_response()
        );
    }
    // A free seat (a room holds a few dozen phones; the alphabet gives over ten thousand seats).
    let fresh = || seat_code(&rand::random());
    let seat = (0..64).map(|_| fresh()).find(|s| !present.iter().any(|v| v.seat == *s)).unwrap_or_else(fresh);
    workshops::join(&state.db, w.id, &token_hash, &name, college, &seat).await?;
    super::announce(&state, w.id).await?;
    let cookie = set_cookie(&state, VOTER_COOKIE, &token, 24 * 3600);
    Ok((AppendHeaders([(header::SET_COOKIE, cookie)]), Redirect::to(&format!("/w/{}", w.code))).into_response())
}
