//! The network's figures for the dashboard and its CSV, computed once per filter and kept while the network's scores are
//! unchanged (their stamp), then anonymised.

use crate::app::App;
use crate::error::Result;
use crate::i18n::{Locale, Tr};
use crate::stamped_cache::StampedCache;
use crate::viewer::Viewer;
use cap_domain::authz::Permission;
use cap_domain::campaign::CampaignStatus;
use cap_domain::network::{Shown, partition, safe_beside};
use cap_domain::referential::NodeKind;
use cap_domain::{OrganisationType, RegionId, Role, Scope};
use cap_storage::network::{self, Filter};
use serde::Deserialize;

/// The network's computed figures, by filter and language, under their stamp.
pub type FiguresCache = StampedCache<(Filter, Locale), (String, i64, i64, i64, i64), Figures>;

/// The filters as typed in the address.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Query {
    /// Region id, or empty for all.
    #[serde(default)]
    pub region: String,
    /// Organisation type code, or empty for all.
    #[serde(default)]
    pub org_type: String,
    /// Year, or empty for all.
    #[serde(default)]
    pub year: String,
}

/// Checks the filters and the viewer's right to them: the administrator sees any region or the
/// whole federation; a regional delegate sees their region only (theirs by default).
pub fn authorise(viewer: &Viewer, q: &Query) -> Result<Filter> {
    let asked = q.region.trim().parse::<i64>().ok();
    let region = match asked {
        Some(r) => Some(r),
        None if viewer.can(Permission::ViewNetwork(None)) => None,
        None => viewer.actor.memberships.iter().find_map(|m| match (m.role, m.scope) {
            (Role::RegionalDelegate, Scope::Region(r)) => Some(r.0),
            _ => None,
        }),
    };
    viewer.require(Permission::ViewNetwork(region.map(RegionId)))?;
    let org_type = OrganisationType::from_code(q.org_type.trim()).ok().map(|t| t.code().to_owned());
    let year = q.year.trim().parse::<i64>().ok().filter(|y| (2000..=2100).contains(y));
    Ok(Filter { region, org_type, year })
}

/// The filters one step wider: each set filter dropped in turn.
fn wider(f: &Filter) -> Vec<Filter> {
    let mut out = Vec::new();
    if f.region.is_some() {
        out.push(Filter { region: None, ..f.clone() });
    }
    if f.org_type.is_some() {
        out.push(Filter { org_type: None, ..f.clone() });
    }
    if f.year.is_some() {
        out.push(Filter { year: None, ..f.clone() });
    }
    out
}

/// One line of a table: a label and its shown figures.
#[derive(Debug, Clone)]
pub struct Line {
    /// Code (node, status, type…), for links and exports.
    pub code: String,
    /// What it is.
    pub label: String,
    /// Tree depth, for pillars and objectives (0 otherwise).
    pub depth: usize,
    /// The figures, in the table's column order.
    pub cells: Vec<Shown<f64>>,
}

/// Every figure of the dashboard, anonymised.
#[derive(Debug, Clone)]
pub struct Figures {
    /// Organisations and engaged organisations, by region.
    pub by_region: Vec<Line>,
    /// Organisations and engaged organisations, by type.
    pub by_type: Vec<Line>,
    /// Campaigns by status.
    pub by_status: Vec<Line>,
    /// Mean score and mean target by pillar and objective, with the organisations counted.
    pub means: Vec<Line>,
    /// Organisations per level (columns 1..=levels) by indicator.
    pub levels: Vec<Line>,
    /// Organisations per target level by indicator.
    pub targets: Vec<Line>,
    /// The scale's level labels.
    pub level_labels: Vec<String>,
    /// Indicators plans work on most: actions, organisations.
    pub themes: Vec<Line>,
    /// Offers of services requested: organisations, by region and offer.
    pub offers: Vec<Line>,
    /// How many organisations' campaigns are scored in the view.
    pub scored: Shown<f64>,
}

fn value(n: i64) -> Shown<f64> {
    Shown::Value(n as f64)
}

/// Shows counts of a partition (a column of a table with a shown total) as figures.
fn counts_column(counts: &[i64]) -> Vec<Shown<f64>> {
    let cells: Vec<(usize, f64)> = counts.iter().map(|&n| (usize::try_from(n).unwrap_or(0), n as f64)).collect();
    partition(&cells).0
}

impl Default for Figures {
    fn default() -> Self {
        Self {
            by_region: Vec::new(),
            by_type: Vec::new(),
            by_status: Vec::new(),
            means: Vec::new(),
            levels: Vec::new(),
            targets: Vec::new(),
            level_labels: Vec::new(),
            themes: Vec::new(),
            offers: Vec::new(),
            scored: Shown::Value(0.0),
        }
    }
}

