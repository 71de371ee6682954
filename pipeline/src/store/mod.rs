//! The archive on disk (DESIGN.md §4): `ocfl/`, `index/`, `audit/`, `reports/`, `staging/`,
//! and the page-level access log in `service/`.
//!
//! In: an archive directory. Out: an [`Archive`] handle that opens or creates the layout,
//! locks it for writers, and reads hồ sơ objects back ([`HoSoObject`]) with their documents
//! and pages. Writing versions is [`ocfl`]'s job; the audit chain is [`audit`]'s, the access
//! log chained to it [`access`]'s.
//!
//! The OCFL storage root is `ocfl/` in the archive directory (the embedded default), or a
//! prefix of an S3 bucket ([`StorageLocation::S3`], [`s3`]); everything else stays in the
//! directory. An archive made on S3 records where (`storage.json`, without credentials), and
//! is refused when opened without its S3 settings or with another place's.

pub mod access;
pub mod audit;
pub mod fsio;
pub mod generation;
mod group_commit;
pub mod history;
pub mod ocfl;
pub mod records;
pub mod s3;
pub mod storage;

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::visibility::VisibilityCache;
use crate::{Error, Result};
use audit::AuditLog;
use generation::Generation;
use ocfl::{Inventory, StorageRoot, ROOT_NAMASTE};
use records::{DocumentRecord, PageRecord, SourceRecord, DOCUMENTS_DIR, PAGES_DIR, SOURCE_PATH};
use s3::{S3Settings, S3Storage};
use storage::{Holder, Key, ObjectStorage};

/// Where an archive's OCFL storage root is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StorageLocation {
    /// `ocfl/` in the archive directory: the embedded default.
    #[default]
    Directory,
    /// A prefix of an S3 bucket.
    S3(S3Settings),
}

/// An object's head after a change committed through [`Archive::commit_object`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectHead {
    pub version: String,
    /// The SHA-256 of its root inventory.
    pub inventory_sha256: String,
    /// Whether a new version was committed (else the head stayed as it was).
    pub committed: bool,
    /// The object's documents at this head, and those of its previous head it no longer
    /// holds (for the indexer).
    pub documents: Vec<String>,
    pub removed: Vec<String>,
}

/// The object a change is committed to: its id, and the box and hồ sơ it holds.
#[derive(Debug, Clone, Copy)]
pub struct ObjectPlace<'a> {
    pub id: &'a str,
    pub box_name: &'a str,
    pub hoso: &'a str,
}

/// What the coordinator does around a change to one object outside an ingest job (cluster
/// mode; [`Archive::coordinated`]).
pub trait ObjectFence: Send + Sync + std::fmt::Debug {
    /// Holds the object's lock (its row in the object table, made for an object the table
    /// lacks), runs `commit`, and records the head it returns and, when it committed a
    /// version, an outbox row for the indexer, in one transaction. Fails with
    /// [`Error::Coordinator`] when the database cannot be reached (`commit` then did not
    /// run, or what it committed is recorded by the next change of the object).
    fn commit(
        &self,
        object: &ObjectPlace<'_>,
        commit: &mut dyn FnMut() -> Result<ObjectHead>,
    ) -> Result<ObjectHead>;
}

/// The file of an archive directory saying that its storage root is in S3, and where.
pub const LOCATION_FILE: &str = "storage.json";

/// An archive directory.
#[derive(Debug, Clone)]
pub struct Archive {
    pub root: PathBuf,
    /// Work in progress of this handle's writer (`ARCHIVE/staging`, or a worker's own
    /// directory below it in cluster mode).
    staging: PathBuf,
    /// Serialises audit appends across machines (cluster mode), when set.
    audit_lock: Option<Arc<dyn audit::AppendLock>>,
    /// Holds an object while a change outside an ingest job commits to it (cluster mode),
    /// when set; the coordinator's indexer then indexes the change.
    object_fence: Option<Arc<dyn ObjectFence>>,
    storage: StorageRoot,
    /// What the store says about every document, kept while the store's generation holds
    /// (shared by the clones of this handle; see [`crate::visibility`]).
    visibility: Arc<VisibilityCache>,
}

/// Holds the archive's writer lock until dropped.
#[derive(Debug)]
pub struct ArchiveLock {
    _file: File,
}

impl Archive {
    /// Opens the archive at `dir`, creating its layout when absent.
    pub fn open_or_create(dir: &Path) -> Result<Archive> {
        Self::open_or_create_on(dir, &StorageLocation::Directory)
    }

