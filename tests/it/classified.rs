//! The độ mật policy, end to end with real OCR: classified documents are withheld and leave
//! no trace anywhere under the archive, in the index or in the output; approvals admit
//! MẬT / TỐI MẬT as chế độ sử dụng Mật, never TUYỆT MẬT; the other pages of a scan file
//! holding a withheld page are stored as page extracts, not lost.

use std::path::{Path, PathBuf};

use crate::common::{cleared, code, ingest, json, run, sohoa};

fn eval_hoso(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-scans/eval/tune")
        .join(name)
}

/// The distinctive strings of the classified documents of a hồ sơ, from the labelled set.
pub(crate) fn needles(hoso: &str) -> Vec<String> {
    let truth: serde_json::Value = serde_json::from_slice(
        &std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-scans/eval/tune/truth.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut out = Vec::new();
    for d in truth["documents"].as_array().unwrap() {
        if d["ho_so"] == hoso {
            for n in d["distinctive"].as_array().unwrap() {
                for s in n["needles"].as_array().unwrap() {
                    out.push(s.as_str().unwrap().to_string());
                }
            }
        }
    }
    assert!(
        !out.is_empty(),
        "the labelled set names distinctive text for {hoso}"
    );
    out
}

pub(crate) fn copy_hoso(name: &str, box_dir: &Path) {
    let dst = box_dir.join(name);
    std::fs::create_dir_all(&dst).unwrap();
    for e in std::fs::read_dir(eval_hoso(name)).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dst.join(e.file_name())).unwrap();
    }
}

/// Fails when any needle is in any file under `dir`, in `outputs`, or found by search.
pub(crate) fn assert_no_trace(
    archive: &Path,
    needles: &[String],
    outputs: &[&std::process::Output],
) {
    for entry in walkdir::WalkDir::new(archive) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        for n in needles {
            assert!(
                !bytes.windows(n.len()).any(|w| w == n.as_bytes()),
                "{n:?} leaked into {}",
                entry.path().display()
            );
        }
    }
    for out in outputs {
        for stream in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(stream);
            for n in needles {
                assert!(!text.contains(n.as_str()), "{n:?} printed by the ingest");
            }
        }
    }
    for n in needles {
        let hits = json(&run(archive, &["search", &format!("\"{n}\""), "--json"]));
        assert_eq!(hits["total"], 0, "search finds {n:?}");
    }
}

