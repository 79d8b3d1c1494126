//! Campaigns: a coordinator prepares one, a participant answers (page posts and autosave),
//! stale saves are refused with both values, answers close with the step.

use crate::support::*;
use cap_storage::campaigns;
use serde_json::Value;

async fn a_campaign_from_preparation_to_answers(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let version = cap_storage::referentials::latest_version(&app.db, "cap-exemple").await.unwrap().unwrap().to_string();
    let new = format!("/organisations/{}/campaigns/new", seeds.org_a);
    let bad = coordinator
        .post(app.url(&new))
        .form(&[("title", "Auto-évaluation 2027"), ("referential", version.as_str()), ("answering_from", "31/02/2027")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let bad = bad.text().await.unwrap();
    assert!(
        bad.contains("value=\"Auto-évaluation 2027\"") && bad.contains("value=\"31/02/2027\""),
        "what was typed is kept"
    );
    assert!(bad.contains("Indiquez une date qui existe, par exemple 10/12/2026 ou 10 décembre 2026"));
    let created = coordinator
        .post(app.url(&new))
        .form(&[
            ("title", "Auto-évaluation 2027"),
            ("referential", version.as_str()),
            ("answering_from", "1er février 2027"),
            ("consolidation_on", "1.3.27"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 303);
    let path = created.headers()["location"].to_str().unwrap().to_owned();
    let id: i64 = path.trim_start_matches("/campaigns/").parse().unwrap();
    let campaign = campaigns::get(&app.db, id).await.unwrap();
    assert_eq!(campaign.answering_from.as_deref(), Some("2027-02-01"));
    assert_eq!(campaign.consolidation_on.as_deref(), Some("2027-03-01"));
    let shown = coordinator.get(app.url(&path)).send().await.unwrap().text().await.unwrap();
    assert!(shown.contains("1er février 2027") && shown.contains("1er mars 2027"), "the calendar in words");

    // Only « Services rendus » at first.
    let scoped = coordinator
        .post(app.url(&format!("{path}/scope")))
        .form(&[("pillar", "SR"), ("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(scoped.status(), 303);
    assert_eq!(campaigns::get(&app.db, id).await.unwrap().scope, vec!["SR".to_owned()]);
    let early = coordinator.post(app.url(&format!("{path}/advance"))).form(&[("version", "2")]).send().await.unwrap();
    assert_eq!(early.status(), 303);
    assert_eq!(campaigns::get(&app.db, id).await.unwrap().status.code(), "preparation", "no participant yet");
    let participant = seeds.participant_a.0.to_string();
    let added = coordinator
        .post(app.url(&format!("{path}/participants")))
        .form(&[("user", participant.as_str()), ("college", "volunteer")])
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 303);
    let stranger = cap_storage::users::find_by_email(&app.db, &cap_domain::Email::parse(COORDINATOR_B).unwrap())
        .await
        .unwrap()
        .unwrap();
    let outsider = coordinator
        .post(app.url(&format!("{path}/participants")))
        .form(&[("user", stranger.id.to_string().as_str()), ("college", "direction")])
        .send()
        .await
        .unwrap();
    assert_eq!(outsider.status(), 303);
    assert_eq!(campaigns::participants(&app.db, id).await.unwrap().len(), 1, "only members of the organisation join");
    let opened = coordinator.post(app.url(&format!("{path}/advance"))).form(&[("version", "2")]).send().await.unwrap();
    assert_eq!(opened.status(), 303);
    assert_eq!(campaigns::get(&app.db, id).await.unwrap().status.code(), "self_assessment");
    let removing = coordinator
        .post(app.url(&format!("{path}/scope")))
        .form(&[("pillar", "ID"), ("version", "3")])
        .send()
        .await
        .unwrap();
    assert_eq!(removing.status(), 303);
    assert_eq!(
        campaigns::get(&app.db, id).await.unwrap().scope,
        vec!["SR".to_owned()],
        "pillars are only added once answers open"
    );

    // The participant answers the first page without JavaScript.
    let p = app.signed_in(PARTICIPANT_A).await;
    let start = p.get(app.url(&format!("{path}/answer"))).send().await.unwrap();
    let to = start.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with(&format!("{path}/answer/1#q-SR.")), "straight to the first question: {to}");
    let page = p.get(app.url(&format!("{path}/answer/1"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Comment évaluer ?") && page.contains("Non concerné") && page.contains("Je ne sais pas"));
    assert!(
        page.contains("<summary>Dire plus simplement</summary><p>Nous accueillons les personnes qui veulent"),
        "the statement in easy-to-read words, on demand"
    );
    let codes: Vec<String> =
        page.split("data-code=\"").skip(1).map(|s| s.split('"').next().unwrap().to_owned()).collect();
    assert!(!codes.is_empty() && codes.iter().all(|c| c.starts_with("SR.")), "only the scope's indicators: {codes:?}");
    let mut form: Vec<(String, String)> = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        form.push((format!("v_{code}"), if i == 0 { "3".into() } else { "na".into() }));
        form.push((format!("c_{code}"), if i == 0 { "Fait avec l'équipe".into() } else { String::new() }));
        form.push((format!("ver_{code}"), "0".into()));
    }
    let saved = p.post(app.url(&format!("{path}/answer/1"))).form(&form).send().await.unwrap();
    assert_eq!(saved.status(), 303);
    let next = saved.headers()["location"].to_str().unwrap().to_owned();
    assert!(next.starts_with(&format!("{path}/answer/2#q-SR.")), "on to the next page's first question: {next}");
    let me = campaigns::participant_of(&app.db, id, seeds.participant_a).await.unwrap().unwrap();
    let answers = campaigns::answers_of(&app.db, me.id).await.unwrap();
    assert_eq!(answers[&codes[0]].value, Some(cap_domain::campaign::AnswerValue::Level(3)));
    assert_eq!(answers[&codes[0]].comment, "Fait avec l'équipe");

    // The same first page, posted again from a stale copy (version 0): refused, both values shown.
    let stale = p
        .post(app.url(&format!("{path}/answer/1")))
        .form(&[
            (format!("v_{}", codes[0]), "1".to_owned()),
            (format!("c_{}", codes[0]), String::new()),
            (format!("ver_{}", codes[0]), "0".to_owned()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 409);
    let body = stale.text().await.unwrap();
    assert!(body.contains("modifiée ailleurs") && body.contains("3 — "), "the saved value is shown");
    assert!(
        body.contains(&format!("id=\"v-{}-1\" name=\"v_{}\" value=\"1\" checked", codes[0], codes[0])),
        "the typed choice is kept"
    );
    assert_eq!(campaigns::answers_of(&app.db, me.id).await.unwrap()[&codes[0]].version, 1, "nothing was overwritten");

    // Autosave: JSON answers, a bad value is refused, a stale one conflicts.
    let auto = |code: &str| app.url(&format!("{path}/answers/{code}"));
    let ok: Value = p
        .post(auto(&codes[0]))
        .form(&[("value", "4"), ("comment", ""), ("version", "1")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!((ok["status"].as_str(), ok["version"].as_i64()), (Some("saved"), Some(2)));
    let conflict =
        p.post(auto(&codes[0])).form(&[("value", "2"), ("comment", ""), ("version", "1")]).send().await.unwrap();
    assert_eq!(conflict.status(), 409);
    let conflict: Value = conflict.json().await.unwrap();
    assert_eq!(conflict["version"].as_i64(), Some(2));
    assert!(conflict["message"].as_str().unwrap().contains("4 — "));
    let invalid =
        p.post(auto(&codes[0])).form(&[("value", "9"), ("comment", ""), ("version", "2")]).send().await.unwrap();
    assert_eq!(invalid.status(), 422);
    let outside =
        p.post(auto("ID.1.1.a")).form(&[("value", "3"), ("comment", ""), ("version", "0")]).send().await.unwrap();
    assert_eq!(outside.status(), 404, "an indicator outside the scope is not answered");

    let home = p.get(app.url(&path)).send().await.unwrap().text().await.unwrap();
    assert!(home.contains(&format!("{} réponses sur", codes.len())), "progress shows");

    // The coordinator sees who is behind and reminds them in one click.
    let dashboard = coordinator.get(app.url(&path)).send().await.unwrap().text().await.unwrap();
    assert!(dashboard.contains("Relancer par e-mail") && dashboard.contains("sans aucune réponse"));
    let reminded = coordinator.post(app.url(&format!("{path}/remind/{}", me.id))).send().await.unwrap();
    assert_eq!(reminded.status(), 303);
    let link = app.link_in_mail_to(PARTICIPANT_A, &format!("{path}/answer"));
    assert!(link.ends_with(&format!("{path}/answer")));

    // Consolidation closes the answers.
    let v = campaigns::get(&app.db, id).await.unwrap().version.to_string();
    coordinator.post(app.url(&format!("{path}/advance"))).form(&[("version", v.as_str())]).send().await.unwrap();
    let closed =
        p.post(auto(&codes[0])).form(&[("value", "1"), ("comment", ""), ("version", "2")]).send().await.unwrap();
    assert_eq!(closed.status(), 409);
    assert_eq!(
        campaigns::answers_of(&app.db, me.id).await.unwrap()[&codes[0]].value,
        Some(cap_domain::campaign::AnswerValue::Level(4))
    );
}

async fn indicators_follow_the_organisation_type(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let p = app.signed_in(PARTICIPANT_A).await;
    let cap = cap_storage::referentials::latest_version(&app.db, "cap-exemple").await.unwrap().unwrap();
    let model = cap_storage::referentials::load(&app.db, cap).await.unwrap();
    // Organisation A is an EI: indicators for AI, ETTI or GEIQ only are left out.
    let left_out: Vec<&str> = model
        .indicators()
        .filter(|n| !n.applies_to_type(cap_domain::OrganisationType::Ei))
        .map(|n| n.code.as_str())
        .collect();
    assert!(!left_out.is_empty());
    let mut seen = Vec::new();
    let mut page = 1;
    loop {
        let response = p.get(app.url(&format!("/campaigns/{}/answer/{page}", seeds.campaign_a))).send().await.unwrap();
        if response.status() == 404 {
            break;
        }
        let body = response.text().await.unwrap();
        seen.extend(body.split("data-code=\"").skip(1).map(|s| s.split('"').next().unwrap().to_owned()));
        page += 1;
    }
    assert_eq!(seen.len(), model.indicators().count() - left_out.len());
    assert!(left_out.iter().all(|c| !seen.iter().any(|s| s == c)));
}

/// Three viewpoints disagree on one indicator and agree on another: the disagreement comes first,
/// the proposal is the median, departing from it needs a reason, small collèges stay anonymous.
async fn consolidation_ranks_divergence_and_keeps_voices_safe(app: &TestApp) {
    use cap_domain::campaign::AnswerValue;
    use cap_domain::{College, Membership, OrganisationId, Role, Scope};
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let org = Scope::Organisation(OrganisationId(seeds.org_a));
    let mut people = vec![(campaigns::participant_of(&app.db, id, seeds.participant_a).await.unwrap().unwrap().id, 1)];
    for (email, college, level) in
        [("dir@test.fr", College::Direction, 4), ("perm@test.fr", College::PermanentStaff, 3)]
    {
        let user = person(&app.db, email, &[Membership::new(Role::Participant, org, Some(college)).unwrap()]).await;
        people.push((campaigns::add_participant(&app.db, id, user, college).await.unwrap(), level));
    }
    let (divided, agreed) = ("SR.1.1.a", "SR.1.1.b");
    for (participant, level) in &people {
        let comment = if *level == 1 { "Je ne vois pas cela au quotidien" } else { "" };
        campaigns::save_answer(&app.db, id, *participant, divided, &Some(AnswerValue::Level(*level)), comment, 0)
            .await
            .unwrap();
        campaigns::save_answer(&app.db, id, *participant, agreed, &Some(AnswerValue::Level(3)), "", 0).await.unwrap();
    }
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let path = format!("/campaigns/{id}");
    let early = coordinator
        .post(app.url(&format!("{path}/consolidation/{divided}")))
        .form(&[("value", "3"), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(early.status(), 303, "not open before the consolidation step");
    assert!(campaigns::consolidated(&app.db, id).await.unwrap().is_empty());
    let v = campaigns::get(&app.db, id).await.unwrap().version.to_string();
    coordinator.post(app.url(&format!("{path}/advance"))).form(&[("version", v.as_str())]).send().await.unwrap();

    let list = coordinator.get(app.url(&format!("{path}/consolidation"))).send().await.unwrap().text().await.unwrap();
    let first = list.find(&format!("id=\"{divided}\"")).unwrap();
    let second = list.find(&format!("id=\"{agreed}\"")).unwrap();
    assert!(first < second, "the most divergent indicator comes first");

    let page = coordinator
        .get(app.url(&format!("{path}/consolidation/{divided}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // Small collèges are protected by default: the comment is there, attributed to nobody.
    assert!(page.contains("Je ne vois pas cela au quotidien") && !page.contains("participant.a"), "no names");
    assert!(page.contains("<strong>Autres collèges réunis</strong>"), "three one-person collèges, merged");
    assert!(page.contains("Collèges de moins de trois personnes"), "the coordinator is told what is hidden and why");
    assert!(page.contains("id=\"value-3\" name=\"value\" value=\"3\" checked"), "the median is proposed");
    let without_reason = coordinator
        .post(app.url(&format!("{path}/consolidation/{divided}")))
        .form(&[("value", "2"), ("rationale", ""), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(without_reason.status(), 422);
    assert!(without_reason.text().await.unwrap().contains("value=\"2\" checked"), "the choice is kept");
    let decided = coordinator
        .post(app.url(&format!("{path}/consolidation/{divided}")))
        .form(&[("value", "2"), ("rationale", "L'équipe de terrain ne le vit pas encore"), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(decided.status(), 303);
    let shared = campaigns::consolidated(&app.db, id).await.unwrap();
    assert_eq!((shared[divided].value.clone(), shared[divided].proposal), (Some(AnswerValue::Level(2)), Some(3)));
    let again = coordinator
        .post(app.url(&format!("{path}/consolidation/{divided}")))
        .form(&[("value", "3"), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 409, "a stale decision is refused");
    let individual = campaigns::answers_of(&app.db, people[0].0).await.unwrap();
    assert_eq!(individual[divided].value, Some(AnswerValue::Level(1)), "individual answers stay as given");

    let v = campaigns::get(&app.db, id).await.unwrap().version.to_string();
    coordinator.post(app.url(&format!("{path}/protect"))).form(&[("version", v.as_str())]).send().await.unwrap();
    let open = coordinator
        .get(app.url(&format!("{path}/consolidation/{divided}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(open.contains("participant.a"), "names once the coordinator turns the protection off");
    assert!(open.contains("<th scope=\"row\">Bénévole</th>"), "a collège of one person is shown on its own then");
}

/// The data generator makes consistent organisations, people, campaigns and answers, which the
/// pages then show.
async fn generated_data_is_consistent(app: &TestApp) {
    let hash = cap_app::hash_password(PASSWORD).unwrap();
    let mut progress = Vec::new();
    let made = cap::generate::generate(&app.db, 3, 7, &hash, &mut progress).await.unwrap();
    assert_eq!(made.organisations, 3);
    assert!(made.users >= 15 && made.campaigns >= 3 && made.answers > 300, "{made:?}");
    assert!(String::from_utf8(progress).unwrap().contains("3/3 organisations"));
    let orgs = cap_storage::organisations::list(&app.db, Default::default()).await.unwrap();
    let mut answers = 0;
    let mut plans = 0;
    for org in &orgs {
        for c in campaigns::for_organisation(&app.db, cap_domain::OrganisationId(org.id)).await.unwrap() {
            assert!(matches!(c.status.code(), "self_assessment" | "consolidation"));
            answers += campaigns::all_answers(&app.db, c.id).await.unwrap().len();
            let shared = campaigns::consolidated(&app.db, c.id).await.unwrap();
            assert_eq!(shared.is_empty(), c.status.code() == "self_assessment", "shared answers once consolidated");
            if let Some(plan) = cap_storage::plans::plan_of(&app.db, c.id).await.unwrap() {
                assert!(plan.validated_at.is_some());
                plans += 1;
            }
        }
    }
    assert_eq!(answers, made.answers);
    assert_eq!(plans, made.plans);
    let coordinator = app.signed_in("gen0.0@generated.cap").await;
    let user = cap_storage::users::find_by_email(&app.db, &cap_domain::Email::parse("gen0.0@generated.cap").unwrap())
        .await
        .unwrap()
        .unwrap();
    let own = cap_storage::organisations::list_for_user(&app.db, user.user_id()).await.unwrap();
    let first =
        campaigns::for_organisation(&app.db, cap_domain::OrganisationId(own[0].id)).await.unwrap().pop().unwrap();
    let page = coordinator.get(app.url(&format!("/campaigns/{}/consolidation", first.id))).send().await.unwrap();
    assert_eq!(page.status(), 200);
}

/// Someone without an account (nor, here, an e-mail address) takes part through a personal link
/// that opens this campaign only.
async fn a_personal_link_opens_one_campaign_only(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let path = format!("/campaigns/{}", seeds.campaign_a);
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let incomplete = coordinator
        .post(app.url(&format!("{path}/invite")))
        .form(&[("display_name", "Lucas"), ("college", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(incomplete.status(), 303);
    let page = coordinator
        .post(app.url(&format!("{path}/invite")))
        .form(&[("display_name", "Lucas"), ("email", ""), ("college", "insertion_employee")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Donnez ce lien personnel à Lucas"));
    let start = page.find(&format!("{}/c/", app.base)).unwrap();
    let link = page[start..].split('<').next().unwrap().to_owned();
    assert!(app.mails().is_empty(), "no address, no e-mail");

    let lucas = app.client();
    let opened = lucas.get(&link).send().await.unwrap();
    assert_eq!(opened.status(), 303);
    assert_eq!(opened.headers()["location"], format!("{path}/answer").as_str());
    let log = cap_storage::audit::recent(&app.db, None, 20).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "campaigns.personal_link" && e.entity_id == path.trim_start_matches("/campaigns/")),
        "a sign-in through a personal link is in the log"
    );
    assert_eq!(lucas.get(app.url(&format!("{path}/answer/1"))).send().await.unwrap().status(), 200);
    for elsewhere in ["/", "/account", "/referentials", &format!("/organisations/{}", seeds.org_a)] {
        let r = lucas.get(app.url(elsewhere)).send().await.unwrap();
        assert_eq!(
            (r.status().as_u16(), r.headers()["location"].to_str().unwrap()),
            (303, format!("{path}/answer").as_str()),
            "{elsewhere}"
        );
    }
    let code = "SR.1.1.a";
    let saved = lucas
        .post(app.url(&format!("{path}/answers/{code}")))
        .form(&[("value", "2"), ("comment", ""), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 200);
    let again = app.client().get(&link).send().await.unwrap();
    assert_eq!(again.status(), 303, "the link can be used again");

    let with_mail = coordinator
        .post(app.url(&format!("{path}/invite")))
        .form(&[("display_name", "Aminata"), ("email", "aminata@exemple.fr"), ("college", "volunteer")])
        .send()
        .await
        .unwrap();
    assert_eq!(with_mail.status(), 200);
    assert!(app.link_in_mail_to("aminata@exemple.fr", "/c/").contains("/c/"));
}

/// A coordinator gives a participant one pillar and one single indicator to assess.
async fn assignments_narrow_what_a_participant_answers(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let path = format!("/campaigns/{}", seeds.campaign_a);
    let me = campaigns::participant_of(&app.db, seeds.campaign_a, seeds.participant_a).await.unwrap().unwrap();
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let form = coordinator
        .get(app.url(&format!("{path}/participants/{}/assignment", me.id)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains("name=\"node\" value=\"SU\""));
    let saved = coordinator
        .post(app.url(&format!("{path}/participants/{}/assignment", me.id)))
        .form(&[("node", "SU"), ("node", "ID.1.1.a"), ("node", "not-a-node")])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);
    assert_eq!(
        campaigns::assignments(&app.db, seeds.campaign_a).await.unwrap()[&me.id],
        vec!["SU".to_owned(), "ID.1.1.a".to_owned()]
    );
    let p = app.signed_in(PARTICIPANT_A).await;
    let mut seen = Vec::new();
    for page in 1.. {
        let r = p.get(app.url(&format!("{path}/answer/{page}"))).send().await.unwrap();
        if r.status() == 404 {
            break;
        }
        let body = r.text().await.unwrap();
        seen.extend(body.split("data-code=\"").skip(1).map(|s| s.split('"').next().unwrap().to_owned()));
    }
    assert!(seen.contains(&"ID.1.1.a".to_owned()));
    assert!(seen.iter().all(|c| c == "ID.1.1.a" || c.starts_with("SU.")), "{seen:?}");
    let outside = p
        .post(app.url(&format!("{path}/answers/SR.1.1.a")))
        .form(&[("value", "2"), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(outside.status(), 404, "not assigned, not answered");
    coordinator
        .post(app.url(&format!("{path}/participants/{}/assignment", me.id)))
        .form(&[("node", "")])
        .send()
        .await
        .unwrap();
    assert!(
        campaigns::assignments(&app.db, seeds.campaign_a).await.unwrap().is_empty(),
        "nothing ticked: everything again"
    );
}

/// With small collèges protected (the default), a volunteer alone in a campaign of three
/// employees in insertion cannot be recognised anywhere: not on the consolidation page, not in
/// the answers' CSV, not in the workbook, not in the report's participation, not through the API.
async fn a_volunteer_alone_stays_anonymous_everywhere(app: &TestApp) {
    use cap_domain::campaign::{AnswerValue, CampaignStatus};
    use cap_domain::{College, Membership, OrganisationId, Role, Scope};
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    assert!(campaigns::get(&app.db, id).await.unwrap().protect_colleges, "protected by default");
    let org = Scope::Organisation(OrganisationId(seeds.org_a));
    let volunteer = campaigns::participant_of(&app.db, id, seeds.participant_a).await.unwrap().unwrap().id;
    let code = "SR.1.1.a";
    campaigns::save_answer(&app.db, id, volunteer, code, &Some(AnswerValue::Level(1)), "Seul·e à le penser", 0)
        .await
        .unwrap();
    for n in 0..3 {
        let email = format!("sip{n}@test.fr");
        let m = Membership::new(Role::Participant, org, Some(College::InsertionEmployee)).unwrap();
        let user = person(&app.db, &email, &[m]).await;
        let p = campaigns::add_participant(&app.db, id, user, College::InsertionEmployee).await.unwrap();
        campaigns::save_answer(&app.db, id, p, code, &Some(AnswerValue::Level(3)), "Ça avance", 0).await.unwrap();
    }
    campaigns::advance_to(&app.db, id, CampaignStatus::Consolidation).await.unwrap();
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let page = coordinator
        .get(app.url(&format!("/campaigns/{id}/consolidation/{code}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Seul·e à le penser") && page.contains("<strong>Une personne</strong>"), "said, by nobody");
    assert!(!page.contains("Bénévole") && !page.contains("participant.a"), "neither the collège nor the name");
    let csv = coordinator
        .get(app.url(&format!("/campaigns/{id}/export/reponses.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.contains("Seul·e à le penser") && csv.contains("Salarié"), "the answers are all there");
    assert!(!csv.contains("Bénévole") && !csv.contains("participant.a"), "no trace of who said it:\n{csv}");
    let summary = coordinator.get(app.url(&format!("/campaigns/{id}/export/synthese.pdf"))).send().await.unwrap();
    assert_eq!(summary.status(), 200);
    let text = crate::plans::pdf_text(&summary.bytes().await.unwrap());
    assert!(!text.contains("Bénévole"), "the report's participation merges small collèges:\n{text}");
    let workbook = coordinator.get(app.url(&format!("/campaigns/{id}/export/campagne.xlsx"))).send().await.unwrap();
    assert_eq!(workbook.status(), 200);
    let bytes = workbook.bytes().await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX is a zip");
    let mut cells = String::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        if entry.name().ends_with(".xml") {
            std::io::Read::read_to_string(&mut entry, &mut cells).unwrap();
        }
    }
    assert!(cells.contains("Réponses individuelles"), "the workbook has its sheets");
    assert!(!cells.contains("Bénévole") && !cells.contains("participant.a"), "the workbook merges small collèges too");
    let api =
        coordinator.get(app.url(&format!("/api/campaigns/{id}/answers"))).send().await.unwrap().text().await.unwrap();
    assert!(!api.contains("Bénévole") && !api.contains("Seul·e à le penser"), "the API gives shared answers only");
}

crate::on_both_backends!(
    a_volunteer_alone_stays_anonymous_everywhere,
    assignments_narrow_what_a_participant_answers,
    a_personal_link_opens_one_campaign_only,
    generated_data_is_consistent,
    a_campaign_from_preparation_to_answers,
    indicators_follow_the_organisation_type,
    consolidation_ranks_divergence_and_keeps_voices_safe,
);
