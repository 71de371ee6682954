//! A write failure mid-ingest: the real binary runs with a file size limit
//! (`RLIMIT_FSIZE`, `SIGXFSZ` ignored), so the kernel fails its writes past 100 KiB with
//! `EFBIG`, as a full disk fails them with `ENOSPC`. The error is clear and names the file,
//! nothing stored is damaged or half-visible, and the same command run again completes.

use crate::common::*;
use std::os::unix::process::CommandExt;
use std::path::Path;

#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
fn ingest_with_file_size_limit(archive: &Path, box_dir: &Path, limit: u64) -> std::process::Output {
    let mut command = sohoa();
    command.args([
        "ingest",
        "--no-progress",
        "--json",
        "--jobs",
        "1",
        "--archive",
    ]);
    command.arg(archive).arg(box_dir);
    // SAFETY: only async-signal-safe calls (signal, setrlimit) between fork and exec.
    unsafe {
        command.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let rlimit = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &raw const rlimit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    command.output().unwrap()
}

#[test]
fn a_failed_write_stops_cleanly_and_the_rerun_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-w");
    make_box(
        &box_dir,
        &[
            ("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png"),
            ("hs-b", "hs-02-van-thu-luu-tru/2.png", "1.png"),
        ],
    );
    let archive = tmp.path().join("archive");

    let out = ingest_with_file_size_limit(&archive, &box_dir, 100 << 10);
    assert_eq!(code(&out), 1, "{}", String::from_utf8_lossy(&out.stdout));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("File too large"), "{stderr}");
    assert!(
        stderr.contains(&archive.display().to_string()),
        "the error names the file: {stderr}"
    );
    assert_eq!(
        stderr.matches("os error 27").count(),
        1,
        "the cause is said once: {stderr}"
    );
    assert!(stderr.contains("run the same command again"), "{stderr}");

    // Whatever was committed is whole: verify passes and every listed document shows.
    let verified = run(&archive, &["verify", "--json"]);
    assert_eq!(
        code(&verified),
        0,
        "{}",
        String::from_utf8_lossy(&verified.stdout)
    );
    let listed = json(&run(&archive, &["list", "--json"]));
    for d in listed["documents"].as_array().unwrap() {
        let shown = run(&archive, &["show", d["id"].as_str().unwrap(), "--json"]);
        assert_eq!(code(&shown), 0);
    }

    // The same command, with room to write, completes the box.
    let out = ingest(&archive, &box_dir, 1, true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let summary = json(&out);
    assert_eq!(summary["pages_ok"], 2, "{summary}");
    let listed = json(&run(&archive, &["list", "--json"]));
    assert_eq!(listed["documents"].as_array().unwrap().len(), 2, "{listed}");
    assert_eq!(code(&run(&archive, &["verify"])), 0);
    // No staged leftovers.
    let staged: Vec<_> = std::fs::read_dir(archive.join("staging/ocfl"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(staged.is_empty(), "{staged:?}");
}
