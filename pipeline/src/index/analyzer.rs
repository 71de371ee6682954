//! Vietnamese text analysis for the search index.
//!
//! In: page text or a query (NFC or NFD, any case, tone marks on either vowel of `oa`/`oe`/`uy`,
//! `i` or `y` after a consonant).
//! Out: tantivy tokens, one per word (a run of letters, digits and combining marks), whose
//! offsets point into the input text (so snippets show the original) and whose text is
//! canonical: NFC, lowercase, the tone mark placed on the vowel the modern rule chooses
//! (`hòa` → `hoà`, `thủy` → `thuỷ`) and `y` spelled `i` when it is the whole rhyme after an
//! initial consonant (`kỹ` → `kĩ`, `lý` → `lí`). The folded analyzer also drops tone marks
//! and vowel shapes (`ă â ê ô ơ ư` → `a a e o o u`) and maps `đ` → `d`, so `chuyen doi so`
//! finds `chuyển đổi số`. No stemming, no stop words.

use std::collections::HashMap;
use std::sync::OnceLock;

use tantivy::tokenizer::{RemoveLongFilter, TextAnalyzer, Token, TokenStream, Tokenizer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Name under which the exact analyzer is registered with the index.
pub(crate) const EXACT_TOKENIZER: &str = "vi_exact";
/// Name under which the diacritic-folded analyzer is registered with the index.
pub(crate) const FOLDED_TOKENIZER: &str = "vi_folded";
/// Name under which the analyzer of folded word pairs ([`super::pairs`]) is registered.
pub(crate) const PAIRS_TOKENIZER: &str = "vi_pairs";

/// Tokens longer than this (in bytes) are OCR noise, not words; they are not indexed.
const MAX_TOKEN_BYTES: usize = 100;

/// The twelve Vietnamese vowel letters without tone.
const VOWELS: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/// Vowels whose shape (breve, circumflex, horn) attracts the tone mark.
const SHAPED_VOWELS: [char; 6] = ['ă', 'â', 'ê', 'ô', 'ơ', 'ư'];

/// The five tone marks as combining characters: huyền, sắc, hỏi, ngã, nặng.
/// A tone is stored as 1..=5 (index + 1); 0 is thanh ngang (no mark).
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// Builds the analyzer for the exact field (`fold == false`) or the folded field.
pub(crate) fn analyzer(fold: bool) -> TextAnalyzer {
    TextAnalyzer::builder(VietnameseTokenizer::new(fold))
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .build()
}

/// Whether a word as written is short enough to be indexed whatever its analysis: its
/// canonical form is well under three times its length (lowercasing lengthens a few letters
/// by half; composing only shortens).
pub(crate) fn is_indexed(word: &str) -> bool {
    word.len() * 3 < MAX_TOKEN_BYTES
}

/// The folded analyzer's words two at a time ([`super::pairs::SyllablePairs`]): the
/// analyzer of the field phrases are matched on.
pub(crate) fn pairs_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(VietnameseTokenizer::new(true))
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(super::pairs::SyllablePairs)
        .build()
}

/// Most distinct words a tokenizer remembers the analysis of: Vietnamese has about 7,000
/// syllables in use; names, numbers and OCR noise make the rest.
const WORD_CACHE_ENTRIES: usize = 100_000;

/// Analysed forms of the words a tokenizer has seen. Keys are short words from the indexed
/// text, so a fast non-cryptographic hash is enough (`SipHash` was a tenth of indexing time).
type WordCache = HashMap<Box<str>, Box<str>, rustc_hash::FxBuildHasher>;

/// Splits text into words and gives each its canonical (optionally folded) form.
///
/// Each instance (tantivy clones one per field and indexing thread) remembers the forms of
/// the words it has seen: analysing a word (NFC, tone placement) costs far more than a lookup,
/// and a page's words repeat across pages.
#[derive(Clone)]
pub(crate) struct VietnameseTokenizer {
    fold: bool,
    token: Token,
    cache: WordCache,
}

impl VietnameseTokenizer {
    pub(crate) fn new(fold: bool) -> Self {
        VietnameseTokenizer {
            fold,
            token: Token::default(),
            cache: WordCache::default(),
        }
    }
}

