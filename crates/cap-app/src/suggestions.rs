//! The tiers works the plan with the member: she suggests a new action, an amendment or a merge;
//! the coordinator accepts (as suggested or to adapt) or declines each suggestion. Both are in the
//! audit log, and an accepted suggestion changes the plan in the same transaction as the decision.

use crate::accompaniment::offers_for;
use crate::app::App;
use crate::audit::Author;
use crate::campaigns::Loaded;
use crate::error::{Error, Result};
use crate::i18n::{Locale, Tr};
use cap_domain::ValidationError;
use cap_domain::suggestion::{Decision, SuggestionInput, SuggestionKind};
use cap_storage::plans::{self, NewAction, Plan};
use cap_storage::practices;
use cap_storage::suggestions::{self, Effect, NewSuggestion, Suggestion};

/// What is wrong with a suggestion once compared with the plan: an action that is not the
/// plan's, an offer the member may not be proposed, a practice that is not published.
pub async fn unknown_references(
    app: &App,
    loaded: &Loaded,
    plan: &Plan,
    input: &SuggestionInput,
) -> Result<Vec<(&'static str, ValidationError)>> {
    let mut problems = Vec::new();
    let actions: Vec<i64> = plans::actions(&app.db, plan.id).await?.iter().map(|a| a.id).collect();
    if input.action.is_some_and(|a| !actions.contains(&a)) {
        problems.push(("action", ValidationError::new("error.suggestion.action")));
    }
    if input.merge.iter().any(|a| !actions.contains(a)) {
        problems.push(("merge", ValidationError::new("error.select.invalid")));
    }
    if let Some(code) = &input.offer
        && !offers_for(app, loaded).await?.iter().any(|o| o.offer.code == *code)
    {
        problems.push(("offer", ValidationError::new("error.select.invalid")));
    }
    if let Some(id) = input.practice {
        let published = match practices::get(&app.db, id).await {
            Ok(p) => p.status == cap_domain::practice::PracticeStatus::Published,
            Err(cap_storage::StorageError::NotFound) => false,
            Err(e) => return Err(e.into()),
        };
        if !published {
            problems.push(("practice", ValidationError::new("error.select.invalid")));
        }
    }
    Ok(problems)
}

/// Records the tiers' suggestion on `plan` (checked beforehand with [`unknown_references`]).
pub async fn suggest(app: &App, by: &Author, loaded: &Loaded, input: &SuggestionInput) -> Result<i64> {
    let author = by.user.ok_or(Error::Forbidden)?;
    let due_on = input.due_on.map(|d| d.to_string());
    let entry = by.entry("plans.suggest", "campaign", loaded.campaign.id, input.kind.code());
    let id = suggestions::suggest(
        app.db.audited(entry),
        loaded.campaign.id,
        author,
        &NewSuggestion {
            kind: Some(input.kind),
            title: &input.title,
            why: &input.why,
            action_id: input.action,
            merge_ids: &input.merge,
            due_on: due_on.as_deref(),
            owner_role: &input.owner_role,
            offer_code: input.offer.as_deref(),
            practice_id: input.practice,
        },
    )
    .await?;
    Ok(id)
}

/// The line an accepted suggestion adds to an action's notes: the role that should carry it and
/// the good practice to follow, in French (the plan's working language), or `None`.
async fn note_of(app: &App, s: &Suggestion) -> Result<Option<String>> {
    let t = Tr::new(Locale::Fr);
    let mut parts = Vec::new();
    if !s.owner_role.is_empty() {
        parts.push(t.t1("suggestion.note.role", &s.owner_role));
    }
    if let Some(id) = s.practice_id {
        let title = practices::get(&app.db, id).await.map(|p| p.title).unwrap_or_default();
        parts.push(t.tn("suggestion.note.practice", &[title, format!("/practices/{id}")]));
    }
    if parts.is_empty() {
        return Ok(None);
    }
    let who = s.author.clone().unwrap_or_default();
    Ok(Some(format!("{} — {}", t.t1("suggestion.note.from", who), parts.join(" ; "))))
}

/// Decides suggestion `s` of the campaign: accepting it adds, amends or merges actions of `plan`.
/// Returns the action it became (to adapt it next), none when declined. `Stale` (as a storage
/// error) when it was decided meanwhile or an action changed.
pub async fn decide(
    app: &App,
    by: &Author,
    loaded: &Loaded,
    plan: &Plan,
    s: &Suggestion,
    decision: Decision,
    answer: &str,
) -> Result<Option<i64>> {
    let decider = by.user.ok_or(Error::Forbidden)?;
    let note = if decision == Decision::Decline { None } else { note_of(app, s).await? };
    let new_action;
    let chosen;
    let effect = match (decision, s.kind) {
        (Decision::Decline, _) => Effect::Decline,
        (_, SuggestionKind::Action) => {
            new_action = NewAction {
                title: s.title.clone(),
                description: s.why.clone(),
                due_on: s.due_on.clone(),
                offer_code: s.offer_code.clone(),
                notes: note.clone().unwrap_or_default(),
                ..NewAction::default()
            };
            Effect::Add(&new_action)
        }
        (_, SuggestionKind::Amendment) => Effect::Amend {
            action: s.action_id.ok_or(Error::NotFound)?,
            due_on: s.due_on.as_deref(),
            offer_code: s.offer_code.as_deref(),
            note: note.as_deref(),
        },
        (_, SuggestionKind::Merge) => {
            chosen = plans::actions(&app.db, plan.id)
                .await?
                .into_iter()
                .filter(|a| s.merge_ids.contains(&a.id))
                .collect::<Vec<_>>();
            Effect::Merge(&chosen)
        }
    };
    let action = if decision == Decision::Decline { "plans.suggestion_decline" } else { "plans.suggestion_accept" };
    let entry = by.entry(action, "campaign", loaded.campaign.id, format!("#{}", s.id));
    let resulting =
        suggestions::decide(app.db.audited(entry), loaded.campaign.id, plan.id, s.id, effect, decider, answer.trim())
            .await?;
    Ok(resulting)
}
