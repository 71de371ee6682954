//! sohoa's pipeline: a box of scans in, a searchable, verifiable archive out.
//!
//! Each stage is one module with one narrow input and one output type (see ARCHITECTURE.md):
//! [`discover`] → [`decode`] → [`preprocess`] → [`ocr`] → [`ingest`] (orchestration) →
//! [`store`] (OCFL objects, audit log) → [`index`] (tantivy) ; [`verify`] checks the result;
//! [`export`] gets stored files and `BagIt` bags back out.
//! [`pdf`] builds the two-layer PDF/A access copy of a document. The understanding
//! heuristics ([`segment`], [`classify`], [`policy`], [`text_layer`]) are the
//! `sohoa-understanding` crate's, re-exported: ingest converts its stage types into their
//! inputs.

pub mod access;
pub mod catalog;
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
pub mod preprocess;
pub mod resplit;
pub mod review;
pub mod stages;
pub mod store;
pub mod verify;
pub mod visibility;

pub use error::{Error, QueryProblem, Result};
/// The understanding heuristics (the `sohoa-understanding` crate), under the paths they had
/// when they were modules of this one.
pub use understanding::{classify, policy, segment, text_layer};
