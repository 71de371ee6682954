//! The full-text search index (tantivy) over the archive's documents.
//!
//! In: [`IndexedDocument`]s (metadata and the OCR text of each page) to add, replace or delete,
//! and user queries.
//! Out: [`SearchResults`]: documents ranked best first, each with its metadata, the pages the
//! query matched and a highlighted snippet.
//!
//! One tantivy document is indexed per page, so every hit knows its pages; hits are grouped by
//! document id. Page text is indexed twice, with exact diacritics and diacritic-folded
//! ([`analyzer`]), so `chuyen doi so` finds `chuyển đổi số` while exact matches rank higher
//! (DESIGN.md §5). The index is derived data: it can always be rebuilt from the store.

mod analyzer;
mod exclusion;
mod hidden_docs;
mod pairs;
pub mod quickwit;
mod read_only;
mod schema;
mod search;
mod segment_documents;
mod statistics;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::indexer::UserOperation;
use tantivy::query::QueryParser;
use tantivy::schema::Term;
use tantivy::{
    Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError,
};
use unicode_normalization::{is_nfc, UnicodeNormalization};

use self::analyzer::{
    analyzer, pairs_analyzer, EXACT_TOKENIZER, FOLDED_TOKENIZER, PAIRS_TOKENIZER,
};
use self::hidden_docs::{Hidden, HiddenDocsCache};
use self::schema::Fields;
use self::segment_documents::SegmentDocumentsCache;
use self::statistics::{SearchStatistics, StatisticsCache};
use crate::{Error, Result};

/// Version of what the index holds and how (schema, analyzers, how pages are grouped into
/// segments). Recorded in every commit's payload; an index of another version is rebuilt
/// from the store ([`crate::catalog::open_index`]). Bump it with any such change.
/// 2: each document's pages are written to one segment.
/// 3: the year of the date has a fast field of its own (the year facet).
/// 4: the exact text field has no word positions (phrases match on the folded field).
/// 5: the folded words in pairs, with positions (phrases match on the pairs).
pub const INDEX_VERSION: u32 = 5;

/// Memory budget of the index writer, shared by its threads.
const WRITER_MEMORY_BYTES: usize = 50_000_000;
/// Indexing threads; indexing is a few percent of ingest time, OCR dominates.
const WRITER_THREADS: usize = 2;

/// One page of a document to index.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexedPage {
    /// 1-based page number within the document.
    pub number: u32,
    /// The page's text (OCR or text layer), NFC or NFD.
    pub text: String,
}

/// A document to index: its metadata and the text of its pages.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexedDocument {
    /// Persistent document id; adding a document with an existing id replaces it.
    pub id: String,
    /// Id of the hồ sơ (file) holding the document.
    pub hoso: String,
    /// Name of the storage box the document was scanned from.
    pub box_name: String,
    pub title: String,
    pub doc_type: String,
    /// Số ký hiệu, e.g. `05-NQ/ĐUK`.
    pub symbol: String,
    /// Date of issue, ISO `yyyy-mm-dd`, or empty.
    pub date: String,
    pub issuer: String,
    /// Độ mật (`Mật`, `Tối mật`) of a document admitted under an approval, or empty.
    #[serde(default)]
    pub do_mat: String,
    /// Chế độ sử dụng Mật: found only by searches with clearance.
    #[serde(default)]
    pub restricted: bool,
    /// Phông (fonds) code, the second part of the mã hồ sơ, or empty.
    #[serde(default)]
    pub fonds: String,
    /// Pages to index; withheld pages must not be here.
    pub pages: Vec<IndexedPage>,
}

/// One matching document.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub id: String,
    /// Score of the best matching page, with a small bonus for more matching pages.
    pub score: f32,
    pub title: String,
    pub doc_type: String,
    pub symbol: String,
    pub date: String,
    pub issuer: String,
    /// Page numbers (ascending) on which the query matched.
    pub pages: Vec<u32>,
    /// HTML-escaped text around the hit on the best page, the hit wrapped in `<b>`…`</b>`.
    pub snippet: String,
    /// Chế độ sử dụng Mật (only in results for a reader with clearance); reading it is audited.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub restricted: bool,
    /// The reader may see the document but not read its content without a grant (a
    /// reading request): the snippet is empty.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub needs_grant: bool,
}

