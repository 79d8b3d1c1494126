//! `GET /campaigns/{id}`: a campaign's page — its step, calendar, scope, participants and progress,
//! with the coordinator's actions and the participant's way in.

use crate::app::AppState;
use crate::choices::college_options;
use crate::error::AppResult;
use crate::forms::{FormErrors, SelectOption};
use crate::page::Page;
use crate::session::SignedIn;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use cap_app::accompaniment::DaySummary;
use cap_app::campaigns::{Loaded, load, run, view};
use cap_domain::OrganisationId;
use cap_domain::campaign::CampaignStatus;
use cap_domain::pillar_step::PillarStep;
use cap_domain::referential::NodeKind;
use cap_storage::campaigns::{self, Participant};
use cap_storage::memberships;
use std::collections::HashSet;

/// A pillar with the campaign's progress on it.
pub struct PillarRow {
    /// Code.
    pub code: String,
    /// Title.
    pub title: String,
    /// Whether it is in scope.
    pub in_scope: bool,
    /// Indicators of the pillar the campaign covers.
    pub indicators: usize,
    /// Indicators of it the viewer is asked to answer.
    pub assigned: usize,
    /// The viewer's answers on it, when they take part.
    pub mine: usize,
    /// Where it stands, when it is in scope.
    pub step: Option<PillarStep>,
    /// Whether its coordinator may move it on now (the campaign is being assessed).
    pub movable: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/show.html")]
struct ShowPage {
    page: Page,
    loaded: Loaded,
    status_key: &'static str,
    next_key: Option<&'static str>,
    steps: Vec<(&'static str, bool, bool)>,
    can_run: bool,
    /// Whether pillars may still be added (until the consolidation ends).
    scope_open: bool,
    pillars: Vec<PillarRow>,
    total: usize,
    participants: Vec<(Participant, usize, bool)>,
    my_total: usize,
    candidates: Vec<SelectOption>,
    colleges: Vec<SelectOption>,
    my_answered: usize,
    late: bool,
    workshops: Vec<cap_storage::workshops::Workshop>,
    divergent: Vec<(String, String, i64)>,
    untouched: usize,
    errors: FormErrors,
    accompaniment: Option<DaySummary>,
    calendar: Vec<cap_app::meetings::Entry>,
}

/// Shows the campaign.
pub async fn handler(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, view).await?;
    let can_run = viewer.can(run(&loaded.org, Default::default()));
    let r = &loaded.referential.referential;
    let covered = cap_domain::campaign::campaign_indicators(r, &[], loaded.org_type());
    let in_scope: HashSet<&str> = loaded.indicators().iter().map(|n| n.code.as_str()).collect();
    let mine_to_answer: HashSet<&str> = loaded.my_indicators().iter().map(|n| n.code.as_str()).collect();
    let mine: HashSet<String> = match &loaded.me {
        Some(me) => campaigns::answers_of(&state.db, me.id)
            .await?
            .into_values()
            .filter(|a| a.value.is_some())
            .map(|a| a.indicator_code)
            .collect(),
        None => HashSet::new(),
    };
    let depths = &loaded.referential.depths;
    let mut pillars: Vec<PillarRow> = Vec::new();
    for (node, depth) in r.nodes.iter().zip(depths) {
        if *depth == 0 {
            pillars.push(PillarRow {
                in_scope: loaded.campaign.scope.is_empty() || loaded.campaign.scope.contains(&node.code),
                code: node.code.clone(),
                title: node.label().to_owned(),
                indicators: 0,
                assigned: 0,
                mine: 0,
                step: loaded.steps.step(&node.code),
                movable: loaded.steps.answers_open(&node.code) || loaded.steps.consolidating(&node.code),
            });
        } else if node.kind == NodeKind::Indicator
            && covered.iter().any(|c| c.code == node.code)
            && let Some(p) = pillars.last_mut()
        {
            if in_scope.contains(node.code.as_str()) {
                p.indicators += 1;
            }
            if mine_to_answer.contains(node.code.as_str()) {
                p.assigned += 1;
                if mine.contains(&node.code) {
                    p.mine += 1;
                }
            }
        }
    }
    let total = in_scope.len();
    let participants = campaigns::participants(&state.db, id).await?;
    let taken: HashSet<i64> = participants.iter().map(|p| p.user_id.0).collect();
    let assignments = campaigns::assignments(&state.db, id).await?;
    let all_indicators = loaded.indicators();
    let participants: Vec<(Participant, usize, bool)> = participants
        .into_iter()
        .map(|p| {
            let assigned = assignments.get(&p.id).cloned().unwrap_or_default();
            let total = cap_domain::campaign::assigned_indicators(r, &all_indicators, &assigned).len();
            (p, total, !assigned.is_empty())
        })
        .collect();
    let mut candidates = vec![SelectOption::new("", page.t.t("common.choose"), "")];
    if can_run {
        for m in memberships::members_of(&state.db, OrganisationId(loaded.org.id)).await? {
            if !taken.contains(&m.stored.user_id.0)
                && candidates.iter().all(|c| c.value != m.stored.user_id.0.to_string())
            {
                candidates.push(SelectOption::new(
                    m.stored.user_id.0.to_string(),
                    format!("{} ({})", m.display_name, m.email),
                    "",
                ));
            }
        }
    }
    // For the coordinator: who is late, what divides the group, what nobody answered yet.
    let today = cap_app::i18n::paris_today().to_string();
    let late = loaded.campaign.status.answers_open()
        && loaded.campaign.consolidation_on.as_deref().is_some_and(|d| {
            jiff::civil::Date::strptime("%Y-%m-%d", d)
                .ok()
                .and_then(|d| d.checked_sub(jiff::Span::new().days(7)).ok())
                .is_some_and(|soon| soon.to_string() <= today)
        });
    let mut divergent = Vec::new();
    let mut untouched = 0;
    if can_run {
        let answers = cap_app::campaigns::individuals(&state, &loaded).await?;
        let t = page.t;
        let mut views: Vec<_> = loaded
            .indicators()
            .into_iter()
            .map(|node| {
                cap_app::campaigns::view_of(
                    &loaded,
                    node,
                    answers.get(&node.code).map_or(&[][..], Vec::as_slice),
                    0,
                    None,
                    t,
                )
            })
            .collect();
        // An indicator the room agreed on in a workshop (a shared answer) is answered too.
        let shared = campaigns::consolidated(&state.db, id).await?;
        untouched = loaded
            .indicators()
            .iter()
            .filter(|n| !answers.contains_key(&n.code) && shared.get(&n.code).is_none_or(|c| c.value.is_none()))
            .count();
        views.sort_by(|a, b| b.score.total_cmp(&a.score));
        divergent =
            views.into_iter().filter(|v| v.spread > 0).take(5).map(|v| (v.code, v.statement, v.spread)).collect();
    }
    let status = loaded.campaign.status;
    let steps = CampaignStatus::ALL.iter().map(|s| (s.label_key(), *s == status, *s < status)).collect();
    Ok(ShowPage {
        status_key: status.label_key(),
        next_key: status.next().map(CampaignStatus::label_key),
        steps,
        can_run,
        scope_open: status <= CampaignStatus::Consolidation,
        pillars,
        total,
        participants,
        candidates,
        colleges: college_options(page.t, ""),
        my_answered: mine.iter().filter(|c| mine_to_answer.contains(c.as_str())).count(),
        my_total: mine_to_answer.len(),
        late,
        workshops: if can_run { cap_storage::workshops::for_campaign(&state.db, id).await? } else { Vec::new() },
        divergent,
        untouched,
        errors: FormErrors::new(),
        accompaniment: cap_app::accompaniment::summary(&state, id).await?,
        calendar: cap_app::meetings::calendar(&state, &loaded, page.t).await?,
        loaded,
        page,
    }
    .into_response())
}
