//! The audit entry of a write made during a request: who, from the request's context.

use crate::app::AppState;
use crate::error::AppResult;
use crate::session::RequestContext;

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
