//! Catalogue a hồ sơ: its stored page records in, the object's metadata files out.
//!
//! In: the hồ sơ's source (box, path, sidecars), its page records in order, and the object
//! as stored so far (if any). Out: [`BuiltHoSo`]: the logical JSON files of the next version
//! (`metadata/source.json`, `metadata/hoso.json`, one `metadata/documents/{id}.json` per
//! tài liệu, `pages/NNNN.json` and `pages/NNNN.hocr`) and the document records; PREMIS-style events
//! ([`events_after`]); and the index entries of the documents ([`index_entries`]).
//! Documents follow the archivist's `hoso.json` page ranges, else the hồ sơ is one document.
//! Document ids are reused from the stored object, so they never change.

use std::collections::BTreeMap;

use archive_schema::{
    compose_ma_ho_so, ma_luu_tru_tai_lieu, BoxSidecar, HoSoRecord, HoSoSidecar, TaiLieuRecord,
    Valued,
};

use crate::classify::{self, Reading};
use crate::decode::TechnicalMetadata;
use crate::discover::HoSoSource;
use crate::edit::json;
use crate::index::{IndexedDocument, IndexedPage};
use crate::store::ocfl::FileSource;
use crate::store::records::{
    document_path, hocr_path, keep_given_values, page_path, DocumentRecord, DocumentSummary, Event,
    EventOutcome, EventType, HoSoMetadata, OcrProvenance, PageRecord, SourceRecord, TextSource,
    EVENTS_PATH, HOSO_PATH, SOURCE_PATH,
};
use crate::store::HoSoObject;
use crate::Result;

/// The metadata files and documents of a hồ sơ's next version.
pub struct BuiltHoSo {
    pub files: BTreeMap<String, FileSource>,
    pub documents: Vec<DocumentRecord>,
}

/// Where `value` was read on `page` (its `lines` when the classifier knows them): see
/// [`archive_records::locate::value_on_page`].
fn value_box(page: &PageRecord, lines: Option<[usize; 2]>, value: &str) -> Option<[u32; 4]> {
    archive_records::locate::value_on_page(&page.words, &page.text, lines, value)
}

/// A document of a hồ sơ as split and admitted: its hồ sơ pages, what a reviewer should
/// check, and the approval it was admitted under (classified or unreadable ones).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentPlan {
    pub pages: Vec<u32>,
    pub review_notes: Vec<String>,
    pub restriction: Option<crate::policy::Restriction>,
}

