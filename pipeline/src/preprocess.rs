//! Prepare a decoded page for OCR: 8-bit gray, blank-page detection, deskew.
//!
//! In: a [`DecodedPage`] (pixels as scanned). Out: a [`PreparedPage`]: an 8-bit gray image,
//! upright within ±0.3° (projection-profile deskew on a downscaled copy, so it costs a few
//! percent of an OCR pass), its resolution, and whether the page is blank (the back of a
//! duplex scan) and so must not go through OCR. Quarter-turn orientation is fixed later, only for
//! pages whose OCR looks wrong (see [`rotate_quarter`]). The original bytes are never touched.

use image::{GrayImage, Luma};
use imageproc::geometric_transformations::{rotate_about_center, Border, Interpolation};
use serde::{Deserialize, Serialize};

use crate::decode::DecodedPage;

/// Resolution assumed when a file does not record one (the common scanner default).
pub const DEFAULT_DPI: u32 = 300;

/// Skew below this many degrees is left alone: Tesseract copes with it and rotating blurs.
const MIN_DESKEW_DEGREES: f32 = 0.3;
/// Skew search range.
const MAX_SKEW_DEGREES: f32 = 5.0;
/// Share of inked pixels (after downscaling) below which a page counts as blank.
const BLANK_INK_RATIO: f32 = 0.0015;
/// Downscaled working width for analysis.
const ANALYSIS_WIDTH: u32 = 800;

/// Preprocessing switches (all on by default).
#[derive(Debug, Clone, Copy)]
pub struct PreprocessOptions {
    pub deskew: bool,
    pub detect_blank: bool,
}

impl Default for PreprocessOptions {
    fn default() -> Self {
        PreprocessOptions {
            deskew: true,
            detect_blank: true,
        }
    }
}

/// What preprocessing found and did, recorded with the page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PreprocessFacts {
    /// Resolution used for OCR and whether the file recorded it.
    pub dpi: u32,
    pub dpi_from_file: bool,
    pub blank: bool,
    /// Share of inked pixels on the page.
    pub ink_ratio: f32,
    /// Skew that was measured (degrees; positive = lines fall to the right).
    pub skew_degrees: f32,
    /// Whether the image was rotated to remove the skew.
    pub deskewed: bool,
    /// Clockwise quarter turn applied to make the page upright (0, 90, 180, 270).
    pub rotation: u16,
}

/// A page ready for OCR.
#[derive(Debug, Clone)]
pub struct PreparedPage {
    pub image: GrayImage,
    pub facts: PreprocessFacts,
}

/// Converts, measures and straightens a decoded page.
pub fn prepare(page: &DecodedPage, options: PreprocessOptions) -> PreparedPage {
    // A gray page is copied whole (a memcpy), not converted pixel by pixel.
    let gray = match &page.image {
        image::DynamicImage::ImageLuma8(gray) => gray.clone(),
        other => other.to_luma8(),
    };
    let (dpi, dpi_from_file) = match page.technical.dpi {
        Some(d) if (50.0..=2400.0).contains(&d) => (d.round() as u32, true),
        _ => (DEFAULT_DPI, false),
    };
    // A PDF page that paints nothing was made white by the decoder: nothing to measure.
    if options.detect_blank && page.technical.compression == crate::decode::EMPTY_PAGE {
        let facts = PreprocessFacts {
            dpi,
            dpi_from_file,
            blank: true,
            ..Default::default()
        };
        return PreparedPage { image: gray, facts };
    }
    let analysis = Analysis::of(&gray);
    let blank = options.detect_blank && analysis.ink_ratio < BLANK_INK_RATIO;
    let mut facts = PreprocessFacts {
        dpi,
        dpi_from_file,
        blank,
        ink_ratio: analysis.ink_ratio,
        ..Default::default()
    };
    if blank || !options.deskew {
        return PreparedPage { image: gray, facts };
    }
    let skew = analysis.skew_degrees();
    facts.skew_degrees = skew;
    let image = if skew.abs() >= MIN_DESKEW_DEGREES {
        facts.deskewed = true;
        rotate_about_center(
            &gray,
            -skew.to_radians(),
            Interpolation::Bilinear,
            Border::Constant(Luma([analysis.paper_level])),
        )
    } else {
        gray
    };
    PreparedPage { image, facts }
}

