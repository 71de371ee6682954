//! User accounts: add, list, disable, change role or clearance, set passwords, sign in.
//!
//! In: the operator's commands and sign-in attempts. Out: [`Account`]s and the principal
//! each acts as. A clearance is given by a decision (its reference and expiry recorded);
//! past its expiry the account reads as uncleared.

use chrono::NaiveDate;
use pipeline::clearance::Clearance;
use pipeline::gate::{Principal, Role};
use serde::Serialize;

use super::db::{params, Row};
use super::secret::{
    check_new_password, decoy_hash, hash_password, one_time_password, password_matches,
};
use super::Accounts;
use crate::{Error, Result};

/// A clearance given by a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClearanceGrant {
    #[serde(serialize_with = "clearance_name")]
    pub level: Clearance,
    /// The decision's reference (e.g. `123/QĐ-VPTU`).
    pub decision: String,
    /// The last day it holds.
    pub expires: NaiveDate,
}

// serde's `serialize_with` passes the field by reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn clearance_name<S: serde::Serializer>(
    c: &Clearance,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(clearance_key(*c))
}

/// An account as the operator sees it (never its password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    #[serde(skip)]
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub clearance: Option<ClearanceGrant>,
    pub must_change_password: bool,
    pub disabled: bool,
    pub created: String,
    /// The last accepted sign-in (RFC 3339, UTC), if any.
    pub last_sign_in: Option<String>,
}

impl Account {
    /// The clearance the account holds today (none once its decision has expired).
    pub fn clearance_today(&self) -> Clearance {
        let today = chrono::Local::now().date_naive();
        match &self.clearance {
            Some(grant) if grant.expires >= today => grant.level,
            _ => Clearance::Public,
        }
    }

    /// Who the account acts as. Every role reads; an admin manages accounts and sees
    /// classified content only by a clearance, like everyone.
    pub fn principal(&self) -> Principal {
        let roles = match self.role {
            Role::Reader => vec![Role::Reader],
            other => vec![Role::Reader, other],
        };
        Principal::new(self.name.clone(), roles, self.clearance_today())
    }
}

/// What the operator gives for a new account.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub name: String,
    pub role: Role,
    pub clearance: Option<ClearanceGrant>,
    /// The password; none: a one-time password is made (and must be changed at first
    /// sign-in).
    pub password: Option<String>,
}

/// The outcome of a sign-in attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignIn {
    Accepted(Account),
    /// Wrong name or password, or a disabled account: one answer for all three.
    Refused,
    /// Too many failures for this name or from this address lately.
    LockedOut,
}

/// The key of a role on the command line and in the database (as it serialises).
pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Reader => "reader",
        Role::Archivist => "archivist",
        Role::Approver => "approver",
        Role::Auditor => "auditor",
        Role::Admin => "admin",
    }
}

/// A role from its key (`reader`, `archivist`, `approver`, `auditor`, `admin`).
pub fn parse_role(key: &str) -> Result<Role> {
    [
        Role::Reader,
        Role::Archivist,
        Role::Approver,
        Role::Auditor,
        Role::Admin,
    ]
    .into_iter()
    .find(|r| role_key(*r) == key)
    .ok_or_else(|| {
        Error::invalid(
            "role",
            format!(
                "\"{key}\" không phải là vai trò (reader, archivist, approver, auditor, admin)"
            ),
        )
    })
}

/// The key of a clearance on the command line and in the database (`none`, `mat`,
/// `toi-mat`).
pub fn clearance_key(c: Clearance) -> &'static str {
    match c {
        Clearance::Public => "none",
        Clearance::Mat => "mat",
        Clearance::ToiMat => "toi-mat",
    }
}

/// A clearance from its key (`none`, `mat`, `toi-mat`).
pub fn parse_clearance(key: &str) -> Result<Clearance> {
    [Clearance::Public, Clearance::Mat, Clearance::ToiMat]
        .into_iter()
        .find(|c| clearance_key(*c) == key)
        .ok_or_else(|| {
            Error::invalid(
                "clearance",
                format!("\"{key}\" không phải là độ mật (none, mat, toi-mat)"),
            )
        })
}

