//! Readiness for a certification: how far a campaign's shared answers cover each clause of a
//! referential mapped from the campaign's (ISO 9001:2015 today, CEDRE or another tomorrow).
//!
//! A clause is a paragraph of the target referential (a general objective in its tree: `7.1`,
//! `8.2`); a mapping to one of its sub-paragraphs counts for it. An indicator is linked to a clause
//! by its own mappings or by those of its objectives; the link is *full* only when the indicator
//! itself is mapped to the paragraph as `equal` or `superset` (it covers all of it), *partial*
//! otherwise. The rule is the weakest link, written in `docs/SCORING.md`:
//! - not covered: no indicator of the campaign is linked to the clause;
//! - not assessed: linked indicators exist but none has a level;
//! - covered: every linked indicator has a level at or above its target, and one link is full;
//! - partly covered: anything else (a level below its target, a linked indicator not assessed,
//!   only partial links).

use crate::campaign::AnswerValue;
use crate::coded::coded;
use crate::referential::{Node, NodeKind, Referential, Relation};
use crate::scoring::Targets;
use std::collections::HashMap;

/// Where a clause stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Coverage {
    /// Every linked indicator meets its target and one covers the whole clause.
    Covered,
    /// Something is missing or below target.
    Partly,
    /// Linked indicators exist, none assessed.
    NotAssessed,
    /// No indicator of the campaign is linked to the clause.
    NotCovered,
}

coded!(
    Coverage,
    "readiness.status.",
    Covered => "covered",
    Partly => "partly",
    NotAssessed => "not_assessed",
    NotCovered => "not_covered",
);

/// One indicator linked to a clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The indicator's code in the campaign's referential.
    pub indicator: String,
    /// Whether it covers the whole clause.
    pub full: bool,
    /// Its shared level, when rated.
    pub level: Option<i64>,
    /// Its target level.
    pub target: Option<i64>,
}

impl Link {
    /// Whether it is rated and at or above its target.
    pub fn meets(&self) -> bool {
        match (self.level, self.target) {
            (Some(level), Some(target)) => level >= target,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }
}

/// A clause of the target referential with its linked indicators and its status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The clause's code in the target referential (`7.1`).
    pub code: String,
    /// The linked indicators, in the campaign referential's order.
    pub links: Vec<Link>,
    /// Where it stands.
    pub coverage: Coverage,
}

impl Clause {
    /// The linked indicators still to work on: not rated, or below their target.
    pub fn remaining(&self) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(|l| !l.meets())
    }
}

/// The status of a clause from its links, by the weakest-link rule.
pub fn coverage(links: &[Link]) -> Coverage {
    if links.is_empty() {
        return Coverage::NotCovered;
    }
    if links.iter().all(|l| l.level.is_none()) {
        return Coverage::NotAssessed;
    }
    if links.iter().all(Link::meets) && links.iter().any(|l| l.full) { Coverage::Covered } else { Coverage::Partly }
}

/// The paragraph of `target` that `code` belongs to: itself when it is one, else its nearest
/// ancestor that is one; none for a whole article.
fn paragraph<'a>(target: &'a Referential, code: &str, kind: NodeKind) -> Option<&'a Node> {
    let mut at = target.node(code);
    while let Some(node) = at {
        if node.kind == kind {
            return Some(node);
        }
        at = node.parent.as_deref().and_then(|p| target.node(p));
    }
    None
}

/// Every clause (paragraph) of `target`, in its order, with the indicators of `covered` (the
/// campaign's, in scope) linked to it, their shared levels and targets, and its status. An
/// indicator answered « non concerné » is left out: it says nothing about the clause.
pub fn clauses(
    cap: &Referential,
    covered: &[&Node],
    target: &Referential,
    answers: &HashMap<String, AnswerValue>,
    targets: &Targets,
) -> Vec<Clause> {
    linked(cap, covered, target, answers, targets, NodeKind::GeneralObjective)
}

/// Every theme (pillar) of `target`, in its order, with the indicators of `covered` linked to it
/// and its status, as [`clauses`] does for paragraphs: a guide mapped theme by theme (the ESS
/// good-practice guide) is answered from a campaign on another referential.
pub fn themes(
    cap: &Referential,
    covered: &[&Node],
    target: &Referential,
    answers: &HashMap<String, AnswerValue>,
    targets: &Targets,
) -> Vec<Clause> {
    linked(cap, covered, target, answers, targets, NodeKind::Pillar)
}

