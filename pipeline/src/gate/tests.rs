//! Property-style tests of the gate on real stores and real tantivy indexes: for random
//! archives (documents with random chế độ sử dụng and độ mật, some changed in a second
//! version) and every clearance, each read path and the edit path agree with the clearance
//! rule, and a document a principal may not see answers exactly like an unknown id.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use archive_schema::{TaiLieuRecord, Valued};

use super::{AuditFilter, EditRequest, Grant, PageUse, Principal, Role, UseForm, GRANT_USE_ACTION};
use crate::clearance::{regime, required, Clearance, Regime};
use crate::decode::{ScanFormat, TechnicalMetadata};
use crate::export::bagit::Selection;
use crate::store::ocfl::{FileSource, User};
use crate::store::records::{
    document_path, page_path, DocumentRecord, DocumentSummary, HoSoMetadata, PageRecord,
    SourceRecord, TextSource, HOSO_PATH, SOURCE_PATH,
};
use crate::store::Archive;
use crate::Error;

/// A small deterministic generator (xorshift), so that a failing seed can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

const REGIMES: [Option<&str>; 4] = [None, Some("01"), Some("02"), Some("03")];
const MARKS: [Option<&str>; 3] = [None, Some("Mật"), Some("Tối mật")];

fn json(value: &impl serde::Serialize) -> FileSource {
    FileSource::Bytes(serde_json::to_vec_pretty(value).unwrap())
}

fn page(number: u32, file: &str, text: String) -> PageRecord {
    PageRecord {
        number,
        source_file: file.into(),
        source_page: 1,
        source_sha256: crate::store::fsio::sha256_bytes(file.as_bytes()),
        technical: TechnicalMetadata {
            format: ScanFormat::Png,
            width: 10,
            height: 10,
            dpi: Some(300.0),
            bits_per_sample: 8,
            samples_per_pixel: 1,
            compression: "deflate".into(),
        }
        .into(),
        conformance: archive_records::ConformanceRecord::default(),
        preprocess: None,
        text_source: TextSource::Ocr,
        text,
        mean_confidence: 90.0,
        words: Vec::new(),
        ocr: None,
        header_ink: Vec::new(),
        closing_reading: None,
        closing_reading_as_scanned: None,
        page_extract: None,
    }
}

fn document(id: &str, pages: Vec<u32>, regime: Option<&str>, mark: Option<&str>) -> DocumentRecord {
    DocumentRecord {
        id: id.into(),
        ordinal: 1,
        pages,
        summary: DocumentSummary {
            title: format!("Nghị quyết {id}"),
            ..Default::default()
        },
        record: TaiLieuRecord {
            che_do_su_dung: regime.map(|r| Valued::given(r.to_string())),
            do_mat: mark.map(|m| Valued::given(m.to_string())),
            ..Default::default()
        },
        review_notes: vec!["kiểm tra trích yếu".into()],
        approval: None,
        reviewed: false,
        format: None,
    }
}

/// A random archive at `dir`: 1–3 objects of 1–3 documents, one page each, every page
/// holding the word `chung` and its document's own token; some documents with an access
/// copy; some documents' chế độ sử dụng or độ mật changed in a second version.
fn random_archive(dir: &Path, rng: &mut Rng) -> Archive {
    let archive = Archive::open_or_create(dir).unwrap();
    let user = User {
        name: "test".into(),
        address: None,
    };
    for o in 0..=rng.below(3) {
        let object = format!("OBJ{o}");
        let hoso = format!("hs-{o}");
        let mut files = BTreeMap::new();
        files.insert(
            SOURCE_PATH.to_string(),
            json(&SourceRecord {
                box_name: "hop-1".into(),
                hoso: hoso.clone(),
                box_sidecar: None,
                hoso_sidecar: None,
            }),
        );
        files.insert(
            HOSO_PATH.to_string(),
            json(&HoSoMetadata {
                id: object.clone(),
                record: archive_schema::HoSoRecord::default(),
            }),
        );
        let mut docs = Vec::new();
        for d in 0..=rng.below(3) {
            let id = format!("DOC{o}X{d}");
            let n = u32::try_from(d).unwrap() + 1;
            let scan = format!("{hoso}/{n}.png");
            files.insert(
                format!("originals/{scan}"),
                FileSource::Bytes(scan.clone().into_bytes()),
            );
            let text = format!("chung tu{} nghi quyet", id.to_lowercase());
            files.insert(page_path(n), json(&page(n, &scan, text)));
            let doc = document(
                &id,
                vec![n],
                REGIMES[rng.below(4) as usize],
                MARKS[rng.below(3) as usize],
            );
            if rng.below(2) == 0 {
                files.insert(
                    format!("access/{id}.pdf"),
                    FileSource::Bytes(format!("%PDF-1.7 {id}").into_bytes()),
                );
            }
            files.insert(document_path(&id), json(&doc));
            docs.push(doc);
        }
        archive
            .storage()
            .commit_version(&object, &files, "ingest", &user)
            .unwrap();
        // A second version changing some documents' access: who sees v1 and v2 differs.
        let mut changed = false;
        for doc in &mut docs {
            if rng.below(3) == 0 {
                doc.record.che_do_su_dung =
                    REGIMES[rng.below(4) as usize].map(|r| Valued::given(r.to_string()));
                files.insert(document_path(&doc.id), json(doc));
                changed = true;
            }
        }
        if changed {
            archive
                .storage()
                .commit_version(
                    &object,
                    &files,
                    &format!("edit of document {}", docs[0].id),
                    &user,
                )
                .unwrap();
        }
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        archive
            .audit()
            .append(
                "test",
                "ingest",
                Some(&object),
                serde_json::json!({ "documents": ids, "pages": ids.len() }),
            )
            .unwrap();
        for doc in &docs {
            archive
                .audit()
                .append(
                    "test",
                    "edit",
                    Some(&object),
                    serde_json::json!({ "document": doc.id, "keys": ["trich_yeu"] }),
                )
                .unwrap();
        }
    }
    crate::catalog::reindex(&archive).unwrap();
    archive
}

