//! The statistics a search ranks by, counted over the pages its reader may find.
//!
//! In: a searcher, the pages a search leaves out ([`HiddenDocs`]) and the kept counts of
//! earlier searches ([`StatisticsCache`]).
//! Out: [`SearchStatistics`]: the number of pages, the words per field and the pages per
//! term that BM25 ranking, the choice of a query word's misreadings and the snippets' term
//! weights use.
//!
//! Why: a score is a function of the index's statistics. Counted over every page, a reader
//! without clearance could tell from the score of a page they see that pages they may not
//! see hold a word (its page count is higher than the pages they can find with it), and a
//! query word's misreadings, chosen by page counts, would change what matches. So for a
//! search that leaves pages out by rule, the statistics are those of the pages it may
//! return: the number of pages less the hidden ones, the visible pages' words (by the
//! index's field norms), and a term's page count less its hidden pages (deleted pages
//! count until a merge drops them, as tantivy counts them). The index's own statistics are
//! used only when nothing is hidden from the reader by rule.

use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap as HashMap;
use tantivy::index::SegmentId;
use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Searcher, SegmentReader, Term, TERMINATED};

use super::hidden_docs::{HiddenDocs, HiddenPages};

/// How many counts are kept before the cache starts afresh (a few megabytes).
const KEPT_COUNTS: usize = 50_000;

/// The identity of a segment's hidden pages in a kept count: the set itself is kept with
/// the count, so its address cannot be reused for another set while the count is kept.
type HiddenKey = usize;

fn hidden_key(hidden: Option<&Arc<HiddenPages>>) -> HiddenKey {
    hidden.map_or(0, |h| Arc::as_ptr(h) as usize)
}

/// A segment, a field and the segment's hidden pages.
type WordsKey = (SegmentId, Field, HiddenKey);

/// Counts kept across searches: a segment's visible words per field (a pass over all its
/// docs) and its hidden pages per term.
#[derive(Default)]
pub(crate) struct StatisticsCache {
    words: Mutex<HashMap<WordsKey, Kept>>,
    hidden_pages: Mutex<HashMap<(SegmentId, HiddenKey, Term), Kept>>,
}

impl std::fmt::Debug for StatisticsCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StatisticsCache").finish_non_exhaustive()
    }
}

/// A kept count and the hidden pages it was counted against.
struct Kept {
    _hidden: Option<Arc<HiddenPages>>,
    count: u64,
}

/// Looks `key` up in `map`, or counts it with `count` and keeps it.
fn kept<K: std::hash::Hash + Eq>(
    map: &Mutex<HashMap<K, Kept>>,
    key: K,
    hidden: Option<&Arc<HiddenPages>>,
    count: impl FnOnce() -> tantivy::Result<u64>,
) -> tantivy::Result<u64> {
    if let Some(k) = map.lock().unwrap_or_else(PoisonError::into_inner).get(&key) {
        return Ok(k.count);
    }
    let counted = count()?;
    let mut map = map.lock().unwrap_or_else(PoisonError::into_inner);
    if map.len() >= KEPT_COUNTS {
        map.clear();
    }
    map.insert(
        key,
        Kept {
            _hidden: hidden.cloned(),
            count: counted,
        },
    );
    Ok(counted)
}

/// The statistics of one search (see the module doc).
pub(crate) struct SearchStatistics<'a> {
    searcher: &'a Searcher,
    /// `None`: nothing is hidden from the reader by rule, the index's own statistics hold.
    hidden: Option<&'a HiddenDocs>,
    cache: &'a StatisticsCache,
}

impl<'a> SearchStatistics<'a> {
    pub(crate) fn new(
        searcher: &'a Searcher,
        hidden: &'a HiddenDocs,
        cache: &'a StatisticsCache,
    ) -> Self {
        SearchStatistics {
            searcher,
            hidden: hidden.restricting().then_some(hidden),
            cache,
        }
    }

    /// The pages with `term` the search may count (deleted ones included, as tantivy
    /// counts them until a merge).
    pub(crate) fn pages_with(&self, term: &Term) -> tantivy::Result<u64> {
        self.visible_of(term, self.searcher.doc_freq(term)?)
    }

