//! Read the closing block of a document: thẩm quyền, chức vụ, người ký and nơi nhận.
//!
//! In: the page texts of one document. Out: the `tham_quyen`, `chuc_vu`, `nguoi_ky` and
//! `noi_nhan` fields of [`Extracted`], read from the last page with text. The signature
//! block sits bottom right and Nơi nhận bottom left, so OCR often merges the two columns into
//! one line (`- Như trên, PHÓ BÍ THƯ`): each line is split into its left part (recipients)
//! and a trailing capitalised part (signature block) before reading.

use std::sync::LazyLock;

use regex::Regex;

use super::{fold_upper, read_on, Extracted};

/// Signing authority at the start of the block (folded): `T/M`, `K/T`, `T/L` in Party style,
/// `TM.`, `KT.`, `TL.`, `Q.`, `TUQ.` in State style, with OCR's spaces and slips.
static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^A-Z])(T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|TM\s*\.|KT\s*\.|TL\s*\.|TUQ\s*\.|Q\s*\.)\s*([A-Z].*)$")
        .unwrap()
});

/// Positions that head a signature block, longest first.
const POSITIONS: &[&str] = &[
    "PHÓ BÍ THƯ THƯỜNG TRỰC",
    "PHÓ CHỦ TỊCH THƯỜNG TRỰC",
    "PHÓ CHÁNH VĂN PHÒNG",
    "CHÁNH VĂN PHÒNG",
    "PHÓ TRƯỞNG BAN",
    "TRƯỞNG BAN",
    "PHÓ CHỦ NHIỆM",
    "CHỦ NHIỆM",
    "PHÓ CHỦ TỊCH",
    "CHỦ TỊCH",
    "PHÓ BÍ THƯ",
    "BÍ THƯ",
    "PHÓ GIÁM ĐỐC",
    "GIÁM ĐỐC",
    "PHÓ TRƯỞNG PHÒNG",
    "TRƯỞNG PHÒNG",
    "PHÓ VIỆN TRƯỞNG",
    "VIỆN TRƯỞNG",
    "THƯ KÝ",
    "CHỦ TỌA",
    "CHỦ TRÌ",
    "TRƯỞNG ĐOÀN",
    "PHÓ TỔNG BIÊN TẬP",
    "TỔNG BIÊN TẬP",
];

/// Fills the closing-block fields of `out` from the last page of `pages` that has a closing
/// block (an attachment after the signed document has none), else the last page with text.
pub(super) fn read(pages: &[&str], out: &mut Extracted) {
    let has_closing = |t: &str| has_closing_block(t);
    let with_text = || {
        pages
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, t)| !t.trim().is_empty())
    };
    let Some((index, text)) = with_text()
        .find(|(_, t)| has_closing(t))
        .or_else(|| with_text().next())
    else {
        return;
    };
    let page = index as u32 + 1;
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // The closing block is in the lower part of a page; a one-page document's header also
    // holds capitals, so the search starts after the first third.
    let start = if pages.len() == 1 { lines.len() / 3 } else { 0 };

    // Nơi nhận: the lines after `Nơi nhận:`, each recipient starting with a dash.
    let noi_nhan_at = (start..lines.len()).find(|&i| fold_upper(lines[i]).contains("NOI NHAN"));
    let mut recipients: Vec<String> = Vec::new();
    if let Some(at) = noi_nhan_at {
        for line in &lines[at + 1..] {
            let (left, _) = split_columns(line);
            let left = left.trim();
            if left.is_empty() {
                continue;
            }
            if starts_with_dash(left) {
                recipients.push(left.to_string());
            } else if let Some(last) = recipients.last_mut() {
                // A recipient wrapped onto the next line continues in lower case.
                if left.chars().next().is_some_and(char::is_lowercase) {
                    last.push(' ');
                    last.push_str(left);
                } else if recipients.len() >= 2 {
                    break;
                }
            }
            if recipients.len() >= 20 {
                break;
            }
        }
    }
    if !recipients.is_empty() {
        out.noi_nhan = recipients;
        out.noi_nhan_page = page;
    }

    // Thẩm quyền: `T/M BAN THƯỜNG VỤ` and the position on the line below (or, for `K/T
    // BÍ THƯ`, the position below it: `PHÓ BÍ THƯ`).
    let mut position_at = None;
    for i in (start..lines.len()).rev() {
        let folded = fold_aligned(lines[i]);
        if let Some(c) = AUTHORITY.captures(&folded) {
            let code: String = c[1].chars().filter(char::is_ascii_alphabetic).collect();
            let code = match code.as_str() {
                "TM" => "T/M".to_string(),
                "KT" => "K/T".to_string(),
                "TL" => "T/L".to_string(),
                other => format!("{other}."),
            };
            let rest_start = folded[..c.get(2).map_or(0, |m| m.start())].chars().count();
            let rest: String = lines[i].chars().skip(rest_start).collect();
            out.tham_quyen = read_on(format!("{code} {}", rest.trim()), 0.8, page);
            position_at = Some(i + 1);
            break;
        }
    }
    // Chức vụ: the first capitalised position line after the authority, or the lowest known
    // position line when there is no authority (a head signing in their own name).
    let mut name_from = position_at;
    match position_at {
        Some(from) => {
            for (i, line) in lines.iter().enumerate().skip(from).take(3) {
                let (_, right) = split_columns(line);
                if let Some(position) = right.filter(|r| looks_like_position(r)) {
                    let (position, confidence) = clean_position(&position);
                    out.chuc_vu = read_on(position, confidence, page);
                    name_from = Some(i + 1);
                    break;
                }
            }
        }
        None => {
            for i in (start..lines.len()).rev() {
                let (_, right) = split_columns(lines[i]);
                // Two signers side by side (`THƯ KÝ CHỦ TRÌ`): the right one is the head.
                let right = right.and_then(|r| {
                    let words: Vec<&str> = r.split_whitespace().collect();
                    (0..words.len())
                        .map(|k| words[k..].join(" "))
                        .find(|suffix| known_position(suffix))
                });
                if let Some(position) = right {
                    let (position, _) = clean_position(&position);
                    out.chuc_vu = read_on(position, 0.6, page);
                    name_from = Some(i + 1);
                    break;
                }
            }
        }
    }
    // Người ký: the first name-shaped line under the position (the seal and signature in
    // between read as noise).
    if let Some(from) = name_from {
        for line in lines.iter().skip(from).take(10) {
            if let Some(name) = trailing_name(line) {
                out.nguoi_ky = read_on(name, 0.7, page);
                break;
            }
        }
    }
}

