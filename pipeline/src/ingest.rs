//! Ingest: boxes of scans in, committed hồ sơ objects, index entries and a report out.
//!
//! In: box directories and [`IngestOptions`]. Out: an [`IngestSummary`] (and the batch
//! report in `ARCHIVE/reports/`). Pages flow through fixed worker threads, each owning one
//! Tesseract engine made once and reused, fed by a bounded channel so at most
//! `2 × jobs` pages are in flight whatever the box size. Each finished page that screening
//! clears (no độ mật mark, readable header, on it or any earlier page of its hồ sơ) is
//! written to a resume cache in `staging/` keyed by box, path, page and the file's SHA-256,
//! so an interrupted run redoes only what is missing; a hồ sơ is committed as one OCFL version
//! as soon as its last page is done. A page that fails is reported with its file and page
//! and the rest of the box goes on.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::access::PageImageSource;
use crate::decode::{decode_page, page_count, ScanFormat};
use crate::discover::{discover_box, HoSoSource, ScanFile};
use crate::index::SearchIndex;
use crate::ocr::date_line::reread_year;
use crate::ocr::models::{tessdata_dir, ModelSet, WordLists};
use crate::ocr::stamp_ink::{self, RedInk};
use crate::ocr::symbol_line::reread_symbol;
use crate::ocr::tesseract::{self, TesseractEngine};
use crate::ocr::{recognize_upright, OcrEngine};
use crate::pdf::PageImage;
use crate::preprocess::{prepare, PreprocessOptions};
use crate::stages::{Stage, StageClock, StageCpu};
use crate::store::fsio::{sha256_regular_file, write_atomic};
use crate::store::ocfl::{CommitOutcome, FileSource, User};
use crate::store::records::{
    word_records, InkRegionRecord, ModelRecord, OcrProvenance, PageRecord, PreprocessRecord,
    TechnicalRecord, TextSource,
};
use crate::store::storage::Holder;
use crate::store::{Archive, HoSoObject};
use crate::{catalog, text_layer, Error, Result};

/// Settings of one ingest run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Worker threads (one Tesseract engine each).
    pub jobs: usize,
    /// Tesseract language string, e.g. `vie`.
    pub languages: String,
    /// Who runs the ingest (recorded in versions, events and the audit log).
    pub actor: String,
    pub preprocess: PreprocessOptions,
    /// Give Tesseract the domain word lists of `ocr-models/` (Party vocabulary, số ký hiệu shapes).
    pub word_lists: bool,
    /// Read every page again even when the stored object already has it (re-OCR, e.g. with
    /// other models); a hồ sơ whose result differs gets a new version, the old one stays.
    pub reocr: bool,
    /// An approval reference covering every classified (MẬT, TỐI MẬT) or unreadable document
    /// of the run (`--approval REF`); boxes can also cover some in `approvals.json`.
    pub approval: Option<String>,
    /// Coded value sets and mandatory fields the records are checked against (review items).
    pub codes: &'static archive_schema::CodeSets,
    /// The most pages one scan file may hold (a file with more fails, named).
    pub max_pages_per_file: u32,
    /// Cluster mode: the one hồ sơ a worker's run ingests and the coordinator fencing its
    /// commit; `None` (the embedded default) ingests whole boxes on their own.
    pub cluster: Option<ClusterJob>,
}

/// Cluster mode (DESIGN.md §8): a worker's run ingests one hồ sơ of a box, under an object
/// id the coordinator assigned, and commits it only through [`CommitFence::commit`]. It
/// builds no index (the indexer does, from the coordinator's outbox) and leaves other
/// objects alone (no archive-wide recovery: the object's own is done under its lock).
#[derive(Clone)]
pub struct ClusterJob {
    /// The hồ sơ's path in its box (as discovery names it).
    pub hoso: String,
    /// The object the hồ sơ is stored in (assigned when the job was enqueued, so every run
    /// of the job — a re-run after a lost lease, a duplicate — stores into the same one).
    pub object_id: String,
    pub fence: std::sync::Arc<dyn CommitFence>,
    /// Originals this run must not store again: content digest → where that content is
    /// stored already or first comes in the batch (`box/path`, as [`original_place`] names
    /// it), decided when the job was enqueued, as the embedded ingest decides for a whole
    /// run ("the same scan appearing twice is stored once").
    pub elsewhere: HashMap<String, String>,
}

impl std::fmt::Debug for ClusterJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClusterJob")
            .field("hoso", &self.hoso)
            .field("object_id", &self.object_id)
            .field("elsewhere", &self.elsewhere.len())
            .finish_non_exhaustive()
    }
}

/// What the coordinator does around a cluster worker's commit of one hồ sơ.
pub trait CommitFence: Send + Sync {
    /// Holds the object's lock and checks that the job's lease is still this run's (its
    /// fencing epoch), then runs `commit` with the head version the coordinator records
    /// for the object, and records the head `commit` returns (object table, and the outbox
    /// for the indexer when it moved) in the same transaction. Fails with
    /// [`Error::Coordinator`] when the lease was lost or the database cannot be reached:
    /// `commit` then did not run.
    fn commit(
        &self,
        commit: &mut dyn FnMut(Option<&str>) -> Result<FencedCommit>,
    ) -> Result<FencedCommit>;
}

/// What a fenced commit left as the object's head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FencedCommit {
    /// The head after this run: `committed` now, or already so (unchanged).
    Head {
        version: String,
        inventory_sha256: String,
        committed: bool,
        /// The object's documents at this head, and those of its previous head it no
        /// longer holds (for the indexer).
        documents: Vec<String>,
        removed: Vec<String>,
        /// The originals the head holds: (place, as [`original_place`] names it; SHA-256).
        originals: Vec<(String, String)>,
    },
    /// Another run committed the hồ sơ after this one planned: nothing was stored.
    Superseded {
        version: String,
        inventory_sha256: String,
    },
}

/// Pages one scan file may hold unless `--max-pages-per-file` says otherwise: far more than a
/// hồ sơ's scan, far fewer than a small PDF that only declares pages can claim.
pub const DEFAULT_MAX_PAGES_PER_FILE: u32 = 1000;

/// Receives progress; the CLI draws a bar from it, the reading room's task page shows it.
/// Called from the ingest thread.
pub trait ProgressSink {
    /// The number of pages that need work (OCR or decoding) is known.
    fn start(&self, _pages: u64) {}
    /// One page is done (recognised or failed).
    fn advance(&self) {}
    /// A page (or file) could not be ingested: reported as its hồ sơ is stored (or, for a
    /// file discovery refused, at once), as the summary will list it.
    fn failed(&self, _failure: &PageFailure) {}
    /// A page was withheld under the độ mật policy (its content is never reported).
    fn withheld(&self) {}
    fn finish(&self) {}
}

/// A progress sink that shows nothing.
pub struct NoProgress;
impl ProgressSink for NoProgress {}

/// A page (or a whole file, when `source_page` is absent) that could not be ingested.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PageFailure {
    #[serde(rename = "box")]
    pub box_name: String,
    pub source_file: String,
    pub source_page: Option<u32>,
    pub error: String,
}

/// A page withheld under the độ mật policy: where it is and why, nothing of its content.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WithheldPage {
    #[serde(rename = "box")]
    pub box_name: String,
    pub hoso: String,
    pub source_file: String,
    pub source_page: u32,
    pub reason: String,
}

/// The outcome of one page, as listed in the batch report.
#[derive(Debug, Clone, Serialize)]
pub struct PageOutcome {
    #[serde(rename = "box")]
    pub box_name: String,
    pub hoso: String,
    pub source_file: String,
    pub source_page: Option<u32>,
    /// `ocr`, `text_layer`, `blank`, `reused` (already done by an earlier run), `failed` or
    /// `withheld`.
    pub outcome: String,
    pub object: Option<String>,
    pub page_number: Option<u32>,
    pub confidence: Option<f32>,
    pub error: Option<String>,
}

/// What an ingest run did.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IngestSummary {
    pub pages_total: u64,
    pub pages_ok: u64,
    pub pages_failed: u64,
    pub pages_withheld: u64,
    pub documents: Vec<String>,
    pub failures: Vec<PageFailure>,
    /// Pages withheld under the độ mật policy (source pages and reason only).
    pub withheld: Vec<WithheldPage>,
    /// Path of the batch report.
    pub report: String,
    pub objects_created: u64,
    pub objects_updated: u64,
    pub objects_unchanged: u64,
    pub pages_recognised: u64,
    pub pages_reused: u64,
    /// Documents stored (or left unchanged) by this run with open review items
    /// (`sohoa review`); the items are in the batch report.
    pub documents_to_review: u64,
    pub warnings: Vec<String>,
    /// CPU seconds per stage of this run (decode, preprocess, OCR, …; see [`Stage`]).
    pub cpu_seconds: StageCpu,
    /// Cluster mode: hồ sơ another run committed while this one read them (not stored
    /// again), as `box/hồ sơ`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub superseded: Vec<String>,
}

