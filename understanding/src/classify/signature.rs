//! Read the closing block of a document: thẩm quyền, chức vụ, người ký and nơi nhận.
//!
//! In: the page texts of one document. Out: the `tham_quyen`, `chuc_vu`, `nguoi_ky` and
//! `noi_nhan` fields of [`Extracted`], read from the last page with text. The signature
//! block sits bottom right and Nơi nhận bottom left, so OCR often merges the two columns into
//! one line (`- Như trên, PHÓ BÍ THƯ`): each line is split into its left part (recipients)
//! and a trailing capitalised part (signature block) before reading.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::{fold_upper, read_on, Extracted};
use crate::text_layer::is_vietnamese_syllable;

mod merge;

/// Signing authority at the start of the block (folded): `T/M`, `K/T`, `T/L` in Party style,
/// `TM.`, `KT.`, `TL.`, `Q.`, `TUQ.` in State style, with OCR's spaces and slips.
static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^A-Z])(T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|TM\s*\.|KT\s*\.|TL\s*\.|TUQ\s*\.|Q\s*\.)\s*([A-Z].*)$")
        .unwrap()
});

/// A Party authority whose slash OCR read as a letter (`TIM BAN THƯỜNG VỤ`), folded: only
/// before the body it acts for (the caller checks that the rest is in capitals).
static AUTHORITY_SLIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^A-Z])(T[IL1|]M|K[IL1|]T|T[IL1|]L)\s+((?:BAN|DANG|UY|HOI|CHI|TRUONG|CHU|BI|GIAM|CHANH)\b.*)$")
        .unwrap()
});

/// A signing authority alone on its line (folded), its body on the next line (`T/M` /
/// `BAN THƯỜNG VỤ`).
static AUTHORITY_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*(T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|TM\s*\.|KT\s*\.|TL\s*\.)\W*$").unwrap()
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
    "CHỦ TRÌ HỘI NGHỊ",
    "CHỦ TRÌ",
    "TRƯỞNG ĐOÀN",
    "PHÓ TỔNG BIÊN TẬP",
    "TỔNG BIÊN TẬP",
    "PHÓ TỔNG GIÁM ĐỐC",
    "TỔNG GIÁM ĐỐC",
    "PHÓ CỤC TRƯỞNG",
    "CỤC TRƯỞNG",
    "PHÓ VỤ TRƯỞNG",
    "VỤ TRƯỞNG",
    "BỘ TRƯỞNG",
    "THỨ TRƯỞNG",
    "HIỆU TRƯỞNG",
    "CHÁNH THANH TRA",
];

/// Fills the closing-block fields of `out` from the last page of `pages` that has a closing
/// block (an attachment after the signed document has none), else the last page with text.
/// `closing[i]` holds page i's closing block read again, in order of preference (its area
/// alone with the stamp ink left out, enlarged; then the same area as scanned, its light ink
/// kept): the signer is taken from the first of them that gives a plausible name when the
/// page's own reading gives none, else from two readings' name lines merged word by word.
pub(super) fn read(pages: &[&str], closing: &[Vec<&str>], out: &mut Extracted) {
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
    let lines = joined_authority_lines(text);
    // The closing block is in the lower part of a page; a one-page document's header also
    // holds capitals, so the search starts after the first third.
    let start = if pages.len() == 1 { lines.len() / 3 } else { 0 };
    read_block(&lines, start, page, out);
    let plausible = out
        .nguoi_ky
        .as_ref()
        .is_some_and(|r| plausible_name(&r.value));
    if plausible {
        return;
    }
    let again: Vec<Vec<String>> = closing
        .get(index)
        .map(|readings| readings.iter().map(|t| joined_authority_lines(t)).collect())
        .unwrap_or_default();
    for reading in &again {
        let mut second = Extracted::default();
        read_block(reading, 0, page, &mut second);
        if let Some(mut signer) = second.nguoi_ky.filter(|r| plausible_name(&r.value)) {
            signer.confidence = signer.confidence.min(0.7);
            out.nguoi_ky = Some(signer);
            if out.chuc_vu.is_none() {
                out.chuc_vu = second.chuc_vu;
            }
            return;
        }
    }
    // No reading gives a plausible name: two name lines merged word by word, the page's
    // with each later reading's first, then the later readings' with each other (without a
    // later reading, the page's with nothing).
    let mut name_lines = vec![name_line_words(&lines[start.min(lines.len())..])];
    name_lines.extend(again.iter().map(|r| name_line_words(r)));
    if name_lines.len() == 1 {
        name_lines.push(Vec::new());
    }
    let n = name_lines.len();
    let pairs = (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j)));
    for (i, j) in pairs {
        if let Some(name) = merge::merge(&name_lines[i], &name_lines[j]) {
            out.nguoi_ky = read_on(name, 0.5, page);
            return;
        }
    }
}

/// A person's name as Vietnamese names are written: two to five words, each one syllable
/// with a capital first letter and spelt as a Vietnamese syllable can be (one tone mark at
/// most, no foreign letter, no impossible cluster), the first a common family name; or
/// three to five such words opening with a family name less common, or also common as a
/// given or middle name (`Sầm Văn Bình`, `Thạch Văn Sóc`, `Tôn Thất Bình`); or, for
/// names of the Central Highlands, a man's or woman's prefix (`Y`, `A`, `H'`, `K'`) and two
/// to four capitalised words of which one may be spelt outside Vietnamese syllables
/// (`Y Khiêm Êban`).
pub fn plausible_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let syllables = |ws: &[&str]| {
        ws.iter()
            .all(|w| title_case(w) && is_vietnamese_syllable(w))
    };
    match words.first().map(|w| family_name(w)) {
        Some(FamilyName::Common) => (2..=5).contains(&words.len()) && syllables(&words),
        Some(FamilyName::Other) => (3..=5).contains(&words.len()) && syllables(&words),
        Some(FamilyName::Prefix) => {
            let rest = &words[1..];
            (2..=4).contains(&rest.len())
                && rest.iter().all(|w| title_case(w))
                && rest.iter().filter(|w| !is_vietnamese_syllable(w)).count() <= 1
                && syllables(&rest[..1])
        }
        Some(FamilyName::None) | None => false,
    }
}

/// What the first word of a name says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FamilyName {
    /// One of the common family names ([`SURNAMES`]).
    Common,
    /// A family name less common, or common as a given name too ([`OTHER_SURNAMES`]): a
    /// name only with three words or more.
    Other,
    /// The prefix of a name of the Central Highlands ([`NAME_PREFIXES`]).
    Prefix,
    /// No family name.
    None,
}

/// The kind of family name `w` is.
fn family_name(w: &str) -> FamilyName {
    let folded = fold_upper(w);
    if SURNAMES.contains(&folded.as_str()) {
        FamilyName::Common
    } else if OTHER_SURNAMES.contains(&folded.as_str()) {
        FamilyName::Other
    } else if NAME_PREFIXES.contains(&w.trim_end_matches(['\'', '’'])) {
        FamilyName::Prefix
    } else {
        FamilyName::None
    }
}

/// Whether a name of `words` words may open with `w` as its family name or prefix.
fn opens_a_name(w: &str, words: usize) -> bool {
    match family_name(w) {
        FamilyName::Common => true,
        FamilyName::Other | FamilyName::Prefix => words >= 3,
        FamilyName::None => false,
    }
}

