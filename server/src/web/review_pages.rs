//! The archivist's review in the browser: the queue (`/review`, what `sohoa review` lists,
//! grouped by hồ sơ and document, filtered by kind), a document under review beside its
//! scan (`/review/{id}`: each flagged field with its value, confidence and the box where it
//! was read drawn on the page, a correction form per field, acceptance as reviewed, chế độ
//! sử dụng and độ mật with a reason), the correction's form handler, and a document's
//! version history (`/documents/{id}/history`: who, when, why).
//!
//! In: a signed-in [`Visitor`]'s requests and forms (each form carries the session's CSRF
//! token). Out: HTML; every read and correction goes through the gate (only archivists
//! review: the gate's rule; a document they may not see is an unknown id).

use std::collections::BTreeMap;

use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use pipeline::gate::{DocumentReview, DocumentShow, PageView};
use pipeline::review::{ReviewItem, ReviewKind};
use serde::Deserialize;

use super::failure::{Answer, Failure};
use super::layout::page;
use super::pages::{display_title, html_failure, record_rows, scan_svg};
use super::review_api::{codes, correct, field_name, kind_filter, kind_key, queue, Correction};
use super::visitor::{see_other, Visitor};
use super::{blocking, State};

type Html = Result<Markup, Answer>;

fn kind_label(kind: ReviewKind) -> &'static str {
    match kind {
        ReviewKind::LowConfidenceField => "Trường đọc với độ tin cậy thấp",
        ReviewKind::Invalid => "Bản ghi chưa đúng quy định",
        ReviewKind::LowConfidencePage => "Trang OCR có độ tin cậy thấp",
        ReviewKind::SplitNote => "Ghi chú khi tách tài liệu",
    }
}

/// An item's value as shown (lists joined by `; `).
fn shown_text(value: Option<&serde_json::Value>) -> String {
    match value {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

/// What an item says, in Vietnamese where the page writes it.
fn item_text(item: &ReviewItem) -> String {
    match (item.kind, &item.field) {
        (ReviewKind::LowConfidenceField, Some(field)) => format!(
            "{} ({field}): «{}», độ tin cậy {:.2}",
            field_name(field),
            shown_text(item.value.as_ref()),
            item.confidence.unwrap_or(0.0)
        ),
        (ReviewKind::LowConfidencePage, _) => format!(
            "Trang {} của hồ sơ: độ tin cậy OCR {:.0}",
            item.page.unwrap_or(0),
            item.confidence.unwrap_or(0.0)
        ),
        _ => item.reason.clone(),
    }
}

/// A document's id and its items.
type DocumentItems<'a> = (&'a str, Vec<&'a ReviewItem>);
/// A hồ sơ (box, folder) and its documents.
type HoSoItems<'a> = ((&'a str, &'a str), Vec<DocumentItems<'a>>);

/// The queue's items by hồ sơ, then by document, in queue order (which keeps a hồ sơ's
/// and a document's items together).
fn grouped(items: &[ReviewItem]) -> Vec<HoSoItems<'_>> {
    let mut groups: Vec<HoSoItems<'_>> = Vec::new();
    for item in items {
        let place = (item.box_name.as_str(), item.hoso.as_str());
        if groups.last().is_none_or(|(p, _)| *p != place) {
            groups.push((place, Vec::new()));
        }
        let docs = &mut groups.last_mut().expect("pushed above").1;
        if docs.last().is_none_or(|(id, _)| *id != item.id) {
            docs.push((item.id.as_str(), Vec::new()));
        }
        docs.last_mut().expect("pushed above").1.push(item);
    }
    groups
}

#[derive(Deserialize, Default)]
pub struct QueueParams {
    kind: Option<String>,
}

