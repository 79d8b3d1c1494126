//! The demo federation: 14 regions, about thirty invented organisations of every type, three
//! groups, and accounts in every role, so a newcomer sees something at once.

use cap_domain::{College, Email, Membership, OrganisationName, OrganisationType, Role, Scope, Siret};
use cap_storage::organisations::OrganisationInput;
use cap_storage::{Db, StorageError, groups, memberships, organisations, regions, users};

/// The password of every demo account (printed at start; demo databases only).
pub const DEMO_PASSWORD: &str = "cap-demo-2026";

/// One demo account, as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    /// E-mail to sign in with.
    pub email: String,
    /// What the account can do.
    pub role: String,
}

const REGIONS: [(&str, &str); 14] = [
    ("ARA", "Auvergne-Rhône-Alpes"),
    ("BFC", "Bourgogne-Franche-Comté"),
    ("BRE", "Bretagne"),
    ("CVL", "Centre-Val de Loire"),
    ("COR", "Corse"),
    ("GES", "Grand Est"),
    ("HDF", "Hauts-de-France"),
    ("IDF", "Île-de-France"),
    ("NOR", "Normandie"),
    ("NAQ", "Nouvelle-Aquitaine"),
    ("OCC", "Occitanie"),
    ("PDL", "Pays de la Loire"),
    ("PAC", "Provence-Alpes-Côte d'Azur"),
    ("OM", "Outre-mer"),
];

/// (name, type, region index, group index, city, postal code)
type DemoOrganisation = (&'static str, &'static str, usize, Option<usize>, &'static str, &'static str);

const ORGANISATIONS: [DemoOrganisation; 30] = [
    ("Atelier du Lac", "ACI", 0, Some(0), "Annecy", "74000"),
    ("Tremplin Services", "AI", 0, Some(0), "Chambéry", "73000"),
    ("Rhône Intérim Solidaire", "ETTI", 0, Some(0), "Lyon", "69007"),
    ("Les Jardins de Cocagne du Doubs", "ACI", 1, None, "Besançon", "25000"),
    ("Bourgogne Recyclerie", "EI", 1, None, "Dijon", "21000"),
    ("Bretagne Emplois Partagés", "GEIQ", 2, Some(1), "Rennes", "35000"),
    ("Ty Coz Insertion", "ACI", 2, Some(1), "Quimper", "29000"),
    ("Armor Travail Temporaire", "ETTI", 2, Some(1), "Saint-Brieuc", "22000"),
    ("Loire Vélo Atelier", "ACI", 3, None, "Orléans", "45000"),
    ("Tours Services à Domicile", "SAP", 3, None, "Tours", "37000"),
    ("Corsica Ressourcerie", "EI", 4, None, "Ajaccio", "20000"),
    ("Alsace Bois Insertion", "EI", 5, None, "Colmar", "68000"),
    ("Lorraine Intermédiaire", "AI", 5, None, "Nancy", "54000"),
    ("Nord Bâtiment Solidaire", "EI", 6, Some(2), "Lille", "59000"),
    ("Picardie Chantiers Verts", "ACI", 6, Some(2), "Amiens", "80000"),
    ("Côte d'Opale Intérim", "ETTI", 6, Some(2), "Calais", "62100"),
    ("Paris Couture Solidaire", "ACI", 7, None, "Paris", "75019"),
    ("Seine-Saint-Denis Logistique", "EI", 7, None, "Saint-Denis", "93200"),
    ("Indépendants en Chemin", "EITI", 7, None, "Montreuil", "93100"),
    ("Normandie Maraîchage", "ACI", 8, None, "Caen", "14000"),
    ("Rouen Coup de Main", "AI", 8, None, "Rouen", "76000"),
    ("Gironde Éco-Construction", "EI", 9, None, "Bordeaux", "33000"),
    ("Limousin Multiservices", "AI", 9, None, "Limoges", "87000"),
    ("Toulouse Cuisine Solidaire", "ACI", 10, None, "Toulouse", "31000"),
    ("Hérault Auto-Entrepreneurs Accompagnés", "EITI", 10, None, "Montpellier", "34000"),
    ("Nantes Réemploi", "EI", 11, None, "Nantes", "44000"),
    ("Vendée Aide à Domicile", "SAP", 11, None, "La Roche-sur-Yon", "85000"),
    ("Marseille Nettoyage Solidaire", "EI", 12, None, "Marseille", "13003"),
    ("Alpes-Maritimes Qualification", "GEIQ", 12, None, "Nice", "06000"),
    ("Réunion Terre et Mer", "OTHER", 13, None, "Saint-Denis", "97400"),
];

const GROUPS: [&str; 3] = ["GES Alpes Solidaires", "GES Breizh Insertion", "GES Nord Avenir"];

/// Whether the database is empty enough to receive the demo (no region, no account).
pub async fn is_empty(db: &Db) -> Result<bool, StorageError> {
    Ok(regions::list(db).await?.is_empty() && users::count(db).await? == 0)
}

