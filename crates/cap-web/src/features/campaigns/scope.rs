//! `POST /campaigns/{id}/scope`: the pillars a campaign covers. While in preparation they can be
//! chosen freely; once answering has opened, pillars can only be added (« Services rendus » first,
//! the others later), so no answer ever falls out of scope.

use crate::app::AppState;
use crate::audit::record;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};
use cap_domain::campaign::CampaignStatus;
use cap_domain::referential::NodeKind;
use cap_storage::{StorageError, campaigns};

/// The pillars ticked, and the campaign's version the page was drawn from (required: a change
/// made meanwhile is not overwritten).
#[derive(Debug, serde::Deserialize)]
pub struct ScopeForm {
    #[serde(default, rename = "pillar")]
    pillars: Vec<String>,
    version: i64,
}

/// Saves the scope.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: Result<Form<ScopeForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(ScopeForm { pillars: ticked, version }) = form?;
    let back = format!("/campaigns/{id}");
    let pillars: Vec<String> = loaded
        .referential
        .referential
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Pillar || n.parent.is_none())
        .map(|n| n.code.clone())
        .collect();
    let chosen: Vec<String> = pillars.iter().filter(|p| ticked.contains(p)).cloned().collect();
    let status = loaded.campaign.status;
    let old: Vec<String> =
        if loaded.campaign.scope.is_empty() { pillars.clone() } else { loaded.campaign.scope.clone() };
    let allowed = match status {
        CampaignStatus::Preparation => true,
        CampaignStatus::SelfAssessment => old.iter().all(|p| chosen.contains(p)),
        _ => false,
    };
    if chosen.is_empty() || !allowed {
        return Ok(redirect_with_flash(&state, &back, "flash.scope_refused"));
    }
    // Every pillar chosen is stored as « all », so pillars of a later version are not left out.
    let scope = if chosen.len() == pillars.len() { Vec::new() } else { chosen };
    match campaigns::set_scope(&state.db, id, &scope, version).await {
        Ok(()) => {
            record(&state, &ctx, "campaigns.scope", "campaign", &id, &scope.join(",")).await?;
            Ok(redirect_with_flash(&state, &back, "flash.scope_saved"))
        }
        Err(StorageError::Stale) => Ok(redirect_with_flash(&state, &back, "flash.campaign_changed")),
        Err(e) => Err(e.into()),
    }
}
