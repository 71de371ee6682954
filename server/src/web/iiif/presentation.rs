//! Presentation API 3.0: a manifest per document, a collection per hồ sơ, per phông and of
//! all phông.
//!
//! In: a document id (a hồ sơ object id, a phông code) and the visitor. Out: the manifest —
//! one canvas per page at the scan's size in pixels with the page's image service (Image
//! API 3.0 level 1, [`super::image`]) and a thumbnail too small to read, the catalog
//! record as `metadata` with the field names of Thông tư 05/2025, the access PDF as a
//! `rendering` when the visitor may take it, a `requiredStatement` naming the archive, the
//! search services ([`super::search`]) — or a collection listing only what the visitor may
//! see. The document is read through the gate's `show` (recorded like the document view's
//! opening of it); collections through its list of the documents the visitor may see.

use std::collections::BTreeMap;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use pipeline::gate::{DocumentListing, DocumentShow};
use serde_json::{json, Value};

use super::image::{image_service, served_size, thumbnail_size};
use super::{failure, json_ld, segment, vi, BaseUrl, Caller, PRESENTATION_CONTEXT};
use crate::web::failure::{Answer, Failure};
use crate::web::pages::{display_title, document_code, record_rows};
use crate::web::visitor::Visitor;
use crate::web::{blocking, State};

/// `GET /iiif/{id}/manifest`.
pub async fn manifest(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    base: BaseUrl,
    Path(id): Path<String>,
) -> Result<Response, Answer> {
    let who = visitor.principal.clone();
    let (shown, pdf) = blocking(&room, move |room| {
        let reader = room.archive.reader(&who).recording_every_read();
        let shown = reader.show_readable(&id)?;
        let pdf = reader.may_take_access_copy(&id)?;
        Ok((shown, pdf))
    })
    .await
    .map_err(failure)?;
    let body = manifest_json(&base, &shown, pdf, room.institution.as_deref());
    Ok(json_ld(PRESENTATION_CONTEXT, &body))
}

/// The manifest of `shown`; `pdf`: the visitor may take its access copy.
fn manifest_json(
    base: &BaseUrl,
    shown: &DocumentShow,
    pdf: bool,
    institution: Option<&str>,
) -> Value {
    let doc = base.document(&shown.id);
    let canvases: Vec<Value> = shown
        .pages
        .iter()
        .map(|p| {
            let n = u32::try_from(p.number).unwrap_or(u32::MAX);
            canvas(&doc, n, p.width.max(1), p.height.max(1))
        })
        .collect();
    let mut metadata = vec![entry("Hộp", &shown.box_name), entry("Hồ sơ", &shown.hoso)];
    metadata.extend(
        record_rows(&shown.metadata)
            .iter()
            .map(|(l, v)| entry(l, v)),
    );
    let mut manifest = json!({
        "@context": PRESENTATION_CONTEXT,
        "id": format!("{doc}/manifest"),
        "type": "Manifest",
        "label": vi(display_title(&shown.summary.title)),
        "metadata": metadata,
        "requiredStatement": {
            "label": vi("Nguồn"),
            "value": vi(format!("{}. {}", archive_name(shown, institution), document_code(shown))),
        },
        "homepage": [{
            "id": base.join(&format!("/documents/{}", segment(&shown.id))),
            "type": "Text",
            "label": vi("Xem trong phòng đọc"),
            "format": "text/html",
            "language": ["vi"],
        }],
        "partOf": [{
            "id": hoso_collection_id(base, &shown.object),
            "type": "Collection",
        }],
        "service": search_services(&doc),
        "items": canvases,
    });
    if let Some(first) = shown.pages.first() {
        manifest["thumbnail"] =
            json!([thumbnail(&doc, 1, first.width.max(1), first.height.max(1))]);
    }
    if pdf {
        manifest["rendering"] = json!([{
            "id": base.join(&format!("/documents/{}/pdf", segment(&shown.id))),
            "type": "Text",
            "label": vi("Bản PDF (PDF/A)"),
            "format": "application/pdf",
        }]);
    }
    manifest
}

