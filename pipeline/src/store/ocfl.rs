//! Minimal OCFL 1.1 storage root and objects (https://ocfl.io/1.1/spec/).
//!
//! In: an object id and the complete set of logical files of its next version. Out: an
//! OCFL object on disk: `0=ocfl_object_1.1`, `inventory.json` + `inventory.json.sha256`,
//! versions `v1, v2, …` never rewritten, content deduplicated by SHA-256 across versions.
//! A new object is built in `staging/` and renamed into place; a new version directory is
//! renamed into the object, then the root inventory is replaced and its sidecar written
//! last: that is the commit point. [`StorageRoot::recover`] rolls forward a version whose
//! commit was interrupted. Storage layout: extension 0003-hash-and-id-n-tuple.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fsio::{copy_new, sha256_bytes, sync_dir, sync_tree, write_atomic, write_new};
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
}

impl FileSource {
    /// The SHA-256 of the file's bytes.
    pub fn digest(&self) -> String {
        match self {
            FileSource::Bytes(b) => sha256_bytes(b),
            FileSource::Path { sha256, .. } => sha256.clone(),
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

/// An OCFL storage root.
#[derive(Debug, Clone)]
pub struct StorageRoot {
    pub root: PathBuf,
    staging: PathBuf,
}

impl StorageRoot {
    /// Opens the storage root at `root`, creating it when absent; new objects are built in `staging`.
    pub fn open_or_create(root: &Path, staging: &Path) -> Result<Self> {
        if !root.join(ROOT_NAMASTE).exists() {
            // Built beside its place and renamed there whole: a crash leaves either no
            // storage root or a complete one.
            let parent = root.parent().expect("storage root has a parent");
            let build = parent.join(format!(
                ".{}.tmp-{}",
                root.file_name().unwrap_or_default().to_string_lossy(),
                std::process::id()
            ));
            // Leftovers of an earlier interrupted creation go first.
            let prefix = format!(
                ".{}.tmp-",
                root.file_name().unwrap_or_default().to_string_lossy()
            );
            for entry in fs::read_dir(parent)
                .map_err(|e| Error::io(parent, e))?
                .flatten()
            {
                if entry.file_name().to_string_lossy().starts_with(&prefix) {
                    let p = entry.path();
                    fs::remove_dir_all(&p).map_err(|e| Error::io(&p, e))?;
                }
            }
            Self::lay_out(&build)?;
            if root.exists() {
                // An empty directory (made by hand, or by an older version) is replaced.
                fs::remove_dir(root).map_err(|e| Error::io(root, e))?;
            }
            fs::rename(&build, root).map_err(|e| Error::io(root, e))?;
            crate::store::fsio::sync_dir(parent)?;
        }
        Self::open(root, staging)
    }

    /// Writes the files of an empty storage root into `root`.
    fn lay_out(root: &Path) -> Result<()> {
        {
            fs::create_dir_all(root).map_err(|e| Error::io(root, e))?;
            let ext = root.join("extensions").join(LAYOUT_EXTENSION);
            write_atomic(
                &ext.join("config.json"),
                serde_json::to_string_pretty(&serde_json::json!({
                    "extensionName": LAYOUT_EXTENSION,
                    "digestAlgorithm": "sha256",
                    "tupleSize": 3,
                    "numberOfTuples": 3,
                }))
                .expect("static json")
                .as_bytes(),
            )?;
            write_atomic(
                &root.join("ocfl_layout.json"),
                serde_json::to_string_pretty(&serde_json::json!({
                    "extension": LAYOUT_EXTENSION,
                    "description": "Hashed Truncated N-tuple Trees with Object ID Encapsulating Directory: sha256 of the id, 3 tuples of 3, then the percent-encoded id",
                }))
                .expect("static json")
                .as_bytes(),
            )?;
            write_atomic(&root.join(ROOT_NAMASTE), b"ocfl_1.1\n")?;
        }
        Ok(())
    }

    /// Opens an existing storage root.
    pub fn open(root: &Path, staging: &Path) -> Result<Self> {
        if !root.join(ROOT_NAMASTE).exists() {
            return Err(Error::Archive(format!(
                "{} is not an OCFL storage root (no {ROOT_NAMASTE})",
                root.display()
            )));
        }
        Ok(StorageRoot {
            root: root.to_path_buf(),
            staging: staging.to_path_buf(),
        })
    }

    /// The object root of `id` under the 0003 layout.
    pub fn object_root(&self, id: &str) -> PathBuf {
        self.root.join(object_path(id))
    }

    /// Object roots found on disk (directories holding the object NAMASTE file).
    pub fn object_roots(&self) -> Result<Vec<PathBuf>> {
        let mut roots = Vec::new();
        let mut walker = walkdir::WalkDir::new(&self.root)
            .sort_by_file_name()
            .into_iter();
        while let Some(entry) = walker.next() {
            let entry = entry
                .map_err(|e| Error::Archive(format!("walking {}: {e}", self.root.display())))?;
            if entry.file_type().is_dir() && entry.path().join(OBJECT_NAMASTE).is_file() {
                roots.push(entry.path().to_path_buf());
                walker.skip_current_dir();
            } else if entry.depth() == 1 && entry.file_name() == "extensions" {
                walker.skip_current_dir();
            }
        }
        Ok(roots)
    }

    /// Reads and parses an object's root inventory.
    pub fn read_inventory(object_root: &Path) -> Result<Inventory> {
        let path = object_root.join(INVENTORY);
        let bytes = fs::read(&path).map_err(|e| Error::io(&path, e))?;
        serde_json::from_slice(&bytes).map_err(|e| Error::Json {
            path,
            message: e.to_string(),
        })
    }

    /// Reads the bytes of a logical file in `version` of an object.
    pub fn read_logical(
        object_root: &Path,
        inventory: &Inventory,
        version: &str,
        logical: &str,
    ) -> Result<Vec<u8>> {
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
        let path = object_root.join(content);
        fs::read(&path).map_err(|e| Error::io(&path, e))
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
        for logical in files.keys() {
            check_logical_path(logical)?;
        }
        let object_root = self.object_root(id);
        let previous = if object_root.join(INVENTORY).exists() {
            Some(Self::read_inventory(&object_root)?)
        } else {
            None
        };
        let state_by_path: BTreeMap<String, String> =
            files.iter().map(|(p, s)| (p.clone(), s.digest())).collect();
        if let Some(prev) = &previous {
            if prev.head_files() == state_by_path {
                return Ok(CommitOutcome::Unchanged {
                    version: prev.head.clone(),
                });
            }
        }
        let number = previous.as_ref().map_or(1, |p| p.head_number() + 1);
        let version = format!("v{number}");
        let mut inventory = previous.clone().unwrap_or_else(|| Inventory {
            id: id.to_string(),
            inventory_type: INVENTORY_TYPE.into(),
            digest_algorithm: "sha256".into(),
            head: String::new(),
            content_directory: None,
            manifest: BTreeMap::new(),
            versions: BTreeMap::new(),
        });
        let mut state: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (path, digest) in &state_by_path {
            state.entry(digest.clone()).or_default().push(path.clone());
        }

        // Build the version directory in staging.
        let build = self
            .staging
            .join(format!("{}-{version}-{}", sanitize(id), std::process::id()));
        if build.exists() {
            fs::remove_dir_all(&build).map_err(|e| Error::io(&build, e))?;
        }
        let version_dir = if previous.is_some() {
            build.clone()
        } else {
            build.join(&version)
        };
        if let Err(e) = stage_content(
            files,
            &state_by_path,
            &mut inventory,
            &version,
            &version_dir,
        ) {
            // Nothing of the version is kept: a later commit starts from a clean staging.
            let _ = fs::remove_dir_all(&build);
            return Err(e);
        }
        inventory.head = version.clone();
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
        write_new(&version_dir.join(INVENTORY), &inventory_bytes)?;
        write_new(&version_dir.join(INVENTORY_SIDECAR), sidecar.as_bytes())?;

        if previous.is_none() {
            write_new(&build.join(OBJECT_NAMASTE), b"ocfl_object_1.1\n")?;
            write_new(&build.join(INVENTORY), &inventory_bytes)?;
            write_new(&build.join(INVENTORY_SIDECAR), sidecar.as_bytes())?;
            sync_tree(&build)?;
            let parent = object_root.parent().expect("object root has a parent");
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            fs::rename(&build, &object_root).map_err(|e| Error::io(&object_root, e))?;
            sync_dir(parent)?;
        } else {
            sync_tree(&build)?;
            let target = object_root.join(&version);
            fs::rename(&build, &target).map_err(|e| Error::io(&target, e))?;
            sync_dir(&object_root)?;
            // Root inventory, then its sidecar last: the commit point.
            write_atomic(&object_root.join(INVENTORY), &inventory_bytes)?;
            write_atomic(&object_root.join(INVENTORY_SIDECAR), sidecar.as_bytes())?;
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
        for object_root in self.object_roots()? {
            // Temporary files of interrupted atomic writes (root inventory and sidecar)
            // hold nothing committed.
            crate::store::fsio::remove_interrupted_writes(&object_root)?;
            let Ok(root_inv) = Self::read_inventory(&object_root) else {
                continue;
            };
            let newest = fs::read_dir(&object_root)
                .map_err(|e| Error::io(&object_root, e))?
                .filter_map(|e| e.ok())
                .filter_map(|e| version_number(&e.file_name().to_string_lossy()))
                .max()
                .unwrap_or(0);
            let head = if newest > root_inv.head_number() {
                format!("v{newest}")
            } else {
                root_inv.head.clone()
            };
            let version_inventory = object_root.join(&head).join(INVENTORY);
            let Ok(bytes) = fs::read(&version_inventory) else {
                continue;
            };
            let sidecar = format!("{}  {INVENTORY}\n", sha256_bytes(&bytes));
            let root_bytes = fs::read(object_root.join(INVENTORY)).unwrap_or_default();
            let root_sidecar =
                fs::read_to_string(object_root.join(INVENTORY_SIDECAR)).unwrap_or_default();
            if root_bytes != bytes || root_sidecar != sidecar {
                write_atomic(&object_root.join(INVENTORY), &bytes)?;
                write_atomic(&object_root.join(INVENTORY_SIDECAR), sidecar.as_bytes())?;
                repaired.push(root_inv.id.clone());
            }
        }
        Ok(repaired)
    }
}

/// Writes the content files of a new version (those whose digest the manifest lacks) under
/// `version_dir/content/` and adds them to the manifest. A file copied from a path is hashed
/// while copied: bytes other than the digest given are [`Error::SourceChanged`].
fn stage_content(
    files: &BTreeMap<String, FileSource>,
    state_by_path: &BTreeMap<String, String>,
    inventory: &mut Inventory,
    version: &str,
    version_dir: &Path,
) -> Result<()> {
    for (path, source) in files {
        let digest = &state_by_path[path];
        if inventory.manifest.contains_key(digest) {
            continue;
        }
        let content_path = format!("{version}/content/{path}");
        let target = version_dir.join("content").join(path);
        match source {
            FileSource::Bytes(bytes) => write_new(&target, bytes)?,
            FileSource::Path { path: from, sha256 } => {
                let copied = copy_new(from, &target)?;
                if &copied != sha256 {
                    return Err(Error::SourceChanged {
                        path: from.clone(),
                        expected: sha256.clone(),
                        actual: copied,
                    });
                }
            }
        }
        inventory
            .manifest
            .insert(digest.clone(), vec![content_path]);
    }
    Ok(())
}

/// The 0003 layout path of an object: three 3-character tuples of sha256(id), then the
/// percent-encoded id.
pub fn object_path(id: &str) -> PathBuf {
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
    PathBuf::from(&digest[0..3])
        .join(&digest[3..6])
        .join(&digest[6..9])
        .join(encoded)
}

fn sanitize(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
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