/// The error text an id gets, with the id itself taken out (unknown ids differ in it).
fn answer<T>(result: &crate::Result<T>, id: &str) -> Option<String> {
    result
        .as_ref()
        .err()
        .map(|e| format!("{}:{}", variant(e), e.to_string().replace(id, "ID")))
}

fn variant(e: &Error) -> &'static str {
    match e {
        Error::NotFound(_) => "not-found",
        Error::Forbidden(_) => "forbidden",
        _ => "other",
    }
}

#[test]
fn every_read_path_agrees_with_the_clearance_rule_on_random_archives() {
    for seed in 1..=12u64 {
        let tmp = tempfile::tempdir().unwrap();
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let archive = random_archive(&tmp.path().join("archive"), &mut rng);
        let objects = archive.hoso_objects().unwrap();
        for clearance in [Clearance::Public, Clearance::Mat, Clearance::ToiMat] {
            // On the archive host: the clearance alone decides (content with existence).
            let who = Principal::new(
                "p",
                [Role::Reader, Role::Archivist, Role::Auditor],
                clearance,
            )
            .on_archive_host();
            check_principal(&archive, &objects, &who, tmp.path(), seed);
        }
    }
}

fn check_principal(
    archive: &Archive,
    objects: &[crate::store::HoSoObject],
    who: &Principal,
    tmp: &Path,
    seed: u64,
) {
    let reader = archive.reader(who);
    let clearance = who.clearance();
    let ctx = format!("seed {seed}, {clearance:?}");
    let unknown = "DOCNONE";
    let mut visible = BTreeSet::new();
    let mut hidden = BTreeSet::new();
    for o in objects {
        for d in &o.documents {
            if clearance.covers(required(d)) {
                visible.insert(d.id.clone());
            } else {
                hidden.insert(d.id.clone());
            }
        }
    }
    // list
    let listed: BTreeSet<String> = reader
        .documents()
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(listed, visible, "{ctx}: list");
    // search: hits, totals and facets count only visible documents
    let index = crate::catalog::open_index_read_only(archive).unwrap();
    let options = crate::index::SearchOptions {
        limit: 100,
        ..Default::default()
    };
    let results = reader.search(&index, "chung", &options).unwrap();
    let hits: BTreeSet<String> = results.hits.iter().map(|h| h.id.clone()).collect();
    assert_eq!(hits, visible, "{ctx}: search hits");
    assert_eq!(results.total, visible.len(), "{ctx}: search total");
    let faceted: u64 = results.facets.doc_type.iter().map(|f| f.count as u64).sum();
    assert!(faceted <= visible.len() as u64, "{ctx}: facets");
    for id in &hidden {
        let own = reader
            .search(&index, &format!("tu{}", id.to_lowercase()), &options)
            .unwrap();
        // (near misses of the token, as OCR misreadings, may find other documents)
        assert!(
            own.hits
                .iter()
                .all(|h| h.id != *id && !h.snippet.contains(id.to_lowercase().as_str())),
            "{ctx}: search for hidden {id}"
        );
    }
    // review
    let reviewed: BTreeSet<String> = reader
        .review_queue(archive_schema::CodeSets::tt05_2025())
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert!(reviewed.is_subset(&visible), "{ctx}: review");
    // audit log: nothing about hidden documents, nor about objects holding only those
    let entries = reader.audit_log(&AuditFilter::default()).unwrap();
    for o in objects {
        if o.documents.iter().all(|d| hidden.contains(&d.id)) {
            assert!(
                entries
                    .iter()
                    .all(|e| e.object.as_deref() != Some(o.id.as_str())),
                "{ctx}: audit log names hidden object {}",
                o.id
            );
        }
    }
    let log = serde_json::to_string(&entries).unwrap();
    for id in &hidden {
        assert!(!log.contains(id.as_str()), "{ctx}: audit log names {id}");
    }
    // one document at a time: each path answers a hidden id as an unknown one
    for o in objects {
        for d in &o.documents {
            let id = d.id.as_str();
            let seen = visible.contains(id);
            let same = |name: &str, for_id: Option<String>, for_unknown: Option<String>| {
                if seen {
                    assert!(
                        for_id.is_none() || !for_id.as_deref().unwrap().starts_with("not-found"),
                        "{ctx}: {name} of visible {id}: {for_id:?}"
                    );
                } else {
                    assert_eq!(for_id, for_unknown, "{ctx}: {name} of hidden {id}");
                }
            };
            same(
                "show",
                answer(&reader.document(id), id),
                answer(&reader.document(unknown), unknown),
            );
            same(
                "history",
                answer(&reader.history(id), id),
                answer(&reader.history(unknown), unknown),
            );
            same(
                "get original",
                answer(&reader.original_page(id, 1), id),
                answer(&reader.original_page(unknown, 1), unknown),
            );
            same(
                "page view",
                answer(&reader.page(id, 1).map(|_| ()), id),
                answer(&reader.page(unknown, 1).map(|_| ()), unknown),
            );
            same(
                "pages view",
                answer(&reader.pages(id, &[1]).map(|_| ()), id),
                answer(&reader.pages(unknown, &[1]).map(|_| ()), unknown),
            );
            let pdf = reader.access_copy(id);
            if !seen {
                assert_eq!(
                    answer(&pdf, id),
                    answer(&reader.access_copy(unknown), unknown),
                    "{ctx}: get pdf of hidden {id}"
                );
            }
            let out = tmp.join(format!("bag-{seed}-{id}-{clearance:?}"));
            let bag = reader.export_bagit(&Selection::Id(id.into()), &out, "test");
            if bag.is_ok() {
                // Nothing in the bag (events, records, manifests) names a hidden document.
                for file in walkdir::WalkDir::new(&out).into_iter().flatten() {
                    if file.file_type().is_file() {
                        let bytes = std::fs::read(file.path()).unwrap();
                        let text = String::from_utf8_lossy(&bytes);
                        for h in &hidden {
                            assert!(
                                !text.contains(h.as_str()),
                                "{ctx}: export of {id}: {} names {h}",
                                file.path().display()
                            );
                        }
                    }
                }
            }
            same(
                "export",
                answer(&bag, id),
                answer(
                    &reader.export_bagit(&Selection::Id(unknown.into()), &out, "test"),
                    unknown,
                ),
            );
            // show --version v1: needs the document visible at the head and in v1
            let v1 = o.at_version("v1").unwrap();
            let in_v1 = v1.documents.iter().find(|x| x.id == id).unwrap();
            let at = reader.document_at(id, "v1");
            assert_eq!(
                at.is_ok(),
                seen && clearance.covers(required(in_v1)),
                "{ctx}: show --version v1 of {id}"
            );
            if !seen || !clearance.covers(required(in_v1)) {
                assert_eq!(
                    answer(&at, id),
                    answer(&reader.document(unknown), unknown),
                    "{ctx}: show --version v1 of {id}"
                );
            }
            if let Ok(history) = reader.history(id) {
                let text = serde_json::to_string(&history).unwrap();
                for h in &hidden {
                    assert!(
                        !text.contains(h.as_str()),
                        "{ctx}: history of {id} names {h}"
                    );
                }
            }
            // edit: a hidden document is unknown; a visible one is corrected
            let settings = [("ghi_chu".to_string(), format!("sửa {clearance:?}"))];
            let edit = |id: &str| {
                archive.writer(who).edit(&EditRequest {
                    id,
                    settings: &settings,
                    reviewed: false,
                    reason: None,
                    codes: archive_schema::CodeSets::tt05_2025(),
                })
            };
            let edited = edit(id);
            if seen {
                assert!(edited.is_ok(), "{ctx}: edit of visible {id}: {edited:?}");
            } else {
                assert_eq!(
                    answer(&edited, id),
                    answer(&edit(unknown), unknown),
                    "{ctx}: edit of hidden {id}"
                );
            }
        }
        // an object is known when one of its documents is at least (browse lists it with
        // those), and its history and reading requests hold those only
        let some = o.documents.iter().any(|d| visible.contains(&d.id));
        let history = reader.history(&o.id);
        assert_eq!(history.is_ok(), some, "{ctx}: history of object {}", o.id);
        if let Ok(history) = history {
            let text = serde_json::to_string(&history).unwrap();
            for d in o.documents.iter().filter(|d| !visible.contains(&d.id)) {
                assert!(
                    !text.contains(&d.id),
                    "{ctx}: history of {} names {}",
                    o.id,
                    d.id
                );
            }
        }
        let requestable = reader.requestable(std::slice::from_ref(&o.id), UseForm::Read);
        if let Ok(listed) = &requestable {
            assert!(
                listed.iter().all(|r| visible.contains(&r.id)),
                "{ctx}: requests of object {} list a hidden document",
                o.id
            );
        } else {
            let unknown = "OBJNONE";
            assert_eq!(
                answer(&requestable, &o.id),
                answer(
                    &reader.requestable(&[unknown.to_string()], UseForm::Read),
                    unknown
                ),
                "{ctx}: requests of hidden object {}",
                o.id
            );
        }
        assert_eq!(
            requestable.is_ok(),
            some,
            "{ctx}: requests of object {}",
            o.id
        );
    }
    // the Quickwit export: lines of the visible documents only
    let out = tmp.join(format!("quickwit-{seed}-{clearance:?}"));
    archive.writer(who).export_quickwit(&out, "sohoa").unwrap();
    let exported: BTreeSet<String> = std::fs::read_to_string(out.join("documents.ndjson"))
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(exported, visible, "{ctx}: quickwit export");
}

