//! Corrections of the split on a hồ sơ stored as ingest stores one: page records (text
//! layers, so no OCR runs), PNG scans, documents catalogued by [`catalog::build_hoso`], the
//! real OCFL store, access copies and tantivy index.

use std::path::Path;

use archive_schema::HoSoSidecar;

use super::*;
use crate::catalog::{build_hoso, DocumentPlan};
use crate::discover::HoSoSource;
use crate::gate::{Principal, Role};
use crate::policy::Level;
use crate::store::records::{
    ConformanceRecord, Event, FileFormat, TechnicalRecord, TextSource, ORIGINALS_DIR,
};

const WIDTH: u32 = 120;
const HEIGHT: u32 = 170;

/// The texts of the hồ sơ's pages: two documents of two pages each, then one of one page.
fn texts() -> Vec<String> {
    vec![
        "ĐẢNG BỘ TỈNH SƠN HÀ\nSố 12-NQ/TU\nNGHỊ QUYẾT\nvề phát triển nghề dệt thổ cẩm\nCác cấp ủy cần chú trọng".into(),
        "tiếp tục bảo tồn khung cửi truyền thống của đồng bào\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nLò Văn Khánh".into(),
        "ĐẢNG BỘ TỈNH SƠN HÀ\nSố 40-CV/TU\nCÔNG VĂN\nvề việc kiểm kê hồ sơ lưu trữ\nKính gửi các huyện ủy".into(),
        "danh mục lưu trữ rừng phòng hộ sông Đà\nT/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\nHà Thị Mơ".into(),
        "ĐẢNG BỘ TỈNH SƠN HÀ\nSố 7-TB/TU\nTHÔNG BÁO\nkết luận hội nghị về mùa lúa nương".into(),
    ]
}

fn png() -> Vec<u8> {
    let mut image = image::GrayImage::from_pixel(WIDTH, HEIGHT, image::Luma([255]));
    for x in 10..100 {
        image.put_pixel(x, 20, image::Luma([0]));
    }
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}

fn page(number: u32, text: &str, sha256: &str) -> PageRecord {
    PageRecord {
        number,
        source_file: format!("hs-1/{number}.png"),
        source_page: 1,
        source_sha256: sha256.to_string(),
        technical: TechnicalRecord {
            format: FileFormat::Png,
            width: WIDTH,
            height: HEIGHT,
            dpi: Some(300.0),
            bits_per_sample: 8,
            samples_per_pixel: 1,
            compression: "deflate".into(),
        },
        conformance: ConformanceRecord::default(),
        preprocess: None,
        text_source: TextSource::TextLayer,
        text: text.to_string(),
        mean_confidence: 100.0,
        words: Vec::new(),
        ocr: None,
        header_ink: Vec::new(),
        closing_reading: None,
        closing_reading_as_scanned: None,
        page_extract: None,
    }
}

/// Stores the hồ sơ `texts` split as `plans` (as ingest would), indexes it and records
/// its ingest; returns the archive and the object id.
fn stored(dir: &Path, texts: &[String], plans: &[DocumentPlan]) -> (Archive, String) {
    let archive = Archive::open_or_create(&dir.join("archive")).unwrap();
    let scan = png();
    let sha = crate::store::fsio::sha256_bytes(&scan);
    let pages: Vec<PageRecord> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| page(i as u32 + 1, t, &sha))
        .collect();
    let source = HoSoSource {
        path: "hs-1".into(),
        dir: dir.join("hs-1"),
        sidecar: Some(HoSoSidecar {
            ma_phong: Some("61".into()),
            ..Default::default()
        }),
        rejected: None,
        files: Vec::new(),
    };
    let object_id = ulid::Ulid::new().to_string();
    let built = build_hoso(&object_id, "hop-1", None, &source, &pages, plans, None).unwrap();
    let mut files = built.files;
    for p in &pages {
        files.insert(
            format!("{ORIGINALS_DIR}{}", p.source_file),
            FileSource::Bytes(scan.clone()),
        );
    }
    let scan_file = dir.join("scan.png");
    std::fs::write(&scan_file, &scan).unwrap();
    let original =
        |_: &PageRecord| Some(PageImageSource::File(scan_file.clone(), ScanFormat::Png, 1));
    for doc in &built.documents {
        let doc_pages: Vec<&PageRecord> =
            doc.pages.iter().map(|n| &pages[*n as usize - 1]).collect();
        let now = chrono::Utc::now().fixed_offset();
        let pdf = crate::access::build(doc, &doc_pages, &original, now, &StageClock::default());
        files.insert(
            crate::access::access_path(doc),
            FileSource::Bytes(pdf.unwrap()),
        );
    }
    let user = User {
        name: "test".into(),
        address: None,
    };
    let outcome = archive
        .storage()
        .commit_version(&object_id, &files, "ingest", &user)
        .unwrap();
    let CommitOutcome::Committed {
        version,
        inventory_sha256,
    } = outcome
    else {
        panic!("committed")
    };
    archive
        .audit()
        .append(
            "test",
            "ingest",
            Some(&object_id),
            serde_json::json!({"version": version, "inventory_sha256": inventory_sha256}),
        )
        .unwrap();
    let entries = catalog::index_entries("hop-1", "hs-1", &built.documents, &pages);
    catalog::open_index(&archive)
        .unwrap()
        .replace_documents(&entries)
        .unwrap();
    (archive, object_id)
}

