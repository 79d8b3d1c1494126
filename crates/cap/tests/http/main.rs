//! HTTP tests against the real server on port 0, each on a fresh database, on SQLite and
//! PostgreSQL alike. One test binary, one module per feature.

mod support;

mod accounts;
mod activity;
mod api;
mod authorization;
mod campaigns;
mod cli;
mod connections;
mod ess;
mod evidence;
mod forms;
mod glossary;
mod group_campaigns;
mod harmonisation;
mod hostile;
mod least_privilege;
mod meetings;
mod network;
mod organisations;
mod pillars;
mod plans;
mod practices;
mod readiness;
mod referentials;
mod restitution;
mod reviews;
mod security;
mod services;
mod state_access;
mod venue;
mod wording;
mod workshops;
