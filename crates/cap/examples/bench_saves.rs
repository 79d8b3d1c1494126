//! Load generator for answer saves (the autosave endpoint), used by `scripts/bench.sh`.
//! Each of N concurrent clients owns some indicators and saves them in turn with the version the
//! server last returned, so every request is a real write. Targets the given URL only (meant for
//! 127.0.0.1), stops by itself after the given duration, prints a JSON summary.
//!
//! usage: bench_saves BASE_URL COOKIE CAMPAIGN_ID CODES(comma-separated) SECONDS CONNECTIONS

use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 7 {
        eprintln!("usage: bench_saves BASE_URL COOKIE CAMPAIGN_ID CODES SECONDS CONNECTIONS");
        std::process::exit(2);
    }
    let (base, cookie, campaign) = (args[1].clone(), args[2].clone(), args[3].clone());
    let codes: Vec<String> = args[4].split(',').map(str::to_owned).collect();
    let seconds: u64 = args[5].parse().expect("seconds");
    let connections: usize = args[6].parse().expect("connections");
    let client = reqwest::Client::builder().pool_max_idle_per_host(connections).build().expect("client");
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for c in 0..connections {
        let mut mine: Vec<String> = codes.iter().skip(c).step_by(connections).cloned().collect();
        let (client, base, cookie, campaign) = (client.clone(), base.clone(), cookie.clone(), campaign.clone());
        tasks.push(tokio::spawn(async move {
            let mut versions = vec![0i64; mine.len()];
            let (mut latencies, mut errors) = (Vec::new(), Vec::new());
            let mut i = 0usize;
            while Instant::now() < deadline && !mine.is_empty() {
                let k = i % mine.len();
                let level = 1 + (i % 4);
                let started = Instant::now();
                let response = client
                    .post(format!("{base}/campaigns/{campaign}/answers/{}", mine[k]))
                    .header("cookie", &cookie)
                    .form(&[
                        ("value", level.to_string()),
                        ("comment", String::new()),
                        ("version", versions[k].to_string()),
                    ])
                    .send()
                    .await;
                match response {
                    Ok(r) if r.status().is_success() => {
                        let body: serde_json::Value = r.json().await.unwrap_or_default();
                        versions[k] = body["version"].as_i64().unwrap_or(versions[k]);
                        latencies.push(started.elapsed());
                    }
                    // A yes/no indicator refuses a level: leave it out and go on with the others.
                    Ok(r) if r.status() == reqwest::StatusCode::UNPROCESSABLE_ENTITY => {
                        mine.remove(k);
                        versions.remove(k);
                    }
                    Ok(r) => errors.push(r.status().as_u16()),
                    Err(_) => errors.push(0),
                }
                i += 1;
            }
            (latencies, errors)
        }));
    }
    let (mut all, mut errors) = (Vec::new(), Vec::new());
    for t in tasks {
        let (l, e) = t.await.expect("task");
        all.extend(l);
        errors.extend(e);
    }
    let mut statuses: std::collections::BTreeMap<u16, usize> = std::collections::BTreeMap::new();
    for e in &errors {
        *statuses.entry(*e).or_default() += 1;
    }
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "{{\"saves\": {}, \"errors\": {}, \"error_statuses\": \"{:?}\", \"per_second\": {:.0}, \"p50_ms\": {:.2}, \"p99_ms\": {:.2}}}",
        all.len(),
        errors.len(),
        statuses,
        all.len() as f64 / seconds as f64,
        pct(0.5),
        pct(0.99)
    );
}
