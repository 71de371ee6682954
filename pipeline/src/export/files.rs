//! Single stored files for researchers: the original scan holding a document page, and a
//! document's access copy (PDF).
//!
//! In: an archive, a document id and (for originals) a 1-based page number within the
//! document. Out: a [`StoredFile`] (object, version, logical path, inventory digest, content
//! path) that can be written to any writer ([`StoredFile::write_to`]) or saved atomically
//! ([`StoredFile::save_as`]); both re-hash the bytes and refuse a mismatch with the
//! inventory digest ([`Error::Fixity`]). Originals are returned whole, byte for byte: for a
//! multi-page TIFF or PDF the caller is told which page of the file was asked for.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::store::fsio::hash_stream;
use crate::store::ocfl::INVENTORY;
use crate::store::records::DocumentRecord;
use crate::store::records::{extract_path, PageRecord};
use crate::store::storage::{Key, ObjectStorage};
use crate::store::HoSoObject;
use crate::{Error, Result};

/// Where access copies live in an object: `access/{mã lưu trữ tài liệu}.pdf`.
pub const ACCESS_DIR: &str = "access/";

/// One logical file of an object version, located on disk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredFile {
    /// The hồ sơ object id.
    pub object: String,
    /// The object version read (the head).
    pub version: String,
    /// The file's logical path in the object (`originals/hs-01/1.tif`).
    pub logical_path: String,
    /// The SHA-256 the inventory records for it.
    pub sha256: String,
    /// The content file holding its bytes (for a page cut: the scan it was cut from).
    pub content_path: PathBuf,
    /// A page cut out of a scan ([`cut_page`]) or a record rewritten for its reader
    /// ([`rewritten`]): the bytes delivered instead of the file at `content_path`.
    #[serde(skip)]
    cut: Option<std::sync::Arc<Vec<u8>>>,
    /// Where the bytes are read from.
    #[serde(skip)]
    stored: Stored,
}

/// The key of a stored file in the storage holding it.
#[derive(Debug, Clone)]
struct Stored {
    storage: std::sync::Arc<dyn ObjectStorage>,
    key: Key,
}

impl PartialEq for Stored {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl StoredFile {
    /// The head-version file at `logical` of `object`, or None when the head has no such file.
    pub fn head(object: &HoSoObject, logical: &str) -> Result<Option<StoredFile>> {
        let inventory = &object.inventory;
        if !inventory.digest_algorithm.eq_ignore_ascii_case("sha256") {
            return Err(Error::Archive(format!(
                "object {}: digest algorithm {} is not supported (sha256 expected)",
                inventory.id, inventory.digest_algorithm
            )));
        }
        let Some(digest) = inventory.head_files().get(logical).cloned() else {
            return Ok(None);
        };
        let content = inventory.content_path(&digest).ok_or_else(|| {
            Error::Archive(format!(
                "object {}: {logical} has digest {digest}, which is not in the manifest of {}",
                inventory.id,
                object.root.join(INVENTORY).display()
            ))
        })?;
        Ok(Some(StoredFile {
            object: inventory.id.clone(),
            version: inventory.head.clone(),
            logical_path: logical.to_string(),
            sha256: digest.to_ascii_lowercase(),
            content_path: object.root.join(content),
            cut: None,
            stored: Stored {
                storage: object.backend().clone(),
                key: object.key.join(content)?,
            },
        }))
    }

    /// Whether this is a page cut out of a scan file rather than a stored file.
    pub fn is_cut(&self) -> bool {
        self.cut.is_some()
    }

    /// Streams the bytes into `out` through SHA-256; returns the digest and size.
    fn copy_into(&self, out: &mut dyn Write, out_name: &Path) -> Result<(String, u64)> {
        if let Some(bytes) = &self.cut {
            hash_stream(&self.content_path, bytes.as_slice(), out, out_name)
        } else {
            let reader = self.stored.storage.get(&self.stored.key)?;
            hash_stream(&self.content_path, reader, out, out_name)
        }
    }

    /// Re-hashes the stored bytes; [`Error::Fixity`] when they differ from the inventory.
    /// Returns the size.
    pub fn verify(&self) -> Result<u64> {
        self.write_to(&mut std::io::sink())
    }

