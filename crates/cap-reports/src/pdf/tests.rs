//! The PDFs are read back with poppler (`pdftotext`, `pdfinfo`, `pdftoppm`), as a person's
//! viewer would: the texts are there, in French, page 1 renders, the summary fits on two pages.

use super::sample::{french_label, french_labels, generated};
use super::*;
use std::path::PathBuf;
use std::process::Command;

const HOSTILE: &str = r#"#panic("x") *bold* $math$ <label> @ref _under_ \ [x] {y} // z"#;

/// Runs a poppler tool; a missing tool fails the test with how to install it.
fn poppler(tool: &str, args: &[&str]) -> std::process::Output {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed to read the PDFs back ({e}): apt-get install poppler-utils"));
    assert!(out.status.success(), "{tool} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("cap-reports-{}-{name}.pdf", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

fn text_of(path: &std::path::Path) -> String {
    let out = poppler("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"]);
    String::from_utf8(out.stdout).unwrap()
}

fn pages_of(path: &std::path::Path) -> usize {
    let out = poppler("pdfinfo", &[path.to_str().unwrap()]);
    let info = String::from_utf8(out.stdout).unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .unwrap_or_else(|| panic!("no page count in {info}"))
}

/// pdftotext breaks lines where the page does: compare texts with whitespace folded.
fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn hostile_report() -> Report {
    let mut report = generated(40, 8);
    report.campaign.title = HOSTILE.into();
    if let Some(plan) = report.plan.as_mut() {
        plan.actions[0].title = "Accueillir en binôme les nouvelles personnes".into();
    }
    report
}

#[test]
fn the_report_is_a_french_pdf_that_prints_texts_as_they_are() {
    let bytes = render_report(&hostile_report()).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let path = write("report", &bytes);
    let text = folded(&text_of(&path));
    for expected in [
        "Rapport d'auto-évaluation",
        "Nord Bâtiment Solidaire",
        "L'organisation et la campagne",
        "Participation",
        "La photographie",
        "Détail par thème",
        "Là où les avis divergent",
        "Indicateurs chiffrés",
        "Nombre de sorties vers l'emploi durable",
        "Le plan de progrès",
        "Accueillir en binôme les nouvelles personnes",
        "Les conclusions de la revue",
        "Un accompagnement complémentaire",
        "123 456 789 00012",
        "Salarié·e·s en parcours",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    assert!(text.contains(HOSTILE), "the campaign title is printed literally, not evaluated:\n{text}");
    assert!(pages_of(&path) >= 4, "a full report");
    std::fs::remove_file(path).unwrap();
}

#[test]
fn the_first_page_renders_as_an_image() {
    let bytes = render_report(&hostile_report()).unwrap();
    let path = write("png", &bytes);
    let prefix = path.with_extension("");
    poppler("pdftoppm", &["-png", "-r", "50", "-f", "1", "-l", "1", path.to_str().unwrap(), prefix.to_str().unwrap()]);
    let dir = prefix.parent().unwrap();
    let stem = prefix.file_name().unwrap().to_str().unwrap().to_owned();
    let png = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name().unwrap().to_str().unwrap().starts_with(&stem) && p.extension().is_some_and(|e| e == "png")
        })
        .expect("pdftoppm wrote a PNG");
    let image = std::fs::read(&png).unwrap();
    assert!(image.starts_with(b"\x89PNG"), "a PNG");
    assert!(image.len() > 5_000, "page 1 has something drawn on it ({} bytes)", image.len());
    std::fs::remove_file(png).unwrap();
    std::fs::remove_file(path).unwrap();
}

#[test]
fn the_summary_fits_on_two_pages_even_for_a_large_campaign() {
    for (indicators, actions) in [(40, 8), (120, 30)] {
        let mut report = generated(indicators, actions);
        if let Some(review) = report.review.as_mut() {
            review.conclusions = "Une conclusion très longue. ".repeat(200);
        }
        let bytes = render_summary(&report).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let path = write(&format!("summary-{indicators}"), &bytes);
        let pages = pages_of(&path);
        assert!(pages <= 2, "{pages} pages for {indicators} indicators and {actions} actions");
        let text = folded(&text_of(&path));
        for expected in [
            "Synthèse",
            "Nord Bâtiment Solidaire",
            "Chiffres clés",
            "Indicateurs chiffrés",
            "Nombre de sorties vers l'emploi de transition",
            "Nombre de sorties positives",
            "Les actions prioritaires",
            "Action 1 : former l'équipe",
            "Un accompagnement complémentaire",
        ] {
            assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
        }
        std::fs::remove_file(path).unwrap();
    }
}

