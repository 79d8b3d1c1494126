//! The signed-in user's own account and preferences.
pub mod change_password;
pub mod export;
pub mod language;
pub mod page;
pub mod show;
pub mod tokens;
