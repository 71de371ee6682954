//! The generated corpus of the search benches (`search_scale`, `serve_http`): Vietnamese
//! administrative pages from a syllable bigram model, documents with catalog metadata, and
//! queries of each kind drawn from the corpus itself.
//!
//! In: the ground-truth page texts of `sample-scans/` (the model's training text) and a seed.
//! Out: [`Corpus::document`] (an [`IndexedDocument`] of 1–5 pages with type, date, issuer,
//! hồ sơ, fonds and a 2 % chance of chế độ sử dụng Mật) and [`query_kinds`] (term, folded, two
//! forgiving words, phrase, phrase of common syllables, fuzzy, filtered + faceted).
//!
//! The corpus: a syllable bigram model trained on the ground-truth page texts of
//! `sample-scans/` (real Party documents and documents written after them), so word and
//! phrase frequencies follow real text; a long tail of person names, place names, numbers,
//! dates and số ký hiệu; OCR noise injected at the character error rate the `ocr_accuracy`
//! bench measured (3.6 %: a diacritic dropped or changed, a letter swapped).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use pipeline::clearance::Clearance;
use pipeline::index::{IndexedDocument, IndexedPage, SearchOptions, SortOrder};

use super::fold;

/// Measured character error rate of OCR on the sample scans (`ocr_accuracy`).
pub const NOISE_RATE: f64 = 0.036;
pub const WORDS_PER_PAGE: usize = 330;

/// xorshift64*: deterministic, good enough for a corpus.
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A syllable bigram model with its unigram counts.
pub struct Model {
    words: Vec<String>,
    next: Vec<Vec<u32>>,
}

impl Model {
    pub fn train(text: &str) -> Model {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut words = Vec::new();
        let mut next: Vec<Vec<u32>> = Vec::new();
        let mut previous: Option<u32> = None;
        for w in text.split_whitespace() {
            let id = *ids.entry(w.to_string()).or_insert_with(|| {
                words.push(w.to_string());
                next.push(Vec::new());
                (words.len() - 1) as u32
            });
            if let Some(p) = previous {
                next[p as usize].push(id);
            }
            previous = Some(id);
        }
        Model { words, next }
    }

    pub fn sentence(&mut self, rng: &mut Rng, length: usize, out: &mut String) {
        let mut id = rng.below(self.words.len()) as u32;
        for _ in 0..length {
            out.push_str(&self.words[id as usize]);
            out.push(' ');
            let followers = &self.next[id as usize];
            id = if followers.is_empty() {
                rng.below(self.words.len()) as u32
            } else {
                *rng.pick(followers)
            };
        }
    }
}

pub const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
pub const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Công", "Xuân",
];
pub const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Nga",
    "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trung", "Tuấn", "Vinh", "Yến",
];
pub const PLACES: &[&str] = &[
    "Gia Nghĩa",
    "Hà Tĩnh",
    "Đồng Hới",
    "Vinh",
    "Buôn Ma Thuột",
    "Lệ Thủy",
    "Quảng Trị",
    "Xuân Trường",
    "Yên Thế",
    "Tiên Yên",
    "Quế Phong",
    "Diễn Châu",
];
pub const TYPES: &[(&str, &str)] = &[
    ("Nghị quyết", "NQ"),
    ("Quyết định", "QĐ"),
    ("Chỉ thị", "CT"),
    ("Kết luận", "KL"),
    ("Thông tri", "TT"),
    ("Hướng dẫn", "HD"),
    ("Thông báo", "TB"),
    ("Báo cáo", "BC"),
    ("Kế hoạch", "KH"),
    ("Chương trình", "CTr"),
    ("Công văn", "CV"),
    ("Tờ trình", "TTr"),
    ("Biên bản", "BB"),
];
pub const ISSUERS: &[(&str, &str)] = &[
    ("Đảng ủy Khối cơ quan và doanh nghiệp", "ĐUK"),
    ("Tỉnh ủy Quảng Bình", "TU"),
    ("Huyện ủy Lệ Thủy", "HU"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU"),
    ("Ban Tổ chức Tỉnh ủy", "BTCTU"),
    ("Đảng ủy xã Sen Thủy", "ĐU"),
];

/// Replaces characters at the OCR error rate: tone marks dropped or changed, letters swapped.
pub fn noisy(text: &str, rng: &mut Rng) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if !rng.chance(NOISE_RATE) {
            out.push(c);
            continue;
        }
        match c {
            '\u{300}'..='\u{36f}' => {
                // A tone mark dropped or read as another.
                if rng.chance(0.5) {
                    out.push(*rng.pick(&['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}']));
                }
            }
            c if c.is_alphabetic() => out.push(*rng.pick(&['l', 'i', 'r', 'n', 'c', 'e', 'o'])),
            c => out.push(c),
        }
    }
    out.nfc().collect()
}

