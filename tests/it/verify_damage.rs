//! Fault injection: `verify` on an intact archive exits 0; a flipped bit in an original, an
//! access PDF, an inventory or its sidecar, a truncated, deleted or extra file, a deleted
//! version directory or object, and an edited audit entry are each reported precisely with
//! exit code 4. Partial runs (`--sample`, `--since`) check the objects they should.

use crate::common::*;
use std::path::{Path, PathBuf};

/// The two-page box ingested once ([`crate::common::two_page_pristine`]); each test damages
/// its own copy.
fn pristine() -> &'static Path {
    &crate::common::two_page_pristine().1
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
    // Without clearance nothing says what the lost object held: it is counted, not named.
    let v = json(&run(&archive, &["verify", "--json"]));
    assert_eq!(v["ok"], false);
    assert_eq!(v["missing"], serde_json::json!([]), "{v}");
    assert_eq!(v["not_named"]["missing"], 1, "{v}");
    assert_eq!(v["not_named"]["audit_mismatches"], 1, "{v}");
    let v = json(&whole_report(&archive));
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
    let v = json(&whole_report(&archive));
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
        .fold(String::new(), |cut, l| cut + l + "\n");
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

/// Corrects the trích yếu of the first listed document: a new version of its object.
fn correct_first_document(archive: &Path) {
    let id = json(&run(archive, &["list", "--json"]))["documents"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = run(
        archive,
        &["edit", &id, "--set", "trich_yeu=Về công tác lưu trữ"],
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    // The human output shows the new value (it showed `(none) → (none)`).
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("trich_yeu: ") && said.contains("→ Về công tác lưu trữ\n"),
        "{said}"
    );
}

/// Flips one bit in the middle of a file; returns its digest before.
fn flip_bit(path: &Path) -> String {
    let mut bytes = std::fs::read(path).unwrap();
    let before = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(&bytes))
    };
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x10;
    std::fs::write(path, &bytes).unwrap();
    before
}

fn damaged_verify(archive: &Path) -> serde_json::Value {
    // The whole report: an object that lost the files of its records is named only to the
    // highest clearance (who may see it is not known).
    let out = whole_report(archive);
    assert_eq!(code(&out), 4, "{}", String::from_utf8_lossy(&out.stdout));
    let v = json(&out);
    assert_eq!(v["ok"], false);
    v
}

