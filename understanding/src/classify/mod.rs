//! Read the catalog fields of a Party or State document from its OCR text (DESIGN.md §3).
//!
//! In: the text of a document's pages (first page first). Out: [`Extracted`] fields — tên
//! loại, số and ký hiệu, ngày ban hành and place, cơ quan ban hành, trích yếu, độ mật,
//! độ khẩn — each with a confidence. Matching works on a diacritic-folded copy of the
//! text so OCR slips in tone marks (`ngảy`, `thảng`, `DÂNG ỦY`) do not break it.

use std::sync::LazyLock;

use regex::Regex;

mod date;
mod issuer;
mod signature;

pub use date::is_record_year;
pub use signature::{
    has_closing_block, plausible_name, reads_a_plausible_signer, reads_part_of_a_name,
    signature_block_line, SignatureStart,
};
use unicode_normalization::UnicodeNormalization;

/// Document types: folded heading, tên loại, Party abbreviation.
const TYPES: &[(&str, &str, &str)] = &[
    ("NGHI QUYET", "Nghị quyết", "NQ"),
    ("QUYET DINH", "Quyết định", "QĐ"),
    ("QUY DINH", "Quy định", "QĐi"),
    ("CHI THI", "Chỉ thị", "CT"),
    ("KET LUAN", "Kết luận", "KL"),
    ("QUY CHE", "Quy chế", "QC"),
    ("THONG TRI", "Thông tri", "TT"),
    ("HUONG DAN", "Hướng dẫn", "HD"),
    ("THONG BAO", "Thông báo", "TB"),
    ("BAO CAO", "Báo cáo", "BC"),
    ("KE HOACH", "Kế hoạch", "KH"),
    ("CHUONG TRINH HANH DONG", "Chương trình hành động", "CTr"),
    ("CHUONG TRINH", "Chương trình", "CTr"),
    ("CONG VAN", "Công văn", "CV"),
    ("TO TRINH", "Tờ trình", "TTr"),
    ("DE AN", "Đề án", "ĐA"),
    ("BIEN BAN", "Biên bản", "BB"),
    ("CUONG LINH", "Cương lĩnh", ""),
    ("DIEU LE", "Điều lệ", ""),
    ("CHIEN LUOC", "Chiến lược", ""),
    ("THONG CAO", "Thông cáo", ""),
    ("TUYEN BO", "Tuyên bố", ""),
    ("LOI KEU GOI", "Lời kêu gọi", ""),
    ("QUY HOACH", "Quy hoạch", ""),
    ("PHUONG AN", "Phương án", "PA"),
    ("DU AN", "Dự án", "DA"),
    ("GIAY GIOI THIEU", "Giấy giới thiệu", "GGT"),
    ("GIAY MOI", "Giấy mời", "GM"),
    ("PHIEU GUI", "Phiếu gửi", ""),
    // State types (Nghị định 30/2020/NĐ-CP) not named above.
    ("CONG DIEN", "Công điện", "CĐ"),
    ("HOP DONG", "Hợp đồng", "HĐ"),
    ("BAN GHI NHO", "Bản ghi nhớ", "GN"),
    ("BAN THOA THUAN", "Bản thỏa thuận", "TTh"),
    ("GIAY UY QUYEN", "Giấy ủy quyền", "GUQ"),
    ("GIAY NGHI PHEP", "Giấy nghỉ phép", "GNP"),
    ("PHIEU CHUYEN", "Phiếu chuyển", "PC"),
    ("PHIEU BAO", "Phiếu báo", "PB"),
    ("THU CONG", "Thư công", "TC"),
    ("BAN SAO Y", "Bản sao y", "SY"),
    ("BAN TRICH SAO", "Bản trích sao", "TrS"),
    ("BAN SAO LUC", "Bản sao lục", "SL"),
    ("BAN SAO", "Bản sao", "BS"),
];

/// State abbreviations that differ from the Party ones (`QyĐ` is the State Quy định).
const STATE_ABBREVIATIONS: &[(&str, &str)] = &[("QyĐ", "Quy định")];

/// A value read from the document with how sure the reading is (0–1) and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub value: String,
    pub confidence: f32,
    /// 1-based page within the document that the value was read from.
    pub page: u32,
    /// The first and last line of that page the value was read from, counting the page
    /// text's non-empty lines from 0 (OCR text has one line per OCR line, so these are the
    /// `line` numbers of the page's words); None when the reading spans no known lines.
    pub lines: Option<[usize; 2]>,
}

impl Reading {
    /// The same reading, read from lines `first` to `last` (see [`Reading::lines`]).
    #[must_use]
    pub fn on_lines(mut self, first: usize, last: usize) -> Reading {
        self.lines = Some([first, last.max(first)]);
        self
    }
}

/// `reading` placed on line `line` of its page.
fn on_line(reading: Option<Reading>, line: usize) -> Option<Reading> {
    reading.map(|r| r.on_lines(line, line))
}

fn reading(value: impl Into<String>, confidence: f32) -> Option<Reading> {
    read_on(value, confidence, 1)
}

// Every field of a classification is an `Option`; this builds one that was found.
#[allow(clippy::unnecessary_wraps)]
fn read_on(value: impl Into<String>, confidence: f32, page: u32) -> Option<Reading> {
    Some(Reading {
        value: value.into(),
        confidence,
        page,
        lines: None,
    })
}

/// What could be read from a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub ten_loai: Option<Reading>,
    pub so: Option<Reading>,
    pub ky_hieu: Option<Reading>,
    pub ngay_ban_hanh: Option<Reading>,
    pub dia_danh: Option<Reading>,
    pub co_quan_ban_hanh: Option<Reading>,
    pub trich_yeu: Option<Reading>,
    pub do_mat: Option<Reading>,
    pub do_khan: Option<Reading>,
    /// The superior body above the issuer in the header (`ĐẢNG BỘ TỈNH ĐẮK NÔNG`).
    pub co_quan_cap_tren: Option<Reading>,
    /// Signature block of the last page: signer, position and authority (`T/M`, `K/T`, `T/L`).
    pub nguoi_ky: Option<Reading>,
    pub chuc_vu: Option<Reading>,
    pub tham_quyen: Option<Reading>,
    /// `party` (ĐẢNG CỘNG SẢN VIỆT NAM, `05-NQ/ĐUK`) or `state` (Quốc hiệu, `424/QĐ-UBND`).
    pub format: Option<Reading>,
    /// Nơi nhận: one recipient per entry, and the page they were read on.
    pub noi_nhan: Vec<String>,
    pub noi_nhan_page: u32,
}

impl Extracted {
    /// `05-NQ/ĐUK`: số and ký hiệu joined.
    pub fn symbol(&self) -> String {
        match (&self.so, &self.ky_hieu) {
            (Some(s), Some(k)) => archive_schema::so_ky_hieu(&s.value, &k.value),
            (None, Some(k)) => k.value.clone(),
            _ => String::new(),
        }
    }

    /// A readable title: type, symbol and trích yếu.
    pub fn title(&self) -> String {
        let mut parts = Vec::new();
        if let Some(t) = &self.ten_loai {
            parts.push(t.value.clone());
        }
        let symbol = self.symbol();
        if !symbol.is_empty() {
            parts.push(format!("số {symbol}"));
        }
        if let Some(t) = &self.trich_yeu {
            parts.push(t.value.clone());
        }
        parts.join(" ")
    }
}

/// Folds a line for matching: marks removed, đ→d ([`archive_schema::strip_marks`]), upper
/// case.
pub fn fold_upper(text: &str) -> String {
    archive_schema::strip_marks(text).to_uppercase()
}

/// The tên loại a line names when it is a type heading (`NGHỊ QUYẾT`, or one OCR slip away
/// like `THÔNG TRT`), with a confidence; `None` for any other line.
pub fn type_heading(line: &str) -> Option<(&'static str, f32)> {
    let folded = fold_upper(line);
    let f = folded.trim_matches(|c: char| !c.is_alphanumeric());
    for (name, ten_loai, _) in TYPES {
        let confidence = if f == *name {
            0.95
        } else if f.starts_with(name)
            && f.len() <= name.len() + 40
            && line.chars().filter(|c| c.is_lowercase()).count() < 3
        {
            0.75
        } else if name.len() >= 7
            && f.len().abs_diff(name.len()) <= 1
            && edit_distance(f, name) <= 1
        {
            0.7
        } else {
            continue;
        };
        return Some((ten_loai, confidence));
    }
    None
}

/// The tên loại a user means by `input`: a type name with or without diacritics, or its
/// abbreviation (`nghi quyet`, `NQ` → `Nghị quyết`).
pub fn canonical_type(input: &str) -> Option<&'static str> {
    let input = input.trim();
    let folded = fold_upper(input);
    TYPES
        .iter()
        .find(|(name, _, abbr)| *name == folded || (!abbr.is_empty() && *abbr == input))
        .or_else(|| {
            TYPES
                .iter()
                .find(|(_, _, abbr)| !abbr.is_empty() && abbr.eq_ignore_ascii_case(input))
        })
        .map(|(_, ten_loai, _)| *ten_loai)
}

/// The tên loại whose Party abbreviation is exactly `abbr` (`NQ` → `Nghị quyết`).
fn type_by_abbreviation(abbr: &str) -> Option<&'static str> {
    TYPES
        .iter()
        .find(|(_, _, a)| !a.is_empty() && *a == abbr)
        .map(|(_, ten_loai, _)| *ten_loai)
}

/// Whether `text` holds a số ký hiệu, Party (`05-NQ/ĐUK`) or State (`424/QĐ-UBND`) style.
pub fn has_symbol(text: &str) -> bool {
    PARTY_SYMBOL.is_match(text) || STATE_SYMBOL.is_match(text)
}

