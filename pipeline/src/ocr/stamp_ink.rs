//! The header area's stamp ink, read on its own, so that a độ mật mark stamped in red (or
//! light enough to vanish when a gray page is binarised) is seen even when the page's own
//! reading loses it.
//!
//! In, while the colour pixels exist (before preprocessing turns the page gray): a decoded
//! page → [`RedInk`]: the regions of red ink on the page, each with its red-ink layer (its
//! red ink dark on white, everything else white). Red ink is a hue test per pixel (red
//! clearly above green and blue, which takes faded pink and dark red and leaves paper,
//! black print, blue pen and violet stamps), counted on a grid of millimetre cells; cells
//! with red ink close to each other form one region, and a region smaller than a stroke of
//! a letter is a speck, left alone. A page without red ink costs one pass over its pixels.
//!
//! In, after OCR: those regions, the page as recognised (upright, gray) and its words →
//! the [`InkRegion`]s of the header area (the top [`HEADER_SHARE`] of the page), each with
//! the words the same engine read from its layer alone (a frame around the mark is erased
//! first; a layer that shows no mark is read a second time, enlarged twice). When neither
//! the page's own reading nor its red ink shows a mark, its gray stamp ink away from the red
//! is read the same way, contrast-stretched: frames of stamp size in any ink, with what they
//! hold (a framed mark is often lost by the page's layout analysis), and light-gray ink (what
//! a red stamp becomes in a gray scan: between black print and paper, in millimetre cells
//! away from black print) that the first reading did not cover with confident words. Light
//! ink shaped like a stamp ([`Ink::LightStamp`]: a stamp's size, clearly lighter than the
//! page's print, apart from its lines, on a header without much light ink) is told from
//! the rest ([`Ink::Gray`]: a faded page's light print, a photocopy's gray) and read first;
//! light ink of a stamp's size and tone that crosses the header's print (a stamp landed over
//! its lines: apart from the print only beyond the print's anti-aliased edges) is a light
//! stamp too, read with the print taken out; on an even paper its ink is looked for up to a
//! few of the paper's own spreads below the paper (a faded stamp barely darker than the
//! paper), away from the print's halo. Light ink that is a line (a receipt stamp's
//! frame cut into pieces by the print it crosses) is no stamp. Ink across the print that
//! lies within a larger region found beside the print (a seal under a signature) is that
//! region's; the regions beside the print that a stamp across it touches are its ends,
//! read on their own: when one of them reads (a receipt stamp's `ĐẾN`, `Số`), the ink
//! across the print gives its mark but does not fail closed.
//! Out: the regions, recorded with the page; [`crate::policy`] reads the marks in their
//! words and fails closed on a red region, a frame or a light stamp it cannot read.
//!
//! The same red ink serves the closing block: when a page's reading gives no plausible
//! signer, [`read_closing`] reads the block's area again with the stamp ink left out (the
//! red regions put where deskewing and turning took them, and light-gray ink), enlarged.
//! Out: that reading's text, recorded with the page for the catalog's signer.

use image::imageops;
use image::{DynamicImage, GrayImage, Luma};
use imageproc::region_labelling::{connected_components, Connectivity};
use serde::{Deserialize, Serialize};

use understanding::classify::SignatureStart;

use super::{OcrEngine, OcrWord};
use crate::preprocess::{PreparedPage, PreprocessFacts};
use crate::store::records::word_records;
use crate::Result;

/// Share of the page height, from the top, that counts as the header area (the policy's).
pub const HEADER_SHARE: f64 = crate::policy::HEADER_SHARE;
/// A pixel is red ink when its red exceeds both green and blue by this much.
const RED_CHROMA: i32 = 40;
/// In its layer, red ink is drawn from this excess of red on, fully dark from
/// [`RED_FULL_CHROMA`] on (faded stamps: the middle of a stroke is often paler than its edge).
const RED_LAYER_CHROMA: i32 = 15;
const RED_FULL_CHROMA: i32 = 45;
/// Share of a cell's pixels that must be ink for the cell to hold ink.
const CELL_INK_SHARE: u32 = 10;
/// Cells with ink at most this many cells apart belong to one region (letter and word gaps).
const JOIN_CELLS: i32 = 2;
/// A region with less ink than this (mm²) or lower than [`MIN_REGION_HEIGHT_MM`] is a speck.
const MIN_REGION_INK_MM2: f32 = 3.0;
const MIN_REGION_HEIGHT_MM: f32 = 2.0;
/// White margin around a layer, in mm.
const MARGIN_MM: f32 = 2.0;
/// At most this many regions of a header are read; the rest are recorded unread.
const MAX_REGIONS: usize = 6;
/// Light-gray ink: between these shares of the paper level (darker is print).
const LIGHT_FROM: u32 = 42;
const LIGHT_TO: u32 = 84;
/// A cell with more than 1/this of its pixels darker than light ink holds print; light ink
/// in it or next to it does not count.
const CELL_PRINT_SHARE: u32 = 40;
/// A stamp's ink across the print reaches up to this many spreads of the paper's levels
/// below the paper, never above [`STAMP_TO`] % of the paper level, the spread at least
/// [`MIN_SPREAD`] levels (see [`stamp_band_edge`]).
const STAMP_SPREADS: u32 = 4;
const STAMP_TO: u32 = 93;
const MIN_SPREAD: u32 = 2;
/// A paper level at or above this is the scanner's white, its grain clipped.
const CLIPPED_WHITE: u32 = 254;
/// A frame of stamp size: height from, height to, width from, width to (mm).
const FRAME_MM: [f32; 4] = [4.0, 45.0, 8.0, 150.0];
/// A frame's ink covers less than this share of its box.
const FRAME_FILL: f32 = 0.35;
/// Gray stamp ink is stretched to white at this share of the paper level.
const STRETCH_TO: u32 = 95;
/// A light-gray region at least half under confident words of the first reading was read.
const COVERED_CONFIDENCE: f32 = 60.0;
/// A header has print to compare light ink with when at least this share (per mille) of its
/// pixels are print.
const MIN_PRINT_SHARE: u64 = 5;
/// Light-gray ink shaped like a stamp: its box's height from, height to, width from, width
/// to (mm) …
const LIGHT_STAMP_MM: [f32; 4] = [3.0, 40.0, 7.0, 120.0];
/// … its ink's median level above the print's by this share of the paper level …
const LIGHT_STAMP_TONE_GAP: u32 = 25;
/// … print in at most this share (%) of its cells, and none this close (mm) beside it in
/// its middle rows.
const LIGHT_STAMP_PRINT_INSIDE: usize = 5;
const LIGHT_STAMP_LINE_GAP_MM: f32 = 5.0;
/// Ink at least [`LINE_MIN_CELLS`] cells (mm) long that spans at most [`LINE_CELLS`] cells
/// across in nine in ten of its columns (or of its rows) is a line (a piece of a receipt
/// stamp's frame split off by the print it crosses, a rule), not letters: a mark's letters,
/// even faded ones, span their height in more of their columns, and a short faded word has
/// few columns.
const LINE_CELLS: u32 = 2;
const LINE_MIN_CELLS: usize = 15;
/// Light ink across the print is a stamp's from this width (mm) on: the print and its edges
/// hide much of a short mark's ink (`MẬT` over a line leaves pieces a few mm wide).
const OVER_PRINT_MIN_WIDTH_MM: f32 = 4.0;
/// Light ink this far (mm) from print or nearer is the print's anti-aliased edge; farther, a
/// stamp's ink crossing the print (read with the print and its edges taken out).
const PRINT_EDGE_MM: f32 = 0.2;
/// Ink lighter than the light band (up to the stamp band's edge, [`stamp_band_edge`]) counts
/// only this far (mm) from print or farther: nearer, it may be the print's halo (a JPEG's
/// ringing, a blurred stroke).
const PRINT_HALO_MM: f32 = 0.5;
/// Regions of a stamp's ink this far apart (mm) or nearer are one stamp.
const STAMP_PARTS_MM: f32 = 2.0;
/// Light ink across the print that lies mostly within a region found apart from it, that
/// region this many times its area or more, is that region's ink.
const LARGER_REGION: u64 = 2;
/// A header with more regions of light ink than this has light print, not stamps.
const LIGHT_PRINT_REGIONS: usize = 6;
/// A round seal: both sides at least this many mm, sides differing by at most a third.
const SEAL_MIN_MM: f32 = 22.0;

/// The ink a header region was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ink {
    /// Red ink in a colour scan.
    Red,
    /// Read from the gray page: ink between black print and paper (what a red stamp becomes
    /// in a gray scan) that the page's reading did not cover.
    Gray,
    /// Read from the gray page: a frame of stamp size, of any ink, with what it holds.
    Frame,
    /// Read from the gray page: light-gray ink shaped like a stamp (a unit of letter-sized
    /// ink clearly lighter than the page's print, apart from its lines): what a red or
    /// faded stamp becomes in a gray scan.
    LightStamp,
}

/// A region of stamp ink in the header area and what its layer read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InkRegion {
    pub ink: Ink,
    /// Left, top, width, height on the page as recognised (red ink: before deskewing).
    pub bbox: [u32; 4],
    /// The words read from the region's layer alone, boxes on the page; empty when the
    /// region was not read (more regions than [`MAX_REGIONS`]) or nothing was read.
    pub words: Vec<OcrWord>,
}

/// One region of ink with its layer (ink dark on white), on the page as decoded.
#[derive(Debug, Clone)]
struct Layer {
    /// Left, top, width, height of `image` on the page.
    bbox: [u32; 4],
    image: GrayImage,
    /// Stamp ink across the print: the regions found apart from the print that it touches
    /// (its ends beyond the print), as indices in the same list of layers.
    ends: Vec<usize>,
}

/// The red ink of a decoded page: its regions with their layers.
#[derive(Debug, Clone, Default)]
pub struct RedInk {
    width: u32,
    height: u32,
    regions: Vec<Layer>,
}

/// How red a pixel is: the excess of red over the larger of green and blue, when the hue is
/// red (green and blue close together; orange and magenta are not red); else 0.
fn redness([r, g, b]: [u8; 3]) -> i32 {
    let (r, g, b) = (i32::from(r), i32::from(g), i32::from(b));
    let chroma = r - g.max(b);
    if chroma > 0 && (g - b).abs() <= chroma {
        chroma
    } else {
        0
    }
}

/// A pixel's gray level in the red-ink layer: red ink dark, everything else white.
fn red_layer_level(pixel: [u8; 3]) -> u8 {
    let excess = redness(pixel) - RED_LAYER_CHROMA;
    let span = RED_FULL_CHROMA - RED_LAYER_CHROMA;
    (255 - (excess.clamp(0, span) * 255 / span)) as u8
}

/// Cell side in pixels: one millimetre (at least 4 pixels).
fn cell_side(dpi: u32) -> u32 {
    ((dpi as f32 / 25.4).round() as u32).max(4)
}

fn mm_to_px(mm: f32, dpi: u32) -> u32 {
    (mm * dpi as f32 / 25.4).round() as u32
}

/// Ink counted on a grid of cells.
struct Grid {
    cell: u32,
    columns: u32,
    rows: u32,
    /// Ink pixels per cell, row by row; cells that must not count are 0.
    ink: Vec<u32>,
}

/// A group of cells with ink: its box in pixels and its ink pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Region {
    bbox: [u32; 4],
    ink: u32,
    /// Cells with ink.
    cells: u32,
}

impl Grid {
    fn new(width: u32, height: u32, cell: u32) -> Grid {
        let (columns, rows) = (width.div_ceil(cell), height.div_ceil(cell));
        Grid {
            cell,
            columns,
            rows,
            ink: vec![0; (columns * rows) as usize],
        }
    }

