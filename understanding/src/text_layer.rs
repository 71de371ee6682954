//! Whether a PDF's existing text layer is genuine Unicode Vietnamese, worth keeping instead
//! of OCR.
//!
//! In: the text a PDF page already carries (as the pipeline's `decode` extracted it).
//! Out: a [`TextLayerVerdict`]: usable or not, a score and the reason.
//!
//! Before about 2010 Vietnamese PDFs were typed in the legacy TCVN3 (ABC) or VNI font
//! encodings, whose text layer reads as Latin-1 mojibake ("§¶ng Céng s¶n", "Ñaûng Coäng
//! saûn"), or carry poor scanner OCR. The text is NFC-normalised, then rejected when it is too
//! short, shows legacy-encoding characters, lacks Vietnamese diacritics, or when fewer than
//! [`MIN_SCORE`] of its whitespace-separated tokens are valid Vietnamese syllables (onset,
//! vowel nucleus, final, at most one tone mark, the c/k, g/gh, ng/ngh spelling rules and the
//! rule that finals c, ch, p, t take only the sắc or nặng tone), numbers, punctuation or
//! capitalised abbreviations (NQ, ĐUK, CNTT, `QĐi`).

use unicode_normalization::UnicodeNormalization;

/// Fewer letters than this is not enough text to judge.
pub const MIN_LETTERS: usize = 20;
/// Share of tokens that must be valid syllables, numbers, punctuation or abbreviations.
pub const MIN_SCORE: f32 = 0.8;
/// Share of words that must carry a Vietnamese diacritic (tone mark, ă â ê ô ơ ư or đ);
/// running Vietnamese text has them on about three words in four.
pub const MIN_DIACRITIC_RATE: f32 = 0.3;

/// The decision on one text layer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TextLayerVerdict {
    /// Keep the text layer (true) or OCR the page (false).
    pub usable: bool,
    /// Share of tokens that are valid Vietnamese syllables, numbers, punctuation or
    /// abbreviations (0.0 to 1.0).
    pub score: f32,
    /// Why, in a few words, for logs and reports.
    pub reason: String,
}

/// Decides whether `text` is genuine Unicode Vietnamese worth keeping instead of OCR.
pub fn assess(text: &str) -> TextLayerVerdict {
    let text: String = text.nfc().collect();
    let stats = Stats::of(&text);
    let score = stats.score();
    let reject = |reason: String| TextLayerVerdict {
        usable: false,
        score,
        reason,
    };
    if stats.letters < MIN_LETTERS {
        return reject(format!(
            "too short: {} letters (at least {MIN_LETTERS} needed)",
            stats.letters
        ));
    }
    if let Some(encoding) = stats.legacy_encoding() {
        return reject(format!(
            "{encoding}: {} characters of {} letters",
            stats.legacy_total(),
            stats.letters
        ));
    }
    let diacritic_rate = stats.diacritic_rate();
    if diacritic_rate < MIN_DIACRITIC_RATE {
        return reject(format!(
            "no Vietnamese diacritics at a natural rate ({:.0}% of words, at least {:.0}% expected)",
            diacritic_rate * 100.0,
            MIN_DIACRITIC_RATE * 100.0
        ));
    }
    if score < MIN_SCORE {
        return reject(format!(
            "too many tokens that are not Vietnamese syllables (score {score:.2}, at least {MIN_SCORE:.2} needed)"
        ));
    }
    TextLayerVerdict {
        usable: true,
        score,
        reason: format!(
            "Unicode Vietnamese (score {score:.2}, diacritics on {:.0}% of words)",
            diacritic_rate * 100.0
        ),
    }
}

/// Counts gathered from one text.
#[derive(Default)]
struct Stats {
    letters: usize,
    tokens: usize,
    valid_tokens: usize,
    words: usize,
    words_with_diacritics: usize,
    /// Latin-1 characters from the TCVN3 block 0xA1..=0xBF (¸ µ ¶ · ¨ © ª « ¬ ® § …).
    tcvn3_chars: usize,
    /// Other Latin-1 characters that Vietnamese does not use (ä ø û ï ö ñ Ñ Ö Þ …).
    latin1_other: usize,
    /// Private-use and replacement characters: glyphs without a Unicode mapping.
    unmapped: usize,
}

