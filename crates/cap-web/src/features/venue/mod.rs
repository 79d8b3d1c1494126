//! A campaign taken out to a venue and its results brought back (`cap_app::venue`): on the
//! federation's server, the coordinator downloads the campaign's bundle and later uploads the
//! venue's results, reviews what changed on both sides and applies it; on the venue copy, the
//! coordinator downloads the results. Every route is the campaign's coordinator's.

pub mod import;
pub mod results;
pub mod review;
pub mod show;
pub mod take_out;

use crate::app::AppState;
use crate::error::AppResult;
use crate::forms::ProblemRow;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use cap_app::campaigns::Loaded;
use cap_storage::venue::{self as stored, Staged};

/// The largest results file read (a campaign of a few hundred people is far below).
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// The import route's body limit: the file and the form around it.
pub const READ_UP_TO_BYTES: usize = MAX_FILE_BYTES + 64 * 1024;

/// The campaign's venue page: taking it out, bringing results back, the imports so far.
#[derive(Template, WebTemplate)]
#[template(path = "venue/show.html")]
pub struct VenuePage {
    page: Page,
    loaded: Loaded,
    /// Whether this instance is the venue copy of this campaign.
    on_venue_copy: bool,
    /// Days typed for the bundle's validity.
    days: String,
    /// What is wrong with the days typed.
    days_error: Option<String>,
    /// Why the uploaded file was refused.
    problems: Vec<ProblemRow>,
    /// The results files uploaded so far.
    imports: Vec<Staged>,
}

/// The venue page, with what was typed and what was refused.
pub async fn venue_page(
    state: &AppState,
    page: Page,
    loaded: Loaded,
    days: String,
    days_error: Option<String>,
    problems: Vec<ProblemRow>,
) -> AppResult<VenuePage> {
    let on_venue_copy = state.config.venue.as_ref().is_some_and(|v| v.campaign == loaded.campaign.id);
    let imports = stored::for_campaign(&state.db, loaded.campaign.id).await?;
    Ok(VenuePage { page, loaded, on_venue_copy, days, days_error, problems, imports })
}