fn plan(pages: &[u32]) -> DocumentPlan {
    DocumentPlan {
        pages: pages.to_vec(),
        ..Default::default()
    }
}

fn open_hoso(dir: &Path) -> (Archive, String) {
    stored(dir, &texts(), &[plan(&[1, 2]), plan(&[3, 4]), plan(&[5])])
}

fn documents(archive: &Archive, object: &str) -> Vec<DocumentRecord> {
    archive.find_object(object).unwrap().unwrap().documents
}

fn archivist() -> Principal {
    Principal::new("luu-tru-vien", [Role::Archivist], Clearance::Public)
}

#[allow(clippy::needless_pass_by_value)] // the operations are made in the call
fn correct(
    archive: &Archive,
    who: &Principal,
    object: &str,
    operation: SplitOperation,
) -> Result<SplitOutcome> {
    archive.writer(who).correct_split(&SplitRequest {
        object,
        operation: &operation,
        reason: Some("ranh giới đọc sai khi số hóa"),
    })
}

/// The documents a search of `query` finds, with the pages (within each) it hit.
fn found(archive: &Archive, query: &str) -> Vec<(String, Vec<u32>)> {
    catalog::open_index(archive)
        .unwrap()
        .search_cleared(query, 10, Clearance::ToiMat)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (h.id, h.pages))
        .collect()
}

fn pages_of(docs: &[DocumentRecord]) -> Vec<Vec<u32>> {
    docs.iter().map(|d| d.pages.clone()).collect()
}

