//! Decoding of scan files into page images.
//!
//! In: a scan file (TIFF, PNG, JPEG or PDF: [`ScanFormat`]) and a 1-based page number.
//! Out: [`DecodedPage`]: the page's pixels (8-bit gray or 8-bit RGB; 1-bit pages expanded to
//! 0/255 gray), its [`TechnicalMetadata`] (size, resolution, bit depth, compression) and, for
//! PDF pages, the text layer the file already carries (not validated here: see
//! [`crate::text_layer`]).
//!
//! TIFF is read with the `tiff` crate ([`tiff`] module), PNG and JPEG with `image`
//! ([`raster`]), PDF with `lopdf` ([`pdf`]): a page that is one full-page JPEG, Flate or
//! CCITT G4 image is decoded natively (10–50 ms for an A4 page at 300 dpi), anything else is
//! rendered by Poppler's `pdftoppm` ([`render`], 150–400 ms).
//!
//! Every decoder checks the declared pixel size against [`MAX_SIDE`] and [`MAX_PIXELS`] before
//! it allocates anything, so a small file cannot make the pipeline allocate gigabytes.

mod pdf;
mod pixels;
mod raster;
mod render;
mod tiff;

use std::io::Read;
use std::path::Path;

pub(crate) use pdf::white;
pub use pdf::EMPTY_PAGE;

use crate::{Error, Result};

/// Largest accepted width or height of a page image, in pixels.
pub const MAX_SIDE: u32 = 60_000;

/// Smallest accepted width or height of a page image, in pixels (a 2 cm strip at 200 dpi is
/// 157): anything narrower is a broken or stray image, not a page.
pub const MIN_SIDE: u32 = 100;

/// Largest accepted page image, in pixels (400 megapixels: an A0 sheet at 600 dpi is 350).
pub const MAX_PIXELS: u64 = 400_000_000;

/// Largest buffer a decoder may allocate for one page: [`MAX_PIXELS`] of 8-bit RGB.
const MAX_DECODE_BYTES: u64 = MAX_PIXELS * 3;

/// The container format of a scan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScanFormat {
    Tiff,
    Png,
    Jpeg,
    Pdf,
}

impl ScanFormat {
    /// By file extension (case-insensitive: tif, tiff, png, jpg, jpeg, pdf); None for anything else.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "tif" | "tiff" => Some(ScanFormat::Tiff),
            "png" => Some(ScanFormat::Png),
            "jpg" | "jpeg" => Some(ScanFormat::Jpeg),
            "pdf" => Some(ScanFormat::Pdf),
            _ => None,
        }
    }

    /// The format a file's first bytes announce, if they announce one of ours.
    fn sniff(head: &[u8]) -> Option<Self> {
        if head.starts_with(b"II*\0")
            || head.starts_with(b"MM\0*")
            || head.starts_with(b"II+\0")
            || head.starts_with(b"MM\0+")
        {
            Some(ScanFormat::Tiff)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ScanFormat::Png)
        } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ScanFormat::Jpeg)
        } else if head.windows(5).any(|w| w == b"%PDF-") {
            // PDF readers accept the header anywhere in the first kilobyte.
            Some(ScanFormat::Pdf)
        } else {
            None
        }
    }
}

/// Technical metadata of one page as stored in the file (Thông tư 05 checks dpi ≥ 200 and 24-bit colour later).
///
/// `width` and `height` are those of [`DecodedPage::image`] (after an EXIF/TIFF orientation or
/// a PDF page rotation has been applied). For a PDF page rendered by `pdftoppm`, bit depth,
/// samples and compression describe the one scanned image the page holds, or are
/// 8 / 1 or 3 / `"rendered"` for pages drawn from several images or vector content.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TechnicalMetadata {
    pub format: ScanFormat,
    pub width: u32,
    pub height: u32,
    /// Horizontal resolution from the file, None if absent.
    pub dpi: Option<f32>,
    pub bits_per_sample: u8,
    pub samples_per_pixel: u8,
    /// e.g. "ccitt-g4", "lzw", "jpeg", "deflate", "none", "dct", "flate", "rendered".
    pub compression: String,
}

