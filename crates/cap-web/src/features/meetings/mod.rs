//! A campaign's calendar: its meetings (séances). The campaign page shows them as a timeline; its
//! coordinators add, change and cancel them, or start from the calendar Cap proposes; everyone
//! who sees the campaign can add them to their agenda.
//!
//! This module holds the form both the new and the edit pages show, as typed and as stored.

pub mod cancel;
pub mod edit;
pub mod ics;
pub mod new;
pub mod propose;

use crate::forms::FormErrors;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use cap_app::campaigns::Loaded;
use cap_domain::College;
use cap_domain::meeting::{MeetingForm, MeetingKind};
use cap_storage::meetings::Meeting;

/// A box to tick or an option to choose, with its words.
pub struct Choice {
    /// Code sent by the form.
    pub code: String,
    /// What it is, in words.
    pub label: String,
    /// Whether it is chosen.
    pub checked: bool,
}

/// What the form holds, as typed or as stored: the pillars and collèges are its ticked boxes,
/// `version` the meeting's version the page was drawn from (0 for a new one).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Typed {
    /// Kind code.
    #[serde(default)]
    pub kind: String,
    /// Day.
    #[serde(default)]
    pub on: String,
    /// Start time.
    #[serde(default)]
    pub starts: String,
    /// End time.
    #[serde(default)]
    pub ends: String,
    /// Place.
    #[serde(default)]
    pub place: String,
    /// Video link.
    #[serde(default)]
    pub link: String,
    /// Pillar codes ticked.
    #[serde(default, rename = "pillar")]
    pub pillars: Vec<String>,
    /// Collège codes ticked.
    #[serde(default)]
    pub invited: Vec<String>,
    /// People invited by name (account ids).
    #[serde(default, rename = "person")]
    pub people: Vec<String>,
    /// Notes or minutes.
    #[serde(default)]
    pub notes: String,
    /// Whether to tell the people invited (a box ticked with `1`).
    #[serde(default, deserialize_with = "crate::forms::one_or_zero")]
    pub notify: bool,
    /// The version the person saw (0 for a new meeting).
    #[serde(default)]
    pub version: i64,
}

impl Typed {
    /// A stored meeting, its day as people type it.
    pub fn from_stored(t: cap_app::i18n::Tr, m: &Meeting) -> Self {
        Self {
            kind: m.kind.code().to_owned(),
            on: t.numeric_date(&m.held_on),
            starts: m.starts.clone(),
            ends: m.ends.clone(),
            place: m.place.clone(),
            link: m.link.clone(),
            pillars: m.pillars.clone(),
            invited: m.invited.iter().map(|c| c.code().to_owned()).collect(),
            people: m.people.iter().map(|u| u.0.to_string()).collect(),
            notes: m.notes.clone(),
            notify: true,
            version: m.version,
        }
    }

    /// The form as the domain checks it.
    pub fn form(&self) -> MeetingForm<'_> {
        MeetingForm {
            kind: &self.kind,
            on: &self.on,
            starts: &self.starts,
            ends: &self.ends,
            place: &self.place,
            link: &self.link,
            pillars: &self.pillars,
            invited: &self.invited,
            people: &self.people,
            notes: &self.notes,
        }
    }
}

/// The new or edit page.
#[derive(Template, WebTemplate)]
#[template(path = "meetings/form.html")]
pub struct FormPage {
    /// The page's frame.
    pub page: Page,
    /// The campaign.
    pub loaded: Loaded,
    /// The meeting being changed (none for a new one).
    pub meeting: Option<Meeting>,
    /// What the form holds.
    pub typed: Typed,
    /// Problems beside their fields.
    pub errors: FormErrors,
    /// Someone changed the meeting meanwhile.
    pub conflict: bool,
    /// Those taking part, who may be invited by name: account, name, collège in words.
    pub participants: Vec<(cap_domain::UserId, String, String)>,
}

impl FormPage {
    /// A page for `typed`, with the people taking part in the campaign.
    pub async fn new(
        state: &crate::app::AppState,
        page: Page,
        loaded: Loaded,
        meeting: Option<Meeting>,
        typed: Typed,
    ) -> crate::error::AppResult<Self> {
        let participants = cap_storage::campaigns::participants(&state.db, loaded.campaign.id)
            .await?
            .into_iter()
            .map(|p| (p.user_id, p.display_name, page.t.t(p.college.label_key()).to_owned()))
            .collect();
        Ok(Self { page, loaded, meeting, typed, errors: FormErrors::new(), conflict: false, participants })
    }

    /// The accounts of those taking part (the people a meeting may name).
    pub fn participant_ids(&self) -> Vec<cap_domain::UserId> {
        self.participants.iter().map(|(u, _, _)| *u).collect()
    }

    fn people(&self) -> Vec<Choice> {
        self.participants
            .iter()
            .map(|(user, name, college)| Choice {
                code: user.0.to_string(),
                label: format!("{name} ({college})"),
                checked: self.typed.people.iter().any(|x| x.trim() == user.0.to_string()),
            })
            .collect()
    }

    /// The campaign's pillars, in order (a meeting's pillars are among them).
    pub fn pillar_codes(&self) -> Vec<String> {
        self.loaded.pillars(false).into_iter().map(|(code, _)| code).collect()
    }

    fn kinds(&self) -> Vec<Choice> {
        MeetingKind::ALL
            .iter()
            .map(|k| Choice {
                code: k.code().to_owned(),
                label: self.page.t.t(k.label_key()).to_owned(),
                checked: self.typed.kind == k.code(),
            })
            .collect()
    }

    fn pillars(&self) -> Vec<Choice> {
        self.loaded
            .pillars(self.page.t.lang() == "en")
            .into_iter()
            .map(|(code, label)| Choice { checked: self.typed.pillars.contains(&code), code, label })
            .collect()
    }

    fn colleges(&self) -> Vec<Choice> {
        College::ALL
            .iter()
            .map(|c| Choice {
                code: c.code().to_owned(),
                label: self.page.t.t(c.label_key()).to_owned(),
                checked: self.typed.invited.iter().any(|x| x == c.code()),
            })
            .collect()
    }

    /// Where the form posts.
    fn action(&self) -> String {
        match &self.meeting {
            Some(m) => format!("/campaigns/{}/meetings/{}", self.loaded.campaign.id, m.id),
            None => format!("/campaigns/{}/meetings", self.loaded.campaign.id),
        }
    }
}

/// The campaign page's calendar, where a saved meeting is shown.
pub fn calendar_of(campaign: i64, meeting: Option<i64>) -> String {
    match meeting {
        Some(m) => format!("/campaigns/{campaign}#meeting-{m}"),
        None => format!("/campaigns/{campaign}#calendar-title"),
    }
}
