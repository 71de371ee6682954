//! Minimal OCFL 1.1 storage root and objects (<https://ocfl.io/1.1/spec/>).
//!
//! In: an object id and the complete set of logical files of its next version. Out: an
//! OCFL object on disk: `0=ocfl_object_1.1`, `inventory.json` + `inventory.json.sha256`,
//! versions `v1, v2, …` never rewritten, content deduplicated by SHA-256 across versions.
//! A new object is built in `staging/` and renamed into place; a new version directory is
//! renamed into the object, then the root inventory is replaced and its sidecar written
//! last: that is the commit point. [`StorageRoot::recover`] rolls forward a version whose
//! commit was interrupted. Storage layout: extension 0003-hash-and-id-n-tuple.
//!
//! Every read and write goes through an [`ObjectStorage`] ([`super::storage`]): keys
//! relative to the storage root, create-only puts of a version's files, and the root
//! inventory replaced by compare-and-swap; [`DirectoryStorage`] does the staging, renames
//! and fsyncs described above.

use std::collections::BTreeMap;
#[cfg(test)]
use std::fs;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::fsio::{is_interrupted_write, sha256_bytes};
use super::generation::{Generation, Stamp};
use super::storage::{DirectoryStorage, Holder, Key, ObjectStorage, StagedWrite};
use crate::{Error, Result};

pub const ROOT_NAMASTE: &str = "0=ocfl_1.1";
pub const OBJECT_NAMASTE: &str = "0=ocfl_object_1.1";
pub const INVENTORY: &str = "inventory.json";
pub const INVENTORY_SIDECAR: &str = "inventory.json.sha256";
pub const LAYOUT_EXTENSION: &str = "0003-hash-and-id-n-tuple-storage-layout";
const INVENTORY_TYPE: &str = "https://ocfl.io/1.1/spec/#inventory";

/// An OCFL inventory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inventory {
    pub id: String,
    #[serde(rename = "type")]
    pub inventory_type: String,
    #[serde(rename = "digestAlgorithm")]
    pub digest_algorithm: String,
    pub head: String,
    #[serde(
        rename = "contentDirectory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub content_directory: Option<String>,
    pub manifest: BTreeMap<String, Vec<String>>,
    pub versions: BTreeMap<String, Version>,
}

/// One version of an object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// Digest → logical paths.
    pub state: BTreeMap<String, Vec<String>>,
}

/// Who made a version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct User {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

impl Inventory {
    /// The number of the head version (`v3` → 3).
    pub fn head_number(&self) -> u32 {
        version_number(&self.head).unwrap_or(0)
    }

    /// The head version's state as logical path → digest.
    pub fn head_files(&self) -> BTreeMap<String, String> {
        self.version_files(&self.head).unwrap_or_default()
    }

    /// A version's state as logical path → digest.
    pub fn version_files(&self, version: &str) -> Option<BTreeMap<String, String>> {
        let v = self.versions.get(version)?;
        Some(
            v.state
                .iter()
                .flat_map(|(d, paths)| paths.iter().map(move |p| (p.clone(), d.clone())))
                .collect(),
        )
    }

    /// The content path (relative to the object root) holding `digest`.
    pub fn content_path(&self, digest: &str) -> Option<&str> {
        self.manifest.get(digest)?.first().map(String::as_str)
    }
}

/// `v12` → 12.
pub fn version_number(name: &str) -> Option<u32> {
    name.strip_prefix('v')?.parse().ok().filter(|n| *n > 0)
}

/// Where a logical file's bytes come from.
#[derive(Debug, Clone)]
pub enum FileSource {
    Bytes(Vec<u8>),
    /// A file to copy, with its SHA-256 when already known.
    Path {
        path: PathBuf,
        sha256: String,
    },
    /// A file of the storage root itself (content of an earlier version), with its SHA-256.
    Stored {
        key: Key,
        sha256: String,
    },
}

impl FileSource {
    /// The SHA-256 of the file's bytes.
    pub fn digest(&self) -> String {
        match self {
            FileSource::Bytes(b) => sha256_bytes(b),
            FileSource::Path { sha256, .. } | FileSource::Stored { sha256, .. } => sha256.clone(),
        }
    }
}

