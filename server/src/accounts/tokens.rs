//! API tokens: made by the operator for a user, shown once, stored as a digest, sent as
//! `Authorization: Bearer TOKEN`, revoked or expired.
//!
//! In: an account name and an optional expiry (create), a token id (revoke), a presented
//! token (look up). Out: the token once, [`ApiToken`] listings without secrets, the account
//! a live token acts for.

use chrono::NaiveDate;
use serde::Serialize;

use super::db::params;
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
        let id = self
            .conn()
            .query_one(
                "INSERT INTO api_tokens (digest, user_id, created, expires) \
                 VALUES (?1, ?2, ?3, ?4) RETURNING id",
                params![
                    token_digest(&token),
                    account.id,
                    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    expires.map(|d| d.format("%Y-%m-%d").to_string()),
                ],
            )?
            .get(0)?;
        Ok((id, token))
    }

    /// Revokes token `id` (it stops working at its next use); returns whose it was.
    pub fn revoke_token(&self, id: i64) -> Result<String> {
        self.conn()
            .query_opt(
                "UPDATE api_tokens SET revoked = TRUE WHERE id = ?1 \
                 RETURNING (SELECT name FROM users WHERE users.id = api_tokens.user_id)",
                params![id],
            )?
            .ok_or(Error::NoSuchToken(id))?
            .get(0)
    }

    /// Every token, without secrets.
    pub fn tokens(&self) -> Result<Vec<ApiToken>> {
        self.conn()
            .query(
                "SELECT t.id, u.name, t.created, t.expires, t.revoked FROM api_tokens t \
                 JOIN users u ON u.id = t.user_id ORDER BY t.id",
                params![],
            )?
            .iter()
            .map(|r| {
                let expires: Option<String> = r.get(3)?;
                Ok(ApiToken {
                    id: r.get(0)?,
                    user: r.get(1)?,
                    created: r.get(2)?,
                    expires: expires.and_then(|e| NaiveDate::parse_from_str(&e, "%Y-%m-%d").ok()),
                    revoked: r.get(4)?,
                })
            })
            .collect()
    }

    /// The account a presented token acts for: None when unknown, revoked, expired (after
    /// its last day) or its account is disabled.
    pub fn token_account(&self, token: &str) -> Result<Option<Account>> {
        let found = self.conn().query_opt(
            "SELECT user_id, expires, revoked FROM api_tokens WHERE digest = ?1",
            params![token_digest(token)],
        )?;
        let Some(row) = found else {
            return Ok(None);
        };
        let (user, expires, revoked): (i64, Option<String>, bool) =
            (row.get(0)?, row.get(1)?, row.get(2)?);
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

    fn add_ha(accounts: &Accounts) {
        accounts
            .add(&NewAccount {
                name: "ha".into(),
                role: Role::Reader,
                clearance: None,
                password: Some("mật khẩu của ha".into()),
            })
            .unwrap();
    }

    #[test]
    fn tokens_act_until_revoked_or_expired() {
        super::super::testing::on_each_backend(|accounts| {
            add_ha(accounts);
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
        });
    }

    #[test]
    fn the_database_holds_no_token() {
        let tmp = tempfile::tempdir().unwrap();
        let accounts = Accounts::open(tmp.path()).unwrap();
        add_ha(&accounts);
        let (_, token) = accounts.create_token("ha", None).unwrap();
        let db = std::fs::read(tmp.path().join("service/accounts.sqlite3")).unwrap();
        assert!(!String::from_utf8_lossy(&db).contains(&token));
    }
}
