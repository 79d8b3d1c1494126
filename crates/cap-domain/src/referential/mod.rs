//! Referentials as data: a versioned tree (pillar → general objective → operational objective →
//! indicator) with its scale, read from and written to canonical TOML files, checked all at once.

mod diff;
mod emit;
mod generate;
mod parse;
#[cfg(test)]
mod tests;
mod validate;

pub use diff::{Change as DiffChange, VersionDiff, diff};
pub use emit::{emit_offers, emit_referential};
pub use generate::generate;
pub use parse::{SourceLines, parse_offers, parse_referential};
pub use validate::{Context, validate_offers, validate_referential};

use crate::OrganisationType;

/// A problem found in a file: where, and a message key with its arguments (the message's `$n`,
/// `$arg2`… in order), so every interface can say it in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// Message key (`refcheck.…`).
    pub key: &'static str,
    /// Values for the message's variables, in order (`$n`, `$arg2`…).
    pub args: Vec<String>,
}

impl Problem {
    pub(crate) fn new(line: Option<usize>, key: &'static str, args: &[&str]) -> Self {
        Self { line, key, args: args.iter().map(|a| (*a).to_owned()).collect() }
    }
}

/// The kind of a node, from the root down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    /// A pillar (thème).
    Pillar,
    /// A general objective.
    GeneralObjective,
    /// An operational objective.
    OperationalObjective,
    /// An indicator, the only kind that is answered.
    Indicator,
}

impl NodeKind {
    /// Every kind, from the root down.
    pub const ALL: [NodeKind; 4] = [Self::Pillar, Self::GeneralObjective, Self::OperationalObjective, Self::Indicator];

    /// The code used in files and in the database.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Pillar => "pillar",
            Self::GeneralObjective => "general_objective",
            Self::OperationalObjective => "operational_objective",
            Self::Indicator => "indicator",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Message key of the kind's name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Pillar => "referential.kind.pillar",
            Self::GeneralObjective => "referential.kind.general_objective",
            Self::OperationalObjective => "referential.kind.operational_objective",
            Self::Indicator => "referential.kind.indicator",
        }
    }
}

/// How an indicator is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnswerType {
    /// A level of the referential's scale.
    Level,
    /// Yes or no.
    YesNo,
    /// A number, with a unit and bounds.
    Number,
    /// Free text.
    Text,
}

impl AnswerType {
    /// Every type.
    pub const ALL: [AnswerType; 4] = [Self::Level, Self::YesNo, Self::Number, Self::Text];

    /// The code used in files and in the database.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Level => "level",
            Self::YesNo => "yes_no",
            Self::Number => "number",
            Self::Text => "text",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }

    /// Message key of the type's name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Level => "referential.answer.level",
            Self::YesNo => "referential.answer.yes_no",
            Self::Number => "referential.answer.number",
            Self::Text => "referential.answer.text",
        }
    }
}

/// How a node relates to a node of another referential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// Same scope.
    Equal,
    /// This node is part of the other.
    Subset,
    /// This node contains the other.
    Superset,
    /// They overlap.
    Intersect,
}

impl Relation {
    /// Every relation.
    pub const ALL: [Relation; 4] = [Self::Equal, Self::Subset, Self::Superset, Self::Intersect];

    /// The code used in files and in the database.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Equal => "equal",
            Self::Subset => "subset",
            Self::Superset => "superset",
            Self::Intersect => "intersect",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Message key of the relation read from this node (« inclus dans »…).
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Equal => "referential.relation_label.equal",
            Self::Subset => "referential.relation_label.subset",
            Self::Superset => "referential.relation_label.superset",
            Self::Intersect => "referential.relation_label.intersect",
        }
    }

    /// The relation seen from the other side.
    pub const fn reverse(self) -> Self {
        match self {
            Self::Subset => Self::Superset,
            Self::Superset => Self::Subset,
            other => other,
        }
    }
}

/// What became of an indicator code of the previous version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodeChange {
    /// Now under another code.
    Renamed,
    /// Now several indicators.
    Split,
    /// Now one indicator with others.
    Merged,
    /// No longer assessed.
    Removed,
}

impl CodeChange {
    /// Every change.
    pub const ALL: [CodeChange; 4] = [Self::Renamed, Self::Split, Self::Merged, Self::Removed];

