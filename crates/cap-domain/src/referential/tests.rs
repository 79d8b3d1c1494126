//! Tests of the referential engine: one per kind of problem, the canonical round trip, the
//! differences between versions, and properties of generated trees.

use super::*;
use std::collections::{HashMap, HashSet};

const VALID: &str = r#"[referential]
code = "essai"
version = "2"
language = "fr"
title = "Référentiel d'essai"
title_en = "Test referential"
previous = "1"
description = """
Sert aux tests.
Deux lignes."""

[scale]
not_applicable = true
unknown = true
default_target = 3

[[scale.levels]]
value = 1
label = "Pas encore"
descriptor = "Rien n'est fait."

[[scale.levels]]
value = 2
label = "En démarrage"
descriptor = "Des essais."

[[scale.levels]]
value = 3
label = "En place"
label_en = "In place"
descriptor = "C'est fait et suivi."

[[node]]
code = "ID"
kind = "pillar"
title = "Identité"
title_en = "Identity"

[[node]]
code = "ID.1"
kind = "general_objective"
parent = "ID"
title = "Projet"
services = ["F-PROJET"]

[[node]]
code = "ID.1.1"
kind = "operational_objective"
parent = "ID.1"
title = "Écrire le projet"

[[node]]
code = "ID.1.1.a"
kind = "indicator"
parent = "ID.1.1"
statement = "Le projet est écrit."
statement_en = "The project is written."
easy_read = "Notre projet est écrit."
easy_read_en = "Our project is written down."
applies_to = ["AI", "ACI"]
weight = 2
target = 3
services = ["F-PROJET"]
guidance = """
Relire les statuts.

- réunir l'équipe
- écrire \"ensemble\""""
evidence = [
  "Projet daté",
  "Compte rendu",
]

[[node.mappings]]
referential = "iso-9001"
code = "5.1"
relation = "subset"
rationale = "Engagement de la direction"

[[node]]
code = "ID.1.1.b"
kind = "indicator"
parent = "ID.1.1"
statement = "Nombre de réunions"
answer = "number"
unit = "réunions"
min = 0
max = 100

[[code_map]]
old = "ID.1.1.z"
new = ["ID.1.1.a", "ID.1.1.b"]
change = "split"
note = "Découpé en deux."
"#;

fn context() -> Context {
    Context {
        offers: HashSet::from(["F-PROJET".to_owned()]),
        referentials: HashMap::from([("iso-9001".to_owned(), HashSet::from(["5.1".to_owned(), "4.1".to_owned()]))]),
        previous_codes: Some(HashSet::from(["ID.1.1.z".to_owned(), "ID.1.1.a".to_owned()])),
    }
}

fn problems(text: &str) -> Vec<Problem> {
    match parse_referential(text) {
        Ok((r, lines)) => validate_referential(&r, &lines, &context()),
        Err(p) => p,
    }
}

fn keys(text: &str) -> Vec<&'static str> {
    problems(text).into_iter().map(|p| p.key).collect()
}

#[test]
fn the_valid_file_has_no_problem_and_round_trips_byte_for_byte() {
    assert_eq!(problems(VALID), vec![]);
    let (r, _) = parse_referential(VALID).unwrap();
    assert_eq!(emit_referential(&r), VALID);
    assert_eq!(r.nodes[3].guidance.as_deref(), Some("Relire les statuts.\n\n- réunir l'équipe\n- écrire \"ensemble\""));
    assert_eq!(r.nodes[3].applies_to, vec![OrganisationType::Ai, OrganisationType::Aci]);
    assert_eq!(r.nodes[3].easy_read_in(false), Some("Notre projet est écrit."));
    assert_eq!(r.nodes[3].easy_read_in(true), Some("Our project is written down."));
    assert_eq!(r.nodes[4].easy_read_in(true), None, "easy-read texts are optional");
    assert_eq!(r.nodes[4].statement_in(true), Some("Nombre de réunions"), "English falls back to the statement");
    assert_eq!(r.indicators().count(), 2);
    assert_eq!(r.children("ID.1.1").count(), 2);
}

#[test]
fn syntax_errors_name_their_line() {
    let broken = VALID.replace("title = \"Projet\"", "title = \"Projet");
    let p = problems(&broken);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].key, "refcheck.syntax");
    assert_eq!(p[0].line, Some(VALID.lines().position(|l| l == "title = \"Projet\"").unwrap() + 1));
}

#[test]
fn unknown_keys_are_refused() {
    let p = problems(&VALID.replace("weight = 2", "poids = 2"));
    assert_eq!(p[0].key, "refcheck.syntax");
    assert!(p[0].args[0].contains("poids"), "{:?}", p[0].args);
}

