//! The archivist's sidecars: `box.json` in a box root and `hoso.json` in a hồ sơ directory.
//!
//! In: the sidecar's JSON text and its file name (for error messages).
//! Out: validated sidecar values; unknown keys, path-like values, malformed page ranges and
//! coded values outside the [`CodeSets`] in force are rejected with an error naming the file
//! and the field. Coded values given as a label (`"Vĩnh viễn"`) come out as their code (`"01"`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::codes::CodeSets;
use crate::{Error, Result};

/// `box.json`: what the archivist knows of a storage box (hộp), in the box root.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BoxSidecar {
    /// Mã cơ quan lưu trữ: code of the archive (first part of every mã hồ sơ, e.g. `H49`).
    pub ma_co_quan_luu_tru: Option<String>,
    /// Mã phông: code of the fonds (phông lưu trữ) the box belongs to.
    pub ma_phong: Option<String>,
    /// Tên phông: name of the fonds.
    pub ten_phong: Option<String>,
    /// Hộp số: the box number.
    pub hop_so: Option<String>,
    /// Đơn vị số hóa: the unit that digitised the box.
    pub don_vi_so_hoa: Option<String>,
    /// Người số hóa: the person who scanned the box.
    pub nguoi_so_hoa: Option<String>,
}

/// `hoso.json`: what the archivist knows of one hồ sơ, in the hồ sơ's directory.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HoSoSidecar {
    /// Mã phông: code of the fonds (overrides `box.json`).
    pub ma_phong: Option<String>,
    /// Mục lục hoặc năm hình thành hồ sơ: finding-aid number or year (third part of mã hồ sơ).
    pub muc_luc_hoac_nam: Option<String>,
    /// Số hồ sơ: the hồ sơ number (fourth part of mã hồ sơ).
    pub so_ho_so: Option<String>,
    /// Tiêu đề hồ sơ: the title.
    pub tieu_de: Option<String>,
    /// Thời hạn bảo quản: retention period, code or label of the `thoi_han_bao_quan` set.
    pub thoi_han_bao_quan: Option<String>,
    /// Chế độ sử dụng: access regime, code or label of the `che_do_su_dung` set.
    pub che_do_su_dung: Option<String>,
    /// Ngôn ngữ: language(s), ISO 639 codes or names, comma-separated.
    pub ngon_ngu: Option<String>,
    /// Từ khóa: keywords.
    pub tu_khoa: Option<Vec<String>>,
    /// Tình trạng vật lý: physical condition, code or label of the `tinh_trang_vat_ly` set.
    pub tinh_trang_vat_ly: Option<String>,
    /// Ghi chú: notes.
    pub ghi_chu: Option<String>,
    /// Mã hồ sơ gốc giấy: code of the paper original.
    pub ma_ho_so_goc_giay: Option<String>,
    /// Explicit document page ranges that override automatic splitting.
    pub documents: Option<Vec<PageRange>>,
}

/// One explicit document of a hồ sơ: `{"pages": "1-3"}` or `{"pages": "4"}` (1-based, inclusive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageRange {
    /// A page or an inclusive page range of the hồ sơ, 1-based: `"4"` or `"1-3"`.
    pub pages: String,
}

impl PageRange {
    /// The first and last page of the range.
    pub fn bounds(&self) -> Option<(u32, u32)> {
        let (a, b) = match self.pages.split_once('-') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (self.pages.trim(), self.pages.trim()),
        };
        let (a, b) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
        (a >= 1 && a <= b).then_some((a, b))
    }
}

/// Parses sidecar `text` (from `file`) as a `T`; an error names the field at fault (its
/// path, `documents[1].pages`) when there is one, and says so when the text is no JSON
/// object (a list read as a record would be blamed on its first item).
fn parse_sidecar<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if !trimmed.is_empty() && !trimmed.starts_with('{') {
        return Err(Error::Sidecar {
            file: file.to_string(),
            message: "must be a JSON object ({ … }) of the fields in the README".into(),
        });
    }
    parse_naming_field(text).map_err(|fault| match fault.field {
        Some(field) => Error::Field {
            file: file.to_string(),
            field,
            message: fault.error.to_string(),
        },
        None => Error::Sidecar {
            file: file.to_string(),
            message: fault.error.to_string(),
        },
    })
}

/// Why JSON text is not a `T`: the path of the value at fault (`documents[1].pages`), or
/// `None` when the fault is the text's syntax or its whole shape.
#[derive(Debug)]
pub struct JsonFault {
    pub field: Option<String>,
    pub error: serde_json::Error,
}

