//! Split a hồ sơ's pages into documents (DESIGN.md §3).
//!
//! In: the pages of one hồ sơ in order ([`PageView`]: hồ sơ page number, text, blank or not)
//! and the archivist's page ranges from `hoso.json`. Out: a [`Segmentation`]: document drafts
//! (their pages and review notes) and the blank pages. Blank pages (backs of sheets) are
//! skipped by the splitting and stay with the document they are in (a leading one with the
//! next), so every scanned page is in some document's access copy; they are not counted
//! in its số trang.
//!
//! The archivist's ranges win. The other pages are split where a page opens a document:
//! first-page cues in its header (the Party or State motto, an issuing body, a số ký hiệu, a
//! type heading, a date line), weighed against continuity cues (a printed page number above
//! 1, a page that starts mid-sentence, an attachment heading such as `PHỤ LỤC` or `(Ban hành
//! kèm theo …)` which stays with its document). A page after a closing block (signature,
//! Nơi nhận) needs fewer cues to open the next document. A jump in printed page numbers
//! inside a document is noted as a possibly missing page.

use std::sync::LazyLock;

use regex::Regex;

use crate::classify::{fold_upper, has_closing_block, has_date_line, has_symbol, type_heading};

/// One page of a hồ sơ as the splitter sees it.
#[derive(Debug, Clone, Copy)]
pub struct PageView<'a> {
    /// 1-based page number within the hồ sơ.
    pub number: u32,
    pub text: &'a str,
    pub blank: bool,
}

/// A document as split: its hồ sơ pages and what a reviewer should check.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentDraft {
    pub pages: Vec<u32>,
    /// Whether the archivist's `hoso.json` gave this range.
    pub given: bool,
    /// Review notes (a possibly missing page, a split the cues did not make sure of).
    pub notes: Vec<String>,
}

/// The documents of a hồ sơ and the blank pages left out of them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Segmentation {
    pub documents: Vec<DocumentDraft>,
    pub blank_pages: Vec<u32>,
}

/// What the top and bottom of a page say about where it sits in a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageCues {
    /// `ĐẢNG CỘNG SẢN VIỆT NAM` or `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` / `Độc lập - Tự do`.
    pub motto: bool,
    /// An issuing body line (`ĐẢNG ỦY …`, `TỈNH ỦY …`, `ỦY BAN NHÂN DÂN …`, `BAN …`).
    pub issuer: bool,
    pub symbol: bool,
    pub type_heading: bool,
    pub date_line: bool,
    /// `PHỤ LỤC`, `(Ban hành kèm theo …)`, `(Kèm theo …)`: an attachment's first page.
    pub attachment: bool,
    /// A page number printed alone at the top or bottom of the page.
    pub printed_number: Option<u32>,
    /// The page starts in lower case: a sentence carried over from the page before.
    pub continues_sentence: bool,
    /// A closing block: `Nơi nhận`, a signing authority (`T/M`, `K/T`, `T/L`).
    pub closing: bool,
    /// The closing block opens the page (the end of a document carried onto a page of its
    /// own, the rest of the page empty): the page belongs to the document before it.
    pub closing_at_top: bool,
}

/// Lines of a page's top that carry first-page cues.
const HEADER_LINES: usize = 14;

/// Lines of a page's top within which a closing block makes the page the end of the
/// document before it (a line of body text may come first).
const CLOSING_TOP_LINES: usize = 3;

static PRINTED_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-–—\s.]*(\d{1,3})[-–—\s.]*$").unwrap());

const ISSUER_PREFIXES: &[&str] = &[
    "DANG UY",
    "DANG BO",
    "TINH UY",
    "THANH UY",
    "HUYEN UY",
    "QUAN UY",
    "THI UY",
    "CHI BO",
    "BAN CHAP HANH",
    "BAN THUONG VU",
    "BAN TO CHUC",
    "BAN TUYEN GIAO",
    "BAN DAN VAN",
    "BAN NOI CHINH",
    "BAN BI THU",
    "BO CHINH TRI",
    "UY BAN KIEM TRA",
    "UY BAN NHAN DAN",
    "HOI DONG NHAN DAN",
    "VAN PHONG",
    "TRUNG UONG",
];

