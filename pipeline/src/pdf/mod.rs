//! The access copy: a document's pages in, the bytes of one two-layer PDF/A-2u out.
//!
//! In: one [`AccessPage`] per page of the document (its scan image as scanned, encoded by
//! [`PageImage::from_decoded`], its resolution, its OCR words and the [`PageGeometry`] that
//! preprocessing applied before OCR) and the document's [`AccessMetadata`].
//! Out: the PDF, written page by page to a file or a buffer ([`AccessPdfWriter`]: only the
//! page being written is in memory) or as bytes ([`build_access_pdf`]). The caller names the
//! file (`{mã hồ sơ}.{NNNNNNN}.pdf`) and stores it.
//!
//! Each page is as large as the scan (pixel size × 72 / dpi) and shows the scan image itself —
//! the original JPEG bytes, or the decoded pixels stored losslessly at their own bit depth
//! (CCITT G4 for 1-bit pages), never the deskewed or turned OCR image. Over it lies an
//! invisible text layer (render mode 3) in an embedded glyphless font whose `ToUnicode` `CMap`
//! maps every glyph to its character, so text can be searched and copied: each word sits on
//! its place of the scan, as wide and as high as its OCR box (level, centred where the word is
//! on the askew scan: see [`text`]). A
//! page that preprocessing turned by a quarter turn gets that turn as its `/Rotate`, so it
//! displays upright while the image stays as scanned.
//!
//! PDF/A-2u (ISO 19005-2, level U): PDF 1.7 header with a binary comment, XMP metadata
//! (`pdfaid:part` 2, `pdfaid:conformance` U, Dublin Core title, identifier and language) and
//! an Info dictionary that agrees with it, an sRGB `OutputIntent` with the ICC profile embedded,
//! every font embedded with a `ToUnicode` `CMap`, a document ID, no encryption, no JavaScript or
//! actions, no transparency, no LZW. The same input always gives the same bytes.

mod image;
mod pdfa;
mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use lopdf::{dictionary, Dictionary, Document, Object, Stream, StringFormat, Writer};
use sha2::{Digest, Sha256};

pub use self::image::{ImageEncoding, PageImage};
use crate::decode::DecodedPage;
use crate::ocr::OcrWord;
use crate::preprocess::{PreprocessFacts, DEFAULT_DPI};
use crate::{Error, Result};

/// How the OCR image was made from the scan: what the text layer must undo.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PageGeometry {
    /// The skew removed before OCR, in degrees (positive: lines fell to the right); 0 when the
    /// page was not deskewed. The scan was rotated about its centre by −skew, canvas kept.
    pub skew_degrees: f32,
    /// Clockwise quarter turn applied after the deskew (0, 90, 180, 270).
    pub rotation: u16,
}

impl From<&PreprocessFacts> for PageGeometry {
    fn from(facts: &PreprocessFacts) -> Self {
        PageGeometry {
            skew_degrees: if facts.deskewed {
                facts.skew_degrees
            } else {
                0.0
            },
            rotation: facts.rotation % 360,
        }
    }
}

/// One page of an access copy.
#[derive(Debug, Clone)]
pub struct AccessPage {
    /// The scan image as scanned.
    pub image: PageImage,
    /// The scan's resolution: the page is `pixels × 72 / dpi` points large.
    pub dpi: f32,
    /// OCR words, boxes in pixels of the prepared (deskewed, turned) page.
    pub words: Vec<OcrWord>,
    pub geometry: PageGeometry,
}

impl AccessPage {
    /// A page from what ingest has for it: the decoded scan (and, for a JPEG source, the
    /// original JPEG bytes), its OCR words and the preprocessing facts. The resolution is the
    /// file's, or [`DEFAULT_DPI`] when the file records none or an implausible one (as
    /// preprocessing assumes).
    pub fn new(
        decoded: &DecodedPage,
        original_jpeg: Option<&[u8]>,
        words: Vec<OcrWord>,
        facts: &PreprocessFacts,
    ) -> Result<AccessPage> {
        let image = PageImage::from_decoded(decoded, original_jpeg)?;
        Ok(AccessPage::of_image(
            image,
            decoded.technical.dpi,
            words,
            facts,
        ))
    }

