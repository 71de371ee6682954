//! Image API 3.0, level 1: each document page is an image service at `/iiif/{id}/{page}`.
//!
//! In: a document id, a page number (1-based) and an image request: a region (`full`,
//! `square` or `x,y,w,h` in the scan's pixels), a size (`max`, `w,`, `,h` or `w,h`, never
//! larger than the region: `^` is not offered), rotation `0`, quality `default`, format
//! `jpg` (or `webp` as an extra format). Out: `info.json` (the scan's size; `maxWidth` and
//! `maxHeight`, the size of the largest rendering served; the fixed sizes, which are the
//! reading room's widths ([`WIDTHS`]) and a thumbnail; tiles of [`TILE`] pixels) or the
//! image.
//!
//! Images are made from the renderings the reading room caches on disk
//! ([`crate::web::images`]), never from the scan itself on each request: a fixed size of
//! the whole page is the cached file; any other request is cut from the smallest cached
//! rendering fine enough for it, decoded once and kept in a small bounded in-memory cache.
//! The full-resolution scan stays in the archive (`sohoa get`): the largest rendering
//! served is [`MAX_WIDTH`] pixels wide, so a region asked for at more pixels than that
//! rendering holds for it is scaled up from it.
//!
//! The gate's `page` read is asked first on every request (it decides whether the page
//! exists for the visitor and records the use: a page view, or a thumbnail when the whole
//! page is asked for at a size where it cannot be read, [`is_thumbnail`]). A request that
//! cannot be parsed is refused (400) before the gate is asked, so it gets the same answer
//! for every id; one that does not fit the page (a region outside it, a size larger than
//! the region or than `maxWidth`/`maxHeight`) is refused (400) after the gate decided the
//! page exists for the visitor, and records nothing; an id the visitor may not see answers
//! like an unknown one (404).

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use image::imageops::FilterType;
use pipeline::gate::{PageUse, PageView};
use serde_json::{json, Value};

use super::{failure, json_ld, BaseUrl};
use crate::web::failure::{Answer, Failure};
use crate::web::images::{
    decoded_rendering, encode, page_number, rendering, viewed_page, Encoding, WIDTHS,
};
use crate::web::visitor::Visitor;
use crate::web::{blocking, ReadingRoom, State};

pub(super) use crate::web::images::served_size;

/// The JSON-LD context of Image API 3.0.
const IMAGE_CONTEXT: &str = "http://iiif.io/api/image/3/context.json";
/// The width of the largest rendering served (`maxWidth`, for a scan at least this wide).
pub(super) const MAX_WIDTH: u32 = WIDTHS[WIDTHS.len() - 1];
/// The longest side of a thumbnail: the whole page at this size or smaller (and at a
/// quarter of the scan or less) is recorded as a thumbnail, not as a page view
/// (docs/AUDITING.md).
pub(super) const THUMBNAIL_SIDE: u32 = 200;
/// The side of the tiles `info.json` offers.
const TILE: u32 = 512;

/// The image service of a page as a manifest names it.
pub(super) fn image_service(id: &str) -> Value {
    json!({ "id": id, "type": "ImageService3", "profile": "level1" })
}

/// The thumbnail of a scan of `width` × `height`: the whole page, its longer side at most
/// [`THUMBNAIL_SIDE`], never larger than the scan.
pub(super) fn thumbnail_size(width: u32, height: u32) -> (u32, u32) {
    let thumb_width = if width >= height {
        THUMBNAIL_SIDE
    } else {
        let w = u64::from(width) * u64::from(THUMBNAIL_SIDE) / u64::from(height.max(1));
        u32::try_from(w).unwrap_or(THUMBNAIL_SIDE).max(1)
    };
    served_size(width, height, thumb_width)
}

/// The fixed sizes a scan of `width` × `height` is served at (cached files), smallest
/// first, each once: the thumbnail and the reading room's widths.
fn sizes(width: u32, height: u32) -> Vec<(u32, u32)> {
    let mut sizes: Vec<(u32, u32)> = std::iter::once(thumbnail_size(width, height))
        .chain(WIDTHS.iter().map(|w| served_size(width, height, *w)))
        .collect();
    sizes.sort_unstable();
    sizes.dedup();
    sizes
}

/// The tiles' scale factors for a scan of `width` × `height`: 1, 2, 4, … until one tile
/// holds the whole page.
fn scale_factors(width: u32, height: u32) -> Vec<u32> {
    let longest = u64::from(width.max(height));
    let mut factors = vec![1u32];
    let mut factor = 1u32;
    while u64::from(TILE) * u64::from(factor) < longest && factor < 1 << 16 {
        factor *= 2;
        factors.push(factor);
    }
    factors
}

