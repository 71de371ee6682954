//! The archivist's review in the JSON API, and the correction both it and the review pages
//! make: `GET /api/v1/review` (the queue of `sohoa review --json`, optionally of one kind)
//! and `POST /api/v1/documents/{id}/edit` (record keys to set, `reviewed`, `reason`).
//!
//! In: requests of a signed-in archivist (session with its `X-CSRF-Token`, or a bearer
//! token). Out: the queue's items, or the `EditOutcome` of the correction (the new version
//! and what changed); errors as `{"error": "…"}`: 403 for a user who is not an archivist
//! (the gate's rule), 404 for a document they may not see, 400 naming the field at fault.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, Query};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use pipeline::edit::EditOutcome;
use pipeline::gate::{EditRequest, Principal};
use pipeline::review::{ReviewItem, ReviewKind};
use serde::Deserialize;

use super::failure::{Answer, Failure};
use super::{blocking, State};

/// The code sets corrections are checked against (those `sohoa edit` uses by default).
pub(super) fn codes() -> &'static archive_schema::CodeSets {
    archive_schema::CodeSets::tt05_2025()
}

/// The Thông tư 05/2025 name of tài liệu record key `key` (empty for an unknown key).
pub(super) fn field_name(key: &str) -> &'static str {
    archive_schema::TAI_LIEU_FIELDS
        .iter()
        .find(|f| f.key == key)
        .map_or("", |f| f.vi)
}

/// The kinds of review item, by the key the queue's JSON gives them.
pub(super) const KINDS: [ReviewKind; 4] = [
    ReviewKind::LowConfidenceField,
    ReviewKind::Invalid,
    ReviewKind::LowConfidencePage,
    ReviewKind::SplitNote,
];

/// The JSON key of `kind` (`low_confidence_field` …).
pub(super) fn kind_key(kind: ReviewKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The kind a `kind` parameter names: None for all; a 400 naming the parameter otherwise.
pub(super) fn kind_filter(kind: Option<&str>) -> Result<Option<ReviewKind>, Failure> {
    match kind.map(str::trim) {
        None | Some("") => Ok(None),
        Some(key) => KINDS
            .into_iter()
            .find(|k| kind_key(*k) == key)
            .map(Some)
            .ok_or_else(|| {
                let keys: Vec<String> = KINDS.into_iter().map(kind_key).collect();
                Failure::BadRequest(format!(
                    "Tham số kind không hợp lệ ({key:?}); dùng một trong: {}.",
                    keys.join(", ")
                ))
            }),
    }
}

/// The open review items `who` may see (archivists only: the gate says so), of one kind
/// or all.
pub(super) async fn queue(
    room: &State,
    who: &Principal,
    kind: Option<ReviewKind>,
) -> Result<Vec<ReviewItem>, Failure> {
    let who = who.clone();
    blocking(room, move |room| {
        let mut items = room.archive.reader(&who).review_queue(codes())?;
        items.retain(|i| kind.is_none_or(|k| i.kind == k));
        Ok(items)
    })
    .await
}

/// A correction asked for over HTTP.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// Record keys and their new values (an empty value clears the field).
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
    /// Accept the document as it is.
    #[serde(default)]
    pub reviewed: bool,
    /// Why (required to change chế độ sử dụng or độ mật).
    #[serde(default)]
    pub reason: Option<String>,
}

/// The record keys whose change needs a reason (they decide who may see the record).
const ACCESS_KEYS: [&str; 2] = ["che_do_su_dung", "do_mat"];

/// Makes `correction` of document `id` as `who` through the gate's writer.
pub(super) async fn correct(
    room: &State,
    who: &Principal,
    id: String,
    correction: Correction,
) -> Result<EditOutcome, Failure> {
    if correction.settings.is_empty() && !correction.reviewed {
        return Err(Failure::BadRequest(
            "Chưa có gì để sửa: cần ít nhất một trường (settings) hoặc reviewed.".into(),
        ));
    }
    let reason = correction
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    if let Some(key) = correction
        .settings
        .keys()
        .find(|k| ACCESS_KEYS.contains(&k.as_str()))
    {
        if reason.is_none() {
            return Err(Failure::BadRequest(format!(
                "Trường reason (lý do) bắt buộc khi đổi {key} ({}).",
                field_name(key)
            )));
        }
    }
    let settings: Vec<(String, String)> = correction.settings.into_iter().collect();
    let who = who.clone();
    blocking(room, move |room| {
        let request = EditRequest {
            id: &id,
            settings: &settings,
            reviewed: correction.reviewed,
            reason: reason.as_deref(),
            codes: codes(),
        };
        let outcome = room
            .archive
            .writer(&who)
            .edit(&request)
            .map_err(edit_failure)?;
        // The edit refreshed the document's index entry: searches here see it now.
        if let Err(e) = room.index.reload() {
            tracing::error!("reloading the search index after an edit: {e}");
        }
        Ok(outcome)
    })
    .await
}