#[test]
fn a_boundary_moves_and_both_documents_are_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let (archive, object) = open_hoso(dir.path());
    let before = documents(&archive, &object);
    // The archivist had given the first document's trích yếu.
    let given = [("trich_yeu".to_string(), "Về nghề dệt".to_string())];
    archive
        .writer(&archivist())
        .edit(&crate::gate::EditRequest {
            id: &before[0].id,
            settings: &given,
            reviewed: false,
            reason: None,
            codes: &archive_schema::CodeSets::default(),
        })
        .unwrap();
    assert_eq!(
        found(&archive, "khung cửi")[0],
        (before[0].id.clone(), vec![2])
    );

    // Page 2 belongs with the second document.
    let outcome = correct(
        &archive,
        &archivist(),
        &object,
        SplitOperation::MoveBoundary {
            document: before[1].id.clone(),
            page: 2,
        },
    )
    .unwrap();
    assert_eq!(outcome.version, "v3");
    let after = documents(&archive, &object);
    assert_eq!(pages_of(&after), vec![vec![1], vec![2, 3, 4], vec![5]]);
    // Ids: the first kept its first page, the second is the one whose boundary moved.
    let ids: Vec<&str> = after.iter().map(|d| d.id.as_str()).collect();
    let old_ids: Vec<&str> = before.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, old_ids);
    assert_eq!(outcome.changed, vec![ids[0], ids[1]]);
    assert!(outcome.created.is_empty() && outcome.removed.is_empty());
    // The given value survived the new reading; the rest was read from the new pages.
    let trich_yeu = after[0].record.trich_yeu.as_ref().unwrap();
    assert_eq!(trich_yeu.value, "Về nghề dệt");
    assert_eq!(after[0].record.so_luong_trang.as_ref().unwrap().value, 1);
    assert_eq!(after[1].record.so_luong_trang.as_ref().unwrap().value, 3);
    // The index has the moved page under its new document (its second page).
    assert_eq!(
        found(&archive, "khung cửi"),
        vec![(ids[1].to_string(), vec![1])]
    );
    // Each changed document has a new access copy holding its pages; the third kept its.
    let head = archive.find_object(&object).unwrap().unwrap();
    let v2 = head.at_version("v2").unwrap();
    for (doc, pages) in after.iter().zip([1, 3, 1]) {
        let copy = crate::export::files::stored_access_copy(&head, doc)
            .unwrap()
            .unwrap();
        let mut bytes = Vec::new();
        copy.write_to(&mut bytes).unwrap();
        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        assert_eq!(pdf.get_pages().len(), pages, "{}", doc.id);
        let old = v2.files().get(&copy.logical_path).cloned();
        assert_eq!(
            old == Some(copy.sha256.clone()),
            doc.id == ids[2],
            "only the untouched document keeps its copy"
        );
    }
    // The event and the audit entry say who, why, and the pages before and after.
    let events: Vec<Event> = head.read_json(EVENTS_PATH).unwrap();
    let event = events.last().unwrap();
    assert_eq!(event.event_type, EventType::SplitCorrection);
    assert_eq!(event.agent, "luu-tru-vien");
    assert_eq!(event.detail["reason"], "ranh giới đọc sai khi số hóa");
    assert_eq!(
        event.detail["before"][0]["pages"],
        serde_json::json!([1, 2])
    );
    assert_eq!(
        event.detail["after"][1]["pages"],
        serde_json::json!([2, 3, 4])
    );
    let entries = archive.audit().entries().unwrap();
    let entry = entries.last().unwrap();
    assert_eq!(
        (entry.action.as_str(), entry.actor.as_str()),
        (RESPLIT_ACTION, "luu-tru-vien")
    );
    assert_eq!(entry.detail["version"], "v3");
    assert_eq!(entry.detail["after"], event.detail["after"]);
    // The verifier finds the head recorded.
    let recorded = crate::store::audit::recorded_versions(&entries);
    assert_eq!(recorded[&object].version, "v3");

    // The earlier version is as it was.
    let who = archivist();
    let reader = archive.reader(&who);
    let (old, doc) = reader.document_at(ids[0], "v2").unwrap();
    assert_eq!(doc.pages, vec![1, 2]);
    assert_eq!(old.documents.len(), 3);
}

#[test]
fn a_document_is_split_then_merged_back() {
    let dir = tempfile::tempdir().unwrap();
    let (archive, object) = open_hoso(dir.path());
    let before = documents(&archive, &object);
    let outcome = correct(
        &archive,
        &archivist(),
        &object,
        SplitOperation::SplitAt {
            document: before[1].id.clone(),
            page: 4,
        },
    )
    .unwrap();
    let after = documents(&archive, &object);
    assert_eq!(
        pages_of(&after),
        vec![vec![1, 2], vec![3], vec![4], vec![5]]
    );
    assert_eq!(outcome.created, vec![after[2].id.clone()]);
    assert!(!before.iter().any(|d| d.id == after[2].id));
    // The last document moved one place on: its number and code follow.
    assert_eq!(after[3].id, before[2].id);
    assert_eq!(after[3].ordinal, 4);
    assert_eq!(after[3].record.so_thu_tu.as_ref().unwrap().value, 4);
    assert!(after[3]
        .record
        .ma_luu_tru_tai_lieu
        .as_ref()
        .unwrap()
        .value
        .ends_with("0004"));
    let new_id = after[2].id.clone();
    assert_eq!(
        found(&archive, "rừng phòng hộ"),
        vec![(new_id.clone(), vec![1])]
    );

    let outcome = correct(
        &archive,
        &archivist(),
        &object,
        SplitOperation::Merge {
            document: new_id.clone(),
        },
    )
    .unwrap();
    assert_eq!(outcome.removed, vec![new_id.clone()]);
    let merged = documents(&archive, &object);
    assert_eq!(pages_of(&merged), vec![vec![1, 2], vec![3, 4], vec![5]]);
    assert_eq!(merged[1].id, before[1].id);
    // The merged-away id is unknown now, but for the history of its hồ sơ.
    let who = archivist();
    let reader = archive.reader(&who);
    assert!(matches!(
        reader.show(&new_id, None),
        Err(Error::NotFound(_))
    ));
    assert!(found(&archive, "rừng phòng hộ")
        .iter()
        .all(|(id, _)| *id == before[1].id));
    let history = reader.history(&object).unwrap();
    assert!(history
        .versions
        .iter()
        .any(|v| v.removed.contains(&document_path(&new_id))));
}

