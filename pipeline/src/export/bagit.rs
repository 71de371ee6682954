//! `BagIt` 1.0 bags (RFC 8493) of a hồ sơ, a document or a whole box.
//!
//! In: an [`Archive`], a [`Selection`] (a document id, a hồ sơ object id, or a box name) and
//! an output directory that does not exist or is empty. Out: a complete bag in that directory
//! and a [`BagSummary`]. The output directory may not be the archive or anything in it
//! (symbolic links and `..` resolved):
//!
//! ```text
//! OUT_DIR/bagit.txt                 BagIt-Version 1.0, UTF-8
//! OUT_DIR/bag-info.txt              Source-Organization, Bagging-Date, Bag-Software-Agent,
//!                                   External-Identifier (mã hồ sơ), Internal-Sender-*,
//!                                   Payload-Oxum, Bag-Size, Sohoa-Object (id, version, inventory digest)
//! OUT_DIR/dublin-core.xml           a Dublin Core record per hồ sơ and per document
//! OUT_DIR/data/{object id}/…        the head version's files at their logical paths:
//!                                   originals/, pages/, metadata/, access/ (when present)
//! OUT_DIR/manifest-sha256.txt       every payload file
//! OUT_DIR/tagmanifest-sha256.txt    every tag file
//! ```
//!
//! A document id exports only what belongs to that document (its record, its page records,
//! the originals holding its pages, its access copy) plus the hồ sơ's source, catalog and
//! events records. Every file is streamed from the object and re-hashed on the way: a byte
//! that differs from the inventory aborts the export ([`Error::Fixity`]). The bag is built in
//! `OUT_DIR.partial-{pid}` beside the target and renamed into place when complete, so a
//! failed or interrupted export never leaves something that looks like a bag at `OUT_DIR`.
//! Two payload paths that differ only in Unicode normalisation are refused (validators
//! compare them normalised). Manifest paths percent-encode CR and LF; `%` is written literally, as `bagit.py` (the
//! validator the archive is checked with) expects.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use quick_xml::events::{BytesDecl, Event};
use quick_xml::Writer;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::files::{stored_access_copy, StoredFile};
use crate::store::audit::AuditEntry;
use crate::store::fsio::{sha256_bytes, sync_dir, sync_tree, write_new};
use crate::store::records::{
    document_path, page_path, DocumentRecord, HoSoMetadata, PageRecord, SourceRecord, EVENTS_PATH,
    HOSO_PATH, SOURCE_PATH,
};
use crate::store::{Archive, HoSoObject};
use crate::{Error, Result};
use archive_schema::{ValueSource, Valued};

/// What to put in a bag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// A document id or a hồ sơ object id.
    Id(String),
    /// Every hồ sơ object whose source box has this name.
    Box(String),
}

impl std::fmt::Display for Selection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Selection::Id(id) => write!(f, "{id}"),
            Selection::Box(name) => write!(f, "box {name}"),
        }
    }
}

/// How to describe the bag.
#[derive(Debug, Clone)]
pub struct BagOptions {
    /// `Bag-Software-Agent`, e.g. `sohoa 0.1.0`.
    pub software_agent: String,
    /// What the exporter may see: a document, or an object holding a document, they may not
    /// see is treated as absent (an unknown id; a box without it).
    pub clearance: crate::clearance::Clearance,
}

/// One object (or the part of it belonging to one document) in a bag.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportedObject {
    pub id: String,
    pub version: String,
    /// SHA-256 of the object's `inventory.json` at export time.
    pub inventory_sha256: String,
    pub box_name: String,
    pub hoso: String,
    pub ma_ho_so: Option<String>,
    /// The documents exported (all of the hồ sơ's unless one document was asked for).
    pub documents: Vec<String>,
    pub files: u64,
    pub bytes: u64,
}

/// What [`export_bagit`] made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BagSummary {
    pub bag: PathBuf,
    pub selection: String,
    pub objects: Vec<ExportedObject>,
    pub payload_files: u64,
    pub payload_bytes: u64,
    pub payload_oxum: String,
    pub bag_size: String,
    /// SHA-256 of `tagmanifest-sha256.txt`, which covers the manifest and so the payload.
    pub tagmanifest_sha256: String,
}

/// An object and, when not all of it goes in, its documents that do: the one selected, or
/// those the exporter may see of an object holding others.
struct Item {
    object: HoSoObject,
    documents: Option<Vec<DocumentRecord>>,
    /// The pages of the object that only documents the exporter may not see hold (only
    /// with `documents`). When there are any, the object's PREMIS events (which name those
    /// documents and their approvals) stay out of the bag, and a page of `documents` whose
    /// scan file also holds one of them goes in cut out alone ([`files::cut_page`]).
    hidden_pages: BTreeSet<u32>,
    /// The object holds documents the exporter may not see.
    siblings_hidden: bool,
    /// With `siblings_hidden`: the hồ sơ's record as the exporter may see it
    /// ([`hoso_as_seen`]), carried instead of the stored one.
    hoso_seen: Option<HoSoMetadata>,
}

impl Item {
    /// The documents that go in: those selected, else all of the object's.
    fn documents_going_in(&self) -> &[DocumentRecord] {
        self.documents.as_ref().unwrap_or(&self.object.documents)
    }
}

