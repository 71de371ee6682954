//! The issuing body's name from the lines of its header block.
//!
//! In: the issuer block's lines, top first, already cleaned (the motto cut off, glued words
//! put apart: `issuer_block` in the parent module). Out: an [`IssuerName`] — the superior body
//! when the block names one, and the issuer's name as a catalog writes it (TT 05/2025 "tên cơ
//! quan, tổ chức ban hành"): a subordinate organ followed by the body it belongs to
//! (`TỈNH ỦY BÌNH ĐỊNH` / `ỦY BAN KIỂM TRA` → `ỦY BAN KIỂM TRA TỈNH ỦY BÌNH ĐỊNH`; `UBND TỈNH
//! QUẢNG TRỊ` / `SỞ NỘI VỤ` → `SỞ NỘI VỤ TỈNH QUẢNG TRỊ`), without the Party organisation above
//! a committee (`ĐẢNG BỘ TỈNH NGHỆ AN` / `HUYỆN ỦY DIỄN CHÂU` → `HUYỆN ỦY DIỄN CHÂU`) or the
//! ministry above a department (`BỘ CÔNG THƯƠNG` / `CỤC …` → `CỤC …`). A name the header splits
//! over lines without a superior (`ỦY BAN NHÂN DÂN` / `TỈNH PHÚ THỌ`) is joined as it is.

use super::{fold_upper, is_party_committee};

/// The issuer as the header names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct IssuerName {
    /// The body above the issuer (`ĐẢNG BỘ TỈNH ĐẮK NÔNG`, `TỈNH ỦY BÌNH ĐỊNH`), when the
    /// header names one.
    pub superior: Option<String>,
    /// The issuer's full name.
    pub name: String,
}

/// Folded first words of an organ that belongs to a body named above it: a Party
/// committee's ban, văn phòng and ủy ban kiểm tra; a People's Committee's sở, phòng, ban,
/// văn phòng, thanh tra; a ministry's cục, vụ, viện.
const SUBORDINATE_HEADS: &[&str] = &[
    "UY BAN KIEM TRA",
    "BAN",
    "VAN PHONG",
    "SO",
    "PHONG",
    "CHI CUC",
    "TONG CUC",
    "CUC",
    "VU",
    "THANH TRA",
    "TRUNG TAM",
    "TRUONG",
    "VIEN",
    "HOI DONG",
];

/// The issuer's name and its superior from the block's lines (top first).
pub(super) fn name(block: &[String]) -> Option<IssuerName> {
    let (first, rest) = block.split_first()?;
    if rest.is_empty() {
        return Some(IssuerName {
            superior: None,
            name: first.clone(),
        });
    }
    // A committee of an agency named on the next line (`ĐẢNG ỦY CƠ QUAN` / `BAN DÂN VẬN
    // TW`): the two lines are one name.
    if wants_its_agency(first) && !opens_party_committee(&rest[0]) {
        let mut joined = vec![format!("{first} {}", rest[0])];
        joined.extend_from_slice(&rest[1..]);
        return name(&joined);
    }
    // The Party organisation above a committee is not part of its name; what is under it
    // is named on its own (with its own superior, if it has one).
    if is_party_committee(first) || is_party_organisation_missing_its_first_word(first) {
        let inner = name(rest)?;
        return Some(IssuerName {
            superior: Some(first.clone()),
            name: inner.name,
        });
    }
    // A Party committee under another (`ĐẢNG ỦY KHỐI …` / `ĐẢNG ỦY TỔNG CÔNG TY …`): the
    // lower one issues, the upper is its superior.
    if let Some(k) = (1..block.len())
        .find(|&k| opens_party_committee(&block[k]) && names_a_body(&block[..k].join(" ")))
    {
        let inner = name(&block[k..])?;
        return Some(IssuerName {
            superior: Some(block[..k].join(" ")),
            name: inner.name,
        });
    }
    let split = (1..block.len()).find_map(|k| {
        let head = subordinate_head(&block[k])?;
        names_a_body(&block[..k].join(" ")).then_some((k, head))
    });
    let Some((k, head)) = split else {
        // No organ under a body: one name split over lines.
        return Some(IssuerName {
            superior: None,
            name: block.join(" "),
        });
    };
    let superior = block[..k].join(" ");
    let organ = block[k..].join(" ");
    let name = if is_ministry(&superior) && head.ends_with("CUC") {
        // A department of a ministry is named on its own (`CỤC XÚC TIẾN THƯƠNG MẠI`, not
        // `… BỘ CÔNG THƯƠNG`).
        organ
    } else {
        format!("{organ} {}", of_body(&superior, head))
    };
    Some(IssuerName {
        superior: Some(superior),
        name,
    })
}

