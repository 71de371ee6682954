//! Hồ sơ and tài liệu records with the Thông tư 05/2025 field names as ASCII keys.
//!
//! In: values from the archivist's sidecars and from extraction.
//! Out: serialisable records whose every value says where it came from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a catalog value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Valued_{T}")]
pub struct Valued<T> {
    /// The value itself.
    pub value: T,
    /// Where the value came from.
    pub source: ValueSource,
    /// How sure the extraction is, from 0 to 1 (extracted values only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// The hồ sơ page the value was read from (extracted values only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Where on that page the value was read: left, top, width, height in pixels of the
    /// page as OCR saw it (the coordinates of the page's word boxes). Absent in records
    /// stored before boxes were kept, and when the value's words could not be placed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[u32; 4]>,
}

impl<T> Valued<T> {
    pub fn given(value: T) -> Self {
        Valued {
            value,
            source: ValueSource::Given,
            confidence: None,
            page: None,
            bbox: None,
        }
    }
    pub fn extracted(value: T, confidence: f32) -> Self {
        Valued {
            value,
            source: ValueSource::Extracted,
            confidence: Some(confidence),
            page: None,
            bbox: None,
        }
    }
    /// The same value, read from hồ sơ page `page`.
    #[must_use]
    pub fn on_page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }
    /// The same value, read at `bbox` (left, top, width, height) on its page, if known.
    #[must_use]
    pub fn at_box(mut self, bbox: Option<[u32; 4]>) -> Self {
        self.bbox = bbox;
        self
    }
    pub fn inferred(value: T) -> Self {
        Valued {
            value,
            source: ValueSource::Inferred,
            confidence: None,
            page: None,
            bbox: None,
        }
    }
}

type Field<T> = Option<Valued<T>>;

/// A hồ sơ (file unit) record: the hồ sơ fields of Thông tư 05/2025/TT-BNV.
///
/// Every field is optional in the type; which ones are mandatory is data (the code file's
/// `mandatory.ho_so`) checked by `HoSoRecord::validate`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HoSoRecord {
    /// Mã hồ sơ: the archival code, dot-separated, at least 4 parts (`H49.61.8.2017`:
    /// archive code . phông . mục lục or year . số hồ sơ).
    pub ma_ho_so: Field<String>,
    /// Mã phông: code of the fonds (phông lưu trữ) the hồ sơ belongs to.
    pub ma_phong: Field<String>,
    /// Mục lục hoặc năm hình thành hồ sơ: the finding-aid number or the year the hồ sơ was made.
    pub muc_luc_hoac_nam: Field<String>,
    /// Số hồ sơ: the hồ sơ number within its mục lục or year.
    pub so_ho_so: Field<String>,
    /// Tiêu đề hồ sơ: the title of the hồ sơ.
    pub tieu_de: Field<String>,
    /// Thời hạn bảo quản: retention period, a code of the `thoi_han_bao_quan` set
    /// (05/2025: `01` Vĩnh viễn … `06` 10 năm).
    pub thoi_han_bao_quan: Field<String>,
    /// Chế độ sử dụng: access regime, a code of the `che_do_su_dung` set
    /// (05/2025: `01` Công khai, `02` Sử dụng có điều kiện, `03` Mật).
    pub che_do_su_dung: Field<String>,
    /// Ngôn ngữ: language(s) of the hồ sơ, ISO 639 codes separated by `, ` (`vi`).
    pub ngon_ngu: Field<String>,
    /// Thời gian bắt đầu: date of the earliest document, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub thoi_gian_bat_dau: Field<String>,
    /// Thời gian kết thúc: date of the latest document, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub thoi_gian_ket_thuc: Field<String>,
    /// Từ khóa: keywords.
    pub tu_khoa: Field<Vec<String>>,
    /// Tổng số tài liệu trong hồ sơ: number of documents in the hồ sơ.
    pub tong_so_tai_lieu: Field<u32>,
    /// Số lượng tờ: number of sheets (digitised paper hồ sơ).
    pub so_luong_to: Field<u32>,
    /// Số lượng trang: number of pages.
    pub so_luong_trang: Field<u32>,
    /// Tình trạng vật lý: physical condition of the paper original, a code of the
    /// `tinh_trang_vat_ly` set (05/2025: `01` Tốt, `02` Bình thường, `03` Hỏng).
    pub tinh_trang_vat_ly: Field<String>,
    /// Ký hiệu thông tin: information sign (mark used to retrieve the hồ sơ).
    pub ky_hieu_thong_tin: Field<String>,
    /// Mức độ tin cậy: reliability, a code of the `muc_do_tin_cay` set
    /// (`01` Gốc điện tử, `02` Số hóa, `03` Hỗn hợp).
    pub muc_do_tin_cay: Field<String>,
    /// Mã hồ sơ gốc giấy: the code of the paper original this digitised hồ sơ was made from.
    pub ma_ho_so_goc_giay: Field<String>,
    /// Chế độ dự phòng: whether a backup (tài liệu lưu trữ dự phòng) is to be made.
    pub che_do_du_phong: Field<String>,
    /// Tình trạng dự phòng: whether the backup has been made.
    pub tinh_trang_du_phong: Field<String>,
    /// Ghi chú: notes.
    pub ghi_chu: Field<String>,
}

