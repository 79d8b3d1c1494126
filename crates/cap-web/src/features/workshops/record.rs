//! `POST /workshops/{id}/record`: the facilitator records the level the room agreed on, with a
//! note; it becomes the campaign's shared answer (from a workshop), kept beside the votes.

use super::{announce, load_for_facilitator};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_domain::campaign::AnswerValue;
use cap_domain::consolidation::{Tally, proposed_level};
use cap_storage::StorageError;
use cap_storage::campaigns::{self, NewConsolidated};
use cap_storage::workshops;
use serde::Deserialize;

/// The agreed level and the note.
#[derive(Debug, Deserialize)]
pub struct RecordForm {
    #[serde(default)]
    value: String,
    #[serde(default)]
    note: String,
}

/// Records it, replacing an earlier decision on the same indicator knowingly (the facilitator
/// sees the current one on the console).
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<RecordForm>,
) -> AppResult<Response> {
    let (w, loaded) = load_for_facilitator(&state, &viewer, id).await?;
    let back = format!("/workshops/{id}");
    let code = w.current().ok_or(AppError::NotFound)?.to_owned();
    let levels: Vec<i64> = loaded.referential.referential.scale.levels.iter().map(|l| l.value).collect();
    let Ok(value) = cap_domain::workshop::parse_vote(&form.value, &levels) else {
        return Ok(redirect_with_flash(&state, &back, "flash.workshop_choose_level"));
    };
    let cast: Vec<Option<AnswerValue>> =
        workshops::votes(&state.db, id, &code).await?.into_iter().map(|(_, _, v)| Some(v)).collect();
    let proposal = proposed_level(&Tally::of(&levels, cast.iter()).rated());
    let current = campaigns::consolidated(&state.db, loaded.campaign.id).await?.remove(&code).map_or(0, |c| c.version);
    let value = Some(value);
    let new = NewConsolidated {
        code: &code,
        value: &value,
        proposal,
        rationale: form.note.trim(),
        source: "workshop",
        decided_by: Some(viewer.actor.user_id),
    };
    let entry =
        ctx.author().entry("workshops.record", "campaign", loaded.campaign.id, format!("{code}: {}", form.value));
    match campaigns::save_consolidated(state.db.audited(entry), loaded.campaign.id, &new, current).await {
        Ok(_) => {
            announce(&state, id).await?;
            Ok(redirect_with_flash(&state, &back, "flash.workshop_recorded"))
        }
        // Recorded from the console a moment ago, from another tab: the room shows it already.
        Err(StorageError::Stale(_)) => Ok(redirect_with_flash(&state, &back, "flash.campaign_changed")),
        Err(e) => Err(e.into()),
    }
}
