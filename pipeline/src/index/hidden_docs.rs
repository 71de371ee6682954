//! The pages a search leaves out, as one bitset per segment, computed once and kept.
//!
//! In: what a search leaves out ([`Hidden`]: the pages the index flags as chế độ sử dụng
//! Mật, or the pages of documents whose ids the caller decided from the store) and the
//! searcher it runs on.
//! Out: [`HiddenDocs`], for each segment of that searcher the docs to skip (or none), which
//! the collectors check beside the segment's deletions.
//!
//! Why not a must-not clause in the query: tantivy evaluates such a clause anew for every
//! search in every segment (a set of thousands of ids looked up in the term dictionary each
//! time), and a query with one is an intersection, which tantivy cannot prune (block-max
//! WAND) when it ranks the best pages: every matching page is scored. A segment never
//! changes its docs, so the bitset of a segment for one set of ids holds as long as the
//! segment exists; new segments (commits, merges) get theirs on their first search.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap as HashMap;
use tantivy::fastfield::AliveBitSet;
use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Query, TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{BitSet, DocId, Searcher, SegmentOrdinal, SegmentReader, Term};

use super::schema::Fields;
use crate::Result;

/// How many sets of hidden pages are kept (one per clearance level and index state in the
/// reading room; a set not used for longer is dropped first).
const KEPT_SETS: usize = 8;

/// What a search leaves out.
#[derive(Debug, Clone)]
pub(crate) enum Hidden {
    /// Nothing.
    Nothing,
    /// The pages the index flags as chế độ sử dụng Mật (an index on its own, without a store).
    FlaggedRestricted,
    /// The pages of the documents with these ids (decided by the caller from the store).
    Ids(Arc<BTreeSet<String>>),
}

impl Hidden {
    /// Whether two are the same set of pages (ids compared by pointer first: the caller
    /// keeps its set while the index holds the same documents).
    fn is(&self, other: &Hidden) -> bool {
        match (self, other) {
            (Hidden::Nothing, Hidden::Nothing)
            | (Hidden::FlaggedRestricted, Hidden::FlaggedRestricted) => true,
            (Hidden::Ids(a), Hidden::Ids(b)) => Arc::ptr_eq(a, b) || a == b,
            _ => false,
        }
    }

    /// The query matching the hidden pages, or `None` when nothing is hidden.
    fn query(&self, fields: &Fields) -> Option<Box<dyn Query>> {
        match self {
            Hidden::Nothing => None,
            Hidden::Ids(ids) if ids.is_empty() => None,
            Hidden::FlaggedRestricted => Some(Box::new(TermQuery::new(
                Term::from_field_text(fields.restricted, "1"),
                IndexRecordOption::Basic,
            ))),
            Hidden::Ids(ids) => Some(Box::new(TermSetQuery::new(
                ids.iter().map(|id| Term::from_field_text(fields.id, id)),
            ))),
        }
    }
}

/// The hidden docs of one segment, deleted ones included (a term's page count includes
/// deleted pages until a merge drops them).
#[derive(Debug)]
pub(crate) struct HiddenPages {
    /// The docs, for checking one.
    bits: BitSet,
    /// The same docs in order, for going through them.
    docs: Vec<DocId>,
}

impl HiddenPages {
    /// The hidden docs in order.
    pub(crate) fn docs(&self) -> &[DocId] {
        &self.docs
    }

    /// Whether `doc` is hidden.
    pub(crate) fn contains(&self, doc: DocId) -> bool {
        self.bits.contains(doc)
    }
}

/// For each segment of one searcher (by ordinal), the docs a search skips; `restricting`
/// when the search leaves out something by rule (a reader's clearance), even when no page
/// happens to fall under it.
#[derive(Debug, Default)]
pub(crate) struct HiddenDocs {
    segments: Vec<Option<Arc<HiddenPages>>>,
    restricting: bool,
}

impl HiddenDocs {
    /// What a collector of segment `ordinal` (read by `reader`) may collect: the docs that
    /// are neither deleted nor hidden.
    pub(crate) fn visible<'a>(
        &'a self,
        ordinal: SegmentOrdinal,
        reader: &'a SegmentReader,
    ) -> Visible<'a> {
        Visible {
            alive: reader.alive_bitset(),
            hidden: self
                .segments
                .get(ordinal as usize)
                .and_then(Option::as_deref)
                .map(|h| &h.bits),
        }
    }

    /// The hidden docs of segment `ordinal`, or `None` when it has none.
    pub(crate) fn segment(&self, ordinal: SegmentOrdinal) -> Option<&Arc<HiddenPages>> {
        self.segments.get(ordinal as usize).and_then(Option::as_ref)
    }

    /// Whether the search leaves something out by rule: its statistics must then be the
    /// visible pages' ([`super::statistics`]), whether or not any page is hidden now.
    pub(crate) fn restricting(&self) -> bool {
        self.restricting
    }
}

