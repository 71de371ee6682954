//! The OCFL storage root in an S3 bucket (cluster mode, DESIGN.md §8): [`S3Storage`], the
//! [`ObjectStorage`] that keeps every key of the root under a prefix of a bucket.
//!
//! In: [`S3Settings`] (endpoint, bucket, prefix, region, credentials) and the storage
//! operations of [`super::storage`]. Out: S3 requests made with the `object_store` crate, with
//! conditional writes, and their answers as the trait's results. How each operation maps to
//! S3 is in [`super::storage`]'s doc; what this file adds:
//!
//! - **Create-only puts.** Every put of a version ([`StagedWrite::put_new`]) is a `PutObject`
//!   with `If-None-Match: *` to its final key; 412 is [`Error::KeyExists`]. A file is read into
//!   memory whole (hashed on the way) and sent in one request: a conditional put needs one
//!   request, and a single `PutObject` takes up to 5 GB.
//! - **The commit point.** For a new version of an object, the create-only put of
//!   `vN/inventory.json` (its sidecar is put just before it); for a new object, the
//!   create-only put of `0=ocfl_object_1.1`, last. Until then, a stage dropped unpublished
//!   deletes the keys it put (none of them is named by a committed inventory: another writer's
//!   put of the same key failed). After it, nothing is ever deleted: the version is committed,
//!   and what is missing of it (the root inventory) is put by roll-forward
//!   ([`super::ocfl::StorageRoot::recover`]). A commit-point put that fails without an answer
//!   (a timeout) deletes nothing either: it may have been stored.
//! - **Leftovers.** What a killed writer put before its commit point stays in the bucket. The
//!   next [`ObjectStorage::stage`] of the same version removes it, but only once its newest
//!   key is older than [`S3Storage::stale_after`] (15 minutes): younger keys may be another
//!   writer's version under way, and that stage fails with [`Error::KeyExists`] instead. A
//!   writer whose own stage has been open for more than half that time checks, before its
//!   commit point, that every key it put is still there with the `ETag` it got (else it fails).
//!   A writer that holds the object exclusively ([`Holder::Exclusive`]: a cluster worker or
//!   an edit under the coordinator's object lock, whose fencing epoch refuses every earlier
//!   holder) removes leftovers at once, whatever their age, and checks its own keys before
//!   every commit point: an earlier holder still running (its lease expired, say, while
//!   its database connection was gone) finds its keys removed and fails before it commits
//!   (but for the one request between that check and its commit-point put). Such a writer,
//!   once it finds a key it put gone or replaced or a key it would put already there, deletes
//!   nothing when its stage is dropped: the keys may be the new holder's, the same bytes put
//!   again.
//! - **The root inventory** is replaced by compare-and-swap: `GetObject` (SHA-256 checked
//!   against the digest the commit read), then `PutObject` with `If-Match: <its ETag>`; 412 is
//!   [`Error::InventoryChanged`]. A root inventory that already is the new one (rolled forward
//!   by another writer's recovery) is success. Its sidecar is written after it.
//! - **Async bridged.** `object_store` is async; the store owns a small tokio runtime and each
//!   call is spawned on it while the calling thread waits on a channel, so the store works
//!   from any thread (rayon's, a thread of another runtime's blocking pool) without nesting
//!   runtimes. Reads are streamed: a reader pulls the next chunks through the same bridge.
//!   Requests that fail on the way (5xx, a connection refused) are retried with backoff by
//!   `object_store` (up to 10 times, 3 minutes).

use std::future::Future;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use futures_util::stream::{BoxStream, StreamExt};
use object_store::aws::{AmazonS3, AmazonS3Builder, S3ConditionalPut};
use object_store::path::Path as ObjectPath;
use object_store::{
    ClientOptions, ObjectStore, ObjectStoreExt, PutMode, PutOptions, PutPayload, RetryConfig,
    UpdateVersion,
};
use serde::{Deserialize, Serialize};

use super::fsio::{hash_stream, sha256_bytes};
use super::ocfl::{INVENTORY, INVENTORY_SIDECAR, OBJECT_NAMASTE};
use super::storage::{Children, Holder, Key, ObjectStorage, StagedWrite};
use crate::{Error, Result};