fn linked(
    cap: &Referential,
    covered: &[&Node],
    target: &Referential,
    answers: &HashMap<String, AnswerValue>,
    targets: &Targets,
    kind: NodeKind,
) -> Vec<Clause> {
    let mut links: HashMap<&str, Vec<Link>> = HashMap::new();
    for indicator in covered {
        if matches!(answers.get(&indicator.code), Some(AnswerValue::NotApplicable)) {
            continue;
        }
        let level = match answers.get(&indicator.code) {
            Some(AnswerValue::Level(l)) => Some(*l),
            _ => None,
        };
        let mut at = Some(*indicator);
        while let Some(node) = at {
            for m in node.mappings.iter().filter(|m| m.referential == target.code) {
                let Some(clause) = paragraph(target, &m.code, kind) else { continue };
                // Full only when the indicator itself is mapped to the paragraph as a whole.
                let full = node.code == indicator.code
                    && m.code == clause.code
                    && matches!(m.relation, Relation::Equal | Relation::Superset);
                let list = links.entry(clause.code.as_str()).or_default();
                match list.iter_mut().find(|l| l.indicator == indicator.code) {
                    Some(existing) => existing.full |= full,
                    None => list.push(Link {
                        indicator: indicator.code.clone(),
                        full,
                        level,
                        target: targets.level_of(cap, indicator),
                    }),
                }
            }
            at = node.parent.as_deref().and_then(|p| cap.node(p));
        }
    }
    target
        .nodes
        .iter()
        .filter(|n| n.kind == kind)
        .map(|n| {
            let links = links.remove(n.code.as_str()).unwrap_or_default();
            Clause { code: n.code.clone(), coverage: coverage(&links), links }
        })
        .collect()
}