/// Token stream of [`VietnameseTokenizer`].
pub(crate) struct VietnameseTokenStream<'a> {
    words: WordSpans<'a>,
    fold: bool,
    token: &'a mut Token,
    cache: &'a mut WordCache,
}

impl Tokenizer for VietnameseTokenizer {
    type TokenStream<'a> = VietnameseTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VietnameseTokenStream<'a> {
        self.token.reset();
        VietnameseTokenStream {
            words: WordSpans { text, position: 0 },
            fold: self.fold,
            token: &mut self.token,
            cache: &mut self.cache,
        }
    }
}

/// Whether `c` may start a word: a letter or a digit.
fn starts_word(c: char) -> bool {
    match c as u32 {
        // Latin-1 letters and Latin Extended-A/B (ă, đ, ơ, ư …), except × and ÷.
        0xC0..=0x24F => c != '\u{D7}' && c != '\u{F7}',
        // Latin Extended Additional: the toned Vietnamese vowels (ạ … ỹ).
        0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

/// Whether `c` continues a word: a letter, a digit or a combining mark (NFD tone marks).
fn continues_word(c: char) -> bool {
    match c as u32 {
        0x300..=0x36F => true,
        _ => starts_word(c) || is_combining_mark(c),
    }
}

/// The words of a text, as the tokenizer splits it: each word's `[start, end)` byte range and
/// whether it is all ASCII.
struct WordSpans<'a> {
    text: &'a str,
    /// Byte offset where the search for the next word starts.
    position: usize,
}

/// The words of `text` (runs of letters, digits and combining marks), as the index splits it:
/// `66-QĐ/TW` is three words.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    WordSpans { text, position: 0 }.map(move |(start, end, _)| &text[start..end])
}

impl Iterator for WordSpans<'_> {
    type Item = (usize, usize, bool);

    fn next(&mut self) -> Option<(usize, usize, bool)> {
        let bytes = self.text.as_bytes();
        let mut at = self.position;
        // A word starts at a letter or digit ...
        let start = loop {
            let &byte = bytes.get(at)?;
            if byte.is_ascii() {
                if byte.is_ascii_alphanumeric() {
                    break at;
                }
                at += 1;
            } else {
                let c = self.text[at..].chars().next()?;
                if starts_word(c) {
                    break at;
                }
                at += c.len_utf8();
            }
        };
        // ... and runs over letters, digits and combining marks.
        let mut ascii = true;
        let mut end = start;
        while let Some(&byte) = bytes.get(end) {
            if byte.is_ascii() {
                if !byte.is_ascii_alphanumeric() {
                    break;
                }
                end += 1;
            } else {
                let Some(c) = self.text[end..].chars().next() else {
                    break;
                };
                if !continues_word(c) {
                    break;
                }
                ascii = false;
                end += c.len_utf8();
            }
        }
        self.position = end;
        Some((start, end, ascii))
    }
}

impl TokenStream for VietnameseTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((start, end, ascii)) = self.words.next() else {
            return false;
        };
        let word = &self.words.text[start..end];
        self.token.text.clear();
        let formed = if ascii && !word.ends_with(['y', 'Y']) {
            // Plain ASCII words are their own canonical and folded form, lowercased
            // (only a final rhyme-only `y` is respelled).
            self.token.text.push_str(word);
            self.token.text.make_ascii_lowercase();
            true
        } else if self.fold {
            fold_letters(word, &mut self.token.text)
        } else {
            lower_letters(word, &mut self.token.text)
        };
        if !formed {
            // Not formed letter by letter: analysed, and remembered.
            if let Some(form) = self.cache.get(word) {
                self.token.text.push_str(form);
            } else {
                let form = analyze_word(word, self.fold);
                self.token.text.push_str(&form);
                if self.cache.len() >= WORD_CACHE_ENTRIES {
                    self.cache.clear();
                }
                self.cache.insert(word.into(), form.into());
            }
        }
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.position = self.token.position.wrapping_add(1);
        self.token.position_length = 1;
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Code points the letter table covers: ASCII, Latin-1 and Latin Extended-A/B (`đ ă â ê ô ơ
/// ư` and their capitals) below this bound, ...
const TABLE_LATIN_END: u32 = 0x250;
/// ... and Latin Extended Additional (the precomposed toned vowels).
const TABLE_TONED: std::ops::RangeInclusive<u32> = 0x1E00..=0x1EFF;

