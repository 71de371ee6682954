//! The field tables of the hồ sơ and tài liệu records: ASCII key, Vietnamese name, value kind.
//!
//! In: nothing (static tables, kept equal to the record structs by a test).
//! Out: [`FieldSpec`]s that validation, `set_field` and error messages look fields up in.

/// How a field's value is shaped and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text.
    Text,
    /// One value of the code set named like the field.
    Code,
    /// One or more comma-separated values of the code set named like the field (ngôn ngữ).
    CodeList,
    /// A full ISO date `YYYY-MM-DD`.
    Date,
    /// An ISO date that may be partial: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Period,
    /// A count or ordinal (`u32`); the bounds say what is allowed.
    Number { min: u32, max: u32 },
    /// A list of strings.
    List,
    /// A mã hồ sơ.
    MaHoSo,
    /// A mã lưu trữ tài liệu.
    MaLuuTru,
    /// The opaque persistent id (mã định danh); never edited.
    Id,
}

/// One record field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// ASCII `snake_case` record key.
    pub key: &'static str,
    /// The field's name in Thông tư 05/2025 (or DESIGN.md for the extra fields).
    pub vi: &'static str,
    pub kind: FieldKind,
}

const fn f(key: &'static str, vi: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec { key, vi, kind }
}

use FieldKind::{Code, CodeList, Date, Id, List, MaHoSo, MaLuuTru, Number, Period, Text};

const COUNT: FieldKind = Number {
    min: 0,
    max: u32::MAX,
};
const PAGES: FieldKind = Number {
    min: 1,
    max: u32::MAX,
};
const ORDINAL: FieldKind = Number {
    min: 1,
    max: 9_999_999,
};

/// Fields of a hồ sơ record, in record order.
pub const HO_SO_FIELDS: &[FieldSpec] = &[
    f("ma_ho_so", "mã hồ sơ", MaHoSo),
    f("ma_phong", "mã phông", Text),
    f(
        "muc_luc_hoac_nam",
        "mục lục hoặc năm hình thành hồ sơ",
        Text,
    ),
    f("so_ho_so", "số hồ sơ", Text),
    f("tieu_de", "tiêu đề hồ sơ", Text),
    f("thoi_han_bao_quan", "thời hạn bảo quản", Code),
    f("che_do_su_dung", "chế độ sử dụng", Code),
    f("ngon_ngu", "ngôn ngữ", CodeList),
    f("thoi_gian_bat_dau", "thời gian bắt đầu", Period),
    f("thoi_gian_ket_thuc", "thời gian kết thúc", Period),
    f("tu_khoa", "từ khóa", List),
    f("tong_so_tai_lieu", "tổng số tài liệu trong hồ sơ", COUNT),
    f("so_luong_to", "số lượng tờ", COUNT),
    f("so_luong_trang", "số lượng trang", PAGES),
    f("tinh_trang_vat_ly", "tình trạng vật lý", Code),
    f("ky_hieu_thong_tin", "ký hiệu thông tin", Text),
    f("muc_do_tin_cay", "mức độ tin cậy", Code),
    f("ma_ho_so_goc_giay", "mã hồ sơ gốc giấy", Text),
    f("che_do_du_phong", "chế độ dự phòng", Text),
    f("tinh_trang_du_phong", "tình trạng dự phòng", Text),
    f("ghi_chu", "ghi chú", Text),
];

/// Fields of a tài liệu record, in record order.
pub const TAI_LIEU_FIELDS: &[FieldSpec] = &[
    f("ma_dinh_danh", "mã định danh tài liệu", Id),
    f("ma_luu_tru_tai_lieu", "mã lưu trữ tài liệu", MaLuuTru),
    f("ma_ho_so", "mã hồ sơ", MaHoSo),
    f("so_thu_tu", "số thứ tự trong hồ sơ", ORDINAL),
    f("ten_loai", "tên loại tài liệu", Code),
    f("so", "số của tài liệu", Text),
    f("ky_hieu", "ký hiệu của tài liệu", Text),
    f("ngay_ban_hanh", "ngày tháng năm tài liệu", Date),
    f("dia_danh", "địa danh", Text),
    f("co_quan_ban_hanh", "cơ quan, tổ chức ban hành", Text),
    f("co_quan_cap_tren", "cơ quan cấp trên", Text),
    f("trich_yeu", "trích yếu nội dung", Text),
    f("ngon_ngu", "ngôn ngữ", CodeList),
    f("so_luong_trang", "số lượng trang", PAGES),
    f("ky_hieu_thong_tin", "ký hiệu thông tin", Text),
    f("tu_khoa", "từ khóa", List),
    f("nguoi_ky", "người ký", Text),
    f("chuc_vu", "chức vụ người ký", Text),
    f("tham_quyen", "thẩm quyền ký", Text),
    f("do_mat", "độ mật", Code),
    f("do_khan", "độ khẩn", Code),
    f("noi_nhan", "nơi nhận", List),
    f("che_do_su_dung", "chế độ sử dụng", Code),
    f("muc_do_tin_cay", "mức độ tin cậy", Code),
    f("but_tich", "bút tích", Text),
    f("tinh_trang_vat_ly", "tình trạng vật lý", Code),
    f("ghi_chu", "ghi chú", Text),
];

/// The spec of `key` in `fields`.
pub fn spec(fields: &'static [FieldSpec], key: &str) -> Option<&'static FieldSpec> {
    fields.iter().find(|f| f.key == key)
}

/// The Vietnamese name of a key of either record (for messages).
pub fn vi_name(key: &str) -> &'static str {
    spec(HO_SO_FIELDS, key)
        .or_else(|| spec(TAI_LIEU_FIELDS, key))
        .map_or("", |f| f.vi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{HoSoRecord, TaiLieuRecord};

    fn keys(value: &serde_json::Value) -> Vec<String> {
        value.as_object().unwrap().keys().cloned().collect()
    }

    fn sorted(fields: &[FieldSpec]) -> Vec<String> {
        let mut k: Vec<String> = fields.iter().map(|f| f.key.to_string()).collect();
        k.sort();
        k
    }

    #[test]
    fn tables_match_the_record_structs() {
        let mut hs = keys(&serde_json::to_value(HoSoRecord::default()).unwrap());
        hs.sort();
        assert_eq!(hs, sorted(HO_SO_FIELDS));
        let mut tl = keys(&serde_json::to_value(TaiLieuRecord::default()).unwrap());
        tl.sort();
        assert_eq!(tl, sorted(TAI_LIEU_FIELDS));
    }

    #[test]
    fn code_fields_have_a_code_set() {
        let codes = crate::CodeSets::tt05_2025();
        for f in HO_SO_FIELDS.iter().chain(TAI_LIEU_FIELDS) {
            if matches!(f.kind, Code | CodeList) {
                assert!(codes.set(f.key).is_some(), "{} has no code set", f.key);
            }
        }
    }
}