impl Stats {
    fn of(text: &str) -> Self {
        let mut stats = Stats::default();
        for c in text.chars() {
            if c.is_alphabetic() {
                stats.letters += 1;
            }
            if ('\u{A1}'..='\u{BF}').contains(&c) && c != '°' {
                stats.tcvn3_chars += 1;
            } else if ('\u{C0}'..='\u{FF}').contains(&c) && !VIETNAMESE_LATIN1.contains(c) {
                stats.latin1_other += 1;
            } else if ('\u{E000}'..='\u{F8FF}').contains(&c) || c == '\u{FFFD}' {
                stats.unmapped += 1;
            }
        }
        for token in text.split_whitespace() {
            stats.tokens += 1;
            let kind = classify(token);
            if kind != TokenKind::Invalid {
                stats.valid_tokens += 1;
            }
            // Words (valid or not) count for the diacritic rate; numbers and abbreviations not.
            if kind != TokenKind::Other && token.chars().any(char::is_alphabetic) {
                stats.words += 1;
                if has_vietnamese_diacritic(token) {
                    stats.words_with_diacritics += 1;
                }
            }
        }
        stats
    }

    fn score(&self) -> f32 {
        if self.tokens == 0 {
            0.0
        } else {
            self.valid_tokens as f32 / self.tokens as f32
        }
    }

    fn diacritic_rate(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.words_with_diacritics as f32 / self.words as f32
        }
    }

    fn legacy_total(&self) -> usize {
        self.tcvn3_chars + self.latin1_other + self.unmapped
    }

    /// Which legacy encoding the text shows, if more than a stray character (2% of letters).
    fn legacy_encoding(&self) -> Option<&'static str> {
        let total = self.legacy_total();
        if total < 2 || total * 50 < self.letters {
            return None;
        }
        Some(if self.unmapped * 2 >= total {
            "font without Unicode mapping (private-use characters)"
        } else if self.tcvn3_chars * 3 >= total {
            "legacy TCVN3 (ABC) font encoding"
        } else {
            "legacy VNI font encoding"
        })
    }
}

/// The Latin-1 letters Vietnamese uses.
const VIETNAMESE_LATIN1: &str = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    /// Punctuation only, a number, an abbreviation, or a compound of those.
    Other,
    /// A valid Vietnamese syllable (or hyphen/slash compound with at least one).
    Word,
    Invalid,
}

/// Classifies one whitespace-separated token.
fn classify(token: &str) -> TokenKind {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        return TokenKind::Other;
    }
    // Compounds such as 05-NQ/ĐUK, 31/3/2022, Số:05, T/M, Mác-Lênin: every part must pass.
    let parts: Vec<&str> = core
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    let mut kind = TokenKind::Other;
    for part in parts {
        if part.chars().all(|c| c.is_ascii_digit()) || is_abbreviation(part) {
            continue;
        }
        if is_syllable_token(part) {
            kind = TokenKind::Word;
        } else {
            return TokenKind::Invalid;
        }
    }
    kind
}

/// NQ, ĐUK, CNTT, TW, UBND; `QĐi`, `CTr`, `TTr` (capitals then one lowercase letter).
fn is_abbreviation(part: &str) -> bool {
    let upper = |c: char| c.is_ascii_uppercase() || c == 'Đ';
    let n = part.chars().count();
    if n == 0 || n > 8 {
        return false;
    }
    if part.chars().all(upper) {
        return true;
    }
    let mut chars = part.chars();
    let last = chars.next_back();
    let head: Vec<char> = chars.collect();
    head.len() >= 2
        && head.iter().all(|&c| upper(c))
        && last.is_some_and(|c| c.is_ascii_lowercase())
}

