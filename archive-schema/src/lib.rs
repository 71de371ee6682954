//! Catalog records of sohoa, after Thông tư 05/2025/TT-BNV (DESIGN.md §3–4).
//!
//! In: the archivist's sidecars (`box.json`, `hoso.json`) and values the pipeline extracts.
//! Out: hồ sơ and tài liệu records with ASCII snake_case keys named after the standard's
//! fields, each value marked as given by the archivist, extracted, or inferred; archival
//! identifiers (mã hồ sơ, mã lưu trữ tài liệu). No I/O happens here.

mod error;
mod identifier;
mod record;
mod sidecar;

pub use error::{Error, Result};
pub use identifier::{compose_ma_ho_so, ma_luu_tru_tai_lieu, validate_ma_ho_so};
pub use record::{HoSoRecord, TaiLieuRecord, ValueSource, Valued};
pub use sidecar::{BoxSidecar, HoSoSidecar, PageRange};
