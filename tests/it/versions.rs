//! Versions: corrections with `sohoa edit`, `sohoa history`, `show --version`, duplicate
//! scans, hOCR and Thông tư 05 flags in the stored object — on real scans, real OCR.

use crate::common::{code, ingest, json, make_box, run, snapshot};

#[test]
fn an_edit_makes_a_new_version_that_history_show_and_search_see() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-05");
    make_box(
        &box_dir,
        &[
            ("hs", "hs-02-van-thu-luu-tru/1.png", "1.png"),
            // the same scan again under another name: reported, stored once
            ("hs", "hs-02-van-thu-luu-tru/1.png", "1-copy.png"),
        ],
    );
    let archive = tmp.path().join("archive");
    let out = ingest(&archive, &box_dir, 1, true);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let summary = json(&out);
    assert_eq!(
        summary["pages_ok"], 1,
        "the copy is not stored again: {summary}"
    );
    assert!(
        summary["warnings"].as_array().unwrap().iter().any(|w| {
            let w = w.as_str().unwrap();
            w.contains("1-copy.png") && w.contains("1.png") && w.contains("same content as")
        }),
        "{summary}"
    );
    let id = summary["documents"][0].as_str().unwrap().to_string();

    // The object holds hOCR and the Thông tư 05 flags for the page.
    let files = snapshot(&archive.join("ocfl"));
    let hocr = files
        .iter()
        .find(|(p, _)| p.ends_with("content/pages/0001.hocr"))
        .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
        .expect("hOCR stored");
    assert!(hocr.contains("class=\"ocrx_word\""), "{hocr}");
    assert!(hocr.contains("x_wconf"));
    let page = files
        .iter()
        .find(|(p, _)| p.ends_with("content/pages/0001.json"))
        .map(|(_, b)| serde_json::from_slice::<serde_json::Value>(b).unwrap())
        .unwrap();
    assert!(
        page["conformance"]["below_24_bit_colour"].is_boolean(),
        "{page}"
    );

    // The access copy: a PDF/A whose text layer gives back the OCR text.
    let pdf = tmp.path().join("copy.pdf");
    let got = run(
        &archive,
        &["get", &id, "--pdf", "-o", pdf.to_str().unwrap()],
    );
    assert_eq!(code(&got), 0, "{}", String::from_utf8_lossy(&got.stderr));
    let qpdf = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .expect("qpdf is installed (scripts/install-deps.sh)");
    assert!(
        qpdf.status.success(),
        "{}",
        String::from_utf8_lossy(&qpdf.stdout)
    );
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed");
    let text = String::from_utf8_lossy(&text.stdout);
    let shown = json(&run(&archive, &["show", &id, "--json"]));
    let first_line = shown["pages"][0]["text"]
        .as_str()
        .unwrap()
        .lines()
        .find(|l| l.split_whitespace().count() >= 3)
        .unwrap()
        .to_string();
    let first_word = first_line.split_whitespace().next().unwrap();
    assert!(text.contains(first_word), "{first_word:?} not in {text}");

    // A correction is a new version; the old value stays retrievable.
    let before = json(&run(&archive, &["show", &id, "--json"]));
    let edited = run(
        &archive,
        &[
            "edit",
            &id,
            "--set",
            "trich_yeu=Về việc chấn chỉnh công tác lưu trữ hồ sơ",
            "--set",
            "ngay_ban_hanh=1998-04-15",
            "--actor",
            "lưu trữ viên",
            "--json",
        ],
    );
    assert_eq!(
        code(&edited),
        0,
        "{}",
        String::from_utf8_lossy(&edited.stderr)
    );
    let edited = json(&edited);
    assert_eq!(edited["version"], "v2", "{edited}");
    assert_eq!(edited["changes"].as_array().unwrap().len(), 2);

    let after = json(&run(&archive, &["show", &id, "--json"]));
    assert_eq!(after["version"], "v2");
    assert_eq!(after["date"], "1998-04-15");
    assert_eq!(after["metadata"]["trich_yeu"]["source"], "given");
    assert!(after["title"]
        .as_str()
        .unwrap()
        .contains("chấn chỉnh công tác lưu trữ"));
    let old = json(&run(&archive, &["show", &id, "--version", "v1", "--json"]));
    assert_eq!(old["version"], "v1");
    assert_eq!(old["metadata"], before["metadata"]);

    let history = json(&run(&archive, &["history", &id, "--json"]));
    let versions = history["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2, "{history}");
    assert_eq!(versions[1]["user"], "lưu trữ viên");
    assert!(versions[1]["message"]
        .as_str()
        .unwrap()
        .contains("trich_yeu, ngay_ban_hanh"));
    assert!(versions[1]["modified"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p.as_str().unwrap().starts_with("metadata/documents/")));

    // The index follows the correction.
    let hits = json(&run(&archive, &["search", "luu tru", "--json"]));
    assert_eq!(hits["hits"][0]["id"].as_str(), Some(id.as_str()), "{hits}");
    assert_eq!(hits["hits"][0]["date"], "1998-04-15");

    // Re-ingesting the unchanged box keeps the correction and makes no version.
    let again = json(&ingest(&archive, &box_dir, 1, true));
    assert_eq!(again["objects_unchanged"], 1, "{again}");
    let kept = json(&run(&archive, &["show", &id, "--json"]));
    assert_eq!(kept["version"], "v2");
    assert_eq!(kept["date"], "1998-04-15");

    // Re-OCR: the same models read the same text (no version); other models make one.
    let box_arg = box_dir.to_str().unwrap();
    let same = json(&run(
        &archive,
        &[
            "ingest",
            box_arg,
            "--reocr",
            "-j",
            "1",
            "--no-progress",
            "--json",
        ],
    ));
    assert_eq!(same["pages_recognised"], 1, "{same}");
    assert_eq!(same["objects_unchanged"], 1, "{same}");
    let other = json(&run(
        &archive,
        &[
            "ingest",
            box_arg,
            "--reocr",
            "--lang",
            "Vietnamese",
            "-j",
            "1",
            "--no-progress",
            "--json",
        ],
    ));
    assert_eq!(other["objects_updated"], 1, "{other}");
    let reread = json(&run(&archive, &["show", &id, "--json"]));
    assert_eq!(reread["version"], "v3");
    assert_eq!(
        reread["date"], "1998-04-15",
        "the correction survives re-OCR"
    );
    let v2 = json(&run(&archive, &["show", &id, "--version", "v2", "--json"]));
    assert_ne!(v2["pages"][0]["text"], reread["pages"][0]["text"]);

    // Bad settings are usage errors naming the problem; nothing is written.
    let bad = run(&archive, &["edit", &id, "--set", "no_such_key=1"]);
    assert_eq!(code(&bad), 2);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no_such_key"));
    let bad_date = run(
        &archive,
        &["edit", &id, "--set", "ngay_ban_hanh=1998-02-30"],
    );
    assert_eq!(code(&bad_date), 2);
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("ngay_ban_hanh"));
    let missing = run(&archive, &["edit", "01NOSUCHID", "--set", "ghi_chu=x"]);
    assert_eq!(code(&missing), 1);
    let gone = run(&archive, &["show", &id, "--version", "v9"]);
    assert_eq!(code(&gone), 1);
    assert!(String::from_utf8_lossy(&gone.stderr).contains("v9"));
    assert_eq!(
        json(&run(&archive, &["history", &id, "--json"]))["versions"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(code(&run(&archive, &["verify"])), 0);
}