    /// A page whose image is already encoded (an original passed through without decoding:
    /// [`PageImage::from_png`], [`PageImage::from_jpeg`]), with the resolution the file
    /// records (or [`DEFAULT_DPI`], as in [`AccessPage::new`]).
    pub fn of_image(
        image: PageImage,
        dpi: Option<f32>,
        words: Vec<OcrWord>,
        facts: &PreprocessFacts,
    ) -> AccessPage {
        AccessPage {
            image,
            dpi: page_dpi(dpi),
            words,
            geometry: PageGeometry::from(facts),
        }
    }

    /// A white page of `width` × `height` pixels at `dpi` (a PDF page that painted
    /// nothing), without decoding anything: see [`PageImage::white`].
    pub fn white(
        width: u32,
        height: u32,
        dpi: Option<f32>,
        facts: &PreprocessFacts,
    ) -> Result<AccessPage> {
        Ok(AccessPage {
            image: PageImage::white(width, height)?,
            dpi: page_dpi(dpi),
            words: Vec::new(),
            geometry: PageGeometry::from(facts),
        })
    }
}

/// The resolution a page is laid out at: the file's, or [`DEFAULT_DPI`] when it records
/// none or an implausible one.
fn page_dpi(dpi: Option<f32>) -> f32 {
    match dpi {
        Some(d) if (50.0..=2400.0).contains(&d) => d,
        _ => DEFAULT_DPI as f32,
    }
}

/// The document-level metadata written to the XMP packet and the Info dictionary.
#[derive(Debug, Clone, PartialEq)]
pub struct AccessMetadata {
    /// Document title (dc:title): e.g. the document type and trích yếu.
    pub title: String,
    /// The archival identifier (dc:identifier): the mã lưu trữ tài liệu.
    pub identifier: String,
    /// Language as a BCP 47 tag (dc:language, the catalog's /Lang): `vi`.
    pub language: String,
    /// When the copy was made (xmp:CreateDate, `/CreationDate`).
    pub created: DateTime<FixedOffset>,
}

/// Name of the page image in each page's resources.
const IMAGE: &str = "Im0";
/// Name of the glyphless font in each page's resources.
const FONT: &str = "F1";

/// Builds the access-copy PDF/A-2u of a document in memory ([`AccessPdfWriter`] into a
/// `Vec`). Errors when there are no pages or a page has an unusable resolution.
pub fn build_access_pdf(pages: &[AccessPage], meta: &AccessMetadata) -> Result<Vec<u8>> {
    let mut writer = AccessPdfWriter::new(Vec::new(), Path::new("(memory)"), meta)?;
    for page in pages {
        writer.add_page(page)?;
    }
    writer.finish()
}

/// Writes the access-copy PDF/A-2u of a document page by page to `W` (a file in staging,
/// or a `Vec`): each page's objects go out as the page is added, so only the page being
/// added is in memory, whatever the document's length. The font, page tree, metadata,
/// catalog and cross-reference table follow in [`AccessPdfWriter::finish`]. The same pages
/// and metadata always give the same bytes.
pub struct AccessPdfWriter<W: Write> {
    out: Counting<W>,
    /// Names the destination in I/O errors.
    name: PathBuf,
    meta: AccessMetadata,
    /// Byte offset of each object written, by id; ids are given out from 1 without gaps.
    offsets: BTreeMap<u32, u64>,
    next_id: u32,
    pages_id: u32,
    /// The glyphless font's id, given out when the first page with words needs it.
    font_id: Option<u32>,
    used: BTreeSet<u16>,
    kids: Vec<Object>,
    id_hash: Sha256,
}

