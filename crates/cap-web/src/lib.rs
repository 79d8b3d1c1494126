//! Cap's web layer: server-rendered pages grouped by feature, one file per action.
//!
//! Each handler extracts its input, asks the authorization policy, calls the application layer
//! (`cap_app`) or storage, and renders a template. Cross-cutting concerns live in one place each:
//! [`security`] (CSRF, headers), [`session`] (who is signed in), [`error`] (how failures become
//! pages); words are `cap_app::i18n`.

pub mod app;
mod audit;
mod choices;
mod error;
mod features;
mod forms;
pub mod limits;
mod markdown;
mod page;
pub mod qr;
pub mod routes;
mod security;
mod session;
mod shared_pages;
pub mod static_files;
mod tree;

pub use app::{AppState, build_router};
pub use error::AppError;
