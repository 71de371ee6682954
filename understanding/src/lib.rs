//! sohoa's document understanding: the heuristics that read what the OCR stage produced.
//!
//! In: text and stored page records ([`archive_records::PageRecord`], its words and header
//! ink as [`archive_records::WordRecord`] and [`archive_records::InkRegionRecord`]), never
//! pixels, files or an index. Out: [`segment`] → document drafts of a hồ sơ; [`classify`] →
//! a document's catalog fields; [`policy`] → admit, admit as Mật, or withhold; [`text_layer`]
//! → whether a PDF's own text layer is usable. Pure functions: this crate links neither the
//! OCR engine nor the search index, so its tests build and run in seconds; the `pipeline`
//! crate converts its stage types into these inputs and re-exports the modules.

pub mod classify;
mod error;
pub mod policy;
pub mod segment;
pub mod text_layer;

pub use error::{Error, Result};
