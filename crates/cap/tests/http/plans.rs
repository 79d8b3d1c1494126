//! From a consolidated campaign to a followed plan: the photographie, targets, the proposed plan,
//! editing it, validating it, the board, reminders that leave once, and the checkpoint.

use crate::support::*;
use cap_domain::OrganisationType;
use cap_domain::campaign::{AnswerValue, CampaignStatus, campaign_indicators};
use cap_domain::plan::ActionStatus;
use cap_storage::campaigns::{self, NewConsolidated};
use cap_storage::{Db, plans, referentials};
use jiff::civil::Date;

/// Moves seeded campaign A to consolidation and records a shared answer for every level
/// indicator: `level(i)` for the i-th.
pub(crate) async fn consolidated_campaign(db: &Db, campaign: i64, level: impl Fn(usize) -> i64) -> Vec<String> {
    let c = campaigns::get(db, campaign).await.unwrap();
    campaigns::advance(db, campaign, c.status, c.version).await.unwrap();
    let r = referentials::load(db, c.referential_version_id).await.unwrap();
    let covered = campaign_indicators(&r, &c.scope, OrganisationType::Ei);
    let mut codes = Vec::new();
    for node in covered.iter().filter(|n| n.answer == cap_domain::referential::AnswerType::Level) {
        let value = Some(AnswerValue::Level(level(codes.len())));
        campaigns::save_consolidated(db, campaign, &NewConsolidated::settled(&node.code, &value, None), 0)
            .await
            .unwrap();
        codes.push(node.code.clone());
    }
    codes
}

