//! A campaign taken out to a venue and its results brought back.
//!
//! Teams meet for a day « dans un lieu convivial » where the internet is weak or absent. The
//! federation's server hands the coordinator a *bundle*: everything a laptop needs to run the
//! campaign's workshops and individual answers on its own (the referential version, the people
//! and their collèges, what each is asked, the answers given so far with their versions), signed
//! by the server and valid until a day. The laptop later hands back a *results* file: the answers
//! that changed at the venue, signed with a key only that bundle carries, and the bundle itself.
//! The server then sets each answer brought back against what it holds now ([`merge`]): written
//! when nobody touched it meanwhile, left when it already says the same, and shown side by side
//! when both sides changed it, for the coordinator to choose.
//!
//! This module holds the files' shapes and the rules; signing and reading JSON are the
//! application layer's.

use crate::campaign::AnswerValue;
use crate::validation::ValidationError;
use serde::{Deserialize, Serialize};

/// The version of the files' shape; a file of another shape is refused.
pub const FORMAT: u32 = 1;
/// How many days a bundle stays valid unless the coordinator chooses otherwise.
pub const DEFAULT_DAYS: i64 = 14;
/// The longest a bundle may stay valid: a venue copy is for a day or a few, not a second server.
pub const MAX_DAYS: i64 = 60;
/// What an envelope holding a bundle says it holds.
pub const BUNDLE: &str = "bundle";
/// What an envelope holding results says it holds.
pub const RESULTS: &str = "results";

/// A signed file: what it holds, its JSON text exactly as signed, and the signature (HMAC-SHA256
/// in hexadecimal). The text is kept as a string so that the bytes checked are the bytes signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// [`BUNDLE`] or [`RESULTS`].
    pub cap_venue: String,
    /// [`FORMAT`].
    pub format: u32,
    /// The signed JSON text.
    pub payload: String,
    /// HMAC-SHA256 of `payload`, hexadecimal.
    pub signature: String,
}

/// The organisation whose campaign is taken out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleOrganisation {
    /// Its id on the server.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its type's code (`aci`, `ei`…).
    pub org_type: String,
    /// Its region's code and name, so the venue copy shows the same words.
    pub region_code: String,
    /// The region's name.
    pub region_name: String,
}

/// A person the venue copy needs: the coordinator who took the campaign out, or a participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundlePerson {
    /// Their e-mail address (their account on the venue copy).
    pub email: String,
    /// Their name.
    pub name: String,
}

/// The campaign as the server holds it when it is taken out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleCampaign {
    /// Its id on the server.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// The pillars in scope (empty: all).
    pub scope: Vec<String>,
    /// Its step's code.
    pub status: String,
    /// Each pillar's step, when pillars moved on their own: (pillar code, step code).
    pub pillar_steps: Vec<(String, String)>,
    /// When answering opens (YYYY-MM-DD).
    pub answering_from: Option<String>,
    /// The consolidation's day.
    pub consolidation_on: Option<String>,
    /// The restitution's day.
    pub restitution_on: Option<String>,
    /// Whether collèges of fewer than three people are hidden.
    pub protect_colleges: bool,
}

/// The referential version the campaign assesses against, in canonical text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleReferential {
    /// Its code.
    pub code: String,
    /// Its version.
    pub version: String,
    /// The canonical TOML file of that version.
    pub text: String,
}

/// A participant of the campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleParticipant {
    /// Their participant id on the server.
    pub id: i64,
    /// Who they are.
    pub person: BundlePerson,
    /// Their collège's code.
    pub college: String,
    /// What they are asked to answer (node codes; empty: everything).
    pub assignment: Vec<String>,
}

/// One participant's answer to one indicator, with the version it has on the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerLine {
    /// The participant's id on the server.
    pub participant: i64,
    /// The indicator's code.
    pub code: String,
    /// The answer (none: not answered).
    pub value: Option<AnswerValue>,
    /// The participant's comment.
    pub comment: String,
    /// Its version on the server when taken out (0: none there yet); in results, unused.
    pub version: i64,
}

/// The organisation's shared answer to one indicator, with the version it has on the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedLine {
    /// The indicator's code.
    pub code: String,
    /// The shared answer.
    pub value: Option<AnswerValue>,
    /// The level proposed from individual answers when it was decided.
    pub proposal: Option<i64>,
    /// Why it differs from the proposal.
    pub rationale: String,
    /// `consolidation` or `workshop`.
    pub source: String,
    /// Its version on the server when taken out (0: none there yet); in results, unused.
    pub version: i64,
}

/// Everything a venue copy needs to run one campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// A random identifier of this bundle.
    pub id: String,
    /// The server it came from (its public address), said on every page of the venue copy.
    pub origin: String,
    /// When it was made (UTC seconds).
    pub issued_at: i64,
    /// Until when it may be run and its results brought back (UTC seconds).
    pub expires_at: i64,
    /// The key the venue copy signs its results with (only the server can make it again).
    pub results_key: String,
    /// The organisation.
    pub organisation: BundleOrganisation,
    /// The coordinator who took it out (they sign in on the venue copy).
    pub coordinator: BundlePerson,
    /// The referential version.
    pub referential: BundleReferential,
    /// The campaign.
    pub campaign: BundleCampaign,
    /// Its participants.
    pub participants: Vec<BundleParticipant>,
    /// Their answers so far.
    pub answers: Vec<AnswerLine>,
    /// The shared answers so far.
    pub shared: Vec<SharedLine>,
}

