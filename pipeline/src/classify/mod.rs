//! Read the catalog fields of a Party or State document from its OCR text (DESIGN.md §3).
//!
//! In: the text of a document's pages (first page first). Out: [`Extracted`] fields — tên
//! loại, số and ký hiệu, ngày ban hành and place, cơ quan ban hành, trích yếu, độ mật,
//! độ khẩn — each with a confidence. Matching works on a diacritic-folded copy of the
//! text so OCR slips in tone marks (`ngảy`, `thảng`, `DÂNG ỦY`) do not break it.

use std::sync::LazyLock;

use regex::Regex;

mod signature;

pub use signature::has_closing_block;
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
}

fn reading(value: impl Into<String>, confidence: f32) -> Option<Reading> {
    read_on(value, confidence, 1)
}

fn read_on(value: impl Into<String>, confidence: f32, page: u32) -> Option<Reading> {
    Some(Reading {
        value: value.into(),
        confidence,
        page,
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
            // State style (`424/QĐ-UBND`): the ký hiệu carries the dash.
            (Some(s), Some(k)) if k.value.contains('-') => format!("{}/{}", s.value, k.value),
            // Party style (`05-NQ/ĐUK`).
            (Some(s), Some(k)) => format!("{}-{}", s.value, k.value),
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

/// Folds a line for matching: NFD, combining marks removed, đ→d, upper case.
pub fn fold_upper(text: &str) -> String {
    text.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'D',
            c => c,
        })
        .collect::<String>()
        .to_uppercase()
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

/// Whether `text` holds a số ký hiệu, Party (`05-NQ/ĐUK`) or State (`424/QĐ-UBND`) style.
pub fn has_symbol(text: &str) -> bool {
    PARTY_SYMBOL.is_match(text) || STATE_SYMBOL.is_match(text)
}

/// Whether a folded line (see [`fold_upper`]) holds a date line (`ngày 15 tháng 3 năm 2019`).
pub fn has_date_line(folded: &str) -> bool {
    DATE.is_match(folded)
}

static PARTY_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}\d])(\d{1,5})\s*[-–—]\s*(\p{Lu}[\p{L}]{0,5})\s*/\s*(\p{Lu}[\p{Lu}\d]*(?:\s*-\s*\p{Lu}[\p{Lu}\d]*)?)").unwrap()
});
static STATE_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}\d])(\d{1,5})\s*/\s*((?:\d{4}\s*/\s*)?\p{Lu}[\p{L}]{0,5}\s*-\s*\p{Lu}[\p{Lu}\d]*)").unwrap()
});
/// `V/v` (về việc) opening a Công văn's trích yếu, with OCR's slips (`V⁄%v`), folded.
static VV: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\W{0,2}V\W{1,3}V\b\W*").unwrap());
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"NG[A-Z]{1,2}\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*((?:19|20)\d{2})").unwrap()
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"NG[A-Z]{1,2}\s*(\d{1,2})\s*TH[A-Z]{2,3}\s*(\d{1,2})\s*N[A-Z]{1,3}\s*(\d{4})")
        .unwrap()
});

