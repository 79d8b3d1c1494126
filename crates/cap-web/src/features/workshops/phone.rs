//! `GET /w/{code}`: the phone's page — the indicator shown on the wall, the choices, the phone's
//! vote; the distribution once revealed; the closing screen once the facilitator closed the room. Light: a few kilobytes, one small script that reloads
//! the page when the room moves on.

use super::{ClosedPage, closed_of, voter_of};
use crate::app::AppState;
use crate::error::AppResult;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use cap_domain::campaign::AnswerValue;
use cap_storage::campaigns;
use cap_storage::workshops::{self, Voter, Workshop};

/// One choice of the phone.
pub struct PhoneChoice {
    /// Submitted value.
    pub value: String,
    /// Label.
    pub label: String,
    /// Whether it is this phone's vote.
    pub checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "workshops/phone.html")]
struct PhonePage {
    page: Page,
    workshop: Workshop,
    voter: Voter,
    statement: String,
    easy_read: String,
    number: usize,
    choices: Vec<PhoneChoice>,
    voted: bool,
    revealed: Vec<(String, usize)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "workshops/waiting.html")]
struct WaitingPage {
    page: Page,
    workshop: Workshop,
    voter: Voter,
}

/// Shows the page, or sends the phone to the join form.
pub async fn handler(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    page: Page,
) -> AppResult<Response> {
    let Some((workshop, voter)) = voter_of(&state, &headers, &code).await? else {
        if let Some(closed) = closed_of(&state, &code).await? {
            return Ok(ClosedPage::of(&state, page, &closed).await.into_response());
        }
        return Ok(Redirect::to(&format!("/w?code={code}")).into_response());
    };
    if !voter.admitted {
        return Ok(WaitingPage { page, workshop, voter }.into_response());
    }
    let campaign = campaigns::get(&state.db, workshop.campaign_id).await?;
    let cached = state.referentials.get(&state.db, campaign.referential_version_id).await?;
    let r = &cached.referential;
    let t = page.t;
    let node = workshop.current().and_then(|c| r.node(c));
    let english = t.lang() == "en";
    let statement = node.map(|n| n.statement_in(english).unwrap_or(n.label()).to_owned()).unwrap_or_default();
    let easy_read = node.and_then(|n| n.easy_read_in(english)).unwrap_or_default().to_owned();
    let votes = match workshop.current() {
        Some(c) => workshops::votes(&state.db, workshop.id, c).await?,
        None => Vec::new(),
    };
    let mine = votes.iter().find(|(v, _, _)| *v == voter.id).map(|(_, _, value)| value.form_value());
    let mut choices: Vec<PhoneChoice> = r
        .scale
        .levels
        .iter()
        .map(|l| PhoneChoice {
            value: l.value.to_string(),
            label: format!("{} — {}", l.value, l.label),
            checked: false,
        })
        .collect();
    choices.push(PhoneChoice { value: "na".into(), label: t.t("referential.not_applicable").into(), checked: false });
    choices.push(PhoneChoice { value: "unknown".into(), label: t.t("referential.unknown").into(), checked: false });
    for c in &mut choices {
        c.checked = mine.as_deref() == Some(c.value.as_str());
    }
    let revealed = if workshop.revealed {
        choices
            .iter()
            .map(|c| {
                let n = votes
                    .iter()
                    .filter(|(_, _, v)| {
                        v.form_value() == c.value || (c.value == "unknown" && *v == AnswerValue::Unknown)
                    })
                    .count();
                (c.label.clone(), n)
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(PhonePage {
        number: workshop.position + 1,
        voted: mine.is_some(),
        page,
        statement,
        easy_read,
        choices,
        revealed,
        voter,
        workshop,
    }
    .into_response())
}
