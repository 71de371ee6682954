//! Read the date of issue (ngày ban hành) from a document's header.
//!
//! In: the header lines of the first page (above the type heading) as read and folded (see
//! [`fold_upper`](super::fold_upper)). Out: the date, the line it stands on, where its match
//! starts in the folded line (the place stands before it) and how sure the reading is.
//!
//! Every date form on those lines is a candidate, in this order: the spelled-out date line
//! (`ngày 15 tháng 3 năm 2019`, also with a typewritten year spaced or dotted: `năm 1 9 8 5`,
//! `năm 19.85`), the numeric one after a small `ngày` (`ngày 2-7-1996`), and a numeric date
//! right after the place (`Hà Nội, 12/3/1985`). The first candidate that is a real day of a
//! year these records can have (1930 to this year) is taken; one found after a rejected
//! candidate is less sure, so `sohoa review` lists it.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::ocr_digits;

/// The first year a record of this archive can carry.
const FIRST_YEAR: i32 = 1930;

/// A year as typed or read: four digits (OCR's `I`/`L` for 1, `O` for 0), maybe with one
/// space or dot between them (`1 9 8 5`, `19.85`); a fifth digit after them (capture 4)
/// makes it ambiguous.
const YEAR: &str = r"([\dILO](?:[ .]?[\dILO]){3})(?:[ .]?(\d))?\b";
/// A numeric date's year: four digits, maybe spaced or dotted, a fifth digit captured.
const NUMERIC_YEAR: &str = r"([12][ .]?[09][ .]?\d[ .]?\d)(?:[ .]?(\d))?\b";

/// `ngày 15 tháng 3 năm 2019`, folded; a day or month may hold OCR's `I`/`L`/`T`/`]`/`|`/`!`
/// for 1 and `O` for 0 (`tháng 1Ì`, `tháng 1]`), as long as it holds a digit too or is strokes
/// alone (`tháng I`: 1, `tháng l]`: 11), and a speck may
/// stick to a day or month (`tháng 8Š`).
pub(super) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"NG[A-Z]{{1,2}}\s*([\dILOT\]|!]{{1,2}})[^\s\d]?\s*TH[A-Z]{{2,3}}\s*([\dILOT\]|!]{{1,2}})[^\s\d]?\s*N[A-Z]{{1,3}}\s*{YEAR}"
    ))
    .unwrap()
});

/// `ngày 2-7-1996`, folded.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"NG[A-Z]{{1,2}}\s*(\d{{1,2}})\s*[-/.]\s*(\d{{1,2}})\s*[-/.]\s*{NUMERIC_YEAR}"
    ))
    .unwrap()
});

/// `Hà Nội, 12/3/1985`, folded: a numeric date right after a place and its comma.
static PLACE_NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[A-Z],\s*(\d{{1,2}})\s*[-/.]\s*(\d{{1,2}})\s*[-/.]\s*{NUMERIC_YEAR}"
    ))
    .unwrap()
});

/// A date line's words with what stands between them unread (`ngày tháng 3 năm 2016`, its
/// day left blank), folded.
static DATE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bNGAY\b.{0,12}\bTHANG\b.{0,12}\bNAM\b").unwrap());

/// A date of issue as read: its line, the date, where its match starts in the folded line
/// and how sure the reading is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct IssueDate {
    pub line: usize,
    pub date: NaiveDate,
    pub start: usize,
    pub confidence: f32,
}

/// One date form found on a line, before it is checked.
struct Candidate {
    line: usize,
    start: usize,
    day: String,
    month: String,
    year: String,
    confidence: f32,
}

/// The date of issue among the header's lines: the first candidate (see the module doc)
/// that is a real date of a plausible year. The numeric form must be written with a small
/// `ngày`: a receipt stamp's `Ngày: 23/11/2016` is the day the document arrived.
pub(super) fn issue_date(lines: &[&str], folded: &[String]) -> Option<IssueDate> {
    let candidates = candidates(lines, folded);
    let Some((rank, found)) = candidates
        .iter()
        .enumerate()
        .find_map(|(rank, c)| Some((rank, checked(c)?)))
    else {
        return candidates.iter().find_map(with_year_slip_put_right);
    };
    let confidence = if rank == 0 {
        found.confidence
    } else {
        found.confidence.min(0.6)
    };
    Some(IssueDate {
        confidence,
        ..found
    })
}

/// Where a date line stands whose date is not read (see [`issue_date`]): its line and
/// where its match starts in the folded line, for the place in front of it.
pub(super) fn unread_date_line(folded: &[String]) -> Option<(usize, usize)> {
    folded.iter().enumerate().find_map(|(i, f)| {
        let m = DATE.find(f).or_else(|| DATE_WORDS.find(f))?;
        Some((i, m.start()))
    })
}

