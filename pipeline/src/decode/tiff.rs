//! TIFF scans, read with the `tiff` crate.
//!
//! In: a (multi-page) TIFF file and a 1-based page number, i.e. the n-th image file directory.
//! Out: the page as Luma8 (1/2/4/8/16-bit gray, CCITT G4 and `PackBits` bilevel included) or Rgb8
//! (RGB, YCbCr JPEG-in-TIFF, palette, CMYK), with its technical metadata; the resolution
//! comes from `XResolution` and `ResolutionUnit` (inch or centimetre). A JPEG-in-TIFF page stored
//! as one strip is decoded from that JPEG, which is handed out too (`embedded_jpeg`).
//!
//! The `tiff` crate already turns `PhotometricInterpretation` `WhiteIsZero` into `BlackIsZero`, so
//! a decoded 0 is always black. CCITT G3 (Compression 3) and old-style JPEG (6) are not
//! supported by the crate and give a clear error.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use ::tiff::decoder::ifd::Value;
use ::tiff::decoder::{Decoder, DecodingResult, Limits};
use ::tiff::tags::Tag;
use ::tiff::{ColorType, TiffError, TiffFormatError};
use image::{DynamicImage, GrayImage, RgbImage};

use super::{check_dimensions, pixels, round_dpi, DecodedPage, ScanFormat, TechnicalMetadata};
use crate::{Error, Result};

/// More pages than any scanned file unit has: a guard against IFD chains that never end.
const MAX_PAGES: u32 = 100_000;

type TiffDecoder = Decoder<BufReader<File>>;

fn open(path: &Path, page: Option<u32>) -> Result<TiffDecoder> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut limits = Limits::default();
    limits.decoding_buffer_size = super::MAX_DECODE_BYTES as usize;
    Decoder::new(BufReader::new(file))
        .map(|d| d.with_limits(limits))
        .map_err(|e| tiff_error(path, page, &e))
}

fn tiff_error(path: &Path, page: Option<u32>, err: &TiffError) -> Error {
    Error::decode(path, page, format!("cannot decode TIFF: {err}"))
}

/// Number of images in the file's main IFD chain. A directory after the first that cannot
/// be read ends the chain and counts as a page, so that the pages before it are read and
/// its own decoding names it (the whole file was lost to one bad pointer).
pub(super) fn page_count(path: &Path) -> Result<u32> {
    let mut decoder = open(path, None)?;
    let mut count = 1;
    let mut pointer = decoder.ifd_pointer();
    let mut seen = std::collections::HashSet::new();
    while let Some(p) = pointer {
        if !seen.insert(p.0) || count > MAX_PAGES {
            return Err(Error::decode(
                path,
                None,
                "TIFF directory chain loops or is too long",
            ));
        }
        let directory = match decoder.read_directory(p) {
            Ok(directory) => directory,
            Err(_) if count > 1 => return Ok(count),
            Err(e) => return Err(tiff_error(path, None, &e)),
        };
        pointer = directory.next();
        if pointer.is_some() {
            count += 1;
        }
    }
    Ok(count)
}

