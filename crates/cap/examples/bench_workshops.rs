//! Load of workshops, used by `scripts/bench.sh` (`scripts/bench.py`): R rooms at once, each with a
//! projector following the room by server-sent events and P phones voting on I indicators. For
//! every vote it measures the time until the projector's stream announces it. Targets the given
//! URL only (meant for 127.0.0.1); stops by itself; prints a JSON summary.
//!
//! usage: bench_workshops BASE_URL ROOMS PHONES INDICATORS PASSWORD [FIRST [PHONES_URL]]
//! Room n is run by the coordinator gen{FIRST+n}.0@generated.cap of a database made by `cap
//! generate` (FIRST: the number of the first generated organisation, 0 unless others were there).
//! With PHONES_URL (a second instance on the same PostgreSQL database), the phones join and vote
//! there while the projector follows the room on BASE_URL: each vote crosses between instances.

use std::time::{Duration, Instant};
use tokio::sync::mpsc;

fn client() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

fn first_capture(html: &str, before: &str, after: char) -> Option<String> {
    let start = html.find(before)? + before.len();
    Some(html[start..].split(after).next()?.to_owned())
}

async fn room(
    base: String,
    phones_base: String,
    n: usize,
    first: usize,
    phones: usize,
    indicators: usize,
    password: String,
) -> Result<(Vec<Duration>, usize), String> {
    let coordinator = client();
    let email = format!("gen{}.0@generated.cap", first + n);
    coordinator
        .post(format!("{base}/sign-in"))
        .form(&[("email", email.as_str()), ("password", password.as_str())])
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let home = coordinator
        .get(format!("{base}/"))
        .send()
        .await
        .map_err(|e| e.to_string())?
        .text()
        .await
        .map_err(|e| e.to_string())?;
    let org = first_capture(&home, "href=\"/organisations/", '"').ok_or("no organisation")?;
    let page = coordinator
        .get(format!("{base}/organisations/{org}"))
        .send()
        .await
        .map_err(|e| e.to_string())?
        .text()
        .await
        .map_err(|e| e.to_string())?;
    let campaign = first_capture(&page, "href=\"/campaigns/", '"').ok_or("no campaign")?;
    let opened = coordinator
        .post(format!("{base}/campaigns/{campaign}/workshops"))
        .form(&[("pillar", "")])
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let console_path = opened.headers().get("location").and_then(|v| v.to_str().ok()).ok_or("no workshop")?.to_owned();
    let console = coordinator
        .get(format!("{base}{console_path}"))
        .send()
        .await
        .map_err(|e| e.to_string())?
        .text()
        .await
        .map_err(|e| e.to_string())?;
    let code = first_capture(&console, "class=\"workshop__code\">", '<').ok_or("no code")?;

    // The projector's stream: one timestamp per announced change.
    let (tx, mut rx) = mpsc::unbounded_channel::<Instant>();
    let mut stream = coordinator.get(format!("{base}{console_path}/events")).send().await.map_err(|e| e.to_string())?;
    tokio::spawn(async move {
        while let Ok(Some(chunk)) = stream.chunk().await {
            let now = Instant::now();
            for _ in 0..String::from_utf8_lossy(&chunk).matches("event: update").count() {
                let _ = tx.send(now);
            }
        }
    });
    let mut phone_clients = Vec::with_capacity(phones);
    for p in 0..phones {
        let phone = client();
        phone
            .post(format!("{phones_base}/w"))
            .form(&[("code", code.as_str()), ("first_name", format!("Voix {p}").as_str()), ("college", "volunteer")])
            .send()
            .await
            .map_err(|e| e.to_string())?;
        phone_clients.push(phone);
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    while rx.try_recv().is_ok() {}

    let (mut latencies, mut errors) = (Vec::new(), 0);
    for i in 0..indicators {
        let html = phone_clients[0]
            .get(format!("{phones_base}/w/{code}"))
            .send()
            .await
            .map_err(|e| e.to_string())?
            .text()
            .await
            .map_err(|e| e.to_string())?;
        let current = first_capture(&html, "name=\"indicator\" value=\"", '"').ok_or("no indicator")?;
        for (p, phone) in phone_clients.iter().enumerate() {
            let level = 1 + (p + i) % 4;
            let sent = Instant::now();
            let ok = phone
                .post(format!("{phones_base}/w/{code}/vote"))
                .form(&[("value", level.to_string()), ("indicator", current.clone())])
                .send()
                .await
                .is_ok_and(|r| r.status().is_redirection());
            match tokio::time::timeout(Duration::from_secs(5), rx.recv()).await {
                Ok(Some(at)) if ok => latencies.push(at.saturating_duration_since(sent)),
                _ => errors += 1,
            }
        }
        coordinator
            .post(format!("{base}{console_path}/control"))
            .form(&[("action", "next")])
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let _ = tokio::time::timeout(Duration::from_secs(5), rx.recv()).await;
    }
    Ok((latencies, errors))
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if !(6..=8).contains(&args.len()) {
        eprintln!("usage: bench_workshops BASE_URL ROOMS PHONES INDICATORS PASSWORD [FIRST [PHONES_URL]]");
        std::process::exit(2);
    }
    let (rooms, phones, indicators): (usize, usize, usize) =
        (args[2].parse().unwrap_or(30), args[3].parse().unwrap_or(30), args[4].parse().unwrap_or(20));
    let first: usize = args.get(6).and_then(|f| f.parse().ok()).unwrap_or(0);
    let phones_base = args.get(7).unwrap_or(&args[1]).clone();
    let started = Instant::now();
    let tasks: Vec<_> = (0..rooms)
        .map(|n| {
            tokio::spawn(room(args[1].clone(), phones_base.clone(), n, first, phones, indicators, args[5].clone()))
        })
        .collect();
    let (mut all, mut errors, mut failed_rooms) = (Vec::new(), 0, Vec::new());
    for t in tasks {
        match t.await {
            Ok(Ok((l, e))) => {
                all.extend(l);
                errors += e;
            }
            Ok(Err(e)) => failed_rooms.push(e),
            Err(e) => failed_rooms.push(e.to_string()),
        }
    }
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "{{\"votes\": {}, \"errors\": {}, \"failed_rooms\": {:?}, \"p50_ms\": {:.2}, \"p99_ms\": {:.2}, \"seconds\": {:.1}}}",
        all.len(),
        errors,
        failed_rooms,
        pct(0.5),
        pct(0.99),
        started.elapsed().as_secs_f64()
    );
}
