//! The kill-test harness: the real binary is killed (`SIGKILL`) during ingest at random moments
//! (6 by default, `SOHOA_KILLS` for more),
//! each kill hitting the run that resumes the one killed before (one ingest plan, resumed
//! and killed again). After each kill nothing half-written is visible (verify passes, every
//! listed document is complete and readable); every run that finishes, and the run after
//! the last kill, completes the box with every page present. The
//! one finding a kill may leave is a commit whose audit entry it prevented (verify cannot
//! tell it from a cut-off log); the next run records it, and verify passes.
//!
//! The moments are spread over the length of a full run, measured first; the seed is printed
//! and can be fixed with `SOHOA_KILL_SEED` to replay a failure.

use crate::common::*;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Kills per run of the test unless `SOHOA_KILLS` says otherwise (the seed varies from run
/// to run, so CI's runs together cover far more moments).
const KILLS: usize = 6;

/// xorshift64*: enough randomness for kill moments, no dependency.
struct Moments(u64);

impl Moments {
    fn next_fraction(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn spawn_ingest(archive: &Path, box_dir: &Path) -> std::process::Child {
    sohoa()
        .args([
            "ingest",
            box_dir.to_str().unwrap(),
            "-j",
            "2",
            "--no-progress",
            "--archive",
        ])
        .arg(archive)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// What must hold at any moment: the store verifies and every listed document is whole.
/// Right after a kill (`killed`), verify may also find objects one version past their last
/// audit entry (killed between a commit and its entry), and nothing else.
fn assert_consistent(archive: &Path, context: &str, killed: bool) {
    if !archive.join("ocfl").exists() {
        return; // killed before the archive was laid out
    }
    let verify = run(
        archive,
        &[
            "verify",
            "--json",
            "--user",
            &cleared(archive, "auditor", "toi-mat"),
        ],
    );
    let report = json(&verify);
    let only_unrecorded_commits = || {
        let mismatches = report["audit_mismatches"].as_array().unwrap();
        let next = |m: &serde_json::Value| {
            let n = |v: &serde_json::Value| v.as_str().map(|v| v[1..].parse::<u32>().unwrap());
            n(&m["store_version"]) == Some(n(&m["logged_version"]).unwrap_or(0) + 1)
        };
        !mismatches.is_empty()
            && mismatches.iter().all(next)
            && ["missing", "corrupted", "unexpected", "index_mismatches"]
                .iter()
                .all(|k| report[k].as_array().unwrap().is_empty())
            && report["audit_chain_ok"] == true
    };
    assert!(
        code(&verify) == 0 || (killed && code(&verify) == 4 && only_unrecorded_commits()),
        "{context}: verify after a kill: {}",
        String::from_utf8_lossy(&verify.stdout)
    );
    let list = json(&run(archive, &["list", "--json"]));
    for doc in list["documents"].as_array().unwrap() {
        let id = doc["id"].as_str().unwrap();
        let show = json(&run(archive, &["show", id, "--json"]));
        let pages = show["pages"].as_array().unwrap();
        assert_eq!(
            pages.len() as u64,
            doc["page_count"].as_u64().unwrap(),
            "{context}: document {id} is incomplete"
        );
    }
}

#[test]
fn ingest_killed_at_random_moments_never_leaves_half_written_data() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-kill");
    make_box(
        &box_dir,
        &[
            ("hs-a", "hs-02-van-thu-luu-tru/5.png", "1.png"),
            ("hs-b", "hs-02-van-thu-luu-tru/8.jpg", "1.jpg"),
            ("hs-b", "hs-02-van-thu-luu-tru/3.jpg", "2.jpg"),
        ],
    );
    let pages = 3;

    // A full run sets the span the kill moments are drawn from.
    let reference = tmp.path().join("reference");
    let start = Instant::now();
    let out = ingest(&reference, &box_dir, 2, true);
    let span = start.elapsed();
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out)["pages_ok"], pages);

    let seed = std::env::var("SOHOA_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    let kills = std::env::var("SOHOA_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(KILLS);
    eprintln!("kill moments: {kills}, seed {seed} (SOHOA_KILL_SEED), span {span:?}");
    let mut moments = Moments(seed);
    // One ingest plan, killed again and again: each round kills the run that resumes the
    // last one, so the kills land at moments spread over a whole run without a full run
    // for each. A run that finishes before its kill completes the box: it is checked in full,
    // and the next round starts a new archive.
    let mut archive_number = 0;
    let mut archive = tmp.path().join("archive-0");
    for round in 0..kills {
        let at = span.mul_f64(moments.next_fraction());
        let context = format!("round {round} (seed {seed}, killed after {at:?})");
        let mut child = spawn_ingest(&archive, &box_dir);
        std::thread::sleep(at);
        let finished = child.try_wait().unwrap();
        let _ = child.kill();
        child.wait().unwrap();
        match finished {
            Some(status) => {
                assert!(status.success(), "{context}: the run failed: {status}");
                assert_complete(&archive, &context, pages);
                std::fs::remove_dir_all(&archive).unwrap();
                archive_number += 1;
                archive = tmp.path().join(format!("archive-{archive_number}"));
            }
            None => assert_consistent(&archive, &context, true),
        }
    }
    // The last archive's next run completes the box.
    let context = format!("after the last kill (seed {seed})");
    let out = ingest(&archive, &box_dir, 2, true);
    assert_eq!(
        code(&out),
        0,
        "{context}: resume: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["pages_ok"], pages, "{context}");
    assert_complete(&archive, &context, pages);
    assert!(span > Duration::ZERO);
}

/// What must hold once a run has finished: the store verifies with nothing unrecorded,
/// every page of the box is stored in a listed document, and staging is empty.
fn assert_complete(archive: &Path, context: &str, pages: u64) {
    assert_consistent(archive, context, false);
    let list = json(&run(archive, &["list", "--json"]));
    let stored: u64 = list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["page_count"].as_u64().unwrap())
        .sum();
    assert_eq!(stored, pages, "{context}: {list}");
    let leftovers: Vec<_> = walk(&archive.join("staging"));
    assert!(
        leftovers.is_empty(),
        "{context}: staging not empty: {leftovers:?}"
    );
}

/// Files (not directories) below `dir`, ignoring the writers' lock file and the OCR word
/// lists, which are kept for reuse.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "ocr") {
                continue;
            }
            out.extend(walk(&p));
        } else if p.file_name().is_some_and(|n| n != "writer.lock") {
            out.push(p);
        }
    }
    out
}
