//! `GET/POST /campaigns/{id}/accompaniment`: the coordinator or the campaign's tiers (invited by
//! the member) records the accompaniment day: date, people present, conclusions, and the decision — the
//! organisation carries out its plan alone, or a further accompaniment is agreed, naming offers
//! of services. A save made meanwhile by someone else is refused, never overwritten.

use crate::app::AppState;
use crate::audit::record;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn};
use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_app::campaigns::{Loaded, accompany, load};
use cap_app::i18n::paris_today;
use cap_domain::accompaniment::{DayInput, Decision};
use cap_storage::accompaniment::{self, Day, NewDay};
use cap_storage::{StorageError, offers};

/// An offer of services to tick.
pub struct OfferChoice {
    /// Code.
    pub code: String,
    /// Title.
    pub title: String,
    /// Whether it is ticked.
    pub checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "reviews/accompaniment.html")]
struct DayPage {
    page: Page,
    loaded: Loaded,
    stored: Option<Day>,
    held_on: String,
    attendees: String,
    conclusions: String,
    decision: String,
    offers: Vec<OfferChoice>,
    version: i64,
    errors: FormErrors,
    conflict: bool,
}

async fn render(state: &AppState, page: Page, loaded: Loaded, stored: Option<Day>) -> AppResult<DayPage> {
    let chosen: Vec<String> = stored.as_ref().map(|d| d.offers.clone()).unwrap_or_default();
    let offers = offer_choices(state, &chosen).await?;
    Ok(DayPage {
        held_on: stored.as_ref().map_or_else(|| paris_today().to_string(), |d| d.held_on.clone()),
        attendees: stored.as_ref().map(|d| d.attendees.clone()).unwrap_or_default(),
        conclusions: stored.as_ref().map(|d| d.conclusions.clone()).unwrap_or_default(),
        decision: stored.as_ref().map(|d| d.decision.code().to_owned()).unwrap_or_default(),
        version: stored.as_ref().map_or(0, |d| d.version),
        offers,
        stored,
        page,
        loaded,
        errors: FormErrors::new(),
        conflict: false,
    })
}

async fn offer_choices(state: &AppState, chosen: &[String]) -> AppResult<Vec<OfferChoice>> {
    Ok(offers::list(&state.db)
        .await?
        .into_iter()
        .map(|o| OfferChoice { checked: chosen.contains(&o.offer.code), code: o.offer.code, title: o.offer.title })
        .collect())
}

/// Shows the day as recorded, in a form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, accompany).await?;
    let stored = accompaniment::day_of(&state.db, id).await?;
    Ok(render(&state, page, loaded, stored).await?.into_response())
}

/// Records the day.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, accompany).await?;
    let field = |name: &str| crate::forms::field(&fields, name);
    let ticked: Vec<String> = fields.iter().filter(|(k, _)| k == "offer").map(|(_, v)| v.clone()).collect();
    let version: i64 = field("version").parse().unwrap_or(0);
    let stored = accompaniment::day_of(&state.db, id).await?;
    let mut rendered = render(&state, page, loaded, stored).await?;
    // Keep what was typed, whatever happens next.
    rendered.held_on = field("held_on");
    rendered.attendees = field("attendees");
    rendered.conclusions = field("conclusions");
    rendered.decision = field("decision");
    rendered.offers = offer_choices(&state, &ticked).await?;
    rendered.version = version;
    let known = offers::codes(&state.db).await?;
    let checked =
        DayInput::parse(&rendered.held_on, &rendered.attendees, &rendered.conclusions, &rendered.decision, &ticked);
    let input = match checked {
        Ok(input) if input.offers.iter().all(|o| known.contains(o)) => input,
        Ok(_) => {
            rendered.errors.add("offers", "error.select.invalid");
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
        }
        Err(problems) => {
            for (f, e) in problems {
                rendered.errors.add(f, e.key);
            }
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
        }
    };
    let held_on = input.held_on.to_string();
    let day = NewDay {
        held_on: &held_on,
        attendees: &input.attendees,
        conclusions: &input.conclusions,
        decision: input.decision,
        offers: &input.offers,
        by: Some(viewer.actor.user_id),
    };
    match accompaniment::save(&state.db, id, &day, version).await {
        Ok(_) => {
            let details = format!("{held_on}: {} {}", input.decision.code(), input.offers.join(", "));
            record(&state, &ctx, "reviews.accompaniment", "campaign", &id, &details).await?;
            Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/accompaniment"), "flash.accompaniment_saved"))
        }
        Err(StorageError::Stale) => {
            rendered.conflict = true;
            rendered.stored = accompaniment::day_of(&state.db, id).await?;
            rendered.version = rendered.stored.as_ref().map_or(0, |d| d.version);
            Ok((StatusCode::CONFLICT, rendered).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

impl DayPage {
    fn decisions(&self) -> [Decision; 2] {
        Decision::ALL
    }
}
