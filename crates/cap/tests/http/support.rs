//! The test harness: the real server on port 0 with a fresh database, and seeded people.

use cap::config::Config;
use cap::server;
use cap_domain::review::ReviewerKind;
use cap_domain::{College, Email, Membership, OrganisationId, OrganisationName, OrganisationType, Role, Scope, UserId};
use cap_storage::organisations::OrganisationInput;
use cap_storage::testing::{TempDir, TestDb};
use cap_storage::{Backend, Db, groups, memberships, organisations, regions, users};
use reqwest::redirect::Policy;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Password of every seeded account.
pub const PASSWORD: &str = "phrase de passe des tests";

/// The argon2id hash of [`PASSWORD`], computed once.
pub fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| cap_app::hash_password(PASSWORD).expect("hash"))
}

/// A running server.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Its database.
    pub db: Db,
    /// Where its e-mails land.
    pub outbox: PathBuf,
    state: cap_web::AppState,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    test_db: Option<TestDb>,
    _outbox_dir: TempDir,
}

impl TestApp {
    /// The running server's state (to run its scheduled jobs on demand).
    pub fn state(&self) -> &cap_web::AppState {
        &self.state
    }

    /// Starts the server exactly as `cap serve` does, on a fresh database of `backend`.
    pub async fn spawn(backend: Backend) -> Self {
        Self::spawn_with(backend, |_| {}).await
    }

    /// Starts the server with the configuration changed by `adjust` (lower limits, say).
    pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> Self {
        Self::start(TestDb::new(backend).await, adjust).await
    }

    /// Starts a venue copy as `cap venue` does: a fresh database of `backend` loaded with the
    /// campaign `bundle` (a file the server made), then the server on it. The coordinator's
    /// account there has [`PASSWORD`].
    pub async fn spawn_venue(backend: Backend, bundle: &str) -> Self {
        let test_db = TestDb::new(backend).await;
        cap_app::referential_files::ensure_builtin(&test_db.db).await.expect("built-in referentials");
        let (envelope, taken) = cap_app::venue::open_bundle(bundle, cap_storage::now()).expect("a valid bundle");
        let (_, coordinator) = cap_app::venue::seed(&test_db.db, &envelope, &taken).await.expect("the venue copy");
        users::set_password(&test_db.db, coordinator, password_hash()).await.expect("a password");
        Self::start(test_db, |_| {}).await
    }

    async fn start(test_db: TestDb, adjust: impl FnOnce(&mut Config)) -> Self {
        let outbox_dir = TempDir::new("cap-outbox").expect("outbox");
        let mut config = Config::default();
        adjust(&mut config);
        config.server.addr = "127.0.0.1:0".into();
        config.database.url = test_db.url.clone();
        config.mail.outbox = outbox_dir.0.clone();
        let listener = server::bind(&config).await.expect("bind");
        let addr = listener.local_addr().expect("address");
        config.server.addr = addr.to_string();
        let app = server::state(&config, test_db.db.clone()).await.expect("state");
        let state = server::web_state(&config, app);
        let kept = state.clone();
        let settings = server::connection_settings(&config);
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let handle = tokio::spawn(async move {
            server::serve(listener, state, settings, async {
                let _ = rx.await;
            })
            .await
            .expect("serve");
        });
        Self {
            base: format!("http://{addr}"),
            db: test_db.db.clone(),
            outbox: outbox_dir.0.clone(),
            state: kept,
            shutdown: Some(tx),
            server: Some(handle),
            test_db: Some(test_db),
            _outbox_dir: outbox_dir,
        }
    }

    /// Starts a second instance of the server on the same database (several instances behind a
    /// load balancer); it stops when the returned handle is dropped.
    pub async fn sibling(&self) -> Sibling {
        let mut config = Config::default();
        config.server.addr = "127.0.0.1:0".into();
        config.database.url = self.test_db.as_ref().expect("database").url.clone();
        config.mail.outbox = self.outbox.clone();
        let listener = server::bind(&config).await.expect("bind");
        let addr = listener.local_addr().expect("address");
        config.server.addr = addr.to_string();
        let db = cap_storage::Db::connect(&config.database.url).await.expect("database");
        let state = server::web_state(&config, server::state(&config, db).await.expect("state"));
        let settings = server::connection_settings(&config);
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let handle = tokio::spawn(async move {
            let _ = server::serve(listener, state, settings, async {
                let _ = rx.await;
            })
            .await;
        });
        Sibling { base: format!("http://{addr}"), _stop: tx, _handle: handle }
    }

    /// Tells the server it is shutting down (ends its event streams) without stopping it yet.
    pub fn begin_shutdown(&self) {
        self.state.begin_shutdown();
    }

