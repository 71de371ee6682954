//! PDF scans, read with `lopdf`.
//!
//! In: a PDF file and a 1-based page number.
//! Out: the page image, its technical metadata and the page's existing text (if it has text
//! operators). One walk over the page's content stream (and the form `XObjects` it draws)
//! collects the images drawn with their placement, whether anything else is painted, and the
//! text shown, visible or not (an OCR layer is invisible text, render mode 3).
//!
//! A page that paints exactly one image covering the whole page and nothing else visible is
//! decoded natively when that image is a JPEG (`DCTDecode`: bytes to `image`), CCITT Group 4
//! (through the `tiff` crate's G4 decoder) or uncompressed, Flate, LZW or `RunLength` data in
//! 8-bit gray or RGB or 1-bit gray. Any other page (CCITT G3, JBIG2 or JPEG 2000 images,
//! vector drawing, visible text, several images) is rendered by `pdftoppm`
//! ([`super::render`]): at the scanned image's own resolution when the page is one scanned
//! image, else at 300 dpi. The page's /Rotate is applied either way.
//!
//! A page that paints nothing at all is white at 300 dpi, made without the renderer.
//!
//! Resolution = image width / (`MediaBox` width / 72). Encrypted PDFs are refused. Every image
//! the page draws has its declared size checked before anything is decoded or rendered.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use image::{DynamicImage, GrayImage, ImageFormat, RgbImage};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, Stream};

use super::{
    check_dimensions, pixels, raster, render, round_dpi, DecodedPage, ScanFormat, TechnicalMetadata,
};
use crate::{Error, Result};

/// Bound on the decompressed size of one content stream (page or form).
const CONTENT_LIMIT: usize = 64 << 20;
/// How deep form `XObjects` may nest inside each other.
const MAX_FORM_DEPTH: usize = 8;
/// Resolution for pages that are not one scanned image.
const RENDER_DPI: f64 = 300.0;
/// The "compression" of a page that paints nothing, made white without rendering.
pub const EMPTY_PAGE: &str = "empty page";

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// A white page of `w` × `h` (dimensions checked): filled as one block of bytes, which
/// costs a memset, where `GrayImage::from_pixel` writes pixel by pixel.
pub(crate) fn white(w: u32, h: u32) -> GrayImage {
    let bytes = vec![255_u8; w as usize * h as usize];
    GrayImage::from_raw(w, h, bytes).expect("the buffer holds w × h pixels")
}

/// The number of pages; an error naming the file when the page tree loops back on itself
/// or holds no page (such a file would otherwise give no page at all, and vanish).
pub(super) fn page_count(path: &Path) -> Result<u32> {
    let doc = document(path, None)?;
    check_page_tree(&doc).map_err(|m| Error::decode(path, None, m))?;
    match doc.get_pages().len() as u32 {
        0 => Err(Error::decode(
            path,
            None,
            "the PDF has no pages (its page tree is empty)",
        )),
        n => Ok(n),
    }
}

/// Walks the page tree from the catalog's /Pages: an intermediate node (one with /Kids)
/// reached a second time means the tree loops, which lopdf would walk until its iteration
/// limit, giving no pages or repeated ones.
fn check_page_tree(doc: &Document) -> std::result::Result<(), String> {
    let Ok(root) = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
    else {
        return Err("the PDF has no page tree (/Pages in its catalog)".into());
    };
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        let Ok(kids) = doc
            .get_dictionary(id)
            .and_then(|node| node.get_deref(b"Kids", doc))
            .and_then(Object::as_array)
        else {
            continue; // a page (leaf)
        };
        if !seen.insert(id) {
            return Err(format!(
                "the page tree loops: page tree node {} {} R is its own descendant or listed twice",
                id.0, id.1
            ));
        }
        stack.extend(kids.iter().filter_map(|k| k.as_reference().ok()));
    }
    Ok(())
}

