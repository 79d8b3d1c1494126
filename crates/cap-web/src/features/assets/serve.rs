//! `GET /static/{file}`: the stylesheet and scripts, embedded at compile time and named by their
//! content (see `static_files`).

use crate::error::AppError;
use axum::extract::Path;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

/// Serves one embedded file: a year when asked for by its fingerprinted name, an hour otherwise;
/// compressed in advance with brotli when the browser accepts it.
pub async fn handler(Path(file): Path<String>, headers: HeaderMap) -> Result<Response, AppError> {
    let found = crate::static_files::find(&file).ok_or(AppError::NotFound)?;
    let cache = if found.immutable { "public, max-age=31536000, immutable" } else { "public, max-age=3600" };
    let base =
        [(header::CONTENT_TYPE, found.content_type), (header::CACHE_CONTROL, cache), (header::VARY, "Accept-Encoding")];
    let accepts_brotli =
        headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(
            |coding| {
                let mut parts = coding.split(';').map(str::trim);
                parts.next() == Some("br") && !parts.any(|p| matches!(p, "q=0" | "q=0.0" | "q=0.00" | "q=0.000"))
            },
        );
    if accepts_brotli {
        return Ok((base, [(header::CONTENT_ENCODING, "br")], found.brotli).into_response());
    }
    Ok((base, found.body).into_response())
}

#[cfg(test)]
mod tests {
    use cap_reports::charts::Fit;

    /// The declarations of the first rule with exactly this selector.
    fn rule<'a>(css: &'a str, selector: &str) -> &'a str {
        let start = css.find(&format!("{selector} {{")).unwrap_or_else(|| panic!("no {selector} rule"));
        let open = start + css[start..].find('{').unwrap_or_default() + 1;
        &css[open..open + css[open..].find('}').unwrap_or_default()]
    }

    /// A length in the stylesheet, as a number of its unit.
    fn length(declarations: &str, property: &str, unit: &str) -> f64 {
        let value = declarations
            .split(';')
            .find_map(|d| d.trim().strip_prefix(&format!("{property}:")))
            .unwrap_or_else(|| panic!("no {property} in {declarations}"));
        value.trim().strip_suffix(unit).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{property}: {value}"))
    }

    /// The charts draw their text at 1/18 (narrow) or 1/40 (wide) of their width; the stylesheet
    /// must show them wide enough for that text to be at least body text (18px on phones, 19px
    /// from 48rem), and switch to the wide chart only where the column holds it.
    #[test]
    fn charts_are_shown_wide_enough_for_body_size_labels() {
        let css = include_str!("../../../static/app.css");
        let wide = rule(css, "svg.chart--wide");
        assert_eq!(length(wide, "width", "em"), Fit::Wide.ems(), "the wide chart is as many ems wide as drawn for");
        assert!(wide.contains("display: none"), "hidden until the screen is wide enough");
        let narrow = rule(css, "svg.chart--narrow");
        assert!(narrow.contains("width: 100%"), "the narrow chart fills a phone's column");
        let largest = length(narrow, "max-width", "em") / Fit::Narrow.ems();
        assert!((1.0..=1.5).contains(&largest), "narrow labels at most {largest} times body text");
        let phone_column = 360.0 - 2.0 * 16.0;
        assert!(phone_column / Fit::Narrow.ems() >= 18.0, "labels on a 360px phone at body size");

        let switch = css.find("svg.chart--narrow { display: none; }").expect("the switch to the wide chart");
        let media = css[..switch].rfind("@media (min-width: ").expect("under a breakpoint");
        let block = &css[media..];
        let block = &block[..block.find("\n}").expect("the end of the media block")];
        assert!(block.contains("svg.chart--wide { display: block; }"), "{block}");
        let breakpoint: f64 = block["@media (min-width: ".len()..]
            .split_once("rem)")
            .and_then(|(n, _)| n.parse().ok())
            .expect("the breakpoint in rem");
        // From 48rem the container's padding is 24px each side and body text 19px.
        assert!(breakpoint >= 48.0, "body text is 19px from 48rem");
        let column = breakpoint * 16.0 - 2.0 * 24.0;
        assert!(column >= Fit::Wide.ems() * 19.0, "a {column}px column holds the wide chart at 19px labels");
    }
}
