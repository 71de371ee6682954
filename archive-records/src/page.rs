//! The page record (`pages/{NNNN}.json`) and its parts.
//!
//! In: what the pipeline learnt about one page (source, technical metadata, preprocessing,
//! OCR words, stamp ink). Out: the stored [`PageRecord`]. Each part is a stored type of its
//! own with explicit JSON names, not the stage type it is converted from.

use serde::{Deserialize, Serialize};

use crate::paths::ORIGINALS_DIR;

/// One page of a hồ sơ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageRecord {
    /// 1-based position in the hồ sơ.
    #[serde(rename = "number")]
    pub number: u32,
    /// Path relative to the box root.
    #[serde(rename = "source_file")]
    pub source_file: String,
    /// 1-based page within the source file.
    #[serde(rename = "source_page")]
    pub source_page: u32,
    #[serde(rename = "source_sha256")]
    pub source_sha256: String,
    #[serde(rename = "technical")]
    pub technical: TechnicalRecord,
    /// Thông tư 05/2025 flags for `technical` (below 200 dpi, below 24-bit colour).
    #[serde(rename = "conformance", default)]
    pub conformance: ConformanceRecord,
    #[serde(rename = "preprocess")]
    pub preprocess: Option<PreprocessRecord>,
    #[serde(rename = "text_source")]
    pub text_source: TextSource,
    #[serde(rename = "text")]
    pub text: String,
    #[serde(rename = "mean_confidence")]
    pub mean_confidence: f32,
    #[serde(rename = "words")]
    pub words: Vec<WordRecord>,
    #[serde(rename = "ocr")]
    pub ocr: Option<OcrProvenance>,
    /// Stamp ink found in the header area (red ink; light-gray ink of a gray page the first
    /// reading missed), each region with the words read from it alone (the độ mật policy
    /// reads marks in them and fails closed on a region without a confident reading).
    #[serde(rename = "header_ink", default, skip_serializing_if = "Vec::is_empty")]
    pub header_ink: Vec<InkRegionRecord>,
    /// The closing block read a second time, its area alone with the stamp ink left out and
    /// enlarged, when the page's own reading gave no plausible signer (the catalog takes the
    /// signer's name from it then).
    #[serde(
        rename = "closing_reading",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub closing_reading: Option<String>,
    /// The same area read once more as scanned (its red ink left out, its light ink kept:
    /// a typewritten name's pale strokes are lighter than the erased band), enlarged, when
    /// the second reading showed a name but no plausible one: the catalog takes the name from
    /// it, or from two readings' name lines merged word by word.
    #[serde(
        rename = "closing_reading_as_scanned",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub closing_reading_as_scanned: Option<String>,
    /// Set when the source file could not be stored because it also holds withheld pages
    /// (độ mật): this page's pixels were stored alone, losslessly, instead.
    #[serde(
        rename = "page_extract",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_extract: Option<PageExtract>,
}

impl PageRecord {
    /// The logical path of the stored image of this page: its original scan, or its page
    /// extract when the original could not be stored.
    pub fn stored_image_path(&self) -> String {
        match &self.page_extract {
            Some(x) => x.path.clone(),
            None => format!("{ORIGINALS_DIR}{}", self.source_file),
        }
    }

    /// The SHA-256 the stored image must have.
    pub fn stored_image_sha256(&self) -> &str {
        match &self.page_extract {
            Some(x) => &x.sha256,
            None => &self.source_sha256,
        }
    }
}

/// The container format of a scan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FileFormat {
    #[serde(rename = "tiff")]
    Tiff,
    #[serde(rename = "png")]
    Png,
    #[serde(rename = "jpeg")]
    Jpeg,
    #[serde(rename = "pdf")]
    Pdf,
}

/// Technical metadata of one page as stored in its scan file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TechnicalRecord {
    #[serde(rename = "format")]
    pub format: FileFormat,
    /// Pixels, after the file's orientation or a PDF page rotation was applied.
    #[serde(rename = "width")]
    pub width: u32,
    #[serde(rename = "height")]
    pub height: u32,
    /// Horizontal resolution from the file, None if absent.
    #[serde(rename = "dpi")]
    pub dpi: Option<f32>,
    #[serde(rename = "bits_per_sample")]
    pub bits_per_sample: u8,
    #[serde(rename = "samples_per_pixel")]
    pub samples_per_pixel: u8,
    /// e.g. "ccitt-g4", "lzw", "jpeg", "deflate", "none", "dct", "flate", "rendered".
    #[serde(rename = "compression")]
    pub compression: String,
}

