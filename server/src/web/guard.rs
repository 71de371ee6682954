//! What every response carries and what every form submission must show.
//!
//! In: each request and its response. Out: security headers on every response (a
//! Content-Security-Policy allowing only this server's own scripts, styles and images, no
//! framing, no MIME sniffing, no referrer to other sites, no caching of what a user read),
//! and a refusal of state-changing requests another site's page sent (the browser's
//! `Sec-Fetch-Site` says so, or, from browsers without it, the `Origin` or `Referer` names
//! another host).

use axum::extract::Request;
use axum::http::header::{self, HeaderValue};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use super::failure::{is_api, Answer, Failure};

const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
     img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Adds the security headers to every response.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let is_asset = request.uri().path().starts_with("/assets/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let mut set = |name: header::HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    // Not `no-referrer`: with it, browsers send `Origin: null` on this site's own forms.
    set(header::REFERRER_POLICY, "same-origin");
    set(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    if is_asset {
        set(header::CACHE_CONTROL, "public, max-age=3600");
    } else {
        set(header::CACHE_CONTROL, "no-store");
    }
    // IIIF answers set their own (images embedded by viewers on other origins).
    headers
        .entry(header::HeaderName::from_static(
            "cross-origin-resource-policy",
        ))
        .or_insert(HeaderValue::from_static("same-origin"));
    response
}

/// Refuses a POST that another site's page sent.
pub async fn same_origin_posts(request: Request, next: Next) -> Response {
    if request.method() == Method::POST && !from_this_site(&request) {
        return Answer {
            failure: Failure::Forbidden("Yêu cầu đến từ một trang khác đã bị từ chối.".into()),
            api: is_api(request.uri()),
        }
        .into_response();
    }
    next.run(request).await
}

fn from_this_site(request: &Request) -> bool {
    let headers = request.headers();
    // Browsers since 2020 say where a request comes from; `none` is the user's own action
    // (typed, bookmarked), which carries no cross-site intent.
    if let Some(site) = headers.get("sec-fetch-site").and_then(|h| h.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let origin = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|h| h.to_str().ok());
    match origin {
        // Without either header the request did not come from a web page of another
        // site (browsers send Origin on cross-site POSTs); forms still need the token.
        None => true,
        Some("null") => false,
        Some(url) => url
            .split_once("://")
            .map(|(_, rest)| rest.split('/').next().unwrap_or(""))
            .is_some_and(|authority| authority.eq_ignore_ascii_case(host)),
    }
}

use axum::response::IntoResponse;
