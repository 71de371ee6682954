//! Pins the stored JSON: one snapshot per record type (`src/snapshots/`, ULIDs and times
//! redacted), and records written in format version 1 (`fixtures/v1/`, written by hand in
//! the format stored since the first archive) read into these types and written back to the
//! same bytes.

use archive_schema::{HoSoRecord, HoSoSidecar, TaiLieuRecord, Valued};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::*;

fn word(text: &str, bbox: [u32; 4], confidence: f32, line: u32) -> WordRecord {
    WordRecord {
        text: text.into(),
        bbox,
        confidence,
        line,
    }
}

/// An OCR page with every optional part present (preprocessing, provenance, stamp ink, a
/// page extract).
fn ocr_page() -> PageRecord {
    PageRecord {
        number: 2,
        source_file: "hs-07/thong-tri.tif".into(),
        source_page: 2,
        source_sha256: "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9".into(),
        technical: TechnicalRecord {
            format: FileFormat::Tiff,
            width: 2480,
            height: 3508,
            dpi: Some(300.0),
            bits_per_sample: 8,
            samples_per_pixel: 3,
            compression: "lzw".into(),
        },
        conformance: ConformanceRecord::default(),
        preprocess: Some(PreprocessRecord {
            dpi: 300,
            dpi_from_file: true,
            blank: false,
            ink_ratio: 0.0836,
            skew_degrees: -1.25,
            deskewed: true,
            rotation: 90,
            smoothed: false,
        }),
        text_source: TextSource::Ocr,
        text: "ĐẢNG CỘNG SẢN VIỆT NAM\n\nTHÔNG TRI".into(),
        mean_confidence: 91.5,
        words: vec![
            word("ĐẢNG", [434, 239, 165, 50], 95.75, 0),
            word("TRI", [900, 410, 120, 52], 88.0, 2),
        ],
        ocr: Some(OcrProvenance {
            engine: "tesseract 5.3.0".into(),
            languages: "vie".into(),
            models: vec![ModelRecord {
                name: "vie".into(),
                sha256: "79df64caf7bcfb2a27df5042ecb6121e196eada34da774956995747636d5bfa1".into(),
                matches_manifest: true,
            }],
        }),
        header_ink: vec![
            InkRegionRecord {
                ink: InkKind::Red,
                bbox: [1600, 180, 420, 120],
                words: vec![word("MẬT", [1700, 200, 200, 80], 72.5, 0)],
            },
            InkRegionRecord {
                ink: InkKind::Frame,
                bbox: [120, 90, 300, 140],
                words: Vec::new(),
            },
        ],
        closing_reading: None,
        closing_reading_as_scanned: None,
        page_extract: Some(PageExtract {
            path: extract_path("hs-07/thong-tri.tif", 2),
            sha256: "f9e8d7c6b5a40918273645f9e8d7c6b5a40918273645f9e8d7c6b5a4091827".into(),
        }),
    }
}

/// A blank page: no words, no provenance, the optional parts left out.
fn blank_page() -> PageRecord {
    PageRecord {
        number: 3,
        source_file: "hs-07/back.jpg".into(),
        source_page: 1,
        source_sha256: "1".repeat(64),
        technical: TechnicalRecord {
            format: FileFormat::Jpeg,
            width: 1240,
            height: 1754,
            dpi: None,
            bits_per_sample: 8,
            samples_per_pixel: 1,
            compression: "jpeg".into(),
        },
        conformance: ConformanceRecord {
            below_200_dpi: false,
            dpi_unknown: true,
            below_24_bit_colour: true,
        },
        preprocess: Some(PreprocessRecord {
            dpi: 300,
            dpi_from_file: false,
            blank: true,
            ink_ratio: 0.0004,
            skew_degrees: 0.0,
            deskewed: false,
            rotation: 0,
            smoothed: false,
        }),
        text_source: TextSource::Blank,
        text: String::new(),
        mean_confidence: 0.0,
        words: Vec::new(),
        ocr: None,
        header_ink: Vec::new(),
        closing_reading: None,
        closing_reading_as_scanned: None,
        page_extract: None,
    }
}

const DOCUMENT_ID: &str = "01J9Z3Q4W5E6R7T8Y9V0M1N2P3";
const OBJECT_ID: &str = "01J9Z3Q4W5E6R7T8Y9V0M1N2P4";

fn document() -> DocumentRecord {
    let record = TaiLieuRecord {
        ma_dinh_danh: Some(Valued::inferred(DOCUMENT_ID.into())),
        ten_loai: Some(Valued::extracted("Thông tri".into(), 0.95).on_page(1)),
        trich_yeu: Some(Valued::given("về công tác lưu trữ".into())),
        ..Default::default()
    };
    DocumentRecord {
        id: DOCUMENT_ID.into(),
        ordinal: 1,
        pages: vec![1, 2],
        summary: DocumentSummary {
            title: "Thông tri số 07-TT/ĐUK về công tác lưu trữ".into(),
            doc_type: "Thông tri".into(),
            symbol: "07-TT/ĐUK".into(),
            date: "1997-03-12".into(),
            issuer: "ĐẢNG ỦY KHỐI".into(),
        },
        record,
        review_notes: vec!["page 2 may be missing".into()],
        approval: Some("QĐ-17/2025".into()),
        reviewed: true,
        format: Some("party".into()),
    }
}

