//! Good practices: members share practices, tools and testimonies linked to indicators, with
//! attachments; a regional delegate reads each one before every member can see it; from an
//! indicator's page anyone sees how others do it.

pub mod delete;
pub mod edit;
pub mod file;
pub mod form;
pub mod list;
pub mod moderation;
pub mod new;
pub mod show;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::session::Viewer;
use cap_domain::authz::OrganisationRef;
use cap_domain::practice::PracticeStatus;
use cap_domain::referential::NodeKind;
use cap_domain::{GroupId, OrganisationId, Permission, RegionId, Role, Scope};
use cap_storage::practices::{self, Practice};
use cap_storage::{organisations, referentials};
use std::collections::HashMap;
use std::sync::Arc;

/// The facts about a practice's organisation that decide who reads and moderates it.
pub(crate) fn organisation_of(p: &Practice) -> OrganisationRef {
    OrganisationRef {
        id: OrganisationId(p.organisation_id),
        region: RegionId(p.region_id),
        group: p.group_id.map(GroupId),
    }
}

/// Whether the viewer wrote the practice.
pub(crate) fn is_author(p: &Practice, viewer: &Viewer) -> bool {
    p.author_id == Some(viewer.actor.user_id.0)
}

/// Whether the viewer may publish or refuse the practice.
pub(crate) fn may_moderate(p: &Practice, viewer: &Viewer) -> bool {
    viewer.can(Permission::ModeratePractices(RegionId(p.region_id)))
}

/// The practice, if the viewer may read it; one they may not read answers 404, as if it did
/// not exist.
pub(crate) async fn load_readable(state: &AppState, viewer: &Viewer, id: i64) -> AppResult<Practice> {
    let p = practices::get(&state.db, id).await?;
    let permission = Permission::ReadPractice {
        org: organisation_of(&p),
        published: p.status == PracticeStatus::Published,
        author: is_author(&p, viewer),
    };
    if viewer.can(permission) { Ok(p) } else { Err(AppError::NotFound) }
}

/// The practice, if the viewer wrote it (or administers the federation): to correct or withdraw.
pub(crate) async fn load_own(state: &AppState, viewer: &Viewer, id: i64) -> AppResult<Practice> {
    let practice = load_readable(state, viewer, id).await?;
    if is_author(&practice, viewer) || viewer.actor.is_federation_admin() {
        Ok(practice)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Which regions' practices the viewer moderates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Moderates {
    /// Every region (a federation administrator).
    All,
    /// These regions (a regional delegate); empty for everyone else.
    Regions(Vec<i64>),
}

impl Moderates {
    /// Whether the viewer moderates anything.
    pub(crate) fn any(&self) -> bool {
        !matches!(self, Moderates::Regions(r) if r.is_empty())
    }
}

/// Which regions' practices the viewer moderates.
pub(crate) fn moderated_regions(viewer: &Viewer) -> Moderates {
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
pub(crate) async fn sharing_organisations(state: &AppState, viewer: &Viewer) -> AppResult<Vec<(i64, String)>> {
    let mut found: Vec<(i64, String)> = Vec::new();
    for m in &viewer.actor.memberships {
        let Scope::Organisation(id) = m.scope else { continue };
        if found.iter().any(|(known, _)| *known == id.0) {
            continue;
        }
        let org = organisations::get(&state.db, id).await?;
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
pub(crate) struct Indicators {
    /// The version's identifier (none if the referential is gone).
    pub version_id: Option<i64>,
    /// The referential's code.
    pub referential_code: String,
    /// Each indicator's code, statement and the code of the pillar above it.
    pub items: Vec<(String, String, String)>,
}

impl Indicators {
    /// Reads the indicators of a version.
    pub(crate) async fn of_version(state: &AppState, version_id: i64) -> AppResult<Self> {
        let cached = state.referentials.get(&state.db, version_id).await?;
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
    pub(crate) async fn latest(state: &AppState, referential_code: &str) -> AppResult<Self> {
        match referentials::latest_version(&state.db, referential_code).await? {
            Some(version) => Self::of_version(state, version).await,
            None => Ok(Self { version_id: None, referential_code: referential_code.to_owned(), items: Vec::new() }),
        }
    }

    /// Whether `code` is one of the indicators.
    pub(crate) fn contains(&self, code: &str) -> bool {
        self.items.iter().any(|(c, _, _)| c == code)
    }

    /// Names the given codes, in their order.
    pub(crate) fn links(&self, codes: &[String]) -> Vec<IndicatorLink> {
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
pub(crate) async fn default_version(state: &AppState) -> AppResult<Option<i64>> {
    let versions = referentials::list(&state.db).await?;
    let preferred = versions.iter().filter(|v| v.builtin == 0).chain(versions.iter()).next();
    Ok(match preferred {
        Some(v) => referentials::latest_version(&state.db, &v.code).await?,
        None => None,
    })
}

/// How many published practices each indicator of a referential has, kept in memory until a
/// practice is written anywhere (the storage's stamp moves).
pub(crate) async fn published_counts(state: &AppState, referential: &str) -> AppResult<Arc<HashMap<String, i64>>> {
    let stamp = practices::stamp(&state.db).await?;
    let key = referential.to_owned();
    if let Some(hit) = state.practice_counts.get(&key, &stamp) {
        return Ok(hit);
    }
    let counts = Arc::new(practices::published_counts(&state.db, referential).await?);
    state.practice_counts.insert(key, stamp, counts.clone());
    Ok(counts)
}

/// A size in bytes, for people: "12 ko", "1,4 Mo".
pub(crate) fn human_size(bytes: i64, locale_fr: bool) -> String {
    let (kb, mb) = if locale_fr { ("ko", "Mo") } else { ("KB", "MB") };
    if bytes < 1024 * 1024 {
        return format!("{} {kb}", (bytes + 1023) / 1024);
    }
    let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    let text = format!("{}.{}", tenths / 10, tenths % 10);
    let text = if locale_fr { text.replace('.', ",") } else { text };
    format!("{text} {mb}")
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
