//! The review queue: what an archivist should check by hand after an ingest.
//!
//! In: the stored hồ sơ objects of an archive and the code sets in force. Out: one
//! [`ReviewItem`] per thing to check, per document: a catalog field read with low confidence,
//! a record that breaks the rules (a mandatory field missing, an unknown code), a page read
//! with low OCR confidence, or a note of the splitter (a possibly missing page, an uncertain
//! document start). A correction with `sohoa edit ID --set KEY=VALUE` makes the value given,
//! which clears its item; `sohoa edit ID --reviewed` accepts the rest of the document as it is.
//!
//! Pages withheld under the độ mật policy are not in the archive, so not here: the ingest
//! report lists them with their source pages and reason.

use archive_schema::CodeSets;
use serde::Serialize;

use crate::store::records::{DocumentRecord, PageRecord, TextSource};
use crate::store::Archive;
use crate::Result;

/// Extracted values below this confidence (0–1) need a look.
pub const FIELD_CONFIDENCE_BELOW: f32 = 0.7;
/// OCR pages below this mean word confidence (0–100) need a look.
pub const PAGE_CONFIDENCE_BELOW: f32 = 70.0;

/// Why an item is in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// An extracted field with low confidence.
    LowConfidenceField,
    /// The record breaks a rule of the code sets (missing mandatory field, unknown code).
    Invalid,
    /// A page whose OCR confidence is low.
    LowConfidencePage,
    /// A note of the document splitter.
    SplitNote,
}

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewItem {
    /// The document id (for `sohoa show` / `sohoa edit`).
    pub id: String,
    /// The hồ sơ object id, its box and folder.
    pub object: String,
    #[serde(rename = "box")]
    pub box_name: String,
    pub hoso: String,
    pub title: String,
    pub kind: ReviewKind,
    /// The record key, for field items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// The hồ sơ page concerned (field source page, page item).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Where on that page a field was read (left, top, width, height in the page's pixels),
    /// when its record keeps the box.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[u32; 4]>,
    pub reason: String,
}

/// Every open review item of the archive, by hồ sơ and document order.
/// Documents with chế độ sử dụng Mật are listed only for a reader with `clearance`.
pub(crate) fn review_queue(
    archive: &Archive,
    codes: &CodeSets,
    clearance: crate::clearance::Clearance,
) -> Result<Vec<ReviewItem>> {
    let mut items = Vec::new();
    for object in archive.hoso_objects()? {
        let open: Vec<_> = object
            .documents
            .iter()
            .filter(|d| !d.reviewed && clearance.may_see(d))
            .collect();
        if open.is_empty() {
            continue;
        }
        let pages = object.pages()?;
        let place = Place {
            object: &object.id,
            box_name: &object.source.box_name,
            hoso: &object.source.hoso,
        };
        for doc in open {
            items.extend(document_items(&place, doc, &pages, codes));
        }
    }
    Ok(items)
}

/// Where a record field (its JSON: `value`, `page`, `bbox`) was read on its hồ sơ page:
/// the box its record keeps, else (FALLBACK, see [`stored_before_boxes`]) its words found
/// again on the page. In the frame OCR read the page in, like the page's word boxes.
fn field_box(field: &serde_json::Value, pages: &[PageRecord]) -> Option<[u32; 4]> {
    serde_json::from_value(field["bbox"].clone())
        .ok()
        .or_else(|| stored_before_boxes(field, pages))
}

/// Every extracted field of `record` placed on a page: key → (hồ sơ page, box), the box
/// in the frame OCR read the page in ([`field_box`]).
pub fn field_boxes(
    record: &archive_schema::TaiLieuRecord,
    pages: &[PageRecord],
) -> Vec<(String, u32, [u32; 4])> {
    let record = serde_json::to_value(record).expect("records serialise");
    archive_schema::TaiLieuRecord::field_keys()
        .iter()
        .filter_map(|key| {
            let field = record.get(*key)?;
            if field["source"] != "extracted" {
                return None;
            }
            let page = u32::try_from(field["page"].as_u64()?).ok()?;
            Some((key.to_string(), page, field_box(field, pages)?))
        })
        .collect()
}

/// FALLBACK for records stored before extracted values kept their box (`bbox`): the
/// value's words found again on the stored words of its page (diacritics and case folded,
/// see [`crate::store::records::locate::value_on_page`]). The first run of words spelling
/// the value is taken, which may not be where it was read; new records carry the box the
/// classifier read the value from.
fn stored_before_boxes(field: &serde_json::Value, pages: &[PageRecord]) -> Option<[u32; 4]> {
    let number = field["page"].as_u64()?;
    let value = field["value"].as_str()?;
    let page = pages.iter().find(|p| u64::from(p.number) == number)?;
    crate::store::records::locate::value_on_page(&page.words, &page.text, None, value)
}

/// Where a document is stored, for its review items.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub object: &'a str,
    pub box_name: &'a str,
    pub hoso: &'a str,
}

/// The open review items of one document (none once it was reviewed); `pages` are its hồ
/// sơ's page records.
pub fn document_items(
    place: &Place,
    doc: &DocumentRecord,
    pages: &[PageRecord],
    codes: &CodeSets,
) -> Vec<ReviewItem> {
    let mut items = Vec::new();
    if doc.reviewed {
        return items;
    }
    let item = |kind, reason: String| ReviewItem {
        id: doc.id.clone(),
        object: place.object.to_string(),
        box_name: place.box_name.to_string(),
        hoso: place.hoso.to_string(),
        title: doc.summary.title.clone(),
        kind,
        field: None,
        value: None,
        confidence: None,
        page: None,
        bbox: None,
        reason,
    };
    let record = serde_json::to_value(&doc.record).expect("records serialise");
    for key in archive_schema::TaiLieuRecord::field_keys() {
        let Some(field) = record.get(key).filter(|v| !v.is_null()) else {
            continue;
        };
        let extracted = field["source"] == "extracted";
        let confidence = field["confidence"].as_f64().map(|c| c as f32);
        if let Some(c) = confidence.filter(|c| extracted && *c < FIELD_CONFIDENCE_BELOW) {
            items.push(ReviewItem {
                field: Some(key.to_string()),
                value: Some(field["value"].clone()),
                confidence: Some(c),
                page: field["page"].as_u64().map(|p| p as u32),
                bbox: field_box(field, pages),
                ..item(
                    ReviewKind::LowConfidenceField,
                    format!("read with confidence {c:.2}; check it against the scan"),
                )
            });
        }
    }
    if let Err(errors) = doc.record.validate(codes) {
        for e in errors {
            items.push(ReviewItem {
                field: Some(e.field.to_string()),
                ..item(
                    ReviewKind::Invalid,
                    format!("{} ({}): {}", e.field, e.vi, e.message),
                )
            });
        }
    }
    for n in &doc.pages {
        let Some(page) = pages.iter().find(|p| p.number == *n) else {
            continue;
        };
        if page.text_source == TextSource::Ocr && page.mean_confidence < PAGE_CONFIDENCE_BELOW {
            items.push(ReviewItem {
                page: Some(*n),
                confidence: Some(page.mean_confidence),
                ..item(
                    ReviewKind::LowConfidencePage,
                    format!(
                        "OCR confidence {:.0} on {} page {}",
                        page.mean_confidence, page.source_file, page.source_page
                    ),
                )
            });
        }
    }
    for note in &doc.review_notes {
        items.push(item(ReviewKind::SplitNote, note.clone()));
    }
    items
}
