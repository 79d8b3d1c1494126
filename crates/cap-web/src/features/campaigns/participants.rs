//! `POST /campaigns/{id}/participants`: the coordinator adds a member of the organisation to the
//! campaign, with the collège they speak from.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};
use cap_domain::{College, OrganisationId, UserId};
use cap_storage::{StorageError, campaigns, memberships};
use serde::Deserialize;

/// Who joins, and from which collège.
#[derive(Debug, Deserialize)]
pub struct ParticipantForm {
    #[serde(default)]
    user: String,
    #[serde(default)]
    college: String,
}

/// Adds the participant.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<ParticipantForm>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    if state.config.venue.is_some() {
        // Someone added only on a venue copy would not exist on the server their answers go back to.
        return Ok(redirect_with_flash(&state, &format!("/campaigns/{id}"), "flash.venue_no_new_people"));
    }
    let back = format!("/campaigns/{id}");
    let (Ok(user), Ok(college)) = (form.user.parse::<i64>(), College::from_code(&form.college)) else {
        return Ok(redirect_with_flash(&state, &back, "flash.participant_incomplete"));
    };
    let member = memberships::members_of(&state.db, OrganisationId(loaded.org.id))
        .await?
        .into_iter()
        .any(|m| m.stored.user_id.0 == user);
    if !member {
        return Ok(redirect_with_flash(&state, &back, "flash.participant_not_member"));
    }
    let entry = ctx.author().entry("campaigns.add_participant", "campaign", id, format!("{user} {}", college.code()));
    match campaigns::add_participant(state.db.audited(entry), id, UserId(user), college).await {
        Ok(_) => Ok(redirect_with_flash(&state, &back, "flash.participant_added")),
        Err(StorageError::Conflict) => Ok(redirect_with_flash(&state, &back, "flash.participant_already")),
        Err(e) => Err(e.into()),
    }
}