/// Whether a folded line (see [`fold_upper`]) holds a date line (`ngày 15 tháng 3 năm 2019`).
pub fn has_date_line(folded: &str) -> bool {
    date::DATE.is_match(folded)
}

/// The issuing body's letters in a Party ký hiệu: capitals and digits, with the small `h` of
/// Thành ủy (`ThU`) and `x` of Thị ủy (`TxU`) before a capital (Hướng dẫn 36-HD/VPTW), and
/// maybe a dash and more (`HU-BTG`).
const PARTY_ORGAN: &str = r"\p{Lu}(?:[\p{Lu}\d]|[hx]\p{Lu})*(?:\s*-\s*\p{Lu}[\p{Lu}\d]*)?";
/// `Số` before a số ký hiệu, as OCR reads it (`So`, `Sô`, `S6`, `Số:`), and what stands
/// before it (the line's start or no letter or digit).
const SO_WORD: &str = r"(?:^|[^\p{L}\d])(?i:s[ôốồổỗộoóòỏõọ6])[:.]?\s*";

/// A số ký hiệu pattern with `ORGAN` and `SO_WORD` put in.
fn symbol_regex(pattern: &str) -> Regex {
    Regex::new(
        &pattern
            .replace("ORGAN", PARTY_ORGAN)
            .replace("SO_WORD", SO_WORD),
    )
    .unwrap()
}

static PARTY_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    symbol_regex(r"(?:^|[^\p{L}\d])(\d{1,5})\s*[-–—]\s*(\p{Lu}[\p{L}]{0,5})\s*/\s*(ORGAN)")
});
/// A Party số ký hiệu right after `Số`, whose number OCR read with letters for digits
/// (`Số O4-TT/TU`, `Số: l5-NQ/HU`): `O`/`o` for 0, `l`/`I`/`|` for 1.
static PREFIXED_PARTY_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    symbol_regex(r"SO_WORD([\dOolI|]{1,5})\s*[-–—]\s*(\p{Lu}[\p{L}]{0,5})\s*/\s*(ORGAN)")
});
/// A Party số ký hiệu right after `Số` whose dash OCR lost (`Số13NQ/TU`): the type's
/// letters glued to the number (the caller checks they name a type).
static DASHLESS_PARTY_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| symbol_regex(r"SO_WORD(\d{1,5})(\p{Lu}[\p{L}]{0,5})\s*/\s*(ORGAN)"));
/// An older State số ký hiệu of the body's letters alone (`Số: 233/UB`, a công văn's before
/// the unit's letters were added), right after `Số`.
static UNDIVIDED_STATE_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| symbol_regex(r"SO_WORD(\d{1,5})\s*/\s*(\p{Lu}{2,8})(?:[^\p{L}\d/-]|$)"));
static STATE_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}\d])(\d{1,5})\s*/\s*((?:\d{4}\s*/\s*)?\p{Lu}[\p{L}]{0,5}\s*-\s*\p{Lu}[\p{Lu}\d]*)").unwrap()
});
/// `V/v` (về việc) opening a Công văn's trích yếu, with OCR's slips (`V⁄%v`), folded.
static VV: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\W{0,2}V\W{1,3}V\b\W*").unwrap());
/// `V/v` with the small `v` lost (`V/ nộp lưu`); the caller checks what follows.
static SHORT_VV: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\W{0,2}V\s?[/⁄](?:\s+|[.,]\s*)").unwrap());
/// Reads the catalog fields from a document's page texts.
pub fn extract(pages: &[&str]) -> Extracted {
    extract_with_closing(pages, &[])
}