#[test]
fn what_cannot_be_done_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (archive, object) = open_hoso(dir.path());
    let docs = documents(&archive, &object);
    let head = || {
        archive
            .find_object(&object)
            .unwrap()
            .unwrap()
            .inventory
            .head
    };
    let (first, second) = (docs[0].id.clone(), docs[1].id.clone());
    let refused = |who: &Principal, operation: SplitOperation, reason: Option<&str>| {
        archive
            .writer(who)
            .correct_split(&SplitRequest {
                object: &object,
                operation: &operation,
                reason,
            })
            .unwrap_err()
    };
    let move_to = |page| SplitOperation::MoveBoundary {
        document: second.clone(),
        page,
    };
    for (operation, field) in [
        (move_to(1), "page"),
        (move_to(3), "page"),
        (move_to(5), "page"),
        (
            SplitOperation::Merge {
                document: first.clone(),
            },
            "document",
        ),
        (
            SplitOperation::SplitAt {
                document: first.clone(),
                page: 1,
            },
            "page",
        ),
    ] {
        let e = refused(&archivist(), operation.clone(), Some("x"));
        assert!(
            matches!(&e, Error::Split(p) if p.field() == field),
            "{operation:?}: {e}"
        );
    }
    let e = refused(&archivist(), move_to(2), Some("  "));
    assert!(matches!(e, Error::Split(SplitProblem::NoReason)), "{e}");
    let reader = Principal::new("doc-gia", [Role::Reader], Clearance::ToiMat);
    assert!(matches!(
        refused(&reader, move_to(2), Some("x")),
        Error::Forbidden(_)
    ));
    let unknown = SplitOperation::Merge {
        document: "01UNKNOWN".into(),
    };
    assert!(matches!(
        refused(&archivist(), unknown, Some("x")),
        Error::NotFound(_)
    ));
    assert_eq!(head(), "v1");

    // A damaged original stops the correction before anything is stored.
    let object_now = archive.find_object(&object).unwrap().unwrap();
    let key = object_now.content_key("originals/hs-1/2.png").unwrap();
    let path = archive.storage().backend().locate(&key);
    let good = std::fs::read(&path).unwrap();
    let mut bad = good.clone();
    bad[60] ^= 1;
    std::fs::write(&path, &bad).unwrap();
    let e = refused(&archivist(), move_to(2), Some("x"));
    assert!(matches!(e, Error::Fixity { .. }), "{e}");
    assert_eq!(head(), "v1");
    std::fs::write(&path, &good).unwrap();

    // So does an audit log that cannot take the entry.
    let log = archive.root.join("audit");
    let file = std::fs::read_dir(&log)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let kept = std::fs::read(&file).unwrap();
    let tampered = String::from_utf8(kept.clone())
        .unwrap()
        .replace("\"actor\":\"test\"", "\"actor\":\"tost\"");
    std::fs::write(&file, tampered).unwrap();
    refused(&archivist(), move_to(2), Some("x"));
    assert_eq!(head(), "v1");
    std::fs::write(&file, kept).unwrap();
    assert_eq!(found(&archive, "khung cửi")[0].0, first);
    correct(&archive, &archivist(), &object, move_to(2)).unwrap();
    assert_eq!(head(), "v2");
}

