//! The PDF report and its summary for a campaign of 120 indicators and 30 actions (the aim: a
//! median under 500 ms). `cargo bench -p cap-reports --bench pdf`
//!
//! Memory over 200 reports in a row: `cargo run -p cap-reports --example pdf_memory --release`.

use cap_reports::pdf::{render_report, render_summary, sample::generated};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn pdf(c: &mut Criterion) {
    let report = generated(120, 30);
    // The first document builds the engine (fonts parsed once); measure the steady state.
    render_report(&report).expect("the report renders");
    let mut group = c.benchmark_group("pdf");
    group.sample_size(30).measurement_time(Duration::from_secs(15));
    group.bench_function("report, 120 indicators, 30 actions", |b| {
        b.iter(|| render_report(black_box(&report)).expect("the report renders"))
    });
    group.bench_function("summary, 120 indicators, 30 actions", |b| {
        b.iter(|| render_summary(black_box(&report)).expect("the summary renders"))
    });
    group.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