pub(super) fn decode_page(path: &Path, page: u32) -> Result<DecodedPage> {
    let err = |e: TiffError| tiff_error(path, Some(page), &e);
    let mut decoder = open(path, Some(page))?;
    if page > 1 {
        decoder
            .seek_to_image(page as usize - 1)
            .map_err(|e| match e {
                TiffError::FormatError(TiffFormatError::ImageFileDirectoryNotFound) => {
                    Error::decode(path, Some(page), format!("page {page} does not exist"))
                }
                e => Error::decode(
                    path,
                    Some(page),
                    format!("cannot read the TIFF directory of page {page}: {e}"),
                ),
            })?;
    }
    let (width, height) = decoder.dimensions().map_err(err)?;
    check_dimensions(path, page, width, height)?;

    let compression: u16 = decoder
        .find_tag_unsigned(Tag::Compression)
        .map_err(err)?
        .unwrap_or(1);
    let bits: Vec<u16> = decoder
        .find_tag_unsigned_vec(Tag::BitsPerSample)
        .map_err(err)?
        .unwrap_or_else(|| vec![1]);
    let samples: u16 = decoder
        .find_tag_unsigned(Tag::SamplesPerPixel)
        .map_err(err)?
        .unwrap_or(1);
    let planar: u16 = decoder
        .find_tag_unsigned(Tag::PlanarConfiguration)
        .map_err(err)?
        .unwrap_or(1);
    let orientation: u16 = decoder
        .find_tag_unsigned(Tag::Orientation)
        .ok()
        .flatten()
        .unwrap_or(1);
    let dpi = resolution(&mut decoder).map_err(err)?;
    if planar == 2 && samples > 1 {
        return Err(Error::decode(
            path,
            Some(page),
            "TIFF with separate colour planes (PlanarConfiguration 2) is not supported",
        ));
    }
    if compression == 3 || compression == 6 {
        return Err(Error::decode(
            path,
            Some(page),
            format!(
                "TIFF compression {} is not supported",
                compression_name(compression)
            ),
        ));
    }

    // A page that is one JPEG is decoded from that JPEG, which the access copy then embeds
    // as it is: its pixels are exactly what PDF readers will show.
    let whole_jpeg = (compression == 7 && orientation == 1 && bits.iter().all(|&b| b == 8))
        .then(|| whole_page_jpeg(path, &mut decoder, samples))
        .flatten()
        .and_then(|jpeg| {
            let image =
                image::load_from_memory_with_format(&jpeg, image::ImageFormat::Jpeg).ok()?;
            ((image.width(), image.height()) == (width, height)).then_some((jpeg, image))
        });
    let (image, embedded_jpeg) = if let Some((jpeg, image)) = whole_jpeg {
        (pixels::normalise(image), Some(jpeg))
    } else {
        let colour = decoder.colortype().map_err(err)?;
        let data = decoder.read_image().map_err(err)?;
        let image = to_image(colour, data, width, height, &mut decoder).ok_or_else(|| {
            Error::decode(
                path,
                Some(page),
                format!("unsupported TIFF pixel layout {colour:?}"),
            )
        })?;
        let mut image = pixels::normalise(image);
        if let Some(o) = u8::try_from(orientation)
            .ok()
            .and_then(image::metadata::Orientation::from_exif)
        {
            image.apply_orientation(o);
        }
        (image, None)
    };

    Ok(DecodedPage {
        embedded_jpeg,
        rendered: false,
        technical: TechnicalMetadata {
            format: ScanFormat::Tiff,
            width: image.width(),
            height: image.height(),
            dpi,
            bits_per_sample: bits.first().copied().unwrap_or(1).min(255) as u8,
            samples_per_pixel: samples.min(255) as u8,
            compression: compression_name(compression),
        },
        image,
        text_layer: None,
    })
}

/// The page as one standalone JPEG, when a JPEG-compressed (Compression 7) page is a single
/// strip or tile in a colour space a bare JPEG is read in (YCbCr with 3 samples, `BlackIsZero`
/// gray): the shared `JPEGTables` (if any) and the strip's JPEG stream joined. `None` in any
/// other case (several strips, RGB or inverted photometry, bytes that are not a JPEG): the
/// page is then decoded strip by strip and stored losslessly from its pixels.
fn whole_page_jpeg(path: &Path, decoder: &mut TiffDecoder, samples: u16) -> Option<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};

    let photometric: u16 = decoder
        .find_tag_unsigned(Tag::PhotometricInterpretation)
        .ok()??;
    if !matches!((photometric, samples), (6, 3) | (1, 1)) {
        return None;
    }
    let (offsets, counts) = if decoder.find_tag(Tag::TileOffsets).ok()?.is_some() {
        (
            decoder.get_tag_u64_vec(Tag::TileOffsets).ok()?,
            decoder.get_tag_u64_vec(Tag::TileByteCounts).ok()?,
        )
    } else {
        (
            decoder.get_tag_u64_vec(Tag::StripOffsets).ok()?,
            decoder.get_tag_u64_vec(Tag::StripByteCounts).ok()?,
        )
    };
    let (&[offset], &[count]) = (offsets.as_slice(), counts.as_slice()) else {
        return None;
    };
    let mut file = File::open(path).ok()?;
    if offset.checked_add(count)? > file.metadata().ok()?.len() {
        return None;
    }
    let mut stream = vec![0; usize::try_from(count).ok()?];
    file.seek(SeekFrom::Start(offset)).ok()?;
    file.read_exact(&mut stream).ok()?;
    if !stream.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let jpeg = match decoder.get_tag_u8_vec(Tag::JPEGTables) {
        // Tables: SOI, DQT/DHT segments, EOI. Joined: SOI, tables, then the stream after its SOI.
        Ok(tables) if tables.len() >= 4 && tables.starts_with(&[0xFF, 0xD8]) => {
            let mut joined = Vec::with_capacity(tables.len() + stream.len());
            joined.extend_from_slice(tables.strip_suffix(&[0xFF, 0xD9]).unwrap_or(&tables));
            joined.extend_from_slice(&stream[2..]);
            joined
        }
        _ => stream,
    };
    Some(jpeg)
}

