//! Prepare a decoded page for OCR: 8-bit gray, blank-page detection, deskew.
//!
//! In: a [`DecodedPage`] (pixels as scanned). Out: a [`PreparedPage`]: an 8-bit gray image,
//! upright within ±0.5° (projection-profile deskew on a downscaled copy; smaller skew is left to
//! Tesseract, larger is rotated away by a fixed-point bilinear rotation), its resolution, and
//! whether the page is blank (the back of a duplex scan) and so must not go through OCR. A faded page
//! (typewriter ink a few dozen levels under the paper) is not blank: it is found by its faint
//! ink when its dark ink is too little. Quarter-turn orientation is fixed later, only for
//! pages whose OCR looks wrong (see [`rotate_quarter`]). The original bytes are never touched.

use image::GrayImage;
use serde::{Deserialize, Serialize};

use crate::decode::DecodedPage;

/// Resolution assumed when a file does not record one (the common scanner default).
pub const DEFAULT_DPI: u32 = 300;

/// Skew below this many degrees is measured but left alone: Tesseract's layout analysis finds
/// the page's skew and follows its text lines itself, and rotating a page costs a pass over it
/// and blurs it. On rendered 300-dpi pages, word accuracy without rotation was within 0.2 % of
/// the rotated page's at 0.3° and lost up to 0.5 % at 0.6° and 0.7 % at 1° on one page of
/// three (`benches/RESULTS.md`, "Colour scans at OCR speed", session 12): so half a degree.
const MIN_DESKEW_DEGREES: f32 = 0.5;
/// Skew search range.
const MAX_SKEW_DEGREES: f32 = 5.0;
/// Share of inked pixels (after downscaling) below which a page counts as blank.
const BLANK_INK_RATIO: f32 = 0.0015;
/// How far under the paper's level faint ink lies (after downscaling): a faded typewritten
/// page's strokes, averaged with the paper around them, measure 40–90 levels under it and
/// hardly any under 60 % of the paper's level; a blank page's grain stays within a few levels.
/// Only a page with too little dark ink to count is looked at for it.
const FAINT_INK_DEPTH: u8 = 40;
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
    /// Whether the page was recognised blurred, its first reading poor (see
    /// [`crate::ocr::recognize_upright`]).
    #[serde(default)]
    pub smoothed: bool,
    /// Whether the page was scanned bilevel (one bit a pixel, as its technical record says):
    /// only such a page is read blurred.
    #[serde(skip)]
    pub bilevel: bool,
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
    let bilevel = page.technical.bits_per_sample == 1;
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
            bilevel,
            ..Default::default()
        };
        return PreparedPage { image: gray, facts };
    }
    let analysis = Analysis::of_small(Small::of(&gray));
    let blank = options.detect_blank && analysis.ink_ratio < BLANK_INK_RATIO;
    let mut facts = PreprocessFacts {
        dpi,
        dpi_from_file,
        blank,
        ink_ratio: analysis.ink_ratio,
        bilevel,
        ..Default::default()
    };
    if blank || !options.deskew {
        return PreparedPage { image: gray, facts };
    }
    let skew = analysis.skew_degrees();
    facts.skew_degrees = skew;
    let image = if skew.abs() >= MIN_DESKEW_DEGREES {
        facts.deskewed = true;
        rotate_gray(&gray, -skew.to_radians(), analysis.paper_level)
    } else {
        gray
    };
    PreparedPage { image, facts }
}

