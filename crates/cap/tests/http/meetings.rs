//! A campaign's calendar: proposed from the members' rhythm, meetings added, changed and
//! cancelled with the people invited told by e-mail (the invitation attached), files agendas read
//! back, the reminder the day before, and who may do what.

use crate::on_both_backends;
use crate::support::*;
use cap_domain::meeting::MeetingKind;
use cap_storage::meetings;
use icalendar::{Calendar, CalendarComponent, Component, EventLike, EventStatus};

on_both_backends!(a_calendar_from_its_proposal_to_the_reminder);

fn events(text: &str) -> Vec<icalendar::Event> {
    let parsed: Calendar = text.parse().expect("an iCalendar file");
    parsed
        .components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

async fn a_calendar_from_its_proposal_to_the_reminder(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let base = format!("/campaigns/{id}");
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let participant = app.signed_in(PARTICIPANT_A).await;

    // An empty calendar offers Cap's proposal; it fills in without e-mailing anyone.
    let (_, page) = text(&coordinator, app.url(&base)).await;
    assert!(page.contains("Aucune séance prévue pour") && page.contains("Proposer un calendrier"));
    let proposed = coordinator.post(app.url(&format!("{base}/meetings/propose"))).send().await.unwrap();
    assert_eq!(proposed.status(), 303);
    let all = meetings::of_campaign(&app.db, id).await.unwrap();
    let kinds: Vec<MeetingKind> = all.iter().map(|m| m.kind).collect();
    assert_eq!(kinds.first(), Some(&MeetingKind::Presentation));
    assert_eq!(kinds.last(), Some(&MeetingKind::Checkpoint));
    assert_eq!(kinds.iter().filter(|k| **k == MeetingKind::Working).count(), 3, "one pillar, then two sessions");
    assert!(app.mails().is_empty(), "a proposal e-mails nobody");
    coordinator.post(app.url(&format!("{base}/meetings/propose"))).send().await.unwrap();
    assert_eq!(meetings::of_campaign(&app.db, id).await.unwrap().len(), all.len(), "proposed once");
    let (_, page) = text(&participant, app.url(&base)).await;
    assert!(
        page.contains("Présentation de la démarche")
            && (page.contains("Journée d&#39;accompagnement") || page.contains("Journée d&#x27;accompagnement"))
    );
    assert!(!page.contains("Proposer un calendrier") && !page.contains("/meetings/propose"), "participants only read");

    // Once the accompaniment day is concluded, its decision shows on its meeting.
    let conclusion = cap_storage::accompaniment::NewConclusion {
        conclusions: "Le plan est réaliste.",
        decision: cap_domain::accompaniment::Decision::Alone,
        offers: &[],
        horizon_on: "2027-09-01",
        checkpoint_on: "2027-05-01",
    };
    let day = cap_storage::accompaniment::NewDay {
        held_on: "2027-02-01",
        place: "",
        attendees: "L'équipe",
        pillars: &[],
        conclusion: Some(conclusion),
        by: None,
    };
    cap_storage::accompaniment::save(&app.db, id, &day, 0).await.unwrap();
    let accompaniment_day = all.iter().find(|m| m.kind == MeetingKind::Accompaniment).unwrap();
    let (_, page) = text(&coordinator, app.url(&base)).await;
    let at = page.find(&format!("id=\"meeting-{}\"", accompaniment_day.id)).unwrap();
    let item = &page[at..at + page[at..].find("</li>").unwrap()];
    assert!(item.contains("La structure met en œuvre son plan seule"), "the decision on its meeting: {item}");

    // A workshop for volunteers at a distance: the volunteer is invited by e-mail.
    let form = |starts: &str, ends: &str, version: &str| {
        vec![
            ("kind", "workshop".to_owned()),
            ("on", "15/02/2027".to_owned()),
            ("starts", starts.to_owned()),
            ("ends", ends.to_owned()),
            ("place", String::new()),
            ("link", "https://visio.exemple.fr/cap-a".to_owned()),
            ("pillar", "SR".to_owned()),
            ("invited", "volunteer".to_owned()),
            ("notes", "Ordre du jour : les services rendus".to_owned()),
            ("notify", "1".to_owned()),
            ("version", version.to_owned()),
        ]
    };
    let refused =
        coordinator.post(app.url(&format!("{base}/meetings"))).form(&form("16h", "14h", "0")).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("La fin doit venir après le début.") && page.contains("https://visio.exemple.fr/cap-a"),
        "kept"
    );
    let added =
        coordinator.post(app.url(&format!("{base}/meetings"))).form(&form("14h", "16h30", "0")).send().await.unwrap();
    assert_eq!(added.status(), 303);
    let workshop = meetings::of_campaign(&app.db, id)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.kind == MeetingKind::Workshop)
        .expect("the workshop");
    assert_eq!((workshop.starts.as_str(), workshop.ends.as_str()), ("14:00", "16:30"));
    let mails = app.mails();
    assert_eq!(mails.len(), 1, "only the volunteer is invited");
    assert!(
        mails[0].contains(PARTICIPANT_A)
            && mails[0].contains("vous invite")
            && mails[0].contains("lundi 15 février 2027")
    );
    assert!(mails[0].contains("text/calendar") && mails[0].contains("invitation.ics"), "with the invitation attached");

    // Agendas read the files back: Paris time in UTC, the link, the pillars.
    let file = participant.get(app.url(&format!("{base}/meetings/{}/ics", workshop.id))).send().await.unwrap();
    assert_eq!(file.status(), 200);
    assert!(file.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let read = events(&file.text().await.unwrap());
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].get_summary(), Some("Atelier — Structure A"));
    assert_eq!(read[0].property_value("DTSTART"), Some("20270215T130000Z"), "14:00 in Paris in winter");
    assert_eq!(read[0].get_location(), Some("https://visio.exemple.fr/cap-a"));
    assert!(read[0].get_description().unwrap().contains("Services rendus"));
    let (status, whole) = text(&coordinator, app.url(&format!("{base}/calendar.ics"))).await;
    assert_eq!((status, events(&whole).len()), (200, all.len() + 1));

    // A change of time is sent again; notes alone are not. A stale change is refused.
    let v = workshop.version.to_string();
    let moved = coordinator
        .post(app.url(&format!("{base}/meetings/{}", workshop.id)))
        .form(&form("9h30", "12h", &v))
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), 303);
    assert_eq!(app.mails().len(), 2);
    assert!(app.mails()[1].contains("a changé"));
    let stale = coordinator
        .post(app.url(&format!("{base}/meetings/{}", workshop.id)))
        .form(&form("10h", "12h", &v))
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 409);
    assert!(stale.text().await.unwrap().contains("modifiée entre-temps"));
    let now = meetings::get(&app.db, id, workshop.id).await.unwrap();
    assert_eq!((now.starts.as_str(), now.sequence), ("09:30", 1), "the stale change wrote nothing");
    let mut notes = form("9h30", "12h", &now.version.to_string());
    notes[8].1 = "Compte rendu : trois indicateurs décidés".to_owned();
    coordinator.post(app.url(&format!("{base}/meetings/{}", workshop.id))).form(&notes).send().await.unwrap();
    assert_eq!(app.mails().len(), 2, "notes alone bother nobody");
    assert_eq!(meetings::get(&app.db, id, workshop.id).await.unwrap().sequence, 1);

    // The day before, the reminder leaves once.
    let report =
        cap_app::jobs::run_reminders(app.state(), "test", "2027-02-14".parse().unwrap()).await.expect("reminders");
    assert_eq!(report.meetings, 1);
    assert!(app.mails()[2].contains("Demain") || app.mails()[2].contains("demain"));
    let again = cap_app::jobs::run_reminders(app.state(), "test", "2027-02-14".parse().unwrap()).await.unwrap();
    assert_eq!(again.meetings, 0, "reminded once");

    // Cancelled: the volunteer is told, and agendas drop it.
    let version = meetings::get(&app.db, id, workshop.id).await.unwrap().version.to_string();
    let cancelled = coordinator
        .post(app.url(&format!("{base}/meetings/{}/cancel", workshop.id)))
        .form(&[("version", version.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(cancelled.status(), 303);
    assert!(app.mails().last().unwrap().contains("annule la séance"));
    let (_, file) = text(&participant, app.url(&format!("{base}/meetings/{}/ics", workshop.id))).await;
    assert_eq!(events(&file)[0].get_status(), Some(EventStatus::Cancelled));
    let (_, page) = text(&coordinator, app.url(&base)).await;
    assert!(page.contains("Annulée"));

    // A meeting for the direction alone stays out of the volunteer's agenda file.
    let mut direction = form("9h", "10h", "0");
    direction[7].1 = "direction".to_owned();
    direction.retain(|(name, _)| *name != "notify");
    let added = coordinator.post(app.url(&format!("{base}/meetings"))).form(&direction).send().await.unwrap();
    assert_eq!(added.status(), 303);
    let (_, mine) = text(&participant, app.url(&format!("{base}/calendar.ics"))).await;
    let (_, everything) = text(&coordinator, app.url(&format!("{base}/calendar.ics"))).await;
    assert_eq!(events(&everything).len(), events(&mine).len() + 1, "the volunteer's file leaves it out");

    // The same meeting with the volunteer invited by name: now in their file, their name on the
    // calendar, and a stranger's account refused beside the field.
    let named = meetings::of_campaign(&app.db, id).await.unwrap().into_iter().max_by_key(|m| m.id).unwrap();
    let volunteer = seeds.participant_a.0.to_string();
    let mut with_person = form("9h", "10h", &named.version.to_string());
    with_person[7].1 = "direction".to_owned();
    with_person.retain(|(name, _)| *name != "notify");
    let mut stranger = with_person.clone();
    stranger.push(("person", "999999".to_owned()));
    let refused =
        coordinator.post(app.url(&format!("{base}/meetings/{}", named.id))).form(&stranger).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("Choisissez parmi les personnes qui participent"));
    with_person.push(("person", volunteer));
    let invited =
        coordinator.post(app.url(&format!("{base}/meetings/{}", named.id))).form(&with_person).send().await.unwrap();
    assert_eq!(invited.status(), 303);
    assert_eq!(
        meetings::of_campaign(&app.db, id).await.unwrap().iter().find(|m| m.id == named.id).unwrap().people,
        [seeds.participant_a]
    );
    let (_, mine) = text(&participant, app.url(&format!("{base}/calendar.ics"))).await;
    assert_eq!(events(&everything).len(), events(&mine).len(), "invited by name: in the volunteer's file");
    let (_, page) = text(&coordinator, app.url(&base)).await;
    assert!(page.contains("Direction, participant.a"), "the calendar names who is invited");

    // Every change is in the audit log; another organisation sees nothing of it.
    let log = cap_storage::audit::recent(&app.db, None, 500).await.unwrap();
    for action in ["meetings.propose", "meetings.create", "meetings.update", "meetings.cancel"] {
        assert!(log.iter().any(|e| e.action == action), "{action} audited");
    }
    let other = app.signed_in(COORDINATOR_B).await;
    assert_eq!(text(&other, app.url(&format!("{base}/calendar.ics"))).await.0, 404);
    assert_eq!(text(&other, app.url(&format!("{base}/meetings/{}", workshop.id))).await.0, 404);
}