/// Reads the catalog fields from a document's page texts, with `closing[i]` page i's
/// closing block read again (see [`signature_block_line`]), its readings in order of
/// preference: the signer is taken from them when the page's own reading gives no
/// plausible name.
pub fn extract_with_closing(pages: &[&str], closing: &[Vec<&str>]) -> Extracted {
    let mut out = Extracted::default();
    let Some((first_index, first)) = pages.iter().enumerate().find(|(_, t)| !t.trim().is_empty())
    else {
        return out;
    };
    let lines: Vec<&str> = first
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let folded: Vec<String> = lines.iter().map(|l| fold_upper(l)).collect();
    let header_end = lines.len().min(30);

    // Type heading: a line that is (mostly) a type name, or one OCR slip away from one
    // (`THÔNG TRT`).
    let mut type_line = None;
    for (i, line) in lines.iter().enumerate().take(header_end) {
        if let Some((ten_loai, confidence)) = type_heading(line) {
            out.ten_loai = on_line(reading(ten_loai, confidence), i);
            type_line = Some(i);
            break;
        }
    }

    // Party or State format: the motto, else the shape of the số ký hiệu (below).
    let header_folded = folded[..header_end].join(" ");
    if header_folded.contains("DANG CONG SAN VIET NAM") {
        out.format = reading("party", 0.9);
    } else if header_folded.contains("CONG HOA XA HOI CHU NGHIA")
        || header_folded.contains("DOC LAP - TU DO")
    {
        out.format = reading("state", 0.9);
    }

    // Số and ký hiệu: Party style first, then State style, in the header.
    let header_text: String = lines[..type_line.unwrap_or(header_end).min(header_end)].join("\n");
    // The line the số ký hiệu was found on: the issuer's lines end above it.
    let mut symbol_line = None;
    let party = PARTY_SYMBOL
        .captures(&header_text)
        .map(|c| (c, 0.9))
        .or_else(|| {
            PREFIXED_PARTY_SYMBOL
                .captures(&header_text)
                .filter(|c| c[1].chars().any(|ch| ch.is_ascii_digit()))
                .map(|c| (c, 0.75))
        })
        .or_else(|| {
            DASHLESS_PARTY_SYMBOL
                .captures(&header_text)
                .filter(|c| type_by_abbreviation(&c[2]).is_some())
                .map(|c| (c, 0.7))
        });
    // The header line a match's số (capture 1) stands on.
    let line_of = |c: &regex::Captures| {
        let at = c.get(1).map_or(0, |m| m.start());
        header_text[..at].matches('\n').count()
    };
    if let Some((c, mut confidence)) = party {
        let line = line_of(&c);
        symbol_line = Some(line);
        out.so = on_line(reading(ocr_digits(&c[1]), confidence), line);
        let mut kind = c[2].to_string();
        // The heading and the abbreviation name the same type: an abbreviation one OCR slip
        // from the heading's (`TE` under THÔNG BÁO) is read as the heading's (`TB`).
        let known = type_by_abbreviation(&kind).is_some();
        if let Some(heading) = &out.ten_loai {
            if let Some((_, _, abbr)) = TYPES.iter().find(|(_, t, _)| *t == heading.value) {
                if !known && !abbr.is_empty() && edit_distance(&kind, abbr) == 1 {
                    kind = abbr.to_string();
                    confidence = 0.75;
                }
            }
        }
        if out.format.is_none() {
            out.format = reading("party", 0.7);
        }
        let mut issuer: String = c[3].chars().filter(|c| !c.is_whitespace()).collect();
        // A place glued to the symbol (`45-NQ/HULệ Thủy`): its capital is not the ký hiệu's.
        let end = c.get(3).map_or(0, |m| m.end());
        if header_text[end..]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
            && issuer.chars().count() > 1
        {
            issuer.pop();
        }
        out.ky_hieu = on_line(
            reading(
                format!("{}/{}", fold_symbol(&kind), fold_symbol(&issuer)),
                confidence,
            ),
            line,
        );
        if out.ten_loai.is_none() {
            if let Some((_, t, _)) = TYPES
                .iter()
                .find(|(_, _, abbr)| !abbr.is_empty() && abbr.eq_ignore_ascii_case(&kind))
            {
                out.ten_loai = on_line(reading(*t, 0.7), line);
            }
        }
    } else if let Some((c, confidence)) = STATE_SYMBOL
        .captures(&header_text)
        .map(|c| (c, 0.85))
        .or_else(|| {
            UNDIVIDED_STATE_SYMBOL
                .captures(&header_text)
                .map(|c| (c, 0.7))
        })
    {
        let line = line_of(&c);
        symbol_line = Some(line);
        out.so = on_line(reading(&c[1], confidence), line);
        let ky_hieu: String = c[2].chars().filter(|c| !c.is_whitespace()).collect();
        out.ky_hieu = on_line(reading(fold_symbol(&ky_hieu), confidence), line);
        if out.format.is_none() {
            out.format = reading("state", 0.7);
        }
        // `424/QĐ-UBND`: the part before the dash names the type.
        let kind = ky_hieu
            .rsplit('/')
            .next()
            .unwrap_or("")
            .split('-')
            .next()
            .unwrap_or("");
        if out.ten_loai.is_none() {
            let by_state = STATE_ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == kind)
                .map(|(_, t)| *t);
            let by_common = type_by_abbreviation(kind);
            if let Some(t) = by_state.or(by_common) {
                out.ten_loai = on_line(reading(t, 0.7), line);
            } else if kind.chars().count() >= 2 && kind.chars().all(char::is_uppercase) {
                // No type before the dash but the body's own letters (`UBND-TH`): a công
                // văn's ký hiệu (Nghị định 30/2020, Phụ lục I: the body, then the unit
                // that drafted it).
                out.ten_loai = on_line(reading("Công văn", 0.6), line);
            }
        }
    }

    // Date line: "<place>, ngày 15 tháng 3 năm 2019", else "<place>, ngày 2-7-1996".
    // It stands above the type heading: dates below it are the body's (`Căn cứ Luật … ngày
    // 19 tháng 6 năm 2015`), so a date line OCR garbled is not replaced by one of them.
    let date_end = type_line.unwrap_or(header_end).min(header_end);
    let found = date::issue_date(&lines, &folded[..date_end]);
    if let Some(found) = found {
        let value = found.date.format("%Y-%m-%d").to_string();
        out.ngay_ban_hanh = on_line(reading(value, found.confidence), found.line);
    }
    // A date line whose date is unread (a day left blank, a year out of range) still has
    // the place in front of it.
    let date_at = found
        .map(|f| (f.line, f.start, 0.7))
        .or_else(|| date::unread_date_line(&folded[..date_end]).map(|(i, s)| (i, s, 0.6)));
    if let Some((i, start, place_confidence)) = date_at {
        // The place precedes the date on the same line (after a header column, if merged).
        let before: String = lines[i]
            .chars()
            .take(folded[i][..start].chars().count())
            .collect();
        // The place is the run of capitalised words right before the date, after
        // whatever a merged header column put in front (`Số 45-NQ/HU`, the motto).
        let words: Vec<&str> = before
            .trim()
            .trim_end_matches(',')
            .split_whitespace()
            .collect();
        let mut place: Vec<&str> = Vec::new();
        for w in words.iter().rev() {
            let starts_upper = w.chars().next().is_some_and(char::is_uppercase);
            let all_upper = w
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && w.chars().filter(|c| c.is_alphabetic()).count() > 2;
            if !starts_upper || all_upper || w.contains(|c: char| c.is_ascii_digit() || c == '/') {
                break;
            }
            place.insert(0, w);
        }
        let place = place.join(" ");
        let place = place.trim_end_matches(',').trim();
        if !place.is_empty() && place.chars().count() < 40 {
            out.dia_danh = on_line(reading(place, place_confidence), i);
        }
    }

    // Issuing body: the capitalised header lines just above the số line (the line the số
    // ký hiệu was found on, else the first line opening with `Số` and a digit), without
    // the motto that a two-column header often merges into them, and without the Party
    // organisation above the issuer (ĐẢNG BỘ TỈNH …) when the block has several lines.
    let so_line = symbol_line.or_else(|| {
        folded
            .iter()
            .take(header_end)
            .position(|f| f.starts_with("SO") && f.chars().any(|c| c.is_ascii_digit()))
    });
    if let Some(so_line) = so_line {
        // The superior body names an organ under it (TỈNH ỦY … / ỦY BAN KIỂM TRA → ỦY BAN
        // KIỂM TRA TỈNH ỦY …); a Party organisation above a committee does not (`issuer`).
        // A header column merged into the số line (`THỊ ỦY … Số 73-TB/TU`) ends the block.
        let mut above = lines[..so_line].to_vec();
        above.extend(text_before_so(lines[so_line]).filter(|t| !is_receipt_stamp_line(t)));
        if let Some(named) = issuer::name(&issuer_block(&above)) {
            out.co_quan_cap_tren = named.superior.and_then(|s| reading(s, 0.7));
            if let Some(k) = &mut out.ky_hieu {
                k.value = restore_organ_letters(&k.value, &named.name);
            }
            // An organ's own line lost by OCR, its ký hiệu still naming it (`…/UBKTTU` under
            // `TỈNH ỦY …` alone): the organ is put back, less sure.
            let organ = out
                .ky_hieu
                .as_ref()
                .and_then(|k| issuer::organ_named_by_ky_hieu(&named.name, &k.value));
            // The place it ends in and the date line's, one put right by the other, less sure.
            let repair = out
                .dia_danh
                .as_ref()
                .and_then(|p| place_repair(&named.name, &p.value));
            if let (Some(PlaceRepair::Place(value)), Some(place)) = (&repair, &mut out.dia_danh) {
                place.value.clone_from(value);
                place.confidence = place.confidence.min(0.6);
            }
            let repaired = organ.or(match repair {
                Some(PlaceRepair::Issuer(name)) => Some(name),
                _ => None,
            });
            out.co_quan_ban_hanh = match repaired {
                Some(name) => reading(name, 0.6),
                None => reading(named.name, 0.7),
            };
        }
    }

    // A Công văn has no type heading: its trích yếu is the `V/v …` line under the số. OCR
    // may drop the small `v` (`V/ nộp lưu …`): a `V/` and a word in lower case, within
    // three lines under the số, is read as one too.
    if type_line.is_none() {
        let short_vv = |i: usize| {
            symbol_line.is_some_and(|s| i > s && i <= s + 3)
                && SHORT_VV
                    .find(lines[i])
                    .is_some_and(|m| lines[i][m.end()..].starts_with(char::is_lowercase))
        };
        let vv = (0..header_end).find_map(|i| {
            if VV.is_match(&folded[i]) {
                Some((i, VV.replace(lines[i], "")))
            } else if short_vv(i) {
                Some((i, SHORT_VV.replace(lines[i], "")))
            } else {
                None
            }
        });
        if let Some((i, first)) = vv {
            if out.ten_loai.is_none() {
                out.ten_loai = on_line(reading("Công văn", 0.7), i);
            }
            let first = first.trim().to_string();
            let mut parts = vec![format!("V/v {first}")];
            for line in lines.iter().skip(i + 1).take(3) {
                let f = fold_upper(line);
                let mark = [
                    "KHAN",
                    "THUONG KHAN",
                    "HOA TOC",
                    "MAT",
                    "TOI MAT",
                    "TUYET MAT",
                ]
                .contains(&f.trim_matches(|c: char| !c.is_alphanumeric()));
                if f.starts_with("KINH GUI") || mark || is_capitals(line) || line.len() > 120 {
                    break;
                }
                let mut chars = line.chars();
                if chars.next().is_some_and(char::is_uppercase)
                    && chars.next().is_some_and(char::is_lowercase)
                {
                    break;
                }
                parts.push(line.to_string());
            }
            let last = i + parts.len() - 1;
            out.trich_yeu = reading(parts.join(" "), 0.75).map(|r| r.on_lines(i, last));
        }
    }

    // Trích yếu: the lines under the type heading, up to the first blank or body line.
    if let Some(t) = type_line {
        let mut parts = Vec::new();
        let rest_of_heading = lines[t]
            .chars()
            .skip_while(|c| !c.is_lowercase())
            .collect::<String>();
        let mut first_line = t + 1;
        if !rest_of_heading.trim().is_empty() && rest_of_heading.len() > 3 {
            parts.push(rest_of_heading.trim().to_string());
            first_line = t;
        }
        let mut last_line = t;
        for (at, line) in lines.iter().enumerate().skip(t + 1).take(4) {
            let f = fold_upper(line);
            // A trích yếu line continues in lower case ("về …", "và …", "trong …"); a body
            // sentence starts with a capital ("Thực hiện …", "Căn cứ …").
            let mut chars = line.chars();
            let starts_sentence = chars.next().is_some_and(char::is_uppercase)
                && chars.next().is_some_and(char::is_lowercase);
            let body_start = f.starts_with("CAN CU")
                || is_capitals(line)
                || f.starts_with("- ")
                || f.starts_with("I.")
                || f.starts_with("PHAN ")
                || line.ends_with(':')
                || (starts_sentence && !parts.is_empty() && !f.starts_with("VE "));
            if body_start || line.len() > 120 {
                break;
            }
            // Scanner specks before the first word (`_ về …`).
            parts.push(
                line.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(')
                    .to_string(),
            );
            last_line = at;
            if parts.len() >= 3 {
                break;
            }
        }
        if !parts.is_empty() {
            // As sure as the heading it hangs from; three lines may have been cut short.
            let heading = out.ten_loai.as_ref().map_or(0.6, |t| t.confidence);
            let confidence = if parts.len() >= 3 || heading < 0.9 {
                0.6
            } else {
                0.8
            };
            out.trich_yeu =
                reading(parts.join(" "), confidence).map(|r| r.on_lines(first_line, last_line));
        }
    }

    // Độ mật / độ khẩn marks in the header area.
    for (at, f) in folded.iter().enumerate().take(header_end) {
        let f = f.trim();
        if out.do_mat.is_none() {
            for (mark, value) in [
                ("TUYET MAT", "Tuyệt mật"),
                ("TOI MAT", "Tối mật"),
                ("MAT", "Mật"),
            ] {
                if f == mark {
                    out.do_mat = on_line(reading(value, 0.8), at);
                    break;
                }
            }
        }
        if out.do_khan.is_none() {
            for (mark, value) in [
                ("THUONG KHAN", "Thượng khẩn"),
                ("HOA TOC", "Hỏa tốc"),
                ("KHAN", "Khẩn"),
            ] {
                if f == mark {
                    out.do_khan = on_line(reading(value, 0.8), at);
                    break;
                }
            }
        }
    }
    // The header's readings are of the first page with text, which need not be page 1.
    let first_page = first_index as u32 + 1;
    for r in [
        &mut out.ten_loai,
        &mut out.so,
        &mut out.ky_hieu,
        &mut out.ngay_ban_hanh,
        &mut out.dia_danh,
        &mut out.co_quan_ban_hanh,
        &mut out.co_quan_cap_tren,
        &mut out.trich_yeu,
        &mut out.do_mat,
        &mut out.do_khan,
        &mut out.format,
    ]
    .into_iter()
    .flatten()
    {
        r.page = first_page;
    }
    signature::read(pages, closing, &mut out);
    out
}

