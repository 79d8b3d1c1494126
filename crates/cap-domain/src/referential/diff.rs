//! The differences between two versions of a referential: indicators (and other nodes) added,
//! removed and changed, and what the code map says became of removed codes.

use super::*;

/// One difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A node only in the new version.
    Added {
        /// Its code.
        code: String,
        /// Its title or statement.
        label: String,
    },
    /// A node only in the old version, with what the code map says it became.
    Removed {
        /// Its code.
        code: String,
        /// Its title or statement.
        label: String,
        /// The new codes it maps to, if the new version says.
        now: Vec<String>,
    },
    /// A node in both whose content changed; `fields` names what changed.
    Changed {
        /// Its code.
        code: String,
        /// Its title or statement in the new version.
        label: String,
        /// The fields that differ (`statement`, `guidance`, `applies_to`, …).
        fields: Vec<&'static str>,
    },
}

/// All differences from `old` to `new`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VersionDiff {
    /// In tree order: removed and changed nodes of the old version, then added ones.
    pub changes: Vec<Change>,
    /// Whether the scale changed.
    pub scale_changed: bool,
}

impl VersionDiff {
    /// Counts of (added, removed, changed).
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for c in &self.changes {
            match c {
                Change::Added { .. } => counts.0 += 1,
                Change::Removed { .. } => counts.1 += 1,
                Change::Changed { .. } => counts.2 += 1,
            }
        }
        counts
    }
}

fn changed_fields(a: &Node, b: &Node) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let pairs: [(&'static str, bool); 14] = [
        ("kind", a.kind != b.kind),
        ("parent", a.parent != b.parent),
        ("title", a.title != b.title || a.title_en != b.title_en),
        ("statement", a.statement != b.statement || a.statement_en != b.statement_en),
        ("easy_read", a.easy_read != b.easy_read || a.easy_read_en != b.easy_read_en),
        ("answer", a.answer != b.answer),
        ("bounds", a.unit != b.unit || a.min != b.min || a.max != b.max),
        ("applies_to", a.applies_to != b.applies_to),
        ("weight", a.weight != b.weight),
        ("target", a.target != b.target),
        ("services", a.services != b.services),
        ("guidance", a.guidance != b.guidance),
        ("evidence", a.evidence != b.evidence),
        ("mappings", a.mappings != b.mappings),
    ];
    for (name, differs) in pairs {
        if differs {
            fields.push(name);
        }
    }
    fields
}

/// Compares two versions.
pub fn diff(old: &Referential, new: &Referential) -> VersionDiff {
    let mut changes = Vec::new();
    for node in &old.nodes {
        match new.node(&node.code) {
            None => {
                let now = new.code_map.iter().find(|e| e.old == node.code).map(|e| e.new.clone()).unwrap_or_default();
                changes.push(Change::Removed { code: node.code.clone(), label: node.label().to_owned(), now });
            }
            Some(other) => {
                let fields = changed_fields(node, other);
                if !fields.is_empty() {
                    changes.push(Change::Changed { code: node.code.clone(), label: other.label().to_owned(), fields });
                }
            }
        }
    }
    for node in &new.nodes {
        if old.node(&node.code).is_none() {
            changes.push(Change::Added { code: node.code.clone(), label: node.label().to_owned() });
        }
    }
    VersionDiff { changes, scale_changed: old.scale != new.scale }
}
