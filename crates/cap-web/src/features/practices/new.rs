//! `GET/POST /practices/new`: a member shares a practice, a tool or a testimony in one of their
//! organisations' names, linked to indicators, with up to three attachments. It waits for the
//! region's delegates, who are told by e-mail; nothing is shown to the network before.

use super::{default_version, sharing_organisations};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::features::record;
use crate::forms::{FormErrors, SelectOption};
use crate::page::{Page, redirect_with_flash};
use crate::session::{Ctx, SignedIn, Viewer};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cap_domain::practice::{self, MAX_FILE_BYTES, MAX_FILES, PracticeKind};
use cap_domain::referential::NodeKind;
use cap_domain::{OrganisationId, RegionId};
use cap_storage::practices::{self, NewFile};
use cap_storage::{memberships, organisations, referentials};
use serde::Deserialize;

/// The largest request accepted: three attachments at their largest and the text.
pub const MAX_UPLOAD_BYTES: usize = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024;

/// What the form opens on.
#[derive(Debug, Default, Deserialize)]
pub struct Start {
    /// The referential version whose indicators are offered (default: the federation's).
    #[serde(default)]
    pub referential: Option<i64>,
    /// An indicator ticked from the start (the page the member came from).
    #[serde(default)]
    pub indicator: String,
}

/// An indicator to tick.
pub struct Choice {
    /// Its code.
    pub code: String,
    /// Its statement.
    pub label: String,
    /// Whether it is ticked.
    pub checked: bool,
}

/// The indicators under one pillar.
pub struct PillarGroup {
    /// The pillar's code.
    pub code: String,
    /// Its title.
    pub label: String,
    /// Its indicators.
    pub choices: Vec<Choice>,
}

impl PillarGroup {
    /// Open when one of its indicators is ticked, so a returned form shows what was chosen.
    pub fn open(&self) -> bool {
        self.choices.iter().any(|c| c.checked)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "practices/new.html")]
struct NewPage {
    page: Page,
    version_id: i64,
    referential_title: String,
    others: Vec<(i64, String)>,
    organisations: Vec<SelectOption>,
    kinds: Vec<SelectOption>,
    title: String,
    body: String,
    groups: Vec<PillarGroup>,
    errors: FormErrors,
    files_dropped: bool,
}

/// What was typed.
#[derive(Debug, Default)]
struct Typed {
    organisation: String,
    kind: String,
    title: String,
    body: String,
    indicators: Vec<String>,
}

async fn render(
    state: &AppState,
    page: Page,
    mine: &[(i64, String)],
    version_id: i64,
    typed: &Typed,
) -> AppResult<NewPage> {
    let t = page.t;
    let cached = state.referentials.get(&state.db, version_id).await?;
    let r = &cached.referential;
    let mut groups: Vec<PillarGroup> = Vec::new();
    for node in &r.nodes {
        match node.kind {
            NodeKind::Pillar => groups.push(PillarGroup {
                code: node.code.clone(),
                label: node.label().to_owned(),
                choices: Vec::new(),
            }),
            NodeKind::Indicator => {
                let choice = Choice {
                    code: node.code.clone(),
                    label: node.label().to_owned(),
                    checked: typed.indicators.iter().any(|c| c == &node.code),
                };
                match groups.last_mut() {
                    Some(group) => group.choices.push(choice),
                    None => {
                        groups.push(PillarGroup { code: String::new(), label: String::new(), choices: vec![choice] })
                    }
                }
            }
            _ => {}
        }
    }
    groups.retain(|g| !g.choices.is_empty());
    // The other referentials, once each, to share on one of them instead.
    let mut others = Vec::new();
    let mut seen = vec![r.code.clone()];
    for v in referentials::list(&state.db).await? {
        if seen.contains(&v.code) {
            continue;
        }
        seen.push(v.code.clone());
        if let Some(latest) = referentials::latest_version(&state.db, &v.code).await? {
            others.push((latest, v.title));
        }
    }
    let kind = if typed.kind.is_empty() { PracticeKind::Practice.code() } else { typed.kind.as_str() };
    Ok(NewPage {
        version_id,
        referential_title: r.title.clone(),
        others,
        organisations: mine
            .iter()
            .map(|(id, name)| SelectOption::new(id.to_string(), name.clone(), &typed.organisation))
            .collect(),
        kinds: PracticeKind::ALL.iter().map(|k| SelectOption::new(k.code(), t.t(k.label_key()), kind)).collect(),
        title: typed.title.clone(),
        body: typed.body.clone(),
        groups,
        errors: FormErrors::new(),
        files_dropped: false,
        page,
    })
}

/// The organisations the viewer shares for; a viewer who belongs to none may not share.
async fn organisations_or_refuse(state: &AppState, viewer: &Viewer) -> AppResult<Vec<(i64, String)>> {
    let mine = sharing_organisations(state, viewer).await?;
    if mine.is_empty() { Err(AppError::Forbidden) } else { Ok(mine) }
}

/// Shows the form.
pub async fn form(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Query(start): Query<Start>,
    page: Page,
) -> AppResult<Response> {
    let mine = organisations_or_refuse(&state, &viewer).await?;
    let version = match start.referential {
        Some(v) => v,
        None => default_version(&state).await?.ok_or(AppError::NotFound)?,
    };
    let typed = Typed { indicators: vec![start.indicator.trim().to_owned()], ..Typed::default() };
    Ok(render(&state, page, &mine, version, &typed).await?.into_response())
}

