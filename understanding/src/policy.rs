//! Decide whether a document may enter the archive under the độ mật policy (DESIGN.md §3).
//!
//! In: the pages of a document draft (their OCR words or text) and the approvals of the run
//! (`--approval REF`, a box's `approvals.json`). Out: a [`Decision`] — admit openly, admit
//! as Mật with the approval reference, or withhold with a [`WithholdReason`].
//!
//! - TUYỆT MẬT is never admitted.
//! - TỐI MẬT and MẬT are admitted only when an approval covers them.
//! - Fail closed: a first page whose header area cannot be read with confidence is held for
//!   review (withheld) unless an approval covers it.
//!
//! Marks are read from the OCR of the unaltered page (no red-ink removal happens before
//! OCR), anywhere in the header area (the top of the page), and from the header's stamp ink
//! read on its own (the pipeline's `ocr::stamp_ink`, recorded as the page record's
//! `header_ink`: red ink of a colour scan, frames and light-gray ink of a gray one), tolerant
//! of OCR slips in the diacritics (`MÂT`, `TÓI MẬT`) because matching is done on folded text.
//! Stamp ink that could be a mark (red ink, a frame, light-gray ink shaped like a stamp) but
//! reads as nothing confident makes the header unreadable (fail closed).

use archive_records::{InkKind, InkRegionRecord, PageRecord, TextSource, WordRecord};
use serde::{Deserialize, Serialize};

use crate::classify::{edit_distance, fold_upper};
use crate::{Error, Result};

/// A confidentiality level (độ mật), lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    Mat,
    ToiMat,
    TuyetMat,
}

impl Level {
    /// The value of the `do_mat` code set.
    pub fn label(self) -> &'static str {
        match self {
            Level::Mat => "Mật",
            Level::ToiMat => "Tối mật",
            Level::TuyetMat => "Tuyệt mật",
        }
    }
}

/// Share of the page height, from the top, that counts as the header area (the stamp-ink
/// reading's too).
pub const HEADER_SHARE: f64 = 0.40;
/// Mean word confidence (0–100) of the header area below which it counts as unreadable.
const MIN_HEADER_CONFIDENCE: f32 = 55.0;
/// Fewest words a header area must have to count as read.
const MIN_HEADER_WORDS: usize = 4;
/// Confidence (0–100) at which a word of two letters or more read from a stamp-ink region
/// is sure; a region without a mark counts as read when at least half of its words of two
/// letters or more are sure (the pen writing in a receipt stamp is not) and one of them
/// names what the stamp is ([`STAMP_WORDS`]).
const MIN_INK_CONFIDENCE: f32 = 70.0;
/// The words (folded, capitals) of the stamps a header carries besides a độ mật mark: the
/// receipt stamp (`ĐẾN`, `Số`, `Ngày`, `Giờ`, `Chuyển`, `Lưu hồ sơ`, `CÔNG VĂN ĐẾN`), the
/// độ khẩn marks (`KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`) and a copy's (`BẢN SAO`, `SAO Y BẢN
/// CHÍNH`). A mark misread (`RIÂT`, `TÓN`, a fragment `ẬT`) is none of them, however
/// confident.
const STAMP_WORDS: &[&str] = &[
    "DEN", "SO", "NGAY", "GIO", "CHUYEN", "LUU", "CONG", "VAN", "KHAN", "THUONG", "HOA", "TOC",
    "BAN", "SAO", "CHINH",
];
/// A round seal (con dấu) over a signature: red ink in a box at least this many mm on each
/// side whose sides differ by at most [`SEAL_ASPECT`] (a độ mật stamp is a wide, low box).
const SEAL_MIN_MM: f32 = 22.0;
const SEAL_ASPECT: f32 = 1.35;

/// What the header area of one page says about its độ mật.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkReading {
    pub level: Option<Level>,
    /// Why the header area was not read with confidence; None when it was (a text layer
    /// always is).
    pub unread: Option<Unread>,
}

