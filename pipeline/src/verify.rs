//! Verify an archive: every stored byte re-hashed against its recorded digest.
//!
//! In: an [`Archive`] (read-only use: works on a read-only copy). Out: a [`VerifyReport`]
//! listing missing, corrupted and unexpected files (archive-relative paths), broken
//! inventories, the audit chain's state, every object's head version and root inventory
//! digest against the last audit entry that committed it ([`AuditMismatch`]: objects the log
//! does not know, rolled back, changed without an entry, rewritten in place, or lost), the
//! index's documents against the store ([`IndexMismatch`]: restriction flags that disagree
//! are damage; gaps and stale entries are warnings, the index being derived). Files are
//! hashed in parallel.
//!
//! A run covers the whole archive ([`Scope::All`]) or, incrementally, the objects verified
//! longest ago ([`Scope::Sample`], [`Scope::Share`], from the `verify` entries of the audit log) or the
//! objects changed since a date ([`Scope::ChangedSince`]). Partial runs check the selected
//! objects in full (inventories, sidecars, every content file, stray files inside them);
//! only a full run also walks the rest of the storage root for stray files.
//!
//! A run ([`verify_by`]) selects the objects and makes the checks of the whole archive (stray
//! files outside objects, every head against the audit log, the chain, the index) itself,
//! and has an [`ObjectChecker`] check the selected objects in full ([`check_objects`]: in
//! this process, [`HereChecker`], or in cluster mode as verify jobs run by workers, whose
//! reports are merged with [`VerifyReport::add_checked`]).
//!
//! Each run is recorded in the audit log by [`record`]: a `verify` entry whose detail is a
//! [`VerificationRecord`], the same type [`Scope::Sample`] reads back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
#[cfg(test)]
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::index::SearchIndex;
use crate::store::audit::{recorded_versions, AuditEntry, AuditLog, RecordedVersion};
use crate::store::fsio::{hash_stream, sha256_bytes};
use crate::store::ocfl::{
    object_path, Inventory, StorageRoot, INVENTORY, INVENTORY_SIDECAR, LAYOUT_EXTENSION,
    OBJECT_NAMASTE, ROOT_NAMASTE,
};
use crate::store::storage::Key;
use crate::store::{Archive, HoSoObject};
use crate::Result;

/// A file whose digest differs from the one recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corruption {
    pub path: String,
    pub expected: String,
    pub actual: String,
}

/// The verification of one hồ sơ object.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ObjectReport {
    pub id: String,
    /// Archive-relative path of the object root.
    pub path: String,
    pub head: String,
    pub versions: usize,
    pub ok: bool,
    pub files_checked: u64,
    pub bytes_checked: u64,
    pub missing: Vec<String>,
    pub corrupted: Vec<Corruption>,
    pub unexpected: Vec<String>,
    /// Broken inventories and sidecars, misplaced objects.
    pub problems: Vec<String>,
}

/// How an object of the store disagrees with the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuditDisagreement {
    /// In the store, but no audit entry records a commit of it (copied in from elsewhere,
    /// or its entries were cut off the log).
    UnknownToLog,
    /// Its head is older than the version the log records (newer versions deleted and an
    /// older inventory restored: rolled back).
    OlderThanLog,
    /// Its head is newer than the version the log records (a version written without an
    /// entry, or the log's tail cut off; also a commit interrupted before its entry, which
    /// the next ingest of the same box records).
    NewerThanLog,
    /// The head the log records, but not the root inventory it records (content and
    /// inventory rewritten in place, or the object replaced by another of the same id).
    InventoryDiffers,
    /// The log records a commit of it, the store has no such object.
    MissingFromStore,
}

/// One object whose state in the store is not the state the audit log records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditMismatch {
    pub object: String,
    pub kind: AuditDisagreement,
    /// Head version in the store (None: not in the store).
    pub store_version: Option<String>,
    /// Version the last committing entry records, and that entry's sequence number
    /// (None: no entry).
    pub logged_version: Option<String>,
    pub logged_seq: Option<u64>,
    pub message: String,
}

/// How a document of the search index disagrees with its stored record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IndexDisagreement {
    /// The index has it open; the store says chế độ sử dụng Mật.
    OpenInIndexRestrictedInStore,
    /// The index has it restricted; the store says open.
    RestrictedInIndexOpenInStore,
}

/// One indexed document whose restriction the index records differently from the store.
/// Search decides visibility from the store, so this is no leak; it is an index built
/// elsewhere or from another state of the store (`sohoa reindex` rebuilds it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexMismatch {
    pub document: String,
    pub kind: IndexDisagreement,
    pub message: String,
}

/// Which objects a run checks.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Scope {
    /// Every object, and the whole storage root for stray files.
    #[default]
    All,
    /// The N objects verified longest ago (never-verified objects first).
    Sample(usize),
    /// A share (more than 0, at most 1) of the objects, rounded up: those verified longest
    /// ago, as [`Scope::Sample`] picks them.
    Share(f64),
    /// Objects with a version created at or after this time.
    ChangedSince(DateTime<FixedOffset>),
}

impl Scope {
    /// How the report and the audit log name the scope.
    pub fn describe(&self) -> String {
        match self {
            Scope::All => "full".to_string(),
            Scope::Sample(n) => format!("sample of {n}"),
            Scope::Share(share) => format!("sample of {}%", share * 100.0),
            Scope::ChangedSince(t) => format!("changed since {}", t.to_rfc3339()),
        }
    }
}