/// A Party committee's organs and the letters their ký hiệu gives them (Hướng dẫn 36: the
/// organ's letters, then the committee's: `UBKTTU`, `BTGHU`, `VPTU`).
const PARTY_ORGANS: &[(&str, &str)] = &[
    ("UBKT", "ỦY BAN KIỂM TRA"),
    ("BTG", "BAN TUYÊN GIÁO"),
    ("BTC", "BAN TỔ CHỨC"),
    ("BDV", "BAN DÂN VẬN"),
    ("BNC", "BAN NỘI CHÍNH"),
    ("VP", "VĂN PHÒNG"),
];

/// Party committees (folded first words) and the letters that stand for them in a ký hiệu.
const PARTY_COMMITTEES: &[(&str, &str)] = &[
    ("TINH UY", "TU"),
    ("HUYEN UY", "HU"),
    ("THANH UY", "THU"),
    ("QUAN UY", "QU"),
];

/// The issuer with an organ its header lost put back: when the name read is a Party
/// committee alone (`TỈNH ỦY SƠN HÀ`) but the ký hiệu's issuer part names one of its organs
/// (`31-KL/UBKTTU`: the organ's letters, then the committee's), the organ's name followed by
/// the committee's (`ỦY BAN KIỂM TRA TỈNH ỦY SƠN HÀ`); `None` otherwise.
pub(super) fn organ_named_by_ky_hieu(name: &str, ky_hieu: &str) -> Option<String> {
    let folded = fold_upper(name);
    let committee = PARTY_COMMITTEES
        .iter()
        .find_map(|(words, letters)| opens_with(&folded, words).then_some(*letters))?;
    let (_, issuer_part) = ky_hieu.rsplit_once('/')?;
    let issuer_part = fold_upper(issuer_part);
    let organ_letters = issuer_part.strip_suffix(committee)?;
    PARTY_ORGANS
        .iter()
        .find(|(letters, _)| *letters == organ_letters)
        .map(|(_, organ)| format!("{organ} {name}"))
}

/// The folded head word(s) of a line naming a subordinate organ (`SỞ NỘI VỤ` → `SO`), or
/// `None`. `SỐ` (a number) is not `SỞ`.
fn subordinate_head(line: &str) -> Option<&'static str> {
    let folded = fold_upper(line);
    let first_word = line.split_whitespace().next().unwrap_or_default();
    SUBORDINATE_HEADS.iter().copied().find(|head| {
        (folded == *head || opens_with(&folded, head))
            && !(*head == "SO" && first_word.to_uppercase() == "SỐ")
    })
}

/// Whether folded text opens with the folded words `words` and more words follow.
fn opens_with(folded: &str, words: &str) -> bool {
    folded
        .strip_prefix(words)
        .is_some_and(|rest| rest.starts_with(' '))
}

/// Whether a line (or lines joined) names a body that has organs of its own: a Party
/// committee (`TỈNH ỦY …`, `ĐẢNG ỦY KHỐI …`), a People's Committee or Council (`UBND TỈNH …`,
/// `ỦY BAN NHÂN DÂN HUYỆN …`, `HĐND …`) or a ministry (`BỘ …`).
fn names_a_body(text: &str) -> bool {
    let folded = fold_upper(text);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let committee = words
        .iter()
        .position(|w| *w == "UY")
        .is_some_and(|i| i > 0 && i + 1 < words.len() && words[i - 1] != "BAN");
    committee || people_s_body_prefix(&folded).is_some() || is_ministry(text)
}

/// `BỘ TỈNH NGHỆ AN`: a Party organisation (`ĐẢNG BỘ TỈNH …`) whose first word OCR lost to a
/// stamp or a speck glued to it. A ministry is never named after a place.
fn is_party_organisation_missing_its_first_word(line: &str) -> bool {
    let folded = fold_upper(line);
    let mut words = folded.split_whitespace();
    words.next() == Some("BO")
        && words.next().is_some_and(|w| {
            [
                "TINH", "HUYEN", "THANH", "QUAN", "XA", "PHUONG", "THI", "KHOI",
            ]
            .contains(&w)
        })
}

/// Whether a line opens a Party committee or cell of its own (`ĐẢNG ỦY …`, `CHI BỘ …`,
/// `ĐẢNG BỘ …`), not an organ of the body above it.
fn opens_party_committee(line: &str) -> bool {
    let folded = fold_upper(line);
    ["DANG UY", "DANG BO", "CHI BO", "CHI UY"]
        .iter()
        .any(|words| opens_with(&folded, words))
}

