//! The JSON records stored in a hồ sơ object, next to the original scans.
//!
//! In/out: serde types for the object's logical files: `metadata/source.json` (where the
//! hồ sơ came from), `metadata/hoso.json` (the hồ sơ catalog record), `metadata/documents/
//! {id}.json` (one per tài liệu), `metadata/events.json` (PREMIS-style events) and
//! `pages/{NNNN}.json` (one per page: source, technical metadata, OCR words and text).

use archive_schema::{BoxSidecar, HoSoRecord, HoSoSidecar, TaiLieuRecord};
use serde::{Deserialize, Serialize};

use crate::decode::{TechnicalMetadata, Tt05Conformance};
use crate::ocr::models::ModelDigest;
use crate::ocr::stamp_ink::InkRegion;
use crate::ocr::OcrWord;
use crate::preprocess::PreprocessFacts;

pub const SOURCE_PATH: &str = "metadata/source.json";
pub const HOSO_PATH: &str = "metadata/hoso.json";
pub const EVENTS_PATH: &str = "metadata/events.json";
pub const DOCUMENTS_DIR: &str = "metadata/documents/";
pub const PAGES_DIR: &str = "pages/";
pub const ORIGINALS_DIR: &str = "originals/";

/// Logical path of page `number`'s record.
pub fn page_path(number: u32) -> String {
    format!("{PAGES_DIR}{number:04}.json")
}

/// Logical path of page `number`'s hOCR (words and boxes).
pub fn hocr_path(number: u32) -> String {
    format!("{PAGES_DIR}{number:04}.hocr")
}

/// Logical path of a document record.
pub fn document_path(id: &str) -> String {
    format!("{DOCUMENTS_DIR}{id}.json")
}

/// Where a hồ sơ object came from: the key that finds it again on re-ingest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRecord {
    pub box_name: String,
    /// The hồ sơ's path relative to the box root (the box name for the root itself).
    pub hoso: String,
    pub box_sidecar: Option<BoxSidecar>,
    pub hoso_sidecar: Option<HoSoSidecar>,
}

/// How a page's text was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSource {
    Ocr,
    /// A PDF text layer that passed the Vietnamese validity check.
    TextLayer,
    /// A blank page: not OCRed.
    Blank,
}

/// The OCR engine and models that produced a page's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OcrProvenance {
    pub engine: String,
    pub languages: String,
    pub models: Vec<ModelDigest>,
}

/// One page of a hồ sơ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageRecord {
    /// 1-based position in the hồ sơ.
    pub number: u32,
    /// Path relative to the box root.
    pub source_file: String,
    /// 1-based page within the source file.
    pub source_page: u32,
    pub source_sha256: String,
    pub technical: TechnicalMetadata,
    /// Thông tư 05/2025 flags for `technical` (below 200 dpi, below 24-bit colour).
    #[serde(default)]
    pub conformance: Tt05Conformance,
    pub preprocess: Option<PreprocessFacts>,
    pub text_source: TextSource,
    pub text: String,
    pub mean_confidence: f32,
    pub words: Vec<OcrWord>,
    pub ocr: Option<OcrProvenance>,
    /// Stamp ink found in the header area (red ink; light-gray ink of a gray page the first
    /// reading missed), each region with the words read from it alone (the độ mật policy
    /// reads marks in them and fails closed on a region without a confident reading).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_ink: Vec<InkRegion>,
    /// Set when the source file could not be stored because it also holds withheld pages
    /// (độ mật): this page's pixels were stored alone, losslessly, instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_extract: Option<PageExtract>,
}

/// A page stored on its own, as a lossless PNG of its decoded pixels, because its source
/// file holds withheld pages and so is not stored byte for byte.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageExtract {
    /// Logical path in the object (`extracts/{source file}/page-NNNN.png`).
    pub path: String,
    pub sha256: String,
}

/// Where page extracts live in an object.
pub const EXTRACTS_DIR: &str = "extracts/";

/// The logical path of the extract of page `source_page` of scan file `source_file`.
pub fn extract_path(source_file: &str, source_page: u32) -> String {
    format!("{EXTRACTS_DIR}{source_file}/page-{source_page:04}.png")
}

