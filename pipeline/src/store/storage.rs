//! The storage an OCFL root lives on: a narrow interface, and the directory that implements it.
//!
//! In: keys (OCFL-root-relative, `/`-separated: `abc/def/012/01ABC/v2/content/a.json`, checked
//! by [`Key::new`] against traversal) and byte streams. Out: the bytes stored under those keys.
//! [`super::ocfl`] reads and writes an OCFL storage root only through [`ObjectStorage`];
//! [`DirectoryStorage`] keeps the root in a directory (the layout, fsyncs and renames sohoa
//! has always written).
//!
//! # The operations, and how each maps to S3
//!
//! [`super::s3::S3Storage`] keeps the root in an S3 bucket with conditional writes, behind the
//! same trait; the OCFL logic does not change. Per operation:
//!
//! - [`ObjectStorage::stage`] + [`StagedWrite::put_new`] + [`StagedWrite::publish`]: the
//!   files of one new version (content, the sidecar of `vN/inventory.json` and then the
//!   inventory itself, and for a new
//!   object its root inventory, sidecar and, last, `0=ocfl_object_1.1`), put create-only, in
//!   the order the OCFL logic puts them. Each put streams from a reader through the one hashing
//!   loop ([`super::fsio::hash_stream`]) and returns the SHA-256 and size; a key that exists
//!   is [`Error::KeyExists`]. Directory: the files are written and fsynced in
//!   `staging/ocfl/`, and `publish` fsyncs the tree and renames it into place whole (the
//!   object root for a new object, `vN/` for a new version). S3: each put is a `PutObject`
//!   with `If-None-Match: *` straight to its final key (a failed or interrupted upload
//!   leaves no object; 412 Precondition Failed is `KeyExists`); the create-only put of
//!   `vN/inventory.json`, after every content key, is the version's commit point;
//!   for a new object, the create-only put of its `0=ocfl_object_1.1`, last, makes the
//!   prefix an object ([`super::ocfl::StorageRoot::object_keys`] finds only those);
//!   `publish` has nothing left to do. Dropping a [`StagedWrite`] unpublished removes what
//!   it staged (directory: the staging tree; S3: `DeleteObject` of the keys it put, which no
//!   inventory names). What a crash leaves instead is removed by the next `stage` of the
//!   same version, as the directory removes a leftover staging tree: S3 deletes the keys
//!   under `vN/` when `vN/inventory.json` is absent (an uncommitted version; recovery skips
//!   it, having no inventory to roll forward), and for a new object the keys under its
//!   prefix when `0=ocfl_object_1.1` is absent.
//! - [`ObjectStorage::swap_inventory`]: a new version of an existing object made its head:
//!   the root `inventory.json` replaced only while it still has the SHA-256 the commit read
//!   ([`Error::InventoryChanged`] otherwise), then its sidecar, last. Directory: the digest
//!   checked (writers are one at a time under the archive's writer lock), then both written
//!   atomically (temporary file, fsync, rename, fsync of the directory); the sidecar is the
//!   commit point. S3: `GetObject` of `inventory.json`, its SHA-256 checked, `PutObject` of
//!   the new one with `If-Match: <the ETag read>` (a change in between is refused too), then
//!   the sidecar; the commit point was the create-only `vN/inventory.json` before it. A
//!   writer interrupted between the two is rolled forward by
//!   [`super::ocfl::StorageRoot::recover`], which swaps the newest `vN/inventory.json` in
//!   by this same operation.
//! - [`ObjectStorage::get`] / [`ObjectStorage::get_bytes`]: `GetObject` (streamed).
//! - [`ObjectStorage::exists`] / [`ObjectStorage::size`]: `HeadObject`.
//! - [`ObjectStorage::list`]: every key under a prefix: `ListObjectsV2` with the prefix.
//!   [`ObjectStorage::children`]: one level: `ListObjectsV2` with `Delimiter=/` (its
//!   `Contents` are the files, its `CommonPrefixes` the directories).
//! - [`ObjectStorage::delete`]: `DeleteObject`. OCFL logic deletes only what recovery
//!   removes: the temporaries of interrupted root inventory writes.
//! - [`ObjectStorage::locate`]: where a key is, for messages and reports (directory: its
//!   path; S3: `s3://bucket/prefix/key`).

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::fsio::{hash_stream, sha256_bytes, sync_dir, sync_tree, write_atomic};
use super::ocfl::{INVENTORY, INVENTORY_SIDECAR};
use crate::{Error, Result};