/// Computes the figures for a filter (not yet cached).
pub async fn compute(app: &App, t: Tr, f: &Filter) -> Result<Figures> {
    let mut out = Figures::default();

    // Engagement, by region and by type.
    let engagement = network::engagement(&app.db, f).await?;
    let mut regions_seen: Vec<(i64, String, i64, i64)> = Vec::new();
    let mut types_seen: Vec<(String, i64, i64)> = Vec::new();
    for e in &engagement {
        match regions_seen.iter_mut().find(|r| r.0 == e.region_id) {
            Some(r) => {
                r.2 += e.organisations;
                r.3 += e.engaged;
            }
            None => regions_seen.push((e.region_id, e.region.clone(), e.organisations, e.engaged)),
        };
        match types_seen.iter_mut().find(|r| r.0 == e.org_type) {
            Some(r) => {
                r.1 += e.organisations;
                r.2 += e.engaged;
            }
            None => types_seen.push((e.org_type.clone(), e.organisations, e.engaged)),
        };
    }
    let orgs = counts_column(&regions_seen.iter().map(|r| r.2).collect::<Vec<_>>());
    let engaged = counts_column(&regions_seen.iter().map(|r| r.3).collect::<Vec<_>>());
    out.by_region = regions_seen
        .iter()
        .zip(orgs.into_iter().zip(engaged))
        .map(|(r, (o, e))| Line { code: r.0.to_string(), label: r.1.clone(), depth: 0, cells: vec![o, e] })
        .collect();
    let orgs = counts_column(&types_seen.iter().map(|r| r.1).collect::<Vec<_>>());
    let engaged = counts_column(&types_seen.iter().map(|r| r.2).collect::<Vec<_>>());
    out.by_type = types_seen
        .iter()
        .zip(orgs.into_iter().zip(engaged))
        .map(|(r, (o, e))| Line {
            code: r.0.clone(),
            label: OrganisationType::from_code(&r.0).map_or_else(|_| r.0.clone(), |k| t.t(k.label_key()).to_owned()),
            depth: 0,
            cells: vec![o, e],
        })
        .collect();

    // Campaigns by status: hidden by the organisations behind them.
    let statuses = network::campaigns_by_status(&app.db, f).await?;
    let ordered: Vec<(CampaignStatus, i64, i64)> = CampaignStatus::ALL
        .into_iter()
        .map(|s| {
            let found = statuses.iter().find(|(code, _, _)| code == s.code());
            (s, found.map_or(0, |x| x.1), found.map_or(0, |x| x.2))
        })
        .collect();
    let cells: Vec<(usize, f64)> =
        ordered.iter().map(|(_, campaigns, orgs)| (usize::try_from(*orgs).unwrap_or(0), *campaigns as f64)).collect();
    out.by_status = ordered
        .iter()
        .zip(partition(&cells).0)
        .map(|((s, _, _), shown)| Line {
            code: s.code().to_owned(),
            label: t.t(s.label_key()).to_owned(),
            depth: 0,
            cells: vec![shown],
        })
        .collect();

    // Scores: the referential of the latest scored campaign names and orders the nodes.
    let wider_filters = wider(f);
    let referential = match network::latest_referential_version(&app.db).await? {
        Some(v) => Some(app.referentials.get(&app.db, v).await?),
        None => None,
    };
    let means = network::node_means(&app.db, f).await?;
    let mut wider_means = Vec::new();
    for w in &wider_filters {
        wider_means.push(network::node_means(&app.db, w).await?);
    }
    let level_counts = network::level_counts(&app.db, f, false).await?;
    let target_counts = network::level_counts(&app.db, f, true).await?;
    let mut wider_levels = Vec::new();
    for w in &wider_filters {
        wider_levels
            .push((network::level_counts(&app.db, w, false).await?, network::level_counts(&app.db, w, true).await?));
    }
    let shown_mean = |code: &str| -> Vec<Shown<f64>> {
        let Some(m) = means.iter().find(|m| m.node_code == code) else {
            return vec![Shown::Value(0.0), Shown::Suppressed, Shown::Suppressed];
        };
        let n = usize::try_from(m.organisations).unwrap_or(0);
        let around: Vec<usize> = wider_means
            .iter()
            .map(|w| {
                w.iter().find(|x| x.node_code == code).map_or(n, |x| usize::try_from(x.organisations).unwrap_or(n))
            })
            .collect();
        if !safe_beside(n, &around) {
            return vec![Shown::Suppressed, Shown::Suppressed, Shown::Suppressed];
        }
        vec![
            value(m.organisations),
            m.score.map_or(Shown::Suppressed, Shown::Value),
            m.target.map_or(Shown::Suppressed, Shown::Value),
        ]
    };
    if let Some(cached) = &referential {
        let r = &cached.referential;
        out.level_labels = r.scale.levels.iter().map(|l| l.label.clone()).collect();
        let levels: Vec<i64> = r.scale.levels.iter().map(|l| l.value).collect();
        for (i, node) in r.nodes.iter().enumerate() {
            match node.kind {
                NodeKind::Indicator => {
                    let distribution = |counts: &[(String, i64, i64)], wider_counts: &[&[(String, i64, i64)]]| {
                        let per_level: Vec<i64> = levels
                            .iter()
                            .map(|lv| counts.iter().find(|c| c.0 == node.code && c.1 == *lv).map_or(0, |c| c.2))
                            .collect();
                        let total = usize::try_from(per_level.iter().sum::<i64>()).unwrap_or(0);
                        let mut cells = counts_column(&per_level);
                        let around: Vec<usize> = wider_counts
                            .iter()
                            .map(|w| {
                                usize::try_from(w.iter().filter(|c| c.0 == node.code).map(|c| c.2).sum::<i64>())
                                    .unwrap_or(0)
                            })
                            .collect();
                        if total > 0 && !safe_beside(total, &around) {
                            cells = cells.iter().map(|_| Shown::Suppressed).collect();
                        }
                        (total, cells)
                    };
                    let wider_l: Vec<&[(String, i64, i64)]> = wider_levels.iter().map(|w| w.0.as_slice()).collect();
                    let wider_t: Vec<&[(String, i64, i64)]> = wider_levels.iter().map(|w| w.1.as_slice()).collect();
                    let (total, cells) = distribution(&level_counts, &wider_l);
                    if total > 0 {
                        out.levels.push(Line {
                            code: node.code.clone(),
                            label: node.label().to_owned(),
                            depth: 0,
                            cells,
                        });
                    }
                    let (total, cells) = distribution(&target_counts, &wider_t);
                    if total > 0 {
                        out.targets.push(Line {
                            code: node.code.clone(),
                            label: node.label().to_owned(),
                            depth: 0,
                            cells,
                        });
                    }
                }
                _ => {
                    if means.iter().any(|m| m.node_code == node.code) {
                        out.means.push(Line {
                            code: node.code.clone(),
                            label: node.label().to_owned(),
                            depth: cached.depths.get(i).copied().unwrap_or(0),
                            cells: shown_mean(&node.code),
                        });
                    }
                }
            }
        }
        // Plan themes and offers requested.
        for (code, actions, organisations) in network::plan_themes(&app.db, f).await? {
            let label = r.node(&code).map_or_else(|| code.clone(), |n| n.label().to_owned());
            let shown = if usize::try_from(organisations).unwrap_or(0) < cap_domain::network::MIN_ORGANISATIONS {
                vec![Shown::Suppressed, Shown::Suppressed]
            } else {
                vec![value(actions), value(organisations)]
            };
            out.themes.push(Line { code, label, depth: 0, cells: shown });
        }
    }
    for (region, offer, _actions, organisations) in network::offers_requested(&app.db, f).await? {
        let shown = shown_count(organisations);
        out.offers.push(Line {
            code: offer.clone(),
            label: format!("{region} — {offer}"),
            depth: 0,
            cells: vec![shown],
        });
    }
    let scored = means.iter().map(|m| m.organisations).max().unwrap_or(0);
    out.scored = shown_count(scored);
    Ok(out)
}