/// Builds the metadata files of a hồ sơ from its pages (in hồ sơ order) and its documents.
pub fn build_hoso(
    object_id: &str,
    box_name: &str,
    box_sidecar: Option<&BoxSidecar>,
    source: &HoSoSource,
    pages: &[PageRecord],
    plans: &[DocumentPlan],
    existing: Option<&HoSoObject>,
) -> Result<BuiltHoSo> {
    let sidecar = source.sidecar.clone().unwrap_or_default();
    let mut files = BTreeMap::new();
    files.insert(
        SOURCE_PATH.to_string(),
        json(&SourceRecord {
            box_name: box_name.to_string(),
            hoso: source.path.clone(),
            box_sidecar: box_sidecar.cloned(),
            hoso_sidecar: source.sidecar.clone(),
        }),
    );
    for page in pages {
        let mut page = page.clone();
        page.conformance = TechnicalMetadata::from(&page.technical)
            .conformance()
            .into();
        files.insert(page_path(page.number), json(&page));
        let system = page.ocr.as_ref().map_or("", |o| o.engine.as_str());
        let image = page.stored_image_path();
        files.insert(
            hocr_path(page.number),
            FileSource::Bytes(crate::hocr::render(&page, &image, system).into_bytes()),
        );
    }

    let context = HoSoContext::new(box_name, box_sidecar, &source.path, source.sidecar.as_ref());
    let by_number: BTreeMap<u32, &PageRecord> = pages.iter().map(|p| (p.number, p)).collect();
    let mut documents = Vec::new();
    for (i, plan) in plans.iter().enumerate() {
        let earlier = existing.and_then(|o| {
            o.documents
                .iter()
                .find(|d| d.pages.first() == plan.pages.first())
        });
        let doc = context.document(i as u32 + 1, plan, &by_number, earlier);
        files.insert(document_path(&doc.id), json(&doc));
        documents.push(doc);
    }
    let HoSoContext {
        ma_phong, ma_ho_so, ..
    } = &context;
    let (ma_phong, ma_ho_so) = (ma_phong.clone(), ma_ho_so.clone());

    let given = |v: &Option<String>| v.clone().map(Valued::given);
    let record = HoSoRecord {
        ma_ho_so: ma_ho_so.map(|code| context.code_value(code)),
        ma_phong: ma_phong.map(Valued::given),
        muc_luc_hoac_nam: given(&sidecar.muc_luc_hoac_nam),
        so_ho_so: given(&sidecar.so_ho_so),
        tieu_de: given(&sidecar.tieu_de),
        thoi_han_bao_quan: given(&sidecar.thoi_han_bao_quan),
        che_do_su_dung: given(&sidecar.che_do_su_dung),
        ngon_ngu: Some(given(&sidecar.ngon_ngu).unwrap_or_else(|| Valued::inferred("vi".into()))),

        tu_khoa: sidecar.tu_khoa.clone().map(Valued::given),
        tong_so_tai_lieu: Some(Valued::inferred(documents.len() as u32)),
        so_luong_to: Some(Valued::inferred(sheets(pages))),
        so_luong_trang: Some(Valued::inferred(pages_with_content(pages))),
        tinh_trang_vat_ly: given(&sidecar.tinh_trang_vat_ly),
        muc_do_tin_cay: Some(Valued::inferred("02".into())),
        ma_ho_so_goc_giay: given(&sidecar.ma_ho_so_goc_giay),
        ghi_chu: given(&sidecar.ghi_chu),
        ..Default::default()
    };
    let mut record = record;
    infer_from_documents(&mut record, &documents);
    if let Some(o) = existing.filter(|o| o.files().contains_key(HOSO_PATH)) {
        let earlier: HoSoMetadata = o.read_json(HOSO_PATH)?;
        keep_given_values(&mut record, &earlier.record);
    }
    files.insert(
        HOSO_PATH.to_string(),
        json(&HoSoMetadata {
            id: object_id.to_string(),
            record,
        }),
    );
    Ok(BuiltHoSo { files, documents })
}

/// What every document record of a hồ sơ takes from the hồ sơ: the values its sidecar
/// gives, its mã hồ sơ (given or inferred from stable names) and the title of a document
/// that has none of its own. Ingest ([`build_hoso`]) and a correction of the split
/// ([`crate::resplit`]) make document records with it, so both read a document alike.
pub struct HoSoContext {
    sidecar: HoSoSidecar,
    ma_phong: Option<String>,
    ma_ho_so: Option<String>,
    /// Every part of the mã hồ sơ was given (else it is inferred).
    all_given: bool,
    fallback_title: String,
}

impl HoSoContext {
    /// The context of hồ sơ `hoso_path` of box `box_name`, with their sidecars.
    pub fn new(
        box_name: &str,
        box_sidecar: Option<&BoxSidecar>,
        hoso_path: &str,
        hoso_sidecar: Option<&HoSoSidecar>,
    ) -> HoSoContext {
        let sidecar = hoso_sidecar.cloned().unwrap_or_default();
        // mã hồ sơ: archive code . phông . mục lục or year . số hồ sơ, when the archivist gave them.
        let ma_phong = sidecar
            .ma_phong
            .clone()
            .or_else(|| box_sidecar.and_then(|b| b.ma_phong.clone()));
        // Parts the archivist did not give are inferred from stable names (box, hồ sơ path), so
        // the code, the mã lưu trữ tài liệu and the access-copy file names stay the same across
        // re-ingest; the code is then marked inferred (editable with `sohoa edit`).
        let given_parts = [
            box_sidecar.and_then(|b| b.ma_co_quan_luu_tru.clone()),
            ma_phong.clone(),
            sidecar.muc_luc_hoac_nam.clone(),
            sidecar.so_ho_so.clone(),
        ];
        let all_given = given_parts.iter().all(Option::is_some);
        let fallbacks = [
            "000".to_string(),
            code_part(box_name),
            "0".to_string(),
            code_part(hoso_path),
        ];
        let parts: Vec<String> = given_parts
            .iter()
            .zip(fallbacks)
            .map(|(g, f)| g.clone().unwrap_or(f))
            .collect();
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        let ma_ho_so = compose_ma_ho_so(&refs).ok();
        let fallback_title = sidecar
            .tieu_de
            .clone()
            .unwrap_or_else(|| hoso_path.to_string());
        HoSoContext {
            sidecar,
            ma_phong,
            ma_ho_so,
            all_given,
            fallback_title,
        }
    }