pub fn corpus_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-scans/ground-truth.json");
    let truth: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("sample-scans/ground-truth.json"))
            .expect("ground truth is JSON");
    let mut text = String::new();
    for file in truth.as_object().expect("an object of files").values() {
        for page in file["pages"].as_array().into_iter().flatten() {
            text.push_str(page["text"].as_str().unwrap_or(""));
            text.push('\n');
        }
    }
    text
}

pub struct Corpus {
    model: Model,
    rng: Rng,
}

impl Default for Corpus {
    /// The corpus every bench generates: the model of the sample scans' text, a fixed seed.
    fn default() -> Corpus {
        Corpus {
            model: Model::train(&corpus_text()),
            rng: Rng(0x9E37_79B9_7F4A_7C15),
        }
    }
}

impl Corpus {
    pub fn page(&mut self) -> String {
        let mut text = String::with_capacity(WORDS_PER_PAGE * 7);
        let mut words = 0;
        while words < WORDS_PER_PAGE {
            let length = 8 + self.rng.below(20);
            self.model.sentence(&mut self.rng, length, &mut text);
            words += length;
            // The long tail: names, places, numbers, dates, symbols.
            // Writing to a String cannot fail.
            let _ = match self.rng.below(6) {
                0 => write!(
                    text,
                    "đồng chí {} {} {}, ",
                    self.rng.pick(SURNAMES),
                    self.rng.pick(MIDDLE),
                    self.rng.pick(GIVEN)
                ),
                1 => write!(text, "tại {}, ", self.rng.pick(PLACES)),
                2 => write!(
                    text,
                    "ngày {}/{}/{} ",
                    1 + self.rng.below(28),
                    1 + self.rng.below(12),
                    1990 + self.rng.below(30)
                ),
                3 => {
                    let (_, abbr) = self.rng.pick(TYPES);
                    let (_, issuer) = self.rng.pick(ISSUERS);
                    write!(text, "số {}-{abbr}/{issuer} ", 1 + self.rng.below(999))
                }
                4 => write!(text, "{} ", self.rng.below(100_000)),
                _ => text.write_str(".\n"),
            };
        }
        noisy(&text, &mut self.rng)
    }

    pub fn document(&mut self, n: usize) -> IndexedDocument {
        let pages = 1 + self.rng.below(5);
        let (doc_type, abbr) = *self.rng.pick(TYPES);
        let (issuer, issuer_abbr) = *self.rng.pick(ISSUERS);
        let year = 1990 + self.rng.below(30);
        let symbol = format!("{}-{abbr}/{issuer_abbr}", 1 + self.rng.below(999));
        IndexedDocument {
            id: format!("doc-{n:08}"),
            hoso: format!("hs-{:05}", n / 20),
            box_name: format!("hop-{:04}", n / 400),
            title: format!("{doc_type} số {symbol}"),
            doc_type: doc_type.to_string(),
            symbol,
            date: format!(
                "{year}-{:02}-{:02}",
                1 + self.rng.below(12),
                1 + self.rng.below(28)
            ),
            issuer: issuer.to_string(),
            do_mat: String::new(),
            restricted: self.rng.chance(0.02),
            fonds: format!("{}", 10 + self.rng.below(20)),
            pages: (1..=pages as u32)
                .map(|number| IndexedPage {
                    number,
                    text: self.page(),
                })
                .collect(),
        }
    }
}

