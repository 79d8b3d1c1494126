//! The programme's deployment as the federation tells it: each member's stage from the facts
//! (informed, volunteered to test and from when, its campaigns, reviewed), and the nation's
//! roll-out region by region — presentations held and planned, members volunteering, about to
//! test, testing and having tested — for the page, its printout and its spreadsheet.

use crate::app::App;
use crate::audit::Author;
use crate::error::Result;
use cap_domain::OrganisationType;
use cap_domain::campaign::CampaignStatus;
use cap_domain::deployment::{Stage, Volunteering};
use cap_domain::network::utc_year;
use cap_storage::deployment::{self, Presentation};
use cap_storage::directory::{self, Training};
use cap_storage::regions::{self, Region};
use std::collections::BTreeMap;
use std::sync::Arc;

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
    /// When it volunteered to test the programme.
    pub volunteered_on: Option<String>,
    /// The day its first campaign should start, once set.
    pub planned_from: Option<String>,
}

/// A member in a roll-out list: its id, its name and the day that goes with the list (when it
/// volunteered, when it will start), empty when the list has none.
pub type Listed = (i64, String, String);

/// One region's line of the roll-out as the federation tells it: its presentations held and
/// planned, with their dates, and its members by how far they went with the programme.
pub struct RegionRollOut {
    /// The region's id.
    pub id: i64,
    /// The region.
    pub name: String,
    /// Presentations held (day, place), oldest first.
    pub held: Vec<(String, String)>,
    /// Presentations planned (day, place), soonest first.
    pub planned: Vec<(String, String)>,
    /// Members that volunteered to test, no day set yet (with the day they volunteered).
    pub volunteers: Vec<Listed>,
    /// Members that will test (with the day their first campaign should start).
    pub will_test: Vec<Listed>,
    /// Members running their first campaign.
    pub testing: Vec<Listed>,
    /// Members that have been through a campaign (using the programme, or reviewed).
    pub tested: Vec<Listed>,
}

impl RegionRollOut {
    /// Whether there is anything to tell about the region.
    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
            && self.planned.is_empty()
            && self.volunteers.is_empty()
            && self.will_test.is_empty()
            && self.testing.is_empty()
            && self.tested.is_empty()
    }
}

/// The nation's roll-out, region by region, from facts only: presentations noted with their day
/// (past or to come, in Paris), and each member's stage from what it said and its campaigns.
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
            let of = |stages: &[Stage], day: fn(&MemberRow) -> Option<&String>| -> Vec<Listed> {
                let mut list: Vec<Listed> = members
                    .iter()
                    .filter(|(region, m)| region == id && stages.contains(&m.stage))
                    .map(|(_, m)| (m.id, m.name.clone(), day(m).cloned().unwrap_or_default()))
                    .collect();
                list.sort_by(|a, b| a.1.cmp(&b.1));
                list
            };
            RegionRollOut {
                id: *id,
                name: name.clone(),
                held,
                planned,
                volunteers: of(&[Stage::Volunteer], |m| m.volunteered_on.as_ref()),
                will_test: of(&[Stage::WillTest], |m| m.planned_from.as_ref()),
                testing: of(&[Stage::Testing], |_| None),
                tested: of(&[Stage::Using, Stage::Reviewed], |_| None),
            }
        })
        .collect()
}

/// Each member of one region (or of all) with its region and its stage, from what Cap knows.
async fn members(app: &App, region: Option<i64>) -> Result<Vec<(i64, MemberRow)>> {
    let completed = Stage::COMPLETED.map(CampaignStatus::code);
    Ok(deployment::members(&app.db, region, &completed)
        .await?
        .into_iter()
        .map(|m| {
            let volunteering = Volunteering::of(m.volunteered_on.as_deref(), m.planned_from.as_deref());
            let stage = Stage::from_facts(
                m.informed_on.is_some(),
                volunteering,
                m.campaigns > 0,
                m.completed == 1,
                m.reviewed == 1,
            );
            let type_key = OrganisationType::from_code(&m.org_type).map_or("orgtype.OTHER", |k| k.label_key());
            let row = MemberRow {
                id: m.organisation_id,
                name: m.name,
                type_key,
                stage,
                informed_on: m.informed_on,
                volunteered_on: m.volunteered_on,
                planned_from: m.planned_from,
            };
            (m.region_id, row)
        })
        .collect())
}