/// The words of the line of a closing block most likely to hold the signer's name, as read
/// (maybe garbled): below the block's lowest title, position or `Nơi nhận` line, the line
/// with the most syllables written as a name, its trailing run of capitalised words and
/// specks. Recipients' and title lines hold no name; a recipients column merged into a
/// line is left out (what follows its last stop). Empty when no line has such a word.
fn name_line_words(lines: &[String]) -> Vec<String> {
    let heading = |l: &str| {
        authority(l).is_some()
            || fold_upper(l).contains("NOI NHAN")
            || split_columns(l).1.is_some_and(|r| known_position(&r))
    };
    let from = (0..lines.len())
        .rev()
        .find(|&i| heading(&lines[i]))
        .unwrap_or(0);
    let score = |words: &[String]| {
        let named = words
            .iter()
            .filter(|w| (title_case(w) || upper_syllable(w)) && is_vietnamese_syllable(w))
            .count();
        named
            + usize::from(named > 0 && words.first().is_some_and(|w| opens_a_name(w, words.len())))
    };
    lines[from..]
        .iter()
        .rev()
        .take(12)
        .map(|l| trailing_words(l))
        .filter(|w| score(w) > 0)
        .min_by_key(|w| std::cmp::Reverse(score(w)))
        .unwrap_or_default()
}

/// The trailing run of capitalised words and specks of a line (the right column), after
/// the last stop of a recipients column merged into it; nothing for a recipients' or title
/// line.
fn trailing_words(line: &str) -> Vec<String> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let after_stop = tokens
        .iter()
        .rposition(|w| w.ends_with(['.', ',', ';', ':', ')']))
        .map_or(0, |i| i + 1);
    let right = tokens[after_stop..].join(" ");
    if (after_stop == 0 && starts_with_dash(line))
        || recipients_line(&right)
        || authority(line).is_some()
        || AUTHORITY_ALONE.is_match(&fold_aligned(line))
        || split_columns(&right).1.is_some_and(|r| known_position(&r))
    {
        return Vec::new();
    }
    let words: Vec<String> = name_tokens(&right)
        .iter()
        .map(|w| clean_word(w))
        .filter(|w| !w.is_empty())
        .collect();
    // A word of a name OCR read with a small first letter stands between two capitalised
    // ones (`Đinh xuân Tuệ`).
    let small_in_name = |k: usize| {
        k > 0
            && k + 1 < words.len()
            && title_case(&words[k - 1])
            && title_case(&words[k + 1])
            && words[k].chars().next().is_some_and(char::is_lowercase)
            && is_vietnamese_syllable(&words[k])
    };
    let name_like = |k: usize| {
        let w = &words[k];
        title_case(w) || upper_syllable(w) || w.chars().count() <= 2 || small_in_name(k)
    };
    let begin = (0..words.len())
        .rev()
        .find(|&k| !name_like(k))
        .map_or(0, |k| k + 1);
    let words = words[begin..].to_vec();
    let as_str: Vec<&str> = words.iter().map(String::as_str).collect();
    if holds_no_name(&as_str) {
        return Vec::new();
    }
    words
}

/// The words of a line that may hold a name: split at spaces, dashes, quotes and slashes
/// (a seal stroke or a signature's tail through a name reads as one: `Đoàn-Ngọc Lâm`,
/// `Lê⁄Minh Tín`), and a word split where a capital follows a small letter (OCR joins
/// two words whose gap a stroke filled: `HoàngVăn`, `qThạch`, `Vũ~Đình`; no Vietnamese
/// word has a capital inside).
fn name_tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in line
        .split(|c: char| c.is_whitespace() || "-“”\"'`⁄/".contains(c))
        .filter(|w| !w.is_empty())
    {
        // A name's prefix glued to the word after it (`ALâm`, `YKhiêm`).
        let mut chars = token.chars();
        let token = match (chars.next(), chars.next(), chars.next()) {
            (Some(p), Some(c), Some(l))
                if NAME_PREFIXES.contains(&p.to_string().as_str())
                    && c.is_uppercase()
                    && l.is_lowercase() =>
            {
                out.push(p.to_string());
                &token[p.len_utf8()..]
            }
            _ => token,
        };
        let mut word = String::new();
        let mut after_small = false;
        for c in token.chars() {
            if c.is_uppercase() && after_small {
                out.push(std::mem::take(&mut word));
            }
            // A speck between two words (`Vũ~Đình`) does not part the small letter before
            // it from the capital after it.
            if c.is_alphabetic() {
                after_small = c.is_lowercase();
            }
            word.push(c);
        }
        out.push(word);
    }
    out
}

/// Words of a title, a seal or a label (`BÍ THƯ`, `Ủy`, `Giám Đốc`): no name holds them.
fn holds_no_name(words: &[&str]) -> bool {
    names_a_position(words)
        || words
            .iter()
            .any(|w| NOT_NAME_WORDS.contains(&w.nfc().collect::<String>().to_uppercase().as_str()))
}

/// A recipients' line (`- Như trên`, `Như Điều 3`, `Lưu VT`, `Nơi nhận:`, `Kính gửi`): no
/// name stands in it.
fn recipients_line(line: &str) -> bool {
    let folded = fold_upper(line);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    matches!(
        words.as_slice(),
        ["NHU", "TREN" | "DIEU", ..]
            | ["LUU", "VT" | "VP" | "HS", ..]
            | ["LUU", "VAN", "THU" | "PHONG", ..]
            | ["KINH", "GUI", ..]
    ) || folded.contains("NOI NHAN")
}

/// A word of a name as OCR read it, trimmed of what is no letter, with a single speck
/// inside it dropped (`Hu&nh` → `Hunh`).
fn clean_word(w: &str) -> String {
    let w = w.trim_matches(|c: char| !c.is_alphabetic());
    if w.chars().filter(|c| !c.is_alphabetic()).count() == 1 {
        w.chars().filter(|c| c.is_alphabetic()).collect()
    } else {
        w.to_string()
    }
}

/// Where a page's signature block starts, as a line of its text (counting its non-empty
/// lines from 0, as OCR numbers its lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureStart {
    /// The block's first line was read: the lowest signing authority (`T/M BAN THƯỜNG
    /// VỤ`), else the lowest line ending in a known position (`BÍ THƯ`).
    Title(usize),
    /// Neither was read (a seal or faded ink over the whole block), only `Nơi nhận`: the
    /// block is in the right column from that line down.
    BesideRecipients(usize),
}

/// Where the signature block of a page's text starts; None without a title, position or
/// `Nơi nhận`.
pub fn signature_block_line(text: &str) -> Option<SignatureStart> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let is_authority =
        |l: &str| authority(l).is_some() || AUTHORITY_ALONE.is_match(&fold_aligned(l));
    let lowest = |test: &dyn Fn(&str) -> bool| (0..lines.len()).rev().find(|&i| test(lines[i]));
    lowest(&is_authority)
        .or_else(|| {
            lowest(&|l: &str| {
                split_columns(l)
                    .1
                    .is_some_and(|right| known_position(&right))
            })
        })
        .map(SignatureStart::Title)
        .or_else(|| {
            lowest(&|l: &str| fold_upper(l).contains("NOI NHAN"))
                .map(SignatureStart::BesideRecipients)
        })
}

/// Whether a reading of a closing block holds a line that may be the signer's name as read,
/// maybe garbled (a name-shaped word below the block's titles): another reading of the
/// block may then put it right; a block read without one (an unsigned copy) has no name to
/// put right.
pub fn reads_part_of_a_name(text: &str) -> bool {
    !name_line_words(&joined_authority_lines(text)).is_empty()
}

