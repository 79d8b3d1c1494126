//! The photographie (where the organisation stands, against its targets and its previous
//! campaign), the targets it sets itself, and the mid-term checkpoint.

pub mod checkpoint;
pub mod photographie;
pub mod targets;

/// The scale's levels as select options: (value, « 3 — label »).
pub fn level_options(r: &cap_domain::referential::Referential) -> Vec<(String, String)> {
    r.scale.levels.iter().map(|l| (l.value.to_string(), format!("{} — {}", l.value, l.label))).collect()
}