/// Receives progress in bytes hashed and objects checked; called from the hashing threads.
/// Damage is reported as a count only: what it names is for the report, shown as the
/// principal's clearance allows.
pub trait VerifyProgress: Sync {
    /// The number of objects the run checks is known (before their content is hashed).
    fn objects(&self, _objects: u64) {}
    /// The bytes to hash are known.
    fn start(&self, _bytes: u64) {}
    /// One file's bytes were hashed.
    fn advance(&self, _bytes: u64) {}
    /// Every content file of one more object was hashed.
    fn object_done(&self) {}
    /// This many more findings of damage (missing or corrupted files, broken inventories).
    fn damage(&self, _findings: u64) {}
    fn finish(&self) {}
}

/// Progress that shows nothing.
pub struct NoProgress;
impl VerifyProgress for NoProgress {}

/// The outcome of a verification run.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct VerifyReport {
    pub ok: bool,
    /// `full`, `sample of N` or `changed since TIME`.
    pub scope: String,
    /// Objects in the storage root; `objects_checked` of them were checked.
    pub objects_in_archive: u64,
    pub objects_checked: u64,
    pub files_checked: u64,
    pub bytes_checked: u64,
    pub missing: Vec<String>,
    pub corrupted: Vec<Corruption>,
    pub unexpected: Vec<String>,
    /// Problems that do not damage stored content (index gaps), or that stop a file from
    /// being read as JSON (listed with the damage too).
    pub warnings: Vec<String>,
    /// Hash of the last audit entry: record it outside the archive.
    pub audit_head: String,
    pub audit_chain_ok: bool,
    /// Objects whose head version or root inventory is not what the audit log last
    /// recorded for them, and logged objects the store lacks (every object, whatever the
    /// scope: it reads one inventory each).
    pub audit_mismatches: Vec<AuditMismatch>,
    /// Indexed documents whose restriction disagrees with the store.
    pub index_mismatches: Vec<IndexMismatch>,
    /// The same findings per object (inventories, sidecars and content of every version).
    pub objects: Vec<ObjectReport>,
    /// What the report leaves out for an auditor whose clearance does not cover everything
    /// it names (see [`crate::gate::Writer::verify`]); zero for a complete report.
    pub not_named: NotNamed,
}

impl VerifyReport {
    /// Adds the findings of `other`, a report of other objects ([`check_objects`]'s): the
    /// counts, lists and per-object reports of both, as if one run had checked them all.
    pub fn add_checked(&mut self, other: VerifyReport) {
        self.objects_checked += other.objects_checked;
        self.files_checked += other.files_checked;
        self.bytes_checked += other.bytes_checked;
        self.missing.extend(other.missing);
        self.corrupted.extend(other.corrupted);
        self.unexpected.extend(other.unexpected);
        self.warnings.extend(other.warnings);
        self.objects.extend(other.objects);
        self.missing.sort();
        self.unexpected.sort();
        self.ok =
            self.missing.is_empty() && self.corrupted.is_empty() && self.unexpected.is_empty();
    }
}

/// How many findings a report shown to an auditor leaves out of each of its lists, because
/// they name objects, documents or files the auditor's clearance does not cover. `ok` and
/// the totals are the run's own: damage is never hidden, only its names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotNamed {
    /// Objects left out of `objects`, and how many of those are damaged.
    pub objects: u64,
    pub damaged_objects: u64,
    pub missing: u64,
    pub corrupted: u64,
    pub unexpected: u64,
    pub audit_mismatches: u64,
    pub index_mismatches: u64,
    pub warnings: u64,
}

impl NotNamed {
    /// Whether nothing was left out.
    pub fn is_empty(&self) -> bool {
        *self == NotNamed::default()
    }

    /// The findings left out (damaged objects are counted by their findings).
    pub fn findings(&self) -> u64 {
        self.missing
            + self.corrupted
            + self.unexpected
            + self.audit_mismatches
            + self.index_mismatches
            + self.warnings
    }
}

/// Verifies every object of the archive.
pub fn verify(archive: &Archive) -> Result<VerifyReport> {
    verify_with(archive, &Scope::All, &NoProgress)
}

/// A content file hashed by `verify_with`: path, expected digest, object index, digest and
/// size or the read error.
type Hashed = (
    Key,
    String,
    usize,
    std::result::Result<(String, u64), String>,
);

/// Verifies the objects of `scope`, reporting hashing progress.
pub fn verify_with(
    archive: &Archive,
    scope: &Scope,
    progress: &dyn VerifyProgress,
) -> Result<VerifyReport> {
    verify_by(archive, scope, progress, &HereChecker)
}

/// Checks objects in full (inventories, sidecars, every content file, stray files inside
/// them): the part of a run that reads every stored byte. [`HereChecker`] does it in this
/// process; cluster mode hands the objects to workers near the storage as jobs.
pub trait ObjectChecker {
    /// The report of the objects at `roots` ([`check_objects`]'s), reporting progress.
    fn check(
        &self,
        archive: &Archive,
        roots: &[Key],
        progress: &dyn VerifyProgress,
    ) -> Result<VerifyReport>;
}

/// Checks objects in this process ([`check_objects`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct HereChecker;

impl ObjectChecker for HereChecker {
    fn check(
        &self,
        archive: &Archive,
        roots: &[Key],
        progress: &dyn VerifyProgress,
    ) -> Result<VerifyReport> {
        check_objects(archive, roots, progress)
    }
}

