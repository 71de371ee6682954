//! The reading room of a sohoa archive: accounts and sign-in, and search-and-read in a
//! browser and over a JSON API, in Vietnamese.
//!
//! In: an archive directory (read through `pipeline`'s gate: every read on behalf of the
//! signed-in account's principal) and HTTP requests. Out: HTML pages, page images, access
//! PDFs and JSON, each read recorded in the archive's audit log (page views in its access
//! log, chained to the audit log). The server adds no access logic of its own: what a user
//! may see is the gate's answer.

pub mod accounts;
pub mod admin;
mod cluster_ingest;
mod error;
pub mod requests;
pub mod tasks;
pub mod web;

pub use error::{Error, Result};