/// The answer to a query.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Number of distinct matching documents (not just those in `hits`).
    pub total: usize,
    /// Best first (or by date), at most the requested limit, after the offset.
    pub hits: Vec<SearchHit>,
    /// Counts of matching documents by type, year and issuer, most frequent first.
    pub facets: Facets,
}

/// Facet counts over all matching documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    #[serde(rename = "type")]
    pub doc_type: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
    pub issuer: Vec<FacetCount>,
}

/// One facet value and how many matching documents have it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: usize,
}

/// How hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    Relevance,
    /// Oldest first; documents without a date last.
    Date,
    /// Newest first; documents without a date last.
    DateDescending,
}

/// Filters and paging of a search (all optional); every filter must hold.
#[derive(Debug, Clone, Default)]
pub struct SearchOptions {
    pub limit: usize,
    pub offset: usize,
    pub sort: SortOrder,
    pub clearance: crate::clearance::Clearance,
    /// Tên loại, with or without diacritics (`Nghị quyết`, `nghi quyet`).
    pub doc_type: Option<String>,
    /// Words of the issuing body, diacritics optional.
    pub issuer: Option<String>,
    /// Issued on or after / on or before (ISO date or year).
    pub from: Option<String>,
    pub to: Option<String>,
    /// The hồ sơ folder (as listed by `list`).
    pub hoso: Option<String>,
    /// Phông code (second part of the mã hồ sơ).
    pub fonds: Option<String>,
}

/// The tantivy index in an archive's `index/` directory.
///
/// The first write takes the index's writer lock and keeps it until the `SearchIndex` is
/// dropped (which waits for background merges); searching needs no lock. Searches see this
/// instance's own writes at once, and other processes' writes after the index is reopened.
pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    parser: QueryParser,
    writer: Mutex<Option<IndexWriter>>,
    /// The `meta.json` the reader last loaded (its modification time and length): another
    /// process's commit (an ingest, the cluster's indexer) replaces it.
    loaded_meta: Mutex<Option<MetaStamp>>,
    /// The pages searches leave out, by segment, for the last sets of hidden documents.
    hidden: HiddenDocsCache,
    /// The statistics of searches that leave pages out, kept across searches.
    statistics: StatisticsCache,
    /// What searches count for every matching page, by segment.
    documents: SegmentDocumentsCache,
}

/// What identifies a version of an index's `meta.json` without reading it.
type MetaStamp = (std::time::SystemTime, u64);

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// The identity of an index's contents: its segments, each with its deletions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexState(Vec<(tantivy::index::SegmentId, Option<tantivy::Opstamp>)>);

impl IndexState {
    fn of(searcher: &tantivy::Searcher) -> IndexState {
        IndexState(
            searcher
                .generation()
                .segments()
                .iter()
                .map(|(id, deletes)| (*id, *deletes))
                .collect(),
        )
    }
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (and the dir) when absent.
    pub fn open_or_create(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let directory = MmapDirectory::open(dir).map_err(TantivyError::from)?;
        let (schema, _) = Fields::build_schema();
        let index = if Index::exists(&directory).map_err(TantivyError::from)? {
            Index::open(directory)?
        } else {
            Index::create(directory, schema, IndexSettings::default())?
        };
        Self::with_index(dir, index)
    }

    /// Opens an existing index for reading only: creates nothing and takes no lock files, so
    /// it works on a read-only copy of an archive. Not for writing.
    pub fn open_read_only(dir: &Path) -> Result<Self> {
        let directory = MmapDirectory::open(dir).map_err(TantivyError::from)?;
        let index = Index::open(read_only::ReadOnlyDirectory(directory))?;
        Self::with_index(dir, index)
    }