impl MarkReading {
    /// Whether the header area was read with confidence.
    pub fn readable(&self) -> bool {
        self.unread.is_none()
    }
}

/// What made a header area unreadable: the rule that failed closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    /// Too few words, or words read with too little confidence.
    Text,
    /// A region of stamp ink that could be a mark read as nothing confident.
    StampInk(InkKind),
}

impl std::fmt::Display for Unread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Unread::Text => "its text read with too little confidence",
            Unread::StampInk(InkKind::Red) => "red stamp ink in it unread",
            Unread::StampInk(InkKind::Frame) => "a stamp frame in it unread",
            Unread::StampInk(InkKind::LightStamp) => "a light-gray stamp in it unread",
            Unread::StampInk(InkKind::Gray) => "light-gray ink in it unread",
        })
    }
}

/// Reads the độ mật mark in the header area of a page.
pub fn read_mark(page: &PageRecord) -> MarkReading {
    match page.text_source {
        TextSource::Blank => MarkReading {
            level: None,
            unread: None,
        },
        TextSource::TextLayer => MarkReading {
            level: mark_in_words(page.text.lines().take(20).flat_map(str::split_whitespace)),
            unread: None,
        },
        TextSource::Ocr => {
            let rotation = page.preprocess.as_ref().map_or(0, |p| p.rotation);
            let height = if rotation % 180 == 90 {
                page.technical.width
            } else {
                page.technical.height
            };
            let limit = (f64::from(height) * HEADER_SHARE) as u32;
            let words = &page.words;
            let mut header: Vec<&WordRecord> = words.iter().filter(|w| w.bbox[1] < limit).collect();
            if header.is_empty() && height == 0 {
                header = words.iter().take(40).collect();
            }
            header.sort_by_key(|w| (w.line, w.bbox[0]));
            let level = mark_in_words(header.iter().map(|w| w.text.as_str()));
            let confident = header.len() >= MIN_HEADER_WORDS && {
                let sum: f32 = header.iter().map(|w| w.confidence).sum();
                sum / header.len() as f32 >= MIN_HEADER_CONFIDENCE
            };
            // Red ink, frames and light-gray ink shaped like a stamp fail closed when unread;
            // other light-gray ink (which faded print and photocopies have too) and a round
            // seal (over the signature of a short last page) only give their mark.
            let dpi = page.preprocess.as_ref().map_or(300, |p| p.dpi);
            let regions = &page.header_ink;
            let ink = regions.iter().map(|region| {
                let (level, read) = read_ink(&region.words);
                let fails_closed =
                    !(read || region.ink == InkKind::Gray || is_part_of_seal(region, regions, dpi));
                MarkReading {
                    level,
                    unread: fails_closed.then_some(Unread::StampInk(region.ink)),
                }
            });
            ink.fold(
                MarkReading {
                    level,
                    unread: (!confident).then_some(Unread::Text),
                },
                |page, region| MarkReading {
                    level: page.level.max(region.level),
                    unread: page.unread.or(region.unread),
                },
            )
        }
    }
}

fn mm_to_px(mm: f32, dpi: u32) -> u32 {
    (mm * dpi as f32 / 25.4).round() as u32
}

/// Whether the region has the size and shape of a round seal at `dpi` (the seal over the
/// signature of a short last page reaches into the header area).
fn is_seal_shaped(region: &InkRegionRecord, dpi: u32) -> bool {
    let [_, _, w, h] = region.bbox;
    let min = mm_to_px(SEAL_MIN_MM, dpi.max(1));
    let (long, short) = (w.max(h) as f32, w.min(h).max(1) as f32);
    region.ink == InkKind::Red && w >= min && h >= min && long / short <= SEAL_ASPECT
}

