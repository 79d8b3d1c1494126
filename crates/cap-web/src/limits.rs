//! What one request may hold: its deadline (body included), a place among the expensive requests
//! (PDF, workbook, imports) and, behind a proxy, a share of the requests in flight per client
//! address. Connection deadlines and caps are the server's (`crates/cap/src/connections.rs`).

use crate::error::AppError;
use crate::session::RequestContext;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Seconds a client is told to wait (`Retry-After`) when the expensive work is full.
pub const BUSY_RETRY_AFTER_SECONDS: u64 = 5;

/// The limits a request runs under, taken from the configuration.
#[derive(Debug, Clone)]
pub struct RequestLimits {
    /// How long a request may take, reading its body included, before « trop de temps ».
    pub request_timeout: Duration,
    /// Slowest upload accepted: a body adds `min(Content-Length, route limit) / rate` seconds.
    pub body_min_bytes_per_second: u64,
    /// Expensive requests run at once.
    pub heavy_permits: usize,
    /// Expensive requests that may wait for their turn.
    pub heavy_queue: usize,
    /// Expensive requests one person (or one address when signed out) may make per minute.
    pub heavy_per_minute: u32,
    /// Behind a proxy: requests in flight per client address (the one the proxy forwards).
    pub per_client_requests: Option<usize>,
}

impl Default for RequestLimits {
    fn default() -> Self {
        Self {
            request_timeout: Duration::from_secs(30),
            body_min_bytes_per_second: 16 * 1024,
            heavy_permits: 1,
            heavy_queue: 4,
            heavy_per_minute: 20,
            per_client_requests: None,
        }
    }
}

impl RequestLimits {
    /// The deadline of a request whose route accepts bodies up to `body_limit` bytes.
    pub fn deadline(&self, content_length: u64, body_limit: usize) -> Duration {
        let body = content_length.min(body_limit as u64);
        self.request_timeout + Duration::from_secs(body / self.body_min_bytes_per_second.max(1))
    }
}

/// The shared counters behind the limits: expensive work and requests per client address.
pub struct Gates {
    limits: RequestLimits,
    admission: Arc<Semaphore>,
    running: Arc<Semaphore>,
    rate: Mutex<HashMap<String, (u64, u32)>>,
    in_flight: Mutex<HashMap<String, usize>>,
}

/// A place among the expensive requests, running or waiting; released when dropped.
pub struct HeavyPlace {
    _admitted: OwnedSemaphorePermit,
    _running: OwnedSemaphorePermit,
}

impl Gates {
    /// Counters for these limits.
    pub fn new(limits: RequestLimits) -> Self {
        let permits = limits.heavy_permits.max(1);
        Self {
            admission: Arc::new(Semaphore::new(permits + limits.heavy_queue)),
            running: Arc::new(Semaphore::new(permits)),
            limits,
            rate: Mutex::default(),
            in_flight: Mutex::default(),
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> &RequestLimits {
        &self.limits
    }

    /// Takes a place among the expensive requests, waiting in the queue for a turn; `None` at
    /// once when every place, running and waiting, is taken.
    pub async fn heavy_place(&self) -> Option<HeavyPlace> {
        let admitted = self.admission.clone().try_acquire_owned().ok()?;
        let running = self.running.clone().acquire_owned().await.ok()?;
        Some(HeavyPlace { _admitted: admitted, _running: running })
    }

    /// Counts one expensive request of `who` in the current minute; `false` over the rate.
    fn within_rate(&self, who: &str, minute: u64) -> bool {
        let Ok(mut rate) = self.rate.lock() else { return true };
        if rate.len() > 10_000 {
            rate.retain(|_, (m, _)| *m == minute);
        }
        let entry = rate.entry(who.to_owned()).or_insert((minute, 0));
        if entry.0 != minute {
            *entry = (minute, 0);
        }
        entry.1 += 1;
        entry.1 <= self.limits.heavy_per_minute
    }

    /// Counts a request in flight from `client`; `None` over the cap.
    fn enter(self: &Arc<Self>, client: &str, cap: usize) -> Option<InFlight> {
        let mut in_flight = self.in_flight.lock().ok()?;
        let count = in_flight.entry(client.to_owned()).or_insert(0);
        if *count >= cap {
            return None;
        }
        *count += 1;
        Some(InFlight { gates: self.clone(), client: client.to_owned() })
    }
}

/// A request in flight from one client address; uncounted when dropped.
struct InFlight {
    gates: Arc<Gates>,
    client: String,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Ok(mut in_flight) = self.gates.in_flight.lock()
            && let Some(count) = in_flight.get_mut(&self.client)
        {
            *count -= 1;
            if *count == 0 {
                in_flight.remove(&self.client);
            }
        }
    }
}

/// Route layer of every route: refuses a client over its share of requests in flight (behind a
/// proxy), then runs the request under its deadline (its body's allowance included).
pub async fn deadline(body_limit: usize, request: Request, next: Next) -> Response {
    let Some(gates) = request.extensions().get::<Arc<Gates>>().cloned() else {
        return next.run(request).await;
    };
    let limits = gates.limits();
    let _in_flight = match (limits.per_client_requests, request.extensions().get::<Arc<RequestContext>>()) {
        (Some(cap), Some(ctx)) => match gates.enter(&ctx.client_ip, cap) {
            Some(counted) => Some(counted),
            None => return AppError::Busy { retry_after: BUSY_RETRY_AFTER_SECONDS }.into_response(),
        },
        _ => None,
    };
    let content_length = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let allowed = limits.deadline(content_length, body_limit);
    let path = request.uri().path().to_owned();
    match tokio::time::timeout(allowed, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(path, seconds = allowed.as_secs(), "request over its deadline");
            AppError::TooSlow.into_response()
        }
    }
}