    /// Checks the index's schema and sets up tokenizers, reader and query parser.
    fn with_index(dir: &Path, mut index: Index) -> Result<Self> {
        let (schema, fields) = Fields::build_schema();
        let metas = index.load_metas()?;
        let version = metas
            .payload
            .as_deref()
            .and_then(|p| p.strip_prefix("sohoa-index "))
            .and_then(|v| v.parse::<u32>().ok());
        let holds_documents = !metas.segments.is_empty();
        if index.schema() != schema || (holds_documents && version != Some(INDEX_VERSION)) {
            return Err(TantivyError::SchemaError(format!(
                "{}: the index was built by another version of sohoa; run `sohoa \
                 reindex` to rebuild it from the store",
                dir.display()
            ))
            .into());
        }
        index
            .tokenizers()
            .register(EXACT_TOKENIZER, analyzer(false));
        index
            .tokenizers()
            .register(FOLDED_TOKENIZER, analyzer(true));
        index
            .tokenizers()
            .register(PAIRS_TOKENIZER, pairs_analyzer());
        // Segments are searched in parallel (one search uses every core).
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        if threads > 1 {
            index.set_multithread_executor(threads)?;
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let parser = search::query_parser(&index, &fields);
        Ok(SearchIndex {
            dir: dir.to_owned(),
            index,
            reader,
            fields,
            parser,
            writer: Mutex::new(None),
            loaded_meta: Mutex::new(meta_stamp(dir)),
            hidden: HiddenDocsCache::default(),
            statistics: StatisticsCache::default(),
            documents: SegmentDocumentsCache::default(),
        })
    }

    /// Reads the index's last commit again: another handle's (an ingest's) writes become
    /// visible to this one's searches.
    pub fn reload(&self) -> Result<()> {
        let stamp = meta_stamp(&self.dir);
        self.reader.reload()?;
        *self
            .loaded_meta
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = stamp;
        Ok(())
    }

    /// [`SearchIndex::reload`] when the index's `meta.json` changed since the last load (a
    /// commit of another process: an ingest while a reading room runs, the cluster's
    /// indexer); one `stat` otherwise. A long-running reader calls it before each search.
    pub fn reload_if_changed(&self) -> Result<()> {
        let now = meta_stamp(&self.dir);
        let changed = *self
            .loaded_meta
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            != now;
        if changed {
            self.reload()?;
        }
        Ok(())
    }

    /// Adds or replaces (by id) these documents and commits.
    ///
    /// A document without pages is still indexed (as one empty placeholder page), so it is
    /// listed by [`SearchIndex::document_ids`]. When an id occurs twice, the last one wins.
    pub fn replace_documents(&self, docs: &[IndexedDocument]) -> Result<()> {
        self.write(|writer, fields| {
            for doc in docs {
                // One group of operations: its pages go to one segment, so search can group
                // a document's pages within each segment.
                let mut ops = vec![UserOperation::Delete(Term::from_field_text(
                    fields.id, &doc.id,
                ))];
                if doc.pages.is_empty() {
                    ops.push(UserOperation::Add(page_document(fields, doc, 0, "")));
                }
                for page in &doc.pages {
                    ops.push(UserOperation::Add(page_document(
                        fields,
                        doc,
                        page.number,
                        &page.text,
                    )));
                }
                writer.run(ops)?;
            }
            Ok(())
        })
    }

    /// Removes documents by id and commits.
    pub fn delete_documents(&self, ids: &[String]) -> Result<()> {
        self.write(|writer, fields| {
            for id in ids {
                writer.delete_term(Term::from_field_text(fields.id, id));
            }
            Ok(())
        })
    }

    /// Ids of all indexed documents.
    pub fn document_ids(&self) -> Result<BTreeSet<String>> {
        search::document_ids(&self.reader.searcher())
    }

    /// What the index holds now: equal states hold the same documents (its segments and
    /// their deletions), so what was derived from one state's documents holds for the other.
    pub fn state(&self) -> IndexState {
        IndexState::of(&self.reader.searcher())
    }

    /// Ids of all indexed documents, with the state they are of.
    pub fn document_ids_in_state(&self) -> Result<(IndexState, BTreeSet<String>)> {
        let searcher = self.reader.searcher();
        Ok((IndexState::of(&searcher), search::document_ids(&searcher)?))
    }

    /// Ids of the indexed documents the index marks as chế độ sử dụng Mật (its own flag,
    /// which `verify` compares with the store; search does not trust it).
    pub fn restricted_document_ids(&self) -> Result<BTreeSet<String>> {
        search::restricted_document_ids(&self.reader.searcher(), &self.fields)
    }

    /// Full-text search; hits ranked best first, at most `limit`.
    ///
    /// The query uses tantivy's syntax: all words must occur on one page unless `OR` is
    /// written, `"quoted words"` must be adjacent, `-word` excludes. Words without diacritics
    /// match any diacritics; words with diacritics rank pages with exactly those first.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        self.search_cleared(query, limit, crate::clearance::Clearance::Public)
    }

