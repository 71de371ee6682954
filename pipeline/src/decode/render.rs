//! Rendering of PDF pages by Poppler's `pdftoppm`, for pages the native path cannot take
//! (CCITT, JBIG2 or JPEG 2000 images, vector text, several images).
//!
//! In: a PDF file, a 1-based page number, a resolution and gray-or-colour.
//! Out: the rendered page as Luma8 or Rgb8. `pdftoppm` writes binary PGM/PPM to its stdout
//! (no PNG encode and decode, no temporary file); it runs under a time limit and its output
//! is read up to the size the page can have.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use image::{DynamicImage, GrayImage, RgbImage};

use crate::{Error, Result};

/// The renderer's name, looked up on PATH.
const PDFTOPPM: &str = "pdftoppm";

/// Longest a single page may take to render.
const TIMEOUT: Duration = Duration::from_secs(300);

/// Renders page `page` of `path` at `dpi`, to 8-bit gray or RGB.
pub(super) fn render_page(path: &Path, page: u32, dpi: f64, gray: bool) -> Result<DynamicImage> {
    let err = |m: String| Error::decode(path, Some(page), m);
    let mut command = Command::new(PDFTOPPM);
    command
        .arg("-f")
        .arg(page.to_string())
        .arg("-l")
        .arg(page.to_string())
        .arg("-r")
        .arg(format!("{dpi:.3}"))
        .arg("-singlefile");
    if gray {
        command.arg("-gray");
    }
    // No output root: pdftoppm then writes the image to stdout.
    command
        .arg(safe_arg(path))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = command.spawn().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            err(format!(
                "{PDFTOPPM} is needed to render this page but is not installed (Debian package poppler-utils)"
            ))
        } else {
            err(format!("cannot run {PDFTOPPM}: {e}"))
        }
    })?;
    let (Some(stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(err(format!("cannot read the output of {PDFTOPPM}")));
    };
    let limit = super::MAX_DECODE_BYTES + 4096;
    let out_reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        stdout.take(limit).read_to_end(&mut out).map(|_| out)
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.take(64 * 1024).read_to_string(&mut text);
        text
    });

    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(err(format!(
                    "{PDFTOPPM} did not finish within {} s",
                    TIMEOUT.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(err(format!("waiting for {PDFTOPPM}: {e}"))),
        }
    };
    let output = out_reader
        .join()
        .map_err(|_| err(format!("reading the output of {PDFTOPPM} failed")))?
        .map_err(|e| err(format!("reading the output of {PDFTOPPM}: {e}")))?;
    let messages = err_reader.join().unwrap_or_default();
    if !status.success() {
        return Err(err(format!(
            "{PDFTOPPM} failed ({status}): {}",
            messages.trim()
        )));
    }
    tracing::debug!(
        path = %path.display(),
        page,
        dpi,
        gray,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "rendered PDF page with pdftoppm"
    );
    parse_pnm(&output).map_err(|m| err(format!("{PDFTOPPM} output: {m}")))
}

/// A path that cannot be taken for an option: `-x.pdf` becomes `./-x.pdf`.
fn safe_arg(path: &Path) -> PathBuf {
    if path.is_relative() && path.to_string_lossy().starts_with('-') {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    }
}

/// Parses binary PGM (P5) or PPM (P6) with 8-bit samples.
fn parse_pnm(data: &[u8]) -> std::result::Result<DynamicImage, String> {
    let magic = data.get(..2).ok_or("no image")?;
    let channels = match magic {
        b"P5" => 1,
        b"P6" => 3,
        _ => return Err("not a binary PGM/PPM image".into()),
    };
    let mut at = 2;
    let mut fields = [0u32; 3];
    for field in &mut fields {
        // Skip white space and comments, then read decimal digits.
        loop {
            match data.get(at) {
                Some(b) if b.is_ascii_whitespace() => at += 1,
                Some(b'#') => {
                    while data.get(at).is_some_and(|&b| b != b'\n') {
                        at += 1;
                    }
                }
                _ => break,
            }
        }
        let start = at;
        while data.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        *field = std::str::from_utf8(&data[start..at])
            .ok()
            .and_then(|s| s.parse().ok())
            .ok_or("malformed header")?;
    }
    let [width, height, maxval] = fields;
    if maxval != 255 {
        return Err(format!("unsupported sample range 0..={maxval}"));
    }
    at += 1; // the single white-space byte before the samples
    let len = width as usize * height as usize * channels;
    let samples = data
        .get(at..at + len)
        .ok_or_else(|| format!("truncated image ({width}x{height})"))?
        .to_vec();
    let image = if channels == 1 {
        GrayImage::from_raw(width, height, samples).map(DynamicImage::ImageLuma8)
    } else {
        RgbImage::from_raw(width, height, samples).map(DynamicImage::ImageRgb8)
    };
    image.ok_or_else(|| "inconsistent image size".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_pgm_and_ppm() {
        let img = parse_pnm(b"P5\n# made by hand\n3 1\n255\n\x00\x80\xff").unwrap();
        assert_eq!(img.to_luma8().into_raw(), [0, 128, 255]);
        let img = parse_pnm(b"P6 1 1 255 \x01\x02\x03").unwrap();
        assert_eq!(img.to_rgb8().into_raw(), [1, 2, 3]);
        assert!(parse_pnm(b"P5 3 1 255 \x00").is_err(), "truncated");
        assert!(parse_pnm(b"P5 3 1 65535 \x00\x00").is_err());
        assert!(parse_pnm(b"P4 3 1 \x00").is_err());
        assert!(parse_pnm(b"").is_err());
        assert!(parse_pnm(b"P5 99999999999 1 255 ").is_err());
    }

    #[test]
    fn dash_paths_are_not_options() {
        assert_eq!(safe_arg(Path::new("-r.pdf")), Path::new("./-r.pdf"));
        assert_eq!(safe_arg(Path::new("/a/-r.pdf")), Path::new("/a/-r.pdf"));
        assert_eq!(safe_arg(Path::new("box/1.pdf")), Path::new("box/1.pdf"));
    }
}