/// Decodes a bare CCITT Group 4 bitmap of `width` x `height` (the content of a PDF
/// `CCITTFaxDecode` stream with K < 0) by wrapping it in a one-strip TIFF in memory.
/// `black_is_1` is the PDF parameter: false (the default) means white runs decode to 1.
/// Out: 8-bit gray with the filter's 1 bits as 255 and its 0 bits as 0.
pub(super) fn decode_g4(
    path: &Path,
    page: u32,
    data: &[u8],
    width: u32,
    height: u32,
    black_is_1: bool,
) -> Result<GrayImage> {
    check_dimensions(path, page, width, height)?;
    let err = |e: TiffError| {
        Error::decode(
            path,
            Some(page),
            format!("cannot decode CCITT G4 image: {e}"),
        )
    };
    // The tiff crate decodes white runs to 0 and inverts for WhiteIsZero.
    let photometric = u32::from(black_is_1);
    let entries: [(u16, u16, u32); 9] = [
        (256, 4, width),
        (257, 4, height),
        (258, 3, 1),
        (259, 3, 4),
        (262, 3, photometric),
        (273, 4, 8 + 2 + 9 * 12 + 4),
        (277, 3, 1),
        (278, 4, height),
        (279, 4, u32::try_from(data.len()).unwrap_or(u32::MAX)),
    ];
    let mut tiff = Vec::with_capacity(data.len() + 128);
    tiff.extend_from_slice(b"II*\0");
    tiff.extend_from_slice(&8u32.to_le_bytes());
    tiff.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for (tag, kind, value) in entries {
        tiff.extend_from_slice(&tag.to_le_bytes());
        tiff.extend_from_slice(&kind.to_le_bytes());
        tiff.extend_from_slice(&1u32.to_le_bytes());
        if kind == 3 {
            tiff.extend_from_slice(&(value as u16).to_le_bytes());
            tiff.extend_from_slice(&[0, 0]);
        } else {
            tiff.extend_from_slice(&value.to_le_bytes());
        }
    }
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(data);
    let mut decoder = Decoder::new(std::io::Cursor::new(tiff)).map_err(err)?;
    match decoder.read_image().map_err(err)? {
        DecodingResult::U8(bits) => pixels::unpack_gray(&bits, width, height, 1)
            .ok_or_else(|| Error::decode(path, Some(page), "CCITT G4 image is truncated")),
        _ => Err(Error::decode(
            path,
            Some(page),
            "unexpected CCITT G4 sample type",
        )),
    }
}

/// Horizontal resolution in dots per inch, from `XResolution` and `ResolutionUnit`.
fn resolution(decoder: &mut TiffDecoder) -> std::result::Result<Option<f32>, TiffError> {
    let Some(value) = decoder.find_tag(Tag::XResolution)? else {
        return Ok(None);
    };
    let Some(per_unit) = rational(value) else {
        return Ok(None);
    };
    let unit: u16 = decoder.find_tag_unsigned(Tag::ResolutionUnit)?.unwrap_or(2);
    let dpi = match unit {
        2 => per_unit,
        3 => per_unit * 2.54,
        // 1: no absolute unit (only an aspect ratio).
        _ => return Ok(None),
    };
    Ok((dpi.is_finite() && dpi > 0.0).then(|| round_dpi(dpi as f32)))
}

