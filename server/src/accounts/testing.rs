//! The accounts' behaviour tests run on both backends: the embedded `SQLite` of a temporary
//! archive, and a fresh database of a throwaway `PostgreSQL` (one server for the whole test
//! binary, started at the first test that asks; stopped by its watchdog when the binary
//! exits).
//!
//! In: a test body. Out: the body run on each backend, the backend named when it fails.
//! Without `PostgreSQL` installed the second run is skipped loudly (a failure under CI).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use cluster::throwaway::Postgres;

use super::Accounts;

/// The throwaway server of this test binary, or none when `PostgreSQL` is not installed.
fn postgres() -> Option<&'static Postgres> {
    static SHARED: OnceLock<Option<Postgres>> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            if cluster::throwaway::server_programs().is_none() {
                assert!(
                    std::env::var_os("CI").is_none(),
                    "PostgreSQL is not installed (scripts/install-deps.sh installs it)"
                );
                eprintln!("SKIPPED on PostgreSQL: not installed (bash scripts/install-deps.sh)");
                return None;
            }
            Some(Postgres::start().expect("a throwaway PostgreSQL starts"))
        })
        .as_ref()
}

/// Fresh accounts in a new database of the throwaway server.
pub(super) fn on_postgres() -> Option<Accounts> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let pg = postgres()?;
    let name = format!("accounts_{}", NEXT.fetch_add(1, Ordering::Relaxed));
    let url = pg.database(&name).expect("a fresh database");
    Some(Accounts::open_cluster(&url).expect("the accounts open on PostgreSQL"))
}

/// Runs `test` on fresh accounts of each backend (with the temporary archive directory
/// on `SQLite`).
pub(super) fn on_each_backend(test: impl Fn(&Accounts)) {
    let tmp = tempfile::tempdir().unwrap();
    let accounts = Accounts::open(tmp.path()).unwrap();
    assert!(!accounts.in_cluster());
    test(&accounts);
    if let Some(accounts) = on_postgres() {
        assert!(accounts.in_cluster());
        test(&accounts);
    }
}
