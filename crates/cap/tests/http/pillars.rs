//! Consolidation pillar by pillar, as members run their démarche: « Services rendus » is
//! consolidated first, with its own photographie and plan proposals, while the other pillars are
//! still answered; they follow at later sessions and fill the photographie and the plan in.

use crate::on_both_backends;
use crate::support::*;
use cap_domain::campaign::AnswerValue;
use cap_domain::pillar_step::PillarStep;
use cap_storage::{campaigns, plans};
use serde_json::Value;

on_both_backends!(pillar_two_first_then_the_three_others, a_pillar_moves_only_for_its_coordinator);

async fn steps(app: &TestApp, id: i64) -> (String, Vec<(String, PillarStep)>) {
    let c = campaigns::get(&app.db, id).await.unwrap();
    (c.status.code().to_owned(), campaigns::pillar_steps(&app.db, id).await.unwrap())
}

async fn version(app: &TestApp, id: i64) -> String {
    campaigns::get(&app.db, id).await.unwrap().version.to_string()
}

async fn pillar_two_first_then_the_three_others(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let base = format!("/campaigns/{id}");
    let me = campaigns::participant_of(&app.db, id, seeds.participant_a).await.unwrap().unwrap().id;
    for code in ["SR.1.1.a", "ID.1.1.a"] {
        campaigns::save_answer(&app.db, id, me, code, &Some(AnswerValue::Level(2)), "", 0).await.unwrap();
    }
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let participant = app.signed_in(PARTICIPANT_A).await;

    // The campaign's page offers to consolidate each pillar on its own.
    let (_, page) = text(&coordinator, app.url(&base)).await;
    assert!(page.contains("Passer « Services rendus » en consolidation"), "one button per pillar");
    assert!(page.contains(&format!("action=\"{base}/pillars/SR\"")));

    // « Services rendus » goes to consolidation; the others stay open to answers.
    let v = version(app, id).await;
    let moved = coordinator
        .post(app.url(&format!("{base}/pillars/SR")))
        .form(&[("from", "answering"), ("version", &v)])
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), 303);
    let (status, stored) = steps(app, id).await;
    assert_eq!(status, "self_assessment", "the campaign answers while other pillars do");
    assert!(stored.contains(&("SR".to_owned(), PillarStep::Consolidation)));
    assert!(stored.contains(&("ID".to_owned(), PillarStep::Answering)));
    // The same click again, from the page drawn before: refused, nothing moves twice.
    let again = coordinator
        .post(app.url(&format!("{base}/pillars/SR")))
        .form(&[("from", "answering"), ("version", &v)])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 303);
    assert_eq!(steps(app, id).await.1, stored, "a stale click changes nothing");

    // The participant can no longer change « Services rendus », but goes on with « Identité ».
    let closed = participant
        .post(app.url(&format!("{base}/answers/SR.1.1.b")))
        .form(&[("value", "3"), ("comment", ""), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), 409);
    let closed: Value = closed.json().await.unwrap();
    assert_eq!(closed["status"], "closed");
    assert!(closed["message"].as_str().unwrap().contains("leur pilier est passé à la consolidation"));
    let open = participant
        .post(app.url(&format!("{base}/answers/ID.1.1.b")))
        .form(&[("value", "3"), ("comment", ""), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(open.status(), 200, "the other pillars stay open");
    let start = participant.get(app.url(&format!("{base}/answer"))).send().await.unwrap();
    let to = start.headers()["location"].to_str().unwrap().to_owned();
    assert!(!to.contains("#q-SR."), "a closed pillar is not asked again: {to}");
    let home = participant.get(app.url("/")).send().await.unwrap().text().await.unwrap();
    assert!(home.contains("Campagne A"), "the campaign is still to answer");

    // The photographie shows « Services rendus », provisional, and says what is to come.
    let decided = coordinator
        .post(app.url(&format!("{base}/consolidation/SR.1.1.a")))
        .form(&[("value", "2"), ("rationale", "Vu ensemble"), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(decided.status(), 303);
    let refused = coordinator
        .post(app.url(&format!("{base}/consolidation/ID.1.1.a")))
        .form(&[("value", "2"), ("rationale", ""), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 303);
    let shared = campaigns::consolidated(&app.db, id).await.unwrap();
    assert!(
        shared.contains_key("SR.1.1.a") && !shared.contains_key("ID.1.1.a"),
        "only a pillar in consolidation is decided"
    );
    let (status, results) = text(&coordinator, app.url(&format!("{base}/results"))).await;
    assert_eq!(status, 200);
    assert!(results.contains("Chiffres provisoires") && results.contains("Services rendus"));
    assert!(
        results.contains("leurs résultats s&#39;ajouteront") || results.contains("leurs résultats s&#x27;ajouteront")
    );
    assert!(results.contains("Identité, Supports, Amélioration continue et évaluation"), "the pillars to come, named");
    assert!(results.contains("SR.1.1.a") && !results.contains("ID.1.1.a"), "only the consolidated pillar's indicators");

    // The plan is proposed from « Services rendus » alone.
    let generated = coordinator
        .post(app.url(&format!("{base}/plan")))
        .form(&[("starts_on", "2027-01-04"), ("horizon", "8")])
        .send()
        .await
        .unwrap();
    assert_eq!(generated.status(), 303);
    let plan = plans::plan_of(&app.db, id).await.unwrap().expect("a plan");
    assert_eq!(plan.proposed_pillars.as_deref(), Some(&["SR".to_owned()][..]));
    let first = plans::actions(&app.db, plan.id).await.unwrap();
    assert!(!first.is_empty() && first.iter().all(|a| a.indicators.iter().all(|c| c.starts_with("SR."))));

    // « Services rendus » is consolidated; the three others at later sessions.
    let v = version(app, id).await;
    let done = coordinator
        .post(app.url(&format!("{base}/pillars/SR")))
        .form(&[("from", "consolidation"), ("version", &v)])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 303);
    assert!(steps(app, id).await.1.contains(&("SR".to_owned(), PillarStep::Consolidated)));
    let late = coordinator
        .post(app.url(&format!("{base}/consolidation/SR.1.1.a")))
        .form(&[("value", "4"), ("rationale", ""), ("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), 303);
    assert_eq!(
        campaigns::consolidated(&app.db, id).await.unwrap()["SR.1.1.a"].value,
        Some(AnswerValue::Level(2)),
        "a consolidated pillar's shared answers are final"
    );
    for pillar in ["ID", "SU", "AC"] {
        let v = version(app, id).await;
        let r = coordinator
            .post(app.url(&format!("{base}/pillars/{pillar}")))
            .form(&[("from", "answering"), ("version", &v)])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
    }
    let (status, stored) = steps(app, id).await;
    assert_eq!(status, "consolidation", "no pillar left to answer: the campaign is in consolidation");
    assert_eq!(stored.iter().filter(|(_, s)| *s == PillarStep::Consolidation).count(), 3);
    let ended = participant
        .post(app.url(&format!("{base}/answers/ID.1.1.c")))
        .form(&[("value", "3"), ("comment", ""), ("version", "0")])
        .send()
        .await
        .unwrap();
    let ended: Value = ended.json().await.unwrap();
    assert!(ended["message"].as_str().unwrap().contains("fermées pour cette campagne"));

    // The plan's page offers the new pillars' proposals; they join the end of the plan.
    let decided = coordinator
        .post(app.url(&format!("{base}/consolidation/ID.1.1.a")))
        .form(&[("value", "1"), ("rationale", "Décidé en séance"), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(decided.status(), 303);
    assert!(campaigns::consolidated(&app.db, id).await.unwrap().contains_key("ID.1.1.a"), "now in consolidation");
    let (_, plan_page) = text(&coordinator, app.url(&format!("{base}/plan"))).await;
    assert!(plan_page.contains("Consolidés depuis la préparation du plan : Identité, Supports, Amélioration continue"));
    let stale = coordinator
        .post(app.url(&format!("{base}/plan/proposals")))
        .form(&[("version", &(plan.version - 1).to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 303);
    assert_eq!(plans::actions(&app.db, plan.id).await.unwrap().len(), first.len(), "a stale page adds nothing");
    let more = coordinator
        .post(app.url(&format!("{base}/plan/proposals")))
        .form(&[("version", &plan.version.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(more.status(), 303);
    let all = plans::actions(&app.db, plan.id).await.unwrap();
    assert!(all.len() > first.len(), "{} then {}", first.len(), all.len());
    assert!(all.iter().any(|a| a.indicators.iter().any(|c| c.starts_with("ID."))));
    assert_eq!(
        all.iter().filter(|a| a.indicators.iter().any(|c| c.starts_with("SR."))).count(),
        first.len(),
        "nothing twice"
    );
    let twice = coordinator
        .post(app.url(&format!("{base}/plan/proposals")))
        .form(&[("version", &plans::plan_of(&app.db, id).await.unwrap().unwrap().version.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(twice.status(), 303);
    assert_eq!(plans::actions(&app.db, plan.id).await.unwrap().len(), all.len(), "proposed once only");

    // Finishing the consolidation consolidates every pillar left.
    let v = version(app, id).await;
    let finished = coordinator.post(app.url(&format!("{base}/advance"))).form(&[("version", &v)]).send().await.unwrap();
    assert_eq!(finished.status(), 303);
    let (status, stored) = steps(app, id).await;
    assert_eq!(status, "review");
    assert!(stored.iter().all(|(_, s)| *s == PillarStep::Consolidated), "{stored:?}");
    let (_, results) = text(&coordinator, app.url(&format!("{base}/results"))).await;
    assert!(results.contains("ID.1.1.a") && !results.contains("Chiffres provisoires"), "the whole photographie, final");
}

async fn a_pillar_moves_only_for_its_coordinator(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let path = app.url(&format!("/campaigns/{id}/pillars/SR"));
    let v = version(app, id).await;
    for who in [PARTICIPANT_A, COORDINATOR_B, DELEGATE_A, TIERS_A] {
        let client = app.signed_in(who).await;
        let r = client.post(path.clone()).form(&[("from", "answering"), ("version", &v)]).send().await.unwrap();
        assert!(matches!(r.status().as_u16(), 403 | 404), "{who}: {}", r.status());
    }
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let unknown = coordinator
        .post(app.url(&format!("/campaigns/{id}/pillars/XX")))
        .form(&[("from", "answering"), ("version", &v)])
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 303, "a pillar out of scope is refused with a message");
    let nonsense = coordinator.post(path).form(&[("from", "later"), ("version", &v)]).send().await.unwrap();
    assert_eq!(nonsense.status(), 400);
    assert!(campaigns::pillar_steps(&app.db, id).await.unwrap().is_empty(), "nothing moved");
}