impl PageCues {
    /// Reads the cues of one page's text.
    pub fn of(text: &str) -> PageCues {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let mut cues = PageCues::default();
        let Some(first) = lines.first() else {
            return cues;
        };
        let head = &lines[..lines.len().min(HEADER_LINES)];
        let folded: Vec<String> = head.iter().map(|l| fold_upper(l)).collect();
        for (line, f) in head.iter().zip(&folded) {
            let compact: String = f.split_whitespace().collect::<Vec<_>>().join(" ");
            if compact.contains("DANG CONG SAN VIET NAM")
                || compact.contains("CONG HOA XA HOI CHU NGHIA")
                || compact.contains("DOC LAP - TU DO")
                || compact.contains("DOC LAP TU DO")
            {
                cues.motto = true;
            }
            let capitals = line.chars().filter(|c| c.is_uppercase()).count();
            let letters = line.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 6
                && capitals * 10 >= letters * 8
                && ISSUER_PREFIXES.iter().any(|p| compact.starts_with(p))
            {
                cues.issuer = true;
            }
            if (compact.starts_with("SO") || compact.contains(" SO ")) && has_symbol(line) {
                cues.symbol = true;
            }
            if letters >= 4 && capitals * 10 >= letters * 8 && type_heading(line).is_some() {
                cues.type_heading = true;
            }
            if has_date_line(&compact) {
                cues.date_line = true;
            }
            // At the start of a line only: a Quyết định's `Điều 1. Ban hành kèm theo Quyết
            // định này …` is a first page's body, not an attachment heading.
            let bare = compact.trim_start_matches(|c: char| !c.is_alphanumeric());
            if bare.starts_with("PHU LUC")
                || bare.starts_with("BAN HANH KEM THEO")
                || bare.starts_with("KEM THEO")
            {
                cues.attachment = true;
            }
        }
        let edges = lines.iter().take(2).chain(lines.iter().rev().take(2));
        cues.printed_number = edges
            .filter_map(|l| PRINTED_NUMBER.captures(l))
            .filter_map(|c| c[1].parse::<u32>().ok())
            .find(|n| (1..500).contains(n));
        let first_words = lines
            .iter()
            .find(|l| !PRINTED_NUMBER.is_match(l))
            .unwrap_or(first);
        cues.continues_sentence = first_words
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase);
        cues.closing = has_closing_block(text);
        // The closing block's first line among the page's first lines (after a printed page
        // number), and no first-page header around it.
        cues.closing_at_top = cues.closing
            && cues.opening_score() <= 1
            && lines
                .iter()
                .filter(|l| !PRINTED_NUMBER.is_match(l))
                .take(CLOSING_TOP_LINES)
                .any(|l| has_closing_block(l));
        cues
    }

    /// A clean first-page header: the motto, the issuing body or the số ký hiệu, and the
    /// type heading or the date line (a Party or State document's first page read well).
    /// It opens a document whatever else the page holds, unless it is an attachment's.
    pub fn clean_header(&self) -> bool {
        self.motto && (self.issuer || self.symbol) && (self.type_heading || self.date_line)
    }

    /// How strongly the page's top says "a document starts here".
    pub fn opening_score(&self) -> u32 {
        [
            self.motto,
            self.issuer,
            self.symbol,
            self.type_heading,
            self.date_line,
        ]
        .iter()
        .map(|&b| u32::from(b))
        .sum()
    }
}