#[test]
fn every_problem_is_reported_at_once_with_its_line() {
    let text = VALID
        .replace("code = \"ID.1.1.b\"", "code = \"ID.1.1.a\"")
        .replace("services = [\"F-PROJET\"]\nguidance", "services = [\"F-INCONNU\"]\nguidance")
        .replace("code = \"5.1\"", "code = \"99.9\"");
    let p = problems(&text);
    let found: Vec<_> = p.iter().map(|p| p.key).collect();
    assert_eq!(
        found,
        vec![
            "refcheck.service_unknown",
            "refcheck.mapping_node_unknown",
            "refcheck.duplicate_code",
            "refcheck.code_map_new_unknown"
        ]
    );
    let dup = &p[2];
    let dup_line = text.lines().enumerate().filter(|(_, l)| *l == "code = \"ID.1.1.a\"").nth(1).unwrap().0 + 1;
    assert_eq!(dup.line, Some(dup_line - 1), "the line of the [[node]] table");
}

#[test]
fn one_test_per_kind_of_problem() {
    let cases: Vec<(String, &str)> = vec![
        (VALID.replace("code = \"essai\"", "code = \"\""), "refcheck.header_missing"),
        (VALID.replace("code = \"essai\"", "code = \"é ssai\""), "refcheck.code_invalid"),
        (VALID.replace("value = 2\n", "value = 1\n"), "refcheck.level_order"),
        (VALID.replace("label = \"En démarrage\"", "label = \" \""), "refcheck.level_label_missing"),
        (VALID.replace("default_target = 3", "default_target = 9"), "refcheck.default_target_outside"),
        (VALID.replace("code = \"ID.1.1.b\"", "code = \"ID 1\""), "refcheck.node_code_invalid"),
        (VALID.replace("code = \"ID.1.1.b\"", "code = \"ID.1.1.a\""), "refcheck.duplicate_code"),
        (VALID.replace("kind = \"pillar\"", "kind = \"pillar\"\nparent = \"X\""), "refcheck.pillar_with_parent"),
        (VALID.replace("parent = \"ID\"\n", ""), "refcheck.parent_required"),
        (VALID.replace("parent = \"ID.1\"", "parent = \"ID.9\""), "refcheck.parent_missing"),
        (VALID.replace("parent = \"ID\"\n", "parent = \"ID.1.1\"\n"), "refcheck.parent_after"),
        (VALID.replace("parent = \"ID.1\"", "parent = \"ID.1.1.a\""), "refcheck.parent_after"),
        (
            VALID.replace("parent = \"ID.1.1\"\nstatement = \"Nombre", "parent = \"ID.1.1.a\"\nstatement = \"Nombre"),
            "refcheck.parent_kind",
        ),
        (VALID.replace("title = \"Écrire le projet\"\n", ""), "refcheck.title_missing"),
        (VALID.replace("statement = \"Le projet est écrit.\"\n", ""), "refcheck.statement_missing"),
        (
            VALID.replace("title = \"Écrire le projet\"\n", "title = \"Écrire le projet\"\neasy_read = \"Écrire.\"\n"),
            "refcheck.easy_read_not_indicator",
        ),
        (VALID.replace("answer = \"number\"\n", ""), "refcheck.number_fields"),
        (VALID.replace("min = 0\nmax = 100", "min = 100\nmax = 0"), "refcheck.bounds_reversed"),
        (VALID.replace("weight = 2", "weight = 0"), "refcheck.weight_invalid"),
        (VALID.replace("max = 100\n", "max = 100\ntarget = 3\n"), "refcheck.target_not_level"),
        (VALID.replace("target = 3\nservices", "target = 7\nservices"), "refcheck.target_outside"),
        (
            VALID.replace("services = [\"F-PROJET\"]\nguidance", "services = [\"F-X\"]\nguidance"),
            "refcheck.service_unknown",
        ),
        (VALID.replace("referential = \"iso-9001\"", "referential = \"essai\""), "refcheck.mapping_self"),
        (
            VALID.replace("referential = \"iso-9001\"", "referential = \"iso-14001\""),
            "refcheck.mapping_referential_unknown",
        ),
        (VALID.replace("code = \"5.1\"", "code = \"5.9\""), "refcheck.mapping_node_unknown"),
        (VALID.replace("previous = \"1\"\n", ""), "refcheck.code_map_without_previous"),
        (VALID.replace("old = \"ID.1.1.z\"", "old = \"ID.0\""), "refcheck.code_map_old_unknown"),
        (
            VALID.replace("new = [\"ID.1.1.a\", \"ID.1.1.b\"]", "new = [\"ID.1.1.a\", \"ID.7\"]"),
            "refcheck.code_map_new_unknown",
        ),
        (VALID.replace("change = \"split\"", "change = \"renamed\""), "refcheck.code_map_change"),
        (VALID.replace("kind = \"operational_objective\"", "kind = \"objectif\""), "refcheck.kind_unknown"),
        (VALID.replace("answer = \"number\"", "answer = \"nombre\""), "refcheck.answer_unknown"),
        (VALID.replace("[\"AI\", \"ACI\"]", "[\"AI\", \"ASSO\"]"), "refcheck.orgtype_unknown"),
        (VALID.replace("relation = \"subset\"", "relation = \"inclus\""), "refcheck.relation_unknown"),
        (VALID.replace("change = \"split\"", "change = \"coupé\""), "refcheck.change_unknown"),
        (VALID.replace("[[scale.levels]]\nvalue = 2", "[[scale.levels]]\nvalue = \"deux\""), "refcheck.syntax"),
    ];
    for (text, expected) in cases {
        let found = keys(&text);
        assert!(found.contains(&expected), "expected {expected}, got {found:?}");
    }
    let short = VALID.split("[[scale.levels]]\nvalue = 2").next().unwrap().to_owned()
        + "[[node]]\ncode = \"ID\"\nkind = \"pillar\"\ntitle = \"Identité\"\n";
    assert!(keys(&short).contains(&"refcheck.scale_too_short"));
}

