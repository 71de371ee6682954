//! Corrections of a hồ sơ's split into documents: a page boundary moved, a document split
//! in two, a document merged into the one before it.
//!
//! In: a hồ sơ object id, a [`SplitOperation`] naming a document of it (and a hồ sơ page
//! number), the reason, and who asks (the gate, [`crate::gate::Writer::correct_split`], is
//! the caller). Out: a [`SplitOutcome`]: a new version of the object whose documents have
//! their new page lists. Each document whose pages changed is read again from its pages by
//! the classifier ingest uses ([`crate::catalog::HoSoContext::document`]), keeping the values
//! the archivist gave it; its access copy (PDF/A) is rebuilt from the stored originals
//! (checked against the inventory); documents that only moved in order are renumbered. A
//! document that keeps its first page keeps its id, a new one gets a new ULID, a merged one's
//! id leaves the head (it stays in the earlier versions and the history). The version holds a
//! `split-correction` event, the audit log a `resplit` entry (actor, reason, the page lists
//! before and after), and the index the documents' new entries (a removed document's taken
//! out).
//!
//! Nothing is stored before everything is built: a failure (a damaged original, an audit log
//! that cannot be appended to, a refusal) leaves the head as it was.
//!
//! Who may see what is never lowered by a new split: a document receiving pages from one
//! needing a clearance (chế độ sử dụng 03, an độ mật) takes the strictest of those values and
//! the approval it was admitted under, and the độ mật marks of its pages are read again with
//! the policy ingest applies (a mark found makes it Mật under that approval). Opening a
//! document up again is a correction of its chế độ sử dụng or độ mật (`sohoa edit`, with its
//! own checks). The principal must see every document of the hồ sơ (else the hồ sơ is an
//! unknown id), and a document of the new split needing more than their clearance refuses
//! the change.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use archive_schema::{TaiLieuRecord, Valued};
use serde::{Deserialize, Serialize};

use crate::access::PageImageSource;
use crate::catalog::{self, DocumentPlan, HoSoContext};
use crate::clearance::{needed_for, unknown_document, unknown_record, Clearance};
use crate::decode::ScanFormat;
use crate::edit::{clearance_name, events_with, json, stored_files};
use crate::export::files::StoredFile;
use crate::policy::{self, Decision, Restriction, WithholdReason};
use crate::stages::StageClock;
use crate::store::audit::RESPLIT_ACTION;
use crate::store::ocfl::{CommitOutcome, FileSource, User};
use crate::store::records::{
    document_path, DocumentRecord, DocumentSummary, EventType, HoSoMetadata, PageRecord,
    EVENTS_PATH, HOSO_PATH,
};
use crate::store::{Archive, HoSoObject, ObjectHead};
use crate::{Error, Result};

/// A change of a hồ sơ's split. Pages are hồ sơ page numbers (1-based, in the hồ sơ's order;
/// `sohoa edit HOSO --json` lists each document's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "operation", rename_all = "kebab-case")]
pub enum SplitOperation {
    /// The boundary between `document` and the one before it moves: `document` begins on
    /// hồ sơ page `page` (earlier: it takes pages of the one before; later: it gives its first
    /// pages to it).
    MoveBoundary { document: String, page: u32 },
    /// `document` is split in two: its pages from hồ sơ page `page` on become a new document.
    SplitAt { document: String, page: u32 },
    /// `document` joins the document before it (its pages are appended to that one's).
    Merge { document: String },
}

impl SplitOperation {
    /// The document the operation names.
    pub fn document(&self) -> &str {
        match self {
            SplitOperation::MoveBoundary { document, .. }
            | SplitOperation::SplitAt { document, .. }
            | SplitOperation::Merge { document } => document,
        }
    }

    /// The operation's name, as the event and audit entry record it.
    pub fn name(&self) -> &'static str {
        match self {
            SplitOperation::MoveBoundary { .. } => "move-boundary",
            SplitOperation::SplitAt { .. } => "split-at",
            SplitOperation::Merge { .. } => "merge",
        }
    }
}

/// A correction of the split asked for.
#[derive(Debug, Clone, Copy)]
pub struct SplitRequest<'a> {
    /// The hồ sơ object id.
    pub object: &'a str,
    pub operation: &'a SplitOperation,
    /// Why (required): recorded in the event and the audit entry.
    pub reason: Option<&'a str>,
}

/// A document and its hồ sơ pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentPages {
    pub document: String,
    pub pages: Vec<u32>,
}