    /// Streams the stored bytes into `out`, hashing them on the way; [`Error::Fixity`] after
    /// the last byte when they differ from the inventory digest (the caller must then discard
    /// what was written: [`StoredFile::save_as`] does). Returns the size.
    pub fn write_to(&self, out: &mut dyn Write) -> Result<u64> {
        let (actual, size) = self.copy_into(out, Path::new("output"))?;
        self.check(&actual)?;
        Ok(size)
    }

    /// Writes the stored bytes to `target` through a temporary file beside it, which is
    /// moved to `target` only when its SHA-256 matched the inventory. An existing `target`
    /// is left alone ([`Error::Export`]) unless `existing` is [`Existing::Replace`]; with
    /// `Refuse`, a file that appears at `target` meanwhile is not replaced either (the
    /// temporary file is hard-linked to `target`, which fails when it exists). Returns the
    /// size.
    pub fn save_as(&self, target: &Path, existing: Existing) -> Result<u64> {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .ok_or_else(|| Error::Export(format!("{} is not a file name", target.display())))?;
        if existing == Existing::Refuse {
            refuse_existing(target)?;
        }
        let tmp = dir.join(format!(
            ".{}.sohoa-tmp-{}",
            name.to_string_lossy(),
            std::process::id()
        ));
        let written = self.save_via(&tmp, target, existing);
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written
    }

    fn save_via(&self, tmp: &Path, target: &Path, existing: Existing) -> Result<u64> {
        let mut f = File::options()
            .write(true)
            .create_new(true)
            .open(tmp)
            .map_err(|e| Error::io(tmp, e))?;
        let (actual, size) = self.copy_into(&mut f, tmp)?;
        self.check(&actual)?;
        f.sync_all().map_err(|e| Error::io(tmp, e))?;
        match existing {
            Existing::Replace => fs::rename(tmp, target).map_err(|e| Error::io(target, e))?,
            Existing::Refuse => {
                fs::hard_link(tmp, target).map_err(|e| match e.kind() {
                    std::io::ErrorKind::AlreadyExists => exists_error(target),
                    _ => Error::io(target, e),
                })?;
                fs::remove_file(tmp).map_err(|e| Error::io(tmp, e))?;
            }
        }
        Ok(size)
    }

    fn check(&self, actual: &str) -> Result<()> {
        if actual != self.sha256 {
            return Err(Error::Fixity {
                path: self.content_path.clone(),
                expected: self.sha256.clone(),
                actual: actual.to_string(),
            });
        }
        Ok(())
    }
}

/// What [`StoredFile::save_as`] does with a file already at the target path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Leave it and fail (the default of `sohoa get`).
    Refuse,
    /// Replace it (`sohoa get --force`).
    Replace,
}

fn exists_error(target: &Path) -> Error {
    Error::Export(format!(
        "{} already exists; refusing to overwrite it (use --force to replace it)",
        target.display()
    ))
}

/// Fails when something (a file, a directory, a link, even a dangling one) is at `target`.
fn refuse_existing(target: &Path) -> Result<()> {
    match fs::symlink_metadata(target) {
        Ok(_) => Err(exists_error(target)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(target, e)),
    }
}

/// The original scan holding one page of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OriginalPage {
    pub document: String,
    /// The page asked for, 1-based within the document.
    pub page: u32,
    /// The same page's number within the hồ sơ.
    pub hoso_page: u32,
    /// The scan file's path relative to its box root.
    pub source_file: String,
    /// The page within the scan file (1-based).
    pub source_page: u32,
    /// How many pages of the scan file the object holds (more than 1: a multi-page TIFF/PDF).
    pub file_pages: u32,
    pub file: StoredFile,
}

/// The original scan file that holds page `page` (1-based within the document) of
/// document `doc` of `object` (found by the gate, [`crate::gate::Reader::original_page`]).
pub(crate) fn original_for_page(
    object: &HoSoObject,
    doc: &DocumentRecord,
    page: u32,
) -> Result<OriginalPage> {
    let hoso_page = hoso_page_of(doc, page)?;
    let pages = object.pages()?;
    let record = page_record_of(object, doc, hoso_page, &pages)?;
    let file = stored_scan(object, record)?;
    let file_pages = pages
        .iter()
        .filter(|p| p.source_file == record.source_file)
        .map(|p| p.source_page)
        .max()
        .unwrap_or(1);
    Ok(OriginalPage {
        document: doc.id.clone(),
        page,
        hoso_page,
        source_file: record.source_file.clone(),
        source_page: record.source_page,
        file_pages,
        file,
    })
}

