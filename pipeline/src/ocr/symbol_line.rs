//! A second, closer reading of the số ký hiệu.
//!
//! In: a page's [`OcrPage`] and the page as it was recognised. Out: the same [`OcrPage`],
//! with the số ký hiệu (`Số 04-TT/TU`) put right when a second reading disagrees with the
//! first.
//!
//! The số ký hiệu is what an archivist searches and cites by, and one lost or added digit
//! makes it another document. Read with the whole page by the Vietnamese model, its number
//! sometimes loses a typewritten `0` (`4-TT/TU`) or gains a stroke (`I12-HD/BTCTU`), and a
//! dash may vanish (`14KL/UBKTHU`). The `Số …` line in the upper part of the page is cropped
//! and read again, as one line, by the symbol model (Tesseract's English one, which reads
//! digits and Latin capitals more steadily), once as scanned and once enlarged twice. When
//! both readings give the same number and it differs from the first reading's, it replaces
//! that number; the ký hiệu after it (with its `Đ`, which the English model cannot read)
//! stays as first read, unless the first reading is malformed and both second readings
//! agree on a well-formed one. Costs two small line reads per first page.

use std::sync::LazyLock;

use image::imageops;
use regex::Regex;

use super::{OcrEngine, OcrPage, OcrWord};
use crate::classify::fold_upper;
use crate::preprocess::PreparedPage;
use crate::Result;

/// The part of the page, from the top, where the số line is looked for.
pub(super) const HEADER_SHARE: f32 = 0.45;
/// The scales at which the line is read again; the readings must agree.
pub(super) const SCALES: [u32; 2] = [1, 2];
/// At most this many words stand between `Số` and the end of its ký hiệu (`04 -TT/TU`).
const MAX_SYMBOL_WORDS: usize = 3;

/// A số ký hiệu in a line read by the symbol model (capture 1): its number (capture 2), then
/// the ký hiệu (`-TT/TU`) or the State `/` (`1150/QĐ-UBND`). A number with neither after it
/// is no số ký hiệu.
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s:.])((\d{1,5})\s?(?:[-–—]\s?\p{L}{1,6}\s?/\s?[\p{L}\d]+(?:-[\p{L}\d]+)?|/\s?(?:\d{4}/)?\p{L}{1,6}-[\p{L}\d]+))").unwrap()
});

/// A well-formed số ký hiệu, Party (`68-KH/ĐUK`) or State (`424/QĐ-UBND`, `12/2019/NĐ-CP`),
/// maybe with a comma or full stop after it.
static WELL_FORMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,5}(?:\s?[-–]\s?\p{Lu}\p{L}{0,5}\s?/\s?\p{Lu}[\p{Lu}\d]*(?:-\p{Lu}[\p{Lu}\d]*)?|/(?:\d{4}/)?\p{Lu}\p{L}{0,5}-\p{Lu}[\p{Lu}\d]*)[.,;]?$").unwrap()
});

/// What both second readings agree on.
#[derive(Debug, Clone, PartialEq)]
struct Agreed {
    number: String,
    /// The whole số ký hiệu, when both readings give the same well-formed one.
    symbol: Option<String>,
    /// Mean confidence of the words holding it.
    confidence: f32,
}

/// The words of a số ký hiệu on a page: the index of `Số` and of the word that ends the ký
/// hiệu (the first one holding a `/`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct SymbolWords {
    so: usize,
    last: usize,
}

impl SymbolWords {
    /// Finds `Số` followed on its line, within [`MAX_SYMBOL_WORDS`] words, by one holding a
    /// `/`, among the words whose top is above `below`.
    fn find(words: &[OcrWord], below: u32) -> Option<Self> {
        (0..words.len()).find_map(|so| {
            let w = &words[so];
            if w.bbox[1] >= below || fold_upper(w.text.trim_end_matches([':', '.'])) != "SO" {
                return None;
            }
            let last = (so + 1..words.len())
                .take(MAX_SYMBOL_WORDS)
                .take_while(|&k| words[k].line == w.line)
                .find(|&k| words[k].text.contains('/'))?;
            Some(Self { so, last })
        })
    }

