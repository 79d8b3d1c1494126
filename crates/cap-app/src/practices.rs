//! Good practices as the pages, the API and reports read them: who may read, correct and
//! moderate one, the indicators they are linked to (named from each referential's latest
//! version), the cards of a list, and the published counts per indicator kept under a stamp.

use crate::app::App;
use crate::error::{Error, Result};
use crate::viewer::Viewer;
use cap_domain::authz::OrganisationRef;
use cap_domain::practice::PracticeStatus;
use cap_domain::referential::NodeKind;
use cap_domain::{GroupId, OrganisationId, Permission, RegionId, Role, Scope};
use cap_storage::practices::{self, Practice};
use cap_storage::{organisations, referentials};
use std::collections::HashMap;
use std::sync::Arc;

/// The facts about a practice's organisation that decide who reads and moderates it.
pub fn organisation_of(p: &Practice) -> OrganisationRef {
    OrganisationRef {
        id: OrganisationId(p.organisation_id),
        region: RegionId(p.region_id),
        group: p.group_id.map(GroupId),
    }
}

/// Whether the viewer wrote the practice.
pub fn is_author(p: &Practice, viewer: &Viewer) -> bool {
    p.author_id == Some(viewer.actor.user_id.0)
}

/// Whether the viewer may publish or refuse the practice.
pub fn may_moderate(p: &Practice, viewer: &Viewer) -> bool {
    viewer.can(Permission::ModeratePractices(RegionId(p.region_id)))
}

/// The practice, if the viewer may read it; one they may not read answers 404, as if it did
/// not exist.
pub async fn load_readable(app: &App, viewer: &Viewer, id: i64) -> Result<Practice> {
    let p = practices::get(&app.db, id).await?;
    let permission = Permission::ReadPractice {
        org: organisation_of(&p),
        published: p.status == PracticeStatus::Published,
        author: is_author(&p, viewer),
    };
    if viewer.can(permission) { Ok(p) } else { Err(Error::NotFound) }
}

/// The practice, if the viewer wrote it (or administers the federation): to correct or withdraw.
pub async fn load_own(app: &App, viewer: &Viewer, id: i64) -> Result<Practice> {
    let practice = load_readable(app, viewer, id).await?;
    if is_author(&practice, viewer) || viewer.actor.is_federation_admin() {
        Ok(practice)
    } else {
        Err(Error::Forbidden)
    }
}

/// Which regions' practices the viewer moderates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moderates {
    /// Every region (a federation administrator).
    All,
    /// These regions (a regional delegate); empty for everyone else.
    Regions(Vec<i64>),
}

impl Moderates {
    /// Whether the viewer moderates anything.
    pub fn any(&self) -> bool {
        !matches!(self, Moderates::Regions(r) if r.is_empty())
    }
}

/// Which regions' practices the viewer moderates.
pub fn moderated_regions(viewer: &Viewer) -> Moderates {
    if viewer.actor.is_federation_admin() {
        return Moderates::All;
    }
    let mut regions: Vec<i64> = viewer
        .actor
        .memberships
        .iter()
        .filter(|m| m.role == Role::RegionalDelegate)
        .filter_map(|m| match m.scope {
            Scope::Region(r) => Some(r.0),
            _ => None,
        })
        .collect();
    regions.sort_unstable();
    regions.dedup();
    Moderates::Regions(regions)
}

/// The organisations in whose name the viewer may share a practice, by name.
pub async fn sharing_organisations(app: &App, viewer: &Viewer) -> Result<Vec<(i64, String)>> {
    let mut found: Vec<(i64, String)> = Vec::new();
    for m in &viewer.actor.memberships {
        let Scope::Organisation(id) = m.scope else { continue };
        if found.iter().any(|(known, _)| *known == id.0) {
            continue;
        }
        let org = organisations::get(&app.db, id).await?;
        if viewer.can(Permission::SharePractice(org.authz_ref())) {
            found.push((id.0, org.name));
        }
    }
    found.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(found)
}

/// An indicator a practice is linked to, as shown.
#[derive(Debug, Clone)]
pub struct IndicatorLink {
    /// Its code.
    pub code: String,
    /// Its statement, in the referential's latest version (empty if it left the referential).
    pub label: String,
    /// Its page, when the referential still holds it.
    pub href: Option<String>,
}

/// A referential's latest version, with its indicators in order, to pick from or to name.
pub struct Indicators {
    /// The version's identifier (none if the referential is gone).
    pub version_id: Option<i64>,
    /// The referential's code.
    pub referential_code: String,
    /// Each indicator's code, statement and the code of the pillar above it.
    pub items: Vec<(String, String, String)>,
}

