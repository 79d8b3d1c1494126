//! A campaign's calendar: its meetings (séances). Members tell their démarche as dates — « notre
//! délégué régional est venu présenter l'outil … deux dates ont été fixées pour travailler sur les
//! 3 thèmes restants, et une autre pour la restitution »; the accompaniment day comes « environ un
//! mois après la première rencontre » and the plan runs 6 to 8 months, with a checkpoint at
//! mid-term. Times are Paris wall-clock times; turning them into instants is the caller's job.

use crate::ValidationError;
use crate::calendar::{parse_date, parse_time};
use crate::coded::coded;
use crate::ids::UserId;
use crate::role::College;
use jiff::civil::{Date, Time};

/// What a meeting is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingKind {
    /// The delegate presents the tool and the method.
    Presentation,
    /// A working session: people self-assess one or more pillars.
    Working,
    /// A consensus workshop, the room voting on each indicator.
    Workshop,
    /// The accompaniment day with the tiers and/or the pair.
    Accompaniment,
    /// The restitution of the photographie to the team and the board.
    Restitution,
    /// The plan's checkpoint.
    Checkpoint,
}

coded!(
    MeetingKind,
    "meeting.kind.",
    Presentation => "presentation",
    Working => "working",
    Workshop => "workshop",
    Accompaniment => "accompaniment",
    Restitution => "restitution",
    Checkpoint => "checkpoint",
);

/// The longest place or video link.
const MAX_PLACE: usize = 300;
/// The longest notes or minutes.
const MAX_NOTES: usize = 8000;

/// A meeting as the form sends it.
#[derive(Debug, Clone, Copy, Default)]
pub struct MeetingForm<'a> {
    /// Kind code.
    pub kind: &'a str,
    /// The day, as typed.
    pub on: &'a str,
    /// Start time, as typed (`9h30`, `09:30`).
    pub starts: &'a str,
    /// End time, as typed.
    pub ends: &'a str,
    /// Where it takes place.
    pub place: &'a str,
    /// A video link, for a meeting held at a distance.
    pub link: &'a str,
    /// Pillar codes covered.
    pub pillars: &'a [String],
    /// Collège codes invited (none, and no person: everyone).
    pub invited: &'a [String],
    /// People invited by name (their account ids, as typed in the form).
    pub people: &'a [String],
    /// Notes beforehand, minutes afterwards.
    pub notes: &'a str,
}

/// A meeting, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingInput {
    /// What it is for.
    pub kind: MeetingKind,
    /// The day.
    pub on: Date,
    /// Start, Paris time.
    pub starts: Time,
    /// End, Paris time, after the start.
    pub ends: Time,
    /// Where it takes place (may be empty for a meeting at a distance).
    pub place: String,
    /// An `https://` (or `http://`) video link, or empty.
    pub link: String,
    /// Pillars covered, among the campaign's, in the referential's order.
    pub pillars: Vec<String>,
    /// Collèges invited; with no person either, everyone taking part.
    pub invited: Vec<College>,
    /// People invited by name, among those taking part, in the order given.
    pub people: Vec<UserId>,
    /// Notes or minutes.
    pub notes: String,
}

/// Problems found in a form, each with the field it belongs to.
pub type Problems = Vec<(&'static str, ValidationError)>;

impl MeetingInput {
    /// Checks a form. `pillars` are the campaign's pillars in order: those ticked must be among
    /// them, and come back in that order; the people named must be among `participants`.
    pub fn parse(form: &MeetingForm<'_>, pillars: &[String], participants: &[UserId]) -> Result<Self, Problems> {
        let mut problems = Problems::new();
        let kind = MeetingKind::from_code(form.kind.trim());
        if kind.is_none() {
            problems.push(("kind", ValidationError::new("error.meeting.kind")));
        }
        let on = parse_date(form.on);
        if on.is_none() {
            problems.push(("on", ValidationError::new("error.date.invalid")));
        }
        let starts = parse_time(form.starts);
        if starts.is_none() {
            problems.push(("starts", ValidationError::new("error.meeting.time")));
        }
        let ends = parse_time(form.ends);
        match (starts, ends) {
            (_, None) => problems.push(("ends", ValidationError::new("error.meeting.time"))),
            (Some(s), Some(e)) if e <= s => problems.push(("ends", ValidationError::new("error.meeting.ends_first"))),
            _ => {}
        }
        let place = form.place.trim().to_owned();
        if place.chars().count() > MAX_PLACE {
            problems.push(("place", ValidationError::new("error.action.too_long")));
        }
        let link = form.link.trim().to_owned();
        if !link.is_empty() && !is_web_link(&link) {
            problems.push(("link", ValidationError::new("error.meeting.link")));
        }
        let notes = form.notes.trim().to_owned();
        if notes.chars().count() > MAX_NOTES {
            problems.push(("notes", ValidationError::new("error.action.too_long")));
        }
        let ticked: Vec<&str> = form.pillars.iter().map(|p| p.trim()).collect();
        if ticked.iter().any(|p| !p.is_empty() && !pillars.iter().any(|q| q == p)) {
            problems.push(("pillars", ValidationError::new("error.meeting.pillar")));
        }
        let chosen = pillars.iter().filter(|p| ticked.contains(&p.as_str())).cloned().collect();
        let mut invited = Vec::new();
        for code in form.invited.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            match College::from_code(code).ok() {
                Some(c) if !invited.contains(&c) => invited.push(c),
                Some(_) => {}
                None => problems.push(("invited", ValidationError::new("error.meeting.college"))),
            }
        }
        invited.sort_by_key(|c| College::ALL.iter().position(|x| x == c));
        let mut people = Vec::new();
        for raw in form.people.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
            match raw.parse::<i64>().ok().map(UserId).filter(|u| participants.contains(u)) {
                Some(u) if !people.contains(&u) => people.push(u),
                Some(_) => {}
                None => problems.push(("people", ValidationError::new("error.meeting.person"))),
            }
        }
        match (kind, on, starts, ends) {
            (Some(kind), Some(on), Some(starts), Some(ends)) if problems.is_empty() => {
                Ok(Self { kind, on, starts, ends, place, link, pillars: chosen, invited, people, notes })
            }
            _ => Err(problems),
        }
    }

    /// Whether `user`, taking part as `college`, is invited: everyone when nobody was chosen,
    /// else their collège's people and the people named.
    pub fn invites(&self, college: College, user: UserId) -> bool {
        invites(&self.invited, &self.people, college, user)
    }
}

