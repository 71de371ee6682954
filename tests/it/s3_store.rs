//! The OCFL storage root in S3 (`pipeline::store::s3`), on a real `SeaweedFS` cluster (3
//! masters, 3 volume servers with replication 010, a filer with S3: `common::seaweedfs`),
//! shared by these tests. What holds:
//!
//! - the storage contract the directory keeps, and `SeaweedFS` enforcing concurrent
//!   `If-None-Match: *` and `If-Match` (of many racing conditional puts exactly one wins);
//! - two writers racing on one object: exactly one commit wins, the other fails as a
//!   concurrent commit, no key is overwritten and the loser leaves nothing; a killed writer's
//!   keys are removed only once stale; a version committed without its root inventory is
//!   rolled forward by the next writer;
//! - `sohoa ingest` into S3 while a volume server is killed completes, `verify` reports it
//!   intact, `show`/`get` read it; synced to a directory it passes `ocfl-validate.py`; a
//!   stored file tampered with in S3 is reported by `verify` exactly as the same tampering
//!   in the directory copy.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use pipeline::store::ocfl::{CommitOutcome, FileSource, Inventory, StorageRoot, User};
use pipeline::store::s3::{S3Settings, S3Storage};
use pipeline::store::storage::{contract, Holder, Key, ObjectStorage};
use pipeline::store::{Archive, StorageLocation};

use crate::common::seaweedfs::{alone, sharing, Restart, SeaweedFs};
use crate::common::{code, json, small_box, sohoa, validator};

/// A prefix no other test (or run) uses.
fn fresh_prefix(what: &str) -> String {
    format!("t-{}/{what}", ulid::Ulid::new().to_string().to_lowercase())
}

fn key(s: &str) -> Key {
    Key::new(s).unwrap()
}

#[test]
fn the_s3_storage_keeps_the_contract_and_seaweedfs_enforces_conditional_writes() {
    let Some(cluster) = SeaweedFs::shared() else {
        return;
    };
    let _use = sharing();
    let settings = cluster.settings(&fresh_prefix("contract"));
    let storage = S3Storage::connect(&settings).unwrap();
    contract::all(&storage);

    // Racing create-only puts of one key from separate clients: exactly one is stored.
    let racers = 8;
    for round in 0..3 {
        let object = key(&format!("race/obj{round}"));
        let target = object.join("v1/content/a").unwrap();
        let winner = exactly_one_wins(racers, &settings, |i, client, barrier| {
            let staged = client.stage(&object, "v1", true);
            barrier.wait();
            let Ok(mut staged) = staged else {
                return false;
            };
            let bytes = format!("writer {i}").into_bytes();
            let won = staged
                .put_new(&target, Path::new("test"), &mut &bytes[..])
                .is_ok();
            if won {
                staged.publish().unwrap();
            }
            won
        });
        assert_eq!(
            storage.get_bytes(&target).unwrap(),
            format!("writer {winner}").into_bytes(),
            "round {round}: the key holds the winner's bytes"
        );
    }

    // Racing compare-and-swaps of one root inventory from the same digest: exactly one.
    let object = key("cas/obj");
    let mut staged = storage.stage(&object, "v1", true).unwrap();
    for (name, bytes) in [
        ("inventory.json", &b"base"[..]),
        ("inventory.json.sha256", b"s"),
    ] {
        staged
            .put_new(&object.join(name).unwrap(), Path::new("t"), &mut &bytes[..])
            .unwrap();
    }
    staged.publish().unwrap();
    let base = sha256(b"base");
    let winner = exactly_one_wins(racers, &settings, |i, client, barrier| {
        let inventory = format!("inventory of writer {i}");
        barrier.wait();
        let r = client.swap_inventory(&object, &base, inventory.as_bytes(), b"s2");
        if let Err(e) = &r {
            assert!(e.is_concurrent_commit(), "{e}");
        }
        r.is_ok()
    });
    assert_eq!(
        storage
            .get_bytes(&object.join("inventory.json").unwrap())
            .unwrap(),
        format!("inventory of writer {winner}").into_bytes()
    );
}

