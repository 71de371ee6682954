//! A document as `sohoa show --json` and the reading room's API give it.
//!
//! In: a document the gate found visible and its hồ sơ object (at the head or a version).
//! Out: a [`DocumentShow`]: where it is, its summary, its catalog record, what the reader
//! may do with its content, and each page's source and OCR text.

use archive_schema::TaiLieuRecord;
use serde::Serialize;

use super::UseForm;
use crate::store::records::{DocumentRecord, DocumentSummary, TextSource};
use crate::store::HoSoObject;
use crate::Result;

/// One page of a shown document.
#[derive(Debug, Clone, Serialize)]
pub struct ShownPage {
    /// 1-based within the document.
    pub number: usize,
    pub source_file: String,
    pub source_page: u32,
    pub text: String,
    /// Mean OCR word confidence (0–100).
    pub confidence: f32,
    pub text_source: TextSource,
    /// The scan's size in pixels (for viewers: a IIIF canvas's size).
    #[serde(skip)]
    pub width: u32,
    #[serde(skip)]
    pub height: u32,
}

/// A document with its place in the archive, its record and its pages' text.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentShow {
    pub id: String,
    pub object: String,
    pub version: String,
    pub hoso: String,
    #[serde(rename = "box")]
    pub box_name: String,
    /// Title, tên loại, số ký hiệu, date and issuer.
    #[serde(flatten)]
    pub summary: DocumentSummary,
    /// The document's catalog record.
    pub metadata: TaiLieuRecord,
    /// What the reader may do with its content: `read`, `copy` (also the PDF), or null —
    /// its content needs a grant (a reading request), and its pages come without text.
    pub allowed_use: Option<UseForm>,
    pub pages: Vec<ShownPage>,
}

pub(super) fn document_show(object: &HoSoObject, doc: &DocumentRecord) -> Result<DocumentShow> {
    let records = object.page_records(&doc.pages)?;
    let pages = doc
        .pages
        .iter()
        .enumerate()
        .filter_map(|(i, n)| records.iter().find(|p| p.number == *n).map(|p| (i + 1, p)))
        .map(|(number, p)| ShownPage {
            number,
            source_file: p.source_file.clone(),
            source_page: p.source_page,
            text: p.text.clone(),
            confidence: p.mean_confidence,
            text_source: p.text_source,
            width: p.technical.width,
            height: p.technical.height,
        })
        .collect();
    Ok(DocumentShow {
        id: doc.id.clone(),
        object: object.id.clone(),
        version: object.version.clone(),
        hoso: object.source.hoso.clone(),
        box_name: object.source.box_name.clone(),
        summary: doc.summary.clone(),
        metadata: doc.record.clone(),
        allowed_use: Some(UseForm::Copy),
        pages,
    })
}
