//! Text helpers for matching Vietnamese values.
//!
//! In: any string. Out: its folded form — tone and vowel marks removed, `đ` → `d`, lower
//! case, runs of whitespace collapsed — so that `Vĩnh viễn`, `VINH VIEN` and `Hoả tốc` /
//! `Hỏa tốc` compare equal.

use unicode_normalization::UnicodeNormalization;

/// Folds `s` for accent- and case-insensitive comparison.
pub fn fold(s: &str) -> String {
    let stripped: String = s
        .nfd()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .collect();
    stripped
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
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
