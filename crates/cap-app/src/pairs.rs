//! The pair's pathway: a regional delegate proposes a member's person as a pair; the person
//! accepts (or declines), enrols in a training still to come, and is « formé·e » once the delegate
//! records their attendance. Only trained pairs are offered to review without an exception. Every
//! step is audited; the proposal is e-mailed.

use crate::app::App;
use crate::audit::Author;
use crate::error::{Error, Result};
use crate::i18n::paris_today;
use crate::viewer::Viewer;
use cap_domain::authz::Permission;
use cap_domain::campaign::CampaignStatus;
use cap_domain::review::{TrainingAudience, has_completed_a_campaign};
use cap_domain::{OrganisationId, RegionId, UserId};
use cap_storage::directory::{self, Candidate, Training};
use cap_storage::regions;

/// The people the viewer may propose as pairs: in each region they follow as a delegate, the
/// members of organisations that have been through a campaign, not yet in the directory.
pub async fn proposable(app: &App, viewer: &Viewer) -> Result<Vec<Candidate>> {
    let completed: Vec<&str> =
        CampaignStatus::ALL.into_iter().filter(|s| has_completed_a_campaign(&[*s])).map(CampaignStatus::code).collect();
    let managed: Vec<i64> = regions::list(&app.db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .filter(|r| viewer.can(Permission::ManageTrainings(RegionId(*r))))
        .collect();
    Ok(directory::candidates(&app.db, &managed, &completed).await?)
}

/// Proposes `user` from `organisation` as a pair, and tells them by e-mail. Refused unless the
/// viewer may propose that person (see [`proposable`]); false when they were proposed meanwhile.
pub async fn propose(app: &App, by: &Author, viewer: &Viewer, user: i64, organisation: i64) -> Result<bool> {
    let chosen = proposable(app, viewer)
        .await?
        .into_iter()
        .find(|c| c.user_id == user && c.organisation_id == organisation)
        .ok_or(Error::Forbidden)?;
    let entry = by.entry("pairs.propose", "user", user, &chosen.organisation);
    let proposed =
        directory::propose(app.db.audited(entry), UserId(user), OrganisationId(organisation), viewer.actor.user_id)
            .await?;
    if proposed {
        let person = cap_storage::users::get(&app.db, UserId(user)).await?;
        let link = app.config.link("/directory");
        let body = format!(
            "Bonjour {name},\n\n{delegate} vous propose de devenir pair pour {org} : vous relirez, quelques jours, \
             l'auto-évaluation d'une autre structure du réseau, après une formation. Pour accepter ou refuser :\n\
             {link}\n\n---\n\nHello {name},\n\n{delegate} proposes that you become a pair for {org}: for a few days \
             you would review another member's self-assessment, after a training. To accept or decline:\n{link}\n",
            name = person.display_name,
            delegate = viewer.user.display_name,
            org = chosen.organisation,
        );
        if let Err(err) = app.mailer.send(&person.email, "Devenir pair Cap / Becoming a Cap pair", body).await {
            tracing::error!(error = %err, "pair proposal e-mail not sent");
        }
    }
    Ok(proposed)
}

/// The person accepts or declines the proposal made to them.
pub async fn answer(app: &App, by: &Author, user: UserId, accept: bool) -> Result<()> {
    let action = if accept { "pairs.accept" } else { "pairs.decline" };
    directory::answer_proposal(app.db.audited(by.entry(action, "user", user, "")), user, accept).await?;
    Ok(())
}

/// The trainings a pair may still enrol in (for pairs, on a day still to come), each with whether
/// `user` is enrolled.
pub async fn upcoming(app: &App, user: UserId) -> Result<Vec<(Training, bool)>> {
    let today = paris_today().to_string();
    let mine = directory::enrolments_of(&app.db, user).await?;
    Ok(directory::trainings(&app.db, None)
        .await?
        .into_iter()
        .filter(|t| t.audience != TrainingAudience::Tiers && t.held_on >= today)
        .map(|t| {
            let enrolled = mine.contains(&t.id);
            (t, enrolled)
        })
        .collect())
}

/// Enrols the person in a training still to come (or takes them off it). Only someone in the
/// directory enrols, and only in a training for pairs.
pub async fn enrol(app: &App, by: &Author, user: UserId, training: i64, enrolled: bool) -> Result<()> {
    let accepted = directory::volunteer_of(&app.db, user).await?.is_some_and(|v| v.accepted == 1);
    if !accepted {
        return Err(Error::Forbidden);
    }
    let found = upcoming(app, user).await?.into_iter().find(|(t, _)| t.id == training).ok_or(Error::NotFound)?;
    let action = if enrolled { "trainings.enrol" } else { "trainings.unenrol" };
    let entry = by.entry(action, "training", training, format!("{} {}", found.0.held_on, found.0.title));
    directory::enrol(app.db.audited(entry), training, user, enrolled).await?;
    Ok(())
}