    /// Stops the server and drops the database.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(handle) = self.server.take() {
            let _ = handle.await;
        }
        if let Some(db) = self.test_db.take() {
            db.cleanup().await;
        }
    }

    /// An absolute URL on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A fresh browser-like client with its own cookies, not following redirects.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder().cookie_store(true).redirect(Policy::none()).build().expect("client")
    }

    /// A client signed in as `email` (with [`PASSWORD`]).
    pub async fn signed_in(&self, email: &str) -> reqwest::Client {
        let client = self.client();
        let response = client
            .post(self.url("/sign-in"))
            .form(&[("email", email), ("password", PASSWORD), ("next", "/")])
            .send()
            .await
            .expect("sign-in request");
        assert_eq!(response.status(), 303, "sign-in of {email} should succeed");
        client
    }

    /// E-mails written to the outbox so far, as text.
    pub fn mails(&self) -> Vec<String> {
        let mut mails: Vec<(std::time::SystemTime, String)> = std::fs::read_dir(&self.outbox)
            .map(|dir| {
                dir.flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                    .filter_map(|e| {
                        let modified = e.metadata().ok()?.modified().ok()?;
                        Some((modified, std::fs::read_to_string(e.path()).ok()?))
                    })
                    .collect()
            })
            .unwrap_or_default();
        mails.sort_by_key(|(t, _)| *t);
        mails.into_iter().map(|(_, text)| decode_quoted_printable(&text)).collect()
    }

    /// The first link to `path_prefix` in the last e-mail to `to`.
    pub fn link_in_mail_to(&self, to: &str, path_prefix: &str) -> String {
        let mail = self
            .mails()
            .into_iter()
            .rev()
            .find(|m| m.lines().any(|l| l.starts_with("To:") && l.contains(to)))
            .unwrap_or_else(|| panic!("no e-mail to {to}"));
        let start = mail
            .find(&format!("{}{path_prefix}", self.base))
            .unwrap_or_else(|| panic!("no {path_prefix} link in {mail}"));
        mail[start..].split_whitespace().next().unwrap_or_default().to_owned()
    }
}

