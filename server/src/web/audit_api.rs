//! The auditor's JSON API under `/api/v1/audit`: fixity status, the audit chain head (read,
//! record, check), and the audit and access logs filtered, paged newest first, or exported.
//!
//! In: requests with a session cookie (POSTs with its `X-CSRF-Token`) or `Authorization:
//! Bearer TOKEN`. Out: JSON (`format=csv|ndjson` on the logs: a download of the whole
//! filtered result); errors as `{"error": "…"}` — 400 naming the parameter or field, 403 for
//! other roles (the gate's), 404 for an object the auditor may not be told of, like an
//! unknown id.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::audit_pages::{fixity_query, head_param, in_state, Log};
use super::audit_params::{csv, ndjson, newest_first, Format, LogQuery};
use super::failure::{Answer, Failure};
use super::visitor::Visitor;
use super::{blocking, State};

fn api(failure: Failure) -> Answer {
    Answer { failure, api: true }
}

/// `GET /api/v1/audit/fixity[?state=never-verified|intact|damaged]`.
pub async fn fixity(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    RawQuery(query): RawQuery,
) -> Result<Response, Answer> {
    let state = fixity_query(query.as_deref()).map_err(api)?;
    let who = visitor.principal.clone();
    let all = blocking(&room, move |room| Ok(room.archive.reader(&who).fixity()?))
        .await
        .map_err(api)?;
    Ok(Json(serde_json::json!({ "objects": in_state(all, state) })).into_response())
}

/// `GET /api/v1/audit/fixity/{object}`: its status and every run that checked it.
pub async fn object_fixity(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Response, Answer> {
    let who = visitor.principal.clone();
    let (object, runs) = blocking(&room, move |room| {
        Ok(room.archive.reader(&who).object_fixity(&id)?)
    })
    .await
    .map_err(api)?;
    let mut body = serde_json::to_value(object).map_err(|_| api(Failure::Internal))?;
    body["runs"] = serde_json::to_value(runs).map_err(|_| api(Failure::Internal))?;
    Ok(Json(body).into_response())
}

/// `GET /api/v1/audit/head`: hash, entries, time of the last entry.
pub async fn head(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Result<Response, Answer> {
    let who = visitor.principal.clone();
    let head = blocking(&room, move |room| {
        Ok(room.archive.reader(&who).chain_head()?)
    })
    .await
    .map_err(api)?;
    Ok(Json(head).into_response())
}

/// `POST /api/v1/audit/head`: records the chain head; 201 with the head recorded and the
/// entry recording it.
pub async fn record_head(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
) -> Result<Response, Answer> {
    visitor.check_api_csrf(&headers).map_err(api)?;
    let who = visitor.principal.clone();
    let entry = blocking(&room, move |room| {
        Ok(room.archive.writer(&who).record_chain_head()?)
    })
    .await
    .map_err(api)?;
    let body = serde_json::json!({
        "head": entry.detail["head"],
        "entries": entry.detail["entries"],
        "entry": entry,
    });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// The body of `POST /api/v1/audit/head/check`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckBody {
    /// A head recorded earlier; without it, only the chain is checked.
    head: Option<String>,
}

/// `POST /api/v1/audit/head/check` (`{"head": HASH}`): what `sohoa audit verify --head HASH`
/// answers — `ok` when the chain is intact and (with a head) extends it.
pub async fn check_head(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Answer> {
    visitor.check_api_csrf(&headers).map_err(api)?;
    let asked: CheckBody = if body.iter().all(u8::is_ascii_whitespace) {
        CheckBody::default()
    } else {
        serde_json::from_slice(&body).map_err(|e| {
            api(Failure::BadRequest(format!(
                "Nội dung JSON không hợp lệ: {e}"
            )))
        })?
    };
    let head = asked
        .head
        .as_deref()
        .map(head_param)
        .transpose()
        .map_err(api)?;
    let who = visitor.principal.clone();
    let check = blocking(&room, move |room| {
        Ok(room.archive.reader(&who).check_chain(head.as_deref())?)
    })
    .await
    .map_err(api)?;
    Ok(Json(check).into_response())
}

/// `GET /api/v1/audit/log` and `/api/v1/audit/access`: a page, newest first, or the whole
/// filtered result as a CSV or NDJSON download.
async fn log(
    room: State,
    visitor: Visitor,
    log: Log,
    query: Option<String>,
) -> Result<Response, Answer> {
    let q = LogQuery::parse(query.as_deref().unwrap_or("")).map_err(api)?;
    let who = visitor.principal.clone();
    let filter = q.filter.clone();
    let entries = blocking(&room, move |room| Ok(log.read(room, &who, &filter)?))
        .await
        .map_err(api)?;
    let download = |body: String, extension: &str, mime: &'static str| {
        let disposition = format!("attachment; filename=\"{}.{extension}\"", log.file_stem());
        (
            [
                (header::CONTENT_TYPE, mime.to_string()),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            body,
        )
            .into_response()
    };
    Ok(match q.format {
        Format::Csv => download(csv(&entries), "csv", "text/csv; charset=utf-8"),
        Format::Ndjson => download(ndjson(&entries), "ndjson", "application/x-ndjson"),
        Format::Page => {
            let (total, shown) = newest_first(entries, q.offset, q.limit);
            Json(serde_json::json!({
                "total": total,
                "offset": q.offset,
                "limit": q.limit,
                "entries": shown,
            }))
            .into_response()
        }
    })
}

/// `GET /api/v1/audit/log`.
pub async fn audit_log(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    RawQuery(query): RawQuery,
) -> Result<Response, Answer> {
    log(room, visitor, Log::Audit, query).await
}

/// `GET /api/v1/audit/access`.
pub async fn access_log(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    RawQuery(query): RawQuery,
) -> Result<Response, Answer> {
    log(room, visitor, Log::Access, query).await
}
