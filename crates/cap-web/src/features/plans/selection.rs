//! `POST /campaigns/{id}/plan/selection`: accepts, merges or discards the actions ticked in the
//! plan's list.

use super::load_plan;
use crate::app::AppState;
use crate::audit::record;
use crate::error::AppResult;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::run;
use cap_storage::{StorageError, plans};

/// Applies the chosen operation to the ticked actions.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let p = load_plan(&state, &viewer, id, run).await?;
    let back = format!("/campaigns/{id}/plan");
    let ids: Vec<i64> = fields.iter().filter(|(k, _)| k == "action").filter_map(|(_, v)| v.parse().ok()).collect();
    let op = fields.iter().find(|(k, _)| k == "op").map_or("", |(_, v)| v.as_str());
    if ids.is_empty() {
        return Ok(redirect_with_flash(&state, &back, "flash.plan_select_some"));
    }
    let plan = p.plan.id;
    let flash = match op {
        "accept" => {
            plans::accept(&state.db, plan, &ids).await?;
            "flash.plan_accepted"
        }
        "discard" => {
            plans::discard(&state.db, plan, &ids).await?;
            "flash.plan_discarded"
        }
        "merge" if ids.len() >= 2 => match plans::merge(&state.db, plan, &ids).await {
            Ok(_) => "flash.plan_merged",
            Err(StorageError::Stale | StorageError::NotFound) => "flash.plan_changed",
            Err(e) => return Err(e.into()),
        },
        "merge" => "flash.plan_merge_two",
        _ => return Ok(redirect_with_flash(&state, &back, "flash.plan_select_some")),
    };
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    record(&state, &ctx, &format!("plans.{op}"), "plan", &plan, &list).await?;
    cap_app::plans::record_completion(&state.db, plan).await?;
    Ok(redirect_with_flash(&state, &back, flash))
}
