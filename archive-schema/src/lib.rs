//! Catalog records of sohoa, after Thông tư 05/2025/TT-BNV (DESIGN.md §3–4).
//!
//! In: the archivist's sidecars (`box.json`, `hoso.json`), values the pipeline extracts, edits
//! typed by a user (`KEY=VALUE`), and the coded value sets in force (data files under
//! `codes/`). Out: hồ sơ and tài liệu records with ASCII `snake_case` keys named after the
//! standard's fields, each value marked as given by the archivist, extracted, or inferred;
//! archival identifiers (mã hồ sơ, mã lưu trữ tài liệu); validation findings; JSON Schemas
//! of the records and sidecars; Dublin Core descriptions. No I/O happens here.

mod codes;
pub mod dublin_core;
mod edit;
mod error;
mod fields;
mod identifier;
mod record;
pub mod schema;
mod sidecar;
mod so_ky_hieu;
mod text;
mod validate;

pub use codes::{CodeSet, CodeSets, CodeValue, Mandatory, Store, REQUIRED_SETS};
pub use dublin_core::DublinCore;
pub use error::{Error, Problem, Result, ValidationError};
pub use fields::{FieldKind, FieldSpec, HO_SO_FIELDS, TAI_LIEU_FIELDS};
pub use identifier::{
    compose_ma_ho_so, ma_luu_tru_tai_lieu, split_ma_luu_tru_tai_lieu, validate_ma_ho_so,
};
pub use record::{HoSoRecord, TaiLieuRecord, ValueSource, Valued};
pub use sidecar::{parse_naming_field, BoxSidecar, HoSoSidecar, JsonFault, PageRange};
pub use so_ky_hieu::so_ky_hieu;
pub use text::{fold, strip_marks};
