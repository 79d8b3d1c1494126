//! What the pages say, read as people read them: on the demo federation, every demo account
//! walks the pages it can reach from its home (following links, in French and in English), and
//! no page shows a stored date or month as `2026-12-10` or `2026-12`, a code in parentheses
//! such as « (OTHER) », or a plural faked with parentheses such as « réponse(s) ».

use crate::on_both_backends;
use crate::support::*;
use std::collections::{BTreeSet, HashMap, VecDeque};

/// The demo accounts, one per kind of person: the federation's administrator, a regional
/// delegate, the delegate acting as a tiers, two coordinators (answers open; a plan followed up
/// and reviewed), a group's lead, a participant and a pair.
const DEMO_ACTORS: [&str; 8] = [
    "admin@demo.cap",
    "delegue.ara@demo.cap",
    "delegue.hdf@demo.cap",
    "referente@demo.cap",
    "referent.nord@demo.cap",
    "ges.alpes@demo.cap",
    "benevole@demo.cap",
    "pair.gironde@demo.cap",
];

/// Pages per account and language, and pages of one shape (same path with other ids).
const MAX_PAGES: usize = 100;
const PER_SHAPE: usize = 2;

/// Kinds of pages the walk must reach, where dates, months and codes are shown.
const MUST_WALK: [&str; 22] = [
    "/",
    "/account",
    "/admin/audit",
    "/admin/organisations",
    "/admin/services",
    "/campaigns/*",
    "/campaigns/*/accompaniment",
    "/campaigns/*/checkpoint",
    "/campaigns/*/plan",
    "/campaigns/*/plan?view",
    "/campaigns/*/plan/suggestions",
    "/campaigns/*/results",
    "/campaigns/*/review",
    "/deployment",
    "/directory",
    "/network",
    "/organisations/*",
    "/practices",
    "/practices/*",
    "/referentials/*",
    "/referentials/*/nodes/*",
    "/trainings",
];

/// Capitals in parentheses that are words people know, not codes of the application: file
/// formats and the sector's acronyms (a group, a work placement, the data protection rules).
const ACRONYMS: [&str; 6] = ["CSV", "XLSX", "PDF", "GES", "PMSMP", "RGPD"];

/// Plurals faked with parentheses.
const FAKE_PLURALS: [&str; 5] = ["(s)", "(x)", "(es)", "(ies)", "(e)"];

on_both_backends!(pages_show_dates_names_and_plurals_in_words);

async fn pages_show_dates_names_and_plurals_in_words(app: &TestApp) {
    cap::demo::load(&app.db, password_hash()).await.expect("the demo federation");
    cap_app::jobs::refresh_network(app.state()).await.expect("the network's figures");
    let mut problems = BTreeSet::new();
    let mut walked = BTreeSet::new();
    for actor in DEMO_ACTORS {
        let client = app.signed_in(actor).await;
        for lang in ["fr", "en"] {
            let switched =
                client.post(app.url("/language")).form(&[("lang", lang), ("next", "/")]).send().await.unwrap();
            assert_eq!(switched.status(), 303);
            for (path, html) in walk(app, &client).await {
                assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{path} is not in {lang}");
                walked.insert(shape(&path));
                for problem in problems_in(&visible_text(&html)) {
                    problems.insert(format!("{actor} ({lang}) {path}: {problem}"));
                }
            }
        }
    }
    let missed: Vec<_> = MUST_WALK.iter().filter(|p| !walked.contains(**p)).collect();
    assert!(missed.is_empty(), "the walk missed {missed:?}; it reached {walked:#?}");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// The HTML pages reachable from the home page by links, breadth first, within the limits.
async fn walk(app: &TestApp, client: &reqwest::Client) -> Vec<(String, String)> {
    let mut seen = BTreeSet::from(["/".to_owned()]);
    let mut shapes: HashMap<String, usize> = HashMap::new();
    let mut queue = VecDeque::from(["/".to_owned()]);
    let mut pages = Vec::new();
    while let Some(path) = queue.pop_front() {
        if pages.len() >= MAX_PAGES {
            break;
        }
        let response = client.get(app.url(&path)).send().await.unwrap();
        let status = response.status().as_u16();
        assert!(status < 500, "GET {path}: {status}");
        let html_page = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        if status != 200 || !html_page {
            continue;
        }
        let html = response.text().await.unwrap();
        for link in links(&html) {
            let count = shapes.entry(shape(&link)).or_default();
            if *count < PER_SHAPE && seen.insert(link.clone()) {
                *count += 1;
                queue.push_back(link);
            }
        }
        pages.push((path, html));
    }
    pages
}

/// The site's own pages a page links to, without downloads, streams and files.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .filter(|href| {
            let path = href.split('?').next().unwrap_or_default();
            !(path.starts_with("/static/")
                || path.starts_with("/api/")
                || path.contains("/export")
                || path.contains("/files/")
                || path.ends_with("/events")
                || path.ends_with(".csv")
                || path.ends_with(".xlsx")
                || path.ends_with(".pdf")
                || path.ends_with(".json"))
        })
        .collect()
}

