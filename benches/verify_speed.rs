//! Verify speed: `sohoa verify`'s hashing against `openssl dgst -sha256` and coreutils
//! `sha256sum` on the same stored files, in the same run.
//!
//! `cargo bench --bench verify_speed [-- MIB]` (default 1024 MiB of content).
//!
//! The archive: a real OCFL storage root written through sohoa's store (objects of eight
//! 8 MiB "scans" and forty 4 KiB records each, random bytes), so verify walks real
//! inventories and sidecars. Reported:
//! - in page cache, one core: verify (a rayon pool of one thread) vs `openssl dgst -sha256`
//!   and `sha256sum` over every content file; the ratio verify ÷ openssl (target ≥ 0.90);
//! - in page cache, all cores: verify's rate and its scaling over one core;
//! - not cached (each file evicted with `posix_fadvise(DONTNEED)` first): verify vs a plain
//!   sequential read of the same files (the disk's speed here); the ratio (target ≈ 1), the
//!   median of `SOHOA_BENCH_COLD_ROUNDS` (default 5) alternating rounds, each round's rate and
//!   the bytes it fetched from the disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use pipeline::store::ocfl::{FileSource, User};
use pipeline::store::Archive;
use pipeline::verify::{verify_with, NoProgress, Scope};

mod common;

const SCAN_BYTES: usize = 8 << 20;
const SCANS_PER_OBJECT: usize = 8;
const RECORD_BYTES: usize = 4 << 10;
const RECORDS_PER_OBJECT: usize = 40;

