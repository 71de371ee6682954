//! `sohoa user …`: the reading room's accounts, managed by the operator on the archive host.
//!
//! In: an account name and what to change (role, clearance by decision, password, enabled).
//! Out: what was done, and a one-time password when one was made (shown once; stored only
//! as an Argon2id hash); `list` prints the accounts (never a password or its hash).

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde::Serialize;
use server::accounts::{
    clearance_grant, parse_clearance, parse_role, Account, Accounts, ClearanceGrant, NewAccount,
};

use super::{AccountsOperator, ArchiveArg, Context, Execute, Run};
use crate::output::{CommandOutput, Format};

/// `sohoa user …`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add an account. Without --password-stdin a one-time password is printed, to be
    /// changed at first sign-in.
    Add(AddArgs),
    /// List the accounts.
    List(ListArgs),
    /// Disable an account (its sessions end).
    Disable(NameArgs),
    /// Enable a disabled account.
    Enable(NameArgs),
    /// Change an account's role.
    SetRole(SetRoleArgs),
    /// Give or take away a clearance (`--clearance none` takes it away).
    SetClearance(SetClearanceArgs),
    /// Set a new one-time password (printed) and end the account's sessions.
    ResetPassword(NameArgs),
    /// Write a consistent copy of the accounts database to FILE (never overwrites).
    Backup(BackupArgs),
}

impl Execute for UserCommand {
    fn execute(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        match self {
            UserCommand::Add(a) => a.execute(ctx),
            UserCommand::List(a) => a.execute(ctx),
            UserCommand::Disable(a) => Toggle(a, true).execute(ctx),
            UserCommand::Enable(a) => Toggle(a, false).execute(ctx),
            UserCommand::SetRole(a) => a.execute(ctx),
            UserCommand::SetClearance(a) => a.execute(ctx),
            UserCommand::ResetPassword(a) => Reset(a).execute(ctx),
            UserCommand::Backup(a) => a.execute(ctx),
        }
    }
}

/// A clearance by decision.
#[derive(Debug, Args)]
pub struct ClearanceArgs {
    /// none, mat (Mật) or toi-mat (Tối mật).
    #[arg(long)]
    clearance: Option<String>,
    /// The reference of the decision that gives the clearance.
    #[arg(long, value_name = "REF")]
    decision: Option<String>,
    /// The last day the clearance holds (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    expires: Option<NaiveDate>,
}

impl ClearanceArgs {
    /// The clearance given (the same rules as the admin pages: a decision's reference and
    /// a last day for Mật and Tối mật).
    fn grant(&self) -> anyhow::Result<Option<ClearanceGrant>> {
        let Some(key) = self.clearance.as_deref() else {
            return Ok(None);
        };
        Ok(clearance_grant(
            parse_clearance(key)?,
            self.decision.as_deref(),
            self.expires,
        )?)
    }
}

/// The accounts database of an existing archive.
fn accounts(archive: &ArchiveArg) -> anyhow::Result<Accounts> {
    archive.open()?;
    crate::storage_env::open_accounts(&archive.archive)
}

/// What a change to an account prints.
#[derive(Debug, Serialize)]
pub struct AccountChange {
    pub user: String,
    pub done: String,
    /// A one-time password made for the account: shown this once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub one_time_password: Option<String>,
}

impl CommandOutput for AccountChange {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}: {}", self.user, self.done)?;
        if let Some(p) = &self.one_time_password {
            writeln!(
                out,
                "one-time password (shown once; to be changed at first sign-in): {p}"
            )?;
        }
        Ok(())
    }
}

fn changed(user: &str, done: impl Into<String>) -> AccountChange {
    AccountChange {
        user: user.to_string(),
        done: done.into(),
        one_time_password: None,
    }
}

/// `sohoa user add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    name: String,
    /// reader (độc giả), archivist (lưu trữ viên), approver (người duyệt), auditor (kiểm
    /// tra viên) or admin (quản trị).
    #[arg(long)]
    role: String,
    #[command(flatten)]
    clearance: ClearanceArgs,
    /// Read the password from the first line of standard input.
    #[arg(long)]
    password_stdin: bool,
    #[command(flatten)]
    archive: ArchiveArg,
    #[arg(long)]
    json: bool,
}

impl Run for AddArgs {
    type Output = AccountChange;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<AccountChange> {
        let operator = AccountsOperator::new(&self.archive, ctx)?;
        let password = if self.password_stdin {
            let mut input = String::new();
            io::stdin()
                .take(4096)
                .read_to_string(&mut input)
                .context("reading the password from standard input")?;
            Some(input.lines().next().unwrap_or("").to_string())
        } else {
            None
        };
        let new = NewAccount {
            name: self.name,
            role: parse_role(&self.role)?,
            clearance: self.clearance.grant()?,
            password,
        };
        let (account, one_time) = operator.admin()?.add(&new)?;
        let done = format!("added ({})", account.role.vietnamese());
        Ok(AccountChange {
            one_time_password: one_time,
            ..changed(&account.name, done)
        })
    }
}

/// `sohoa user list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    #[arg(long)]
    json: bool,
}