/// Builds a bag of `selection` at `out`, which must not exist or be an empty directory.
pub(crate) fn export_bagit(
    archive: &Archive,
    selection: &Selection,
    out: &Path,
    options: &BagOptions,
) -> Result<BagSummary> {
    super::refuse_inside_archive(&archive.root, out)?;
    check_target(out)?;
    let items = select(archive, selection, options.clearance)?;
    let partial = partial_dir(out)?;
    if partial.exists() {
        fs::remove_dir_all(&partial).map_err(|e| Error::io(&partial, e))?;
    }
    let built = build(&partial, &items, selection, options).and_then(|mut summary| {
        sync_tree(&partial)?;
        if out.exists() {
            // Checked empty above; rename cannot replace a directory everywhere.
            fs::remove_dir(out).map_err(|e| Error::io(out, e))?;
        }
        fs::rename(&partial, out).map_err(|e| Error::io(out, e))?;
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            sync_dir(parent)?;
        }
        summary.bag = fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf());
        Ok(summary)
    });
    if built.is_err() && partial.exists() {
        let _ = fs::remove_dir_all(&partial);
    }
    built
}

/// Appends the export to the archive's audit log.
pub fn record_export(archive: &Archive, actor: &str, summary: &BagSummary) -> Result<AuditEntry> {
    let object = match summary.objects.as_slice() {
        [one] => Some(one.id.as_str()),
        _ => None,
    };
    archive.audit().append(
        actor,
        "export",
        object,
        serde_json::json!({
            "format": "bagit",
            "selection": summary.selection,
            "bag": summary.bag.display().to_string(),
            "objects": summary.objects.iter().map(|o| serde_json::json!({
                "id": o.id,
                "version": o.version,
                "inventory_sha256": o.inventory_sha256,
                "documents": o.documents,
            })).collect::<Vec<_>>(),
            "payload_oxum": summary.payload_oxum,
            "tagmanifest_sha256": summary.tagmanifest_sha256,
        }),
    )
}

/// Refuses an output path that exists and is not an empty directory.
fn check_target(out: &Path) -> Result<()> {
    match fs::symlink_metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(out, e)),
        Ok(m) if !m.is_dir() => Err(Error::Export(format!(
            "{} exists and is not a directory; refusing to overwrite it",
            out.display()
        ))),
        Ok(_) => {
            let mut entries = fs::read_dir(out).map_err(|e| Error::io(out, e))?;
            if entries.next().is_some() {
                return Err(Error::Export(format!(
                    "{} already exists and is not empty; refusing to overwrite it",
                    out.display()
                )));
            }
            Ok(())
        }
    }
}

