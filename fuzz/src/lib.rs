//! Shared pieces of the fuzz targets.

/// The guidance's Markdown subset, compiled from the web crate's own file (it is private there).
#[path = "../../crates/cap-web/src/markdown.rs"]
#[allow(dead_code)]
pub mod markdown;
