//! Failed sign-ins counted per account name and per address: too many within
//! [`LOCKOUT_MINUTES`] lock further attempts out for that long, whether or not the name
//! belongs to an account (the lockout reveals nothing about which names exist).
//!
//! Every failed attempt is also kept [`FAILURE_LOG_DAYS`] days in a log for the admin
//! (the name tried, when, from where, and whether a lockout refused it).
//!
//! In: a name and an address (a failed attempt, or a check before trying). Out: whether
//! either is locked out; the log of failed sign-ins ([`FailedSignIn`]), newest first.

use serde::Serialize;

use super::db::params;
use super::{now_seconds, Accounts};
use crate::Result;

/// Failures of one name within the window that lock it out.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failures from one address within the window that lock it out.
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;
/// The window, and how long a lockout lasts.
pub const LOCKOUT_MINUTES: i64 = 15;

/// Failed sign-ins are kept in the admin's log this many days.
pub const FAILURE_LOG_DAYS: i64 = 90;
/// At most this many (the latest) are kept, however many come from a flood of attempts.
const FAILURE_LOG_ROWS: i64 = 100_000;

/// A failed sign-in as the admin's log shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedSignIn {
    /// The account name tried (whether or not such an account exists), at most 64
    /// characters of it.
    pub name: String,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The address it came from.
    pub address: String,
    /// Refused by a lockout already in force (the password was not even checked).
    pub refused_by_lockout: bool,
    /// The name is locked out now.
    pub name_locked_now: bool,
    /// The address is locked out now.
    pub address_locked_now: bool,
}

fn name_key(name: &str) -> String {
    format!("name:{name}")
}

fn address_key(address: &str) -> String {
    format!("address:{address}")
}

impl Accounts {
    pub(super) fn locked_out(&self, name: &str, address: &str) -> Result<bool> {
        Ok(self.name_locked_out(name)? || self.address_locked_out(address)?)
    }

    fn name_locked_out(&self, name: &str) -> Result<bool> {
        Ok(self.recent_failures(&name_key(name))? >= MAX_FAILURES_PER_ACCOUNT)
    }

    fn address_locked_out(&self, address: &str) -> Result<bool> {
        Ok(self.recent_failures(&address_key(address))? >= MAX_FAILURES_PER_ADDRESS)
    }

    fn recent_failures(&self, key: &str) -> Result<i64> {
        let since = now_seconds() - LOCKOUT_MINUTES * 60;
        self.conn()
            .query_one(
                "SELECT COUNT(*) FROM failed_sign_ins WHERE key = ?1 AND at > ?2",
                params![key, since],
            )?
            .get(0)
    }

    /// Notes a failed attempt in the admin's log (entries older than [`FAILURE_LOG_DAYS`]
    /// go, and all but the latest [`FAILURE_LOG_ROWS`]).
    pub(super) fn log_failure(&self, name: &str, address: &str, by_lockout: bool) -> Result<()> {
        let now = now_seconds();
        let name: String = name.chars().take(64).collect();
        let address: String = address.chars().take(64).collect();
        let mut conn = self.conn();
        let id: i64 = conn
            .query_one(
                "INSERT INTO sign_in_failures (name, address, at, locked_out) \
                 VALUES (?1, ?2, ?3, ?4) RETURNING id",
                params![name, address, now, by_lockout],
            )?
            .get(0)?;
        conn.execute(
            "DELETE FROM sign_in_failures WHERE at <= ?1 OR id <= ?2",
            params![now - FAILURE_LOG_DAYS * 86_400, id - FAILURE_LOG_ROWS],
        )?;
        Ok(())
    }

    /// The latest `limit` failed sign-ins, newest first, each with whether its name and its
    /// address are locked out now.
    pub fn failed_sign_ins(&self, limit: usize) -> Result<Vec<FailedSignIn>> {
        let rows: Vec<(String, String, i64, bool)> = self
            .conn()
            .query(
                "SELECT name, address, at, locked_out FROM sign_in_failures \
                 ORDER BY at DESC, id DESC LIMIT ?1",
                params![limit],
            )?
            .iter()
            .map(|r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .collect::<Result<_>>()?;
        rows.into_iter()
            .map(|(name, address, at, by_lockout)| {
                Ok(FailedSignIn {
                    name_locked_now: self.name_locked_out(&name)?,
                    address_locked_now: self.address_locked_out(&address)?,
                    at: super::seconds_text(at),
                    name,
                    address,
                    refused_by_lockout: by_lockout,
                })
            })
            .collect()
    }

    pub(super) fn record_failure(&self, name: &str, address: &str) -> Result<()> {
        let now = now_seconds();
        let mut conn = self.conn();
        for key in [name_key(name), address_key(address)] {
            conn.execute(
                "INSERT INTO failed_sign_ins (key, at) VALUES (?1, ?2)",
                params![key, now],
            )?;
        }
        conn.execute(
            "DELETE FROM failed_sign_ins WHERE at <= ?1",
            params![now - LOCKOUT_MINUTES * 60],
        )?;
        drop(conn);
        self.log_failure(name, address, false)
    }

    pub(super) fn forget_failures(&self, name: &str) -> Result<()> {
        self.conn().execute(
            "DELETE FROM failed_sign_ins WHERE key = ?1",
            params![name_key(name)],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use pipeline::gate::Role;

    use super::super::{NewAccount, SignIn};
    use super::*;

    #[test]
    fn repeated_failures_lock_out_names_existing_or_not_and_addresses() {
        super::super::testing::on_each_backend(|accounts| {
            accounts
                .add(&NewAccount {
                    name: "khanh".into(),
                    role: Role::Reader,
                    clearance: None,
                    password: Some("mật khẩu của khanh".into()),
                })
                .unwrap();
            for name in ["khanh", "khong-co-ai"] {
                for _ in 0..MAX_FAILURES_PER_ACCOUNT {
                    assert_eq!(
                        accounts.sign_in(name, "sai", "10.0.0.9").unwrap(),
                        SignIn::Refused
                    );
                }
                assert_eq!(
                    accounts.sign_in(name, "sai", "10.0.0.9").unwrap(),
                    SignIn::LockedOut,
                    "{name}"
                );
            }
            // Even the right password waits out the lockout.
            assert_eq!(
                accounts
                    .sign_in("khanh", "mật khẩu của khanh", "10.0.0.10")
                    .unwrap(),
                SignIn::LockedOut
            );
            // One address trying many names is locked out too.
            for i in 0..MAX_FAILURES_PER_ADDRESS {
                let _ = accounts
                    .sign_in(&format!("ten-{i}"), "sai", "10.0.0.11")
                    .unwrap();
            }
            assert_eq!(
                accounts.sign_in("ten-moi", "sai", "10.0.0.11").unwrap(),
                SignIn::LockedOut
            );
            // The admin's log: newest first, the name tried, the address, the lockout state.
            let log = accounts.failed_sign_ins(1000).unwrap();
            let total = 2 * (MAX_FAILURES_PER_ACCOUNT + 1) + 1 + MAX_FAILURES_PER_ADDRESS + 1;
            assert_eq!(log.len(), usize::try_from(total).unwrap());
            assert_eq!(log[0].name, "ten-moi");
            assert!(log[0].refused_by_lockout && log[0].address_locked_now);
            assert!(!log[0].name_locked_now);
            let khanh = log.iter().find(|f| f.name == "khanh").unwrap();
            assert!(khanh.name_locked_now && khanh.address == "10.0.0.10");
            assert_eq!(accounts.failed_sign_ins(3).unwrap().len(), 3);
        });
    }
}
