//! A campaign's meetings as an iCalendar file (RFC 5545), attached to invitations and offered
//! for download, which agendas (Outlook, Google, Apple, Thunderbird) add or update by UID.
//!
//! Files are published (`METHOD:PUBLISH`), not sent as meeting requests: Cap does not collect
//! replies, and a published event with a higher `SEQUENCE` updates the copy already in an agenda;
//! a cancelled meeting is published with `STATUS:CANCELLED`.

use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

/// One meeting, ready for an agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// Stable identifier, unique across instances (`meeting-12@cap.exemple.fr`).
    pub uid: String,
    /// How many changes were published before (iCalendar's SEQUENCE).
    pub sequence: i64,
    /// Start, UTC, as `YYYYMMDDTHHMMSSZ`.
    pub starts_utc: String,
    /// End, UTC, as `YYYYMMDDTHHMMSSZ`.
    pub ends_utc: String,
    /// Title.
    pub summary: String,
    /// Details, on several lines.
    pub description: String,
    /// Place (or the video link when there is no place).
    pub location: String,
    /// A link to open (the video call, or the campaign's page).
    pub url: String,
    /// Whether it was cancelled.
    pub cancelled: bool,
}

/// An iCalendar file holding `events`, named `name` in agendas that show it; `stamp_utc`
/// (`YYYYMMDDTHHMMSSZ`) is when the file was made.
pub fn calendar(name: &str, events: &[IcsEvent], stamp_utc: &str) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"));
    cal.append_property(("PRODID", "-//Cap//Cap//FR"));
    cal.append_property(("CALSCALE", "GREGORIAN"));
    cal.append_property(("METHOD", "PUBLISH"));
    cal.name(name);
    for e in events {
        let mut event = Event::new();
        event
            .uid(&e.uid)
            .add_property("DTSTAMP", stamp_utc)
            .add_property("DTSTART", &e.starts_utc)
            .add_property("DTEND", &e.ends_utc)
            .add_property("SEQUENCE", e.sequence.to_string())
            .summary(&e.summary)
            .description(&e.description)
            .status(if e.cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed });
        if !e.location.is_empty() {
            event.location(&e.location);
        }
        if !e.url.is_empty() {
            event.url(&e.url);
        }
        cal.push(event.done());
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use icalendar::{CalendarComponent, DatePerhapsTime};

    fn meeting(cancelled: bool) -> IcsEvent {
        IcsEvent {
            uid: "meeting-7@cap.exemple.fr".into(),
            sequence: 2,
            starts_utc: "20270112T083000Z".into(),
            ends_utc: "20270112T113000Z".into(),
            summary: "Séance de travail — Atelier du Lac".into(),
            description: "Piliers : Services rendus, Identité\nCampagne « 2027 ; bilan, suite »".into(),
            location: "Salle du conseil, 2 rue des Lilas".into(),
            url: "https://cap.exemple.fr/campaigns/3".into(),
            cancelled,
        }
    }

    #[test]
    fn a_file_reads_back_with_every_field() {
        let text = calendar("Atelier du Lac — calendrier", &[meeting(false), meeting(true)], "20261206T120000Z");
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.trim_end().ends_with("END:VCALENDAR"));
        assert!(text.contains("METHOD:PUBLISH\r\n") && text.contains("PRODID:-//Cap//Cap//FR\r\n"));
        assert!(text.lines().all(|l| l.len() <= 75), "lines are folded at 75 octets");
        let parsed: Calendar = text.parse().expect("the file parses");
        let events: Vec<&Event> = parsed
            .components
            .iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(e) => Some(e),
                _ => None,
            })
            .collect();
        assert_eq!(events.len(), 2);
        let first = events[0];
        assert_eq!(first.get_uid(), Some("meeting-7@cap.exemple.fr"));
        assert_eq!(first.get_summary(), Some("Séance de travail — Atelier du Lac"));
        assert_eq!(
            first.get_description(),
            Some("Piliers : Services rendus, Identité\nCampagne « 2027 ; bilan, suite »")
        );
        assert_eq!(first.get_location(), Some("Salle du conseil, 2 rue des Lilas"));
        assert_eq!(first.get_sequence(), Some(2));
        assert_eq!(first.get_status(), Some(EventStatus::Confirmed));
        assert_eq!(events[1].get_status(), Some(EventStatus::Cancelled));
        let Some(DatePerhapsTime::DateTime(start)) = first.get_start() else { panic!("a start time") };
        assert!(format!("{start:?}").contains("2027-01-12T08:30:00"), "{start:?}");
    }
}