    fn code_value(&self, code: String) -> Valued<String> {
        if self.all_given {
            Valued::given(code)
        } else {
            Valued::inferred(code)
        }
    }

    /// Gives `record` the số thứ tự and mã lưu trữ tài liệu of the `ordinal`-th document of
    /// the hồ sơ, unless the archivist gave them.
    pub fn renumber(&self, record: &mut TaiLieuRecord, ordinal: u32) {
        let given = |source: Option<archive_schema::ValueSource>| {
            source == Some(archive_schema::ValueSource::Given)
        };
        if !given(record.so_thu_tu.as_ref().map(|v| v.source)) {
            record.so_thu_tu = Some(Valued::inferred(ordinal));
        }
        if !given(record.ma_luu_tru_tai_lieu.as_ref().map(|v| v.source)) {
            record.ma_luu_tru_tai_lieu = self
                .ma_ho_so
                .as_deref()
                .and_then(|m| ma_luu_tru_tai_lieu(m, ordinal).ok())
                .map(Valued::inferred);
        }
    }

    /// The record of the document `plan` describes, `ordinal` in its hồ sơ, read from its
    /// pages (`by_number`: the hồ sơ's page records by number) by the classifier. `earlier`
    /// is the stored document with the same first page: its id is kept (else a new ULID),
    /// and so are the values the archivist gave it and its review while its pages are the
    /// same.
    pub fn document(
        &self,
        ordinal: u32,
        plan: &DocumentPlan,
        by_number: &BTreeMap<u32, &PageRecord>,
        earlier: Option<&DocumentRecord>,
    ) -> DocumentRecord {
        let sidecar = &self.sidecar;
        let group = &plan.pages;
        let id = earlier.map_or_else(|| ulid::Ulid::new().to_string(), |d| d.id.clone());
        let texts: Vec<&str> = group.iter().map(|n| by_number[n].text.as_str()).collect();
        let closing: Vec<Vec<&str>> = group
            .iter()
            .map(|n| {
                let page = by_number[n];
                [&page.closing_reading, &page.closing_reading_as_scanned]
                    .into_iter()
                    .filter_map(|r| r.as_deref())
                    .collect()
            })
            .collect();
        let found = classify::extract_with_closing(&texts, &closing);
        // A reading's page is 1-based within the document; records name the hồ sơ page,
        // and the box of the words on it the value was read from.
        let extracted = |r: &Option<Reading>| {
            r.as_ref().map(|r| {
                let page = group.get(r.page as usize - 1).copied().unwrap_or(group[0]);
                Valued::extracted(r.value.clone(), r.confidence)
                    .on_page(page)
                    .at_box(value_box(by_number[&page], r.lines, &r.value))
            })
        };
        let mut do_mat = extracted(&found.do_mat);
        let mut che_do_su_dung = sidecar.che_do_su_dung.clone().map(Valued::given);
        if let Some(restriction) = &plan.restriction {
            // Admitted under an approval: chế độ sử dụng Mật (code 03), whatever else was said.
            che_do_su_dung = Some(Valued::inferred("03".to_string()));
            if do_mat.is_none() {
                do_mat = restriction
                    .level
                    .map(|l| Valued::extracted(l.label().to_string(), 0.8).on_page(group[0]));
            }
        }
        let noi_nhan = (!found.noi_nhan.is_empty()).then(|| {
            let page = group
                .get(found.noi_nhan_page.max(1) as usize - 1)
                .copied()
                .unwrap_or(group[0]);
            let first = found.noi_nhan.first().map_or("", String::as_str);
            Valued::extracted(found.noi_nhan.clone(), 0.7)
                .on_page(page)
                .at_box(value_box(by_number[&page], None, first))
        });
        let mut record = TaiLieuRecord {
            ma_dinh_danh: Some(Valued::inferred(id.clone())),
            ma_luu_tru_tai_lieu: self
                .ma_ho_so
                .as_deref()
                .and_then(|m| ma_luu_tru_tai_lieu(m, ordinal).ok())
                .map(Valued::inferred),
            ma_ho_so: self.ma_ho_so.clone().map(|code| self.code_value(code)),
            so_thu_tu: Some(Valued::inferred(ordinal)),
            ten_loai: extracted(&found.ten_loai),
            so: extracted(&found.so),
            ky_hieu: extracted(&found.ky_hieu),
            ngay_ban_hanh: extracted(&found.ngay_ban_hanh),
            dia_danh: extracted(&found.dia_danh),
            co_quan_ban_hanh: extracted(&found.co_quan_ban_hanh),
            co_quan_cap_tren: extracted(&found.co_quan_cap_tren),
            trich_yeu: extracted(&found.trich_yeu),
            nguoi_ky: extracted(&found.nguoi_ky),
            chuc_vu: extracted(&found.chuc_vu),
            tham_quyen: extracted(&found.tham_quyen),
            noi_nhan,
            ngon_ngu: Some(
                sidecar
                    .ngon_ngu
                    .clone()
                    .map_or_else(|| Valued::inferred("vi".to_string()), Valued::given),
            ),
            // Pages with content; blank backs are in the document but not counted.
            so_luong_trang: Some(Valued::inferred(
                group
                    .iter()
                    .filter(|n| by_number[n].text_source != TextSource::Blank)
                    .count() as u32,
            )),
            do_mat,
            do_khan: extracted(&found.do_khan),
            che_do_su_dung,
            muc_do_tin_cay: Some(Valued::inferred("02".to_string())),
            ..Default::default()
        };
        if let Some(earlier) = earlier {
            keep_given_values(&mut record, &earlier.record);
        }
        let summary = DocumentSummary::from_record(&record, &self.fallback_title);
        DocumentRecord {
            id,
            ordinal,
            pages: group.clone(),
            summary,
            record,
            // A review holds while the document keeps its pages.
            reviewed: earlier.is_some_and(|e| e.reviewed && e.pages == *group),
            review_notes: if earlier.is_some_and(|e| e.reviewed && e.pages == *group) {
                Vec::new()
            } else {
                plan.review_notes.clone()
            },
            approval: plan.restriction.as_ref().map(|r| r.reference.clone()),
            format: found.format.as_ref().map(|f| f.value.clone()),
        }
    }
}

