//! IIIF, so standard viewers (Mirador, Universal Viewer) open the archive: Presentation API
//! 3.0 manifests and collections ([`presentation`]), Image API 3.0 level 1 page images
//! ([`image`]), Content Search API 2.0 and 1.0 with autocomplete ([`search`]).
//!
//! In: requests under `/iiif/` from a signed-in visitor (session cookie or bearer token).
//! Out: JSON-LD built from what the gate answers for the visitor's principal (the same reads
//! as the document view and the page images: `show`, `page`, `documents`), and JPEG/WebP
//! page renderings. A document the visitor may not see answers exactly like an unknown id
//! (the JSON 404 of the API) on every route. Responses carry CORS headers for viewers on
//! other origins: `Access-Control-Allow-Origin: *` without credentials, so another site's
//! page can read them only with a bearer token it holds, never with the visitor's cookie
//! (which is `SameSite=Strict` as well).

mod image;
mod presentation;
mod search;

use std::fmt::Write as _;

use axum::extract::{FromRequestParts, Request};
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::failure::{Answer, Failure};
use super::visitor::Visitor;
use super::State;

/// The JSON-LD context of Presentation API 3.0.
const PRESENTATION_CONTEXT: &str = "http://iiif.io/api/presentation/3/context.json";

/// The IIIF routes.
pub fn routes() -> Router<State> {
    Router::new()
        .route("/iiif/collection", get(presentation::top_collection))
        .route(
            "/iiif/phong/{code}/collection",
            get(presentation::fonds_collection),
        )
        .route(
            "/iiif/hoso/{object}/collection",
            get(presentation::hoso_collection),
        )
        .route("/iiif/{id}/manifest", get(presentation::manifest))
        .route("/iiif/{id}/search", get(search::search_v2))
        .route("/iiif/{id}/autocomplete", get(search::autocomplete_v2))
        .route("/iiif/{id}/search1", get(search::search_v1))
        .route("/iiif/{id}/autocomplete1", get(search::autocomplete_v1))
        .route("/iiif/{id}/{page}", get(image::base))
        .route("/iiif/{id}/{page}/info.json", get(image::info))
        .route(
            "/iiif/{id}/{page}/{region}/{size}/{rotation}/{quality}",
            get(image::image),
        )
        .layer(axum::middleware::from_fn(cors))
}

/// CORS for viewers on other origins: a preflight is answered here (GET, with an
/// `Authorization` header), and every answer may be read by any origin without
/// credentials. Images may be embedded across origins.
async fn cors(request: Request, next: Next) -> Response {
    let mut response = if request.method() == Method::OPTIONS {
        let mut r = StatusCode::NO_CONTENT.into_response();
        let h = r.headers_mut();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, OPTIONS"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("Authorization, Accept"),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        r
    } else {
        next.run(request).await
    };
    let h = response.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("cross-origin"),
    );
    response
}

/// The scheme and host every IIIF id starts with: the request's `Host` (as the client
/// reached the server), over HTTPS when the server serves TLS or sits behind a TLS proxy
/// (`--secure-cookies`).
#[derive(Debug, Clone)]
pub struct BaseUrl(String);

impl BaseUrl {
    fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    /// The manifest of document `id`, and the prefix of everything else of it.
    fn document(&self, id: &str) -> String {
        self.join(&format!("/iiif/{}", segment(id)))
    }
}

impl FromRequestParts<State> for BaseUrl {
    type Rejection = Answer;

    async fn from_request_parts(parts: &mut Parts, room: &State) -> Result<Self, Self::Rejection> {
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| {
                !h.is_empty()
                    && h.len() <= 255
                    && h.chars().all(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')
                    })
            })
            .ok_or_else(|| Answer {
                failure: Failure::BadRequest("Thiếu hoặc sai tiêu đề Host.".into()),
                api: true,
            })?;
        let scheme = if room.secure_cookies { "https" } else { "http" };
        Ok(BaseUrl(format!("{scheme}://{host}")))
    }
}

/// Who asks (signed in) and where the server is: what every IIIF answer starts from.
pub struct Caller {
    visitor: Visitor,
    base: BaseUrl,
}

impl Caller {
    async fn of(parts: &mut Parts, room: &State) -> Result<Caller, Response> {
        let visitor = Visitor::from_request_parts(parts, room)
            .await
            .map_err(IntoResponse::into_response)?;
        let base = BaseUrl::from_request_parts(parts, room)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Caller { visitor, base })
    }
}

/// `text` as one URL path segment (ids are ULIDs and codes are short; anything else is
/// percent-encoded).
fn segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A JSON-LD answer with the media type of `context`.
fn json_ld(context: &'static str, body: &serde_json::Value) -> Response {
    let media = format!("application/ld+json;profile=\"{context}\"");
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_str(&media)
                .unwrap_or_else(|_| HeaderValue::from_static("application/ld+json")),
        )],
        body.to_string(),
    )
        .into_response()
}

/// A failure of a IIIF route: JSON, like the API's.
fn failure(failure: Failure) -> Answer {
    Answer { failure, api: true }
}

/// A language map in Vietnamese (`{"vi": [text]}`).
fn vi(text: impl Into<String>) -> serde_json::Value {
    serde_json::json!({ "vi": [text.into()] })
}