/// A key of the storage: relative to the OCFL storage root, `/`-separated, without empty,
/// `.` or `..` segments and without NUL, so that no key names anything outside the root.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key(String);

impl Key {
    /// Checks `key` and makes it a [`Key`]; an absolute key, an empty segment, `.` or `..`
    /// is refused.
    pub fn new(key: impl Into<String>) -> Result<Key> {
        let key = key.into();
        let problem = if key.is_empty() {
            Some("it is empty")
        } else if key.starts_with('/') {
            Some("it is absolute")
        } else if key.contains('\0') {
            Some("it holds a NUL byte")
        } else if key.split('/').any(|s| s == "." || s == "..") {
            Some("it holds a `.` or `..` segment")
        } else if key.split('/').any(str::is_empty) {
            Some("it holds an empty segment")
        } else {
            None
        };
        match problem {
            Some(why) => Err(Error::Archive(format!(
                "invalid storage key {key:?}: {why}"
            ))),
            None => Ok(Key(key)),
        }
    }

    /// The key `self/relative` (`relative` may hold several segments).
    pub fn join(&self, relative: &str) -> Result<Key> {
        Key::new(format!("{}/{relative}", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last segment (`v2/content/a.json` → `a.json`).
    pub fn name(&self) -> &str {
        self.0.rsplit('/').next().unwrap_or(&self.0)
    }

    /// What follows `prefix/` in this key, if it lies below `prefix`.
    pub fn below(&self, prefix: &Key) -> Option<&str> {
        self.0.strip_prefix(&prefix.0)?.strip_prefix('/')
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One level of the storage below a prefix: the names of the keys directly there (files),
/// and of the prefixes that lead further (directories), each sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Children {
    pub files: Vec<String>,
    pub dirs: Vec<String>,
}

/// What an OCFL storage root is stored on. See the module doc for each operation's meaning
/// (and its S3 equivalent).
pub trait ObjectStorage: Send + Sync + std::fmt::Debug {
    /// Where `key` is, for messages and reports.
    fn locate(&self, key: &Key) -> PathBuf;

    /// Starts the files of version `version` of the object at `object` (a new object when
    /// `new_object`): nothing is visible before [`StagedWrite::publish`].
    fn stage<'a>(
        &'a self,
        object: &Key,
        version: &str,
        new_object: bool,
    ) -> Result<Box<dyn StagedWrite + 'a>>;

    /// [`ObjectStorage::stage`] by a writer that holds the object as `holder` says. A
    /// storage whose leftovers do not depend on it (the directory: each process stages in
    /// a tree of its own) stages as [`ObjectStorage::stage`] does.
    fn stage_as<'a>(
        &'a self,
        object: &Key,
        version: &str,
        new_object: bool,
        holder: Holder,
    ) -> Result<Box<dyn StagedWrite + 'a>> {
        let _ = holder;
        self.stage(object, version, new_object)
    }

    /// Replaces the root inventory of the object at `object` by `inventory` and then its
    /// sidecar by `sidecar`, only when the stored root inventory has SHA-256
    /// `expected_sha256` ([`Error::InventoryChanged`] otherwise, nothing written).
    fn swap_inventory(
        &self,
        object: &Key,
        expected_sha256: &str,
        inventory: &[u8],
        sidecar: &[u8],
    ) -> Result<()>;

    /// The bytes stored under `key`, streamed.
    fn get(&self, key: &Key) -> Result<Box<dyn Read + Send>>;

    /// The bytes stored under `key`.
    fn get_bytes(&self, key: &Key) -> Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.get(key)?
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(self.locate(key), e))?;
        Ok(bytes)
    }

    /// Whether something is stored under `key`.
    fn exists(&self, key: &Key) -> Result<bool>;

    /// The size of what is stored under `key`.
    fn size(&self, key: &Key) -> Result<u64>;

    /// Every key below `prefix` (the whole storage when `None`), sorted segment by segment.
    fn list(&self, prefix: Option<&Key>) -> Result<Vec<Key>>;

    /// The level directly below `prefix` (the top when `None`); empty when nothing is there.
    fn children(&self, prefix: Option<&Key>) -> Result<Children>;

    /// Removes what is stored under `key`.
    fn delete(&self, key: &Key) -> Result<()>;
}

