//! Writing files in canonical form: fixed section and key order, one blank line between tables,
//! strings with a line break as multi-line strings. `parse` then `emit` of a canonical file gives
//! back the same bytes, which is what lets a referential travel through the database unchanged.

use super::*;
use std::fmt::Write;

fn escape(text: &str, multiline: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' if multiline => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

fn string(text: &str) -> String {
    if text.contains('\n') {
        format!("\"\"\"\n{}\"\"\"", escape(text, true))
    } else {
        format!("\"{}\"", escape(text, false))
    }
}

fn inline_list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| string(s.as_ref())).collect();
    format!("[{}]", quoted.join(", "))
}

struct Out(String);

impl Out {
    fn table(&mut self, header: &str) {
        if !self.0.is_empty() {
            self.0.push('\n');
        }
        self.0.push_str(header);
        self.0.push('\n');
    }

    fn str(&mut self, key: &str, value: &str) {
        let _ = writeln!(self.0, "{key} = {}", string(value));
    }

    fn opt(&mut self, key: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.str(key, v);
        }
    }

    fn int(&mut self, key: &str, value: i64) {
        let _ = writeln!(self.0, "{key} = {value}");
    }

    fn opt_int(&mut self, key: &str, value: Option<i64>) {
        if let Some(v) = value {
            self.int(key, v);
        }
    }

    fn bool(&mut self, key: &str, value: bool) {
        let _ = writeln!(self.0, "{key} = {value}");
    }

    fn list<S: AsRef<str>>(&mut self, key: &str, items: &[S]) {
        if !items.is_empty() {
            let _ = writeln!(self.0, "{key} = {}", inline_list(items));
        }
    }

    fn long_list(&mut self, key: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        let _ = writeln!(self.0, "{key} = [");
        for item in items {
            let _ = writeln!(self.0, "  {},", string(item));
        }
        self.0.push_str("]\n");
    }
}

/// Writes a referential in canonical form.
pub fn emit_referential(r: &Referential) -> String {
    let mut out = Out(String::new());
    out.table("[referential]");
    out.str("code", &r.code);
    out.str("version", &r.version);
    out.str("language", &r.language);
    out.str("title", &r.title);
    out.opt("title_en", &r.title_en);
    out.opt("previous", &r.previous);
    out.opt("description", &r.description);
    out.opt("notice", &r.notice);

    out.table("[scale]");
    out.bool("not_applicable", r.scale.not_applicable);
    out.bool("unknown", r.scale.unknown);
    out.opt_int("default_target", r.scale.default_target);
    for level in &r.scale.levels {
        out.table("[[scale.levels]]");
        out.int("value", level.value);
        out.str("label", &level.label);
        out.opt("label_en", &level.label_en);
        out.str("descriptor", &level.descriptor);
    }

    for node in &r.nodes {
        out.table("[[node]]");
        out.str("code", &node.code);
        out.str("kind", node.kind.code());
        out.opt("parent", &node.parent);
        out.opt("title", &node.title);
        out.opt("title_en", &node.title_en);
        out.opt("statement", &node.statement);
        out.opt("statement_en", &node.statement_en);
        out.opt("easy_read", &node.easy_read);
        out.opt("easy_read_en", &node.easy_read_en);
        if node.answer != AnswerType::Level {
            out.str("answer", node.answer.code());
        }
        out.opt("unit", &node.unit);
        out.opt_int("min", node.min);
        out.opt_int("max", node.max);
        let types: Vec<&str> = node.applies_to.iter().map(|t| t.code()).collect();
        out.list("applies_to", &types);
        if node.weight != 1 {
            out.int("weight", node.weight);
        }
        out.opt_int("target", node.target);
        out.list("services", &node.services);
        out.opt("guidance", &node.guidance);
        out.long_list("evidence", &node.evidence);
        for m in &node.mappings {
            out.table("[[node.mappings]]");
            out.str("referential", &m.referential);
            out.str("code", &m.code);
            out.str("relation", m.relation.code());
            out.str("rationale", &m.rationale);
        }
    }

    for entry in &r.code_map {
        out.table("[[code_map]]");
        out.str("old", &entry.old);
        out.list("new", &entry.new);
        out.str("change", entry.change.code());
        out.opt("note", &entry.note);
    }
    out.0
}

/// Writes an offers file in canonical form.
pub fn emit_offers(offers: &[ServiceOffer]) -> String {
    let mut out = Out(String::new());
    for offer in offers {
        out.table("[[offer]]");
        out.str("code", &offer.code);
        out.str("kind", offer.kind.code());
        out.str("title", &offer.title);
        out.opt("title_en", &offer.title_en);
        out.str("description", &offer.description);
        out.opt("contact", &offer.contact);
        out.opt("region", &offer.region);
    }
    out.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_and_go_multiline_only_with_line_breaks() {
        assert_eq!(string("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(string("l1\nl2"), "\"\"\"\nl1\nl2\"\"\"");
        assert_eq!(string("tab\there"), "\"tab\\there\"");
    }
}
