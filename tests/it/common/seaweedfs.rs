//! A `SeaweedFS` cluster for the tests of the S3 storage: `scripts/seaweedfs-cluster.sh up` (3
//! masters, 3 volume servers with `-defaultReplication=010`, a filer with S3, on free loopback
//! ports) in a temporary directory, stopped by `down` (SIGTERM, then SIGKILL) when dropped,
//! panics included. The cluster [`SeaweedFs::shared`] hands out lives as long as the test
//! process: the script's watchdog stops and removes it once the process is gone, however it
//! ended. [`flip_a_byte_of_an_original`] tampers with a stored file the way the tests do.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{OnceLock, RwLock, RwLockReadGuard, RwLockWriteGuard};

use pipeline::store::s3::S3Settings;
use pipeline::store::storage::{Key, ObjectStorage};

/// A running cluster.
pub struct SeaweedFs {
    dir: PathBuf,
    /// `SOHOA_S3_*` variables pointing at it.
    env: Vec<(String, String)>,
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/seaweedfs-cluster.sh")
}

impl SeaweedFs {
    /// Starts a cluster owned by this process; `None` (skipped loudly, failed under CI)
    /// when `weed` is not installed.
    pub fn start() -> Option<SeaweedFs> {
        static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        super::validator("weed")?;
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("sohoa-seaweedfs-{}-{n}", std::process::id()));
        let out = Command::new("bash")
            .arg(script())
            .arg("up")
            .arg(&dir)
            .args(["--owner", &std::process::id().to_string()])
            .output()
            .expect("bash runs");
        let cluster = SeaweedFs {
            env: parse_exports(&String::from_utf8_lossy(&out.stdout)),
            dir,
        };
        assert!(
            out.status.success() && cluster.env.len() == 5,
            "seaweedfs-cluster.sh up failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        Some(cluster)
    }

    /// The cluster the tests of this process share (started by the first to ask).
    pub fn shared() -> Option<&'static SeaweedFs> {
        static SHARED: OnceLock<Option<SeaweedFs>> = OnceLock::new();
        SHARED.get_or_init(SeaweedFs::start).as_ref()
    }

    /// The `SOHOA_S3_*` variables of the cluster, with `SOHOA_S3_PREFIX=prefix`.
    pub fn env(&self, prefix: &str) -> Vec<(String, String)> {
        let mut env = self.env.clone();
        env.push(("SOHOA_S3_PREFIX".into(), prefix.into()));
        env
    }

    fn var(&self, name: &str) -> String {
        self.env
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Settings for a storage root at `prefix` of the cluster's bucket.
    pub fn settings(&self, prefix: &str) -> S3Settings {
        S3Settings {
            endpoint: Some(self.var("SOHOA_S3_ENDPOINT")),
            bucket: self.var("SOHOA_S3_BUCKET"),
            prefix: prefix.into(),
            region: self.var("SOHOA_S3_REGION"),
            access_key_id: Some(self.var("SOHOA_S3_ACCESS_KEY_ID")),
            secret_access_key: Some(self.var("SOHOA_S3_SECRET_ACCESS_KEY")),
            retry_seconds: None,
        }
    }

    /// SIGKILLs one node (`m0`…`m2`, `v0`…`v2`, `filer`).
    pub fn kill(&self, node: &str) {
        self.node("kill", node);
    }

    /// Starts a killed node again, as it was started.
    pub fn restart(&self, node: &str) {
        self.node("start", node);
    }

    fn node(&self, what: &str, node: &str) {
        let status = Command::new("bash")
            .arg(script())
            .arg(what)
            .arg(&self.dir)
            .arg(node)
            .status()
            .expect("bash runs");
        assert!(
            status.success(),
            "seaweedfs-cluster.sh {what} {node} failed"
        );
    }
}

impl Drop for SeaweedFs {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(script())
            .arg("down")
            .arg(&self.dir)
            .arg("--purge")
            .status();
    }
}

/// `export NAME=value` lines → (NAME, value).
fn parse_exports(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| l.strip_prefix("export "))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Tests that use the shared cluster hold this for reading; the one that kills a volume
/// server holds it for writing, so that no other test sees the cluster while it is down a
/// node (their requests would only be retried, but their timing would not be theirs).
static IN_USE: RwLock<()> = RwLock::new(());

/// Shared use of the cluster.
pub fn sharing() -> RwLockReadGuard<'static, ()> {
    IN_USE
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Use of the cluster alone.
pub fn alone() -> RwLockWriteGuard<'static, ()> {
    IN_USE
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Restarts a killed node when dropped (the test failing included), so that the shared
/// cluster is whole again for the other tests.
pub struct Restart<'a>(pub &'a SeaweedFs, pub &'a str);

impl Drop for Restart<'_> {
    fn drop(&mut self) {
        self.0.restart(self.1);
    }
}

/// Flips one byte in the middle of the first stored original of a `v1` in `storage` (the
/// key deleted and put again create-only, as a writer with bucket access could): the key and
/// the bytes it now holds.
pub fn flip_a_byte_of_an_original(storage: &dyn ObjectStorage) -> (Key, Vec<u8>) {
    let content = storage
        .list(None)
        .unwrap()
        .into_iter()
        .find(|k| k.as_str().contains("/v1/content/originals/"))
        .unwrap();
    let mut bytes = storage.get_bytes(&content).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let object = Key::new(content.as_str().split("/v1/").next().unwrap().to_string()).unwrap();
    storage.delete(&content).unwrap();
    let mut staged = storage.stage(&object, "v1", true).unwrap();
    staged
        .put_new(&content, Path::new("tamper"), &mut &bytes[..])
        .unwrap();
    staged.publish().unwrap();
    (content, bytes)
}