/// Whether the region is a seal or a part of one (its centre inside a seal-shaped red
/// region of `regions`: the signature's pen splits a seal's ink).
fn is_part_of_seal(region: &InkRegionRecord, regions: &[InkRegionRecord], dpi: u32) -> bool {
    let [x, y, w, h] = region.bbox;
    let (cx, cy) = (x + w / 2, y + h / 2);
    is_seal_shaped(region, dpi)
        || (region.ink == InkKind::Red
            && regions.iter().any(|seal| {
                let [sx, sy, sw, sh] = seal.bbox;
                is_seal_shaped(seal, dpi)
                    && (sx..sx + sw).contains(&cx)
                    && (sy..sy + sh).contains(&cy)
            }))
}

/// What one region of stamp ink says: its mark, and whether it was read (a mark, or words
/// with letters read with confidence that name another stamp: a receipt stamp's `ĐẾN`,
/// `Số`, `Ngày`). A mark half read (`TUYỆT` or `TỐI` in capitals without its `MẬT`) is not
/// read, however confident.
fn read_ink(words: &[WordRecord]) -> (Option<Level>, bool) {
    let level = mark_in_ink(words);
    if level.is_none() && words.iter().any(|w| is_mark_start(&w.text)) {
        return (None, false);
    }
    let lettered: Vec<&WordRecord> = words
        .iter()
        .filter(|w| w.text.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    let sure: Vec<&&WordRecord> = lettered
        .iter()
        .filter(|w| w.confidence >= MIN_INK_CONFIDENCE)
        .collect();
    let names_a_stamp = sure.iter().any(|w| is_stamp_word(&w.text));
    let confident = names_a_stamp && sure.len() * 2 >= lettered.len();
    (level, level.is_some() || confident)
}

/// Whether the words read from one region of stamp ink read it: a mark, or words with
/// letters read with confidence that name another stamp ([`read_ink`]).
pub fn is_ink_read(words: &[WordRecord]) -> bool {
    read_ink(words).1
}

/// The highest mark among the words read from one region of stamp ink (in reading order).
pub fn mark_in_ink(words: &[WordRecord]) -> Option<Level> {
    let mut ordered: Vec<&WordRecord> = words.iter().collect();
    ordered.sort_by_key(|w| (w.line, w.bbox[0]));
    mark_in_words(ordered.iter().map(|w| w.text.as_str()))
}

/// The highest mark among header words in reading order: `MẬT` alone, after `TỐI`, after
/// `TUYỆT` (also glued: `TỐIMẬT`), in capitals. `BÍ MẬT`, `BẢO MẬT` are not marks.
fn mark_in_words<'a>(words: impl Iterator<Item = &'a str>) -> Option<Level> {
    let tokens: Vec<(String, bool)> = words
        .map(folded_letters)
        .filter(|(f, _)| !f.is_empty())
        .collect();
    let mut best = None;
    for (i, (token, capitals)) in tokens.iter().enumerate() {
        if !capitals {
            continue;
        }
        let before = i.checked_sub(1).map_or("", |j| tokens[j].0.as_str());
        let after = tokens.get(i + 1).map_or("", |t| t.0.as_str());
        let level = match token.as_str() {
            // MẶT TRẬN (an issuer) folds like MẬT.
            "MAT" if after == "TRAN" => None,
            "MAT" => match before {
                b if is_toi(b) => Some(Level::ToiMat),
                b if is_tuyet(b) => Some(Level::TuyetMat),
                "BI" | "BAO" | "GIU" | "MAT" => None,
                _ => Some(Level::Mat),
            },
            "TOIMAT" => Some(Level::ToiMat),
            t if t.ends_with("MAT") && is_tuyet(&t[..t.len() - 3]) => Some(Level::TuyetMat),
            _ => None,
        };
        best = best.max(level);
    }
    best
}

/// A word's letters (punctuation and digits left out), folded to capitals without
/// diacritics, and whether they were all written in capitals (false without letters).
fn folded_letters(word: &str) -> (String, bool) {
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = !letters.is_empty() && letters.chars().all(char::is_uppercase);
    (fold_upper(&letters), capitals)
}

