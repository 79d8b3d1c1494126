//! `GET /campaigns/{id}/plan/suggestions`: the tiers' suggestions for the plan. The tiers suggests
//! a new action, an amendment (deadline, the role that carries it, an offer of services, a good
//! practice to follow) or a merge (`POST …/suggestions`); the coordinator accepts one as suggested
//! or to adapt it, or declines it with a word of explanation
//! (`POST …/suggestions/{suggestion}/decide`). Nobody else sees this page.

use super::{WithPlan, load_plan};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors, SelectOption};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn, Viewer};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::accompaniment::offers_for;
use cap_app::campaigns::{read_results, run, suggest};
use cap_app::suggestions::{decide as decide_suggestion, suggest as record_suggestion, unknown_references};
use cap_domain::suggestion::{Decision, SuggestionForm, SuggestionInput, SuggestionStatus};
use cap_storage::StorageError;
use cap_storage::plans::{self, Action};
use cap_storage::suggestions::{self, Suggestion};

/// A suggestion as listed, with what it names in words.
pub struct Row {
    /// The suggestion.
    pub suggestion: Suggestion,
    /// The action it amends, or the actions it merges, by title.
    pub actions: Vec<String>,
    /// The offer it names, by title.
    pub offer: Option<String>,
}

/// The suggestion form, as typed: the actions to merge are its ticked boxes.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct Typed {
    kind: String,
    title: String,
    why: String,
    action: String,
    merge: Vec<String>,
    due_on: String,
    owner_role: String,
    offer: String,
    practice: String,
}

/// The coordinator's decision on a suggestion: the button pressed, and a word for the tiers.
#[derive(Debug, serde::Deserialize)]
pub struct DecideForm {
    decision: Decision,
    #[serde(default)]
    answer: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/suggestions.html")]
struct SuggestionsPage {
    page: Page,
    with: WithPlan,
    rows: Vec<Row>,
    can_suggest: bool,
    can_decide: bool,
    actions: Vec<Action>,
    offers: Vec<SelectOption>,
    typed: Typed,
    errors: FormErrors,
}

/// Loads the plan for its coordinator or its tiers (anyone else: absent).
async fn load_for_suggestions(state: &AppState, viewer: &Viewer, id: i64) -> AppResult<(WithPlan, bool, bool)> {
    let with = load_plan(state, viewer, id, read_results).await?;
    let can_decide = viewer.can(run(&with.loaded.org, Default::default()));
    let can_suggest = with.loaded.links.suggest;
    if !can_decide && !can_suggest {
        return Err(AppError::NotFound);
    }
    Ok((with, can_suggest, can_decide))
}

async fn render(
    state: &AppState,
    page: Page,
    with: WithPlan,
    can: (bool, bool),
    typed: Typed,
) -> AppResult<SuggestionsPage> {
    let actions = plans::actions(&state.db, with.plan.id).await?;
    let available = offers_for(state, &with.loaded).await?;
    let title_of =
        |id: &i64| actions.iter().find(|a| a.id == *id).map_or_else(|| format!("#{id}"), |a| a.title.clone());
    let rows = suggestions::of_campaign(&state.db, with.loaded.campaign.id)
        .await?
        .into_iter()
        .map(|s| Row {
            actions: s.action_id.iter().chain(&s.merge_ids).map(title_of).collect(),
            offer: s.offer_code.as_ref().map(|code| {
                available.iter().find(|o| o.offer.code == *code).map_or_else(|| code.clone(), |o| o.offer.title.clone())
            }),
            suggestion: s,
        })
        .collect();
    let none = SelectOption::new("", page.t.t("common.choose"), &typed.offer);
    let offers = std::iter::once(none)
        .chain(available.iter().map(|o| SelectOption::new(&o.offer.code, &o.offer.title, &typed.offer)))
        .collect();
    Ok(SuggestionsPage {
        page,
        with,
        rows,
        can_suggest: can.0,
        can_decide: can.1,
        actions: actions.into_iter().filter(|a| !a.proposed).collect(),
        offers,
        typed,
        errors: FormErrors::new(),
    })
}

/// Shows the suggestions, and the forms of whoever may suggest or decide.
pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let (with, can_suggest, can_decide) = load_for_suggestions(&state, &viewer, id).await?;
    let typed = Typed { kind: "action".into(), ..Typed::default() };
    Ok(render(&state, page, with, (can_suggest, can_decide), typed).await?.into_response())
}

