//! Fresh databases for tests, on either backend.
//!
//! PostgreSQL tests use `CAP_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`)
//! to create a database of their own, dropped by [`TestDb::cleanup`].

use crate::{Backend, Db};

/// The server tests create their PostgreSQL databases on.
pub fn postgres_admin_url() -> String {
    std::env::var("CAP_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A database made for one test.
pub struct TestDb {
    /// The migrated database.
    pub db: Db,
    /// Its URL, to start a server on it.
    pub url: String,
    backend: Backend,
    name: String,
    _dir: Option<TempDir>,
}

/// A temporary folder removed on drop.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    /// Creates an empty folder under the system's temporary directory.
    pub fn new(prefix: &str) -> std::io::Result<Self> {
        let path = std::env::temp_dir().join(format!("{prefix}-{}", rand::random::<u64>()));
        std::fs::create_dir_all(&path)?;
        Ok(Self(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A region, an organisation in it and a campaign of theirs on a generated referential (8
/// indicators, `P1.1.1.1`…), for a test that needs somewhere to work: the campaign's id.
pub async fn campaign(db: &Db) -> i64 {
    let region = crate::regions::create(db, "ARA", "Auvergne-Rhône-Alpes").await.expect("region");
    let input = crate::organisations::OrganisationInput {
        name: cap_domain::OrganisationName::parse("Atelier A").expect("a valid name"),
        org_type: cap_domain::OrganisationType::Aci,
        siret: None,
        region,
        group: None,
        address: "1 rue de la Paix".into(),
        postal_code: "69001".into(),
        city: "Lyon".into(),
    };
    let organisation = crate::organisations::create(db, &input).await.expect("organisation");
    let referential = cap_domain::referential::generate("gen", 8, 1, None);
    let version = crate::referentials::import(db, &referential, false, None).await.expect("referential");
    let new = crate::campaigns::NewCampaign {
        organisation,
        referential_version_id: version,
        title: "C",
        scope: &[],
        answering_from: None,
        consolidation_on: None,
        restitution_on: None,
        created_by: None,
    };
    crate::campaigns::create(db, &new).await.expect("campaign")
}

/// Runs statements of a test's own on `db`, to break something on purpose (a trigger that refuses
/// a row, say) and watch what the code does then.
pub async fn execute(db: &Db, sql: &str) -> crate::error::Result<()> {
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned())).execute(db.pool()).await?;
    Ok(())
}

/// The one number a test's own query gives (a count, say), to see what no function reads.
pub async fn scalar(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned())).fetch_one(db.pool()).await.expect("the query runs")
}

impl TestDb {
    /// Creates and migrates a fresh database on `backend`. Panics with a plain message when
    /// PostgreSQL cannot be reached, since the suite must run on both.
    pub async fn new(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = TempDir::new("cap-test").expect("temporary folder");
                let url = format!("sqlite://{}/cap.db", dir.0.display());
                let db = Db::connect(&url).await.expect("SQLite test database");
                Self { db, url, backend, name: String::new(), _dir: Some(dir) }
            }
            Backend::Postgres => {
                let admin_url = postgres_admin_url();
                let admin = Db::connect_without_migrating(&admin_url).await.unwrap_or_else(|e| {
                    panic!(
                        "PostgreSQL is needed for the tests ({admin_url}): {e}. \
                         Start it, or set CAP_TEST_POSTGRES_URL; scripts/test.sh does both."
                    )
                });
                let name = format!("cap_test_{}", rand::random::<u64>());
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(admin.pool())
                    .await
                    .expect("create test database");
                admin.close().await;
                let url = replace_database(&admin_url, &name);
                let db = Db::connect(&url).await.expect("PostgreSQL test database");
                Self { db, url, backend, name, _dir: None }
            }
        }
    }

    /// Closes the pool and drops the PostgreSQL database.
    pub async fn cleanup(mut self) {
        self.db.close().await;
        if self.backend == Backend::Postgres {
            drop_database(&std::mem::take(&mut self.name)).await;
        }
    }
}

/// A test that fails never reaches [`TestDb::cleanup`]: its PostgreSQL database is dropped here
/// instead, from a thread and runtime of its own, since the test's runtime may be gone.
impl Drop for TestDb {
    fn drop(&mut self) {
        if self.backend != Backend::Postgres || self.name.is_empty() {
            return;
        }
        let name = std::mem::take(&mut self.name);
        let _ = std::thread::spawn(move || {
            if let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() {
                runtime.block_on(drop_database(&name));
            }
        })
        .join();
    }
}

/// Drops a test database, closing whatever connections still use it.
async fn drop_database(name: &str) {
    if let Ok(admin) = Db::connect_without_migrating(&postgres_admin_url()).await {
        let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")))
            .execute(admin.pool())
            .await;
        admin.close().await;
    }
}

/// The same server URL with another database name.
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let prefix = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{prefix}/{name}?{q}"),
        None => format!("{prefix}/{name}"),
    }
}