    /// Opens the archive at `dir` with its storage root at `location`, creating what is
    /// absent (the directory layout, the storage root, the record of where it is).
    pub fn open_or_create_on(dir: &Path, location: &StorageLocation) -> Result<Archive> {
        for sub in ["index", "audit", "reports", "staging"] {
            let p = dir.join(sub);
            fs::create_dir_all(&p).map_err(|e| Error::io(&p, e))?;
        }
        let storage = match Self::checked_location(dir, location)? {
            None => {
                StorageRoot::open_or_create(&dir.join("ocfl"), &dir.join("staging").join("ocfl"))?
            }
            Some(settings) => {
                let s3 = S3Storage::connect(settings)?;
                if !s3.exists(&Key::new(ROOT_NAMASTE)?)? {
                    let files = ocfl::root_files();
                    let files: Vec<(&str, &[u8])> = files
                        .iter()
                        .map(|(k, b)| (k.as_str(), b.as_slice()))
                        .collect();
                    s3.create_root(&files)?;
                }
                let marker = dir.join(LOCATION_FILE);
                if !marker.exists() {
                    let json = serde_json::to_vec_pretty(settings).expect("settings serialise");
                    fsio::write_atomic(&marker, &json)?;
                }
                let base = s3.root_location();
                StorageRoot::on(Arc::new(s3), &base)?
            }
        };
        Ok(Archive {
            root: dir.to_path_buf(),
            staging: dir.join("staging"),
            audit_lock: None,
            object_fence: None,
            storage: storage.counting_generations(Generation::of_archive(dir)),
            visibility: Arc::default(),
        })
    }

    /// Opens the archive at `dir` (creating its layout when absent) with its storage root at
    /// `location`, for one cluster worker: its work in progress goes to
    /// `ARCHIVE/staging/workers/{worker}` (for a directory root on the same file system as
    /// `ocfl/`, so versions are still renamed into place), apart from every other worker's,
    /// and its audit appends are serialised by `audit_lock` (the coordinator's row lock).
    /// On S3 every worker writes straight to the bucket (create-only keys, the root
    /// inventory by compare-and-swap), as the embedded ingest does there.
    pub fn open_for_worker(
        dir: &Path,
        location: &StorageLocation,
        worker: &str,
        audit_lock: Arc<dyn audit::AppendLock>,
    ) -> Result<Archive> {
        let shared = Archive::open_or_create_on(dir, location)?;
        let staging = dir.join("staging").join("workers").join(worker);
        fs::create_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
        let storage = match location {
            StorageLocation::Directory => {
                StorageRoot::open(&dir.join("ocfl"), &staging.join("ocfl"))?
                    .counting_generations(Generation::of_archive(dir))
            }
            StorageLocation::S3(_) => shared.storage.clone(),
        };
        Ok(Archive {
            staging,
            audit_lock: Some(audit_lock),
            storage,
            ..shared
        })
    }

    /// Whether this handle is a cluster worker's ([`Archive::open_for_worker`]).
    pub fn is_worker(&self) -> bool {
        self.audit_lock.is_some()
    }

    /// This handle, for a command that changes objects outside an ingest job in cluster
    /// mode (`sohoa edit`, a correction of the split): its audit appends serialised by
    /// `audit_lock`, each change committed through `fence`
    /// ([`Archive::commit_object`]), and the search index left to the coordinator's indexer
    /// ([`Archive::indexed_by_coordinator`]).
    #[must_use]
    pub fn coordinated(
        self,
        audit_lock: Arc<dyn audit::AppendLock>,
        fence: Arc<dyn ObjectFence>,
    ) -> Archive {
        Archive {
            audit_lock: Some(audit_lock),
            object_fence: Some(fence),
            ..self
        }
    }

    /// Whether the coordinator's indexer indexes what this handle changes (cluster mode): the
    /// change then does not touch `index/` itself.
    pub fn indexed_by_coordinator(&self) -> bool {
        self.object_fence.is_some()
    }

