//! Slow, idle and greedy clients: deadlines on headers and requests, caps on connections, a
//! shutdown within its grace period, and the bound on expensive work. Deadlines are set low by
//! configuration; durations are only checked against generous bounds.

use crate::support::*;
use cap::config::Config;
use cap_storage::Backend;
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

fn address(app: &TestApp) -> SocketAddr {
    app.base.trim_start_matches("http://").parse().expect("server address")
}

/// A connection from `from` that sends the start of a request's headers, then nothing.
async fn half_sent(app: &TestApp, from: &str) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(format!("{from}:0").parse().unwrap()).unwrap();
    let mut stream = socket.connect(address(app)).await.unwrap();
    stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: cap\r\n").await.unwrap();
    stream
}

/// Everything the server sends until it closes the connection (`None` if it is still open after
/// `within`).
async fn until_closed(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut received = Vec::new();
    let read = tokio::time::timeout(within, async {
        let mut buffer = [0u8; 4096];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    read.ok().map(|()| String::from_utf8_lossy(&received).into_owned())
}

async fn a_half_sent_request_is_closed_after_the_header_deadline(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c: &mut Config| c.limits.header_timeout_seconds = 1).await;
    let started = Instant::now();
    let mut stream = half_sent(&app, "127.0.0.2").await;
    let health = app.client().get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200, "others are served meanwhile");
    let closed = until_closed(&mut stream, Duration::from_secs(30)).await;
    assert!(closed.is_some(), "the server closes a connection whose headers do not arrive");
    assert!(started.elapsed() >= Duration::from_millis(900), "not before the deadline");
    app.stop().await;
}

async fn connections_over_the_cap_are_refused_at_once(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c: &mut Config| c.limits.max_connections_per_address = 2).await;
    let held = [half_sent(&app, "127.0.0.2").await, half_sent(&app, "127.0.0.2").await];
    let mut third = half_sent(&app, "127.0.0.2").await;
    let answer = until_closed(&mut third, Duration::from_secs(10)).await.expect("refused at once, not queued");
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("Retry-After: 5"), "{answer}");
    let other = reqwest::Client::builder().local_address("127.0.0.1".parse().ok()).build().unwrap();
    let health = other.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200, "another address is still served");
    drop(held);
    app.stop().await;
}

/// Half-sent requests have nothing to finish: a shutdown closes them at once, while the
/// workshop stream is told to reconnect.
async fn shutdown_does_not_wait_for_half_sent_requests(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c: &mut Config| {
        c.limits.shutdown_grace_seconds = 120;
        c.limits.header_timeout_seconds = 120;
    })
    .await;
    let seeds = seed(&app.db).await;
    let mut events = open_workshop_stream(&app, seeds.campaign_a).await;
    assert_eq!(events.status(), 200);
    let mut half = [half_sent(&app, "127.0.0.2").await, half_sent(&app, "127.0.0.2").await];
    // The connections are served (accepted) once the server answers a request sent after them.
    assert_eq!(app.client().get(app.url("/healthz")).send().await.unwrap().status(), 200);

    let started = Instant::now();
    app.stop().await;
    assert!(started.elapsed() < Duration::from_secs(60), "stopped after {:?}", started.elapsed());
    for stream in &mut half {
        assert!(until_closed(stream, Duration::from_secs(5)).await.is_some(), "closed by the shutdown");
    }
    let mut tail = String::new();
    while let Ok(Some(chunk)) = events.chunk().await {
        tail.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(tail.contains("event: reconnect"), "the projector is told to reconnect: {tail}");
}

/// A request in flight that does not finish (its body trickles) gets the grace period, no more.
async fn shutdown_ends_within_the_grace_period(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c: &mut Config| {
        c.limits.shutdown_grace_seconds = 1;
        c.limits.request_timeout_seconds = 600;
    })
    .await;
    let mut stream = TcpStream::connect(address(&app)).await.unwrap();
    let host = app.base.trim_start_matches("http://").to_owned();
    let head = format!(
        "POST /sign-in HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\nSec-Fetch-Site: same-origin\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\nemail=lent",
        app.base
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    assert_eq!(app.client().get(app.url("/healthz")).send().await.unwrap().status(), 200);
    let started = Instant::now();
    app.stop().await;
    assert!(started.elapsed() < Duration::from_secs(60), "stopped after {:?}", started.elapsed());
    assert!(until_closed(&mut stream, Duration::from_secs(5)).await.is_some(), "closed after the grace period");
}

async fn a_request_past_its_deadline_gets_a_page_saying_so(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c: &mut Config| c.limits.request_timeout_seconds = 1).await;
    let origin = app.base.clone();
    let host = origin.trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(address(&app)).await.unwrap();
    // A form whose body never arrives whole.
    let head = format!(
        "POST /sign-in HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\nSec-Fetch-Site: same-origin\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\nemail=lent"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let answer = until_closed(&mut stream, Duration::from_secs(30)).await.expect("an answer, then closed");
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("Le serveur met trop de temps à répondre"), "{answer}");
    app.stop().await;
}

async fn expensive_work_is_bounded(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c: &mut Config| {
        c.limits.heavy_concurrency = 1;
        c.limits.heavy_queue = 0;
    })
    .await;
    let seeds = seed(&app.db).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let url = app.url(&format!("/campaigns/{}/export/reponses.csv", seeds.campaign_a));
    assert_eq!(coordinator.get(&url).send().await.unwrap().status(), 200);

    let held = app.state().gates().heavy_place().await.expect("the only place");
    let busy = coordinator.get(&url).send().await.unwrap();
    assert_eq!(busy.status(), 503);
    assert_eq!(busy.headers()["retry-after"], "5");
    let page = busy.text().await.unwrap();
    assert!(page.contains("réessayez dans un instant"), "{page}");
    let home = coordinator.get(app.url("/")).send().await.unwrap();
    assert_eq!(home.status(), 200, "pages do not wait behind expensive work");
    drop(held);
    assert_eq!(coordinator.get(&url).send().await.unwrap().status(), 200);
    app.stop().await;
}

async fn expensive_work_has_a_rate_per_person(backend: Backend) {
    let app = TestApp::spawn_with(backend, |c: &mut Config| c.limits.heavy_per_person_per_minute = 1).await;
    let seeds = seed(&app.db).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let url = app.url(&format!("/campaigns/{}/export/reponses.csv", seeds.campaign_a));
    // A new minute may start between two requests: one of five in a row is over the rate anyway.
    let mut refused = None;
    for _ in 0..5 {
        let response = coordinator.get(&url).send().await.unwrap();
        if response.status() == 429 {
            refused = Some(response);
            break;
        }
        assert_eq!(response.status(), 200);
    }
    let refused = refused.expect("over the rate");
    let wait: u64 = refused.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
    assert!(refused.text().await.unwrap().contains("réessayez dans une minute"));
    app.stop().await;
}

macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test] async fn $name() { super::$name(cap_storage::Backend::Sqlite).await; })*
        }
        mod postgres {
            $(#[tokio::test] async fn $name() { super::$name(cap_storage::Backend::Postgres).await; })*
        }
    };
}

on_both!(
    a_half_sent_request_is_closed_after_the_header_deadline,
    connections_over_the_cap_are_refused_at_once,
    shutdown_does_not_wait_for_half_sent_requests,
    shutdown_ends_within_the_grace_period,
    a_request_past_its_deadline_gets_a_page_saying_so,
    expensive_work_is_bounded,
    expensive_work_has_a_rate_per_person,
);
