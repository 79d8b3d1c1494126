//! `GET/POST /campaigns/{id}/plan/import`: the coordinator sends back the plan's spreadsheet
//! (exported from Cap, edited in Excel or LibreOffice). Every row is checked first — the action
//! exists in this plan, a title, a known status, progress from 0 to 100, real dates in order, and
//! no edit made in Cap since the export — and only when all rows pass are the changes written, in
//! one transaction. Title, description, contributors, dates, status, progress and notes are read;
//! indicators, responsible person and offer stay as they are in Cap.

use super::load_plan;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::ProblemRow;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, run};
use cap_app::i18n::{Locale, Tr};
use cap_app::plans::PLAN_COLUMNS;
use cap_app::practices::human_size;
use cap_domain::plan::{ActionInput, ActionStatus};
use cap_domain::validation::upload_file_name;
use cap_reports::xlsx::{Cell, XlsxReadError, read_workbook};
use cap_storage::plans::{self, Action, ActionChange};
use jiff::ToSpan;
use std::collections::HashMap;

/// Largest file accepted (a plan of a few hundred actions is far below).
pub const MAX_UPLOAD_BYTES: usize = 2 * 1024 * 1024;

#[derive(Template, WebTemplate)]
#[template(path = "plans/import.html")]
struct ImportPage {
    page: Page,
    loaded: Loaded,
    file_name: String,
    problems: Vec<ProblemRow>,
}

/// Shows the upload form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let p = load_plan(&state, &viewer, id, run).await?;
    Ok(ImportPage { page, loaded: p.loaded, file_name: String::new(), problems: Vec::new() }.into_response())
}

/// An imported row, checked, with the action it changes.
struct Edit {
    id: i64,
    version: i64,
    input: ActionInput,
    description: String,
    contributors: String,
    notes: String,
}

/// Checks the file, then writes every change at once, or nothing.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    request: Request,
) -> AppResult<Response> {
    // Authorise before reading the upload, so a refused request learns nothing from its body.
    let p = load_plan(&state, &viewer, id, run).await?;
    let mut multipart = Multipart::from_request(request, &state).await.map_err(|_| AppError::BadRequest)?;
    let failed = |e: axum::extract::multipart::MultipartError| AppError::from_multipart(&e, MAX_UPLOAD_BYTES);
    let mut raw_name = String::new();
    let mut bytes = axum::body::Bytes::new();
    while let Some(field) = multipart.next_field().await.map_err(failed)? {
        if field.name() == Some("file") {
            raw_name = field.file_name().unwrap_or_default().to_owned();
            bytes = field.bytes().await.map_err(failed)?;
        }
    }
    let t = page.t;
    let file_name = match upload_file_name(&raw_name) {
        Ok(name) => name,
        Err(e) => {
            let problems = vec![ProblemRow { line: None, message: t.t(e.key).to_owned() }];
            let body = ImportPage { page, loaded: p.loaded, file_name: String::new(), problems };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    let actions: HashMap<i64, Action> =
        plans::actions(&state.db, p.plan.id).await?.into_iter().map(|a| (a.id, a)).collect();
    let (edits, mut problems) = check(t, &bytes, &actions);
    if problems.is_empty() && edits.is_empty() {
        problems.push(ProblemRow { line: None, message: t.t("import.nothing_changed").to_owned() });
    }
    if !problems.is_empty() {
        let body = ImportPage { page, loaded: p.loaded, file_name, problems };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    }
    let starts: Vec<Option<String>> = edits.iter().map(|e| e.input.start.map(|d| d.to_string())).collect();
    let dues: Vec<Option<String>> = edits.iter().map(|e| e.input.due.map(|d| d.to_string())).collect();
    let changes: Vec<(i64, ActionChange, i64)> = edits
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let stored = &actions[&e.id];
            let change = ActionChange {
                title: &e.input.title,
                description: &e.description,
                indicators: &stored.indicators,
                responsible_user_id: stored.responsible_user_id,
                contributors: &e.contributors,
                starts_on: starts[i].as_deref(),
                due_on: dues[i].as_deref(),
                status: e.input.status,
                progress: e.input.progress,
                notes: &e.notes,
                offer_code: stored.offer_code.as_deref(),
            };
            (e.id, change, e.version)
        })
        .collect();
    let ids = edits.iter().map(|e| e.id.to_string()).collect::<Vec<_>>().join(", ");
    let entry = ctx.author().entry("plans.import", "plan", p.plan.id, format!("{file_name}: {ids}"));
    let stale = plans::update_actions(state.db.audited(entry), p.plan.id, &changes).await?;
    if !stale.is_empty() {
        let problems =
            stale.iter().map(|n| ProblemRow { line: None, message: t.t1("import.changed_since", n) }).collect();
        let body = ImportPage { page, loaded: p.loaded, file_name, problems };
        return Ok((StatusCode::CONFLICT, body).into_response());
    }
    cap_app::plans::record_completion(&state.db, p.plan.id).await?;
    Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/plan"), "flash.plan_imported"))
}

