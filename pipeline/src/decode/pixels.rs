//! Pixel layout conversions shared by the decoders.
//!
//! In: raw sample buffers as decoders deliver them (bit-packed gray, 8/16-bit gray or RGB,
//! with or without alpha, YCbCr, CMYK, palette indices) or any [`DynamicImage`].
//! Out: the two layouts the pipeline works with, [`GrayImage`] (Luma8) and [`RgbImage`] (Rgb8).
//! Alpha is composited over white paper; 16-bit samples keep their high byte.

use image::{DynamicImage, GrayImage, RgbImage};

/// Reduces any decoded image to Luma8 or Rgb8 (alpha laid over white).
pub(super) fn normalise(image: DynamicImage) -> DynamicImage {
    match image {
        DynamicImage::ImageLuma8(_) | DynamicImage::ImageRgb8(_) => image,
        DynamicImage::ImageLuma16(_) => DynamicImage::ImageLuma8(image.to_luma8()),
        DynamicImage::ImageLumaA8(_) | DynamicImage::ImageLumaA16(_) => {
            let la = image.to_luma_alpha8();
            let (w, h) = la.dimensions();
            let data = composite(la.as_raw(), 1);
            DynamicImage::ImageLuma8(GrayImage::from_raw(w, h, data).unwrap_or_default())
        }
        DynamicImage::ImageRgba8(_)
        | DynamicImage::ImageRgba16(_)
        | DynamicImage::ImageRgba32F(_) => {
            let rgba = image.to_rgba8();
            let (w, h) = rgba.dimensions();
            let data = composite(rgba.as_raw(), 3);
            DynamicImage::ImageRgb8(RgbImage::from_raw(w, h, data).unwrap_or_default())
        }
        other => DynamicImage::ImageRgb8(other.to_rgb8()),
    }
}

/// Drops the alpha sample of each pixel (`colours` samples + 1 alpha), laying it over white.
pub(super) fn composite(samples: &[u8], colours: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(samples.len() / (colours + 1) * colours);
    for px in samples.chunks_exact(colours + 1) {
        let alpha = u32::from(px[colours]);
        for &c in &px[..colours] {
            // c·a + 255·(255 − a), divided by 255 with rounding.
            out.push(((u32::from(c) * alpha + 255 * (255 - alpha) + 127) / 255) as u8);
        }
    }
    out
}

/// Expands bit-packed gray rows (MSB first, each row padded to a byte; 0 = black) of
/// `bits` = 1, 2 or 4 bits per sample to 8-bit gray spread over 0..=255.
pub(super) fn unpack_gray(data: &[u8], width: u32, height: u32, bits: u8) -> Option<GrayImage> {
    let bits = usize::from(bits);
    if !matches!(bits, 1 | 2 | 4) {
        return None;
    }
    let width = width as usize;
    let row_bytes = (width * bits).div_ceil(8);
    let max = (1u16 << bits) - 1;
    let per_byte = 8 / bits;
    let mut out = Vec::with_capacity(width * height as usize);
    for row in data.chunks_exact(row_bytes).take(height as usize) {
        for x in 0..width {
            let byte = row[x / per_byte];
            let shift = 8 - bits * (x % per_byte + 1);
            let v = u16::from(byte >> shift) & max;
            out.push((v * 255 / max) as u8);
        }
    }
    GrayImage::from_raw(width as u32, height, out)
}

/// Keeps the high byte of each 16-bit sample.
pub(super) fn high_bytes(samples: &[u16]) -> Vec<u8> {
    samples.iter().map(|&s| (s >> 8) as u8).collect()
}

/// Full-range YCbCr (as JPEG stores it) to RGB, in place of each 3-byte pixel.
pub(super) fn ycbcr_to_rgb(data: &mut [u8]) {
    for px in data.chunks_exact_mut(3) {
        let y = f32::from(px[0]);
        let cb = f32::from(px[1]) - 128.0;
        let cr = f32::from(px[2]) - 128.0;
        px[0] = (y + 1.402 * cr).round().clamp(0.0, 255.0) as u8;
        px[1] = (y - 0.344_136 * cb - 0.714_136 * cr)
            .round()
            .clamp(0.0, 255.0) as u8;
        px[2] = (y + 1.772 * cb).round().clamp(0.0, 255.0) as u8;
    }
}

/// Naive CMYK to RGB (no colour management; scans are almost never CMYK).
pub(super) fn cmyk_to_rgb(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    for px in data.chunks_exact(4) {
        let k = 255 - u32::from(px[3]);
        for &c in &px[..3] {
            out.push(((255 - u32::from(c)) * k / 255) as u8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpacks_one_bit_rows_with_padding() {
        // 10 px wide: 2 bytes per row. Row 0: 1010101010, row 1: 0000000001.
        let data = [0b1010_1010, 0b1000_0000, 0b0000_0000, 0b0100_0000];
        let img = unpack_gray(&data, 10, 2, 1).unwrap();
        let row0: Vec<u8> = (0..10).map(|x| img.get_pixel(x, 0)[0]).collect();
        assert_eq!(row0, [255, 0, 255, 0, 255, 0, 255, 0, 255, 0]);
        let row1: Vec<u8> = (0..10).map(|x| img.get_pixel(x, 1)[0]).collect();
        assert_eq!(row1, [0, 0, 0, 0, 0, 0, 0, 0, 0, 255]);
        assert!(unpack_gray(&data[..3], 10, 2, 1).is_none(), "short data");
    }

    #[test]
    fn unpacks_four_bit_gray() {
        let img = unpack_gray(&[0x0F, 0x80], 3, 1, 4).unwrap();
        assert_eq!(img.as_raw(), &vec![0, 255, 136]);
    }

    #[test]
    fn alpha_goes_over_white() {
        assert_eq!(
            composite(&[0, 0, 0, 0, 10, 20, 30, 255], 3),
            [255, 255, 255, 10, 20, 30]
        );
        assert_eq!(composite(&[0, 128], 1), [127]);
    }

    #[test]
    fn ycbcr_gray_and_red() {
        let mut px = [128, 128, 128, 76, 85, 255];
        ycbcr_to_rgb(&mut px);
        assert_eq!(&px[..3], &[128, 128, 128]);
        assert!(px[3] > 250 && px[4] < 5 && px[5] < 5, "{px:?}");
    }

    #[test]
    fn normalise_keeps_gray_and_rgb() {
        let gray = DynamicImage::ImageLuma8(GrayImage::new(2, 2));
        assert!(matches!(normalise(gray), DynamicImage::ImageLuma8(_)));
        let rgba = DynamicImage::ImageRgba8(image::RgbaImage::new(2, 2));
        match normalise(rgba) {
            DynamicImage::ImageRgb8(img) => assert_eq!(img.get_pixel(0, 0).0, [255, 255, 255]),
            other => panic!("{:?}", other.color()),
        }
        let gray16 = DynamicImage::ImageLuma16(image::ImageBuffer::from_pixel(
            1,
            1,
            image::Luma([0xABCDu16]),
        ));
        match normalise(gray16) {
            DynamicImage::ImageLuma8(img) => assert_eq!(img.get_pixel(0, 0)[0], 0xAB),
            other => panic!("{:?}", other.color()),
        }
    }
}
