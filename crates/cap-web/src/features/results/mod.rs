//! The photographie (where the organisation stands, against its targets and its previous
//! campaign), its restitution on a projector and what participants say after it, the targets the
//! organisation sets itself, and the mid-term checkpoint.

pub mod activity;
pub mod checkpoint;
pub mod photographie;
pub mod readiness;
pub mod restitution;
pub mod targets;
pub mod voice;

/// The scale's levels as select options: (value, « 3 — label »).
pub fn level_options(r: &cap_domain::referential::Referential) -> Vec<(String, String)> {
    r.scale.levels.iter().map(|l| (l.value.to_string(), format!("{} — {}", l.value, l.label))).collect()
}
