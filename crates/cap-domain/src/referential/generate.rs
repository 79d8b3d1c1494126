//! A generator of realistic, valid referentials of any size, for benchmarks and property tests.

use super::*;

/// A small deterministic pseudo-random sequence (no I/O, reproducible from the seed).
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// A valid referential with `indicators` indicators spread over 4 pillars, mapped to `mapping_target`
/// nodes when given (referential code and its node codes).
pub fn generate(code: &str, indicators: usize, seed: u64, mapping_target: Option<(&str, &[String])>) -> Referential {
    let mut rng = Sequence(seed);
    let mut nodes = Vec::new();
    let per_oo = 4;
    let oo_count = indicators.div_ceil(per_oo).max(1);
    let go_count = oo_count.div_ceil(3).max(4);
    let types = OrganisationType::ALL;
    let mut made = 0;
    for p in 0..4 {
        let pillar = format!("P{}", p + 1);
        nodes.push(structure(&pillar, NodeKind::Pillar, None, &format!("Pilier {}", p + 1)));
        for g in (0..go_count).filter(|g| g % 4 == p) {
            let go = format!("{pillar}.{}", g + 1);
            nodes.push(structure(
                &go,
                NodeKind::GeneralObjective,
                Some(&pillar),
                &format!("Objectif général {}", g + 1),
            ));
            for o in (0..oo_count).filter(|o| o % go_count == g) {
                let oo = format!("{go}.{}", o + 1);
                nodes.push(structure(
                    &oo,
                    NodeKind::OperationalObjective,
                    Some(&go),
                    &format!("Objectif opérationnel {}", o + 1),
                ));
                for i in 0..per_oo {
                    if made == indicators {
                        break;
                    }
                    made += 1;
                    let code = format!("{oo}.{}", i + 1);
                    let restricted = rng.below(5) == 0;
                    let mappings = match mapping_target {
                        Some((referential, codes)) if !codes.is_empty() && rng.below(3) == 0 => vec![Mapping {
                            referential: referential.to_owned(),
                            code: codes[rng.below(codes.len() as u64) as usize].clone(),
                            relation: Relation::ALL[rng.below(4) as usize],
                            rationale: "Pratiques voisines".into(),
                        }],
                        _ => Vec::new(),
                    };
                    nodes.push(Node {
                        code,
                        kind: NodeKind::Indicator,
                        parent: Some(oo.clone()),
                        title: None,
                        title_en: None,
                        statement: Some(format!("La structure met en œuvre la pratique n° {made} de façon suivie et partagée.")),
                        statement_en: Some(format!("The organisation carries out practice no. {made} in a steady, shared way.")),
                        easy_read: None,
                        easy_read_en: None,
                        answer: AnswerType::Level,
                        unit: None,
                        min: None,
                        max: None,
                        applies_to: if restricted { vec![types[rng.below(8) as usize]] } else { Vec::new() },
                        weight: 1 + rng.below(2) as i64,
                        target: None,
                        services: Vec::new(),
                        guidance: Some("Réunir l'équipe, relire les écrits existants.\n\n- noter les écarts\n- décider qui fait quoi".into()),
                        evidence: vec!["Compte rendu de réunion".into(), "Document daté".into()],
                        mappings,
                    });
                }
            }
        }
    }
    Referential {
        code: code.to_owned(),
        version: "1".into(),
        language: "fr".into(),
        title: format!("Référentiel généré ({indicators} indicateurs)"),
        title_en: None,
        previous: None,
        description: None,
        notice: Some("Généré pour les essais et les mesures.".into()),
        scale: Scale {
            not_applicable: true,
            unknown: true,
            default_target: Some(3),
            levels: (1..=4)
                .map(|v| Level {
                    value: v,
                    label: format!("Niveau {v}"),
                    label_en: None,
                    descriptor: format!("Description du niveau {v}."),
                })
                .collect(),
        },
        nodes,
        code_map: Vec::new(),
    }
}

fn structure(code: &str, kind: NodeKind, parent: Option<&str>, title: &str) -> Node {
    Node {
        code: code.to_owned(),
        kind,
        parent: parent.map(str::to_owned),
        title: Some(title.to_owned()),
        title_en: None,
        statement: None,
        statement_en: None,
        easy_read: None,
        easy_read_en: None,
        answer: AnswerType::Level,
        unit: None,
        min: None,
        max: None,
        applies_to: Vec::new(),
        weight: 1,
        target: None,
        services: Vec::new(),
        guidance: None,
        evidence: Vec::new(),
        mappings: Vec::new(),
    }
}
