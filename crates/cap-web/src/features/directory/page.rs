//! The directory page as its actions render it: who volunteers as a pair, filtered by region
//! and organisation type, with the trainings each attended, and the signed-in member's own entry.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::{FormErrors, SelectOption};
use crate::page::Page;
use crate::session::Viewer;
use askama::Template;
use askama_web::WebTemplate;
use cap_domain::campaign::CampaignStatus;
use cap_domain::review::has_completed_a_campaign;
use cap_domain::{OrganisationId, OrganisationType, Scope};
use cap_storage::directory::{self, Training, Volunteer};
use cap_storage::organisations;

/// The directory's filters.
pub use crate::choices::DirectoryFilters as Filters;

#[derive(Template, WebTemplate)]
#[template(path = "directory/list.html")]
pub(crate) struct DirectoryPage {
    pub(crate) page: Page,
    pub(crate) volunteers: Vec<Volunteer>,
    pub(crate) regions: Vec<SelectOption>,
    pub(crate) org_types: Vec<SelectOption>,
    pub(crate) mine: Option<Volunteer>,
    pub(crate) my_organisations: Vec<SelectOption>,
    pub(crate) availability: String,
    pub(crate) errors: FormErrors,
    /// People the viewer may propose as pairs (a delegate's regions), as `USER:ORGANISATION`.
    pub(crate) proposable: Vec<SelectOption>,
    /// Trainings for pairs still to come, each with whether the viewer is enrolled (only for
    /// someone in the directory).
    pub(crate) upcoming: Vec<(Training, bool)>,
}

/// The viewer's organisations that have been through a campaign: where they may volunteer from.
pub(crate) async fn eligible_organisations(state: &AppState, viewer: &Viewer) -> AppResult<Vec<(i64, String)>> {
    let mut found = Vec::new();
    for m in &viewer.actor.memberships {
        let Scope::Organisation(OrganisationId(id)) = m.scope else { continue };
        if found.iter().any(|(known, _)| *known == id) {
            continue;
        }
        let statuses: Vec<CampaignStatus> = directory::campaign_statuses(&state.db, OrganisationId(id))
            .await?
            .iter()
            .filter_map(|s| CampaignStatus::from_code(s))
            .collect();
        if has_completed_a_campaign(&statuses) {
            found.push((id, organisations::get(&state.db, OrganisationId(id)).await?.name));
        }
    }
    Ok(found)
}

/// Builds the page with an empty volunteering form.
pub(crate) async fn render(
    state: &AppState,
    page: Page,
    viewer: &Viewer,
    filters: &Filters,
) -> AppResult<DirectoryPage> {
    let t = page.t;
    let mut volunteers = directory::volunteers(&state.db).await?;
    volunteers.retain(|v| filters.keeps(v));
    let mine = directory::volunteer_of(&state.db, viewer.actor.user_id).await?;
    let current = mine.as_ref().map(|v| v.organisation_id.to_string()).unwrap_or_default();
    let my_organisations = eligible_organisations(state, viewer)
        .await?
        .into_iter()
        .map(|(id, name)| SelectOption::new(id.to_string(), name, &current))
        .collect();
    let (regions, org_types) = filters.options(state, t).await?;
    let proposable = cap_app::pairs::proposable(state, viewer)
        .await?
        .into_iter()
        .map(|c| {
            let label = format!("{} — {}", c.display_name, c.organisation);
            SelectOption::new(format!("{}:{}", c.user_id, c.organisation_id), label, "")
        })
        .collect();
    let upcoming = match &mine {
        Some(m) if m.accepted == 1 => cap_app::pairs::upcoming(state, viewer.actor.user_id).await?,
        _ => Vec::new(),
    };
    Ok(DirectoryPage {
        proposable,
        upcoming,
        volunteers,
        regions,
        org_types,
        availability: mine.as_ref().map(|v| v.availability.clone()).unwrap_or_default(),
        mine,
        my_organisations,
        errors: FormErrors::new(),
        page,
    })
}

impl DirectoryPage {
    fn type_label(&self, code: &str) -> &'static str {
        OrganisationType::from_code(code).map_or("", |k| self.page.t.t(k.label_key()))
    }

    /// The words of a pair's stage (« Formé·e »…).
    fn stage_label(&self, v: &Volunteer) -> &'static str {
        self.page.t.t(v.stage().label_key())
    }

    /// Whether the viewer is in the directory (accepted, or came forward alone).
    fn accepted(&self) -> bool {
        self.mine.as_ref().is_some_and(|m| m.accepted == 1)
    }
}
