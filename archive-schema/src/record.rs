//! Hồ sơ and tài liệu records with the Thông tư 05/2025 field names as ASCII keys.
//!
//! In: values from the archivist's sidecars and from extraction.
//! Out: serialisable records whose every value says where it came from.

use serde::{Deserialize, Serialize};

/// Where a catalog value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueSource {
    /// Written by the archivist (sidecar or `sohoa edit`).
    Given,
    /// Read from the document by the pipeline.
    Extracted,
    /// Filled by a rule or default, not read from anywhere.
    Inferred,
}

/// A catalog value with its provenance (and a confidence for extracted values).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Valued<T> {
    pub value: T,
    pub source: ValueSource,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

impl<T> Valued<T> {
    pub fn given(value: T) -> Self {
        Valued {
            value,
            source: ValueSource::Given,
            confidence: None,
        }
    }
    pub fn extracted(value: T, confidence: f32) -> Self {
        Valued {
            value,
            source: ValueSource::Extracted,
            confidence: Some(confidence),
        }
    }
    pub fn inferred(value: T) -> Self {
        Valued {
            value,
            source: ValueSource::Inferred,
            confidence: None,
        }
    }
}

type Field<T> = Option<Valued<T>>;

/// A hồ sơ (file unit) record: Thông tư 05/2025, hồ sơ fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HoSoRecord {
    pub ma_ho_so: Field<String>,
    pub ma_phong: Field<String>,
    pub muc_luc_hoac_nam: Field<String>,
    pub so_ho_so: Field<String>,
    pub tieu_de: Field<String>,
    pub thoi_han_bao_quan: Field<String>,
    pub che_do_su_dung: Field<String>,
    pub ngon_ngu: Field<String>,
    pub thoi_gian_bat_dau: Field<String>,
    pub thoi_gian_ket_thuc: Field<String>,
    pub tu_khoa: Field<Vec<String>>,
    pub tong_so_tai_lieu: Field<u32>,
    pub so_luong_to: Field<u32>,
    pub so_luong_trang: Field<u32>,
    pub tinh_trang_vat_ly: Field<String>,
    pub muc_do_tin_cay: Field<String>,
    pub ma_ho_so_goc_giay: Field<String>,
    pub ghi_chu: Field<String>,
}

/// A tài liệu (document) record: Thông tư 05/2025 document fields plus signer, độ mật, độ khẩn.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaiLieuRecord {
    pub ma_dinh_danh: Field<String>,
    pub ma_luu_tru_tai_lieu: Field<String>,
    pub ma_ho_so: Field<String>,
    pub so_thu_tu: Field<u32>,
    pub ten_loai: Field<String>,
    pub so: Field<String>,
    pub ky_hieu: Field<String>,
    pub ngay_ban_hanh: Field<String>,
    pub dia_danh: Field<String>,
    pub co_quan_ban_hanh: Field<String>,
    pub trich_yeu: Field<String>,
    pub ngon_ngu: Field<String>,
    pub so_luong_trang: Field<u32>,
    pub nguoi_ky: Field<String>,
    pub chuc_vu: Field<String>,
    pub tham_quyen: Field<String>,
    pub do_mat: Field<String>,
    pub do_khan: Field<String>,
    pub noi_nhan: Field<Vec<String>>,
    pub che_do_su_dung: Field<String>,
    pub muc_do_tin_cay: Field<String>,
    pub tinh_trang_vat_ly: Field<String>,
    pub ghi_chu: Field<String>,
}