/// The hồ sơ page number of page `page` (1-based) of `doc`; a page it does not have is
/// [`Error::NotFound`].
pub(crate) fn hoso_page_of(doc: &DocumentRecord, page: u32) -> Result<u32> {
    page.checked_sub(1)
        .and_then(|i| doc.pages.get(i as usize))
        .copied()
        .ok_or_else(|| {
            Error::NotFound(format!(
                "document {} has {} page(s); there is no page {page}",
                doc.id,
                doc.pages.len()
            ))
        })
}

/// The record of hồ sơ page `hoso_page`, which `doc` lists, among `pages` (records of
/// `object`).
pub(crate) fn page_record_of<'a>(
    object: &HoSoObject,
    doc: &DocumentRecord,
    hoso_page: u32,
    pages: &'a [PageRecord],
) -> Result<&'a PageRecord> {
    pages.iter().find(|p| p.number == hoso_page).ok_or_else(|| {
        Error::Archive(format!(
            "object {}: document {} lists hồ sơ page {hoso_page}, which has no page record",
            object.id, doc.id
        ))
    })
}

/// The stored scan (or extracted page image) `record` was read from, checked against the
/// digest the record holds.
pub(crate) fn stored_scan(object: &HoSoObject, record: &PageRecord) -> Result<StoredFile> {
    let hoso_page = record.number;
    let logical = record.stored_image_path();
    let file = StoredFile::head(object, &logical)?.ok_or_else(|| {
        Error::Archive(format!(
            "object {}: page {hoso_page} comes from {}, but {logical} is not stored",
            object.id, record.source_file
        ))
    })?;
    if !file
        .sha256
        .eq_ignore_ascii_case(record.stored_image_sha256())
    {
        return Err(Error::Archive(format!(
            "object {}: page {hoso_page} was read from {} with sha256 {}, but the stored {logical} has sha256 {}",
            object.id, record.source_file, record.stored_image_sha256(), file.sha256
        )));
    }
    Ok(file)
}

/// The hồ sơ pages of `object` that only documents a reader may not see (`may_see` false)
/// hold.
pub(crate) fn hidden_pages(
    object: &HoSoObject,
    may_see: impl Fn(&DocumentRecord) -> bool,
) -> BTreeSet<u32> {
    let (seen, unseen): (Vec<&DocumentRecord>, Vec<&DocumentRecord>) =
        object.documents.iter().partition(|d| may_see(d));
    let seen: BTreeSet<u32> = seen.iter().flat_map(|d| d.pages.iter().copied()).collect();
    unseen
        .iter()
        .flat_map(|d| d.pages.iter().copied())
        .filter(|n| !seen.contains(n))
        .collect()
}

/// Whether the stored image of `record` (a multi-page scan file) also holds one of the
/// `hidden` pages of `pages` (the object's page records).
pub(crate) fn shares_scan(
    pages: &[PageRecord],
    record: &PageRecord,
    hidden: &BTreeSet<u32>,
) -> bool {
    let image = record.stored_image_path();
    pages
        .iter()
        .any(|p| hidden.contains(&p.number) && p.stored_image_path() == image)
}

/// File `logical` of `object` delivered as `bytes` instead of its stored content: a
/// record as a reader who may not see all of the object's documents sees it.
pub(crate) fn rewritten(object: &HoSoObject, logical: &str, bytes: Vec<u8>) -> Result<StoredFile> {
    let stored = StoredFile::head(object, logical)?.ok_or_else(|| {
        Error::Archive(format!(
            "object {}: {logical} vanished from the head version",
            object.id
        ))
    })?;
    Ok(StoredFile {
        sha256: crate::store::fsio::sha256_bytes(&bytes),
        cut: Some(std::sync::Arc::new(bytes)),
        ..stored
    })
}

/// Page `record` of `object` cut out of its stored scan file, as a lossless PNG of its
/// decoded pixels: what a reader gets of a page whose scan file also holds pages they may
/// not see (the scan's fixity is checked first).
pub(crate) fn cut_page(object: &HoSoObject, record: &PageRecord) -> Result<StoredFile> {
    let logical = record.stored_image_path();
    let scan = StoredFile::head(object, &logical)?.ok_or_else(|| {
        Error::Archive(format!(
            "object {}: page {} comes from {}, but {logical} is not stored",
            object.id, record.number, record.source_file
        ))
    })?;
    scan.verify()?;
    let decoded = crate::decode::decode_page(
        &scan.content_path,
        record.technical.format.into(),
        record.source_page,
    )?;
    let png = crate::decode::page_png(&decoded, &record.source_file, record.source_page)?;
    Ok(StoredFile {
        logical_path: extract_path(&record.source_file, record.source_page),
        sha256: crate::store::fsio::sha256_bytes(&png),
        cut: Some(std::sync::Arc::new(png)),
        ..scan
    })
}

