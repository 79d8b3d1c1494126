//! The floor of a write, used by `scripts/bench.sh` (`scripts/bench.py`): N concurrent tasks each
//! commit one row at a time (a setting of their own, written on its own, as the autosave writes
//! its answer) through Cap's own storage, with the engine's settings Cap uses (SQLite in WAL with
//! `synchronous = FULL`; PostgreSQL with `synchronous_commit` on), for the given time. A saved
//! answer is compared with it: what a save costs beyond holding the write lock. Touches only its
//! own settings (`bench.commit.N`), removed at the end; prints a JSON summary.
//!
//! usage: bench_commits DATABASE_URL SECONDS CONNECTIONS

use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: bench_commits DATABASE_URL SECONDS CONNECTIONS");
        std::process::exit(2);
    }
    let seconds: u64 = args[2].parse().unwrap_or(5);
    let connections: usize = args[3].parse().unwrap_or(64);
    let db = match cap_storage::Db::connect_without_migrating(&args[1]).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("database: {e}");
            std::process::exit(1);
        }
    };
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for c in 0..connections {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            let key = format!("bench.commit.{c}");
            let (mut latencies, mut errors) = (Vec::new(), 0usize);
            let mut i = 0u64;
            while Instant::now() < deadline {
                let started = Instant::now();
                match cap_storage::settings::set(&db, &key, &i.to_string()).await {
                    Ok(()) => latencies.push(started.elapsed()),
                    Err(_) => errors += 1,
                }
                i += 1;
            }
            (latencies, errors)
        }));
    }
    let (mut all, mut errors) = (Vec::new(), 0);
    for t in tasks {
        if let Ok((l, e)) = t.await {
            all.extend(l);
            errors += e;
        }
    }
    for c in 0..connections {
        let _ = cap_storage::settings::remove(&db, &format!("bench.commit.{c}")).await;
    }
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "{{\"commits\": {}, \"errors\": {}, \"per_second\": {:.0}, \"p50_ms\": {:.2}, \"p99_ms\": {:.2}}}",
        all.len(),
        errors,
        all.len() as f64 / seconds as f64,
        pct(0.5),
        pct(0.99)
    );
}
