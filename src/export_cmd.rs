//! `sohoa get` and `sohoa export`: stored files and BagIt bags out of the archive.
//!
//! In: the parsed arguments of the two commands. Out: the file or bag written, a one-line
//! account on stderr (which page of a multi-page original was asked for) or `--json` on
//! stdout, and the exit code (0, 1 fatal, 2 usage). The work is done by
//! `pipeline::export`; this module only wires it to the terminal.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{ArgGroup, Args};
use pipeline::export::bagit::Selection;
use pipeline::export::files::{Existing, StoredFile};
use pipeline::gate::Principal;
use pipeline::store::Archive;
use serde_json::json;

const EXIT_USAGE: u8 = 2;

/// `sohoa get`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["original", "pdf"])))]
pub struct GetArgs {
    /// Document id (from list or search).
    id: String,
    /// The original scan file holding page --page of the document, byte for byte.
    #[arg(long, requires = "page")]
    original: bool,
    /// Page number within the document (1-based).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    page: Option<u32>,
    /// The document's access copy (PDF).
    #[arg(long, conflicts_with = "page")]
    pdf: bool,
    /// Where to write the file; `-` for stdout. Never inside the archive; an existing file
    /// is left alone unless --force.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Replace the file at --output if there is one.
    #[arg(long)]
    force: bool,
    /// The archive directory.
    #[arg(long, env = "SOHOA_ARCHIVE", value_name = "DIR")]
    archive: PathBuf,
    #[command(flatten)]
    clearance: crate::cli::ClearanceArg,
    /// Describe what was written as JSON on stdout (not with `-o -`).
    #[arg(long)]
    json: bool,
}

/// `sohoa export`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("selection").required(true).args(["id", "box_name"])))]
pub struct ExportArgs {
    /// A document id or a hồ sơ object id.
    id: Option<String>,
    /// Export every hồ sơ object of this box (the box directory's name at ingest).
    #[arg(long = "box", value_name = "BOX_NAME")]
    box_name: Option<String>,
    /// Write a BagIt 1.0 bag to this directory (must not exist, or be empty; never inside
    /// the archive).
    #[arg(long, value_name = "OUT_DIR", required = true)]
    bagit: PathBuf,
    /// The archive directory.
    #[arg(long, env = "SOHOA_ARCHIVE", value_name = "DIR")]
    archive: PathBuf,
    /// Who makes the export, for the audit log [default: the OS user].
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
    #[command(flatten)]
    clearance: crate::cli::ClearanceArg,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

fn open_archive(dir: &Path) -> anyhow::Result<Archive> {
    Ok(Archive::open(dir)?)
}

/// Runs `sohoa get`.
pub fn get(args: GetArgs) -> anyhow::Result<ExitCode> {
    let to_stdout = args.output.as_os_str() == "-";
    if to_stdout && args.json {
        eprintln!("error: --json cannot be used with `-o -` (stdout carries the file)");
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let archive = open_archive(&args.archive)?;
    if !to_stdout {
        pipeline::export::refuse_inside_archive(&archive.root, &args.output)?;
    }
    let who = crate::cli::principal(None, args.clearance);
    let reader = archive.reader(&who);
    let (file, description, extra) = if args.original {
        let page = args.page.expect("clap requires --page with --original");
        let original = reader.original_page(&args.id, page)?;
        let within = if original.file_pages > 1 || original.source_page > 1 {
            format!(
                "; the page asked for is page {} of this {}-page file",
                original.source_page, original.file_pages
            )
        } else {
            String::new()
        };
        let description = if original.file.is_cut() {
            format!(
                "page {page} of document {} cut out of its scan {} as PNG",
                args.id, original.source_file
            )
        } else {
            format!(
                "original {} (page {page} of document {}){within}",
                original.source_file, args.id
            )
        };
        let extra = json!({
            "document": original.document,
            "page": original.page,
            "hoso_page": original.hoso_page,
            "source_file": original.source_file,
            "source_page": original.source_page,
            "file_pages": original.file_pages,
        });
        (original.file, description, extra)
    } else {
        let pdf = reader.access_copy(&args.id)?;
        let description = format!("access copy {} of document {}", pdf.logical_path, args.id);
        (pdf, description, json!({ "document": args.id }))
    };
    let size = if to_stdout {
        write_stdout(&file)?
    } else {
        let existing = if args.force {
            Existing::Replace
        } else {
            Existing::Refuse
        };
        file.save_as(&args.output, existing)
            .with_context(|| format!("cannot write {}", args.output.display()))?
    };
    let target = if to_stdout {
        "stdout".to_string()
    } else {
        args.output.display().to_string()
    };
    if args.json {
        let mut out = json!({
            "output": target,
            "object": file.object,
            "version": file.version,
            "logical_path": file.logical_path,
            "sha256": file.sha256,
            "bytes": size,
        });
        if let (Some(o), Some(e)) = (out.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        eprintln!(
            "wrote {description} to {target}: {size} bytes, sha256 {} (verified against object {} {})",
            file.sha256, file.object, file.version
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Stdout cannot be taken back: check the stored bytes first, then stream them (checked again).
fn write_stdout(file: &StoredFile) -> anyhow::Result<u64> {
    file.verify()?;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let size = file.write_to(&mut lock)?;
    lock.flush().context("writing stdout")?;
    Ok(size)
}

/// Runs `sohoa export`; `actor` is recorded in the audit log.
pub fn export(args: ExportArgs, actor: String) -> anyhow::Result<ExitCode> {
    let archive = open_archive(&args.archive)?;
    pipeline::export::refuse_inside_archive(&archive.root, &args.bagit)?;
    let selection = match (args.id, args.box_name) {
        (Some(id), None) => Selection::Id(id),
        (None, Some(name)) => Selection::Box(name),
        _ => unreachable!("clap requires exactly one of ID and --box"),
    };
    let who = Principal::local_operator(actor, args.clearance.level());
    let software_agent = format!("sohoa {}", env!("CARGO_PKG_VERSION"));
    let summary = archive
        .reader(&who)
        .export_bagit(&selection, &args.bagit, &software_agent)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        println!(
            "bag {}: {} hồ sơ object(s), {} files, {} ({})",
            summary.bag.display(),
            summary.objects.len(),
            summary.payload_files,
            summary.bag_size,
            summary.payload_oxum
        );
        for o in &summary.objects {
            println!(
                "  {} {}  {} / {}  {} document(s), {} files",
                o.id,
                o.version,
                o.box_name,
                o.hoso,
                o.documents.len(),
                o.files
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
