//! Content Search API 2.0 and 1.0 (Mirador speaks only 1.0) within one document, with
//! autocomplete.
//!
//! In: a document id and a query `q` (words; case and diacritics ignored, the way the
//! reading room's hit boxes match: [`crate::web::hits`]). Out: each word of the document's
//! OCR that the query hits as an annotation on its page's canvas, its box in canvas
//! coordinates (`#xywh=`: the scan's pixels, as the OCR word boxes are mapped back onto the
//! scan), with the words around it (1.0 `hits`); autocomplete: the document's words starting
//! with the last word typed, most frequent first. A search whose hits lie on more than
//! [`HIT_PAGES_PER_ANSWER`] pages is answered in parts, each linking the `next`. The
//! document is read through the gate's `show` (its pages' text) and the pages holding hits
//! through its `pages` (their word boxes, the object's page records read once): the same
//! reads as the document view, recorded the same way (one access-log entry per page,
//! appended together).

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
/// Pages of the document whose hits one search answer holds at most (each a page view the
/// gate records); the next ones are the answer's `next`.
const HIT_PAGES_PER_ANSWER: usize = 20;

/// The query parameters of both services (`motivation`, `date`, `user` are not used: every
/// annotation is OCR text of the scan).
#[derive(Deserialize)]
struct SearchParams {
    q: Option<String>,
    /// Which answer of a search whose hits span more than [`HIT_PAGES_PER_ANSWER`] pages
    /// (0-based; given in the `next` links).
    page: Option<String>,
}

/// A search or autocomplete request: who asks, about which document, with which query.
pub struct Asked {
    room: State,
    visitor: Visitor,
    id: String,
    query: String,
    /// Which answer of the search (see [`SearchParams::page`]).
    part: usize,
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
        let part = match params.page.as_deref() {
            None | Some("") => 0,
            Some(p) => p.parse::<usize>().map_err(|_| {
                failure(Failure::BadRequest(format!(
                    "Tham số page phải là một số không âm (nhận được {p:?})."
                )))
                .into_response()
            })?,
        };
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
            part,
        })
    }
}