/// Whether a page's text holds a closing block: `Nơi nhận` or a signing authority.
pub fn has_closing_block(text: &str) -> bool {
    text.lines().any(|l| {
        let f = fold_aligned(l);
        f.contains("NOI NHAN") || AUTHORITY.is_match(&f)
    })
}

/// Folds a line character by character (each char to one char), so positions in the
/// folded line are positions in the original line.
fn fold_aligned(line: &str) -> String {
    line.chars()
        .map(|c| {
            let folded = fold_upper(&c.to_string());
            let mut chars = folded.chars();
            match (chars.next(), chars.next()) {
                (Some(f), None) => f,
                _ => c,
            }
        })
        .collect()
}

fn starts_with_dash(s: &str) -> bool {
    s.starts_with(['-', '–', '—', '•', '+'])
}

/// Splits a line into its left part and a trailing run of capitalised words (the right
/// column of a closing block), when there is one of at least two letters.
fn split_columns(line: &str) -> (String, Option<String>) {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut cut = words.len();
    while cut > 0 {
        let w = words[cut - 1];
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        if !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()) {
            cut -= 1;
        } else {
            break;
        }
    }
    // An abbreviation closing the left part (`Lưu VT.`, `Ban Tổ chức TU,`) stays there.
    while cut < words.len() && words[cut].ends_with(['.', ',', ';', ':', ')']) {
        cut += 1;
    }
    let right = &words[cut..];
    if right
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphabetic())
        .count()
        < 4
    {
        return (line.to_string(), None);
    }
    (words[..cut].join(" "), Some(right.join(" ")))
}

/// The letters of a line as space-separated words (`_“BÍ-THƯ` → `BÍ THƯ`).
fn letters_only(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_alphabetic() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The known position a line names, allowing OCR slips from a seal over it (`PHÓ%Í THƯ`).
fn nearest_position(s: &str) -> Option<&'static str> {
    let folded = fold_upper(&letters_only(s));
    POSITIONS
        .iter()
        .map(|p| (p, super::edit_distance(&folded, &fold_upper(p))))
        .filter(|(p, d)| *d == 0 || (p.len() >= 6 && *d <= 2))
        .min_by_key(|(_, d)| *d)
        .map(|(p, _)| *p)
}

fn known_position(s: &str) -> bool {
    nearest_position(s).is_some()
}

/// A position as printed: snapped to the known one it is an OCR slip of, else its letters.
fn clean_position(s: &str) -> (String, f32) {
    match nearest_position(s) {
        Some(p) if fold_upper(p) == fold_upper(&letters_only(s)) => (p.to_string(), 0.85),
        Some(p) => (p.to_string(), 0.6),
        None => (letters_only(s), 0.5),
    }
}

fn looks_like_position(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4
        && s.split_whitespace().count() <= 8
        && (known_position(s) || !fold_upper(s).contains("NOI NHAN"))
}