/// Parses JSON `text` (the whole of it) as a `T`, keeping the path of a value of the wrong
/// type or shape so that the error can name the field (sidecars, `approvals.json`).
pub fn parse_naming_field<T: serde::de::DeserializeOwned>(
    text: &str,
) -> std::result::Result<T, JsonFault> {
    let mut json = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut json).map_err(|e| {
        let field = e.path().to_string();
        JsonFault {
            field: (!matches!(field.as_str(), "" | "." | "?")).then_some(field),
            error: e.into_inner(),
        }
    })?;
    json.end()
        .map_err(|error| JsonFault { field: None, error })?;
    Ok(value)
}

/// A code (mã phông, số hồ sơ, …) may hold letters, digits, `.`, `-`, `_` and spaces only.
fn check_code(file: &str, field: &str, value: Option<&String>) -> Result<()> {
    let Some(v) = value else { return Ok(()) };
    let ok = !v.trim().is_empty()
        && !v.starts_with('.')
        && !v.contains("..")
        && v.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' '));
    if ok {
        Ok(())
    } else {
        Err(Error::Field {
            file: file.to_string(),
            field: field.to_string(),
            message: format!(
                "{v:?} is not a valid code (letters, digits, '.', '-', '_' only; no path)"
            ),
        })
    }
}

/// Free text must not be empty, hold control characters, or look like a file path.
fn check_text(file: &str, field: &str, value: &str) -> Result<()> {
    let fail = |message: &str| {
        Err(Error::Field {
            file: file.to_string(),
            field: field.to_string(),
            message: format!("{value:?}: {message}"),
        })
    };
    if value.chars().any(|c| c.is_control() && c != '\n') {
        return fail("control characters are not allowed");
    }
    let looks_like_path = value.starts_with('/')
        || value.starts_with('\\')
        || value.starts_with("~/")
        || value.split(['/', '\\']).any(|segment| segment == "..")
        || (value.len() > 2 && value.as_bytes()[1] == b':' && value.as_bytes()[2] == b'\\');
    if looks_like_path {
        return fail("path-like values are not allowed");
    }
    Ok(())
}

fn check_optional_text(file: &str, field: &str, value: Option<&String>) -> Result<()> {
    value.map_or(Ok(()), |v| check_text(file, field, v))
}

impl BoxSidecar {
    /// Parses and validates a `box.json`; `file` names it in errors.
    pub fn from_json(file: &str, text: &str) -> Result<Self> {
        let s: BoxSidecar = parse_sidecar(file, text)?;
        check_code(file, "ma_co_quan_luu_tru", s.ma_co_quan_luu_tru.as_ref())?;
        check_code(file, "ma_phong", s.ma_phong.as_ref())?;
        check_code(file, "hop_so", s.hop_so.as_ref())?;
        check_optional_text(file, "ten_phong", s.ten_phong.as_ref())?;
        check_optional_text(file, "don_vi_so_hoa", s.don_vi_so_hoa.as_ref())?;
        check_optional_text(file, "nguoi_so_hoa", s.nguoi_so_hoa.as_ref())?;
        Ok(s)
    }
}

/// Replaces a coded value by its stored form, or fails naming the allowed values.
fn normalize_code(
    file: &str,
    field: &str,
    value: &mut Option<String>,
    codes: &CodeSets,
) -> Result<()> {
    let (Some(v), Some(set)) = (value.as_mut(), codes.set(field)) else {
        return Ok(());
    };
    let mut stored = Vec::new();
    let parts: Vec<&str> = if field == "ngon_ngu" {
        v.split(',').map(str::trim).collect()
    } else {
        vec![v.as_str()]
    };
    for part in parts {
        match set.normalize(part) {
            Some(code) => stored.push(code.to_string()),
            None => {
                return Err(Error::Field {
                    file: file.to_string(),
                    field: field.to_string(),
                    message: format!(
                        "unknown {} {part:?}; allowed ({}): {}",
                        set.name,
                        codes.title,
                        set.allowed().join(", ")
                    ),
                })
            }
        }
    }
    *v = stored.join(", ");
    Ok(())
}

impl HoSoSidecar {
    /// Parses and validates a `hoso.json` against the default code sets (Thông tư 05/2025);
    /// `file` names it in errors.
    pub fn from_json(file: &str, text: &str) -> Result<Self> {
        Self::from_json_with_codes(file, text, CodeSets::tt05_2025())
    }