/// Whether a line is a Party committee or cell of an agency whose name it leaves to the next
/// line (`ĐẢNG ỦY CƠ QUAN`, `CHI BỘ CƠ QUAN`).
fn wants_its_agency(line: &str) -> bool {
    opens_party_committee(line) && fold_upper(line).ends_with(" CO QUAN")
}

/// Whether a superior is a ministry (`BỘ CÔNG THƯƠNG`).
fn is_ministry(text: &str) -> bool {
    let folded = fold_upper(text);
    folded.starts_with("BO ")
        && !is_party_committee(text)
        && !is_party_organisation_missing_its_first_word(text)
}

/// The folded prefix naming a People's Committee or Council, if the text starts with one.
fn people_s_body_prefix(folded: &str) -> Option<&'static str> {
    ["UY BAN NHAN DAN", "HOI DONG NHAN DAN", "UBND", "HDND"]
        .into_iter()
        .find(|p| opens_with(folded, p))
}

/// The superior as it follows an organ's name: a People's Committee's organs (sở, phòng,
/// ban, thanh tra) are named by the place alone (`SỞ NỘI VỤ TỈNH QUẢNG TRỊ`); its văn phòng
/// and everything under a Party committee or a council keep the body's name (`VĂN PHÒNG UBND
/// TỈNH …`, `BAN TUYÊN GIÁO TỈNH ỦY …`).
fn of_body(superior: &str, head: &str) -> String {
    let committee = people_s_body_prefix(&fold_upper(superior))
        .filter(|p| ["UY BAN NHAN DAN", "UBND"].contains(p));
    match committee {
        Some(prefix) if head != "VAN PHONG" => {
            let words = prefix.split(' ').count();
            superior
                .split_whitespace()
                .skip(words)
                .collect::<Vec<_>>()
                .join(" ")
        }
        _ => superior.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(lines: &[&str]) -> (Option<String>, String) {
        let block: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
        let n = name(&block).unwrap();
        (n.superior, n.name)
    }

    #[test]
    fn an_organ_is_named_with_the_body_it_belongs_to() {
        // Invented bodies and places.
        assert_eq!(
            named(&["TỈNH ỦY SƠN HÀ", "ỦY BAN KIỂM TRA"]),
            (
                Some("TỈNH ỦY SƠN HÀ".into()),
                "ỦY BAN KIỂM TRA TỈNH ỦY SƠN HÀ".into()
            )
        );
        assert_eq!(
            named(&["HUYỆN ỦY PHÚ LÂM", "BAN DÂN VẬN"]).1,
            "BAN DÂN VẬN HUYỆN ỦY PHÚ LÂM"
        );
        assert_eq!(
            named(&["UBND TỈNH SƠN HÀ", "SỞ VĂN HÓA - THÔNG TIN"]).1,
            "SỞ VĂN HÓA - THÔNG TIN TỈNH SƠN HÀ"
        );
        assert_eq!(
            named(&["ỦY BAN NHÂN DÂN", "HUYỆN PHÚ LÂM", "PHÒNG NỘI VỤ"]).1,
            "PHÒNG NỘI VỤ HUYỆN PHÚ LÂM"
        );
        assert_eq!(
            named(&["UBND TỈNH SƠN HÀ", "VĂN PHÒNG"]).1,
            "VĂN PHÒNG UBND TỈNH SƠN HÀ"
        );
        // An organ's name over two lines.
        assert_eq!(
            named(&["UBND TỈNH SƠN HÀ", "SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"]).1,
            "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH SƠN HÀ"
        );
    }

    #[test]
    fn a_party_committee_under_another_issues_on_its_own() {
        // Invented bodies: a company's Party committee under a bloc's.
        assert_eq!(
            named(&[
                "ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH",
                "ĐẢNG ỦY CÔNG TY CHÈ",
                "SƠN HÀ"
            ]),
            (
                Some("ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH".into()),
                "ĐẢNG ỦY CÔNG TY CHÈ SƠN HÀ".into()
            )
        );
        assert_eq!(
            named(&["HUYỆN ỦY PHÚ LÂM", "CHI BỘ CƠ QUAN"]).1,
            "CHI BỘ CƠ QUAN"
        );
        // One committee's name over two lines stays one name.
        assert_eq!(
            named(&["ĐẢNG ỦY KHỐI", "DOANH NGHIỆP TỈNH"]),
            (None, "ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH".into())
        );
    }

    #[test]
    fn a_party_organisation_or_a_ministry_above_is_left_out() {
        assert_eq!(
            named(&["ĐẢNG BỘ TỈNH SƠN HÀ", "HUYỆN ỦY PHÚ LÂM"]),
            (
                Some("ĐẢNG BỘ TỈNH SƠN HÀ".into()),
                "HUYỆN ỦY PHÚ LÂM".into()
            )
        );
        assert_eq!(
            named(&["ĐẢNG BỘ TỈNH SƠN HÀ", "ĐẢNG ỦY KHỐI", "DOANH NGHIỆP"]).1,
            "ĐẢNG ỦY KHỐI DOANH NGHIỆP"
        );
        assert_eq!(
            named(&["ĐẢNG BỘ TỈNH SƠN HÀ", "HUYỆN ỦY PHÚ LÂM", "BAN TUYÊN GIÁO"]).1,
            "BAN TUYÊN GIÁO HUYỆN ỦY PHÚ LÂM"
        );
        // ĐẢNG lost to a stamp glued to it.
        assert_eq!(
            named(&["BỘ TỈNH SƠN HÀ", "ĐẢNG ỦY KHỐI", "CÁC CƠ QUAN TỈNH"]).1,
            "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
        );
        assert_eq!(
            named(&["BỘ CÔNG THƯƠNG", "CỤC XÚC TIẾN THƯƠNG MẠI"]).1,
            "CỤC XÚC TIẾN THƯƠNG MẠI"
        );
        assert_eq!(
            named(&["BỘ CÔNG THƯƠNG", "VĂN PHÒNG"]).1,
            "VĂN PHÒNG BỘ CÔNG THƯƠNG"
        );
    }

    #[test]
    fn an_organ_line_lost_by_ocr_is_put_back_from_the_ky_hieu() {
        assert_eq!(
            organ_named_by_ky_hieu("TỈNH ỦY SƠN HÀ", "KL/UBKTTU").as_deref(),
            Some("ỦY BAN KIỂM TRA TỈNH ỦY SƠN HÀ")
        );
        assert_eq!(
            organ_named_by_ky_hieu("HUYỆN ỦY PHÚ LÂM", "HD/BTGHU").as_deref(),
            Some("BAN TUYÊN GIÁO HUYỆN ỦY PHÚ LÂM")
        );
        // The committee's own ký hiệu, another committee's letters, a name already whole, a
        // State body: nothing to put back.
        assert_eq!(organ_named_by_ky_hieu("TỈNH ỦY SƠN HÀ", "NQ/TU"), None);
        assert_eq!(organ_named_by_ky_hieu("TỈNH ỦY SƠN HÀ", "KL/UBKTHU"), None);
        assert_eq!(
            organ_named_by_ky_hieu("ỦY BAN KIỂM TRA TỈNH ỦY SƠN HÀ", "KL/UBKTTU"),
            None
        );
        assert_eq!(organ_named_by_ky_hieu("UBND TỈNH SƠN HÀ", "QĐ-UBND"), None);
    }

    #[test]
    fn a_name_split_over_lines_is_joined_and_has_no_superior() {
        assert_eq!(
            named(&["ỦY BAN NHÂN DÂN", "TỈNH SƠN HÀ"]),
            (None, "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ".into())
        );
        assert_eq!(
            named(&["ĐẢNG ỦY KHỐI", "CÁC CƠ QUAN TỈNH"]),
            (None, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH".into())
        );
        // A bare organ word above is no body: `ỦY BAN` / `BAN …` is not split.
        assert_eq!(
            named(&["ỦY BAN", "BAN CHỈ ĐẠO"]),
            (None, "ỦY BAN BAN CHỈ ĐẠO".into())
        );
        // A committee of the agency named under it (invented agency).
        assert_eq!(
            named(&["ĐẢNG ỦY CƠ QUAN", "BAN KINH TẾ TW"]),
            (None, "ĐẢNG ỦY CƠ QUAN BAN KINH TẾ TW".into())
        );
        assert_eq!(
            named(&["ĐẢNG BỘ TỈNH SƠN HÀ", "ĐẢNG ỦY CƠ QUAN", "SỞ NỘI VỤ"]),
            (
                Some("ĐẢNG BỘ TỈNH SƠN HÀ".into()),
                "ĐẢNG ỦY CƠ QUAN SỞ NỘI VỤ".into()
            )
        );
        // `SỐ` is a number, not a sở.
        assert_eq!(named(&["TỈNH ỦY SƠN HÀ", "SỐ 12"]).0, None);
        assert_eq!(named(&["TỈNH ỦY SƠN HÀ"]).1, "TỈNH ỦY SƠN HÀ");
    }
}
