//! `sohoa get`: a stored file out of the archive — the original scan holding a document
//! page, or the document's access copy — re-hashed against its inventory while written.
//!
//! In: a document id, what to get, where to write it (`-` for stdout) and the clearance
//! stated. Out: the file written (to the path, or to stdout), and what was written: a line
//! on stderr (which page of a multi-page original was asked for) or `--json` on stdout.
//! `--json` with `-o -` is a usage error (exit 2).

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{ArgGroup, Args};
use pipeline::export::files::{Existing, StoredFile};
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, Context, Run};
use crate::cli::UsageError;
use crate::output::{CommandOutput, Format};

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
    #[command(flatten)]
    archive: ArchiveArg,
    #[command(flatten)]
    clearance: ClearanceArg,
    /// Describe what was written as JSON on stdout (not with `-o -`).
    #[arg(long)]
    json: bool,
}

/// What `sohoa get` says about the file it wrote.
#[derive(Debug, Serialize)]
pub struct GetOutput {
    /// The path written, or `stdout`.
    pub output: String,
    /// The hồ sơ object and version the file was read from, and its path there.
    pub object: String,
    pub version: String,
    pub logical_path: String,
    /// The file's SHA-256, checked against the inventory while it was written.
    pub sha256: String,
    pub bytes: u64,
    pub document: String,
    /// Which page of which scan file, for `--original`.
    #[serde(flatten)]
    pub original: Option<OriginalOutput>,
}

/// The page of `get --original` within its document, hồ sơ and scan file.
#[derive(Debug, Serialize)]
pub struct OriginalOutput {
    pub page: u32,
    pub hoso_page: u32,
    pub source_file: String,
    pub source_page: u32,
    pub file_pages: u32,
    /// The page was cut out of a scan shared with documents the reader may not see (a PNG).
    #[serde(skip)]
    pub cut: bool,
}

impl Run for GetArgs {
    type Output = GetOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<GetOutput> {
        let to_stdout = self.output.as_os_str() == "-";
        if to_stdout && self.json {
            return Err(UsageError(
                "--json cannot be used with `-o -` (stdout carries the file)".into(),
            )
            .into());
        }
        let archive = self.archive.open()?;
        if !to_stdout {
            pipeline::export::refuse_inside_archive(&archive.root, &self.output)?;
        }
        let who = ctx.principal(&archive.root, None, self.clearance)?;
        let reader = archive.reader(&who);
        let (file, original) = if self.original {
            let page = self.page.expect("clap requires --page with --original");
            let o = reader.original_page(&self.id, page)?;
            let cut = o.file.is_cut();
            let original = OriginalOutput {
                page: o.page,
                hoso_page: o.hoso_page,
                source_file: o.source_file,
                source_page: o.source_page,
                file_pages: o.file_pages,
                cut,
            };
            (o.file, Some(original))
        } else {
            (reader.access_copy(&self.id)?, None)
        };
        let bytes = if to_stdout {
            write_stdout(&file)?
        } else {
            let existing = if self.force {
                Existing::Replace
            } else {
                Existing::Refuse
            };
            file.save_as(&self.output, existing)
                .with_context(|| format!("cannot write {}", self.output.display()))?
        };
        Ok(GetOutput {
            output: if to_stdout {
                "stdout".to_string()
            } else {
                self.output.display().to_string()
            },
            object: file.object,
            version: file.version,
            logical_path: file.logical_path,
            sha256: file.sha256,
            bytes,
            document: self.id,
            original,
        })
    }
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

impl GetOutput {
    /// What was written, in words.
    fn description(&self) -> String {
        match &self.original {
            Some(o) if o.cut => format!(
                "page {} of document {} cut out of its scan {} as PNG",
                o.page, self.document, o.source_file
            ),
            Some(o) => {
                let within = if o.file_pages > 1 || o.source_page > 1 {
                    format!(
                        "; the page asked for is page {} of this {}-page file",
                        o.source_page, o.file_pages
                    )
                } else {
                    String::new()
                };
                format!(
                    "original {} (page {} of document {}){within}",
                    o.source_file, o.page, self.document
                )
            }
            None => format!(
                "access copy {} of document {}",
                self.logical_path, self.document
            ),
        }
    }
}

impl CommandOutput for GetOutput {
    const JSON_KEYS_SORTED: bool = true;

    /// Stdout is left to the file (`-o -`): the account goes to stderr.
    fn human(&self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn notes(&self, err: &mut dyn Write) -> io::Result<()> {
        writeln!(
            err,
            "wrote {} to {}: {} bytes, sha256 {} (verified against object {} {})",
            self.description(),
            self.output,
            self.bytes,
            self.sha256,
            self.object,
            self.version
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::assert_renderings;
    use crate::output::testing::{temp_dir, ulid};

    fn output(original: Option<OriginalOutput>) -> GetOutput {
        let dir = temp_dir();
        GetOutput {
            output: dir.path().join("p3.tif").display().to_string(),
            object: ulid(),
            version: "v1".into(),
            logical_path: match original {
                Some(_) => "originals/hs-01/scan-02.tif".into(),
                None => "access/H01.01.1997.03.0000001.pdf".into(),
            },
            sha256: "cc".repeat(32),
            bytes: 412_334,
            document: ulid(),
            original,
        }
    }

    #[test]
    fn renders_a_page_of_a_multi_page_original() {
        let out = output(Some(OriginalOutput {
            page: 3,
            hoso_page: 5,
            source_file: "hs-01/scan-02.tif".into(),
            source_page: 2,
            file_pages: 4,
            cut: false,
        }));
        assert_renderings!("get_original", out, {
            ".object" => "[ulid]",
            ".document" => "[ulid]",
            ".output" => "[tmp]/p3.tif",
        });
    }

    #[test]
    fn renders_a_page_cut_out_of_a_shared_scan() {
        let out = output(Some(OriginalOutput {
            page: 1,
            hoso_page: 2,
            source_file: "hs-01/shared.tif".into(),
            source_page: 1,
            file_pages: 1,
            cut: true,
        }));
        assert_renderings!("get_cut", out, {
            ".object" => "[ulid]",
            ".document" => "[ulid]",
            ".output" => "[tmp]/p3.tif",
        });
    }

    #[test]
    fn renders_an_access_copy() {
        let out = output(None);
        assert_renderings!("get_pdf", out, {
            ".object" => "[ulid]",
            ".document" => "[ulid]",
            ".output" => "[tmp]/p3.tif",
        });
    }
}
