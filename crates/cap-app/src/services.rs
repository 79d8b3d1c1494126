//! Service requests as use cases: the offers a campaign's plan and accompaniment day name, asked
//! for by whoever runs the campaign; followed through by the region's delegates (or the
//! federation's administrators): taken by a named person, scheduled, delivered or declined with
//! a reason; counted for the network.

use crate::app::App;
use crate::audit::Author;
use crate::campaigns::Loaded;
use crate::error::Result;
use crate::viewer::Viewer;
use cap_domain::RegionId;
use cap_domain::authz::Permission;
use cap_domain::service_request::{Move, Origin, RequestState};
use cap_storage::services::{self, NewRequest, Request};
use cap_storage::{StorageError, accompaniment, offers, plans};

/// An offer the campaign names, and where it stands.
pub struct Offered {
    /// The offer's code.
    pub code: String,
    /// Its title.
    pub title: String,
    /// Where it is named: the plan (with the action's id and title) or the accompaniment day.
    pub origin: Origin,
    /// The plan's action that names it.
    pub action: Option<(i64, String)>,
    /// Its latest request, if it was asked for.
    pub request: Option<Request>,
}

impl Offered {
    /// Whether it may be asked for: never asked, or its last request delivered or declined.
    pub fn may_ask(&self) -> bool {
        self.request.as_ref().is_none_or(|r| !r.state().is_open())
    }
}

/// The offers the campaign's plan actions and accompaniment day name, each once (the plan's
/// first), with their latest request; and every request of the campaign.
pub async fn offered(app: &App, loaded: &Loaded) -> Result<Vec<Offered>> {
    let id = loaded.campaign.id;
    let requests = services::of_campaign(&app.db, id).await?;
    let titles: Vec<(String, String)> =
        offers::list(&app.db).await?.into_iter().map(|o| (o.offer.code, o.offer.title)).collect();
    let title = |code: &str| titles.iter().find(|(c, _)| c == code).map_or_else(|| code.to_owned(), |(_, t)| t.clone());
    let mut out: Vec<Offered> = Vec::new();
    let mut push = |code: &str, origin: Origin, action: Option<(i64, String)>| {
        if out.iter().any(|o| o.code == code) {
            return;
        }
        let request = requests.iter().rev().find(|r| r.offer_code == code).cloned();
        out.push(Offered { code: code.to_owned(), title: title(code), origin, action, request });
    };
    if let Some(plan) = plans::plan_of(&app.db, id).await? {
        for a in plans::actions(&app.db, plan.id).await? {
            if let Some(code) = a.offer_code.as_deref().filter(|c| !c.is_empty()) {
                push(code, Origin::Plan, Some((a.id, a.title.clone())));
            }
        }
    }
    if let Some(day) = accompaniment::day_of(&app.db, id).await? {
        for code in &day.offers {
            push(code, Origin::Accompaniment, None);
        }
    }
    Ok(out)
}

/// What asking for a service may meet besides an error.
pub enum Asked {
    /// Asked: the request's id.
    Done(i64),
    /// An open request for the same offer is already there.
    AlreadyOpen,
    /// The campaign's plan and accompaniment day name no such offer.
    NotOffered,
}

/// Asks for offer `code`, one the campaign's plan or accompaniment day names; audited.
pub async fn ask(app: &App, by: &Author, loaded: &Loaded, code: &str) -> Result<Asked> {
    let offered = offered(app, loaded).await?;
    let Some(o) = offered.iter().find(|o| o.code == code) else { return Ok(Asked::NotOffered) };
    let entry = by.entry("services.ask", "campaign", loaded.campaign.id, code);
    let new = NewRequest {
        organisation: loaded.org.id,
        campaign: loaded.campaign.id,
        offer_code: code,
        origin: o.origin,
        action: o.action.as_ref().map(|(id, _)| *id),
        by: by.user,
    };
    match services::ask(app.db.audited(entry), &new).await {
        Ok(id) => Ok(Asked::Done(id)),
        Err(StorageError::Conflict) => Ok(Asked::AlreadyOpen),
        Err(e) => Err(e.into()),
    }
}

/// The requests the viewer follows: one region's (a delegate's own), or every region's for the
/// federation's administrators when `region` is `None`.
pub async fn followed(app: &App, viewer: &Viewer, region: Option<i64>) -> Result<Vec<Request>> {
    viewer.require(Permission::ViewNetwork(region.map(RegionId)))?;
    Ok(services::of_region(&app.db, region).await?)
}

/// How many requests stand in each state, in the states' order: one region's, or the nation's.
pub async fn counts(app: &App, region: Option<i64>) -> Result<Vec<(RequestState, i64)>> {
    let stored = services::counts(&app.db, region).await?;
    Ok(RequestState::ALL
        .into_iter()
        .map(|s| (s, stored.iter().find(|(c, _)| c == s.code()).map_or(0, |(_, n)| *n)))
        .collect())
}

/// What moving a request may meet besides an error.
pub enum Moved {
    /// Moved: the request's region, to go back to its list.
    Done(i64),
    /// The move does not follow from where the request stands (a message key).
    Refused(&'static str),
}

/// Moves request `id`, read at `version`, as its region's delegate (or an administrator); the
/// person taking it is the viewer. A move made meanwhile by someone else is refused as stale.
pub async fn advance(app: &App, by: &Author, viewer: &Viewer, id: i64, change: &Move, version: i64) -> Result<Moved> {
    let found = services::get(&app.db, id).await?;
    viewer.require(Permission::ViewNetwork(Some(RegionId(found.region_id))))?;
    let to = match change.from(found.state()) {
        Ok(to) => to,
        Err(e) => return Ok(Moved::Refused(e.key)),
    };
    let details = match change {
        Move::Take => format!("{} {}", found.offer_code, to.code()),
        Move::Schedule(day) | Move::Deliver(day) => format!("{} {} {day}", found.offer_code, to.code()),
        Move::Decline(reason) => format!("{} {} {reason}", found.offer_code, to.code()),
    };
    let entry = by.entry("services.move", "service_request", id, details);
    services::advance(app.db.audited(entry), id, change, to, version, by.user).await?;
    Ok(Moved::Done(found.region_id))
}
