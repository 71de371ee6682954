//! A second, closer reading of the year of the date line.
//!
//! In: a page's [`OcrPage`] and the page as it was recognised. Out: the same [`OcrPage`],
//! with the year of its date line (`… ngày 14 tháng 7 năm 1998`, `ngày 15-4-1990`) put
//! right when a second reading disagrees with the first.
//!
//! The date of issue dates the record for every search and citation. Read with the whole
//! page by the Vietnamese model, a typewritten or worn year loses the shape of a digit
//! (`1996` for `1998`, `I996`); the symbol model (Tesseract's English one, which reads digits
//! more steadily: see [`super::symbol_line`]) reads the year's word again, as one line, once
//! as scanned and once enlarged twice. When both give the same year of the records' range
//! and it differs from the first reading's, it replaces that year; anything else leaves the
//! first reading. Costs two small line reads per first page with a date line.

use std::sync::LazyLock;

use image::imageops;
use regex::Regex;

use super::symbol_line::{padded, read_scaled, HEADER_SHARE, SCALES};
use super::{OcrEngine, OcrPage, OcrWord};
use crate::classify::{fold_upper, is_record_year, ocr_digits};
use crate::preprocess::PreparedPage;
use crate::Result;

/// A year as the first reading may give it, with OCR's letters for digits (`I996`), and
/// punctuation after it.
static YEAR_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([\dIlO|]{4})[.,;:]?$").unwrap());
/// A numeric date (`15-4-1990`): the year is its last four characters.
static NUMERIC_DATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?([\dIlO|]{4})[.,;:]?$").unwrap()
});

/// The year's word on a page: its index and where the year stands in its text.
#[derive(Debug, Clone, PartialEq)]
struct YearWord {
    index: usize,
    year: std::ops::Range<usize>,
}

impl YearWord {
    /// The word after `năm` (`NĂM`, or one OCR slip from it) or after `ngày` holding a
    /// numeric date, on one line, among the words whose top is above `below`.
    fn find(words: &[OcrWord], below: u32) -> Option<Self> {
        (1..words.len()).find_map(|index| {
            let (before, word) = (&words[index - 1], &words[index]);
            if word.bbox[1] >= below || before.line != word.line {
                return None;
            }
            let label = fold_upper(before.text.trim_matches(|c: char| !c.is_alphanumeric()));
            let pattern = match label.as_str() {
                "NAM" | "NAIN" | "NARN" | "NAN" if opens_a_date_line(words, index) => &YEAR_WORD,
                "NGAY" => &NUMERIC_DATE_WORD,
                _ => return None,
            };
            let year = pattern.captures(&word.text)?.get(1)?.range();
            Some(YearWord { index, year })
        })
    }

    /// The year as first read, with OCR's letters for digits put back.
    fn first_reading(&self, words: &[OcrWord]) -> String {
        ocr_digits(&words[self.index].text[self.year.clone()])
    }
}

/// Whether `ngày` stands before the word at `index` on its line (`… ngày 14 tháng 7 năm`):
/// a `năm` elsewhere (`trong năm 2015`) is no date line's.
fn opens_a_date_line(words: &[OcrWord], index: usize) -> bool {
    let line = words[index].line;
    words[..index]
        .iter()
        .rev()
        .take_while(|w| w.line == line)
        .any(|w| fold_upper(w.text.trim_matches(|c: char| !c.is_alphanumeric())) == "NGAY")
}

/// Reads the year of the date line of `page` again (see the module doc) and puts the agreed
/// year into `ocr`. A page without a date line in its upper part is left as it is, and so is
/// one whose second reading fails (the first one stands; the failure is logged).
pub fn reread_year(engine: &mut dyn OcrEngine, page: &PreparedPage, ocr: OcrPage) -> OcrPage {
    let below = (page.image.height() as f32 * HEADER_SHARE) as u32;
    let Some(found) = YearWord::find(&ocr.words, below) else {
        return ocr;
    };
    match read_again(engine, page, &ocr.words[found.index]) {
        Ok(Some((year, confidence))) if year != found.first_reading(&ocr.words) => {
            put_right(ocr, &found, &year, confidence)
        }
        Ok(_) => ocr,
        Err(e) => {
            tracing::warn!(error = %e, "reading the date line's year again failed; the first reading stands");
            ocr
        }
    }
}

