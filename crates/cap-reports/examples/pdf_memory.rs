//! Renders 200 full reports of a generated 120-indicator, 30-action campaign in a row and prints
//! the resident memory after 1, 50, 100, 150 and 200 of them: it must stay flat.
//!
//! `cargo run -p cap-reports --example pdf_memory --release [-- DIR]`; with `DIR`, the last
//! report and its summary are also written there (`rapport.pdf`, `synthese.pdf`) to look at.

use cap_reports::pdf::{render_report, render_summary, sample::generated};
use std::time::Instant;

/// The process's resident memory (`VmRSS` of `/proc/self/status`), in kB.
fn resident_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let report = generated(120, 30);
    let started = Instant::now();
    let mut last = Vec::new();
    println!("reports  resident memory");
    for i in 1..=200 {
        last = render_report(&report)?;
        if [1, 50, 100, 150, 200].contains(&i) {
            let rss = resident_kb().map_or_else(|| "unknown".to_owned(), |kb| format!("{:.1} MB", kb as f64 / 1024.0));
            println!("{i:>7}  {rss}");
        }
    }
    let elapsed = started.elapsed();
    println!("{} bytes each, {:.0} ms per report on average", last.len(), elapsed.as_secs_f64() * 1000.0 / 200.0);
    if let Some(dir) = std::env::args().nth(1) {
        let dir = std::path::Path::new(&dir);
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join("rapport.pdf"), &last)?;
        std::fs::write(dir.join("synthese.pdf"), render_summary(&report)?)?;
        println!("written to {}", dir.display());
    }
    Ok(())
}