/// The clearance an operator gives by a decision: none for `none` (`Public`), else the
/// decision's reference (mandatory, trimmed, at most 200 characters) and its last day
/// (mandatory). The CLI and the admin pages both come here.
pub fn clearance_grant(
    level: Clearance,
    decision: Option<&str>,
    expires: Option<NaiveDate>,
) -> Result<Option<ClearanceGrant>> {
    if level == Clearance::Public {
        return Ok(None);
    }
    let decision = decision.map_or("", str::trim);
    if decision.is_empty() {
        return Err(Error::invalid(
            "decision",
            format!(
                "cần số quyết định cho phép tiếp cận tài liệu {} (ví dụ 12/QĐ-VPTU)",
                clearance_vietnamese(level)
            ),
        ));
    }
    if decision.chars().count() > 200 {
        return Err(Error::invalid(
            "decision",
            "số quyết định dài quá 200 ký tự",
        ));
    }
    let Some(expires) = expires else {
        return Err(Error::invalid(
            "expires",
            format!(
                "cần ngày hết hạn của quyết định cho phép tiếp cận tài liệu {} (YYYY-MM-DD)",
                clearance_vietnamese(level)
            ),
        ));
    };
    Ok(Some(ClearanceGrant {
        level,
        decision: decision.to_string(),
        expires,
    }))
}

fn clearance_vietnamese(c: Clearance) -> &'static str {
    match c {
        Clearance::Public => "công khai",
        Clearance::Mat => "Mật",
        Clearance::ToiMat => "Tối mật",
    }
}

/// A calendar day typed as `YYYY-MM-DD` for `field`; empty is none.
pub fn parse_day(field: &'static str, text: &str) -> Result<Option<NaiveDate>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            let shown: String = text.chars().take(40).collect();
            Error::invalid(
                field,
                format!("\"{shown}\" không phải là ngày hợp lệ (dạng YYYY-MM-DD)"),
            )
        })
}

/// Account names: 2–64 characters, ASCII letters, digits, `.`, `-`, `_`.
fn check_name(name: &str) -> Result<()> {
    let ok = (2..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            "name",
            format!("\"{name}\": từ 2 đến 64 ký tự, chỉ gồm chữ cái a-z, chữ số, '.', '-', '_'"),
        ))
    }
}

const COLUMNS: &str = "id, name, role, clearance, clearance_decision, clearance_expires, \
                       must_change_password, disabled, created, last_sign_in";

fn account_from_row(row: &Row) -> Result<Account> {
    let role: String = row.get(2)?;
    let clearance: String = row.get(3)?;
    let decision: Option<String> = row.get(4)?;
    let expires: Option<String> = row.get(5)?;
    let level = parse_clearance(&clearance).unwrap_or(Clearance::Public);
    let grant = match (level, decision, expires) {
        (Clearance::Public, _, _) | (_, None, _) | (_, _, None) => None,
        (level, Some(decision), Some(expires)) => NaiveDate::parse_from_str(&expires, "%Y-%m-%d")
            .ok()
            .map(|expires| ClearanceGrant {
                level,
                decision,
                expires,
            }),
    };
    Ok(Account {
        id: row.get(0)?,
        name: row.get(1)?,
        // A role the database does not know reads as the least one.
        role: parse_role(&role).unwrap_or(Role::Reader),
        clearance: grant,
        must_change_password: row.get(6)?,
        disabled: row.get(7)?,
        created: row.get(8)?,
        last_sign_in: row.get(9)?,
    })
}

impl Accounts {
    /// Adds an account; returns it and, when no password was given, the one-time password
    /// (shown once, stored only hashed).
    pub fn add(&self, new: &NewAccount) -> Result<(Account, Option<String>)> {
        check_name(&new.name)?;
        let (password, one_time) = if let Some(p) = &new.password {
            check_new_password(p)?;
            (p.clone(), None)
        } else {
            let p = one_time_password();
            (p.clone(), Some(p))
        };
        let hash = hash_password(&password)?;
        let (level, decision, expires) = grant_columns(new.clearance.as_ref());
        // The name is unique in the database too: of two servers adding it at once, one
        // adds nothing and answers as when it existed before.
        let added = self.conn().execute(
            "INSERT INTO users (name, role, clearance, clearance_decision, clearance_expires, \
             password_hash, must_change_password, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
             ON CONFLICT (name) DO NOTHING",
            params![
                &new.name,
                role_key(new.role),
                level,
                decision,
                expires,
                hash,
                one_time.is_some(),
                chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ],
        )?;
        if added == 0 {
            return Err(Error::AccountExists(new.name.clone()));
        }
        Ok((self.account(&new.name)?, one_time))
    }

