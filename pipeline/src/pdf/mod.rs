//! The access copy: a document's pages in, the bytes of one two-layer PDF/A-2u out.
//!
//! In: one [`AccessPage`] per page of the document (its scan image as scanned, encoded by
//! [`PageImage::from_decoded`], its resolution, its OCR words and the [`PageGeometry`] that
//! preprocessing applied before OCR) and the document's [`AccessMetadata`].
//! Out: the PDF's bytes ([`build_access_pdf`]). The caller names the file
//! (`{mã hồ sơ}.{NNNNNNN}.pdf`) and stores it.
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

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};
use lopdf::xref::{Xref, XrefType};
use lopdf::{dictionary, Document, Object, Stream, StringFormat};
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

/// Builds the access-copy PDF/A-2u of a document. Errors when there are no pages or a page
/// has an unusable resolution.
pub fn build_access_pdf(pages: &[AccessPage], meta: &AccessMetadata) -> Result<Vec<u8>> {
    if pages.is_empty() {
        return Err(Error::Pdf("a document needs at least one page".into()));
    }
    let mut doc = Document::with_version("1.7");
    doc.reference_table = Xref::new(0, XrefType::CrossReferenceTable);
    let pages_id = doc.new_object_id();
    let font_id = doc.new_object_id();
    let mut id_hash = Sha256::new();
    let mut used = BTreeSet::new();
    let mut kids = Vec::with_capacity(pages.len());
    for (n, page) in pages.iter().enumerate() {
        if !(page.dpi.is_finite() && page.dpi > 0.0) {
            return Err(Error::Pdf(format!(
                "page {}: invalid resolution {} dpi",
                n + 1,
                page.dpi
            )));
        }
        let (width, height) = (page.image.width(), page.image.height());
        let scale = 72.0 / f64::from(page.dpi);
        let (page_w, page_h) = (f64::from(width) * scale, f64::from(height) * scale);
        let placement = text::Placement::new(width, height, f64::from(page.dpi), page.geometry);
        let words = text::text_layer(&page.words, &placement, FONT, &mut used);
        let content = format!(
            "q {} 0 0 {} 0 0 cm /{IMAGE} Do Q\n{words}",
            text::num(page_w),
            text::num(page_h)
        );
        id_hash.update(page.image.data());
        id_hash.update(content.as_bytes());
        let mut contents = Stream::new(
            dictionary! { "Filter" => "FlateDecode" },
            image::deflate(content.as_bytes())?,
        );
        contents.allows_compression = false;
        let contents = doc.add_object(contents);
        let image = doc.add_object(page.image.to_stream());
        let mut resources = dictionary! { "XObject" => dictionary! { IMAGE => image } };
        if !words.is_empty() {
            resources.set("Font", dictionary! { FONT => font_id });
        }
        let mut page_dict = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), real(page_w), real(page_h)],
            "Resources" => resources,
            "Contents" => contents,
        };
        if page.geometry.rotation % 360 != 0 {
            page_dict.set("Rotate", i64::from(page.geometry.rotation % 360));
        }
        kids.push(Object::Reference(doc.add_object(page_dict)));
    }
    if !used.is_empty() {
        pdfa::glyphless_font(&mut doc, font_id, &used)?;
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Count" => i64::try_from(kids.len()).expect("a PDF's page count fits i64"),
            "Kids" => kids,
        }),
    );
    let mut metadata = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        pdfa::xmp(meta).into_bytes(),
    );
    metadata.allows_compression = false;
    let metadata = doc.add_object(metadata);
    let output_intents = pdfa::output_intents(&mut doc)?;
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "Metadata" => metadata,
        "OutputIntents" => output_intents,
        "Lang" => Object::string_literal(meta.language.as_str()),
        "ViewerPreferences" => dictionary! { "DisplayDocTitle" => true },
    });
    let info = doc.add_object(pdfa::info(meta));
    id_hash.update(pdfa::xmp(meta).as_bytes());
    let file_id = id_hash.finalize()[..16].to_vec();
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    doc.trailer.set(
        "ID",
        vec![
            Object::String(file_id.clone(), StringFormat::Hexadecimal),
            Object::String(file_id, StringFormat::Hexadecimal),
        ],
    );
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| Error::Pdf(format!("cannot write the PDF: {e}")))?;
    Ok(out)
}

fn real(v: f64) -> Object {
    Object::Real(v as f32)
}