/// Every date form of the lines, spelled-out ones first, then numeric ones after a small
/// `ngày`, then numeric ones after a place.
fn candidates(lines: &[&str], folded: &[String]) -> Vec<Candidate> {
    let mut found = Vec::new();
    let mut add = |re: &Regex, confidence: f32, small_ngay: bool| {
        for (i, f) in folded.iter().enumerate() {
            for c in re.captures_iter(f) {
                let start = c.get(0).map_or(0, |m| m.start());
                let n = f[..start].chars().count();
                let small = lines[i].chars().nth(n).is_some_and(char::is_lowercase);
                if (small_ngay && !small) || c.get(4).is_some() {
                    continue;
                }
                let year = c[3].to_string();
                let spaced = year.contains([' ', '.']);
                found.push(Candidate {
                    line: i,
                    start,
                    day: c[1].to_string(),
                    month: c[2].to_string(),
                    year,
                    confidence: if spaced { confidence - 0.1 } else { confidence },
                });
            }
        }
    };
    add(&DATE, 0.9, false);
    add(&NUMERIC_DATE, 0.9, true);
    add(&PLACE_NUMERIC_DATE, 0.7, false);
    found
}

/// Digits OCR reads for one another (`2065` for `2005`, `2091` for `2001`).
const DIGIT_SLIPS: &[(char, char)] = &[
    ('0', '6'),
    ('0', '8'),
    ('0', '9'),
    ('1', '7'),
    ('3', '8'),
    ('5', '6'),
    ('6', '8'),
];

/// A candidate whose year no record can have, read again with one digit of its year put
/// right: taken only when exactly one such change gives a real date of a plausible year,
/// and less sure (0.5), so that `sohoa review` lists it.
fn with_year_slip_put_right(c: &Candidate) -> Option<IssueDate> {
    let year: Vec<char> = c.year.chars().filter(|c| !matches!(c, ' ' | '.')).collect();
    if year.len() != 4 || !year.iter().all(char::is_ascii_digit) {
        return None;
    }
    let mut slips = Vec::new();
    for (i, &d) in year.iter().enumerate() {
        for &(a, b) in DIGIT_SLIPS {
            if d == a {
                slips.push((i, b));
            } else if d == b {
                slips.push((i, a));
            }
        }
    }
    let mut dates = slips.into_iter().filter_map(|(i, digit)| {
        let mut other = year.clone();
        other[i] = digit;
        checked(&Candidate {
            year: other.into_iter().collect(),
            day: c.day.clone(),
            month: c.month.clone(),
            ..*c
        })
    });
    let first = dates.next()?;
    dates.next().is_none().then_some(IssueDate {
        confidence: 0.5,
        ..first
    })
}

/// Whether a record of this archive can carry `year`: 1930 to this year.
pub fn is_record_year(year: i32) -> bool {
    (FIRST_YEAR..=chrono::Utc::now().year()).contains(&year)
}