/// A word in lower case, Capitalised or ALL CAPS that is one valid syllable.
fn is_syllable_token(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: Vec<char> = chars.collect();
    let case_ok = rest.iter().all(|c| c.is_lowercase())
        || (first.is_uppercase() && rest.iter().all(|c| c.is_uppercase()));
    case_ok && is_syllable(&word.to_lowercase())
}

const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
const SHAPE_MARKS: [char; 3] = ['\u{302}', '\u{306}', '\u{31B}'];
const ALPHABET: &str = "aăâbcdđeêghiklmnoôơpqrstuưvxy";
const VOWELS: &str = "aăâeêioôơuưy";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tone {
    None,
    Acute,
    Other,
}

/// Whether `word` (any case) is spelt as one Vietnamese syllable can be: Vietnamese letters
/// only, at most one tone mark and that on a vowel, an onset, nucleus and final Vietnamese
/// has, the c/k, g/gh, ng/ngh spelling, and only sắc or nặng before `p t c ch`. OCR garbling
/// (a name under a seal, a repair candidate) makes words that break one of these.
pub(crate) fn is_vietnamese_syllable(word: &str) -> bool {
    is_syllable(&word.to_lowercase())
}

/// Whether `word` (lower case) is a valid Vietnamese syllable.
fn is_syllable(word: &str) -> bool {
    // Take the tone mark off, keeping the vowel shapes (ă â ê ô ơ ư).
    let mut base = String::with_capacity(word.len());
    let mut tone = Tone::None;
    let mut last_base: Option<char> = None;
    for c in word.nfd() {
        if TONE_MARKS.contains(&c) {
            if tone != Tone::None || !last_base.is_some_and(|b| "aeiouy".contains(b)) {
                return false;
            }
            tone = if c == '\u{301}' || c == '\u{323}' {
                Tone::Acute
            } else {
                Tone::Other
            };
        } else if SHAPE_MARKS.contains(&c) {
            base.push(c);
        } else if c.is_alphabetic() {
            base.push(c);
            last_base = Some(c);
        } else {
            return false;
        }
    }
    let base: String = base.nfc().collect();
    if !base.chars().all(|c| ALPHABET.contains(c)) {
        return false;
    }
    for onset in ONSETS {
        let Some(rest) = base.strip_prefix(onset) else {
            continue;
        };
        if parse_rhyme(onset, rest, tone) {
            return true;
        }
        // "gi" before a consonant or at the end shares its i with the nucleus: gì, gìn.
        if onset == "gi" && !rest.starts_with(|c: char| VOWELS.contains(c)) {
            let shared = format!("i{rest}");
            if parse_rhyme(onset, &shared, tone) {
                return true;
            }
        }
    }
    false
}

const ONSETS: [&str; 28] = [
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];
const FINALS: [&str; 9] = ["ch", "nh", "ng", "c", "m", "n", "p", "t", ""];

/// Whether a nucleus may, must or must not be followed by a final consonant.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Coda {
    Any,
    Open,
    Closed,
}

const NUCLEI: [(&str, Coda); 47] = [
    ("a", Coda::Any),
    ("ă", Coda::Closed),
    ("â", Coda::Closed),
    ("e", Coda::Any),
    ("ê", Coda::Any),
    ("i", Coda::Any),
    ("o", Coda::Any),
    ("ô", Coda::Any),
    ("ơ", Coda::Any),
    ("u", Coda::Any),
    ("ư", Coda::Any),
    ("y", Coda::Any),
    ("ai", Coda::Open),
    ("ao", Coda::Open),
    ("au", Coda::Open),
    ("ay", Coda::Open),
    ("âu", Coda::Open),
    ("ây", Coda::Open),
    ("eo", Coda::Open),
    ("êu", Coda::Open),
    ("ia", Coda::Open),
    ("iê", Coda::Closed),
    ("iu", Coda::Open),
    ("oa", Coda::Any),
    ("oă", Coda::Closed),
    ("oe", Coda::Any),
    ("oi", Coda::Open),
    ("oo", Coda::Closed),
    ("ôi", Coda::Open),
    ("ơi", Coda::Open),
    ("ua", Coda::Open),
    ("uâ", Coda::Closed),
    ("uê", Coda::Any),
    ("ui", Coda::Open),
    ("uô", Coda::Closed),
    ("uơ", Coda::Open),
    ("uy", Coda::Any),
    ("ưa", Coda::Open),
    ("ưi", Coda::Open),
    ("ươ", Coda::Closed),
    ("ưu", Coda::Open),
    ("yê", Coda::Closed),
    ("iêu", Coda::Open),
    ("yêu", Coda::Open),
    ("oai", Coda::Open),
    ("uyê", Coda::Closed),
    ("ươi", Coda::Open),
];