impl Indicators {
    /// Reads the indicators of a version.
    pub async fn of_version(app: &App, version_id: i64) -> Result<Self> {
        let cached = app.referentials.get(&app.db, version_id).await?;
        let r = &cached.referential;
        let mut pillar = String::new();
        let mut items = Vec::new();
        for node in &r.nodes {
            match node.kind {
                NodeKind::Pillar => pillar = node.code.clone(),
                NodeKind::Indicator => items.push((node.code.clone(), node.label().to_owned(), pillar.clone())),
                _ => {}
            }
        }
        Ok(Self { version_id: Some(version_id), referential_code: r.code.clone(), items })
    }

    /// Reads the indicators of a referential's latest version.
    pub async fn latest(app: &App, referential_code: &str) -> Result<Self> {
        match referentials::latest_version(&app.db, referential_code).await? {
            Some(version) => Self::of_version(app, version).await,
            None => Ok(Self { version_id: None, referential_code: referential_code.to_owned(), items: Vec::new() }),
        }
    }

    /// Whether `code` is one of the indicators.
    pub fn contains(&self, code: &str) -> bool {
        self.items.iter().any(|(c, _, _)| c == code)
    }

    /// Names the given codes, in their order.
    pub fn links(&self, codes: &[String]) -> Vec<IndicatorLink> {
        codes
            .iter()
            .map(|code| {
                let found = self.items.iter().find(|(c, _, _)| c == code);
                IndicatorLink {
                    code: code.clone(),
                    label: found.map(|(_, label, _)| label.clone()).unwrap_or_default(),
                    href: found.and(self.version_id).map(|v| format!("/referentials/{v}/nodes/{code}")),
                }
            })
            .collect()
    }
}

/// The referential practices are shared on by default: the latest version of the first
/// referential listed (the federation's own when it has one besides the built-in example).
pub async fn default_version(app: &App) -> Result<Option<i64>> {
    let versions = referentials::list(&app.db).await?;
    let preferred = versions.iter().filter(|v| v.builtin == 0).chain(versions.iter()).next();
    Ok(match preferred {
        Some(v) => referentials::latest_version(&app.db, &v.code).await?,
        None => None,
    })
}

/// How many published practices each indicator of a referential has, kept in memory until a
/// practice is written anywhere (the storage's stamp moves).
pub async fn published_counts(app: &App, referential: &str) -> Result<Arc<HashMap<String, i64>>> {
    let stamp = practices::stamp(&app.db).await?;
    let counts = app
        .practice_counts
        .get_or_compute(referential.to_owned(), stamp, || practices::published_counts(&app.db, referential))
        .await?;
    Ok(counts)
}

/// A size in bytes, for people: "12 ko", "1,4 Mo".
pub fn human_size(bytes: i64, locale_fr: bool) -> String {
    let (kb, mb) = if locale_fr { ("ko", "Mo") } else { ("KB", "MB") };
    if bytes < 1024 * 1024 {
        return format!("{} {kb}", (bytes + 1023) / 1024);
    }
    let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    let text = format!("{}.{}", tenths / 10, tenths % 10);
    let text = if locale_fr { text.replace('.', ",") } else { text };
    format!("{text} {mb}")
}

/// A practice as a card of a list.
pub struct Card {
    /// The practice.
    pub practice: Practice,
    /// Its indicators, named.
    pub indicators: Vec<IndicatorLink>,
    /// The start of its text.
    pub excerpt: String,
}

impl Card {
    /// When it was published, or shared if it is not published.
    pub fn shown_at(&self) -> i64 {
        self.practice.published_at.unwrap_or(self.practice.created_at)
    }
}

/// The longest excerpt shown in a list, in characters.
const EXCERPT: usize = 280;

/// Builds the cards of practices, naming indicators from each referential's latest version.
pub async fn cards(app: &App, list: Vec<Practice>) -> Result<Vec<Card>> {
    let mut known: HashMap<String, Indicators> = HashMap::new();
    let mut out = Vec::with_capacity(list.len());
    for practice in list {
        if !known.contains_key(&practice.referential_code) {
            let indicators = Indicators::latest(app, &practice.referential_code).await?;
            known.insert(practice.referential_code.clone(), indicators);
        }
        let indicators =
            known.get(&practice.referential_code).map(|i| i.links(&practice.indicators)).unwrap_or_default();
        // One line of text: list markers dropped, white space folded.
        let text = practice
            .body
            .lines()
            .map(|l| l.trim().trim_start_matches("- ").trim_start_matches("* "))
            .flat_map(str::split_whitespace)
            .collect::<Vec<_>>()
            .join(" ");
        let excerpt = if text.chars().count() > EXCERPT {
            format!("{}…", text.chars().take(EXCERPT).collect::<String>().trim_end())
        } else {
            text
        };
        out.push(Card { practice, indicators, excerpt });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::human_size;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(1, true), "1 ko");
        assert_eq!(human_size(12 * 1024, true), "12 ko");
        assert_eq!(human_size(1_468_006, true), "1,4 Mo");
        assert_eq!(human_size(5 * 1024 * 1024, false), "5.0 MB");
    }
}
