//! Request forgery protection and the security headers of every response.

use crate::app::AppState;
use crate::error::AppError;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The Content-Security-Policy: no inline script or style, nothing from elsewhere.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
base-uri 'none'; object-src 'none'";

/// Whether a state-changing request comes from our own pages, following the Fetch Metadata
/// approach (as Go's `CrossOriginProtection`): safe methods pass; `Sec-Fetch-Site` decides
/// when present; otherwise the `Origin` must match the configured public origin or the `Host`;
/// requests with neither header come from non-browser clients, which cannot be forged.
pub fn same_origin(method: &Method, headers: &HeaderMap, public_origin: &str) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    if origin == public_origin {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
    origin.split_once("://").is_some_and(|(_, rest)| !host.is_empty() && rest == host)
}

/// Refuses cross-site state-changing requests.
pub async fn csrf_middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if same_origin(request.method(), request.headers(), &state.config.public_origin()) {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), uri = %request.uri(), "cross-site request refused");
        AppError::CrossSite.into_response()
    }
}

/// Adds the security headers, and forbids caching of pages that may hold personal data.
pub async fn headers_middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let is_static = request.uri().path().starts_with("/static/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    );
    if state.config.secure_cookies() {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    }
    if !is_static && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// A path on this site to return to; anything else goes to the home page. Accepted: a path
/// starting with one `/`, made of visible ASCII characters only (no control character, space or
/// non-ASCII letter: browsers send those percent-encoded), without a backslash, and whose path
/// part has no empty segment (`//`) even once percent-decoded — so neither browsers nor a proxy
/// can read it as another host (`//evil.example`, `/\evil.example`, `/\t/evil.example`,
/// `/%2F/evil.example`).
pub fn safe_next(next: &str) -> String {
    let path = next.split(['?', '#']).next().unwrap_or_default();
    let decoded: String = url::form_urlencoded::parse(format!("p={}", path.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let ok = next.starts_with('/')
        && next.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
        && !path.contains("//")
        && !decoded.contains("//")
        && !decoded.contains('\\')
        && !decoded.chars().any(|c| c.is_control() || c.is_whitespace())
        && !next.contains("://");
    if ok { next.to_owned() } else { "/".to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    const ORIGIN: &str = "https://cap.exemple.fr";

    #[test]
    fn safe_methods_always_pass() {
        assert!(same_origin(&Method::GET, &headers(&[("sec-fetch-site", "cross-site")]), ORIGIN));
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        assert!(same_origin(&Method::POST, &headers(&[("sec-fetch-site", "same-origin")]), ORIGIN));
        assert!(same_origin(&Method::POST, &headers(&[("sec-fetch-site", "none")]), ORIGIN));
        assert!(!same_origin(&Method::POST, &headers(&[("sec-fetch-site", "cross-site")]), ORIGIN));
        assert!(!same_origin(&Method::POST, &headers(&[("sec-fetch-site", "same-site")]), ORIGIN));
    }

    #[test]
    fn origin_must_match_public_origin_or_host() {
        assert!(same_origin(&Method::POST, &headers(&[("origin", "https://cap.exemple.fr")]), ORIGIN));
        assert!(same_origin(
            &Method::POST,
            &headers(&[("origin", "http://127.0.0.1:8080"), ("host", "127.0.0.1:8080")]),
            ORIGIN
        ));
        assert!(!same_origin(
            &Method::POST,
            &headers(&[("origin", "https://evil.example"), ("host", "cap.exemple.fr")]),
            ORIGIN
        ));
        assert!(!same_origin(&Method::POST, &headers(&[("origin", "null")]), ORIGIN));
    }

    #[test]
    fn non_browser_clients_pass() {
        assert!(same_origin(&Method::POST, &HeaderMap::new(), ORIGIN));
    }

    #[test]
    fn only_local_paths_are_followed() {
        for good in ["/", "/organisations/3?x=1", "/referentials/2/explore?q=mot%20cl%C3%A9&t=EI", "/a/b#c"] {
            assert_eq!(safe_next(good), good);
        }
        for bad in [
            "",
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\nSet-Cookie:x=1",
            "/ /evil.example",
            "/a\u{0}",
            "\t/evil.example",
            "javascript:alert(1)",
            "/x?u=http://e",
            "/%2F/evil.example",
            "/%2f%2fevil.example",
            "/%5Cevil.example",
            "/%09/evil.example",
            "/%0d%0aLocation:x",
            "/a//b",
            "/é",
            "/\u{7f}",
            "evil.example",
            "./x",
        ] {
            assert_eq!(safe_next(bad), "/", "{bad:?}");
        }
    }
}