/// Turns a page clockwise by a quarter-turn multiple (orientation fix).
pub fn rotate_quarter(page: &PreparedPage, clockwise_degrees: u16) -> PreparedPage {
    let image = match clockwise_degrees % 360 {
        90 => image::imageops::rotate90(&page.image),
        180 => image::imageops::rotate180(&page.image),
        270 => image::imageops::rotate270(&page.image),
        _ => page.image.clone(),
    };
    let mut facts = page.facts.clone();
    facts.rotation = (facts.rotation + clockwise_degrees) % 360;
    PreparedPage { image, facts }
}

/// A downscaled, thresholded view of a page used for blank detection and skew.
struct Analysis {
    /// Inked pixel coordinates in the downscaled image (margins excluded).
    ink: Vec<(u32, u32)>,
    width: u32,
    height: u32,
    ink_ratio: f32,
    paper_level: u8,
}

impl Analysis {
    fn of(gray: &GrayImage) -> Analysis {
        let factor = (gray.width() / ANALYSIS_WIDTH).max(1);
        let (w, h) = (gray.width() / factor, gray.height() / factor);
        if w == 0 || h == 0 {
            return Analysis {
                ink: Vec::new(),
                width: w,
                height: h,
                ink_ratio: 0.0,
                paper_level: 255,
            };
        }
        // Box-average downscale: averaging also suppresses salt-and-pepper noise.
        let mut small = vec![0u8; (w * h) as usize];
        let area = factor * factor;
        for y in 0..h {
            for x in 0..w {
                let mut sum = 0u32;
                for dy in 0..factor {
                    for dx in 0..factor {
                        sum += u32::from(gray.get_pixel(x * factor + dx, y * factor + dy)[0]);
                    }
                }
                small[(y * w + x) as usize] = (sum / area) as u8;
            }
        }
        let mut histogram = [0u32; 256];
        for &v in &small {
            histogram[v as usize] += 1;
        }
        let paper_level = percentile(&histogram, 0.90);
        let threshold = (f32::from(paper_level) * 0.6) as u8;
        // Ignore a 4% margin: scanner edges, punch holes, shadows of the binding.
        let (mx, my) = (w / 25, h / 25);
        let mut ink = Vec::new();
        for y in my..h.saturating_sub(my) {
            for x in mx..w.saturating_sub(mx) {
                if small[(y * w + x) as usize] < threshold {
                    ink.push((x, y));
                }
            }
        }
        let inner = ((w - 2 * mx) * (h - 2 * my)).max(1) as f32;
        Analysis {
            ink_ratio: ink.len() as f32 / inner,
            ink,
            width: w,
            height: h,
            paper_level,
        }
    }

    /// Skew angle that makes the ink's row profile sharpest (projection-profile method).
    fn skew_degrees(&self) -> f32 {
        if self.ink.len() < 200 {
            return 0.0;
        }
        let coarse = self.best_angle(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES, 0.25);
        self.best_angle(coarse - 0.25, coarse + 0.25, 0.025)
    }

    fn best_angle(&self, from: f32, to: f32, step: f32) -> f32 {
        let offset =
            (self.width as f32 * (MAX_SKEW_DEGREES + 1.0).to_radians().tan()).ceil() as i64;
        let bins = self.height as usize + 2 * offset as usize + 1;
        let mut profile = vec![0u32; bins];
        let last_bin = i64::try_from(bins - 1).expect("a profile bin per pixel row fits i64");
        let (mut best, mut best_score) = (0.0f32, f64::MIN);
        let steps = ((to - from) / step).round() as i32;
        for i in 0..=steps {
            let angle = from + i as f32 * step;
            let slope = angle.to_radians().tan();
            profile.fill(0);
            for &(x, y) in &self.ink {
                let row = i64::from(y) - (x as f32 * slope).round() as i64 + offset;
                profile[row.clamp(0, last_bin) as usize] += 1;
            }
            let score: f64 = profile.iter().map(|&c| f64::from(c) * f64::from(c)).sum();
            if score > best_score {
                best_score = score;
                best = angle;
            }
        }
        best
    }
}