/// A tài liệu (document) record: the document fields of Thông tư 05/2025/TT-BNV plus the
/// signer, độ mật, độ khẩn and nơi nhận found on Party and State documents.
///
/// Every field is optional in the type; which ones are mandatory is data (the code file's
/// `mandatory.tai_lieu`) checked by `TaiLieuRecord::validate`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaiLieuRecord {
    /// Mã định danh tài liệu: the opaque, persistent id (ULID) of the document; never changes.
    pub ma_dinh_danh: Field<String>,
    /// Mã lưu trữ tài liệu: `{mã hồ sơ}.{NNNNNNN}`, the hồ sơ code and the 7-digit ordinal.
    pub ma_luu_tru_tai_lieu: Field<String>,
    /// Mã hồ sơ: code of the hồ sơ the document belongs to.
    pub ma_ho_so: Field<String>,
    /// Số thứ tự trong hồ sơ: 1-based ordinal of the document in its hồ sơ.
    pub so_thu_tu: Field<u32>,
    /// Tên loại tài liệu: document type name (`Nghị quyết`, `Kế hoạch`, …), from the
    /// `ten_loai` set.
    pub ten_loai: Field<String>,
    /// Số: the document number (`05` of `05-NQ/ĐUK`).
    pub so: Field<String>,
    /// Ký hiệu: the document symbol (`NQ/ĐUK` of `05-NQ/ĐUK`).
    pub ky_hieu: Field<String>,
    /// Ngày tháng năm tài liệu: date of issue, `YYYY-MM-DD`.
    pub ngay_ban_hanh: Field<String>,
    /// Địa danh: place name of the date line (`Hà Nội`).
    pub dia_danh: Field<String>,
    /// Cơ quan, tổ chức ban hành: the issuing body.
    pub co_quan_ban_hanh: Field<String>,
    /// Cơ quan cấp trên: the superior body above the issuer in the header
    /// (`ĐẢNG BỘ TỈNH ĐẮK NÔNG`).
    pub co_quan_cap_tren: Field<String>,
    /// Trích yếu nội dung: the subject line.
    pub trich_yeu: Field<String>,
    /// Ngôn ngữ: language(s), ISO 639 codes separated by `, ` (`vi`).
    pub ngon_ngu: Field<String>,
    /// Số lượng trang: number of pages.
    pub so_luong_trang: Field<u32>,
    /// Ký hiệu thông tin: information sign.
    pub ky_hieu_thong_tin: Field<String>,
    /// Từ khóa: keywords.
    pub tu_khoa: Field<Vec<String>>,
    /// Người ký: the signer's name.
    pub nguoi_ky: Field<String>,
    /// Chức vụ: the signer's position (`BÍ THƯ`).
    pub chuc_vu: Field<String>,
    /// Thẩm quyền ký: signing authority (`T/M`, `K/T`, `T/L`).
    pub tham_quyen: Field<String>,
    /// Độ mật: confidentiality mark, from the `do_mat` set (`Mật`, `Tối mật`, `Tuyệt mật`).
    pub do_mat: Field<String>,
    /// Độ khẩn: urgency mark, from the `do_khan` set (`Khẩn`, `Thượng khẩn`, `Hỏa tốc`).
    pub do_khan: Field<String>,
    /// Nơi nhận: recipients.
    pub noi_nhan: Field<Vec<String>>,
    /// Chế độ sử dụng: access regime, a code of the `che_do_su_dung` set.
    pub che_do_su_dung: Field<String>,
    /// Mức độ tin cậy: reliability, a code of the `muc_do_tin_cay` set.
    pub muc_do_tin_cay: Field<String>,
    /// Bút tích: handwriting of notable persons on the document.
    pub but_tich: Field<String>,
    /// Tình trạng vật lý: physical condition, a code of the `tinh_trang_vat_ly` set.
    pub tinh_trang_vat_ly: Field<String>,
    /// Ghi chú: notes.
    pub ghi_chu: Field<String>,
}
