//! Good practices: members share practices, tools and testimonies linked to indicators, with
//! attachments; a regional delegate reads each one before every member can see it; from an
//! indicator's page anyone sees how others do it.

pub mod delete;
pub mod edit;
pub mod file;
pub mod form;
pub mod list;
pub mod moderation;
pub mod new;
pub mod page;
pub mod show;
