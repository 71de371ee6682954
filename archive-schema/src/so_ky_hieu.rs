//! The số and ký hiệu of a document written as one symbol.
//!
//! In: the số (`05`, `424`) and the ký hiệu (`NQ/ĐUK`, `QĐ-UBND`) as the record keeps them.
//! Out: the symbol as a document prints it: Party style `05-NQ/ĐUK` (Hướng dẫn 36-HD/VPTW:
//! the số, a dash, the type and the body), State style `424/QĐ-UBND`, `12/2019/NĐ-CP` and
//! the older `233/UB` (Nghị định 30/2020: the số, a slash, the ký hiệu).

/// The số and ký hiệu joined as the document writes them.
#[must_use]
pub fn so_ky_hieu(so: &str, ky_hieu: &str) -> String {
    // A Party ký hiệu holds the slash between the type and the body; a State one starts
    // with its year when it has a slash.
    let party = ky_hieu.contains('/') && !ky_hieu.starts_with(|c: char| c.is_ascii_digit());
    if party {
        format!("{so}-{ky_hieu}")
    } else {
        format!("{so}/{ky_hieu}")
    }
}

#[cfg(test)]
mod tests {
    use super::so_ky_hieu;

    #[test]
    fn party_and_state_symbols() {
        assert_eq!(so_ky_hieu("05", "NQ/ĐUK"), "05-NQ/ĐUK");
        assert_eq!(so_ky_hieu("12", "HD/HU-BTG"), "12-HD/HU-BTG");
        assert_eq!(so_ky_hieu("424", "QĐ-UBND"), "424/QĐ-UBND");
        assert_eq!(so_ky_hieu("12", "2019/NĐ-CP"), "12/2019/NĐ-CP");
        assert_eq!(so_ky_hieu("233", "UB"), "233/UB");
    }
}
