//! Failed sign-ins counted per account name and per address: too many within
//! [`LOCKOUT_MINUTES`] lock further attempts out for that long, whether or not the name
//! belongs to an account (the lockout reveals nothing about which names exist).
//!
//! In: a name and an address (a failed attempt, or a check before trying). Out: whether
//! either is locked out.

use rusqlite::params;

use super::{now_seconds, Accounts};
use crate::Result;

/// Failures of one name within the window that lock it out.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failures from one address within the window that lock it out.
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;
/// The window, and how long a lockout lasts.
pub const LOCKOUT_MINUTES: i64 = 15;

fn name_key(name: &str) -> String {
    format!("name:{name}")
}

fn address_key(address: &str) -> String {
    format!("address:{address}")
}

impl Accounts {
    pub(super) fn locked_out(&self, name: &str, address: &str) -> Result<bool> {
        let since = now_seconds() - LOCKOUT_MINUTES * 60;
        let count = |key: &str| -> Result<i64> {
            self.conn()
                .query_row(
                    "SELECT COUNT(*) FROM failed_sign_ins WHERE key = ?1 AND at > ?2",
                    params![key, since],
                    |r| r.get(0),
                )
                .map_err(|e| self.err(e))
        };
        Ok(count(&name_key(name))? >= MAX_FAILURES_PER_ACCOUNT
            || count(&address_key(address))? >= MAX_FAILURES_PER_ADDRESS)
    }

    pub(super) fn record_failure(&self, name: &str, address: &str) -> Result<()> {
        let now = now_seconds();
        let conn = self.conn();
        for key in [name_key(name), address_key(address)] {
            conn.execute(
                "INSERT INTO failed_sign_ins (key, at) VALUES (?1, ?2)",
                params![key, now],
            )
            .map_err(|e| self.err(e))?;
        }
        conn.execute(
            "DELETE FROM failed_sign_ins WHERE at <= ?1",
            [now - LOCKOUT_MINUTES * 60],
        )
        .map_err(|e| self.err(e))?;
        Ok(())
    }

    pub(super) fn forget_failures(&self, name: &str) -> Result<()> {
        self.conn()
            .execute(
                "DELETE FROM failed_sign_ins WHERE key = ?1",
                [name_key(name)],
            )
            .map_err(|e| self.err(e))?;
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
        let tmp = tempfile::tempdir().unwrap();
        let accounts = Accounts::open(tmp.path()).unwrap();
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
    }
}
