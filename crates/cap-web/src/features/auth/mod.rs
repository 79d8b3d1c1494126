//! Signing in and out, password resets, invitations and first-start setup.

pub mod accept_invitation;
pub mod forgot_password;
pub mod reset_password;
pub mod setup;
pub mod sign_in;
pub mod sign_out;

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
    use super::safe_next;

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
