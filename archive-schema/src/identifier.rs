//! Archival identifiers: mã hồ sơ and mã lưu trữ tài liệu (Thông tư 05/2025).
//!
//! In: the parts the archivist gave (archive code, phông, mục lục or year, số hồ sơ).
//! Out: dot-separated codes, validated to have at least four non-empty parts.

use crate::{Error, Result};

/// Joins the parts of a mã hồ sơ (`H49.61.8.2017`) and validates the result.
pub fn compose_ma_ho_so(parts: &[&str]) -> Result<String> {
    let code = parts.join(".");
    validate_ma_ho_so(&code)?;
    Ok(code)
}

/// Checks that a mã hồ sơ has at least four dot-separated parts of letters, digits or `-`.
pub fn validate_ma_ho_so(code: &str) -> Result<()> {
    let fail = |message: &str| Error::Identifier {
        value: code.to_string(),
        message: message.to_string(),
    };
    let parts: Vec<&str> = code.split('.').collect();
    if parts.len() < 4 {
        return Err(fail("a mã hồ sơ needs at least 4 dot-separated parts"));
    }
    for part in parts {
        if part.is_empty() {
            return Err(fail("empty part"));
        }
        if !part.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(fail("parts may hold only ASCII letters, digits and '-'"));
        }
    }
    Ok(())
}

/// The mã lưu trữ tài liệu of the `ordinal`-th document (1-based) of a hồ sơ: `{mã hồ sơ}.{NNNNNNN}`.
pub fn ma_luu_tru_tai_lieu(ma_ho_so: &str, ordinal: u32) -> Result<String> {
    validate_ma_ho_so(ma_ho_so)?;
    if ordinal == 0 || ordinal > 9_999_999 {
        return Err(Error::Identifier {
            value: ordinal.to_string(),
            message: "document ordinal must be between 1 and 9999999".into(),
        });
    }
    Ok(format!("{ma_ho_so}.{ordinal:07}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_and_validates() {
        assert_eq!(
            compose_ma_ho_so(&["H49", "61", "8", "2017"]).unwrap(),
            "H49.61.8.2017"
        );
        assert!(compose_ma_ho_so(&["H49", "61", "8"]).is_err());
        assert!(validate_ma_ho_so("H49..8.2017").is_err());
        assert!(validate_ma_ho_so("H49.6/1.8.2017").is_err());
        assert_eq!(
            ma_luu_tru_tai_lieu("H49.61.8.2017", 12).unwrap(),
            "H49.61.8.2017.0000012"
        );
        assert!(ma_luu_tru_tai_lieu("H49.61.8.2017", 0).is_err());
    }
}
