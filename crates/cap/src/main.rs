//! `cap`: the Cap server and its administration commands.

use anyhow::{Context, Result, bail};
use cap::config::Config;
use cap::referential_cli as files;
use cap::{demo, server};
use cap_domain::{Email, Membership, Role, Scope};
use cap_storage::{memberships, users};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Cap — participatory self-assessment and progress plans for work-integration social enterprises.
#[derive(Debug, Parser)]
#[command(name = "cap", version)]
struct Cli {
    /// Configuration file (default: ./cap.toml when present).
    #[arg(long, global = true, env = "CAP_CONFIG")]
    config: Option<PathBuf>,
    /// Database URL: sqlite://PATH (default ./data/cap.db) or postgres://…
    #[arg(long, global = true)]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web server (the default).
    Serve {
        /// Address to listen on, HOST:PORT (default 127.0.0.1:8080).
        #[arg(long)]
        addr: Option<String>,
        /// Public URL used in e-mailed links (default http:// + addr).
        #[arg(long)]
        public_url: Option<String>,
        /// Load the demo federation into an empty database and print how to sign in.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Manage accounts.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Write a consistent copy of the SQLite database while the server runs.
    Backup {
        /// Target file (must not exist).
        #[arg(long)]
        to: PathBuf,
    },
    /// Check the configuration and the database, reporting every problem at once.
    Check,
    /// Fill the database with realistic organisations, people, campaigns and answers.
    Generate {
        /// How many organisations to add.
        #[arg(long, default_value_t = 0)]
        organisations: usize,
        /// Seed of the pseudo-random choices (the same seed gives the same data).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Only shared answers, targets and plans (no people), this many campaigns each, then
        /// the network's scores: the volume the network's figures are measured on.
        #[arg(long)]
        network: Option<usize>,
        /// Then this many good practices, shared by the organisations already there.
        #[arg(long)]
        practices: Option<usize>,
    },
    /// Run a campaign taken out of the federation's server on this laptop, for a day at a venue:
    /// phones on the same Wi-Fi connect to it; its results are brought back to the server.
    Venue {
        /// The campaign's file downloaded from the server (« Journée sur place »).
        bundle: PathBuf,
        /// Address to listen on, HOST:PORT (default 0.0.0.0:8080: phones on the venue's network
        /// reach it).
        #[arg(long, default_value = "0.0.0.0:8080")]
        addr: String,
        /// The address phones open (default http://<this computer's address>:<port>).
        #[arg(long)]
        public_url: Option<String>,
    },
    /// Referential and offer-of-services files: validate, import, export, diff, format.
    Referential {
        #[command(subcommand)]
        action: ReferentialAction,
    },
}

#[derive(Debug, Subcommand)]
enum ReferentialAction {
    /// Check a file against the database, writing nothing; lists every problem with its line.
    Validate {
        /// A referential or offers file.
        file: PathBuf,
    },
    /// Check then import a file (nothing is written if anything is wrong).
    Import {
        /// A referential or offers file.
        file: PathBuf,
    },
    /// Print a stored version in canonical form.
    Export {
        /// The referential's code.
        code: String,
        /// The version.
        version: String,
    },
    /// Show what changed between two versions (each a file or CODE@VERSION).
    Diff {
        /// The older version.
        old: String,
        /// The newer version.
        new: String,
    },
    /// Print a generated, valid referential (for benchmarks and trials), mapped to ISO 9001.
    Generate {
        /// How many indicators.
        #[arg(long, default_value_t = 1000)]
        indicators: usize,
        /// The referential's code.
        #[arg(long, default_value = "genere")]
        code: String,
        /// Seed of the pseudo-random choices.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Rewrite a file in canonical form (with --check, only tell whether it is).
    Format {
        /// A referential or offers file.
        file: PathBuf,
        /// Fail instead of rewriting when the file is not canonical.
        #[arg(long)]
        check: bool,
    },
}

#[derive(Debug, Subcommand)]
enum UserAction {
    /// Create a federation administrator and print a link to choose their password.
    CreateAdmin {
        /// E-mail address.
        #[arg(long)]
        email: String,
        /// Name shown in the interface.
        #[arg(long)]
        name: String,
    },
    /// Print a single-use link to choose a new password (valid one hour).
    ResetPassword {
        /// E-mail address of the account.
        #[arg(long)]
        email: String,
    },
}

fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn main() -> std::process::ExitCode {
    // Before the runtime starts its threads.
    cap::allocator::tune();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("{err}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            // Plain messages for people: no backtrace, the causes on one line each.
            eprintln!("{err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CAP_LOG").unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    let cli = Cli::parse();
    let mut config = Config::load(cli.config.as_deref(), &env_var)?;
    if let Some(Command::Venue { bundle, addr, public_url }) = cli.command {
        return venue(config, cli.database_url, bundle, addr, public_url).await;
    }
    if let Some(url) = cli.database_url {
        config.database.url = url;
    }
    match cli.command.unwrap_or(Command::Serve { addr: None, public_url: None, demo: false }) {
        Command::Serve { addr, public_url, demo } => {
            if let Some(addr) = addr {
                config.server.addr = addr;
            }
            if let Some(url) = public_url {
                config.server.public_url = Some(url);
            }
            serve(config, demo).await
        }
        Command::Migrate => {
            server::connect(&config).await?;
            println!("Base de données à jour / database up to date.");
            Ok(())
        }
        Command::User { action } => user(config, action).await,
        Command::Backup { to } => backup(config, to).await,
        Command::Check => check(config).await,
        Command::Referential { action } => referential(config, action).await,
        Command::Venue { .. } => unreachable!("handled above"),
        Command::Generate { organisations: 0, seed, network: None, practices: Some(count) } => {
            let db = server::connect(&config).await?;
            let started = std::time::Instant::now();
            let made = cap::generate::generate_practices(&db, count, seed, &mut std::io::stderr()).await?;
            println!(
                "{} bonnes pratiques / good practices ({} publiées / published, {} pièces jointes / attachments) en / in {:.1} s",
                made.practices,
                made.published,
                made.files,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Generate { practices: Some(_), .. } => {
            anyhow::bail!("--practices se génère seul / is generated alone: cap generate --practices N")
        }
        Command::Generate { organisations, seed, network: Some(each), practices: None } => {
            let db = server::connect(&config).await?;
            let state = server::state(&config, db.clone()).await?;
            let started = std::time::Instant::now();
            let made = cap::generate::generate_network(&db, organisations, each, seed, &mut std::io::stderr()).await?;
            let generated = started.elapsed().as_secs_f64();
            let scored = cap_app::jobs::refresh_network(&state).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "{} organisations, {} campagnes / campaigns, {} réponses partagées / shared answers, {} plans en / in {generated:.1} s ; {scored} campagnes notées / campaigns scored en / in {:.1} s",
                made.organisations,
                made.campaigns,
                made.answers,
                made.plans,
                started.elapsed().as_secs_f64() - generated
            );
            Ok(())
        }
        Command::Generate { organisations, seed, network: None, practices: None } => {
            let db = server::connect(&config).await?;
            cap_app::referential_files::ensure_builtin(&db)
                .await
                .map_err(|e| anyhow::anyhow!("built-in referentials: {e}"))?;
            let hash = cap_app::hash_password(demo::DEMO_PASSWORD).map_err(anyhow::Error::msg)?;
            let started = std::time::Instant::now();
            let made = cap::generate::generate(&db, organisations, seed, &hash, &mut std::io::stderr()).await?;
            println!(
                "{} organisations, {} comptes / accounts, {} campagnes / campaigns, {} réponses / answers, {} plans en / in {:.1} s",
                made.organisations,
                made.users,
                made.campaigns,
                made.answers,
                made.plans,
                started.elapsed().as_secs_f64()
            );
            println!("Mot de passe des comptes générés / password of generated accounts: {}", demo::DEMO_PASSWORD);
            Ok(())
        }
    }
}

async fn serve(config: Config, demo: bool) -> Result<()> {
    let db = server::connect(&config).await?;
    let state = server::state(&config, db.clone()).await?;
    if demo {
        if demo::is_empty(&db).await? {
            let hash = cap_app::hash_password(demo::DEMO_PASSWORD).map_err(anyhow::Error::msg)?;
            let accounts = demo::load(&db, &hash).await?;
            // The network's figures are ready from the first page, not after the first job run.
            cap_app::jobs::refresh_network(&state).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("\nFédération de démonstration chargée / demo federation loaded.");
            println!("Mot de passe de tous les comptes / password of every account: {}\n", demo::DEMO_PASSWORD);
            for account in accounts {
                println!("  {:<28} {}", account.email, account.role);
            }
            println!();
        } else {
            println!(
                "La base n'est pas vide : la démo n'est pas rechargée / database not empty: demo not loaded again."
            );
            println!(
                "Comptes de démo / demo accounts: admin@demo.cap, referente@demo.cap … — mot de passe / password: {}",
                demo::DEMO_PASSWORD
            );
        }
    }
    if let Some(link) = cap_app::first_start_link(&state).await? {
        println!("\nPremier démarrage : créez le compte d'administration avec ce lien (valable 24 h, une fois) :");
        println!("First start: create the administrator account with this link (valid 24 h, once):\n\n  {link}\n");
    }
    match cap::connections::raise_open_files_limit() {
        Some((soft, hard)) => tracing::info!(soft, hard, "limit of open files (soft raised to hard)"),
        None => tracing::warn!("limit of open files unknown"),
    }
    let listener = server::bind(&config).await?;
    println!("Cap écoute sur / listens on {}", config.public_url());
    let state = server::web_state(&config, state);
    server::serve(listener, state, server::connection_settings(&config), server::shutdown_signal()).await?;
    Ok(())
}

/// `cap venue FILE`: loads the campaign into this laptop's own database (or takes up the one a
/// previous run left, after a crash), prints how the coordinator signs in and the address and QR
/// code phones open, then serves.
async fn venue(
    mut config: Config,
    database_url: Option<String>,
    bundle: PathBuf,
    addr: String,
    public_url: Option<String>,
) -> Result<()> {
    let text = std::fs::read_to_string(&bundle).with_context(|| format!("{}", bundle.display()))?;
    let (envelope, taken) = match cap_app::venue::open_bundle(&text, cap_storage::now()) {
        Ok(opened) => opened,
        Err(cap_app::venue::VenueError::Expired(at)) => bail!(
            "Ce fichier de campagne ne valait que jusqu'au {} : téléchargez-le à nouveau sur le serveur de la fédération.\n\
             This campaign file was valid until {}: download it again from the federation's server.",
            cap_app::i18n::Tr::new(cap_app::i18n::Locale::Fr).datetime(at),
            cap_app::i18n::Tr::new(cap_app::i18n::Locale::En).datetime(at)
        ),
        Err(e) => bail!(
            "{} : ce n'est pas un fichier de campagne de Cap (« Journée sur place » sur le serveur) / not a Cap campaign file ({e})",
            bundle.display()
        ),
    };
    config.database.url = match database_url {
        Some(url) => url,
        None => cap::venue_cli::default_database(taken.campaign.id).1,
    };
    config.server.addr = addr;
    config.server.public_url = Some(
        public_url.unwrap_or_else(|| cap::venue_cli::public_url(&config.server.addr, cap::venue_cli::lan_address())),
    );
    let db = server::connect(&config).await?;
    cap_app::referential_files::ensure_builtin(&db).await.map_err(|e| anyhow::anyhow!("built-in referentials: {e}"))?;
    let (_, coordinator) = cap_app::venue::seed(&db, &envelope, &taken).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let state = server::state(&config, db).await?;
    let by = cap_app::audit::Author::system("cap venue");
    let link = cap_app::password_reset_link(&state, &by, coordinator, &taken.coordinator.email).await?;
    let url = config.public_url();
    println!("\nCopie de lieu de « {} » ({}) / venue copy.", taken.campaign.title, taken.organisation.name);
    println!("Base de données / database: {}", config.database.url);
    println!(
        "\n{} : sur cet ordinateur, ouvrez ce lien pour choisir votre mot de passe (valable 1 h, une fois) :",
        taken.coordinator.name
    );
    println!("Open this link on this computer to choose your password (valid 1 h, once):\n\n  {link}\n");
    println!("Téléphones : sur le même wifi, ouvrez / phones on the same Wi-Fi open:\n\n  {url}/w\n");
    match cap_web::qr::qr_text(&format!("{url}/w")) {
        Ok(code) => println!("{code}"),
        Err(e) => tracing::warn!("QR code: {e}"),
    }
    println!(
        "Fin de journée : « Journée sur place » → « Télécharger les résultats » / at the end: download the results."
    );
    let listener = server::bind(&config).await?;
    let state = server::web_state(&config, state);
    server::serve(listener, state, server::connection_settings(&config), server::shutdown_signal()).await?;
    Ok(())
}

async fn user(config: Config, action: UserAction) -> Result<()> {
    let db = server::connect(&config).await?;
    let state = server::state(&config, db.clone()).await?;
    match action {
        UserAction::CreateAdmin { email, name } => {
            let email = Email::parse(&email).map_err(|e| anyhow::anyhow!("invalid e-mail ({})", e.key))?;
            let id = match users::find_by_email(&db, &email).await? {
                Some(user) => user.user_id(),
                None => users::create(&db, &email, &name, None).await?,
            };
            let admin =
                Membership::new(Role::FederationAdmin, Scope::Federation, None).map_err(|e| anyhow::anyhow!(e.key))?;
            let by = cap_app::audit::Author::system("ligne de commande");
            let entry = by.entry("users.create_admin", "user", id, "");
            memberships::grant(db.audited(entry), id, admin).await?;
            let link = cap_app::password_reset_link(&state, &by, id, email.as_str()).await?;
            println!("{email} est administrateur·rice de la fédération / is a federation administrator.");
            println!("Lien pour choisir le mot de passe (1 h) / link to choose the password (1 h):\n  {link}");
        }
        UserAction::ResetPassword { email } => {
            let email = Email::parse(&email).map_err(|e| anyhow::anyhow!("invalid e-mail ({})", e.key))?;
            let Some(user) = users::find_by_email(&db, &email).await? else {
                bail!("aucun compte pour / no account for {email}");
            };
            let by = cap_app::audit::Author::system("ligne de commande");
            let link = cap_app::password_reset_link(&state, &by, user.user_id(), email.as_str()).await?;
            println!(
                "Lien pour choisir un nouveau mot de passe (1 h) / link to choose a new password (1 h):\n  {link}"
            );
        }
    }
    Ok(())
}

async fn backup(config: Config, to: PathBuf) -> Result<()> {
    let db = cap_storage::Db::connect_without_migrating(&config.database.url).await.context("database")?;
    if db.backup_sqlite(&to).await? {
        println!("Copie cohérente écrite / consistent copy written: {}", to.display());
        println!("Restauration : arrêtez cap, remplacez le fichier de la base par cette copie, redémarrez.");
        Ok(())
    } else {
        println!("PostgreSQL : utilisez pg_dump / use pg_dump, for instance:");
        println!("  pg_dump --format=custom --file={} \"{}\"", to.display(), config.database.url);
        println!("Restore: pg_restore --clean --dbname=\"{}\" {}", config.database.url, to.display());
        Ok(())
    }
}

async fn check(config: Config) -> Result<()> {
    let mut problems = config.problems();
    let url_known = cap_storage::db::backend_of(&config.database.url).is_ok();
    match cap_storage::Db::connect_without_migrating(&config.database.url).await {
        Err(_) if !url_known => {}
        Ok(db) => {
            if let Err(e) = db.ping().await {
                problems.push(format!("database: {e}"));
            }
        }
        Err(e) => problems.push(format!("database: cannot connect to {}: {e}", config.database.url)),
    }
    if config.mail.smtp.is_none()
        && let Err(e) = std::fs::create_dir_all(&config.mail.outbox)
    {
        problems.push(format!("mail.outbox: cannot create {}: {e}", config.mail.outbox.display()));
    }
    println!("Limites / limits:");
    for line in config.limits.summary() {
        println!("  {line}");
    }
    let open_files = cap::connections::open_files_limit();
    if let Some((soft, hard)) = open_files {
        println!("  open files: soft {soft}, hard {hard} (cap serve raises the soft limit to the hard one)");
    }
    if let Some(warning) = cap::connections::open_files_warning(config.limits.max_connections, open_files) {
        eprintln!("  ! {warning}");
    }
    if problems.is_empty() {
        println!("Configuration valide, base de données joignable / configuration valid, database reachable.");
        Ok(())
    } else {
        for p in &problems {
            eprintln!("  - {p}");
        }
        bail!("problèmes / problems: {}", problems.len())
    }
}

async fn referential(config: Config, action: ReferentialAction) -> Result<()> {
    if let ReferentialAction::Format { file, check } = &action {
        println!("{}", files::format(file, *check)?);
        return Ok(());
    }
    let db = server::connect(&config).await?;
    cap_app::referential_files::ensure_builtin(&db).await.map_err(|e| anyhow::anyhow!("built-in referentials: {e}"))?;
    let out = match action {
        ReferentialAction::Validate { file } => files::validate(&db, &file).await?,
        ReferentialAction::Import { file } => files::import(&db, &file).await?,
        ReferentialAction::Export { code, version } => files::export(&db, &code, &version).await?,
        ReferentialAction::Diff { old, new } => files::diff_versions(&db, &old, &new).await?,
        ReferentialAction::Generate { indicators, code, seed } => files::generate(&db, &code, indicators, seed).await?,
        ReferentialAction::Format { .. } => unreachable!("handled above"),
    };
    print!("{out}");
    if !out.ends_with('\n') {
        println!();
    }
    Ok(())
}