pub(super) fn decode_page(path: &Path, page: u32) -> Result<DecodedPage> {
    let err = |m: String| Error::decode(path, Some(page), m);
    let doc = document(path, Some(page))?;
    let doc = doc.as_ref();
    let pages = doc.get_pages();
    let page_id = *pages.get(&page).ok_or_else(|| {
        err(format!(
            "page {page} does not exist (the PDF has {} pages)",
            pages.len()
        ))
    })?;
    let page_dict = doc
        .get_dictionary(page_id)
        .map_err(|e| err(format!("cannot read the page: {e}")))?;
    let media_box = media_box(doc, page_dict);
    let (box_w, box_h) = (media_box[2] - media_box[0], media_box[3] - media_box[1]);
    if box_w < 1.0 || box_h < 1.0 {
        return Err(err(format!("page has an empty MediaBox {media_box:?}")));
    }
    let rotate = inherited(doc, page_dict, b"Rotate")
        .and_then(|o| o.as_i64().ok())
        .map_or(0, |r| r.rem_euclid(360));

    let mut walk = Walk::new(doc);
    match doc.get_page_content_with_limit(page_id, CONTENT_LIMIT) {
        Ok(content) => {
            let resources = inherited(doc, page_dict, b"Resources").and_then(|o| o.as_dict().ok());
            walk.run(&content, resources, IDENTITY, 0);
        }
        Err(e) => {
            tracing::debug!(
                path = %path.display(),
                page,
                error = %e,
                "cannot read page content; rendering"
            );
            walk.unreadable = true;
        }
    }

    for drawn in &walk.images {
        let (w, h) = declared_size(doc, &drawn.stream.dict);
        check_dimensions(path, page, w, h)?;
    }

    // The one scanned image that makes up the page, if the page is one.
    let scan = match walk.images.as_slice() {
        [only] if covers(&only.ctm, &media_box) => Some(only),
        _ => None,
    };
    let clean = !walk.other_marks && !walk.visible_text && !walk.unreadable;
    let text_layer = walk.text_layer();

    // A page that paints nothing (no image, no drawing, no visible text, no annotation) is
    // white: made here at the rendering resolution, 1-bit, instead of by the renderer (a
    // small PDF can declare thousands of such pages, each a render, again for the access copy).
    if walk.images.is_empty() && clean && page_dict.get(b"Annots").is_err() {
        let w = (box_w * RENDER_DPI / 72.0).ceil().min(f64::from(u32::MAX)) as u32;
        let h = (box_h * RENDER_DPI / 72.0).ceil().min(f64::from(u32::MAX)) as u32;
        check_dimensions(path, page, w, h)?;
        let image = rotated(DynamicImage::ImageLuma8(white(w, h)), rotate);
        return Ok(DecodedPage {
            embedded_jpeg: None,
            rendered: false,
            technical: TechnicalMetadata {
                format: ScanFormat::Pdf,
                width: image.width(),
                height: image.height(),
                dpi: Some(round_dpi(RENDER_DPI as f32)),
                bits_per_sample: 1,
                samples_per_pixel: 1,
                compression: EMPTY_PAGE.into(),
            },
            image,
            text_layer,
        });
    }

    if let (Some(scan), true) = (scan, clean) {
        if let Some(native) = native_image(doc, path, page, scan.stream)? {
            let dpi = round_dpi((f64::from(native.stored_width) * 72.0 / box_w) as f32);
            let image = rotated(native.image, rotate);
            return Ok(DecodedPage {
                embedded_jpeg: native.jpeg.filter(|_| rotate == 0),
                rendered: false,
                technical: TechnicalMetadata {
                    format: ScanFormat::Pdf,
                    width: image.width(),
                    height: image.height(),
                    dpi: Some(dpi),
                    bits_per_sample: native.bits,
                    samples_per_pixel: native.samples,
                    compression: native.compression.into(),
                },
                image,
                text_layer,
            });
        }
    }

    // Render: at the scan's own resolution when the page is one scanned image.
    let (dpi, gray) = match scan {
        Some(scan) => {
            let (w, _) = declared_size(doc, &scan.stream.dict);
            let dpi = (f64::from(w) * 72.0 / box_w).clamp(72.0, 1200.0);
            (dpi, clean && stored_gray(doc, &scan.stream.dict))
        }
        None => (RENDER_DPI, false),
    };
    let render_w = (box_w * dpi / 72.0).ceil().min(f64::from(u32::MAX)) as u32;
    let render_h = (box_h * dpi / 72.0).ceil().min(f64::from(u32::MAX)) as u32;
    check_dimensions(path, page, render_w, render_h)?;
    let image = render::render_page(path, page, dpi, gray)?;
    let samples = if gray { 1 } else { 3 };
    let (bits, samples, compression) = match scan {
        Some(scan) => stored_properties(doc, &scan.stream.dict),
        None => (8, samples, "rendered".to_string()),
    };
    Ok(DecodedPage {
        embedded_jpeg: None,
        rendered: true,
        technical: TechnicalMetadata {
            format: ScanFormat::Pdf,
            width: image.width(),
            height: image.height(),
            dpi: Some(round_dpi(dpi as f32)),
            bits_per_sample: bits,
            samples_per_pixel: samples,
            compression,
        },
        image,
        text_layer,
    })
}

/// Which file a loaded document came from: path, size and modification time.
type DocumentKey = (PathBuf, u64, Option<SystemTime>);

/// The documents loaded last. Pages of one PDF are decoded one call at a time, often by
/// several workers at once, and parsing a 70 MB scan takes about 0.1 s: keep the last two
/// documents instead of parsing the file again for each of its pages.
static DOCUMENTS: Mutex<Vec<(DocumentKey, Arc<Document>)>> = Mutex::new(Vec::new());
const CACHED_DOCUMENTS: usize = 2;

/// The parsed document of `path`, from the cache when the file has not changed.
fn document(path: &Path, page: Option<u32>) -> Result<Arc<Document>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    let key: DocumentKey = (path.to_path_buf(), meta.len(), meta.modified().ok());
    let cached = |docs: &mut Vec<(DocumentKey, Arc<Document>)>| {
        let at = docs.iter().position(|(k, _)| *k == key)?;
        let entry = docs.remove(at);
        let doc = Arc::clone(&entry.1);
        docs.push(entry); // most recently used last
        Some(doc)
    };
    if let Some(doc) = DOCUMENTS.lock().ok().as_deref_mut().and_then(cached) {
        return Ok(doc);
    }
    let doc = Arc::new(load(path, page)?);
    if let Ok(mut docs) = DOCUMENTS.lock() {
        if cached(&mut docs).is_none() {
            if docs.len() >= CACHED_DOCUMENTS {
                docs.remove(0);
            }
            docs.push((key, Arc::clone(&doc)));
        }
    }
    Ok(doc)
}

/// Loads the document; refuses encrypted ones.
fn load(path: &Path, page: Option<u32>) -> Result<Document> {
    const ENCRYPTED: &str = "encrypted PDF is not supported";
    let doc = match Document::load(path) {
        Ok(doc) => doc,
        Err(e) => {
            // A file lopdf cannot open may still be an encrypted one: say so if it is.
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            if bytes.windows(8).any(|w| w == b"/Encrypt") {
                return Err(Error::decode(path, page, ENCRYPTED));
            }
            return Err(Error::decode(path, page, format!("cannot read PDF: {e}")));
        }
    };
    if doc.trailer.get(b"Encrypt").is_ok() || doc.was_encrypted() {
        return Err(Error::decode(path, page, ENCRYPTED));
    }
    if let Some(content) = active_content(&doc) {
        return Err(Error::decode(
            path,
            page,
            format!(
                "PDF carries {content}: active content and attachments are not accepted into \
                 the archive (PDF/A forbids them); save the scan again without it"
            ),
        ));
    }
    Ok(doc)
}

