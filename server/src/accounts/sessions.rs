//! Web sessions: made at sign-in, found by the digest of the cookie's secret, ended at
//! sign-out, after [`SESSION_IDLE_MINUTES`] without use or [`SESSION_ABSOLUTE_HOURS`] after
//! sign-in, and when the account's password changes or it is disabled.
//!
//! The admin lists the live sessions ([`ActiveSession`]: whose, since when, last seen,
//! from which address) and ends one or all of an account's; a session ended so is gone at
//! the next request.
//!
//! In: an account and the address it signs in from, or a cookie's secret. Out: a
//! [`Session`] with its account and its CSRF token (every state-changing form carries it).

use serde::Serialize;

use super::db::params;
use super::secret::{random_token, token_digest};
use super::{now_seconds, seconds_text, Account, Accounts};
use crate::{Error, Result};

/// The length of a session's public id: the first hex digits of its digest (which is
/// itself only the SHA-256 of the cookie's secret: neither gives the secret).
const SESSION_ID_CHARS: usize = 16;

/// A session unused this long has ended.
pub const SESSION_IDLE_MINUTES: i64 = 30;
/// A session this old has ended, used or not.
pub const SESSION_ABSOLUTE_HOURS: i64 = 12;
/// A session's use is noted (a write to the database, synced) only when its last noted use
/// is at least this old: a browser's or a viewer's many requests of one page cost a read
/// each, not a write. Idle expiry is exact to within this many seconds.
const LAST_SEEN_STEP_SECONDS: i64 = 30;

/// A live session as the admin sees it (never its secret nor its CSRF token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActiveSession {
    /// Names the session for revocation.
    pub id: String,
    pub user: String,
    /// Signed in at (RFC 3339, UTC).
    pub created: String,
    /// Last request at (RFC 3339, UTC).
    pub last_seen: String,
    /// The address it signed in from, when recorded.
    pub address: Option<String>,
}

/// A signed-in user's session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub account: Account,
    /// The token each state-changing form of this session must send back.
    pub csrf: String,
}

