//! Page images: the scan of a document page, as scanned, at one of a few widths, as JPEG or
//! WebP, cached on disk outside `ocfl/`.
//!
//! In: a document id, a page number, a width and a format (`?format=jpeg|webp`; JPEG when
//! not asked), for a signed-in visitor. Out: the image. WebP is lossless (the `image`
//! crate's encoder, the one a maintained pure-Rust crate offers) and so 1.8 times the size
//! of the JPEG of a scan (`benches/RESULTS.md`): it is served only when asked for by name, never chosen from
//! the browser's `Accept` header (README). The
//! gate is asked first on every request, cached or not (it decides whether the page exists
//! for the visitor and records the view); the cache is keyed by the stored image's SHA-256,
//! so it never serves pixels the store no longer holds, and a rendering is written under a
//! temporary name and renamed, so a reader never sees half a file.

use std::collections::VecDeque;
use std::io::Cursor;
use std::path::{Path as FsPath, PathBuf};
use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query};
use axum::http::{header, Uri};
use axum::response::{IntoResponse, Response};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::webp::WebPEncoder;
use image::imageops::FilterType;
use image::DynamicImage;
use pipeline::gate::{PageView, Principal};
use serde::Deserialize;

use super::failure::{is_api, Answer, Failure};
use super::visitor::Visitor;
use super::{blocking, ReadingRoom, State};

/// The widths a page image is served at.
pub const WIDTHS: [u32; 3] = [400, 800, 1600];
const DEFAULT_WIDTH: u32 = 800;
const JPEG_QUALITY: u8 = 85;

#[derive(Deserialize)]
pub struct ImageParams {
    width: Option<String>,
    format: Option<String>,
}

/// The encodings a page image is served in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Encoding {
    Jpeg,
    /// Lossless.
    Webp,
}

impl Encoding {
    pub(super) fn content_type(self) -> &'static str {
        match self {
            Encoding::Jpeg => "image/jpeg",
            Encoding::Webp => "image/webp",
        }
    }

    /// The cached file's extension.
    fn extension(self) -> &'static str {
        match self {
            Encoding::Jpeg => "jpg",
            Encoding::Webp => "webp",
        }
    }
}

fn encoding(params: &ImageParams) -> Result<Encoding, Failure> {
    match params.format.as_deref() {
        None | Some("" | "jpeg" | "jpg") => Ok(Encoding::Jpeg),
        Some("webp") => Ok(Encoding::Webp),
        Some(other) => Err(Failure::BadRequest(format!(
            "Tham số format phải là jpeg hoặc webp (nhận được {other:?})."
        ))),
    }
}

/// A page number from a path: anything but a positive number names no page (the answer of
/// an unknown page).
pub fn page_number(text: &str) -> Result<u32, Failure> {
    text.parse::<u32>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or(Failure::NotFound)
}

fn width(params: &ImageParams) -> Result<u32, Failure> {
    let Some(text) = params.width.as_deref().filter(|w| !w.is_empty()) else {
        return Ok(DEFAULT_WIDTH);
    };
    text.parse::<u32>()
        .ok()
        .filter(|w| WIDTHS.contains(w))
        .ok_or_else(|| {
            Failure::BadRequest(format!(
                "Tham số width phải là một trong {WIDTHS:?} (nhận được {text:?})."
            ))
        })
}

/// `GET …/documents/{id}/pages/{n}/image?width=…`.
pub async fn page_image(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    uri: Uri,
    Path((id, page)): Path<(String, String)>,
    Query(params): Query<ImageParams>,
) -> Response {
    let api = is_api(&uri);
    let answer = |failure| Answer { failure, api }.into_response();
    let page = match page_number(&page) {
        Ok(p) => p,
        Err(f) => return answer(f),
    };
    let width = match width(&params) {
        Ok(w) => w,
        Err(f) => return answer(f),
    };
    let encoding = match encoding(&params) {
        Ok(e) => e,
        Err(f) => return answer(f),
    };
    let who = visitor.principal.clone();
    let image = blocking(&room, move |room| {
        let view = room
            .archive
            .reader(&who)
            .recording_every_read()
            .page(&id, page)?;
        rendering(room, &view, width, encoding)
    })
    .await;
    match image {
        Ok(bytes) => ([(header::CONTENT_TYPE, encoding.content_type())], bytes).into_response(),
        Err(f) => answer(f),
    }
}

/// Page `page` (1-based) of document `id` as the gate gives it to `who` for a viewer (its
/// words, its size, its pixels on demand), the view recorded.
pub(super) async fn viewed_page(
    room: &State,
    who: &Principal,
    id: String,
    page: u32,
) -> Result<PageView, Failure> {
    let who = who.clone();
    blocking(room, move |room| {
        Ok(room
            .archive
            .reader(&who)
            .recording_every_read()
            .page(&id, page)?)
    })
    .await
}

/// The page of `view` at `width` (never wider than the scan) in `encoding`: from the cache,
/// else rendered and cached. The gate has already answered for `view`.
pub(super) fn rendering(
    room: &ReadingRoom,
    view: &PageView,
    width: u32,
    encoding: Encoding,
) -> Result<Vec<u8>, Failure> {
    let cached = room.cache_dir.join(format!(
        "{}-w{width}.{}",
        view.image_key,
        encoding.extension()
    ));
    if let Ok(bytes) = std::fs::read(&cached) {
        return Ok(bytes);
    }
    let bytes = render(&view.decode()?, width, encoding)?;
    store(&room.cache_dir, &cached, &bytes);
    Ok(bytes)
}