/// Loads the demo federation; `password_hash` is the argon2id hash of [`DEMO_PASSWORD`].
pub async fn load(db: &Db, password_hash: &str) -> Result<Vec<DemoAccount>, StorageError> {
    let mut region_ids = Vec::new();
    for (code, name) in REGIONS {
        region_ids.push(regions::create(db, code, name).await?);
    }
    let mut group_ids = Vec::new();
    for name in GROUPS {
        group_ids.push(groups::create(db, name).await?);
    }
    let mut org_ids = Vec::new();
    for (i, (name, org_type, region, group, city, postal)) in ORGANISATIONS.iter().enumerate() {
        let input = OrganisationInput {
            name: OrganisationName::parse(name).map_err(corrupt)?,
            org_type: OrganisationType::from_code(org_type).map_err(corrupt)?,
            siret: Some(demo_siret(i as u32)),
            region: region_ids[*region],
            group: group.map(|g: usize| group_ids[g]),
            address: format!("{} rue de l'Économie Solidaire", 2 + i * 3),
            postal_code: (*postal).to_owned(),
            city: (*city).to_owned(),
        };
        org_ids.push(organisations::create(db, &input).await?);
    }

    let mut accounts = Vec::new();
    let mut add = async |email: &str, name: &str, grants: Vec<Membership>, role: &str| -> Result<(), StorageError> {
        let email = Email::parse(email).map_err(corrupt)?;
        let id = users::create(db, &email, name, Some(password_hash)).await?;
        for m in grants {
            memberships::grant(db, id, m).await?;
        }
        accounts.push(DemoAccount { email: email.to_string(), role: role.to_owned() });
        Ok(())
    };
    let m = |role, scope, college| Membership::new(role, scope, college).map_err(corrupt);
    let org = |i: usize| Scope::Organisation(org_ids[i]);
    add(
        "admin@demo.cap",
        "Camille Martin",
        vec![m(Role::FederationAdmin, Scope::Federation, None)?],
        "administration de la fédération",
    )
    .await?;
    add(
        "delegue.ara@demo.cap",
        "Karim Benali",
        vec![m(Role::RegionalDelegate, Scope::Region(region_ids[0]), None)?],
        "délégué régional Auvergne-Rhône-Alpes",
    )
    .await?;
    add(
        "delegue.bre@demo.cap",
        "Maëlle Le Gall",
        vec![m(Role::RegionalDelegate, Scope::Region(region_ids[2]), None)?],
        "déléguée régionale Bretagne",
    )
    .await?;
    add(
        "referente@demo.cap",
        "Sophie Durand",
        vec![m(Role::Coordinator, org(0), Some(College::Direction))?],
        "référente Cap, Atelier du Lac",
    )
    .await?;
    add(
        "referent.nord@demo.cap",
        "Thomas Lefebvre",
        vec![m(Role::Coordinator, org(13), Some(College::PermanentStaff))?],
        "référent Cap, Nord Bâtiment Solidaire",
    )
    .await?;
    add(
        "ges.alpes@demo.cap",
        "Nadia Roux",
        vec![m(Role::GroupLead, Scope::Group(group_ids[0]), None)?],
        "responsable du GES Alpes Solidaires",
    )
    .await?;
    let participants: [(&str, &str, College); 6] = [
        ("benevole@demo.cap", "Jean Morel", College::Volunteer),
        ("administratrice@demo.cap", "Hélène Petit", College::BoardMember),
        ("encadrant@demo.cap", "Yacine Haddad", College::PermanentStaff),
        ("salarie.parcours@demo.cap", "Lucas", College::InsertionEmployee),
        ("salariee.parcours@demo.cap", "Aminata", College::InsertionEmployee),
        ("directeur@demo.cap", "Marc Girard", College::Direction),
    ];
    for (email, name, college) in participants {
        add(email, name, vec![m(Role::Participant, org(0), Some(college))?], "participant·e, Atelier du Lac").await?;
    }
    // Pairs and a tiers for the reviews: coordinators of organisations that have been through a
    // campaign (one in the same group as Nord Bâtiment Solidaire, to show the conflict flagged).
    let reviewers: [(&str, &str, usize, &str); 3] = [
        ("pair.gironde@demo.cap", "Élodie Garnier", 21, "pair, Gironde Éco-Construction"),
        ("pair.loire@demo.cap", "Bruno Lemoine", 8, "pair, Loire Vélo Atelier"),
        ("pair.picardie@demo.cap", "Inès Dupuis", 14, "pair, Picardie Chantiers Verts (même GES que Nord)"),
    ];
    for (email, name, i, role) in reviewers {
        add(email, name, vec![m(Role::Coordinator, org(i), Some(College::Direction))?], role).await?;
    }
    add(
        "pair.opale@demo.cap",
        "Camille Roussel",
        vec![m(Role::Coordinator, org(15), Some(College::Direction))?],
        "proposée comme pair par la déléguée, Côte d'Opale Intérim",
    )
    .await?;
    add(
        "delegue.hdf@demo.cap",
        "Julie Caron",
        vec![m(Role::RegionalDelegate, Scope::Region(region_ids[6]), None)?],
        "déléguée régionale Hauts-de-France (tiers)",
    )
    .await?;
    demo_campaign(db, org_ids[0], &participants).await?;
    demo_follow_up(db, org_ids[13]).await?;
    demo_network(db, &org_ids).await?;
    // More organisations, without people, so the network's figures show in the larger regions.
    crate::generate::generate_network(db, 120, 2, 2026, &mut std::io::sink()).await?;
    demo_reviews(db, &org_ids, &region_ids, &reviewers).await?;
    demo_deployment(db, &org_ids, &region_ids).await?;
    demo_glossaries(db, group_ids[0].0).await?;
    demo_practices(db, &org_ids).await?;
    Ok(accounts)
}