/// `GET /iiif/{id}/{page}`: the image service's base URI, sent on to its `info.json`.
pub async fn base(
    _visitor: Visitor,
    base: BaseUrl,
    Path((id, page)): Path<(String, String)>,
) -> Result<Response, Answer> {
    let page = page_number(&page).map_err(failure)?;
    let to = format!("{}/{page}/info.json", base.document(&id));
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response())
}

/// `GET /iiif/{id}/{page}/info.json`.
pub async fn info(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    base: BaseUrl,
    Path((id, page)): Path<(String, String)>,
) -> Result<Response, Answer> {
    let page = page_number(&page).map_err(failure)?;
    let service = format!("{}/{page}", base.document(&id));
    let view = viewed_page(&room, &visitor.principal, id, page)
        .await
        .map_err(failure)?;
    let (width, height) = (view.width.max(1), view.height.max(1));
    let sizes = sizes(width, height);
    let (max_width, max_height) = served_size(width, height, MAX_WIDTH);
    let body = json!({
        "@context": IMAGE_CONTEXT,
        "id": service,
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level1",
        "width": width,
        "height": height,
        "maxWidth": max_width,
        "maxHeight": max_height,
        "sizes": sizes.iter().map(|(w, h)| json!({ "width": w, "height": h })).collect::<Vec<_>>(),
        "tiles": [{ "width": TILE, "scaleFactors": scale_factors(width, height) }],
        "extraFormats": ["webp"],
    });
    Ok(json_ld(IMAGE_CONTEXT, &body))
}

/// A region parameter of level 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    /// `full`: the whole page.
    Full,
    /// `square`: the largest square at the page's centre.
    Square,
    /// `x,y,w,h` in the scan's pixels (`w`, `h` above 0).
    Pixels { x: u32, y: u32, w: u32, h: u32 },
}

/// A size parameter of level 1 (never `^`: upscaling is not offered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Size {
    /// `max`: the region as large as served (`maxWidth`, `maxHeight`), never larger than it.
    Max,
    /// `w,`: this width, the height in proportion.
    Width(u32),
    /// `,h`: this height, the width in proportion.
    Height(u32),
    /// `w,h`: exactly this size.
    Exact(u32, u32),
}

/// An image request, parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ImageRequest {
    region: Region,
    size: Size,
    encoding: Encoding,
}

/// A rectangle of the scan, in its pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rect {
    x: u32,
    y: u32,
    w: u32,
    h: u32,
}

/// What a request makes of a page: the rectangle of the scan it shows, and the size of the
/// image in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Plan {
    rect: Rect,
    out: (u32, u32),
}

fn unsupported(what: &str, value: &str, supported: &str) -> Failure {
    Failure::BadRequest(format!(
        "Tham số {what} {value:?} không được hỗ trợ (IIIF Image API mức 1: {supported})."
    ))
}

/// The numbers of `text` separated by commas (digits only, each fitting 32 bits), or
/// `None`.
fn numbers(text: &str) -> Option<Vec<u32>> {
    text.split(',')
        .map(|n| {
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            n.parse::<u32>().ok()
        })
        .collect()
}

fn parse_region(text: &str) -> Result<Region, Failure> {
    match text {
        "full" => return Ok(Region::Full),
        "square" => return Ok(Region::Square),
        _ => {}
    }
    let refuse = || {
        unsupported(
            "region",
            text,
            "full, square hoặc x,y,w,h là số nguyên không âm, w và h lớn hơn 0",
        )
    };
    match numbers(text).as_deref() {
        Some(&[x, y, w, h]) if w > 0 && h > 0 => Ok(Region::Pixels { x, y, w, h }),
        _ => Err(refuse()),
    }
}

