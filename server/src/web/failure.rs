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
    /// The work asked for cannot start now (a task of its kind runs already).
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
            pipeline::Error::Query { .. } => {
                Failure::BadRequest(format!("Câu tìm kiếm không hợp lệ: {e}"))
            }
            pipeline::Error::Invalid { field, message } => {
                Failure::BadRequest(format!("Trường {field} không hợp lệ: {message}."))
            }
            pipeline::Error::Forbidden(_) => {
                Failure::Forbidden("Bạn không có quyền làm việc này.".into())
            }
            other => {
                tracing::error!("{other}");
                Failure::Internal
            }
        }
    }
}

impl From<crate::Error> for Failure {
    fn from(e: crate::Error) -> Failure {
        match e {
            crate::Error::Archive(e) => e.into(),
            crate::Error::Invalid { message, .. } => Failure::BadRequest(message),
            crate::Error::NoSuchRequest(_) => Failure::NotFound,
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

/// Any path the reading room does not have: the unknown-resource answer.
pub async fn unknown_route(uri: Uri) -> Response {
    Answer {
        failure: Failure::NotFound,
        api: is_api(&uri),
    }
    .into_response()
}
