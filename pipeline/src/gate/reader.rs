//! Reads of the archive for one principal.
//!
//! In: an [`Archive`], a [`Principal`] and what they ask for (a document id, a version, a
//! query, a page, a selection to export, an audit log filter). Out: only what the principal
//! may see — a document they may not see answers [`Error::NotFound`] with the message of an
//! unknown id — and, before restricted content is handed out, an audit entry recording the
//! read (a read that cannot be recorded is refused). Page views are recorded in the access
//! log ([`crate::store::access`]), other reads in the audit log.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use archive_schema::CodeSets;
use serde::Serialize;

use super::page::{self, PageView};
use super::show::DocumentShow;
use super::{ContentBasis, Principal, Role, UseForm};
use crate::clearance::{
    is_restricted, regime, required, unknown_document, unknown_record, Clearance, Regime,
    READ_ACTION, READ_MAT_ACTION,
};
use crate::export::bagit::{self, BagOptions, BagSummary, Selection};
use crate::export::files::{self, OriginalPage, StoredFile};
use crate::index::{SearchIndex, SearchOptions, SearchResults};
use crate::ingest::IngestSummary;
use crate::review::ReviewItem;
use crate::store::audit::{AuditEntry, NewEntry};
use crate::store::history::{self, VersionEntry};
use crate::store::records::{document_path, hocr_path, page_path, DocumentRecord, PageRecord};
use crate::store::{Archive, HoSoObject};
use crate::{Error, Result};

mod audit;
pub use audit::{ChainHead, FixityState, ObjectFixity, CHAIN_HEAD_ACTION};

/// What kind of read an audit entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadKind {
    Show,
    GetOriginal,
    GetPdf,
    Export,
    Search,
    /// A page image or a page's words viewed.
    ViewPage,
    /// A thumbnail of a whole page, too small to read (see [`PageUse::Thumbnail`]).
    ViewThumbnail,
}

impl ReadKind {
    /// The `read` value of the audit entry.
    pub fn as_str(self) -> &'static str {
        match self {
            ReadKind::Show => "show",
            ReadKind::GetOriginal => "get original",
            ReadKind::GetPdf => "get pdf",
            ReadKind::Export => "export",
            ReadKind::Search => "search",
            ReadKind::ViewPage => "view page",
            ReadKind::ViewThumbnail => "view thumbnail",
        }
    }
}

/// What a viewer does with a page it is handed: each use is recorded in the access log
/// under its own kind, so an auditor tells readings from thumbnails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageUse {
    /// The page is read: its words, or an image of it at a size where it can be read.
    View,
    /// A thumbnail of the whole page, at a size where its text cannot be read (the caller
    /// decides by the size it renders; docs/AUDITING.md says which sizes count).
    Thumbnail,
}

/// The audit action of the first use of a grant on a document.
pub const GRANT_USE_ACTION: &str = "grant-use";

/// Why a read of restricted material was refused when its audit entry could not be written.
pub const UNAUDITED_READ_REFUSED: &str =
    "refused: a read of a Mật document must be recorded in the audit log, and it cannot be";

/// One document in a listing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentListing {
    pub id: String,
    /// The hồ sơ object holding it.
    #[serde(skip)]
    pub object: String,
    pub hoso: String,
    #[serde(rename = "box")]
    pub box_name: String,
    /// Phông code (the second part of the mã hồ sơ), or empty.
    pub fonds: String,
    pub title: String,
    pub doc_type: String,
    pub symbol: String,
    pub date: String,
    pub page_count: usize,
    /// The principal may see it but not read its content without a grant.
    #[serde(skip)]
    pub needs_grant: bool,
}

/// A document a reading request may name, as the principal sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequestableDocument {
    pub id: String,
    /// Its hồ sơ object.
    pub object: String,
    pub hoso: String,
    pub title: String,
    pub symbol: String,
    pub date: String,
    pub regime: Regime,
    /// The principal may already read it (and, for `sao`, copy it).
    pub readable: bool,
}

impl DocumentListing {
    /// Document `d` of `object`, as listed.
    pub(crate) fn of(object: &HoSoObject, d: &DocumentRecord) -> DocumentListing {
        DocumentListing {
            id: d.id.clone(),
            object: object.id.clone(),
            hoso: object.source.hoso.clone(),
            box_name: object.source.box_name.clone(),
            fonds: crate::catalog::fonds_of(d),
            title: d.summary.title.clone(),
            doc_type: d.summary.doc_type.clone(),
            symbol: d.summary.symbol.clone(),
            date: d.summary.date.clone(),
            page_count: d.pages.len(),
            // Whose content needs a grant depends on who asks: set by `Reader::documents`.
            needs_grant: false,
        }
    }
}

