//! Cap's web layer: server-rendered pages grouped by feature, one file per action.
//!
//! Each handler extracts its input, asks the authorization policy, calls storage and renders a
//! template. Cross-cutting concerns live in one place each: [`security`] (CSRF, headers),
//! [`session`] (who is signed in), [`error`] (how failures become pages), [`i18n`] (words).

pub mod app;
mod crypto;
mod error;
mod features;
mod forms;
pub mod i18n;
pub mod jobs;
pub mod limits;
mod links;
mod live;
pub mod mail;
mod markdown;
mod page;
mod referential_cache;
pub mod referential_files;
pub mod routes;
mod security;
mod session;
mod stamped_cache;

pub use app::{AppState, WebConfig, build_router, relay_workshop_changes};
pub use crypto::hash_password;
pub use error::AppError;
pub use links::{first_start_link, password_reset_link};
pub use mail::{Mailer, MailerConfig};