#[test]
fn changing_access_needs_a_covering_clearance_and_a_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = random_archive(&tmp.path().join("a"), &mut Rng(7));
    let object = &archive.hoso_objects().unwrap()[0];
    let id = object.documents[0].id.clone();
    let edit_all = |who: &Principal, settings: &[(String, String)], reason: Option<&str>| {
        archive.writer(who).edit(&EditRequest {
            id: &id,
            settings,
            reviewed: false,
            reason,
            codes: archive_schema::CodeSets::tt05_2025(),
        })
    };
    let edit = |who: &Principal, regime: &str, reason: Option<&str>| {
        let settings = [("che_do_su_dung".to_string(), regime.to_string())];
        archive.writer(who).edit(&EditRequest {
            id: &id,
            settings: &settings,
            reviewed: false,
            reason,
            codes: archive_schema::CodeSets::tt05_2025(),
        })
    };
    let top = Principal::local_operator("top", Clearance::ToiMat);
    let open = Principal::local_operator("open", Clearance::Public);
    let reader_only = Principal::new("r", [Role::Reader], Clearance::ToiMat);
    // Make it open first (a cleared archivist, with a reason).
    let open_up = [
        ("che_do_su_dung".to_string(), "01".to_string()),
        ("do_mat".to_string(), String::new()),
    ];
    edit_all(&top, &open_up, Some("giải mật theo quyết định 5-QĐ")).unwrap();
    // No reason: refused, even with clearance.
    let e = edit(&top, "02", None).unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)), "{e}");
    assert!(e.to_string().contains("reason"), "{e}");
    // Not covering the new value: refused.
    let e = edit(&open, "03", Some("mật hóa")).unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)), "{e}");
    // A reader may not correct records at all.
    let e = edit(&reader_only, "02", Some("x")).unwrap_err();
    assert!(e.to_string().contains("lưu trữ viên"), "{e}");
    // Nor read the review queue.
    let e = archive
        .reader(&reader_only)
        .review_queue(archive_schema::CodeSets::tt05_2025())
        .unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)), "{e}");
    // Covered, with a reason: done, and the reason is in the event and the audit log.
    edit(&top, "03", Some("theo công văn 9-CV")).unwrap();
    let head = archive.find_object(&object.id).unwrap().unwrap();
    let events =
        String::from_utf8(head.read_bytes(crate::store::records::EVENTS_PATH).unwrap()).unwrap();
    assert!(events.contains("theo công văn 9-CV"), "{events}");
    let log = std::fs::read_to_string(archive.audit().path()).unwrap();
    assert!(log.contains("theo công văn 9-CV"));
    // Now Mật: an uncleared principal cannot even find it to change it back.
    let e = edit(&open, "01", Some("x")).unwrap_err();
    assert!(matches!(e, Error::NotFound(_)), "{e}");
}

