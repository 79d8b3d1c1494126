//! The list of requests the services' actions render: the region's (or the nation's) requests
//! with the forms that move them, and the counts by state.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::Viewer;
use askama::Template;
use askama_web::WebTemplate;
use cap_app::network::{Query as Filters, authorise};
use cap_domain::service_request::RequestState;
use cap_storage::regions;
use cap_storage::services::Request;

/// A problem with one request's move, shown beside it.
pub struct RowProblem {
    /// The request.
    pub id: i64,
    /// The message key.
    pub key: &'static str,
}

/// The requests followed.
#[derive(Template, WebTemplate)]
#[template(path = "services/list.html")]
pub struct ListPage {
    /// The frame.
    pub page: Page,
    /// The region shown (none: the nation).
    pub region: Option<(i64, String)>,
    /// The regions the viewer may choose, with whether each is the one shown.
    pub regions: Vec<(i64, String, bool)>,
    /// Whether the viewer may see the nation.
    pub all_regions: bool,
    /// The requests, open ones first.
    pub requests: Vec<Request>,
    /// The offers' titles by code.
    pub titles: Vec<(String, String)>,
    /// How many requests stand in each state.
    pub counts: Vec<(RequestState, i64)>,
    /// A move refused, beside its request.
    pub problem: Option<RowProblem>,
}

impl ListPage {
    /// An offer's title.
    fn title<'a>(&'a self, code: &'a str) -> &'a str {
        self.titles.iter().find(|(c, _)| c == code).map_or(code, |(_, t)| t.as_str())
    }

    /// The problem of request `id`, if any.
    fn problem_of(&self, id: &i64) -> Option<&'static str> {
        self.problem.as_ref().filter(|p| p.id == *id).map(|p| p.key)
    }
}

/// Builds the list for the viewer's filter (their region, or the nation for the federation).
pub async fn render(state: &AppState, page: Page, viewer: &Viewer, q: &Filters) -> AppResult<ListPage> {
    let filter = authorise(viewer, q)?;
    let all = regions::list(&state.db).await?;
    let requests = cap_app::services::followed(state, viewer, filter.region).await?;
    let titles =
        cap_storage::offers::list(&state.db).await?.into_iter().map(|o| (o.offer.code, o.offer.title)).collect();
    Ok(ListPage {
        region: filter.region.and_then(|id| all.iter().find(|r| r.id == id).map(|r| (r.id, r.name.clone()))),
        regions: crate::choices::followed_regions(&all, viewer, filter.region),
        all_regions: viewer.can(cap_domain::authz::Permission::ViewNetwork(None)),
        requests,
        titles,
        counts: cap_app::services::counts(state, filter.region).await?,
        problem: None,
        page,
    })
}
