//! The reading room's accounts: users with a role and a clearance, web sessions, API
//! tokens, failed sign-ins, and reading requests with their decisions, grants and
//! notifications, in an embedded `SQLite` database or, in cluster mode, in the cluster's
//! `PostgreSQL` (shared by every `sohoa serve` of the cluster).
//!
//! In: where the accounts live ([`Location`]: an archive directory, whose database is
//! `ARCHIVE/service/accounts.sqlite3`, outside `ocfl/`: `verify` never reads it; or the
//! cluster's database URL) and what the operator or a signing-in user gives. Out:
//! accounts ([`Account`]) and the [`pipeline::gate::Principal`] each acts as; sessions and
//! tokens looked up by the SHA-256 of their secret (the secret itself is never stored),
//! listed for the admin without it; the log of failed sign-ins (name tried, address);
//! passwords stored only as Argon2id hashes; a consistent copy of the database on request
//! ([`Accounts::back_up`], `SQLite` only). The rules are written once, above [`db`], whose
//! one interface runs the same SQL on either backend.

pub(crate) mod db;
mod lockout;
mod requests;
pub mod secret;
mod sessions;
#[cfg(test)]
mod testing;
mod tokens;
mod users;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;

use db::Db;

pub use lockout::{
    FailedSignIn, FAILURE_LOG_DAYS, LOCKOUT_MINUTES, MAX_FAILURES_PER_ACCOUNT,
    MAX_FAILURES_PER_ADDRESS,
};
pub use requests::{
    Decision, GrantRecord, GrantState, Notification, Outcome, ReadingRequest, RequestFilter,
    RequestItem, RequestState, Revocation,
};
pub(crate) use requests::{DecisionRow, NewRequestRow};
pub use sessions::{ActiveSession, Session, SESSION_ABSOLUTE_HOURS, SESSION_IDLE_MINUTES};
pub use tokens::ApiToken;
pub use users::{
    clearance_grant, clearance_key, parse_clearance, parse_day, parse_role, role_key, Account,
    ClearanceGrant, NewAccount, SignIn,
};

use crate::{Error, Result};

/// Where the service's own files live inside an archive directory.
pub const SERVICE_DIR: &str = "service";
/// The accounts database's file name in [`SERVICE_DIR`].
pub const DATABASE_FILE: &str = "accounts.sqlite3";