/// Route layer of the expensive routes: a per-person rate, then a place among the expensive
/// requests (waiting in a short queue), or « réessayez dans un instant » at once.
pub async fn heavy(request: Request, next: Next) -> Response {
    let Some(gates) = request.extensions().get::<Arc<Gates>>().cloned() else {
        return next.run(request).await;
    };
    let who = match request.extensions().get::<Arc<RequestContext>>() {
        Some(ctx) => match &ctx.viewer {
            Some(viewer) => format!("user:{}", viewer.user.id),
            None => format!("address:{}", ctx.client_ip),
        },
        None => String::new(),
    };
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    if !gates.within_rate(&who, now / 60) {
        return AppError::TooManyHeavy { retry_after: 60 - now % 60 }.into_response();
    }
    let Some(place) = gates.heavy_place().await else {
        return AppError::Busy { retry_after: BUSY_RETRY_AFTER_SECONDS }.into_response();
    };
    let response = next.run(request).await;
    drop(place);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_adds_time_up_to_the_route_limit() {
        let limits = RequestLimits { request_timeout: Duration::from_secs(30), ..RequestLimits::default() };
        assert_eq!(limits.deadline(0, 64 * 1024), Duration::from_secs(30));
        assert_eq!(limits.deadline(64 * 1024, 64 * 1024), Duration::from_secs(34));
        // A client claiming a huge body gets no more than the route's limit allows.
        assert_eq!(limits.deadline(u64::MAX, 64 * 1024), Duration::from_secs(34));
    }

    #[tokio::test]
    async fn expensive_work_waits_in_a_short_queue_then_is_refused() {
        let gates = Gates::new(RequestLimits { heavy_permits: 1, heavy_queue: 0, ..RequestLimits::default() });
        let held = gates.heavy_place().await.expect("a place");
        assert!(gates.heavy_place().await.is_none(), "no queue: refused at once");
        drop(held);
        assert!(gates.heavy_place().await.is_some());
    }

    #[test]
    fn the_rate_is_per_person_and_per_minute() {
        let gates = Gates::new(RequestLimits { heavy_per_minute: 2, ..RequestLimits::default() });
        assert!(gates.within_rate("user:1", 7));
        assert!(gates.within_rate("user:1", 7));
        assert!(!gates.within_rate("user:1", 7));
        assert!(gates.within_rate("user:2", 7));
        assert!(gates.within_rate("user:1", 8));
    }

    #[test]
    fn requests_in_flight_are_counted_per_client() {
        let gates = Arc::new(Gates::new(RequestLimits::default()));
        let first = gates.enter("10.0.0.1", 1).expect("first");
        assert!(gates.enter("10.0.0.1", 1).is_none());
        assert!(gates.enter("10.0.0.2", 1).is_some());
        drop(first);
        assert!(gates.enter("10.0.0.1", 1).is_some());
    }
}