    /// Regions of cells holding at least 1/[`CELL_INK_SHARE`] ink, cells up to
    /// [`JOIN_CELLS`] apart joined, clipped to a `width` × `height` page; specks dropped.
    // A grid has one cell per `cell` × `cell` pixels of a page: far fewer than i32::MAX.
    #[allow(clippy::cast_possible_wrap)]
    fn regions(&self, width: u32, height: u32, dpi: u32) -> Vec<Region> {
        let min_cell_ink = (self.cell * self.cell / CELL_INK_SHARE).max(1);
        let inked: Vec<bool> = self.ink.iter().map(|&n| n >= min_cell_ink).collect();
        let mut seen = vec![false; inked.len()];
        let mut out = Vec::new();
        let (cols, rows) = (self.columns as i32, self.rows as i32);
        for start in 0..inked.len() {
            if !inked[start] || seen[start] {
                continue;
            }
            seen[start] = true;
            let mut stack = vec![start];
            let (mut c0, mut r0, mut c1, mut r1) = (i32::MAX, i32::MAX, 0, 0);
            let (mut ink, mut cells) = (0u32, 0u32);
            while let Some(i) = stack.pop() {
                let (c, r) = ((i as i32) % cols, (i as i32) / cols);
                (c0, r0, c1, r1) = (c0.min(c), r0.min(r), c1.max(c), r1.max(r));
                ink += self.ink[i];
                cells += 1;
                for dr in -JOIN_CELLS..=JOIN_CELLS {
                    for dc in -JOIN_CELLS..=JOIN_CELLS {
                        let (nc, nr) = (c + dc, r + dr);
                        if nc < 0 || nr < 0 || nc >= cols || nr >= rows {
                            continue;
                        }
                        let n = (nr * cols + nc) as usize;
                        if inked[n] && !seen[n] {
                            seen[n] = true;
                            stack.push(n);
                        }
                    }
                }
            }
            let x0 = c0 as u32 * self.cell;
            let y0 = r0 as u32 * self.cell;
            let x1 = ((c1 as u32 + 1) * self.cell).min(width);
            let y1 = ((r1 as u32 + 1) * self.cell).min(height);
            out.push(Region {
                bbox: [x0, y0, x1 - x0, y1 - y0],
                ink,
                cells,
            });
        }
        let min_ink = MIN_REGION_INK_MM2 * (dpi as f32 / 25.4).powi(2);
        let min_height = mm_to_px(MIN_REGION_HEIGHT_MM, dpi);
        out.retain(|r| r.ink as f32 >= min_ink && r.bbox[3] >= min_height);
        out
    }
}

/// `bbox` grown by `margin` on every side, inside a `width` × `height` page.
fn grown([x, y, w, h]: [u32; 4], margin: u32, width: u32, height: u32) -> [u32; 4] {
    let (x0, y0) = (x.saturating_sub(margin), y.saturating_sub(margin));
    let (x1, y1) = ((x + w + margin).min(width), (y + h + margin).min(height));
    [x0, y0, x1 - x0, y1 - y0]
}

impl RedInk {
    /// Finds the red ink of a decoded page (none in a gray one) at `dpi`.
    pub fn find(image: &DynamicImage, dpi: u32) -> RedInk {
        if !image.color().has_color() {
            return RedInk::default();
        }
        let converted;
        let rgb = if let Some(rgb) = image.as_rgb8() {
            rgb
        } else {
            converted = image.to_rgb8();
            &converted
        };
        Self::of_rgb(rgb, dpi)
    }

    fn of_rgb(rgb: &image::RgbImage, dpi: u32) -> RedInk {
        let (width, height) = rgb.dimensions();
        let mut grid = Grid::new(width, height, cell_side(dpi));
        for (y, row) in rgb.enumerate_rows() {
            let base = (y / grid.cell * grid.columns) as usize;
            for (x, _, p) in row {
                if redness(p.0) >= RED_CHROMA {
                    grid.ink[base + (x / grid.cell) as usize] += 1;
                }
            }
        }
        let margin = mm_to_px(MARGIN_MM, dpi);
        let regions = grid
            .regions(width, height, dpi)
            .into_iter()
            .map(|region| {
                let [x, y, w, h] = grown(region.bbox, margin, width, height);
                let image = GrayImage::from_fn(w, h, |i, j| {
                    Luma([red_layer_level(rgb.get_pixel(x + i, y + j).0)])
                });
                Layer {
                    bbox: [x, y, w, h],
                    image,
                    ends: Vec::new(),
                }
            })
            .collect();
        RedInk {
            width,
            height,
            regions,
        }
    }

    /// Whether the page has any red ink region (specks aside).
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    /// The regions turned like the page was (clockwise quarter turns), in the header area
    /// of the turned page.
    fn in_header(&self, rotation: u16) -> Vec<Layer> {
        let turned_height = if rotation % 180 == 90 {
            self.width
        } else {
            self.height
        };
        let limit = (f64::from(turned_height) * HEADER_SHARE) as u32;
        self.regions
            .iter()
            .map(|layer| turn(layer, rotation, self.width, self.height))
            .filter(|layer| layer.bbox[1] < limit)
            .collect()
    }
}

/// A layer of a `width` × `height` page, as it is on the page turned clockwise by `rotation`.
fn turn(layer: &Layer, rotation: u16, width: u32, height: u32) -> Layer {
    let [x, y, w, h] = layer.bbox;
    let (bbox, image) = match rotation % 360 {
        90 => ([height - y - h, x, h, w], imageops::rotate90(&layer.image)),
        180 => (
            [width - x - w, height - y - h, w, h],
            imageops::rotate180(&layer.image),
        ),
        270 => ([y, width - x - w, h, w], imageops::rotate270(&layer.image)),
        _ => return layer.clone(),
    };
    Layer {
        bbox,
        image,
        ends: Vec::new(),
    }
}

/// The stamp-like ink of the header area of a recognised page, each region as a
/// contrast-stretched layer: light-gray ink that the first reading (`words`) did not cover,
/// and frames (of any ink) with what they hold.
fn gray_layers(page: &PreparedPage, words: &[OcrWord]) -> Vec<(Ink, Layer)> {
    let image = &page.image;
    let (width, height) = image.dimensions();
    let limit = ((f64::from(height) * HEADER_SHARE) as u32).min(height);
    if width == 0 || limit == 0 {
        return Vec::new();
    }
    let mut histogram = [0u32; 256];
    for y in 0..limit {
        for x in 0..width {
            histogram[image.get_pixel(x, y)[0] as usize] += 1;
        }
    }
    let paper = median(&histogram);
    if paper < 120 {
        return Vec::new();
    }
    let (light_from, light_to) = (paper * LIGHT_FROM / 100, paper * LIGHT_TO / 100);
    let stamp_to = stamp_band_edge(&histogram, paper);
    let dpi = page.facts.dpi;
    let mut grid = Grid::new(width, limit, cell_side(dpi));
    let mut print = vec![0u32; grid.ink.len()];
    // Any ink on a coarse grid (a third of a cell), to find frames.
    let block = (grid.cell / 3).max(1);
    let mut coarse = GrayImage::new(width.div_ceil(block), limit.div_ceil(block));
    for y in 0..limit {
        let base = (y / grid.cell * grid.columns) as usize;
        for x in 0..width {
            let v = u32::from(image.get_pixel(x, y)[0]);
            let cell = base + (x / grid.cell) as usize;
            if v < light_from {
                print[cell] += 1;
            } else if v < light_to {
                grid.ink[cell] += 1;
            } else {
                continue;
            }
            coarse.put_pixel(x / block, y / block, Luma([255]));
        }
    }
    // A cell next to print holds its anti-aliased edge, not light ink.
    let max_print = grid.cell * grid.cell / CELL_PRINT_SHARE;
    let (cols, rows) = (i64::from(grid.columns), i64::from(grid.rows));
    // A cell index is below columns × rows (u32 × u32), which fits i64.
    #[allow(clippy::cast_possible_wrap)]
    let near_print = |i: usize| {
        let (c, r) = (i as i64 % cols, i as i64 / cols);
        (r - 1..=r + 1).any(|nr| {
            (c - 1..=c + 1).any(|nc| {
                (0..cols).contains(&nc)
                    && (0..rows).contains(&nr)
                    && print[(nr * cols + nc) as usize] > max_print
            })
        })
    };
    for i in 0..grid.ink.len() {
        if grid.ink[i] > 0 && near_print(i) {
            grid.ink[i] = 0;
        }
    }
    let confident: Vec<&OcrWord> = words
        .iter()
        .filter(|w| w.confidence >= COVERED_CONFIDENCE && w.bbox[1] < limit)
        .collect();
    let frames: Vec<[u32; 4]> = frames(&coarse, block, dpi);
    let tones = Tones {
        paper,
        light_from,
        light_to,
        stamp_to,
        print: print_level(&histogram, light_from),
    };
    let mut boxes: Vec<(Ink, [u32; 4])> = frames.iter().map(|&b| (Ink::Frame, b)).collect();
    let regions = grid.regions(width, limit, dpi);
    // Many regions of light ink are a page's light print (a faded or typewritten page), not
    // stamps: a header holds a stamp or two.
    let light_print = regions.len() > LIGHT_PRINT_REGIONS;
    tracing::debug!(
        regions = regions.len(),
        paper,
        ?tones,
        "light ink in the header area"
    );
    let mut light: Vec<(Ink, [u32; 4])> = regions
        .into_iter()
        .filter(|region| covered_share(&grid, region, &confident) < 0.5)
        .filter(|region| !frames.iter().any(|f| overlap(*f, region.bbox)))
        .map(|region| {
            let stamp = !light_print
                && is_light_stamp(image, &grid, &print, max_print, &region, tones, dpi);
            let ink = if stamp { Ink::LightStamp } else { Ink::Gray };
            (ink, region.bbox)
        })
        .collect();
    // Stamp-shaped ink is read first: only the first regions of a header are read.
    light.sort_by_key(|&(ink, _)| ink != Ink::LightStamp);
    boxes.extend(light);
    // A stamp over the print: its ink next to print is left out above; found apart from
    // the print's edges. Ink across the print that lies mostly within a larger region found
    // apart from it is that region's (a seal's ink under a signature) and was read with it,
    // as is ink across the print that touches a frame (read with what it holds); else the
    // regions found apart from the print that it touches are its ends beyond the print (a
    // stamp over the số ký hiệu, a receipt stamp over the issuer's lines), read on their
    // own, and it is read with the print taken out.
    let (over, edges) = if light_print {
        (Vec::new(), None)
    } else {
        let (over, edges) = over_print(image, limit, tones, dpi);
        let found: Vec<[u32; 4]> = boxes.iter().map(|&(_, b)| b).collect();
        tracing::debug!(
            ?found,
            ?over,
            "light ink apart from the print and across it"
        );
        let over: Vec<[u32; 4]> = over
            .into_iter()
            .filter(|&b| !is_part_of_larger(b, &found) && !frames.iter().any(|&f| overlap(f, b)))
            .collect();
        let reach = mm_to_px(STAMP_PARTS_MM, dpi);
        let ends = stamp_ends(&found, &over, |a| grown(a, reach, width, limit));
        (over.into_iter().zip(ends).collect(), Some(edges))
    };
    let print_out = boxes.len();
    let mut ends: Vec<Vec<usize>> = vec![Vec::new(); print_out];
    for (b, touched) in over {
        boxes.push((Ink::LightStamp, b));
        ends.push(touched);
    }
    let margin = mm_to_px(MARGIN_MM, dpi);
    boxes
        .into_iter()
        .enumerate()
        .map(|(k, (kind, bbox))| {
            let [x, y, w, h] = grown(bbox, margin, width, height);
            let mut crop = imageops::crop_imm(image, x, y, w, h).to_image();
            if let (true, Some(edges)) = (k >= print_out, &edges) {
                // The print and its edges taken out: the stamp's ink alone.
                for (i, j, p) in crop.enumerate_pixels_mut() {
                    if y + j >= limit || edges.get_pixel(x + i, y + j)[0] > 0 {
                        *p = Luma([255]);
                    }
                }
            }
            // Stretched from the middle of the region's own ink (a faded stamp is barely off
            // the paper; stamp ink is uneven) to the paper.
            let ink_to = if k >= print_out { stamp_to } else { light_to };
            let mut ink: Vec<u8> = crop
                .pixels()
                .map(|p| p[0])
                .filter(|&v| u32::from(v) < ink_to)
                .collect();
            ink.sort_unstable();
            let from = ink.get(ink.len() / 2).map_or(light_from, |&v| u32::from(v));
            let to = (paper * STRETCH_TO / 100).max(from + 16);
            let image = GrayImage::from_fn(w, h, |i, j| {
                let v = u32::from(crop.get_pixel(i, j)[0]);
                Luma([(v.saturating_sub(from) * 255 / (to - from)).min(255) as u8])
            });
            (
                kind,
                Layer {
                    bbox: [x, y, w, h],
                    image,
                    ends: std::mem::take(&mut ends[k]),
                },
            )
        })
        .collect()
}