/// Nord Bâtiment Solidaire's history: a 2024 campaign whose plan is finished, a 2025 campaign
/// whose plan is followed up (with finished, late and upcoming actions, a checkpoint and its
/// completion over the months), and a 2026 campaign in consolidation, ready for its plan. Dates
/// are relative to the day the demo is loaded, so « late » and « upcoming » stay true.
async fn demo_follow_up(db: &Db, org: cap_domain::OrganisationId) -> Result<(), StorageError> {
    use cap_domain::campaign::{AnswerValue, CampaignStatus, campaign_indicators};
    use cap_domain::plan::{ActionStatus, PlanInputs, propose};
    use cap_domain::scoring::{Targets, compute};
    use cap_storage::plans::{self, ActionChange, NewAction};
    use cap_storage::{campaigns, referentials};
    use jiff::ToSpan;
    use std::collections::HashMap;
    let Some(version) = referentials::latest_version(db, "cap-exemple").await? else { return Ok(()) };
    let referential = referentials::load(db, version).await?;
    let coordinator = users::find_by_email(db, &Email::parse("referent.nord@demo.cap").map_err(corrupt)?)
        .await?
        .ok_or(StorageError::NotFound)?;
    let today = cap_app::i18n::paris_today();
    let indicators: Vec<_> = campaign_indicators(&referential, &[], OrganisationType::Ei)
        .into_iter()
        .filter(|n| n.answer == cap_domain::referential::AnswerType::Level)
        .collect();
    let years = [
        ("Auto-évaluation 2024", 0i64, CampaignStatus::Closed),
        ("Auto-évaluation 2025", 1, CampaignStatus::FollowUp),
        ("Auto-évaluation 2026", 2, CampaignStatus::Consolidation),
    ];
    for (title, year, status) in years {
        let new = campaigns::NewCampaign {
            organisation: org,
            referential_version_id: version,
            title,
            scope: &[],
            answering_from: None,
            consolidation_on: None,
            restitution_on: None,
            created_by: Some(coordinator.user_id()),
        };
        let campaign = campaigns::create(db, &new).await?;
        campaigns::add_participant(db, campaign, coordinator.user_id(), College::PermanentStaff).await?;
        campaigns::advance_to(db, campaign, status.min(CampaignStatus::Consolidation)).await?;
        // Each year a little better: levels rise by about half a level a year.
        let mut answers = HashMap::new();
        for (j, node) in indicators.iter().enumerate() {
            let level = (1 + ((j * 5 + 3) % 3) as i64 + i64::from(((j % 3) as i64) < year)).min(4);
            answers.insert(node.code.clone(), AnswerValue::Level(level));
        }
        let values: Vec<(String, Option<AnswerValue>)> =
            answers.iter().map(|(code, v)| (code.clone(), Some(v.clone()))).collect();
        let shared: Vec<campaigns::NewConsolidated> = values
            .iter()
            .map(|(code, value)| campaigns::NewConsolidated::settled(code, value, Some(coordinator.user_id())))
            .collect();
        campaigns::insert_consolidated(db, campaign, &shared).await?;
        // The year's activity figures for the State, a little better each year.
        let grow = u32::try_from(year).unwrap_or(0);
        let figures = cap_domain::activity::ActivityFigures {
            people: 38 + 3 * grow,
            women: 14 + 2 * grow,
            hours_worked: 29_400 + 1_800 * grow,
            training_hours: 1_050 + 150 * grow,
            exits: 17 + grow,
            durable: 4 + grow,
            transition: 5,
            positive: 3 + grow,
            other: 5 - grow,
        };
        cap_storage::activity::save(db, campaign, &figures, Some(coordinator.user_id()), 0).await?;
        if status == CampaignStatus::Consolidation {
            continue;
        }
        let start = today.saturating_sub((if year == 0 { 20i64 } else { 5 }).months());
        let scores = compute(&referential, &indicators, &answers, &Targets::default());
        let inputs = PlanInputs {
            referential: &referential,
            covered: &indicators,
            answers: &answers,
            scores: &scores,
            targets: &Targets::default(),
            divergence: &HashMap::new(),
        };
        let proposals: Vec<NewAction> =
            propose(&inputs, start, 8).into_iter().take(12).map(NewAction::proposed).collect();
        let plan = plans::create(db, campaign, &start.to_string(), 8, &proposals).await?;
        let p = plans::plan_of(db, campaign).await?.ok_or(StorageError::NotFound)?;
        plans::update_plan(
            db,
            plan,
            &p.starts_on,
            8,
            (
                "Former toute l'équipe encadrante à l'accueil",
                "Être reconnue comme employeur de référence sur la métropole",
            ),
            p.version,
        )
        .await?;
        plans::validate(db, plan, coordinator.user_id(), p.version + 1).await?;
        for (k, action) in plans::actions(db, plan).await?.into_iter().enumerate() {
            let (status, progress, due) = match (year, k % 4) {
                (0, 3) => (ActionStatus::Abandoned, 0, action.due_on.clone()),
                (0, _) => (ActionStatus::Done, 100, action.due_on.clone()),
                (_, 0) => (ActionStatus::Done, 100, action.due_on.clone()),
                // Late: due ten days ago, still under way.
                (_, 1) => (ActionStatus::InProgress, 60, Some(today.saturating_sub(10i64.days()).to_string())),
                (_, 2) => (ActionStatus::InProgress, 30, Some(today.saturating_add((5 + k as i64).days()).to_string())),
                _ => (ActionStatus::Todo, 0, action.due_on.clone()),
            };
            let change = ActionChange {
                title: &action.title,
                description: &action.description,
                indicators: &action.indicators,
                responsible_user_id: Some(coordinator.user_id().0),
                contributors: "Équipe encadrante",
                starts_on: action.starts_on.as_deref(),
                due_on: due.as_deref(),
                status,
                progress,
                notes: if status == ActionStatus::Done { "Fait et partagé en réunion d'équipe." } else { "" },
                offer_code: action.offer_code.as_deref(),
            };
            plans::update_action(db, plan, action.id, &change, action.version).await?;
        }
        // The completion as it grew, month by month.
        let months = if year == 0 { 8 } else { 5 };
        for m in 0..=months {
            let day = start.saturating_add(m.months()).min(today);
            let reached = if year == 0 { 1000 * m / months } else { 450 * m / months };
            plans::record_completion(db, plan, &day.to_string(), reached).await?;
        }
        campaigns::advance_to(db, campaign, status).await?;
        if year == 1 {
            let targeted: Vec<(String, Option<i64>)> = plans::actions(db, plan)
                .await?
                .iter()
                .flat_map(|a| a.indicators.clone())
                .map(|code| {
                    let before =
                        answers.get(&code).and_then(|v| if let AnswerValue::Level(l) = v { Some(*l) } else { None });
                    (code, before.map(|l| (l + 1).min(4)))
                })
                .collect();
            plans::add_checkpoint(
                db,
                campaign,
                &today.saturating_sub(1i64.months()).to_string(),
                "Point à mi-parcours avec le conseil d'administration",
                Some(coordinator.user_id()),
                &targeted,
            )
            .await?;
            let offers: Vec<String> = cap_storage::offers::list(db)
                .await?
                .into_iter()
                .filter(|o| o.offer.region.is_none())
                .take(1)
                .map(|o| o.offer.code)
                .collect();
            let held = start.saturating_add(1i64.months());
            let held_on = held.to_string();
            let horizon = cap_domain::accompaniment::default_horizon(held);
            let checkpoint = cap_domain::accompaniment::default_checkpoint(held, horizon).to_string();
            let horizon = horizon.to_string();
            let day = cap_storage::accompaniment::NewDay {
                held_on: &held_on,
                place: "Locaux de la délégation régionale, Lille",
                attendees: "Thomas Lefebvre (référent Cap), la délégation régionale (tiers), un pair d'une entreprise d'insertion voisine",
                pillars: &[],
                conclusion: Some(cap_storage::accompaniment::NewConclusion {
                    conclusions: "Le plan est réaliste. La sécurité sur les chantiers demande un appui : une formation de la fédération est retenue.",
                    decision: cap_domain::accompaniment::Decision::FurtherAccompaniment,
                    offers: &offers,
                    horizon_on: &horizon,
                    checkpoint_on: &checkpoint,
                }),
                by: Some(coordinator.user_id()),
            };
            if let Some(offer) = offers.first() {
                cap_storage::accompaniment::save(db, campaign, &day, 0).await?;
                // The training was asked for, and the regional delegation took it.
                use cap_domain::service_request::{Move, Origin, RequestState};
                let request = cap_storage::services::NewRequest {
                    organisation: org.0,
                    campaign,
                    offer_code: offer,
                    origin: Origin::Accompaniment,
                    action: None,
                    by: Some(coordinator.user_id()),
                };
                let asked = cap_storage::services::ask(db, &request).await?;
                let delegate = users::find_by_email(db, &Email::parse("delegue.hdf@demo.cap").map_err(corrupt)?)
                    .await?
                    .map(|u| u.user_id());
                cap_storage::services::advance(db, asked, &Move::Take, RequestState::Taken, 1, delegate).await?;
            }
        }
    }
    Ok(())
}

