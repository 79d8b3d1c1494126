//! The audit log of writes: who did what, to what, when and from where. Every use case that
//! writes appends its entry with a stable action code (`campaigns.create`, `plans.import`…).

use crate::app::App;
use crate::error::Result;
use cap_domain::UserId;
use cap_storage::audit;

/// Who made a write and from where, as the audit log records it.
#[derive(Debug, Clone, Default)]
pub struct Author {
    /// The account, when someone is signed in.
    pub user: Option<UserId>,
    /// Their name, as others see it (an inviter's name in an invitation).
    pub name: String,
    /// How the log names them: their e-mail, or « anonyme ».
    pub label: String,
    /// The client's address.
    pub ip: String,
}

/// Appends an audit entry for a write made by `by`.
pub async fn record(
    app: &App,
    by: &Author,
    action: &str,
    entity: &str,
    entity_id: &(dyn std::fmt::Display + Sync),
    details: &str,
) -> Result<()> {
    audit::append(
        &app.db,
        audit::NewEntry {
            actor: by.user,
            actor_label: &by.label,
            action,
            entity,
            entity_id: &entity_id.to_string(),
            details,
            ip: &by.ip,
        },
    )
    .await?;
    Ok(())
}