/// How the writer of a new version holds its object: what decides whether keys an earlier
/// writer left before its commit point may be removed at once (S3; see
/// [`super::s3`]'s doc on leftovers).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Holder {
    /// Other writers may be writing the object now (the embedded default on S3: nothing
    /// outside this process orders them): keys left before a commit point are another
    /// writer's version under way until they are stale.
    #[default]
    Shared,
    /// The writer holds the object's lock in the coordinator, under a fencing epoch that
    /// refuses every earlier holder (cluster mode): keys left before a commit point are an
    /// earlier holder's, abandoned, and removed at once.
    Exclusive,
}

/// The files of one version being written; dropped unpublished, it leaves nothing.
pub trait StagedWrite {
    /// Stores what `reader` yields (named `from` in read errors) under `key`, create-only
    /// ([`Error::KeyExists`] when `key` is stored or already staged). Returns the SHA-256
    /// and size of the bytes written.
    fn put_new(&mut self, key: &Key, from: &Path, reader: &mut dyn Read) -> Result<(String, u64)>;

    /// Makes everything put visible.
    fn publish(self: Box<Self>) -> Result<()>;
}

/// An OCFL storage root in a directory, with a staging directory on the same file system.
#[derive(Debug, Clone)]
pub struct DirectoryStorage {
    root: PathBuf,
    staging: PathBuf,
}

impl DirectoryStorage {
    /// The storage in `root`, staging new versions in `staging` (same file system).
    pub fn new(root: &Path, staging: &Path) -> DirectoryStorage {
        DirectoryStorage {
            root: root.to_path_buf(),
            staging: staging.to_path_buf(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Creates `root` holding `files` (name → bytes), built beside it and renamed there
    /// whole: a crash leaves either no storage root or a complete one. An empty directory
    /// at `root` is replaced; leftovers of an earlier interrupted creation go first.
    pub fn create_root(root: &Path, files: &[(&str, &[u8])]) -> Result<()> {
        let parent = root.parent().expect("storage root has a parent");
        let name = root.file_name().unwrap_or_default().to_string_lossy();
        let build = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        let prefix = format!(".{name}.tmp-");
        for entry in fs::read_dir(parent)
            .map_err(|e| Error::io(parent, e))?
            .flatten()
        {
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                let p = entry.path();
                fs::remove_dir_all(&p).map_err(|e| Error::io(&p, e))?;
            }
        }
        fs::create_dir_all(&build).map_err(|e| Error::io(&build, e))?;
        for (file, bytes) in files {
            write_atomic(&build.join(file), bytes)?;
        }
        if root.exists() {
            fs::remove_dir(root).map_err(|e| Error::io(root, e))?;
        }
        fs::rename(&build, root).map_err(|e| Error::io(root, e))?;
        sync_dir(parent)
    }

    fn path(&self, key: &Key) -> PathBuf {
        self.root.join(key.as_str())
    }

    fn dir(&self, prefix: Option<&Key>) -> PathBuf {
        prefix.map_or_else(|| self.root.clone(), |k| self.path(k))
    }

    /// The key of a path found below the root (names that are not UTF-8 are shown lossily).
    fn key_of(&self, path: &Path) -> Option<Key> {
        let relative = path.strip_prefix(&self.root).ok()?;
        let key: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Key::new(key.join("/")).ok()
    }
}

impl ObjectStorage for DirectoryStorage {
    fn locate(&self, key: &Key) -> PathBuf {
        self.path(key)
    }

    fn stage<'a>(
        &'a self,
        object: &Key,
        version: &str,
        new_object: bool,
    ) -> Result<Box<dyn StagedWrite + 'a>> {
        let build = self.staging.join(format!(
            "{}-{version}-{}",
            sanitize(object.name()),
            std::process::id()
        ));
        if build.exists() {
            fs::remove_dir_all(&build).map_err(|e| Error::io(&build, e))?;
        }
        // A new object is built whole; a new version as its `vN/` directory.
        let (into, target) = if new_object {
            (object.clone(), self.path(object))
        } else {
            let version_key = object.join(version)?;
            let target = self.path(&version_key);
            (version_key, target)
        };
        Ok(Box::new(DirectoryStage {
            storage: self,
            build,
            into,
            target,
            published: false,
        }))
    }