/// A name made into a mã hồ sơ part: diacritics folded (`đ` → `d`), anything but ASCII
/// letters and digits turned into `-`.
fn code_part(name: &str) -> String {
    let folded = archive_schema::fold(name);
    let mut part = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            part.push(c);
        } else if !part.ends_with('-') {
            part.push('-');
        }
    }
    let part = part.trim_matches('-');
    if part.is_empty() {
        "x".to_string()
    } else {
        part.to_string()
    }
}

/// Fills the hồ sơ fields that follow from its documents, unless the archivist gave them:
/// tiêu đề (the first document's title), thời gian bắt đầu / kết thúc (the earliest and
/// latest document dates), from the documents needing the least clearance.
/// Số lượng tờ of `pages` (in order): every scanned side, less the blank backs (a blank
/// page right after a page shares its sheet).
pub fn sheets(pages: &[PageRecord]) -> u32 {
    let backs = pages
        .windows(2)
        .filter(|w| w[1].text_source == TextSource::Blank && w[0].text_source != TextSource::Blank)
        .count();
    (pages.len() - backs) as u32
}

/// Số lượng trang of `pages`: the pages with content.
pub fn pages_with_content(pages: &[PageRecord]) -> u32 {
    pages
        .iter()
        .filter(|p| p.text_source != TextSource::Blank)
        .count() as u32
}