/// A 2-page gray TIFF: page 1 white with a black square, page 2 black.
fn two_page_tiff() -> Vec<u8> {
    use tiff::encoder::{colortype::Gray8, TiffEncoder};
    let (w, h) = (200u32, 150u32);
    let mut first = vec![255u8; (w * h) as usize];
    for y in 20..60 {
        for x in 20..60 {
            first[(y * w + x) as usize] = 0;
        }
    }
    let second = vec![0u8; (w * h) as usize];
    let mut out = std::io::Cursor::new(Vec::new());
    let mut encoder = TiffEncoder::new(&mut out).unwrap();
    encoder.write_image::<Gray8>(w, h, &first).unwrap();
    encoder.write_image::<Gray8>(w, h, &second).unwrap();
    out.into_inner()
}

#[test]
fn a_scan_file_shared_with_a_hidden_document_is_handed_out_as_the_page_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = Archive::open_or_create(&tmp.path().join("a")).unwrap();
    let tiff = two_page_tiff();
    let mut files = BTreeMap::new();
    files.insert(
        SOURCE_PATH.to_string(),
        json(&SourceRecord {
            box_name: "hop-1".into(),
            hoso: "hs".into(),
            box_sidecar: None,
            hoso_sidecar: None,
        }),
    );
    files.insert(
        HOSO_PATH.to_string(),
        json(&HoSoMetadata {
            id: "OBJ".into(),
            record: archive_schema::HoSoRecord::default(),
        }),
    );
    files.insert(
        "originals/hs/scan.tif".into(),
        FileSource::Bytes(tiff.clone()),
    );
    for n in [1u32, 2] {
        let mut record = page(n, "hs/scan.tif", format!("chung trang {n}"));
        record.source_page = n;
        record.source_sha256 = crate::store::fsio::sha256_bytes(&tiff);
        record.technical.format = ScanFormat::Tiff.into();
        files.insert(page_path(n), json(&record));
    }
    files.insert(
        document_path("OPEN"),
        json(&document("OPEN", vec![1], Some("01"), None)),
    );
    files.insert(
        document_path("SECRET"),
        json(&document("SECRET", vec![2], Some("03"), Some("Mật"))),
    );
    let user = User {
        name: "test".into(),
        address: None,
    };
    archive
        .storage()
        .commit_version("OBJ", &files, "ingest", &user)
        .unwrap();

    let uncleared = Principal::local_operator("u", Clearance::Public);
    let original = archive.reader(&uncleared).original_page("OPEN", 1).unwrap();
    assert!(original.file.is_cut());
    assert_eq!(original.file_pages, 1);
    let mut png = Vec::new();
    original.file.write_to(&mut png).unwrap();
    let cut = image::load_from_memory(&png).unwrap().to_luma8();
    assert_eq!(cut.dimensions(), (200, 150));
    assert_eq!(cut.get_pixel(40, 40).0, [0], "page 1's square");
    assert_eq!(
        cut.get_pixel(150, 100).0,
        [255],
        "page 1, not the black page 2"
    );
    // A cleared reader sees both documents: the scan file as stored.
    let cleared = Principal::local_operator("c", Clearance::Mat);
    let whole = archive.reader(&cleared).original_page("OPEN", 1).unwrap();
    assert!(!whole.file.is_cut());
    assert_eq!(whole.file.sha256, crate::store::fsio::sha256_bytes(&tiff));
    // The uncleared export of the open document holds the page alone, not the scan.
    let bag = tmp.path().join("bag");
    archive
        .reader(&uncleared)
        .export_bagit(&Selection::Id("OPEN".into()), &bag, "test")
        .unwrap();
    let stored: Vec<String> = walkdir::WalkDir::new(&bag)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(&bag).unwrap().display().to_string())
        .collect();
    assert!(
        stored
            .iter()
            .any(|p| p.ends_with("extracts/hs/scan.tif/page-0001.png")),
        "{stored:?}"
    );
    assert!(
        !stored.iter().any(|p| p.contains("originals/")),
        "{stored:?}"
    );
}

