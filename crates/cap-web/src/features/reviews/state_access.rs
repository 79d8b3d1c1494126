//! `GET/POST /campaigns/{id}/state-access`: the member gives an officer of the State's services a
//! read-only access for a few days, to prepare the « dialogue de gestion »: the photographie, the
//! plan, the activity figures and the summary, nothing else, and every page read is in the
//! member's log. The accesses given are listed with their state, and can be ended.

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, invite, load};
use cap_app::i18n::paris_today;
use cap_app::reviewing::give_state_access;
use cap_domain::Email;
use cap_domain::review::{AccessWindow, ReviewerKind};
use cap_storage::reviews::{self, Grant};

/// What was typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct StateAccessForm {
    email: String,
    display_name: String,
    starts_on: String,
    ends_on: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "reviews/state_access.html")]
struct StateAccessPage {
    page: Page,
    loaded: Loaded,
    /// The State officers' accesses, with whether each is open now, to come, or over.
    grants: Vec<(Grant, &'static str)>,
    typed: StateAccessForm,
    errors: FormErrors,
}

async fn build(
    state: &AppState,
    page: Page,
    loaded: Loaded,
    typed: StateAccessForm,
    errors: FormErrors,
) -> AppResult<StateAccessPage> {
    let today = paris_today().to_string();
    let grants = reviews::grants(&state.db, loaded.campaign.id)
        .await?
        .into_iter()
        .filter(|g| g.kind == ReviewerKind::State)
        .map(|g| {
            let key = if g.revoked_at.is_some() {
                "review.state_revoked"
            } else if g.ends_on < today {
                "review.state_ended"
            } else if g.starts_on > today {
                "review.state_upcoming"
            } else {
                "review.state_open"
            };
            (g, key)
        })
        .collect();
    Ok(StateAccessPage { page, loaded, grants, typed, errors })
}

/// The accesses given and the form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, invite).await?;
    Ok(build(&state, page, loaded, StateAccessForm::default(), FormErrors::new()).await?.into_response())
}

/// Gives the access, or shows the form again with what was typed and each problem beside its field.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<StateAccessForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, invite).await?;
    let Form(typed) = form?;
    let mut errors = FormErrors::new();
    let email = errors.check("email", Email::parse(&typed.email));
    let name = typed.display_name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 200 {
        errors.add("display_name", "error.review.state_name");
    }
    let window = match AccessWindow::parse(&typed.starts_on, &typed.ends_on, paris_today()) {
        Ok(w) => Some(w),
        Err(problems) => {
            for (field, e) in problems {
                errors.add(field, e.key);
            }
            None
        }
    };
    let (Some(email), Some(window), true) = (email, window, errors.is_empty()) else {
        let rendered = build(&state, page, loaded, typed, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    };
    match give_state_access(&state, &ctx.author(), &loaded, &email, &name, &window).await? {
        Ok(mailed) => {
            let flash = if mailed { "flash.state_access_given" } else { "flash.reviewer_invited_no_mail" };
            Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/state-access"), flash))
        }
        Err((field, key)) => {
            errors.add(field, key);
            let rendered = build(&state, page, loaded, typed, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response())
        }
    }
}
