//! What a search counts for every matching page, as plain arrays per segment, read once and
//! kept.
//!
//! In: a searcher's segments. Out: [`SegmentDocuments`] for each segment (by ordinal): the
//! id term ordinal of each doc, for each id term ordinal (a document) the term ordinals
//! of its type and issuer and its year, and the type and issuer terms by ordinal — what the
//! counts of matching documents and facets ([`super::search`]) read for every matching page,
//! and name once a search. Read from the columns they would
//! otherwise read page by page (optional, bit-packed: an index lookup and a decode each
//! time); a segment never changes its docs, so its arrays hold as long as it exists, and a
//! new segment (a commit, a merge) gets its own on its first search.

use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap as HashMap;
use tantivy::index::SegmentId;
use tantivy::{DocId, Searcher, SegmentReader};

use super::schema::Fields;
use crate::Result;

/// No value: a doc without an id, a document without a type or an issuer.
pub(crate) const NONE: u32 = u32::MAX;

/// One segment's documents, as arrays.
#[derive(Debug)]
pub(crate) struct SegmentDocuments {
    /// The id term ordinal of each doc ([`NONE`] without an id).
    id_of_doc: Vec<u32>,
    /// By id term ordinal: the document's type term ordinal ([`NONE`] without one).
    type_of_id: Vec<u32>,
    /// By id term ordinal: the document's issuer term ordinal ([`NONE`] without one).
    issuer_of_id: Vec<u32>,
    /// By id term ordinal: the year of the document's date (0 without one).
    year_of_id: Vec<u64>,
    /// The type terms, by term ordinal.
    type_names: Vec<String>,
    /// The issuer terms, by term ordinal.
    issuer_names: Vec<String>,
}

impl SegmentDocuments {
    /// No docs.
    fn empty() -> SegmentDocuments {
        SegmentDocuments {
            id_of_doc: Vec::new(),
            type_of_id: Vec::new(),
            issuer_of_id: Vec::new(),
            year_of_id: Vec::new(),
            type_names: Vec::new(),
            issuer_names: Vec::new(),
        }
    }

    /// Reads the arrays of `segment` from its columns. A document's pages carry the same
    /// type, issuer and date: its first page's are taken.
    fn read(segment: &SegmentReader) -> Result<SegmentDocuments> {
        let fast_fields = segment.fast_fields();
        let ids = fast_fields.str(Fields::ID_NAME)?;
        let types = fast_fields.str(Fields::DOC_TYPE_NAME)?;
        let issuers = fast_fields.str(Fields::ISSUER_EXACT_NAME)?;
        let years = fast_fields.u64(Fields::YEAR_NAME)?;
        let id_terms = ids.as_ref().map_or(0, |c| c.num_terms());
        let mut documents = SegmentDocuments {
            id_of_doc: vec![NONE; segment.max_doc() as usize],
            type_of_id: vec![NONE; id_terms],
            issuer_of_id: vec![NONE; id_terms],
            year_of_id: vec![0; id_terms],
            type_names: all_terms(types.as_ref())?,
            issuer_names: all_terms(issuers.as_ref())?,
        };
        let Some(ids) = ids else {
            return Ok(documents);
        };
        let mut seen = vec![false; id_terms];
        let mut block = [0; tantivy::COLLECT_BLOCK_BUFFER_LEN];
        let mut ords = [None; tantivy::COLLECT_BLOCK_BUFFER_LEN];
        for start in (0..segment.max_doc()).step_by(block.len()) {
            let end = segment
                .max_doc()
                .min(start.saturating_add(block.len() as DocId));
            let chunk = &mut block[..(end - start) as usize];
            for (slot, doc) in chunk.iter_mut().zip(start..end) {
                *slot = doc;
            }
            let chunk = &*chunk;
            let ords = &mut ords[..chunk.len()];
            ids.ords().first_vals(chunk, ords);
            for (&doc, ord) in chunk.iter().zip(ords.iter()) {
                let Some(id) = ord.and_then(|o| u32::try_from(o).ok()) else {
                    continue;
                };
                documents.id_of_doc[doc as usize] = id;
                let first = &mut seen[id as usize];
                if *first {
                    continue;
                }
                *first = true;
                let ord_of = |column: &Option<tantivy::columnar::StrColumn>| {
                    column
                        .as_ref()
                        .and_then(|c| c.ords().first(doc))
                        .and_then(|o| u32::try_from(o).ok())
                        .unwrap_or(NONE)
                };
                documents.type_of_id[id as usize] = ord_of(&types);
                documents.issuer_of_id[id as usize] = ord_of(&issuers);
                documents.year_of_id[id as usize] = years.first(doc).unwrap_or(0);
            }
        }
        Ok(documents)
    }

