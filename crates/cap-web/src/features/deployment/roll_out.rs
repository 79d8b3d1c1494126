//! `GET /deployment/roll-out.csv`: the nation's roll-out as the federation's newsletter lists it,
//! for French Excel: one line per presentation held or planned and per member that tested the
//! programme, is testing it, will test it or volunteered to, region by region.

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use cap_domain::authz::Permission;
use cap_reports::csv::to_csv;

/// Downloads the lists.
pub async fn handler(State(state): State<AppState>, SignedIn(viewer): SignedIn, page: Page) -> AppResult<Response> {
    viewer.require(Permission::ViewNetwork(None))?;
    let t = page.t;
    let mut rows = vec![vec![
        t.t("org.region").to_owned(),
        t.t("deployment.csv_what").to_owned(),
        t.t("deployment.csv_day").to_owned(),
        t.t("deployment.csv_who_or_where").to_owned(),
    ]];
    let nation = cap_app::deployment::overview(&state, None).await?;
    for r in &nation.roll_out {
        let mut add = |what: &str, day: &str, text: &str| {
            rows.push(vec![r.name.clone(), t.t(what).to_owned(), day.to_owned(), text.to_owned()]);
        };
        for (day, place) in &r.held {
            add("deployment.presented_on", day, place);
        }
        for (day, place) in &r.planned {
            add("deployment.will_present_on", day, place);
        }
        for (what, list) in [
            ("deployment.have_tested", &r.tested),
            ("deployment.are_testing", &r.testing),
            ("deployment.will_test", &r.will_test),
            ("deployment.volunteers", &r.volunteers),
        ] {
            for (_, name, day) in list {
                add(what, day, name);
            }
        }
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"cap-deploiement.csv\"".to_owned()),
        ],
        to_csv(&rows),
    )
        .into_response())
}