impl<W: Write> AccessPdfWriter<W> {
    /// Starts the file: writes the header. `name` names `out` in I/O errors.
    pub fn new(out: W, name: &Path, meta: &AccessMetadata) -> Result<Self> {
        let mut writer = AccessPdfWriter {
            out: Counting {
                inner: out,
                written: 0,
            },
            name: name.to_path_buf(),
            meta: meta.clone(),
            offsets: BTreeMap::new(),
            next_id: 1,
            pages_id: 0,
            font_id: None,
            used: BTreeSet::new(),
            kids: Vec::new(),
            id_hash: Sha256::new(),
        };
        writer.pages_id = writer.reserve();
        // `%PDF-1.7` and a comment of bytes ≥ 128: the file is binary.
        writer.io(|out| out.write_all(b"%PDF-1.7\n%\xBB\xAD\xC0\xDE\n"))?;
        Ok(writer)
    }

    /// Writes one page: its image, its content stream (the image and the invisible text
    /// layer) and its page dictionary. Errors on an unusable resolution.
    pub fn add_page(&mut self, page: &AccessPage) -> Result<()> {
        if !(page.dpi.is_finite() && page.dpi > 0.0) {
            return Err(Error::Pdf(format!(
                "page {}: invalid resolution {} dpi",
                self.kids.len() + 1,
                page.dpi
            )));
        }
        let (width, height) = (page.image.width(), page.image.height());
        let scale = 72.0 / f64::from(page.dpi);
        let (page_w, page_h) = (f64::from(width) * scale, f64::from(height) * scale);
        let placement = text::Placement::new(width, height, f64::from(page.dpi), page.geometry);
        let words = text::text_layer(&page.words, &placement, FONT, &mut self.used);
        let content = format!(
            "q {} 0 0 {} 0 0 cm /{IMAGE} Do Q\n{words}",
            text::num(page_w),
            text::num(page_h)
        );
        self.id_hash.update(page.image.data());
        self.id_hash.update(content.as_bytes());
        let image = self.reserve();
        self.write_stream(image, &page.image.stream_dict(), page.image.data())?;
        let contents = self.reserve();
        let content = image::deflate(content.as_bytes())?;
        let dict = dictionary! { "Filter" => "FlateDecode", "Length" => stream_length(&content) };
        self.write_stream(contents, &dict, &content)?;
        let mut resources = dictionary! { "XObject" => dictionary! { IMAGE => (image, 0) } };
        if !words.is_empty() {
            let font = if let Some(id) = self.font_id {
                id
            } else {
                let id = self.reserve();
                self.font_id = Some(id);
                id
            };
            resources.set("Font", dictionary! { FONT => (font, 0) });
        }
        let mut page_dict = dictionary! {
            "Type" => "Page",
            "Parent" => (self.pages_id, 0),
            "MediaBox" => vec![0.into(), 0.into(), real(page_w), real(page_h)],
            "Resources" => resources,
            "Contents" => (contents, 0),
        };
        if !page.geometry.rotation.is_multiple_of(360) {
            page_dict.set("Rotate", i64::from(page.geometry.rotation % 360));
        }
        let id = self.reserve();
        self.write_object(id, &Object::Dictionary(page_dict))?;
        self.kids.push(Object::Reference((id, 0)));
        Ok(())
    }

