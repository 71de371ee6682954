//! The invisible text layer: where OCR words go on the scan, and how they are written.
//!
//! In: OCR words with boxes in pixels of the *prepared* page, and the [`PageGeometry`] that
//! turned the scan into that page. Out: the page's content stream (the image, then the words
//! in text render mode 3) and the characters used, for the font's `ToUnicode` `CMap`.
//!
//! The prepared page is the scan rotated about its centre by −skew (same canvas), then turned
//! clockwise by a quarter-turn multiple. One `cm` matrix undoes the quarter turn and maps
//! pixels to PDF points (y up); inside it every word gets a text matrix that puts its baseline
//! on the bottom of its box, makes the glyphs as high as the box and stretches them to its
//! width. The skew is undone per word, by moving the word's centre to where it is on the scan:
//! the word stays level. Readers (Poppler, PDF.js) break tilted invisible text into pieces
//! ("VIỆ T") and lose words to search, while a level box over a word tilted by the few degrees
//! deskew removes (at most 5°) still covers it.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::PageGeometry;
use crate::ocr::OcrWord;

/// Advance width of the glyphless font's one glyph, in text space units (500/1000 em).
pub(super) const GLYPH_ADVANCE: f64 = 0.5;

/// The character written for what a 16-bit CID cannot hold (outside the BMP) or what must not
/// appear in a text layer (controls).
const REPLACEMENT: u16 = 0xFFFD;

/// A 2D affine transform in PDF's `[a b c d e f]` form: x' = a·x + c·y + e, y' = b·x + d·y + f.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Affine(pub [f64; 6]);

impl Affine {
    /// `self` first, then `next`.
    pub fn then(self, next: Affine) -> Affine {
        let [a, b, c, d, e, f] = self.0;
        let [na, nb, nc, nd, ne, nf] = next.0;
        Affine([
            a * na + b * nc,
            a * nb + b * nd,
            c * na + d * nc,
            c * nb + d * nd,
            e * na + f * nc + ne,
            e * nb + f * nd + nf,
        ])
    }

    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// The inverse transform (of a non-degenerate one).
    pub fn invert(self) -> Affine {
        let [a, b, c, d, e, f] = self.0;
        let det = a * d - b * c;
        Affine([
            d / det,
            -b / det,
            -c / det,
            a / det,
            (c * f - d * e) / det,
            (b * e - a * f) / det,
        ])
    }
}

/// Where the words of a page go.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placement {
    /// Prepared page (pixels, y down) → PDF points, quarter turn undone, skew not.
    pub cm: Affine,
    /// Moves a point of the prepared page to where it was before the deskew, in the prepared
    /// page's own frame.
    pub unskew: Affine,
}

impl Placement {
    pub fn new(width: u32, height: u32, dpi: f64, geometry: PageGeometry) -> Placement {
        let (unturn, undeskew, to_points) = transforms(width, height, dpi, geometry);
        Placement {
            cm: unturn.then(to_points),
            unskew: unturn.then(undeskew).then(unturn.invert()),
        }
    }
}

/// Maps a point of the prepared page (pixels, y down) to PDF user space on a page that shows
/// the `width`×`height` scan at `dpi` (points, y up, origin bottom left).
#[cfg(test)]
pub(super) fn prepared_to_page(
    width: u32,
    height: u32,
    dpi: f64,
    geometry: PageGeometry,
) -> Affine {
    let (unturn, undeskew, to_points) = transforms(width, height, dpi, geometry);
    unturn.then(undeskew).then(to_points)
}