fn parse_size(text: &str) -> Result<Size, Failure> {
    if text == "max" {
        return Ok(Size::Max);
    }
    if text.starts_with('^') {
        return Err(unsupported(
            "size",
            text,
            "không phóng to ảnh lớn hơn vùng được chọn; ^ không được hỗ trợ",
        ));
    }
    let refuse = || unsupported("size", text, "max, w,, ,h hoặc w,h là số nguyên lớn hơn 0");
    let (w, h) = text.split_once(',').ok_or_else(refuse)?;
    let number = |s: &str| -> Result<Option<u32>, Failure> {
        if s.is_empty() {
            return Ok(None);
        }
        match numbers(s).as_deref() {
            Some(&[n]) if n > 0 => Ok(Some(n)),
            _ => Err(refuse()),
        }
    };
    match (number(w)?, number(h)?) {
        (None, None) => Err(refuse()),
        (Some(w), None) => Ok(Size::Width(w)),
        (None, Some(h)) => Ok(Size::Height(h)),
        (Some(w), Some(h)) => Ok(Size::Exact(w, h)),
    }
}

/// A request's parameters, checked (before the gate is asked).
fn parse_request(
    region: &str,
    size: &str,
    rotation: &str,
    quality: &str,
) -> Result<ImageRequest, Failure> {
    let region = parse_region(region)?;
    let size = parse_size(size)?;
    if rotation != "0" {
        return Err(unsupported("rotation", rotation, "0"));
    }
    let (quality, format) = quality
        .rsplit_once('.')
        .ok_or_else(|| unsupported("quality.format", quality, "default.jpg, default.webp"))?;
    if quality != "default" {
        return Err(unsupported("quality", quality, "default"));
    }
    let encoding = match format {
        "jpg" => Encoding::Jpeg,
        "webp" => Encoding::Webp,
        other => return Err(unsupported("format", other, "jpg, webp")),
    };
    Ok(ImageRequest {
        region,
        size,
        encoding,
    })
}

/// `a * b / c` rounded down, at least 1, if it fits 32 bits.
fn scaled(a: u32, b: u32, c: u32) -> Option<u32> {
    let n = u64::from(a) * u64::from(b) / u64::from(c.max(1));
    u32::try_from(n.max(1)).ok()
}

/// What `request` makes of a scan of `width` × `height`, or why it cannot be served.
fn plan(request: &ImageRequest, width: u32, height: u32) -> Result<Plan, Failure> {
    let rect = match request.region {
        Region::Full => Rect {
            x: 0,
            y: 0,
            w: width,
            h: height,
        },
        Region::Square => {
            let side = width.min(height);
            Rect {
                x: (width - side) / 2,
                y: (height - side) / 2,
                w: side,
                h: side,
            }
        }
        Region::Pixels { x, y, w, h } => {
            if x >= width || y >= height {
                return Err(Failure::BadRequest(format!(
                    "Tham số region \"{x},{y},{w},{h}\" nằm ngoài ảnh ({width}×{height} điểm ảnh)."
                )));
            }
            Rect {
                x,
                y,
                w: w.min(width - x),
                h: h.min(height - y),
            }
        }
    };
    let (max_width, max_height) = served_size(width, height, MAX_WIDTH);
    let out = match request.size {
        Size::Max if rect.w <= max_width && rect.h <= max_height => Some((rect.w, rect.h)),
        // At `maxWidth` when the height then fits (the whole page: the largest fixed size),
        // else at `maxHeight`.
        Size::Max => scaled(rect.h, max_width, rect.w)
            .filter(|h| *h <= max_height)
            .map(|h| (max_width, h))
            .or_else(|| scaled(rect.w, max_height, rect.h).map(|w| (w, max_height))),
        Size::Width(w) => scaled(rect.h, w, rect.w).map(|h| (w, h)),
        Size::Height(h) => scaled(rect.w, h, rect.h).map(|w| (w, h)),
        Size::Exact(w, h) => Some((w, h)),
    };
    let too_large = || {
        Failure::BadRequest(format!(
            "Tham số size: ảnh không được lớn hơn vùng được chọn ({}×{} điểm ảnh; ^ không \
             được hỗ trợ) và không lớn hơn maxWidth×maxHeight ({max_width}×{max_height}).",
            rect.w, rect.h
        ))
    };
    let out = out.ok_or_else(too_large)?;
    if out.0 > rect.w || out.1 > rect.h || out.0 > max_width || out.1 > max_height {
        return Err(too_large());
    }
    Ok(Plan { rect, out })
}

/// Whether `plan` of a scan of `width` × `height` is a thumbnail: the whole page, its
/// longer side at most [`THUMBNAIL_SIDE`] and at most a quarter of the scan's. Anything
/// else (any part of a page, at any size) is a page view.
fn is_thumbnail(plan: &Plan, width: u32, height: u32) -> bool {
    let (w, h) = plan.out;
    plan.rect.w == width
        && plan.rect.h == height
        && w.max(h) <= THUMBNAIL_SIDE
        && u64::from(w) * 4 <= u64::from(width)
        && u64::from(h) * 4 <= u64::from(height)
}