/// `GET /review[?kind=…]`: the open review items, by hồ sơ and document.
pub async fn review_queue(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Query(params): Query<QueueParams>,
) -> Html {
    let kind = kind_filter(params.kind.as_deref()).map_err(html_failure)?;
    let items = queue(&room, &visitor.principal, kind)
        .await
        .map_err(html_failure)?;
    let groups = grouped(&items);
    let documents: usize = groups.iter().map(|(_, d)| d.len()).sum();
    let selected = kind.map(kind_key).unwrap_or_default();
    Ok(page(
        "Rà soát",
        Some(&visitor),
        &html! {
            h1 { "Hàng đợi rà soát" }
            form.filters method="get" action="/review" {
                label { "Loại: "
                    select name="kind" {
                        option value="" selected[selected.is_empty()] { "Tất cả" }
                        @for k in super::review_api::KINDS {
                            option value=(kind_key(k)) selected[selected == kind_key(k)] { (kind_label(k)) }
                        }
                    }
                }
                " " button type="submit" { "Lọc" }
            }
            p id="review-total" { (items.len()) " mục cần xem trong " (documents) " tài liệu." }
            @for ((box_name, hoso), docs) in &groups {
                section.review-hoso {
                    h2 { "Hộp " (box_name) " — hồ sơ " (hoso) }
                    @for (id, its) in docs {
                        div.review-doc {
                            h3 { a.review-link href=(format!("/review/{id}")) { (display_title(&its[0].title)) } }
                            ul { @for i in its { li { span.kind { (kind_label(i.kind)) } ": " (item_text(i)) } } }
                        }
                    }
                }
            }
        },
    ))
}

#[derive(Deserialize, Default)]
pub struct ReviewParams {
    page: Option<String>,
    saved: Option<String>,
}

/// `GET /review/{id}[?page=N]`: a document under review beside its scan.
pub async fn review_document(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
    Query(params): Query<ReviewParams>,
) -> Html {
    let asked = match params.page.as_deref() {
        None | Some("") => None,
        Some(p) => Some(
            p.parse::<u32>()
                .map_err(|_| html_failure(Failure::NotFound))?,
        ),
    };
    let who = visitor.principal.clone();
    let (review, shown, view) = blocking(&room, move |room| {
        let reader = room.archive.reader(&who).recording_every_read();
        // The gate first says whether this visitor reviews, and sees the document.
        let review = reader.document_review(&id, codes())?;
        let shown = reader.show(&id, None)?;
        // The page of the first flagged field placed on one, unless one was asked for.
        let first_box = rows(&review, &shown)
            .iter()
            .find(|r| r.flagged.is_some() && r.boxed)
            .and_then(|r| r.page);
        let number = asked.or(first_box).unwrap_or(1);
        // Content the visitor may not read (it needs a grant): the fields without the scan.
        let view = match shown.allowed_use {
            Some(_) => Some(reader.page(&id, number)?),
            None => None,
        };
        Ok((review, shown, view))
    })
    .await
    .map_err(html_failure)?;
    let csrf = visitor.csrf.clone().unwrap_or_default();
    let body = review_body(
        &review,
        &shown,
        view.as_ref(),
        &csrf,
        params.saved.as_deref(),
    );
    Ok(page(
        &format!("Rà soát: {}", display_title(&shown.summary.title)),
        Some(&visitor),
        &body,
    ))
}

