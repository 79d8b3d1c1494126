//! Cap's application layer: the use cases and typed read models that more than one door into the
//! program needs — the web pages, the JSON API, the command line, the scheduled jobs and the
//! reports.
//!
//! House rule: if a CLI command, a job, a report or the API could use it, it lives here, not in a
//! web handler. This crate knows nothing of HTTP: it takes an [`App`] (the database, the mailer,
//! the instance's keys and in-memory caches) and returns typed values or an [`Error`].

pub mod accompaniment;
pub mod activity;
pub mod answers;
pub mod api;
pub mod app;
pub mod audit;
pub mod campaigns;
pub mod crypto;
pub mod deployment;
pub mod error;
pub mod ess;
pub mod evidence;
pub mod glossary;
pub mod group_campaigns;
pub mod group_commit;
pub mod groups;
pub mod harmonisation;
pub mod i18n;
pub mod invitations;
pub mod jobs;
pub mod links;
pub mod live;
pub mod mail;
pub mod meetings;
pub mod network;
pub mod organisations;
pub mod pairs;
pub mod photographie;
pub mod plans;
pub mod practices;
pub mod readiness;
pub mod referential_cache;
pub mod referential_files;
pub mod report;
pub mod restitution;
pub mod results;
pub mod reviewing;
pub mod services;
pub mod stamped_cache;
pub mod suggestions;
pub mod venue;
pub mod viewer;
pub mod workshops;

pub use app::{App, Settings};
pub use crypto::hash_password;
pub use error::{Error, Result};
pub use links::{first_start_link, password_reset_link};
pub use mail::{Mailer, MailerConfig};
