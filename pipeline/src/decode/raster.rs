//! PNG and JPEG scans, decoded with the `image` crate.
//!
//! In: the bytes of a PNG or JPEG file (or of a JPEG embedded in a PDF page).
//! Out: the page as Luma8 or Rgb8 with its technical metadata. The header fields `image` does
//! not expose are read here from the few header bytes: PNG IHDR and pHYs, JPEG SOF, JFIF APP0
//! density and EXIF `XResolution` (used when JFIF gives no physical unit).
//!
//! The declared size is checked before decoding, and `image::Limits` bound the decoder too.
//! EXIF orientation is applied, so a phone photo of a page comes out upright.

use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::{check_dimensions, pixels, round_dpi, DecodedPage, ScanFormat, TechnicalMetadata};
use crate::{Error, Result};

/// What the header bytes of a PNG or JPEG say.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Header {
    pub width: u32,
    pub height: u32,
    pub bits_per_sample: u8,
    pub samples_per_pixel: u8,
    pub dpi: Option<f32>,
}

/// Decodes a PNG or JPEG file (always page 1).
pub(super) fn decode_file(path: &Path, format: ScanFormat) -> Result<DecodedPage> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let (header, image_format, compression) = match format {
        ScanFormat::Png => (png_header(&bytes), ImageFormat::Png, "deflate"),
        _ => (jpeg_header(&bytes), ImageFormat::Jpeg, "jpeg"),
    };
    let header = header.map_err(|m| Error::decode(path, Some(1), m))?;
    // Decoders fill a cut-off JPEG with grey; a scan that lost its lower part is an error.
    if format == ScanFormat::Jpeg && !jpeg_has_end(&bytes) {
        return Err(Error::decode(
            path,
            Some(1),
            "truncated JPEG: no end-of-image marker after the image data (the file was cut \
             short; copy or scan it again)",
        ));
    }
    let image = decode_bytes(path, 1, &bytes, image_format, &header, true)?;
    Ok(DecodedPage {
        embedded_jpeg: None,
        rendered: false,
        technical: TechnicalMetadata {
            format,
            width: image.width(),
            height: image.height(),
            dpi: header.dpi,
            bits_per_sample: header.bits_per_sample,
            samples_per_pixel: header.samples_per_pixel,
            compression: compression.into(),
        },
        image,
        text_layer: None,
    })
}

/// Decodes PNG or JPEG bytes whose `header` was read already: checks the declared size, then
/// decodes within limits, applies the EXIF orientation if `orient` (not for JPEGs inside a
/// PDF, where viewers ignore it) and normalises to Luma8/Rgb8.
pub(super) fn decode_bytes(
    path: &Path,
    page: u32,
    bytes: &[u8],
    format: ImageFormat,
    header: &Header,
    orient: bool,
) -> Result<DynamicImage> {
    check_dimensions(path, page, header.width, header.height)?;
    check_decoded_size(path, page, header)?;
    let err = |e: image::ImageError| {
        let kind = if format == ImageFormat::Png {
            "PNG"
        } else {
            "JPEG"
        };
        Error::decode(path, Some(page), format!("cannot decode {kind}: {e}"))
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(super::MAX_SIDE);
    limits.max_image_height = Some(super::MAX_SIDE);
    limits.max_alloc = Some(super::MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(err)?;
    let orientation = decoder.orientation().map_err(err)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(err)?;
    if orient {
        image.apply_orientation(orientation);
    }
    Ok(pixels::normalise(image))
}

/// Rejects an image whose decoded pixels would not fit [`super::MAX_DECODE_BYTES`]: the
/// pixel count alone lets a 16-bit RGBA image of the largest size through at 8 bytes a
/// pixel (a 3 MB PNG of one colour asking for gigabytes).
fn check_decoded_size(path: &Path, page: u32, header: &Header) -> Result<()> {
    let bytes_per_sample = u64::from(header.bits_per_sample.div_ceil(8).max(1));
    let decoded = u64::from(header.width)
        * u64::from(header.height)
        * u64::from(header.samples_per_pixel.max(1))
        * bytes_per_sample;
    if decoded > super::MAX_DECODE_BYTES {
        return Err(Error::decode(
            path,
            Some(page),
            format!(
                "image {}x{} of {} samples of {} bits would take {} MB decoded, over the limit of {} MB",
                header.width,
                header.height,
                header.samples_per_pixel,
                header.bits_per_sample,
                decoded / 1_000_000,
                super::MAX_DECODE_BYTES / 1_000_000
            ),
        ));
    }
    Ok(())
}

/// Whether an end-of-image marker follows the last start-of-scan: entropy-coded data
/// stuffs every 0xFF with 0x00, so the marker pair cannot occur inside it (and an EXIF
/// thumbnail's own markers come before the main scan).
fn jpeg_has_end(bytes: &[u8]) -> bool {
    let last_scan = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    last_scan.is_some_and(|at| bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]))
}