#[test]
fn classified_documents_are_withheld_without_a_trace_and_approvals_admit_only_mat() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-mat");
    copy_hoso("hs-06-tai-lieu-mat-2011", &box_dir);
    let archive = tmp.path().join("archive");
    let needles = needles("hs-06-tai-lieu-mat-2011");

    // No approval: the TUYỆT MẬT and the TỐI MẬT document are withheld, the Thông báo goes in.
    // Debug logging on, so that no log line at any level may carry their text.
    let out = run(
        &archive,
        &[
            "ingest",
            box_dir.to_str().unwrap(),
            "-j",
            "2",
            "--no-progress",
            "--json",
            "-vv",
        ],
    );
    assert_eq!(code(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    let summary = json(&out);
    assert_eq!(summary["pages_withheld"], 4, "{summary:#}");
    assert_eq!(summary["documents"].as_array().unwrap().len(), 1);
    let reasons: Vec<&str> = summary["withheld"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons.iter().filter(|r| r.contains("TUYỆT MẬT")).count(),
        2
    );
    assert_eq!(reasons.iter().filter(|r| r.contains("TỐI MẬT")).count(), 2);
    for w in summary["withheld"].as_array().unwrap() {
        assert!(w["source_file"].as_str().unwrap().starts_with("hs-06"));
        assert!(w["source_page"].as_u64().is_some());
    }
    assert_no_trace(&archive, &needles, &[&out]);
    let audit = std::fs::read_to_string(archive.join("audit/log.jsonl")).unwrap_or_default();
    assert!(
        audit.contains("withhold"),
        "the audit log records the withholding"
    );

    // A run-wide approval admits the TỐI MẬT document as Mật; TUYỆT MẬT stays out.
    let out2 = run(
        &archive,
        &[
            "ingest",
            box_dir.to_str().unwrap(),
            "-j",
            "2",
            "--no-progress",
            "--json",
            "--approval",
            "12-CV/VPTU",
        ],
    );
    assert_eq!(code(&out2), 3);
    let summary = json(&out2);
    assert_eq!(summary["pages_withheld"], 2, "{summary:#}");
    // Without --clearance, the summary does not name the document admitted as Mật; the
    // report under the archive does.
    assert_eq!(
        summary["documents"].as_array().unwrap().len(),
        1,
        "{summary:#}"
    );
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(summary["report"].as_str().unwrap()).unwrap())
            .unwrap();
    let docs = report["summary"]["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    // Accounts cleared for Tối mật and for Mật.
    let toi_mat = cleared(&archive, "auditor", "toi-mat");
    let mat = cleared(&archive, "auditor", "mat");
    let mut restricted = 0;
    for id in docs {
        let show = json(&run(
            &archive,
            &["show", id.as_str().unwrap(), "--json", "--user", &toi_mat],
        ));
        if show["metadata"]["che_do_su_dung"]["value"] == "03" {
            restricted += 1;
            assert_eq!(show["metadata"]["do_mat"]["value"], "Tối mật", "{show:#}");
        }
    }
    assert_eq!(restricted, 1);

    // Restricted documents need a clearance covering them on every read path: this one is
    // Tối mật, so a Mật clearance does not see it either.
    let restricted_id = docs
        .iter()
        .map(|d| d.as_str().unwrap())
        .find(|id| {
            json(&run(&archive, &["show", id, "--json", "--user", &toi_mat]))["metadata"]
                ["che_do_su_dung"]["value"]
                == "03"
        })
        .unwrap();
    let list = json(&run(&archive, &["list", "--json"]));
    assert_eq!(list["documents"].as_array().unwrap().len(), 1);
    let list = json(&run(&archive, &["list", "--json", "--user", &mat]));
    assert_eq!(list["documents"].as_array().unwrap().len(), 1);
    let list = json(&run(&archive, &["list", "--json", "--user", &toi_mat]));
    assert_eq!(list["documents"].as_array().unwrap().len(), 2);
    assert!(
        !String::from_utf8_lossy(&out2.stdout).contains(restricted_id),
        "the ingest summary names the Mật document"
    );
    assert_eq!(code(&run(&archive, &["show", restricted_id, "--json"])), 1);
    let pdf = tmp.path().join("r.pdf");
    let get = |extra: &[&str]| {
        let mut args = vec!["get", restricted_id, "--pdf", "-o", pdf.to_str().unwrap()];
        args.extend_from_slice(extra);
        code(&run(&archive, &args))
    };
    assert_eq!(get(&[]), 1);
    // Without clearance, every read answers exactly as for an id that does not exist.
    let answer = |args: &[&str], id: &str| {
        let args: Vec<String> = args.iter().map(|a| a.replace("ID", id)).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&archive, &args);
        (
            code(&out),
            String::from_utf8_lossy(&out.stderr).replace(id, "ID"),
            out.stdout.len(),
        )
    };
    let other = tmp.path().join("other.pdf");
    for args in [
        vec!["show", "ID"],
        vec!["show", "ID", "--json"],
        vec!["get", "ID", "--pdf", "-o", other.to_str().unwrap()],
        vec!["get", "ID", "--pdf", "-o", "-"],
        vec!["get", "ID", "--original", "--page", "1", "-o", "-"],
    ] {
        assert_eq!(
            answer(&args, restricted_id),
            answer(&args, "01NOSUCHID0000000000000000"),
            "{args:?}"
        );
    }
    assert!(!other.exists());
    assert_eq!(get(&["--user", &toi_mat]), 0);
    let bag = tmp.path().join("bag");
    let export = |extra: &[&str]| {
        let mut args = vec![
            "export",
            "--box",
            "hop-mat",
            "--bagit",
            bag.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        code(&run(&archive, &args))
    };
    // Without clearance, the box holds the open document only, as if the Tối mật one were
    // not stored: by the box and by its hồ sơ object alike.
    let object = json(&run(
        &archive,
        &["show", restricted_id, "--json", "--user", &toi_mat],
    ))["object"]
        .as_str()
        .unwrap()
        .to_string();
    let holds_no_trace = |bag: &std::path::Path| {
        for entry in walkdir::WalkDir::new(bag) {
            let entry = entry.unwrap();
            assert!(
                !entry.path().to_string_lossy().contains(restricted_id),
                "{}",
                entry.path().display()
            );
            if entry.file_type().is_file() {
                let bytes = std::fs::read(entry.path()).unwrap();
                assert!(
                    !String::from_utf8_lossy(&bytes).contains(restricted_id),
                    "{} names the hidden document",
                    entry.path().display()
                );
            }
        }
    };
    assert_eq!(export(&[]), 0);
    holds_no_trace(&bag);
    let by_object = tmp.path().join("bag-object");
    let out = run(
        &archive,
        &["export", &object, "--bagit", by_object.to_str().unwrap()],
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    holds_no_trace(&by_object);
    assert_eq!(
        std::fs::read_to_string(bag.join("manifest-sha256.txt")).unwrap(),
        std::fs::read_to_string(by_object.join("manifest-sha256.txt")).unwrap()
    );
    std::fs::remove_dir_all(&bag).unwrap();
    // The Tối mật document itself is answered like one that is not there.
    let out = run(
        &archive,
        &["export", restricted_id, "--bagit", bag.to_str().unwrap()],
    );
    assert_eq!(code(&out), 1);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).replace(restricted_id, "ID"),
        {
            let unknown = run(
                &archive,
                &["export", "01NOSUCHID", "--bagit", bag.to_str().unwrap()],
            );
            String::from_utf8_lossy(&unknown.stderr).replace("01NOSUCHID", "ID")
        }
    );
    assert!(!bag.exists());
    assert_eq!(export(&["--user", &toi_mat]), 0);
    // Every read of the Mật document is in the audit log (and only those).
    let reads = json(&run(
        &archive,
        &[
            "audit", "log", "--action", "read-mat", "--json", "--user", &toi_mat,
        ],
    ));
    let reads: Vec<&str> = reads["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["detail"]["read"].as_str().unwrap())
        .collect();
    assert!(
        reads.contains(&"show") && reads.contains(&"get pdf") && reads.contains(&"export"),
        "{reads:?}"
    );
    assert!(json(&run(
        &archive,
        &["audit", "log", "--action", "read-mat", "--json", "--user", &toi_mat]
    ))["entries"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["detail"]["document"] == restricted_id));
    let secret = needles
        .iter()
        .find(|n| n.contains("NV-6631"))
        .unwrap()
        .clone();
    let hits = json(&run(
        &archive,
        &["search", &format!("\"{secret}\""), "--json"],
    ));
    assert_eq!(hits["total"], 0, "{hits}");
    let hits = json(&run(
        &archive,
        &[
            "search",
            &format!("\"{secret}\""),
            "--json",
            "--user",
            &toi_mat,
        ],
    ));
    assert_eq!(hits["total"], 1, "{hits}");
    assert_eq!(hits["hits"][0]["id"], restricted_id);
    assert_eq!(hits["hits"][0]["restricted"], true);
    let reads = json(&run(
        &archive,
        &[
            "audit", "log", "--action", "read-mat", "--json", "--user", &toi_mat,
        ],
    ));
    let last = reads["entries"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["detail"]["read"], "search", "{last}");
    assert_eq!(last["detail"]["documents"][0], restricted_id);
    // The approval reference is recorded in the object's provenance events.
    let approval_recorded = walkdir::WalkDir::new(archive.join("ocfl"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.file_name().is_some_and(|n| n == "events.json"))
        .any(|p| {
            let events = std::fs::read_to_string(p).unwrap();
            events.contains("\"approval\"") && events.contains("12-CV/VPTU")
        });
    assert!(approval_recorded, "an approval event names the reference");
    // And the audit log's ingest entry names the document admitted and its approval.
    let ingests = json(&run(
        &archive,
        &[
            "audit", "log", "--action", "ingest", "--json", "--user", &toi_mat,
        ],
    ));
    assert!(
        ingests["entries"].as_array().unwrap().iter().any(|e| {
            e["detail"]["approvals"].as_array().is_some_and(|a| {
                a.iter()
                    .any(|a| a["document"] == restricted_id && a["approval"] == "12-CV/VPTU")
            })
        }),
        "{ingests}"
    );
    // Without clearance the audit log names neither the Mật document nor its approval, nor
    // does it answer for the document's id.
    for args in [
        &["audit", "log", "--json"][..],
        &["audit", "log"],
        &["audit", "log", "--json", "--object", restricted_id],
    ] {
        let out = run(&archive, args);
        assert_eq!(code(&out), 0);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            !text.contains(restricted_id) && !text.contains("12-CV/VPTU"),
            "{args:?}: {text}"
        );
    }
    // A read of Mật material that cannot be audited is refused, not just warned about.
    let log = archive.join("audit/log.jsonl");
    let log_text = std::fs::read(&log).unwrap();
    let mut damaged = log_text.clone();
    damaged.extend_from_slice(b"not an entry\n");
    std::fs::write(&log, &damaged).unwrap();
    let _ = std::fs::remove_file(&pdf);
    let phrase = format!("\"{secret}\"");
    for args in [
        vec!["show", restricted_id, "--user", &toi_mat],
        vec![
            "get",
            restricted_id,
            "--pdf",
            "-o",
            pdf.to_str().unwrap(),
            "--user",
            &toi_mat,
        ],
        vec!["search", &phrase, "--user", &toi_mat],
    ] {
        let out = run(&archive, &args);
        assert_eq!(code(&out), 1, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?} printed Mật material");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("refused") && stderr.contains("audit log"),
            "{stderr}"
        );
    }
    assert!(!pdf.exists());
    std::fs::write(&log, &log_text).unwrap();

    // The TUYỆT MẬT document's text is still nowhere.
    let tuyet_mat: Vec<String> = needles
        .iter()
        .filter(|n| n.contains("TX-8053") || n.contains("phấn đấu"))
        .cloned()
        .collect();
    assert!(!tuyet_mat.is_empty());
    assert_no_trace(&archive, &tuyet_mat, &[&out2]);

    let verify = run(&archive, &["verify", "--json"]);
    assert_eq!(
        code(&verify),
        0,
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
}

#[test]
fn other_pages_of_a_file_with_a_withheld_page_are_stored_as_page_extracts() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-1996");
    copy_hoso("hs-03-tinh-uy-1996", &box_dir);
    let archive = tmp.path().join("archive");
    let out = ingest(&archive, &box_dir, 2, true);
    assert_eq!(code(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    let summary = json(&out);
    assert_eq!(summary["pages_withheld"], 1, "{summary:#}");
    assert_eq!(
        summary["documents"].as_array().unwrap().len(),
        2,
        "{summary:#}"
    );
    assert_no_trace(&archive, &needles("hs-03-tinh-uy-1996"), &[&out]);

    // The PDF holding the TỐI MẬT page is not stored; the admitted pages are, as PNGs.
    let pdf = std::fs::read(box_dir.join("hs-03-tinh-uy-1996/tinh-uy-1996.pdf")).unwrap();
    let stored: Vec<PathBuf> = walkdir::WalkDir::new(archive.join("ocfl"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.is_file())
        .collect();
    assert!(stored.iter().all(|p| std::fs::read(p).unwrap() != pdf));
    let extracts: Vec<&PathBuf> = stored
        .iter()
        .filter(|p| p.to_string_lossy().contains("/extracts/"))
        .collect();
    assert!(extracts.len() >= 3, "{extracts:?}");

    // A page extract comes back out like an original.
    let doc = summary["documents"][0].as_str().unwrap();
    let got = sohoa()
        .args([
            "get",
            doc,
            "--original",
            "--page",
            "1",
            "-o",
            "-",
            "--archive",
        ])
        .arg(&archive)
        .output()
        .unwrap();
    assert_eq!(code(&got), 0, "{}", String::from_utf8_lossy(&got.stderr));
    assert!(got.stdout.starts_with(b"\x89PNG"));
    let verify = run(&archive, &["verify", "--json"]);
    assert_eq!(
        code(&verify),
        0,
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
}

/// Files under `dir` holding `needle`.
fn files_holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let bytes = std::fs::read(e.path()).unwrap();
            bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        })
        .map(|e| e.path().to_path_buf())
        .collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// A hồ sơ whose only document is TUYỆT MẬT (a marked first page and a continuation page):
/// nothing of either page stays under the archive, not even in the resume cache, after a
/// run with two workers (the continuation may finish first) and after a rerun that finds
/// the continuation in the cache an earlier run left (as versions before the fix did).
#[test]
fn no_text_of_a_withheld_hoso_stays_in_staging_after_a_run_or_a_rerun() {
    let tmp = tempfile::tempdir().unwrap();
    let source = eval_hoso("hs-06-tai-lieu-mat-2011");
    let box_dir = tmp.path().join("hop-tm");
    let hoso = box_dir.join("hs-tm");
    std::fs::create_dir_all(&hoso).unwrap();
    for page in ["1.jpg", "2.jpg"] {
        std::fs::copy(source.join(page), hoso.join(page)).unwrap();
    }

    // The continuation page read on its own (a hồ sơ of its own in another archive): its
    // record is what a resume cache entry for it holds.
    let alone_box = tmp.path().join("hop-tm-alone");
    std::fs::create_dir_all(alone_box.join("hs-tm")).unwrap();
    std::fs::copy(source.join("2.jpg"), alone_box.join("hs-tm/2.jpg")).unwrap();
    let other = tmp.path().join("other");
    let out = ingest(&other, &alone_box, 1, true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let record_path = walkdir::WalkDir::new(other.join("ocfl"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().ends_with("pages/0001.json"))
        .expect("the continuation page's record is stored")
        .into_path();
    let record: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&record_path).unwrap()).unwrap();
    let text = record["text"].as_str().unwrap();
    let needle = text
        .lines()
        .max_by_key(|l| l.chars().count())
        .unwrap()
        .trim()
        .to_string();
    assert!(
        needle.chars().count() > 20,
        "a distinctive line: {needle:?}"
    );

    let archive = tmp.path().join("archive");
    let out = ingest(&archive, &box_dir, 2, true);
    assert_eq!(code(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out)["pages_withheld"], 2, "{:#}", json(&out));
    assert_eq!(files_holding(&archive, &needle), Vec::<PathBuf>::new());

    // A cache entry for the continuation, as an earlier run could leave it.
    let sha = sha256_hex(&std::fs::read(hoso.join("2.jpg")).unwrap());
    let key = sha256_hex(format!("hop-tm\nhs-tm/2.jpg\n1\n{sha}").as_bytes());
    let entry = archive.join(format!("staging/pages/{key}.json"));
    std::fs::copy(&record_path, &entry).unwrap();
    let out = ingest(&archive, &box_dir, 2, true);
    assert_eq!(code(&out), 3, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out)["pages_withheld"], 2, "{:#}", json(&out));
    assert!(
        !entry.exists(),
        "the rerun leaves the withheld page's cache entry"
    );
    assert_eq!(files_holding(&archive, &needle), Vec::<PathBuf>::new());
}