/// Lowest resolution Thông tư 05/2025 accepts for documents (300 for maps and drawings).
pub const TT05_MIN_DPI: f32 = 200.0;
/// Lowest colour depth Thông tư 05/2025 accepts, bits per pixel.
pub const TT05_MIN_BITS_PER_PIXEL: u32 = 24;

/// Where a page falls short of the Thông tư 05/2025 digitisation rules. Only flagged: the
/// scan is kept as it is and never upconverted to pass.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Tt05Conformance {
    /// The file records a resolution below 200 dpi.
    pub below_200_dpi: bool,
    /// The file records no resolution, so it cannot be checked.
    pub dpi_unknown: bool,
    /// Fewer than 24 bits per pixel (1-bit or 8-bit gray scans).
    pub below_24_bit_colour: bool,
}

impl TechnicalMetadata {
    /// Checks the page against the Thông tư 05/2025 resolution and colour-depth rules.
    pub fn conformance(&self) -> Tt05Conformance {
        Tt05Conformance {
            below_200_dpi: self.dpi.is_some_and(|d| d < TT05_MIN_DPI),
            dpi_unknown: self.dpi.is_none(),
            below_24_bit_colour: u32::from(self.bits_per_sample)
                * u32::from(self.samples_per_pixel)
                < TT05_MIN_BITS_PER_PIXEL,
        }
    }
}

/// One decoded page of a scan file.
pub struct DecodedPage {
    /// Pixels; 1-bit pages expanded to 8-bit Luma (0/255), gray stays Luma8, colour stays Rgb8.
    pub image: image::DynamicImage,
    pub technical: TechnicalMetadata,
    /// PDF only: the page's existing text, if any (unvalidated).
    pub text_layer: Option<String>,
    /// The page's own JPEG data when the page is exactly one JPEG and was decoded from it:
    /// a PDF page that is one image (no /Rotate, no inverting /Decode), or a JPEG-in-TIFF
    /// page stored as one strip. An access copy carries it as it was scanned.
    pub embedded_jpeg: Option<Vec<u8>>,
    /// Rendered by `pdftoppm` (a PDF page the native path cannot take): the costly kind of
    /// decoding, which ingest does once per page (see [`crate::access`]).
    pub rendered: bool,
}

impl std::fmt::Debug for DecodedPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DecodedPage")
            .field("image", &self.image.color())
            .field("technical", &self.technical)
            .field("text_layer", &self.text_layer.as_ref().map(String::len))
            .finish_non_exhaustive()
    }
}

/// Number of pages in a scan file (multi-page TIFF, PDF; 1 for PNG/JPEG). Errors name the file.
pub fn page_count(path: &Path, format: ScanFormat) -> Result<u32> {
    let count = match actual_format(path, format, None)? {
        ScanFormat::Tiff => tiff::page_count(path)?,
        ScanFormat::Pdf => pdf::page_count(path)?,
        ScanFormat::Png | ScanFormat::Jpeg => 1,
    };
    if count == 0 {
        return Err(Error::decode(path, None, "the file holds no pages"));
    }
    Ok(count)
}

/// `decoded`'s pixels as a lossless PNG (a page extract); `file` and `page` name it in an
/// error.
pub fn page_png(decoded: &DecodedPage, file: &str, page: u32) -> Result<Vec<u8>> {
    let mut png = Vec::new();
    decoded
        .image
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| Error::decode(file, Some(page), e.to_string()))?;
    Ok(png)
}

/// Decodes page `page` (1-based) of a scan file. Errors name the file and page.
pub fn decode_page(path: &Path, format: ScanFormat, page: u32) -> Result<DecodedPage> {
    if page == 0 {
        return Err(Error::decode(path, Some(page), "pages are numbered from 1"));
    }
    let decoded = match actual_format(path, format, Some(page))? {
        ScanFormat::Tiff => tiff::decode_page(path, page)?,
        ScanFormat::Pdf => pdf::decode_page(path, page)?,
        format @ (ScanFormat::Png | ScanFormat::Jpeg) => {
            if page != 1 {
                return Err(Error::decode(
                    path,
                    Some(page),
                    format!("page {page} does not exist (the file has 1 page)"),
                ));
            }
            raster::decode_file(path, format)?
        }
    };
    check_page_size(path, page, decoded.image.width(), decoded.image.height())?;
    tracing::debug!(
        path = %path.display(),
        page,
        width = decoded.technical.width,
        height = decoded.technical.height,
        dpi = ?decoded.technical.dpi,
        compression = %decoded.technical.compression,
        "decoded page"
    );
    Ok(decoded)
}

