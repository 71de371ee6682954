//! A box with broken files: each gets a clear error naming the file (and page), the good
//! pages go in, the exit code is 3, and the batch report lists every page's outcome.

mod common;
use common::*;

#[test]
fn corrupt_files_are_reported_and_the_rest_goes_in() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-bad");
    make_box(&box_dir, &[("hs", "hs-02-van-thu-luu-tru/2.png", "1.png")]);
    let hs = box_dir.join("hs");
    let png = std::fs::read(samples().join("hs-02-van-thu-luu-tru/2.png")).unwrap();
    std::fs::write(hs.join("2.png"), &png[..png.len() / 3]).unwrap(); // truncated
    std::fs::write(hs.join("3.tif"), b"").unwrap(); // zero bytes
    std::fs::write(hs.join("4.pdf"), b"%PDF-1.4\nthis is not a pdf").unwrap(); // corrupt
    std::fs::write(hs.join("5.jpg"), &png).unwrap(); // wrong extension
    std::fs::write(hs.join("notes.txt"), "ghi chú").unwrap(); // not a scan: skipped

    let archive = tmp.path().join("archive");
    let out = ingest(&archive, &box_dir, 2, true);
    assert_eq!(
        code(&out),
        3,
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = json(&out);
    assert_eq!(s["pages_ok"], 1, "{s}");
    assert_eq!(s["pages_failed"], 4, "{s}");
    let failures = s["failures"].as_array().unwrap();
    for name in ["hs/2.png", "hs/3.tif", "hs/4.pdf", "hs/5.jpg"] {
        let f = failures
            .iter()
            .find(|f| f["source_file"] == name)
            .unwrap_or_else(|| panic!("{name} not in failures: {s}"));
        assert_eq!(f["box"], "hop-bad");
        let error = f["error"].as_str().unwrap();
        assert!(error.contains(name), "the error names the file: {error}");
    }
    // zero-byte file: a specific message
    let zero = failures
        .iter()
        .find(|f| f["source_file"] == "hs/3.tif")
        .unwrap();
    assert!(zero["error"].as_str().unwrap().contains("empty"), "{zero}");

    let wrong = failures
        .iter()
        .find(|f| f["source_file"] == "hs/5.jpg")
        .unwrap();
    assert!(
        wrong["error"].as_str().unwrap().contains("extension"),
        "{wrong}"
    );

    // the report lists every page with its outcome, and the skipped note
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(s["report"].as_str().unwrap()).unwrap()).unwrap();
    let rows = report["pages"].as_array().unwrap();
    assert!(rows
        .iter()
        .any(|r| r["source_file"] == "hs/1.png" && r["outcome"] == "ocr"));
    assert!(rows
        .iter()
        .any(|r| r["source_file"] == "hs/2.png" && r["outcome"] == "failed"));
    assert!(report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["path"] == "hs/notes.txt"));

    // the good page is stored, searchable and intact
    let list = json(&run(&archive, &["list", "--json"]));
    assert_eq!(list["documents"].as_array().unwrap().len(), 1);
    assert_eq!(code(&run(&archive, &["verify"])), 0);

    // human output names the failing file
    let out = ingest(&archive, &box_dir, 1, false);
    assert_eq!(code(&out), 3);
    assert!(String::from_utf8_lossy(&out.stdout).contains("FAILED hop-bad/hs/2.png"));
}

#[test]
fn a_malformed_approvals_file_is_named_and_the_box_goes_in_without_approvals() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-appr");
    make_box(&box_dir, &[("hs", "hs-02-van-thu-luu-tru/2.png", "1.png")]);
    std::fs::write(
        box_dir.join("approvals.json"),
        "{\"approvals\": [{\"hoso\": \"hs\"}]}",
    )
    .unwrap();
    let archive = tmp.path().join("archive");
    let out = ingest(&archive, &box_dir, 1, true);
    assert_eq!(code(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    let s = json(&out);
    let failure = s["failures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["source_file"] == "approvals.json")
        .unwrap_or_else(|| panic!("approvals.json not in failures: {s}"));
    let error = failure["error"].as_str().unwrap();
    assert!(
        error.contains("approvals.json") && error.contains("reference"),
        "{error}"
    );
    assert_eq!(
        s["documents"].as_array().unwrap().len(),
        1,
        "the open page still goes in"
    );
}

#[test]
fn usage_errors_exit_2_and_missing_boxes_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let out = sohoa().args(["ingest"]).output().unwrap();
    assert_eq!(code(&out), 2);
    let out = run(
        &tmp.path().join("a"),
        &["ingest", tmp.path().join("nope").to_str().unwrap()],
    );
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope"));
    let out = run(&tmp.path().join("not-an-archive"), &["list"]);
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a sohoa archive"));
}
