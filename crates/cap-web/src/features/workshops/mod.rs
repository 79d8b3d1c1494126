//! Workshops: the facilitator's console and projector, and the phones that vote.

pub mod console;
pub mod control;
pub mod events;
pub mod join;
pub mod open;
pub mod phone;
pub mod projector;
pub mod record;
pub mod vote;
pub mod voters;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::page::Page;
use crate::session::{Viewer, cookie};
use askama::Template;
use askama_web::WebTemplate;
use axum::http::HeaderMap;
use cap_app::campaigns::{Loaded, load, read_results, run};
use cap_domain::workshop::normalise_code;
use cap_storage::StorageError;
use cap_storage::workshops::{self, Voter, Workshop};

use cap_app::i18n::Tr;
use cap_app::workshops::group_name;
pub use cap_app::workshops::{Votes, announce, votes};
use cap_domain::consolidation::Tally;
use cap_domain::workshop::RoomCount;

/// The wall's count of the room: « N votes sur M » and, once revealed, the distribution. Drawn on
/// the projector's page, and again from each vote's event alone in the stream the wall follows.
#[derive(Template)]
#[template(path = "workshops/wall_count.html")]
pub struct WallCount<'a> {
    /// The wall's language (named like a page's for the shared tally macros).
    pub page: WallLanguage,
    /// The count.
    pub count: &'a RoomCount,
    /// The collège groups, named.
    pub groups: Vec<(String, &'a Tally)>,
    /// The scale's levels: (value, label).
    pub level_labels: &'a [(i64, String)],
}

/// The language a wall is drawn in.
pub struct WallLanguage {
    /// The translator.
    pub t: Tr,
}

impl WallCount<'_> {
    /// Draws `count` in `t`'s language.
    pub fn draw(t: Tr, count: &RoomCount, level_labels: &[(i64, String)]) -> Result<String, askama::Error> {
        let groups = count.groups.iter().map(|(g, tally)| (group_name(t, g), tally)).collect();
        WallCount { page: WallLanguage { t }, count, groups, level_labels }.render()
    }
}

/// Cookie holding a phone's workshop token.
pub const VOTER_COOKIE: &str = "cap_voter";

/// The phone's voter record in the workshop of `code`, from its cookie.
pub async fn voter_of(state: &AppState, headers: &HeaderMap, code: &str) -> AppResult<Option<(Workshop, Voter)>> {
    let code = normalise_code(code).map_err(|_| AppError::NotFound)?;
    // A phone without its token is nobody in any room: nothing to read.
    let Some(token) = cookie(headers, VOTER_COOKIE) else { return Ok(None) };
    Ok(match workshops::with_voter(&state.db, &code, &state.keys.hash_token(token)).await? {
        Some((w, Some(v))) => Some((w, v)),
        _ => None,
    })
}

/// The workshop of `code` when it is closed and no open one has that code: the phones that still
/// hold it get the closing screen instead of a form with a dead code.
pub async fn closed_of(state: &AppState, code: &str) -> AppResult<Option<Workshop>> {
    let Ok(code) = normalise_code(code) else { return Ok(None) };
    match workshops::by_code(&state.db, &code).await {
        Ok(_) => Ok(None),
        Err(StorageError::NotFound) => Ok(workshops::closed_by_code(&state.db, &code).await?),
        Err(e) => Err(e.into()),
    }
}

/// The closing screen of a workshop: thanks, what happens next, and the campaign's results when
/// the person holding the phone is signed in and may read them.
#[derive(Template, WebTemplate)]
#[template(path = "workshops/closed.html")]
pub struct ClosedPage {
    /// Frame.
    pub page: Page,
    /// Where the results are, when the reader may open them.
    pub results: Option<String>,
}

impl ClosedPage {
    /// The closing screen of `workshop` for this request's reader.
    pub async fn of(state: &AppState, page: Page, workshop: &Workshop) -> Self {
        let id = workshop.campaign_id;
        let readable = match page.ctx.viewer.as_ref() {
            Some(viewer) => load(state, viewer, id, read_results).await.is_ok(),
            None => false,
        };
        Self { page, results: readable.then(|| format!("/campaigns/{id}/results")) }
    }
}

/// A workshop with its campaign, loaded for its facilitator (the campaign's coordinator).
pub async fn load_for_facilitator(state: &AppState, viewer: &Viewer, id: i64) -> AppResult<(Workshop, Loaded)> {
    let workshop = workshops::get(&state.db, id).await?;
    let loaded = load(state, viewer, workshop.campaign_id, run).await?;
    Ok((workshop, loaded))
}
