//! Campaigns of participatory self-assessment: creating one, its page, its steps, its
//! participants, and answering.

pub mod advance;
pub mod answer;
pub mod assignment;
pub mod autosave;
pub mod consolidation;
pub mod create;
pub mod decide;
pub mod invite;
pub mod participants;
pub mod personal_link;
pub mod protect;
pub mod remind;
pub mod scope;
pub mod show;