    /// Runs `commit` (a new version of `object`, read before, and its audit entry), holding
    /// the object as this handle can: embedded, as the caller holds the archive
    /// ([`Holder::Shared`]); in cluster mode ([`Archive::coordinated`]) under the
    /// coordinator's object lock ([`Holder::Exclusive`]), after finishing a commit a stopped
    /// writer left half done, and only while the object's head is still the one `object`
    /// was read at (else [`Error::ChangedMeanwhile`], nothing stored: another writer changed it in
    /// between). The head it returns is recorded by the coordinator.
    pub fn commit_object(
        &self,
        object: &HoSoObject,
        commit: &mut dyn FnMut(Holder) -> Result<ObjectHead>,
    ) -> Result<ObjectHead> {
        let Some(fence) = &self.object_fence else {
            return commit(Holder::Shared);
        };
        let place = ObjectPlace {
            id: &object.id,
            box_name: &object.source.box_name,
            hoso: &object.source.hoso,
        };
        fence.commit(&place, &mut || {
            self.storage
                .recover_object(&self.storage.object_key(&object.id))?;
            let head = self
                .find_object(&object.id)?
                .map(|o| o.inventory.head.clone());
            if head.as_deref() != Some(object.inventory.head.as_str()) {
                return Err(Error::ChangedMeanwhile {
                    object: object.id.clone(),
                    now: head.unwrap_or_else(|| "(gone)".into()),
                    read: object.inventory.head.clone(),
                });
            }
            commit(Holder::Exclusive)
        })
    }

    /// Opens an existing archive (read paths never create one).
    pub fn open(dir: &Path) -> Result<Archive> {
        Self::open_on(dir, &StorageLocation::Directory)
    }

    /// Opens an existing archive whose storage root is at `location` (read paths never
    /// create one). An S3 root may be opened from a directory that has not recorded it
    /// (another machine reading the same root: its index and logs are its own).
    pub fn open_on(dir: &Path, location: &StorageLocation) -> Result<Archive> {
        let not_an_archive = |where_: String| {
            Error::Archive(format!(
                "{} is not a sohoa archive (no storage root in {where_}); run `sohoa ingest` first",
                dir.display()
            ))
        };
        let storage = match Self::checked_location(dir, location)? {
            None => StorageRoot::open(&dir.join("ocfl"), &dir.join("staging").join("ocfl"))
                .map_err(|_| not_an_archive("ocfl/".into()))?,
            Some(settings) => {
                let s3 = S3Storage::connect(settings)?;
                let base = s3.root_location();
                match StorageRoot::on(Arc::new(s3), &base) {
                    Ok(root) => root,
                    Err(Error::Archive(_)) => return Err(not_an_archive(settings.url())),
                    Err(e) => return Err(e),
                }
            }
        };
        Ok(Archive {
            root: dir.to_path_buf(),
            staging: dir.join("staging"),
            audit_lock: None,
            object_fence: None,
            storage: storage.counting_generations(Generation::of_archive(dir)),
            visibility: Arc::default(),
        })
    }

