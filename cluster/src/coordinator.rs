//! The coordinator: jobs, leases with fencing epochs, the object table and its locks, the
//! audit chain head and the outbox, in PostgreSQL.
//!
//! In: a database URL. Out: [`Coordinator`] (enqueue, claim, renew, finish, progress, the
//! outbox), [`JobFence`] (the pipeline's `CommitFence`: a commit runs holding the job's and
//! the object's row locks, only under the epoch that leased the job, and records the head
//! and the outbox row in the same transaction) and [`AuditHeadLock`] (the audit log's
//! `AppendLock`: appends from every machine serialised by the `audit_head` row lock, which
//! then holds the chain's last sequence number and hash), and [`ObjectLock`] (the store's
//! `ObjectFence`: a change outside jobs — an edit, a correction of the split — committed
//! holding the object's row lock, its head and an outbox row recorded with it).
//!
//! Every connection is made on first use and dropped after any database error, so that the
//! next call reconnects: a worker outlives a restart of PostgreSQL.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use pipeline::ingest::{CommitFence, FencedCommit};
use pipeline::store::audit::{AppendLock, AuditEntry};
use pipeline::store::{Archive, ObjectFence, ObjectHead, ObjectPlace};
use serde::{Deserialize, Serialize};

use crate::{originals, Config, Error, Result};

/// The options of an ingest, as a job carries them to the worker that runs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobOptions {
    pub languages: String,
    pub approval: Option<String>,
    pub reocr: bool,
    pub word_lists: bool,
    pub deskew: bool,
    pub max_pages_per_file: u32,
    /// `tt05-2025` or `tt02-2019`.
    pub codes: String,
    /// Who asked for the ingest (recorded in versions and the audit log).
    pub actor: String,
}

/// A job as leased by a worker.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: i64,
    /// The fencing epoch of this lease.
    pub epoch: i64,
    pub work: Work,
}

/// What a job does.
#[derive(Debug, Clone)]
pub enum Work {
    /// Ingest one hồ sơ into its object.
    Ingest(Box<IngestWork>),
    /// Check stored objects in full (`sohoa verify --cluster`).
    Verify(VerifyWork),
}

/// An ingest job's hồ sơ and options.
#[derive(Debug, Clone)]
pub struct IngestWork {
    pub box_path: PathBuf,
    pub box_name: String,
    pub hoso: String,
    pub object_id: String,
    pub options: JobOptions,
    /// Content of the hồ sơ stored, or coming first, elsewhere: digest → place (decided at
    /// enqueue; empty for a job enqueued before schema 4).
    pub elsewhere: HashMap<String, String>,
}

/// A verify job's objects: the storage keys of their roots (what its `options` hold).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyWork {
    pub objects: Vec<String>,
}

impl Job {
    /// What the job does, for logs: `hồ sơ BOX/HOSO` or `verify of N objects`.
    pub fn what(&self) -> String {
        match &self.work {
            Work::Ingest(w) => format!("hồ sơ {}/{}", w.box_name, w.hoso),
            Work::Verify(w) => format!("verify of {} objects", w.objects.len()),
        }
    }
}

/// The kind of a job, as the `jobs` table's `kind` column holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JobKind {
    Ingest,
    Verify,
}

impl JobKind {
    fn parse(s: &str) -> Result<JobKind> {
        Ok(match s {
            "ingest" => JobKind::Ingest,
            "verify" => JobKind::Verify,
            other => return Err(Error::Schema(format!("unknown job kind {other:?}"))),
        })
    }
}

/// The state of a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    Queued,
    Leased,
    Done,
    Failed,
}

impl JobState {
    fn parse(s: &str) -> Result<JobState> {
        Ok(match s {
            "queued" => JobState::Queued,
            "leased" => JobState::Leased,
            "done" => JobState::Done,
            "failed" => JobState::Failed,
            other => return Err(Error::Schema(format!("unknown job state {other:?}"))),
        })
    }

    fn sql(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Leased => "leased",
            JobState::Done => "done",
            JobState::Failed => "failed",
        }
    }
}