/// Archive-relative paths: the storage root is `ocfl/`.
fn rel(k: &Key) -> String {
    format!("ocfl/{k}")
}

/// Reports `path`, a key no inventory names: unexpected, or a warning when it is what an
/// interrupted write leaves.
fn stray(report: &mut VerifyReport, path: &Key) {
    if crate::store::fsio::is_interrupted_write(path.name()) {
        report.warnings.push(format!(
            "{}: left by an interrupted write (not content; the next ingest removes it)",
            rel(path)
        ));
    } else {
        report.unexpected.push(rel(path));
    }
}

/// The objects of `scope`: (every object root, the roots selected, the audit log's entries,
/// each root's facts).
type Selection = (
    Vec<Key>,
    Vec<Key>,
    Vec<AuditEntry>,
    Vec<Option<ObjectFacts>>,
);

fn selection(archive: &Archive, scope: &Scope) -> Result<Selection> {
    let storage = archive.storage();
    let all_roots = storage.object_keys()?;
    let entries = archive.audit().entries().unwrap_or_default();
    // Each root inventory is read once here for what selection (and the comparison with
    // the audit log) needs; checked objects are read again in full.
    let facts: Vec<Option<ObjectFacts>> = all_roots
        .par_iter()
        .map(|r| object_facts(storage, r))
        .collect();
    let selected = select(&all_roots, &facts, scope, &entries);
    Ok((all_roots, selected, entries, facts))
}

/// The object roots a run of `scope` checks (storage keys, in storage order).
pub fn select_objects(archive: &Archive, scope: &Scope) -> Result<Vec<Key>> {
    Ok(selection(archive, scope)?.1)
}

/// Verifies the objects of `scope`, having `checker` check the objects selected, and
/// doing the checks of the whole archive here, once: stray files outside objects, every
/// object's head against the audit log, the audit chain, the search index.
pub fn verify_by(
    archive: &Archive,
    scope: &Scope,
    progress: &dyn VerifyProgress,
    checker: &dyn ObjectChecker,
) -> Result<VerifyReport> {
    let storage = archive.storage();
    let backend = storage.backend();
    let (all_roots, object_roots, entries, facts) = selection(archive, scope)?;
    let selected: BTreeSet<&Key> = object_roots.iter().collect();
    let checked = checker.check(archive, &object_roots, progress)?;
    let mut report = VerifyReport {
        scope: scope.describe(),
        objects_in_archive: all_roots.len() as u64,
        audit_head: String::new(),
        audit_chain_ok: false,
        audit_mismatches: Vec::new(),
        index_mismatches: Vec::new(),
        not_named: NotNamed::default(),
        ok: false,
        ..checked
    };

    // Anything else in the storage root (a partial run: at its top) is unexpected; what is
    // inside an object was the checker's.
    let key = |k: &str| Key::new(k).expect("a static key");
    let mut known: BTreeSet<Key> = BTreeSet::new();
    for name in [ROOT_NAMASTE, "ocfl_layout.json"] {
        known.insert(key(name));
    }
    known.insert(key(&format!("extensions/{LAYOUT_EXTENSION}/config.json")));
    let stored: Vec<Key> = if *scope == Scope::All {
        backend.list(None)?
    } else {
        backend
            .children(None)?
            .files
            .into_iter()
            .map(Key::new)
            .collect::<Result<_>>()?
    };
    let roots: BTreeSet<&Key> = all_roots.iter().collect();
    let in_an_object = |k: &Key| {
        let mut prefix = k.as_str();
        while let Some((up, _)) = prefix.rsplit_once('/') {
            if roots.contains(&Key::new(up).expect("a prefix of a key is a key")) {
                return true;
            }
            prefix = up;
        }
        false
    };
    for path in stored
        .iter()
        .filter(|k| !known.contains(*k) && !in_an_object(k))
    {
        stray(&mut report, path);
    }

    // The store against the audit log: every object, whatever the scope.
    let recorded = recorded_versions(&entries);
    let stored: Vec<(&Key, &ObjectFacts)> = all_roots
        .iter()
        .zip(&facts)
        .filter_map(|(root, f)| f.as_ref().map(|f| (root, f)))
        .collect();
    report.audit_mismatches = audit_mismatches(&stored, &recorded, &rel);
    for m in &report.audit_mismatches {
        if m.kind == AuditDisagreement::MissingFromStore {
            report
                .missing
                .push(format!("ocfl/{}", object_path(&m.object).display()));
        }
        // The checked object the log disagrees with is damaged, its files intact or not
        // (the per-object reports were made before the log was read).
        if let Some(o) = report.objects.iter_mut().find(|o| o.id == m.object) {
            o.problems.push(m.message.clone());
            o.ok = false;
        }
    }
    // The audit log's chain and the access log chained to it.
    match archive.check_audit(None) {
        Ok(check) if check.ok => report.audit_chain_ok = true,
        Ok(check) => {
            let problem = check.problems.into_iter().next().unwrap_or_default();
            report.warnings.push(format!("audit log: {problem}"));
        }
        Err(e) => report.warnings.push(format!("audit log: {e}")),
    }
    report.audit_head = entries.last().map_or_else(
        || crate::store::audit::GENESIS.to_string(),
        |e| e.hash.clone(),
    );

    index_checks(archive, &all_roots, &selected, &mut report);

    report.missing.sort();
    report.unexpected.sort();
    report.ok = report.missing.is_empty()
        && report.corrupted.is_empty()
        && report.unexpected.is_empty()
        && report.audit_chain_ok
        && report.audit_mismatches.is_empty()
        && report.index_mismatches.is_empty();
    Ok(report)
}

