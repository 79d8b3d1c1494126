//! `POST /campaigns/{id}/review/threads` opens a thread about the photographie, an indicator or
//! an action; `…/threads/{thread}/reply` answers in it; `…/threads/{thread}/resolve` marks it
//! resolved or open again. Reviewers while their access is open and the coordinator may write; a
//! thread is resolved by its author or the coordinator; every comment is in the audit log.

use super::page::{Filters, render};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::load;
use cap_app::campaigns::review;
use cap_domain::authz::Permission;
use cap_domain::review::{CommentTarget, comment_body};
use cap_storage::reviews;

/// A new thread: what it is about (a code of the page's list) and its first comment.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ThreadForm {
    target: String,
    body: String,
}

/// An answer in a thread.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ReplyForm {
    body: String,
}

/// Resolving a thread (`resolved=1`, also when absent) or opening it again (`resolved=0`).
#[derive(Debug, serde::Deserialize)]
pub struct ResolveForm {
    #[serde(default = "crate::forms::yes", deserialize_with = "crate::forms::one_or_zero")]
    resolved: bool,
}

/// Opens a thread.
pub async fn open(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<ThreadForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, review).await?;
    let Form(ThreadForm { target, body }) = form?;
    let mut rendered = render(&state, page, &viewer, loaded, &Filters::default()).await?;
    let known = rendered.targets.iter().any(|o| o.value == target) && CommentTarget::from_code(&target).is_some();
    if !known {
        rendered.comment_errors.add("target", "error.review.target");
    }
    let checked = rendered.comment_errors.check("body", comment_body(&body));
    rendered.target = target.clone();
    rendered.body = body;
    let Some(text) = checked.filter(|_| known) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    };
    let entry = ctx.author().entry("reviews.comment", "campaign", id, target.as_str());
    let thread = reviews::open_thread(state.db.audited(entry), id, &target, viewer.actor.user_id, &text).await?;
    Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/review#thread-{thread}"), "flash.comment_saved"))
}

/// Answers in a thread.
pub async fn reply(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, thread)): Path<(i64, i64)>,
    page: Page,
    form: Result<Form<ReplyForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, review).await?;
    let Form(form) = form?;
    let text = match comment_body(&form.body) {
        Ok(text) => text,
        Err(e) => {
            let mut rendered = render(&state, page, &viewer, loaded, &Filters::default()).await?;
            if !rendered.threads.iter().any(|t| t.first.id == thread) {
                return Err(AppError::NotFound);
            }
            rendered.comment_errors.add("reply", e.key);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
        }
    };
    let entry = ctx.author().entry("reviews.reply", "campaign", id, format!("#{thread}"));
    reviews::reply(state.db.audited(entry), id, thread, viewer.actor.user_id, &text).await?;
    Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/review#thread-{thread}"), "flash.comment_saved"))
}

/// Marks a thread resolved (`resolved=1`) or open again.
pub async fn resolve(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, thread)): Path<(i64, i64)>,
    form: Result<Form<ResolveForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, review).await?;
    let first = reviews::comments(&state.db, id)
        .await?
        .into_iter()
        .find(|c| c.id == thread && c.thread_id.is_none())
        .ok_or(AppError::NotFound)?;
    let author = first.author_user_id == Some(viewer.actor.user_id.0);
    viewer.require(Permission::ResolveThread { org: loaded.org.authz_ref(), author })?;
    let Form(ResolveForm { resolved }) = form?;
    let action = if resolved { "reviews.resolve" } else { "reviews.reopen" };
    let entry = ctx.author().entry(action, "campaign", id, format!("#{thread}"));
    reviews::set_resolved(state.db.audited(entry), id, thread, resolved.then_some(viewer.actor.user_id)).await?;
    let flash = if resolved { "flash.thread_resolved" } else { "flash.thread_reopened" };
    Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/review#thread-{thread}"), flash))
}
