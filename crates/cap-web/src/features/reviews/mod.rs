//! After the self-assessment, the organisation is reviewed by a tiers (its regional delegation)
//! or a pair: their time-limited access, the comment threads, and the accompaniment day.

pub mod accompaniment;
pub mod comment;
pub mod invite;
pub mod page;
pub mod revoke;
pub mod show;
pub mod state_access;
