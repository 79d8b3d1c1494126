//! A campaign taken out to a venue, run on a laptop, and its results brought back.
//!
//! The files and the merge rule are `cap_domain::venue`'s. Here: the server makes and signs a
//! bundle ([`take_out`]); a laptop loads it into a fresh database ([`seed`]) and later writes
//! its results ([`results`]), signed with the key the bundle carries; the server checks the
//! results and the bundle inside them ([`check_results`]), keeps the file ([`stage`]), shows
//! each answer against what it holds now ([`review`]) and writes what the coordinator chose, all
//! in one transaction ([`apply`]).

use crate::app::App;
use crate::audit::Author;
use crate::campaigns::Loaded;
use crate::crypto::Keys;
use crate::error::Error;
use crate::i18n::Tr;
use crate::results::value_label;
use cap_domain::campaign::{AnswerValue, CampaignStatus};
use cap_domain::pillar_step::PillarStep;
use cap_domain::referential::Referential;
use cap_domain::venue::{
    AnswerKey, AnswerLine, BUNDLE, Bundle, BundleCampaign, BundleOrganisation, BundleParticipant, BundlePerson,
    BundleReferential, Envelope, FORMAT, Merge, RESULTS, Results, SharedLine, is_valid_at, merge,
};
use cap_domain::{College, Email, Membership, OrganisationName, OrganisationType, RegionId, Role, Scope, UserId};
use cap_storage::campaigns::{self, CampaignOption, NewCampaign, NewConsolidated};
use cap_storage::organisations::{self, OrganisationInput};
use cap_storage::venue::{self as stored, Staged, Write};
use cap_storage::{Db, StorageError, memberships, referentials, regions, settings, users, workshops};
use std::collections::{HashMap, HashSet};

/// The setting holding, on a venue copy, the bundle it runs (the envelope's JSON).
const BUNDLE_SETTING: &str = "venue.bundle";
/// The setting holding, on a venue copy, the campaign's id there.
const CAMPAIGN_SETTING: &str = "venue.campaign";

/// Why a venue file is refused or a venue copy cannot start; each has a message for people.
#[derive(Debug, thiserror::Error)]
pub enum VenueError {
    /// Not a file Cap wrote.
    #[error("not a venue file")]
    NotAFile,
    /// A bundle where results were expected, or the reverse.
    #[error("not the expected kind of venue file")]
    WrongKind,
    /// Written by another version of Cap.
    #[error("venue file format {0}")]
    Format(u32),
    /// Its signature does not match: changed by hand, or from another server.
    #[error("the signature does not match")]
    Tampered,
    /// The bundle's validity ended (UTC seconds).
    #[error("expired at {0}")]
    Expired(i64),
    /// The file is another campaign's.
    #[error("another campaign's file")]
    OtherCampaign,
    /// This database already runs another bundle.
    #[error(
        "cette base est la copie d'un autre fichier de campagne : donnez un autre --database-url / this database is the venue copy of another campaign file"
    )]
    OtherBundle,
    /// The database is not empty and is not a venue copy.
    #[error(
        "cette base contient déjà d'autres données : une copie de lieu démarre sur une base neuve (supprimez le fichier, ou donnez un autre --database-url) / this database already holds other data: a venue copy starts on a fresh database"
    )]
    NotFresh,
    /// The bundle's referential could not be loaded.
    #[error("the referential could not be loaded: {0}")]
    Referential(String),
    /// Anything else.
    #[error(transparent)]
    App(#[from] Error),
}

impl From<StorageError> for VenueError {
    fn from(e: StorageError) -> Self {
        Self::App(e.into())
    }
}

impl VenueError {
    /// The message key telling people why, for the refusals people can act on.
    pub fn key(&self) -> Option<&'static str> {
        Some(match self {
            Self::NotAFile => "venue.refused.not_a_file",
            Self::WrongKind => "venue.refused.wrong_kind",
            Self::Format(_) => "venue.refused.format",
            Self::Tampered => "venue.refused.tampered",
            Self::Expired(_) => "venue.refused.expired",
            Self::OtherCampaign => "venue.refused.other_campaign",
            Self::OtherBundle | Self::NotFresh | Self::Referential(_) | Self::App(_) => return None,
        })
    }
}

