//! Answering a campaign: one answer saved as soon as it changes, checked against the indicator's
//! type, refused whole when someone saved in between.

use crate::app::App;
use crate::campaigns::Loaded;
use crate::error::{Error, Result};
use cap_domain::campaign::AnswerValue;
use cap_storage::StorageError;
use cap_storage::campaigns::{self, AnswerSave, Participant, StoredAnswer, Written};

/// What a save led to.
pub enum Outcome {
    /// Written.
    Saved {
        /// New version.
        version: i64,
        /// When (UTC seconds).
        at: i64,
    },
    /// The value was refused (message key).
    Invalid(&'static str),
    /// Someone saved in between; nothing was written.
    Conflict(StoredAnswer),
    /// Answering is closed.
    Closed,
}

/// Saves one answer of `me`, checking the indicator belongs to the campaign and answers are open.
pub async fn save_one(
    app: &App,
    loaded: &Loaded,
    me: &Participant,
    code: &str,
    raw: &str,
    comment: &str,
    version: i64,
) -> Result<Outcome> {
    if !loaded.steps.any_answers_open() {
        return Ok(Outcome::Closed);
    }
    let r = &loaded.referential.referential;
    let indicators = loaded.my_indicators();
    let Some(node) = indicators.iter().find(|n| n.code == code) else { return Err(Error::NotFound) };
    // Its pillar may have moved on to consolidation while the others are still answered.
    if !loaded.answers_open_for(code) {
        return Ok(Outcome::Closed);
    }
    let value = match AnswerValue::parse(node, r, raw) {
        Ok(v) => v,
        Err(e) => return Ok(Outcome::Invalid(e.key)),
    };
    if comment.chars().count() > 4000 {
        return Ok(Outcome::Invalid("error.answer.text_length"));
    }
    let save = AnswerSave {
        campaign: loaded.campaign.id,
        participant: me.id,
        code: code.to_owned(),
        value,
        comment: comment.trim().to_owned(),
        expected_version: version,
    };
    // Committed with the saves of the pages arriving meanwhile: on SQLite one `fsync` under the
    // one write lock for all of them, and fewer commits on PostgreSQL too (`docs/PERFORMANCE.md`).
    let written = app.answer_saves.write(&app.db, save).await?;
    match written {
        Ok(Written { version, at }) => Ok(Outcome::Saved { version, at }),
        // Shown beside the field: what the other tab or device saved.
        Err(StorageError::Stale(_)) => Ok(Outcome::Conflict(campaigns::answer_of(&app.db, me.id, code).await?)),
        Err(e) => Err(e.into()),
    }
}
