//! What a tiers or a pair has to follow: the campaigns they were invited to, where each stands,
//! the accompaniment day, the threads that wait for them and what became of their suggestions.

use crate::app::App;
use crate::error::Result;
use crate::i18n::paris_today;
use crate::viewer::Viewer;
use cap_domain::campaign::CampaignStatus;
use cap_domain::review::ReviewerKind;
use cap_domain::suggestion::SuggestionStatus;
use cap_storage::accompaniment::{self, Day};
use cap_storage::{reviews, suggestions};

/// One campaign the viewer reviews, as their home page lists it.
#[derive(Debug, Clone)]
pub struct Followed {
    /// The campaign.
    pub campaign_id: i64,
    /// Its title.
    pub title: String,
    /// Its organisation's name.
    pub organisation: String,
    /// As the tiers (the accompaniment is theirs) or as a pair.
    pub kind: ReviewerKind,
    /// Where the campaign stands.
    pub status: CampaignStatus,
    /// Last day of the viewer's access (YYYY-MM-DD).
    pub ends_on: String,
    /// The accompaniment day, once recorded.
    pub day: Option<Day>,
    /// Open threads whose last word is someone else's: what waits for the viewer.
    pub waiting_threads: usize,
    /// The viewer's suggestions for the plan: accepted, declined, waiting.
    pub suggestions: (usize, usize, usize),
}

/// The campaigns `viewer` reviews today, soonest-ending first.
pub async fn followed(app: &App, viewer: &Viewer) -> Result<Vec<Followed>> {
    let me = viewer.actor.user_id.0;
    let mut out = Vec::new();
    for r in reviews::reviewing(&app.db, viewer.actor.user_id, &paris_today().to_string()).await? {
        let comments = reviews::comments(&app.db, r.campaign_id).await?;
        let waiting_threads = comments
            .iter()
            .filter(|first| first.thread_id.is_none() && first.resolved_at.is_none())
            .filter(|first| {
                let last = comments.iter().rev().find(|c| c.id == first.id || c.thread_id == Some(first.id));
                last.is_some_and(|c| c.author_user_id != Some(me))
            })
            .count();
        let mine: Vec<_> = suggestions::of_campaign(&app.db, r.campaign_id)
            .await?
            .into_iter()
            .filter(|s| s.author_user_id == Some(me))
            .collect();
        let count = |status: SuggestionStatus| mine.iter().filter(|s| s.status == status).count();
        let suggestions =
            (count(SuggestionStatus::Accepted), count(SuggestionStatus::Declined), count(SuggestionStatus::Pending));
        out.push(Followed {
            suggestions,
            day: accompaniment::day_of(&app.db, r.campaign_id).await?,
            kind: ReviewerKind::from_code(&r.kind).unwrap_or(ReviewerKind::Pair),
            status: CampaignStatus::from_code(&r.status).unwrap_or(CampaignStatus::Preparation),
            campaign_id: r.campaign_id,
            title: r.title,
            organisation: r.organisation,
            ends_on: r.ends_on,
            waiting_threads,
        });
    }
    Ok(out)
}