/// The name of the archive holding `shown`: `--institution`, else its mã cơ quan lưu trữ
/// (the first part of the mã hồ sơ).
fn archive_name(shown: &DocumentShow, institution: Option<&str>) -> String {
    if let Some(name) = institution {
        return name.to_string();
    }
    let code = shown
        .metadata
        .ma_ho_so
        .as_ref()
        .and_then(|m| m.value.split('.').next().map(str::to_string))
        .filter(|c| !c.is_empty());
    match code {
        Some(code) => format!("Cơ quan lưu trữ mã {code}"),
        None => "Cơ quan lưu trữ".to_string(),
    }
}

fn entry(label: &str, value: &str) -> Value {
    json!({ "label": vi(label), "value": vi(value) })
}

/// Canvas `n` of the document whose IIIF prefix is `doc`: the scan's size, its image.
fn canvas(doc: &str, n: u32, width: u32, height: u32) -> Value {
    let id = canvas_id(doc, n);
    let service = format!("{doc}/{n}");
    let (w, h) = served_size(width, height, super::image::MAX_WIDTH);
    json!({
        "id": id,
        "type": "Canvas",
        "label": vi(format!("Trang {n}")),
        "width": width,
        "height": height,
        "thumbnail": [thumbnail(doc, n, width, height)],
        "items": [{
            "id": format!("{id}/page"),
            "type": "AnnotationPage",
            "items": [{
                "id": format!("{id}/page/image"),
                "type": "Annotation",
                "motivation": "painting",
                "target": id,
                "body": {
                    "id": format!("{service}/full/{w},{h}/0/default.jpg"),
                    "type": "Image",
                    "format": "image/jpeg",
                    "width": w,
                    "height": h,
                    "service": [image_service(&service)],
                },
            }],
        }],
    })
}

/// The id of canvas `n` of the document whose IIIF prefix is `doc`.
pub(super) fn canvas_id(doc: &str, n: u32) -> String {
    format!("{doc}/canvas/{n}")
}

fn thumbnail(doc: &str, n: u32, width: u32, height: u32) -> Value {
    let service = format!("{doc}/{n}");
    let (w, h) = thumbnail_size(width, height);
    json!({
        "id": format!("{service}/full/{w},{h}/0/default.jpg"),
        "type": "Image",
        "format": "image/jpeg",
        "width": w,
        "height": h,
        "service": [image_service(&service)],
    })
}

/// The Content Search services of a document (2.0, and 1.0 for Mirador), each with its
/// autocomplete.
fn search_services(doc: &str) -> Value {
    json!([
        {
            "id": format!("{doc}/search"),
            "type": "SearchService2",
            "service": [{ "id": format!("{doc}/autocomplete"), "type": "AutoCompleteService2" }],
        },
        {
            "@id": format!("{doc}/search1"),
            "@type": "SearchService1",
            "profile": "http://iiif.io/api/search/1/search",
            "service": [{
                "@id": format!("{doc}/autocomplete1"),
                "@type": "AutoCompleteService1",
                "profile": "http://iiif.io/api/search/1/autocomplete",
            }],
        },
    ])
}

fn hoso_collection_id(base: &BaseUrl, object: &str) -> String {
    base.join(&format!("/iiif/hoso/{}/collection", segment(object)))
}

/// The path segment of a phông code (`_` for documents without one).
fn fonds_segment(code: &str) -> String {
    if code.is_empty() {
        "_".to_string()
    } else {
        segment(code)
    }
}

fn fonds_collection_id(base: &BaseUrl, code: &str) -> String {
    base.join(&format!("/iiif/phong/{}/collection", fonds_segment(code)))
}

fn fonds_label(code: &str) -> String {
    if code.is_empty() {
        "Phông (chưa xác định)".to_string()
    } else {
        format!("Phông {code}")
    }
}

/// A collection request: the documents the visitor may see (the gate's list), and where
/// the server is.
pub struct Listed {
    base: BaseUrl,
    docs: Vec<DocumentListing>,
}

impl FromRequestParts<State> for Listed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, room: &State) -> Result<Self, Response> {
        let Caller { visitor, base } = Caller::of(parts, room).await?;
        let who = visitor.principal;
        let docs = blocking(room, move |room| {
            Ok(room.archive.reader(&who).documents()?)
        })
        .await
        .map_err(|f| failure(f).into_response())?;
        Ok(Listed { base, docs })
    }
}

