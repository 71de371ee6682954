//! Search at scale: a generated corpus of Vietnamese administrative pages indexed through
//! sohoa's own index code (no OCR), then query latency by kind.
//!
//! `cargo bench --bench search_scale [-- --pages N] [--json]` (default 100,000 pages).
//!
//! The corpus: a syllable bigram model trained on the ground-truth page texts of
//! `sample-scans/` (real Party documents and documents written after them), so word and
//! phrase frequencies follow real text; a long tail of person names, place names, numbers,
//! dates and số ký hiệu; OCR noise injected at the character error rate the `ocr_accuracy`
//! bench measured (3.6 %: a diacritic dropped or changed, a letter swapped). Documents of 1–5
//! pages carry catalog metadata (type, date 1990–2019, issuer, hồ sơ, fonds).
//!
//! Reported: index build throughput (pages/s, MB/s of text), index size per page, and query
//! latency p50/p99 in-process for term, folded, phrase (also of very common syllables), fuzzy,
//! and filtered + faceted queries on the settled index (background merges finished); then
//! `sohoa search` end to end (process start included).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use pipeline::clearance::Clearance;
use pipeline::index::{IndexedDocument, IndexedPage, SearchIndex, SearchOptions, SortOrder};
use pipeline::store::Archive;

mod common;

/// Measured character error rate of OCR on the sample scans (`ocr_accuracy`).
const NOISE_RATE: f64 = 0.036;
const WORDS_PER_PAGE: usize = 330;
const QUERIES_PER_KIND: usize = 200;

/// xorshift64*: deterministic, good enough for a corpus.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A syllable bigram model with its unigram counts.
struct Model {
    words: Vec<String>,
    next: Vec<Vec<u32>>,
}

