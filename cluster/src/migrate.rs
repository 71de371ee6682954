//! Schema migrations of the coordinator's database, versioned in the repository.
//!
//! In: a connection. Out: the database at the newest schema. The migrations are the numbered
//! SQL files of `cluster/migrations/` (compiled in); each is applied once, in its own
//! transaction, and recorded in `schema_migrations` with its SHA-256, under an advisory lock
//! so that workers starting together apply it once. A recorded migration whose file changed
//! since is refused (a released migration is never edited: a change is a new file).

use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// The migrations, in order: (version, name, SQL).
pub const MIGRATIONS: &[(i32, &str, &str)] = &[
    (
        1,
        "coordinator",
        include_str!("../migrations/0001_coordinator.sql"),
    ),
    (
        2,
        "accounts",
        include_str!("../migrations/0002_accounts.sql"),
    ),
    (
        3,
        "verify_jobs",
        include_str!("../migrations/0003_verify_jobs.sql"),
    ),
    (
        4,
        "job_originals",
        include_str!("../migrations/0004_job_originals.sql"),
    ),
];

/// Advisory lock key held while migrating ("sohoa" in ASCII).
const MIGRATION_LOCK: i64 = 0x0073_6f68_6f61;

/// Brings the database to the newest schema; returns the versions applied now.
pub fn migrate(client: &mut postgres::Client) -> Result<Vec<i32>> {
    // Before anything, even the table's creation: processes starting together would race.
    client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])?;
    let applied = client
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version integer PRIMARY KEY,
                 name text NOT NULL,
                 sha256 text NOT NULL,
                 applied_at timestamptz NOT NULL DEFAULT now())",
        )
        .map_err(Error::from)
        .and_then(|()| apply(client));
    client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])?;
    applied
}

fn apply(client: &mut postgres::Client) -> Result<Vec<i32>> {
    let mut done = Vec::new();
    for (version, name, sql) in MIGRATIONS {
        let digest = hex::encode(Sha256::digest(sql.as_bytes()));
        let recorded = client.query_opt(
            "SELECT sha256 FROM schema_migrations WHERE version = $1",
            &[version],
        )?;
        if let Some(row) = recorded {
            let stored: String = row.get(0);
            if stored != digest {
                return Err(Error::Schema(format!(
                    "migration {version:04}_{name} was applied with SHA-256 {stored}, but \
                     its file now has {digest}: a released migration must not change"
                )));
            }
            continue;
        }
        let mut tx = client.transaction()?;
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, sha256) VALUES ($1, $2, $3)",
            &[version, name, &digest],
        )?;
        tx.commit()?;
        tracing::info!(version, name, "coordinator schema migrated");
        done.push(*version);
    }
    Ok(done)
}