/// Where an OCFL storage root is in S3, and the credentials to reach it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct S3Settings {
    /// The S3 endpoint (`http://127.0.0.1:8333` for `SeaweedFS`); `None`: AWS itself.
    pub endpoint: Option<String>,
    pub bucket: String,
    /// The key prefix holding the storage root (`archive/ocfl`); empty: the bucket's top.
    pub prefix: String,
    pub region: String,
    #[serde(skip)]
    pub access_key_id: Option<String>,
    #[serde(skip)]
    pub secret_access_key: Option<String>,
    /// How long a request is retried, with backoff, while the store cannot be reached or
    /// answers with a server error, before it fails with [`Error::StorageUnreachable`]
    /// (`None`: [`DEFAULT_RETRY`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_seconds: Option<u64>,
}

/// Whether `e` says the store could not be reached (connection refused or reset, a
/// request that timed out): its retries ran out without an answer from the store.
fn unreachable(e: &object_store::Error) -> bool {
    use object_store::client::{HttpError, HttpErrorKind};
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(error) = source {
        if let Some(http) = error.downcast_ref::<HttpError>() {
            return matches!(
                http.kind(),
                HttpErrorKind::Connect
                    | HttpErrorKind::Request
                    | HttpErrorKind::Timeout
                    | HttpErrorKind::Interrupted
            );
        }
        source = error.source();
    }
    false
}

/// How long a request to the store is retried unless configured otherwise.
pub const DEFAULT_RETRY: Duration = Duration::from_secs(180);

impl std::fmt::Debug for S3Settings {
    // Never shows the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Settings")
            .field("endpoint", &self.endpoint)
            .field("bucket", &self.bucket)
            .field("prefix", &self.prefix)
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

impl S3Settings {
    /// `s3://bucket/prefix` (with the endpoint when one is given), for messages.
    pub fn url(&self) -> String {
        let place = if self.prefix.is_empty() {
            format!("s3://{}", self.bucket)
        } else {
            format!("s3://{}/{}", self.bucket, self.prefix)
        };
        match &self.endpoint {
            Some(e) => format!("{place} at {e}"),
            None => place,
        }
    }

    /// Whether `other` names the same place (endpoint, bucket, prefix), credentials aside.
    pub fn same_place(&self, other: &S3Settings) -> bool {
        self.endpoint == other.endpoint
            && self.bucket == other.bucket
            && self.prefix == other.prefix
    }
}

/// How long keys a writer put before its commit point are kept for it (see the module doc).
pub const STALE_AFTER: Duration = Duration::from_secs(15 * 60);

/// An OCFL storage root in an S3 bucket.
pub struct S3Storage {
    store: Arc<AmazonS3>,
    /// Runs the async client; shut down in the background when the store is dropped.
    runtime: Option<tokio::runtime::Runtime>,
    /// The prefix with a trailing `/`, or empty.
    prefix: String,
    /// `s3://bucket/prefix`, what [`ObjectStorage::locate`] puts before a key.
    base: String,
    stale_after: Duration,
}

impl std::fmt::Debug for S3Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Storage")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

impl S3Storage {
    /// A client for the storage root `settings` names (no request is made yet).
    pub fn connect(settings: &S3Settings) -> Result<S3Storage> {
        if settings.bucket.is_empty() {
            return Err(Error::Archive("S3: no bucket given".into()));
        }
        if settings.prefix.starts_with('/') || settings.prefix.ends_with('/') {
            return Err(Error::Archive(format!(
                "S3 prefix {:?}: give it without a leading or trailing /",
                settings.prefix
            )));
        }
        if !settings.prefix.is_empty() {
            Key::new(settings.prefix.clone())?;
        }
        // HTTPS endpoints: rustls with the ring provider (the process's default provider;
        // installing it again is a no-op error).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(&settings.bucket)
            .with_region(&settings.region)
            .with_conditional_put(S3ConditionalPut::ETagMatch)
            .with_retry(RetryConfig {
                retry_timeout: settings
                    .retry_seconds
                    .map_or(DEFAULT_RETRY, Duration::from_secs),
                ..RetryConfig::default()
            })
            .with_client_options(
                ClientOptions::new()
                    .with_connect_timeout(Duration::from_secs(5))
                    .with_timeout(Duration::from_secs(120)),
            );
        if let Some(endpoint) = &settings.endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"))
                .with_virtual_hosted_style_request(false);
        }
        if let (Some(id), Some(secret)) = (&settings.access_key_id, &settings.secret_access_key) {
            builder = builder
                .with_access_key_id(id)
                .with_secret_access_key(secret);
        }
        let store = builder
            .build()
            .map_err(|e| Error::Archive(format!("S3 {}: {e}", settings.url())))?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("sohoa-s3")
            .enable_all()
            .build()
            .map_err(|e| Error::Archive(format!("S3: cannot start the client's runtime: {e}")))?;
        let prefix = if settings.prefix.is_empty() {
            String::new()
        } else {
            format!("{}/", settings.prefix)
        };
        Ok(S3Storage {
            store: Arc::new(store),
            runtime: Some(runtime),
            base: format!("s3://{}/{prefix}", settings.bucket),
            prefix,
            stale_after: STALE_AFTER,
        })
    }

