//! The deployment page as its actions render it: the nation (every region's members by stage)
//! or one region (each member's stage, presentations, trainings), with the timeline month by
//! month.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::page::Page;
use crate::session::Viewer;
use askama::Template;
use askama_web::WebTemplate;
use cap_app::deployment::{MemberRow, Overview, overview};
use cap_app::network::{Query as Filters, authorise};
use cap_domain::deployment::Stage;
use std::sync::Arc;

#[derive(Template, WebTemplate)]
#[template(path = "deployment/show.html")]
pub(crate) struct DeploymentPage {
    pub(crate) page: Page,
    pub(crate) region: Option<(i64, String)>,
    pub(crate) regions: Vec<(i64, String, bool)>,
    pub(crate) all_regions: bool,
    /// Per region (nation) or for the region: counts by stage.
    pub(crate) stage_table: Vec<(String, Vec<usize>)>,
    /// Members, presentations, trainings, the timeline and the nation's roll-out, shared by the
    /// requests that show the same region on the same day.
    pub(crate) view: Arc<Overview>,
    pub(crate) held_on: String,
    pub(crate) place: String,
    pub(crate) audience: String,
    pub(crate) attendees: String,
    pub(crate) notes: String,
    /// The members ticked as volunteering at the presentation being typed.
    pub(crate) interested: Vec<i64>,
    pub(crate) errors: FormErrors,
}

/// Members named in each list of the nation's roll-out: a region's few testers read as a line of
/// a newsletter, where thousands of names would be a wall no one reads (and a page 150 KB long).
const ROLL_OUT_NAMED: usize = 12;

/// Builds the page for the viewer's filters.
pub(crate) async fn render(state: &AppState, page: Page, viewer: &Viewer, q: &Filters) -> AppResult<DeploymentPage> {
    let filter = authorise(viewer, q)?;
    let view = overview(state, filter.region).await?;
    let region = filter.region.and_then(|id| view.regions.iter().find(|r| r.id == id).map(|r| (r.id, r.name.clone())));
    let stage_table = match filter.region {
        Some(_) => vec![(page.t.t("deployment.region_total").to_owned(), view.total.clone())],
        None => view.by_region.clone(),
    };
    Ok(DeploymentPage {
        regions: crate::choices::followed_regions(&view.regions, viewer, filter.region),
        all_regions: viewer.can(cap_domain::authz::Permission::ViewNetwork(None)),
        region,
        stage_table,
        view,
        held_on: String::new(),
        place: String::new(),
        audience: String::new(),
        attendees: String::new(),
        notes: String::new(),
        interested: Vec::new(),
        errors: FormErrors::new(),
        page,
    })
}

impl DeploymentPage {
    fn stages(&self) -> [Stage; 7] {
        Stage::ALL
    }

    /// How many members each list of the nation's roll-out names before « and N others », which
    /// leads to the region's own page where every member is listed (and the spreadsheet lists all).
    fn listed(&self) -> usize {
        ROLL_OUT_NAMED
    }

    /// The members that may be ticked as volunteering at a presentation: not past that step.
    fn may_volunteer(&self) -> Vec<&MemberRow> {
        self.view.members.iter().map(|(_, m)| m).filter(|m| m.stage < Stage::Volunteer).collect()
    }
}
