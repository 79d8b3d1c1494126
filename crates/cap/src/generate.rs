//! `cap generate --organisations N`: fills a database with realistic organisations, people,
//! campaigns and answers, for benchmarks and demonstrations. Deterministic for a given seed.

use cap_domain::campaign::{AnswerValue, CampaignStatus, campaign_indicators};
use cap_domain::referential::AnswerType;
use cap_domain::{College, Email, Membership, OrganisationName, OrganisationType, RegionId, Role, Scope, Siret};
use cap_storage::campaigns::{self, NewCampaign};
use cap_storage::organisations::{self, OrganisationInput};
use cap_storage::{Db, StorageError, memberships, referentials, regions, users};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::io::Write;

/// What was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Generated {
    /// Organisations.
    pub organisations: usize,
    /// Accounts.
    pub users: usize,
    /// Campaigns.
    pub campaigns: usize,
    /// Individual answers.
    pub answers: usize,
    /// Validated plans.
    pub plans: usize,
}

const KINDS: [&str; 8] =
    ["Atelier", "Chantier", "Jardins", "Ressourcerie", "Services", "Intérim", "Recyclerie", "Coup de main"];
const PLACES: [&str; 12] = [
    "du Lac",
    "des Collines",
    "de la Vallée",
    "du Port",
    "des Tilleuls",
    "du Marais",
    "de l'Estuaire",
    "des Deux Rives",
    "du Plateau",
    "des Vergers",
    "de la Forge",
    "du Canal",
];
const CITIES: [&str; 12] =
    ["Lyon", "Rennes", "Lille", "Nantes", "Dijon", "Tours", "Metz", "Pau", "Caen", "Nîmes", "Brest", "Albi"];
const FIRST_NAMES: [&str; 16] = [
    "Camille", "Lou", "Sami", "Inès", "Hugo", "Nadia", "Yanis", "Léa", "Karim", "Emma", "Jules", "Aïcha", "Paul",
    "Sofia", "Malik", "Chloé",
];

fn corrupt(e: cap_domain::ValidationError) -> StorageError {
    StorageError::Corrupt(format!("generator: {}", e.key))
}

