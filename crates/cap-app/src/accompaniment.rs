//! The accompaniment day as a use case: the offers a member may be proposed, and saving the day
//! (planned, then concluded) with its audit entry and, once concluded, the e-mail that tells the
//! member's coordinators what was decided.

use crate::app::App;
use crate::audit::Author;
use crate::campaigns::Loaded;
use crate::error::Result;
use crate::i18n::{Locale, Tr};
use cap_domain::accompaniment::DayInput;
use cap_domain::{OrganisationId, RegionId, Role};
use cap_storage::accompaniment::{self, Day, NewConclusion, NewDay};
use cap_storage::offers::StoredOffer;
use cap_storage::{StorageError, memberships, offers, regions};

/// The offers of services a member may be proposed: the nation's and its own region's.
pub async fn offers_for(app: &App, loaded: &Loaded) -> Result<Vec<StoredOffer>> {
    let region = regions::get(&app.db, RegionId(loaded.org.region_id)).await?;
    let mut all = offers::list(&app.db).await?;
    all.retain(|o| o.offer.offered_in(&region.code));
    Ok(all)
}

/// The titles of the offers coded `codes`, in their order (a code no longer in the catalogue is
/// shown as is).
pub async fn named_offers(app: &App, codes: &[String]) -> Result<Vec<String>> {
    let known = offers::list(&app.db).await?;
    Ok(codes
        .iter()
        .map(|code| {
            known.iter().find(|o| o.offer.code == *code).map_or_else(|| code.clone(), |o| o.offer.title.clone())
        })
        .collect())
}

/// A campaign's accompaniment day with its offers by name, for the pages that show the decision.
#[derive(Debug, Clone)]
pub struct DaySummary {
    /// The day as stored.
    pub day: Day,
    /// The offers agreed, by title.
    pub offers: Vec<String>,
}

/// The accompaniment day of campaign `id`, planned or concluded, if any.
pub async fn summary(app: &App, id: i64) -> Result<Option<DaySummary>> {
    let Some(day) = accompaniment::day_of(&app.db, id).await? else { return Ok(None) };
    let offers = named_offers(app, &day.offers).await?;
    Ok(Some(DaySummary { day, offers }))
}

/// The latest accompaniment day among an organisation's campaigns, for its home page.
#[derive(Debug, Clone)]
pub struct LatestDay {
    /// The campaign.
    pub campaign_id: i64,
    /// Its title.
    pub title: String,
    /// The day, with its offers by name.
    pub summary: DaySummary,
}

/// The most recent accompaniment day (planned or concluded) of `org`'s campaigns, if any.
pub async fn latest_of(app: &App, org: OrganisationId) -> Result<Option<LatestDay>> {
    let mut latest: Option<(i64, String, Day)> = None;
    for c in cap_storage::campaigns::for_organisation(&app.db, org).await? {
        let Some(day) = accompaniment::day_of(&app.db, c.id).await? else { continue };
        if latest.as_ref().is_none_or(|(_, _, l)| l.held_on <= day.held_on) {
            latest = Some((c.id, c.title, day));
        }
    }
    // The offers' names only for the day shown.
    let Some((campaign_id, title, day)) = latest else { return Ok(None) };
    let offers = named_offers(app, &day.offers).await?;
    Ok(Some(LatestDay { campaign_id, title, summary: DaySummary { day, offers } }))
}

/// How a save went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Saved at this version; `mailed` says whether the coordinators were told of a conclusion.
    Saved {
        /// The new version.
        version: i64,
        /// Whether the conclusion's e-mail left (false when there was nothing to send).
        mailed: bool,
    },
    /// Someone saved the day meanwhile: nothing was written.
    Stale,
}

/// Plans or concludes the campaign's accompaniment day if it is still at `version`. A conclusion
/// is e-mailed to the member's coordinators, with the offers by name; a failed e-mail does not
/// undo the save (it is logged and reported as not mailed).
pub async fn save(app: &App, by: &Author, loaded: &Loaded, input: &DayInput, version: i64) -> Result<Saved> {
    let id = loaded.campaign.id;
    let held_on = input.held_on.to_string();
    let dates = input.conclusion.as_ref().map(|c| (c.horizon_on.to_string(), c.checkpoint_on.to_string()));
    let conclusion = input.conclusion.as_ref().zip(dates.as_ref()).map(|(c, (horizon, checkpoint))| NewConclusion {
        conclusions: &c.conclusions,
        decision: c.decision,
        offers: &c.offers,
        horizon_on: horizon,
        checkpoint_on: checkpoint,
    });
    let day = NewDay {
        held_on: &held_on,
        place: &input.place,
        attendees: &input.attendees,
        pillars: &input.pillars,
        conclusion,
        by: by.user,
    };
    let entry = match &input.conclusion {
        None => by.entry("reviews.accompaniment_plan", "campaign", id, format!("{held_on} {}", input.place)),
        Some(c) => by.entry(
            "reviews.accompaniment_conclude",
            "campaign",
            id,
            format!("{held_on}: {} {}", c.decision.code(), c.offers.join(", ")),
        ),
    };
    let version = match accompaniment::save(app.db.audited(entry), id, &day, version).await {
        Ok(v) => v,
        Err(StorageError::Stale(_)) => return Ok(Saved::Stale),
        Err(e) => return Err(e.into()),
    };
    if input.conclusion.is_none() {
        return Ok(Saved::Saved { version, mailed: false });
    }
    let mailed = tell_coordinators(app, loaded, input).await?;
    Ok(Saved::Saved { version, mailed })
}

/// E-mails the decision to the member's coordinators, in French then English.
async fn tell_coordinators(app: &App, loaded: &Loaded, input: &DayInput) -> Result<bool> {
    let Some(c) = &input.conclusion else { return Ok(false) };
    let named = named_offers(app, &c.offers).await?;
    let link = app.config.link(&format!("/campaigns/{}", loaded.campaign.id));
    let text = |t: Tr| {
        let mut out = format!(
            "{}\n\n{} : {}\n{} : {}\n",
            t.tn(
                "mail.accompaniment.intro",
                &[t.date(&input.held_on.to_string()), loaded.org.name.clone(), loaded.campaign.title.clone()]
            ),
            t.t("accompaniment.decision_label"),
            t.t(c.decision.label_key()),
            t.t("accompaniment.horizon_on"),
            t.date(&c.horizon_on.to_string()),
        );
        out.push_str(&format!("{} : {}\n", t.t("accompaniment.checkpoint_on"), t.date(&c.checkpoint_on.to_string())));
        if !named.is_empty() {
            out.push_str(&format!("{} : {}\n", t.t("accompaniment.offers"), named.join(", ")));
        }
        out.push_str(&format!("\n{}\n\n{link}\n", c.conclusions));
        out
    };
    let body = format!("{}\n---\n\n{}", text(Tr::new(Locale::Fr)), text(Tr::new(Locale::En)));
    let subject = "Journée d'accompagnement : la décision / Accompaniment day: the decision";
    let mut all_sent = true;
    for m in memberships::members_of(&app.db, OrganisationId(loaded.org.id)).await? {
        if m.stored.membership.role != Role::Coordinator {
            continue;
        }
        if let Err(err) = app.mailer.send(&m.email, subject, body.clone()).await {
            tracing::error!(error = %err, "accompaniment decision not sent");
            all_sent = false;
        }
    }
    Ok(all_sent)
}
