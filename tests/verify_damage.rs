//! `verify` on an intact archive exits 0; a flipped byte, a deleted file, an extra file or
//! an edited inventory is reported precisely with exit code 4.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One archive ingested once; each test damages its own copy.
fn pristine() -> &'static Path {
    static ARCHIVE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = ARCHIVE.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let box_dir = tmp.path().join("hop-v");
        make_box(&box_dir, &[("hs", "hs-02-van-thu-luu-tru/2.png", "1.png")]);
        let archive = tmp.path().join("archive");
        let out = ingest(&archive, &box_dir, 1, false);
        assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
        (tmp, archive)
    });
    path
}

fn damaged_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    copy_tree(pristine(), &archive);
    (tmp, archive)
}

fn find(archive: &Path, suffix: &str) -> PathBuf {
    snapshot(&archive.join("ocfl"))
        .into_iter()
        .map(|(p, _)| p)
        .find(|p| p.to_string_lossy().ends_with(suffix))
        .unwrap_or_else(|| panic!("no file ending in {suffix}"))
}

fn rel(archive: &Path, p: &Path) -> String {
    p.strip_prefix(archive)
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn intact_archive_verifies() {
    let out = run(pristine(), &["verify", "--json"]);
    assert_eq!(code(&out), 0);
    let v = json(&out);
    assert_eq!(v["ok"], true);
    assert_eq!(v["audit_chain_ok"], true);
    assert!(v["bytes_checked"].as_u64().unwrap() > 100_000);
    let objects = v["objects"].as_array().unwrap();
    assert_eq!(objects.len() as u64, v["objects_checked"].as_u64().unwrap());
    assert!(objects.iter().all(|o| o["ok"] == true && o["head"] == "v1"));
    assert!(objects
        .iter()
        .all(|o| o["files_checked"].as_u64().unwrap() > 0));
}

#[test]
fn flipped_byte_in_an_original_is_corrupted() {
    let (_tmp, archive) = damaged_copy();
    let original = find(&archive, "content/originals/hs/1.png");
    let mut bytes = std::fs::read(&original).unwrap();
    let expected = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(&bytes))
    };
    bytes[1000] ^= 0x01;
    std::fs::write(&original, &bytes).unwrap();
    let out = run(&archive, &["verify", "--json"]);
    assert_eq!(code(&out), 4);
    let v = json(&out);
    assert_eq!(v["ok"], false);
    let c = &v["corrupted"][0];
    assert_eq!(c["path"], rel(&archive, &original));
    assert_eq!(c["expected"], expected);
    assert_ne!(c["actual"], expected);
    // Only the object that holds the file is reported damaged.
    let objects = v["objects"].as_array().unwrap();
    let damaged: Vec<_> = objects.iter().filter(|o| o["ok"] == false).collect();
    assert_eq!(damaged.len(), 1, "{v}");
    assert_eq!(damaged[0]["corrupted"][0]["path"], c["path"]);
    assert!(c["path"]
        .as_str()
        .unwrap()
        .starts_with(damaged[0]["path"].as_str().unwrap()));
    let human = String::from_utf8_lossy(&run(&archive, &["verify"]).stdout).into_owned();
    assert!(
        human.contains("corrupted") && human.contains("originals/hs/1.png"),
        "{human}"
    );
}

#[test]
fn deleted_and_extra_files_are_missing_and_unexpected() {
    let (_tmp, archive) = damaged_copy();
    let page = find(&archive, "content/pages/0001.json");
    std::fs::remove_file(&page).unwrap();
    let extra = page.parent().unwrap().join("extra.txt");
    std::fs::write(&extra, "x").unwrap();
    let out = run(&archive, &["verify", "--json"]);
    assert_eq!(code(&out), 4);
    let v = json(&out);
    assert_eq!(v["missing"], serde_json::json!([rel(&archive, &page)]));
    assert_eq!(v["unexpected"], serde_json::json!([rel(&archive, &extra)]));
}

#[test]
fn edited_inventory_breaks_its_sidecar() {
    let (_tmp, archive) = damaged_copy();
    let root_inventory = snapshot(&archive.join("ocfl"))
        .into_iter()
        .map(|(p, _)| p)
        .find(|p| {
            p.ends_with("inventory.json") && p.parent().unwrap().join("0=ocfl_object_1.1").exists()
        })
        .unwrap();
    let text = std::fs::read_to_string(&root_inventory).unwrap();
    std::fs::write(&root_inventory, text.replacen("\"v1\"", "\"v1\" ", 1)).unwrap();
    let out = run(&archive, &["verify", "--json"]);
    assert_eq!(code(&out), 4);
    let v = json(&out);
    assert_eq!(v["corrupted"][0]["path"], rel(&archive, &root_inventory));
}

#[test]
fn deleted_object_is_missing() {
    let (_tmp, archive) = damaged_copy();
    let namaste = find(&archive, "0=ocfl_object_1.1");
    std::fs::remove_dir_all(namaste.parent().unwrap()).unwrap();
    let v = json(&run(&archive, &["verify", "--json"]));
    assert_eq!(v["ok"], false);
    assert_eq!(v["missing"].as_array().unwrap().len(), 1, "{v}");
    // Its documents are still in the index: stale entries are warnings (the index is derived).
    let stale: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w.as_str())
        .filter(|w| w.contains("stale"))
        .collect();
    assert!(!stale.is_empty(), "{v}");
    assert_eq!(code(&run(&archive, &["reindex"])), 0);
    let v = json(&run(&archive, &["verify", "--json"]));
    assert!(!v.to_string().contains("stale"), "{v}");
}

#[test]
fn audit_verify_detects_edits_and_truncation_against_a_recorded_head() {
    let (_tmp, archive) = damaged_copy();
    let check = json(&run(&archive, &["audit", "verify", "--json"]));
    assert_eq!(check["ok"], true, "{check}");
    let head = check["head"].as_str().unwrap().to_string();
    let log = json(&run(
        &archive,
        &["audit", "log", "--json", "--action", "ingest"],
    ));
    assert!(!log["entries"].as_array().unwrap().is_empty(), "{log}");

    let path = archive.join("audit/log.jsonl");
    let original = std::fs::read_to_string(&path).unwrap();
    // An edited entry.
    let edited = original.replacen("\"actor\":\"", "\"actor\":\"x", 1);
    std::fs::write(&path, &edited).unwrap();
    let out = run(&archive, &["audit", "verify", "--json"]);
    assert_eq!(code(&out), 4);
    assert!(json(&out)["problems"][0]
        .as_str()
        .unwrap()
        .contains("altered"));
    // A truncated log is whole in itself; only the recorded head shows the cut.
    let lines: Vec<&str> = original.lines().collect();
    let cut: String = lines[..lines.len() - 1]
        .iter()
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, cut).unwrap();
    assert_eq!(code(&run(&archive, &["audit", "verify"])), 0);
    let out = run(&archive, &["audit", "verify", "--head", &head, "--json"]);
    assert_eq!(code(&out), 4);
    assert_eq!(json(&out)["extends_head"], false);
    // Restored and appended to (a verify run), the log still extends the recorded head.
    std::fs::write(&path, &original).unwrap();
    assert_eq!(code(&run(&archive, &["verify"])), 0);
    let out = run(&archive, &["audit", "verify", "--head", &head, "--json"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
}
