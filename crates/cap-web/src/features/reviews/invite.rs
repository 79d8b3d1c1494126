//! `POST /campaigns/{id}/review/reviewers`: the coordinator invites a pair from the directory or a
//! tiers (a regional delegate) for a few days. A member of the reviewed organisation is refused; a
//! member of the same group only once the conflict is acknowledged; someone whose access is open
//! or still to come is not invited twice. The reviewer is told by e-mail; the invitation is in
//! the audit log.

use super::page::{Filters, InviteForm, already_invited, render};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::invite;
use cap_app::campaigns::load;
use cap_app::i18n::{Locale, Tr, paris_today};
use cap_domain::UserId;
use cap_domain::review::{AccessWindow, ReviewerKind, conflicts};
use cap_storage::directory;
use cap_storage::reviews::{self, NewGrant};

/// Gives the chosen person access to the campaign's review.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<InviteForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, invite).await?;
    let Form(form) = form?;
    let org_ref = loaded.org.authz_ref();
    let (org_name, campaign_title) = (loaded.org.name.clone(), loaded.campaign.title.clone());
    let mut rendered = render(&state, page, &viewer, loaded, &Filters::default()).await?;
    // Who: a volunteer of the directory as a pair, or a regional delegate as a tiers.
    let mut untrained = false;
    let person = match form.reviewer() {
        Some((ReviewerKind::Pair, user)) => {
            let found = directory::volunteers(&state.db).await?.into_iter().find(|v| v.user_id == user);
            untrained = found.as_ref().is_some_and(|v| !v.stage().may_review());
            found.map(|v| (ReviewerKind::Pair, UserId(v.user_id), v.email, v.display_name))
        }
        Some((ReviewerKind::Tiers, user)) => directory::delegates(&state.db)
            .await?
            .into_iter()
            .find(|d| d.user_id == user)
            .map(|d| (ReviewerKind::Tiers, UserId(d.user_id), d.email, d.display_name)),
        // A State officer is given an access from its own page, never picked here.
        Some((ReviewerKind::State, _)) | None => None,
    };
    rendered.form = form;
    if person.is_none() {
        rendered.errors.add("reviewer", "error.review.reviewer");
    }
    let window = match AccessWindow::parse(&rendered.form.starts_on, &rendered.form.ends_on, paris_today()) {
        Ok(w) => Some(w),
        Err(problems) => {
            for (f, e) in problems {
                rendered.errors.add(f, e.key);
            }
            None
        }
    };
    // Only trained pairs review, unless the coordinator makes a deliberate, audited exception.
    if untrained && !rendered.form.accept_untrained {
        rendered.errors.add("accept_untrained", "error.review.untrained");
    }
    rendered.untrained = untrained;
    let mut acknowledged = Vec::new();
    if let Some((_, user, _, _)) = &person
        && already_invited(&reviews::grants(&state.db, id).await?, user.0, paris_today())
    {
        rendered.errors.add("reviewer", "error.review.already_invited");
    } else if let Some((_, user, _, _)) = &person {
        let found = conflicts(&directory::organisations_of(&state.db, *user).await?, org_ref);
        rendered.conflict_keys = found.iter().map(|c| c.label_key()).collect();
        if found.iter().any(|c| c.blocking()) {
            rendered.errors.add("reviewer", "error.review.conflict_blocking");
        } else if !found.is_empty() && !rendered.form.accept_conflict {
            rendered.errors.add("accept_conflict", "error.review.conflict_unacknowledged");
        }
        acknowledged = found.iter().map(|c| c.code()).collect();
    }
    let (Some((kind, user, email, name)), Some(window), true) = (person, window, rendered.errors.is_empty()) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    };
    let (starts_on, ends_on) = (window.starts_on.to_string(), window.ends_on.to_string());
    let conflicts_noted = acknowledged.join(",");
    let exception = if untrained { " non formé·e" } else { "" };
    let details = format!("{} {email} {starts_on}..{ends_on} {conflicts_noted}{exception}", kind.code());
    reviews::grant(
        state.db.audited(ctx.author().entry("reviews.invite", "campaign", id, details.trim())),
        &NewGrant {
            campaign: id,
            user,
            kind,
            starts_on: &starts_on,
            ends_on: &ends_on,
            conflicts: &conflicts_noted,
            by: Some(viewer.actor.user_id),
        },
    )
    .await?;
    let link = state.config.link(&format!("/campaigns/{id}/review"));
    let (fr, en) = (Tr::new(Locale::Fr), Tr::new(Locale::En));
    let body = format!(
        "Bonjour {name},\n\n{inviter} vous invite à relire l'auto-évaluation « {campaign_title} » de {org_name}, \
         du {from_fr} au {to_fr}. Vous pourrez lire sa photographie et son plan de progrès, et commenter.\n\n{link}\n\n---\n\n\
         Hello {name},\n\n{inviter} invites you to review the self-assessment \"{campaign_title}\" of {org_name}, \
         from {from_en} to {to_en}. You will read its photographie and progress plan, and comment.\n\n{link}\n",
        inviter = viewer.user.display_name,
        from_fr = fr.date(&starts_on),
        to_fr = fr.date(&ends_on),
        from_en = en.date(&starts_on),
        to_en = en.date(&ends_on),
    );
    if let Err(err) =
        state.mailer.send(&email, "Invitation à relire une auto-évaluation Cap / Review invitation", body).await
    {
        // The access is given; the inviter is told the e-mail did not leave.
        tracing::error!(error = %err, "review invitation not sent");
        return Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/review"), "flash.reviewer_invited_no_mail"));
    }
    Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/review"), "flash.reviewer_invited"))
}