/// Triphthongs beyond the table above (kept apart so the table stays readable).
const MORE_NUCLEI: [&str; 8] = ["oay", "oao", "oeo", "uây", "uôi", "ươu", "uya", "uyu"];

fn nucleus_coda(nucleus: &str) -> Option<Coda> {
    NUCLEI
        .iter()
        .find(|(n, _)| *n == nucleus)
        .map(|&(_, c)| c)
        .or_else(|| MORE_NUCLEI.contains(&nucleus).then_some(Coda::Open))
}

/// Whether `rest` (after `onset`) is nucleus + final, spelled right for that onset.
fn parse_rhyme(onset: &str, rest: &str, tone: Tone) -> bool {
    for fin in FINALS {
        let Some(nucleus) = rest.strip_suffix(fin) else {
            continue;
        };
        let Some(coda) = nucleus_coda(nucleus) else {
            continue;
        };
        let closed = !fin.is_empty();
        if (coda == Coda::Open && closed) || (coda == Coda::Closed && !closed) {
            continue;
        }
        // Stop finals take only the sắc or nặng tone.
        if matches!(fin, "c" | "ch" | "p" | "t") && tone == Tone::Other {
            continue;
        }
        if spelled_right(onset, nucleus) {
            return true;
        }
    }
    false
}

/// The c/k, g/gh, ng/ngh rules: k, gh, ngh before i, e, ê (k also before y); c, g, ng not.
fn spelled_right(onset: &str, nucleus: &str) -> bool {
    let front = nucleus.starts_with(['i', 'e', 'ê']);
    match onset {
        "k" => front || nucleus.starts_with('y'),
        "gh" | "ngh" => front,
        "c" => !front && !nucleus.starts_with('y'),
        "g" | "ng" => !front,
        "qu" => !nucleus.starts_with(['u', 'o']),
        _ => true,
    }
}

/// Whether a token carries a tone mark or one of ă â ê ô ơ ư đ.
fn has_vietnamese_diacritic(token: &str) -> bool {
    token
        .nfd()
        .any(|c| TONE_MARKS.contains(&c) || SHAPE_MARKS.contains(&c) || c == 'đ' || c == 'Đ')
}

#[cfg(test)]
mod tests {
    use super::*;

    // Syllable spelling, as the signer's plausibility check asks it.

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

    const SAMPLE: &str = "ĐẢNG CỘNG SẢN VIỆT NAM\n\
        ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH\n\
        Số 05-NQ/ĐUK\n\
        Hà Nội, ngày 31 tháng 3 năm 2022\n\
        NGHỊ QUYẾT\n\
        về đẩy mạnh chuyển đổi số trong các cơ quan Đảng giai đoạn 2022 - 2025, \
        định hướng đến năm 2030. Ban Thường vụ Đảng ủy Khối quyết nghị: tăng cường \
        ứng dụng công nghệ thông tin (CNTT), số hóa tài liệu lưu trữ và xây dựng \
        cơ sở dữ liệu phục vụ công tác lãnh đạo, chỉ đạo của cấp ủy.";

