//! The guidance's Markdown subset: never markup from the input in the output.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Ok(text) = std::str::from_utf8(data) {
            let html = cap_fuzz::markdown::render(text);
            assert!(!html.contains("<script"), "markup from the input reached the output");
        }
    });
}