fn shown_count(n: i64) -> Shown<f64> {
    match cap_domain::network::count(usize::try_from(n).unwrap_or(0)) {
        Shown::Value(v) => Shown::Value(v as f64),
        Shown::Suppressed => Shown::Suppressed,
    }
}

/// Each organisation's scores by pillar and objective code, by filter and referential, under the
/// network's stamp: (organisation, score) for every peer.
pub type PeersCache =
    StampedCache<(Filter, String), (String, i64, i64, i64, i64), std::collections::HashMap<String, Vec<(i64, f64)>>>;

/// The scores of organisation `own`'s peers (filter `f`, referential `referential`), by pillar and
/// objective, leaving `own` out; read once while the network's scores are unchanged.
pub async fn peer_scores(
    app: &App,
    f: &Filter,
    referential: &str,
    own: i64,
) -> Result<std::collections::HashMap<String, Vec<f64>>> {
    let stamp = network::stamp(&app.db).await?;
    let all = app
        .peer_scores
        .get_or_compute((f.clone(), referential.to_owned()), stamp, || async {
            let mut by_node: std::collections::HashMap<String, Vec<(i64, f64)>> = std::collections::HashMap::new();
            for (organisation, code, score) in network::peer_scores(&app.db, f, referential).await? {
                by_node.entry(code).or_default().push((organisation, score));
            }
            Ok::<_, crate::error::Error>(by_node)
        })
        .await?;
    Ok(all
        .iter()
        .map(|(code, scores)| {
            (code.clone(), scores.iter().filter(|(organisation, _)| *organisation != own).map(|(_, s)| *s).collect())
        })
        .collect())
}

/// The figures for a filter, from the cache while the network's scores are unchanged.
pub async fn figures(app: &App, t: Tr, f: &Filter) -> Result<std::sync::Arc<Figures>> {
    let stamp = network::stamp(&app.db).await?;
    app.network_figures.get_or_compute((f.clone(), t.locale), stamp, || compute(app, t, f)).await
}