/// The search index against the store: restriction flags that disagree (damage), and gaps
/// and stale entries (warnings only: the index can be rebuilt from the store). No index at
/// all (deleted, never built) is an index without documents.
fn index_checks(
    archive: &Archive,
    all_roots: &[Key],
    selected: &BTreeSet<&Key>,
    report: &mut VerifyReport,
) {
    let storage = archive.storage();
    let indexed = if archive.index_dir().join("meta.json").exists() {
        SearchIndex::open_read_only(&archive.index_dir())
            .and_then(|i| Ok((i.document_ids()?, i.restricted_document_ids()?)))
    } else {
        Ok((BTreeSet::new(), BTreeSet::new()))
    };
    match indexed {
        Ok((indexed, flagged)) => {
            let mut stored = std::collections::BTreeSet::new();
            for root in all_roots {
                if let Ok(object) = HoSoObject::load(storage, root) {
                    for d in &object.documents {
                        stored.insert(d.id.clone());
                        if !indexed.contains(&d.id) {
                            if selected.contains(root) {
                                report
                                    .warnings
                                    .push(format!("document {} is not in the search index", d.id));
                            }
                            continue;
                        }
                        let restricted = crate::clearance::is_restricted(d);
                        if let Some(m) = index_mismatch(&d.id, restricted, flagged.contains(&d.id))
                        {
                            report.index_mismatches.push(m);
                        }
                    }
                }
            }
            for id in indexed.iter().filter(|id| !stored.contains(*id)) {
                report.warnings.push(format!(
                    "document {id} is in the search index but not in the store (stale; \
                     `sohoa reindex` removes it)"
                ));
            }
        }
        Err(e) => report
            .warnings
            .push(format!("search index cannot be read: {e}")),
    }
}