/// The text of a PDF, read with poppler's `pdftotext` as a person's viewer would, whitespace folded.
pub(crate) fn pdf_text(bytes: &[u8]) -> String {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("cap-http-{}-{n}.pdf", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", path.to_str().unwrap(), "-"])
        .output()
        .unwrap_or_else(|e| panic!("pdftotext reads the PDFs back ({e}): apt-get install poppler-utils"));
    std::fs::remove_file(&path).unwrap();
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn from_consolidation_to_a_followed_plan(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let codes = consolidated_campaign(&app.db, id, |i| [1, 2, 3, 4][i % 4]).await;
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let base = format!("/campaigns/{id}");

    // The photographie: charts with their tables, heat map, strengths and weaknesses.
    let (status, page) = text(&coordinator, app.url(&format!("{base}/results"))).await;
    assert_eq!(status, 200);
    assert!(page.contains("role=\"img\"") && page.contains("<svg"), "charts drawn on the server");
    assert!(page.contains("Scores par thème") && page.contains("Points forts") && page.contains("Points à travailler"));
    assert!(page.contains("heat--far") && page.contains("loin de l&#39;exigence"), "states said in words");
    assert!(!page.contains("style="), "no inline style under the CSP");
    let participant = app.signed_in(PARTICIPANT_A).await;
    assert_eq!(text(&participant, app.url(&format!("{base}/results"))).await.0, 200, "participants see it too");
    assert_eq!(text(&participant, app.url(&format!("{base}/targets"))).await.0, 404, "but do not set targets");

    // Targets: a lower target on the first indicator removes its gap.
    let refused = coordinator
        .post(app.url(&format!("{base}/targets")))
        .form(&[(format!("target.{}", codes[0]), "9".to_owned())])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422, "a level off the scale is refused");
    assert!(plans::targets(&app.db, id).await.unwrap().is_empty(), "nothing written");
    let saved = coordinator
        .post(app.url(&format!("{base}/targets")))
        .form(&[(format!("target.{}", codes[0]), "1".to_owned())])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);
    assert_eq!(plans::targets(&app.db, id).await.unwrap()[&codes[0]], 1);
    // The photographie is cached while its data is unchanged: the lower target shows at once.
    let overall_target = |page: &str| {
        let from = page.find("exigence global</dt><dd class=\"figure\">").expect("overall target") + 39;
        page[from..].split("</dd>").next().unwrap_or_default().to_owned()
    };
    let (_, after) = text(&coordinator, app.url(&format!("{base}/results"))).await;
    assert_ne!(overall_target(&page), overall_target(&after), "the new target is taken into account");
    let (_, again) = text(&coordinator, app.url(&format!("{base}/results"))).await;
    assert_eq!(overall_target(&after), overall_target(&again));

    // The proposed plan: one action per indicator below target (levels 1 and 2 against a
    // recommended 3, except the first now targeted at 1).
    let (_, empty) = text(&coordinator, app.url(&format!("{base}/plan"))).await;
    // The expected count, from the referential's own recommendations and the target just set.
    let r =
        referentials::load(&app.db, campaigns::get(&app.db, id).await.unwrap().referential_version_id).await.unwrap();
    let targets = cap_domain::scoring::Targets(plans::targets(&app.db, id).await.unwrap());
    let below = codes
        .iter()
        .enumerate()
        .filter(|(i, code)| {
            let node = r.node(code).unwrap();
            cap_domain::plan::gap(&r, &targets, node, Some(&AnswerValue::Level([1, 2, 3, 4][i % 4]))).is_some()
        })
        .count();
    assert!(below >= 4, "enough gaps to merge and discard");
    let gaps = if below == 1 {
        format!("{below} indicateur est en dessous")
    } else {
        format!("{below} indicateurs sont en dessous")
    };
    assert!(empty.contains(&gaps), "the gaps are counted first");
    let generated = coordinator
        .post(app.url(&format!("{base}/plan")))
        .form(&[("starts_on", "2027-01-15"), ("horizon", "6")])
        .send()
        .await
        .unwrap();
    assert_eq!(generated.status(), 303);
    let plan = plans::plan_of(&app.db, id).await.unwrap().expect("a plan");
    let actions = plans::actions(&app.db, plan.id).await.unwrap();
    assert_eq!(actions.len(), below);
    assert!(actions.iter().all(|a| a.proposed && !a.reasons.is_empty()));
    assert!(actions.iter().all(|a| a.due_on.as_deref().is_some_and(|d| ("2027-01-15".."2027-07-16").contains(&d))));
    let (_, listed) = text(&coordinator, app.url(&format!("{base}/plan"))).await;
    assert!(listed.contains(" sous l&#39;exigence (niveau "), "the reasons are shown");
    let again = coordinator.post(app.url(&format!("{base}/plan"))).form(&[("horizon", "6")]).send().await.unwrap();
    assert_eq!(again.status(), 303);
    assert_eq!(plans::actions(&app.db, plan.id).await.unwrap().len(), below, "one plan per campaign");

    // Merge two proposals, discard one, accept the rest by validating.
    let pick = |ids: &[i64], op: &str| {
        let mut form: Vec<(String, String)> = ids.iter().map(|i| ("action".to_owned(), i.to_string())).collect();
        form.push(("op".into(), op.into()));
        form
    };
    let merged = coordinator
        .post(app.url(&format!("{base}/plan/selection")))
        .form(&pick(&[actions[0].id, actions[1].id], "merge"))
        .send()
        .await
        .unwrap();
    assert_eq!(merged.status(), 303);
    coordinator
        .post(app.url(&format!("{base}/plan/selection")))
        .form(&pick(&[actions[2].id], "discard"))
        .send()
        .await
        .unwrap();
    let after = plans::actions(&app.db, plan.id).await.unwrap();
    assert_eq!(after.len(), below - 2);
    let kept = after.iter().find(|a| a.id == actions[0].id).unwrap();
    assert_eq!(kept.indicators.len(), 2, "the merged action covers both indicators");

    // Edit: bad input keeps what was typed; a stale edit shows the other version.
    let coordinator_id = cap_storage::users::find_by_email(&app.db, &cap_domain::Email::parse(COORDINATOR_A).unwrap())
        .await
        .unwrap()
        .unwrap()
        .user_id();
    let action_url = app.url(&format!("{base}/plan/actions/{}", kept.id));
    let form = |title: &str, start: &str, due: &str, status: &str, progress: &str, version: i64| {
        vec![
            ("title", title.to_owned()),
            ("description", "Réunir l'équipe".to_owned()),
            ("indicators", kept.indicators.join(", ")),
            ("responsible", coordinator_id.0.to_string()),
            ("contributors", "Sam, Alex".to_owned()),
            ("starts_on", start.to_owned()),
            ("due_on", due.to_owned()),
            ("status", status.to_owned()),
            ("progress", progress.to_owned()),
            ("notes", String::new()),
            ("offer", String::new()),
            ("version", version.to_string()),
        ]
    };
    let bad = coordinator
        .post(&action_url)
        .form(&form("Former l'équipe à l'accueil", "2027-03-01", "2027-02-01", "in_progress", "20", kept.version))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let bad = bad.text().await.unwrap();
    assert!(bad.contains("Indiquez une date d&#39;échéance postérieure au début de l&#39;action"), "{bad}");
    assert!(bad.contains("value=\"Former l&#39;équipe à l&#39;accueil\""), "the title typed is kept");
    let due_soon = "2027-02-10";
    let ok = coordinator
        .post(&action_url)
        .form(&form("Former l'équipe à l'accueil", "2027-01-15", due_soon, "in_progress", "20", kept.version))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 303);
    let stale = coordinator
        .post(&action_url)
        .form(&form("Autre titre", "2027-01-15", due_soon, "todo", "0", kept.version))
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 409);
    let stale = stale.text().await.unwrap();
    assert!(stale.contains("Quelqu&#39;un a modifié cette action") && stale.contains("value=\"Autre titre\""));
    let stored = plans::action_of(&app.db, plan.id, kept.id).await.unwrap();
    assert_eq!((stored.title.as_str(), stored.progress), ("Former l'équipe à l'accueil", 20), "nothing overwritten");

    // Validate: proposals become actions, the campaign moves to « plan validé ».
    let validated = coordinator
        .post(app.url(&format!("{base}/plan/validate")))
        .form(&[("version", plan.version.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(validated.status(), 303);
    assert!(plans::actions(&app.db, plan.id).await.unwrap().iter().all(|a| !a.proposed));
    assert_eq!(campaigns::get(&app.db, id).await.unwrap().status, CampaignStatus::PlanValidated);
    // An action added by hand is written whole, at once.
    let added = coordinator
        .post(app.url(&format!("{base}/plan/actions/new")))
        .form(&form("Accueillir en binôme", "2027-03-01", "2027-06-30", "in_progress", "30", 0))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 303);
    let new_action = plans::actions(&app.db, plan.id)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.title == "Accueillir en binôme")
        .unwrap();
    assert_eq!(
        (
            new_action.responsible_user_id,
            new_action.status,
            new_action.progress,
            new_action.contributors.as_str(),
            new_action.proposed
        ),
        (Some(coordinator_id.0), ActionStatus::InProgress, 30, "Sam, Alex", false)
    );
    // The plan's horizon and objectives; a stale form changes nothing.
    let settings = |version: i64, one_year: &str| {
        coordinator
            .post(app.url(&format!("{base}/plan/settings")))
            .form(&[
                ("starts_on", "2027-01-15".to_owned()),
                ("horizon", "8".to_owned()),
                ("objective_one_year", one_year.to_owned()),
                ("objective_three_years", "Employeur de référence".to_owned()),
                ("version", version.to_string()),
            ])
            .send()
    };
    let current = plans::plan_of(&app.db, id).await.unwrap().unwrap();
    assert_eq!(settings(current.version, "Former toute l'équipe").await.unwrap().status(), 303);
    settings(current.version, "Autre objectif").await.unwrap();
    let updated = plans::plan_of(&app.db, id).await.unwrap().unwrap();
    assert_eq!(
        (updated.horizon_months, updated.objective_one_year.as_str()),
        (8, "Former toute l'équipe"),
        "stale: unchanged"
    );
    let (_, list) = text(&coordinator, app.url(&format!("{base}/plan"))).await;
    assert!(list.contains("chart--schedule") && list.contains("Calendrier des actions"), "the schedule is drawn");

    // Spreadsheets: the plan as CSV for French Excel, the whole campaign as XLSX.
    let csv = coordinator.get(app.url(&format!("{base}/export/plan-de-progres.csv"))).send().await.unwrap();
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-disposition"].to_str().unwrap().contains("attachment"));
    let csv = csv.text().await.unwrap();
    assert!(csv.starts_with('\u{feff}'), "byte-order mark for Excel");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[0].starts_with("N°;Titre;Description;Indicateurs liés"), "{}", lines[0]);
    assert!(lines.iter().any(|l| l.contains("Former l'équipe à l'accueil") && l.contains(";En cours;20;")));
    let results = coordinator.get(app.url(&format!("{base}/export/resultats.csv"))).send().await.unwrap();
    assert!(results.text().await.unwrap().contains(&format!("{};Indicateur;", codes[1])));
    let xlsx = coordinator.get(app.url(&format!("{base}/export/campagne.xlsx"))).send().await.unwrap();
    assert_eq!(xlsx.status(), 200);
    let bytes = xlsx.bytes().await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX is a zip");
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut text).unwrap();
        text
    };
    let book = read("xl/workbook.xml");
    assert!(book.contains("Réponses individuelles") && book.contains("Résultats") && book.contains("Plan de progrès"));
    assert!(book.contains("Certification"), "the readiness sheet");
    let readiness = read("xl/worksheets/sheet4.xml");
    assert!(readiness.contains("<row r=\"2\""), "one row per requirement and indicator");
    let plan_sheet = read("xl/worksheets/sheet3.xml");
    assert!(plan_sheet.contains("<dataValidation") && plan_sheet.contains("À faire,En cours,Bloquée,Faite,Abandonnée"));
    assert!(read("xl/sharedStrings.xml").contains("Former l"));
    assert_eq!(text(&participant, app.url(&format!("{base}/export/campagne.xlsx"))).await.0, 404, "coordinators only");
    assert_eq!(text(&coordinator, app.url(&format!("{base}/export/autre.pdf"))).await.0, 404);

    // The PDF report and its two-page summary, in French, read back as text.
    for (file, own) in [
        ("rapport.pdf", ["Détail par thème", "Former l'équipe à l'accueil"]),
        ("synthese.pdf", ["Chiffres clés", "Les actions prioritaires"]),
    ] {
        let pdf = coordinator.get(app.url(&format!("{base}/export/{file}"))).send().await.unwrap();
        assert_eq!(pdf.status(), 200, "{file}");
        assert_eq!(pdf.headers()["content-type"], "application/pdf");
        let bytes = pdf.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{file}");
        let content = pdf_text(&bytes);
        for expected in ["Structure A", "Campagne A", "Le plan de progrès"].into_iter().chain(own) {
            assert!(content.contains(expected), "{expected:?} missing from {file}:\n{content}");
        }
        assert_eq!(text(&participant, app.url(&format!("{base}/export/{file}"))).await.0, 200, "readers of results");
    }
    for file in ["campagne.xlsx", "reponses.csv"] {
        assert_eq!(text(&participant, app.url(&format!("{base}/export/{file}"))).await.0, 404, "coordinators only");
    }

    // The board: move an action to « faite ».
    let other = plans::actions(&app.db, plan.id).await.unwrap().into_iter().find(|a| a.id != kept.id).unwrap();
    let moved = coordinator
        .post(app.url(&format!("{base}/plan/actions/{}/status", other.id)))
        .form(&[("status", "done"), ("version", &other.version.to_string()), ("view", "board")])
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), 303);
    let done = plans::action_of(&app.db, plan.id, other.id).await.unwrap();
    assert_eq!((done.status, done.progress), (ActionStatus::Done, 100));
    let (_, board) = text(&coordinator, app.url(&format!("{base}/plan?view=board"))).await;
    assert!(board.contains("id=\"col-done\"") && board.contains(&format!("id=\"action-{}\"", other.id)));
    assert!(!plans::completion_history(&app.db, plan.id).await.unwrap().is_empty(), "completion is recorded");

    // Reminders: a week before the due date, once, even when two instances run.
    let today = Date::new(2027, 2, 5).unwrap();
    let before = app.mails().len();
    let first = cap_app::jobs::run_reminders(app.state(), "instance-a", today).await.unwrap();
    assert!(first.ran);
    assert_eq!(first.reminders, 1, "the action due on {due_soon}");
    assert_eq!(first.digests, 1, "the coordinator's monthly digest");
    let second = cap_app::jobs::run_reminders(app.state(), "instance-b", today).await.unwrap();
    assert_eq!((second.reminders, second.digests), (0, 0), "nothing twice");
    let mails = app.mails();
    assert_eq!(mails.len(), before + 2);
    assert!(mails.iter().any(|m| m.contains("Former l'=C3=A9quipe") || m.contains("Former l'équipe")));
    assert!(mails.iter().any(|m| m.contains(COORDINATOR_A)));

    // The checkpoint re-rates the targeted indicators only.
    let (_, checkpoint) = text(&coordinator, app.url(&format!("{base}/checkpoint"))).await;
    assert!(checkpoint.contains(&format!("name=\"level.{}\"", kept.indicators[0])));
    assert!(!checkpoint.contains(&format!("name=\"level.{}\"", codes[0])), "an indicator no action targets");
    let rerated = coordinator
        .post(app.url(&format!("{base}/checkpoint")))
        .form(&[
            ("held_on", "2027-04-15".to_owned()),
            (format!("level.{}", kept.indicators[0]).as_str(), "4".to_owned()),
            ("note", "Mi-parcours".to_owned()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(rerated.status(), 303);
    let (_, checkpoint) = text(&coordinator, app.url(&format!("{base}/checkpoint"))).await;
    assert!(checkpoint.contains("+3 niveaux") || checkpoint.contains("+2 niveaux"), "the change is shown");

    // The plan edited in a spreadsheet comes back: checked whole, then written at once, or not at all.
    use cap_reports::xlsx::{Cell, Sheet, read_workbook, workbook};
    let downloaded =
        coordinator.get(app.url(&format!("{base}/export/campagne.xlsx"))).send().await.unwrap().bytes().await.unwrap();
    let sheets = read_workbook(&downloaded).unwrap();
    let plan_sheet = sheets.iter().find(|s| s.name == "Plan de progrès").expect("the plan's sheet");
    let headers: Vec<String> = plan_sheet.rows[0]
        .iter()
        .map(|c| match c {
            Cell::Text(t) => t.clone(),
            _ => String::new(),
        })
        .collect();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name}"));
    let kept_row = plan_sheet.rows.iter().position(|r| r[0] == Cell::Number(kept.id as f64)).unwrap();
    let upload = |rows: Vec<Vec<Cell>>| {
        let bytes =
            workbook(&[Sheet { name: "Plan de progrès".into(), headers: headers.clone(), rows, choices: vec![] }])
                .unwrap();
        let part = reqwest::multipart::Part::bytes(bytes).file_name("plan.xlsx");
        coordinator
            .post(app.url(&format!("{base}/plan/import")))
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
    };
    let mut bad = plan_sheet.rows[1..].to_vec();
    bad[kept_row - 1][column("Statut")] = Cell::Text("Perdue".into());
    bad[kept_row - 1][column("Notes de suivi")] = Cell::Text("Bien avancé".into());
    let mut unknown = bad[0].clone();
    unknown[0] = Cell::Number(99_999.0);
    bad.push(unknown);
    let refused = upload(bad).await.unwrap();
    assert_eq!(refused.status(), 422);
    let report = refused.text().await.unwrap();
    assert!(
        report.contains("Choisissez un statut proposé")
            && report.contains("L&#39;action n° 99999 n&#39;est pas dans ce plan")
    );
    assert!(report.contains("Rien n&#39;a été modifié"));
    assert_eq!(plans::action_of(&app.db, plan.id, kept.id).await.unwrap().notes, "", "nothing written");
    let mut good = plan_sheet.rows[1..].to_vec();
    good[kept_row - 1][column("Statut")] = Cell::Text("Faite".into());
    good[kept_row - 1][column("Notes de suivi")] = Cell::Text("Bien avancé".into());
    good[kept_row - 1][column("Échéance")] = Cell::Number(46_798.0); // 2028-02-15 as a spreadsheet date
    let imported = upload(good.clone()).await.unwrap();
    let status = imported.status();
    assert_eq!(status, 303, "{}", imported.text().await.unwrap_or_default());
    let now = plans::action_of(&app.db, plan.id, kept.id).await.unwrap();
    assert_eq!((now.status, now.progress, now.notes.as_str()), (ActionStatus::Done, 100, "Bien avancé"));
    assert_eq!(now.due_on.as_deref(), Some("2028-02-15"), "a date typed in the spreadsheet");
    good[kept_row - 1][column("Notes de suivi")] = Cell::Text("Une autre note".into());
    let stale = upload(good).await.unwrap();
    assert_eq!(stale.status(), 422, "the file's version is older than the action's");
    assert!(stale.text().await.unwrap().contains(&format!("L&#39;action n° {} a été modifiée dans Cap", kept.id)));

    // Another organisation sees none of it.
    let b = app.signed_in(COORDINATOR_B).await;
    for path in [
        "results",
        "plan",
        "checkpoint",
        "targets",
        "export/plan-de-progres.csv",
        "export/campagne.xlsx",
        "export/rapport.pdf",
        "export/synthese.pdf",
    ] {
        assert_eq!(text(&b, app.url(&format!("{base}/{path}"))).await.0, 404, "{path}");
    }
}

/// A second campaign is compared with the first, also across referential versions.
async fn the_photographie_compares_with_the_previous_campaign(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let first = seeds.campaign_a;
    consolidated_campaign(&app.db, first, |_| 1).await;
    let c = campaigns::get(&app.db, first).await.unwrap();
    let new = campaigns::NewCampaign {
        organisation: cap_domain::OrganisationId(seeds.org_a),
        referential_version_id: c.referential_version_id,
        title: "Campagne 2027",
        scope: &[],
        answering_from: None,
        consolidation_on: None,
        restitution_on: None,
        created_by: None,
    };
    // A campaign still in consolidation runs at the same time: no comparison with it.
    let running = campaigns::create(&app.db, &new).await.unwrap();
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let (_, page) = text(&coordinator, app.url(&format!("/campaigns/{running}/results"))).await;
    assert!(!page.contains("Évolution depuis"), "no comparison with a campaign whose results do not exist yet");
    campaigns::advance_to(&app.db, first, CampaignStatus::Review).await.unwrap();

    // Consolidated before the second starts: compared with it.
    let second = campaigns::create(&app.db, &campaigns::NewCampaign { title: "Campagne 2028", ..new }).await.unwrap();
    campaigns::advance(&app.db, second, CampaignStatus::Preparation, 1).await.unwrap();
    consolidated_campaign(&app.db, second, |_| 3).await;
    let (status, page) = text(&coordinator, app.url(&format!("/campaigns/{second}/results"))).await;
    assert_eq!(status, 200);
    assert!(page.contains("Évolution depuis « Campagne A »"), "compared with the earlier campaign");
    assert!(page.contains("25\u{202f}% → 75\u{202f}% (+50\u{202f}%)"), "indicator by indicator");
    assert!(page.contains("stroke-dasharray"), "the previous campaign drawn dashed");
    assert!(!page.contains("name=\"compare\""), "no choice to make with one earlier campaign");
}

/// The campaign's tiers plans the accompaniment day a month ahead, then concludes it once held:
/// the decision with named offers of the member's region and the nation's, the plan's horizon and
/// its checkpoint; the coordinators get the decision by e-mail; a stale save is refused; a
/// delegate of the region the member did not invite has no part in it.
async fn the_accompaniment_day_is_recorded(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let path = app.url(&format!("/campaigns/{id}/accompaniment"));
    assert_eq!(text(&app.signed_in(DELEGATE_A).await, path.clone()).await.0, 404, "not invited as tiers");
    let tiers = app.signed_in(TIERS_A).await;
    let (status, page) = text(&tiers, path.clone()).await;
    assert_eq!(status, 200);
    assert!(page.contains("Préparer la journée") && page.contains("Conclure la journée"));
    let today = cap_app::i18n::paris_today();
    let in_days = |d: i64| today.checked_add(jiff::Span::new().days(d)).unwrap().to_string();

    // Planned a month ahead: a date is enough.
    let ahead = in_days(30);
    let planned = tiers
        .post(&path)
        .form(&[("held_on", ahead.as_str()), ("place", "Salle du conseil"), ("stage", "plan"), ("version", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(planned.status(), 303, "a day is planned ahead");
    let day = cap_storage::accompaniment::day_of(&app.db, id).await.unwrap().unwrap();
    assert!(!day.concluded() && day.place == "Salle du conseil" && day.held_on == ahead);
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let campaign_page = text(&coordinator, app.url(&format!("/campaigns/{id}"))).await.1;
    assert!(campaign_page.contains("Journée d&#39;accompagnement prévue le"), "the member sees the day coming");

    // Concluding a day still to come is refused, keeping what was typed.
    let national = cap_storage::offers::list(&app.db).await.unwrap();
    let offer = national.iter().find(|o| o.offer.region.is_none()).unwrap().offer.clone();
    let refused = tiers
        .post(&path)
        .form(&[
            ("held_on", ahead.as_str()),
            ("attendees", "Sophie, Karim"),
            ("conclusions", "À poursuivre"),
            ("decision", "further"),
            ("horizon_on", &in_days(240)),
            ("checkpoint_on", &in_days(120)),
            ("stage", "conclude"),
            ("version", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains("pas encore eu lieu") && refused.contains("Sophie, Karim"), "typed values kept");
    assert!(refused.contains("Cochez au moins une offre"), "a further accompaniment names its offers");

    // Held yesterday, concluded: the decision with its offer by name, by e-mail to the coordinator.
    let held = in_days(-1);
    let saved = tiers
        .post(&path)
        .form(&[
            ("held_on", held.as_str()),
            ("place", "Salle du conseil"),
            ("attendees", "Sophie, Karim"),
            ("conclusions", "À poursuivre"),
            ("decision", "further"),
            ("offer", offer.code.as_str()),
            ("horizon_on", &in_days(212)),
            ("checkpoint_on", &in_days(105)),
            ("stage", "conclude"),
            ("version", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);
    let day = cap_storage::accompaniment::day_of(&app.db, id).await.unwrap().unwrap();
    assert_eq!(
        (day.offers.clone(), day.version, day.horizon_on.clone()),
        (vec![offer.code.clone()], 2, Some(in_days(212)))
    );
    let mail = app.mails().into_iter().rev().find(|m| m.contains(COORDINATOR_A)).expect("the coordinator is told");
    assert!(mail.contains("Un accompagnement complémentaire est convenu") && mail.contains(&offer.title), "{mail}");
    let campaign_page = text(&coordinator, app.url(&format!("/campaigns/{id}"))).await.1;
    assert!(campaign_page.contains(&offer.title.replace('\'', "&#39;")), "the decision's offers by name");
    let home = text(&coordinator, app.url("/")).await.1;
    assert!(
        home.contains("Un accompagnement complémentaire est convenu")
            && home.contains(&offer.title.replace('\'', "&#39;")),
        "the member's home shows the decision"
    );

    let stale = coordinator
        .post(&path)
        .form(&[("held_on", held.as_str()), ("stage", "plan"), ("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 409, "saved meanwhile: refused");
    assert!(stale.text().await.unwrap().contains("Quelqu&#39;un a enregistré la journée"));
    assert_eq!(cap_storage::accompaniment::day_of(&app.db, id).await.unwrap().unwrap().conclusions, "À poursuivre");
    // The summary for the board carries the day, even before any answer is shared.
    let summary = coordinator.get(app.url(&format!("/campaigns/{id}/export/synthese.pdf"))).send().await.unwrap();
    assert_eq!(summary.status(), 200);
    let content = pdf_text(&summary.bytes().await.unwrap());
    let held_fr = cap_app::i18n::Tr::new(cap_app::i18n::Locale::Fr).date(&held);
    for expected in [held_fr.as_str(), "Un accompagnement complémentaire est convenu", "À poursuivre"] {
        assert!(content.contains(expected), "{expected:?} missing from:\n{content}");
    }
    let participant = app.signed_in(PARTICIPANT_A).await;
    assert_eq!(text(&participant, path.clone()).await.0, 404);
    assert_eq!(text(&app.signed_in(DELEGATE_B).await, path).await.0, 404, "another region's delegate");
}

/// The tiers works the plan with the member: she suggests two actions and an amendment; the
/// coordinator accepts one action (it appears in the plan, saying where it came from), declines
/// the other with a word, and accepts the amendment, which changes the action's deadline and
/// notes. A pair, and a delegate the member did not invite, cannot suggest.
async fn the_tiers_suggests_and_the_coordinator_decides(app: &TestApp) {
    let seeds = seed(&app.db).await;
    let id = seeds.campaign_a;
    let plan = plans::create(&app.db, id, "2027-01-15", 6, &[]).await.unwrap();
    let kept = plans::add_action(
        &app.db,
        plan,
        &plans::NewAction { title: "Former l'équipe".into(), ..plans::NewAction::default() },
    )
    .await
    .unwrap();
    let base = app.url(&format!("/campaigns/{id}/plan/suggestions"));
    for email in [PAIR_A, DELEGATE_A, PARTICIPANT_A] {
        let client = app.signed_in(email).await;
        assert_eq!(text(&client, base.clone()).await.0, 404, "{email} has no part in the suggestions");
        let r = client.post(&base).form(&[("kind", "action"), ("title", "Essai")]).send().await.unwrap();
        assert_eq!(r.status(), 404, "{email} cannot suggest");
    }
    let tiers = app.signed_in(TIERS_A).await;
    let refused = tiers.post(&base).form(&[("kind", "amendment"), ("why", "Plus tôt")]).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains("Choisissez l&#39;action à modifier") && refused.contains("Plus tôt"), "typed text kept");
    for title in ["Écrire le projet associatif", "Un comité de suivi mensuel"] {
        let r = tiers
            .post(&base)
            .form(&[("kind", "action"), ("title", title), ("why", "Vu en relecture")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "{title}");
    }
    let kept_id = kept.to_string();
    let r = tiers
        .post(&base)
        .form(&[
            ("kind", "amendment"),
            ("action", kept_id.as_str()),
            ("due_on", "30/06/2027"),
            ("owner_role", "L'encadrant technique"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let suggested = cap_storage::suggestions::of_campaign(&app.db, id).await.unwrap();
    assert_eq!(suggested.len(), 3);

    let coordinator = app.signed_in(COORDINATOR_A).await;
    let plan_page = text(&coordinator, app.url(&format!("/campaigns/{id}/plan"))).await.1;
    assert!(plan_page.contains("/plan/suggestions") && plan_page.contains("Propositions du tiers (3 en attente)"));
    let decide = |s: i64| app.url(&format!("/campaigns/{id}/plan/suggestions/{s}/decide"));
    let r = coordinator.post(decide(suggested[0].id)).form(&[("decision", "accept")]).send().await.unwrap();
    assert_eq!(r.status(), 303);
    let r = coordinator
        .post(decide(suggested[1].id))
        .form(&[("decision", "decline"), ("answer", "Le conseil se réunit déjà chaque mois.")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let r = coordinator.post(decide(suggested[2].id)).form(&[("decision", "adapt")]).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("/campaigns/{id}/plan/actions/{kept}"),
        "adapting opens the action"
    );
    let again = coordinator.post(decide(suggested[0].id)).form(&[("decision", "decline")]).send().await.unwrap();
    assert_eq!(again.status(), 303, "a decided suggestion is not decided twice");

    let actions = plans::actions(&app.db, plan).await.unwrap();
    let added =
        actions.iter().find(|a| a.title == "Écrire le projet associatif").expect("the accepted action is in the plan");
    assert_eq!(added.description, "Vu en relecture");
    assert!(!actions.iter().any(|a| a.title == "Un comité de suivi mensuel"), "the declined one is not");
    let amended = actions.iter().find(|a| a.id == kept).unwrap();
    assert_eq!(amended.due_on.as_deref(), Some("2027-06-30"));
    assert!(amended.notes.contains("rôle pressenti : L'encadrant technique"), "{}", amended.notes);
    let plan_page = text(&coordinator, app.url(&format!("/campaigns/{id}/plan"))).await.1;
    assert!(plan_page.contains("Proposée par tiers.a (tiers)"), "the plan says where an action came from");
    let after = cap_storage::suggestions::of_campaign(&app.db, id).await.unwrap();
    assert_eq!(after[1].answer, "Le conseil se réunit déjà chaque mois.");
    let home = text(&tiers, app.url("/")).await.1;
    assert!(home.contains("acceptées : 2 · déclinées : 1 · en attente : 0"), "the tiers sees what became of them");
    let actions: Vec<String> =
        cap_storage::audit::recent(&app.db, None, 100).await.unwrap().into_iter().map(|e| e.action).collect();
    assert!(actions.contains(&"plans.suggest".to_owned()) && actions.contains(&"plans.suggestion_decline".to_owned()));
}

crate::on_both_backends!(
    the_tiers_suggests_and_the_coordinator_decides,
    from_consolidation_to_a_followed_plan,
    the_photographie_compares_with_the_previous_campaign,
    the_accompaniment_day_is_recorded
);
