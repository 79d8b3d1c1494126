//! `POST /campaigns/{id}/scope`: the pillars a campaign covers. While in preparation they can be
//! chosen freely; once answering has opened, pillars can only be added (« Services rendus » first,
//! the others later), so no answer ever falls out of scope.

use crate::app::AppState;
use crate::audit::record;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{load, run};
use cap_domain::campaign::CampaignStatus;
use cap_domain::referential::NodeKind;
use cap_storage::{StorageError, campaigns};

/// Saves the scope.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let back = format!("/campaigns/{id}");
    let pillars: Vec<String> = loaded
        .referential
        .referential
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Pillar || n.parent.is_none())
        .map(|n| n.code.clone())
        .collect();
    let chosen: Vec<String> =
        pillars.iter().filter(|p| fields.iter().any(|(k, v)| k == "pillar" && v == *p)).cloned().collect();
    let version: i64 = fields.iter().find(|(k, _)| k == "version").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
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
