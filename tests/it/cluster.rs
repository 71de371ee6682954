//! Cluster mode on a real PostgreSQL (started here with `initdb`/`pg_ctl` as the `postgres`
//! user, on a socket directory) and real workers: the same documents, records and search
//! results as the embedded ingest; a worker killed (SIGKILL) mid-hồ-sơ replaced after its lease;
//! two workers racing on a duplicate job committing once; PostgreSQL stopped mid-run; a
//! withheld page in no table, log or stored file; the audit chain verified end to end; the
//! same documents when the workers commit to the storage root in S3 (the `SeaweedFS` cluster
//! the S3 tests share, `common::seaweedfs`), and a file tampered with there found by
//! `verify`; the S3 gateway killed under a worker, waited out with backoff. One instance is shared, a database per test; the test that stops PostgreSQL has
//! its own. Leases are short through `SOHOA_LEASE_SECONDS`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::common::{code, json, make_box, run, sohoa};

use cluster::throwaway::Postgres;
use pipeline::store::StorageLocation;

/// A throwaway PostgreSQL, or `None` (a loud skip; a failure under CI) when it is not
/// installed.
fn start_postgres() -> Option<Postgres> {
    if cluster::throwaway::server_programs().is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "PostgreSQL is not installed (scripts/install-deps.sh installs it)"
        );
        eprintln!("SKIPPED: PostgreSQL is not installed (bash scripts/install-deps.sh)");
        return None;
    }
    Some(Postgres::start().expect("a throwaway PostgreSQL starts"))
}

/// The instance the tests share (stopped at exit by its watchdog).
fn shared() -> Option<&'static Postgres> {
    static SHARED: OnceLock<Option<Postgres>> = OnceLock::new();
    SHARED.get_or_init(start_postgres).as_ref()
}

/// A box of two one-page hồ sơ, the second also holding a copy of the first's scan (a
/// second copy, stored once: in the first hồ sơ, whichever worker runs first).
fn two_hoso_box(parent: &Path) -> PathBuf {
    let b = parent.join("hop-c");
    make_box(
        &b,
        &[
            ("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png"),
            ("hs-b", "hs-02-van-thu-luu-tru/1.png", "1.png"),
            ("hs-b", "hs-01-nghi-quyet/02-nq.png", "2.png"),
        ],
    );
    b
}

/// `sohoa ARGS --archive ARCHIVE` against the coordinator `db`, leases of `lease` seconds.
fn cluster_cmd(archive: &Path, db: &str, lease: u32, args: &[&str]) -> Command {
    let mut c = sohoa();
    c.args(args)
        .arg("--archive")
        .arg(archive)
        .env("SOHOA_DATABASE_URL", db)
        .env("SOHOA_LEASE_SECONDS", lease.to_string())
        .env("RUST_LOG", "info");
    c
}

/// `SOHOA_S3_*` variables (none: the storage root is the archive's `ocfl/`).
type Env = [(String, String)];

fn enqueue(archive: &Path, db: &str, box_dir: &Path) {
    enqueue_with(archive, db, box_dir, &[]);
}

fn enqueue_with(archive: &Path, db: &str, box_dir: &Path, env: &Env) {
    let out = cluster_cmd(
        archive,
        db,
        30,
        &[
            "ingest",
            box_dir.to_str().unwrap(),
            "--cluster",
            "--no-wait",
            "--json",
        ],
    )
    .envs(env.iter().cloned())
    .output()
    .unwrap();
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
}

fn spawn(mut c: Command, log: &Path) -> Child {
    c.stdout(Stdio::piped())
        .stderr(std::fs::File::create(log).unwrap())
        .spawn()
        .unwrap()
}

/// Starts `sohoa worker --until-idle -j 1` as each of `names` (leases of 30 s), logging to
/// `dir/NAME.log`.
fn spawn_workers(
    dir: &Path,
    archive: &Path,
    db: &str,
    names: &[&str],
    env: &Env,
) -> Vec<(Child, PathBuf)> {
    names
        .iter()
        .map(|name| {
            let log = dir.join(format!("{name}.log"));
            let args = ["worker", "--name", name, "-j", "1", "--until-idle"];
            let mut c = cluster_cmd(archive, db, 30, &args);
            c.envs(env.iter().cloned());
            (spawn(c, &log), log)
        })
        .collect()
}

/// Waits for `child` to exit (killing it after `limit`, a hung test's guard, not a timing
/// assertion); its exit code.
fn wait(child: &mut Child, limit: Duration, log: &Path) -> i32 {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code().unwrap_or(-1);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "still running after {limit:?}:\n{}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn query(db: &str, sql: &str) -> Vec<postgres::Row> {
    postgres::Client::connect(db, postgres::NoTls)
        .unwrap()
        .query(sql, &[])
        .unwrap()
}

/// Every object's head inventory: (box/hồ sơ from its source record) → logical path → digest.
fn stored(archive: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    stored_on(archive, &StorageLocation::Directory)
}

fn stored_on(
    archive: &Path,
    location: &StorageLocation,
) -> BTreeMap<String, BTreeMap<String, String>> {
    let store = pipeline::store::Archive::open_on(archive, location).unwrap();
    store
        .hoso_objects()
        .unwrap()
        .into_iter()
        .map(|o| {
            (
                format!("{}/{}", o.source.box_name, o.source.hoso),
                o.files(),
            )
        })
        .collect()
}

/// The audit log has exactly one `ingest` entry per object, the chain verifies, and it
/// extends the head the coordinator recorded.
fn audit_intact(archive: &Path, db: &str) {
    audit_intact_with(archive, db, &[]);
}

/// `sohoa ARGS --archive ARCHIVE` with `env`.
fn run_with(archive: &Path, env: &Env, args: &[&str]) -> std::process::Output {
    if env.is_empty() {
        return run(archive, args);
    }
    sohoa()
        .args(args)
        .arg("--archive")
        .arg(archive)
        .envs(env.iter().cloned())
        .output()
        .unwrap()
}