/// One job of a batch as the enqueuing command reports it.
#[derive(Debug, Clone, Serialize)]
pub struct JobReport {
    pub id: i64,
    #[serde(rename = "box")]
    pub box_name: String,
    pub hoso: String,
    pub object: String,
    pub state: JobState,
    pub attempts: i32,
    pub worker: Option<String>,
    /// The worker's outcome (the run's summary), once done.
    pub outcome: Option<serde_json::Value>,
    pub error: Option<String>,
}

/// How many jobs of a batch are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub queued: u64,
    pub leased: u64,
    pub done: u64,
    pub failed: u64,
}

impl Progress {
    pub fn total(&self) -> u64 {
        self.queued + self.leased + self.done + self.failed
    }
    pub fn finished(&self) -> u64 {
        self.done + self.failed
    }
}

/// What [`Coordinator::enqueue`] did.
#[derive(Debug, Clone, Serialize)]
pub struct Enqueued {
    pub batch: String,
    /// Jobs made now.
    pub jobs: u64,
    /// Hồ sơ left alone because a job for them is queued or leased already: (box, hồ sơ).
    pub already_open: Vec<(String, String)>,
}

/// A committed version waiting for the indexer.
#[derive(Debug, Clone)]
pub struct OutboxRow {
    pub id: i64,
    pub object_id: String,
    pub version: String,
    pub documents: Vec<String>,
    pub removed: Vec<String>,
}

/// One connection, made on first use and dropped after an error.
pub struct Db {
    url: String,
    client: Mutex<Option<postgres::Client>>,
}

impl std::fmt::Debug for Db {
    // The URL may hold a password: not shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").finish_non_exhaustive()
    }
}

impl Db {
    pub fn new(url: &str) -> Db {
        Db {
            url: url.to_string(),
            client: Mutex::new(None),
        }
    }

    /// Runs `f` on the connection (made now if needed); an error drops the connection.
    pub fn with<T>(&self, f: impl FnOnce(&mut postgres::Client) -> Result<T>) -> Result<T> {
        let mut guard = self
            .client
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if guard.as_ref().is_none_or(postgres::Client::is_closed) {
            *guard = Some(connect(&self.url)?);
        }
        let result = f(guard.as_mut().expect("connected above"));
        if result.is_err() {
            *guard = None;
        }
        result
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        let client = self
            .client
            .get_mut()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        if let Some(client) = client {
            close_apart(client);
        }
    }
}

/// Closes `client` on a thread of its own: the blocking client closes through a runtime it
/// runs, which may not start on a thread inside another runtime (the reading room drops its
/// archive's and its accounts' connections inside its own).
pub fn close_apart(client: postgres::Client) {
    std::thread::scope(|s| {
        s.spawn(move || drop(client));
    });
}

/// Connects to `url` (a `postgresql://` URL or `key=value` pairs), with a 5 s connect
/// timeout unless the URL sets one.
pub fn connect(url: &str) -> Result<postgres::Client> {
    let mut config: postgres::Config = url
        .parse()
        .map_err(|e| Error::Config(format!("database URL: {e}")))?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(5));
    }
    if config.get_application_name().is_none() {
        config.application_name("sohoa");
    }
    Ok(config.connect(postgres::NoTls)?)
}

/// The coordinator, for one process.
#[derive(Debug)]
pub struct Coordinator {
    config: Config,
    db: Db,
}

impl Coordinator {
    /// Connects and brings the schema up to date.
    pub fn connect(config: &Config) -> Result<Coordinator> {
        let db = Db::new(&config.database_url);
        db.with(|c| crate::migrate::migrate(c).map(drop))?;
        Ok(Coordinator {
            config: config.clone(),
            db,
        })
    }

