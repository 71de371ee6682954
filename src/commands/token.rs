//! `sohoa token …`: API tokens of the reading room (`Authorization: Bearer TOKEN`).
//!
//! In: an account name and an optional last day (create), a token id (revoke). Out: the
//! token, printed once (stored only as its SHA-256), or the list of tokens without them.

use std::io::{self, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde::Serialize;
use server::accounts::{Accounts, ApiToken};

use super::{AccountsOperator, ArchiveArg, Context, Execute, Run};
use crate::output::{CommandOutput, Format};

/// `sohoa token …`.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user (printed once; stored hashed).
    Create(CreateArgs),
    /// Revoke a token by its id.
    Revoke(RevokeArgs),
    /// List the tokens (ids, users, expiry; never the tokens).
    List(ListArgs),
}

impl Execute for TokenCommand {
    fn execute(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        match self {
            TokenCommand::Create(a) => a.execute(ctx),
            TokenCommand::Revoke(a) => a.execute(ctx),
            TokenCommand::List(a) => a.execute(ctx),
        }
    }
}

fn accounts(archive: &ArchiveArg) -> anyhow::Result<Accounts> {
    archive.open()?;
    crate::storage_env::open_accounts(&archive.archive)
}

/// `sohoa token create`.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The account the token is for (here `--user` names it, not who acts).
    #[arg(long, value_name = "NAME")]
    user: String,
    /// The last day the token works (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    expires: Option<NaiveDate>,
    #[command(flatten)]
    archive: ArchiveArg,
    #[arg(long)]
    json: bool,
}

/// A token just made.
#[derive(Debug, Serialize)]
pub struct TokenCreated {
    pub id: i64,
    pub user: String,
    pub expires: Option<NaiveDate>,
    /// Shown this once.
    pub token: String,
}

impl Run for CreateArgs {
    type Output = TokenCreated;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<TokenCreated> {
        let operator = AccountsOperator::new(&self.archive, ctx)?;
        let (id, token) = operator.admin()?.create_token(&self.user, self.expires)?;
        Ok(TokenCreated {
            id,
            user: self.user,
            expires: self.expires,
            token,
        })
    }
}

impl CommandOutput for TokenCreated {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "token {} for {} (shown once): {}",
            self.id, self.user, self.token
        )
    }
}

/// `sohoa token revoke`.
#[derive(Debug, Args)]
pub struct RevokeArgs {
    id: i64,
    #[command(flatten)]
    archive: ArchiveArg,
    #[arg(long)]
    json: bool,
}

/// A token revoked.
#[derive(Debug, Serialize)]
pub struct TokenRevoked {
    pub revoked: i64,
}

impl Run for RevokeArgs {
    type Output = TokenRevoked;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<TokenRevoked> {
        let operator = AccountsOperator::new(&self.archive, ctx)?;
        operator.admin()?.revoke_token(self.id)?;
        Ok(TokenRevoked { revoked: self.id })
    }
}

impl CommandOutput for TokenRevoked {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "revoked token {}", self.revoked)
    }
}

/// `sohoa token list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    #[arg(long)]
    json: bool,
}

/// What `sohoa token list` prints.
#[derive(Debug, Serialize)]
pub struct TokenList {
    pub tokens: Vec<ApiToken>,
}

impl Run for ListArgs {
    type Output = TokenList;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, _ctx: &Context) -> anyhow::Result<TokenList> {
        Ok(TokenList {
            tokens: accounts(&self.archive)?.tokens()?,
        })
    }
}

impl CommandOutput for TokenList {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        for t in &self.tokens {
            let expires = t
                .expires
                .map_or_else(|| "never".to_string(), |d| d.to_string());
            let revoked = if t.revoked { "  revoked" } else { "" };
            writeln!(
                out,
                "{:>4}  {:<20} created {}  expires {expires}{revoked}",
                t.id, t.user, t.created
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::assert_renderings;

    #[test]
    fn renders_a_new_token_and_a_listing() {
        let created = TokenCreated {
            id: 3,
            user: "doc-gia".into(),
            expires: NaiveDate::from_ymd_opt(2027, 6, 30),
            token: "0f".repeat(32),
        };
        assert_renderings!("token_create", created);
        let list = TokenList {
            tokens: vec![ApiToken {
                id: 3,
                user: "doc-gia".into(),
                created: "2026-12-03T10:00:00Z".into(),
                expires: None,
                revoked: true,
            }],
        };
        assert_renderings!("token_list", list);
    }
}