impl IngestSummary {
    /// Adds the outcome of `other`, a run of other hồ sơ (a cluster's jobs of one batch):
    /// its counts added and its lists joined, as if one run had done both. The batch report
    /// and the CPU seconds stay this summary's (each run's own, on its machine).
    pub fn add_run(&mut self, other: IngestSummary) {
        self.pages_total += other.pages_total;
        self.pages_ok += other.pages_ok;
        self.pages_failed += other.pages_failed;
        self.pages_withheld += other.pages_withheld;
        self.objects_created += other.objects_created;
        self.objects_updated += other.objects_updated;
        self.objects_unchanged += other.objects_unchanged;
        self.pages_recognised += other.pages_recognised;
        self.pages_reused += other.pages_reused;
        self.documents_to_review += other.documents_to_review;
        self.documents.extend(other.documents);
        self.failures.extend(other.failures);
        self.withheld.extend(other.withheld);
        self.warnings.extend(other.warnings);
        self.superseded.extend(other.superseded);
    }
}

/// One page that needs decoding and OCR.
struct Job {
    hoso: usize,
    slot: usize,
    path: PathBuf,
    format: ScanFormat,
    source_file: String,
    source_page: u32,
    sha256: String,
}

/// A page slot of a planned hồ sơ. Finished pages wait on disk (in the stored object or the
/// resume cache), not in memory, until their hồ sơ is committed, and the commit writes the
/// access copies to staging a few pages at a time: memory stays bounded by the pages in
/// flight and one hồ sơ's page records at commit, whatever the size of the box.
enum Slot {
    /// Unchanged since the stored object's head version.
    Stored,
    /// Done (now or by an interrupted run) and waiting in the resume cache.
    Cached {
        cache_key: String,
        kind: &'static str,
    },
    /// Done and held in memory: not yet screened for the resume cache (see
    /// [`CacheScreen`]), kept from it by the độ mật policy, or the cache could not take it.
    Done(Box<PageRecord>, &'static str),
    /// Waiting for its worker.
    Pending,
    Failed(String),
}

struct FilePlan {
    file: ScanFile,
    sha256: String,
}

struct SlotInfo {
    source_file: String,
    source_page: Option<u32>,
}

struct HoSoPlan {
    box_name: String,
    box_sidecar: Option<archive_schema::BoxSidecar>,
    source: HoSoSource,
    files: Vec<FilePlan>,
    info: Vec<SlotInfo>,
    slots: Vec<Slot>,
    existing: Option<HoSoObject>,
    pending: usize,
    /// Files skipped because an earlier file (this run or the archive) has the same content:
    /// (path in this box, `box/path` of the first).
    duplicates: Vec<(String, String)>,
    /// The box's `approvals.json` rules.
    approvals: std::sync::Arc<Vec<crate::policy::ApprovalRule>>,
    /// Which finished pages may go to the resume cache (only a screened, unmarked prefix).
    screen: CacheScreen,
    /// Access-copy images encoded when their pages were read (TIFF and PDF pages, see
    /// [`crate::access::encode_at_read`]), by (source file, page), held in memory (never
    /// on disk: a page may yet be withheld) until the hồ sơ is committed.
    access_images: HashMap<(String, u32), PageImage>,
}

impl HoSoPlan {
    /// The resume-cache key of a slot's page, when its file was planned.
    fn cache_key(&self, slot: usize) -> Option<String> {
        slot_cache_key(&self.box_name, &self.info, &self.files, slot)
    }