/// The gray levels of a header area: its paper, the light-ink band and its print's level.
#[derive(Debug, Clone, Copy)]
struct Tones {
    paper: u32,
    light_from: u32,
    light_to: u32,
    /// The upper edge of a stamp's ink across the print: above [`Tones::light_to`] on a
    /// page whose paper is even (see [`stamp_band_edge`]).
    stamp_to: u32,
    /// The median level of the print (pixels darker than light ink), when the header has
    /// enough of it to tell.
    print: Option<u32>,
}

/// The median level of a header's print: its pixels darker than `light_from`, when they
/// make up at least [`MIN_PRINT_SHARE`] (per mille) of the header (a header with less print
/// has no print tone to tell stamp ink from).
fn print_level(histogram: &[u32; 256], light_from: u32) -> Option<u32> {
    let total: u64 = histogram.iter().map(|&n| u64::from(n)).sum();
    let print = &histogram[..(light_from as usize).min(256)];
    let count: u64 = print.iter().map(|&n| u64::from(n)).sum();
    if count == 0 || count * 1000 < total * MIN_PRINT_SHARE {
        return None;
    }
    let mut seen = 0;
    for (level, &n) in print.iter().enumerate() {
        seen += u64::from(n);
        if seen * 2 >= count {
            return Some(level as u32);
        }
    }
    None
}

/// Whether a region of light-gray ink (`region`, on the header's `grid` of light ink with
/// its `print` per cell) is shaped like a stamp ([`is_stamp_shaped`]) with hardly any print
/// inside it, no print beside it in its rows (a faded word in a line of print has its line's
/// print beside it) and none touching it.
fn is_light_stamp(
    image: &GrayImage,
    grid: &Grid,
    print: &[u32],
    max_print: u32,
    region: &Region,
    tones: Tones,
    dpi: u32,
) -> bool {
    if !is_stamp_shaped(image, grid, region, tones, dpi, LIGHT_STAMP_MM[2]) {
        return false;
    }
    let cells = PrintCells {
        grid,
        print,
        max_print,
        region,
    };
    if cells.inside() * 100 > cells.count() * LIGHT_STAMP_PRINT_INSIDE {
        return false;
    }
    !cells.beside(dpi) && !cells.touching()
}

/// Whether a region of light-gray ink on `grid` has the size and tone of a stamp: of a
/// stamp's size (at least `min_w` mm wide; not a lone faded letter, not a seal, not cut off
/// by the header area's lower edge), not a line ([`is_line`]), and clearly lighter than the
/// page's print (a faded page's print is as light as its light ink).
fn is_stamp_shaped(
    image: &GrayImage,
    grid: &Grid,
    region: &Region,
    tones: Tones,
    dpi: u32,
    min_w: f32,
) -> bool {
    let [x, y, w, h] = region.bbox;
    let mm = |px: u32| px as f32 * 25.4 / dpi as f32;
    let (w_mm, h_mm) = (mm(w), mm(h));
    let [min_h, max_h, _, max_w] = LIGHT_STAMP_MM;
    let seal =
        w_mm >= SEAL_MIN_MM && h_mm >= SEAL_MIN_MM && w_mm.max(h_mm) / w_mm.min(h_mm) <= 1.35;
    let cut_off = y + h + grid.cell >= grid.rows * grid.cell;
    if !(min_h..=max_h).contains(&h_mm)
        || !(min_w..=max_w).contains(&w_mm)
        || seal
        || cut_off
        || is_line(grid, region)
    {
        return false;
    }
    // Lighter than the print by a clear step.
    let Some(print_tone) = tones.print else {
        return false;
    };
    let mut levels = [0u32; 256];
    for j in y..y + h {
        for i in x..x + w {
            let v = u32::from(image.get_pixel(i, j)[0]);
            let cell = ((j / grid.cell) * grid.columns + i / grid.cell) as usize;
            if grid.ink[cell] > 0 && (tones.light_from..tones.light_to).contains(&v) {
                levels[v as usize] += 1;
            }
        }
    }
    median(&levels) >= print_tone + tones.paper * LIGHT_STAMP_TONE_GAP / 100
}

/// The print cells in and around a region of light ink.
struct PrintCells<'a> {
    grid: &'a Grid,
    print: &'a [u32],
    max_print: u32,
    region: &'a Region,
}

// Cell indices and sizes are far below i32::MAX (one cell per millimetre of a page).
#[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]
impl PrintCells<'_> {
    /// The region's first and last column and row of cells.
    fn span(&self) -> (i32, i32, i32, i32) {
        let [x, y, w, h] = self.region.bbox;
        let cell = self.grid.cell;
        (
            (x / cell) as i32,
            ((x + w - 1) / cell) as i32,
            (y / cell) as i32,
            ((y + h - 1) / cell) as i32,
        )
    }

    fn is_print(&self, c: i32, r: i32) -> bool {
        let cols = self.grid.columns as i32;
        (0..cols).contains(&c)
            && (0..self.grid.rows as i32).contains(&r)
            && self.print[(r * cols + c) as usize] > self.max_print
    }

    /// Cells of the region's box.
    fn count(&self) -> usize {
        let (c0, c1, r0, r1) = self.span();
        ((c1 - c0 + 1) * (r1 - r0 + 1)) as usize
    }

    /// Cells of the region's box holding print.
    fn inside(&self) -> usize {
        let (c0, c1, r0, r1) = self.span();
        (r0..=r1)
            .flat_map(|r| (c0..=c1).map(move |c| (c, r)))
            .filter(|&(c, r)| self.is_print(c, r))
            .count()
    }

    /// Print beside the region in its middle rows, [`LIGHT_STAMP_LINE_GAP_MM`] away at most.
    fn beside(&self, dpi: u32) -> bool {
        let (c0, c1, r0, r1) = self.span();
        let gap = mm_to_px(LIGHT_STAMP_LINE_GAP_MM, dpi).div_ceil(self.grid.cell) as i32;
        let band = (r1 - r0 + 1) / 4;
        (r0 + band..=r1 - band)
            .any(|r| (1..=gap).any(|d| self.is_print(c0 - d, r) || self.is_print(c1 + d, r)))
    }

    /// Print touching the region (a cell between them at most) on any side: a piece of ink
    /// split off by print running through it (a seal under a signature), not a stamp of its
    /// own.
    fn touching(&self) -> bool {
        let (c0, c1, r0, r1) = self.span();
        (r0 - 2..=r1 + 2)
            .flat_map(|r| (c0 - 2..=c1 + 2).map(move |c| (c, r)))
            .any(|(c, r)| (r < r0 || r > r1 || c < c0 || c > c1) && self.is_print(c, r))
    }
}

/// Light-gray ink of a stamp landed over the header's print (the top `limit` rows): ink of
/// the light band farther than [`PRINT_EDGE_MM`] from any print (a print stroke's edge is
/// nearer), in regions of a stamp's size and tone ([`is_stamp_shaped`]) that hold print
/// (more than [`LIGHT_STAMP_PRINT_INSIDE`] % of their cells; with less, [`is_light_stamp`]
/// judges them), whether or not the first reading read words over them: those words are the
/// print's, which says nothing of the stamp's ink across it (a stamp's own words read by the
/// first reading give its mark anyway). None on a header with many such regions (light
/// print). Out: their boxes, and the print with its edges (255) to take out of their layers.
fn over_print(image: &GrayImage, limit: u32, tones: Tones, dpi: u32) -> (Vec<[u32; 4]>, GrayImage) {
    let width = image.width();
    let print = GrayImage::from_fn(width, limit, |x, y| {
        Luma([if u32::from(image.get_pixel(x, y)[0]) < tones.light_from {
            255
        } else {
            0
        }])
    });
    let reach = |mm: f32| u8::try_from(mm_to_px(mm, dpi).max(1)).unwrap_or(u8::MAX);
    let (edge_reach, halo_reach) = (reach(PRINT_EDGE_MM), reach(PRINT_HALO_MM));
    // Each pixel's distance (in pixels, up to 255) to the nearest print.
    let distance = imageproc::distance_transform::distance_transform(
        &print,
        imageproc::distance_transform::Norm::LInf,
    );
    let edges = GrayImage::from_fn(width, limit, |x, y| {
        Luma([if distance.get_pixel(x, y)[0] <= edge_reach {
            255
        } else {
            0
        }])
    });
    let mut grid = Grid::new(width, limit, cell_side(dpi));
    let mut print_cells = vec![0u32; grid.ink.len()];
    for y in 0..limit {
        let base = (y / grid.cell * grid.columns) as usize;
        for x in 0..width {
            let cell = base + (x / grid.cell) as usize;
            let away = distance.get_pixel(x, y)[0];
            let v = u32::from(image.get_pixel(x, y)[0]);
            if away == 0 {
                print_cells[cell] += 1;
            } else if (away > edge_reach && v < tones.light_to)
                || (away > halo_reach && v < tones.stamp_to)
            {
                grid.ink[cell] += 1;
            }
        }
    }
    let regions = grid.regions(width, limit, dpi);
    tracing::debug!(
        regions = regions.len(),
        "light ink across the header's print: regions"
    );
    if regions.len() > LIGHT_PRINT_REGIONS {
        return (Vec::new(), edges);
    }
    let max_print = grid.cell * grid.cell / CELL_PRINT_SHARE;
    // The stamp's tone over the whole band its ink was taken from.
    let band = Tones {
        light_to: tones.stamp_to,
        ..tones
    };
    let boxes = regions
        .iter()
        .filter(|region| {
            let cells = PrintCells {
                grid: &grid,
                print: &print_cells,
                max_print,
                region,
            };
            let holds_print = cells.inside() * 100 > cells.count() * LIGHT_STAMP_PRINT_INSIDE;
            let shaped = holds_print
                && is_stamp_shaped(image, &grid, region, band, dpi, OVER_PRINT_MIN_WIDTH_MM);
            tracing::debug!(
                bbox = ?region.bbox,
                holds_print,
                shaped,
                "light ink across the header's print"
            );
            shaped
        })
        .map(|region| region.bbox)
        .collect();
    (boxes, edges)
}

