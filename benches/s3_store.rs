//! The OCFL storage root in S3 against the directory, in the same run: commit latency per
//! hồ sơ (a new object, then a new version of it) and verify throughput.
//!
//! `cargo bench --bench s3_store [-- OBJECTS]` (default 12 hồ sơ objects; `--quick` 6).
//! Needs `weed` (scripts/install-seaweedfs.sh): the bench starts the tests' loopback cluster
//! (scripts/seaweedfs-cluster.sh: 3 masters, 3 volume servers with replication 010, a filer
//! with S3) and stops it at the end.
//!
//! Each hồ sơ object holds the scans of one hồ sơ of `sample-scans/box-01` (copied from
//! their files, hashed while copied) and forty 4 KiB records, like an ingest's commit; its
//! second version changes one record. Commits alternate between the two stores, so that load
//! on the machine weighs on both alike. Verify re-reads and re-hashes every stored byte of
//! each store (`verify_with`, all cores).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use pipeline::store::ocfl::{FileSource, User};
use pipeline::store::s3::S3Settings;
use pipeline::store::{Archive, StorageLocation};
use pipeline::verify::{verify_with, NoProgress, Scope};

mod common;

const RECORDS_PER_OBJECT: usize = 40;
const RECORD_BYTES: usize = 4 << 10;

/// The loopback cluster, stopped when dropped.
struct Cluster {
    dir: PathBuf,
    env: BTreeMap<String, String>,
}

impl Cluster {
    fn start() -> Cluster {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/seaweedfs-cluster.sh");
        let dir = std::env::temp_dir().join(format!("sohoa-s3-bench-{}", std::process::id()));
        let started = Instant::now();
        let out = Command::new("bash")
            .arg(&script)
            .arg("up")
            .arg(&dir)
            .args(["--owner", &std::process::id().to_string()])
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "seaweedfs-cluster.sh up: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        eprintln!(
            "SeaweedFS cluster up in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        let env = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.strip_prefix("export ")?.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Cluster { dir, env }
    }

    fn settings(&self, prefix: &str) -> S3Settings {
        let var = |k: &str| self.env.get(k).cloned().unwrap_or_default();
        S3Settings {
            endpoint: Some(var("SOHOA_S3_ENDPOINT")),
            bucket: var("SOHOA_S3_BUCKET"),
            prefix: prefix.into(),
            region: var("SOHOA_S3_REGION"),
            access_key_id: Some(var("SOHOA_S3_ACCESS_KEY_ID")),
            secret_access_key: Some(var("SOHOA_S3_SECRET_ACCESS_KEY")),
            retry_seconds: None,
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/seaweedfs-cluster.sh");
        let _ = Command::new("bash")
            .arg(script)
            .arg("down")
            .arg(&self.dir)
            .arg("--purge")
            .status();
    }
}

/// The scan files of each hồ sơ of the sample box, with their SHA-256.
fn sample_hoso() -> Vec<Vec<(String, PathBuf, String)>> {
    let mut all = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(common::sample_box_dir())
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut scans: Vec<(String, PathBuf, String)> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| {
                    ["png", "tif", "tiff", "jpg", "pdf"].contains(&e.to_str().unwrap_or(""))
                })
            })
            .map(|p| {
                let (sha, _) = pipeline::store::fsio::sha256_file(&p).unwrap();
                let name = format!(
                    "originals/{}/{}",
                    dir.file_name().unwrap().to_string_lossy(),
                    p.file_name().unwrap().to_string_lossy()
                );
                (name, p, sha)
            })
            .collect();
        scans.sort();
        if !scans.is_empty() {
            all.push(scans);
        }
    }
    all
}

/// Pseudo-random record bytes (an LCG: reproducible, not compressible text).
fn record(seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    (0..RECORD_BYTES)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            b'a' + ((x >> 33) % 26) as u8
        })
        .collect()
}

