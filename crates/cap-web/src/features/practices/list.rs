//! `GET /practices`: the published good practices, newest first, filtered by indicator and kind;
//! above them, what the viewer shared and where it stands, and for a delegate how many wait for
//! their reading.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::SelectOption;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cap_app::practices::{
    Card, Indicators, Moderates, cards, default_version, moderated_regions, sharing_organisations,
};
use cap_domain::practice::{PracticeKind, PracticeStatus};
use cap_storage::practices::{self, Filter};
use cap_storage::referentials;
use serde::Deserialize;

/// The list's filters.
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    /// Only linked to this indicator's code (empty: all).
    #[serde(default)]
    pub indicator: String,
    /// Only of this kind (empty: all).
    #[serde(default)]
    pub kind: String,
    /// The referential whose indicators filter (its code; empty: the federation's).
    #[serde(default)]
    pub referential: String,
    /// The page of results, from 1.
    #[serde(default)]
    pub page: String,
}

/// The viewer's own practices shown, the latest first.
const MINE_SHOWN: i64 = 6;

/// Published practices shown per page.
const PAGE_SIZE: i64 = 24;

#[derive(Template, WebTemplate)]
#[template(path = "practices/list.html")]
struct ListPage {
    page: Page,
    published: Vec<Card>,
    mine: Vec<Card>,
    mine_total: i64,
    kinds: Vec<SelectOption>,
    indicators: Vec<SelectOption>,
    can_share: bool,
    moderates: bool,
    waiting: i64,
    filtered: bool,
    referential_code: String,
    total: i64,
    current: i64,
    pages: i64,
    previous: Option<String>,
    next: Option<String>,
}

/// Shows the practices.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Query(filters): Query<Filters>,
    page: Page,
) -> AppResult<Response> {
    let t = page.t;
    let chosen = Some(filters.referential.trim()).filter(|c| !c.is_empty());
    let version = match chosen {
        Some(code) => referentials::latest_version(&state.db, code).await?,
        None => None,
    };
    let version = match version {
        Some(v) => Some(v),
        None => default_version(&state).await?,
    };
    let catalogue = match version {
        Some(v) => Some(Indicators::of_version(&state, v).await?),
        None => None,
    };
    let referential_code = catalogue.as_ref().map(|c| c.referential_code.clone()).unwrap_or_default();
    let indicator = filters.indicator.trim();
    let indicator = catalogue.as_ref().filter(|c| c.contains(indicator)).map(|_| indicator);
    let kind = PracticeKind::from_code(filters.kind.trim());
    let filter = Filter {
        status: Some(PracticeStatus::Published),
        referential: indicator.and(catalogue.as_ref().map(|c| c.referential_code.as_str())),
        indicator,
        kind,
        ..Filter::default()
    };
    let total = practices::count(&state.db, &filter).await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    // A page that is not a number opens the first; one past the end, the last.
    let current = filters.page.trim().parse::<i64>().unwrap_or(1).clamp(1, pages);
    let published = practices::list_page(&state.db, &filter, PAGE_SIZE, (current - 1) * PAGE_SIZE).await?;
    let by_me = Filter { author: Some(viewer.actor.user_id), ..Filter::default() };
    let mine = practices::list_page(&state.db, &by_me, MINE_SHOWN, 0).await?;
    let mine_total = practices::count(&state.db, &by_me).await?;
    let moderates = moderated_regions(&viewer);
    let waiting = match &moderates {
        Moderates::All => pending_count(&state, None).await?,
        Moderates::Regions(regions) => {
            let mut n = 0;
            for r in regions {
                n += pending_count(&state, Some(*r)).await?;
            }
            n
        }
    };
    let current_kind = kind.map(PracticeKind::code).unwrap_or_default();
    let current_indicator = indicator.unwrap_or_default();
    let link = |to: i64| {
        format!(
            "/practices?referential={referential_code}&indicator={current_indicator}&kind={current_kind}&page={to}#published-title"
        )
    };
    Ok(ListPage {
        published: cards(&state, published).await?,
        mine: cards(&state, mine).await?,
        mine_total,
        kinds: PracticeKind::ALL
            .iter()
            .map(|k| SelectOption::new(k.code(), t.t(k.label_key()), current_kind))
            .collect(),
        indicators: catalogue
            .iter()
            .flat_map(|c| c.items.iter())
            .map(|(code, label, _)| {
                SelectOption::new(code.clone(), shorten(&format!("{code} — {label}")), current_indicator)
            })
            .collect(),
        can_share: !sharing_organisations(&state, &viewer).await?.is_empty(),
        moderates: moderates.any(),
        waiting,
        filtered: indicator.is_some() || kind.is_some(),
        referential_code: referential_code.clone(),
        total,
        current,
        pages,
        previous: (current > 1).then(|| link(current - 1)),
        next: (current < pages).then(|| link(current + 1)),
        page,
    }
    .into_response())
}

async fn pending_count(state: &AppState, region: Option<i64>) -> AppResult<i64> {
    let filter = Filter { status: Some(PracticeStatus::Pending), region, ..Filter::default() };
    Ok(practices::count(&state.db, &filter).await?)
}

/// A long statement cut for a drop-down list.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 90 {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(89).collect::<String>())
    }
}