    /// The id term ordinal of each doc ([`NONE`] without an id).
    pub(crate) fn ids_of_docs(&self) -> &[u32] {
        &self.id_of_doc
    }

    /// The id term ordinal of `doc`, if it has an id.
    pub(crate) fn id_of(&self, doc: DocId) -> Option<u64> {
        match self.id_of_doc.get(doc as usize) {
            Some(&id) if id != NONE => Some(u64::from(id)),
            _ => None,
        }
    }

    /// The type terms, by term ordinal.
    pub(crate) fn type_names(&self) -> &[String] {
        &self.type_names
    }

    /// The issuer terms, by term ordinal.
    pub(crate) fn issuer_names(&self) -> &[String] {
        &self.issuer_names
    }

    /// The type and issuer term ordinals ([`NONE`] without) and the year (0 without) of the
    /// document with id term ordinal `id`.
    pub(crate) fn facets_of(&self, id: u64) -> (u32, u32, u64) {
        let i = id as usize;
        (
            self.type_of_id.get(i).copied().unwrap_or(NONE),
            self.issuer_of_id.get(i).copied().unwrap_or(NONE),
            self.year_of_id.get(i).copied().unwrap_or(0),
        )
    }
}

/// Every term of `column`, by term ordinal (none without the column).
fn all_terms(column: Option<&tantivy::columnar::StrColumn>) -> Result<Vec<String>> {
    let Some(column) = column else {
        return Ok(Vec::new());
    };
    let mut terms = Vec::with_capacity(column.num_terms());
    let mut stream = column
        .dictionary()
        .stream()
        .map_err(tantivy::TantivyError::from)?;
    while stream.advance() {
        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(terms)
}

/// The arrays of each segment of one searcher, by segment ordinal.
#[derive(Debug, Default)]
pub(crate) struct SearcherDocuments(Vec<Arc<SegmentDocuments>>);

impl SearcherDocuments {
    /// The arrays of the segment with this ordinal.
    pub(crate) fn segment(&self, ordinal: tantivy::SegmentOrdinal) -> Arc<SegmentDocuments> {
        self.0
            .get(ordinal as usize)
            .cloned()
            .unwrap_or_else(|| Arc::new(SegmentDocuments::empty()))
    }
}

/// The arrays of the segments searched so far, by segment id.
#[derive(Debug, Default)]
pub(crate) struct SegmentDocumentsCache {
    kept: Mutex<HashMap<SegmentId, Arc<SegmentDocuments>>>,
}

impl SegmentDocumentsCache {
    /// The arrays of each segment of `searcher`: kept ones for segments met before, read
    /// (and kept) for the others. Those of segments the searcher no longer has are dropped.
    pub(crate) fn resolve(&self, searcher: &Searcher) -> Result<SearcherDocuments> {
        let readers = searcher.segment_readers();
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        kept.retain(|id, _| readers.iter().any(|r| r.segment_id() == *id));
        let mut out = Vec::with_capacity(readers.len());
        for reader in readers {
            let documents = if let Some(documents) = kept.get(&reader.segment_id()) {
                documents.clone()
            } else {
                let documents = Arc::new(SegmentDocuments::read(reader)?);
                kept.insert(reader.segment_id(), documents.clone());
                documents
            };
            out.push(documents);
        }
        Ok(SearcherDocuments(out))
    }
}
