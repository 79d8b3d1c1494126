//! `GET/POST /campaigns/{id}/accompaniment`: the coordinator or the campaign's tiers (invited by
//! the member) plans the accompaniment day ahead — when, where, who, which pillars — and, once it
//! was held, concludes it: what was said, the decision (the plan carried out alone, or a further
//! accompaniment through offers of the member's region and the nation's), the plan's horizon
//! (seven months out by default) and its mid-term checkpoint. The coordinators are told of the
//! decision by e-mail. A save made meanwhile by someone else is refused, never overwritten.

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
use cap_app::accompaniment::{Saved, offers_for, save};
use cap_app::campaigns::{Loaded, accompany, load};
use cap_app::i18n::paris_today;
use cap_domain::accompaniment::{DayForm, DayInput, Decision, default_checkpoint, default_horizon};
use cap_storage::accompaniment::{self, Day};

/// A box to tick: an offer of services or a pillar.
pub struct Tick {
    /// Code.
    pub code: String,
    /// What it is, in words.
    pub title: String,
    /// Whether it is ticked.
    pub checked: bool,
}

/// Which of the form's two buttons was pressed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// « Enregistrer la préparation » (also what Enter in a field sends).
    #[default]
    Plan,
    /// « Conclure la journée ».
    Conclude,
}

/// What the form holds, as typed (or as stored): the pillars and offers are its ticked boxes,
/// `version` the day's version the page was drawn from (required: a stale save is refused).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Typed {
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    attendees: String,
    #[serde(default, rename = "pillar")]
    pillars: Vec<String>,
    #[serde(default)]
    conclusions: String,
    #[serde(default)]
    decision: String,
    #[serde(default, rename = "offer")]
    offers: Vec<String>,
    #[serde(default)]
    horizon_on: String,
    #[serde(default)]
    checkpoint_on: String,
    version: i64,
    #[serde(default)]
    stage: Stage,
}

impl Typed {
    /// The stored day, or a day proposed a month from now with the default horizon.
    fn from_stored(stored: Option<&Day>) -> Self {
        let Some(d) = stored else {
            let day = paris_today().checked_add(jiff::Span::new().months(1)).unwrap_or_else(|_| paris_today());
            return Self { held_on: day.to_string(), ..Self::default() };
        };
        let held = d.held_on.parse().ok();
        let horizon = d.horizon_on.clone().or_else(|| held.map(|h| default_horizon(h).to_string()));
        let checkpoint = d.checkpoint_on.clone().or_else(|| {
            let h = held?;
            Some(default_checkpoint(h, default_horizon(h)).to_string())
        });
        Self {
            held_on: d.held_on.clone(),
            place: d.place.clone(),
            attendees: d.attendees.clone(),
            pillars: d.pillars.clone(),
            conclusions: d.conclusions.clone(),
            decision: d.decision.map(|x| x.code().to_owned()).unwrap_or_default(),
            offers: d.offers.clone(),
            horizon_on: horizon.unwrap_or_default(),
            checkpoint_on: checkpoint.unwrap_or_default(),
            version: d.version,
            stage: Stage::Plan,
        }
    }

    fn form(&self) -> DayForm<'_> {
        DayForm {
            held_on: &self.held_on,
            place: &self.place,
            attendees: &self.attendees,
            pillars: &self.pillars,
            conclusions: &self.conclusions,
            decision: &self.decision,
            offers: &self.offers,
            horizon_on: &self.horizon_on,
            checkpoint_on: &self.checkpoint_on,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "reviews/accompaniment.html")]
struct DayPage {
    page: Page,
    loaded: Loaded,
    stored: Option<Day>,
    typed: Typed,
    offers: Vec<Tick>,
    pillars: Vec<Tick>,
    /// Offer titles by code, for the stored day's summary.
    offer_names: Vec<(String, String)>,
    errors: FormErrors,
    conflict: bool,
}

