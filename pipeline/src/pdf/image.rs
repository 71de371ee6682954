//! The scan image of an access-copy page, encoded for a PDF image `XObject`.
//!
//! In: a [`DecodedPage`] (the pixels as scanned) and, when the source page is a JPEG (a JPEG
//! file, a PDF page that is one JPEG, a one-strip JPEG-in-TIFF page), its JPEG bytes. Out: a
//! [`PageImage`]: the bytes of the image stream, its filter and colour space. The image is
//! never upconverted and never re-compressed lossily:
//! - a baseline or progressive 8-bit gray/RGB JPEG whose size matches the decoded page (and
//!   that carries no EXIF rotation) goes in as it is (`DCTDecode`), without being decoded
//!   when it is a JPEG file ([`PageImage::from_jpeg`]);
//! - an 8-bit gray or RGB PNG file, not interlaced and without EXIF orientation, goes in as
//!   its own zlib stream, row filters included (`FlateDecode` with PNG predictors:
//!   [`PageImage::from_png`]): neither decoded nor compressed again;
//! - a 1-bit page (decoded as 0/255 gray) becomes CCITT Group 4 (`CCITTFaxDecode`, checked by
//!   decoding it again), or 1-bit Flate if that check fails or the page is too large for G4;
//! - other 8-bit gray and RGB pages (TIFF, PDF pages drawn from Flate images, …) become Flate
//!   (`DeviceGray`, `DeviceRGB`) at zlib level 1 ([`FLATE_LEVEL`]), by zlib-rs: see the
//!   README's "Access copies of colour pages" for the sizes and times that chose it.

use std::io::{Cursor, Write};

use flate2::write::ZlibEncoder;
use flate2::Compression;
use image::{DynamicImage, ImageDecoder};
use lopdf::{dictionary, Dictionary, Object};

use crate::decode::DecodedPage;
use crate::{Error, Result};

/// How a page image is stored in the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageEncoding {
    /// The original JPEG bytes (`DCTDecode`), gray or RGB.
    Jpeg { components: u8 },
    /// 1-bit, CCITT Group 4 (`CCITTFaxDecode`, K = -1).
    CcittG4,
    /// 1-bit, Flate.
    Bilevel,
    /// 8-bit gray, Flate.
    Gray,
    /// 8-bit RGB, Flate.
    Rgb,
    /// 8-bit gray (1 component) or RGB (3), the original PNG's zlib stream (`FlateDecode`
    /// with PNG predictors).
    Png { components: u8 },
}

impl ImageEncoding {
    /// Bits per pixel of the stored image (1, 8 or 24).
    pub fn bits_per_pixel(self) -> u8 {
        match self {
            ImageEncoding::CcittG4 | ImageEncoding::Bilevel => 1,
            ImageEncoding::Gray
            | ImageEncoding::Jpeg { components: 1 }
            | ImageEncoding::Png { components: 1 } => 8,
            ImageEncoding::Rgb | ImageEncoding::Jpeg { .. } | ImageEncoding::Png { .. } => 24,
        }
    }
}

/// A page's scan image, encoded and ready to become an image `XObject`.
#[derive(Clone)]
pub struct PageImage {
    width: u32,
    height: u32,
    encoding: ImageEncoding,
    data: Vec<u8>,
}

impl std::fmt::Debug for PageImage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageImage")
            .field("width", &self.width)
            .field("height", &self.height)
            .field("encoding", &self.encoding)
            .field("bytes", &self.data.len())
            .finish()
    }
}

impl PageImage {
    /// Bytes of the encoded image.
    pub fn byte_len(&self) -> usize {
        self.data.len()
    }

    /// A white page of `width` × `height` pixels (a PDF page that painted nothing: 1-bit,
    /// [`crate::decode::EMPTY_PAGE`]), encoded as [`PageImage::from_decoded`] encodes one, but
    /// once per size and process: a PDF of hundreds of empty pages costs one encoding.
    pub fn white(width: u32, height: u32) -> Result<PageImage> {
        use std::collections::BTreeMap;
        use std::sync::Mutex;
        static ENCODED: Mutex<BTreeMap<(u32, u32), PageImage>> = Mutex::new(BTreeMap::new());
        let known = |encoded: &Mutex<BTreeMap<(u32, u32), PageImage>>| {
            encoded
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .get(&(width, height))
                .cloned()
        };
        if let Some(image) = known(&ENCODED) {
            return Ok(image);
        }
        if u64::from(width) * u64::from(height) > crate::decode::MAX_PIXELS {
            return Err(Error::Pdf(format!(
                "a white page of {width}x{height} pixels is over the page size limit"
            )));
        }
        let page = DecodedPage {
            image: DynamicImage::ImageLuma8(crate::decode::white(width, height)),
            technical: crate::decode::TechnicalMetadata {
                format: crate::decode::ScanFormat::Pdf,
                width,
                height,
                dpi: None,
                bits_per_sample: 1,
                samples_per_pixel: 1,
                compression: crate::decode::EMPTY_PAGE.into(),
            },
            text_layer: None,
            embedded_jpeg: None,
            rendered: false,
        };
        let image = PageImage::from_decoded(&page, None)?;
        ENCODED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert((width, height), image.clone());
        Ok(image)
    }