/// Every other organisation has been through a 2025 campaign, closed, with shared answers, some
/// targets and a validated plan, so the network's dashboards have figures (and, in the smaller
/// regions, hidden cells).
async fn demo_network(db: &Db, org_ids: &[cap_domain::OrganisationId]) -> Result<(), StorageError> {
    use cap_domain::campaign::{AnswerValue, CampaignStatus, campaign_indicators};
    use cap_domain::referential::AnswerType;
    use cap_storage::{campaigns, plans, referentials};
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};
    let Some(version) = referentials::latest_version(db, "cap-exemple").await? else { return Ok(()) };
    let referential = referentials::load(db, version).await?;
    let levels: Vec<i64> = referential.scale.levels.iter().map(|l| l.value).collect();
    let mut offers: Vec<String> = cap_storage::offers::codes(db).await?.into_iter().collect();
    offers.sort();
    let mut rng = StdRng::seed_from_u64(2025);
    // Tremplin Services and Rhône Intérim Solidaire ran theirs as one démarche of GES Alpes
    // Solidaires, whose harmonisation plan follows.
    let alpes = [org_ids[1].0, org_ids[2].0];
    let group = organisations::get(db, org_ids[1]).await?.group_id.ok_or(StorageError::NotFound)?;
    let demarche = cap_storage::group_campaigns::NewGroupCampaign {
        group,
        title: "Auto-évaluation 2025",
        referential_version_id: version,
        answering_from: None,
        consolidation_on: None,
        restitution_on: None,
        organisations: &alpes,
        by: None,
    };
    let (demarche, alpes_campaigns) = cap_storage::group_campaigns::launch(db, &demarche).await?;
    for (i, (org, (_, org_type, ..))) in org_ids.iter().zip(ORGANISATIONS.iter()).enumerate() {
        if i == 0 || i == 13 {
            continue; // Atelier du Lac and Nord Bâtiment Solidaire have campaigns of their own.
        }
        let campaign = match alpes.iter().position(|o| *o == org.0) {
            Some(k) => alpes_campaigns[k],
            None => {
                campaigns::create(
                    db,
                    &campaigns::NewCampaign {
                        organisation: *org,
                        referential_version_id: version,
                        title: "Auto-évaluation 2025",
                        scope: &[],
                        answering_from: None,
                        consolidation_on: None,
                        restitution_on: None,
                        created_by: None,
                    },
                )
                .await?
            }
        };
        campaigns::advance_to(db, campaign, CampaignStatus::Consolidation).await?;
        let kind = OrganisationType::from_code(org_type).map_err(corrupt)?;
        let covered = campaign_indicators(&referential, &[], kind);
        let base = rng.random_range(0..levels.len());
        let values: Vec<(String, Option<AnswerValue>)> = covered
            .iter()
            .filter(|n| n.answer == AnswerType::Level)
            .map(|n| {
                let at = (base as i64 + rng.random_range(-1i64..=1)).clamp(0, levels.len() as i64 - 1) as usize;
                (n.code.clone(), Some(AnswerValue::Level(levels[at])))
            })
            .collect();
        let rows: Vec<campaigns::NewConsolidated> =
            values.iter().map(|(code, value)| campaigns::NewConsolidated::settled(code, value, None)).collect();
        campaigns::insert_consolidated(db, campaign, &rows).await?;
        // Most aim one level higher on a few indicators.
        for (code, _) in values.iter().step_by(7) {
            if rng.random_bool(0.7) {
                plans::set_targets(db, campaign, &[(code.clone(), Some(levels[levels.len() - 1]))]).await?;
            }
        }
        // A plan on the weakest indicators, some asking for an offer of services.
        let actions: Vec<plans::NewAction> = values
            .iter()
            .filter(|(_, v)| matches!(v, Some(AnswerValue::Level(l)) if *l <= levels[1]))
            .take(4)
            .map(|(code, _)| plans::NewAction {
                title: format!("Progresser sur {code}"),
                indicators: vec![code.clone()],
                offer_code: (!offers.is_empty() && rng.random_bool(0.5))
                    .then(|| offers[rng.random_range(0..offers.len())].clone()),
                ..plans::NewAction::default()
            })
            .collect();
        if !actions.is_empty() {
            plans::create(db, campaign, "2025-09-01", 6, &actions).await?;
        }
        // The year's activity figures, for the network's totals (from a generator of their own,
        // so the other demo data stay as they were).
        let mut own = StdRng::seed_from_u64(2026 + i as u64);
        let people: u32 = own.random_range(12..=60);
        let exits = people / 2;
        let durable = own.random_range(0..=exits / 3);
        let transition = own.random_range(0..=exits / 3);
        let positive = own.random_range(0..=exits / 4);
        let figures = cap_domain::activity::ActivityFigures {
            people,
            women: own.random_range(0..=people),
            hours_worked: people * own.random_range(600..=900),
            training_hours: people * own.random_range(15..=40),
            exits,
            durable,
            transition,
            positive,
            other: exits - durable - transition - positive,
        };
        cap_storage::activity::save(db, campaign, &figures, None, 0).await?;
        campaigns::advance_to(db, campaign, CampaignStatus::Closed).await?;
    }
    demo_harmonisation(db, demarche, &referential).await
}