/// The longest file name (bytes) file systems take (`NAME_MAX` of Linux file systems).
const NAME_MAX: usize = 255;

/// The logical paths where a document's access copy may be stored, in order of preference:
/// `access/{mã lưu trữ tài liệu}.pdf` (Thông tư 05/2025 file naming), then
/// `access/{document id}.pdf` for a document without archival codes or whose code is too
/// long for a file name (a code inferred from long folder names).
pub fn access_copy_paths(doc: &DocumentRecord) -> Vec<String> {
    let mut paths = Vec::new();
    if let Some(code) = doc
        .record
        .ma_luu_tru_tai_lieu
        .as_ref()
        .map(|v| v.value.trim())
        .filter(|c| !c.is_empty() && c.len() + ".pdf".len() <= NAME_MAX)
    {
        paths.push(format!("{ACCESS_DIR}{code}.pdf"));
    }
    paths.push(format!("{ACCESS_DIR}{}.pdf", doc.id));
    paths
}

/// The stored access copy of a document in its object's head version, if any.
pub fn stored_access_copy(object: &HoSoObject, doc: &DocumentRecord) -> Result<Option<StoredFile>> {
    for logical in access_copy_paths(doc) {
        if let Some(file) = StoredFile::head(object, &logical)? {
            return Ok(Some(file));
        }
    }
    Ok(None)
}

