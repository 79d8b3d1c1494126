//! The audit entry of a write made during a request: who, from the request's context.

use crate::app::AppState;
use crate::error::AppResult;
use crate::session::RequestContext;
use cap_app::audit::Author;

/// Appends an audit entry for a write made during this request.
pub async fn record(
    state: &AppState,
    ctx: &RequestContext,
    action: &str,
    entity: &str,
    entity_id: &(dyn std::fmt::Display + Sync),
    details: &str,
) -> AppResult<()> {
    Ok(cap_app::audit::record(state, &ctx.author(), action, entity, entity_id, details).await?)
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
    let by = Author { user: actor, name: String::new(), label: actor_label.to_owned(), ip: ctx.client_ip.clone() };
    Ok(cap_app::audit::record(state, &by, action, entity, entity_id, details).await?)
}
