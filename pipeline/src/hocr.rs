//! hOCR: a stored page record in, the page's words and boxes as an hOCR 1.2 document out.
//!
//! In: a [`PageRecord`] (OCR words with pixel boxes, confidences and line numbers). Out: an
//! XHTML string (`pages/NNNN.hocr` in the object) with one `ocr_page`, an `ocr_line` per
//! line and an `ocrx_word` per word (`bbox`, `x_wconf`), readable by any hOCR tool. Boxes are
//! in the frame of the page as it was recognised: straightened by the recorded skew and
//! turned by the recorded quarter turn (both noted on the page element); blank pages and
//! pages read from a PDF text layer get a page element without words. Written with
//! quick-xml (see `markup`): text and attributes escaped by the crate, characters XML 1.0
//! cannot carry dropped.

use std::io;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use crate::markup::{attr, text};
use crate::store::records::{PageRecord, TextSource};

/// The XHTML 1.0 Transitional document type hOCR 1.2 files declare.
const DOCTYPE: &str = "html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \
                       \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"";

fn bbox(b: [u32; 4]) -> String {
    format!(
        "bbox {} {} {} {}",
        b[0],
        b[1],
        b[0].saturating_add(b[2]),
        b[1].saturating_add(b[3])
    )
}

/// The union of boxes, `[left, top, width, height]`.
fn union(boxes: impl Iterator<Item = [u32; 4]>) -> Option<[u32; 4]> {
    boxes
        .map(|b| (b[0], b[1], b[0] + b[2], b[1] + b[3]))
        .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)))
        .map(|(l, t, r, b)| [l, t, r - l, b - t])
}

/// Renders `page` as hOCR. `image` is the original's logical path in the object.
pub fn render(page: &PageRecord, image: &str, ocr_system: &str) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 1);
    // `<meta ... />`, as XHTML read as HTML needs.
    writer.config_mut().add_space_before_slash_in_empty_elements = true;
    crate::markup::to_string(writer, |w| {
        write_document(w, page, image, ocr_system)?;
        w.get_mut().push(b'\n');
        Ok(())
    })
}

fn write_document(
    w: &mut Writer<Vec<u8>>,
    page: &PageRecord,
    image: &str,
    ocr_system: &str,
) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::DocType(BytesText::from_escaped(DOCTYPE)))?;
    w.create_element("html")
        .with_attributes([
            ("xmlns", "http://www.w3.org/1999/xhtml"),
            ("xml:lang", "vi"),
            ("lang", "vi"),
        ])
        .write_inner_content(|w| {
            w.create_element("head").write_inner_content(|w| {
                w.create_element("title").write_text_content(text(image))?;
                w.create_element("meta")
                    .with_attributes([
                        ("http-equiv", "Content-Type"),
                        ("content", "text/html; charset=utf-8"),
                    ])
                    .write_empty()?;
                w.create_element("meta")
                    .with_attribute(("name", "ocr-system"))
                    .with_attribute(attr("content", ocr_system))
                    .write_empty()?;
                w.create_element("meta")
                    .with_attributes([
                        ("name", "ocr-capabilities"),
                        ("content", "ocr_page ocr_line ocrx_word"),
                    ])
                    .write_empty()?;
                Ok(())
            })?;
            w.create_element("body")
                .write_inner_content(|w| write_page(w, page, image))?;
            Ok(())
        })?;
    Ok(())
}

