//! `sohoa get` and `sohoa export --bagit` on a real ingest (real Tesseract): originals come
//! back byte for byte, damaged bytes are refused, bags pass `bagit.py --validate` and a
//! tampered bag fails it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::common::{
    code, copy_ingested, document_id_of, ingest, json, make_box, run, run_validator, samples,
    sohoa, validator,
};
use pipeline::store::ocfl::{FileSource, User};
use pipeline::store::Archive;

const MA_LUU_TRU: &str = "H49.61.2017.8.0000001";

/// A box with archival codes: hs-a (one PNG page, mã hồ sơ H49.61.2017.8) and hs-c (an
/// image-only multi-page PDF).
fn coded_box(parent: &Path) -> PathBuf {
    let b = parent.join("hop-07");
    make_box(
        &b,
        &[
            ("hs-a", "hs-01-nghi-quyet/02-nq.png", "1.png"),
            (
                "hs-c",
                "hs-03-thong-tri-1997/thong-tri-07.pdf",
                "thong-tri.pdf",
            ),
        ],
    );
    fs::write(
        b.join("box.json"),
        r#"{"ma_co_quan_luu_tru": "H49", "ma_phong": "61", "ten_phong": "Đảng ủy Khối các cơ quan tỉnh"}"#,
    )
    .unwrap();
    fs::write(
        b.join("hs-a/hoso.json"),
        r#"{"muc_luc_hoac_nam": "2017", "so_ho_so": "8"}"#,
    )
    .unwrap();
    b
}

/// The coded box ingested once: (its directory, archive dir, box dir, id of hs-a's
/// document, of hs-c's). Each test works on its own copy (`ingested`).
fn pristine() -> &'static (tempfile::TempDir, PathBuf, PathBuf, String, String) {
    static ARCHIVE: OnceLock<(tempfile::TempDir, PathBuf, PathBuf, String, String)> =
        OnceLock::new();
    ARCHIVE.get_or_init(|| {
        let tmp = crate::common::fixture_dir();
        let archive = tmp.path().join("archive");
        let box_dir = coded_box(tmp.path());
        let out = ingest(&archive, &box_dir, 2, true);
        assert_eq!(
            code(&out),
            0,
            "ingest failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let list = json(&run(&archive, &["list", "--json"]));
        let (a, c) = (document_id_of(&list, "hs-a"), document_id_of(&list, "hs-c"));
        (tmp, archive, box_dir, a, c)
    })
}