    /// Connects to the coordinator the environment (or `sohoa.toml`) names.
    pub fn from_env() -> Result<Coordinator> {
        Coordinator::connect(&Config::required()?)
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Enqueues one job per hồ sơ of each box (box directories as every worker reaches
    /// them). A hồ sơ keeps the object it has (the object table's, else the store's —
    /// an archive ingested before in embedded mode —, else a new id). A hồ sơ with a job
    /// queued or leased already gets no second one. Every scan is hashed first: a content
    /// stored already, claimed by an open job or met earlier in the batch is left to that
    /// place (the job's `elsewhere`), as the embedded ingest stores a scan once
    /// ([`crate::originals`]); batches are decided one at a time (the enqueue lock).
    pub fn enqueue(
        &self,
        archive: &Archive,
        boxes: &[(PathBuf, pipeline::discover::ScanBox)],
        options: &JobOptions,
    ) -> Result<Enqueued> {
        let batch = ulid::Ulid::new().to_string();
        let options_json = serde_json::to_value(options).expect("options serialise");
        let scan_boxes: Vec<&pipeline::discover::ScanBox> = boxes.iter().map(|(_, b)| b).collect();
        let surveyed = originals::survey(&scan_boxes, options.max_pages_per_file);
        self.db.with(|c| {
            let mut tx = c.transaction()?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&ENQUEUE_LOCK])?;
            // Open jobs' claims before the stored originals: a job that finishes in between
            // recorded its originals in its commit, before it finished, so the table read
            // next holds what it claimed.
            let open: Vec<serde_json::Value> = tx
                .query(
                    "SELECT claims FROM jobs WHERE state IN ('queued', 'leased')
                       AND claims IS NOT NULL ORDER BY id",
                    &[],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
            record_store_originals(&mut tx, archive, boxes)?;
            let digests: Vec<&str> = surveyed
                .iter()
                .flat_map(|h| h.files.iter().map(|(_, digest)| digest.as_str()))
                .collect();
            let mut known: HashMap<String, String> = HashMap::new();
            for row in tx.query(
                "SELECT sha256, place FROM originals WHERE sha256 = ANY($1)
                 ORDER BY object_id, place",
                &[&digests],
            )? {
                known.entry(row.get(0)).or_insert_with(|| row.get(1));
            }
            for claims in &open {
                for (digest, place) in claims.as_object().into_iter().flatten() {
                    if let Some(place) = place.as_str() {
                        known
                            .entry(digest.clone())
                            .or_insert_with(|| place.to_string());
                    }
                }
            }
            let mut enqueued = Enqueued {
                batch: batch.clone(),
                jobs: 0,
                already_open: Vec::new(),
            };
            for (((path, _), hoso), surveyed) in boxes
                .iter()
                .flat_map(|b| b.1.hoso.iter().map(move |h| (b, h)))
                .zip(&surveyed)
            {
                let key = (surveyed.box_name.clone(), hoso.path.clone());
                let decided = originals::decide(&mut known, surveyed);
                let known_object: Option<String> = tx
                    .query_opt(
                        "SELECT object_id FROM objects WHERE box_name = $1 AND hoso = $2",
                        &[&key.0, &key.1],
                    )?
                    .map(|r| r.get(0));
                if known_object.is_none() {
                    // A new hồ sơ (the store's were recorded above).
                    let id = ulid::Ulid::new().to_string();
                    tx.execute(
                        "INSERT INTO objects (object_id, box_name, hoso)
                         VALUES ($1, $2, $3) ON CONFLICT (box_name, hoso) DO NOTHING",
                        &[&id, &key.0, &key.1],
                    )?;
                }
                let made = tx.execute(
                    "INSERT INTO jobs (batch, box_path, box_name, hoso, object_id, options,
                                       claims, elsewhere)
                     SELECT $1, $2, o.box_name, o.hoso, o.object_id, $5, $6, $7
                     FROM objects o
                     WHERE o.box_name = $3 AND o.hoso = $4
                       AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.object_id = o.object_id
                                       AND j.state IN ('queued', 'leased'))",
                    &[
                        &batch,
                        &path.display().to_string(),
                        &key.0,
                        &key.1,
                        &options_json,
                        &serde_json::json!(decided.claims),
                        &serde_json::json!(decided.elsewhere),
                    ],
                )?;
                if made == 1 {
                    enqueued.jobs += 1;
                } else {
                    enqueued.already_open.push(key);
                }
            }
            tx.commit()?;
            Ok(enqueued)
        })
    }

    /// Leases the oldest job that is queued or whose lease expired, for `worker`; the
    /// job's epoch moves on, so a commit of an earlier lease is refused.
    pub fn claim(&self, worker: &str) -> Result<Option<Job>> {
        let lease = self.config.lease.as_secs_f64();
        let row = self.db.with(|c| {
            // A job whose every lease so far ended with its worker gone (a page that kills
            // the process, say) is not leased again forever.
            c.execute(
                "UPDATE jobs SET state = 'failed', finished_at = now(), lease_until = NULL,
                        error = 'its worker stopped during each of ' || attempts || ' runs'
                 WHERE state = 'leased' AND lease_until < now() AND attempts >= $1",
                &[&MAX_ATTEMPTS],
            )?;
            Ok(c.query_opt(
                "UPDATE jobs SET state = 'leased', epoch = epoch + 1, worker = $1,
                        lease_until = now() + make_interval(secs => $2),
                        attempts = attempts + 1
                 WHERE id = (SELECT id FROM jobs
                             WHERE state = 'queued' OR (state = 'leased' AND lease_until < now())
                             ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                 RETURNING id, epoch, kind::text, box_path, box_name, hoso, object_id, options,
                           elsewhere",
                &[&worker, &lease],
            )?)
        })?;
        let Some(row) = row else { return Ok(None) };
        let options: serde_json::Value = row.get(7);
        let schema = |e: serde_json::Error| Error::Schema(format!("job options: {e}"));
        let work = match JobKind::parse(row.get(2))? {
            JobKind::Ingest => {
                let text = |i: usize| -> Result<String> {
                    row.get::<_, Option<String>>(i)
                        .ok_or_else(|| Error::Schema("an ingest job without its hồ sơ".into()))
                };
                Work::Ingest(Box::new(IngestWork {
                    box_path: PathBuf::from(text(3)?),
                    box_name: text(4)?,
                    hoso: text(5)?,
                    object_id: text(6)?,
                    options: serde_json::from_value(options).map_err(schema)?,
                    elsewhere: row
                        .get::<_, Option<serde_json::Value>>(8)
                        .map(serde_json::from_value)
                        .transpose()
                        .map_err(schema)?
                        .unwrap_or_default(),
                }))
            }
            JobKind::Verify => Work::Verify(serde_json::from_value(options).map_err(schema)?),
        };
        Ok(Some(Job {
            id: row.get(0),
            epoch: row.get(1),
            work,
        }))
    }

    /// Enqueues verify jobs for the objects at `roots` (storage keys), `per_job` objects
    /// each, in one batch; the batch and each job's (id, number of objects), in order.
    pub fn enqueue_verify(
        &self,
        roots: &[String],
        per_job: usize,
    ) -> Result<(String, Vec<(i64, usize)>)> {
        let batch = ulid::Ulid::new().to_string();
        let mut jobs = Vec::new();
        self.db.with(|c| {
            let mut tx = c.transaction()?;
            for chunk in roots.chunks(per_job.max(1)) {
                let work = serde_json::to_value(VerifyWork {
                    objects: chunk.to_vec(),
                })
                .expect("verify work serialises");
                let id: i64 = tx
                    .query_one(
                        "INSERT INTO jobs (batch, kind, options) VALUES ($1, 'verify', $2)
                         RETURNING id",
                        &[&batch, &work],
                    )?
                    .get(0);
                jobs.push((id, chunk.len()));
            }
            tx.commit()?;
            Ok(())
        })?;
        Ok((batch, jobs))
    }

    /// The head version the object table records for each of `ids` it holds (`None`:
    /// none recorded yet).
    pub fn recorded_heads(&self, ids: &[String]) -> Result<HashMap<String, Option<String>>> {
        let rows = self.db.with(|c| {
            Ok(c.query(
                "SELECT object_id, head_version FROM objects WHERE object_id = ANY($1)",
                &[&ids],
            )?)
        })?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// The state of each job of `batch`, by id.
    pub fn job_states(&self, batch: &str) -> Result<HashMap<i64, JobState>> {
        let rows = self.db.with(|c| {
            Ok(c.query(
                "SELECT id, state::text FROM jobs WHERE batch = $1",
                &[&batch],
            )?)
        })?;
        rows.iter()
            .map(|r| Ok((r.get(0), JobState::parse(r.get(1))?)))
            .collect()
    }

    /// Extends the lease of `job`; `false` when it is no longer this lease's (another
    /// worker took the job over, or it was finished).
    pub fn renew(&self, job: &Job) -> Result<bool> {
        let lease = self.config.lease.as_secs_f64();
        self.db.with(|c| {
            Ok(c.execute(
                "UPDATE jobs SET lease_until = now() + make_interval(secs => $3)
                 WHERE id = $1 AND epoch = $2 AND state = 'leased'",
                &[&job.id, &job.epoch, &lease],
            )? == 1)
        })
    }

    /// Records the outcome of `job` (done or failed) and ends its lease; `false` when the
    /// lease was no longer this one's (nothing recorded).
    pub fn finish(
        &self,
        job: &Job,
        state: JobState,
        outcome: Option<&serde_json::Value>,
        error: Option<&str>,
    ) -> Result<bool> {
        let state = state.sql();
        self.db.with(|c| {
            Ok(c.execute(
                "UPDATE jobs SET state = $3::text::job_state, outcome = $4, error = $5,
                        finished_at = now(), lease_until = NULL
                 WHERE id = $1 AND epoch = $2 AND state = 'leased'",
                &[&job.id, &job.epoch, &state, &outcome, &error],
            )? == 1)
        })
    }

    /// Gives `job` back to the queue untried (its run could not finish for a reason outside
    /// the hồ sơ, e.g. the object store unreachable): queued again at once, its attempt not
    /// counted; `false` when the lease was no longer this one's.
    pub fn release(&self, job: &Job) -> Result<bool> {
        self.db.with(|c| {
            Ok(c.execute(
                "UPDATE jobs SET state = 'queued', lease_until = NULL, worker = NULL,
                        attempts = greatest(attempts - 1, 0)
                 WHERE id = $1 AND epoch = $2 AND state = 'leased'",
                &[&job.id, &job.epoch],
            )? == 1)
        })
    }

    /// How many jobs of `batch` are in each state (every batch when `None`).
    pub fn progress(&self, batch: Option<&str>) -> Result<Progress> {
        let rows = self.db.with(|c| {
            Ok(c.query(
                "SELECT state::text, count(*) FROM jobs WHERE $1::text IS NULL OR batch = $1
                 GROUP BY state",
                &[&batch],
            )?)
        })?;
        let mut progress = Progress::default();
        for row in rows {
            let n = row.get::<_, i64>(1) as u64;
            match JobState::parse(row.get(0))? {
                JobState::Queued => progress.queued = n,
                JobState::Leased => progress.leased = n,
                JobState::Done => progress.done = n,
                JobState::Failed => progress.failed = n,
            }
        }
        Ok(progress)
    }

    /// The jobs of `batch`, in the order they were enqueued.
    pub fn batch_jobs(&self, batch: &str) -> Result<Vec<JobReport>> {
        let rows = self.db.with(|c| {
            Ok(c.query(
                "SELECT id, coalesce(box_name, ''), coalesce(hoso, ''), coalesce(object_id, ''),
                        state::text, attempts, worker, outcome, error
                 FROM jobs WHERE batch = $1 ORDER BY id",
                &[&batch],
            )?)
        })?;
        rows.iter()
            .map(|r| {
                Ok(JobReport {
                    id: r.get(0),
                    box_name: r.get(1),
                    hoso: r.get(2),
                    object: r.get(3),
                    state: JobState::parse(r.get(4))?,
                    attempts: r.get(5),
                    worker: r.get(6),
                    outcome: r.get(7),
                    error: r.get(8),
                })
            })
            .collect()
    }

    /// Committed versions not yet indexed, oldest first (at most `limit`).
    pub fn pending_outbox(&self, limit: i64) -> Result<Vec<OutboxRow>> {
        let rows = self.db.with(|c| {
            Ok(c.query(
                "SELECT id, object_id, version, documents, removed FROM outbox
                 WHERE indexed_at IS NULL ORDER BY id LIMIT $1",
                &[&limit],
            )?)
        })?;
        let ids =
            |v: serde_json::Value| -> Vec<String> { serde_json::from_value(v).unwrap_or_default() };
        Ok(rows
            .iter()
            .map(|r| OutboxRow {
                id: r.get(0),
                object_id: r.get(1),
                version: r.get(2),
                documents: ids(r.get(3)),
                removed: ids(r.get(4)),
            })
            .collect())
    }

    /// Marks outbox rows indexed.
    pub fn mark_indexed(&self, ids: &[i64]) -> Result<()> {
        self.db.with(|c| {
            c.execute(
                "UPDATE outbox SET indexed_at = now() WHERE id = ANY($1)",
                &[&ids],
            )?;
            Ok(())
        })
    }

    /// Takes the indexer's lock (a session advisory lock: one indexer at a time, released
    /// when its connection ends); `false` when another indexer holds it.
    pub fn lock_indexer(&self) -> Result<bool> {
        self.db.with(|c| {
            Ok(
                c.query_one("SELECT pg_try_advisory_lock($1)", &[&INDEXER_LOCK])?
                    .get(0),
            )
        })
    }

    /// The audit chain head the coordinator recorded: (sequence number, hash).
    pub fn audit_head(&self) -> Result<(i64, String)> {
        self.db.with(|c| {
            let row = c.query_one("SELECT seq, hash FROM audit_head WHERE id = 1", &[])?;
            Ok((row.get(0), row.get(1)))
        })
    }

    /// The fence for `job`'s commit (its own connection).
    pub fn fence(&self, job: &Job) -> JobFence {
        JobFence {
            db: Db::new(&self.config.database_url),
            job_id: job.id,
            epoch: job.epoch,
            lease: self.config.lease,
        }
    }

    /// The audit log's append lock (its own connection).
    pub fn audit_lock(&self) -> AuditHeadLock {
        AuditHeadLock {
            db: Db::new(&self.config.database_url),
        }
    }

    /// The object lock for changes outside jobs (`sohoa edit`, a correction of the split;
    /// its own connection).
    pub fn object_lock(&self) -> ObjectLock {
        ObjectLock {
            db: Db::new(&self.config.database_url),
        }
    }

    /// `archive` for a command that changes objects outside jobs: its audit appends and its
    /// commits through this coordinator ([`Archive::coordinated`]).
    pub fn coordinate(&self, archive: Archive) -> Archive {
        archive.coordinated(
            std::sync::Arc::new(self.audit_lock()),
            std::sync::Arc::new(self.object_lock()),
        )
    }
}

/// Leases of one job that may end with their worker gone before the job fails.
pub const MAX_ATTEMPTS: i32 = 5;

/// Advisory lock key of the indexer ("sohoaix").
const INDEXER_LOCK: i64 = 0x0073_6f68_6f61_6978;
/// Advisory lock key held by an enqueue's transaction ("sohoaenq"): batches are decided one
/// at a time, each seeing the claims of those before it.
const ENQUEUE_LOCK: i64 = 0x736f_686f_6165_6e71;

/// Brings the object table and the originals up to the store where they may lag behind it,
/// in `tx`: when a hồ sơ of `boxes` has no object in the table, every stored object is
/// read and recorded with its head and originals (an archive ingested before the
/// coordinator knew it; one of the batch's hồ sơ may be among them); then each object whose
/// originals are not known (recorded before schema 4, or last committed by a run that found
/// another's version) is read from the store and its originals recorded.
fn record_store_originals(
    tx: &mut postgres::Transaction<'_>,
    archive: &Archive,
    boxes: &[(PathBuf, pipeline::discover::ScanBox)],
) -> Result<()> {
    let (names, hoso): (Vec<&str>, Vec<&str>) = boxes
        .iter()
        .flat_map(|(_, b)| b.hoso.iter().map(|h| (b.name.as_str(), h.path.as_str())))
        .unzip();
    let unknown: i64 = tx
        .query_one(
            "SELECT count(*) FROM unnest($1::text[], $2::text[]) AS b (box_name, hoso)
             WHERE NOT EXISTS (SELECT 1 FROM objects o
                               WHERE o.box_name = b.box_name AND o.hoso = b.hoso)",
            &[&names, &hoso],
        )?
        .get(0);
    if unknown > 0 {
        for o in archive.hoso_objects()? {
            let made = tx.execute(
                "INSERT INTO objects (object_id, box_name, hoso, head_version, inventory_sha256)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[
                    &o.id,
                    &o.source.box_name,
                    &o.source.hoso,
                    &o.inventory.head,
                    &o.inventory_sha256()?,
                ],
            )?;
            if made == 1 {
                record_originals(tx, &o.id, &pipeline::ingest::stored_originals(&o))?;
            }
        }
    }
    let unknown: Vec<String> = tx
        .query(
            "SELECT object_id FROM objects
             WHERE head_version IS NOT NULL AND NOT originals_known",
            &[],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    for id in unknown {
        if let Some(o) = archive.find_object(&id)? {
            record_originals(tx, &id, &pipeline::ingest::stored_originals(&o))?;
        }
    }
    Ok(())
}

/// The pipeline's commit fence for one leased job; see the module doc.
#[derive(Debug)]
pub struct JobFence {
    db: Db,
    job_id: i64,
    epoch: i64,
    lease: Duration,
}

impl CommitFence for JobFence {
    fn commit(
        &self,
        commit: &mut dyn FnMut(Option<&str>) -> pipeline::Result<FencedCommit>,
    ) -> pipeline::Result<FencedCommit> {
        let mut result: Option<pipeline::Result<FencedCommit>> = None;
        let db = self.db.with(|c| {
            let mut tx = c.transaction()?;
            // The job's row lock: no other worker can lease it while this commit runs.
            let job = tx.query_opt(
                "SELECT epoch, state::text, object_id FROM jobs WHERE id = $1 FOR UPDATE",
                &[&self.job_id],
            )?;
            let Some(job) = job else {
                result = Some(Err(lost(self.job_id, "the job is gone")));
                return Ok(());
            };
            let (epoch, state, object_id): (i64, String, String) =
                (job.get(0), job.get(1), job.get(2));
            if epoch != self.epoch || state != "leased" {
                result = Some(Err(lost(
                    self.job_id,
                    &format!(
                        "leased again (epoch {epoch}, this run's {}) or {state}",
                        self.epoch
                    ),
                )));
                return Ok(());
            }
            // The object's lock, and the head the coordinator records for it.
            let recorded: Option<String> = tx
                .query_one(
                    "SELECT head_version FROM objects WHERE object_id = $1 FOR UPDATE",
                    &[&object_id],
                )?
                .get(0);
            let outcome = commit(recorded.as_deref());
            if let Ok(
                FencedCommit::Head {
                    version,
                    inventory_sha256,
                    ..
                }
                | FencedCommit::Superseded {
                    version,
                    inventory_sha256,
                },
            ) = &outcome
            {
                if recorded.as_deref() != Some(version.as_str()) {
                    let (documents, removed) = match &outcome {
                        Ok(FencedCommit::Head {
                            documents, removed, ..
                        }) => (documents.clone(), removed.clone()),
                        _ => (Vec::new(), Vec::new()),
                    };
                    tx.execute(
                        "UPDATE objects SET head_version = $2, inventory_sha256 = $3,
                                updated_at = now() WHERE object_id = $1",
                        &[&object_id, version, inventory_sha256],
                    )?;
                    tx.execute(
                        "INSERT INTO outbox (object_id, version, documents, removed, job_id)
                         VALUES ($1, $2, $3, $4, $5)",
                        &[
                            &object_id,
                            version,
                            &serde_json::json!(documents),
                            &serde_json::json!(removed),
                            &self.job_id,
                        ],
                    )?;
                }
                match &outcome {
                    Ok(FencedCommit::Head { originals, .. }) => {
                        record_originals(&mut tx, &object_id, originals)?;
                    }
                    // Another run's version, recorded now: its originals are read from the
                    // store when an enqueue needs them.
                    Ok(FencedCommit::Superseded { version, .. })
                        if recorded.as_deref() != Some(version.as_str()) =>
                    {
                        tx.execute(
                            "UPDATE objects SET originals_known = false WHERE object_id = $1",
                            &[&object_id],
                        )?;
                    }
                    _ => {}
                }
                let lease = self.lease.as_secs_f64();
                tx.execute(
                    "UPDATE jobs SET lease_until = now() + make_interval(secs => $2) WHERE id = $1",
                    &[&self.job_id, &lease],
                )?;
                tx.commit()?;
            }
            result = Some(outcome);
            Ok(())
        });
        match (db, result) {
            (Err(e), _) => Err(e.into()),
            (Ok(()), Some(outcome)) => outcome,
            (Ok(()), None) => unreachable!("the transaction sets the result"),
        }
    }
}

/// Records `originals` (place, digest) as those of the object's head, replacing what was
/// recorded, in the transaction `tx`.
fn record_originals(
    tx: &mut postgres::Transaction<'_>,
    object_id: &str,
    originals: &[(String, String)],
) -> Result<()> {
    let (places, digests): (Vec<&str>, Vec<&str>) = originals
        .iter()
        .map(|(place, digest)| (place.as_str(), digest.as_str()))
        .unzip();
    tx.execute("DELETE FROM originals WHERE object_id = $1", &[&object_id])?;
    tx.execute(
        "INSERT INTO originals (object_id, place, sha256)
         SELECT $1, place, sha256 FROM unnest($2::text[], $3::text[]) AS o (place, sha256)
         ON CONFLICT DO NOTHING",
        &[&object_id, &places, &digests],
    )?;
    tx.execute(
        "UPDATE objects SET originals_known = true WHERE object_id = $1",
        &[&object_id],
    )?;
    Ok(())
}

fn lost(job: i64, why: &str) -> pipeline::Error {
    pipeline::Error::Coordinator(format!(
        "job {job}: lease lost ({why}); nothing committed by this run"
    ))
}

/// The object lock of a change outside jobs (`sohoa edit`, a correction of the split): the
/// object's row in the object table (made for an object ingested before the cluster knew
/// it) locked while the change commits, its new head recorded and an outbox row written in
/// the same transaction, so that the indexer picks the change up.
#[derive(Debug)]
pub struct ObjectLock {
    db: Db,
}

impl ObjectFence for ObjectLock {
    fn commit(
        &self,
        object: &ObjectPlace<'_>,
        commit: &mut dyn FnMut() -> pipeline::Result<ObjectHead>,
    ) -> pipeline::Result<ObjectHead> {
        let mut result = None;
        self.db.with(|c| {
            let mut tx = c.transaction()?;
            tx.execute(
                "INSERT INTO objects (object_id, box_name, hoso) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
                &[&object.id, &object.box_name, &object.hoso],
            )?;
            let locked = tx.query_opt(
                "SELECT 1 FROM objects WHERE object_id = $1 FOR UPDATE",
                &[&object.id],
            )?;
            if locked.is_none() {
                result = Some(Err(pipeline::Error::Coordinator(format!(
                    "object {}: the coordinator's object table holds another object for \
                     box {} hồ sơ {}; nothing stored",
                    object.id, object.box_name, object.hoso
                ))));
                return Ok(());
            }
            let outcome = commit();
            if let Ok(head) = &outcome {
                tx.execute(
                    "UPDATE objects SET head_version = $2, inventory_sha256 = $3,
                            updated_at = now() WHERE object_id = $1",
                    &[&object.id, &head.version, &head.inventory_sha256],
                )?;
                if head.committed {
                    tx.execute(
                        "INSERT INTO outbox (object_id, version, documents, removed)
                         VALUES ($1, $2, $3, $4)",
                        &[
                            &object.id,
                            &head.version,
                            &serde_json::json!(head.documents),
                            &serde_json::json!(head.removed),
                        ],
                    )?;
                }
                tx.commit()?;
            }
            result = Some(outcome);
            Ok(())
        })?;
        result.expect("the transaction sets the result")
    }
}

/// The audit log's append lock in the coordinator; see the module doc.
#[derive(Debug)]
pub struct AuditHeadLock {
    db: Db,
}

impl AppendLock for AuditHeadLock {
    fn hold(
        &self,
        append: &mut dyn FnMut() -> pipeline::Result<AuditEntry>,
    ) -> pipeline::Result<AuditEntry> {
        let mut result = None;
        self.db.with(|c| {
            let mut tx = c.transaction()?;
            tx.query_one("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE", &[])?;
            let appended = append();
            if let Ok(entry) = &appended {
                let seq = i64::try_from(entry.seq).unwrap_or(i64::MAX);
                tx.execute(
                    "UPDATE audit_head SET seq = $1, hash = $2, updated_at = now() WHERE id = 1",
                    &[&seq, &entry.hash],
                )?;
                tx.commit()?;
            }
            result = Some(appended);
            Ok(())
        })?;
        result.expect("the transaction sets the result")
    }
}

/// The box directories as workers will reach them (absolute), discovered.
pub fn discover_boxes(boxes: &[PathBuf]) -> Result<Vec<(PathBuf, pipeline::discover::ScanBox)>> {
    boxes
        .iter()
        .map(|b| {
            let found = pipeline::discover::discover_box(b)?;
            Ok((found.root.clone(), found))
        })
        .collect()
}

/// `path` exists as a directory for workers (a shared path): checked by the worker.
pub fn box_reachable(path: &Path) -> bool {
    path.is_dir()
}
