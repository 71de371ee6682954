//! `sohoa ingest`: OCR whole boxes of scans and store them in the archive.
//!
//! In: box directories and the ingest options. Out: the run's summary (pages stored, failed
//! and withheld, hồ sơ objects written, documents), as the principal may see it; exit code 3
//! when pages failed or were withheld.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{bail, Context as _};
use clap::Args;
use pipeline::ingest::{IngestOptions, IngestSummary};
use pipeline::preprocess::PreprocessOptions;
use pipeline::store::Archive;
use serde::Serialize;

use super::{ArchiveArg, ClearanceArg, CodesArg, Context, Run};
use crate::output::{CommandOutput, Format};
use crate::progress::{Bar, ProgressUnit};

/// Exit code of an ingest that left pages out (failed or withheld).
const EXIT_PARTIAL: u8 = 3;

/// `sohoa ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
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
    /// Who runs the ingest, for the audit log, when
    /// no account acts (without --user) [default: the OS user].
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
    /// Cluster mode: enqueue one job per hồ sơ in the coordinator (its database URL from
    /// the environment or sohoa.toml) for `sohoa worker` processes, and show the jobs' progress until all are
    /// finished. The box paths must be reachable by every worker (a shared path).
    #[arg(long)]
    cluster: bool,
    /// With --cluster: enqueue and return at once.
    #[arg(long, requires = "cluster")]
    no_wait: bool,
}

/// What `sohoa ingest` prints: the run's summary, or in cluster mode the jobs'.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum IngestOutput {
    Embedded(IngestSummary),
    Cluster(super::cluster_ingest::ClusterIngest),
}

impl Run for IngestArgs {
    type Output = IngestOutput;

    fn format(&self) -> Format {
        Format::json_if(self.json)
    }

    fn run(self, ctx: &Context) -> anyhow::Result<IngestOutput> {
        for b in &self.boxes {
            if !b.is_dir() {
                bail!(
                    "{}: not a directory (a box is a directory of scans)",
                    b.display()
                );
            }
        }
        // A coordinator configured means the archive is a cluster's: its hồ sơ go in as jobs,
        // committed under the coordinator's locks, never by one process on its own.
        if !self.cluster && cluster::Config::from_env()?.is_some() {
            return Err(crate::cli::UsageError(
                "a coordinator is configured (SOHOA_DATABASE_URL or sohoa.toml): ingest with \
                 --cluster, whose jobs the workers take; for an embedded archive, unset it"
                    .into(),
            )
            .into());
        }
        // Who acts is settled before anything is created.
        let who = ctx.principal(&self.archive.archive, self.actor.as_deref(), self.clearance)?;
        let location = crate::storage_env::storage_location()?;
        let archive = Archive::open_or_create_on(&self.archive.archive, &location)
            .with_context(|| format!("cannot open archive {}", self.archive.archive.display()))?;
        if self.cluster {
            let options = cluster::coordinator::JobOptions {
                languages: self.lang,
                approval: self.approval,
                reocr: self.reocr,
                word_lists: !self.no_word_lists,
                deskew: !self.no_deskew,
                max_pages_per_file: self.max_pages_per_file,
                codes: self.codes.name().to_string(),
                actor: who.actor().to_string(),
            };
            let visible = !self.no_progress && ctx.stderr_is_terminal;
            return super::cluster_ingest::ingest(
                &archive,
                &self.boxes,
                &options,
                !self.no_wait,
                visible,
            )
            .map(IngestOutput::Cluster);
        }
        let options = IngestOptions {
            jobs: self
                .jobs
                .unwrap_or_else(|| {
                    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
                })
                .max(1),
            languages: self.lang,
            actor: String::new(),
            preprocess: PreprocessOptions {
                deskew: !self.no_deskew,
                ..Default::default()
            },
            word_lists: !self.no_word_lists,
            reocr: self.reocr,
            approval: self.approval,
            codes: self.codes.sets(),
            max_pages_per_file: self.max_pages_per_file,
            cluster: None,
        };
        let progress = Bar::new(
            !self.no_progress && ctx.stderr_is_terminal,
            ProgressUnit::Pages,
        );
        let mut summary = archive
            .writer(&who)
            .ingest(&self.boxes, &options, &progress)?;
        archive.reader(&who).hide_from_summary(&mut summary)?;
        Ok(IngestOutput::Embedded(summary))
    }
}

