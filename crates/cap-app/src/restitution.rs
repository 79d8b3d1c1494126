//! The restitution as use cases: the photographie cut into screens for a projector, one finding
//! per screen, and what participants say once they have seen it, which the coordinator reads
//! without names while building the plan.

use crate::app::App;
use crate::audit::Author;
use crate::campaigns::Loaded;
use crate::error::Result;
use crate::i18n::{Tr, paris_today};
use crate::photographie::{Highlight, ScoreRow, build};
use cap_domain::restitution::{Screen, Voice};
use cap_storage::{campaigns, restitution};

/// What one screen shows.
pub enum Content {
    /// The campaign, who took part, the overall score and its target.
    Opening {
        /// The organisation's name.
        organisation: String,
        /// The campaign's title.
        title: String,
        /// Today, in words.
        day: String,
        /// How many people took part.
        people: usize,
        /// The overall score and its target, once there are results.
        overall: Option<(String, String)>,
    },
    /// A chart drawn for a wide screen, its summary for screen readers and its rows.
    Chart {
        /// The SVG.
        svg: String,
        /// What the chart says, in words.
        summary: String,
        /// The figures drawn.
        rows: Vec<ScoreRow>,
    },
    /// Indicators to notice.
    Findings(Vec<Highlight>),
    /// Where to say what surprised you and what to work on.
    Voices {
        /// The page's address, for the QR code.
        url: String,
    },
}

/// One screen of the restitution.
pub struct Slide {
    /// Which screen.
    pub screen: Screen,
    /// What it shows.
    pub content: Content,
}

/// The restitution's screens for the reader `t`; screens with nothing to show are left out.
pub async fn slides(app: &App, loaded: &Loaded, t: Tr) -> Result<Vec<Slide>> {
    let view = build(app, loaded, t, None).await?;
    let people = campaigns::participants(&app.db, loaded.campaign.id).await?.len();
    let mut out = Vec::new();
    for screen in Screen::ALL {
        let content = match screen {
            Screen::Opening => Content::Opening {
                organisation: loaded.org.name.clone(),
                title: loaded.campaign.title.clone(),
                day: t.date(&paris_today().to_string()),
                people,
                overall: view.overall.clone(),
            },
            Screen::Pillars if !view.pillars.is_empty() => Content::Chart {
                svg: view.radar.wide.clone(),
                summary: view.radar_summary.clone(),
                rows: view.pillars.clone(),
            },
            Screen::Objectives if !view.objectives.is_empty() => {
                Content::Chart { svg: view.bars.wide.clone(), summary: String::new(), rows: view.objectives.clone() }
            }
            Screen::Strengths if !view.strengths.is_empty() => Content::Findings(view.strengths.clone()),
            Screen::Weaknesses if !view.weaknesses.is_empty() => Content::Findings(view.weaknesses.clone()),
            Screen::Divergent if !view.divergent.is_empty() => Content::Findings(view.divergent.clone()),
            Screen::Changes if !view.changes.is_empty() => Content::Findings(view.changes.clone()),
            Screen::Voices => {
                Content::Voices { url: app.config.link(&format!("/campaigns/{}/voice", loaded.campaign.id)) }
            }
            _ => continue,
        };
        out.push(Slide { screen, content });
    }
    Ok(out)
}

/// Records what `by` says after the restitution (replacing what they said before).
pub async fn save_voice(app: &App, by: &Author, loaded: &Loaded, voice: &Voice) -> Result<()> {
    let Some(user) = by.user else { return Ok(()) };
    // The words stay out of the log: people speak candidly because nobody's name is on them.
    let entry = by.entry("campaigns.voice", "campaign", loaded.campaign.id, "");
    restitution::save_voice(app.db.audited(entry), loaded.campaign.id, user, voice).await?;
    Ok(())
}

/// What the participants said, without names.
pub async fn voices(app: &App, loaded: &Loaded) -> Result<Vec<Voice>> {
    Ok(restitution::voices(&app.db, loaded.campaign.id).await?)
}
