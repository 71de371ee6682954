//! Image API 3.0, level 0: each document page is an image service at `/iiif/{id}/{page}`,
//! with the sizes the reading room already renders (the widths of [`WIDTHS`], never wider
//! than the scan).
//!
//! In: a document id, a page number (1-based) and an image request (`full` region, a size
//! of `sizes` as `w,h`, `w,` or `,h`, or `max`; rotation `0`; quality `default`; format
//! `jpg`, or `webp` as an extra format). Out: `info.json` (the scan's size, the sizes
//! served, `maxWidth`/`maxHeight`) or the image, rendered and cached like the reading
//! room's page images ([`crate::web::images`]); the gate's `page` read is asked first on
//! every request (it decides whether the page exists for the visitor and records the
//! view). A request that is not one of these is refused (400) before the gate is asked, so
//! it gets the same answer for every id; an id the visitor may not see answers like an
//! unknown one (404). Regions (level 1) are not served: each would decode the whole scan
//! again (the benchmark's first view of a page, `benches/RESULTS.md`), where level 0 is a
//! cached file.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::{failure, json_ld, BaseUrl};
use crate::web::failure::{Answer, Failure};
use crate::web::images::{page_number, rendering, viewed_page, Encoding, WIDTHS};
use crate::web::visitor::Visitor;
use crate::web::{blocking, State};

pub(super) use crate::web::images::served_size;

/// The JSON-LD context of Image API 3.0.
const IMAGE_CONTEXT: &str = "http://iiif.io/api/image/3/context.json";
/// The largest width served (`max`).
pub(super) const MAX_WIDTH: u32 = WIDTHS[WIDTHS.len() - 1];
/// The width of thumbnails.
pub(super) const THUMBNAIL_WIDTH: u32 = WIDTHS[0];

/// The image service of a page as a manifest names it.
pub(super) fn image_service(id: &str) -> Value {
    json!({ "id": id, "type": "ImageService3", "profile": "level0" })
}

/// The sizes a scan of `width` × `height` is served at, smallest first, each once.
fn sizes(width: u32, height: u32) -> Vec<(u32, u32)> {
    let mut sizes: Vec<(u32, u32)> = WIDTHS
        .iter()
        .map(|w| served_size(width, height, *w))
        .collect();
    sizes.dedup();
    sizes
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
    let (max_width, max_height) = sizes[sizes.len() - 1];
    let body = json!({
        "@context": IMAGE_CONTEXT,
        "id": service,
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level0",
        "width": width,
        "height": height,
        "maxWidth": max_width,
        "maxHeight": max_height,
        "sizes": sizes.iter().map(|(w, h)| json!({ "width": w, "height": h })).collect::<Vec<_>>(),
        "extraFormats": ["webp"],
    });
    Ok(json_ld(IMAGE_CONTEXT, &body))
}

/// A size parameter of level 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Size {
    /// `max`: the largest size served.
    Max,
    /// `w,h`, `w,` or `,h`: one of the sizes served.
    Exact(Option<u32>, Option<u32>),
}

fn unsupported(what: &str, value: &str, supported: &str) -> Failure {
    Failure::BadRequest(format!(
        "Tham số {what} {value:?} không được hỗ trợ (IIIF Image API mức 0: {supported})."
    ))
}

fn parse_size(text: &str) -> Result<Size, Failure> {
    if text == "max" {
        return Ok(Size::Max);
    }
    let refuse = || {
        unsupported(
            "size",
            text,
            "max, w,h, w, hoặc ,h trong sizes của info.json",
        )
    };
    let (w, h) = text.split_once(',').ok_or_else(refuse)?;
    let number = |s: &str| -> Result<Option<u32>, Failure> {
        if s.is_empty() {
            return Ok(None);
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(refuse());
        }
        s.parse::<u32>().map(Some).map_err(|_| refuse())
    };
    match (number(w)?, number(h)?) {
        (None, None) => Err(refuse()),
        (w, h) => Ok(Size::Exact(w, h)),
    }
}

/// The width of [`WIDTHS`] rendering `size` of a scan of `width` × `height`, if served.
fn served_width(size: Size, width: u32, height: u32) -> Option<u32> {
    match size {
        Size::Max => Some(MAX_WIDTH),
        Size::Exact(w, h) => WIDTHS.iter().copied().find(|candidate| {
            let (sw, sh) = served_size(width, height, *candidate);
            w.is_none_or(|w| w == sw) && h.is_none_or(|h| h == sh)
        }),
    }
}

/// A request's region, rotation, quality and format, checked (before the gate is asked).
fn parse_request(
    region: &str,
    size: &str,
    rotation: &str,
    quality: &str,
) -> Result<(Size, Encoding), Failure> {
    if region != "full" {
        return Err(unsupported("region", region, "full"));
    }
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
    Ok((size, encoding))
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
    let (size, encoding) = parse_request(&region, &size, &rotation, &quality).map_err(failure)?;
    let page = page_number(&page).map_err(failure)?;
    let who = visitor.principal.clone();
    let bytes = blocking(&room, move |room| {
        let view = room
            .archive
            .reader(&who)
            .recording_every_read()
            .page(&id, page)?;
        let width = served_width(size, view.width.max(1), view.height.max(1)).ok_or_else(|| {
            Failure::BadRequest(
                "Kích thước này không có trong sizes của info.json (IIIF Image API mức 0).".into(),
            )
        })?;
        rendering(room, &view, width, encoding)
    })
    .await
    .map_err(failure)?;
    Ok(([(header::CONTENT_TYPE, encoding.content_type())], bytes).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_the_rendered_widths_never_wider_than_the_scan() {
        assert_eq!(sizes(2480, 3508), [(400, 565), (800, 1131), (1600, 2263)]);
        assert_eq!(sizes(1000, 1400), [(400, 560), (800, 1120), (1000, 1400)]);
        assert_eq!(sizes(300, 500), [(300, 500)]);
    }

    #[test]
    fn a_size_is_served_only_when_listed() {
        let exact = |t: &str| served_width(parse_size(t).unwrap(), 2480, 3508);
        assert_eq!(exact("max"), Some(1600));
        assert_eq!(exact("800,1131"), Some(800));
        assert_eq!(exact("400,"), Some(400));
        assert_eq!(exact(",2263"), Some(1600));
        assert_eq!(exact("801,"), None);
        assert_eq!(exact("800,1130"), None);
        assert_eq!(
            served_width(parse_size("1000,").unwrap(), 1000, 1400),
            Some(1600)
        );
        for bad in ["", ",", "pct:50", "!800,800", "^max", "800", "a,b", "-1,"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_level_0_requests_are_accepted() {
        assert!(parse_request("full", "max", "0", "default.jpg").is_ok());
        assert_eq!(
            parse_request("full", "max", "0", "default.webp").unwrap().1,
            Encoding::Webp
        );
        for (r, s, o, q) in [
            ("0,0,10,10", "max", "0", "default.jpg"),
            ("square", "max", "0", "default.jpg"),
            ("full", "max", "90", "default.jpg"),
            ("full", "max", "!0", "default.jpg"),
            ("full", "max", "0", "gray.jpg"),
            ("full", "max", "0", "default.png"),
            ("full", "max", "0", "default"),
        ] {
            assert!(parse_request(r, s, o, q).is_err(), "{r}/{s}/{o}/{q}");
        }
    }
}