/// The 1-based document page of hồ sơ page `hoso_page`.
fn document_page(review: &DocumentReview, hoso_page: u32) -> Option<u32> {
    review
        .pages
        .iter()
        .position(|p| *p == hoso_page)
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn review_link(id: &str, page: u32) -> String {
    format!("/review/{id}?page={page}")
}

fn review_body(
    review: &DocumentReview,
    shown: &DocumentShow,
    view: Option<&PageView>,
    csrf: &str,
    saved: Option<&str>,
) -> Markup {
    let id = &shown.id;
    let rows = rows(review, shown);
    let others: Vec<&ReviewItem> = review.items.iter().filter(|i| i.field.is_none()).collect();
    let flagged = |key: &str| rows.iter().any(|r| r.key == key && r.flagged.is_some());
    let value_of = |key: &str| {
        let record = serde_json::to_value(&shown.metadata).unwrap_or_default();
        shown_value_of(&record, key)
    };
    html! {
        h1 { "Rà soát: " (display_title(&shown.summary.title)) }
        p.meta { (shown.summary.doc_type) " · " (shown.summary.symbol) " · " (shown.summary.date) " · " (shown.summary.issuer) }
        p {
            a href=(format!("/documents/{id}")) { "Xem tài liệu" } " · "
            a id="history-link" href=(format!("/documents/{id}/history")) { "Lịch sử phiên bản" } " · "
            a href="/review" { "Về hàng đợi rà soát" }
        }
        @if let Some(version) = saved {
            p.message id="saved" { "Đã lưu thay đổi: phiên bản " (version) " (" (shown.version) " là phiên bản hiện tại)." }
        }
        @if review.reviewed {
            p.message id="reviewed" { "Tài liệu đã được rà soát." }
        }
        @match view {
            Some(view) => {
                nav.pager {
                    @if view.page > 1 { a rel="prev" href=(review_link(id, view.page - 1)) { "← Trang trước" } }
                    span id="page-position" { "Trang " (view.page) " / " (view.page_count) }
                    @if view.page < view.page_count { a rel="next" href=(review_link(id, view.page + 1)) { " Trang sau →" } }
                }
                div.viewer {
                    div.scan {
                        (scan_svg(id, view, &html! {
                            @for b in review.boxes.iter().filter(|b| b.hoso_page == view.hoso_page) {
                                rect.field-box.flagged[flagged(&b.field)]
                                    x=(b.bbox[0]) y=(b.bbox[1]) width=(b.bbox[2]) height=(b.bbox[3])
                                    data-field=(b.field) {
                                    title { (field_name(&b.field)) }
                                }
                            }
                        }))
                    }
                    div.review-fields { (fields_table(id, &rows, csrf)) }
                }
            }
            None => {
                p.message id="needs-request" { "Nội dung (ảnh quét) của tài liệu này cần phiếu yêu cầu đã duyệt; các trường vẫn sửa được." }
                div.review-fields { (fields_table(id, &rows, csrf)) }
            }
        }
        @if !others.is_empty() {
            h2 { "Cần xem thêm" }
            ul id="other-items" { @for i in &others { li { span.kind { (kind_label(i.kind)) } ": " (item_text(i)) } } }
        }
        h2 { "Chế độ sử dụng và độ mật" }
        p { "Hiện tại: chế độ sử dụng " strong { (value_of("che_do_su_dung")) } ", độ mật " strong { (value_of("do_mat")) } "." }
        (access_form(id, csrf, "che_do_su_dung", &[
            ("01", "01 — Công khai"),
            ("02", "02 — Sử dụng có điều kiện"),
            ("03", "03 — Mật"),
        ]))
        (access_form(id, csrf, "do_mat", &[("", "(không mật)"), ("Mật", "Mật"), ("Tối mật", "Tối mật")]))
        @if !review.reviewed {
            h2 { "Kết thúc rà soát" }
            form.edit method="post" action=(format!("/review/{id}/edit")) id="accept" {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="reviewed" value="1";
                label { "Ghi chú " input type="text" name="reason"; }
                " " button type="submit" { "Chấp nhận: đã rà soát" }
            }
        }
        h2 { "Thông tin mô tả" }
        table.record {
            @for (label, value) in record_rows(&shown.metadata) { tr { th { (label) } td { (value) } } }
        }
    }
}

/// The form setting access field `key` (chế độ sử dụng, độ mật) to one of `options`
/// (value, label), with its mandatory reason.
fn access_form(id: &str, csrf: &str, key: &str, options: &[(&str, &str)]) -> Markup {
    let name = field_name(key);
    html! {
        form.edit method="post" action=(format!("/review/{id}/edit")) id=(format!("set-{key}")) {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="field" value=(key);
            label { (name) " "
                select name="value" { @for (value, label) in options { option value=(value) { (label) } } }
            }
            " " label { "Lý do (bắt buộc) " input type="text" name="reason" required; }
            " " button type="submit" { "Đặt " (name) }
        }
    }
}

/// A record field's value as shown, or `(trống)`.
fn shown_value_of(record: &serde_json::Value, key: &str) -> String {
    let text = shown_text(record.get(key).and_then(|f| f.get("value")));
    if text.is_empty() {
        "(trống)".into()
    } else {
        text
    }
}

/// A field of the record under review: flagged by the queue, or read from the scan.
struct FieldRow {
    key: String,
    value: String,
    confidence: Option<f32>,
    /// The document page it was read on.
    page: Option<u32>,
    /// Whether its box on the page is known.
    boxed: bool,
    /// Why the queue flags it (None: read from the scan, not flagged).
    flagged: Option<String>,
}

/// The flagged fields first (low confidence, breaking a rule), then the other fields read
/// from the scan.
fn rows(review: &DocumentReview, shown: &DocumentShow) -> Vec<FieldRow> {
    let record = serde_json::to_value(&shown.metadata).unwrap_or_default();
    let row = |key: &str, flagged: Option<String>| {
        let field = record.get(key);
        let hoso_page = field
            .and_then(|f| f["page"].as_u64())
            .and_then(|p| u32::try_from(p).ok());
        FieldRow {
            key: key.to_string(),
            value: shown_text(field.and_then(|f| f.get("value"))),
            confidence: field
                .and_then(|f| f["confidence"].as_f64())
                .map(|c| c as f32),
            page: hoso_page.and_then(|p| document_page(review, p)),
            boxed: review.boxes.iter().any(|b| b.field == key),
            flagged,
        }
    };
    let mut rows: Vec<FieldRow> = Vec::new();
    for item in &review.items {
        if let Some(key) = &item.field {
            if !rows.iter().any(|r| r.key == *key) {
                rows.push(row(key, Some(item_text(item))));
            }
        }
    }
    for field in archive_schema::TAI_LIEU_FIELDS {
        let extracted = record
            .get(field.key)
            .is_some_and(|f| f["source"] == "extracted");
        if extracted && !rows.iter().any(|r| r.key == field.key) {
            rows.push(row(field.key, None));
        }
    }
    rows
}

/// The fields with their value, confidence and page (a link to it), a correction form each.
fn fields_table(id: &str, rows: &[FieldRow], csrf: &str) -> Markup {
    let flagged = rows.iter().filter(|r| r.flagged.is_some()).count();
    html! {
        h2 { "Trường cần kiểm tra" }
        @if flagged == 0 { p { "Không có trường nào bị đánh dấu." } }
        @for (i, r) in rows.iter().enumerate() {
            @if i == flagged { h2 { "Các trường khác đọc từ bản quét" } }
            div.review-field.flagged[r.flagged.is_some()] id=(format!("field-{}", r.key)) data-field=(r.key) {
                p {
                    strong { (field_name(&r.key)) } " (" code { (r.key) } ")"
                    @if let Some(c) = r.confidence { " · độ tin cậy " span.confidence { (format!("{c:.2}")) } }
                    @if let Some(n) = r.page {
                        " · " a href=(review_link(id, n)) { "trang " (n) }
                        @if !r.boxed { " " span.no-box { "(không rõ vị trí trên trang)" } }
                    }
                }
                @if let Some(why) = &r.flagged { p.why { (why) } }
                form.edit method="post" action=(format!("/review/{id}/edit")) {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="field" value=(r.key);
                    label { "Giá trị " input type="text" name="value" value=(r.value); }
                    " " label { "Lý do " input type="text" name="reason"; }
                    " " button type="submit" { "Sửa" }
                }
            }
        }
    }
}

/// `POST /review/{id}/edit`: one correction (`field` and `value`), or the acceptance
/// (`reviewed=1`), with its `reason`; back to the review page, which shows the new version.
pub async fn edit(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
    body: String,
) -> Response {
    let Ok(form) = serde_urlencoded::from_str::<Vec<(String, String)>>(&body) else {
        return html_failure(Failure::BadRequest("Biểu mẫu không đọc được.".into()))
            .into_response();
    };
    let first = |name: &str| {
        form.iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    if let Err(f) = visitor.check_csrf(first("csrf").unwrap_or("")) {
        return html_failure(f).into_response();
    }
    let mut settings = BTreeMap::new();
    if let Some(field) = first("field") {
        let field = field.trim();
        if field.is_empty() {
            return html_failure(Failure::BadRequest(
                "Trường field (tên trường cần sửa) không được để trống.".into(),
            ))
            .into_response();
        }
        settings.insert(field.to_string(), first("value").unwrap_or("").to_string());
    }
    let correction = Correction {
        settings,
        reviewed: first("reviewed").is_some_and(|v| v == "1"),
        reason: first("reason").map(str::to_string),
    };
    match correct(&room, &visitor.principal, id.clone(), correction).await {
        Ok(outcome) => see_other(
            &format!(
                "/review/{}?saved={}",
                outcome.document.unwrap_or(id),
                outcome.version
            ),
            None,
        ),
        Err(f) => html_failure(f).into_response(),
    }
}

/// `GET /documents/{id}/history`: the versions of the document's hồ sơ object, each with
/// who made it, when, and what it says (an edit names its fields and reason).
pub async fn history(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Html {
    let who = visitor.principal.clone();
    let (history, shown) = blocking(&room, move |room| {
        let reader = room.archive.reader(&who);
        let history = reader.history(&id)?;
        // The document's title (no content read: the record only).
        let shown = reader.show(&id, None)?;
        Ok((history, shown))
    })
    .await
    .map_err(html_failure)?;
    Ok(page(
        "Lịch sử phiên bản",
        Some(&visitor),
        &html! {
            h1 { "Lịch sử phiên bản: " (display_title(&shown.summary.title)) }
            p { "Hồ sơ " (history.hoso) " (hộp " (history.box_name) "), phiên bản hiện tại " (history.head) ". "
                a href=(format!("/documents/{}", shown.id)) { "Xem tài liệu" } }
            table.history id="versions" {
                tr { th { "Phiên bản" } th { "Thời gian" } th { "Người thực hiện" } th { "Nội dung (lý do)" } }
                @for v in history.versions.iter().rev() {
                    tr data-version=(v.version) {
                        td { (v.version) }
                        td { (v.created) }
                        td.actor { (v.user.clone().unwrap_or_default()) }
                        td.message { (v.message.clone().unwrap_or_default()) }
                    }
                }
            }
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(box_name: &str, hoso: &str, id: &str, kind: ReviewKind) -> ReviewItem {
        ReviewItem {
            id: id.into(),
            object: format!("{box_name}/{hoso}"),
            box_name: box_name.into(),
            hoso: hoso.into(),
            title: format!("tài liệu {id}"),
            kind,
            field: None,
            value: None,
            confidence: None,
            page: None,
            bbox: None,
            reason: String::new(),
        }
    }

    #[test]
    fn the_queue_is_grouped_by_hoso_then_document_in_order() {
        let items = [
            item("hop-1", "hs-a", "A1", ReviewKind::Invalid),
            item("hop-1", "hs-a", "A1", ReviewKind::SplitNote),
            item("hop-1", "hs-a", "A2", ReviewKind::LowConfidencePage),
            item("hop-1", "hs-b", "B1", ReviewKind::Invalid),
            item("hop-2", "hs-a", "C1", ReviewKind::Invalid),
        ];
        let groups = grouped(&items);
        let shape: Vec<String> = groups
            .iter()
            .map(|((box_name, hoso), docs)| {
                let docs: Vec<String> = docs
                    .iter()
                    .map(|(id, its)| format!("{id}×{}", its.len()))
                    .collect();
                format!("{box_name}/{hoso}: {}", docs.join(" "))
            })
            .collect();
        assert_eq!(
            shape,
            [
                "hop-1/hs-a: A1×2 A2×1",
                "hop-1/hs-b: B1×1",
                "hop-2/hs-a: C1×1"
            ]
        );
    }
}