    /// This store, treating keys left before a commit point as abandoned once `age` old
    /// (tests; [`STALE_AFTER`] otherwise).
    #[must_use]
    pub fn with_stale_after(mut self, age: Duration) -> S3Storage {
        self.stale_after = age;
        self
    }

    /// Where the storage root is (`s3://bucket/prefix`), for messages and reports.
    pub fn root_location(&self) -> PathBuf {
        PathBuf::from(self.base.trim_end_matches('/'))
    }

    /// How long keys a writer put before its commit point are kept for it.
    pub fn stale_after(&self) -> Duration {
        self.stale_after
    }

    /// Creates the storage root files (`files`: name → bytes, the NAMASTE last) unless the
    /// root's NAMASTE is there: create-only puts, a file already there with the same bytes
    /// (another writer creating the same root) counting as put.
    pub fn create_root(&self, files: &[(&str, &[u8])]) -> Result<()> {
        for (name, bytes) in files {
            let key = Key::new(*name)?;
            match self.put_create(&key, Bytes::copy_from_slice(bytes)) {
                Ok(_) => {}
                Err(Error::KeyExists { .. }) if self.get_bytes(&key)? == *bytes => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn handle(&self) -> &tokio::runtime::Handle {
        self.runtime
            .as_ref()
            .expect("the runtime lives as long as the store")
            .handle()
    }

    /// Runs `future` on the store's runtime and waits for it.
    fn block<F>(&self, future: F) -> Result<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        block_on(self.handle(), future)
    }

    fn path(&self, key: &Key) -> Result<ObjectPath> {
        ObjectPath::parse(format!("{}{key}", self.prefix))
            .map_err(|e| Error::Archive(format!("storage key {key} cannot be an S3 key: {e}")))
    }

    fn prefix_path(&self, prefix: Option<&Key>) -> Result<Option<ObjectPath>> {
        match prefix {
            Some(k) => self.path(k).map(Some),
            None if self.prefix.is_empty() => Ok(None),
            None => ObjectPath::parse(&self.prefix)
                .map(Some)
                .map_err(|e| Error::Archive(format!("S3 prefix {}: {e}", self.prefix))),
        }
    }

    /// The key of an S3 path below the prefix.
    fn key_of(&self, path: &ObjectPath) -> Option<Key> {
        Key::new(path.as_ref().strip_prefix(&self.prefix)?).ok()
    }

    /// A failed request about `key` as an I/O error on its location (`NotFound` kept), or
    /// [`Error::StorageUnreachable`] when the store could not be reached at all.
    fn error(&self, key: &Key, e: &object_store::Error) -> Error {
        if unreachable(e) {
            return Error::StorageUnreachable(format!("{}: {e}", self.locate(key).display()));
        }
        let kind = match e {
            object_store::Error::NotFound { .. } => std::io::ErrorKind::NotFound,
            _ => std::io::ErrorKind::Other,
        };
        Error::io(self.locate(key), std::io::Error::new(kind, e.to_string()))
    }

    /// `PutObject` with `If-None-Match: *`; returns the `ETag`.
    fn put_create(&self, key: &Key, bytes: Bytes) -> Result<Option<String>> {
        let path = self.path(key)?;
        let store = self.store.clone();
        let result = self.block(async move {
            store
                .put_opts(
                    &path,
                    PutPayload::from_bytes(bytes),
                    PutOptions::from(PutMode::Create),
                )
                .await
        })?;
        match result {
            Ok(put) => Ok(put.e_tag),
            Err(object_store::Error::AlreadyExists { .. }) => Err(Error::KeyExists {
                path: self.locate(key),
            }),
            Err(e) => Err(self.error(key, &e)),
        }
    }

    /// The bytes under `key` and their `ETag`; `None` when nothing is stored there.
    fn get_tagged(&self, key: &Key) -> Result<Option<(Bytes, Option<String>)>> {
        let path = self.path(key)?;
        let store = self.store.clone();
        let result = self.block(async move {
            let got = store.get(&path).await?;
            let e_tag = got.meta.e_tag.clone();
            Ok::<_, object_store::Error>((got.bytes().await?, e_tag))
        })?;
        match result {
            Ok(found) => Ok(Some(found)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(self.error(key, &e)),
        }
    }

    /// Every key below `prefix` with its last-modified time and `ETag`.
    fn list_meta(&self, prefix: Option<&Key>) -> Result<Vec<(Key, chrono::DateTime<chrono::Utc>)>> {
        let path = self.prefix_path(prefix)?;
        let store = self.store.clone();
        let listed = self.block(async move {
            store
                .list(path.as_ref())
                .collect::<Vec<object_store::Result<object_store::ObjectMeta>>>()
                .await
        })?;
        let mut keys = Vec::new();
        for meta in listed {
            let meta = meta.map_err(|e| {
                let at = prefix.cloned().unwrap_or_else(root_key);
                self.error(&at, &e)
            })?;
            if let Some(key) = self.key_of(&meta.location) {
                keys.push((key, meta.last_modified));
            }
        }
        Ok(keys)
    }

    /// Removes what a writer killed before its commit point left under `prefix` (the keys
    /// of `{object}/{version}/`, or of a new object's prefix), unless `committed` is stored.
    /// A [`Holder::Shared`] writer fails with [`Error::KeyExists`] when the newest of them
    /// is younger than [`S3Storage::stale_after`] (another writer's version may be under
    /// way); a [`Holder::Exclusive`] one removes them at once (their writer was fenced out).
    fn remove_leftovers(&self, prefix: &Key, committed: &Key, holder: Holder) -> Result<()> {
        let left = self.list_meta(Some(prefix))?;
        if left.is_empty() || left.iter().any(|(k, _)| k == committed) {
            return Ok(());
        }
        let newest = left.iter().map(|(_, t)| *t).max().expect("not empty");
        let age = (chrono::Utc::now() - newest).to_std().unwrap_or_default();
        if holder == Holder::Shared && age < self.stale_after {
            return Err(Error::KeyExists {
                path: PathBuf::from(format!(
                    "{} (written {}s ago by another writer, not yet committed)",
                    self.locate(prefix).display(),
                    age.as_secs()
                )),
            });
        }
        tracing::warn!(
            prefix = %self.locate(prefix).display(),
            keys = left.len(),
            age_seconds = age.as_secs(),
            ?holder,
            "removing what an interrupted writer left before its commit point"
        );
        for (key, _) in left {
            self.delete(&key)?;
        }
        Ok(())
    }
}

impl Drop for S3Storage {
    fn drop(&mut self) {
        // Dropping a runtime waits for its tasks, which may not block a runtime thread.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// Runs `future` on `handle`'s runtime from a thread that is not one of its workers, and
/// waits for its output.
fn block_on<F>(handle: &tokio::runtime::Handle, future: F) -> Result<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    handle.spawn(async move {
        let _ = tx.send(future.await);
    });
    rx.recv()
        .map_err(|_| Error::Archive("S3: the client stopped before answering".into()))
}

impl ObjectStorage for S3Storage {
    fn locate(&self, key: &Key) -> PathBuf {
        PathBuf::from(format!("{}{key}", self.base))
    }

    fn stage<'a>(
        &'a self,
        object: &Key,
        version: &str,
        new_object: bool,
    ) -> Result<Box<dyn StagedWrite + 'a>> {
        self.stage_as(object, version, new_object, Holder::Shared)
    }

    fn stage_as<'a>(
        &'a self,
        object: &Key,
        version: &str,
        new_object: bool,
        holder: Holder,
    ) -> Result<Box<dyn StagedWrite + 'a>> {
        let (scope, commit_point) = if new_object {
            (object.clone(), object.join(OBJECT_NAMASTE)?)
        } else {
            (
                object.join(version)?,
                object.join(&format!("{version}/{INVENTORY}"))?,
            )
        };
        self.remove_leftovers(&scope, &commit_point, holder)?;
        Ok(Box::new(S3Stage {
            storage: self,
            scope,
            version_inventory: object.join(&format!("{version}/{INVENTORY}"))?,
            commit_point,
            put: Vec::new(),
            started: Instant::now(),
            holder,
            state: StageState::Open,
        }))
    }

