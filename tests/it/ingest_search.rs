//! End to end with real Tesseract and a real tantivy index: ingest a small box, then list,
//! show, search (with and without diacritics, a phrase) and verify; re-ingest changes nothing.

use crate::common::*;

#[test]
fn box_goes_in_and_is_searchable_listable_and_verifiable() {
    let tmp = tempfile::tempdir().unwrap();
    // The box's ingest (`-j 2`), made once for every test that starts from it; its summary
    // and batch report are that ingest's.
    let (archive, box_dir, summary) = small_box_ingested(tmp.path());
    assert_eq!(summary["pages_total"], 6);
    assert_eq!(summary["pages_ok"], 6);
    assert_eq!(summary["pages_failed"], 0);
    assert_eq!(summary["pages_withheld"], 0);
    assert_eq!(summary["documents"].as_array().unwrap().len(), 3);
    assert!(summary["failures"].as_array().unwrap().is_empty());
    let report_path = summary["report"].as_str().unwrap();
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(report_path).unwrap()).unwrap();
    let outcomes: Vec<&str> = report["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes.len(), 6);
    assert_eq!(
        outcomes.iter().filter(|o| **o == "blank").count(),
        1,
        "the blank back is detected: {outcomes:?}"
    );

    // list
    let list = json(&run(&archive, &["list", "--json"]));
    let docs = list["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    for d in docs {
        for key in ["id", "hoso", "title", "doc_type", "page_count"] {
            assert!(d.get(key).is_some(), "{key} in {d}");
        }
    }
    let pdf_doc = docs.iter().find(|d| d["hoso"] == "hs-c").unwrap();
    assert_eq!(pdf_doc["page_count"], 4);
    assert_eq!(pdf_doc["doc_type"], "Thông tri");

    // show: source file relative to the box root, 1-based source page, text
    let id = pdf_doc["id"].as_str().unwrap();
    let show = json(&run(&archive, &["show", id, "--json"]));
    assert_eq!(show["id"], id);
    assert_eq!(show["box"], "hop-01");
    let pages = show["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 4);
    assert_eq!(pages[1]["source_file"], "hs-c/thong-tri.pdf");
    assert_eq!(pages[1]["source_page"], 2);
    assert!(
        pages[0]["text"].as_str().unwrap().contains("lưu trữ"),
        "{}",
        pages[0]["text"]
    );
    assert!(show["metadata"].is_object());

    // the upside-down page was turned and read
    let upside = docs.iter().find(|d| d["hoso"] == "hs-a").unwrap();
    let show = json(&run(
        &archive,
        &["show", upside["id"].as_str().unwrap(), "--json"],
    ));
    let text = show["pages"][0]["text"].as_str().unwrap();
    assert!(text.contains("Phòng họp trực tuyến"), "{text}");

    // search with diacritics, without, and a phrase
    for query in [
        "phòng họp trực tuyến",
        "phong hop truc tuyen",
        "\"phòng họp trực tuyến\"",
        "\"phong hop truc tuyen\"",
    ] {
        let hits = json(&run(&archive, &["search", query, "--json"]));
        assert!(hits["total"].as_u64().unwrap() >= 1, "{query}: {hits}");
        let first = &hits["hits"][0];
        assert_eq!(first["id"], upside["id"], "{query}: {hits}");
        assert_eq!(first["pages"], serde_json::json!([1]), "{query}");
        assert!(
            first["snippet"].as_str().unwrap().contains("<b>"),
            "{query}: {first}"
        );
        for key in ["score", "title", "doc_type", "symbol", "date", "issuer"] {
            assert!(first.get(key).is_some(), "{key}");
        }
    }
    // a phrase whose words are all in the archive but never adjacent finds nothing
    let hits = json(&run(&archive, &["search", "\"tuyến phòng\"", "--json"]));
    assert_eq!(hits["total"], 0, "{hits}");
    // human output
    let out = run(&archive, &["search", "bảo vệ bí mật"]);
    assert_eq!(code(&out), 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Thông tri"));

    // verify an intact archive
    let out = run(&archive, &["verify", "--json"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    let v = json(&out);
    assert_eq!(v["ok"], true);
    assert!(v["files_checked"].as_u64().unwrap() > 10);
    assert!(v["missing"].as_array().unwrap().is_empty());

    // re-ingesting the finished box changes nothing in the store
    let before = snapshot(&archive.join("ocfl"));
    let out = ingest(&archive, &box_dir, 2, true);
    assert_eq!(code(&out), 0);
    let again = json(&out);
    assert_eq!(again["pages_recognised"], 0, "{again}");
    assert_eq!(again["objects_unchanged"], 3, "{again}");
    assert_eq!(
        again["documents"], summary["documents"],
        "document ids are persistent"
    );
    assert_eq!(snapshot(&archive.join("ocfl")), before);

    // the index is derived: verify warns about gaps, reindex rebuilds it from the store
    std::fs::remove_dir_all(archive.join("index")).unwrap();
    let v = json(&run(&archive, &["verify", "--json"]));
    assert_eq!(v["ok"], true, "index gaps are warnings, not damage");
    assert_eq!(v["warnings"].as_array().unwrap().len(), 3, "{v}");
    let out = run(&archive, &["reindex"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let hits = json(&run(
        &archive,
        &["search", "phong hop truc tuyen", "--json"],
    ));
    assert_eq!(hits["hits"][0]["id"], upside["id"]);

    // An index written by another version of sohoa (here: one field fewer in its schema) is
    // rebuilt from the store by the first command that needs it.
    let meta_path = archive.join("index/meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta_path).unwrap()).unwrap();
    meta["schema"]
        .as_array_mut()
        .unwrap()
        .retain(|f| f["name"] != "do_mat");
    std::fs::write(&meta_path, serde_json::to_vec(&meta).unwrap()).unwrap();
    let out = run(&archive, &["search", "phong hop truc tuyen", "--json"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out)["hits"][0]["id"], upside["id"]);
    let meta = std::fs::read_to_string(&meta_path).unwrap();
    assert!(
        meta.contains("\"do_mat\""),
        "the rebuilt index has the current schema"
    );
}

#[test]
fn a_changed_page_makes_a_new_version_and_keeps_the_old_one() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-02");
    make_box(&box_dir, &[("hs", "hs-02-van-thu-luu-tru/2.png", "1.png")]);
    let archive = tmp.path().join("archive");
    let first = json(&ingest(&archive, &box_dir, 1, true));
    make_box(&box_dir, &[("hs", "hs-02-van-thu-luu-tru/6.jpg", "2.jpg")]);
    let out = ingest(&archive, &box_dir, 1, true);
    assert_eq!(code(&out), 0);
    let second = json(&out);
    assert_eq!(second["objects_updated"], 1, "{second}");
    assert_eq!(
        second["pages_recognised"], 1,
        "only the new page is read: {second}"
    );
    assert_eq!(
        second["documents"][0], first["documents"][0],
        "the document keeps its id (the new page, a first page, starts a second one)"
    );
    let inventories: Vec<_> = snapshot(&archive.join("ocfl"))
        .into_iter()
        .filter(|(p, _)| p.ends_with("inventory.json"))
        .map(|(p, _)| p)
        .collect();
    assert!(inventories
        .iter()
        .any(|p| p.parent().unwrap().ends_with("v1")));
    assert!(inventories
        .iter()
        .any(|p| p.parent().unwrap().ends_with("v2")));
    assert_eq!(code(&run(&archive, &["verify"])), 0);
}

#[test]
fn a_sideways_page_is_turned_upright() {
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-03");
    std::fs::create_dir_all(box_dir.join("hs")).unwrap();
    let page = image::open(samples().join("hs-02-van-thu-luu-tru/6.jpg")).unwrap();
    // turned a quarter anticlockwise, as a page fed sideways into the scanner
    image::imageops::rotate270(&page.to_rgb8())
        .save(box_dir.join("hs/1.png"))
        .unwrap();
    let archive = tmp.path().join("archive");
    let out = ingest(&archive, &box_dir, 1, false);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let list = json(&run(&archive, &["list", "--json"]));
    let id = list["documents"][0]["id"].as_str().unwrap().to_string();
    let show = json(&run(&archive, &["show", &id, "--json"]));
    let text = show["pages"][0]["text"].as_str().unwrap();
    assert!(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), "{text}");
    assert!(show["pages"][0]["confidence"].as_f64().unwrap() > 80.0);
}
