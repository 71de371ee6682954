//! sohoa's pipeline: a box of scans in, a searchable, verifiable archive out.
//!
//! Each stage is one module with one narrow input and one output type (see ARCHITECTURE.md):
//! [`discover`] → [`decode`] → [`preprocess`] → [`ocr`] → [`ingest`] (orchestration) →
//! [`store`] (OCFL objects, audit log) → [`index`] (tantivy) ; [`verify`] checks the result;
//! [`export`] gets stored files and `BagIt` bags back out.
//! [`pdf`] builds the two-layer PDF/A access copy of a document.

pub mod access;
pub mod catalog;
pub mod classify;
pub mod clearance;
pub mod decode;
pub mod discover;
pub mod edit;
mod error;
pub mod export;
pub mod gate;
pub mod hocr;
pub mod index;
pub mod ingest;
pub mod markup;
pub mod ocr;
pub mod pdf;
pub mod policy;
pub mod preprocess;
pub mod review;
pub mod segment;
pub mod stages;
pub mod store;
pub mod text_layer;
pub mod verify;
pub mod visibility;

pub use error::{Error, Result};