    fn swap_inventory(
        &self,
        object: &Key,
        expected_sha256: &str,
        inventory: &[u8],
        sidecar: &[u8],
    ) -> Result<()> {
        let inventory_key = object.join(INVENTORY)?;
        let sidecar_key = object.join(SIDECAR_NAME)?;
        let current = self.get_tagged(&inventory_key)?;
        let actual = current
            .as_ref()
            .map_or_else(|| "(none)".to_string(), |(b, _)| sha256_bytes(b));
        let changed = |actual: String| Error::InventoryChanged {
            path: self.locate(&inventory_key),
            expected: expected_sha256.to_string(),
            actual,
        };
        if actual != sha256_bytes(inventory) {
            let Some((_, Some(e_tag))) = current.filter(|_| actual == expected_sha256) else {
                return Err(changed(actual));
            };
            let path = self.path(&inventory_key)?;
            let store = self.store.clone();
            let payload = PutPayload::from_bytes(Bytes::copy_from_slice(inventory));
            let mode = PutMode::Update(UpdateVersion {
                e_tag: Some(e_tag),
                version: None,
            });
            match self.block(async move {
                store.put_opts(&path, payload, PutOptions::from(mode)).await
            })? {
                Ok(_) => {}
                Err(object_store::Error::Precondition { .. }) => {
                    let now = self
                        .get_tagged(&inventory_key)?
                        .map_or_else(|| "(none)".to_string(), |(b, _)| sha256_bytes(&b));
                    return Err(changed(now));
                }
                Err(e) => return Err(self.error(&inventory_key, &e)),
            }
        }
        // The sidecar follows the root inventory (rewritten only when it differs).
        if self.get_tagged(&sidecar_key)?.map(|(b, _)| b) != Some(Bytes::copy_from_slice(sidecar)) {
            let path = self.path(&sidecar_key)?;
            let store = self.store.clone();
            let payload = PutPayload::from_bytes(Bytes::copy_from_slice(sidecar));
            self.block(async move { store.put(&path, payload).await })?
                .map_err(|e| self.error(&sidecar_key, &e))?;
        }
        Ok(())
    }

