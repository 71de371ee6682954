//! API tokens: made by the operator for a user, shown once, stored as a digest, sent as
//! `Authorization: Bearer TOKEN`, revoked or expired.
//!
//! In: an account name and an optional expiry (create), a token id (revoke), a presented
//! token (look up). Out: the token once, [`ApiToken`] listings without secrets, the account
//! a live token acts for.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::secret::{random_token, token_digest};
use super::{Account, Accounts};
use crate::{Error, Result};

/// An API token as listed (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiToken {
    pub id: i64,
    pub user: String,
    pub created: String,
    pub expires: Option<NaiveDate>,
    pub revoked: bool,
}

impl Accounts {
    /// A new token for account `name`; returns its id and the token (shown once).
    pub fn create_token(&self, name: &str, expires: Option<NaiveDate>) -> Result<(i64, String)> {
        let account = self.account(name)?;
        let token = random_token();
        let conn = self.conn();
        conn.execute(
            "INSERT INTO api_tokens (digest, user_id, created, expires) VALUES (?1, ?2, ?3, ?4)",
            params![
                token_digest(&token),
                account.id,
                chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                expires.map(|d| d.format("%Y-%m-%d").to_string()),
            ],
        )
        .map_err(|e| self.err(e))?;
        Ok((conn.last_insert_rowid(), token))
    }

    /// Revokes token `id` (it stops working at its next use); returns whose it was.
    pub fn revoke_token(&self, id: i64) -> Result<String> {
        let conn = self.conn();
        let changed = conn
            .execute("UPDATE api_tokens SET revoked = 1 WHERE id = ?1", [id])
            .map_err(|e| self.err(e))?;
        if changed == 0 {
            return Err(Error::NoSuchToken(id));
        }
        conn.query_row(
            "SELECT u.name FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ?1",
            [id],
            |r| r.get(0),
        )
        .map_err(|e| self.err(e))
    }

    /// Every token, without secrets.
    pub fn tokens(&self) -> Result<Vec<ApiToken>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare(
                "SELECT t.id, u.name, t.created, t.expires, t.revoked FROM api_tokens t \
                 JOIN users u ON u.id = t.user_id ORDER BY t.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let expires: Option<String> = r.get(3)?;
                Ok(ApiToken {
                    id: r.get(0)?,
                    user: r.get(1)?,
                    created: r.get(2)?,
                    expires: expires.and_then(|e| NaiveDate::parse_from_str(&e, "%Y-%m-%d").ok()),
                    revoked: r.get(4)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// The account a presented token acts for: None when unknown, revoked, expired (after
    /// its last day) or its account is disabled.
    pub fn token_account(&self, token: &str) -> Result<Option<Account>> {
        let found: Option<(i64, Option<String>, bool)> = self
            .conn()
            .query_row(
                "SELECT user_id, expires, revoked FROM api_tokens WHERE digest = ?1",
                [token_digest(token)],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((user, expires, revoked)) = found else {
            return Ok(None);
        };
        let today = chrono::Local::now().date_naive();
        let expired = expires
            .and_then(|e| NaiveDate::parse_from_str(&e, "%Y-%m-%d").ok())
            .is_some_and(|last| last < today);
        if revoked || expired {
            return Ok(None);
        }
        Ok(self.account_by_id(user)?.filter(|a| !a.disabled))
    }
}

#[cfg(test)]
mod tests {
    use pipeline::gate::Role;

    use super::super::NewAccount;
    use super::*;

    #[test]
    fn tokens_act_until_revoked_or_expired() {
        let tmp = tempfile::tempdir().unwrap();
        let accounts = Accounts::open(tmp.path()).unwrap();
        accounts
            .add(&NewAccount {
                name: "ha".into(),
                role: Role::Reader,
                clearance: None,
                password: Some("mật khẩu của ha".into()),
            })
            .unwrap();
        let (id, token) = accounts.create_token("ha", None).unwrap();
        assert_eq!(accounts.token_account(&token).unwrap().unwrap().name, "ha");
        assert!(accounts.token_account("sai").unwrap().is_none());
        assert_eq!(accounts.revoke_token(id).unwrap(), "ha");
        assert!(accounts.token_account(&token).unwrap().is_none(), "revoked");
        assert!(matches!(
            accounts.revoke_token(999),
            Err(Error::NoSuchToken(999))
        ));
        let yesterday = chrono::Local::now().date_naive() - chrono::Days::new(1);
        let (_, old) = accounts.create_token("ha", Some(yesterday)).unwrap();
        assert!(accounts.token_account(&old).unwrap().is_none(), "expired");
        let listed = accounts.tokens().unwrap();
        assert_eq!(listed.len(), 2);
        let text = format!("{listed:?}");
        assert!(!text.contains(&token) && !text.contains(&old));
        let db = std::fs::read(tmp.path().join("service/accounts.sqlite3")).unwrap();
        assert!(!String::from_utf8_lossy(&db).contains(&token));
    }
}
