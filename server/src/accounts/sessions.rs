//! Web sessions: made at sign-in, found by the digest of the cookie's secret, ended at
//! sign-out, after [`SESSION_IDLE_MINUTES`] without use or [`SESSION_ABSOLUTE_HOURS`] after
//! sign-in, and when the account's password changes or it is disabled.
//!
//! In: an account (sign-in) or a cookie's secret. Out: a [`Session`] with its account and
//! its CSRF token (every state-changing form carries it).

use rusqlite::{params, OptionalExtension};

use super::secret::{random_token, token_digest};
use super::{now_seconds, Account, Accounts};
use crate::Result;

/// A session unused this long has ended.
pub const SESSION_IDLE_MINUTES: i64 = 30;
/// A session this old has ended, used or not.
pub const SESSION_ABSOLUTE_HOURS: i64 = 12;

/// A signed-in user's session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub account: Account,
    /// The token each state-changing form of this session must send back.
    pub csrf: String,
}

impl Accounts {
    /// A new session for `account`; returns the secret for the cookie (stored only as its
    /// digest) and the session.
    pub fn start_session(&self, account: &Account) -> Result<(String, Session)> {
        let secret = random_token();
        let csrf = random_token();
        let now = now_seconds();
        self.conn()
            .execute(
                "INSERT INTO sessions (digest, user_id, csrf, created, last_seen) \
                 VALUES (?1, ?2, ?3, ?4, ?4)",
                params![token_digest(&secret), account.id, csrf, now],
            )
            .map_err(|e| self.err(e))?;
        Ok((
            secret,
            Session {
                account: account.clone(),
                csrf,
            },
        ))
    }

    /// The live session whose cookie secret is `secret`, its use noted; None when there is
    /// none, it has expired, or its account is disabled.
    pub fn session(&self, secret: &str) -> Result<Option<Session>> {
        let digest = token_digest(secret);
        let now = now_seconds();
        let found: Option<(i64, String, i64, i64)> = self
            .conn()
            .query_row(
                "SELECT user_id, csrf, created, last_seen FROM sessions WHERE digest = ?1",
                [&digest],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((user, csrf, created, last_seen)) = found else {
            return Ok(None);
        };
        let expired = now - last_seen > SESSION_IDLE_MINUTES * 60
            || now - created > SESSION_ABSOLUTE_HOURS * 3600;
        let account = self.account_by_id(user)?;
        match account {
            Some(account) if !expired && !account.disabled => {
                self.conn()
                    .execute(
                        "UPDATE sessions SET last_seen = ?2 WHERE digest = ?1",
                        params![digest, now],
                    )
                    .map_err(|e| self.err(e))?;
                Ok(Some(Session { account, csrf }))
            }
            _ => {
                self.end_session(secret)?;
                Ok(None)
            }
        }
    }

    /// Ends the session whose cookie secret is `secret` (sign-out).
    pub fn end_session(&self, secret: &str) -> Result<()> {
        self.conn()
            .execute(
                "DELETE FROM sessions WHERE digest = ?1",
                [token_digest(secret)],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    pub(super) fn end_sessions_of(&self, user: i64) -> Result<()> {
        self.conn()
            .execute("DELETE FROM sessions WHERE user_id = ?1", [user])
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    #[cfg(test)]
    fn age_sessions(&self, seconds: i64) {
        self.conn()
            .execute(
                "UPDATE sessions SET created = created - ?1, last_seen = last_seen - ?1",
                [seconds],
            )
            .unwrap();
    }
}

#[cfg(test)]
mod tests {
    use pipeline::gate::Role;

    use super::super::NewAccount;
    use super::*;

    fn with_account() -> (tempfile::TempDir, Accounts, Account) {
        let tmp = tempfile::tempdir().unwrap();
        let accounts = Accounts::open(tmp.path()).unwrap();
        let (account, _) = accounts
            .add(&NewAccount {
                name: "giang".into(),
                role: Role::Reader,
                clearance: None,
                password: Some("mật khẩu của giang".into()),
            })
            .unwrap();
        (tmp, accounts, account)
    }

    #[test]
    fn sessions_start_are_found_and_end() {
        let (_tmp, accounts, account) = with_account();
        let (secret, session) = accounts.start_session(&account).unwrap();
        let found = accounts.session(&secret).unwrap().unwrap();
        assert_eq!(found, session);
        assert!(accounts.session("khong-phai").unwrap().is_none());
        accounts.end_session(&secret).unwrap();
        assert!(accounts.session(&secret).unwrap().is_none());
    }

    #[test]
    fn sessions_expire_when_idle_and_end_with_a_password_change() {
        let (_tmp, accounts, account) = with_account();
        let (secret, _) = accounts.start_session(&account).unwrap();
        accounts.age_sessions(SESSION_IDLE_MINUTES * 60 + 5);
        assert!(accounts.session(&secret).unwrap().is_none(), "idle");
        let (secret, _) = accounts.start_session(&account).unwrap();
        accounts
            .set_password("giang", "mật khẩu mới của giang")
            .unwrap();
        assert!(
            accounts.session(&secret).unwrap().is_none(),
            "password changed"
        );
        let (secret, _) = accounts.start_session(&account).unwrap();
        accounts.set_disabled("giang", true).unwrap();
        assert!(accounts.session(&secret).unwrap().is_none(), "disabled");
    }
}
