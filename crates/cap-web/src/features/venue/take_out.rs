//! `POST /campaigns/{id}/venue/bundle`: the coordinator takes the campaign out: the signed bundle
//! a laptop runs at the venue (`cap venue FILE`), valid the days chosen (audited).

use super::venue_page;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::forms::upload::attachment;
use crate::page::Page;
use crate::session::{Ctx, SignedIn};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{load, run};
use cap_app::venue::{bundle_file_name, take_out};
use cap_domain::venue::parse_days;

/// The form: how many days the bundle stays valid.
#[derive(Debug, Default, serde::Deserialize)]
pub struct TakeOutForm {
    #[serde(default)]
    days: String,
}

/// Sends the bundle, or the page again with the days refused.
pub async fn handler(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<TakeOutForm>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, run).await?;
    let Form(form) = form?;
    if state.config.venue.is_some() {
        // A venue copy does not hand out bundles of its own: the server is the only origin.
        return Err(AppError::NotFound);
    }
    let days = match parse_days(&form.days) {
        Ok(days) => days,
        Err(e) => {
            let message = page.t.t(e.key).to_owned();
            let body = venue_page(&state, page, loaded, form.days, Some(message), Vec::new()).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    let text = take_out(&state, &loaded, &ctx.author(), days).await?;
    Ok(attachment(&bundle_file_name(id), "application/json", text.into_bytes()))
}