    fn get(&self, key: &Key) -> Result<Box<dyn Read + Send>> {
        let path = self.path(key)?;
        let store = self.store.clone();
        let stream = self
            .block(async move {
                store
                    .get(&path)
                    .await
                    .map(object_store::GetResult::into_stream)
            })?
            .map_err(|e| self.error(key, &e))?;
        Ok(Box::new(S3Reader {
            stream: Some(stream),
            buffer: Bytes::new(),
            handle: self.handle().clone(),
            location: self.locate(key),
        }))
    }

    fn get_bytes(&self, key: &Key) -> Result<Vec<u8>> {
        match self.get_tagged(key)? {
            Some((bytes, _)) => Ok(bytes.to_vec()),
            None => Err(Error::io(
                self.locate(key),
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such key"),
            )),
        }
    }

    fn exists(&self, key: &Key) -> Result<bool> {
        let path = self.path(key)?;
        let store = self.store.clone();
        match self.block(async move { store.head(&path).await })? {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(self.error(key, &e)),
        }
    }

    fn size(&self, key: &Key) -> Result<u64> {
        let path = self.path(key)?;
        let store = self.store.clone();
        self.block(async move { store.head(&path).await })?
            .map(|meta| meta.size)
            .map_err(|e| self.error(key, &e))
    }