/// Whether a word is one of [`STAMP_WORDS`]: the same letters, folded; a word of four
/// letters or more also with one letter misread (`CHUYỂU`).
fn is_stamp_word(word: &str) -> bool {
    let (folded, _) = folded_letters(word);
    STAMP_WORDS
        .iter()
        .any(|s| *s == folded || (s.len() >= 4 && edit_distance(&folded, s) <= 1))
}

/// Whether a word is the first word of a two-word mark (`TUYỆT`, `TỐI`, in capitals), as
/// the mark reading takes it (its usual misreads too: `TOT`, `TUYFT`).
fn is_mark_start(word: &str) -> bool {
    let (folded, capitals) = folded_letters(word);
    capitals && (is_toi(&folded) || is_tuyet(&folded))
}

/// `TỐI` folded, or one of its usual misreads.
fn is_toi(folded: &str) -> bool {
    matches!(folded, "TOI" | "TOT" | "TOL")
}

fn is_tuyet(folded: &str) -> bool {
    folded == "TUYET"
        || (folded.len() == 5 && folded.starts_with("TU") && folded.ends_with("ET"))
        || matches!(folded, "TUYFT" | "TUYE" | "UYET")
}

/// One approval of an `approvals.json`: what it covers and its reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalRule {
    /// The approval's reference (`123-CV/VPTU`, a decision number).
    pub reference: String,
    /// A hồ sơ (its folder, relative to the box): every document in it, unless narrowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hoso: Option<String>,
    /// Narrows to the document whose first page is this scan file (relative to the hồ sơ
    /// folder or the box) …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_file: Option<String>,
    /// … and this page of it (1-based; default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_page: Option<u32>,
    /// A document by its số ký hiệu (`05-NQ/TU`), wherever it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub so_ky_hieu: Option<String>,
}

/// A box's `approvals.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalsFile {
    pub approvals: Vec<ApprovalRule>,
}

/// The file name of a box's approvals.
pub const APPROVALS_FILE: &str = "approvals.json";

impl ApprovalsFile {
    /// Reads the text of a box's `approvals.json` (the pipeline reads the file as it reads
    /// every sidecar: no links, regular files only, bounded size). Every approval needs a
    /// reference and a hồ sơ or số ký hiệu.
    pub fn parse(text: &str) -> Result<ApprovalsFile> {
        let file: ApprovalsFile =
            archive_schema::parse_naming_field(text).map_err(|fault| Error::ApprovalsJson {
                field: fault.field.unwrap_or_default(),
                message: fault.error.to_string(),
            })?;
        for (i, rule) in file.approvals.iter().enumerate() {
            if rule.reference.trim().is_empty()
                || (rule.hoso.is_none() && rule.so_ky_hieu.is_none())
            {
                return Err(Error::IncompleteApproval { number: i + 1 });
            }
        }
        Ok(file)
    }
}

/// Where a document is, to find the approval covering it.
#[derive(Debug, Clone, Copy)]
pub struct DocumentPlace<'a> {
    /// The hồ sơ folder relative to the box.
    pub hoso: &'a str,
    /// The first page's scan file relative to the box, and its page.
    pub source_file: &'a str,
    pub source_page: u32,
    /// The số ký hiệu read from the document, if any.
    pub symbol: &'a str,
}

/// The approvals that apply to a run: one for everything (`--approval`) and a box's rules.
#[derive(Debug, Clone, Default)]
pub struct Approvals<'a> {
    pub run: Option<&'a str>,
    pub rules: &'a [ApprovalRule],
}

