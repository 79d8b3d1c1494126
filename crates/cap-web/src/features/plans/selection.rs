//! `POST /campaigns/{id}/plan/selection`: accepts, merges or discards the actions ticked in the
//! plan's list.

use super::load_plan;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::redirect_with_flash;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::run;
use cap_storage::{StorageError, plans};

/// What the coordinator does with the ticked proposals (the button pressed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Operation {
    /// Keep them in the plan.
    Accept,
    /// Drop them.
    Discard,
    /// Make one action of them.
    Merge,
}

impl Operation {
    /// The button's value, as the audit log names it (`plans.merge`).
    const fn code(self) -> &'static str {
        match self {
            Self::Accept => "accept",
            Self::Discard => "discard",
            Self::Merge => "merge",
        }
    }
}

/// The ticked proposals and the button pressed.
#[derive(Debug, serde::Deserialize)]
pub struct SelectionForm {
    /// The ticked actions.
    #[serde(default, rename = "action")]
    actions: Vec<i64>,
    /// The button pressed (none when the form was sent another way).
    #[serde(default)]
    op: Option<Operation>,
}

/// Applies the chosen operation to the ticked actions.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: Result<Form<SelectionForm>, AppError>,
) -> AppResult<Response> {
    let p = load_plan(&state, &viewer, id, run).await?;
    let Form(SelectionForm { actions: ids, op }) = form?;
    let back = format!("/campaigns/{id}/plan");
    let Some(op) = op.filter(|_| !ids.is_empty()) else {
        return Ok(redirect_with_flash(&state, &back, "flash.plan_select_some"));
    };
    let plan = p.plan.id;
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let entry = ctx.author().entry(&format!("plans.{}", op.code()), "plan", plan, list);
    let flash = match op {
        Operation::Accept => {
            plans::accept(state.db.audited(entry), plan, &ids).await?;
            "flash.plan_accepted"
        }
        Operation::Discard => {
            plans::discard(state.db.audited(entry), plan, &ids).await?;
            "flash.plan_discarded"
        }
        Operation::Merge if ids.len() >= 2 => match plans::merge(state.db.audited(entry), plan, &ids).await {
            Ok(_) => "flash.plan_merged",
            Err(StorageError::Stale(_) | StorageError::NotFound) => "flash.plan_changed",
            Err(e) => return Err(e.into()),
        },
        Operation::Merge => "flash.plan_merge_two",
    };
    cap_app::plans::record_completion(&state.db, plan).await?;
    Ok(redirect_with_flash(&state, &back, flash))
}