/// Reads the catalog fields from a document's page texts.
pub fn extract(pages: &[&str]) -> Extracted {
    let mut out = Extracted::default();
    let Some(first) = pages.iter().find(|t| !t.trim().is_empty()) else {
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
            out.ten_loai = reading(ten_loai, confidence);
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
    if let Some(c) = PARTY_SYMBOL.captures(&header_text) {
        out.so = reading(&c[1], 0.9);
        let mut kind = c[2].to_string();
        let mut confidence = 0.9;
        // The heading and the abbreviation name the same type: an abbreviation one OCR slip
        // from the heading's (`TE` under THÔNG BÁO) is read as the heading's (`TB`).
        let known = TYPES.iter().any(|(_, _, abbr)| *abbr == kind);
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
        let issuer: String = c[3].chars().filter(|c| !c.is_whitespace()).collect();
        out.ky_hieu = reading(
            format!("{}/{}", fold_symbol(&kind), fold_symbol(&issuer)),
            confidence,
        );
        if out.ten_loai.is_none() {
            if let Some((_, t, _)) = TYPES
                .iter()
                .find(|(_, _, abbr)| !abbr.is_empty() && abbr.eq_ignore_ascii_case(&kind))
            {
                out.ten_loai = reading(*t, 0.7);
            }
        }
    } else if let Some(c) = STATE_SYMBOL.captures(&header_text) {
        out.so = reading(&c[1], 0.85);
        let ky_hieu: String = c[2].chars().filter(|c| !c.is_whitespace()).collect();
        out.ky_hieu = reading(fold_symbol(&ky_hieu), 0.85);
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
            let by_common = TYPES
                .iter()
                .find(|(_, _, abbr)| !abbr.is_empty() && *abbr == kind)
                .map(|(_, t, _)| *t);
            if let Some(t) = by_state.or(by_common) {
                out.ten_loai = reading(t, 0.7);
            }
        }
    }

    // Date line: "<place>, ngày 15 tháng 3 năm 2019" (or "ngày 2-7-1996").
    for (i, f) in folded.iter().enumerate().take(header_end) {
        if let Some(c) = DATE.captures(f).or_else(|| NUMERIC_DATE.captures(f)) {
            let (d, m, y) = (
                c[1].parse::<u32>().unwrap_or(0),
                c[2].parse::<u32>().unwrap_or(0),
                c[3].parse::<i32>().unwrap_or(0),
            );
            if let Some(date) = chrono::NaiveDate::from_ymd_opt(y, m, d) {
                out.ngay_ban_hanh = reading(date.format("%Y-%m-%d").to_string(), 0.9);
                let start = c.get(0).map_or(0, |m| m.start());
                // The place precedes the date on the same line (after a header column, if merged).
                let before: String = lines[i].chars().take(f[..start].chars().count()).collect();
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
                    if !starts_upper
                        || all_upper
                        || w.contains(|c: char| c.is_ascii_digit() || c == '/')
                    {
                        break;
                    }
                    place.insert(0, w);
                }
                let place = place.join(" ");
                let place = place.trim_end_matches(',').trim();
                if !place.is_empty() && place.chars().count() < 40 {
                    out.dia_danh = reading(place, 0.7);
                }
                break;
            }
        }
    }

    // Issuing body: the capitalised header lines just above the số line, without the
    // Party motto that a two-column header often merges into them, and without the
    // superior body on the first line (ĐẢNG BỘ TỈNH …) when the block has several lines.
    let so_line = folded
        .iter()
        .take(header_end)
        .position(|f| f.starts_with("SO") && f.chars().any(|c| c.is_ascii_digit()));
    if let Some(so_line) = so_line {
        // Each line's trailing run of capitalised words: a receipt stamp or scanner noise
        // in front (`yến:…… ĐẢNG ỦY KHỐI`) is left out; at most three lines.
        let mut block: Vec<String> = Vec::new();
        for i in (0..so_line).rev() {
            let cleaned = capitalised_tail(&strip_motto(lines[i]));
            let letters = cleaned.chars().filter(|c| c.is_alphabetic()).count();
            if letters <= 2 {
                continue; // the `*` under the issuing body (`x`, `+»`), stamp noise
            }
            block.insert(0, cleaned);
            if block.len() == 3 {
                break;
            }
        }
        // The first line names the superior body. The Party organisation (ĐẢNG BỘ TỈNH …)
        // is not part of the issuer's name; a superior organ is (TỈNH ỦY QUẢNG BÌNH / ỦY BAN
        // KIỂM TRA, UBND TỈNH … / SỞ NỘI VỤ), so the issuer is written as in the header.
        if block.len() >= 2 {
            let first = fold_upper(&block[0]);
            out.co_quan_cap_tren = reading(block[0].clone(), 0.7);
            if first.contains("DANG BO") || first.starts_with("BO ") {
                block.remove(0);
            }
        }
        if !block.is_empty() {
            out.co_quan_ban_hanh = reading(block.join(" "), 0.7);
        }
    }

    // A Công văn has no type heading: its trích yếu is the `V/v …` line under the số.
    if type_line.is_none() {
        if let Some(i) = folded.iter().take(header_end).position(|f| VV.is_match(f)) {
            if out.ten_loai.is_none() {
                out.ten_loai = reading("Công văn", 0.7);
            }
            let first = VV.replace(lines[i], "").trim().to_string();
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
            out.trich_yeu = reading(parts.join(" "), 0.75);
        }
    }

    // Trích yếu: the lines under the type heading, up to the first blank or body line.
    if let Some(t) = type_line {
        let mut parts = Vec::new();
        let rest_of_heading = lines[t]
            .chars()
            .skip_while(|c| !c.is_lowercase())
            .collect::<String>();
        if !rest_of_heading.trim().is_empty() && rest_of_heading.len() > 3 {
            parts.push(rest_of_heading.trim().to_string());
        }
        for line in lines.iter().skip(t + 1).take(4) {
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
            out.trich_yeu = reading(parts.join(" "), confidence);
        }
    }

    // Độ mật / độ khẩn marks in the header area.
    for f in folded.iter().take(header_end) {
        let f = f.trim();
        if out.do_mat.is_none() {
            for (mark, value) in [
                ("TUYET MAT", "Tuyệt mật"),
                ("TOI MAT", "Tối mật"),
                ("MAT", "Mật"),
            ] {
                if f == mark {
                    out.do_mat = reading(value, 0.8);
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
                    out.do_khan = reading(value, 0.8);
                    break;
                }
            }
        }
    }
    signature::read(pages, &mut out);
    out
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
fn edit_distance(a: &str, b: &str) -> usize {
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

/// The trailing run of words written in capitals (`ĐẢNG ỦY KHỐI` of `yến:… ĐẢNG ỦY KHỐI`).
fn capitalised_tail(line: &str) -> String {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| !w.chars().any(char::is_alphabetic))
    {
        words.pop(); // `-_` left between the columns
    }
    let mut cut = words.len();
    while cut > 0 {
        let letters: Vec<char> = words[cut - 1]
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        if letters.is_empty() && words[cut - 1] != "-" || letters.iter().any(|c| c.is_lowercase()) {
            break;
        }
        cut -= 1;
    }
    words[cut..]
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

fn strip_motto(line: &str) -> String {
    let folded = fold_upper(line);
    let motto = [
        "DANG CONG SAN VIET NAM",
        "CONG HOA XA HOI CHU NGHIA",
        "DOC LAP",
    ]
    .iter()
    .filter_map(|m| folded.find(m))
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
    fn empty_text_gives_nothing() {
        assert_eq!(extract(&["", "  "]), Extracted::default());
    }
}