impl Approvals<'_> {
    /// The reference of the approval covering a document, if any (a document rule before a
    /// hồ sơ rule before the run's).
    pub fn covering(&self, place: &DocumentPlace) -> Option<String> {
        let squash = |s: &str| -> String {
            fold_upper(s)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        };
        let same_hoso = |h: &str| h.trim_matches('/') == place.hoso.trim_matches('/');
        let by_symbol = self.rules.iter().find(|r| {
            r.so_ky_hieu
                .as_deref()
                .is_some_and(|s| !place.symbol.is_empty() && squash(s) == squash(place.symbol))
                && r.hoso.as_deref().is_none_or(same_hoso)
        });
        let by_page = self.rules.iter().find(|r| {
            r.hoso.as_deref().is_some_and(same_hoso)
                && r.so_ky_hieu.is_none()
                && r.source_file.as_deref().is_some_and(|f| {
                    let f = f.trim_matches('/');
                    place.source_file == f
                        || place.source_file == format!("{}/{f}", place.hoso.trim_matches('/'))
                })
                && r.source_page.unwrap_or(1) == place.source_page
        });
        let by_hoso = self.rules.iter().find(|r| {
            r.hoso.as_deref().is_some_and(same_hoso)
                && r.so_ky_hieu.is_none()
                && r.source_file.is_none()
        });
        by_symbol
            .or(by_page)
            .or(by_hoso)
            .map(|r| r.reference.clone())
            .or_else(|| self.run.map(str::to_string))
    }
}

/// Why a document was withheld. The text names no content of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WithholdReason {
    /// Marked TUYỆT MẬT: never digitized.
    TuyetMat,
    /// Marked MẬT or TỐI MẬT and no approval covers it.
    NotApproved(Level),
    /// The header area of its first page could not be read with confidence, for this reason.
    UnreadableHeader(Unread),
}

impl std::fmt::Display for WithholdReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WithholdReason::TuyetMat => {
                write!(f, "marked TUYỆT MẬT: not digitized; hand it over for manual handling")
            }
            WithholdReason::NotApproved(level) => write!(
                f,
                "marked {}: withheld until an approval covers it (--approval REF or approvals.json)",
                level.label().to_uppercase()
            ),
            WithholdReason::UnreadableHeader(why) => write!(
                f,
                "header area of its first page unreadable ({why}), độ mật unknown: held for \
                 review (an approval covering it admits it as Mật)"
            ),
        }
    }
}

/// The approval a classified (or unreadable) document is admitted under.
#[derive(Debug, Clone, PartialEq)]
pub struct Restriction {
    /// The mark read, if one was (`None`: admitted though its header was unreadable).
    pub level: Option<Level>,
    pub reference: String,
}

/// What happens to a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// No mark: archived as it is.
    Admit,
    /// Marked (or unreadable) and approved: archived with chế độ sử dụng Mật.
    AdmitRestricted(Restriction),
    Withhold(WithholdReason),
}

/// Decides on a document from the marks of its pages (first page first) and the approval
/// covering it, if any.
pub fn decide(marks: &[MarkReading], approval: Option<String>) -> Decision {
    let level = marks.iter().filter_map(|m| m.level).max();
    let first_unread = marks.first().and_then(|m| m.unread);
    match (level, approval) {
        (Some(Level::TuyetMat), _) => Decision::Withhold(WithholdReason::TuyetMat),
        (Some(level), Some(reference)) => Decision::AdmitRestricted(Restriction {
            level: Some(level),
            reference,
        }),
        (Some(level), None) => Decision::Withhold(WithholdReason::NotApproved(level)),
        (None, approval) => match (first_unread, approval) {
            (None, _) => Decision::Admit,
            (Some(_), Some(reference)) => Decision::AdmitRestricted(Restriction {
                level: None,
                reference,
            }),
            (Some(why), None) => Decision::Withhold(WithholdReason::UnreadableHeader(why)),
        },
    }
}

#[cfg(test)]
mod tests {
    use archive_records::{ConformanceRecord, FileFormat, TechnicalRecord};

    use super::*;

    /// A page of A4 at 300 dpi read by OCR as `words`.
    fn ocr_page(words: &[WordRecord]) -> PageRecord {
        PageRecord {
            number: 1,
            source_file: "a.tif".into(),
            source_page: 1,
            source_sha256: String::new(),
            technical: TechnicalRecord {
                format: FileFormat::Tiff,
                width: 2480,
                height: 3508,
                dpi: Some(300.0),
                bits_per_sample: 8,
                samples_per_pixel: 1,
                compression: "none".into(),
            },
            conformance: ConformanceRecord::default(),
            preprocess: None,
            text_source: TextSource::Ocr,
            text: String::new(),
            mean_confidence: 0.0,
            words: words.to_vec(),
            ocr: None,
            header_ink: Vec::new(),
            closing_reading: None,
            closing_reading_as_scanned: None,
            page_extract: None,
        }
    }