/// Checks the objects at `roots` in full: each inventory (the root one and every version's)
/// against its sidecar, every content file's digest against the manifest (hashed in
/// parallel), and the files inside each object that no inventory names. The report holds
/// what these find (files and bytes checked, missing, corrupted and unexpected files,
/// warnings, the per-object reports); the checks of the whole archive are
/// [`verify_by`]'s.
pub fn check_objects(
    archive: &Archive,
    roots: &[Key],
    progress: &dyn VerifyProgress,
) -> Result<VerifyReport> {
    let storage = archive.storage();
    let backend = storage.backend();
    let object_roots = roots;
    let mut report = VerifyReport::default();
    // (content file, expected digest, index of its object root)
    let mut expected_files: Vec<(Key, String, usize)> = Vec::new();
    let mut known: BTreeSet<Key> = BTreeSet::new();
    progress.objects(object_roots.len() as u64);
    for (object, root) in object_roots.iter().enumerate() {
        report.objects_checked += 1;
        known.insert(root.join(OBJECT_NAMASTE)?);
        // Inventories: the root one, and each version's copy, against their sidecars.
        let mut inventory: Option<Inventory> = None;
        let mut inventories = vec![root.clone()];
        let children = backend.children(Some(root)).unwrap_or_default();
        let mut versions: Vec<&String> = children
            .files
            .iter()
            .chain(&children.dirs)
            .filter(|name| crate::store::ocfl::version_number(name).is_some())
            .collect();
        versions.sort();
        for name in versions {
            inventories.push(root.join(name)?);
        }
        for dir in inventories {
            let inv_path = dir.join(INVENTORY)?;
            let sidecar_path = dir.join(INVENTORY_SIDECAR)?;
            known.insert(inv_path.clone());
            known.insert(sidecar_path.clone());
            let Ok(bytes) = backend.get_bytes(&inv_path) else {
                report.missing.push(rel(&inv_path));
                continue;
            };
            report.files_checked += 1;
            report.bytes_checked += bytes.len() as u64;
            let actual = sha256_bytes(&bytes);
            let sidecar = backend
                .get_bytes(&sidecar_path)
                .ok()
                .and_then(|b| String::from_utf8(b).ok());
            match sidecar {
                Some(s) => {
                    report.files_checked += 1;
                    let expected = s.split_whitespace().next().unwrap_or("").to_string();
                    if expected != actual {
                        report.warnings.push(format!(
                            "{}: does not match its sidecar {INVENTORY_SIDECAR} (the inventory \
                             or the sidecar was changed)",
                            rel(&inv_path)
                        ));
                        report.corrupted.push(Corruption {
                            path: rel(&inv_path),
                            expected,
                            actual,
                        });
                    }
                }
                None => report.missing.push(rel(&sidecar_path)),
            }
            if dir == *root {
                match serde_json::from_slice::<Inventory>(&bytes) {
                    Ok(inv) => inventory = Some(inv),
                    Err(e) => report
                        .warnings
                        .push(format!("{}: not a valid inventory: {e}", rel(&inv_path))),
                }
            }
        }
        let Some(inventory) = inventory else { continue };
        for version in inventory.versions.keys() {
            if !children.dirs.contains(version) {
                report.warnings.push(format!(
                    "{}: version directory {version} is missing",
                    rel(root)
                ));
                report
                    .missing
                    .push(format!("{}/{version}/{INVENTORY}", rel(root)));
                report
                    .missing
                    .push(format!("{}/{version}/{INVENTORY_SIDECAR}", rel(root)));
            }
        }
        if *root != storage.object_key(&inventory.id) {
            report.warnings.push(format!(
                "{}: object {} is not where the storage layout puts it",
                rel(root),
                inventory.id
            ));
        }
        for (digest, paths) in &inventory.manifest {
            for content in paths {
                match root.join(content) {
                    Ok(path) => {
                        known.insert(path.clone());
                        expected_files.push((path, digest.clone(), object));
                    }
                    // A manifest path leading out of the object names no file of it.
                    Err(e) => {
                        report
                            .warnings
                            .push(format!("{}: manifest: {e}", rel(root)));
                        report.missing.push(format!("{}/{content}", rel(root)));
                    }
                }
            }
        }
    }

    // Content files, hashed in parallel.
    let total_bytes: u64 = expected_files
        .par_iter()
        .map(|(path, _, _)| backend.size(path).unwrap_or(0))
        .sum();
    progress.start(total_bytes);
    progress.damage((report.missing.len() + report.corrupted.len()) as u64);
    // Content files still to hash per object, to tell when an object is done.
    let remaining: Vec<std::sync::atomic::AtomicUsize> = {
        let mut counts = vec![0usize; object_roots.len()];
        for (_, _, object) in &expected_files {
            counts[*object] += 1;
        }
        for _ in counts.iter().filter(|n| **n == 0) {
            progress.object_done();
        }
        counts
            .into_iter()
            .map(std::sync::atomic::AtomicUsize::new)
            .collect()
    };
    let results: Vec<Hashed> = expected_files
        .into_par_iter()
        .map(|(path, digest, object)| {
            let r = backend
                .get(&path)
                .and_then(|reader| {
                    hash_stream(
                        &backend.locate(&path),
                        reader,
                        &mut std::io::sink(),
                        Path::new("(nothing)"),
                    )
                })
                .map_err(|e| e.to_string());
            progress.advance(r.as_ref().map_or(0, |(_, bytes)| *bytes));
            if r.as_ref().map_or(true, |(actual, _)| *actual != digest) {
                progress.damage(1);
            }
            if remaining[object].fetch_sub(1, std::sync::atomic::Ordering::Relaxed) == 1 {
                progress.object_done();
            }
            (path, digest, object, r)
        })
        .collect();
    progress.finish();
    // Content files and bytes hashed per object (by index in `object_roots`).
    let mut content_stats: Vec<(u64, u64)> = vec![(0, 0); object_roots.len()];
    for (path, expected, object, result) in results {
        match result {
            Ok((actual, bytes)) => {
                report.files_checked += 1;
                report.bytes_checked += bytes;
                content_stats[object].0 += 1;
                content_stats[object].1 += bytes;
                if actual != expected {
                    report.corrupted.push(Corruption {
                        path: rel(&path),
                        expected,
                        actual,
                    });
                }
            }
            Err(_) => report.missing.push(rel(&path)),
        }
    }

    // Anything else inside the objects checked is unexpected.
    for root in object_roots {
        for path in backend
            .list(Some(root))?
            .iter()
            .filter(|k| !known.contains(*k))
        {
            stray(&mut report, path);
        }
    }
    report.missing.sort();
    report.unexpected.sort();
    report.objects = per_object(storage, &report, object_roots, &rel, &content_stats);
    report.ok =
        report.missing.is_empty() && report.corrupted.is_empty() && report.unexpected.is_empty();
    Ok(report)
}

/// The objects of `stored` (root and facts) whose head or root inventory differs from what
/// `recorded` (the last committing audit entry of each object) says, and the recorded
/// objects not in `stored`.
fn audit_mismatches(
    stored: &[(&Key, &ObjectFacts)],
    recorded: &BTreeMap<String, RecordedVersion>,
    rel: &dyn Fn(&Key) -> String,
) -> Vec<AuditMismatch> {
    use crate::store::ocfl::version_number;
    let mut found = Vec::new();
    for (root, facts) in stored {
        let at = rel(root);
        let mismatch = |kind, logged: Option<&RecordedVersion>, message: String| AuditMismatch {
            object: facts.id.clone(),
            kind,
            store_version: Some(facts.head.clone()),
            logged_version: logged.map(|r| r.version.clone()),
            logged_seq: logged.map(|r| r.seq),
            message: format!("{at}: {message}"),
        };
        let Some(logged) = recorded.get(&facts.id) else {
            found.push(mismatch(
                AuditDisagreement::UnknownToLog,
                None,
                format!(
                    "object {} ({}) is not recorded in the audit log: no entry commits it                      (copied in from elsewhere, or its entries were cut off the log)",
                    facts.id, facts.head
                ),
            ));
            continue;
        };
        let entry = format!("audit entry {} ({})", logged.seq, logged.action);
        let store_n = version_number(&facts.head).unwrap_or(0);
        let logged_n = version_number(&logged.version).unwrap_or(0);
        if store_n < logged_n {
            found.push(mismatch(
                AuditDisagreement::OlderThanLog,
                Some(logged),
                format!(
                    "object {} is at {}, older than {} that {entry} records: rolled back",
                    facts.id, facts.head, logged.version
                ),
            ));
        } else if store_n > logged_n {
            found.push(mismatch(
                AuditDisagreement::NewerThanLog,
                Some(logged),
                format!(
                    "object {} is at {}, but {entry} records {} and no later entry commits                      it: versions written without an audit entry, or the log's tail cut off",
                    facts.id, facts.head, logged.version
                ),
            ));
        } else if logged.inventory_sha256 != facts.inventory_sha256 {
            let expected = &logged.inventory_sha256;
            found.push(mismatch(
                AuditDisagreement::InventoryDiffers,
                Some(logged),
                format!(
                    "object {} {}: its inventory (sha256 {}) is not the one {entry} records                      (sha256 {expected}): rewritten in place",
                    facts.id, facts.head, facts.inventory_sha256
                ),
            ));
        }
    }
    let in_store: BTreeSet<&str> = stored.iter().map(|(_, f)| f.id.as_str()).collect();
    for (id, logged) in recorded
        .iter()
        .filter(|(id, _)| !in_store.contains(id.as_str()))
    {
        found.push(AuditMismatch {
            object: id.clone(),
            kind: AuditDisagreement::MissingFromStore,
            store_version: None,
            logged_version: Some(logged.version.clone()),
            logged_seq: Some(logged.seq),
            message: format!(
                "ocfl/{}: object {id} is not in the store, but audit entry {} ({}) committed                  its {}",
                object_path(id).display(),
                logged.seq,
                logged.action,
                logged.version
            ),
        });
    }
    found
}

