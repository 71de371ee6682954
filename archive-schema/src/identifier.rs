//! Archival identifiers: mã hồ sơ and mã lưu trữ tài liệu (Thông tư 05/2025).
//!
//! In: the parts the archivist gave (archive code, phông, mục lục or year, số hồ sơ).
//! Out: dot-separated codes, validated to have at least four non-empty parts; a mã lưu trữ
//! tài liệu split back into its mã hồ sơ and 7-digit ordinal.

use crate::{Error, Result};

/// Joins the parts of a mã hồ sơ (`H49.61.8.2017`) and validates the result.
pub fn compose_ma_ho_so(parts: &[&str]) -> Result<String> {
    let code = parts.join(".");
    validate_ma_ho_so(&code)?;
    Ok(code)
}

/// Checks that a mã hồ sơ has at least four dot-separated parts of letters, digits or `-`.
pub fn validate_ma_ho_so(code: &str) -> Result<()> {
    ma_ho_so_problem(code).map_or(Ok(()), |message| {
        Err(Error::Identifier {
            value: code.to_string(),
            message: message.to_string(),
        })
    })
}

/// What is wrong with a mã hồ sơ, if anything.
pub(crate) fn ma_ho_so_problem(code: &str) -> Option<&'static str> {
    let parts: Vec<&str> = code.split('.').collect();
    if parts.len() < 4 {
        return Some("a mã hồ sơ needs at least 4 dot-separated parts, e.g. H49.61.8.2017");
    }
    for part in parts {
        if part.is_empty() {
            return Some("a mã hồ sơ may not have an empty part (`..` or a dot at either end)");
        }
        if !part.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Some("mã hồ sơ parts may hold only ASCII letters, digits and '-'");
        }
    }
    None
}

/// Splits a mã lưu trữ tài liệu `{mã hồ sơ}.{NNNNNNN}` into its mã hồ sơ and ordinal,
/// checking both: the last part must be exactly 7 digits, not all zero.
pub fn split_ma_luu_tru_tai_lieu(code: &str) -> Result<(&str, u32)> {
    let fail = |message: &str| Error::Identifier {
        value: code.to_string(),
        message: message.to_string(),
    };
    let Some((ma_ho_so, ordinal)) = code.rsplit_once('.') else {
        return Err(fail("a mã lưu trữ tài liệu is {mã hồ sơ}.{NNNNNNN}"));
    };
    if ordinal.len() != 7 || !ordinal.bytes().all(|b| b.is_ascii_digit()) {
        return Err(fail(
            "a mã lưu trữ tài liệu ends in a 7-digit ordinal, e.g. H49.61.8.2017.0000012",
        ));
    }
    let n: u32 = ordinal.parse().expect("7 digits");
    if n == 0 {
        return Err(fail(
            "the document ordinal 0000000 is not allowed (it starts at 0000001)",
        ));
    }
    if let Some(message) = ma_ho_so_problem(ma_ho_so) {
        return Err(fail(&format!("its mã hồ sơ part {ma_ho_so:?}: {message}")));
    }
    Ok((ma_ho_so, n))
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

    #[test]
    fn splits_ma_luu_tru_tai_lieu() {
        assert_eq!(
            split_ma_luu_tru_tai_lieu("H49.61.8.2017.0000012").unwrap(),
            ("H49.61.8.2017", 12)
        );
        for bad in [
            "H49.61.8.2017.12",
            "H49.61.8.2017.00000012",
            "H49.61.8.2017.000001a",
            "H49.61.8.2017.0000000",
            "H49.61.8.0000001",
            "H49.61..2017.0000001",
            "0000001",
        ] {
            let e = split_ma_luu_tru_tai_lieu(bad).unwrap_err();
            assert!(e.to_string().contains(bad), "{e}");
        }
    }
}
