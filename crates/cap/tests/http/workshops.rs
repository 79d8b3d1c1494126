//! Workshops: phones join with a code and vote, the console counts once per phone, the room is
//! told of every change by server-sent events, the agreed level becomes the shared answer.

use crate::support::*;
use cap_storage::{campaigns, workshops};
use std::time::Duration;

async fn next_event(stream: &mut reqwest::Response) -> String {
    let chunk = tokio::time::timeout(Duration::from_secs(5), stream.chunk())
        .await
        .expect("an event within 5 s")
        .unwrap()
        .unwrap();
    String::from_utf8_lossy(&chunk).into_owned()
}

/// Opens a workshop on `campaign` with the console's `form`, as its coordinator does, and
/// returns it as stored.
async fn open_workshop(
    app: &TestApp,
    coordinator: &reqwest::Client,
    campaign: i64,
    form: &[(&str, &str)],
) -> workshops::Workshop {
    let opened =
        coordinator.post(app.url(&format!("/campaigns/{campaign}/workshops"))).form(form).send().await.unwrap();
    assert_eq!(opened.status(), 303);
    let id: i64 = opened.headers()["location"].to_str().unwrap().trim_start_matches("/workshops/").parse().unwrap();
    workshops::get(&app.db, id).await.unwrap()
}