/// What the analysis makes of one precomposed letter on its own.
#[derive(Debug, Clone, Copy, Default)]
struct Letter {
    /// Its canonical form (lowercase); `'\0'` when it is not one letter, or not a word letter.
    lower: char,
    /// Its folded form (no case, tone or vowel shape; `đ` → `d`); `'\0'` likewise.
    folded: char,
    /// One of the twelve Vietnamese vowels, and whether it has a shape (`ă â ê ô ơ ư`) and a
    /// tone mark.
    vowel: bool,
    shaped: bool,
    toned: bool,
}

/// The [`Letter`] of each code point the table covers, built from the analysis itself.
fn letter_table() -> &'static [Letter] {
    static TABLE: OnceLock<Vec<Letter>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let one_letter = |form: String| {
            let mut chars = form.chars();
            match (chars.next(), chars.next()) {
                (Some(one), None) => one,
                _ => '\0',
            }
        };
        (0..TABLE_LATIN_END)
            .chain(TABLE_TONED)
            .map(|code| {
                let Some(c) = char::from_u32(code).filter(|c| starts_word(*c)) else {
                    return Letter::default(); // '\0': not a word letter
                };
                let lower = one_letter(analyze_word(&c.to_string(), false));
                let vowel = split_tone(lower);
                Letter {
                    lower,
                    folded: one_letter(analyze_word(&c.to_string(), true)),
                    vowel: vowel.is_some(),
                    shaped: vowel.is_some_and(|(v, _)| SHAPED_VOWELS.contains(&v)),
                    toned: vowel.is_some_and(|(_, tone)| tone != 0),
                }
            })
            .collect()
    })
}

/// The table's entry for `c`, if it has one.
fn letter(table: &[Letter], c: char) -> Option<&Letter> {
    let code = c as u32;
    let at = if code < TABLE_LATIN_END {
        code
    } else if TABLE_TONED.contains(&code) {
        code - TABLE_TONED.start() + TABLE_LATIN_END
    } else {
        return None;
    };
    table.get(at as usize)
}

/// Appends the folded form of `word` to `out` letter by letter, when that gives what
/// [`analyze_word`] gives: every letter is precomposed (NFC, so composing changes nothing),
/// in the table, and the folded word does not end in `y` (which a rhyme-only `y` would
/// respell `i`; tone placement, the other respelling, is dropped by folding). Otherwise
/// appends nothing and returns false.
fn fold_letters(word: &str, out: &mut String) -> bool {
    let table = letter_table();
    let start = out.len();
    for c in word.chars() {
        match letter(table, c) {
            Some(l) if l.folded != '\0' => out.push(l.folded),
            _ => {
                out.truncate(start);
                return false;
            }
        }
    }
    if out.ends_with('y') {
        out.truncate(start);
        return false;
    }
    true
}

/// Appends the canonical form of `word` to `out` letter by letter (lowercased), when that
/// gives what [`analyze_word`] gives: every letter is precomposed and in the table, the last
/// is not a `y` (a rhyme-only `y` is respelled `i`), and the tone mark, if any (one at most),
/// is where the modern rule puts it in any case: on the only vowel of its run, or on the last
/// shaped vowel (`ươ → ơ`, `iê → ê`), which wins whatever the rest of the syllable. Otherwise
/// appends nothing and returns false.
fn lower_letters(word: &str, out: &mut String) -> bool {
    let table = letter_table();
    let start = out.len();
    let mut tones = 0;
    // Whether the toned vowel is alone in its run, and the last shaped vowel of the word.
    let mut toned_alone = false;
    let mut toned_shaped_last = false;
    let mut previous: Option<&Letter> = None;
    for c in word.chars() {
        let Some(l) = letter(table, c).filter(|l| l.lower != '\0') else {
            out.truncate(start);
            return false;
        };
        if l.toned {
            tones += 1;
            toned_alone = !previous.is_some_and(|p| p.vowel);
            toned_shaped_last = l.shaped;
        } else if tones > 0 {
            toned_alone &= !(l.vowel && previous.is_some_and(|p| p.toned));
            toned_shaped_last &= !l.shaped;
        }
        out.push(l.lower);
        previous = Some(l);
    }
    let ends_in_y = previous.is_some_and(|l| l.folded == 'y');
    let placed = tones == 0 || (tones == 1 && (toned_alone || toned_shaped_last));
    if ends_in_y || !placed {
        out.truncate(start);
        return false;
    }
    true
}

