//! `GET /c/{token}`: a personal campaign link. It signs its holder in to that campaign only and
//! takes them to their answers; it can be used again until it expires.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::{Ctx, start_scoped_session};
use crate::shared_pages::link_invalid;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use cap_domain::UserId;
use cap_storage::tokens::{self, Purpose};
use cap_storage::{StorageError, campaigns};

/// Opens the campaign.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(token): Path<String>,
    page: Page,
) -> AppResult<Response> {
    let found = match tokens::peek(&state.db, &state.keys.hash_token(&token), Purpose::CampaignLink, cap_storage::now())
        .await
    {
        Ok(t) => t,
        Err(StorageError::NotFound) => return Ok(link_invalid(page)),
        Err(e) => return Err(e.into()),
    };
    let campaign = serde_json::from_str::<serde_json::Value>(&found.payload).ok().and_then(|v| v["campaign"].as_i64());
    let (Some(campaign), Some(user)) = (campaign, found.user_id.map(UserId)) else { return Ok(link_invalid(page)) };
    if campaigns::participant_of(&state.db, campaign, user).await?.is_none() {
        return Ok(link_invalid(page));
    }
    let signed_in = cap_storage::audit::NewEntry {
        actor: Some(user),
        actor_label: &found.email,
        action: "campaigns.personal_link",
        entity: "campaign",
        entity_id: &campaign.to_string(),
        details: "",
        ip: &ctx.client_ip,
    };
    let cookie = start_scoped_session(&state, user, Some(campaign), Some(&signed_in)).await?;
    Ok((AppendHeaders([(header::SET_COOKIE, cookie)]), Redirect::to(&format!("/campaigns/{campaign}/answer")))
        .into_response())
}
