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
use cap_app::network::{Query as Filters, authorise};
use cap_domain::OrganisationType;
use cap_domain::campaign::CampaignStatus;
use cap_domain::deployment::Stage;
use cap_domain::network::utc_year;
use cap_storage::deployment::{self, Presentation};
use cap_storage::directory::{self, Training};
use cap_storage::regions;
use std::collections::BTreeMap;

/// A member and its stage.
pub struct MemberRow {
    /// The organisation.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its type's message key.
    pub type_key: &'static str,
    /// Its stage.
    pub stage: Stage,
    /// When it was marked informed.
    pub informed_on: Option<String>,
}

/// One region's line of the roll-out as the federation tells it: its presentations held and
/// planned, with their dates, and its members testing and having tested.
pub struct RegionRollOut {
    /// The region.
    pub name: String,
    /// Presentations held (day, place), oldest first.
    pub held: Vec<(String, String)>,
    /// Presentations planned (day, place), soonest first.
    pub planned: Vec<(String, String)>,
    /// Members running their first campaign.
    pub testing: Vec<(i64, String)>,
    /// Members that have been through a campaign (using the programme, or reviewed).
    pub tested: Vec<(i64, String)>,
}

impl RegionRollOut {
    /// Whether there is anything to tell about the region.
    pub fn is_empty(&self) -> bool {
        self.held.is_empty() && self.planned.is_empty() && self.testing.is_empty() && self.tested.is_empty()
    }
}

/// The nation's roll-out, region by region, from facts only: presentations noted with their day
/// (past or to come, in Paris), and each member's stage from its campaigns.
pub fn roll_out(
    regions: &[(i64, String)],
    presentations: &[Presentation],
    members: &[(i64, MemberRow)],
    today: &str,
) -> Vec<RegionRollOut> {
    regions
        .iter()
        .map(|(id, name)| {
            let mut held: Vec<(String, String)> = Vec::new();
            let mut planned: Vec<(String, String)> = Vec::new();
            for p in presentations.iter().filter(|p| p.region_id == *id) {
                let line = (p.held_on.clone(), p.place.clone());
                if p.held_on.as_str() <= today { held.push(line) } else { planned.push(line) }
            }
            held.sort();
            planned.sort();
            let of = |stages: &[Stage]| -> Vec<(i64, String)> {
                let mut list: Vec<(i64, String)> = members
                    .iter()
                    .filter(|(region, m)| region == id && stages.contains(&m.stage))
                    .map(|(_, m)| (m.id, m.name.clone()))
                    .collect();
                list.sort_by(|a, b| a.1.cmp(&b.1));
                list
            };
            RegionRollOut {
                name: name.clone(),
                held,
                planned,
                testing: of(&[Stage::Testing]),
                tested: of(&[Stage::Using, Stage::Reviewed]),
            }
        })
        .collect()
}

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
    pub(crate) attendees: String,
    pub(crate) notes: String,
    pub(crate) errors: FormErrors,
}

/// Each member with its region and its stage, from what Cap knows of it.
fn member_rows(members: Vec<deployment::Member>) -> Vec<(i64, MemberRow)> {
    members
        .into_iter()
        .map(|m| {
            let statuses: Vec<CampaignStatus> =
                m.statuses.as_deref().unwrap_or_default().split(',').filter_map(CampaignStatus::from_code).collect();
            let stage = Stage::of(m.informed_on.is_some(), &statuses, m.reviewed == 1);
            let type_key = OrganisationType::from_code(&m.org_type).map_or("orgtype.OTHER", |k| k.label_key());
            (
                m.region_id,
                MemberRow { id: m.organisation_id, name: m.name, type_key, stage, informed_on: m.informed_on },
            )
        })
        .collect()
}

/// The nation's roll-out, every region that has something to tell.
pub(crate) async fn national_roll_out(state: &AppState) -> AppResult<Vec<RegionRollOut>> {
    let names: Vec<(i64, String)> = regions::list(&state.db).await?.into_iter().map(|r| (r.id, r.name)).collect();
    let rows = member_rows(deployment::members(&state.db, None).await?);
    let presentations = deployment::presentations(&state.db, None).await?;
    Ok(told(&names, &presentations, &rows))
}