fn bundle_signature(keys: &Keys, payload: &str) -> String {
    keys.hash_token(&format!("cap-venue-bundle\n{payload}"))
}

/// The key a bundle's venue copy signs its results with: only this server can make it again.
fn results_key(keys: &Keys, bundle_id: &str) -> String {
    keys.hash_token(&format!("cap-venue-results\n{bundle_id}"))
}

fn results_signature(results_key: &str, payload: &str) -> String {
    Keys::new(results_key.as_bytes()).hash_token(payload)
}

/// Compares two signatures in a time that does not depend on where they differ.
fn same_signature(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn envelope_of(text: &str, kind: &str) -> Result<Envelope, VenueError> {
    let envelope: Envelope =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|_| VenueError::NotAFile)?;
    if envelope.cap_venue != BUNDLE && envelope.cap_venue != RESULTS {
        return Err(VenueError::NotAFile);
    }
    if envelope.cap_venue != kind {
        return Err(VenueError::WrongKind);
    }
    if envelope.format != FORMAT {
        return Err(VenueError::Format(envelope.format));
    }
    Ok(envelope)
}

/// The file name of a campaign's bundle.
pub fn bundle_file_name(campaign: i64) -> String {
    format!("cap-lieu-campagne-{campaign}.json")
}

/// The file name of a venue copy's results.
pub fn results_file_name(campaign: i64) -> String {
    format!("cap-resultats-lieu-campagne-{campaign}.json")
}

/// Makes the signed bundle of a campaign, valid `days` days, for its coordinator `by` (audited);
/// the file's text.
pub async fn take_out(app: &App, loaded: &Loaded, by: &Author, days: i64) -> Result<String, Error> {
    let db = &app.db;
    let c = &loaded.campaign;
    let coordinator = users::get(db, by.user.ok_or(Error::Forbidden)?).await?;
    let region = regions::get(db, RegionId(loaded.org.region_id)).await?;
    let participants = campaigns::participants(db, c.id).await?;
    let assignments = campaigns::assignments(db, c.id).await?;
    let answers = campaigns::all_answers(db, c.id).await?;
    let shared = campaigns::consolidated(db, c.id).await?;
    let steps = campaigns::pillar_steps(db, c.id).await?;
    let r = &loaded.referential.referential;
    let now = cap_storage::now();
    let id = crate::crypto::random_token();
    let mut shared: Vec<SharedLine> = shared
        .into_values()
        .map(|s| SharedLine {
            value: s.value.clone(),
            code: s.indicator_code,
            proposal: s.proposal,
            rationale: s.rationale,
            source: s.source,
            version: s.version,
        })
        .collect();
    shared.sort_by(|a, b| a.code.cmp(&b.code));
    let bundle = Bundle {
        results_key: results_key(&app.keys, &id),
        id,
        origin: app.config.public_url.clone(),
        issued_at: now,
        expires_at: now + days * 24 * 3600,
        organisation: BundleOrganisation {
            id: loaded.org.id,
            name: loaded.org.name.clone(),
            org_type: loaded.org.org_type.clone(),
            region_code: region.code,
            region_name: region.name,
        },
        coordinator: BundlePerson { email: coordinator.email.clone(), name: coordinator.display_name.clone() },
        referential: BundleReferential {
            code: r.code.clone(),
            version: r.version.clone(),
            text: cap_domain::referential::emit_referential(r),
        },
        campaign: BundleCampaign {
            id: c.id,
            title: c.title.clone(),
            scope: c.scope.clone(),
            status: c.status.code().to_owned(),
            pillar_steps: steps.into_iter().map(|(p, s)| (p, s.code().to_owned())).collect(),
            answering_from: c.answering_from.clone(),
            consolidation_on: c.consolidation_on.clone(),
            restitution_on: c.restitution_on.clone(),
            protect_colleges: c.protect_colleges,
        },
        participants: participants
            .iter()
            .map(|p| BundleParticipant {
                id: p.id,
                person: BundlePerson { email: p.email.clone(), name: p.display_name.clone() },
                college: p.college.code().to_owned(),
                assignment: assignments.get(&p.id).cloned().unwrap_or_default(),
            })
            .collect(),
        answers: answers
            .into_iter()
            .map(|(participant, _, a)| AnswerLine {
                participant,
                value: a.value.clone(),
                code: a.indicator_code,
                comment: a.comment,
                version: a.version,
            })
            .collect(),
        shared,
    };
    let payload = serde_json::to_string(&bundle).map_err(|e| Error::Internal(e.to_string()))?;
    let envelope = Envelope {
        cap_venue: BUNDLE.to_owned(),
        format: FORMAT,
        signature: bundle_signature(&app.keys, &payload),
        payload,
    };
    let details = format!("{} jours, {} participants", days, bundle.participants.len());
    crate::audit::record(app, by, "venue.take_out", "campaign", &c.id, &details).await?;
    serde_json::to_string_pretty(&envelope).map_err(|e| Error::Internal(e.to_string()))
}

