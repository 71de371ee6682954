//! Account administration: what an admin does in the reading room (`/admin`, the
//! `/api/v1/admin` API) and the operator does on the archive host (`sohoa user`, `sohoa
//! token`), one implementation for both.
//!
//! In: the archive (its audit log), the accounts database, the [`Principal`] acting and what
//! they change. Out: the change made in the accounts database and recorded in the
//! hash-chained audit log with who made it on whom ([`Writer::record_account_change`];
//! never a password or token: those are returned once, to be shown once, and stored only
//! hashed); the listings (accounts, live sessions, tokens without secrets, failed sign-ins).
//!
//! Who may: an account with the admin role in the reading room, or the operator on the
//! archive host (whoever runs `sohoa` there owns the archive's files). Everyone else is
//! [`Error::Refused`]. The rules: nobody disables their own account; the last enabled admin
//! keeps the role and stays enabled ([`Accounts::set_role`], [`Accounts::set_disabled`]);
//! a clearance needs a decision's reference and a last day ([`clearance_grant`]). An admin
//! reads classified content only by a clearance, like everyone (the gate's rule).
//!
//! [`Writer::record_account_change`]: pipeline::gate::Writer::record_account_change
//! [`clearance_grant`]: crate::accounts::clearance_grant

use chrono::NaiveDate;
use pipeline::gate::{ContentAccess, Principal, Role};
use pipeline::store::Archive;
use serde::Serialize;

use crate::accounts::{
    clearance_key, role_key, Account, Accounts, ActiveSession, ApiToken, ClearanceGrant,
    FailedSignIn, NewAccount,
};
use crate::{Error, Result};

/// An account with its live sessions and its API tokens (never a secret).
#[derive(Debug, Clone, Serialize)]
pub struct AccountDetail {
    pub account: Account,
    pub sessions: Vec<ActiveSession>,
    pub tokens: Vec<ApiToken>,
}

/// Account administration by one principal; see the module doc.
#[derive(Debug, Clone, Copy)]
pub struct Admin<'a> {
    archive: &'a Archive,
    accounts: &'a Accounts,
    who: &'a Principal,
}

impl<'a> Admin<'a> {
    /// `who` administering the accounts of `archive`, or [`Error::Refused`] when they may
    /// not (neither an admin nor the operator on the archive host).
    pub fn new(archive: &'a Archive, accounts: &'a Accounts, who: &'a Principal) -> Result<Self> {
        let on_host = matches!(who.content_access(), ContentAccess::ArchiveHost);
        if who.has_role(Role::Admin) || on_host {
            Ok(Admin {
                archive,
                accounts,
                who,
            })
        } else {
            Err(Error::Refused(format!(
                "Quản lý tài khoản cần vai trò {}.",
                Role::Admin.vietnamese()
            )))
        }
    }

    /// Records `change` to `account` in the audit log, naming who made it.
    fn record(&self, account: &str, change: &str) -> Result<()> {
        self.archive
            .writer(self.who)
            .record_account_change(account, change)?;
        Ok(())
    }

    /// Every account, by name.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        self.accounts.list()
    }

    /// The account named `name`.
    pub fn account(&self, name: &str) -> Result<Account> {
        self.accounts.account(name)
    }

    /// Adds an account; returns it and the one-time password when none was given (to be
    /// shown once; it must be changed at the first sign-in).
    pub fn add(&self, new: &NewAccount) -> Result<(Account, Option<String>)> {
        let (account, one_time) = self.accounts.add(new)?;
        let done = format!("added ({})", account.role.vietnamese());
        self.record(&account.name, &describe(&done, account.clearance.as_ref()))?;
        Ok((account, one_time))
    }

    /// Disables (its sessions end) or enables account `name`. Nobody disables themself.
    pub fn set_disabled(&self, name: &str, disabled: bool) -> Result<&'static str> {
        if disabled && name == self.who.actor() {
            return Err(Error::Refused(
                "Bạn không thể tự khóa tài khoản của chính mình.".into(),
            ));
        }
        self.accounts.set_disabled(name, disabled)?;
        let done = if disabled { "disabled" } else { "enabled" };
        self.record(name, done)?;
        Ok(done)
    }

    /// Changes account `name`'s role.
    pub fn set_role(&self, name: &str, role: Role) -> Result<String> {
        self.accounts.set_role(name, role)?;
        let done = format!("role {}", role.vietnamese());
        self.record(name, &done)?;
        Ok(done)
    }

    /// Gives, changes or (with `None`) takes away account `name`'s clearance.
    pub fn set_clearance(&self, name: &str, grant: Option<&ClearanceGrant>) -> Result<String> {
        self.accounts.set_clearance(name, grant)?;
        let level = grant.map_or("none", |g| clearance_key(g.level));
        let done = format!("clearance {level}");
        self.record(name, &describe(&done, grant))?;
        Ok(done)
    }

    /// A new one-time password for account `name` (returned, to be shown once); its
    /// sessions end.
    pub fn reset_password(&self, name: &str) -> Result<String> {
        let password = self.accounts.reset_password(name)?;
        self.record(name, "password reset, sessions ended")?;
        Ok(password)
    }

    /// Account `name` with its live sessions and its tokens.
    pub fn detail(&self, name: &str) -> Result<AccountDetail> {
        let account = self.accounts.account(name)?;
        let sessions = self.accounts.active_sessions(Some(name))?;
        let tokens = self
            .accounts
            .tokens()?
            .into_iter()
            .filter(|t| t.user == name)
            .collect();
        Ok(AccountDetail {
            account,
            sessions,
            tokens,
        })
    }

    /// The live sessions, of account `name` or everyone's.
    pub fn sessions(&self, name: Option<&str>) -> Result<Vec<ActiveSession>> {
        if let Some(name) = name {
            self.accounts.account(name)?;
        }
        self.accounts.active_sessions(name)
    }

    /// Ends session `id` (its next request is signed out); returns whose it was.
    pub fn end_session(&self, id: &str) -> Result<String> {
        let user = self.accounts.end_session_by_id(id)?;
        self.record(&user, &format!("session {id} ended"))?;
        Ok(user)
    }

    /// Ends every session of account `name`; how many there were.
    pub fn end_sessions(&self, name: &str) -> Result<usize> {
        let ended = self.accounts.end_sessions_of_account(name)?;
        self.record(name, &format!("all sessions ended ({ended})"))?;
        Ok(ended)
    }

    /// Every API token, without secrets.
    pub fn tokens(&self) -> Result<Vec<ApiToken>> {
        self.accounts.tokens()
    }

    /// A new API token for account `name` working through `expires` (or until revoked);
    /// returns its id and the token (to be shown once; stored only as its digest).
    /// A last day already past is refused: such a token would never work.
    pub fn create_token(&self, name: &str, expires: Option<NaiveDate>) -> Result<(i64, String)> {
        let today = chrono::Local::now().date_naive();
        if let Some(day) = expires.filter(|d| *d < today) {
            return Err(Error::invalid(
                "expires",
                format!("ngày hết hạn {day} đã qua (hôm nay {today}): mã sẽ không dùng được"),
            ));
        }
        let (id, token) = self.accounts.create_token(name, expires)?;
        let until = expires.map_or_else(String::new, |d| format!(" until {d}"));
        self.record(name, &format!("API token {id} created{until}"))?;
        Ok((id, token))
    }

    /// Revokes token `id` (it stops working at its next use); returns whose it was.
    pub fn revoke_token(&self, id: i64) -> Result<String> {
        let user = self.accounts.revoke_token(id)?;
        self.record(&user, &format!("API token {id} revoked"))?;
        Ok(user)
    }

    /// The latest `limit` failed sign-ins, newest first.
    pub fn failed_sign_ins(&self, limit: usize) -> Result<Vec<FailedSignIn>> {
        self.accounts.failed_sign_ins(limit)
    }
}