/// GES Alpes Solidaires' harmonisation plan for its structures' 2025 démarche: a shared welcome
/// booklet done in one structure and under way in the other, and a common training to organise.
async fn demo_harmonisation(
    db: &Db,
    demarche: i64,
    referential: &cap_domain::referential::Referential,
) -> Result<(), StorageError> {
    use cap_domain::referential::NodeKind;
    use cap_storage::harmonisation::{self, LineChange, NewAction};
    let objective = referential.nodes.iter().find(|n| n.kind == NodeKind::GeneralObjective).map(|n| n.code.as_str());
    let members = cap_storage::group_campaigns::members(db, demarche).await?;
    let owners: Vec<(i64, Option<cap_domain::UserId>)> = members.iter().map(|m| (m.organisation_id, None)).collect();
    let actions = [
        (
            "Un livret d'accueil commun aux trois structures",
            "Écrit ensemble, puis adapté par chaque structure à son activité.",
            objective,
            Some("2026-03-31"),
            [("done", "Livret adopté en réunion d'équipe."), ("in_progress", "Relecture par les encadrants.")],
        ),
        (
            "Une formation commune des encadrants",
            "Deux jours par an, organisés à tour de rôle.",
            None,
            Some("2026-10-15"),
            [("todo", ""), ("blocked", "En attente du financement OPCO.")],
        ),
    ];
    for (title, description, node, due, steps) in actions {
        let new = NewAction {
            group_campaign_id: demarche,
            title,
            description,
            node_code: node,
            due_on: due,
            owners: &owners,
            by: None,
        };
        let action = harmonisation::add(db, &new).await?;
        let lines = harmonisation::lines(db, demarche).await?;
        for (line, (status, note)) in lines.iter().filter(|l| l.action_id == action).zip(steps) {
            harmonisation::update_line(db, line.id, &LineChange { owner: None, status, note }, line.version).await?;
        }
    }
    Ok(())
}

type Newcomer = (&'static str, &'static str, usize, &'static str, &'static str, Option<i64>, Option<i64>);

/// The federation's glossary, and the words GES Alpes Solidaires agreed on (one of them revised
/// once), so that indicators show their words' definitions.
async fn demo_glossaries(db: &Db, alpes: i64) -> Result<(), StorageError> {
    use cap_domain::glossary::TermInput;
    use cap_storage::glossary;
    let term = |t: &str, d: &str| TermInput::parse(t, d).map_err(|p| corrupt(p[0].1.clone()));
    let federation = [
        (
            "Parcours",
            "Le chemin d'une personne en insertion dans la structure, de son accueil à sa sortie : contrat, accompagnement, formations, mises en situation de travail.",
        ),
        (
            "Gouvernance",
            "Qui décide de quoi, et comment : le conseil d'administration ou les associés, la direction, et la place qu'y prennent les salariés et les bénévoles.",
        ),
        (
            "Utilité sociale",
            "Ce que la structure apporte aux personnes et au territoire au-delà de son activité économique : emploi de personnes qui en sont éloignées, services, lien social.",
        ),
        (
            "Parties prenantes",
            "Toutes les personnes et organisations concernées par l'action de la structure : salariés en parcours, permanents, bénévoles, clients, financeurs, partenaires.",
        ),
    ];
    for (t, d) in federation {
        glossary::add(db, None, &term(t, d)?, None).await?;
    }
    let lead =
        users::find_by_email(db, &Email::parse("ges.alpes@demo.cap").map_err(corrupt)?).await?.map(|u| u.user_id());
    let encadrant = glossary::add(
        db,
        Some(alpes),
        &term("Encadrant", "La personne qui organise le travail d'une équipe en parcours et lui transmet le métier.")?,
        lead,
    )
    .await?;
    glossary::update(
        db,
        encadrant,
        &term(
            "Encadrant",
            "Dans nos trois structures : la personne qui organise le travail d'une équipe en parcours, lui transmet le métier et en parle avec l'accompagnateur socioprofessionnel.",
        )?,
        1,
        lead,
    )
    .await?;
    glossary::add(
        db,
        Some(alpes),
        &term("Parcours", "Chez nous, le parcours se construit entre les trois structures : une personne peut passer de l'atelier au chantier puis à l'intérim.")?,
        lead,
    )
    .await?;
    Ok(())
}

/// Members that came to the programme through its presentations and have no campaign yet:
/// (name, type, region, city, postal code, days since they volunteered to test, days until their
/// test starts); a member that has not volunteered is only informed.
const NEWCOMERS: [Newcomer; 4] = [
    ("Béthune Ressources", "ACI", 6, "Béthune", "62400", Some(-45), Some(20)),
    ("Dunkerque Mer et Insertion", "EI", 6, "Dunkerque", "59140", Some(-45), None),
    ("Boulogne Services Solidaires", "AI", 6, "Boulogne-sur-Mer", "62200", None, None),
    ("Grenoble Bois et Réemploi", "EI", 0, "Grenoble", "38000", Some(-120), Some(60)),
];