impl Model {
    fn train(text: &str) -> Model {
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

    fn sentence(&mut self, rng: &mut Rng, length: usize, out: &mut String) {
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

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Công", "Xuân",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Nga",
    "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trung", "Tuấn", "Vinh", "Yến",
];
const PLACES: &[&str] = &[
    "Gia Nghĩa",
    "Hà Tĩnh",
    "Đồng Hới",
    "Vinh",
    "Buôn Ma Thuột",
    "Lệ Thủy",
    "Quảng Trị",
    "Xuân Trường",
    "Lục Ngạn",
    "Tiên Yên",
    "Quế Phong",
    "Diễn Châu",
];
const TYPES: &[(&str, &str)] = &[
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
const ISSUERS: &[(&str, &str)] = &[
    ("Đảng ủy Khối cơ quan và doanh nghiệp", "ĐUK"),
    ("Tỉnh ủy Quảng Bình", "TU"),
    ("Huyện ủy Lệ Thủy", "HU"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU"),
    ("Ban Tổ chức Tỉnh ủy", "BTCTU"),
    ("Đảng ủy xã Sen Thủy", "ĐU"),
];

/// Replaces characters at the OCR error rate: tone marks dropped or changed, letters swapped.
fn noisy(text: &str, rng: &mut Rng) -> String {
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

fn corpus_text() -> String {
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

struct Corpus {
    model: Model,
    rng: Rng,
}

impl Corpus {
    fn page(&mut self) -> String {
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

    fn document(&mut self, n: usize) -> IndexedDocument {
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

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn dir_bytes(dir: &Path) -> u64 {
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

fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
        .collect::<String>()
        .to_lowercase()
}

fn main() {
    let mut pages_wanted = 100_000usize;
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--pages" => {
                pages_wanted = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(pages_wanted);
            }
            "--json" => json = true,
            "--bench" => {}
            other => eprintln!("note: ignoring argument {other}"),
        }
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let archive = Archive::open_or_create(&tmp.path().join("archive")).expect("archive");
    let index = SearchIndex::open_or_create(&archive.index_dir()).expect("index");
    let text = corpus_text();
    let mut corpus = Corpus {
        model: Model::train(&text),
        rng: Rng(0x9E37_79B9_7F4A_7C15),
    };

    // Build: generation is timed apart from indexing.
    let mut pages = 0usize;
    let mut text_bytes = 0usize;
    let mut indexing = Duration::ZERO;
    let mut n = 0usize;
    let mut sample_pages: Vec<String> = Vec::new();
    while pages < pages_wanted {
        let mut batch = Vec::new();
        let mut batch_pages = 0;
        while batch_pages < 5_000 && pages + batch_pages < pages_wanted {
            let doc = corpus.document(n);
            n += 1;
            batch_pages += doc.pages.len();
            text_bytes += doc.pages.iter().map(|p| p.text.len()).sum::<usize>();
            if sample_pages.len() < 400 && n.is_multiple_of(7) {
                sample_pages.push(doc.pages[0].text.clone());
            }
            batch.push(doc);
        }
        let started = Instant::now();
        index.replace_documents(&batch).expect("indexing");
        indexing += started.elapsed();
        pages += batch_pages;
        eprint!("\rindexed {pages} pages");
    }
    eprintln!();
    let pages_per_s = pages as f64 / indexing.as_secs_f64();
    let mb_per_s = text_bytes as f64 / 1e6 / indexing.as_secs_f64();
    // Queries run on the settled index, as an archive serves them: dropping the index waits
    // for its background segment merges (which would otherwise share the cores with the
    // first queries), and the size is measured after them.
    let settling = Instant::now();
    drop(index);
    let index = SearchIndex::open_or_create(&archive.index_dir()).expect("index reopens");
    eprintln!(
        "merges settled in {:.1} s",
        settling.elapsed().as_secs_f64()
    );
    let size = dir_bytes(&archive.index_dir());

    // Queries drawn from the corpus itself.
    let mut rng = Rng(42);
    let words_of = |rng: &mut Rng, min_len: usize| -> String {
        loop {
            let page = rng.pick(&sample_pages);
            let words: Vec<&str> = page.split_whitespace().collect();
            let w = rng
                .pick(&words)
                .trim_matches(|c: char| !c.is_alphanumeric());
            if w.chars().count() >= min_len && w.chars().all(char::is_alphabetic) {
                return w.to_lowercase();
            }
        }
    };
    let phrase_of = |rng: &mut Rng| -> String {
        let page = rng.pick(&sample_pages);
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
        (0..QUERIES_PER_KIND)
            .map(|_| plain(format!("\"{}\"", words_of(&mut rng, 3))))
            .collect(),
    ));
    kinds.push((
        "folded (no diacritics)",
        (0..QUERIES_PER_KIND)
            .map(|_| plain(fold(&words_of(&mut rng, 3))))
            .collect(),
    ));
    kinds.push((
        "two words, forgiving",
        (0..QUERIES_PER_KIND)
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
        (0..QUERIES_PER_KIND)
            .map(|_| plain(phrase_of(&mut rng)))
            .collect(),
    ));
    kinds.push((
        "phrase of common syllables",
        (0..QUERIES_PER_KIND)
            .map(|i| plain(common[i % common.len()].to_string()))
            .collect(),
    ));
    kinds.push((
        "fuzzy (a letter wrong)",
        (0..QUERIES_PER_KIND)
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
        (0..QUERIES_PER_KIND)
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

    let mut rows = Vec::new();
    for (kind, queries) in &kinds {
        let mut times = Vec::new();
        let mut hits = 0usize;
        for (q, options) in queries {
            let started = Instant::now();
            let r = index.search_with(q, options).expect("query runs");
            times.push(started.elapsed());
            hits += r.total;
        }
        times.sort();
        rows.push((
            kind.to_string(),
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            hits as f64 / queries.len() as f64,
        ));
    }
    drop(index);

    // `sohoa search` end to end, process start included.
    let mut cli = Vec::new();
    for i in 0..10 {
        let started = Instant::now();
        let out = std::process::Command::new(common::sohoa_bin())
            .args([
                "search",
                &fold(&words_of(&mut Rng(i + 7), 4)),
                "--json",
                "--archive",
            ])
            .arg(tmp.path().join("archive"))
            .output()
            .expect("sohoa runs");
        cli.push(started.elapsed());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    cli.sort();

    if json {
        let out = serde_json::json!({
            "pages": pages,
            "documents": n,
            "build_pages_per_s": pages_per_s,
            "build_mb_per_s": mb_per_s,
            "index_bytes_per_page": size as f64 / pages as f64,
            "queries": rows.iter().map(|(k, p50, p99, hits)| serde_json::json!({"kind": k, "p50_ms": p50, "p99_ms": p99, "mean_total_hits": hits})).collect::<Vec<_>>(),
            "cli_search_ms_p50": percentile(&cli, 0.5),
            "cli_search_ms_max": percentile(&cli, 1.0),
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap());
        return;
    }
    println!("# Search at scale\n");
    common::print_machine(1);
    println!(
        "\n{pages} pages in {n} documents ({:.0} MB of text)\n",
        text_bytes as f64 / 1e6
    );
    println!("| build | value | target |\n|---|---|---|");
    println!("| indexing throughput | {pages_per_s:.0} pages/s ({mb_per_s:.1} MB/s of text) | ≥ 8,000 pages/s |");
    println!(
        "| index size | {:.0} bytes/page ({:.0} MB) | |",
        size as f64 / pages as f64,
        size as f64 / 1e6
    );
    println!("\n| query ({QUERIES_PER_KIND} each, limit 10) | p50 | p99 | mean matching documents |\n|---|---:|---:|---:|");
    for (kind, p50, p99, hits) in &rows {
        println!("| {kind} | {p50:.1} ms | {p99:.1} ms | {hits:.0} |");
    }
    println!(
        "\n`sohoa search` end to end (10 runs, process start included): median {:.0} ms, max {:.0} ms",
        percentile(&cli, 0.5),
        percentile(&cli, 1.0)
    );
}