/// One month of the deployment's timeline.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Month {
    /// Presentations held, and their attendees.
    pub presentations: (usize, i64),
    /// Trainings held.
    pub trainings: usize,
    /// Campaigns started.
    pub campaigns: usize,
}

/// What the deployment shows of one region or of the nation, read and worked out together.
pub struct Overview {
    /// Every region, by name.
    pub regions: Vec<Region>,
    /// The members (of the region, or of the nation) with their region and stage, by name.
    pub members: Vec<(i64, MemberRow)>,
    /// The members counted by stage ([`Stage::ALL`]'s order): region by region, every region
    /// listed (the nation's table).
    pub by_region: Vec<(String, Vec<usize>)>,
    /// The members counted by stage, all together.
    pub total: Vec<usize>,
    /// Presentations, most recent first.
    pub presentations: Vec<Presentation>,
    /// Trainings, most recent first.
    pub trainings: Vec<Training>,
    /// Month by month (`YYYY-MM`), most recent first.
    pub timeline: Vec<(String, Month)>,
    /// The nation's roll-out, the regions that have something to tell (empty for one region).
    pub roll_out: Vec<RegionRollOut>,
}

/// The deployment's views, by region (`None`: the nation) and day in Paris, under the
/// deployment's stamp.
pub type OverviewCache = crate::stamped_cache::StampedCache<(Option<i64>, String), i64, Overview>;

/// The deployment of region `region` (or of the nation) as of today in Paris. It is worked out
/// once, then kept until the database's stamp says something it shows was written: the nation's
/// view reads every member and campaign (10 ms on SQLite at 2,000 members), and the page's
/// requests at once would each hold all of it (`docs/PERFORMANCE.md`).
pub async fn overview(app: &App, region: Option<i64>) -> Result<Arc<Overview>> {
    let stamp = deployment::stamp(&app.db).await?;
    let today = crate::i18n::paris_today().to_string();
    app.deployment.get_or_compute((region, today.clone()), stamp, || read_overview(app, region, today)).await
}

async fn read_overview(app: &App, region: Option<i64>, today: String) -> Result<Overview> {
    let regions = regions::list(&app.db).await?;
    let members = members(app, region).await?;
    let presentations = deployment::presentations(&app.db, region).await?;
    let trainings = directory::trainings(&app.db, region).await?;
    let starts = deployment::campaign_starts(&app.db, region).await?;
    let count = |of_region: Option<i64>| -> Vec<usize> {
        let mut counts = vec![0; Stage::ALL.len()];
        for (_, m) in members.iter().filter(|(r, _)| of_region.is_none_or(|id| *r == id)) {
            if let Some(i) = Stage::ALL.iter().position(|s| *s == m.stage) {
                counts[i] += 1;
            }
        }
        counts
    };
    let by_region = regions.iter().map(|r| (r.name.clone(), count(Some(r.id)))).collect();
    let total = count(None);
    let roll_out = match region {
        Some(_) => Vec::new(),
        None => {
            let names: Vec<(i64, String)> = regions.iter().map(|r| (r.id, r.name.clone())).collect();
            roll_out(&names, &presentations, &members, &today).into_iter().filter(|r| !r.is_empty()).collect()
        }
    };
    let timeline = timeline(&presentations, &trainings, &starts);
    Ok(Overview { regions, members, by_region, total, presentations, trainings, timeline, roll_out })
}

/// The timeline month by month, most recent first: presentations and their attendees, trainings,
/// and campaigns started (`starts`: a day's first second, UTC, and how many).
pub fn timeline(presentations: &[Presentation], trainings: &[Training], starts: &[(i64, i64)]) -> Vec<(String, Month)> {
    let mut months: BTreeMap<String, Month> = BTreeMap::new();
    for p in presentations {
        let m = months.entry(p.held_on.chars().take(7).collect()).or_default();
        m.presentations.0 += 1;
        m.presentations.1 += p.attendees;
    }
    for t in trainings {
        months.entry(t.held_on.chars().take(7).collect()).or_default().trainings += 1;
    }
    for (at, count) in starts {
        let month = jiff::Timestamp::from_second(*at)
            .map(|ts| ts.to_zoned(jiff::tz::TimeZone::UTC).strftime("%Y-%m").to_string())
            .unwrap_or_else(|_| format!("{}-01", utc_year(*at)));
        months.entry(month).or_default().campaigns += usize::try_from(*count).unwrap_or(0);
    }
    months.into_iter().rev().collect()
}