    fn mark(text: &str) -> Option<Level> {
        mark_in_words(text.split_whitespace())
    }

    #[test]
    fn marks_survive_ocr_slips_and_phrases_are_not_marks() {
        assert_eq!(mark("Số 05-NQ/TU MẬT"), Some(Level::Mat));
        assert_eq!(mark("MÂT"), Some(Level::Mat));
        assert_eq!(mark("TÓI MẬT"), Some(Level::ToiMat));
        assert_eq!(mark("TỐIMẬT"), Some(Level::ToiMat));
        assert_eq!(mark("TUYÉT MẠT"), Some(Level::TuyetMat));
        assert_eq!(mark("QUY CHẾ BẢO VỆ BÍ MẬT NHÀ NƯỚC"), None);
        assert_eq!(mark("về công tác bảo mật"), None);
        assert_eq!(mark("ỦY BAN MẶT TRẬN TỔ QUỐC"), None);
        assert_eq!(
            mark("MẶT"),
            Some(Level::Mat),
            "fail closed on a capital MẶT"
        );
        assert_eq!(mark("NGHỊ QUYẾT"), None);
    }

    #[test]
    fn a_header_read_with_low_confidence_or_too_few_words_is_unreadable() {
        let word = |text: &str, top: u32, confidence: f32| WordRecord {
            text: text.into(),
            bbox: [100, top, 80, 30],
            confidence,
            line: top / 40,
        };
        let page = ocr_page;
        let clear = page(&[
            word("ĐẢNG", 100, 91.0),
            word("BỘ", 100, 90.0),
            word("TỈNH", 100, 93.0),
            word("Số", 300, 88.0),
            word("MẬT", 380, 85.0),
            word("body", 3000, 10.0),
        ]);
        assert_eq!(
            read_mark(&clear),
            MarkReading {
                level: Some(Level::Mat),
                unread: None
            }
        );
        let smudged = page(&[
            word("ĐẢNG", 100, 31.0),
            word("BÔ", 100, 40.0),
            word("TÌNH", 100, 22.0),
            word("Sô", 300, 35.0),
        ]);
        assert_eq!(read_mark(&smudged).unread, Some(Unread::Text));
        let bare = page(&[word("ĐẢNG", 100, 95.0), word("text", 3000, 95.0)]);
        assert_eq!(
            read_mark(&bare).unread,
            Some(Unread::Text),
            "too few header words"
        );
    }