    fn list(&self, prefix: Option<&Key>) -> Result<Vec<Key>> {
        let mut keys: Vec<Key> = self
            .list_meta(prefix)?
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        // Segment by segment, as a directory walk sorted by name gives them.
        keys.sort_by(|a, b| a.as_str().split('/').cmp(b.as_str().split('/')));
        Ok(keys)
    }

    fn children(&self, prefix: Option<&Key>) -> Result<Children> {
        let path = self.prefix_path(prefix)?;
        let store = self.store.clone();
        let listed = self
            .block(async move { store.list_with_delimiter(path.as_ref()).await })?
            .map_err(|e| {
                let at = prefix.cloned().unwrap_or_else(root_key);
                self.error(&at, &e)
            })?;
        let name = |p: &ObjectPath| p.filename().map(str::to_string);
        let mut children = Children {
            files: listed
                .objects
                .iter()
                .filter_map(|m| name(&m.location))
                .collect(),
            dirs: listed.common_prefixes.iter().filter_map(name).collect(),
        };
        children.files.sort();
        children.dirs.sort();
        Ok(children)
    }

    fn delete(&self, key: &Key) -> Result<()> {
        let path = self.path(key)?;
        let store = self.store.clone();
        self.block(async move { store.delete(&path).await })?
            .map_err(|e| self.error(key, &e))
    }
}

const SIDECAR_NAME: &str = INVENTORY_SIDECAR;

/// What errors about the whole storage root name.
fn root_key() -> Key {
    Key::new("(root)").expect("a valid key")
}

/// Where a stage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StageState {
    /// Keys are being put; dropped now, they are deleted.
    Open,
    /// The commit point is stored: nothing is ever deleted.
    Committed,
    /// The commit point's put failed without an answer (it may be stored): nothing is
    /// deleted, what is left is a leftover for a later stage to judge.
    Uncertain,
    /// A [`Holder::Exclusive`] writer found another writing the same version (a key it put
    /// gone or replaced, a key it would put already there): its lock was taken over, and
    /// the keys it put may now be the new holder's (the same bytes put again): nothing is
    /// deleted.
    Lost,
    Published,
}

/// The keys of one version being put straight to their final names.
struct S3Stage<'a> {
    storage: &'a S3Storage,
    /// Every key put lies below this (`{object}/{version}`, or a new object's prefix).
    scope: Key,
    /// `{object}/{version}/inventory.json`.
    version_inventory: Key,
    /// The put that commits: the version inventory, or a new object's NAMASTE.
    commit_point: Key,
    /// Keys put, with the `ETag` each put returned.
    put: Vec<(Key, Option<String>)>,
    started: Instant,
    holder: Holder,
    state: StageState,
}

impl S3Stage<'_> {
    /// Fails when a key this stage put is gone or replaced (removed as a leftover by another
    /// writer after this stage was open for longer than the store allows).
    fn check_still_mine(&self) -> Result<()> {
        for (key, e_tag) in &self.put {
            let path = self.storage.path(key)?;
            let store = self.storage.store.clone();
            let head = self.storage.block(async move { store.head(&path).await })?;
            let same = matches!(&head, Ok(meta) if e_tag.is_none() || meta.e_tag == *e_tag);
            if !same {
                let why = match self.holder {
                    Holder::Shared => format!(
                        "it took longer than {} s",
                        self.storage.stale_after.as_secs() / 2
                    ),
                    Holder::Exclusive => {
                        "this writer's lock on the object was taken over".to_string()
                    }
                };
                return Err(Error::Archive(format!(
                    "{}: removed or replaced while this version was being written ({why}); \
                     nothing was committed, run again",
                    self.storage.locate(key).display(),
                )));
            }
        }
        Ok(())
    }
}