/// Runs `racers` writers at once, each with its own client (`act` waits on the barrier once
/// ready, then races); asserts that exactly one succeeded and returns which.
fn exactly_one_wins(
    racers: usize,
    settings: &S3Settings,
    act: impl Fn(usize, &S3Storage, &Barrier) -> bool + Sync,
) -> usize {
    let barrier = Barrier::new(racers);
    let results: Vec<(usize, bool)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..racers)
            .map(|i| {
                let (barrier, act) = (&barrier, &act);
                s.spawn(move || {
                    let client = S3Storage::connect(settings).unwrap();
                    (i, act(i, &client, barrier))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let winners: Vec<usize> = results.iter().filter(|r| r.1).map(|r| r.0).collect();
    assert_eq!(winners.len(), 1, "{results:?}");
    winners[0]
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    hex::encode(sha2::Sha256::digest(bytes))
}

fn files(pairs: &[(&str, String)]) -> BTreeMap<String, FileSource> {
    pairs
        .iter()
        .map(|(p, c)| ((*p).to_string(), FileSource::Bytes(c.clone().into_bytes())))
        .collect()
}

fn user(name: &str) -> User {
    User {
        name: name.into(),
        address: None,
    }
}

/// Every key of the object is named by its root inventory (content), is an inventory or
/// sidecar of a version it has, or is the NAMESTE: nothing a loser or a crash left.
fn assert_only_committed_keys(storage: &dyn ObjectStorage, object: &Key) -> Inventory {
    let inventory: Inventory = serde_json::from_slice(
        &storage
            .get_bytes(&object.join("inventory.json").unwrap())
            .unwrap(),
    )
    .unwrap();
    let mut allowed: Vec<String> = vec![
        "0=ocfl_object_1.1".into(),
        "inventory.json".into(),
        "inventory.json.sha256".into(),
    ];
    for v in inventory.versions.keys() {
        allowed.push(format!("{v}/inventory.json"));
        allowed.push(format!("{v}/inventory.json.sha256"));
    }
    allowed.extend(inventory.manifest.values().flatten().cloned());
    for k in storage.list(Some(object)).unwrap() {
        let rel = k.below(object).unwrap();
        assert!(allowed.iter().any(|a| a == rel), "stray key {k}");
    }
    // The root sidecar is the root inventory's.
    let root = storage
        .get_bytes(&object.join("inventory.json").unwrap())
        .unwrap();
    let sidecar = storage
        .get_bytes(&object.join("inventory.json.sha256").unwrap())
        .unwrap();
    assert_eq!(
        String::from_utf8(sidecar).unwrap(),
        format!("{}  inventory.json\n", sha256(&root))
    );
    inventory
}

#[test]
fn two_writers_racing_on_one_object_commit_one_version_and_leave_nothing_else() {
    let Some(cluster) = SeaweedFs::shared() else {
        return;
    };
    let _use = sharing();
    let tmp = tempfile::tempdir().unwrap();
    let settings = cluster.settings(&fresh_prefix("race"));
    let location = StorageLocation::S3(settings.clone());
    // Two machines: each its own archive directory and client, one storage root.
    let a = Archive::open_or_create_on(&tmp.path().join("a"), &location).unwrap();
    let b = Archive::open_or_create_on(&tmp.path().join("b"), &location).unwrap();
    let id = "01RACE";
    let object = a.storage().object_key(id);
    a.storage()
        .commit_version(id, &files(&[("a.txt", "v1".into())]), "v1", &user("a"))
        .unwrap();
    for round in 2..=5 {
        // Forced: both writers have read the head before either starts its version.
        let barrier = Arc::new(Meeting::of(2));
        let writers: Vec<(&str, StorageRoot)> = ["a", "b"]
            .into_iter()
            .map(|name| {
                let gated = Gated {
                    inner: S3Storage::connect(&settings).unwrap(),
                    barrier: barrier.clone(),
                };
                (
                    name,
                    StorageRoot::on(Arc::new(gated), Path::new("s3")).unwrap(),
                )
            })
            .collect();
        let outcomes: Vec<(&str, pipeline::Result<CommitOutcome>)> = std::thread::scope(|s| {
            let handles: Vec<_> = writers
                .iter()
                .map(|(name, root)| {
                    s.spawn(move || {
                        let mine = files(&[
                            ("a.txt", format!("{name} {round}")),
                            ("same.txt", "shared".into()),
                        ]);
                        (*name, root.commit_version(id, &mine, "race", &user(name)))
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let won: Vec<&str> = outcomes
            .iter()
            .filter(|(_, r)| matches!(r, Ok(CommitOutcome::Committed { .. })))
            .map(|(n, _)| *n)
            .collect();
        assert_eq!(won.len(), 1, "round {round}: {outcomes:?}");
        for (name, r) in &outcomes {
            if let Err(e) = r {
                assert!(e.is_concurrent_commit(), "{name} failed otherwise: {e}");
            }
        }
        let inventory = assert_only_committed_keys(a.storage().backend().as_ref(), &object);
        assert_eq!(inventory.head, format!("v{round}"), "one version per round");
        let content =
            StorageRoot::logical_key(&object, &inventory, &inventory.head, "a.txt").unwrap();
        assert_eq!(
            a.storage().backend().get_bytes(&content).unwrap(),
            format!("{} {round}", won[0]).into_bytes(),
            "the winner's bytes, not overwritten"
        );
    }

    // A writer killed before its commit point leaves keys: the next writer does not take them
    // while they may be a writer's under way, and removes them once stale.
    let head = a.storage().inventory(&object).unwrap().head_number();
    let next = format!("v{}", head + 1);
    let killed = S3Storage::connect(&settings).unwrap();
    let mut staged = killed.stage(&object, &next, false).unwrap();
    staged
        .put_new(
            &object.join(&format!("{next}/content/a.txt")).unwrap(),
            Path::new("t"),
            &mut &b"left by a killed writer"[..],
        )
        .unwrap();
    std::mem::forget(staged);
    let later = files(&[("a.txt", "later".into())]);
    let err = b
        .storage()
        .commit_version(id, &later, "later", &user("b"))
        .unwrap_err();
    assert!(err.is_concurrent_commit(), "{err}");
    let patient = StorageRoot::on(
        Arc::new(
            S3Storage::connect(&settings)
                .unwrap()
                .with_stale_after(Duration::ZERO),
        ),
        Path::new("s3"),
    )
    .unwrap();
    let out = patient
        .commit_version(id, &later, "later", &user("b"))
        .unwrap();
    assert!(matches!(out, CommitOutcome::Committed { ref version, .. } if *version == next));
    assert_only_committed_keys(patient.backend().as_ref(), &object);

    // Under the coordinator's object lock (`Holder::Exclusive`, the earlier holder fenced
    // out) a writer removes young leftovers at once and commits. The earlier holder, still
    // running, is refused at its commit point and deletes nothing: the same bytes under the
    // same keys are the new holder's now.
    let next = format!("v{}", patient.inventory(&object).unwrap().head_number() + 1);
    let old_holder = S3Storage::connect(&settings).unwrap();
    let mut old_stage = old_holder
        .stage_as(&object, &next, false, Holder::Exclusive)
        .unwrap();
    let same = "the same bytes, put by both holders".to_string();
    old_stage
        .put_new(
            &object.join(&format!("{next}/content/a.txt")).unwrap(),
            Path::new("t"),
            &mut same.as_bytes(),
        )
        .unwrap();
    let out = b
        .storage()
        .commit_version_as(
            id,
            &files(&[("a.txt", same.clone())]),
            "under the lock",
            &user("b"),
            Holder::Exclusive,
        )
        .unwrap();
    assert!(matches!(out, CommitOutcome::Committed { ref version, .. } if *version == next));
    let refused = old_stage.put_new(
        &object.join(&format!("{next}/inventory.json")).unwrap(),
        Path::new("t"),
        &mut &b"{}"[..],
    );
    assert!(refused.is_err());
    drop(old_stage);
    let inventory = assert_only_committed_keys(b.storage().backend().as_ref(), &object);
    let content = StorageRoot::logical_key(&object, &inventory, &next, "a.txt").unwrap();
    assert_eq!(
        b.storage().backend().get_bytes(&content).unwrap(),
        same.into_bytes()
    );

    // A version committed (its vN/inventory.json stored) by a writer killed before it
    // replaced the root inventory: the next writer rolls it forward and stops there.
    let head = a.storage().inventory(&object).unwrap().head_number();
    let before = a.storage().inventory_bytes(&object).unwrap();
    let newer = files(&[("a.txt", "newer".into())]);
    a.storage()
        .commit_version(id, &newer, "newer", &user("a"))
        .unwrap();
    let committed = a.storage().inventory_bytes(&object).unwrap();
    a.storage()
        .backend()
        .swap_inventory(
            &object,
            &sha256(&committed),
            &before,
            format!("{}  inventory.json\n", sha256(&before)).as_bytes(),
        )
        .unwrap();
    let err = b
        .storage()
        .commit_version(id, &newer, "again", &user("b"))
        .unwrap_err();
    assert!(err.is_concurrent_commit(), "{err}");
    assert_eq!(a.storage().inventory_bytes(&object).unwrap(), committed);
    assert_eq!(
        b.storage()
            .commit_version(id, &newer, "again", &user("b"))
            .unwrap(),
        CommitOutcome::Unchanged {
            version: format!("v{}", head + 1)
        }
    );
    assert_only_committed_keys(a.storage().backend().as_ref(), &object);
    assert!(a.storage().recover().unwrap().is_empty());
}

/// The S3 storage, each `stage` waiting first until the other writer has reached its own.
#[derive(Debug)]
struct Gated {
    inner: S3Storage,
    barrier: Arc<Meeting>,
}

/// A barrier that gives up after 30 s (a writer that failed before its stage must fail the
/// test, not hang it).
#[derive(Debug)]
struct Meeting {
    arrived: std::sync::Mutex<usize>,
    all: std::sync::Condvar,
    of: usize,
}

impl Meeting {
    fn of(of: usize) -> Meeting {
        Meeting {
            arrived: std::sync::Mutex::new(0),
            all: std::sync::Condvar::new(),
            of,
        }
    }

    fn wait(&self) {
        let mut arrived = self.arrived.lock().unwrap();
        *arrived += 1;
        self.all.notify_all();
        let (arrived, timeout) = self
            .all
            .wait_timeout_while(arrived, Duration::from_secs(30), |n| *n < self.of)
            .unwrap();
        assert!(
            !timeout.timed_out() || *arrived >= self.of,
            "the other writer never staged"
        );
    }
}

impl ObjectStorage for Gated {
    fn locate(&self, key: &Key) -> std::path::PathBuf {
        self.inner.locate(key)
    }
    fn stage<'a>(
        &'a self,
        object: &Key,
        version: &str,
        new_object: bool,
    ) -> pipeline::Result<Box<dyn pipeline::store::storage::StagedWrite + 'a>> {
        self.barrier.wait();
        self.inner.stage(object, version, new_object)
    }
    fn swap_inventory(
        &self,
        object: &Key,
        expected_sha256: &str,
        inventory: &[u8],
        sidecar: &[u8],
    ) -> pipeline::Result<()> {
        self.inner
            .swap_inventory(object, expected_sha256, inventory, sidecar)
    }
    fn get(&self, key: &Key) -> pipeline::Result<Box<dyn std::io::Read + Send>> {
        self.inner.get(key)
    }
    fn get_bytes(&self, key: &Key) -> pipeline::Result<Vec<u8>> {
        self.inner.get_bytes(key)
    }
    fn exists(&self, key: &Key) -> pipeline::Result<bool> {
        self.inner.exists(key)
    }
    fn size(&self, key: &Key) -> pipeline::Result<u64> {
        self.inner.size(key)
    }
    fn list(&self, prefix: Option<&Key>) -> pipeline::Result<Vec<Key>> {
        self.inner.list(prefix)
    }
    fn children(
        &self,
        prefix: Option<&Key>,
    ) -> pipeline::Result<pipeline::store::storage::Children> {
        self.inner.children(prefix)
    }
    fn delete(&self, key: &Key) -> pipeline::Result<()> {
        self.inner.delete(key)
    }
}

/// `sohoa ARGS --archive ARCHIVE` with the cluster's S3 variables for `prefix`.
fn run_s3(
    cluster: &SeaweedFs,
    prefix: &str,
    archive: &Path,
    args: &[&str],
) -> std::process::Output {
    sohoa()
        .args(args)
        .arg("--archive")
        .arg(archive)
        .envs(cluster.env(prefix))
        .output()
        .unwrap()
}

/// Copies every key of the storage root into `dir` (what `aws s3 sync` would do).
fn sync_to_directory(storage: &dyn ObjectStorage, dir: &Path) {
    for k in storage.list(None).unwrap() {
        let path = dir.join(k.as_str());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, storage.get_bytes(&k).unwrap()).unwrap();
    }
}

fn copy_archive_dir(from: &Path, to: &Path) {
    crate::common::copy_tree(from, to);
    std::fs::remove_file(to.join(pipeline::store::LOCATION_FILE)).unwrap();
}

#[test]
fn an_ingest_into_s3_survives_a_killed_volume_server_and_verifies_like_a_directory() {
    let Some(cluster) = SeaweedFs::shared() else {
        return;
    };
    let ocfl_validate = validator("ocfl-validate.py");
    let _alone = alone();
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = small_box(tmp.path());
    let archive = tmp.path().join("archive");
    let prefix = fresh_prefix("ocfl");

    // A volume server killed while the ingest runs (before its first commit: OCR comes
    // first): replication 010 keeps every write on two racks; writes are retried.
    let child = sohoa()
        .args([
            "ingest",
            box_dir.to_str().unwrap(),
            "-j",
            "2",
            "--no-progress",
            "--json",
        ])
        .arg("--archive")
        .arg(&archive)
        .envs(cluster.env(&prefix))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let marker = archive.join(pipeline::store::LOCATION_FILE);
    while !marker.exists() {
        std::thread::sleep(Duration::from_millis(50));
    }
    cluster.kill("v1");
    let _restart = Restart(cluster, "v1");
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        code(&out),
        0,
        "ingest failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = json(&out);
    assert_eq!(summary["objects_created"], 3, "{summary}");

    // Verified intact from S3, with the volume server still down.
    let verified = run_s3(cluster, &prefix, &archive, &["verify", "--json"]);
    let report = json(&verified);
    assert_eq!(code(&verified), 0, "{report}");
    assert_eq!(report["objects_checked"], 3, "{report}");

    // Read back: a document's record and an original, byte for byte.
    let list = json(&run_s3(cluster, &prefix, &archive, &["list", "--json"]));
    let first = list["documents"][0]["id"].as_str().unwrap().to_string();
    let shown = run_s3(cluster, &prefix, &archive, &["show", &first, "--json"]);
    assert_eq!(
        code(&shown),
        0,
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    let got = tmp.path().join("page.bin");
    let get = run_s3(
        cluster,
        &prefix,
        &archive,
        &[
            "get",
            &first,
            "--original",
            "--page",
            "1",
            "-o",
            got.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(code(&get), 0, "{}", String::from_utf8_lossy(&get.stderr));
    let source = json(&get)["source_file"].as_str().unwrap().to_string();
    let original = walkdir::WalkDir::new(&box_dir)
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().ends_with(&source))
        .expect("the source file in the box");
    assert_eq!(
        std::fs::read(&got).unwrap(),
        std::fs::read(original.path()).unwrap()
    );

    // Without its S3 settings the archive directory is refused, not read as empty.
    let plain = crate::common::run(&archive, &["list"]);
    assert_eq!(code(&plain), 1);
    assert!(
        String::from_utf8_lossy(&plain.stderr).contains("SOHOA_S3_BUCKET"),
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );

    // The root synced to a directory: a directory archive with the same index and logs.
    let storage = S3Storage::connect(&cluster.settings(&prefix)).unwrap();
    let copy = tmp.path().join("copy");
    copy_archive_dir(&archive, &copy);
    sync_to_directory(&storage, &copy.join("ocfl"));
    if let Some(tool) = &ocfl_validate {
        crate::ocfl_validate::validate(tool, &copy);
    }
    let on_directory = crate::common::run(&copy, &["verify", "--json"]);
    assert_eq!(code(&on_directory), 0, "{}", json(&on_directory));

    // One byte of a stored original flipped, in S3 and in the copy: the same report.
    let (content, bytes) = crate::common::seaweedfs::flip_a_byte_of_an_original(&storage);
    std::fs::write(copy.join("ocfl").join(content.as_str()), &bytes).unwrap();
    let s3_report = run_s3(cluster, &prefix, &archive, &["verify", "--json"]);
    let dir_report = crate::common::run(&copy, &["verify", "--json"]);
    assert_eq!((code(&s3_report), code(&dir_report)), (4, 4));
    let (s3_report, dir_report) = (json(&s3_report), json(&dir_report));
    for field in [
        "ok",
        "corrupted",
        "missing",
        "unexpected",
        "audit_mismatches",
    ] {
        assert_eq!(s3_report[field], dir_report[field], "{field}");
    }
    assert_eq!(
        s3_report["corrupted"][0]["path"],
        format!("ocfl/{content}").as_str(),
        "{s3_report}"
    );
    let damaged = |r: &serde_json::Value| -> Vec<(String, bool)> {
        r["objects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o["id"].as_str().unwrap().to_string(),
                    o["ok"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(damaged(&s3_report), damaged(&dir_report));
}
