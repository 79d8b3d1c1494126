//! Cap's storage: every SQL statement of the product lives here, one module per aggregate.
//!
//! The same portable SQL runs on SQLite (the embedded default) and PostgreSQL through sqlx's
//! `Any` driver. Times are stored as UTC seconds (`i64`), identifiers as `i64`, flags as 0/1.
//! Each backend has its own migrations folder, kept identical in meaning (tested).

pub mod accompaniment;
pub mod activity;
pub mod api_tokens;
pub mod audit;
pub mod campaigns;
pub mod db;
pub mod deployment;
pub mod directory;
pub mod error;
pub mod evidence;
pub mod feedback;
pub mod glossary;
pub mod group_campaigns;
pub mod groups;
pub mod harmonisation;
pub mod jobs;
pub mod meetings;
pub mod memberships;
mod migrate;
pub mod network;
pub mod offers;
pub mod organisations;
pub mod plans;
pub mod practices;
pub mod referentials;
pub mod regions;
pub mod restitution;
pub mod reviews;
pub mod services;
pub mod sessions;
pub mod settings;
pub mod suggestions;
#[cfg(feature = "testing")]
pub mod testing;
pub mod throttle;
pub mod tokens;
pub mod users;
pub mod venue;
pub mod workshops;

pub use db::{Backend, Db, Writer};
pub use error::{Stale, StorageError};

/// The current time as UTC seconds since the epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}