    fn text(&self, words: &[OcrWord]) -> String {
        words[self.so + 1..=self.last]
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The box around `Số` and the ký hiệu's words.
    fn bbox(&self, words: &[OcrWord], from: usize) -> [u32; 4] {
        let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
        for [x, y, w, h] in words[from..=self.last].iter().map(|w| w.bbox) {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x + w);
            y1 = y1.max(y + h);
        }
        [x0, y0, x1.saturating_sub(x0), y1.saturating_sub(y0)]
    }

    /// The box around `Số` and the ký hiệu with a margin (a line height across, half of one
    /// up and down), inside a `width` × `height` page.
    fn crop(&self, words: &[OcrWord], width: u32, height: u32) -> [u32; 4] {
        let bbox = self.bbox(words, self.so);
        let line_height = words[self.so..=self.last]
            .iter()
            .map(|w| w.bbox[3])
            .max()
            .unwrap_or(bbox[3]);
        padded(bbox, line_height, width, height)
    }
}

/// `bbox` with a margin (a line height across, half of one up and down), inside a `width` ×
/// `height` page: what a line's words are read again from.
pub(super) fn padded(bbox: [u32; 4], line_height: u32, width: u32, height: u32) -> [u32; 4] {
    let [x, y, w, h] = bbox;
    let (pad_x, pad_y) = (line_height, line_height / 2 + 2);
    let (x0, y0) = (x.saturating_sub(pad_x), y.saturating_sub(pad_y));
    let (x1, y1) = ((x + w + pad_x).min(width), (y + h + pad_y).min(height));
    [x0, y0, x1.saturating_sub(x0), y1.saturating_sub(y0)]
}

/// `line` (cut from `page`) read as one line by `engine`, enlarged `scale` times.
pub(super) fn read_scaled(
    engine: &mut dyn OcrEngine,
    page: &PreparedPage,
    line: &image::GrayImage,
    scale: u32,
) -> Result<OcrPage> {
    let image = if scale == 1 {
        line.clone()
    } else {
        crate::preprocess::enlarge(line, scale)
    };
    let mut facts = page.facts.clone();
    facts.dpi *= scale;
    engine.recognize_line(&PreparedPage { image, facts })
}

/// Where the number of a ký hiệu as first read ends: after its leading digits and the
/// letters OCR reads for digits (`I12`, `O4`).
fn number_end(symbol: &str) -> usize {
    symbol
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, 'O' | 'o' | 'I' | 'l' | '|' | ']')))
        .map_or(symbol.len(), |(i, _)| i)
}

/// Reads the số ký hiệu line of `page` again (see the module doc) and puts the agreed number
/// into `ocr`. A page without a `Số …/…` line in its upper part is left as it is, and so is
/// one whose second reading fails (the first one stands; the failure is logged).
pub fn reread_symbol(engine: &mut dyn OcrEngine, page: &PreparedPage, ocr: OcrPage) -> OcrPage {
    let below = (page.image.height() as f32 * HEADER_SHARE) as u32;
    let Some(found) = SymbolWords::find(&ocr.words, below) else {
        return ocr;
    };
    match read_again(engine, page, &ocr, found) {
        Ok(Some(agreed)) => put_right(ocr, found, &agreed),
        Ok(None) => ocr,
        Err(e) => {
            tracing::warn!(error = %e, "reading the số ký hiệu line again failed; the first reading stands");
            ocr
        }
    }
}