    /// Writes the font (when a page has words), the page tree, the XMP metadata, the output
    /// intent, the catalog, the Info dictionary, the cross-reference table and the trailer;
    /// returns the destination. Errors when no page was added.
    pub fn finish(mut self) -> Result<W> {
        if self.kids.is_empty() {
            return Err(Error::Pdf("a document needs at least one page".into()));
        }
        // The objects after the pages, made by lopdf in a document numbered on from ours.
        let mut tail = Document::with_version("1.7");
        tail.max_id = self.next_id - 1;
        if let Some(font_id) = self.font_id {
            pdfa::glyphless_font(&mut tail, (font_id, 0), &self.used)?;
        }
        tail.objects.insert(
            (self.pages_id, 0),
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Count" => i64::try_from(self.kids.len()).expect("a PDF's page count fits i64"),
                "Kids" => std::mem::take(&mut self.kids),
            }),
        );
        let xmp = pdfa::xmp(&self.meta);
        let mut metadata = Stream::new(
            dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
            xmp.clone().into_bytes(),
        );
        metadata.allows_compression = false;
        let metadata = tail.add_object(metadata);
        let output_intents = pdfa::output_intents(&mut tail)?;
        let catalog = tail.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => (self.pages_id, 0),
            "Metadata" => metadata,
            "OutputIntents" => output_intents,
            "Lang" => Object::string_literal(self.meta.language.as_str()),
            "ViewerPreferences" => dictionary! { "DisplayDocTitle" => true },
        });
        let info = tail.add_object(pdfa::info(&self.meta));
        self.next_id = tail.max_id + 1;
        for (&(id, _), object) in &tail.objects {
            self.write_object(id, object)?;
        }
        self.id_hash.update(xmp.as_bytes());
        let file_id = self.id_hash.clone().finalize()[..16].to_vec();
        let trailer = dictionary! {
            "Root" => catalog,
            "Info" => info,
            "ID" => vec![
                Object::String(file_id.clone(), StringFormat::Hexadecimal),
                Object::String(file_id, StringFormat::Hexadecimal),
            ],
            "Size" => i64::from(self.next_id),
        };
        let xref_start = self.out.written;
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", self.next_id);
        for id in 1..self.next_id {
            let offset = self
                .offsets
                .get(&id)
                .ok_or_else(|| Error::Pdf(format!("object {id} was numbered but never written")))?;
            writeln!(table, "{offset:010} 00000 n ").expect("a String takes any text");
        }
        self.io(|out| {
            out.write_all(table.as_bytes())?;
            out.write_all(b"trailer\n")?;
            Writer::write_object(out, &Object::Dictionary(trailer))?;
            write!(out, "\nstartxref\n{xref_start}\n%%EOF")?;
            out.flush()
        })?;
        Ok(self.out.inner)
    }

    /// The next object id.
    fn reserve(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Writes object `id` as `id 0 obj … endobj`, as lopdf's own save frames it.
    fn write_object(&mut self, id: u32, object: &Object) -> Result<()> {
        self.offsets.insert(id, self.out.written);
        self.io(|out| {
            let open = if Writer::need_separator(object) {
                " "
            } else {
                ""
            };
            write!(out, "{id} 0 obj\n{open}")?;
            Writer::write_object(out, object)?;
            let close = if Writer::need_end_separator(object) {
                " "
            } else {
                ""
            };
            writeln!(out, "{close}\nendobj")
        })
    }

    /// Writes stream object `id` (`dict` must give its `/Length`) from `data` as it is.
    fn write_stream(&mut self, id: u32, dict: &Dictionary, data: &[u8]) -> Result<()> {
        self.offsets.insert(id, self.out.written);
        self.io(|out| {
            writeln!(out, "{id} 0 obj")?;
            Writer::write_object(out, &Object::Dictionary(dict.clone()))?;
            out.write_all(b"stream\n")?;
            out.write_all(data)?;
            out.write_all(b"\nendstream\nendobj\n")
        })
    }

    fn io(&mut self, f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
        f(&mut self.out).map_err(|e| Error::io(&self.name, e))
    }
}

/// A stream's `/Length`.
fn stream_length(data: &[u8]) -> i64 {
    i64::try_from(data.len()).expect("a stream's length fits i64")
}

/// Counts the bytes written through it (object offsets for the cross-reference table).
struct Counting<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn real(v: f64) -> Object {
    Object::Real(v as f32)
}
