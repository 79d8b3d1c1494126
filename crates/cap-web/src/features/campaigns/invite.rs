//! `POST /campaigns/{id}/invite`: the coordinator adds someone new to a campaign with a first
//! name, a collège and, if they have one, an e-mail address. They get a personal link that opens
//! this campaign without a password (e-mailed, or handed over on paper); they can choose a
//! password later with « Mot de passe oublié » to get a full account.

use super::LinkPage;
use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{load, run};
use cap_app::links::campaign_link;
use cap_domain::{College, Email, Membership, OrganisationId, Role, Scope};
use cap_storage::{StorageError, campaigns, memberships, users};
use serde::Deserialize;

/// The new participant.
#[derive(Debug, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    college: String,
}

/// Adds the participant and gives their personal link.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    if state.config.venue.is_some() {
        // Someone added only on a venue copy would not exist on the server their answers go back to.
        return Ok(redirect_with_flash(&state, &format!("/campaigns/{id}"), "flash.venue_no_new_people"));
    }
    let back = format!("/campaigns/{id}");
    let name = form.display_name.trim();
    let college = College::from_code(&form.college);
    let email = if form.email.trim().is_empty() { Ok(None) } else { Email::parse(&form.email).map(Some) };
    let (false, Ok(college), Ok(email)) = (name.is_empty() || name.chars().count() > 100, college, email) else {
        return Ok(redirect_with_flash(&state, &back, "flash.campaign_invite_incomplete"));
    };
    // Without an e-mail address, the account gets a placeholder no mail is ever sent to.
    let address = match &email {
        Some(e) => e.clone(),
        None => Email::parse(&format!(
            "sans-email-{}@participants.invalid",
            cap_app::crypto::random_token()[..12].to_lowercase()
        ))
        .map_err(|e| crate::error::AppError::Internal(e.key.into()))?,
    };
    let user = match users::find_by_email(&state.db, &address).await? {
        Some(u) => u.user_id(),
        None => users::create(&state.db, &address, name, None).await?,
    };
    let membership =
        Membership::new(Role::Participant, Scope::Organisation(OrganisationId(loaded.org.id)), Some(college))
            .map_err(|e| crate::error::AppError::Internal(e.key.into()))?;
    if !memberships::for_user(&state.db, user).await?.iter().any(|m| m.membership.scope == membership.scope) {
        memberships::grant(&state.db, user, membership).await?;
    }
    let entry = ctx.author().entry("campaigns.invite", "campaign", id, format!("{name} ({})", college.code()));
    match campaigns::add_participant(state.db.audited(entry), id, user, college).await {
        Ok(_) => {}
        Err(StorageError::Conflict) => return Ok(redirect_with_flash(&state, &back, "flash.participant_already")),
        Err(e) => return Err(e.into()),
    }
    let link = campaign_link(&state, id, (user, address.as_str()), Some(viewer.actor.user_id), None).await?;
    let mut mailed = false;
    if let Some(e) = &email {
        let body = format!(
            "Bonjour {name},\n\n{coordinator} vous invite à l'auto-évaluation « {title} » de {org}, en tant que {college}.\n\
             Ce lien personnel vous y mène directement, sans mot de passe ; gardez-le pour revenir :\n{link}\n\n---\n\n\
             Hello {name},\n\n{coordinator} invites you to the self-assessment \"{title}\" of {org}.\n\
             This personal link takes you there, no password needed; keep it to come back:\n{link}\n",
            coordinator = viewer.user.display_name,
            title = loaded.campaign.title,
            org = loaded.org.name,
            college = page.t.t(college.label_key()),
        );
        mailed =
            state.mailer.send(e.as_str(), "Votre lien pour l'auto-évaluation Cap / Your Cap link", body).await.is_ok();
    }
    Ok(LinkPage {
        page,
        campaign_id: id,
        name: name.to_owned(),
        email: email.map(|e| e.to_string()).unwrap_or_default(),
        qr: crate::qr::qr_svg(&link)?,
        link,
        mailed,
    }
    .into_response())
}
