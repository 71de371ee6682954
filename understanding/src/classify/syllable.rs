//! Whether a written word can be one Vietnamese syllable, marks included.
//!
//! In: one word as read (`Nguyễn`, `Hùóng`). Out: true when it is spelt as a Vietnamese
//! syllable can be: only Vietnamese letters, at most one tone mark (sắc, huyền, hỏi, ngã,
//! nặng) and that on a vowel, shape marks only where they belong (`â ê ô` circumflex, `ă`
//! breve, `ơ ư` horn, `đ` first), a syllable ending in `p t c ch` with only sắc or nặng, an
//! initial consonant, a vowel group and a final consonant that Vietnamese has, and the
//! initial spelt as its vowel asks (`k gh ngh` before `e ê i y`, `c g ng` not). OCR garbling
//! a name under a seal makes words that break one of these; a name that does is read again.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::fold_upper;

/// The five tone marks as combining characters: sắc, huyền, hỏi, ngã, nặng.
const TONES: [char; 5] = ['\u{301}', '\u{300}', '\u{309}', '\u{303}', '\u{323}'];
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31B}';

/// Initial consonant, vowel group and final consonant of a folded syllable (see
/// [`fold_upper`]); the vowel groups are the ones Vietnamese writes (`UYE` in `NGUYEN`,
/// `UO` in `TRUONG`, `OAI`, `IEU` …), `QU` and `GI` taking their `U`/`I` as part of the
/// initial.
static PARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDGHKLMNPRSTVX])?(UYE|UYA|UOI|UOU|IEU|YEU|OAI|OAY|OEO|UAY|UAI|AI|AO|AU|AY|EO|EU|IA|IE|IU|OA|OE|OI|OO|UA|UE|UI|UO|UU|UY|YE|A|E|I|O|U|Y)(CH|NG|NH|[CMNPT])?$",
    )
    .unwrap()
});

/// Whether `word` (any case) is spelt as one Vietnamese syllable can be.
pub(super) fn is_vietnamese_syllable(word: &str) -> bool {
    let decomposed: Vec<char> = word.nfd().flat_map(char::to_lowercase).collect();
    marks_in_place(&decomposed) && structure_holds(&fold_upper(word))
}

/// Letters and marks: Vietnamese letters only, one tone mark at most and on a vowel,
/// shape marks on the vowels that take them, `đ` only first, and a syllable closed by
/// `p t c ch` with sắc or nặng only.
fn marks_in_place(decomposed: &[char]) -> bool {
    let mut tones = Vec::new();
    let mut base = None;
    for (i, &c) in decomposed.iter().enumerate() {
        let fits = match c {
            'a'..='z' => !matches!(c, 'f' | 'j' | 'w' | 'z'),
            'đ' => i == 0,
            _ if TONES.contains(&c) => {
                tones.push(c);
                base.is_some_and(is_vowel)
            }
            CIRCUMFLEX => matches!(base, Some('a' | 'e' | 'o')),
            BREVE => base == Some('a'),
            HORN => matches!(base, Some('o' | 'u')),
            _ => false,
        };
        if !fits {
            return false;
        }
        if c.is_alphabetic() {
            base = Some(c);
        }
    }
    let letters: String = decomposed.iter().filter(|c| c.is_alphabetic()).collect();
    let checked = ["p", "t", "c", "ch"].iter().any(|f| letters.ends_with(f));
    tones.len() <= 1 && (!checked || tones.iter().all(|t| matches!(t, '\u{301}' | '\u{323}')))
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Initial, vowel group and final as Vietnamese has them, the initial spelt as its vowel
/// asks: `k`, `gh`, `ngh` only before `e i y`; `c`, `g`, `ng` never there; `q` only as `qu`.
fn structure_holds(folded: &str) -> bool {
    let Some(parts) = PARTS.captures(folded) else {
        return false;
    };
    let initial = parts.get(1).map_or("", |m| m.as_str());
    let front = parts[2].starts_with(['E', 'I', 'Y']);
    match initial {
        "K" | "GH" | "NGH" => front,
        "C" | "NG" => !front,
        // `GI` is an initial of its own (`gì`, `giữ`); `G` before `E` is `GH`'s place.
        "G" => !parts[2].starts_with('E'),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_common_syllables_pass() {
        for w in [
            "Nguyễn",
            "Trương",
            "Huỳnh",
            "Quách",
            "Khuê",
            "Kiều",
            "nghiêng",
            "Giữ",
            "gì",
            "Đặng",
            "Thuật",
            "Hòa",
            "Hoà",
            "Khoa",
            "Tuyết",
            "Ngọc",
            "Quốc",
            "Phượng",
            "Yến",
            "Oanh",
            "Duyên",
            "Hướng",
            "Khiêm",
            "Lưu",
            "Anh",
            "Ý",
        ] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn two_tone_marks_or_a_misplaced_mark_are_no_syllable() {
        assert!(!is_vietnamese_syllable("Hùóng"), "huyền and sắc");
        assert!(!is_vietnamese_syllable("Lạn̉"), "a tone on a consonant");
        assert!(!is_vietnamese_syllable("Bîch"), "circumflex on i");
        assert!(!is_vietnamese_syllable("Lŏng"), "breve on o");
        assert!(!is_vietnamese_syllable("Töan"), "a diaeresis");
        assert!(!is_vietnamese_syllable("Hoàc"), "huyền before a stop");
        assert!(is_vietnamese_syllable("Hoạch"));
        assert!(!is_vietnamese_syllable("Mêđ"), "đ not first");
    }

    #[test]
    fn foreign_letters_and_impossible_spellings_are_no_syllable() {
        for w in [
            "Wăn", "Fương", "Zung", "Jang", "Kan", "Cim", "Ngen", "Qan", "Thrang", "Bst", "Aeu",
            "Xuuu",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
        assert!(is_vietnamese_syllable("Ghe"));
    }
}
