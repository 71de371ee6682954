//! The hồ sơ-level and document records: `metadata/source.json`, `metadata/hoso.json` and
//! `metadata/documents/{id}.json`.
//!
//! In: the box and hồ sơ sidecars, the catalog records (`archive_schema`), the document
//! split. Out: the stored [`SourceRecord`], [`HoSoMetadata`] and [`DocumentRecord`] (with
//! its [`DocumentSummary`], derived from the catalog record).

use archive_schema::{BoxSidecar, HoSoRecord, HoSoSidecar, TaiLieuRecord, Valued};
use serde::{Deserialize, Serialize};

/// Where a hồ sơ object came from: the key that finds it again on re-ingest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRecord {
    #[serde(rename = "box_name")]
    pub box_name: String,
    /// The hồ sơ's path relative to the box root (the box name for the root itself).
    #[serde(rename = "hoso")]
    pub hoso: String,
    #[serde(rename = "box_sidecar")]
    pub box_sidecar: Option<BoxSidecar>,
    #[serde(rename = "hoso_sidecar")]
    pub hoso_sidecar: Option<HoSoSidecar>,
}

/// The hồ sơ catalog record stored in `metadata/hoso.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoSoMetadata {
    /// The object id (ULID).
    #[serde(rename = "id")]
    pub id: String,
    #[serde(rename = "record")]
    pub record: HoSoRecord,
}

/// One tài liệu of a hồ sơ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// Opaque, persistent id (ULID).
    #[serde(rename = "id")]
    pub id: String,
    /// 1-based order in the hồ sơ.
    #[serde(rename = "ordinal")]
    pub ordinal: u32,
    /// Hồ sơ page numbers of the document, in order.
    #[serde(rename = "pages")]
    pub pages: Vec<u32>,
    #[serde(rename = "summary")]
    pub summary: DocumentSummary,
    #[serde(rename = "record")]
    pub record: TaiLieuRecord,
    /// What a reviewer should check that no field confidence says (a possibly missing
    /// page, an uncertain split); cleared by `sohoa edit --reviewed`.
    #[serde(
        rename = "review_notes",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub review_notes: Vec<String>,
    /// The approval reference under which a classified (or unreadable) document was admitted.
    #[serde(rename = "approval", default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<String>,
    /// An archivist accepted the document as it is (`sohoa edit ID --reviewed`): it leaves
    /// the review queue.
    #[serde(
        rename = "reviewed",
        default,
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub reviewed: bool,
    /// `party` or `state`: the document format read from the header (motto, số ký hiệu).
    #[serde(rename = "format", default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

/// The summary of a document shown in lists and search hits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    #[serde(rename = "title")]
    pub title: String,
    #[serde(rename = "doc_type")]
    pub doc_type: String,
    /// The số ký hiệu as written (`05-NQ/ĐUK`, `424/QĐ-UBND`).
    #[serde(rename = "symbol")]
    pub symbol: String,
    #[serde(rename = "date")]
    pub date: String,
    #[serde(rename = "issuer")]
    pub issuer: String,
}

impl DocumentSummary {
    /// The summary of a catalog record; `fallback_title` when it has no type, symbol or trích yếu.
    pub fn from_record(record: &TaiLieuRecord, fallback_title: &str) -> DocumentSummary {
        let text =
            |f: &Option<Valued<String>>| f.as_ref().map(|v| v.value.clone()).unwrap_or_default();
        let (so, ky_hieu) = (text(&record.so), text(&record.ky_hieu));
        let symbol = match (so.is_empty(), ky_hieu.is_empty()) {
            (false, false) => archive_schema::so_ky_hieu(&so, &ky_hieu),
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