/// Reads a bundle on the laptop: its shape and its validity at `now`. (A laptop cannot check the
/// server's signature; the server does when the results come back, and refuses a changed one.)
pub fn open_bundle(text: &str, now: i64) -> Result<(Envelope, Bundle), VenueError> {
    let envelope = envelope_of(text, BUNDLE)?;
    let bundle: Bundle = serde_json::from_str(&envelope.payload).map_err(|_| VenueError::NotAFile)?;
    if !is_valid_at(bundle.expires_at, now) {
        return Err(VenueError::Expired(bundle.expires_at));
    }
    Ok((envelope, bundle))
}

/// A venue copy: the campaign it runs, where it came from and until when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VenueCopy {
    /// The campaign's id in this database.
    pub campaign: i64,
    /// The server the bundle came from.
    pub origin: String,
    /// The bundle's identifier.
    pub bundle_id: String,
    /// Until when it is valid (UTC seconds).
    pub expires_at: i64,
    /// The coordinator who signs in.
    pub coordinator: String,
}

/// The venue copy this database is, if it is one.
pub async fn copy_of(db: &Db) -> Result<Option<VenueCopy>, Error> {
    let Some(text) = settings::get(db, BUNDLE_SETTING).await? else { return Ok(None) };
    let campaign = settings::get(db, CAMPAIGN_SETTING).await?.and_then(|c| c.parse().ok());
    let envelope: Envelope = serde_json::from_str(&text).map_err(|e| Error::Internal(e.to_string()))?;
    let bundle: Bundle = serde_json::from_str(&envelope.payload).map_err(|e| Error::Internal(e.to_string()))?;
    Ok(campaign.map(|campaign| VenueCopy {
        campaign,
        origin: bundle.origin,
        bundle_id: bundle.id,
        expires_at: bundle.expires_at,
        coordinator: bundle.coordinator.email,
    }))
}

