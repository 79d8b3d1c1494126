//! `GET/POST /campaigns/{id}/voice`: after the restitution, a participant says what surprised them
//! and what they want to work on, in a few words, changed as often as they like. The coordinator
//! reads every answer without names on the plan's page.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, answer_in, load};
use cap_app::restitution::save_voice;
use cap_domain::restitution::Voice;
use cap_storage::restitution;

/// What was typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct VoiceForm {
    #[serde(default)]
    surprised: String,
    #[serde(default)]
    work_on: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "results/voice.html")]
struct VoicePage {
    page: Page,
    loaded: Loaded,
    typed: VoiceForm,
    errors: FormErrors,
}

/// The form, with what the participant said before.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, answer_in).await?;
    // Only those who took part speak: an administrator passes the policy but has nothing to say.
    loaded.me.as_ref().ok_or(AppError::NotFound)?;
    let typed = restitution::voice_of(&state.db, id, viewer.actor.user_id)
        .await?
        .map(|v| VoiceForm { surprised: v.surprised, work_on: v.work_on })
        .unwrap_or_default();
    Ok(VoicePage { page, loaded, typed, errors: FormErrors::new() }.into_response())
}

/// Saves what the participant says, or shows the form again with what was typed.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<VoiceForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, answer_in).await?;
    loaded.me.as_ref().ok_or(AppError::NotFound)?;
    let Form(typed) = form?;
    match Voice::parse(&typed.surprised, &typed.work_on) {
        Ok(voice) => {
            save_voice(&state, &ctx.author(), &loaded, &voice).await?;
            Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/voice"), "flash.voice_saved"))
        }
        Err(problems) => {
            let mut errors = FormErrors::new();
            for (field, e) in problems {
                errors.add(field, e.key);
            }
            Ok((StatusCode::UNPROCESSABLE_ENTITY, VoicePage { page, loaded, typed, errors }).into_response())
        }
    }
}