/// The disagreement of an indexed document whose store record is `restricted` and whose
/// index entry is `flagged`, if any.
fn index_mismatch(id: &str, restricted: bool, flagged: bool) -> Option<IndexMismatch> {
    let (kind, message) = match (restricted, flagged) {
        (true, false) => (
            IndexDisagreement::OpenInIndexRestrictedInStore,
            format!(
                "document {id} is open in the search index but has chế độ sử dụng Mật in the                  store (the index was built elsewhere or before an edit; search goes by the                  store; `sohoa reindex` rebuilds the index)"
            ),
        ),
        (false, true) => (
            IndexDisagreement::RestrictedInIndexOpenInStore,
            format!(
                "document {id} is restricted in the search index but open in the store (the                  index was built elsewhere or before an edit; `sohoa reindex` rebuilds it)"
            ),
        ),
        _ => return None,
    };
    Some(IndexMismatch {
        document: id.to_string(),
        kind,
        message,
    })
}

/// What selecting objects needs of one: its id and when its newest version was written
/// (None when a version time cannot be read: such an object counts as changed).
struct ObjectFacts {
    id: String,
    changed: Option<DateTime<FixedOffset>>,
    /// Head version, and the SHA-256 of the root inventory (what audit entries record).
    head: String,
    inventory_sha256: String,
}

/// The facts of the object at `root`; None when its inventory is missing or broken.
fn object_facts(storage: &StorageRoot, root: &Key) -> Option<ObjectFacts> {
    let bytes = storage.inventory_bytes(root).ok()?;
    let inventory: Inventory = serde_json::from_slice(&bytes).ok()?;
    let changed = inventory
        .versions
        .values()
        .map(|v| DateTime::parse_from_rfc3339(&v.created).ok())
        .collect::<Option<Vec<_>>>()
        .and_then(|times| times.into_iter().max());
    Some(ObjectFacts {
        id: inventory.id,
        changed,
        head: inventory.head,
        inventory_sha256: sha256_bytes(&bytes),
    })
}

/// The action of the audit entry that records a verification run.
pub const VERIFY_ACTION: &str = "verify";

/// What the audit log records of a verification run: the detail of its `verify` entry.
/// Entries written before runs recorded the objects they checked lack `scope`, `objects`
/// and `damaged`; without `objects` an entry is a full run, which covered every object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VerificationRecord {
    /// `full`, `sample of N` or `changed since TIME`.
    pub scope: String,
    /// Ids of the objects checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objects: Option<Vec<String>>,
    /// Ids of the checked objects found damaged.
    pub damaged: Vec<String>,
    pub ok: bool,
    pub files_checked: u64,
    pub bytes_checked: u64,
    /// How many files were missing, corrupted and unexpected.
    pub missing: usize,
    pub corrupted: usize,
    pub unexpected: usize,
}

impl VerificationRecord {
    /// The record of the run that produced `report`.
    pub fn of(report: &VerifyReport) -> Self {
        let ids = |damaged_only: bool| {
            report
                .objects
                .iter()
                .filter(|o| !damaged_only || !o.ok)
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        };
        VerificationRecord {
            scope: report.scope.clone(),
            objects: Some(ids(false)),
            damaged: ids(true),
            ok: report.ok,
            files_checked: report.files_checked,
            bytes_checked: report.bytes_checked,
            missing: report.missing.len(),
            corrupted: report.corrupted.len(),
            unexpected: report.unexpected.len(),
        }
    }

    /// The record an audit entry holds: None for an entry of another action, or a `verify`
    /// entry whose detail is not a record (it then counts as no run: the objects it might
    /// name are checked sooner, not later).
    pub fn of_entry(entry: &AuditEntry) -> Option<Self> {
        if entry.action != VERIFY_ACTION {
            return None;
        }
        serde_json::from_value(entry.detail.clone())
            .map_err(|e| {
                tracing::warn!(
                    seq = entry.seq,
                    "a verify entry without a record of its run: {e}"
                );
            })
            .ok()
    }
}