pub fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

pub fn dir_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        total += if p.is_dir() {
            dir_bytes(&p)
        } else {
            e.metadata().map_or(0, |m| m.len())
        };
    }
    total
}

/// A word of at least `min_len` letters (letters only) from one of `sample_pages`, lower case.
pub fn word_of(sample_pages: &[String], rng: &mut Rng, min_len: usize) -> String {
    loop {
        let page = rng.pick(sample_pages);
        let words: Vec<&str> = page.split_whitespace().collect();
        let w = rng
            .pick(&words)
            .trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() >= min_len && w.chars().all(char::is_alphabetic) {
            return w.to_lowercase();
        }
    }
}

/// Queries of each kind, `per_kind` of each, drawn from `sample_pages` (texts of generated
/// pages): the kind's name and each query with its options (limit 10; the filtered kind
/// with type, a 10-year date range and an issuer, for a reader without clearance, the others
/// for one cleared for Mật).
pub fn query_kinds(
    sample_pages: &[String],
    per_kind: usize,
) -> Vec<(&'static str, Vec<(String, SearchOptions)>)> {
    let mut rng = Rng(42);
    let words_of = |rng: &mut Rng, min_len: usize| word_of(sample_pages, rng, min_len);
    let phrase_of = |rng: &mut Rng| -> String {
        let page = rng.pick(sample_pages);
        let words: Vec<&str> = page
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        let at = rng.below(words.len().saturating_sub(3));
        format!("\"{}\"", words[at..at + 3].join(" "))
    };
    let common = [
        "\"của các\"",
        "\"công tác\"",
        "\"các cấp ủy\"",
        "\"tổ chức đảng\"",
        "\"trong thời gian\"",
    ];
    let mut kinds: Vec<(&str, Vec<(String, SearchOptions)>)> = Vec::new();
    let plain = |q: String| {
        (
            q,
            SearchOptions {
                limit: 10,
                clearance: Clearance::Mat,
                ..Default::default()
            },
        )
    };
    kinds.push((
        "term (exact diacritics)",
        (0..per_kind)
            .map(|_| plain(format!("\"{}\"", words_of(&mut rng, 3))))
            .collect(),
    ));
    kinds.push((
        "folded (no diacritics)",
        (0..per_kind)
            .map(|_| plain(fold(&words_of(&mut rng, 3))))
            .collect(),
    ));
    kinds.push((
        "two words, forgiving",
        (0..per_kind)
            .map(|_| {
                plain(format!(
                    "{} {}",
                    fold(&words_of(&mut rng, 4)),
                    fold(&words_of(&mut rng, 4))
                ))
            })
            .collect(),
    ));
    kinds.push((
        "phrase",
        (0..per_kind).map(|_| plain(phrase_of(&mut rng))).collect(),
    ));
    kinds.push((
        "phrase of common syllables",
        (0..per_kind)
            .map(|i| plain(common[i % common.len()].to_string()))
            .collect(),
    ));
    kinds.push((
        "fuzzy (a letter wrong)",
        (0..per_kind)
            .map(|_| {
                let mut w: Vec<char> = fold(&words_of(&mut rng, 6)).chars().collect();
                let at = 1 + rng.below(w.len() - 2);
                w[at] = if w[at] == 'x' { 'q' } else { 'x' };
                plain(w.into_iter().collect())
            })
            .collect(),
    ));
    kinds.push((
        "filtered + faceted (type, dates, issuer)",
        (0..per_kind)
            .map(|_| {
                let (doc_type, _) = *rng.pick(TYPES);
                let from = 1990 + rng.below(20);
                (
                    fold(&words_of(&mut rng, 3)),
                    SearchOptions {
                        limit: 10,
                        clearance: Clearance::Public,
                        doc_type: Some(doc_type.to_string()),
                        from: Some(from.to_string()),
                        to: Some((from + 10).to_string()),
                        issuer: Some("tinh uy".into()),
                        sort: SortOrder::Relevance,
                        ..Default::default()
                    },
                )
            })
            .collect(),
    ));
    kinds
}
