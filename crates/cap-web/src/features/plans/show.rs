//! `GET /campaigns/{id}/plan`: the plan. Before it exists, the form that proposes it; then its
//! proposals to accept, edit, merge or discard, its actions as a list or as a board by status
//! (`?view=board`), the late and upcoming actions, and its completion over time.

use super::HORIZONS;
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, load, read_results, run};
use cap_app::i18n::paris_today;
use cap_app::plans::followed;
use cap_app::results::outcome;
use cap_domain::plan::{ActionStatus, completion, gap, parse_date};
use cap_domain::suggestion::SuggestionStatus;
use cap_reports::charts::{self, ChartText, Responsive, Span, SpanState, percent};
use cap_storage::plans::{self, Action, Plan};
use serde::Deserialize;

/// An action with what the follow-up says of it.
pub struct ActionRow {
    /// The action.
    pub action: Action,
    /// Past due and still open.
    pub late: bool,
    /// Due within 30 days.
    pub upcoming: bool,
    /// Start, as people write dates.
    pub starts: String,
    /// Due date, as people write dates.
    pub due: String,
    /// Who suggested it, when it came from an accepted suggestion of the tiers.
    pub suggested_by: Option<String>,
    /// The offer of services it asks for, by title.
    pub offer: Option<String>,
}

/// Which view of the plan.
#[derive(Debug, Default, Deserialize)]
pub struct ViewQuery {
    #[serde(default)]
    view: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/show.html")]
struct PlanPage {
    page: Page,
    loaded: Loaded,
    can_run: bool,
    plan: Option<Plan>,
    proposals: Vec<ActionRow>,
    actions: Vec<ActionRow>,
    columns: Vec<(ActionStatus, usize)>,
    board: bool,
    late: usize,
    upcoming: usize,
    completion: String,
    timeline: String,
    schedule: String,
    gaps: usize,
    today: String,
    horizons: Vec<(i64, bool)>,
    ready: bool,
    /// The tiers' suggestions: how many wait, how many in all.
    suggestions: (usize, usize),
    /// What participants said after the restitution, without names (for those who build the plan).
    voices: Vec<cap_domain::restitution::Voice>,
    /// The pillars still answered, whose proposals come later, by title.
    to_come: String,
    /// The pillars consolidated since the plan was made, not proposed yet, by title.
    to_propose: String,
}

/// Shows the plan.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<ViewQuery>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, read_results).await?;
    let can_run = viewer.can(run(&loaded.org, Default::default()));
    let plan = plans::plan_of(&state.db, id).await?;
    let today = paris_today();
    let t = page.t;
    let mut proposals = Vec::new();
    let mut actions = Vec::new();
    let mut gaps = 0;
    let mut timeline = String::new();
    let mut completion_text = "—".to_owned();
    let mut schedule_svg = String::new();
    let suggested = cap_storage::suggestions::of_campaign(&state.db, id).await?;
    let pending = suggested.iter().filter(|s| s.status == SuggestionStatus::Pending).count();
    let suggestions = (pending, suggested.len());
    let origin = |action: i64| {
        suggested.iter().find(|s| s.resulting_action_id == Some(action)).map(|s| s.author.clone().unwrap_or_default())
    };
    match &plan {
        None => {
            let out = outcome(&state, &loaded).await?;
            let r = &loaded.referential.referential;
            gaps = loaded
                .indicators()
                .iter()
                .filter(|n| gap(r, &out.targets, n, out.answers.get(&n.code)).is_some())
                .count();
        }
        Some(plan) => {
            let offers = cap_storage::offers::list(&state.db).await?;
            let offer_title = |code: &str| {
                offers.iter().find(|o| o.offer.code == code).map_or_else(|| code.to_owned(), |o| o.offer.title.clone())
            };
            for action in plans::actions(&state.db, plan.id).await? {
                let f = followed(&action);
                let row = ActionRow {
                    late: f.late(today),
                    upcoming: f.upcoming(today, 30),
                    starts: action.starts_on.as_deref().map_or_else(|| "—".to_owned(), |d| t.date(d)),
                    due: action.due_on.as_deref().map_or_else(|| "—".to_owned(), |d| t.date(d)),
                    suggested_by: origin(action.id),
                    offer: action.offer_code.as_deref().map(offer_title),
                    action,
                };
                if row.action.proposed { proposals.push(row) } else { actions.push(row) }
            }
            schedule_svg = schedule(t, &actions, today);
            let followed_actions: Vec<_> = actions.iter().map(|a| followed(&a.action)).collect();
            completion_text = completion(&followed_actions).map_or_else(|| "—".to_owned(), percent);
            let history = plans::completion_history(&state.db, plan.id).await?;
            let labels: Vec<String> = history.iter().map(|(day, _)| t.short_date(day)).collect();
            let points: Vec<(&str, f64)> =
                labels.iter().zip(&history).map(|(l, (_, c))| (l.as_str(), *c as f64 / 1000.0)).collect();
            let description = t.tn("plan.timeline_desc", &[completion_text.clone(), history.len().to_string()]);
            let text = ChartText {
                id: "completion",
                title: t.t("plan.timeline_title"),
                description: &description,
                legend_current: t.t("plan.completion"),
                legend_previous: "",
                legend_target: "",
            };
            timeline = Responsive::draw(|fit| charts::timeline(&points, &text, fit)).to_string();
        }
    }
    let board = query.view == "board";
    let columns =
        ActionStatus::ALL.iter().map(|s| (*s, actions.iter().filter(|a| a.action.status == *s).count())).collect();
    let late = actions.iter().filter(|a| a.late).count();
    let upcoming = actions.iter().filter(|a| a.upcoming).count();
    let ready = loaded.steps.any_results();
    let english = t.lang() == "en";
    let to_come = loaded.pillars_to_come(english).join(", ");
    let to_propose = plan.as_ref().map(|p| cap_app::plans::pillars_to_propose(&loaded, p)).unwrap_or_default();
    let to_propose = loaded.pillar_titles(&to_propose, english).join(", ");
    let voices = if can_run { cap_app::restitution::voices(&state, &loaded).await? } else { Vec::new() };
    Ok(PlanPage {
        page,
        can_run,
        suggestions,
        voices,
        to_come,
        to_propose,
        plan,
        proposals,
        actions,
        columns,
        board,
        late,
        upcoming,
        completion: completion_text,
        schedule: schedule_svg,
        timeline,
        gaps,
        today: today.to_string(),
        horizons: HORIZONS.iter().map(|h| (*h, *h == 6)).collect(),
        ready,
        loaded,
    }
    .into_response())
}

