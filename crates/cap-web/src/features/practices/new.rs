//! `GET/POST /practices/new`: a member shares a practice, a tool or a testimony in one of their
//! organisations' names, linked to indicators, with up to three attachments. It waits for the
//! region's delegates, who are told by e-mail; nothing is shown to the network before.

use super::form::{self, Typed};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn, Viewer};
use axum::extract::{Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::practices::{default_version, sharing_organisations};
use cap_domain::{OrganisationId, RegionId};
use cap_storage::organisations;
use cap_storage::practices;
use serde::Deserialize;

/// What the form opens on.
#[derive(Debug, Default, Deserialize)]
pub struct Start {
    /// The referential version whose indicators are offered (default: the federation's).
    #[serde(default)]
    pub referential: Option<i64>,
    /// An indicator ticked from the start (the page the member came from).
    #[serde(default)]
    pub indicator: String,
}

/// The organisations the viewer shares for; a viewer who belongs to none may not share.
async fn organisations_or_refuse(state: &AppState, viewer: &Viewer) -> AppResult<Vec<(i64, String)>> {
    let mine = sharing_organisations(state, viewer).await?;
    if mine.is_empty() { Err(AppError::Forbidden) } else { Ok(mine) }
}

/// Shows the form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Query(start): Query<Start>,
    page: Page,
) -> AppResult<Response> {
    let mine = organisations_or_refuse(&state, &viewer).await?;
    let version = match start.referential {
        Some(v) => v,
        None => default_version(&state).await?.ok_or(AppError::NotFound)?,
    };
    let typed = Typed { indicators: vec![start.indicator.trim().to_owned()], ..Typed::default() };
    Ok(form::render(&state, page, &mine, version, &typed, None).await?.into_response())
}

/// Checks everything, then shares the practice; or shows the form again with what was typed.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    page: Page,
    request: Request,
) -> AppResult<Response> {
    // Authorise before reading the upload, so a refused request learns nothing from its body.
    let mine = organisations_or_refuse(&state, &viewer).await?;
    let received = form::receive(&state, request).await?;
    let version = received.typed.referential.ok_or(AppError::BadRequest)?;
    let mut rendered = form::render(&state, page, &mine, version, &received.typed, None).await?;
    let organisation = mine.iter().find(|(id, _)| id.to_string() == received.typed.organisation.trim());
    if organisation.is_none() {
        rendered.errors.add("organisation", "error.select.invalid");
    }
    let checked = form::check(&state, &mut rendered, &received, 0).await?;
    let (Some((input, files)), Some((org_id, org_name))) = (checked, organisation) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    };
    let files = form::to_store(&files);
    let referential = state.referentials.get(&state.db, version).await?;
    let org = OrganisationId(*org_id);
    let details = format!("{} {}: {}", input.kind.code(), org_name, input.indicators.join(", "));
    let entry = ctx.author().entry("practices.share", "practice", "", details);
    let id = practices::add(
        state.db.audited(entry),
        org,
        viewer.actor.user_id,
        &referential.referential.code,
        &input,
        &files,
    )
    .await?;
    let region = RegionId(organisations::get(&state.db, org).await?.region_id);
    form::tell_delegates(&state, region, id, &input.title, org_name).await;
    Ok(redirect_with_flash(&state, &format!("/practices/{id}"), "flash.practice_shared"))
}