/// Loads a bundle into a fresh database (its built-in referentials loaded) and makes it its
/// venue copy; a database that is already this bundle's copy is taken as it is (the laptop was
/// restarted: nothing is loaded twice). The coordinator's account there.
pub async fn seed(db: &Db, envelope: &Envelope, bundle: &Bundle) -> Result<(VenueCopy, UserId), VenueError> {
    if let Some(copy) = copy_of(db).await? {
        if copy.bundle_id != bundle.id {
            return Err(VenueError::OtherBundle);
        }
        let email = Email::parse(&bundle.coordinator.email).map_err(|_| VenueError::NotAFile)?;
        let user = users::find_by_email(db, &email).await?.ok_or(VenueError::NotAFile)?;
        return Ok((copy, user.user_id()));
    }
    if users::count(db).await? > 0 {
        return Err(VenueError::NotFresh);
    }
    let bad = |_| VenueError::NotAFile;
    let region = regions::create(db, &bundle.organisation.region_code, &bundle.organisation.region_name).await?;
    let org = organisations::create(
        db,
        &OrganisationInput {
            name: OrganisationName::parse(&bundle.organisation.name).map_err(bad)?,
            org_type: OrganisationType::from_code(&bundle.organisation.org_type).map_err(bad)?,
            siret: None,
            region,
            group: None,
            address: String::new(),
            postal_code: String::new(),
            city: String::new(),
        },
    )
    .await?;
    let mut accounts: HashMap<String, UserId> = HashMap::new();
    let coordinator = account(db, &mut accounts, &bundle.coordinator).await?;
    let runs = Membership::new(Role::Coordinator, Scope::Organisation(org), Some(College::Direction)).map_err(bad)?;
    memberships::grant(db, coordinator, runs).await?;
    let version = match referentials::find(db, &bundle.referential.code, &bundle.referential.version).await? {
        Some(id) => id,
        None => match crate::referential_files::import(db, &bundle.referential.text, None, false).await {
            Ok((_, Some(id))) => id,
            Ok((_, None)) => return Err(VenueError::Referential(bundle.referential.code.clone())),
            Err(e) => return Err(VenueError::Referential(e.to_string())),
        },
    };
    let b = &bundle.campaign;
    let campaign = campaigns::create(
        db,
        &NewCampaign {
            organisation: org,
            referential_version_id: version,
            title: &b.title,
            scope: &b.scope,
            answering_from: b.answering_from.as_deref(),
            consolidation_on: b.consolidation_on.as_deref(),
            restitution_on: b.restitution_on.as_deref(),
            created_by: Some(coordinator),
        },
    )
    .await?;
    let mut participants: HashMap<i64, i64> = HashMap::new();
    for p in &bundle.participants {
        let college = College::from_code(&p.college).map_err(bad)?;
        let user = account(db, &mut accounts, &p.person).await?;
        if user != coordinator {
            let takes_part =
                Membership::new(Role::Participant, Scope::Organisation(org), Some(college)).map_err(bad)?;
            memberships::grant(db, user, takes_part).await?;
        }
        let local = campaigns::add_participant(db, campaign, user, college).await?;
        if !p.assignment.is_empty() {
            campaigns::set_assignment(db, local, &p.assignment).await?;
        }
        participants.insert(p.id, local);
    }
    let answers: Vec<(i64, String, Option<AnswerValue>, String)> = bundle
        .answers
        .iter()
        .filter_map(|a| {
            participants.get(&a.participant).map(|local| (*local, a.code.clone(), a.value.clone(), a.comment.clone()))
        })
        .collect();
    campaigns::insert_answers(db, campaign, &answers).await?;
    let shared: Vec<NewConsolidated> = bundle
        .shared
        .iter()
        .map(|s| NewConsolidated {
            code: &s.code,
            value: &s.value,
            proposal: s.proposal,
            rationale: &s.rationale,
            source: &s.source,
            decided_by: None,
        })
        .collect();
    campaigns::insert_consolidated(db, campaign, &shared).await?;
    let status = CampaignStatus::from_code(&b.status).ok_or(VenueError::NotAFile)?;
    let steps: Vec<(String, PillarStep)> = b
        .pillar_steps
        .iter()
        .map(|(p, s)| PillarStep::from_code(s).map(|s| (p.clone(), s)).ok_or(VenueError::NotAFile))
        .collect::<Result<_, _>>()?;
    campaigns::set_option(db, campaign, CampaignOption::ProtectColleges, b.protect_colleges, 1).await?;
    campaigns::set_pillar_steps(db, campaign, &steps, status, None, 2).await?;
    if status > CampaignStatus::Preparation {
        referentials::freeze(db, version).await?;
    }
    // Written last: a database holding the setting holds the whole campaign.
    settings::set(db, CAMPAIGN_SETTING, &campaign.to_string()).await?;
    let text = serde_json::to_string(envelope).map_err(|e| Error::Internal(e.to_string()))?;
    settings::set(db, BUNDLE_SETTING, &text).await?;
    let copy = copy_of(db).await?.ok_or_else(|| Error::Internal("venue copy not recorded".into()))?;
    Ok((copy, coordinator))
}

/// The venue copy's account for a person (one per e-mail address).
async fn account(db: &Db, accounts: &mut HashMap<String, UserId>, person: &BundlePerson) -> Result<UserId, VenueError> {
    let email = Email::parse(&person.email).map_err(|_| VenueError::NotAFile)?;
    if let Some(id) = accounts.get(email.as_str()) {
        return Ok(*id);
    }
    let id = users::create(db, &email, &person.name, None).await?;
    accounts.insert(email.as_str().to_owned(), id);
    Ok(id)
}