#[allow(deprecated)] // RationalBig: still what old files may carry
fn rational(value: Value) -> Option<f64> {
    match value {
        Value::Rational(n, d) if d != 0 => Some(f64::from(n) / f64::from(d)),
        Value::RationalBig(n, d) if d != 0 => Some(n as f64 / d as f64),
        Value::SRational(n, d) if d != 0 => Some(f64::from(n) / f64::from(d)),
        Value::Float(v) => Some(f64::from(v)),
        Value::Double(v) => Some(v),
        Value::Short(v) => Some(f64::from(v)),
        Value::Unsigned(v) => Some(f64::from(v)),
        Value::List(mut values) if !values.is_empty() => rational(values.swap_remove(0)),
        _ => None,
    }
}

fn compression_name(code: u16) -> String {
    match code {
        1 => "none".into(),
        2 => "ccitt-rle".into(),
        3 => "ccitt-g3".into(),
        4 => "ccitt-g4".into(),
        5 => "lzw".into(),
        6 => "ojpeg".into(),
        7 => "jpeg".into(),
        8 | 32946 => "deflate".into(),
        32773 => "packbits".into(),
        50000 => "zstd".into(),
        50001 => "webp".into(),
        other => format!("tiff-{other}"),
    }
}

/// Turns the decoded sample buffer into an image; None for layouts we do not handle.
fn to_image(
    colour: ColorType,
    data: DecodingResult,
    width: u32,
    height: u32,
    decoder: &mut TiffDecoder,
) -> Option<DynamicImage> {
    let pixels = width as usize * height as usize;
    let gray = |v: Vec<u8>| GrayImage::from_raw(width, height, v).map(DynamicImage::ImageLuma8);
    let rgb = |v: Vec<u8>| RgbImage::from_raw(width, height, v).map(DynamicImage::ImageRgb8);
    let fit = |mut v: Vec<u8>, n: usize| {
        (v.len() >= pixels * n).then(|| {
            v.truncate(pixels * n);
            v
        })
    };
    match (colour, data) {
        (ColorType::Gray(b @ (1 | 2 | 4)), DecodingResult::U8(v)) => {
            pixels::unpack_gray(&v, width, height, b).map(DynamicImage::ImageLuma8)
        }
        (ColorType::Gray(8), DecodingResult::U8(v)) => gray(fit(v, 1)?),
        (ColorType::Gray(16), DecodingResult::U16(v)) => gray(fit(pixels::high_bytes(&v), 1)?),
        (ColorType::RGB(8), DecodingResult::U8(v)) => rgb(fit(v, 3)?),
        (ColorType::RGB(16), DecodingResult::U16(v)) => rgb(fit(pixels::high_bytes(&v), 3)?),
        (ColorType::YCbCr(8), DecodingResult::U8(v)) => {
            let mut v = fit(v, 3)?;
            pixels::ycbcr_to_rgb(&mut v);
            rgb(v)
        }
        (ColorType::RGBA(8), DecodingResult::U8(v)) => rgb(pixels::composite(&fit(v, 4)?, 3)),
        (ColorType::RGBA(16), DecodingResult::U16(v)) => {
            rgb(pixels::composite(&fit(pixels::high_bytes(&v), 4)?, 3))
        }
        (
            ColorType::GrayA(8)
            | ColorType::Multiband {
                bit_depth: 8,
                num_samples: 2,
            },
            DecodingResult::U8(v),
        ) => gray(pixels::composite(&fit(v, 2)?, 1)),
        (ColorType::CMYK(8), DecodingResult::U8(v)) => rgb(pixels::cmyk_to_rgb(&fit(v, 4)?)),
        (ColorType::Palette(b @ (1 | 2 | 4 | 8)), DecodingResult::U8(v)) => {
            let map = decoder
                .find_tag_unsigned_vec::<u16>(Tag::ColorMap)
                .ok()
                .flatten()?;
            let entries = 1usize << b;
            if map.len() < entries * 3 {
                return None;
            }
            // Unpack the indices with the gray unpacker's bit order, then look them up.
            let indices: Vec<u8> = if b == 8 {
                fit(v, 1)?
            } else {
                let max = (1u16 << b) - 1;
                pixels::unpack_gray(&v, width, height, b)?
                    .into_raw()
                    .into_iter()
                    .map(|g| (u16::from(g) * max / 255) as u8)
                    .collect()
            };
            let mut out = Vec::with_capacity(pixels * 3);
            for i in indices {
                let i = usize::from(i);
                out.extend([
                    (map[i] >> 8) as u8,
                    (map[entries + i] >> 8) as u8,
                    (map[2 * entries + i] >> 8) as u8,
                ]);
            }
            rgb(out)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{decode_error, fixture, luma, rgb_at};
    use super::super::{decode_page, page_count};
    use super::*;

    fn near(a: [u8; 3], b: [u8; 3], tolerance: i16) -> bool {
        a.iter()
            .zip(b)
            .all(|(&x, y)| (i16::from(x) - i16::from(y)).abs() <= tolerance)
    }

    #[test]
    fn g4_two_pages_min_is_black_and_white_is_zero() {
        let path = fixture("g4_2page_300dpi.tif");
        assert_eq!(page_count(&path, ScanFormat::Tiff).unwrap(), 2);

        // Page 1: MinIsBlack, black rectangle x 20..=59, y 20..=79.
        let p1 = decode_page(&path, ScanFormat::Tiff, 1).unwrap();
        let t = &p1.technical;
        assert_eq!((t.width, t.height), (200, 100));
        assert_eq!(t.dpi, Some(300.0));
        assert_eq!((t.bits_per_sample, t.samples_per_pixel), (1, 1));
        assert_eq!(t.compression, "ccitt-g4");
        assert_eq!(t.format, ScanFormat::Tiff);
        assert_eq!(luma(&p1, 5, 5), 255, "paper stays white");
        assert_eq!(luma(&p1, 40, 50), 0, "ink stays black");
        assert_eq!(luma(&p1, 150, 50), 255);
        assert!(p1.text_layer.is_none());

        // Page 2: WhiteIsZero, black rectangle x 140..=179: same look, other place.
        let p2 = decode_page(&path, ScanFormat::Tiff, 2).unwrap();
        assert_eq!(luma(&p2, 5, 5), 255, "paper stays white");
        assert_eq!(luma(&p2, 150, 50), 0, "ink stays black");
        assert_eq!(luma(&p2, 40, 50), 255);
        let DynamicImage::ImageLuma8(img) = &p2.image else {
            unreachable!()
        };
        assert!(img.pixels().all(|p| p[0] == 0 || p[0] == 255), "bilevel");
        let black = img.pixels().filter(|p| p[0] == 0).count();
        assert_eq!(black, 40 * 60);
    }

    #[test]
    fn page_beyond_the_last_is_an_error() {
        let path = fixture("g4_2page_300dpi.tif");
        let message = decode_error(&path, ScanFormat::Tiff, 3);
        assert!(message.contains("page 3"), "{message}");
    }

    #[test]
    fn lzw_gray() {
        let path = fixture("gray_lzw_200dpi.tif");
        let page = decode_page(&path, ScanFormat::Tiff, 1).unwrap();
        let t = &page.technical;
        assert_eq!((t.width, t.height, t.dpi), (200, 100, Some(200.0)));
        assert_eq!((t.bits_per_sample, t.samples_per_pixel), (8, 1));
        assert_eq!(t.compression, "lzw");
        for x in [0, 1, 77, 199] {
            assert_eq!(luma(&page, x, 42), x as u8);
        }
    }

    #[test]
    fn jpeg_in_tiff_ycbcr() {
        let path = fixture("rgb_jpeg_300dpi.tif");
        let page = decode_page(&path, ScanFormat::Tiff, 1).unwrap();
        let t = &page.technical;
        assert_eq!((t.width, t.height, t.dpi), (200, 100, Some(300.0)));
        assert_eq!((t.bits_per_sample, t.samples_per_pixel), (8, 3));
        assert_eq!(t.compression, "jpeg");
        let left = rgb_at(&page, 30, 50);
        let right = rgb_at(&page, 170, 50);
        assert!(near(left, [200, 30, 30], 12), "{left:?}");
        assert!(near(right, [30, 60, 200], 12), "{right:?}");
    }

    /// A page decoded from its one JPEG against the same page decoded strip by strip by the
    /// `tiff` crate (the path every other TIFF takes).
    fn assert_same_as_strip_decoding(name: &str) -> DecodedPage {
        let path = fixture(name);
        let page = decode_page(&path, ScanFormat::Tiff, 1).unwrap();
        let jpeg = page
            .embedded_jpeg
            .as_deref()
            .expect("a one-strip JPEG page");
        let alone = image::load_from_memory_with_format(jpeg, image::ImageFormat::Jpeg).unwrap();
        assert_eq!(pixels::normalise(alone), page.image);
        let mut decoder = open(&path, Some(1)).unwrap();
        let (width, height) = decoder.dimensions().unwrap();
        let colour = decoder.colortype().unwrap();
        let data = decoder.read_image().unwrap();
        let strips = to_image(colour, data, width, height, &mut decoder).unwrap();
        let strips = pixels::normalise(strips);
        assert_eq!(strips.color(), page.image.color());
        let worst = strips
            .as_bytes()
            .iter()
            .zip(page.image.as_bytes())
            .map(|(x, y)| x.abs_diff(*y))
            .max();
        assert!(worst <= Some(2), "{name}: pixels differ by up to {worst:?}");
        page
    }

    #[test]
    fn one_strip_jpeg_pages_keep_their_jpeg_data() {
        let rgb = assert_same_as_strip_decoding("rgb_jpeg_one_strip.tif");
        assert_eq!(rgb.image.color(), image::ColorType::Rgb8);
        let gray = assert_same_as_strip_decoding("gray_jpeg_one_strip.tif");
        assert_eq!(gray.image.color(), image::ColorType::L8);
        assert_eq!((gray.image.width(), gray.image.height()), (200, 100));
        assert_eq!(gray.technical.compression, "jpeg");
        // Strips of 16 rows are separate JPEG streams: the pixels are stored instead.
        let strips = decode_page(&fixture("rgb_jpeg_300dpi.tif"), ScanFormat::Tiff, 1).unwrap();
        assert!(strips.embedded_jpeg.is_none());
    }

    #[test]
    fn deflate_rgb_with_centimetre_resolution() {
        let path = fixture("rgb_deflate_cm.tif");
        let page = decode_page(&path, ScanFormat::Tiff, 1).unwrap();
        let t = &page.technical;
        assert_eq!(t.compression, "deflate");
        assert_eq!((t.bits_per_sample, t.samples_per_pixel), (8, 3));
        assert_eq!(t.dpi, Some(300.0), "118.11 px/cm, rounded to 1/100 dpi");
        assert_eq!(rgb_at(&page, 30, 50), [200, 30, 30]);
        assert_eq!(rgb_at(&page, 170, 50), [30, 60, 200]);
    }

    #[test]
    fn packbits_bilevel_without_resolution() {
        let path = fixture("bilevel_packbits_nodpi.tif");
        let page = decode_page(&path, ScanFormat::Tiff, 1).unwrap();
        assert_eq!(page.technical.dpi, None);
        assert_eq!(page.technical.compression, "packbits");
        assert_eq!(luma(&page, 5, 5), 255);
        assert_eq!(luma(&page, 40, 50), 0);
    }

    #[test]
    fn truncated_tiff_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        for (name, source, keep) in [
            ("cut-g4.tif", "g4_2page_300dpi.tif", 120),
            ("cut-lzw.tif", "gray_lzw_200dpi.tif", 2000),
            ("cut-jpeg.tif", "rgb_jpeg_300dpi.tif", 900),
            ("cut-header.tif", "g4_2page_300dpi.tif", 6),
        ] {
            let bytes = std::fs::read(fixture(source)).unwrap();
            let path = dir.path().join(name);
            std::fs::write(&path, &bytes[..keep]).unwrap();
            // Either the file cannot be opened, or the page cannot be decoded.
            if let Ok(n) = page_count(&path, ScanFormat::Tiff) {
                for page in 1..=n {
                    if decode_page(&path, ScanFormat::Tiff, page).is_ok() {
                        continue;
                    }
                    decode_error(&path, ScanFormat::Tiff, page);
                }
            }
        }
        // Garbage in the middle of an LZW strip: an error or a page, never a panic.
        let mut bytes = std::fs::read(fixture("gray_lzw_200dpi.tif")).unwrap();
        bytes[16..2000].fill(0xFF);
        let path = dir.path().join("garbled-strip.tif");
        std::fs::write(&path, &bytes).unwrap();
        if decode_page(&path, ScanFormat::Tiff, 1).is_err() {
            decode_error(&path, ScanFormat::Tiff, 1);
        }
    }

    #[test]
    fn a_broken_directory_pointer_loses_only_the_page_it_points_to() {
        let mut bytes = std::fs::read(fixture("g4_2page_300dpi.tif")).unwrap();
        let big = bytes.starts_with(b"MM");
        let u16_at = |b: &[u8], at: usize| {
            let v = [b[at], b[at + 1]];
            usize::from(if big {
                u16::from_be_bytes(v)
            } else {
                u16::from_le_bytes(v)
            })
        };
        let u32_at = |b: &[u8], at: usize| {
            let v = [b[at], b[at + 1], b[at + 2], b[at + 3]];
            (if big {
                u32::from_be_bytes(v)
            } else {
                u32::from_le_bytes(v)
            }) as usize
        };
        // The second directory's pointer to a next one: made to point past the file.
        let first = u32_at(&bytes, 4);
        let second = u32_at(&bytes, first + 2 + 12 * u16_at(&bytes, first));
        let next = second + 2 + 12 * u16_at(&bytes, second);
        let bogus = if big {
            0xFFFF_FF00u32.to_be_bytes()
        } else {
            0xFFFF_FF00u32.to_le_bytes()
        };
        bytes[next..next + 4].copy_from_slice(&bogus);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("three-pages.tif");
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(page_count(&path, ScanFormat::Tiff).unwrap(), 3);
        for page in [1, 2] {
            decode_page(&path, ScanFormat::Tiff, page).unwrap();
        }
        let message = decode_error(&path, ScanFormat::Tiff, 3);
        assert!(
            message.contains("three-pages.tif") && message.contains("directory of page 3"),
            "{message}"
        );
    }

    /// A little-endian TIFF header and one IFD declaring `width` x `height` 8-bit gray,
    /// with a 16-byte strip.
    fn tiny_tiff(width: u32, height: u32) -> Vec<u8> {
        let entries: [(u16, u16, u32, u32); 8] = [
            (256, 4, 1, width),
            (257, 4, 1, height),
            (258, 3, 1, 8),
            (259, 3, 1, 1),
            (262, 3, 1, 1),
            (273, 4, 1, 8 + 2 + 8 * 12 + 4),
            (278, 4, 1, height),
            (279, 4, 1, 16),
        ];
        let mut out = b"II*\0".to_vec();
        out.extend(8u32.to_le_bytes());
        out.extend((entries.len() as u16).to_le_bytes());
        for (tag, kind, count, value) in entries {
            out.extend(tag.to_le_bytes());
            out.extend(kind.to_le_bytes());
            out.extend(count.to_le_bytes());
            if kind == 3 {
                out.extend((value as u16).to_le_bytes());
                out.extend([0, 0]);
            } else {
                out.extend(value.to_le_bytes());
            }
        }
        out.extend(0u32.to_le_bytes());
        out.extend([0x80; 16]);
        out
    }

    #[test]
    fn declared_bomb_is_rejected_before_decoding() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bomb.tif");
        std::fs::write(&path, tiny_tiff(100_000, 100_000)).unwrap();
        let message = decode_error(&path, ScanFormat::Tiff, 1);
        assert!(
            message.contains("page 1") && message.contains("100000x100000 exceed the limit"),
            "{message}"
        );
        // The same header with a sane size decodes (and its short strip is an error); as a
        // page it is too small.
        let path = dir.path().join("small.tif");
        std::fs::write(&path, tiny_tiff(4, 4)).unwrap();
        let page = super::decode_page(&path, 1).unwrap();
        assert!(decode_error(&path, ScanFormat::Tiff, 1).contains("too small to be a page"));
        assert_eq!(page.technical.dpi, None);
        let path = dir.path().join("short-strip.tif");
        std::fs::write(&path, tiny_tiff(40, 40)).unwrap();
        decode_error(&path, ScanFormat::Tiff, 1);
    }
}
