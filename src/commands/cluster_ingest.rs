//! `sohoa ingest BOX --cluster`: one job per hồ sơ enqueued in the coordinator, and their
//! progress until every job is finished.
//!
//! In: the archive, box directories (reachable by every worker), the ingest options. Out:
//! [`ClusterIngest`]: the batch, each job's state and page counts (document ids are not
//! listed: the reading paths show what the principal may see); exit code 3 when pages
//! failed or were withheld, or a job failed.

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Duration;

use cluster::coordinator::{discover_boxes, JobOptions, JobReport, JobState, Progress};
use cluster::Coordinator;
use pipeline::store::Archive;
use serde::Serialize;

use crate::progress::{Bar, ProgressUnit};

/// One job as `ingest --cluster` reports it.
#[derive(Debug, Serialize)]
pub struct JobLine {
    pub job: i64,
    #[serde(rename = "box")]
    pub box_name: String,
    pub hoso: String,
    pub state: JobState,
    pub attempts: i32,
    pub worker: Option<String>,
    pub pages_ok: u64,
    pub pages_failed: u64,
    pub pages_withheld: u64,
    pub documents: u64,
    /// Another run committed the hồ sơ while this one read it.
    pub superseded: bool,
    /// What the run warned of (a second copy of a scan, left to its first place, …).
    pub warnings: Vec<String>,
    pub error: Option<String>,
}

/// What `sohoa ingest --cluster` prints.
#[derive(Debug, Serialize)]
pub struct ClusterIngest {
    pub batch: String,
    /// Whether it waited for the jobs to finish (`--no-wait` not given).
    pub waited: bool,
    pub progress: Progress,
    /// Hồ sơ with a job queued or leased already (no second one made): `box/hồ sơ`.
    pub already_open: Vec<String>,
    pub pages_ok: u64,
    pub pages_failed: u64,
    pub pages_withheld: u64,
    pub documents: u64,
    pub jobs: Vec<JobLine>,
}

impl ClusterIngest {
    /// Pages failed or withheld, or a job failed.
    pub fn partial(&self) -> bool {
        self.pages_failed > 0 || self.pages_withheld > 0 || self.progress.failed > 0
    }

    pub fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let p = &self.progress;
        writeln!(
            out,
            "batch {}: {} hồ sơ jobs — {} done, {} failed, {} running, {} queued",
            self.batch,
            p.total(),
            p.done,
            p.failed,
            p.leased,
            p.queued
        )?;
        if self.waited {
            writeln!(
                out,
                "pages: {} stored, {} failed, {} withheld; {} documents",
                self.pages_ok, self.pages_failed, self.pages_withheld, self.documents
            )?;
        }
        for j in &self.jobs {
            if let Some(e) = &j.error {
                writeln!(out, "  FAILED {}/{}: {e}", j.box_name, j.hoso)?;
            } else if j.superseded {
                writeln!(
                    out,
                    "  {}/{}: committed by another run meanwhile (not stored twice)",
                    j.box_name, j.hoso
                )?;
            }
            for w in &j.warnings {
                writeln!(out, "  warning: {w}")?;
            }
        }
        for h in &self.already_open {
            writeln!(out, "  {h}: a job is already queued or running")?;
        }
        Ok(())
    }
}

/// Enqueues the boxes and, when `wait`, shows the jobs' progress until all are finished.
pub fn ingest(
    archive: &Archive,
    boxes: &[PathBuf],
    options: &JobOptions,
    wait: bool,
    visible: bool,
) -> anyhow::Result<ClusterIngest> {
    let coordinator = Coordinator::from_env()?;
    let found = discover_boxes(boxes)?;
    for (_, scan_box) in &found {
        for note in &scan_box.notes {
            tracing::warn!(box_name = %scan_box.name, path = %note.path, "skipped: {}", note.reason);
        }
    }
    let enqueued = coordinator.enqueue(archive, &found, options)?;
    tracing::info!(batch = %enqueued.batch, jobs = enqueued.jobs, "enqueued");
    let bar = Bar::new(visible, ProgressUnit::Jobs);
    let mut progress = coordinator.progress(Some(&enqueued.batch))?;
    while wait && progress.finished() < progress.total() {
        bar.show(
            progress.finished(),
            progress.total(),
            format!("{} running, {} failed", progress.leased, progress.failed),
        );
        std::thread::sleep(Duration::from_millis(300));
        progress = match coordinator.progress(Some(&enqueued.batch)) {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!("coordinator unreachable, still waiting: {e}");
                std::thread::sleep(Duration::from_secs(1));
                progress
            }
        };
    }
    pipeline::ingest::ProgressSink::finish(&bar);
    let jobs: Vec<JobLine> = coordinator
        .batch_jobs(&enqueued.batch)?
        .into_iter()
        .map(job_line)
        .collect();
    let sum = |f: fn(&JobLine) -> u64| jobs.iter().map(f).sum();
    Ok(ClusterIngest {
        batch: enqueued.batch,
        waited: wait,
        progress,
        already_open: enqueued
            .already_open
            .iter()
            .map(|(b, h)| format!("{b}/{h}"))
            .collect(),
        pages_ok: sum(|j| j.pages_ok),
        pages_failed: sum(|j| j.pages_failed),
        pages_withheld: sum(|j| j.pages_withheld),
        documents: sum(|j| j.documents),
        jobs,
    })
}

fn job_line(job: JobReport) -> JobLine {
    let outcome = job.outcome.unwrap_or_default();
    let count = |key: &str| {
        outcome
            .get(key)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    };
    JobLine {
        job: job.id,
        box_name: job.box_name,
        hoso: job.hoso,
        state: job.state,
        attempts: job.attempts,
        worker: job.worker,
        pages_ok: count("pages_ok"),
        pages_failed: count("pages_failed"),
        pages_withheld: count("pages_withheld"),
        documents: outcome
            .get("documents")
            .and_then(serde_json::Value::as_array)
            .map_or(0, |d| d.len() as u64),
        superseded: outcome
            .get("superseded")
            .and_then(serde_json::Value::as_array)
            .is_some_and(|s| !s.is_empty()),
        warnings: outcome
            .get("warnings")
            .and_then(serde_json::Value::as_array)
            .map(|w| {
                w.iter()
                    .filter_map(|w| w.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
        error: job.error,
    }
}
