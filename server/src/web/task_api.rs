//! The JSON API of the staff's long-running tasks: `GET /api/v1/boxes` (the inbox's boxes),
//! `POST /api/v1/ingests` `{"box": NAME}`, `GET /api/v1/ingests/{id}`,
//! `POST /api/v1/verifications` `{"sample": N}` (without `sample`: everything) and
//! `GET /api/v1/verifications/{id}`.
//!
//! In: requests with a bearer token, or a session cookie and its `X-CSRF-Token` on POSTs.
//! Out: the task (`crate::tasks::Task`: state, progress, report once done), 202 when one
//! starts; 403 without the role, 400 naming the field, 409 while a task of the kind runs,
//! 404 for a task of another role exactly as for an unknown id.

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::api::{api_failure, json_body};
use super::failure::{Answer, Failure};
use super::task_pages::{api_collection, boxes, start_ingest, start_verify, visible_task};
use super::visitor::Visitor;
use super::{blocking, State};
use crate::tasks::TaskKind;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewIngest {
    #[serde(rename = "box")]
    box_name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewVerification {
    sample: Option<usize>,
}

/// `GET /api/v1/boxes`: the boxes of the server's inbox (archivists).
pub async fn list_boxes(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
) -> Result<Response, Answer> {
    let who = visitor.principal.clone();
    let (list, configured) = blocking(&room, move |room| {
        Ok((boxes(room, &who)?, room.inbox.is_configured()))
    })
    .await
    .map_err(api_failure)?;
    Ok(Json(serde_json::json!({ "inbox": configured, "boxes": list })).into_response())
}

/// A task just started: 202 with where to follow it.
fn started(kind: TaskKind, id: Result<String, Failure>) -> Result<Response, Answer> {
    let id = id.map_err(api_failure)?;
    let location = format!("{}/{id}", api_collection(kind));
    Ok((
        StatusCode::ACCEPTED,
        [(header::LOCATION, location.clone())],
        Json(serde_json::json!({ "id": id, "state": "queued", "url": location })),
    )
        .into_response())
}

/// `POST /api/v1/ingests` `{"box": NAME}`.
pub async fn start_ingest_api(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Answer> {
    visitor.check_api_csrf(&headers).map_err(api_failure)?;
    let new: NewIngest = json_body(&body)?;
    started(
        TaskKind::Ingest,
        start_ingest(&room, &visitor, new.box_name).await,
    )
}

/// `POST /api/v1/verifications` `{"sample": N}`.
pub async fn start_verify_api(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Answer> {
    visitor.check_api_csrf(&headers).map_err(api_failure)?;
    let new: NewVerification = if body.iter().all(u8::is_ascii_whitespace) {
        NewVerification { sample: None }
    } else {
        json_body(&body)?
    };
    started(
        TaskKind::Verify,
        start_verify(&room, &visitor, new.sample).await,
    )
}

/// `GET /api/v1/ingests/{id}`.
pub async fn ingest(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Response, Answer> {
    task_json(&room, &visitor, TaskKind::Ingest, id).await
}

/// `GET /api/v1/verifications/{id}`.
pub async fn verification(
    axum::extract::State(room): axum::extract::State<State>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Response, Answer> {
    task_json(&room, &visitor, TaskKind::Verify, id).await
}

/// Task `id` of `kind` as the visitor may see it (else 404, as for an unknown id).
async fn task_json(
    room: &State,
    visitor: &Visitor,
    kind: TaskKind,
    id: String,
) -> Result<Response, Answer> {
    let task = visible_task(room, visitor, Some(kind), id)
        .await
        .map_err(api_failure)?;
    Ok(Json(task).into_response())
}