/// Whether a region's ink (its inked cells on `grid`) is a line: it has at least
/// [`LINE_MIN_CELLS`] inked columns and in nine in ten of them the ink spans at most
/// [`LINE_CELLS`] cells up and down, or the same across in its rows (a frame's piece,
/// straight or a few degrees turned).
fn is_line(grid: &Grid, region: &Region) -> bool {
    let min_cell_ink = (grid.cell * grid.cell / CELL_INK_SHARE).max(1);
    let [x, y, w, h] = region.bbox;
    let (c0, c1) = (x / grid.cell, (x + w - 1) / grid.cell);
    let (r0, r1) = (y / grid.cell, (y + h - 1) / grid.cell);
    let inked = |c: u32, r: u32| grid.ink[(r * grid.columns + c) as usize] >= min_cell_ink;
    // Long, and nine in ten of the spans (of the columns or rows with ink) thin.
    let thin = |spans: &[u32]| {
        let thin = spans.iter().filter(|&&n| n <= LINE_CELLS).count();
        spans.len() >= LINE_MIN_CELLS && thin * 10 >= spans.len() * 9
    };
    let columns: Vec<u32> = (c0..=c1)
        .filter_map(|c| extent((r0..=r1).filter(|&r| inked(c, r))))
        .collect();
    let rows: Vec<u32> = (r0..=r1)
        .filter_map(|r| extent((c0..=c1).filter(|&c| inked(c, r))))
        .collect();
    thin(&columns) || thin(&rows)
}

/// From the first to the last of increasing positions, both counted; None without any.
fn extent(mut positions: impl Iterator<Item = u32>) -> Option<u32> {
    let first = positions.next()?;
    Some(positions.last().map_or(1, |last| last - first + 1))
}