    /// Parses and validates a `hoso.json` against `codes`; coded values given as labels are
    /// replaced by their codes. `file` names it in errors.
    pub fn from_json_with_codes(file: &str, text: &str, codes: &CodeSets) -> Result<Self> {
        let mut s: HoSoSidecar = parse_sidecar(file, text)?;
        check_code(file, "ma_phong", s.ma_phong.as_ref())?;
        check_code(file, "muc_luc_hoac_nam", s.muc_luc_hoac_nam.as_ref())?;
        check_code(file, "so_ho_so", s.so_ho_so.as_ref())?;
        check_code(file, "thoi_han_bao_quan", s.thoi_han_bao_quan.as_ref())?;
        check_code(file, "che_do_su_dung", s.che_do_su_dung.as_ref())?;
        check_optional_text(file, "ngon_ngu", s.ngon_ngu.as_ref())?;
        check_code(file, "tinh_trang_vat_ly", s.tinh_trang_vat_ly.as_ref())?;
        normalize_code(file, "thoi_han_bao_quan", &mut s.thoi_han_bao_quan, codes)?;
        normalize_code(file, "che_do_su_dung", &mut s.che_do_su_dung, codes)?;
        normalize_code(file, "ngon_ngu", &mut s.ngon_ngu, codes)?;
        normalize_code(file, "tinh_trang_vat_ly", &mut s.tinh_trang_vat_ly, codes)?;
        check_code(file, "ma_ho_so_goc_giay", s.ma_ho_so_goc_giay.as_ref())?;
        check_optional_text(file, "tieu_de", s.tieu_de.as_ref())?;
        check_optional_text(file, "ghi_chu", s.ghi_chu.as_ref())?;
        for word in s.tu_khoa.iter().flatten() {
            check_text(file, "tu_khoa", word)?;
        }
        check_ranges(file, s.documents.as_deref().unwrap_or_default())?;
        Ok(s)
    }
}

