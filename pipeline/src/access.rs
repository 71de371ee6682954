//! Access copies: a document's page records and original scans in, its two-layer PDF/A out.
//!
//! In: a [`DocumentRecord`], the [`PageRecord`]s of its pages (OCR words and preprocessing
//! facts) and a way to find each page's original scan. Out: the PDF/A-2u access copy
//! ([`crate::pdf`]), written to a file a few pages at a time ([`write_file`]) or built in
//! memory ([`build`]), and its logical path in the object, `access/{mã lưu trữ tài
//! liệu}.pdf` (Thông tư 05/2025 naming), or `access/{document id}.pdf` while the document has
//! no archival code. Every page is in it, blank backs too (100% of pages); each image is the
//! scan as scanned: a JPEG file's bytes, a PNG file's zlib stream, or else the original decoded
//! again and compressed losslessly (see [`crate::pdf`]); a PDF page that painted nothing is
//! made white again without reading it, and a page that would have to be decoded again (a
//! TIFF or PDF page) is encoded when it is read for OCR ([`encode_at_read`]) rather than
//! decoded a second time, as far as the run's memory budget for such images allows.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::decode::{decode_page, ScanFormat};
use crate::pdf::{AccessMetadata, AccessPage, AccessPdfWriter, PageImage};
use crate::preprocess::PreprocessFacts;
use crate::stages::{Stage, StageClock};
use crate::store::fsio::create_hashing;
use crate::store::records::{ocr_words, DocumentRecord, PageRecord};
use crate::{Error, Result};

/// One page of the copy: its image decoded again from the original and encoded, its words.
fn access_page(
    doc: &DocumentRecord,
    page: &PageRecord,
    original: &(dyn Fn(&PageRecord) -> Option<PageImageSource> + Sync),
) -> Result<AccessPage> {
    let source = original(page).ok_or_else(|| {
        Error::Archive(format!(
            "access copy of {}: original {} not found",
            doc.id, page.source_file
        ))
    })?;
    let facts = page
        .preprocess
        .as_ref()
        .map(PreprocessFacts::from)
        .unwrap_or_default();
    let (path, format, number) = match source {
        PageImageSource::File(path, format, number) => (path, format, number),
        PageImageSource::Encoded(image) => {
            return Ok(AccessPage::of_image(
                image,
                page.technical.dpi,
                ocr_words(&page.words),
                &facts,
            ))
        }
    };
    // A PDF page that painted nothing is white again, without reading the file.
    if page.technical.compression == crate::decode::EMPTY_PAGE && page.words.is_empty() {
        let t = &page.technical;
        return AccessPage::white(t.width, t.height, t.dpi, &facts);
    }
    // A JPEG or PNG file whose compressed image can go into the copy as it is, is not
    // decoded at all: its size and resolution are the page record's.
    let file = if matches!(format, ScanFormat::Jpeg | ScanFormat::Png) {
        Some(std::fs::read(&path).map_err(|e| Error::io(&path, e))?)
    } else {
        None
    };
    let (width, height) = (page.technical.width, page.technical.height);
    let passed = match (format, &file) {
        (ScanFormat::Jpeg, Some(bytes)) => PageImage::from_jpeg(bytes, width, height)?,
        (ScanFormat::Png, Some(bytes)) => PageImage::from_png(bytes, width, height),
        _ => None,
    };
    if let Some(image) = passed {
        let words = ocr_words(&page.words);
        return Ok(AccessPage::of_image(
            image,
            page.technical.dpi,
            words,
            &facts,
        ));
    }
    let mut decoded = decode_page(&path, format, number)?;
    // A JPEG file, or a PDF page that is one JPEG, goes into the copy byte for byte.
    let jpeg = if format == ScanFormat::Jpeg {
        file
    } else {
        decoded.embedded_jpeg.take()
    };
    AccessPage::new(&decoded, jpeg.as_deref(), ocr_words(&page.words), &facts)
}

/// The logical path of a document's access copy.
pub fn access_path(doc: &DocumentRecord) -> String {
    crate::export::files::access_copy_paths(doc)
        .into_iter()
        .next()
        .expect("there is always the id-based path")
}

/// Where a page's image comes from.
#[derive(Debug, Clone)]
pub enum PageImageSource {
    /// A scan file on disk, its format and the 1-based page in it: decoded again (or passed
    /// through, for JPEG and PNG files).
    File(PathBuf, ScanFormat, u32),
    /// The image as encoded when the page was read for OCR ([`encode_at_read`]).
    Encoded(PageImage),
}