/// The indexed form of one word: canonical, and folded when `fold`.
pub(crate) fn analyze_word(word: &str, fold: bool) -> String {
    let canonical = canonical_word(word);
    if fold {
        fold_word(&canonical)
    } else {
        canonical
    }
}

/// NFC, lowercase, modern tone placement and `i` for a rhyme-only `y` after a consonant.
pub(crate) fn canonical_word(word: &str) -> String {
    let lower: String = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.nfc().flat_map(char::to_lowercase).collect()
    };
    normalize_syllable(&lower).unwrap_or(lower)
}

/// Removes tone marks and vowel shapes and maps `đ` → `d` (input: a canonical word).
pub(crate) fn fold_word(word: &str) -> String {
    if word.is_ascii() {
        return word.to_owned();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if c == 'đ' {
            out.push('d');
        } else if let Some((vowel, _)) = split_tone(c) {
            out.push(plain_vowel(vowel));
        } else {
            // Any other accented letter (é in a French name, ü, ñ …): drop its marks.
            out.push_str(&archive_schema::strip_marks(c.encode_utf8(&mut [0; 4])));
        }
    }
    out
}

/// The vowel without its shape: `ă â` → `a`, `ê` → `e`, `ô ơ` → `o`, `ư` → `u`.
fn plain_vowel(vowel: char) -> char {
    match vowel {
        'ă' | 'â' => 'a',
        'ê' => 'e',
        'ô' | 'ơ' => 'o',
        'ư' => 'u',
        other => other,
    }
}

/// Toned vowel ↔ (toneless vowel, tone) for the 12 lowercase vowels × 6 tones.
struct ToneTable {
    split: HashMap<char, (char, u8)>,
    join: HashMap<(char, u8), char>,
}

fn tone_table() -> &'static ToneTable {
    static TABLE: OnceLock<ToneTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut split = HashMap::new();
        let mut join = HashMap::new();
        for vowel in VOWELS {
            split.insert(vowel, (vowel, 0));
            join.insert((vowel, 0), vowel);
            for (tone, mark) in (1u8..).zip(TONE_MARKS) {
                let composed: Vec<char> = [vowel, mark].iter().copied().nfc().collect();
                if let [toned] = composed[..] {
                    split.insert(toned, (vowel, tone));
                    join.insert((vowel, tone), toned);
                }
            }
        }
        ToneTable { split, join }
    })
}

/// `(toneless vowel, tone)` when `c` is a lowercase Vietnamese vowel (tone 0 = no mark).
fn split_tone(c: char) -> Option<(char, u8)> {
    tone_table().split.get(&c).copied()
}

/// The vowel carrying `tone`.
fn with_tone(vowel: char, tone: u8) -> char {
    tone_table()
        .join
        .get(&(vowel, tone))
        .copied()
        .unwrap_or(vowel)
}