/// The year both second readings of `word` give, with their mean confidence; `None` when
/// they differ, either gives none or several, or the year is out of the records' range.
fn read_again(
    engine: &mut dyn OcrEngine,
    page: &PreparedPage,
    word: &OcrWord,
) -> Result<Option<(String, f32)>> {
    let [x, y, w, h] = padded(
        word.bbox,
        word.bbox[3],
        page.image.width(),
        page.image.height(),
    );
    if w == 0 || h == 0 {
        return Ok(None);
    }
    let line = imageops::crop_imm(&page.image, x, y, w, h).to_image();
    let mut agreed: Option<(String, f32)> = None;
    for scale in SCALES {
        let read = read_scaled(engine, page, &line, scale)?;
        tracing::debug!(scale, line = %read.text, "date line's year read again");
        // Runs of four digits opening like a year (`15-4-1990` holds one).
        let mut years = read
            .text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|run| run.len() == 4 && (run.starts_with("19") || run.starts_with("20")))
            .map(str::to_string);
        let (Some(year), None) = (years.next(), years.next()) else {
            return Ok(None);
        };
        let plausible = year.parse::<i32>().is_ok_and(is_record_year);
        if !plausible {
            return Ok(None);
        }
        let confidence = read
            .words
            .iter()
            .find(|w| w.text.contains(&year))
            .map_or(0.0, |w| w.confidence);
        agreed = match agreed {
            None => Some((year, confidence)),
            Some((first, c)) if first == year => Some((first, f32::midpoint(c, confidence))),
            Some(_) => return Ok(None),
        };
    }
    Ok(agreed)
}

/// `ocr` with the year of the word at `found` replaced by `year`, in the word and in the
/// page's text.
fn put_right(mut ocr: OcrPage, found: &YearWord, year: &str, confidence: f32) -> OcrPage {
    let before = &ocr.words[found.index - 1].text;
    let old = &ocr.words[found.index].text;
    let mut new = old.clone();
    new.replace_range(found.year.clone(), year);
    // The text holds the label and the year's word as the words were joined.
    let Some(at) = ocr.text.find(&format!("{before} {old}")) else {
        return ocr;
    };
    let start = at + before.len() + 1;
    tracing::debug!(old, new, "date line's year put right by a second reading");
    ocr.text.replace_range(start..start + old.len(), &new);
    let word = &mut ocr.words[found.index];
    word.text = new;
    word.confidence = confidence;
    ocr.mean_confidence = OcrPage::weighted_confidence(&ocr.words);
    ocr
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::fake_line_reader::{blank_page, word, LineReader};

    fn page() -> PreparedPage {
        blank_page(300)
    }

    /// Invented header: `Sơn Hà, ngày 14 tháng 7 năm {year}`.
    fn first_reading(year: &str) -> OcrPage {
        let line = ["Sơn", "Hà,", "ngày", "14", "tháng", "7", "năm", year];
        let mut words = vec![word("CHI", 50, 0, 90.0)];
        words.extend(
            line.iter()
                .enumerate()
                .map(|(i, t)| word(t, 50 + i as u32 * 70, 1, 90.0)),
        );
        OcrPage {
            text: format!("CHI\n\n{}\nbody", line.join(" ")),
            mean_confidence: OcrPage::weighted_confidence(&words),
            words,
        }
    }

    #[test]
    fn an_agreed_year_replaces_the_first_one() {
        let mut engine = LineReader::new(&["n 1998", "n 1998."]);
        let ocr = reread_year(&mut engine, &page(), first_reading("I996"));
        assert_eq!(ocr.text, "CHI\n\nSơn Hà, ngày 14 tháng 7 năm 1998\nbody");
        assert_eq!(ocr.words[8].text, "1998");
        assert!((ocr.words[8].confidence - 88.0).abs() < f32::EPSILON);
        // A numeric date after `ngày`, its punctuation kept.
        let mut first = first_reading("x");
        first.words.truncate(5);
        first.words[4].text = "15-4-1996,".into();
        first.text = "CHI\n\nSơn Hà, ngày 15-4-1996,\nbody".into();
        let mut engine = LineReader::new(&["15-4-1990", "15-4-1990"]);
        let ocr = reread_year(&mut engine, &page(), first);
        assert_eq!(ocr.text, "CHI\n\nSơn Hà, ngày 15-4-1990,\nbody");
    }

    #[test]
    fn disagreeing_implausible_or_equal_second_readings_change_nothing() {
        for lines in [
            ["n 1998", "n 1996"],
            ["n 1998", "n 199"],
            ["n 2998", "n 2998"],
            ["1998 1998", "n 1998"],
            ["n 1996", "n 1996"],
        ] {
            let mut engine = LineReader::new(&lines);
            let first = first_reading("1996");
            assert_eq!(reread_year(&mut engine, &page(), first.clone()), first);
        }
        // `I996` agreed as 1996: the first reading already says that year.
        let mut engine = LineReader::new(&["n 1996", "n 1996"]);
        let first = first_reading("I996");
        assert_eq!(reread_year(&mut engine, &page(), first.clone()), first);
    }

    #[test]
    fn pages_without_a_date_line_in_the_header_are_not_read_again() {
        let mut engine = LineReader::new(&[]);
        let mut body = first_reading("1998");
        body.words[3].text = "trong".into();
        assert_eq!(reread_year(&mut engine, &page(), body.clone()), body);
        let mut plain = first_reading("1998");
        plain.words[7].text = "nay".into();
        assert_eq!(reread_year(&mut engine, &page(), plain.clone()), plain);
        let mut low = first_reading("1998");
        for w in &mut low.words {
            w.bbox[1] += 1000;
        }
        assert_eq!(reread_year(&mut engine, &page(), low.clone()), low);
        assert!(engine.seen.is_empty());
    }
}