/// On a venue copy, the results file of its campaign: every answer that differs from the
/// bundle's, signed with the bundle's key.
pub async fn results(app: &App, copy: &VenueCopy) -> Result<String, Error> {
    let db = &app.db;
    let text = settings::get(db, BUNDLE_SETTING).await?.ok_or(Error::NotFound)?;
    let envelope: Envelope = serde_json::from_str(&text).map_err(|e| Error::Internal(e.to_string()))?;
    let bundle: Bundle = serde_json::from_str(&envelope.payload).map_err(|e| Error::Internal(e.to_string()))?;
    let by_email: HashMap<&str, i64> = bundle.participants.iter().map(|p| (p.person.email.as_str(), p.id)).collect();
    let server_of: HashMap<i64, i64> = campaigns::participants(db, copy.campaign)
        .await?
        .into_iter()
        .filter_map(|p| by_email.get(p.email.as_str()).map(|server| (p.id, *server)))
        .collect();
    let taken: HashMap<(i64, &str), &AnswerLine> =
        bundle.answers.iter().map(|a| ((a.participant, a.code.as_str()), a)).collect();
    let mut answers = Vec::new();
    for (local, _, a) in campaigns::all_answers(db, copy.campaign).await? {
        let Some(participant) = server_of.get(&local).copied() else { continue };
        let unchanged = taken
            .get(&(participant, a.indicator_code.as_str()))
            .is_some_and(|before| before.value == a.value && before.comment == a.comment);
        let nothing =
            a.value.is_none() && a.comment.is_empty() && !taken.contains_key(&(participant, a.indicator_code.as_str()));
        if !unchanged && !nothing {
            answers.push(AnswerLine {
                participant,
                code: a.indicator_code,
                value: a.value,
                comment: a.comment,
                version: 0,
            });
        }
    }
    let shared_before: HashMap<&str, &SharedLine> = bundle.shared.iter().map(|s| (s.code.as_str(), s)).collect();
    let mut shared = Vec::new();
    for (code, s) in campaigns::consolidated(db, copy.campaign).await? {
        let unchanged = shared_before
            .get(code.as_str())
            .is_some_and(|before| before.value == s.value && before.rationale == s.rationale);
        if !unchanged {
            shared.push(SharedLine {
                code,
                value: s.value,
                proposal: s.proposal,
                rationale: s.rationale,
                source: s.source,
                version: 0,
            });
        }
    }
    answers.sort_by(|a, b| (a.participant, &a.code).cmp(&(b.participant, &b.code)));
    shared.sort_by(|a, b| a.code.cmp(&b.code));
    let held = workshops::for_campaign(db, copy.campaign).await?.len();
    let results = Results {
        bundle: envelope,
        exported_at: cap_storage::now(),
        answers,
        shared,
        workshops: u32::try_from(held).unwrap_or(u32::MAX),
    };
    let payload = serde_json::to_string(&results).map_err(|e| Error::Internal(e.to_string()))?;
    let signed = Envelope {
        cap_venue: RESULTS.to_owned(),
        format: FORMAT,
        signature: results_signature(&bundle.results_key, &payload),
        payload,
    };
    serde_json::to_string_pretty(&signed).map_err(|e| Error::Internal(e.to_string()))
}

/// A results file checked by the server that issued its bundle.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The bundle the venue copy ran.
    pub bundle: Bundle,
    /// What it brought back.
    pub results: Results,
    /// The file's signature, which names it (the same file uploaded twice is one import).
    pub digest: String,
    /// The signed text.
    pub payload: String,
}

