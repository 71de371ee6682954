//! Who a command acts for: the account the operator names, or the uncleared local operator.
//!
//! In: `--user NAME` (or `SOHOA_USER`), `--actor`, the deprecated `--clearance`, the OS user
//! and the archive's accounts database (`ARCHIVE/service/accounts.sqlite3`, or the cluster's
//! `PostgreSQL` when `SOHOA_DATABASE_URL` names it). Out: the
//! [`Principal`] the gate decides by, or a [`UsageError`] (exit 2) naming what is wrong: an
//! account that does not exist or is disabled, `--clearance` without an account holding it.
//!
//! The rule (issue 20, DESIGN.md §7): the operator on the archive host is trusted to name
//! an account (the host's OS account already controls who reads the archive's files), and
//! the CLI then acts with that account's roles and its clearance as of today (a decision
//! past its last day gives none). Without an account the CLI acts as the local operator:
//! the reader, archivist and auditor roles (ingest, correct, verify, read the audit log)
//! and no clearance. On the archive host a principal reads the content of every document
//! its clearance lets it see, without a grant (`Principal::on_archive_host`): whoever runs
//! `sohoa` there owns the archive's files, so a grant would protect nothing; grants are the
//! reading room's rule. `--clearance LEVEL` is deprecated: it is accepted only with an
//! account whose clearance covers LEVEL, and then narrows the clearance used.

use std::path::Path;

use pipeline::clearance::Clearance;
use pipeline::gate::Principal;
use server::accounts::{clearance_key, Account, Accounts, Location, DATABASE_FILE, SERVICE_DIR};

use crate::cli::UsageError;

/// What the command line says about who acts.
#[derive(Debug, Clone, Copy)]
pub struct Operator<'a> {
    /// `--user NAME` or `SOHOA_USER`.
    pub user: Option<&'a str>,
    /// `--actor NAME` (the local operator's name in the audit log).
    pub actor: Option<&'a str>,
    /// `--clearance LEVEL` (deprecated).
    pub clearance: Option<Clearance>,
    /// The OS user, the local operator's name when `--actor` is not given.
    pub os_user: &'a str,
}

/// How to give an account a clearance, for the messages.
const HOW_TO_CLEAR: &str = "`sohoa user add NAME --role ROLE --clearance mat|toi-mat \
                            --decision REF --expires DATE` (or `sohoa user set-clearance`)";

impl Operator<'_> {
    /// The principal a command on the archive at `archive` acts for.
    pub fn principal(&self, archive: &Path) -> anyhow::Result<Principal> {
        if let Some(level) = self.clearance {
            tracing::warn!(
                "--clearance {} is deprecated: the clearance is the account's (--user NAME or \
                 SOHOA_USER); --clearance only narrows it",
                clearance_key(level)
            );
        }
        let Some(name) = self.user else {
            if let Some(level) = self.clearance {
                return Err(UsageError(format!(
                    "--clearance {}: a clearance is no longer taken on the operator's word; \
                     act as an account that holds one with --user NAME (or SOHOA_USER). An \
                     operator gives one with {HOW_TO_CLEAR}",
                    clearance_key(level)
                ))
                .into());
            }
            let actor = self.actor.unwrap_or(self.os_user);
            return Ok(Principal::local_operator(actor, Clearance::Public));
        };
        if let Some(actor) = self.actor.filter(|a| *a != name) {
            return Err(UsageError(format!(
                "--actor {actor}: with --user the account {name} acts and is recorded; \
                 --actor only names the local operator (without --user)"
            ))
            .into());
        }
        let account = account(archive, name)?;
        let principal = account.principal().on_archive_host();
        let Some(level) = self.clearance else {
            return Ok(principal);
        };
        let held = principal.clearance();
        if !held.covers(level) {
            let why = match &account.clearance {
                Some(grant) if grant.level.covers(level) => format!(
                    "its clearance by decision {} ended on {}",
                    grant.decision, grant.expires
                ),
                Some(grant) => format!(
                    "it holds {} (decision {})",
                    clearance_key(grant.level),
                    grant.decision
                ),
                None => "it holds no clearance".to_string(),
            };
            return Err(UsageError(format!(
                "--clearance {}: account {name} may not read with it: {why}. Act as a cleared \
                 account; an operator gives one with {HOW_TO_CLEAR}",
                clearance_key(level)
            ))
            .into());
        }
        Ok(Principal::new(
            principal.actor(),
            principal.roles().collect::<Vec<_>>(),
            level,
        )
        .on_archive_host())
    }
}

/// The enabled account `name` of the archive at `archive` (of the cluster, in cluster
/// mode).
fn account(archive: &Path, name: &str) -> anyhow::Result<Account> {
    let location = crate::storage_env::accounts_location()?;
    let database = archive.join(SERVICE_DIR).join(DATABASE_FILE);
    let unknown = || {
        let place = match &location {
            Location::Archive => format!("this archive ({})", database.display()),
            Location::Cluster { .. } => "the cluster's database".to_string(),
        };
        UsageError(format!(
            "--user {name}: no such account in {place}; `sohoa user list` lists them, \
             `sohoa user add` makes one"
        ))
    };
    let accounts = match &location {
        Location::Cluster { database_url } => Accounts::open_cluster(database_url)?,
        Location::Archive if !database.is_file() => return Err(unknown().into()),
        // A lookup only: read-only (the archive may be a copy nobody may write), unless
        // the database still needs its schema brought up to date.
        Location::Archive => {
            Accounts::open_read_only(archive).or_else(|_| Accounts::open(archive))?
        }
    };
    let account = match accounts.account(name) {
        Ok(a) => a,
        Err(server::Error::NoSuchAccount(_)) => return Err(unknown().into()),
        Err(e) => return Err(e.into()),
    };
    if account.disabled {
        return Err(UsageError(format!(
            "--user {name}: the account is disabled and may not act (`sohoa user enable {name}` \
             enables it)"
        ))
        .into());
    }
    Ok(account)
}