/// A number as OCR read it, with the letters it takes for digits put back: `O`/`o` for 0,
/// `I`/`l`/`L`/`|`/`]`/`!` for 1 (`O4` → `04`, `1Ì` folded to `1I` → `11`).
pub fn ocr_digits(number: &str) -> String {
    number
        .chars()
        .map(|c| match c {
            'O' | 'o' => '0',
            'I' | 'l' | 'L' | '|' | ']' | '!' => '1',
            c => c,
        })
        .collect()
}

/// Words that name an organisation in an issuer line (folded): a line above the issuer
/// without any of them is a stamp or noise (`ĐẾN` of a receipt stamp), not a superior body.
const ORGAN_WORDS: &[&str] = &[
    "UY",
    "BAN",
    "BO",
    "SO",
    "UBND",
    "HOI",
    "DOAN",
    "VAN PHONG",
    "CUC",
    "VIEN",
    "TRUONG",
    "KHOI",
    "CHI",
    "TONG",
    "CONG TY",
    "TRUNG TAM",
    "HDND",
    "DANG",
];

/// One Vietnamese syllable, folded (see [`fold_upper`]): initial consonant, one to three
/// vowels, final consonant.
static SYLLABLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDGHKLMNPRSTVX])?[AEIOUY]{1,3}(?:CH|NG|NH|[CMNPT])?$").unwrap()
});

/// Whether a folded word (see [`fold_upper`]) is one Vietnamese syllable (`THUAT`).
fn is_syllable(folded: &str) -> bool {
    SYLLABLE.is_match(folded)
}

/// Abbreviations that end an organisation's name (`ĐẢNG ỦY KHỐI CÁC CƠ QUAN TW`, `… UBND`),
/// folded: OCR glues them to the word before (`QUANTW`).
const TRAILING_ABBREVIATIONS: &[&str] = &["TW", "TU", "UBND", "HDND", "MTTQ"];

/// Words OCR glued together put apart again (`NINHBÌNH` → `NINH BÌNH`): a word of five
/// letters or more that is no Vietnamese syllable but splits into two is split there, and
/// a syllable with an abbreviation glued after it is split before the abbreviation
/// (`QUANTW` → `QUAN TW`). Abbreviations on their own (`UBND`, `HĐND`) split into no two
/// syllables and stay as they are.
fn split_glued_syllables(line: &str) -> String {
    let abbreviation_tail = |word: &str| -> Option<String> {
        let chars: Vec<char> = word.chars().collect();
        if !chars.iter().all(|c| c.is_alphabetic() && !c.is_lowercase()) {
            return None;
        }
        let folded = fold_upper(word);
        if folded.chars().count() != chars.len() || SYLLABLE.is_match(&folded) {
            return None;
        }
        TRAILING_ABBREVIATIONS.iter().find_map(|abbr| {
            let k = chars.len().checked_sub(abbr.len())?;
            let head: String = folded.chars().take(k).collect();
            (k >= 2 && folded.ends_with(abbr) && SYLLABLE.is_match(&head)).then(|| {
                let (x, y): (String, String) =
                    (chars[..k].iter().collect(), chars[k..].iter().collect());
                format!("{x} {y}")
            })
        })
    };
    let split = |word: &str| -> Option<String> {
        if let Some(apart) = abbreviation_tail(word) {
            return Some(apart);
        }
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < 5 || !chars.iter().all(|c| c.is_alphabetic()) {
            return None;
        }
        let folded = fold_upper(word);
        if SYLLABLE.is_match(&folded) || folded.chars().count() != chars.len() {
            return None;
        }
        let f: Vec<char> = folded.chars().collect();
        (2..chars.len() - 1).find_map(|k| {
            let (a, b): (String, String) = (f[..k].iter().collect(), f[k..].iter().collect());
            (SYLLABLE.is_match(&a) && SYLLABLE.is_match(&b)).then(|| {
                let (x, y): (String, String) =
                    (chars[..k].iter().collect(), chars[k..].iter().collect());
                format!("{x} {y}")
            })
        })
    };
    line.split(' ')
        .map(|w| split(w).unwrap_or_else(|| w.to_string()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The issuer's lines above the số line (`above`: the lines before it), top first, at
/// most four: of each line the longest run of words in capitals, after the motto of a
/// merged right column is cut off; lines with two letters or fewer (the `*` under the
/// issuer, specks) are skipped, and lines at the top that name no organisation are dropped.
fn issuer_block(above: &[&str]) -> Vec<String> {
    let mut block: Vec<String> = Vec::new();
    for line in above.iter().rev() {
        // A receipt stamp above the header (`ĐẾN` / `Số: 214` / `Ngày: 11/3/2016`, with the
        // receiving body's name over it) ends the issuer's lines.
        if is_receipt_stamp_line(line) {
            break;
        }
        // A receipt stamp's number glued to the line (`29/62ĐẢNG BỘ …`) is no part of it: an
        // organisation's name starts with a letter.
        let run = capitalised_run(&strip_motto(line));
        let run = run.trim_start_matches(|c: char| !c.is_alphabetic());
        // Specks stuck to a word (`KIỂM 'TRA`) are no part of it.
        let run = run
            .split_whitespace()
            .map(|w| {
                let trimmed = w.trim_matches(|c: char| !c.is_alphanumeric());
                if trimmed.is_empty() {
                    w
                } else {
                    trimmed
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let cleaned = restore_organ_words(&split_glued_syllables(&run));
        let letters = cleaned.chars().filter(|c| c.is_alphabetic()).count();
        if letters <= 2 {
            continue; // the `*` under the issuing body (`x`, `+»`), stamp noise
        }
        block.insert(0, cleaned);
        if block.len() == 4 {
            break;
        }
    }
    let names_organ = |line: &str| {
        let folded = fold_upper(line);
        let words: Vec<&str> = folded.split_whitespace().collect();
        ORGAN_WORDS.iter().any(|w| {
            if w.contains(' ') {
                folded.contains(w)
            } else {
                words.contains(w)
            }
        })
    };
    while block.len() > 1 && !names_organ(&block[0]) && block[1..].iter().any(|l| names_organ(l)) {
        block.remove(0);
    }
    // Four lines only when the top one is a superior body: otherwise the fourth is noise.
    if block.len() == 4 && !is_party_committee(&block[0]) {
        block.remove(0);
    }
    block
}

/// The text before the `Số` that opens a số ký hiệu on a line (`THỊ ỦY SƠN HÀ Số 73-TB/TU`,
/// `… Số27-NQ/TU`, `… Số: 12/QĐ-UBND`), when something stands before it.
fn text_before_so(line: &str) -> Option<&str> {
    static SO: LazyLock<Regex> = LazyLock::new(|| symbol_regex(r"SO_WORD\d"));
    let at = SO.find(line)?.start();
    Some(line[..at].trim()).filter(|t| !t.is_empty())
}

/// A line of a receipt stamp (dấu đến): `ĐẾN`, `Số: 214`, `Ngày: 11/3/2016`, `Chuyển:`,
/// `Lưu hồ sơ số:` — the stamp's words with numbers or nothing after them. A số ký hiệu
/// (`Số: 12-NQ/TU`) has letters after its number and is not one.
fn is_receipt_stamp_line(line: &str) -> bool {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\W*(?:DEN|CHUYEN|LUU HO SO(?: SO)?|SO|NGAY)\b[\s:.,;/\\0-9-]*$").unwrap()
    });
    STAMP.is_match(&fold_upper(line.trim()))
}

/// Whether an issuer line names a Party organisation (ĐẢNG BỘ TỈNH …), also with one OCR
/// slip in ĐẢNG (`BĂNG BỘ`, `DÂNG BỘ`).
fn is_party_committee(line: &str) -> bool {
    let folded = fold_upper(line);
    let mut words = folded.split_whitespace();
    folded.contains("DANG BO")
        || matches!((words.next(), words.next()), (Some(a), Some("BO")) if edit_distance(a, "DANG") <= 1)
}

/// An issuer line with the organisation words OCR got a tone or letter wrong in put right:
/// `TÌNH ỦY` → `TỈNH ỦY`, `UBND TÌNH` → `UBND TỈNH` (a TĨNH elsewhere, as in HÀ TĨNH, stays),
/// `BĂNG BỘ` → `ĐẢNG BỘ`, `ĐẲNG ỦY`, `Đ NG ỦY` → `ĐẢNG ỦY` (the letters before a line's
/// first ỦY one slip from ĐẢNG, and no committee's own word: HUYỆN, TỈNH, THÀNH, QUẬN, THỊ),
/// `NHÂN DẪN` → `NHÂN DÂN`; a letter left alone at the end of the line (a speck) is dropped.
fn restore_organ_words(line: &str) -> String {
    let mut line = party_committee_word(line);
    if let Some((rest, last)) = line.rsplit_once(' ') {
        if last.chars().count() == 1 && rest.chars().any(char::is_alphabetic) {
            line = rest.to_string();
        }
    }
    let words: Vec<&str> = line.split(' ').collect();
    let folded: Vec<String> = words.iter().map(|w| fold_upper(w)).collect();
    let party = is_party_committee(&line);
    // TỈNH follows the organ it belongs to (UBND TỈNH, ĐẢNG BỘ TỈNH); HÀ TĨNH is a place.
    let after_organ =
        |i: usize| i > 0 && ["UBND", "HDND", "DAN", "BO", "UY"].contains(&folded[i - 1].as_str());
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let next = folded.get(i + 1).map(String::as_str);
            match folded[i].as_str() {
                "TINH" if *w != "TỈNH" && (next == Some("UY") || after_organ(i)) => {
                    "TỈNH".to_string()
                }
                _ if i == 0 && party && next == Some("BO") => "ĐẢNG".to_string(),
                "DAN" if *w != "DÂN" && i > 0 && folded[i - 1] == "NHAN" => "DÂN".to_string(),
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `line` with the words before its first `ỦY` written `ĐẢNG` when their letters are one OCR
/// slip from it (`ĐẲNG`, `ĐÂNG`, `Đ NG`, `ĐÂ'!G`) and are no committee's own word.
fn party_committee_word(line: &str) -> String {
    const COMMITTEE_WORDS: &[&str] = &["HUYEN", "TINH", "THANH", "QUAN", "THI"];
    let words: Vec<&str> = line.split(' ').collect();
    let Some(uy) = words.iter().position(|w| fold_upper(w) == "UY") else {
        return line.to_string();
    };
    if uy == 0 || uy > 2 {
        return line.to_string();
    }
    let letters: String = words[..uy]
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphabetic())
        .collect();
    let folded = fold_upper(&letters);
    if letters.to_uppercase() == "ĐẢNG"
        || COMMITTEE_WORDS.contains(&folded.as_str())
        || edit_distance(&folded, "DANG") > 1
        || !letters.starts_with(['Đ', 'D'])
    {
        return line.to_string();
    }
    std::iter::once("ĐẢNG")
        .chain(words[uy..].iter().copied())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The issuer's place and the date line's, one of them put right by the other.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PlaceRepair {
    /// The issuer's name with the place it ends in as the date line writes it.
    Issuer(String),
    /// The date line's place as the issuer's name writes it.
    Place(String),
}

/// A local body is named after the place it writes from, and the issuer's name and the date
/// line's place are read apart: when the place the name ends in and the date line's differ
/// by one letter (`HUYỆN PHÚ LIÂM` and `Phú Lâm`), one is an OCR slip, and the one
/// holding a word no Vietnamese syllable is spelt like ([`well_spelt`]) is put right by the
/// other; when both or neither are, nothing is (`PHÚ ÂM` and `Phú Lâm` stay: both are syllables).
/// Only a place of two words or more after the word naming a unit or a committee (`HUYỆN`,
/// `TỈNH`, `XÃ`, `ỦY` …) is compared, and the caller makes the repair less sure (so `sohoa
/// review` lists it).
fn place_repair(name: &str, place: &str) -> Option<PlaceRepair> {
    const BEFORE_PLACE: &[&str] = &["HUYEN", "TINH", "XA", "PHO", "QUAN", "PHUONG", "UY", "TRAN"];
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let words: Vec<&str> = name.split_whitespace().collect();
    // A place of one word is too short to tell a slip from another word (`TỈNH` and `Vinh`).
    let n = place_words.len();
    if n < 2 || words.len() <= n {
        return None;
    }
    let (head, tail) = words.split_at(words.len() - n);
    let before = fold_upper(head.last()?);
    let (folded_tail, folded_place) = (
        fold_upper(&tail.join(" ")),
        fold_upper(&place_words.join(" ")),
    );
    let names_a_unit = folded_tail
        .split(' ')
        .any(|w| BEFORE_PLACE.contains(&w) || w == "THANH");
    if !BEFORE_PLACE.contains(&before.as_str())
        || names_a_unit
        || edit_distance(&folded_tail, &folded_place) != 1
    {
        return None;
    }
    let spelt = |folded: &str| folded.split(' ').all(well_spelt);
    match (spelt(&folded_tail), spelt(&folded_place)) {
        (false, true) => Some(PlaceRepair::Issuer(format!(
            "{} {}",
            head.join(" "),
            place_words.join(" ").to_uppercase()
        ))),
        (true, false) => Some(PlaceRepair::Place(
            tail.iter()
                .map(|w| title_cased(w))
                .collect::<Vec<_>>()
                .join(" "),
        )),
        _ => None,
    }
}

/// A word in capitals written as a name is (`HẢI` → `Hải`, `THUẬT` → `Thuật`).
fn title_cased(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase()
    })
}

/// Whether a folded word (see [`fold_upper`]) is spelt as a Vietnamese syllable is: an
/// initial, a vowel group Vietnamese writes, and a final only after a group that takes one
/// (`CHIEM`, `HAI`, `UYEN`; not `CHIEEM`, `HIAI`, `AIM`). Stricter than [`is_syllable`].
fn well_spelt(folded: &str) -> bool {
    static SPELT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDGHKLMNPRSTVX])?(?:(?:AI|AO|AU|AY|EO|EU|IA|IU|OI|UI|UU|IEU|YEU|OAI|OAO|OAY|OEO|UAY|UOI|UOU|UYA|UYU|UA|UE)|(?:A|E|I|O|U|Y|IE|YE|UO|OA|OE|UA|UE|UY|UYE|OO)(?:CH|NG|NH|[CMNPT])?)$",
        )
        .unwrap()
    });
    SPELT.is_match(folded)
}