    #[test]
    fn stamp_ink_in_the_header_gives_its_mark_or_fails_closed_when_unread() {
        let word = |text: &str, x: u32, confidence: f32| WordRecord {
            text: text.into(),
            bbox: [x, 200, 80, 30],
            confidence,
            line: 0,
        };
        let header = vec![
            word("ĐẢNG", 100, 91.0),
            word("BỘ", 200, 90.0),
            word("TỈNH", 300, 93.0),
            word("Số", 100, 88.0),
        ];
        let page = |ink: Vec<Vec<WordRecord>>| {
            let mut p = ocr_page(&header);
            p.header_ink = ink
                .into_iter()
                .map(|words| InkRegionRecord {
                    ink: InkKind::Red,
                    bbox: [100, 150, 300, 90],
                    words,
                })
                .collect();
            read_mark(&p)
        };
        let m = |level, unread| MarkReading { level, unread };
        let red = Some(Unread::StampInk(InkKind::Red));
        assert_eq!(page(vec![]), m(None, None));
        // In reading order even when read in another order.
        assert_eq!(
            page(vec![vec![word("MẬT", 200, 64.0), word("TỐI", 100, 52.0)]]),
            m(Some(Level::ToiMat), None)
        );
        // A receipt stamp, read: no mark, readable.
        assert_eq!(
            page(vec![vec![
                word("ĐẾN", 100, 90.0),
                word("Số:", 200, 84.0),
                word("..........", 300, 20.0),
                word("Ngày:", 100, 81.0),
            ]]),
            m(None, None)
        );
        // Stamp ink read as nothing confident, or not read at all: fail closed.
        assert_eq!(
            page(vec![vec![word("TỎl", 100, 41.0), word("MAl", 200, 38.0)]]),
            m(None, red)
        );
        assert_eq!(page(vec![vec![word("I", 100, 95.0)]]), m(None, red));
        // A mark half read: its first word, confident, and not its MẬT.
        assert_eq!(
            page(vec![vec![word("TUYỆT", 100, 93.0), word("~", 200, 20.0)]]),
            m(None, red)
        );
        assert_eq!(page(vec![vec![word("TỐI", 100, 91.0)]]), m(None, red));
        // … misread as the mark reading takes it, beside a receipt stamp's word.
        for misread in ["TOT", "TUYFT"] {
            assert_eq!(
                page(vec![vec![word(misread, 100, 90.0), word("ĐẾN", 200, 92.0)]]),
                m(None, red),
                "{misread}"
            );
        }
        assert_eq!(
            page(vec![vec![word("Tối", 100, 91.0), word("Số", 200, 88.0)]]),
            m(None, None)
        );
        // A receipt stamp's words, one letter of a long one misread: read.
        assert_eq!(
            page(vec![vec![
                word("CHUYỂU", 100, 88.0),
                word("Đ-N", 200, 84.0)
            ]]),
            m(None, None)
        );
        // A mark misread, however confident, names no stamp: not read.
        for misread in ["RIÂT", "TÓN", "ẬT", "MÃ:", "FÍ"] {
            assert_eq!(page(vec![vec![word(misread, 100, 89.0)]]), m(None, red));
        }
        assert_eq!(page(vec![vec![]]), m(None, red));
        assert_eq!(
            page(vec![
                vec![word("TUYỆT", 100, 30.0), word("MẬT", 200, 40.0)],
                vec![]
            ]),
            m(Some(Level::TuyetMat), red)
        );
        // A round seal's ink (a near-square box of 38 mm at 300 dpi), unread, is no mark and
        // no reason to fail closed; the same ink in a stamp's wide box is.
        let sealed = |bbox: [u32; 4]| {
            let mut p = ocr_page(&header);
            p.header_ink = vec![InkRegionRecord {
                ink: InkKind::Red,
                bbox,
                words: vec![word("ạ", 100, 30.0)],
            }];
            read_mark(&p)
        };
        assert_eq!(sealed([1400, 1000, 450, 470]), m(None, None));
        let mut p = ocr_page(&header);
        p.header_ink = [[1400, 1000, 450, 470], [1550, 1130, 190, 190]]
            .into_iter()
            .map(|bbox| InkRegionRecord {
                ink: InkKind::Red,
                bbox,
                words: Vec::new(),
            })
            .collect();
        assert_eq!(read_mark(&p), m(None, None), "a part of a seal split off");
        assert_eq!(sealed([1400, 1000, 450, 150]), m(None, red));
        assert_eq!(sealed([1400, 1000, 120, 120]), m(None, red), "too small");
        // By kind, unread: red ink, a frame and light-gray ink shaped like a stamp fail
        // closed; other light-gray ink (faded print, a photocopy's gray) only gives its mark.
        for (ink, fails_closed) in [
            (InkKind::Red, true),
            (InkKind::Frame, true),
            (InkKind::LightStamp, true),
            (InkKind::Gray, false),
        ] {
            let mut p = ocr_page(&header);
            p.header_ink = vec![InkRegionRecord {
                ink,
                bbox: [1600, 120, 300, 90],
                words: vec![word("ii", 1610, 25.0)],
            }];
            let unread = fails_closed.then_some(Unread::StampInk(ink));
            assert_eq!(read_mark(&p), m(None, unread), "{ink:?}");
            p.header_ink[0].words = vec![word("MẬT", 1610, 45.0)];
            assert_eq!(read_mark(&p), m(Some(Level::Mat), None), "{ink:?}");
        }
        // BÍ MẬT, BẢO MẬT, MẶT TRẬN are no marks in stamp ink either (and, naming no stamp
        // a header carries, a region reading only them is held for review).
        for phrase in [["BÍ", "MẬT"], ["BẢO", "MẬT"], ["MẶT", "TRẬN"]] {
            let read = page(vec![vec![
                word(phrase[0], 100, 90.0),
                word(phrase[1], 200, 90.0),
            ]]);
            assert_eq!(read, m(None, red), "{phrase:?}");
        }
    }

