//! OCR: a prepared page in, recognised words with boxes and confidences out.
//!
//! In: a [`PreparedPage`]. Out: an [`OcrPage`]. The engine sits behind the [`OcrEngine`]
//! trait so the logic around it (orientation retry, text assembly) is testable without
//! Tesseract; [`tesseract::TesseractEngine`] is the real engine, one per worker thread.
//! [`symbol_line`] reads the số ký hiệu line a second time, closer; [`stamp_ink`] reads the
//! header area's red (or light-gray) stamp ink on its own, for độ mật marks.
//! [`models`] names and digests the recognition models used.

pub mod date_line;
#[cfg(test)]
mod fake_line_reader;
pub mod models;
pub mod stamp_ink;
pub mod symbol_line;
pub mod tess_api;
pub mod tesseract;

use serde::{Deserialize, Serialize};

use crate::preprocess::{rotate_quarter, PreparedPage, PreprocessFacts};
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
/// orientation, turns it and recognises it again, keeping the better result; when a bilevel
/// page still reads poorly, recognises it once more smoothed ([`smoothed`]: a bilevel
/// photocopy whose gray paper was dithered into specks reads as nothing until the specks
/// are averaged into a light gray) and keeps whichever reading has more confident letters.
/// Returns the OCR result and the page as recognised (turned or smoothed, if that won).
pub fn recognize_upright(
    engine: &mut dyn OcrEngine,
    page: PreparedPage,
) -> Result<(OcrPage, PreparedPage)> {
    let first = engine.recognize(&page)?;
    if first.mean_confidence >= SUSPICIOUS_CONFIDENCE {
        return Ok((first, page));
    }
    let (best, page) = turned_if_better(engine, first, page)?;
    if best.mean_confidence >= SUSPICIOUS_CONFIDENCE || !page.facts.bilevel {
        return Ok((best, page));
    }
    let smooth = smoothed(&page);
    let again = engine.recognize(&smooth)?;
    let (before, after) = (
        confident_letters(&best.words),
        confident_letters(&again.words),
    );
    tracing::debug!(before, after, "a page read poorly, read again smoothed");
    if after > before {
        Ok((again, smooth))
    } else {
        Ok((best, page))
    }
}

/// The first reading of a page that reads poorly, or the reading of the page turned the way
/// its detected orientation says when that reads more confidently.
fn turned_if_better(
    engine: &mut dyn OcrEngine,
    first: OcrPage,
    page: PreparedPage,
) -> Result<(OcrPage, PreparedPage)> {
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

/// The blur of a poorly read page's second reading, in pixels at 300 dpi: wider than a
/// dithered paper's specks and gaps (one to three pixels), narrower than a stroke of print.
const SMOOTHING_SIGMA_AT_300_DPI: f32 = 1.5;

/// The page blurred by [`SMOOTHING_SIGMA_AT_300_DPI`] (scaled to its resolution), recorded
/// as smoothed.
fn smoothed(page: &PreparedPage) -> PreparedPage {
    let sigma = SMOOTHING_SIGMA_AT_300_DPI * page.facts.dpi as f32 / 300.0;
    PreparedPage {
        image: imageproc::filter::gaussian_blur_f32(&page.image, sigma.max(0.5)),
        facts: PreprocessFacts {
            smoothed: true,
            ..page.facts.clone()
        },
    }
}

/// Letters of the words read with a confidence of [`SUSPICIOUS_CONFIDENCE`] or more.
fn confident_letters(words: &[OcrWord]) -> usize {
    words
        .iter()
        .filter(|w| w.confidence >= SUSPICIOUS_CONFIDENCE)
        .map(|w| w.text.chars().filter(|c| c.is_alphanumeric()).count())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
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

    /// A fake engine for a speckled page: reads nothing unless the page was smoothed (then
    /// `smoothed_reads` words), and finds no orientation.
    struct Speckled {
        smoothed_reads: usize,
        seen: Vec<bool>,
    }

    impl OcrEngine for Speckled {
        fn recognize(&mut self, page: &PreparedPage) -> Result<OcrPage> {
            self.seen.push(page.facts.smoothed);
            let count = if page.facts.smoothed {
                self.smoothed_reads
            } else {
                0
            };
            let words: Vec<OcrWord> = (0..count)
                .map(|_| OcrWord {
                    text: "Đảng".into(),
                    bbox: [0; 4],
                    confidence: 85.0,
                    line: 0,
                })
                .collect();
            Ok(OcrPage {
                text: vec!["Đảng"; count].join(" "),
                mean_confidence: OcrPage::weighted_confidence(&words),
                words,
            })
        }
        fn recognize_line(&mut self, _: &PreparedPage) -> Result<OcrPage> {
            unreachable!("no line is read here")
        }
        fn detect_orientation(&mut self, _: &PreparedPage) -> Result<Option<Orientation>> {
            Ok(None)
        }
    }

    #[test]
    fn pages_read_poorly_are_read_again_smoothed_and_the_better_kept() {
        let mut speckled = page();
        speckled.image = GrayImage::from_fn(40, 20, |x, y| {
            image::Luma([if (x + y) % 2 == 0 { 0 } else { 255 }])
        });
        speckled.facts.dpi = 300;
        speckled.facts.bilevel = true;
        let mut e = Speckled {
            smoothed_reads: 3,
            seen: vec![],
        };
        let (ocr, p) = recognize_upright(&mut e, speckled.clone()).unwrap();
        assert_eq!(
            (ocr.text.as_str(), p.facts.smoothed),
            ("Đảng Đảng Đảng", true)
        );
        assert_eq!(e.seen, [false, true]);
        // Blurred: the specks averaged into a gray.
        let levels: Vec<u8> = p.image.pixels().map(|l| l[0]).collect();
        assert!(
            levels.iter().all(|&v| (60..=195).contains(&v)),
            "{levels:?}"
        );
        // Smoothing reads no better: the page as it was.
        let mut e = Speckled {
            smoothed_reads: 0,
            seen: vec![],
        };
        let (ocr, p) = recognize_upright(&mut e, speckled.clone()).unwrap();
        assert_eq!((ocr.text.as_str(), p.facts.smoothed), ("", false));
        assert_eq!(e.seen, [false, true]);
        // A gray or colour page is not blurred: dithering is a bilevel scan's.
        speckled.facts.bilevel = false;
        let mut e = Speckled {
            smoothed_reads: 3,
            seen: vec![],
        };
        let (_, p) = recognize_upright(&mut e, speckled).unwrap();
        assert_eq!((p.facts.smoothed, e.seen.as_slice()), (false, &[false][..]));
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