/// The first random archive (in `dir`) holding at least `wanted` open documents, and their ids.
fn archive_with_open_documents(dir: &Path, wanted: usize) -> (Archive, Vec<String>) {
    (1..)
        .find_map(|seed: u64| {
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let archive = random_archive(&dir.join(format!("archive-{seed}")), &mut rng);
            let open: Vec<String> = archive
                .hoso_objects()
                .unwrap()
                .iter()
                .flat_map(|o| o.documents.clone())
                .filter(|d| Clearance::Public.covers(required(d)))
                .map(|d| d.id)
                .collect();
            (open.len() >= wanted).then_some((archive, open))
        })
        .unwrap()
}

#[test]
fn a_read_of_several_pages_records_each_page_in_one_batch() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, open) = archive_with_open_documents(tmp.path(), 1);
    let ann = Principal::new("ann", [Role::Reader], Clearance::Public);
    let room = archive.reader(&ann).recording_every_read();
    let id = &open[0];
    let one = room.page(id, 1).unwrap();
    let views = room.pages(id, &[1, 1]).unwrap();
    assert_eq!(views.len(), 2);
    for view in &views {
        assert_eq!(
            (view.page, &view.words, &view.image_key),
            (1, &one.words, &one.image_key)
        );
    }
    // A page the document does not have: the whole read fails and records nothing.
    let before = archive.access_log().entries().unwrap().len();
    let err = room.pages(id, &[1, 9]).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err}");
    assert_eq!(archive.access_log().entries().unwrap().len(), before);
    // One entry per page viewed, chained one after the other.
    let log = archive.access_log().entries().unwrap();
    let pages: Vec<(u64, &str, u64)> = log
        .iter()
        .map(|e| (e.seq, e.actor.as_str(), e.detail["page"].as_u64().unwrap()))
        .collect();
    assert_eq!(pages, [(1, "ann", 1), (2, "ann", 1), (3, "ann", 1)]);
    assert_eq!(log[2].prev, log[1].hash);
    assert!(archive.check_audit(None).unwrap().ok);
}

#[test]
fn the_reading_room_records_every_read_and_each_user_sees_only_their_own() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, open) = archive_with_open_documents(tmp.path(), 1);
    let ann = Principal::new("ann", [Role::Reader], Clearance::Public);
    let bob = Principal::new("bob", [Role::Reader], Clearance::Public);
    // The CLI's reader records nothing for open documents; the reading room's does.
    archive.reader(&ann).document(&open[0]).unwrap();
    assert!(archive.reader(&ann).own_reads(10).unwrap().is_empty());
    let room = archive.reader(&ann).recording_every_read();
    room.document(&open[0]).unwrap();
    let view = room.page(&open[0], 1).unwrap();
    assert_eq!((view.page, view.page_count), (1, 1));
    archive
        .reader(&bob)
        .recording_every_read()
        .document(&open[0])
        .unwrap();
    let reads = archive.reader(&ann).own_reads(10).unwrap();
    let kinds: Vec<(String, String)> = reads
        .iter()
        .map(|e| {
            (
                e.actor.clone(),
                e.detail["read"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("ann".to_string(), "show".to_string()),
            ("ann".to_string(), "view page".to_string())
        ]
    );
    assert_eq!(reads[1].detail["page"], 1);
    // The page view is in the access log, the document opening in the audit log.
    let audit = archive.audit().entries().unwrap();
    assert!(
        !audit.iter().any(|e| e.detail["read"] == "view page"),
        "{audit:?}"
    );
    assert!(audit.iter().any(|e| e.detail["read"] == "show"));
    let access = archive.access_log().entries().unwrap();
    assert_eq!(access.len(), 1, "{access:?}");
    assert_eq!(
        (access[0].actor.as_str(), &access[0].detail["read"]),
        ("ann", &serde_json::json!("view page"))
    );
    assert!(archive.check_audit(None).unwrap().ok);
    assert_eq!(archive.reader(&ann).own_reads(1).unwrap().len(), 1);
    // A viewer's thumbnail is recorded as one; a use its caller refuses, not at all.
    let seen = room
        .page_used(&open[0], 1, |v| {
            assert_eq!(v.page, 1);
            Ok::<_, Error>(PageUse::Thumbnail)
        })
        .unwrap();
    assert_eq!(seen.page, 1);
    let refused = room.page_used(&open[0], 1, |_| {
        Err::<PageUse, _>(Error::NotFound("not served".into()))
    });
    assert!(matches!(refused, Err(Error::NotFound(_))));
    let access = archive.access_log().entries().unwrap();
    assert_eq!(access.len(), 2, "{access:?}");
    assert_eq!(access[1].detail["read"], "view thumbnail");
    assert_eq!(access[1].detail["page"], 1);
    // Only auditors read the whole log.
    let e = archive
        .reader(&ann)
        .audit_log(&AuditFilter::default())
        .unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)), "{e}");
    let auditor = Principal::new("kiem-tra", [Role::Auditor], Clearance::Public);
    let bobs = archive
        .reader(&auditor)
        .audit_log(&AuditFilter {
            actor: Some("bob".into()),
            ..AuditFilter::default()
        })
        .unwrap();
    assert_eq!(bobs.len(), 1);
}