    #[test]
    fn decisions_follow_the_policy() {
        let m = |level, unread| MarkReading { level, unread };
        let text = Some(Unread::Text);
        let approved = || Some("12-CV/VPTU".to_string());
        assert_eq!(
            decide(&[m(Some(Level::TuyetMat), None)], approved()),
            Decision::Withhold(WithholdReason::TuyetMat)
        );
        assert_eq!(
            decide(&[m(Some(Level::Mat), None)], None),
            Decision::Withhold(WithholdReason::NotApproved(Level::Mat))
        );
        assert_eq!(
            decide(&[m(None, None), m(Some(Level::ToiMat), None)], approved()),
            Decision::AdmitRestricted(Restriction {
                level: Some(Level::ToiMat),
                reference: "12-CV/VPTU".into()
            })
        );
        assert_eq!(
            decide(&[m(None, text)], None),
            Decision::Withhold(WithholdReason::UnreadableHeader(Unread::Text))
        );
        assert_eq!(
            decide(&[m(None, None), m(None, text)], None),
            Decision::Admit
        );
    }

    #[test]
    fn an_approval_value_of_the_wrong_type_names_its_field() {
        let text = r#"{"approvals": [{"reference": "A", "hoso": "hs", "source_page": "three"}]}"#;
        let e = ApprovalsFile::parse(text).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("field `approvals[0].source_page`: "),
            "{e}"
        );
        let e = ApprovalsFile::parse("{").unwrap_err();
        assert!(!e.to_string().starts_with("field"), "{e}");
    }

    #[test]
    fn approvals_cover_by_symbol_page_or_hoso() {
        let rules = vec![
            ApprovalRule {
                reference: "A".into(),
                hoso: None,
                source_file: None,
                source_page: None,
                so_ky_hieu: Some("05-NQ/TU".into()),
            },
            ApprovalRule {
                reference: "B".into(),
                hoso: Some("hs-02".into()),
                source_file: Some("scan.tif".into()),
                source_page: Some(3),
                so_ky_hieu: None,
            },
            ApprovalRule {
                reference: "C".into(),
                hoso: Some("hs-03".into()),
                source_file: None,
                source_page: None,
                so_ky_hieu: None,
            },
        ];
        let approvals = Approvals {
            run: None,
            rules: &rules,
        };
        let place = |hoso, file, page, symbol| DocumentPlace {
            hoso,
            source_file: file,
            source_page: page,
            symbol,
        };
        let covering = |p| approvals.covering(&p);
        assert_eq!(
            covering(place("hs-01", "hs-01/a.tif", 1, "05 - NQ/TU")).as_deref(),
            Some("A")
        );
        assert_eq!(
            covering(place("hs-02", "hs-02/scan.tif", 3, "")).as_deref(),
            Some("B")
        );
        assert_eq!(covering(place("hs-02", "hs-02/scan.tif", 1, "")), None);
        assert_eq!(
            covering(place("hs-03", "hs-03/x.png", 1, "")).as_deref(),
            Some("C")
        );
        let run = Approvals {
            run: Some("R"),
            rules: &rules,
        };
        assert_eq!(
            run.covering(&place("hs-09", "hs-09/x.png", 1, ""))
                .as_deref(),
            Some("R")
        );
    }
}
