//! `sohoa verify --cluster`: the objects of a verification checked by workers, as jobs.
//!
//! In: a [`Coordinator`], the object roots a run selected (storage keys). Out: a
//! [`JobChecker`], the `pipeline::verify::ObjectChecker` that enqueues one verify job per
//! [`OBJECTS_PER_JOB`] objects, waits while workers run them (each checks its objects in
//! full where it reads the storage: inventories against their sidecars, every content
//! file's digest, stray files inside them), shows their progress, and merges the reports
//! the jobs recorded as their outcome, in the order of the objects. The checks of the whole
//! archive (stray files outside objects, every head against the audit log, the chain, the
//! index) are the command's, once (`pipeline::verify::verify_by`); this adds the objects
//! whose stored head is not the one the coordinator's object table records, as warnings.

use std::collections::HashSet;
use std::time::Duration;

use pipeline::store::storage::Key;
use pipeline::store::Archive;
use pipeline::verify::{ObjectChecker, VerifyProgress, VerifyReport};

use crate::coordinator::JobState;
use crate::{Coordinator, Error};

/// Objects one verify job checks: small enough that the jobs of a sample spread over the
/// workers, large enough that a job's lease and ack cost little beside its hashing.
pub const OBJECTS_PER_JOB: usize = 8;

/// Checks objects through verify jobs; see the module doc.
#[derive(Debug)]
pub struct JobChecker<'a> {
    pub coordinator: &'a Coordinator,
    pub per_job: usize,
    /// How long to wait between two looks at the jobs' states.
    pub poll: Duration,
}

impl<'a> JobChecker<'a> {
    pub fn new(coordinator: &'a Coordinator) -> JobChecker<'a> {
        JobChecker {
            coordinator,
            per_job: OBJECTS_PER_JOB,
            poll: Duration::from_millis(300),
        }
    }

    /// Waits until every job of `batch` is finished, telling `progress` of each object
    /// whose job finished.
    fn wait(
        &self,
        batch: &str,
        jobs: &[(i64, usize)],
        progress: &dyn VerifyProgress,
    ) -> Result<(), Error> {
        let mut finished: HashSet<i64> = HashSet::new();
        loop {
            let states = match self.coordinator.job_states(batch) {
                Ok(states) => states,
                Err(e @ Error::Db(_)) => {
                    tracing::warn!("coordinator unreachable, still waiting: {e}");
                    std::thread::sleep(Duration::from_secs(1));
                    continue;
                }
                Err(e) => return Err(e),
            };
            for (id, objects) in jobs {
                let done = matches!(states.get(id), Some(JobState::Done | JobState::Failed));
                if done && finished.insert(*id) {
                    for _ in 0..*objects {
                        progress.object_done();
                    }
                }
            }
            if finished.len() == jobs.len() {
                return Ok(());
            }
            std::thread::sleep(self.poll);
        }
    }
}

impl ObjectChecker for JobChecker<'_> {
    fn check(
        &self,
        _archive: &Archive,
        roots: &[Key],
        progress: &dyn VerifyProgress,
    ) -> pipeline::Result<VerifyReport> {
        progress.objects(roots.len() as u64);
        let keys: Vec<String> = roots.iter().map(ToString::to_string).collect();
        let (batch, jobs) = self.coordinator.enqueue_verify(&keys, self.per_job)?;
        tracing::info!(%batch, jobs = jobs.len(), objects = keys.len(), "verify jobs enqueued");
        self.wait(&batch, &jobs, progress)?;
        progress.finish();
        let mut report = VerifyReport::default();
        for job in self.coordinator.batch_jobs(&batch)? {
            match (job.state, job.outcome) {
                (JobState::Done, Some(outcome)) => {
                    let checked: VerifyReport = serde_json::from_value(outcome).map_err(|e| {
                        pipeline::Error::Coordinator(format!(
                            "verify job {}: its recorded report cannot be read: {e}",
                            job.id
                        ))
                    })?;
                    report.add_checked(checked);
                }
                _ => {
                    return Err(pipeline::Error::Coordinator(format!(
                        "verify job {} (worker {}) failed: {}; nothing of this run is \
                         reported, run it again",
                        job.id,
                        job.worker.as_deref().unwrap_or("none"),
                        job.error.as_deref().unwrap_or("no report recorded")
                    )))
                }
            }
        }
        // The heads of the objects checked against the coordinator's object table.
        let ids: Vec<String> = report.objects.iter().map(|o| o.id.clone()).collect();
        let recorded = self.coordinator.recorded_heads(&ids)?;
        for o in &report.objects {
            let Some(Some(head)) = recorded.get(&o.id) else {
                continue;
            };
            if *head != o.head {
                let message = format!(
                    "ocfl/{}: object {} is at {}, but the coordinator's object table records \
                     {head} (a commit whose record was interrupted; the next change of the \
                     object records it)",
                    o.path.trim_start_matches("ocfl/"),
                    o.id,
                    o.head
                );
                report.warnings.push(message);
            }
        }
        Ok(report)
    }
}