/// A candidate as a date, when it is a real day of a year these records can have.
fn checked(c: &Candidate) -> Option<IssueDate> {
    let number = |s: &str| -> Option<u32> {
        // A lone stroke is a typewritten or printed 1 (`tháng I`); other letters alone
        // are no number.
        let stroke = |c: char| matches!(c, 'I' | 'L' | '|' | ']' | '!');
        if s.chars().count() == 1 && s.chars().all(stroke) {
            return Some(1);
        }
        // Two strokes are 11 (`tháng l]`), but `II` may be a Roman month.
        if s.chars().count() == 2 && s.chars().all(stroke) && s != "II" {
            return Some(11);
        }
        if !s.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        // `T` for 1 only in a day or month (`ngày T8`): the year's pattern has no `T`.
        let digits: String = s
            .chars()
            .filter(|c| !matches!(c, ' ' | '.'))
            .map(|c| if c == 'T' { '1' } else { c })
            .collect();
        ocr_digits(&digits).parse().ok()
    };
    let year = i32::try_from(number(&c.year)?).ok()?;
    if !is_record_year(year) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, number(&c.month)?, number(&c.day)?)?;
    Some(IssueDate {
        line: c.line,
        date,
        start: c.start,
        confidence: c.confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::fold_upper;

    fn read(text: &str) -> Option<(String, f32)> {
        let lines: Vec<&str> = text.lines().collect();
        let folded: Vec<String> = lines.iter().map(|l| fold_upper(l)).collect();
        issue_date(&lines, &folded).map(|d| (d.date.to_string(), d.confidence))
    }

    #[test]
    fn a_day_or_month_with_letters_read_for_ones() {
        assert_eq!(
            read("Sơn Hà, ngày T8 tháng I2 năm 2000").map(|d| d.0),
            Some("2000-12-18".to_string())
        );
        assert_eq!(
            read("Sơn Hà, ngày 1T tháng 1O năm 1999").map(|d| d.0),
            Some("1999-10-11".to_string())
        );
        // A year has no `T`.
        assert_eq!(read("Sơn Hà, ngày 8 tháng 2 năm T999"), None);
    }

    #[test]
    fn a_year_out_of_range_falls_back_to_another_date_form() {
        // A year no record of this archive has is no date of issue.
        assert_eq!(read("Sơn Hà, ngày 4 tháng 5 năm 2444"), None);
        assert_eq!(read("Sơn Hà, ngày 4 tháng 5 năm 1894"), None);
        // The numeric form on another line is taken instead, less sure.
        let (date, confidence) =
            read("Sơn Hà, ngày 4 tháng 5 năm 2091\nSố 12-TB/HU ngày 4-5-2001").unwrap();
        assert_eq!(date, "2001-05-04");
        assert!(confidence <= 0.6);
        // A first reading in range stays sure.
        let (date, confidence) = read("Sơn Hà, ngày 4 tháng 5 năm 2001").unwrap();
        assert_eq!(date, "2001-05-04");
        assert!(confidence >= 0.9);
    }

    #[test]
    fn a_year_with_one_digit_misread_is_put_right_when_only_one_reading_fits() {
        // `2065`: only `2005` is a year these records can have (`2055`, `2085` are not).
        assert_eq!(
            read("Sơn Hà, ngày 28 tháng 11 năm 2065"),
            Some(("2005-11-28".to_string(), 0.5))
        );
        assert_eq!(
            read("Sơn Hà, ngày 4 tháng 5 năm 2091"),
            Some(("2001-05-04".to_string(), 0.5))
        );
        // Another date form that reads as it stands comes first, as before.
        let (date, _) = read("Sơn Hà, ngày 4 tháng 5 năm 2091\nSố 12-TB/HU ngày 4-5-2001").unwrap();
        assert_eq!(date, "2001-05-04");
        // `1894` has no such reading: nothing.
        assert_eq!(read("Sơn Hà, ngày 4 tháng 5 năm 1894"), None);
    }

    #[test]
    fn a_day_or_month_out_of_range_falls_back_too() {
        assert_eq!(read("Sơn Hà, ngày 34 tháng 5 năm 2001"), None);
        assert_eq!(read("Sơn Hà, ngày 4 tháng 15 năm 2001"), None);
        assert_eq!(read("Sơn Hà, ngày 31 tháng 4 năm 2001"), None);
        let (date, _) = read("ngày 4 tháng 15 năm 2001\nSơn Hà, 4/11/2001").unwrap();
        assert_eq!(date, "2001-11-04");
    }

    #[test]
    fn a_lone_stroke_for_one_and_a_blank_day() {
        assert_eq!(
            read("Sơn Hà, ngày 7 tháng I năm 2014").unwrap().0,
            "2014-01-07"
        );
        assert_eq!(read("Sơn Hà, ngày 7 tháng O năm 2014"), None);
        assert_eq!(
            read("Sơn Hà, ngày 8 tháng l] năm 1999").unwrap().0,
            "1999-11-08"
        );
        assert_eq!(read("Sơn Hà, ngày 8 tháng II năm 1999"), None);
        // A day left blank gives no date, but the line is still found for its place.
        let folded = [fold_upper("Sơn Hà, ngày    tháng 6 năm 2014")];
        assert_eq!(unread_date_line(&folded), Some((0, 8)));
    }

    #[test]
    fn typewritten_years_with_spaces_or_dots() {
        let (date, confidence) = read("Sơn Hà, ngày 9 tháng 2 năm 1 9 8 3").unwrap();
        assert_eq!(date, "1983-02-09");
        assert!(confidence < 0.9);
        assert_eq!(
            read("Sơn Hà, ngày 9 tháng 2 năm 19.83").unwrap().0,
            "1983-02-09"
        );
        assert_eq!(read("Sơn Hà, ngày 9-2-19 83").unwrap().0, "1983-02-09");
        // A year of five digits is none.
        assert_eq!(read("Sơn Hà, ngày 9 tháng 2 năm 1 9 8 3 4"), None);
    }

    #[test]
    fn a_numeric_date_after_the_place_but_not_a_receipt_stamp() {
        let (date, confidence) = read("Số 7-CV/ĐU Sơn Hà, 21/6/1987").unwrap();
        assert_eq!(date, "1987-06-21");
        assert!(confidence <= 0.7);
        assert_eq!(read("ĐẾN\nNgày: 23/11/2016"), None);
    }
}
