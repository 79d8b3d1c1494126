//! What a tiers or a pair has to follow: the campaigns they were invited to, where each stands,
//! the accompaniment day, the threads that wait for them and what became of their suggestions.

use crate::app::App;
use crate::audit::Author;
use crate::campaigns::Loaded;
use crate::error::Result;
use crate::i18n::{Locale, Tr, paris_today};
use crate::viewer::Viewer;
use cap_domain::Email;
use cap_domain::campaign::CampaignStatus;
use cap_domain::review::{AccessWindow, ReviewerKind, conflicts};
use cap_domain::suggestion::SuggestionStatus;
use cap_storage::accompaniment::{self, Day};
use cap_storage::reviews::{self, NewGrant};
use cap_storage::{directory, suggestions, users};

/// One campaign the viewer reviews, as their home page lists it.
#[derive(Debug, Clone)]
pub struct Followed {
    /// The campaign.
    pub campaign_id: i64,
    /// Its title.
    pub title: String,
    /// Its organisation's name.
    pub organisation: String,
    /// As the tiers (the accompaniment is theirs) or as a pair.
    pub kind: ReviewerKind,
    /// Where the campaign stands.
    pub status: CampaignStatus,
    /// Last day of the viewer's access (YYYY-MM-DD).
    pub ends_on: String,
    /// The accompaniment day, once recorded.
    pub day: Option<Day>,
    /// Open threads whose last word is someone else's: what waits for the viewer.
    pub waiting_threads: usize,
    /// The viewer's suggestions for the plan: accepted, declined, waiting.
    pub suggestions: (usize, usize, usize),
}

/// The campaigns `viewer` reviews today, soonest-ending first.
pub async fn followed(app: &App, viewer: &Viewer) -> Result<Vec<Followed>> {
    let me = viewer.actor.user_id.0;
    let mut out = Vec::new();
    for r in reviews::reviewing(&app.db, viewer.actor.user_id, &paris_today().to_string()).await? {
        let comments = reviews::comments(&app.db, r.campaign_id).await?;
        let waiting_threads = comments
            .iter()
            .filter(|first| first.thread_id.is_none() && first.resolved_at.is_none())
            .filter(|first| {
                let last = comments.iter().rev().find(|c| c.id == first.id || c.thread_id == Some(first.id));
                last.is_some_and(|c| c.author_user_id != Some(me))
            })
            .count();
        let mine: Vec<_> = suggestions::of_campaign(&app.db, r.campaign_id)
            .await?
            .into_iter()
            .filter(|s| s.author_user_id == Some(me))
            .collect();
        let count = |status: SuggestionStatus| mine.iter().filter(|s| s.status == status).count();
        let suggestions =
            (count(SuggestionStatus::Accepted), count(SuggestionStatus::Declined), count(SuggestionStatus::Pending));
        out.push(Followed {
            suggestions,
            day: accompaniment::day_of(&app.db, r.campaign_id).await?,
            kind: ReviewerKind::from_code(&r.kind).unwrap_or(ReviewerKind::Pair),
            status: CampaignStatus::from_code(&r.status).unwrap_or(CampaignStatus::Preparation),
            campaign_id: r.campaign_id,
            title: r.title,
            organisation: r.organisation,
            ends_on: r.ends_on,
            waiting_threads,
        });
    }
    Ok(out)
}

/// Whether `grants` hold an access of `user` that is open or still to come: inviting them again
/// would only make a second row.
pub fn already_invited(grants: &[reviews::Grant], user: i64, today: jiff::civil::Date) -> bool {
    let today = today.to_string();
    grants.iter().any(|g| g.user_id == user && g.revoked_at.is_none() && g.ends_on.as_str() >= today.as_str())
}

/// Why a State officer's access was not given: a message key, beside the field it concerns.
pub type StateRefusal = (&'static str, &'static str);

/// Gives `email` (named `name`) a read-only access to the campaign's results, plan and activity
/// figures for `window`, as an officer of the State's services: an account is made for a person
/// Cap does not know yet (no password: the e-mail carries a link to choose one). A member of the
/// organisation is refused, as is someone whose access is open or to come. The access is in the
/// audit log and every page the officer reads through it is too. Whether the e-mail left is
/// returned with the access.
pub async fn give_state_access(
    app: &App,
    by: &Author,
    loaded: &Loaded,
    email: &Email,
    name: &str,
    window: &AccessWindow,
) -> Result<Result<bool, StateRefusal>> {
    let id = loaded.campaign.id;
    let (user, new) = match users::find_by_email(&app.db, email).await? {
        Some(found) => (found.user_id(), false),
        None => (users::create(&app.db, email, name, None).await?, true),
    };
    if already_invited(&reviews::grants(&app.db, id).await?, user.0, paris_today()) {
        return Ok(Err(("email", "error.review.already_invited")));
    }
    if conflicts(&directory::organisations_of(&app.db, user).await?, loaded.org.authz_ref())
        .iter()
        .any(|c| c.blocking())
    {
        return Ok(Err(("email", "error.review.conflict_blocking")));
    }
    let (starts_on, ends_on) = (window.starts_on.to_string(), window.ends_on.to_string());
    let entry = by.entry("reviews.invite", "campaign", id, format!("state {} {starts_on}..{ends_on}", email.as_str()));
    let grant = reviews::grant(
        app.db.audited(entry),
        &NewGrant {
            campaign: id,
            user,
            kind: ReviewerKind::State,
            starts_on: &starts_on,
            ends_on: &ends_on,
            conflicts: "",
            by: by.user,
        },
    )
    .await?;
    let results = app.config.link(&format!("/campaigns/{id}/results"));
    let password = if new {
        let link = crate::links::password_reset_link(app, by, user, email.as_str()).await?;
        format!("\n\nChoisissez d'abord votre mot de passe / First choose your password:\n{link}")
    } else {
        String::new()
    };
    let (fr, en) = (Tr::new(Locale::Fr), Tr::new(Locale::En));
    let body = format!(
        "Bonjour {name},\n\n{inviter} vous donne accès, en lecture seule, aux résultats de l'auto-évaluation \
         « {title} » de {org} pour préparer le dialogue de gestion, du {from_fr} au {to_fr} : photographie, \
         plan de progrès, chiffres d'activité et synthèse. Chaque page lue est inscrite au journal de la \
         structure.{password}\n\n{results}\n\n---\n\n\
         Hello {name},\n\n{inviter} gives you read-only access to the results of the self-assessment \
         \"{title}\" of {org} to prepare the management dialogue, from {from_en} to {to_en}: photographie, \
         progress plan, activity figures and summary. Every page read is written in the structure's log.\n\n{results}\n",
        inviter = by.name,
        title = loaded.campaign.title,
        org = loaded.org.name,
        from_fr = fr.date(&starts_on),
        to_fr = fr.date(&ends_on),
        from_en = en.date(&starts_on),
        to_en = en.date(&ends_on),
    );
    let sent = app
        .mailer
        .send(email.as_str(), "Accès en lecture à une auto-évaluation Cap / Read access", body)
        .await
        .map_err(|err| tracing::error!(error = %err, grant, "State officer's access: e-mail not sent"))
        .is_ok();
    Ok(Ok(sent))
}
