//! The reading room's HTML pages: sign-in and sign-out, search, a document with its scan
//! (or, when its content needs a grant, its record and the way to request it), the access
//! PDF, browse, the user's access history and account. Reading requests are
//! [`super::request_pages`]'s.
//!
//! In: requests from a signed-in [`Visitor`] (sign-in excepted) and their forms and query
//! parameters. Out: HTML built by [`super::layout`] from what the gate answers for the
//! visitor's principal; every read goes through `Archive::reader(principal)` recording
//! every read, and the handlers add no access rule of their own.

use std::collections::BTreeMap;

use axum::extract::{ConnectInfo, FromRequestParts, Path, Query};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use maud::{html, Markup, PreEscaped};
use pipeline::gate::{DocumentShow, PageView};
use pipeline::index::SearchResults;
use serde::Deserialize;

use super::failure::{Answer, Failure};
use super::layout::page;
use super::search_params::SearchParams;
use super::visitor::{cleared_cookie, see_other, session_cookie, session_secret, Visitor};
use super::{blocking, hits, State};
use crate::accounts::{SignIn, LOCKOUT_MINUTES};

type Html = Result<Markup, Answer>;

pub(super) fn html_failure(failure: Failure) -> Answer {
    Answer {
        failure,
        api: false,
    }
}

/// The client's address, as the listener saw it ("unknown" in tests without a socket).
pub struct ClientAddress(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(
            parts
                .extensions
                .get::<ConnectInfo<super::PeerAddr>>()
                .map_or_else(|| "unknown".to_string(), |c| c.0 .0.ip().to_string()),
        ))
    }
}

// ---- sign-in ----

/// The sign-in form (`username`, `password`).
pub async fn login_form() -> Markup {
    login_page(None)
}

fn login_page(error: Option<&str>) -> Markup {
    page(
        "Đăng nhập",
        None,
        &html! {
            h1 { "Đăng nhập" }
            @if let Some(e) = error { p.error role="alert" { (e) } }
            form method="post" action="/login" {
                p { label { "Tên đăng nhập " input type="text" name="username" autocomplete="username" required; } }
                p { label { "Mật khẩu " input type="password" name="password" autocomplete="current-password" required; } }
                p { button type="submit" { "Đăng nhập" } }
            }
        },
    )
}

#[derive(Deserialize)]
pub struct LoginForm {
    username: String,
    password: String,
}