/// What a PDF carries beyond page images and text: JavaScript, launch actions or embedded
/// files, looked for in every object and the dictionaries nested in them (catalog, name
/// trees, annotations, actions).
fn active_content(doc: &Document) -> Option<&'static str> {
    doc.objects
        .values()
        .find_map(|object| active_content_in(object, 0))
}

fn active_content_in(object: &Object, depth: usize) -> Option<&'static str> {
    if depth > 32 {
        return None;
    }
    let dict = match object {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        Object::Array(items) => {
            return items.iter().find_map(|o| active_content_in(o, depth + 1));
        }
        _ => return None,
    };
    let name_is = |key: &[u8], value: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(|o| o.as_name().ok())
            .is_some_and(|n| n == value)
    };
    if dict.has(b"JS") || dict.has(b"JavaScript") || name_is(b"S", b"JavaScript") {
        return Some("JavaScript");
    }
    if name_is(b"S", b"Launch") {
        return Some("a launch action");
    }
    if dict.has(b"EmbeddedFiles") || dict.has(b"EF") || name_is(b"Type", b"EmbeddedFile") {
        return Some("an embedded file");
    }
    dict.iter()
        .find_map(|(_, value)| active_content_in(value, depth + 1))
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map_or(object, |(_, o)| o)
}

fn number(doc: &Document, object: &Object) -> Option<f64> {
    deref(doc, object).as_float().ok().map(f64::from)
}

/// A page attribute, looked up through the page tree (`MediaBox`, Resources, Rotate inherit).
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(value) = node.get(key) {
            return Some(deref(doc, value));
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// The page's `MediaBox` as [x0, y0, x1, y1] with x0 < x1 and y0 < y1 (US Letter if absent).
fn media_box(doc: &Document, page: &Dictionary) -> [f64; 4] {
    let values: Option<Vec<f64>> = inherited(doc, page, b"MediaBox")
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.iter().map(|v| number(doc, v)).collect());
    match values.as_deref() {
        Some(&[x0, y0, x1, y1]) => [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)],
        _ => [0.0, 0.0, 612.0, 792.0],
    }
}

/// `m` × `n` for PDF matrices [a b c d e f].
fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// Whether an image drawn with `ctm` (the unit square mapped to the page) fills the page,
/// upright and unmirrored, within 1% (at least 1 pt) on each edge.
fn covers(ctm: &Matrix, media_box: &[f64; 4]) -> bool {
    let [a, b, c, d, e, f] = *ctm;
    let scale = a.abs().max(d.abs());
    if a <= 0.0 || d <= 0.0 || b.abs() > 1e-3 * scale || c.abs() > 1e-3 * scale {
        return false;
    }
    let [x0, y0, x1, y1] = *media_box;
    let tol_x = (0.01 * (x1 - x0)).max(1.0);
    let tol_y = (0.01 * (y1 - y0)).max(1.0);
    (e - x0).abs() <= tol_x
        && (e + a - x1).abs() <= tol_x
        && (f - y0).abs() <= tol_y
        && (f + d - y1).abs() <= tol_y
}

/// An image `XObject` drawn on the page.
struct Drawn<'a> {
    stream: &'a Stream,
    ctm: Matrix,
}

/// Where the next piece of text goes relative to the previous one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Space,
    Line,
}

/// Graphics state that matters here, saved by `q` and restored by `Q`.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    render_mode: i64,
    font: Vec<u8>,
}

/// One walk over a page's content: images drawn, other marks, text.
struct Walk<'a> {
    doc: &'a Document,
    images: Vec<Drawn<'a>>,
    /// Vector paths, shadings, inline images, forms nested too deep.
    other_marks: bool,
    /// Text shown with a render mode that paints it (not 3 "invisible" or 7 "clip").
    visible_text: bool,
    /// The page's content could not be read or parsed.
    unreadable: bool,
    had_text: bool,
    text: String,
    pending: Break,
    line_y: Option<f64>,
}

