//! Argument parsing (clap derive) and the commands' output.
//!
//! In: the command line. Out: each command's result printed as readable text or `--json`,
//! and its exit code. All work is done by the `pipeline` crate; this module only wires it
//! to the terminal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pipeline::gate::{AuditFilter, Principal};
use pipeline::ingest::{IngestOptions, ProgressSink};
use pipeline::preprocess::PreprocessOptions;
use pipeline::store::Archive;
use serde_json::json;

pub(crate) const EXIT_USAGE: u8 = 2;
const EXIT_PARTIAL: u8 = 3;
const EXIT_DAMAGE: u8 = 4;

/// Digitise boxes of scanned Vietnamese Party records into a searchable, verifiable archive.
#[derive(Debug, Parser)]
#[command(name = "sohoa", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// More log output on stderr (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
}

/// `--clearance mat|toi-mat`: the clearance the operator states (a stand-in until accounts
/// exist).
#[derive(Debug, Args, Clone, Copy)]
pub(crate) struct ClearanceArg {
    /// Also documents needing this clearance: `mat` (chế độ sử dụng Mật, độ mật Mật) or
    /// `toi-mat` (also độ mật Tối mật). A stand-in until users and roles exist.
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
    pub(crate) fn level(self) -> pipeline::clearance::Clearance {
        match self.clearance {
            Some(ClearanceLevel::Mat) => pipeline::clearance::Clearance::Mat,
            Some(ClearanceLevel::ToiMat) => pipeline::clearance::Clearance::ToiMat,
            None => pipeline::clearance::Clearance::Public,
        }
    }
}

/// Who the command acts for: the operator at this host (`--actor`, else the OS user) with
/// the clearance they state.
pub(crate) fn principal(actor: Option<String>, clearance: ClearanceArg) -> Principal {
    Principal::local_operator(actor_name(actor), clearance.level())
}