/// What [`StorageRoot::commit_version`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitOutcome {
    Unchanged {
        version: String,
    },
    Committed {
        version: String,
        inventory_sha256: String,
    },
}

/// An OCFL storage root, read and written through an [`ObjectStorage`].
#[derive(Debug, Clone)]
pub struct StorageRoot {
    /// Where the storage root is (its directory), for messages and reports.
    pub root: PathBuf,
    backend: Arc<dyn ObjectStorage>,
    /// Counted up around every commit, when the archive keeps a generation.
    generation: Option<Generation>,
}

impl StorageRoot {
    /// Opens the storage root in the directory `root`, creating it when absent; new
    /// versions are built in `staging`.
    pub fn open_or_create(root: &Path, staging: &Path) -> Result<Self> {
        if !root.join(ROOT_NAMASTE).exists() {
            let files = root_files();
            let files: Vec<(&str, &[u8])> = files
                .iter()
                .map(|(k, b)| (k.as_str(), b.as_slice()))
                .collect();
            // Processes starting together (cluster workers) may each create it: whichever
            // rename lands first makes the root, and the others find it made.
            let mut tries = 0;
            while let Err(e) = DirectoryStorage::create_root(root, &files) {
                tries += 1;
                if root.join(ROOT_NAMASTE).exists() {
                    break;
                }
                if tries == 3 {
                    return Err(e);
                }
            }
        }
        Self::open(root, staging)
    }

    /// Opens the existing storage root in the directory `root`.
    pub fn open(root: &Path, staging: &Path) -> Result<Self> {
        Self::on(Arc::new(DirectoryStorage::new(root, staging)), root)
    }

    /// Opens the existing storage root kept by `backend` (`root`: where it is, for messages).
    pub fn on(backend: Arc<dyn ObjectStorage>, root: &Path) -> Result<Self> {
        if !backend.exists(&Key::new(ROOT_NAMASTE)?)? {
            return Err(Error::Archive(format!(
                "{} is not an OCFL storage root (no {ROOT_NAMASTE})",
                root.display()
            )));
        }
        Ok(StorageRoot {
            root: root.to_path_buf(),
            backend,
            generation: None,
        })
    }

    /// This storage root, counting `generation` up around every commit (see
    /// [`super::generation`]).
    #[must_use]
    pub fn counting_generations(self, generation: Generation) -> Self {
        StorageRoot {
            generation: Some(generation),
            ..self
        }
    }

    /// The generation of the store (see [`super::generation`]): `None` while a commit is
    /// under way, or when the store keeps none.
    pub fn generation(&self) -> Option<u64> {
        self.generation.as_ref().and_then(Generation::read)
    }

    /// The store's [`Stamp`] (generation and journal length) when at rest and counted.
    pub fn stamp(&self) -> Option<Stamp> {
        self.generation.as_ref().and_then(Generation::stamp)
    }

    /// The objects changed between two stamps ([`Generation::changed_since`]).
    pub fn changed_since(&self, from: Stamp, to: Stamp) -> Option<Vec<Key>> {
        let changed = self.generation.as_ref()?.changed_since(from, to)?;
        changed.into_iter().map(|k| Key::new(k).ok()).collect()
    }

    /// The storage the root is kept on.
    pub fn backend(&self) -> &Arc<dyn ObjectStorage> {
        &self.backend
    }

    /// The key of the object root of `id` under the 0003 layout.
    pub fn object_key(&self, id: &str) -> Key {
        Key::new(object_key_string(id)).expect("a layout path is a valid key")
    }

    /// The object root of `id` under the 0003 layout.
    pub fn object_root(&self, id: &str) -> PathBuf {
        self.backend.locate(&self.object_key(id))
    }

    /// Object roots found (prefixes holding the object NAMASTE file), in storage order.
    pub fn object_keys(&self) -> Result<Vec<Key>> {
        let mut found = Vec::new();
        let mut pending: Vec<Key> = Vec::new();
        let top = self.backend.children(None)?;
        for dir in top.dirs.iter().rev().filter(|d| *d != "extensions") {
            pending.push(Key::new(dir.clone())?);
        }
        while let Some(prefix) = pending.pop() {
            let children = self.backend.children(Some(&prefix))?;
            if children.files.iter().any(|f| f == OBJECT_NAMASTE) {
                found.push(prefix);
                continue;
            }
            for dir in children.dirs.iter().rev() {
                pending.push(prefix.join(dir)?);
            }
        }
        Ok(found)
    }

