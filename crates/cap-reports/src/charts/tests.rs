use super::*;
use cap_domain::referential::{NodeKind, parse_referential};

/// Tiny well-formedness checker: balanced tags, quoted attributes without `<`, no duplicate
/// attributes, valid entities, a single root element and no text outside it.
fn check_xml(s: &str) -> Result<(), String> {
    let b = s.as_bytes();
    let name_byte = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.');
    let mut stack: Vec<&str> = Vec::new();
    let (mut i, mut roots) = (0usize, 0usize);
    while i < b.len() {
        if b[i] != b'<' {
            let end = s[i..].find('<').map_or(b.len(), |e| i + e);
            let content = &s[i..end];
            if stack.is_empty() && !content.trim().is_empty() {
                return Err(format!("text outside the root: {content:?}"));
            }
            if content.contains('>') {
                return Err(format!("raw '>' in text: {content:?}"));
            }
            check_entities(content)?;
            i = end;
            continue;
        }
        if s[i..].starts_with("</") {
            let end = i + s[i..].find('>').ok_or("unterminated end tag")?;
            let name = &s[i + 2..end];
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            i = end + 1;
            continue;
        }
        i += 1;
        let start = i;
        while i < b.len() && name_byte(b[i]) {
            i += 1;
        }
        let name = &s[start..i];
        if name.is_empty() {
            return Err(format!("empty tag name at {start}"));
        }
        let mut attributes: Vec<&str> = Vec::new();
        loop {
            let before = i;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= b.len() {
                return Err(format!("unterminated <{name}>"));
            }
            if s[i..].starts_with("/>") {
                i += 2;
                roots += usize::from(stack.is_empty());
                break;
            }
            if b[i] == b'>' {
                i += 1;
                roots += usize::from(stack.is_empty());
                stack.push(name);
                break;
            }
            if i == before {
                return Err(format!("no space before attribute in <{name}>"));
            }
            let attribute_start = i;
            while i < b.len() && name_byte(b[i]) {
                i += 1;
            }
            let attribute = &s[attribute_start..i];
            if attribute.is_empty() || b.get(i) != Some(&b'=') {
                return Err(format!("bad attribute {attribute:?} in <{name}>"));
            }
            if attributes.contains(&attribute) {
                return Err(format!("duplicate attribute {attribute} in <{name}>"));
            }
            attributes.push(attribute);
            i += 1;
            let quote = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => q as char,
                _ => return Err(format!("unquoted value of {attribute} in <{name}>")),
            };
            i += 1;
            let end = i + s[i..].find(quote).ok_or("unterminated attribute value")?;
            let value = &s[i..end];
            if value.contains('<') {
                return Err(format!("'<' in value of {attribute}"));
            }
            check_entities(value)?;
            i = end + 1;
        }
    }
    if !stack.is_empty() {
        return Err(format!("unclosed: {stack:?}"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(())
}

fn check_entities(s: &str) -> Result<(), String> {
    for (i, _) in s.match_indices('&') {
        let rest = &s[i..];
        let named = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].iter().any(|e| rest.starts_with(e));
        let numeric = rest
            .strip_prefix("&#")
            .and_then(|r| r.split_once(';'))
            .is_some_and(|(digits, _)| !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()));
        if !named && !numeric {
            return Err(format!("bad entity at {:?}", &rest[..rest.len().min(10)]));
        }
    }
    Ok(())
}

/// Start tags `<tag ...>` in order.
fn tags<'s>(svg: &'s str, tag: &str) -> Vec<&'s str> {
    let open = format!("<{tag} ");
    svg.match_indices(&open).filter_map(|(i, _)| svg[i..].find('>').map(|end| &svg[i..=i + end])).collect()
}

/// Value of an attribute in a start tag.
fn attr<'s>(tag: &'s str, name: &str) -> Option<&'s str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')?;
    Some(&tag[start..start + end])
}

/// Every coordinate-like attribute has numbers with at most one decimal place.
fn check_numbers(svg: &str) -> Result<(), String> {
    for name in ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "viewBox", "font-size"]
    {
        let key = format!(" {name}=\"");
        for (i, _) in svg.match_indices(&key) {
            let start = i + key.len();
            let value = &svg[start..start + svg[start..].find('"').unwrap_or(0)];
            if value == "100%" {
                continue;
            }
            for token in value.split([' ', ',']) {
                if token.parse::<f64>().map_or(true, |v| !v.is_finite()) {
                    return Err(format!("{name}={value:?} is not numeric"));
                }
                if token.split_once('.').is_some_and(|(_, decimals)| decimals.len() > 1) || token == "-0" {
                    return Err(format!("{name}={value:?} has more than one decimal"));
                }
            }
        }
    }
    Ok(())
}