/// The ký hiệu's issuer part put right where OCR changed its letters and the issuer's name
/// shows how: `D` read for `Đ` (`DUK` of ĐẢNG ỦY KHỐI → `ĐUK`), a `Đ` read twice (`ĐĐUK` →
/// `ĐUK`, while ĐOÀN ĐẠI BIỂU QUỐC HỘI keeps its `ĐĐBQH`), and the small letter of Thành ủy
/// (`ThU`) and Thị ủy (`TxU`) read as a capital (`THU` → `ThU`).
fn restore_organ_letters(ky_hieu: &str, issuer: &str) -> String {
    let Some((kind, organ)) = ky_hieu.split_once('/') else {
        return ky_hieu.to_string();
    };
    let folded_issuer = format!(" {} ", fold_upper(issuer));
    for (words, letters) in [(" THANH UY ", "ThU"), (" THI UY ", "TxU")] {
        let capitals = letters.to_uppercase();
        if folded_issuer.contains(words) && organ.ends_with(&capitals) {
            let head = &organ[..organ.len() - capitals.len()];
            return format!("{kind}/{head}{letters}");
        }
    }
    let initials: String = issuer
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .map(|c| {
            if c == 'Đ' || c == 'đ' {
                'Đ'
            } else {
                fold_upper(&c.to_string()).chars().next().unwrap_or(c)
            }
        })
        .collect();
    if initials.contains(organ) {
        return ky_hieu.to_string();
    }
    let with_dj = organ.replace('D', "Đ");
    let mut once = with_dj.clone();
    while once.contains("ĐĐ") {
        once = once.replace("ĐĐ", "Đ");
    }
    [with_dj, once]
        .into_iter()
        .find(|candidate| candidate != organ && initials.contains(candidate.as_str()))
        .map_or_else(|| ky_hieu.to_string(), |o| format!("{kind}/{o}"))
}

/// A ký hiệu as written: abbreviations carry no tone or vowel marks, only Đ, so marks there
/// are OCR slips (`QĐ/TƯ` is `QĐ/TU`).
fn fold_symbol(symbol: &str) -> String {
    symbol
        .chars()
        .map(|c| match c {
            'Đ' | 'đ' => c,
            c if c.is_ascii() => c,
            c => c.to_string().nfd().next().unwrap_or(c),
        })
        .collect()
}

/// A line written in capitals (an issuer, a title): at least 6 letters, 80% capitals.
fn is_capitals(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 6
        && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 8
}