/// Reads and checks every row; returns the changed rows, or the problems of the whole file.
fn check(t: Tr, bytes: &[u8], actions: &HashMap<i64, Action>) -> (Vec<Edit>, Vec<ProblemRow>) {
    let problem = |line: Option<usize>, message: String| ProblemRow { line, message };
    let sheets = match read_workbook(bytes) {
        Ok(sheets) => sheets,
        Err(e) => return (Vec::new(), vec![problem(None, refusal(t, &e))]),
    };
    // The plan's sheet is the one whose first row holds the plan's headers, in French or English.
    let labels = |key: &str| [Tr::new(Locale::Fr).t(key).to_owned(), Tr::new(Locale::En).t(key).to_owned()];
    let column_of = |headers: &[Cell], key: &str| {
        headers.iter().position(|h| matches!(h, Cell::Text(text) if labels(key).iter().any(|l| l == text.trim())))
    };
    let Some((sheet, columns)) = sheets.iter().find_map(|s| {
        let headers = s.rows.first()?;
        let columns: Vec<Option<usize>> = PLAN_COLUMNS.iter().map(|k| column_of(headers, k)).collect();
        let needed = ["export.number", "action.title", "action.status_label", "export.version"];
        let found = |k: &str| PLAN_COLUMNS.iter().position(|c| *c == k).and_then(|i| columns[i]).is_some();
        needed.iter().all(|k| found(k)).then_some((s, columns))
    }) else {
        return (Vec::new(), vec![problem(None, t.t("import.no_plan_sheet").to_owned())]);
    };
    let at = |row: &[Cell], key: &str| -> Cell {
        PLAN_COLUMNS
            .iter()
            .position(|c| *c == key)
            .and_then(|i| columns[i])
            .and_then(|c| row.get(c).cloned())
            .unwrap_or(Cell::Empty)
    };
    let mut edits = Vec::new();
    let mut problems = Vec::new();
    for (index, row) in sheet.rows.iter().enumerate().skip(1) {
        let line = Some(index + 1);
        if row.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let Some(number) = whole_number(&at(row, "export.number")) else {
            problems.push(problem(line, t.t("import.no_number").to_owned()));
            continue;
        };
        let Some(stored) = actions.get(&number) else {
            problems.push(problem(line, t.t1("import.unknown_action", number)));
            continue;
        };
        let status_text = text(&at(row, "action.status_label"));
        let status = ActionStatus::ALL.iter().find(|s| {
            s.code() == status_text
                || Tr::new(Locale::Fr).t(s.label_key()) == status_text
                || Tr::new(Locale::En).t(s.label_key()) == status_text
        });
        let input = ActionInput::parse(
            &text(&at(row, "action.title")),
            &date_text(&at(row, "action.starts_on")),
            &date_text(&at(row, "action.due_on")),
            status.map_or("", |s| s.code()),
            &text(&at(row, "action.progress")),
        );
        let input = match input {
            Ok(input) => input,
            Err(list) => {
                for (_, e) in list {
                    problems.push(problem(line, format!("{} : {}", t.t1("import.action", number), t.t(e.key))));
                }
                continue;
            }
        };
        let (description, contributors, notes) = (
            text(&at(row, "action.description")),
            text(&at(row, "action.contributors")),
            text(&at(row, "action.notes")),
        );
        if description.chars().count() > 4000 || contributors.chars().count() > 500 || notes.chars().count() > 4000 {
            problems
                .push(problem(line, format!("{} : {}", t.t1("import.action", number), t.t("error.action.too_long"))));
            continue;
        }
        let unchanged = input.title == stored.title
            && description == stored.description
            && contributors == stored.contributors
            && input.start.map(|d| d.to_string()) == stored.starts_on
            && input.due.map(|d| d.to_string()) == stored.due_on
            && input.status == stored.status
            && input.progress == stored.progress
            && notes == stored.notes;
        if unchanged {
            continue;
        }
        let version = whole_number(&at(row, "export.version")).unwrap_or(0);
        if version != stored.version {
            problems.push(problem(line, t.t1("import.changed_since", number)));
            continue;
        }
        edits.push(Edit { id: number, version, input, description, contributors, notes });
    }
    (edits, problems)
}

/// Why the workbook was not read, with the limit it went beyond.
fn refusal(t: Tr, e: &XlsxReadError) -> String {
    let fr = t.lang() == "fr";
    match e {
        XlsxReadError::Unreadable(_) => t.t("import.not_a_workbook").to_owned(),
        XlsxReadError::TooManyEntries(n) => t.t1("import.too_many_entries", n),
        XlsxReadError::TooLarge(n) => t.t1("import.too_large", human_size(*n as i64, fr)),
        XlsxReadError::TooManyRows(n) => t.t1("import.too_many_rows", n),
        XlsxReadError::TooManyColumns(n) => t.t1("import.too_many_columns", n),
        XlsxReadError::TooManyCells(n) => t.t1("import.too_many_cells", n),
        XlsxReadError::TextTooLong(n) => t.t1("import.text_too_long", n),
        XlsxReadError::TooManySharedStrings(n) => t.t1("import.too_many_texts", n),
    }
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.trim().to_owned(),
        Cell::Number(n) => cap_domain::campaign::format_number(*n),
        Cell::Date(stamp) => stamp.french(),
        Cell::Empty => String::new(),
    }
}

fn whole_number(cell: &Cell) -> Option<i64> {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 => Some(*n as i64),
        Cell::Text(t) => t.trim().parse().ok(),
        _ => None,
    }
}

/// A date cell as text: typed text as it is, a spreadsheet date (days since 30/12/1899) as ISO.
fn date_text(cell: &Cell) -> String {
    match cell {
        Cell::Date(stamp) => format!("{:04}-{:02}-{:02}", stamp.year, stamp.month, stamp.day),
        Cell::Number(serial) if serial.is_finite() && (1.0..2_958_466.0).contains(serial) => {
            let epoch = jiff::civil::Date::new(1899, 12, 30).unwrap_or_default();
            epoch.checked_add((serial.floor() as i64).days()).map(|d| d.to_string()).unwrap_or_default()
        }
        other => text(other),
    }
}
