//! The progress plan: generated from the gaps to the targets, edited by the coordinator
//! (accept, edit, merge, discard, add), validated, then followed up as a list and as a board.

pub mod action;
pub mod generate;
pub mod import;
pub mod proposals;
pub mod selection;
pub mod settings;
pub mod show;
pub mod status;
pub mod suggestions;
pub mod validate;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::SelectOption;
use crate::session::Viewer;
use cap_app::campaigns::{Loaded, load};
use cap_domain::OrganisationId;
use cap_domain::authz::Permission;
use cap_storage::memberships;
use cap_storage::organisations::Organisation;
use cap_storage::plans::{self, Plan};

/// Horizons offered, in months.
pub const HORIZONS: [i64; 5] = [3, 6, 8, 12, 18];

/// A campaign and its plan, loaded and authorised.
pub struct WithPlan {
    /// The campaign.
    pub loaded: Loaded,
    /// Its plan.
    pub plan: Plan,
}

/// Loads a campaign's plan (absent: not found) after checking `permission`.
pub async fn load_plan(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    permission: impl Fn(&Organisation, cap_app::campaigns::Relation) -> Permission,
) -> AppResult<WithPlan> {
    let loaded = load(state, viewer, id, permission).await?;
    let plan = plans::plan_of(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok(WithPlan { loaded, plan })
}

/// Who may be responsible for an action: the organisation's members, by name.
pub async fn responsible_options(
    state: &AppState,
    loaded: &Loaded,
    chosen: Option<i64>,
) -> AppResult<Vec<SelectOption>> {
    let mut seen = std::collections::HashSet::new();
    let mut options = Vec::new();
    for m in memberships::members_of(&state.db, OrganisationId(loaded.org.id)).await? {
        if seen.insert(m.stored.user_id.0) {
            options.push(SelectOption {
                value: m.stored.user_id.0.to_string(),
                label: m.display_name,
                selected: chosen == Some(m.stored.user_id.0),
            });
        }
    }
    Ok(options)
}
