//! The workshop's join code, first name and vote parsing.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Ok(text) = std::str::from_utf8(data) {
            let _ = cap_domain::workshop::normalise_code(text);
            let _ = cap_domain::workshop::first_name(text);
            let _ = cap_domain::workshop::parse_vote(text, &[1, 2, 3, 4]);
            let _ = cap_domain::workshop::parse_vote(text, &[]);
        }
    });
}
