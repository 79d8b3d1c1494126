//! The practice form shared by sharing (`new.rs`) and correcting (`edit.rs`): reading the
//! multipart request, checking everything at once, and showing the form again with what was typed.

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::upload::{self, Upload, Uploaded};
use crate::forms::{FormErrors, SelectOption};
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Request;
use cap_domain::RegionId;
use cap_domain::practice::{self, Attachment, MAX_FILE_BYTES, MAX_FILES, PracticeInput, PracticeKind};
use cap_domain::referential::NodeKind;
use cap_storage::practices::{FileInfo, NewFile};
use cap_storage::{memberships, referentials};

/// The largest request accepted: three attachments at their largest and the text.
pub const MAX_UPLOAD_BYTES: usize = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024;
/// What the server reads of a practice's form before it cuts the connection: past
/// [`MAX_UPLOAD_BYTES`] the files are no longer kept but still read, so that the person gets the
/// form back with its message instead of a broken connection (a client still sending when the
/// server answers and closes sees a reset, not the answer).
pub const READ_UP_TO_BYTES: usize = 2 * MAX_UPLOAD_BYTES;

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

/// An attachment already stored, when a practice is corrected.
pub struct KeptFile {
    /// The file.
    pub file: FileInfo,
    /// Its size, for people.
    pub size: String,
    /// Whether it stays.
    pub keep: bool,
}

/// What only the correction form has.
pub struct Correction {
    /// The practice.
    pub id: i64,
    /// The version the form was opened on.
    pub version: i64,
    /// Its stored attachments.
    pub files: Vec<KeptFile>,
    /// Someone changed it meanwhile (the author in another tab, or a delegate's decision).
    pub conflict: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "practices/new.html")]
pub(crate) struct FormPage {
    pub(crate) page: Page,
    pub(crate) version_id: i64,
    pub(crate) referential_title: String,
    pub(crate) others: Vec<(i64, String)>,
    pub(crate) organisations: Vec<SelectOption>,
    pub(crate) kinds: Vec<SelectOption>,
    pub(crate) title: String,
    pub(crate) body: String,
    pub(crate) groups: Vec<PillarGroup>,
    pub(crate) errors: FormErrors,
    pub(crate) files_dropped: bool,
    pub(crate) correction: Option<Correction>,
}

/// What was typed.
#[derive(Debug, Default)]
pub(crate) struct Typed {
    pub(crate) organisation: String,
    pub(crate) kind: String,
    pub(crate) title: String,
    pub(crate) body: String,
    pub(crate) indicators: Vec<String>,
    /// The referential version whose indicators were offered.
    pub(crate) referential: Option<i64>,
    /// The version of the practice the correction was opened on.
    pub(crate) version: Option<i64>,
    /// The stored attachments ticked to stay.
    pub(crate) keep: Vec<i64>,
}

/// A multipart request read: the fields, the files, and whether the files were too large together.
pub(crate) struct Received {
    pub(crate) typed: Typed,
    pub(crate) uploads: Vec<Upload>,
    pub(crate) too_large: bool,
}

/// Reads the form. Files too large together are no longer kept, and the rest is read to its end
/// (up to [`READ_UP_TO_BYTES`]); the text fields are kept and the form says what happened
/// instead of a bare error.
pub(crate) async fn receive(state: &AppState, request: Request) -> AppResult<Received> {
    let Uploaded { fields, files, too_large } = upload::receive(state, request, "files", MAX_UPLOAD_BYTES).await?;
    let mut typed = Typed::default();
    for (name, value) in fields {
        match name.as_str() {
            "referential" => typed.referential = value.trim().parse().ok(),
            "version" => typed.version = value.trim().parse().ok(),
            "keep" => typed.keep.extend(value.trim().parse::<i64>().ok()),
            "organisation" => typed.organisation = value,
            "kind" => typed.kind = value,
            "title" => typed.title = value,
            "body" => typed.body = value,
            "indicators" => typed.indicators.push(value),
            _ => {}
        }
    }
    Ok(Received { typed, uploads: files, too_large })
}

/// Builds the form on a referential version's indicators, with what was typed.
pub(crate) async fn render(
    state: &AppState,
    page: Page,
    organisations: &[(i64, String)],
    version_id: i64,
    typed: &Typed,
    correction: Option<Correction>,
) -> AppResult<FormPage> {
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
    // The other referentials, once each, to share on one of them instead (not when correcting:
    // a practice stays on its referential).
    let mut others = Vec::new();
    if correction.is_none() {
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
    }
    let kind = if typed.kind.is_empty() { PracticeKind::Practice.code() } else { typed.kind.as_str() };
    Ok(FormPage {
        version_id,
        referential_title: r.title.clone(),
        others,
        organisations: organisations
            .iter()
            .map(|(id, name)| SelectOption::new(id.to_string(), name.clone(), &typed.organisation))
            .collect(),
        kinds: PracticeKind::ALL.iter().map(|k| SelectOption::new(k.code(), t.t(k.label_key()), kind)).collect(),
        title: typed.title.clone(),
        body: typed.body.clone(),
        groups,
        errors: FormErrors::new(),
        files_dropped: false,
        correction,
        page,
    })
}

/// Checks the text, the indicators against the referential version, and the files, adding every
/// problem to the form. `kept` attachments count towards the maximum.
pub(crate) async fn check<'a>(
    state: &AppState,
    rendered: &mut FormPage,
    received: &'a Received,
    kept: usize,
) -> AppResult<Option<(PracticeInput, Vec<(Attachment, &'a Upload)>)>> {
    let cached = state.referentials.get(&state.db, rendered.version_id).await?;
    let referential = &cached.referential;
    let typed = &received.typed;
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
    if received.too_large {
        rendered.errors.add("files", "error.practice.upload_too_large");
    } else if kept + received.uploads.len() > MAX_FILES {
        rendered.errors.add("files", "error.practice.too_many_files");
    } else {
        for upload in &received.uploads {
            match practice::check_attachment(&upload.name, &upload.bytes) {
                Ok(attachment) => checked.push((attachment, upload)),
                Err(e) => {
                    rendered.errors.add("files", e.key);
                    break;
                }
            }
        }
    }
    // Browsers cannot give a file back to a form: say so, so nobody believes it is attached.
    rendered.files_dropped = received.too_large || !received.uploads.is_empty();
    Ok(input.filter(|_| rendered.errors.is_empty()).map(|input| (input, checked)))
}

/// The checked uploads as the storage writes them.
pub(crate) fn to_store<'a>(checked: &'a [(Attachment, &'a Upload)]) -> Vec<NewFile<'a>> {
    checked
        .iter()
        .map(|(a, u)| NewFile { name: &a.name, media_type: a.file_type.media_type(), content: &u.bytes })
        .collect()
}

/// Tells the region's delegates a practice waits for them. The practice is saved whatever
/// happens to the e-mail: the moderation list shows it anyway.
pub(crate) async fn tell_delegates(state: &AppState, region: RegionId, id: i64, title: &str, org_name: &str) {
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