    /// Object roots found, as [`StorageRoot::object_keys`], located.
    pub fn object_roots(&self) -> Result<Vec<PathBuf>> {
        Ok(self
            .object_keys()?
            .iter()
            .map(|k| self.backend.locate(k))
            .collect())
    }

    /// The bytes of an object's root inventory.
    pub fn inventory_bytes(&self, object: &Key) -> Result<Vec<u8>> {
        self.backend.get_bytes(&object.join(INVENTORY)?)
    }

    /// Reads and parses an object's root inventory.
    pub fn inventory(&self, object: &Key) -> Result<Inventory> {
        let bytes = self.inventory_bytes(object)?;
        self.parse_inventory(object, &bytes)
    }

    fn parse_inventory(&self, object: &Key, bytes: &[u8]) -> Result<Inventory> {
        serde_json::from_slice(bytes).map_err(|e| Error::Json {
            path: self
                .backend
                .locate(&object.join(INVENTORY).expect("valid key")),
            message: e.to_string(),
        })
    }

    /// The key of the content file holding a logical file of `version` of an object.
    pub fn logical_key(
        object: &Key,
        inventory: &Inventory,
        version: &str,
        logical: &str,
    ) -> Result<Key> {
        let files = inventory.version_files(version).ok_or_else(|| {
            Error::Archive(format!("object {}: no version {version}", inventory.id))
        })?;
        let digest = files.get(logical).ok_or_else(|| {
            Error::Archive(format!(
                "object {}: no file {logical} in {version}",
                inventory.id
            ))
        })?;
        let content = inventory.content_path(digest).ok_or_else(|| {
            Error::Archive(format!(
                "object {}: digest {digest} not in manifest",
                inventory.id
            ))
        })?;
        object.join(content)
    }

    /// Reads the bytes of a logical file in `version` of an object.
    pub fn read_logical_at(
        &self,
        object: &Key,
        inventory: &Inventory,
        version: &str,
        logical: &str,
    ) -> Result<Vec<u8>> {
        let key = Self::logical_key(object, inventory, version, logical)?;
        self.backend.get_bytes(&key)
    }

    /// Makes `files` the next version of object `id` (creating the object if needed), unless
    /// they equal the head version. Crash-safe: see the module doc.
    pub fn commit_version(
        &self,
        id: &str,
        files: &BTreeMap<String, FileSource>,
        message: &str,
        user: &User,
    ) -> Result<CommitOutcome> {
        self.commit_version_as(id, files, message, user, Holder::Shared)
    }