fn object_files(
    scans: &[(String, PathBuf, String)],
    seed: u64,
    version: u64,
) -> BTreeMap<String, FileSource> {
    let mut files: BTreeMap<String, FileSource> = scans
        .iter()
        .map(|(name, path, sha)| {
            (
                name.clone(),
                FileSource::Path {
                    path: path.clone(),
                    sha256: sha.clone(),
                },
            )
        })
        .collect();
    for r in 0..RECORDS_PER_OBJECT as u64 {
        // The second version changes record 0.
        let salt = if r == 0 { version } else { 0 };
        files.insert(
            format!("pages/{r:04}.json"),
            FileSource::Bytes(record(seed * 1000 + r + salt * 7919)),
        );
    }
    files
}

fn stats(times: &[Duration]) -> (f64, f64, f64) {
    let mut ms: Vec<f64> = times.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    let mean = ms.iter().sum::<f64>() / ms.len() as f64;
    (mean, ms[ms.len() / 2], ms[ms.len() - 1])
}

fn main() {
    let args = common::parse_args();
    let objects: usize = args
        .positional
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or(if args.quick { 6 } else { 12 });
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    common::print_machine(cores);
    let cluster = Cluster::start();
    let tmp = tempfile::Builder::new()
        .prefix("sohoa-s3-bench")
        .tempdir()
        .unwrap();
    let directory = Archive::open_or_create(&tmp.path().join("dir")).unwrap();
    let s3 = Archive::open_or_create_on(
        &tmp.path().join("s3"),
        &StorageLocation::S3(cluster.settings("bench/ocfl")),
    )
    .unwrap();
    let stores = [("directory", &directory), ("S3 (SeaweedFS)", &s3)];
    let hoso = sample_hoso();
    let user = User {
        name: "bench".into(),
        address: None,
    };
    // [store][version] → commit times.
    let mut times = vec![vec![Vec::new(), Vec::new()]; stores.len()];
    let mut bytes_per_object = 0u64;
    for version in 1..=2u64 {
        for i in 0..objects {
            let scans = &hoso[i % hoso.len()];
            let files = object_files(scans, i as u64, version);
            if version == 1 && i == 0 {
                bytes_per_object = scans
                    .iter()
                    .map(|(_, p, _)| std::fs::metadata(p).unwrap().len())
                    .sum::<u64>()
                    + (RECORDS_PER_OBJECT * RECORD_BYTES) as u64;
            }
            let id = format!("01BENCH{i:04}");
            for (s, (_, archive)) in stores.iter().enumerate() {
                let started = Instant::now();
                archive
                    .storage()
                    .commit_version(&id, &files, "bench", &user)
                    .unwrap();
                times[s][version as usize - 1].push(started.elapsed());
            }
        }
    }
    println!(
        "\n### Commit latency per hồ sơ ({objects} objects; {:.1} MiB in the first, {} records)\n",
        bytes_per_object as f64 / f64::from(1 << 20),
        RECORDS_PER_OBJECT
    );
    println!("| store | new object (v1): mean / p50 / max ms | new version (v2, one record): mean / p50 / max ms |");
    println!("|---|---|---|");
    for (s, (name, _)) in stores.iter().enumerate() {
        let (m1, p1, x1) = stats(&times[s][0]);
        let (m2, p2, x2) = stats(&times[s][1]);
        println!("| {name} | {m1:.0} / {p1:.0} / {x1:.0} | {m2:.0} / {p2:.0} / {x2:.0} |");
    }
    println!("\n### Verify (all cores, every stored byte re-read and re-hashed)\n");
    println!("| store | objects | files | MiB | seconds | MiB/s | files/s |");
    println!("|---|---|---|---|---|---|---|");
    for (name, archive) in stores {
        let started = Instant::now();
        let report = verify_with(archive, &Scope::All, &NoProgress).unwrap();
        let secs = started.elapsed().as_secs_f64();
        assert!(
            report.corrupted.is_empty() && report.missing.is_empty(),
            "{name}: {report:?}"
        );
        let mib = report.bytes_checked as f64 / f64::from(1 << 20);
        println!(
            "| {name} | {} | {} | {mib:.1} | {secs:.2} | {:.1} | {:.0} |",
            report.objects_checked,
            report.files_checked,
            mib / secs,
            report.files_checked as f64 / secs
        );
    }
    drop(cluster);
}