    /// The S3 settings to use (None: the directory), after checking `location` against what
    /// `dir` records: an archive on S3 is never opened as a directory, nor a directory
    /// archive or another S3 place as it.
    fn checked_location<'a>(
        dir: &Path,
        location: &'a StorageLocation,
    ) -> Result<Option<&'a S3Settings>> {
        let marker = dir.join(LOCATION_FILE);
        let recorded: Option<S3Settings> = match fs::read(&marker) {
            Ok(bytes) => Some(serde_json::from_slice(&bytes).map_err(|e| Error::Json {
                path: marker.clone(),
                message: e.to_string(),
            })?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::io(&marker, e)),
        };
        match (location, recorded) {
            (StorageLocation::Directory, None) => Ok(None),
            (StorageLocation::Directory, Some(recorded)) => Err(Error::Archive(format!(
                "{}: its OCFL storage root is in S3 ({}); give its S3 settings \
                 (SOHOA_S3_ENDPOINT, SOHOA_S3_BUCKET, SOHOA_S3_PREFIX and credentials, or the \
                 [s3] table of sohoa.toml)",
                dir.display(),
                recorded.url()
            ))),
            (StorageLocation::S3(settings), Some(recorded)) if !settings.same_place(&recorded) => {
                Err(Error::Archive(format!(
                    "{}: its OCFL storage root is {}, not {}",
                    dir.display(),
                    recorded.url(),
                    settings.url()
                )))
            }
            (StorageLocation::S3(_), None) if dir.join("ocfl").join(ROOT_NAMASTE).exists() => {
                Err(Error::Archive(format!(
                    "{}: its OCFL storage root is the directory {}, not S3; unset the S3 \
                     settings to use it",
                    dir.display(),
                    dir.join("ocfl").display()
                )))
            }
            (StorageLocation::S3(settings), _) => Ok(Some(settings)),
        }
    }

    pub fn storage(&self) -> &StorageRoot {
        &self.storage
    }
    pub fn index_dir(&self) -> PathBuf {
        self.root.join("index")
    }
    pub fn reports_dir(&self) -> PathBuf {
        self.root.join("reports")
    }
    pub fn staging_dir(&self) -> PathBuf {
        self.staging.clone()
    }
    pub fn audit(&self) -> AuditLog {
        let log = AuditLog::new(&self.root.join("audit"));
        match &self.audit_lock {
            Some(lock) => log.serialised_by(lock.clone()),
            None => log,
        }
    }

    /// Takes the writer lock (one ingest at a time); fails at once if another holds it.
    pub fn lock(&self) -> Result<ArchiveLock> {
        let path = self.staging_dir().join("writer.lock");
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        file.try_lock().map_err(|_| {
            Error::Archive(format!(
                "{} is in use by another sohoa process (lock {})",
                self.root.display(),
                path.display()
            ))
        })?;
        Ok(ArchiveLock { _file: file })
    }

    /// Every hồ sơ object at its head version, ordered by box and hồ sơ path.
    pub fn hoso_objects(&self) -> Result<Vec<HoSoObject>> {
        let mut objects = self
            .storage
            .object_keys()?
            .iter()
            .map(|key| HoSoObject::load(&self.storage, key))
            .collect::<Result<Vec<_>>>()?;
        objects.sort_by(|a, b| {
            natord::compare(&a.source.box_name, &b.source.box_name)
                .then_with(|| natord::compare(&a.source.hoso, &b.source.hoso))
        });
        Ok(objects)
    }

    /// The hồ sơ object with object id `id` (head version), if stored.
    pub fn find_object(&self, id: &str) -> Result<Option<HoSoObject>> {
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Ok(None);
        }
        let key = self.storage.object_key(id);
        if !self.storage.backend().exists(&key.join(ocfl::INVENTORY)?)? {
            return Ok(None);
        }
        HoSoObject::load(&self.storage, &key).map(Some)
    }

    /// What the store says about every document, cached while the store's generation
    /// holds (see [`crate::visibility`]).
    pub(crate) fn visibility_cache(&self) -> &VisibilityCache {
        &self.visibility
    }

    /// The object and document with document id `id`. Found in one object read when the
    /// store's documents are known (cached by a search, or [`Archive::know_documents`]);
    /// a long-lived handle that knew them reads them again once after the store changed
    /// (in parallel, kept for the next lookups), rather than every object on every lookup;
    /// a handle that never knew them (a one-shot command) reads objects until it is found.
    pub fn find_document(&self, id: &str) -> Result<Option<(HoSoObject, DocumentRecord)>> {
        let known = match self.visibility.current(self) {
            Some(known) => Some(known),
            None if self.visibility.was_filled() => Some(self.visibility.get(self)?),
            None => None,
        };
        if let Some(known) = known {
            if let Some(key) = known.object_of(id) {
                let object = HoSoObject::load(&self.storage, key)?;
                if let Some(doc) = object.documents.iter().find(|d| d.id == id).cloned() {
                    return Ok(Some((object, doc)));
                }
            } else if known.is_complete() {
                return Ok(None);
            }
        }
        for object in self.hoso_objects()? {
            if let Some(doc) = object.documents.iter().find(|d| d.id == id).cloned() {
                return Ok(Some((object, doc)));
            }
        }
        Ok(None)
    }
}

/// A hồ sơ object read back from the store, at its head version or an older one.
#[derive(Debug, Clone)]
pub struct HoSoObject {
    pub id: String,
    /// Where the object root is (for messages and reports).
    pub root: PathBuf,
    /// The object root's key in the storage root.
    pub key: Key,
    storage: StorageRoot,
    pub inventory: Inventory,
    /// The version read (`v1`, `v2`, …): the head unless an older one was asked for.
    pub version: String,
    pub source: SourceRecord,
    pub documents: Vec<DocumentRecord>,
}

impl HoSoObject {
    /// Reads the inventory of the object at `key`, and the source and document records of
    /// its head version.
    pub fn load(storage: &StorageRoot, key: &Key) -> Result<HoSoObject> {
        Self::load_version(storage, key, None)
    }

    /// The same object at `version`.
    pub fn at_version(&self, version: &str) -> Result<HoSoObject> {
        Self::load_version(&self.storage, &self.key, Some(version))
    }