/// Whether the closing block of a page's text (read alone) gives a plausible signer: when
/// it does, a second reading of the block has nothing to add.
pub fn reads_a_plausible_signer(text: &str) -> bool {
    let mut out = Extracted::default();
    read_block(&joined_authority_lines(text), 0, 1, &mut out);
    out.nguoi_ky.is_some_and(|r| plausible_name(&r.value))
}

/// Reads thẩm quyền, chức vụ and người ký from the closing block in `lines` (from `start`
/// on), read on `page`, into `out`, and Nơi nhận.
fn read_block(lines: &[String], start: usize, page: u32, out: &mut Extracted) {
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let text_has_closing = lines.iter().any(|l| has_closing_block(l));

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
        if let Some((code, rest, confidence)) = authority(lines[i]) {
            out.tham_quyen = read_on(format!("{code} {}", rest.trim()), confidence, page);
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
                    out.chuc_vu = match deputy_of(&position, line) {
                        Some(deputy) => read_on(deputy, 0.6, page),
                        None => read_on(position, confidence, page),
                    };
                    name_from = Some(i + 1);
                    break;
                }
            }
            deputy_signs_for_the_head(out, page);
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
    // between read as noise). With neither authority nor position read (a seal over both),
    // the lowest line of the closing block that opens with a family name, less sure.
    // A plausible name wins over an earlier one that is not (seal text split into words),
    // and a line opening with a family name over an earlier name-shaped one.
    let under_position = name_from.and_then(|from| {
        // Each name with whether it was read in capitals (its last word, which no rule
        // changes, stands in the line in capitals).
        let names: Vec<((String, f32), bool)> = lines
            .iter()
            .skip(from)
            .take(10)
            .filter_map(|line| {
                let name = trailing_name(line, true)?;
                let last = name.0.rsplit(' ').next().unwrap_or_default().to_uppercase();
                let capitals = line.contains(&last);
                Some((name, capitals))
            })
            .collect();
        let surname = |((n, _), _): &&((String, f32), bool)| {
            let first = n.split(' ').next().unwrap_or("");
            opens_a_name(first, n.split(' ').count())
                || SURNAME_SPELLINGS.iter().any(|(_, s)| *s == first)
        };
        let plausible = |((n, _), _): &&((String, f32), bool)| plausible_name(n);
        // A title line garbled under the seal reads in capitals (`HÓ CHỦ TỊ`): a plausible
        // name written as names are wins over it.
        names
            .iter()
            .find(|named| plausible(named) && !named.1)
            .or_else(|| names.iter().find(plausible))
            .or_else(|| names.iter().find(surname))
            .or(names.first())
            .map(|(name, _)| name.clone())
    });
    let fallback = || {
        if !text_has_closing {
            return None;
        }
        lines[start.min(lines.len())..]
            .iter()
            .rev()
            .take(12)
            .filter(|l| !starts_with_dash(l))
            .find_map(|line| trailing_name(line, false))
            .filter(|(name, _)| {
                opens_a_name(
                    name.split(' ').next().unwrap_or(""),
                    name.split(' ').count(),
                )
            })
            .map(|(name, c)| (name, c.min(0.5)))
    };
    if let Some((name, confidence)) = under_position.or_else(fallback) {
        out.nguoi_ky = read_on(name, confidence, page);
    }
}

/// Under `K/T X` (ký thay: signing in the head's place) the signer is the head's deputy,
/// `PHÓ X`: when the position under it was not read, or read as `X` with its `PHÓ` lost under
/// the seal, the deputy's position is given, less sure (0.6).
fn deputy_signs_for_the_head(out: &mut Extracted, page: u32) {
    let Some(head) = out
        .tham_quyen
        .as_ref()
        .and_then(|a| a.value.strip_prefix("K/T "))
        .map(str::trim)
    else {
        return;
    };
    let Some(deputy) = deputy_position(head) else {
        return;
    };
    let read_as_head = out
        .chuc_vu
        .as_ref()
        .is_none_or(|c| fold_upper(&c.value) == fold_upper(head));
    if read_as_head {
        out.chuc_vu = read_on(deputy, 0.6, page);
    }
}

/// `PHÓ X` when it is a known position.
fn deputy_position(head: &str) -> Option<&'static str> {
    let wanted = format!("PHO {}", fold_upper(head));
    POSITIONS.iter().copied().find(|p| fold_upper(p) == wanted)
}

/// A deputy's position whose `PHÓ` OCR garbled into a short word of its own (`PHồ BÍ THƯ`,
/// `PEHG BÍ THƯ`) on the position's line: `PHÓ X` for the position `X` read.
fn deputy_of(position: &str, line: &str) -> Option<&'static str> {
    let deputy = deputy_position(position)?;
    let words: Vec<String> = letters_only(line).split(' ').map(fold_upper).collect();
    let wanted: Vec<String> = fold_upper(position).split(' ').map(String::from).collect();
    let at = (1..words.len())
        .rev()
        .find(|&j| words[j..].starts_with(&wanted))?;
    let before = &words[at - 1];
    (before.starts_with('P')
        && (2..=4).contains(&before.chars().count())
        && super::edit_distance(before, "PHO") <= 2)
        .then_some(deputy)
}

/// The signing authority a line holds: its code (`T/M`, `K/T`, `T/L`, `TM.` read as
/// `T/M` …), the rest of the line (`BAN THƯỜNG VỤ`) and how sure the reading is. The slash
/// read as a letter (`TIM BAN THƯỜNG VỤ`, `TIL`, `KIT`) counts when capitals follow.
fn authority(line: &str) -> Option<(String, String, f32)> {
    let folded = fold_aligned(line);
    let (c, confidence) = AUTHORITY
        .captures(&folded)
        .map(|c| (c, 0.8))
        .or_else(|| AUTHORITY_SLIP.captures(&folded).map(|c| (c, 0.65)))?;
    let code: String = c[1].chars().filter(char::is_ascii_alphabetic).collect();
    let code = match code.as_str() {
        "TM" | "TIM" | "TLM" | "T1M" => "T/M".to_string(),
        "KT" | "KIT" | "KLT" | "K1T" => "K/T".to_string(),
        "TL" | "TIL" | "TLL" | "T1L" => "T/L".to_string(),
        other => format!("{other}."),
    };
    let rest_start = folded[..c.get(2).map_or(0, |m| m.start())].chars().count();
    let rest: String = line.chars().skip(rest_start).collect();
    if confidence < 0.8 && !super::is_capitals(&rest) {
        return None;
    }
    Some((code, rest, confidence))
}

/// The non-empty lines of a page, trimmed, with a signing authority alone on its line
/// joined to the capitalised line under it (`T/M` + `BAN THƯỜNG VỤ`).
fn joined_authority_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match pending.take() {
            Some(authority) if line.chars().next().is_some_and(char::is_uppercase) => {
                lines.push(format!("{authority} {line}"));
                continue;
            }
            Some(authority) => lines.push(authority),
            None => {}
        }
        if AUTHORITY_ALONE.is_match(&fold_aligned(line)) {
            pending = Some(line.to_string());
        } else {
            lines.push(line.to_string());
        }
    }
    lines.extend(pending);
    lines
}