    /// [`StorageRoot::commit_version`] by a writer holding the object as `holder` says
    /// ([`Holder::Exclusive`]: under the coordinator's object lock, so that what an earlier,
    /// fenced-out holder left before its commit point is removed at once).
    pub fn commit_version_as(
        &self,
        id: &str,
        files: &BTreeMap<String, FileSource>,
        message: &str,
        user: &User,
        holder: Holder,
    ) -> Result<CommitOutcome> {
        for logical in files.keys() {
            check_logical_path(logical)?;
        }
        let object = self.object_key(id);
        // An object is there once its NAMASTE is (put last when it is created: on a
        // storage without renames, a root inventory alone may be another writer's object
        // under way, or what a killed one left).
        let previous = if self.backend.exists(&object.join(OBJECT_NAMASTE)?)?
            && self.backend.exists(&object.join(INVENTORY)?)?
        {
            let bytes = self.inventory_bytes(&object)?;
            Some((self.parse_inventory(&object, &bytes)?, sha256_bytes(&bytes)))
        } else {
            None
        };
        if let Some((prev, prev_sha256)) = &previous {
            // A version committed after the root inventory this commit read (its
            // `vN/inventory.json` stored: the commit point of a storage without renames), by
            // another writer or by one killed before it replaced the root inventory: rolled
            // forward, and this commit refused as one that lost to it.
            let next = object.join(&format!("v{}/{INVENTORY}", prev.head_number() + 1))?;
            if self.backend.exists(&next)? {
                let bytes = self.backend.get_bytes(&next)?;
                let sidecar = format!("{}  {INVENTORY}\n", sha256_bytes(&bytes));
                let _change = self
                    .generation
                    .as_ref()
                    .map(|g| g.begin(object.as_str()))
                    .transpose()?;
                self.backend
                    .swap_inventory(&object, prev_sha256, &bytes, sidecar.as_bytes())?;
                tracing::warn!(object = %id, version = %next, "rolled a committed version forward");
                return Err(Error::InventoryChanged {
                    path: self.backend.locate(&object.join(INVENTORY)?),
                    expected: prev_sha256.clone(),
                    actual: sha256_bytes(&bytes),
                });
            }
        }
        let state_by_path: BTreeMap<String, String> =
            files.iter().map(|(p, s)| (p.clone(), s.digest())).collect();
        if let Some((prev, _)) = &previous {
            if prev.head_files() == state_by_path {
                return Ok(CommitOutcome::Unchanged {
                    version: prev.head.clone(),
                });
            }
        }
        let number = previous.as_ref().map_or(1, |(p, _)| p.head_number() + 1);
        let version = format!("v{number}");
        let mut inventory = previous.as_ref().map_or_else(
            || Inventory {
                id: id.to_string(),
                inventory_type: INVENTORY_TYPE.into(),
                digest_algorithm: "sha256".into(),
                head: String::new(),
                content_directory: None,
                manifest: BTreeMap::new(),
                versions: BTreeMap::new(),
            },
            |(p, _)| p.clone(),
        );
        let mut state: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (path, digest) in &state_by_path {
            state.entry(digest.clone()).or_default().push(path.clone());
        }

        // Nothing of the version is visible until it is published; dropped on an error,
        // nothing of it is kept.
        let mut staged = self
            .backend
            .stage_as(&object, &version, previous.is_none(), holder)?;
        self.stage_content(
            staged.as_mut(),
            files,
            &state_by_path,
            &mut inventory,
            &object,
            &version,
        )?;
        inventory.head.clone_from(&version);
        inventory.versions.insert(
            version.clone(),
            Version {
                created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                message: Some(message.to_string()),
                user: Some(user.clone()),
                state,
            },
        );
        let inventory_bytes = serde_json::to_vec_pretty(&inventory).expect("inventory serialises");
        let inventory_sha256 = sha256_bytes(&inventory_bytes);
        let sidecar = format!("{inventory_sha256}  {INVENTORY}\n");
        let put = |staged: &mut dyn StagedWrite, key: Key, bytes: &[u8]| {
            let from = self.backend.locate(&key);
            staged.put_new(&key, &from, &mut &bytes[..]).map(|_| ())
        };
        // The version's own inventory after its sidecar: the commit point of a storage
        // without renames (a committed version always has both).
        put(
            staged.as_mut(),
            object.join(&format!("{version}/{INVENTORY_SIDECAR}"))?,
            sidecar.as_bytes(),
        )?;
        put(
            staged.as_mut(),
            object.join(&format!("{version}/{INVENTORY}"))?,
            &inventory_bytes,
        )?;
        // From here the store changes; the generation moves on when this is dropped.
        let _change = self
            .generation
            .as_ref()
            .map(|g| g.begin(object.as_str()))
            .transpose()?;
        match &previous {
            None => {
                put(staged.as_mut(), object.join(INVENTORY)?, &inventory_bytes)?;
                put(
                    staged.as_mut(),
                    object.join(INVENTORY_SIDECAR)?,
                    sidecar.as_bytes(),
                )?;
                // Last: what makes the prefix an object (the commit point of a new object
                // on a storage without renames).
                put(
                    staged.as_mut(),
                    object.join(OBJECT_NAMASTE)?,
                    b"ocfl_object_1.1\n",
                )?;
                staged.publish()?;
            }
            Some((_, previous_sha256)) => {
                staged.publish()?;
                // Root inventory, then its sidecar last: the commit point.
                self.backend.swap_inventory(
                    &object,
                    previous_sha256,
                    &inventory_bytes,
                    sidecar.as_bytes(),
                )?;
            }
        }
        Ok(CommitOutcome::Committed {
            version,
            inventory_sha256,
        })
    }