/// Checks that the file exists, is not empty and holds what its extension says. A file
/// whose extension lies (a PNG named `.tif`) is refused: the archive records formats from
/// the files' names and content alike, so the archivist renames it.
fn actual_format(path: &Path, declared: ScanFormat, page: Option<u32>) -> Result<ScanFormat> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut head = Vec::with_capacity(1024);
    file.by_ref()
        .take(1024)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(path, e))?;
    if head.is_empty() {
        return Err(Error::decode(path, page, "empty file"));
    }
    match ScanFormat::sniff(&head) {
        Some(actual) if actual != declared => Err(Error::decode(
            path,
            page,
            format!(
                "the file holds a {} image but its extension says {}: rename it",
                format_name(actual),
                format_name(declared)
            ),
        )),
        Some(actual) => Ok(actual),
        None => Err(Error::decode(
            path,
            page,
            format!(
                "not a {} file (unrecognised signature)",
                format_name(declared)
            ),
        )),
    }
}

fn format_name(format: ScanFormat) -> &'static str {
    match format {
        ScanFormat::Tiff => "TIFF",
        ScanFormat::Png => "PNG",
        ScanFormat::Jpeg => "JPEG",
        ScanFormat::Pdf => "PDF",
    }
}

/// Resolutions are stored as integers per metre or centimetre, so 300 dpi comes back as
/// 299.9994: round to 1/100 dpi so that equal resolutions compare equal.
fn round_dpi(dpi: f32) -> f32 {
    (dpi * 100.0).round() / 100.0
}

/// Rejects empty images and decompression bombs: called with the declared size, before any
/// pixel buffer is allocated.
fn check_dimensions(path: &Path, page: u32, width: u32, height: u32) -> Result<()> {
    if width == 0 || height == 0 {
        return Err(Error::decode(
            path,
            Some(page),
            format!("image has no pixels ({width}x{height})"),
        ));
    }
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Error::decode(
            path,
            Some(page),
            format!(
                "image dimensions {width}x{height} exceed the limit ({MAX_SIDE} px per side, {} megapixels)",
                MAX_PIXELS / 1_000_000
            ),
        ));
    }
    Ok(())
}