/// The regions' roll-out as of today in Paris, without the regions that have nothing to tell.
fn told(names: &[(i64, String)], presentations: &[Presentation], rows: &[(i64, MemberRow)]) -> Vec<RegionRollOut> {
    let today = cap_app::i18n::paris_today().to_string();
    roll_out(names, presentations, rows, &today).into_iter().filter(|r| !r.is_empty()).collect()
}

/// Builds the page for the viewer's filters.
pub(crate) async fn render(state: &AppState, page: Page, viewer: &Viewer, q: &Filters) -> AppResult<DeploymentPage> {
    let filter = authorise(viewer, q)?;
    let t = page.t;
    let all = regions::list(&state.db).await?;
    let rows = member_rows(deployment::members(&state.db, filter.region).await?);
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
    for at in deployment::campaign_starts(&state.db, filter.region).await? {
        let month = jiff::Timestamp::from_second(at)
            .map(|ts| ts.to_zoned(jiff::tz::TimeZone::UTC).strftime("%Y-%m").to_string())
            .unwrap_or_else(|_| format!("{}-01", utc_year(at)));
        months.entry(month).or_default().campaigns += 1;
    }
    let region = filter.region.and_then(|id| all.iter().find(|r| r.id == id).map(|r| (r.id, r.name.clone())));
    let roll_out = match filter.region {
        Some(_) => Vec::new(),
        None => told(&all.iter().map(|r| (r.id, r.name.clone())).collect::<Vec<_>>(), &presentations, &rows),
    };
    Ok(DeploymentPage {
        regions: all
            .iter()
            .filter(|r| viewer.can(cap_domain::authz::Permission::ViewNetwork(Some(cap_domain::RegionId(r.id)))))
            .map(|r| (r.id, r.name.clone(), Some(r.id) == filter.region))
            .collect(),
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
        attendees: String::new(),
        notes: String::new(),
        errors: FormErrors::new(),
        page,
    })
}

impl DeploymentPage {
    fn stages(&self) -> [Stage; 5] {
        Stage::ALL
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: i64, name: &str, stage: Stage) -> MemberRow {
        MemberRow { id, name: name.into(), type_key: "orgtype.ACI", stage, informed_on: None }
    }

    fn presentation(region_id: i64, held_on: &str, place: &str) -> Presentation {
        Presentation {
            id: 0,
            region_id,
            held_on: held_on.into(),
            place: place.into(),
            attendees: 10,
            notes: String::new(),
        }
    }

    #[test]
    fn the_roll_out_is_told_region_by_region_from_facts() {
        let regions = [(1, "Bretagne".to_owned()), (2, "Occitanie".to_owned())];
        let presentations = [
            presentation(1, "2026-12-10", "Rennes"),
            presentation(1, "2026-03-02", "Brest"),
            presentation(1, "2026-12-06", "Vannes"),
            presentation(2, "2027-01-15", "Toulouse"),
        ];
        let members = [
            (1, member(10, "Tremplin", Stage::Testing)),
            (1, member(11, "Atelier", Stage::Using)),
            (1, member(12, "Chantier", Stage::Reviewed)),
            (1, member(13, "Informée", Stage::Informed)),
            (2, member(20, "Ressourcerie", Stage::NotYet)),
        ];
        let lines = roll_out(&regions, &presentations, &members, "2026-12-06");
        let b = &lines[0];
        assert_eq!(
            b.held,
            [("2026-03-02".into(), "Brest".into()), ("2026-12-06".into(), "Vannes".into())],
            "today counts as held"
        );
        assert_eq!(b.planned, [("2026-12-10".to_owned(), "Rennes".to_owned())]);
        assert_eq!(b.testing, [(10, "Tremplin".to_owned())]);
        assert_eq!(b.tested, [(11, "Atelier".to_owned()), (12, "Chantier".to_owned())], "using or reviewed: tested");
        let o = &lines[1];
        assert!(o.held.is_empty() && o.testing.is_empty() && o.tested.is_empty());
        assert_eq!(o.planned.len(), 1);
        assert!(!o.is_empty());
        assert!(roll_out(&regions, &[], &[], "2026-12-06").iter().all(RegionRollOut::is_empty));
    }
}
