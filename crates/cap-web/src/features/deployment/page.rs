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
use cap_app::deployment::{MemberRow, RegionRollOut, members, told};
use cap_app::network::{Query as Filters, authorise};
use cap_domain::deployment::Stage;
use cap_domain::network::utc_year;
use cap_storage::deployment::{self, Presentation};
use cap_storage::directory::{self, Training};
use cap_storage::regions;
use std::collections::BTreeMap;

/// One month of the timeline.
#[derive(Default)]
pub struct Month {
    /// Presentations and their attendees.
    pub presentations: (usize, i64),
    /// Trainings.
    pub trainings: usize,
    /// Campaigns started.
    pub campaigns: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "deployment/show.html")]
pub(crate) struct DeploymentPage {
    pub(crate) page: Page,
    pub(crate) region: Option<(i64, String)>,
    pub(crate) regions: Vec<(i64, String, bool)>,
    pub(crate) all_regions: bool,
    /// Per region (nation) or for the region: counts by stage.
    pub(crate) stage_table: Vec<(String, Vec<usize>)>,
    pub(crate) members: Vec<MemberRow>,
    pub(crate) presentations: Vec<Presentation>,
    pub(crate) trainings: Vec<Training>,
    /// The nation's roll-out region by region (the nation's view only).
    pub(crate) roll_out: Vec<RegionRollOut>,
    pub(crate) timeline: Vec<(String, Month)>,
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
    let t = page.t;
    let all = regions::list(&state.db).await?;
    let rows = members(state, filter.region).await?;
    let count =
        |list: &[&MemberRow]| Stage::ALL.iter().map(|s| list.iter().filter(|m| m.stage == *s).count()).collect();
    let stage_table = match filter.region {
        Some(_) => {
            vec![(t.t("deployment.region_total").to_owned(), count(&rows.iter().map(|(_, m)| m).collect::<Vec<_>>()))]
        }
        None => all
            .iter()
            .map(|r| {
                (
                    r.name.clone(),
                    count(&rows.iter().filter(|(reg, _)| *reg == r.id).map(|(_, m)| m).collect::<Vec<_>>()),
                )
            })
            .collect(),
    };
    let presentations = deployment::presentations(&state.db, filter.region).await?;
    let trainings = directory::trainings(&state.db, filter.region).await?;
    let mut months: BTreeMap<String, Month> = BTreeMap::new();
    for p in &presentations {
        let m = months.entry(p.held_on.chars().take(7).collect()).or_default();
        m.presentations.0 += 1;
        m.presentations.1 += p.attendees;
    }
    for tr in &trainings {
        months.entry(tr.held_on.chars().take(7).collect()).or_default().trainings += 1;
    }
    for (at, count) in deployment::campaign_starts(&state.db, filter.region).await? {
        let month = jiff::Timestamp::from_second(at)
            .map(|ts| ts.to_zoned(jiff::tz::TimeZone::UTC).strftime("%Y-%m").to_string())
            .unwrap_or_else(|_| format!("{}-01", utc_year(at)));
        months.entry(month).or_default().campaigns += usize::try_from(count).unwrap_or(0);
    }
    let region = filter.region.and_then(|id| all.iter().find(|r| r.id == id).map(|r| (r.id, r.name.clone())));
    let roll_out = match filter.region {
        Some(_) => Vec::new(),
        None => told(&all.iter().map(|r| (r.id, r.name.clone())).collect::<Vec<_>>(), &presentations, &rows),
    };
    Ok(DeploymentPage {
        regions: crate::choices::followed_regions(&all, viewer, filter.region),
        all_regions: viewer.can(cap_domain::authz::Permission::ViewNetwork(None)),
        region,
        stage_table,
        members: if filter.region.is_some() { rows.into_iter().map(|(_, m)| m).collect() } else { Vec::new() },
        presentations,
        trainings,
        roll_out,
        timeline: months.into_iter().rev().collect(),
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
        self.members.iter().filter(|m| m.stage < Stage::Volunteer).collect()
    }
}