/// Each document range is a page range, and no page is in two documents (a page stored in
/// two would leave one of them behind at the next ingest of the hồ sơ).
fn check_ranges(file: &str, ranges: &[PageRange]) -> Result<()> {
    let fault = |message: String| Error::Field {
        file: file.to_string(),
        field: "documents".into(),
        message,
    };
    let mut bounds = Vec::with_capacity(ranges.len());
    for range in ranges {
        let b = range.bounds().ok_or_else(|| {
            fault(format!(
                "{:?} is not a page range like \"1-3\" or \"4\"",
                range.pages
            ))
        })?;
        bounds.push((b, &range.pages));
    }
    bounds.sort_unstable_by_key(|&(b, _)| b);
    for pair in bounds.windows(2) {
        let ((_, end), earlier) = pair[0];
        let ((start, _), later) = pair[1];
        if start <= end {
            return Err(fault(format!(
                "{earlier:?} and {later:?} both hold page {start}: a page belongs to one document"
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_valid_hoso_sidecar() {
        let s = HoSoSidecar::from_json(
            "hoso.json",
            r#"{"so_ho_so": "12", "tieu_de": "Nghị quyết 05-NQ/ĐUK", "documents": [{"pages": "1-3"}, {"pages": "4"}]}"#,
        )
        .unwrap();
        assert_eq!(s.so_ho_so.as_deref(), Some("12"));
        let bounds: Vec<_> = s
            .documents
            .unwrap()
            .iter()
            .map(|r| r.bounds().unwrap())
            .collect();
        assert_eq!(bounds, vec![(1, 3), (4, 4)]);
    }

    #[test]
    fn rejects_unknown_keys_naming_file_and_key() {
        let e = HoSoSidecar::from_json("hs/hoso.json", r#"{"tieu_đe": "x"}"#).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("hs/hoso.json") && msg.contains("tieu_đe"),
            "{msg}"
        );
    }

    #[test]
    fn rejects_path_like_values() {
        for bad in [
            r#"{"so_ho_so": "../../etc"}"#,
            r#"{"ma_phong": "a/b"}"#,
            r#"{"tieu_de": "/etc/passwd"}"#,
            r#"{"ghi_chu": "x/../../y"}"#,
        ] {
            let e = HoSoSidecar::from_json("hoso.json", bad).unwrap_err();
            assert!(e.to_string().contains("hoso.json"), "{e}");
        }
        let e = BoxSidecar::from_json("box.json", r#"{"hop_so": "..\\x"}"#).unwrap_err();
        assert!(e.to_string().contains("hop_so"));
    }

    #[test]
    fn normalises_coded_values_to_codes() {
        let s = HoSoSidecar::from_json(
            "hoso.json",
            r#"{"thoi_han_bao_quan": "Vĩnh viễn", "che_do_su_dung": "02", "ngon_ngu": "Tiếng Việt, fr", "tinh_trang_vat_ly": "binh thuong"}"#,
        )
        .unwrap();
        assert_eq!(s.thoi_han_bao_quan.as_deref(), Some("01"));
        assert_eq!(s.che_do_su_dung.as_deref(), Some("02"));
        assert_eq!(s.ngon_ngu.as_deref(), Some("vi, fr"));
        assert_eq!(s.tinh_trang_vat_ly.as_deref(), Some("02"));
    }

    #[test]
    fn rejects_unknown_coded_values_naming_file_field_and_allowed() {
        for (json, field, allowed) in [
            (
                r#"{"thoi_han_bao_quan": "07"}"#,
                "thoi_han_bao_quan",
                "06 (10 năm)",
            ),
            (
                r#"{"che_do_su_dung": "Tối mật"}"#,
                "che_do_su_dung",
                "03 (Mật)",
            ),
            (
                r#"{"ngon_ngu": "vi, klingon"}"#,
                "ngon_ngu",
                "vi (Tiếng Việt)",
            ),
            (
                r#"{"tinh_trang_vat_ly": "Rách"}"#,
                "tinh_trang_vat_ly",
                "03 (Hỏng)",
            ),
        ] {
            let e = HoSoSidecar::from_json("hs/hoso.json", json).unwrap_err();
            let msg = e.to_string();
            assert!(
                msg.contains("hs/hoso.json") && msg.contains(field) && msg.contains(allowed),
                "{msg}"
            );
        }
    }

    #[test]
    fn codes_in_force_decide() {
        let json = r#"{"thoi_han_bao_quan": "70"}"#;
        assert!(HoSoSidecar::from_json("hoso.json", json).is_err());
        let s =
            HoSoSidecar::from_json_with_codes("hoso.json", json, CodeSets::tt02_2019()).unwrap();
        assert_eq!(s.thoi_han_bao_quan.as_deref(), Some("70"));
    }

    #[test]
    fn rejects_ranges_sharing_a_page() {
        for ranges in [r#""1", "1""#, r#""1-2", "2""#, r#""4-6", "1-4""#] {
            let json = format!(
                r#"{{"documents": [{}]}}"#,
                ranges
                    .split(", ")
                    .map(|r| format!(r#"{{"pages": {r}}}"#))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let e = HoSoSidecar::from_json("hoso.json", &json).unwrap_err();
            assert!(
                matches!(&e, Error::Field { field, .. } if field == "documents"),
                "{ranges}: {e}"
            );
        }
        let fine = r#"{"documents": [{"pages": "3-4"}, {"pages": "1-2"}, {"pages": "5"}]}"#;
        assert!(HoSoSidecar::from_json("hoso.json", fine).is_ok());
    }

    #[test]
    fn a_value_of_the_wrong_type_names_its_field() {
        let e = HoSoSidecar::from_json("hoso.json", r#"{"tieu_de": "Nghị quyết", "so_ho_so": 15}"#)
            .unwrap_err();
        assert!(e.to_string().contains("`so_ho_so`"), "{e}");
        let e =
            HoSoSidecar::from_json("hoso.json", r#"{"documents": [{"pages": 3}]}"#).unwrap_err();
        assert!(e.to_string().contains("`documents[0].pages`"), "{e}");
        let e = BoxSidecar::from_json("box.json", r#"{"hop_so": 1}"#).unwrap_err();
        assert!(e.to_string().contains("`hop_so`"), "{e}");
        let e = HoSoSidecar::from_json("hoso.json", "[1, 2, 3]").unwrap_err();
        assert!(e.to_string().contains("JSON object"), "{e}");
        let e = HoSoSidecar::from_json("hoso.json", r#"{"tieu_de": "x"} trailing"#).unwrap_err();
        assert!(e.to_string().contains("hoso.json"), "{e}");
    }

    #[test]
    fn rejects_bad_page_ranges() {
        for bad in ["0-2", "3-1", "a", ""] {
            let json = format!(r#"{{"documents": [{{"pages": "{bad}"}}]}}"#);
            assert!(HoSoSidecar::from_json("hoso.json", &json).is_err(), "{bad}");
        }
    }
}