/// Presentations of the programme in Hauts-de-France and Auvergne-Rhône-Alpes (one to come), a
/// few members marked informed, and newcomers volunteering to test, so the deployment pages have
/// a timeline and the roll-out's lists have every kind of line.
async fn demo_deployment(
    db: &Db,
    org_ids: &[cap_domain::OrganisationId],
    region_ids: &[cap_domain::RegionId],
) -> Result<(), StorageError> {
    use cap_storage::deployment;
    use jiff::ToSpan;
    let admin = users::find_by_email(db, &Email::parse("admin@demo.cap").map_err(corrupt)?)
        .await?
        .ok_or(StorageError::NotFound)?
        .user_id();
    let today = cap_app::i18n::paris_today();
    let day = |days: i64| today.checked_add(days.days()).unwrap_or(today).to_string();
    let presentations = [
        (
            6,
            day(-420),
            "Lille, Maison régionale de l'ESS",
            "Directions de SIAE",
            38,
            "Présentation aux directions de la région",
        ),
        (6, day(-300), "Amiens, réunion du réseau", "Réseau régional", 17, ""),
        (
            6,
            day(-45),
            "Calais, matinale de l'IAE",
            "Directions et encadrants",
            22,
            "Deux structures veulent tester avant l'été",
        ),
        (6, day(30), "Arras, journée régionale de l'IAE", "Conseils d'administration", 0, "À confirmer avec la DDETS"),
        (0, day(-380), "Lyon, assemblée régionale", "Adhérents de la région", 41, ""),
        (
            0,
            day(-120),
            "Annecy, webinaire",
            "Directions de SIAE",
            15,
            "Questions sur la protection des petits collèges",
        ),
    ];
    for (region, held_on, place, audience, attendees, notes) in presentations {
        let new = deployment::NewPresentation {
            region: region_ids[region].0,
            held_on: &held_on,
            place,
            audience,
            attendees,
            notes,
            interested: &[],
            by: admin,
        };
        deployment::add_presentation(db, &new).await?;
    }
    for i in [14, 15] {
        deployment::set_informed(db, org_ids[i].0, Some(&day(-45)), admin).await?;
    }
    for (n, (name, org_type, region, city, postal, volunteered, planned)) in NEWCOMERS.into_iter().enumerate() {
        let input = OrganisationInput {
            name: OrganisationName::parse(name).map_err(corrupt)?,
            org_type: OrganisationType::from_code(org_type).map_err(corrupt)?,
            siret: Some(demo_siret((ORGANISATIONS.len() + n) as u32)),
            region: region_ids[region],
            group: None,
            address: format!("{} avenue de l'Insertion", 1 + n * 2),
            postal_code: postal.to_owned(),
            city: city.to_owned(),
        };
        let org = organisations::create(db, &input).await?;
        deployment::set_informed(db, org.0, Some(&day(volunteered.unwrap_or(-45))), admin).await?;
        if let Some(since) = volunteered {
            let from = planned.map(day);
            deployment::set_volunteer(db, org.0, Some(&day(since)), from.as_deref(), Some(admin)).await?;
        }
    }
    Ok(())
}

