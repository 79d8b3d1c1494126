//! The referential and offers TOML readers and the validator, on any text.
use cap_domain::referential::{Context, parse_offers, parse_referential, validate_offers, validate_referential};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else { return };
        let ctx = Context {
            offers: ["OFFRE-1".to_owned()].into(),
            referentials: Default::default(),
            previous_codes: Some(["1".to_owned(), "1.1".to_owned()].into()),
        };
        if let Ok((r, lines)) = parse_referential(text) {
            let _ = validate_referential(&r, &lines, &ctx);
        }
        if let Ok((offers, lines)) = parse_offers(text) {
            let _ = validate_offers(&offers, &lines);
        }
    });
}