fn hoso() -> HoSoMetadata {
    HoSoMetadata {
        id: OBJECT_ID.into(),
        record: HoSoRecord {
            ma_ho_so: Some(Valued::given("H67.12.1997.07".into())),
            tieu_de: Some(Valued::given("Thông tri năm 1997".into())),
            ..Default::default()
        },
    }
}

fn source() -> SourceRecord {
    SourceRecord {
        box_name: "box-07".into(),
        hoso: "hs-07".into(),
        box_sidecar: None,
        hoso_sidecar: None,
    }
}

fn event(event_type: EventType, time: &str, agent: &str, detail: serde_json::Value) -> Event {
    Event {
        event_type,
        time: time.into(),
        agent: agent.into(),
        outcome: EventOutcome::Success,
        detail,
    }
}

/// One event of each type, in the order an ingest, an approval and an edit write them.
fn events() -> Vec<Event> {
    let time = "2025-09-01T08:00:00Z";
    vec![
        event(
            EventType::Ingestion,
            time,
            "archivist",
            serde_json::json!({"pages": 3, "new_version": false}),
        ),
        event(
            EventType::Ocr,
            time,
            "tesseract 5.3.0",
            serde_json::json!({"pages": 2, "languages": "vie", "models": []}),
        ),
        event(
            EventType::Classification,
            "2025-09-01T08:00:01Z",
            "sohoa 0.1.0 classify",
            serde_json::json!({"documents": []}),
        ),
        Event {
            outcome: EventOutcome::AdmittedAsMat,
            ..event(
                EventType::Approval,
                "2025-09-01T08:00:01Z",
                "archivist",
                serde_json::json!({
                    "document": DOCUMENT_ID, "reference": "QĐ-17/2025", "do_mat": "Mật"
                }),
            )
        },
        event(
            EventType::MetadataEdit,
            "2025-09-02T10:30:00Z",
            "archivist",
            serde_json::json!({"document": null, "changes": []}),
        ),
    ]
}

#[test]
fn page_record_json() {
    insta::assert_json_snapshot!("page_ocr", ocr_page());
    insta::assert_json_snapshot!("page_blank", blank_page());
}

#[test]
fn document_record_json() {
    insta::assert_json_snapshot!("document", document(), {
        ".id" => "[ulid]",
        ".record.ma_dinh_danh.value" => "[ulid]",
    });
}

#[test]
fn hoso_metadata_json() {
    insta::assert_json_snapshot!("hoso", hoso(), { ".id" => "[ulid]" });
}

#[test]
fn source_record_json() {
    let with_sidecar = SourceRecord {
        hoso_sidecar: Some(HoSoSidecar {
            tieu_de: Some("Thông tri năm 1997".into()),
            ..Default::default()
        }),
        ..source()
    };
    insta::assert_json_snapshot!("source", with_sidecar);
}

#[test]
fn events_json() {
    insta::assert_json_snapshot!("events", events(), {
        "[].time" => "[time]",
        "[].detail.document" => "[ulid]",
    });
}

/// Reads `fixture`, checks it reads as `expected`, and writes it back to the same text.
fn reads_and_writes_back<T>(fixture: &str, expected: &T)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let read: T = serde_json::from_str(fixture).expect("a version 1 record reads");
    assert_eq!(&read, expected);
    let written = serde_json::to_string_pretty(&read).expect("records serialise");
    assert_eq!(written, fixture.trim_end(), "the stored bytes changed");
}

#[test]
fn version_1_records_read_and_write_back_unchanged() {
    reads_and_writes_back(include_str!("../fixtures/v1/page-ocr.json"), &ocr_page());
    reads_and_writes_back(
        include_str!("../fixtures/v1/page-blank.json"),
        &blank_page(),
    );
    reads_and_writes_back(include_str!("../fixtures/v1/document.json"), &document());
    reads_and_writes_back(include_str!("../fixtures/v1/hoso.json"), &hoso());
    reads_and_writes_back(include_str!("../fixtures/v1/source.json"), &source());
    let mut events = events();
    events[3].detail["document"] = DOCUMENT_ID.into();
    reads_and_writes_back(include_str!("../fixtures/v1/events.json"), &events);
}

#[test]
fn records_of_before_conformance_read_with_it_cleared() {
    // Page records written before the Thông tư 05 flags had no `conformance`.
    let mut json: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/v1/page-ocr.json")).unwrap();
    json.as_object_mut().unwrap().remove("conformance");
    let page: PageRecord = serde_json::from_value(json).unwrap();
    assert_eq!(page.conformance, ConformanceRecord::default());
}

#[test]
fn an_unknown_event_type_is_refused() {
    let text = include_str!("../fixtures/v1/events.json").replace("\"ocr\"", "\"OCR\"");
    let error = serde_json::from_str::<Vec<Event>>(&text).unwrap_err();
    assert!(error.to_string().contains("OCR"), "{error}");
}

#[test]
fn stored_image_is_the_extract_when_there_is_one() {
    let page = ocr_page();
    assert_eq!(
        page.stored_image_path(),
        "extracts/hs-07/thong-tri.tif/page-0002.png"
    );
    assert_eq!(
        page.stored_image_sha256(),
        page.page_extract.as_ref().unwrap().sha256
    );
    let page = blank_page();
    assert_eq!(page.stored_image_path(), "originals/hs-07/back.jpg");
    assert_eq!(page.stored_image_sha256(), "1".repeat(64));
}