/// Records the run that produced `report` in `audit` (a `verify` entry by `actor`), so
/// that the next [`Scope::Sample`] run picks the objects verified longest ago.
pub fn record(audit: &AuditLog, actor: &str, report: &VerifyReport) -> Result<AuditEntry> {
    let detail = serde_json::to_value(VerificationRecord::of(report))
        .expect("verification record serialises");
    audit.append(actor, VERIFY_ACTION, None, detail)
}

/// One verification run that checked an object, as its `verify` entry records it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectCheck {
    /// The entry's sequence number (orders the runs: times can tie).
    pub seq: u64,
    pub time: String,
    /// Who ran it.
    pub actor: String,
    /// `full`, `sample of N` or `changed since TIME`.
    pub scope: String,
    /// The object was found intact (a run of an older version, which did not record the
    /// objects it found damaged, counts by its overall result).
    pub intact: bool,
}

/// When each object was last verified, read from the `verify` entries of the audit log:
/// what [`Scope::Sample`] ranks objects by, and what an auditor's fixity status shows
/// ([`crate::gate::Reader::fixity`]). An entry without an `objects` list is a full run of
/// an older version, covering every object.
#[derive(Debug, Clone, Default)]
pub struct LastChecks {
    /// The runs that listed each object, oldest first.
    listed: BTreeMap<String, Vec<ObjectCheck>>,
    /// Runs that covered every object without listing them, oldest first.
    full: Vec<ObjectCheck>,
}

impl LastChecks {
    /// The checks recorded by the `verify` entries among `entries` (in log order).
    pub fn read(entries: &[AuditEntry]) -> LastChecks {
        let mut checks = LastChecks::default();
        for (entry, run) in entries
            .iter()
            .filter_map(|e| VerificationRecord::of_entry(e).map(|r| (e, r)))
        {
            let check = |intact| ObjectCheck {
                seq: entry.seq,
                time: entry.time.clone(),
                actor: entry.actor.clone(),
                scope: run.scope.clone(),
                intact,
            };
            match &run.objects {
                Some(ids) => {
                    for id in ids {
                        let intact = !run.damaged.contains(id);
                        checks
                            .listed
                            .entry(id.clone())
                            .or_default()
                            .push(check(intact));
                    }
                }
                None => checks.full.push(check(run.ok)),
            }
        }
        checks
    }

    /// The last run that checked object `id`: the later of the last one listing it and the
    /// last full run of an older version; None when it was never verified.
    pub fn last(&self, id: &str) -> Option<&ObjectCheck> {
        let own = self.listed.get(id).and_then(|c| c.last());
        own.into_iter()
            .chain(self.full.last())
            .max_by_key(|c| c.seq)
    }

    /// Every run that checked object `id`, oldest first.
    pub fn all(&self, id: &str) -> Vec<&ObjectCheck> {
        let mut runs: Vec<&ObjectCheck> = self
            .listed
            .get(id)
            .into_iter()
            .flatten()
            .chain(&self.full)
            .collect();
        runs.sort_by_key(|c| c.seq);
        runs
    }
}

/// The object roots a run of `scope` checks, in storage order. `facts` are the objects'
/// (by position in `roots`); `entries` is the audit log: its `verify` entries say when each
/// object was last checked (an entry without an `objects` list is a full run of an older
/// version, covering every object).
fn select<R: Clone + Ord>(
    roots: &[R],
    facts: &[Option<ObjectFacts>],
    scope: &Scope,
    entries: &[AuditEntry],
) -> Vec<R> {
    match scope {
        Scope::All => roots.to_vec(),
        Scope::ChangedSince(since) => roots
            .iter()
            .zip(facts)
            .filter(|(_, facts)| match facts {
                // A broken inventory is always checked: it is the damage.
                None => true,
                Some(f) => f.changed.is_none_or(|t| t >= *since),
            })
            .map(|(root, _)| root.clone())
            .collect(),
        Scope::Share(share) => select(
            roots,
            facts,
            &Scope::Sample(share_of(*share, roots.len())),
            entries,
        ),
        Scope::Sample(n) => {
            let checks = LastChecks::read(entries);
            let mut ranked: Vec<(Option<u64>, &R)> = roots
                .iter()
                .zip(facts)
                .map(|(root, facts)| {
                    let when = facts
                        .as_ref()
                        .and_then(|f| checks.last(&f.id))
                        .map(|c| c.seq);
                    (when, root)
                })
                .collect();
            // Never verified (None) first, then oldest; ties in storage order.
            ranked.sort_by_key(|r| r.0);
            let mut chosen: Vec<R> = ranked
                .into_iter()
                .take(*n)
                .map(|(_, r)| r.clone())
                .collect();
            chosen.sort();
            chosen
        }
    }
}

/// How many of `total` objects a share of them is: rounded up, so that a share of a
/// non-empty archive is never nothing.
pub fn share_of(share: f64, total: usize) -> usize {
    let total_f = f64::from(u32::try_from(total).unwrap_or(u32::MAX));
    let n = (share.clamp(0.0, 1.0) * total_f).ceil();
    // A share is at most 1: the count is at most `total`.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = n as usize;
    n.min(total)
}

