//! Fault injection across the archive's parts, with real OCR, OCFL and tantivy: `verify`
//! compares every object's head version and inventory digest with the last audit entry that
//! committed it (an original rewritten together with its inventories and sidecars, an object
//! rolled back, an object copied in from another archive, audit entries cut off), and the
//! search index's documents with the store (an index built while a Mật document was open);
//! `search` decides visibility from the stored records, not from the index.

use crate::common::*;
use std::path::{Path, PathBuf};

fn archive_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    copy_tree(&two_page_pristine().1, &archive);
    (tmp, archive)
}

/// The root of the object holding the originals of hồ sơ `hoso`.
fn object_root(archive: &Path, hoso: &str) -> PathBuf {
    let marker = format!("/v1/content/originals/{hoso}/");
    let file = snapshot(&archive.join("ocfl"))
        .into_iter()
        .map(|(p, _)| p)
        .find(|p| p.to_string_lossy().contains(&marker))
        .unwrap_or_else(|| panic!("no object holds hồ sơ {hoso}"));
    let mut root = file.as_path();
    while !root.join("0=ocfl_object_1.1").exists() {
        root = root.parent().unwrap();
    }
    root.to_path_buf()
}

fn object_id(root: &Path) -> String {
    let inventory: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("inventory.json")).unwrap()).unwrap();
    inventory["id"].as_str().unwrap().to_string()
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// Writes `inventory` to `dir/inventory.json` with a matching sidecar.
fn write_inventory(dir: &Path, inventory: &[u8]) {
    std::fs::write(dir.join("inventory.json"), inventory).unwrap();
    std::fs::write(
        dir.join("inventory.json.sha256"),
        format!("{}  inventory.json\n", sha256(inventory)),
    )
    .unwrap();
}

/// `verify --json` of a damaged archive: exit 4, and every file check passes, so only the
/// comparisons with the audit log and the index can have found the damage.
fn damaged_but_every_file_intact(archive: &Path) -> serde_json::Value {
    let out = run(archive, &["verify", "--json"]);
    let v = json(&out);
    assert_eq!(code(&out), 4, "{v:#}");
    assert_eq!(v["ok"], false);
    for key in ["missing", "corrupted", "unexpected"] {
        assert_eq!(v[key], serde_json::json!([]), "{key}: {v:#}");
    }
    assert_eq!(v["audit_chain_ok"], true);
    v
}

/// (object, kind, store version, logged version) of each audit mismatch.
fn audit_mismatches(v: &serde_json::Value) -> Vec<(String, String, String, String)> {
    let s = |x: &serde_json::Value| x.as_str().unwrap_or("").to_string();
    v["audit_mismatches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                s(&m["object"]),
                s(&m["kind"]),
                s(&m["store_version"]),
                s(&m["logged_version"]),
            )
        })
        .collect()
}

