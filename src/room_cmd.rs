//! `sohoa serve`, `sohoa user …` and `sohoa token …`: the reading room and its accounts.
//!
//! In: the archive directory, the operator's account commands, and the listen address.
//! Out: accounts and tokens in the archive's accounts database (passwords and tokens are
//! shown once, stored only hashed), listings on stdout, and the running server.

use std::io::Read;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use server::accounts::{parse_clearance, parse_role, Accounts, ClearanceGrant, NewAccount};

use crate::cli::{print_json, ArchiveArg};

/// `sohoa serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    archive: ArchiveArg,
    /// Address and port to listen on. Plain HTTP: keep it on loopback, or put a reverse
    /// proxy with TLS in front of it (and pass --secure-cookies).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Mark the session cookie Secure (the reading room is reached over HTTPS).
    #[arg(long)]
    secure_cookies: bool,
}

/// `sohoa user …`.
#[derive(Debug, Subcommand)]
pub(crate) enum UserCommand {
    /// Add an account. Without --password-stdin a one-time password is printed, to be
    /// changed at first sign-in.
    Add {
        name: String,
        /// reader (độc giả), archivist (lưu trữ viên), approver (người duyệt), auditor
        /// (kiểm tra viên) or admin (quản trị).
        #[arg(long)]
        role: String,
        #[command(flatten)]
        clearance: ClearanceArgs,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// List the accounts.
    List {
        #[command(flatten)]
        archive: ArchiveArg,
        #[arg(long)]
        json: bool,
    },
    /// Disable an account (its sessions end).
    Disable {
        name: String,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Enable a disabled account.
    Enable {
        name: String,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Change an account's role.
    SetRole {
        name: String,
        role: String,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Give or take away a clearance (`--clearance none` takes it away).
    SetClearance {
        name: String,
        #[command(flatten)]
        clearance: ClearanceArgs,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Set a new one-time password (printed) and end the account's sessions.
    ResetPassword {
        name: String,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Write a consistent copy of the accounts database to FILE.
    Backup {
        file: std::path::PathBuf,
        #[command(flatten)]
        archive: ArchiveArg,
    },
}

/// A clearance by decision.
#[derive(Debug, Args)]
pub(crate) struct ClearanceArgs {
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
    fn grant(&self) -> anyhow::Result<Option<ClearanceGrant>> {
        let Some(level) = self.clearance.as_deref() else {
            return Ok(None);
        };
        let level = parse_clearance(level)?;
        if level == pipeline::clearance::Clearance::Public {
            return Ok(None);
        }
        let (Some(decision), Some(expires)) = (&self.decision, self.expires) else {
            anyhow::bail!(
                "--clearance {:?} needs --decision REF and --expires DATE",
                self.clearance.as_deref().unwrap_or("")
            );
        };
        if decision.trim().is_empty() {
            anyhow::bail!("--decision: the decision's reference is empty");
        }
        Ok(Some(ClearanceGrant {
            level,
            decision: decision.trim().to_string(),
            expires,
        }))
    }
}

/// `sohoa token …`.
#[derive(Debug, Subcommand)]
pub(crate) enum TokenCommand {
    /// Create an API token for a user (printed once; stored hashed).
    Create {
        #[arg(long)]
        user: String,
        /// The last day the token works (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        expires: Option<NaiveDate>,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Revoke a token by its id.
    Revoke {
        id: i64,
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// List the tokens (ids, users, expiry; never the tokens).
    List {
        #[command(flatten)]
        archive: ArchiveArg,
        #[arg(long)]
        json: bool,
    },
}

fn accounts(archive: &ArchiveArg) -> anyhow::Result<Accounts> {
    let dir: &Path = &archive.archive;
    pipeline::store::Archive::open(dir)?;
    Ok(Accounts::open(dir)?)
}

pub(crate) fn serve(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    pipeline::store::Archive::open(&args.archive.archive)?;
    let config = server::web::ServerConfig {
        archive: args.archive.archive.clone(),
        listen: args.listen,
        secure_cookies: args.secure_cookies,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the server's runtime")?;
    runtime.block_on(server::web::serve(config))?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn user(command: UserCommand) -> anyhow::Result<ExitCode> {
    match command {
        UserCommand::Add {
            name,
            role,
            clearance,
            password_stdin,
            archive,
        } => {
            let password = if password_stdin {
                Some(read_password()?)
            } else {
                None
            };
            let new = NewAccount {
                name,
                role: parse_role(&role)?,
                clearance: clearance.grant()?,
                password,
            };
            let (account, one_time) = accounts(&archive)?.add(&new)?;
            println!("added {} ({})", account.name, account.role.vietnamese());
            if let Some(p) = one_time {
                println!("one-time password (shown once; to be changed at first sign-in): {p}");
            }
        }
        UserCommand::List { archive, json } => {
            let list = accounts(&archive)?.list()?;
            if json {
                print_json(&serde_json::json!({ "users": list }))?;
            } else {
                for a in list {
                    let clearance = a.clearance.as_ref().map_or_else(String::new, |g| {
                        format!(
                            "  clearance {:?} by {} until {}",
                            g.level, g.decision, g.expires
                        )
                    });
                    println!(
                        "{:<20} {:<10}{}{}{}",
                        a.name,
                        serde_json::to_value(a.role)?.as_str().unwrap_or(""),
                        if a.disabled { "  disabled" } else { "" },
                        if a.must_change_password {
                            "  one-time password"
                        } else {
                            ""
                        },
                        clearance
                    );
                }
            }
        }
        UserCommand::Disable { name, archive } => {
            accounts(&archive)?.set_disabled(&name, true)?;
            println!("disabled {name}");
        }
        UserCommand::Enable { name, archive } => {
            accounts(&archive)?.set_disabled(&name, false)?;
            println!("enabled {name}");
        }
        UserCommand::SetRole {
            name,
            role,
            archive,
        } => {
            accounts(&archive)?.set_role(&name, parse_role(&role)?)?;
            println!("{name}: role {role}");
        }
        UserCommand::SetClearance {
            name,
            clearance,
            archive,
        } => {
            if clearance.clearance.is_none() {
                anyhow::bail!("--clearance: give none, mat or toi-mat");
            }
            accounts(&archive)?.set_clearance(&name, clearance.grant()?.as_ref())?;
            println!(
                "{name}: clearance {}",
                clearance.clearance.unwrap_or_default()
            );
        }
        UserCommand::ResetPassword { name, archive } => {
            let p = accounts(&archive)?.reset_password(&name)?;
            println!(
                "one-time password for {name} (shown once; to be changed at first sign-in): {p}"
            );
        }
        UserCommand::Backup { file, archive } => {
            accounts(&archive)?.back_up(&file)?;
            println!("accounts database copied to {}", file.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn read_password() -> anyhow::Result<String> {
    let mut input = String::new();
    std::io::stdin()
        .take(4096)
        .read_to_string(&mut input)
        .context("reading the password from standard input")?;
    let line = input.lines().next().unwrap_or("").to_string();
    Ok(line)
}

pub(crate) fn token(command: TokenCommand) -> anyhow::Result<ExitCode> {
    match command {
        TokenCommand::Create {
            user,
            expires,
            archive,
        } => {
            let (id, token) = accounts(&archive)?.create_token(&user, expires)?;
            println!("token {id} for {user} (shown once): {token}");
        }
        TokenCommand::Revoke { id, archive } => {
            accounts(&archive)?.revoke_token(id)?;
            println!("revoked token {id}");
        }
        TokenCommand::List { archive, json } => {
            let tokens = accounts(&archive)?.tokens()?;
            if json {
                print_json(&serde_json::json!({ "tokens": tokens }))?;
            } else {
                for t in tokens {
                    println!(
                        "{:>4}  {:<20} created {}  expires {}{}",
                        t.id,
                        t.user,
                        t.created,
                        t.expires
                            .map_or_else(|| "never".to_string(), |d| d.to_string()),
                        if t.revoked { "  revoked" } else { "" }
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
