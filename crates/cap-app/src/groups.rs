//! A group (GES) as its lead reads it: each structure's latest figures by pillar and objective
//! beside the group's mean, where each column comes from, one radar per structure against the
//! group, and the objectives on which the structures differ the most — to build shared values.
//! The lead may see each of the group's structures, so these figures are not anonymised.

use crate::app::App;
use crate::error::Result;
use crate::i18n::Tr;
use crate::viewer::Viewer;
use cap_domain::GroupId;
use cap_domain::authz::Permission;
use cap_domain::referential::NodeKind;
use cap_reports::charts::{self, ChartText, Responsive, Series, percent};
use cap_storage::organisations::{self, Filter, Organisation};
use cap_storage::{campaigns, groups, network};

/// One pillar or objective across the group.
pub struct Row {
    /// Its label.
    pub label: String,
    /// Its depth (0: a pillar).
    pub depth: usize,
    /// Each structure's score, in the order of the columns.
    pub scores: Vec<Option<f64>>,
    /// The group's mean.
    pub mean: Option<f64>,
}

/// One structure's radar: its pillars beside the group's mean.
pub struct StructureRadar {
    /// The structure.
    pub name: String,
    /// Its identifier.
    pub id: i64,
    /// The chart, drawn for phones and wider screens.
    pub chart: String,
    /// The figures in words, for screen readers.
    pub summary: String,
}

/// An objective on which the structures differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Divergence {
    /// The objective.
    pub label: String,
    /// The structure lowest on it, and its score.
    pub lowest: (String, f64),
    /// The structure highest on it, and its score.
    pub highest: (String, f64),
}

impl Divergence {
    /// How far apart the lowest and the highest are (a share of the scale).
    pub fn spread(&self) -> f64 {
        self.highest.1 - self.lowest.1
    }

    /// The lowest score, as people read it.
    pub fn lowest_percent(&self) -> String {
        percent(self.lowest.1)
    }

    /// The highest score, as people read it.
    pub fn highest_percent(&self) -> String {
        percent(self.highest.1)
    }

    /// The gap, in points.
    pub fn points(&self) -> String {
        format!("{:.0}", self.spread() * 100.0)
    }
}

impl Row {
    /// Each column's score as people read it (« — » where there is none).
    pub fn shares(&self) -> Vec<String> {
        self.scores.iter().map(|s| s.map_or_else(|| "—".to_owned(), percent)).collect()
    }

    /// The group's mean as people read it.
    pub fn mean_share(&self) -> String {
        self.mean.map_or_else(|| "—".to_owned(), percent)
    }
}

/// The group page's figures.
pub struct GroupView {
    /// The group's name.
    pub name: String,
    /// Every structure of the group.
    pub organisations: Vec<Organisation>,
    /// The structures with figures: name and identifier, in the order of the scores.
    pub columns: Vec<(String, i64)>,
    /// Pillars and objectives, in the referential's order.
    pub rows: Vec<Row>,
    /// Where each structure's figures come from, or why it has none: (name, id, words).
    pub sources: Vec<(String, i64, String)>,
    /// One radar per structure with figures.
    pub radars: Vec<StructureRadar>,
    /// The objectives on which the structures differ the most, widest gap first.
    pub divergences: Vec<Divergence>,
}

/// How many objectives the page names where the structures differ.
const DIVERGENCES_SHOWN: usize = 5;

