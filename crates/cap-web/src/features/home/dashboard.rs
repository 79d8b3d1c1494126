//! `GET /`: what waits for the user's answers (« À répondre », with one button to the first
//! unanswered question), then the places they work in — their organisations, regions and groups, the
//! structures they accompany as a tiers (« Mes accompagnements ») and the campaigns they review as
//! a pair.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use cap_app::accompaniment::{LatestDay, latest_of};
use cap_app::campaigns::{ToAnswer, to_answer};
use cap_app::reviewing::{Followed, followed};
use cap_domain::authz::Permission;
use cap_domain::practice::PracticeStatus;
use cap_domain::review::ReviewerKind;
use cap_domain::{OrganisationId, Scope};
use cap_storage::groups::Group;
use cap_storage::organisations::Organisation;
use cap_storage::regions::Region;
use cap_storage::{groups, organisations, practices, regions};

#[derive(Template, WebTemplate)]
#[template(path = "pages/dashboard.html")]
struct DashboardPage {
    page: Page,
    name: String,
    is_admin: bool,
    organisations: Vec<Organisation>,
    regions: Vec<Region>,
    practices_waiting: Vec<i64>,
    groups: Vec<Group>,
    accompanying: Vec<Followed>,
    reviewing: Vec<Followed>,
    /// For each organisation, in order, its latest accompaniment day when the viewer coordinates
    /// it (the decision is the member's to act on, not a group lead's).
    days: Vec<Option<LatestDay>>,
    /// The campaigns waiting for the viewer's answers.
    to_answer: Vec<ToAnswer>,
}

/// Shows the dashboard.
pub async fn handler(State(state): State<AppState>, SignedIn(viewer): SignedIn, page: Page) -> AppResult<Response> {
    let organisations = organisations::list_for_user(&state.db, viewer.actor.user_id).await?;
    let mut my_regions = Vec::new();
    let mut my_groups = Vec::new();
    for m in &viewer.actor.memberships {
        match m.scope {
            Scope::Region(r) => my_regions.push(regions::get(&state.db, r).await?),
            Scope::Group(g) => my_groups.push(groups::get(&state.db, g).await?),
            Scope::Federation | Scope::Organisation(_) => {}
        }
    }
    // A delegate sees, on each region's card, how many shared practices wait for their reading.
    let mut practices_waiting = Vec::with_capacity(my_regions.len());
    for region in &my_regions {
        let filter = practices::Filter {
            status: Some(PracticeStatus::Pending),
            region: Some(region.id),
            ..practices::Filter::default()
        };
        practices_waiting.push(practices::count(&state.db, &filter).await?);
    }
    let mut days = Vec::with_capacity(organisations.len());
    for org in &organisations {
        days.push(if viewer.can(Permission::RunCampaigns(org.authz_ref())) {
            latest_of(&state, OrganisationId(org.id)).await?
        } else {
            None
        });
    }
    let (accompanying, reviewing) =
        followed(&state, &viewer).await?.into_iter().partition(|f| f.kind == ReviewerKind::Tiers);
    Ok(DashboardPage {
        practices_waiting,
        name: viewer.user.display_name.clone(),
        is_admin: viewer.can(Permission::AdministerFederation),
        organisations,
        regions: my_regions,
        groups: my_groups,
        accompanying,
        reviewing,
        days,
        to_answer: to_answer(&state, &viewer).await?,
        page,
    }
    .into_response())
}

impl DashboardPage {
    /// Whether the page has nothing but the organisations' section to show: only then does
    /// « no organisation » deserve saying.
    fn only_organisations(&self) -> bool {
        !self.is_admin
            && self.regions.is_empty()
            && self.groups.is_empty()
            && self.accompanying.is_empty()
            && self.reviewing.is_empty()
    }

    /// The latest accompaniment day of the `i`-th organisation, for its coordinators.
    fn day(&self, i: &usize) -> Option<&LatestDay> {
        self.days.get(*i).and_then(Option::as_ref)
    }

    /// How many practices wait in the `i`-th region.
    fn waiting(&self, i: &usize) -> i64 {
        self.practices_waiting.get(*i).copied().unwrap_or(0)
    }
}