/// What a correction of the split did.
#[derive(Debug, Clone, Serialize)]
pub struct SplitOutcome {
    /// The hồ sơ object.
    pub object: String,
    /// The version holding the correction.
    pub version: String,
    #[serde(flatten)]
    pub operation: SplitOperation,
    pub reason: String,
    /// The documents and their pages before and after, in order.
    pub before: Vec<DocumentPages>,
    pub after: Vec<DocumentPages>,
    /// Documents read again from their new pages (new ones included).
    pub changed: Vec<String>,
    /// Documents the split made.
    pub created: Vec<String>,
    /// Documents no longer in the hồ sơ (merged into the one before).
    pub removed: Vec<String>,
}

/// A hồ sơ as the split form shows it: its documents in order with their hồ sơ pages.
#[derive(Debug, Clone, Serialize)]
pub struct HoSoLayout {
    pub object: String,
    pub version: String,
    #[serde(rename = "box")]
    pub box_name: String,
    pub hoso: String,
    pub documents: Vec<LaidOutDocument>,
}

/// One document of a [`HoSoLayout`].
#[derive(Debug, Clone, Serialize)]
pub struct LaidOutDocument {
    pub id: String,
    pub ordinal: u32,
    #[serde(flatten)]
    pub summary: DocumentSummary,
    /// Hồ sơ page numbers.
    pub pages: Vec<u32>,
}

/// The hồ sơ object `id` with its documents, when `clearance` covers all of them (else an
/// unknown id).
pub(crate) fn layout(archive: &Archive, id: &str, clearance: Clearance) -> Result<HoSoLayout> {
    let object = visible_object(archive, id, clearance)?;
    Ok(HoSoLayout {
        object: object.id.clone(),
        version: object.inventory.head.clone(),
        box_name: object.source.box_name.clone(),
        hoso: object.source.hoso.clone(),
        documents: object
            .documents
            .iter()
            .map(|d| LaidOutDocument {
                id: d.id.clone(),
                ordinal: d.ordinal,
                summary: d.summary.clone(),
                pages: d.pages.clone(),
            })
            .collect(),
    })
}

fn visible_object(archive: &Archive, id: &str, clearance: Clearance) -> Result<HoSoObject> {
    match archive.find_object(id)? {
        Some(object) if clearance.may_see_object(&object) => Ok(object),
        _ => Err(unknown_record(id)),
    }
}

/// Why a correction of the split cannot be made as asked ([`Error::Split`]): each names the
/// parameter at fault ([`SplitProblem::field`]), so a caller can tell the user in their
/// language; the English message is its `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitProblem {
    /// `document` is the first of its hồ sơ: there is no document before it.
    FirstOfHoso { document: String },
    /// Hồ sơ page `page` is neither in `document` nor in the one before it (`pages`).
    PageNotNear {
        page: u32,
        document: String,
        pages: String,
    },
    /// `page` is the first of the document before `document`: it would have no page left.
    EmptiesPrevious { page: u32, document: String },
    /// `document` already begins on `page`.
    AlreadyBegins { page: u32, document: String },
    /// Hồ sơ page `page` is not a page of `document` (`pages`).
    NotInDocument {
        page: u32,
        document: String,
        pages: String,
    },
    /// `page` is the first of `document`: splitting there leaves it as it is.
    SplitAtFirst { page: u32, document: String },
    /// No reason given.
    NoReason,
}

impl SplitProblem {
    /// The parameter at fault: `document`, `page` or `reason`.
    pub fn field(&self) -> &'static str {
        match self {
            SplitProblem::FirstOfHoso { .. } => "document",
            SplitProblem::NoReason => "reason",
            _ => "page",
        }
    }
}

impl std::fmt::Display for SplitProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SplitProblem::FirstOfHoso { document } => write!(
                f,
                "document {document} is the first of its hồ sơ: there is no document before it"
            ),
            SplitProblem::PageNotNear {
                page,
                document,
                pages,
            } => write!(
                f,
                "hồ sơ page {page} is neither in document {document} nor in the one before it \
                 (pages {pages})"
            ),
            SplitProblem::EmptiesPrevious { page, document } => write!(
                f,
                "page {page} is the first of the document before {document}: that document \
                 would have no page left (merge {document} into it instead)"
            ),
            SplitProblem::AlreadyBegins { page, document } => {
                write!(f, "document {document} already begins on page {page}")
            }
            SplitProblem::NotInDocument {
                page,
                document,
                pages,
            } => write!(
                f,
                "hồ sơ page {page} is not a page of document {document} (pages {pages})"
            ),
            SplitProblem::SplitAtFirst { page, document } => write!(
                f,
                "page {page} is the first of document {document}: splitting there leaves it as \
                 it is"
            ),
            SplitProblem::NoReason => {
                write!(
                    f,
                    "a correction of the split needs a reason, recorded with it"
                )
            }
        }
    }
}