#[test]
fn offers_round_trip_and_are_checked() {
    let text = "[[offer]]\ncode = \"F-PROJET\"\nkind = \"formation\"\ntitle = \"Projet\"\ndescription = \"\"\"\nDeux jours.\nÀ Lyon.\"\"\"\nregion = \"ARA\"\n\n[[offer]]\ncode = \"O-UST\"\nkind = \"outil\"\ntitle = \"UST\"\ntitle_en = \"SIU\"\ndescription = \"Un tableur.\"\ncontact = \"ust@federation.example\"\n";
    let (offers, lines) = parse_offers(text).unwrap();
    assert_eq!(validate_offers(&offers, &lines), vec![]);
    assert_eq!(emit_offers(&offers), text);
    let bad = text.replace("code = \"O-UST\"", "code = \"F-PROJET\"").replace("title = \"Projet\"", "title = \"\"");
    let (offers, lines) = parse_offers(&bad).unwrap();
    let found: Vec<_> = validate_offers(&offers, &lines).into_iter().map(|p| (p.key, p.line)).collect();
    assert_eq!(found, vec![("refcheck.title_missing", Some(1)), ("refcheck.duplicate_code", Some(10))]);
    assert_eq!(
        parse_offers(&text.replace("\"outil\"", "\"logiciel\"")).unwrap_err()[0].key,
        "refcheck.offer_kind_unknown"
    );
}

#[test]
fn diff_lists_added_removed_and_changed_nodes() {
    let (new, _) = parse_referential(VALID).unwrap();
    let mut old = new.clone();
    old.version = "1".into();
    old.nodes.retain(|n| n.code != "ID.1.1.b");
    old.nodes[3].code = "ID.1.1.z".into();
    old.nodes[2].title = Some("Écrire".into());
    old.nodes.push(Node {
        code: "ID.1.1.a".into(),
        statement: Some("Ancien énoncé".into()),
        weight: 1,
        ..new.nodes[3].clone()
    });
    let d = diff(&old, &new);
    assert_eq!(d.counts(), (1, 1, 2));
    assert!(d.changes.contains(&DiffChange::Removed {
        code: "ID.1.1.z".into(),
        label: "Le projet est écrit.".into(),
        now: vec!["ID.1.1.a".into(), "ID.1.1.b".into()],
    }));
    assert!(d.changes.iter().any(|c| matches!(c, DiffChange::Changed { code, fields, .. } if code == "ID.1.1.a" && fields == &vec!["statement", "weight"])));
    assert!(d.changes.iter().any(
        |c| matches!(c, DiffChange::Changed { code, fields, .. } if code == "ID.1.1" && fields == &vec!["title"])
    ));
    assert!(!d.scale_changed);
    assert_eq!(diff(&new, &new), VersionDiff::default());
}