/// Reads group `id` for its lead (or anyone the policy lets see it).
pub async fn view(app: &App, viewer: &Viewer, id: i64, t: Tr) -> Result<GroupView> {
    let group = groups::get(&app.db, GroupId(id)).await?;
    viewer.require(Permission::ViewGroup(GroupId(group.id)))?;
    let organisations = organisations::list(&app.db, Filter { region: None, group: Some(GroupId(group.id)) }).await?;
    let scores = network::group_scores(&app.db, group.id).await?;
    // Name the nodes with the referential most of the group's campaigns use.
    let mut versions: Vec<i64> = scores.iter().map(|s| s.2).collect();
    versions.sort_unstable();
    let version = versions.chunk_by(|a, b| a == b).max_by_key(|run| run.len()).and_then(|run| run.first().copied());
    let mut columns: Vec<(i64, String)> = Vec::new();
    let mut sources = Vec::new();
    for o in &organisations {
        let words = if let Some(s) = scores.iter().find(|s| s.0 == o.id && Some(s.2) == version) {
            columns.push((o.id, o.name.clone()));
            // Each column says which campaign it shows, and when its results were settled.
            let campaign = campaigns::get(&app.db, s.1).await?;
            match campaign.consolidated_at {
                Some(at) => {
                    let day = crate::i18n::paris_datetime(at).map(|d| d.date().to_string()).unwrap_or_default();
                    t.tn("group.source", &[campaign.title, t.date(&day)])
                }
                None => t.t1("group.source_in_progress", campaign.title),
            }
        } else if scores.iter().any(|s| s.0 == o.id) {
            t.t("group.source_other_version").to_owned()
        } else {
            t.t("group.source_none").to_owned()
        };
        sources.push((o.name.clone(), o.id, words));
    }
    let mut rows = Vec::new();
    if let Some(v) = version {
        let cached = app.referentials.get(&app.db, v).await?;
        rows = rows_of(&cached, columns.len(), |column, code| {
            let org = columns[column].0;
            scores.iter().find(|s| s.0 == org && s.3 == code).map(|s| s.4)
        });
    }
    let names: Vec<String> = columns.iter().map(|(_, name)| name.clone()).collect();
    let radars = columns.iter().enumerate().map(|(i, (org, name))| radar_of(t, i, *org, name, &rows)).collect();
    let divergences = divergences(&rows, &names);
    Ok(GroupView {
        name: group.name,
        organisations,
        columns: columns.into_iter().map(|(org, name)| (name, org)).collect(),
        rows,
        sources,
        radars,
        divergences,
    })
}

/// The pillars and objectives of a referential, each with the score of every column
/// (`score_of(column, code)`) and their mean; those nobody has a score on are left out.
pub(crate) fn rows_of(
    cached: &crate::referential_cache::CachedReferential,
    columns: usize,
    score_of: impl Fn(usize, &str) -> Option<f64>,
) -> Vec<Row> {
    rows_where(cached, columns, false, score_of)
}

/// The indicators of a referential, each with the consolidated score of every column and their
/// mean (the group's consolidation); those nobody has a score on are left out.
pub(crate) fn indicator_rows_of(
    cached: &crate::referential_cache::CachedReferential,
    columns: usize,
    score_of: impl Fn(usize, &str) -> Option<f64>,
) -> Vec<Row> {
    rows_where(cached, columns, true, score_of)
}

fn rows_where(
    cached: &crate::referential_cache::CachedReferential,
    columns: usize,
    indicators: bool,
    score_of: impl Fn(usize, &str) -> Option<f64>,
) -> Vec<Row> {
    let mut rows = Vec::new();
    for (i, node) in cached.referential.nodes.iter().enumerate() {
        if (node.kind == NodeKind::Indicator) != indicators {
            continue;
        }
        let scores: Vec<Option<f64>> = (0..columns).map(|c| score_of(c, &node.code)).collect();
        let known: Vec<f64> = scores.iter().flatten().copied().collect();
        if known.is_empty() {
            continue;
        }
        rows.push(Row {
            label: node.label().to_owned(),
            depth: cached.depths.get(i).copied().unwrap_or(0),
            mean: Some(known.iter().sum::<f64>() / known.len() as f64),
            scores,
        });
    }
    rows
}

