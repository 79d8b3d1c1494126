//! `GET/POST /admin/referentials/import`: upload (or paste) a referential or offers file; every
//! problem is listed with its line and nothing is written until the whole file is valid.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::ProblemRow;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::referential_files::{self, Checked, ImportError};
use cap_domain::validation::upload_file_name;
use cap_storage::referentials;

/// Largest file accepted (a referential of several thousand indicators).
pub const MAX_UPLOAD_BYTES: usize = 4 * 1024 * 1024;

/// A problem as shown.

#[derive(Template, WebTemplate)]
#[template(path = "admin/referential_import.html")]
struct ImportPage {
    page: Page,
    file_name: String,
    text: String,
    problems: Vec<ProblemRow>,
}

/// Shows the upload form.
pub async fn form(page: Page) -> Response {
    ImportPage { page, file_name: String::new(), text: String::new(), problems: Vec::new() }.into_response()
}

/// Checks, then imports the file.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(_): SignedIn,
    page: Page,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let failed = |e: axum::extract::multipart::MultipartError| AppError::from_multipart(&e, MAX_UPLOAD_BYTES);
    let mut raw_name = String::new();
    let mut uploaded = axum::body::Bytes::new();
    let mut pasted = String::new();
    while let Some(field) = multipart.next_field().await.map_err(failed)? {
        match field.name() {
            Some("file") => {
                raw_name = field.file_name().unwrap_or_default().to_owned();
                uploaded = field.bytes().await.map_err(failed)?;
            }
            Some("text") => pasted = field.text().await.map_err(failed)?,
            _ => {}
        }
    }
    let t = page.t;
    let problems = |list: Vec<ProblemRow>, page: Page, text: String, file_name: String| {
        (StatusCode::UNPROCESSABLE_ENTITY, ImportPage { page, file_name, text, problems: list }).into_response()
    };
    let refuse = |message: String, line: Option<usize>, page: Page, text: String| {
        problems(vec![ProblemRow { line, message }], page, text, String::new())
    };
    let file_name = match upload_file_name(&raw_name) {
        Ok(name) => name,
        Err(e) => return Ok(refuse(t.t(e.key).to_owned(), None, page, pasted)),
    };
    let uploaded = match std::str::from_utf8(&uploaded) {
        Ok(text) => text.to_owned(),
        Err(e) => {
            let line = line_at(&uploaded, e.valid_up_to());
            return Ok(refuse(t.t1("error.upload.encoding", line), Some(line), page, pasted));
        }
    };
    let text = if uploaded.trim().is_empty() { pasted } else { uploaded };
    if let Some(at) = text.find('\0') {
        let line = line_at(text.as_bytes(), at);
        return Ok(refuse(t.t1("error.upload.nul", line), Some(line), page, String::new()));
    }
    if text.trim().is_empty() {
        let row = ProblemRow { line: None, message: t.t("referential.import_empty").to_owned() };
        return Ok(problems(vec![row], page, text, file_name));
    }
    let by = ctx.author();
    match referential_files::import(&state.db, &text, Some((&by, &file_name)), false).await {
        Ok((Checked::Offers(_), _)) => Ok(redirect_with_flash(&state, "/admin/services", "flash.offers_imported")),
        Ok((Checked::Referential(r), Some(id))) => {
            let previous = match &r.previous {
                Some(v) => referentials::find(&state.db, &r.code, v).await?,
                None => None,
            };
            let to = match previous {
                Some(old) => format!("/admin/referentials/diff?from={old}&to={id}"),
                None => format!("/referentials/{id}"),
            };
            Ok(redirect_with_flash(&state, &to, "flash.referential_imported"))
        }
        Ok((Checked::Referential(_), None)) => Err(AppError::Internal("import without id".into())),
        Err(ImportError::Invalid(list)) => {
            let rows = list.into_iter().map(|p| ProblemRow { line: p.line, message: t.tn(p.key, &p.args) }).collect();
            Ok(problems(rows, page, text, file_name))
        }
        Err(ImportError::AlreadyImported) => {
            let row = ProblemRow { line: Some(1), message: t.t("referential.import_exists").to_owned() };
            Ok(problems(vec![row], page, text, file_name))
        }
        Err(ImportError::Storage(e)) => Err(e.into()),
    }
}

/// The line (from 1) of the byte at `offset`.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())].iter().filter(|b| **b == b'\n').count() + 1
}