    /// The code used in files and in the database.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Renamed => "renamed",
            Self::Split => "split",
            Self::Merged => "merged",
            Self::Removed => "removed",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// One level of a scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    /// Its value (strictly increasing along the scale).
    pub value: i64,
    /// Short label.
    pub label: String,
    /// English label.
    pub label_en: Option<String>,
    /// What the level looks like in practice.
    pub descriptor: String,
}

/// The scale indicators of the `level` type are rated on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    /// Whether « non concerné » is offered.
    pub not_applicable: bool,
    /// Whether « je ne sais pas » is offered.
    pub unknown: bool,
    /// The target level recommended when an indicator sets none.
    pub default_target: Option<i64>,
    /// The levels, lowest first.
    pub levels: Vec<Level>,
}

impl Scale {
    /// A level of this scale as typed in a form (`"3"`), or `error.target.level` when it is not a
    /// number or not one of the scale's levels.
    pub fn parse_level(&self, raw: &str) -> Result<i64, crate::ValidationError> {
        raw.trim()
            .parse::<i64>()
            .ok()
            .filter(|value| self.levels.iter().any(|l| l.value == *value))
            .ok_or(crate::ValidationError::new("error.target.level"))
    }
}

/// A mapping from a node to a node of another referential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// The other referential's code.
    pub referential: String,
    /// The other node's code.
    pub code: String,
    /// How they relate.
    pub relation: Relation,
    /// Why.
    pub rationale: String,
}

/// A node of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Stable code, unique in the version.
    pub code: String,
    /// Its kind.
    pub kind: NodeKind,
    /// Its parent's code (none for pillars).
    pub parent: Option<String>,
    /// Title (all kinds but indicators).
    pub title: Option<String>,
    /// English title.
    pub title_en: Option<String>,
    /// What is rated (indicators).
    pub statement: Option<String>,
    /// English statement.
    pub statement_en: Option<String>,
    /// The statement in easy-to-read words (FALC: short sentences, everyday words), shown on
    /// demand to participants who find the statement hard (indicators, optional).
    pub easy_read: Option<String>,
    /// English easy-to-read statement.
    pub easy_read_en: Option<String>,
    /// How it is answered (indicators).
    pub answer: AnswerType,
    /// Unit of a number answer.
    pub unit: Option<String>,
    /// Lowest number accepted.
    pub min: Option<i64>,
    /// Highest number accepted.
    pub max: Option<i64>,
    /// Organisation types it applies to; empty means all.
    pub applies_to: Vec<OrganisationType>,
    /// Weight in scores (≥ 1).
    pub weight: i64,
    /// Recommended target level.
    pub target: Option<i64>,
    /// Codes of linked offers of services.
    pub services: Vec<String>,
    /// Indicative methods and means (Markdown subset).
    pub guidance: Option<String>,
    /// Examples of evidence.
    pub evidence: Vec<String>,
    /// Mappings to other referentials.
    pub mappings: Vec<Mapping>,
}

impl Node {
    /// The title, or the statement for an indicator.
    pub fn label(&self) -> &str {
        self.title.as_deref().or(self.statement.as_deref()).unwrap_or(&self.code)
    }

    /// The statement in English when `english` and the referential gives one, in the
    /// referential's own language otherwise.
    pub fn statement_in(&self, english: bool) -> Option<&str> {
        english.then_some(self.statement_en.as_deref()).flatten().or(self.statement.as_deref())
    }

    /// The easy-to-read statement, in English when `english` and given (as [`Node::statement_in`]).
    pub fn easy_read_in(&self, english: bool) -> Option<&str> {
        english.then_some(self.easy_read_en.as_deref()).flatten().or(self.easy_read.as_deref())
    }

    /// Whether the node applies to an organisation of `org_type`.
    pub fn applies_to_type(&self, org_type: OrganisationType) -> bool {
        self.applies_to.is_empty() || self.applies_to.contains(&org_type)
    }
}

/// One line of a code map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeMapEntry {
    /// A code of the previous version.
    pub old: String,
    /// What it became in this version.
    pub new: Vec<String>,
    /// The kind of change.
    pub change: CodeChange,
    /// Explanation.
    pub note: Option<String>,
}

/// One version of a referential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referential {
    /// Stable code shared by the versions.
    pub code: String,
    /// This version.
    pub version: String,
    /// Language of the texts.
    pub language: String,
    /// Title.
    pub title: String,
    /// English title.
    pub title_en: Option<String>,
    /// The version this one replaces.
    pub previous: Option<String>,
    /// What it is for.
    pub description: Option<String>,
    /// Who wrote it, under what terms.
    pub notice: Option<String>,
    /// The rating scale.
    pub scale: Scale,
    /// The tree, parents before children.
    pub nodes: Vec<Node>,
    /// What became of the previous version's codes.
    pub code_map: Vec<CodeMapEntry>,
}

