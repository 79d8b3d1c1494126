//! Use cases of the progress plan that the pages, the spreadsheet import, the API and the jobs
//! share.

use crate::error::Result;
use crate::i18n::paris_today;
use cap_domain::plan::{Followed, completion, parse_date};
use cap_storage::Db;
use cap_storage::plans::{self, Action};

/// Columns of the plan sheet, by message key, as the import reads them back.
pub const PLAN_COLUMNS: [&str; 14] = [
    "export.number",
    "action.title",
    "action.description",
    "action.indicators",
    "action.responsible",
    "action.contributors",
    "action.starts_on",
    "action.due_on",
    "action.status_label",
    "action.progress",
    "export.priority",
    "action.offer",
    "action.notes",
    "export.version",
];

/// An action as the follow-up sees it.
pub fn followed(a: &Action) -> Followed {
    Followed { status: a.status, progress: a.progress, due: a.due_on.as_deref().and_then(parse_date) }
}

/// Records today's completion of the plan, so the plan's progress can be drawn over time.
pub async fn record_completion(db: &Db, plan: i64) -> Result<()> {
    let actions = plans::actions(db, plan).await?;
    let done: Vec<Followed> = actions.iter().filter(|a| !a.proposed).map(followed).collect();
    if let Some(share) = completion(&done) {
        let per_mille = (share * 1000.0).round() as i64;
        plans::record_completion(db, plan, &paris_today().to_string(), per_mille).await?;
    }
    Ok(())
}