pub fn infer_from_documents(record: &mut HoSoRecord, documents: &[DocumentRecord]) {
    // A hồ sơ's record is seen by whoever sees one of its documents: it is inferred from
    // those needing the least clearance, so that a Mật document's title or date does not
    // become the record of a hồ sơ others may see.
    let least = documents.iter().map(crate::clearance::required).min();
    let documents: Vec<&DocumentRecord> = documents
        .iter()
        .filter(|d| Some(crate::clearance::required(d)) == least)
        .collect();
    let dates: Vec<&str> = documents
        .iter()
        .map(|d| d.summary.date.as_str())
        .filter(|d| !d.is_empty())
        .collect();
    let given = |f: &Option<Valued<String>>| {
        f.as_ref()
            .is_some_and(|v| v.source == archive_schema::ValueSource::Given)
    };
    if !given(&record.tieu_de) {
        record.tieu_de = documents
            .first()
            .map(|d| Valued::inferred(d.summary.title.clone()));
    }
    if !given(&record.thoi_gian_bat_dau) {
        record.thoi_gian_bat_dau = dates.iter().min().map(|d| Valued::inferred(d.to_string()));
    }
    if !given(&record.thoi_gian_ket_thuc) {
        record.thoi_gian_ket_thuc = dates.iter().max().map(|d| Valued::inferred(d.to_string()));
    }
}

/// The events file of the next version: the stored events plus this ingest and its OCR.
pub fn events_after(
    existing: Option<&HoSoObject>,
    actor: &str,
    provenance: &OcrProvenance,
    pages_recognised: usize,
    pages_total: usize,
    documents: &[DocumentRecord],
) -> Result<Vec<u8>> {
    let mut events: Vec<Event> = match existing {
        Some(o) if o.inventory.head_files().contains_key(EVENTS_PATH) => {
            o.read_json(EVENTS_PATH)?
        }
        _ => Vec::new(),
    };
    let time = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    events.push(Event {
        event_type: EventType::Ingestion,
        time: time.clone(),
        agent: actor.to_string(),
        outcome: EventOutcome::Success,
        detail: serde_json::json!({"pages": pages_total, "new_version": existing.is_some()}),
    });
    if pages_recognised > 0 {
        events.push(Event {
            event_type: EventType::Ocr,
            time,
            agent: provenance.engine.clone(),
            outcome: EventOutcome::Success,
            detail: serde_json::json!({"pages": pages_recognised, "languages": provenance.languages, "models": provenance.models}),
        });
    }
    events.push(Event {
        event_type: EventType::Classification,
        time: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        agent: format!("sohoa {} classify", env!("CARGO_PKG_VERSION")),
        outcome: EventOutcome::Success,
        detail: serde_json::json!({
            "documents": documents.iter().map(|d| serde_json::json!({
                "id": d.id,
                "pages": d.pages,
                "ten_loai": d.summary.doc_type,
                "symbol": d.summary.symbol,
                "date": d.summary.date,
            })).collect::<Vec<_>>(),
        }),
    });
    // Classified documents admitted under an approval: the approval is provenance.
    for d in documents {
        if let Some(reference) = &d.approval {
            let before = existing
                .and_then(|o| o.documents.iter().find(|e| e.id == d.id))
                .and_then(|e| e.approval.as_ref());
            if before != Some(reference) {
                events.push(Event {
                    event_type: EventType::Approval,
                    time: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    agent: actor.to_string(),
                    outcome: EventOutcome::AdmittedAsMat,
                    detail: serde_json::json!({
                        "document": d.id,
                        "reference": reference,
                        "do_mat": d.record.do_mat.as_ref().map(|v| &v.value),
                    }),
                });
            }
        }
    }
    Ok(serde_json::to_vec_pretty(&events).expect("events serialise"))
}

