//! The signed-in user's starting page.
pub mod dashboard;