/// A path with every segment or query value holding a figure or a code replaced by `*`, so the
/// walk visits a few pages of each kind rather than every indicator.
fn shape(href: &str) -> String {
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    let path = path
        .split('/')
        .map(|s| if s.chars().any(|c| c.is_ascii_digit() || c == '.') { "*" } else { s })
        .collect::<Vec<_>>()
        .join("/");
    let mut keys: Vec<&str> =
        query.split('&').filter_map(|kv| kv.split('=').next()).filter(|k| !k.is_empty()).collect();
    keys.sort_unstable();
    if keys.is_empty() { path } else { format!("{path}?{}", keys.join("&")) }
}

/// What a reader sees of a page: its text without tags, attributes, scripts, styles and the
/// contents of `<code>` (identifiers shown as such).
fn visible_text(html: &str) -> String {
    let mut text = html.to_owned();
    for element in ["script", "style", "code"] {
        let (open, close) = (format!("<{element}"), format!("</{element}>"));
        while let Some(start) = text.find(&open) {
            let end = text[start..].find(&close).map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, " ");
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    for (entity, c) in [("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&amp;", "&")]
    {
        out = out.replace(entity, c);
    }
    out
}

/// ISO dates and months, codes in capitals within parentheses, and fake plurals in `text`, each
/// with a little of what surrounds it.
fn problems_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let around = |start: usize, end: usize| -> String {
        let from = start.saturating_sub(30);
        let to = (end + 30).min(chars.len());
        chars[from..to].iter().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric() || *c == '_');
    let digits = |from: usize, n: usize| (from..from + n).all(|i| chars.get(i).is_some_and(char::is_ascii_digit));
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // `\b\d{4}-\d{2}\b`, which an ISO date also matches.
        if (i == 0 || !word(i - 1))
            && digits(i, 4)
            && chars.get(i + 4) == Some(&'-')
            && digits(i + 5, 2)
            && !word(i + 7)
        {
            found.push(format!("date or month in figures « {} »", around(i, i + 7)));
            i += 7;
            continue;
        }
        // `\([A-Z][A-Z0-9_]+\)`: a code such as « (OTHER) ».
        if chars[i] == '(' {
            let end = (i + 1..chars.len())
                .find(|&j| !(chars[j].is_ascii_uppercase() || chars[j].is_ascii_digit() || chars[j] == '_'));
            if let Some(end) = end
                && chars[end] == ')'
                && end - i > 2
                && chars[i + 1].is_ascii_uppercase()
                && !ACRONYMS.contains(&chars[i + 1..end].iter().collect::<String>().as_str())
            {
                found.push(format!("code in parentheses « {} »", around(i, end + 1)));
            }
        }
        i += 1;
    }
    for fake in FAKE_PLURALS {
        for (at, _) in text.match_indices(fake) {
            let start = text[..at].chars().count();
            found.push(format!("fake plural « {} »", around(start, start + fake.len())));
        }
    }
    found
}

#[test]
fn the_checks_catch_what_they_should() {
    let html = r#"<html><head><title>Cap</title><script>let d = "2026-12-10";</script></head>
        <body><p data-day="2026-12-10">Échéance : 2026-12-10</p><p>Mois : 2026-12.</p>
        <dd>Autre structure (OTHER)</dd><p>3 réponse(s)</p><p><code>2026-12-10</code> Télécharger (PDF)
        <time datetime="2026-12">décembre 2026</time> 2025-2026, SIRET 12345678901234 (PDF, 2 Mo)
        <a href="/campaigns/3/plan?view=board&amp;x=1#top">plan</a></p></body></html>"#;
    let text = visible_text(html);
    assert!(!text.contains("let d") && !text.contains("data-day"), "{text}");
    let found = problems_in(&text);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(found[0].contains("2026-12-10") && found[1].contains("2026-12."), "{found:#?}");
    assert!(found[2].contains("(OTHER)") && found[3].contains("réponse(s)"), "{found:#?}");
    assert!(problems_in("10 décembre 2026 · décembre 2026 · 1er juillet 2026 à 10:00 (Bénévole)").is_empty());
    assert_eq!(links(html), ["/campaigns/3/plan?view=board&x=1"]);
    assert_eq!(shape("/campaigns/3/consolidation/SR.1.1.a?x=1&view=board"), "/campaigns/*/consolidation/*?view&x");
    assert_eq!(shape("/"), "/");
}