/// The `ocr_page` element: the page box in the recognised frame, then its lines.
fn write_page(w: &mut Writer<Vec<u8>>, page: &PageRecord, image: &str) -> io::Result<()> {
    let (rotation, skew, dpi) = page.preprocess.as_ref().map_or((0, 0.0, 0), |f| {
        (
            f.rotation,
            if f.deskewed { f.skew_degrees } else { 0.0 },
            f.dpi,
        )
    });
    let (mut width, mut height) = (page.technical.width, page.technical.height);
    if rotation % 180 == 90 {
        std::mem::swap(&mut width, &mut height);
    }
    let resolution = if dpi > 0 {
        format!("; scan_res {dpi} {dpi}")
    } else {
        String::new()
    };
    let title = format!(
        "image \"{image}\"; ppageno {}; bbox 0 0 {width} {height}{resolution}",
        page.number.saturating_sub(1),
    );
    let mut div = BytesStart::new("div");
    div.push_attribute(("class", "ocr_page"));
    div.push_attribute(("id", format!("page_{}", page.number).as_str()));
    div.push_attribute(attr("title", &title));
    div.push_attribute(("data-source-page", page.source_page.to_string().as_str()));
    div.push_attribute(("data-rotation", rotation.to_string().as_str()));
    div.push_attribute(("data-deskew-degrees", format!("{skew:.2}").as_str()));
    div.push_attribute((
        "data-text-source",
        match page.text_source {
            TextSource::Ocr => "ocr",
            TextSource::TextLayer => "text_layer",
            TextSource::Blank => "blank",
        },
    ));
    w.write_event(Event::Start(div))?;
    let mut lines: Vec<(u32, Vec<usize>)> = Vec::new();
    for (i, word) in page.words.iter().enumerate() {
        match lines.last_mut() {
            Some((line, members)) if *line == word.line => members.push(i),
            _ => lines.push((word.line, vec![i])),
        }
    }
    for (li, (_, members)) in lines.iter().enumerate() {
        let line_box = union(members.iter().map(|&i| page.words[i].bbox)).unwrap_or([0; 4]);
        let id = format!("line_{}_{}", page.number, li + 1);
        w.create_element("span")
            .with_attributes([
                ("class", "ocr_line"),
                ("id", id.as_str()),
                ("title", bbox(line_box).as_str()),
            ])
            .write_inner_content(|w| {
                for &i in members {
                    let word = &page.words[i];
                    let id = format!("word_{}_{}", page.number, i + 1);
                    let title = format!(
                        "{}; x_wconf {}",
                        bbox(word.bbox),
                        word.confidence.round().clamp(0.0, 100.0) as u32
                    );
                    w.create_element("span")
                        .with_attributes([
                            ("class", "ocrx_word"),
                            ("id", id.as_str()),
                            ("title", title.as_str()),
                        ])
                        .write_text_content(text(&word.text))?;
                }
                Ok(())
            })?;
    }
    w.write_event(Event::End(BytesEnd::new("div")))?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::decode::{ScanFormat, TechnicalMetadata};
    use crate::markup::read_back::{named, parse, HOSTILE, HOSTILE_READ};
    use crate::ocr::OcrWord;
    use crate::preprocess::PreprocessFacts;

    fn word(text: &str, bbox: [u32; 4], line: u32) -> OcrWord {
        OcrWord {
            text: text.into(),
            bbox,
            confidence: 91.4,
            line,
        }
    }

    /// A page of A4 at 300 dpi read by OCR as `words`, turned by `rotation`.
    pub(crate) fn page(words: Vec<OcrWord>, rotation: u16) -> PageRecord {
        PageRecord {
            number: 3,
            source_file: "hs/a.tif".into(),
            source_page: 2,
            source_sha256: "00".repeat(32),
            technical: TechnicalMetadata {
                format: ScanFormat::Tiff,
                width: 2480,
                height: 3508,
                dpi: Some(300.0),
                bits_per_sample: 1,
                samples_per_pixel: 1,
                compression: "ccitt-g4".into(),
            }
            .into(),
            conformance: archive_records::ConformanceRecord::default(),
            preprocess: Some(
                PreprocessFacts {
                    dpi: 300,
                    rotation,
                    ..Default::default()
                }
                .into(),
            ),
            text_source: TextSource::Ocr,
            text: String::new(),
            mean_confidence: 91.0,
            words: words.into_iter().map(Into::into).collect(),
            ocr: None,
            header_ink: Vec::new(),
            closing_reading: None,
            closing_reading_as_scanned: None,
            page_extract: None,
        }
    }

    #[test]
    fn words_are_grouped_by_line_with_boxes_and_escaped_text() {
        let p = page(
            vec![
                word("ĐẢNG", [100, 50, 200, 40], 0),
                word("<ỦY>", [320, 52, 150, 40], 0),
                word("Số&", [100, 150, 80, 30], 1),
            ],
            0,
        );
        let h = render(&p, "originals/hs/a.tif", "tesseract 5.3.0");
        assert!(h.contains("bbox 0 0 2480 3508; scan_res 300 300"), "{h}");
        assert!(h.contains("ppageno 2"));
        assert_eq!(h.matches("class=\"ocr_line\"").count(), 2);
        assert_eq!(h.matches("class=\"ocrx_word\"").count(), 3);
        assert!(h.contains("title=\"bbox 100 50 470 92\""), "line box: {h}");
        assert!(h.contains("bbox 320 52 470 92; x_wconf 91\">&lt;ỦY&gt;</span>"));
        assert!(h.contains(">Số&amp;</span>"));
    }

    #[test]
    fn a_sideways_page_swaps_the_page_box() {
        let h = render(&page(Vec::new(), 90), "originals/x.png", "t");
        assert!(h.contains("bbox 0 0 3508 2480"), "{h}");
        assert!(h.contains("data-rotation=\"90\""));
        assert!(!h.contains("class=\"ocr_line\""));
    }

    #[test]
    fn hostile_text_reads_back_from_valid_hocr() {
        let p = page(
            vec![
                word(HOSTILE, [100, 50, 200, 40], 0),
                word("Đảng", [320, 52, 150, 40], 0),
                word("]]>", [100, 150, 80, 30], 1),
            ],
            0,
        );
        let image = "originals/hộp \"1\"/<a>&b.tif";
        let h = render(&p, image, HOSTILE);
        let (elements, _) = parse(&h);
        let html = &elements[0];
        assert_eq!(html.name, "html");
        assert_eq!(
            html.attribute("xmlns"),
            Some("http://www.w3.org/1999/xhtml")
        );
        assert_eq!(named(&elements, "title")[0].text, image);
        let system = named(&elements, "meta")
            .into_iter()
            .find(|m| m.attribute("name") == Some("ocr-system"))
            .unwrap();
        assert_eq!(system.attribute("content"), Some(HOSTILE_READ));
        let div = named(&elements, "div")[0];
        assert_eq!(div.attribute("class"), Some("ocr_page"));
        assert_eq!(div.attribute("id"), Some("page_3"));
        assert_eq!(
            div.attribute("title"),
            Some(
                "image \"originals/hộp \"1\"/<a>&b.tif\"; ppageno 2; bbox 0 0 2480 3508; \
                 scan_res 300 300"
            )
        );
        assert_eq!(div.attribute("data-source-page"), Some("2"));
        assert_eq!(div.attribute("data-deskew-degrees"), Some("0.00"));
        assert_eq!(div.attribute("data-text-source"), Some("ocr"));
        let spans = named(&elements, "span");
        let classes: Vec<_> = spans
            .iter()
            .map(|s| s.attribute("class").unwrap())
            .collect();
        assert_eq!(
            classes,
            [
                "ocr_line",
                "ocrx_word",
                "ocrx_word",
                "ocr_line",
                "ocrx_word"
            ]
        );
        assert_eq!(spans[0].attribute("title"), Some("bbox 100 50 470 92"));
        assert_eq!(spans[0].attribute("id"), Some("line_3_1"));
        assert_eq!(spans[1].text, HOSTILE_READ);
        assert_eq!(spans[1].attribute("id"), Some("word_3_1"));
        assert_eq!(
            spans[1].attribute("title"),
            Some("bbox 100 50 300 90; x_wconf 91")
        );
        assert_eq!(spans[2].text, "Đảng");
        assert_eq!(spans[4].text, "]]>");
        assert!(h.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC"));
    }
}