async fn a_room_votes_and_agrees(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let w = open_workshop(app, &coordinator, seeds.campaign_a, &[("pillar", "SR"), ("by_college", "on")]).await;
    let id = w.id;
    let console_path = format!("/workshops/{id}");
    assert!(w.indicators.iter().all(|c| c.starts_with("SR.")) && !w.indicators.is_empty());
    let first = w.current().unwrap().to_owned();

    let projector =
        coordinator.get(app.url(&format!("/workshops/{id}/projector"))).send().await.unwrap().text().await.unwrap();
    assert!(projector.contains(&w.code) && projector.contains("<svg"), "code and QR code on the wall");
    let mut events = coordinator.get(app.url(&format!("/workshops/{id}/events"))).send().await.unwrap();
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    assert!(next_event(&mut events).await.contains("event: update"), "the current version comes first");

    let refused = app
        .client()
        .post(app.url("/w"))
        .form(&[("code", "ZZZZZZ"), ("first_name", "Lou"), ("college", "volunteer")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    let mut phones = Vec::new();
    for (i, college) in ["volunteer", "volunteer", "volunteer", "direction", "board_member"].iter().enumerate() {
        let phone = app.client();
        let joined = phone
            .post(app.url("/w"))
            .form(&[
                ("code", w.code.to_lowercase().as_str()),
                ("first_name", format!("Voix {i}").as_str()),
                ("college", college),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(joined.status(), 303);
        assert!(next_event(&mut events).await.contains("update"), "the console hears each arrival");
        phones.push(phone);
    }
    let mut wall = coordinator.get(app.url(&format!("/workshops/{id}/events?wall=1"))).send().await.unwrap();
    assert!(next_event(&mut wall).await.contains("event: update"), "the current version comes first");
    for (i, phone) in phones.iter().enumerate() {
        let level = if i < 3 { "3" } else { "1" };
        let voted = phone
            .post(app.url(&format!("/w/{}/vote", w.code)))
            .form(&[("value", level), ("indicator", first.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(voted.status(), 303);
    }
    phones[0]
        .post(app.url(&format!("/w/{}/vote", w.code)))
        .form(&[("value", "4"), ("indicator", first.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(workshops::votes(&app.db, id, &first).await.unwrap().len(), 5, "voting twice counts once");
    let mut told = next_event(&mut wall).await;
    while !told.contains("</p>") {
        told.push_str(&next_event(&mut wall).await);
    }
    assert!(
        told.contains("event: tally") && told.contains("1 vote sur 5 participant·e·s") && !told.contains("<table"),
        "a vote reaches the wall with the new count in the event, the distribution hidden: {told}"
    );
    let page = phones[0].get(app.url(&format!("/w/{}", w.code))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("id=\"vote-4\" name=\"value\" value=\"4\" checked"), "a phone that reloads finds its vote");

    let console = coordinator.get(app.url(&console_path)).send().await.unwrap().text().await.unwrap();
    assert!(console.contains("5 votes sur 5 participant·e·s"));
    coordinator.post(app.url(&format!("/workshops/{id}/control"))).form(&[("action", "reveal")]).send().await.unwrap();
    let revealed = phones[1].get(app.url(&format!("/w/{}", w.code))).send().await.unwrap().text().await.unwrap();
    assert!(revealed.contains("Résultats"));
    let late = phones[1]
        .post(app.url(&format!("/w/{}/vote", w.code)))
        .form(&[("value", "1"), ("indicator", first.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), 303);
    assert_eq!(
        workshops::votes(&app.db, id, &first).await.unwrap()[1].2,
        cap_domain::campaign::AnswerValue::Level(3),
        "no vote after the reveal"
    );
    let by_college = coordinator.get(app.url(&console_path)).send().await.unwrap().text().await.unwrap();
    assert!(by_college.contains("<th scope=\"row\">Bénévole</th>"), "three volunteers are shown as a collège");
    assert!(!by_college.contains("<th scope=\"row\">Direction</th>"), "one director is not");

    coordinator
        .post(app.url(&format!("/workshops/{id}/record")))
        .form(&[("value", "3"), ("note", "Accord après échange")])
        .send()
        .await
        .unwrap();
    let shared = campaigns::consolidated(&app.db, seeds.campaign_a).await.unwrap();
    assert_eq!(
        (shared[&first].source.as_str(), shared[&first].rationale.as_str()),
        ("workshop", "Accord après échange")
    );
    assert_eq!(shared[&first].value, Some(cap_domain::campaign::AnswerValue::Level(3)));

    coordinator.post(app.url(&format!("/workshops/{id}/control"))).form(&[("action", "next")]).send().await.unwrap();
    let next = phones[2].get(app.url(&format!("/w/{}", w.code))).send().await.unwrap().text().await.unwrap();
    assert!(next.contains("Question 2"));
    let voters = workshops::voters(&app.db, id).await.unwrap();
    coordinator.post(app.url(&format!("/workshops/{id}/voters/{}/remove", voters[4].id))).send().await.unwrap();
    let gone = phones[4].get(app.url(&format!("/w/{}", w.code))).send().await.unwrap();
    assert_eq!(gone.status(), 303, "a removed phone is sent back to the join form");
    coordinator.post(app.url(&format!("/workshops/{id}/control"))).form(&[("action", "timer60")]).send().await.unwrap();
    let timed = phones[2].get(app.url(&format!("/w/{}", w.code))).send().await.unwrap().text().await.unwrap();
    assert!(timed.contains("data-timer-end=") && timed.contains("Vote jusqu&#39;à"), "the timer reaches the phones");
    coordinator
        .post(app.url(&format!("/workshops/{id}/control")))
        .form(&[("action", "timer_stop")])
        .send()
        .await
        .unwrap();
    assert!(workshops::get(&app.db, id).await.unwrap().timer_ends_at.is_none());
    coordinator.post(app.url(&format!("/workshops/{id}/control"))).form(&[("action", "close")]).send().await.unwrap();
    let closed = app
        .client()
        .post(app.url("/w"))
        .form(&[("code", w.code.as_str()), ("first_name", "Tard"), ("college", "volunteer")])
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), 422, "a closed workshop takes no one");
}

/// With admission, a phone waits until the facilitator admits it.
async fn admission_keeps_the_room_closed(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let opened = open_workshop(app, &coordinator, seeds.campaign_a, &[("pillar", "SR"), ("admission", "on")]).await;
    let id = opened.id;
    let w = opened;
    let phone = app.client();
    phone
        .post(app.url("/w"))
        .form(&[("code", w.code.as_str()), ("first_name", "Ève"), ("college", "volunteer")])
        .send()
        .await
        .unwrap();
    let waiting = phone.get(app.url(&format!("/w/{}", w.code))).send().await.unwrap().text().await.unwrap();
    assert!(waiting.contains("va vous admettre"));
    let first = w.current().unwrap();
    phone
        .post(app.url(&format!("/w/{}/vote", w.code)))
        .form(&[("value", "2"), ("indicator", first)])
        .send()
        .await
        .unwrap();
    assert!(workshops::votes(&app.db, id, first).await.unwrap().is_empty(), "no vote before admission");
    let voter = workshops::voters(&app.db, id).await.unwrap()[0].id;
    coordinator.post(app.url(&format!("/workshops/{id}/voters/{voter}/admit"))).send().await.unwrap();
    phone
        .post(app.url(&format!("/w/{}/vote", w.code)))
        .form(&[("value", "2"), ("indicator", first)])
        .send()
        .await
        .unwrap();
    assert_eq!(workshops::votes(&app.db, id, first).await.unwrap().len(), 1);
}

/// Stopping the server ends the projectors' streams instead of waiting for them forever.
async fn shutdown_ends_the_streams(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let mut events = open_workshop_stream(app, seeds.campaign_a).await;
    assert!(next_event(&mut events).await.contains("update"));
    app.begin_shutdown();
    let mut tail = String::new();
    let end = tokio::time::timeout(Duration::from_secs(5), async {
        while let Ok(Some(chunk)) = events.chunk().await {
            tail.push_str(&String::from_utf8_lossy(&chunk));
        }
    })
    .await;
    assert!(end.is_ok(), "the stream ends when the server shuts down");
    assert!(tail.contains("event: reconnect") && tail.contains("retry: 2000"), "pages are told to reconnect: {tail}");
}

/// When the facilitator closes the room, the phones are told: their page becomes the closing
/// screen, and the dead code gets a clear message instead of the join form.
async fn a_closed_room_thanks_its_phones(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let opened = open_workshop(app, &coordinator, seeds.campaign_a, &[("pillar", "SR")]).await;
    let id = opened.id;
    let code = opened.code;
    let phone = app.client();
    let joined = phone
        .post(app.url("/w"))
        .form(&[("code", code.as_str()), ("first_name", "Lou"), ("college", "volunteer")])
        .send()
        .await
        .unwrap();
    assert_eq!(joined.status(), 303);
    let closed = coordinator
        .post(app.url(&format!("/workshops/{id}/control")))
        .form(&[("action", "close")])
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), 303);
    let page = phone.get(app.url(&format!("/w/{code}"))).send().await.unwrap();
    assert_eq!(page.status(), 200, "no redirection to the join form");
    let page = page.text().await.unwrap();
    assert!(page.contains("L&#39;atelier est terminé") && page.contains("Merci"), "the closing screen");
    let stranger = app.client().get(app.url(&format!("/w?code={code}"))).send().await.unwrap().text().await.unwrap();
    assert!(
        stranger.contains("L&#39;atelier est terminé") && !stranger.contains("name=\"first_name\""),
        "no dead form"
    );
    let late = app
        .client()
        .post(app.url("/w"))
        .form(&[("code", code.as_str()), ("first_name", "Sam"), ("college", "volunteer")])
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), 422);
    assert!(late.text().await.unwrap().contains("Cet atelier est terminé"), "a clear message for a typed dead code");
}

/// A phone that loses its memory and joins again with the same first name and collège gets its
/// participant back with its seat code (its vote restored, counted once); someone else with the
/// same first name joins as a new participant with a seat of their own.
async fn a_phone_that_forgets_comes_back_to_its_seat(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let opened = open_workshop(app, &coordinator, seeds.campaign_a, &[("pillar", "SR")]).await;
    let id = opened.id;
    let w = opened;
    let first = w.current().unwrap().to_owned();
    let join = [("code", w.code.as_str()), ("first_name", "Lou"), ("college", "volunteer")];
    let phone = app.client();
    assert_eq!(phone.post(app.url("/w")).form(&join).send().await.unwrap().status(), 303);
    let page = phone.get(app.url(&format!("/w/{}", w.code))).send().await.unwrap().text().await.unwrap();
    let seat = workshops::voters(&app.db, id).await.unwrap()[0].seat.clone();
    assert!(page.contains(&format!("Votre place : {seat}")), "the phone shows its seat");
    let voted = phone
        .post(app.url(&format!("/w/{}/vote", w.code)))
        .form(&[("value", "3"), ("indicator", first.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(voted.status(), 303);

    // The same person on a phone that forgot everything.
    let again = app.client();
    let asked = again.post(app.url("/w")).form(&join).send().await.unwrap();
    assert_eq!(asked.status(), 200, "asked before joining");
    assert!(asked.text().await.unwrap().contains("C&#39;est moi, je reviens"));
    let mut wrong = join.to_vec();
    wrong.extend([("intent", "rejoin"), ("seat", "ZZZ")]);
    assert_eq!(again.post(app.url("/w")).form(&wrong).send().await.unwrap().status(), 422, "a wrong seat");
    let lower = seat.to_lowercase();
    let mut right = join.to_vec();
    right.extend([("intent", "rejoin"), ("seat", lower.as_str())]);
    assert_eq!(again.post(app.url("/w")).form(&right).send().await.unwrap().status(), 303);
    let page = again.get(app.url(&format!("/w/{}", w.code))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("value=\"3\" checked"), "the vote is restored");
    let present: Vec<_> = workshops::voters(&app.db, id).await.unwrap().into_iter().filter(|v| !v.removed).collect();
    assert_eq!(present.len(), 1, "one participant, not two");
    assert_eq!(workshops::votes(&app.db, id, &first).await.unwrap().len(), 1, "one vote");

    // Another Lou, a volunteer too: a new participant with a seat of their own.
    let other = app.client();
    let mut new = join.to_vec();
    new.push(("intent", "new"));
    assert_eq!(other.post(app.url("/w")).form(&new).send().await.unwrap().status(), 303);
    let voters = workshops::voters(&app.db, id).await.unwrap();
    assert_eq!(voters.len(), 2);
    assert_ne!(voters[0].seat, voters[1].seat, "told apart by their seats");
    let console = coordinator.get(app.url(&format!("/workshops/{id}"))).send().await.unwrap().text().await.unwrap();
    assert!(
        console.contains(&format!("place {}", voters[0].seat))
            && console.contains(&format!("place {}", voters[1].seat))
    );
    assert!(console.contains("dans la salle (2)"));

    // Someone guessing Lou's seat gets five tries, then must ask the facilitator, even with the
    // right code: the alphabet's seats cannot be walked.
    let guesser = app.client();
    let seat_of_lou = voters[0].seat.clone();
    let wrong_seat = ["CDE", "FHJ", "KMN", "PRT", "UVW", "XY3"].into_iter().filter(|s| *s != seat_of_lou).take(5);
    for guess in wrong_seat {
        let mut form = join.to_vec();
        form.extend([("intent", "rejoin"), ("seat", guess)]);
        assert_eq!(guesser.post(app.url("/w")).form(&form).send().await.unwrap().status(), 422, "{guess}");
    }
    let mut form = join.to_vec();
    form.extend([("intent", "rejoin"), ("seat", seat_of_lou.as_str())]);
    let refused = guesser.post(app.url("/w")).form(&form).send().await.unwrap();
    assert_eq!(refused.status(), 429, "the sixth try is refused, right or wrong");
    assert!(refused.text().await.unwrap().contains("demandez votre place"));
}

/// What the room agreed on in a workshop counts as answered: the coordinator's « sans aucune
/// réponse » leaves it out, and a participant who had not answered it sees the agreed level and
/// is not sent to it again.
async fn what_the_room_agreed_is_not_asked_again(app: &TestApp) {
    use cap_domain::campaign::CampaignStatus;
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    cap_storage::campaigns::advance_to(&app.db, id, CampaignStatus::SelfAssessment).await.unwrap();
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let before = coordinator.get(app.url(&format!("/campaigns/{id}"))).send().await.unwrap().text().await.unwrap();
    let opened = open_workshop(app, &coordinator, id, &[("pillar", "SR")]).await;
    let workshop = opened.id;
    let first = opened.current().unwrap().to_owned();
    let recorded = coordinator
        .post(app.url(&format!("/workshops/{workshop}/record")))
        .form(&[("value", "3"), ("note", "D'accord")])
        .send()
        .await
        .unwrap();
    assert_eq!(recorded.status(), 303);
    let after = coordinator.get(app.url(&format!("/campaigns/{id}"))).send().await.unwrap().text().await.unwrap();
    let untouched = |page: &str| {
        let at = page.find(" sans aucune réponse sur").expect("the count");
        let at = page[..at].rfind(' ').expect("the count before the noun");
        page[..at].rsplit('>').next().unwrap().trim().parse::<usize>().unwrap()
    };
    assert_eq!(untouched(&after), untouched(&before) - 1, "the agreed indicator counts as answered");

    let participant = app.signed_in(PARTICIPANT_A).await;
    let mut number = 1;
    let page = loop {
        let response = participant.get(app.url(&format!("/campaigns/{id}/answer/{number}"))).send().await.unwrap();
        assert_eq!(response.status(), 200, "page {number} exists until the indicator is found");
        let page = response.text().await.unwrap();
        if page.contains(&format!("id=\"q-{first}\"")) {
            break page;
        }
        number += 1;
    };
    assert!(page.contains("Décidé en atelier : 3"), "shown with the level the room agreed");
}

/// A participant who leaves for a while is marked absent: no longer awaited, what they voted
/// still counts; voting again brings them back. Removal withdraws the votes. Every count (the
/// heading, « N sur M » on the console and the wall) moves with it.
async fn an_absent_participant_keeps_their_votes(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let opened = open_workshop(app, &coordinator, seeds.campaign_a, &[("pillar", "SR")]).await;
    let id = opened.id;
    let w = opened;
    let first = w.current().unwrap().to_owned();
    let mut phones = Vec::new();
    for name in ["Ana", "Bea", "Cyd"] {
        let phone = app.client();
        let join = [("code", w.code.as_str()), ("first_name", name), ("college", "direction")];
        assert_eq!(phone.post(app.url("/w")).form(&join).send().await.unwrap().status(), 303);
        phones.push(phone);
    }
    let vote = |phone: &reqwest::Client, indicator: &str| {
        phone.post(app.url(&format!("/w/{}/vote", w.code))).form(&[("value", "2"), ("indicator", indicator)]).send()
    };
    for phone in &phones[..2] {
        assert_eq!(vote(phone, &first).await.unwrap().status(), 303);
    }
    let voters = workshops::voters(&app.db, id).await.unwrap();
    let console =
        || async { coordinator.get(app.url(&format!("/workshops/{id}"))).send().await.unwrap().text().await.unwrap() };
    let wall = || async {
        coordinator.get(app.url(&format!("/workshops/{id}/projector"))).send().await.unwrap().text().await.unwrap()
    };
    assert!(console().await.contains("2 votes sur 3 participant·e·s"));

    // Ana voted and leaves: her vote stays, she is still counted on this indicator.
    let mark =
        |voter: i64, how: &str| coordinator.post(app.url(&format!("/workshops/{id}/voters/{voter}/{how}"))).send();
    assert_eq!(mark(voters[0].id, "absent").await.unwrap().status(), 303);
    let page = console().await;
    assert!(page.contains("2 votes sur 3 participant·e·s") && page.contains("dans la salle (2)"), "her vote is kept");
    assert!(page.contains("absent·e") && page.contains("De retour"));
    // Cyd had not voted and leaves: no longer awaited.
    assert_eq!(mark(voters[2].id, "absent").await.unwrap().status(), 303);
    let page = console().await;
    assert!(page.contains("2 votes sur 2 participant·e·s") && page.contains("dans la salle (1)"), "{page}");
    assert!(wall().await.contains("2 votes sur 2"), "the wall counts the same room");
    assert_eq!(workshops::votes(&app.db, id, &first).await.unwrap().len(), 2, "the distribution keeps Ana's vote");

    // On the next indicator only Bea is awaited; Cyd votes from her phone and is back.
    coordinator.post(app.url(&format!("/workshops/{id}/control"))).form(&[("action", "next")]).send().await.unwrap();
    let second = workshops::get(&app.db, id).await.unwrap().current().unwrap().to_owned();
    assert!(console().await.contains("0 vote sur 1 participant·e·s"));
    assert_eq!(vote(&phones[2], &second).await.unwrap().status(), 303);
    let page = console().await;
    assert!(page.contains("1 vote sur 2 participant·e·s") && page.contains("dans la salle (2)"), "{page}");
    // Ana is marked back; Bea is removed (a mistake): her votes stop counting.
    assert_eq!(mark(voters[0].id, "present").await.unwrap().status(), 303);
    assert_eq!(mark(voters[1].id, "remove").await.unwrap().status(), 303);
    let page = console().await;
    assert!(page.contains("1 vote sur 2 participant·e·s") && page.contains("dans la salle (2)"), "{page}");
    assert_eq!(workshops::votes(&app.db, id, &first).await.unwrap().len(), 1, "Bea's vote withdrawn");
    // A removed participant cannot be marked back.
    assert_eq!(mark(voters[1].id, "present").await.unwrap().status(), 404);

    let actions: Vec<String> =
        cap_storage::audit::recent(&app.db, None, 50).await.unwrap().into_iter().map(|e| e.action).collect();
    for action in ["workshops.mark_absent", "workshops.mark_present", "workshops.remove_voter"] {
        assert!(actions.iter().any(|a| a == action), "{action} in the audit log");
    }
}

/// A room whose phones all vote at the same moment: the votes written together, each one counted
/// once and acknowledged only once written, and the console's count is the room's.
async fn a_burst_of_votes_is_counted_whole(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let w = open_workshop(app, &coordinator, seeds.campaign_a, &[("pillar", "SR")]).await;
    let first = w.current().unwrap().to_owned();
    let mut phones = Vec::new();
    for i in 0..24 {
        let phone = app.client();
        let joined = phone
            .post(app.url("/w"))
            .form(&[("code", w.code.as_str()), ("first_name", format!("Voix {i}").as_str()), ("college", "volunteer")])
            .send()
            .await
            .unwrap();
        assert_eq!(joined.status(), 303);
        phones.push(phone);
    }
    let mut wall = coordinator.get(app.url(&format!("/workshops/{}/events?wall=1", w.id))).send().await.unwrap();
    assert!(next_event(&mut wall).await.contains("event: update"), "the current version comes first");
    let mut burst = tokio::task::JoinSet::new();
    for (i, phone) in phones.into_iter().enumerate() {
        let url = app.url(&format!("/w/{}/vote", w.code));
        let form = [("value", (1 + i % 4).to_string()), ("indicator", first.clone())];
        burst.spawn(async move { phone.post(url).form(&form).send().await.unwrap().status().as_u16() });
    }
    assert!(burst.join_all().await.iter().all(|s| *s == 303), "every vote acknowledged");
    let votes = workshops::votes(&app.db, w.id, &first).await.unwrap();
    assert_eq!(votes.len(), 24, "each vote written once");
    for level in 1..=4 {
        assert_eq!(votes.iter().filter(|(_, _, v)| *v == cap_domain::campaign::AnswerValue::Level(level)).count(), 6);
    }
    let console = coordinator.get(app.url(&format!("/workshops/{}", w.id))).send().await.unwrap().text().await.unwrap();
    assert!(console.contains("24 votes sur 24 participant·e·s"), "the console counts the room");
    // The votes were counted again together, a few at a time: the last count the wall hears is
    // the whole room's (each wait gives up after 5 s).
    let mut heard = String::new();
    while !heard.contains("24 votes sur 24 participant·e·s") {
        heard.push_str(&next_event(&mut wall).await);
    }
}

crate::on_both_backends!(
    a_burst_of_votes_is_counted_whole,
    an_absent_participant_keeps_their_votes,
    what_the_room_agreed_is_not_asked_again,
    a_phone_that_forgets_comes_back_to_its_seat,
    a_room_votes_and_agrees,
    admission_keeps_the_room_closed,
    shutdown_ends_the_streams,
    a_closed_room_thanks_its_phones
);

/// Two instances on one PostgreSQL database: the projector follows the room on one instance while
/// phones vote on the other (LISTEN/NOTIFY carries the changes across).
#[tokio::test]
async fn two_instances_share_a_room_through_postgresql() {
    let app = TestApp::spawn(cap_storage::Backend::Postgres).await;
    let seeds = seed(&app.db).await;
    let other = app.sibling().await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let opened = open_workshop(&app, &coordinator, seeds.campaign_a, &[("pillar", "SR")]).await;
    let id = opened.id;
    let w = opened;
    // The coordinator's session works on both instances (sessions live in the database).
    let cookie = {
        let signed = app
            .client()
            .post(app.url("/sign-in"))
            .form(&[("email", COORDINATOR_A), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        signed.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned()
    };
    let mut events = reqwest::Client::new()
        .get(other.url(&format!("/workshops/{id}/events")))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(events.status(), 200);
    assert!(next_event(&mut events).await.contains("update"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let phone = app.client();
    phone
        .post(app.url("/w"))
        .form(&[("code", w.code.as_str()), ("first_name", "Lou"), ("college", "volunteer")])
        .send()
        .await
        .unwrap();
    assert!(
        next_event(&mut events).await.contains("update"),
        "a phone joining on one instance reaches the projector on the other"
    );
    let first = w.current().unwrap();
    let on_other =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    on_other
        .post(other.url("/w"))
        .form(&[("code", w.code.as_str()), ("first_name", "Sam"), ("college", "direction")])
        .send()
        .await
        .unwrap();
    assert!(next_event(&mut events).await.contains("update"));
    on_other
        .post(other.url(&format!("/w/{}/vote", w.code)))
        .form(&[("value", "2"), ("indicator", first)])
        .send()
        .await
        .unwrap();
    assert!(next_event(&mut events).await.contains("update"), "a vote on the other instance too");
    assert_eq!(workshops::votes(&app.db, id, first).await.unwrap().len(), 1);

    // The wall follows on this instance: a vote on the other one reaches it with the new count
    // already drawn, so it reads nothing again; the console's stream says « update ».
    let mut wall = reqwest::Client::new()
        .get(app.url(&format!("/workshops/{id}/events?wall=1")))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert!(next_event(&mut wall).await.contains("event: update"), "the current version comes first");
    tokio::time::sleep(Duration::from_millis(300)).await;
    phone
        .post(app.url(&format!("/w/{}/vote", w.code)))
        .form(&[("value", "3"), ("indicator", first)])
        .send()
        .await
        .unwrap();
    let mut told = next_event(&mut wall).await;
    while !told.contains("</p>") {
        told.push_str(&next_event(&mut wall).await);
    }
    assert!(
        told.contains("event: tally") && told.contains("2 votes sur 2 participant·e·s"),
        "the count travels in the event: {told}"
    );
    assert!(next_event(&mut events).await.contains("event: update"), "the console reads its page again");
    drop(other);
    app.stop().await;
}