/// The page lists of the documents after `operation` on `documents`; `Err` names what
/// cannot be done.
fn new_groups(documents: &[DocumentRecord], operation: &SplitOperation) -> Result<Vec<Vec<u32>>> {
    let id = operation.document();
    let at = documents
        .iter()
        .position(|d| d.id == id)
        .ok_or_else(|| unknown_document(id))?;
    let mut groups: Vec<Vec<u32>> = documents.iter().map(|d| d.pages.clone()).collect();
    let first_of_hoso = || {
        Error::Split(SplitProblem::FirstOfHoso {
            document: id.to_string(),
        })
    };
    match *operation {
        SplitOperation::MoveBoundary { page, .. } => {
            if at == 0 {
                return Err(first_of_hoso());
            }
            let combined: Vec<u32> = groups[at - 1].iter().chain(&groups[at]).copied().collect();
            let Some(cut) = combined.iter().position(|p| *p == page) else {
                return Err(Error::Split(SplitProblem::PageNotNear {
                    page,
                    document: id.to_string(),
                    pages: page_range(&combined),
                }));
            };
            if cut == 0 {
                return Err(Error::Split(SplitProblem::EmptiesPrevious {
                    page,
                    document: id.to_string(),
                }));
            }
            if cut == groups[at - 1].len() {
                return Err(Error::Split(SplitProblem::AlreadyBegins {
                    page,
                    document: id.to_string(),
                }));
            }
            groups[at - 1] = combined[..cut].to_vec();
            groups[at] = combined[cut..].to_vec();
        }
        SplitOperation::SplitAt { page, .. } => {
            let pages = &groups[at];
            let Some(cut) = pages.iter().position(|p| *p == page) else {
                return Err(Error::Split(SplitProblem::NotInDocument {
                    page,
                    document: id.to_string(),
                    pages: page_range(pages),
                }));
            };
            if cut == 0 {
                return Err(Error::Split(SplitProblem::SplitAtFirst {
                    page,
                    document: id.to_string(),
                }));
            }
            let tail = pages[cut..].to_vec();
            groups[at].truncate(cut);
            groups.insert(at + 1, tail);
        }
        SplitOperation::Merge { .. } => {
            if at == 0 {
                return Err(first_of_hoso());
            }
            let pages = groups.remove(at);
            groups[at - 1].extend(pages);
        }
    }
    Ok(groups)
}