impl StagedWrite for S3Stage<'_> {
    fn put_new(&mut self, key: &Key, from: &Path, reader: &mut dyn Read) -> Result<(String, u64)> {
        if key.below(&self.scope).is_none() {
            return Err(Error::Archive(format!(
                "storage key {key} is not below {} being written",
                self.scope
            )));
        }
        let location = self.storage.locate(key);
        let mut buffer = Vec::new();
        let written = hash_stream(from, reader, &mut buffer, &location)?;
        let bytes = Bytes::from(buffer);
        let commits = *key == self.commit_point;
        // Once the version inventory is stored, the version is committed: a root file of a
        // new object found already stored with the same bytes was put by an earlier try of
        // this very put (only the writer of the version inventory gets this far).
        let after_version_inventory = self.put.iter().any(|(k, _)| *k == self.version_inventory);
        // An exclusive holder checks every time: a successor that took its lock over
        // (its lease expired) removes its keys at once.
        if commits
            && (self.holder == Holder::Exclusive
                || self.started.elapsed() > self.storage.stale_after / 2)
        {
            if let Err(e) = self.check_still_mine() {
                if self.holder == Holder::Exclusive {
                    self.state = StageState::Lost;
                }
                return Err(e);
            }
        }
        match self.storage.put_create(key, bytes.clone()) {
            Ok(e_tag) => self.put.push((key.clone(), e_tag)),
            Err(Error::KeyExists { path })
                if after_version_inventory
                    && self.storage.get_tagged(key)?.map(|(b, _)| b) == Some(bytes) =>
            {
                tracing::debug!(key = %path.display(), "already stored by an earlier try");
            }
            Err(e @ Error::KeyExists { .. }) => {
                if self.holder == Holder::Exclusive {
                    self.state = StageState::Lost;
                }
                return Err(e);
            }
            Err(e) => {
                if commits || after_version_inventory {
                    self.state = StageState::Uncertain;
                }
                return Err(e);
            }
        }
        if commits {
            self.state = StageState::Committed;
        }
        Ok(written)
    }

    fn publish(mut self: Box<Self>) -> Result<()> {
        // Every key is visible once put: publishing only keeps them.
        self.state = StageState::Published;
        Ok(())
    }
}

impl Drop for S3Stage<'_> {
    fn drop(&mut self) {
        if self.state != StageState::Open {
            return;
        }
        // Nothing committed names these keys: another writer's put of any of them failed.
        for (key, _) in self.put.iter().rev() {
            if let Err(e) = self.storage.delete(key) {
                tracing::warn!(error = %e, "could not remove a key of an unpublished version");
            }
        }
    }
}

/// The bytes of one S3 object, pulled in chunks through the store's runtime.
struct S3Reader {
    stream: Option<BoxStream<'static, object_store::Result<Bytes>>>,
    buffer: Bytes,
    handle: tokio::runtime::Handle,
    location: PathBuf,
}

/// How much one pull through the runtime gathers before handing it to the reader.
const PULL: usize = 256 * 1024;

impl Read for S3Reader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.buffer.is_empty() {
            let Some(mut stream) = self.stream.take() else {
                return Ok(0);
            };
            let pulled = block_on(&self.handle, async move {
                let mut gathered = BytesMut::new();
                while gathered.len() < PULL {
                    match stream.next().await {
                        Some(Ok(chunk)) => gathered.extend_from_slice(&chunk),
                        Some(Err(e)) => return (None, Err(e)),
                        None => return (None, Ok(gathered.freeze())),
                    }
                }
                (Some(stream), Ok(gathered.freeze()))
            })
            .map_err(|e| std::io::Error::other(e.to_string()))?;
            let (stream, chunk) = pulled;
            self.stream = stream;
            self.buffer = chunk
                .map_err(|e| std::io::Error::other(format!("{}: {e}", self.location.display())))?;
            if self.buffer.is_empty() && self.stream.is_none() {
                return Ok(0);
            }
        }
        let n = out.len().min(self.buffer.len());
        out[..n].copy_from_slice(&self.buffer[..n]);
        self.buffer = self.buffer.slice(n..);
        Ok(n)
    }
}