    /// The account named `name`.
    pub fn account(&self, name: &str) -> Result<Account> {
        self.find(name)?
            .ok_or_else(|| Error::NoSuchAccount(name.to_string()))
    }

    fn find(&self, name: &str) -> Result<Option<Account>> {
        self.conn()
            .query_opt(
                &format!("SELECT {COLUMNS} FROM users WHERE name = ?1"),
                params![name],
            )?
            .as_ref()
            .map(account_from_row)
            .transpose()
    }

    pub(super) fn account_by_id(&self, id: i64) -> Result<Option<Account>> {
        self.conn()
            .query_opt(
                &format!("SELECT {COLUMNS} FROM users WHERE id = ?1"),
                params![id],
            )?
            .as_ref()
            .map(account_from_row)
            .transpose()
    }

    /// Every account, by name.
    pub fn list(&self) -> Result<Vec<Account>> {
        self.conn()
            .query(
                &format!("SELECT {COLUMNS} FROM users ORDER BY name"),
                params![],
            )?
            .iter()
            .map(account_from_row)
            .collect()
    }

    /// Disables or enables an account; disabling ends its sessions. The last enabled admin
    /// is never disabled (nobody could manage the accounts from the reading room then).
    pub fn set_disabled(&self, name: &str, disabled: bool) -> Result<()> {
        let account = self.account(name)?;
        if disabled && account.role == Role::Admin && !account.disabled {
            self.keep_an_admin(name, "disable")?;
        }
        self.update(name, "disabled = ?2", disabled.into())?;
        if disabled {
            self.end_sessions_of(account.id)?;
        }
        Ok(())
    }

    /// Changes an account's role; the last enabled admin keeps theirs.
    pub fn set_role(&self, name: &str, role: Role) -> Result<()> {
        let account = self.account(name)?;
        if account.role == Role::Admin && role != Role::Admin && !account.disabled {
            self.keep_an_admin(name, "role")?;
        }
        self.update(name, "role = ?2", role_key(role).into())
    }

    /// Refuses a change (`what`) that would leave no enabled admin but `name`'s.
    fn keep_an_admin(&self, name: &str, what: &'static str) -> Result<()> {
        let others: i64 = self
            .conn()
            .query_one(
                "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = FALSE \
                 AND name <> ?1",
                params![name],
            )?
            .get(0)?;
        if others > 0 {
            return Ok(());
        }
        let message = format!(
            "{name} là quản trị viên duy nhất còn hoạt động: hãy cho một tài khoản khác vai \
             trò quản trị trước"
        );
        Err(match what {
            "role" => Error::invalid("role", message),
            _ => Error::Refused(message),
        })
    }

    /// Gives, changes or (with `None`) takes away an account's clearance.
    pub fn set_clearance(&self, name: &str, grant: Option<&ClearanceGrant>) -> Result<()> {
        let (level, decision, expires) = grant_columns(grant);
        let changed = self.conn().execute(
            "UPDATE users SET clearance = ?2, clearance_decision = ?3, clearance_expires = ?4 \
             WHERE name = ?1",
            params![name, level, decision, expires],
        )?;
        if changed == 0 {
            return Err(Error::NoSuchAccount(name.to_string()));
        }
        Ok(())
    }

    /// Sets a new one-time password (returned; to be changed at the next sign-in) and ends
    /// the account's sessions.
    pub fn reset_password(&self, name: &str) -> Result<String> {
        let account = self.account(name)?;
        let password = one_time_password();
        self.store_password(&account, &password, true)?;
        Ok(password)
    }

    /// Sets a password the operator or the user chose.
    pub fn set_password(&self, name: &str, password: &str) -> Result<()> {
        check_new_password(password)?;
        let account = self.account(name)?;
        self.store_password(&account, password, false)
    }

