//! `GET /practices/moderation`: the practices waiting in the delegate's regions, oldest first;
//! `POST /practices/{id}/moderate`: publish one, or refuse it (or take it back) with a reason the
//! author reads. A decision made meanwhile by another delegate is never overwritten.

use super::page::render;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::practices::{Card, cards};
use cap_app::practices::{Moderates, load_readable, may_moderate, moderated_regions};
use cap_domain::UserId;
use cap_domain::practice::{self, PracticeStatus};
use cap_storage::practices::{self, Filter, Practice};
use cap_storage::users;

#[derive(Template, WebTemplate)]
#[template(path = "practices/moderation.html")]
struct ModerationPage {
    page: Page,
    waiting: Vec<Card>,
}

/// Lists what waits for the viewer.
pub async fn list(State(state): State<AppState>, SignedIn(viewer): SignedIn, page: Page) -> AppResult<Response> {
    let pending = |region| Filter { status: Some(PracticeStatus::Pending), region, ..Filter::default() };
    let mut waiting: Vec<Practice> = match moderated_regions(&viewer) {
        Moderates::All => practices::list(&state.db, &pending(None)).await?,
        Moderates::Regions(regions) if !regions.is_empty() => {
            let mut all = Vec::new();
            for region in regions {
                all.extend(practices::list(&state.db, &pending(Some(region))).await?);
            }
            all
        }
        Moderates::Regions(_) => return Err(AppError::Forbidden),
    };
    // The longest waiting first.
    waiting.sort_by_key(|p| (p.created_at, p.id));
    Ok(ModerationPage { waiting: cards(&state, waiting).await?, page }.into_response())
}

/// A moderation as typed: the decision (a code), the reason given to the author, and the
/// practice's version the delegate read (required: a decision on a stale copy is refused).
#[derive(Debug, serde::Deserialize)]
pub struct ModerateForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    note: String,
    version: i64,
}

/// Publishes or refuses a practice.
pub async fn moderate(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<ModerateForm>, AppError>,
) -> AppResult<Response> {
    let current = load_readable(&state, &viewer, id).await?;
    if !may_moderate(&current, &viewer) {
        return Err(AppError::Forbidden);
    }
    let Form(form) = form?;
    let (status, note) = match practice::moderate(current.status, &form.decision, &form.note) {
        Ok(decided) => decided,
        Err(problems) => {
            let mut rendered = render(&state, page, &viewer, current).await?;
            for (f, e) in problems {
                rendered.errors.add(f, e.key);
            }
            rendered.decision = form.decision;
            rendered.note = form.note;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
        }
    };
    let entry = ctx.author().entry("practices.moderate", "practice", id, format!("{} {note}", status.code()).trim());
    practices::moderate(state.db.audited(entry), id, status, &note, viewer.actor.user_id, form.version).await?;
    tell_author(&state, &current, status, &note).await;
    let flash =
        if status == PracticeStatus::Published { "flash.practice_published" } else { "flash.practice_rejected" };
    Ok(redirect_with_flash(&state, "/practices/moderation", flash))
}

/// Tells the author what became of their practice; the decision stands whatever happens to the
/// e-mail.
async fn tell_author(state: &AppState, p: &Practice, status: PracticeStatus, note: &str) {
    let Some(author) = p.author_id else { return };
    let user = match users::get(&state.db, UserId(author)).await {
        Ok(user) if user.disabled_at.is_none() => user,
        Ok(_) => return,
        Err(err) => return tracing::error!(error = %err, "practice decision not sent"),
    };
    let link = state.config.link(&format!("/practices/{}", p.id));
    let title = &p.title;
    let (subject, body) = match status {
        PracticeStatus::Published => (
            "Votre pratique est publiée / Your practice is published",
            format!(
                "Bonjour {name},\n\n« {title} » est publiée : tous les membres du réseau peuvent la lire.\n\n{link}\n\n---\n\n\
                 Hello {name},\n\n\"{title}\" is published: every member of the network can read it.\n\n{link}\n",
                name = user.display_name
            ),
        ),
        _ => (
            "Votre pratique n'est pas publiée / Your practice is not published",
            format!(
                "Bonjour {name},\n\n« {title} » n'est pas publiée. La délégation régionale explique pourquoi :\n\n{note}\n\n{link}\n\n---\n\n\
                 Hello {name},\n\n\"{title}\" is not published. The regional delegation explains why:\n\n{note}\n\n{link}\n",
                name = user.display_name
            ),
        ),
    };
    if let Err(err) = state.mailer.send(&user.email, subject, body).await {
        tracing::error!(error = %err, "practice decision not sent");
    }
}