#[test]
fn protection_is_never_lowered_and_a_mark_above_the_clearance_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let mut texts = texts();
    texts[0] = format!("MẬT\n{}", texts[0]);
    // An appendix of the first document marked higher than the document itself.
    texts[1] = format!("TỐI MẬT\nPHỤ LỤC\n{}", texts[1]);
    let secret = DocumentPlan {
        pages: vec![1, 2],
        review_notes: Vec::new(),
        restriction: Some(Restriction {
            level: Some(Level::Mat),
            reference: "15-QĐ/VPTU".into(),
        }),
    };
    let (archive, object) = stored(dir.path(), &texts, &[secret, plan(&[3, 4]), plan(&[5])]);
    let docs = documents(&archive, &object);
    assert_eq!(crate::clearance::required(&docs[0]), Clearance::Mat);
    let mat = Principal::new("mat", [Role::Archivist], Clearance::Mat);
    let top = Principal::new("top", [Role::Archivist], Clearance::ToiMat);

    // Without a clearance the hồ sơ does not exist.
    let e = correct(
        &archive,
        &archivist(),
        &object,
        SplitOperation::Merge {
            document: docs[1].id.clone(),
        },
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        unknown_record(&object).to_string(),
        "like an unknown id"
    );
    // Splitting off the appendix reads its TỐI MẬT mark: not for a Mật clearance.
    let split = SplitOperation::SplitAt {
        document: docs[0].id.clone(),
        page: 2,
    };
    let e = correct(&archive, &mat, &object, split.clone()).unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)), "{e}");
    assert_eq!(
        archive
            .find_object(&object)
            .unwrap()
            .unwrap()
            .inventory
            .head,
        "v1"
    );
    correct(&archive, &top, &object, split).unwrap();
    let after = documents(&archive, &object);
    assert_eq!(crate::clearance::required(&after[1]), Clearance::ToiMat);
    assert_eq!(after[1].approval.as_deref(), Some("15-QĐ/VPTU"));

    // The hồ sơ holds a Tối mật document now: it is unknown to a Mật clearance.
    let e = correct(
        &archive,
        &mat,
        &object,
        SplitOperation::Merge {
            document: after[2].id.clone(),
        },
    )
    .unwrap_err();
    assert!(matches!(e, Error::NotFound(_)), "{e}");
    // The open document merged into the Tối mật one is Tối mật, under its approval.
    let open = after[2].id.clone();
    correct(
        &archive,
        &top,
        &object,
        SplitOperation::Merge {
            document: open.clone(),
        },
    )
    .unwrap();
    let merged = documents(&archive, &object);
    assert_eq!(pages_of(&merged), vec![vec![1], vec![2, 3, 4], vec![5]]);
    assert_eq!(crate::clearance::required(&merged[1]), Clearance::ToiMat);
    // Whoever may not see it does not learn of it from the audit log either.
    let entries = archive.audit().entries().unwrap();
    let hidden = std::collections::BTreeSet::from([merged[0].id.clone(), merged[1].id.clone()]);
    let seen = Clearance::Public
        .audit_entry(entries.last().unwrap(), &hidden)
        .unwrap();
    assert!(!seen.detail.to_string().contains(&open), "{}", seen.detail);
}

#[test]
fn page_ranges_read_as_runs() {
    assert_eq!(page_range(&[1, 2, 3, 4, 7, 9, 10]), "1–4, 7, 9–10");
    assert_eq!(page_range(&[5]), "5");
    assert_eq!(page_range(&[]), "");
}

#[test]
fn the_layout_is_the_archivists_and_needs_every_document_visible() {
    let dir = tempfile::tempdir().unwrap();
    let (archive, object) = open_hoso(dir.path());
    let layout = archive.writer(&archivist()).split_layout(&object).unwrap();
    let pages: Vec<Vec<u32>> = layout.documents.iter().map(|d| d.pages.clone()).collect();
    assert_eq!(pages, vec![vec![1, 2], vec![3, 4], vec![5]]);
    let reader = Principal::new("r", [Role::Reader], Clearance::ToiMat);
    assert!(matches!(
        archive.writer(&reader).split_layout(&object),
        Err(Error::Forbidden(_))
    ));
    assert!(matches!(
        archive.writer(&archivist()).split_layout("01NOSUCH"),
        Err(Error::NotFound(_))
    ));
}