/// Records the tiers' suggestion.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<Typed>, AppError>,
) -> AppResult<Response> {
    let with = load_plan(&state, &viewer, id, suggest).await?;
    let Form(mut typed) = form?;
    typed.practice = practice_id(&typed.practice);
    let form = SuggestionForm {
        kind: &typed.kind,
        title: &typed.title,
        why: &typed.why,
        action: &typed.action,
        merge: &typed.merge,
        due_on: &typed.due_on,
        owner_role: &typed.owner_role,
        offer: &typed.offer,
        practice: &typed.practice,
    };
    let problems = match SuggestionInput::parse(&form) {
        Ok(input) => {
            let problems = unknown_references(&state, &with.loaded, &with.plan, &input).await?;
            if problems.is_empty() {
                record_suggestion(&state, &ctx.author(), &with.loaded, &input).await?;
                return Ok(redirect_with_flash(
                    &state,
                    &format!("/campaigns/{id}/plan/suggestions"),
                    "flash.suggestion_sent",
                ));
            }
            problems
        }
        Err(problems) => problems,
    };
    let mut rendered = render(&state, page, with, (true, false), typed).await?;
    for (f, e) in problems {
        rendered.errors.add(f, e.key);
    }
    Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response())
}

/// Accepts (as suggested, or to adapt) or declines a pending suggestion.
pub async fn decide(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path((id, suggestion)): Path<(i64, i64)>,
    form: Result<Form<DecideForm>, AppError>,
) -> AppResult<Response> {
    let with = load_plan(&state, &viewer, id, run).await?;
    let Form(DecideForm { decision, answer }) = form?;
    let s = suggestions::of_campaign(&state.db, id)
        .await?
        .into_iter()
        .find(|s| s.id == suggestion)
        .ok_or(AppError::NotFound)?;
    let back = format!("/campaigns/{id}/plan/suggestions");
    if s.status != SuggestionStatus::Pending {
        return Ok(redirect_with_flash(&state, &back, "flash.suggestion_already_decided"));
    }
    let answer: String = answer.chars().take(cap_domain::suggestion::MAX_WHY).collect();
    let decided = decide_suggestion(&state, &ctx.author(), &with.loaded, &with.plan, &s, decision, &answer).await;
    match decided {
        Ok(Some(action)) if decision == Decision::Adapt => Ok(redirect_with_flash(
            &state,
            &format!("/campaigns/{id}/plan/actions/{action}"),
            "flash.suggestion_accepted",
        )),
        Ok(Some(_)) => Ok(redirect_with_flash(&state, &back, "flash.suggestion_accepted")),
        Ok(None) => Ok(redirect_with_flash(&state, &back, "flash.suggestion_declined")),
        Err(cap_app::Error::Storage(StorageError::Stale(_) | StorageError::NotFound)) => {
            Ok(redirect_with_flash(&state, &back, "flash.suggestion_already_decided"))
        }
        Err(e) => Err(e.into()),
    }
}

/// A good practice named by its number or its address (`…/practices/12`): its number, or what
/// was typed (refused later as invalid).
fn practice_id(typed: &str) -> String {
    let last = typed.trim().trim_end_matches('/').rsplit('/').next().unwrap_or_default();
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) { last.to_owned() } else { typed.trim().to_owned() }
}

impl SuggestionsPage {
    fn action_selected(&self, id: &i64) -> bool {
        self.typed.action == id.to_string()
    }

    fn kind_is(&self, code: &str) -> bool {
        self.typed.kind == code
    }

    fn merging(&self, id: &i64) -> bool {
        self.typed.merge.iter().any(|m| m == &id.to_string())
    }

    fn pending(&self) -> usize {
        self.rows.iter().filter(|r| r.suggestion.status == SuggestionStatus::Pending).count()
    }
}