/// A sign-in attempt: a new session (never one the browser brought: no fixation), or the
/// same refusal for a wrong name or password, or a lockout.
pub async fn login(
    axum::extract::State(room): axum::extract::State<State>,
    ClientAddress(address): ClientAddress,
    Form(form): Form<LoginForm>,
) -> Response {
    let name = form.username.trim().to_string();
    let outcome = blocking(&room, move |room| {
        let outcome = room.accounts.sign_in(&name, &form.password, &address)?;
        let action = match &outcome {
            SignIn::Accepted(_) => "sign-in",
            SignIn::Refused => "sign-in-failed",
            SignIn::LockedOut => "sign-in-locked-out",
        };
        let who: String = name.chars().take(64).collect();
        room.archive
            .audit()
            .append(
                &who,
                action,
                None,
                serde_json::json!({ "address": address }),
            )
            .map_err(Failure::from)?;
        let started = match &outcome {
            SignIn::Accepted(account) => Some(room.accounts.start_session(account, &address)?),
            _ => None,
        };
        Ok((outcome, started))
    })
    .await;
    match outcome {
        Ok((SignIn::Accepted(account), Some((secret, _)))) => {
            let to = if account.must_change_password {
                "/account"
            } else {
                "/"
            };
            see_other(to, Some(session_cookie(&secret, room.secure_cookies)))
        }
        Ok((SignIn::LockedOut, _)) => (
            StatusCode::TOO_MANY_REQUESTS,
            login_page(Some(&format!(
                "Đăng nhập sai quá nhiều lần. Hãy thử lại sau {LOCKOUT_MINUTES} phút."
            ))),
        )
            .into_response(),
        Ok(_) => (
            StatusCode::UNAUTHORIZED,
            login_page(Some("Tên đăng nhập hoặc mật khẩu không đúng.")),
        )
            .into_response(),
        Err(failure) => html_failure(failure).into_response(),
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    pub(super) csrf: String,
}

/// Sign-out: the session ends and its cookie is removed.
pub async fn logout(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    SessionSecret(secret): SessionSecret,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Err(f) = visitor.check_csrf(&form.csrf) {
        return html_failure(f).into_response();
    }
    if let Some(secret) = secret {
        let ended = blocking(&room, move |room| Ok(room.accounts.end_session(&secret)?)).await;
        if let Err(f) = ended {
            return html_failure(f).into_response();
        }
    }
    see_other("/login", Some(cleared_cookie(room.secure_cookies)))
}

/// The session cookie's secret of the request.
pub struct SessionSecret(Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for SessionSecret {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(SessionSecret(session_secret(parts)))
    }
}

// ---- search ----

/// The search page: the form (field `q`), and for a query its results with facets as
/// filters.
pub async fn search(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Query(params): Query<SearchParams>,
) -> Html {
    let query = params.query().map_err(html_failure)?;
    let results = match query.clone() {
        None => None,
        Some(q) => {
            let options = params.options().map_err(html_failure)?;
            let who = visitor.principal.clone();
            Some(
                blocking(&room, move |room| {
                    Ok(room
                        .archive
                        .reader(&who)
                        .search(room.current_index(), &q, &options)?)
                })
                .await
                .map_err(html_failure)?,
            )
        }
    };
    Ok(page(
        "Tìm kiếm",
        Some(&visitor),
        &html! {
            h1 { "Tìm kiếm tài liệu" }
            (search_form(&params))
            @if let (Some(q), Some(r)) = (&query, &results) { (results_list(q, &params, r)) }
        },
    ))
}

fn search_form(params: &SearchParams) -> Markup {
    html! {
        form.search method="get" action="/" role="search" {
            input type="search" name="q" value=(params.q.clone().unwrap_or_default())
                placeholder="Ví dụ: nghi quyet dai hoi" aria-label="Từ khóa";
            button type="submit" { "Tìm" }
            fieldset {
                label { "Loại " input type="text" name="type" value=(params.doc_type.clone().unwrap_or_default()) size="12"; }
                " "
                label { "Cơ quan ban hành " input type="text" name="issuer" value=(params.issuer.clone().unwrap_or_default()) size="16"; }
                " "
                label { "Từ " input type="text" name="from" value=(params.from.clone().unwrap_or_default()) size="10" placeholder="1990"; }
                " "
                label { "đến " input type="text" name="to" value=(params.to.clone().unwrap_or_default()) size="10" placeholder="2019-12-31"; }
                " "
                label { "Sắp xếp "
                    select name="sort" {
                        option value="relevance" { "Liên quan nhất" }
                        option value="date" selected[params.sort.as_deref() == Some("date")] { "Ngày, cũ trước" }
                        option value="date-desc" selected[params.sort.as_deref() == Some("date-desc")] { "Ngày, mới trước" }
                    }
                }
            }
        }
    }
}

fn results_list(query: &str, params: &SearchParams, r: &SearchResults) -> Markup {
    let facet = |title: &str, key: &str, counts: &[pipeline::index::FacetCount]| {
        html! {
            @if !counts.is_empty() {
                h3 { (title) }
                ul { @for c in counts.iter().take(10) {
                    li { a href=(params.with(key, &c.value)) { (c.value) } " (" (c.count) ")" }
                } }
            }
        }
    };
    html! {
        @if r.total > 0 {
            aside.facets {
                (facet("Loại văn bản", "type", &r.facets.doc_type))
                (facet("Năm", "year", &r.facets.year))
                (facet("Cơ quan ban hành", "issuer", &r.facets.issuer))
            }
        }
        p id="total" { "Tìm thấy " (r.total) " tài liệu" }
        form.select method="get" action="/requests/new" {
        @if r.hits.iter().any(|h| h.needs_grant) {
            p { button type="submit" id="request-selected" { "Yêu cầu đọc / sao các tài liệu đã chọn" } }
        }
        @for h in &r.hits {
            div.hit {
                h2 {
                    @if h.needs_grant {
                        input type="checkbox" name="id" value=(h.id) aria-label="Chọn để yêu cầu";
                        " "
                    }
                    a.hit-link href=(document_link(&h.id, Some(query), h.pages.first().copied())) { (display_title(&h.title)) }
                }
                p.meta { (h.doc_type) " · " (h.symbol) " · " (h.date) " · " (h.issuer) }
                @if h.needs_grant {
                    p.snippet.needs-grant { "Nội dung cần phiếu yêu cầu đọc / sao." }
                } @else {
                    p.snippet { "… " (PreEscaped(&h.snippet)) " …" }
                }
                p.meta { "Trang có kết quả: "
                    @for (i, p) in h.pages.iter().enumerate() {
                        @if i > 0 { ", " }
                        a href=(document_link(&h.id, Some(query), Some(*p))) { (p) }
                    }
                }
            }
        }
        }
        (pager(params, r.total))
    }
}

fn pager(params: &SearchParams, total: usize) -> Markup {
    let (offset, limit) = params.paging();
    html! {
        nav.pager {
            @if offset > 0 {
                a rel="prev" href=(params.with("offset", &offset.saturating_sub(limit).to_string())) { "← Trang trước" }
            }
            @if offset + limit < total {
                a rel="next" href=(params.with("offset", &(offset + limit).to_string())) { "Trang sau →" }
            }
        }
    }
}

pub(super) fn display_title(title: &str) -> &str {
    if title.trim().is_empty() {
        "(chưa có tiêu đề)"
    } else {
        title
    }
}

/// The document view's address.
pub(super) fn document_link(id: &str, query: Option<&str>, page: Option<u32>) -> String {
    let mut params = Vec::new();
    if let Some(q) = query {
        params.push(("q", q.to_string()));
    }
    if let Some(p) = page {
        params.push(("page", p.to_string()));
    }
    let query = serde_urlencoded::to_string(params).unwrap_or_default();
    if query.is_empty() {
        format!("/documents/{id}")
    } else {
        format!("/documents/{id}?{query}")
    }
}

// ---- a document ----

#[derive(Deserialize, Default)]
pub struct DocumentParams {
    q: Option<String>,
    page: Option<String>,
}

/// A page of a document: the scan with the query's hits drawn on it, next/previous page and
/// hit, the page's OCR text, the catalog record, the citation and the PDF link.
pub async fn document(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
    Query(params): Query<DocumentParams>,
) -> Html {
    // A page that is not a number names no page there is: like an unknown one.
    let page_number = match params.page.as_deref() {
        None | Some("") => 1,
        Some(p) => p
            .parse::<u32>()
            .map_err(|_| html_failure(Failure::NotFound))?,
    };
    let who = visitor.principal.clone();
    let (shown, view) = blocking(&room, move |room| {
        let reader = room.archive.reader(&who).recording_every_read();
        let shown = reader.show(&id, None)?;
        // Content the visitor may not read yet: the record, and how to request it.
        let view = match shown.allowed_use {
            Some(_) => Some(reader.page(&id, page_number)?),
            None => None,
        };
        Ok((shown, view))
    })
    .await
    .map_err(html_failure)?;
    let query = params.q.unwrap_or_default();
    let body = match &view {
        Some(view) => document_body(&shown, view, &query),
        None => needs_request_body(&shown),
    };
    Ok(page(
        display_title(&shown.summary.title),
        Some(&visitor),
        &body,
    ))
}

/// A document whose content needs a grant: its record, and the way to request it.
fn needs_request_body(shown: &DocumentShow) -> Markup {
    html! {
        h1 { (display_title(&shown.summary.title)) }
        p.meta { (shown.summary.doc_type) " · " (shown.summary.symbol) " · " (shown.summary.date) " · " (shown.summary.issuer) }
        p.message id="needs-request" {
            "Nội dung tài liệu này chỉ xem được với phiếu yêu cầu đọc / sao đã được duyệt (tài liệu mật: chỉ trên mạng LAN độc lập)."
        }
        p {
            a.button id="request-document" href=(format!("/requests/new?id={}", shown.id)) { "Yêu cầu đọc / sao tài liệu này" }
            " · "
            a href=(format!("/requests/new?id={}", shown.object)) { "Yêu cầu cả hồ sơ" }
        }
        h2 { "Thông tin mô tả" }
        (record_table(shown))
    }
}

fn document_body(shown: &DocumentShow, view: &PageView, query: &str) -> Markup {
    let words = hits::search_words(query);
    let q = (!query.is_empty()).then_some(query);
    let per_page: Vec<usize> = shown
        .pages
        .iter()
        .map(|p| hits::count_in(&p.text, &words))
        .collect();
    let total: usize = per_page.iter().sum();
    let before: usize = per_page.iter().take(view.page as usize - 1).sum();
    let here = per_page.get(view.page as usize - 1).copied().unwrap_or(0);
    let page_of_hit = |n: usize| -> Option<u32> {
        let mut seen = 0;
        per_page.iter().enumerate().find_map(|(i, c)| {
            seen += c;
            (n < seen).then_some(i as u32 + 1)
        })
    };
    let prev_hit = before.checked_sub(1).and_then(page_of_hit);
    let next_hit = page_of_hit(before + here).filter(|p| *p != view.page);
    let citation = citation(shown, view.page);
    html! {
        h1 { (display_title(&shown.summary.title)) }
        p.meta { (shown.summary.doc_type) " · " (shown.summary.symbol) " · " (shown.summary.date) " · " (shown.summary.issuer) }
        p.citation { "Trích dẫn: " span id="citation" { (citation) } }
        @if shown.allowed_use == Some(pipeline::gate::UseForm::Copy) {
            p { a id="pdf" href=(format!("/documents/{}/pdf", shown.id)) { "Tải bản PDF" } }
        } @else {
            p { a id="request-copy" href=(format!("/requests/new?id={}&form=copy", shown.id)) { "Yêu cầu sao (tải PDF)" } }
        }
        @if total > 0 {
            nav.hits {
                @if let Some(p) = prev_hit { a rel="prev-hit" href=(document_link(&shown.id, q, Some(p))) { "← Kết quả trước" } }
                span id="hit-position" { "Kết quả " (if here > 0 { before + 1 } else { before }) " / " (total) }
                @if let Some(p) = next_hit { a rel="next-hit" href=(document_link(&shown.id, q, Some(p))) { " Kết quả sau →" } }
            }
        }
        nav.pager {
            @if view.page > 1 { a rel="prev" href=(document_link(&shown.id, q, Some(view.page - 1))) { "← Trang trước" } }
            span id="page-position" { "Trang " (view.page) " / " (view.page_count) }
            @if view.page < view.page_count { a rel="next" href=(document_link(&shown.id, q, Some(view.page + 1))) { " Trang sau →" } }
        }
        div.viewer {
            div.scan { (scan_with_hits(shown, view, &words)) }
            div.text { h2 { "Văn bản nhận dạng (OCR)" } pre id="page-text" { (view.text) } }
        }
        h2 { "Thông tin mô tả" }
        (record_table(shown))
    }
}

/// The scan as an SVG: the page image, and a box over each word the query hits.
fn scan_with_hits(shown: &DocumentShow, view: &PageView, words: &[String]) -> Markup {
    scan_svg(
        &shown.id,
        view,
        &html! {
            @for word in view.words.iter().filter(|x| hits::is_hit(&x.text, words)) {
                rect.hit-box x=(word.bbox[0]) y=(word.bbox[1]) width=(word.bbox[2]) height=(word.bbox[3])
                    data-word=(word.text) {}
            }
        },
    )
}

/// Page `view` of document `id` as an SVG in the coordinates of its OCR word boxes: the
/// page image, and `overlay` (boxes) drawn over it.
pub(super) fn scan_svg(id: &str, view: &PageView, overlay: &Markup) -> Markup {
    let image = format!("/documents/{id}/pages/{}/image?width=1600", view.page);
    let (w, h) = (view.width.max(1), view.height.max(1));
    html! {
        svg id="scan" xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {w} {h}")) role="img"
            aria-label=(format!("Ảnh trang {}", view.page)) {
            image href=(image) x="0" y="0" width=(w) height=(h) {}
            (overlay)
        }
    }
}

/// The citation: the mã lưu trữ tài liệu (or the document id) and the page.
fn citation(shown: &DocumentShow, page: u32) -> String {
    format!("{}, tờ {page}", document_code(shown))
}

/// How a document is cited: its mã lưu trữ tài liệu, or its id without one.
pub(super) fn document_code(shown: &DocumentShow) -> String {
    shown
        .metadata
        .ma_luu_tru_tai_lieu
        .as_ref()
        .map(|v| v.value.clone())
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| shown.id.clone())
}