fn collection(id: &str, label: &Value, items: &[Value], part_of: Option<String>) -> Value {
    let mut c = json!({
        "@context": PRESENTATION_CONTEXT,
        "id": id,
        "type": "Collection",
        "label": label,
        "items": items,
    });
    if let Some(parent) = part_of {
        c["partOf"] = json!([{ "id": parent, "type": "Collection" }]);
    }
    c
}

/// The hồ sơ of `docs` (by object), in listing order, each with its documents.
fn by_hoso<'a>(docs: impl Iterator<Item = &'a DocumentListing>) -> Vec<Vec<&'a DocumentListing>> {
    let mut order: Vec<&str> = Vec::new();
    let mut groups: BTreeMap<&str, Vec<&DocumentListing>> = BTreeMap::new();
    for d in docs {
        let group = groups.entry(d.object.as_str()).or_default();
        if group.is_empty() {
            order.push(d.object.as_str());
        }
        group.push(d);
    }
    order.into_iter().filter_map(|o| groups.remove(o)).collect()
}

fn hoso_label(d: &DocumentListing) -> Value {
    vi(format!("Hồ sơ {} (hộp {})", d.hoso, d.box_name))
}

/// `GET /iiif/collection`: a collection of every phông the visitor sees a document of.
pub async fn top_collection(Listed { base, docs }: Listed) -> Result<Response, Answer> {
    let mut fonds: Vec<&str> = docs.iter().map(|d| d.fonds.as_str()).collect();
    fonds.sort_unstable();
    fonds.dedup();
    let items: Vec<Value> = fonds
        .iter()
        .map(|code| json!({ "id": fonds_collection_id(&base, code), "type": "Collection", "label": vi(fonds_label(code)) }))
        .collect();
    let body = collection(
        &base.join("/iiif/collection"),
        &vi("Các phông lưu trữ"),
        &items,
        None,
    );
    Ok(json_ld(PRESENTATION_CONTEXT, &body))
}

/// `GET /iiif/phong/{code}/collection`: the hồ sơ of a phông the visitor sees a document
/// of; a phông without one answers like an unknown one.
pub async fn fonds_collection(
    Listed { base, docs }: Listed,
    Path(code): Path<String>,
) -> Result<Response, Answer> {
    let code = if code == "_" { String::new() } else { code };
    let hosos = by_hoso(docs.iter().filter(|d| d.fonds == code));
    if hosos.is_empty() {
        return Err(failure(Failure::NotFound));
    }
    let items: Vec<Value> = hosos
        .iter()
        .map(|group| {
            let first = group[0];
            json!({ "id": hoso_collection_id(&base, &first.object), "type": "Collection", "label": hoso_label(first) })
        })
        .collect();
    let body = collection(
        &fonds_collection_id(&base, &code),
        &vi(fonds_label(&code)),
        &items,
        Some(base.join("/iiif/collection")),
    );
    Ok(json_ld(PRESENTATION_CONTEXT, &body))
}

/// `GET /iiif/hoso/{object}/collection`: the documents of a hồ sơ the visitor may see; a
/// hồ sơ without one answers like an unknown one.
pub async fn hoso_collection(
    Listed { base, docs }: Listed,
    Path(object): Path<String>,
) -> Result<Response, Answer> {
    let listed: Vec<&DocumentListing> = docs.iter().filter(|d| d.object == object).collect();
    let Some(first) = listed.first() else {
        return Err(failure(Failure::NotFound));
    };
    let items: Vec<Value> = listed
        .iter()
        .map(|d| {
            json!({
                "id": format!("{}/manifest", base.document(&d.id)),
                "type": "Manifest",
                "label": vi(display_title(&d.title)),
            })
        })
        .collect();
    let body = collection(
        &hoso_collection_id(&base, &object),
        &hoso_label(first),
        &items,
        Some(fonds_collection_id(&base, &first.fonds)),
    );
    Ok(json_ld(PRESENTATION_CONTEXT, &body))
}