    /// A search with filters, sorting, paging and clearance.
    pub fn search_with(&self, query: &str, options: &SearchOptions) -> Result<SearchResults> {
        self.search_ranked(query, options, search::Ranking::Fastest)
    }

    /// [`SearchIndex::search_with`] ranked by the single exhaustive scored pass (to check
    /// that the two-pass ranking gives the same results).
    #[cfg(test)]
    pub(crate) fn search_single_pass(
        &self,
        query: &str,
        options: &SearchOptions,
    ) -> Result<SearchResults> {
        self.search_ranked(query, options, search::Ranking::SinglePass)
    }

    /// Candidates for a search whose visibility the caller decides: the documents `options`
    /// filters select, except those with an id in `excluded` (so totals and facets do not
    /// count them). The index's own restriction flag is not used, and the clearance of
    /// `options` is ignored: [`crate::visibility::search`] excludes what the store says the
    /// reader may not see. The pages of `excluded` are found once per segment and kept
    /// while the caller passes the same set (the same `Arc`, or an equal set).
    pub fn search_candidates(
        &self,
        query: &str,
        options: &SearchOptions,
        excluded: &Arc<BTreeSet<String>>,
    ) -> Result<SearchResults> {
        self.search_hiding(
            query,
            options,
            &Hidden::Ids(Arc::clone(excluded)),
            search::Ranking::Fastest,
        )
    }

    fn search_ranked(
        &self,
        query: &str,
        options: &SearchOptions,
        ranking: search::Ranking,
    ) -> Result<SearchResults> {
        let hidden = match options.clearance {
            crate::clearance::Clearance::Public => Hidden::FlaggedRestricted,
            crate::clearance::Clearance::Mat | crate::clearance::Clearance::ToiMat => {
                Hidden::Nothing
            }
        };
        self.search_hiding(query, options, &hidden, ranking)
    }

    /// Runs `query` with the filters of `options`, leaving out the `hidden` pages.
    fn search_hiding(
        &self,
        query: &str,
        options: &SearchOptions,
        hidden: &Hidden,
        ranking: search::Ranking,
    ) -> Result<SearchResults> {
        // One searcher for all: the misreadings a query expands to are the searched index's.
        let searcher = self.reader.searcher();
        let hidden = self.hidden.resolve(&searcher, &self.fields, hidden)?;
        let statistics = SearchStatistics::new(&searcher, &hidden, &self.statistics);
        let prepared = self.query_with(&statistics, &searcher, query, options)?;
        let documents = self.documents.resolve(&searcher)?;
        search::run_with(
            &searcher,
            &statistics,
            &self.fields,
            &prepared,
            &hidden,
            &documents,
            options,
            ranking,
        )
    }

    /// [`SearchIndex::query_with`] for a reader from whom nothing is hidden.
    #[cfg(test)]
    fn query_for(
        &self,
        searcher: &tantivy::Searcher,
        query: &str,
        options: &SearchOptions,
    ) -> Result<search::PreparedQuery> {
        let nothing = hidden_docs::HiddenDocs::default();
        let statistics = SearchStatistics::new(searcher, &nothing, &self.statistics);
        self.query_with(&statistics, searcher, query, options)
    }

    /// The query of `query` with the filters of `options`. A query without filters is left
    /// unwrapped, so tantivy can prune it (block-max WAND) for top pages; the documents a
    /// search leaves out are skipped by its collectors ([`hidden_docs`]), not by the query.
    fn query_with(
        &self,
        statistics: &SearchStatistics<'_>,
        searcher: &tantivy::Searcher,
        query: &str,
        options: &SearchOptions,
    ) -> Result<search::PreparedQuery> {
        search::check_size(query)?;
        let prepared = match search::forgiving(searcher, statistics, &self.fields, query)? {
            Some(q) => q,
            None => search::parse(&self.parser, query)?,
        };
        let mut clauses: Vec<(tantivy::query::Occur, Box<dyn tantivy::query::Query>)> = Vec::new();
        for filter in search::filters(&self.fields, options, &self.parser)? {
            clauses.push((tantivy::query::Occur::Must, filter));
        }
        Ok(prepared.with_clauses(&clauses))
    }