#[test]
fn a_long_lived_reader_hides_a_document_an_edit_just_restricted() {
    let tmp = tempfile::tempdir().unwrap();
    // Every page holds `chung`.
    let (archive, open) = archive_with_open_documents(tmp.path(), 2);
    let dir = archive.root.clone();
    // The reading room's handles: one archive and one read-only index for its whole life.
    let index = crate::catalog::open_index_read_only(&archive).unwrap();
    let reader = Principal::new("doc-gia", [Role::Reader], Clearance::Public);
    let options = crate::index::SearchOptions {
        limit: 100,
        ..Default::default()
    };
    let found = |archive: &Archive| -> BTreeSet<String> {
        archive
            .reader(&reader)
            .search(&index, "chung", &options)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    let listed = |archive: &Archive| -> BTreeSet<String> {
        let listing = archive.reader(&reader).documents().unwrap();
        listing.into_iter().map(|d| d.id).collect()
    };
    let before = found(&archive);
    assert!(open.iter().all(|id| before.contains(id)), "{before:?}");
    assert!(open.iter().all(|id| listed(&archive).contains(id)));
    // The store's documents are now kept: found in one object read, not by a scan.
    assert!(archive.visibility_cache().current(&archive).is_some());
    assert!(archive.reader(&reader).document(&open[0]).is_ok());

    // An archivist cleared for Mật restricts one, through another handle (as `sohoa edit`
    // does in another process).
    let archivist = Principal::local_operator("luu-tru", Clearance::Mat);
    let restrict = |regime: &str| {
        let other = Archive::open(&dir).unwrap();
        let settings = [("che_do_su_dung".to_string(), regime.to_string())];
        other
            .writer(&archivist)
            .edit(&EditRequest {
                id: &open[0],
                settings: &settings,
                reviewed: false,
                reason: Some("theo quyết định 7-QĐ"),
                codes: archive_schema::CodeSets::tt05_2025(),
            })
            .unwrap();
    };
    restrict("03");
    // The very next search through the long-lived handles hides it, hits and totals alike;
    // opening it answers like an unknown id.
    let after = found(&archive);
    // What the long-lived handle knows now came from re-reading the one object the journal
    // names as changed: the same as reading the whole store.
    let same_as_whole_store = |archive: &Archive| {
        let kept = archive.visibility_cache().current(archive).unwrap();
        let whole = crate::visibility::StoreVisibility::from_store(archive).unwrap();
        for clearance in [Clearance::Public, Clearance::Mat, Clearance::ToiMat] {
            let listed = |v: &crate::visibility::StoreVisibility| -> Vec<_> {
                v.listing(clearance)
                    .map(|(c, r, d)| (c, r, d.clone()))
                    .collect()
            };
            assert_eq!(listed(&kept), listed(&whole), "{clearance:?}");
        }
    };
    same_as_whole_store(&archive);
    assert!(!after.contains(&open[0]), "{after:?}");
    assert!(after.contains(&open[1]), "{after:?}");
    // The listing (`list`, the reading room's browse) too, from the same kept visibility.
    assert!(!listed(&archive).contains(&open[0]));
    assert!(listed(&archive).contains(&open[1]));
    let total = archive
        .reader(&reader)
        .search(&index, "chung", &options)
        .unwrap()
        .total;
    assert_eq!(total, after.len());
    assert_eq!(
        answer(&archive.reader(&reader).document(&open[0]), &open[0]),
        answer(&archive.reader(&reader).document("KHONGCO"), "KHONGCO"),
    );
    // Opened again, it is found again. A document opened first, before any search, has the
    // long-lived handle read the store's documents once and keep them (not every object on
    // every lookup, which at a million pages took seconds per page view).
    restrict("01");
    assert!(archive.visibility_cache().current(&archive).is_none());
    assert!(archive.reader(&reader).document(&open[0]).is_ok());
    assert!(archive.visibility_cache().current(&archive).is_some());
    same_as_whole_store(&archive);
    assert!(found(&archive).contains(&open[0]));
    assert!(listed(&archive).contains(&open[0]));
    assert!(archive.reader(&reader).document(&open[0]).is_ok());

    // A writer killed in the middle of a commit leaves the generation `changing`: nothing
    // is kept, every search reads the store.
    std::mem::forget(
        crate::store::generation::Generation::of_archive(&dir)
            .begin("0de/x")
            .unwrap(),
    );
    assert!(found(&archive).contains(&open[0]));
    assert!(archive.visibility_cache().current(&archive).is_none());
}

#[test]
fn entries_of_an_object_gone_from_the_store_are_shown_only_to_the_highest_clearance() {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, _) = archive_with_open_documents(tmp.path(), 1);
    let gone = archive.hoso_objects().unwrap().remove(0);
    let gone_docs: Vec<String> = gone.documents.iter().map(|d| d.id.clone()).collect();
    std::fs::remove_dir_all(archive.storage().object_root(&gone.id)).unwrap();
    // A verify run's entry naming several objects, the gone one among them.
    archive
        .audit()
        .append(
            "kiem-tra",
            "verify",
            None,
            serde_json::json!({ "objects": [gone.id.clone(), "OTHER"] }),
        )
        .unwrap();
    let names_gone = |entries: &[crate::store::audit::AuditEntry]| {
        entries.iter().any(|e| {
            let text = serde_json::to_string(e).unwrap();
            text.contains(&gone.id) || gone_docs.iter().any(|d| text.contains(d.as_str()))
        })
    };
    for clearance in [Clearance::Public, Clearance::Mat] {
        let auditor = Principal::new("kiem-tra", [Role::Auditor], clearance);
        let entries = archive
            .reader(&auditor)
            .audit_log(&AuditFilter::default())
            .unwrap();
        assert!(!names_gone(&entries), "{clearance:?}: {entries:#?}");
        assert!(entries.iter().any(|e| e.action == "verify"), "{entries:#?}");
        let by_object = archive
            .reader(&auditor)
            .audit_log(&AuditFilter {
                object: Some(gone.id.clone()),
                ..AuditFilter::default()
            })
            .unwrap();
        assert!(by_object.is_empty(), "{by_object:#?}");
    }
    let cleared = Principal::new("kiem-tra", [Role::Auditor], Clearance::ToiMat);
    let entries = archive
        .reader(&cleared)
        .audit_log(&AuditFilter::default())
        .unwrap();
    assert!(names_gone(&entries), "{entries:#?}");
}