/// Generates `count` organisations with their people and campaigns on the built-in Cap example,
/// printing progress to `progress`. Every account's password hash is `password_hash`.
pub async fn generate(
    db: &Db,
    count: usize,
    seed: u64,
    password_hash: &str,
    progress: &mut dyn Write,
) -> Result<Generated, StorageError> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut region_ids: Vec<RegionId> = regions::list(db).await?.into_iter().map(|r| r.region_id()).collect();
    if region_ids.is_empty() {
        for (i, name) in ["Auvergne-Rhône-Alpes", "Bretagne", "Hauts-de-France", "Occitanie"].iter().enumerate() {
            region_ids.push(regions::create(db, &format!("G{i}"), name).await?);
        }
    }
    let version = referentials::latest_version(db, "cap-exemple").await?.ok_or(StorageError::NotFound)?;
    let referential = referentials::load(db, version).await?;
    let levels: Vec<i64> = referential.scale.levels.iter().map(|l| l.value).collect();
    let existing = organisations::list(db, Default::default()).await?.len();
    let mut made = Generated::default();
    for i in 0..count {
        let n = existing + i;
        let org_type = OrganisationType::ALL[rng.random_range(0..OrganisationType::ALL.len())];
        let region = region_ids[rng.random_range(0..region_ids.len())];
        let org = organisations::create(db, &organisation_input(&mut rng, n, org_type, region)?).await?;
        made.organisations += 1;

        let people = rng.random_range(5..10);
        let mut participants = Vec::with_capacity(people);
        for k in 0..people {
            let college =
                if k == 0 { College::Direction } else { College::ALL[rng.random_range(0..College::ALL.len())] };
            let role = if k == 0 { Role::Coordinator } else { Role::Participant };
            let email = Email::parse(&format!("gen{n}.{k}@generated.cap")).map_err(corrupt)?;
            let display =
                format!("{} {}", FIRST_NAMES[rng.random_range(0..FIRST_NAMES.len())], (b'A' + (k as u8 % 26)) as char);
            let user = users::create(db, &email, &display, Some(password_hash)).await?;
            memberships::grant(
                db,
                user,
                Membership::new(role, Scope::Organisation(org), Some(college)).map_err(corrupt)?,
            )
            .await?;
            participants.push((user, college));
            made.users += 1;
        }

        let campaign_count = rng.random_range(1..=2);
        for c in 0..campaign_count {
            let title = format!("Auto-évaluation {}", 2025 + c);
            let new = NewCampaign {
                organisation: org,
                referential_version_id: version,
                title: &title,
                scope: &[],
                answering_from: None,
                consolidation_on: None,
                restitution_on: None,
                created_by: Some(participants[0].0),
            };
            let campaign = campaigns::create(db, &new).await?;
            made.campaigns += 1;
            let mut rows = Vec::new();
            // Each organisation has a true level per indicator; people see it with some noise.
            let indicators = campaign_indicators(&referential, &[], org_type);
            let truth: Vec<i64> = indicators.iter().map(|_| levels[rng.random_range(0..levels.len())]).collect();
            for (user, college) in &participants {
                let participant = campaigns::add_participant(db, campaign, *user, *college).await?;
                let diligence = rng.random_range(0.5..1.0);
                for (indicator, true_level) in indicators.iter().zip(&truth) {
                    if rng.random_bool(1.0 - diligence) {
                        continue;
                    }
                    let value = match indicator.answer {
                        AnswerType::Level => match rng.random_range(0..20) {
                            0 => AnswerValue::NotApplicable,
                            1 => AnswerValue::Unknown,
                            _ => {
                                let shift = rng.random_range(-1i64..=1);
                                AnswerValue::Level((true_level + shift).clamp(levels[0], levels[levels.len() - 1]))
                            }
                        },
                        AnswerType::YesNo => AnswerValue::YesNo(rng.random_bool(0.7)),
                        AnswerType::Number => {
                            let (min, max) = (indicator.min.unwrap_or(0), indicator.max.unwrap_or(100).min(500));
                            AnswerValue::Number(rng.random_range(min..=max.max(min)) as f64)
                        }
                        AnswerType::Text => AnswerValue::Text("Réponse d'essai générée.".into()),
                    };
                    let comment =
                        if rng.random_range(0..12) == 0 { "À discuter en équipe".to_owned() } else { String::new() };
                    rows.push((participant, indicator.code.clone(), Some(value), comment));
                }
            }
            made.answers += rows.len();
            campaigns::insert_answers(db, campaign, &rows).await?;
            let target = if c + 1 == campaign_count && rng.random_bool(0.5) {
                CampaignStatus::SelfAssessment
            } else {
                CampaignStatus::Consolidation
            };
            let mut status = CampaignStatus::Preparation;
            let mut v = 1;
            while status < target {
                status = campaigns::advance(db, campaign, status, v).await?;
                v += 1;
            }
            if status == CampaignStatus::Consolidation {
                // The shared answer is the organisation's true level; an earlier campaign also
                // gets a validated plan, followed up for a while.
                let shared: Vec<(String, Option<AnswerValue>)> = indicators
                    .iter()
                    .zip(&truth)
                    .filter_map(|(n, level)| match n.answer {
                        AnswerType::Level => Some((n.code.clone(), Some(AnswerValue::Level(*level)))),
                        AnswerType::YesNo => Some((n.code.clone(), Some(AnswerValue::YesNo(*level > 2)))),
                        _ => None,
                    })
                    .collect();
                let rows: Vec<campaigns::NewConsolidated> = shared
                    .iter()
                    .map(|(code, value)| campaigns::NewConsolidated::settled(code, value, Some(participants[0].0)))
                    .collect();
                campaigns::insert_consolidated(db, campaign, &rows).await?;
                if c + 1 < campaign_count {
                    made.plans +=
                        followed_plan(db, campaign, &referential, &indicators, &shared, participants[0].0, &mut rng)
                            .await?;
                }
            }
        }
        let _ =
            write!(progress, "\r[{:<30}] {}/{} organisations", "#".repeat((i + 1) * 30 / count.max(1)), i + 1, count);
        let _ = progress.flush();
    }
    let _ = writeln!(progress);
    Ok(made)
}

