//! `GET/POST /campaigns/{id}/consolidation/{code}/evidence`: adds a piece of evidence (a title
//! and the address where it is kept) to an indicator's shared answer; a mistake is told beside
//! its field with what was typed kept.

use super::back_to;
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
use cap_app::campaigns::{Loaded, load, run};
use cap_domain::evidence::EvidenceInput;

/// What was typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct EvidenceForm {
    title: String,
    url: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "evidence/form.html")]
struct EvidencePage {
    page: Page,
    loaded: Loaded,
    code: String,
    statement: String,
    typed: EvidenceForm,
    errors: FormErrors,
}

fn render(page: Page, loaded: Loaded, code: &str, typed: EvidenceForm, errors: FormErrors) -> AppResult<EvidencePage> {
    let statement = loaded
        .indicators()
        .into_iter()
        .find(|n| n.code == code)
        .map(|n| n.label().to_owned())
        .ok_or(AppError::NotFound)?;
    Ok(EvidencePage { page, loaded, code: code.to_owned(), statement, typed, errors })
}

/// The form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, code)): Path<(i64, String)>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    Ok(render(page, loaded, &code, EvidenceForm::default(), FormErrors::new())?.into_response())
}

/// Adds the evidence, or shows the form again with each problem beside its field.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, code)): Path<(i64, String)>,
    page: Page,
    form: Result<Form<EvidenceForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(typed) = form?;
    match EvidenceInput::parse(&typed.title, &typed.url) {
        Ok(input) => {
            cap_app::evidence::add(&state, &ctx.author(), &loaded, &code, &input).await?;
            Ok(redirect_with_flash(&state, &back_to(id, &code), "flash.evidence_added"))
        }
        Err(problems) => {
            let mut errors = FormErrors::new();
            for (field, e) in problems {
                errors.add(field, e.key);
            }
            let rendered = render(page, loaded, &code, typed, errors)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response())
        }
    }
}
