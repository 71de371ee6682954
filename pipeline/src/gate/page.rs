//! One page of a document as a viewer shows it: the scan's pixels as scanned and the OCR
//! words with their boxes in the scan's own frame.
//!
//! In: a document the gate found visible, the page records of its pages (read once for
//! every page a caller views), and a page number (1-based within the document).
//! Out: a [`PageView`] — the page's text, confidence and words, each word's box mapped from
//! the frame OCR read it in (straightened by the recorded skew, turned by the recorded
//! quarter turn) back onto the scan as stored — and, on demand, the page's pixels decoded
//! from the stored scan after checking its SHA-256 against the inventory.

use serde::Serialize;

use crate::decode::{decode_page, ScanFormat};
use crate::export::files::{self, StoredFile};
use crate::preprocess::PreprocessFacts;
use crate::store::records::{DocumentRecord, PageRecord};
use crate::store::HoSoObject;
use crate::Result;

/// A word OCR read on a page, with its box on the scan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageWord {
    pub text: String,
    /// Left, top, width, height in pixels of the scan as stored.
    pub bbox: [u32; 4],
    /// 0–100.
    pub confidence: f32,
    /// Line number on the page (0-based, reading order).
    pub line: u32,
}

/// A document page for a viewer.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub document: String,
    /// 1-based within the document.
    pub page: u32,
    /// The document's number of pages.
    pub page_count: u32,
    /// The same page's number within the hồ sơ.
    pub hoso_page: u32,
    /// The scan's size in pixels: the frame of the word boxes.
    pub width: u32,
    pub height: u32,
    pub text: String,
    pub confidence: f32,
    pub words: Vec<PageWord>,
    /// Names the page's pixels: the stored image's SHA-256 and the page within it. Equal
    /// keys mean equal pixels (a cache of renderings may be keyed by it).
    pub image_key: String,
    #[serde(skip)]
    source: PageSource,
}

#[derive(Debug, Clone)]
struct PageSource {
    file: StoredFile,
    format: ScanFormat,
    page: u32,
}

impl PageView {
    /// The page's pixels decoded from the stored scan, whose bytes are first checked
    /// against the inventory's SHA-256 ([`crate::Error::Fixity`] when they differ).
    pub fn decode(&self) -> Result<image::DynamicImage> {
        self.source.file.verify()?;
        let decoded = decode_page(
            &self.source.file.content_path,
            self.source.format,
            self.source.page,
        )?;
        Ok(decoded.image)
    }
}

/// Page `page` (1-based within `doc`) of `object` for a viewer; `records` hold its page
/// record (read once for all the pages a caller views).
pub(super) fn page_view(
    object: &HoSoObject,
    doc: &DocumentRecord,
    page: u32,
    records: &[PageRecord],
) -> Result<PageView> {
    let hoso_page = files::hoso_page_of(doc, page)?;
    let record = files::page_record_of(object, doc, hoso_page, records)?;
    let file = files::stored_scan(object, record)?;
    let (format, source_page) = if record.page_extract.is_some() {
        (ScanFormat::Png, 1)
    } else {
        (record.technical.format.into(), record.source_page)
    };
    let words = scan_frame_words(record);
    Ok(PageView {
        document: doc.id.clone(),
        page,
        page_count: u32::try_from(doc.pages.len()).unwrap_or(u32::MAX),
        hoso_page: record.number,
        width: record.technical.width,
        height: record.technical.height,
        text: record.text.clone(),
        confidence: record.mean_confidence,
        words,
        image_key: format!("{}-{source_page}", file.sha256),
        source: PageSource {
            file,
            format,
            page: source_page,
        },
    })
}

fn scan_frame_words(record: &PageRecord) -> Vec<PageWord> {
    let frame = ScanFrame::of(record);
    record
        .words
        .iter()
        .map(|w| PageWord {
            text: w.text.clone(),
            bbox: frame.to_scan(w.bbox),
            confidence: w.confidence,
            line: w.line,
        })
        .collect()
}

/// The geometry between a scan (`width` × `height`) and the page OCR read: the scan
/// straightened about its centre by the recorded skew (same canvas), then turned clockwise
/// by the recorded quarter turn.
struct ScanFrame {
    width: u32,
    height: u32,
    facts: PreprocessFacts,
}

/// A box `[left, top, width, height]` in the frame OCR read `record` in (its words',
/// an extracted value's) → the box on the scan as stored that holds it.
pub(super) fn box_on_scan(record: &PageRecord, bbox: [u32; 4]) -> [u32; 4] {
    ScanFrame::of(record).to_scan(bbox)
}

impl ScanFrame {
    fn of(record: &PageRecord) -> ScanFrame {
        ScanFrame {
            width: record.technical.width,
            height: record.technical.height,
            facts: record
                .preprocess
                .as_ref()
                .map(PreprocessFacts::from)
                .unwrap_or_default(),
        }
    }