/// Splits a hồ sơ's pages into documents; `ranges` are the archivist's (inclusive, hồ sơ page
/// numbers) and win over the cues.
pub fn split(pages: &[PageView], ranges: &[(u32, u32)]) -> Segmentation {
    let mut out = Segmentation::default();
    let in_range = |n: u32| ranges.iter().any(|&(a, b)| (a..=b).contains(&n));
    for &(a, b) in ranges {
        let group: Vec<u32> = pages
            .iter()
            .filter(|p| (a..=b).contains(&p.number))
            .map(|p| p.number)
            .collect();
        if !group.is_empty() {
            out.documents.push(DocumentDraft {
                pages: group,
                given: true,
                notes: Vec::new(),
            });
        }
    }
    out.blank_pages = pages.iter().filter(|p| p.blank).map(|p| p.number).collect();

    // The other pages, split by their cues.
    let mut current: Option<(DocumentDraft, Option<u32>)> = None;
    let mut previous: Option<(u32, PageCues)> = None;
    let mut leading_blanks: Vec<u32> = Vec::new();
    for page in pages.iter().filter(|p| !in_range(p.number)) {
        if page.blank {
            match current.as_mut() {
                Some((doc, _)) => doc.pages.push(page.number),
                None => leading_blanks.push(page.number),
            }
            continue;
        }
        let cues = PageCues::of(page.text);
        let adjacent = previous.as_ref().is_some_and(|(n, _)| {
            // Only blank pages (or none) between: the same run of pages.
            pages
                .iter()
                .filter(|p| p.number > *n && p.number < page.number)
                .all(|p| p.blank)
        });
        let after_closing = previous.as_ref().is_some_and(|(_, c)| c.closing);
        let opens = match &current {
            None => true,
            Some(_) if !adjacent => true,
            Some(_) => opens_document(&cues, after_closing),
        };
        if opens {
            if let Some((doc, _)) = current.take() {
                out.documents.push(doc);
            }
            let mut notes = Vec::new();
            if cues.opening_score() <= 1 && !cues.attachment {
                notes.push(format!(
                    "page {}: few first-page cues; check where this document starts",
                    page.number
                ));
            }
            let mut first_pages = std::mem::take(&mut leading_blanks);
            first_pages.push(page.number);
            current = Some((
                DocumentDraft {
                    pages: first_pages,
                    given: false,
                    notes,
                },
                Some(cues.printed_number.unwrap_or(1)),
            ));
        } else if let Some((doc, last_printed)) = current.as_mut() {
            if let (Some(before), Some(now)) = (*last_printed, cues.printed_number) {
                if now > before + 1 && now <= before + 20 {
                    doc.notes.push(format!(
                        "printed page numbers jump from {before} to {now} before page {}: \
                         a page may be missing",
                        page.number
                    ));
                }
            }
            if cues.attachment {
                // An attachment numbers its pages afresh.
                *last_printed = cues.printed_number.or(Some(1));
            } else if cues.printed_number.is_some() {
                *last_printed = cues.printed_number;
            } else {
                *last_printed = last_printed.map(|n| n + 1);
            }
            doc.pages.push(page.number);
        }
        previous = Some((page.number, cues));
    }
    if let Some((mut doc, _)) = current {
        doc.pages.extend(leading_blanks);
        out.documents.push(doc);
    } else if !leading_blanks.is_empty() {
        // Only blank pages outside the archivist's ranges: a document of blank pages.
        out.documents.push(DocumentDraft {
            pages: leading_blanks,
            given: false,
            notes: vec!["only blank pages".into()],
        });
    }
    out.documents.sort_by_key(|d| d.pages[0]);
    out
}