/// The catalog record with the field names of Thông tư 05/2025.
fn record_table(shown: &DocumentShow) -> Markup {
    html! {
        table.record {
            @for (label, value) in record_rows(&shown.metadata) {
                tr { th { (label) } td { (value) } }
            }
        }
    }
}

/// The fields of a catalog record that hold a value, in record order: the field's name of
/// Thông tư 05/2025 (capitalised) and its value as shown (lists joined by `; `).
pub(super) fn record_rows(metadata: &archive_schema::TaiLieuRecord) -> Vec<(String, String)> {
    let record = serde_json::to_value(metadata).unwrap_or_default();
    archive_schema::TAI_LIEU_FIELDS
        .iter()
        .filter_map(|field| {
            let value = record.get(field.key).and_then(shown_value)?;
            Some((capitalised(field.vi), value))
        })
        .collect()
}

fn shown_value(valued: &serde_json::Value) -> Option<String> {
    let value = valued.get("value").unwrap_or(valued);
    let text = match value {
        serde_json::Value::Null => return None,
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    };
    (!text.trim().is_empty()).then_some(text)
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The access copy of a document (PDF/A), for HTML and API alike.
pub async fn pdf(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    uri: axum::http::Uri,
    Path(id): Path<String>,
) -> Response {
    let api = super::failure::is_api(&uri);
    let who = visitor.principal.clone();
    let name = id.clone();
    let read = blocking(&room, move |room| {
        let file = room
            .archive
            .reader(&who)
            .recording_every_read()
            .access_copy(&id)?;
        let mut bytes = Vec::new();
        file.write_to(&mut bytes).map_err(Failure::from)?;
        Ok(bytes)
    })
    .await;
    match read {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}.pdf\"", safe_file_name(&name)),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(failure) => Answer { failure, api }.into_response(),
    }
}

