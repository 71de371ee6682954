//! Correcting the split of a hồ sơ into documents in the browser and through the API: the
//! hồ sơ's pages with their document boundaries, and a form to move a boundary, split a
//! document or merge one into the one before, with a reason (archivists only).
//!
//! In: a signed-in [`Visitor`], a hồ sơ object id in the path, the form (with the session's
//! CSRF token) or a JSON body (`POST /api/v1/hoso/{id}/split`: `operation` — `move-boundary`,
//! `split-at`, `merge` —, `document`, `page`, `reason`). Out: HTML, or the outcome as
//! `sohoa edit --json` gives it. The work and every check (the archivist's role, the
//! clearance covering every document before and after, the reason) are the gate's
//! ([`pipeline::gate::Writer::correct_split`]): a visitor without the role gets 403, a hồ sơ
//! they may not see wholly the unknown-id answer.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use maud::{html, Markup};
use pipeline::gate::{HoSoLayout, SplitOperation, SplitRequest};
use pipeline::resplit::page_range;
use serde::Deserialize;

use super::failure::{split_message, Answer, Failure};
use super::layout::page;
use super::pages::{display_title, document_link, html_failure};
use super::visitor::{see_other, Visitor};
use super::{blocking, State};

/// A correction asked for, as the API's JSON body and the form carry it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitBody {
    operation: String,
    document: String,
    page: Option<u32>,
    reason: Option<String>,
}

impl SplitBody {
    /// The operation, or a 400 naming the field that is wrong.
    fn operation(&self) -> Result<SplitOperation, Failure> {
        let document = self.document.trim().to_string();
        if document.is_empty() {
            return Err(Failure::BadRequest(
                "Chưa chọn tài liệu (trường document).".into(),
            ));
        }
        let page = || {
            self.page.filter(|p| *p > 0).ok_or_else(|| {
                Failure::BadRequest("Cần số trang trong hồ sơ, từ 1 trở lên (trường page).".into())
            })
        };
        match self.operation.as_str() {
            "move-boundary" => Ok(SplitOperation::MoveBoundary {
                document,
                page: page()?,
            }),
            "split-at" => Ok(SplitOperation::SplitAt {
                document,
                page: page()?,
            }),
            "merge" => Ok(SplitOperation::Merge { document }),
            other => Err(Failure::BadRequest(format!(
                "Thao tác {other:?} không có (trường operation: move-boundary, split-at \
                 hoặc merge)."
            ))),
        }
    }
}

/// A library refusal of the correction as the visitor is told: what the parameters ask
/// that cannot be done names the field.
fn failure_of(e: pipeline::Error) -> Failure {
    match e {
        pipeline::Error::Split(pipeline::resplit::SplitProblem::NoReason) => {
            Failure::BadRequest("Cần ghi lý do sửa (trường reason).".to_string())
        }
        pipeline::Error::Split(problem) => Failure::BadRequest(split_message(&problem)),
        pipeline::Error::Forbidden(message) => {
            tracing::info!("split correction refused: {message}");
            Failure::Forbidden(
                "Bạn không được sửa cách chia này: cần vai trò lưu trữ viên và mức tiếp cận \
                 bao trùm mọi tài liệu của hồ sơ, trước và sau khi sửa (độ mật của các trang \
                 được đọc lại)."
                    .into(),
            )
        }
        other => other.into(),
    }
}

/// Applies `body` to hồ sơ `object` for the visitor.
async fn apply(
    room: &State,
    visitor: &Visitor,
    object: String,
    body: SplitBody,
) -> Result<pipeline::gate::SplitOutcome, Failure> {
    let operation = body.operation()?;
    let who = visitor.principal.clone();
    blocking(room, move |room| {
        room.archive
            .writer(&who)
            .correct_split(&SplitRequest {
                object: &object,
                operation: &operation,
                reason: body.reason.as_deref(),
            })
            .map_err(failure_of)
    })
    .await
}

/// `POST /api/v1/hoso/{id}/split`: the outcome (`sohoa edit --json`'s shape).
pub async fn api_split(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    Path(object): Path<String>,
    body: Bytes,
) -> Result<Response, Answer> {
    let api = |failure| Answer { failure, api: true };
    visitor.check_api_csrf(&headers).map_err(api)?;
    let body: SplitBody = serde_json::from_slice(&body).map_err(|e| {
        api(Failure::BadRequest(format!(
            "Nội dung JSON không hợp lệ: {e}"
        )))
    })?;
    let outcome = apply(&room, &visitor, object, body).await.map_err(api)?;
    Ok(Json(outcome).into_response())
}

/// `GET /api/v1/hoso/{id}/split`: the hồ sơ's documents with their hồ sơ pages.
pub async fn api_layout(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(object): Path<String>,
) -> Result<Response, Answer> {
    let shown = layout(&room, &visitor, object)
        .await
        .map_err(|failure| Answer { failure, api: true })?;
    Ok(Json(shown).into_response())
}