    /// Encodes a decoded page. `original_jpeg` is the source file's bytes when the page is a
    /// JPEG file (or a JPEG embedded in a PDF page, as it was stored there): they are passed
    /// through when PDF readers will show them exactly as decoded; otherwise the decoded
    /// pixels are stored losslessly. Errors when `original_jpeg` is a JPEG of another size
    /// (the caller mixed up pages).
    pub fn from_decoded(page: &DecodedPage, original_jpeg: Option<&[u8]>) -> Result<PageImage> {
        let (width, height) = (page.image.width(), page.image.height());
        if let Some(jpeg) = original_jpeg {
            if let Some(components) = passable_jpeg(jpeg, width, height)? {
                return Ok(PageImage {
                    width,
                    height,
                    encoding: ImageEncoding::Jpeg { components },
                    data: jpeg.to_vec(),
                });
            }
        }
        match &page.image {
            DynamicImage::ImageLuma8(gray) => {
                let bilevel = page.technical.bits_per_sample == 1
                    && gray.as_raw().iter().all(|&v| v == 0 || v == 255);
                if bilevel {
                    if let Some(g4) = ccitt_g4(gray.as_raw(), width, height) {
                        return Ok(PageImage {
                            width,
                            height,
                            encoding: ImageEncoding::CcittG4,
                            data: g4,
                        });
                    }
                    let packed = pack_bits(gray.as_raw(), width as usize);
                    return Ok(PageImage {
                        width,
                        height,
                        encoding: ImageEncoding::Bilevel,
                        data: deflate(&packed)?,
                    });
                }
                Ok(PageImage {
                    width,
                    height,
                    encoding: ImageEncoding::Gray,
                    data: deflate(gray.as_raw())?,
                })
            }
            DynamicImage::ImageRgb8(rgb) => Ok(PageImage {
                width,
                height,
                encoding: ImageEncoding::Rgb,
                data: deflate(rgb.as_raw())?,
            }),
            other => {
                // The decoders only hand out Luma8 and Rgb8; anything else is made RGB.
                let rgb = other.to_rgb8();
                Ok(PageImage {
                    width,
                    height,
                    encoding: ImageEncoding::Rgb,
                    data: deflate(rgb.as_raw())?,
                })
            }
        }
    }

    /// A JPEG file's bytes as the page image, without decoding them, when they can go in as
    /// they are (see [`PageImage::from_decoded`]) and are `width` × `height` as the page was
    /// recorded; None when the pixels must be decoded and stored instead. An error when it is
    /// a JPEG of another size.
    pub fn from_jpeg(jpeg: &[u8], width: u32, height: u32) -> Result<Option<PageImage>> {
        Ok(
            passable_jpeg(jpeg, width, height)?.map(|components| PageImage {
                width,
                height,
                encoding: ImageEncoding::Jpeg { components },
                data: jpeg.to_vec(),
            }),
        )
    }