    /// Unicode to the TCVN3 (ABC) code points, as a Latin-1 text extractor shows them.
    /// Capitals with tone marks use the lowercase codes (the ...H capital fonts).
    fn to_tcvn3(text: &str) -> String {
        const TABLE: &[(char, char)] = &[
            ('à', 'µ'),
            ('á', '¸'),
            ('ả', '¶'),
            ('ã', '·'),
            ('ạ', '¹'),
            ('ă', '¨'),
            ('ằ', '»'),
            ('ắ', '¾'),
            ('ẳ', '¼'),
            ('ẵ', '½'),
            ('ặ', 'Æ'),
            ('â', '©'),
            ('ầ', 'Ç'),
            ('ấ', 'Ê'),
            ('ẩ', 'È'),
            ('ẫ', 'É'),
            ('ậ', 'Ë'),
            ('đ', '®'),
            ('è', 'Ì'),
            ('é', 'Ð'),
            ('ẻ', 'Î'),
            ('ẽ', 'Ï'),
            ('ẹ', 'Ñ'),
            ('ê', 'ª'),
            ('ề', 'Ò'),
            ('ế', 'Õ'),
            ('ể', 'Ó'),
            ('ễ', 'Ô'),
            ('ệ', 'Ö'),
            ('ì', '×'),
            ('í', 'Ý'),
            ('ỉ', 'Ø'),
            ('ĩ', 'Ü'),
            ('ị', 'Þ'),
            ('ò', 'ß'),
            ('ó', 'ã'),
            ('ỏ', 'á'),
            ('õ', 'â'),
            ('ọ', 'ä'),
            ('ô', '«'),
            ('ồ', 'å'),
            ('ố', 'è'),
            ('ổ', 'æ'),
            ('ỗ', 'ç'),
            ('ộ', 'é'),
            ('ơ', '¬'),
            ('ờ', 'ê'),
            ('ớ', 'í'),
            ('ở', 'ë'),
            ('ỡ', 'ì'),
            ('ợ', 'î'),
            ('ù', 'ï'),
            ('ú', 'ó'),
            ('ủ', 'ñ'),
            ('ũ', 'ò'),
            ('ụ', 'ô'),
            ('ư', '\u{AD}'),
            ('ừ', 'õ'),
            ('ứ', 'ø'),
            ('ử', 'ö'),
            ('ữ', '÷'),
            ('ự', 'ù'),
            ('ỳ', 'ú'),
            ('ý', 'ý'),
            ('ỷ', 'û'),
            ('ỹ', 'ü'),
            ('ỵ', 'þ'),
            ('Ă', '¡'),
            ('Â', '¢'),
            ('Ê', '£'),
            ('Ô', '¤'),
            ('Ơ', '¥'),
            ('Ư', '¦'),
            ('Đ', '§'),
        ];
        text.chars()
            .map(|c| {
                let lookup = |c: char| TABLE.iter().find(|(u, _)| *u == c).map(|&(_, t)| t);
                lookup(c)
                    .or_else(|| c.to_lowercase().next().and_then(lookup))
                    .unwrap_or(c)
            })
            .collect()
    }