/// The size in pixels of a scan of `scan_width` × `scan_height` served at `width`: scaled
/// to that width keeping its proportions, never up (what [`rendering`] makes).
pub(super) fn served_size(scan_width: u32, scan_height: u32, width: u32) -> (u32, u32) {
    if scan_width <= width {
        return (scan_width, scan_height);
    }
    let height = (u64::from(scan_height) * u64::from(width) / u64::from(scan_width.max(1))).max(1);
    (width, u32::try_from(height).unwrap_or(u32::MAX))
}

/// `image` scaled to `width` (never up) and encoded (see [`encode`]).
fn render(image: &DynamicImage, width: u32, encoding: Encoding) -> Result<Vec<u8>, Failure> {
    if image.width() > width {
        let (width, height) = served_size(image.width(), image.height(), width);
        encode(
            &image.resize_exact(width, height, FilterType::Triangle),
            encoding,
        )
    } else {
        encode(image, encoding)
    }
}

/// `image` encoded: JPEG in colour, lossless WebP in colour, or gray when the scan is gray
/// (smaller, and what was scanned).
pub(super) fn encode(image: &DynamicImage, encoding: Encoding) -> Result<Vec<u8>, Failure> {
    let mut out = Cursor::new(Vec::new());
    let written = match encoding {
        Encoding::Jpeg => DynamicImage::ImageRgb8(image.to_rgb8())
            .write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)),
        // The lossless encoder takes 8-bit gray, gray with alpha, RGB and RGBA.
        Encoding::Webp if !image.color().has_color() => DynamicImage::ImageLuma8(image.to_luma8())
            .write_with_encoder(WebPEncoder::new_lossless(&mut out)),
        Encoding::Webp => DynamicImage::ImageRgb8(image.to_rgb8())
            .write_with_encoder(WebPEncoder::new_lossless(&mut out)),
    };
    written.map_err(|e| {
        tracing::error!("encoding a page image: {e}");
        Failure::Internal
    })?;
    Ok(out.into_inner())
}

/// The page of `view` at `width` (never wider than the scan), decoded: from the bounded
/// in-memory cache, else the cached JPEG rendering ([`rendering`], made from the scan once)
/// decoded and kept. IIIF regions are cut from it, so a region never decodes the scan.
pub(super) fn decoded_rendering(
    room: &ReadingRoom,
    view: &PageView,
    width: u32,
) -> Result<Arc<DynamicImage>, Failure> {
    let key = format!("{}-w{width}", view.image_key);
    if let Some(image) = room.decoded.get(&key) {
        return Ok(image);
    }
    let bytes = rendering(room, view, width, Encoding::Jpeg)?;
    let image = image::load_from_memory(&bytes).map_err(|e| {
        tracing::error!("decoding a cached page image: {e}");
        Failure::Internal
    })?;
    let image = Arc::new(image);
    room.decoded.put(key, Arc::clone(&image));
    Ok(image)
}

/// The bytes the decoded renderings kept in memory may take together.
pub const DECODED_CACHE_BYTES: usize = 96 * 1024 * 1024;

/// Decoded renderings, the most recently used first, taking at most a number of bytes
/// together: what a viewer's tiles of the pages open now are cut from.
#[derive(Debug)]
pub struct DecodedCache {
    budget: usize,
    entries: Mutex<VecDeque<(String, Arc<DynamicImage>)>>,
}

impl DecodedCache {
    pub fn new(budget: usize) -> DecodedCache {
        DecodedCache {
            budget,
            entries: Mutex::new(VecDeque::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<(String, Arc<DynamicImage>)>> {
        // A panic while holding the lock leaves a consistent list: keep using it.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn get(&self, key: &str) -> Option<Arc<DynamicImage>> {
        let mut entries = self.lock();
        let at = entries.iter().position(|(k, _)| k == key)?;
        let entry = entries.remove(at)?;
        let image = Arc::clone(&entry.1);
        entries.push_front(entry);
        Some(image)
    }

    fn put(&self, key: String, image: Arc<DynamicImage>) {
        let size = image.as_bytes().len();
        if size > self.budget {
            return;
        }
        let mut entries = self.lock();
        entries.retain(|(k, _)| *k != key);
        entries.push_front((key, image));
        let mut total: usize = entries.iter().map(|(_, i)| i.as_bytes().len()).sum();
        while total > self.budget {
            let Some((_, dropped)) = entries.pop_back() else {
                break;
            };
            total -= dropped.as_bytes().len();
        }
    }
}

/// Writes a rendering to the cache; a cache that cannot be written only costs time.
fn store(dir: &FsPath, path: &PathBuf, bytes: &[u8]) {
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        let temp = path.with_extension(format!("tmp-{}", std::process::id()));
        std::fs::write(&temp, bytes)?;
        std::fs::rename(&temp, path)
    });
    if let Err(e) = written {
        tracing::warn!("page image cache {}: {e}", dir.display());
    }
}