/// How many clauses stand at each status, in the order of [`Coverage::ALL`].
pub fn counts(clauses: &[Clause]) -> Vec<(Coverage, usize)> {
    Coverage::ALL.iter().map(|c| (*c, clauses.iter().filter(|x| x.coverage == *c).count())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referential::parse_referential;

    const ISO: &str = r#"[referential]
code = "iso-test"
version = "1"
language = "fr"
title = "ISO d'essai"

[scale]
default_target = 3

[[scale.levels]]
value = 1
label = "Non"

[[scale.levels]]
value = 3
label = "Oui"

[[node]]
code = "7"
kind = "pillar"
title = "Support"

[[node]]
code = "7.1"
kind = "general_objective"
parent = "7"
title = "Ressources"

[[node]]
code = "7.1.2"
kind = "operational_objective"
parent = "7.1"
title = "Personnes"

[[node]]
code = "7.2"
kind = "general_objective"
parent = "7"
title = "Compétences"

[[node]]
code = "7.3"
kind = "general_objective"
parent = "7"
title = "Sensibilisation"

[[node]]
code = "7.4"
kind = "general_objective"
parent = "7"
title = "Communication"
"#;

    const CAP: &str = r#"[referential]
code = "cap-test"
version = "1"
language = "fr"
title = "Cap d'essai"

[scale]
not_applicable = true
default_target = 3

[[scale.levels]]
value = 1
label = "Pas encore"

[[scale.levels]]
value = 2
label = "En démarrage"

[[scale.levels]]
value = 3
label = "En place"

[[scale.levels]]
value = 4
label = "Maîtrisé"

[[node]]
code = "SU"
kind = "pillar"
title = "Supports"

[[node]]
code = "SU.1"
kind = "general_objective"
parent = "SU"
title = "Équipe"

[[node.mappings]]
referential = "iso-test"
code = "7.3"
relation = "superset"
rationale = "L'objectif couvre la sensibilisation"

[[node]]
code = "SU.1.a"
kind = "indicator"
parent = "SU.1"
statement = "Les compétences sont évaluées."

[[node.mappings]]
referential = "iso-test"
code = "7.2"
relation = "equal"
rationale = "Même exigence"

[[node]]
code = "SU.1.b"
kind = "indicator"
parent = "SU.1"
statement = "Les moyens sont prévus."

[[node.mappings]]
referential = "iso-test"
code = "7.1.2"
relation = "equal"
rationale = "Un sous-paragraphe"

[[node.mappings]]
referential = "iso-test"
code = "7.2"
relation = "subset"
rationale = "En partie"

[[node]]
code = "SU.1.c"
kind = "indicator"
parent = "SU.1"
statement = "Sans objet ici."

[[node.mappings]]
referential = "iso-test"
code = "7.4"
relation = "equal"
rationale = "Même exigence"
"#;

    fn setup() -> (Referential, Referential) {
        (parse_referential(CAP).unwrap().0, parse_referential(ISO).unwrap().0)
    }

    fn run(answers: &[(&str, AnswerValue)]) -> Vec<Clause> {
        let (cap, iso) = setup();
        let covered: Vec<&Node> = cap.indicators().collect();
        let answers: HashMap<String, AnswerValue> = answers.iter().map(|(c, v)| ((*c).to_owned(), v.clone())).collect();
        clauses(&cap, &covered, &iso, &answers, &Targets(HashMap::new()))
    }

    fn of<'a>(all: &'a [Clause], code: &str) -> &'a Clause {
        all.iter().find(|c| c.code == code).unwrap()
    }

    #[test]
    fn the_weakest_link_decides() {
        let all = run(&[("SU.1.a", AnswerValue::Level(3)), ("SU.1.b", AnswerValue::Level(4))]);
        assert_eq!(all.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(), ["7.1", "7.2", "7.3", "7.4"]);
        // 7.2: a full link at target and a partial one above it.
        assert_eq!(of(&all, "7.2").coverage, Coverage::Covered);
        // 7.1 through its sub-paragraph only: partial, however good the level.
        assert_eq!(of(&all, "7.1").coverage, Coverage::Partly);
        assert!(!of(&all, "7.1").links[0].full);
        // 7.3 through the objective: every indicator under it, partially.
        let awareness = of(&all, "7.3");
        assert_eq!(awareness.links.len(), 3);
        assert!(awareness.links.iter().all(|l| !l.full));
        assert_eq!(awareness.coverage, Coverage::Partly);
        // 7.4: linked, not rated.
        assert_eq!(of(&all, "7.4").coverage, Coverage::NotAssessed);
        assert_eq!(of(&all, "7.4").remaining().count(), 1);

        let below = run(&[("SU.1.a", AnswerValue::Level(2)), ("SU.1.b", AnswerValue::Level(4))]);
        assert_eq!(of(&below, "7.2").coverage, Coverage::Partly, "one link below its target");
        let remaining: Vec<&str> = of(&below, "7.2").remaining().map(|l| l.indicator.as_str()).collect();
        assert_eq!(remaining, ["SU.1.a"]);
    }

    #[test]
    fn not_applicable_and_unlinked_clauses() {
        let all = run(&[("SU.1.c", AnswerValue::NotApplicable), ("SU.1.a", AnswerValue::Unknown)]);
        assert_eq!(of(&all, "7.4").coverage, Coverage::NotCovered, "« non concerné » says nothing");
        assert_eq!(of(&all, "7.2").coverage, Coverage::NotAssessed, "« je ne sais pas » is not a level");
        let nothing = {
            let (cap, iso) = setup();
            clauses(&cap, &[], &iso, &HashMap::new(), &Targets(HashMap::new()))
        };
        assert!(nothing.iter().all(|c| c.coverage == Coverage::NotCovered));
        assert_eq!(
            counts(&nothing),
            vec![(Coverage::Covered, 0), (Coverage::Partly, 0), (Coverage::NotAssessed, 0), (Coverage::NotCovered, 4)]
        );
    }

    #[test]
    fn targets_of_the_organisation_count() {
        let (cap, iso) = setup();
        let covered: Vec<&Node> = cap.indicators().collect();
        let answers =
            HashMap::from([("SU.1.a".to_owned(), AnswerValue::Level(3)), ("SU.1.b".to_owned(), AnswerValue::Level(3))]);
        let higher = Targets(HashMap::from([("SU.1.a".to_owned(), 4)]));
        let all = clauses(&cap, &covered, &iso, &answers, &higher);
        assert_eq!(of(&all, "7.2").coverage, Coverage::Partly, "the organisation aims higher");
        let link = &of(&all, "7.2").links[0];
        assert_eq!((link.level, link.target, link.meets()), (Some(3), Some(4), false));
    }

    #[test]
    fn every_status_has_a_code_and_a_message() {
        for c in Coverage::ALL {
            assert_eq!(Coverage::from_code(c.code()), Some(*c));
            assert!(c.label_key().starts_with("readiness.status."));
        }
    }
}
