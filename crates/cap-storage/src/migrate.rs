//! A small migrator: the SQL of each backend is embedded in the binary and applied in order,
//! each migration in its own transaction, recorded in `schema_migrations`.

use crate::db::{Backend, Db};
use crate::error::Result;

struct Migration {
    version: i64,
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        sqlite: include_str!("../migrations/sqlite/0001_foundation.sql"),
        postgres: include_str!("../migrations/postgres/0001_foundation.sql"),
    },
    Migration {
        version: 2,
        name: "referentials",
        sqlite: include_str!("../migrations/sqlite/0002_referentials.sql"),
        postgres: include_str!("../migrations/postgres/0002_referentials.sql"),
    },
    Migration {
        version: 3,
        name: "campaigns",
        sqlite: include_str!("../migrations/sqlite/0003_campaigns.sql"),
        postgres: include_str!("../migrations/postgres/0003_campaigns.sql"),
    },
    Migration {
        version: 4,
        name: "workshops",
        sqlite: include_str!("../migrations/sqlite/0004_workshops.sql"),
        postgres: include_str!("../migrations/postgres/0004_workshops.sql"),
    },
    Migration {
        version: 5,
        name: "plans",
        sqlite: include_str!("../migrations/sqlite/0005_plans.sql"),
        postgres: include_str!("../migrations/postgres/0005_plans.sql"),
    },
    Migration {
        version: 6,
        name: "accompaniment",
        sqlite: include_str!("../migrations/sqlite/0006_accompaniment.sql"),
        postgres: include_str!("../migrations/postgres/0006_accompaniment.sql"),
    },
    Migration {
        version: 7,
        name: "reviews",
        sqlite: include_str!("../migrations/sqlite/0007_reviews.sql"),
        postgres: include_str!("../migrations/postgres/0007_reviews.sql"),
    },
    Migration {
        version: 8,
        name: "api_tokens",
        sqlite: include_str!("../migrations/sqlite/0008_api_tokens.sql"),
        postgres: include_str!("../migrations/postgres/0008_api_tokens.sql"),
    },
    Migration {
        version: 9,
        name: "network",
        sqlite: include_str!("../migrations/sqlite/0009_network.sql"),
        postgres: include_str!("../migrations/postgres/0009_network.sql"),
    },
    Migration {
        version: 10,
        name: "feedback",
        sqlite: include_str!("../migrations/sqlite/0010_feedback.sql"),
        postgres: include_str!("../migrations/postgres/0010_feedback.sql"),
    },
    Migration {
        version: 11,
        name: "deployment",
        sqlite: include_str!("../migrations/sqlite/0011_deployment.sql"),
        postgres: include_str!("../migrations/postgres/0011_deployment.sql"),
    },
    Migration {
        version: 12,
        name: "network_cube",
        sqlite: include_str!("../migrations/sqlite/0012_network_cube.sql"),
        postgres: include_str!("../migrations/postgres/0012_network_cube.sql"),
    },
    Migration {
        version: 13,
        name: "good_practices",
        sqlite: include_str!("../migrations/sqlite/0013_good_practices.sql"),
        postgres: include_str!("../migrations/postgres/0013_good_practices.sql"),
    },
    Migration {
        version: 14,
        name: "least_privilege",
        sqlite: include_str!("../migrations/sqlite/0014_least_privilege.sql"),
        postgres: include_str!("../migrations/postgres/0014_least_privilege.sql"),
    },
    Migration {
        version: 15,
        name: "accompaniment_plan",
        sqlite: include_str!("../migrations/sqlite/0015_accompaniment_plan.sql"),
        postgres: include_str!("../migrations/postgres/0015_accompaniment_plan.sql"),
    },
    Migration {
        version: 16,
        name: "plan_suggestions",
        sqlite: include_str!("../migrations/sqlite/0016_plan_suggestions.sql"),
        postgres: include_str!("../migrations/postgres/0016_plan_suggestions.sql"),
    },
    Migration {
        version: 17,
        name: "workshop_seats",
        sqlite: include_str!("../migrations/sqlite/0017_workshop_seats.sql"),
        postgres: include_str!("../migrations/postgres/0017_workshop_seats.sql"),
    },
    Migration {
        version: 18,
        name: "campaign_consolidated_at",
        sqlite: include_str!("../migrations/sqlite/0018_campaign_consolidated_at.sql"),
        postgres: include_str!("../migrations/postgres/0018_campaign_consolidated_at.sql"),
    },
    Migration {
        version: 19,
        name: "workshop_absence",
        sqlite: include_str!("../migrations/sqlite/0019_workshop_absence.sql"),
        postgres: include_str!("../migrations/postgres/0019_workshop_absence.sql"),
    },
    Migration {
        version: 20,
        name: "easy_read",
        sqlite: include_str!("../migrations/sqlite/0020_easy_read.sql"),
        postgres: include_str!("../migrations/postgres/0020_easy_read.sql"),
    },
    Migration {
        version: 21,
        name: "campaign_meetings",
        sqlite: include_str!("../migrations/sqlite/0021_campaign_meetings.sql"),
        postgres: include_str!("../migrations/postgres/0021_campaign_meetings.sql"),
    },
    Migration {
        version: 22,
        name: "restitution_voices",
        sqlite: include_str!("../migrations/sqlite/0022_restitution_voices.sql"),
        postgres: include_str!("../migrations/postgres/0022_restitution_voices.sql"),
    },
    Migration {
        version: 23,
        name: "pillar_steps",
        sqlite: include_str!("../migrations/sqlite/0023_pillar_steps.sql"),
        postgres: include_str!("../migrations/postgres/0023_pillar_steps.sql"),
    },
    Migration {
        version: 24,
        name: "activity_figures",
        sqlite: include_str!("../migrations/sqlite/0024_activity_figures.sql"),
        postgres: include_str!("../migrations/postgres/0024_activity_figures.sql"),
    },
    Migration {
        version: 25,
        name: "meeting_people",
        sqlite: include_str!("../migrations/sqlite/0025_meeting_people.sql"),
        postgres: include_str!("../migrations/postgres/0025_meeting_people.sql"),
    },
    Migration {
        version: 26,
        name: "answer_evidence",
        sqlite: include_str!("../migrations/sqlite/0026_answer_evidence.sql"),
        postgres: include_str!("../migrations/postgres/0026_answer_evidence.sql"),
    },
    Migration {
        version: 27,
        name: "audited_answers_and_votes",
        sqlite: include_str!("../migrations/sqlite/0027_audited_answers_and_votes.sql"),
        postgres: include_str!("../migrations/postgres/0027_audited_answers_and_votes.sql"),
    },
    Migration {
        version: 28,
        name: "pair_pathway",
        sqlite: include_str!("../migrations/sqlite/0028_pair_pathway.sql"),
        postgres: include_str!("../migrations/postgres/0028_pair_pathway.sql"),
    },
    Migration {
        version: 29,
        name: "evidence_files",
        sqlite: include_str!("../migrations/sqlite/0029_evidence_files.sql"),
        postgres: include_str!("../migrations/postgres/0029_evidence_files.sql"),
    },
    Migration {
        version: 30,
        name: "testers",
        sqlite: include_str!("../migrations/sqlite/0030_testers.sql"),
        postgres: include_str!("../migrations/postgres/0030_testers.sql"),
    },
    Migration {
        version: 31,
        name: "glossary",
        sqlite: include_str!("../migrations/sqlite/0031_glossary.sql"),
        postgres: include_str!("../migrations/postgres/0031_glossary.sql"),
    },
    Migration {
        version: 32,
        name: "service_requests",
        sqlite: include_str!("../migrations/sqlite/0032_service_requests.sql"),
        postgres: include_str!("../migrations/postgres/0032_service_requests.sql"),
    },
    Migration {
        version: 33,
        name: "group_campaigns",
        sqlite: include_str!("../migrations/sqlite/0033_group_campaigns.sql"),
        postgres: include_str!("../migrations/postgres/0033_group_campaigns.sql"),
    },
    Migration {
        version: 34,
        name: "harmonisation",
        sqlite: include_str!("../migrations/sqlite/0034_harmonisation.sql"),
        postgres: include_str!("../migrations/postgres/0034_harmonisation.sql"),
    },
    Migration {
        version: 35,
        name: "venue",
        sqlite: include_str!("../migrations/sqlite/0035_venue.sql"),
        postgres: include_str!("../migrations/postgres/0035_venue.sql"),
    },
    Migration {
        version: 36,
        name: "change_stamps",
        sqlite: include_str!("../migrations/sqlite/0036_change_stamps.sql"),
        postgres: include_str!("../migrations/postgres/0036_change_stamps.sql"),
    },
];

