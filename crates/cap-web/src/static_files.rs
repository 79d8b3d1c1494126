//! The stylesheet and the script, embedded at compile time and named by their content
//! (`app.3f9c1a2b.css`), so a browser keeps them for a year and fetches them again only when they
//! change. Pages link them with [`href`]. Each is also kept compressed with brotli at its highest
//! level, done once at start, for browsers that accept it.

use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// (name, content type, body).
const FILES: &[(&str, &str, &str)] = &[
    ("app.css", "text/css; charset=utf-8", include_str!("../static/app.css")),
    ("app.js", "text/javascript; charset=utf-8", include_str!("../static/app.js")),
];

/// One embedded file.
#[derive(Debug, Clone, Copy)]
pub struct StaticFile {
    /// Its content type.
    pub content_type: &'static str,
    /// Its content.
    pub body: &'static str,
    /// Its content compressed with brotli at the highest level.
    pub brotli: &'static [u8],
    /// Whether it was asked for by its fingerprinted name, which never changes meaning.
    pub immutable: bool,
}

/// Each file's content compressed once, at the highest brotli level.
fn compressed() -> &'static [Vec<u8>] {
    static BODIES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    BODIES.get_or_init(|| {
        FILES
            .iter()
            .map(|(_, _, body)| {
                let mut out = Vec::new();
                {
                    let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
                    // Writing to memory cannot fail; a failure would only leave the file uncompressed.
                    let _ = std::io::Write::write_all(&mut writer, body.as_bytes());
                }
                out
            })
            .collect()
    })
}

/// The fingerprinted names, computed once: `app.css` → `app.3f9c1a2b.css`.
fn fingerprinted() -> &'static [(&'static str, String)] {
    static NAMES: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        FILES
            .iter()
            .map(|(name, _, body)| {
                let digest = Sha256::digest(body.as_bytes());
                let short: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
                let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
                (*name, format!("{stem}.{short}.{extension}"))
            })
            .collect()
    })
}

/// The address pages link `name` with: its fingerprinted name under `/static/`.
pub fn href(name: &str) -> String {
    match fingerprinted().iter().find(|(plain, _)| *plain == name) {
        Some((_, printed)) => format!("/static/{printed}"),
        None => format!("/static/{name}"),
    }
}

/// The file asked for as `requested`: by its fingerprinted name (kept a year), by its plain name,
/// or by an older fingerprint (a page cached before a deploy), both kept only briefly.
pub fn find(requested: &str) -> Option<StaticFile> {
    let names = fingerprinted();
    FILES.iter().zip(names).zip(compressed()).find_map(|(((name, content_type, body), (_, printed)), brotli)| {
        let stale = requested.strip_prefix(name.rsplit_once('.').map_or(*name, |(stem, _)| stem)).is_some_and(|rest| {
            let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
            rest.strip_prefix('.')
                .and_then(|r| r.strip_suffix(extension))
                .and_then(|r| r.strip_suffix('.'))
                .is_some_and(|hash| hash.len() == 8 && hash.chars().all(|c| c.is_ascii_hexdigit()))
        });
        let immutable = requested == printed;
        (immutable || requested == *name || stale).then_some(StaticFile { content_type, body, brotli, immutable })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_named_by_their_content() {
        let css = href("app.css");
        assert!(
            css.starts_with("/static/app.") && css.ends_with(".css") && css.len() == "/static/app.12345678.css".len()
        );
        let printed = css.trim_start_matches("/static/");
        assert!(find(printed).is_some_and(|f| f.immutable && f.content_type.starts_with("text/css")));
        assert!(find("app.css").is_some_and(|f| !f.immutable), "the plain name still answers, briefly cached");
        assert!(find("app.00000000.css").is_some_and(|f| !f.immutable), "an older fingerprint gets today's file");
        assert!(find("app.js").is_some_and(|f| f.content_type.starts_with("text/javascript")));
        for bad in ["app.css.map", "../app.css", "app.zzzzzzzz.css", "app.1234.css", "other.css", ""] {
            assert!(find(bad).is_none(), "{bad}");
        }
        assert_ne!(href("app.css"), href("app.js"));
        let css = find("app.css").unwrap();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &css.brotli[..], &mut back).unwrap();
        assert_eq!(back, css.body.as_bytes(), "the compressed copy is the same file");
        assert!(css.brotli.len() * 4 < css.body.len(), "{} of {} bytes", css.brotli.len(), css.body.len());
    }
}