/// The actions with both dates as a schedule, month by month, with today marked.
fn schedule(t: cap_app::i18n::Tr, rows: &[ActionRow], today: jiff::civil::Date) -> String {
    let epoch = jiff::civil::Date::new(1970, 1, 1).unwrap_or_default();
    let day = |d: jiff::civil::Date| d.since(epoch).map(|s| i64::from(s.get_days())).unwrap_or(0);
    let dated: Vec<(&ActionRow, jiff::civil::Date, jiff::civil::Date)> = rows
        .iter()
        .filter_map(|r| {
            Some((r, parse_date(r.action.starts_on.as_deref()?)?, parse_date(r.action.due_on.as_deref()?)?))
        })
        .collect();
    let spans: Vec<Span> = dated
        .iter()
        .map(|(r, start, due)| Span {
            label: &r.action.title,
            start: day(*start),
            end: day(*due),
            state: match r.action.status {
                ActionStatus::Done => SpanState::Done,
                ActionStatus::Abandoned => SpanState::Dropped,
                _ if r.late => SpanState::Late,
                _ => SpanState::Open,
            },
        })
        .collect();
    let (Some(first), Some(last)) = (dated.iter().map(|d| d.1).min(), dated.iter().map(|d| d.2).max()) else {
        return String::new();
    };
    let mut ticks = Vec::new();
    let mut month = first.first_of_month();
    while month <= last {
        ticks.push((day(month), t.short_month(month)));
        month = month.saturating_add(jiff::Span::new().months(1));
    }
    let tick_refs: Vec<(i64, &str)> = ticks.iter().map(|(d, l)| (*d, l.as_str())).collect();
    let description =
        t.tn("plan.schedule_desc", &[spans.len().to_string(), t.date(&first.to_string()), t.date(&last.to_string())]);
    let text = ChartText {
        id: "schedule",
        title: t.t("plan.schedule_title"),
        description: &description,
        legend_current: t.t("plan.schedule_open"),
        legend_previous: t.t("action.status.done"),
        legend_target: t.t("plan.schedule_today"),
    };
    Responsive::draw(|fit| charts::schedule(&spans, &tick_refs, Some(day(today)), &text, fit)).to_string()
}
