//! Serving connections so that slow, idle and greedy clients cannot take the server down: the
//! accept loop refuses connections over the caps at once, hyper closes a connection whose request
//! headers do not arrive in time, and a shutdown ends within its grace period whatever the
//! clients do. Also the limit of open files, raised at start.

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::task::{AbortHandle, JoinSet};
use tower::ServiceExt;

/// Open files kept for the rest of the server (database connections and files, the listener,
/// logs, mail) when the connection cap is fitted to the limit of open files.
pub const RESERVED_FILES: u64 = 64;

/// What a refused connection reads before it is closed.
const REFUSED: &[u8] =
    b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

/// How connections are served.
#[derive(Debug, Clone)]
pub struct ConnectionSettings {
    /// Time a connection has to send a request's headers, and to start the next one when idle.
    pub header_timeout: Duration,
    /// Time requests in flight get to finish after the shutdown begins.
    pub shutdown_grace: Duration,
    /// Simultaneous connections.
    pub max_connections: usize,
    /// Simultaneous connections per client address; `None` behind a proxy, whose address is
    /// every client's (the per-address share is then counted per request, in the web layer).
    pub per_address: Option<usize>,
}

impl ConnectionSettings {
    /// Fits the connection cap under the limit of open files `soft_limit`, saying so when it
    /// lowers it.
    pub fn fitted_to(mut self, soft_limit: Option<u64>) -> Self {
        if let Some(soft) = soft_limit {
            let room = usize::try_from(soft.saturating_sub(RESERVED_FILES).max(1)).unwrap_or(usize::MAX);
            if room < self.max_connections {
                tracing::warn!(
                    configured = self.max_connections,
                    used = room,
                    open_files = soft,
                    "limits.max_connections lowered to fit the limit of open files"
                );
                self.max_connections = room;
            }
        }
        self
    }
}

/// Open connections, overall and per client address.
struct Caps {
    max: usize,
    per_address: Option<usize>,
    open: Mutex<(usize, HashMap<IpAddr, usize>)>,
}

/// One admitted connection; uncounted when dropped.
struct Admitted {
    caps: Arc<Caps>,
    ip: IpAddr,
}

impl Caps {
    fn admit(self: &Arc<Self>, ip: IpAddr) -> Option<Admitted> {
        let mut open = self.open.lock().ok()?;
        let (total, per) = &mut *open;
        let mine = per.get(&ip).copied().unwrap_or(0);
        if *total >= self.max || self.per_address.is_some_and(|cap| mine >= cap) {
            return None;
        }
        *total += 1;
        per.insert(ip, mine + 1);
        Some(Admitted { caps: self.clone(), ip })
    }
}

impl Drop for Admitted {
    fn drop(&mut self) {
        if let Ok(mut open) = self.caps.open.lock() {
            let (total, per) = &mut *open;
            *total = total.saturating_sub(1);
            if let Some(count) = per.get_mut(&self.ip) {
                *count -= 1;
                if *count == 0 {
                    per.remove(&self.ip);
                }
            }
        }
    }
}

/// A request in flight on a connection, from its headers until its response is sent whole.
struct Serving(Arc<AtomicUsize>);

impl Serving {
    fn start(counter: &Arc<AtomicUsize>) -> Self {
        counter.fetch_add(1, Ordering::SeqCst);
        Self(counter.clone())
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Accepts and serves connections until `shutdown` completes; then stops accepting, lets the
/// requests in flight finish for at most the grace period, and closes whatever is left.
pub async fn serve_connections(
    listener: TcpListener,
    router: Router,
    settings: ConnectionSettings,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    let caps = Arc::new(Caps {
        max: settings.max_connections.max(1),
        per_address: settings.per_address.map(|cap| cap.max(1)),
        open: Mutex::default(),
    });
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(settings.header_timeout).keep_alive(true);
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    let mut tracked: HashMap<tokio::task::Id, (AbortHandle, Arc<AtomicUsize>)> = HashMap::new();
    let mut refused: u64 = 0;
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => break,
            Some(done) = connections.join_next_with_id(), if !connections.is_empty() => {
                let id = match done {
                    Ok((id, ())) => id,
                    Err(err) => err.id(),
                };
                tracked.remove(&id);
                continue;
            }
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(err) => {
                    // Out of open files, most likely: wait a little rather than spin.
                    tracing::warn!(error = %err, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Some(admitted) = caps.admit(peer.ip()) else {
            let _ = stream.try_write(REFUSED);
            drop(stream);
            refused += 1;
            if refused.is_power_of_two() {
                tracing::warn!(refused, client = %peer.ip(), "connections refused over the caps");
            }
            continue;
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let in_flight = Arc::new(AtomicUsize::new(0));
        let counter = in_flight.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            let serving = Serving::start(&counter);
            let router = router.clone();
            async move {
                let response = router.oneshot(request).await?;
                // The request stays in flight until its body is sent whole (or given up).
                Ok::<_, Infallible>(response.map(|body| {
                    Body::new(body.map_frame(move |frame| {
                        let _ = &serving;
                        frame
                    }))
                }))
            }
        });
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        let task = connections.spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(error = %err, client = %peer, "connection ended");
            }
            drop(admitted);
        });
        tracked.insert(task.id(), (task, in_flight));
    }
    drop(listener);
    // A connection with no request in flight (idle, or still sending its headers) has nothing
    // to finish: it is closed at once rather than given the grace period.
    let mut closed_at_once = 0;
    for (task, in_flight) in tracked.values() {
        if in_flight.load(Ordering::SeqCst) == 0 {
            task.abort();
            closed_at_once += 1;
        }
    }
    tracing::info!(connections = closed_at_once, "connections without a request in flight closed");
    let open = connections.len() - closed_at_once;
    match tokio::time::timeout(settings.shutdown_grace, graceful.shutdown()).await {
        Ok(()) => tracing::info!(connections = open, "requests in flight finished"),
        Err(_) => tracing::warn!(
            connections = connections.len(),
            grace_seconds = settings.shutdown_grace.as_secs(),
            "grace period over: closing the connections left"
        ),
    }
    connections.shutdown().await;
}

