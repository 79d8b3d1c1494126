//! Campaigns of participatory self-assessment: creating one, its page, its steps, its
//! participants, and answering.

pub mod advance;
pub mod answer;
pub mod assignment;
pub mod autosave;
pub mod consolidation;
pub mod create;
pub mod decide;
pub mod invite;
pub mod participants;
pub mod personal_link;
pub mod protect;
pub mod remind;
pub mod scope;
pub mod show;

use cap_app::campaigns::Loaded;

/// The campaign's scope as tree rows (pillars to indicators), for choosing assignments.
pub fn explore_rows(loaded: &Loaded) -> Vec<crate::features::referentials::explore::TreeRow> {
    let covered: std::collections::HashSet<&str> = loaded.indicators().iter().map(|n| n.code.as_str()).collect();
    let r = &loaded.referential.referential;
    // Keep structure nodes that lead to a covered indicator, and the covered indicators.
    let mut useful: std::collections::HashSet<&str> = covered.clone();
    for code in &covered {
        let mut at = r.node(code).and_then(|n| n.parent.as_deref());
        while let Some(parent) = at {
            useful.insert(parent);
            at = r.node(parent).and_then(|n| n.parent.as_deref());
        }
    }
    crate::features::referentials::explore::tree_rows(r, &loaded.referential.depths, |n| {
        useful.contains(n.code.as_str())
    })
}
