//! Handlers, grouped by feature, one file per action.

pub mod account;
pub mod admin;
pub mod api;
pub mod assets;
pub mod auth;
pub mod campaigns;
pub mod deployment;
pub mod directory;
pub mod evidence;
pub mod exports;
pub mod glossary;
pub mod groups;
pub mod health;
pub mod home;
pub mod meetings;
pub mod network;
pub mod organisations;
pub mod plans;
pub mod practices;
pub mod referentials;
pub mod regions;
pub mod results;
pub mod reviews;
pub mod services;
pub mod venue;
pub mod workshops;
