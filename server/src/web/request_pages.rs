//! The reading room's pages for reading requests: a new request (the documents or hồ sơ
//! chosen from results, a document page or browse, their summary, the purpose, the form of
//! use, a priority case), the visitor's own requests with their states and notifications,
//! and the approvers' queue with each request's deadline and its decision form.
//!
//! In: a signed-in [`Visitor`]'s requests and forms (every form carries the session's CSRF
//! token). Out: HTML; the work is [`crate::requests`]'s, every document looked up through
//! the gate for the visitor. Wrong fields answer 400 with a message naming the field.

use axum::extract::{Path, RawQuery};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use pipeline::clearance::Regime;
use pipeline::gate::UseForm;

use super::failure::{Answer, Failure};
use super::layout::page;
use super::pages::{display_title, document_link, html_failure};
use super::visitor::{see_other, Visitor};
use super::{blocking, State};
use crate::accounts::{today, ReadingRequest};
use crate::requests::{NewDecision, NewRequest, Queued, DEFAULT_GRANT_DAYS};

/// The name-value pairs of a query string or form body (names may repeat).
pub(super) fn pairs(text: &str) -> Result<Vec<(String, String)>, Answer> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(text)
        .map_err(|_| html_failure(Failure::BadRequest("Biểu mẫu không đọc được.".into())))
}

/// A submitted form's pairs, once its CSRF token is the session's.
pub(super) fn checked_form(visitor: &Visitor, body: &str) -> Result<Vec<(String, String)>, Answer> {
    let form = pairs(body)?;
    visitor
        .check_csrf(first(&form, "csrf").unwrap_or(""))
        .map_err(html_failure)?;
    Ok(form)
}

pub(super) fn first<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn all(pairs: &[(String, String)], name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
        .collect()
}

fn regime_label(regime: &str) -> &'static str {
    match regime {
        "conditional" => "Sử dụng có điều kiện",
        "secret" => "Mật",
        _ => "Công khai",
    }
}

fn state_label(r: &ReadingRequest) -> &'static str {
    r.state.vietnamese()
}

/// `GET /requests/new?id=…&id=…[&form=copy]`: the summary of what was chosen and the form.
pub async fn new_request(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    RawQuery(query): RawQuery,
) -> Result<Markup, Answer> {
    let query = pairs(query.as_deref().unwrap_or(""))?;
    let ids = all(&query, "id");
    let form = match first(&query, "form") {
        Some("copy") => UseForm::Copy,
        _ => UseForm::Read,
    };
    if ids.is_empty() {
        return Err(html_failure(Failure::BadRequest(
            "Chưa chọn tài liệu hoặc hồ sơ nào (tham số id).".into(),
        )));
    }
    let who = visitor.principal.clone();
    let found = blocking(&room, move |room| {
        Ok(room.archive.reader(&who).requestable(&ids, form)?)
    })
    .await
    .map_err(html_failure)?;
    let wanted: Vec<_> = found.iter().filter(|d| d.regime.needs_grant()).collect();
    let open: Vec<_> = found.iter().filter(|d| !d.regime.needs_grant()).collect();
    let csrf = visitor.csrf.clone().unwrap_or_default();
    Ok(page(
        "Phiếu yêu cầu đọc / sao",
        Some(&visitor),
        &html! {
            h1 { "Phiếu yêu cầu đọc / sao tài liệu" }
            @if !open.is_empty() {
                p.message { "Tài liệu công khai không cần phiếu yêu cầu (đã bỏ khỏi phiếu): "
                    @for (i, d) in open.iter().enumerate() { @if i > 0 { ", " } (display_title(&d.title)) } }
            }
            @if wanted.is_empty() {
                p.message { "Không có tài liệu nào cần phiếu yêu cầu." }
            } @else {
                table.requests id="request-summary" {
                    tr { th { "Tài liệu" } th { "Số ký hiệu" } th { "Ngày" } th { "Hồ sơ" } th { "Chế độ sử dụng" } }
                    @for d in &wanted {
                        tr {
                            td { a href=(document_link(&d.id, None, None)) { (display_title(&d.title)) } }
                            td { (d.symbol) } td { (d.date) } td { (d.hoso) }
                            td { (match d.regime { Regime::Secret => "Mật", Regime::Conditional => "Sử dụng có điều kiện", Regime::Open => "Công khai" }) }
                        }
                    }
                }
                form.request method="post" action="/requests" {
                    input type="hidden" name="csrf" value=(csrf);
                    @for d in &wanted { input type="hidden" name="id" value=(d.id); }
                    p { label { "Mục đích sử dụng (bắt buộc)" br; textarea name="purpose" rows="3" required {} } }
                    p { "Hình thức sử dụng: "
                        label { input type="radio" name="form" value="read" checked[form == UseForm::Read]; " Đọc" }
                        " "
                        label { input type="radio" name="form" value="copy" checked[form == UseForm::Copy]; " Sao (tải bản PDF)" }
                    }
                    p { label { input type="checkbox" name="priority" value="1"; " Đối tượng ưu tiên" } }
                    p { label { "Ghi chú, giấy tờ chứng minh ưu tiên" br; textarea name="priority_note" rows="2" {} } }
                    p { button type="submit" id="submit-request" { "Gửi phiếu yêu cầu" } }
                }
            }
        },
    ))
}