fn text() -> ChartText<'static> {
    ChartText {
        id: "pillars",
        title: "Résultats par pilier",
        description: "Gouvernance 67 %, Environnement 40 %",
        legend_current: "Campagne 2027",
        legend_previous: "Campagne 2026",
        legend_target: "Objectif",
    }
}

fn full(label: &str, value: f64) -> Series<'_> {
    Series { label, value: Some(value), previous: Some(value / 2.0), target: Some(0.9) }
}

fn five() -> Vec<Series<'static>> {
    vec![
        full("Gouvernance", 0.666),
        full("Environnement", 0.4),
        full("Social & sociétal", 0.8),
        full("Économie", 0.25),
        full("Éthique", 1.0),
    ]
}

/// The example referential shipped with Cap: its pillars and general objectives, in French and in
/// English.
fn example() -> Vec<(NodeKind, String)> {
    let (referential, _) = parse_referential(include_str!("../../../../referentials/cap-exemple.toml")).unwrap();
    let nodes: Vec<_> = referential
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Pillar | NodeKind::GeneralObjective))
        .flat_map(|n| [n.title.clone(), n.title_en.clone()].into_iter().flatten().map(|t| (n.kind, t)))
        .collect();
    assert!(nodes.iter().any(|(_, t)| t == "Affirmer les valeurs de l'économie sociale et solidaire"));
    assert!(nodes.iter().filter(|(k, _)| *k == NodeKind::Pillar).count() >= 8, "four pillars, two languages");
    nodes
}

/// The example referential's charts, as the photographie draws them, in both languages.
fn example_charts(fit: Fit) -> Vec<(Vec<String>, String)> {
    let nodes = example();
    let mut out = Vec::new();
    for english in [false, true] {
        for kind in [NodeKind::Pillar, NodeKind::GeneralObjective] {
            // French and English titles alternate.
            let labels: Vec<String> = nodes
                .iter()
                .filter(|(k, _)| *k == kind)
                .skip(usize::from(english))
                .step_by(2)
                .map(|(_, t)| t.clone())
                .collect();
            let series: Vec<Series> =
                labels.iter().enumerate().map(|(i, l)| full(l, (i as f64 * 0.13) % 1.0)).collect();
            let svg = if kind == NodeKind::Pillar { radar(&series, &text(), fit) } else { bars(&series, &text(), fit) };
            out.push((labels, svg));
        }
    }
    out
}

fn all_outputs(fit: Fit) -> Vec<String> {
    let s = five();
    let spans = [
        Span { label: "Former l'équipe d'accueil aux entretiens", start: 0, end: 60, state: SpanState::Done },
        Span { label: "Écrire la procédure", start: 30, end: 90, state: SpanState::Late },
    ];
    let months = [(0, "01/2027"), (31, "02/2027"), (59, "03/2027")];
    let twelve: Vec<Series> = (0..12).map(|i| full(if i % 2 == 0 { "Axe pair" } else { "Axe" }, 0.5)).collect();
    let mut out = vec![
        radar(&s, &text(), fit),
        radar(&s[..4], &text(), fit),
        radar(&s[..3], &text(), fit),
        radar(&twelve, &text(), fit),
        radar(&s[..2], &text(), fit),
        radar(&[], &text(), fit),
        bars(&s, &text(), fit),
        bars(&[], &text(), fit),
        timeline(&[("01/2027", 0.1), ("02/2027", 0.5)], &text(), fit),
        timeline(&[("01/2027", 0.1)], &text(), fit),
        timeline(&[("01/2027", 0.1), ("02/2027", 0.5), ("03/2027", 1.0)], &text(), fit),
        timeline(&[], &text(), fit),
        schedule(&spans, &months, Some(45), &text(), fit),
    ];
    out.extend(example_charts(fit).into_iter().map(|(_, svg)| svg));
    out
}

/// One drawn line of text: a `<tspan>`, or a `<text>` without any.
#[derive(Debug, Clone)]
struct Piece {
    /// Index of its `<text>` element in the chart.
    element: usize,
    class: String,
    x: f64,
    y: f64,
    anchor: String,
    size: f64,
    bold: bool,
    content: String,
    /// The `<title>` of its `<text>`, if any.
    title: Option<String>,
}