/// Checks a results file for `campaign` at `now`: its shape, its signature (with the key only
/// this server makes for its bundle), the bundle inside (signed by this server), the campaign and
/// the bundle's validity. Nothing is written.
pub fn check_results(keys: &Keys, text: &str, campaign: i64, now: i64) -> Result<Checked, VenueError> {
    let envelope = envelope_of(text, RESULTS)?;
    let results: Results = serde_json::from_str(&envelope.payload).map_err(|_| VenueError::NotAFile)?;
    let inner = &results.bundle;
    if inner.cap_venue != BUNDLE || inner.format != FORMAT {
        return Err(VenueError::NotAFile);
    }
    if !same_signature(&bundle_signature(keys, &inner.payload), &inner.signature) {
        return Err(VenueError::Tampered);
    }
    let bundle: Bundle = serde_json::from_str(&inner.payload).map_err(|_| VenueError::NotAFile)?;
    if !same_signature(&results_signature(&results_key(keys, &bundle.id), &envelope.payload), &envelope.signature) {
        return Err(VenueError::Tampered);
    }
    if bundle.campaign.id != campaign {
        return Err(VenueError::OtherCampaign);
    }
    if !is_valid_at(bundle.expires_at, now) {
        return Err(VenueError::Expired(bundle.expires_at));
    }
    Ok(Checked { bundle, results, digest: envelope.signature, payload: envelope.payload })
}

/// Checks an uploaded results file and keeps it for review (audited); the import's id. The same
/// file uploaded again gives the same import.
pub async fn stage(app: &App, loaded: &Loaded, by: &Author, text: &str) -> Result<i64, VenueError> {
    let id = loaded.campaign.id;
    let checked = check_results(&app.keys, text, id, cap_storage::now())?;
    let details = format!(
        "depuis {} : {} réponses, {} réponses communes",
        checked.bundle.origin,
        checked.results.answers.len(),
        checked.results.shared.len()
    );
    let entry = by.entry("venue.upload", "campaign", id, details);
    Ok(stored::stage(app.db.audited(entry), id, &checked.bundle.id, &checked.digest, &checked.payload, by.user).await?)
}

/// One answer brought back, beside the server's.
#[derive(Debug, Clone)]
pub struct Line {
    /// Which answer.
    pub key: AnswerKey,
    /// The form field choosing between the two.
    pub field: String,
    /// Whose answer (the participant's name), or empty for the shared answer.
    pub who: String,
    /// The indicator's code.
    pub code: String,
    /// Its statement.
    pub title: String,
    /// The server's answer now, in words, with its comment or reason.
    pub server: Option<(String, String)>,
    /// The venue's answer, in words, with its comment or reason.
    pub venue: (String, String),
    /// What happens to it.
    pub merge: Merge,
    /// The server's version now (0: none).
    pub server_version: i64,
}

/// A staged results file as the coordinator reviews it.
#[derive(Debug, Clone)]
pub struct Review {
    /// The file.
    pub staged: Staged,
    /// When the bundle was made (UTC seconds).
    pub issued_at: i64,
    /// When the results were written on the laptop (UTC seconds).
    pub exported_at: i64,
    /// How many workshops were held there.
    pub workshops: u32,
    /// Every answer brought back, participants' first, then the shared answers.
    pub lines: Vec<Line>,
}

impl Review {
    /// The answers changed on both sides, for the coordinator to choose.
    pub fn conflicts(&self) -> impl Iterator<Item = &Line> {
        self.lines.iter().filter(|l| l.merge == Merge::Conflict)
    }

    /// How many answers are in each case: written, the same already, conflicts, gone.
    pub fn counts(&self) -> [usize; 4] {
        let count = |m: Merge| self.lines.iter().filter(|l| l.merge == m).count();
        [count(Merge::Apply), count(Merge::Same), count(Merge::Conflict), count(Merge::Gone)]
    }
}

/// Parts of a review kept for [`apply`]: the results read back and the versions compared.
struct Compared {
    review: Review,
    results: Results,
}

