//! Reading files: TOML text into the model, with the line of every node so that each problem
//! points at its place. Type and syntax errors stop the reading (TOML cannot go on past them);
//! every rule of the model is then checked at once by `validate`.

use super::*;
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    referential: Spanned<RawHeader>,
    scale: Spanned<RawScale>,
    #[serde(default)]
    node: Vec<Spanned<RawNode>>,
    #[serde(default)]
    code_map: Vec<Spanned<RawCodeMap>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    #[serde(default)]
    code: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    title: String,
    title_en: Option<String>,
    previous: Option<String>,
    description: Option<String>,
    notice: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    #[serde(default)]
    not_applicable: bool,
    #[serde(default)]
    unknown: bool,
    default_target: Option<i64>,
    #[serde(default)]
    levels: Vec<Spanned<RawLevel>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevel {
    value: i64,
    #[serde(default)]
    label: String,
    label_en: Option<String>,
    #[serde(default)]
    descriptor: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    #[serde(default)]
    code: String,
    #[serde(default)]
    kind: String,
    parent: Option<String>,
    title: Option<String>,
    title_en: Option<String>,
    statement: Option<String>,
    statement_en: Option<String>,
    easy_read: Option<String>,
    easy_read_en: Option<String>,
    answer: Option<String>,
    unit: Option<String>,
    min: Option<i64>,
    max: Option<i64>,
    #[serde(default)]
    applies_to: Vec<String>,
    weight: Option<i64>,
    target: Option<i64>,
    #[serde(default)]
    services: Vec<String>,
    guidance: Option<String>,
    #[serde(default)]
    evidence: Vec<String>,
    #[serde(default)]
    mappings: Vec<Spanned<RawMapping>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    #[serde(default)]
    referential: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    relation: String,
    #[serde(default)]
    rationale: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCodeMap {
    #[serde(default)]
    old: String,
    #[serde(default)]
    new: Vec<String>,
    #[serde(default)]
    change: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffers {
    #[serde(default)]
    offer: Vec<Spanned<RawOffer>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffer {
    #[serde(default)]
    code: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    title_en: Option<String>,
    #[serde(default)]
    description: String,
    contact: Option<String>,
    region: Option<String>,
}

/// Maps byte offsets to 1-based line numbers.
pub(crate) struct Lines(Vec<usize>);

impl Lines {
    pub(crate) fn new(text: &str) -> Self {
        Self(std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect())
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        match self.0.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// Where each node (and each mapping) was written, by index in the model.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceLines {
    /// Line of the referential header.
    pub header: Option<usize>,
    /// Line of the scale.
    pub scale: Option<usize>,
    /// Line of each scale level.
    pub levels: Vec<usize>,
    /// Line of each node.
    pub nodes: Vec<usize>,
    /// Line of each mapping, per node.
    pub mappings: Vec<Vec<usize>>,
    /// Line of each code-map entry.
    pub code_map: Vec<usize>,
    /// Line of each offer.
    pub offers: Vec<usize>,
}

fn syntax_problem(text: &str, err: &toml::de::Error) -> Problem {
    let line = err.span().map(|s| Lines::new(text).line(s.start));
    Problem { line, key: "refcheck.syntax", args: vec![err.message().trim().to_owned()] }
}

fn blank_to_none(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// Reads a referential file. Values that do not fit the model (an unknown kind, say) become
/// problems here; the rules between values are checked by `validate_referential`.
pub fn parse_referential(text: &str) -> Result<(Referential, SourceLines), Vec<Problem>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| vec![syntax_problem(text, &e)])?;
    let lines = Lines::new(text);
    let mut problems = Vec::new();
    let mut source = SourceLines {
        header: Some(lines.line(raw.referential.span().start)),
        scale: Some(lines.line(raw.scale.span().start)),
        ..SourceLines::default()
    };
    let header = raw.referential.into_inner();
    let scale_raw = raw.scale.into_inner();
    let mut levels = Vec::new();
    for level in scale_raw.levels {
        source.levels.push(lines.line(level.span().start));
        let l = level.into_inner();
        levels.push(Level {
            value: l.value,
            label: l.label,
            label_en: blank_to_none(l.label_en),
            descriptor: l.descriptor,
        });
    }
    let scale = Scale {
        not_applicable: scale_raw.not_applicable,
        unknown: scale_raw.unknown,
        default_target: scale_raw.default_target,
        levels,
    };
    let mut nodes = Vec::new();
    for spanned in raw.node {
        let line = lines.line(spanned.span().start);
        source.nodes.push(line);
        let n = spanned.into_inner();
        let kind = NodeKind::from_code(&n.kind).unwrap_or_else(|| {
            problems.push(Problem::new(Some(line), "refcheck.kind_unknown", &[&n.code, &n.kind]));
            NodeKind::Indicator
        });
        let answer = match n.answer.as_deref() {
            None => AnswerType::Level,
            Some(code) => AnswerType::from_code(code).unwrap_or_else(|| {
                problems.push(Problem::new(Some(line), "refcheck.answer_unknown", &[&n.code, code]));
                AnswerType::Level
            }),
        };
        let mut applies_to = Vec::new();
        for code in &n.applies_to {
            match OrganisationType::from_code(code) {
                Ok(t) => applies_to.push(t),
                Err(_) => problems.push(Problem::new(Some(line), "refcheck.orgtype_unknown", &[&n.code, code])),
            }
        }
        let mut mappings = Vec::new();
        let mut mapping_lines = Vec::new();
        for m in n.mappings {
            let mline = lines.line(m.span().start);
            mapping_lines.push(mline);
            let m = m.into_inner();
            let relation = Relation::from_code(&m.relation).unwrap_or_else(|| {
                problems.push(Problem::new(Some(mline), "refcheck.relation_unknown", &[&n.code, &m.relation]));
                Relation::Intersect
            });
            mappings.push(Mapping { referential: m.referential, code: m.code, relation, rationale: m.rationale });
        }
        source.mappings.push(mapping_lines);
        nodes.push(Node {
            code: n.code,
            kind,
            parent: blank_to_none(n.parent),
            title: blank_to_none(n.title),
            title_en: blank_to_none(n.title_en),
            statement: blank_to_none(n.statement),
            statement_en: blank_to_none(n.statement_en),
            easy_read: blank_to_none(n.easy_read),
            easy_read_en: blank_to_none(n.easy_read_en),
            answer,
            unit: blank_to_none(n.unit),
            min: n.min,
            max: n.max,
            applies_to,
            weight: n.weight.unwrap_or(1),
            target: n.target,
            services: n.services,
            guidance: blank_to_none(n.guidance),
            evidence: n.evidence,
            mappings,
        });
    }
    let mut code_map = Vec::new();
    for entry in raw.code_map {
        let line = lines.line(entry.span().start);
        source.code_map.push(line);
        let e = entry.into_inner();
        let change = CodeChange::from_code(&e.change).unwrap_or_else(|| {
            problems.push(Problem::new(Some(line), "refcheck.change_unknown", &[&e.old, &e.change]));
            CodeChange::Renamed
        });
        code_map.push(CodeMapEntry { old: e.old, new: e.new, change, note: blank_to_none(e.note) });
    }
    let referential = Referential {
        code: header.code,
        version: header.version,
        language: header.language,
        title: header.title,
        title_en: blank_to_none(header.title_en),
        previous: blank_to_none(header.previous),
        description: blank_to_none(header.description),
        notice: blank_to_none(header.notice),
        scale,
        nodes,
        code_map,
    };
    if problems.is_empty() { Ok((referential, source)) } else { Err(problems) }
}

/// Reads an offers file.
pub fn parse_offers(text: &str) -> Result<(Vec<ServiceOffer>, SourceLines), Vec<Problem>> {
    let raw: RawOffers = toml::from_str(text).map_err(|e| vec![syntax_problem(text, &e)])?;
    let lines = Lines::new(text);
    let mut problems = Vec::new();
    let mut source = SourceLines::default();
    let mut offers = Vec::new();
    for spanned in raw.offer {
        let line = lines.line(spanned.span().start);
        source.offers.push(line);
        let o = spanned.into_inner();
        let kind = OfferKind::from_code(&o.kind).unwrap_or_else(|| {
            problems.push(Problem::new(Some(line), "refcheck.offer_kind_unknown", &[&o.code, &o.kind]));
            OfferKind::Formation
        });
        offers.push(ServiceOffer {
            code: o.code,
            kind,
            title: o.title,
            title_en: blank_to_none(o.title_en),
            description: o.description,
            contact: blank_to_none(o.contact),
            region: blank_to_none(o.region),
        });
    }
    if problems.is_empty() { Ok((offers, source)) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_from_one() {
        let lines = Lines::new("a\nbc\n\nd");
        assert_eq!(lines.line(0), 1);
        assert_eq!(lines.line(2), 2);
        assert_eq!(lines.line(3), 2);
        assert_eq!(lines.line(5), 3);
        assert_eq!(lines.line(6), 4);
    }
}