async fn render(state: &AppState, page: Page, loaded: Loaded, stored: Option<Day>, typed: Typed) -> AppResult<DayPage> {
    let available = offers_for(state, &loaded).await?;
    let offer_names = available.iter().map(|o| (o.offer.code.clone(), o.offer.title.clone())).collect();
    let offers = available
        .into_iter()
        .map(|o| Tick { checked: typed.offers.contains(&o.offer.code), code: o.offer.code, title: o.offer.title })
        .collect();
    let r = &loaded.referential.referential;
    let pillars = r
        .nodes
        .iter()
        .zip(&loaded.referential.depths)
        .filter(|(p, depth)| {
            **depth == 0 && (loaded.campaign.scope.is_empty() || loaded.campaign.scope.contains(&p.code))
        })
        .map(|(p, _)| Tick {
            checked: typed.pillars.contains(&p.code),
            code: p.code.clone(),
            title: p.label().to_owned(),
        })
        .collect();
    Ok(DayPage {
        page,
        loaded,
        stored,
        typed,
        offers,
        pillars,
        offer_names,
        errors: FormErrors::new(),
        conflict: false,
    })
}

/// Shows the day as planned or recorded, in a form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, accompany).await?;
    let stored = accompaniment::day_of(&state.db, id).await?;
    let typed = Typed::from_stored(stored.as_ref());
    Ok(render(&state, page, loaded, stored, typed).await?.into_response())
}

/// Plans the day (`stage=plan`) or concludes it (`stage=conclude`).
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    page: Page,
    form: Result<Form<Typed>, AppError>,
) -> AppResult<Response> {
    let loaded = load(&state, &viewer, id, accompany).await?;
    let Form(typed) = form?;
    let conclude = typed.stage == Stage::Conclude;
    let stored = accompaniment::day_of(&state.db, id).await?;
    let version = typed.version;
    let checked = DayInput::parse(&typed.form(), conclude, paris_today());
    // Keep what was typed, whatever happens next.
    let mut rendered = render(&state, page, loaded, stored, typed).await?;
    let known_pillars: Vec<&str> = rendered.pillars.iter().map(|p| p.code.as_str()).collect();
    let known_offers: Vec<&str> = rendered.offers.iter().map(|o| o.code.as_str()).collect();
    let input = match checked {
        Ok(input) if !input.pillars.iter().all(|p| known_pillars.contains(&p.as_str())) => {
            rendered.errors.add("pillars", "error.select.invalid");
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
        }
        Ok(input)
            if !input
                .conclusion
                .as_ref()
                .is_none_or(|c| c.offers.iter().all(|o| known_offers.contains(&o.as_str()))) =>
        {
            rendered.errors.add("offers", "error.select.invalid");
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
        }
        Ok(input) => input,
        Err(problems) => {
            for (f, e) in problems {
                rendered.errors.add(f, e.key);
            }
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
        }
    };
    match save(&state, &ctx.author(), &rendered.loaded, &input, version).await? {
        Saved::Saved { mailed, .. } => {
            let flash = match (input.conclusion.is_some(), mailed) {
                (false, _) => "flash.accompaniment_planned",
                (true, true) => "flash.accompaniment_concluded",
                (true, false) => "flash.accompaniment_concluded_no_mail",
            };
            Ok(redirect_with_flash(&state, &format!("/campaigns/{id}/accompaniment"), flash))
        }
        Saved::Stale => {
            rendered.conflict = true;
            rendered.stored = accompaniment::day_of(&state.db, id).await?;
            rendered.typed.version = rendered.stored.as_ref().map_or(0, |d| d.version);
            Ok((StatusCode::CONFLICT, rendered).into_response())
        }
    }
}

impl DayPage {
    fn decisions(&self) -> [Decision; 2] {
        Decision::ALL
    }

    /// An offer's title, from its code.
    fn offer_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.offer_names.iter().find(|(c, _)| c == code).map_or(code, |(_, title)| title.as_str())
    }
}
