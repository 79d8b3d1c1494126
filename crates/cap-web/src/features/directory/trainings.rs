//! `GET /trainings`: the trainings pairs and tiers attended (date, place, who). A regional
//! delegate records those of their region (`POST /trainings`) and who attended
//! (`POST /trainings/{id}/attendees`); the administrator, those of any region.

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
use cap_domain::authz::Permission;
use cap_domain::review::{TrainingAudience, TrainingInput};
use cap_domain::{RegionId, UserId};
use cap_storage::directory::{self, NewTraining, Training};
use cap_storage::regions;

/// Someone who may have attended: a pair volunteer or a regional delegate.
pub struct Candidate {
    /// The person.
    pub user_id: i64,
    /// Their name and where they come from.
    pub label: String,
}

/// A new training as typed; `region` is the id chosen among the viewer's regions.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct TrainingForm {
    title: String,
    audience: String,
    held_on: String,
    place: String,
    region: String,
}

/// Who attended a training: the people ticked, by user id.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AttendeesForm {
    #[serde(rename = "attendee")]
    attendees: Vec<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/trainings.html")]
struct TrainingsPage {
    page: Page,
    trainings: Vec<Training>,
    /// Trainings whose attendees the viewer may record.
    editable: Vec<i64>,
    /// Who enrolled in which training, as (training, person), to mark them in the attendance form.
    enrolments: Vec<(i64, i64)>,
    candidates: Vec<Candidate>,
    /// Regions the viewer may record trainings for.
    regions: Vec<SelectOption>,
    audiences: Vec<SelectOption>,
    title: String,
    held_on: String,
    place: String,
    errors: FormErrors,
}

/// The regions whose trainings the viewer may record.
async fn managed_regions(state: &AppState, viewer: &Viewer) -> AppResult<Vec<(i64, String)>> {
    Ok(regions::list(&state.db)
        .await?
        .into_iter()
        .filter(|r| viewer.can(Permission::ManageTrainings(RegionId(r.id))))
        .map(|r| (r.id, r.name))
        .collect())
}

async fn candidates(state: &AppState) -> AppResult<Vec<Candidate>> {
    let mut out: Vec<Candidate> = directory::volunteers(&state.db)
        .await?
        .into_iter()
        .map(|v| Candidate { user_id: v.user_id, label: format!("{} — {}", v.display_name, v.organisation) })
        .collect();
    for d in directory::delegates(&state.db).await? {
        if !out.iter().any(|c| c.user_id == d.user_id) {
            out.push(Candidate { user_id: d.user_id, label: format!("{} — {}", d.display_name, d.region) });
        }
    }
    Ok(out)
}

async fn render(state: &AppState, page: Page, viewer: &Viewer, form: [&str; 5]) -> AppResult<TrainingsPage> {
    let [title, audience, held_on, place, region] = form;
    let t = page.t;
    let managed = managed_regions(state, viewer).await?;
    let trainings = directory::trainings(&state.db, None).await?;
    let editable =
        trainings.iter().filter(|tr| managed.iter().any(|(r, _)| *r == tr.region_id)).map(|tr| tr.id).collect();
    Ok(TrainingsPage {
        enrolments: if managed.is_empty() { Vec::new() } else { directory::enrolments(&state.db).await? },
        trainings,
        editable,
        candidates: if managed.is_empty() { Vec::new() } else { candidates(state).await? },
        regions: managed.into_iter().map(|(id, name)| SelectOption::new(id.to_string(), name, region)).collect(),
        audiences: TrainingAudience::ALL
            .into_iter()
            .map(|a| SelectOption::new(a.code(), t.t(a.label_key()), audience))
            .collect(),
        title: title.to_owned(),
        held_on: held_on.to_owned(),
        place: place.to_owned(),
        errors: FormErrors::new(),
        page,
    })
}

/// Lists the trainings (those who may invite reviewers, and delegates who record them).
pub async fn list(State(state): State<AppState>, SignedIn(viewer): SignedIn, page: Page) -> AppResult<Response> {
    viewer.require(Permission::BrowseDirectory)?;
    Ok(render(&state, page, &viewer, ["", "pairs", "", "", ""]).await?.into_response())
}

/// Records a training.
pub async fn create(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    page: Page,
    form: Result<Form<TrainingForm>, AppError>,
) -> AppResult<Response> {
    let managed = managed_regions(&state, &viewer).await?;
    if managed.is_empty() {
        return Err(AppError::NotFound);
    }
    let Form(TrainingForm { title, audience, held_on, place, region }) = form?;
    let mut rendered = render(&state, page, &viewer, [&title, &audience, &held_on, &place, &region]).await?;
    let region = managed.iter().find(|(id, _)| id.to_string() == region).map(|(id, _)| *id);
    if region.is_none() {
        rendered.errors.add("region", "error.select.invalid");
    }
    let input = match TrainingInput::parse(&title, &audience, &held_on, &place) {
        Ok(input) => Some(input),
        Err(problems) => {
            for (f, e) in problems {
                rendered.errors.add(f, e.key);
            }
            None
        }
    };
    let (Some(input), Some(region)) = (input, region) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    };
    let held_on = input.held_on.to_string();
    let entry = ctx.author().entry("trainings.create", "training", "", format!("{held_on} {}", input.title));
    let id = directory::create_training(
        state.db.audited(entry),
        &NewTraining {
            title: &input.title,
            audience: input.audience,
            held_on: &held_on,
            place: &input.place,
            region,
            by: Some(viewer.actor.user_id),
        },
    )
    .await?;
    Ok(redirect_with_flash(&state, &format!("/trainings#training-{id}"), "flash.training_saved"))
}

/// Records who attended a training.
pub async fn attendees(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: Result<Form<AttendeesForm>, AppError>,
) -> AppResult<Response> {
    let training = directory::training(&state.db, id).await?;
    viewer.require(Permission::ManageTrainings(RegionId(training.region_id)))?;
    let Form(form) = form?;
    let known = candidates(&state).await?;
    let mut chosen = Vec::new();
    for user in form.attendees {
        // Only people of the directory or delegates can be named; anything else is a forged form.
        if !known.iter().any(|c| c.user_id == user) {
            return Err(AppError::BadRequest);
        }
        chosen.push(UserId(user));
    }
    let entry = ctx.author().entry("trainings.attendees", "training", id, format!("{} attendee(s)", chosen.len()));
    directory::set_attendees(state.db.audited(entry), id, &chosen).await?;
    Ok(redirect_with_flash(&state, &format!("/trainings#training-{id}"), "flash.attendees_saved"))
}

impl TrainingsPage {
    fn is_editable(&self, id: &i64) -> bool {
        self.editable.contains(id)
    }

    fn attended(training: &Training, user: &i64) -> bool {
        training.attendees.iter().any(|(u, _)| u == user)
    }

    fn enrolled(&self, training: &i64, user: &i64) -> bool {
        self.enrolments.contains(&(*training, *user))
    }
}
