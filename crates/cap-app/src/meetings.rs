//! A campaign's calendar as use cases: the meetings as the campaign page shows them, the calendar
//! proposed from the members' rhythm, adding, changing and cancelling a meeting (each in the
//! audit log and, when asked, e-mailed to the people invited with the invitation for their
//! agenda), the `.ics` files, the next meeting of each campaign for a participant's home, and the
//! reminder the day before.

use crate::app::App;
use crate::audit::Author;
use crate::campaigns::Loaded;
use crate::error::Result;
use crate::i18n::{Locale, Tr, paris_today};
use cap_domain::meeting::{MeetingInput, MeetingKind, propose};
use cap_domain::{College, UserId};
use cap_reports::ics::{self, IcsEvent};
use cap_storage::campaigns::{self, Participant};
use cap_storage::meetings::{self, Meeting};
use cap_storage::{StorageError, jobs, now};
use jiff::civil::{Date, DateTime, Time};
use std::collections::HashMap;

/// One meeting as the calendar shows it, in the reader's language.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The meeting as stored.
    pub meeting: Meeting,
    /// Its kind in words.
    pub kind: String,
    /// « mardi 12 janvier 2027, de 09:30 à 12:30 ».
    pub when: String,
    /// The pillars covered, by name.
    pub pillars: Vec<String>,
    /// Who is invited, in words (« tout le monde » or the collèges).
    pub invited: String,
    /// Whether its day is over.
    pub past: bool,
}

/// What a change to the calendar gave.
#[derive(Debug, Clone)]
pub enum Saved {
    /// Saved; `mailed` people were told.
    Saved {
        /// The meeting as saved.
        meeting: Meeting,
        /// How many invitations left.
        mailed: usize,
    },
    /// Someone changed the meeting meanwhile: nothing was written; here it is as it is now.
    Stale(Meeting),
}

/// What an e-mail tells about a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum News {
    Invitation,
    Change,
    Cancellation,
    Reminder,
}

impl News {
    const fn key(self) -> &'static str {
        match self {
            Self::Invitation => "mail.meeting.invitation",
            Self::Change => "mail.meeting.change",
            Self::Cancellation => "mail.meeting.cancellation",
            Self::Reminder => "mail.meeting.reminder",
        }
    }
}

fn day_of(m: &Meeting) -> Option<Date> {
    m.held_on.parse().ok()
}

fn time_of(text: &str) -> Option<Time> {
    text.parse().ok()
}

/// « mardi 12 janvier 2027, de 09:30 à 12:30 » in the reader's language.
pub fn when(t: Tr, m: &Meeting) -> String {
    t.tn("meeting.when", &[t.weekday_date(&m.held_on), m.starts.clone(), m.ends.clone()])
}

/// The campaign's meetings, by day, for the reader `t`.
pub async fn calendar(app: &App, loaded: &Loaded, t: Tr) -> Result<Vec<Entry>> {
    let today = paris_today();
    let names: HashMap<String, String> = loaded.all_pillars(t.lang() == "en").into_iter().collect();
    // Sessions that assess pillars say where each one stands, so the calendar reads as the
    // démarche: « Services rendus (consolidé) », « Identité (en réponses) ».
    let with_steps: HashMap<String, String> = names
        .iter()
        .map(|(code, name)| {
            let named = match loaded.steps.step(code) {
                Some(step) => format!("{name} ({})", t.t(step.label_key()).to_lowercase()),
                None => name.clone(),
            };
            (code.clone(), named)
        })
        .collect();
    let meetings = meetings::of_campaign(&app.db, loaded.campaign.id).await?;
    let people: HashMap<UserId, String> = if meetings.iter().any(|m| !m.people.is_empty()) {
        campaigns::participants(&app.db, loaded.campaign.id)
            .await?
            .into_iter()
            .map(|p| (p.user_id, p.display_name))
            .collect()
    } else {
        HashMap::new()
    };
    Ok(meetings
        .into_iter()
        .map(|m| {
            let assesses = matches!(m.kind, MeetingKind::Working | MeetingKind::Workshop);
            entry(t, if assesses { &with_steps } else { &names }, &people, m, today)
        })
        .collect())
}