/// The hồ sơ's layout for the visitor (an archivist seeing all its documents).
async fn layout(room: &State, visitor: &Visitor, object: String) -> Result<HoSoLayout, Failure> {
    let who = visitor.principal.clone();
    blocking(room, move |room| {
        room.archive
            .writer(&who)
            .split_layout(&object)
            .map_err(failure_of)
    })
    .await
}

/// `GET /hoso/{id}/split`: the hồ sơ's pages with their document boundaries, and the form.
pub async fn form(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(object): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Markup, Answer> {
    let shown = layout(&room, &visitor, object)
        .await
        .map_err(html_failure)?;
    let done = serde_urlencoded::from_str::<Vec<(String, String)>>(query.as_deref().unwrap_or(""))
        .ok()
        .and_then(|q| q.into_iter().find(|(k, _)| k == "version").map(|(_, v)| v))
        .filter(|v| v.len() < 12 && v.starts_with('v'));
    Ok(form_page(&visitor, &shown, done.as_deref()))
}

fn form_page(visitor: &Visitor, shown: &HoSoLayout, done: Option<&str>) -> Markup {
    let csrf = visitor.csrf.clone().unwrap_or_default();
    let title = format!("Hồ sơ {} — cách chia tài liệu", shown.hoso);
    page(
        &title,
        Some(visitor),
        &html! {
            h1 { (title) }
            p { "Hộp " (shown.box_name) " · phiên bản " (shown.version) " · " (shown.documents.len()) " tài liệu" }
            @if let Some(version) = done {
                p.message id="split-saved" { "Đã lưu cách chia mới (phiên bản " (version) "). Các phiên bản trước vẫn được giữ nguyên." }
            }
            table.split id="hoso-pages" {
                thead { tr { th { "Trang hồ sơ" } th { "Tài liệu" } th { "Trang trong tài liệu" } } }
                tbody {
                    @for d in &shown.documents {
                        @for (i, n) in d.pages.iter().enumerate() {
                            tr.boundary[i == 0] data-document=(d.id) data-page=(n) {
                                td { (n) }
                                td {
                                    @if i == 0 {
                                        strong { (d.ordinal) ". " a href=(document_link(&d.id, None, None)) { (display_title(&d.summary.title)) } }
                                        @if !d.summary.symbol.is_empty() { " · " (d.summary.symbol) }
                                        " (trang " (page_range(&d.pages)) ")"
                                    } @else { "″" }
                                }
                                td { a href=(document_link(&d.id, None, Some(u32::try_from(i + 1).unwrap_or(1)))) { (i + 1) } }
                            }
                        }
                    }
                }
            }
            h2 { "Sửa cách chia" }
            form.split method="post" action=(format!("/hoso/{}/split", shown.object)) {
                input type="hidden" name="csrf" value=(csrf);
                p { label { "Thao tác "
                    select name="operation" {
                        option value="move-boundary" { "Dời ranh giới: tài liệu bắt đầu từ trang" }
                        option value="split-at" { "Tách tài liệu: phần từ trang này thành tài liệu mới" }
                        option value="merge" { "Gộp tài liệu vào tài liệu liền trước" }
                    }
                } }
                p { label { "Tài liệu "
                    select name="document" {
                        @for d in &shown.documents {
                            option value=(d.id) { (d.ordinal) ". " (display_title(&d.summary.title)) " (trang " (page_range(&d.pages)) ")" }
                        }
                    }
                } }
                p { label { "Trang trong hồ sơ (không cần khi gộp) " input type="number" name="page" min="1"; } }
                p { label { "Lý do (bắt buộc)" br; textarea name="reason" rows="2" required {} } }
                p { button type="submit" { "Lưu cách chia mới" } }
            }
            p { "Mỗi lần sửa tạo một phiên bản mới của hồ sơ; tài liệu đổi trang được đọc lại từ các trang mới, giữ các giá trị đã nhập tay, và bản PDF được làm lại." }
        },
    )
}

/// `POST /hoso/{id}/split`: the form's correction; back to the form, saying the version.
pub async fn submit(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(object): Path<String>,
    body: String,
) -> Response {
    let form: Vec<(String, String)> = match serde_urlencoded::from_str(&body) {
        Ok(f) => f,
        Err(_) => {
            return html_failure(Failure::BadRequest("Biểu mẫu không đọc được.".into()))
                .into_response()
        }
    };
    let field = |name: &str| {
        form.iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    if let Err(f) = visitor.check_csrf(field("csrf").unwrap_or("")) {
        return html_failure(f).into_response();
    }
    let page = match field("page").map(str::trim).filter(|p| !p.is_empty()) {
        None => None,
        Some(text) => match text.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                return html_failure(Failure::BadRequest(format!(
                    "Số trang {text:?} không hợp lệ (trường page)."
                )))
                .into_response()
            }
        },
    };
    let body = SplitBody {
        operation: field("operation").unwrap_or("").to_string(),
        document: field("document").unwrap_or("").to_string(),
        page,
        reason: field("reason").map(str::to_string),
    };
    match apply(&room, &visitor, object.clone(), body).await {
        Ok(outcome) => see_other(
            &format!("/hoso/{}/split?version={}", outcome.object, outcome.version),
            None,
        ),
        Err(f) => html_failure(f).into_response(),
    }
}
