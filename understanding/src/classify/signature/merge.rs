//! Merge two readings of a signer's name word by word.
//!
//! In: the words of the name line as the page's reading gave them and as the closing
//! block's second reading gave them, each maybe partial, garbled or split (`h Xuân Tuệ`,
//! `Đình Xu n Tuệ`). Out: the most plausible full name the two give together, or None.
//!
//! The two word lists are aligned (a word against a word, a word against two the other
//! reading split it into, or a word the other reading lost); in each place the word that is
//! a Vietnamese syllable written as a name wins, a family name in first place, and on a tie
//! the word of the reading with more such syllables. The result must be a plausible name.

use super::{
    holds_no_name, is_surname, nearest_surname, plausible_name, short_surname, title_case,
    upper_syllable,
};
use crate::classify::{edit_distance, fold_upper};
use crate::text_layer::is_vietnamese_syllable;

/// The cost of a word one reading has and the other lost.
const GAP: f32 = 0.7;
/// The extra cost of reading two words of one reading as one word of the other.
const SPLIT: f32 = 0.1;

/// One side of a place of the alignment: the word, and whether it is two words of the
/// reading joined (a word OCR split, `Xu n`).
type Side = Option<(String, bool)>;

/// The full name two readings of the name line give together, when it is plausible.
pub(super) fn merge(first: &[String], second: &[String]) -> Option<String> {
    let places = align(first, second);
    let prefer_second = valid_count(second) >= valid_count(first);
    let mut name: Vec<String> = Vec::new();
    for (a, b) in places {
        let first_place = name.is_empty();
        // A word put together from two is less sure than one read whole.
        let score = |w: &Side| {
            w.as_ref().map_or(-1, |(w, joined)| {
                word_score(w, first_place) - if *joined { 2 } else { 0 }
            })
        };
        let (sa, sb) = (score(&a), score(&b));
        let (best, best_score) = if sa > sb || (sa == sb && !prefer_second) {
            (a, sa)
        } else {
            (b, sb)
        };
        // A place only one reading holds is kept when its word is surely a syllable, or
        // when it may be a garbled family name (first place).
        let alone = sa < 0 || sb < 0;
        if best_score >= 4 || ((!alone || first_place) && best_score >= 1) {
            name.extend(best.map(|(w, _)| w));
        }
    }
    // A name without a family name whose first word is no syllable but one or two slips
    // from a family name: that family name (`Nguyẽen` → `Nguyễn`; `Xuân` stays, a given
    // name whose family name was lost).
    if !name.iter().any(|w| is_surname(w)) {
        if let Some(first) = name.first_mut().filter(|w| !is_vietnamese_syllable(w)) {
            if let Some(s) = nearest_surname(&fold_upper(first)).or_else(|| short_surname(first)) {
                *first = s.to_string();
            }
        }
    }
    // Seal text before the name: the name starts at its family name.
    while name.len() > 2 && !is_surname(&name[0]) {
        name.remove(0);
    }
    let name = name
        .iter()
        .map(|w| capitalised(w))
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = name.split(' ').collect();
    (plausible_name(&name) && !holds_no_name(&words)).then_some(name)
}

/// A word written as a name: capital first, small after (`THUẬT`, `thuật` → `Thuật`).
fn capitalised(w: &str) -> String {
    let mut chars = w.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase()
    })
}

/// How good a word is as a word of a name: 4 for a syllable written as a name (`Xuân`,
/// `XUÂN`), 3 for one with a small first letter (`xuân`), 1 for a capitalised word that is no syllable, 0 for a speck; 2 more for a
/// family name in first place.
fn word_score(w: &str, first_place: bool) -> i32 {
    let named = title_case(w) || upper_syllable(w);
    let small = w.chars().next().is_some_and(char::is_lowercase) && w.chars().count() > 2;
    let base = match (named, is_vietnamese_syllable(w)) {
        (true, true) => 4,
        // A syllable read with a small first letter (`xuân`).
        (false, true) if small => 3,
        (true, false) => 1,
        _ => 0,
    };
    base + if first_place && base == 4 && is_surname(w) {
        2
    } else {
        0
    }
}

/// How many words of a reading are syllables written as a name.
fn valid_count(words: &[String]) -> usize {
    words.iter().filter(|w| word_score(w, false) >= 4).count()
}

/// How unlike two words are, 0 (the same letters) to 1.
fn unlike(a: &str, b: &str) -> f32 {
    let (a, b) = (fold_upper(a), fold_upper(b));
    let longest = a.chars().count().max(b.chars().count()).max(1);
    edit_distance(&a, &b) as f32 / longest as f32
}