/// A copy of the ingested coded box and its archive in `tmp` (side by side, as ingested);
/// returns (archive dir, box dir, id of hs-a's document, of hs-c's).
fn ingested(tmp: &Path) -> (PathBuf, PathBuf, String, String) {
    let (made, _, _, a, c) = pristine();
    let (archive, box_dir) = copy_ingested(made.path(), "hop-07", tmp);
    (archive, box_dir, a.clone(), c.clone())
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Commits a fake access copy at `access/{mã lưu trữ}.pdf` as a new object version,
/// through the store API (the real PDF builder is not there yet).
fn store_fake_access_copy(archive_dir: &Path, doc_id: &str, bytes: &[u8]) {
    let archive = Archive::open(archive_dir).unwrap();
    let (object, doc) = archive.find_document(doc_id).unwrap().unwrap();
    let code = &doc.record.ma_luu_tru_tai_lieu.as_ref().unwrap().value;
    assert_eq!(code, MA_LUU_TRU);
    let mut files: BTreeMap<String, FileSource> = object
        .inventory
        .head_files()
        .into_iter()
        .map(|(logical, digest)| {
            let content = object
                .root
                .join(object.inventory.content_path(&digest).unwrap());
            (
                logical,
                FileSource::Path {
                    path: content,
                    sha256: digest,
                },
            )
        })
        .collect();
    files.insert(
        format!("access/{code}.pdf"),
        FileSource::Bytes(bytes.to_vec()),
    );
    let user = User {
        name: "test".into(),
        address: None,
    };
    archive
        .storage()
        .commit_version(&object.id, &files, "access copy (test)", &user)
        .unwrap();
}

#[test]
fn get_writes_originals_and_access_copies_verified() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, box_dir, doc_a, doc_c) = ingested(tmp.path());

    // Page 1 of hs-a: the source PNG, byte for byte.
    let out_file = tmp.path().join("page1.png");
    let out = run(
        &archive,
        &[
            "get",
            &doc_a,
            "--original",
            "--page",
            "1",
            "-o",
            out_file.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        fs::read(&out_file).unwrap(),
        fs::read(box_dir.join("hs-a/1.png")).unwrap()
    );
    assert_eq!(
        fs::read(&out_file).unwrap(),
        fs::read(samples().join("hs-01-nghi-quyet/02-nq.png")).unwrap()
    );

    // Page 2 of hs-c is the second page of a multi-page PDF: the whole file, and stderr says so.
    let out = run(
        &archive,
        &["get", &doc_c, "--original", "--page", "2", "-o", "-"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        out.stdout,
        fs::read(box_dir.join("hs-c/thong-tri.pdf")).unwrap()
    );
    assert!(
        stderr(&out).contains("the page asked for is page 2 of this"),
        "{}",
        stderr(&out)
    );

    // --json describes what was written.
    let described = json(&run(
        &archive,
        &[
            "get",
            &doc_c,
            "--original",
            "--page",
            "1",
            "-o",
            tmp.path().join("c.pdf").to_str().unwrap(),
            "--json",
        ],
    ));
    assert_eq!(described["source_file"], "hs-c/thong-tri.pdf");
    assert_eq!(described["logical_path"], "originals/hs-c/thong-tri.pdf");
    assert!(
        described["file_pages"].as_u64().unwrap() >= 2,
        "{described}"
    );

    // Errors: unknown id, page out of range (exit 1), page 0 (usage, exit 2).
    let out = run(
        &archive,
        &["get", "01NOTANID", "--original", "--page", "1", "-o", "-"],
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("no document with id 01NOTANID"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
    let out = run(
        &archive,
        &["get", &doc_a, "--original", "--page", "2", "-o", "-"],
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("there is no page 2"),
        "{}",
        stderr(&out)
    );
    let out = run(
        &archive,
        &["get", &doc_a, "--original", "--page", "0", "-o", "-"],
    );
    assert_eq!(code(&out), 2);

    // The access copy made by ingest, then a replacement stored as a new version.
    let pdf_file = tmp.path().join("doc.pdf");
    let get_pdf = || {
        run(
            &archive,
            &["get", &doc_a, "--pdf", "-o", pdf_file.to_str().unwrap()],
        )
    };
    // Ingest stored a PDF/A access copy; a replaced copy (a new version) is what `get` gives.
    let out = get_pdf();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(fs::read(&pdf_file).unwrap().starts_with(b"%PDF-1.7"));
    // The PDF's pages are JPEGs: its access copy carries them as they were scanned (no
    // recoding), so it is about the size of the original.
    let pdf_c = tmp.path().join("doc-c.pdf");
    let out = run(
        &archive,
        &["get", &doc_c, "--pdf", "-o", pdf_c.to_str().unwrap()],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let images = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&pdf_c)
        .output()
        .expect("pdfimages (poppler-utils, installed by scripts/install-deps.sh)");
    let listing = String::from_utf8_lossy(&images.stdout).into_owned();
    let encodings: Vec<&str> = listing
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().nth(8))
        .collect();
    assert!(
        !encodings.is_empty() && encodings.iter().all(|e| *e == "jpeg"),
        "{listing}"
    );
    let original_len = fs::metadata(box_dir.join("hs-c/thong-tri.pdf"))
        .unwrap()
        .len();
    let copy_len = fs::metadata(&pdf_c).unwrap().len();
    assert!(
        copy_len < original_len * 12 / 10,
        "access copy {copy_len} bytes for an original of {original_len}"
    );

    let fake_pdf = b"%PDF-1.7\n% fake access copy for the test\n%%EOF\n";
    store_fake_access_copy(&archive, &doc_a, fake_pdf);
    // The file from before is there: replaced only with --force.
    let out = get_pdf();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert!(fs::read(&pdf_file).unwrap().starts_with(b"%PDF-1.7"));
    let out = run(
        &archive,
        &[
            "get",
            &doc_a,
            "--pdf",
            "--force",
            "-o",
            pdf_file.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(fs::read(&pdf_file).unwrap(), fake_pdf);

    // Damaged stored bytes: refused, naming the stored path; nothing written.
    let archive_handle = Archive::open(&archive).unwrap();
    let (object, _) = archive_handle.find_document(&doc_a).unwrap().unwrap();
    let stored = object.root.join("v1/content/originals/hs-a/1.png");
    let mut bytes = fs::read(&stored).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    fs::write(&stored, &bytes).unwrap();
    let target = tmp.path().join("damaged.png");
    let out = run(
        &archive,
        &[
            "get",
            &doc_a,
            "--original",
            "--page",
            "1",
            "-o",
            target.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("v1/content/originals/hs-a/1.png")
            && stderr(&out).contains("does not match the inventory digest"),
        "{}",
        stderr(&out)
    );
    assert!(!target.exists());
    let out = run(
        &archive,
        &["get", &doc_a, "--original", "--page", "1", "-o", "-"],
    );
    assert_eq!(code(&out), 1);
    assert!(out.stdout.is_empty(), "damaged bytes reached stdout");
}

#[test]
fn export_makes_valid_bags_and_refuses_to_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, _box_dir, doc_a, doc_c) = ingested(tmp.path());
    let shown = json(&run(&archive, &["show", &doc_c, "--json"]));
    let object_c = shown["object"].as_str().unwrap().to_string();
    let bagit = validator("bagit.py");

    // A hồ sơ object.
    let bag = tmp.path().join("bag-c");
    let out = run(
        &archive,
        &[
            "export",
            &object_c,
            "--bagit",
            bag.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let summary = json(&out);
    assert_eq!(summary["objects"][0]["id"], object_c.as_str());
    let payload = bag.join(format!("data/{object_c}/originals/hs-c/thong-tri.pdf"));
    assert!(payload.is_file());
    for tag in [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "dublin-core.xml",
    ] {
        assert!(bag.join(tag).is_file(), "{tag}");
    }
    let info = fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    for field in [
        "Bagging-Date: ",
        "Payload-Oxum: ",
        "Bag-Software-Agent: sohoa ",
        "Source-Organization: Đảng ủy Khối các cơ quan tỉnh (H49)",
        "External-Identifier: ",
        "Bag-Size: ",
        "Internal-Sender-Description: ",
    ] {
        assert!(info.contains(field), "{field} missing:\n{info}");
    }
    if let Some(bagit) = &bagit {
        let (ok, text) = run_validator(bagit, &[Path::new("--validate"), &bag]);
        assert!(ok, "bagit.py --validate failed:\n{text}");
    }

    // The export is in the audit log.
    let log = fs::read_to_string(archive.join("audit/log.jsonl")).unwrap();
    assert!(log.contains("\"action\":\"export\""), "{log}");

    // Refuses to overwrite it.
    let before = fs::read(bag.join("manifest-sha256.txt")).unwrap();
    let out = run(
        &archive,
        &["export", &doc_a, "--bagit", bag.to_str().unwrap()],
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("refusing to overwrite"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(bag.join("manifest-sha256.txt")).unwrap(), before);

    // Tampering with one payload byte is caught by bagit.py.
    if let Some(bagit) = &bagit {
        let mut bytes = fs::read(&payload).unwrap();
        bytes[100] ^= 0x20;
        fs::write(&payload, &bytes).unwrap();
        let (ok, text) = run_validator(bagit, &[Path::new("--validate"), &bag]);
        assert!(!ok, "bagit.py accepted a tampered bag:\n{text}");
    }

    // A document with an access copy; mã hồ sơ and mã lưu trữ as external identifiers.
    store_fake_access_copy(&archive, &doc_a, b"%PDF-1.7\n%%EOF\n");
    let bag_a = tmp.path().join("bag-a");
    let out = run(
        &archive,
        &["export", &doc_a, "--bagit", bag_a.to_str().unwrap()],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let manifest = fs::read_to_string(bag_a.join("manifest-sha256.txt")).unwrap();
    assert!(
        manifest.contains(&format!("/access/{MA_LUU_TRU}.pdf")),
        "{manifest}"
    );
    let info = fs::read_to_string(bag_a.join("bag-info.txt")).unwrap();
    assert!(
        info.contains("External-Identifier: H49.61.2017.8\n"),
        "{info}"
    );
    assert!(info.contains(&format!("External-Identifier: {MA_LUU_TRU}\n")));
    if let Some(bagit) = &bagit {
        let (ok, text) = run_validator(bagit, &[Path::new("--validate"), &bag_a]);
        assert!(ok, "bagit.py --validate failed:\n{text}");
    }

    // A whole box, into an existing empty directory.
    let bag_box = tmp.path().join("bag-box");
    fs::create_dir(&bag_box).unwrap();
    let out = run(
        &archive,
        &[
            "export",
            "--box",
            "hop-07",
            "--bagit",
            bag_box.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(json(&out)["objects"].as_array().unwrap().len(), 2);
    if let Some(bagit) = &bagit {
        let (ok, text) = run_validator(bagit, &[Path::new("--validate"), &bag_box]);
        assert!(ok, "bagit.py --validate failed:\n{text}");
    }

    // Unknown box or id: exit 1, nothing created; ID and --box together: usage error.
    let nothing = tmp.path().join("nothing");
    let out = run(
        &archive,
        &[
            "export",
            "--box",
            "hop-99",
            "--bagit",
            nothing.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("hop-99"), "{}", stderr(&out));
    assert!(!nothing.exists());
    let out = sohoa()
        .args(["export", &doc_a, "--box", "hop-07", "--bagit"])
        .arg(&nothing)
        .arg("--archive")
        .arg(&archive)
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    quickwit_export(&archive, tmp.path(), &[&doc_a, &doc_c]);
}

/// `sohoa reindex --quickwit DIR`: Quickwit's index configuration and one NDJSON line per
/// page of every document, with the text pre-normalised (folded words only); never inside
/// the archive, never over existing files.
fn quickwit_export(archive: &Path, tmp: &Path, documents: &[&str]) {
    let dir = tmp.join("quickwit");
    let export = |dir: &Path| {
        sohoa()
            .args(["reindex", "--quickwit"])
            .arg(dir)
            .arg("--archive")
            .arg(archive)
            .output()
            .unwrap()
    };
    let out = export(&dir);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let config: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("index-config.json")).unwrap()).unwrap();
    assert_eq!(config["index_id"], "sohoa");
    let ndjson = fs::read_to_string(dir.join("documents.ndjson")).unwrap();
    let lines: Vec<serde_json::Value> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: std::collections::BTreeSet<&str> =
        lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, documents.iter().copied().collect());
    for line in &lines {
        let folded = line["text_folded"].as_str().unwrap();
        // Folded: lowercase, no tone marks or vowel shapes (nothing left to decompose), no đ.
        assert!(
            !folded.contains(['đ', 'Đ'])
                && folded.nfd().all(|c| {
                    !unicode_normalization::char::is_combining_mark(c) && !c.is_uppercase()
                }),
            "{folded}"
        );
    }
    assert!(lines.iter().any(|l| l["text_folded"] != ""));
    let audit = json(&run(archive, &["audit", "log", "--json"]));
    assert!(
        audit.to_string().contains("quickwit-export"),
        "the export is in the audit log"
    );
    // Again into the same directory: refused, nothing overwritten.
    let out = export(&dir);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("documents.ndjson") || stderr(&out).contains("index-config.json")
    );
    assert_eq!(
        fs::read_to_string(dir.join("documents.ndjson")).unwrap(),
        ndjson
    );
    let out = export(&archive.join("service"));
    assert_ne!(code(&out), 0);
}

/// `get -o` and `export --bagit` never write over an existing file (without `--force`) nor
/// anywhere in the archive, however the path is spelled; the archive still verifies and its
/// audit log keeps working.
#[test]
fn get_and_export_never_write_over_files_or_into_the_archive() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, box_dir, doc_a, doc_c) = ingested(tmp.path());
    let get = |doc: &str, target: &Path, extra: &[&str]| {
        let mut args = vec!["get", doc, "--pdf", "-o", target.to_str().unwrap()];
        args.extend_from_slice(extra);
        run(&archive, &args)
    };

    // An existing file is kept; --force replaces it through a temporary file.
    let mine = tmp.path().join("mine.pdf");
    fs::write(&mine, b"my own notes").unwrap();
    let out = get(&doc_a, &mine, &[]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("already exists") && stderr(&out).contains("--force"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(&mine).unwrap(), b"my own notes");
    let out = get(&doc_a, &mine, &["--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(fs::read(&mine).unwrap().starts_with(b"%PDF-1.7"));

    // Nothing in the archive, even with --force: the audit log, a stored original, a new
    // file, the archive directory itself, through a link and through `..`.
    let handle = Archive::open(&archive).unwrap();
    let (object, _) = handle.find_document(&doc_a).unwrap().unwrap();
    let stored = object.root.join("v1/content/originals/hs-a/1.png");
    assert!(stored.is_file());
    let link = tmp.path().join("archive-link");
    std::os::unix::fs::symlink(&archive, &link).unwrap();
    let log_link = tmp.path().join("log.pdf");
    std::os::unix::fs::symlink(archive.join("audit/log.jsonl"), &log_link).unwrap();
    let before = crate::common::snapshot(&archive);
    for target in [
        archive.join("audit/log.jsonl"),
        stored.clone(),
        archive.join("new.pdf"),
        archive.clone(),
        link.join("audit/log.jsonl"),
        log_link.clone(),
        box_dir.join("../archive/audit/log.jsonl"),
    ] {
        let out = get(&doc_c, &target, &["--force"]);
        assert_eq!(code(&out), 1, "{}: {}", target.display(), stderr(&out));
        assert!(
            stderr(&out).contains("inside the archive"),
            "{}: {}",
            target.display(),
            stderr(&out)
        );
    }
    // A bag anywhere in the archive, too.
    for bag in [archive.join("ocfl/bag"), link.join("exports/new-bag")] {
        let out = run(
            &archive,
            &["export", &doc_c, "--bagit", bag.to_str().unwrap()],
        );
        assert_eq!(code(&out), 1, "{}: {}", bag.display(), stderr(&out));
        assert!(
            stderr(&out).contains("inside the archive"),
            "{}",
            stderr(&out)
        );
    }
    assert!(
        crate::common::snapshot(&archive) == before,
        "the archive changed"
    );
    assert_eq!(code(&run(&archive, &["verify"])), 0);
    // The audit log is still a log: a later export is recorded and the chain verifies.
    let bag = tmp.path().join("bag");
    let out = run(
        &archive,
        &["export", &doc_c, "--bagit", bag.to_str().unwrap()],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(fs::read_to_string(archive.join("audit/log.jsonl"))
        .unwrap()
        .contains("\"action\":\"export\""));
    assert_eq!(code(&run(&archive, &["verify"])), 0);
}

/// A PDF of one empty page (A4), unique by `tag`.
fn empty_page_pdf(tag: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];
    let mut pdf = format!("%PDF-1.7\n% {tag}\n").into_bytes();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).into_bytes());
    }
    let xref = pdf.len();
    pdf.extend(b"xref\n0 4\n0000000000 65535 f \n");
    for off in offsets {
        pdf.extend(format!("{off:010} 00000 n \n").into_bytes());
    }
    pdf.extend(
        format!("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").into_bytes(),
    );
    pdf
}

/// Vietnamese file names in NFC and NFD: the second spelling of one name is refused at
/// ingest, naming both; names in either form alone are stored as they are, and the bag of
/// the box passes `bagit.py --validate`.
#[test]
fn names_in_nfc_and_nfd_are_stored_once_and_bags_validate() {
    use unicode_normalization::UnicodeNormalization;
    let tmp = tempfile::tempdir().unwrap();
    let box_dir = tmp.path().join("hop-nfd");
    let nfc = |s: &str| s.nfc().collect::<String>();
    let nfd = |s: &str| s.nfd().collect::<String>();
    let twin = "Nghị quyết.pdf";
    assert_ne!(nfc(twin), nfd(twin));
    let files = [
        (format!("hs-a/{}", nfc(twin)), "nfc twin"),
        (format!("hs-a/{}", nfd(twin)), "nfd twin"),
        (format!("hs-a/{}", nfd("Thông tri.pdf")), "nfd alone"),
        (nfd("Hồ sơ b/Công văn.pdf"), "nfd folder"),
        (format!("hs-c/{}", nfc("Báo cáo.pdf")), "nfc alone"),
    ];
    for (rel, tag) in &files {
        let path = box_dir.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, empty_page_pdf(tag)).unwrap();
    }
    let archive = tmp.path().join("archive");
    let out = ingest(&archive, &box_dir, 2, true);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let s = json(&out);
    let failures = s["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 1, "{s:#}");
    let error = failures[0]["error"].as_str().unwrap();
    assert!(error.contains("NFC/NFD"), "{error}");
    let refused = failures[0]["source_file"].as_str().unwrap();
    let kept = if refused == files[0].0 {
        &files[1].0
    } else {
        &files[0].0
    };
    assert!(refused == files[0].0 || refused == files[1].0, "{refused}");
    assert!(
        error.contains(kept.as_str()),
        "the error names both: {error}"
    );
    assert_eq!(s["pages_ok"], 4, "{s:#}");

    let bag = tmp.path().join("bag");
    let out = run(
        &archive,
        &[
            "export",
            "--box",
            "hop-nfd",
            "--bagit",
            bag.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let manifest = fs::read_to_string(bag.join("manifest-sha256.txt")).unwrap();
    for (rel, _) in [&files[2], &files[3], &files[4]] {
        assert!(
            manifest.contains(&format!("/originals/{rel}\n")),
            "{rel}: {manifest}"
        );
    }
    assert!(
        manifest.contains(&format!("/originals/{kept}\n")),
        "{manifest}"
    );
    assert!(
        !manifest.contains(&format!("/originals/{refused}\n")),
        "{manifest}"
    );
    if let Some(bagit) = validator("bagit.py") {
        let (ok, text) = run_validator(&bagit, &[Path::new("--validate"), &bag]);
        assert!(ok, "bagit.py --validate failed:\n{text}");
    }
}