/// An invented organisation, the n-th generated one.
fn organisation_input(
    rng: &mut StdRng,
    n: usize,
    org_type: OrganisationType,
    region: RegionId,
) -> Result<OrganisationInput, StorageError> {
    let name =
        format!("{} {} {}", KINDS[rng.random_range(0..KINDS.len())], PLACES[rng.random_range(0..PLACES.len())], n + 1);
    Ok(OrganisationInput {
        name: OrganisationName::parse(&name).map_err(corrupt)?,
        org_type,
        siret: Some(generated_siret(n as u32)),
        region,
        group: None,
        address: format!("{} rue de l'Insertion", rng.random_range(1..200)),
        postal_code: format!("{:05}", rng.random_range(1000..95999)),
        city: CITIES[rng.random_range(0..CITIES.len())].to_owned(),
    })
}

/// A validated plan from the campaign's shared answers, its actions at various stages.
async fn followed_plan(
    db: &Db,
    campaign: i64,
    referential: &cap_domain::referential::Referential,
    covered: &[&cap_domain::referential::Node],
    shared: &[(String, Option<AnswerValue>)],
    coordinator: cap_domain::UserId,
    rng: &mut StdRng,
) -> Result<usize, StorageError> {
    use cap_domain::plan::{ActionStatus, PlanInputs, propose};
    use cap_domain::scoring::{Targets, compute};
    use cap_storage::plans::{self, NewAction};
    use std::collections::HashMap;
    let answers: HashMap<String, AnswerValue> =
        shared.iter().filter_map(|(code, v)| v.clone().map(|v| (code.clone(), v))).collect();
    let scores = compute(referential, covered, &answers, &Targets::default());
    let inputs = PlanInputs {
        referential,
        covered,
        answers: &answers,
        scores: &scores,
        targets: &Targets::default(),
        divergence: &HashMap::new(),
    };
    let start = jiff::civil::Date::new(2025, 9, 1).unwrap_or_default();
    let actions: Vec<NewAction> = propose(&inputs, start, 8).into_iter().take(15).map(NewAction::proposed).collect();
    let plan = plans::create(db, campaign, &start.to_string(), 8, &actions).await?;
    plans::validate(db, plan, coordinator, 1).await?;
    for action in plans::actions(db, plan).await? {
        let status = ActionStatus::ALL[rng.random_range(0..4)];
        let progress = if status == ActionStatus::Done { 100 } else { rng.random_range(0..90) };
        plans::set_status(db, plan, action.id, status, progress, action.version).await?;
    }
    Ok(1)
}

/// A valid, unique SIRET for the n-th generated organisation (demo ones start with 9, these with 8).
fn generated_siret(n: u32) -> Siret {
    let base = format!("8{:08}{:04}", n, n % 10_000);
    (0..10)
        .map(|d| format!("{base}{d}"))
        .find_map(|c| Siret::parse(&c).ok())
        .unwrap_or_else(|| crate::demo::demo_siret(n))
}

/// Regions drawn for the network's generated organisations, most often the first ones, so the
/// big regions show figures and the small ones hidden cells.
const NETWORK_REGION_WEIGHTS: [u32; 14] = [12, 6, 9, 4, 1, 6, 14, 12, 5, 8, 7, 7, 6, 3];