/// Levenshtein distance over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            current[j + 1] = (previous[j] + usize::from(ca != *cb))
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// The longest run of words written in capitals in a line: `ĐẢNG ỦY KHỐI` of `yến:……
/// ĐẢNG ỦY KHỐI` (a receipt stamp in front), `TỈNH SƠN HÀ` of `TỈNH SƠN HÀ Độc lập - Tự do`
/// (a motto OCR garbled too much to be cut off). A lone `-` between capitals stays.
fn capitalised_run(line: &str) -> String {
    let mut best: (usize, usize, usize) = (0, 0, 0); // letters, start, end
    let mut start = 0;
    let mut letters = 0;
    let words: Vec<&str> = line.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let w_letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        // A modifier letter (`ˆ`) has no case: a speck, not a capital.
        let capital = w_letters.iter().any(|c| c.is_uppercase())
            && w_letters.iter().all(|c| !c.is_lowercase());
        if capital || (matches!(*w, "-" | "–" | "—") && letters > 0) {
            letters += w_letters.len();
            if letters > best.0 {
                best = (letters, start, i + 1);
            }
        } else {
            start = i + 1;
            letters = 0;
        }
    }
    words[best.1..best.2]
        .iter()
        .map(|w| if matches!(*w, "–" | "—") { "-" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// Pieces of the two mottos, each with how many words of its motto come before it, so
/// that a motto with one word garbled by OCR (`ĐẢNG CỘNG SÁN VIỆT NAIM`) is still found.
const MOTTO_PIECES: &[(&str, usize)] = &[
    ("DANG CONG SAN", 0),
    ("CONG SAN VIET NAM", 1),
    ("CONG HOA XA HOI", 0),
    ("XA HOI CHU NGHIA", 2),
    ("CHU NGHIA VIET NAM", 4),
    ("DOC LAP", 0),
    ("LAP - TU DO", 1),
    ("TU DO - HANH PHUC", 3),
    // `ĐLNG CỘNG SLIN VIỆT NAM`: only the last two words survived; the line must hold the
    // three words before them too.
    ("VIET NAM", 3),
];

/// The line without the motto of a merged right column (ĐẢNG CỘNG SẢN VIỆT NAM, CỘNG HÒA
/// XÃ HỘI CHỦ NGHĨA VIỆT NAM, Độc lập - Tự do - Hạnh phúc) and what follows it.
fn strip_motto(line: &str) -> String {
    let folded = fold_upper(line);
    let motto = MOTTO_PIECES
        .iter()
        .filter_map(|(piece, before)| {
            let pos = folded.find(piece)?;
            // Step back over the motto's words that come before the piece, if they are there.
            let mut start = pos;
            for _ in 0..*before {
                let head = folded[..start].trim_end();
                match head.rfind(' ') {
                    Some(space) => start = space + 1,
                    None if !head.is_empty() => start = 0,
                    None => break,
                }
            }
            // `VIỆT NAM` ends a motto only after an issuer column: a line that is nothing
            // but four words ending in it is a name (`HỘI NÔNG DÂN VIỆT NAM`).
            if *piece == "VIET NAM" && start == 0 {
                return None;
            }
            Some(start)
        })
        .min();
    match motto {
        Some(pos) => {
            let n = folded[..pos].chars().count();
            line.chars().take(n).collect::<String>().trim().to_string()
        }
        None => line.trim().trim_end_matches('*').trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST_PAGE: &str = "ĐẢNG BỘ TỈNH ĐẮK NÔNG ĐẢNG CỘNG SẢN VIỆT NAM\n\
ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP\n*\n\
Số 05 -NQ/ĐUK Gia Nghĩa, ngảy 15 thảng 3 nărn 2019\n\n\
NGHỊ QUYẾT\n\
về tăng cường ứng dụng công nghệ thông tin\n\
trong công tác đảng\n\n\
I. TÌNH HÌNH VÀ NGUYÊN NHÂN\nTrong thời kỳ ...";

    #[test]
    fn reads_a_noisy_party_header() {
        let e = extract(&[FIRST_PAGE]);
        assert_eq!(e.ten_loai.as_ref().unwrap().value, "Nghị quyết");
        assert_eq!(e.symbol(), "05-NQ/ĐUK");
        assert_eq!(e.ngay_ban_hanh.as_ref().unwrap().value, "2019-03-15");
        assert_eq!(
            e.co_quan_ban_hanh.as_ref().unwrap().value,
            "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP"
        );
        assert_eq!(
            e.trich_yeu.as_ref().unwrap().value,
            "về tăng cường ứng dụng công nghệ thông tin trong công tác đảng"
        );
        assert!(e.title().starts_with("Nghị quyết số 05-NQ/ĐUK về"));
    }

    #[test]
    fn readings_name_the_lines_and_the_first_page_with_text_they_were_read_from() {
        let e = extract(&["  \n", FIRST_PAGE]);
        let at = |r: &Option<Reading>| r.as_ref().map(|r| (r.page, r.lines));
        // Non-empty lines: 0-1 the issuer, 2 `*`, 3 the số and date, 4 the heading, 5-6 the
        // trích yếu.
        assert_eq!(at(&e.ten_loai), Some((2, Some([4, 4]))));
        assert_eq!(at(&e.so), Some((2, Some([3, 3]))));
        assert_eq!(at(&e.ky_hieu), Some((2, Some([3, 3]))));
        assert_eq!(at(&e.ngay_ban_hanh), Some((2, Some([3, 3]))));
        assert_eq!(at(&e.trich_yeu), Some((2, Some([5, 6]))));
    }

    #[test]
    fn reads_state_symbols_and_marks() {
        let page = "UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH\nSố: 424/QĐ-UBND\nMẬT\nHà Tĩnh, ngày 02 tháng 10 năm 2015\nQUYẾT ĐỊNH\nVề việc thành lập tổ công tác";
        let e = extract(&[page]);
        assert_eq!(e.symbol(), "424/QĐ-UBND");
        assert_eq!(e.ten_loai.unwrap().value, "Quyết định");
        assert_eq!(e.do_mat.unwrap().value, "Mật");
        assert_eq!(e.ngay_ban_hanh.unwrap().value, "2015-10-02");
        assert_eq!(e.format.unwrap().value, "state");
        assert_eq!(extract(&[FIRST_PAGE]).format.unwrap().value, "party");
        let e = extract(&["UBND TỈNH HÀ TĨNH\nSố: 12/QyĐ-UBND\nHà Tĩnh, ngày 2 tháng 10 năm 2015"]);
        assert_eq!(e.ten_loai.unwrap().value, "Quy định");
    }

    #[test]
    fn joins_an_issuer_split_over_lines_and_stops_the_trich_yeu_at_the_body() {
        let page =
            "ĐẢNG BỘ TỈNH ĐẮK NÔNG\nĐẢNG ỦY KHỐI CƠ QUAN\nVÀ DOANH NGHIỆP\n*\nSố 86-BC/ĐUK\n\
ĐẢNG CỘNG SẢN VIỆT NAM\nGia Nghĩa, ngày 20 tháng 12 năm 2018\nBÁO CÁO\n\
kết quả công tác văn thư, lưu trữ năm 2018\nvà phương hướng, nhiệm vụ năm 2019\n\
Thực hiện Luật Lưu trữ năm 2011, Quy định số 270-QĐ/TW";
        let e = extract(&[page]);
        assert_eq!(
            e.co_quan_ban_hanh.unwrap().value,
            "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP"
        );
        assert_eq!(
            e.trich_yeu.unwrap().value,
            "kết quả công tác văn thư, lưu trữ năm 2018 và phương hướng, nhiệm vụ năm 2019"
        );
        assert_eq!(e.dia_danh.unwrap().value, "Gia Nghĩa");
    }

    #[test]
    fn a_type_heading_with_an_ocr_slip_is_still_recognised() {
        let page = "ĐẢNG ỦY KHỐI DÂN CHÍNH ĐẢNG\n*\nSố 07-TT/ĐUK\nTHÔNG TRT\nvề tăng cường công tác văn thư\n\nThời gian qua";
        let e = extract(&[page]);
        assert_eq!(e.ten_loai.unwrap().value, "Thông tri");
        assert_eq!(e.trich_yeu.unwrap().value, "về tăng cường công tác văn thư");
        assert_eq!(edit_distance("THONG TRT", "THONG TRI"), 1);
        assert_eq!(edit_distance("", "ab"), 2);
    }

    #[test]
    fn numeric_dates_and_marked_abbreviations() {
        let page = "TỈNH ỦY QUẢNG BÌNH -_ ĐĂNG CỘNG SẲN VIỆT NAM\n`*\n\
Số 87-QĐ/TƯ. __ Đồng Hới, ngày 2-7-1996\n: QUYẾT ĐỊNH\nvề việc thành lập Ban chỉ đạo";
        let e = extract(&[page]);
        assert_eq!(e.symbol(), "87-QĐ/TU");
        assert_eq!(e.ngay_ban_hanh.unwrap().value, "1996-07-02");
        assert_eq!(e.co_quan_ban_hanh.unwrap().value, "TỈNH ỦY QUẢNG BÌNH");
        assert_eq!(e.dia_danh.unwrap().value, "Đồng Hới");
    }

    #[test]
    fn a_receipt_stamp_over_the_header_gives_neither_issuer_nor_date() {
        // The stamp's own `Số:` and `Ngày` lines sit above and inside the issuer block.
        let page = "ĐẾN\nSố: 4613\nNgày 23/11/2016\nĐẢNG BỘ TỈNH SƠN HÀ ĐẢNG CỘNG SẢN VIỆT NAM\n\
HUYỆN ỦY PHÚ LÂM\n*\nSố 436-TB/HU Phú Lâm, ngày 17-11-2016\nTHÔNG BÁO\nkết luận của Thường trực";
        let e = extract(&[page]);
        assert_eq!(e.symbol(), "436-TB/HU");
        assert_eq!(e.ngay_ban_hanh.unwrap().value, "2016-11-17");
        assert_eq!(e.co_quan_ban_hanh.unwrap().value, "HUYỆN ỦY PHÚ LÂM");
        assert_eq!(e.co_quan_cap_tren.unwrap().value, "ĐẢNG BỘ TỈNH SƠN HÀ");
        // A stamp line in capitals right above the issuer names no organisation.
        let page = "ĐẾN\nĐẢNG ỦY KHỐI\nCÁC CƠ QUAN TỈNH\n*\nSố 118-BC/ĐUK\nBÁO CÁO\ntổng kết";
        assert_eq!(
            extract(&[page]).co_quan_ban_hanh.unwrap().value,
            "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
        );
    }

    #[test]
    fn the_issuer_s_place_and_the_date_line_s_put_right_by_each_other() {
        // Invented places.
        let page = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
HUYỆN PHÚ LIÂM Độc lập - Tự do - Hạnh phúc\nSố: 52/QĐ-UB Phú Lâm, ngày 4 tháng 5 năm 1995\nQUYẾT ĐỊNH";
        assert_eq!(
            extract(&[page]).co_quan_ban_hanh.unwrap().value,
            "ỦY BAN NHÂN DÂN HUYỆN PHÚ LÂM"
        );
        let page = "HUYỆN ỦY SƠN HÀ\n*\nSố 12-NQ/HU Sơn Hàa, ngày 4 tháng 5 năm 1995\nNGHỊ QUYẾT";
        let e = extract(&[page]);
        assert_eq!(e.dia_danh.unwrap().value, "Sơn Hà");
        assert_eq!(e.co_quan_ban_hanh.unwrap().value, "HUYỆN ỦY SƠN HÀ");
        // Both spelt as syllables: which one slipped cannot be told.
        assert_eq!(place_repair("HUYỆN PHÚ ÂM", "Phú Lâm"), None);
        assert_eq!(place_repair("TỈNH ỦY SƠN HÀ", "Sơn La"), None);
        // Another place, the same one, or one not after a unit's word: nothing to do.
        assert_eq!(place_repair("TỈNH ỦY SƠN HÀ", "Sơn Hà"), None);
        assert_eq!(place_repair("TỈNH ỦY SƠN HÀ", "Phú Lâm"), None);
        assert_eq!(place_repair("SỞ NỘI VỤ", "Nội Vụa"), None);
        assert_eq!(place_repair("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Vinh"), None);
        assert_eq!(place_repair("ĐẢNG ỦY CƠ QUAN TỈNH HÀ", "Tinhh Hà"), None);
        for word in [
            "CHIEM", "HAI", "UYEN", "NGHIENG", "QUYET", "GIA", "Y", "THUONG",
        ] {
            assert!(well_spelt(word), "{word}");
        }
        for word in ["CHIEEM", "HIAI", "AIM", "KH", "UNGH"] {
            assert!(!well_spelt(word), "{word}");
        }
        // A dash between capitals of one name stays in it, whatever dash OCR read.
        let page = "TỈNH ỦY SƠN HÀ — PHÚ LÂM ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 14-QĐ/TU Phú Lâm, ngày 19-6-1989\nQUYẾT ĐỊNH";
        assert_eq!(
            extract(&[page]).co_quan_ban_hanh.unwrap().value,
            "TỈNH ỦY SƠN HÀ - PHÚ LÂM"
        );
    }

    #[test]
    fn the_organ_letters_of_a_party_symbol_put_right_by_the_issuer() {
        // Invented bodies. Thành ủy and Thị ủy write a small letter (`ThU`, `TxU`); OCR may
        // read it as a capital.
        let page = "THÀNH ỦY SƠN HÀ\n*\nSố 12-NQ/ThU Sơn Hà, ngày 3 tháng 2 năm 2001\nNGHỊ QUYẾT";
        assert_eq!(extract(&[page]).symbol(), "12-NQ/ThU");
        let page = "THÀNH ỦY SƠN HÀ\n*\nSố: 7- CT/THU\nCHỈ THỊ";
        assert_eq!(extract(&[page]).symbol(), "7-CT/ThU");
        let page = "THỊ ỦY PHÚ LÂM\n*\nSố 3-KH/TXU\nKẾ HOẠCH";
        assert_eq!(extract(&[page]).symbol(), "3-KH/TxU");
        let page = "THÀNH ỦY SƠN HÀ\nBAN TỔ CHỨC\n*\nSố 40-HD/BTCTHU\nHƯỚNG DẪN";
        assert_eq!(extract(&[page]).symbol(), "40-HD/BTCThU");
        // A Đ read twice, unless the name has two words opening with Đ.
        let page = "ĐẢNG ỦY KHỐI CƠ QUAN TỈNH\n*\nSố: 9-NQ/ĐĐUK\nNGHỊ QUYẾT";
        assert_eq!(extract(&[page]).symbol(), "9-NQ/ĐUK");
        assert_eq!(
            restore_organ_letters("BC/ĐĐBQH", "ĐOÀN ĐẠI BIỂU QUỐC HỘI TỈNH SƠN HÀ"),
            "BC/ĐĐBQH"
        );
        assert_eq!(restore_organ_letters("NQ/TU", "TỈNH ỦY SƠN HÀ"), "NQ/TU");
    }

    #[test]
    fn letters_read_for_digits_and_a_lost_dj_in_the_symbol() {
        let page = "ĐẢNG ỦY KHỐI DOANH NGHIỆP\n*\nSố O4-NQ/DUK\nNGHỊ QUYẾT\nvề công tác";
        let e = extract(&[page]);
        assert_eq!(e.symbol(), "04-NQ/ĐUK");
        assert!(e.so.unwrap().confidence < 0.9);
        let page = "HUYỆN ỦY TUY AN\n*\nSố: l5-CT/HU\nCHỈ THỊ\nvề công tác";
        assert_eq!(extract(&[page]).symbol(), "15-CT/HU");
        // A place glued to the symbol keeps its capital out of the ký hiệu.
        let page = "HUYỆN ỦY TUY AN\n*\nSố 45-NQ/HUTuy An, ngày 3 tháng 2 năm 2012\nNGHỊ QUYẾT";
        let e = extract(&[page]);
        assert_eq!(e.symbol(), "45-NQ/HU");
        assert_eq!(e.ngay_ban_hanh.unwrap().value, "2012-02-03");
    }

    #[test]
    fn a_garbled_motto_and_a_four_line_header() {
        // Invented text (no evaluation document's): the motto's second line so garbled that
        // only the run of capitals tells the issuer's province from it.
        let page = "ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HÔI CHÙ NGHĨA VIỆT NAM\n\
TỈNH SƠN HÀ Độc lâp - Tư đo - Hanh phúc\nSố: 4613/QĐ-UBND\nQUYẾT ĐỊNH";
        assert_eq!(
            extract(&[page]).co_quan_ban_hanh.unwrap().value,
            "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ"
        );
        assert_eq!(
            strip_motto("TỈNH ỦY THÁI BÌNH ĐẢNC CỘNG SẢN VIỆT NAM"),
            "TỈNH ỦY THÁI BÌNH"
        );
        let page =
            "ĐẢNG BỘ TỈNH VĨNH ĐÔNG ĐẢNG CỘNG SÁN VIỆT NAIM\nĐẢNG ỦY KHỐI\nDOANH NGHIỆP\nTỈNH\n*\n\
Số 33-NQ/ĐUK Đông Lâm, ngày 9 tháng 7 năm 2018\nNGHỊ QUYẾT";
        let e = extract(&[page]);
        assert_eq!(
            e.co_quan_ban_hanh.unwrap().value,
            "ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH"
        );
        assert_eq!(e.co_quan_cap_tren.unwrap().value, "ĐẢNG BỘ TỈNH VĨNH ĐÔNG");
    }

    #[test]
    fn glued_words_a_half_read_motto_and_body_dates() {
        assert_eq!(
            split_glued_syllables("UBND TỈNH NINHBÌNH"),
            "UBND TỈNH NINH BÌNH"
        );
        assert_eq!(
            split_glued_syllables("HĐND HUYỆN NGHỆ AN"),
            "HĐND HUYỆN NGHỆ AN"
        );
        assert_eq!(split_glued_syllables("ĐẢNG ỦY KHỐI"), "ĐẢNG ỦY KHỐI");
        // An abbreviation ending the name, glued to the word before it.
        assert_eq!(
            split_glued_syllables("ĐẢNG ỦY KHỐI CÁC CƠ QUANTW"),
            "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TW"
        );
        assert_eq!(
            split_glued_syllables("ĐẢNG BỘ KHỐI DOANH NGHIỆPTW"),
            "ĐẢNG BỘ KHỐI DOANH NGHIỆP TW"
        );
        assert_eq!(split_glued_syllables("BAN CÁN SỰ TW"), "BAN CÁN SỰ TW");
        let header = "ĐẢNG ỦY KHỐI CÁC CƠ QUANTW ĐẢNG CỘNG SẢN VIỆT NAM\n*\n\
Số 7-KH/ĐUK Hà Nội, ngày 3 tháng 4 năm 2012\nKẾ HOẠCH\nvề học tập";
        assert_eq!(
            extract(&[header]).co_quan_ban_hanh.unwrap().value,
            "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TW"
        );
        assert_eq!(
            strip_motto("TỈNH ỦY HÀ TĨNH ĐLNG CỘNG SLIN VIỆT NAM"),
            "TỈNH ỦY HÀ TĨNH"
        );
        assert_eq!(
            strip_motto("HỘI NÔNG DÂN VIỆT NAM"),
            "HỘI NÔNG DÂN VIỆT NAM"
        );
        // `1Ì` read for 11 in the date line; a date in the body (under the heading) is never
        // taken for the date of issue, even when the date line is lost.
        let page = "ỦY BAN NHÂN DÂN\nHUYỆN KIM BẢNG\nSố: 1150/QĐ-UBND Kim Bảng, ngày 2 thảng 1Ì năm 2018\n\
QUYẾT ĐỊNH\nVề việc phê duyệt Kế hoạch\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;";
        assert_eq!(extract(&[page]).ngay_ban_hanh.unwrap().value, "2018-11-02");
        let lost = page.replace("ngày 2 thảng 1Ì năm 2018", "ngảy");
        assert_eq!(extract(&[lost.as_str()]).ngay_ban_hanh, None);
    }

    #[test]
    fn a_receipt_stamp_above_the_header_is_no_part_of_the_issuer() {
        // Invented text: the receiving body's name over the stamp, its number and date.
        let page = "BAN DÂN VẬN TỈNH ỦY\n\nĐẾN\n\nChuyển:\n\nSố: 77\nNgày: 2/4/2015\n\
TỈNH ỦY SƠN HÀ ĐẢNG CỘNG SẢN VIỆT NAM\n\nSố: 31-CT/TU\nSơn Hà, ngày 30 tháng 3 năm 2015\n\nCHỈ THỊ\nvề công tác";
        let e = extract(&[page]);
        assert_eq!(e.symbol(), "31-CT/TU");
        assert_eq!(e.co_quan_ban_hanh.unwrap().value, "TỈNH ỦY SƠN HÀ");
        assert!(is_receipt_stamp_line("Ngày: 2/4/2015"));
        assert!(is_receipt_stamp_line("ĐẾN"));
        assert!(!is_receipt_stamp_line("Số: 31-CT/TU"));
        assert!(!is_receipt_stamp_line("ĐẢNG ỦY KHỐI"));
        // A speck stuck to a word of the issuer.
        let page = "TỈNH ỦY SƠN HÀ ĐẢNG CỘNG SẢN VIỆT NAM\nỦY BAN KIỂM 'TRA\n*\n\
Số: 12-QĐ/UBKTTU Sơn Hà, ngày 3 tháng 3 năm 2004\nQUYẾT ĐỊNH\nvề việc";
        assert_eq!(
            extract(&[page]).co_quan_ban_hanh.unwrap().value,
            "ỦY BAN KIỂM TRA TỈNH ỦY SƠN HÀ"
        );
    }

    #[test]
    fn a_symbol_without_its_dash() {
        // Invented bodies: a Party symbol whose dash OCR lost, an older State công văn's.
        let page = "ĐẢNG BỘ TỈNH SƠN HÀ ĐẢNG CỘNG SẢN VIỆT NAM\nTHỊ ỦY PHÚ LÂM\n\
Số13NQ/TU Phú Lâm, ngày 09 tháng 05 năm 1994\nNGHỊ QUYẾT\nvề việc";
        assert_eq!(extract(&[page]).symbol(), "13-NQ/TU");
        let page = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
ỦY BAN NHÂN DÂN\nTỈNH SƠN HÀ\nSố: 233/UB Sơn Hà, ngày 8-10-1984\nV/v thu nộp thuế";
        let e = extract(&[page]);
        assert_eq!(e.symbol(), "233/UB");
        assert_eq!(e.ten_loai.unwrap().value, "Công văn");
        assert_eq!(
            e.co_quan_ban_hanh.unwrap().value,
            "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ"
        );
        // Glued letters that name no type are no symbol.
        let page = "TỈNH ỦY SƠN HÀ\nSố13AB/TU\nSơn Hà, ngày 9 tháng 5 năm 1994\nvề việc";
        assert_eq!(extract(&[page]).ky_hieu, None);
    }

    #[test]
    fn an_issuer_merged_into_the_so_line_ends_the_block() {
        // Invented bodies: the issuer's line and the số read as one line.
        let page = "ĐẢNG BỘ TỈNH SƠN HÀ ĐẢNG CỘNG SẢN VIỆT NAM\nTHỊ ỦY PHÚ LÂM Số 73-TB/TU\n\
Phú Lâm, ngày 31 tháng 3 năm 1997\nTHÔNG BÁO\nvề việc";
        let e = extract(&[page]);
        assert_eq!(e.co_quan_ban_hanh.unwrap().value, "THỊ ỦY PHÚ LÂM");
        assert_eq!(e.co_quan_cap_tren.unwrap().value, "ĐẢNG BỘ TỈNH SƠN HÀ");
        let page = "TỈNH ỦY SƠN HÀ Số27-NQ/TU ĐẢNG CỘNG SẢN VIỆT NAM\n\
Sơn Hà, ngày 15 tháng 8 năm 2014\nNGHỊ QUYẾT\nvề việc";
        let e = extract(&[page]);
        assert_eq!(e.symbol(), "27-NQ/TU");
        assert_eq!(e.co_quan_ban_hanh.unwrap().value, "TỈNH ỦY SƠN HÀ");
        assert_eq!(text_before_so("Số: 12-NQ/TU"), None);
        assert_eq!(text_before_so("x Số: 12/QĐ-UB"), Some("x"));
    }

    #[test]
    fn specks_in_dates_a_lost_vv_and_slips_in_organ_words() {
        // A speck after the month, `]` for 1.
        let page = "HUYỆN ỦY VĨNH LINH ĐẢNG CỘNG SẢN VIỆT NAM\nSố 21-BC/HU Vĩnh Linh, ngày 4 tháng 7Š năm 2011\nBÁO CÁO\nvề công tác dân vận";
        assert_eq!(extract(&[page]).ngay_ban_hanh.unwrap().value, "2011-07-04");
        let page = page.replace("tháng 7Š", "tháng 1]");
        assert_eq!(
            extract(&[page.as_str()]).ngay_ban_hanh.unwrap().value,
            "2011-11-04"
        );
        // `V/v` with its small `v` lost, a `ˆ` speck and TÌNH for TỈNH in the issuer.
        let page = "UBND TỈNH QUẢNG TRỊ ˆ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc\n\
Số: 88/SNV-VP Quảng Trị, ngày 6 tháng 5 năm 2016\nV/ chỉnh lý tài liệu tồn đọng\nKính gửi: Các phòng thuộc Sở";
        let e = extract(&[page]);
        assert_eq!(e.ten_loai.unwrap().value, "Công văn");
        assert_eq!(e.trich_yeu.unwrap().value, "V/v chỉnh lý tài liệu tồn đọng");
        assert_eq!(
            e.co_quan_ban_hanh.unwrap().value,
            "SỞ NỘI VỤ TỈNH QUẢNG TRỊ"
        );
        // A `V/` line that is not under the số is not a trích yếu.
        let body = "UBND TỈNH QUẢNG TRỊ\nSỞ NỘI VỤ\nSố: 88/SNV-VP\nKính gửi: Các phòng\nNội dung\nđoạn hai\nV/ ghi chú ở đây";
        assert_eq!(extract(&[body]).trich_yeu, None);
        // Its ký hiệu names no type but the body and its unit: a công văn's.
        assert_eq!(extract(&[body]).ten_loai.unwrap().value, "Công văn");
        // `V/v` read `V⁄.` (invented text).
        let page = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH SƠN HÀ Độc lập - Tự do - Hạnh phúc\n\
Số: 3301/UBND-TH Sơn Hà, ngày 6 tháng 11 năm 2017\nV⁄.rà soát danh mục hồ sơ\nKính gửi: Các sở";
        let e = extract(&[page]);
        assert_eq!(e.ten_loai.unwrap().value, "Công văn");
        assert_eq!(e.trich_yeu.unwrap().value, "V/v rà soát danh mục hồ sơ");
        let page = "TÌNH ỦY HÀ TĨNH ˆ ĐẢNG CỘNG SẢN VIỆT NAM\nSố 03-CT/TU Hà Tĩnh, ngày 9 tháng 3 năm 1993\nCHỈ THỊ\nvề phòng cháy";
        assert_eq!(
            extract(&[page]).co_quan_ban_hanh.unwrap().value,
            "TỈNH ỦY HÀ TĨNH"
        );
        // ĐẢNG BỘ read as BĂNG BỘ is still the superior Party organisation.
        let page = "BĂNG BỘ THÀNH PHỐ ĐÀ NẴNG ĐẢNG CỘNG SẢN VIỆT NAM\nQUẬN ỦY HẢI CHÂU\n\
Số 145-TB/QU Hải Châu, ngày 15 tháng 10 năm 2012\nTHÔNG BÁO\nvề đại hội";
        let e = extract(&[page]);
        assert_eq!(e.co_quan_ban_hanh.unwrap().value, "QUẬN ỦY HẢI CHÂU");
        assert_eq!(
            e.co_quan_cap_tren.unwrap().value,
            "ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG"
        );
        assert_eq!(restore_organ_words("ĐỘI TÌNH NGUYỆN"), "ĐỘI TÌNH NGUYỆN");
        // Invented names: ĐẢNG misread before ỦY, DÂN after NHÂN, a speck at the end.
        for (read, meant) in [
            ("ĐẲNG ỦY XÃ TÂN LẬP", "ĐẢNG ỦY XÃ TÂN LẬP"),
            ("Đ NG ỦY XÃ TÂN LẬP", "ĐẢNG ỦY XÃ TÂN LẬP"),
            ("ĐÂ'!G ỦY XÃ TÂN LẬP", "ĐẢNG ỦY XÃ TÂN LẬP"),
            (
                "ỦY BAN NHÂN DẪN HUYỆN TÂN LẬP",
                "ỦY BAN NHÂN DÂN HUYỆN TÂN LẬP",
            ),
            ("HUYỆN ỦY TÂN LẬP E", "HUYỆN ỦY TÂN LẬP"),
            ("ĐẢNG ỦY KHỐI CƠ QUAN", "ĐẢNG ỦY KHỐI CƠ QUAN"),
            ("THỊ ỦY TÂN LẬP", "THỊ ỦY TÂN LẬP"),
            ("QUẬN ỦY TÂN LẬP", "QUẬN ỦY TÂN LẬP"),
        ] {
            assert_eq!(restore_organ_words(read), meant, "{read}");
        }
        // A stamp's number glued to a garbled ĐẢNG BỘ.
        let glued = page.replace("BĂNG BỘ", "29/62ÖÄNG BỘ");
        let e = extract(&[glued.as_str()]);
        assert_eq!(e.co_quan_ban_hanh.unwrap().value, "QUẬN ỦY HẢI CHÂU");
        assert_eq!(
            e.co_quan_cap_tren.unwrap().value,
            "ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG"
        );
    }

    #[test]
    fn a_date_line_without_a_plausible_date_still_gives_the_place() {
        // Invented header: a year out of range, then a day left blank.
        let page = "HUYỆN ỦY PHÚ LÂM ĐẢNG CỘNG SẢN VIỆT NAM\n\
Số 12-BC/HU Phú Lâm, ngày 9 tháng 4 năm 2444\nBÁO CÁO\nvề công tác";
        let e = extract(&[page]);
        assert_eq!(e.ngay_ban_hanh, None);
        let place = e.dia_danh.unwrap();
        assert_eq!(place.value, "Phú Lâm");
        assert!(place.confidence < 0.7);
        let page = page.replace("ngày 9 tháng 4 năm 2444", "ngày tháng 4 năm 2011");
        let e = extract(&[page.as_str()]);
        assert_eq!(e.ngay_ban_hanh, None);
        assert_eq!(e.dia_danh.unwrap().value, "Phú Lâm");
    }

    #[test]
    fn empty_text_gives_nothing() {
        assert_eq!(extract(&["", "  "]), Extracted::default());
    }
}