/// Sets every answer of a staged file against the server's now, for the campaign `loaded`.
async fn compare(app: &App, loaded: &Loaded, import: i64, t: Tr) -> Result<Compared, Error> {
    let db = &app.db;
    let staged = stored::get(db, import).await?;
    if staged.campaign_id != loaded.campaign.id {
        return Err(Error::NotFound);
    }
    let corrupt = |e: serde_json::Error| Error::Internal(format!("venue import {import}: {e}"));
    let results: Results = serde_json::from_str(&staged.payload).map_err(corrupt)?;
    let bundle: Bundle = serde_json::from_str(&results.bundle.payload).map_err(corrupt)?;
    let r: &Referential = &loaded.referential.referential;
    let names: HashMap<i64, &str> = bundle.participants.iter().map(|p| (p.id, p.person.name.as_str())).collect();
    let base: HashMap<(i64, &str), i64> =
        bundle.answers.iter().map(|a| ((a.participant, a.code.as_str()), a.version)).collect();
    let base_shared: HashMap<&str, i64> = bundle.shared.iter().map(|s| (s.code.as_str(), s.version)).collect();
    let now: HashMap<(i64, String), (i64, Option<AnswerValue>, String)> =
        campaigns::all_answers(db, loaded.campaign.id)
            .await?
            .into_iter()
            .map(|(p, _, a)| ((p, a.indicator_code), (a.version, a.value, a.comment)))
            .collect();
    let shared_now = campaigns::consolidated(db, loaded.campaign.id).await?;
    let words = |code: &str, value: &Option<AnswerValue>| match r.node(code) {
        Some(node) => value_label(t, r, node, value),
        None => value.as_ref().map(AnswerValue::form_value).unwrap_or_default(),
    };
    let english = t.lang() == "en";
    let title = |code: &str| {
        r.node(code).map(|n| n.statement_in(english).unwrap_or_else(|| n.label()).to_owned()).unwrap_or_default()
    };
    let mut lines = Vec::new();
    for a in &results.answers {
        let server = now.get(&(a.participant, a.code.clone()));
        let version = base.get(&(a.participant, a.code.as_str())).copied().unwrap_or(0);
        let venue = (a.value.clone(), a.comment.clone());
        let held = server.map(|(v, value, comment)| (*v, (value.clone(), comment.clone())));
        let outcome = merge(version, held.as_ref().map(|(v, c)| (*v, c)), &venue);
        let key = AnswerKey::Individual(a.participant, a.code.clone());
        lines.push(Line {
            field: key.field(),
            key,
            who: names.get(&a.participant).map_or_else(String::new, |n| (*n).to_owned()),
            title: title(&a.code),
            server: server.map(|(_, v, c)| (words(&a.code, v), c.clone())),
            venue: (words(&a.code, &a.value), a.comment.clone()),
            merge: outcome,
            server_version: server.map_or(0, |(v, _, _)| *v),
            code: a.code.clone(),
        });
    }
    for s in &results.shared {
        let server = shared_now.get(&s.code);
        let version = base_shared.get(s.code.as_str()).copied().unwrap_or(0);
        let venue = (s.value.clone(), s.rationale.clone());
        let held = server.map(|c| (c.version, (c.value.clone(), c.rationale.clone())));
        let outcome = merge(version, held.as_ref().map(|(v, c)| (*v, c)), &venue);
        let key = AnswerKey::Shared(s.code.clone());
        lines.push(Line {
            field: key.field(),
            key,
            who: String::new(),
            title: title(&s.code),
            server: server.map(|c| (words(&s.code, &c.value), c.rationale.clone())),
            venue: (words(&s.code, &s.value), s.rationale.clone()),
            merge: outcome,
            server_version: server.map_or(0, |c| c.version),
            code: s.code.clone(),
        });
    }
    let review = Review {
        staged,
        issued_at: bundle.issued_at,
        exported_at: results.exported_at,
        workshops: results.workshops,
        lines,
    };
    Ok(Compared { review, results })
}

/// A staged results file of the campaign `loaded`, each answer set against the server's now.
pub async fn review(app: &App, loaded: &Loaded, import: i64, t: Tr) -> Result<Review, Error> {
    Ok(compare(app, loaded, import, t).await?.review)
}

/// What applying a results file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// Written: how many answers, of which how many conflicts decided for the venue, and how many
    /// conflicts kept as the server had them.
    Done {
        /// Answers written.
        written: usize,
        /// Conflicts where the server's answer was kept.
        kept: usize,
    },
    /// A conflict has no choice yet (its field): nothing was written.
    Undecided(Vec<String>),
    /// The file was applied before: nothing was written again.
    AlreadyApplied,
}