/// Whether the viewer belongs to one of the group's structures (as a coordinator or a
/// participant).
pub async fn belongs_to(app: &App, viewer: &Viewer, group: i64) -> Result<bool> {
    for m in &viewer.actor.memberships {
        if let cap_domain::Scope::Organisation(org) = m.scope
            && organisations::get(&app.db, org).await?.group_id == Some(group)
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The radar of the structure in column `column`: its pillars, the group's mean dashed beside.
pub(crate) fn radar_of(t: Tr, column: usize, org: i64, name: &str, rows: &[Row]) -> StructureRadar {
    let pillars: Vec<&Row> = rows.iter().filter(|r| r.depth == 0).collect();
    let series: Vec<Series> = pillars
        .iter()
        .map(|r| Series {
            label: &r.label,
            value: r.scores.get(column).copied().flatten(),
            previous: r.mean,
            target: None,
        })
        .collect();
    let share = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), percent);
    let summary = pillars
        .iter()
        .map(|r| {
            t.tn(
                "group.radar_figure",
                &[r.label.clone(), share(r.scores.get(column).copied().flatten()), share(r.mean)],
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let id = format!("group-radar-{org}");
    let title = t.t1("group.radar_title", name);
    let text = ChartText {
        id: &id,
        title: &title,
        description: &summary,
        legend_current: name,
        legend_previous: t.t("group.mean"),
        legend_target: "",
    };
    let chart = Responsive::draw(|fit| charts::radar(&series, &text, fit)).to_string();
    StructureRadar { name: name.to_owned(), id: org, chart, summary }
}

/// The objectives (not the pillars) on which at least two structures have figures, with the
/// structures lowest and highest on each, widest gap first; ties keep the referential's order.
/// Gaps under five points are left out: they are noise, not a difference of practice.
pub fn divergences(rows: &[Row], names: &[String]) -> Vec<Divergence> {
    let mut found: Vec<Divergence> = rows
        .iter()
        .filter(|r| r.depth > 0)
        .filter_map(|r| {
            let known: Vec<(usize, f64)> = r.scores.iter().enumerate().filter_map(|(i, s)| s.map(|s| (i, s))).collect();
            if known.len() < 2 {
                return None;
            }
            let low = known.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1))?;
            let high = known.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1))?;
            Some(Divergence {
                label: r.label.clone(),
                lowest: (names.get(low.0)?.clone(), low.1),
                highest: (names.get(high.0)?.clone(), high.1),
            })
        })
        .filter(|d| d.spread() >= 0.05)
        .collect();
    found.sort_by(|a, b| b.spread().total_cmp(&a.spread()));
    found.truncate(DIVERGENCES_SHOWN);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, depth: usize, scores: &[Option<f64>]) -> Row {
        Row { label: label.into(), depth, scores: scores.to_vec(), mean: None }
    }

    #[test]
    fn the_widest_gaps_between_structures_come_first() {
        let names: Vec<String> = ["Atelier", "Chantier", "Ressourcerie"].iter().map(|s| (*s).to_owned()).collect();
        let rows = [
            row("Identité", 0, &[Some(0.1), Some(0.9), None]),
            row("Gouvernance", 1, &[Some(0.5), Some(0.6), Some(0.55)]),
            row("Accueil", 1, &[Some(0.2), None, Some(0.8)]),
            row("Formation", 1, &[Some(0.4), Some(0.42), None]),
            row("Seul", 1, &[None, Some(0.9), None]),
        ];
        let found = divergences(&rows, &names);
        assert_eq!(found.iter().map(|d| d.label.as_str()).collect::<Vec<_>>(), ["Accueil", "Gouvernance"]);
        assert_eq!(
            found[0],
            Divergence {
                label: "Accueil".into(),
                lowest: ("Atelier".into(), 0.2),
                highest: ("Ressourcerie".into(), 0.8)
            }
        );
        assert!((found[1].spread() - 0.1).abs() < 1e-9, "pillars are not objectives; a 2-point gap is noise");
        let many: Vec<Row> = (0..8).map(|i| row(&format!("O{i}"), 1, &[Some(0.0), Some(0.1 * f64::from(i))])).collect();
        let top = divergences(&many, &names);
        assert_eq!(top.len(), DIVERGENCES_SHOWN);
        assert_eq!(top[0].label, "O7");
    }
}