/// Records that member `organisation` volunteers to test the programme (since `volunteered_on`,
/// starting on `planned_from` once set), or no longer does (`volunteered_on` `None`); audited.
pub async fn set_volunteer(
    app: &App,
    by: &Author,
    organisation: i64,
    volunteered_on: Option<&str>,
    planned_from: Option<&str>,
) -> Result<()> {
    let details = match (volunteered_on, planned_from) {
        (None, _) => "-".to_owned(),
        (Some(day), None) => day.to_owned(),
        (Some(day), Some(from)) => format!("{day} → {from}"),
    };
    let entry = by.entry("programme.volunteer", "organisation", organisation, details);
    deployment::set_volunteer(app.db.audited(entry), organisation, volunteered_on, planned_from, by.user).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: i64, name: &str, stage: Stage) -> MemberRow {
        MemberRow {
            id,
            name: name.into(),
            type_key: "orgtype.ACI",
            stage,
            informed_on: None,
            volunteered_on: None,
            planned_from: None,
        }
    }

    fn presentation(region_id: i64, held_on: &str, place: &str) -> Presentation {
        Presentation {
            id: 0,
            region_id,
            held_on: held_on.into(),
            place: place.into(),
            audience: String::new(),
            attendees: 10,
            notes: String::new(),
            interested: Vec::new(),
        }
    }

    #[test]
    fn the_timeline_counts_each_month_most_recent_first() {
        let training = |held_on: &str| Training {
            id: 1,
            title: "Pairs".into(),
            audience: cap_domain::review::TrainingAudience::Pairs,
            held_on: held_on.into(),
            place: "Lyon".into(),
            region_id: 1,
            region: "ARA".into(),
            attendees: Vec::new(),
        };
        let presentations = [presentation(1, "2026-03-02", "Brest"), presentation(2, "2026-03-30", "Lyon")];
        // 2026-05-01 and 2026-05-31 (UTC), and one day of January.
        let starts = [(1_777_593_600, 2), (1_780_185_600, 1), (1_767_225_600, 4)];
        let months = timeline(&presentations, &[training("2026-05-12")], &starts);
        assert_eq!(
            months,
            [
                ("2026-05".to_owned(), Month { presentations: (0, 0), trainings: 1, campaigns: 3 }),
                ("2026-03".to_owned(), Month { presentations: (2, 20), trainings: 0, campaigns: 0 }),
                ("2026-01".to_owned(), Month { presentations: (0, 0), trainings: 0, campaigns: 4 }),
            ]
        );
        assert!(timeline(&[], &[], &[]).is_empty());
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
            (1, MemberRow { volunteered_on: Some("2026-11-02".into()), ..member(14, "Volontaire", Stage::Volunteer) }),
            (
                1,
                MemberRow {
                    volunteered_on: Some("2026-10-01".into()),
                    planned_from: Some("2027-01-11".into()),
                    ..member(15, "Bientôt", Stage::WillTest)
                },
            ),
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
        assert_eq!(b.volunteers, [(14, "Volontaire".to_owned(), "2026-11-02".to_owned())], "with the day");
        assert_eq!(b.will_test, [(15, "Bientôt".to_owned(), "2027-01-11".to_owned())], "with the day it starts");
        assert_eq!(b.testing, [(10, "Tremplin".to_owned(), String::new())]);
        assert_eq!(
            b.tested,
            [(11, "Atelier".to_owned(), String::new()), (12, "Chantier".to_owned(), String::new())],
            "using or reviewed: tested"
        );
        let o = &lines[1];
        assert!(o.held.is_empty() && o.testing.is_empty() && o.tested.is_empty() && o.volunteers.is_empty());
        assert_eq!(o.planned.len(), 1);
        assert!(!o.is_empty());
        assert!(roll_out(&regions, &[], &[], "2026-12-06").iter().all(RegionRollOut::is_empty));
    }
}