/// Good practices: published ones on several indicators (one with a spreadsheet attached), one
/// waiting for the Hauts-de-France delegate, and one not published with the delegate's reason.
async fn demo_practices(db: &Db, org_ids: &[cap_domain::OrganisationId]) -> Result<(), StorageError> {
    use cap_domain::practice::{PracticeInput, PracticeKind, PracticeStatus};
    use cap_storage::practices::{self, NewFile};
    let user = async |email: &str| -> Result<cap_domain::UserId, StorageError> {
        Ok(users::find_by_email(db, &Email::parse(email).map_err(corrupt)?)
            .await?
            .ok_or(StorageError::NotFound)?
            .user_id())
    };
    let grid = "Étape;Quand;Avec qui;Ce que l'on remet\n\
                Information collective;Avant l'embauche;Chargée d'accompagnement;Plaquette et visite des ateliers\n\
                Entretien d'accueil;Premier jour;Encadrant technique;Livret d'accueil, équipement de sécurité\n\
                Point d'étape;Fin du premier mois;Chargée d'accompagnement;Plan d'accompagnement signé\n";
    // (organisation, author, kind, title, text, indicators, moderator, reason of a refusal)
    type DemoPractice<'a> =
        (usize, &'a str, PracticeKind, &'a str, &'a str, &'a [&'a str], Option<&'a str>, Option<&'a str>);
    let practices_to_load: [DemoPractice; 5] = [
        (
            0,
            "referente@demo.cap",
            PracticeKind::Tool,
            "Un accueil en trois temps, avec sa grille",
            "Depuis 2024, chaque personne qui nous rejoint vit trois temps d'accueil :\n\n\
             - une information collective avant l'embauche, avec la visite des ateliers ;\n\
             - un entretien d'accueil le premier jour avec son encadrant ;\n\
             - un point d'étape à la fin du premier mois, où le plan d'accompagnement est signé.\n\n\
             Les abandons dans le premier mois ont nettement baissé. La grille jointe sert d'aide-mémoire à l'équipe.",
            &["SR.1.1.a", "ID.1.1.b", "SR.2.1.b"],
            Some("delegue.ara@demo.cap"),
            None,
        ),
        (
            13,
            "referent.nord@demo.cap",
            PracticeKind::Testimony,
            "Deux salariés en parcours au conseil d'administration",
            "Notre conseil d'administration accueille deux salariés en parcours, élus par leurs collègues pour un an. \
             Ils reçoivent l'ordre du jour une semaine avant, et l'encadrant leur présente les sujets la veille.\n\n\
             Leur regard a changé nos décisions sur les horaires des chantiers et sur l'achat des équipements.",
            &["ID.3.1.c", "ID.1.1.c"],
            Some("delegue.hdf@demo.cap"),
            None,
        ),
        (
            21,
            "pair.gironde@demo.cap",
            PracticeKind::Practice,
            "Un regard croisé entre pairs chaque année",
            "Avec deux autres entreprises d'insertion de la région, nous nous relisons chaque année : une demi-journée \
             chez l'une, sur deux processus choisis à l'avance. Chacune repart avec trois pistes écrites.",
            &["AC.2.1.b", "AC.2.1.d"],
            Some("admin@demo.cap"),
            None,
        ),
        (
            14,
            "pair.picardie@demo.cap",
            PracticeKind::Practice,
            "Le point sécurité du lundi matin",
            "Chaque lundi, dix minutes avant de partir sur les chantiers : les risques de la semaine, un presque-accident \
             raconté par un salarié, et le rappel d'un geste. Le registre est tenu par les salariés eux-mêmes.",
            &["SU.2.1.b", "SU.2.1.c"],
            None,
            None,
        ),
        (
            8,
            "pair.loire@demo.cap",
            PracticeKind::Testimony,
            "Le parcours de Mme D.",
            "Mme D., 52 ans, est arrivée chez nous après trois ans sans emploi...",
            &["SR.2.3.a"],
            Some("admin@demo.cap"),
            Some(
                "Merci pour ce témoignage. Il permet de reconnaître la personne : demandez-lui son accord écrit \
                  ou retirez l'âge et l'initiale, puis partagez-le à nouveau.",
            ),
        ),
    ];
    for (org, author, kind, title, body, indicators, moderator, refusal) in practices_to_load {
        let input = PracticeInput {
            kind,
            title: title.to_owned(),
            body: body.to_owned(),
            indicators: indicators.iter().map(|c| (*c).to_owned()).collect(),
        };
        let files: Vec<NewFile> = if org == 0 {
            vec![NewFile {
                name: "grille-accueil.csv",
                media_type: "text/csv; charset=utf-8",
                content: grid.as_bytes(),
            }]
        } else {
            Vec::new()
        };
        let id = practices::add(db, org_ids[org], user(author).await?, "cap-exemple", &input, &files).await?;
        if let Some(moderator) = moderator {
            let status = if refusal.is_some() { PracticeStatus::Rejected } else { PracticeStatus::Published };
            practices::moderate(db, id, status, refusal.unwrap_or_default(), user(moderator).await?, 1).await?;
        }
    }
    Ok(())
}

/// The directory of pairs, their trainings, and reviews of Nord Bâtiment Solidaire: its 2025
/// campaign reviewed by a pair (access ended, a resolved thread), its 2026 campaign under review
/// now by the same pair and the region's delegate as tiers (an open thread).
async fn demo_reviews(
    db: &Db,
    org_ids: &[cap_domain::OrganisationId],
    region_ids: &[cap_domain::RegionId],
    reviewers: &[(&str, &str, usize, &str)],
) -> Result<(), StorageError> {
    use cap_domain::review::{ReviewerKind, TrainingAudience};
    use cap_storage::reviews::{self, NewGrant};
    use cap_storage::{campaigns, directory, referentials};
    use jiff::ToSpan;
    let Some(version) = referentials::latest_version(db, "cap-exemple").await? else { return Ok(()) };
    let user = async |email: &str| -> Result<cap_domain::UserId, StorageError> {
        Ok(users::find_by_email(db, &Email::parse(email).map_err(corrupt)?)
            .await?
            .ok_or(StorageError::NotFound)?
            .user_id())
    };
    let today = cap_app::i18n::paris_today();
    let day = |days: i64| today.checked_add(days.days()).unwrap_or(today).to_string();
    let availability = ["Deux jours par trimestre", "Plutôt le vendredi", "Ponctuellement, en visio"];
    let mut pairs = Vec::new();
    for ((email, _, i, _), availability) in reviewers.iter().zip(availability) {
        // Each pair's organisation has been through a campaign (see `demo_network`).
        let id = user(email).await?;
        directory::volunteer(db, id, org_ids[*i], availability).await?;
        pairs.push(id);
    }
    let nord = user("referent.nord@demo.cap").await?;
    directory::volunteer(db, nord, org_ids[13], "Une journée par mois").await?;
    let tiers = user("delegue.hdf@demo.cap").await?;
    // The Hauts-de-France delegate proposed Côte d'Opale Intérim's coordinator, who has not
    // answered yet: the pair's pathway from its first step.
    directory::propose(db, user("pair.opale@demo.cap").await?, org_ids[15], tiers).await?;
    let trainings = [
        (
            "Formation des pairs — promotion 2026",
            TrainingAudience::Pairs,
            day(-200),
            "Lille, Maison de l'ESS",
            6,
            vec![pairs[0], pairs[1], nord],
        ),
        (
            "Formation des tiers et des pairs",
            TrainingAudience::Both,
            day(-90),
            "Lyon, délégation régionale",
            0,
            vec![pairs[2], tiers],
        ),
        ("Formation des pairs — session d'hiver", TrainingAudience::Pairs, day(40), "Bordeaux", 9, vec![]),
        ("Formation des pairs — Hauts-de-France", TrainingAudience::Pairs, day(25), "Arras", 6, vec![]),
    ];
    for (title, audience, held_on, place, region, attendees) in trainings {
        let id = directory::create_training(
            db,
            &directory::NewTraining {
                title,
                audience,
                held_on: &held_on,
                place,
                region: region_ids[region].0,
                by: None,
            },
        )
        .await?;
        directory::set_attendees(db, id, &attendees).await?;
    }
    let nord_campaigns = campaigns::for_organisation(db, org_ids[13]).await?;
    let titled = |title: &str| nord_campaigns.iter().find(|c| c.title == title).map(|c| c.id);
    let (Some(past), Some(current)) = (titled("Auto-évaluation 2025"), titled("Auto-évaluation 2026")) else {
        return Ok(());
    };
    let grant = |campaign: i64, who: cap_domain::UserId, kind: ReviewerKind, from: String, to: String| async move {
        reviews::grant(
            db,
            &NewGrant { campaign, user: who, kind, starts_on: &from, ends_on: &to, conflicts: "", by: Some(nord) },
        )
        .await
    };
    grant(past, pairs[0], ReviewerKind::Pair, day(-300), day(-270)).await?;
    let thread = reviews::open_thread(
        db,
        past,
        "photographie",
        pairs[0],
        "Le radar montre un écart net sur la gouvernance : est-ce que le conseil d'administration a participé ?",
    )
    .await?;
    reviews::reply(db, past, thread, nord, "Deux administrateurs ont répondu ; nous élargirons l'an prochain.").await?;
    reviews::set_resolved(db, past, thread, Some(nord)).await?;
    grant(current, pairs[0], ReviewerKind::Pair, day(-3), day(27)).await?;
    grant(current, tiers, ReviewerKind::Tiers, day(-3), day(27)).await?;
    let indicator = referentials::load(db, version)
        .await?
        .nodes
        .iter()
        .find(|n| n.kind == cap_domain::referential::NodeKind::Indicator)
        .map(|n| n.code.clone());
    if let Some(code) = indicator {
        let thread = reviews::open_thread(
            db,
            current,
            &format!("indicator:{code}"),
            pairs[0],
            "Le niveau retenu me paraît modeste au vu de ce que vous avez mis en place en 2025.",
        )
        .await?;
        reviews::reply(db, current, thread, tiers, "D'accord : à revoir ensemble lors de la journée d'accompagnement.")
            .await?;
    }
    Ok(())
}

/// A campaign of Atelier du Lac with answers open and a few people well under way, so the demo
/// shows answering, progress and divergence at once.
async fn demo_campaign(
    db: &Db,
    org: cap_domain::OrganisationId,
    people: &[(&str, &str, College)],
) -> Result<(), StorageError> {
    use cap_domain::campaign::{AnswerValue, CampaignStatus, campaign_indicators};
    use cap_storage::{campaigns, referentials};
    let Some(version) = referentials::latest_version(db, "cap-exemple").await? else { return Ok(()) };
    let referential = referentials::load(db, version).await?;
    let new = campaigns::NewCampaign {
        organisation: org,
        referential_version_id: version,
        title: "Auto-évaluation 2026",
        scope: &[],
        answering_from: Some("2026-11-02"),
        consolidation_on: Some("2026-12-15"),
        restitution_on: Some("2027-01-19"),
        created_by: None,
    };
    let campaign = campaigns::create(db, &new).await?;
    let indicators: Vec<String> = campaign_indicators(&referential, &[], OrganisationType::Aci)
        .into_iter()
        .filter(|n| n.answer == cap_domain::referential::AnswerType::Level)
        .map(|n| n.code.clone())
        .collect();
    let coordinator = users::find_by_email(db, &Email::parse("referente@demo.cap").map_err(corrupt)?)
        .await?
        .ok_or(StorageError::NotFound)?;
    let mut participants =
        vec![(campaigns::add_participant(db, campaign, coordinator.user_id(), College::Direction).await?, 0usize)];
    for (i, (email, _, college)) in people.iter().enumerate() {
        let user =
            users::find_by_email(db, &Email::parse(email).map_err(corrupt)?).await?.ok_or(StorageError::NotFound)?;
        participants.push((campaigns::add_participant(db, campaign, user.user_id(), *college).await?, i + 1));
    }
    let mut rows = Vec::new();
    // Three people are well under way; their views differ on some practices.
    for (participant, k) in participants.iter().take(4) {
        for (j, code) in indicators.iter().enumerate().take(60 + k * 10) {
            let level = 1 + ((j * 7 + k * 3 + (j % 5) * k) % 4) as i64;
            let comment =
                if j % 17 == 0 && *k > 0 { "À en parler ensemble en réunion".to_owned() } else { String::new() };
            rows.push((*participant, code.clone(), Some(AnswerValue::Level(level)), comment));
        }
    }
    campaigns::insert_answers(db, campaign, &rows).await?;
    campaigns::advance(db, campaign, CampaignStatus::Preparation, 1).await?;
    demo_calendar(db, campaign, &referential).await
}

/// The demo campaign's calendar as Cap proposes it, started two weeks before the demo was loaded:
/// the presentation and the first working session are past (with their minutes), the others
/// to come.
async fn demo_calendar(
    db: &Db,
    campaign: i64,
    referential: &cap_domain::referential::Referential,
) -> Result<(), StorageError> {
    use cap_domain::meeting::{MeetingKind, propose};
    let mut pillars: Vec<String> = referential
        .nodes
        .iter()
        .filter(|n| n.kind == cap_domain::referential::NodeKind::Pillar)
        .map(|n| n.code.clone())
        .collect();
    // As members tell it: the services rendered first, « le thème qui porte sur notre travail quotidien ».
    pillars.sort_by_key(|p| p != "SR");
    let start = cap_app::i18n::paris_today()
        .checked_sub(jiff::Span::new().days(14))
        .map_err(|e| StorageError::Corrupt(format!("demo calendar: {e}")))?;
    let mut meetings = propose(&pillars, start);
    for m in &mut meetings {
        m.place = match m.kind {
            MeetingKind::Accompaniment => "Maison des associations, 12 rue du Port, Annecy".to_owned(),
            _ => "Atelier du Lac, salle du conseil".to_owned(),
        };
        m.notes = match m.kind {
            MeetingKind::Presentation => {
                "Compte rendu : la déléguée régionale a présenté la démarche et l'outil à huit personnes. \
                 Nous commençons par les services rendus."
                    .to_owned()
            }
            MeetingKind::Working if m.on < cap_app::i18n::paris_today() => {
                "Compte rendu : pilier « Services rendus » évalué par sept personnes ; trois indicateurs à \
                 reprendre en atelier."
                    .to_owned()
            }
            _ => String::new(),
        };
    }
    cap_storage::meetings::create(db, campaign, &meetings).await?;
    Ok(())
}

/// A valid, invented SIRET for the n-th demo organisation (Luhn key computed).
pub(crate) fn demo_siret(n: u32) -> Siret {
    let base = format!("9{:08}{:04}", 10_000 + n * 7, n + 1);
    (0..10)
        .map(|d| format!("{base}{d}"))
        .find_map(|candidate| Siret::parse(&candidate).ok())
        .expect("one check digit in ten satisfies the Luhn key")
}

fn corrupt(err: cap_domain::ValidationError) -> StorageError {
    StorageError::Corrupt(format!("demo data: {}", err.key))
}

/// Regions, for tests that check the demo's shape.
pub fn region_count() -> usize {
    REGIONS.len()
}

/// How many demo organisations there are (the newcomers without a campaign included).
pub fn organisation_count() -> usize {
    ORGANISATIONS.len() + NEWCOMERS.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn demo_sirets_are_valid_and_distinct() {
        let all: HashSet<String> = (0..30).map(|n| demo_siret(n).to_string()).collect();
        assert_eq!(all.len(), 30);
    }

    #[test]
    fn demo_covers_every_organisation_type() {
        let types: HashSet<&str> = ORGANISATIONS.iter().map(|o| o.1).collect();
        for t in OrganisationType::ALL {
            assert!(types.contains(t.code()), "no demo organisation of type {}", t.code());
        }
        assert!(ORGANISATIONS.iter().all(|o| o.2 < REGIONS.len()));
    }
}