/// Index entries for the documents of a hồ sơ. Page numbers in the index count from 1
/// within each document.
pub fn index_entries(
    box_name: &str,
    hoso: &str,
    documents: &[DocumentRecord],
    pages: &[PageRecord],
) -> Vec<IndexedDocument> {
    let by_number: BTreeMap<u32, &PageRecord> = pages.iter().map(|p| (p.number, p)).collect();
    documents
        .iter()
        .map(|d| IndexedDocument {
            id: d.id.clone(),
            hoso: hoso.to_string(),
            box_name: box_name.to_string(),
            title: d.summary.title.clone(),
            doc_type: d.summary.doc_type.clone(),
            symbol: d.summary.symbol.clone(),
            date: d.summary.date.clone(),
            issuer: d.summary.issuer.clone(),
            do_mat: d
                .record
                .do_mat
                .as_ref()
                .map(|v| v.value.clone())
                .unwrap_or_default(),
            restricted: crate::clearance::is_restricted(d),
            fonds: fonds_of(d),
            pages: d
                .pages
                .iter()
                .enumerate()
                .filter_map(|(i, n)| {
                    by_number.get(n).map(|p| IndexedPage {
                        number: i as u32 + 1,
                        text: p.text.clone(),
                    })
                })
                .collect(),
        })
        .collect()
}

/// The phông (fonds) code of a document: the second part of its mã hồ sơ, or empty.
pub fn fonds_of(doc: &DocumentRecord) -> String {
    fonds_of_record(&doc.record)
}

/// The phông (fonds) code of a catalog record: the second part of its mã hồ sơ, or empty.
pub fn fonds_of_record(record: &archive_schema::TaiLieuRecord) -> String {
    record
        .ma_ho_so
        .as_ref()
        .and_then(|m| m.value.split('.').nth(1))
        .unwrap_or_default()
        .to_string()
}

/// Opens the archive's search index; one written by another version of sohoa (another
/// schema) is rebuilt from the store first — the index is derived data.
pub fn open_index(archive: &crate::store::Archive) -> Result<crate::index::SearchIndex> {
    match crate::index::SearchIndex::open_or_create(&archive.index_dir()) {
        Err(crate::Error::Index(tantivy::TantivyError::SchemaError(message))) => {
            tracing::warn!("{message}: rebuilding the index from the store");
            reindex(archive)?;
            crate::index::SearchIndex::open_or_create(&archive.index_dir())
        }
        other => other,
    }
}

/// Opens the archive's index for searching: read only, taking no lock files and creating
/// nothing, so searches work on a read-only copy. An index that is missing or was built by
/// another version of sohoa is first rebuilt from the store (which needs a writable archive).
pub fn open_index_read_only(archive: &crate::store::Archive) -> Result<crate::index::SearchIndex> {
    let dir = archive.index_dir();
    if !dir.join("meta.json").is_file() {
        tracing::warn!(
            "{}: no search index: building it from the store",
            dir.display()
        );
        reindex(archive)?;
    }
    match crate::index::SearchIndex::open_read_only(&dir) {
        Err(crate::Error::Index(tantivy::TantivyError::SchemaError(message))) => {
            tracing::warn!("{message}: rebuilding the index from the store");
            reindex(archive)?;
            crate::index::SearchIndex::open_read_only(&dir)
        }
        other => other,
    }
}

/// Pages of text held in memory between commits of a reindex (a few tens of MB).
const REINDEX_BATCH_PAGES: usize = 5_000;

