//! Read models of a campaign's results that the pages, the reports and the jobs share.

use crate::error::Result;
use cap_domain::campaign::AnswerValue;
use cap_storage::{Db, campaigns};
use std::collections::HashMap;

/// The shared answers of a campaign (what the consolidation retained), by indicator code.
pub async fn shared_answers(db: &Db, campaign: i64) -> Result<HashMap<String, AnswerValue>> {
    Ok(campaigns::consolidated(db, campaign)
        .await?
        .into_iter()
        .filter_map(|(code, c)| c.value.map(|v| (code, v)))
        .collect())
}
