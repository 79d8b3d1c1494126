//! Server-sent events of a workshop: `GET /workshops/{id}/events` for the console and projector,
//! `GET /w/{code}/events` for phones. An `update` event carries the workshop's new version, and
//! pages then fetch their fresh content; a vote sends the projector a `tally` event with the new
//! count already drawn, so the wall reads nothing again. Keep-alives hold the connection through
//! proxies.

use super::{WallCount, load_for_facilitator};
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Path, Query, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use cap_app::live::Change;
use cap_domain::workshop::RoomCount;
use cap_storage::workshops;
use futures_util::StreamExt;
use futures_util::stream::{self, Stream};
use serde::Deserialize;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

/// Draws the room's count for the wall (HTML), or nothing when it cannot.
pub type DrawCount = Box<dyn Fn(&RoomCount) -> Option<String> + Send>;

/// Who follows a room, which decides what a vote sends them.
pub enum Audience {
    /// The console: reads its page again on every change.
    Console,
    /// The wall: a vote's event carries the new count, drawn in the wall's language; it reads
    /// nothing again.
    Wall(DrawCount),
    /// A phone: hears only the room moving on (a vote changes nothing it shows).
    Phone,
}

/// The stream of a workshop's changes for `audience`, starting with the current version so a
/// page that reconnects catches up at once.
pub fn stream_of(
    state: &AppState,
    workshop: i64,
    current: i64,
    audience: Audience,
) -> impl Stream<Item = Result<Event, Infallible>> + use<> {
    let receiver = state.workshops.subscribe(workshop);
    let closing = state.closing();
    let update = |version: i64| Event::default().event("update").data(version.to_string());
    stream::unfold((receiver, Some(current), audience), move |(mut receiver, first, audience)| async move {
        if let Some(version) = first {
            return Some((Ok(update(version)), (receiver, None, audience)));
        }
        loop {
            let change = match receiver.recv().await {
                Ok(change) => change,
                // Missed some: the latest version is what matters.
                Err(RecvError::Lagged(_)) => {
                    if matches!(audience, Audience::Phone) {
                        continue;
                    }
                    Change::moved(current)
                }
                Err(RecvError::Closed) => return None,
            };
            let event = match (&change.count, &audience) {
                (None, _) | (Some(_), Audience::Console) => update(change.version),
                (Some(_), Audience::Phone) => continue,
                (Some(count), Audience::Wall(draw)) => match draw(count) {
                    // Lines of HTML become lines of the event's data; a carriage return cannot travel.
                    Some(html) => Event::default().event("tally").data(html.replace('\r', "")),
                    None => update(change.version),
                },
            };
            return Some((Ok(event), (receiver, None, audience)));
        }
    })
    // The stream ends when the server shuts down, so the shutdown does not wait for it forever,
    // and its last event tells the page to reconnect (to this instance once restarted, or to
    // another one), a little later.
    .take_until(closing)
    .chain(stream::once(async { Ok(Event::default().event("reconnect").retry(RECONNECT_AFTER).data("")) }))
}

/// How long a page waits before following the room again after the server asked it to reconnect.
pub const RECONNECT_AFTER: Duration = Duration::from_secs(2);

fn sse(stream: impl Stream<Item = Result<Event, Infallible>> + Send + 'static) -> Response {
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response()
}

/// Which page follows the room: `?wall=1` for the projector.
#[derive(Debug, Default, Deserialize)]
pub struct Follower {
    #[serde(default)]
    wall: Option<String>,
}

/// For the console, and the projector (`?wall=1`), whose vote events carry the count drawn in its
/// language.
pub async fn facilitator(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(follower): Query<Follower>,
    page: Page,
) -> AppResult<Response> {
    let (w, loaded) = load_for_facilitator(&state, &viewer, id).await?;
    let audience = if follower.wall.is_some() {
        let t = page.t;
        let levels: Vec<(i64, String)> =
            loaded.referential.referential.scale.levels.iter().map(|l| (l.value, l.label.clone())).collect();
        Audience::Wall(Box::new(move |count| WallCount::draw(t, count, &levels).ok()))
    } else {
        Audience::Console
    };
    Ok(sse(stream_of(&state, id, w.version, audience)))
}

/// For phones: anyone holding the code may follow the room (what is shown on the wall).
pub async fn phone(State(state): State<AppState>, Path(code): Path<String>) -> AppResult<Response> {
    let code = cap_domain::workshop::normalise_code(&code).map_err(|_| crate::error::AppError::NotFound)?;
    let w = workshops::by_code(&state.db, &code).await?;
    Ok(sse(stream_of(&state, w.id, w.version, Audience::Phone)))
}