    /// Unicode to VNI-Windows: the base letter followed by mark characters.
    fn to_vni(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            let upper = c.is_uppercase();
            let decomposed: Vec<char> = c.to_lowercase().collect::<String>().nfd().collect();
            let base = decomposed[0];
            let shape = decomposed.iter().find(|m| SHAPE_MARKS.contains(m)).copied();
            let tone = decomposed.iter().find(|m| TONE_MARKS.contains(m)).copied();
            let case = |s: &str| {
                if upper {
                    s.to_uppercase()
                } else {
                    s.to_string()
                }
            };
            let tone_mark = |t: char| match t {
                '\u{301}' => "ù",
                '\u{300}' => "ø",
                '\u{309}' => "û",
                '\u{303}' => "õ",
                _ => "ï",
            };
            let text = match (base, shape, tone) {
                ('đ', _, _) => case("ñ"),
                ('a' | 'e' | 'o', Some('\u{302}'), t) => {
                    let mark = match t {
                        None => "â",
                        Some('\u{301}') => "á",
                        Some('\u{300}') => "à",
                        Some('\u{309}') => "å",
                        Some('\u{303}') => "ã",
                        Some(_) => "ä",
                    };
                    case(&format!("{base}{mark}"))
                }
                ('a', Some('\u{306}'), t) => {
                    let mark = match t {
                        None => "ê",
                        Some('\u{301}') => "é",
                        Some('\u{300}') => "è",
                        Some('\u{309}') => "ú",
                        Some('\u{303}') => "ü",
                        Some(_) => "ë",
                    };
                    case(&format!("a{mark}"))
                }
                ('o' | 'u', Some('\u{31B}'), t) => {
                    let letter = if base == 'o' { "ô" } else { "ö" };
                    case(&format!("{letter}{}", t.map(tone_mark).unwrap_or_default()))
                }
                ('i', None, Some(t)) => case(match t {
                    '\u{301}' => "í",
                    '\u{300}' => "ì",
                    '\u{309}' => "æ",
                    '\u{303}' => "ó",
                    _ => "ò",
                }),
                (b, None, Some(t)) => case(&format!("{b}{}", tone_mark(t))),
                _ => c.to_string(),
            };
            out.push_str(&text);
        }
        out
    }

    #[test]
    fn converters_produce_the_known_mojibake() {
        assert_eq!(to_tcvn3("Đảng Cộng sản Việt Nam"), "§¶ng Céng s¶n ViÖt Nam");
        assert_eq!(to_tcvn3("NGHỊ QUYẾT"), "NGHÞ QUYÕT");
        assert_eq!(
            to_vni("Đảng Cộng sản Việt Nam"),
            "Ñaûng Coäng saûn Vieät Nam"
        );
        assert_eq!(to_vni("Hà Nội, năm"), "Haø Noäi, naêm");
    }

    #[test]
    fn genuine_vietnamese_is_usable() {
        let verdict = assess(SAMPLE);
        assert!(verdict.usable, "{verdict:?}");
        assert!(verdict.score >= 0.95, "{verdict:?}");
        // Decomposed input (NFD) is normalised first.
        let nfd: String = SAMPLE.nfd().collect();
        assert!(assess(&nfd).usable);
    }

    #[test]
    fn ocr_with_a_few_errors_is_still_usable() {
        let noisy = SAMPLE
            .replace("ngày", "ngảy")
            .replace("tháng", "thảng")
            .replace("năm 2022", "nărn 2022")
            .replace("chuyển", "chuyẻn");
        let verdict = assess(&noisy);
        assert!(verdict.usable, "{verdict:?}");
        assert!(verdict.score < assess(SAMPLE).score);
    }

    #[test]
    fn tcvn3_mojibake_is_rejected() {
        let verdict = assess(&to_tcvn3(SAMPLE));
        assert!(!verdict.usable);
        assert!(verdict.reason.contains("TCVN3"), "{verdict:?}");
    }

    #[test]
    fn vni_mojibake_is_rejected() {
        let verdict = assess(&to_vni(SAMPLE));
        assert!(!verdict.usable);
        assert!(verdict.reason.contains("VNI"), "{verdict:?}");
        assert!(verdict.score < MIN_SCORE, "{verdict:?}");
    }

    #[test]
    fn private_use_glyphs_are_rejected() {
        let pua: String = SAMPLE
            .chars()
            .map(|c| if c.is_ascii() { c } else { '\u{F0B8}' })
            .collect();
        let verdict = assess(&pua);
        assert!(!verdict.usable);
        assert!(verdict.reason.contains("private-use"), "{verdict:?}");
    }

    #[test]
    fn random_letters_are_rejected() {
        // Letters drawn at random, Vietnamese ones included: diacritics are there, syllables not.
        let letters: Vec<char> = "abcdeghiklmnopqrstuvxyăâđêôơưáàảãạéèếềốồớờúùứừíì"
            .chars()
            .collect();
        let mut seed: u32 = 12345;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as usize
        };
        let mut text = String::new();
        for _ in 0..80 {
            let len = 2 + next() % 6;
            for _ in 0..len {
                text.push(letters[next() % letters.len()]);
            }
            text.push(' ');
        }
        let verdict = assess(&text);
        assert!(!verdict.usable, "{verdict:?}");
        assert!(verdict.score < 0.5, "{verdict:?}");
        assert!(
            verdict.reason.contains("not Vietnamese syllables"),
            "{verdict:?}"
        );
    }

    #[test]
    fn scanner_ocr_garbage_is_rejected() {
        let garbage = "ĐẢ'NG C0NG SÁ~N VlỆT NAM \\ ~ Hả Nộl, ngàỵ 3l thàng 3 nãm 2O22 \
                       N(3HỊ QLlYẾT vể ctluyển đốỉ sổ lrong cảc cơ qưan Đàng ... ||| ;;";
        let verdict = assess(garbage);
        assert!(!verdict.usable, "{verdict:?}");
    }

    #[test]
    fn english_is_rejected_for_lack_of_diacritics() {
        let english = "The Party committee of the province adopted a resolution on the digital \
                       transformation of its archives in March 2022, to be carried out by 2025.";
        let verdict = assess(english);
        assert!(!verdict.usable);
        assert!(verdict.reason.contains("diacritics"), "{verdict:?}");
        let unaccented =
            "Dang Cong san Viet Nam, Ha Noi ngay 31 thang 3 nam 2022, Nghi quyet ve chuyen doi so";
        assert!(!assess(unaccented).usable);
    }

    #[test]
    fn short_text_is_rejected() {
        let verdict = assess("Đảng Cộng sản");
        assert!(!verdict.usable);
        assert!(verdict.reason.contains("too short"), "{verdict:?}");
        assert!(!assess("").usable);
        assert!(!assess(" \n\t ").usable);
    }

    #[test]
    fn syllables() {
        for good in [
            "nghiêng",
            "khuyến",
            "quốc",
            "giữ",
            "gìn",
            "gì",
            "giếng",
            "người",
            "được",
            "thuở",
            "xoong",
            "oanh",
            "uỷ",
            "ủy",
            "hoà",
            "hòa",
            "kỹ",
            "kĩ",
            "đường",
            "chuyển",
            "nghĩa",
            "trường",
            "hoạch",
            "khoẻ",
            "quyết",
            "việt",
            "đảng",
            "ăn",
            "ấy",
            "yêu",
            "khuya",
            "ngoài",
            "tuổi",
            "hươu",
            "kìa",
            "một",
            "nghị",
            "lãnh",
            "chỉ",
            "quở",
            "a",
        ] {
            assert!(is_syllable(good), "{good} should be a syllable");
        }
        for bad in [
            "ngi",
            "ce",
            "ci",
            "ghu",
            "ka",
            "ngê",
            "tiềt",
            "bă",
            "xyz",
            "fax",
            "aả",
            "kha\u{301}\u{300}",
            "str",
            "lênin",
            "iêng\u{303}x",
            "mn",
            "quu",
            "tht",
            "ñaûng",
            "céng",
        ] {
            assert!(!is_syllable(bad), "{bad} should not be a syllable");
        }
    }

    #[test]
    fn tokens() {
        for other in [
            "05-NQ/ĐUK",
            "31/3/2022",
            "NQ",
            "ĐUK",
            "CNTT",
            "TW",
            "QĐi",
            "CTr",
            "T/M",
            "—",
            "2.500",
            "(1)",
        ] {
            assert_ne!(classify(other), TokenKind::Invalid, "{other}");
        }
        for word in ["Số:05", "Đảng,", "“chuyển", "ĐẢNG", "Việt-Nam"] {
            assert_eq!(classify(word), TokenKind::Word, "{word}");
        }
        for bad in ["vIệt", "Mác-Lênin", "xqzt", "§¶ng", "Ñaûng", "ViÖt"] {
            assert_eq!(classify(bad), TokenKind::Invalid, "{bad}");
        }
    }
}