/// An uploaded file as received.
struct Upload {
    name: String,
    bytes: Vec<u8>,
}

/// Checks everything, then shares the practice; or shows the form again with what was typed.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    SignedIn(viewer): SignedIn,
    page: Page,
    request: Request,
) -> AppResult<Response> {
    // Authorise before reading the upload, so a refused request learns nothing from its body.
    let mine = organisations_or_refuse(&state, &viewer).await?;
    let mut multipart = Multipart::from_request(request, &state).await.map_err(|_| AppError::BadRequest)?;
    let mut typed = Typed::default();
    let mut version: Option<i64> = None;
    let mut uploads: Vec<Upload> = Vec::new();
    // Files too large together stop the reading; the text fields, sent before the files, are
    // kept and the form says what happened instead of a bare error.
    let mut too_large = false;
    let limit_or_bad = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE { Ok(()) } else { Err(AppError::BadRequest) }
    };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => {
                limit_or_bad(e)?;
                too_large = true;
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "files" {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let bytes = match field.bytes().await {
                Ok(bytes) => bytes.to_vec(),
                Err(e) => {
                    limit_or_bad(e)?;
                    too_large = true;
                    break;
                }
            };
            // A file input left empty still sends a part, without name or content.
            if !(file_name.is_empty() && bytes.is_empty()) {
                uploads.push(Upload { name: file_name, bytes });
            }
            continue;
        }
        let value = field.text().await.map_err(|_| AppError::BadRequest)?;
        match name.as_str() {
            "referential" => version = value.trim().parse().ok(),
            "organisation" => typed.organisation = value,
            "kind" => typed.kind = value,
            "title" => typed.title = value,
            "body" => typed.body = value,
            "indicators" => typed.indicators.push(value),
            _ => {}
        }
    }
    let version = version.ok_or(AppError::BadRequest)?;
    let mut rendered = render(&state, page, &mine, version, &typed).await?;
    let cached = state.referentials.get(&state.db, version).await?;
    let referential = &cached.referential;
    let organisation = mine.iter().find(|(id, _)| id.to_string() == typed.organisation.trim());
    if organisation.is_none() {
        rendered.errors.add("organisation", "error.select.invalid");
    }
    let is_indicator = |code: &str| referential.node(code).is_some_and(|n| n.kind == NodeKind::Indicator);
    let input = match practice::parse(&typed.kind, &typed.title, &typed.body, &typed.indicators, is_indicator) {
        Ok(input) => Some(input),
        Err(problems) => {
            for (field, e) in problems {
                rendered.errors.add(field, e.key);
            }
            None
        }
    };
    let mut checked = Vec::new();
    if too_large {
        rendered.errors.add("files", "error.practice.upload_too_large");
    } else if uploads.len() > MAX_FILES {
        rendered.errors.add("files", "error.practice.too_many_files");
    } else {
        for upload in &uploads {
            match practice::check_attachment(&upload.name, &upload.bytes) {
                Ok(attachment) => checked.push((attachment, upload)),
                Err(e) => {
                    rendered.errors.add("files", e.key);
                    break;
                }
            }
        }
    }
    let (Some(input), Some((org_id, org_name))) = (input.filter(|_| rendered.errors.is_empty()), organisation) else {
        // Browsers cannot give a file back to a form: say so, so nobody believes it is attached.
        rendered.files_dropped = too_large || !uploads.is_empty();
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, rendered).into_response());
    };
    let files: Vec<NewFile> = checked
        .iter()
        .map(|(a, u)| NewFile { name: &a.name, media_type: a.file_type.media_type(), content: &u.bytes })
        .collect();
    let id =
        practices::add(&state.db, OrganisationId(*org_id), viewer.actor.user_id, &referential.code, &input, &files)
            .await?;
    let details = format!("{} {}: {}", input.kind.code(), org_name, input.indicators.join(", "));
    record(&state, &ctx, "practices.share", "practice", &id, &details).await?;
    tell_delegates(&state, OrganisationId(*org_id), id, &input.title, org_name).await;
    Ok(redirect_with_flash(&state, &format!("/practices/{id}"), "flash.practice_shared"))
}

/// Tells the region's delegates a practice waits for them. The practice is saved whatever
/// happens to the e-mail: the moderation list shows it anyway.
async fn tell_delegates(state: &AppState, org: OrganisationId, id: i64, title: &str, org_name: &str) {
    let region = match organisations::get(&state.db, org).await {
        Ok(o) => RegionId(o.region_id),
        Err(err) => return tracing::error!(error = %err, "practice moderation notice not sent"),
    };
    let emails = match memberships::delegate_emails(&state.db, region).await {
        Ok(emails) => emails,
        Err(err) => return tracing::error!(error = %err, "practice moderation notice not sent"),
    };
    let link = state.config.link(&format!("/practices/{id}"));
    for email in emails {
        let body = format!(
            "Bonjour,\n\n{org_name} partage « {title} » avec le réseau. Relisez-la pour la publier, ou dites pourquoi \
             elle ne peut pas l'être :\n\n{link}\n\n---\n\nHello,\n\n{org_name} shares \"{title}\" with the network. \
             Read it to publish it, or say why it cannot be:\n\n{link}\n"
        );
        if let Err(err) =
            state.mailer.send(&email, "Une bonne pratique à relire / A good practice to review", body).await
        {
            tracing::error!(error = %err, "practice moderation notice not sent");
        }
    }
}