    /// A PNG file's image data as the page image, without decoding or compressing it again:
    /// its IDAT chunks are one zlib stream of filtered rows, which PDF's `FlateDecode` reads
    /// with PNG predictors. Only for what decodes to exactly those pixels: 8-bit gray or RGB,
    /// not interlaced, no EXIF orientation, `width` × `height` as the page was recorded;
    /// None otherwise (the page is decoded and stored by [`PageImage::from_decoded`]).
    pub fn from_png(png: &[u8], width: u32, height: u32) -> Option<PageImage> {
        const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
        let mut at = SIGNATURE.len();
        if !png.starts_with(SIGNATURE) {
            return None;
        }
        let mut components = None;
        let mut data = Vec::new();
        loop {
            let head = png.get(at..at + 8)?;
            let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
            let body = png.get(at + 8..(at + 8).checked_add(len)?)?;
            match &head[4..8] {
                b"IHDR" => {
                    let h = body.get(..13)?;
                    let w = u32::from_be_bytes([h[0], h[1], h[2], h[3]]);
                    let ht = u32::from_be_bytes([h[4], h[5], h[6], h[7]]);
                    // bit depth 8; colour type 0 (gray) or 2 (RGB); deflate; filter 0; no
                    // interlacing.
                    let c = match (h[8], h[9], h[10], h[11], h[12]) {
                        (8, 0, 0, 0, 0) => 1,
                        (8, 2, 0, 0, 0) => 3,
                        _ => return None,
                    };
                    if (w, ht) != (width, height) {
                        return None;
                    }
                    components = Some(c);
                }
                // Decoders turn the page by its EXIF orientation; a palette needs decoding.
                b"eXIf" | b"PLTE" | b"tRNS" => return None,
                b"IDAT" => data.extend_from_slice(body),
                b"IEND" => break,
                _ => {}
            }
            at += 12 + len;
        }
        let components = components?;
        (!data.is_empty()).then_some(PageImage {
            width,
            height,
            encoding: ImageEncoding::Png { components },
            data,
        })
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// How the image is stored.
    pub fn encoding(&self) -> ImageEncoding {
        self.encoding
    }

    /// Size of the encoded image stream in bytes.
    pub fn encoded_len(&self) -> usize {
        self.data.len()
    }

    /// The dictionary of the image `XObject` stream whose data is [`PageImage::data`].
    pub(super) fn stream_dict(&self) -> Dictionary {
        let mut dict = dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => i64::from(self.width),
            "Height" => i64::from(self.height),
        };
        let (colour_space, bits, filter) = match self.encoding {
            ImageEncoding::Jpeg { components } => (
                if components == 1 {
                    "DeviceGray"
                } else {
                    "DeviceRGB"
                },
                8,
                "DCTDecode",
            ),
            ImageEncoding::CcittG4 => ("DeviceGray", 1, "CCITTFaxDecode"),
            ImageEncoding::Bilevel => ("DeviceGray", 1, "FlateDecode"),
            ImageEncoding::Rgb | ImageEncoding::Png { components: 3 } => {
                ("DeviceRGB", 8, "FlateDecode")
            }
            ImageEncoding::Gray | ImageEncoding::Png { .. } => ("DeviceGray", 8, "FlateDecode"),
        };
        dict.set("ColorSpace", Object::Name(colour_space.into()));
        dict.set("BitsPerComponent", bits);
        dict.set("Filter", Object::Name(filter.into()));
        if self.encoding == ImageEncoding::CcittG4 {
            let parms: Dictionary = dictionary! {
                "K" => -1,
                "Columns" => i64::from(self.width),
                "Rows" => i64::from(self.height),
                "BlackIs1" => false,
            };
            dict.set("DecodeParms", parms);
        }
        if let ImageEncoding::Png { components } = self.encoding {
            let parms: Dictionary = dictionary! {
                "Predictor" => 15,
                "Colors" => i64::from(components),
                "BitsPerComponent" => 8,
                "Columns" => i64::from(self.width),
            };
            dict.set("DecodeParms", parms);
        }
        dict.set("Length", super::stream_length(&self.data));
        dict
    }

    /// Bytes that identify the image for the document ID.
    pub(super) fn data(&self) -> &[u8] {
        &self.data
    }
}

/// The zlib level of the images and content streams ingest compresses: 1, the fastest. On a
/// 300-dpi colour scan it is several times faster than the default level 6 for about a
/// quarter more bytes (scanner noise leaves little for the slower levels to find).
pub const FLATE_LEVEL: u32 = 1;

/// Zlib (Flate) at [`FLATE_LEVEL`].
pub(super) fn deflate(data: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = ZlibEncoder::new(
        Vec::with_capacity(data.len() / 4),
        Compression::new(FLATE_LEVEL),
    );
    encoder
        .write_all(data)
        .and_then(|()| encoder.finish())
        .map_err(|e| Error::Pdf(format!("cannot compress: {e}")))
}

/// What a JPEG's frame header says.
#[derive(Debug, PartialEq)]
struct JpegFrame {
    /// SOF marker (0xC0 baseline, 0xC1 extended, 0xC2 progressive, …).
    marker: u8,
    precision: u8,
    width: u32,
    height: u32,
    components: u8,
}