impl<'a> Walk<'a> {
    fn new(doc: &'a Document) -> Self {
        Walk {
            doc,
            images: Vec::new(),
            other_marks: false,
            visible_text: false,
            unreadable: false,
            had_text: false,
            text: String::new(),
            pending: Break::None,
            line_y: None,
        }
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        ctm: Matrix,
        depth: usize,
    ) {
        let Ok(content) = Content::decode(content) else {
            self.unreadable = true;
            return;
        };
        let doc = self.doc;
        let mut fonts: HashMap<Vec<u8>, Option<Encoding<'a>>> = HashMap::new();
        let mut state = State {
            ctm,
            render_mode: 0,
            font: Vec::new(),
        };
        let mut saved: Vec<State> = Vec::new();
        for op in &content.operations {
            let nums =
                || -> Vec<f64> { op.operands.iter().filter_map(|o| number(doc, o)).collect() };
            match op.operator.as_str() {
                "q" => saved.push(state.clone()),
                "Q" => {
                    if let Some(s) = saved.pop() {
                        state = s;
                    }
                }
                "cm" => {
                    if let [a, b, c, d, e, f] = nums()[..] {
                        state.ctm = multiply(&[a, b, c, d, e, f], &state.ctm);
                    }
                }
                "Tf" => {
                    if let Some(Ok(name)) = op.operands.first().map(Object::as_name) {
                        state.font = name.to_vec();
                    }
                }
                "Tr" => {
                    if let Some(mode) = op.operands.first().and_then(|o| o.as_i64().ok()) {
                        state.render_mode = mode;
                    }
                }
                "Td" | "TD" => {
                    if let [tx, ty] = nums()[..] {
                        if ty.abs() > 1e-3 {
                            self.pending = self.pending.max(Break::Line);
                            self.line_y = self.line_y.map(|y| y + ty);
                        } else if tx.abs() > 1e-3 {
                            self.pending = self.pending.max(Break::Space);
                        }
                    }
                }
                "Tm" => {
                    if let [.., y] = nums()[..] {
                        let same_line = self.line_y.is_some_and(|l| (l - y).abs() < 1e-3);
                        let brk = if same_line { Break::Space } else { Break::Line };
                        self.pending = self.pending.max(brk);
                        self.line_y = Some(y);
                    }
                }
                "T*" => self.pending = self.pending.max(Break::Line),
                "ET" => self.pending = self.pending.max(Break::Space),
                "Tj" | "TJ" | "'" | "\"" => {
                    self.had_text = true;
                    if !matches!(state.render_mode, 3 | 7) {
                        self.visible_text = true;
                    }
                    if op.operator != "Tj" && op.operator != "TJ" {
                        self.pending = self.pending.max(Break::Line);
                    }
                    let encoding = fonts
                        .entry(state.font.clone())
                        .or_insert_with(|| font_encoding(doc, resources, &state.font));
                    if let Some(encoding) = encoding.as_ref() {
                        let strings = match op.operator.as_str() {
                            "TJ" => op
                                .operands
                                .first()
                                .and_then(|o| o.as_array().ok())
                                .map(std::vec::Vec::as_slice)
                                .unwrap_or_default(),
                            "\"" => op.operands.get(2..3).unwrap_or_default(),
                            _ => op.operands.get(..1).unwrap_or_default(),
                        };
                        for item in strings {
                            match item {
                                Object::String(bytes, _) => {
                                    if let Ok(s) = encoding.bytes_to_string(bytes) {
                                        self.push_text(&s);
                                    }
                                }
                                // A large negative kerning in TJ is a word gap.
                                other => {
                                    if other.as_float().is_ok_and(|n| n <= -200.0) {
                                        self.pending = self.pending.max(Break::Space);
                                    }
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(Ok(name)) = op.operands.first().map(Object::as_name) {
                        self.draw_xobject(resources, name, &state.ctm, depth);
                    }
                }
                "BI" | "sh" | "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                    self.other_marks = true;
                }
                _ => {}
            }
        }
    }

    fn draw_xobject(
        &mut self,
        resources: Option<&'a Dictionary>,
        name: &[u8],
        ctm: &Matrix,
        depth: usize,
    ) {
        let doc = self.doc;
        let stream = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| deref(doc, x).as_dict().ok())
            .and_then(|x| x.get(name).ok())
            .and_then(|x| deref(doc, x).as_stream().ok());
        let Some(stream) = stream else {
            // Drawing something we cannot see: let the renderer deal with it.
            self.other_marks = true;
            return;
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.images.push(Drawn { stream, ctm: *ctm }),
            Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                let Ok(content) = stream.decompressed_content_with_limit(CONTENT_LIMIT) else {
                    self.unreadable = true;
                    return;
                };
                let matrix = stream
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|m| deref(doc, m).as_array().ok())
                    .and_then(|a| a.iter().map(|v| number(doc, v)).collect::<Option<Vec<_>>>())
                    .and_then(|v| <[f64; 6]>::try_from(v).ok())
                    .unwrap_or(IDENTITY);
                let form_resources = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|r| deref(doc, r).as_dict().ok())
                    .or(resources);
                self.run(&content, form_resources, multiply(&matrix, ctm), depth + 1);
            }
            _ => self.other_marks = true,
        }
    }

    fn push_text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            let last_is_space = self.text.ends_with(char::is_whitespace);
            match self.pending {
                Break::Line if !self.text.ends_with('\n') => {
                    while self.text.ends_with([' ', '\t']) {
                        self.text.pop();
                    }
                    self.text.push('\n');
                }
                Break::Space if !last_is_space && !s.starts_with(char::is_whitespace) => {
                    self.text.push(' ');
                }
                _ => {}
            }
        }
        self.pending = Break::None;
        self.text.push_str(s);
    }

    /// The text shown on the page, lines trimmed; None without text operators or characters.
    fn text_layer(&self) -> Option<String> {
        if !self.had_text {
            return None;
        }
        let lines: Vec<&str> = self
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        (!lines.is_empty()).then(|| lines.join("\n"))
    }
}

/// The encoding of font `name` in `resources`, if it can be found and understood.
fn font_encoding<'a>(
    doc: &'a Document,
    resources: Option<&'a Dictionary>,
    name: &[u8],
) -> Option<Encoding<'a>> {
    let font = resources?
        .get(b"Font")
        .ok()
        .and_then(|f| deref(doc, f).as_dict().ok())?
        .get(name)
        .ok()
        .and_then(|f| deref(doc, f).as_dict().ok())?;
    font.get_font_encoding_with_limit(doc, CONTENT_LIMIT).ok()
}

