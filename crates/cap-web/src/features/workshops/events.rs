//! Server-sent events of a workshop: `GET /workshops/{id}/events` for the console and projector,
//! `GET /w/{code}/events` for phones. Each event carries the workshop's new version; pages then
//! fetch their fresh content. Keep-alives hold the connection through proxies.

use super::load_for_facilitator;
use crate::app::AppState;
use crate::error::AppResult;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use cap_storage::workshops;
use futures_util::StreamExt;
use futures_util::stream::{self, Stream};
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

/// The stream of a workshop's versions, starting with the current one so a page that reconnects
/// catches up at once.
pub fn stream_of(
    state: &AppState,
    workshop: i64,
    current: i64,
) -> impl Stream<Item = Result<Event, Infallible>> + use<> {
    let receiver = state.workshops.subscribe(workshop);
    let closing = state.closing();
    stream::unfold((receiver, Some(current)), |(mut receiver, first)| async move {
        if let Some(version) = first {
            return Some((Ok(Event::default().event("update").data(version.to_string())), (receiver, None)));
        }
        loop {
            match receiver.recv().await {
                Ok(version) => {
                    return Some((Ok(Event::default().event("update").data(version.to_string())), (receiver, None)));
                }
                // Missed some: the latest version is what matters.
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return None,
            }
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

/// For the console and the projector.
pub async fn facilitator(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (w, _) = load_for_facilitator(&state, &viewer, id).await?;
    Ok(sse(stream_of(&state, id, w.version)))
}

/// For phones: anyone holding the code may follow the room (what is shown on the wall).
pub async fn phone(State(state): State<AppState>, Path(code): Path<String>) -> AppResult<Response> {
    let code = cap_domain::workshop::normalise_code(&code).map_err(|_| crate::error::AppError::NotFound)?;
    let w = workshops::by_code(&state.db, &code).await?;
    Ok(sse(stream_of(&state, w.id, w.version)))
}
