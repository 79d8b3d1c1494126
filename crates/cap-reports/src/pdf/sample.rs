//! A generated [`Report`] with French labels, for tests, benchmarks and trials of the templates
//! (as `cap referential generate` makes referentials of any size).

use super::{
    Action, Campaign, Charts, Figure, Highlight, IndicatorLine, Labels, Organisation, Participation, Pillar, Plan,
    Readiness, Report, Review, ScoreLine, Standing,
};
use crate::charts::{self, ChartText, Fit, Series, percent};

/// French labels, as the web application's catalogue gives them.
pub fn french_labels() -> Labels {
    Labels::from_fn(|name| french_label(name).to_owned())
}

/// The French text of one label by its name in [`Labels::NAMES`] (empty for an unknown name).
pub fn french_label(name: &str) -> &'static str {
    match name {
        "report_title" => "Rapport d'auto-évaluation",
        "summary_title" => "Synthèse",
        "summary_audience" => "Pour le conseil d'administration et le dialogue avec les services de l'État",
        "generated_on" => "Édité le",
        "section_context" => "L'organisation et la campagne",
        "section_participation" => "Participation",
        "section_photographie" => "La photographie",
        "section_pillars" => "Détail par thème",
        "section_divergences" => "Là où les avis divergent",
        "section_figures" => "Indicateurs chiffrés",
        "section_plan" => "Le plan de progrès",
        "section_review" => "Les conclusions de la revue",
        "section_readiness" => "Prêt pour la certification ?",
        "readiness_clause" => "Exigence",
        "readiness_status" => "Statut",
        "section_key_figures" => "Chiffres clés",
        "strengths" => "Points forts",
        "weaknesses" => "Points à améliorer",
        "organisation" => "Organisation",
        "siret" => "SIRET",
        "organisation_type" => "Type de structure",
        "region" => "Région",
        "campaign" => "Campagne",
        "status" => "Étape",
        "referential" => "Référentiel",
        "college" => "Collège",
        "invited" => "Invité·e·s",
        "answered" => "Ont répondu",
        "total" => "Total",
        "overall" => "Score global",
        "code" => "Code",
        "title" => "Intitulé",
        "score" => "Score",
        "target" => "Exigence",
        "previous" => "Campagne précédente",
        "rated" => "Indicateurs notés",
        "indicator" => "Indicateur",
        "answer" => "Réponse partagée",
        "standing" => "Situation",
        "value" => "Valeur",
        "action" => "Action",
        "action_status" => "Statut",
        "responsible" => "Responsable",
        "due_on" => "Échéance",
        "progress" => "Avancement",
        "priority" => "Priorité",
        "actions" => "Actions",
        "top_actions" => "Les actions prioritaires",
        "held_on" => "Date",
        "attendees" => "Personnes présentes",
        "conclusions" => "Conclusions",
        "decision" => "Décision",
        "offers" => "Offres de services retenues",
        "horizon" => "Plan à mener d'ici le",
        "checkpoint" => "Point à mi-parcours",
        "none" => "Aucun.",
        "no_plan" => "Le plan de progrès n'est pas encore établi.",
        "no_review" => "La journée d'accompagnement n'a pas encore eu lieu.",
        "page" => "Page",
        _ => "",
    }
}

const PILLARS: [&str; 4] =
    ["Gouvernance et pilotage", "Parcours des salarié·e·s", "Ancrage territorial", "Activité économique"];
const STATUSES: [&str; 5] = ["À faire", "En cours", "Bloquée", "Faite", "Abandonnée"];
const PRIORITIES: [&str; 3] = ["Haute", "Moyenne", "Basse"];
const EXITS: [(&str, &str, &str); 5] = [
    ("Nombre total de sorties de parcours sur l'année", "48", "sorties"),
    ("Nombre de sorties vers l'emploi durable", "12", "sorties"),
    ("Nombre de sorties vers l'emploi de transition", "9", "sorties"),
    ("Nombre de sorties positives", "11", "sorties"),
    ("Taux de sorties dynamiques", "67", "%"),
];

