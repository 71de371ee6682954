//! The archive on disk (DESIGN.md §4): `ocfl/`, `index/`, `audit/`, `reports/`, `staging/`.
//!
//! In: an archive directory. Out: an [`Archive`] handle that opens or creates the layout,
//! locks it for writers, and reads hồ sơ objects back ([`HoSoObject`]) with their documents
//! and pages. Writing versions is [`ocfl`]'s job; the audit chain is [`audit`]'s.

pub mod audit;
pub mod fsio;
pub mod ocfl;
pub mod records;

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::{Error, Result};
use audit::AuditLog;
use ocfl::{Inventory, StorageRoot};
use records::{DocumentRecord, PageRecord, SourceRecord, DOCUMENTS_DIR, PAGES_DIR, SOURCE_PATH};

/// An archive directory.
#[derive(Debug, Clone)]
pub struct Archive {
    pub root: PathBuf,
    storage: StorageRoot,
}

/// Holds the archive's writer lock until dropped.
#[derive(Debug)]
pub struct ArchiveLock {
    _file: File,
}

impl Archive {
    /// Opens the archive at `dir`, creating its layout when absent.
    pub fn open_or_create(dir: &Path) -> Result<Archive> {
        for sub in ["index", "audit", "reports", "staging"] {
            let p = dir.join(sub);
            fs::create_dir_all(&p).map_err(|e| Error::io(&p, e))?;
        }
        let storage =
            StorageRoot::open_or_create(&dir.join("ocfl"), &dir.join("staging").join("ocfl"))?;
        Ok(Archive {
            root: dir.to_path_buf(),
            storage,
        })
    }

    /// Opens an existing archive (read paths never create one).
    pub fn open(dir: &Path) -> Result<Archive> {
        let storage = StorageRoot::open(&dir.join("ocfl"), &dir.join("staging").join("ocfl"))
            .map_err(|_| {
                Error::Archive(format!(
                    "{} is not a sohoa archive (no ocfl/ storage root); run `sohoa ingest` first",
                    dir.display()
                ))
            })?;
        Ok(Archive {
            root: dir.to_path_buf(),
            storage,
        })
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
        self.root.join("staging")
    }
    pub fn audit(&self) -> AuditLog {
        AuditLog::new(&self.root.join("audit"))
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
            .object_roots()?
            .into_iter()
            .map(|root| HoSoObject::load(&root))
            .collect::<Result<Vec<_>>>()?;
        objects.sort_by(|a, b| {
            natord::compare(&a.source.box_name, &b.source.box_name)
                .then_with(|| natord::compare(&a.source.hoso, &b.source.hoso))
        });
        Ok(objects)
    }

    /// The object and document with document id `id`.
    pub fn find_document(&self, id: &str) -> Result<Option<(HoSoObject, DocumentRecord)>> {
        for object in self.hoso_objects()? {
            if let Some(doc) = object.documents.iter().find(|d| d.id == id).cloned() {
                return Ok(Some((object, doc)));
            }
        }
        Ok(None)
    }
}

/// A hồ sơ object read back from the store (head version).
#[derive(Debug, Clone)]
pub struct HoSoObject {
    pub id: String,
    pub root: PathBuf,
    pub inventory: Inventory,
    pub source: SourceRecord,
    pub documents: Vec<DocumentRecord>,
}

impl HoSoObject {
    /// Reads an object's inventory, source record and document records.
    pub fn load(root: &Path) -> Result<HoSoObject> {
        let inventory = StorageRoot::read_inventory(root)?;
        let source: SourceRecord = read_json(root, &inventory, SOURCE_PATH)?;
        let mut documents: Vec<DocumentRecord> = inventory
            .head_files()
            .keys()
            .filter(|p| p.starts_with(DOCUMENTS_DIR))
            .map(|p| read_json(root, &inventory, p))
            .collect::<Result<_>>()?;
        documents.sort_by_key(|d| d.ordinal);
        Ok(HoSoObject {
            id: inventory.id.clone(),
            root: root.to_path_buf(),
            inventory,
            source,
            documents,
        })
    }

    /// The page records of the head version, in page order.
    pub fn pages(&self) -> Result<Vec<PageRecord>> {
        let mut pages: Vec<PageRecord> = self
            .inventory
            .head_files()
            .keys()
            .filter(|p| p.starts_with(PAGES_DIR))
            .map(|p| read_json(&self.root, &self.inventory, p))
            .collect::<Result<_>>()?;
        pages.sort_by_key(|p| p.number);
        Ok(pages)
    }

    /// Reads a logical JSON file of the head version.
    pub fn read_json<T: DeserializeOwned>(&self, logical: &str) -> Result<T> {
        read_json(&self.root, &self.inventory, logical)
    }
}

fn read_json<T: DeserializeOwned>(root: &Path, inventory: &Inventory, logical: &str) -> Result<T> {
    let bytes = StorageRoot::read_logical(root, inventory, &inventory.head, logical)?;
    serde_json::from_slice(&bytes).map_err(|e| Error::Json {
        path: root.join(logical),
        message: e.to_string(),
    })
}
