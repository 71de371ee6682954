//! A fake symbol model for the unit tests of the second readings (`symbol_line`,
//! `date_line`): in, the lines it is to read, in order; out, each line image it is given
//! read as the next of them (words 70 px apart, confidence 88), and the size and resolution
//! of each image it got. With it, the blank page those tests read at a given resolution.

use image::GrayImage;

use super::{OcrEngine, OcrPage, OcrWord, Orientation};
use crate::preprocess::{PreparedPage, PreprocessFacts};
use crate::Result;

/// A blank 1000 × 1400 page prepared at `dpi`.
pub(crate) fn blank_page(dpi: u32) -> PreparedPage {
    PreparedPage {
        image: GrayImage::new(1000, 1400),
        facts: PreprocessFacts {
            dpi,
            ..PreprocessFacts::default()
        },
    }
}

/// A word of a page read by the tests: 60 × 30 px at `x`, on `line` (40 px apart).
pub(crate) fn word(text: &str, x: u32, line: u32, confidence: f32) -> OcrWord {
    OcrWord {
        text: text.into(),
        bbox: [x, 100 + line * 40, 60, 30],
        confidence,
        line,
    }
}

/// Reads the n-th line it is given as `lines[n]`, and records the size and resolution of
/// each image it got.
pub(crate) struct LineReader {
    lines: Vec<&'static str>,
    pub seen: Vec<(u32, u32, u32)>,
}

impl LineReader {
    pub fn new(lines: &[&'static str]) -> Self {
        LineReader {
            lines: lines.to_vec(),
            seen: Vec::new(),
        }
    }
}

impl OcrEngine for LineReader {
    fn recognize(&mut self, _: &PreparedPage) -> Result<OcrPage> {
        unreachable!("only lines are read here")
    }
    fn recognize_line(&mut self, line: &PreparedPage) -> Result<OcrPage> {
        let text = self.lines[self.seen.len()];
        self.seen
            .push((line.image.width(), line.image.height(), line.facts.dpi));
        let words = text
            .split(' ')
            .enumerate()
            .map(|(i, t)| word(t, i as u32 * 70, 0, 88.0))
            .collect();
        Ok(OcrPage {
            text: text.into(),
            words,
            mean_confidence: 88.0,
        })
    }
    fn detect_orientation(&mut self, _: &PreparedPage) -> Result<Option<Orientation>> {
        Ok(None)
    }
}