/// IHDR (size, bit depth, colour type) and pHYs (pixels per metre) of a PNG.
pub(super) fn png_header(bytes: &[u8]) -> std::result::Result<Header, String> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !bytes.starts_with(SIGNATURE) {
        return Err("not a PNG file".into());
    }
    let mut header = None;
    let mut dpi = None;
    let mut at = SIGNATURE.len();
    while let Some(chunk_head) = bytes.get(at..at + 8) {
        let len = u32::from_be_bytes([chunk_head[0], chunk_head[1], chunk_head[2], chunk_head[3]])
            as usize;
        let kind = &chunk_head[4..8];
        let Some(data) = bytes.get(at + 8..(at + 8).saturating_add(len)) else {
            break;
        };
        match kind {
            b"IHDR" if data.len() >= 13 => {
                let width = u32::from_be_bytes([data[0], data[1], data[2], data[3]]);
                let height = u32::from_be_bytes([data[4], data[5], data[6], data[7]]);
                let samples = match data[9] {
                    0 | 3 => 1,
                    4 => 2,
                    2 => 3,
                    6 => 4,
                    other => return Err(format!("invalid PNG colour type {other}")),
                };
                header = Some(Header {
                    width,
                    height,
                    bits_per_sample: data[8],
                    samples_per_pixel: samples,
                    dpi: None,
                });
            }
            b"pHYs" if data.len() >= 9 => {
                let per_metre = u32::from_be_bytes([data[0], data[1], data[2], data[3]]);
                if data[8] == 1 && per_metre > 0 {
                    dpi = Some((f64::from(per_metre) * 0.0254) as f32);
                }
            }
            b"IDAT" | b"IEND" => break,
            _ => {}
        }
        at += 12 + len;
    }
    let mut header = header.ok_or("PNG header (IHDR) is missing or truncated")?;
    header.dpi = dpi.map(round_dpi);
    Ok(header)
}

/// SOF (size, precision, components), JFIF density and EXIF resolution of a JPEG.
pub(super) fn jpeg_header(bytes: &[u8]) -> std::result::Result<Header, String> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err("not a JPEG file".into());
    }
    let mut frame = None;
    let mut jfif_dpi = None;
    let mut exif_dpi = None;
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return Err(format!("JPEG marker expected at byte {at}"));
        }
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1; // fill byte
            continue;
        }
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            at += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        if len < 2 {
            return Err("invalid JPEG segment length".into());
        }
        let Some(data) = bytes.get(at + 4..at + 2 + len) else {
            break;
        };
        match marker {
            0xE0 if data.starts_with(b"JFIF\0") && data.len() >= 12 => {
                let density = f32::from(u16::from_be_bytes([data[8], data[9]]));
                jfif_dpi = match data[7] {
                    1 if density > 0.0 => Some(density),
                    2 if density > 0.0 => Some(density * 2.54),
                    _ => None,
                };
            }
            0xE1 if data.starts_with(b"Exif\0\0") => exif_dpi = exif_resolution(&data[6..]),
            0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF if data.len() >= 6 => {
                frame = Some(Header {
                    bits_per_sample: data[0],
                    height: u32::from(u16::from_be_bytes([data[1], data[2]])),
                    width: u32::from(u16::from_be_bytes([data[3], data[4]])),
                    samples_per_pixel: data[5],
                    dpi: None,
                });
            }
            0xDA | 0xD9 => break, // start of scan / end of image: no more headers
            _ => {}
        }
        at += 2 + len;
    }
    let mut header = frame.ok_or("JPEG frame header (SOF) is missing or truncated")?;
    header.dpi = jfif_dpi.or(exif_dpi).map(round_dpi);
    Ok(header)
}

