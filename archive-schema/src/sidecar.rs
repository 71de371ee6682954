//! The archivist's sidecars: `box.json` in a box root and `hoso.json` in a hồ sơ directory.
//!
//! In: the sidecar's JSON text and its file name (for error messages).
//! Out: validated sidecar values; unknown keys, path-like values and malformed page ranges
//! are rejected with an error naming the file and the field.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// `box.json`: what the archivist knows of a storage box (hộp).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoxSidecar {
    pub ma_co_quan_luu_tru: Option<String>,
    pub ma_phong: Option<String>,
    pub ten_phong: Option<String>,
    pub hop_so: Option<String>,
    pub don_vi_so_hoa: Option<String>,
    pub nguoi_so_hoa: Option<String>,
}

/// `hoso.json`: what the archivist knows of one hồ sơ.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoSoSidecar {
    pub ma_phong: Option<String>,
    pub muc_luc_hoac_nam: Option<String>,
    pub so_ho_so: Option<String>,
    pub tieu_de: Option<String>,
    pub thoi_han_bao_quan: Option<String>,
    pub che_do_su_dung: Option<String>,
    pub ngon_ngu: Option<String>,
    pub tu_khoa: Option<Vec<String>>,
    pub tinh_trang_vat_ly: Option<String>,
    pub ghi_chu: Option<String>,
    pub ma_ho_so_goc_giay: Option<String>,
    /// Explicit document page ranges that override automatic splitting.
    pub documents: Option<Vec<PageRange>>,
}

/// One explicit document of a hồ sơ: `{"pages": "1-3"}` or `{"pages": "4"}` (1-based, inclusive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageRange {
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

fn sidecar_error(file: &str, e: serde_json::Error) -> Error {
    Error::Sidecar {
        file: file.to_string(),
        message: e.to_string(),
    }
}

/// A code (mã phông, số hồ sơ, …) may hold letters, digits, `.`, `-`, `_` and spaces only.
fn check_code(file: &str, field: &str, value: &Option<String>) -> Result<()> {
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

fn check_optional_text(file: &str, field: &str, value: &Option<String>) -> Result<()> {
    value
        .as_deref()
        .map_or(Ok(()), |v| check_text(file, field, v))
}

impl BoxSidecar {
    /// Parses and validates a `box.json`; `file` names it in errors.
    pub fn from_json(file: &str, text: &str) -> Result<Self> {
        let s: BoxSidecar = serde_json::from_str(text).map_err(|e| sidecar_error(file, e))?;
        check_code(file, "ma_co_quan_luu_tru", &s.ma_co_quan_luu_tru)?;
        check_code(file, "ma_phong", &s.ma_phong)?;
        check_code(file, "hop_so", &s.hop_so)?;
        check_optional_text(file, "ten_phong", &s.ten_phong)?;
        check_optional_text(file, "don_vi_so_hoa", &s.don_vi_so_hoa)?;
        check_optional_text(file, "nguoi_so_hoa", &s.nguoi_so_hoa)?;
        Ok(s)
    }
}

impl HoSoSidecar {
    /// Parses and validates a `hoso.json`; `file` names it in errors.
    pub fn from_json(file: &str, text: &str) -> Result<Self> {
        let s: HoSoSidecar = serde_json::from_str(text).map_err(|e| sidecar_error(file, e))?;
        check_code(file, "ma_phong", &s.ma_phong)?;
        check_code(file, "muc_luc_hoac_nam", &s.muc_luc_hoac_nam)?;
        check_code(file, "so_ho_so", &s.so_ho_so)?;
        check_code(file, "thoi_han_bao_quan", &s.thoi_han_bao_quan)?;
        check_code(file, "che_do_su_dung", &s.che_do_su_dung)?;
        check_code(file, "ngon_ngu", &s.ngon_ngu)?;
        check_code(file, "tinh_trang_vat_ly", &s.tinh_trang_vat_ly)?;
        check_code(file, "ma_ho_so_goc_giay", &s.ma_ho_so_goc_giay)?;
        check_optional_text(file, "tieu_de", &s.tieu_de)?;
        check_optional_text(file, "ghi_chu", &s.ghi_chu)?;
        for word in s.tu_khoa.iter().flatten() {
            check_text(file, "tu_khoa", word)?;
        }
        for range in s.documents.iter().flatten() {
            if range.bounds().is_none() {
                return Err(Error::Field {
                    file: file.to_string(),
                    field: "documents".into(),
                    message: format!(
                        "{:?} is not a page range like \"1-3\" or \"4\"",
                        range.pages
                    ),
                });
            }
        }
        Ok(s)
    }
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
    fn rejects_bad_page_ranges() {
        for bad in ["0-2", "3-1", "a", ""] {
            let json = format!(r#"{{"documents": [{{"pages": "{bad}"}}]}}"#);
            assert!(HoSoSidecar::from_json("hoso.json", &json).is_err(), "{bad}");
        }
    }
}