/// The image `plan` asks of `view`, encoded: a fixed size of the whole page is the cached
/// rendering; anything else is cut from the smallest cached rendering holding at least
/// as many pixels for the region as asked (the largest when none does).
fn serve(
    room: &ReadingRoom,
    view: &PageView,
    plan: &Plan,
    encoding: Encoding,
) -> Result<Vec<u8>, Failure> {
    let (width, height) = (view.width.max(1), view.height.max(1));
    let sizes = sizes(width, height);
    let Plan { rect, out } = *plan;
    if rect.w == width && rect.h == height && sizes.contains(&out) {
        return rendering(room, view, out.0, encoding);
    }
    let needed = u64::from(out.0) * u64::from(width) / u64::from(rect.w.max(1));
    let source_width = sizes
        .iter()
        .map(|(w, _)| *w)
        .find(|w| u64::from(*w) >= needed)
        .unwrap_or(MAX_WIDTH);
    let source = decoded_rendering(room, view, source_width)?;
    let (sw, sh) = (source.width().max(1), source.height().max(1));
    // The region's edges in the rendering's pixels, to the nearest (a tile at the
    // rendering's own scale is then its pixels as they are, not resampled).
    let along = |at: u32, scan: u32, side: u32| -> u32 {
        let scan = u64::from(scan);
        let v = (u64::from(at) * u64::from(side) + scan / 2) / scan;
        u32::try_from(v).unwrap_or(side).min(side)
    };
    let x0 = along(rect.x, width, sw).min(sw - 1);
    let y0 = along(rect.y, height, sh).min(sh - 1);
    let x1 = along(rect.x + rect.w, width, sw).max(x0 + 1);
    let y1 = along(rect.y + rect.h, height, sh).max(y0 + 1);
    let cut = source.crop_imm(x0, y0, x1 - x0, y1 - y0);
    if (cut.width(), cut.height()) == out {
        encode(&cut, encoding)
    } else {
        encode(
            &cut.resize_exact(out.0, out.1, FilterType::Triangle),
            encoding,
        )
    }
}