/// The schema, one migration per entry; `PRAGMA user_version` counts those applied.
const MIGRATIONS: &[&str] = &[
    r"
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    clearance TEXT NOT NULL DEFAULT 'none',
    clearance_decision TEXT,
    clearance_expires TEXT,
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL
);
CREATE TABLE sessions (
    digest TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created INTEGER NOT NULL,
    last_seen INTEGER NOT NULL
);
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    digest TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created TEXT NOT NULL,
    expires TEXT,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE failed_sign_ins (
    key TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX failed_sign_ins_by_key ON failed_sign_ins(key, at);
",
    r"
CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    form TEXT NOT NULL,
    purpose TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    priority_note TEXT,
    submitted TEXT NOT NULL,
    due TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    routed_by INTEGER REFERENCES users(id)
);
CREATE INDEX requests_by_user ON requests(user_id);
CREATE INDEX requests_by_state ON requests(state);
CREATE TABLE request_items (
    request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    document TEXT NOT NULL,
    object TEXT NOT NULL,
    title TEXT NOT NULL,
    symbol TEXT NOT NULL,
    regime TEXT NOT NULL,
    PRIMARY KEY (request_id, document)
);
CREATE INDEX request_items_by_document ON request_items(document);
CREATE TABLE decisions (
    request_id INTEGER PRIMARY KEY REFERENCES requests(id) ON DELETE CASCADE,
    approver_id INTEGER NOT NULL REFERENCES users(id),
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided TEXT NOT NULL
);
CREATE TABLE grants (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL UNIQUE REFERENCES requests(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    form TEXT NOT NULL,
    expires TEXT NOT NULL,
    revoked TEXT,
    revoked_by TEXT,
    revoke_reason TEXT,
    expiry_recorded INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX grants_by_user ON grants(user_id);
CREATE TABLE grant_documents (
    grant_id INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    document TEXT NOT NULL,
    PRIMARY KEY (grant_id, document)
);
CREATE TABLE grant_uses (
    grant_id INTEGER NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    document TEXT NOT NULL,
    first_used TEXT NOT NULL,
    PRIMARY KEY (grant_id, document)
);
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    request_id INTEGER REFERENCES requests(id),
    message TEXT NOT NULL,
    created TEXT NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notifications_by_user ON notifications(user_id, seen);
",
    r"
ALTER TABLE users ADD COLUMN last_sign_in TEXT;
ALTER TABLE sessions ADD COLUMN address TEXT;
CREATE TABLE sign_in_failures (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    at INTEGER NOT NULL,
    locked_out INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_by_at ON sign_in_failures(at);
",
];

/// Where the accounts live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The embedded default: the archive's own `SQLite` database.
    Archive,
    /// Cluster mode: the coordinator's `PostgreSQL` at this URL (`SOHOA_DATABASE_URL`).
    Cluster { database_url: String },
}

/// The accounts of one archive (or of one cluster).
#[derive(Debug)]
pub struct Accounts {
    /// The database file, or the cluster's database (for messages).
    path: PathBuf,
    conn: Mutex<Db>,
    /// First uses of grants known to be recorded (grant, document): a read under a grant
    /// asks this before the database.
    grant_uses: Mutex<std::collections::HashSet<(i64, String)>>,
}

impl Accounts {
    /// Opens the accounts where `location` says: [`Accounts::open`] on the archive at
    /// `archive_dir`, or [`Accounts::open_cluster`].
    pub fn open_at(location: &Location, archive_dir: &Path) -> Result<Accounts> {
        match location {
            Location::Archive => Accounts::open(archive_dir),
            Location::Cluster { database_url } => Accounts::open_cluster(database_url),
        }
    }

    /// Connects to the accounts in the cluster's `PostgreSQL` at `database_url`, bringing
    /// the coordinator's schema (the accounts' tables among it) up to date.
    pub fn open_cluster(database_url: &str) -> Result<Accounts> {
        Ok(Accounts {
            path: PathBuf::from("the cluster's PostgreSQL"),
            conn: Mutex::new(Db::postgres(database_url)?),
            grant_uses: Mutex::default(),
        })
    }

    /// Whether the accounts are the cluster's (in `PostgreSQL`).
    pub fn in_cluster(&self) -> bool {
        self.conn().is_postgres()
    }

    /// Opens (creating when missing) the accounts database of the archive at `archive_dir`,
    /// bringing its schema up to date.
    pub fn open(archive_dir: &Path) -> Result<Accounts> {
        let dir = archive_dir.join(SERVICE_DIR);
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
        let path = dir.join(DATABASE_FILE);
        let conn = Connection::open(&path).map_err(|e| db::sqlite_error(&path, e))?;
        let accounts = Accounts {
            conn: Mutex::new(Db::sqlite(conn, &path)),
            path,
            grant_uses: Mutex::default(),
        };
        accounts.migrate()?;
        Ok(accounts)
    }

    /// Opens the accounts database of the archive at `archive_dir` for reading only (a
    /// read-only copy of the archive, or a reader without write access to it): nothing is
    /// created or migrated. A database whose schema is older than this program's is an
    /// [`Error::Invalid`] (it needs one [`Accounts::open`] by a writer first).
    pub fn open_read_only(archive_dir: &Path) -> Result<Accounts> {
        let path = archive_dir.join(SERVICE_DIR).join(DATABASE_FILE);
        // SQLite reads a WAL database only where it may write the `-shm` index next to it;
        // where it may not (a read-only copy), the file is read as immutable.
        let accounts = Accounts::open_uri(&path, "mode=ro")
            .and_then(|a| a.schema_version().map(|v| (a, v)))
            .or_else(|_| -> Result<(Accounts, usize)> {
                let a = Accounts::open_uri(&path, "immutable=1")?;
                let v = a.schema_version()?;
                Ok((a, v))
            });
        let (accounts, applied) = accounts?;
        if applied != MIGRATIONS.len() {
            return Err(Error::invalid(
                "accounts database",
                format!(
                    "{} has schema version {applied}, this program reads {}: open it once \
                     with write access (any `sohoa user` command) to bring it up to date",
                    accounts.path.display(),
                    MIGRATIONS.len()
                ),
            ));
        }
        Ok(accounts)
    }

    /// A read-only connection to the database at `path`, with the URI parameters `query`.
    fn open_uri(path: &Path, query: &str) -> Result<Accounts> {
        use rusqlite::OpenFlags;
        let escaped = path
            .to_string_lossy()
            .replace('%', "%25")
            .replace('?', "%3f")
            .replace('#', "%23");
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(format!("file:{escaped}?{query}"), flags)
            .map_err(|e| db::sqlite_error(path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| db::sqlite_error(path, e))?;
        Ok(Accounts {
            path: path.to_path_buf(),
            conn: Mutex::new(Db::sqlite(conn, path)),
            grant_uses: Mutex::default(),
        })
    }

    /// The number of migrations applied to the database.
    fn schema_version(&self) -> Result<usize> {
        let version: i64 = self
            .conn()
            .query_one("PRAGMA user_version", db::params![])?
            .get(0)?;
        Ok(usize::try_from(version).unwrap_or(0))
    }

    /// Brings the `SQLite` schema up to date (`PostgreSQL`'s is the cluster's migrations).
    fn migrate(&self) -> Result<()> {
        let setup =
            "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";
        self.conn().batch(setup)?;
        let applied = self.schema_version()?;
        for (n, migration) in MIGRATIONS.iter().enumerate().skip(applied) {
            let sql = format!(
                "BEGIN; {migration} PRAGMA user_version = {}; COMMIT;",
                n + 1
            );
            self.conn().batch(&sql)?;
        }
        Ok(())
    }

    /// A consistent copy of the database at `to` (`SQLite`'s `VACUUM INTO`: a snapshot even
    /// while the server writes). `to` must not exist.
    pub fn back_up(&self, to: &Path) -> Result<()> {
        if to.exists() {
            return Err(Error::invalid(
                "backup",
                format!("{} exists already", to.display()),
            ));
        }
        let target = to
            .to_str()
            .ok_or_else(|| Error::invalid("backup", "the path is not valid UTF-8"))?;
        let conn = self.conn();
        let Some((sqlite, path)) = conn.sqlite_conn() else {
            return Err(Error::invalid(
                "backup",
                "the accounts are in the cluster's PostgreSQL: back that database up \
                 (pg_dump) with the coordinator's",
            ));
        };
        sqlite
            .execute("VACUUM INTO ?1", [target])
            .map_err(|e| db::sqlite_error(path, e))?;
        Ok(())
    }

    fn conn(&self) -> MutexGuard<'_, Db> {
        // A panic while holding the lock leaves the database consistent (an open
        // transaction rolls back when its guard drops).
        self.conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Now, as stored (RFC 3339, UTC, seconds).
fn now_text() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A time stored as seconds since the epoch, as shown (RFC 3339, UTC, seconds).
fn seconds_text(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Today, the local calendar day (clearances, tokens and grants hold through their last
/// day).
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Seconds since the epoch, now.
fn now_seconds() -> i64 {
    chrono::Utc::now().timestamp()
}