/// A person's name at the end of a line: 2 to 5 capitalised words (`Trần Công Thuật`).
fn trailing_name(line: &str) -> Option<String> {
    // A seal stroke through a name reads as a dash (`Đoàn-Ngọc Lâm`).
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .collect();
    let mut name: Vec<&str> = Vec::new();
    for w in words.iter().rev() {
        let mut chars = w.chars();
        let title_case = chars.next().is_some_and(char::is_uppercase)
            && chars.clone().count() >= 1
            && chars.all(char::is_lowercase);
        if !title_case {
            break;
        }
        name.insert(0, w);
    }
    // The whole line must be the name (or a name after a recipients column ending in
    // punctuation), not a sentence that happens to end in capitalised words.
    let rest_words = words.len() - name.len();
    let left_ok = rest_words == 0 || line.trim_start().starts_with(['-', '–', '—', '•', '+']);
    ((2..=5).contains(&name.len()) && left_ok).then(|| name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closing(text: &str) -> Extracted {
        let mut out = Extracted::default();
        read(&["ĐẢNG BỘ TỈNH\nSố 1-NQ/TU", text], &mut out);
        out
    }

    #[test]
    fn reads_a_two_column_block_merged_by_ocr() {
        let e = closing(
            "đồng chí thực hiện.\n\
Nơi nhận: T/M BAN THƯỜNG VỤ\n\
- Thường trực Tỉnh ủy (b/c), BÍ THƯ\n\
- Các đảng bộ, chi bộ cơ sở,\n\
- Lưu Văn phòng Huyện ủy. (đã ký)\n\
Trần Công Thuật",
        );
        assert_eq!(e.tham_quyen.unwrap().value, "T/M BAN THƯỜNG VỤ");
        assert_eq!(e.chuc_vu.unwrap().value, "BÍ THƯ");
        assert_eq!(e.nguoi_ky.as_ref().unwrap().value, "Trần Công Thuật");
        assert_eq!(e.nguoi_ky.unwrap().page, 2);
        assert_eq!(
            e.noi_nhan,
            [
                "- Thường trực Tỉnh ủy (b/c),",
                "- Các đảng bộ, chi bộ cơ sở,",
                "- Lưu Văn phòng Huyện ủy. (đã ký)"
            ]
        );
    }

    #[test]
    fn reads_a_deputy_and_a_state_block() {
        let e = closing("K/T BÍ THƯ\nPHÓ BÍ THƯ\n~ ®\nNguyễn Văn Minh");
        assert_eq!(e.tham_quyen.unwrap().value, "K/T BÍ THƯ");
        assert_eq!(e.chuc_vu.unwrap().value, "PHÓ BÍ THƯ");
        assert_eq!(e.nguoi_ky.unwrap().value, "Nguyễn Văn Minh");

        let e = closing("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Thị Hoa");
        assert_eq!(e.tham_quyen.unwrap().value, "K/T CHỦ TỊCH");
        assert_eq!(e.chuc_vu.unwrap().value, "PHÓ CHỦ TỊCH");
        assert_eq!(e.nguoi_ky.unwrap().value, "Lê Thị Hoa");
    }

    #[test]
    fn a_head_signing_in_own_name_has_no_authority() {
        let e = closing("Nơi nhận:\n- Như trên;\n- Lưu VT. CHÁNH VĂN PHÒNG\nPhạm Minh Đức");
        assert!(e.tham_quyen.is_none());
        assert_eq!(e.chuc_vu.unwrap().value, "CHÁNH VĂN PHÒNG");
        assert_eq!(e.nguoi_ky.unwrap().value, "Phạm Minh Đức");
        assert_eq!(e.noi_nhan, ["- Như trên;", "- Lưu VT."]);
    }

    #[test]
    fn positions_under_a_seal_snap_to_the_known_ones() {
        let e = closing("K/T BÍ THƯ\n;PHÓ%Í THƯ\n⁄ - „\n'Nguyễn Văn Minh");
        assert_eq!(e.chuc_vu.unwrap().value, "PHÓ BÍ THƯ");
        assert_eq!(e.nguoi_ky.unwrap().value, "Nguyễn Văn Minh");
        let e = closing(
            "Nơi nhận: T/M BAN THƯỜNG VỤ\n- Thường trực Tỉnh ủy (b/c), _“BÍ-THƯ\nTrần Văn A",
        );
        assert_eq!(e.chuc_vu.unwrap().value, "BÍ THƯ");
        assert_eq!(e.noi_nhan, ["- Thường trực Tỉnh ủy (b/c),"]);
    }

    #[test]
    fn body_sentences_are_not_names() {
        assert_eq!(
            trailing_name("Trần Công Thuật"),
            Some("Trần Công Thuật".into())
        );
        assert_eq!(trailing_name("thực hiện ở Quảng Bình"), None);
        assert_eq!(trailing_name("Hà"), None);
    }
}