    /// Like [`HoSoObject::load`], at `version` (the head when `None`).
    pub fn load_version(
        storage: &StorageRoot,
        key: &Key,
        version: Option<&str>,
    ) -> Result<HoSoObject> {
        let inventory = storage.inventory(key)?;
        let root = storage.backend().locate(key);
        let version = version.unwrap_or(&inventory.head).to_string();
        let files = inventory.version_files(&version).ok_or_else(|| {
            Error::Archive(format!(
                "object {} has no version {version} (head is {})",
                inventory.id, inventory.head
            ))
        })?;
        let read = |logical: &str| -> Result<Vec<u8>> {
            storage.read_logical_at(key, &inventory, &version, logical)
        };
        let source: SourceRecord = parse_json(&root, SOURCE_PATH, &read(SOURCE_PATH)?)?;
        let mut documents: Vec<DocumentRecord> = files
            .keys()
            .filter(|p| p.starts_with(DOCUMENTS_DIR))
            .map(|p| parse_json(&root, p, &read(p)?))
            .collect::<Result<_>>()?;
        documents.sort_by_key(|d| d.ordinal);
        Ok(HoSoObject {
            id: inventory.id.clone(),
            root,
            key: key.clone(),
            storage: storage.clone(),
            inventory,
            version,
            source,
            documents,
        })
    }

    /// The logical files of the version read, path → digest.
    pub fn files(&self) -> BTreeMap<String, String> {
        self.inventory
            .version_files(&self.version)
            .unwrap_or_default()
    }

    /// The page records of the version read, in page order.
    // The store names its page files itself, in lowercase.
    #[allow(clippy::case_sensitive_file_extension_comparisons)]
    pub fn pages(&self) -> Result<Vec<PageRecord>> {
        let mut pages: Vec<PageRecord> = self
            .files()
            .keys()
            .filter(|p| p.starts_with(PAGES_DIR) && p.ends_with(".json"))
            .map(|p| self.read_json(p))
            .collect::<Result<_>>()?;
        pages.sort_by_key(|p| p.number);
        Ok(pages)
    }

    /// The records of hồ sơ pages `numbers` of the version read (those it has, each once,
    /// in page order), as [`HoSoObject::pages`] would give them: read from their own files
    /// (`pages/NNNN.json`), not every page record of the object.
    pub fn page_records(&self, numbers: &[u32]) -> Result<Vec<PageRecord>> {
        let files = self.files();
        let wanted: std::collections::BTreeSet<u32> = numbers.iter().copied().collect();
        let mut pages = Vec::with_capacity(wanted.len());
        for &n in &wanted {
            let logical = records::page_path(n);
            let record: Option<PageRecord> = if files.contains_key(&logical) {
                Some(self.read_json(&logical)?)
            } else {
                None
            };
            match record {
                Some(record) if record.number == n => pages.push(record),
                // Not where the store puts page n: looked for among every record.
                _ => {
                    let mut all = self.pages()?;
                    all.retain(|p| wanted.contains(&p.number));
                    return Ok(all);
                }
            }
        }
        Ok(pages)
    }

    /// Reads a logical JSON file of the version read.
    pub fn read_json<T: DeserializeOwned>(&self, logical: &str) -> Result<T> {
        parse_json(&self.root, logical, &self.read_bytes(logical)?)
    }

    /// Reads the bytes of a logical file of the version read.
    pub fn read_bytes(&self, logical: &str) -> Result<Vec<u8>> {
        self.storage
            .read_logical_at(&self.key, &self.inventory, &self.version, logical)
    }

    /// The key of the content file holding a logical file of the version read.
    pub fn content_key(&self, logical: &str) -> Result<Key> {
        StorageRoot::logical_key(&self.key, &self.inventory, &self.version, logical)
    }

    /// The storage the object is kept in.
    pub fn backend(&self) -> &std::sync::Arc<dyn ObjectStorage> {
        self.storage.backend()
    }

    /// The SHA-256 of the object's root inventory as stored now (what audit entries record).
    pub fn inventory_sha256(&self) -> Result<String> {
        Ok(fsio::sha256_bytes(
            &self.storage.inventory_bytes(&self.key)?,
        ))
    }
}

fn parse_json<T: DeserializeOwned>(root: &Path, logical: &str, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|e| Error::Json {
        path: root.join(logical),
        message: e.to_string(),
    })
}