/// Whether `user`, taking part as `college`, is among those invited by collège (`colleges`) or by
/// name (`people`); when neither is chosen, everyone is.
pub fn invites(colleges: &[College], people: &[UserId], college: College, user: UserId) -> bool {
    (colleges.is_empty() && people.is_empty()) || colleges.contains(&college) || people.contains(&user)
}

/// A web address people can open: `https://` or `http://`, a host, no spaces or quotes (a
/// meeting's video link, a piece of evidence).
pub fn is_web_link(link: &str) -> bool {
    let rest = link.strip_prefix("https://").or_else(|| link.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && link.chars().count() <= MAX_PLACE
            && !r.starts_with(['/', '.'])
            && r.chars().all(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '"' | '<' | '>' | '\\'))
    })
}

/// `days` after `date`, moved to the Monday after when it falls on a weekend.
fn at(date: Date, days: i64) -> Date {
    let day = date.checked_add(jiff::Span::new().days(days)).unwrap_or(date);
    let to_monday = match day.weekday() {
        jiff::civil::Weekday::Saturday => 2,
        jiff::civil::Weekday::Sunday => 1,
        _ => 0,
    };
    day.checked_add(jiff::Span::new().days(to_monday)).unwrap_or(day)
}

fn meeting(kind: MeetingKind, on: Date, hours: (i8, i8, i8, i8), pillars: &[String]) -> MeetingInput {
    let time = |h, m| Time::new(h, m, 0, 0).unwrap_or(Time::midnight());
    MeetingInput {
        kind,
        on,
        starts: time(hours.0, hours.1),
        ends: time(hours.2, hours.3),
        place: String::new(),
        link: String::new(),
        pillars: pillars.to_vec(),
        invited: Vec::new(),
        people: Vec::new(),
        notes: String::new(),
    }
}