/// The docs of one segment a collector may collect.
#[derive(Clone, Copy)]
pub(crate) struct Visible<'a> {
    alive: Option<&'a AliveBitSet>,
    hidden: Option<&'a BitSet>,
}

impl Visible<'_> {
    /// Whether every doc is visible (no deletions, nothing hidden): no check needed.
    pub(crate) fn is_all(&self) -> bool {
        self.alive.is_none() && self.hidden.is_none()
    }

    /// Whether `doc` is neither deleted nor hidden.
    pub(crate) fn contains(&self, doc: DocId) -> bool {
        self.alive.is_none_or(|a| a.is_alive(doc)) && self.hidden.is_none_or(|h| !h.contains(doc))
    }
}

/// One set of hidden pages and the bitsets computed for it, by segment.
struct KeptSet {
    hidden: Hidden,
    segments: HashMap<SegmentId, Option<Arc<HiddenPages>>>,
    /// When it was last used (a count of uses of the cache).
    used: u64,
}

/// The bitsets of the last [`KEPT_SETS`] sets of hidden pages, by segment.
#[derive(Default)]
pub(crate) struct HiddenDocsCache {
    kept: Mutex<(Vec<KeptSet>, u64)>,
}

impl std::fmt::Debug for HiddenDocsCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HiddenDocsCache").finish_non_exhaustive()
    }
}

impl HiddenDocsCache {
    /// The docs `hidden` leaves out in each segment of `searcher`: kept bitsets for segments
    /// met before with the same set, computed (and kept) for the others. Bitsets of segments
    /// the searcher no longer has are dropped.
    pub(crate) fn resolve(
        &self,
        searcher: &Searcher,
        fields: &Fields,
        hidden: &Hidden,
    ) -> Result<HiddenDocs> {
        let restricting = !matches!(hidden, Hidden::Nothing);
        let Some(query) = hidden.query(fields) else {
            return Ok(HiddenDocs {
                segments: Vec::new(),
                restricting,
            });
        };
        let readers = searcher.segment_readers();
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        let (sets, clock) = &mut *kept;
        *clock += 1;
        let index = if let Some(i) = sets.iter().position(|s| s.hidden.is(hidden)) {
            i
        } else {
            if sets.len() >= KEPT_SETS {
                let oldest = (0..sets.len()).min_by_key(|&i| sets[i].used).unwrap_or(0);
                sets.swap_remove(oldest);
            }
            sets.push(KeptSet {
                hidden: hidden.clone(),
                segments: HashMap::default(),
                used: 0,
            });
            sets.len() - 1
        };
        let set = &mut sets[index];
        set.used = *clock;
        set.segments
            .retain(|id, _| readers.iter().any(|r| r.segment_id() == *id));
        let mut weight = None;
        let mut out = Vec::with_capacity(readers.len());
        for reader in readers {
            if let Some(docs) = set.segments.get(&reader.segment_id()) {
                out.push(docs.clone());
                continue;
            }
            if weight.is_none() {
                weight = Some(query.weight(EnableScoring::disabled_from_searcher(searcher))?);
            }
            let docs = match &weight {
                Some(weight) => hidden_in_segment(weight.as_ref(), reader)?,
                None => None,
            };
            set.segments.insert(reader.segment_id(), docs.clone());
            out.push(docs);
        }
        Ok(HiddenDocs {
            segments: out,
            restricting,
        })
    }
}

/// The docs of `reader`'s segment that `weight` matches (deleted ones included), or `None`
/// when it matches none.
fn hidden_in_segment(
    weight: &dyn tantivy::query::Weight,
    reader: &SegmentReader,
) -> Result<Option<Arc<HiddenPages>>> {
    let mut bits = BitSet::with_max_value(reader.max_doc());
    let mut docs = Vec::new();
    weight.for_each_no_score(reader, &mut |block| {
        for &doc in block {
            if bits.insert(doc) {
                docs.push(doc);
            }
        }
    })?;
    docs.sort_unstable();
    Ok((!docs.is_empty()).then(|| Arc::new(HiddenPages { bits, docs })))
}
