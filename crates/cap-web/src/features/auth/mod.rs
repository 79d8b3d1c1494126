//! Signing in and out, password resets, invitations and first-start setup.

pub mod accept_invitation;
pub mod forgot_password;
pub mod reset_password;
pub mod setup;
pub mod sign_in;
pub mod sign_out;

/// A local path to return to after signing in; anything else (another site, `//host`) becomes `/`.
pub fn safe_next(next: &str) -> String {
    let ok = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') && !next.contains("://");
    if ok { next.to_owned() } else { "/".to_owned() }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next("/organisations/3?x=1"), "/organisations/3?x=1");
        for bad in
            ["", "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/x?u=http://e"]
        {
            assert_eq!(safe_next(bad), "/", "{bad}");
        }
    }
}
