//! What every use case shares: the database, the instance's settings and secret, outgoing mail,
//! and the in-memory state of this instance (referential versions, workshop announcements).

use crate::crypto::Keys;
use crate::group_commit::GroupCommit;
use crate::live::WorkshopHub;
use crate::mail::Mailer;
use crate::referential_cache::ReferentialCache;
use cap_storage::Db;
use std::sync::Arc;

/// The instance's settings that use cases need, taken from the configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The address users reach the server at (`https://cap.exemple.fr`), used in e-mailed links.
    pub public_url: String,
    /// The federation's name, shown in every page's header.
    pub federation_name: String,
    /// Whether a reverse proxy stands in front (then `X-Forwarded-For` gives the client's address).
    pub behind_proxy: bool,
    /// How often the scheduled jobs run.
    pub reminder_interval: std::time::Duration,
    /// When this instance is a venue copy of one campaign (`cap venue`), which one.
    pub venue: Option<crate::venue::VenueCopy>,
}

impl Settings {
    /// Cookies get `Secure` (and the session cookie the `__Host-` prefix) behind HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// `scheme://host[:port]` of the public URL.
    pub fn public_origin(&self) -> String {
        match url::Url::parse(&self.public_url) {
            Ok(url) => url.origin().ascii_serialization(),
            Err(_) => self.public_url.trim_end_matches('/').to_owned(),
        }
    }

    /// An absolute link to `path` (which starts with `/`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.trim_end_matches('/'))
    }
}

/// The stored pillar steps of each campaign, under the campaign's version.
pub type PillarStepsCache =
    crate::stamped_cache::StampedCache<i64, i64, Vec<(String, cap_domain::pillar_step::PillarStep)>>;

/// The application: cheap to clone, shared by every request, job and command of one instance.
#[derive(Clone)]
pub struct App {
    /// The database.
    pub db: Db,
    /// Settings.
    pub config: Arc<Settings>,
    /// Outgoing e-mail.
    pub mailer: Mailer,
    /// The instance's secret, for hashing tokens.
    pub keys: Keys,
    /// Referential versions read once.
    pub referentials: Arc<ReferentialCache>,
    /// Workshop changes announced to the pages following them.
    pub workshops: Arc<WorkshopHub>,
    /// The rooms counted again after votes, once for the votes that come together.
    pub recounts: Arc<crate::live::Recounts>,
    /// Workshop votes, written together when they come together.
    pub ballots: Arc<GroupCommit<cap_storage::workshops::Ballot>>,
    /// Participants' answers, written together when they come together.
    pub answer_saves: Arc<GroupCommit<cap_storage::campaigns::AnswerSave>>,
    /// The stored steps of each campaign's pillars, kept under the campaign's version (every
    /// change of a step moves it), so the answering path does not read them on every save.
    pub pillar_steps: Arc<PillarStepsCache>,
    /// Published good practices per indicator, by referential code, under the practices' stamp.
    pub practice_counts: Arc<crate::stamped_cache::StampedCache<String, i64, std::collections::HashMap<String, i64>>>,
    /// The network's figures, kept while its scores are unchanged.
    pub network_figures: Arc<crate::network::FiguresCache>,
    /// Peers' scores for the benchmark, kept while the network's scores are unchanged.
    pub peer_scores: Arc<crate::network::PeersCache>,
    /// The deployment's views, kept under the deployment's stamp.
    pub deployment: Arc<crate::deployment::OverviewCache>,
    closing: Arc<tokio::sync::watch::Sender<bool>>,
}

impl App {
    /// Assembles the application; `session_key` is the instance's secret.
    pub fn new(db: Db, config: Settings, mailer: Mailer, session_key: &[u8]) -> Self {
        Self {
            db,
            config: Arc::new(config),
            mailer,
            keys: Keys::new(session_key),
            referentials: Arc::default(),
            workshops: Arc::default(),
            ballots: Arc::default(),
            recounts: Arc::default(),
            answer_saves: Arc::default(),
            network_figures: Arc::default(),
            peer_scores: Arc::default(),
            deployment: Arc::default(),
            practice_counts: Arc::default(),
            pillar_steps: Arc::default(),
            closing: Arc::new(tokio::sync::watch::channel(false).0),
        }
    }

    /// Ends the endless work (server-sent events, scheduled jobs) so a graceful shutdown can
    /// finish.
    pub fn begin_shutdown(&self) {
        self.closing.send_replace(true);
    }

    /// Completes once the instance is shutting down.
    pub fn closing(&self) -> impl std::future::Future<Output = ()> + Send + 'static + use<> {
        let mut receiver = self.closing.subscribe();
        async move {
            let _ = receiver.wait_for(|closing| *closing).await;
        }
    }

    /// On PostgreSQL, relays the workshop changes announced by every instance to the pages
    /// connected to this one; retries after a failure. Returns at once on SQLite.
    pub async fn relay_workshop_changes(self) {
        let mut listener = loop {
            match cap_storage::workshops::Listener::start(&self.db).await {
                Ok(Some(l)) => break l,
                Ok(None) => return,
                Err(err) => {
                    tracing::warn!(error = %err, "workshop listener not started, retrying");
                    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
                }
            }
        };
        loop {
            match listener.next().await {
                Ok(payload) => {
                    if let Some((workshop, change)) = self.workshops.incoming(&payload) {
                        self.workshops.announce(workshop, change);
                    }
                }
                Err(err) => {
                    tracing::warn!(error = %err, "workshop listener failed, retrying");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                }
            }
        }
    }
}