/// A report of `indicators` indicators (four pillars, an objective per ten indicators) and
/// `actions` actions, with every section filled and French texts. Deterministic.
pub fn generated(indicators: usize, actions: usize) -> Report {
    let share = |i: usize| ((i * 37 + 11) % 100) as f64 / 100.0;
    let line = |code: String, title: String, s: f64, rated: usize| ScoreLine {
        code,
        title,
        score: percent(s),
        share: Some(s),
        target: percent((s + 0.15).min(1.0)),
        previous: percent((s - 0.08).max(0.0)),
        rated: u32::try_from(rated).unwrap_or(u32::MAX),
    };
    let objectives_total = indicators.div_ceil(10).max(PILLARS.len());
    let mut pillars: Vec<Pillar> = PILLARS
        .iter()
        .enumerate()
        .map(|(p, title)| Pillar {
            line: line(format!("P{}", p + 1), (*title).to_owned(), share(p + 3), indicators / PILLARS.len()),
            objectives: Vec::new(),
            indicators: Vec::new(),
        })
        .collect();
    const STANDINGS: [(Standing, &str, &str); 5] = [
        (Standing::Met, "3 — En place", "atteinte"),
        (Standing::Below, "2 — En cours", "en dessous"),
        (Standing::Far, "1 — Pas encore", "loin de l'exigence"),
        (Standing::NotApplicable, "Non concerné", "non concerné"),
        (Standing::Met, "4 — Exemplaire", "atteinte"),
    ];
    for i in 0..indicators {
        let p = i % PILLARS.len();
        let (standing, answer, label) = STANDINGS[(i * 7) % STANDINGS.len()];
        pillars[p].indicators.push(IndicatorLine {
            group: format!("Objectif opérationnel P{}.{} : organiser l'accueil et le suivi", p + 1, i / 12 + 1),
            code: format!("P{}.{}.{}", p + 1, i / 12 + 1, i % 12 + 1),
            statement: format!(
                "Indicateur n° {} : la pratique est décrite, connue de l'équipe et revue chaque année avec les \
                 salarié·e·s en parcours.",
                i + 1
            ),
            answer: answer.into(),
            target: "3".into(),
            standing,
            standing_label: label.into(),
        });
    }
    for o in 0..objectives_total {
        let p = o % PILLARS.len();
        let code = format!("P{}.{}", p + 1, o / PILLARS.len() + 1);
        let title = format!("Objectif général {code} : structurer et suivre la démarche");
        pillars[p].objectives.push(line(code, title, share(o), 10));
    }
    let highlight = |i: usize, detail: String| Highlight {
        code: format!("P{}.1.{}", i % 4 + 1, i + 1),
        statement: format!(
            "Indicateur n° {} : les pratiques sont formalisées, connues et appliquées par l'équipe.",
            i + 1
        ),
        detail,
    };
    let series: Vec<Series> = pillars
        .iter()
        .map(|p| Series {
            label: &p.line.title,
            value: p.line.share,
            previous: p.line.share.map(|s| (s - 0.08).max(0.0)),
            target: p.line.share.map(|s| (s + 0.15).min(1.0)),
        })
        .collect();
    let objective_lines: Vec<&ScoreLine> = pillars.iter().flat_map(|p| &p.objectives).collect();
    let bar_series: Vec<Series> = objective_lines
        .iter()
        .map(|l| Series {
            label: &l.title,
            value: l.share,
            previous: None,
            target: l.share.map(|s| (s + 0.15).min(1.0)),
        })
        .collect();
    let chart_text = |id, title| ChartText {
        id,
        title,
        description: title,
        legend_current: "Cette campagne",
        legend_previous: "Campagne précédente",
        legend_target: "Niveau d'exigence",
    };
    let radar = charts::radar(&series, &chart_text("radar", "Scores par thème"), Fit::Wide);
    let bars = charts::bars(&bar_series, &chart_text("bars", "Scores par objectif général"), Fit::Wide);
    let mut figures: Vec<Figure> = EXITS
        .iter()
        .enumerate()
        .map(|(i, (label, value, unit))| Figure {
            group: "Mesurer les sorties de parcours".into(),
            code: format!("AC.4.2.{}", char::from(b'a' + i as u8)),
            label: (*label).into(),
            value: (*value).into(),
            unit: (*unit).into(),
        })
        .collect();
    figures.insert(
        0,
        Figure {
            group: "Mesurer l'activité d'insertion".into(),
            code: "AC.4.1.a".into(),
            label: "Nombre de personnes salariées en parcours d'insertion sur l'année".into(),
            value: "1\u{202f}250".into(),
            unit: "personnes".into(),
        },
    );
    let actions: Vec<Action> = (0..actions)
        .map(|i| Action {
            title: format!("Action {} : former l'équipe encadrante à l'accueil des nouvelles personnes", i + 1),
            status: STATUSES[i % STATUSES.len()].into(),
            priority: PRIORITIES[i % PRIORITIES.len()].into(),
            responsible: ["Camille Martin", "Sam Leroy", ""][i % 3].into(),
            due_on: format!("{:02}/{:02}/2027", i % 28 + 1, i % 12 + 1),
            progress: u8::try_from((i * 17) % 101).unwrap_or(100),
            indicators: vec![format!("P{}.1.{}", i % 4 + 1, i % 9 + 1), format!("P{}.2.{}", i % 4 + 1, i % 7 + 1)],
        })
        .collect();
    let mut counts: Vec<(String, u32)> = STATUSES.iter().map(|s| ((*s).to_owned(), 0)).collect();
    for a in &actions {
        if let Some(c) = counts.iter_mut().find(|(label, _)| *label == a.status) {
            c.1 += 1;
        }
    }
    let overall = line("".into(), "".into(), 0.62, indicators);
    Report {
        lang: "fr".into(),
        labels: french_labels(),
        generated_on: "26/11/2026".into(),
        organisation: Organisation {
            name: "Nord Bâtiment Solidaire".into(),
            siret: Some("123 456 789 00012".into()),
            kind: Some("Atelier et chantier d'insertion (ACI)".into()),
            region: Some("Hauts-de-France".into()),
        },
        campaign: Campaign {
            title: "Auto-évaluation 2026".into(),
            status: "Plan validé".into(),
            referential: "Référentiel Cap, version 2026.1".into(),
            dates: vec![
                ("Ouverture des réponses".into(), "01/03/2026".into()),
                ("Consolidation".into(), "15/04/2026".into()),
                ("Restitution".into(), "30/04/2026".into()),
            ],
        },
        participation: vec![
            Participation { college: "Salarié·e·s en parcours".into(), invited: 6, answered: 5 },
            Participation { college: "Permanent·e·s".into(), invited: 4, answered: 4 },
            Participation { college: "Administrateur·rice·s".into(), invited: 3, answered: 2 },
        ],
        rated_summary: format!("Score global 62 % sur {indicators} indicateurs notés."),
        overall: Some(overall),
        strengths: (0..5).map(|i| highlight(i, "Réponse 4 — 100 % pour une exigence de 75 %".into())).collect(),
        weaknesses: (5..10).map(|i| highlight(i, "Réponse 1 — 25 % pour une exigence de 75 %".into())).collect(),
        divergences: (10..15).map(|i| highlight(i, "1 → 4".into())).collect(),
        figures,
        pillars,
        plan: Some(Plan {
            facts: vec![
                ("Début".into(), "15/01/2027".into()),
                ("Horizon".into(), "24 mois".into()),
                ("Objectif à un an".into(), "Former toute l'équipe encadrante".into()),
                ("Objectif à trois ans".into(), "Employeur de référence du territoire".into()),
            ],
            counts,
            actions,
        }),
        review: Some(Review {
            held_on: "12/05/2026".into(),
            attendees: "Camille Martin (coordinatrice), Sam Leroy (délégué régional), deux salarié·e·s en parcours"
                .into(),
            conclusions: "La démarche est bien engagée.\nLe plan est réaliste ; l'accompagnement portera sur la \
                          formation des encadrant·e·s."
                .into(),
            decision: "Un accompagnement complémentaire".into(),
            offers: vec!["Formation des encadrant·e·s techniques".into(), "Appui au dialogue de gestion".into()],
            horizon: "12/12/2026".into(),
            checkpoint: "12/09/2026".into(),
        }),
        readiness: vec![Readiness {
            title: "ISO 9001:2015".into(),
            counts: vec![("Couverte".into(), 12), ("Couverte en partie".into(), 9), ("Non couverte".into(), 8)],
            clauses: vec![
                ("4.1".into(), "Compréhension de l'organisme et de son contexte".into(), "Couverte".into()),
                ("7.2".into(), "Compétences".into(), "Couverte en partie".into()),
            ],
        }],
        charts: Charts {
            radar,
            bars,
            radar_title: "Scores par thème".into(),
            bars_title: "Scores par objectif général".into(),
        },
    }
}