/// Rebuilds the search index from the store: every document of every hồ sơ object is
/// (re)indexed and documents no longer in the store are removed. Returns the number of
/// documents indexed.
pub(crate) fn reindex(archive: &crate::store::Archive) -> Result<usize> {
    let dir = archive.index_dir();
    let index = match crate::index::SearchIndex::open_or_create(&dir) {
        Ok(index) => index,
        // An index of another schema (an older sohoa) is derived data: build it afresh.
        Err(crate::Error::Index(tantivy::TantivyError::SchemaError(_))) => {
            std::fs::remove_dir_all(&dir).map_err(|e| crate::Error::io(&dir, e))?;
            crate::index::SearchIndex::open_or_create(&dir)?
        }
        Err(e) => return Err(e),
    };
    let mut kept = std::collections::BTreeSet::new();
    // Hồ sơ are indexed in batches of about REINDEX_BATCH_PAGES pages: one commit (with its
    // fsyncs and segment flush) per hồ sơ made a large reindex spend its time committing.
    let mut batch: Vec<IndexedDocument> = Vec::new();
    let mut batch_pages = 0;
    for object in archive.hoso_objects()? {
        let pages = object.pages()?;
        let entries = index_entries(
            &object.source.box_name,
            &object.source.hoso,
            &object.documents,
            &pages,
        );
        kept.extend(entries.iter().map(|e| e.id.clone()));
        batch_pages += entries.iter().map(|e| e.pages.len()).sum::<usize>();
        batch.extend(entries);
        if batch_pages >= REINDEX_BATCH_PAGES {
            index.replace_documents(&batch)?;
            batch.clear();
            batch_pages = 0;
        }
    }
    if !batch.is_empty() {
        index.replace_documents(&batch)?;
    }
    let stale: Vec<String> = index
        .document_ids()?
        .into_iter()
        .filter(|id| !kept.contains(id))
        .collect();
    index.delete_documents(&stale)?;
    Ok(kept.len())
}

/// What [`export_quickwit`] wrote.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QuickwitExport {
    /// Quickwit's index configuration (`index-config.json`).
    pub config: std::path::PathBuf,
    /// The pages, one JSON object per line (`documents.ndjson`).
    pub documents: std::path::PathBuf,
    pub documents_exported: usize,
    pub pages_exported: usize,
}

/// Writes Quickwit's index configuration and the search documents of every stored
/// document `clearance` covers (see [`crate::index::quickwit`]) into `out_dir`, outside
/// the archive; files already there are never overwritten.
pub(crate) fn export_quickwit(
    archive: &crate::store::Archive,
    clearance: crate::clearance::Clearance,
    out_dir: &std::path::Path,
    index_id: &str,
) -> Result<QuickwitExport> {
    use std::io::Write;
    crate::export::refuse_inside_archive(&archive.root, out_dir)?;
    std::fs::create_dir_all(out_dir).map_err(|e| crate::Error::io(out_dir, e))?;
    let create = |name: &str| {
        let path = out_dir.join(name);
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map(|f| (std::io::BufWriter::new(f), path.clone()))
            .map_err(|e| crate::Error::io(&path, e))
    };
    let (mut config_file, config) = create("index-config.json")?;
    let (mut ndjson, documents) = create("documents.ndjson")?;
    let config_json = crate::index::quickwit::index_config(index_id);
    serde_json::to_writer_pretty(&mut config_file, &config_json)
        .map_err(std::io::Error::from)
        .and_then(|()| config_file.flush())
        .map_err(|e| crate::Error::io(&config, e))?;
    let (mut documents_exported, mut pages_exported) = (0, 0);
    let mut lines = crate::index::quickwit::PageLines::default();
    for object in archive.hoso_objects()? {
        let visible: Vec<DocumentRecord> = object
            .documents
            .iter()
            .filter(|d| clearance.may_see(d))
            .cloned()
            .collect();
        if visible.is_empty() {
            continue;
        }
        let pages = object.pages()?;
        for entry in index_entries(
            &object.source.box_name,
            &object.source.hoso,
            &visible,
            &pages,
        ) {
            pages_exported += lines
                .write_pages(&entry, &mut ndjson)
                .map_err(|e| crate::Error::io(&documents, e))?;
            documents_exported += 1;
        }
    }
    ndjson
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)
        .and_then(|f| f.sync_all())
        .map_err(|e| crate::Error::io(&documents, e))?;
    Ok(QuickwitExport {
        config,
        documents,
        documents_exported,
        pages_exported,
    })
}

#[cfg(test)]
mod code_part_tests {
    use super::code_part;

    #[test]
    fn names_become_ascii_code_parts() {
        assert_eq!(code_part("hs-02/Văn thư lưu trữ"), "hs-02-van-thu-luu-tru");
        assert_eq!(code_part("Đảng ủy"), "dang-uy");
        assert_eq!(code_part("..."), "x");
        assert!(archive_schema::compose_ma_ho_so(&["000", &code_part("hộp 7"), "0", "hs"]).is_ok());
    }
}
