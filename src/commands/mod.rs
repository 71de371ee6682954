//! The commands, one module each: its clap arguments, its work through the `pipeline`
//! crate's gate (`Archive::reader` / `Archive::writer` for the principal), and its typed
//! output (a [`CommandOutput`]).
//!
//! In: a command's parsed arguments and the [`Context`]. Out: its output value (or an
//! error), which [`crate::cli`] prints. A new command is a new module here with an args
//! type implementing [`Run`] (or [`Execute`], for subcommands), and one line in
//! `cli.rs`'s `commands!`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use pipeline::store::Archive;

pub use crate::cli::Context;
use crate::output::{self, CommandOutput, Format};

pub mod audit;
pub mod cluster_ingest;
pub mod edit;
pub mod export;
pub mod get;
pub mod history;
pub mod indexer;
pub mod info;
pub mod ingest;
pub mod list;
pub mod reindex;
pub mod request;
pub mod review;
pub mod search;
pub mod serve;
pub mod show;
pub mod token;
pub mod user;
pub mod verify;
pub mod worker;

/// A command's parsed arguments, ready to run.
pub trait Run {
    /// What the command produces.
    type Output: CommandOutput;

    /// How the output is to be printed (`--json` or not).
    fn format(&self) -> Format;

    /// Does the command's work for the principal the arguments and `ctx` name.
    fn run(self, ctx: &Context) -> anyhow::Result<Self::Output>;
}

/// A command ready to be carried out: run, its output printed, its exit code returned.
/// Every [`Run`] is one; a command with subcommands (`audit`) passes on to the one given.
pub trait Execute {
    fn execute(self, ctx: &Context) -> anyhow::Result<ExitCode>;
}

impl<C: Run> Execute for C {
    fn execute(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let format = self.format();
        let output = self.run(ctx)?;
        output::print(&output, format)
    }
}

/// `--archive DIR` (or `SOHOA_ARCHIVE`).
#[derive(Debug, Args)]
pub struct ArchiveArg {
    /// The archive directory.
    #[arg(long, env = "SOHOA_ARCHIVE", value_name = "DIR")]
    pub archive: PathBuf,
}

impl ArchiveArg {
    /// The existing archive.
    pub fn open(&self) -> anyhow::Result<Archive> {
        open_archive(&self.archive)
    }
}

impl ArchiveArg {
    /// The existing archive, for a command that changes objects outside ingest (`edit`):
    /// in cluster mode (a coordinator database configured, [`cluster::Config`]) each change
    /// holds the coordinator's object lock, appends to the audit chain through it and
    /// leaves an outbox row for `sohoa indexer`.
    pub fn open_for_change(&self) -> anyhow::Result<Archive> {
        let archive = self.open()?;
        Ok(match cluster::Config::from_env()? {
            Some(config) => cluster::Coordinator::connect(&config)?.coordinate(archive),
            None => archive,
        })
    }
}

/// The existing archive at `dir`, its storage root where the environment says
/// ([`crate::storage_env`]: `ocfl/` in it, or S3).
pub fn open_archive(dir: &Path) -> anyhow::Result<Archive> {
    Ok(Archive::open_on(
        dir,
        &crate::storage_env::storage_location()?,
    )?)
}

/// `--clearance mat|toi-mat` (deprecated): accepted only with `--user NAME` whose account's
/// clearance covers it, and then narrows the clearance used (see [`crate::operator`]).
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct ClearanceArg {
    /// Deprecated: the clearance is the account's (--user). Only with --user NAME whose
    /// clearance covers LEVEL: read with LEVEL instead (`mat`: chế độ sử dụng Mật, độ mật
    /// Mật; `toi-mat`: also độ mật Tối mật).
    #[arg(long, value_enum, value_name = "LEVEL")]
    clearance: Option<ClearanceLevel>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ClearanceLevel {
    /// Mật: chế độ sử dụng 03, độ mật Mật.
    Mat,
    /// Tối mật: also độ mật Tối mật.
    ToiMat,
}

impl ClearanceArg {
    /// The clearance stated, if one was.
    pub fn stated(self) -> Option<pipeline::clearance::Clearance> {
        self.clearance.map(|c| match c {
            ClearanceLevel::Mat => pipeline::clearance::Clearance::Mat,
            ClearanceLevel::ToiMat => pipeline::clearance::Clearance::ToiMat,
        })
    }
}

/// Who changes the reading room's accounts (`sohoa user`, `sohoa token`), settled before the
/// change (an unknown `--user` changes nothing), with the archive whose audit log records
/// the change and its accounts database: the reading room's admin pages do the same
/// through [`server::admin::Admin`].
pub struct AccountsOperator {
    archive: Archive,
    accounts: server::accounts::Accounts,
    who: pipeline::gate::Principal,
}

impl AccountsOperator {
    pub fn new(archive: &ArchiveArg, ctx: &Context) -> anyhow::Result<AccountsOperator> {
        let opened = archive.open()?;
        let who = ctx.principal(&opened.root, None, ClearanceArg::default())?;
        let accounts = crate::storage_env::open_accounts(&archive.archive)?;
        Ok(AccountsOperator {
            archive: opened,
            accounts,
            who,
        })
    }

    /// The operator administering the accounts (each change recorded in the audit log).
    pub fn admin(&self) -> anyhow::Result<server::admin::Admin<'_>> {
        Ok(server::admin::Admin::new(
            &self.archive,
            &self.accounts,
            &self.who,
        )?)
    }
}

/// `--codes`: the coded value sets (and mandatory fields) records are checked against.
#[derive(Debug, Args, Clone, Copy)]
pub struct CodesArg {
    /// Rules to check records against: Thông tư 05/2025 (in force since 1/7/2025) or the
    /// Thông tư 02/2019 it replaced (for records catalogued under the old rules).
    #[arg(long, value_enum, value_name = "RULES", default_value = "tt05-2025")]
    codes: CodesChoice,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum CodesChoice {
    #[value(name = "tt05-2025")]
    Tt05_2025,
    #[value(name = "tt02-2019")]
    Tt02_2019,
}

impl CodesArg {
    /// The name of the code sets chosen, as `--codes` takes it.
    pub fn name(self) -> &'static str {
        match self.codes {
            CodesChoice::Tt05_2025 => "tt05-2025",
            CodesChoice::Tt02_2019 => "tt02-2019",
        }
    }

    /// The code sets chosen.
    pub fn sets(self) -> &'static archive_schema::CodeSets {
        match self.codes {
            CodesChoice::Tt05_2025 => archive_schema::CodeSets::tt05_2025(),
            CodesChoice::Tt02_2019 => archive_schema::CodeSets::tt02_2019(),
        }
    }
}