    /// The user's own change: the current password must match. Ends their other sessions
    /// (the caller signs them in again).
    pub fn change_password(&self, name: &str, current: &str, new: &str) -> Result<()> {
        let account = self.account(name)?;
        if !password_matches(current, &self.password_hash(account.id)?) {
            return Err(Error::invalid("current", "mật khẩu hiện tại không đúng"));
        }
        if current == new {
            return Err(Error::invalid(
                "password",
                "mật khẩu mới phải khác mật khẩu hiện tại",
            ));
        }
        check_new_password(new)?;
        self.store_password(&account, new, false)
    }

    fn store_password(&self, account: &Account, password: &str, one_time: bool) -> Result<()> {
        let hash = hash_password(password)?;
        self.conn().execute(
            "UPDATE users SET password_hash = ?2, must_change_password = ?3 WHERE id = ?1",
            params![account.id, hash, one_time],
        )?;
        self.end_sessions_of(account.id).map(drop)
    }

    fn password_hash(&self, id: i64) -> Result<String> {
        self.conn()
            .query_one("SELECT password_hash FROM users WHERE id = ?1", params![id])?
            .get(0)
    }

    /// A sign-in attempt by `name` from `address`: the password is checked (against a
    /// decoy when there is no such account, so both take as long), failures are counted
    /// per name and per address, and too many lock both out for a while.
    pub fn sign_in(&self, name: &str, password: &str, address: &str) -> Result<SignIn> {
        if self.locked_out(name, address)? {
            self.log_failure(name, address, true)?;
            return Ok(SignIn::LockedOut);
        }
        let account = self.find(name)?;
        let hash = match &account {
            Some(a) => self.password_hash(a.id)?,
            None => decoy_hash().to_string(),
        };
        let matches = password_matches(password, &hash);
        match account {
            Some(account) if matches && !account.disabled => {
                self.forget_failures(name)?;
                let now = super::now_text();
                self.conn().execute(
                    "UPDATE users SET last_sign_in = ?2 WHERE id = ?1",
                    params![account.id, &now],
                )?;
                Ok(SignIn::Accepted(Account {
                    last_sign_in: Some(now),
                    ..account
                }))
            }
            _ => {
                self.record_failure(name, address)?;
                Ok(SignIn::Refused)
            }
        }
    }

    fn update(&self, name: &str, set: &str, value: super::db::Value) -> Result<()> {
        let changed = self.conn().execute(
            &format!("UPDATE users SET {set} WHERE name = ?1"),
            &[name.into(), value],
        )?;
        if changed == 0 {
            return Err(Error::NoSuchAccount(name.to_string()));
        }
        Ok(())
    }
}