/// Whether a page's text holds a closing block: `Nơi nhận` or a signing authority (also
/// alone on its line).
pub fn has_closing_block(text: &str) -> bool {
    text.lines().any(|l| {
        let f = fold_aligned(l);
        f.contains("NOI NHAN") || AUTHORITY_ALONE.is_match(&f) || authority(l).is_some()
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

/// Common Vietnamese family names, folded: a name-shaped line opening with one is surely a
/// name, not seal text or a heading OCR read in title case.
const SURNAMES: &[&str] = &[
    "NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "HUYNH", "PHAN", "VU", "VO", "DANG", "BUI", "DO",
    "HO", "NGO", "DUONG", "LY", "TRUONG", "DINH", "DOAN", "LAM", "MAI", "TRINH", "LUONG", "CAO",
    "HA", "TA", "TONG", "LUU", "VUONG", "THAI", "QUACH", "CHU", "KIEU", "NONG", "LA", "TO", "HAN",
    "KHUC", "LUC", "MAC", "TRIEU", "VI", "HUA", "THAN", "NINH", "PHUNG", "LO", "QUAN", "TANG",
    "DAM", "KHONG", "LAI", "TIEU", "CU", "CUNG", "AU", "DIEP",
];

/// Family names of the peoples of Vietnam less common than [`SURNAMES`] (Tày, Nùng, Thái,
/// Mông, Dao, Khmer, Hoa and others), or common as given and middle names too (`Kim`,
/// `Sơn`, `Thạch`, `Giang`), folded: a name opening with one is taken for a name when it
/// has three words or more (`Kim Oanh` is more likely the end of `Lê Thị Kim Oanh`).
const OTHER_SURNAMES: &[&str] = &[
    "BACH", "BANH", "CAM", "CAN", "CHAO", "CHAU", "CHE", "DANH", "DAU", "DIEM", "GIANG", "GIAP",
    "HAU", "KHA", "KHUONG", "KIM", "LIENG", "LIEU", "LOC", "LU", "MA", "MUA", "NGHIEM", "ONG",
    "PHI", "QUANG", "SAM", "SON", "SU", "SUNG", "THACH", "THAO", "THIEU", "TIET", "TON", "TRANG",
    "UNG", "VANG", "VY",
];

/// The prefixes that open names of the Central Highlands (Ê Đê, Gia Rai, Ba Na, Xơ Đăng,
/// Cơ Ho: `Y` for a man, `H'` for a woman, `A`, `K'`), as written.
const NAME_PREFIXES: &[&str] = &["Y", "A", "H", "K"];

/// The family names of four letters or more as written, for putting OCR slips right.
const SURNAME_SPELLINGS: &[(&str, &str)] = &[
    ("NGUYEN", "Nguyễn"),
    ("TRAN", "Trần"),
    ("PHAM", "Phạm"),
    ("HOANG", "Hoàng"),
    ("HUYNH", "Huỳnh"),
    ("PHAN", "Phan"),
    ("DANG", "Đặng"),
    ("DUONG", "Dương"),
    ("TRUONG", "Trương"),
    ("DINH", "Đinh"),
    ("DOAN", "Đoàn"),
    ("TRINH", "Trịnh"),
    ("LUONG", "Lương"),
    ("TONG", "Tống"),
    ("VUONG", "Vương"),
    ("THAI", "Thái"),
    ("QUACH", "Quách"),
    ("KIEU", "Kiều"),
    ("NONG", "Nông"),
    ("KHUC", "Khúc"),
    ("TRIEU", "Triệu"),
    ("THAN", "Thân"),
    ("NINH", "Ninh"),
    ("PHUNG", "Phùng"),
    ("QUAN", "Quan"),
    ("TANG", "Tăng"),
    ("KHONG", "Khổng"),
    ("TIEU", "Tiêu"),
    ("CUNG", "Cung"),
    ("DIEP", "Diệp"),
];

/// Words of organisations, positions and closing-block labels, in capitals with their
/// marks (folded, many are names: `ĐẢNG` is `ĐẶNG`): seal text and headings OCR read in
/// title case (`Huyện Ủy`, `Bí Thư`) hold them, names do not.
const NOT_NAME_WORDS: &[&str] = &[
    "ỦY", "UỶ", "ĐẢNG", "BAN", "TỈNH", "HUYỆN", "VỤ", "TỊCH", "NHẬN", "PHÒNG", "BÍ", "CỘNG", "ĐỘC",
    "KT", "TM", "TL", "NƠI", "XÃ", "QUẬN", "BỘ", "KHỐI",
];

/// A person's name at the end of a line, with how sure the reading is: 2 to 5 capitalised
/// words (`Trần Công Thuật`, or `TRẦN CÔNG THUẬT` opening with a family name). What stands
/// before it must be nothing, a recipients column merged in by OCR (a line opening with a
/// dash, or ending in punctuation: `Lưu VT. Trần Công Thuật`) or a speck of seal or
/// signature (`ự Trần Công Thuật`); a sentence ending in capitalised words is no name.
fn trailing_name(line: &str, beside_column: bool) -> Option<(String, f32)> {
    // A seal stroke through a name reads as a dash (`Đoàn-Ngọc Lâm`).
    let tokens: Vec<String> = name_tokens(line)
        .into_iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    // A speck inside a word (`Hu&nh`) is dropped from it.
    let cleaned: Vec<String> = tokens.iter().map(|w| clean_word(w)).collect();
    let words: Vec<&str> = cleaned.iter().map(String::as_str).collect();
    let is_speck = |w: &str| w.chars().count() <= 2 && !title_case(w);
    // A speck after the name (`Trần Công Thuật ee`) is dropped.
    let mut end = words.len();
    let mut confidence: f32 = 0.75;
    if end >= 3 && is_speck(words[end - 1]) {
        end -= 1;
        confidence -= 0.1;
    }
    let mut begin = end;
    while begin > 0 && (title_case(words[begin - 1]) || upper_syllable(words[begin - 1])) {
        begin -= 1;
    }
    // A Central Highlands name opens with a one-letter prefix (`Y Khiêm Êban`), also before
    // a word written like a family name when two words follow it (`A Lâm Tín`: a Kinh
    // name has three words far more often).
    if begin > 0
        && end - begin >= 2
        && family_name(words[begin - 1]) == FamilyName::Prefix
        && (!is_surname(words[begin]) || end - begin == 2)
    {
        begin -= 1;
    }
    // Two signers side by side (`Lê Thị Hoa Trần Văn Sáu` under `THƯ KÝ CHỦ TRÌ`): the
    // right one, from its family name.
    let beside_another = end - begin > 5;
    if beside_another {
        begin = (begin + 1..end - 1).rev().find(|&k| is_surname(words[k]))?;
    }
    let name = &words[begin..end];
    if !(2..=5).contains(&name.len()) {
        return None;
    }
    let folded: Vec<String> = name.iter().map(|w| fold_upper(w)).collect();
    // Seal text, labels, a recipients' entry (`Như Điều 3`) or a title in title case
    // (`Giám Đốc`) is no name.
    if holds_no_name(name) || recipients_line(&name.join(" ")) {
        return None;
    }
    // A family name with one or two OCR slips (`Yioàng`, `Bê` for `Lê`) is put right.
    // A two-word name is more likely the end of a name whose family name was lost (`Xuân
    // Quyết`, or a word garbled under a stroke) than a slip of one (`Quan`).
    let lost_surname = name.len() == 2;
    let named = opens_a_name(name[0], name.len());
    let snapped = (!named && !lost_surname)
        .then(|| nearest_surname(&folded[0]).or_else(|| short_surname(name[0])))
        .flatten();
    let surname = named || snapped.is_some();
    // Words in capitals: a name only after a family name (else a heading or a seal).
    let capitals = name.iter().all(|w| upper_syllable(w));
    // In mixed case, the family name is written as a name (`Võ THÍ Mai`, not `TÁ Tổ`).
    if name.iter().any(|w| upper_syllable(w))
        && (!surname || (!capitals && upper_syllable(name[0])))
    {
        return None;
    }
    if snapped.is_some() {
        confidence -= 0.1;
    }
    let rest: Vec<&str> = tokens[..begin].iter().map(String::as_str).collect();
    let left_ok = if rest.is_empty() || beside_another {
        true
    } else if line.trim_start().starts_with(['-', '–', '—', '•', '+'])
        || rest
            .last()
            .is_some_and(|w| w.ends_with(['.', ',', ';', ':', ')']))
    {
        confidence -= 0.05;
        true
    } else if rest.len() <= 2
        && rest
            .iter()
            .all(|w| is_speck(w.trim_matches(|c: char| !c.is_alphabetic())))
    {
        confidence -= 0.1;
        true
    } else {
        // Under a position, a recipients line without a dash or stop may stand before it
        // (`Văn phòng Huyện ủy Trần Công Thuật`): a name from a family name, less sure.
        beside_column && is_surname(name[0])
    };
    if !left_ok {
        return None;
    }
    if !rest.is_empty() && !beside_another {
        confidence = confidence.min(0.6);
    }
    if !surname {
        confidence -= 0.15;
    }
    // Words OCR read in capitals inside a name (`Võ THÍ Mai`) are written as names are.
    let name = name
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let middle = i > 0 && i + 1 < name.len();
            let slip = if middle {
                middle_name_slip(w)
            } else if i == 0 && snapped.is_none() {
                family_name_marks(w)
            } else {
                None
            };
            match (snapped, slip) {
                (Some(s), _) if i == 0 => s.to_string(),
                (_, Some(slip)) => {
                    confidence -= 0.05;
                    slip.to_string()
                }
                _ if upper_syllable(w) => super::title_cased(w),
                _ => (*w).to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some((name, confidence))
}

/// The middle name `Văn` or `Thị` a middle word is one OCR slip from, keeping the marked
/// vowel that tells them (`Xăn` → `Văn`: no name word but Văn ends in `ăn` after one letter;
/// `Ehị` → `Thị`, no syllable at all), or whose marks OCR lost or misread (`Vấn`, `Van` →
/// `Văn`; `Ti`, `Thi` → `Thị`: a name's middle word is one of these far more often than the
/// given names `Vân` and `Thi`, which stay as read). Real name words one letter away (`Tân`,
/// `Thu`, `Nhị`) are not slips.
fn middle_name_slip(w: &str) -> Option<&'static str> {
    let w: String = w.nfc().collect();
    let chars: Vec<char> = w.chars().collect();
    if chars.len() == 3 && chars[1..] == ['ă', 'n'] && chars[0] != 'V' {
        return Some("Văn");
    }
    let folded = fold_upper(&w);
    match (folded.as_str(), super::title_cased(&w).as_str()) {
        (_, "Văn" | "Vân" | "Thị" | "Thi") => return None,
        ("VAN", _) => return Some("Văn"),
        ("THI" | "TI", _) => return Some("Thị"),
        _ => {}
    }
    (w.ends_with('ị') && !super::is_syllable(&folded) && super::edit_distance(&w, "Thị") == 1)
        .then_some("Thị")
}

/// The family name a first word spells with other marks than OCR read (`Ta` → `Tạ`, `Kìm`
/// → `Kim`, `Nguyên` → `Nguyễn`, `Đang` → `Đặng`): a word that is itself a family name's
/// spelling stays as read (`Đàng`, `Lã`, `Lường`); otherwise the more common of the family
/// names written with the same letters.
fn family_name_marks(w: &str) -> Option<&'static str> {
    /// Family names by their letters; of those written with the same letters (`Đặng` and
    /// `Đàng`, `La` and `Lã`), the more common first.
    const SPELLED: &[&str] = &[
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Đàng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Lý", "Đinh", "Đoàn", "Trịnh", "Cao", "Hà", "Tạ", "Tống", "Tòng",
        "Lưu", "Vương", "Quách", "Kiều", "Nông", "Tô", "Khúc", "Lục", "Mạc", "Triệu", "Hứa",
        "Thân", "Ninh", "Phùng", "Quan", "Tăng", "Đàm", "Khổng", "Lại", "Tiêu", "Cù", "Âu", "Diệp",
        "Kim", "Sơn", "Thạch", "Sầm", "Nghiêm", "Giáp", "Bạch", "Khương", "Lương", "Lường",
        "Trương", "Dương", "Đào", "Lâm", "La", "Lã", "Ma", "Mã", "Lư", "Lữ", "Lù", "Quàng",
        "Quảng", "Cầm", "Lò", "Vi", "Vì",
    ];
    let w: String = w.nfc().collect();
    let folded = fold_upper(&w);
    let spellings: Vec<&'static str> = SPELLED
        .iter()
        .copied()
        .filter(|s| fold_upper(s) == folded)
        .collect();
    let first = spellings.first()?;
    if spellings.iter().any(|s| *s == w || s.to_uppercase() == w) {
        return None;
    }
    Some(first)
}

/// Whether words hold a known position (`Phó Giám Đốc`, `THƯ KÝ`), marks and all: a title
/// line, not a name (`Trương` is no `TRƯỞNG`).
fn names_a_position(words: &[&str]) -> bool {
    let upper = words
        .iter()
        .map(|w| w.nfc().collect::<String>().to_uppercase())
        .collect::<Vec<_>>()
        .join(" ");
    let padded = format!(" {upper} ");
    POSITIONS.iter().any(|p| padded.contains(&format!(" {p} ")))
}

/// A two-letter family name whose first letter OCR misread (`Bê`, `Tê` for `Lê`): the one
/// family name of two letters that ends in the same marked vowel.
fn short_surname(w: &str) -> Option<&'static str> {
    const SHORT: &[&str] = &[
        "Lê", "Vũ", "Võ", "Đỗ", "Hồ", "Lý", "Hà", "Tạ", "Tô", "Lò", "Cù",
    ];
    let w: String = w.nfc().collect();
    let mut chars = w.chars();
    let (_, Some(vowel), None) = (chars.next(), chars.next(), chars.next()) else {
        return None;
    };
    let mut found = SHORT.iter().filter(|s| s.chars().nth(1) == Some(vowel));
    match (found.next(), found.next()) {
        (Some(s), None) => Some(s),
        _ => None,
    }
}

fn is_surname(w: &str) -> bool {
    SURNAMES.contains(&fold_upper(w).as_str())
}

/// The family name a word of four letters or more is one or two OCR slips from, when one
/// is nearest: its spelling with marks (`YIOANG` → `Hoàng`).
fn nearest_surname(folded: &str) -> Option<&'static str> {
    // A word that is a syllable is a name as read (`Thanh` is no slip of `Thân` or
    // `Trịnh`), unless it is one letter off a family name no shorter (`Hunh` of `Huỳnh`).
    if folded.chars().count() < 4 {
        return None;
    }
    let syllable = super::is_syllable(folded);
    let mut near: Vec<(usize, &str)> = SURNAMES
        .iter()
        .filter(|s| s.len() >= 4 && (!syllable || s.len() >= folded.len()))
        .map(|s| (super::edit_distance(folded, s), *s))
        .filter(|(d, _)| *d <= if syllable { 1 } else { 2 })
        .collect();
    near.sort_unstable();
    match near.as_slice() {
        [(d, s), rest @ ..] if rest.first().is_none_or(|(d2, _)| d2 > d) => SURNAME_SPELLINGS
            .iter()
            .find(|(f, _)| f == s)
            .map(|(_, w)| *w),
        _ => None,
    }
}