/// `--codes`: the coded value sets (and mandatory fields) records are checked against.
#[derive(Debug, Args, Clone, Copy)]
pub(crate) struct CodesArg {
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
    pub(crate) fn sets(self) -> &'static archive_schema::CodeSets {
        match self.codes {
            CodesChoice::Tt05_2025 => archive_schema::CodeSets::tt05_2025(),
            CodesChoice::Tt02_2019 => archive_schema::CodeSets::tt02_2019(),
        }
    }
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Check every entry's hash and link; exit 4 when the log was edited, cut or reordered.
    Verify {
        #[command(flatten)]
        archive: ArchiveArg,
        /// A chain head recorded earlier (printed by `verify`): also prove the log extends it.
        #[arg(long, value_name = "HASH")]
        head: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show the entries: who did what, when, to which object.
    Log {
        #[command(flatten)]
        archive: ArchiveArg,
        /// Only entries about this hồ sơ object (or document id's object).
        #[arg(long, value_name = "ID")]
        object: Option<String>,
        /// Only this action (`ingest`, `edit`, `verify`, `withhold`, `export` …).
        #[arg(long, value_name = "ACTION")]
        action: Option<String>,
        /// Only the last N entries.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Also entries about documents with chế độ sử dụng Mật, and approval references
        /// (without it, they are left out).
        #[command(flatten)]
        clearance: ClearanceArg,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SortChoice {
    /// Best match first.
    Relevance,
    /// Oldest first.
    Date,
    /// Newest first.
    DateDesc,
}

#[derive(Debug, Args)]
pub(crate) struct ArchiveArg {
    /// The archive directory.
    #[arg(long, env = "SOHOA_ARCHIVE", value_name = "DIR")]
    pub(crate) archive: PathBuf,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// OCR whole boxes of scans and store them in the archive.
    Ingest {
        /// Box directories (each subdirectory holding scans is one hồ sơ).
        #[arg(required = true, value_name = "BOX_DIR")]
        boxes: Vec<PathBuf>,
        #[command(flatten)]
        archive: ArchiveArg,
        /// Worker threads, one Tesseract engine each [default: number of CPUs].
        #[arg(long, short = 'j', value_name = "N")]
        jobs: Option<usize>,
        /// Tesseract models, `+`-joined (see ocr-models/manifest.json).
        #[arg(long, default_value = "vie", value_name = "LANGS")]
        lang: String,
        /// Who runs the ingest, for the audit log [default: the OS user].
        #[arg(long, value_name = "NAME")]
        actor: Option<String>,
        /// Do not straighten skewed pages.
        #[arg(long)]
        no_deskew: bool,
        /// Do not give Tesseract the domain word lists of ocr-models/.
        #[arg(long)]
        no_word_lists: bool,
        /// Read every page again, even those already stored (a hồ sơ whose text changes gets
        /// a new version; the old one stays).
        #[arg(long)]
        reocr: bool,
        /// Approval reference covering every MẬT / TỐI MẬT (or unreadable-header) document of
        /// this run; without it, only those a box's approvals.json covers are archived.
        /// TUYỆT MẬT documents are never archived.
        #[arg(long, value_name = "REF")]
        approval: Option<String>,
        /// Also list the documents admitted with chế độ sử dụng Mật in the summary (the
        /// report under ARCHIVE/reports/ always names them).
        #[command(flatten)]
        clearance: ClearanceArg,
        #[command(flatten)]
        codes: CodesArg,
        /// The most pages one scan file may hold; a file with more is a failure naming it
        /// (a few kilobytes of PDF can declare thousands of pages, each to be read and stored).
        #[arg(long, value_name = "N", default_value_t = pipeline::ingest::DEFAULT_MAX_PAGES_PER_FILE,
              value_parser = clap::value_parser!(u32).range(1..))]
        max_pages_per_file: u32,
        /// Hide the progress bar.
        #[arg(long)]
        no_progress: bool,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the archived documents.
    List {
        #[command(flatten)]
        archive: ArchiveArg,
        #[command(flatten)]
        clearance: ClearanceArg,
        #[arg(long)]
        json: bool,
    },
    /// Show one document: metadata and page texts.
    #[command(disable_version_flag = true)]
    Show {
        /// Document id (from list or search).
        id: String,
        #[command(flatten)]
        archive: ArchiveArg,
        /// Show the document as it was in this version of its hồ sơ object (see `history`).
        #[arg(long = "version", id = "at_version", value_name = "vN")]
        at_version: Option<String>,
        #[command(flatten)]
        clearance: ClearanceArg,
        #[arg(long)]
        json: bool,
    },
    /// Correct catalog fields; the change is stored as a new version (nothing is lost).
    Edit {
        /// Document id (tài liệu record keys) or hồ sơ object id (hồ sơ record keys).
        id: String,
        /// A field to set, by its record key (e.g. `trich_yeu=…`, `ngay_ban_hanh=1997-03-12`);
        /// an empty value clears it. Repeatable.
        #[arg(
            long = "set",
            value_name = "KEY=VALUE",
            required_unless_present = "reviewed"
        )]
        set: Vec<String>,
        /// Accept the document as it is: its remaining low-confidence values, pages and
        /// notes leave the review queue (`sohoa review`).
        #[arg(long)]
        reviewed: bool,
        #[command(flatten)]
        codes: CodesArg,
        #[command(flatten)]
        archive: ArchiveArg,
        /// Who makes the correction, for the version and the audit log [default: the OS user].
        #[arg(long, value_name = "NAME")]
        actor: Option<String>,
        /// Why: required to change chế độ sử dụng or độ mật; recorded with the change.
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
        /// The clearance to correct documents needing one (and to change chế độ sử dụng or
        /// độ mật: it must cover the value before and after).
        #[command(flatten)]
        clearance: ClearanceArg,
        #[arg(long)]
        json: bool,
    },
    /// List what needs a human look: low-confidence fields and pages, rule breaks, notes of
    /// the document splitter.
    Review {
        #[command(flatten)]
        archive: ArchiveArg,
        #[command(flatten)]
        clearance: ClearanceArg,
        #[command(flatten)]
        codes: CodesArg,
        /// Show at most this many items.
        #[arg(long)]
        limit: Option<usize>,
        #[arg(long)]
        json: bool,
    },
    /// The tamper-evident audit log: check its chain, or show its entries.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// List the versions of a document's hồ sơ object: who, when, what changed.
    History {
        /// Document id or hồ sơ object id.
        id: String,
        #[command(flatten)]
        archive: ArchiveArg,
        #[command(flatten)]
        clearance: ClearanceArg,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search, with or without diacritics; "quoted phrases" work.
    Search {
        query: String,
        #[command(flatten)]
        archive: ArchiveArg,
        /// At most this many hits.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Skip this many hits first (paging).
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// Only this tên loại (`"Nghị quyết"`, `nghi quyet` or `NQ`).
        #[arg(long = "type", value_name = "TYPE")]
        doc_type: Option<String>,
        /// Only documents whose issuing body has these words (diacritics optional).
        #[arg(long, value_name = "WORDS")]
        issuer: Option<String>,
        /// Only documents issued on or after this date (YYYY-MM-DD or a year).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Only documents issued on or before this date (YYYY-MM-DD or a year).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Only this hồ sơ (its folder, as `list` shows it).
        #[arg(long, value_name = "HOSO")]
        hoso: Option<String>,
        /// Only this phông (fonds) code, the second part of the mã hồ sơ.
        #[arg(long, value_name = "CODE")]
        fonds: Option<String>,
        /// Order of the hits.
        #[arg(long, value_enum, default_value = "relevance")]
        sort: SortChoice,
        #[command(flatten)]
        clearance: ClearanceArg,
        #[arg(long)]
        json: bool,
    },
    /// Re-hash every stored file and report missing, corrupted and unexpected files.
    ///
    /// Without options every object is checked and the whole storage root is walked for
    /// stray files. `--sample` and `--since` check fewer objects, each in full.
    Verify {
        #[command(flatten)]
        archive: ArchiveArg,
        /// Check only the N objects verified longest ago (never-verified objects first).
        #[arg(long, value_name = "N", conflicts_with = "since")]
        sample: Option<usize>,
        /// Check only objects changed (a version written) on or after DATE
        /// (`2026-11-01` or `2026-11-01T08:00:00+07:00`).
        #[arg(long, value_name = "DATE", value_parser = parse_since)]
        since: Option<chrono::DateTime<chrono::FixedOffset>>,
        /// Who runs the verification, for the audit log [default: the OS user].
        #[arg(long, value_name = "NAME")]
        actor: Option<String>,
        /// Hide the progress bar.
        #[arg(long)]
        no_progress: bool,
        #[arg(long)]
        json: bool,
    },
    /// Rebuild the search index from the stored objects.
    Reindex {
        #[command(flatten)]
        archive: ArchiveArg,
    },
    /// Show the OCR runtime: Tesseract version, models and their digests, OpenMP limit.
    Info {
        #[arg(long)]
        json: bool,
    },
    /// Write a stored file: the original scan of a document page, or its access PDF.
    Get(crate::export_cmd::GetArgs),
    /// Export a document, a hồ sơ or a whole box as a BagIt bag.
    Export(crate::export_cmd::ExportArgs),
    /// Open the reading room: search and read in a browser (accounts: `sohoa user`).
    Serve(crate::room_cmd::ServeArgs),
    /// Manage the reading room's accounts.
    #[command(subcommand)]
    User(crate::room_cmd::UserCommand),
    /// Manage API tokens of the reading room.
    #[command(subcommand)]
    Token(crate::room_cmd::TokenCommand),
}