/// The height of each word pdftotext finds, as it measures it.
fn word_heights(path: &std::path::Path) -> Vec<(String, f64)> {
    let out = poppler("pdftotext", &["-bbox", "-enc", "UTF-8", path.to_str().unwrap(), "-"]);
    let html = String::from_utf8(out.stdout).unwrap();
    let number = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..start + tag[start..].find('"').unwrap()].parse().unwrap()
    };
    html.lines()
        .filter_map(|line| {
            let tag = line.trim().strip_prefix("<word ")?;
            let (attributes, rest) = tag.split_once('>')?;
            let word = rest.strip_suffix("</word>")?;
            Some((word.to_owned(), number(attributes, "yMax") - number(attributes, "yMin")))
        })
        .collect()
}

#[test]
fn the_charts_print_their_labels_whole_at_the_size_of_the_text() {
    let report = generated(40, 8);
    for (name, bytes) in [("report", render_report(&report).unwrap()), ("summary", render_summary(&report).unwrap())] {
        let path = write(&format!("charts-{name}"), &bytes);
        let words = word_heights(&path);
        let heights = |word: &str| -> Vec<f64> { words.iter().filter(|(w, _)| w == word).map(|(_, h)| *h).collect() };
        // « notés. » ends the sentence on the indicators scored, in body text; « Cette » is only
        // in the charts' legends (« Cette campagne »): the radar's, and the bars' in the report.
        let body = heights("notés.");
        let charts = heights("Cette");
        assert_eq!((body.len(), charts.len()), (1, if name == "report" { 2 } else { 1 }), "in the {name}");
        for chart in charts {
            assert!(
                chart >= body[0] - 0.01,
                "chart text {chart:.1} pt high, body text {:.1} pt in the {name}",
                body[0]
            );
        }
        if name == "report" {
            // Every objective's title in full in the bar chart as well as in its table.
            let text = folded(&text_of(&path));
            for objective in report.pillars.iter().flat_map(|p| &p.objectives) {
                assert!(text.matches(&objective.title).count() >= 2, "{:?} in the chart:\n{text}", objective.title);
            }
            assert!(!text.contains('…'), "nothing cut:\n{text}");
        }
        std::fs::remove_file(path).unwrap();
    }
}

#[test]
fn an_empty_campaign_still_makes_both_documents() {
    let report = Report {
        lang: "fr".into(),
        labels: french_labels(),
        organisation: Organisation { name: "Structure sans données".into(), ..Default::default() },
        ..Default::default()
    };
    for bytes in [render_report(&report).unwrap(), render_summary(&report).unwrap()] {
        let path = write("empty", &bytes);
        let text = folded(&text_of(&path));
        assert!(text.contains("Structure sans données"), "{text}");
        assert!(text.contains("La journée d'accompagnement n'a pas encore eu lieu."), "{text}");
        std::fs::remove_file(path).unwrap();
    }
}

/// Every `l.name` a template reads is a field of [`Labels`], and every field is read somewhere.
#[test]
fn templates_and_labels_agree() {
    let sources = [COMMON, REPORT, SUMMARY].concat();
    let mut used = std::collections::BTreeSet::new();
    for (i, _) in sources.match_indices("l.") {
        let before = sources[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            continue;
        }
        let name: String = sources[i + 2..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit())
            .collect();
        if !name.is_empty() {
            used.insert(name);
        }
    }
    let known: std::collections::BTreeSet<String> = Labels::NAMES.iter().map(|s| (*s).to_owned()).collect();
    let unknown: Vec<_> = used.difference(&known).collect();
    let unused: Vec<_> = known.difference(&used).collect();
    assert!(unknown.is_empty(), "labels the templates read but Labels lacks: {unknown:?}");
    assert!(unused.is_empty(), "labels no template reads: {unused:?}");
    let untranslated: Vec<_> = Labels::NAMES.iter().filter(|n| french_label(n).is_empty()).collect();
    assert!(untranslated.is_empty(), "the sample lacks {untranslated:?}");
}