fn audit_intact_with(archive: &Path, db: &str, env: &Env) {
    let head: String = query(db, "SELECT hash FROM audit_head")[0].get(0);
    let out = run_with(archive, env, &["audit", "verify", "--head", &head]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    let log = std::fs::read_to_string(archive.join("audit/log.jsonl")).unwrap();
    let mut ingests: BTreeMap<String, u32> = BTreeMap::new();
    for line in log.lines() {
        let e: serde_json::Value = serde_json::from_str(line).unwrap();
        if e["action"] == "ingest" {
            *ingests
                .entry(e["object"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    assert!(ingests.values().all(|n| *n == 1), "{ingests:?}");
    let out = run_with(archive, env, &["verify"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
}

fn search(archive: &Path, env: &Env, q: &str) -> Vec<(String, String, Vec<u64>)> {
    let out = run_with(archive, env, &["search", q, "--json"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    json(&out)["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["hoso"].as_str().unwrap_or_default().to_string(),
                h["title"].as_str().unwrap_or_default().to_string(),
                h["pages"]
                    .as_array()
                    .map(|p| p.iter().filter_map(serde_json::Value::as_u64).collect())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

/// What the catalog says of each document, ids and times left out.
fn catalog(archive: &Path, env: &Env) -> BTreeSet<String> {
    let out = run_with(archive, env, &["list", "--json"]);
    assert_eq!(code(&out), 0);
    let mut found = BTreeSet::new();
    for doc in json(&out)["documents"].as_array().unwrap() {
        let id = doc["id"].as_str().unwrap();
        let mut shown = json(&run_with(archive, env, &["show", id, "--json"]));
        strip_ids(&mut shown);
        found.insert(shown.to_string());
    }
    found
}

/// Removes ULIDs (object and document ids) and times from a JSON value.
fn strip_ids(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.retain(|k, _| {
                !matches!(
                    k.as_str(),
                    "id" | "object"
                        | "object_id"
                        | "ma_dinh_danh"
                        | "created"
                        | "time"
                        | "version_created"
                )
            });
            m.values_mut().for_each(strip_ids);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_ids),
        _ => {}
    }
}

#[test]
fn a_box_ingested_by_two_workers_matches_the_embedded_ingest() {
    let Some(pg) = shared() else { return };
    let db = pg.database("equal").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clustered =
        two_workers_match_the_embedded_ingest(dir.path(), &db, &[], &StorageLocation::Directory);
    a_later_box_s_copy_of_a_stored_scan_is_not_stored_again(dir.path(), &clustered, &db);
    // The embedded archive, coordinated afterwards: its first enqueue reads the store, and
    // finds the stored copy there.
    let adopting = pg.database("equal_adopt").unwrap();
    let embedded = dir.path().join("embedded");
    enqueue(&embedded, &adopting, &dir.path().join("hop-d"));
    assert_eq!(left_elsewhere(&adopting, "hop-d"), ["hop-c/hs-a/1.png"]);
}

/// A box enqueued later whose hồ sơ holds a copy of a scan stored already (under another
/// name): its worker reports the copy and stores it not, as the embedded ingest does.
fn a_later_box_s_copy_of_a_stored_scan_is_not_stored_again(dir: &Path, clustered: &Path, db: &str) {
    // The workers' commits recorded their objects' originals (no enqueue read the store
    // since they committed).
    let recorded: Vec<String> = query(db, "SELECT place FROM originals ORDER BY place")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(recorded, ["hop-c/hs-a/1.png", "hop-c/hs-b/1.png"]);
    let later = dir.join("hop-d");
    make_box(
        &later,
        &[("hs-x", "hs-01-nghi-quyet/02-nq.png", "ban-sao.png")],
    );
    let embedded = dir.join("embedded");
    let out = crate::common::ingest(&embedded, &later, 1, true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    enqueue(clustered, db, &later);
    let mut workers = spawn_workers(dir, clustered, db, &["w3"], &[]);
    let (child, log) = &mut workers[0];
    assert_eq!(wait(child, Duration::from_secs(600), log), 0);

    let originals = |archive: &Path| -> BTreeMap<String, Vec<String>> {
        stored(archive)
            .into_iter()
            .map(|(hoso, files)| {
                let kept = files.into_keys().filter(|p| p.starts_with("originals/"));
                (hoso, kept.collect())
            })
            .collect()
    };
    assert_eq!(originals(&embedded), originals(clustered));
    assert!(
        !originals(clustered)
            .values()
            .flatten()
            .any(|p| p.ends_with("ban-sao.png") || p.ends_with("hs-b/2.png")),
        "{:?}",
        originals(clustered)
    );
    let warnings: serde_json::Value = query(
        db,
        "SELECT outcome->'warnings' FROM jobs WHERE box_name = 'hop-d'",
    )[0]
    .get(0);
    assert!(
        warnings
            .to_string()
            .contains("same content as hop-c/hs-a/1.png"),
        "{warnings}"
    );
    // Enqueued again (its hồ sơ known now, the store not read): the stored copy is found
    // by digest among the originals the commits recorded.
    enqueue(clustered, db, &later);
    assert_eq!(left_elsewhere(db, "hop-d"), ["hop-c/hs-a/1.png"]);
}

/// The places the newest job of `box_name` leaves its second copies to.
fn left_elsewhere(db: &str, box_name: &str) -> Vec<String> {
    let elsewhere: serde_json::Value = query(
        db,
        &format!(
            "SELECT elsewhere FROM jobs WHERE box_name = '{box_name}' ORDER BY id DESC LIMIT 1"
        ),
    )[0]
    .get(0);
    elsewhere
        .as_object()
        .unwrap()
        .values()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// Ingests a box of two hồ sơ embedded and through the coordinator `db` by two workers and
/// the indexer into `dir/cluster` (its storage root at `location`, named to `sohoa` by
/// `env`), and checks: the same documents (byte-identical originals and page records), the
/// same catalog values and search hits, the audit chain intact, `verify` intact. Returns the
/// clustered archive.
fn two_workers_match_the_embedded_ingest(
    dir: &Path,
    db: &str,
    env: &Env,
    location: &StorageLocation,
) -> PathBuf {
    let box_dir = two_hoso_box(dir);
    let embedded = dir.join("embedded");
    let out = crate::common::ingest(&embedded, &box_dir, 1, true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));

    let clustered = dir.join("cluster");
    enqueue_with(&clustered, db, &box_dir, env);
    let mut children = spawn_workers(dir, &clustered, db, &["w1", "w2"], env);
    let log = dir.join("indexer.log");
    let mut c = cluster_cmd(&clustered, db, 30, &["indexer", "--until-idle"]);
    c.envs(env.iter().cloned());
    children.push((spawn(c, &log), log));
    for (child, log) in &mut children {
        assert_eq!(
            wait(child, Duration::from_secs(600), log),
            0,
            "{}",
            std::fs::read_to_string(&log).unwrap()
        );
    }
    let done: i64 = query(db, "SELECT count(*) FROM jobs WHERE state = 'done'")[0].get(0);
    assert_eq!(done, 2);

    // Byte-identical originals and page records, the same catalog values and hits.
    let (e, c) = (stored(&embedded), stored_on(&clustered, location));
    assert_eq!(e.keys().collect::<Vec<_>>(), c.keys().collect::<Vec<_>>());
    for (hoso, files) in &e {
        let same = |f: &BTreeMap<String, String>| -> BTreeMap<String, String> {
            f.iter()
                .filter(|(p, _)| p.starts_with("originals/") || p.starts_with("pages/"))
                .map(|(p, d)| (p.clone(), d.clone()))
                .collect()
        };
        assert_eq!(same(files), same(&c[hoso]), "{hoso}");
        assert!(same(files).keys().any(|p| p.starts_with("originals/")));
    }
    assert_eq!(catalog(&embedded, &[]), catalog(&clustered, env));
    for q in ["nghi quyet", "van thu", "đảng ủy"] {
        assert_eq!(search(&embedded, &[], q), search(&clustered, env, q), "{q}");
    }
    assert!(!search(&clustered, env, "van thu").is_empty());
    audit_intact_with(&clustered, db, env);
    clustered
}

#[test]
fn two_workers_commit_to_s3_like_the_embedded_ingest_and_tampering_there_is_found() {
    use crate::common::seaweedfs::{sharing, SeaweedFs};
    use pipeline::store::s3::S3Storage;
    let Some(pg) = shared() else { return };
    let Some(s3) = SeaweedFs::shared() else {
        return;
    };
    let _use = sharing();
    let db = pg.database("s3").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let prefix = format!("t-{}/cluster", ulid::Ulid::new().to_string().to_lowercase());
    let env = s3.env(&prefix);
    let location = StorageLocation::S3(s3.settings(&prefix));
    let archive = two_workers_match_the_embedded_ingest(dir.path(), &db, &env, &location);
    // The storage root is in S3: nothing of it in the archive directory.
    assert!(!archive.join("ocfl").exists());

    // A sampled verify in cluster mode: half of the two objects, checked by a worker's
    // verify job; every whole-archive check made once by the command.
    let (out, _) = verify_by_a_worker(dir.path(), &archive, &db, &env, &["--sample", "50%"]);
    let report = json(&out);
    assert_eq!(code(&out), 0, "{report}");
    assert_eq!(report["objects_in_archive"], 2, "{report}");
    assert_eq!(report["objects_checked"], 1, "{report}");
    assert_eq!(report["objects"].as_array().unwrap().len(), 1, "{report}");
    assert_eq!(report["scope"], "sample of 50%", "{report}");
    assert_eq!(report["audit_chain_ok"], true, "{report}");
    assert!(report["files_checked"].as_u64().unwrap() > 2, "{report}");

    // One byte of a stored original flipped in S3: verify names that file, embedded and
    // when a worker's verify job checks it.
    let storage = S3Storage::connect(&s3.settings(&prefix)).unwrap();
    let (content, _) = crate::common::seaweedfs::flip_a_byte_of_an_original(&storage);
    let out = run_with(&archive, &env, &["verify", "--json"]);
    let report = json(&out);
    assert_eq!(code(&out), 4, "{report}");
    let corrupted = format!("ocfl/{content}");
    assert_eq!(
        report["corrupted"][0]["path"],
        corrupted.as_str(),
        "{report}"
    );
    let (out, batch) = verify_by_a_worker(dir.path(), &archive, &db, &env, &[]);
    let clustered = json(&out);
    assert_eq!(code(&out), 4, "{clustered}");
    assert_eq!(clustered["objects_checked"], 2, "{clustered}");
    for key in ["corrupted", "missing", "unexpected", "audit_mismatches"] {
        assert_eq!(clustered[key], report[key], "{key}: {clustered}");
    }
    // Found by the worker's job: its recorded report names the file.
    let found: Vec<serde_json::Value> = query(
        &db,
        &format!("SELECT outcome FROM jobs WHERE kind = 'verify' AND batch = '{batch}'"),
    )
    .iter()
    .map(|r| r.get(0))
    .collect();
    assert!(
        found
            .iter()
            .any(|o| o["corrupted"][0]["path"] == corrupted.as_str()),
        "{found:?}"
    );
}

/// `sohoa verify --cluster --json ARGS` against `archive`, its objects checked by a worker
/// started once the verify jobs are queued; the command's output and the jobs' batch.
fn verify_by_a_worker(
    dir: &Path,
    archive: &Path,
    db: &str,
    env: &Env,
    args: &[&str],
) -> (std::process::Output, String) {
    let before: i64 = query(db, "SELECT count(*) FROM jobs WHERE kind = 'verify'")[0].get(0);
    let mut verify = cluster_cmd(archive, db, 30, &["verify", "--cluster", "--json"]);
    verify
        .args(args)
        .envs(env.iter().cloned())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let verify = verify.spawn().unwrap();
    let start = Instant::now();
    let batch = loop {
        let rows = query(
            db,
            &format!("SELECT batch FROM jobs WHERE kind = 'verify' ORDER BY id OFFSET {before}"),
        );
        if let Some(row) = rows.first() {
            break row.get::<_, String>(0);
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no verify job enqueued"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut workers = spawn_workers(dir, archive, db, &["v1"], env);
    for (child, log) in &mut workers {
        assert_eq!(wait(child, Duration::from_secs(300), log), 0);
    }
    (verify.wait_with_output().unwrap(), batch)
}

/// The S3 gateway (the `SeaweedFS` filer) killed while a worker runs a box: the worker's
/// requests are retried, then the job goes back to the queue and the worker waits with a
/// growing backoff, saying so on stderr; once the filer is back every job is done, once,
/// and the store verifies.
#[test]
fn a_worker_waits_out_a_killed_s3_filer_and_finishes_the_box() {
    use crate::common::seaweedfs::{alone, Restart, SeaweedFs};
    let Some(pg) = shared() else { return };
    let Some(s3) = SeaweedFs::shared() else {
        return;
    };
    let _alone = alone();
    let db = pg.database("filer").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let prefix = format!("t-{}/filer", ulid::Ulid::new().to_string().to_lowercase());
    let mut env = s3.env(&prefix);
    // Requests are retried for 2 s before the worker's own backoff takes over.
    env.push(("SOHOA_S3_RETRY_SECONDS".into(), "2".into()));
    let archive = dir.path().join("archive");
    let box_dir = two_hoso_box(dir.path());
    enqueue_with(&archive, &db, &box_dir, &env);
    let mut workers = spawn_workers(dir.path(), &archive, &db, &["w1"], &env);
    let (worker, log) = &mut workers[0];
    let logged = |what: &str| {
        std::fs::read_to_string(&*log)
            .unwrap_or_default()
            .contains(what)
    };
    let until = |what: &str, limit: Duration| {
        let start = Instant::now();
        while !logged(what) {
            assert!(
                start.elapsed() < limit,
                "no {what:?} after {limit:?}:\n{}",
                std::fs::read_to_string(&*log).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    // Killed while the first job is being read: at least the second job meets it.
    until("job leased", Duration::from_secs(120));
    s3.kill("filer");
    let restart = Restart(s3, "filer");
    until("object store unreachable", Duration::from_secs(180));
    drop(restart);
    assert_eq!(wait(worker, Duration::from_secs(300), log), 0);
    let text = std::fs::read_to_string(&*log).unwrap();
    assert!(
        text.contains("given back") && text.contains("no job taken for"),
        "{text}"
    );
    let jobs = query(&db, "SELECT state::text FROM jobs");
    assert_eq!(jobs.len(), 2);
    assert!(jobs.iter().all(|r| r.get::<_, String>(0) == "done"));
    let location = StorageLocation::S3(s3.settings(&prefix));
    let objects = stored_on(&archive, &location);
    assert_eq!(objects.len(), 2, "{objects:?}");
    let out = run_with(&archive, &env, &["verify", "--json"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    audit_intact_with(&archive, &db, &env);
}

#[test]
fn a_worker_killed_mid_hoso_is_replaced_after_its_lease() {
    let Some(pg) = shared() else { return };
    let db = pg.database("killed").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let box_dir = dir.path().join("hop-k");
    make_box(&box_dir, &[("hs-k", "hs-01-nghi-quyet/02-nq.png", "1.png")]);
    let archive = dir.path().join("archive");
    enqueue(&archive, &db, &box_dir);
    let log_a = dir.path().join("a.log");
    let mut a = spawn(
        cluster_cmd(&archive, &db, 2, &["worker", "--name", "a", "-j", "1"]),
        &log_a,
    );
    // Killed as soon as it holds the job: in the middle of reading the hồ sơ.
    let start = Instant::now();
    while query(
        &db,
        "SELECT 1 FROM jobs WHERE state = 'leased' AND worker = 'a'",
    )
    .is_empty()
    {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "worker a took no job"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    a.kill().unwrap();
    a.wait().unwrap();
    let log_b = dir.path().join("b.log");
    let mut b = spawn(
        cluster_cmd(
            &archive,
            &db,
            2,
            &["worker", "--name", "b", "-j", "1", "--until-idle"],
        ),
        &log_b,
    );
    assert_eq!(wait(&mut b, Duration::from_secs(600), &log_b), 0);
    let row = &query(&db, "SELECT state::text, epoch, worker, attempts FROM jobs")[0];
    assert_eq!(row.get::<_, String>(0), "done");
    assert_eq!(row.get::<_, i64>(1), 2, "leased twice");
    assert_eq!(row.get::<_, String>(2), "b");
    // One object, one version, nothing half written.
    let objects = stored(&archive);
    assert_eq!(objects.len(), 1);
    let store = pipeline::store::Archive::open(&archive).unwrap();
    for o in store.hoso_objects().unwrap() {
        assert_eq!(o.inventory.head, "v1");
    }
    audit_intact(&archive, &db);
}

#[test]
fn two_workers_racing_on_a_duplicate_job_commit_once() {
    let Some(pg) = shared() else { return };
    let db = pg.database("race").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let box_dir = dir.path().join("hop-r");
    make_box(
        &box_dir,
        &[("hs-r", "hs-02-van-thu-luu-tru/1.png", "1.png")],
    );
    let archive = dir.path().join("archive");
    enqueue(&archive, &db, &box_dir);
    // The forced duplicate: a second job for the same hồ sơ.
    query(
        &db,
        "INSERT INTO jobs (batch, box_path, box_name, hoso, object_id, options)
         SELECT batch, box_path, box_name, hoso, object_id, options FROM jobs RETURNING id",
    );
    let mut children = spawn_workers(dir.path(), &archive, &db, &["r1", "r2"], &[]);
    for (child, log) in &mut children {
        assert_eq!(wait(child, Duration::from_secs(600), log), 0);
    }
    let rows = query(&db, "SELECT state::text, outcome FROM jobs ORDER BY id");
    assert_eq!(rows.len(), 2);
    let mut created = 0;
    for row in &rows {
        assert_eq!(row.get::<_, String>(0), "done");
        let outcome: serde_json::Value = row.get(1);
        created += outcome["objects_created"].as_u64().unwrap();
        let other = outcome["objects_unchanged"].as_u64().unwrap() == 1
            || outcome["superseded"]
                .as_array()
                .is_some_and(|s| s.len() == 1);
        assert!(outcome["objects_created"] == 1 || other, "{outcome}");
    }
    assert_eq!(created, 1, "exactly one commit wins");
    let store = pipeline::store::Archive::open(&archive).unwrap();
    let objects = store.hoso_objects().unwrap();
    assert_eq!(objects.len(), 1);
    assert_eq!(objects[0].inventory.head, "v1");
    audit_intact(&archive, &db);
}

#[test]
fn stopping_postgres_mid_run_loses_no_job() {
    let Some(pg) = start_postgres() else { return };
    let db = pg.database("outage").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let box_dir = two_hoso_box(dir.path());
    let archive = dir.path().join("archive");
    enqueue(&archive, &db, &box_dir);
    let log = dir.path().join("w.log");
    let mut w = spawn(
        cluster_cmd(
            &archive,
            &db,
            3,
            &["worker", "--name", "w", "-j", "1", "--until-idle"],
        ),
        &log,
    );
    let start = Instant::now();
    while query(&db, "SELECT 1 FROM jobs WHERE state = 'leased'").is_empty() {
        assert!(start.elapsed() < Duration::from_secs(120), "no job taken");
        std::thread::sleep(Duration::from_millis(20));
    }
    pg.stop();
    // Down for longer than a lease: the job's lease expires meanwhile.
    std::thread::sleep(Duration::from_secs(4));
    pg.resume().unwrap();
    assert_eq!(
        wait(&mut w, Duration::from_secs(600), &log),
        0,
        "{}",
        std::fs::read_to_string(&log).unwrap()
    );
    let states = query(&db, "SELECT state::text FROM jobs");
    assert_eq!(states.len(), 2);
    assert!(states.iter().all(|r| r.get::<_, String>(0) == "done"));
    let objects = stored(&archive);
    assert_eq!(objects.len(), 2);
    audit_intact(&archive, &db);
}

#[test]
fn a_withheld_page_never_reaches_the_database_or_the_store() {
    use crate::classified::{assert_no_trace, copy_hoso, needles};
    let Some(pg) = shared() else { return };
    let db = pg.database("withheld").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let box_dir = dir.path().join("hop-mat");
    copy_hoso("hs-06-tai-lieu-mat-2011", &box_dir);
    let needles = needles("hs-06-tai-lieu-mat-2011");
    let archive = dir.path().join("archive");
    enqueue(&archive, &db, &box_dir);
    let log = dir.path().join("w.log");
    let args = ["-vv", "worker", "--name", "m", "-j", "2", "--until-idle"];
    let mut w = spawn(cluster_cmd(&archive, &db, 30, &args), &log);
    assert_eq!(wait(&mut w, Duration::from_secs(600), &log), 0);
    let outcome: serde_json::Value = query(&db, "SELECT outcome FROM jobs")[0].get(0);
    assert_eq!(outcome["pages_withheld"], 4, "{outcome:#}");
    // Nothing of the withheld pages in any table, in the store, the index or the worker's log.
    let mut tables = String::new();
    for table in [
        "jobs",
        "objects",
        "outbox",
        "audit_head",
        "schema_migrations",
    ] {
        for row in query(&db, &format!("SELECT t::text FROM {table} t")) {
            tables.push_str(&row.get::<_, String>(0));
        }
    }
    for n in &needles {
        assert!(!tables.contains(n.as_str()), "{n:?} reached the database");
        let logged = std::fs::read_to_string(&log).unwrap();
        assert!(!logged.contains(n.as_str()), "{n:?} logged by the worker");
    }
    // The store, and the index a search builds from it.
    assert_no_trace(&archive, &needles, &[]);
}

#[test]
fn sohoa_toml_names_the_coordinator_and_the_archive() {
    let Some(pg) = shared() else { return };
    let db = pg.database("config").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let config = dir.path().join("sohoa.toml");
    std::fs::write(
        &config,
        format!(
            "[cluster]\ndatabase_url = {db:?}\narchive = {:?}\nlease_seconds = 5\n",
            archive.display().to_string()
        ),
    )
    .unwrap();
    // No --archive, no SOHOA_DATABASE_URL: the file gives both.
    let out = sohoa()
        .args(["worker", "--until-idle", "--json"])
        .env("SOHOA_CONFIG", &config)
        .env_remove("SOHOA_DATABASE_URL")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out)["jobs_done"], 0);
    assert!(archive.join("ocfl").is_dir());
    let applied: i64 = query(&db, "SELECT count(*) FROM schema_migrations")[0].get(0);
    assert_eq!(
        applied,
        i64::try_from(cluster::migrate::MIGRATIONS.len()).unwrap()
    );

    // The [s3] table puts the storage root in S3, its secret read from the variable it names.
    if let Some(s3) = crate::common::seaweedfs::SeaweedFs::shared() {
        let _use = crate::common::seaweedfs::sharing();
        let on_s3 = dir.path().join("on-s3");
        let prefix = format!("t-{}/toml", ulid::Ulid::new().to_string().to_lowercase());
        let settings = s3.settings(&prefix);
        std::fs::write(
            &config,
            format!(
                "[cluster]\ndatabase_url = {db:?}\narchive = {:?}\n\n[s3]\nendpoint = {:?}\n\
                 bucket = {:?}\nprefix = {prefix:?}\nregion = {:?}\naccess_key_id = {:?}\n\
                 secret_access_key_env = \"KHO_SECRET\"\n",
                on_s3.display().to_string(),
                settings.endpoint.clone().unwrap(),
                settings.bucket,
                settings.region,
                settings.access_key_id.clone().unwrap(),
            ),
        )
        .unwrap();
        let out = sohoa()
            .args(["worker", "--until-idle", "--json"])
            .env("SOHOA_CONFIG", &config)
            .env("KHO_SECRET", settings.secret_access_key.clone().unwrap())
            .env_remove("SOHOA_DATABASE_URL")
            .output()
            .unwrap();
        assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
        assert!(on_s3.join(pipeline::store::LOCATION_FILE).is_file());
        assert!(!on_s3.join("ocfl").exists());
        pipeline::store::Archive::open_on(&on_s3, &StorageLocation::S3(settings)).unwrap();
        // Without the variable holding the secret: refused, naming the field.
        let out = sohoa()
            .args(["list"])
            .env("SOHOA_CONFIG", &config)
            .env_remove("KHO_SECRET")
            .output()
            .unwrap();
        assert_eq!(code(&out), 2);
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("secret_access_key_env"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    // A key the file may not hold is named.
    std::fs::write(&config, "[cluster]\ndatabase = \"x\"\n").unwrap();
    let out = sohoa()
        .args(["list"])
        .env("SOHOA_CONFIG", &config)
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("database"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `sohoa ARGS --archive ARCHIVE` with the cluster's database `db` named, `stdin` given.
fn with_db(archive: &Path, db: &str, args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write as _;
    let mut child = sohoa()
        .args(args)
        .arg("--archive")
        .arg(archive)
        .env("SOHOA_DATABASE_URL", db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn two_reading_rooms_of_a_cluster_share_accounts_sessions_lockout_and_requests() {
    use crate::reading_room::{serve_in, Visitor};
    use crate::requests::post_json;
    use serde_json::json;
    let Some(pg) = shared() else { return };
    let db = pg.database("accounts").unwrap();
    let dir = tempfile::tempdir().unwrap();
    // An archive (embedded ingest, real OCR) of one document made conditional (chế độ sử
    // dụng 02): reading it takes a request and a grant.
    let box_dir = dir.path().join("hop-01");
    make_box(&box_dir, &[("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png")]);
    let archive = dir.path().join("archive");
    let out = crate::common::ingest(&archive, &box_dir, 2, true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let listed = json(&run(&archive, &["list", "--json"]));
    let doc = listed["documents"][0]["id"].as_str().unwrap().to_string();
    crate::requests::make_conditional(&archive, &doc);

    // `sohoa user add` with the cluster named creates the accounts in PostgreSQL, the
    // password only as its Argon2id hash; the archive's own database has none of them.
    for (name, role) in [("doc-gia", "reader"), ("duyet", "approver")] {
        let args = ["user", "add", name, "--role", role, "--password-stdin"];
        let out = with_db(&archive, &db, &args, &format!("mật khẩu của {name}\n"));
        assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    }
    let users = query(&db, "SELECT name, password_hash FROM users ORDER BY name");
    let users: Vec<(String, String)> = users.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(users.len(), 2);
    assert!(users.iter().all(|(_, h)| h.starts_with("$argon2id$")));
    assert_eq!(users[0].0, "doc-gia");
    let embedded = archive.join("service/accounts.sqlite3");
    if embedded.is_file() {
        let text = String::from_utf8_lossy(&std::fs::read(&embedded).unwrap()).into_owned();
        assert!(
            !text.contains("doc-gia"),
            "an account in the archive's database"
        );
    }
    let out = with_db(&archive, &db, &["user", "list", "--json"], "");
    assert_eq!(code(&out), 0);
    assert_eq!(json(&out)["users"].as_array().map(Vec::len), Some(2));

    // Two reading rooms on the same cluster (each its own process, as on two machines).
    let env = [("SOHOA_DATABASE_URL", db.as_str())];
    let one = serve_in(&archive, &[], "http", &env);
    let two = serve_in(&archive, &[], "http", &env);

    // Signed in on one, the session cookie works on the other; an API token made by the
    // CLI works on both.
    let mut reader = Visitor::new(&one);
    assert_eq!(
        reader.sign_in("doc-gia", "mật khẩu của doc-gia").status,
        303
    );
    let mut reader_two = Visitor::new(&two);
    reader_two.cookie.clone_from(&reader.cookie);
    assert_eq!(
        reader_two.get("/account").status,
        200,
        "the session on the other"
    );
    let csrf = reader_two.csrf();
    let out = with_db(&archive, &db, &["token", "create", "--user", "duyet"], "");
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let token = crate::reading_room::printed_token(&out);
    let mut approver = Visitor::new(&two);
    approver.token = Some(token.clone());
    assert_eq!(approver.get("/api/v1/requests").status, 200);
    assert!(
        query(&db, "SELECT digest FROM api_tokens")
            .iter()
            .all(|r| r.get::<_, String>(0) != token),
        "a token is stored only as its digest"
    );

    // A request submitted on the second is decided on the first, and read with its grant
    // on the second.
    let words = format!("/api/v1/documents/{doc}/pages/1/words");
    assert_eq!(reader_two.get(&words).status, 404, "no grant yet");
    let body = json!({"items": [doc], "purpose": "nghiên cứu", "form": "read"});
    let a = post_json(&reader_two, "/api/v1/requests", &body, Some(&csrf));
    assert_eq!(a.status, 201, "{}", a.text());
    let id = serde_json::from_slice::<serde_json::Value>(&a.body).unwrap()["id"]
        .as_i64()
        .unwrap();
    let mut approver_one = Visitor::new(&one);
    approver_one.token = Some(token);
    let decision = json!({"decision": "approve", "reason": "đủ điều kiện"});
    let a = post_json(
        &approver_one,
        &format!("/api/v1/requests/{id}/decision"),
        &decision,
        None,
    );
    assert_eq!(a.status, 200, "{}", a.text());
    let again = post_json(
        &approver,
        &format!("/api/v1/requests/{id}/decision"),
        &decision,
        None,
    );
    assert_eq!(again.status, 400, "decided once: {}", again.text());
    assert_eq!(reader_two.get(&words).status, 200, "read with the grant");
    let shown = reader.get(&format!("/api/v1/requests/{id}"));
    let shown: serde_json::Value = serde_json::from_slice(&shown.body).unwrap();
    assert_eq!(shown["state"], "approved", "{shown:#}");

    // Sign-out on the second ends the session on the first.
    let a = reader_two.post("/logout", &[("csrf", csrf.as_str())], None);
    assert_eq!(a.status, 303);
    assert_eq!(reader.get("/account").status, 303, "signed out everywhere");

    // Failures on both count toward one lockout: even the right password then waits, on
    // either.
    let mut guess_one = Visitor::new(&one);
    let mut guess_two = Visitor::new(&two);
    for n in 0..5 {
        let guesser = if n % 2 == 0 {
            &mut guess_one
        } else {
            &mut guess_two
        };
        assert_eq!(guesser.sign_in("doc-gia", "đoán sai").status, 401);
    }
    assert_eq!(
        guess_one.sign_in("doc-gia", "mật khẩu của doc-gia").status,
        429
    );
    assert_eq!(
        guess_two.sign_in("doc-gia", "mật khẩu của doc-gia").status,
        429
    );
    let failures: i64 = query(&db, "SELECT count(*) FROM sign_in_failures")[0].get(0);
    assert_eq!(failures, 7);
}

/// A loopback HTTP relay in front of the S3 endpoint: it forwards every request as it comes
/// but holds the first `PUT` of a version inventory `v1/inventory.json` (never forwarded,
/// never answered), so that its writer stops between its content puts and its commit point.
struct CommitPointTrap {
    /// `http://127.0.0.1:PORT` of the relay.
    endpoint: String,
    held: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl CommitPointTrap {
    fn start(upstream: &str) -> CommitPointTrap {
        use std::sync::atomic::AtomicBool;
        use std::sync::Arc;
        let upstream = upstream
            .strip_prefix("http://")
            .expect("an http:// endpoint")
            .trim_end_matches('/')
            .to_string();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let held = Arc::new(AtomicBool::new(false));
        let flag = held.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let (flag, upstream) = (flag.clone(), upstream.clone());
                std::thread::spawn(move || relay(client, &upstream, &flag));
            }
        });
        CommitPointTrap { endpoint, held }
    }

    fn held(&self) -> bool {
        self.held.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// Relays one client connection (HTTP/1.1 requests one after another, each with its
/// `Content-Length` body) to `upstream`, answers back as they come; see [`CommitPointTrap`].
fn relay(client: std::net::TcpStream, upstream: &str, held: &std::sync::atomic::AtomicBool) {
    use std::io::{BufRead, Read, Write};
    let Ok(mut server) = std::net::TcpStream::connect(upstream) else {
        return;
    };
    let (mut answers, mut back) = (server.try_clone().unwrap(), client.try_clone().unwrap());
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut answers, &mut back);
        let _ = back.shutdown(std::net::Shutdown::Both);
    });
    let mut requests = std::io::BufReader::new(client);
    loop {
        let mut head = String::new();
        loop {
            let mut line = String::new();
            match requests.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            head.push_str(&line);
            if line == "\r\n" {
                break;
            }
        }
        let first = head.lines().next().unwrap_or_default();
        let target = first.split(' ').nth(1).unwrap_or_default();
        let path = target.split('?').next().unwrap_or_default();
        if first.starts_with("PUT ")
            && path.ends_with("/v1/inventory.json")
            && !held.swap(true, std::sync::atomic::Ordering::SeqCst)
        {
            // Held until the writer is killed (the thread ends with the test process).
            loop {
                std::thread::sleep(Duration::from_secs(1));
            }
        }
        let length = head
            .lines()
            .filter_map(|l| l.split_once(':'))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.trim().parse::<u64>().ok())
            .unwrap_or(0);
        assert!(
            !head
                .to_ascii_lowercase()
                .contains("transfer-encoding: chunked"),
            "a chunked request: the relay reads Content-Length bodies only"
        );
        if server.write_all(head.as_bytes()).is_err()
            || std::io::copy(&mut (&mut requests).take(length), &mut server).is_err()
        {
            return;
        }
    }
}

/// A worker killed (SIGKILL) after it put a new object's content to S3 and before its commit point
/// (`v1/inventory.json`, held by [`CommitPointTrap`]): once the lease expires another
/// worker re-runs the job, removes those young leftovers at once under the coordinator's
/// object lock (the killed holder's epoch is fenced) and commits; one object, one version,
/// no key overwritten (every put create-only), the store and the audit chain intact.
#[test]
fn a_worker_killed_before_its_commit_point_in_s3_is_replaced_and_commits_once() {
    use crate::common::seaweedfs::{sharing, SeaweedFs};
    use pipeline::store::s3::S3Storage;
    use pipeline::store::storage::{Key, ObjectStorage};
    let Some(pg) = shared() else { return };
    let Some(s3) = SeaweedFs::shared() else {
        return;
    };
    let _use = sharing();
    let db = pg.database("commitpoint").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let prefix = format!("t-{}/commit", ulid::Ulid::new().to_string().to_lowercase());
    let env = s3.env(&prefix);
    let archive = dir.path().join("archive");
    let box_dir = dir.path().join("hop-p");
    make_box(&box_dir, &[("hs-p", "hs-01-nghi-quyet/02-nq.png", "1.png")]);
    enqueue_with(&archive, &db, &box_dir, &env);
    let object: String = query(&db, "SELECT object_id FROM jobs")[0].get(0);

    let upstream = env
        .iter()
        .find(|(k, _)| k == "SOHOA_S3_ENDPOINT")
        .map(|(_, v)| v.clone())
        .unwrap();
    let trap = CommitPointTrap::start(&upstream);
    let mut trapped = env.clone();
    for (k, v) in &mut trapped {
        if k == "SOHOA_S3_ENDPOINT" {
            v.clone_from(&trap.endpoint);
        }
    }
    // Worker a reaches the store through the relay: an archive directory of its own (an
    // archive records its endpoint), as on another machine; it is killed before it writes
    // anything there that the others read.
    let log_a = dir.path().join("a.log");
    let archive_a = dir.path().join("archive-a");
    let mut a = cluster_cmd(&archive_a, &db, 2, &["worker", "--name", "a", "-j", "1"]);
    a.envs(trapped.iter().cloned());
    let mut a = spawn(a, &log_a);
    let start = Instant::now();
    while !trap.held() {
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "worker a never reached its commit point:\n{}",
            std::fs::read_to_string(&log_a).unwrap_or_default()
        );
        assert!(
            a.try_wait().unwrap().is_none(),
            "worker a ended:\n{}",
            std::fs::read_to_string(&log_a).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    a.kill().unwrap();
    a.wait().unwrap();

    // What it left: content keys of the object, no commit point.
    let storage = S3Storage::connect(&s3.settings(&prefix)).unwrap();
    let root = Key::new(
        pipeline::store::ocfl::object_path(&object)
            .to_str()
            .unwrap(),
    )
    .unwrap();
    let left = storage.list(Some(&root)).unwrap();
    assert!(
        left.iter().any(|k| k.as_str().contains("/v1/content/")),
        "{left:?}"
    );
    assert!(
        !left.iter().any(|k| k.name() == "inventory.json"),
        "{left:?}"
    );

    // Re-run at once after the lease (2 s), long before the leftovers are stale (15 min).
    let log_b = dir.path().join("b.log");
    let mut b = cluster_cmd(
        &archive,
        &db,
        2,
        &["worker", "--name", "b", "-j", "1", "--until-idle"],
    );
    b.envs(env.iter().cloned());
    let mut b = spawn(b, &log_b);
    assert_eq!(wait(&mut b, Duration::from_secs(300), &log_b), 0);
    let text = std::fs::read_to_string(&log_b).unwrap();
    assert!(
        text.contains("removing what an interrupted writer left"),
        "{text}"
    );
    let row = &query(&db, "SELECT state::text, epoch, worker, error FROM jobs")[0];
    assert_eq!(
        row.get::<_, String>(0),
        "done",
        "{:?}\n{text}",
        row.get::<_, Option<String>>(3)
    );
    assert_eq!(row.get::<_, i64>(1), 2, "leased twice");
    assert_eq!(row.get::<_, String>(2), "b");
    let location = StorageLocation::S3(s3.settings(&prefix));
    let store = pipeline::store::Archive::open_on(&archive, &location).unwrap();
    let objects = store.hoso_objects().unwrap();
    assert_eq!(objects.len(), 1);
    assert_eq!(objects[0].inventory.head, "v1");
    assert_eq!(objects[0].inventory.versions.len(), 1);
    let head: String = query(&db, "SELECT head_version FROM objects")[0].get(0);
    assert_eq!(head, "v1");
    audit_intact_with(&archive, &db, &env);
}

/// An archive in `dir` of one report's page (`hs-02-van-thu-luu-tru/1.png`), enqueued on the
/// coordinator `db`, committed by a worker and indexed by the indexer.
fn one_report_through_a_worker(dir: &Path, db: &str) -> PathBuf {
    let box_dir = dir.join("hop-e");
    make_box(
        &box_dir,
        &[("hs-e", "hs-02-van-thu-luu-tru/1.png", "1.png")],
    );
    let archive = dir.join("archive");
    enqueue(&archive, db, &box_dir);
    until_idle(
        &archive,
        db,
        &dir.join("worker.log"),
        &["worker", "--name", "e", "-j", "1"],
    );
    until_idle(&archive, db, &dir.join("indexer.log"), &["indexer"]);
    archive
}

/// The coordinator recorded a change outside jobs: the object's head is `version`, and one
/// outbox row of it waits for the indexer.
fn recorded_for_the_indexer(db: &str, version: &str) {
    let head: String = query(db, "SELECT head_version FROM objects")[0].get(0);
    assert_eq!(head, version);
    let pending = query(
        db,
        "SELECT version FROM outbox WHERE job_id IS NULL AND indexed_at IS NULL",
    );
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].get::<_, String>(0), version);
}

/// Runs `sohoa ARGS --until-idle` on the cluster (a worker, the indexer) and waits for it
/// to finish, its output in `log`.
fn until_idle(archive: &Path, db: &str, log: &Path, args: &[&str]) {
    let args: Vec<&str> = args.iter().copied().chain(["--until-idle"]).collect();
    let mut child = spawn(cluster_cmd(archive, db, 30, &args), log);
    assert_eq!(wait(&mut child, Duration::from_secs(300), log), 0);
}

/// `sohoa edit` in cluster mode goes through the coordinator: the object's lock, its new
/// head in the object table, the audit entry through the chain head, and an outbox row, so
/// that the indexer (not the edit) puts the new value in the index, where search finds it.
#[test]
fn an_edit_in_cluster_mode_reaches_the_index_through_the_indexer() {
    let Some(pg) = shared() else { return };
    let db = pg.database("edit").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let archive = one_report_through_a_worker(dir.path(), &db);
    let id = crate::common::first_document(&archive);
    // The hit's title is the index's (a stored field), the new value only once indexed.
    let words = "quạt gió điều hòa";
    let titles = |archive: &Path| -> Vec<String> {
        search(archive, &[], "van thu")
            .into_iter()
            .map(|(_, title, _)| title)
            .collect()
    };
    let before = titles(&archive);
    assert_eq!(before.len(), 1);
    assert!(!before[0].contains(words), "{before:?}");

    let out = cluster_cmd(
        &archive,
        &db,
        30,
        &[
            "edit",
            &id,
            "--set",
            &format!("trich_yeu=Về việc sửa {words}"),
            "--json",
        ],
    )
    .output()
    .unwrap();
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out)["version"], "v2");
    // Recorded by the coordinator; not indexed by the edit itself.
    recorded_for_the_indexer(&db, "v2");
    assert_eq!(
        titles(&archive),
        before,
        "the edit left the index to the indexer"
    );

    until_idle(
        &archive,
        &db,
        &dir.path().join("indexer-2.log"),
        &["indexer"],
    );
    let after = titles(&archive);
    assert_eq!(after.len(), 1);
    assert!(after[0].contains(words), "{after:?}");
    let indexed = query(&db, "SELECT 1 FROM outbox WHERE indexed_at IS NULL");
    assert!(indexed.is_empty());
    // The edit's entry went through the coordinator's chain head.
    let log = std::fs::read_to_string(archive.join("audit/log.jsonl")).unwrap();
    chained_through_the_head(&archive, &db, &log);
}

/// An API token of `luu-tru`, an archivist account made in the coordinator `db`.
fn archivist_token(archive: &Path, db: &str) -> String {
    let args = [
        "user",
        "add",
        "luu-tru",
        "--role",
        "archivist",
        "--password-stdin",
    ];
    let out = with_db(archive, db, &args, "mật khẩu của luu-tru\n");
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let out = with_db(archive, db, &["token", "create", "--user", "luu-tru"], "");
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    crate::reading_room::printed_token(&out)
}

/// Every entry of the audit log `log` went through the coordinator's chain head: its row
/// holds the log's last sequence number; and the chain verifies.
fn chained_through_the_head(archive: &Path, db: &str, log: &str) {
    let seq: i64 = query(db, "SELECT seq FROM audit_head")[0].get(0);
    assert_eq!(usize::try_from(seq).unwrap(), log.lines().count());
    audit_intact(archive, db);
}

#[test]
fn a_correction_in_a_cluster_reading_room_goes_through_the_coordinator_and_its_searches_follow_the_indexer(
) {
    use crate::reading_room::serve_in;
    use crate::requests::{client, post_json};
    use serde_json::json;
    let Some(pg) = shared() else { return };
    let db = pg.database("serve_edit").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let archive = one_report_through_a_worker(dir.path(), &db);
    let token = archivist_token(&archive, &db);

    let server = serve_in(
        &archive,
        &[],
        "http",
        &[("SOHOA_DATABASE_URL", db.as_str())],
    );
    let api = client(&server, &token);
    let titles = || -> Vec<String> {
        let a = api.get("/api/v1/search?q=van+thu");
        assert_eq!(a.status, 200, "{}", a.text());
        let v: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["title"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let before = titles();
    assert_eq!(before.len(), 1, "{before:?}");
    let id = crate::common::first_document(&archive);

    // The correction: committed under the coordinator's object lock (its head and an outbox
    // row recorded), its audit entry through the chain head; the index is the indexer's.
    let words = "máy phát điện dự phòng";
    let a = post_json(
        &api,
        &format!("/api/v1/documents/{id}/edit"),
        &json!({"settings": {"trich_yeu": format!("Về việc sửa {words}")}, "reason": "đối chiếu bản gốc"}),
        None,
    );
    assert_eq!(a.status, 200, "{}", a.text());
    let outcome: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
    assert_eq!(outcome["version"], "v2", "{outcome}");
    recorded_for_the_indexer(&db, "v2");
    assert_eq!(titles(), before, "the edit left the index to the indexer");

    // The indexer commits the new version; the running server's searches see it.
    until_idle(
        &archive,
        &db,
        &dir.path().join("indexer-2.log"),
        &["indexer"],
    );
    let after = titles();
    assert_eq!(after.len(), 1);
    assert!(after[0].contains(words), "{after:?}");

    // Stopped, the server anchors its access log in the audit log. Every append of the
    // server (the correction, the anchor) went through the chain head: the row holds the
    // log's last entry.
    let page = api.get(&format!("/api/v1/documents/{id}/pages/1/words"));
    assert_eq!(page.status, 200, "{}", page.text());
    drop(api);
    assert_eq!(server.stop(), Some(0), "a graceful stop in cluster mode");
    let log = std::fs::read_to_string(archive.join("audit/log.jsonl")).unwrap();
    let last = log.lines().last().unwrap();
    assert!(last.contains("access"), "{last}");
    chained_through_the_head(&archive, &db, &log);
}

#[test]
fn an_ingest_started_in_a_cluster_reading_room_is_enqueued_and_run_by_the_workers() {
    use crate::reading_room::{serve_in, Visitor};
    use crate::requests::post_json;
    let Some(pg) = shared() else { return };
    let db = pg.database("room_ingest").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let box_dir = dir.path().join("hop-01");
    make_box(&box_dir, &[("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png")]);
    let archive = dir.path().join("archive");
    let out = crate::common::ingest(&archive, &box_dir, 1, true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let inbox = dir.path().join("inbox");
    make_box(
        &inbox.join("hop-web"),
        &[("hs-x", "hs-02-van-thu-luu-tru/1.png", "1.png")],
    );
    // One process does not ingest into a coordinated archive on its own: without
    // `--cluster` the command is refused, storing nothing.
    let web_box = inbox.join("hop-web");
    let plain = ["ingest", web_box.to_str().unwrap()];
    let out = cluster_cmd(&archive, &db, 30, &plain).output().unwrap();
    assert_eq!(code(&out), 2, "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--cluster"));
    assert!(
        catalog(&archive, &[]).len() == 1,
        "only the first box's document"
    );
    let token = archivist_token(&archive, &db);
    let env = [("SOHOA_DATABASE_URL", db.as_str())];
    let server = serve_in(
        &archive,
        &["--inbox", inbox.to_str().unwrap()],
        "http",
        &env,
    );
    let mut archivist = Visitor::new(&server);
    archivist.token = Some(token);

    // The reading room enqueues the box; it stores nothing itself.
    let start = serde_json::json!({"box": "hop-web"});
    let a = post_json(&archivist, "/api/v1/ingests", &start, None);
    assert_eq!(a.status, 202, "{}", a.text());
    let id = json_of(&a.body)["id"].as_str().unwrap().to_string();
    let started = Instant::now();
    while query(&db, "SELECT 1 FROM jobs WHERE box_name = 'hop-web'").is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no job enqueued"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let mut workers = spawn_workers(dir.path(), &archive, &db, &["w1"], &[]);
    let (child, log) = &mut workers[0];
    assert_eq!(wait(child, Duration::from_secs(600), log), 0);

    // The task follows the job to its end and reports the worker's pages.
    let task = loop {
        let task = json_of(&archivist.get(&format!("/api/v1/ingests/{id}")).body);
        if matches!(task["state"].as_str(), Some("done" | "failed")) {
            break task;
        }
        assert!(started.elapsed() < Duration::from_secs(600), "{task}");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(task["state"], "done", "{task}");
    let report = &task["report"]["ingest"];
    assert_eq!(report["pages_ok"], 1, "{task}");
    assert_eq!(
        report["documents"].as_array().map(Vec::len),
        Some(1),
        "{task}"
    );
    // Committed by the worker through the coordinator: the object table holds its head,
    // the outbox the version for the indexer, the audit chain the ingest.
    let heads = query(
        &db,
        "SELECT head_version FROM objects WHERE box_name = 'hop-web' AND hoso = 'hs-x'",
    );
    assert_eq!(heads.len(), 1);
    assert!(heads[0].get::<_, Option<String>>(0).is_some());
    assert!(!query(
        &db,
        "SELECT 1 FROM outbox o JOIN objects b USING (object_id) WHERE b.box_name = 'hop-web'"
    )
    .is_empty());
    audit_intact(&archive, &db);
}

fn json_of(body: &[u8]) -> serde_json::Value {
    serde_json::from_slice(body).unwrap()
}