/// Applies a staged results file: the answers nobody changed meanwhile, and for each conflict
/// the side chosen (`choices`: field → `venue` or `server`), all in one transaction, audited with
/// the file's origin. An answer changed between the review and now refuses the whole
/// ([`Error::stale`]): the coordinator reviews again.
pub async fn apply(
    app: &App,
    loaded: &Loaded,
    import: i64,
    choices: &HashMap<String, String>,
    by: &Author,
    t: Tr,
) -> Result<Applied, Error> {
    let Compared { review, results } = compare(app, loaded, import, t).await?;
    if review.staged.applied_at.is_some() {
        return Ok(Applied::AlreadyApplied);
    }
    let undecided: Vec<String> = review
        .conflicts()
        .filter(|l| !matches!(choices.get(&l.field).map(String::as_str), Some("venue" | "server")))
        .map(|l| l.field.clone())
        .collect();
    if !undecided.is_empty() {
        return Ok(Applied::Undecided(undecided));
    }
    let chosen: HashSet<&str> = choices.iter().filter(|(_, v)| *v == "venue").map(|(k, _)| k.as_str()).collect();
    let takes = |l: &Line| l.merge == Merge::Apply || (l.merge == Merge::Conflict && chosen.contains(l.field.as_str()));
    let (individual, shared) = review.lines.split_at(results.answers.len());
    let mut writes = Vec::new();
    for (line, a) in individual.iter().zip(&results.answers) {
        if takes(line) {
            writes.push(Write::Answer {
                participant: a.participant,
                code: &a.code,
                value: &a.value,
                comment: &a.comment,
                expected_version: line.server_version,
            });
        }
    }
    for (line, s) in shared.iter().zip(&results.shared) {
        if takes(line) {
            writes.push(Write::Shared {
                answer: NewConsolidated {
                    code: &s.code,
                    value: &s.value,
                    proposal: s.proposal,
                    rationale: &s.rationale,
                    source: &s.source,
                    decided_by: by.user,
                },
                expected_version: line.server_version,
            });
        }
    }
    let conflicts = review.conflicts().count();
    let kept = review.conflicts().filter(|l| !chosen.contains(l.field.as_str())).count();
    let summary = format!(
        "{} réponses écrites, {} conflits dont {} gardés comme sur le serveur, {} identiques",
        writes.len(),
        conflicts,
        kept,
        review.counts()[1]
    );
    let origin: Bundle = serde_json::from_str(&results.bundle.payload).map_err(|e| Error::Internal(e.to_string()))?;
    let details = format!("{summary} — copie de lieu {} depuis {}", origin.id, origin.origin);
    let entry = by.entry("venue.import", "campaign", loaded.campaign.id, details);
    match stored::apply(app.db.audited(entry), &review.staged, &writes, by.user, &summary).await {
        Ok(()) => Ok(Applied::Done { written: writes.len(), kept }),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_compared_whole() {
        assert!(same_signature("abc", "abc"));
        assert!(!same_signature("abc", "abd"));
        assert!(!same_signature("abc", "ab"));
    }

    #[test]
    fn a_file_says_what_it_holds() {
        let keys = Keys::new(b"k");
        let envelope = |kind: &str, format: u32| {
            serde_json::to_string(&Envelope {
                cap_venue: kind.into(),
                format,
                payload: "{}".into(),
                signature: String::new(),
            })
            .unwrap()
        };
        assert!(matches!(check_results(&keys, "pas du JSON", 1, 0), Err(VenueError::NotAFile)));
        assert!(matches!(check_results(&keys, &envelope(BUNDLE, FORMAT), 1, 0), Err(VenueError::WrongKind)));
        assert!(matches!(check_results(&keys, &envelope(RESULTS, 9), 1, 0), Err(VenueError::Format(9))));
        assert!(matches!(open_bundle(&envelope(RESULTS, FORMAT), 0), Err(VenueError::WrongKind)));
        assert!(matches!(open_bundle(&envelope("autre", FORMAT), 0), Err(VenueError::NotAFile)));
    }
}
