//! The network's figures over HTTP: a delegate sees their region only, nobody else sees them,
//! cells under five organisations are hidden, and so is a region's figure when the nation's
//! would give the others away by subtraction; the CSV hides the same; the benchmark.

use crate::support::*;
use cap_domain::OrganisationType;
use cap_domain::campaign::{AnswerValue, CampaignStatus, campaign_indicators};
use cap_storage::campaigns::{self, NewConsolidated};
use cap_storage::{Db, organisations, referentials};

/// An organisation of `region` whose campaign is consolidated with every level indicator at
/// `level`; returns (organisation, campaign).
async fn scored_organisation(db: &Db, name: &str, region: i64, level: i64) -> (i64, i64) {
    let version = referentials::latest_version(db, "cap-exemple").await.unwrap().unwrap();
    scored_organisation_on(db, name, region, level, version).await
}

/// The same, on a given referential version.
async fn scored_organisation_on(db: &Db, name: &str, region: i64, level: i64, version: i64) -> (i64, i64) {
    let org = organisations::create(db, &org(name, region, None)).await.unwrap();
    let new = campaigns::NewCampaign {
        organisation: org,
        referential_version_id: version,
        title: "Auto-évaluation",
        scope: &[],
        answering_from: None,
        consolidation_on: None,
        restitution_on: None,
        created_by: None,
    };
    let id = campaigns::create(db, &new).await.unwrap();
    campaigns::advance_to(db, id, CampaignStatus::Consolidation).await.unwrap();
    let r = referentials::load(db, version).await.unwrap();
    for node in campaign_indicators(&r, &[], OrganisationType::Ei) {
        if node.answer == cap_domain::referential::AnswerType::Level {
            let value = Some(AnswerValue::Level(level));
            campaigns::save_consolidated(db, id, &NewConsolidated::settled(&node.code, &value, None), 0).await.unwrap();
        }
    }
    (org.0, id)
}

/// The body of the means table.
fn means_table(page: &str) -> String {
    let section = page.split("id=\"means-title\"").nth(1).unwrap_or_default();
    let body = section.split("<tbody>").nth(1).unwrap_or_default();
    body.split("</tbody>").next().unwrap_or_default().to_owned()
}