fn entry(
    t: Tr,
    names: &HashMap<String, String>,
    people: &HashMap<UserId, String>,
    meeting: Meeting,
    today: Date,
) -> Entry {
    let invited = if meeting.invited.is_empty() && meeting.people.is_empty() {
        t.t("meeting.everyone").to_owned()
    } else {
        meeting
            .invited
            .iter()
            .map(|c| t.t(c.label_key()).to_owned())
            .chain(meeting.people.iter().filter_map(|u| people.get(u).cloned()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Entry {
        kind: t.t(meeting.kind.label_key()).to_owned(),
        when: when(t, &meeting),
        pillars: meeting.pillars.iter().map(|p| names.get(p).cloned().unwrap_or_else(|| p.clone())).collect(),
        invited,
        past: day_of(&meeting).is_some_and(|d| d < today),
        meeting,
    }
}

/// Fills an empty calendar with the meetings proposed from the members' rhythm, from the day
/// answers open (or today). Returns how many were added (none when the calendar has some).
pub async fn propose_calendar(app: &App, by: &Author, loaded: &Loaded) -> Result<usize> {
    let id = loaded.campaign.id;
    if !meetings::of_campaign(&app.db, id).await?.is_empty() {
        return Ok(0);
    }
    let today = paris_today();
    let start = loaded.campaign.answering_from.as_deref().and_then(|d| d.parse::<Date>().ok()).unwrap_or(today);
    let pillars: Vec<String> = loaded.pillars(false).into_iter().map(|(code, _)| code).collect();
    let proposed = propose(&pillars, start.max(today));
    let entry = by.entry("meetings.propose", "campaign", id, format!("{} from {start}", proposed.len()));
    meetings::create(app.db.audited(entry), id, &proposed).await?;
    Ok(proposed.len())
}

/// Adds a meeting; when `notify`, the people invited get the invitation by e-mail.
pub async fn create(app: &App, by: &Author, loaded: &Loaded, input: &MeetingInput, notify: bool) -> Result<Saved> {
    let id = loaded.campaign.id;
    let entry = by.entry("meetings.create", "meeting", "", input_summary(input));
    let ids = meetings::create(app.db.audited(entry), id, std::slice::from_ref(input)).await?;
    let meeting_id = ids.first().copied().ok_or(StorageError::NotFound)?;
    let meeting = meetings::get(&app.db, id, meeting_id).await?;
    let mailed = if notify { tell(app, loaded, &meeting, News::Invitation).await? } else { 0 };
    Ok(Saved::Saved { meeting, mailed })
}

/// Changes a meeting still at `version`; when `notify`, the people invited (before or after the
/// change) are told, with the updated invitation.
pub async fn update(
    app: &App,
    by: &Author,
    loaded: &Loaded,
    meeting_id: i64,
    input: &MeetingInput,
    version: i64,
    notify: bool,
) -> Result<Saved> {
    let id = loaded.campaign.id;
    let before = meetings::get(&app.db, id, meeting_id).await?;
    let entry = by.entry("meetings.update", "meeting", meeting_id, input_summary(input));
    let meeting = match meetings::update(app.db.audited(entry), id, meeting_id, input, version).await {
        Ok(m) => m,
        Err(StorageError::Stale(_)) => return Ok(Saved::Stale(meetings::get(&app.db, id, meeting_id).await?)),
        Err(e) => return Err(e.into()),
    };
    // Notes alone do not move the meeting: nobody is bothered for them.
    let moved = meeting.sequence != before.sequence;
    let mailed = if notify && moved { tell_both(app, loaded, &before, &meeting).await? } else { 0 };
    Ok(Saved::Saved { meeting, mailed })
}

/// Cancels a meeting still at `version`; the people invited are told.
pub async fn cancel(app: &App, by: &Author, loaded: &Loaded, meeting_id: i64, version: i64) -> Result<Saved> {
    let id = loaded.campaign.id;
    let before = meetings::get(&app.db, id, meeting_id).await?;
    let entry = by.entry("meetings.cancel", "meeting", meeting_id, summary(&before));
    let meeting = match meetings::cancel(app.db.audited(entry), id, meeting_id, version).await {
        Ok(m) => m,
        Err(StorageError::Stale(_)) => return Ok(Saved::Stale(meetings::get(&app.db, id, meeting_id).await?)),
        Err(e) => return Err(e.into()),
    };
    let mailed = tell(app, loaded, &meeting, News::Cancellation).await?;
    Ok(Saved::Saved { meeting, mailed })
}

fn summary(m: &Meeting) -> String {
    format!("{} {} {}-{} {}", m.kind.code(), m.held_on, m.starts, m.ends, m.place)
}

/// The same words for a meeting as typed, before it is saved.
fn input_summary(m: &MeetingInput) -> String {
    format!("{} {} {}-{} {}", m.kind.code(), m.on, m.starts, m.ends, m.place)
}

/// The campaign's meetings as an `.ics` file, for the reader `t` (only those a participant is
/// invited to, when `reader` is their collège and account).
pub fn ics_file(app: &App, loaded: &Loaded, t: Tr, meetings: &[Meeting], reader: Option<(College, UserId)>) -> String {
    let names: HashMap<String, String> = loaded.all_pillars(t.lang() == "en").into_iter().collect();
    let events: Vec<IcsEvent> = meetings
        .iter()
        .filter(|m| reader.is_none_or(|(c, u)| m.invites(c, u)))
        .filter_map(|m| ics_event(app, loaded, t, &names, m))
        .collect();
    let name = t.tn("meeting.ics_name", &[loaded.org.name.clone(), loaded.campaign.title.clone()]);
    ics::calendar(&name, &events, &utc_stamp(jiff::Timestamp::now()))
}

fn utc_stamp(at: jiff::Timestamp) -> String {
    at.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// A Paris wall-clock time as a UTC stamp.
fn paris_to_utc(day: Date, time: Time) -> Option<String> {
    let tz = jiff::tz::TimeZone::get("Europe/Paris").ok()?;
    let zoned = DateTime::from_parts(day, time).to_zoned(tz).ok()?;
    Some(utc_stamp(zoned.timestamp()))
}

fn ics_event(app: &App, loaded: &Loaded, t: Tr, names: &HashMap<String, String>, m: &Meeting) -> Option<IcsEvent> {
    let day = day_of(m)?;
    let host = url::Url::parse(&app.config.public_url).ok().and_then(|u| u.host_str().map(str::to_owned));
    let page = app.config.link(&format!("/campaigns/{}", loaded.campaign.id));
    let mut description = vec![t.tn("meeting.ics_campaign", &[loaded.campaign.title.clone(), loaded.org.name.clone()])];
    if !m.pillars.is_empty() {
        let pillars: Vec<&str> = m.pillars.iter().map(|p| names.get(p).map_or(p.as_str(), String::as_str)).collect();
        description.push(t.t1("meeting.ics_pillars", pillars.join(", ")));
    }
    if !m.link.is_empty() {
        description.push(t.t1("meeting.ics_link", &m.link));
    }
    if !m.notes.is_empty() {
        description.push(m.notes.clone());
    }
    description.push(page.clone());
    Some(IcsEvent {
        uid: format!("meeting-{}@{}", m.id, host.as_deref().unwrap_or("cap")),
        sequence: m.sequence,
        starts_utc: paris_to_utc(day, time_of(&m.starts)?)?,
        ends_utc: paris_to_utc(day, time_of(&m.ends)?)?,
        summary: format!("{} — {}", t.t(m.kind.label_key()), loaded.org.name),
        description: description.join("\n"),
        location: if m.place.is_empty() { m.link.clone() } else { m.place.clone() },
        url: if m.link.is_empty() { page } else { m.link.clone() },
        cancelled: m.cancelled,
    })
}

/// Tells the people invited to `before` or `after` (a change may invite others) of a change.
async fn tell_both(app: &App, loaded: &Loaded, before: &Meeting, after: &Meeting) -> Result<usize> {
    let people = campaigns::participants(&app.db, loaded.campaign.id).await?;
    let mut mailed = 0;
    for p in people.iter().filter(|p| before.invites(p.college, p.user_id) || after.invites(p.college, p.user_id)) {
        // Someone no longer invited learns that the meeting is not for them any more.
        let (meeting, news) = if after.invites(p.college, p.user_id) {
            (after.clone(), News::Change)
        } else {
            (Meeting { cancelled: true, ..after.clone() }, News::Cancellation)
        };
        mailed += usize::from(send(app, loaded, p, &meeting, news).await);
    }
    Ok(mailed)
}

/// E-mails each person invited to `meeting`; returns how many messages left.
async fn tell(app: &App, loaded: &Loaded, meeting: &Meeting, news: News) -> Result<usize> {
    let people = campaigns::participants(&app.db, loaded.campaign.id).await?;
    let mut mailed = 0;
    for p in people.iter().filter(|p| meeting.invites(p.college, p.user_id)) {
        mailed += usize::from(send(app, loaded, p, meeting, news).await);
    }
    Ok(mailed)
}

/// Sends one e-mail, in French then English, with the invitation attached; a failure is logged
/// and reported as not sent (the calendar stays saved).
async fn send(app: &App, loaded: &Loaded, to: &Participant, meeting: &Meeting, news: News) -> bool {
    let (fr, en) = (Tr::new(Locale::Fr), Tr::new(Locale::En));
    let subject = |t: Tr| {
        t.tn(&format!("{}_subject", news.key()), &[t.t(meeting.kind.label_key()).to_owned(), t.date(&meeting.held_on)])
    };
    let names_fr: HashMap<String, String> = loaded.all_pillars(false).into_iter().collect();
    let body = |t: Tr| {
        let names: HashMap<String, String> =
            if t.lang() == "en" { loaded.all_pillars(true).into_iter().collect() } else { names_fr.clone() };
        let mut out = vec![
            t.t1("mail.meeting.hello", &to.display_name),
            String::new(),
            t.tn(news.key(), &[loaded.org.name.clone(), t.t(meeting.kind.label_key()).to_owned(), when(t, meeting)]),
        ];
        if !meeting.place.is_empty() {
            out.push(t.t1("mail.meeting.place", &meeting.place));
        }
        if !meeting.link.is_empty() {
            out.push(t.t1("mail.meeting.link", &meeting.link));
        }
        if !meeting.pillars.is_empty() {
            let pillars: Vec<&str> =
                meeting.pillars.iter().map(|p| names.get(p).map_or(p.as_str(), String::as_str)).collect();
            out.push(t.t1("mail.meeting.pillars", pillars.join(", ")));
        }
        if !meeting.notes.is_empty() && news != News::Cancellation {
            out.push(String::new());
            out.push(meeting.notes.clone());
        }
        out.push(String::new());
        out.push(t.t1("mail.meeting.campaign", app.config.link(&format!("/campaigns/{}", loaded.campaign.id))));
        out.join("\n")
    };
    let text = format!("{}\n\n---\n\n{}\n", body(fr), body(en));
    let ics = ics_file(app, loaded, fr, std::slice::from_ref(meeting), None);
    let subject = format!("{} / {}", subject(fr), subject(en));
    match app.mailer.send_with_calendar(&to.email, &subject, text, ics).await {
        Ok(()) => true,
        Err(err) => {
            tracing::warn!(error = %err, meeting = meeting.id, "meeting e-mail not sent");
            false
        }
    }
}

/// The next meeting of each campaign `user` takes part in (campaign id → their collège there),
/// from today on, when they are invited to it; keyed by campaign.
pub async fn next_for(app: &App, user: UserId, invited_as: &HashMap<i64, College>) -> Result<HashMap<i64, Meeting>> {
    let today = paris_today().to_string();
    let ids: Vec<i64> = invited_as.keys().copied().collect();
    let mut out = HashMap::new();
    for m in meetings::next_of(&app.db, &ids, &today).await? {
        if invited_as.get(&m.campaign_id).is_some_and(|c| m.invites(*c, user)) {
            out.insert(m.campaign_id, m);
        }
    }
    Ok(out)
}

/// Reminds the people invited to the meetings held tomorrow (each once, recorded before the
/// e-mail leaves); returns how many reminders left.
pub async fn remind_tomorrow(app: &App, today: Date) -> Result<usize> {
    let tomorrow = today.tomorrow().unwrap_or(today).to_string();
    let at = now();
    let mut sent = 0;
    for meeting in meetings::held_on(&app.db, &tomorrow).await? {
        let loaded = crate::campaigns::load_unchecked(app, meeting.campaign_id).await?;
        for p in campaigns::participants(&app.db, meeting.campaign_id)
            .await?
            .iter()
            .filter(|p| meeting.invites(p.college, p.user_id))
        {
            let period = format!("{}:{}", meeting.held_on, p.user_id.0);
            if !jobs::mark_sent(&app.db, "meeting", meeting.id, &period, at).await? {
                continue;
            }
            if send(app, &loaded, p, &meeting, News::Reminder).await {
                sent += 1;
            } else {
                jobs::unmark_sent(&app.db, "meeting", meeting.id, &period).await?;
            }
        }
    }
    Ok(sent)
}
