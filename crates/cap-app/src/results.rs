//! Read models of a campaign's results that the pages, the reports and the jobs share.

use crate::error::Result;
use crate::i18n::Tr;
use cap_domain::campaign::AnswerValue;
use cap_domain::referential::{Node, Referential};
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

/// An answer in words (« 3 — En place », « Non concerné », « 12,5 personnes »…).
pub fn value_label(t: Tr, r: &Referential, node: &Node, value: &Option<AnswerValue>) -> String {
    match value {
        None => t.t("answer.none").to_owned(),
        Some(AnswerValue::Level(v)) => r
            .scale
            .levels
            .iter()
            .find(|l| l.value == *v)
            .map_or_else(|| v.to_string(), |l| format!("{} — {}", l.value, l.label)),
        Some(AnswerValue::NotApplicable) => t.t("referential.not_applicable").to_owned(),
        Some(AnswerValue::Unknown) => t.t("referential.unknown").to_owned(),
        Some(AnswerValue::YesNo(true)) => t.t("answer.yes").to_owned(),
        Some(AnswerValue::YesNo(false)) => t.t("answer.no").to_owned(),
        Some(AnswerValue::Number(n)) => {
            format!("{} {}", cap_domain::campaign::format_number(*n), node.unit.clone().unwrap_or_default())
                .trim()
                .to_owned()
        }
        Some(AnswerValue::Text(text)) => text.clone(),
    }
}