/// The three steps from the prepared page back to the scan on the PDF page: undo the quarter
/// turn, undo the deskew, pixels to points.
fn transforms(
    width: u32,
    height: u32,
    dpi: f64,
    geometry: PageGeometry,
) -> (Affine, Affine, Affine) {
    let (w, h) = (f64::from(width), f64::from(height));
    // 1. Undo the quarter turn: prepared page → deskewed page (same size as the scan).
    let unturn = match geometry.rotation % 360 {
        90 => Affine([0.0, -1.0, 1.0, 0.0, 0.0, h]),
        180 => Affine([-1.0, 0.0, 0.0, -1.0, w, h]),
        270 => Affine([0.0, 1.0, -1.0, 0.0, w, 0.0]),
        _ => Affine([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
    };
    // 2. Undo the deskew: the scan was rotated about its centre by −skew, so rotate by +skew
    //    (imageproc's rotation: x' = cos·x − sin·y, y' = sin·x + cos·y, y down).
    let (sin, cos) = f64::from(geometry.skew_degrees).to_radians().sin_cos();
    let (cx, cy) = (w / 2.0, h / 2.0);
    let undeskew = Affine([
        cos,
        sin,
        -sin,
        cos,
        cx - cos * cx + sin * cy,
        cy - sin * cx - cos * cy,
    ]);
    // 3. Pixels (y down) → points (y up).
    let scale = 72.0 / dpi;
    let to_points = Affine([scale, 0.0, 0.0, -scale, 0.0, scale * h]);
    (unturn, undeskew, to_points)
}

/// The CIDs (= UTF-16 code units of BMP characters) a word is written with.
pub(super) fn cids(text: &str) -> Vec<u16> {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match u16::try_from(u32::from(c)) {
            Ok(unit) if !c.is_control() && !(0xFFFE..=0xFFFF).contains(&unit) => unit,
            _ => REPLACEMENT,
        })
        .collect()
}

/// Writes the text layer of one page (without the image) and adds the CIDs it uses to
/// `used`. Empty when there are no words worth writing.
pub(super) fn text_layer(
    words: &[OcrWord],
    placement: &Placement,
    font: &str,
    used: &mut BTreeSet<u16>,
) -> String {
    let mut out = String::new();
    let mut any = false;
    for word in words {
        let [left, top, width, height] = word.bbox;
        let cids = cids(&word.text);
        if cids.is_empty() || width == 0 || height == 0 {
            continue;
        }
        if !any {
            any = true;
            let [a, b, c, d, e, f] = placement.cm.0;
            let _ = write!(
                out,
                "q {} {} {} {} {} {} cm\nBT\n3 Tr\n/{font} 1 Tf\n",
                num(a),
                num(b),
                num(c),
                num(d),
                num(e),
                num(f)
            );
        }
        used.extend(cids.iter().copied());
        let (w, h) = (f64::from(width), f64::from(height));
        let (cx, cy) = placement
            .unskew
            .apply(f64::from(left) + w / 2.0, f64::from(top) + h / 2.0);
        let stretch = w / (cids.len() as f64 * GLYPH_ADVANCE);
        let _ = write!(
            out,
            "{} 0 0 {} {} {} Tm <",
            num(stretch),
            num(-h),
            num(cx - w / 2.0),
            num(cy + h / 2.0)
        );
        for cid in cids {
            let _ = write!(out, "{cid:04X}");
        }
        out.push_str("> Tj\n");
    }
    if any {
        out.push_str("ET\nQ\n");
    }
    out
}

/// The `ToUnicode` `CMap` of the glyphless font: each used CID to the character it stands for.
pub(super) fn to_unicode_cmap(used: &BTreeSet<u16>) -> String {
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let used: Vec<u16> = used.iter().copied().collect();
    for chunk in used.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", chunk.len());
        for cid in chunk {
            let _ = writeln!(out, "<{cid:04X}> <{cid:04X}>");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

/// A number for a content stream: at most 6 decimals, no trailing zeros, never an exponent.
pub(super) fn num(v: f64) -> String {
    let v = if v.abs() < 5e-7 { 0.0 } else { v };
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6
    }

    fn geometry(skew_degrees: f32, rotation: u16) -> PageGeometry {
        PageGeometry {
            skew_degrees,
            rotation,
        }
    }

    #[test]
    fn upright_page_maps_pixels_to_points() {
        // 300 dpi: 1 px = 0.24 pt; y flips.
        let m = prepared_to_page(1000, 2000, 300.0, geometry(0.0, 0));
        assert!(near(m.apply(0.0, 0.0), (0.0, 480.0)));
        assert!(near(m.apply(1000.0, 2000.0), (240.0, 0.0)));
    }

    #[test]
    fn quarter_turns_map_back_onto_the_scan() {
        let (w, h) = (1000.0, 2000.0);
        let px = |x: f64, y: f64| (x * 0.24, (h - y) * 0.24);
        // The scan was turned 90° clockwise: its top-left corner (0,0) went to (h, 0) of the
        // prepared page, and the scan's point (x, y) to (h − y, x).
        let m = prepared_to_page(1000, 2000, 300.0, geometry(0.0, 90));
        assert!(near(m.apply(h - 10.0, 20.0), px(20.0, 10.0)));
        let m = prepared_to_page(1000, 2000, 300.0, geometry(0.0, 180));
        assert!(near(m.apply(w - 20.0, h - 10.0), px(20.0, 10.0)));
        let m = prepared_to_page(1000, 2000, 300.0, geometry(0.0, 270));
        // 270° clockwise: (x, y) → (y, w − x).
        assert!(near(m.apply(10.0, w - 20.0), px(20.0, 10.0)));
    }

    #[test]
    fn deskew_is_undone_about_the_centre() {
        let m = prepared_to_page(1000, 2000, 72.0, geometry(2.0, 0));
        // The centre stays put.
        assert!(near(m.apply(500.0, 1000.0), (500.0, 1000.0)));
        // imageproc rotated the scan by −2° (counter-clockwise on screen): a point of the
        // prepared page right of the centre came from below-right of it on the scan (y down).
        let (x, y) = m.apply(900.0, 1000.0);
        let t = 2f64.to_radians();
        assert!(near(
            (x, y),
            (500.0 + 400.0 * t.cos(), 1000.0 - 400.0 * t.sin())
        ));
    }

    #[test]
    fn placement_keeps_words_level_and_moves_them_with_the_skew() {
        for rotation in [0, 90, 180, 270] {
            let g = geometry(3.0, rotation);
            let placement = Placement::new(1000, 2000, 300.0, g);
            let full = prepared_to_page(1000, 2000, 300.0, g);
            // Level: the cm is a quarter turn and a scale, no shear or tilt.
            let [a, b, c, d, ..] = placement.cm.0;
            assert!(a.abs() < 1e-9 || b.abs() < 1e-9, "{:?}", placement.cm);
            assert!(c.abs() < 1e-9 || d.abs() < 1e-9, "{:?}", placement.cm);
            // A point moved by the skew and then mapped level lands where the full transform
            // puts it.
            for (x, y) in [(100.0, 150.0), (900.0, 1700.0), (1500.0, 700.0)] {
                let (ux, uy) = placement.unskew.apply(x, y);
                assert!(near(placement.cm.apply(ux, uy), full.apply(x, y)));
            }
        }
        let m = Affine([0.0, -2.0, 3.0, 0.0, 5.0, 7.0]);
        let back = m.then(m.invert());
        assert!(near(back.apply(11.0, 13.0), (11.0, 13.0)));
    }

    #[test]
    fn cids_are_utf16_units_and_odd_characters_are_replaced() {
        assert_eq!(cids("Đảng"), vec![0x0110, 0x1EA3, 0x006E, 0x0067]);
        assert_eq!(cids("a\u{1}b 😀"), vec![0x61, 0xFFFD, 0x62, 0xFFFD]);
    }

    #[test]
    fn numbers_are_short_and_plain() {
        assert_eq!(num(0.24), "0.24");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(1e-9), "0");
        assert_eq!(num(595.0), "595");
        assert_eq!(num(-1.5), "-1.5");
    }

    #[test]
    fn words_are_stretched_to_their_boxes() {
        let words = vec![OcrWord {
            text: "Nghị".into(),
            bbox: [100, 50, 80, 20],
            confidence: 90.0,
            line: 0,
        }];
        let mut used = BTreeSet::new();
        let placement = Placement::new(1000, 1000, 72.0, geometry(0.0, 0));
        let layer = text_layer(&words, &placement, "F1", &mut used);
        // 4 glyphs of 0.5 em: stretched 40× to 80 px, 20 px high, baseline at y = 70.
        assert!(
            layer.contains("40 0 0 -20 100 70 Tm <004E006700681ECB> Tj"),
            "{layer}"
        );
        assert!(layer.contains("3 Tr"));
        assert_eq!(used.len(), 4);
        let cmap = to_unicode_cmap(&used);
        assert!(cmap.contains("4 beginbfchar\n<004E> <004E>"), "{cmap}");
        assert!(text_layer(&[], &placement, "F1", &mut used).is_empty());
    }
}
