//! Plan generation and scoring for a campaign of 120 indicators (the aim: under 5 ms).
//! `cargo bench -p cap-domain --bench plan`

use cap_domain::OrganisationType;
use cap_domain::campaign::{AnswerValue, campaign_indicators};
use cap_domain::plan::{PlanInputs, propose};
use cap_domain::referential::{AnswerType, generate};
use cap_domain::scoring::{Targets, compute};
use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use std::collections::HashMap;
use std::hint::black_box;

fn plan_generation(c: &mut Criterion) {
    let mut r = generate("bench", 120, 42, None);
    for n in r.nodes.iter_mut() {
        n.applies_to.clear();
        n.answer = AnswerType::Level;
    }
    let covered = campaign_indicators(&r, &[], OrganisationType::Aci);
    assert_eq!(covered.len(), 120);
    let answers: HashMap<String, AnswerValue> = covered
        .iter()
        .enumerate()
        .map(|(i, n)| (n.code.clone(), AnswerValue::Level(1 + ((i * 7 + i / 5) % 4) as i64)))
        .collect();
    let divergence: HashMap<String, f64> =
        covered.iter().enumerate().map(|(i, n)| (n.code.clone(), (i % 5) as f64 / 2.0)).collect();
    let targets = Targets::default();
    let start = Date::new(2027, 1, 15).expect("a real date");
    c.bench_function("scores, 120 indicators", |b| b.iter(|| compute(black_box(&r), &covered, &answers, &targets)));
    c.bench_function("scores and proposed plan, 120 indicators", |b| {
        b.iter(|| {
            let scores = compute(black_box(&r), &covered, &answers, &targets);
            let inputs = PlanInputs {
                referential: &r,
                covered: &covered,
                answers: &answers,
                scores: &scores,
                targets: &targets,
                divergence: &divergence,
            };
            propose(&inputs, start, 6)
        })
    });
}

criterion_group!(benches, plan_generation);
criterion_main!(benches);