fn safe_file_name(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

// ---- browse ----

/// Phông → hộp → hồ sơ → the documents listed.
type Tree<'a> = BTreeMap<
    &'a str,
    BTreeMap<&'a str, BTreeMap<&'a str, Vec<&'a pipeline::gate::DocumentListing>>>,
>;

/// Phông → hộp → hồ sơ → tài liệu, with counts, of what the visitor may see.
pub async fn browse(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Html {
    let who = visitor.principal.clone();
    let listed = blocking(&room, move |room| {
        Ok(room.archive.reader(&who).documents()?)
    })
    .await
    .map_err(html_failure)?;
    let mut tree: Tree = BTreeMap::new();
    for d in &listed {
        tree.entry(d.fonds.as_str())
            .or_default()
            .entry(d.box_name.as_str())
            .or_default()
            .entry(d.hoso.as_str())
            .or_default()
            .push(d);
    }
    let archivist = visitor.principal.has_role(pipeline::gate::Role::Archivist);
    let count = |boxes: &BTreeMap<&str, BTreeMap<&str, Vec<_>>>| -> usize {
        boxes.values().flat_map(|h| h.values()).map(Vec::len).sum()
    };
    Ok(page(
        "Duyệt phông",
        Some(&visitor),
        &html! {
            h1 { "Duyệt theo phông, hộp, hồ sơ" }
            @for (fonds, boxes) in &tree {
                details open {
                    summary { "Phông " (if fonds.is_empty() { "(chưa xác định)" } else { fonds }) " — " (count(boxes)) " tài liệu" }
                    @for (box_name, hosos) in boxes {
                        details open {
                            summary { "Hộp " (box_name) " — " (hosos.values().map(Vec::len).sum::<usize>()) " tài liệu" }
                            @for (hoso, docs) in hosos {
                                details {
                                    summary { "Hồ sơ " (hoso) " — " (docs.len()) " tài liệu" }
                                    @if archivist {
                                        p { a.split-hoso href=(format!("/hoso/{}/split", docs[0].object)) { "Sửa cách chia tài liệu của hồ sơ này" } }
                                    }
                                    @if docs.iter().any(|d| d.needs_grant) {
                                        p { a.request-hoso href=(format!("/requests/new?id={}", docs[0].object)) { "Yêu cầu đọc / sao hồ sơ này" } }
                                    }
                                    ul { @for d in docs {
                                        li { a href=(document_link(&d.id, None, None)) { (display_title(&d.title)) } " · " (d.symbol) " · " (d.date) " · " (d.page_count) " trang" }
                                    } }
                                }
                            }
                        }
                    }
                }
            }
        },
    ))
}

// ---- the visitor's own ----

/// The visitor's own access history (lịch sử truy cập).
pub async fn history(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Html {
    let who = visitor.principal.clone();
    let reads = blocking(&room, move |room| {
        Ok(room.archive.reader(&who).own_reads(500)?)
    })
    .await
    .map_err(html_failure)?;
    Ok(page(
        "Lịch sử truy cập",
        Some(&visitor),
        &html! {
            h1 { "Lịch sử truy cập của bạn" }
            table.record {
                tr { th { "Thời gian" } th { "Thao tác" } th { "Tài liệu" } th { "Trang" } }
                @for e in reads.iter().rev() {
                    tr {
                        td { (e.time) }
                        td { (read_label(e.detail["read"].as_str().unwrap_or(""))) }
                        td { @if let Some(d) = e.detail["document"].as_str() { a href=(document_link(d, None, None)) { (d) } } }
                        td { @if let Some(p) = e.detail["page"].as_u64() { (p) } }
                    }
                }
            }
        },
    ))
}

fn read_label(kind: &str) -> &str {
    match kind {
        "show" => "Mở tài liệu",
        "view page" => "Xem trang",
        "view thumbnail" => "Xem ảnh thu nhỏ",
        "get pdf" => "Tải PDF",
        "get original" => "Tải bản gốc",
        "export" => "Xuất",
        "search" => "Tìm kiếm",
        other => other,
    }
}

/// The account page: who the visitor is, and the password change form (the only page an
/// account with a one-time password reaches).
pub async fn account(visitor: Visitor) -> Markup {
    account_page(&visitor, None)
}

fn account_page(visitor: &Visitor, notice: Option<&str>) -> Markup {
    let a = &visitor.account;
    page(
        "Tài khoản",
        Some(visitor),
        &html! {
            h1 { "Tài khoản " (a.name) }
            @if a.must_change_password { p.message { "Bạn đang dùng mật khẩu một lần: hãy đặt mật khẩu mới để tiếp tục." } }
            @if let Some(n) = notice { p.message role="status" { (n) } }
            p { "Vai trò: " (a.role.vietnamese()) }
            p { "Quyền tiếp cận tài liệu mật: "
                @match &a.clearance {
                    Some(g) => { (clearance_label(g.level)) " (quyết định " (g.decision) ", đến hết " (g.expires) ")" }
                    None => { "không" }
                }
            }
            h2 { "Đổi mật khẩu" }
            form method="post" action="/account/password" {
                @if let Some(csrf) = &visitor.csrf { input type="hidden" name="csrf" value=(csrf); }
                p { label { "Mật khẩu hiện tại " input type="password" name="current" autocomplete="current-password" required; } }
                p { label { "Mật khẩu mới " input type="password" name="password" autocomplete="new-password" required; } }
                p { label { "Nhập lại mật khẩu mới " input type="password" name="confirm" autocomplete="new-password" required; } }
                p { button type="submit" { "Đổi mật khẩu" } }
            }
        },
    )
}

pub(super) fn clearance_label(c: pipeline::clearance::Clearance) -> &'static str {
    match c {
        pipeline::clearance::Clearance::Public => "không",
        pipeline::clearance::Clearance::Mat => "Mật",
        pipeline::clearance::Clearance::ToiMat => "Tối mật",
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    csrf: String,
    current: String,
    password: String,
    confirm: String,
}

/// The visitor's password change; their sessions end and a new one starts.
pub async fn change_password(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    ClientAddress(address): ClientAddress,
    Form(form): Form<PasswordForm>,
) -> Response {
    if let Err(f) = visitor.check_csrf(&form.csrf) {
        return html_failure(f).into_response();
    }
    if form.password != form.confirm {
        return (
            StatusCode::BAD_REQUEST,
            account_page(&visitor, Some("Hai lần nhập mật khẩu mới không khớp.")),
        )
            .into_response();
    }
    let name = visitor.account.name.clone();
    let changed = blocking(&room, move |room| {
        match room
            .accounts
            .change_password(&name, &form.current, &form.password)
        {
            Ok(()) => {
                let account = room.accounts.account(&name)?;
                Ok(Ok(room.accounts.start_session(&account, &address)?.0))
            }
            Err(crate::Error::Invalid { message, .. }) => Ok(Err(message)),
            Err(e) => Err(e.into()),
        }
    })
    .await;
    match changed {
        Ok(Ok(secret)) => see_other("/", Some(session_cookie(&secret, room.secure_cookies))),
        Ok(Err(message)) => (
            StatusCode::BAD_REQUEST,
            account_page(&visitor, Some(&message)),
        )
            .into_response(),
        Err(f) => html_failure(f).into_response(),
    }
}