/// DESIGN.md §7's table in the reading room, on random archives: for every clearance, with
/// and without the isolated-LAN profile, with read and copy grants over some documents, each
/// content path (page, show's text, search snippet, PDF, original scan) agrees with the
/// table, and content the principal may not use answers exactly like an unknown id; each
/// grant's first use on a document is one audit entry, and every read under it names it.
#[test]
fn content_needs_a_grant_in_the_reading_room_as_the_table_says() {
    for seed in 1..=6u64 {
        let tmp = tempfile::tempdir().unwrap();
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let archive = random_archive(&tmp.path().join("archive"), &mut rng);
        let docs: Vec<_> = archive
            .hoso_objects()
            .unwrap()
            .into_iter()
            .flat_map(|o| o.documents)
            .collect();
        // Every other document under a read grant, every third under a copy grant.
        let read: BTreeSet<String> = docs.iter().step_by(2).map(|d| d.id.clone()).collect();
        let copy: BTreeSet<String> = docs.iter().step_by(3).map(|d| d.id.clone()).collect();
        let grants = vec![
            Grant {
                id: 1,
                form: UseForm::Read,
                documents: read.clone(),
            },
            Grant {
                id: 2,
                form: UseForm::Copy,
                documents: copy.clone(),
            },
        ];
        let index = crate::catalog::open_index_read_only(&archive).unwrap();
        let options = crate::index::SearchOptions {
            limit: 100,
            ..Default::default()
        };
        for clearance in [Clearance::Public, Clearance::Mat, Clearance::ToiMat] {
            for lan in [false, true] {
                let who = Principal::new("r", [Role::Reader], clearance).in_reading_room(
                    grants.clone(),
                    lan,
                    None,
                );
                let reader = archive.reader(&who).recording_every_read();
                let ctx = format!("seed {seed}, {clearance:?}, lan {lan}");
                let hits = reader.search(&index, "chung", &options).unwrap().hits;
                for d in &docs {
                    let id = d.id.as_str();
                    let seen = clearance.covers(required(d));
                    let granted = |form| match form {
                        UseForm::Read => read.contains(id) || copy.contains(id),
                        UseForm::Copy => copy.contains(id),
                    };
                    let may = |form| {
                        seen && match regime(d) {
                            Regime::Open => true,
                            Regime::Conditional => granted(form),
                            Regime::Secret => lan && granted(form),
                        }
                    };
                    let unknown = "DOCNONE";
                    let check = |name: &str, mine: Option<String>, none: Option<String>, ok| {
                        if ok {
                            assert!(mine.is_none(), "{ctx}: {name} of {id}: {mine:?}");
                        } else {
                            assert_eq!(mine, none, "{ctx}: {name} of {id}");
                        }
                    };
                    check(
                        "page",
                        answer(&reader.page(id, 1), id),
                        answer(&reader.page(unknown, 1), unknown),
                        may(UseForm::Read),
                    );
                    check(
                        "pages",
                        answer(&reader.pages(id, &[1]), id),
                        answer(&reader.pages(unknown, &[1]), unknown),
                        may(UseForm::Read),
                    );
                    // (a document without a stored copy has no PDF to give either way)
                    if !may(UseForm::Copy) || copy_stored(&archive, id) {
                        check(
                            "pdf",
                            answer(&reader.access_copy(id), id),
                            answer(&reader.access_copy(unknown), unknown),
                            may(UseForm::Copy),
                        );
                    }
                    check(
                        "original",
                        answer(&reader.original_page(id, 1), id),
                        answer(&reader.original_page(unknown, 1), unknown),
                        may(UseForm::Copy),
                    );
                    if seen {
                        let shown = reader.show(id, None).unwrap();
                        let text: String = shown.pages.iter().map(|p| p.text.as_str()).collect();
                        assert_eq!(!text.is_empty(), may(UseForm::Read), "{ctx}: show {id}");
                        let hit = hits.iter().find(|h| h.id == id).unwrap();
                        assert_eq!(hit.needs_grant, !may(UseForm::Read), "{ctx}: hit {id}");
                        assert_eq!(
                            hit.snippet.is_empty(),
                            !may(UseForm::Read),
                            "{ctx}: snippet {id}"
                        );
                    } else {
                        assert!(hits.iter().all(|h| h.id != id), "{ctx}: hit {id}");
                    }
                }
            }
        }
        // Grant uses: one first-use entry per grant and document, and reads naming the grant.
        let entries = archive.audit().entries().unwrap();
        let firsts: Vec<_> = entries
            .iter()
            .filter(|e| e.action == GRANT_USE_ACTION)
            .collect();
        for e in &firsts {
            let doc = e.detail["document"].as_str().unwrap();
            let grant = e.detail["grant"].as_i64().unwrap();
            assert!(
                (grant == 1 && read.contains(doc)) || (grant == 2 && copy.contains(doc)),
                "seed {seed}: {e:?}"
            );
        }
        let named: Vec<_> = entries
            .iter()
            .filter(|e| e.action.starts_with("read") && e.detail.get("grant").is_some())
            .collect();
        assert_eq!(named.is_empty(), firsts.is_empty(), "seed {seed}");
    }
}

