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
//!
//! Reading every object's records costs O(archive) (seconds at a million pages), so a
//! long-lived [`Archive`] handle (the reading room's) keeps the last [`StoreVisibility`] in
//! its [`VisibilityCache`], keyed by the store's stamp ([`crate::store::generation`]: the
//! generation, which every commit moves on, and the length of the journal of changed
//! objects). The stamp is read again on every search (a small file and a `stat`), so a
//! search after an edit that restricted a document never uses what was read before it;
//! nothing read while a commit is under way is kept. After commits, only the objects the
//! journal names are read again (the whole store when the journal cannot say). The documents hidden from
//! each clearance among the index's are kept with it, keyed by the index's state.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;

use crate::clearance::{regime, required, Clearance, Regime};
use crate::gate::DocumentListing;
use crate::index::{IndexState, SearchIndex, SearchOptions, SearchResults};
use crate::store::generation::Stamp;
use crate::store::storage::Key;
use crate::store::{Archive, HoSoObject};
use crate::Result;

/// Every stored document's restriction and object, from its record in its object's head
/// version.
#[derive(Debug, Default)]
pub struct StoreVisibility {
    /// Every stored document, in box and hồ sơ order (what `list` and the reading room's
    /// browse show); shared with the visibility it was refreshed from.
    documents: Vec<Arc<StoredDocument>>,
    /// Document id → its index in `documents`.
    by_id: HashMap<String, usize>,
    objects: Vec<Key>,
    /// Every object was read (none failed).
    complete: bool,
    /// Of an index's documents, those hidden from each clearance, with the index's state.
    hidden: Mutex<HashMap<Clearance, HiddenIds>>,
}

/// What the store says of one document.
#[derive(Debug)]
struct StoredDocument {
    needed: Clearance,
    regime: Regime,
    /// Its object: an index into [`StoreVisibility::objects`].
    object: u32,
    listed: DocumentListing,
}

/// Ids hidden from one clearance among the documents of an index in one state.
type HiddenIds = (IndexState, Arc<BTreeSet<String>>);

impl StoreVisibility {
    /// Reads the document records of every object (in parallel). An object that cannot be
    /// read contributes no documents: its documents are hidden from every reader.
    pub fn from_store(archive: &Archive) -> Result<StoreVisibility> {
        let roots = archive.storage().object_keys()?;
        let read = read_objects(archive, &roots);
        let complete = read.iter().all(Option::is_some);
        let documents = read
            .into_iter()
            .enumerate()
            .flat_map(|(n, docs)| stored_documents(n, docs))
            .collect();
        Ok(StoreVisibility::assembled(documents, roots, complete))
    }

    /// This visibility after commits that changed the objects at `changed` (and nothing
    /// else): only those objects are read again; the other documents are kept as they are.
    /// The same as [`StoreVisibility::from_store`] would give, at the cost of the changed
    /// objects (the journal beside the store's generation names them).
    pub fn refreshed(&self, archive: &Archive, changed: &[Key]) -> Result<StoreVisibility> {
        let mut objects = self.objects.clone();
        let position: HashMap<&Key, usize> = self
            .objects
            .iter()
            .enumerate()
            .map(|(n, k)| (k, n))
            .collect();
        let mut indices = Vec::new();
        for key in changed {
            let n = if let Some(&n) = position.get(key) {
                n
            } else {
                objects.push(key.clone());
                objects.len() - 1
            };
            indices.push(n);
        }
        let read = read_objects(archive, changed);
        let complete = self.complete && read.iter().all(Option::is_some);
        let dropped: BTreeSet<u32> = indices.iter().map(|&n| object_number(n)).collect();
        let documents = self
            .documents
            .iter()
            .filter(|d| !dropped.contains(&d.object))
            .cloned()
            .chain(
                indices
                    .into_iter()
                    .zip(read)
                    .flat_map(|(n, docs)| stored_documents(n, docs)),
            )
            .collect();
        Ok(StoreVisibility::assembled(documents, objects, complete))
    }