/// Whether a page (not the first of its run) opens a new document.
fn opens_document(cues: &PageCues, after_closing: bool) -> bool {
    // An attachment may repeat its issuer's full header (a Quy chế "ban hành kèm theo"
    // a Quyết định): it stays with its document.
    if cues.attachment {
        return false;
    }
    if cues.clean_header() {
        return true;
    }
    if cues.closing_at_top {
        return false;
    }
    if cues.printed_number.is_some_and(|n| n >= 2) && cues.opening_score() < 3 {
        return false;
    }
    let score = cues.opening_score();
    if cues.continues_sentence && score < 3 {
        return false;
    }
    score >= 2 || (after_closing && score >= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTY_FIRST: &str = "ĐẢNG BỘ TỈNH QUẢNG BÌNH ĐẢNG CỘNG SẢN VIỆT NAM\n\
HUYỆN ỦY LỆ THỦY\n*\nSố 45-NQ/HU Lệ Thủy, ngày 12 tháng 3 năm 2009\n\
NGHỊ QUYẾT\nvề phát triển kinh tế trang trại\nThực hiện Nghị quyết của Tỉnh ủy, ...";
    const MIDDLE: &str = "2\nnhững năm qua kinh tế trang trại đã có bước phát triển\n\
II. MỤC TIÊU\nPhấn đấu đến năm 2015";
    const LAST: &str = "3\ncác cấp ủy tổ chức thực hiện.\nNơi nhận: T/M BAN THƯỜNG VỤ\n\
- Như trên, BÍ THƯ\nTrần Công Thuật";
    const STATE_FIRST: &str = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
TỈNH QUẢNG TRỊ Độc lập - Tự do - Hạnh phúc\nSố: 424/QĐ-UBND Đông Hà, ngày 2 tháng 10 năm 2015\n\
QUYẾT ĐỊNH\nVề việc thành lập tổ công tác";
    const ATTACHMENT: &str = ": PHỤ LỤC\n(Ban hành kèm theo Kế hoạch số 68-KH/ĐUK)\n\
DANH MỤC CÁC NHIỆM VỤ\n1. Rà soát";

    fn view(texts: &[&'static str]) -> Vec<PageView<'static>> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| PageView {
                number: i as u32 + 1,
                text: t,
                blank: t.is_empty(),
            })
            .collect()
    }

    fn pages(s: &Segmentation) -> Vec<Vec<u32>> {
        s.documents.iter().map(|d| d.pages.clone()).collect()
    }

    #[test]
    fn splits_at_first_pages_and_keeps_continuations_and_attachments() {
        let texts = [
            PARTY_FIRST,
            MIDDLE,
            LAST,
            "",
            STATE_FIRST,
            ATTACHMENT,
            PARTY_FIRST,
        ];
        let s = split(&view(&texts), &[]);
        assert_eq!(pages(&s), [vec![1, 2, 3, 4], vec![5, 6], vec![7]]);
        assert_eq!(s.blank_pages, [4]);
        assert!(s.documents.iter().all(|d| d.notes.is_empty()), "{s:?}");
    }

    #[test]
    fn a_jump_in_printed_page_numbers_is_noted() {
        let s = split(&view(&[PARTY_FIRST, LAST]), &[]);
        assert_eq!(pages(&s), [vec![1, 2]]);
        assert!(s.documents[0].notes[0].contains("from 1 to 3"));
    }

    #[test]
    fn the_archivists_ranges_win() {
        let s = split(&view(&[PARTY_FIRST, MIDDLE, PARTY_FIRST, LAST]), &[(1, 3)]);
        assert_eq!(pages(&s), [vec![1, 2, 3], vec![4]]);
        assert!(s.documents[0].given);
        assert!(!s.documents[1].given);
    }

    #[test]
    fn a_closing_block_alone_ends_the_document_and_a_state_header_opens_the_next() {
        // The last page of a long Party plan holds only its closing block, at the top; the
        // next page is a State decision whose Điều 1 promulgates a text "kèm theo".
        const PLAN_FIRST: &str = "ĐẢNG BỘ TỈNH SƠN HÀ ĐẢNG CỘNG SẢN VIỆT NAM\n\
HUYỆN ỦY BẮC LÂM\n*\nSố 31-KH/HU Bắc Lâm, ngày 4 tháng 5 năm 2021\nKẾ HOẠCH\n\
triển khai chương trình chuyển đổi số\nThực hiện chương trình của Tỉnh ủy, ...";
        const CLOSING_ONLY: &str = "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\
Nơi nhận:\n- Ban Thường vụ Tỉnh ủy (b/c),\n- Lưu VP.\nHồ Đức Trọng\n- 10 -";
        const DECISION: &str = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
TỈNH SƠN HÀ Độc lập - Tự do - Hạnh phúc\n\
Số: 87/QĐ-UBND Sơn Hà, ngày 12 tháng 5 năm 2021\nQUYẾT ĐỊNH\n\
Ban hành Quy chế làm việc\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\
QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.";
        let texts = [PLAN_FIRST, MIDDLE, CLOSING_ONLY, DECISION, LAST];
        let s = split(&view(&texts), &[]);
        assert_eq!(pages(&s), [vec![1, 2, 3], vec![4, 5]]);
        assert!(PageCues::of(CLOSING_ONLY).closing_at_top);
        assert!(PageCues::of(DECISION).clean_header());
        assert!(!PageCues::of(DECISION).attachment);
        // The closing-block page stays with its document even when an issuer-like line
        // (`BAN THƯỜNG VỤ` on a line of its own) follows a closing page before it.
        let own_line = "T/M\nBAN THƯỜNG VỤ\nBÍ THƯ\nHồ Đức Trọng";
        let s = split(&view(&[PLAN_FIRST, LAST, own_line, DECISION]), &[]);
        assert_eq!(pages(&s), [vec![1, 2, 3], vec![4]]);
        // A Quy chế promulgated with the decision repeats the full header: it stays.
        let rules = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
TỈNH SƠN HÀ Độc lập - Tự do - Hạnh phúc\nQUY CHẾ\nLàm việc của Ủy ban nhân dân tỉnh\n\
(Ban hành kèm theo Quyết định số 87/QĐ-UBND ngày 12 tháng 5 năm 2021)";
        let s = split(&view(&[DECISION, rules, LAST]), &[]);
        assert_eq!(pages(&s), [vec![1, 2, 3]]);
    }

    #[test]
    fn cues_survive_ocr_slips() {
        let cues =
            PageCues::of("DÂNG ỦY KHỐI CƠ QUAN DÂNG CỘNG SẢN VIỆT NAM\nSố 68 -KH/ĐUK\nKẾ HOẠCH");
        assert!(cues.motto && cues.issuer && cues.symbol && cues.type_heading);
        assert_eq!(PageCues::of("- 2 -\ntiếp tục").printed_number, Some(2));
        assert!(PageCues::of("- 2 -\ntiếp tục").continues_sentence);
    }
}
