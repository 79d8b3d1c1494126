//! The small, safe Markdown subset of referential guidance: paragraphs, `- ` lists, `**bold**`
//! and `*italic*`. Everything is HTML-escaped first, so no markup from a file ever reaches a page.

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn inline(text: &str) -> String {
    let escaped = escape(text);
    let mut out = String::with_capacity(escaped.len());
    let mut rest = escaped.as_str();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("**") {
            if let Some(end) = after.find("**").filter(|&e| e > 0) {
                out.push_str("<strong>");
                out.push_str(&after[..end]);
                out.push_str("</strong>");
                rest = &after[end + 2..];
                continue;
            }
        } else if let Some(after) = rest.strip_prefix('*')
            && let Some(end) = after.find('*').filter(|&e| e > 0 && !after[..e].starts_with(' '))
        {
            out.push_str("<em>");
            out.push_str(&after[..end]);
            out.push_str("</em>");
            rest = &after[end + 1..];
            continue;
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

/// Renders the subset to HTML.
pub fn render(text: &str) -> String {
    let mut html = String::new();
    for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        let lines: Vec<&str> = block.lines().map(str::trim).collect();
        if lines.iter().all(|l| l.starts_with("- ")) {
            html.push_str("<ul>");
            for line in lines {
                html.push_str("<li>");
                html.push_str(&inline(&line[2..]));
                html.push_str("</li>");
            }
            html.push_str("</ul>");
        } else {
            let mut in_list = false;
            let mut paragraph: Vec<String> = Vec::new();
            let flush = |paragraph: &mut Vec<String>, html: &mut String| {
                if !paragraph.is_empty() {
                    html.push_str("<p>");
                    html.push_str(&paragraph.join("<br>"));
                    html.push_str("</p>");
                    paragraph.clear();
                }
            };
            for line in lines {
                if let Some(item) = line.strip_prefix("- ") {
                    flush(&mut paragraph, &mut html);
                    if !in_list {
                        html.push_str("<ul>");
                        in_list = true;
                    }
                    html.push_str("<li>");
                    html.push_str(&inline(item));
                    html.push_str("</li>");
                } else {
                    if in_list {
                        html.push_str("</ul>");
                        in_list = false;
                    }
                    paragraph.push(inline(line));
                }
            }
            if in_list {
                html.push_str("</ul>");
            }
            flush(&mut paragraph, &mut html);
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_emphasis() {
        assert_eq!(
            render("Un **point** et *un autre*.\n\n- a\n- b"),
            "<p>Un <strong>point</strong> et <em>un autre</em>.</p><ul><li>a</li><li>b</li></ul>"
        );
        assert_eq!(render("Titre :\n- a\n- b\nfin"), "<p>Titre :</p><ul><li>a</li><li>b</li></ul><p>fin</p>");
        assert_eq!(render("ligne 1\nligne 2"), "<p>ligne 1<br>ligne 2</p>");
    }

    #[test]
    fn html_is_never_interpreted() {
        let html = render("<script>alert(1)</script> **<b>x</b>** \"q\"");
        assert!(!html.contains("<script>") && !html.contains("<b>"));
        assert!(html.contains("&lt;script&gt;") && html.contains("&quot;q&quot;"));
    }

    #[test]
    fn lone_stars_stay_as_typed() {
        assert_eq!(render("5 * 3 = 15 et **"), "<p>5 * 3 = 15 et **</p>");
    }
}