/// Splits the archive-wide findings by object: each path goes to the object it lies in.
fn per_object(
    storage: &StorageRoot,
    report: &VerifyReport,
    roots: &[Key],
    rel: &dyn Fn(&Key) -> String,
    content_stats: &[(u64, u64)],
) -> Vec<ObjectReport> {
    let mut objects = Vec::new();
    for (root, &(files_checked, bytes_checked)) in roots.iter().zip(content_stats) {
        let prefix = format!("{}/", rel(root));
        let inside = |p: &str| p.starts_with(&prefix);
        // Problems of the object itself read "{object path}: …".
        let own = format!("{}:", rel(root));
        let inventory = storage.inventory(root).ok();
        let mut o = ObjectReport {
            id: inventory
                .as_ref()
                .map_or_else(|| rel(root), |i| i.id.clone()),
            path: rel(root),
            head: inventory
                .as_ref()
                .map_or_else(String::new, |i| i.head.clone()),
            versions: inventory.as_ref().map_or(0, |i| i.versions.len()),
            files_checked,
            bytes_checked,
            missing: report
                .missing
                .iter()
                .filter(|p| inside(p))
                .cloned()
                .collect(),
            corrupted: report
                .corrupted
                .iter()
                .filter(|c| inside(&c.path))
                .cloned()
                .collect(),
            unexpected: report
                .unexpected
                .iter()
                .filter(|p| inside(p))
                .cloned()
                .collect(),
            problems: report
                .warnings
                .iter()
                .filter(|w| w.starts_with(&prefix) || w.starts_with(&own))
                .cloned()
                .collect(),
            ..Default::default()
        };
        if inventory.is_none() {
            o.problems
                .push(format!("{}: inventory missing or unreadable", o.path));
        }
        o.ok = o.missing.is_empty()
            && o.corrupted.is_empty()
            && o.unexpected.is_empty()
            && o.problems.is_empty();
        objects.push(o);
    }
    objects
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(id: &str, ok: bool) -> ObjectReport {
        ObjectReport {
            id: id.into(),
            ok,
            ..ObjectReport::default()
        }
    }

    fn facts(id: &str) -> ObjectFacts {
        ObjectFacts {
            id: id.into(),
            changed: None,
            head: "v1".into(),
            inventory_sha256: String::new(),
        }
    }

    #[test]
    fn a_run_is_recorded_as_older_logs_hold_it_and_read_back_by_sample() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::new(dir.path());
        // An entry of a version that did not record the objects it checked: a full run.
        log.append(
            "auditor",
            VERIFY_ACTION,
            None,
            json!({"ok": true, "files_checked": 9, "bytes_checked": 900,
                   "missing": 0, "corrupted": 0, "unexpected": 0}),
        )
        .unwrap();
        let report = VerifyReport {
            ok: false,
            scope: Scope::Sample(2).describe(),
            files_checked: 4,
            bytes_checked: 400,
            missing: vec!["ocfl/b/v1/content/x".into()],
            objects: vec![object("A", true), object("B", false)],
            ..VerifyReport::default()
        };
        let entry = record(&log, "auditor", &report).unwrap();
        // The keys and values the command wrote before the record had a type.
        assert_eq!((entry.seq, entry.action.as_str()), (2, "verify"));
        assert_eq!(
            entry.detail,
            json!({
                "scope": "sample of 2",
                "objects": ["A", "B"],
                "damaged": ["B"],
                "ok": false,
                "files_checked": 4,
                "bytes_checked": 400,
                "missing": 1,
                "corrupted": 0,
                "unexpected": 0,
            })
        );
        // A verify entry whose detail is not a record counts as no run.
        log.append("x", VERIFY_ACTION, None, json!({"objects": "C"}))
            .unwrap();
        log.append("x", "ingest", Some("C"), json!({"objects": ["C"]}))
            .unwrap();
        let entries = log.entries().unwrap();
        let records: Vec<Option<VerificationRecord>> =
            entries.iter().map(VerificationRecord::of_entry).collect();
        assert_eq!(records[0].as_ref().unwrap().objects, None);
        assert!(records[0].as_ref().unwrap().ok);
        assert_eq!(records[1], Some(VerificationRecord::of(&report)));
        assert_eq!(records[2..], [None, None]);

        // What an auditor's fixity status reads: each object's runs, and its last.
        let checks = LastChecks::read(&entries);
        let last = |id| checks.last(id).map(|c| (c.seq, c.actor.as_str(), c.intact));
        assert_eq!(last("A"), Some((2, "auditor", true)));
        assert_eq!(last("B"), Some((2, "auditor", false)));
        // C only by the full run of an older version, which counts by its result.
        assert_eq!(last("C"), Some((1, "auditor", true)));
        let seqs = |id| checks.all(id).iter().map(|c| c.seq).collect::<Vec<_>>();
        assert_eq!((seqs("B"), seqs("C")), (vec![1, 2], vec![1]));
        assert_eq!(checks.all("B")[1].scope, "sample of 2");

        let roots: Vec<PathBuf> = ["a", "b", "c"].iter().map(PathBuf::from).collect();
        let all = [Some(facts("A")), Some(facts("B")), Some(facts("C"))];
        // A and B were checked after the full run that last covered C.
        let sample = |n| select(&roots, &all, &Scope::Sample(n), &entries);
        assert_eq!(sample(1), [PathBuf::from("c")]);
        record(
            &log,
            "auditor",
            &VerifyReport {
                objects: vec![object("C", true), object("A", true)],
                ..VerifyReport::default()
            },
        )
        .unwrap();
        let entries = log.entries().unwrap();
        assert_eq!(
            select(&roots, &all, &Scope::Sample(1), &entries),
            [PathBuf::from("b")]
        );
        assert_eq!(log.check_chain().unwrap(), None);
    }
}