    /// Completes commits that were interrupted: a version directory newer than the root
    /// inventory (renamed into place, root inventory not yet replaced) is rolled forward,
    /// and a root inventory whose sidecar was not yet rewritten gets it. Returns the ids of
    /// objects that were repaired.
    pub fn recover(&self) -> Result<Vec<String>> {
        let mut repaired = Vec::new();
        for object in self.object_keys()? {
            if let Some(id) = self.recover_object(&object)? {
                repaired.push(id);
            }
        }
        Ok(repaired)
    }

    /// [`StorageRoot::recover`] for the one object at `object` (a cluster worker, holding
    /// the object's lock, before it commits); its id when it was repaired.
    pub fn recover_object(&self, object: &Key) -> Result<Option<String>> {
        let children = self.backend.children(Some(object))?;
        // Temporary files of interrupted atomic writes (root inventory and sidecar)
        // hold nothing committed.
        for name in children.files.iter().filter(|n| is_interrupted_write(n)) {
            self.backend.delete(&object.join(name)?)?;
        }
        let Ok(root_inv) = self.inventory(object) else {
            return Ok(None);
        };
        let newest = children
            .files
            .iter()
            .chain(&children.dirs)
            .filter_map(|name| version_number(name))
            .max()
            .unwrap_or(0);
        let head = if newest > root_inv.head_number() {
            format!("v{newest}")
        } else {
            root_inv.head.clone()
        };
        let Ok(bytes) = self
            .backend
            .get_bytes(&object.join(&format!("{head}/{INVENTORY}"))?)
        else {
            return Ok(None);
        };
        let sidecar = format!("{}  {INVENTORY}\n", sha256_bytes(&bytes));
        let root_bytes = self.inventory_bytes(object).unwrap_or_default();
        let root_sidecar = self
            .backend
            .get_bytes(&object.join(INVENTORY_SIDECAR)?)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default();
        if root_bytes == bytes && root_sidecar == sidecar {
            return Ok(None);
        }
        let _change = self
            .generation
            .as_ref()
            .map(|g| g.begin(object.as_str()))
            .transpose()?;
        self.backend.swap_inventory(
            object,
            &sha256_bytes(&root_bytes),
            &bytes,
            sidecar.as_bytes(),
        )?;
        Ok(Some(root_inv.id.clone()))
    }

    /// Puts the content files of a new version (those whose digest the manifest lacks)
    /// under `{object}/{version}/content/` and adds them to the manifest. A file copied
    /// from a path or from the store is hashed while copied: bytes other than the digest
    /// given are [`Error::SourceChanged`].
    fn stage_content(
        &self,
        staged: &mut dyn StagedWrite,
        files: &BTreeMap<String, FileSource>,
        state_by_path: &BTreeMap<String, String>,
        inventory: &mut Inventory,
        object: &Key,
        version: &str,
    ) -> Result<()> {
        for (path, source) in files {
            let digest = &state_by_path[path];
            if inventory.manifest.contains_key(digest) {
                continue;
            }
            let content_path = format!("{version}/content/{path}");
            let target = object.join(&content_path)?;
            let copied = match source {
                FileSource::Bytes(bytes) => {
                    let from = self.backend.locate(&target);
                    staged.put_new(&target, &from, &mut &bytes[..])?;
                    None
                }
                FileSource::Path { path: from, sha256 } => {
                    let mut reader = File::open(from).map_err(|e| Error::io(from, e))?;
                    let (copied, _) = staged.put_new(&target, from, &mut reader)?;
                    Some((from.clone(), sha256, copied))
                }
                FileSource::Stored { key, sha256 } => {
                    let from = self.backend.locate(key);
                    let mut reader = self.backend.get(key)?;
                    let (copied, _) = staged.put_new(&target, &from, &mut reader)?;
                    Some((from, sha256, copied))
                }
            };
            if let Some((from, expected, copied)) = copied {
                if &copied != expected {
                    return Err(Error::SourceChanged {
                        path: from,
                        expected: expected.clone(),
                        actual: copied,
                    });
                }
            }
            inventory
                .manifest
                .insert(digest.clone(), vec![content_path]);
        }
        Ok(())
    }