    fn swap_inventory(
        &self,
        object: &Key,
        expected_sha256: &str,
        inventory: &[u8],
        sidecar: &[u8],
    ) -> Result<()> {
        let dir = self.path(object);
        let current = dir.join(INVENTORY);
        let actual = match fs::read(&current) {
            Ok(bytes) => sha256_bytes(&bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => "(none)".to_string(),
            Err(e) => return Err(Error::io(&current, e)),
        };
        if actual != expected_sha256 {
            return Err(Error::InventoryChanged {
                path: current,
                expected: expected_sha256.to_string(),
                actual,
            });
        }
        // Root inventory, then its sidecar last.
        write_atomic(&current, inventory)?;
        write_atomic(&dir.join(INVENTORY_SIDECAR), sidecar)
    }

    fn get(&self, key: &Key) -> Result<Box<dyn Read + Send>> {
        let path = self.path(key);
        let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
        Ok(Box::new(file))
    }

    fn get_bytes(&self, key: &Key) -> Result<Vec<u8>> {
        let path = self.path(key);
        fs::read(&path).map_err(|e| Error::io(&path, e))
    }

    fn exists(&self, key: &Key) -> Result<bool> {
        Ok(self.path(key).exists())
    }

    fn size(&self, key: &Key) -> Result<u64> {
        let path = self.path(key);
        fs::metadata(&path)
            .map(|m| m.len())
            .map_err(|e| Error::io(&path, e))
    }

    fn list(&self, prefix: Option<&Key>) -> Result<Vec<Key>> {
        let dir = self.dir(prefix);
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut keys = Vec::new();
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry =
                entry.map_err(|e| Error::Archive(format!("walking {}: {e}", dir.display())))?;
            if entry.file_type().is_file() {
                keys.extend(self.key_of(entry.path()));
            }
        }
        Ok(keys)
    }

    fn children(&self, prefix: Option<&Key>) -> Result<Children> {
        let dir = self.dir(prefix);
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Children::default()),
            Err(e) => return Err(Error::io(&dir, e)),
        };
        let mut children = Children::default();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let kind = entry.file_type().map_err(|e| Error::io(entry.path(), e))?;
            // Links and special files are neither (as in `list`).
            if kind.is_dir() {
                children.dirs.push(name);
            } else if kind.is_file() {
                children.files.push(name);
            }
        }
        children.files.sort();
        children.dirs.sort();
        Ok(children)
    }

    fn delete(&self, key: &Key) -> Result<()> {
        let path = self.path(key);
        fs::remove_file(&path).map_err(|e| Error::io(&path, e))
    }
}