async fn figures_are_anonymised_and_scoped(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let mut region_a = Vec::new();
    for i in 0..8 {
        region_a.push(scored_organisation(&app.db, &format!("Structure A{i}"), seeds.region_a, 1 + i % 4).await);
    }
    for i in 0..4 {
        scored_organisation(&app.db, &format!("Structure B{i}"), seeds.region_b, 2).await;
    }
    assert_eq!(cap_app::jobs::refresh_network(app.state()).await.unwrap(), 12);
    assert_eq!(cap_app::jobs::refresh_network(app.state()).await.unwrap(), 0, "nothing changed, nothing rebuilt");
    // The stored scores follow the formula: levels 1 to 4 of 4, twice each, in region A.
    let filter = cap_storage::network::Filter { region: Some(seeds.region_a), ..Default::default() };
    let means = cap_storage::network::node_means(&app.db, &filter).await.unwrap();
    assert!(!means.is_empty());
    for m in &means {
        assert_eq!(m.organisations, 8);
        assert!((m.score.unwrap() - 0.625).abs() < 1e-6, "{m:?}");
    }

    // The nation: 12 organisations, figures shown.
    let admin = app.signed_in(ADMIN).await;
    let (status, page) = text(&admin, app.url("/network")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Structures dont la campagne est comptée : 12"), "{page}");
    assert!(page.contains("Scores moyens par thème et objectif"));
    // Region A alone holds 8, but beside the nation's 12 it would give region B's 4 away.
    let (_, page_a) = text(&admin, app.url(&format!("/network?region={}", seeds.region_a))).await;
    assert!(page_a.contains("Structures dont la campagne est comptée : 8"));
    let means_a = means_table(&page_a);
    assert!(means_a.contains("masqué") && !means_a.contains('%'), "region A's means are hidden: {means_a}");
    // Region B's delegate: 4 organisations, hidden; region A is not theirs.
    let delegate_b = app.signed_in(DELEGATE_B).await;
    let (status, page_b) = text(&delegate_b, app.url("/network")).await;
    assert_eq!(status, 200);
    assert!(page_b.contains("Structures dont la campagne est comptée : masqué"));
    let (status, _) = text(&delegate_b, app.url(&format!("/network?region={}", seeds.region_a))).await;
    assert_eq!(status, 404, "a delegate sees their region only");
    let (status, _) = text(&delegate_b, app.url("/network?region=")).await;
    assert_eq!(status, 200, "an empty region means theirs");
    // Nobody else sees the network's figures.
    for who in [COORDINATOR_A, PARTICIPANT_A, GROUP_LEAD_A] {
        let client = app.signed_in(who).await;
        assert_eq!(text(&client, app.url("/network")).await.0, 404, "{who}");
        assert_eq!(text(&client, app.url("/network/export.csv")).await.0, 404, "{who}");
    }

    // One more organisation in region B: both regions now show their means.
    scored_organisation(&app.db, "Structure B4", seeds.region_b, 2).await;
    assert_eq!(cap_app::jobs::refresh_network(app.state()).await.unwrap(), 1);
    let (_, page_a) = text(&admin, app.url(&format!("/network?region={}", seeds.region_a))).await;
    let means_a = means_table(&page_a);
    assert!(means_a.contains('%') && !means_a.contains("masqué"), "region A's means are shown now: {means_a}");
    let (_, page_b) = text(&delegate_b, app.url("/network")).await;
    assert!(page_b.contains("Structures dont la campagne est comptée : 5"));

    // The CSV hides what the page hides.
    let response = delegate_b.get(app.url("/network/export.csv")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let csv = String::from_utf8(response.bytes().await.unwrap().to_vec()).unwrap();
    assert!(csv.starts_with('\u{feff}') && csv.contains("Scores moyens par thème et objectif;"));
    let statuses: Vec<&str> = csv.lines().filter(|l| l.starts_with("Campagnes par étape;")).collect();
    assert!(statuses.iter().any(|l| l.contains("consolidation") && l.ends_with(";5")), "{statuses:?}");

    // The benchmark: A0 among the 7 other organisations of region A (same type).
    let (a0_org, a0) = region_a[0];
    let coordinator = person(
        &app.db,
        "coord.a0@test.fr",
        &[cap_domain::Membership::new(
            cap_domain::Role::Coordinator,
            cap_domain::Scope::Organisation(cap_domain::OrganisationId(a0_org)),
            Some(cap_domain::College::Direction),
        )
        .unwrap()],
    )
    .await;
    let _ = coordinator;
    let a0_client = app.signed_in("coord.a0@test.fr").await;
    let (status, page) = text(&a0_client, app.url(&format!("/campaigns/{a0}/benchmark"))).await;
    assert_eq!(status, 200);
    assert!(page.contains("Médiane") && page.contains("Dans le quart le plus bas"), "A0 answered level 1 everywhere");
    assert!(!page.contains("<td>masqué</td>"), "7 peers are enough");
    let (_, page) = text(&a0_client, app.url(&format!("/campaigns/{a0}/benchmark?peers=all"))).await;
    assert!(page.contains("<td>12</td>"), "12 others nationally");
    let b = app.signed_in(COORDINATOR_B).await;
    assert_eq!(text(&b, app.url(&format!("/campaigns/{a0}/benchmark"))).await.0, 404);

    // Five organisations assess themselves on another referential whose codes are the same: their
    // scores answer other questions, so neither the figures nor the benchmark add them in.
    let cap = referentials::latest_version(&app.db, "cap-exemple").await.unwrap().unwrap();
    let mut other = referentials::load(&app.db, cap).await.unwrap();
    other.code = "cap-bis".into();
    let bis = referentials::import(&app.db, &other, false, None).await.unwrap();
    for i in 0..5 {
        scored_organisation_on(&app.db, &format!("Structure bis {i}"), seeds.region_a, 4, bis).await;
    }
    assert_eq!(cap_app::jobs::refresh_network(app.state()).await.unwrap(), 5);
    let (_, page) = text(&admin, app.url("/network")).await;
    assert!(page.contains("Structures dont la campagne est comptée : 13"), "the 13 on cap-exemple only");
    let means = cap_storage::network::node_means(&app.db, &filter).await.unwrap();
    assert!(means.iter().all(|m| m.organisations == 8 && (m.score.unwrap() - 0.625).abs() < 1e-6), "{means:?}");
    let (_, page) = text(&a0_client, app.url(&format!("/campaigns/{a0}/benchmark?peers=all"))).await;
    assert!(page.contains("<td>12</td>"), "still 12 others nationally");
}

async fn a_group_lead_sees_the_group_side_by_side(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let mut ids = Vec::new();
    for (i, level) in [1, 4].into_iter().enumerate() {
        let (org, _) = scored_organisation(&app.db, &format!("Membre du groupe {i}"), seeds.region_a, level).await;
        let mut input = org_input(&app.db, org).await;
        input.group = Some(cap_domain::GroupId(seeds.group_a));
        organisations::update(&app.db, cap_domain::OrganisationId(org), 1, &input).await.unwrap();
        ids.push(org);
    }
    scored_organisation(&app.db, "Hors du groupe", seeds.region_a, 2).await;
    cap_app::jobs::refresh_network(app.state()).await.unwrap();
    let lead = app.signed_in(GROUP_LEAD_A).await;
    let (status, page) = text(&lead, app.url(&format!("/groups/{}", seeds.group_a))).await;
    assert_eq!(status, 200);
    assert!(page.contains("Les structures côte à côte"));
    assert!(page.contains("Membre du groupe 0") && page.contains("Membre du groupe 1"));
    assert!(!page.contains("Hors du groupe"), "only the group's organisations");
    let cell = |v: &str| format!("{v}\u{202F}%");
    assert!(page.contains(&format!("<td>{}</td>", cell("25"))) && page.contains(&format!("<td>{}</td>", cell("100"))));
    assert!(page.contains(&format!("<strong>{}</strong>", cell("63"))), "the group's mean of 25 and 100");
    // Each column says which campaign it shows; a structure without one says why.
    assert!(page.contains("viennent les chiffres"));
    assert!(
        page.matches("résultats arrêtés le").count() + page.matches("en cours de consolidation").count() >= 2,
        "the two members' campaigns named"
    );
    assert!(page.contains("pas de campagne consolidée partagée avec le réseau"), "the reason for Structure A");
    // One radar per structure with figures, against the group's mean; and where they differ.
    assert!(page.contains("Chaque structure face au groupe"));
    for id in &ids {
        assert!(page.contains(&format!("id=\"radar-caption-{id}\"")), "a radar for {id}");
    }
    assert_eq!(page.matches("face à la moyenne du groupe").count(), 4, "each radar named, in both drawings");
    assert!(page.contains("Là où les structures diffèrent le plus"));
    assert!(
        page.contains(&format!(
            "{} pour Membre du groupe 0, {} pour Membre du groupe 1 (écart de 75 points)",
            cell("25"),
            cell("100")
        )),
        "the lowest and the highest structure on an objective, and the gap"
    );
    let b = app.signed_in(COORDINATOR_B).await;
    assert_eq!(text(&b, app.url(&format!("/groups/{}", seeds.group_a))).await.0, 404);
}

/// The form values of a stored organisation, to change one of them.
async fn org_input(db: &Db, id: i64) -> cap_storage::organisations::OrganisationInput {
    let o = organisations::get(db, cap_domain::OrganisationId(id)).await.unwrap();
    let mut input = org(&o.name, o.region_id, None);
    input.siret = None;
    input
}

async fn a_delegate_follows_the_deployment_of_their_region(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let delegate = app.signed_in(DELEGATE_A).await;
    let (status, page) = text(&delegate, app.url("/deployment")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Structure A") && !page.contains("Structure B"), "their region only");
    assert!(page.contains("<td>Relue</td>"), "A runs a campaign its tiers and a pair review");
    let r = delegate
        .post(app.url(&format!("/deployment/organisations/{}/informed", seeds.org_a)))
        .form(&[("informed", "1"), ("on", "2026-02-03")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let (_, page) = text(&delegate, app.url("/deployment")).await;
    assert!(page.contains("3 février 2026"), "the day it was informed");
    let region = seeds.region_a.to_string();
    let r = delegate
        .post(app.url("/deployment/presentations"))
        .form(&[
            ("region", region.as_str()),
            ("held_on", "2026-03-10"),
            ("place", "Maison de l'ESS"),
            ("attendees", "beaucoup"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(
        body.contains("Indiquez un nombre de participants") && body.contains("Maison de l&#39;ESS"),
        "typed values kept"
    );
    let r = delegate
        .post(app.url("/deployment/presentations"))
        .form(&[("region", region.as_str()), ("held_on", "2026-03-10"), ("place", "Lyon"), ("attendees", "24")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let (_, page) = text(&delegate, app.url("/deployment")).await;
    assert!(
        page.contains("Lyon · 24 personnes") && page.contains("<time datetime=\"2026-03\">mars 2026</time>"),
        "{page}"
    );
    // Region B's delegate marks nothing in region A and records nothing there.
    let b = app.signed_in(DELEGATE_B).await;
    let r = b
        .post(app.url(&format!("/deployment/organisations/{}/informed", seeds.org_a)))
        .form(&[("informed", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = b
        .post(app.url("/deployment/presentations"))
        .form(&[("region", region.as_str()), ("held_on", "2026-03-10"), ("place", "Lyon"), ("attendees", "3")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422, "not their region: refused, nothing written");
    assert_eq!(cap_storage::deployment::presentations(&app.db, None).await.unwrap().len(), 1);
    // The nation, for the administrator: every region's members by stage.
    let admin = app.signed_in(ADMIN).await;
    let (_, page) = text(&admin, app.url("/deployment")).await;
    assert!(page.contains("Région A") && page.contains("Région B") && page.contains("Toute la France"));
    // The roll-out region by region, as the federation's newsletter tells it.
    let next_year = format!("{}-05-20", cap_app::i18n::paris_today().year() + 1);
    let r = delegate
        .post(app.url("/deployment/presentations"))
        .form(&[
            ("region", region.as_str()),
            ("held_on", next_year.as_str()),
            ("place", "Villeurbanne"),
            ("attendees", "0"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    // A newcomer volunteers at a presentation to directors, then the day its test starts is set.
    let newcomer = organisations::create(&app.db, &org("Structure Nouvelle", seeds.region_a, None)).await.unwrap();
    let newcomer_id = newcomer.0.to_string();
    let r = delegate
        .post(app.url("/deployment/presentations"))
        .form(&[
            ("region", region.as_str()),
            ("held_on", "2026-04-14"),
            ("place", "Bron"),
            ("audience", "Directions de SIAE"),
            ("attendees", "12"),
            ("interested", newcomer_id.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let (_, regional) = text(&delegate, app.url("/deployment")).await;
    assert!(regional.contains("Bron · Directions de SIAE · 12 personnes"), "{regional}");
    assert!(regional.contains("Volontaires pour tester : Structure Nouvelle"), "who volunteered there");
    assert!(regional.contains("<td>Volontaire pour tester</td>"), "its stage");
    let volunteer = format!("/deployment/organisations/{newcomer_id}/volunteer");
    let r = b.post(app.url(&volunteer)).form(&[("volunteer", "0")]).send().await.unwrap();
    assert_eq!(r.status(), 404, "another region's delegate");
    let r = delegate
        .post(app.url(&volunteer))
        .form(&[("volunteer", "1"), ("on", "2026-04-14"), ("planned_from", "pas une date")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400, "a day that is not one is refused, not dropped");
    let r = delegate
        .post(app.url(&volunteer))
        .form(&[("volunteer", "1"), ("on", "2026-04-14"), ("planned_from", next_year.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let (_, regional) = text(&delegate, app.url("/deployment")).await;
    assert!(regional.contains("<td>Va tester</td>") && regional.contains(&format!("value=\"{next_year}\"")));
    let log = cap_storage::audit::recent(&app.db, None, 50).await.unwrap();
    assert!(log.iter().any(|e| e.action == "programme.volunteer" && e.details.ends_with(&next_year)), "audited");
    let (_, page) = text(&admin, app.url("/deployment")).await;
    assert!(
        page.contains("Structures qui vont le tester</dt><dd><a href=\"/organisations/")
            && page.contains("Structure Nouvelle</a> (à partir du 20 mai"),
        "{page}"
    );
    assert!(page.contains("Le déploiement, région par région"));
    assert!(page.contains("A présenté le Cap</dt><dd>10 mars 2026 (Lyon), 14 avril 2026 (Bron)</dd>"), "{page}");
    assert!(page.contains("Va présenter le Cap</dt><dd>") && page.contains("(Villeurbanne)"), "planned, with its day");
    assert!(page.contains("Structures qui l&#39;ont testé</dt><dd>"), "A, reviewed, has tested it");
    let (_, regional) = text(&delegate, app.url("/deployment")).await;
    assert!(!regional.contains("Le déploiement, région par région"), "the nation's lists, not a region's");
    // The same lists for a spreadsheet, for the federation.
    assert!(page.contains("href=\"/deployment/roll-out.csv\""));
    let (status, csv) = text(&admin, app.url("/deployment/roll-out.csv")).await;
    assert_eq!(status, 200);
    assert!(csv.starts_with("\u{feff}Région;Quoi;Date;Lieu ou structure\r\n"), "{csv}");
    assert!(csv.contains("Région A;A présenté le Cap;2026-03-10;Lyon\r\n"), "{csv}");
    assert!(csv.contains(&format!("Région A;Va présenter le Cap;{next_year};Villeurbanne\r\n")));
    assert!(csv.contains("Région A;Structures qui l'ont testé;;Structure A\r\n"), "{csv}");
    assert!(csv.contains(&format!("Région A;Structures qui vont le tester;{next_year};Structure Nouvelle\r\n")));
    assert_eq!(text(&delegate, app.url("/deployment/roll-out.csv")).await.0, 403, "the nation's, for the federation");

    // A long list names a dozen members, then leads to the region's page; the spreadsheet has all.
    for n in 0..14 {
        let name = format!("Testeuse {n:02}");
        let id = cap_storage::organisations::create(&app.db, &org(&name, seeds.region_b, None)).await.unwrap();
        campaign_at(&app.db, id, "Premier essai", cap_domain::campaign::CampaignStatus::SelfAssessment).await;
    }
    let (_, page) = text(&admin, app.url("/deployment")).await;
    assert!(page.contains("Testeuse 11</a>") && !page.contains("Testeuse 12</a>"), "twelve named");
    let rest = format!("<a href=\"/deployment?region={}#members\">et 2 autres", seeds.region_b);
    assert!(page.contains(&rest), "{page}");
    let (_, csv) = text(&admin, app.url("/deployment/roll-out.csv")).await;
    assert!(csv.contains("Testeuse 13"), "the spreadsheet names every member");
}

crate::on_both_backends!(
    figures_are_anonymised_and_scoped,
    a_group_lead_sees_the_group_side_by_side,
    a_delegate_follows_the_deployment_of_their_region
);