/// `GET /iiif/{id}/{page}/{region}/{size}/{rotation}/{quality}.{format}`.
pub async fn image(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path((id, page, region, size, rotation, quality)): Path<(
        String,
        String,
        String,
        String,
        String,
        String,
    )>,
) -> Result<Response, Answer> {
    let request = parse_request(&region, &size, &rotation, &quality).map_err(failure)?;
    let page = page_number(&page).map_err(failure)?;
    let who = visitor.principal.clone();
    let bytes = blocking(&room, move |room| {
        let mut planned = None;
        let view =
            room.archive
                .reader(&who)
                .recording_every_read()
                .page_used(&id, page, |view| {
                    let (width, height) = (view.width.max(1), view.height.max(1));
                    let plan = plan(&request, width, height)?;
                    planned = Some(plan);
                    Ok::<_, Failure>(if is_thumbnail(&plan, width, height) {
                        PageUse::Thumbnail
                    } else {
                        PageUse::View
                    })
                })?;
        let plan = planned.ok_or(Failure::Internal)?;
        serve(room, &view, &plan, request.encoding)
    })
    .await
    .map_err(failure)?;
    Ok((
        [(header::CONTENT_TYPE, request.encoding.content_type())],
        bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn planned(region: &str, size: &str) -> Result<Plan, Failure> {
        plan(
            &parse_request(region, size, "0", "default.jpg")?,
            2480,
            3508,
        )
    }

    #[test]
    fn the_fixed_sizes_are_a_thumbnail_and_the_rendered_widths_never_wider_than_the_scan() {
        assert_eq!(
            sizes(2480, 3508),
            [(141, 199), (400, 565), (800, 1131), (1600, 2263)]
        );
        assert_eq!(
            sizes(1000, 1400),
            [(142, 198), (400, 560), (800, 1120), (1000, 1400)]
        );
        assert_eq!(
            sizes(3000, 2000),
            [(200, 133), (400, 266), (800, 533), (1600, 1066)]
        );
        assert_eq!(sizes(150, 100), [(150, 100)]);
        assert_eq!(scale_factors(2480, 3508), [1, 2, 4, 8]);
        assert_eq!(scale_factors(300, 500), [1]);
    }

    #[test]
    fn regions_and_sizes_are_cut_from_the_scan_and_never_enlarged() {
        let full = Rect {
            x: 0,
            y: 0,
            w: 2480,
            h: 3508,
        };
        assert_eq!(
            planned("full", "max").unwrap(),
            Plan {
                rect: full,
                out: (1600, 2263)
            }
        );
        assert_eq!(planned("full", "400,").unwrap().out, (400, 565));
        assert_eq!(planned("full", ",565").unwrap().out, (399, 565));
        let square = planned("square", "300,300").unwrap();
        assert_eq!(
            square.rect,
            Rect {
                x: 0,
                y: 514,
                w: 2480,
                h: 2480
            }
        );
        let tile = planned("1024,2048,512,512", "512,512").unwrap();
        assert_eq!(tile.out, (512, 512));
        // A region past the edge is cut at it; its size follows.
        let edge = planned("2048,3072,512,512", "max").unwrap();
        assert_eq!(
            edge.rect,
            Rect {
                x: 2048,
                y: 3072,
                w: 432,
                h: 436
            }
        );
        assert_eq!(edge.out, (432, 436));
        assert_eq!(planned("0,0,100,100", "max").unwrap().out, (100, 100));
        for (region, size) in [
            ("0,0,100,100", "101,"),
            ("0,0,100,100", "100,101"),
            ("full", "1601,"),
            ("full", ",2264"),
            ("full", "2480,3508"),
            ("2480,0,10,10", "max"),
            ("0,3508,10,10", "max"),
            ("full", "4294967295,"),
            ("0,0,1,1", ",4294967295"),
        ] {
            assert!(planned(region, size).is_err(), "{region}/{size}");
        }
    }

    #[test]
    fn only_the_whole_page_small_and_shrunk_is_a_thumbnail() {
        let thumb = |region: &str, size: &str, w: u32, h: u32| {
            let p = plan(
                &parse_request(region, size, "0", "default.jpg").unwrap(),
                w,
                h,
            )
            .unwrap();
            is_thumbnail(&p, w, h)
        };
        assert!(thumb("full", "141,199", 2480, 3508));
        assert!(thumb("full", ",120", 2480, 3508));
        assert!(!thumb("full", "400,", 2480, 3508));
        assert!(!thumb("0,0,620,877", "141,199", 2480, 3508));
        assert!(!thumb("square", "100,100", 2480, 3508));
        // A small scan at its own size is read as it is.
        assert!(!thumb("full", "max", 150, 200));
        assert!(!thumb("full", "100,", 300, 400));
    }

    #[test]
    fn requests_outside_level_1_are_refused_naming_the_parameter() {
        assert!(parse_request("full", "max", "0", "default.jpg").is_ok());
        assert!(parse_request("square", "^max", "0", "default.jpg").is_err());
        assert_eq!(
            parse_request("full", "max", "0", "default.webp")
                .unwrap()
                .encoding,
            Encoding::Webp
        );
        for (r, s, o, q, named) in [
            ("pct:10,10,10,10", "max", "0", "default.jpg", "region"),
            ("0,0,0,10", "max", "0", "default.jpg", "region"),
            ("-1,0,10,10", "max", "0", "default.jpg", "region"),
            ("0,0,10", "max", "0", "default.jpg", "region"),
            ("0,0,99999999999,10", "max", "0", "default.jpg", "region"),
            ("full", "^max", "0", "default.jpg", "size"),
            ("full", "^800,", "0", "default.jpg", "size"),
            ("full", "!800,800", "0", "default.jpg", "size"),
            ("full", "pct:50", "0", "default.jpg", "size"),
            ("full", "0,", "0", "default.jpg", "size"),
            ("full", "-1,", "0", "default.jpg", "size"),
            ("full", ",", "0", "default.jpg", "size"),
            ("full", "800", "0", "default.jpg", "size"),
            ("full", "99999999999,", "0", "default.jpg", "size"),
            ("full", "max", "90", "default.jpg", "rotation"),
            ("full", "max", "!0", "default.jpg", "rotation"),
            ("full", "max", "0", "gray.jpg", "quality"),
            ("full", "max", "0", "default.png", "format"),
            ("full", "max", "0", "default", "quality.format"),
        ] {
            match parse_request(r, s, o, q) {
                Err(Failure::BadRequest(m)) => {
                    assert!(m.contains(&format!("Tham số {named} ")), "{m}");
                }
                other => panic!("{r}/{s}/{o}/{q}: {other:?}"),
            }
        }
    }
}