    /// Reads and parses the root inventory of the object in the directory `object_root`.
    #[cfg(test)]
    pub fn read_inventory(object_root: &Path) -> Result<Inventory> {
        let path = object_root.join(INVENTORY);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        serde_json::from_slice(&bytes).map_err(|e| Error::Json {
            path,
            message: e.to_string(),
        })
    }

    /// Reads a logical file of the object in the directory `object_root`.
    #[cfg(test)]
    pub fn read_logical(
        object_root: &Path,
        inventory: &Inventory,
        version: &str,
        logical: &str,
    ) -> Result<Vec<u8>> {
        let dummy = Key::new("object")?;
        let key = Self::logical_key(&dummy, inventory, version, logical)?;
        let path = object_root.join(key.below(&dummy).expect("below"));
        std::fs::read(&path).map_err(|e| Error::io(&path, e))
    }
}

/// The files of an empty storage root (name → bytes), its NAMASTE last: the layout
/// extension's configuration and `ocfl_layout.json`.
pub fn root_files() -> Vec<(String, Vec<u8>)> {
    let config = serde_json::to_string_pretty(&serde_json::json!({
        "extensionName": LAYOUT_EXTENSION,
        "digestAlgorithm": "sha256",
        "tupleSize": 3,
        "numberOfTuples": 3,
    }))
    .expect("static json");
    let layout = serde_json::to_string_pretty(&serde_json::json!({
        "extension": LAYOUT_EXTENSION,
        "description": "Hashed Truncated N-tuple Trees with Object ID Encapsulating Directory: sha256 of the id, 3 tuples of 3, then the percent-encoded id",
    }))
    .expect("static json");
    vec![
        (
            format!("extensions/{LAYOUT_EXTENSION}/config.json"),
            config.into_bytes(),
        ),
        ("ocfl_layout.json".into(), layout.into_bytes()),
        (ROOT_NAMASTE.into(), b"ocfl_1.1\n".to_vec()),
    ]
}

/// The 0003 layout path of an object: three 3-character tuples of sha256(id), then the
/// percent-encoded id.
pub fn object_path(id: &str) -> PathBuf {
    PathBuf::from(object_key_string(id))
}

/// [`object_path`] as a `/`-separated storage key.
fn object_key_string(id: &str) -> String {
    let digest = sha256_bytes(id.as_bytes());
    let encoded: String = id
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
                (b as char).to_string()
            } else {
                format!("%{b:02x}")
            }
        })
        .collect();
    format!(
        "{}/{}/{}/{encoded}",
        &digest[0..3],
        &digest[3..6],
        &digest[6..9]
    )
}

