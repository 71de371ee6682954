//! The top level of the command line: the parser, logging, the principal a command acts
//! for, dispatch to the commands, and exit codes.
//!
//! In: the command line and the environment. Out: the command's output printed (see
//! [`crate::output`]) and the process exit code: 0 success, 1 fatal error, 2 usage, 3
//! ingest with failed or withheld pages, 4 damage found. Each command lives in its own
//! module of [`crate::commands`]; adding one is that module and one line in `commands!`
//! below.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pipeline::gate::Principal;

use crate::commands::{self, ClearanceArg, Execute};
use crate::operator::Operator;

/// Exit code of a request that cannot be carried out as asked.
pub const EXIT_USAGE: u8 = 2;

/// Digitise boxes of scanned Vietnamese Party records into a searchable, verifiable archive.
#[derive(Debug, Parser)]
#[command(name = "sohoa", version, about, propagate_version = true)]
// The doc comments are the `--help` text, where backticks would show.
#[allow(clippy::doc_markdown)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// More log output on stderr (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    /// Act as this account of the archive (its roles and its clearance, recorded in the
    /// audit log); without it, as the uncleared local operator.
    #[arg(long, global = true, env = "SOHOA_USER", value_name = "NAME")]
    user: Option<String>,
}

/// Declares the subcommands: the `Command` enum (one variant per command, its doc the
/// command's help) and `dispatch`, which carries out the variant given.
macro_rules! commands {
    ($( $(#[$attr:meta])* $variant:ident($args:ty), )*) => {
        #[derive(Debug, Subcommand)]
        // The doc comments are the `--help` text, where backticks would show.
        #[allow(clippy::doc_markdown)]
        enum Command {
            $( $(#[$attr])* $variant($args), )*
        }

        /// Runs one command and prints its output.
        fn dispatch(command: Command, ctx: &Context) -> anyhow::Result<ExitCode> {
            match command {
                $( Command::$variant(args) => args.execute(ctx), )*
            }
        }
    };
}

commands! {
    /// OCR whole boxes of scans and store them in the archive.
    Ingest(commands::ingest::IngestArgs),
    /// List the archived documents.
    List(commands::list::ListArgs),
    /// Show one document: metadata and page texts.
    #[command(disable_version_flag = true)]
    Show(commands::show::ShowArgs),
    /// Correct catalog fields; the change is stored as a new version (nothing is lost).
    Edit(commands::edit::EditArgs),
    /// List what needs a human look: low-confidence fields and pages, rule breaks, notes of
    /// the document splitter.
    Review(commands::review::ReviewArgs),
    /// The tamper-evident audit log: check its chain, or show its entries.
    #[command(subcommand)]
    Audit(commands::audit::AuditCommand),
    /// List the versions of a document's hồ sơ object: who, when, what changed.
    History(commands::history::HistoryArgs),
    /// Full-text search, with or without diacritics; "quoted phrases" work.
    Search(commands::search::SearchArgs),
    /// Re-hash every stored file and report missing, corrupted and unexpected files.
    ///
    /// Without options every object is checked and the whole storage root is walked for
    /// stray files. `--sample` and `--since` check fewer objects, each in full.
    Verify(commands::verify::VerifyArgs),
    /// Rebuild the search index from the stored objects.
    Reindex(commands::reindex::ReindexArgs),
    /// Show the OCR runtime: Tesseract version, models and their digests, OpenMP limit.
    Info(commands::info::InfoArgs),
    /// Write a stored file: the original scan of a document page, or its access PDF.
    Get(commands::get::GetArgs),
    /// Export a document, a hồ sơ or a whole box as a BagIt bag.
    Export(commands::export::ExportArgs),
    /// Open the reading room: search and read in a browser (accounts: `sohoa user`).
    Serve(commands::serve::ServeArgs),
    /// Manage the reading room's accounts.
    #[command(subcommand)]
    User(commands::user::UserCommand),
    /// Cluster mode: take hồ sơ jobs from the coordinator and ingest them (any number of
    /// workers, on any machine reaching the database and the archive).
    Worker(commands::worker::WorkerArgs),
    /// Cluster mode: build the search index from the coordinator's outbox of committed
    /// versions (one indexer).
    Indexer(commands::indexer::IndexerArgs),
    /// Manage the reading room's API tokens.
    #[command(subcommand)]
    Token(commands::token::TokenCommand),
    /// Reading requests and their grants: list, show, decide, route, revoke.
    #[command(subcommand)]
    Request(commands::request::RequestCommand),
}

impl Command {
    /// Whether the command may run Tesseract, and so OpenMP: ingest (also in the reading
    /// room's tasks and in a cluster worker), and `info`, which reports the OpenMP limit
    /// those run with. Only these re-execute to set `OMP_THREAD_LIMIT`: the re-execution is
    /// half of a start's time (about 30 of 60 ms), and the others never load a model.
    fn runs_ocr(&self) -> bool {
        matches!(
            self,
            Command::Ingest(_) | Command::Serve(_) | Command::Worker(_) | Command::Info(_)
        )
    }
}

/// What every command may need from where it runs.
#[derive(Debug, Clone)]
pub struct Context {
    /// Who acts when `--actor` is not given: the OS user.
    pub os_user: String,
    /// The account the operator acts as (`--user`, `SOHOA_USER`), if any.
    pub user: Option<String>,
    /// Whether stderr is a terminal (progress bars are drawn only there).
    pub stderr_is_terminal: bool,
    /// Whether stdout takes terminal styling (a terminal, and `NO_COLOR` unset).
    pub stdout_styled: bool,
}

impl Context {
    /// The context of this process.
    pub fn from_environment(user: Option<String>) -> Context {
        Context {
            os_user: os_user(),
            user,
            stderr_is_terminal: std::io::stderr().is_terminal(),
            stdout_styled: std::env::var_os("NO_COLOR").is_none()
                && std::io::stdout().is_terminal(),
        }
    }

    /// Who a command on the archive at `archive` acts for: the account `--user` names, else
    /// the uncleared local operator (`--actor`, else the OS user); `--clearance` only
    /// narrows an account's clearance (see [`crate::operator`]).
    pub fn principal(
        &self,
        archive: &Path,
        actor: Option<&str>,
        clearance: ClearanceArg,
    ) -> anyhow::Result<Principal> {
        Operator {
            user: self.user.as_deref(),
            actor,
            clearance: clearance.stated(),
            os_user: &self.os_user,
        }
        .principal(archive)
    }
}

/// `$USER`, else `$LOGNAME`, else `uid:N`.
#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
fn os_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        // SAFETY: getuid has no preconditions.
        .unwrap_or_else(|_| format!("uid:{}", unsafe { libc::getuid() }))
}

/// A request the command cannot carry out as asked (a malformed `--set`, a query that does
/// not parse): printed as `error: …` with exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Parses the command line, runs the command, and maps errors to exit codes.
pub fn run() -> ExitCode {
    // sohoa.toml (or SOHOA_CONFIG) gives the variables the commands read, before parsing.
    if let Err(e) = cluster::config::apply_file_to_env() {
        eprintln!("error: {e}");
        return ExitCode::from(EXIT_USAGE);
    }
    let cli = Cli::parse();
    if cli.command.runs_ocr() {
        crate::runtime::ensure_single_threaded_openmp();
    }
    init_logging(cli.verbose);
    match dispatch(cli.command, &Context::from_environment(cli.user)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", error_message(&e));
            if e.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// The error and its causes, each said once (pipeline errors already name their cause), and
/// what to do when the disk is full.
fn error_message(e: &anyhow::Error) -> String {
    let mut message = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !message.contains(&cause) {
            message.push_str(": ");
            message.push_str(&cause);
        }
    }
    let out_of_space = e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| {
            matches!(
                io.kind(),
                std::io::ErrorKind::StorageFull
                    | std::io::ErrorKind::FileTooLarge
                    | std::io::ErrorKind::QuotaExceeded
            )
        })
    });
    if out_of_space {
        message.push_str(
            "\n(no space to write: nothing stored was changed by the failed write; free space \
             and run the same command again to resume)",
        );
    }
    message
}

fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal())
        .with_target(false)
        .init();
}