/// What a venue copy hands back: the bundle it ran, and what changed there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// The bundle, exactly as the server signed it.
    pub bundle: Envelope,
    /// When the results were written (UTC seconds, the laptop's clock).
    pub exported_at: i64,
    /// Individual answers that differ from the bundle's.
    pub answers: Vec<AnswerLine>,
    /// Shared answers that differ from the bundle's.
    pub shared: Vec<SharedLine>,
    /// How many workshops were held at the venue.
    pub workshops: u32,
}

/// What happens to one answer brought back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// Nobody changed it on the server since it was taken out: the venue's answer is written.
    Apply,
    /// The server already holds the very same answer: nothing to write.
    Same,
    /// It changed on both sides: the coordinator chooses.
    Conflict,
    /// It no longer exists on the server (the person was erased): nothing can be written.
    Gone,
}

/// Sets an answer brought back against the server's: `base` is its version in the bundle (0:
/// none then), `server` its version and content now (none: no answer), `venue` the content the
/// venue gives. Content is compared whole (value and comment), so an answer changed on both
/// sides to the same words is no conflict.
pub fn merge<T: PartialEq>(base: i64, server: Option<(i64, &T)>, venue: &T) -> Merge {
    match server {
        Some((_, now)) if now == venue => Merge::Same,
        Some((version, _)) if version == base => Merge::Apply,
        Some(_) => Merge::Conflict,
        None if base == 0 => Merge::Apply,
        None => Merge::Gone,
    }
}

/// Whether a bundle valid until `expires_at` is still valid at `now`.
pub const fn is_valid_at(expires_at: i64, now: i64) -> bool {
    now <= expires_at
}

/// Reads how many days a bundle should stay valid, as typed (empty: the default).
pub fn parse_days(raw: &str) -> Result<i64, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(DEFAULT_DAYS);
    }
    match raw.parse::<i64>() {
        Ok(days) if (1..=MAX_DAYS).contains(&days) => Ok(days),
        _ => Err(ValidationError::new("error.venue.days")),
    }
}

/// Which answer a choice on the review page concerns, as a form field's name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AnswerKey {
    /// A participant's answer (server participant id, indicator code).
    Individual(i64, String),
    /// The organisation's shared answer to an indicator.
    Shared(String),
}

impl AnswerKey {
    /// The form field's name: `a-{participant}-{code}` or `s-{code}`.
    pub fn field(&self) -> String {
        match self {
            Self::Individual(participant, code) => format!("a-{participant}-{code}"),
            Self::Shared(code) => format!("s-{code}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_untouched_on_the_server_is_written() {
        assert_eq!(merge(3, Some((3, &"2")), &"4"), Merge::Apply);
        assert_eq!(merge(0, None, &"4"), Merge::Apply);
    }

    #[test]
    fn the_same_answer_on_both_sides_is_no_conflict() {
        assert_eq!(merge(3, Some((5, &"4")), &"4"), Merge::Same);
        assert_eq!(merge(3, Some((3, &"4")), &"4"), Merge::Same);
        assert_eq!(merge(0, Some((1, &"4")), &"4"), Merge::Same);
    }

    #[test]
    fn an_answer_changed_on_both_sides_is_a_conflict() {
        assert_eq!(merge(3, Some((4, &"1")), &"4"), Merge::Conflict);
        // A first answer given on both sides meanwhile.
        assert_eq!(merge(0, Some((1, &"1")), &"4"), Merge::Conflict);
    }

    #[test]
    fn an_answer_erased_on_the_server_is_gone() {
        assert_eq!(merge(2, None, &"4"), Merge::Gone);
    }

    #[test]
    fn values_go_through_the_files_unchanged() {
        let all = [
            AnswerValue::Level(3),
            AnswerValue::NotApplicable,
            AnswerValue::Unknown,
            AnswerValue::YesNo(true),
            AnswerValue::Number(12.5),
            AnswerValue::Text("Un atelier « bois »".into()),
        ];
        for value in all {
            let line = SharedLine {
                code: "SR.1".into(),
                value: Some(value),
                proposal: None,
                rationale: String::new(),
                source: "workshop".into(),
                version: 2,
            };
            let written = serde_json::to_string(&line).unwrap();
            assert_eq!(serde_json::from_str::<SharedLine>(&written).unwrap(), line);
        }
        assert_eq!(serde_json::to_string(&AnswerValue::Level(2)).unwrap(), r#"{"kind":"level","value":2}"#);
        assert_eq!(serde_json::to_string(&AnswerValue::NotApplicable).unwrap(), r#"{"kind":"not_applicable"}"#);
    }

    #[test]
    fn days_are_read_within_bounds() {
        assert_eq!(parse_days(""), Ok(DEFAULT_DAYS));
        assert_eq!(parse_days(" 3 "), Ok(3));
        assert_eq!(parse_days("60"), Ok(60));
        assert!(parse_days("0").is_err());
        assert!(parse_days("61").is_err());
        assert!(parse_days("deux").is_err());
    }

    #[test]
    fn validity_ends_after_its_last_second() {
        assert!(is_valid_at(100, 100));
        assert!(!is_valid_at(100, 101));
    }

    #[test]
    fn choices_are_named_after_their_answer() {
        assert_eq!(AnswerKey::Individual(7, "1.2.3".into()).field(), "a-7-1.2.3");
        assert_eq!(AnswerKey::Shared("1.2.3".into()).field(), "s-1.2.3");
    }
}