/// Rewrites a lowercase NFC word that has the shape of one Vietnamese syllable
/// (consonants, one run of vowels, consonants) into canonical spelling.
/// `None` when the word is not such a syllable or is already canonical.
fn normalize_syllable(word: &str) -> Option<String> {
    // Fast path: plain ASCII words only change when they end in a rhyme-only `y`.
    if word.is_ascii() && !word.ends_with('y') {
        return None;
    }
    let mut letters: Vec<char> = Vec::with_capacity(word.len());
    let mut tone = 0u8;
    let mut first_vowel = None;
    let mut last_vowel = 0;
    for (i, c) in word.chars().enumerate() {
        match split_tone(c) {
            Some((vowel, t)) => {
                if t != 0 {
                    if tone != 0 {
                        return None; // two tone marks: not a Vietnamese syllable
                    }
                    tone = t;
                }
                if first_vowel.is_some() && last_vowel + 1 != i {
                    return None; // vowels, consonants, vowels again: not one syllable
                }
                first_vowel.get_or_insert(i);
                last_vowel = i;
                letters.push(vowel);
            }
            None if c.is_alphabetic() => letters.push(c),
            None => return None, // digits and other signs: leave alone
        }
    }
    let mut nucleus_start = first_vowel?;
    let coda_start = last_vowel + 1;
    // `qu` and `gi` before another vowel are consonants: quốc, giữ, già.
    if coda_start - nucleus_start > 1 && nucleus_start == 1 {
        let onset_and_glide = (letters[0], letters[1]);
        if onset_and_glide == ('q', 'u') || onset_and_glide == ('g', 'i') {
            nucleus_start = 2;
        }
    }
    let has_onset = nucleus_start > 0;
    let has_coda = coda_start < letters.len();
    // i/y: after an initial consonant, a rhyme that is only y is spelled i (kỹ → kĩ, quý → quí).
    if has_onset && !has_coda && coda_start - nucleus_start == 1 && letters[nucleus_start] == 'y' {
        letters[nucleus_start] = 'i';
    }
    if tone != 0 {
        let nucleus = &letters[nucleus_start..coda_start];
        let at = nucleus_start + tone_position(nucleus, has_coda)?;
        letters[at] = with_tone(letters[at], tone);
    }
    let out: String = letters.into_iter().collect();
    (out != word).then_some(out)
}