/// Arbitrary key of the PostgreSQL advisory lock that serialises migrations across instances.
const MIGRATION_LOCK: i64 = 0x00C4_7000_0001;

pub(crate) async fn run(db: &Db) -> Result<()> {
    let pool = db.pool();
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version BIGINT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            applied_at BIGINT NOT NULL)",
    )
    .execute(pool)
    .await?;
    let mut conn = pool.acquire().await?;
    if db.backend() == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_lock($1)").bind(MIGRATION_LOCK).execute(&mut *conn).await?;
    }
    let outcome = apply_pending(db, &mut conn).await;
    if db.backend() == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_unlock($1)").bind(MIGRATION_LOCK).execute(&mut *conn).await?;
    }
    outcome
}

async fn apply_pending(db: &Db, conn: &mut sqlx::AnyConnection) -> Result<()> {
    use sqlx::Connection;
    let applied: Vec<i64> = sqlx::query_scalar("SELECT version FROM schema_migrations").fetch_all(&mut *conn).await?;
    for migration in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
        let sql = match db.backend() {
            Backend::Sqlite => migration.sqlite,
            Backend::Postgres => migration.postgres,
        };
        let mut tx = conn.begin().await?;
        sqlx::raw_sql(sql).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
            .bind(migration.version)
            .bind(migration.name)
            .bind(crate::now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        tracing::info!(version = migration.version, name = migration.name, "migration applied");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two backends' migrations must declare the same tables, columns, constraints, defaults
    /// and indexes, in order, line for line: only the names of types may differ.
    #[test]
    fn backends_declare_the_same_schema() {
        /// A line with each engine's type names replaced by one neutral word.
        fn neutral(line: &str) -> String {
            let line = line
                .replace("INTEGER PRIMARY KEY AUTOINCREMENT", "ID")
                .replace("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "ID")
                .replace("DOUBLE PRECISION", "FLOAT");
            line.split_inclusive(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .map(|token| {
                    let word = token.trim_end_matches(|c: char| !c.is_ascii_alphanumeric() && c != '_');
                    let neutral = match word {
                        "INTEGER" | "BIGINT" => "INT",
                        "BLOB" | "BYTEA" => "BYTES",
                        "REAL" => "FLOAT",
                        other => other,
                    };
                    format!("{neutral}{}", &token[word.len()..])
                })
                .collect()
        }
        /// The lines both engines must share: triggers are written in each engine's own
        /// language between `-- begin engine-specific` and `-- end engine-specific`, and only
        /// their names must match.
        fn shape(sql: &str) -> Vec<String> {
            let mut specific = false;
            let mut out = Vec::new();
            for line in sql.lines().map(str::trim) {
                match line {
                    "-- begin engine-specific" => specific = true,
                    "-- end engine-specific" => specific = false,
                    _ if line.starts_with("--") || line.is_empty() => {}
                    _ if specific => {}
                    _ => out.push(neutral(line)),
                }
            }
            out
        }
        /// The tables audited by a trigger, and on which writes.
        fn triggered(sql: &str) -> Vec<String> {
            let mut out: Vec<String> = sql
                .lines()
                .filter_map(|l| l.trim().strip_prefix("CREATE TRIGGER "))
                .flat_map(|l| {
                    let words: Vec<&str> = l.split_whitespace().collect();
                    let table = words.iter().position(|w| *w == "ON").and_then(|i| words.get(i + 1)).copied();
                    words
                        .iter()
                        .filter(|w| matches!(**w, "INSERT" | "UPDATE" | "DELETE"))
                        .map(|w| format!("{} {w}", table.unwrap_or("?")))
                        .collect::<Vec<_>>()
                })
                .collect();
            out.sort();
            out
        }
        assert_eq!(neutral("a BIGINT NOT NULL DEFAULT 0,"), "a INT NOT NULL DEFAULT 0,");
        assert_ne!(shape("a INTEGER NOT NULL,"), shape("a BIGINT,"), "a lost NOT NULL is a difference");
        for m in MIGRATIONS {
            assert_eq!(shape(m.sqlite), shape(m.postgres), "migration {} differs", m.version);
            assert_eq!(triggered(m.sqlite), triggered(m.postgres), "migration {}'s triggers differ", m.version);
        }
        assert_eq!(
            triggered("CREATE TRIGGER t AFTER INSERT OR UPDATE ON answers FOR EACH ROW"),
            ["answers INSERT", "answers UPDATE"]
        );
    }
}
