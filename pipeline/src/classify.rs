//! Read the catalog fields of a Party or State document from its OCR text (DESIGN.md §3).
//!
//! In: the text of a document's pages (first page first). Out: [`Extracted`] fields — tên
//! loại, số and ký hiệu, ngày ban hành and place, cơ quan ban hành, trích yếu, độ mật,
//! độ khẩn — each with a confidence. Matching works on a diacritic-folded copy of the
//! text so OCR slips in tone marks (`ngảy`, `thảng`, `DÂNG ỦY`) do not break it.

use std::sync::LazyLock;

use regex::Regex;
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
    ("BAN SAO", "Bản sao", "BS"),
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
];

/// A value read from the document with how sure the reading is (0–1).
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub value: String,
    pub confidence: f32,
}

fn reading(value: impl Into<String>, confidence: f32) -> Option<Reading> {
    Some(Reading {
        value: value.into(),
        confidence,
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

static PARTY_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}\d])(\d{1,5})\s*[-–—]\s*(\p{Lu}[\p{L}]{0,5})\s*/\s*(\p{Lu}[\p{Lu}\d]*(?:\s*-\s*\p{Lu}[\p{Lu}\d]*)?)").unwrap()
});
static STATE_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}\d])(\d{1,5})\s*/\s*((?:\d{4}\s*/\s*)?\p{Lu}[\p{L}]{0,5}\s*-\s*\p{Lu}[\p{Lu}\d]*)").unwrap()
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
    'lines: for (i, f) in folded.iter().enumerate().take(header_end) {
        let f = f.trim_matches(|c: char| !c.is_alphanumeric());
        for (name, ten_loai, _) in TYPES {
            let confidence = if f == *name {
                0.95
            } else if f.starts_with(name)
                && f.len() <= name.len() + 40
                && lines[i].chars().filter(|c| c.is_lowercase()).count() < 3
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
            out.ten_loai = reading(*ten_loai, confidence);
            type_line = Some(i);
            break 'lines;
        }
    }

    // Số and ký hiệu: Party style first, then State style, in the header.
    let header_text: String = lines[..type_line.unwrap_or(header_end).min(header_end)].join("\n");
    if let Some(c) = PARTY_SYMBOL.captures(&header_text) {
        out.so = reading(&c[1], 0.9);
        let kind = c[2].to_string();
        let issuer: String = c[3].chars().filter(|c| !c.is_whitespace()).collect();
        out.ky_hieu = reading(format!("{kind}/{issuer}"), 0.9);
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
        out.ky_hieu = reading(
            c[2].chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>(),
            0.85,
        );
    }

    // Date line: "<place>, ngày 15 tháng 3 năm 2019".
    for (i, f) in folded.iter().enumerate().take(header_end) {
        if let Some(c) = DATE.captures(f) {
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
                let place = before
                    .rsplit("NAM")
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches(',')
                    .trim();
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
        let mut block: Vec<String> = Vec::new();
        for i in (0..so_line).rev() {
            let cleaned = strip_motto(lines[i]);
            let letters: Vec<char> = cleaned.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.is_empty() {
                continue; // the `*` under the issuing body
            }
            let capitals = letters.iter().filter(|c| c.is_uppercase()).count();
            if letters.len() < 2 || capitals * 10 < letters.len() * 8 {
                break;
            }
            block.insert(0, cleaned);
        }
        let superior = [
            "DANG BO",
            "TINH UY",
            "THANH UY",
            "HUYEN UY",
            "QUAN UY",
            "THI UY",
            "BAN CHAP HANH TRUNG UONG",
            "UY BAN NHAN DAN TINH",
        ];
        if block.len() >= 2
            && superior
                .iter()
                .any(|s| fold_upper(&block[0]).starts_with(s))
        {
            block.remove(0);
        }
        if !block.is_empty() {
            out.co_quan_ban_hanh = reading(block.join(" "), 0.7);
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
                || f.starts_with("- ")
                || f.starts_with("I.")
                || f.starts_with("PHAN ")
                || line.ends_with(':')
                || (starts_sentence && !parts.is_empty() && !f.starts_with("VE "));
            if body_start || line.len() > 120 {
                break;
            }
            parts.push(line.to_string());
            if parts.len() >= 3 {
                break;
            }
        }
        if !parts.is_empty() {
            out.trich_yeu = reading(parts.join(" "), 0.6);
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
    out
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

fn strip_motto(line: &str) -> String {
    let folded = fold_upper(line);
    match folded.find("DANG CONG SAN VIET NAM") {
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
    fn empty_text_gives_nothing() {
        assert_eq!(extract(&["", "  "]), Extracted::default());
    }
}