impl Asked {
    /// Runs `find` (a gate read of the document for the visitor) off the async threads.
    async fn read<T: Send + 'static>(
        &self,
        find: fn(&ReadingRoom, &Principal, &str, &str, usize) -> Result<T, Failure>,
    ) -> Result<T, Answer> {
        let (who, id, query, part) = (
            self.visitor.principal.clone(),
            self.id.clone(),
            self.query.clone(),
            self.part,
        );
        blocking(&self.room, move |room| find(room, &who, &id, &query, part))
            .await
            .map_err(failure)
    }

    /// The URL of `service` of this document asked `query`.
    fn url(&self, service: &str, query: &str) -> String {
        query_url(&format!("{}/{service}", self.doc), query, 0)
    }

    /// The URL of answer `part` of this search of `service`.
    fn part_url(&self, service: &str, part: usize) -> String {
        query_url(&format!("{}/{service}", self.doc), &self.query, part)
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

/// One answer of a search: its hits, where they start among all, how many there are (in
/// a search of several answers, as the pages' texts count them), how many answers the
/// search has and the next one's number.
struct Found {
    hits: Vec<Hit>,
    start: usize,
    total: usize,
    parts: usize,
    next: Option<usize>,
}

/// Answer `part` of the hits of `query` in document `id`, read for `who`: the hits on the
/// `part`-th run of [`HIT_PAGES_PER_ANSWER`] pages holding hits.
fn find_hits(
    room: &ReadingRoom,
    who: &Principal,
    id: &str,
    query: &str,
    part: usize,
) -> Result<Found, Failure> {
    let reader = room.archive.reader(who).recording_every_read();
    let shown = reader.show_readable(id)?;
    let words = search_words(query);
    let counted: Vec<(u32, usize)> = shown
        .pages
        .iter()
        .map(|p| {
            let number = u32::try_from(p.number).unwrap_or(u32::MAX);
            (
                number,
                if words.is_empty() {
                    0
                } else {
                    count_in(&p.text, &words)
                },
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let (mut found, pages) = plan(&counted, part);
    let views = if pages.is_empty() {
        Vec::new()
    } else {
        reader.pages(id, &pages)?
    };
    for view in views {
        let page = view.page;
        let texts: Vec<&str> = view.words.iter().map(|w| w.text.as_str()).collect();
        for (index, word) in view.words.iter().enumerate() {
            if !is_hit(&word.text, &words) {
                continue;
            }
            found.hits.push(Hit {
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
    if found.parts == 1 {
        found.total = found.hits.len();
    }
    Ok(found)
}

/// Answer `part` of a search whose hits are `counted` (page, hits on it) as the pages'
/// texts count them: the answer without its hits yet, and the pages to read them from.
fn plan(counted: &[(u32, usize)], part: usize) -> (Found, Vec<u32>) {
    let first = part.saturating_mul(HIT_PAGES_PER_ANSWER);
    let found = Found {
        hits: Vec::new(),
        start: counted.iter().take(first).map(|(_, n)| n).sum(),
        total: counted.iter().map(|(_, n)| n).sum(),
        parts: counted.len().div_ceil(HIT_PAGES_PER_ANSWER).max(1),
        next: (first + HIT_PAGES_PER_ANSWER < counted.len()).then_some(part + 1),
    };
    let pages = counted
        .iter()
        .skip(first)
        .take(HIT_PAGES_PER_ANSWER)
        .map(|(p, _)| *p)
        .collect();
    (found, pages)
}

/// `service?q=query`, and `&page=part` after the first answer.
fn query_url(service: &str, query: &str, part: usize) -> String {
    let encoded = if part == 0 {
        serde_urlencoded::to_string([("q", query)])
    } else {
        serde_urlencoded::to_string([("q", query), ("page", &part.to_string())])
    }
    .unwrap_or_default();
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
    let found = asked.read(find_hits).await?;
    let items: Vec<Value> = found
        .hits
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
    let mut body = json!({
        "@context": SEARCH_2_CONTEXT,
        "id": asked.part_url("search", asked.part),
        "type": "AnnotationPage",
        "items": items,
    });
    if found.parts > 1 {
        body["startIndex"] = json!(found.start);
        body["partOf"] = json!([{
            "id": asked.url("search", &asked.query),
            "type": "AnnotationCollection",
            "total": found.total,
            "first": { "id": asked.part_url("search", 0), "type": "AnnotationPage" },
            "last": { "id": asked.part_url("search", found.parts - 1), "type": "AnnotationPage" },
        }]);
    }
    if let Some(next) = found.next {
        body["next"] = json!({ "id": asked.part_url("search", next), "type": "AnnotationPage" });
    }
    Ok(json_ld(SEARCH_2_CONTEXT, &body))
}

/// `GET /iiif/{id}/search1?q=`: Content Search 1.0, an `sc:AnnotationList` of the hits with
/// the words around each.
pub async fn search_v1(asked: Asked) -> Result<Response, Answer> {
    let doc = &asked.doc;
    let found = asked.read(find_hits).await?;
    let resources: Vec<Value> = found
        .hits
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
    let summaries: Vec<Value> = found
        .hits
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
    let mut body = json!({
        "@context": [PRESENTATION_2_CONTEXT, SEARCH_1_CONTEXT],
        "@id": asked.part_url("search1", asked.part),
        "@type": "sc:AnnotationList",
        "within": { "@type": "sc:Layer", "total": found.total },
        "resources": resources,
        "hits": summaries,
    });
    if found.parts > 1 {
        body["startIndex"] = json!(found.start);
        body["within"]["first"] = json!(asked.part_url("search1", 0));
        body["within"]["last"] = json!(asked.part_url("search1", found.parts - 1));
    }
    if let Some(next) = found.next {
        body["next"] = json!(asked.part_url("search1", next));
    }
    Ok(json_ld(SEARCH_1_CONTEXT, &body))
}

/// The words of document `id` completing the last word of `query`, most frequent first,
/// each as the query would read with it and how often it occurs.
fn find_terms(
    room: &ReadingRoom,
    who: &Principal,
    id: &str,
    query: &str,
    _part: usize,
) -> Result<Vec<(String, usize)>, Failure> {
    let shown = room
        .archive
        .reader(who)
        .recording_every_read()
        .show_readable(id)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_is_answered_a_run_of_hit_pages_at_a_time() {
        let counted: Vec<(u32, usize)> = (1..=45).map(|p| (p * 2, 3)).collect();
        let (first, pages) = plan(&counted, 0);
        assert_eq!(pages, (1..=20).map(|p| p * 2).collect::<Vec<u32>>());
        assert_eq!(
            (first.start, first.total, first.parts, first.next),
            (0, 135, 3, Some(1))
        );
        let (last, pages) = plan(&counted, 2);
        assert_eq!(pages, (41..=45).map(|p| p * 2).collect::<Vec<u32>>());
        assert_eq!((last.start, last.parts, last.next), (120, 3, None));
        let (beyond, pages) = plan(&counted, 7);
        assert!(pages.is_empty() && beyond.next.is_none());
        let (none, pages) = plan(&[], 0);
        assert!(pages.is_empty());
        assert_eq!((none.total, none.parts, none.next), (0, 1, None));
    }

    #[test]
    fn query_urls_name_the_answer_after_the_first() {
        assert_eq!(
            query_url("http://h/iiif/D/search", "nghị quyết", 0),
            "http://h/iiif/D/search?q=ngh%E1%BB%8B+quy%E1%BA%BFt"
        );
        assert!(query_url("http://h/iiif/D/search", "x", 2).ends_with("?q=x&page=2"));
    }
}