impl Referential {
    /// The node with this code.
    pub fn node(&self, code: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.code == code)
    }

    /// The indicators, in tree order.
    pub fn indicators(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter().filter(|n| n.kind == NodeKind::Indicator)
    }

    /// The top of `code`'s branch: its pillar (the node itself when it is one).
    pub fn root_of(&self, code: &str) -> Option<&Node> {
        let mut at = self.node(code)?;
        // A tree is at most a few levels deep; the bound only guards against a malformed cycle.
        for _ in 0..self.nodes.len() {
            match at.parent.as_deref().and_then(|p| self.node(p)) {
                Some(parent) => at = parent,
                None => return Some(at),
            }
        }
        None
    }

    /// The direct children of `code`, in order.
    pub fn children<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.nodes.iter().filter(move |n| n.parent.as_deref() == Some(code))
    }
}

/// The kind of an offer of services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OfferKind {
    /// A training.
    Formation,
    /// A tool.
    Outil,
    /// An accompaniment.
    Accompagnement,
}

impl OfferKind {
    /// Every kind.
    pub const ALL: [OfferKind; 3] = [Self::Formation, Self::Outil, Self::Accompagnement];

    /// The code used in files and in the database.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Formation => "formation",
            Self::Outil => "outil",
            Self::Accompagnement => "accompagnement",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Message key of the kind's name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Formation => "offer.kind.formation",
            Self::Outil => "offer.kind.outil",
            Self::Accompagnement => "offer.kind.accompagnement",
        }
    }
}

/// One offer of the federation's catalogue of services.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceOffer {
    /// Stable code.
    pub code: String,
    /// Training, tool or accompaniment.
    pub kind: OfferKind,
    /// Title.
    pub title: String,
    /// English title.
    pub title_en: Option<String>,
    /// Description.
    pub description: String,
    /// Whom to contact.
    pub contact: Option<String>,
    /// A region's code for a regional offer; none for a national one.
    pub region: Option<String>,
}

impl ServiceOffer {
    /// Whether the offer is open to an organisation of the region coded `region_code`: a
    /// national offer, or that region's own.
    pub fn offered_in(&self, region_code: &str) -> bool {
        self.region.as_deref().is_none_or(|r| r == region_code)
    }
}

/// Whether a code is made of letters, digits, `.`, `-` and `_` only.
pub fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 64
        && code.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// The explorer's search over one version: each indicator's code, statement and guidance,
/// lower-cased once; versions never change, so the index lives as long as the version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchIndex {
    texts: Vec<(usize, String)>,
}

impl SearchIndex {
    /// Indexes the indicators of `r`.
    pub fn new(r: &Referential) -> Self {
        let texts = r
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.kind == NodeKind::Indicator)
            .map(|(i, n)| {
                let parts =
                    [Some(n.code.as_str()), n.statement.as_deref(), n.statement_en.as_deref(), n.guidance.as_deref()];
                (i, parts.into_iter().flatten().collect::<Vec<_>>().join(" ").to_lowercase())
            })
            .collect();
        Self { texts }
    }

    /// The indicators containing every word of `query` (any case), applicable to `org_type` when
    /// given, in tree order, at most `limit`.
    pub fn search<'a>(
        &self,
        r: &'a Referential,
        query: &str,
        org_type: Option<OrganisationType>,
        limit: usize,
    ) -> Vec<&'a Node> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        self.texts
            .iter()
            .filter(|(_, text)| words.iter().all(|w| text.contains(w.as_str())))
            .filter_map(|(i, _)| r.nodes.get(*i))
            .filter(|n| org_type.is_none_or(|t| n.applies_to_type(t)))
            .take(limit)
            .collect()
    }
}

impl Referential {
    /// The depth of every node (0 for pillars), in node order; parents come first, so one pass
    /// with a map of codes suffices.
    pub fn depths(&self) -> Vec<usize> {
        let mut by_code: std::collections::HashMap<&str, usize> =
            std::collections::HashMap::with_capacity(self.nodes.len());
        self.nodes
            .iter()
            .map(|n| {
                let depth = n.parent.as_deref().and_then(|p| by_code.get(p)).map_or(0, |d| d + 1);
                by_code.insert(&n.code, depth);
                depth
            })
            .collect()
    }
}