/// The versions of the hồ sơ object holding a document (or of an object), as the
/// principal may see them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    /// The id asked for.
    pub id: String,
    pub object: String,
    /// The document, when `id` was a document's.
    pub document: Option<String>,
    pub head: String,
    #[serde(skip)]
    pub box_name: String,
    #[serde(skip)]
    pub hoso: String,
    pub versions: Vec<VersionEntry>,
}

/// A document under review: what to check, and where its pages are in its hồ sơ.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentReview {
    /// Its open review items (none once reviewed).
    pub items: Vec<ReviewItem>,
    /// Where each extracted field of its record was read, on the scan as stored.
    pub boxes: Vec<FieldBox>,
    /// Whether an archivist accepted it as reviewed.
    pub reviewed: bool,
    /// Its pages' numbers in the hồ sơ, in document order (items name hồ sơ pages).
    pub pages: Vec<u32>,
}

/// Where an extracted field was read: its hồ sơ page, and the box on the scan as stored
/// (the frame of a [`PageView`]'s words).
#[derive(Debug, Clone, Serialize)]
pub struct FieldBox {
    /// The record key.
    pub field: String,
    pub hoso_page: u32,
    pub bbox: [u32; 4],
}

/// Which audit entries to list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only entries about this hồ sơ object, or the object of this document id.
    pub object: Option<String>,
    /// Only this action.
    pub action: Option<String>,
    /// Only entries by this actor.
    pub actor: Option<String>,
    /// Only entries whose detail names this document id (reads, grant uses, requests and
    /// decisions naming it).
    pub document: Option<String>,
    /// Only the last N.
    pub limit: Option<usize>,
    /// Only entries of this day (UTC) or later.
    pub from: Option<chrono::NaiveDate>,
    /// Only entries of this day (UTC) or earlier.
    pub to: Option<chrono::NaiveDate>,
}

impl AuditFilter {
    /// Whether an entry written at `time` (RFC 3339) lies in the days `from`..=`to`; with
    /// either set, an entry whose time does not read is outside.
    pub fn in_days(&self, time: &str) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Ok(at) = chrono::DateTime::parse_from_rfc3339(time) else {
            return false;
        };
        let day = at.with_timezone(&chrono::Utc).date_naive();
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }
}

/// Reads on behalf of one principal; see the module doc.
#[derive(Debug, Clone, Copy)]
pub struct Reader<'a> {
    archive: &'a Archive,
    who: &'a Principal,
    /// Record reads of every document, not only of restricted ones.
    every_read: bool,
}