/// How a refused correction is told: the field at fault named, in Vietnamese.
fn edit_failure(e: pipeline::Error) -> Failure {
    use archive_schema::Error as Schema;
    match e {
        pipeline::Error::Schema(Schema::UnknownField { key, .. }) => Failure::BadRequest(format!(
            "Trường {key:?} không có trong bản ghi tài liệu; dùng khóa của Thông tư 05/2025 \
             (ví dụ trich_yeu, ngay_ban_hanh)."
        )),
        pipeline::Error::Schema(Schema::ReadOnlyField { key, vi, .. }) => {
            Failure::BadRequest(format!("Trường {key} ({vi}) không sửa được."))
        }
        pipeline::Error::Schema(Schema::Invalid(v)) => {
            use archive_schema::Problem;
            // The library's message is English (for the command line): the user is told
            // the field and the kind of problem.
            let why = match v.problem {
                Problem::Missing => "trường này bắt buộc phải có giá trị",
                Problem::UnknownCode => {
                    "giá trị không có trong bộ mã của trường (xem các giá trị được phép trong \
                     danh sách chọn)"
                }
                Problem::BadDate => {
                    "ngày phải có dạng YYYY-MM-DD (hoặc YYYY-MM, YYYY) và là một ngày có thật"
                }
                Problem::BadIdentifier => "mã không đúng cấu trúc quy định",
                Problem::BadValue => {
                    "giá trị không đúng dạng của trường (số nguyên, văn bản không rỗng…)"
                }
                Problem::Inconsistent => {
                    "giá trị mâu thuẫn với trường khác của bản ghi (mã lưu trữ với mã hồ sơ, \
                     ngày bắt đầu sau ngày kết thúc…)"
                }
            };
            Failure::BadRequest(format!("Trường {} ({}): {why}.", v.field, v.vi))
        }
        pipeline::Error::Schema(other) => {
            tracing::info!("an edit refused: {other}");
            Failure::BadRequest("Giá trị không hợp lệ cho bản ghi tài liệu.".into())
        }
        other => other.into(),
    }
}

fn api_failure(failure: Failure) -> Answer {
    Answer { failure, api: true }
}

#[derive(Deserialize)]
pub struct QueueParams {
    kind: Option<String>,
}

/// `GET /api/v1/review[?kind=…]`: the review queue, as `sohoa review --json` gives it.
pub async fn review_queue(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: super::visitor::Visitor,
    Query(params): Query<QueueParams>,
) -> Result<Response, Answer> {
    let kind = kind_filter(params.kind.as_deref()).map_err(api_failure)?;
    let items = queue(&room, &visitor.principal, kind)
        .await
        .map_err(api_failure)?;
    Ok(Json(serde_json::json!({ "total": items.len(), "items": items })).into_response())
}

/// `POST /api/v1/documents/{id}/edit`: a correction (`settings`, `reviewed`, `reason`);
/// answers the `EditOutcome`.
pub async fn edit(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: super::visitor::Visitor,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, Answer> {
    visitor.check_api_csrf(&headers).map_err(api_failure)?;
    let correction: Correction = serde_json::from_slice(&body).map_err(|e| {
        api_failure(Failure::BadRequest(format!(
            "Nội dung JSON không hợp lệ: {e}"
        )))
    })?;
    let outcome = correct(&room, &visitor.principal, id, correction)
        .await
        .map_err(api_failure)?;
    Ok(Json(outcome).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_named_by_their_queue_keys_and_a_bad_one_names_the_parameter() {
        assert_eq!(kind_filter(None), Ok(None));
        assert_eq!(kind_filter(Some("")), Ok(None));
        assert_eq!(
            kind_filter(Some("split_note")),
            Ok(Some(ReviewKind::SplitNote))
        );
        let Err(Failure::BadRequest(m)) = kind_filter(Some("x")) else {
            panic!("a bad kind is a bad request");
        };
        assert!(
            m.contains("kind") && m.contains("low_confidence_field"),
            "{m}"
        );
    }
}
