//! The JSON API under `/api/v1`: the same shapes as the CLI's `--json`.
//!
//! In: requests with a session cookie or `Authorization: Bearer TOKEN`. Out: search results
//! (`sohoa search --json`), a document (`sohoa show --json`), a page's OCR words with their
//! boxes on the scan, and the `OpenAPI` 3.1 description of it all; errors as
//! `{"error": "…"}` with the status saying what kind (400, 401, 404, 429).

use axum::extract::{Path, Query};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::failure::{Answer, Failure};
use super::search_params::SearchParams;
use super::visitor::Visitor;
use super::{blocking, State};

fn api_failure(failure: Failure) -> Answer {
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
            .search(&room.index, &query, &options)?)
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