    /// Writes the pages that screening has cleared to the resume cache.
    fn cache_screened(&mut self, cache: &PageCache) {
        let HoSoPlan {
            box_name,
            info,
            files,
            slots,
            screen,
            ..
        } = self;
        screen.cache_screened(slots, |i| slot_cache_key(box_name, info, files, i), cache);
    }
}

fn slot_cache_key(
    box_name: &str,
    info: &[SlotInfo],
    files: &[FilePlan],
    slot: usize,
) -> Option<String> {
    let info = &info[slot];
    let file = files.iter().find(|f| f.file.rel_path == info.source_file)?;
    Some(PageCache::key(
        box_name,
        &info.source_file,
        info.source_page.unwrap_or(1),
        &file.sha256,
    ))
}

/// Runs an ingest of `boxes` into `archive`.
pub(crate) fn ingest(
    archive: &Archive,
    boxes: &[PathBuf],
    options: &IngestOptions,
    progress: &dyn ProgressSink,
) -> Result<IngestSummary> {
    let _lock = archive.lock()?;
    // Each commit is audited: a log that cannot take entries stops the run before OCR.
    archive.audit().check_appendable()?;
    let started = now();
    let cluster = options.cluster.as_ref();
    // A worker recovers only its own object, under its lock (other workers are committing).
    let repaired = match cluster {
        None => archive.storage().recover()?,
        Some(_) => Vec::new(),
    };
    for id in &repaired {
        tracing::warn!(object = %id, "completed an interrupted commit");
    }
    for leftover in ["ocfl", "extracts", ACCESS_STAGING] {
        let dir = archive.staging_dir().join(leftover);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
    }
    let cache = PageCache::new(&archive.staging_dir().join("pages"))?;
    let mut models = ModelSet::load(&tessdata_dir()?, &options.languages)?.with_symbol_model();
    if options.word_lists {
        models =
            models.with_word_lists(WordLists::materialize(&archive.staging_dir().join("ocr"))?);
    }
    let provenance = OcrProvenance {
        engine: format!("tesseract {}", tesseract::version()),
        languages: options.languages.clone(),
        models: models.models.iter().map(ModelRecord::from).collect(),
    };
    let existing_objects = match cluster {
        None => archive.hoso_objects()?,
        Some(job) => archive.find_object(&job.object_id)?.into_iter().collect(),
    };
    let mut existing: HashMap<(String, String), HoSoObject> = existing_objects
        .into_iter()
        .map(|o| ((o.source.box_name.clone(), o.source.hoso.clone()), o))
        .collect();
    // The index has one writer: in cluster mode, the indexer.
    let index = match cluster {
        None => Some(catalog::open_index(archive)?),
        Some(_) => None,
    };

    let clock = StageClock::default();
    let mut run = Run {
        archive,
        options,
        index: index.as_ref(),
        indexed: match &index {
            Some(index) => index.document_ids()?,
            None => BTreeSet::new(),
        },
        superseded: Vec::new(),
        recorded: crate::store::audit::recorded_versions(&archive.audit().entries()?),
        failures: Vec::new(),
        withheld: Vec::new(),
        review: Vec::new(),
        rows: Vec::new(),
        documents: HashMap::new(),
        warnings: Vec::new(),
        skipped: Vec::new(),
        counts: Counts::default(),
        cache: &cache,
        clock: &clock,
        access_image_bytes: 0,
        progress,
    };

    // Plan: discover, hash, count pages, find what earlier runs already did.
    let mut plans = Vec::new();
    // Originals already in the archive, by content: a second copy is reported, not stored.
    let mut seen: HashMap<String, String> = HashMap::new();
    add_stored_originals(existing.values(), &mut seen);
    if let Some(job) = cluster {
        for (digest, first) in &job.elsewhere {
            seen.entry(digest.clone()).or_insert_with(|| first.clone());
        }
    }
    for box_dir in boxes {
        match discover_box(box_dir) {
            Ok(scan_box) => {
                let approvals = match crate::discover::read_approvals(box_dir) {
                    Ok(file) => std::sync::Arc::new(file.approvals),
                    Err(e) => {
                        // Fail closed: without its approvals, the box's classified
                        // documents are withheld; the others go in.
                        let file = crate::policy::APPROVALS_FILE;
                        run.fail_page(&scan_box.name, "", file, None, e.to_string());
                        std::sync::Arc::default()
                    }
                };
                // A worker reports its own hồ sơ only (the enqueuing command, the box).
                for note in scan_box.notes.iter().filter(|_| cluster.is_none()) {
                    if note.is_error {
                        let error = format!("{}: {}", note.path, note.reason);
                        run.fail_page(&scan_box.name, "", &note.path, None, error);
                    } else {
                        tracing::info!(path = %note.path, reason = %note.reason, "skipped");
                    }
                    run.skipped.push(serde_json::json!({"box": scan_box.name, "path": note.path, "reason": note.reason}));
                }
                for source in scan_box.hoso.clone() {
                    if cluster.is_some_and(|job| job.hoso != source.path) {
                        continue;
                    }
                    let key = (scan_box.name.clone(), source.path.clone());
                    let plan = plan_hoso(
                        &scan_box.name,
                        scan_box.sidecar.as_ref(),
                        source,
                        existing.remove(&key),
                        &cache,
                        &mut seen,
                        options,
                        run.clock,
                    );
                    let mut plan = plan;
                    plan.approvals = approvals.clone();
                    for (path, first) in &plan.duplicates {
                        let reason = format!("same content as {first}: stored once, not again");
                        tracing::warn!(box_name = %scan_box.name, %path, "{reason}");
                        run.warnings
                            .push(format!("{}/{path}: {reason}", scan_box.name));
                        run.skipped.push(serde_json::json!({"box": scan_box.name, "path": path, "reason": reason, "duplicate_of": first}));
                    }
                    plans.push(plan);
                }
            }
            Err(e) => {
                let name = box_dir.display().to_string();
                run.fail_page(&name, "", "", None, e.to_string());
            }
        }
    }

    let mut jobs = Vec::new();
    for (h, plan) in plans.iter_mut().enumerate() {
        for (s, slot) in plan.slots.iter().enumerate() {
            if let Slot::Pending = slot {
                let info = &plan.info[s];
                let file = plan
                    .files
                    .iter()
                    .find(|f| f.file.rel_path == info.source_file)
                    .expect("pending slots belong to planned files");
                jobs.push(Job {
                    hoso: h,
                    slot: s,
                    path: file.file.abs_path.clone(),
                    format: file.file.format,
                    source_file: info.source_file.clone(),
                    source_page: info.source_page.unwrap_or(1),
                    sha256: file.sha256.clone(),
                });
            }
        }
        plan.pending = jobs.iter().filter(|j| j.hoso == h).count();
    }
    progress.start(jobs.len() as u64);

    // Hồ sơ that need no OCR are committed first (quick, and they free their cache).
    for plan in plans.iter_mut().filter(|p| p.pending == 0) {
        run.commit_hoso(plan, &provenance)?;
    }

    let jobs_count = options.jobs.max(1);
    let engines = TesseractEngine::set(&models, jobs_count.min(jobs.len().max(1)))?;
    let (job_tx, job_rx) = crossbeam_channel::bounded::<Job>(jobs_count * 2);
    let (done_tx, done_rx) = crossbeam_channel::bounded::<(Job, Result<ReadPage>)>(jobs_count * 2);
    let preprocess = options.preprocess;
    let clock = &clock;
    let fatal: Option<Error> = std::thread::scope(|scope| {
        for mut engine in engines {
            let job_rx = job_rx.clone();
            let done_tx = done_tx.clone();
            let provenance = provenance.clone();
            scope.spawn(move || {
                for job in job_rx {
                    let result = catch_unwind(AssertUnwindSafe(|| {
                        read_page(&mut engine, &job, preprocess, &provenance, clock)
                    }))
                    .unwrap_or_else(|panic| {
                        Err(Error::decode(
                            &job.source_file,
                            Some(job.source_page),
                            format!("internal error: {}", panic_message(&panic)),
                        ))
                    });
                    release_freed_memory();
                    if done_tx.send((job, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        drop(job_rx);
        scope.spawn(move || {
            for job in jobs {
                if job_tx.send(job).is_err() {
                    break;
                }
            }
        });
        for (job, result) in done_rx {
            progress.advance();
            let plan = &mut plans[job.hoso];
            let slot = match result {
                Ok(ReadPage {
                    record,
                    access_image,
                }) => {
                    if let Some(image) = access_image {
                        run.hold_access_image(plan, &record, image);
                    }
                    let kind = match record.text_source {
                        TextSource::Ocr => "ocr",
                        TextSource::TextLayer => "text_layer",
                        TextSource::Blank => "blank",
                    };
                    run.counts.recognised += 1;
                    // Held in memory until screened: see `CacheScreen`.
                    Slot::Done(Box::new(record), kind)
                }
                Err(e) => Slot::Failed(e.to_string()),
            };
            plan.slots[job.slot] = slot;
            plan.pending -= 1;
            if plan.pending == 0 {
                if let Err(e) = run.commit_hoso(plan, &provenance) {
                    return Some(e);
                }
            } else {
                clock.time(Stage::Store, || plan.cache_screened(&cache));
            }
        }
        None
    });
    progress.finish();
    if let Some(e) = fatal {
        return Err(e);
    }

    // Report.
    let counts = &run.counts;
    let finished = now();
    let report_name = format!(
        "ingest-{}-{}.json",
        chrono::Utc::now().format("%Y%m%dT%H%M%SZ"),
        ulid::Ulid::new()
    );
    let report_path = archive.reports_dir().join(&report_name);
    let summary = IngestSummary {
        pages_total: counts.ok + counts.failed + counts.withheld,
        pages_ok: counts.ok,
        pages_failed: counts.failed,
        pages_withheld: counts.withheld,
        documents: plans
            .iter()
            .filter_map(|p| {
                run.documents
                    .get(&(p.box_name.clone(), p.source.path.clone()))
            })
            .flatten()
            .cloned()
            .collect(),
        failures: run.failures.clone(),
        withheld: run.withheld.clone(),
        report: report_path.display().to_string(),
        objects_created: counts.created,
        objects_updated: counts.updated,
        objects_unchanged: counts.unchanged,
        pages_recognised: counts.recognised,
        pages_reused: counts.reused,
        documents_to_review: run
            .review
            .iter()
            .map(|i| i.id.as_str())
            .collect::<BTreeSet<_>>()
            .len() as u64,
        warnings: run.warnings.clone(),
        cpu_seconds: run.clock.report(),
        superseded: run.superseded.clone(),
    };
    let report = serde_json::json!({
        "started": started,
        "finished": finished,
        "actor": options.actor,
        "boxes": boxes.iter().map(|b| b.display().to_string()).collect::<Vec<_>>(),
        "ocr": provenance,
        "summary": summary,
        "pages": run.rows,
        "skipped": run.skipped,
        "review": run.review,
    });
    write_atomic(
        &report_path,
        serde_json::to_vec_pretty(&report)
            .expect("report serialises")
            .as_slice(),
    )?;
    archive.audit().append(
        &options.actor,
        "ingest-run",
        None,
        serde_json::json!({
            "boxes": report["boxes"],
            "pages_total": summary.pages_total,
            "pages_ok": summary.pages_ok,
            "pages_failed": summary.pages_failed,
            "pages_withheld": summary.pages_withheld,
            "report": format!("reports/{report_name}"),
        }),
    )?;
    Ok(summary)
}

#[derive(Default)]
struct Counts {
    ok: u64,
    failed: u64,
    withheld: u64,
    created: u64,
    updated: u64,
    unchanged: u64,
    recognised: u64,
    reused: u64,
}

/// The state of one run, shared by planning and committing.
struct Run<'a> {
    archive: &'a Archive,
    options: &'a IngestOptions,
    /// The index to update (none in cluster mode: the indexer builds it).
    index: Option<&'a SearchIndex>,
    indexed: BTreeSet<String>,
    /// Cluster mode: hồ sơ another run committed meanwhile (`box/hồ sơ`).
    superseded: Vec<String>,
    /// The version the audit log last records as committed, by object.
    recorded: std::collections::BTreeMap<String, crate::store::audit::RecordedVersion>,
    failures: Vec<PageFailure>,
    withheld: Vec<WithheldPage>,
    /// Open review items of the documents this run stored or left unchanged.
    review: Vec<crate::review::ReviewItem>,
    rows: Vec<PageOutcome>,
    /// Document ids by (box, hồ sơ), reported in discovery order.
    documents: HashMap<(String, String), Vec<String>>,
    warnings: Vec<String>,
    skipped: Vec<serde_json::Value>,
    counts: Counts,
    cache: &'a PageCache,
    /// CPU time per stage, summed over every thread of the run.
    clock: &'a StageClock,
    /// Bytes of the access images held by uncommitted hồ sơ ([`HoSoPlan::access_images`]).
    access_image_bytes: usize,
    /// Told of each failure and withheld page as it is recorded.
    progress: &'a dyn ProgressSink,
}

/// At most this many bytes of access images encoded at read time wait in memory for their
/// commit; past it, the commit decodes (or renders) a page again rather than memory growing
/// with the box. A 300-dpi A4 colour page is about 5 MB (Flate level 1), a bilevel one tens of
/// kB.
const ACCESS_IMAGE_BUDGET: usize = 256 << 20;

impl Run<'_> {
    /// Holds `image`, the access image of `record`'s page encoded when it was read, for its
    /// hồ sơ's commit,
    /// unless that would pass [`ACCESS_IMAGE_BUDGET`].
    fn hold_access_image(&mut self, plan: &mut HoSoPlan, record: &PageRecord, image: PageImage) {
        let size = image.byte_len();
        if self.access_image_bytes + size > ACCESS_IMAGE_BUDGET {
            return;
        }
        self.access_image_bytes += size;
        plan.access_images
            .insert((record.source_file.clone(), record.source_page), image);
    }

    fn fail_page(
        &mut self,
        box_name: &str,
        hoso: &str,
        file: &str,
        page: Option<u32>,
        error: String,
    ) {
        tracing::error!(
            "{box_name}/{file}{}: {error}",
            page.map(|p| format!(" page {p}")).unwrap_or_default()
        );
        self.counts.failed += 1;
        let failure = PageFailure {
            box_name: box_name.to_string(),
            source_file: file.to_string(),
            source_page: page,
            error: error.clone(),
        };
        self.progress.failed(&failure);
        self.failures.push(failure);
        self.rows.push(PageOutcome {
            box_name: box_name.to_string(),
            hoso: hoso.to_string(),
            source_file: file.to_string(),
            source_page: page,
            outcome: "failed".into(),
            object: None,
            page_number: None,
            confidence: None,
            error: Some(error),
        });
    }

    /// Splits a hồ sơ's pages into documents and applies the độ mật policy to each: returns
    /// the pages and documents to store. Withheld documents' pages are dropped here, reported
    /// by source page and reason only, and recorded in the audit log the same way.
    fn split_and_screen(
        &mut self,
        plan: &HoSoPlan,
        pages: Vec<PageRecord>,
        kinds: Vec<&'static str>,
    ) -> (
        Vec<PageRecord>,
        Vec<&'static str>,
        Vec<catalog::DocumentPlan>,
    ) {
        use crate::policy::{self, Approvals, Decision, DocumentPlace};
        let views: Vec<crate::segment::PageView> = pages
            .iter()
            .map(|p| crate::segment::PageView {
                number: p.number,
                text: &p.text,
                blank: p.text_source == TextSource::Blank,
            })
            .collect();
        let ranges: Vec<(u32, u32)> = plan
            .source
            .sidecar
            .iter()
            .flat_map(|s| s.documents.iter().flatten())
            .filter_map(archive_schema::PageRange::bounds)
            .collect();
        let split = crate::segment::split(&views, &ranges);
        let by_number: HashMap<u32, &PageRecord> = pages.iter().map(|p| (p.number, p)).collect();
        let approvals = Approvals {
            run: self.options.approval.as_deref(),
            rules: &plan.approvals,
        };
        let mut withheld: BTreeMap<u32, String> = BTreeMap::new();
        let mut admitted = Vec::new();
        for draft in split.documents {
            let marks: Vec<policy::MarkReading> = draft
                .pages
                .iter()
                .map(|n| policy::read_mark(by_number[n]))
                .collect();
            let needs_approval = marks.iter().any(|m| m.level.is_some()) || !marks[0].readable();
            let approval = needs_approval
                .then(|| {
                    let first = by_number[&draft.pages[0]];
                    let symbol = crate::classify::extract(&[first.text.as_str()]).symbol();
                    approvals.covering(&DocumentPlace {
                        hoso: &plan.source.path,
                        source_file: &first.source_file,
                        source_page: first.source_page,
                        symbol: &symbol,
                    })
                })
                .flatten();
            match policy::decide(&marks, approval) {
                Decision::Admit => admitted.push(catalog::DocumentPlan {
                    pages: draft.pages,
                    review_notes: draft.notes,
                    restriction: None,
                }),
                Decision::AdmitRestricted(restriction) => admitted.push(catalog::DocumentPlan {
                    pages: draft.pages,
                    review_notes: draft.notes,
                    restriction: Some(restriction),
                }),
                Decision::Withhold(reason) => {
                    for n in draft.pages {
                        withheld.insert(n, reason.to_string());
                    }
                }
            }
        }
        if withheld.is_empty() {
            return (pages, kinds, admitted);
        }
        let mut kept_pages = Vec::new();
        let mut kept_kinds = Vec::new();
        let mut audit_pages = Vec::new();
        for (page, kind) in pages.into_iter().zip(kinds) {
            match withheld.get(&page.number) {
                None => {
                    kept_pages.push(page);
                    kept_kinds.push(kind);
                }
                Some(reason) => {
                    // Nothing of a withheld page may persist, whatever happens next.
                    if let Some(key) = plan.cache_key(page.number as usize - 1) {
                        self.cache.remove(&key);
                    }
                    tracing::warn!(
                        box_name = %plan.box_name,
                        file = %page.source_file,
                        page = page.source_page,
                        "withheld: {reason}"
                    );
                    self.counts.withheld += 1;
                    self.progress.withheld();
                    let entry = WithheldPage {
                        box_name: plan.box_name.clone(),
                        hoso: plan.source.path.clone(),
                        source_file: page.source_file.clone(),
                        source_page: page.source_page,
                        reason: reason.clone(),
                    };
                    audit_pages.push(serde_json::json!({
                        "source_file": entry.source_file,
                        "source_page": entry.source_page,
                        "reason": entry.reason,
                    }));
                    self.rows.push(PageOutcome {
                        box_name: entry.box_name.clone(),
                        hoso: entry.hoso.clone(),
                        source_file: entry.source_file.clone(),
                        source_page: Some(entry.source_page),
                        outcome: "withheld".into(),
                        object: None,
                        page_number: None,
                        confidence: None,
                        error: Some(entry.reason.clone()),
                    });
                    self.withheld.push(entry);
                }
            }
        }
        if let Err(e) = self.archive.audit().append(
            &self.options.actor,
            "withhold",
            None,
            serde_json::json!({"box": plan.box_name, "hoso": plan.source.path, "pages": audit_pages}),
        ) {
            let msg = format!("audit log: could not record withheld pages: {e}");
            tracing::error!("{msg}");
            self.warnings.push(msg);
        }
        let kept: BTreeSet<u32> = kept_pages.iter().map(|p| p.number).collect();
        for doc in &mut admitted {
            doc.pages.retain(|n| kept.contains(n));
        }
        admitted.retain(|d| !d.pages.is_empty());
        (kept_pages, kept_kinds, admitted)
    }

    /// Stores a hồ sơ whose pages are all done ([`Run::store_hoso`]), then forgets its
    /// pages: their resume-cache entries, whatever was stored or withheld, and their records.
    /// An error about the hồ sơ's own files ([`Error::concerns_one_hoso`]: a file changed
    /// while being ingested, a name too long to store, …) fails that hồ sơ only: each of its
    /// pages not yet reported is reported failed with the error, and the run goes on (its
    /// cleared pages stay in the resume cache for the next run; withheld ones never do). Any
    /// other error (the archive cannot be written) ends the run.
    fn commit_hoso(&mut self, plan: &mut HoSoPlan, provenance: &OcrProvenance) -> Result<()> {
        let reported_before = self.rows.len();
        match self.store_hoso(plan, provenance) {
            Ok(()) => {
                for slot in 0..plan.slots.len() {
                    if let Some(key) = plan.cache_key(slot) {
                        self.cache.remove(&key);
                    }
                }
            }
            Err(e) if e.concerns_one_hoso() => {
                let reported: HashSet<(String, Option<u32>)> = self.rows[reported_before..]
                    .iter()
                    .map(|r| (r.source_file.clone(), r.source_page))
                    .collect();
                let error = format!("hồ sơ {} not stored: {e}", plan.source.path);
                let (b, h) = (plan.box_name.clone(), plan.source.path.clone());
                for info in &plan.info {
                    if !reported.contains(&(info.source_file.clone(), info.source_page)) {
                        self.fail_page(&b, &h, &info.source_file, info.source_page, error.clone());
                    }
                }
            }
            Err(e) => return Err(e),
        }
        // Free the page records and images: memory stays bounded by one hồ sơ.
        plan.slots.clear();
        let held: usize = plan.access_images.values().map(PageImage::byte_len).sum();
        self.access_image_bytes = self.access_image_bytes.saturating_sub(held);
        plan.access_images.clear();
        Ok(())
    }

    /// Stores a hồ sơ whose pages are all done: a new object, a new version, or nothing
    /// when it equals the head version; then indexes its documents.
    fn store_hoso(&mut self, plan: &mut HoSoPlan, provenance: &OcrProvenance) -> Result<()> {
        let mut pages = Vec::new();
        let mut kinds = Vec::new();
        let mut stored: HashMap<(String, u32), PageRecord> = HashMap::new();
        if plan.slots.iter().any(|s| matches!(s, Slot::Stored)) {
            if let Some(o) = &plan.existing {
                stored = o
                    .pages()?
                    .into_iter()
                    .map(|p| ((p.source_file.clone(), p.source_page), p))
                    .collect();
            }
        }
        for (i, slot) in plan.slots.iter().enumerate() {
            let info = &plan.info[i];
            let loaded = match slot {
                Slot::Stored => stored
                    .remove(&(info.source_file.clone(), info.source_page.unwrap_or(1)))
                    .map(|r| (r, "reused"))
                    .ok_or_else(|| "stored page record vanished".to_string()),
                Slot::Cached { cache_key, kind } => self
                    .cache
                    .get(cache_key)
                    .map(|r| (r, *kind))
                    .ok_or_else(|| "resume cache entry vanished; re-run ingest".to_string()),
                Slot::Done(record, kind) => Ok(((**record).clone(), *kind)),
                Slot::Failed(e) => Err(e.clone()),
                Slot::Pending => unreachable!("committed before all pages were done"),
            };
            match loaded {
                Ok((mut record, kind)) => {
                    record.number = i as u32 + 1;
                    pages.push(record);
                    kinds.push(kind);
                }
                Err(e) => {
                    let (b, h, f) = (
                        plan.box_name.clone(),
                        plan.source.path.clone(),
                        info.source_file.clone(),
                    );
                    self.fail_page(&b, &h, &f, info.source_page, e);
                }
            }
        }
        let withheld_before = self.withheld.len();
        let clock = self.clock;
        let (mut pages, mut kinds, doc_plans) =
            clock.time(Stage::Catalog, || self.split_and_screen(plan, pages, kinds));
        // Scan files holding a withheld page are not stored; their other pages are stored
        // one by one as lossless page extracts.
        let tainted: BTreeSet<String> = self.withheld[withheld_before..]
            .iter()
            .map(|w| w.source_file.clone())
            .collect();
        if pages.is_empty() {
            return Ok(());
        }
        let extracts_dir = self.archive.staging_dir().join("extracts");
        let mut extract_files: HashMap<u32, PathBuf> = HashMap::new();
        let mut extract_failures = Vec::new();
        for page in &mut pages {
            // Decided afresh each run (an approval may have come since).
            page.page_extract = None;
        }
        for page in pages
            .iter_mut()
            .filter(|p| tainted.contains(&p.source_file))
        {
            let Some(file) = plan
                .files
                .iter()
                .find(|f| f.file.rel_path == page.source_file)
            else {
                continue;
            };
            match clock.time(Stage::Store, || {
                write_page_extract(&extracts_dir, &file.file, page)
            }) {
                Ok((path, extract)) => {
                    extract_files.insert(page.number, path);
                    page.page_extract = Some(extract);
                }
                Err(e) => extract_failures.push((page.number, e.to_string())),
            }
        }
        if !extract_failures.is_empty() {
            let failed: BTreeSet<u32> = extract_failures.iter().map(|(n, _)| *n).collect();
            for (n, e) in extract_failures {
                let (b, h) = (plan.box_name.clone(), plan.source.path.clone());
                let p = pages
                    .iter()
                    .find(|p| p.number == n)
                    .expect("page of this hồ sơ");
                let (f, sp) = (p.source_file.clone(), p.source_page);
                self.fail_page(&b, &h, &f, Some(sp), format!("page extract: {e}"));
            }
            let (kept, kept_kinds): (Vec<PageRecord>, Vec<&'static str>) = pages
                .into_iter()
                .zip(kinds)
                .filter(|(p, _)| !failed.contains(&p.number))
                .unzip();
            (pages, kinds) = (kept, kept_kinds);
            if pages.is_empty() {
                return Ok(());
            }
        }
        let stored_files: BTreeSet<&str> = pages
            .iter()
            .filter(|p| p.page_extract.is_none())
            .map(|p| p.source_file.as_str())
            .collect();
        let originals: Vec<&FilePlan> = plan
            .files
            .iter()
            .filter(|f| stored_files.contains(f.file.rel_path.as_str()))
            .collect();
        // In cluster mode the coordinator assigned the id, so that every run of the hồ sơ's
        // job (a re-run, a duplicate) stores into the same object.
        let object_id = match (&plan.existing, &self.options.cluster) {
            (Some(o), _) => o.id.clone(),
            (None, Some(job)) => job.object_id.clone(),
            (None, None) => ulid::Ulid::new().to_string(),
        };
        let built = clock.time(Stage::Catalog, || {
            catalog::build_hoso(
                &object_id,
                &plan.box_name,
                plan.box_sidecar.as_ref(),
                &plan.source,
                &pages,
                &doc_plans,
                plan.existing.as_ref(),
            )
        })?;
        let mut files: BTreeMap<String, FileSource> = built.files;
        // Access copies: kept from the head version when none of the document's pages changed.
        let head = plan
            .existing
            .as_ref()
            .map(super::store::HoSoObject::files)
            .unwrap_or_default();
        let by_number: HashMap<u32, &PageRecord> = pages.iter().map(|p| (p.number, p)).collect();
        // Access copies are written to staging as they are built (a hồ sơ's copies are about
        // as large as its scans) and copied into the store by the commit; removed after it.
        let staged = StagedDir::create(
            self.archive
                .staging_dir()
                .join(ACCESS_STAGING)
                .join(&object_id),
        )?;
        // Access copies are dated by the object's first version, so a copy is the same
        // whichever run (re)builds it.
        let created = plan
            .existing
            .as_ref()
            .and_then(|o| o.inventory.versions.get("v1"))
            .and_then(|v| chrono::DateTime::parse_from_rfc3339(&v.created).ok())
            .unwrap_or_else(|| chrono::Utc::now().fixed_offset());
        let original = |page: &PageRecord| {
            if let Some(path) = extract_files.get(&page.number) {
                return Some(PageImageSource::File(path.clone(), ScanFormat::Png, 1));
            }
            if let Some(image) = plan
                .access_images
                .get(&(page.source_file.clone(), page.source_page))
            {
                return Some(PageImageSource::Encoded(image.clone()));
            }
            plan.files
                .iter()
                .find(|f| f.file.rel_path == page.source_file)
                .map(|f| {
                    PageImageSource::File(f.file.abs_path.clone(), f.file.format, page.source_page)
                })
        };
        for doc in &built.documents {
            let logical = crate::access::access_path(doc);
            let doc_pages: Vec<&PageRecord> = doc
                .pages
                .iter()
                .filter_map(|n| by_number.get(n).copied())
                .collect();
            let kept = head.get(&logical).and_then(|digest| {
                let o = plan.existing.as_ref()?;
                // Kept when every page record is the same as stored (re-read or not).
                let unchanged = doc_pages.iter().all(|p| {
                    let path = crate::store::records::page_path(p.number);
                    files.get(&path).map(super::store::ocfl::FileSource::digest)
                        == head.get(&path).cloned()
                });
                let content = o.inventory.content_path(digest)?;
                let key = o.key.join(content).ok()?;
                unchanged.then(|| FileSource::Stored {
                    key,
                    sha256: digest.clone(),
                })
            });
            let source = if let Some(source) = kept {
                source
            } else {
                let path = staged.path.join(format!("{}.pdf", doc.id));
                match crate::access::write_file(doc, &doc_pages, &original, created, clock, &path) {
                    Ok(sha256) => FileSource::Path { path, sha256 },
                    // The archive's own trouble (no space, no permission): the run stops
                    // as at any other write, before anything of this hồ sơ is stored.
                    Err(e) if !e.concerns_one_hoso() => return Err(e),
                    Err(e) => {
                        let msg = format!(
                            "hồ sơ {}: no access copy for document {}: {e}",
                            plan.source.path, doc.id
                        );
                        tracing::warn!("{msg}");
                        self.warnings.push(msg);
                        continue;
                    }
                }
            };
            files.insert(logical, source);
        }
        for page in &pages {
            if let (Some(x), Some(path)) = (&page.page_extract, extract_files.get(&page.number)) {
                files.insert(
                    x.path.clone(),
                    FileSource::Path {
                        path: path.clone(),
                        sha256: x.sha256.clone(),
                    },
                );
            }
        }
        for f in &originals {
            files.insert(
                format!(
                    "{}{}",
                    crate::store::records::ORIGINALS_DIR,
                    f.file.rel_path
                ),
                FileSource::Path {
                    path: f.file.abs_path.clone(),
                    sha256: f.sha256.clone(),
                },
            );
        }

        let recognised = kinds.iter().filter(|k| **k != "reused").count();
        let unchanged = plan.existing.as_ref().is_some_and(|o| {
            let mut head = o.inventory.head_files();
            head.remove(crate::store::records::EVENTS_PATH);
            head.len() == files.len()
                && files
                    .iter()
                    .all(|(p, s)| head.get(p).is_some_and(|d| *d == s.digest()))
        });
        let doc_ids: Vec<String> = built.documents.iter().map(|d| d.id.clone()).collect();
        // Documents of the head version this one no longer holds (out of the index).
        let stale: Vec<String> = plan
            .existing
            .iter()
            .flat_map(|o| o.documents.iter().map(|d| d.id.clone()))
            .filter(|id| !doc_ids.contains(id))
            .collect();
        let mut commit_or_keep = |run: &mut Self| -> Result<CommitOutcome> {
            Ok(if unchanged {
                run.counts.unchanged += 1;
                // A run killed between the commit and its audit entry left it unrecorded.
                if let Some(o) = &plan.existing {
                    let detail =
                        serde_json::json!({"box": plan.box_name, "hoso": plan.source.path});
                    let (log, actor) = (run.archive.audit(), &run.options.actor);
                    log.record_interrupted_commit(&mut run.recorded, actor, o, detail)?;
                }
                CommitOutcome::Unchanged {
                    version: plan
                        .existing
                        .as_ref()
                        .map(|o| o.inventory.head.clone())
                        .unwrap_or_default(),
                }
            } else {
                let events = catalog::events_after(
                    plan.existing.as_ref(),
                    &run.options.actor,
                    provenance,
                    recognised,
                    pages.len(),
                    &built.documents,
                )?;
                files.insert(
                    crate::store::records::EVENTS_PATH.into(),
                    FileSource::Bytes(events),
                );
                let user = User {
                    name: run.options.actor.clone(),
                    address: None,
                };
                let message = format!("ingest of box {} hồ sơ {}", plan.box_name, plan.source.path);
                // The whole log was checked at the start of the run; its end is what this
                // commit's entry links to.
                run.archive.audit().check_tail()?;
                // A cluster run commits only inside its fence, holding the object's lock.
                let holder = if run.options.cluster.is_some() {
                    Holder::Exclusive
                } else {
                    Holder::Shared
                };
                let outcome = clock.time(Stage::Store, || {
                    run.archive
                        .storage()
                        .commit_version_as(&object_id, &files, &message, &user, holder)
                })?;
                if let CommitOutcome::Committed {
                    version,
                    inventory_sha256,
                } = &outcome
                {
                    if plan.existing.is_some() {
                        run.counts.updated += 1;
                    } else {
                        run.counts.created += 1;
                    }
                    run.archive.audit().append(
                        &run.options.actor,
                        "ingest",
                        Some(&object_id),
                        serde_json::json!({
                            "version": version,
                            "inventory_sha256": inventory_sha256,
                            "box": plan.box_name,
                            "hoso": plan.source.path,
                            "pages": pages.len(),
                            "documents": built.documents.iter().map(|d| &d.id).collect::<Vec<_>>(),
                            // Classified documents admitted, and under which approval.
                            "approvals": built
                                .documents
                                .iter()
                                .filter_map(|d| d.approval.as_ref().map(|a| {
                                    serde_json::json!({"document": d.id, "approval": a})
                                }))
                                .collect::<Vec<_>>(),
                        }),
                    )?;
                }
                outcome
            })
        };
        let outcome = match self.options.cluster.clone() {
            None => commit_or_keep(self)?,
            Some(job) => {
                let archive = self.archive;
                let planned = plan.existing.as_ref().map(|o| o.inventory.head.clone());
                let detail = serde_json::json!({"box": plan.box_name, "hoso": plan.source.path});
                let head_originals: Vec<(String, String)> = originals
                    .iter()
                    .map(|f| {
                        let place = original_place(&plan.box_name, &f.file.rel_path);
                        (place, f.sha256.clone())
                    })
                    .collect();
                let fenced = job.fence.commit(&mut |recorded: Option<&str>| {
                    // Under the object's lock, the lease checked: finish a commit a stopped
                    // run left half done, and record one it left unrecorded.
                    let storage = archive.storage();
                    storage.recover_object(&storage.object_key(&object_id))?;
                    let now = archive.find_object(&object_id)?;
                    if let Some(o) = now.as_ref().filter(|o| recorded != Some(&o.inventory.head)) {
                        let log = archive.audit();
                        let mut fresh = crate::store::audit::recorded_versions(&log.entries()?);
                        log.record_interrupted_commit(
                            &mut fresh,
                            &self.options.actor,
                            o,
                            detail.clone(),
                        )?;
                        if let Some(r) = fresh.get(&object_id) {
                            self.recorded.insert(object_id.clone(), r.clone());
                        }
                    }
                    let now_head = now.as_ref().map(|o| o.inventory.head.clone());
                    if now_head != planned {
                        let o = now.as_ref().ok_or_else(|| {
                            Error::Archive(format!(
                                "object {object_id} of hồ sơ {} vanished from the store",
                                plan.source.path
                            ))
                        })?;
                        return Ok(FencedCommit::Superseded {
                            version: o.inventory.head.clone(),
                            inventory_sha256: o.inventory_sha256()?,
                        });
                    }
                    Ok(match commit_or_keep(self)? {
                        CommitOutcome::Committed {
                            version,
                            inventory_sha256,
                        } => FencedCommit::Head {
                            version,
                            inventory_sha256,
                            committed: true,
                            documents: doc_ids.clone(),
                            removed: stale.clone(),
                            originals: head_originals.clone(),
                        },
                        CommitOutcome::Unchanged { version } => FencedCommit::Head {
                            version,
                            inventory_sha256: match &now {
                                Some(o) => o.inventory_sha256()?,
                                None => String::new(),
                            },
                            committed: false,
                            documents: doc_ids.clone(),
                            removed: stale.clone(),
                            originals: head_originals.clone(),
                        },
                    })
                })?;
                match fenced {
                    FencedCommit::Superseded { version, .. } => {
                        let hoso = format!("{}/{}", plan.box_name, plan.source.path);
                        tracing::warn!(object = %object_id, %version, %hoso, "committed by another run meanwhile: not stored again");
                        self.superseded.push(hoso);
                        return Ok(());
                    }
                    FencedCommit::Head {
                        version,
                        inventory_sha256,
                        committed: true,
                        ..
                    } => CommitOutcome::Committed {
                        version,
                        inventory_sha256,
                    },
                    FencedCommit::Head { version, .. } => CommitOutcome::Unchanged { version },
                }
            }
        };
        let version = match &outcome {
            CommitOutcome::Unchanged { version } | CommitOutcome::Committed { version, .. } => {
                version.clone()
            }
        };
        tracing::info!(object = %object_id, %version, hoso = %plan.source.path, "stored");

        // Index: always after a commit, and for an unchanged object only when missing (in
        // cluster mode the indexer does, from the outbox).
        let needs_index = !unchanged || doc_ids.iter().any(|id| !self.indexed.contains(id));
        if let Some(index) = self.index.filter(|_| needs_index) {
            let entries =
                catalog::index_entries(&plan.box_name, &plan.source.path, &built.documents, &pages);
            let indexed = clock.time(Stage::Index, || {
                index
                    .delete_documents(&stale)
                    .and_then(|()| index.replace_documents(&entries))
            });
            if let Err(e) = indexed {
                let msg = format!(
                    "hồ sơ {} stored but not indexed ({e}); re-run ingest to index it",
                    plan.source.path
                );
                tracing::warn!("{msg}");
                self.warnings.push(msg);
            }
        }
        let place = crate::review::Place {
            object: &object_id,
            box_name: &plan.box_name,
            hoso: &plan.source.path,
        };
        clock.time(Stage::Catalog, || {
            for doc in &built.documents {
                self.review.extend(crate::review::document_items(
                    &place,
                    doc,
                    &pages,
                    self.options.codes,
                ));
            }
        });
        for (page, kind) in pages.iter().zip(&kinds) {
            self.counts.ok += 1;
            if *kind == "reused" {
                self.counts.reused += 1;
            }
            self.rows.push(PageOutcome {
                box_name: plan.box_name.clone(),
                hoso: plan.source.path.clone(),
                source_file: page.source_file.clone(),
                source_page: Some(page.source_page),
                outcome: kind.to_string(),
                object: Some(object_id.clone()),
                page_number: Some(page.number),
                confidence: (page.text_source == TextSource::Ocr).then_some(page.mean_confidence),
                error: None,
            });
        }
        self.documents
            .insert((plan.box_name.clone(), plan.source.path.clone()), doc_ids);
        for path in extract_files.values() {
            let _ = std::fs::remove_file(path);
        }
        Ok(())
    }
}

/// Stores a page's decoded pixels alone as a PNG in `dir` (staging), for a page whose source
/// file cannot be stored; returns the file and the record of the extract.
/// The directory of `staging/` where a hồ sơ's access copies wait for its commit.
const ACCESS_STAGING: &str = "access";

/// A directory of `staging/` made for one commit and removed (with what is in it) when
/// dropped, whether the commit succeeded or not.
struct StagedDir {
    path: PathBuf,
}

impl StagedDir {
    /// Makes `path` afresh (anything a stopped run left there is removed first).
    fn create(path: PathBuf) -> Result<StagedDir> {
        if path.exists() {
            std::fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
        }
        std::fs::create_dir_all(&path).map_err(|e| Error::io(&path, e))?;
        Ok(StagedDir { path })
    }
}

impl Drop for StagedDir {
    fn drop(&mut self) {
        if let Err(e) = std::fs::remove_dir_all(&self.path) {
            tracing::warn!(path = %self.path.display(), "cannot remove staged files: {e}");
        }
    }
}

fn write_page_extract(
    dir: &Path,
    file: &ScanFile,
    page: &PageRecord,
) -> Result<(PathBuf, crate::store::records::PageExtract)> {
    let decoded = decode_page(&file.abs_path, file.format, page.source_page)
        .map_err(|e| relabel(e, &file.abs_path, &file.rel_path))?;
    let png = crate::decode::page_png(&decoded, &file.rel_path, page.source_page)?;
    let logical = crate::store::records::extract_path(&file.rel_path, page.source_page);
    let path = dir.join(format!(
        "{}-{:04}.png",
        page.source_sha256, page.source_page
    ));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    write_atomic(&path, &png)?;
    let (sha256, _) = crate::store::fsio::sha256_file(&path)?;
    Ok((
        path,
        crate::store::records::PageExtract {
            path: logical,
            sha256,
        },
    ))
}

/// Hashes the files of a hồ sơ, counts their pages and decides, page by page, whether an
/// earlier run (the stored object or the resume cache) already did the work.
#[allow(clippy::too_many_arguments)] // the run's state, passed apart to keep borrows short
fn plan_hoso(
    box_name: &str,
    box_sidecar: Option<&archive_schema::BoxSidecar>,
    source: HoSoSource,
    existing: Option<HoSoObject>,
    cache: &PageCache,
    seen: &mut HashMap<String, String>,
    options: &IngestOptions,
    clock: &StageClock,
) -> HoSoPlan {
    let reocr = options.reocr;
    let mut plan = HoSoPlan {
        duplicates: Vec::new(),
        approvals: std::sync::Arc::default(),
        screen: CacheScreen::default(),
        access_images: HashMap::new(),
        box_name: box_name.to_string(),
        box_sidecar: box_sidecar.cloned(),
        files: Vec::new(),
        info: Vec::new(),
        slots: Vec::new(),
        existing,
        pending: 0,
        source,
    };
    if let Some(reason) = plan.source.rejected.clone() {
        for f in &plan.source.files {
            plan.info.push(SlotInfo {
                source_file: f.rel_path.clone(),
                source_page: None,
            });
            plan.slots
                .push(Slot::Failed(format!("hồ sơ not ingested: {reason}")));
        }
        return plan;
    }
    // Which pages the head version holds, by source and content (the records stay on disk).
    let stored: HashSet<(String, u32, String)> = plan
        .existing
        .as_ref()
        .and_then(|o| match o.pages() {
            Ok(p) => Some(p),
            Err(e) => {
                tracing::warn!(object = %o.id, "cannot read stored pages, redoing them: {e}");
                None
            }
        })
        .unwrap_or_default()
        .into_iter()
        .map(|p| (p.source_file, p.source_page, p.source_sha256))
        .collect();
    let surveyed: Vec<(ScanFile, Result<(String, u32)>)> = plan
        .source
        .files
        .par_iter()
        .map(|f| {
            (
                f.clone(),
                survey_timed(f, options.max_pages_per_file, clock),
            )
        })
        .collect();
    for (file, survey) in surveyed {
        match survey {
            Err(e) => {
                plan.info.push(SlotInfo {
                    source_file: file.rel_path.clone(),
                    source_page: None,
                });
                plan.slots.push(Slot::Failed(e.to_string()));
            }
            Ok((sha256, count)) => {
                let here = original_place(box_name, &file.rel_path);
                match seen.get(&sha256) {
                    Some(first) if *first != here => {
                        plan.duplicates.push((file.rel_path.clone(), first.clone()));
                        continue;
                    }
                    _ => {
                        seen.insert(sha256.clone(), here);
                    }
                }
                for page in 1..=count {
                    plan.info.push(SlotInfo {
                        source_file: file.rel_path.clone(),
                        source_page: Some(page),
                    });
                    let cache_key = PageCache::key(box_name, &file.rel_path, page, &sha256);
                    let slot = if !reocr
                        && stored.contains(&(file.rel_path.clone(), page, sha256.clone()))
                    {
                        Slot::Stored
                    } else if cache.contains(&cache_key) {
                        Slot::Cached {
                            cache_key,
                            kind: "reused",
                        }
                    } else {
                        Slot::Pending
                    };
                    plan.slots.push(slot);
                }
                plan.files.push(FilePlan { file, sha256 });
            }
        }
    }
    plan
}

/// Where an original is, as the ingest names it when it reports a second copy: `box/path`
/// (the path in the box, hồ sơ directory included).
pub fn original_place(box_name: &str, rel_path: &str) -> String {
    format!("{box_name}/{rel_path}")
}

/// The originals the head version of `object` holds: ([`original_place`], SHA-256).
pub fn stored_originals(object: &HoSoObject) -> Vec<(String, String)> {
    object
        .inventory
        .head_files()
        .into_iter()
        .filter_map(|(path, digest)| {
            let rel = path.strip_prefix(crate::store::records::ORIGINALS_DIR)?;
            Some((original_place(&object.source.box_name, rel), digest))
        })
        .collect()
}

/// Adds the originals the head versions of `objects` hold to `seen` (content digest →
/// [`original_place`]), keeping a digest's first place.
fn add_stored_originals<'a>(
    objects: impl IntoIterator<Item = &'a HoSoObject>,
    seen: &mut HashMap<String, String>,
) {
    for o in objects {
        for (place, digest) in stored_originals(o) {
            seen.entry(digest).or_insert(place);
        }
    }
}

/// A scan file's SHA-256 and page count as planning an ingest takes them: an empty file, one
/// whose pages cannot be counted or one with more than `max_pages_per_file` pages is an error
/// naming it (such a file is never stored).
pub fn survey_scan(file: &ScanFile, max_pages_per_file: u32) -> Result<(String, u32)> {
    survey_timed(file, max_pages_per_file, &StageClock::default())
}

fn survey_timed(
    file: &ScanFile,
    max_pages_per_file: u32,
    clock: &StageClock,
) -> Result<(String, u32)> {
    let (sha, size) = clock.time(Stage::Hashing, || sha256_regular_file(&file.abs_path))?;
    if size == 0 {
        return Err(Error::decode(&file.rel_path, None, "empty file (0 bytes)"));
    }
    let n = clock
        .time(Stage::Decode, || page_count(&file.abs_path, file.format))
        .map_err(|e| relabel(e, &file.abs_path, &file.rel_path))?;
    check_page_limit(&file.rel_path, n, size, max_pages_per_file)?;
    Ok((sha, n))
}

/// Refuses a file with more pages than `limit`, naming the file, its size and the option.
fn check_page_limit(rel_path: &str, pages: u32, size: u64, limit: u32) -> Result<()> {
    if pages <= limit {
        return Ok(());
    }
    Err(Error::decode(
        rel_path,
        None,
        format!(
            "holds {pages} pages in {size} bytes, more than the limit of {limit} pages per \
             file: not ingested (split the file, or raise the limit with --max-pages-per-file)"
        ),
    ))
}

/// Errors name files relative to the box root, as the report does.
fn relabel(e: Error, abs: &Path, rel: &str) -> Error {
    match e {
        Error::Decode {
            path,
            page,
            message,
        } if path == abs => Error::Decode {
            path: rel.into(),
            page,
            message,
        },
        Error::Io { path, source } if path == abs => Error::Io {
            path: rel.into(),
            source,
        },
        other => other,
    }
}

/// One page read for OCR: its record and, when the commit would have to decode the page
/// again, its access-copy image ([`crate::access::encode_at_read`]).
struct ReadPage {
    record: PageRecord,
    access_image: Option<PageImage>,
}

/// Decodes one page and reads it ([`recognise_page`]); a TIFF or PDF page also gets its
/// access-copy image encoded while its pixels are here.
fn read_page(
    engine: &mut dyn OcrEngine,
    job: &Job,
    options: PreprocessOptions,
    provenance: &OcrProvenance,
    clock: &StageClock,
) -> Result<ReadPage> {
    let decoded = clock
        .time(Stage::Decode, || {
            decode_page(&job.path, job.format, job.source_page)
        })
        .map_err(|e| relabel(e, &job.path, &job.source_file))?;
    let access_image = clock
        .time(Stage::Pdf, || crate::access::encode_at_read(&decoded))
        .and_then(|encoded| {
            encoded
                .inspect_err(|e| {
                    tracing::debug!(file = %job.source_file, page = job.source_page, error = %e, "access image not encoded now; the commit decodes the page again");
                })
                .ok()
        });
    let record = recognise_page(engine, job, decoded, options, provenance, clock)?;
    Ok(ReadPage {
        record,
        access_image,
    })
}

/// Checks a decoded page for a usable text layer, preprocesses and recognises it.
fn recognise_page(
    engine: &mut dyn OcrEngine,
    job: &Job,
    decoded: crate::decode::DecodedPage,
    options: PreprocessOptions,
    provenance: &OcrProvenance,
    clock: &StageClock,
) -> Result<PageRecord> {
    let mut record = PageRecord {
        number: 0,
        source_file: job.source_file.clone(),
        source_page: job.source_page,
        source_sha256: job.sha256.clone(),
        conformance: decoded.technical.conformance().into(),
        technical: TechnicalRecord::from(&decoded.technical),
        preprocess: None,
        text_source: TextSource::Blank,
        text: String::new(),
        mean_confidence: 0.0,
        words: Vec::new(),
        ocr: None,
        header_ink: Vec::new(),
        closing_reading: None,
        closing_reading_as_scanned: None,
        page_extract: None,
    };
    if let Some(layer) = decoded.text_layer.as_deref() {
        let verdict = text_layer::assess(layer);
        if verdict.usable {
            record.text_source = TextSource::TextLayer;
            record.text = layer.nfc().collect();
            record.mean_confidence = 100.0;
            return Ok(record);
        }
        tracing::debug!(file = %job.source_file, page = job.source_page, reason = %verdict.reason, "text layer rejected; OCR instead");
    }
    let prepared = clock.time(Stage::Preprocess, || prepare(&decoded, options));
    if prepared.facts.blank {
        record.preprocess = Some(prepared.facts.into());
        return Ok(record);
    }
    // Red ink is found while the colour pixels exist; it is read once the page is upright.
    let red_ink = clock.time(Stage::Preprocess, || {
        RedInk::find(&decoded.image, prepared.facts.dpi)
    });
    drop(decoded);
    let (ocr, prepared) = clock
        .time(Stage::Ocr, || recognize_upright(engine, prepared))
        .map_err(|e| Error::decode(&job.source_file, Some(job.source_page), e.to_string()))?;
    let ocr = clock.time(Stage::SecondReadings, || {
        let ocr = reread_symbol(engine, &prepared, ocr);
        reread_year(engine, &prepared, ocr)
    });
    record.preprocess = Some(PreprocessRecord::from(&prepared.facts));
    record.text_source = TextSource::Ocr;
    record.text = ocr.text.nfc().collect();
    record.mean_confidence = ocr.mean_confidence;
    record.words = word_records(&ocr.words);
    record.ocr = Some(provenance.clone());
    let mark_read = crate::policy::read_mark(&record).level.is_some();
    record.header_ink = clock
        .time(Stage::SecondReadings, || {
            stamp_ink::read_header(engine, &red_ink, &prepared, &ocr.words, mark_read)
        })
        .into_iter()
        .map(InkRegionRecord::from)
        .collect();
    let closing = clock.time(Stage::SecondReadings, || {
        stamp_ink::read_closing(engine, &red_ink, &prepared, &ocr)
    });
    record.closing_reading = closing.stamp_ink_out;
    record.closing_reading_as_scanned = closing.as_scanned;
    Ok(record)
}

/// Hands freed heap memory back to the OS. glibc keeps a malloc arena per worker thread
/// and a page's buffers (tens of MB for a 300-dpi colour scan, plus Tesseract's own) leave
/// it fragmented, so without a trim the resident size creeps up with the number of pages
/// seen instead of staying at the pages in flight. Costs well under 1% of an OCR pass.
#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks and shrinks the allocator's own free lists.
    unsafe {
        libc::malloc_trim(0);
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(std::string::ToString::to_string)
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "decoder panicked".into())
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Which finished pages of a hồ sơ may be written to the resume cache.
///
/// A hồ sơ's độ mật is known only page by page, and a page may finish before the marked
/// first page of its document: so a page is cached only once every page before it in the
/// hồ sơ has finished and been screened, and neither it nor any of them carries a mark, an
/// unreadable header or a failure (a failed page could be a marked first page). From the
/// first such page on, nothing more of the hồ sơ is cached: its pages stay in memory until
/// the policy has decided on them at commit. Withheld text so never reaches the disk,
/// whatever order the pages finish in.
#[derive(Debug, Default)]
struct CacheScreen {
    /// Slots before this one are screened (cached, stored or reused).
    screened: usize,
    /// A page that may be withheld was reached: no later page is cached.
    closed: bool,
}

impl CacheScreen {
    /// Advances over the finished slots at the screened frontier, moving each cleared
    /// page's record from memory to the cache (it stays in memory if the cache fails).
    fn cache_screened(
        &mut self,
        slots: &mut [Slot],
        key: impl Fn(usize) -> Option<String>,
        cache: &PageCache,
    ) {
        while !self.closed && self.screened < slots.len() {
            let i = self.screened;
            match &slots[i] {
                Slot::Pending => return,
                Slot::Stored | Slot::Cached { .. } => {}
                Slot::Failed(_) => self.closed = true,
                Slot::Done(record, kind) => {
                    let mark = crate::policy::read_mark(record);
                    if mark.level.is_some() || !mark.readable() {
                        self.closed = true;
                        continue;
                    }
                    let Some(cache_key) = key(i) else {
                        self.closed = true;
                        continue;
                    };
                    match cache.put(&cache_key, record) {
                        Ok(()) => {
                            slots[i] = Slot::Cached { cache_key, kind };
                        }
                        Err(e) => tracing::warn!("resume cache: {e}"),
                    }
                }
            }
            if !self.closed {
                self.screened += 1;
            }
        }
    }
}

/// The resume cache: finished page records of hồ sơ not yet committed, in `staging/pages/`.
struct PageCache {
    dir: PathBuf,
}

impl PageCache {
    /// Opens the cache (under the writer lock) and removes the temporary files of writes a
    /// killed run left: they hold no finished record.
    fn new(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        crate::store::fsio::remove_interrupted_writes(dir)?;
        Ok(PageCache {
            dir: dir.to_path_buf(),
        })
    }

    /// The cache key: box, path and page plus the file's content hash.
    fn key(box_name: &str, source_file: &str, page: u32, sha256: &str) -> String {
        crate::store::fsio::sha256_bytes(
            format!("{box_name}\n{source_file}\n{page}\n{sha256}").as_bytes(),
        )
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// Whether a readable record is cached (read and dropped: the check keeps no memory).
    fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    fn get(&self, key: &str) -> Option<PageRecord> {
        let bytes = std::fs::read(self.path(key)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    fn put(&self, key: &str, record: &PageRecord) -> Result<()> {
        write_atomic(
            &self.path(key),
            &serde_json::to_vec(record).expect("page record serialises"),
        )
    }

    fn remove(&self, key: &str) {
        let _ = std::fs::remove_file(self.path(key));
    }
}

#[cfg(test)]
mod tests {
    use super::{CacheScreen, PageCache, Slot};
    use crate::ocr::OcrWord;
    use crate::store::records::PageRecord;

    /// An OCR page of an A4 scan at 300 dpi whose lines are `lines` from the top.
    fn page(lines: &[&str]) -> PageRecord {
        let mut words = Vec::new();
        for (l, line) in lines.iter().enumerate() {
            for (w, text) in line.split_whitespace().enumerate() {
                words.push(OcrWord {
                    text: text.into(),
                    bbox: [200 + 180 * w as u32, 150 + 60 * l as u32, 160, 40],
                    confidence: 92.0,
                    line: l as u32,
                });
            }
        }
        PageRecord {
            text: lines.join("\n"),
            mean_confidence: 92.0,
            ..crate::hocr::tests::page(words, 0)
        }
    }

    fn orders(n: usize) -> Vec<Vec<usize>> {
        if n == 0 {
            return vec![Vec::new()];
        }
        let mut out = Vec::new();
        for rest in orders(n - 1) {
            for at in 0..=rest.len() {
                let mut o = rest.clone();
                o.insert(at, n - 1);
                out.push(o);
            }
        }
        out
    }

    /// Feeds the pages to the screen in `order` and returns, after each arrival, the
    /// pages (0-based) found in the cache.
    fn cached_after_each(pages: &[PageRecord], order: &[usize]) -> Vec<Vec<usize>> {
        let dir = tempfile::tempdir().unwrap();
        let cache = PageCache::new(dir.path()).unwrap();
        let key = |i: usize| Some(format!("page-{i}"));
        let mut slots: Vec<Slot> = pages.iter().map(|_| Slot::Pending).collect();
        let mut screen = CacheScreen::default();
        let mut seen = Vec::new();
        for &i in order {
            slots[i] = Slot::Done(Box::new(pages[i].clone()), "ocr");
            screen.cache_screened(&mut slots, key, &cache);
            seen.push(
                (0..pages.len())
                    .filter(|i| cache.contains(&format!("page-{i}")))
                    .collect(),
            );
        }
        seen
    }

    fn header(mark: &str) -> PageRecord {
        page(&[
            "ĐẢNG BỘ TỈNH NGHỆ AN ĐẢNG CỘNG SẢN VIỆT NAM",
            "TỈNH ỦY",
            "Số 05-KH/TU Vinh, ngày 7 tháng 4 năm 2011",
            mark,
            "KẾ HOẠCH",
            "bảo vệ an toàn các mục tiêu",
        ])
    }

    fn continuation() -> PageRecord {
        page(&[
            "2",
            "các đơn vị triển khai thực hiện nghiêm túc những nội dung",
            "trên đây và báo cáo kết quả về Thường trực theo quy định",
            "của Ban Thường vụ trong thời gian sớm nhất có thể được",
        ])
    }

    #[test]
    fn no_page_of_a_marked_document_is_cached_whatever_order_pages_finish_in() {
        let pages = [header("TUYỆT MẬT"), continuation(), continuation()];
        for order in orders(pages.len()) {
            for cached in cached_after_each(&pages, &order) {
                assert!(cached.is_empty(), "order {order:?} cached {cached:?}");
            }
        }
    }

    #[test]
    fn only_the_unmarked_pages_before_a_marked_one_are_cached() {
        let pages = [
            header(""),
            continuation(),
            header("TỐI MẬT"),
            continuation(),
        ];
        for order in orders(pages.len()) {
            let seen = cached_after_each(&pages, &order);
            for cached in &seen {
                assert!(
                    cached.iter().all(|&i| i < 2),
                    "order {order:?} cached {cached:?}"
                );
            }
            assert_eq!(seen.last().unwrap(), &vec![0, 1], "order {order:?}");
        }
    }

    #[test]
    fn a_failed_page_closes_the_cache_for_the_pages_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let cache = PageCache::new(dir.path()).unwrap();
        let mut slots = vec![
            Slot::Failed("unreadable".into()),
            Slot::Done(Box::new(continuation()), "ocr"),
        ];
        let mut screen = CacheScreen::default();
        screen.cache_screened(&mut slots, |i| Some(format!("p{i}")), &cache);
        assert!(!cache.contains("p1"));
        assert!(matches!(slots[1], Slot::Done(..)));
    }

    #[test]
    fn files_over_the_page_limit_are_named() {
        assert!(super::check_page_limit("hs/a.pdf", 1000, 5, 1000).is_ok());
        let e = super::check_page_limit("hs/a.pdf", 2000, 246_000, 1000)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("hs/a.pdf: holds 2000 pages in 246000 bytes")
                && e.contains("limit of 1000")
                && e.contains("--max-pages-per-file"),
            "{e}"
        );
    }

    #[test]
    fn opening_the_page_cache_removes_writes_a_killed_run_left() {
        let dir = tempfile::tempdir().unwrap();
        let torn = dir.path().join(".abc.json.tmp-31045");
        let record = dir.path().join("abc.json");
        std::fs::write(&torn, b"{\"half").unwrap();
        std::fs::write(&record, b"{}").unwrap();
        PageCache::new(dir.path()).unwrap();
        assert!(!torn.exists());
        assert!(record.exists());
    }
}