/// Index within `nucleus` (toneless vowels) of the vowel that carries the tone mark
/// under the modern rule; `None` for vowel runs Vietnamese does not have.
fn tone_position(nucleus: &[char], has_coda: bool) -> Option<usize> {
    if let Some(shaped) = nucleus.iter().rposition(|v| SHAPED_VOWELS.contains(v)) {
        return Some(shaped); // ươ → ơ, uô → ô, iê → ê, ư, â …
    }
    // The arms are tried in order: a two-vowel nucleus with a coda is not `[_, _]`.
    #[allow(clippy::match_same_arms)]
    match nucleus {
        [_] => Some(0),
        [..] if has_coda => Some(nucleus.len() - 1), // hoàn, oong, huých
        ['o', 'a' | 'e'] | ['u', 'y'] => Some(1),    // hoà, khoẻ, thuỷ (modern rule)
        [_, _] => Some(0),                           // ai, ao, ia, ua, ui …
        [_, _, _] => Some(1),                        // oai, oay, uya, uyu, oeo
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(fold: bool, text: &str) -> Vec<(String, usize, usize)> {
        let mut analyzer = analyzer(fold);
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push((token.text.clone(), token.offset_from, token.offset_to));
        }
        out
    }

    fn texts(fold: bool, text: &str) -> Vec<String> {
        tokens(fold, text).into_iter().map(|(t, _, _)| t).collect()
    }

    #[test]
    fn folds_every_vowel_with_every_tone() {
        // Each row: the plain letter, then the vowel with no tone, huyền, sắc, hỏi, ngã, nặng.
        let table = [
            ("a", ["a", "à", "á", "ả", "ã", "ạ"]),
            ("a", ["ă", "ằ", "ắ", "ẳ", "ẵ", "ặ"]),
            ("a", ["â", "ầ", "ấ", "ẩ", "ẫ", "ậ"]),
            ("e", ["e", "è", "é", "ẻ", "ẽ", "ẹ"]),
            ("e", ["ê", "ề", "ế", "ể", "ễ", "ệ"]),
            ("i", ["i", "ì", "í", "ỉ", "ĩ", "ị"]),
            ("o", ["o", "ò", "ó", "ỏ", "õ", "ọ"]),
            ("o", ["ô", "ồ", "ố", "ổ", "ỗ", "ộ"]),
            ("o", ["ơ", "ờ", "ớ", "ở", "ỡ", "ợ"]),
            ("u", ["u", "ù", "ú", "ủ", "ũ", "ụ"]),
            ("u", ["ư", "ừ", "ứ", "ử", "ữ", "ự"]),
            ("y", ["y", "ỳ", "ý", "ỷ", "ỹ", "ỵ"]),
        ];
        for (plain, forms) in table {
            for form in forms {
                for text in [form.to_owned(), form.to_uppercase(), form.nfd().collect()] {
                    assert_eq!(texts(true, &text), [plain], "folding {text:?}");
                    // The exact field keeps the letter, lowercased and NFC.
                    assert_eq!(texts(false, &text), [form], "exact {text:?}");
                }
            }
        }
        for d in ["đ", "Đ"] {
            assert_eq!(texts(true, d), ["d"]);
            assert_eq!(texts(false, d), ["đ"]);
        }
        assert_eq!(
            texts(true, "Chuyển đổi số ĐẢNG ỦY"),
            ["chuyen", "doi", "so", "dang", "uy"]
        );
    }

    #[test]
    fn nfd_text_gives_nfc_tokens_with_original_offsets() {
        let nfd: String = "Nghị quyết".nfd().collect();
        let got = tokens(false, &nfd);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "nghị");
        assert_eq!(got[1].0, "quyết");
        assert_eq!(&nfd[got[1].1..got[1].2], "quyết".nfd().collect::<String>());
    }

    #[test]
    fn splits_on_non_alphanumerics_and_keeps_digits() {
        assert_eq!(
            texts(false, "Số 05-NQ/ĐUK, ngày 12/3/2019."),
            ["số", "05", "nq", "đuk", "ngày", "12", "3", "2019"]
        );
        // No stop words and no stemming: every word is kept as written.
        assert_eq!(
            texts(false, "the running và của"),
            ["the", "running", "và", "của"]
        );
    }

    #[test]
    fn word_boundaries_follow_unicode_letters_digits_and_marks() {
        // The fast paths for Latin ranges agree with Unicode's own classes.
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(
                starts_word(c),
                c.is_alphanumeric(),
                "{c:?} U+{:04X}",
                c as u32
            );
            assert_eq!(
                continues_word(c),
                c.is_alphanumeric() || is_combining_mark(c),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
        // ASCII, mixed and non-ASCII words, upper case, × between digits, NFD marks.
        assert_eq!(
            texts(false, "KỸ THUẬT Mỹ 3×4 LÝ ý Hoà-bình\u{a0}x"),
            ["kĩ", "thuật", "mĩ", "3", "4", "lí", "ý", "hoà", "bình", "x"]
        );
        assert_eq!(texts(true, "KY THUAT ly"), ["ki", "thuat", "li"]);
    }

    #[test]
    fn tone_placement_is_normalised() {
        let pairs = [
            ("hoà", "hòa"),
            ("thuỷ", "thủy"),
            ("khoẻ", "khỏe"),
            ("hoá", "hóa"),
            ("loã", "lõa"),
            ("luỹ", "lũy"),
            ("tuý", "túy"),
        ];
        for (modern, old) in pairs {
            assert_eq!(canonical_word(old), modern, "{old}");
            assert_eq!(canonical_word(modern), modern, "{modern}");
            assert_eq!(texts(true, old), texts(true, modern));
        }
        // Words whose tone placement does not vary stay as they are.
        for word in [
            "hoàn",
            "quốc",
            "quả",
            "giữ",
            "già",
            "gìn",
            "của",
            "mùa",
            "kìa",
            "người",
            "muối",
            "ngoài",
            "khuỷu",
            "thuở",
            "huyền",
            "chuyển",
            "đổi",
            "số",
            "tuyệt",
            "xoắn",
            "quyết",
            "giường",
            "hoạch",
            "uỷ",
            "oà",
        ] {
            assert_eq!(canonical_word(word), word, "{word}");
        }
        // A tone mark misplaced by OCR or an old keyboard moves to its vowel.
        assert_eq!(canonical_word("qủa"), "quả");
        assert_eq!(canonical_word("hòan"), "hoàn");
        assert_eq!(canonical_word("mưá"), "mứa");
        // Non-Vietnamese words with accents are left alone.
        assert_eq!(canonical_word("résumé"), "résumé");
        assert_eq!(canonical_word("café"), "café");
    }

    #[test]
    fn forming_words_letter_by_letter_agrees_with_analysis() {
        let mut words: Vec<String> = Vec::new();
        // Every letter of the table, alone and in syllable-like company (rhyme-only `y`,
        // `qu`/`gi` onsets, codas, doubled, capitalised).
        let letters = (0..TABLE_LATIN_END)
            .chain(TABLE_TONED)
            .filter_map(char::from_u32)
            .filter(|c| starts_word(*c));
        for c in letters {
            for word in [
                format!("{c}"),
                format!("t{c}"),
                format!("{c}y"),
                format!("qu{c}"),
                format!("g{c}y"),
                format!("th{c}ng"),
                format!("{c}{c}"),
                format!("h{c}a"),
                format!("Ng{c}ời"),
            ] {
                words.push(word.to_uppercase());
                words.push(word);
            }
        }
        // Vietnamese syllables: onsets × toned vowel runs × codas.
        let onsets = [
            "", "b", "ch", "đ", "Đ", "gi", "kh", "ngh", "qu", "Qu", "th", "TR",
        ];
        let runs = [
            "a", "ă", "ê", "y", "oa", "oe", "uy", "ươ", "iê", "uô", "ai", "uya", "ươi", "uyê",
            "oai", "ưu", "ia", "ưa",
        ];
        let codas = ["", "c", "ch", "m", "ng", "nh", "t", "i", "o", "u", "y"];
        for onset in onsets {
            for run in runs {
                for tone in [None, Some(0), Some(1), Some(2)] {
                    let mut toned: Vec<char> = run.chars().collect();
                    if let Some(at) = tone.filter(|at| *at < toned.len()) {
                        toned[at] = with_tone(toned[at], 2);
                    }
                    let run: String = toned.into_iter().collect();
                    for coda in codas {
                        words.push(format!("{onset}{run}{coda}"));
                    }
                }
            }
        }
        let mut by_table = 0;
        for word in &words {
            for fold in [true, false] {
                let mut out = String::from("kept ");
                let by_letters = if fold {
                    fold_letters(word, &mut out)
                } else {
                    lower_letters(word, &mut out)
                };
                if by_letters {
                    by_table += usize::from(fold);
                    let analysed = analyze_word(word, fold);
                    assert_eq!(out, format!("kept {analysed}"), "{word:?} fold: {fold}");
                } else {
                    assert_eq!(out, "kept ", "{word:?}");
                }
            }
        }
        assert!(
            by_table * 10 > words.len() * 7,
            "{by_table} of {}",
            words.len()
        );
        // Common words take the table; NFD text and a final `y` are analysed instead.
        for word in ["Đảng", "nghị", "quyết", "THƯỜNG", "khuya", "Nguyễn"] {
            assert!(fold_letters(word, &mut String::new()), "{word}");
        }
        let nfd: String = "Đảng".nfd().collect();
        for word in [nfd.as_str(), "kỹ", "thuỷ", "QUY"] {
            assert!(!fold_letters(word, &mut String::new()), "{word}");
        }
    }

    #[test]
    fn i_and_y_spellings_are_normalised() {
        let pairs = [
            ("kĩ", "kỹ"),
            ("lí", "lý"),
            ("mĩ", "mỹ"),
            ("ti", "ty"),
            ("kí", "ký"),
            ("quí", "quý"),
            ("hi", "hy"),
        ];
        for (canonical, other) in pairs {
            assert_eq!(canonical_word(other), canonical, "{other}");
            assert_eq!(canonical_word(canonical), canonical, "{canonical}");
        }
        // y that is not the whole rhyme, or has no initial consonant, stays.
        for word in ["ý", "y", "yêu", "thuỷ", "tuyển", "máy", "hay", "khuya"] {
            assert_eq!(canonical_word(word), word, "{word}");
        }
        assert_eq!(canonical_word("quy"), "qui");
        assert_eq!(texts(false, "Kỹ thuật"), texts(false, "kĩ thuật"));
        assert_eq!(texts(true, "LÝ LỊCH"), ["li", "lich"]);
    }
}