fn percentile(histogram: &[u32; 256], q: f32) -> u8 {
    let total: u32 = histogram.iter().sum();
    let target = (total as f32 * q) as u32;
    let mut seen = 0;
    for (level, &count) in histogram.iter().enumerate() {
        seen += count;
        if seen >= target.max(1) {
            return level as u8;
        }
    }
    255
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::{ScanFormat, TechnicalMetadata};
    use image::DynamicImage;

    /// A white page with dark horizontal "text lines" of dashes.
    fn lined_page(width: u32, height: u32) -> GrayImage {
        let mut img = GrayImage::from_pixel(width, height, Luma([245]));
        for line in 0..30 {
            let y0 = 150 + line * 60;
            if y0 + 18 >= height {
                break;
            }
            for y in y0..y0 + 18 {
                for x in 150..width - 150 {
                    if (x / 25) % 4 != 3 {
                        img.put_pixel(x, y, Luma([20]));
                    }
                }
            }
        }
        img
    }

    fn decoded(image: GrayImage) -> DecodedPage {
        DecodedPage {
            embedded_jpeg: None,
            rendered: false,
            technical: TechnicalMetadata {
                format: ScanFormat::Png,
                width: image.width(),
                height: image.height(),
                dpi: Some(200.0),
                bits_per_sample: 8,
                samples_per_pixel: 1,
                compression: "deflate".into(),
            },
            image: DynamicImage::ImageLuma8(image),
            text_layer: None,
        }
    }

    #[test]
    fn measures_and_removes_skew_in_both_directions() {
        let page = lined_page(1600, 2200);
        for degrees in [2.5f32, -1.5] {
            let skewed = rotate_about_center(
                &page,
                degrees.to_radians(),
                Interpolation::Bilinear,
                Border::Constant(Luma([245])),
            );
            let prepared = prepare(&decoded(skewed), PreprocessOptions::default());
            assert!(
                (prepared.facts.skew_degrees - degrees).abs() < 0.2,
                "rotated {degrees}°, measured {}",
                prepared.facts.skew_degrees
            );
            assert!(prepared.facts.deskewed);
            let residual = Analysis::of(&prepared.image).skew_degrees();
            assert!(residual.abs() < 0.2, "residual skew {residual}");
            assert_eq!(prepared.facts.dpi, 200);
        }
    }

    #[test]
    fn straight_page_is_not_rotated() {
        let prepared = prepare(
            &decoded(lined_page(1600, 2200)),
            PreprocessOptions::default(),
        );
        assert!(!prepared.facts.deskewed);
        assert!(!prepared.facts.blank);
    }

    #[test]
    fn detects_blank_backs_even_with_noise() {
        let mut page = GrayImage::from_pixel(1600, 2200, Luma([235]));
        // scanner noise and faint bleed-through
        for i in 0..20_000u32 {
            let (x, y) = ((i * 7919) % 1600, (i * 104_729) % 2200);
            page.put_pixel(x, y, Luma([if i % 3 == 0 { 0 } else { 200 }]));
        }
        let prepared = prepare(&decoded(page), PreprocessOptions::default());
        assert!(
            prepared.facts.blank,
            "ink ratio {}",
            prepared.facts.ink_ratio
        );
    }

    #[test]
    fn quarter_turns_compose() {
        let p = prepare(&decoded(lined_page(400, 600)), PreprocessOptions::default());
        let r = rotate_quarter(&rotate_quarter(&p, 90), 180);
        assert_eq!(r.facts.rotation, 270);
        assert_eq!((r.image.width(), r.image.height()), (600, 400));
    }
}