    /// A box `[left, top, width, height]` of the OCR frame → the box on the scan that holds
    /// it, clamped to the scan.
    fn to_scan(&self, bbox: [u32; 4]) -> [u32; 4] {
        let [l, t, w, h] = bbox.map(f64::from);
        let corners = [(l, t), (l + w, t), (l, t + h), (l + w, t + h)];
        let mapped = corners.map(|(x, y)| self.point_to_scan(x, y));
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in mapped {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        let (sw, sh) = (f64::from(self.width), f64::from(self.height));
        let clamp = |v: f64, max: f64| v.clamp(0.0, max).round() as u32;
        let (left, top) = (clamp(x0, sw), clamp(y0, sh));
        let (right, bottom) = (clamp(x1, sw), clamp(y1, sh));
        [left, top, right - left, bottom - top]
    }

    fn point_to_scan(&self, x: f64, y: f64) -> (f64, f64) {
        let (w, h) = (f64::from(self.width), f64::from(self.height));
        // Undo the quarter turn: the straightened page is w × h.
        let (x, y) = match self.facts.rotation % 360 {
            90 => (y, h - x),
            180 => (w - x, h - y),
            270 => (w - y, x),
            _ => (x, y),
        };
        if !self.facts.deskewed {
            return (x, y);
        }
        // Undo the straightening: it turned the scan by the skew about its centre.
        let theta = f64::from(self.facts.skew_degrees).to_radians();
        let (cx, cy) = (w / 2.0, h / 2.0);
        let (dx, dy) = (x - cx, y - cy);
        let (sin, cos) = theta.sin_cos();
        (cx + dx * cos - dy * sin, cy + dx * sin + dy * cos)
    }
}

#[cfg(test)]
mod tests {
    use image::{GrayImage, Luma};
    use imageproc::geometric_transformations::{rotate_about_center, Border, Interpolation};

    use super::*;

    /// The centre of the dark pixels of `image`.
    fn ink_centre(image: &GrayImage) -> (f64, f64) {
        let (mut sx, mut sy, mut n) = (0.0, 0.0, 0.0);
        for (x, y, p) in image.enumerate_pixels() {
            if p.0[0] < 128 {
                sx += f64::from(x) + 0.5;
                sy += f64::from(y) + 0.5;
                n += 1.0;
            }
        }
        (sx / n, sy / n)
    }

    fn scan_with_dot(width: u32, height: u32, at: (u32, u32)) -> GrayImage {
        let mut image = GrayImage::from_pixel(width, height, Luma([255]));
        for y in at.1..at.1 + 6 {
            for x in at.0..at.0 + 6 {
                image.put_pixel(x, y, Luma([0]));
            }
        }
        image
    }

    /// The page as preprocessing makes it: straightened like `preprocess::prepare`, then
    /// turned like `preprocess::rotate_quarter`.
    fn as_ocr_read(scan: &GrayImage, skew: f32, rotation: u16) -> GrayImage {
        let straight = if skew == 0.0 {
            scan.clone()
        } else {
            rotate_about_center(
                scan,
                -skew.to_radians(),
                Interpolation::Bilinear,
                Border::Constant(Luma([255])),
            )
        };
        match rotation {
            90 => image::imageops::rotate90(&straight),
            180 => image::imageops::rotate180(&straight),
            270 => image::imageops::rotate270(&straight),
            _ => straight,
        }
    }

    #[test]
    fn boxes_map_back_onto_the_scan_for_every_turn_and_skew() {
        let (width, height) = (400, 600);
        let dot = (300, 100);
        let scan = scan_with_dot(width, height, dot);
        let expected = ink_centre(&scan);
        for rotation in [0, 90, 180, 270] {
            for skew in [0.0_f32, 2.5, -3.0] {
                let read = as_ocr_read(&scan, skew, rotation);
                let (cx, cy) = ink_centre(&read);
                let frame = ScanFrame {
                    width,
                    height,
                    facts: PreprocessFacts {
                        skew_degrees: skew,
                        deskewed: skew != 0.0,
                        rotation,
                        ..Default::default()
                    },
                };
                let (x, y) = frame.point_to_scan(cx, cy);
                assert!(
                    (x - expected.0).abs() < 2.0 && (y - expected.1).abs() < 2.0,
                    "turn {rotation}, skew {skew}: mapped to ({x:.1}, {y:.1}), the dot is at {expected:?}"
                );
                let b = frame.to_scan([cx as u32 - 3, cy as u32 - 3, 6, 6]);
                assert!(
                    b[0] <= dot.0 + 6
                        && b[0] + b[2] >= dot.0
                        && b[1] <= dot.1 + 6
                        && b[1] + b[3] >= dot.1,
                    "turn {rotation}, skew {skew}: box {b:?} misses the dot at {dot:?}"
                );
            }
        }
    }

    #[test]
    fn boxes_are_clamped_to_the_scan() {
        let frame = ScanFrame {
            width: 100,
            height: 50,
            facts: PreprocessFacts::default(),
        };
        assert_eq!(frame.to_scan([90, 40, 30, 30]), [90, 40, 10, 10]);
    }
}