/// Rejects a decoded page image too narrow or too short to be a page.
fn check_page_size(path: &Path, page: u32, width: u32, height: u32) -> Result<()> {
    if width < MIN_SIDE || height < MIN_SIDE {
        return Err(Error::decode(
            path,
            Some(page),
            format!(
                "image of {width}x{height} px is too small to be a page (at least {MIN_SIDE} px \
                 per side)"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use image::DynamicImage;

    pub(super) fn luma(page: &DecodedPage, x: u32, y: u32) -> u8 {
        match &page.image {
            DynamicImage::ImageLuma8(img) => img.get_pixel(x, y)[0],
            other => panic!("expected Luma8, got {:?}", other.color()),
        }
    }

    pub(super) fn rgb_at(page: &DecodedPage, x: u32, y: u32) -> [u8; 3] {
        match &page.image {
            DynamicImage::ImageRgb8(img) => img.get_pixel(x, y).0,
            other => panic!("expected Rgb8, got {:?}", other.color()),
        }
    }
    use std::path::PathBuf;

    /// A committed fixture under `pipeline/tests/fixtures/decode/`.
    pub(crate) fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/decode")
            .join(name)
    }

    /// The error message of a failed decode, checked to name the file.
    pub(crate) fn decode_error(path: &Path, format: ScanFormat, page: u32) -> String {
        let err = decode_page(path, format, page).expect_err("decoding should fail");
        let message = err.to_string();
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(message.contains(&*name), "{message:?} does not name {name}");
        message
    }

    #[test]
    fn format_from_extension() {
        let f = |p: &str| ScanFormat::from_path(Path::new(p));
        assert_eq!(f("a/1.TIF"), Some(ScanFormat::Tiff));
        assert_eq!(f("1.tiff"), Some(ScanFormat::Tiff));
        assert_eq!(f("x.Png"), Some(ScanFormat::Png));
        assert_eq!(f("x.JPG"), Some(ScanFormat::Jpeg));
        assert_eq!(f("x.jpeg"), Some(ScanFormat::Jpeg));
        assert_eq!(f("x.pdf"), Some(ScanFormat::Pdf));
        assert_eq!(f("x.txt"), None);
        assert_eq!(f("pdf"), None);
        assert_eq!(f("box.json"), None);
    }

    #[test]
    fn format_serialises_lowercase() {
        assert_eq!(
            serde_json::to_string(&ScanFormat::Jpeg).unwrap(),
            "\"jpeg\""
        );
        let back: ScanFormat = serde_json::from_str("\"tiff\"").unwrap();
        assert_eq!(back, ScanFormat::Tiff);
    }

    #[test]
    fn empty_file_is_an_error_naming_it() {
        let path = fixture("empty.tif");
        let message = decode_error(&path, ScanFormat::Tiff, 1);
        assert!(message.contains("empty file"), "{message}");
        let message = page_count(&path, ScanFormat::Tiff).unwrap_err().to_string();
        assert!(
            message.contains("empty.tif") && message.contains("empty file"),
            "{message}"
        );
    }

    #[test]
    fn missing_file_is_an_io_error_naming_it() {
        let path = fixture("no-such-scan.png");
        let message = decode_error(&path, ScanFormat::Png, 1);
        assert!(message.contains("no-such-scan.png"), "{message}");
    }

    #[test]
    fn unknown_content_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.tif");
        std::fs::write(&path, b"hello, this is not a scan").unwrap();
        let message = decode_error(&path, ScanFormat::Tiff, 1);
        assert!(message.contains("not a TIFF file"), "{message}");
    }

    #[test]
    fn a_wrong_extension_is_an_error_naming_both_formats() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("really-a-png.tif");
        std::fs::copy(fixture("rgb_300dpi.png"), &path).unwrap();
        let message = page_count(&path, ScanFormat::Tiff).unwrap_err().to_string();
        assert!(message.contains("really-a-png.tif"), "{message}");
        assert!(
            message.contains("PNG") && message.contains("TIFF"),
            "{message}"
        );
    }

    #[test]
    fn page_zero_is_rejected() {
        let message = decode_error(&fixture("rgb_300dpi.png"), ScanFormat::Png, 0);
        assert!(message.contains("page 0"), "{message}");
    }

    #[test]
    fn dimension_limits() {
        let p = Path::new("scan.tif");
        assert!(check_dimensions(p, 1, 2480, 3508).is_ok());
        assert!(check_dimensions(p, 1, 60_000, 6_000).is_ok());
        let message = check_dimensions(p, 3, 100_000, 100_000)
            .unwrap_err()
            .to_string();
        assert_eq!(
            message,
            "scan.tif page 3: image dimensions 100000x100000 exceed the limit \
             (60000 px per side, 400 megapixels)"
        );
        assert!(check_dimensions(p, 1, 30_000, 30_000).is_err());
        assert!(check_dimensions(p, 1, 0, 0).is_err());
        assert!(check_dimensions(p, 1, 10, 0).is_err());
        assert!(check_page_size(p, 1, 99, 5_000)
            .unwrap_err()
            .to_string()
            .contains("99x5000 px is too small"));
        assert!(check_page_size(p, 1, 100, 100).is_ok());
    }

    #[test]
    fn tt05_conformance_flags_low_resolution_and_depth_only() {
        let tech = |dpi: Option<f32>, bits: u8, samples: u8| TechnicalMetadata {
            format: ScanFormat::Tiff,
            width: 10,
            height: 10,
            dpi,
            bits_per_sample: bits,
            samples_per_pixel: samples,
            compression: "none".into(),
        };
        assert_eq!(
            tech(Some(300.0), 8, 3).conformance(),
            Tt05Conformance::default()
        );
        let g4 = tech(Some(150.0), 1, 1).conformance();
        assert!(g4.below_200_dpi && g4.below_24_bit_colour && !g4.dpi_unknown);
        let gray = tech(None, 8, 1).conformance();
        assert!(!gray.below_200_dpi && gray.dpi_unknown && gray.below_24_bit_colour);
        assert!(!tech(Some(200.0), 8, 3).conformance().below_200_dpi);
    }
}