/// OCFL logical paths: relative, `/`-separated, no empty, `.` or `..` segments.
pub fn check_logical_path(path: &str) -> Result<()> {
    let bad = path.is_empty()
        || path.starts_with('/')
        || path.contains('\\')
        || path
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == "..")
        || path.chars().any(char::is_control);
    if bad {
        return Err(Error::Archive(format!("invalid logical path {path:?}")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user() -> User {
        User {
            name: "tester".into(),
            address: None,
        }
    }

    fn files(pairs: &[(&str, &str)]) -> BTreeMap<String, FileSource> {
        pairs
            .iter()
            .map(|(p, c)| (p.to_string(), FileSource::Bytes(c.as_bytes().to_vec())))
            .collect()
    }

    #[test]
    fn a_source_file_that_changed_since_it_was_hashed_is_not_stored() {
        let dir = tempfile::tempdir().unwrap();
        let staging = dir.path().join("staging");
        let store = StorageRoot::open_or_create(&dir.path().join("ocfl"), &staging).unwrap();
        let scan = dir.path().join("scan.tif");
        fs::write(&scan, b"page one").unwrap();
        let planned = sha256_bytes(b"page one");
        // Appended to after it was hashed (a scanner still writing it).
        fs::write(&scan, b"page one, page two").unwrap();
        let mut v1 = files(&[("metadata/a.json", "{}")]);
        v1.insert(
            "originals/scan.tif".into(),
            FileSource::Path {
                path: scan.clone(),
                sha256: planned.clone(),
            },
        );
        let err = store
            .commit_version("01CHG", &v1, "ingest", &user())
            .unwrap_err();
        match &err {
            Error::SourceChanged {
                path,
                expected,
                actual,
            } => {
                assert_eq!(path, &scan);
                assert_eq!(expected, &planned);
                assert_eq!(actual, &sha256_bytes(b"page one, page two"));
            }
            other => panic!("{other}"),
        }
        assert!(err.concerns_one_hoso());
        let message = err.to_string();
        assert!(
            message.contains("scan.tif") && message.contains("changed while being ingested"),
            "{message}"
        );
        // No object, and nothing left in staging.
        assert!(!store.object_root("01CHG").exists());
        assert_eq!(fs::read_dir(&staging).unwrap().count(), 0);
    }

    #[test]
    fn creates_versions_dedups_and_skips_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let store =
            StorageRoot::open_or_create(&dir.path().join("ocfl"), &dir.path().join("staging"))
                .unwrap();
        let v1 = files(&[("a.txt", "one"), ("b.txt", "two"), ("c.txt", "one")]);
        let out = store
            .commit_version("01ABC", &v1, "ingest", &user())
            .unwrap();
        assert!(matches!(out, CommitOutcome::Committed { ref version, .. } if version == "v1"));
        assert_eq!(
            store
                .commit_version("01ABC", &v1, "again", &user())
                .unwrap(),
            CommitOutcome::Unchanged {
                version: "v1".into()
            }
        );
        let v2 = files(&[("a.txt", "one"), ("b.txt", "TWO")]);
        store.commit_version("01ABC", &v2, "edit", &user()).unwrap();
        let root = store.object_root("01ABC");
        let inv = StorageRoot::read_inventory(&root).unwrap();
        assert_eq!(inv.head, "v2");
        // "one" is stored once, in v1; v2 holds only the changed file.
        assert_eq!(inv.manifest.len(), 3);
        assert!(root.join("v1/content/a.txt").exists() && !root.join("v1/content/c.txt").exists());
        assert!(root.join("v2/content/b.txt").exists() && !root.join("v2/content/a.txt").exists());
        assert_eq!(
            StorageRoot::read_logical(&root, &inv, "v1", "b.txt").unwrap(),
            b"two"
        );
        assert_eq!(
            StorageRoot::read_logical(&root, &inv, "v2", "b.txt").unwrap(),
            b"TWO"
        );
        assert_eq!(store.object_roots().unwrap(), vec![root.clone()]);
        let sidecar = fs::read_to_string(root.join(INVENTORY_SIDECAR)).unwrap();
        assert_eq!(
            sidecar,
            format!(
                "{}  inventory.json\n",
                sha256_bytes(&fs::read(root.join(INVENTORY)).unwrap())
            )
        );
    }

    #[test]
    fn recovers_an_interrupted_version_commit() {
        let dir = tempfile::tempdir().unwrap();
        let store =
            StorageRoot::open_or_create(&dir.path().join("ocfl"), &dir.path().join("staging"))
                .unwrap();
        store
            .commit_version("X1", &files(&[("a", "1")]), "m", &user())
            .unwrap();
        let root = store.object_root("X1");
        let v1_root_inventory = fs::read(root.join(INVENTORY)).unwrap();
        store
            .commit_version("X1", &files(&[("a", "2")]), "m", &user())
            .unwrap();
        // Simulate a crash after v2 was renamed in but before the root inventory was replaced.
        fs::write(root.join(INVENTORY), &v1_root_inventory).unwrap();
        assert_eq!(store.recover().unwrap(), vec!["X1".to_string()]);
        let inv = StorageRoot::read_inventory(&root).unwrap();
        assert_eq!(inv.head, "v2");
        assert!(store.recover().unwrap().is_empty());
    }

    #[test]
    fn rejects_bad_logical_paths() {
        for bad in ["", "/a", "a//b", "a/../b", "./a", "a\\b"] {
            assert!(check_logical_path(bad).is_err(), "{bad}");
        }
        assert!(check_logical_path("originals/hs-01/1.tif").is_ok());
    }
}
