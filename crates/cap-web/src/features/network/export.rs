//! `GET /network/export.csv`: the dashboard's figures for French Excel, with the same filters,
//! rights and hidden cells as the page: one line per figure (section, code, label, values).

use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use cap_app::network::{Line, Query as Filters, authorise, figures};
use cap_domain::network::Shown;
use cap_reports::csv::to_csv;

/// Downloads the figures.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Query(q): Query<Filters>,
    page: Page,
) -> AppResult<Response> {
    let filter = authorise(&viewer, &q)?;
    let t = page.t;
    let f = figures(&state, t, &filter).await?;
    let hidden = t.t("network.hidden");
    let text = |c: &Shown<f64>| match c {
        Shown::Value(v) if v.fract() == 0.0 => format!("{v:.0}"),
        // Shares as percentages with a decimal comma, as French Excel reads them.
        Shown::Value(v) => format!("{:.1}", v * 100.0).replace('.', ","),
        Shown::Suppressed => hidden.to_owned(),
    };
    let mut rows = vec![vec![
        t.t("network.csv_section").to_owned(),
        t.t("export.code").to_owned(),
        t.t("network.csv_label").to_owned(),
        t.t("network.csv_values").to_owned(),
    ]];
    let mut section = |key: &str, lines: &[Line]| {
        for l in lines {
            let mut row = vec![t.t(key).to_owned(), l.code.clone(), l.label.clone()];
            row.extend(l.cells.iter().map(text));
            rows.push(row);
        }
    };
    section("network.by_region", &f.by_region);
    section("network.by_type", &f.by_type);
    section("network.status_title", &f.by_status);
    section("network.means_title", &f.means);
    section("network.levels_title", &f.levels);
    section("network.targets_title", &f.targets);
    section("network.themes_title", &f.themes);
    section("network.offers_title", &f.offers);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"cap-reseau.csv\"".to_owned()),
        ],
        to_csv(&rows),
    )
        .into_response())
}
