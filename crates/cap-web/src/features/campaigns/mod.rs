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
pub mod options;
pub mod participants;
pub mod personal_link;
pub mod pillar;
pub mod remind;
pub mod scope;
pub mod show;

/// One choice of an indicator (a level, yes/no, « non concerné », « je ne sais pas »).
pub struct Choice {
    /// Submitted value.
    pub value: String,
    /// Label.
    pub label: String,
    /// What it means, for levels.
    pub descriptor: String,
    /// Whether it is the current answer.
    pub checked: bool,
}
