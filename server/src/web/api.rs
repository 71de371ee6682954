//! The JSON API under `/api/v1`: the same shapes as the CLI's `--json`.
//!
//! In: requests with a session cookie or `Authorization: Bearer TOKEN`. Out: search results
//! (`sohoa search --json`), a document (`sohoa show --json`), a page's OCR words with their
//! boxes on the scan, reading requests (submit, list, decide), and the `OpenAPI` 3.1
//! description of it all; errors as `{"error": "…"}` with the status saying what kind
//! (400 naming the field or parameter, 401, 403, 404, 429).

use axum::body::Bytes;
use axum::extract::{Path, Query};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use crate::accounts::RequestFilter;
use crate::requests::{NewDecision, NewRequest};
use pipeline::gate::Principal;

use super::failure::{Answer, Failure};
use super::search_params::SearchParams;
use super::visitor::Visitor;
use super::{blocking, ReadingRoom, State};

pub(super) fn api_failure(failure: Failure) -> Answer {
    Answer { failure, api: true }
}

/// `GET /api/v1/search`.
pub async fn search(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Query(params): Query<SearchParams>,
) -> Result<Response, Answer> {
    let query = params
        .query()
        .and_then(|q| q.ok_or_else(|| Failure::BadRequest("Thiếu tham số q.".into())))
        .map_err(api_failure)?;
    let options = params.options().map_err(api_failure)?;
    let who = visitor.principal.clone();
    let results = blocking(&room, move |room| {
        Ok(room
            .archive
            .reader(&who)
            .search(room.current_index(), &query, &options)?)
    })
    .await
    .map_err(api_failure)?;
    Ok(Json(results).into_response())
}

/// `GET /api/v1/documents/{id}`.
pub async fn document(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Response, Answer> {
    let who = visitor.principal.clone();
    let shown = blocking(&room, move |room| {
        Ok(room
            .archive
            .reader(&who)
            .recording_every_read()
            .show(&id, None)?)
    })
    .await
    .map_err(api_failure)?;
    Ok(Json(shown).into_response())
}

/// `GET /api/v1/documents/{id}/pages/{n}/words`: the page's size and OCR words with boxes.
pub async fn words(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path((id, page)): Path<(String, String)>,
) -> Result<Response, Answer> {
    let page = super::images::page_number(&page).map_err(api_failure)?;
    let view = super::images::viewed_page(&room, &visitor.principal, id, page)
        .await
        .map_err(api_failure)?;
    Ok(Json(view).into_response())
}

/// `GET /api/v1/openapi.json` (no sign-in needed: it describes, it holds nothing).
pub async fn openapi() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
}

/// A JSON body as `T`, or a 400 naming what is wrong (a missing or unknown field).
pub(super) fn json_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, Answer> {
    serde_json::from_slice(body).map_err(|e| {
        api_failure(Failure::BadRequest(format!(
            "Nội dung JSON không hợp lệ: {e}"
        )))
    })
}

/// A request id from a path: anything but a number names no request there is.
pub fn request_id(text: &str) -> Result<i64, Failure> {
    text.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or(Failure::NotFound)
}

#[derive(Deserialize)]
pub struct RequestsParams {
    mine: Option<String>,
}

/// `GET /api/v1/requests?mine=1`: the visitor's own requests; without `mine`, the requests
/// an approver or auditor may see.
pub async fn requests(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Query(params): Query<RequestsParams>,
) -> Result<Response, Answer> {
    let mine = match params.mine.as_deref() {
        None | Some("" | "0" | "false") => false,
        Some("1" | "true") => true,
        Some(other) => {
            return Err(api_failure(Failure::BadRequest(format!(
                "Tham số mine phải là 1 hoặc 0 (nhận được {other:?})."
            ))))
        }
    };
    let who = visitor.principal.clone();
    let list = blocking(&room, move |room| {
        let requests = room.requests();
        Ok(if mine {
            requests.mine(&who)?
        } else {
            requests.list(&who, &RequestFilter::default())?
        })
    })
    .await
    .map_err(api_failure)?;
    Ok(Json(serde_json::json!({ "requests": list })).into_response())
}

/// `GET /api/v1/requests/{id}`.
pub async fn request(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Response, Answer> {
    let id = request_id(&id).map_err(api_failure)?;
    let who = visitor.principal.clone();
    let request = blocking(&room, move |room| Ok(room.requests().show(&who, id)?))
        .await
        .map_err(api_failure)?;
    Ok(Json(request).into_response())
}

/// `POST /api/v1/requests`: a reading request (`items`, `purpose`, `form`, `priority`,
/// `priority_note`); 201 with the request stored.
pub async fn submit_request(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Answer> {
    visitor.check_api_csrf(&headers).map_err(api_failure)?;
    let new: NewRequest = json_body(&body)?;
    let who = visitor.principal.clone();
    let request = blocking(&room, move |room| {
        Ok(room.requests().submit(&who, &new, &room.deadlines)?)
    })
    .await
    .map_err(api_failure)?;
    Ok((StatusCode::CREATED, Json(request)).into_response())
}

/// An action of the request API on request (or grant) `id` of the path: the session's
/// CSRF check, the id, the JSON body (`body`), then `act` on a blocking thread; what it
/// returns as JSON. The checks run in this order, so each refusal is the one it was.
async fn request_action<B, T>(
    room: &State,
    visitor: &Visitor,
    headers: &HeaderMap,
    id: &str,
    body: impl FnOnce() -> Result<B, Answer>,
    act: impl FnOnce(&ReadingRoom, &Principal, i64, B) -> crate::Result<T> + Send + 'static,
) -> Result<Response, Answer>
where
    B: Send + 'static,
    T: serde::Serialize + Send + 'static,
{
    visitor.check_api_csrf(headers).map_err(api_failure)?;
    let id = request_id(id).map_err(api_failure)?;
    let body = body()?;
    let who = visitor.principal.clone();
    let done = blocking(room, move |room| Ok(act(room, &who, id, body)?))
        .await
        .map_err(api_failure)?;
    Ok(Json(done).into_response())
}

/// `POST /api/v1/requests/{id}/decision`: an approver's decision (`decision`, `reason`,
/// `documents`, `expires`).
pub async fn decide(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, Answer> {
    request_action(
        &room,
        &visitor,
        &headers,
        &id,
        || json_body::<NewDecision>(&body),
        |room, who, id, decision| room.requests().decide(who, id, &decision),
    )
    .await
}

/// `POST /api/v1/requests/{id}/route`: an archivist or approver routes a pending request
/// to the other approvers (who routed it may not decide it).
pub async fn route_request(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Answer> {
    request_action(
        &room,
        &visitor,
        &headers,
        &id,
        || Ok(()),
        |room, who, id, ()| room.requests().route(who, id),
    )
    .await
}

/// What `POST /api/v1/grants/{id}/revocation` takes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revocation {
    reason: String,
}

/// `POST /api/v1/grants/{id}/revocation`: an approver revokes a grant in force
/// (`reason` required); the grant as it now is.
pub async fn revoke_grant(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, Answer> {
    request_action(
        &room,
        &visitor,
        &headers,
        &id,
        || json_body::<Revocation>(&body),
        |room, who, id, revocation| room.requests().revoke(who, id, &revocation.reason),
    )
    .await
}
