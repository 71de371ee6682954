//! sohoa's integration tests, one binary with a module per topic: each drives the real
//! `sohoa` binary (or the library) with real Tesseract on real scans, real OCFL objects and
//! real tantivy indexes. One binary links the library once and shares one pool of test
//! threads (see ARCHITECTURE.md, "Tests").

mod common;

mod admin;
mod audit_store;
mod auditing;
mod bad_input;
mod browser;
mod classified;
mod cluster;
mod export;
mod holdout_isolation;
mod iiif;
mod ingest_search;
mod kill;
mod ocfl_validate;
mod openmp;
mod operator;
mod reading_room;
mod red_marks;
mod requests;
mod resume;
mod review;
mod review_web;
mod s3_store;
mod split;
mod tasks;
mod verify_damage;
mod versions;
mod write_failure;
