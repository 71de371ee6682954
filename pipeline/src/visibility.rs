//! Which documents a reader may see, decided from the store, and searches that show only those.
//!
//! In: an [`Archive`] (the document records of every hồ sơ object at its head version), the
//! search index and a reader's [`Clearance`]. Out: the visibility of each stored document
//! ([`StoreVisibility`]) and search results ([`search`]) whose hits, totals, facets and
//! snippets hold only documents the store says the reader may see.
//!
//! The index only proposes candidates. Its own restriction flag is not trusted: an index
//! built elsewhere, or before an edit set chế độ sử dụng Mật, would otherwise show a Mật
//! document to anyone. Documents the store restricts, and indexed documents the store does
//! not hold (it has no record to decide by), are excluded from the query itself, so they
//! are not counted either; each hit is then checked against the store's record once more.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;

use crate::clearance::{required, Clearance};
use crate::index::{SearchIndex, SearchOptions, SearchResults};
use crate::store::{Archive, HoSoObject};
use crate::Result;

/// Every stored document's restriction, from its record in its object's head version.
#[derive(Debug, Clone, Default)]
pub struct StoreVisibility {
    /// Document id → the clearance it needs.
    required: HashMap<String, Clearance>,
}

impl StoreVisibility {
    /// Reads the document records of every object (in parallel). An object that cannot be
    /// read contributes no documents: its documents are hidden from every reader.
    pub fn from_store(archive: &Archive) -> Result<StoreVisibility> {
        let storage = archive.storage();
        let roots = storage.object_keys()?;
        let per_object: Vec<Vec<(String, Clearance)>> = roots
            .par_iter()
            .map(|root| match HoSoObject::load(storage, root) {
                Ok(object) => object
                    .documents
                    .iter()
                    .map(|d| (d.id.clone(), required(d)))
                    .collect(),
                Err(e) => {
                    tracing::warn!(
                        "{}: cannot be read ({e}); its documents are not shown",
                        storage.backend().locate(root).display()
                    );
                    Vec::new()
                }
            })
            .collect();
        Ok(StoreVisibility {
            required: per_object.into_iter().flatten().collect(),
        })
    }

    /// The clearance stored document `id` needs (None: not stored).
    pub fn required(&self, id: &str) -> Option<Clearance> {
        self.required.get(id).copied()
    }

    /// Whether the store holds document `id` and it needs clearance.
    pub fn is_restricted(&self, id: &str) -> bool {
        self.required(id).is_some_and(|c| c > Clearance::Public)
    }

    /// Whether a reader with `clearance` may see document `id`; never a document the store
    /// does not hold.
    pub fn may_see(&self, id: &str, clearance: Clearance) -> bool {
        self.required(id)
            .is_some_and(|needed| clearance.covers(needed))
    }

    /// Of `indexed` (the index's document ids), those a reader with `clearance` may not see.
    pub fn hidden_from(
        &self,
        clearance: Clearance,
        indexed: &BTreeSet<String>,
    ) -> BTreeSet<String> {
        indexed
            .iter()
            .filter(|id| !self.may_see(id, clearance))
            .cloned()
            .collect()
    }
}

/// A search of the archive's index with the filters, paging and clearance of `options`,
/// visibility decided by the store (see the module doc).
pub(crate) fn search(
    archive: &Archive,
    index: &SearchIndex,
    query: &str,
    options: &SearchOptions,
) -> Result<SearchResults> {
    let store = StoreVisibility::from_store(archive)?;
    let hidden = store.hidden_from(options.clearance, &index.document_ids()?);
    let mut results = index.search_candidates(query, options, &hidden)?;
    // Documents are excluded in the query; a hit the store still hides (the store changed
    // between the two reads) is dropped, and each hit's restriction is the store's.
    let before = results.hits.len();
    results
        .hits
        .retain(|hit| store.may_see(&hit.id, options.clearance));
    if results.hits.len() != before {
        tracing::warn!(
            "{} hits hidden by their stored records after the search",
            before - results.hits.len()
        );
        results.total = results.total.saturating_sub(before - results.hits.len());
    }
    for hit in &mut results.hits {
        hit.restricted = store.is_restricted(&hit.id);
    }
    Ok(results)
}
