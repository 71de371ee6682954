//! Content Search API 2.0 and 1.0 (Mirador speaks only 1.0) within one document, with
//! autocomplete.
//!
//! In: a document id and a query `q` (words; case and diacritics ignored, the way the
//! reading room's hit boxes match: [`crate::web::hits`]). Out: each word of the document's
//! OCR that the query hits as an annotation on its page's canvas, its box in canvas
//! coordinates (`#xywh=`: the scan's pixels, as the OCR word boxes are mapped back onto the
//! scan), with the words around it (1.0 `hits`); autocomplete: the document's words starting
//! with the last word typed, most frequent first. The document is read through the gate's
//! `show` (its pages' text) and the pages holding hits through its `page` (their word
//! boxes): the same reads as the document view, recorded the same way.

use std::collections::BTreeMap;

use std::sync::Arc;

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use pipeline::gate::Principal;
use serde::Deserialize;
use serde_json::{json, Value};

use super::presentation::canvas_id;
use super::{failure, json_ld, Caller};
use crate::web::failure::{Answer, Failure};
use crate::web::hits::{count_in, folded_word, is_hit, search_words};
use crate::web::visitor::Visitor;
use crate::web::{blocking, ReadingRoom, State};

const SEARCH_2_CONTEXT: &str = "http://iiif.io/api/search/2/context.json";
const SEARCH_1_CONTEXT: &str = "http://iiif.io/api/search/1/context.json";
const PRESENTATION_2_CONTEXT: &str = "http://iiif.io/api/presentation/2/context.json";
/// The longest query accepted (as the search's).
const MAX_QUERY_CHARS: usize = 2000;
/// Words of context on each side of a hit (1.0 `before` / `after`).
const CONTEXT_WORDS: usize = 4;
/// Terms an autocomplete answer lists at most.
const MAX_TERMS: usize = 20;

/// The query parameters of both services (`motivation`, `date`, `user` are not used: every
/// annotation is OCR text of the scan).
#[derive(Deserialize)]
struct SearchParams {
    q: Option<String>,
}

/// A search or autocomplete request: who asks, about which document, with which query.
pub struct Asked {
    room: State,
    visitor: Visitor,
    id: String,
    query: String,
    /// The document's IIIF prefix.
    doc: String,
}

impl FromRequestParts<State> for Asked {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, room: &State) -> Result<Self, Response> {
        let Caller { visitor, base } = Caller::of(parts, room).await?;
        let Path(id) = Path::<String>::from_request_parts(parts, room)
            .await
            .map_err(|_| failure(Failure::NotFound).into_response())?;
        let Query(params) = Query::<SearchParams>::from_request_parts(parts, room)
            .await
            .map_err(|_| {
                failure(Failure::BadRequest("Tham số q không hợp lệ.".into())).into_response()
            })?;
        let query = params.q.unwrap_or_default();
        if query.chars().count() > MAX_QUERY_CHARS {
            return Err(failure(Failure::BadRequest(format!(
                "Tham số q dài quá {MAX_QUERY_CHARS} ký tự."
            )))
            .into_response());
        }
        Ok(Asked {
            room: Arc::clone(room),
            visitor,
            doc: base.document(&id),
            id,
            query,
        })
    }
}

impl Asked {
    /// Runs `find` (a gate read of the document for the visitor) off the async threads.
    async fn read<T: Send + 'static>(
        &self,
        find: fn(&ReadingRoom, &Principal, &str, &str) -> Result<T, Failure>,
    ) -> Result<T, Answer> {
        let (who, id, query) = (
            self.visitor.principal.clone(),
            self.id.clone(),
            self.query.clone(),
        );
        blocking(&self.room, move |room| find(room, &who, &id, &query))
            .await
            .map_err(failure)
    }

    /// The URL of `service` of this document asked `query`.
    fn url(&self, service: &str, query: &str) -> String {
        query_url(&format!("{}/{service}", self.doc), query)
    }
}

/// A word the query hits.
struct Hit {
    page: u32,
    /// The word's place among the page's words.
    index: usize,
    text: String,
    bbox: [u32; 4],
    before: String,
    after: String,
}

/// The hits of `query` in document `id`, read for `who`.
fn find_hits(
    room: &ReadingRoom,
    who: &Principal,
    id: &str,
    query: &str,
) -> Result<Vec<Hit>, Failure> {
    let reader = room.archive.reader(who).recording_every_read();
    let shown = reader.show(id, None)?;
    let words = search_words(query);
    let mut hits = Vec::new();
    if words.is_empty() {
        return Ok(hits);
    }
    for p in shown.pages.iter().filter(|p| count_in(&p.text, &words) > 0) {
        let page = u32::try_from(p.number).unwrap_or(u32::MAX);
        let view = reader.page(id, page)?;
        let texts: Vec<&str> = view.words.iter().map(|w| w.text.as_str()).collect();
        for (index, word) in view.words.iter().enumerate() {
            if !is_hit(&word.text, &words) {
                continue;
            }
            hits.push(Hit {
                page,
                index,
                text: word.text.clone(),
                bbox: word.bbox,
                before: texts[index.saturating_sub(CONTEXT_WORDS)..index].join(" "),
                after: texts
                    [(index + 1).min(texts.len())..(index + 1 + CONTEXT_WORDS).min(texts.len())]
                    .join(" "),
            });
        }
    }
    Ok(hits)
}

fn query_url(service: &str, query: &str) -> String {
    let encoded = serde_urlencoded::to_string([("q", query)]).unwrap_or_default();
    format!("{service}?{encoded}")
}

