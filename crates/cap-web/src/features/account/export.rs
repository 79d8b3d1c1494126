//! `GET /account/export`: everything Cap keeps about me, as a JSON file (right of access and
//! portability).

use crate::app::AppState;
use crate::audit::record;
use crate::error::{AppError, AppResult};
use crate::session::{Ctx, SignedIn};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use cap_app::i18n::{Locale, Tr};
use cap_app::invitations::describe;
use cap_storage::{audit, practices};
use serde_json::json;

/// Sends the signed-in user's data as a download.
pub async fn handler(State(state): State<AppState>, Ctx(ctx): Ctx, SignedIn(viewer): SignedIn) -> AppResult<Response> {
    let user = &viewer.user;
    let mut roles = Vec::new();
    for m in &viewer.actor.memberships {
        roles.push(json!({
            "role": m.role.code(),
            "college": m.college.map(|c| c.code()),
            "description": describe(&state, Tr::new(Locale::Fr), m).await?,
        }));
    }
    let actions: Vec<_> = audit::by_actor(&state.db, viewer.actor.user_id)
        .await?
        .into_iter()
        .map(|e| json!({ "at": e.at, "action": e.action, "entity": e.entity, "entity_id": e.entity_id, "details": e.details, "ip": e.ip }))
        .collect();
    let filter = practices::Filter { author: Some(viewer.actor.user_id), ..practices::Filter::default() };
    let shared: Vec<_> = practices::list(&state.db, &filter)
        .await?
        .into_iter()
        .map(|p| {
            let files: Vec<_> = p.files.iter().map(|f| json!({ "name": f.name, "size": f.size })).collect();
            json!({
                "id": p.id, "organisation": p.organisation, "kind": p.kind.code(), "title": p.title, "text": p.body,
                "indicators": p.indicators, "status": p.status.code(), "moderation_note": p.moderation_note,
                "shared_at": p.created_at, "attachments": files,
            })
        })
        .collect();
    let document = json!({
        "generated_at": cap_storage::now(),
        "account": { "id": user.id, "email": user.email, "display_name": user.display_name, "locale": user.locale },
        "roles": roles,
        "actions": actions,
        "good_practices": shared,
    });
    let body = serde_json::to_string_pretty(&document).map_err(|e| AppError::Internal(e.to_string()))?;
    record(&state, &ctx, "users.export", "user", &user.id, "").await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"cap-mes-donnees-{}.json\"", user.id)),
        ],
        body,
    )
        .into_response())
}
