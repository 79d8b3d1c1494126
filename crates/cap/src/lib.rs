//! The Cap server: configuration, start-up wiring, demo data and administration commands.
//! `main.rs` only parses the command line and calls into here, so tests start the server
//! exactly as `cap serve` does.

pub mod allocator;
pub mod config;
pub mod connections;
pub mod demo;
pub mod generate;
pub mod referential_cli;
pub mod server;
pub mod venue_cli;
