//! A referential's tree as nested lists, for the explorer and for choosing a campaign's
//! assignments and targets.

use cap_app::campaigns::Loaded;
use cap_domain::referential::{Node, NodeKind, Referential};

/// One line of the tree, with the nested lists to open before it and to close after it.
pub struct TreeRow {
    /// Code.
    pub code: String,
    /// Title or statement.
    pub label: String,
    /// Kind message key.
    pub kind_key: &'static str,
    /// Whether it is an indicator.
    pub indicator: bool,
    /// `<ul>` to open before the row's `<li>`.
    pub opens: usize,
    /// Whether the row's `<li>` closes at once (no child follows).
    pub close_item: bool,
    /// `</ul></li>` to write after that, going back up the tree.
    pub closes: usize,
}

/// Flattens the tree (nodes are stored parents first, children in order) into nested-list rows;
/// `depths` gives each node's depth, in node order.
pub fn tree_rows(r: &Referential, depths: &[usize], keep: impl Fn(&Node) -> bool) -> Vec<TreeRow> {
    let visible: Vec<(&Node, usize)> = r.nodes.iter().zip(depths.iter().copied()).filter(|(n, _)| keep(n)).collect();
    let mut rows = Vec::with_capacity(visible.len());
    let mut current = 0usize;
    for (i, (node, d)) in visible.iter().enumerate() {
        let opens = if i == 0 {
            1
        } else if *d > current {
            d - current
        } else {
            0
        };
        let next = visible.get(i + 1).map_or(0, |(_, nd)| *nd);
        let close_item = next <= *d;
        let closes = d.saturating_sub(next);
        rows.push(TreeRow {
            code: node.code.clone(),
            label: node.label().to_owned(),
            kind_key: node.kind.label_key(),
            indicator: node.kind == NodeKind::Indicator,
            opens,
            close_item,
            closes,
        });
        current = *d;
    }
    rows
}

/// The campaign's scope as tree rows (pillars to indicators), for choosing assignments.
pub fn explore_rows(loaded: &Loaded) -> Vec<TreeRow> {
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
    tree_rows(r, &loaded.referential.depths, |n| useful.contains(n.code.as_str()))
}