impl Accounts {
    /// A new session for `account` signed in from `address`; returns the secret for the
    /// cookie (stored only as its digest) and the session.
    pub fn start_session(&self, account: &Account, address: &str) -> Result<(String, Session)> {
        let secret = random_token();
        let csrf = random_token();
        let now = now_seconds();
        let address: String = address.chars().take(64).collect();
        self.conn().execute(
            "INSERT INTO sessions (digest, user_id, csrf, created, last_seen, address) \
             VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
            params![token_digest(&secret), account.id, &csrf, now, address],
        )?;
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
        let found = self.conn().query_opt(
            "SELECT user_id, csrf, created, last_seen FROM sessions WHERE digest = ?1",
            params![&digest],
        )?;
        let Some(row) = found else {
            return Ok(None);
        };
        let (user, csrf, created, last_seen): (i64, String, i64, i64) =
            (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
        let expired = now - last_seen > SESSION_IDLE_MINUTES * 60
            || now - created > SESSION_ABSOLUTE_HOURS * 3600;
        let account = self.account_by_id(user)?;
        match account {
            Some(account) if !expired && !account.disabled => {
                if now - last_seen < LAST_SEEN_STEP_SECONDS {
                    return Ok(Some(Session { account, csrf }));
                }
                self.conn().execute(
                    "UPDATE sessions SET last_seen = ?2 WHERE digest = ?1",
                    params![digest, now],
                )?;
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
        self.conn().execute(
            "DELETE FROM sessions WHERE digest = ?1",
            params![token_digest(secret)],
        )?;
        Ok(())
    }

    pub(super) fn end_sessions_of(&self, user: i64) -> Result<usize> {
        self.conn()
            .execute("DELETE FROM sessions WHERE user_id = ?1", params![user])
    }

    /// Ends every session of account `name`; how many there were.
    pub fn end_sessions_of_account(&self, name: &str) -> Result<usize> {
        let account = self.account(name)?;
        self.end_sessions_of(account.id)
    }

    /// Ends the session whose [`ActiveSession::id`] is `id`; returns whose it was.
    pub fn end_session_by_id(&self, id: &str) -> Result<String> {
        let unknown = || Error::NoSuchSession(id.chars().take(SESSION_ID_CHARS).collect());
        if id.len() != SESSION_ID_CHARS || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(unknown());
        }
        let mut conn = self.conn();
        let found = conn
            .query_opt(
                &format!(
                    "SELECT s.digest, u.name FROM sessions s JOIN users u ON u.id = s.user_id \
                     WHERE substr(s.digest, 1, {SESSION_ID_CHARS}) = ?1"
                ),
                params![id.to_ascii_lowercase()],
            )?
            .ok_or_else(unknown)?;
        let (digest, user): (String, String) = (found.get(0)?, found.get(1)?);
        conn.execute("DELETE FROM sessions WHERE digest = ?1", params![digest])?;
        Ok(user)
    }

    /// The live sessions (of account `name`, or everyone's), most recently seen first.
    /// Sessions past their expiry are removed first.
    pub fn active_sessions(&self, name: Option<&str>) -> Result<Vec<ActiveSession>> {
        let now = now_seconds();
        let mut conn = self.conn();
        conn.execute(
            "DELETE FROM sessions WHERE last_seen < ?1 OR created < ?2",
            params![
                now - SESSION_IDLE_MINUTES * 60,
                now - SESSION_ABSOLUTE_HOURS * 3600
            ],
        )?;
        conn.query(
            "SELECT s.digest, u.name, s.created, s.last_seen, s.address FROM sessions s \
             JOIN users u ON u.id = s.user_id WHERE u.disabled = FALSE \
             AND (CAST(?1 AS TEXT) IS NULL OR u.name = ?1) ORDER BY s.last_seen DESC, s.digest",
            params![name],
        )?
        .iter()
        .map(|r| {
            let digest: String = r.get(0)?;
            Ok(ActiveSession {
                id: digest.chars().take(SESSION_ID_CHARS).collect(),
                user: r.get(1)?,
                created: seconds_text(r.get(2)?),
                last_seen: seconds_text(r.get(3)?),
                address: r.get(4)?,
            })
        })
        .collect()
    }

    #[cfg(test)]
    fn age_sessions(&self, seconds: i64) {
        self.conn()
            .execute(
                "UPDATE sessions SET created = created - ?1, last_seen = last_seen - ?1",
                params![seconds],
            )
            .unwrap();
    }
}

#[cfg(test)]
mod tests {
    use pipeline::gate::Role;

    use super::super::NewAccount;
    use super::*;

    /// Runs `test` on each backend with the account `giang`.
    fn with_account(test: impl Fn(&Accounts, &Account)) {
        super::super::testing::on_each_backend(|accounts| {
            let (account, _) = accounts
                .add(&NewAccount {
                    name: "giang".into(),
                    role: Role::Reader,
                    clearance: None,
                    password: Some("mật khẩu của giang".into()),
                })
                .unwrap();
            test(accounts, &account);
        });
    }

    #[test]
    fn sessions_start_are_found_and_end() {
        with_account(|accounts, account| {
            let (secret, session) = accounts.start_session(account, "10.0.0.5").unwrap();
            let found = accounts.session(&secret).unwrap().unwrap();
            assert_eq!(found, session);
            assert!(accounts.session("khong-phai").unwrap().is_none());
            accounts.end_session(&secret).unwrap();
            assert!(accounts.session(&secret).unwrap().is_none());
        });
    }

    #[test]
    fn the_admin_lists_sessions_and_ends_one_or_all() {
        with_account(|accounts, account| {
            let (first, _) = accounts.start_session(account, "10.0.0.5").unwrap();
            let (second, _) = accounts.start_session(account, "10.0.0.6").unwrap();
            let listed = accounts.active_sessions(Some("giang")).unwrap();
            assert_eq!(listed.len(), 2);
            assert!(listed.iter().all(|s| s.user == "giang" && s.id.len() == 16));
            let text = format!("{listed:?}");
            assert!(!text.contains(&first) && !text.contains(&second));
            assert!(
                !text.contains(&token_digest(&first)),
                "not the digest either"
            );
            let one = listed
                .iter()
                .find(|s| s.address.as_deref() == Some("10.0.0.5"))
                .unwrap();
            assert_eq!(accounts.end_session_by_id(&one.id).unwrap(), "giang");
            assert!(accounts.session(&first).unwrap().is_none(), "ended at once");
            assert!(accounts.session(&second).unwrap().is_some());
            assert!(matches!(
                accounts.end_session_by_id(&one.id),
                Err(Error::NoSuchSession(_))
            ));
            assert!(matches!(
                accounts.end_session_by_id("../../etc"),
                Err(Error::NoSuchSession(_))
            ));
            assert_eq!(accounts.end_sessions_of_account("giang").unwrap(), 1);
            assert!(accounts.session(&second).unwrap().is_none());
            assert!(accounts.active_sessions(None).unwrap().is_empty());
        });
    }

    #[test]
    fn a_use_is_noted_at_most_once_a_step_and_keeps_the_session_alive() {
        with_account(|accounts, account| {
            let (secret, _) = accounts.start_session(account, "10.0.0.5").unwrap();
            let seen = || accounts.active_sessions(None).unwrap()[0].last_seen.clone();
            accounts.age_sessions(5);
            let before = seen();
            assert!(accounts.session(&secret).unwrap().is_some());
            assert_eq!(
                seen(),
                before,
                "a use just after a noted one is not written"
            );
            accounts.age_sessions(SESSION_IDLE_MINUTES * 60 - 60);
            assert!(accounts.session(&secret).unwrap().is_some());
            assert_ne!(seen(), before, "noted");
            accounts.age_sessions(SESSION_IDLE_MINUTES * 60 - 60);
            assert!(
                accounts.session(&secret).unwrap().is_some(),
                "alive: its last use was noted"
            );
        });
    }

    #[test]
    fn sessions_expire_when_idle_and_end_with_a_password_change() {
        with_account(|accounts, account| {
            let (secret, _) = accounts.start_session(account, "10.0.0.5").unwrap();
            accounts.age_sessions(SESSION_IDLE_MINUTES * 60 + 5);
            assert!(accounts.session(&secret).unwrap().is_none(), "idle");
            let (secret, _) = accounts.start_session(account, "10.0.0.5").unwrap();
            accounts
                .set_password("giang", "mật khẩu mới của giang")
                .unwrap();
            assert!(
                accounts.session(&secret).unwrap().is_none(),
                "password changed"
            );
            let (secret, _) = accounts.start_session(account, "10.0.0.5").unwrap();
            accounts.set_disabled("giang", true).unwrap();
            assert!(accounts.session(&secret).unwrap().is_none(), "disabled");
        });
    }
}