/// `Thuật`: a capital and then at least one lower-case letter.
fn title_case(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().count() >= 1
        && chars.all(char::is_lowercase)
}

/// `THUẬT`: a word of capitals that is one Vietnamese syllable (not `UBND`, not `VT`).
fn upper_syllable(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().all(char::is_uppercase)
        && super::is_syllable(&fold_upper(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closing(text: &str) -> Extracted {
        let mut out = Extracted::default();
        read(&["ĐẢNG BỘ TỈNH\nSố 1-NQ/TU", text], &[], &mut out);
        out
    }

    #[test]
    fn words_are_split_at_strokes_and_where_a_capital_follows_a_small_letter() {
        assert_eq!(
            name_tokens("Lê⁄Minh HoàngVăn"),
            ["Lê", "Minh", "Hoàng", "Văn"]
        );
        assert_eq!(name_tokens("iXuân T/M"), ["i", "Xuân", "T", "M"]);
    }

    #[test]
    fn a_name_joined_by_a_stroke_or_opening_with_a_prefix_or_a_rarer_family_name() {
        for (name_line, name) in [
            ("Lê⁄Minh Tín", "Lê Minh Tín"),
            ("HoàngVăn Toản", "Hoàng Văn Toản"),
            ("Sầm Văn Bình", "Sầm Văn Bình"),
            ("Lù Văn Pảo", "Lù Văn Pảo"),
            ("Y Khiêm Êban", "Y Khiêm Êban"),
            // Invented names; a middle Văn or Thị one letter off is put right, a real name
            // word one letter off stays.
            ("Lò Xăn Pảo", "Lò Văn Pảo"),
            ("Đinh Ehị Hoa", "Đinh Thị Hoa"),
            ("Đinh Thu Hoa", "Đinh Thu Hoa"),
            ("Lê Tân Cường", "Lê Tân Cường"),
            // Marks OCR lost or misread on a family name or a middle Văn or Thị are put
            // right; a given name Vân stays, and so does a family name written two ways.
            ("Ta Quang Lộc", "Tạ Quang Lộc"),
            ("Kìm Văn Sáng", "Kim Văn Sáng"),
            ("Nguyên Vấn Thạch Cường", "Nguyễn Văn Thạch Cường"),
            ("Lò Ti Hoa", "Lò Thị Hoa"),
            ("Đào Vân Anh", "Đào Vân Anh"),
            ("La Thị Hoa", "La Thị Hoa"),
            ("Lã Thị Hoa", "Lã Thị Hoa"),
            ("Đàng Văn Sáng", "Đàng Văn Sáng"),
            ("Đang Văn Sáng", "Đặng Văn Sáng"),
            ("Quảng Thị Hoa", "Quảng Thị Hoa"),
            ("Trừơng Văn Sáng", "Trương Văn Sáng"),
            // A speck between two words of the name.
            ("` 2Lê~Minh Tín", "Lê Minh Tín"),
        ] {
            let e = closing(&format!(
                "đồng chí thực hiện.\n\
Nơi nhận: T/M BAN THƯỜNG VỤ\n\
- Thường trực Tỉnh ủy (b/c), BÍ THƯ\n\
- Lưu Văn phòng.\n\
{name_line}"
            ));
            assert_eq!(
                e.nguoi_ky.map(|v| v.value).as_deref(),
                Some(name),
                "{name_line}"
            );
        }
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
    fn a_deputy_signing_for_the_head_is_a_deputy_whatever_ocr_left_of_it() {
        // The position line lost under the seal.
        let e = closing("K/T BÍ THƯ\n⁄ - „\nNguyễn Văn Minh");
        assert_eq!(e.chuc_vu.unwrap().value, "PHÓ BÍ THƯ");
        // Its `PHÓ` lost.
        let e = closing("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nCHỦ TỊCH\nLê Thị Hoa");
        assert_eq!(e.chuc_vu.unwrap().value, "PHÓ CHỦ TỊCH");
        // Its `PHÓ` garbled into a word of its own, under T/M (nothing to infer from).
        let e =
            closing("Nơi nhận: T/M BAN THƯỜNG VỤ\n- Ban Bí thư (b/c), Z .PHồ BÍ THƯ\nTrần Văn An");
        assert_eq!(e.chuc_vu.unwrap().value, "PHÓ BÍ THƯ");
        let e = closing("Nơi nhận: K/T BÍ THƯ\n- Thường trực (b/c), z PEHG BÍ THƯ\nTrần Văn An");
        assert_eq!(e.chuc_vu.unwrap().value, "PHÓ BÍ THƯ");
        // A head under T/M stays the head.
        let e = closing("T/M BAN THƯỜNG VỤ\nBÍ THƯ\nTrần Văn An");
        assert_eq!(e.chuc_vu.unwrap().value, "BÍ THƯ");
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
        let name = |l: &str| trailing_name(l, false).map(|(n, _)| n);
        assert_eq!(name("Trần Công Thuật"), Some("Trần Công Thuật".into()));
        assert_eq!(name("thực hiện ở Quảng Bình"), None);
        assert_eq!(name("Hà"), None);
        // Seal text and labels in title case are no names.
        assert_eq!(name("Huyện Ủy Sơn Hà"), None);
        assert_eq!(name("Bí Thư"), None);
        assert_eq!(name("HUYỆN ỦY SƠN HÀ"), None);
    }

    #[test]
    fn names_beside_specks_columns_and_in_capitals() {
        let name = |l: &str| trailing_name(l, false).map(|(n, _)| n);
        // A signature stroke or a seal's edge read as a speck before or after the name.
        assert_eq!(name("ự Lê Văn Khánh"), Some("Lê Văn Khánh".into()));
        assert_eq!(name("~/ Lê Văn Khánh ee"), Some("Lê Văn Khánh".into()));
        // The recipients column merged into the line, without a dash.
        assert_eq!(name("Lưu VP. Đỗ Thị Mai"), Some("Đỗ Thị Mai".into()));
        // A family name one or two slips off; a word read in capitals; two signers.
        assert_eq!(name("Yioàng Thị Lan"), Some("Hoàng Thị Lan".into()));
        // (a middle `THÍ` is `Thị` with its mark misread).
        assert_eq!(name(">Võ-THÍ Mai"), Some("Võ Thị Mai".into()));
        assert_eq!(name("Lê Thị Hoa Trần Văn Sáu"), Some("Trần Văn Sáu".into()));
        assert_eq!(name("Bê Văn Khánh"), Some("Lê Văn Khánh".into()));
        // Given names that are also words of a motto or an organ (`Hòa`, `Lập`, `Thường`).
        assert_eq!(name("3 Phùng Văn Hòa"), Some("Phùng Văn Hòa".into()));
        assert_eq!(name("Đỗ Văn Thường"), Some("Đỗ Văn Thường".into()));
        // A given name is not taken for a slip of a family name (`Thanh`, `Thân`).
        assert_eq!(name("Thanh Tùng"), Some("Thanh Tùng".into()));
        assert_eq!(name("Hu&nh Thị Xuyến"), Some("Huỳnh Thị Xuyến".into()));
        // Seal letters in capitals beside a word are no name.
        assert_eq!(name("VN TÁ- Tổ"), None);
        // A name printed in capitals.
        assert_eq!(name("HOÀNG MINH TÂM"), Some("Hoàng Minh Tâm".into()));
        // Surely a name after a family name; less sure otherwise.
        let (_, sure) = trailing_name("Lê Văn Khánh", false).unwrap();
        let (_, unsure) = trailing_name("Khánh Văn Lê", false).unwrap();
        assert!(sure > unsure);
    }

    #[test]
    fn a_seal_over_the_title_and_garbage_lines_before_the_name() {
        // The title under a red seal read as noise: the name is still under the authority.
        let e =
            closing("ý kiến về Ban Thường vụ.\nT/M BAN THƯỜNG VỤ\n—ÊÑ ¿ ừ\nc ƒ «\nNgô Quang Vinh");
        assert_eq!(e.tham_quyen.unwrap().value, "T/M BAN THƯỜNG VỤ");
        assert_eq!(e.nguoi_ky.unwrap().value, "Ngô Quang Vinh");
        // Neither authority nor title readable, only Nơi nhận and the name: the name is
        // read, marked as unsure.
        let e = closing("thực hiện.\nNơi nhận:\n- Các chi bộ,\n- Lưu VP.\n©ÔỄ Ñ ã\nNgô Quang Vinh");
        let signer = e.nguoi_ky.unwrap();
        assert_eq!(signer.value, "Ngô Quang Vinh");
        assert!(signer.confidence <= 0.5);
    }

    #[test]
    fn an_authority_alone_on_its_line() {
        let e = closing("T/M\nBAN THƯỜNG VỤ\nBÍ THƯ\nHồ Đức Trọng");
        assert_eq!(e.tham_quyen.unwrap().value, "T/M BAN THƯỜNG VỤ");
        assert_eq!(e.chuc_vu.unwrap().value, "BÍ THƯ");
        assert_eq!(e.nguoi_ky.unwrap().value, "Hồ Đức Trọng");
        assert!(has_closing_block("TM.\nỦY BAN NHÂN DÂN"));
    }

    #[test]
    fn a_slash_read_as_a_letter_and_a_quote_glued_into_a_name() {
        let e = closing(
            "Nơi nhận: TIM BAN THƯỜNG VỤ\n- Các chi bộ trực thuộc, PHÓ-BÍ THƯ\n\
- Lưu VP. ⁄ ¬\nŠ Phùng“Văn Khải",
        );
        assert_eq!(e.tham_quyen.unwrap().value, "T/M BAN THƯỜNG VỤ");
        assert_eq!(e.chuc_vu.unwrap().value, "PHÓ BÍ THƯ");
        assert_eq!(e.nguoi_ky.unwrap().value, "Phùng Văn Khải");
        // `tìm bạn` in a sentence is no authority.
        assert!(!has_closing_block("các em tìm bạn cùng học"));
        assert!(!has_closing_block("TÌM BẠN cùng tiến"));
        let e = closing("THƯ KÝ CHỦ TRÌ HỘI NGHỊ\n;ỏ 2/\nĐỗ Thị Hà Vi Phùng Văn Khải");
        assert_eq!(e.chuc_vu.unwrap().value, "CHỦ TRÌ HỘI NGHỊ");
        assert_eq!(e.nguoi_ky.unwrap().value, "Phùng Văn Khải");
    }

    #[test]
    fn a_second_reading_of_the_closing_block_gives_the_name_the_seal_garbled() {
        let first =
            "Nơi nhận: T/M BAN THƯỜNG VỤ\n- Các chi bộ, BÍ THƯ\n- Lưu VP. ;$ Ÿ\nNgụy€n Vwăn Tâ&m";
        let again = "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n~ (\nNguyễn Văn Tâm";
        let mut out = Extracted::default();
        read(&["ĐẢNG BỘ TỈNH", first], &[vec![], vec![again]], &mut out);
        let signer = out.nguoi_ky.unwrap();
        assert_eq!(signer.value, "Nguyễn Văn Tâm");
        assert_eq!(signer.page, 2);
        assert!(signer.confidence <= 0.7);
        assert_eq!(out.chuc_vu.unwrap().value, "BÍ THƯ");
        // Without a second reading, the first one's best guess stands.
        let mut out = Extracted::default();
        read(&["ĐẢNG BỘ TỈNH", first], &[vec![], vec![]], &mut out);
        assert_ne!(out.nguoi_ky.map(|r| r.value), Some("Nguyễn Văn Tâm".into()));
        // A plausible first reading is kept whatever the second one says.
        let clean = "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn Khánh";
        let mut out = Extracted::default();
        read(&["ĐẢNG BỘ TỈNH", clean], &[vec![], vec![again]], &mut out);
        assert_eq!(out.nguoi_ky.unwrap().value, "Lê Văn Khánh");
        // A second reading without a plausible name changes nothing.
        let mut out = Extracted::default();
        read(
            &["ĐẢNG BỘ TỈNH", first],
            &[vec![], vec!["BÍ THƯ\n©ÔỄ Ñ ã"]],
            &mut out,
        );
        assert_ne!(out.nguoi_ky.map(|r| r.value), Some("Nguyễn Văn Tâm".into()));
        // Two later readings, neither plausible alone (the pale strokes erased in one, a
        // seal's ring over the family name in the other): their name lines merged.
        let lost = "Nơi nhận:\n- Trung ương (b/c),\n- Lưu.\nK/T BÍ THƯ";
        let erased = "K/T BÍ THƯ\n—_ PHÓ BÍ TH:?\nLương `hỊ M -";
        let as_scanned = "K/T BÍ THƯ\n⁄ & riĐNÓ. BÍ THƯ\n/đ® —%\n``¬ñ.. Thị Mến";
        let mut out = Extracted::default();
        read(
            &["ĐẢNG BỘ TỈNH", lost],
            &[vec![], vec![erased, as_scanned]],
            &mut out,
        );
        let signer = out.nguoi_ky.unwrap();
        assert_eq!((signer.value.as_str(), signer.page), ("Lương Thị Mến", 2));
        assert!(signer.confidence < 0.7);
    }

    #[test]
    fn plausible_names_and_where_the_block_starts() {
        assert!(plausible_name("Nguyễn Văn Tâm"));
        assert!(plausible_name("Lê Thị Kim Oanh"));
        assert!(!plausible_name("Tâm"));
        assert!(!plausible_name("Văn Tâm Nguyễn"), "no family name first");
        assert!(!plausible_name("Nguyễn Vwăn Tâm"), "no syllable");
        assert!(!plausible_name("Nguyễn VĂN TÂM"));
        assert!(reads_a_plausible_signer(
            "K/T BÍ THƯ\nPHÓ BÍ THƯ\nLê Văn Khánh"
        ));
        assert!(reads_part_of_a_name(
            "K/T BÍ THƯ\nPHÓ BÍ TH:?\nLương `hỊ M -"
        ));
        assert!(!reads_part_of_a_name("K/T BÍ THƯ\nPHÓ BÍ THƯ\n— ¬ ."));
        assert!(!reads_a_plausible_signer(
            "K/T BÍ THƯ\nPHÓ BÍ THƯ\nLẽ Vzn Kh@nh"
        ));
        let text =
            "đã thống nhất.\n\nNơi nhận: T/M BAN THƯỜNG VỤ\n- Như trên, BÍ THƯ\nLê Văn Khánh";
        assert_eq!(signature_block_line(text), Some(SignatureStart::Title(1)));
        assert_eq!(
            signature_block_line("thực hiện.\n- Lưu VT. GIÁM ĐỐC\nLê Văn Khánh"),
            Some(SignatureStart::Title(1))
        );
        // The whole block lost under a seal: it is beside Nơi nhận.
        assert_eq!(
            signature_block_line("thực hiện./.\nNơi nhận: ¬.—.\n- Như trên,\n- Lưu."),
            Some(SignatureStart::BesideRecipients(1))
        );
        assert_eq!(signature_block_line("một dòng\nhai dòng"), None);
    }

    #[test]
    fn a_name_with_an_impossible_syllable_is_not_plausible() {
        assert!(!plausible_name("Trần Văn Lốạc"), "two tone marks");
        assert!(!plausible_name("Lê Wăn Tâm"), "a letter Vietnamese has not");
        assert!(!plausible_name("Phạm Thrị Hoa"), "an impossible cluster");
        assert!(!plausible_name("Đỗ Kanh Tùng"), "k before a");
        assert!(!plausible_name("Võ Văn Lực̀"), "huyền after a stop");
        assert!(plausible_name("Trịnh Thị Ngọc Huyền"));
        // Family names less common, or common as given names too: three words at least.
        assert!(plausible_name("Sầm Văn Bình"));
        assert!(plausible_name("Tôn Thất Bình"));
        assert!(plausible_name("Thạch Văn Sóc"));
        assert!(!plausible_name("Kim Oanh"), "the end of a name");
        assert!(!plausible_name("Sơn Hà"));
        // A name of the Central Highlands: a prefix, a syllable, then one word of another
        // spelling at most.
        assert!(plausible_name("Y Khiêm Êban"));
        assert!(plausible_name("H Hen Niê"));
        assert!(plausible_name("A Lăng Thị Bình"));
        assert!(!plausible_name("Y Khiêm"), "two words");
        assert!(
            !plausible_name("Y Xbfq Xtrơ"),
            "no syllable after the prefix"
        );
        assert!(
            !plausible_name("Y Khiêm Xtrơ Xbfq"),
            "two words of another spelling"
        );
        // So a garbled name is read again.
        assert!(!reads_a_plausible_signer("BÍ THƯ\nTrần Văn Lốạc"));
    }

    #[test]
    fn a_title_line_garbled_into_a_name_in_capitals_loses_to_the_name() {
        // Invented name; `PHÓ CHỦ TỊCH` garbled under the seal.
        let e = closing(
            "Nơi nhận: KT. CHỦ TỊCH\n- Như Điều 3;\n⁄.?HÓ CHỦ TỊ\n- Lưu: VT.\n= Nguỳễw Thế Hưng",
        );
        assert_eq!(e.nguoi_ky.unwrap().value, "Nguyễn Thế Hưng");
        // A name's prefix glued to the word after it.
        let e = closing("Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Lưu: VT. CHỦ TỊCH\n\"ALâm Tín");
        assert_eq!(e.nguoi_ky.unwrap().value, "A Lâm Tín");
    }

    #[test]
    fn a_plausible_name_wins_over_seal_text_read_as_words() {
        // Invented name; the seal's letters read as words opening like a family name.
        let e = closing(
            "Nơi nhận: T/M BAN THƯỜNG VỤ\n- Lưu VP. BÍ THƯ\n' Mà Ww#Gs. |\n`\" qLâmSôPhanh - ˆ _",
        );
        assert_eq!(e.nguoi_ky.unwrap().value, "Lâm Sô Phanh");
    }

    #[test]
    fn recipients_and_title_lines_are_no_names() {
        let name = |l: &str| trailing_name(l, true).map(|(n, _)| n);
        assert_eq!(name("Như Điều"), None);
        assert_eq!(name("- Như Trên"), None);
        assert_eq!(name("Giám Đốc"), None);
        assert_eq!(name("Phó Chủ Nhiệm"), None);
        assert_eq!(name("Trương Văn Lâm"), Some("Trương Văn Lâm".into()));
        // Lưu is a family name; the archive's copy (`Lưu VT`, `Lưu Văn Thư`) is no name.
        assert_eq!(name("Lưu Văn Hùng"), Some("Lưu Văn Hùng".into()));
        assert_eq!(name("- Lưu Văn Thư"), None);
        assert_eq!(name("- Lưu Văn Phòng"), None);
        // Under a position, the recipients' entry is not taken when no name is read.
        let e = closing("Nơi nhận: KT. CHỦ TỊCH\nNhư Điều 3; PHÓ CHỦ TỊCH\n- Lưu VT.\n~ ®");
        assert_eq!(e.nguoi_ky, None);
    }

    #[test]
    fn two_partial_readings_of_the_name_are_merged() {
        // The family name lost under the seal in the page's reading, a vowel lost in the
        // closing block's second reading: neither is plausible alone.
        let first = "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n~ /\n)h Xuân Quyết";
        let again = "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nĐặng Xu n Quyết";
        let mut out = Extracted::default();
        read(&["ĐẢNG BỘ TỈNH", first], &[vec![], vec![again]], &mut out);
        let signer = out.nguoi_ky.unwrap();
        assert_eq!(signer.value, "Đặng Xuân Quyết");
        assert!(
            signer.confidence <= 0.5,
            "a merged name is listed for review"
        );
        // A recipients column merged into the name line is left out of the words.
        assert_eq!(
            trailing_words("- Lưu VP. Đỗ Th n Mai"),
            ["Đỗ", "Th", "n", "Mai"]
        );
        assert!(trailing_words("- Như trên,").is_empty());
        assert!(trailing_words("PHÓ BÍ THƯ").is_empty());
        assert!(trailing_words("K/T BÍ THƯ").is_empty());
        assert_eq!(
            trailing_words("- Lưu VP. Hồ xuân Quyết"),
            ["Hồ", "xuân", "Quyết"]
        );
        assert!(trailing_words("Ủy Ban").is_empty());
    }

    #[test]
    fn columns_interleaved_line_by_line() {
        // Nơi nhận on the left, a State block on the right, read across line by line.
        let e = closing(
            "Quyết định có hiệu lực kể từ ngày ký.\n\
Nơi nhận: TM. ỦY BAN NHÂN DÂN\n\
- Như Điều 3; KT. CHỦ TỊCH\n\
- TT HĐND tỉnh; PHÓ CHỦ TỊCH\n\
- Lưu: VT, NC.\n\
Bùi Thanh Sơn",
        );
        assert_eq!(e.tham_quyen.unwrap().value, "K/T CHỦ TỊCH");
        assert_eq!(e.chuc_vu.unwrap().value, "PHÓ CHỦ TỊCH");
        assert_eq!(e.nguoi_ky.unwrap().value, "Bùi Thanh Sơn");
        let e = closing(
            "Nơi nhận: T/L BAN THƯỜNG VỤ\n- Các đảng ủy trực thuộc, CHÁNH VĂN PHÒNG\n\
- Lưu VP. Vương Đình Huệ",
        );
        assert_eq!(e.tham_quyen.unwrap().value, "T/L BAN THƯỜNG VỤ");
        assert_eq!(e.chuc_vu.unwrap().value, "CHÁNH VĂN PHÒNG");
        assert_eq!(e.nguoi_ky.unwrap().value, "Vương Đình Huệ");
        // A recipient line without a dash or stop before the name under the position.
        let e = closing(
            "Nơi nhận: T/M BAN THƯỜNG VỤ\n- Các đảng ủy trực thuộc, BÍ THƯ\n\
Văn phòng Huyện ủy Vương Đình Huệ",
        );
        let signer = e.nguoi_ky.unwrap();
        assert_eq!(signer.value, "Vương Đình Huệ");
        assert!(signer.confidence <= 0.6);
        assert_eq!(
            trailing_name("Văn phòng Huyện ủy Vương Đình Huệ", false),
            None
        );
    }
}
