//! `POST /group-campaigns/{id}/sharing`: the group's lead decides whether the structures see the
//! démarche's page (each keeps its own photographie either way).

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;

/// Shared (`shared=1`) or not (`shared=0`), decided on `version`.
#[derive(Debug, serde::Deserialize)]
pub struct ShareForm {
    #[serde(default, deserialize_with = "crate::forms::one_or_zero")]
    shared: bool,
    #[serde(default)]
    version: i64,
}

/// Records the decision.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: Result<Form<ShareForm>, AppError>,
) -> AppResult<Response> {
    let found = cap_storage::group_campaigns::get(&state.db, id).await?;
    viewer.require(cap_domain::authz::Permission::ViewGroup(cap_domain::GroupId(found.group_id)))?;
    let Form(ShareForm { shared, version }) = form?;
    cap_app::group_campaigns::set_shared(&state, &ctx.author(), &viewer, id, shared, version).await?;
    Ok(redirect_with_flash(&state, &format!("/group-campaigns/{id}"), "flash.group_campaign_shared"))
}
