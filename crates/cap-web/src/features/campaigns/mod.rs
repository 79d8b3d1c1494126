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

use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;

/// A participant's personal link, shown to hand over on the spot (its QR code scanned by their
/// phone), and said to have been e-mailed when it was.
#[derive(Template, WebTemplate)]
#[template(path = "campaigns/link.html")]
pub struct LinkPage {
    /// The page frame.
    pub page: Page,
    /// The campaign.
    pub campaign_id: i64,
    /// Whose link.
    pub name: String,
    /// Where it was e-mailed (empty: nowhere).
    pub email: String,
    /// The link.
    pub link: String,
    /// The link as a QR code, for the person to scan on the spot.
    pub qr: String,
    /// Whether it was e-mailed.
    pub mailed: bool,
}

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