fn dict_u32(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<u32> {
    let value = deref(doc, dict.get(key).ok()?).as_i64().ok()?;
    u32::try_from(value).ok()
}

/// Width and Height an image `XObject` declares (0 when missing or invalid).
fn declared_size(doc: &Document, dict: &Dictionary) -> (u32, u32) {
    (
        dict_u32(doc, dict, b"Width").unwrap_or(0),
        dict_u32(doc, dict, b"Height").unwrap_or(0),
    )
}

/// The image's filter names, in decoding order.
fn filters<'a>(doc: &'a Document, dict: &'a Dictionary) -> Vec<&'a [u8]> {
    match dict.get(b"Filter").map(|f| deref(doc, f)) {
        Ok(Object::Name(name)) => vec![name.as_slice()],
        Ok(Object::Array(items)) => items
            .iter()
            .filter_map(|i| deref(doc, i).as_name().ok())
            .collect(),
        _ => Vec::new(),
    }
}

/// Number of colour components of a gray or RGB colour space; None for anything else.
fn colour_components(doc: &Document, dict: &Dictionary) -> Option<u8> {
    let space = deref(doc, dict.get(b"ColorSpace").ok()?);
    match space {
        Object::Name(name) => match name.as_slice() {
            b"DeviceGray" | b"CalGray" | b"G" => Some(1),
            b"DeviceRGB" | b"CalRGB" | b"RGB" => Some(3),
            _ => None,
        },
        Object::Array(items) => match items.first().map(|i| deref(doc, i).as_name()) {
            Some(Ok(b"CalGray")) => Some(1),
            Some(Ok(b"CalRGB")) => Some(3),
            Some(Ok(b"ICCBased")) => {
                let profile = deref(doc, items.get(1)?).as_stream().ok()?;
                match dict_u32(doc, &profile.dict, b"N")? {
                    1 => Some(1),
                    3 => Some(3),
                    _ => None,
                }
            }
            _ => None,
        },
        _ => None,
    }
}

/// Whether the stored image is gray or bilevel (then the page is rendered in gray).
fn stored_gray(doc: &Document, dict: &Dictionary) -> bool {
    let mask = matches!(dict.get(b"ImageMask"), Ok(Object::Boolean(true)));
    let bilevel_filter = filters(doc, dict)
        .iter()
        .any(|f| matches!(*f, b"CCITTFaxDecode" | b"CCF" | b"JBIG2Decode"));
    mask || bilevel_filter || colour_components(doc, dict) == Some(1)
}

/// Bits per sample, samples per pixel and compression of a stored image, as in the file.
fn stored_properties(doc: &Document, dict: &Dictionary) -> (u8, u8, String) {
    let bits = dict_u32(doc, dict, b"BitsPerComponent")
        .unwrap_or(1)
        .min(255) as u8;
    let samples = if stored_gray(doc, dict) {
        1
    } else {
        colour_components(doc, dict).unwrap_or(3)
    };
    let filters = filters(doc, dict);
    let compression = match filters.last().copied() {
        None => "none".to_string(),
        Some(b"CCITTFaxDecode" | b"CCF") => match ccitt_params(doc, dict) {
            Some(p) if p.k < 0 => "ccitt-g4".to_string(),
            _ => "ccitt-g3".to_string(),
        },
        Some(f) => filter_name(f),
    };
    (bits, samples, compression)
}

fn filter_name(filter: &[u8]) -> String {
    match filter {
        b"DCTDecode" | b"DCT" => "dct".into(),
        b"FlateDecode" | b"Fl" => "flate".into(),
        b"LZWDecode" | b"LZW" => "lzw".into(),
        b"RunLengthDecode" | b"RL" => "runlength".into(),
        b"JBIG2Decode" => "jbig2".into(),
        b"JPXDecode" => "jpx".into(),
        other => String::from_utf8_lossy(other)
            .trim_end_matches("Decode")
            .to_ascii_lowercase(),
    }
}

/// An image decoded from its stored bytes.
struct Native {
    image: DynamicImage,
    stored_width: u32,
    bits: u8,
    samples: u8,
    compression: &'static str,
    /// The JPEG bytes, when the image is one shown exactly as decoded.
    jpeg: Option<Vec<u8>>,
}

/// Decodes an image `XObject` natively, or None when it needs the renderer. Errors are for
/// damaged data (which the renderer could not fix either).
fn native_image(doc: &Document, path: &Path, page: u32, stream: &Stream) -> Result<Option<Native>> {
    let err = |m: String| Error::decode(path, Some(page), m);
    let dict = &stream.dict;
    if matches!(dict.get(b"ImageMask"), Ok(Object::Boolean(true)))
        || dict.get(b"SMask").is_ok()
        || dict.get(b"Mask").is_ok()
    {
        return Ok(None);
    }
    let Some(components) = colour_components(doc, dict) else {
        return Ok(None);
    };
    let (width, height) = declared_size(doc, dict);
    check_dimensions(path, page, width, height)?;
    let bits = dict_u32(doc, dict, b"BitsPerComponent").unwrap_or(8);
    let invert = match dict.get(b"Decode").map(|d| deref(doc, d)) {
        Err(_) => false,
        Ok(Object::Array(values)) => {
            let values: Option<Vec<f64>> = values.iter().map(|v| number(doc, v)).collect();
            let values = values.unwrap_or_default();
            let pairs: Vec<(f64, f64)> = values.chunks_exact(2).map(|p| (p[0], p[1])).collect();
            if pairs.len() != usize::from(components) {
                return Ok(None);
            }
            if pairs.iter().all(|&p| p == (0.0, 1.0)) {
                false
            } else if pairs.iter().all(|&p| p == (1.0, 0.0)) {
                true
            } else {
                return Ok(None);
            }
        }
        Ok(_) => return Ok(None),
    };

    let filters = filters(doc, dict);
    let mut native = match filters.as_slice() {
        [b"DCTDecode" | b"DCT"] => {
            let header = match raster::jpeg_header(&stream.content) {
                Ok(h) if h.samples_per_pixel == 1 || h.samples_per_pixel == 3 => h,
                Ok(_) => return Ok(None), // CMYK JPEG: colour handling is the renderer's
                Err(m) => return Err(err(format!("embedded JPEG: {m}"))),
            };
            let image = raster::decode_bytes(
                path,
                page,
                &stream.content,
                ImageFormat::Jpeg,
                &header,
                false,
            )?;
            Native {
                stored_width: header.width,
                bits: header.bits_per_sample,
                samples: header.samples_per_pixel,
                image,
                compression: "dct",
                jpeg: Some(stream.content.clone()),
            }
        }
        [] | [b"FlateDecode" | b"Fl" | b"LZWDecode" | b"LZW" | b"RunLengthDecode" | b"RL"] => {
            if !matches!((components, bits), (1, 1 | 8) | (3, 8)) {
                return Ok(None);
            }
            let row_bytes = (width as usize * usize::from(components) * bits as usize).div_ceil(8);
            let expected = row_bytes * height as usize;
            // Some writers pad the stream; anything far beyond the declared size is refused.
            let limit = expected + expected / 8 + 4096;
            let mut data = stream
                .decompressed_content_with_limit(limit)
                .map_err(|e| err(format!("cannot decompress the page image: {e}")))?;
            if data.len() < expected {
                return Err(err(format!(
                    "page image data is truncated ({} of {expected} bytes)",
                    data.len()
                )));
            }
            data.truncate(expected);
            let image = match (components, bits) {
                (1, 1) => {
                    pixels::unpack_gray(&data, width, height, 1).map(DynamicImage::ImageLuma8)
                }
                (1, _) => GrayImage::from_raw(width, height, data).map(DynamicImage::ImageLuma8),
                _ => RgbImage::from_raw(width, height, data).map(DynamicImage::ImageRgb8),
            }
            .ok_or_else(|| err("inconsistent page image size".into()))?;
            Native {
                image,
                stored_width: width,
                bits: bits as u8,
                samples: components,
                compression: match filters.first().copied() {
                    None => "none",
                    Some(b"LZWDecode" | b"LZW") => "lzw",
                    Some(b"RunLengthDecode" | b"RL") => "runlength",
                    Some(_) => "flate",
                },
                jpeg: None,
            }
        }
        [b"CCITTFaxDecode" | b"CCF"] if components == 1 => {
            let Some(params) = ccitt_params(doc, dict) else {
                return Ok(None);
            };
            // Only Group 4 (K < 0), unaligned, one bitmap of the declared size.
            if params.k >= 0 || params.byte_align || params.columns != width {
                return Ok(None);
            }
            if params.rows.is_some_and(|r| r != height) {
                return Ok(None);
            }
            let image = super::tiff::decode_g4(
                path,
                page,
                &stream.content,
                width,
                height,
                params.black_is_1,
            )?;
            Native {
                image: DynamicImage::ImageLuma8(image),
                stored_width: width,
                bits: 1,
                samples: 1,
                compression: "ccitt-g4",
                jpeg: None,
            }
        }
        _ => return Ok(None),
    };
    if invert {
        native.jpeg = None;
        native.image.invert();
    }
    Ok(Some(native))
}

/// The `DecodeParms` of a `CCITTFaxDecode` image that matter here.
struct CcittParams {
    k: i64,
    columns: u32,
    rows: Option<u32>,
    black_is_1: bool,
    byte_align: bool,
}

fn ccitt_params(doc: &Document, dict: &Dictionary) -> Option<CcittParams> {
    let params = match dict.get(b"DecodeParms").map(|p| deref(doc, p)) {
        Ok(Object::Dictionary(p)) => Some(p),
        Ok(Object::Array(a)) => a.last().and_then(|p| deref(doc, p).as_dict().ok()),
        _ => None,
    };
    let int = |key: &[u8]| {
        params
            .and_then(|p| p.get(key).ok())
            .and_then(|v| deref(doc, v).as_i64().ok())
    };
    let flag = |key: &[u8]| {
        params
            .and_then(|p| p.get(key).ok())
            .and_then(|v| deref(doc, v).as_bool().ok())
            .unwrap_or(false)
    };
    Some(CcittParams {
        k: int(b"K").unwrap_or(0),
        columns: u32::try_from(int(b"Columns").unwrap_or(1728)).ok()?,
        rows: int(b"Rows").and_then(|r| u32::try_from(r).ok()),
        black_is_1: flag(b"BlackIs1"),
        byte_align: flag(b"EncodedByteAlign"),
    })
}

/// Applies a page's /Rotate (clockwise degrees) to a natively decoded image.
fn rotated(image: DynamicImage, rotate: i64) -> DynamicImage {
    match rotate {
        90 => image.rotate90(),
        180 => image.rotate180(),
        270 => image.rotate270(),
        _ => image,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{decode_error, fixture, luma, rgb_at};
    use super::super::{decode_page, page_count};
    use super::*;

    /// A PDF of the numbered objects given (1 is the catalog), with a correct xref table.
    pub(crate) fn pdf_of(objects: &[&str]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).into_bytes());
        }
        let xref = pdf.len();
        pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
        for off in offsets {
            pdf.extend(format!("{off:010} 00000 n \n").into_bytes());
        }
        pdf.extend(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .into_bytes(),
        );
        pdf
    }

    #[test]
    fn pdfs_without_pages_or_with_a_looping_page_tree_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";
        let cases: [(&str, Vec<&str>, &str); 4] = [
            (
                "empty.pdf",
                vec![
                    "<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [] /Count 0 >>",
                ],
                "no pages",
            ),
            (
                "self.pdf",
                vec![
                    "<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
                ],
                "loops",
            ),
            (
                "cycle.pdf",
                vec![
                    "<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [4 0 R 3 0 R] /Count 2 >>",
                    "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
                    page,
                ],
                "loops",
            ),
            ("no-tree.pdf", vec!["<< /Type /Catalog >>"], "no page tree"),
        ];
        for (name, objects, says) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, pdf_of(&objects)).unwrap();
            let message = page_count(&path, ScanFormat::Pdf).unwrap_err().to_string();
            assert!(
                message.contains(name) && message.contains(says),
                "{name}: {message}"
            );
        }
        let good = dir.path().join("good.pdf");
        std::fs::write(
            &good,
            pdf_of(&[
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
                page,
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            ]),
        )
        .unwrap();
        assert_eq!(page_count(&good, ScanFormat::Pdf).unwrap(), 2);
    }

    #[test]
    fn a_page_that_paints_nothing_is_white_without_rendering() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("blank.pdf");
        std::fs::write(
            &path,
            pdf_of(&[
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 144] >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 144] /Rotate 90 /Contents 5 0 R >>",
                "<< /Length 8 >>\nstream\nq 1 0 0 1 0 0 cm Q\nendstream",
            ]),
        )
        .unwrap();
        for (n, size) in [(1, (300, 600)), (2, (600, 300))] {
            let page = decode_page(&path, ScanFormat::Pdf, n).unwrap();
            let t = &page.technical;
            assert_eq!(t.compression, EMPTY_PAGE, "page {n}");
            assert_eq!((t.width, t.height), size, "page {n}");
            assert_eq!((t.bits_per_sample, t.dpi), (1, Some(300.0)));
            assert!(page.image.to_luma8().pixels().all(|p| p.0[0] == 255));
        }
    }

    #[test]
    fn dct_image_only_page_decodes_natively() {
        let path = fixture("scan_dct_200dpi.pdf");
        assert_eq!(page_count(&path, ScanFormat::Pdf).unwrap(), 1);
        let page = decode_page(&path, ScanFormat::Pdf, 1).unwrap();
        let t = &page.technical;
        assert_eq!(t.format, ScanFormat::Pdf);
        assert_eq!((t.width, t.height, t.dpi), (200, 100, Some(200.0)));
        assert_eq!((t.bits_per_sample, t.samples_per_pixel), (8, 3));
        assert_eq!(t.compression, "dct");
        assert!(page.text_layer.is_none());
        let [r, g, b] = rgb_at(&page, 30, 50);
        assert!(r > 185 && g < 45 && b < 45, "{r} {g} {b}");
        let [r, g, b] = rgb_at(&page, 170, 50);
        assert!(r < 45 && g < 75 && b > 185, "{r} {g} {b}");
    }

    #[test]
    fn image_pages_decode_natively_and_others_render() {
        let path = fixture("scan_flate.pdf");
        assert_eq!(page_count(&path, ScanFormat::Pdf).unwrap(), 8);

        // 1: 8-bit gray Flate at 300 dpi, pixel (x, y) = x.
        let p = decode_page(&path, ScanFormat::Pdf, 1).unwrap();
        assert_eq!(p.technical.compression, "flate");
        assert_eq!((p.technical.width, p.technical.height), (200, 100));
        assert_eq!(p.technical.dpi, Some(300.0));
        assert_eq!(
            (p.technical.bits_per_sample, p.technical.samples_per_pixel),
            (8, 1)
        );
        for x in [0, 1, 99, 199] {
            assert_eq!(luma(&p, x, 10), x as u8);
        }

        // 2: 1-bit Flate: expanded to 0/255, black rectangle x 20..=59.
        let p = decode_page(&path, ScanFormat::Pdf, 2).unwrap();
        assert_eq!(
            (
                p.technical.bits_per_sample,
                p.technical.compression.as_str()
            ),
            (1, "flate")
        );
        assert_eq!(luma(&p, 5, 5), 255);
        assert_eq!(luma(&p, 40, 50), 0);

        // 3: RGB Flate with a PNG predictor, 150 dpi.
        let p = decode_page(&path, ScanFormat::Pdf, 3).unwrap();
        assert_eq!(p.technical.dpi, Some(150.0));
        assert_eq!(rgb_at(&p, 30, 50), [200, 30, 30]);
        assert_eq!(rgb_at(&p, 170, 50), [30, 60, 200]);

        // 4: CCITT G4 with /BlackIs1 true, decoded natively.
        let p = decode_page(&path, ScanFormat::Pdf, 4).unwrap();
        let t = &p.technical;
        assert_eq!((t.width, t.height, t.dpi), (200, 100, Some(300.0)));
        assert_eq!((t.bits_per_sample, t.samples_per_pixel), (1, 1));
        assert_eq!(t.compression, "ccitt-g4");
        assert_eq!(luma(&p, 5, 5), 255, "paper stays white");
        assert_eq!(luma(&p, 40, 50), 0, "ink stays black");
        assert_eq!(luma(&p, 150, 50), 255);
        let DynamicImage::ImageLuma8(img) = &p.image else {
            unreachable!()
        };
        assert_eq!(img.pixels().filter(|p| p[0] == 0).count(), 40 * 60);

        // 5: vector only: rendered at 300 dpi in colour. 48 x 24 pt = 200 x 100 px.
        let p = decode_page(&path, ScanFormat::Pdf, 5).unwrap();
        let t = &p.technical;
        assert_eq!((t.width, t.height, t.dpi), (200, 100, Some(300.0)));
        assert_eq!((t.bits_per_sample, t.samples_per_pixel), (8, 3));
        assert_eq!(t.compression, "rendered");
        assert_eq!(rgb_at(&p, 5, 5), [255, 255, 255]);
        assert_eq!(rgb_at(&p, 40, 50), [0, 0, 0]);

        // 6: CCITT G3: rendered by pdftoppm, in gray, at the scan's own 200 dpi.
        let p = decode_page(&path, ScanFormat::Pdf, 6).unwrap();
        let t = &p.technical;
        assert_eq!((t.width, t.height, t.dpi), (200, 100, Some(200.0)));
        assert_eq!((t.bits_per_sample, t.samples_per_pixel), (1, 1));
        assert_eq!(t.compression, "ccitt-g3");
        assert_eq!(luma(&p, 5, 5), 255, "paper stays white");
        assert_eq!(luma(&p, 40, 50), 0, "ink stays black");

        // 7: inverted bits with /Decode [1 0] look like page 2.
        let p = decode_page(&path, ScanFormat::Pdf, 7).unwrap();
        assert_eq!(p.technical.compression, "flate");
        assert_eq!(luma(&p, 5, 5), 255);
        assert_eq!(luma(&p, 40, 50), 0);

        // 8: page 1's image on a page with /Rotate 90: turned clockwise, 100 x 200.
        let p = decode_page(&path, ScanFormat::Pdf, 8).unwrap();
        let t = &p.technical;
        assert_eq!((t.width, t.height, t.dpi), (100, 200, Some(300.0)));
        assert_eq!(luma(&p, 10, 3), 3);
        assert_eq!(luma(&p, 90, 150), 150);

        let message = decode_error(&path, ScanFormat::Pdf, 9);
        assert!(message.contains("page 9 does not exist"), "{message}");
    }

    #[test]
    fn native_g4_matches_the_renderer() {
        // The same CCITT page through both paths: Poppler anti-aliases the edges of the
        // 40 x 60 px rectangle and may shift them by a pixel; everything else is equal.
        let path = fixture("scan_flate.pdf");
        let native = decode_page(&path, ScanFormat::Pdf, 4).unwrap();
        let rendered = render::render_page(&path, 4, 300.0, true).unwrap();
        let (a, b) = (native.image.to_luma8(), rendered.to_luma8());
        assert_eq!(a.dimensions(), b.dimensions());
        let differing = a
            .pixels()
            .zip(b.pixels())
            .filter(|(x, y)| (x[0] < 128) != (y[0] < 128))
            .count();
        assert!(differing <= 2 * (40 + 60), "{differing} pixels differ");
    }

    #[test]
    fn invisible_ocr_text_layer_is_extracted_with_word_breaks() {
        let path = fixture("text_layer.pdf");
        let p = decode_page(&path, ScanFormat::Pdf, 1).unwrap();
        assert_eq!(
            p.technical.compression, "dct",
            "invisible text does not force rendering"
        );
        assert_eq!(luma(&p, 100, 50), 255);
        assert_eq!(
            p.text_layer.as_deref(),
            Some(
                "ĐẢNG CỘNG SẢN VIỆT NAM\n\
                 Hà Nội, ngày 31 tháng 3 năm 2022\n\
                 NGHỊ QUYẾT\n\
                 về chuyển đổi số trong các cơ quan Đảng"
            )
        );
    }

    #[test]
    fn visible_legacy_text_is_rendered_and_extracted_as_is() {
        let path = fixture("text_layer.pdf");
        let p = decode_page(&path, ScanFormat::Pdf, 2).unwrap();
        assert_eq!(p.technical.compression, "rendered");
        let text = p.text_layer.unwrap();
        assert!(text.starts_with("§¶ng Céng s¶n ViÖt Nam\nHµ Néi"), "{text}");
        assert_eq!(text.lines().count(), 3);
    }

    #[test]
    fn encrypted_pdfs_are_refused() {
        for name in ["encrypted_owner.pdf", "encrypted_user.pdf"] {
            let path = fixture(name);
            let message = decode_error(&path, ScanFormat::Pdf, 1);
            assert!(
                message.contains("encrypted PDF is not supported"),
                "{message}"
            );
            let message = page_count(&path, ScanFormat::Pdf).unwrap_err().to_string();
            assert!(
                message.contains(name) && message.contains("encrypted"),
                "{message}"
            );
        }
    }

    #[test]
    fn image_bomb_is_rejected_before_decoding() {
        let message = decode_error(&fixture("bomb_image.pdf"), ScanFormat::Pdf, 1);
        assert!(
            message.contains("page 1") && message.contains("100000x100000 exceed the limit"),
            "{message}"
        );
    }

    #[test]
    fn truncated_pdf_is_an_error_or_a_page_never_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        for source in ["scan_dct_200dpi.pdf", "scan_flate.pdf", "text_layer.pdf"] {
            let bytes = std::fs::read(fixture(source)).unwrap();
            for keep in [
                8,
                100,
                bytes.len() / 3,
                bytes.len() * 2 / 3,
                bytes.len() - 30,
            ] {
                let path = dir.path().join(format!("cut-{keep}-{source}"));
                std::fs::write(&path, &bytes[..keep]).unwrap();
                match page_count(&path, ScanFormat::Pdf) {
                    Ok(n) => {
                        for page in 1..=n {
                            if decode_page(&path, ScanFormat::Pdf, page).is_err() {
                                decode_error(&path, ScanFormat::Pdf, page);
                            }
                        }
                    }
                    Err(e) => assert!(e.to_string().contains(source), "{e}"),
                }
            }
        }
    }

    #[test]
    fn a_changed_file_is_parsed_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scan.pdf");
        std::fs::copy(fixture("scan_dct_200dpi.pdf"), &path).unwrap();
        assert_eq!(page_count(&path, ScanFormat::Pdf).unwrap(), 1);
        assert_eq!(
            page_count(&path, ScanFormat::Pdf).unwrap(),
            1,
            "from the cache"
        );
        std::fs::copy(fixture("scan_flate.pdf"), &path).unwrap();
        assert_eq!(page_count(&path, ScanFormat::Pdf).unwrap(), 8);
        std::fs::write(&path, b"").unwrap();
        assert!(page_count(&path, ScanFormat::Pdf).is_err());
    }

    #[test]
    // Products of small integers are exact in f64.
    #[allow(clippy::float_cmp)]
    fn matrices_and_coverage() {
        let scale = [200.0, 0.0, 0.0, 100.0, 0.0, 0.0];
        let shifted = multiply(&scale, &[1.0, 0.0, 0.0, 1.0, 10.0, 20.0]);
        assert_eq!(shifted, [200.0, 0.0, 0.0, 100.0, 10.0, 20.0]);
        let page = [0.0, 0.0, 200.0, 100.0];
        assert!(covers(&scale, &page));
        assert!(covers(&[199.5, 0.0, 0.0, 100.4, 0.3, -0.2], &page));
        assert!(!covers(&shifted, &page), "shifted off the page");
        assert!(
            !covers(&[100.0, 0.0, 0.0, 100.0, 0.0, 0.0], &page),
            "half the page"
        );
        assert!(
            !covers(&[0.0, 100.0, -200.0, 0.0, 200.0, 0.0], &page),
            "rotated"
        );
        assert!(
            !covers(&[200.0, 0.0, 0.0, -100.0, 0.0, 100.0], &page),
            "mirrored"
        );
    }
}