    /// [`SearchIndex::search`] for a reader with `clearance`: without it, documents with
    /// chế độ sử dụng Mật match nothing (hits, totals and snippets alike).
    pub fn search_cleared(
        &self,
        query: &str,
        limit: usize,
        clearance: crate::clearance::Clearance,
    ) -> Result<SearchResults> {
        let options = SearchOptions {
            limit,
            clearance,
            ..Default::default()
        };
        self.search_with(query, &options)
    }

    /// Runs `ops` on the writer (created on first use), commits and reloads the reader.
    /// On failure nothing of `ops` is committed: the writer is dropped with its pending work.
    fn write(&self, ops: impl FnOnce(&mut IndexWriter, &Fields) -> Result<()>) -> Result<()> {
        let mut slot = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        let mut writer = match slot.take() {
            Some(writer) => writer,
            None => self
                .index
                .writer_with_num_threads(WRITER_THREADS, WRITER_MEMORY_BYTES)?,
        };
        ops(&mut writer, &self.fields)?;
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&format!("sohoa-index {INDEX_VERSION}"));
        commit.commit()?;
        *slot = Some(writer);
        drop(slot);
        self.reload()?;
        Ok(())
    }
}

/// The modification time and length of `dir/meta.json`, if it can be read.
fn meta_stamp(dir: &Path) -> Option<MetaStamp> {
    let meta = std::fs::metadata(dir.join("meta.json")).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl Drop for SearchIndex {
    fn drop(&mut self) {
        let slot = self
            .writer
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(writer) = slot.take() {
            if let Err(e) = writer.wait_merging_threads() {
                tracing::warn!("{}: merging index segments: {e}", self.dir.display());
            }
        }
    }
}

/// Whether `text` is NFC without the Unicode tables: every character below U+0300 (ASCII,
/// Latin-1, Latin Extended-A/B: `đ ă â ê ô ơ ư` and their capitals) or in Latin Extended
/// Additional (U+1E00–U+1EFF: the precomposed toned vowels) or in General Punctuation from
/// U+2010 (dashes, quotes, `…`) is `NFC_QC=Yes` with combining class 0, and so is any text made
/// of them only. Vietnamese text nearly always is; the full check is the fallback.
fn is_plainly_nfc(text: &str) -> bool {
    text.chars().all(|c| {
        let c = c as u32;
        c < 0x300 || (0x1E00..=0x1EFF).contains(&c) || (0x2010..=0x205F).contains(&c)
    })
}

/// The year of an ISO date (`1997-03-12` → 1997), or 0 for an empty or malformed one.
fn year_of(date: &str) -> u64 {
    date.get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|y| y.parse().ok())
        .unwrap_or(0)
}

/// The tantivy document of one page: document id and metadata, page number and NFC text.
fn page_document(
    fields: &Fields,
    doc: &IndexedDocument,
    number: u32,
    text: &str,
) -> TantivyDocument {
    let mut page = TantivyDocument::new();
    page.add_text(fields.id, &doc.id);
    page.add_u64(fields.page, u64::from(number));
    page.add_text(fields.hoso, &doc.hoso);
    page.add_text(fields.box_name, &doc.box_name);
    page.add_text(fields.title, &doc.title);
    page.add_text(fields.doc_type, &doc.doc_type);
    page.add_text(fields.symbol, &doc.symbol);
    page.add_text(fields.date, &doc.date);
    page.add_u64(fields.year, year_of(&doc.date));
    page.add_text(fields.issuer, &doc.issuer);
    page.add_text(fields.do_mat, &doc.do_mat);
    page.add_text(fields.issuer_exact, &doc.issuer);
    page.add_text(fields.fonds, &doc.fonds);
    if doc.restricted {
        page.add_text(fields.restricted, "1");
    }
    let text: std::borrow::Cow<str> = if is_plainly_nfc(text) || is_nfc(text) {
        text.into()
    } else {
        text.nfc().collect::<String>().into()
    };
    for field in [fields.text, fields.text_folded, fields.text_pairs] {
        page.add_text(field, &text);
    }
    page
}

#[cfg(test)]
mod tests;
