//! Where a catalog value stands on a page: the box around the OCR words it was read from.
//!
//! In: a page's OCR words ([`WordRecord`], boxes in the page's pixels) and a value's text,
//! or the lines the value was read from. Out: left, top, width, height around those words,
//! or None. Words are compared folded ([`archive_schema::fold`]: diacritics and case
//! ignored) and without punctuation, so `NGHỊ QUYẾT` places `Nghị quyết`; word breaks may
//! differ (`05-NQ/ĐUK` read as one word or three), and on the lines a value was read from,
//! one word holding it places it (the số `05` of `05-NQ/ĐUK`).

use archive_schema::fold;

use crate::WordRecord;

/// The box around `words` (None for none).
pub fn union_box<'a>(words: impl IntoIterator<Item = &'a WordRecord>) -> Option<[u32; 4]> {
    let mut bounds: Option<[u32; 4]> = None;
    for w in words {
        let [x, y, width, height] = w.bbox;
        let (right, bottom) = (x.saturating_add(width), y.saturating_add(height));
        bounds = Some(match bounds {
            None => [x, y, right, bottom],
            Some([l, t, r, b]) => [l.min(x), t.min(y), r.max(right), b.max(bottom)],
        });
    }
    bounds.map(|[l, t, r, b]| [l, t, r - l, b - t])
}

/// `text` folded, letters and digits only.
fn folded_letters(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The box around the first run of `words` whose folded letters are exactly `value`'s
/// (None when no run spells it).
pub fn value_box(words: &[&WordRecord], value: &str) -> Option<[u32; 4]> {
    let wanted = folded_letters(value);
    if wanted.is_empty() {
        return None;
    }
    let letters: Vec<String> = words.iter().map(|w| folded_letters(&w.text)).collect();
    for start in 0..words.len() {
        if letters[start].is_empty() || !wanted.starts_with(&letters[start]) {
            continue;
        }
        let mut spelled = String::new();
        for (end, l) in letters.iter().enumerate().skip(start) {
            spelled.push_str(l);
            if spelled == wanted {
                return union_box(words[start..=end].iter().copied());
            }
            if !wanted.starts_with(&spelled) {
                break;
            }
        }
    }
    None
}

/// The box of the one word among `words` whose folded letters hold `value`'s (a số read
/// out of `86-BC/ĐUK`); None when no word or several do, or the value has under two
/// letters.
fn word_holding(words: &[&WordRecord], value: &str) -> Option<[u32; 4]> {
    let wanted = folded_letters(value);
    if wanted.chars().count() < 2 {
        return None;
    }
    let mut holding = words
        .iter()
        .filter(|w| folded_letters(&w.text).contains(&wanted));
    match (holding.next(), holding.next()) {
        (Some(w), None) => union_box([*w]),
        _ => None,
    }
}

/// The words of lines `first` to `last` (the words' `line` numbers), when those lines read
/// as `text_lines` say (folded letters equal): the check that the page's text and words
/// number their lines alike (a text layer has no words; OCR text does).
pub fn line_words<'a>(
    words: &'a [WordRecord],
    [first, last]: [usize; 2],
    text_lines: &[&str],
) -> Option<Vec<&'a WordRecord>> {
    let mut found = Vec::new();
    for line in first..=last {
        let on_line: Vec<&WordRecord> = words
            .iter()
            .filter(|w| usize::try_from(w.line).is_ok_and(|l| l == line))
            .collect();
        let spelled: String = on_line.iter().map(|w| folded_letters(&w.text)).collect();
        let text = text_lines.get(line)?;
        if on_line.is_empty() || spelled != folded_letters(text) {
            return None;
        }
        found.extend(on_line);
    }
    Some(found)
}

/// Where `value` was read on a page: within the words of `lines` when they are known and
/// match the page's text (the value's own words among them, else the whole lines), else
/// the first run of the page's words that spells it.
pub fn value_on_page(
    words: &[WordRecord],
    text: &str,
    lines: Option<[usize; 2]>,
    value: &str,
) -> Option<[u32; 4]> {
    let text_lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if let Some(on_lines) = lines.and_then(|l| line_words(words, l, &text_lines)) {
        return value_box(&on_lines, value)
            .or_else(|| word_holding(&on_lines, value))
            .or_else(|| union_box(on_lines));
    }
    let all: Vec<&WordRecord> = words.iter().collect();
    value_box(&all, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x: u32, line: u32) -> WordRecord {
        WordRecord {
            text: text.into(),
            bbox: [x, 100 + 50 * line, 80, 30],
            confidence: 90.0,
            line,
        }
    }

    fn page() -> (Vec<WordRecord>, &'static str) {
        let words = vec![
            word("Số", 10, 0),
            word("05-NQ/ĐUK", 100, 0),
            word("NGHỊ", 300, 1),
            word("QUYẾT", 400, 1),
            word("về", 10, 2),
            word("công", 100, 2),
            word("tác", 200, 2),
        ];
        (words, "Số 05-NQ/ĐUK\n\nNGHỊ QUYẾT\nvề công tác")
    }

    #[test]
    fn a_value_is_placed_on_its_words_folded_and_across_word_breaks() {
        let (words, text) = page();
        assert_eq!(
            value_on_page(&words, text, Some([1, 1]), "Nghị quyết"),
            Some([300, 150, 180, 30])
        );
        // Part of one word of its line: that word.
        assert_eq!(
            value_on_page(&words, text, Some([0, 0]), "NQ/ĐUK"),
            Some([100, 100, 80, 30])
        );
        // Not spelled by any run of words: the whole line it was read from.
        assert_eq!(
            value_on_page(&words, text, Some([1, 1]), "Quyết định"),
            Some([300, 150, 180, 30])
        );
        // Without lines, the page's words that spell it (`05-NQ/ĐUK` as one word).
        assert_eq!(
            value_on_page(&words, text, None, "05 NQ ĐUK"),
            Some([100, 100, 80, 30])
        );
        assert_eq!(
            value_on_page(&words, text, None, "Cong tac"),
            Some([100, 200, 180, 30])
        );
        assert_eq!(value_on_page(&words, text, None, "tác công"), None);
        // Lines that do not read as the text says are not trusted.
        assert_eq!(value_on_page(&words, "x\ny\nz", Some([1, 1]), "zzz"), None);
        assert_eq!(value_on_page(&[], text, Some([0, 0]), "Số"), None);
    }
}
