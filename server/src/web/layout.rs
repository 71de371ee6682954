//! The HTML frame of every page, the stylesheet and the script, and the Vietnamese labels
//! of catalog fields.
//!
//! In: a page title, the visitor (if signed in) and the page's body. Out: a complete HTML
//! document (escaped by `maud`), with no inline script or style (the CSP forbids them).

use axum::http::header;
use axum::response::IntoResponse;
use maud::{html, Markup, DOCTYPE};

use super::visitor::Visitor;

/// A whole page: the top bar (search, browse, history, requests with the number of unseen
/// notifications, the approvers' queue, the auditor's pages, account, sign-out) and `body`.
pub fn page(title: &str, visitor: Option<&Visitor>, body: &Markup) -> Markup {
    page_with_head(title, visitor, &html! {}, body)
}

/// [`page`] with `head` added to the document's head (a task page's refresh without
/// script).
pub fn page_with_head(
    title: &str,
    visitor: Option<&Visitor>,
    head: &Markup,
    body: &Markup,
) -> Markup {
    html! {
        (DOCTYPE)
        html lang="vi" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — Phòng đọc lưu trữ" }
                link rel="stylesheet" href="/assets/app.css";
                script src="/assets/app.js" defer {}
                (head)
            }
            body {
                header.bar {
                    strong { "Phòng đọc lưu trữ" }
                    @if let Some(v) = visitor {
                        a href="/" { "Tìm kiếm" }
                        a href="/browse" { "Duyệt phông" }
                        a href="/history" { "Lịch sử truy cập" }
                        a href="/requests" id="my-requests" {
                            "Phiếu yêu cầu"
                            @if v.unseen > 0 { " " span.badge id="unseen" { (v.unseen) } }
                        }
                        @if v.principal.has_role(pipeline::gate::Role::Approver) {
                            a href="/requests/queue" id="request-queue" { "Duyệt phiếu" }
                        }
                        @if v.principal.has_role(pipeline::gate::Role::Admin) {
                            a href="/admin" id="admin-link" { "Quản trị" }
                        }
                        @if v.principal.has_role(pipeline::gate::Role::Archivist) {
                            a href="/tasks/ingest" id="ingest-tasks" { "Nhập hộp" }
                        }
                        @if v.principal.has_role(pipeline::gate::Role::Auditor) {
                            a href="/tasks/verify" id="verify-tasks" { "Kiểm tra toàn vẹn" }
                            a href="/audit/fixity" id="audit-nav" { "Nhật ký & toàn vẹn" }
                        }
                        @if v.principal.has_role(pipeline::gate::Role::Archivist) {
                            a href="/review" id="review-queue" { "Rà soát" }
                        }
                        span.who {
                            a href="/account" { "Tài khoản: " (v.account.name) }
                        }
                        @if let Some(csrf) = &v.csrf {
                            form method="post" action="/logout" {
                                input type="hidden" name="csrf" value=(csrf);
                                button type="submit" id="logout" { "Đăng xuất" }
                            }
                        }
                    }
                }
                main { (body) }
            }
        }
    }
}

/// A page holding only a message (errors, notices).
pub fn message_page(message: &str) -> Markup {
    page(
        "Thông báo",
        None,
        &html! {
            p.message { (message) }
            p { a href="/" { "Về trang tìm kiếm" } }
        },
    )
}

/// The stylesheet.
pub async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("assets/app.css"),
    )
}

/// The script (keyboard navigation only; every page works without it).
pub async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("assets/app.js"),
    )
}
