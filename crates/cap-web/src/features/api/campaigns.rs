//! `GET /api/campaigns` lists the campaigns of the caller's organisations and those they review;
//! `GET /api/campaigns/{id}` shows one; `GET /api/campaigns/{id}/answers` gives its shared
//! answers (the organisation's consolidated answer per indicator).

use super::{answer_json, campaign_json, ok};
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::response::Response;
use cap_app::campaigns::{Relation, load, read_results};
use cap_app::i18n::paris_today;
use cap_app::results::value_label;
use cap_domain::OrganisationId;
use cap_domain::api::ApiScope;
use cap_domain::authz::Permission;
use cap_storage::{campaigns, organisations, reviews};
use serde_json::{Value, json};

/// Lists the campaigns the caller may read.
pub async fn list(State(state): State<AppState>, SignedIn(viewer): SignedIn) -> AppResult<Response> {
    viewer.require_scope(ApiScope::Read)?;
    let mut out: Vec<Value> = Vec::new();
    for org in organisations::list_for_user(&state.db, viewer.actor.user_id).await? {
        for c in campaigns::for_organisation(&state.db, OrganisationId(org.id)).await? {
            let participant = campaigns::participant_of(&state.db, c.id, viewer.actor.user_id).await?.is_some();
            let relation = Relation { participant, shared_with_region: c.shared_with_region, reviewer: None };
            if viewer.can(Permission::ReadResults(relation.towards(&org))) {
                out.push(campaign_json(&c, &org));
            }
        }
    }
    for r in reviews::reviewing(&state.db, viewer.actor.user_id, &paris_today().to_string()).await? {
        if out.iter().any(|c| c["id"] == r.campaign_id) {
            continue;
        }
        let c = campaigns::get(&state.db, r.campaign_id).await?;
        let org = organisations::get(&state.db, OrganisationId(c.organisation_id)).await?;
        out.push(campaign_json(&c, &org));
    }
    Ok(ok(json!({ "campaigns": out })))
}

/// Shows one campaign.
pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    viewer.require_scope(ApiScope::Read)?;
    let loaded = load(&state, &viewer, id, read_results).await?;
    let mut body = campaign_json(&loaded.campaign, &loaded.org);
    body["indicators"] = json!(loaded.indicators().iter().map(|n| n.code.clone()).collect::<Vec<_>>());
    body["pillars"] =
        json!(loaded.steps.iter().map(|(p, s)| json!({ "code": p, "step": s.code() })).collect::<Vec<_>>());
    Ok(ok(body))
}

/// The campaign's shared answers, in tree order.
pub async fn answers(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    viewer.require_scope(ApiScope::Read)?;
    let loaded = load(&state, &viewer, id, read_results).await?;
    let r = &loaded.referential.referential;
    let shared = campaigns::consolidated(&state.db, id).await?;
    let mut out = Vec::new();
    for node in loaded.indicators() {
        let Some(c) = shared.get(&node.code) else { continue };
        out.push(json!({
            "indicator": node.code,
            "label": node.label(),
            "answer": c.value.as_ref().map(answer_json),
            "answer_label": value_label(page.t, r, node, &c.value),
            "rationale": c.rationale,
            "source": c.source,
            "version": c.version,
        }));
    }
    Ok(ok(json!({ "campaign": id, "answers": out })))
}