#[test]
fn flipped_bit_in_an_access_pdf_is_corrupted() {
    let (_tmp, archive) = damaged_copy();
    let pdf = snapshot(&archive.join("ocfl"))
        .into_iter()
        .map(|(p, _)| p)
        .find(|p| {
            p.extension().is_some_and(|e| e == "pdf") && p.to_string_lossy().contains("/access/")
        })
        .expect("an access PDF");
    let expected = flip_bit(&pdf);
    let v = damaged_verify(&archive);
    assert_eq!(v["corrupted"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["corrupted"][0]["path"], rel(&archive, &pdf));
    assert_eq!(v["corrupted"][0]["expected"], expected);
}

#[test]
fn flipped_bit_in_a_sidecar_is_reported_against_its_inventory() {
    let (_tmp, archive) = damaged_copy();
    let sidecar = find(&archive, "v1/inventory.json.sha256");
    let text = std::fs::read_to_string(&sidecar).unwrap();
    // A flipped bit in a hex digit keeps it a plausible digest: '0' ^ 0x01 == '1'.
    let mut bytes = text.clone().into_bytes();
    let i = bytes.iter().position(u8::is_ascii_hexdigit).unwrap();
    bytes[i] ^= 0x01;
    std::fs::write(&sidecar, &bytes).unwrap();
    let v = damaged_verify(&archive);
    let inventory = sidecar.with_file_name("inventory.json");
    let c = &v["corrupted"][0];
    assert_eq!(c["path"], rel(&archive, &inventory), "{v}");
    assert_eq!(
        c["expected"],
        String::from_utf8(bytes)
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap()
    );
    assert_eq!(c["actual"], text.split_whitespace().next().unwrap());
    assert!(
        v["warnings"]
            .to_string()
            .contains("does not match its sidecar"),
        "{v}"
    );
}

#[test]
fn truncated_file_is_corrupted() {
    let (_tmp, archive) = damaged_copy();
    let page = find(&archive, "content/pages/0001.json");
    let bytes = std::fs::read(&page).unwrap();
    std::fs::write(&page, &bytes[..bytes.len() / 2]).unwrap();
    let v = damaged_verify(&archive);
    assert_eq!(v["corrupted"][0]["path"], rel(&archive, &page), "{v}");
}

#[test]
fn deleted_version_directory_is_named() {
    let (_tmp, archive) = damaged_copy();
    // A correction makes v2; then v1 (which holds the scans) is deleted.
    correct_first_document(&archive);
    let v2 = find(&archive, "v2/inventory.json");
    let object = v2.parent().unwrap().parent().unwrap().to_path_buf();
    std::fs::remove_dir_all(object.join("v1")).unwrap();
    let v = damaged_verify(&archive);
    let v1_inventory = rel(&archive, &object.join("v1/inventory.json"));
    assert!(
        v["missing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == &v1_inventory),
        "{v}"
    );
    assert!(
        v["missing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m.as_str().unwrap().contains("/v1/content/originals/")),
        "{v}"
    );
    let damaged: Vec<_> = v["objects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["ok"] == false)
        .collect();
    assert_eq!(damaged.len(), 1, "{v}");
    assert!(
        damaged[0]["problems"]
            .to_string()
            .contains("version directory v1 is missing"),
        "{v}"
    );
}

#[test]
fn sample_checks_the_objects_verified_longest_ago() {
    let (_tmp, archive) = damaged_copy();
    let full = json(&run(&archive, &["verify", "--json"]));
    assert_eq!(full["objects_in_archive"], 2, "{full}");
    assert_eq!(full["objects_checked"], 2);
    assert_eq!(full["scope"], "full");
    let ids: Vec<String> = (0..3)
        .map(|_| {
            let out = run(&archive, &["verify", "--sample", "1", "--json"]);
            assert_eq!(code(&out), 0);
            let v = json(&out);
            assert_eq!(v["scope"], "sample of 1");
            assert_eq!(v["objects_checked"], 1, "{v}");
            assert!(v["files_checked"].as_u64().unwrap() > 3, "{v}");
            v["objects"][0]["id"].as_str().unwrap().to_string()
        })
        .collect();
    // Each run takes the object checked longest ago: they alternate.
    assert_ne!(ids[0], ids[1]);
    assert_eq!(ids[0], ids[2]);
    // The audit log says which objects each run checked.
    let log = json(&run(
        &archive,
        &["audit", "log", "--action", "verify", "--json"],
    ));
    let last = log["entries"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        last["detail"]["objects"],
        serde_json::json!([ids[2]]),
        "{last}"
    );
    // Damage in the object a sample checks is found.
    let damaged_object = ids[1].clone();
    let original = snapshot(&archive.join("ocfl"))
        .into_iter()
        .map(|(p, _)| p)
        .find(|p| {
            p.to_string_lossy().contains(&damaged_object)
                && p.to_string_lossy().contains("/originals/")
        })
        .unwrap();
    flip_bit(&original);
    let out = run(&archive, &["verify", "--sample", "1", "--json"]);
    assert_eq!(code(&out), 4);
    assert_eq!(json(&out)["corrupted"][0]["path"], rel(&archive, &original));
}

#[test]
fn since_checks_the_objects_changed_since() {
    let (_tmp, archive) = damaged_copy();
    let out = run(&archive, &["verify", "--since", "2000-01-01", "--json"]);
    assert_eq!(json(&out)["objects_checked"], 2);
    // Version times have whole seconds: start the change in a later second than the ingest.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let since = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    correct_first_document(&archive);
    let out = run(&archive, &["verify", "--since", &since, "--json"]);
    assert_eq!(code(&out), 0);
    let v = json(&out);
    assert_eq!(v["objects_checked"], 1, "{v}");
    assert_eq!(v["objects"][0]["head"], "v2");
    assert!(v["scope"].as_str().unwrap().starts_with("changed since"));
    let bad = run(&archive, &["verify", "--since", "last week"]);
    assert_eq!(code(&bad), 2);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a date"));
}

/// Verify reads: on a copy it changes nothing but the audit log, which only grows by its own
/// entry; on a copy that cannot be written it still verifies, and says the run went
/// unrecorded.
#[test]
#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
fn verify_changes_nothing_and_runs_on_a_read_only_copy() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, archive) = damaged_copy();
    let log = archive.join("audit/log.jsonl");
    let before: Vec<_> = snapshot(&archive)
        .into_iter()
        .filter(|(p, _)| *p != log)
        .collect();
    let log_before = std::fs::read(&log).unwrap();
    assert_eq!(code(&run(&archive, &["verify"])), 0);
    let after: Vec<_> = snapshot(&archive)
        .into_iter()
        .filter(|(p, _)| *p != log)
        .collect();
    assert!(before == after, "verify changed files of the archive");
    let log_after = std::fs::read(&log).unwrap();
    assert!(log_after.starts_with(&log_before) && log_after.len() > log_before.len());

    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("running as root: permissions cannot make the copy read-only; skipped that part");
        return;
    }
    let set_mode = |writable: bool| {
        for entry in walkdir::WalkDir::new(&archive).contents_first(true) {
            let entry = entry.unwrap();
            let mode = match (entry.file_type().is_dir(), writable) {
                (true, true) => 0o755,
                (true, false) => 0o555,
                (false, true) => 0o644,
                (false, false) => 0o444,
            };
            std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode)).unwrap();
        }
    };
    set_mode(false);
    let out = run(&archive, &["verify", "--json"]);
    set_mode(true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out)["ok"], true);
    let warnings = json(&out)["warnings"].to_string();
    assert!(
        !warnings.contains("index"),
        "the index is read too: {warnings}"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not recorded in the audit log"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A line of the audit log that is not an entry: `audit verify` names it (exit 4), and
/// `edit` and `ingest`, whose changes could not be audited, stop before they store anything.
#[test]
fn an_unreadable_audit_entry_is_named_and_writers_stop_before_storing() {
    let (tmp, archive) = damaged_copy();
    let path = archive.join("audit/log.jsonl");
    let original = std::fs::read_to_string(&path).unwrap();
    let damaged: String = original
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 1 {
                "{not json\n".to_string()
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(&path, &damaged).unwrap();
    let out = run(&archive, &["audit", "verify", "--json"]);
    assert_eq!(code(&out), 4, "{}", String::from_utf8_lossy(&out.stderr));
    let check = json(&out);
    assert!(
        check["problems"][0]
            .as_str()
            .unwrap()
            .starts_with("entry 2 is unreadable"),
        "{check}"
    );
    let out = run(&archive, &["audit", "verify"]);
    assert_eq!(code(&out), 4);
    assert!(String::from_utf8_lossy(&out.stdout).contains("BROKEN  entry 2 is unreadable"));

    let stored = snapshot(&archive.join("ocfl"));
    let id = json(&run(&archive, &["list", "--json"]))["documents"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let edit = run(&archive, &["edit", &id, "--set", "ghi_chu=x"]);
    let box_dir = tmp.path().join("hop-w");
    make_box(&box_dir, &[("hs", "hs-02-van-thu-luu-tru/1.png", "1.png")]);
    let ingest = ingest(&archive, &box_dir, 1, false);
    for out in [edit, ingest] {
        assert_eq!(code(&out), 1, "{}", String::from_utf8_lossy(&out.stdout));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("audit log") && stderr.contains("nothing was changed"),
            "{stderr}"
        );
    }
    assert!(
        snapshot(&archive.join("ocfl")) == stored,
        "a change was stored"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), damaged);
}

/// Search, list, show, history, review and the audit commands only read: on a copy the
/// process may not write they work, and leave it as it was (no lock file in index/). As
/// root, permissions do not stop writes: the commands then run as `nobody`.
#[test]
#[allow(unsafe_code)] // FFI calls, each with its SAFETY comment
fn read_commands_work_on_a_copy_that_cannot_be_written() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let (tmp, archive) = damaged_copy();
    // The lock files the writer left behind: a reader must neither need nor create them.
    for entry in std::fs::read_dir(archive.join("index")).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".lock") {
            std::fs::remove_file(path).unwrap();
        }
    }
    let id = json(&run(&archive, &["list", "--json"]))["documents"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    // A cleared auditor's account: the CLI reads as it on the copy too.
    let auditor = cleared(&archive, "auditor", "mat");
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let set_mode = |writable: bool| {
        for entry in walkdir::WalkDir::new(&archive).contents_first(true) {
            let entry = entry.unwrap();
            let mode = match (entry.file_type().is_dir(), writable) {
                (true, true) => 0o755,
                (true, false) => 0o555,
                (false, true) => 0o644,
                (false, false) => 0o444,
            };
            std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode)).unwrap();
        }
    };
    // `nobody` reaches the archive through the temporary directory.
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    set_mode(false);
    let before = snapshot(&archive);
    let reader = |args: &[&str]| {
        let mut command = sohoa();
        command.args(args).arg("--archive").arg(&archive);
        if root {
            command.uid(65534).gid(65534);
        }
        command.output().unwrap()
    };
    let search = reader(&["search", "nghi quyet", "--json"]);
    assert_eq!(
        code(&search),
        0,
        "{}",
        String::from_utf8_lossy(&search.stderr)
    );
    assert!(
        json(&search)["total"].as_u64().unwrap() >= 1,
        "{}",
        json(&search)
    );
    for args in [
        &["list", "--json"][..],
        &["show", &id, "--json"],
        &["history", &id, "--json"],
        &["review", "--json"],
        &["audit", "log", "--json"],
        &["audit", "verify", "--json"],
        &["list", "--json", "--user", &auditor],
        &["search", "nghi quyet", "--json", "--user", &auditor],
        &["audit", "log", "--json", "--user", &auditor],
    ] {
        let out = reader(args);
        assert_eq!(
            code(&out),
            0,
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let after = snapshot(&archive);
    set_mode(true);
    let created: Vec<_> = after
        .iter()
        .map(|(p, _)| p)
        .filter(|p| !before.iter().any(|(b, _)| b == *p))
        .collect();
    assert!(created.is_empty(), "created {created:?}");
    assert!(before == after, "a read command changed the archive");
}

/// `sohoa verify --json` as an auditor cleared Tối mật: the whole report, nothing left out.
fn whole_report(archive: &Path) -> std::process::Output {
    let auditor = cleared(archive, "auditor", "toi-mat");
    run(archive, &["verify", "--json", "--user", &auditor])
}
