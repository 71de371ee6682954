//! The reading room's ingest in cluster mode: the inbox box enqueued in the coordinator (one
//! job per hồ sơ, as `sohoa ingest --cluster` enqueues it), its jobs followed until the
//! workers have finished them, and their outcomes merged into one [`IngestSummary`] for the
//! task's report. The reading room itself stores nothing: the workers commit through the
//! coordinator, and its searches follow the indexer.
//!
//! In: the coordinator, the archive, the box directory, who asked, the task's progress. Out:
//! the summary (every job's pages and documents; a failed job, or a hồ sơ whose job was
//! already queued or running, as a warning naming it).

use std::path::Path;
use std::time::Duration;

use cluster::coordinator::{discover_boxes, JobOptions, JobReport, JobState};
use pipeline::ingest::{IngestSummary, ProgressSink};
use pipeline::store::Archive;

/// How often the jobs' states are read while the workers run them.
const POLL: Duration = Duration::from_secs(1);

/// Enqueues `box_dir` for the workers and waits until they have finished its jobs (with no
/// worker running, it waits: the task stays running); the merged summary.
pub fn ingest(
    coordinator: &cluster::Coordinator,
    archive: &Archive,
    box_dir: &Path,
    actor: &str,
    progress: &dyn ProgressSink,
) -> cluster::Result<IngestSummary> {
    let found = discover_boxes(&[box_dir.to_path_buf()])?;
    let options = JobOptions {
        languages: "vie".into(),
        approval: None,
        reocr: false,
        word_lists: true,
        deskew: pipeline::preprocess::PreprocessOptions::default().deskew,
        max_pages_per_file: pipeline::ingest::DEFAULT_MAX_PAGES_PER_FILE,
        codes: "tt05-2025".into(),
        actor: actor.to_string(),
    };
    let enqueued = coordinator.enqueue(archive, &found, &options)?;
    tracing::info!(batch = %enqueued.batch, jobs = enqueued.jobs, "box enqueued for the workers");
    loop {
        match coordinator.progress(Some(&enqueued.batch)) {
            Ok(p) if p.finished() >= p.total() => break,
            Ok(_) => {}
            Err(e) => tracing::warn!("coordinator unreachable, still waiting: {e}"),
        }
        std::thread::sleep(POLL);
    }
    let mut summary = merged(coordinator.batch_jobs(&enqueued.batch)?);
    for (box_name, hoso) in &enqueued.already_open {
        summary.warnings.push(format!(
            "{box_name}/{hoso}: hồ sơ đã có một lượt nhập đang chờ hoặc đang chạy, không xếp thêm"
        ));
    }
    progress.start(summary.pages_total);
    for _ in 0..summary.pages_total {
        progress.advance();
    }
    Ok(summary)
}

/// One summary of a batch's jobs: their counts added, their lists joined; a job that failed
/// (or whose outcome cannot be read) as a warning naming its hồ sơ.
fn merged(jobs: Vec<JobReport>) -> IngestSummary {
    let mut all = IngestSummary::default();
    for job in jobs {
        let hoso = format!("{}/{}", job.box_name, job.hoso);
        let outcome = job
            .outcome
            .filter(|_| job.state == JobState::Done)
            .map(serde_json::from_value::<IngestSummary>);
        let one = match outcome {
            Some(Ok(one)) => one,
            Some(Err(e)) => {
                all.warnings
                    .push(format!("{hoso}: không đọc được kết quả lượt nhập: {e}"));
                continue;
            }
            None => {
                let why = job.error.unwrap_or_default();
                all.warnings
                    .push(format!("{hoso}: lượt nhập của hồ sơ thất bại: {why}"));
                continue;
            }
        };
        all.add_run(one);
    }
    all
}