/// Rotates a gray image clockwise by `theta` radians about its centre (`width / 2`,
/// `height / 2`), bilinear, into an image of the same size; what comes from outside the
/// image is `border`. The same mapping as `imageproc`'s `rotate_about_center`, so word boxes
/// map back the same way, at a fraction of its cost: the source position of each output pixel
/// advances by a constant step along a row (fixed point, 32 fraction bits, the row's start
/// computed exactly), and the blend is integer arithmetic with 8-bit weights, rounded once
/// (within a level of the exact bilinear value; the float warp truncates twice, so the two
/// differ by at most 3 levels).
pub fn rotate_gray(image: &GrayImage, theta: f32, border: u8) -> GrayImage {
    const ONE: f64 = (1u64 << 32) as f64;
    let (width, height) = image.dimensions();
    let mut out = GrayImage::new(width, height);
    if width == 0 || height == 0 {
        return out;
    }
    let (w, h) = (i64::from(width), i64::from(height));
    let src = image.as_raw();
    let stride = width as usize;
    let (sin, cos) = f64::from(theta).sin_cos();
    let (cx, cy) = (f64::from(width) / 2.0, f64::from(height) / 2.0);
    // Source of output (x, y): (cos·(x−cx) + sin·(y−cy) + cx, −sin·(x−cx) + cos·(y−cy) + cy).
    let (step_x, step_y) = ((cos * ONE).round() as i64, (-sin * ONE).round() as i64);
    let at = |x: i64, y: i64| -> u32 {
        if x < 0 || y < 0 || x >= w || y >= h {
            u32::from(border)
        } else {
            u32::from(src[y as usize * stride + x as usize])
        }
    };
    for (y, row) in out.as_mut().chunks_exact_mut(stride).enumerate() {
        let dy = y as f64 - cy;
        let mut sx = ((-cx * cos + dy * sin + cx) * ONE).floor() as i64;
        let mut sy = ((cx * sin + dy * cos + cy) * ONE).floor() as i64;
        for pixel in row.iter_mut() {
            let (ix, iy) = (sx >> 32, sy >> 32);
            // 8-bit weights of the right and bottom neighbours.
            let (fx, fy) = (((sx >> 24) & 0xff) as u32, ((sy >> 24) & 0xff) as u32);
            let (tl, tr, bl, br) = if ix >= 0 && iy >= 0 && ix + 1 < w && iy + 1 < h {
                let i = iy as usize * stride + ix as usize;
                (
                    u32::from(src[i]),
                    u32::from(src[i + 1]),
                    u32::from(src[i + stride]),
                    u32::from(src[i + stride + 1]),
                )
            } else {
                (
                    at(ix, iy),
                    at(ix + 1, iy),
                    at(ix, iy + 1),
                    at(ix + 1, iy + 1),
                )
            };
            let top = tl * (256 - fx) + tr * fx;
            let bottom = bl * (256 - fx) + br * fx;
            *pixel = ((top * (256 - fy) + bottom * fy + (1 << 15)) >> 16) as u8;
            sx += step_x;
            sy += step_y;
        }
    }
    out
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

/// `image` enlarged `scale` times in both directions (Catmull-Rom), for a second reading of
/// a small area. The resampling runs in the `image` crate's own compiled code (through
/// [`image::DynamicImage`]): instantiated here, its kernel's helpers are calls across crates
/// that an unoptimised test build does not inline. The pixels are the same.
pub fn enlarge(image: &image::GrayImage, scale: u32) -> image::GrayImage {
    let (w, h) = image.dimensions();
    image::DynamicImage::ImageLuma8(image.clone())
        .resize_exact(
            w * scale,
            h * scale,
            image::imageops::FilterType::CatmullRom,
        )
        .into_luma8()
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

/// A page box-averaged down to about [`ANALYSIS_WIDTH`] pixels wide (averaging also
/// suppresses salt-and-pepper noise).
struct Small {
    pixels: Vec<u8>,
    width: u32,
    height: u32,
}

impl Small {
    /// Downscaling factor for a page `width` pixels wide.
    fn factor(width: u32) -> u32 {
        (width / ANALYSIS_WIDTH).max(1)
    }

    fn of(gray: &GrayImage) -> Small {
        let factor = Small::factor(gray.width());
        let (w, h) = (gray.width() / factor, gray.height() / factor);
        let mut small = Small {
            pixels: vec![0; (w * h) as usize],
            width: w,
            height: h,
        };
        if w == 0 || h == 0 {
            return small;
        }
        let band = (factor * gray.width()) as usize;
        let mut sums = vec![0u32; w as usize];
        for (y, rows) in gray
            .as_raw()
            .chunks_exact(band)
            .take(h as usize)
            .enumerate()
        {
            small.average_band(y, rows, gray.width() as usize, factor as usize, &mut sums);
        }
        small
    }

    /// Sets row `y` to the averages of `rows` (`factor` rows of `stride` pixels) over
    /// `factor` × `factor` cells; `sums` is scratch of one row.
    fn average_band(
        &mut self,
        y: usize,
        rows: &[u8],
        stride: usize,
        factor: usize,
        sums: &mut [u32],
    ) {
        sums.fill(0);
        for row in rows.chunks_exact(stride) {
            for (sum, cell) in sums.iter_mut().zip(row.chunks_exact(factor)) {
                *sum += cell.iter().map(|&v| u32::from(v)).sum::<u32>();
            }
        }
        let area = (factor * factor) as u32;
        let w = self.width as usize;
        for (out, &sum) in self.pixels[y * w..(y + 1) * w].iter_mut().zip(sums.iter()) {
            *out = (sum / area) as u8;
        }
    }
}

impl Analysis {
    #[cfg(test)]
    fn of(gray: &GrayImage) -> Analysis {
        Analysis::of_small(Small::of(gray))
    }

    fn of_small(small: Small) -> Analysis {
        let Small {
            pixels: small,
            width: w,
            height: h,
        } = small;
        if w == 0 || h == 0 {
            return Analysis {
                ink: Vec::new(),
                width: w,
                height: h,
                ink_ratio: 0.0,
                paper_level: 255,
            };
        }
        let mut histogram = [0u32; 256];
        for &v in &small {
            histogram[v as usize] += 1;
        }
        let paper_level = percentile(&histogram, 0.90);
        // Ignore a 4% margin: scanner edges, punch holes, shadows of the binding.
        let (mx, my) = (w / 25, h / 25);
        let inner = ((w - 2 * mx) * (h - 2 * my)).max(1) as f32;
        let ink_under = |level: u8| {
            let mut ink = Vec::new();
            for y in my..h.saturating_sub(my) {
                for x in mx..w.saturating_sub(mx) {
                    if small[(y * w + x) as usize] < level {
                        ink.push((x, y));
                    }
                }
            }
            ink
        };
        let mut ink = ink_under((f32::from(paper_level) * 0.6) as u8);
        // Too little dark ink: a blank back, or a faded page whose ink is faint.
        if (ink.len() as f32 / inner) < BLANK_INK_RATIO {
            let faint = paper_level.saturating_sub(FAINT_INK_DEPTH);
            if faint_stroke_share(&small, w, h, faint) >= BLANK_INK_RATIO {
                ink = ink_under(faint);
            }
        }
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

/// Share of the downscaled page (without a 4 % margin, as the ink) that is faint ink in
/// strokes: under `faint` and touching more of it. A faded page's strokes do; a blank back's
/// specks of scanner noise, averaged with the paper around them, stand alone.
fn faint_stroke_share(small: &[u8], w: u32, h: u32, faint: u8) -> f32 {
    let (w, h) = (w as usize, h as usize);
    let (mx, my) = ((w / 25).max(1), (h / 25).max(1));
    if w <= 2 * mx || h <= 2 * my {
        return 0.0;
    }
    let at = |x: usize, y: usize| small[y * w + x];
    let touches_more = |x: usize, y: usize| {
        (y - 1..=y + 1).any(|ny| (x - 1..=x + 1).any(|nx| (nx, ny) != (x, y) && at(nx, ny) < faint))
    };
    let strokes = (my..h - my)
        .flat_map(|y| (mx..w - mx).map(move |x| (x, y)))
        .filter(|&(x, y)| at(x, y) < faint && touches_more(x, y))
        .count();
    strokes as f32 / ((w - 2 * mx) * (h - 2 * my)) as f32
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
    use image::{DynamicImage, Luma};
    use imageproc::geometric_transformations::{rotate_about_center, Border, Interpolation};

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
    fn enlarging_gives_the_pixels_of_imageops_resize() {
        let image =
            image::GrayImage::from_fn(37, 11, |x, y| image::Luma([((x * 7 + y * 13) % 256) as u8]));
        let expected =
            image::imageops::resize(&image, 111, 33, image::imageops::FilterType::CatmullRom);
        assert_eq!(enlarge(&image, 3), expected);
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

    /// A page with print of every gray level and sharp edges in both directions.
    fn textured_page(width: u32, height: u32) -> GrayImage {
        GrayImage::from_fn(width, height, |x, y| {
            let v = if (x / 7 + y / 11) % 3 == 0 {
                20
            } else {
                (x * 3 + y * 5) % 256
            };
            Luma([v as u8])
        })
    }

    #[test]
    fn fast_rotation_matches_the_float_warp() {
        for (width, height) in [(640u32, 900u32), (333, 211), (1, 1), (2, 3)] {
            let page = textured_page(width, height);
            for degrees in [0.0f32, 0.31, -0.8, 1.7, -4.9, 12.0] {
                let theta = degrees.to_radians();
                let fast = rotate_gray(&page, theta, 240);
                let float = rotate_about_center(
                    &page,
                    theta,
                    Interpolation::Bilinear,
                    Border::Constant(Luma([240])),
                );
                assert_eq!(fast.dimensions(), float.dimensions());
                let diffs: Vec<i32> = fast
                    .as_raw()
                    .iter()
                    .zip(float.as_raw())
                    .map(|(&a, &b)| (i32::from(a) - i32::from(b)).abs())
                    .collect();
                let max = diffs.iter().copied().max().unwrap_or(0);
                let mean = f64::from(diffs.iter().sum::<i32>()) / diffs.len() as f64;
                // The float blend truncates twice; this one rounds once with 8-bit weights.
                assert!(
                    max <= 3,
                    "{width}×{height} at {degrees}°: max difference {max}"
                );
                assert!(
                    mean < 1.0 || width * height < 100,
                    "{width}×{height} at {degrees}°: mean difference {mean}"
                );
            }
        }
    }

    #[test]
    fn pages_are_downscaled_by_box_averages() {
        for (width, height) in [(2480u32, 1755u32), (801, 97), (799, 5), (3, 1)] {
            let gray = GrayImage::from_fn(width, height, |x, y| Luma([((x * 7) ^ (y * 13)) as u8]));
            let small = Small::of(&gray);
            let factor = Small::factor(width);
            assert_eq!(
                (small.width, small.height),
                (width / factor, height / factor)
            );
            for (i, &v) in small.pixels.iter().enumerate() {
                let (x, y) = (i as u32 % small.width, i as u32 / small.width);
                let mut sum = 0u32;
                for dy in 0..factor {
                    for dx in 0..factor {
                        sum += u32::from(gray.get_pixel(x * factor + dx, y * factor + dy)[0]);
                    }
                }
                assert_eq!(
                    u32::from(v),
                    sum / (factor * factor),
                    "{width}×{height} at {x},{y}"
                );
            }
        }
    }

    #[test]
    fn fast_rotation_by_zero_is_the_identity() {
        let page = textured_page(300, 200);
        assert_eq!(rotate_gray(&page, 0.0, 255), page);
    }

    #[test]
    fn small_skew_is_measured_and_left_to_tesseract() {
        let skewed = rotate_gray(&lined_page(1600, 2200), 0.4f32.to_radians(), 245);
        let prepared = prepare(&decoded(skewed.clone()), PreprocessOptions::default());
        assert!(
            (prepared.facts.skew_degrees - 0.4).abs() < 0.15,
            "measured {}",
            prepared.facts.skew_degrees
        );
        assert!(!prepared.facts.deskewed);
        assert_eq!(prepared.image, skewed);
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
    fn a_faded_page_is_not_blank_and_a_blank_one_with_faint_marks_is() {
        // Typewriter ink faded to 150–170 on paper at 240: thin strokes that, averaged with
        // the paper around them, never reach 60 % of its level.
        let mut page = GrayImage::from_pixel(2480, 3508, Luma([240]));
        for line in 0..40u32 {
            let y0 = 400 + line * 70;
            for y in y0..y0 + 22 {
                for x in 300..2180u32 {
                    // Letters: two-pixel strokes every nine pixels, gaps between words.
                    if x % 9 < 2 && (x / 60) % 5 != 4 && (y - y0) % 11 < 9 {
                        page.put_pixel(x, y, Luma([150 + ((x + y) % 20) as u8]));
                    }
                }
            }
        }
        let prepared = prepare(&decoded(page), PreprocessOptions::default());
        assert!(
            !prepared.facts.blank,
            "ink ratio {}",
            prepared.facts.ink_ratio
        );
        // A blank back with its grain and a little show-through a dozen levels deep stays blank.
        let mut back = GrayImage::from_pixel(2480, 3508, Luma([240]));
        for i in 0..200_000u64 {
            let (x, y) = ((i * 7919) % 2480, (i * 104_729) % 3508);
            let (x, y) = (u32::try_from(x).unwrap(), u32::try_from(y).unwrap());
            back.put_pixel(x, y, Luma([if i % 2 == 0 { 228 } else { 236 }]));
        }
        let prepared = prepare(&decoded(back), PreprocessOptions::default());
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