impl<'a> Reader<'a> {
    pub(super) fn new(archive: &'a Archive, who: &'a Principal) -> Reader<'a> {
        Reader {
            archive,
            who,
            every_read: false,
        }
    }

    /// This reader, recording every read of a document's content in the audit log (the
    /// reading room: DESIGN.md §7 asks for each user's access history), not only reads of
    /// restricted documents.
    #[must_use]
    pub fn recording_every_read(self) -> Reader<'a> {
        Reader {
            every_read: true,
            ..self
        }
    }

    pub fn principal(&self) -> &Principal {
        self.who
    }

    fn clearance(&self) -> Clearance {
        self.who.clearance()
    }

    /// Every document the principal may see, by box and hồ sơ order: from the store's
    /// visibility, which a long-lived handle keeps while the store does not change (so a
    /// reading room's browse does not read every object per request). Documents of an
    /// object that cannot be read are not listed (see [`crate::visibility`]).
    pub fn documents(&self) -> Result<Vec<DocumentListing>> {
        let store = self.archive.visibility_cache().get(self.archive)?;
        Ok(store
            .listing(self.clearance())
            .map(|(needed, regime, listed)| DocumentListing {
                needs_grant: self
                    .who
                    .content_use(&listed.id, regime, needed, UseForm::Read)
                    .is_none(),
                ..listed.clone()
            })
            .collect())
    }

    /// Document `id` and its object at the head version, without recording a read: for
    /// paths that read no content of it (or record their own read).
    fn visible_document(&self, id: &str) -> Result<(HoSoObject, DocumentRecord)> {
        self.archive
            .find_document(id)?
            .filter(|(_, d)| self.clearance().may_see(d))
            .ok_or_else(|| unknown_document(id))
    }

    /// Document `id` with its object (head version), its read recorded when restricted.
    pub fn document(&self, id: &str) -> Result<(HoSoObject, DocumentRecord)> {
        let (object, doc) = self.visible_document(id)?;
        self.record_read(&object.id, &doc, ReadKind::Show)?;
        Ok((object, doc))
    }

    /// Document `id` (at the head, or as it was in `version`) as `show` gives it, its read
    /// recorded like [`Reader::document`]'s.
    ///
    /// Its OCR text is content: when the principal may not read it (see
    /// [`Principal::content_use`]) the pages come without text and `allowed_use` is None.
    /// A read under a grant names it.
    pub fn show(&self, id: &str, version: Option<&str>) -> Result<DocumentShow> {
        let (object, doc) = match version {
            None => self.visible_document(id)?,
            Some(v) => self.visible_document_at(id, v)?,
        };
        let read = self.content_basis(&doc, UseForm::Read);
        let copy = self.content_basis(&doc, UseForm::Copy);
        self.record_use(&object.id, &doc, ReadKind::Show, read)?;
        let mut shown = super::show::document_show(&object, &doc)?;
        shown.allowed_use = match (read, copy) {
            (_, Some(_)) => Some(UseForm::Copy),
            (Some(_), None) => Some(UseForm::Read),
            (None, None) => None,
        };
        if read.is_none() {
            for page in &mut shown.pages {
                page.text.clear();
                page.confidence = 0.0;
            }
        }
        Ok(shown)
    }

    /// Whether (and on what basis) the principal may use `doc`'s content as `form`.
    fn content_basis(&self, doc: &DocumentRecord, form: UseForm) -> Option<ContentBasis> {
        self.who
            .content_use(&doc.id, regime(doc), required(doc), form)
    }

    /// Document `id` and its object (head version) when the principal may use its content
    /// as `form`, with the basis; else the answer of an unknown id.
    fn usable_document(
        &self,
        id: &str,
        form: UseForm,
    ) -> Result<(HoSoObject, DocumentRecord, ContentBasis)> {
        let (object, doc) = self.visible_document(id)?;
        let basis = self
            .content_basis(&doc, form)
            .ok_or_else(|| unknown_document(id))?;
        Ok((object, doc, basis))
    }

    /// The documents `ids` name (document ids, or hồ sơ object ids for the documents of
    /// the hồ sơ whose content needs a grant), as the principal may see them, in order,
    /// each once: what a reading request may ask for. An id they may not see answers as
    /// an unknown one.
    pub fn requestable(&self, ids: &[String], form: UseForm) -> Result<Vec<RequestableDocument>> {
        let mut out: Vec<RequestableDocument> = Vec::new();
        let entry = |object: &HoSoObject, d: &DocumentRecord| RequestableDocument {
            id: d.id.clone(),
            object: object.id.clone(),
            hoso: object.source.hoso.clone(),
            title: d.summary.title.clone(),
            symbol: d.summary.symbol.clone(),
            date: d.summary.date.clone(),
            regime: regime(d),
            readable: self.content_basis(d, form).is_some(),
        };
        for id in ids {
            let found: Vec<RequestableDocument> = match self.archive.find_document(id)? {
                Some((object, d)) if self.clearance().may_see(&d) => vec![entry(&object, &d)],
                Some(_) => return Err(unknown_record(id)),
                None => match self.archive.find_object(id)? {
                    Some(o) if self.clearance().may_see_some_of(&o) => o
                        .documents
                        .iter()
                        .filter(|d| self.clearance().may_see(d) && regime(d).needs_grant())
                        .map(|d| entry(&o, d))
                        .collect(),
                    _ => return Err(unknown_record(id)),
                },
            };
            for d in found {
                if !out.iter().any(|o| o.id == d.id) {
                    out.push(d);
                }
            }
        }
        Ok(out)
    }

    /// Document `id` as [`Reader::show`] gives it at the head, only when the principal may
    /// read its content (a viewer of its pages and words: IIIF); else the answer of an
    /// unknown id.
    pub fn show_readable(&self, id: &str) -> Result<DocumentShow> {
        let shown = self.show(id, None)?;
        if shown.allowed_use.is_none() {
            return Err(unknown_document(id));
        }
        Ok(shown)
    }

    /// Document `id` as it was in `version` of its object. The principal must be able to
    /// see it both at the head and in that version.
    pub fn document_at(&self, id: &str, version: &str) -> Result<(HoSoObject, DocumentRecord)> {
        let (old, doc) = self.visible_document_at(id, version)?;
        self.record_read(&old.id, &doc, ReadKind::Show)?;
        Ok((old, doc))
    }

    /// [`Reader::document_at`] without recording a read.
    fn visible_document_at(&self, id: &str, version: &str) -> Result<(HoSoObject, DocumentRecord)> {
        let (head, _) = self.visible_document(id)?;
        let old = head.at_version(version)?;
        let doc = old
            .documents
            .iter()
            .find(|d| d.id == id)
            .cloned()
            .ok_or_else(|| {
                Error::NotFound(format!(
                    "document {id} is not in version {version} of object {}",
                    head.id
                ))
            })?;
        if !self.clearance().may_see(&doc) {
            return Err(unknown_document(id));
        }
        Ok((old, doc))
    }

    /// The version history of document `id`'s object, or of hồ sơ object `id`. An object
    /// is known when the principal may see one of its documents at least; when it holds
    /// others they may not see, the history leaves out the files of those and the messages
    /// naming them.
    pub fn history(&self, id: &str) -> Result<History> {
        let (object, document) = match self.archive.find_document(id)? {
            Some((o, d)) if self.clearance().may_see(&d) => (o, Some(d.id)),
            Some(_) => return Err(unknown_record(id)),
            None => match self.archive.find_object(id)? {
                Some(o) if self.clearance().may_see_some_of(&o) => (o, None),
                _ => return Err(unknown_record(id)),
            },
        };
        let mut versions = history::versions(&object);
        let hidden: Vec<&DocumentRecord> = object
            .documents
            .iter()
            .filter(|d| !self.clearance().may_see(d))
            .collect();
        if !hidden.is_empty() {
            redact_versions(&mut versions, &object, &hidden)?;
        }
        Ok(History {
            id: id.to_string(),
            object: object.id.clone(),
            document,
            head: object.inventory.head.clone(),
            box_name: object.source.box_name.clone(),
            hoso: object.source.hoso.clone(),
            versions,
        })
    }

    /// The open review items of the documents the principal may see. Only archivists
    /// review ([`Error::Forbidden`] for others).
    pub fn review_queue(&self, codes: &CodeSets) -> Result<Vec<ReviewItem>> {
        self.require_role(Role::Archivist, "read the review queue")?;
        crate::review::review_queue(self.archive, codes, self.clearance())
    }

    /// The open review items of document `id` and its hồ sơ pages, for an archivist
    /// reviewing it beside its scan. Only archivists ([`Error::Forbidden`] for others); a
    /// document the principal may not see is an unknown id. Reads no content (the scan and
    /// text come through [`Reader::page`]).
    pub fn document_review(&self, id: &str, codes: &CodeSets) -> Result<DocumentReview> {
        self.require_role(Role::Archivist, "review documents")?;
        let (object, doc) = self.visible_document(id)?;
        let pages = object.pages()?;
        let place = crate::review::Place {
            object: &object.id,
            box_name: &object.source.box_name,
            hoso: &object.source.hoso,
        };
        let boxes = crate::review::field_boxes(&doc.record, &pages)
            .into_iter()
            .filter_map(|(field, hoso_page, bbox)| {
                let record = pages.iter().find(|p| p.number == hoso_page)?;
                Some(FieldBox {
                    field,
                    hoso_page,
                    bbox: page::box_on_scan(record, bbox),
                })
            })
            .collect();
        Ok(DocumentReview {
            items: crate::review::document_items(&place, &doc, &pages, codes),
            boxes,
            reviewed: doc.reviewed,
            pages: doc.pages,
        })
    }

    /// A search of `index` (the archive's) with the filters and paging of `options`; hits,
    /// totals, facets and snippets hold only documents the store says the principal may
    /// see. Snippets of restricted documents are reads of them, recorded before they are
    /// returned.
    pub fn search(
        &self,
        index: &SearchIndex,
        query: &str,
        options: &SearchOptions,
    ) -> Result<SearchResults> {
        let options = SearchOptions {
            clearance: self.clearance(),
            ..options.clone()
        };
        let may_read = |id: &str, regime: Regime, needed: Clearance| {
            self.who
                .content_use(id, regime, needed, UseForm::Read)
                .is_some()
        };
        let results = crate::visibility::search(self.archive, index, query, &options, &may_read)?;
        let read: Vec<&str> = results
            .hits
            .iter()
            .filter(|h| h.restricted)
            .map(|h| h.id.as_str())
            .collect();
        if !read.is_empty() {
            let detail = serde_json::json!({
                "documents": read,
                "read": ReadKind::Search.as_str(),
                "query": query,
            });
            self.append_read(READ_MAT_ACTION, None, detail)?;
        }
        Ok(results)
    }

    /// The original scan holding page `page` (1-based) of document `id`.
    /// A copy: the principal must be allowed to copy the document's content.
    pub fn original_page(&self, id: &str, page: u32) -> Result<OriginalPage> {
        let (object, doc, basis) = self.usable_document(id, UseForm::Copy)?;
        let mut original = files::original_for_page(&object, &doc, page)?;
        // A scan file holding pages of documents the principal may not see is not handed
        // out: the page asked for is cut out of it.
        let hidden = files::hidden_pages(&object, |d| self.clearance().may_see(d));
        if !hidden.is_empty() {
            let pages = object.pages()?;
            if let Some(record) = pages.iter().find(|p| p.number == original.hoso_page) {
                if files::shares_scan(&pages, record, &hidden) {
                    original.file = files::cut_page(&object, record)?;
                    original.source_page = 1;
                    original.file_pages = 1;
                }
            }
        }
        self.record_use(&object.id, &doc, ReadKind::GetOriginal, Some(basis))?;
        Ok(original)
    }

    /// The access copy (PDF) of document `id`: a copy, so the principal must be allowed to
    /// copy its content (a grant of form `sao` where one is needed).
    pub fn access_copy(&self, id: &str) -> Result<StoredFile> {
        let (object, doc, pdf, basis) = self.access_copy_allowed(id)?;
        self.record_use(&object.id, &doc, ReadKind::GetPdf, Some(basis))?;
        Ok(pdf)
    }

    /// Whether [`Reader::access_copy`] would hand document `id`'s access copy to the
    /// principal (the same check, nothing read or recorded): a viewer's manifest links the
    /// PDF only then.
    pub fn may_take_access_copy(&self, id: &str) -> Result<bool> {
        match self.access_copy_allowed(id) {
            Ok(_) => Ok(true),
            Err(Error::NotFound(_) | Error::Forbidden(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Document `id`, its object and its access copy, when the principal may take the copy:
    /// the one check of [`Reader::access_copy`] and [`Reader::may_take_access_copy`].
    fn access_copy_allowed(
        &self,
        id: &str,
    ) -> Result<(HoSoObject, DocumentRecord, StoredFile, ContentBasis)> {
        let (object, doc, basis) = self.usable_document(id, UseForm::Copy)?;
        let pdf = files::access_copy(&object, &doc)?;
        Ok((object, doc, pdf, basis))
    }

    /// Page `page` (1-based) of document `id` for a viewer: its words with boxes on the scan,
    /// its text, and its pixels on demand. The principal must be allowed to read the
    /// document's content; every viewer of page images and text (the reading room's pages,
    /// its API, IIIF) comes through here or [`Reader::pages`].
    pub fn page(&self, id: &str, page: u32) -> Result<PageView> {
        self.page_used(id, page, |_| Ok::<_, Error>(PageUse::View))
    }

    /// Page `page` of document `id`, as [`Reader::page`], used as `use_of` says once it
    /// has seen the page (its size): a thumbnail is recorded as one, and an error of
    /// `use_of` (a request the caller cannot serve for this page) records nothing.
    pub fn page_used<E: From<Error>>(
        &self,
        id: &str,
        page: u32,
        use_of: impl FnOnce(&PageView) -> std::result::Result<PageUse, E>,
    ) -> std::result::Result<PageView, E> {
        let (object, doc, basis) = self.usable_document(id, UseForm::Read)?;
        let number = files::hoso_page_of(&doc, page)?;
        let records = object.page_records(&[number])?;
        let view = page::page_view(&object, &doc, page, &records)?;
        let kind = match use_of(&view)? {
            PageUse::View => ReadKind::ViewPage,
            PageUse::Thumbnail => ReadKind::ViewThumbnail,
        };
        self.record_page_views(&object.id, &doc, &[page], kind, basis)?;
        Ok(view)
    }

    /// Pages `pages` (1-based, in the order given) of document `id` for a viewer, as
    /// [`Reader::page`] gives each, read at once: the document and the pages' records are
    /// read once, and the views recorded together (one access-log entry per
    /// page, appended as one batch). The same rule as [`Reader::page`]: the principal must
    /// be allowed to read the document's content; a page the document does not have fails
    /// the whole read, and nothing is recorded then.
    pub fn pages(&self, id: &str, pages: &[u32]) -> Result<Vec<PageView>> {
        let (object, doc, basis) = self.usable_document(id, UseForm::Read)?;
        let numbers = pages
            .iter()
            .map(|&n| files::hoso_page_of(&doc, n))
            .collect::<Result<Vec<u32>>>()?;
        let records = object.page_records(&numbers)?;
        let views = pages
            .iter()
            .map(|&n| page::page_view(&object, &doc, n, &records))
            .collect::<Result<Vec<PageView>>>()?;
        self.record_page_views(&object.id, &doc, pages, ReadKind::ViewPage, basis)?;
        Ok(views)
    }

    /// The entries recording what the principal read (their access history): documents
    /// opened and files taken from the audit log, pages viewed from the access log, in time
    /// order, the last `limit` of them.
    pub fn own_reads(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        let filter = AuditFilter {
            actor: Some(self.who.actor().to_string()),
            ..AuditFilter::default()
        };
        let mut reads = self.visible_entries(&self.archive.audit().entries()?, &filter)?;
        reads.extend(self.visible_entries(&self.archive.access_log().entries()?, &filter)?);
        reads.retain(|e| e.action == READ_ACTION || e.action == READ_MAT_ACTION);
        // Both logs write times alike (RFC 3339, UTC, milliseconds): they sort as text.
        reads.sort_by(|a, b| a.time.cmp(&b.time));
        let skip = reads.len().saturating_sub(limit);
        Ok(reads.split_off(skip))
    }

    /// A `BagIt` bag of `selection` at `out`: what the principal may not see is left out as
    /// if it were not stored. Each restricted document exported is a recorded read; the
    /// export itself is recorded after the bag is complete.
    pub fn export_bagit(
        &self,
        selection: &Selection,
        out: &Path,
        software_agent: &str,
    ) -> Result<BagSummary> {
        crate::export::refuse_inside_archive(&self.archive.root, out)?;
        let reads = self.export_reads(selection)?;
        // An export is a copy of everything in it: outside the archive host, a document
        // whose content the principal may not copy makes the selection unknown to them.
        let mut bases = Vec::with_capacity(reads.len());
        for (_, doc) in &reads {
            let basis = self.content_basis(doc, UseForm::Copy).ok_or_else(|| {
                Error::NotFound(format!("{selection}: nothing by that name in the archive"))
            })?;
            bases.push(basis);
        }
        for ((object, doc), basis) in reads.iter().zip(bases) {
            self.record_use(object, doc, ReadKind::Export, Some(basis))?;
        }
        let options = BagOptions {
            software_agent: software_agent.to_string(),
            clearance: self.clearance(),
        };
        let summary = bagit::export_bagit(self.archive, selection, out, &options)?;
        // A read-only archive cannot record it; the bag is made all the same.
        if let Err(e) = bagit::record_export(self.archive, self.who.actor(), &summary) {
            tracing::warn!("export not recorded in the audit log: {e}");
        }
        Ok(summary)
    }

    /// The documents an export of `selection` carries, by object id.
    fn export_reads(&self, selection: &Selection) -> Result<Vec<(String, DocumentRecord)>> {
        let clearance = self.clearance();
        let objects: Vec<HoSoObject> = match selection {
            Selection::Id(id) => match self.archive.find_document(id)? {
                Some((object, doc)) if clearance.may_see(&doc) => {
                    return Ok(vec![(object.id, doc)]);
                }
                Some(_) => Vec::new(),
                None => self.archive.find_object(id)?.into_iter().collect(),
            },
            Selection::Box(name) => self
                .archive
                .hoso_objects()?
                .into_iter()
                .filter(|o| o.source.box_name == *name)
                .collect(),
        };
        // What the reader may not see of an object is not exported, as if it were not stored.
        Ok(objects
            .iter()
            .flat_map(|o| {
                o.documents
                    .iter()
                    .filter(|d| clearance.may_see(d))
                    .map(|d| (o.id.clone(), d.clone()))
            })
            .collect())
    }

    /// The audit log entries the principal may see, filtered: entries about documents they
    /// may not see are left out, others lose the ids of those documents (and, without
    /// clearance, approval references and reads of restricted documents).
    /// Only auditors read the log ([`Error::Forbidden`] for others).
    pub fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        self.require_auditor("the audit log")?;
        self.visible_entries(&self.archive.audit().entries()?, filter)
    }

    /// The page views of the access log the principal may see, filtered and redacted as
    /// [`Reader::audit_log`] does. Only auditors read it.
    pub fn access_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        self.require_auditor("the access log")?;
        self.visible_entries(&self.archive.access_log().entries()?, filter)
    }

    fn require_auditor(&self, what: &str) -> Result<()> {
        self.require_role(Role::Auditor, &format!("read {what}"))
    }

    fn require_role(&self, role: Role, what: &str) -> Result<()> {
        self.who.require(role, what)
    }

    /// `entries` (of the audit or the access log) as the principal may see them, filtered.
    fn visible_entries(
        &self,
        entries: &[AuditEntry],
        filter: &AuditFilter,
    ) -> Result<Vec<AuditEntry>> {
        let clearance = self.clearance();
        // A document id (one the principal may see) means its hồ sơ object.
        let object = match &filter.object {
            Some(id) => Some(
                self.archive
                    .find_document(id)?
                    .filter(|(_, d)| clearance.may_see(d))
                    .map_or_else(|| id.clone(), |(o, _)| o.id),
            ),
            None => None,
        };
        // Documents the principal may not see, and objects holding only such documents
        // (which do not exist for them either).
        let mut hidden = BTreeSet::new();
        let mut hidden_objects = BTreeSet::new();
        let mut stored = BTreeSet::new();
        for o in self.archive.hoso_objects()? {
            stored.insert(o.id.clone());
            let unseen: Vec<&DocumentRecord> = o
                .documents
                .iter()
                .filter(|d| !clearance.may_see(d))
                .collect();
            if !unseen.is_empty() && unseen.len() == o.documents.len() {
                hidden_objects.insert(o.id.clone());
            }
            hidden.extend(unseen.iter().map(|d| d.id.clone()));
        }
        // An object the log names but the store no longer holds (deleted, or lost): what it
        // held cannot be decided any more, so only a clearance covering every level sees
        // its entries and the documents they list (fail closed).
        if !clearance.covers(Clearance::ToiMat) {
            let gone = gone_objects(entries, &stored);
            hidden.extend(gone.values().flatten().cloned());
            hidden_objects.extend(gone.into_keys());
        }
        // Entries about several objects (a verify run's) lose those ids too.
        hidden.extend(hidden_objects.iter().cloned());
        let entries: Vec<AuditEntry> = entries
            .iter()
            .filter(|e| {
                e.object
                    .as_ref()
                    .is_none_or(|o| !hidden_objects.contains(o))
            })
            .filter_map(|e| clearance.audit_entry(e, &hidden))
            .filter(|e| object.is_none() || e.object == object)
            .filter(|e| filter.action.as_ref().is_none_or(|a| e.action == *a))
            .filter(|e| filter.actor.as_ref().is_none_or(|a| e.actor == *a))
            .filter(|e| filter.in_days(&e.time))
            .filter(|e| {
                filter
                    .document
                    .as_ref()
                    .is_none_or(|d| names_id(&e.detail, d))
            })
            .collect();
        let skip = filter.limit.map_or(0, |n| entries.len().saturating_sub(n));
        Ok(entries.into_iter().skip(skip).collect())
    }

    /// A verification report (as [`super::Writer::verify`] gave it to another auditor) as
    /// this principal may see it: what their clearance does not cover is counted in
    /// `not_named`, not named.
    pub fn hide_from_verify_report(
        &self,
        report: crate::verify::VerifyReport,
    ) -> Result<crate::verify::VerifyReport> {
        super::verify_view::for_clearance(self.archive, report, self.clearance())
    }

    /// `summary` (of an ingest just run) without the documents the principal may not see:
    /// their ids, the warnings naming them, and their count among those to review.
    pub fn hide_from_summary(&self, summary: &mut IngestSummary) -> Result<()> {
        if summary.documents.is_empty() {
            return Ok(());
        }
        let mut hidden_to_review = 0;
        let mut hidden = BTreeSet::new();
        for object in self.archive.hoso_objects()? {
            for d in object
                .documents
                .iter()
                .filter(|d| !self.clearance().may_see(d))
            {
                if summary.documents.contains(&d.id) && !d.reviewed {
                    hidden_to_review += 1;
                }
                hidden.insert(d.id.clone());
            }
        }
        summary.documents.retain(|id| !hidden.contains(id));
        summary
            .warnings
            .retain(|w| !hidden.iter().any(|id| w.contains(id.as_str())));
        summary.documents_to_review = summary.documents_to_review.saturating_sub(hidden_to_review);
        Ok(())
    }

    /// Records that the principal read `doc` of `object`: always when it is restricted,
    /// and for every document when this reader records every read.
    fn record_read(&self, object: &str, doc: &DocumentRecord, kind: ReadKind) -> Result<()> {
        self.record_use(object, doc, kind, None)
    }

    /// Records a read of `doc`, content used on `basis`: the read entry names the grant
    /// read under, and a grant's first use on a document is also an entry of its own in
    /// the audit log ([`GRANT_USE_ACTION`]).
    fn record_use(
        &self,
        object: &str,
        doc: &DocumentRecord,
        kind: ReadKind,
        basis: Option<ContentBasis>,
    ) -> Result<()> {
        let grant = self.record_grant_use(object, doc, kind, basis)?;
        match self.read_entry(doc, kind, None, grant) {
            Some((action, detail)) => self.append_read(action, Some(object), detail),
            None => Ok(()),
        }
    }

    /// Records views of `pages` of `doc` (as pages or thumbnails: `kind`) as
    /// [`Reader::record_use`] records a read: in the access log (chained to the audit log
    /// by digest), one entry per page, appended as one batch.
    fn record_page_views(
        &self,
        object: &str,
        doc: &DocumentRecord,
        pages: &[u32],
        kind: ReadKind,
        basis: ContentBasis,
    ) -> Result<()> {
        let grant = self.record_grant_use(object, doc, kind, Some(basis))?;
        let entries: Vec<NewEntry> = pages
            .iter()
            .filter_map(|&page| self.read_entry(doc, kind, Some(page), grant))
            .map(|(action, detail)| NewEntry::new(self.who.actor(), action, Some(object), detail))
            .collect();
        if entries.is_empty() {
            return Ok(());
        }
        self.archive
            .record_accesses(entries)
            .map(drop)
            .map_err(|e| Error::Forbidden(format!("{UNAUDITED_READ_REFUSED}: {e}")))
    }

    /// The grant `basis` names, its first use on `doc` recorded ([`Reader::record_first_use`]).
    fn record_grant_use(
        &self,
        object: &str,
        doc: &DocumentRecord,
        kind: ReadKind,
        basis: Option<ContentBasis>,
    ) -> Result<Option<i64>> {
        let grant = match basis {
            Some(ContentBasis::Grant(g)) => Some(g),
            _ => None,
        };
        if let Some(g) = grant {
            self.record_first_use(object, doc, kind, g)?;
        }
        Ok(grant)
    }

    /// The action and detail of the entry recording a read of `doc` (page `page` of it,
    /// when given) under `grant`: None when the read need not be recorded (an open
    /// document read without a grant by a reader not recording every read).
    fn read_entry(
        &self,
        doc: &DocumentRecord,
        kind: ReadKind,
        page: Option<u32>,
        grant: Option<i64>,
    ) -> Option<(&'static str, serde_json::Value)> {
        let restricted = is_restricted(doc);
        if !restricted && !self.every_read && grant.is_none() {
            return None;
        }
        let mut detail = serde_json::json!({ "document": doc.id, "read": kind.as_str() });
        if let Some(page) = page {
            detail["page"] = page.into();
        }
        if let Some(g) = grant {
            detail["grant"] = g.into();
        }
        let action = if restricted {
            READ_MAT_ACTION
        } else {
            READ_ACTION
        };
        Some((action, detail))
    }

    /// The first use of grant `grant` on `doc`: an audit entry, before the content is
    /// handed out (a use that cannot be recorded is refused).
    fn record_first_use(
        &self,
        object: &str,
        doc: &DocumentRecord,
        kind: ReadKind,
        grant: i64,
    ) -> Result<()> {
        let uses = self.who.grant_uses();
        if uses.is_some_and(|u| u.used_before(grant, &doc.id)) {
            return Ok(());
        }
        let detail = serde_json::json!({
            "grant": grant,
            "document": doc.id,
            "read": kind.as_str(),
        });
        self.append_read(GRANT_USE_ACTION, Some(object), detail)?;
        if let Some(u) = uses {
            u.note_use(grant, &doc.id);
        }
        Ok(())
    }

    fn append_read(
        &self,
        action: &str,
        object: Option<&str>,
        detail: serde_json::Value,
    ) -> Result<()> {
        self.archive
            .audit()
            .append(self.who.actor(), action, object, detail)
            .map(|_| ())
            .map_err(|e| Error::Forbidden(format!("{UNAUDITED_READ_REFUSED}: {e}")))
    }
}

/// The objects `entries` are about that are not among the `stored` ones, each with the
/// document ids its entries list (`detail.documents`).
fn gone_objects(
    entries: &[AuditEntry],
    stored: &BTreeSet<String>,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut gone: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in entries {
        let Some(object) = e.object.as_ref().filter(|o| !stored.contains(*o)) else {
            continue;
        };
        let documents = e
            .detail
            .get("documents")
            .and_then(serde_json::Value::as_array);
        gone.entry(object.clone()).or_default().extend(
            documents
                .into_iter()
                .flatten()
                .filter_map(serde_json::Value::as_str)
                .map(str::to_owned),
        );
    }
    gone
}

/// Whether `value` holds the string `id` anywhere (a field, an element of a list).
fn names_id(value: &serde_json::Value, id: &str) -> bool {
    match value {
        serde_json::Value::String(s) => s == id,
        serde_json::Value::Array(items) => items.iter().any(|v| names_id(v, id)),
        serde_json::Value::Object(fields) => fields.values().any(|v| names_id(v, id)),
        _ => false,
    }
}

/// Leaves out of `versions` what names the `hidden` documents of `object`: the files
/// [`hidden_files`] names, and version messages naming them.
fn redact_versions(
    versions: &mut [VersionEntry],
    object: &HoSoObject,
    hidden: &[&DocumentRecord],
) -> Result<()> {
    let dropped = hidden_files(object, hidden)?;
    let names_hidden = |text: &str| hidden.iter().any(|d| text.contains(d.id.as_str()));
    for v in versions {
        for list in [&mut v.added, &mut v.modified, &mut v.removed] {
            list.retain(|p| !dropped.contains(p) && !names_hidden(p));
        }
        if v.message.as_deref().is_some_and(names_hidden) {
            v.message = None;
        }
    }
    Ok(())
}

/// The logical files of `object` (the version read) that belong to its `hidden` documents
/// only: their record files, access copies, and the page records, hOCR and original scans
/// of the pages no other document holds.
pub(super) fn hidden_files(
    object: &HoSoObject,
    hidden: &[&DocumentRecord],
) -> Result<BTreeSet<String>> {
    let visible_pages: BTreeSet<u32> = object
        .documents
        .iter()
        .filter(|d| !hidden.iter().any(|h| h.id == d.id))
        .flat_map(|d| d.pages.iter().copied())
        .collect();
    let pages: Vec<PageRecord> = object.pages()?;
    let image_of = |n: u32| {
        pages
            .iter()
            .find(|p| p.number == n)
            .map(PageRecord::stored_image_path)
    };
    let visible_images: BTreeSet<String> =
        visible_pages.iter().filter_map(|n| image_of(*n)).collect();
    let mut dropped: BTreeSet<String> = BTreeSet::new();
    for doc in hidden {
        dropped.insert(document_path(&doc.id));
        dropped.extend(files::access_copy_paths(doc));
        for n in doc.pages.iter().filter(|n| !visible_pages.contains(n)) {
            dropped.insert(page_path(*n));
            dropped.insert(hocr_path(*n));
            dropped.extend(image_of(*n).filter(|i| !visible_images.contains(i)));
        }
    }
    Ok(dropped)
}