/// `done` for the audit log, with the decision giving a clearance (never a secret).
fn describe(done: &str, grant: Option<&ClearanceGrant>) -> String {
    match grant {
        Some(g) => format!(
            "{done}; clearance {} by decision {} until {}",
            clearance_key(g.level),
            g.decision,
            g.expires
        ),
        None => done.to_string(),
    }
}

/// A role as a form or JSON names it, for [`Admin::set_role`] and new accounts.
pub fn role_named(key: &str) -> Result<Role> {
    crate::accounts::parse_role(key.trim())
}

/// The key of `role` (`reader`, …), as forms and JSON name it.
pub fn role_name(role: Role) -> &'static str {
    role_key(role)
}

#[cfg(test)]
mod tests {
    use pipeline::clearance::Clearance;

    use super::*;

    fn new(name: &str, role: Role) -> NewAccount {
        NewAccount {
            name: name.into(),
            role,
            clearance: None,
            password: Some(format!("mật khẩu của {name}")),
        }
    }

    #[test]
    fn only_admins_administer_and_the_last_admin_stays() {
        let tmp = tempfile::tempdir().unwrap();
        let archive_dir = tmp.path().join("archive");
        let archive = Archive::open_or_create(&archive_dir).unwrap();
        let accounts = Accounts::open(&archive_dir).unwrap();
        let (quan, _) = accounts.add(&new("quan", Role::Admin)).unwrap();
        let (doc, _) = accounts.add(&new("doc-gia", Role::Reader)).unwrap();
        let reader = doc.principal();
        assert!(matches!(
            Admin::new(&archive, &accounts, &reader),
            Err(Error::Refused(_))
        ));
        let admin_principal = quan.principal();
        let admin = Admin::new(&archive, &accounts, &admin_principal).unwrap();
        assert!(matches!(
            admin.set_disabled("quan", true),
            Err(Error::Refused(_))
        ));
        assert!(matches!(
            admin.set_role("quan", Role::Reader),
            Err(Error::Invalid { field: "role", .. })
        ));
        let (_, otp) = admin
            .add(&NewAccount {
                password: None,
                clearance: Some(ClearanceGrant {
                    level: Clearance::Mat,
                    decision: "7/QĐ-VPTU".into(),
                    expires: NaiveDate::from_ymd_opt(2099, 1, 1).unwrap(),
                }),
                ..new("can-bo", Role::Admin)
            })
            .unwrap();
        let otp = otp.unwrap();
        // Another admin now: quan may step down. Changes are recorded, secrets never.
        admin.set_role("quan", Role::Reader).unwrap();
        let (_, token) = admin.create_token("doc-gia", None).unwrap();
        admin.revoke_token(1).unwrap();
        let yesterday = chrono::Local::now().date_naive() - chrono::Days::new(1);
        assert!(matches!(
            admin.create_token("doc-gia", Some(yesterday)),
            Err(Error::Invalid {
                field: "expires",
                ..
            })
        ));
        assert_eq!(admin.tokens().unwrap().len(), 1, "nothing stored");
        let all_audit: String = archive
            .audit()
            .entries()
            .unwrap()
            .iter()
            .filter(|e| e.action == "account")
            .fold(String::new(), |all, e| {
                all + &format!("{} {}\n", e.actor, e.detail)
            });
        assert!(all_audit.contains("can-bo") && all_audit.contains("7/QĐ-VPTU"));
        assert!(!all_audit.contains(&otp) && !all_audit.contains(&token));
    }
}