/// What `sohoa user list` prints.
#[derive(Debug, Serialize)]
pub struct AccountList {
    pub users: Vec<Account>,
}

impl Run for ListArgs {
    type Output = AccountList;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, _ctx: &Context) -> anyhow::Result<AccountList> {
        Ok(AccountList {
            users: accounts(&self.archive)?.list()?,
        })
    }
}

impl CommandOutput for AccountList {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        for a in &self.users {
            let role = server::accounts::role_key(a.role);
            write!(out, "{:<20} {role:<10}", a.name)?;
            if let Some(g) = &a.clearance {
                let level = serde_json::to_value(g).ok();
                let level = level
                    .as_ref()
                    .and_then(|v| v["level"].as_str())
                    .unwrap_or("");
                write!(
                    out,
                    "  clearance {level} by {} until {}",
                    g.decision, g.expires
                )?;
            }
            if a.disabled {
                write!(out, "  disabled")?;
            }
            if a.must_change_password {
                write!(out, "  one-time password")?;
            }
            if let Some(at) = &a.last_sign_in {
                write!(out, "  last sign-in {at}")?;
            }
            writeln!(out)?;
        }
        Ok(())
    }
}

/// An account named on the command line.
#[derive(Debug, Args)]
pub struct NameArgs {
    name: String,
    #[command(flatten)]
    archive: ArchiveArg,
    #[arg(long)]
    json: bool,
}

/// `disable` (true) or `enable` (false).
struct Toggle(NameArgs, bool);

impl Run for Toggle {
    type Output = AccountChange;

    fn format(&self) -> Format {
        Format::json_if(self.0.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<AccountChange> {
        let Toggle(args, disable) = self;
        let operator = AccountsOperator::new(&args.archive, ctx)?;
        let done = operator.admin()?.set_disabled(&args.name, disable)?;
        Ok(changed(&args.name, done))
    }
}

/// `reset-password`.
struct Reset(NameArgs);

impl Run for Reset {
    type Output = AccountChange;

    fn format(&self) -> Format {
        Format::json_if(self.0.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<AccountChange> {
        let operator = AccountsOperator::new(&self.0.archive, ctx)?;
        let password = operator.admin()?.reset_password(&self.0.name)?;
        Ok(AccountChange {
            one_time_password: Some(password),
            ..changed(&self.0.name, "password reset, sessions ended")
        })
    }
}

/// `sohoa user set-role`.
#[derive(Debug, Args)]
pub struct SetRoleArgs {
    name: String,
    role: String,
    #[command(flatten)]
    archive: ArchiveArg,
    #[arg(long)]
    json: bool,
}

impl Run for SetRoleArgs {
    type Output = AccountChange;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<AccountChange> {
        let operator = AccountsOperator::new(&self.archive, ctx)?;
        let role = parse_role(&self.role)?;
        let done = operator.admin()?.set_role(&self.name, role)?;
        Ok(changed(&self.name, done))
    }
}

/// `sohoa user set-clearance`.
#[derive(Debug, Args)]
pub struct SetClearanceArgs {
    name: String,
    #[command(flatten)]
    clearance: ClearanceArgs,
    #[command(flatten)]
    archive: ArchiveArg,
    #[arg(long)]
    json: bool,
}

impl Run for SetClearanceArgs {
    type Output = AccountChange;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<AccountChange> {
        let operator = AccountsOperator::new(&self.archive, ctx)?;
        if self.clearance.clearance.is_none() {
            anyhow::bail!("--clearance: give none, mat or toi-mat");
        }
        let grant = self.clearance.grant()?;
        let done = operator
            .admin()?
            .set_clearance(&self.name, grant.as_ref())?;
        Ok(changed(&self.name, done))
    }
}

/// `sohoa user backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    file: PathBuf,
    #[command(flatten)]
    archive: ArchiveArg,
    #[arg(long)]
    json: bool,
}

impl Run for BackupArgs {
    type Output = AccountChange;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, _ctx: &Context) -> anyhow::Result<AccountChange> {
        accounts(&self.archive)?.back_up(&self.file)?;
        Ok(changed(
            "accounts database",
            format!("copied to {}", self.file.display()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use pipeline::gate::Role;

    use super::*;
    use crate::output::assert_renderings;

    #[test]
    fn renders_an_added_account_and_a_listing() {
        let added = AccountChange {
            one_time_password: Some("abcdEFGH2345jkmn".into()),
            ..changed("doc-gia", "added (độc giả)")
        };
        assert_renderings!("user_add", added);
        let listing = AccountList {
            users: vec![Account {
                id: 1,
                name: "can-bo".into(),
                role: Role::Archivist,
                clearance: Some(ClearanceGrant {
                    level: pipeline::clearance::Clearance::Mat,
                    decision: "5/QĐ-VPTU".into(),
                    expires: NaiveDate::from_ymd_opt(2030, 12, 31).unwrap(),
                }),
                must_change_password: true,
                disabled: false,
                created: "2026-12-03T10:00:00Z".into(),
                last_sign_in: Some("2026-12-04T08:30:00Z".into()),
            }],
        };
        assert_renderings!("user_list", listing);
    }
}
