//! `POST /campaigns/{id}/remind/{participant}`: one click e-mails a participant who has not
//! finished, with the link to their answers. On a venue copy, where no e-mail leaves, it shows
//! their personal link and its QR code instead, to scan there and then.

use super::LinkPage;
use crate::app::AppState;
use crate::audit::record;
use crate::error::{AppError, AppResult};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{load, run};
use cap_app::i18n::{Locale, Tr};
use cap_app::links::campaign_link;
use cap_storage::campaigns;

/// Sends the reminder.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, participant)): Path<(i64, i64)>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let back = format!("/campaigns/{id}");
    if !loaded.steps.any_answers_open() {
        return Ok(redirect_with_flash(&state, &back, "flash.answers_closed"));
    }
    let p = campaigns::participants(&state.db, id)
        .await?
        .into_iter()
        .find(|p| p.id == participant)
        .ok_or(AppError::NotFound)?;
    if state.config.venue.is_some() {
        let entry = ctx.author().entry("campaigns.personal_link_shown", "campaign", id, p.display_name.clone());
        let link = campaign_link(&state, id, (p.user_id, &p.email), Some(viewer.actor.user_id), Some(entry)).await?;
        let qr = crate::qr::qr_svg(&link)?;
        let shown =
            LinkPage { page, campaign_id: id, name: p.display_name, email: String::new(), link, qr, mailed: false };
        return Ok(shown.into_response());
    }
    // What the participant was asked to answer so far, open pillars and closed ones alike.
    let total = loaded.indicators().len();
    let link = state.config.link(&format!("/campaigns/{id}/answer"));
    let (fr, en) = (Tr::new(Locale::Fr), Tr::new(Locale::En));
    let deadline = loaded
        .campaign
        .consolidation_on
        .as_deref()
        .map(|d| format!(" (avant le {} / before {})", fr.date(d), en.date(d)))
        .unwrap_or_default();
    let progress = |t: Tr| t.tn("campaign.progress", &[p.answered.to_string(), total.to_string()]);
    let body = format!(
        "Bonjour {name},\n\n{coordinator} vous rappelle l'auto-évaluation « {title} » de {org}{deadline}.\n\
         Vous en êtes à {done_fr}. Vos réponses sont enregistrées au fur et à mesure : reprenez où vous en étiez.\n\n{link}\n\n---\n\n\
         Hello {name},\n\n{coordinator} reminds you of the self-assessment \"{title}\" of {org}.\n\
         You have given {done_en}. Your answers are saved as you go: pick up where you left off.\n\n{link}\n",
        name = p.display_name,
        coordinator = viewer.user.display_name,
        title = loaded.campaign.title,
        org = loaded.org.name,
        done_fr = progress(fr),
        done_en = progress(en),
    );
    if let Err(err) = state.mailer.send(&p.email, "Rappel : votre auto-évaluation Cap / Reminder", body).await {
        tracing::error!(error = %err, "reminder not sent");
        return Ok(redirect_with_flash(&state, &back, "flash.reminder_failed"));
    }
    record(&state, &ctx, "campaigns.remind", "campaign", &id, &p.email).await?;
    Ok(redirect_with_flash(&state, &back, "flash.reminder_sent"))
}