/// The calendar proposed for a campaign on `pillars` starting on `start`, after the members'
/// rhythm: the delegate's presentation; a first working session on one pillar a week later, then
/// the other pillars over two more sessions two weeks apart; the accompaniment day about a month
/// after the first meeting (and a week after the last working session at the earliest); the
/// restitution two weeks later; the plan's checkpoint at mid-term of its 6 to 8 months (about
/// three and a half months after the accompaniment day). A date on a weekend moves to the Monday
/// after. Every date is a proposal to edit.
pub fn propose(pillars: &[String], start: Date) -> Vec<MeetingInput> {
    let mut out = vec![meeting(MeetingKind::Presentation, at(start, 0), (9, 30, 11, 0), pillars)];
    let mut last = start;
    if let Some((first, others)) = pillars.split_first() {
        last = at(start, 7);
        out.push(meeting(MeetingKind::Working, last, (9, 30, 12, 30), std::slice::from_ref(first)));
        let half = others.len().div_ceil(2);
        for (i, group) in [&others[..half], &others[half..]].into_iter().enumerate() {
            if group.is_empty() {
                continue;
            }
            last = at(start, 21 + 14 * i as i64);
            out.push(meeting(MeetingKind::Working, last, (9, 30, 12, 30), group));
        }
    }
    let accompaniment = at(start, 30).max(at(last, 7));
    out.push(meeting(MeetingKind::Accompaniment, accompaniment, (9, 0, 17, 0), pillars));
    out.push(meeting(MeetingKind::Restitution, at(accompaniment, 14), (14, 0, 16, 0), pillars));
    out.push(meeting(MeetingKind::Checkpoint, at(accompaniment, 105), (10, 0, 12, 0), &[]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn pillars() -> Vec<String> {
        ["SR", "ID", "SU", "AC"].map(String::from).to_vec()
    }

    fn form<'a>(pillars: &'a [String], invited: &'a [String]) -> MeetingForm<'a> {
        MeetingForm {
            kind: "working",
            on: "12/01/2027",
            starts: "9h30",
            ends: "12:30",
            place: " Salle du conseil ",
            link: "",
            pillars,
            invited,
            people: &[],
            notes: "",
        }
    }

    #[test]
    fn a_meeting_is_read_as_people_type_it() {
        let ticked = ["AC".to_owned(), "SR".to_owned()];
        let invited = ["volunteer".to_owned(), "direction".to_owned(), "volunteer".to_owned()];
        let s = MeetingInput::parse(&form(&ticked, &invited), &pillars(), &[UserId(7)]).unwrap();
        assert_eq!((s.kind, s.on), (MeetingKind::Working, date(2027, 1, 12)));
        assert_eq!((s.starts, s.ends), (Time::constant(9, 30, 0, 0), Time::constant(12, 30, 0, 0)));
        assert_eq!(s.place, "Salle du conseil");
        assert_eq!(s.pillars, ["SR", "AC"], "in the campaign's order");
        assert_eq!(s.invited, [College::Direction, College::Volunteer], "once each, in the usual order");
        assert!(s.invites(College::Volunteer, UserId(1)) && !s.invites(College::BoardMember, UserId(1)));
        let everyone = MeetingInput::parse(&form(&[], &[]), &pillars(), &[UserId(7)]).unwrap();
        assert!(College::ALL.iter().all(|c| everyone.invites(*c, UserId(1))), "nobody ticked: everyone");
        // A person named: invited whatever their collège, and only them beyond the collèges ticked.
        let named = ["7".to_owned(), "7".to_owned()];
        let one =
            MeetingInput::parse(&MeetingForm { people: &named, ..form(&[], &[]) }, &pillars(), &[UserId(7)]).unwrap();
        assert_eq!(one.people, [UserId(7)], "once");
        assert!(one.invites(College::BoardMember, UserId(7)) && !one.invites(College::BoardMember, UserId(8)));
        let stranger = ["8".to_owned()];
        let refused =
            MeetingInput::parse(&MeetingForm { people: &stranger, ..form(&[], &[]) }, &pillars(), &[UserId(7)]);
        assert_eq!(refused.unwrap_err()[0].0, "people", "only people taking part");
    }

    #[test]
    fn every_problem_is_told_beside_its_field() {
        let ticked = ["XX".to_owned()];
        let invited = ["nobody".to_owned()];
        let bad = MeetingForm {
            kind: "party",
            on: "31/02/2027",
            starts: "25h",
            ends: "",
            link: "javascript:alert(1)",
            notes: &"x".repeat(MAX_NOTES + 1),
            ..form(&ticked, &invited)
        };
        let fields: Vec<&str> =
            MeetingInput::parse(&bad, &pillars(), &[]).unwrap_err().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["kind", "on", "starts", "ends", "link", "notes", "pillars", "invited"]);
        let reversed = MeetingForm { starts: "14:00", ends: "10h", ..form(&[], &[]) };
        let problems = MeetingInput::parse(&reversed, &pillars(), &[]).unwrap_err();
        assert_eq!(problems[0].1.key, "error.meeting.ends_first");
    }

    #[test]
    fn only_web_links_are_kept() {
        for ok in ["https://visio.exemple.fr/salle-42", "http://exemple.fr"] {
            assert!(is_web_link(ok), "{ok}");
        }
        for bad in ["https://", "ftp://exemple.fr", "https://a b", "https://x\"onmouseover", "exemple.fr", "https:///x"]
        {
            assert!(!is_web_link(bad), "{bad}");
        }
    }

    #[test]
    fn the_proposed_calendar_follows_the_members_rhythm() {
        let start = date(2027, 1, 5);
        let proposed = propose(&pillars(), start);
        let kinds: Vec<MeetingKind> = proposed.iter().map(|s| s.kind).collect();
        use MeetingKind::*;
        assert_eq!(kinds, [Presentation, Working, Working, Working, Accompaniment, Restitution, Checkpoint]);
        assert_eq!(proposed[1].pillars, ["SR"], "one pillar first");
        assert_eq!(proposed[2].pillars, ["ID", "SU"], "then the others over two dates");
        assert_eq!(proposed[3].pillars, ["AC"]);
        let days: Vec<i32> = proposed.iter().map(|s| start.until(s.on).unwrap().get_days()).collect();
        assert_eq!(days, [0, 7, 21, 35, 42, 56, 147]);
        assert!(proposed.windows(2).all(|w| w[0].on <= w[1].on), "in order");
        assert!(proposed.iter().all(|s| s.starts < s.ends));
        // Nothing on a weekend: a Saturday start moves to the Monday.
        let weekend = propose(&pillars(), date(2027, 1, 2));
        assert!(
            weekend
                .iter()
                .all(|s| !matches!(s.on.weekday(), jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday))
        );
        assert_eq!(weekend[0].on, date(2027, 1, 4));
        // One pillar: the accompaniment day stays about a month after the first meeting.
        let one = propose(&["SR".to_owned()], start);
        assert_eq!(one.len(), 5);
        assert_eq!(start.until(one[2].on).unwrap().get_days(), 30);
    }
}
