//! `sohoa worker`: takes jobs from the coordinator and runs today's pipeline on each hồ sơ,
//! or checks the stored objects of a verify job.
//!
//! In: a [`Coordinator`], the archive directory every worker shares and where its storage
//! root is (that directory's `ocfl/`, or S3), [`WorkerOptions`]. Out:
//! jobs leased, run (one hồ sơ each, in memory until its độ mật decision as in the embedded
//! ingest: a withheld page never reaches the database, the queue or the store), committed
//! through the store's storage trait under the job's fencing epoch, and acked with the run's
//! summary. A verify job's objects are checked in full (inventories, every content file's
//! digest, stray files inside them: `pipeline::verify::check_objects`) where the worker
//! reads the storage, and the job is acked with their report. A lease is renewed every third of its length while the job runs; a worker
//! killed mid-job leaves its lease to expire, and another worker re-runs the job. When the
//! database cannot be reached the worker takes no job and retries with backoff, saying so
//! on stderr; a job whose commit could not reach the database is not acked and is re-run
//! after its lease expires. When the object store cannot be reached (its client's own
//! retries ran out), the job goes back to the queue untried and the worker waits, with a
//! growing backoff, before it takes a job again, saying so on stderr.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use pipeline::clearance::Clearance;
use pipeline::gate::Principal;
use pipeline::ingest::{ClusterJob, IngestOptions, NoProgress};
use pipeline::preprocess::PreprocessOptions;
use pipeline::store::storage::Key;
use pipeline::store::{Archive, StorageLocation};
use pipeline::verify::VerifyReport;

use crate::coordinator::{Job, JobState, Work};
use crate::{Coordinator, Error, Result};

/// How a worker runs.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// The worker's name (in the job table; its staging directory).
    pub name: String,
    /// OCR threads of one job.
    pub threads: usize,
    /// Stop once no job is queued or leased (else wait for more).
    pub until_idle: bool,
    /// How long to wait between polls of an empty queue.
    pub poll: Duration,
}

/// What a worker did before it stopped.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct WorkerReport {
    pub jobs_done: u64,
    pub jobs_failed: u64,
    /// Jobs whose lease was lost before they were acked (re-run elsewhere).
    pub jobs_abandoned: u64,
    pub pages: u64,
    /// Objects checked in full by verify jobs.
    pub objects_verified: u64,
}

/// The longest wait between two tries to reach the database.
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// The first and the longest wait before taking a job again after the object store could
/// not be reached (each failure doubles it; a job done resets it).
const STORAGE_BACKOFF: Duration = Duration::from_secs(1);
const MAX_STORAGE_BACKOFF: Duration = Duration::from_secs(60);

/// Runs the worker loop until idle (with `until_idle`) or forever.
pub fn run(
    coordinator: &Coordinator,
    archive_dir: &std::path::Path,
    location: &StorageLocation,
    options: &WorkerOptions,
) -> Result<WorkerReport> {
    let archive = Archive::open_for_worker(
        archive_dir,
        location,
        &options.name,
        Arc::new(coordinator.audit_lock()),
    )?;
    let mut report = WorkerReport::default();
    let mut backoff = Duration::from_millis(200);
    let mut storage_backoff = STORAGE_BACKOFF;
    loop {
        let claimed = coordinator.claim(&options.name);
        let job = match claimed {
            Ok(Some(job)) => {
                backoff = Duration::from_millis(200);
                job
            }
            Ok(None) => {
                // A database gone meanwhile is not idleness: the next claim says so.
                let idle = || {
                    coordinator
                        .progress(None)
                        .is_ok_and(|open| open.queued + open.leased == 0)
                };
                if options.until_idle && idle() {
                    return Ok(report);
                }
                std::thread::sleep(options.poll);
                continue;
            }
            Err(e @ (Error::Db(_) | Error::Config(_))) => {
                tracing::warn!(
                    "coordinator unreachable, no job taken; retrying in {backoff:?}: {e}"
                );
                std::thread::sleep(backoff);
                backoff = (backoff * 2).min(MAX_BACKOFF);
                continue;
            }
            Err(e) => return Err(e),
        };
        tracing::info!(job = job.id, epoch = job.epoch, what = %job.what(), "job leased");
        let outcome = with_renewals(coordinator, &job, || {
            run_job(coordinator, &archive, &job, options)
        });
        match outcome {
            Ok(done) => {
                storage_backoff = STORAGE_BACKOFF;
                let value = match done {
                    Done::Ingest(summary) => {
                        report.pages += summary.pages_total;
                        serde_json::to_value(&summary).expect("summary serialises")
                    }
                    Done::Verify(checked) => {
                        report.objects_verified += checked.objects_checked;
                        serde_json::to_value(&checked).expect("report serialises")
                    }
                };
                ack(
                    coordinator,
                    &job,
                    JobState::Done,
                    Some(&value),
                    None,
                    &mut report,
                );
            }
            Err(pipeline::Error::StorageUnreachable(message)) => {
                let released = coordinator.release(&job).unwrap_or(false);
                tracing::warn!(
                    job = job.id,
                    what = %job.what(),
                    "object store unreachable; job {} to the queue, no job taken for \
                     {storage_backoff:?}: {message}",
                    if released { "given back" } else { "left" }
                );
                report.jobs_abandoned += 1;
                std::thread::sleep(storage_backoff);
                storage_backoff = (storage_backoff * 2).min(MAX_STORAGE_BACKOFF);
            }
            Err(pipeline::Error::Coordinator(message)) => {
                // The lease is lost or the database unreachable: not acked; the job is
                // re-run after its lease expires.
                tracing::warn!(job = job.id, "job abandoned: {message}");
                report.jobs_abandoned += 1;
            }
            Err(e) => {
                tracing::error!(job = job.id, what = %job.what(), "job failed: {e}");
                ack(
                    coordinator,
                    &job,
                    JobState::Failed,
                    None,
                    Some(&e.to_string()),
                    &mut report,
                );
            }
        }
    }
}