/// The number of colour components when `jpeg` can go into the PDF as it is: baseline,
/// extended or progressive Huffman, 8-bit, gray or YCbCr/RGB, no EXIF rotation. None when
/// the pixels must be stored instead. An error when it is a JPEG of another size.
fn passable_jpeg(jpeg: &[u8], width: u32, height: u32) -> Result<Option<u8>> {
    let Some(frame) = jpeg_frame(jpeg) else {
        return Ok(None);
    };
    let orientation = image::codecs::jpeg::JpegDecoder::new(Cursor::new(jpeg))
        .and_then(|mut d| d.orientation())
        .map_err(|e| Error::Pdf(format!("cannot read the JPEG's header: {e}")))?;
    let upright = orientation == image::metadata::Orientation::NoTransforms;
    let (w, h) = (frame.width, frame.height);
    let size_matches = (w, h) == (width, height) || (!upright && (h, w) == (width, height));
    if !size_matches {
        return Err(Error::Pdf(format!(
            "the original JPEG is {w}x{h} but the decoded page is {width}x{height}"
        )));
    }
    let supported = matches!(frame.marker, 0xC0..=0xC2)
        && frame.precision == 8
        && matches!(frame.components, 1 | 3);
    Ok((upright && supported).then_some(frame.components))
}