/// The limit of open files of this process, `(soft, hard)`.
#[cfg(unix)]
#[allow(clippy::unnecessary_cast, reason = "rlim_t is u64 on Linux, not on every system")]
pub fn open_files_limit() -> Option<(u64, u64)> {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit only writes into the structure it is given, which lives on this stack.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return None;
    }
    Some((limit.rlim_cur as u64, limit.rlim_max as u64))
}

/// The limit of open files of this process, `(soft, hard)`.
#[cfg(not(unix))]
pub fn open_files_limit() -> Option<(u64, u64)> {
    None
}

/// Raises the soft limit of open files to the hard limit; returns `(soft, hard)` afterwards.
#[cfg(unix)]
pub fn raise_open_files_limit() -> Option<(u64, u64)> {
    let (soft, hard) = open_files_limit()?;
    if soft < hard {
        let raised = libc::rlimit { rlim_cur: hard as libc::rlim_t, rlim_max: hard as libc::rlim_t };
        // SAFETY: setrlimit only reads the structure it is given.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } != 0 {
            return Some((soft, hard));
        }
    }
    open_files_limit()
}

/// Raises the soft limit of open files to the hard limit; returns `(soft, hard)` afterwards.
#[cfg(not(unix))]
pub fn raise_open_files_limit() -> Option<(u64, u64)> {
    None
}

/// A warning for `cap check` when `max_connections` (plus the files the rest of the server
/// needs) does not fit under the hard limit of open files, which the server raises to at start.
pub fn open_files_warning(max_connections: usize, limit: Option<(u64, u64)>) -> Option<String> {
    let (_, hard) = limit?;
    let needed = max_connections as u64 + RESERVED_FILES;
    (hard < needed).then(|| {
        format!(
            "limits.max_connections: {max_connections} connections need about {needed} open files, but the limit \
             is {hard} (set LimitNOFILE= in the systemd unit, or ulimit -n); the server will accept at most {}",
            hard.saturating_sub(RESERVED_FILES).max(1)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_are_capped_overall_and_per_address() {
        let caps = Arc::new(Caps { max: 3, per_address: Some(2), open: Mutex::default() });
        let a: IpAddr = "127.0.0.2".parse().unwrap();
        let b: IpAddr = "127.0.0.1".parse().unwrap();
        let first = caps.admit(a).unwrap();
        let _second = caps.admit(a).unwrap();
        assert!(caps.admit(a).is_none(), "third from one address");
        let _third = caps.admit(b).unwrap();
        assert!(caps.admit(b).is_none(), "over the overall cap");
        drop(first);
        assert!(caps.admit(b).is_some());
    }

    #[test]
    fn the_cap_fits_under_the_open_files() {
        let settings = ConnectionSettings {
            header_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(10),
            max_connections: 4096,
            per_address: Some(256),
        };
        assert_eq!(settings.clone().fitted_to(Some(1024)).max_connections, 960);
        assert_eq!(settings.fitted_to(Some(1 << 20)).max_connections, 4096);
        assert!(open_files_warning(4096, Some((1024, 1024))).is_some());
        assert!(open_files_warning(4096, Some((1024, 524_288))).is_none());
    }
}