/// What both second readings agree on; `None` when they give different numbers or either
/// finds none.
fn read_again(
    engine: &mut dyn OcrEngine,
    page: &PreparedPage,
    ocr: &OcrPage,
    found: SymbolWords,
) -> Result<Option<Agreed>> {
    let [x, y, w, h] = found.crop(&ocr.words, page.image.width(), page.image.height());
    if w == 0 || h == 0 {
        return Ok(None);
    }
    let line = imageops::crop_imm(&page.image, x, y, w, h).to_image();
    let mut agreed: Option<Agreed> = None;
    for scale in SCALES {
        let read = read_scaled(engine, page, &line, scale)?;
        tracing::debug!(scale, line = %read.text, "số ký hiệu line read again");
        let Some(c) = SYMBOL.captures(&read.text) else {
            return Ok(None);
        };
        let number = c[2].to_string();
        let symbol = Some(c[1].to_string()).filter(|s| WELL_FORMED.is_match(s));
        let confidence = read
            .words
            .iter()
            .find(|w| w.text.contains(&number))
            .map_or(0.0, |w| w.confidence);
        agreed = match agreed {
            None => Some(Agreed {
                number,
                symbol,
                confidence,
            }),
            Some(a) if a.number == number => Some(Agreed {
                symbol: a.symbol.filter(|s| Some(s) == symbol.as_ref()),
                confidence: f32::midpoint(a.confidence, confidence),
                ..a
            }),
            Some(_) => return Ok(None),
        };
    }
    Ok(agreed)
}

