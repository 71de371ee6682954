//! The JSON records stored in a hồ sơ OCFL object, as a versioned format of their own.
//!
//! In: values the pipeline builds (ingest, classification, `sohoa edit`) or JSON read back
//! from an object. Out: serde types whose JSON is the stored format: `metadata/source.json`
//! ([`SourceRecord`]), `metadata/hoso.json` ([`HoSoMetadata`]), `metadata/documents/{id}.json`
//! ([`DocumentRecord`]), `metadata/events.json` (a list of [`Event`]) and `pages/{NNNN}.json`
//! ([`PageRecord`] with its parts), and the logical paths they live at ([`page_path`] …).
//!
//! These types are not the pipeline's stage types: every stored field has its JSON name
//! spelled out (`#[serde(rename = …)]`), so renaming a Rust field here or in a stage leaves
//! the stored bytes as they are, and the pipeline converts its stage values into these types
//! at the one place it builds records. The snapshot tests (`src/snapshots/`) pin the JSON of
//! each record type, and a round-trip test reads records written by earlier versions.

mod document;
mod event;
pub mod locate;
mod page;
mod paths;

pub use document::{DocumentRecord, DocumentSummary, HoSoMetadata, SourceRecord};
pub use event::{Event, EventOutcome, EventType};
pub use page::{
    ConformanceRecord, FileFormat, InkKind, InkRegionRecord, ModelRecord, OcrProvenance,
    PageExtract, PageRecord, PreprocessRecord, TechnicalRecord, TextSource, WordRecord,
};
pub use paths::{
    document_path, extract_path, hocr_path, page_path, DOCUMENTS_DIR, EVENTS_PATH, EXTRACTS_DIR,
    HOSO_PATH, ORIGINALS_DIR, PAGES_DIR, SOURCE_PATH,
};

/// The version of the stored record format these types read and write.
///
/// Bump it when a change makes records written before it read differently or not at all, or
/// makes new records unreadable by the version before: renaming or removing a stored field,
/// changing a field's type, unit or meaning, changing the stored string of an enum value,
/// making an optional field required, or moving a record to another logical path. Adding an
/// optional field that older records lack (`#[serde(default)]`, and skipped when empty so
/// older records keep their bytes) or a new enum value needs no bump. Any change to the
/// stored JSON fails a snapshot test: review it, and bump this when the rule above says so.
/// Records stored so far are all of version 1 (the number is not written into them).
pub const RECORD_FORMAT_VERSION: u32 = 1;

#[cfg(test)]
mod tests;
