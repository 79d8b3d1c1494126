//! A member organisation's own pages: its home and its members.
pub mod invite;
pub mod revoke;
pub mod show;