/// A version being built in `build` (in staging), to be renamed to `target` (the path of
/// key `into`).
struct DirectoryStage<'a> {
    storage: &'a DirectoryStorage,
    build: PathBuf,
    into: Key,
    target: PathBuf,
    published: bool,
}

impl StagedWrite for DirectoryStage<'_> {
    fn put_new(&mut self, key: &Key, from: &Path, reader: &mut dyn Read) -> Result<(String, u64)> {
        let relative = key.below(&self.into).ok_or_else(|| {
            Error::Archive(format!(
                "storage key {key} is not below {} being written",
                self.into
            ))
        })?;
        let path = self.build.join(relative);
        if self.storage.path(key).exists() {
            return Err(Error::KeyExists {
                path: self.storage.path(key),
            });
        }
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let mut file = match File::options().write(true).create_new(true).open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(Error::KeyExists { path });
            }
            Err(e) => return Err(Error::io(&path, e)),
        };
        let written = hash_stream(from, reader, &mut file, &path)?;
        file.sync_all().map_err(|e| Error::io(&path, e))?;
        Ok(written)
    }

    fn publish(mut self: Box<Self>) -> Result<()> {
        fs::create_dir_all(&self.build).map_err(|e| Error::io(&self.build, e))?;
        sync_tree(&self.build)?;
        let parent = self.target.parent().expect("a key has a parent");
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        fs::rename(&self.build, &self.target).map_err(|e| Error::io(&self.target, e))?;
        self.published = true;
        sync_dir(parent)
    }
}

impl Drop for DirectoryStage<'_> {
    fn drop(&mut self) {
        if !self.published {
            // Nothing of an unpublished version is kept: a later commit starts clean.
            let _ = fs::remove_dir_all(&self.build);
        }
    }
}