/// `XResolution` (tag 0x011A) with `ResolutionUnit` (0x0128) from IFD0 of an EXIF block.
fn exif_resolution(tiff: &[u8]) -> Option<f32> {
    let big = match tiff.get(..4)? {
        b"MM\0*" => true,
        b"II*\0" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b = tiff.get(at..at + 2)?;
        Some(if big {
            u16::from_be_bytes([b[0], b[1]])
        } else {
            u16::from_le_bytes([b[0], b[1]])
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b = tiff.get(at..at + 4)?;
        Some(if big {
            u32::from_be_bytes([b[0], b[1], b[2], b[3]])
        } else {
            u32::from_le_bytes([b[0], b[1], b[2], b[3]])
        })
    };
    let ifd = u32_at(4)? as usize;
    let count = usize::from(u16_at(ifd)?);
    let mut resolution = None;
    let mut unit = 2;
    for i in 0..count.min(256) {
        let entry = ifd + 2 + i * 12;
        match u16_at(entry)? {
            0x011A if u16_at(entry + 2)? == 5 => {
                let at = u32_at(entry + 8)? as usize;
                let (n, d) = (u32_at(at)?, u32_at(at + 4)?);
                if d != 0 {
                    resolution = Some(f64::from(n) / f64::from(d));
                }
            }
            0x0128 => unit = u16_at(entry + 8)?,
            _ => {}
        }
    }
    let dpi = match unit {
        2 => resolution?,
        3 => resolution? * 2.54,
        _ => return None,
    };
    (dpi > 0.0 && dpi.is_finite()).then_some(dpi as f32)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{decode_error, fixture};
    use super::super::{decode_page, page_count};
    use super::*;

    #[test]
    fn png_with_phys() {
        let path = fixture("rgb_300dpi.png");
        assert_eq!(page_count(&path, ScanFormat::Png).unwrap(), 1);
        let page = decode_page(&path, ScanFormat::Png, 1).unwrap();
        let t = &page.technical;
        assert_eq!(t.format, ScanFormat::Png);
        assert_eq!((t.width, t.height), (200, 100));
        assert_eq!(t.dpi, Some(300.0), "11811 px/m, rounded to 1/100 dpi");
        assert_eq!((t.bits_per_sample, t.samples_per_pixel), (8, 3));
        assert_eq!(t.compression, "deflate");
        let DynamicImage::ImageRgb8(img) = &page.image else {
            panic!("{:?}", page.image.color())
        };
        assert_eq!(img.get_pixel(30, 50).0, [200, 30, 30]);
        assert_eq!(img.get_pixel(170, 50).0, [30, 60, 200]);
        let message = decode_error(&path, ScanFormat::Png, 2);
        assert!(message.contains("page 2 does not exist"), "{message}");
    }

    #[test]
    fn one_bit_png_expands_to_0_and_255() {
        let page = decode_page(&fixture("bilevel_1bit.png"), ScanFormat::Png, 1).unwrap();
        assert_eq!(page.technical.bits_per_sample, 1);
        assert_eq!(page.technical.dpi, None);
        let DynamicImage::ImageLuma8(img) = &page.image else {
            panic!("{:?}", page.image.color())
        };
        assert_eq!(img.get_pixel(5, 5)[0], 255);
        assert_eq!(img.get_pixel(40, 50)[0], 0);
        assert!(img.pixels().all(|p| p[0] == 0 || p[0] == 255));
    }

    #[test]
    fn jpeg_with_jfif_density() {
        let page = decode_page(&fixture("jfif_200dpi.jpg"), ScanFormat::Jpeg, 1).unwrap();
        let t = &page.technical;
        assert_eq!(t.format, ScanFormat::Jpeg);
        assert_eq!((t.width, t.height, t.dpi), (200, 100, Some(200.0)));
        assert_eq!((t.bits_per_sample, t.samples_per_pixel), (8, 3));
        assert_eq!(t.compression, "jpeg");
        let DynamicImage::ImageRgb8(img) = &page.image else {
            panic!("{:?}", page.image.color())
        };
        let [r, g, b] = img.get_pixel(30, 50).0;
        assert!(r > 185 && g < 45 && b < 45, "{r} {g} {b}");
    }

    #[test]
    fn jpeg_with_exif_resolution_only() {
        let page = decode_page(&fixture("exif_240dpi.jpg"), ScanFormat::Jpeg, 1).unwrap();
        assert_eq!(page.technical.dpi, Some(240.0));
        assert_eq!(page.technical.samples_per_pixel, 1);
        let DynamicImage::ImageLuma8(img) = &page.image else {
            panic!("{:?}", page.image.color())
        };
        let v = img.get_pixel(150, 50)[0];
        assert!((145..=155).contains(&v), "{v}");
    }

    #[test]
    fn truncated_png_is_an_error() {
        let message = decode_error(&fixture("truncated.png"), ScanFormat::Png, 1);
        assert!(message.contains("page 1"), "{message}");
    }

    #[test]
    fn truncated_jpeg_is_an_error_never_a_panic() {
        let bytes = std::fs::read(fixture("jfif_200dpi.jpg")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        for keep in [3, 10, 100, 400, bytes.len() / 2, bytes.len() - 2] {
            let path = dir.path().join(format!("cut-{keep}.jpg"));
            std::fs::write(&path, &bytes[..keep]).unwrap();
            let message = decode_error(&path, ScanFormat::Jpeg, 1);
            assert!(message.contains(&format!("cut-{keep}.jpg")), "{message}");
        }
        let cut = dir.path().join("cut-half.jpg");
        std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
        assert!(decode_error(&cut, ScanFormat::Jpeg, 1).contains("truncated JPEG"));
    }

    #[test]
    fn png_bomb_is_rejected_before_decoding() {
        let path = fixture("bomb_100000.png");
        let message = decode_error(&path, ScanFormat::Png, 1);
        assert!(
            message.contains("image dimensions 100000x100000 exceed the limit"),
            "{message}"
        );
    }

    #[test]
    fn a_deep_colour_png_too_big_once_decoded_is_rejected_before_decoding() {
        // 19999 x 19999 is within the pixel limit, but 16-bit RGBA takes 8 bytes a pixel.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&19_999u32.to_be_bytes());
        png.extend_from_slice(&19_999u32.to_be_bytes());
        png.extend_from_slice(&[16, 6, 0, 0, 0, 0, 0, 0, 0]);
        png.extend_from_slice(b"\0\0\0\0IEND\xaeB`\x82");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep.png");
        std::fs::write(&path, &png).unwrap();
        let message = decode_error(&path, ScanFormat::Png, 1);
        assert!(
            message.contains("would take 3199 MB decoded, over the limit of 1200 MB"),
            "{message}"
        );
    }

    #[test]
    fn exif_resolution_big_endian() {
        let mut t = b"MM\0*\0\0\0\x08\0\x02".to_vec();
        t.extend([0x01, 0x1A, 0, 5, 0, 0, 0, 1, 0, 0, 0, 38]); // XResolution -> offset 38
        t.extend([0x01, 0x28, 0, 3, 0, 0, 0, 1, 0, 3, 0, 0]); // unit: cm
        t.extend([0, 0, 0, 0]);
        t.extend(118u32.to_be_bytes());
        t.extend(1u32.to_be_bytes());
        let dpi = exif_resolution(&t).unwrap();
        assert!((dpi - 299.72).abs() < 0.01, "{dpi}");
        assert_eq!(exif_resolution(&t[..20]), None, "truncated");
    }
}