/// Reads the SOF segment of a JPEG (None if there is none before the scan data).
fn jpeg_frame(jpeg: &[u8]) -> Option<JpegFrame> {
    if !jpeg.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut at = 2;
    loop {
        // Skip fill bytes before a marker.
        while *jpeg.get(at)? == 0xFF && *jpeg.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *jpeg.get(at)? != 0xFF {
            return None;
        }
        let marker = *jpeg.get(at + 1)?;
        if marker == 0xD8 || (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            at += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([*jpeg.get(at + 2)?, *jpeg.get(at + 3)?]));
        let segment = jpeg.get(at + 4..at + 2 + len)?;
        let is_sof = (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_sof {
            if segment.len() < 6 {
                return None;
            }
            return Some(JpegFrame {
                marker,
                precision: segment[0],
                height: u32::from(u16::from_be_bytes([segment[1], segment[2]])),
                width: u32::from(u16::from_be_bytes([segment[3], segment[4]])),
                components: segment[5],
            });
        }
        if marker == 0xDA || marker == 0xD9 {
            return None;
        }
        at += 2 + len;
    }
}

/// Packs 0/255 gray into 1-bit rows (1 = white, as `DeviceGray` 1-bit reads it).
fn pack_bits(gray: &[u8], width: usize) -> Vec<u8> {
    let row_bytes = width.div_ceil(8);
    let mut packed = Vec::with_capacity(row_bytes * gray.len() / width.max(1));
    for row in gray.chunks_exact(width) {
        for chunk in row.chunks(8) {
            let mut byte = 0u8;
            for (i, &v) in chunk.iter().enumerate() {
                if v >= 128 {
                    byte |= 0x80 >> i;
                }
            }
            packed.push(byte);
        }
    }
    packed
}

/// Encodes 0/255 gray as CCITT Group 4 and checks the result by decoding it again: None if
/// the page is too large for G4's 16-bit sizes or the round trip differs.
fn ccitt_g4(gray: &[u8], width: u32, height: u32) -> Option<Vec<u8>> {
    use fax::{encoder::Encoder, Color, VecWriter};
    let w = u16::try_from(width).ok()?;
    let h = u16::try_from(height).ok()?;
    let colour = |v: u8| if v >= 128 { Color::White } else { Color::Black };
    let mut encoder = Encoder::new(VecWriter::with_capacity(gray.len() / 8));
    for row in gray.chunks_exact(width as usize) {
        encoder
            .encode_line(row.iter().map(|&v| colour(v)), w)
            .ok()?;
    }
    let data = encoder.finish().ok()?.finish();
    // Round trip: the decoder reports each line as the positions where the colour changes.
    let mut rows = gray.chunks_exact(width as usize);
    let mut expected = Vec::new();
    let mut lines = 0usize;
    let mut equal = true;
    fax::decoder::decode_g4(data.iter().copied(), w, Some(h), |transitions| {
        lines += 1;
        let Some(row) = rows.next() else {
            equal = false;
            return;
        };
        expected.clear();
        let mut white = true;
        for (x, &v) in row.iter().enumerate() {
            if (v >= 128) != white {
                white = !white;
                expected.push(x as u16);
            }
        }
        if transitions != expected.as_slice() {
            equal = false;
        }
    })?;
    (equal && lines == height as usize).then_some(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::{ScanFormat, TechnicalMetadata};
    use image::{GrayImage, Luma, RgbImage};

    #[test]
    fn a_white_page_is_encoded_once_as_a_decoded_white_page_is() {
        let page = decoded(
            DynamicImage::ImageLuma8(GrayImage::from_pixel(310, 420, Luma([255]))),
            1,
        );
        let decoded = PageImage::from_decoded(&page, None).unwrap();
        for white in [PageImage::white(310, 420), PageImage::white(310, 420)] {
            let white = white.unwrap();
            assert_eq!(
                (white.width, white.height, white.encoding, &white.data),
                (310, 420, ImageEncoding::CcittG4, &decoded.data)
            );
        }
        assert!(PageImage::white(60_000, 60_000).is_err());
    }

    fn decoded(image: DynamicImage, bits: u8) -> DecodedPage {
        DecodedPage {
            embedded_jpeg: None,
            rendered: false,
            technical: TechnicalMetadata {
                format: ScanFormat::Png,
                width: image.width(),
                height: image.height(),
                dpi: Some(300.0),
                bits_per_sample: bits,
                samples_per_pixel: if image.color() == image::ColorType::Rgb8 {
                    3
                } else {
                    1
                },
                compression: "deflate".into(),
            },
            image,
            text_layer: None,
        }
    }

    fn bilevel(width: u32, height: u32) -> GrayImage {
        GrayImage::from_fn(width, height, |x, y| {
            let ink = (x / 7 + y / 5) % 3 == 0 || (x * y) % 97 == 1;
            Luma([if ink { 0 } else { 255 }])
        })
    }

    #[test]
    fn bilevel_pages_become_g4_that_decodes_back() {
        let img = bilevel(301, 77);
        let page = decoded(DynamicImage::ImageLuma8(img.clone()), 1);
        let encoded = PageImage::from_decoded(&page, None).unwrap();
        assert_eq!(encoded.encoding(), ImageEncoding::CcittG4);
        assert!(encoded.encoded_len() < (301 * 77) / 8);
    }

    #[test]
    fn packing_puts_white_in_one_bits() {
        let row = [0u8, 255, 255, 0, 0, 0, 0, 255, 255];
        assert_eq!(pack_bits(&row, 9), vec![0b0110_0001, 0b1000_0000]);
    }

    #[test]
    fn eight_bit_gray_is_not_treated_as_bilevel() {
        // 0/255 pixels in an 8-bit file stay 8-bit: never change the bit depth of a scan.
        let page = decoded(DynamicImage::ImageLuma8(bilevel(40, 30)), 8);
        let encoded = PageImage::from_decoded(&page, None).unwrap();
        assert_eq!(encoded.encoding(), ImageEncoding::Gray);
        let rgb = decoded(
            DynamicImage::ImageRgb8(RgbImage::from_pixel(5, 5, image::Rgb([1, 2, 3]))),
            8,
        );
        assert_eq!(
            PageImage::from_decoded(&rgb, None).unwrap().encoding(),
            ImageEncoding::Rgb
        );
    }

    #[test]
    fn jpeg_passes_through_and_a_mismatched_one_is_an_error() {
        let img = RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 90]));
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
            .encode_image(&img)
            .unwrap();
        let frame = jpeg_frame(&jpeg).unwrap();
        assert_eq!((frame.width, frame.height, frame.components), (64, 48, 3));
        let page = decoded(image::load_from_memory(&jpeg).unwrap(), 8);
        let encoded = PageImage::from_decoded(&page, Some(&jpeg)).unwrap();
        assert_eq!(encoded.encoding(), ImageEncoding::Jpeg { components: 3 });
        assert_eq!(encoded.data(), jpeg.as_slice());

        let other = decoded(DynamicImage::ImageRgb8(RgbImage::new(10, 10)), 8);
        let message = PageImage::from_decoded(&other, Some(&jpeg))
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("64x48") && message.contains("10x10"),
            "{message}"
        );
        // Not a JPEG at all: the pixels are stored.
        let png_bytes = b"\x89PNG\r\n\x1a\n....";
        assert_eq!(
            PageImage::from_decoded(&page, Some(png_bytes))
                .unwrap()
                .encoding(),
            ImageEncoding::Rgb
        );
    }
}