    /// Of the `all` pages with `term` the index counts, those the search may count (for a
    /// caller that read `all` already, from the term dictionary).
    pub(crate) fn visible_of(&self, term: &Term, all: u64) -> tantivy::Result<u64> {
        Ok(all.saturating_sub(self.hidden_pages_with(term)?))
    }

    /// The hidden pages with `term` (none when nothing is hidden by rule).
    fn hidden_pages_with(&self, term: &Term) -> tantivy::Result<u64> {
        let Some(hidden) = self.hidden else {
            return Ok(0);
        };
        let mut hidden_with = 0;
        for (ordinal, reader) in self.searcher.segment_readers().iter().enumerate() {
            let Some(pages) = hidden.segment(ordinal as u32) else {
                continue;
            };
            let key = (reader.segment_id(), hidden_key(Some(pages)), term.clone());
            hidden_with += kept(&self.cache.hidden_pages, key, Some(pages), || {
                hidden_in_segment_with(reader, pages, term)
            })?;
        }
        Ok(hidden_with)
    }

    /// The pages the search may count: as tantivy counts pages for BM25, deleted ones
    /// included until a merge drops them (so that no term is on more pages than there are).
    pub(crate) fn pages(&self) -> tantivy::Result<u64> {
        let all = Bm25StatisticsProvider::total_num_docs(self.searcher)?;
        let Some(hidden) = self.hidden else {
            return Ok(all);
        };
        let hidden_pages: usize = (0..self.searcher.segment_readers().len())
            .filter_map(|ordinal| hidden.segment(ordinal as u32))
            .map(|h| h.docs().len())
            .sum();
        Ok(all.saturating_sub(hidden_pages as u64))
    }

    /// The words of `field` on the pages the search may count (deleted ones included, as
    /// for [`SearchStatistics::pages`]), by the index's field norms (the lengths BM25
    /// scores a page by).
    fn words(&self, field: Field) -> tantivy::Result<u64> {
        let Some(hidden) = self.hidden else {
            return self.searcher.total_num_tokens(field);
        };
        let mut words = 0;
        for (ordinal, reader) in self.searcher.segment_readers().iter().enumerate() {
            let pages = hidden.segment(ordinal as u32);
            let key = (reader.segment_id(), field, hidden_key(pages));
            words += kept(&self.cache.words, key, pages, || {
                visible_words(reader, field, pages.map(Arc::as_ref))
            })?;
        }
        Ok(words)
    }
}

impl Bm25StatisticsProvider for SearchStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.words(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.pages()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.pages_with(term)
    }
}

/// The hidden pages of `reader`'s segment with `term`: its postings gone through when they
/// are fewer than the hidden pages, else each hidden page sought in them.
fn hidden_in_segment_with(
    reader: &SegmentReader,
    hidden: &HiddenPages,
    term: &Term,
) -> tantivy::Result<u64> {
    let inverted = reader.inverted_index(term.field())?;
    let Some(info) = inverted.get_term_info(term)? else {
        return Ok(0);
    };
    let mut postings = inverted.read_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
    let mut count = 0u64;
    if (info.doc_freq as usize) <= hidden.docs().len() {
        let mut doc = postings.doc();
        while doc != TERMINATED {
            count += u64::from(hidden.contains(doc));
            doc = postings.advance();
        }
    } else {
        for &doc in hidden.docs() {
            let mut at = postings.doc();
            if at == TERMINATED {
                break;
            }
            if at < doc {
                at = postings.seek(doc);
            }
            count += u64::from(at == doc);
        }
    }
    Ok(count)
}

/// The words of `field` over the docs of `reader`'s segment that are not `hidden`.
fn visible_words(
    reader: &SegmentReader,
    field: Field,
    hidden: Option<&HiddenPages>,
) -> tantivy::Result<u64> {
    let norms = reader.get_fieldnorms_reader(field)?;
    let words = (0..reader.max_doc())
        .filter(|&d: &DocId| hidden.is_none_or(|h| !h.contains(d)))
        .map(|d| u64::from(norms.fieldnorm(d)))
        .sum();
    Ok(words)
}