/// Properties of generated trees of many sizes: valid, unique codes, every indicator reachable
/// from a pillar, every mapping resolvable, and a byte-identical round trip.
#[test]
fn generated_trees_hold_their_properties() {
    let iso: Vec<String> = ["4.1", "5.1", "7.2", "9.1", "10.2"].iter().map(|s| (*s).to_owned()).collect();
    let mut ctx = context();
    ctx.previous_codes = None;
    for (size, seed) in [(1, 1), (7, 2), (40, 3), (120, 4), (333, 5), (1000, 6)] {
        let r = generate("gen", size, seed, Some(("iso-9001", &iso[..])));
        let text = emit_referential(&r);
        let (parsed, lines) = parse_referential(&text).unwrap();
        assert_eq!(parsed, r);
        assert_eq!(emit_referential(&parsed), text);
        let mut ctx = ctx.clone();
        ctx.referentials.insert("iso-9001".into(), iso.iter().cloned().collect());
        assert_eq!(validate_referential(&parsed, &lines, &ctx), vec![], "size {size}");
        assert_eq!(r.indicators().count(), size);
        let codes: HashSet<&str> = r.nodes.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes.len(), r.nodes.len(), "unique codes");
        for indicator in r.indicators() {
            let mut at = indicator;
            let mut depth = 0;
            while let Some(parent) = &at.parent {
                at = r.node(parent).expect("parent exists");
                depth += 1;
            }
            assert_eq!((at.kind, depth), (NodeKind::Pillar, 3), "{} reaches a pillar", indicator.code);
            assert!(indicator.mappings.iter().all(|m| iso.contains(&m.code)));
        }
    }
}

#[test]
fn relations_reverse() {
    assert_eq!(Relation::Subset.reverse(), Relation::Superset);
    assert_eq!(Relation::Equal.reverse(), Relation::Equal);
    for k in NodeKind::ALL {
        assert_eq!(NodeKind::from_code(k.code()), Some(k));
    }
    assert!(valid_code("ID.1.1-a_b") && !valid_code("") && !valid_code("a b"));
}

#[test]
fn search_matches_every_word_in_any_case_and_filters_by_type() {
    let (r, _) = parse_referential(VALID).unwrap();
    let index = SearchIndex::new(&r);
    let codes = |q: &str, t| index.search(&r, q, t, 10).into_iter().map(|n| n.code.as_str()).collect::<Vec<_>>();
    assert_eq!(codes("PROJET écrit", None), ["ID.1.1.a"]);
    assert_eq!(codes("statuts", None), ["ID.1.1.a"], "guidance is searched");
    assert_eq!(codes("written", None), ["ID.1.1.a"], "so is the English statement");
    assert_eq!(codes("ID.1.1", None), ["ID.1.1.a", "ID.1.1.b"]);
    assert_eq!(
        codes("ID.1.1", Some(OrganisationType::Ei)),
        ["ID.1.1.b"],
        "ACI/AI-only indicators are left out for an EI"
    );
    assert_eq!(codes("projet réunions", None), Vec::<&str>::new());
    assert_eq!(index.search(&r, "", None, 1).len(), 1, "an empty query lists, up to the limit");
}

#[test]
fn hostile_files_are_refused_without_exhausting_the_stack() {
    // Four MiB of nesting (the upload limit) must give problems, never overflow the stack, even
    // on a quarter of the 2 MiB a server thread has (the parser bounds its depth).
    let depth = 1024 * 1024;
    let arrays = format!("code = \"x\"\nnested = {}{}\n", "[".repeat(depth), "]".repeat(depth));
    let tables = format!("code = \"x\"\nnested = {}{}\n", "{a = ".repeat(depth / 8), "}".repeat(depth / 8));
    let dotted = format!("code = \"x\"\n{} = 1\n", vec!["a"; depth / 2].join("."));
    for (what, text) in [("arrays", arrays), ("inline tables", tables), ("dotted keys", dotted)] {
        let run = std::thread::Builder::new().stack_size(512 * 1024).spawn(move || {
            assert!(parse_referential(&text).is_err(), "{what}");
            assert!(parse_offers(&text).is_err(), "{what}");
        });
        run.unwrap().join().unwrap();
    }
}

#[test]
fn a_typed_level_must_be_one_of_the_scale() {
    let (r, _) = parse_referential(VALID).unwrap();
    let first = r.scale.levels[0].value;
    assert_eq!(r.scale.parse_level(&format!(" {first} ")), Ok(first));
    for bad in ["", "deux", "99", "1.5"] {
        assert_eq!(r.scale.parse_level(bad).map_err(|e| e.key), Err("error.target.level"), "{bad:?}");
    }
}