/// Records a job's end, retrying while the database cannot be reached (the lease may
/// expire meanwhile: then the job is re-run elsewhere and this ack is refused).
fn ack(
    coordinator: &Coordinator,
    job: &Job,
    state: JobState,
    outcome: Option<&serde_json::Value>,
    error: Option<&str>,
    report: &mut WorkerReport,
) {
    let deadline = Instant::now() + coordinator.config().lease;
    let mut backoff = Duration::from_millis(200);
    loop {
        match coordinator.finish(job, state, outcome, error) {
            Ok(true) => {
                match state {
                    JobState::Failed => report.jobs_failed += 1,
                    _ => report.jobs_done += 1,
                }
                tracing::info!(job = job.id, ?state, "job acked");
                return;
            }
            Ok(false) => {
                tracing::warn!(
                    job = job.id,
                    "lease lost before the ack; the job's new lease records it"
                );
                report.jobs_abandoned += 1;
                return;
            }
            Err(e) if Instant::now() < deadline => {
                tracing::warn!(job = job.id, "cannot ack yet, retrying in {backoff:?}: {e}");
                std::thread::sleep(backoff);
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
            Err(e) => {
                tracing::warn!(job = job.id, "ack given up (lease over): {e}");
                report.jobs_abandoned += 1;
                return;
            }
        }
    }
}

/// Runs `work` while a thread renews the job's lease every third of its length.
fn with_renewals<T>(coordinator: &Coordinator, job: &Job, work: impl FnOnce() -> T) -> T {
    let done = AtomicBool::new(false);
    let every = coordinator.config().lease / 3;
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut last = Instant::now();
            while !done.load(Ordering::Acquire) {
                std::thread::sleep(Duration::from_millis(50).min(every));
                if last.elapsed() < every {
                    continue;
                }
                last = Instant::now();
                match coordinator.renew(job) {
                    Ok(true) => {}
                    Ok(false) => {
                        // The commit's fence refuses this run; nothing to do here.
                        tracing::warn!(job = job.id, "lease lost to another worker");
                    }
                    Err(e) => tracing::warn!(job = job.id, "lease not renewed: {e}"),
                }
            }
        });
        let out = work();
        done.store(true, Ordering::Release);
        out
    })
}

/// What a job ended with.
enum Done {
    Ingest(pipeline::ingest::IngestSummary),
    /// The report of the objects checked (no checks of the whole archive: the command that
    /// enqueued the jobs makes those once).
    Verify(VerifyReport),
}

/// Runs the job: the pipeline on its hồ sơ, or the full check of its objects.
fn run_job(
    coordinator: &Coordinator,
    archive: &Archive,
    job: &Job,
    options: &WorkerOptions,
) -> pipeline::Result<Done> {
    let work = match &job.work {
        Work::Ingest(work) => work,
        Work::Verify(work) => {
            let roots = work
                .objects
                .iter()
                .map(|k| Key::new(k.as_str()))
                .collect::<pipeline::Result<Vec<_>>>()?;
            let checked =
                pipeline::verify::check_objects(archive, &roots, &pipeline::verify::NoProgress)?;
            return Ok(Done::Verify(checked));
        }
    };
    let o = &work.options;
    let codes = match o.codes.as_str() {
        "tt02-2019" => archive_schema::CodeSets::tt02_2019(),
        _ => archive_schema::CodeSets::tt05_2025(),
    };
    let ingest = IngestOptions {
        jobs: options.threads.max(1),
        languages: o.languages.clone(),
        actor: o.actor.clone(),
        preprocess: PreprocessOptions {
            deskew: o.deskew,
            ..Default::default()
        },
        word_lists: o.word_lists,
        reocr: o.reocr,
        approval: o.approval.clone(),
        codes,
        max_pages_per_file: o.max_pages_per_file,
        cluster: Some(ClusterJob {
            hoso: work.hoso.clone(),
            object_id: work.object_id.clone(),
            fence: Arc::new(coordinator.fence(job)),
            elsewhere: work.elsewhere.clone(),
        }),
    };
    let who = Principal::local_operator(o.actor.clone(), Clearance::Public);
    archive
        .writer(&who)
        .ingest(std::slice::from_ref(&work.box_path), &ingest, &NoProgress)
        .map(Done::Ingest)
}