impl CommandOutput for IngestOutput {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let summary = match self {
            IngestOutput::Embedded(summary) => summary,
            IngestOutput::Cluster(cluster) => return cluster.human(out),
        };
        writeln!(
            out,
            "{} pages: {} stored ({} recognised, {} already done), {} failed, {} withheld",
            summary.pages_total,
            summary.pages_ok,
            summary.pages_recognised,
            summary.pages_reused,
            summary.pages_failed,
            summary.pages_withheld
        )?;
        writeln!(
            out,
            "hồ sơ objects: {} new, {} new version, {} unchanged; {} documents",
            summary.objects_created,
            summary.objects_updated,
            summary.objects_unchanged,
            summary.documents.len()
        )?;
        for f in &summary.failures {
            let page = f
                .source_page
                .map(|p| format!(" page {p}"))
                .unwrap_or_default();
            writeln!(
                out,
                "  FAILED {}/{}{}: {}",
                f.box_name, f.source_file, page, f.error
            )?;
        }
        if summary.documents_to_review > 0 {
            writeln!(
                out,
                "  {} documents need review: `sohoa review` lists what to check",
                summary.documents_to_review
            )?;
        }
        for w in &summary.withheld {
            writeln!(
                out,
                "  WITHHELD {}/{} page {}: {}",
                w.box_name, w.source_file, w.source_page, w.reason
            )?;
        }
        for w in &summary.warnings {
            writeln!(out, "  warning: {w}")?;
        }
        writeln!(out, "report: {}", summary.report)
    }

    fn exit_code(&self) -> u8 {
        let partial = match self {
            IngestOutput::Embedded(s) => s.pages_failed > 0 || s.pages_withheld > 0,
            IngestOutput::Cluster(c) => c.partial(),
        };
        if partial {
            EXIT_PARTIAL
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use pipeline::ingest::{PageFailure, WithheldPage};

    use super::*;
    use crate::output::assert_renderings;
    use crate::output::testing::ulid;

    fn summary(failed: bool) -> IngestSummary {
        IngestSummary {
            pages_total: 12,
            pages_ok: if failed { 9 } else { 12 },
            pages_failed: u64::from(failed),
            pages_withheld: if failed { 2 } else { 0 },
            documents: vec![ulid(), ulid(), ulid()],
            failures: if failed {
                vec![PageFailure {
                    box_name: "hop-017".into(),
                    source_file: "hs-01/scan-03.tif".into(),
                    source_page: Some(2),
                    error: "TIFF strip 4 is truncated".into(),
                }]
            } else {
                Vec::new()
            },
            withheld: if failed {
                vec![WithheldPage {
                    box_name: "hop-017".into(),
                    hoso: "hs-02".into(),
                    source_file: "hs-02/mat.pdf".into(),
                    source_page: 1,
                    reason: "độ mật MẬT read in the header area, no approval".into(),
                }]
            } else {
                Vec::new()
            },
            report: "/archive/reports/ingest-20261203T180000Z.json".into(),
            objects_created: 2,
            objects_updated: u64::from(failed),
            objects_unchanged: 0,
            pages_recognised: 10,
            pages_reused: 2,
            documents_to_review: 1,
            warnings: vec!["hs-03/ghost.tif: a second spelling of hs-03/ghost.tif".into()],
            superseded: Vec::new(),
            cpu_seconds: pipeline::stages::StageCpu {
                hashing: 0.5,
                decode: 2.0,
                preprocess: 1.5,
                ocr: 80.0,
                second_readings: 4.0,
                catalog: 0.25,
                pdf: 3.0,
                store: 0.5,
                index: 0.25,
                other: 1.0,
                process: 93.0,
            },
        }
    }

    #[test]
    fn renders_a_partial_ingest() {
        let output = IngestOutput::Embedded(summary(true));
        assert_eq!(output.exit_code(), EXIT_PARTIAL);
        assert_renderings!("ingest_partial", output, {
            ".documents[]" => "[ulid]",
        });
    }

    #[test]
    fn renders_a_complete_ingest() {
        let output = IngestOutput::Embedded(summary(false));
        assert_eq!(output.exit_code(), 0);
        assert_renderings!("ingest_complete", output, {
            ".documents[]" => "[ulid]",
        });
    }
}
