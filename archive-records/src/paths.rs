//! Where the records and files of a hồ sơ object live.
//!
//! In: a page number, a document id, a scan file and page. Out: logical paths in the object
//! (relative to the OCFL object's content root, `/`-separated).

/// Where the hồ sơ came from ([`crate::SourceRecord`]).
pub const SOURCE_PATH: &str = "metadata/source.json";
/// The hồ sơ catalog record ([`crate::HoSoMetadata`]).
pub const HOSO_PATH: &str = "metadata/hoso.json";
/// The object's events ([`crate::Event`]s).
pub const EVENTS_PATH: &str = "metadata/events.json";
/// One [`crate::DocumentRecord`] per tài liệu.
pub const DOCUMENTS_DIR: &str = "metadata/documents/";
/// One [`crate::PageRecord`] and one hOCR file per page.
pub const PAGES_DIR: &str = "pages/";
/// The original scan files, byte for byte, at their paths relative to the box root.
pub const ORIGINALS_DIR: &str = "originals/";
/// Page extracts ([`crate::PageExtract`]).
pub const EXTRACTS_DIR: &str = "extracts/";

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

/// The logical path of the extract of page `source_page` of scan file `source_file`.
pub fn extract_path(source_file: &str, source_page: u32) -> String {
    format!("{EXTRACTS_DIR}{source_file}/page-{source_page:04}.png")
}
