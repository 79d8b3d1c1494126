//! Every rule a referential must satisfy, checked at once. Nothing is written unless this
//! returns no problem.

use super::parse::SourceLines;
use super::*;
use std::collections::{HashMap, HashSet};

/// What the checks need to know beyond the file itself.
#[derive(Debug, Default, Clone)]
pub struct Context {
    /// Codes of the offers of services that exist.
    pub offers: HashSet<String>,
    /// For each other referential known, the codes of its nodes (latest version).
    pub referentials: HashMap<String, HashSet<String>>,
    /// Codes of the previous version's nodes, when the file names a previous version that is known.
    pub previous_codes: Option<HashSet<String>>,
}

/// Checks a referential; returns every problem found, in file order.
pub fn validate_referential(r: &Referential, lines: &SourceLines, ctx: &Context) -> Vec<Problem> {
    let mut p = Vec::new();
    let header = lines.header;
    for (field, value) in [("code", &r.code), ("version", &r.version), ("language", &r.language), ("title", &r.title)] {
        if value.trim().is_empty() {
            p.push(Problem::new(header, "refcheck.header_missing", &[field]));
        }
    }
    if !r.code.is_empty() && !valid_code(&r.code) {
        p.push(Problem::new(header, "refcheck.code_invalid", &[&r.code]));
    }
    if !r.version.is_empty() && !valid_code(&r.version) {
        p.push(Problem::new(header, "refcheck.code_invalid", &[&r.version]));
    }

    let scale = &r.scale;
    if scale.levels.len() < 2 {
        p.push(Problem::new(lines.scale, "refcheck.scale_too_short", &[]));
    }
    for (i, level) in scale.levels.iter().enumerate() {
        let line = lines.levels.get(i).copied();
        if i > 0 && level.value <= scale.levels[i - 1].value {
            p.push(Problem::new(line, "refcheck.level_order", &[&level.value.to_string()]));
        }
        if level.label.trim().is_empty() {
            p.push(Problem::new(line, "refcheck.level_label_missing", &[&level.value.to_string()]));
        }
    }
    let values: HashSet<i64> = scale.levels.iter().map(|l| l.value).collect();
    if let Some(t) = scale.default_target.filter(|t| !values.contains(t)) {
        p.push(Problem::new(lines.scale, "refcheck.default_target_outside", &[&t.to_string()]));
    }

    let mut seen: HashMap<&str, (usize, NodeKind)> = HashMap::new();
    for (i, node) in r.nodes.iter().enumerate() {
        let line = lines.nodes.get(i).copied();
        let code = node.code.as_str();
        if !valid_code(code) {
            p.push(Problem::new(line, "refcheck.node_code_invalid", &[code]));
        }
        if let Some((first, _)) = seen.get(code) {
            let first_line = lines.nodes.get(*first).map_or_else(String::new, ToString::to_string);
            p.push(Problem::new(line, "refcheck.duplicate_code", &[code, &first_line]));
        }
        match (&node.parent, node.kind) {
            (Some(_), NodeKind::Pillar) => p.push(Problem::new(line, "refcheck.pillar_with_parent", &[code])),
            (None, kind) if kind != NodeKind::Pillar => p.push(Problem::new(line, "refcheck.parent_required", &[code])),
            (Some(parent), kind) => match seen.get(parent.as_str()) {
                None if r.nodes.iter().any(|n| &n.code == parent) => {
                    p.push(Problem::new(line, "refcheck.parent_after", &[code, parent]))
                }
                None => p.push(Problem::new(line, "refcheck.parent_missing", &[code, parent])),
                Some((_, parent_kind)) if *parent_kind >= kind => {
                    p.push(Problem::new(line, "refcheck.parent_kind", &[code, parent]))
                }
                Some(_) => {}
            },
            (None, _) => {}
        }
        seen.entry(code).or_insert((i, node.kind));

        if node.kind == NodeKind::Indicator {
            if node.statement.is_none() {
                p.push(Problem::new(line, "refcheck.statement_missing", &[code]));
            }
        } else if node.title.is_none() {
            p.push(Problem::new(line, "refcheck.title_missing", &[code]));
        }
        if node.kind != NodeKind::Indicator && (node.easy_read.is_some() || node.easy_read_en.is_some()) {
            p.push(Problem::new(line, "refcheck.easy_read_not_indicator", &[code]));
        }
        let numeric = node.unit.is_some() || node.min.is_some() || node.max.is_some();
        if numeric && (node.kind != NodeKind::Indicator || node.answer != AnswerType::Number) {
            p.push(Problem::new(line, "refcheck.number_fields", &[code]));
        }
        if let (Some(min), Some(max)) = (node.min, node.max)
            && min > max
        {
            p.push(Problem::new(line, "refcheck.bounds_reversed", &[code]));
        }
        if node.weight < 1 {
            p.push(Problem::new(line, "refcheck.weight_invalid", &[code]));
        }
        if let Some(target) = node.target {
            if node.kind != NodeKind::Indicator || node.answer != AnswerType::Level {
                p.push(Problem::new(line, "refcheck.target_not_level", &[code]));
            } else if !values.contains(&target) {
                p.push(Problem::new(line, "refcheck.target_outside", &[code, &target.to_string()]));
            }
        }
        for service in &node.services {
            if !ctx.offers.contains(service) {
                p.push(Problem::new(line, "refcheck.service_unknown", &[code, service]));
            }
        }
        for (j, m) in node.mappings.iter().enumerate() {
            let mline = lines.mappings.get(i).and_then(|l| l.get(j)).copied().or(line);
            if m.referential == r.code {
                p.push(Problem::new(mline, "refcheck.mapping_self", &[code]));
                continue;
            }
            match ctx.referentials.get(&m.referential) {
                None => p.push(Problem::new(mline, "refcheck.mapping_referential_unknown", &[code, &m.referential])),
                Some(codes) if !codes.contains(&m.code) => {
                    p.push(Problem::new(mline, "refcheck.mapping_node_unknown", &[code, &m.referential, &m.code]))
                }
                Some(_) => {}
            }
        }
    }

    let codes: HashSet<&str> = r.nodes.iter().map(|n| n.code.as_str()).collect();
    for (i, entry) in r.code_map.iter().enumerate() {
        let line = lines.code_map.get(i).copied();
        if r.previous.is_none() {
            p.push(Problem::new(line, "refcheck.code_map_without_previous", &[&entry.old]));
            continue;
        }
        if let Some(previous) = &ctx.previous_codes
            && !previous.contains(&entry.old)
        {
            p.push(Problem::new(line, "refcheck.code_map_old_unknown", &[&entry.old]));
        }
        for new in &entry.new {
            if !codes.contains(new.as_str()) {
                p.push(Problem::new(line, "refcheck.code_map_new_unknown", &[&entry.old, new]));
            }
        }
        let fits = match entry.change {
            CodeChange::Removed => entry.new.is_empty(),
            CodeChange::Renamed | CodeChange::Merged => entry.new.len() == 1,
            CodeChange::Split => entry.new.len() >= 2,
        };
        if !fits {
            p.push(Problem::new(line, "refcheck.code_map_change", &[&entry.old, entry.change.code()]));
        }
    }
    p.sort_by_key(|problem| problem.line.unwrap_or(0));
    p
}

/// Checks an offers file.
pub fn validate_offers(offers: &[ServiceOffer], lines: &SourceLines) -> Vec<Problem> {
    let mut p = Vec::new();
    let mut seen = HashSet::new();
    for (i, offer) in offers.iter().enumerate() {
        let line = lines.offers.get(i).copied();
        if !valid_code(&offer.code) {
            p.push(Problem::new(line, "refcheck.node_code_invalid", &[&offer.code]));
        } else if !seen.insert(offer.code.as_str()) {
            p.push(Problem::new(line, "refcheck.duplicate_code", &[&offer.code, ""]));
        }
        if offer.title.trim().is_empty() {
            p.push(Problem::new(line, "refcheck.title_missing", &[&offer.code]));
        }
        if offer.description.trim().is_empty() {
            p.push(Problem::new(line, "refcheck.description_missing", &[&offer.code]));
        }
    }
    p
}