fn annotation_id(doc: &str, hit: &Hit) -> String {
    format!("{doc}/annotation/p{}-w{}", hit.page, hit.index)
}

fn target(doc: &str, hit: &Hit) -> String {
    let [x, y, w, h] = hit.bbox;
    format!("{}#xywh={x},{y},{w},{h}", canvas_id(doc, hit.page))
}

/// `GET /iiif/{id}/search?q=`: Content Search 2.0, an `AnnotationPage` of the hits.
pub async fn search_v2(asked: Asked) -> Result<Response, Answer> {
    let doc = &asked.doc;
    let hits = asked.read(find_hits).await?;
    let items: Vec<Value> = hits
        .iter()
        .map(|hit| {
            json!({
                "id": annotation_id(doc, hit),
                "type": "Annotation",
                "motivation": "supplementing",
                "body": { "type": "TextualBody", "value": hit.text, "format": "text/plain", "language": "vi" },
                "target": target(doc, hit),
            })
        })
        .collect();
    let body = json!({
        "@context": SEARCH_2_CONTEXT,
        "id": asked.url("search", &asked.query),
        "type": "AnnotationPage",
        "items": items,
    });
    Ok(json_ld(SEARCH_2_CONTEXT, &body))
}

/// `GET /iiif/{id}/search1?q=`: Content Search 1.0, an `sc:AnnotationList` of the hits with
/// the words around each.
pub async fn search_v1(asked: Asked) -> Result<Response, Answer> {
    let doc = &asked.doc;
    let hits = asked.read(find_hits).await?;
    let resources: Vec<Value> = hits
        .iter()
        .map(|hit| {
            json!({
                "@id": annotation_id(doc, hit),
                "@type": "oa:Annotation",
                "motivation": "sc:painting",
                "resource": { "@type": "cnt:ContentAsText", "chars": hit.text },
                "on": target(doc, hit),
            })
        })
        .collect();
    let summaries: Vec<Value> = hits
        .iter()
        .map(|hit| {
            json!({
                "@type": "search:Hit",
                "annotations": [annotation_id(doc, hit)],
                "match": hit.text,
                "before": hit.before,
                "after": hit.after,
            })
        })
        .collect();
    let body = json!({
        "@context": [PRESENTATION_2_CONTEXT, SEARCH_1_CONTEXT],
        "@id": asked.url("search1", &asked.query),
        "@type": "sc:AnnotationList",
        "within": { "@type": "sc:Layer", "total": hits.len() },
        "resources": resources,
        "hits": summaries,
    });
    Ok(json_ld(SEARCH_1_CONTEXT, &body))
}

/// The words of document `id` completing the last word of `query`, most frequent first,
/// each as the query would read with it and how often it occurs.
fn find_terms(
    room: &ReadingRoom,
    who: &Principal,
    id: &str,
    query: &str,
) -> Result<Vec<(String, usize)>, Failure> {
    let shown = room
        .archive
        .reader(who)
        .recording_every_read()
        .show(id, None)?;
    let typed = query.trim();
    let (head, last) = typed
        .rsplit_once(char::is_whitespace)
        .map_or(("", typed), |(h, l)| (h.trim_end(), l));
    let prefix = folded_word(last);
    if prefix.is_empty() {
        return Ok(Vec::new());
    }
    // Folded word → (the first spelling read, lower case; occurrences).
    let mut found: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for word in shown.pages.iter().flat_map(|p| p.text.split_whitespace()) {
        let folded = folded_word(word);
        if !folded.starts_with(&prefix) {
            continue;
        }
        let entry = found.entry(folded).or_insert_with(|| {
            let spelled = word
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            (spelled, 0)
        });
        entry.1 += 1;
    }
    let mut terms: Vec<(String, usize)> = found
        .into_values()
        .map(|(word, n)| {
            let term = if head.is_empty() {
                word
            } else {
                format!("{head} {word}")
            };
            (term, n)
        })
        .collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms.truncate(MAX_TERMS);
    Ok(terms)
}

/// `GET /iiif/{id}/autocomplete?q=`: Content Search 2.0 autocomplete, a `TermPage`.
pub async fn autocomplete_v2(asked: Asked) -> Result<Response, Answer> {
    let terms = asked.read(find_terms).await?;
    let items: Vec<Value> = terms
        .iter()
        .map(|(term, n)| {
            json!({
                "value": term,
                "total": n,
                "service": [{ "id": asked.url("search", term), "type": "SearchService2" }],
            })
        })
        .collect();
    let body = json!({
        "@context": SEARCH_2_CONTEXT,
        "id": asked.url("autocomplete", &asked.query),
        "type": "TermPage",
        "items": items,
    });
    Ok(json_ld(SEARCH_2_CONTEXT, &body))
}

/// `GET /iiif/{id}/autocomplete1?q=`: Content Search 1.0 autocomplete, a `search:TermList`.
pub async fn autocomplete_v1(asked: Asked) -> Result<Response, Answer> {
    let terms = asked.read(find_terms).await?;
    let items: Vec<Value> = terms
        .iter()
        .map(|(term, n)| {
            json!({
                "match": term,
                "url": asked.url("search1", term),
                "count": n,
            })
        })
        .collect();
    let body = json!({
        "@context": SEARCH_1_CONTEXT,
        "@id": asked.url("autocomplete1", &asked.query),
        "@type": "search:TermList",
        "terms": items,
    });
    Ok(json_ld(SEARCH_1_CONTEXT, &body))
}