impl Piece {
    /// Estimated box: left, right, top, bottom.
    fn bounds(&self) -> (f64, f64, f64, f64) {
        let width = text_width(&self.content) * self.size * if self.bold { wrap::BOLD } else { 1.0 };
        let left = match self.anchor.as_str() {
            "middle" => self.x - width / 2.0,
            "end" => self.x - width,
            _ => self.x,
        };
        (left, left + width, self.y - 0.75 * self.size, self.y + 0.25 * self.size)
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Every line of text drawn in a chart.
fn pieces(svg: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    for (element, (i, _)) in svg.match_indices("<text ").enumerate() {
        let open_end = i + svg[i..].find('>').unwrap();
        let open = &svg[i..=open_end];
        let close = open_end + svg[open_end..].find("</text>").unwrap();
        let mut inner = &svg[open_end + 1..close];
        let mut title = None;
        if let Some((t, rest)) = inner.strip_prefix("<title>").and_then(|r| r.split_once("</title>")) {
            title = Some(unescape(t));
            inner = rest;
        }
        let base = Piece {
            element,
            class: attr(open, "class").unwrap_or_default().to_owned(),
            x: attr(open, "x").unwrap().parse().unwrap(),
            y: attr(open, "y").unwrap().parse().unwrap(),
            anchor: attr(open, "text-anchor").unwrap_or("start").to_owned(),
            size: attr(open, "font-size").unwrap().parse().unwrap(),
            bold: attr(open, "font-weight") == Some("bold"),
            content: String::new(),
            title,
        };
        if !inner.contains("<tspan") {
            out.push(Piece { content: unescape(inner), ..base });
            continue;
        }
        for (j, _) in inner.match_indices("<tspan ") {
            let tag_end = j + inner[j..].find('>').unwrap();
            let tag = &inner[j..=tag_end];
            let content_end = tag_end + inner[tag_end..].find("</tspan>").unwrap();
            out.push(Piece {
                class: attr(tag, "class").unwrap_or(&base.class).to_owned(),
                x: attr(tag, "x").unwrap().parse().unwrap(),
                y: attr(tag, "y").unwrap().parse().unwrap(),
                bold: base.bold || attr(tag, "font-weight") == Some("bold"),
                content: unescape(&inner[tag_end + 1..content_end]),
                ..base.clone()
            });
        }
    }
    out
}

/// The labels a chart shows, each as its lines joined, with the full text of a shortened one.
fn labels_of(svg: &str) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(usize, String, Option<String>)> = Vec::new();
    for piece in pieces(svg).into_iter().filter(|p| p.class == "chart__label") {
        match out.last_mut() {
            Some((element, text, _)) if *element == piece.element => {
                text.push(' ');
                text.push_str(&piece.content);
            }
            _ => out.push((piece.element, piece.content, piece.title)),
        }
    }
    out.into_iter().map(|(_, text, title)| (text, title)).collect()
}

fn view_box(svg: &str) -> (f64, f64) {
    let view_box = attr(tags(svg, "svg")[0], "viewBox").unwrap();
    let numbers: Vec<f64> = view_box.split(' ').map(|n| n.parse().unwrap()).collect();
    (numbers[2], numbers[3])
}

fn fit_of(svg: &str) -> Fit {
    let class = attr(tags(svg, "svg")[0], "class").unwrap();
    *Fit::ALL.iter().find(|f| class.split(' ').any(|c| c == format!("chart--{}", f.name()))).unwrap()
}

/// Text drawn inside the viewBox, no two lines of different texts on top of each other.
fn check_layout(svg: &str) -> Result<(), String> {
    let (width, height) = view_box(svg);
    let pieces = pieces(svg);
    for p in &pieces {
        let (left, right, top, bottom) = p.bounds();
        if left < -0.5 || right > width + 0.5 || top < -0.5 || bottom > height + 0.5 {
            return Err(format!(
                "{:?} ({left:.0}–{right:.0} × {top:.0}–{bottom:.0}) outside {width} × {height}",
                p.content
            ));
        }
    }
    for (i, a) in pieces.iter().enumerate() {
        for b in pieces[i + 1..].iter().filter(|b| b.element != a.element) {
            let (al, ar, at, ab) = a.bounds();
            let (bl, br, bt, bb) = b.bounds();
            if al.max(bl) + 0.5 < ar.min(br) && at.max(bt) + 0.5 < ab.min(bb) {
                return Err(format!("{:?} and {:?} overlap", a.content, b.content));
            }
        }
    }
    Ok(())
}

#[test]
fn outputs_are_well_formed_accessible_and_csp_safe() {
    for fit in Fit::ALL {
        let id = if fit == Fit::Narrow { "pillars-narrow" } else { "pillars" };
        for svg in all_outputs(fit) {
            check_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            check_numbers(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            assert!(!svg.contains("style"), "{svg}");
            assert!(!svg.contains("<script"), "{svg}");
            assert!(!svg.contains("NaN"), "{svg}");
            let root = tags(&svg, "svg")[0];
            assert_eq!(attr(root, "role"), Some("img"));
            assert_eq!(attr(root, "aria-labelledby"), Some(format!("{id}-title {id}-desc").as_str()));
            assert_eq!(attr(root, "width"), Some("100%"));
            assert_eq!(fit_of(&svg), fit);
            assert_eq!(view_box(&svg).0, fit.width());
            assert_eq!(attr(root, "preserveAspectRatio"), Some("xMidYMid meet"));
            assert!(svg.contains(&format!(r#"<title id="{id}-title">Résultats par pilier</title>"#)));
            assert!(svg.contains(&format!(r#"<desc id="{id}-desc">Gouvernance 67 %, Environnement 40 %</desc>"#)));
        }
    }
}

/// On a 360 px phone the column is 328 px wide (16 px padding each side) and body text is
/// 18 px; on wider screens the wide chart is shown 40em wide of 19 px body text (app.css, checked
/// against [`Fit::ems`] by cap-web); the PDF shows it 40em wide of its own text.
#[test]
fn every_text_is_at_least_the_size_of_body_text() {
    let shown = |fit: Fit| match fit {
        Fit::Narrow => (360.0 - 2.0 * 16.0, 18.0),
        Fit::Wide => (40.0 * 19.0, 19.0),
    };
    for fit in Fit::ALL {
        let (shown_width, body) = shown(fit);
        for svg in all_outputs(fit) {
            let sizes: Vec<f64> = pieces(&svg).iter().map(|p| p.size).collect();
            assert!(!sizes.is_empty(), "{svg}");
            let smallest = sizes.iter().copied().fold(f64::INFINITY, f64::min);
            let scale = shown_width / view_box(&svg).0;
            assert!(smallest * scale >= body - 1e-9, "{fit:?}: {smallest} × {scale:.3} < {body} px\n{svg}");
        }
    }
    // Every fit is drawn wide enough to fill its column at that size.
    assert!(Fit::Wide.ems() * 19.0 <= 60.0 * 16.0 - 2.0 * 24.0, "the wide chart fits the page's column");
}

#[test]
fn text_stays_inside_the_chart_and_never_overlaps() {
    for fit in Fit::ALL {
        for svg in all_outputs(fit) {
            check_layout(&svg).unwrap_or_else(|e| panic!("{fit:?}: {e}\n{svg}"));
        }
    }
}

#[test]
fn the_example_referential_s_labels_are_shown_whole() {
    for fit in Fit::ALL {
        for (labels, svg) in example_charts(fit) {
            check_layout(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            assert!(!svg.contains('…'), "nothing shortened: {svg}");
            assert!(!svg.contains("-</tspan>"), "no word split: {svg}");
            let shown: Vec<String> = labels_of(&svg)
                .into_iter()
                .map(|(text, title)| {
                    assert!(title.is_none(), "{text}");
                    text
                })
                .collect();
            assert_eq!(shown, labels, "every label in full, in order ({fit:?})");
            assert!(
                pieces(&svg).iter().filter(|p| p.class == "chart__label").count() > labels.len(),
                "long labels wrap onto several lines ({fit:?})"
            );
        }
    }
    // The label of the issue: on more than one line, never « Affirmer les valeurs de l'é… ».
    let bars_svg = bars(&[full("Affirmer les valeurs de l'économie sociale et solidaire", 0.5)], &text(), Fit::Wide);
    let lines: Vec<String> =
        pieces(&bars_svg).into_iter().filter(|p| p.class == "chart__label").map(|p| p.content).collect();
    assert_eq!(lines, ["Affirmer les valeurs de", "l'économie sociale et solidaire"]);
}

#[test]
fn a_label_over_three_lines_is_shortened_with_its_full_text_in_a_title() {
    let long = "Un objectif général au titre vraiment très long, écrit par une fédération qui aime les phrases \
                complètes, avec des précisions entre parenthèses (et même des détails) qui n'en finissent pas";
    for fit in Fit::ALL {
        let series = [full(long, 0.5), full("Court", 0.2), full("Moyen et clair", 0.7)];
        for svg in [bars(&series, &text(), fit), radar(&series, &text(), fit)] {
            check_xml(&svg).unwrap();
            check_layout(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            let labels = labels_of(&svg);
            let (shown, title) = &labels[0];
            assert_eq!(title.as_deref(), Some(long), "the full text in a <title>");
            assert!(shown.ends_with('…'), "{shown}");
            let lines = pieces(&svg).into_iter().filter(|p| p.class == "chart__label" && p.title.is_some()).count();
            assert_eq!(lines, MAX_LINES);
            assert_eq!(labels[1], ("Court".to_owned(), None), "short labels have no title");
        }
    }
}

#[test]
fn both_fits_go_together_on_a_page() {
    let both = Responsive::draw(|fit| bars(&five(), &text(), fit));
    assert_eq!(both.narrow, bars(&five(), &text(), Fit::Narrow));
    assert_eq!(both.wide, bars(&five(), &text(), Fit::Wide));
    let html = both.to_string();
    assert_eq!(html, format!("{}{}", both.narrow, both.wide));
    assert!(
        html.contains(r#"class="chart chart--bars chart--narrow""#)
            && html.contains(r#"class="chart chart--bars chart--wide""#)
    );
    assert!(html.contains(r#"id="pillars-narrow-title""#) && html.contains(r#"id="pillars-title""#), "distinct ids");
    // The narrow fit writes labels above the bars, the wide one on their left.
    let label_x =
        |svg: &str| pieces(svg).iter().find(|p| p.class == "chart__label").map(|p| (p.x, p.anchor.clone())).unwrap();
    assert_eq!(label_x(&both.narrow), (MARGIN, "start".to_owned()));
    assert_eq!(label_x(&both.wide).1, "end");
}

#[test]
fn ids_are_sanitised_and_distinct_per_chart() {
    let a = bars(&five(), &ChartText { id: "a", ..text() }, Fit::Wide);
    let b = bars(&five(), &ChartText { id: "b", ..text() }, Fit::Wide);
    assert!(a.contains(r#"aria-labelledby="a-title a-desc""#) && a.contains(r#"id="a-title""#));
    assert!(b.contains(r#"aria-labelledby="b-title b-desc""#) && b.contains(r#"id="b-desc""#));
    let odd = radar(&five(), &ChartText { id: "1 \"x\"<y>", ..text() }, Fit::Wide);
    check_xml(&odd).unwrap();
    assert!(odd.contains(r#"aria-labelledby="chart-1--x--y--title chart-1--x--y--desc""#), "{odd}");
    let none = timeline(&[], &ChartText { id: "", ..text() }, Fit::Wide);
    assert!(none.contains(r#"id="chart-title""#) && none.contains(r#"id="chart-desc""#));
    let narrow = timeline(&[], &ChartText { id: "", ..text() }, Fit::Narrow);
    assert!(narrow.contains(r#"id="chart-narrow-title""#) && narrow.contains(r#"id="chart-narrow-desc""#));
}

#[test]
fn text_is_escaped_everywhere() {
    let evil = "<script>alert('x') & \"y\"</script>";
    let t = ChartText {
        id: "e",
        title: evil,
        description: evil,
        legend_current: evil,
        legend_previous: evil,
        legend_target: evil,
    };
    let series: Vec<Series> = (0..4).map(|_| full(evil, 0.5)).collect();
    let short = [Series { label: "<b>&</b>", ..full("", 0.5) }; 3];
    for fit in Fit::ALL {
        for svg in [
            radar(&series, &t, fit),
            bars(&series, &t, fit),
            radar(&short, &t, fit),
            timeline(&[(evil, 0.3), ("a\u{0}b\u{1b}", 0.4)], &t, fit),
            timeline(&[], &t, fit),
            schedule(&[Span { label: evil, start: 0, end: 3, state: SpanState::Open }], &[(1, evil)], None, &t, fit),
        ] {
            check_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            assert!(!svg.contains("<script"), "{svg}");
            assert!(!svg.contains("<b>"), "{svg}");
            assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;"), "{svg}");
        }
    }
}

#[test]
fn radar_with_fewer_than_three_axes_falls_back_to_bars() {
    let s = five();
    for fit in Fit::ALL {
        for n in 0..3 {
            assert_eq!(radar(&s[..n], &text(), fit), bars(&s[..n], &text(), fit));
        }
        assert!(radar(&s[..2], &text(), fit).contains("chart--bars"));
        assert!(radar(&s[..3], &text(), fit).contains("chart--radar"));
        assert!(radar(&[], &text(), fit).contains("chart--empty"));
    }
}

#[test]
fn radar_polygons_have_one_point_per_axis() {
    for fit in Fit::ALL {
        for n in [3, 5, 12] {
            let series: Vec<Series> = (0..n).map(|i| full("axe", i as f64 / n as f64)).collect();
            let svg = radar(&series, &text(), fit);
            let polygons = tags(&svg, "polygon");
            assert_eq!(polygons.len(), RINGS.len() + 3, "{svg}");
            for polygon in polygons {
                let points = attr(polygon, "points").unwrap();
                assert_eq!(points.split(' ').count(), n, "{polygon}");
                assert!(points.split(' ').all(|p| p.split(',').count() == 2));
            }
        }
    }
}

#[test]
fn a_narrow_or_crowded_radar_numbers_its_axes_and_lists_them() {
    let many: Vec<Series> = (0..9).map(|i| full(["Un", "Deux", "Trois"][i % 3], 0.5)).collect();
    for (series, fit) in [(five(), Fit::Narrow), (many.clone(), Fit::Narrow), (many, Fit::Wide)] {
        let svg = radar(&series, &text(), fit);
        let numbers: Vec<String> =
            pieces(&svg).into_iter().filter(|p| p.class == "chart__axis").map(|p| p.content).collect();
        assert_eq!(numbers, (1..=series.len()).map(|i| i.to_string()).collect::<Vec<_>>());
        assert_eq!(svg.matches(r#"<g class="chart__key">"#).count(), series.len());
        let labels: Vec<String> = labels_of(&svg).into_iter().map(|(text, _)| text).collect();
        assert_eq!(labels, series.iter().map(|s| s.label.to_owned()).collect::<Vec<_>>());
    }
    // Five axes on a wide screen: labels beside the axes, no key.
    let wide = radar(&five(), &text(), Fit::Wide);
    assert!(!wide.contains("chart__key") && !wide.contains("chart__axis"));
}

#[test]
fn radar_missing_values_go_to_the_centre_and_mark_the_label() {
    let mut series = five();
    series[1].value = None;
    series[2].value = Some(f64::NAN);
    let svg = radar(&series, &text(), Fit::Wide);
    check_xml(&svg).unwrap();
    assert_eq!(svg.matches(" (—)").count(), 2, "{svg}");
    assert!(svg.contains(">Environnement (—)</tspan>"));
    let spoke = tags(&svg, "line")[0];
    let centre = format!("{},{}", attr(spoke, "x1").unwrap(), attr(spoke, "y1").unwrap());
    let current = tags(&svg, "polygon").into_iter().find(|p| p.contains("chart__series--current")).unwrap();
    let points: Vec<&str> = attr(current, "points").unwrap().split(' ').collect();
    assert_eq!(points[1], centre);
    assert_eq!(points[2], centre);
    assert_eq!(tags(&svg, "circle").len(), 3);
    // The narrow radar says « — » in its key instead.
    let narrow = radar(&series, &text(), Fit::Narrow);
    let values: Vec<String> =
        pieces(&narrow).into_iter().filter(|p| p.class == "chart__value").map(|p| p.content).collect();
    assert_eq!(values, ["67\u{202F}%", "—", "—", "25\u{202F}%", "100\u{202F}%"]);
}

#[test]
fn out_of_range_and_nan_values_are_clamped() {
    let series = [
        Series { label: "a", value: Some(1.7), previous: Some(-3.0), target: Some(f64::INFINITY) },
        Series { label: "b", value: Some(f64::NAN), previous: Some(f64::NAN), target: Some(f64::NEG_INFINITY) },
        Series { label: "c", value: Some(-0.2), previous: Some(f64::NAN), target: None },
    ];
    let t = text();
    for fit in Fit::ALL {
        for svg in [
            radar(&series, &t, fit),
            bars(&series, &t, fit),
            timeline(
                &[("a", f64::NAN), ("b", 2.0), ("c", -1.0), ("d", f64::NAN), ("e", 0.5), ("f", f64::NAN)],
                &t,
                fit,
            ),
            timeline(&[("a", f64::NAN)], &t, fit),
        ] {
            check_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            check_numbers(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
            assert!(!svg.contains("170\u{202F}%") && !svg.contains("-20\u{202F}%"), "{svg}");
        }
        let svg = bars(&series, &t, fit);
        let values: Vec<&str> = tags(&svg, "text").into_iter().filter(|t| t.contains("chart__value")).collect();
        assert_eq!(values.len(), 3);
        assert!(svg.contains("bold\" fill=\"#1f1f1f\">100\u{202F}%</text>"), "{svg}");
        assert!(svg.contains("bold\" fill=\"#1f1f1f\">0\u{202F}%</text>"), "{svg}");
        assert!(svg.contains("fill=\"#1f1f1f\">—</text>"), "{svg}");
        // Bar lengths stay within the chart, with room for the value after them.
        for rect in tags(&svg, "rect").into_iter().filter(|r| r.contains("chart__series--current")) {
            let x: f64 = attr(rect, "x").unwrap().parse().unwrap();
            let width: f64 = attr(rect, "width").unwrap().parse().unwrap();
            assert!(width >= 0.0 && x + width + VALUE_ROOM <= fit.width(), "{rect}");
        }
    }
}

#[test]
fn percent_cases() {
    assert_eq!(percent(0.0), "0\u{202F}%");
    assert_eq!(percent(1.0), "100\u{202F}%");
    assert_eq!(percent(0.125), "13\u{202F}%");
    assert_eq!(percent(0.666), "67\u{202F}%");
    assert_eq!(percent(0.005), "1\u{202F}%");
    assert_eq!(percent(-0.001), "0\u{202F}%");
    assert_eq!(percent(f64::NAN), "—");
    assert_eq!(percent(f64::INFINITY), "—");
    assert_eq!(percent(1e300), format!("{}\u{202F}%", i64::MAX));
}

#[test]
fn timeline_thins_tick_labels_but_plots_every_point() {
    for fit in Fit::ALL {
        for n in [1usize, 2, 3, 7, 8, 9, 15, 16, 24, 100, 1000] {
            let labels: Vec<String> = (0..n).map(|i| format!("{} mars {}", i % 28 + 1, 2027 + i / 28)).collect();
            let points: Vec<(&str, f64)> =
                labels.iter().enumerate().map(|(i, l)| (l.as_str(), i as f64 / n as f64)).collect();
            let svg = timeline(&points, &text(), fit);
            check_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            check_numbers(&svg).unwrap();
            check_layout(&svg).unwrap_or_else(|e| panic!("n={n} {fit:?}: {e}\n{svg}"));
            let ticks = labels_of(&svg);
            assert!(!ticks.is_empty() && ticks.len() <= MAX_TICKS, "n={n}: {} ticks", ticks.len());
            assert_eq!(ticks[0].0, labels[0], "the first point is labelled");
            if n <= 3 && fit == Fit::Wide {
                assert_eq!(ticks.len(), n, "few points are all labelled");
            }
            if n >= 9 {
                assert!(ticks.len() >= 2, "n={n} {fit:?}: a long timeline has several ticks");
            }
            if n == 1 {
                assert!(tags(&svg, "polyline").is_empty());
                assert_eq!(tags(&svg, "circle").len(), 1);
            } else {
                let polyline = tags(&svg, "polyline");
                assert_eq!(polyline.len(), 1);
                assert_eq!(attr(polyline[0], "points").unwrap().split(' ').count(), n);
            }
        }
    }
}

#[test]
fn empty_timeline_is_valid_and_accessible() {
    for fit in Fit::ALL {
        let svg = timeline(&[], &text(), fit);
        check_xml(&svg).unwrap();
        assert!(svg.contains("chart--empty") && svg.contains(">—</text>"));
        assert!(svg.contains("aria-labelledby=\"pillars"));
    }
}

#[test]
fn legend_shows_only_drawn_series() {
    let only_current: Vec<Series> = five().into_iter().map(|s| Series { previous: None, target: None, ..s }).collect();
    for fit in Fit::ALL {
        for svg in [radar(&only_current, &text(), fit), bars(&only_current, &text(), fit)] {
            assert!(svg.contains("chart__legend-item--current"));
            assert!(!svg.contains("chart__legend-item--previous") && !svg.contains("Campagne 2026"));
            assert!(!svg.contains("chart__legend-item--target") && !svg.contains("Objectif"));
            assert!(!svg.contains("chart__series--previous") && !svg.contains("chart__series--target"));
        }
        let mut one_target = only_current.clone();
        one_target[3].target = Some(0.5);
        for svg in [radar(&one_target, &text(), fit), bars(&one_target, &text(), fit)] {
            assert!(svg.contains("chart__legend-item--target") && svg.contains(">Objectif</tspan>"));
            assert!(!svg.contains("chart__legend-item--previous"));
        }
        for svg in [radar(&five(), &text(), fit), bars(&five(), &text(), fit)] {
            for which in ["current", "previous", "target"] {
                assert!(svg.contains(&format!("chart__legend-item--{which}")));
            }
        }
        let nothing = [Series { label: "x", ..Series::default() }; 4];
        for svg in [radar(&nothing, &text(), fit), bars(&nothing, &text(), fit)] {
            check_xml(&svg).unwrap();
            assert!(!svg.contains("chart__legend") && !svg.contains("chart__series"), "{svg}");
        }
    }
}

#[test]
fn long_legends_wrap_onto_rows() {
    let t = ChartText {
        legend_current: "Campagne d'auto-évaluation 2027 de la structure",
        legend_previous: "Campagne d'auto-évaluation 2026 de la structure, avant la fusion",
        ..text()
    };
    for fit in Fit::ALL {
        let svg = bars(&five(), &t, fit);
        check_layout(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
        let legend: Vec<Piece> = pieces(&svg).into_iter().filter(|p| p.class == "chart__legend-label").collect();
        let rows: std::collections::BTreeSet<i64> = legend.iter().map(|p| p.y as i64).collect();
        assert!(rows.len() >= 2, "{fit:?}: {legend:?}");
        assert!(!svg.contains('…'));
    }
}

#[test]
fn series_use_distinct_stroke_patterns_and_colours() {
    for fit in Fit::ALL {
        for svg in [radar(&five(), &text(), fit), bars(&five(), &text(), fit)] {
            assert!(svg.contains(&format!(r#"stroke="{PREVIOUS}" stroke-width="3" stroke-dasharray="{DASHED}""#)));
            assert!(svg.contains(&format!(r#"stroke="{TARGET}""#)) && svg.contains(DOTTED));
            assert!(svg.contains(&format!(r#"fill="{CURRENT}""#)));
            assert!(!svg.contains("fill=\"#000") && svg.contains(&format!(r#"fill="{TEXT}""#)));
        }
    }
}

#[test]
fn bars_height_grows_with_rows_and_label_lines_and_huge_inputs_do_not_panic() {
    let height = |svg: &str| view_box(svg).1;
    for fit in Fit::ALL {
        let few = bars(&five()[..2], &text(), fit);
        let many = bars(&five(), &text(), fit);
        assert!(height(&many) > height(&few));
        let long = [full("Affirmer les valeurs de l'économie sociale et solidaire", 0.5)];
        assert!(height(&bars(&long, &text(), fit)) > height(&bars(&five()[..1], &text(), fit)));
    }
    let labels: Vec<String> = (0..10_000).map(|i| format!("Objectif n°{i} <{i}>")).collect();
    let series: Vec<Series> = labels.iter().map(|l| full(l, 0.5)).collect();
    let big = bars(&series, &text(), Fit::Wide);
    check_xml(&big).unwrap();
    check_numbers(&big).unwrap();
    assert!(height(&big) > 10_000.0 * 30.0);
    let big_radar = radar(&series, &text(), Fit::Narrow);
    check_xml(&big_radar).unwrap();
    check_numbers(&big_radar).unwrap();
}

#[test]
fn numbers_have_at_most_one_decimal() {
    assert_eq!(num(1.0), "1");
    assert_eq!(num(1.25), "1.2");
    assert_eq!(num(1.26), "1.3");
    assert_eq!(num(-0.04), "0");
    assert_eq!(num(f64::NAN), "0");
    assert_eq!(num(f64::INFINITY), "0");
}

#[test]
fn schedules_draw_one_bar_per_action_and_today() {
    let spans = [
        Span { label: "Former l'équipe <accueil>", start: 0, end: 60, state: SpanState::Done },
        Span {
            label: "Écrire la procédure d'accueil des personnes en parcours",
            start: 30,
            end: 90,
            state: SpanState::Late,
        },
        Span { label: "Abandonnée", start: 40, end: 50, state: SpanState::Dropped },
        Span { label: "À l'envers", start: 50, end: 10, state: SpanState::Open },
    ];
    let ticks = [(0, "01/2027"), (31, "02/2027"), (59, "03/2027"), (400, "hors champ")];
    let text = ChartText {
        id: "plan",
        title: "Calendrier",
        description: "3 actions",
        legend_current: "À faire",
        legend_previous: "Faite",
        legend_target: "Aujourd'hui",
    };
    for fit in Fit::ALL {
        let out = schedule(&spans, &ticks, Some(45), &text, fit);
        check_xml(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
        check_layout(&out).unwrap_or_else(|e| panic!("{fit:?}: {e}\n{out}"));
        assert_eq!(out.matches("<rect").count(), 3 + 2, "three bars (the reversed one is left out), two legend keys");
        assert!(out.contains("&lt;accueil&gt;") && !out.contains("<accueil>"), "escaped");
        assert!(out.contains("✓") && out.contains(">!<"), "states said by marks too");
        assert!(out.contains("chart__today") && !out.contains("hors champ"));
        assert!(!out.contains("style="));
        let labels: Vec<String> = labels_of(&out).into_iter().map(|(t, _)| t).collect();
        assert_eq!(labels, spans[..3].iter().map(|s| s.label.to_owned()).collect::<Vec<_>>(), "titles in full");
        assert!(schedule(&[], &ticks, None, &text, fit).contains("chart--empty"));
    }
}
