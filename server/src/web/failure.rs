//! How the reading room answers what it cannot do: one status and one body per kind of
//! failure, in HTML for the browser and as `{"error": "…"}` under `/api/`.
//!
//! In: a library error or a refusal. Out: a response that names no file, path or internal
//! detail; a document the user may not see and an id that does not exist get the very same
//! [`Failure::NotFound`] answer.

use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::layout;

/// What went wrong, as the user is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Unknown, or not visible to this user: the same answer.
    NotFound,
    /// A parameter is not acceptable; the message names it.
    BadRequest(String),
    /// No valid session or token.
    Unauthorized,
    /// A form without this session's token, or from another site.
    Forbidden(String),
    /// The work asked for cannot start now (a task of its kind runs already), or a change
    /// found the object changed by another writer since it was read.
    Conflict(String),
    /// Something failed inside; logged, not shown.
    Internal,
}

/// The message of an unknown (or invisible) resource.
pub const NOT_FOUND_MESSAGE: &str = "Không tìm thấy tài liệu hoặc trang này.";

impl Failure {
    fn status(&self) -> StatusCode {
        match self {
            Failure::NotFound => StatusCode::NOT_FOUND,
            Failure::BadRequest(_) => StatusCode::BAD_REQUEST,
            Failure::Unauthorized => StatusCode::UNAUTHORIZED,
            Failure::Forbidden(_) => StatusCode::FORBIDDEN,
            Failure::Conflict(_) => StatusCode::CONFLICT,
            Failure::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn message(&self) -> String {
        match self {
            Failure::NotFound => NOT_FOUND_MESSAGE.to_string(),
            Failure::BadRequest(m) | Failure::Forbidden(m) | Failure::Conflict(m) => m.clone(),
            Failure::Unauthorized => "Cần đăng nhập (phiên hoặc mã truy cập không hợp lệ).".into(),
            Failure::Internal => "Lỗi máy chủ; lỗi đã được ghi lại.".into(),
        }
    }

    /// The answer under `/api/`: JSON.
    pub fn json(self) -> Response {
        let body = serde_json::json!({ "error": self.message() });
        (self.status(), Json(body)).into_response()
    }

    /// The answer to a browser: an HTML page.
    pub fn html(self) -> Response {
        let page = layout::message_page(&self.message());
        (self.status(), page).into_response()
    }
}

impl From<pipeline::Error> for Failure {
    fn from(e: pipeline::Error) -> Failure {
        match e {
            pipeline::Error::NotFound(_) => Failure::NotFound,
            pipeline::Error::Query { query, problem, .. } => {
                Failure::BadRequest(query_message(&query, &problem))
            }
            pipeline::Error::Split(problem) => Failure::BadRequest(split_message(&problem)),
            pipeline::Error::Forbidden(_) => {
                Failure::Forbidden("Bạn không có quyền làm việc này.".into())
            }
            e if e.is_concurrent_commit() => {
                tracing::info!("a change refused: {e}");
                Failure::Conflict(
                    "Hồ sơ vừa được người khác sửa trong lúc này; chưa có gì được lưu. Tải lại \
                     trang và sửa lại."
                        .into(),
                )
            }
            other => {
                tracing::error!("{other}");
                Failure::Internal
            }
        }
    }
}

/// Why a correction of a hồ sơ's split cannot be made, in Vietnamese, naming the field at
/// fault (the library says it in English, for the command line).
pub fn split_message(problem: &pipeline::resplit::SplitProblem) -> String {
    use pipeline::resplit::SplitProblem as P;
    let field = problem.field();
    let why = match problem {
        P::FirstOfHoso { document } => {
            format!("tài liệu {document} là tài liệu đầu tiên của hồ sơ, không có tài liệu nào trước nó")
        }
        P::PageNotNear {
            page,
            document,
            pages,
        } => format!(
            "trang {page} của hồ sơ không thuộc tài liệu {document} hay tài liệu ngay trước nó \
             (các trang {pages})"
        ),
        P::EmptiesPrevious { page, document } => format!(
            "trang {page} là trang đầu của tài liệu trước {document}: tài liệu đó sẽ không còn \
             trang nào (hãy gộp {document} vào tài liệu đó)"
        ),
        P::AlreadyBegins { page, document } => {
            format!("tài liệu {document} đã bắt đầu ở trang {page}")
        }
        P::NotInDocument {
            page,
            document,
            pages,
        } => format!("trang {page} của hồ sơ không thuộc tài liệu {document} (các trang {pages})"),
        P::SplitAtFirst { page, document } => format!(
            "trang {page} là trang đầu của tài liệu {document}: tách ở đó không thay đổi gì"
        ),
        P::NoReason => "cần ghi lý do sửa, lý do được lưu cùng lần sửa".to_string(),
    };
    format!("Không sửa được (trường {field}): {why}.")
}

/// Why a search query is refused, in Vietnamese (the library says it in English, for the
/// command line).
fn query_message(query: &str, problem: &pipeline::QueryProblem) -> String {
    use pipeline::QueryProblem as P;
    match problem {
        P::Empty => "Câu tìm kiếm trống: hãy nhập từ cần tìm.".to_string(),
        P::TooDeep { depth, max } => {
            format!("Câu tìm kiếm lồng ngoặc {depth} tầng; chỉ nhận tối đa {max} tầng.")
        }
        P::TooLong { chars, max } => {
            format!("Câu tìm kiếm dài {chars} ký tự; chỉ nhận tối đa {max} ký tự.")
        }
        P::AnyValue { field } => format!(
            "Không tìm được `{field}:*` (mọi giá trị của một trường): hãy cho một giá trị \
             (`{field}:GIÁ_TRỊ`) hoặc tìm từ trong văn bản."
        ),
        P::Syntax => format!(
            "Câu tìm kiếm {query:?} sai cú pháp: hãy kiểm tra dấu ngoặc kép và ngoặc đơn đã \
             đóng đủ, và AND / OR đứng giữa hai từ."
        ),
        P::NotAField { field } => format!(
            "{field:?} không phải trường tìm kiếm được: hãy tìm trong văn bản, không kèm tên \
             trường (một từ đứng trước dấu hai chấm là tên trường)."
        ),
        P::PhraseInField { field } => format!(
            "Không tìm được cụm từ trong trường {field:?}: hãy đặt cụm từ trong ngoặc kép, \
             không kèm tên trường (khớp mọi cách bỏ dấu, đúng dấu xếp trước)."
        ),
        P::OnlyExclusions => {
            "Câu tìm kiếm chỉ loại trừ từ (-từ): hãy thêm một từ cần tìm.".to_string()
        }
        P::DateFilter => {
            format!("Ngày lọc {query:?} không hợp lệ: hãy dùng dạng YYYY-MM-DD hoặc một năm.")
        }
        P::Other => format!("Câu tìm kiếm {query:?} không hợp lệ."),
    }
}

impl From<crate::Error> for Failure {
    fn from(e: crate::Error) -> Failure {
        match e {
            crate::Error::Archive(e) => e.into(),
            crate::Error::Invalid { message, .. } => Failure::BadRequest(message),
            crate::Error::NoSuchRequest(_) | crate::Error::NoSuchGrant(_) => Failure::NotFound,
            crate::Error::Refused(message) => Failure::Forbidden(message),
            crate::Error::Busy(message) => Failure::Conflict(message),
            other => {
                tracing::error!("{other}");
                Failure::Internal
            }
        }
    }
}

/// A failure answered as the path asks: JSON under `/api/`, else HTML.
pub struct Answer {
    pub failure: Failure,
    pub api: bool,
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        if self.api {
            self.failure.json()
        } else {
            self.failure.html()
        }
    }
}

/// Whether `uri` is answered in JSON: the API's and IIIF's (`/iiif/`) routes.
pub fn is_api(uri: &Uri) -> bool {
    uri.path().starts_with("/api/") || uri.path().starts_with("/iiif/")
}

/// The most of an extractor's rejection read to say what was wrong with the request.
const REJECTION_BYTES: usize = 2_048;

/// Answers a request an extractor refused (a query string with a parameter twice, a form
/// without its content type: axum's rejections are plain text) as every other failure is
/// answered: JSON under `/api/` and `/iiif/`, else an HTML page, with the same status and
/// what was wrong. The reading room's own answers are never plain text.
pub async fn rejections_answered_alike(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let api = is_api(request.uri());
    let response = next.run(request).await;
    let plain = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    if !response.status().is_client_error() || !plain {
        return response;
    }
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), REJECTION_BYTES)
        .await
        .unwrap_or_default();
    let detail = String::from_utf8_lossy(&body);
    let message = format!("Yêu cầu không hợp lệ: {}", detail.trim());
    if api {
        (status, Json(serde_json::json!({ "error": message }))).into_response()
    } else {
        (status, layout::message_page(&message)).into_response()
    }
}

/// Any path the reading room does not have: the unknown-resource answer.
pub async fn unknown_route(uri: Uri) -> Response {
    Answer {
        failure: Failure::NotFound,
        api: is_api(&uri),
    }
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_another_writer_got_in_before_is_a_conflict_naming_no_object() {
        let errors = [
            pipeline::Error::ChangedMeanwhile {
                object: "01ARZ3NDEKTSV4RRFFQ69G5FAV".into(),
                now: "v3".into(),
                read: "v2".into(),
            },
            pipeline::Error::InventoryChanged {
                path: "/srv/archive/ocfl/01/inventory.json".into(),
                expected: "a".into(),
                actual: "b".into(),
            },
        ];
        for e in errors {
            let failure = Failure::from(e);
            assert_eq!(failure.status(), StatusCode::CONFLICT);
            let message = failure.message();
            assert!(message.contains("người khác sửa"), "{message}");
            assert!(!message.contains("01ARZ") && !message.contains("/srv"));
        }
    }
}