impl PageRecord {
    /// The logical path of the stored image of this page: its original scan, or its page
    /// extract when the original could not be stored.
    pub fn stored_image_path(&self) -> String {
        match &self.page_extract {
            Some(x) => x.path.clone(),
            None => format!("{ORIGINALS_DIR}{}", self.source_file),
        }
    }

    /// The SHA-256 the stored image must have.
    pub fn stored_image_sha256(&self) -> &str {
        match &self.page_extract {
            Some(x) => &x.sha256,
            None => &self.source_sha256,
        }
    }
}

/// The summary of a document shown in lists and search hits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    pub title: String,
    pub doc_type: String,
    pub symbol: String,
    pub date: String,
    pub issuer: String,
}

impl DocumentSummary {
    /// The summary of a catalog record; `fallback_title` when it has no type, symbol or trích yếu.
    pub fn from_record(record: &TaiLieuRecord, fallback_title: &str) -> DocumentSummary {
        let text = |f: &Option<archive_schema::Valued<String>>| {
            f.as_ref().map(|v| v.value.clone()).unwrap_or_default()
        };
        let (so, ky_hieu) = (text(&record.so), text(&record.ky_hieu));
        let symbol = match (so.is_empty(), ky_hieu.is_empty()) {
            // State style (`424/QĐ-UBND`): the ký hiệu carries the dash.
            (false, false) if ky_hieu.contains('-') => format!("{so}/{ky_hieu}"),
            // Party style (`05-NQ/ĐUK`).
            (false, false) => format!("{so}-{ky_hieu}"),
            (true, false) => ky_hieu,
            (false, true) => so,
            (true, true) => String::new(),
        };
        let doc_type = text(&record.ten_loai);
        let trich_yeu = text(&record.trich_yeu);
        let mut parts = Vec::new();
        if !doc_type.is_empty() {
            parts.push(doc_type.clone());
        }
        if !symbol.is_empty() {
            parts.push(format!("số {symbol}"));
        }
        if !trich_yeu.is_empty() {
            parts.push(trich_yeu);
        }
        let title = if parts.is_empty() {
            fallback_title.to_string()
        } else {
            parts.join(" ")
        };
        DocumentSummary {
            title,
            doc_type,
            symbol,
            date: text(&record.ngay_ban_hanh),
            issuer: text(&record.co_quan_ban_hanh),
        }
    }
}

/// Keeps in `record` every value the archivist gave in `earlier` (sidecar or `sohoa edit`):
/// re-ingest and re-OCR never overwrite a correction.
pub fn keep_given_values<T>(record: &mut T, earlier: &T)
where
    T: Serialize + serde::de::DeserializeOwned,
{
    let (Ok(serde_json::Value::Object(mut now)), Ok(serde_json::Value::Object(before))) = (
        serde_json::to_value(&*record),
        serde_json::to_value(earlier),
    ) else {
        return;
    };
    let mut changed = false;
    for (key, value) in before {
        if value.get("source").and_then(|s| s.as_str()) == Some("given")
            && now.get(&key) != Some(&value)
        {
            now.insert(key, value);
            changed = true;
        }
    }
    if changed {
        if let Ok(merged) = serde_json::from_value(serde_json::Value::Object(now)) {
            *record = merged;
        }
    }
}

/// One tài liệu of a hồ sơ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// Opaque, persistent id (ULID).
    pub id: String,
    /// 1-based order in the hồ sơ.
    pub ordinal: u32,
    /// Hồ sơ page numbers of the document, in order.
    pub pages: Vec<u32>,
    pub summary: DocumentSummary,
    pub record: TaiLieuRecord,
    /// What a reviewer should check that no field confidence says (a possibly missing
    /// page, an uncertain split); cleared by `sohoa edit --reviewed`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review_notes: Vec<String>,
    /// The approval reference under which a classified (or unreadable) document was admitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<String>,
    /// An archivist accepted the document as it is (`sohoa edit ID --reviewed`): it leaves
    /// the review queue.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reviewed: bool,
    /// `party` or `state`: the document format read from the header (motto, số ký hiệu).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

/// A PREMIS-style event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub event_type: String,
    pub time: String,
    pub agent: String,
    pub outcome: String,
    #[serde(default)]
    pub detail: serde_json::Value,
}

/// The hồ sơ catalog record stored in `metadata/hoso.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoSoMetadata {
    pub id: String,
    pub record: HoSoRecord,
}
