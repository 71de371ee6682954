//! OCR: a prepared page in, recognised words with boxes and confidences out.
//!
//! In: a [`PreparedPage`]. Out: an [`OcrPage`]. The engine sits behind the [`OcrEngine`]
//! trait so the logic around it (orientation retry, text assembly) is testable without
//! Tesseract; [`tesseract::TesseractEngine`] is the real engine, one per worker thread.
//! [`symbol_line`] reads the số ký hiệu line a second time, closer; [`stamp_ink`] reads the
//! header area's red (or light-gray) stamp ink on its own, for độ mật marks.
//! [`models`] names and digests the recognition models used.

pub mod models;
pub mod stamp_ink;
pub mod symbol_line;
pub mod tess_api;
pub mod tesseract;

use serde::{Deserialize, Serialize};

use crate::preprocess::{rotate_quarter, PreparedPage};
use crate::Result;

/// One recognised word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OcrWord {
    pub text: String,
    /// Left, top, width, height in pixels of the prepared (upright) page.
    pub bbox: [u32; 4],
    /// 0–100.
    pub confidence: f32,
    /// Line number on the page (0-based, reading order).
    pub line: u32,
}

/// The OCR result of one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OcrPage {
    /// The text in reading order, one line per line, blank line between paragraphs.
    pub text: String,
    pub words: Vec<OcrWord>,
    /// Mean word confidence, 0–100 (0 when there are no words).
    pub mean_confidence: f32,
}

impl OcrPage {
    /// Mean of word confidences weighted by word length.
    pub fn weighted_confidence(words: &[OcrWord]) -> f32 {
        let (mut sum, mut weight) = (0.0f32, 0.0f32);
        for w in words {
            let n = w.text.chars().count() as f32;
            sum += w.confidence * n;
            weight += n;
        }
        if weight == 0.0 {
            0.0
        } else {
            sum / weight
        }
    }
}

/// A page's orientation as detected: the clockwise quarter turn that makes it upright.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Orientation {
    pub clockwise_degrees: u16,
    pub confidence: f32,
}

/// An OCR engine. Implementations are not shared between threads: make one per worker.
pub trait OcrEngine {
    /// Recognises the text of an upright page.
    fn recognize(&mut self, page: &PreparedPage) -> Result<OcrPage>;
    /// Recognises an image holding one line of text (no layout analysis).
    fn recognize_line(&mut self, line: &PreparedPage) -> Result<OcrPage>;
    /// Recognises a small image holding one block of text (a stamp) with the page model, no
    /// layout analysis (which finds no text in a small crop). By default as a page.
    fn recognize_block(&mut self, block: &PreparedPage) -> Result<OcrPage> {
        self.recognize(block)
    }
    /// Detects the quarter-turn orientation of a page (an extra, costlier pass).
    fn detect_orientation(&mut self, page: &PreparedPage) -> Result<Option<Orientation>>;
}

/// A page whose OCR confidence is below this is checked for a wrong orientation.
const SUSPICIOUS_CONFIDENCE: f32 = 60.0;
/// An orientation guess must be at least this confident to be tried.
const MIN_ORIENTATION_CONFIDENCE: f32 = 1.5;

/// Recognises a page, and only when the result looks wrong (low confidence), detects its
/// orientation, turns it and recognises it again, keeping the better result. Returns the
/// OCR result and the page as recognised (turned, if that won).
pub fn recognize_upright(
    engine: &mut dyn OcrEngine,
    page: PreparedPage,
) -> Result<(OcrPage, PreparedPage)> {
    let first = engine.recognize(&page)?;
    if first.mean_confidence >= SUSPICIOUS_CONFIDENCE {
        return Ok((first, page));
    }
    let Some(orientation) = engine.detect_orientation(&page)? else {
        return Ok((first, page));
    };
    if orientation.clockwise_degrees == 0 || orientation.confidence < MIN_ORIENTATION_CONFIDENCE {
        return Ok((first, page));
    }
    let turned = rotate_quarter(&page, orientation.clockwise_degrees);
    let second = engine.recognize(&turned)?;
    if second.mean_confidence > first.mean_confidence {
        Ok((second, turned))
    } else {
        Ok((first, page))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preprocess::PreprocessFacts;
    use image::GrayImage;

    /// A fake engine: confident only when the page has been turned by `upright_after`.
    struct Fake {
        upright_after: u16,
        calls: Vec<&'static str>,
    }

    impl OcrEngine for Fake {
        fn recognize(&mut self, page: &PreparedPage) -> Result<OcrPage> {
            self.calls.push("recognize");
            let ok = page.facts.rotation == self.upright_after;
            Ok(OcrPage {
                text: if ok { "đúng" } else { "rác" }.into(),
                words: vec![],
                mean_confidence: if ok { 90.0 } else { 30.0 },
            })
        }
        fn recognize_line(&mut self, _: &PreparedPage) -> Result<OcrPage> {
            unreachable!("no line is read here")
        }
        fn detect_orientation(&mut self, _: &PreparedPage) -> Result<Option<Orientation>> {
            self.calls.push("detect");
            Ok(Some(Orientation {
                clockwise_degrees: self.upright_after,
                confidence: 5.0,
            }))
        }
    }

    fn page() -> PreparedPage {
        PreparedPage {
            image: GrayImage::new(4, 2),
            facts: PreprocessFacts::default(),
        }
    }

    #[test]
    fn confident_pages_get_one_pass_only() {
        let mut e = Fake {
            upright_after: 0,
            calls: vec![],
        };
        let (ocr, p) = recognize_upright(&mut e, page()).unwrap();
        assert_eq!(ocr.text, "đúng");
        assert_eq!(p.facts.rotation, 0);
        assert_eq!(e.calls, ["recognize"]);
    }

    #[test]
    fn upside_down_pages_are_turned_and_read_again() {
        let mut e = Fake {
            upright_after: 180,
            calls: vec![],
        };
        let (ocr, p) = recognize_upright(&mut e, page()).unwrap();
        assert_eq!(ocr.text, "đúng");
        assert_eq!(p.facts.rotation, 180);
        assert_eq!(e.calls, ["recognize", "detect", "recognize"]);
    }

    #[test]
    fn weighted_confidence_weights_by_length() {
        let w = |t: &str, c| OcrWord {
            text: t.into(),
            bbox: [0; 4],
            confidence: c,
            line: 0,
        };
        let c = OcrPage::weighted_confidence(&[w("a", 0.0), w("abc", 100.0)]);
        assert!((c - 75.0).abs() < 1e-4);
    }
}