/// Whether document `id` has an access copy stored (the random archives give some).
fn copy_stored(archive: &Archive, id: &str) -> bool {
    let host = Principal::local_operator("host", Clearance::ToiMat);
    archive.reader(&host).access_copy(id).is_ok()
}

/// The auditor's fixity status and chain head on random archives: for every clearance, the
/// objects listed are those with a document the auditor may see (never-verified first), an
/// object they may not be told of answers like an unknown id, a run's result and who ran
/// it are read back from its `verify` entry, a recorded head is extended by the log and a
/// made-up one is not; other roles are refused.
#[test]
fn an_auditor_reads_fixity_and_the_chain_head_as_their_clearance_allows() {
    use super::FixityState;
    use crate::verify::{NoProgress, Scope};
    let tmp = tempfile::tempdir().unwrap();
    for seed in 1..=5_u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let archive = random_archive(&tmp.path().join(format!("a{seed}")), &mut rng);
        let objects = archive.hoso_objects().unwrap();
        let verifier = Principal::new("kiem-tra", [Role::Auditor], Clearance::ToiMat);
        let reader = Principal::new("doc-gia", [Role::Reader], Clearance::ToiMat);
        let refused = |e: &Error| matches!(e, Error::Forbidden(_));
        assert!(refused(&archive.reader(&reader).fixity().unwrap_err()));
        assert!(refused(&archive.reader(&reader).chain_head().unwrap_err()));
        assert!(refused(
            &archive.reader(&reader).check_chain(None).unwrap_err()
        ));
        assert!(refused(
            &archive.writer(&reader).record_chain_head().unwrap_err()
        ));

        let before = archive.reader(&verifier).fixity().unwrap();
        assert!(before.iter().all(|o| o.state == FixityState::NeverVerified));
        let report = archive
            .writer(&verifier)
            .verify(&Scope::Sample(1), &NoProgress)
            .unwrap();
        let checked = &report.objects[0];
        for clearance in [Clearance::Public, Clearance::Mat, Clearance::ToiMat] {
            let auditor = Principal::new("kiem-tra-2", [Role::Auditor], clearance);
            let audit = archive.reader(&auditor);
            let listed = audit.fixity().unwrap();
            let expected: BTreeSet<&str> = objects
                .iter()
                .filter(|o| o.documents.iter().any(|d| clearance.may_see(d)))
                .map(|o| o.id.as_str())
                .collect();
            let ids: BTreeSet<&str> = listed.iter().map(|o| o.object.as_str()).collect();
            assert_eq!(ids, expected, "seed {seed}, {clearance:?}");
            // Never-verified first.
            let verified_at = listed.iter().position(|o| o.last_verified.is_some());
            if let Some(at) = verified_at {
                assert!(listed[at..].iter().all(|o| o.last_verified.is_some()));
            }
            for o in &listed {
                if o.object == checked.id {
                    let last = o.last_verified.as_ref().unwrap();
                    assert_eq!((last.actor.as_str(), last.intact), ("kiem-tra", checked.ok));
                    let state = if checked.ok {
                        FixityState::Intact
                    } else {
                        FixityState::Damaged
                    };
                    assert_eq!(o.state, state);
                    let (detail, runs) = audit.object_fixity(&o.object).unwrap();
                    assert_eq!((&detail, runs.len()), (o, 1));
                } else {
                    assert_eq!(o.state, FixityState::NeverVerified, "seed {seed}");
                }
            }
            for o in objects.iter().filter(|o| !expected.contains(o.id.as_str())) {
                assert_eq!(
                    answer(&audit.object_fixity(&o.id), &o.id),
                    answer(&audit.object_fixity("KHONGCO"), "KHONGCO"),
                );
            }
        }

        // The chain head: recorded, then proven extended; a head never in the log is not.
        let head = archive.reader(&verifier).chain_head().unwrap();
        let entry = archive.writer(&verifier).record_chain_head().unwrap();
        assert_eq!(entry.action, super::CHAIN_HEAD_ACTION);
        assert_eq!(entry.detail["head"], head.hash.as_str());
        assert_eq!(entry.detail["entries"], head.entries);
        let now = archive.reader(&verifier).chain_head().unwrap();
        assert_eq!(
            (now.hash.as_str(), now.entries),
            (entry.hash.as_str(), head.entries + 1)
        );
        let check = archive
            .reader(&verifier)
            .check_chain(Some(&head.hash))
            .unwrap();
        assert!(check.ok && check.extends_head == Some(true), "{check:?}");
        let never = "ab".repeat(32);
        let check = archive.reader(&verifier).check_chain(Some(&never)).unwrap();
        assert!(!check.ok && check.extends_head == Some(false), "{check:?}");
    }
}

#[test]
fn the_audit_log_is_filtered_by_days() {
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let filter = AuditFilter {
        from: day("2026-12-02"),
        to: day("2026-12-03"),
        ..AuditFilter::default()
    };
    assert!(!filter.in_days("2026-12-01T23:59:59.999Z"));
    assert!(filter.in_days("2026-12-02T00:00:00.000Z"));
    assert!(filter.in_days("2026-12-03T23:59:59.999Z"));
    // Days are UTC: 06:00 on the 4th in Hà Nội is the 3rd.
    assert!(filter.in_days("2026-12-04T06:00:00+07:00"));
    assert!(!filter.in_days("2026-12-04T00:00:00.000Z"));
    assert!(!filter.in_days("not a time"));
    assert!(AuditFilter::default().in_days("not a time"));
    let from_only = AuditFilter {
        from: day("2026-12-02"),
        ..AuditFilter::default()
    };
    assert!(from_only.in_days("2030-01-01T00:00:00Z"));
}
