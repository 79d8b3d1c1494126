//! `GET/POST /practices/{id}/edit`: the author corrects a practice (after a refusal, or to update
//! it): text, kind, indicators, attachments kept or added. It goes back to the region's delegates,
//! who are told again. A change made meanwhile (another tab, a delegate's decision) is never
//! overwritten: the form comes back with what was typed and says so.

use super::form::{self, Correction, KeptFile, Typed};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::practices::{human_size, load_own};
use cap_domain::RegionId;
use cap_storage::practices::{self, Practice};
use cap_storage::{StorageError, referentials};

/// The form's indicators come from the latest version of the practice's referential.
async fn version_of(state: &AppState, practice: &Practice) -> AppResult<i64> {
    referentials::latest_version(&state.db, &practice.referential_code).await?.ok_or(AppError::NotFound)
}

fn correction(practice: &Practice, fr: bool, keep: impl Fn(i64) -> bool, conflict: bool) -> Correction {
    Correction {
        id: practice.id,
        version: practice.version,
        files: practice
            .files
            .iter()
            .map(|f| KeptFile { file: f.clone(), size: human_size(f.size, fr), keep: keep(f.id) })
            .collect(),
        conflict,
    }
}

/// Shows the practice in the form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let practice = load_own(&state, &viewer, id).await?;
    let typed = Typed {
        kind: practice.kind.code().to_owned(),
        title: practice.title.clone(),
        body: practice.body.clone(),
        indicators: practice.indicators.clone(),
        ..Typed::default()
    };
    let version = version_of(&state, &practice).await?;
    let fr = page.t.lang() == "fr";
    let correction = correction(&practice, fr, |_| true, false);
    Ok(form::render(&state, page, &[], version, &typed, Some(correction)).await?.into_response())
}

/// Checks everything, then saves the correction; or shows the form again with what was typed.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    request: Request,
) -> AppResult<Response> {
    // Authorise before reading the upload, so a refused request learns nothing from its body.
    let practice = load_own(&state, &viewer, id).await?;
    let received = form::receive(&state, request).await?;
    let expected = received.typed.version.ok_or(AppError::BadRequest)?;
    let version = version_of(&state, &practice).await?;
    let fr = page.t.lang() == "fr";
    let keep: Vec<i64> = practice.files.iter().map(|f| f.id).filter(|f| received.typed.keep.contains(f)).collect();
    let stale = expected != practice.version;
    // A stale form shows the practice as it is now, with what was typed, for the author to decide.
    let shown = correction(&practice, fr, |f| keep.contains(&f), stale);
    let mut rendered = form::render(&state, page, &[], version, &received.typed, Some(shown)).await?;
    let checked = form::check(&state, &mut rendered, &received, keep.len()).await?;
    if stale {
        return Ok((StatusCode::CONFLICT, rendered).into_response());
    }
    let Some((input, files)) = checked else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    };
    let files = form::to_store(&files);
    let details = format!("{}: {}", input.kind.code(), input.indicators.join(", "));
    let entry = ctx.author().entry("practices.edit", "practice", id, details);
    match practices::update(state.db.audited(entry), id, expected, &input, &keep, &files).await {
        Ok(()) => {}
        Err(StorageError::Stale(_)) => {
            // Changed between our read and our write: show it again, as above.
            let now = practices::get(&state.db, id).await?;
            if let Some(c) = rendered.correction.as_mut() {
                *c = correction(&now, fr, |f| keep.contains(&f), true);
            }
            return Ok((StatusCode::CONFLICT, rendered).into_response());
        }
        Err(e) => return Err(e.into()),
    }
    form::tell_delegates(&state, RegionId(practice.region_id), id, &input.title, &practice.organisation).await;
    Ok(redirect_with_flash(&state, &format!("/practices/{id}"), "flash.practice_resubmitted"))
}