/// The cheapest alignment of two word lists (edit distance over words, with a word against
/// two of the other list joined when the second of them is no capitalised word), as places
/// in order: the first reading's side and the second's.
fn align(a: &[String], b: &[String]) -> Vec<(Side, Side)> {
    let (n, m) = (a.len(), b.len());
    let mut cost = vec![vec![f32::INFINITY; m + 1]; n + 1];
    // The move that reached each cell: (words of a, words of b).
    let mut step = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    cost[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let moves: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1)];
            for (da, db) in moves {
                if i < da || j < db || (da, db) == (0, 0) {
                    continue;
                }
                let (pi, pj) = (i - da, j - db);
                // Two words are one split by OCR when the second starts small and the first
                // is no family name read whole (`Lương hỊ` is a family name and a garbled
                // `Thị`, not one word).
                let split_off = |words: &[String], at: usize| {
                    words[at].chars().next().is_some_and(char::is_uppercase)
                        || (is_surname(&words[at - 1]) && title_case(&words[at - 1]))
                };
                if (da == 2 && split_off(a, i - 1)) || (db == 2 && split_off(b, j - 1)) {
                    continue;
                }
                let joined_a = a[pi..i].concat();
                let joined_b = b[pj..j].concat();
                let here = match (da, db) {
                    (1, 0) | (0, 1) => GAP,
                    (1, 1) => unlike(&joined_a, &joined_b),
                    _ => unlike(&joined_a, &joined_b) + SPLIT,
                };
                if cost[pi][pj] + here < cost[i][j] {
                    cost[i][j] = cost[pi][pj] + here;
                    step[i][j] = (da, db);
                }
            }
        }
    }
    let mut places = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (da, db) = step[i][j];
        let side = |words: &[String], from: usize, count: usize| {
            (count > 0).then(|| (words[from - count..from].concat(), count > 1))
        };
        places.push((side(a, i, da), side(b, j, db)));
        i -= da;
        j -= db;
    }
    places.reverse();
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn two_partial_readings_make_the_full_name() {
        // The family name lost in the first reading, a vowel in the second.
        let merged = merge(&words("h Xuân Quyết"), &words("Đặng Xu n Quyết"));
        assert_eq!(merged.as_deref(), Some("Đặng Xuân Quyết"));
        // A word garbled in each reading, a different one.
        let merged = merge(&words("Phạm Tbị Hằng"), &words("Phạm Thị Hẳìng"));
        assert_eq!(merged.as_deref(), Some("Phạm Thị Hằng"));
        // A word with two tone marks loses to the other reading's.
        let merged = merge(&words("Vũ Đức Hằứng"), &words("Vũ Đ c Hưng"));
        assert_eq!(merged.as_deref(), Some("Vũ Đức Hưng"));
    }

    #[test]
    fn a_family_name_wins_the_first_place_and_seal_text_goes() {
        let merged = merge(&words("Ủy Bùi Văn Tư"), &words("Bủi Văn Tư"));
        assert_eq!(merged.as_deref(), Some("Bùi Văn Tư"));
        // A word the second reading split and the last word it lost; capitals written as a
        // name.
        let merged = merge(&words("LÊ VĂN TẤN"), &words("Lê V n"));
        assert_eq!(merged.as_deref(), Some("Lê Văn Tấn"));
    }

    #[test]
    fn readings_that_give_no_plausible_name_give_nothing() {
        assert_eq!(merge(&words("x y"), &words("Tuệ")), None);
        assert_eq!(merge(&[], &[]), None);
        // A title's words are no name's, however they align.
        assert_eq!(merge(&words("Phan Bí Thư"), &words("Phan Thj")), None);
        // A word read with a small first letter beats a split one.
        assert_eq!(
            merge(&words("Hồ xuân Quyết"), &words("Hồ Xu n Quyết")).as_deref(),
            Some("Hồ Xuân Quyết")
        );
        // A family name garbled in both readings, one or two slips from a known one.
        assert_eq!(
            merge(&words("Hwàng Văn Tuệ"), &words("Ho4ng Vn Tuệ")).as_deref(),
            Some("Hoàng Văn Tuệ")
        );
        // A family name read whole is not joined to the garbled word after it.
        assert_eq!(
            merge(&words("Lương hỊ M"), &words("Thị Mến")).as_deref(),
            Some("Lương Thị Mến")
        );
        // Without a family name there is no name to give.
        assert_eq!(merge(&words("Xuân Tuệ"), &words("Xu n Tuệ")), None);
    }
}
