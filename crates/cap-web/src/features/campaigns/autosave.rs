//! `POST /campaigns/{id}/answers/{code}`: saves one answer as soon as it changes (called by the
//! page's script) and answers in JSON: `saved` with the new version, or `conflict` with what is
//! stored now, or `invalid` with a message.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::Page;
use crate::session::SignedIn;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::answers::{Outcome, save_one};
use cap_app::campaigns::{answer_in, load};
use cap_app::results::value_label;
use serde::Deserialize;
use serde_json::json;

/// One answer.
#[derive(Debug, Deserialize)]
pub struct AutosaveForm {
    #[serde(default)]
    value: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    version: i64,
}

/// Saves and reports.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, code)): Path<(i64, String)>,
    page: Page,
    Form(form): Form<AutosaveForm>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, answer_in).await?;
    let me = loaded.me.as_ref().ok_or(AppError::NotFound)?;
    let t = page.t;
    Ok(match save_one(&state, &loaded, me, &code, &form.value, &form.comment, form.version).await? {
        Outcome::Saved { version, at } => {
            Json(json!({ "status": "saved", "version": version, "message": t.t1("answer.saved_at", t.datetime(at)) }))
                .into_response()
        }
        Outcome::Invalid(key) => {
            (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "status": "invalid", "message": t.t(key) })))
                .into_response()
        }
        Outcome::Conflict(current) => {
            let r = &loaded.referential.referential;
            let node = r.node(&code).ok_or(AppError::NotFound)?;
            let saved = value_label(t, r, node, &current.value);
            let message = t.tn("answer.conflict", &[saved]);
            (
                StatusCode::CONFLICT,
                Json(json!({ "status": "conflict", "version": current.version, "message": message })),
            )
                .into_response()
        }
        Outcome::Closed => {
            let why = if loaded.steps.any_answers_open() { "flash.pillar_closed" } else { "flash.answers_closed" };
            (StatusCode::CONFLICT, Json(json!({ "status": "closed", "message": t.t(why) }))).into_response()
        }
    })
}
