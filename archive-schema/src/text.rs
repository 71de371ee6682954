//! Text helpers for matching Vietnamese values.
//!
//! In: any string. Out: its folded form — tone and vowel marks removed, `đ` → `d`, lower
//! case, runs of whitespace collapsed — so that `Vĩnh viễn`, `VINH VIEN` and `Hoả tốc` /
//! `Hỏa tốc` compare equal.

use unicode_normalization::UnicodeNormalization;

/// Folds `s` for accent- and case-insensitive comparison.
pub fn fold(s: &str) -> String {
    strip_marks(s)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `s` without tone and vowel marks (NFD, combining marks dropped) and with `đ` → `d`,
/// `Đ` → `D`; case and spacing as they are. The one Vietnamese fold: [`fold`], the
/// classifier's upper-case fold and the search index's fold of non-Vietnamese letters are
/// built on it.
pub fn strip_marks(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_marks_case_and_spaces() {
        assert_eq!(fold("Vĩnh  viễn"), "vinh vien");
        assert_eq!(fold("ĐẢNG CỘNG SẢN"), "dang cong san");
        assert_eq!(fold("Hoả tốc"), fold("Hỏa tốc"));
        assert_ne!(fold("Mật"), fold("Tối mật"));
    }
}
