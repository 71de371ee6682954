//! An ingest killed part-way is resumed by the next run, which redoes only what is missing.

use crate::common::*;
use std::time::{Duration, Instant};

#[test]
fn an_interrupted_ingest_resumes_where_it_stopped() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-resume");
    make_box(
        &box_dir,
        &[
            ("hs", "hs-02-van-thu-luu-tru/2.png", "1.png"),
            ("hs", "hs-02-van-thu-luu-tru/6.jpg", "2.jpg"),
            ("hs", "hs-02-van-thu-luu-tru/7.jpg", "3.jpg"),
            ("hs", "hs-02-van-thu-luu-tru/9.png", "4.png"),
        ],
    );
    let archive = tmp.path().join("archive");
    let mut child = sohoa()
        .args([
            "ingest",
            box_dir.to_str().unwrap(),
            "-j",
            "1",
            "--no-progress",
            "--archive",
        ])
        .arg(&archive)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it (SIGKILL) as soon as the first page is in the resume cache.
    let cache = archive.join("staging/pages");
    let start = Instant::now();
    loop {
        let cached = std::fs::read_dir(&cache).map_or(0, |d| {
            d.filter_map(std::result::Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
                .count()
        });
        if cached >= 1 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "ingest finished before it could be interrupted"
        );
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no page was cached"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    // Nothing half-written is visible.
    let list = json(&run(&archive, &["list", "--json"]));
    assert!(list["documents"].as_array().unwrap().is_empty(), "{list}");
    assert_eq!(code(&run(&archive, &["verify"])), 0);

    let out = ingest(&archive, &box_dir, 1, true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let s = json(&out);
    assert_eq!(s["pages_ok"], 4);
    assert!(
        s["pages_reused"].as_u64().unwrap() >= 1,
        "pages done before the kill are not redone: {s}"
    );
    assert!(s["pages_recognised"].as_u64().unwrap() <= 3, "{s}");
    // The four pages come from different documents of a sample hồ sơ: split, all stored.
    let list = json(&run(&archive, &["list", "--json"]));
    let pages: u64 = list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["page_count"].as_u64().unwrap())
        .sum();
    assert_eq!(pages, 4, "{list}");
    assert_eq!(code(&run(&archive, &["verify"])), 0);
    // The resume cache is emptied once the hồ sơ is committed.
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 0);
}
