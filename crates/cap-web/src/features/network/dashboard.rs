//! `GET /network`: the network's anonymised figures for the federation's administrators (every
//! region, or one) and each regional delegate (their region): organisations engaged by region and
//! type, campaigns by step, mean scores and targets by pillar and objective, how levels and
//! chosen targets spread on each indicator, the themes plans work on most and the offers of
//! services they request. Filters by region, type and year; charts with their data tables.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::SelectOption;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cap_app::network::{Figures, Query as Filters, authorise, figures};
use cap_domain::authz::Permission;
use cap_domain::network::Shown;
use cap_domain::{OrganisationType, RegionId};
use cap_reports::charts::{ChartText, Responsive, Series, bars, percent};
use cap_storage::regions;
use std::sync::Arc;

#[derive(Template, WebTemplate)]
#[template(path = "network/dashboard.html")]
struct DashboardPage {
    page: Page,
    figures: Arc<Figures>,
    regions: Vec<SelectOption>,
    all_regions: bool,
    org_types: Vec<SelectOption>,
    year: String,
    query: String,
    chart: String,
    /// The activity figures summed over the organisations in view, with how many they are;
    /// none below the anonymity threshold.
    activity: Option<(Vec<cap_app::activity::Line>, usize)>,
    /// The service requests of the region (or the nation) by state.
    services: Vec<(cap_domain::service_request::RequestState, i64)>,
    /// The region shown, for the link to its requests (empty: the nation).
    region: String,
}

impl DashboardPage {
    fn region_param(&self) -> &str {
        &self.region
    }

    /// Whether any service was asked for in view.
    fn has_services(&self) -> bool {
        self.services.iter().any(|(_, n)| *n > 0)
    }
}

/// Shows the dashboard.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Query(q): Query<Filters>,
    page: Page,
) -> AppResult<Response> {
    let filter = authorise(&viewer, &q)?;
    let t = page.t;
    let figures = figures(&state, t, &filter).await?;
    let current_region = filter.region.map(|r| r.to_string()).unwrap_or_default();
    let regions = regions::list(&state.db)
        .await?
        .into_iter()
        .filter(|r| viewer.can(Permission::ViewNetwork(Some(RegionId(r.id)))))
        .map(|r| SelectOption::new(r.id.to_string(), r.name, &current_region))
        .collect();
    let current_type = filter.org_type.clone().unwrap_or_default();
    let org_types = OrganisationType::ALL
        .into_iter()
        .map(|k| SelectOption::new(k.code(), t.t(k.label_key()), &current_type))
        .collect();
    let pillars: Vec<Series> = figures
        .means
        .iter()
        .filter(|l| l.depth == 0)
        .map(|l| Series {
            label: &l.label,
            value: l.cells.get(1).and_then(|c| c.value().copied()),
            previous: None,
            target: l.cells.get(2).and_then(|c| c.value().copied()),
        })
        .collect();
    let text = ChartText {
        id: "network-pillars",
        title: t.t("network.means_title"),
        description: t.t("network.means_chart_desc"),
        legend_current: t.t("network.mean_score"),
        legend_previous: "",
        legend_target: t.t("network.mean_target"),
    };
    let chart = Responsive::draw(|fit| bars(&pillars, &text, fit)).to_string();
    let year = filter.year.map(|y| y.to_string()).unwrap_or_default();
    let query = format!("region={current_region}&org_type={current_type}&year={year}",);
    let activity = cap_app::activity::network_totals(&state, &filter)
        .await?
        .map(|(totals, organisations)| (cap_app::activity::lines(t, &totals, None), organisations));
    let services = cap_app::services::counts(&state, filter.region).await?;
    Ok(DashboardPage {
        activity,
        services,
        region: current_region.clone(),
        figures,
        all_regions: viewer.can(Permission::ViewNetwork(None)),
        regions,
        org_types,
        year,
        query,
        chart,
        page,
    }
    .into_response())
}

impl DashboardPage {
    fn count(&self, cell: &Shown<f64>) -> String {
        match cell {
            Shown::Value(v) => format!("{v:.0}"),
            Shown::Suppressed => self.page.t.t("network.hidden").to_owned(),
        }
    }

    fn share(&self, cell: &Shown<f64>) -> String {
        match cell {
            Shown::Value(v) => percent(*v),
            Shown::Suppressed => self.page.t.t("network.hidden").to_owned(),
        }
    }
}