/// GETs `url` and returns the status and the body as text.
pub async fn text(client: &reqwest::Client, url: String) -> (u16, String) {
    let response = client.get(url).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// A second instance of the server on the same database.
pub struct Sibling {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    _stop: tokio::sync::oneshot::Sender<()>,
    _handle: tokio::task::JoinHandle<()>,
}

impl Sibling {
    /// An absolute URL on this instance.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The people and places every authorization test uses: organisation A (region A, group A)
/// and organisation B (region B, no group).
pub struct Seeds {
    pub region_a: i64,
    pub region_b: i64,
    pub group_a: i64,
    pub org_a: i64,
    pub org_b: i64,
    pub participant_a: UserId,
    /// A campaign of organisation A, answers open, with participant A taking part.
    pub campaign_a: i64,
}

/// Every seeded actor's e-mail (anonymous has none).
pub const ADMIN: &str = "admin@test.fr";
pub const COORDINATOR_A: &str = "coord.a@test.fr";
pub const PARTICIPANT_A: &str = "participant.a@test.fr";
pub const DELEGATE_A: &str = "delegue.a@test.fr";
pub const GROUP_LEAD_A: &str = "ges.a@test.fr";
pub const COORDINATOR_B: &str = "coord.b@test.fr";
pub const DELEGATE_B: &str = "delegue.b@test.fr";
/// A delegate of region A holding an open tiers access to campaign A.
pub const TIERS_A: &str = "tiers.a@test.fr";
/// A volunteer of organisation B holding an open pair access to campaign A.
pub const PAIR_A: &str = "pair.a@test.fr";

/// An organisation of type EI in Lyon.
pub fn org(name: &str, region: i64, group: Option<i64>) -> OrganisationInput {
    OrganisationInput {
        name: OrganisationName::parse(name).unwrap(),
        org_type: OrganisationType::Ei,
        siret: None,
        region: cap_domain::RegionId(region),
        group: group.map(cap_domain::GroupId),
        address: String::new(),
        postal_code: String::new(),
        city: "Lyon".into(),
    }
}

/// Creates a user with [`PASSWORD`] and the given roles.
pub async fn person(db: &Db, email: &str, grants: &[Membership]) -> UserId {
    let name = email.split('@').next().unwrap_or(email);
    let id = users::create(db, &Email::parse(email).unwrap(), name, Some(password_hash())).await.unwrap();
    for m in grants {
        memberships::grant(db, id, *m).await.unwrap();
    }
    id
}

/// A campaign of `organisation` on the built-in Cap example, moved forward to `status`.
pub async fn campaign_at(
    db: &Db,
    organisation: OrganisationId,
    title: &str,
    status: cap_domain::campaign::CampaignStatus,
) -> i64 {
    let version = cap_storage::referentials::latest_version(db, "cap-exemple").await.unwrap().unwrap();
    let new = cap_storage::campaigns::NewCampaign {
        organisation,
        referential_version_id: version,
        title,
        scope: &[],
        answering_from: None,
        consolidation_on: None,
        restitution_on: None,
        created_by: None,
    };
    let id = cap_storage::campaigns::create(db, &new).await.unwrap();
    cap_storage::campaigns::advance_to(db, id, status).await.unwrap();
    id
}

/// Seeds two regions, a group, two organisations and one person in each role.
pub async fn seed(db: &Db) -> Seeds {
    let region_a = regions::create(db, "RA", "Région A").await.unwrap();
    let region_b = regions::create(db, "RB", "Région B").await.unwrap();
    let group_a = groups::create(db, "GES A").await.unwrap();
    let org_a = organisations::create(db, &org("Structure A", region_a.0, Some(group_a.0))).await.unwrap();
    let org_b = organisations::create(db, &org("Structure B", region_b.0, None)).await.unwrap();
    let m = |role, scope, college| Membership::new(role, scope, college).unwrap();
    let in_a = Scope::Organisation(org_a);
    let in_b = Scope::Organisation(OrganisationId(org_b.0));
    person(db, ADMIN, &[m(Role::FederationAdmin, Scope::Federation, None)]).await;
    person(db, COORDINATOR_A, &[m(Role::Coordinator, in_a, Some(College::Direction))]).await;
    let participant_a = person(db, PARTICIPANT_A, &[m(Role::Participant, in_a, Some(College::Volunteer))]).await;
    person(db, DELEGATE_A, &[m(Role::RegionalDelegate, Scope::Region(region_a), None)]).await;
    person(db, GROUP_LEAD_A, &[m(Role::GroupLead, Scope::Group(group_a), None)]).await;
    person(db, COORDINATOR_B, &[m(Role::Coordinator, in_b, Some(College::Direction))]).await;
    person(db, DELEGATE_B, &[m(Role::RegionalDelegate, Scope::Region(region_b), None)]).await;
    let version =
        cap_storage::referentials::latest_version(db, "cap-exemple").await.unwrap().expect("built-in Cap example");
    let new = cap_storage::campaigns::NewCampaign {
        organisation: org_a,
        referential_version_id: version,
        title: "Campagne A",
        scope: &[],
        answering_from: None,
        consolidation_on: None,
        restitution_on: None,
        created_by: None,
    };
    let campaign_a = cap_storage::campaigns::create(db, &new).await.unwrap();
    cap_storage::campaigns::add_participant(db, campaign_a, participant_a, College::Volunteer).await.unwrap();
    cap_storage::campaigns::advance(db, campaign_a, cap_domain::campaign::CampaignStatus::Preparation, 1)
        .await
        .unwrap();
    let tiers = person(db, TIERS_A, &[m(Role::RegionalDelegate, Scope::Region(region_a), None)]).await;
    let pair = person(db, PAIR_A, &[m(Role::Participant, in_b, Some(College::Volunteer))]).await;
    for (user, kind) in [(tiers, ReviewerKind::Tiers), (pair, ReviewerKind::Pair)] {
        let access = cap_storage::reviews::NewGrant {
            campaign: campaign_a,
            user,
            kind,
            starts_on: "2020-01-01",
            ends_on: "2099-12-31",
            conflicts: "",
            by: None,
        };
        cap_storage::reviews::grant(db, &access).await.unwrap();
    }
    Seeds {
        region_a: region_a.0,
        region_b: region_b.0,
        group_a: group_a.0,
        org_a: org_a.0,
        org_b: org_b.0,
        participant_a,
        campaign_a,
    }
}

/// Generates one test per backend for each scenario `async fn name(app: &TestApp)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let app = $crate::support::TestApp::spawn(cap_storage::Backend::Sqlite).await;
                    super::$name(&app).await;
                    app.stop().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    let app = $crate::support::TestApp::spawn(cap_storage::Backend::Postgres).await;
                    super::$name(&app).await;
                    app.stop().await;
                }
            )*
        }
    };
}

/// Opens a workshop on the first pillar of `campaign` as its coordinator (`COORDINATOR_A`) and
/// follows the workshop's live stream.
pub async fn open_workshop_stream(app: &TestApp, campaign: i64) -> reqwest::Response {
    let coordinator = app.signed_in(COORDINATOR_A).await;
    let opened = coordinator
        .post(app.url(&format!("/campaigns/{campaign}/workshops")))
        .form(&[("pillar", "SR")])
        .send()
        .await
        .expect("open a workshop");
    let path = opened.headers()["location"].to_str().expect("the workshop's address").to_owned();
    coordinator.get(app.url(&format!("{path}/events"))).send().await.expect("the workshop's stream")
}
