//! Organisations: creation with validation, stale edits refused, members, audit entries.

use crate::support::*;
use cap_storage::audit;

async fn admin_creates_and_edits_an_organisation(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let admin = app.signed_in(ADMIN).await;
    let region = seeds.region_b.to_string();
    let bad = admin
        .post(app.url("/admin/organisations/new"))
        .form(&[
            ("name", "Chantier des Deux Rives"),
            ("org_type", "ACI"),
            ("siret", "732 829 320 00075"),
            ("region", region.as_str()),
            ("group", ""),
            ("address", "3 quai Sud"),
            ("postal_code", "6900"),
            ("city", "Lyon"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let body = bad.text().await.unwrap();
    assert!(body.contains("Ce numéro SIRET n&#39;existe pas"), "{body}");
    assert!(body.contains("Un code postal compte 5 chiffres"));
    assert!(body.contains("value=\"Chantier des Deux Rives\""), "typed values are kept");
    assert!(body.contains("href=\"#siret\""), "the summary links to the field");

    let ok = admin
        .post(app.url("/admin/organisations/new"))
        .form(&[
            ("name", "Chantier des Deux Rives"),
            ("org_type", "ACI"),
            ("siret", "732 829 320 00074"),
            ("region", region.as_str()),
            ("group", ""),
            ("address", "3 quai Sud"),
            ("postal_code", "69007"),
            ("city", "Lyon"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 303);
    let location = ok.headers()["location"].to_str().unwrap().to_owned();
    let id: i64 = location.trim_start_matches("/organisations/").parse().unwrap();
    let page = admin.get(app.url(&location)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Chantier des Deux Rives") && page.contains("Structure ajoutée."));

    let duplicate = admin
        .post(app.url("/admin/organisations/new"))
        .form(&[("name", "Doublon"), ("org_type", "EI"), ("siret", "73282932000074"), ("region", region.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(duplicate.status(), 422);
    assert!(duplicate.text().await.unwrap().contains("déjà celui d"));

    // Two administrators edit the same version: the second save is refused, nothing is lost.
    let edit = format!("/admin/organisations/{id}/edit");
    let first = admin
        .post(app.url(&edit))
        .form(&[
            ("name", "Chantier des Deux Rives (ACI)"),
            ("org_type", "ACI"),
            ("region", region.as_str()),
            ("version", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 303);
    let second = admin
        .post(app.url(&edit))
        .form(&[("name", "Deux Rives"), ("org_type", "EI"), ("region", region.as_str()), ("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(second.status(), 409);
    let conflict = second.text().await.unwrap();
    assert!(conflict.contains("Chantier des Deux Rives (ACI)"), "the saved values are shown");
    assert!(conflict.contains("value=\"Deux Rives\""), "the typed values are kept");
    assert!(conflict.contains("name=\"version\" value=\"2\""), "saving again applies on top of the current version");
    let saved = cap_storage::organisations::get(&app.db, cap_domain::OrganisationId(id)).await.unwrap();
    assert_eq!(saved.name, "Chantier des Deux Rives (ACI)");

    let actions: Vec<String> = audit::recent(&app.db, None, 50).await.unwrap().into_iter().map(|e| e.action).collect();
    assert!(
        actions.contains(&"organisations.create".to_owned()) && actions.contains(&"organisations.update".to_owned())
    );
    let log = admin.get(app.url("/admin/audit")).send().await.unwrap().text().await.unwrap();
    assert!(log.contains("organisations.update") && log.contains(ADMIN));
    // The administrator narrows the log to one organisation, one person, one kind, some days.
    let today = cap_app::i18n::paris_today().to_string();
    let filtered = |query: &str| {
        let admin = admin.clone();
        let url = app.url(&format!("/admin/audit?{query}"));
        async move { admin.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let about = filtered("organisation=deux+rives&kind=organisations").await;
    assert!(about.contains("organisations.update") && !about.contains("users.sign_in"), "{about}");
    assert!(about.contains("value=\"deux rives\"") && about.contains("<option value=\"organisations\" selected>"));
    let nobody = filtered("person=personne%40ailleurs.fr").await;
    assert!(nobody.contains("Aucune entrée ne correspond à ces filtres.") && nobody.contains("Tout afficher"));
    let on_the_day = filtered(&format!("from={today}&until={today}&kind=users")).await;
    assert!(on_the_day.contains("users.sign_in") && !on_the_day.contains("organisations.update"));
    let before = filtered("until=2000-01-01").await;
    assert!(before.contains("Aucune entrée ne correspond"), "nothing that old");
}

async fn admin_manages_regions_groups_and_roles(app: &TestApp) {
    seed(&app.db).await;
    let admin = app.signed_in(ADMIN).await;
    let taken = admin.post(app.url("/admin/regions")).form(&[("code", "ra"), ("name", "Autre")]).send().await.unwrap();
    assert_eq!(taken.status(), 422, "codes are unique, whatever the case");
    let created =
        admin.post(app.url("/admin/regions")).form(&[("code", "occ"), ("name", "Occitanie")]).send().await.unwrap();
    assert_eq!(created.status(), 303);
    let list = admin.get(app.url("/admin/regions")).send().await.unwrap().text().await.unwrap();
    assert!(list.contains("OCC") && list.contains("Occitanie"));
    let group = admin.post(app.url("/admin/groups")).form(&[("name", "GES Sud")]).send().await.unwrap();
    assert_eq!(group.status(), 303);
    let invite = admin
        .post(app.url("/admin/invitations/new"))
        .form(&[("display_name", "Inès"), ("email", "ines@exemple.fr"), ("role", "regional_delegate"), ("region", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(invite.status(), 422, "a delegate needs a region");
    let users_page = admin.get(app.url("/admin/users")).send().await.unwrap().text().await.unwrap();
    assert!(users_page.contains(PARTICIPANT_A));

    // The last administrator cannot be removed.
    let admins = cap_storage::memberships::all(&app.db).await.unwrap();
    let admin_row = admins.iter().find(|m| m.membership.role == cap_domain::Role::FederationAdmin).unwrap();
    let refused = admin.post(app.url(&format!("/admin/memberships/{}/revoke", admin_row.id))).send().await.unwrap();
    assert_eq!(refused.status(), 303);
    assert_eq!(cap_storage::memberships::count_admins(&app.db).await.unwrap(), 1);
}

async fn coordinator_removes_a_member(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let page = coordinator
        .get(app.url(&format!("/organisations/{}", seeds.org_a)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(PARTICIPANT_A), "the coordinator sees members' e-mails");
    let participant = app.signed_in(PARTICIPANT_A).await;
    let seen_by_participant = participant
        .get(app.url(&format!("/organisations/{}", seeds.org_a)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!seen_by_participant.contains(COORDINATOR_A), "participants do not see e-mails");
    let row = cap_storage::memberships::for_user(&app.db, seeds.participant_a).await.unwrap()[0].id;
    let other_org = coordinator
        .post(app.url(&format!("/organisations/{}/memberships/{row}/revoke", seeds.org_b)))
        .send()
        .await
        .unwrap();
    assert_eq!(other_org.status(), 404);
    let removed = coordinator
        .post(app.url(&format!("/organisations/{}/memberships/{row}/revoke", seeds.org_a)))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 303);
    assert!(cap_storage::memberships::for_user(&app.db, seeds.participant_a).await.unwrap().is_empty());
}

/// A group lead sees the group's structures, not their campaigns: the page says the campaigns
/// are not shared with them rather than that there are none; the roll-out is in the menu of
/// those who follow it.
async fn campaigns_not_shared_are_said_so(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let lead = app.signed_in(GROUP_LEAD_A).await;
    let (status, page) = text(&lead, app.url(&format!("/organisations/{}", seeds.org_a))).await;
    assert_eq!(status, 200);
    assert!(page.contains("Une campagne de cette structure ne vous est pas partagée"), "never « none »");
    assert!(!page.contains("Aucune campagne pour l"));
    assert!(!page.contains("href=\"/deployment\""), "the roll-out is not the lead's");
    let delegate = app.signed_in(DELEGATE_A).await;
    let (_, home) = text(&delegate, app.url("/")).await;
    assert!(home.contains("href=\"/deployment\"") && home.contains("Déploiement"), "in the delegate's menu");
}

crate::on_both_backends!(
    admin_creates_and_edits_an_organisation,
    admin_manages_regions_groups_and_roles,
    coordinator_removes_a_member,
    campaigns_not_shared_are_said_so,
);