fn sanitize(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// The contract every [`ObjectStorage`] keeps, as checks to run against an empty storage:
/// the directory's unit tests and the S3 storage's integration tests (`tests/it/s3_store.rs`,
/// on a real SeaweedFS) run the same.
#[doc(hidden)]
pub mod contract {
    use std::io::Read;
    use std::path::Path;

    use super::{sha256_bytes, Children, Error, Key, ObjectStorage, Result};

    fn key(s: &str) -> Key {
        Key::new(s).unwrap()
    }

    fn put(
        storage: &dyn ObjectStorage,
        object: &Key,
        version: &str,
        new: bool,
        files: &[(&str, &[u8])],
    ) -> Result<()> {
        let mut staged = storage.stage(object, version, new)?;
        for (k, bytes) in files {
            staged.put_new(&key(k), Path::new("test"), &mut &bytes[..])?;
        }
        staged.publish()
    }

    /// Create-only puts: a stored key and a key staged twice are refused, and a version
    /// that is published leaves what was stored before untouched.
    pub fn create_only(storage: &dyn ObjectStorage) {
        let object = key("aaa/obj");
        put(
            storage,
            &object,
            "v1",
            true,
            &[
                ("aaa/obj/inventory.json", b"one"),
                ("aaa/obj/v1/content/a", b"A"),
            ],
        )
        .unwrap();
        let mut staged = storage.stage(&object, "v2", false).unwrap();
        let (digest, size) = staged
            .put_new(
                &key("aaa/obj/v2/content/a"),
                Path::new("test"),
                &mut &b"AA"[..],
            )
            .unwrap();
        assert_eq!((digest, size), (sha256_bytes(b"AA"), 2));
        let again = staged.put_new(
            &key("aaa/obj/v2/content/a"),
            Path::new("test"),
            &mut &b"B"[..],
        );
        assert!(matches!(again, Err(Error::KeyExists { .. })), "{again:?}");
        drop(staged);
        // A key that is stored: a new version may not write over v1.
        let mut staged = storage.stage(&object, "v2", false).unwrap();
        let over = staged.put_new(
            &key("aaa/obj/v1/content/a"),
            Path::new("test"),
            &mut &b"X"[..],
        );
        assert!(over.is_err(), "{over:?}");
        let existing = storage.stage(&key("aaa"), "v1", true).and_then(|mut s| {
            s.put_new(
                &key("aaa/obj/v1/content/a"),
                Path::new("test"),
                &mut &b"X"[..],
            )
        });
        assert!(
            matches!(existing, Err(Error::KeyExists { .. })),
            "{existing:?}"
        );
        assert_eq!(
            storage.get_bytes(&key("aaa/obj/v1/content/a")).unwrap(),
            b"A"
        );
    }

    /// The root inventory is swapped only from the digest it has.
    pub fn compare_and_swap(storage: &dyn ObjectStorage) {
        let object = key("bbb/obj");
        put(
            storage,
            &object,
            "v1",
            true,
            &[
                ("bbb/obj/inventory.json", b"one"),
                ("bbb/obj/inventory.json.sha256", b"s1"),
            ],
        )
        .unwrap();
        let stale = storage.swap_inventory(&object, &sha256_bytes(b"zero"), b"two", b"s2");
        assert!(
            matches!(stale, Err(Error::InventoryChanged { .. })),
            "{stale:?}"
        );
        assert_eq!(
            storage.get_bytes(&key("bbb/obj/inventory.json")).unwrap(),
            b"one"
        );
        storage
            .swap_inventory(&object, &sha256_bytes(b"one"), b"two", b"s2")
            .unwrap();
        assert_eq!(
            storage.get_bytes(&key("bbb/obj/inventory.json")).unwrap(),
            b"two"
        );
        assert_eq!(
            storage
                .get_bytes(&key("bbb/obj/inventory.json.sha256"))
                .unwrap(),
            b"s2"
        );
        // The digest it had before is stale now.
        let stale = storage.swap_inventory(&object, &sha256_bytes(b"one"), b"three", b"s3");
        assert!(
            matches!(stale, Err(Error::InventoryChanged { .. })),
            "{stale:?}"
        );
    }

    /// Listing: every key below a prefix, and one level at a time.
    pub fn listing(storage: &dyn ObjectStorage) {
        let object = key("ccc/d/obj");
        put(
            storage,
            &object,
            "v1",
            true,
            &[
                ("ccc/d/obj/x", b"1"),
                ("ccc/d/obj/v1/content/b/c", b"2"),
                ("ccc/d/obj/v1/content/a", b"3"),
            ],
        )
        .unwrap();
        let all: Vec<String> = storage
            .list(Some(&key("ccc")))
            .unwrap()
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        assert_eq!(
            all,
            [
                "ccc/d/obj/v1/content/a",
                "ccc/d/obj/v1/content/b/c",
                "ccc/d/obj/x"
            ]
        );
        assert!(storage.list(Some(&key("nothing/here"))).unwrap().is_empty());
        let children = storage.children(Some(&object)).unwrap();
        assert_eq!(
            children,
            Children {
                files: vec!["x".into()],
                dirs: vec!["v1".into()]
            }
        );
        assert_eq!(
            storage.children(Some(&key("nothing"))).unwrap(),
            Children::default()
        );
        assert_eq!(storage.size(&key("ccc/d/obj/x")).unwrap(), 1);
        assert!(storage.exists(&key("ccc/d/obj/x")).unwrap());
        storage.delete(&key("ccc/d/obj/x")).unwrap();
        assert!(!storage.exists(&key("ccc/d/obj/x")).unwrap());
    }

    /// A put whose reader fails, and a staged version never published, leave nothing.
    pub fn interrupted_put(storage: &dyn ObjectStorage) {
        struct Failing(usize);
        impl Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                if self.0 == 0 {
                    return Err(std::io::Error::other("source gone"));
                }
                let n = self.0.min(buf.len());
                buf[..n].fill(b'x');
                self.0 -= n;
                Ok(n)
            }
        }
        let object = key("ddd/obj");
        let mut staged = storage.stage(&object, "v1", true).unwrap();
        staged
            .put_new(
                &key("ddd/obj/v1/content/ok"),
                Path::new("ok"),
                &mut &b"fine"[..],
            )
            .unwrap();
        let err = staged
            .put_new(
                &key("ddd/obj/v1/content/big"),
                Path::new("the source"),
                &mut Failing(100_000),
            )
            .unwrap_err();
        assert!(
            matches!(&err, Error::Io { path, .. } if path == Path::new("the source")),
            "{err}"
        );
        drop(staged);
        assert!(storage.list(Some(&key("ddd"))).unwrap().is_empty());
        assert!(!storage.exists(&key("ddd/obj/v1/content/ok")).unwrap());
        // The same version can be written afresh.
        put(
            storage,
            &object,
            "v1",
            true,
            &[("ddd/obj/v1/content/ok", b"fine")],
        )
        .unwrap();
        assert_eq!(
            storage.list(Some(&key("ddd"))).unwrap(),
            [key("ddd/obj/v1/content/ok")]
        );
    }

    /// Runs every check of the contract.
    pub fn all(storage: &dyn ObjectStorage) {
        create_only(storage);
        compare_and_swap(storage);
        listing(storage);
        interrupted_put(storage);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_leave_the_root_are_refused() {
        for bad in [
            "",
            "/etc/passwd",
            "a/../b",
            "..",
            "./a",
            "a//b",
            "a/",
            "a/\0",
        ] {
            assert!(Key::new(bad).is_err(), "{bad:?}");
        }
        let k = Key::new("abc/01ABC").unwrap();
        assert!(k.join("../x").is_err());
        assert!(k.join("/x").is_err());
        assert_eq!(
            k.join("v1/content/a").unwrap().as_str(),
            "abc/01ABC/v1/content/a"
        );
        assert_eq!(k.join("v1/a").unwrap().below(&k), Some("v1/a"));
        assert_eq!(Key::new("abc/01ABCD").unwrap().below(&k), None);
    }

    /// Runs one check of the contract on an empty directory storage; nothing may be left
    /// in staging afterwards.
    fn on_a_directory(check: fn(&dyn ObjectStorage)) {
        let dir = tempfile::tempdir().unwrap();
        let staging = dir.path().join("staging");
        let storage = DirectoryStorage::new(&dir.path().join("ocfl"), &staging);
        fs::create_dir_all(storage.root()).unwrap();
        check(&storage);
        let left = fs::read_dir(&staging).map_or(0, std::iter::Iterator::count);
        assert_eq!(left, 0, "staging is not empty");
    }

    #[test]
    fn a_directory_put_is_create_only() {
        on_a_directory(contract::create_only);
    }

    #[test]
    fn a_directory_inventory_swap_from_a_stale_digest_is_refused() {
        on_a_directory(contract::compare_and_swap);
    }

    #[test]
    fn a_directory_lists_keys_below_a_prefix() {
        on_a_directory(contract::listing);
    }

    #[test]
    fn an_interrupted_directory_put_leaves_nothing() {
        on_a_directory(contract::interrupted_put);
    }

    #[test]
    fn a_dropped_directory_stage_leaves_no_staging_tree() {
        on_a_directory(|storage| {
            let object = Key::new("eee/obj").unwrap();
            let mut staged = storage.stage(&object, "v1", true).unwrap();
            let key = object.join("v1/content/a").unwrap();
            staged
                .put_new(&key, Path::new("a"), &mut &b"a"[..])
                .unwrap();
        });
    }

    #[test]
    fn the_directory_storage_keeps_the_whole_contract() {
        on_a_directory(contract::all);
    }
}