fn partial_dir(out: &Path) -> Result<PathBuf> {
    let name = out
        .file_name()
        .filter(|n| *n != "." && *n != "..")
        .ok_or_else(|| {
            Error::Export(format!(
                "{} cannot be used as a bag directory name",
                out.display()
            ))
        })?;
    Ok(out.with_file_name(format!(
        "{}.partial-{}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// The items of `selection` that `clearance` may see; what it may not see is left out as if
/// it were not stored.
fn select(
    archive: &Archive,
    selection: &Selection,
    clearance: crate::clearance::Clearance,
) -> Result<Vec<Item>> {
    let stored = archive.hoso_objects()?;
    if let Selection::Id(id) = selection {
        for object in &stored {
            if let Some(doc) = object
                .documents
                .iter()
                .find(|d| d.id == *id && clearance.may_see(d))
            {
                return Ok(vec![partial_item(object, vec![doc.clone()], clearance)?]);
            }
        }
    }
    // An object is exported whole when the reader may see all of it; one holding documents
    // they may not see goes in with the others only, as if those were not stored; one they
    // may see nothing of is not there.
    let as_seen = |object: HoSoObject| -> Result<Item> {
        if clearance.may_see_object(&object) {
            return Ok(Item {
                object,
                documents: None,
                hidden_pages: BTreeSet::new(),
                siblings_hidden: false,
                hoso_seen: None,
            });
        }
        let seen = object
            .documents
            .iter()
            .filter(|d| clearance.may_see(d))
            .cloned()
            .collect();
        partial_item(&object, seen, clearance)
    };
    let objects: Vec<HoSoObject> = stored
        .into_iter()
        .filter(|o| clearance.may_see_some_of(o))
        .collect();
    match selection {
        Selection::Id(id) => objects
            .into_iter()
            .find(|o| o.id == *id)
            .map(|object| as_seen(object).map(|item| vec![item]))
            .transpose()?
            .ok_or_else(|| {
                Error::NotFound(format!(
                    "no document or hồ sơ object with id {id} in {}",
                    archive.root.display()
                ))
            }),
        Selection::Box(name) => {
            let boxes: BTreeSet<String> =
                objects.iter().map(|o| o.source.box_name.clone()).collect();
            let items: Vec<Item> = objects
                .into_iter()
                .filter(|o| o.source.box_name == *name)
                .map(as_seen)
                .collect::<Result<_>>()?;
            if items.is_empty() {
                return Err(Error::NotFound(format!(
                    "no hồ sơ object from box {name:?} in {} (boxes: {})",
                    archive.root.display(),
                    if boxes.is_empty() {
                        "none".to_string()
                    } else {
                        boxes.into_iter().collect::<Vec<_>>().join(", ")
                    }
                )));
            }
            Ok(items)
        }
    }
}

/// The item of `documents` of `object` (ones `clearance` may see), with the object's other
/// documents left out as if they were not stored.
fn partial_item(
    object: &HoSoObject,
    documents: Vec<DocumentRecord>,
    clearance: crate::clearance::Clearance,
) -> Result<Item> {
    let hidden_pages = super::files::hidden_pages(object, |d| clearance.may_see(d));
    let siblings_hidden = !clearance.may_see_object(object);
    let hoso_seen = if siblings_hidden {
        hoso_as_seen(object, |d| clearance.may_see(d), &hidden_pages)?
    } else {
        None
    };
    Ok(Item {
        object: object.clone(),
        documents: Some(documents),
        hidden_pages,
        siblings_hidden,
        hoso_seen,
    })
}

/// The files of an item: its head-version files (a document's own, and the hồ sơ's
/// records), and pages cut out of scan files that also hold pages the exporter may not see.
fn item_files(item: &Item) -> Result<Vec<StoredFile>> {
    let object = &item.object;
    let head = object.inventory.head_files();
    let stored = |logical: &String| {
        StoredFile::head(object, logical)?.ok_or_else(|| {
            Error::Archive(format!(
                "object {}: {logical} vanished from the head version",
                object.id
            ))
        })
    };
    let Some(docs) = &item.documents else {
        return head.keys().map(stored).collect();
    };
    let mut rewritten = Vec::new();
    let mut wanted: BTreeSet<String> = BTreeSet::new();
    if item.siblings_hidden {
        // The events name the other documents and their approvals; the hồ sơ's record and
        // its source count them: both go in as the exporter may see them.
        if let Some(seen) = &item.hoso_seen {
            rewritten.push(super::files::rewritten(
                object,
                HOSO_PATH,
                crate::edit::record_bytes(seen),
            )?);
        }
        if head.contains_key(SOURCE_PATH) {
            let source = source_as_seen(object.read_json(SOURCE_PATH)?);
            rewritten.push(super::files::rewritten(
                object,
                SOURCE_PATH,
                crate::edit::record_bytes(&source),
            )?);
        }
    } else {
        wanted.extend([SOURCE_PATH, HOSO_PATH, EVENTS_PATH].map(String::from));
    }
    let pages = if item.hidden_pages.is_empty() {
        Vec::new()
    } else {
        object.pages()?
    };
    let mut cuts = Vec::new();
    for doc in docs {
        wanted.insert(document_path(&doc.id));
        for n in &doc.pages {
            let path = page_path(*n);
            if head.contains_key(&path) {
                let page: PageRecord = object.read_json(&path)?;
                if super::files::shares_scan(&pages, &page, &item.hidden_pages) {
                    cuts.push(super::files::cut_page(object, &page)?);
                } else {
                    wanted.insert(page.stored_image_path());
                }
                wanted.insert(path);
            }
        }
        if let Some(pdf) = stored_access_copy(object, doc)? {
            wanted.insert(pdf.logical_path);
        }
    }
    let mut files: Vec<StoredFile> = wanted
        .iter()
        .filter(|p| head.contains_key(*p))
        .map(stored)
        .collect::<Result<_>>()?;
    files.extend(cuts);
    files.extend(rewritten);
    Ok(files)
}

/// The hồ sơ record of `object` as a reader who may see only some of its documents
/// (`may_see`) sees it: tổng số tài liệu, số lượng tờ and số lượng trang counted over their
/// documents and pages (all but `hidden_pages`), unless an archivist gave them. Its dates
/// and title are already inferred from the documents needing the least clearance
/// ([`crate::catalog::infer_from_documents`]).
fn hoso_as_seen(
    object: &HoSoObject,
    may_see: impl Fn(&DocumentRecord) -> bool,
    hidden_pages: &BTreeSet<u32>,
) -> Result<Option<HoSoMetadata>> {
    let Some(mut metadata) = hoso_metadata(object)? else {
        return Ok(None);
    };
    let pages: Vec<PageRecord> = object
        .pages()?
        .into_iter()
        .filter(|p| !hidden_pages.contains(&p.number))
        .collect();
    let documents = object.documents.iter().filter(|d| may_see(d)).count();
    let record = &mut metadata.record;
    let counted = |value: &mut Option<Valued<u32>>, count: u32| {
        if value
            .as_ref()
            .is_none_or(|v| v.source != ValueSource::Given)
        {
            *value = Some(Valued::inferred(count));
        }
    };
    counted(
        &mut record.tong_so_tai_lieu,
        u32::try_from(documents).unwrap_or(u32::MAX),
    );
    counted(&mut record.so_luong_to, crate::catalog::sheets(&pages));
    counted(
        &mut record.so_luong_trang,
        crate::catalog::pages_with_content(&pages),
    );
    Ok(Some(metadata))
}

/// The hồ sơ's source record without the page ranges its sidecar gave its documents (they
/// count the documents a reader may not see).
fn source_as_seen(mut source: SourceRecord) -> SourceRecord {
    if let Some(sidecar) = source.hoso_sidecar.as_mut() {
        sidecar.documents = None;
    }
    source
}

fn build(
    bag: &Path,
    items: &[Item],
    selection: &Selection,
    options: &BagOptions,
) -> Result<BagSummary> {
    fs::create_dir_all(bag.join("data")).map_err(|e| Error::io(bag, e))?;
    let mut manifest = String::new();
    let mut objects = Vec::new();
    for item in items {
        let object = &item.object;
        let (files, bytes) = copy_object(bag, item, &mut manifest)?;
        let inventory_sha256 = object.inventory_sha256()?;
        objects.push(ExportedObject {
            id: object.id.clone(),
            version: object.inventory.head.clone(),
            inventory_sha256,
            box_name: object.source.box_name.clone(),
            hoso: object.source.hoso.clone(),
            ma_ho_so: ma_ho_so(object),
            documents: item
                .documents_going_in()
                .iter()
                .map(|d| d.id.clone())
                .collect(),
            files,
            bytes,
        });
    }
    let payload_files: u64 = objects.iter().map(|o| o.files).sum();
    let payload_bytes: u64 = objects.iter().map(|o| o.bytes).sum();
    let payload_oxum = format!("{payload_bytes}.{payload_files}");
    let bag_size = human_size(payload_bytes);

    let tags: Vec<(&str, Vec<u8>)> = vec![
        (
            "bagit.txt",
            b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".to_vec(),
        ),
        (
            "bag-info.txt",
            bag_info(
                items,
                &objects,
                selection,
                options,
                &payload_oxum,
                &bag_size,
            )
            .into_bytes(),
        ),
        ("dublin-core.xml", dublin_core(items)?.into_bytes()),
        ("manifest-sha256.txt", manifest.into_bytes()),
    ];
    let mut tagmanifest = String::new();
    for (name, bytes) in &tags {
        write_new(&bag.join(name), bytes)?;
        let _ = writeln!(tagmanifest, "{}  {name}", sha256_bytes(bytes));
    }
    let tagmanifest_sha256 = sha256_bytes(tagmanifest.as_bytes());
    write_new(&bag.join("tagmanifest-sha256.txt"), tagmanifest.as_bytes())?;

    Ok(BagSummary {
        bag: bag.to_path_buf(),
        selection: selection.to_string(),
        objects,
        payload_files,
        payload_bytes,
        payload_oxum,
        bag_size,
        tagmanifest_sha256,
    })
}

/// Copies an item's files into `bag/data/{object id}/`, verifying each against the
/// inventory while streaming, and adds them to the manifest. Returns (files, bytes).
fn copy_object(bag: &Path, item: &Item, manifest: &mut String) -> Result<(u64, u64)> {
    let object = &item.object;
    let prefix = format!("data/{}", object.id);
    let (mut files, mut bytes) = (0u64, 0u64);
    let files_of_item = item_files(item)?;
    let logicals: Vec<String> = files_of_item
        .iter()
        .map(|f| f.logical_path.clone())
        .collect();
    refuse_normalisation_twins(&object.id, &logicals)?;
    for stored in files_of_item {
        let logical = &stored.logical_path;
        let relative = format!("{prefix}/{logical}");
        let target = bag.join(&relative);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let mut f = File::create(&target).map_err(|e| Error::io(&target, e))?;
        bytes += stored.write_to(&mut f)?;
        f.sync_all().map_err(|e| Error::io(&target, e))?;
        files += 1;
        let _ = writeln!(manifest, "{}  {}", stored.sha256, manifest_path(&relative));
    }
    Ok((files, bytes))
}

/// Refuses two paths that differ only in Unicode normalisation (NFC and NFD spellings of
/// one name): `BagIt` validators compare paths normalised, so such a bag would not validate.
fn refuse_normalisation_twins(object: &str, logicals: &[String]) -> Result<()> {
    let mut by_nfc: BTreeMap<String, &str> = BTreeMap::new();
    for logical in logicals {
        if let Some(first) = by_nfc.insert(logical.nfc().collect(), logical) {
            return Err(Error::Export(format!(
                "object {object}: {first:?} and {logical:?} are the same name in two Unicode \
                 normalisations (NFC/NFD); a bag cannot hold both"
            )));
        }
    }
    Ok(())
}

/// Manifest path encoding: CR and LF percent-encoded (logical paths never hold them).
fn manifest_path(path: &str) -> String {
    path.replace('\r', "%0D").replace('\n', "%0A")
}

fn ma_ho_so(object: &HoSoObject) -> Option<String> {
    object
        .documents
        .iter()
        .find_map(|d| d.record.ma_ho_so.as_ref().map(|v| v.value.clone()))
        .or_else(|| {
            hoso_metadata(object)
                .ok()
                .flatten()
                .and_then(|h| h.record.ma_ho_so.map(|v| v.value))
        })
}

fn hoso_metadata(object: &HoSoObject) -> Result<Option<HoSoMetadata>> {
    if !object.inventory.head_files().contains_key(HOSO_PATH) {
        return Ok(None);
    }
    object.read_json(HOSO_PATH).map(Some)
}

/// One bag-info value on one line.
fn one_line(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn bag_info(
    items: &[Item],
    objects: &[ExportedObject],
    selection: &Selection,
    options: &BagOptions,
    payload_oxum: &str,
    bag_size: &str,
) -> String {
    let mut lines: Vec<(&str, String)> = Vec::new();
    let mut organizations = BTreeSet::new();
    for item in items {
        if let Some(b) = &item.object.source.box_sidecar {
            let org = match (&b.ten_phong, &b.ma_co_quan_luu_tru) {
                (Some(name), Some(code)) => format!("{name} ({code})"),
                (Some(name), None) => name.clone(),
                (None, Some(code)) => code.clone(),
                (None, None) => continue,
            };
            organizations.insert(one_line(&org));
        }
    }
    for org in organizations {
        lines.push(("Source-Organization", org));
    }
    lines.push((
        "Bagging-Date",
        chrono::Utc::now().format("%Y-%m-%d").to_string(),
    ));
    lines.push(("Bag-Software-Agent", one_line(&options.software_agent)));
    for (item, o) in items.iter().zip(objects) {
        lines.push((
            "External-Identifier",
            one_line(o.ma_ho_so.as_deref().unwrap_or(&o.id)),
        ));
        for code in item
            .documents
            .iter()
            .flatten()
            .filter_map(|d| d.record.ma_luu_tru_tai_lieu.as_ref())
        {
            lines.push(("External-Identifier", one_line(&code.value)));
        }
    }
    let (identifier, description) = match (selection, items) {
        (Selection::Box(name), _) => (
            name.clone(),
            format!(
                "sohoa export of box {name}: {} hồ sơ object(s) at their head versions",
                items.len()
            ),
        ),
        (Selection::Id(id), [item]) => {
            let o = &item.object;
            let what = match item.documents.as_deref() {
                Some([d]) if d.id == *id => format!(
                    "document {} ({}) of hồ sơ {}",
                    d.id, d.summary.title, o.source.hoso
                ),
                _ => format!("hồ sơ {}", o.source.hoso),
            };
            (
                id.clone(),
                format!(
                    "sohoa export of {what} (box {}), object {} version {}",
                    o.source.box_name, o.id, o.inventory.head
                ),
            )
        }
        (Selection::Id(id), _) => (id.clone(), format!("sohoa export of {id}")),
    };
    lines.push(("Internal-Sender-Identifier", one_line(&identifier)));
    lines.push(("Internal-Sender-Description", one_line(&description)));
    lines.push(("Payload-Oxum", payload_oxum.to_string()));
    lines.push(("Bag-Size", bag_size.to_string()));
    for o in objects {
        lines.push((
            "Sohoa-Object",
            format!(
                "{} {} inventory.json sha256 {}",
                o.id, o.version, o.inventory_sha256
            ),
        ));
    }
    lines.into_iter().fold(String::new(), |mut out, (k, v)| {
        let _ = writeln!(out, "{k}: {v}");
        out
    })
}

fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut size = bytes as f64;
    let mut unit = 0;
    while size >= 1024.0 && unit < UNITS.len() - 1 {
        size /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{size:.1} {}", UNITS[unit])
    }
}

/// `dublin-core.xml`: a `record` per hồ sơ object and per document in the bag (`level`
/// `hoso` or `document`, `path` its payload directory or record file), each holding the
/// record's Dublin Core description (`archive_schema::dublin_core`, the code sets of
/// 05/2025 for labels) as written by [`crate::markup::dublin_core`].
fn dublin_core(items: &[Item]) -> Result<String> {
    let codes = archive_schema::CodeSets::tt05_2025();
    let mut records = Vec::new();
    for item in items {
        let o = &item.object;
        let hoso = match &item.hoso_seen {
            Some(seen) => Some(seen.clone()),
            None => hoso_metadata(o)?,
        }
        .map(|h| h.record)
        .unwrap_or_default();
        records.push((
            "hoso",
            format!("data/{}", o.id),
            archive_schema::dublin_core::from_ho_so(&hoso, codes),
        ));
        for d in item.documents_going_in() {
            records.push((
                "document",
                format!("data/{}/{}", o.id, document_path(&d.id)),
                archive_schema::dublin_core::from_tai_lieu(&d.record, codes),
            ));
        }
    }
    let writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    Ok(crate::markup::to_string(writer, |w| {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("records").write_inner_content(|w| {
            for (level, path, dc) in &records {
                w.create_element("record")
                    .with_attribute(("level", *level))
                    .with_attribute(crate::markup::attr("path", path))
                    .write_inner_content(|w| crate::markup::dublin_core(w, dc))?;
            }
            Ok(())
        })?;
        w.get_mut().push(b'\n');
        Ok(())
    }))
}

/// Reads a bag's manifest back: payload path → sha256 (for tests and checks).
pub fn read_manifest(bag: &Path) -> Result<BTreeMap<String, String>> {
    let path = bag.join("manifest-sha256.txt");
    let text = fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    Ok(text
        .lines()
        .filter_map(|l| l.split_once("  "))
        .map(|(d, p)| (p.to_string(), d.to_string()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::files::tests::{commit, fake_archive, CODE, DOC, OBJECT};
    use super::*;
    use crate::markup::read_back::{named, parse, Element, HOSTILE, HOSTILE_READ};
    use crate::store::ocfl::FileSource;
    use archive_schema::{HoSoRecord, TaiLieuRecord, Valued};

    /// Puts a hồ sơ record of `record` among the object's `files`.
    fn insert_hoso(files: &mut BTreeMap<String, FileSource>, record: HoSoRecord) {
        let metadata = HoSoMetadata {
            id: OBJECT.into(),
            record,
        };
        files.insert(
            HOSO_PATH.into(),
            FileSource::Bytes(serde_json::to_vec(&metadata).unwrap()),
        );
    }

    fn options() -> BagOptions {
        BagOptions {
            software_agent: "sohoa test".into(),
            clearance: crate::clearance::Clearance::Public,
        }
    }

    #[test]
    fn bags_an_object_with_manifests_and_bag_info() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, _) = fake_archive(&dir.path().join("a"));
        let out = dir.path().join("bag");
        let summary =
            export_bagit(&archive, &Selection::Id(OBJECT.into()), &out, &options()).unwrap();
        assert_eq!(summary.objects.len(), 1);
        assert_eq!(summary.payload_files, 7);
        let manifest = read_manifest(&out).unwrap();
        assert_eq!(manifest.len(), 7);
        for (path, digest) in &manifest {
            let (actual, _) = crate::store::fsio::sha256_file(&out.join(path)).unwrap();
            assert_eq!(&actual, digest, "{path}");
        }
        assert_eq!(
            fs::read(out.join(format!("data/{OBJECT}/originals/hs-a/1.tif"))).unwrap(),
            b"two-page tiff"
        );
        let info = fs::read_to_string(out.join("bag-info.txt")).unwrap();
        assert!(info.contains("Source-Organization: Phông Đảng ủy Khối (H49)\n"));
        assert!(info.contains(&format!("Payload-Oxum: {}.7\n", summary.payload_bytes)));
        assert!(info.contains("Bag-Software-Agent: sohoa test\n"));
        assert!(info.contains("Bagging-Date: "));
        assert!(info.contains("Bag-Size: "));
        assert!(info.contains("External-Identifier: "));
        let tags = fs::read_to_string(out.join("tagmanifest-sha256.txt")).unwrap();
        for name in [
            "bagit.txt",
            "bag-info.txt",
            "manifest-sha256.txt",
            "dublin-core.xml",
        ] {
            assert!(tags.contains(&format!("  {name}\n")), "{name}");
        }
        let dc = fs::read_to_string(out.join("dublin-core.xml")).unwrap();
        let (elements, _) = parse(&dc);
        let records = named(&elements, "record");
        assert_eq!(records[0].attribute("level"), Some("hoso"));
        assert_eq!(
            records[0].attribute("path"),
            Some(format!("data/{OBJECT}").as_str())
        );
        assert_eq!(records[1].attribute("level"), Some("document"));
        assert_eq!(
            records[1].attribute("path"),
            Some(format!("data/{OBJECT}/{}", document_path(DOC)).as_str())
        );
        assert!(dc.contains(&format!("<dc:identifier>{CODE}</dc:identifier>")));
        // Nothing is left beside the bag.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");

        // A second export to the same place is refused and changes nothing.
        let before = fs::read(out.join("bag-info.txt")).unwrap();
        let err =
            export_bagit(&archive, &Selection::Id(OBJECT.into()), &out, &options()).unwrap_err();
        assert!(err.to_string().contains("refusing to overwrite"), "{err}");
        assert_eq!(fs::read(out.join("bag-info.txt")).unwrap(), before);

        // An empty directory is fine.
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).unwrap();
        export_bagit(
            &archive,
            &Selection::Box("hop-01".into()),
            &empty,
            &options(),
        )
        .unwrap();
        assert!(empty.join("bagit.txt").is_file());
    }

    /// The values of `name` among `elements`.
    fn values(elements: &[Element], name: &str) -> Vec<String> {
        named(elements, name)
            .iter()
            .map(|e| e.text.clone())
            .collect()
    }

    #[test]
    fn dublin_core_describes_the_hoso_and_its_documents_from_their_records() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, mut files) = fake_archive(&dir.path().join("a"));
        insert_hoso(
            &mut files,
            HoSoRecord {
                ma_ho_so: Some(Valued::given("H49.61.8.2017".into())),
                tieu_de: Some(Valued::given(HOSTILE.into())),
                thoi_gian_bat_dau: Some(Valued::inferred("2017-01-05".into())),
                thoi_gian_ket_thuc: Some(Valued::inferred("2017-12-20".into())),
                che_do_su_dung: Some(Valued::given("01".into())),
                ..Default::default()
            },
        );
        let mut document: DocumentRecord =
            serde_json::from_slice(match &files[&document_path(DOC)] {
                FileSource::Bytes(b) => b,
                other => panic!("{other:?}"),
            })
            .unwrap();
        document.record = TaiLieuRecord {
            ma_dinh_danh: Some(Valued::inferred(DOC.into())),
            ma_luu_tru_tai_lieu: Some(Valued::inferred(CODE.into())),
            ma_ho_so: Some(Valued::given("H49.61.8.2017".into())),
            trich_yeu: Some(Valued::extracted(HOSTILE.into(), 0.8)),
            co_quan_ban_hanh: Some(Valued::extracted("Đảng ủy Khối <&>".into(), 0.8)),
            ten_loai: Some(Valued::extracted("Nghị quyết".into(), 0.9)),
            so: Some(Valued::extracted("05".into(), 0.9)),
            ky_hieu: Some(Valued::extracted("NQ/ĐUK".into(), 0.9)),
            ngay_ban_hanh: Some(Valued::extracted("2017-03-31".into(), 0.9)),
            ghi_chu: Some(Valued::given("]]> \u{0}".into())),
            che_do_su_dung: Some(Valued::given("01".into())),
            ..Default::default()
        };
        files.insert(
            document_path(DOC),
            FileSource::Bytes(serde_json::to_vec(&document).unwrap()),
        );
        commit(&archive, &files);
        let out = dir.path().join("bag");
        export_bagit(&archive, &Selection::Id(OBJECT.into()), &out, &options()).unwrap();
        let xml = fs::read_to_string(out.join("dublin-core.xml")).unwrap();
        let (elements, _) = parse(&xml);
        assert_eq!(elements[0].name, "records");
        // Each record holds one oai_dc:dc element, read here element by element.
        let starts: Vec<usize> = elements
            .iter()
            .enumerate()
            .filter(|(_, e)| e.name == "record")
            .map(|(i, _)| i)
            .collect();
        assert_eq!(starts.len(), 2, "{xml}");
        let (hoso, doc) = elements[starts[0]..].split_at(starts[1] - starts[0]);
        assert_eq!(hoso[1].name, "oai_dc:dc");
        assert_eq!(
            hoso[1].attribute("xmlns:dc"),
            Some(crate::markup::DC),
            "{xml}"
        );
        assert_eq!(values(hoso, "dc:title"), [HOSTILE_READ]);
        assert_eq!(values(hoso, "dc:identifier"), ["H49.61.8.2017"]);
        assert_eq!(values(hoso, "dc:date"), ["2017-01-05/2017-12-20"]);
        assert_eq!(values(hoso, "dc:type"), ["Collection"]);
        assert_eq!(values(hoso, "dc:rights"), ["Công khai"]);
        assert_eq!(values(doc, "dc:title"), [HOSTILE_READ]);
        assert_eq!(values(doc, "dc:creator"), ["Đảng ủy Khối <&>"]);
        assert_eq!(values(doc, "dc:identifier"), [CODE, DOC]);
        assert_eq!(values(doc, "dc:type"), ["Nghị quyết", "Text"]);
        assert_eq!(values(doc, "dc:date"), ["2017-03-31"]);
        assert_eq!(
            values(doc, "dc:description"),
            ["Số, ký hiệu: 05-NQ/ĐUK", "]]> "]
        );
        assert_eq!(values(doc, "dc:relation"), ["H49.61.8.2017"]);
        assert_eq!(values(doc, "dc:rights"), ["Công khai"]);
    }

    #[test]
    fn bags_one_document_with_its_access_copy() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, mut files) = fake_archive(&dir.path().join("a"));
        files.insert(
            format!("access/{CODE}.pdf"),
            FileSource::Bytes(b"%PDF fake".to_vec()),
        );
        commit(&archive, &files);
        let out = dir.path().join("bag");
        let summary = export_bagit(&archive, &Selection::Id(DOC.into()), &out, &options()).unwrap();
        assert_eq!(summary.objects[0].documents, vec![DOC.to_string()]);
        assert_eq!(summary.objects[0].version, "v2");
        let manifest = read_manifest(&out).unwrap();
        assert!(manifest.contains_key(&format!("data/{OBJECT}/access/{CODE}.pdf")));
        let info = fs::read_to_string(out.join("bag-info.txt")).unwrap();
        assert!(info.contains(&format!("External-Identifier: {CODE}\n")));
    }

    #[test]
    fn a_document_beside_one_its_reader_may_not_see_carries_the_hoso_as_they_see_it() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, mut files) = fake_archive(&dir.path().join("a"));
        let path = document_path(DOC);
        let FileSource::Bytes(bytes) = &files[&path] else {
            panic!("the fake document is bytes")
        };
        let mut open: DocumentRecord = serde_json::from_slice(bytes).unwrap();
        open.pages = vec![1, 2];
        let mut secret = open.clone();
        secret.id = "01SECRETDOC000000000000000".into();
        secret.ordinal = 2;
        secret.pages = vec![3];
        secret.record.do_mat = Some(Valued::given("mat".into()));
        files.insert(path, FileSource::Bytes(serde_json::to_vec(&open).unwrap()));
        for n in 1..=3 {
            let FileSource::Bytes(bytes) = &files[&page_path(n)] else {
                panic!("the fake page is bytes")
            };
            let mut page: PageRecord = serde_json::from_slice(bytes).unwrap();
            page.text_source = crate::store::records::TextSource::Ocr;
            files.insert(
                page_path(n),
                FileSource::Bytes(serde_json::to_vec(&page).unwrap()),
            );
        }
        files.insert(
            document_path(&secret.id),
            FileSource::Bytes(serde_json::to_vec(&secret).unwrap()),
        );
        insert_hoso(
            &mut files,
            HoSoRecord {
                tong_so_tai_lieu: Some(Valued::inferred(2)),
                so_luong_to: Some(Valued::inferred(3)),
                so_luong_trang: Some(Valued::inferred(3)),
                ..Default::default()
            },
        );
        let FileSource::Bytes(bytes) = &files[SOURCE_PATH] else {
            panic!("the fake source is bytes")
        };
        let mut source: SourceRecord = serde_json::from_slice(bytes).unwrap();
        source.hoso_sidecar = Some(archive_schema::HoSoSidecar {
            documents: Some(vec![
                archive_schema::PageRange {
                    pages: "1-2".into(),
                },
                archive_schema::PageRange { pages: "3".into() },
            ]),
            ..Default::default()
        });
        files.insert(
            SOURCE_PATH.into(),
            FileSource::Bytes(serde_json::to_vec(&source).unwrap()),
        );
        commit(&archive, &files);
        let out = dir.path().join("bag");
        export_bagit(&archive, &Selection::Id(DOC.into()), &out, &options()).unwrap();
        let data = out.join("data").join(OBJECT);
        let hoso: HoSoMetadata =
            serde_json::from_slice(&fs::read(data.join(HOSO_PATH)).unwrap()).unwrap();
        let count = |v: Option<Valued<u32>>| v.map(|v| v.value);
        assert_eq!(count(hoso.record.tong_so_tai_lieu), Some(1));
        assert_eq!(count(hoso.record.so_luong_to), Some(2));
        assert_eq!(count(hoso.record.so_luong_trang), Some(2));
        let source: SourceRecord =
            serde_json::from_slice(&fs::read(data.join(SOURCE_PATH)).unwrap()).unwrap();
        assert_eq!(source.hoso_sidecar.unwrap().documents, None);
        assert!(!data.join(EVENTS_PATH).exists());
        // The manifest holds what the bag holds.
        let manifest = read_manifest(&out).unwrap();
        let listed = &manifest[&format!("data/{OBJECT}/{HOSO_PATH}")];
        assert_eq!(
            *listed,
            sha256_bytes(&fs::read(data.join(HOSO_PATH)).unwrap())
        );
        let dc = fs::read_to_string(out.join("dublin-core.xml")).unwrap();
        assert!(dc.contains("2 trang") && !dc.contains("3 trang"), "{dc}");
        // The hồ sơ and its box, exported by the same reader, hold the same: the document
        // they may see, as if the other were not stored.
        for (name, selection) in [
            ("bag-object", Selection::Id(OBJECT.into())),
            ("bag-box", Selection::Box("hop-01".into())),
        ] {
            let other = dir.path().join(name);
            let summary = export_bagit(&archive, &selection, &other, &options()).unwrap();
            assert_eq!(
                summary.objects[0].documents,
                vec![DOC.to_string()],
                "{name}"
            );
            assert_eq!(read_manifest(&other).unwrap(), manifest, "{name}");
            let dc = fs::read_to_string(other.join("dublin-core.xml")).unwrap();
            assert!(!dc.contains("01SECRETDOC"), "{name}: {dc}");
        }
        // A reader cleared for it gets the hồ sơ as stored.
        let cleared = dir.path().join("bag2");
        let options = BagOptions {
            clearance: crate::clearance::Clearance::Mat,
            ..options()
        };
        export_bagit(&archive, &Selection::Id(DOC.into()), &cleared, &options).unwrap();
        let stored: HoSoMetadata = serde_json::from_slice(
            &fs::read(cleared.join("data").join(OBJECT).join(HOSO_PATH)).unwrap(),
        )
        .unwrap();
        assert_eq!(count(stored.record.tong_so_tai_lieu), Some(2));
    }

    #[test]
    fn a_damaged_file_aborts_the_export_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, _) = fake_archive(&dir.path().join("a"));
        let root = archive.storage().object_root(OBJECT);
        fs::write(root.join("v1/content/originals/hs-a/2.png"), b"pnG").unwrap();
        let out = dir.path().join("bag");
        let err =
            export_bagit(&archive, &Selection::Box("hop-01".into()), &out, &options()).unwrap_err();
        assert!(matches!(err, Error::Fixity { .. }), "{err}");
        assert!(err.to_string().contains("originals/hs-a/2.png"));
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn names_in_two_unicode_normalisations_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, mut files) = fake_archive(&dir.path().join("a"));
        let nfc = "originals/hs-a/Nghị quyết.png";
        let nfd: String = nfc.nfd().collect();
        files.insert(nfc.into(), FileSource::Bytes(b"one".to_vec()));
        files.insert(nfd, FileSource::Bytes(b"two".to_vec()));
        commit(&archive, &files);
        let out = dir.path().join("bag");
        let err =
            export_bagit(&archive, &Selection::Id(OBJECT.into()), &out, &options()).unwrap_err();
        assert!(
            matches!(&err, Error::Export(m) if m.contains("Nghị quyết.png") && m.contains("NFC/NFD")),
            "{err}"
        );
        assert!(!out.exists());
    }

    #[test]
    fn unknown_selections_are_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, _) = fake_archive(&dir.path().join("a"));
        let out = dir.path().join("bag");
        let err =
            export_bagit(&archive, &Selection::Box("hop-99".into()), &out, &options()).unwrap_err();
        assert!(
            matches!(&err, Error::NotFound(m) if m.contains("boxes: hop-01")),
            "{err}"
        );
        assert!(matches!(
            export_bagit(&archive, &Selection::Id("X".into()), &out, &options()),
            Err(Error::NotFound(_))
        ));
        assert!(!out.exists());
    }

    #[test]
    fn sizes_read_like_bagit_py() {
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(1536), "1.5 KB");
        assert_eq!(human_size(3 * 1024 * 1024), "3.0 MB");
    }
}
