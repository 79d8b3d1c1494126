//! The `cap` command line, run as a user would: check, migrate, user, backup.

use cap_storage::testing::TempDir;
use std::process::{Command, Output};

fn cap(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cap"));
    command.current_dir(dir).args(args).env("CAP_LOG", "warn");
    for key in ["CAP_DATABASE_URL", "CAP_CONFIG", "CAP_ADDR", "CAP_PUBLIC_URL", "CAP_SESSION_KEY"] {
        command.env_remove(key);
    }
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("run cap")
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[test]
fn check_reports_every_problem_at_once() {
    let dir = TempDir::new("cap-cli").unwrap();
    std::fs::write(dir.0.join("cap.toml"), "[server]\nadress = \"0.0.0.0:80\"\n").unwrap();
    let unknown = cap(&dir.0, &["check"], &[]);
    assert!(!unknown.status.success());
    assert!(text(&unknown).contains("adress"), "{}", text(&unknown));

    std::fs::write(
        dir.0.join("cap.toml"),
        "[server]\naddr = \"nulle part\"\n[database]\nurl = \"mysql://x\"\n[mail]\nfrom = \"pas une adresse\"\n",
    )
    .unwrap();
    let many = cap(&dir.0, &["check"], &[]);
    assert!(!many.status.success());
    let out = text(&many);
    for expected in ["server.addr", "database.url", "mail.from", "problèmes / problems: 3"] {
        assert!(out.contains(expected), "{expected} missing from: {out}");
    }

    std::fs::remove_file(dir.0.join("cap.toml")).unwrap();
    let url = format!("sqlite://{}/cap.db", dir.0.display());
    let fine = cap(&dir.0, &["check", "--database-url", &url], &[]);
    assert!(fine.status.success(), "{}", text(&fine));
    assert!(text(&fine).contains("limits.header_timeout_seconds = 10"), "the limits are listed: {}", text(&fine));
}

#[test]
fn migrate_users_and_backup() {
    let dir = TempDir::new("cap-cli").unwrap();
    let url = format!("sqlite://{}/cap.db", dir.0.display());
    let env = [("CAP_DATABASE_URL", url.as_str())];
    assert!(cap(&dir.0, &["migrate"], &env).status.success());

    let created = cap(&dir.0, &["user", "create-admin", "--email", "Camille@Federation.fr", "--name", "Camille"], &env);
    assert!(created.status.success(), "{}", text(&created));
    assert!(text(&created).contains("http://127.0.0.1:8080/password/reset/"));
    let reset = cap(&dir.0, &["user", "reset-password", "--email", "camille@federation.fr"], &env);
    assert!(reset.status.success() && text(&reset).contains("/password/reset/"));
    let unknown = cap(&dir.0, &["user", "reset-password", "--email", "personne@federation.fr"], &env);
    assert!(!unknown.status.success());

    let copy = dir.0.join("copie.db");
    let backup = cap(&dir.0, &["backup", "--to", copy.to_str().unwrap()], &env);
    assert!(backup.status.success(), "{}", text(&backup));
    assert!(copy.exists());
    let again = cap(&dir.0, &["backup", "--to", copy.to_str().unwrap()], &env);
    assert!(!again.status.success(), "an existing file is never overwritten");
}

#[test]
fn backup_explains_pg_dump_for_postgresql() {
    let dir = TempDir::new("cap-cli").unwrap();
    let url = cap_storage::testing::postgres_admin_url();
    let out = cap(&dir.0, &["backup", "--to", "cap.dump", "--database-url", &url], &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("pg_dump --format=custom"));
}