/// Parses the command line, runs the command, and maps errors to exit codes.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    match dispatch(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", error_message(&e));
            ExitCode::FAILURE
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

pub(crate) fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

pub(crate) fn actor_name(actor: Option<String>) -> String {
    actor
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        // SAFETY: getuid has no preconditions.
        .unwrap_or_else(|| format!("uid:{}", unsafe { libc::getuid() }))
}

pub(crate) fn open_archive(dir: &Path) -> anyhow::Result<Archive> {
    Ok(Archive::open(dir)?)
}

fn dispatch(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Ingest {
            boxes,
            archive,
            jobs,
            lang,
            actor,
            no_deskew,
            no_word_lists,
            reocr,
            approval,
            clearance,
            codes,
            max_pages_per_file,
            no_progress,
            json,
        } => {
            for b in &boxes {
                if !b.is_dir() {
                    bail!(
                        "{}: not a directory (a box is a directory of scans)",
                        b.display()
                    );
                }
            }
            let archive = Archive::open_or_create(&archive.archive)
                .with_context(|| format!("cannot open archive {}", archive.archive.display()))?;
            let options = IngestOptions {
                jobs: jobs
                    .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
                    .max(1),
                languages: lang,
                actor: String::new(),
                preprocess: PreprocessOptions {
                    deskew: !no_deskew,
                    ..Default::default()
                },
                word_lists: !no_word_lists,
                reocr,
                approval,
                codes: codes.sets(),
                max_pages_per_file,
            };
            let progress = Bar::new(
                !no_progress && std::io::stderr().is_terminal(),
                ProgressUnit::Pages,
            );
            let who = principal(actor, clearance);
            let mut summary = archive.writer(&who).ingest(&boxes, &options, &progress)?;
            archive.reader(&who).hide_from_summary(&mut summary)?;
            if json {
                print_json(&summary)?;
            } else {
                println!(
                    "{} pages: {} stored ({} recognised, {} already done), {} failed, {} withheld",
                    summary.pages_total,
                    summary.pages_ok,
                    summary.pages_recognised,
                    summary.pages_reused,
                    summary.pages_failed,
                    summary.pages_withheld
                );
                println!(
                    "hồ sơ objects: {} new, {} new version, {} unchanged; {} documents",
                    summary.objects_created,
                    summary.objects_updated,
                    summary.objects_unchanged,
                    summary.documents.len()
                );
                for f in &summary.failures {
                    let page = f
                        .source_page
                        .map(|p| format!(" page {p}"))
                        .unwrap_or_default();
                    println!(
                        "  FAILED {}/{}{}: {}",
                        f.box_name, f.source_file, page, f.error
                    );
                }
                if summary.documents_to_review > 0 {
                    println!(
                        "  {} documents need review: `sohoa review` lists what to check",
                        summary.documents_to_review
                    );
                }
                for w in &summary.withheld {
                    println!(
                        "  WITHHELD {}/{} page {}: {}",
                        w.box_name, w.source_file, w.source_page, w.reason
                    );
                }
                for w in &summary.warnings {
                    println!("  warning: {w}");
                }
                println!("report: {}", summary.report);
            }
            Ok(if summary.pages_failed > 0 || summary.pages_withheld > 0 {
                ExitCode::from(EXIT_PARTIAL)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::List {
            archive,
            clearance,
            json,
        } => {
            let archive = open_archive(&archive.archive)?;
            let who = principal(None, clearance);
            let documents = archive.reader(&who).documents()?;
            if json {
                print_json(&json!({ "documents": documents }))?;
            } else {
                for d in &documents {
                    println!("{}  {:>3} p.  {}  {}", d.id, d.page_count, d.hoso, d.title);
                }
                eprintln!("{} documents", documents.len());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Edit {
            id,
            set,
            reviewed,
            codes,
            archive,
            actor,
            reason,
            clearance,
            json,
        } => crate::versions_cmd::edit(
            &archive.archive,
            &id,
            &set,
            reviewed,
            reason.as_deref(),
            codes.sets(),
            &principal(actor, clearance),
            json,
        ),
        Command::Review {
            archive,
            clearance,
            codes,
            limit,
            json,
        } => {
            let archive = open_archive(&archive.archive)?;
            let who = principal(None, clearance);
            let items = archive.reader(&who).review_queue(codes.sets())?;
            let shown: Vec<_> = items.iter().take(limit.unwrap_or(usize::MAX)).collect();
            if json {
                print_json(&json!({"total": items.len(), "items": shown}))?;
            } else {
                let mut last = None;
                for item in &shown {
                    if last != Some(&item.id) {
                        println!(
                            "{}  {}  ({}/{})",
                            item.id, item.title, item.box_name, item.hoso
                        );
                        last = Some(&item.id);
                    }
                    let field = item
                        .field
                        .as_deref()
                        .map(|f| format!("{f}: "))
                        .unwrap_or_default();
                    let value = item
                        .value
                        .as_ref()
                        .map(|v| format!("{v} — "))
                        .unwrap_or_default();
                    let page = item
                        .page
                        .map(|p| format!(" [page {p}]"))
                        .unwrap_or_default();
                    println!("  {field}{value}{}{page}", item.reason);
                }
                println!(
                    "{} items to review{}; correct with `sohoa edit ID --set KEY=VALUE`, \
                     accept with `sohoa edit ID --reviewed`",
                    items.len(),
                    if shown.len() < items.len() {
                        format!(" ({} shown)", shown.len())
                    } else {
                        String::new()
                    }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Audit { command } => audit_command(command),
        Command::History {
            id,
            archive,
            clearance,
            json,
        } => crate::versions_cmd::history(&archive.archive, &id, &principal(None, clearance), json),
        Command::Show {
            id,
            archive,
            at_version,
            clearance,
            json,
        } => {
            let archive = open_archive(&archive.archive)?;
            let who = principal(None, clearance);
            let out = archive.reader(&who).show(&id, at_version.as_deref())?;
            if json {
                print_json(&out)?;
            } else {
                println!("{}", out.title);
                println!(
                    "id {}  hồ sơ {} (box {})  object {} {}",
                    out.id, out.hoso, out.box_name, out.object, out.version
                );
                for (value, label) in [
                    (&out.doc_type, "type"),
                    (&out.symbol, "số ký hiệu"),
                    (&out.date, "date"),
                    (&out.issuer, "issuer"),
                ] {
                    if !value.is_empty() {
                        println!("{label}: {value}");
                    }
                }
                for p in &out.pages {
                    println!(
                        "\n--- page {} ({} page {}, confidence {:.0}) ---",
                        p.number, p.source_file, p.source_page, p.confidence
                    );
                    println!("{}", p.text);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            query,
            archive,
            limit,
            offset,
            doc_type,
            issuer,
            from,
            to,
            hoso,
            fonds,
            sort,
            clearance,
            json,
        } => {
            let archive = open_archive(&archive.archive)?;
            let index = pipeline::catalog::open_index_read_only(&archive)?;
            let options = pipeline::index::SearchOptions {
                limit,
                offset,
                sort: match sort {
                    SortChoice::Relevance => pipeline::index::SortOrder::Relevance,
                    SortChoice::Date => pipeline::index::SortOrder::Date,
                    SortChoice::DateDesc => pipeline::index::SortOrder::DateDescending,
                },
                clearance: pipeline::clearance::Clearance::Public,
                doc_type,
                issuer,
                from,
                to,
                hoso,
                fonds,
            };
            let who = principal(None, clearance);
            let results = match archive.reader(&who).search(&index, &query, &options) {
                Ok(r) => r,
                Err(e @ pipeline::Error::Query { .. }) => {
                    eprintln!("error: {e}");
                    return Ok(ExitCode::from(2));
                }
                Err(e) => return Err(e.into()),
            };
            if json {
                print_json(&results)?;
            } else {
                println!("{} documents match", results.total);
                for h in &results.hits {
                    let pages: Vec<String> = h.pages.iter().map(u32::to_string).collect();
                    println!("\n{}  (score {:.2})", h.title, h.score);
                    println!(
                        "  {} | {} | {} | {}",
                        h.doc_type, h.symbol, h.date, h.issuer
                    );
                    println!("  id {}  pages {}", h.id, pages.join(", "));
                    println!("  … {} …", terminal_snippet(&h.snippet));
                }
                let facet_line = |name: &str, counts: &[pipeline::index::FacetCount]| {
                    if !counts.is_empty() {
                        let shown: Vec<String> = counts
                            .iter()
                            .take(8)
                            .map(|c| format!("{} ({})", c.value, c.count))
                            .collect();
                        println!("  {name}: {}", shown.join(" · "));
                    }
                };
                if results.total > 0 {
                    println!("\nby");
                    facet_line("type", &results.facets.doc_type);
                    facet_line("year", &results.facets.year);
                    facet_line("issuer", &results.facets.issuer);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Verify {
            archive,
            sample,
            since,
            actor,
            no_progress,
            json,
        } => {
            let archive = open_archive(&archive.archive)?;
            let scope = match (sample, since) {
                (Some(n), _) => pipeline::verify::Scope::Sample(n),
                (None, Some(t)) => pipeline::verify::Scope::ChangedSince(t),
                (None, None) => pipeline::verify::Scope::All,
            };
            let progress = Bar::new(
                !no_progress && std::io::stderr().is_terminal(),
                ProgressUnit::Bytes,
            );
            let who = principal(actor, ClearanceArg { clearance: None });
            let report = archive.writer(&who).verify(&scope, &progress)?;
            if json {
                print_json(&report)?;
            } else {
                println!(
                    "{}: {} of {} objects ({}), {} files, {} bytes checked",
                    if report.ok { "OK" } else { "DAMAGED" },
                    report.objects_checked,
                    report.objects_in_archive,
                    report.scope,
                    report.files_checked,
                    report.bytes_checked
                );
                for m in &report.missing {
                    println!("  missing     {m}");
                }
                for c in &report.corrupted {
                    println!(
                        "  corrupted   {} (expected sha256 {}, found {})",
                        c.path, c.expected, c.actual
                    );
                }
                for u in &report.unexpected {
                    println!("  unexpected  {u}");
                }
                for m in &report.audit_mismatches {
                    println!("  audit log   {}", m.message);
                }
                for m in &report.index_mismatches {
                    println!("  index       {}", m.message);
                }
                for w in &report.warnings {
                    println!("  warning     {w}");
                }
                for o in &report.objects {
                    println!(
                        "  object {} {} ({} versions, {} content files): {}",
                        o.id,
                        o.head,
                        o.versions,
                        o.files_checked,
                        if o.ok { "intact" } else { "DAMAGED" }
                    );
                }
                println!(
                    "audit chain head: {} ({})",
                    report.audit_head,
                    if report.audit_chain_ok {
                        "chain intact"
                    } else {
                        "CHAIN BROKEN"
                    }
                );
            }
            Ok(if report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(EXIT_DAMAGE)
            })
        }
        Command::Reindex { archive } => {
            let archive = open_archive(&archive.archive)?;
            let who = principal(None, ClearanceArg { clearance: None });
            let n = archive.writer(&who).reindex()?;
            println!("{n} documents indexed");
            Ok(ExitCode::SUCCESS)
        }
        Command::Info { json } => {
            let tessdata = pipeline::ocr::models::tessdata_dir()?;
            let mut models = Vec::new();
            for lang in [
                "vie",
                "Vietnamese",
                "osd",
                pipeline::ocr::models::SYMBOL_MODEL,
            ] {
                match pipeline::ocr::models::ModelSet::load(&tessdata, lang) {
                    Ok(set) => models.extend(set.models),
                    Err(e) => tracing::warn!("{e}"),
                }
            }
            let info = json!({
                "tesseract": pipeline::ocr::tesseract::version(),
                "tessdata": tessdata,
                "models": models,
                "omp_thread_limit": crate::runtime::openmp_thread_limit(),
                "omp_thread_limit_env": std::env::var("OMP_THREAD_LIMIT").ok(),
            });
            if json {
                print_json(&info)?;
            } else {
                println!("tesseract {}", info["tesseract"].as_str().unwrap_or(""));
                println!("tessdata  {}", tessdata.display());
                for m in &models {
                    println!(
                        "model     {:<12} sha256 {}{}",
                        m.name,
                        m.sha256,
                        if m.matches_manifest {
                            ""
                        } else {
                            "  (differs from ocr-models/manifest.json)"
                        }
                    );
                }
                println!("OpenMP thread limit: {}", info["omp_thread_limit"]);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Get(args) => crate::export_cmd::get(args),
        Command::Serve(args) => crate::room_cmd::serve(&args),
        Command::User(command) => crate::room_cmd::user(command),
        Command::Token(command) => crate::room_cmd::token(command),
        Command::Export(mut args) => {
            let actor = actor_name(args.actor.take());
            crate::export_cmd::export(args, actor)
        }
    }
}

/// `sohoa audit verify` and `sohoa audit log`.
fn audit_command(command: AuditCommand) -> anyhow::Result<ExitCode> {
    match command {
        AuditCommand::Verify {
            archive,
            head,
            json,
        } => {
            let archive = open_archive(&archive.archive)?;
            let check = archive.audit().check(head.as_deref())?;
            if json {
                print_json(&check)?;
            } else {
                for p in &check.problems {
                    println!("BROKEN  {p}");
                }
                if let Some(extends) = check.extends_head {
                    println!(
                        "recorded head {}: {}",
                        head.as_deref().unwrap_or_default(),
                        if extends {
                            "still in the log"
                        } else {
                            "NOT in the log"
                        }
                    );
                }
                println!(
                    "{} entries; chain {}; head {}",
                    check.entries,
                    if check.ok { "intact" } else { "BROKEN" },
                    check.head
                );
            }
            Ok(if check.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(4)
            })
        }
        AuditCommand::Log {
            archive,
            object,
            action,
            limit,
            clearance,
            json,
        } => {
            let archive = open_archive(&archive.archive)?;
            let who = principal(None, clearance);
            let shown = archive.reader(&who).audit_log(&AuditFilter {
                object,
                action,
                limit,
                ..AuditFilter::default()
            })?;
            if json {
                print_json(&json!({ "entries": shown }))?;
            } else {
                for e in shown {
                    println!(
                        "{:>5}  {}  {:<10} {:<12} {}  {}",
                        e.seq,
                        e.time,
                        e.actor,
                        e.action,
                        e.object.as_deref().unwrap_or("-"),
                        e.detail
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A search snippet for the terminal: one line, HTML entities undone, the highlighted
/// words in bold (or between «» with NO_COLOR or when stdout is not a terminal).
fn terminal_snippet(snippet: &str) -> String {
    let styled = std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal();
    let (open, close) = if styled {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    snippet
        .replace('\n', " ")
        .replace("<b>", open)
        .replace("</b>", close)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// What a progress bar counts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ProgressUnit {
    Pages,
    Bytes,
}

/// An indicatif progress bar on stderr (hidden when not a terminal or with --no-progress).
struct Bar {
    bar: ProgressBar,
}

impl Bar {
    fn new(visible: bool, unit: ProgressUnit) -> Bar {
        let bar = ProgressBar::with_draw_target(
            Some(0),
            if visible {
                ProgressDrawTarget::stderr()
            } else {
                ProgressDrawTarget::hidden()
            },
        );
        let bar_style = if std::env::var_os("NO_COLOR").is_some() {
            "{bar:40}"
        } else {
            "{bar:40.cyan/blue}"
        };
        let counts = match unit {
            ProgressUnit::Pages => "{pos}/{len} pages  {per_sec}",
            ProgressUnit::Bytes => "{bytes}/{total_bytes}  {bytes_per_sec}",
        };
        let template = format!("{{elapsed_precise}} [{bar_style}] {counts}  ETA {{eta}}");
        bar.set_style(
            ProgressStyle::with_template(&template)
                .expect("valid template")
                .progress_chars("=> "),
        );
        Bar { bar }
    }
}

impl pipeline::verify::VerifyProgress for Bar {
    fn start(&self, bytes: u64) {
        self.bar.set_length(bytes);
    }
    fn advance(&self, bytes: u64) {
        self.bar.inc(bytes);
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// `--since`: a date (midnight UTC) or an RFC 3339 time.
fn parse_since(value: &str) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(value) {
        return Ok(t);
    }
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(|d| d.and_time(chrono::NaiveTime::MIN).and_utc().fixed_offset())
        .map_err(|_| format!("`{value}` is not a date (YYYY-MM-DD) or an RFC 3339 time"))
}

impl ProgressSink for Bar {
    fn start(&self, pages: u64) {
        self.bar.set_length(pages);
    }
    fn advance(&self) {
        self.bar.inc(1);
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