/// `POST /requests`: submits the form of [`new_request`].
pub async fn submit(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    body: String,
) -> Response {
    let form = match checked_form(&visitor, &body) {
        Ok(f) => f,
        Err(a) => return a.into_response(),
    };
    let new = NewRequest {
        items: all(&form, "id"),
        purpose: first(&form, "purpose").unwrap_or("").to_string(),
        form: first(&form, "form").unwrap_or("read").to_string(),
        priority: first(&form, "priority").is_some(),
        priority_note: first(&form, "priority_note").map(str::to_string),
    };
    let who = visitor.principal.clone();
    let done = blocking(&room, move |room| {
        Ok(room.requests().submit(&who, &new, &room.deadlines)?)
    })
    .await;
    match done {
        Ok(r) => see_other(&format!("/requests?submitted={}", r.id), None),
        Err(f) => html_failure(f).into_response(),
    }
}

/// `GET /requests`: the visitor's requests with their states, and their notifications
/// (seen once shown).
pub async fn mine(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Result<Markup, Answer> {
    let who = visitor.principal.clone();
    let name = visitor.account.name.clone();
    let (requests, notices) = blocking(&room, move |room| {
        let requests = room.requests().mine(&who)?;
        let notices = room.accounts.notifications(&name)?;
        room.accounts.mark_notifications_seen(&name)?;
        Ok((requests, notices))
    })
    .await
    .map_err(html_failure)?;
    Ok(page(
        "Phiếu yêu cầu của bạn",
        Some(&visitor),
        &html! {
            h1 { "Phiếu yêu cầu của bạn" }
            @if !notices.is_empty() {
                h2 { "Thông báo" }
                ul id="notifications" {
                    @for n in &notices {
                        li.notice.unseen[!n.seen] { (n.created) " — " (n.message) }
                    }
                }
            }
            @if requests.is_empty() {
                p { "Bạn chưa gửi phiếu yêu cầu nào. Chọn tài liệu từ kết quả tìm kiếm, trang tài liệu hoặc trang duyệt hồ sơ." }
            } @else {
                (requests_table(&requests))
            }
        },
    ))
}

fn requests_table(requests: &[ReadingRequest]) -> Markup {
    html! {
        table.requests id="requests" {
            tr { th { "Số" } th { "Gửi lúc" } th { "Hình thức" } th { "Tài liệu" } th { "Hạn giải quyết" } th { "Trạng thái" } th { "Quyết định" } }
            @for r in requests {
                tr data-request=(r.id) {
                    td { (r.id) }
                    td { (r.submitted) }
                    td { (r.form.vietnamese()) @if r.priority { " (ưu tiên)" } }
                    td { ul { @for i in &r.items { li { a href=(document_link(&i.document, None, None)) { (display_title(&i.title)) } " · " (i.symbol) " · " (regime_label(&i.regime)) } } } }
                    td { (r.due) }
                    td class=(format!("state state-{}", r.state.key())) { (state_label(r)) }
                    td {
                        @if let Some(d) = &r.decision { (d.approver) ": " (d.reason) }
                        @if let Some(g) = &r.grant {
                            br; "Quyền sử dụng số " (g.id) " (" (g.form.vietnamese()) ", " (g.documents.len()) " tài liệu) đến hết " (g.expires) " — " span.grant-state { (g.state.vietnamese()) }
                        }
                    }
                }
            }
        }
    }
}

/// `GET /requests/queue`: the approvers' queue, due first, each with its decision form.
pub async fn queue(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Result<Markup, Answer> {
    let who = visitor.principal.clone();
    let (queued, granted) = blocking(&room, move |room| {
        let requests = room.requests();
        Ok((requests.queue(&who)?, requests.active_grants(&who)?))
    })
    .await
    .map_err(html_failure)?;
    let csrf = visitor.csrf.clone().unwrap_or_default();
    let default_expiry = today() + chrono::Days::new(DEFAULT_GRANT_DAYS);
    Ok(page(
        "Duyệt phiếu yêu cầu",
        Some(&visitor),
        &html! {
            h1 { "Phiếu yêu cầu chờ duyệt" }
            @if queued.is_empty() { p { "Không có phiếu nào chờ duyệt." } }
            @for q in &queued { (queued_request(q, visitor.principal.actor(), &csrf, default_expiry)) }
            h1 { "Quyền sử dụng đang hiệu lực" }
            @if granted.is_empty() { p { "Không có quyền sử dụng nào đang hiệu lực." } }
            @for r in &granted { (active_grant(r, &csrf)) }
        },
    ))
}

fn queued_request(q: &Queued, me: &str, csrf: &str, default_expiry: chrono::NaiveDate) -> Markup {
    let r = &q.request;
    let overdue = r.due < today();
    html! {
        section.queued id=(format!("request-{}", r.id)) {
            h2 { "Phiếu số " (r.id) " — " (r.requester) " — " (r.form.vietnamese())
                @if r.priority { " — ưu tiên" } }
            p { "Gửi lúc " (r.submitted) ". Hạn giải quyết: " span.due.overdue[overdue] { (r.due) @if overdue { " (quá hạn)" } } }
            p { "Mục đích: " (r.purpose) }
            @if let Some(note) = &r.priority_note { p { "Ưu tiên: " (note) } }
            @if let Some(by) = &r.routed_by { p { "Chuyển duyệt bởi " (by) } }
            @if q.may_decide {
                form.decision method="post" action=(format!("/requests/{}/decision", r.id)) {
                    input type="hidden" name="csrf" value=(csrf);
                    p { "Phạm vi (bỏ chọn tài liệu không duyệt):" }
                    ul { @for i in &r.items {
                        li { label { input type="checkbox" name="document" value=(i.document) checked; " " (display_title(&i.title)) " · " (i.symbol) " · " (regime_label(&i.regime)) } }
                    } }
                    p { label { "Hiệu lực đến hết ngày " input type="date" name="expires" value=(default_expiry); } }
                    p { label { "Lý do / ghi chú (bắt buộc khi từ chối)" br; textarea name="reason" rows="2" {} } }
                    p {
                        button type="submit" name="decision" value="approve" class="approve" { "Duyệt" }
                        " "
                        button type="submit" name="decision" value="refuse" class="refuse" { "Từ chối" }
                    }
                }
            } @else {
                p.message { (q.why_not.clone().unwrap_or_default()) }
            }
            @if r.routed_by.is_none() && r.requester != me {
                form.route method="post" action=(format!("/requests/{}/route", r.id)) {
                    input type="hidden" name="csrf" value=(csrf);
                    button type="submit" { "Chuyển cho người duyệt khác" }
                    " (người chuyển không tự duyệt phiếu này)"
                }
            }
        }
    }
}

/// A grant in force, with the form that revokes it.
fn active_grant(r: &ReadingRequest, csrf: &str) -> Markup {
    let Some(g) = &r.grant else { return html! {} };
    html! {
        section.grant id=(format!("grant-{}", g.id)) {
            h2 { "Quyền số " (g.id) " — " (g.user) " — " (g.form.vietnamese()) }
            p { "Phiếu yêu cầu số " (r.id) ". Hiệu lực đến hết ngày " (g.expires) ". "
                (g.documents.len()) " tài liệu." }
            form.revoke method="post" action=(format!("/grants/{}/revoke", g.id)) {
                input type="hidden" name="csrf" value=(csrf);
                p { label { "Lý do thu hồi (bắt buộc)" br; textarea name="reason" rows="2" required {} } }
                p { button type="submit" class="refuse" { "Thu hồi" } }
            }
        }
    }
}

/// `POST /requests/{id}/route`: an archivist or approver routes a pending request to the
/// other approvers.
pub async fn route(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
    body: String,
) -> Response {
    if let Err(a) = checked_form(&visitor, &body) {
        return a.into_response();
    }
    let id = match super::api::request_id(&id) {
        Ok(id) => id,
        Err(f) => return html_failure(f).into_response(),
    };
    let who = visitor.principal.clone();
    match blocking(&room, move |room| Ok(room.requests().route(&who, id)?)).await {
        Ok(_) => see_other("/requests/queue", None),
        Err(f) => html_failure(f).into_response(),
    }
}

/// `POST /grants/{id}/revoke`: an approver revokes a grant in force (`reason` required).
pub async fn revoke(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
    body: String,
) -> Response {
    let form = match checked_form(&visitor, &body) {
        Ok(f) => f,
        Err(a) => return a.into_response(),
    };
    let id = match super::api::request_id(&id) {
        Ok(id) => id,
        Err(f) => return html_failure(f).into_response(),
    };
    let reason = first(&form, "reason").unwrap_or("").to_string();
    let who = visitor.principal.clone();
    match blocking(&room, move |room| {
        Ok(room.requests().revoke(&who, id, &reason)?)
    })
    .await
    {
        Ok(_) => see_other("/requests/queue", None),
        Err(f) => html_failure(f).into_response(),
    }
}

/// `POST /requests/{id}/decision`: an approver's decision from the queue.
pub async fn decide(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
    body: String,
) -> Response {
    let form = match checked_form(&visitor, &body) {
        Ok(f) => f,
        Err(a) => return a.into_response(),
    };
    let id = match super::api::request_id(&id) {
        Ok(id) => id,
        Err(f) => return html_failure(f).into_response(),
    };
    let decision = NewDecision {
        decision: first(&form, "decision").unwrap_or("").to_string(),
        reason: first(&form, "reason").unwrap_or("").to_string(),
        documents: Some(all(&form, "document")),
        expires: first(&form, "expires").map(str::to_string),
    };
    let who = visitor.principal.clone();
    let done = blocking(&room, move |room| {
        Ok(room.requests().decide(&who, id, &decision)?)
    })
    .await;
    match done {
        Ok(_) => see_other("/requests/queue", None),
        Err(f) => html_failure(f).into_response(),
    }
}