/// For each region of ink across the print, the regions found apart from it (`found`,
/// by index) that belong to the same stamp: those it overlaps, grown by `grown`, directly or
/// through other such regions (a stamp's rows split by the print between them).
fn stamp_ends(
    found: &[[u32; 4]],
    over: &[[u32; 4]],
    grown: impl Fn([u32; 4]) -> [u32; 4],
) -> Vec<Vec<usize>> {
    let all: Vec<[u32; 4]> = found.iter().chain(over).copied().collect();
    // Each box's stamp, as the smallest index reached (labels settle within len rounds).
    let mut stamp: Vec<usize> = (0..all.len()).collect();
    loop {
        let mut changed = false;
        for a in 0..all.len() {
            for b in 0..all.len() {
                if stamp[b] < stamp[a] && overlap(grown(all[a]), all[b]) {
                    stamp[a] = stamp[b];
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    (0..over.len())
        .map(|j| {
            let own = stamp[found.len() + j];
            (0..found.len()).filter(|&k| stamp[k] == own).collect()
        })
        .collect()
}

/// Whether at least half of a box lies within `others` and one of those it overlaps has
/// [`LARGER_REGION`] times its area or more.
fn is_part_of_larger(b: [u32; 4], others: &[[u32; 4]]) -> bool {
    let area = |[_, _, w, h]: [u32; 4]| u64::from(w) * u64::from(h);
    others
        .iter()
        .any(|&o| overlap(o, b) && area(o) >= LARGER_REGION * area(b))
        && share_outside(b, others) < 0.5
}

/// The share of a box's area that lies outside all of `others`.
fn share_outside(b: [u32; 4], others: &[[u32; 4]]) -> f32 {
    let [x, y, w, h] = b;
    if w == 0 || h == 0 {
        return 0.0;
    }
    let mut inside = 0u64;
    let mut spans: Vec<(u32, u32)> = Vec::new();
    for row in y..y + h {
        spans.clear();
        spans.extend(
            others
                .iter()
                .filter(|o| o[1] <= row && row < o[1] + o[3])
                .map(|o| (o[0].max(x), (o[0] + o[2]).min(x + w)))
                .filter(|(from, to)| from < to),
        );
        spans.sort_unstable();
        let mut reached = x;
        for &(from, to) in &spans {
            let from = from.max(reached);
            if to > from {
                inside += u64::from(to - from);
                reached = to;
            }
        }
    }
    1.0 - inside as f32 / (u64::from(w) * u64::from(h)) as f32
}

/// Whether two boxes overlap.
fn overlap(a: [u32; 4], b: [u32; 4]) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

/// Frames of stamp size on a coarse ink image (`block` pixels a dot): components shaped like
/// a ring (little ink for their box) that hold another component, as page boxes.
fn frames(coarse: &GrayImage, block: u32, dpi: u32) -> Vec<[u32; 4]> {
    let labels = connected_components(coarse, Connectivity::Eight, Luma([0u8]));
    let mut boxes: Vec<([u32; 4], u32)> = Vec::new();
    for (x, y, label) in labels.enumerate_pixels() {
        let l = label[0] as usize;
        if l == 0 {
            continue;
        }
        if boxes.len() < l {
            boxes.resize(l, ([u32::MAX, u32::MAX, 0, 0], 0));
        }
        let (b, n) = &mut boxes[l - 1];
        *b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        *n += 1;
    }
    let size = |mm: f32| mm_to_px(mm, dpi) / block;
    let (min_h, max_h, min_w, max_w) = (
        size(FRAME_MM[0]),
        size(FRAME_MM[1]),
        size(FRAME_MM[2]),
        size(FRAME_MM[3]),
    );
    let centres: Vec<(u32, u32)> = boxes
        .iter()
        .map(|(b, _)| (u32::midpoint(b[0], b[2]), u32::midpoint(b[1], b[3])))
        .collect();
    boxes
        .iter()
        .enumerate()
        .filter(|&(i, &(b, n))| {
            let (w, h) = (b[2] - b[0] + 1, b[3] - b[1] + 1);
            (min_h..=max_h).contains(&h)
                && (min_w..=max_w).contains(&w)
                && (n as f32) < FRAME_FILL * (w * h) as f32
                && centres.iter().enumerate().any(|(j, &(cx, cy))| {
                    j != i && cx > b[0] && cx < b[2] && cy > b[1] && cy < b[3]
                })
                && is_ring(&labels, i as u32 + 1, b)
        })
        .map(|(_, &(b, _))| {
            [
                b[0] * block,
                b[1] * block,
                (b[2] - b[0] + 1) * block,
                (b[3] - b[1] + 1) * block,
            ]
        })
        .collect()
}

/// Whether component `label` (box `b`: x0, y0, x1, y1) runs round its box like a frame,
/// turned a few degrees at most: most of its rows have ink in their outer quarters, left and
/// right, and most of its columns in their outer thirds, top and bottom (a line of text with
/// its diacritics or an underline does not).
fn is_ring(labels: &image::ImageBuffer<Luma<u32>, Vec<u32>>, label: u32, b: [u32; 4]) -> bool {
    let (w, h) = (b[2] - b[0] + 1, b[3] - b[1] + 1);
    let ours = |x: u32, y: u32| labels.get_pixel(x, y)[0] == label;
    let rows = (b[1]..=b[3])
        .filter(|&y| {
            (b[0]..=(b[0] + w / 4)).any(|x| ours(x, y)) && (b[2] - w / 4..=b[2]).any(|x| ours(x, y))
        })
        .count() as u32;
    let columns = (b[0]..=b[2])
        .filter(|&x| {
            (b[1]..=(b[1] + h / 3)).any(|y| ours(x, y)) && (b[3] - h / 3..=b[3]).any(|y| ours(x, y))
        })
        .count() as u32;
    rows * 10 >= h * 7 && columns * 10 >= w * 7
}

/// Share of a region's inked cells whose centre lies in one of `words`' boxes.
fn covered_share(grid: &Grid, region: &Region, words: &[&OcrWord]) -> f32 {
    let min_cell_ink = (grid.cell * grid.cell / CELL_INK_SHARE).max(1);
    let [x, y, w, h] = region.bbox;
    let (mut inked, mut covered) = (0u32, 0u32);
    for r in y / grid.cell..(y + h).div_ceil(grid.cell) {
        for c in x / grid.cell..(x + w).div_ceil(grid.cell) {
            if grid.ink[(r * grid.columns + c) as usize] < min_cell_ink {
                continue;
            }
            inked += 1;
            let (cx, cy) = (c * grid.cell + grid.cell / 2, r * grid.cell + grid.cell / 2);
            if words.iter().any(|word| {
                let [wx, wy, ww, wh] = word.bbox;
                (wx..wx + ww).contains(&cx) && (wy..wy + wh).contains(&cy)
            }) {
                covered += 1;
            }
        }
    }
    if inked == 0 {
        1.0
    } else {
        covered as f32 / inked as f32
    }
}

fn median(histogram: &[u32; 256]) -> u32 {
    percentile(histogram, 50)
}

/// The upper edge of stamp ink on a header area with this `histogram` and `paper` level:
/// [`STAMP_SPREADS`] times the paper's own spread below it (the paper's levels around its
/// median: the larger of the 90th percentile's distance above it and the 20th's below, at
/// least [`MIN_SPREAD`]), at most [`STAMP_TO`] of the paper level. On an even paper a faded
/// stamp's ink lighter than [`LIGHT_TO`] is still told from the paper; on a grainy page the
/// edge stays where the light band ends. A paper at the scanner's white ([`CLIPPED_WHITE`]
/// or above) has had its grain clipped away: its spread cannot be measured, and the edge
/// stays where the light band ends too (a receipt stamp's pale ink across the print of such
/// pages would otherwise be taken for a stamp it cannot read).
fn stamp_band_edge(histogram: &[u32; 256], paper: u32) -> u32 {
    let light_to = paper * LIGHT_TO / 100;
    if paper >= CLIPPED_WHITE {
        return light_to;
    }
    let spread = (percentile(histogram, 90).saturating_sub(paper))
        .max(paper.saturating_sub(percentile(histogram, 20)))
        .max(MIN_SPREAD);
    let edge = paper
        .saturating_sub(STAMP_SPREADS * spread)
        .min(paper * STAMP_TO / 100)
        .max(light_to);
    tracing::debug!(spread, edge, "stamp ink's upper edge");
    edge
}

/// The level at or below which `percent` % of a histogram's pixels lie (of its first levels
/// only, when given a part of it).
fn percentile(histogram: &[u32], percent: u64) -> u32 {
    let total: u64 = histogram.iter().map(|&n| u64::from(n)).sum();
    let mut seen = 0u64;
    for (level, &count) in histogram.iter().enumerate() {
        seen += u64::from(count);
        if seen * 100 >= total * percent {
            return level as u32;
        }
    }
    255
}

/// Erases frames from a layer: an ink component that spans the layer's ink (four fifths of
/// its width and height or more) and holds the centre of another component (a frame around
/// a mark or a receipt stamp) becomes white. Letters never span a stamp's ink both ways.
fn erase_frames(layer: &mut GrayImage) {
    let binary = GrayImage::from_fn(layer.width(), layer.height(), |x, y| {
        Luma([if layer.get_pixel(x, y)[0] < 128 {
            255
        } else {
            0
        }])
    });
    let labels = connected_components(&binary, Connectivity::Eight, Luma([0u8]));
    let mut boxes: Vec<[u32; 4]> = Vec::new();
    for (x, y, label) in labels.enumerate_pixels() {
        let l = label[0] as usize;
        if l == 0 {
            continue;
        }
        if boxes.len() < l {
            boxes.resize(l, [u32::MAX, u32::MAX, 0, 0]);
        }
        let b = &mut boxes[l - 1];
        *b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
    let Some(extent) = boxes.iter().copied().reduce(|a, b| {
        [
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[2].max(b[2]),
            a[3].max(b[3]),
        ]
    }) else {
        return;
    };
    let (ink_w, ink_h) = (extent[2] - extent[0] + 1, extent[3] - extent[1] + 1);
    let centres: Vec<(u32, u32)> = boxes
        .iter()
        .map(|b| (u32::midpoint(b[0], b[2]), u32::midpoint(b[1], b[3])))
        .collect();
    let frames: Vec<bool> = boxes
        .iter()
        .enumerate()
        .map(|(i, b)| {
            (b[2] - b[0] + 1) * 5 >= ink_w * 4
                && (b[3] - b[1] + 1) * 5 >= ink_h * 4
                && centres.iter().enumerate().any(|(j, &(cx, cy))| {
                    j != i && (b[0]..=b[2]).contains(&cx) && (b[1]..=b[3]).contains(&cy)
                })
        })
        .collect();
    if !frames.contains(&true) {
        return;
    }
    for (x, y, label) in labels.enumerate_pixels() {
        let l = label[0] as usize;
        if l > 0 && frames[l - 1] {
            layer.put_pixel(x, y, Luma([255]));
        }
    }
}

/// Reads the header area's stamp ink of a recognised page (see the module doc): its red
/// regions, then, when neither they nor the page's own reading (`mark_read`) show a mark, its
/// gray stamp ink away from the red. A reading that fails leaves the region without words
/// (unread); so do the regions after the first [`MAX_REGIONS`].
pub fn read_header(
    engine: &mut dyn OcrEngine,
    red: &RedInk,
    page: &PreparedPage,
    words: &[OcrWord],
    mark_read: bool,
) -> Vec<InkRegion> {
    let dpi = page.facts.dpi;
    let mut regions: Vec<InkRegion> = Vec::new();
    let mut read = |regions: &mut Vec<InkRegion>, ink: Ink, layer: Layer| {
        let words = if regions.len() < MAX_REGIONS {
            read_layer(engine, ink, layer.image, dpi, layer.bbox).unwrap_or_else(|e| {
                tracing::warn!(error = %e, "reading stamp ink in the header area failed; the region counts as unread");
                Vec::new()
            })
        } else {
            Vec::new()
        };
        regions.push(InkRegion {
            ink,
            bbox: layer.bbox,
            words,
        });
    };
    for layer in red.in_header(page.facts.rotation) {
        read(&mut regions, Ink::Red, layer);
    }
    let red_mark = regions.iter().any(|r| shows_mark(&r.words));
    if !mark_read && !red_mark {
        let red_boxes: Vec<[u32; 4]> = regions.iter().map(|r| r.bbox).collect();
        // Where each gray layer's region went in `regions` (none: it lies over red ink).
        let mut placed: Vec<Option<usize>> = Vec::new();
        for (ink, layer) in gray_layers(page, words) {
            if red_boxes.iter().any(|b| overlap(*b, layer.bbox)) {
                placed.push(None);
                continue;
            }
            // Stamp ink across the print whose end beyond it was read (a receipt stamp's
            // `ĐẾN`, `Số`) is that stamp's: it gives its mark but does not fail closed.
            let end_read = layer.ends.iter().any(|&k| {
                placed[k]
                    .is_some_and(|r| crate::policy::is_ink_read(&word_records(&regions[r].words)))
            });
            let ink = if end_read { Ink::Gray } else { ink };
            placed.push(Some(regions.len()));
            read(&mut regions, ink, layer);
        }
    }
    regions
}

/// Whether words read from stamp ink show a độ mật mark (the policy's reading of them).
fn shows_mark(words: &[OcrWord]) -> bool {
    crate::policy::mark_in_ink(&word_records(words)).is_some()
}

/// More words than a stamp holds (a receipt stamp's form with its entries is the longest):
/// gray ink read as this many words is a block of light print, legible at its own size.
const STAMP_WORDS_AT_MOST: usize = 16;

/// The words of one layer (frames erased) at `dpi`, boxes moved onto the page at `bbox`:
/// read as it is and, when that shows no mark, enlarged twice; the reading with a mark, else
/// the more confident one. Gray ink (no stamp's shape) that reads as a block of text is not
/// read again: enlarging serves a stamp's few letters, and reading a faded page's header
/// print twice more cost more than the page's whole OCR.
fn read_layer(
    engine: &mut dyn OcrEngine,
    ink: Ink,
    mut image: GrayImage,
    dpi: u32,
    bbox: [u32; 4],
) -> Result<Vec<OcrWord>> {
    erase_frames(&mut image);
    let read = |engine: &mut dyn OcrEngine, image: GrayImage, scale: u32| -> Result<Vec<OcrWord>> {
        let facts = PreprocessFacts {
            dpi: dpi * scale,
            ..PreprocessFacts::default()
        };
        let mut words = engine
            .recognize_block(&PreparedPage { image, facts })?
            .words;
        for w in &mut words {
            w.bbox = [
                bbox[0] + w.bbox[0] / scale,
                bbox[1] + w.bbox[1] / scale,
                w.bbox[2] / scale,
                w.bbox[3] / scale,
            ];
        }
        Ok(words)
    };
    let first = read(engine, image.clone(), 1)?;
    tracing::debug!(
        words = first.len(),
        confidence = super::OcrPage::weighted_confidence(&first),
        "stamp ink read"
    );
    if shows_mark(&first) || (ink == Ink::Gray && first.len() > STAMP_WORDS_AT_MOST) {
        return Ok(first);
    }
    let enlarged = crate::preprocess::enlarge(&image, 2);
    let second = read(engine, enlarged, 2)?;
    tracing::debug!(
        words = second.len(),
        confidence = super::OcrPage::weighted_confidence(&second),
        "stamp ink read enlarged"
    );
    let confidence = |words: &[OcrWord]| super::OcrPage::weighted_confidence(words);
    if shows_mark(&second) || confidence(&second) > confidence(&first) {
        Ok(second)
    } else {
        Ok(first)
    }
}

/// The closing area read a second time spans this far to the left of the signature block's
/// first line, and this far below its top (title, seal, signature and name), in mm.
const CLOSING_LEFT_MM: f32 = 20.0;
const CLOSING_DOWN_MM: f32 = 75.0;
/// The closing area is read enlarged this many times.
const CLOSING_SCALE: u32 = 2;

/// Reads the closing block of a recognised page a second time, for the signer's name that a
/// seal over it garbles: the area from the signature block's first line (see
/// [`understanding::classify::signature_block_line`]; the right column from `Nơi nhận`
/// when only that was read) down, its right column only, with the
/// stamp ink left out — the page's red ink (found in colour, put where the page as recognised
/// has it) and ink lighter than print ([`LIGHT_FROM`] of the paper level: what a red seal
/// becomes in a gray scan) turned to paper — enlarged [`CLOSING_SCALE`] times and read as one
/// block. When that reading shows a name but not a plausible one, the same area is read once
/// more as scanned (its red ink left out, its light ink kept: a typewritten name's pale
/// strokes fall in the band the first erases, and a gray seal's ring over the name's first
/// letters stays in the second), for the catalog to take the name from, or to merge word by
/// word with the other readings. Nothing when the page's own reading already gives a
/// plausible signer or when it has no signature block; a reading that fails is logged and
/// left out.
pub fn read_closing(
    engine: &mut dyn OcrEngine,
    red: &RedInk,
    page: &PreparedPage,
    ocr: &super::OcrPage,
) -> ClosingReadings {
    if understanding::classify::reads_a_plausible_signer(&ocr.text) {
        return ClosingReadings::default();
    }
    let Some(area) = closing_area(red, page, ocr) else {
        return ClosingReadings::default();
    };
    let dpi = page.facts.dpi;
    let mut without_light_ink = area.clone();
    let erased = erase_light_ink(&mut without_light_ink);
    let stamp_ink_out = read_enlarged(engine, &without_light_ink, dpi);
    // A bilevel page has no light ink: the area as scanned is the one just read. A reading
    // with the name, or with no trace of one (an unsigned copy), is not read again.
    let name_garbled = stamp_ink_out.as_deref().is_some_and(|t| {
        !understanding::classify::reads_a_plausible_signer(t)
            && understanding::classify::reads_part_of_a_name(t)
    });
    let as_scanned = if erased && name_garbled {
        read_enlarged(engine, &area, dpi)
    } else {
        None
    };
    ClosingReadings {
        stamp_ink_out,
        as_scanned,
    }
}

/// The closing block's readings beyond the page's own (see [`read_closing`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClosingReadings {
    /// Its area alone with the stamp ink (red, and ink lighter than print) left out.
    pub stamp_ink_out: Option<String>,
    /// The same area with its red ink left out only, when the first showed a name but not
    /// a plausible one.
    pub as_scanned: Option<String>,
}

/// The closing block's area of a recognised page (the signature block's column from its
/// first line down), its red ink turned to paper; None without a signature block.
fn closing_area(red: &RedInk, page: &PreparedPage, ocr: &super::OcrPage) -> Option<GrayImage> {
    let start = understanding::classify::signature_block_line(&ocr.text)?;
    let (SignatureStart::Title(line) | SignatureStart::BesideRecipients(line)) = start;
    let line = u32::try_from(line).ok()?;
    let words: Vec<&OcrWord> = ocr.words.iter().filter(|w| w.line == line).collect();
    let dpi = page.facts.dpi;
    let (width, height) = page.image.dimensions();
    let top = words.iter().map(|w| w.bbox[1]).min()?;
    let (x, y) = match start {
        SignatureStart::Title(_) => {
            // The block's column: the words after the widest gap on the line when it is
            // wider than a column gap (Nơi nhận merged in on the left), else the whole line.
            let column_gap = mm_to_px(15.0, dpi);
            let mut from = 0;
            let mut widest = 0;
            for (k, pair) in words.windows(2).enumerate() {
                let gap = pair[1].bbox[0].saturating_sub(pair[0].bbox[0] + pair[0].bbox[2]);
                if gap > widest {
                    (widest, from) = (gap, k + 1);
                }
            }
            let column = if widest > column_gap {
                &words[from..]
            } else {
                &words[..]
            };
            let left = column.iter().map(|w| w.bbox[0]).min()?;
            let top = column.iter().map(|w| w.bbox[1]).min()?;
            (
                left.saturating_sub(mm_to_px(CLOSING_LEFT_MM, dpi)),
                top.saturating_sub(mm_to_px(2.0, dpi)),
            )
        }
        // The right column, from a little above Nơi nhận (the title stands level with it).
        SignatureStart::BesideRecipients(_) => {
            (width * 2 / 5, top.saturating_sub(mm_to_px(8.0, dpi)))
        }
    };
    let (w, h) = (
        width - x,
        (y + mm_to_px(CLOSING_DOWN_MM, dpi)).min(height) - y,
    );
    if w == 0 || h == 0 {
        return None;
    }
    let mut area = imageops::crop_imm(&page.image, x, y, w, h).to_image();
    red.erase_from(&mut area, [x, y], &page.facts);
    Some(area)
}

/// The words of a closing area read as one block, enlarged [`CLOSING_SCALE`] times; None
/// when nothing was read or the reading failed (logged).
fn read_enlarged(engine: &mut dyn OcrEngine, area: &GrayImage, dpi: u32) -> Option<String> {
    let enlarged = crate::preprocess::enlarge(area, CLOSING_SCALE);
    let facts = PreprocessFacts {
        dpi: dpi * CLOSING_SCALE,
        ..PreprocessFacts::default()
    };
    match engine.recognize_block(&PreparedPage {
        image: enlarged,
        facts,
    }) {
        Ok(read) => {
            // Never the text: the page may yet be withheld, and no log line carries what a
            // withheld page holds.
            tracing::debug!(
                chars = read.text.chars().count(),
                "closing block read again"
            );
            Some(read.text).filter(|t| !t.trim().is_empty())
        }
        Err(e) => {
            tracing::warn!(error = %e, "reading the closing block again failed; the readings before stand");
            None
        }
    }
}

/// A closing area's print: the level at or below which this share (%) of its ink lies (its
/// darkest strokes: the title and the name, or a pen's), not the seal's lighter ring, which
/// may hold most of the area's ink.
const CLOSING_PRINT_PERCENTILE: u64 = 3;
/// Ink from this share (%) of the way from a closing area's print to its paper on is no
/// print's.
const CLOSING_LIGHT_SHARE: u32 = 30;

/// Turns ink lighter than print to paper: from [`LIGHT_FROM`] of the paper level (the area's
/// median), or from [`CLOSING_LIGHT_SHARE`] of the way from the area's print to its paper
/// when that is lighter — a faded or typewritten page's print is itself lighter than the
/// fixed share, and was erased with the seal over it. Whether there was any light ink
/// (levels below [`LIGHT_TO`] of the paper's).
fn erase_light_ink(area: &mut GrayImage) -> bool {
    let mut histogram = [0u32; 256];
    for p in area.pixels() {
        histogram[p[0] as usize] += 1;
    }
    let paper = median(&histogram);
    let light = (paper * LIGHT_FROM / 100).max(
        print_core(&histogram, paper * LIGHT_TO / 100).map_or(0, |print| {
            print + (paper - print) * CLOSING_LIGHT_SHARE / 100
        }),
    );
    tracing::debug!(paper, light, "closing area's light ink");
    let light = light.min(255) as u8;
    let paper = paper as u8;
    let ink_to = u32::from(paper) * LIGHT_TO / 100;
    let mut erased = false;
    for p in area.pixels_mut() {
        if p[0] >= light {
            erased |= u32::from(p[0]) < ink_to;
            p[0] = paper;
        }
    }
    erased
}

/// The level of an area's print: [`CLOSING_PRINT_PERCENTILE`] of its ink (levels below
/// `ink_to`), or None without ink.
fn print_core(histogram: &[u32; 256], ink_to: u32) -> Option<u32> {
    let ink = &histogram[..(ink_to as usize).min(256)];
    ink.iter()
        .any(|&n| n > 0)
        .then(|| percentile(ink, CLOSING_PRINT_PERCENTILE))
}

impl RedInk {
    /// Turns the red ink of the page to white in `area`, a crop at `origin` of the page as
    /// recognised (`facts`: deskewed, then turned): each red pixel of a layer is put where
    /// deskewing and turning took it, with its neighbours (rounding).
    // Page coordinates are far below f32's exact integer range and i64::MAX.
    #[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]
    fn erase_from(&self, area: &mut GrayImage, origin: [u32; 2], facts: &PreprocessFacts) {
        if self.regions.is_empty() {
            return;
        }
        let (aw, ah) = (i64::from(area.width()), i64::from(area.height()));
        let theta = if facts.deskewed {
            -facts.skew_degrees.to_radians()
        } else {
            0.0
        };
        let (sin, cos) = theta.sin_cos();
        let (cx, cy) = (self.width as f32 / 2.0, self.height as f32 / 2.0);
        let (w, h) = (i64::from(self.width), i64::from(self.height));
        for layer in &self.regions {
            let [lx, ly, _, _] = layer.bbox;
            for (i, j, level) in layer.image.enumerate_pixels() {
                if level[0] > 128 {
                    continue;
                }
                let (px, py) = ((lx + i) as f32 - cx, (ly + j) as f32 - cy);
                let (dx, dy) = (
                    (cos * px - sin * py + cx).round() as i64,
                    (sin * px + cos * py + cy).round() as i64,
                );
                let (tx, ty) = match facts.rotation % 360 {
                    90 => (h - 1 - dy, dx),
                    180 => (w - 1 - dx, h - 1 - dy),
                    270 => (dy, w - 1 - dx),
                    _ => (dx, dy),
                };
                let (ax, ay) = (tx - i64::from(origin[0]), ty - i64::from(origin[1]));
                for (ex, ey) in [(0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)] {
                    let (x, y) = (ax + ex, ay + ey);
                    if (0..aw).contains(&x) && (0..ah).contains(&y) {
                        area.put_pixel(x as u32, y as u32, Luma([255]));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::{OcrPage, Orientation};
    use image::{Rgb, RgbImage};

    const PAPER: [u8; 3] = [248, 246, 240];
    const RED: [u8; 3] = [205, 32, 42];
    const FADED: [u8; 3] = [235, 150, 152];
    const DARK_RED: [u8; 3] = [128, 22, 30];
    const BLACK: [u8; 3] = [24, 24, 30];

    /// A 100-dpi page (cells of 4 pixels) of paper.
    fn page(width: u32, height: u32) -> RgbImage {
        RgbImage::from_pixel(width, height, Rgb(PAPER))
    }

    fn fill(img: &mut RgbImage, [x, y, w, h]: [u32; 4], colour: [u8; 3]) {
        for j in y..y + h {
            for i in x..x + w {
                img.put_pixel(i, j, Rgb(colour));
            }
        }
    }

    /// Strokes like a line of capitals: `letters` bars of 3 × `height` pixels, 6 apart.
    fn strokes(img: &mut RgbImage, x: u32, y: u32, letters: u32, height: u32, colour: [u8; 3]) {
        for k in 0..letters {
            fill(img, [x + k * 6, y, 3, height], colour);
        }
    }

    #[test]
    fn red_ink_is_red_faded_or_dark_and_nothing_else() {
        for red in [RED, FADED, DARK_RED] {
            assert!(redness(red) >= RED_CHROMA, "{red:?}");
            assert_eq!(red_layer_level(red), 0, "{red:?} is drawn dark");
        }
        let pale = [240, 185, 185];
        assert!(redness(pale) >= RED_CHROMA && red_layer_level(pale) < 128);
        // Paper (also yellowed), black print, blue pen, violet and orange ink, a magenta.
        for other in [
            PAPER,
            [236, 222, 196],
            BLACK,
            [30, 52, 150],
            [96, 50, 150],
            [230, 140, 40],
            [200, 40, 180],
        ] {
            assert!(redness(other) < RED_CHROMA, "{other:?}");
            assert_eq!(red_layer_level(other), 255, "{other:?} is white");
        }
    }

    #[test]
    fn red_regions_are_found_with_their_layer_and_specks_and_print_are_not() {
        let mut img = page(400, 560);
        // A red mark (two words) in the header, black print beside it, a red speck, and a
        // red seal low on the page.
        strokes(&mut img, 40, 60, 8, 14, RED);
        strokes(&mut img, 92, 60, 5, 14, FADED);
        strokes(&mut img, 200, 60, 12, 14, BLACK);
        fill(&mut img, [300, 120, 2, 2], RED);
        fill(&mut img, [250, 420, 60, 60], DARK_RED);
        let red = RedInk::of_rgb(&img, 100);
        assert_eq!(
            red.regions.len(),
            2,
            "{:?}",
            red.regions.iter().map(|l| l.bbox).collect::<Vec<_>>()
        );
        let mark = &red.regions[0];
        // The mark's cells (40..130 × 60..74) and a 2 mm (8 px) margin.
        let [x, y, w, h] = mark.bbox;
        assert!(
            x <= 32 && y <= 52 && x + w >= 120 && y + h >= 74,
            "{:?}",
            mark.bbox
        );
        assert!(
            x + w <= 150,
            "the black print is not part of it: {:?}",
            mark.bbox
        );
        assert_eq!((mark.image.width(), mark.image.height()), (w, h));
        assert_eq!(
            mark.image.get_pixel(40 - x, 60 - y)[0],
            0,
            "red ink is dark"
        );
        assert_eq!(mark.image.get_pixel(100 - x, 65 - y)[0], 0, "faded red too");
        assert_eq!(
            mark.image.get_pixel(43 - x, 65 - y)[0],
            255,
            "paper is white"
        );
        // Only the mark is in the header area (the top 40 %, 224 px) …
        let header = red.in_header(0);
        assert_eq!(header.len(), 1);
        assert_eq!(header[0].bbox, mark.bbox);
        // … and, upside down, only the seal is.
        let turned = red.in_header(180);
        assert_eq!(turned.len(), 1);
        let [sx, sy, sw, sh] = red.regions[1].bbox;
        assert_eq!(turned[0].bbox, [400 - sx - sw, 560 - sy - sh, sw, sh]);
        // A gray page has no red ink, nor has a page of print.
        let gray = DynamicImage::ImageLuma8(GrayImage::from_pixel(400, 560, Luma([200])));
        assert!(RedInk::find(&gray, 100).is_empty());
        let mut print = page(400, 560);
        strokes(&mut print, 40, 60, 30, 14, BLACK);
        assert!(RedInk::find(&DynamicImage::ImageRgb8(print), 100).is_empty());
    }

    #[test]
    fn ink_across_the_print_inside_a_larger_region_is_that_regions() {
        // A seal (400 × 400) with a signature's stroke across the print inside it.
        let seal = [1400, 760, 400, 400];
        assert!(is_part_of_larger([1520, 880, 140, 140], &[seal]));
        // A stamp across the print whose end beyond it was found on its own: the stamp
        // reaches well past that end (most of it outside), or is no smaller than it.
        let end = [936, 636, 132, 96];
        assert!(!is_part_of_larger([660, 660, 384, 60], &[end]));
        assert!(!is_part_of_larger([940, 640, 120, 80], &[end]));
        // Half inside each of two regions: inside, whatever their overlap.
        let halves = [[0, 0, 60, 100], [40, 0, 60, 100]];
        assert!((share_outside([0, 0, 100, 100], &halves)).abs() < 1e-6);
        assert!((share_outside([0, 0, 100, 100], &halves[..1]) - 0.4).abs() < 1e-6);
    }

    #[test]
    fn a_stamps_ends_are_the_regions_its_parts_touch() {
        // Two rows of a receipt stamp across the print, 8 pixels apart, and the regions of
        // its ink found beside the print; a region far away belongs to no stamp.
        let found = [[64, 32, 184, 56], [56, 168, 32, 88], [900, 40, 100, 50]];
        let over = [[64, 32, 432, 64], [56, 104, 360, 160]];
        let near = |b: [u32; 4]| grown(b, 16, 2000, 600);
        assert_eq!(
            stamp_ends(&found, &over, near),
            vec![vec![0, 1], vec![0, 1]]
        );
        let apart = |b: [u32; 4]| b;
        assert_eq!(stamp_ends(&found, &over, apart), vec![vec![0], vec![1]]);
        assert_eq!(stamp_ends(&found, &[], near), Vec::<Vec<usize>>::new());
    }

    #[test]
    fn quarter_turns_move_boxes_with_the_page() {
        let layer = Layer {
            bbox: [10, 20, 30, 40],
            image: GrayImage::new(30, 40),
            ends: Vec::new(),
        };
        // A 100 × 200 page turned clockwise by 90: x' = height - y - h, y' = x.
        let t = turn(&layer, 90, 100, 200);
        assert_eq!(t.bbox, [140, 10, 40, 30]);
        assert_eq!(t.image.dimensions(), (40, 30));
        assert_eq!(turn(&layer, 270, 100, 200).bbox, [20, 60, 40, 30]);
        assert_eq!(turn(&layer, 0, 100, 200).bbox, layer.bbox);
    }

    #[test]
    fn frames_are_erased_and_letters_kept() {
        let mut layer = GrayImage::from_pixel(120, 50, Luma([255]));
        let mut dark = |x0: u32, y0: u32, x1: u32, y1: u32| {
            for y in y0..y1 {
                for x in x0..x1 {
                    layer.put_pixel(x, y, Luma([0]));
                }
            }
        };
        // A frame of 3-pixel lines and three letters inside.
        dark(5, 5, 115, 8);
        dark(5, 42, 115, 45);
        dark(5, 5, 8, 45);
        dark(112, 5, 115, 45);
        for k in 0..3 {
            dark(20 + k * 30, 15, 32 + k * 30, 35);
        }
        erase_frames(&mut layer);
        assert_eq!(layer.get_pixel(60, 6)[0], 255, "the frame is gone");
        assert_eq!(layer.get_pixel(6, 30)[0], 255);
        assert_eq!(layer.get_pixel(25, 25)[0], 0, "the letters stay");
        assert_eq!(layer.get_pixel(85, 25)[0], 0);
        // Letters alone (an `O` holds nothing) stay as they are.
        let mut o = GrayImage::from_pixel(40, 40, Luma([255]));
        for (x, y) in [(10, 10), (30, 10), (10, 30), (30, 30)] {
            o.put_pixel(x, y, Luma([0]));
        }
        let before = o.clone();
        erase_frames(&mut o);
        assert_eq!(o, before);
    }

    fn gray_page() -> PreparedPage {
        // 100 dpi, paper 240, black print in the header with anti-aliased edges (a 1-pixel
        // ring at 150, which must not count as light ink).
        let mut image = GrayImage::from_pixel(400, 560, Luma([240]));
        for k in 0..12 {
            let x = 200 + k * 12;
            for y in 59..76 {
                for i in x - 1..x + 6 {
                    image.put_pixel(i, y, Luma([150]));
                }
            }
            for y in 60..75 {
                for i in x..x + 5 {
                    image.put_pixel(i, y, Luma([20]));
                }
            }
        }
        PreparedPage {
            image,
            facts: PreprocessFacts {
                dpi: 100,
                ..PreprocessFacts::default()
            },
        }
    }

    fn light_stamp(page: &mut PreparedPage) {
        for k in 0..8 {
            for y in 100..114 {
                for x in 40 + k * 6..43 + k * 6 {
                    page.image.put_pixel(x, y, Luma([165]));
                }
            }
        }
    }

    /// Capitals of ink `level` (3-pixel bars 6 apart, 7 mm tall) stamped across the print's
    /// line of [`gray_page`] (level 20, 200..344 × 60..75 at 100 dpi): the print stays dark
    /// where they cross.
    fn stamp_across_the_print(page: &mut PreparedPage, level: u8) {
        short_stamp_across_the_print(page, level, 10);
    }

    /// `bars` light bars (3 pixels wide, 6 apart, 7 mm tall) from x 190 across the print.
    fn short_stamp_across_the_print(page: &mut PreparedPage, level: u8, bars: u32) {
        for k in 0..bars {
            for y in 52..80 {
                for x in 190 + k * 6..193 + k * 6 {
                    if page.image.get_pixel(x, y)[0] > 100 {
                        page.image.put_pixel(x, y, Luma([level]));
                    }
                }
            }
        }
    }

    fn word(text: &str, bbox: [u32; 4], confidence: f32) -> OcrWord {
        OcrWord {
            text: text.into(),
            bbox,
            confidence,
            line: 0,
        }
    }

    #[test]
    fn light_gray_ink_the_first_reading_missed_is_found_and_print_halos_are_not() {
        let mut page = gray_page();
        assert!(gray_layers(&page, &[]).is_empty(), "halos of print");
        light_stamp(&mut page);
        let layers = gray_layers(&page, &[]);
        assert_eq!(layers.len(), 1);
        let [x, y, w, h] = layers[0].1.bbox;
        assert!(
            x <= 40 && y <= 100 && x + w >= 85 && y + h >= 114,
            "{:?}",
            layers[0].1.bbox
        );
        assert!(
            layers[0].1.image.get_pixel(41 - x, 105 - y)[0] < 100,
            "stretched darker"
        );
        assert_eq!(
            layers[0].1.image.get_pixel(44 - x, 105 - y)[0],
            255,
            "paper white"
        );
        // Covered by a confident word of the first reading: already read.
        let covering = [word("Ngày", [36, 96, 60, 22], 90.0)];
        assert!(gray_layers(&page, &covering).is_empty());
        // A word read without confidence does not cover it.
        let unsure = [word("~~", [36, 96, 60, 22], 20.0)];
        assert_eq!(gray_layers(&page, &unsure).len(), 1);
    }

    #[test]
    fn frames_of_any_ink_are_found_with_what_they_hold() {
        let mut page = gray_page();
        // A black frame (3-pixel lines) of 30 × 10 mm at 100 dpi around three letters.
        let (x0, y0, x1, y1) = (40u32, 110u32, 158u32, 150u32);
        for y in y0..y1 {
            for x in x0..x1 {
                let edge = x < x0 + 3 || x >= x1 - 3 || y < y0 + 3 || y >= y1 - 3;
                let letter = (120..140).contains(&y) && (x - x0) % 30 >= 20 && (x - x0) % 30 < 26;
                if edge || letter {
                    page.image.put_pixel(x, y, Luma([25]));
                }
            }
        }
        let layers = gray_layers(&page, &[]);
        assert_eq!(
            layers.len(),
            1,
            "{:?}",
            layers.iter().map(|l| l.1.bbox).collect::<Vec<_>>()
        );
        let [x, y, w, h] = layers[0].1.bbox;
        assert!(
            x <= x0 && y <= y0 && x + w >= x1 && y + h >= y1,
            "{:?}",
            layers[0].1.bbox
        );
        // Read even under confident words: a frame is read whenever no mark was read.
        let covering = [word("ĐẾN", [30, 100, 140, 60], 95.0)];
        assert_eq!(gray_layers(&page, &covering).len(), 1);
    }

    /// A fake engine: reads every image as `text` and records the images' sizes and dpi.
    struct Reader {
        text: Vec<(&'static str, f32)>,
        seen: Vec<(u32, u32, u32)>,
    }

    impl OcrEngine for Reader {
        fn recognize(&mut self, page: &PreparedPage) -> Result<OcrPage> {
            self.seen
                .push((page.image.width(), page.image.height(), page.facts.dpi));
            let words: Vec<OcrWord> = self
                .text
                .iter()
                .enumerate()
                .map(|(i, &(t, c))| word(t, [10 + 40 * i as u32, 10, 30, 12], c))
                .collect();
            Ok(OcrPage {
                text: String::new(),
                mean_confidence: OcrPage::weighted_confidence(&words),
                words,
            })
        }
        fn recognize_line(&mut self, _: &PreparedPage) -> Result<OcrPage> {
            unreachable!("stamp ink is read as a block")
        }
        fn detect_orientation(&mut self, _: &PreparedPage) -> Result<Option<Orientation>> {
            Ok(None)
        }
    }

    #[test]
    fn header_regions_are_read_alone_and_their_words_put_on_the_page() {
        let mut img = page(400, 560);
        strokes(&mut img, 40, 60, 8, 14, RED);
        let red = RedInk::of_rgb(&img, 100);
        let gray = PreparedPage {
            image: DynamicImage::ImageRgb8(img).to_luma8(),
            facts: PreprocessFacts {
                dpi: 100,
                ..PreprocessFacts::default()
            },
        };
        let mut engine = Reader {
            text: vec![("TỐI", 91.0), ("MẬT", 88.0)],
            seen: vec![],
        };
        let regions = read_header(&mut engine, &red, &gray, &[], false);
        assert_eq!(regions.len(), 1);
        let [x, y, w, h] = red.regions[0].bbox;
        assert_eq!(engine.seen, vec![(w, h, 100)], "a mark is read once");
        assert_eq!(regions[0].ink, Ink::Red);
        assert_eq!(regions[0].words[1].bbox[..2], [x + 50, y + 10]);
        // No mark in the first reading: read again, enlarged twice.
        let mut engine = Reader {
            text: vec![("ĐẾN", 90.0)],
            seen: vec![],
        };
        let regions = read_header(&mut engine, &red, &gray, &[], false);
        assert_eq!(engine.seen, vec![(w, h, 100), (2 * w, 2 * h, 200)]);
        assert_eq!(
            regions[0].words[0].bbox,
            [x + 10, y + 10, 30, 12],
            "as confident as the first: the first reading stands"
        );
        // A page without red: its light-gray ink, only when its own reading found no mark.
        let mut light = gray_page();
        light_stamp(&mut light);
        let mut engine = Reader {
            text: vec![("MẬT", 80.0)],
            seen: vec![],
        };
        let none = RedInk::default();
        assert!(read_header(&mut engine, &none, &light, &[], true).is_empty());
        let regions = read_header(&mut engine, &none, &light, &[], false);
        assert_eq!(regions.len(), 1);
        assert_eq!(regions[0].ink, Ink::LightStamp);
        assert_eq!(engine.seen.len(), 1);
    }

    #[test]
    fn gray_ink_read_as_a_block_of_print_is_not_read_again_enlarged() {
        let block: Vec<(&'static str, f32)> = vec![("chữ", 80.0); STAMP_WORDS_AT_MOST + 1];
        let layer = || GrayImage::from_pixel(60, 30, Luma([255]));
        let read = |ink: Ink, text: &[(&'static str, f32)]| {
            let mut engine = Reader {
                text: text.to_vec(),
                seen: vec![],
            };
            read_layer(&mut engine, ink, layer(), 100, [0, 0, 60, 30]).unwrap();
            engine.seen.len()
        };
        assert_eq!(read(Ink::Gray, &block), 1, "light print: one reading");
        // A stamp's shape, red ink or a frame is read again whatever the first reading gave;
        // so is gray ink read as a stamp's few words.
        for ink in [Ink::LightStamp, Ink::Red, Ink::Frame] {
            assert_eq!(read(ink, &block), 2, "{ink:?}");
        }
        assert_eq!(read(Ink::Gray, &block[..STAMP_WORDS_AT_MOST]), 2);
    }

    /// Light bars (3 × `height` pixels, 6 apart) of `level` on a gray page.
    fn light_bars(page: &mut PreparedPage, [x, y]: [u32; 2], bars: u32, height: u32, level: u8) {
        for k in 0..bars {
            for j in y..y + height {
                for i in x + k * 6..x + k * 6 + 3 {
                    page.image.put_pixel(i, j, Luma([level]));
                }
            }
        }
    }

    /// The kinds of the light-gray regions of a page, by their left and top.
    fn light_kinds(page: &PreparedPage) -> Vec<(Ink, [u32; 2])> {
        gray_layers(page, &[])
            .into_iter()
            .filter(|(ink, _)| *ink != Ink::Frame)
            .map(|(ink, layer)| (ink, [layer.bbox[0], layer.bbox[1]]))
            .collect()
    }

    #[test]
    fn a_faint_stamp_over_the_print_on_even_paper_is_found_and_read_without_the_print() {
        // Capitals barely off the paper (level 215, above the light band's 84 % of the
        // paper's 240: what a faded red stamp becomes in a gray scan) stamped across the
        // print's line: on paper this even, the stamp band reaches them.
        let mut page = gray_page();
        assert!(gray_layers(&page, &[]).is_empty(), "halos of print");
        stamp_across_the_print(&mut page, 215);
        let layers = gray_layers(&page, &[]);
        assert_eq!(
            layers.len(),
            1,
            "{:?}",
            layers.iter().map(|l| (l.0, l.1.bbox)).collect::<Vec<_>>()
        );
        let (ink, stamp) = &layers[0];
        assert_eq!(*ink, Ink::LightStamp);
        let [x, y, w, h] = stamp.bbox;
        assert!(
            x <= 190 && y <= 52 && x + w >= 247 && y + h >= 80,
            "{:?}",
            stamp.bbox
        );
        assert!(
            stamp.image.get_pixel(191 - x, 54 - y)[0] < 100,
            "stretched darker"
        );
        assert_eq!(
            stamp.image.get_pixel(202 - x, 67 - y)[0],
            255,
            "print taken out"
        );
        // Confident words of the first reading over it are the print's: the stamp across
        // them is still read on its own.
        let print_words = [word("ĐẢNG", [180, 50, 80, 32], 90.0)];
        let layers = gray_layers(&page, &print_words);
        assert_eq!(layers.len(), 1);
        assert_eq!(layers[0].0, Ink::LightStamp);
    }

    #[test]
    fn the_stamp_band_follows_the_paper_spread() {
        // An even paper (levels 244..=248) with 5 % print: the band reaches close to the
        // paper, to 93 % of it.
        let mut even = [0u32; 256];
        even[244..=248].fill(1900);
        even[30] = 500;
        assert_eq!(stamp_band_edge(&even, 246), 246 * STAMP_TO / 100);
        // A grainy paper (levels 240..=252): four of its spreads (5 levels) below it.
        let mut grainy = [0u32; 256];
        grainy[240..=252].fill(700);
        grainy[30] = 900;
        let edge = stamp_band_edge(&grainy, 246);
        assert_eq!(edge, 246 - STAMP_SPREADS * 5);
        assert!(edge > 246 * LIGHT_TO / 100);
        // A blotchy paper (levels 200..=250): no further than the light band.
        let mut blotchy = [0u32; 256];
        blotchy[200..=250].fill(200);
        assert_eq!(stamp_band_edge(&blotchy, 225), 225 * LIGHT_TO / 100);
        // Paper clipped white: its grain unknown, the light band's edge.
        let mut white = [0u32; 256];
        white[255] = 9_500;
        white[30] = 500;
        assert_eq!(stamp_band_edge(&white, 255), 255 * LIGHT_TO / 100);
    }

    #[test]
    fn a_light_stamp_over_the_print_is_found_and_read_without_the_print() {
        // Light capitals (level 165, 3-pixel bars 6 apart, 7 mm tall) stamped across the
        // print's line (level 20, 200..344 × 60..75 at 100 dpi): the print stays dark where
        // they cross. Its ink next to the print is no light stamp of its own.
        let mut page = gray_page();
        stamp_across_the_print(&mut page, 165);
        let layers = gray_layers(&page, &[]);
        let stamps: Vec<&Layer> = layers
            .iter()
            .filter(|(ink, _)| *ink == Ink::LightStamp)
            .map(|(_, layer)| layer)
            .collect();
        assert_eq!(
            stamps.len(),
            1,
            "{:?}",
            layers.iter().map(|l| (l.0, l.1.bbox)).collect::<Vec<_>>()
        );
        let [x, y, w, h] = stamps[0].bbox;
        assert!(
            x <= 190 && y <= 52 && x + w >= 250 && y + h >= 80,
            "{:?}",
            stamps[0].bbox
        );
        // Its layer holds the stamp's ink and not the print.
        assert!(stamps[0].image.get_pixel(191 - x, 54 - y)[0] < 100);
        assert_eq!(
            stamps[0].image.get_pixel(202 - x, 67 - y)[0],
            255,
            "print taken out"
        );
    }

    #[test]
    fn a_short_stamp_over_the_print_is_found() {
        // Four bars (about 5 mm): the print hides the rest of a short mark.
        let mut page = gray_page();
        short_stamp_across_the_print(&mut page, 165, 4);
        let layers = gray_layers(&page, &[]);
        assert!(
            layers.iter().any(|(ink, _)| *ink == Ink::LightStamp),
            "{:?}",
            layers.iter().map(|l| (l.0, l.1.bbox)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn light_ink_is_a_stamp_when_shaped_like_one_and_apart_from_lighter_print() {
        // The page's print (level 20, 200..344 × 60..75 at 100 dpi) and a word of light
        // capitals (11 × 3.6 mm, level 165) well below it: a stamp, read first.
        let mut page = gray_page();
        light_bars(&mut page, [40, 100], 8, 14, 165);
        let kinds = light_kinds(&page);
        assert_eq!(kinds.len(), 1);
        assert_eq!(kinds[0].0, Ink::LightStamp);
        // The same ink as a faded word in the print's own line (print 4 mm beside it): text.
        let mut page = gray_page();
        light_bars(&mut page, [140, 60], 8, 14, 165);
        assert_eq!(light_kinds(&page)[0].0, Ink::Gray);
        // Right under the print, touching it (a seal's ink split by a signature's pen).
        let mut page = gray_page();
        light_bars(&mut page, [220, 81], 8, 14, 165);
        assert_eq!(light_kinds(&page)[0].0, Ink::Gray);
        // A lone faded letter or two, and ink cut off by the header area's lower edge (the
        // top 224 rows): not a stamp's shape.
        let mut page = gray_page();
        light_bars(&mut page, [40, 100], 2, 14, 165);
        light_bars(&mut page, [40, 214], 8, 14, 165);
        let kinds = light_kinds(&page);
        assert_eq!(kinds.len(), 2, "{kinds:?}");
        assert!(kinds.iter().all(|(ink, _)| *ink == Ink::Gray), "{kinds:?}");
        // A round seal's light ink (a ring of 26 mm) is no stamp either.
        let mut page = gray_page();
        for a in 0..720 {
            let t = f64::from(a) * std::f64::consts::PI / 360.0;
            for r in 45..49 {
                let (x, y) = (
                    100.0 + f64::from(r) * t.cos(),
                    130.0 + f64::from(r) * t.sin(),
                );
                page.image.put_pixel(x as u32, y as u32, Luma([165]));
            }
        }
        assert_eq!(light_kinds(&page), vec![(Ink::Gray, [44, 72])]);
        // A piece of a receipt stamp's frame (30 mm of a 3-pixel line, turned 5°) split off
        // by the print it crosses: a line, not letters.
        let mut page = gray_page();
        for i in 0..120 {
            for t in 0..3 {
                page.image.put_pixel(40 + i, 150 - i / 12 + t, Luma([165]));
            }
        }
        assert_eq!(light_kinds(&page), vec![(Ink::Gray, [32, 132])]);
        // A faded page: its print (level 95) nearly as light as the ink (140); and a page
        // without print to compare with.
        let mut page = gray_page();
        for p in page.image.pixels_mut() {
            if p[0] < 100 {
                *p = Luma([95]);
            } else if p[0] < 200 {
                *p = Luma([170]);
            }
        }
        light_bars(&mut page, [40, 100], 8, 14, 140);
        assert_eq!(light_kinds(&page)[0].0, Ink::Gray);
        let mut page = gray_page();
        page.image = GrayImage::from_pixel(400, 560, Luma([240]));
        light_bars(&mut page, [40, 100], 8, 14, 165);
        assert_eq!(light_kinds(&page), vec![(Ink::Gray, [32, 92])]);
    }

    /// A fake engine for the closing block: answers each reading with the next text and
    /// keeps the images it was given.
    struct Closing {
        replies: Vec<&'static str>,
        seen: Vec<GrayImage>,
    }

    impl OcrEngine for Closing {
        fn recognize(&mut self, page: &PreparedPage) -> Result<OcrPage> {
            self.seen.push(page.image.clone());
            let text = self.replies.get(self.seen.len() - 1).copied().unwrap_or("");
            Ok(OcrPage {
                text: text.to_string(),
                words: Vec::new(),
                mean_confidence: 0.0,
            })
        }
        fn recognize_line(&mut self, _: &PreparedPage) -> Result<OcrPage> {
            unreachable!("the closing block is read as a block")
        }
        fn detect_orientation(&mut self, _: &PreparedPage) -> Result<Option<Orientation>> {
            Ok(None)
        }
    }

    /// A recognised page whose closing block's title (`T/M BAN THƯỜNG VỤ`, line 1) was read
    /// and its name not, with dark print at the title and light ink (`light`) below it.
    fn closing_page(light: u8) -> (PreparedPage, OcrPage) {
        let mut image = GrayImage::from_pixel(400, 560, Luma([240]));
        for y in 300..310 {
            for x in 220..300 {
                image.put_pixel(x, y, Luma([20]));
            }
        }
        for y in 360..370 {
            for x in 220..300 {
                image.put_pixel(x, y, Luma([light]));
            }
        }
        let mut title = word("T/M", [220, 300, 30, 10], 90.0);
        title.line = 1;
        let ocr = OcrPage {
            text: "Thông báo để các cơ quan biết.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ".to_string(),
            words: vec![title],
            mean_confidence: 90.0,
        };
        let page = PreparedPage {
            image,
            facts: PreprocessFacts {
                dpi: 100,
                ..PreprocessFacts::default()
            },
        };
        (page, ocr)
    }

    #[test]
    fn the_closing_block_is_read_as_scanned_when_its_light_ink_erased_gives_no_name() {
        let red = RedInk::default();
        // The name in the block read with the light ink erased: one reading.
        let (page, ocr) = closing_page(150);
        let mut engine = Closing {
            replies: vec!["BÍ THƯ\nLê Văn Khánh"],
            seen: vec![],
        };
        let read = read_closing(&mut engine, &red, &page, &ocr);
        assert_eq!(read.stamp_ink_out.as_deref(), Some("BÍ THƯ\nLê Văn Khánh"));
        assert_eq!((read.as_scanned, engine.seen.len()), (None, 1));
        // Garbled: read again as scanned, its light ink kept.
        let mut engine = Closing {
            replies: vec!["BÍ THƯ\nLương `hỊ M -", "BÍ THƯ\n``¬ñ.. Thị Mến"],
            seen: vec![],
        };
        let read = read_closing(&mut engine, &red, &page, &ocr);
        assert_eq!(read.as_scanned.as_deref(), Some("BÍ THƯ\n``¬ñ.. Thị Mến"));
        // The area starts 2 mm above the title (8 px at 100 dpi), enlarged twice: the light
        // ink's rows from 2 × (350 − 292) on.
        let light_ink_below_title = |image: &GrayImage| {
            let band = 2 * (350 - 292)..image.height();
            band.flat_map(|y| (0..image.width()).map(move |x| (x, y)))
                .any(|(x, y)| image.get_pixel(x, y)[0] < 200)
        };
        assert_eq!(
            engine
                .seen
                .iter()
                .map(light_ink_below_title)
                .collect::<Vec<_>>(),
            [false, true],
            "the light ink erased, then kept"
        );
        // No light ink (a bilevel page): the area as scanned is the one read.
        let (page, ocr) = closing_page(0);
        let mut engine = Closing {
            replies: vec!["BÍ THƯ\nLương `hỊ M -"],
            seen: vec![],
        };
        let read = read_closing(&mut engine, &red, &page, &ocr);
        assert_eq!((read.as_scanned, engine.seen.len()), (None, 1));
        // A page that reads its signer itself is not read again.
        let ocr = OcrPage {
            text: format!("{}\nLê Văn Khánh", ocr.text),
            ..ocr
        };
        let read = read_closing(&mut engine, &red, &page, &ocr);
        assert_eq!(read, ClosingReadings::default());
    }
}