fn main() {
    let args = common::parse_args();
    let mib: usize = args
        .positional
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or(if args.quick { 256 } else { 1024 });
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    common::print_machine(cores);

    let dir = tempfile::Builder::new()
        .prefix("sohoa-verify-bench")
        .tempdir_in(
            std::env::var_os("SOHOA_BENCH_TMP").map_or_else(std::env::temp_dir, PathBuf::from),
        )
        .expect("temp dir");
    let archive_dir = dir.path().join("archive");
    let started = Instant::now();
    let archive = build_archive(&archive_dir, mib);
    let files = content_files(&archive_dir.join("ocfl"));
    let total: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    eprintln!(
        "built {} files, {:.0} MiB in {:.1} s",
        files.len(),
        total as f64 / f64::from(1 << 20),
        started.elapsed().as_secs_f64()
    );

    // Warm the page cache, then the cached runs.
    read_all(&files);
    let one_core = best_of(3, || {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("pool");
        timed(|| pool.install(|| run_verify(&archive)))
    });
    let all_cores = best_of(3, || timed(|| run_verify(&archive)));
    let openssl = common::which("openssl").map(|_| {
        best_of(3, || {
            timed(|| tool(&files, "openssl", &["dgst", "-sha256"]))
        })
    });
    let sha256sum =
        common::which("sha256sum").map(|_| best_of(3, || timed(|| tool(&files, "sha256sum", &[]))));

    // Not cached: evict, then a plain read; evict, then verify; alternately, several rounds
    // (one cold run each moved by ±30 % between runs on these VMs). Each cold run also counts
    // the bytes the process fetched from the disk (`read_bytes` of /proc/self/io).
    let rounds: usize = std::env::var("SOHOA_BENCH_COLD_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5)
        .max(1);
    let mut read_runs = Vec::new();
    let mut verify_runs = Vec::new();
    for _ in 0..rounds {
        evict(&files);
        read_runs.push(disk_timed(|| read_all(&files)));
        evict(&files);
        verify_runs.push(disk_timed(|| {
            run_verify(&archive);
        }));
    }
    let read_cold = median(read_runs.iter().map(|r| r.0).collect());
    let verify_cold = median(verify_runs.iter().map(|r| r.0).collect());

    let bytes_verified = run_verify(&archive) as f64;
    let rate = |seconds: f64, bytes: f64| bytes / seconds / 1e9;
    let content = total as f64;
    println!(
        "\n## Verify speed ({:.0} MiB, {} files)\n",
        content / f64::from(1 << 20),
        files.len()
    );
    println!("| run | GB/s | vs openssl (1 core) |");
    println!("|---|---:|---:|");
    let openssl_rate = openssl.map(|s| rate(s, content));
    let row = |name: &str, gbps: f64| {
        let ratio = openssl_rate.map_or_else(|| "n/a".to_string(), |o| format!("{:.2}", gbps / o));
        println!("| {name} | {gbps:.2} | {ratio} |");
    };
    if let Some(o) = openssl_rate {
        row("`openssl dgst -sha256`, 1 core, cached", o);
    } else {
        println!("| `openssl dgst -sha256` | not installed | |");
    }
    if let Some(s) = sha256sum {
        row("`sha256sum`, 1 core, cached", rate(s, content));
    }
    let verify_one = rate(one_core, bytes_verified);
    let verify_all = rate(all_cores, bytes_verified);
    row("sohoa verify, 1 core, cached", verify_one);
    row(&format!("sohoa verify, {cores} cores, cached"), verify_all);
    println!();
    println!(
        "- verify ÷ openssl per core: **{}** (target ≥ 0.90)",
        openssl_rate.map_or_else(|| "n/a".into(), |o| format!("{:.2}", verify_one / o))
    );
    println!(
        "- scaling, {cores} cores ÷ 1 core: **{:.2}×**",
        verify_all / verify_one
    );
    println!(
        "- not cached, median of {rounds} alternating rounds: plain read {:.2} GB/s, verify {:.2} \
         GB/s, verify ÷ read **{:.2}**",
        rate(read_cold, content),
        rate(verify_cold, bytes_verified),
        rate(verify_cold, bytes_verified) / rate(read_cold, content)
    );
    let runs = |runs: &[(f64, u64)], bytes: f64| {
        runs.iter()
            .map(|(s, disk)| {
                format!(
                    "{:.2} GB/s ({:.0} MiB from disk)",
                    rate(*s, bytes),
                    *disk as f64 / f64::from(1 << 20)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("  - plain read, each round: {}", runs(&read_runs, content));
    println!(
        "  - verify, each round: {}",
        runs(&verify_runs, bytes_verified)
    );
    println!(
        "- verify hashes the inventories and sidecars too: {:.0} MiB in all",
        bytes_verified / f64::from(1 << 20)
    );
    println!("- load average at end: {}", common::load_average());
}

/// An archive of random content: `mib` MiB over objects of eight scans and forty records.
fn build_archive(dir: &Path, mib: usize) -> Archive {
    let archive = Archive::open_or_create(dir).expect("archive");
    let per_object = SCANS_PER_OBJECT * SCAN_BYTES + RECORDS_PER_OBJECT * RECORD_BYTES;
    let objects = ((mib << 20) / per_object).max(1);
    let user = User {
        name: "bench".into(),
        address: None,
    };
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    for o in 0..objects {
        let mut files = BTreeMap::new();
        for s in 0..SCANS_PER_OBJECT {
            files.insert(
                format!("originals/scan-{s:02}.tif"),
                FileSource::Bytes(random_bytes(&mut seed, SCAN_BYTES)),
            );
        }
        for r in 0..RECORDS_PER_OBJECT {
            files.insert(
                format!("pages/{r:04}.json"),
                FileSource::Bytes(random_bytes(&mut seed, RECORD_BYTES)),
            );
        }
        archive
            .storage()
            .commit_version(&format!("BENCH{o:06}"), &files, "bench", &user)
            .expect("commit");
    }
    archive
}

fn random_bytes(seed: &mut u64, n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        *seed ^= *seed >> 12;
        *seed ^= *seed << 25;
        *seed ^= *seed >> 27;
        out.extend_from_slice(&seed.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(n);
    out
}

/// Every content file (not inventories) below the storage root.
fn content_files(ocfl: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(ocfl)
        .sort_by_file_name()
        .into_iter()
        .filter_map(std::result::Result::ok)
        .filter(|e| {
            e.file_type().is_file() && e.path().components().any(|c| c.as_os_str() == "content")
        })
        .map(walkdir::DirEntry::into_path)
        .collect()
}

/// Runs a full verify; returns the bytes it hashed. Panics unless the archive is intact.
fn run_verify(archive: &Archive) -> u64 {
    let report = verify_with(archive, &Scope::All, &NoProgress).expect("verify");
    assert!(
        report.missing.is_empty() && report.corrupted.is_empty(),
        "bench archive damaged"
    );
    report.bytes_checked
}

/// Runs a hashing tool over every file, in batches that fit a command line.
fn tool(files: &[PathBuf], program: &str, args: &[&str]) {
    for batch in files.chunks(500) {
        let status = Command::new(program)
            .args(args)
            .args(batch)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("run tool");
        assert!(status.success(), "{program} failed");
    }
}

fn read_all(files: &[PathBuf]) {
    use std::io::Read;
    let mut buf = vec![0u8; 1 << 20];
    for f in files {
        let mut file = std::fs::File::open(f).expect("open");
        while file.read(&mut buf).expect("read") > 0 {}
    }
}

/// Drops the files from the page cache (they are written and fsynced, so clean).
#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
fn evict(files: &[PathBuf]) {
    use std::os::fd::AsRawFd;
    for f in files {
        let file = std::fs::File::open(f).expect("open");
        // SAFETY: a valid open descriptor; the advice changes caching only.
        unsafe {
            libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED);
        }
    }
}

fn timed<T>(f: impl FnOnce() -> T) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64()
}

/// Seconds taken and bytes fetched from the disk by this process meanwhile (0 where
/// /proc/self/io is not readable).
fn disk_timed(f: impl FnOnce()) -> (f64, u64) {
    let before = disk_read_bytes();
    let seconds = timed(f);
    (seconds, disk_read_bytes().saturating_sub(before))
}

fn disk_read_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/io")
        .ok()
        .and_then(|io| {
            io.lines()
                .find_map(|l| l.strip_prefix("read_bytes: ")?.trim().parse().ok())
        })
        .unwrap_or(0)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn best_of(n: usize, mut f: impl FnMut() -> f64) -> f64 {
    (0..n).map(|_| f()).fold(f64::INFINITY, f64::min)
}
