//! Handlers, grouped by feature, one file per action.

pub mod account;
pub mod admin;
pub mod api;
pub mod assets;
pub mod auth;
pub mod campaigns;
pub mod choices;
pub mod deployment;
pub mod directory;
pub mod exports;
pub mod groups;
pub mod health;
pub mod home;
pub mod invitations;
pub mod network;
pub mod organisations;
pub mod plans;
pub mod practices;
pub mod referentials;
pub mod regions;
pub mod results;
pub mod reviews;
pub mod workshops;

use crate::app::AppState;
use crate::error::AppResult;
use crate::session::RequestContext;
use cap_storage::audit;

/// Appends an audit entry for a write made during this request.
pub async fn record(
    state: &AppState,
    ctx: &RequestContext,
    action: &str,
    entity: &str,
    entity_id: &(dyn std::fmt::Display + Sync),
    details: &str,
) -> AppResult<()> {
    let actor = ctx.viewer.as_ref().map(|v| v.actor.user_id);
    record_as(state, ctx, actor, &ctx.actor_label(), action, entity, entity_id, details).await
}

/// Appends an audit entry naming the actor explicitly (a user who just signed in or was created).
#[allow(clippy::too_many_arguments)]
pub async fn record_as(
    state: &AppState,
    ctx: &RequestContext,
    actor: Option<cap_domain::UserId>,
    actor_label: &str,
    action: &str,
    entity: &str,
    entity_id: &(dyn std::fmt::Display + Sync),
    details: &str,
) -> AppResult<()> {
    audit::append(
        &state.db,
        audit::NewEntry {
            actor,
            actor_label,
            action,
            entity,
            entity_id: &entity_id.to_string(),
            details,
            ip: &ctx.client_ip,
        },
    )
    .await?;
    Ok(())
}