/// Where a page falls short of the Thông tư 05/2025 digitisation rules (only flagged).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConformanceRecord {
    /// The file records a resolution below 200 dpi.
    #[serde(rename = "below_200_dpi")]
    pub below_200_dpi: bool,
    /// The file records no resolution, so it cannot be checked.
    #[serde(rename = "dpi_unknown")]
    pub dpi_unknown: bool,
    /// Fewer than 24 bits per pixel (1-bit or 8-bit gray scans).
    #[serde(rename = "below_24_bit_colour")]
    pub below_24_bit_colour: bool,
}

/// What preprocessing found and did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PreprocessRecord {
    /// Resolution used for OCR and whether the file recorded it.
    #[serde(rename = "dpi")]
    pub dpi: u32,
    #[serde(rename = "dpi_from_file")]
    pub dpi_from_file: bool,
    #[serde(rename = "blank")]
    pub blank: bool,
    /// Share of inked pixels on the page.
    #[serde(rename = "ink_ratio")]
    pub ink_ratio: f32,
    /// Skew that was measured (degrees; positive = lines fall to the right).
    #[serde(rename = "skew_degrees")]
    pub skew_degrees: f32,
    /// Whether the image was rotated to remove the skew.
    #[serde(rename = "deskewed")]
    pub deskewed: bool,
    /// Clockwise quarter turn applied to make the page upright (0, 90, 180, 270).
    #[serde(rename = "rotation")]
    pub rotation: u16,
    /// Whether the page was recognised blurred because its first reading was poor (a
    /// bilevel photocopy's dithered paper reads as nothing until it is averaged to gray).
    #[serde(
        rename = "smoothed",
        default,
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub smoothed: bool,
}

/// How a page's text was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextSource {
    #[serde(rename = "ocr")]
    Ocr,
    /// A PDF text layer that passed the Vietnamese validity check.
    #[serde(rename = "text_layer")]
    TextLayer,
    /// A blank page: not read by OCR.
    #[serde(rename = "blank")]
    Blank,
}

/// One recognised word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordRecord {
    #[serde(rename = "text")]
    pub text: String,
    /// Left, top, width, height in pixels of the prepared (upright) page.
    #[serde(rename = "bbox")]
    pub bbox: [u32; 4],
    /// 0–100.
    #[serde(rename = "confidence")]
    pub confidence: f32,
    /// Line number on the page (0-based, reading order).
    #[serde(rename = "line")]
    pub line: u32,
}

/// The OCR engine and models that produced a page's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OcrProvenance {
    /// `tesseract {version}`.
    #[serde(rename = "engine")]
    pub engine: String,
    /// The Tesseract language string (`vie`, `vie+Vietnamese`).
    #[serde(rename = "languages")]
    pub languages: String,
    #[serde(rename = "models")]
    pub models: Vec<ModelRecord>,
}

/// One recognition model or word list in use, with its digest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelRecord {
    #[serde(rename = "name")]
    pub name: String,
    #[serde(rename = "sha256")]
    pub sha256: String,
    /// False when the file on disk differs from the digest in the manifest.
    #[serde(rename = "matches_manifest")]
    pub matches_manifest: bool,
}

/// The ink a header region was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InkKind {
    /// Red ink in a colour scan.
    #[serde(rename = "red")]
    Red,
    /// Ink between black print and paper on a gray page that its reading did not cover.
    #[serde(rename = "gray")]
    Gray,
    /// A frame of stamp size, of any ink, with what it holds.
    #[serde(rename = "frame")]
    Frame,
    /// Light-gray ink shaped like a stamp on a gray page: a compact unit of letter-sized ink,
    /// clearly lighter than the page's print and apart from its lines (what a red stamp
    /// becomes in a gray scan). Fails closed when unread, like red ink.
    #[serde(rename = "light_stamp")]
    LightStamp,
}

/// A region of stamp ink in the header area and the words read from it alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InkRegionRecord {
    #[serde(rename = "ink")]
    pub ink: InkKind,
    /// Left, top, width, height on the page as recognised (red ink: before deskewing).
    #[serde(rename = "bbox")]
    pub bbox: [u32; 4],
    /// Empty when the region was not read or nothing was read.
    #[serde(rename = "words")]
    pub words: Vec<WordRecord>,
}

/// A page stored on its own, as a lossless PNG of its decoded pixels, because its source
/// file holds withheld pages and so is not stored byte for byte.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageExtract {
    /// Logical path in the object (`extracts/{source file}/page-NNNN.png`).
    #[serde(rename = "path")]
    pub path: String,
    #[serde(rename = "sha256")]
    pub sha256: String,
}