/// `1–4, 7` for pages 1, 2, 3, 4, 7.
pub fn page_range(pages: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < pages.len() {
        let mut j = i;
        while j + 1 < pages.len() && pages[j + 1] == pages[j] + 1 {
            j += 1;
        }
        parts.push(if j == i {
            pages[i].to_string()
        } else {
            format!("{}–{}", pages[i], pages[j])
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// The values who may see a document decide (chế độ sử dụng, độ mật) and the approval it was
/// admitted under, taken from the strictest of `sources` where they are stricter than
/// `doc`'s: pages keep the protection they had.
fn carry_protection(doc: &mut DocumentRecord, sources: &[&DocumentRecord]) {
    let regime =
        |r: &TaiLieuRecord| needed_for(r.che_do_su_dung.as_ref().map(|v| v.value.as_str()), None);
    let mark = |r: &TaiLieuRecord| needed_for(None, r.do_mat.as_ref().map(|v| v.value.as_str()));
    if let Some(strictest) = sources.iter().max_by_key(|s| regime(&s.record)) {
        if regime(&strictest.record) > regime(&doc.record) {
            doc.record
                .che_do_su_dung
                .clone_from(&strictest.record.che_do_su_dung);
        }
    }
    if let Some(strictest) = sources.iter().max_by_key(|s| mark(&s.record)) {
        if mark(&strictest.record) > mark(&doc.record) {
            doc.record.do_mat.clone_from(&strictest.record.do_mat);
        }
    }
    if doc.approval.is_none() && crate::clearance::is_restricted(doc) {
        doc.approval = sources.iter().find_map(|s| s.approval.clone());
    }
}

/// Scan files copied out of the store for rebuilding access copies, removed when dropped.
struct Originals {
    dir: PathBuf,
    /// Logical path → the checked copy.
    copies: BTreeMap<String, PathBuf>,
}

impl Originals {
    fn new(archive: &Archive) -> Result<Originals> {
        let dir = archive
            .staging_dir()
            .join(format!("resplit-{}", ulid::Ulid::new()));
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Originals {
            dir,
            copies: BTreeMap::new(),
        })
    }

    /// Copies the stored image of each of `pages` out of `object` (its bytes checked
    /// against the inventory: [`Error::Fixity`] when they differ).
    fn fetch(&mut self, object: &HoSoObject, pages: &[&PageRecord]) -> Result<()> {
        for page in pages {
            let logical = page.stored_image_path();
            if self.copies.contains_key(&logical) {
                continue;
            }
            let stored = StoredFile::head(object, &logical)?.ok_or_else(|| {
                Error::Archive(format!(
                    "object {}: page {} comes from {}, but {logical} is not stored",
                    object.id, page.number, page.source_file
                ))
            })?;
            let path = self.dir.join(format!("{}", self.copies.len()));
            let mut file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
            stored.write_to(&mut file)?;
            self.copies.insert(logical, path);
        }
        Ok(())
    }

    /// Where the image of `page` is, for [`crate::access::build`].
    fn source(&self, page: &PageRecord) -> Option<PageImageSource> {
        let path = self.copies.get(&page.stored_image_path())?.clone();
        Some(if page.page_extract.is_some() {
            PageImageSource::File(path, ScanFormat::Png, 1)
        } else {
            PageImageSource::File(path, page.technical.format.into(), page.source_page)
        })
    }
}

impl Drop for Originals {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The access metadata of a document's copy (title, identifier, language): a copy is kept
/// only while these and its pages are the same.
fn copy_facts(doc: &DocumentRecord) -> (String, Option<String>, Option<String>, Vec<u32>) {
    (
        doc.summary.title.clone(),
        doc.record
            .ma_luu_tru_tai_lieu
            .as_ref()
            .map(|v| v.value.clone()),
        doc.record.ngon_ngu.as_ref().map(|v| v.value.clone()),
        doc.pages.clone(),
    )
}

/// Applies `request` for `actor` with `clearance`; see the module doc.
pub(crate) fn correct_split(
    archive: &Archive,
    request: &SplitRequest,
    actor: &str,
    clearance: Clearance,
) -> Result<SplitOutcome> {
    let reason = request
        .reason
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .ok_or(Error::Split(SplitProblem::NoReason))?;
    let _lock = archive.lock()?;
    // The change is audited after its commit: an entry that cannot be written must stop it
    // before anything is stored.
    archive.audit().check_appendable()?;
    let object = visible_object(archive, request.object, clearance)?;
    let groups = new_groups(&object.documents, request.operation)?;
    let pages = object.pages()?;
    let by_number: BTreeMap<u32, &PageRecord> = pages.iter().map(|p| (p.number, p)).collect();
    let context = HoSoContext::new(
        &object.source.box_name,
        object.source.box_sidecar.as_ref(),
        &object.source.hoso,
        object.source.hoso_sidecar.as_ref(),
    );
    // Which stored document holds each page now.
    let holder: BTreeMap<u32, &DocumentRecord> = object
        .documents
        .iter()
        .flat_map(|d| d.pages.iter().map(move |p| (*p, d)))
        .collect();

    let mut documents: Vec<DocumentRecord> = Vec::new();
    let mut changed = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        let ordinal = u32::try_from(i + 1).unwrap_or(u32::MAX);
        // A document keeps its id while it keeps its first page; the one whose boundary
        // moved keeps its own.
        let earlier = object
            .documents
            .iter()
            .find(|d| d.pages.first() == group.first())
            .or_else(|| match request.operation {
                SplitOperation::MoveBoundary { document, .. } => {
                    object.documents.get(i).filter(|d| d.id == *document)
                }
                _ => None,
            });
        if let Some(same) = earlier.filter(|d| d.pages == *group) {
            let mut doc = same.clone();
            doc.ordinal = ordinal;
            context.renumber(&mut doc.record, ordinal);
            doc.summary = DocumentSummary::from_record(&doc.record, &doc.summary.title);
            documents.push(doc);
            continue;
        }
        let mut sources: Vec<&DocumentRecord> = Vec::new();
        for n in group {
            if let Some(d) = holder.get(n) {
                if !sources.iter().any(|s| s.id == d.id) {
                    sources.push(d);
                }
            }
        }
        let group_pages: Vec<&PageRecord> = group
            .iter()
            .map(|n| {
                by_number.get(n).copied().ok_or_else(|| {
                    Error::Archive(format!(
                        "object {}: a document lists hồ sơ page {n}, which has no page record",
                        object.id
                    ))
                })
            })
            .collect::<Result<_>>()?;
        let marks: Vec<policy::MarkReading> =
            group_pages.iter().map(|p| policy::read_mark(p)).collect();
        let approval = sources.iter().find_map(|s| s.approval.clone());
        let mut review_notes = Vec::new();
        let restriction: Option<Restriction> = match policy::decide(&marks, approval) {
            Decision::Admit => None,
            Decision::AdmitRestricted(restriction) => Some(restriction),
            Decision::Withhold(WithholdReason::UnreadableHeader(why)) => {
                // Its pages are in the archive already, as open as they were: the
                // archivist checks the mark on the scan.
                review_notes.push(format!(
                    "the header area of page {} (its first) could not be read with confidence \
                     ({why}): check its độ mật on the scan",
                    group[0]
                ));
                None
            }
            Decision::Withhold(why) => {
                return Err(Error::Forbidden(format!(
                    "the document that would begin on hồ sơ page {}: {why}; the split is not \
                     changed",
                    group[0]
                )))
            }
        };
        let plan = DocumentPlan {
            pages: group.clone(),
            review_notes,
            restriction,
        };
        let mut doc = context.document(ordinal, &plan, &by_number, earlier);
        carry_protection(&mut doc, &sources);
        let needed = crate::clearance::required(&doc);
        if !clearance.covers(needed) {
            return Err(Error::Forbidden(format!(
                "the document that would begin on hồ sơ page {} needs a clearance covering {} \
                 (its độ mật read again from its pages); the split is not changed",
                group[0],
                clearance_name(needed)
            )));
        }
        let title = doc.summary.title.clone();
        doc.summary = DocumentSummary::from_record(&doc.record, &title);
        changed.push(doc.id.clone());
        documents.push(doc);
    }
    let kept: BTreeSet<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    let removed: Vec<String> = object
        .documents
        .iter()
        .filter(|d| !kept.contains(d.id.as_str()))
        .map(|d| d.id.clone())
        .collect();
    let created: Vec<String> = documents
        .iter()
        .filter(|d| !object.documents.iter().any(|o| o.id == d.id))
        .map(|d| d.id.clone())
        .collect();

    // The next version's files: the head's, less the removed documents' records and the
    // copies of every document whose copy changes, plus the new records and copies.
    let mut files = stored_files(&object)?;
    let head = object.files();
    for old in &object.documents {
        if !kept.contains(old.id.as_str()) {
            files.remove(&document_path(&old.id));
        }
        for path in crate::export::files::access_copy_paths(old) {
            files.remove(&path);
        }
    }
    let created_at = object
        .inventory
        .versions
        .get("v1")
        .and_then(|v| chrono::DateTime::parse_from_rfc3339(&v.created).ok())
        .unwrap_or_else(|| chrono::Utc::now().fixed_offset());
    let mut originals = Originals::new(archive)?;
    let clock = StageClock::default();
    for doc in &documents {
        files.insert(document_path(&doc.id), json(doc));
        let logical = crate::access::access_path(doc);
        let old = object.documents.iter().find(|d| d.id == doc.id);
        let stored = old
            .filter(|old| copy_facts(old) == copy_facts(doc))
            .and_then(|_| head.get(&logical))
            .and_then(|digest| {
                let content = object.inventory.content_path(digest)?;
                Some(FileSource::Stored {
                    key: object.key.join(content).ok()?,
                    sha256: digest.clone(),
                })
            });
        let source = if let Some(source) = stored {
            source
        } else {
            let doc_pages: Vec<&PageRecord> = doc
                .pages
                .iter()
                .filter_map(|n| by_number.get(n).copied())
                .collect();
            originals.fetch(&object, &doc_pages)?;
            let original = |page: &PageRecord| originals.source(page);
            FileSource::Bytes(crate::access::build(
                doc, &doc_pages, &original, created_at, &clock,
            )?)
        };
        files.insert(logical, source);
    }
    drop(originals);

    // The hồ sơ's record follows its documents.
    let mut metadata: HoSoMetadata = object.read_json(HOSO_PATH)?;
    if metadata
        .record
        .tong_so_tai_lieu
        .as_ref()
        .is_none_or(|v| v.source != archive_schema::ValueSource::Given)
    {
        metadata.record.tong_so_tai_lieu = Some(Valued::inferred(
            u32::try_from(documents.len()).unwrap_or(u32::MAX),
        ));
    }
    catalog::infer_from_documents(&mut metadata.record, &documents);
    files.insert(HOSO_PATH.to_string(), json(&metadata));

    let listed = |docs: &[DocumentRecord]| -> Vec<DocumentPages> {
        docs.iter()
            .map(|d| DocumentPages {
                document: d.id.clone(),
                pages: d.pages.clone(),
            })
            .collect()
    };
    let before = listed(&object.documents);
    let after = listed(&documents);
    // What names a removed document names the document it joined too, so that whoever may
    // not see that one does not read of it in the audit log either (an audit entry's object
    // naming a document hidden from its reader is left out whole).
    let joined = |d: &DocumentRecord| {
        documents
            .iter()
            .find(|n| n.pages.contains(&d.pages[0]))
            .map(|n| n.id.clone())
    };
    let before_detail: Vec<serde_json::Value> = object
        .documents
        .iter()
        .map(
            |d| match joined(d).filter(|_| !kept.contains(d.id.as_str())) {
                Some(n) => serde_json::json!({"document": d.id, "pages": d.pages, "joined": n}),
                None => serde_json::json!({"document": d.id, "pages": d.pages}),
            },
        )
        .collect();
    let removed_detail: Vec<serde_json::Value> = object
        .documents
        .iter()
        .filter(|d| !kept.contains(d.id.as_str()))
        .map(|d| serde_json::json!({"document": d.id, "joined": joined(d)}))
        .collect();
    let mut operation = serde_json::to_value(request.operation).expect("operations serialise");
    if let (SplitOperation::Merge { document }, Some(fields)) =
        (request.operation, operation.as_object_mut())
    {
        let into = object
            .documents
            .iter()
            .find(|d| d.id == *document)
            .and_then(joined);
        fields.insert("into".into(), into.into());
    }
    let detail = serde_json::json!({
        "operation": operation,
        "reason": reason,
        "before": before_detail,
        "after": after,
        "created": created,
        "removed": removed_detail,
    });
    files.insert(
        EVENTS_PATH.to_string(),
        events_with(&object, EventType::SplitCorrection, actor, detail.clone())?,
    );

    let message = format!(
        "correction of the split ({}) of document {}",
        request.operation.name(),
        request.operation.document()
    );
    let user = User {
        name: actor.to_string(),
        address: None,
    };
    let document_ids: Vec<String> = documents.iter().map(|d| d.id.clone()).collect();
    let head = archive.commit_object(&object, &mut |holder| {
        let outcome = archive
            .storage()
            .commit_version_as(&object.id, &files, &message, &user, holder)?;
        let CommitOutcome::Committed {
            version,
            inventory_sha256,
        } = outcome
        else {
            return Err(Error::Archive(format!(
                "object {}: the correction of the split changed no file",
                object.id
            )));
        };
        let mut entry = detail.clone();
        if let Some(fields) = entry.as_object_mut() {
            fields.insert("version".into(), version.clone().into());
            fields.insert("inventory_sha256".into(), inventory_sha256.clone().into());
        }
        archive
            .audit()
            .append(actor, RESPLIT_ACTION, Some(&object.id), entry)?;
        Ok(ObjectHead {
            version,
            inventory_sha256,
            committed: true,
            documents: document_ids.clone(),
            removed: removed.clone(),
        })
    })?;
    let version = head.version;

    // In cluster mode the coordinator's indexer indexes the change from its outbox row.
    if !archive.indexed_by_coordinator() {
        let entries = catalog::index_entries(
            &object.source.box_name,
            &object.source.hoso,
            &documents,
            &pages,
        );
        let index = catalog::open_index(archive)?;
        index.delete_documents(&removed)?;
        index.replace_documents(&entries)?;
    }
    Ok(SplitOutcome {
        object: object.id.clone(),
        version,
        operation: request.operation.clone(),
        reason: reason.to_string(),
        before,
        after,
        changed,
        created,
        removed,
    })
}

#[cfg(test)]
mod tests;