/// `ocr` with the số ký hiệu at `found` put right (the ký hiệu's words become one): the
/// first reading gets the agreed number, keeping its ký hiệu (the symbol model cannot read
/// `Đ`), unless that is still malformed (`14KL/UBKTHU`): then the agreed well-formed second
/// reading replaces it whole.
fn put_right(mut ocr: OcrPage, found: SymbolWords, agreed: &Agreed) -> OcrPage {
    let old = found.text(&ocr.words);
    let end = number_end(&old);
    let renumbered = format!("{}{}", agreed.number, &old[end..]);
    let new = match &agreed.symbol {
        Some(symbol) if !WELL_FORMED.is_match(&renumbered) => symbol.clone(),
        _ if end == 0 => return ocr,
        _ => renumbered,
    };
    if new == old {
        return ocr;
    }
    tracing::debug!(old, new, "số ký hiệu put right by a second reading");
    // The text holds `Số` and the ký hiệu as the words were joined.
    let so = &ocr.words[found.so].text;
    let Some(at) = ocr.text.find(&format!("{so} {old}")) else {
        return ocr;
    };
    let start = at + so.len() + 1;
    ocr.text.replace_range(start..start + old.len(), &new);
    let word = OcrWord {
        text: new,
        bbox: found.bbox(&ocr.words, found.so + 1),
        confidence: agreed.confidence,
        line: ocr.words[found.so].line,
    };
    ocr.words.splice(found.so + 1..=found.last, [word]);
    ocr.mean_confidence = OcrPage::weighted_confidence(&ocr.words);
    ocr
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::fake_line_reader::{blank_page, word, LineReader};

    fn page() -> PreparedPage {
        blank_page(200)
    }

    fn first_reading(symbol: &str) -> OcrPage {
        let words = vec![
            word("TỈNH", 50, 0, 90.0),
            word("ỦY", 120, 0, 90.0),
            word("Số", 50, 1, 92.0),
            word(symbol, 120, 1, 60.0),
            word("Đồng", 400, 1, 90.0),
            word("Hới", 470, 1, 90.0),
        ];
        OcrPage {
            text: format!("TỈNH ỦY\n\nSố {symbol} Đồng Hới\nbody"),
            mean_confidence: OcrPage::weighted_confidence(&words),
            words,
        }
    }

    #[test]
    fn an_agreed_number_replaces_the_first_one_and_the_ky_hieu_stays() {
        let mut engine = LineReader::new(&["S6 12-HD/BTCTU", "So 12-HD/BTCTU"]);
        let ocr = reread_symbol(&mut engine, &page(), first_reading("I12-HD/ĐUK"));
        assert_eq!(ocr.text, "TỈNH ỦY\n\nSố 12-HD/ĐUK Đồng Hới\nbody");
        assert_eq!(ocr.words[3].text, "12-HD/ĐUK");
        assert_eq!((ocr.words[3].line, ocr.words[3].confidence), (1, 88.0));
        // The crop: `Số` and the ký hiệu with margins, as scanned and twice as large.
        let crop = (130 + 2 * 30, 30 + 2 * 17);
        assert_eq!(
            engine.seen,
            vec![(crop.0, crop.1, 200), (crop.0 * 2, crop.1 * 2, 400)]
        );
        // A number split from its ký hiệu, and the State form.
        let mut engine = LineReader::new(&["So 04 -TT/TU", "So: 04-TT/TU"]);
        let mut first = first_reading("4");
        first.words.insert(4, word("-TT/TU", 180, 1, 70.0));
        first.text = first.text.replace("Số 4 Đồng", "Số 4 -TT/TU Đồng");
        let ocr = reread_symbol(&mut engine, &page(), first);
        assert_eq!(ocr.text, "TỈNH ỦY\n\nSố 04 -TT/TU Đồng Hới\nbody");
        assert_eq!(ocr.words.len(), 6);
        let mut engine = LineReader::new(&["So: 1150/QD-UBND", "So: 1150/QD-UBND"]);
        let ocr = reread_symbol(&mut engine, &page(), first_reading("I150/QĐ-UBND"));
        assert!(ocr.text.contains("Số 1150/QĐ-UBND Đồng"));
    }

    #[test]
    fn a_malformed_first_reading_is_replaced_whole_by_an_agreed_well_formed_one() {
        let mut engine = LineReader::new(&["| S6 63-KL/UBKTHU", "S6 63-KL/UBKTHU"]);
        let ocr = reread_symbol(&mut engine, &page(), first_reading("63KL/UBKTHU"));
        assert!(ocr.text.contains("Số 63-KL/UBKTHU Đồng"), "{}", ocr.text);
        // Well-formed readings that differ in the ký hiệu: only the number is agreed.
        let mut engine = LineReader::new(&["S6 63-KL/UBKTHU", "S6 63-KI/UBKTHU"]);
        let first = first_reading("63KL/UBKTHU");
        assert_eq!(reread_symbol(&mut engine, &page(), first.clone()), first);
    }

    #[test]
    fn disagreeing_or_missing_second_readings_change_nothing() {
        for lines in [
            ["So 12-HD/BTCTU", "So 112-HD/BTCTU"],
            ["So 12-HD/BTCTU", "So HD/BTCTU"],
            // A number with no ký hiệu after it is not taken.
            ["So 12 HD BTCTU", "So 12 HD BTCTU"],
            ["So I2-HD/BTCTU", "So I2-HD/BTCTU"],
        ] {
            let mut engine = LineReader::new(&lines);
            let first = first_reading("I12-HD/BTCTU");
            assert_eq!(reread_symbol(&mut engine, &page(), first.clone()), first);
        }
        // The same number: nothing to change.
        let mut engine = LineReader::new(&["So 12-HD/BTCTU", "So 12-HD/BTCTU"]);
        let first = first_reading("12-HD/BTCTU");
        assert_eq!(reread_symbol(&mut engine, &page(), first.clone()), first);
    }

    #[test]
    fn pages_without_a_so_line_in_the_header_are_not_read_again() {
        let mut plain = first_reading("12-HD/BTCTU");
        plain.words[2].text = "Sáng".into();
        let mut engine = LineReader::new(&[]);
        assert_eq!(reread_symbol(&mut engine, &page(), plain.clone()), plain);
        // A `Số` low on the page is in the body.
        let mut low = first_reading("12-HD/BTCTU");
        for w in &mut low.words {
            w.bbox[1] += 1000;
        }
        assert_eq!(reread_symbol(&mut engine, &page(), low.clone()), low);
        assert!(engine.seen.is_empty());
    }
}
