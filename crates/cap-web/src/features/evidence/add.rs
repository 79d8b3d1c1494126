//! `GET/POST /campaigns/{id}/consolidation/{code}/evidence`: adds a piece of evidence (a title
//! and the address where it is kept, or the document itself) to an indicator's shared answer,
//! from its consolidation page (whoever runs the campaign) or from an answering page (`?page=N`,
//! a participant); a mistake is told beside its field with what was typed kept.

use super::back_to;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::forms::upload::{self, Uploaded};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::Loaded;
use cap_domain::evidence::EvidenceInput;
use cap_domain::practice::MAX_FILE_BYTES;

/// What the server reads of the form before it cuts the connection: twice a document at its
/// largest, so that a larger one still gets the form back with its message.
pub const READ_UP_TO_BYTES: usize = 2 * MAX_FILE_BYTES + 64 * 1024;

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
    /// A file was sent with a form shown again: browsers cannot give it back, so say so.
    file_dropped: bool,
}

fn render(
    page: Page,
    loaded: Loaded,
    from_page: Option<usize>,
    code: &str,
    typed: EvidenceForm,
    errors: FormErrors,
    file_dropped: bool,
) -> AppResult<EvidencePage> {
    let statement = loaded
        .indicators()
        .into_iter()
        .find(|n| n.code == code)
        .map(|n| n.label().to_owned())
        .ok_or(AppError::NotFound)?;
    Ok(EvidencePage { page, loaded, from_page, code: code.to_owned(), statement, typed, errors, file_dropped })
}

/// The form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, code)): Path<(i64, String)>,
    Query(from): Query<Origin>,
    page: Page,
) -> AppResult<Response> {
    let loaded = cap_app::evidence::load_to_add(&state, &viewer, id).await?;
    Ok(render(page, loaded, from.page, &code, EvidenceForm::default(), FormErrors::new(), false)?.into_response())
}

/// Adds the evidence, or shows the form again with each problem beside its field.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, code)): Path<(i64, String)>,
    Query(from): Query<Origin>,
    page: Page,
    request: Request,
) -> AppResult<Response> {
    let loaded = cap_app::evidence::load_to_add(&state, &viewer, id).await?;
    let received: Uploaded = upload::receive(&state, request, "file", MAX_FILE_BYTES).await?;
    let typed = EvidenceForm { title: received.text("title").to_owned(), url: received.text("url").to_owned() };
    let file = received.files.first();
    let parsed = if received.too_large {
        Err(vec![("file", cap_domain::ValidationError::new("error.practice.file_too_big"))])
    } else {
        EvidenceInput::parse(&typed.title, &typed.url, file.map(|f| (f.name.as_str(), &f.bytes[..])))
    };
    match parsed {
        Ok(input) => {
            let content = file.map_or(&[][..], |f| &f.bytes[..]);
            cap_app::evidence::add(&state, &ctx.author(), &loaded, &code, &input, content).await?;
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
            let dropped = received.too_large || file.is_some();
            let rendered = render(page, loaded, from.page, &code, typed, errors, dropped)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response())
        }
    }
}