/// `cap generate --network`: adds `count` organisations without people, each with `campaigns`
/// campaigns whose shared answers, targets and plans are set directly (the first ones closed,
/// the last in consolidation) — the volume the network's figures are measured on. Deterministic.
pub async fn generate_network(
    db: &Db,
    count: usize,
    campaigns_each: usize,
    seed: u64,
    progress: &mut dyn Write,
) -> Result<Generated, StorageError> {
    use cap_storage::{offers, plans};
    let mut rng = StdRng::seed_from_u64(seed);
    let region_ids: Vec<RegionId> = regions::list(db).await?.into_iter().map(|r| r.region_id()).collect();
    if region_ids.is_empty() {
        return Err(StorageError::NotFound);
    }
    let weights: Vec<u32> =
        (0..region_ids.len()).map(|i| NETWORK_REGION_WEIGHTS.get(i).copied().unwrap_or(5)).collect();
    let total_weight: u32 = weights.iter().sum();
    let version = referentials::latest_version(db, "cap-exemple").await?.ok_or(StorageError::NotFound)?;
    let referential = referentials::load(db, version).await?;
    let levels: Vec<i64> = referential.scale.levels.iter().map(|l| l.value).collect();
    let mut offer_codes: Vec<String> = offers::codes(db).await?.into_iter().collect();
    offer_codes.sort();
    let existing = organisations::list(db, Default::default()).await?.len();
    let mut made = Generated::default();
    for i in 0..count {
        let n = existing + i;
        let org_type = OrganisationType::ALL[rng.random_range(0..OrganisationType::ALL.len())];
        let mut pick = rng.random_range(0..total_weight);
        let mut region = region_ids[0];
        for (r, w) in region_ids.iter().zip(&weights) {
            if pick < *w {
                region = *r;
                break;
            }
            pick -= w;
        }
        let org = organisations::create(db, &organisation_input(&mut rng, n, org_type, region)?).await?;
        made.organisations += 1;
        let covered = campaign_indicators(&referential, &[], org_type);
        // The organisation's level, which grows a little from one campaign to the next.
        let mut base = rng.random_range(0..levels.len().saturating_sub(1).max(1)) as i64;
        for c in 0..campaigns_each {
            let title = format!("Auto-évaluation {}", 2024 + c);
            let new = NewCampaign {
                organisation: org,
                referential_version_id: version,
                title: &title,
                scope: &[],
                answering_from: None,
                consolidation_on: None,
                restitution_on: None,
                created_by: None,
            };
            let campaign = campaigns::create(db, &new).await?;
            made.campaigns += 1;
            let mut status = CampaignStatus::Preparation;
            let mut v = 1;
            while status < CampaignStatus::Consolidation {
                status = campaigns::advance(db, campaign, status, v).await?;
                v += 1;
            }
            let shared: Vec<(String, Option<AnswerValue>)> = covered
                .iter()
                .filter_map(|node| {
                    let at = (base + rng.random_range(-1i64..=1)).clamp(0, levels.len() as i64 - 1) as usize;
                    match node.answer {
                        AnswerType::Level => Some((node.code.clone(), Some(AnswerValue::Level(levels[at])))),
                        AnswerType::YesNo => Some((node.code.clone(), Some(AnswerValue::YesNo(at >= 2)))),
                        _ => None,
                    }
                })
                .collect();
            let rows: Vec<campaigns::NewConsolidated> =
                shared.iter().map(|(code, value)| campaigns::NewConsolidated::settled(code, value, None)).collect();
            campaigns::insert_consolidated(db, campaign, &rows).await?;
            made.answers += rows.len();
            let mut targets: Vec<(String, Option<i64>)> = Vec::new();
            for (code, _) in shared.iter().step_by(6) {
                if rng.random_bool(0.6) {
                    targets.push((code.clone(), Some(levels[rng.random_range(1..levels.len())])));
                }
            }
            plans::set_targets(db, campaign, &targets).await?;
            let weak: Vec<plans::NewAction> = shared
                .iter()
                .filter(|(_, v)| matches!(v, Some(AnswerValue::Level(l)) if *l <= levels[1]))
                .take(5)
                .map(|(code, _)| plans::NewAction {
                    title: format!("Progresser sur {code}"),
                    indicators: vec![code.clone()],
                    offer_code: (!offer_codes.is_empty() && rng.random_bool(0.4))
                        .then(|| offer_codes[rng.random_range(0..offer_codes.len())].clone()),
                    ..plans::NewAction::default()
                })
                .collect();
            if !weak.is_empty() {
                plans::create(db, campaign, "2025-09-01", 6, &weak).await?;
                made.plans += 1;
            }
            if c + 1 < campaigns_each {
                while status < CampaignStatus::Closed {
                    status = campaigns::advance(db, campaign, status, v).await?;
                    v += 1;
                }
            }
            base = (base + i64::from(rng.random_bool(0.5))).min(levels.len() as i64 - 1);
        }
        if count >= 30 && (i + 1) % (count / 30).max(1) == 0 || i + 1 == count {
            let _ = write!(
                progress,
                "\r[{:<30}] {}/{} organisations",
                "#".repeat((i + 1) * 30 / count.max(1)),
                i + 1,
                count
            );
            let _ = progress.flush();
        }
    }
    let _ = writeln!(progress);
    Ok(made)
}

/// What `cap generate --practices` wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct GeneratedPractices {
    /// Practices.
    pub practices: usize,
    /// Of which published.
    pub published: usize,
    /// Attachments.
    pub files: usize,
}