fn grant_columns(grant: Option<&ClearanceGrant>) -> (&'static str, Option<String>, Option<String>) {
    match grant {
        None => ("none", None, None),
        Some(g) => (
            clearance_key(g.level),
            Some(g.decision.clone()),
            Some(g.expires.format("%Y-%m-%d").to_string()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accounts() -> (tempfile::TempDir, Accounts) {
        let tmp = tempfile::tempdir().unwrap();
        let accounts = Accounts::open(tmp.path()).unwrap();
        (tmp, accounts)
    }

    fn new(name: &str, role: Role, password: Option<&str>) -> NewAccount {
        NewAccount {
            name: name.into(),
            role,
            clearance: None,
            password: password.map(str::to_string),
        }
    }

    #[test]
    fn accounts_are_added_listed_and_changed() {
        super::super::testing::on_each_backend(|accounts| {
            let (ann, otp) = accounts
                .add(&new("ann", Role::Reader, Some("mật khẩu của ann")))
                .unwrap();
            assert!(otp.is_none() && !ann.must_change_password);
            let (bob, otp) = accounts.add(&new("bob", Role::Admin, None)).unwrap();
            assert!(bob.must_change_password);
            let otp = otp.unwrap();
            assert!(matches!(
                accounts.add(&new("ann", Role::Reader, None)),
                Err(Error::AccountExists(_))
            ));
            assert!(matches!(
                accounts.add(&new("a b", Role::Reader, None)),
                Err(Error::Invalid { field: "name", .. })
            ));
            let names: Vec<String> = accounts
                .list()
                .unwrap()
                .into_iter()
                .map(|a| a.name)
                .collect();
            assert_eq!(names, ["ann", "bob"]);
            // The admin reads, manages, and sees nothing classified by role.
            let p = bob.principal();
            assert!(p.has_role(Role::Admin) && p.has_role(Role::Reader));
            assert_eq!(p.clearance(), Clearance::Public);
            // The one-time password signs in and must be changed.
            let SignIn::Accepted(b) = accounts.sign_in("bob", &otp, "10.0.0.1").unwrap() else {
                panic!("one-time password refused")
            };
            assert!(b.must_change_password);
            accounts
                .change_password("bob", &otp, "mật khẩu mới của bob")
                .unwrap();
            assert!(!accounts.account("bob").unwrap().must_change_password);
            accounts.set_role("ann", Role::Auditor).unwrap();
            assert_eq!(accounts.account("ann").unwrap().role, Role::Auditor);
            assert!(matches!(
                accounts.set_role("nobody", Role::Auditor),
                Err(Error::NoSuchAccount(_))
            ));
        });
    }

    #[test]
    fn a_clearance_holds_until_its_decision_expires() {
        super::super::testing::on_each_backend(|accounts| {
            accounts
                .add(&new("cao", Role::Reader, Some("mật khẩu của cao")))
                .unwrap();
            let today = chrono::Local::now().date_naive();
            let grant = |expires| ClearanceGrant {
                level: Clearance::Mat,
                decision: "12/QĐ-VPTU".into(),
                expires,
            };
            accounts.set_clearance("cao", Some(&grant(today))).unwrap();
            assert_eq!(
                accounts.account("cao").unwrap().principal().clearance(),
                Clearance::Mat
            );
            accounts
                .set_clearance("cao", Some(&grant(today - chrono::Days::new(1))))
                .unwrap();
            assert_eq!(
                accounts.account("cao").unwrap().principal().clearance(),
                Clearance::Public
            );
            accounts.set_clearance("cao", None).unwrap();
            assert!(accounts.account("cao").unwrap().clearance.is_none());
        });
    }

    #[test]
    fn sign_in_refuses_alike_and_disabled_accounts_cannot_sign_in() {
        super::super::testing::on_each_backend(|accounts| {
            accounts
                .add(&new("dao", Role::Reader, Some("mật khẩu của dao")))
                .unwrap();
            assert_eq!(
                accounts.sign_in("dao", "sai", "10.0.0.2").unwrap(),
                SignIn::Refused
            );
            assert_eq!(
                accounts.sign_in("khong-co", "sai", "10.0.0.2").unwrap(),
                SignIn::Refused
            );
            accounts.set_disabled("dao", true).unwrap();
            assert_eq!(
                accounts
                    .sign_in("dao", "mật khẩu của dao", "10.0.0.2")
                    .unwrap(),
                SignIn::Refused
            );
            accounts.set_disabled("dao", false).unwrap();
            assert!(matches!(
                accounts
                    .sign_in("dao", "mật khẩu của dao", "10.0.0.2")
                    .unwrap(),
                SignIn::Accepted(_)
            ));
        });
    }

    #[test]
    fn the_database_is_backed_up_and_stores_no_password() {
        let (tmp, accounts) = accounts();
        accounts
            .add(&new("em", Role::Reader, Some("mật khẩu của em")))
            .unwrap();
        let copy = tmp.path().join("copy.sqlite3");
        accounts.back_up(&copy).unwrap();
        assert!(accounts.back_up(&copy).is_err(), "never overwrites");
        let bytes = std::fs::read(&copy).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("em") && text.contains("$argon2id$"));
        assert!(!text.contains("mật khẩu của em"));
    }

    #[test]
    fn on_postgresql_the_password_is_stored_hashed_and_backups_are_pg_dump() {
        let Some(accounts) = super::super::testing::on_postgres() else {
            return;
        };
        accounts
            .add(&new("em", Role::Reader, Some("mật khẩu của em")))
            .unwrap();
        let stored: String = accounts
            .conn()
            .query_one(
                "SELECT name || ' ' || password_hash FROM users",
                super::super::db::params![],
            )
            .unwrap()
            .get(0)
            .unwrap();
        assert!(stored.starts_with("em $argon2id$"), "{stored}");
        let tmp = tempfile::tempdir().unwrap();
        let refused = accounts.back_up(&tmp.path().join("copy")).unwrap_err();
        assert!(refused.to_string().contains("pg_dump"), "{refused}");
    }
}
