//! `GET/POST /campaigns/{id}/consolidation/{code}/evidence`: adds a piece of evidence (a title
//! and the address where it is kept) to an indicator's shared answer, from its consolidation
//! page (whoever runs the campaign) or from an answering page (`?page=N`, a participant); a
//! mistake is told beside its field with what was typed kept.

use super::back_to;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, view};
use cap_domain::evidence::EvidenceInput;

/// What was typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct EvidenceForm {
    title: String,
    url: String,
}

/// The answering page the participant came from, if any.
#[derive(Debug, Clone, Copy, Default, serde::Deserialize)]
pub struct Origin {
    #[serde(default)]
    page: Option<usize>,
}

#[derive(Template, WebTemplate)]
#[template(path = "evidence/form.html")]
struct EvidencePage {
    page: Page,
    loaded: Loaded,
    /// The answering page to go back to, when the form was opened from one.
    from_page: Option<usize>,
    code: String,
    statement: String,
    typed: EvidenceForm,
    errors: FormErrors,
}

/// Those who take part in the campaign and those who run it add evidence.
async fn load_for_evidence(state: &AppState, viewer: &crate::session::Viewer, id: i64) -> AppResult<Loaded> {
    let loaded = load(state, viewer, id, view).await?;
    if !(loaded.links.run || loaded.me.is_some()) {
        return Err(AppError::NotFound);
    }
    Ok(loaded)
}

fn render(
    page: Page,
    loaded: Loaded,
    from_page: Option<usize>,
    code: &str,
    typed: EvidenceForm,
    errors: FormErrors,
) -> AppResult<EvidencePage> {
    let statement = loaded
        .indicators()
        .into_iter()
        .find(|n| n.code == code)
        .map(|n| n.label().to_owned())
        .ok_or(AppError::NotFound)?;
    Ok(EvidencePage { page, loaded, from_page, code: code.to_owned(), statement, typed, errors })
}

/// The form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, code)): Path<(i64, String)>,
    Query(from): Query<Origin>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load_for_evidence(&state, &viewer, id).await?;
    Ok(render(page, loaded, from.page, &code, EvidenceForm::default(), FormErrors::new())?.into_response())
}

/// Adds the evidence, or shows the form again with each problem beside its field.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, code)): Path<(i64, String)>,
    Query(from): Query<Origin>,
    page: Page,
    form: Result<Form<EvidenceForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load_for_evidence(&state, &viewer, id).await?;
    let Form(typed) = form?;
    match EvidenceInput::parse(&typed.title, &typed.url) {
        Ok(input) => {
            cap_app::evidence::add(&state, &ctx.author(), &loaded, &code, &input).await?;
            let back = match from.page {
                Some(n) => format!("/campaigns/{id}/answer/{n}#q-{code}"),
                None if loaded.links.run => back_to(id, &code),
                None => format!("/campaigns/{id}"),
            };
            Ok(redirect_with_flash(&state, &back, "flash.evidence_added"))
        }
        Err(problems) => {
            let mut errors = FormErrors::new();
            for (field, e) in problems {
                errors.add(field, e.key);
            }
            let rendered = render(page, loaded, from.page, &code, typed, errors)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response())
        }
    }
}