/// The access copy (PDF) of document `doc` of `object`; [`Error::NotFound`] when none is
/// stored.
pub(crate) fn access_copy(object: &HoSoObject, doc: &DocumentRecord) -> Result<StoredFile> {
    stored_access_copy(object, doc)?.ok_or_else(|| {
        Error::NotFound(format!(
            "no access copy stored for document {} (looked for {} in object {} {})",
            doc.id,
            access_copy_paths(doc).join(" and "),
            object.id,
            object.inventory.head
        ))
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::store::Archive;
    use std::collections::BTreeMap;

    use archive_schema::{TaiLieuRecord, Valued};

    use super::*;
    use crate::decode::{ScanFormat, TechnicalMetadata};
    use crate::store::ocfl::{FileSource, User};
    use crate::store::records::{
        document_path, page_path, DocumentSummary, PageRecord, SourceRecord, TextSource,
        SOURCE_PATH,
    };

    pub(crate) const OBJECT: &str = "01OBJECT";
    pub(crate) const DOC: &str = "01DOC";
    pub(crate) const CODE: &str = "H49.61.8.2017.0000001";

    fn page(number: u32, file: &str, source_page: u32, bytes: &[u8]) -> PageRecord {
        PageRecord {
            number,
            source_file: file.into(),
            source_page,
            source_sha256: crate::store::fsio::sha256_bytes(bytes),
            technical: TechnicalMetadata {
                format: ScanFormat::Tiff,
                width: 10,
                height: 10,
                dpi: Some(300.0),
                bits_per_sample: 1,
                samples_per_pixel: 1,
                compression: "ccitt-g4".into(),
            }
            .into(),
            conformance: archive_records::ConformanceRecord::default(),
            preprocess: None,
            text_source: TextSource::Blank,
            text: String::new(),
            mean_confidence: 0.0,
            words: Vec::new(),
            ocr: None,
            header_ink: Vec::new(),
            closing_reading: None,
            closing_reading_as_scanned: None,
            page_extract: None,
        }
    }

    fn json(v: &impl serde::Serialize) -> FileSource {
        FileSource::Bytes(serde_json::to_vec_pretty(v).unwrap())
    }

    fn access_copy_of(archive: &Archive, id: &str) -> Result<StoredFile> {
        let (object, doc) = archive.find_document(id)?.unwrap();
        access_copy(&object, &doc)
    }

    /// `original_for_page` of document `id`, found as the gate finds it.
    fn original(archive: &Archive, id: &str, page: u32) -> Result<OriginalPage> {
        let (object, doc) = archive
            .find_document(id)?
            .ok_or_else(|| crate::clearance::unknown_document(id))?;
        original_for_page(&object, &doc, page)
    }

    /// An archive with one object: a 2-page TIFF and a PNG making one 3-page document.
    pub(crate) fn fake_archive(dir: &Path) -> (Archive, BTreeMap<String, FileSource>) {
        let archive = Archive::open_or_create(dir).unwrap();
        let mut files = BTreeMap::new();
        files.insert(
            SOURCE_PATH.to_string(),
            json(&SourceRecord {
                box_name: "hop-01".into(),
                hoso: "hs-a".into(),
                box_sidecar: Some(archive_schema::BoxSidecar {
                    ma_co_quan_luu_tru: Some("H49".into()),
                    ten_phong: Some("Phông Đảng ủy Khối".into()),
                    ..Default::default()
                }),
                hoso_sidecar: None,
            }),
        );
        files.insert(
            "originals/hs-a/1.tif".into(),
            FileSource::Bytes(b"two-page tiff".to_vec()),
        );
        files.insert(
            "originals/hs-a/2.png".into(),
            FileSource::Bytes(b"png".to_vec()),
        );
        files.insert(
            page_path(1),
            json(&page(1, "hs-a/1.tif", 1, b"two-page tiff")),
        );
        files.insert(
            page_path(2),
            json(&page(2, "hs-a/1.tif", 2, b"two-page tiff")),
        );
        files.insert(page_path(3), json(&page(3, "hs-a/2.png", 1, b"png")));
        files.insert(
            document_path(DOC),
            json(&DocumentRecord {
                id: DOC.into(),
                ordinal: 1,
                pages: vec![1, 2, 3],
                summary: DocumentSummary {
                    title: "Nghị quyết về chuyển đổi số".into(),
                    ..Default::default()
                },
                record: TaiLieuRecord {
                    ma_luu_tru_tai_lieu: Some(Valued::inferred(CODE.into())),
                    ..Default::default()
                },
                review_notes: Vec::new(),
                approval: None,
                reviewed: false,
                format: None,
            }),
        );
        commit(&archive, &files);
        (archive, files)
    }

    pub(crate) fn commit(archive: &Archive, files: &BTreeMap<String, FileSource>) {
        let user = User {
            name: "test".into(),
            address: None,
        };
        archive
            .storage()
            .commit_version(OBJECT, files, "test", &user)
            .unwrap();
    }

    #[test]
    fn finds_the_original_of_a_page_and_refuses_damaged_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, _) = fake_archive(&dir.path().join("a"));
        let second = original(&archive, DOC, 2).unwrap();
        assert_eq!(
            (second.source_file.as_str(), second.source_page),
            ("hs-a/1.tif", 2)
        );
        assert_eq!(second.file_pages, 2);
        assert_eq!(second.file.logical_path, "originals/hs-a/1.tif");
        let third = original(&archive, DOC, 3).unwrap();
        assert_eq!(third.file_pages, 1);

        let out = dir.path().join("out.tif");
        assert_eq!(second.file.save_as(&out, Existing::Refuse).unwrap(), 13);
        assert_eq!(fs::read(&out).unwrap(), b"two-page tiff");
        let mut buf = Vec::new();
        third.file.write_to(&mut buf).unwrap();
        assert_eq!(buf, b"png");

        assert!(matches!(
            original(&archive, DOC, 4),
            Err(Error::NotFound(m)) if m.contains("has 3 page(s)")
        ));
        assert!(matches!(
            original(&archive, "NOPE", 1),
            Err(Error::NotFound(m)) if m.contains("no document with id NOPE")
        ));

        // Damage the stored bytes: nothing is written, the error names the content file.
        fs::write(&second.file.content_path, b"two-page tifF").unwrap();
        let target = dir.path().join("damaged.tif");
        let err = second.file.save_as(&target, Existing::Refuse).unwrap_err();
        assert!(
            matches!(&err, Error::Fixity { path, .. } if *path == second.file.content_path),
            "{err}"
        );
        assert!(err.to_string().contains("v1/content/originals/hs-a/1.tif"));
        assert!(!target.exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("sohoa-tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        assert!(matches!(second.file.verify(), Err(Error::Fixity { .. })));
    }

    #[test]
    fn an_existing_target_is_kept_unless_replacing_is_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, _) = fake_archive(&dir.path().join("a"));
        let third = original(&archive, DOC, 3).unwrap();
        let out = dir.path().join("report.pdf");
        fs::write(&out, b"someone's report").unwrap();
        let err = third.file.save_as(&out, Existing::Refuse).unwrap_err();
        assert!(
            matches!(&err, Error::Export(m) if m.contains("already exists") && m.contains("--force")),
            "{err}"
        );
        assert_eq!(fs::read(&out).unwrap(), b"someone's report");
        // A dangling link is something too.
        let link = dir.path().join("link.png");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
        assert!(third.file.save_as(&link, Existing::Refuse).is_err());
        assert!(!dir.path().join("nowhere").exists());

        assert_eq!(third.file.save_as(&out, Existing::Replace).unwrap(), 3);
        assert_eq!(fs::read(&out).unwrap(), b"png");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("sohoa-tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn targets_inside_the_archive_are_refused_however_spelled() {
        use crate::export::refuse_inside_archive;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("a");
        let (archive, _) = fake_archive(&root);
        let outside = dir.path().join("out");
        fs::create_dir(&outside).unwrap();
        std::os::unix::fs::symlink(&root, outside.join("to-archive")).unwrap();
        std::os::unix::fs::symlink(root.join("audit/log.jsonl"), outside.join("log.pdf")).unwrap();
        let original = root.join(format!(
            "{}/v1/content/originals/hs-a/2.png",
            archive
                .storage()
                .object_root(OBJECT)
                .strip_prefix(&root)
                .unwrap()
                .display()
        ));
        assert!(original.is_file());
        for inside in [
            root.clone(),
            root.join("audit/log.jsonl"),
            original.clone(),
            root.join("new-file.pdf"),
            root.join("ocfl/not/yet/there/bag"),
            outside.join("to-archive/audit/log.jsonl"),
            outside.join("to-archive"),
            outside.join("log.pdf"),
            outside.join("../a/audit/log.jsonl"),
            outside.join("missing/../../a/x.pdf"),
        ] {
            let err = refuse_inside_archive(&root, &inside)
                .err()
                .unwrap_or_else(|| panic!("{} was let through", inside.display()));
            assert!(
                matches!(&err, Error::Export(m) if m.contains("inside the archive")),
                "{}: {err}",
                inside.display()
            );
        }
        for fine in [
            outside.join("x.pdf"),
            outside.join("new/dir/bag"),
            dir.path().join("a-bag"),
            outside.join("to-archive/../x.pdf"),
        ] {
            refuse_inside_archive(&root, &fine)
                .unwrap_or_else(|e| panic!("{}: {e}", fine.display()));
        }
        // Relative to the working directory, too.
        let here = std::env::current_dir().unwrap();
        let relative = pathdiff(&root, &here).join("new.pdf");
        assert!(
            refuse_inside_archive(&root, &relative).is_err(),
            "{}",
            relative.display()
        );
    }

    /// `to` as a path relative to `from` (`../..` up to the common ancestor).
    fn pathdiff(to: &Path, from: &Path) -> PathBuf {
        let (to, from) = (to.canonicalize().unwrap(), from.canonicalize().unwrap());
        let common = to
            .components()
            .zip(from.components())
            .take_while(|(a, b)| a == b)
            .count();
        let mut p = PathBuf::new();
        for _ in from.components().skip(common) {
            p.push("..");
        }
        for c in to.components().skip(common) {
            p.push(c);
        }
        p
    }

    #[test]
    fn access_copy_is_found_once_stored() {
        let dir = tempfile::tempdir().unwrap();
        let (archive, mut files) = fake_archive(&dir.path().join("a"));
        let err = access_copy_of(&archive, DOC).unwrap_err();
        assert!(matches!(err, Error::NotFound(_)));
        assert!(
            err.to_string()
                .starts_with(&format!("no access copy stored for document {DOC}")),
            "{err}"
        );

        files.insert(
            format!("access/{CODE}.pdf"),
            FileSource::Bytes(b"%PDF-1.7 fake".to_vec()),
        );
        commit(&archive, &files);
        let pdf = access_copy_of(&archive, DOC).unwrap();
        assert_eq!(pdf.version, "v2");
        assert_eq!(pdf.logical_path, format!("access/{CODE}.pdf"));
        let mut buf = Vec::new();
        pdf.write_to(&mut buf).unwrap();
        assert_eq!(buf, b"%PDF-1.7 fake");
    }
}