    /// The documents in box and hồ sơ order (natural order; a hồ sơ's documents, all of one
    /// object, keep their object's order), indexed by id.
    fn assembled(
        mut documents: Vec<Arc<StoredDocument>>,
        objects: Vec<Key>,
        complete: bool,
    ) -> StoreVisibility {
        documents.sort_by(|a, b| {
            natord::compare(&a.listed.box_name, &b.listed.box_name)
                .then_with(|| natord::compare(&a.listed.hoso, &b.listed.hoso))
        });
        let by_id = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.listed.id.clone(), i))
            .collect();
        StoreVisibility {
            documents,
            by_id,
            objects,
            complete,
            hidden: Mutex::default(),
        }
    }

    /// The stored documents a reader with `clearance` may see, in box and hồ sơ order.
    pub fn listing(
        &self,
        clearance: Clearance,
    ) -> impl Iterator<Item = (Clearance, Regime, &DocumentListing)> {
        self.documents
            .iter()
            .filter(move |d| clearance.covers(d.needed))
            .map(|d| (d.needed, d.regime, &d.listed))
    }

    /// Stored document `id`.
    fn document(&self, id: &str) -> Option<&StoredDocument> {
        self.by_id.get(id).map(|&i| &*self.documents[i])
    }

    /// The key of the object holding stored document `id`.
    pub fn object_of(&self, id: &str) -> Option<&Key> {
        self.document(id).map(|d| &self.objects[d.object as usize])
    }

    /// Whether every object could be read: a document not known then is not stored.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Of the documents `index` holds, those a reader with `clearance` may not see; kept
    /// while the index holds the same documents.
    pub fn hidden_in(
        &self,
        index: &SearchIndex,
        clearance: Clearance,
    ) -> Result<Arc<BTreeSet<String>>> {
        let state = index.state();
        if let Some((known, hidden)) = self
            .hidden
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&clearance)
        {
            if *known == state {
                return Ok(Arc::clone(hidden));
            }
        }
        let (state, indexed) = index.document_ids_in_state()?;
        let hidden = Arc::new(self.hidden_from(clearance, &indexed));
        self.hidden
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(clearance, (state, Arc::clone(&hidden)));
        Ok(hidden)
    }

    /// The clearance stored document `id` needs (None: not stored).
    pub fn required(&self, id: &str) -> Option<Clearance> {
        self.document(id).map(|d| d.needed)
    }

    /// The regime of stored document `id` (None: not stored).
    pub fn regime(&self, id: &str) -> Option<Regime> {
        self.document(id).map(|d| d.regime)
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

/// What one object's documents need, in its order; `None` when it cannot be read.
type ObjectDocuments = Option<Vec<(Clearance, Regime, DocumentListing)>>;

/// The documents of the objects at `keys` (in parallel), in the same order.
fn read_objects(archive: &Archive, keys: &[Key]) -> Vec<ObjectDocuments> {
    let storage = archive.storage();
    keys.par_iter()
        .map(|root| match HoSoObject::load(storage, root) {
            Ok(object) => Some(
                object
                    .documents
                    .iter()
                    .map(|d| (required(d), regime(d), DocumentListing::of(&object, d)))
                    .collect(),
            ),
            Err(e) => {
                tracing::warn!(
                    "{}: cannot be read ({e}); its documents are not shown",
                    storage.backend().locate(root).display()
                );
                None
            }
        })
        .collect()
}

/// Object number `n` as stored with its documents.
fn object_number(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 4 billion objects")
}

/// The documents read from object number `n`.
fn stored_documents(n: usize, docs: ObjectDocuments) -> impl Iterator<Item = Arc<StoredDocument>> {
    let object = object_number(n);
    docs.into_iter()
        .flatten()
        .map(move |(needed, regime, listed)| {
            Arc::new(StoredDocument {
                needed,
                regime,
                object,
                listed,
            })
        })
}

/// The last [`StoreVisibility`] read from an archive's store, with the store generation it
/// holds for (see the module doc).
#[derive(Default)]
pub struct VisibilityCache {
    last: Mutex<Option<(Stamp, Arc<StoreVisibility>)>>,
    /// Held while the store is read, so concurrent searches read it once.
    reading: Mutex<()>,
}

impl std::fmt::Debug for VisibilityCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("VisibilityCache")
    }
}

impl VisibilityCache {
    /// The visibility kept, when the store is still as it was read (same [`Stamp`]).
    pub(crate) fn current(&self, archive: &Archive) -> Option<Arc<StoreVisibility>> {
        let stamp = archive.storage().stamp()?;
        self.last
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .filter(|(at, _)| *at == stamp)
            .map(|(_, known)| Arc::clone(known))
    }

    /// Whether the store's visibility was ever kept (a long-lived handle: a reading room).
    pub(crate) fn was_filled(&self) -> bool {
        self.last
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// The store's visibility now: the one kept while the store is as it was read; else the
    /// one kept with only the objects changed since read again (when the journal names
    /// them), or the whole store read; kept when no commit began while it was read.
    pub(crate) fn get(&self, archive: &Archive) -> Result<Arc<StoreVisibility>> {
        if let Some(known) = self.current(archive) {
            return Ok(known);
        }
        let _reading = self.reading.lock().unwrap_or_else(PoisonError::into_inner);
        // Another search may have read it meanwhile.
        if let Some(known) = self.current(archive) {
            return Ok(known);
        }
        let storage = archive.storage();
        let before = storage.stamp();
        let kept = self
            .last
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let changed = kept
            .as_ref()
            .zip(before)
            .and_then(|((at, _), now)| storage.changed_since(*at, now));
        let read = Arc::new(match (kept, changed) {
            (Some((_, known)), Some(changed)) => known.refreshed(archive, &changed)?,
            _ => StoreVisibility::from_store(archive)?,
        });
        if let Some(stamp) = before.filter(|s| storage.stamp() == Some(*s)) {
            *self.last.lock().unwrap_or_else(PoisonError::into_inner) =
                Some((stamp, Arc::clone(&read)));
        }
        Ok(read)
    }
}

impl Archive {
    /// Reads which documents the store holds and what each needs to be seen, and keeps it
    /// while the store does not change (searches and [`Archive::find_document`] then need
    /// not read every object). A server calls it once at start.
    pub fn know_documents(&self) -> Result<()> {
        self.visibility_cache().get(self).map(|_| ())
    }
}

/// A search of the archive's index with the filters, paging and clearance of `options`,
/// visibility decided by the store (see the module doc).
///
/// `may_read` says whether the reader may read a hit's content (its id, regime and the
/// clearance it needs): a hit whose content they may not read keeps its place, its record
/// and its pages, loses its snippet (OCR text) and is marked `needs_grant`.
pub(crate) fn search(
    archive: &Archive,
    index: &SearchIndex,
    query: &str,
    options: &SearchOptions,
    may_read: &dyn Fn(&str, Regime, Clearance) -> bool,
) -> Result<SearchResults> {
    let store = archive.visibility_cache().get(archive)?;
    let hidden = store.hidden_in(index, options.clearance)?;
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
        let regime = store.regime(&hit.id).unwrap_or(Regime::Secret);
        let needed = store.required(&hit.id).unwrap_or(Clearance::ToiMat);
        if !may_read(&hit.id, regime, needed) {
            hit.snippet.clear();
            hit.needs_grant = true;
        }
    }
    Ok(results)
}