const PRACTICE_TOPICS: [&str; 10] = [
    "L'accueil en trois temps",
    "Le binôme de la première semaine",
    "Le point sécurité du lundi",
    "Le conseil d'administration ouvert",
    "La revue annuelle du plan de progrès",
    "Le livret des compétences",
    "Les immersions chez nos clients",
    "Le tableau de bord mensuel",
    "La réunion d'équipe du vendredi",
    "Le regard croisé entre pairs",
];

const PRACTICE_SENTENCES: [&str; 8] = [
    "Nous avons commencé il y a deux ans, avec une équipe de cinq personnes.",
    "Chaque salarié en parcours est associé dès la première semaine.",
    "L'encadrant technique prépare un support simple, affiché dans l'atelier.",
    "Nous faisons le point tous les mois avec la chargée d'accompagnement.",
    "Les résultats sont présentés au conseil d'administration chaque trimestre.",
    "Le plus difficile a été de tenir le rythme pendant l'été.",
    "Les partenaires du territoire nous ont aidés à trouver les premiers clients.",
    "Nous partageons volontiers nos modèles : écrivez-nous.",
];

/// `cap generate --practices`: adds `count` good practices shared by existing organisations on
/// the Cap example's indicators, most of them published, some waiting or refused, one in ten
/// with a small spreadsheet attached — the volume the practices' pages are measured on.
/// Deterministic for a seed.
pub async fn generate_practices(
    db: &Db,
    count: usize,
    seed: u64,
    progress: &mut dyn Write,
) -> Result<GeneratedPractices, StorageError> {
    use cap_domain::practice::{PracticeInput, PracticeKind, PracticeStatus};
    use cap_storage::practices::{self, NewFile};
    let mut rng = StdRng::seed_from_u64(seed.wrapping_add(0x5EED));
    let organisations = organisations::list(db, Default::default()).await?;
    let author = users::list(db).await?.first().map(|u| u.user_id()).ok_or(StorageError::NotFound)?;
    if organisations.is_empty() {
        return Err(StorageError::NotFound);
    }
    let version = referentials::latest_version(db, "cap-exemple").await?.ok_or(StorageError::NotFound)?;
    let referential = referentials::load(db, version).await?;
    let indicators: Vec<String> = referential.indicators().map(|n| n.code.clone()).collect();
    let grid: String = (0..40).map(|i| format!("Étape {i};Responsable {i};Échéance {i}\n")).collect();
    let mut made = GeneratedPractices::default();
    for i in 0..count {
        let org = &organisations[rng.random_range(0..organisations.len())];
        let how_many = rng.random_range(1..=3);
        let codes: Vec<String> =
            (0..how_many).map(|_| indicators[rng.random_range(0..indicators.len())].clone()).collect();
        let body: Vec<&str> = (0..rng.random_range(3..=8))
            .map(|_| PRACTICE_SENTENCES[rng.random_range(0..PRACTICE_SENTENCES.len())])
            .collect();
        let input = PracticeInput {
            kind: PracticeKind::ALL[rng.random_range(0..PracticeKind::ALL.len())],
            title: format!("{} ({})", PRACTICE_TOPICS[i % PRACTICE_TOPICS.len()], i + 1),
            body: body.join(" "),
            indicators: codes
                .iter()
                .enumerate()
                .filter(|(k, c)| !codes[..*k].contains(c))
                .map(|(_, c)| c.clone())
                .collect(),
        };
        let files = if i % 10 == 0 {
            vec![NewFile { name: "modele.csv", media_type: "text/csv; charset=utf-8", content: grid.as_bytes() }]
        } else {
            Vec::new()
        };
        made.files += files.len();
        let id = practices::add(db, cap_domain::OrganisationId(org.id), author, "cap-exemple", &input, &files).await?;
        let roll = rng.random_range(0..100);
        if roll < 85 {
            practices::moderate(db, id, PracticeStatus::Published, "", author, 1).await?;
            made.published += 1;
        } else if roll < 90 {
            practices::moderate(db, id, PracticeStatus::Rejected, "Des noms de salariés apparaissent.", author, 1)
                .await?;
        }
        made.practices += 1;
        if (i + 1) % 1000 == 0 {
            let _ = writeln!(progress, "{} pratiques / practices", i + 1);
        }
    }
    Ok(made)
}
