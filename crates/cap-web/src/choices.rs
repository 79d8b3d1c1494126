//! The choices of the selects that list stored things (regions, groups, organisations) or domain
//! lists (organisation types), each headed by an empty choice such as "— Choisir —" or "Tous".

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::SelectOption;
use cap_app::i18n::Tr;
use cap_domain::OrganisationType;
use cap_storage::organisations::{self, Filter};
use cap_storage::{groups, regions};

fn headed(first_label: &str, current: &str, rest: impl Iterator<Item = SelectOption>) -> Vec<SelectOption> {
    std::iter::once(SelectOption::new("", first_label, current)).chain(rest).collect()
}

/// Every region, by name.
pub async fn regions(state: &AppState, first_label: &str, current: &str) -> AppResult<Vec<SelectOption>> {
    let all = regions::list(&state.db).await?;
    Ok(headed(first_label, current, all.into_iter().map(|r| SelectOption::new(r.id.to_string(), r.name, current))))
}

/// Every group, by name.
pub async fn groups(state: &AppState, first_label: &str, current: &str) -> AppResult<Vec<SelectOption>> {
    let all = groups::list(&state.db).await?;
    Ok(headed(first_label, current, all.into_iter().map(|g| SelectOption::new(g.id.to_string(), g.name, current))))
}

/// Every organisation, by name, with its region to tell namesakes apart.
pub async fn organisations(state: &AppState, first_label: &str, current: &str) -> AppResult<Vec<SelectOption>> {
    let all = organisations::list(&state.db, Filter::default()).await?;
    let options = all
        .into_iter()
        .map(|o| SelectOption::new(o.id.to_string(), format!("{} ({})", o.name, o.region_name), current));
    Ok(headed(first_label, current, options))
}

/// Every organisation type, by name (`Entreprise d'insertion`).
pub fn organisation_types(t: Tr, first_label: &str, current: &str) -> Vec<SelectOption> {
    let options = OrganisationType::ALL.iter().map(|ty| SelectOption::new(ty.code(), t.t(ty.label_key()), current));
    headed(first_label, current, options)
}

/// The collège choices, with an empty first choice.
pub fn college_options(t: Tr, current: &str) -> Vec<SelectOption> {
    std::iter::once(SelectOption::new("", t.t("common.choose"), current))
        .chain(cap_domain::College::ALL.iter().map(|c| SelectOption::new(c.code(), t.t(c.label_key()), current)))
        .collect()
}

/// The directory's filters (of its own page and of the review's invitation form): a region and a
/// type of organisation, empty for all.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct DirectoryFilters {
    /// Only volunteers of this region (empty: all).
    #[serde(default)]
    pub region: String,
    /// Only volunteers from this type of organisation (empty: all).
    #[serde(default)]
    pub org_type: String,
}

impl DirectoryFilters {
    /// Whether the volunteer passes the filters.
    pub fn keeps(&self, v: &cap_storage::directory::Volunteer) -> bool {
        (self.region.is_empty() || v.region_id.to_string() == self.region)
            && (self.org_type.is_empty() || v.org_type == self.org_type)
    }

    /// The filters' choices (the templates add the « all » choice): regions, then types.
    pub async fn options(&self, state: &AppState, t: Tr) -> AppResult<(Vec<SelectOption>, Vec<SelectOption>)> {
        let regions = regions::list(&state.db)
            .await?
            .into_iter()
            .map(|r| SelectOption::new(r.id.to_string(), r.name, &self.region))
            .collect();
        let types = OrganisationType::ALL
            .into_iter()
            .map(|k| SelectOption::new(k.code(), t.t(k.label_key()), &self.org_type))
            .collect();
        Ok((regions, types))
    }
}

/// The regions whose network the viewer follows (a delegate's own, every one for the
/// federation), each with whether it is the one shown.
pub fn followed_regions(
    all: &[regions::Region],
    viewer: &crate::session::Viewer,
    shown: Option<i64>,
) -> Vec<(i64, String, bool)> {
    all.iter()
        .filter(|r| viewer.can(cap_domain::authz::Permission::ViewNetwork(Some(cap_domain::RegionId(r.id)))))
        .map(|r| (r.id, r.name.clone(), Some(r.id) == shown))
        .collect()
}

/// The referential versions a campaign may follow, Cap's example first, `current` chosen.
pub async fn campaign_referentials(state: &AppState, current: &str) -> AppResult<Vec<SelectOption>> {
    Ok(cap_app::campaigns::campaign_referentials(state)
        .await?
        .into_iter()
        .map(|v| SelectOption::new(v.id.to_string(), format!("{} — {} {}", v.title, v.code, v.version), current))
        .collect())
}