/// The access-copy image of a page `decoded` for OCR, encoded now from the pixels the OCR
/// worker holds, when the commit could not use the file's bytes as they are: a TIFF page, a
/// PDF page (its embedded JPEG, or its pixels, or what `pdftoppm` rendered). Encoding it here
/// spares the commit decoding (or rendering) the page a second time; the caller holds the
/// result within a memory budget and the commit decodes again whatever it did not hold.
/// `None` for a JPEG or PNG file (passed through from its bytes at commit, no decoding) and
/// for a PDF page that painted nothing (white again at commit, without reading the file).
pub fn encode_at_read(decoded: &crate::decode::DecodedPage) -> Option<Result<PageImage>> {
    let t = &decoded.technical;
    let decoded_again = match t.format {
        ScanFormat::Tiff => true,
        ScanFormat::Pdf => t.compression != crate::decode::EMPTY_PAGE,
        ScanFormat::Jpeg | ScanFormat::Png => decoded.rendered,
    };
    decoded_again.then(|| PageImage::from_decoded(decoded, decoded.embedded_jpeg.as_deref()))
}

/// Builds the access copy of `doc` in memory: see [`write_file`], which writes it to a file
/// instead.
pub fn build(
    doc: &DocumentRecord,
    pages: &[&PageRecord],
    original: &(dyn Fn(&PageRecord) -> Option<PageImageSource> + Sync),
    created: chrono::DateTime<chrono::FixedOffset>,
    clock: &StageClock,
) -> Result<Vec<u8>> {
    let name = Path::new("(access copy in memory)");
    write(doc, pages, original, created, clock, Vec::new(), name)
}

/// Writes the access copy of `doc` to the new file `path` and returns its SHA-256. `original`
/// maps a page to where its image comes from: the scan file on disk holding it, that file's
/// format and the page within it (its original, or its page extract), or the image already
/// encoded. `created` is recorded as the copy's creation date; the same inputs give the same
/// bytes, so re-reading unchanged pages changes nothing. The pages are read and written a few
/// at a time ([`write`]), so memory does not grow with the document. The CPU time goes to
/// `clock`'s [`Stage::Pdf`].
pub fn write_file(
    doc: &DocumentRecord,
    pages: &[&PageRecord],
    original: &(dyn Fn(&PageRecord) -> Option<PageImageSource> + Sync),
    created: chrono::DateTime<chrono::FixedOffset>,
    clock: &StageClock,
    path: &Path,
) -> Result<String> {
    create_hashing(path, |out| {
        write(doc, pages, original, created, clock, out, path).map(drop)
    })
}

/// Writes the access copy of `doc` to `out` (named `name` in I/O errors) and returns it.
/// Pages are decoded and encoded in parallel, as many at a time as rayon has threads, and
/// each batch is written before the next is read: a long document is neither one thread's
/// work nor all in memory at once. Each page's CPU time is counted on the thread that does it.
fn write<W: Write>(
    doc: &DocumentRecord,
    pages: &[&PageRecord],
    original: &(dyn Fn(&PageRecord) -> Option<PageImageSource> + Sync),
    created: chrono::DateTime<chrono::FixedOffset>,
    clock: &StageClock,
    out: W,
    name: &Path,
) -> Result<W> {
    let identifier = doc
        .record
        .ma_luu_tru_tai_lieu
        .as_ref()
        .map_or_else(|| doc.id.clone(), |v| v.value.clone());
    let language = doc
        .record
        .ngon_ngu
        .as_ref()
        .map_or_else(|| "vi".to_string(), |v| v.value.clone());
    let meta = AccessMetadata {
        title: doc.summary.title.clone(),
        identifier,
        language,
        created,
    };
    let mut writer = AccessPdfWriter::new(out, name, &meta)?;
    for batch in pages.chunks(rayon::current_num_threads().max(1)) {
        let access_pages = batch
            .par_iter()
            .map(|page| clock.time(Stage::Pdf, || access_page(doc, page, original)))
            .collect::<Result<Vec<AccessPage>>>()?;
        for page in &access_pages {
            clock.time(Stage::Pdf, || writer.add_page(page))?;
        }
    }
    clock.time(Stage::Pdf, || writer.finish())
}