/// Cuts the audit log before its last entry with `action`; returns that entry's object.
fn cut_log_before_last(archive: &Path, action: &str) -> String {
    let path = archive.join("audit/log.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let entries: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let at = entries
        .iter()
        .rposition(|e| e["action"] == action)
        .unwrap_or_else(|| panic!("no {action} entry"));
    let kept: String = text
        .lines()
        .take(at)
        .fold(String::new(), |kept, l| kept + l + "\n");
    std::fs::write(&path, kept).unwrap();
    entries[at]["object"].as_str().unwrap().to_string()
}

/// The id of the document of hồ sơ `hoso`.
fn document_of(archive: &Path, hoso: &str) -> String {
    let list = json(&run(
        archive,
        &[
            "list",
            "--json",
            "--user",
            &cleared(archive, "auditor", "mat"),
        ],
    ));
    document_id_of(&list, hoso)
}

fn set_mat(archive: &Path, id: &str) {
    let out = run(
        archive,
        &[
            "edit",
            id,
            "--set",
            "che_do_su_dung=03",
            "--user",
            &cleared(archive, "archivist", "mat"),
            "--reason",
            "mật hóa theo công văn 7-CV",
        ],
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(code(&run(archive, &["show", id, "--json"])), 1, "now Mật");
}

#[test]
fn an_intact_archive_agrees_with_its_log_and_index_also_after_an_edit() {
    let (_tmp, archive) = archive_copy();
    let v = json(&run(&archive, &["verify", "--json"]));
    assert_eq!(v["ok"], true, "{v:#}");
    assert_eq!(v["audit_mismatches"], serde_json::json!([]));
    assert_eq!(v["index_mismatches"], serde_json::json!([]));
    set_mat(&archive, &document_of(&archive, "hs"));
    let out = run(&archive, &["verify", "--json"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn an_original_rewritten_with_its_inventories_and_sidecars_differs_from_the_log() {
    let (_tmp, archive) = archive_copy();
    let root = object_root(&archive, "hs");
    let original = root.join("v1/content/originals/hs/1.png");
    let mut bytes = std::fs::read(&original).unwrap();
    let before = sha256(&bytes);
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x10;
    std::fs::write(&original, &bytes).unwrap();
    let after = sha256(&bytes);
    for dir in [root.clone(), root.join("v1")] {
        let text = std::fs::read_to_string(dir.join("inventory.json")).unwrap();
        assert!(text.contains(&before));
        write_inventory(&dir, text.replace(&before, &after).as_bytes());
    }
    let v = damaged_but_every_file_intact(&archive);
    let id = object_id(&root);
    assert_eq!(
        audit_mismatches(&v),
        vec![(
            id.clone(),
            "inventory-differs".into(),
            "v1".into(),
            "v1".into()
        )],
        "{v:#}"
    );
    let damaged: Vec<&serde_json::Value> = v["objects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["ok"] == false)
        .collect();
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged[0]["id"], id.as_str());
    assert!(
        damaged[0]["problems"]
            .to_string()
            .contains("rewritten in place"),
        "{v:#}"
    );
    let human = String::from_utf8_lossy(&run(&archive, &["verify"]).stdout).into_owned();
    assert!(
        human.contains("audit log") && human.contains(&id),
        "{human}"
    );
    // The log itself is whole: only the comparison shows the rewrite.
    assert_eq!(code(&run(&archive, &["audit", "verify"])), 0);
}

#[test]
fn an_object_rolled_back_past_a_mat_edit_is_older_than_the_log() {
    let (_tmp, archive) = archive_copy();
    let id = document_of(&archive, "hs");
    set_mat(&archive, &id);
    let root = object_root(&archive, "hs");
    assert!(root.join("v2").is_dir());
    // Newest version deleted, the older root inventory restored with its sidecar.
    std::fs::remove_dir_all(root.join("v2")).unwrap();
    write_inventory(
        &root,
        &std::fs::read(root.join("v1/inventory.json")).unwrap(),
    );
    assert_eq!(
        code(&run(&archive, &["show", &id, "--json"])),
        0,
        "the Mật document is open again"
    );
    let v = damaged_but_every_file_intact(&archive);
    assert_eq!(
        audit_mismatches(&v),
        vec![(
            object_id(&root),
            "older-than-log".into(),
            "v1".into(),
            "v2".into()
        )],
        "{v:#}"
    );
    assert!(v["audit_mismatches"][0]["message"]
        .as_str()
        .unwrap()
        .contains("rolled back"));
    assert_eq!(code(&run(&archive, &["audit", "verify"])), 0);
}

#[test]
fn an_object_copied_in_from_another_archive_is_unknown_to_the_log() {
    let (tmp, archive) = archive_copy();
    let other_box = tmp.path().join("hop-x");
    make_box(
        &other_box,
        &[("hs-x", "hs-01-nghi-quyet/03-nq.jpg", "1.jpg")],
    );
    let other = tmp.path().join("other");
    let out = ingest(&other, &other_box, 1, false);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let foreign = object_root(&other, "hs-x");
    let target = archive.join(foreign.strip_prefix(&other).unwrap());
    copy_tree(&foreign, &target);
    let v = damaged_but_every_file_intact(&archive);
    assert_eq!(
        audit_mismatches(&v),
        vec![(
            object_id(&foreign),
            "unknown-to-log".into(),
            "v1".into(),
            String::new()
        )],
        "{v:#}"
    );
}

#[test]
fn cut_off_audit_entries_leave_objects_newer_than_the_log() {
    let (_tmp, archive) = archive_copy();
    let head = json(&run(&archive, &["audit", "verify", "--json"]))["head"]
        .as_str()
        .unwrap()
        .to_string();
    let id = document_of(&archive, "hs");
    let out = run(
        &archive,
        &["edit", &id, "--set", "trich_yeu=Về công tác lưu trữ"],
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let root = object_root(&archive, "hs");
    // The edit's entry and everything after it cut off: the chain is whole.
    assert_eq!(cut_log_before_last(&archive, "edit"), object_id(&root));
    assert_eq!(code(&run(&archive, &["audit", "verify"])), 0);
    let v = damaged_but_every_file_intact(&archive);
    assert_eq!(
        audit_mismatches(&v),
        vec![(
            object_id(&root),
            "newer-than-log".into(),
            "v2".into(),
            "v1".into()
        )],
        "{v:#}"
    );
    // A chain head recorded before the edit is still in the log: only the comparison with
    // the store shows the cut.
    let out = run(&archive, &["audit", "verify", "--head", &head]);
    assert_eq!(code(&out), 0);
}

/// A run killed between a commit and its audit entry leaves what a cut-off ingest entry
/// leaves; ingesting the same box again records the commit (marked as recorded late), and
/// verify passes. A rewritten object is not recorded that way: the box stores it anew.
#[test]
fn an_unrecorded_commit_is_recorded_when_the_same_box_is_ingested_again() {
    let (_tmp, archive) = archive_copy();
    let id = cut_log_before_last(&archive, "ingest");
    let v = damaged_but_every_file_intact(&archive);
    assert_eq!(
        audit_mismatches(&v),
        vec![(
            id.clone(),
            "unknown-to-log".into(),
            "v1".into(),
            String::new()
        )],
        "{v:#}"
    );
    let out = ingest(&archive, &two_page_pristine().2, 1, true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out)["objects_unchanged"], 2, "{}", json(&out));
    let out = run(&archive, &["verify", "--json"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    let log = json(&run(
        &archive,
        &["audit", "log", "--json", "--action", "ingest"],
    ));
    let late: Vec<&serde_json::Value> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["detail"]["recorded_late"].is_string())
        .collect();
    assert_eq!(late.len(), 1, "{log:#}");
    assert_eq!(late[0]["object"], id.as_str());
    assert_eq!(late[0]["detail"]["version"], "v1");
}

#[test]
fn an_index_where_a_mat_document_is_open_shows_it_to_no_one_uncleared_and_is_reported() {
    let (tmp, archive) = archive_copy();
    let id = document_of(&archive, "hs-b");
    let other = document_of(&archive, "hs");
    // A type, for the type facet to count it.
    let out = run(&archive, &["edit", &id, "--set", "ten_loai=NQ"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    // A word of the document that the other document lacks.
    let text = |doc: &str| {
        json(&run(
            &archive,
            &[
                "show",
                doc,
                "--json",
                "--user",
                &cleared(&archive, "auditor", "mat"),
            ],
        ))["pages"][0]["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
    };
    let (mine, theirs) = (text(&id), text(&other));
    let word = mine
        .split(|c: char| !c.is_alphabetic())
        .find(|w| w.chars().count() >= 6 && !theirs.contains(w))
        .expect("a distinctive word")
        .to_string();
    let phrase = format!("\"{word}\"");
    let cleared_user = cleared(&archive, "auditor", "mat");
    let search = |clearance: bool| {
        let mut args = vec!["search", phrase.as_str(), "--json"];
        if clearance {
            args.extend(["--user", cleared_user.as_str()]);
        }
        json(&run(&archive, &args))
    };
    let hit_ids = |results: &serde_json::Value| -> Vec<String> {
        let hits = results["hits"].as_array().unwrap();
        hits.iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    };
    let before = search(false);
    assert!(hit_ids(&before).contains(&id), "{phrase}: {before:#}");
    let total = before["total"].as_u64().unwrap();
    // The facet count of its type.
    let doc_type = before["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == id.as_str())
        .unwrap()["doc_type"]
        .clone();
    let type_count = |results: &serde_json::Value| -> i64 {
        let facets = results["facets"]["type"].as_array().unwrap();
        facets
            .iter()
            .find(|f| f["value"] == doc_type)
            .map_or(0, |f| f["count"].as_i64().unwrap())
    };
    assert!(type_count(&before) > 0, "{before:#}");

    // The index of the archive while the document was open, put back after the edit.
    let open_index = tmp.path().join("open-index");
    copy_tree(&archive.join("index"), &open_index);
    set_mat(&archive, &id);
    std::fs::remove_dir_all(archive.join("index")).unwrap();
    copy_tree(&open_index, &archive.join("index"));

    let public = search(false);
    assert!(!hit_ids(&public).contains(&id), "{public:#}");
    assert_eq!(public["total"].as_u64().unwrap(), total - 1, "{public:#}");
    assert_eq!(
        type_count(&public),
        type_count(&before) - 1,
        "facets count it: {public:#}"
    );
    let human = run(&archive, &["search", &phrase]);
    let shown = String::from_utf8_lossy(&human.stdout);
    assert!(!shown.contains(&id), "{shown}");
    // A cleared reader finds it, marked restricted by the store, and the read is audited.
    let cleared = search(true);
    assert_eq!(cleared["total"].as_u64().unwrap(), total, "{cleared:#}");
    let hit = cleared["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == id.as_str())
        .expect("a cleared reader finds it");
    assert_eq!(hit["restricted"], true, "{cleared:#}");
    let reads = json(&run(
        &archive,
        &[
            "audit",
            "log",
            "--json",
            "--action",
            "read-mat",
            "--user",
            &cleared_user,
        ],
    ));
    assert!(reads.to_string().contains(&id), "{reads:#}");

    // An auditor without clearance is told there is a disagreement, not which document.
    let out = run(&archive, &["verify", "--json"]);
    let v = json(&out);
    assert_eq!(code(&out), 4, "{v:#}");
    assert_eq!(v["index_mismatches"], serde_json::json!([]), "{v:#}");
    assert_eq!(v["not_named"]["index_mismatches"], 1, "{v:#}");
    assert!(!v.to_string().contains(&id), "{v:#}");
    let out = run(
        &archive,
        &[
            "verify",
            "--json",
            "--user",
            &crate::common::cleared(&archive, "auditor", "mat"),
        ],
    );
    let v = json(&out);
    assert_eq!(code(&out), 4, "{v:#}");
    assert_eq!(v["audit_mismatches"], serde_json::json!([]), "{v:#}");
    let mismatches = v["index_mismatches"].as_array().unwrap();
    assert_eq!(mismatches.len(), 1, "{v:#}");
    assert_eq!(mismatches[0]["document"], id.as_str());
    assert_eq!(mismatches[0]["kind"], "open-in-index-restricted-in-store");
    // Rebuilt from the store, the index agrees again.
    assert_eq!(code(&run(&archive, &["reindex"])), 0);
    assert_eq!(code(&run(&archive, &["verify"])), 0);
}

/// Flips one byte in the middle of `file`.
fn flip_a_byte(file: &Path) {
    let mut bytes = std::fs::read(file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x10;
    std::fs::write(file, &bytes).unwrap();
}

/// Damage to an object holding only a Mật document: an auditor without clearance learns
/// that there is damage (exit 4, `ok` false, counts in `not_named`) but not the object, the
/// document, its title or số ký hiệu, or the original's file name, in the JSON or the human
/// report or the audit log's verify entries; the same auditor is told everything about
/// damage to an open object; a cleared auditor is told everything.
#[test]
fn verify_names_to_an_auditor_only_what_their_clearance_covers() {
    let (_tmp, archive) = archive_copy();
    let mat = document_of(&archive, "hs-b");
    // A title and số ký hiệu the Mật document's record holds.
    let out = run(
        &archive,
        &[
            "edit",
            &mat,
            "--set",
            "trich_yeu=Kế hoạch phòng thủ khu vực",
            "--set",
            "so=77",
            "--set",
            "ky_hieu=KH/TU",
        ],
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    set_mat(&archive, &mat);
    let (mat_root, open_root) = (object_root(&archive, "hs-b"), object_root(&archive, "hs"));
    let mat_object = object_id(&mat_root);
    flip_a_byte(&mat_root.join("v1/content/originals/hs-b/1.png"));
    std::fs::write(mat_root.join("v1/content/originals/hs-b/notes.txt"), "x").unwrap();
    flip_a_byte(&open_root.join("v1/content/originals/hs/1.png"));
    let secrets = [
        mat.as_str(),
        mat_object.as_str(),
        "hs-b/",
        "notes.txt",
        "phòng thủ",
        "KH/TU",
    ];

    let out = run(&archive, &["verify", "--json"]);
    let v = json(&out);
    assert_eq!(code(&out), 4, "{v:#}");
    assert_eq!(v["ok"], false);
    let shown = v.to_string();
    for secret in secrets {
        assert!(!shown.contains(secret), "{secret} named: {v:#}");
    }
    // The open object's damage is named in full.
    let corrupted = v["corrupted"].as_array().unwrap();
    assert_eq!(corrupted.len(), 1, "{v:#}");
    assert!(corrupted[0]["path"]
        .as_str()
        .unwrap()
        .ends_with("/v1/content/originals/hs/1.png"));
    assert_eq!(v["objects"].as_array().unwrap().len(), 1, "{v:#}");
    assert_eq!(v["objects"][0]["id"], object_id(&open_root).as_str());
    assert_eq!(
        v["not_named"],
        serde_json::json!({
            "objects": 1, "damaged_objects": 1, "missing": 0, "corrupted": 1,
            "unexpected": 1, "audit_mismatches": 0, "index_mismatches": 0, "warnings": 0,
        }),
        "{v:#}"
    );
    assert_eq!(v["objects_checked"], 2, "the totals are the run's");
    let human = run(&archive, &["verify"]);
    assert_eq!(code(&human), 4);
    let human = String::from_utf8_lossy(&human.stdout).into_owned();
    for secret in secrets {
        assert!(!human.contains(secret), "{secret} named: {human}");
    }
    assert!(
        human.contains("not named   2 findings and 1 objects (1 damaged)"),
        "{human}"
    );
    let runs = run(&archive, &["audit", "log", "--action", "verify", "--json"]);
    let runs = String::from_utf8_lossy(&runs.stdout).into_owned();
    assert!(runs.contains("damaged"), "{runs}");
    assert!(!runs.contains(&mat_object), "{runs}");
    // A Mật clearance covers the document: everything is named.
    let out = run(
        &archive,
        &[
            "verify",
            "--json",
            "--user",
            &cleared(&archive, "auditor", "mat"),
        ],
    );
    let v = json(&out);
    assert_eq!(code(&out), 4, "{v:#}");
    assert_eq!(v["corrupted"].as_array().unwrap().len(), 2, "{v:#}");
    assert_eq!(v["unexpected"].as_array().unwrap().len(), 1, "{v:#}");
    assert_eq!(v["objects"].as_array().unwrap().len(), 2, "{v:#}");
    assert_eq!(v["not_named"]["objects"], 0, "{v:#}");
    let shown = v.to_string();
    for secret in [mat_object.as_str(), "hs-b/1.png", "notes.txt"] {
        assert!(shown.contains(secret), "{secret} not named: {v:#}");
    }
}

/// The exit code and stderr of a command, with `id` written as `ID`: what tells an answer
/// for one id from the answer for another.
fn answer(out: &std::process::Output, id: &str) -> (i32, String) {
    (
        code(out),
        String::from_utf8_lossy(&out.stderr).replace(id, "ID"),
    )
}

/// The holes the gate closes: `history` and `edit` of a Mật document without clearance
/// (which on the old CLI printed its history and declassified it for everyone), an access
/// change without a reason, and `show --version` of a version in which the document was Mật
/// (the old CLI checked the head only).
#[test]
fn mat_documents_are_unknown_to_history_edit_and_old_versions_without_clearance() {
    let (_tmp, archive) = archive_copy();
    let mat = document_of(&archive, "hs");
    let other = document_of(&archive, "hs-b");
    let unknown = "01KNOWNTONOONE00000000000";
    set_mat(&archive, &mat);
    for args in [
        vec!["history"],
        vec!["history", "--json"],
        vec!["edit", "--set", "che_do_su_dung=01"],
        vec!["edit", "--set", "che_do_su_dung=01", "--reason", "giải mật"],
        vec!["edit", "--set", "trich_yeu=Về việc khác"],
        vec!["show", "--version", "v1"],
        vec!["get", "--pdf", "-o", "-"],
    ] {
        let with = |id: &str| {
            let mut a = args.clone();
            a.insert(1, id);
            run(&archive, &a)
        };
        let (hidden, missing) = (with(&mat), with(unknown));
        assert_ne!(code(&hidden), 0, "{args:?}");
        assert_eq!(answer(&hidden, &mat), answer(&missing, unknown), "{args:?}");
        assert!(hidden.stdout.is_empty(), "{args:?}");
    }
    // Nothing was declassified: a search without clearance still does not find it.
    let title = json(&run(
        &archive,
        &[
            "show",
            &mat,
            "--json",
            "--user",
            &cleared(&archive, "auditor", "mat"),
        ],
    ))["title"]
        .as_str()
        .unwrap()
        .to_string();
    let hits = json(&run(&archive, &["search", &title, "--json"]));
    assert!(
        hits["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["id"] != mat.as_str()),
        "{hits:#}"
    );
    // With clearance, an access change still needs a reason; with one, it is recorded.
    let no_reason = run(
        &archive,
        &[
            "edit",
            &mat,
            "--set",
            "che_do_su_dung=01",
            "--user",
            &cleared(&archive, "archivist", "mat"),
        ],
    );
    assert_eq!(code(&no_reason), 1);
    assert!(String::from_utf8_lossy(&no_reason.stderr).contains("--reason"));
    assert_eq!(
        code(&run(
            &archive,
            &[
                "history",
                &mat,
                "--user",
                &cleared(&archive, "auditor", "mat")
            ]
        )),
        0
    );
    // `other` is Mật in v2 and open again in v3: v2 is hidden from the uncleared, v1 and
    // the head are not.
    set_mat(&archive, &other);
    let declassify = run(
        &archive,
        &[
            "edit",
            &other,
            "--set",
            "che_do_su_dung=01",
            "--user",
            &cleared(&archive, "archivist", "mat"),
            "--reason",
            "giải mật theo quyết định 3-QĐ",
        ],
    );
    assert_eq!(
        code(&declassify),
        0,
        "{}",
        String::from_utf8_lossy(&declassify.stderr)
    );
    assert_eq!(code(&run(&archive, &["show", &other])), 0);
    assert_eq!(
        code(&run(&archive, &["show", &other, "--version", "v1"])),
        0
    );
    let v2 = run(&archive, &["show", &other, "--version", "v2"]);
    let unknown_show = run(&archive, &["show", unknown]);
    assert_eq!(answer(&v2, &other), answer(&unknown_show, unknown));
    assert_eq!(
        code(&run(
            &archive,
            &[
                "show",
                &other,
                "--version",
                "v2",
                "--user",
                &cleared(&archive, "auditor", "mat")
            ]
        )),
        0
    );
    // The reasons are in the audit log's edit entries.
    let log = json(&run(
        &archive,
        &[
            "audit",
            "log",
            "--action",
            "edit",
            "--json",
            "--user",
            &cleared(&archive, "auditor", "mat"),
        ],
    ));
    let reasons: Vec<&str> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["detail"]["reason"].as_str())
        .collect();
    assert!(
        reasons.contains(&"giải mật theo quyết định 3-QĐ"),
        "{log:#}"
    );
}
